/* kassa-csv-reader.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole file is decoded to UTF-8 once and tokenised into one text
 * buffer holding every field NUL-terminated, with offsets per field and per
 * row: a million rows cost a few arrays, not a million allocations.  The
 * original bytes are kept so that a corrected encoding or delimiter can be
 * applied by parsing again.
 */
#define G_LOG_DOMAIN "kassa-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-csv-reader-private.h"
#include "kassa-date.h"
#include "kassa-money.h"

struct _KassaCsvFile
{
  GBytes         *bytes;
  KassaCsvFormat  format;
  CsvRows         rows;
};

/* Tokeniser state for one pass over decoded text. */
typedef struct
{
  const char *p;
  const char *end;
  char        delimiter;
  guint       line;         /* physical line of p, 1-based */
  guint       record;       /* record being read, 1-based */
  CsvRows    *rows;
} Tokenizer;

G_DEFINE_QUARK (kassa-csv-error-quark, kassa_csv_error)

/* Rows storage */

void
kassa_csv_rows_init (CsvRows *rows)
{
  guint zero = 0;

  rows->text = g_byte_array_new ();
  rows->field_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  rows->row_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  rows->row_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  rows->n_columns = 0;
  g_array_append_val (rows->row_starts, zero);
}

void
kassa_csv_rows_clear (CsvRows *rows)
{
  g_clear_pointer (&rows->text, g_byte_array_unref);
  g_clear_pointer (&rows->field_starts, g_array_unref);
  g_clear_pointer (&rows->row_starts, g_array_unref);
  g_clear_pointer (&rows->row_numbers, g_array_unref);
}


/* Errors */

static gboolean set_too_large (GError     **error,
                               const char  *format,
                               ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_too_large (GError     **error,
               const char  *format,
               ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (KASSA_CSV_ERROR, KASSA_CSV_ERROR_TOO_LARGE, format, args);
  va_end (args);
  return FALSE;
}

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    line += data[i] == '\n';

  return line;
}

static gboolean
set_encoding_error (GError          **error,
                    const char       *data,
                    gsize             offset,
                    KassaCsvEncoding  encoding)
{
  /* Translators: %u is a line number, %s an encoding such as "Windows-1252" */
  g_set_error (error, KASSA_CSV_ERROR, KASSA_CSV_ERROR_ENCODING,
               _("Line %u contains bytes that are not text in the %s encoding. "
                 "Save the file as UTF-8 and import it again."),
               line_of_offset (data, offset), kassa_csv_encoding_to_string (encoding));
  return FALSE;
}

/* Decoding */

