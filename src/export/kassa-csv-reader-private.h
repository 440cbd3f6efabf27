/* kassa-csv-reader-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tokeniser (kassa-csv-reader.c) and the format detection
 * (kassa-csv-detect.c) share: the rows storage and the detectors.
 * Not for other files.
 */
#pragma once

#include "kassa-csv-reader.h"

G_BEGIN_DECLS

#define UTF8_BOM         "\xEF\xBB\xBF"

typedef struct
{
  GByteArray *text;         /* every field, NUL-terminated */
  GArray     *field_starts; /* gsize: offset of each field in text */
  GArray     *row_starts;   /* guint: index of a row's first field; one extra at the end */
  GArray     *row_numbers;  /* guint: 1-based record number of each row */
  guint       n_columns;    /* widest row */
} CsvRows;

static inline guint
csv_rows_get_n (const CsvRows *rows)
{
  return rows->row_numbers->len;
}

static inline guint
csv_rows_get_n_fields (const CsvRows *rows,
                       guint          row)
{
  return g_array_index (rows->row_starts, guint, row + 1) -
         g_array_index (rows->row_starts, guint, row);
}

static inline const char *
csv_rows_get_field (const CsvRows *rows,
                    guint          row,
                    guint          column)
{
  guint first = g_array_index (rows->row_starts, guint, row);

  if (column >= csv_rows_get_n_fields (rows, row))
    return "";

  return (const char *) rows->text->data +
         g_array_index (rows->field_starts, gsize, first + column);
}
void
kassa_csv_rows_init (CsvRows *rows);

void
kassa_csv_rows_clear (CsvRows *rows);

gboolean
kassa_csv_tokenize (const char  *text,
                    gsize        length,
                    char         delimiter,
                    guint        max_records,
                    CsvRows     *rows,
                    GError     **error);

KassaCsvEncoding
kassa_csv_detect_encoding (const char *data,
                           gsize       size);

char
kassa_csv_detect_delimiter (const char *text,
                            gsize       length);

const char *
kassa_csv_skip_blank (const char *s);

gboolean
kassa_csv_split_date (const char *text,
                      char       *separator,
                      int         values[3],
                      int         widths[3]);

gboolean
kassa_csv_detect_header (const CsvRows *rows);

void
kassa_csv_detect_date_format (const CsvRows  *rows,
                              guint           first_row,
                              KassaCsvFormat *format);

void
kassa_csv_detect_decimal (const CsvRows  *rows,
                          guint           first_row,
                          KassaCsvFormat *format);

G_END_DECLS
