/* kassa-csv-detect.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format detection: encoding, delimiter, header row, date format and
 * decimal mark, each guessed from a sample of the file.
 */
#define G_LOG_DOMAIN "kassa-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-csv-reader-private.h"
#include "kassa-date.h"
#include "kassa-money.h"

/* Format detection looks at this much of the file. */
#define SAMPLE_ROWS      50
#define SAMPLE_BYTES     (256 * 1024)
#define DETECTION_ROWS   1000

/* Decoding */

KassaCsvEncoding
kassa_csv_detect_encoding (const char *data,
                           gsize       size)
{
  if (size >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    return KASSA_CSV_ENCODING_UTF8_BOM;
  if (g_utf8_validate_len (data, size, NULL))
    return KASSA_CSV_ENCODING_UTF8;

  return KASSA_CSV_ENCODING_WINDOWS_1252;
}

/* Delimiter detection: the candidate that splits the sample into the same
 * number of fields (more than one) on the most rows wins; ties go to the
 * wider split, then to the order below. */

typedef struct
{
  guint consistent_rows;
  guint n_fields;
} DelimiterScore;

static DelimiterScore
score_delimiter (const char *text,
                 gsize       length,
                 char        delimiter)
{
  DelimiterScore score = { 0, 0 };
  CsvRows rows;
  guint n;

  kassa_csv_rows_init (&rows);
  kassa_csv_tokenize (text, MIN (length, SAMPLE_BYTES), delimiter, SAMPLE_ROWS, &rows, NULL);
  n = csv_rows_get_n (&rows);

  /* The most common field count is the table's width. */
  for (guint i = 0; i < n; i++)
    {
      guint width = csv_rows_get_n_fields (&rows, i);
      guint same = 0;

      for (guint j = 0; j < n; j++)
        same += csv_rows_get_n_fields (&rows, j) == width;

      if (width > 1 && (same > score.consistent_rows ||
                        (same == score.consistent_rows && width > score.n_fields)))
        score = (DelimiterScore) { same, width };
    }

  kassa_csv_rows_clear (&rows);
  return score;
}

char
kassa_csv_detect_delimiter (const char *text,
                            gsize       length)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  DelimiterScore best = { 0, 0 };
  char delimiter = ',';

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      DelimiterScore score = score_delimiter (text, length, candidates[i]);

      if (score.consistent_rows > best.consistent_rows ||
          (score.consistent_rows == best.consistent_rows && score.n_fields > best.n_fields))
        {
          best = score;
          delimiter = candidates[i];
        }
    }

  return delimiter;
}

/* Value shapes, for detection */

const char *
kassa_csv_skip_blank (const char *s)
{
  while (*s == ' ' || *s == '\t')
    s++;
  return s;
}

/* Reads "digits sep digits sep digits" (spaces around allowed). */
gboolean
kassa_csv_split_date (const char *text,
                      char       *separator,
                      int         values[3],
                      int         widths[3])
{
  const char *s = kassa_csv_skip_blank (text);

  *separator = '\0';
  for (int part = 0; part < 3; part++)
    {
      int width = 0;

      values[part] = 0;
      while (g_ascii_isdigit (*s) && width < 5)
        {
          values[part] = values[part] * 10 + (*s - '0');
          width++;
          s++;
        }
      widths[part] = width;
      if (width == 0 || width > 4)
        return FALSE;
      if (part == 2)
        break;
      if (*s != '-' && *s != '.' && *s != '/')
        return FALSE;
      if (*separator != '\0' && *s != *separator)
        return FALSE;
      *separator = *s++;
    }

  return *kassa_csv_skip_blank (s) == '\0';
}

static gboolean
looks_like_date (const char *text)
{
  int values[3], widths[3];
  char separator;

  return kassa_csv_split_date (text, &separator, values, widths) &&
         (widths[0] == 4 || widths[2] == 4);
}

static gboolean
looks_like_number (const char *text)
{
  const char *s = kassa_csv_skip_blank (text);
  gboolean digits = FALSE;

  if (*s == '-' || *s == '+')
    s++;

  for (; *s != '\0'; s++)
    {
      if (g_ascii_isdigit (*s))
        digits = TRUE;
      else if (*s != '.' && *s != ',' && *s != ' ')
        return FALSE;
    }

  return digits;
}

/* Header detection: a first row of distinct labels that are neither
 * numbers nor dates.  Empty labels are allowed (spreadsheets add empty
 * columns at the end), but not only empty ones. */
