/* fuzz-csv.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer harness for the CSV reader and the amount, quantity, percent
 * and date parsers.  The input is read as a whole CSV file (decoding,
 * delimiter and format detection, tokenising) and every field of it goes
 * through every parser; the input as one string goes through them too.
 * Crashes found are kept in regressions/ and replayed by
 * tests/export/test-csv-import.c.
 *
 *   ./fuzz-csv -max_total_time=600 CORPUS_COPY tests/fuzz/corpus
 */
#define G_LOG_DOMAIN "kassa-fuzz"

#include "config.h"

#include <string.h>

#include <glib.h>

#include "kassa-csv-reader.h"

/* Fields per input, so that one huge file does not take the whole run. */
#define MAX_FIELDS 2000

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
parse_value (const char *text)
{
  KassaDay day;
  gint64 value;
  gint basis_points;

  for (int format = KASSA_CSV_DATE_ISO; format <= KASSA_CSV_DATE_YMD_SLASH; format++)
    {
      if (kassa_csv_parse_date (text, format, &day, NULL))
        g_assert (day > 0);
    }

  for (int decimal = KASSA_CSV_DECIMAL_DOT; decimal <= KASSA_CSV_DECIMAL_COMMA; decimal++)
    {
      if (kassa_csv_parse_amount (text, decimal, "EUR", &value, NULL))
        g_assert (value <= G_GINT64_CONSTANT (1000000000000000) &&
                  value >= -G_GINT64_CONSTANT (1000000000000000));
      kassa_csv_parse_amount (text, decimal, "JPY", &value, NULL);
      kassa_csv_parse_quantity (text, decimal, &value, NULL);
      kassa_csv_parse_percent (text, decimal, &basis_points, NULL);
    }
}

static void
read_file (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KassaCsvFile) file = kassa_csv_file_new_from_bytes (bytes, &error);
  KassaCsvFormat format;
  guint n_fields = 0;

  if (file == NULL)
    {
      g_assert (error != NULL && error->domain == KASSA_CSV_ERROR);
      return;
    }

  kassa_csv_file_get_format (file, &format);
  g_assert (kassa_csv_file_get_n_rows (file) > 0);
  g_assert (kassa_csv_file_get_n_columns (file) <= KASSA_CSV_MAX_COLUMNS);

  for (guint row = 0; row < kassa_csv_file_get_n_rows (file) && n_fields < MAX_FIELDS; row++)
    {
      for (guint column = 0; column < kassa_csv_file_get_n_fields (file, row); column++, n_fields++)
        {
          const char *field = kassa_csv_file_get_field (file, row, column);

          g_assert (g_utf8_validate (field, -1, NULL));
          g_assert (strlen (field) <= KASSA_CSV_MAX_FIELD_BYTES);
          parse_value (field);
        }
    }

  /* Reading again with another delimiter and encoding must not crash. */
  format.delimiter = format.delimiter == ';' ? ',' : ';';
  format.encoding = KASSA_CSV_ENCODING_WINDOWS_1252;
  kassa_csv_file_set_format (file, &format, NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autofree char *text = g_strndup ((const char *) data, MIN (size, 256));

  read_file (bytes);

  if (g_utf8_validate (text, -1, NULL))
    parse_value (text);

  return 0;
}
