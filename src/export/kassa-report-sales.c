/* kassa-report-sales.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sales by customer (with gross margin from the lines' unit cost) and by
 * month.  Sales are the sent and credited invoices issued in the period and
 * the credit notes dated in it: a sale credited in the same period nets to
 * zero, as on the Overview page.
 */
#define G_LOG_DOMAIN "kassa-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-report-private.h"
#include "kassa-vat.h"

enum
{
  CUST_NUMBER, CUST_NAME, CUST_INVOICES, CUST_NET, CUST_VAT, CUST_GROSS, CUST_MARGIN,
  CUST_MARGIN_PERCENT, N_CUST_COLUMNS
};

static const KassaReportColumn customer_columns[N_CUST_COLUMNS] = {
  { NC_("report", "Customer no."), 12, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Customer"), 32, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Invoices"), 10, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Net"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "VAT"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Gross"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Gross margin"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Margin %"), 10, KASSA_REPORT_CELL_PERCENT },
};

/* Cost = Σ quantity × unit cost, in thousandths of minor units (rounded
 * once, in C, per customer). */
#define SALES_BY_CUSTOMER_SQL \
  "SELECT c.number, c.name, COUNT (CASE WHEN i.credited_invoice_id IS NULL THEN 1 END)," \
  " SUM (i.total_net), SUM (i.total_vat), SUM (i.total)," \
  " SUM ((SELECT COALESCE (SUM (l.quantity * l.unit_cost), 0) FROM invoice_lines l" \
  "       WHERE l.invoice_id = i.id))" \
  " FROM invoices i JOIN customers c ON c.id = i.customer_id" \
  " WHERE i.state IN (1, 2) AND i.issue_date BETWEEN ?1 AND ?2" \
  " GROUP BY c.id ORDER BY SUM (i.total_net) DESC, c.name, c.id"

static void
write_customer_row (KassaReportPart *part,
                    sqlite3_stmt    *stmt)
{
  KassaReportSheet *sheet = part->sheet;
  gint64 count = sqlite3_column_int64 (stmt, 2);
  gint64 net = sqlite3_column_int64 (stmt, 3);
  gint64 vat = sqlite3_column_int64 (stmt, 4);
  gint64 gross = sqlite3_column_int64 (stmt, 5);
  gint64 margin = net - kassa_round_div (sqlite3_column_int64 (stmt, 6), 1000);

  kassa_report_cell_text (sheet, CUST_NUMBER, (const char *) sqlite3_column_text (stmt, 0));
  kassa_report_cell_text (sheet, CUST_NAME, (const char *) sqlite3_column_text (stmt, 1));
  kassa_report_cell_integer (sheet, CUST_INVOICES, count);
  kassa_report_cell_money (sheet, CUST_NET, net);
  kassa_report_cell_money (sheet, CUST_VAT, vat);
  kassa_report_cell_money (sheet, CUST_GROSS, gross);
  kassa_report_cell_money (sheet, CUST_MARGIN, margin);
  if (net != 0)
    kassa_report_cell_percent (sheet, CUST_MARGIN_PERCENT,
                               (gint) kassa_round_div (margin * 10000, ABS (net)) * (net < 0 ? -1 : 1));
  part->sums[CUST_INVOICES] += count;
  part->sums[CUST_NET] += net;
  part->sums[CUST_VAT] += vat;
  part->sums[CUST_GROSS] += gross;
  part->sums[CUST_MARGIN] += margin;
}

static void
write_by_customer (KassaReportWriter *writer)
{
  sqlite3_stmt *stmt = kassa_report_query (writer, SALES_BY_CUSTOMER_SQL);
  KassaReportPart part = { 0 };

  if (stmt == NULL)
    return;
  for (guint column = CUST_INVOICES; column <= CUST_MARGIN; column++)
    part.summed[column] = TRUE;
  kassa_report_part_start (&part, kassa_report_sheet_new (writer, NC_("report", "By customer"),
                                                          customer_columns, N_CUST_COLUMNS, NULL));
  kassa_report_bind_period (writer, stmt);
  while (kassa_report_step (writer, stmt))
    {
      kassa_report_part_make_room (&part);
      write_customer_row (&part, stmt);
      if (!kassa_report_sheet_end_row (part.sheet))
        break;
    }
  sqlite3_finalize (stmt);
  kassa_report_part_finish (&part);
}

enum
{
  MONTH_MONTH, MONTH_INVOICES, MONTH_NET, MONTH_VAT, MONTH_GROSS, N_MONTH_COLUMNS
};

static const KassaReportColumn month_columns[N_MONTH_COLUMNS] = {
  { NC_("report", "Month"), 12, KASSA_REPORT_CELL_MONTH },
  { NC_("report", "Invoices"), 10, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Net"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "VAT"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Gross"), 16, KASSA_REPORT_CELL_MONEY },
};

#define SALES_BY_MONTH_SQL \
  "SELECT CAST (julianday (date (issue_date + 1721424.5, 'start of month')) - 1721424.5" \
  "             AS INTEGER) AS month," \
  " COUNT (CASE WHEN credited_invoice_id IS NULL THEN 1 END)," \
  " SUM (total_net), SUM (total_vat), SUM (total)" \
  " FROM invoices WHERE state IN (1, 2) AND issue_date BETWEEN ?1 AND ?2" \
  " GROUP BY month ORDER BY month"

static void
write_by_month (KassaReportWriter *writer)
{
  sqlite3_stmt *stmt = kassa_report_query (writer, SALES_BY_MONTH_SQL);
  g_autoptr(KassaReportSheet) sheet = NULL;
  gint64 sums[N_MONTH_COLUMNS] = { 0 };
  const gboolean summed[N_MONTH_COLUMNS] = { FALSE, TRUE, TRUE, TRUE, TRUE };

  if (stmt == NULL)
    return;
  sheet = kassa_report_sheet_new (writer, NC_("report", "By month"), month_columns,
                                  N_MONTH_COLUMNS, NULL);
  kassa_report_bind_period (writer, stmt);
  while (kassa_report_step (writer, stmt))
    {
      kassa_report_cell_date (sheet, MONTH_MONTH, sqlite3_column_int (stmt, 0));
      for (guint column = MONTH_INVOICES; column < N_MONTH_COLUMNS; column++)
        {
          gint64 value = sqlite3_column_int64 (stmt, (int) column);

          if (column == MONTH_INVOICES)
            kassa_report_cell_integer (sheet, column, value);
          else
            kassa_report_cell_money (sheet, column, value);
          sums[column] += value;
        }
      if (!kassa_report_sheet_end_row (sheet))
        break;
    }
  sqlite3_finalize (stmt);
  kassa_report_sheet_totals (sheet, sums, summed);
}

gboolean
kassa_report_write_sales (KassaReportWriter *writer)
{
  write_by_customer (writer);
  if (!kassa_report_should_stop (writer))
    write_by_month (writer);
  return !kassa_report_should_stop (writer);
}
