/* kassa-date.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-date"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-date.h"
#include "kassa-money.h"

#define LAST_YEAR 9999
#define LAST_VALID_DAY 3652059 /* 9999-12-31 */
#define MAX_FIELDS 3

/* A date typed by a user, split into runs of digits and what separates
 * them: "24.11.2026" is 24 "." 11 "." 2026 "". */
typedef struct
{
  guint n_fields;
  int   values[MAX_FIELDS];
  int   digits[MAX_FIELDS];
  char  separators[MAX_FIELDS][8];
} DateFields;

static gboolean
split_fields (const char *text,
              DateFields *fields)
{
  const char *s = text;

  memset (fields, 0, sizeof *fields);

  while (*s != '\0')
    {
      guint i = fields->n_fields;
      gsize separator_length;

      if (i == MAX_FIELDS || !g_ascii_isdigit (*s))
        return FALSE;

      for (; g_ascii_isdigit (*s); s++)
        {
          if (fields->digits[i] == 4)
            return FALSE;
          fields->values[i] = fields->values[i] * 10 + (*s - '0');
          fields->digits[i]++;
        }

      separator_length = strcspn (s, "0123456789");
      if (separator_length >= sizeof fields->separators[i])
        return FALSE;
      memcpy (fields->separators[i], s, separator_length);
      s += separator_length;
      fields->n_fields++;
    }

  return TRUE;
}

