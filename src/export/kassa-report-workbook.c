/* kassa-report-workbook.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every report sheet shares: the title block, the frozen bold header
 * row with its autofilter, typed cells (Excel dates, money as numbers with a
 * currency format), totals as SUBTOTAL formulas with their value cached, and
 * progress and cancellation every KASSA_REPORT_TICK_ROWS rows.
 *
 * The sheets may be written in constant_memory mode, so every sheet is
 * written strictly row by row, left to right, and nothing is merged.
 */
#define G_LOG_DOMAIN "kassa-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-report-private.h"
#include "kassa-store-sql.h"

/* Excel's limits: sheet names of 31 characters, strings of 32,767. */
#define SHEET_NAME_MAX  31
#define CELL_TEXT_MAX   32767

/* Excel counts days from 1899-12-30 (for dates after 1900-02-28, the
 * only ones an invoice can have). */
static KassaDay
excel_epoch (void)
{
  static KassaDay epoch;

  if (epoch == 0)
    epoch = kassa_day_from_ymd (1899, 12, 30);
  return epoch;
}

static const char *
date_format_of (KassaLocale language)
{
  return language == KASSA_LOCALE_FI ? "d.m.yyyy" : "yyyy-mm-dd";
}

static const char *
month_format_of (KassaLocale language)
{
  switch (language)
    {
    case KASSA_LOCALE_FI:
      return "m.yyyy";
    case KASSA_LOCALE_EN:
      return "mmm yyyy";
    case KASSA_LOCALE_SV:
    case KASSA_LOCALE_ZH_CN:
    default:
      return "yyyy-mm";
    }
}

static gboolean
is_letter_symbol (const char *symbol)
{
  return g_unichar_isalpha (g_utf8_get_char (symbol));
}

/* The currency number format in the conventions of the report language:
 * fi/sv put the symbol after the number, en/zh_CN before it (a letter
 * symbol such as "kr" as the ISO code, "SEK 1,234.56").  The separators
 * are Excel's own: every reader sees those of their locale. */
static char *
money_format_of (const char  *currency,
                 KassaLocale  language)
{
  int exponent = kassa_currency_exponent (currency);
  const char *symbol = kassa_currency_symbol (currency);
  g_autofree char *number = exponent > 0
                            ? g_strdup_printf ("#,##0.%.*d", exponent, 0)
                            : g_strdup ("#,##0");

  if (language == KASSA_LOCALE_FI || language == KASSA_LOCALE_SV)
    return g_strdup_printf ("%s \"%s\"", number, symbol);
  if (is_letter_symbol (symbol))
    return g_strdup_printf ("\"%s \"%s", currency, number);
  return g_strdup_printf ("\"%s\"%s", symbol, number);
}

static lxw_format *
add_number_format (lxw_workbook *workbook,
                   const char   *num_format,
                   gboolean      bold)
{
  lxw_format *format = workbook_add_format (workbook);

  if (num_format != NULL)
    format_set_num_format (format, num_format);
  if (bold)
    format_set_bold (format);
  return format;
}

void
kassa_report_writer_init_formats (KassaReportWriter *writer)
{
  KassaLocale language = writer->spec->language;
  g_autofree char *money = money_format_of (writer->currency, language);
  const char *num_formats[] = {
    [KASSA_REPORT_CELL_TEXT] = NULL,
    [KASSA_REPORT_CELL_INTEGER] = "0",
    [KASSA_REPORT_CELL_DATE] = date_format_of (language),
    [KASSA_REPORT_CELL_MONTH] = month_format_of (language),
    [KASSA_REPORT_CELL_MONEY] = money,
    [KASSA_REPORT_CELL_PERCENT] = "0.0%",
    [KASSA_REPORT_CELL_QUANTITY] = "#,##0.00#",
    [KASSA_REPORT_CELL_DECIMAL] = "0.0",
  };

  writer->title = workbook_add_format (writer->workbook);
  format_set_bold (writer->title);
  format_set_font_size (writer->title, 14);
  writer->subtitle = workbook_add_format (writer->workbook);
  format_set_bold (writer->subtitle);
  format_set_font_size (writer->subtitle, 12);
  writer->header = workbook_add_format (writer->workbook);
  format_set_bold (writer->header);
  format_set_bottom (writer->header, LXW_BORDER_THIN);
  format_set_bg_color (writer->header, 0xE8E8E8);
  writer->bold = add_number_format (writer->workbook, NULL, TRUE);

  for (guint kind = 0; kind < G_N_ELEMENTS (num_formats); kind++)
    {
      writer->formats[kind] = num_formats[kind] != NULL
                              ? add_number_format (writer->workbook, num_formats[kind], FALSE)
                              : NULL;
      writer->total_formats[kind] = add_number_format (writer->workbook, num_formats[kind], TRUE);
    }
}

