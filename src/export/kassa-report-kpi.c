/* kassa-report-kpi.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Key receivables figures as of the period end, one per row: the period's
 * invoicing and payments, and the receivables KPIs of src/analytics (DSO
 * and the others over the 90 days up to the period end) so that the
 * workbook shows the same figures as the Receivables page.
 */
#define G_LOG_DOMAIN "kassa-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-receivables.h"
#include "kassa-report-private.h"
#include "kassa-vat.h"

#define KPI_WINDOW_DAYS 90

enum
{
  KPI_FIGURE, KPI_VALUE, N_KPI_COLUMNS
};

static const KassaReportColumn kpi_columns[N_KPI_COLUMNS] = {
  { NC_("report", "Figure"), 44, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Value"), 18, KASSA_REPORT_CELL_DECIMAL },
};

/* ?1 = from, ?2 = to.  Invoiced: the gross of documents issued in the
 * period (credit notes reduce it).  E-invoice share: of the invoices (not
 * credit notes) issued in the period, those delivered as e-invoices. */
#define PERIOD_SQL \
  "SELECT COALESCE (SUM (total), 0)," \
  " COUNT (CASE WHEN credited_invoice_id IS NULL THEN 1 END)," \
  " COUNT (CASE WHEN credited_invoice_id IS NULL AND delivery = ?3 THEN 1 END)" \
  " FROM invoices WHERE state <> 0 AND issue_date BETWEEN ?1 AND ?2"

/* Average days to pay, amount-weighted: over the payments received in the
 * period on ordinary invoices (refunds and credit notes left out), the
 * days from the invoice's issue date to the payment date, each weighted by
 * the amount paid:  Σ amount × days / Σ amount. */
#define PAYMENTS_SQL \
  "SELECT COALESCE (SUM (p.amount), 0)," \
  " COALESCE (SUM (CASE WHEN p.amount > 0 AND i.credited_invoice_id IS NULL" \
  "               THEN p.amount * (p.date - i.issue_date) END), 0)," \
  " COALESCE (SUM (CASE WHEN p.amount > 0 AND i.credited_invoice_id IS NULL" \
  "               THEN p.amount END), 0)" \
  " FROM payments p JOIN invoices i ON i.id = p.invoice_id" \
  " WHERE p.date BETWEEN ?1 AND ?2"

typedef struct
{
  KassaReceivablesKpis kpis;
  gint64 overdue_count;
  gint64 invoiced;
  gint64 invoice_count;
  gint64 einvoice_count;
  gint64 received;
  gint64 weighted_days;
  gint64 weight;
} Figures;

static void
read_row (KassaReportWriter *writer,
          const char        *sql,
          KassaDay           first,
          KassaDay           second,
          gint64            *values,
          guint              n_values)
{
  sqlite3_stmt *stmt = kassa_report_query (writer, sql);

  if (stmt == NULL)
    return;
  sqlite3_bind_int (stmt, 1, first);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int (stmt, 2, second);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int (stmt, 3, KASSA_DELIVERY_EINVOICE);
  if (kassa_report_step (writer, stmt))
    for (guint i = 0; i < n_values; i++)
      values[i] = sqlite3_column_int64 (stmt, (int) i);
  sqlite3_finalize (stmt);
}

static void
read_figures (KassaReportWriter *writer,
              Figures           *figures)
{
  const KassaReportSpec *spec = writer->spec;
  g_autoptr(KassaAging) aging = NULL;
  g_autoptr(GError) error = NULL;

  if (!kassa_receivables_kpis (writer->store, spec->to, KPI_WINDOW_DAYS, &figures->kpis, &error) ||
      (aging = kassa_aging_compute (writer->store, spec->to, KASSA_AGING_BY_DUE_DATE, &error)) == NULL)
    {
      kassa_report_record_error (writer, error);
      return;
    }
  for (guint bucket = KASSA_AGING_1_30; bucket < KASSA_AGING_N_BUCKETS; bucket++)
    figures->overdue_count += aging->counts[bucket];

  read_row (writer, PERIOD_SQL, spec->from, spec->to, &figures->invoiced, 3);
  read_row (writer, PAYMENTS_SQL, spec->from, spec->to, &figures->received, 3);
}

static void
write_money_row (KassaReportSheet *sheet,
                 const char       *label,
                 gint64            amount)
{
  kassa_report_cell_label (sheet, KPI_FIGURE, label);
  kassa_report_cell_money (sheet, KPI_VALUE, amount);
  kassa_report_sheet_end_row (sheet);
}

/* days or a ratio; undefined KPIs (< 0) leave the value empty. */
static void
write_days_row (KassaReportSheet *sheet,
                const char       *label,
                double            days)
{
  kassa_report_cell_label (sheet, KPI_FIGURE, label);
  if (days >= 0)
    kassa_report_cell_decimal (sheet, KPI_VALUE, days);
  kassa_report_sheet_end_row (sheet);
}

static void
write_share_row (KassaReportSheet *sheet,
                 const char       *label,
                 double            percent)
{
  kassa_report_cell_label (sheet, KPI_FIGURE, label);
  if (percent >= 0)
    kassa_report_cell_percent (sheet, KPI_VALUE, (gint) (percent * 100 + 0.5));
  kassa_report_sheet_end_row (sheet);
}

static void
write_count_row (KassaReportSheet *sheet,
                 const char       *label,
                 gint64            count)
{
  kassa_report_cell_label (sheet, KPI_FIGURE, label);
  kassa_report_cell_integer (sheet, KPI_VALUE, count);
  kassa_report_sheet_end_row (sheet);
}

gboolean
kassa_report_write_kpi (KassaReportWriter *writer)
{
  Figures figures = { 0 };
  g_autoptr(KassaReportSheet) sheet = NULL;

  read_figures (writer, &figures);
  if (kassa_report_should_stop (writer))
    return FALSE;

  sheet = kassa_report_sheet_new (writer, NC_("report", "Key figures"), kpi_columns,
                                  N_KPI_COLUMNS, NULL);
  write_money_row (sheet, NC_("report", "Open receivables at period end"), figures.kpis.receivables);
  write_money_row (sheet, NC_("report", "Overdue at period end"), figures.kpis.overdue_receivables);
  write_count_row (sheet, NC_("report", "Overdue invoices at period end"), figures.overdue_count);
  write_money_row (sheet, NC_("report", "Invoiced in period"), figures.invoiced);
  write_money_row (sheet, NC_("report", "Payments received in period"), figures.received);

  kassa_report_cell_label (sheet, KPI_FIGURE, NC_("report", "Average days to pay (amount-weighted)"));
  if (figures.weight > 0)
    kassa_report_cell_decimal (sheet, KPI_VALUE, (double) figures.weighted_days / figures.weight);
  kassa_report_sheet_end_row (sheet);

  kassa_report_cell_label (sheet, KPI_FIGURE, NC_("report", "Share of invoices sent as e-invoices"));
  if (figures.invoice_count > 0)
    kassa_report_cell_percent (sheet, KPI_VALUE,
                               (gint) kassa_round_div (figures.einvoice_count * 10000,
                                                       figures.invoice_count));
  kassa_report_sheet_end_row (sheet);

  write_days_row (sheet, NC_("report", "DSO, 90 days"), figures.kpis.dso);
  write_days_row (sheet, NC_("report", "Best possible DSO"), figures.kpis.best_possible_dso);
  write_days_row (sheet, NC_("report", "Average days delinquent"),
                  figures.kpis.dso >= 0 ? figures.kpis.average_days_delinquent : -1);
  write_days_row (sheet, NC_("report", "Countback DSO"), figures.kpis.countback_dso);
  write_share_row (sheet, NC_("report", "Collection effectiveness index (month of period end)"),
                   figures.kpis.cei_percent);
  write_share_row (sheet, NC_("report", "Overdue share of receivables"),
                   figures.kpis.overdue_share * 100);
  write_days_row (sheet, NC_("report", "Average days late, 90 days (amount-weighted)"),
                  figures.kpis.average_days_late);

  kassa_report_sheet_finish (sheet);
  return !kassa_report_should_stop (writer);
}
