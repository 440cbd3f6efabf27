/* kassa-report-journal.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The invoice journal: every sent invoice and credit note issued in the
 * period (one row each), their lines, the VAT per rate and their payments.
 * Written in constant_memory mode, each sheet in one ordered SQL pass; a
 * sheet that reaches Excel's row limit continues on "Lines 2", ….
 *
 * Without details (KassaReportSpec.without_details) only the Invoices and
 * VAT sheets are written: the lines are still read for the VAT per rate,
 * but most of the time of a large journal goes into compressing the
 * worksheet XML inside libxlsxwriter, so leaving out the 2.5 lines and
 * one payment per invoice makes it about three times faster.
 */
#define G_LOG_DOMAIN "kassa-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-report-private.h"
#include "kassa-vat.h"

enum
{
  INV_NUMBER, INV_TYPE, INV_CUSTOMER_NUMBER, INV_CUSTOMER, INV_ISSUE_DATE, INV_DUE_DATE,
  INV_REFERENCE, INV_STATUS, INV_NET, INV_VAT, INV_TOTAL, INV_PAID, INV_OPEN, N_INV_COLUMNS
};

static const KassaReportColumn invoice_columns[N_INV_COLUMNS] = {
  { NC_("report", "Number"), 10, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Type"), 14, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Customer no."), 12, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Customer"), 32, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Issue date"), 12, KASSA_REPORT_CELL_DATE },
  { NC_("report", "Due date"), 12, KASSA_REPORT_CELL_DATE },
  { NC_("report", "Reference"), 18, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Status"), 16, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Net"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "VAT"), 12, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Total"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Paid"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Open"), 14, KASSA_REPORT_CELL_MONEY },
};

enum
{
  LINE_INVOICE, LINE_POSITION, LINE_DESCRIPTION, LINE_QUANTITY, LINE_UNIT_PRICE,
  LINE_DISCOUNT, LINE_VAT_RATE, LINE_NET, N_LINE_COLUMNS
};

