/* kassa-report-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sheet machinery the report families share (kassa-report-workbook.c)
 * and the entry points of each family.  Not for other layers.
 */
#pragma once

#include <sqlite3.h>
#include <xlsxwriter.h>

#include "kassa-document-catalog.h"
#include "kassa-report.h"
#include "kassa-store-sql.h"

G_BEGIN_DECLS

/* Labels of the reports: marked NC_("report", …) and looked up in the
 * report's language, not the UI language. */
#define REPORT_CONTEXT "report"

/* Rows between progress reports and cancellation checks. */
#define KASSA_REPORT_TICK_ROWS 1000

typedef enum
{
  KASSA_REPORT_CELL_TEXT,
  KASSA_REPORT_CELL_INTEGER,
  KASSA_REPORT_CELL_DATE,
  KASSA_REPORT_CELL_MONTH,
  KASSA_REPORT_CELL_MONEY,
  KASSA_REPORT_CELL_PERCENT,     /* basis points */
  KASSA_REPORT_CELL_QUANTITY,    /* thousandths */
  KASSA_REPORT_CELL_DECIMAL,     /* a double, one decimal */
} KassaReportCellKind;

typedef struct
{
  const char          *label;    /* msgid in context "report" */
  double               width;    /* in characters */
  KassaReportCellKind  kind;
} KassaReportColumn;

typedef struct
{
  /* Set up by kassa-report.c before a family writes. */
  lxw_workbook          *workbook;
  KassaStore            *store;
  sqlite3               *db;
  const KassaReportSpec *spec;
  const char            *report_name;    /* msgid in context "report" */
  KassaDocumentCatalog  *catalog;
  KassaCompany          *company;
  char                   currency[4];
  double                 money_scale;    /* 10^exponent of the currency */
  KassaReportProgress    progress;
  gpointer               progress_data;
  GCancellable          *cancellable;
  guint64                done;
  guint64                total;
  gboolean               cancelled;
  lxw_error              lxw_error;      /* the first libxlsxwriter error */
  GError                *sql_error;      /* the first SQLite error */

  lxw_format            *title;
  lxw_format            *subtitle;
  lxw_format            *header;
  lxw_format            *bold;
  lxw_format            *formats[KASSA_REPORT_CELL_DECIMAL + 1];
  lxw_format            *total_formats[KASSA_REPORT_CELL_DECIMAL + 1];
} KassaReportWriter;

typedef struct
{
  KassaReportWriter       *writer;
  lxw_worksheet           *worksheet;
  char                    *name;
  const char              *name_msgid;
  guint                    part;         /* 2, 3, … past Excel's row limit */
  const KassaReportColumn *columns;
  guint                    n_columns;
  lxw_row_t                header_row;
  lxw_row_t                row;          /* the next row to write */
} KassaReportSheet;

/* Writer setup (kassa-report-workbook.c). */
void              kassa_report_writer_init_formats (KassaReportWriter *writer);
const char       *kassa_report_label             (KassaReportWriter *writer,
                                                  const char        *msgid);
/* Counts a written row; every KASSA_REPORT_TICK_ROWS rows reports progress
 * and checks for cancellation.  FALSE when the writing must stop. */
gboolean          kassa_report_tick              (KassaReportWriter *writer);
gboolean          kassa_report_should_stop       (KassaReportWriter *writer);
/* Prepares a read-only statement; on failure records the error and
 * returns NULL.  The caller finalizes it. */
sqlite3_stmt     *kassa_report_query             (KassaReportWriter *writer,
                                                  const char        *sql);
/* Steps a statement: TRUE on a row, FALSE when done or failed (recorded). */
gboolean          kassa_report_step              (KassaReportWriter *writer,
                                                  sqlite3_stmt      *stmt);
/* Keeps the first error of a reading step (analytics, SQL): the export
 * then stops and reports it. */
void              kassa_report_record_error      (KassaReportWriter *writer,
                                                  GError            *error);
void              kassa_report_record_lxw_error  (KassaReportWriter *writer,
                                                  lxw_error          error);

/* Sheets: a title block (company, report, period, generated), then a bold
 * frozen header row with an autofilter, then the data rows.  Extra title
 * lines (label, value pairs, NULL-terminated) come after the period. */
KassaReportSheet *kassa_report_sheet_new         (KassaReportWriter       *writer,
                                                  const char              *name_msgid,
                                                  const KassaReportColumn *columns,
                                                  guint                    n_columns,
                                                  const char *const       *extra_lines);
/* The next part ("Lines 2") of a sheet that reached Excel's row limit. */
KassaReportSheet *kassa_report_sheet_continue    (KassaReportSheet        *full);
void              kassa_report_sheet_free        (KassaReportSheet        *sheet);
/* TRUE when only the totals row is left before Excel's row limit. */
gboolean          kassa_report_sheet_is_full     (KassaReportSheet        *sheet);
/* Sets the autofilter, for a sheet without a totals row. */
void              kassa_report_sheet_finish      (KassaReportSheet        *sheet);
lxw_row_t         kassa_report_sheet_first_data_row (KassaReportSheet     *sheet);

void              kassa_report_cell_text         (KassaReportSheet *sheet,
                                                  guint             column,
                                                  const char       *text);
