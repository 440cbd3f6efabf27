/* kassa-report-statement.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One customer's account for the period: the opening balance, every
 * invoice and credit note (amount owed) and payment (amount received) in
 * date order, a running balance as a formula per row, and the closing
 * balance.
 */
#define G_LOG_DOMAIN "kassa-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-report-private.h"

enum
{
  ST_DATE, ST_TYPE, ST_INVOICE, ST_DUE_DATE, ST_AMOUNT, ST_BALANCE, N_ST_COLUMNS
};

static const KassaReportColumn statement_columns[N_ST_COLUMNS] = {
  { NC_("report", "Date"), 12, KASSA_REPORT_CELL_DATE },
  { NC_("report", "Type"), 16, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Invoice"), 10, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Due date"), 12, KASSA_REPORT_CELL_DATE },
  { NC_("report", "Amount"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Balance"), 16, KASSA_REPORT_CELL_MONEY },
};

/* What the customer owed before the period: documents issued before it
 * less payments dated before it.  ?3 = customer. */
#define OPENING_SQL \
  "SELECT COALESCE ((SELECT SUM (total) FROM invoices" \
  "                  WHERE customer_id = ?3 AND state <> 0 AND issue_date < ?1), 0)" \
  " - COALESCE ((SELECT SUM (p.amount) FROM payments p JOIN invoices i ON i.id = p.invoice_id" \
  "              WHERE i.customer_id = ?3 AND p.date < ?1), 0)"

/* kind 0 = invoice or credit note (positive or negative), 1 = payment. */
#define EVENTS_SQL \
  "SELECT issue_date, 0, number, due_date, total, credited_invoice_id IS NOT NULL, id" \
  " FROM invoices WHERE customer_id = ?3 AND state <> 0 AND issue_date BETWEEN ?1 AND ?2" \
  " UNION ALL" \
  " SELECT p.date, 1, i.number, NULL, -p.amount, 0, p.id" \
  " FROM payments p JOIN invoices i ON i.id = p.invoice_id" \
  " WHERE i.customer_id = ?3 AND p.date BETWEEN ?1 AND ?2" \
  " ORDER BY 1, 2, 3, 7"

static sqlite3_stmt *
customer_query (KassaReportWriter *writer,
                const char        *sql)
{
  sqlite3_stmt *stmt = kassa_report_query (writer, sql);

  if (stmt != NULL)
    {
      kassa_report_bind_period (writer, stmt);
      sqlite3_bind_int64 (stmt, 3, writer->spec->customer_id);
    }
  return stmt;
}

static gint64
opening_balance (KassaReportWriter *writer)
{
  sqlite3_stmt *stmt = customer_query (writer, OPENING_SQL);
  gint64 balance = 0;

  if (stmt == NULL)
    return 0;
  if (kassa_report_step (writer, stmt))
    balance = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return balance;
}

/* Balance of this row = balance above + amount of this row. */
static void
write_running_balance (KassaReportSheet *sheet,
                       gint64            balance)
{
  g_autofree char *above = kassa_report_cell_name (sheet->row - 1, ST_BALANCE);
  g_autofree char *amount = kassa_report_cell_name (sheet->row, ST_AMOUNT);
  g_autofree char *formula = g_strdup_printf ("=%s+%s", above, amount);

  kassa_report_cell_formula (sheet, ST_BALANCE, formula,
                             kassa_report_money_value (sheet->writer, balance), FALSE);
}

static const char *
type_of_event (sqlite3_stmt *stmt)
{
  if (sqlite3_column_int (stmt, 1) == 1)
    return NC_("report", "Payment");
  return sqlite3_column_int (stmt, 5) ? NC_("report", "Credit note") : NC_("report", "Invoice");
}

static gint64
write_events (KassaReportSheet *sheet,
              gint64            balance)
{
  KassaReportWriter *writer = sheet->writer;
  sqlite3_stmt *stmt = customer_query (writer, EVENTS_SQL);

  if (stmt == NULL)
    return balance;
  while (kassa_report_step (writer, stmt))
    {
      gint64 amount = sqlite3_column_int64 (stmt, 4);

      balance += amount;
      kassa_report_cell_date (sheet, ST_DATE, sqlite3_column_int (stmt, 0));
      kassa_report_cell_label (sheet, ST_TYPE, type_of_event (stmt));
      kassa_report_cell_integer (sheet, ST_INVOICE, sqlite3_column_int64 (stmt, 2));
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        kassa_report_cell_date (sheet, ST_DUE_DATE, sqlite3_column_int (stmt, 3));
      kassa_report_cell_money (sheet, ST_AMOUNT, amount);
      write_running_balance (sheet, balance);
      if (!kassa_report_sheet_end_row (sheet) || kassa_report_sheet_is_full (sheet))
        break;
    }
  sqlite3_finalize (stmt);
  return balance;
}

static char **
customer_lines (KassaReportWriter   *writer,
                KassaCustomerRecord *customer)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_autofree char *address = g_strdelimit (g_strdup (customer->address), "\r\n", ' ');

  g_strv_builder_add (lines, kassa_report_label (writer, NC_("report", "Customer")));
  g_strv_builder_add (lines, customer->name);
  g_strv_builder_add (lines, kassa_report_label (writer, NC_("report", "Customer no.")));
  g_strv_builder_add (lines, customer->number);
  g_strv_builder_add (lines, kassa_report_label (writer, NC_("report", "Business ID")));
  g_strv_builder_add (lines, customer->business_id);
  g_strv_builder_add (lines, kassa_report_label (writer, NC_("report", "Address")));
  g_strv_builder_add (lines, address);
  return g_strv_builder_end (lines);
}

gboolean
kassa_report_write_statement (KassaReportWriter *writer)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_store_get_customer (writer->store,
                                                                      writer->spec->customer_id,
                                                                      NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(KassaReportSheet) sheet = NULL;
  gint64 balance;
  g_autofree char *last = NULL;
  g_autofree char *formula = NULL;

  if (customer == NULL)
    return FALSE;

  lines = customer_lines (writer, customer);
  sheet = kassa_report_sheet_new (writer, NC_("report", "Statement"), statement_columns,
                                  N_ST_COLUMNS, (const char *const *) lines);
  balance = opening_balance (writer);
  kassa_report_cell_date (sheet, ST_DATE, writer->spec->from);
  kassa_report_cell_label (sheet, ST_TYPE, NC_("report", "Opening balance"));
  kassa_report_cell_money (sheet, ST_BALANCE, balance);
  kassa_report_sheet_end_row (sheet);

  balance = write_events (sheet, balance);
  kassa_report_sheet_finish (sheet);

  /* The closing balance: the last running balance. */
  last = kassa_report_cell_name (sheet->row - 1, ST_BALANCE);
  formula = g_strdup_printf ("=%s", last);
  kassa_report_cell_label (sheet, ST_TYPE, NC_("report", "Closing balance"));
  kassa_report_cell_date (sheet, ST_DATE, writer->spec->to);
  kassa_report_cell_formula (sheet, ST_BALANCE, formula,
                             kassa_report_money_value (writer, balance), TRUE);
  kassa_report_sheet_end_row (sheet);
  return !kassa_report_should_stop (writer);
}