static const KassaReportColumn line_columns[N_LINE_COLUMNS] = {
  { NC_("report", "Invoice"), 10, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Position"), 9, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Description"), 40, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Quantity"), 10, KASSA_REPORT_CELL_QUANTITY },
  { NC_("report", "Unit price"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Discount %"), 11, KASSA_REPORT_CELL_PERCENT },
  { NC_("report", "VAT %"), 8, KASSA_REPORT_CELL_PERCENT },
  { NC_("report", "Net"), 14, KASSA_REPORT_CELL_MONEY },
};

/* The rows of the period, oldest first (issue date, then number). */
#define JOURNAL_INVOICES_SQL \
  "SELECT i.number, i.credited_invoice_id IS NOT NULL, c.number, c.name, i.issue_date," \
  " i.due_date, COALESCE (i.reference, ''), i.state, i.total_net, i.total_vat, i.total, i.paid, " \
  KASSA_STORE_OPEN_AMOUNT_SQL \
  " FROM invoices i JOIN customers c ON c.id = i.customer_id" \
  " WHERE i.state <> 0 AND i.issue_date BETWEEN ?1 AND ?2" \
  " ORDER BY i.issue_date, i.number"

#define JOURNAL_LINES_SQL \
  "SELECT i.number, l.position, l.description, l.quantity, l.unit_price, l.discount, l.vat_rate" \
  " FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id" \
  " WHERE i.state <> 0 AND i.issue_date BETWEEN ?1 AND ?2" \
  " ORDER BY i.issue_date, i.number, l.position"

#define JOURNAL_COUNTS_SQL \
  "SELECT COUNT (*)," \
  " (SELECT COUNT (*) FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id" \
  "  WHERE i.state <> 0 AND i.issue_date BETWEEN ?1 AND ?2)," \
  " (SELECT COUNT (*) FROM invoices i JOIN payments p ON p.invoice_id = i.id" \
  "  WHERE i.state <> 0 AND i.issue_date BETWEEN ?1 AND ?2)" \
  " FROM invoices i WHERE i.state <> 0 AND i.issue_date BETWEEN ?1 AND ?2"

static void
count_rows (KassaReportWriter *writer)
{
  sqlite3_stmt *stmt = kassa_report_query (writer, JOURNAL_COUNTS_SQL);

  if (stmt == NULL)
    return;
  kassa_report_bind_period (writer, stmt);
  if (kassa_report_step (writer, stmt))
    writer->total = (guint64) sqlite3_column_int64 (stmt, 0) +
                    (guint64) sqlite3_column_int64 (stmt, 1) +
                    (writer->spec->without_details ? 0 : (guint64) sqlite3_column_int64 (stmt, 2));
  sqlite3_finalize (stmt);
}

static void
write_invoice_row (KassaReportPart  *part,
                   sqlite3_stmt *stmt)
{
  KassaReportSheet *sheet = part->sheet;
  KassaReportWriter *writer = sheet->writer;
  gboolean credit_note = sqlite3_column_int (stmt, 1);
  gint64 total = sqlite3_column_int64 (stmt, 10);
  gint64 paid = sqlite3_column_int64 (stmt, 11);
  KassaDay due = sqlite3_column_int (stmt, 5);
  KassaInvoiceStatus status = kassa_invoice_status_derive (sqlite3_column_int (stmt, 7), credit_note,
                                                           total, paid, due, writer->spec->today);

  kassa_report_cell_integer (sheet, INV_NUMBER, sqlite3_column_int64 (stmt, 0));
  kassa_report_cell_label (sheet, INV_TYPE, credit_note ? NC_("report", "Credit note")
                                                        : NC_("report", "Invoice"));
  kassa_report_cell_text (sheet, INV_CUSTOMER_NUMBER, (const char *) sqlite3_column_text (stmt, 2));
  kassa_report_cell_text (sheet, INV_CUSTOMER, (const char *) sqlite3_column_text (stmt, 3));
  kassa_report_cell_date (sheet, INV_ISSUE_DATE, sqlite3_column_int (stmt, 4));
  kassa_report_cell_date (sheet, INV_DUE_DATE, due);
  kassa_report_cell_text (sheet, INV_REFERENCE, (const char *) sqlite3_column_text (stmt, 6));
  kassa_report_cell_text (sheet, INV_STATUS, kassa_report_status_label (writer, status));
  for (guint column = INV_NET; column <= INV_OPEN; column++)
    {
      gint64 amount = sqlite3_column_int64 (stmt, (int) column);

      kassa_report_cell_money (sheet, column, amount);
      part->sums[column] += amount;
    }
}

static void
write_invoices (KassaReportWriter *writer)
{
  sqlite3_stmt *stmt = kassa_report_query (writer, JOURNAL_INVOICES_SQL);
  KassaReportPart part = { 0 };

  if (stmt == NULL)
    return;
  for (guint column = INV_NET; column <= INV_OPEN; column++)
    part.summed[column] = TRUE;

  kassa_report_part_start (&part, kassa_report_sheet_new (writer, NC_("report", "Invoices"), invoice_columns,
                                             N_INV_COLUMNS, NULL));
  kassa_report_bind_period (writer, stmt);
  while (kassa_report_step (writer, stmt))
    {
      kassa_report_part_make_room (&part);
      write_invoice_row (&part, stmt);
      if (!kassa_report_sheet_end_row (part.sheet))
        break;
    }
  sqlite3_finalize (stmt);
  kassa_report_part_finish (&part);
}

static void
write_line_row (KassaReportSheet *sheet,
                sqlite3_stmt     *stmt,
                KassaReportVatTotals *vat,
                gint64           *net_sum)
{
  gint64 quantity = sqlite3_column_int64 (stmt, 3);
  gint64 unit_price = sqlite3_column_int64 (stmt, 4);
  gint discount = CLAMP (sqlite3_column_int (stmt, 5), 0, 10000);
  gint rate = sqlite3_column_int (stmt, 6);
  gint64 net = kassa_line_net (quantity, unit_price, discount);
  gint64 number = sqlite3_column_int64 (stmt, 0);

  kassa_report_cell_integer (sheet, LINE_INVOICE, number);
  kassa_report_cell_integer (sheet, LINE_POSITION, sqlite3_column_int (stmt, 1) + 1);
  kassa_report_cell_text (sheet, LINE_DESCRIPTION, (const char *) sqlite3_column_text (stmt, 2));
  kassa_report_cell_quantity (sheet, LINE_QUANTITY, quantity);
  kassa_report_cell_money (sheet, LINE_UNIT_PRICE, unit_price);
  kassa_report_cell_percent (sheet, LINE_DISCOUNT, discount);
  kassa_report_cell_percent (sheet, LINE_VAT_RATE, rate);
  kassa_report_cell_money (sheet, LINE_NET, net);
  *net_sum += net;
  kassa_report_vat_totals_add_line (vat, number, 0, rate, net);
}

/* VAT per rate from the lines without writing them (journal without details). */
static void
sum_lines (KassaReportWriter    *writer,
           KassaReportVatTotals *vat)
{
  sqlite3_stmt *stmt = kassa_report_query (writer, JOURNAL_LINES_SQL);

  if (stmt == NULL)
    return;
  kassa_report_bind_period (writer, stmt);
  while (kassa_report_step (writer, stmt))
    {
      gint64 net = kassa_line_net (sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 4),
                                   CLAMP (sqlite3_column_int (stmt, 5), 0, 10000));

      kassa_report_vat_totals_add_line (vat, sqlite3_column_int64 (stmt, 0), 0,
                                        sqlite3_column_int (stmt, 6), net);
      if (!kassa_report_tick (writer))
        break;
    }
  sqlite3_finalize (stmt);
}

static void
write_lines (KassaReportWriter *writer,
             KassaReportVatTotals *vat)
{
  sqlite3_stmt *stmt = kassa_report_query (writer, JOURNAL_LINES_SQL);
  KassaReportPart part = { 0 };

  if (stmt == NULL)
    return;
  part.summed[LINE_NET] = TRUE;
  kassa_report_part_start (&part, kassa_report_sheet_new (writer, NC_("report", "Lines"), line_columns,
                                             N_LINE_COLUMNS, NULL));
  kassa_report_bind_period (writer, stmt);
  while (kassa_report_step (writer, stmt))
    {
      kassa_report_part_make_room (&part);
      write_line_row (part.sheet, stmt, vat, &part.sums[LINE_NET]);
      if (!kassa_report_sheet_end_row (part.sheet))
        break;
    }
  sqlite3_finalize (stmt);
  kassa_report_part_finish (&part);
}

#define JOURNAL_PAYMENTS_SQL \
  "SELECT p.date, i.number, c.name, p.method, p.amount" \
  " FROM invoices i JOIN payments p ON p.invoice_id = i.id JOIN customers c ON c.id = i.customer_id" \
  " WHERE i.state <> 0 AND i.issue_date BETWEEN ?1 AND ?2" \
  " ORDER BY i.issue_date, i.number, p.date, p.id"

gboolean
kassa_report_write_journal (KassaReportWriter *writer)
{
  g_autoptr(KassaReportVatTotals) vat = kassa_report_vat_totals_new ();

  gboolean details = !writer->spec->without_details;

  count_rows (writer);
  if (!kassa_report_should_stop (writer))
    write_invoices (writer);
  if (!kassa_report_should_stop (writer))
    {
      if (details)
        write_lines (writer, vat);
      else
        sum_lines (writer, vat);
    }
  if (!kassa_report_should_stop (writer))
    kassa_report_write_vat_rate_sheet (writer, NC_("report", "VAT"), vat);
  if (details && !kassa_report_should_stop (writer))
    kassa_report_write_payment_sheet (writer, JOURNAL_PAYMENTS_SQL);
  return !kassa_report_should_stop (writer);
}