const char *
kassa_report_label (KassaReportWriter *writer,
                    const char        *msgid)
{
  return kassa_document_catalog_get_context (writer->catalog, REPORT_CONTEXT, msgid);
}

const char *
kassa_report_status_label (KassaReportWriter  *writer,
                           KassaInvoiceStatus  status)
{
  switch (status)
    {
    case KASSA_INVOICE_STATUS_DRAFT:
      return kassa_report_label (writer, NC_("report", "Draft"));
    case KASSA_INVOICE_STATUS_OPEN:
      return kassa_report_label (writer, NC_("report", "Open"));
    case KASSA_INVOICE_STATUS_PARTIALLY_PAID:
      return kassa_report_label (writer, NC_("report", "Partially paid"));
    case KASSA_INVOICE_STATUS_PAID:
      return kassa_report_label (writer, NC_("report", "Paid"));
    case KASSA_INVOICE_STATUS_OVERDUE:
      return kassa_report_label (writer, NC_("report", "Overdue"));
    case KASSA_INVOICE_STATUS_CREDITED:
      return kassa_report_label (writer, NC_("report", "Credited"));
    case KASSA_INVOICE_STATUS_CREDIT_NOTE:
    default:
      return kassa_report_label (writer, NC_("report", "Credit note"));
    }
}

gboolean
kassa_report_should_stop (KassaReportWriter *writer)
{
  return writer->cancelled || writer->lxw_error != LXW_NO_ERROR || writer->sql_error != NULL;
}

gboolean
kassa_report_tick (KassaReportWriter *writer)
{
  writer->done++;
  if (writer->done % KASSA_REPORT_TICK_ROWS != 0)
    return !kassa_report_should_stop (writer);

  if (writer->progress != NULL)
    writer->progress (MIN (writer->done, writer->total), writer->total, writer->progress_data);
  if (g_cancellable_is_cancelled (writer->cancellable))
    writer->cancelled = TRUE;
  return !kassa_report_should_stop (writer);
}

void
kassa_report_record_lxw_error (KassaReportWriter *writer,
                               lxw_error          error)
{
  if (error != LXW_NO_ERROR && writer->lxw_error == LXW_NO_ERROR)
    {
      g_debug ("libxlsxwriter: %s", lxw_strerror (error));
      writer->lxw_error = error;
    }
}

static void
record_sql_error (KassaReportWriter *writer,
                  int                rc)
{
  if (writer->sql_error == NULL)
    kassa_store_set_error_from_sqlite (writer->store, rc, &writer->sql_error);
}

void
kassa_report_record_error (KassaReportWriter  *writer,
                           GError             *error)
{
  if (writer->sql_error == NULL && error != NULL)
    writer->sql_error = g_error_copy (error);
}

/* The statements of a report run once per export, on the connection of
 * the thread that writes it, so they are prepared here rather than kept in
 * the store's statement cache. */
sqlite3_stmt *
kassa_report_query (KassaReportWriter *writer,
                    const char        *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (writer->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      g_warning ("Cannot prepare a report query: %s", sqlite3_errmsg (writer->db));
      record_sql_error (writer, rc);
      return NULL;
    }
  return stmt;
}

gboolean
kassa_report_step (KassaReportWriter *writer,
                   sqlite3_stmt      *stmt)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    record_sql_error (writer, rc);
  return FALSE;
}

/* Excel refuses sheet names with []:*?/\ or longer than 31 characters. */
static char *
sheet_name_for_excel (const char *name,
                      guint       part)
{
  g_autofree char *full = part > 1 ? g_strdup_printf ("%s %u", name, part) : g_strdup (name);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = full; *p != '\0' && n < SHEET_NAME_MAX; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, strchr ("[]:*?/\\", (int) c) != NULL && c < 0x80 ? '_' : c);
    }
  return g_string_free (out, FALSE);
}

char *
kassa_report_cell_name (lxw_row_t row,
                        guint     column)
{
  char letters[8];
  int n = 0;
  GString *name = g_string_new (NULL);

  column++;
  while (column > 0 && n < (int) sizeof letters)
    {
      letters[n++] = (char) ('A' + (column - 1) % 26);
      column = (column - 1) / 26;
    }
  while (n > 0)
    g_string_append_c (name, letters[--n]);
  g_string_append_printf (name, "%u", row + 1);
  return g_string_free (name, FALSE);
}