static char *
decode_utf8 (const char        *data,
             gsize              size,
             KassaCsvEncoding   encoding,
             gsize             *length,
             GError           **error)
{
  const char *bad = NULL;
  gsize skip = 0;

  if (encoding == KASSA_CSV_ENCODING_UTF8_BOM && size >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    skip = 3;

  /* A NUL also fails validation: a text file has none. */
  if (!g_utf8_validate_len (data + skip, size - skip, &bad))
    {
      set_encoding_error (error, data, bad - data, encoding);
      return NULL;
    }

  *length = size - skip;
  return g_strndup (data + skip, size - skip);
}

static char *
decode_windows_1252 (const char  *data,
                     gsize        size,
                     gsize       *length,
                     GError     **error)
{
  g_autoptr(GError) convert_error = NULL;
  gsize bytes_read = 0;
  char *text;
  const char *nul = memchr (data, '\0', size);

  if (nul != NULL)
    {
      set_encoding_error (error, data, nul - data, KASSA_CSV_ENCODING_WINDOWS_1252);
      return NULL;
    }

  /* 0x81, 0x8D, 0x8F, 0x90 and 0x9D are not characters in Windows-1252:
   * iconv refuses them, which is what tells binary junk from text. */
  text = g_convert (data, size, "UTF-8", "WINDOWS-1252", &bytes_read, length, &convert_error);
  if (text == NULL)
    {
      set_encoding_error (error, data, MIN (bytes_read, size), KASSA_CSV_ENCODING_WINDOWS_1252);
      return NULL;
    }

  return text;
}

static char *
decode (GBytes            *bytes,
        KassaCsvEncoding   encoding,
        gsize             *length,
        GError           **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (encoding == KASSA_CSV_ENCODING_WINDOWS_1252)
    return decode_windows_1252 (data, size, length, error);

  return decode_utf8 (data != NULL ? data : "", size, encoding, length, error);
}

/* Tokenising */

static gboolean
is_line_end (char c)
{
  return c == '\n' || c == '\r';
}

/* Consumes \r\n, \n or a lone \r. */
static void
skip_line_end (Tokenizer *t)
{
  if (t->p < t->end && *t->p == '\r')
    t->p++;
  if (t->p < t->end && *t->p == '\n')
    t->p++;
  t->line++;
}

static gboolean
append_span (Tokenizer   *t,
             const char  *start,
             const char  *stop,
             gsize        field_start,
             GError     **error)
{
  g_byte_array_append (t->rows->text, (const guint8 *) start, stop - start);

  if (t->rows->text->len - field_start > KASSA_CSV_MAX_FIELD_BYTES)
    /* Translators: %u is a row number */
    return set_too_large (error, _("Row %u: a field is longer than 64 KiB. Check that this is "
                                   "the right file and that its quotes are paired."), t->record);

  return TRUE;
}

/* Unquoted text up to the next delimiter or line end; a quote in the
 * middle of it is taken literally, as spreadsheets do. */
static gboolean
read_plain (Tokenizer   *t,
            gsize        field_start,
            GError     **error)
{
  const char *start = t->p;

  while (t->p < t->end && *t->p != t->delimiter && !is_line_end (*t->p))
    t->p++;

  return append_span (t, start, t->p, field_start, error);
}

static gboolean
read_quoted (Tokenizer   *t,
             gsize        field_start,
             GError     **error)
{
  guint open_line = t->line;

  t->p++;
  for (;;)
    {
      const char *start = t->p;

      while (t->p < t->end && *t->p != '"')
        {
          t->line += *t->p == '\n';
          t->p++;
        }
      if (!append_span (t, start, t->p, field_start, error))
        return FALSE;

      if (t->p >= t->end)
        {
          /* Translators: %u is a line number in the file */
          g_set_error (error, KASSA_CSV_ERROR, KASSA_CSV_ERROR_QUOTE,
                       _("The quote opened on line %u is never closed. "
                         "Check the quotes in the file."),
                       open_line);
          return FALSE;
        }

      /* A doubled quote stands for one quote. */
      if (t->p + 1 < t->end && t->p[1] == '"')
        {
          g_byte_array_append (t->rows->text, (const guint8 *) "\"", 1);
          t->p += 2;
          continue;
        }

      t->p++;
      /* Text after the closing quote ("ab"c) is kept, as spreadsheets do. */
      return read_plain (t, field_start, error);
    }
}

static gboolean
read_field (Tokenizer   *t,
            GError     **error)
{
  gsize field_start = t->rows->text->len;
  gboolean ok;

  g_array_append_val (t->rows->field_starts, field_start);

  if (t->p < t->end && *t->p == '"')
    ok = read_quoted (t, field_start, error);
  else
    ok = read_plain (t, field_start, error);

  g_byte_array_append (t->rows->text, (const guint8 *) "", 1);
  return ok;
}

static gboolean
row_is_blank (const CsvRows *rows,
              guint          first_field,
              gsize          row_text_start)
{
  /* Every field is just its NUL. */
  return rows->text->len - row_text_start == rows->field_starts->len - first_field;
}

static void
drop_row (CsvRows *rows,
          guint    first_field,
          gsize    row_text_start)
{
  g_array_set_size (rows->field_starts, first_field);
  g_byte_array_set_size (rows->text, row_text_start);
}

static gboolean
end_row (Tokenizer  *t,
         guint       first_field,
         gsize       row_text_start,
         GError    **error)
{
  CsvRows *rows = t->rows;
  guint n_fields = rows->field_starts->len - first_field;
  guint end = rows->field_starts->len;

  if (row_is_blank (rows, first_field, row_text_start))
    {
      drop_row (rows, first_field, row_text_start);
      return TRUE;
    }

  if (csv_rows_get_n (rows) >= KASSA_CSV_MAX_ROWS)
    return set_too_large (error, "%s", _("The file has more than 1,000,000 rows. Split it into "
                                         "smaller files and import them one by one."));

  rows->n_columns = MAX (rows->n_columns, n_fields);
  g_array_append_val (rows->row_starts, end);
  g_array_append_val (rows->row_numbers, t->record);
  return TRUE;
}

static gboolean
read_row (Tokenizer  *t,
          GError    **error)
{
  guint first_field = t->rows->field_starts->len;
  gsize row_text_start = t->rows->text->len;

  for (;;)
    {
      if (!read_field (t, error))
        return FALSE;

      if (t->rows->field_starts->len - first_field > KASSA_CSV_MAX_COLUMNS)
        /* Translators: %u is a row number */
        return set_too_large (error, _("Row %u has more than 200 columns. Check that this is "
                                       "the right file and that its quotes are paired."), t->record);
      if (t->rows->text->len - row_text_start > KASSA_CSV_MAX_ROW_BYTES)
        /* Translators: %u is a row number */
        return set_too_large (error, _("Row %u is longer than 1 MiB. Check that this is the "
                                       "right file and that its quotes are paired."), t->record);

      if (t->p < t->end && *t->p == t->delimiter)
        {
          t->p++;
          continue;
        }

      if (t->p < t->end)
        skip_line_end (t);
      return end_row (t, first_field, row_text_start, error);
    }
}

/* Reads up to max_records records (0: all).  On an error the rows read
 * before it stay in rows, which is what format detection wants. */
gboolean
kassa_csv_tokenize (const char  *text,
                    gsize        length,
                    char         delimiter,
                    guint        max_records,
                    CsvRows     *rows,
                    GError     **error)
{
  Tokenizer t = { text, text + length, delimiter, 1, 0, rows };

  while (t.p < t.end && (max_records == 0 || t.record < max_records))
    {
      t.record++;
      if (!read_row (&t, error))
        return FALSE;
    }

  return TRUE;
}

/* Loading */

static gboolean
parse_file (KassaCsvFile      *self,
            KassaCsvEncoding   encoding,
            int                delimiter,
            GError           **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;
  CsvRows rows;

  text = decode (self->bytes, encoding, &length, error);
  if (text == NULL)
    return FALSE;

  if (delimiter < 0)
    delimiter = kassa_csv_detect_delimiter (text, length);

  kassa_csv_rows_init (&rows);
  if (!kassa_csv_tokenize (text, length, (char) delimiter, 0, &rows, error))
    {
      kassa_csv_rows_clear (&rows);
      return FALSE;
    }

  if (csv_rows_get_n (&rows) == 0)
    {
      kassa_csv_rows_clear (&rows);
      g_set_error_literal (error, KASSA_CSV_ERROR, KASSA_CSV_ERROR_EMPTY,
                           _("The file has no rows to import."));
      return FALSE;
    }

  kassa_csv_rows_clear (&self->rows);
  self->rows = rows;
  self->format.encoding = encoding;
  self->format.delimiter = (char) delimiter;
  return TRUE;
}

static void
detect_format (KassaCsvFile *self)
{
  self->format.has_header = kassa_csv_detect_header (&self->rows);
  kassa_csv_detect_date_format (&self->rows, self->format.has_header ? 1 : 0, &self->format);
  kassa_csv_detect_decimal (&self->rows, self->format.has_header ? 1 : 0, &self->format);
}

/**
 * kassa_csv_file_new_from_bytes:
 * @bytes: the file's content
 *
 * Decodes and splits @bytes with a detected encoding and delimiter and
 * guesses the rest of the format.
 *
 * Returns: (transfer full) (nullable): the file, or NULL with a
 *   #KASSA_CSV_ERROR saying what is wrong where
 */
KassaCsvFile *
kassa_csv_file_new_from_bytes (GBytes  *bytes,
                               GError **error)
{
  g_autoptr(KassaCsvFile) self = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_new0 (KassaCsvFile, 1);
  self->bytes = g_bytes_ref (bytes);
  kassa_csv_rows_init (&self->rows);

  data = g_bytes_get_data (bytes, &size);
  if (!parse_file (self, kassa_csv_detect_encoding (data != NULL ? data : "", size), -1, error))
    return NULL;

  detect_format (self);
  return g_steal_pointer (&self);
}

/**
 * kassa_csv_file_load:
 * @path: a CSV file
 *
 * Returns: (transfer full) (nullable): see kassa_csv_file_new_from_bytes()
 */
KassaCsvFile *
kassa_csv_file_load (const char  *path,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) io_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  mapped = g_mapped_file_new (path, FALSE, &io_error);
  if (mapped == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);

      /* Translators: the first %s is a file name, the second the reason */
      g_set_error (error, KASSA_CSV_ERROR, KASSA_CSV_ERROR_IO,
                   _("Cannot read “%s”: %s"), name, io_error->message);
      return NULL;
    }

  bytes = g_mapped_file_get_bytes (mapped);
  return kassa_csv_file_new_from_bytes (bytes, error);
}

