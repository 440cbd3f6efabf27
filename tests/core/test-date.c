/* test-date.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-date"

#include "config.h"

#include <glib.h>

#include "kassa-date.h"
#include "kassa-money.h"

#define FI KASSA_LOCALE_FI
#define SV KASSA_LOCALE_SV
#define EN KASSA_LOCALE_EN
#define ZH KASSA_LOCALE_ZH_CN

#define OK (-1)
#define EMPTY KASSA_PARSE_ERROR_EMPTY
#define INVALID KASSA_PARSE_ERROR_INVALID

/* Day numbers worked out independently as proleptic Gregorian ordinals
 * (0001-01-01 = 1, e.g. Python's date.toordinal ()). */
#define DAY_0001_01_01 1
#define DAY_1900_01_01 693596
#define DAY_1970_01_01 719163
#define DAY_2000_02_29 730179
#define DAY_2024_02_29 738945
#define DAY_2026_01_01 739617
#define DAY_2026_11_01 739921
#define DAY_2026_11_24 739944
#define DAY_9999_12_31 3652059

static void
test_from_ymd (void)
{
  static const struct { int year; int month; int mday; KassaDay expected; } cases[] = {
    { 1, 1, 1, DAY_0001_01_01 },
    { 1900, 1, 1, DAY_1900_01_01 },
    { 1970, 1, 1, DAY_1970_01_01 },
    { 2000, 2, 29, DAY_2000_02_29 },
    { 2024, 2, 29, DAY_2024_02_29 },
    { 2026, 1, 1, DAY_2026_01_01 },
    { 2026, 11, 1, DAY_2026_11_01 },
    { 2026, 11, 24, DAY_2026_11_24 },
    { 9999, 12, 31, DAY_9999_12_31 },
    /* no such dates */
    { 2025, 2, 29, 0 },
    { 1900, 2, 29, 0 },
    { 2026, 2, 30, 0 },
    { 2026, 4, 31, 0 },
    { 2026, 1, 32, 0 },
    { 2026, 13, 1, 0 },
    { 2026, 0, 1, 0 },
    { 2026, 1, 0, 0 },
    { 2026, -1, 1, 0 },
    { 0, 1, 1, 0 },
    { 10000, 1, 1, 0 },
    { 65536 + 2026, 1, 1, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%d-%d-%d", cases[i].year, cases[i].month, cases[i].mday);
      g_assert_cmpint (kassa_day_from_ymd (cases[i].year, cases[i].month, cases[i].mday), ==,
                       cases[i].expected);
    }
}

static void
test_to_ymd (void)
{
  static const struct { KassaDay day; int year; int month; int mday; } cases[] = {
    { DAY_0001_01_01, 1, 1, 1 },
    { DAY_1970_01_01, 1970, 1, 1 },
    { DAY_2000_02_29, 2000, 2, 29 },
    { DAY_2000_02_29 + 1, 2000, 3, 1 },
    { DAY_2026_01_01 - 1, 2025, 12, 31 },
    { DAY_2026_11_24, 2026, 11, 24 },
    { DAY_9999_12_31, 9999, 12, 31 },
  };
  int month = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int year = 0;
      int mday = 0;

      kassa_day_to_ymd (cases[i].day, &year, &month, &mday);
      g_assert_cmpint (year, ==, cases[i].year);
      g_assert_cmpint (month, ==, cases[i].month);
      g_assert_cmpint (mday, ==, cases[i].mday);
    }

  /* Outputs are optional. */
  kassa_day_to_ymd (DAY_2026_11_24, NULL, &month, NULL);
  g_assert_cmpint (month, ==, 11);
}

static void
test_is_valid (void)
{
  g_assert_false (kassa_day_is_valid (-1));
  g_assert_false (kassa_day_is_valid (0));
  g_assert_true (kassa_day_is_valid (1));
  g_assert_true (kassa_day_is_valid (DAY_2026_11_24));
  g_assert_true (kassa_day_is_valid (DAY_9999_12_31));
  g_assert_false (kassa_day_is_valid (DAY_9999_12_31 + 1));
  g_assert_false (kassa_day_is_valid (G_MAXINT32));
}