static gboolean
fields_match (const DateFields *fields,
              const char       *first,
              const char       *second,
              const char       *third)
{
  const char *expected[MAX_FIELDS] = { first, second, third };

  for (guint i = 0; i < fields->n_fields; i++)
    {
      if (!g_str_equal (fields->separators[i], expected[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_day_or_month (const DateFields *fields,
                 guint             index)
{
  return fields->digits[index] >= 1 && fields->digits[index] <= 2;
}

/* A two-digit year means the year of that century nearest to today:
 * in 2026, "26" is 2026, "76" is 2076 and "99" is 1999. */
static int
expand_two_digit_year (int two_digits,
                       int today_year)
{
  int year = today_year - today_year % 100 + two_digits;

  if (year > today_year + 50)
    year -= 100;
  else if (year < today_year - 50)
    year += 100;

  return year;
}

/* "24.11.2026", "24.11.26", "24.11." and "24.11": understood everywhere
 * because Finnish users type it whatever the interface language. */
static gboolean
read_dotted (const DateFields *fields,
             int               today_year,
             int              *year,
             int              *month,
             int              *mday)
{
  if (!is_day_or_month (fields, 0) || !is_day_or_month (fields, 1))
    return FALSE;

  if (fields->n_fields == 2 &&
      (fields_match (fields, ".", ".", "") || fields_match (fields, ".", "", "")))
    *year = today_year;
  else if (fields->n_fields == 3 && fields_match (fields, ".", ".", "") &&
           fields->digits[2] == 4)
    *year = fields->values[2];
  else if (fields->n_fields == 3 && fields_match (fields, ".", ".", "") &&
           fields->digits[2] == 2)
    *year = expand_two_digit_year (fields->values[2], today_year);
  else
    return FALSE;

  *mday = fields->values[0];
  *month = fields->values[1];
  return TRUE;
}

/* Year first: ISO "2026-11-24" everywhere, "2026/11/24" and
 * "2026年11月24日" in Chinese. */
static gboolean
read_year_first (const DateFields *fields,
                 KassaLocale       locale,
                 int              *year,
                 int              *month,
                 int              *mday)
{
  gboolean matches;

  if (fields->n_fields != 3 || fields->digits[0] != 4 ||
      !is_day_or_month (fields, 1) || !is_day_or_month (fields, 2))
    return FALSE;

  matches = fields_match (fields, "-", "-", "");
  if (locale == KASSA_LOCALE_ZH_CN)
    matches = matches || fields_match (fields, "/", "/", "") ||
              fields_match (fields, "年", "月", "日");
  if (!matches)
    return FALSE;

  *year = fields->values[0];
  *month = fields->values[1];
  *mday = fields->values[2];
  return TRUE;
}

/* American month/day/year, only in English. */
static gboolean
read_month_first (const DateFields *fields,
                  KassaLocale       locale,
                  int              *year,
                  int              *month,
                  int              *mday)
{
  if (locale != KASSA_LOCALE_EN || fields->n_fields != 3 ||
      !fields_match (fields, "/", "/", "") ||
      !is_day_or_month (fields, 0) || !is_day_or_month (fields, 1) || fields->digits[2] != 4)
    return FALSE;

  *month = fields->values[0];
  *mday = fields->values[1];
  *year = fields->values[2];
  return TRUE;
}

static gboolean
read_fields (const char  *text,
             KassaLocale  locale,
             KassaDay     today,
             KassaDay    *day)
{
  DateFields fields;
  int today_year = 0;
  int year = 0;
  int month = 0;
  int mday = 0;

  if (!split_fields (text, &fields))
    return FALSE;

  if (kassa_day_is_valid (today))
    kassa_day_to_ymd (today, &today_year, NULL, NULL);

  if (!read_year_first (&fields, locale, &year, &month, &mday) &&
      !read_month_first (&fields, locale, &year, &month, &mday) &&
      !read_dotted (&fields, today_year, &year, &month, &mday))
    return FALSE;

  *day = kassa_day_from_ymd (year, month, mday);
  return *day != 0;
}

static void
set_invalid_date_error (GError      **error,
                        KassaLocale   locale,
                        KassaDay      today)
{
  KassaDay example = kassa_day_is_valid (today) ? today : kassa_day_from_ymd (2026, 11, 24);
  g_autofree char *text = kassa_day_format (example, locale);

  /* Translators: %s is an example date in the expected form, e.g. "24.11.2026" */
  g_set_error (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_INVALID,
               _("Enter a date such as %s"), text);
}

/**
 * kassa_day_is_valid:
 *
 * Returns: whether @day lies between 0001-01-01 and 9999-12-31
 */
gboolean
kassa_day_is_valid (KassaDay day)
{
  return day >= 1 && day <= LAST_VALID_DAY;
}

/**
 * kassa_day_from_ymd:
 *
 * Returns: the day, or 0 when there is no such date (2025-02-29)
 */
KassaDay
kassa_day_from_ymd (int year,
                    int month,
                    int day)
{
  GDate date;

  if (year < 1 || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > 31)
    return 0;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return (KassaDay) g_date_get_julian (&date);
}

/**
 * kassa_day_to_ymd:
 * @year: (out) (optional):
 * @month: (out) (optional): 1..12
 * @mday: (out) (optional): 1..31
 */
void
kassa_day_to_ymd (KassaDay  day,
                  int      *year,
                  int      *month,
                  int      *mday)
{
  GDate date;

  g_return_if_fail (kassa_day_is_valid (day));

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) day);
  if (year != NULL)
    *year = g_date_get_year (&date);
  if (month != NULL)
    *month = g_date_get_month (&date);
  if (mday != NULL)
    *mday = g_date_get_day (&date);
}

/**
 * kassa_day_from_date_time:
 *
 * Returns: the calendar date of @date_time in its own time zone
 */
KassaDay
kassa_day_from_date_time (GDateTime *date_time)
{
  int year;
  int month;
  int mday;

  g_return_val_if_fail (date_time != NULL, 0);

  g_date_time_get_ymd (date_time, &year, &month, &mday);
  return kassa_day_from_ymd (year, month, mday);
}

/**
 * kassa_day_add_months:
 *
 * Moves by whole months; a day past the end of the target month becomes its
 * last day (31 January + 1 month = 28 or 29 February).
 *
 * Returns: the day, or 0 when the result falls outside 1..9999
 */
KassaDay
kassa_day_add_months (KassaDay day,
                      int      months)
{
  int year;
  int month;
  int mday;
  gint64 index;
  int last_mday;

  g_return_val_if_fail (kassa_day_is_valid (day), 0);

  kassa_day_to_ymd (day, &year, &month, &mday);
  index = (gint64) year * 12 + (month - 1) + months;
  if (index < 12 || index >= (gint64) (LAST_YEAR + 1) * 12)
    return 0;

  year = (int) (index / 12);
  month = (int) (index % 12) + 1;
  last_mday = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);

  return kassa_day_from_ymd (year, month, MIN (mday, last_mday));
}

KassaDay
kassa_day_start_of_month (KassaDay day)
{
  int year;
  int month;

  g_return_val_if_fail (kassa_day_is_valid (day), 0);

  kassa_day_to_ymd (day, &year, &month, NULL);
  return kassa_day_from_ymd (year, month, 1);
}

KassaDay
kassa_day_start_of_year (KassaDay day)
{
  int year;

  g_return_val_if_fail (kassa_day_is_valid (day), 0);

  kassa_day_to_ymd (day, &year, NULL, NULL);
  return kassa_day_from_ymd (year, 1, 1);
}

/**
 * kassa_day_format_iso:
 *
 * Returns: (transfer full): "2026-11-24"
 */
char *
kassa_day_format_iso (KassaDay day)
{
  int year;
  int month;
  int mday;

  g_return_val_if_fail (kassa_day_is_valid (day), NULL);

  kassa_day_to_ymd (day, &year, &month, &mday);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, mday);
}

/**
 * kassa_day_format:
 *
 * Finnish uses the national "24.11.2026" (day and month without leading
 * zeros, as Finnish style writes them); the other languages use ISO 8601,
 * which nobody misreads.
 *
 * Returns: (transfer full): the date for display
 */
char *
kassa_day_format (KassaDay    day,
                  KassaLocale locale)
{
  int year;
  int month;
  int mday;

  g_return_val_if_fail (kassa_day_is_valid (day), NULL);

  switch (locale)
    {
    case KASSA_LOCALE_FI:
      kassa_day_to_ymd (day, &year, &month, &mday);
      return g_strdup_printf ("%d.%d.%d", mday, month, year);
    case KASSA_LOCALE_SV:
    case KASSA_LOCALE_EN:
    case KASSA_LOCALE_ZH_CN:
    default:
      return kassa_day_format_iso (day);
    }
}

/**
 * kassa_day_parse:
 * @text: what the user typed
 * @locale: the conventions to read besides the ones understood everywhere
 * @today: gives the year of "24.11." and the example in the error message
 * @day: (out): the date
 * @error: a #KASSA_PARSE_ERROR with a translated message
 *
 * Reads "2026-11-24" and "24.11.2026", "24.11.26", "24.11." in every
 * language; "11/24/2026" in English; "2026/11/24" and "2026年11月24日" in
 * Chinese.
 */
gboolean
kassa_day_parse (const char   *text,
                 KassaLocale   locale,
                 KassaDay      today,
                 KassaDay     *day,
                 GError      **error)
{
  g_autofree char *trimmed = NULL;
  KassaDay result = 0;

  g_return_val_if_fail (day != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_EMPTY,
                           _("Enter a date"));
      return FALSE;
    }

  if (!read_fields (trimmed, locale, today, &result))
    {
      set_invalid_date_error (error, locale, today);
      return FALSE;
    }

  *day = result;
  return TRUE;
}