void
kassa_csv_file_free (KassaCsvFile *self)
{
  if (self == NULL)
    return;

  kassa_csv_rows_clear (&self->rows);
  g_bytes_unref (self->bytes);
  g_free (self);
}

/**
 * kassa_csv_file_get_format:
 * @format: (out caller-allocates): the format in use (detected at first)
 */
void
kassa_csv_file_get_format (KassaCsvFile   *self,
                           KassaCsvFormat *format)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (format != NULL);

  *format = self->format;
}

/**
 * kassa_csv_file_set_format:
 *
 * Applies the user's choices.  A new encoding or delimiter reads the file
 * again; when that fails the file keeps its previous format and rows.
 */
gboolean
kassa_csv_file_set_format (KassaCsvFile          *self,
                           const KassaCsvFormat  *format,
                           GError               **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (strchr (",;\t|", format->delimiter) != NULL && format->delimiter != '\0',
                        FALSE);

  if ((format->encoding != self->format.encoding || format->delimiter != self->format.delimiter) &&
      !parse_file (self, format->encoding, format->delimiter, error))
    return FALSE;

  self->format.has_header = format->has_header;
  self->format.date_format = format->date_format;
  self->format.date_ambiguous = FALSE;
  self->format.decimal = format->decimal;
  return TRUE;
}