static void
test_from_date_time (void)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 11, 24, 23, 59, 59);
  g_autoptr(GTimeZone) helsinki = g_time_zone_new_identifier ("+02:00");
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) early = g_date_time_new_utc (2026, 11, 24, 0, 0, 0);

  g_assert_nonnull (helsinki);
  local = g_date_time_to_timezone (utc, helsinki);

  g_assert_cmpint (kassa_day_from_date_time (utc), ==, DAY_2026_11_24);
  g_assert_cmpint (kassa_day_from_date_time (early), ==, DAY_2026_11_24);
  /* 23:59 UTC is already the next day two hours east: the local date counts */
  g_assert_cmpint (kassa_day_from_date_time (local), ==, DAY_2026_11_24 + 1);
}

static void
test_add_months (void)
{
  static const struct { int y, m, d, months, ey, em, ed; } cases[] = {
    { 2026, 11, 24, 0, 2026, 11, 24 },
    { 2026, 11, 24, 1, 2026, 12, 24 },
    { 2026, 11, 24, 2, 2027, 1, 24 },
    { 2026, 11, 24, -11, 2025, 12, 24 },
    { 2026, 1, 15, -13, 2024, 12, 15 },
    { 2026, 1, 31, 1, 2026, 2, 28 },
    { 2024, 1, 31, 1, 2024, 2, 29 },
    { 2026, 3, 31, -1, 2026, 2, 28 },
    { 2026, 5, 31, 1, 2026, 6, 30 },
    { 2026, 1, 31, 12, 2027, 1, 31 },
    { 2024, 2, 29, 12, 2025, 2, 28 },
    { 2024, 2, 29, 48, 2028, 2, 29 },
    { 2026, 8, 31, 120, 2036, 8, 31 },
    { 9999, 12, 1, 0, 9999, 12, 1 },
    { 1, 1, 31, 1, 1, 2, 28 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KassaDay start = kassa_day_from_ymd (cases[i].y, cases[i].m, cases[i].d);
      KassaDay expected = kassa_day_from_ymd (cases[i].ey, cases[i].em, cases[i].ed);

      g_test_message ("%d-%d-%d %+d months", cases[i].y, cases[i].m, cases[i].d, cases[i].months);
      g_assert_cmpint (start, !=, 0);
      g_assert_cmpint (expected, !=, 0);
      g_assert_cmpint (kassa_day_add_months (start, cases[i].months), ==, expected);
    }

  /* Off the calendar's ends */
  g_assert_cmpint (kassa_day_add_months (DAY_9999_12_31, 1), ==, 0);
  g_assert_cmpint (kassa_day_add_months (DAY_0001_01_01, -1), ==, 0);
}

static void
test_start_of (void)
{
  g_assert_cmpint (kassa_day_start_of_month (DAY_2026_11_24), ==, DAY_2026_11_01);
  g_assert_cmpint (kassa_day_start_of_month (DAY_2026_11_01), ==, DAY_2026_11_01);
  g_assert_cmpint (kassa_day_start_of_month (DAY_2000_02_29), ==, DAY_2000_02_29 - 28);
  g_assert_cmpint (kassa_day_start_of_year (DAY_2026_11_24), ==, DAY_2026_01_01);
  g_assert_cmpint (kassa_day_start_of_year (DAY_2026_01_01), ==, DAY_2026_01_01);
  g_assert_cmpint (kassa_day_start_of_year (DAY_2026_01_01 - 1), ==,
                   kassa_day_from_ymd (2025, 1, 1));
  g_assert_cmpint (kassa_day_start_of_year (DAY_0001_01_01), ==, DAY_0001_01_01);
}

static void
test_format (void)
{
  static const struct { KassaDay day; KassaLocale locale; const char *expected; } cases[] = {
    { DAY_2026_11_24, FI, "24.11.2026" },
    { DAY_2026_11_24, SV, "2026-11-24" },
    { DAY_2026_11_24, EN, "2026-11-24" },
    { DAY_2026_11_24, ZH, "2026-11-24" },
    { DAY_2026_01_01, FI, "1.1.2026" },
    { DAY_2026_01_01, SV, "2026-01-01" },
    { DAY_2000_02_29, FI, "29.2.2000" },
    { DAY_2000_02_29, EN, "2000-02-29" },
    { DAY_0001_01_01, EN, "0001-01-01" },
    { DAY_9999_12_31, ZH, "9999-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kassa_day_format (cases[i].day, cases[i].locale);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_iso (void)
{
  static const struct { KassaDay day; const char *expected; } cases[] = {
    { DAY_0001_01_01, "0001-01-01" },
    { DAY_1970_01_01, "1970-01-01" },
    { DAY_2024_02_29, "2024-02-29" },
    { DAY_2026_11_24, "2026-11-24" },
    { DAY_9999_12_31, "9999-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kassa_day_format_iso (cases[i].day);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_parse (void)
{
  static const struct
  {
    const char *text;
    KassaLocale locale;
    int         error_code;
    int         year, month, mday;
  } cases[] = {
    /* ISO everywhere */
    { "2026-11-24", FI, OK, 2026, 11, 24 },
    { "2026-11-24", SV, OK, 2026, 11, 24 },
    { "2026-11-24", EN, OK, 2026, 11, 24 },
    { "2026-11-24", ZH, OK, 2026, 11, 24 },
    { "2026-1-5", EN, OK, 2026, 1, 5 },
    { "  2026-11-24\t", SV, OK, 2026, 11, 24 },
    { "2024-02-29", FI, OK, 2024, 2, 29 },
    /* Finnish dotted forms everywhere; the year defaults to today's */
    { "24.11.2026", FI, OK, 2026, 11, 24 },
    { "24.11.2026", EN, OK, 2026, 11, 24 },
    { "24.11.2026", SV, OK, 2026, 11, 24 },
    { "24.11.2026", ZH, OK, 2026, 11, 24 },
    { "1.2.2026", FI, OK, 2026, 2, 1 },
    { "01.02.2026", FI, OK, 2026, 2, 1 },
    { "24.11.26", FI, OK, 2026, 11, 24 },
    { "31.12.99", FI, OK, 1999, 12, 31 },
    { "1.1.76", FI, OK, 2076, 1, 1 },
    { "1.1.77", FI, OK, 1977, 1, 1 },
    { "1.1.00", FI, OK, 2000, 1, 1 },
    { "24.11.", FI, OK, 2026, 11, 24 },
    { "5.3.", EN, OK, 2026, 3, 5 },
    { "24.11", FI, OK, 2026, 11, 24 },
    { "29.2.2024", FI, OK, 2024, 2, 29 },
    /* English month/day/year */
    { "11/24/2026", EN, OK, 2026, 11, 24 },
    { "2/1/2026", EN, OK, 2026, 2, 1 },
    { "11/24/2026", FI, INVALID, 0, 0, 0 },
    { "11/24/2026", SV, INVALID, 0, 0, 0 },
    { "24/11/2026", EN, INVALID, 0, 0, 0 },
    { "11/24/26", EN, INVALID, 0, 0, 0 },
    /* Chinese year first */
    { "2026/11/24", ZH, OK, 2026, 11, 24 },
    { "2026年11月24日", ZH, OK, 2026, 11, 24 },
    { "2026年1月5日", ZH, OK, 2026, 1, 5 },
    { "2026/11/24", EN, INVALID, 0, 0, 0 },
    { "2026年11月24日", FI, INVALID, 0, 0, 0 },
    { "2026年11月24", ZH, INVALID, 0, 0, 0 },
    /* No such date */
    { "31.2.2026", FI, INVALID, 0, 0, 0 },
    { "29.2.2025", FI, INVALID, 0, 0, 0 },
    { "1.13.2026", FI, INVALID, 0, 0, 0 },
    { "0.1.2026", FI, INVALID, 0, 0, 0 },
    { "2026-02-29", EN, INVALID, 0, 0, 0 },
    { "2026-13-01", EN, INVALID, 0, 0, 0 },
    { "2026-00-10", EN, INVALID, 0, 0, 0 },
    { "0000-01-01", EN, INVALID, 0, 0, 0 },
    /* Not a date form */
    { "24.11.202", FI, INVALID, 0, 0, 0 },
    { "24.11.20266", FI, INVALID, 0, 0, 0 },
    { "24-11-2026", FI, INVALID, 0, 0, 0 },
    { "24..11.2026", FI, INVALID, 0, 0, 0 },
    { "24.11.2026.", FI, INVALID, 0, 0, 0 },
    { "24. 11. 2026", FI, INVALID, 0, 0, 0 },
    { "123.11.2026", FI, INVALID, 0, 0, 0 },
    { "2026-11-24x", EN, INVALID, 0, 0, 0 },
    { "2026-11", EN, INVALID, 0, 0, 0 },
    { "26-11-24", EN, INVALID, 0, 0, 0 },
    { "20261124", SV, INVALID, 0, 0, 0 },
    { "24", FI, INVALID, 0, 0, 0 },
    { "tomorrow", EN, INVALID, 0, 0, 0 },
    { "-1.1.2026", FI, INVALID, 0, 0, 0 },
    { "", FI, EMPTY, 0, 0, 0 },
    { "   ", EN, EMPTY, 0, 0, 0 },
    { NULL, EN, EMPTY, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      KassaDay day = 4242;
      gboolean ok;

      g_test_message ("parse '%s' locale %d", cases[i].text ? cases[i].text : "(null)",
                      cases[i].locale);
      ok = kassa_day_parse (cases[i].text, cases[i].locale, DAY_2026_11_24, &day, &error);
      if (cases[i].error_code == OK)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (day, ==,
                           kassa_day_from_ymd (cases[i].year, cases[i].month, cases[i].mday));
        }
      else
        {
          g_assert_error (error, KASSA_PARSE_ERROR, cases[i].error_code);
          g_assert_false (ok);
          g_assert_cmpint (day, ==, 4242);
        }
    }
}

/* "Today" decides the year of "24.11." and nothing else. */
static void
test_parse_year_from_today (void)
{
  g_autoptr(GError) error = NULL;
  KassaDay day = 0;

  g_assert_true (kassa_day_parse ("24.11.", FI, kassa_day_from_ymd (2031, 6, 1), &day, &error));
  g_assert_cmpint (day, ==, kassa_day_from_ymd (2031, 11, 24));
  g_assert_true (kassa_day_parse ("29.2", FI, DAY_2024_02_29, &day, &error));
  g_assert_cmpint (day, ==, DAY_2024_02_29);
  g_assert_false (kassa_day_parse ("29.2", FI, DAY_2026_11_24, &day, &error));
  g_assert_error (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_INVALID);
  g_clear_error (&error);
  /* Without a valid today there is no year to assume */
  g_assert_false (kassa_day_parse ("24.11.", FI, 0, &day, &error));
  g_assert_error (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (kassa_day_parse ("24.11.2026", FI, 0, &day, &error));
  g_assert_cmpint (day, ==, DAY_2026_11_24);
}

static void
test_parse_messages (void)
{
  static const struct { KassaLocale locale; KassaDay today; const char *message; } cases[] = {
    { FI, DAY_2026_11_24, "Enter a date such as 24.11.2026" },
    { FI, DAY_2026_01_01, "Enter a date such as 1.1.2026" },
    { SV, DAY_2026_11_24, "Enter a date such as 2026-11-24" },
    { EN, DAY_2026_01_01, "Enter a date such as 2026-01-01" },
    { ZH, DAY_2026_11_24, "Enter a date such as 2026-11-24" },
    { EN, 0, "Enter a date such as 2026-11-24" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      KassaDay day = 0;

      g_assert_false (kassa_day_parse ("31.2.2026", cases[i].locale, cases[i].today, &day, &error));
      g_assert_error (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_round_trip (void)
{
  static const KassaLocale locales[] = { EN, FI, SV, ZH };

  for (KassaDay day = DAY_2024_02_29 - 400; day < DAY_2024_02_29 + 800; day += 7)
    for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
      {
        g_autofree char *text = kassa_day_format (day, locales[l]);
        g_autoptr(GError) error = NULL;
        KassaDay parsed = 0;

        g_assert_true (kassa_day_parse (text, locales[l], DAY_2026_11_24, &parsed, &error));
        g_assert_no_error (error);
        g_assert_cmpint (parsed, ==, day);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/from-ymd", test_from_ymd);
  g_test_add_func ("/date/to-ymd", test_to_ymd);
  g_test_add_func ("/date/is-valid", test_is_valid);
  g_test_add_func ("/date/from-date-time", test_from_date_time);
  g_test_add_func ("/date/add-months", test_add_months);
  g_test_add_func ("/date/start-of", test_start_of);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/format-iso", test_format_iso);
  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/parse-year-from-today", test_parse_year_from_today);
  g_test_add_func ("/date/parse-messages", test_parse_messages);
  g_test_add_func ("/date/round-trip", test_round_trip);

  return g_test_run ();
}