double
kassa_report_money_value (KassaReportWriter *writer,
                          gint64             minor)
{
  /* The only place money becomes a double: the cell Excel reads. */
  return (double) minor / writer->money_scale;
}

static gboolean
can_write (KassaReportSheet *sheet)
{
  return sheet->worksheet != NULL && sheet->writer->lxw_error == LXW_NO_ERROR;
}

static void
write_number (KassaReportSheet *sheet,
              guint             column,
              double            value,
              lxw_format       *format)
{
  if (!can_write (sheet))
    return;

  kassa_report_record_lxw_error (sheet->writer,
                                 worksheet_write_number (sheet->worksheet, sheet->row, column,
                                                         value, format));
}

static void
write_title_line (KassaReportSheet *sheet,
                  const char       *label,
                  const char       *value)
{
  KassaReportWriter *writer = sheet->writer;

  kassa_report_record_lxw_error (writer,
                                 worksheet_write_string (sheet->worksheet, sheet->row, 0,
                                                         label, writer->bold));
  if (value != NULL)
    kassa_report_cell_text (sheet, 1, value);
  sheet->row++;
}

static void
write_title_block (KassaReportSheet  *sheet,
                   const char *const *extra_lines)
{
  KassaReportWriter *writer = sheet->writer;
  const KassaReportSpec *spec = writer->spec;
  KassaLocale language = spec->language;
  g_autofree char *from = kassa_day_format (spec->from, language);
  g_autofree char *to = kassa_day_format (spec->to, language);
  g_autofree char *period = g_strdup_printf ("%s – %s", from, to);
  lxw_worksheet *ws = sheet->worksheet;

  kassa_report_record_lxw_error (writer, worksheet_write_string (ws, 0, 0, writer->company->name,
                                                                 writer->title));
  kassa_report_record_lxw_error (writer,
                                 worksheet_write_string (ws, 1, 0,
                                                         kassa_report_label (writer, writer->report_name),
                                                         writer->subtitle));
  sheet->row = 2;
  write_title_line (sheet, kassa_report_label (writer, NC_("report", "Period")), period);
  for (guint i = 0; extra_lines != NULL && extra_lines[i] != NULL; i += 2)
    write_title_line (sheet, extra_lines[i], extra_lines[i + 1]);

  kassa_report_record_lxw_error (writer,
                                 worksheet_write_string (ws, sheet->row, 0,
                                                         kassa_report_label (writer, NC_("report", "Generated")),
                                                         writer->bold));
  write_number (sheet, 1, (double) (spec->today - excel_epoch ()),
                writer->formats[KASSA_REPORT_CELL_DATE]);
  sheet->row += 2;
}

static void
write_header_row (KassaReportSheet *sheet)
{
  KassaReportWriter *writer = sheet->writer;

  sheet->header_row = sheet->row;
  for (guint i = 0; i < sheet->n_columns; i++)
    {
      const KassaReportColumn *column = &sheet->columns[i];

      kassa_report_record_lxw_error (writer,
                                     worksheet_set_column (sheet->worksheet, i, i, column->width,
                                                           NULL));
      kassa_report_record_lxw_error (writer,
                                     worksheet_write_string (sheet->worksheet, sheet->row, i,
                                                             kassa_report_label (writer, column->label),
                                                             writer->header));
    }
  worksheet_freeze_panes (sheet->worksheet, sheet->header_row + 1, 0);
  sheet->row++;
}