guint
kassa_csv_file_get_n_rows (KassaCsvFile *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return csv_rows_get_n (&self->rows);
}

guint
kassa_csv_file_get_n_columns (KassaCsvFile *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows.n_columns;
}

guint
kassa_csv_file_get_row_number (KassaCsvFile *self,
                               guint         row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < csv_rows_get_n (&self->rows), 0);

  return g_array_index (self->rows.row_numbers, guint, row);
}

guint
kassa_csv_file_get_n_fields (KassaCsvFile *self,
                             guint         row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < csv_rows_get_n (&self->rows), 0);

  return csv_rows_get_n_fields (&self->rows, row);
}

const char *
kassa_csv_file_get_field (KassaCsvFile *self,
                          guint         row,
                          guint         column)
{
  g_return_val_if_fail (self != NULL, "");
  g_return_val_if_fail (row < csv_rows_get_n (&self->rows), "");

  return csv_rows_get_field (&self->rows, row, column);
}

guint
kassa_csv_file_get_first_data_row (KassaCsvFile *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->format.has_header ? 1 : 0;
}

/* Values */

/* Which part of "a sep b sep c" is the year, month and day. */
static gboolean
date_parts (KassaCsvDateFormat  format,
            char               *separator,
            int                *year,
            int                *month,
            int                *mday)
{
  switch (format)
    {
    case KASSA_CSV_DATE_ISO:
      *separator = '-';
      *year = 0, *month = 1, *mday = 2;
      return TRUE;
    case KASSA_CSV_DATE_DMY_DOT:
      *separator = '.';
      *mday = 0, *month = 1, *year = 2;
      return TRUE;
    case KASSA_CSV_DATE_MDY_SLASH:
      *separator = '/';
      *month = 0, *mday = 1, *year = 2;
      return TRUE;
    case KASSA_CSV_DATE_DMY_SLASH:
      *separator = '/';
      *mday = 0, *month = 1, *year = 2;
      return TRUE;
    case KASSA_CSV_DATE_YMD_SLASH:
      *separator = '/';
      *year = 0, *month = 1, *mday = 2;
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
set_date_error (GError             **error,
                const char          *text,
                KassaCsvDateFormat   format)
{
  /* Translators: the first %s is the text read, the second a pattern such as d.m.yyyy */
  g_set_error (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_INVALID,
               _("“%s” is not a date written as %s."), text,
               kassa_csv_date_format_to_string (format));
  return FALSE;
}

/**
 * kassa_csv_parse_date:
 *
 * Reads a date in @format with a four-digit year, or in ISO form whatever
 * the format (nobody misreads it).  Impossible dates (31.2.) are refused.
 */
gboolean
kassa_csv_parse_date (const char          *text,
                      KassaCsvDateFormat   format,
                      KassaDay            *day,
                      GError             **error)
{
  int values[3], widths[3];
  int year, month, mday;
  char separator, expected;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (*kassa_csv_skip_blank (text) == '\0')
    {
      g_set_error_literal (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_EMPTY, _("Enter a date"));
      return FALSE;
    }

  if (!kassa_csv_split_date (text, &separator, values, widths) ||
      !date_parts (format, &expected, &year, &month, &mday))
    return set_date_error (error, text, format);

  if (separator == '-' && format != KASSA_CSV_DATE_ISO)
    date_parts (KASSA_CSV_DATE_ISO, &expected, &year, &month, &mday);

  if (separator != expected || widths[year] != 4 || widths[month] > 2 || widths[mday] > 2)
    return set_date_error (error, text, format);

  if (!g_date_valid_dmy (values[mday], values[month], values[year]) || values[year] < 1000)
    {
      /* Translators: %s is the text read, e.g. 31.2.2026 */
      g_set_error (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_OUT_OF_RANGE,
                   _("The date “%s” does not exist."), text);
      return FALSE;
    }

  *day = kassa_day_from_ymd (values[year], values[month], values[mday]);
  return TRUE;
}

/* The number rules of the core parsers: a comma-decimal language reads
 * "1 234,50" and "1.234,50", English "1,234.50". */
static KassaLocale
decimal_locale (KassaCsvDecimal decimal)
{
  return decimal == KASSA_CSV_DECIMAL_COMMA ? KASSA_LOCALE_FI : KASSA_LOCALE_EN;
}

gboolean
kassa_csv_parse_amount (const char       *text,
                        KassaCsvDecimal   decimal,
                        const char       *currency,
                        gint64           *minor,
                        GError          **error)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return kassa_money_parse (text, currency, decimal_locale (decimal), minor, error);
}

gboolean
kassa_csv_parse_quantity (const char       *text,
                          KassaCsvDecimal   decimal,
                          gint64           *thousandths,
                          GError          **error)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return kassa_quantity_parse (text, decimal_locale (decimal), thousandths, error);
}