void              kassa_report_cell_label        (KassaReportSheet *sheet,
                                                  guint             column,
                                                  const char       *msgid);
void              kassa_report_cell_integer      (KassaReportSheet *sheet,
                                                  guint             column,
                                                  gint64            value);
void              kassa_report_cell_date         (KassaReportSheet *sheet,
                                                  guint             column,
                                                  KassaDay          day);
void              kassa_report_cell_money        (KassaReportSheet *sheet,
                                                  guint             column,
                                                  gint64            minor);
void              kassa_report_cell_percent      (KassaReportSheet *sheet,
                                                  guint             column,
                                                  gint              basis_points);
void              kassa_report_cell_quantity     (KassaReportSheet *sheet,
                                                  guint             column,
                                                  gint64            thousandths);
void              kassa_report_cell_decimal      (KassaReportSheet *sheet,
                                                  guint             column,
                                                  double            value);
/* A formula with its computed result cached, in the column's format. */
void              kassa_report_cell_formula      (KassaReportSheet *sheet,
                                                  guint             column,
                                                  const char       *formula,
                                                  double            value,
                                                  gboolean          bold);
/* Ends the current row; FALSE when the writing must stop. */
gboolean          kassa_report_sheet_end_row     (KassaReportSheet *sheet);
/* The totals row: a "Total" label, then SUBTOTAL(109, …) over the data
 * rows of each column with a non-NULL sum (money minor units or counts),
 * the exact sum cached.  Also sets the autofilter. */
void              kassa_report_sheet_totals      (KassaReportSheet *sheet,
                                                  const gint64     *sums,
                                                  const gboolean   *summed);
/* A sheet that continues on "Name 2", "Name 3", … past Excel's row limit,
 * with the sums of its summed columns for the totals row of each part. */
#define KASSA_REPORT_MAX_COLUMNS 16

typedef struct
{
  KassaReportSheet *sheet;
  gint64            sums[KASSA_REPORT_MAX_COLUMNS];
  gboolean          summed[KASSA_REPORT_MAX_COLUMNS];
} KassaReportPart;

void              kassa_report_part_start        (KassaReportPart  *part,
                                                  KassaReportSheet *sheet);
/* Call before each row. */
void              kassa_report_part_make_room    (KassaReportPart  *part);
/* Writes the totals row and frees the sheet. */
void              kassa_report_part_finish       (KassaReportPart  *part);

/* Binds spec->from and spec->to to ?1 and ?2. */
void              kassa_report_bind_period       (KassaReportWriter *writer,
                                                  sqlite3_stmt      *stmt);

/* "A1"-style name of a cell, for formulas. */
char             *kassa_report_cell_name         (lxw_row_t         row,
                                                  guint             column);
double            kassa_report_money_value       (KassaReportWriter *writer,
                                                  gint64             minor);

/* Text of a derived invoice status in the report language. */
const char       *kassa_report_status_label      (KassaReportWriter *writer,
                                                  KassaInvoiceStatus status);

/* The report families. */
gboolean          kassa_report_write_journal     (KassaReportWriter *writer);
gboolean          kassa_report_write_sales       (KassaReportWriter *writer);
gboolean          kassa_report_write_vat_summary (KassaReportWriter *writer);
gboolean          kassa_report_write_aging       (KassaReportWriter *writer);
gboolean          kassa_report_write_statement   (KassaReportWriter *writer);
gboolean          kassa_report_write_payments    (KassaReportWriter *writer);
gboolean          kassa_report_write_kpi         (KassaReportWriter *writer);
gboolean          kassa_report_write_cashflow    (KassaReportWriter *writer);
gboolean          kassa_report_write_customer_value (KassaReportWriter *writer);

/* VAT per rate (and per month for the VAT summary): each invoice's VAT is
 * computed per rate on the sum of its line nets (kassa-vat.c), then summed.
 * Lines must come grouped by invoice. */
typedef struct
{
  KassaDay month;    /* first day, or 0 when not grouped by month */
  gint     rate;     /* basis points */
  gint64   net;
  gint64   vat;
} KassaReportVatRow;

typedef struct _KassaReportVatTotals KassaReportVatTotals;

KassaReportVatTotals *kassa_report_vat_totals_new  (void);
void              kassa_report_vat_totals_free   (KassaReportVatTotals *totals);
void              kassa_report_vat_totals_add_line (KassaReportVatTotals *totals,
                                                  gint64             invoice,
                                                  KassaDay           month,
                                                  gint               rate,
                                                  gint64             net);
/* A sheet of VAT %, net, VAT and gross per rate, highest rate first. */
void              kassa_report_write_vat_rate_sheet (KassaReportWriter *writer,
                                                  const char        *name_msgid,
                                                  KassaReportVatTotals *totals);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaReportVatTotals, kassa_report_vat_totals_free)

/* A payments sheet (date, invoice, customer, method, amount) from a query
 * with those columns and ?1/?2 bound to the period. */
void              kassa_report_write_payment_sheet (KassaReportWriter *writer,
                                                  const char        *sql);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaReportSheet, kassa_report_sheet_free)

G_END_DECLS
