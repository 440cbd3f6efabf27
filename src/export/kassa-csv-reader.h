/* kassa-csv-reader.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading CSV files as spreadsheets and other programs write them: the
 * bytes are decoded (UTF-8, UTF-8 with a byte order mark, Windows-1252),
 * split into rows of fields (RFC 4180 quoting, CRLF or LF), and the format
 * is guessed from the content: delimiter, header row, date format and
 * decimal separator.  The guess is shown to the user, who may correct it
 * with kassa_csv_file_set_format().
 *
 * Nothing is ever cut silently: a field over 64 KiB, a row over 1 MiB,
 * more than 1,000,000 rows or 200 columns, a quote left open at the end,
 * bytes that are not text in the encoding: each is an error naming the
 * row, and nothing of the file can be used.
 */
#pragma once

#include <glib.h>

#include "kassa-types.h"

G_BEGIN_DECLS

#define KASSA_CSV_ERROR (kassa_csv_error_quark ())

typedef enum
{
  KASSA_CSV_ERROR_IO,        /* the file cannot be read */
  KASSA_CSV_ERROR_EMPTY,     /* no rows at all */
  KASSA_CSV_ERROR_ENCODING,  /* bytes that are not text in the encoding */
  KASSA_CSV_ERROR_QUOTE,     /* a quoted field is not closed */
  KASSA_CSV_ERROR_TOO_LARGE, /* a limit below is exceeded */
} KassaCsvError;

#define KASSA_CSV_MAX_FIELD_BYTES (64 * 1024)
#define KASSA_CSV_MAX_ROW_BYTES   (1024 * 1024)
#define KASSA_CSV_MAX_ROWS        1000000
#define KASSA_CSV_MAX_COLUMNS     200

typedef enum
{
  KASSA_CSV_ENCODING_UTF8,
  KASSA_CSV_ENCODING_UTF8_BOM,
  KASSA_CSV_ENCODING_WINDOWS_1252,
} KassaCsvEncoding;

typedef enum
{
  KASSA_CSV_DATE_ISO,        /* 2026-12-31 */
  KASSA_CSV_DATE_DMY_DOT,    /* 31.12.2026 */
  KASSA_CSV_DATE_MDY_SLASH,  /* 12/31/2026 */
  KASSA_CSV_DATE_DMY_SLASH,  /* 31/12/2026 */
  KASSA_CSV_DATE_YMD_SLASH,  /* 2026/12/31 */
} KassaCsvDateFormat;

typedef enum
{
  KASSA_CSV_DECIMAL_DOT,     /* 1,234.50 */
  KASSA_CSV_DECIMAL_COMMA,   /* 1 234,50 or 1.234,50 */
} KassaCsvDecimal;

typedef struct
{
  KassaCsvEncoding   encoding;
  char               delimiter;      /* ',' ';' '\t' or '|' */
  gboolean           has_header;
  KassaCsvDateFormat date_format;
  /* Detection only (ignored by set_format): the dates read both as
   * day/month and month/day; the user should choose. */
  gboolean           date_ambiguous;
  KassaCsvDecimal    decimal;
} KassaCsvFormat;

typedef struct _KassaCsvFile KassaCsvFile;

GQuark         kassa_csv_error_quark            (void);

KassaCsvFile  *kassa_csv_file_load              (const char            *path,
                                                 GError               **error);
KassaCsvFile  *kassa_csv_file_new_from_bytes    (GBytes                *bytes,
                                                 GError               **error);
void           kassa_csv_file_free              (KassaCsvFile          *self);

void           kassa_csv_file_get_format        (KassaCsvFile          *self,
                                                 KassaCsvFormat        *format);
gboolean       kassa_csv_file_set_format        (KassaCsvFile          *self,
                                                 const KassaCsvFormat  *format,
                                                 GError               **error);

/* Rows of the file, the header row (when there is one) included as row 0.
 * Blank lines are skipped; get_row_number() gives the 1-based row number
 * a spreadsheet shows for a row, for messages. */
guint          kassa_csv_file_get_n_rows        (KassaCsvFile          *self);
guint          kassa_csv_file_get_n_columns     (KassaCsvFile          *self);
guint          kassa_csv_file_get_row_number    (KassaCsvFile          *self,
                                                 guint                  row);
guint          kassa_csv_file_get_n_fields      (KassaCsvFile          *self,
                                                 guint                  row);
/* Returns: (transfer none): the field, "" past the end of a short row */
const char    *kassa_csv_file_get_field         (KassaCsvFile          *self,
                                                 guint                  row,
                                                 guint                  column);
/* Index of the first data row: 1 with a header, else 0. */
guint          kassa_csv_file_get_first_data_row (KassaCsvFile         *self);

/* Value parsers with a format's conventions; the errors are translated. */
gboolean       kassa_csv_parse_date             (const char            *text,
                                                 KassaCsvDateFormat     format,
                                                 KassaDay              *day,
                                                 GError               **error);
gboolean       kassa_csv_parse_amount           (const char            *text,
                                                 KassaCsvDecimal        decimal,
                                                 const char            *currency,
                                                 gint64                *minor,
                                                 GError               **error);
gboolean       kassa_csv_parse_quantity         (const char            *text,
                                                 KassaCsvDecimal        decimal,
                                                 gint64                *thousandths,
                                                 GError               **error);
gboolean       kassa_csv_parse_percent          (const char            *text,
                                                 KassaCsvDecimal        decimal,
                                                 gint                  *basis_points,
                                                 GError               **error);

const char    *kassa_csv_encoding_to_string     (KassaCsvEncoding       encoding);
/* Returns: (transfer none): the format written as a pattern, "d.m.yyyy" */
const char    *kassa_csv_date_format_to_string  (KassaCsvDateFormat     format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaCsvFile, kassa_csv_file_free)

G_END_DECLS