gboolean
kassa_csv_parse_percent (const char       *text,
                         KassaCsvDecimal   decimal,
                         gint             *basis_points,
                         GError          **error)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return kassa_percent_parse (text, decimal_locale (decimal), basis_points, error);
}

const char *
kassa_csv_encoding_to_string (KassaCsvEncoding encoding)
{
  switch (encoding)
    {
    case KASSA_CSV_ENCODING_UTF8_BOM:
      /* Translators: a text encoding */
      return _("UTF-8 with byte order mark");
    case KASSA_CSV_ENCODING_WINDOWS_1252:
      return "Windows-1252";
    case KASSA_CSV_ENCODING_UTF8:
    default:
      return "UTF-8";
    }
}

const char *
kassa_csv_date_format_to_string (KassaCsvDateFormat format)
{
  /* Patterns, not words: the same in every language. */
  switch (format)
    {
    case KASSA_CSV_DATE_DMY_DOT:
      return "d.m.yyyy";
    case KASSA_CSV_DATE_MDY_SLASH:
      return "m/d/yyyy";
    case KASSA_CSV_DATE_DMY_SLASH:
      return "d/m/yyyy";
    case KASSA_CSV_DATE_YMD_SLASH:
      return "yyyy/m/d";
    case KASSA_CSV_DATE_ISO:
    default:
      return "yyyy-mm-dd";
    }
}
