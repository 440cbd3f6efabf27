/* kassa-report-payments.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Payments received in the period, and the payments sheet of the invoice
 * journal (the same columns, another selection).
 */
#define G_LOG_DOMAIN "kassa-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-report-private.h"

enum
{
  PAY_DATE, PAY_INVOICE, PAY_CUSTOMER, PAY_METHOD, PAY_AMOUNT, N_PAY_COLUMNS
};

static const KassaReportColumn payment_columns[N_PAY_COLUMNS] = {
  { NC_("report", "Date"), 12, KASSA_REPORT_CELL_DATE },
  { NC_("report", "Invoice"), 10, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Customer"), 32, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Method"), 16, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Amount"), 14, KASSA_REPORT_CELL_MONEY },
};

#define PAYMENTS_IN_PERIOD_SQL \
  "SELECT p.date, i.number, c.name, p.method, p.amount" \
  " FROM payments p JOIN invoices i ON i.id = p.invoice_id JOIN customers c ON c.id = i.customer_id" \
  " WHERE p.date BETWEEN ?1 AND ?2" \
  " ORDER BY p.date, p.id"

static void
write_payment_row (KassaReportPart *part,
                   sqlite3_stmt    *stmt)
{
  KassaReportSheet *sheet = part->sheet;
  gint64 amount = sqlite3_column_int64 (stmt, 4);

  kassa_report_cell_date (sheet, PAY_DATE, sqlite3_column_int (stmt, 0));
  kassa_report_cell_integer (sheet, PAY_INVOICE, sqlite3_column_int64 (stmt, 1));
  kassa_report_cell_text (sheet, PAY_CUSTOMER, (const char *) sqlite3_column_text (stmt, 2));
  kassa_report_cell_text (sheet, PAY_METHOD, (const char *) sqlite3_column_text (stmt, 3));
  kassa_report_cell_money (sheet, PAY_AMOUNT, amount);
  part->sums[PAY_AMOUNT] += amount;
}

void
kassa_report_write_payment_sheet (KassaReportWriter *writer,
                                  const char        *sql)
{
  sqlite3_stmt *stmt = kassa_report_query (writer, sql);
  KassaReportPart part = { 0 };

  if (stmt == NULL)
    return;
  part.summed[PAY_AMOUNT] = TRUE;
  kassa_report_part_start (&part, kassa_report_sheet_new (writer, NC_("report", "Payments"),
                                                          payment_columns, N_PAY_COLUMNS, NULL));
  kassa_report_bind_period (writer, stmt);
  while (kassa_report_step (writer, stmt))
    {
      kassa_report_part_make_room (&part);
      write_payment_row (&part, stmt);
      if (!kassa_report_sheet_end_row (part.sheet))
        break;
    }
  sqlite3_finalize (stmt);
  kassa_report_part_finish (&part);
}

static void
count_payments (KassaReportWriter *writer)
{
  sqlite3_stmt *stmt = kassa_report_query (writer,
                                           "SELECT COUNT (*) FROM payments WHERE date BETWEEN ?1 AND ?2");

  if (stmt == NULL)
    return;
  kassa_report_bind_period (writer, stmt);
  if (kassa_report_step (writer, stmt))
    writer->total = (guint64) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
}

gboolean
kassa_report_write_payments (KassaReportWriter *writer)
{
  count_payments (writer);
  if (!kassa_report_should_stop (writer))
    kassa_report_write_payment_sheet (writer, PAYMENTS_IN_PERIOD_SQL);
  return !kassa_report_should_stop (writer);
}