gboolean
kassa_csv_detect_header (const CsvRows *rows)
{
  guint n_fields;
  guint n_labels = 0;

  if (csv_rows_get_n (rows) == 0)
    return FALSE;

  n_fields = csv_rows_get_n_fields (rows, 0);
  for (guint column = 0; column < n_fields; column++)
    {
      const char *label = csv_rows_get_field (rows, 0, column);

      if (*kassa_csv_skip_blank (label) == '\0')
        continue;
      if (looks_like_number (label) || looks_like_date (label))
        return FALSE;

      for (guint other = 0; other < column; other++)
        {
          if (g_str_equal (label, csv_rows_get_field (rows, 0, other)))
            return FALSE;
        }
      n_labels++;
    }

  return n_labels > 0;
}

/* Date format detection: every date-like value is tried in every format;
 * the format that reads them all wins.  ISO dates read in any format, so
 * only the others decide.  When both day/month and month/day read them
 * all, the file does not say which it is. */
void
kassa_csv_detect_date_format (const CsvRows  *rows,
                              guint           first_row,
                              KassaCsvFormat *format)
{
  static const KassaCsvDateFormat formats[] = {
    KASSA_CSV_DATE_DMY_DOT, KASSA_CSV_DATE_MDY_SLASH, KASSA_CSV_DATE_DMY_SLASH,
    KASSA_CSV_DATE_YMD_SLASH,
  };
  guint parsed[G_N_ELEMENTS (formats)] = { 0 };
  guint n_dates = 0;
  guint last = MIN (csv_rows_get_n (rows), first_row + DETECTION_ROWS);
  guint best = 0;

  for (guint row = first_row; row < last; row++)
    {
      for (guint column = 0; column < csv_rows_get_n_fields (rows, row); column++)
        {
          const char *value = csv_rows_get_field (rows, row, column);
          KassaDay day;

          if (!looks_like_date (value) || strchr (value, '-') != NULL)
            continue;
          n_dates++;
          for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
            parsed[f] += kassa_csv_parse_date (value, formats[f], &day, NULL);
        }
    }

  for (guint f = 1; f < G_N_ELEMENTS (formats); f++)
    {
      if (parsed[f] > parsed[best])
        best = f;
    }

  format->date_format = n_dates > 0 ? formats[best] : KASSA_CSV_DATE_ISO;
  format->date_ambiguous = n_dates > 0 && parsed[1] == n_dates && parsed[2] == n_dates;
}

typedef struct
{
  guint dot;
  guint comma;
} DecimalVotes;

/* "1,234.50" and "1.234,50" say it with both marks; "12,5" or "1,2345"
 * with one; "1,234" says nothing. */
static void
vote_decimal (const char   *value,
              DecimalVotes *votes)
{
  const char *last_dot = strrchr (value, '.');
  const char *last_comma = strrchr (value, ',');
  const char *mark = last_dot > last_comma ? last_dot : last_comma;
  gboolean single;
  gsize after;

  if (mark == NULL)
    return;

  if (last_dot != NULL && last_comma != NULL)
    {
      votes->dot += mark == last_dot;
      votes->comma += mark == last_comma;
      return;
    }

  single = strchr (value, *mark) == mark;
  after = strspn (mark + 1, "0123456789");
  if (!single)
    {
      /* Several of the same mark group thousands: the other is decimal. */
      votes->dot += *mark == ',';
      votes->comma += *mark == '.';
    }
  else if (after != 3)
    {
      votes->dot += *mark == '.';
      votes->comma += *mark == ',';
    }
}

void
kassa_csv_detect_decimal (const CsvRows  *rows,
                          guint           first_row,
                          KassaCsvFormat *format)
{
  DecimalVotes votes = { 0, 0 };
  guint last = MIN (csv_rows_get_n (rows), first_row + DETECTION_ROWS);

  for (guint row = first_row; row < last; row++)
    {
      for (guint column = 0; column < csv_rows_get_n_fields (rows, row); column++)
        {
          const char *value = csv_rows_get_field (rows, row, column);

          if (looks_like_number (value) && !looks_like_date (value))
            vote_decimal (value, &votes);
        }
    }

  format->decimal = votes.comma > votes.dot ? KASSA_CSV_DECIMAL_COMMA : KASSA_CSV_DECIMAL_DOT;
}