static KassaReportSheet *
sheet_new_part (KassaReportWriter       *writer,
                const char              *name_msgid,
                guint                    part,
                const KassaReportColumn *columns,
                guint                    n_columns,
                const char *const       *extra_lines)
{
  KassaReportSheet *sheet = g_new0 (KassaReportSheet, 1);

  sheet->writer = writer;
  sheet->name_msgid = name_msgid;
  sheet->part = part;
  sheet->name = sheet_name_for_excel (kassa_report_label (writer, name_msgid), part);
  sheet->columns = columns;
  sheet->n_columns = n_columns;
  sheet->worksheet = workbook_add_worksheet (writer->workbook, sheet->name);
  if (sheet->worksheet == NULL)
    {
      /* Only a duplicate or invalid name can fail: fall back to Excel's. */
      g_clear_pointer (&sheet->name, g_free);
      sheet->worksheet = workbook_add_worksheet (writer->workbook, NULL);
    }
  if (sheet->worksheet == NULL)
    {
      kassa_report_record_lxw_error (writer, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return sheet;
    }

  write_title_block (sheet, extra_lines);
  write_header_row (sheet);
  return sheet;
}

KassaReportSheet *
kassa_report_sheet_new (KassaReportWriter       *writer,
                        const char              *name_msgid,
                        const KassaReportColumn *columns,
                        guint                    n_columns,
                        const char *const       *extra_lines)
{
  return sheet_new_part (writer, name_msgid, 1, columns, n_columns, extra_lines);
}

KassaReportSheet *
kassa_report_sheet_continue (KassaReportSheet *full)
{
  return sheet_new_part (full->writer, full->name_msgid, full->part + 1, full->columns,
                         full->n_columns, NULL);
}

void
kassa_report_sheet_free (KassaReportSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_free (sheet->name);
  g_free (sheet);
}

lxw_row_t
kassa_report_sheet_first_data_row (KassaReportSheet *sheet)
{
  return sheet->header_row + 1;
}

/* One row stays free for the totals. */
gboolean
kassa_report_sheet_is_full (KassaReportSheet *sheet)
{
  return sheet->row + 1 >= LXW_ROW_MAX;
}

static lxw_format *
format_of_column (KassaReportSheet *sheet,
                  guint             column)
{
  if (column >= sheet->n_columns)
    return NULL;
  return sheet->writer->formats[sheet->columns[column].kind];
}

/* Whatever the database holds, the cell stays within Excel's limits. */
static char *
text_for_excel (const char *text)
{
  const char *end;

  if (strlen (text) <= CELL_TEXT_MAX)
    return NULL;
  end = g_utf8_find_prev_char (text, text + CELL_TEXT_MAX);
  return g_strndup (text, end != NULL ? (gsize) (end - text) : 0);
}

void
kassa_report_cell_text (KassaReportSheet *sheet,
                        guint             column,
                        const char       *text)
{
  g_autofree char *shortened = NULL;

  if (!can_write (sheet) || text == NULL || text[0] == '\0')
    return;

  /* Always a string cell: a name like "=HYPERLINK(…)" stays text. */
  shortened = text_for_excel (text);
  kassa_report_record_lxw_error (sheet->writer,
                                 worksheet_write_string (sheet->worksheet, sheet->row, column,
                                                         shortened != NULL ? shortened : text,
                                                         NULL));
}

void
kassa_report_cell_label (KassaReportSheet *sheet,
                         guint             column,
                         const char       *msgid)
{
  kassa_report_cell_text (sheet, column, kassa_report_label (sheet->writer, msgid));
}

void
kassa_report_cell_integer (KassaReportSheet *sheet,
                           guint             column,
                           gint64            value)
{
  write_number (sheet, column, (double) value, format_of_column (sheet, column));
}

void
kassa_report_cell_date (KassaReportSheet *sheet,
                        guint             column,
                        KassaDay          day)
{
  KassaReportWriter *writer = sheet->writer;
  gboolean month = column < sheet->n_columns &&
                   sheet->columns[column].kind == KASSA_REPORT_CELL_MONTH;

  if (day <= 0)
    return;
  write_number (sheet, column, (double) (day - excel_epoch ()),
                writer->formats[month ? KASSA_REPORT_CELL_MONTH : KASSA_REPORT_CELL_DATE]);
}

void
kassa_report_cell_money (KassaReportSheet *sheet,
                         guint             column,
                         gint64            minor)
{
  write_number (sheet, column, kassa_report_money_value (sheet->writer, minor),
                sheet->writer->formats[KASSA_REPORT_CELL_MONEY]);
}

void
kassa_report_cell_percent (KassaReportSheet *sheet,
                           guint             column,
                           gint              basis_points)
{
  write_number (sheet, column, basis_points / 10000.0,
                sheet->writer->formats[KASSA_REPORT_CELL_PERCENT]);
}

void
kassa_report_cell_quantity (KassaReportSheet *sheet,
                            guint             column,
                            gint64            thousandths)
{
  write_number (sheet, column, thousandths / 1000.0,
                sheet->writer->formats[KASSA_REPORT_CELL_QUANTITY]);
}

void
kassa_report_cell_decimal (KassaReportSheet *sheet,
                           guint             column,
                           double            value)
{
  write_number (sheet, column, value, sheet->writer->formats[KASSA_REPORT_CELL_DECIMAL]);
}

void
kassa_report_cell_formula (KassaReportSheet *sheet,
                           guint             column,
                           const char       *formula,
                           double            value,
                           gboolean          bold)
{
  KassaReportCellKind kind = column < sheet->n_columns ? sheet->columns[column].kind
                                                       : KASSA_REPORT_CELL_MONEY;
  lxw_format *format = bold ? sheet->writer->total_formats[kind] : sheet->writer->formats[kind];

  if (!can_write (sheet))
    return;

  /* libxlsxwriter would cache 0: readers that do not recalculate (and the
   * tests) must see the exact total. */
  kassa_report_record_lxw_error (sheet->writer,
                                 worksheet_write_formula_num (sheet->worksheet, sheet->row, column,
                                                              formula, format, value));
}

gboolean
kassa_report_sheet_end_row (KassaReportSheet *sheet)
{
  sheet->row++;
  return kassa_report_tick (sheet->writer);
}

static double
cell_value_of_sum (KassaReportSheet *sheet,
                   guint             column,
                   gint64            sum)
{
  switch (sheet->columns[column].kind)
    {
    case KASSA_REPORT_CELL_MONEY:
      return kassa_report_money_value (sheet->writer, sum);
    case KASSA_REPORT_CELL_QUANTITY:
      return sum / 1000.0;
    default:
      return (double) sum;
    }
}

static void
set_autofilter (KassaReportSheet *sheet,
                lxw_row_t         last_row)
{
  if (!can_write (sheet))
    return;

  kassa_report_record_lxw_error (sheet->writer,
                                 worksheet_autofilter (sheet->worksheet, sheet->header_row, 0,
                                                       MAX (last_row, sheet->header_row),
                                                       sheet->n_columns - 1));
}

void
kassa_report_sheet_totals (KassaReportSheet *sheet,
                           const gint64     *sums,
                           const gboolean   *summed)
{
  lxw_row_t first = kassa_report_sheet_first_data_row (sheet);
  lxw_row_t last = sheet->row - 1;
  gboolean has_rows = sheet->row > first;

  set_autofilter (sheet, last);
  if (!can_write (sheet))
    return;

  kassa_report_record_lxw_error (sheet->writer,
                                 worksheet_write_string (sheet->worksheet, sheet->row, 0,
                                                         kassa_report_label (sheet->writer,
                                                                             NC_("report", "Total")),
                                                         sheet->writer->bold));
  for (guint i = 1; i < sheet->n_columns; i++)
    {
      g_autofree char *top = NULL;
      g_autofree char *bottom = NULL;
      g_autofree char *formula = NULL;
      double value;

      if (!summed[i])
        continue;

      value = cell_value_of_sum (sheet, i, sums[i]);
      if (!has_rows)
        {
          write_number (sheet, i, 0, sheet->writer->total_formats[sheet->columns[i].kind]);
          continue;
        }
      /* SUBTOTAL(109, …): the sum of the rows the autofilter shows. */
      top = kassa_report_cell_name (first, i);
      bottom = kassa_report_cell_name (last, i);
      formula = g_strdup_printf ("=SUBTOTAL(109,%s:%s)", top, bottom);
      kassa_report_cell_formula (sheet, i, formula, value, TRUE);
    }
  sheet->row++;
}

/* For sheets without a totals row. */
void
kassa_report_sheet_finish (KassaReportSheet *sheet)
{
  set_autofilter (sheet, sheet->row - 1);
}

void
kassa_report_part_start (KassaReportPart  *part,
                         KassaReportSheet *sheet)
{
  part->sheet = sheet;
  memset (part->sums, 0, sizeof part->sums);
}

/* Before a row: moves to the next sheet when Excel's row limit is near. */
void
kassa_report_part_make_room (KassaReportPart *part)
{
  KassaReportSheet *next;

  if (!kassa_report_sheet_is_full (part->sheet))
    return;

  kassa_report_sheet_totals (part->sheet, part->sums, part->summed);
  next = kassa_report_sheet_continue (part->sheet);
  kassa_report_sheet_free (part->sheet);
  kassa_report_part_start (part, next);
}

void
kassa_report_part_finish (KassaReportPart *part)
{
  kassa_report_sheet_totals (part->sheet, part->sums, part->summed);
  g_clear_pointer (&part->sheet, kassa_report_sheet_free);
}

void
kassa_report_bind_period (KassaReportWriter *writer,
                          sqlite3_stmt      *stmt)
{
  sqlite3_bind_int (stmt, 1, writer->spec->from);
  sqlite3_bind_int (stmt, 2, writer->spec->to);
}
