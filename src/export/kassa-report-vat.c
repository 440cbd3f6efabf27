/* kassa-report-vat.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * VAT per rate and month.  VAT is never summed from line amounts: each
 * invoice's VAT is computed per rate on the sum of its line nets, as on the
 * invoice itself (kassa-vat.c), and those per-invoice amounts are summed,
 * so the report agrees with the invoices to the cent.
 */
#define G_LOG_DOMAIN "kassa-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-report-private.h"
#include "kassa-vat.h"

struct _KassaReportVatTotals
{
  gint64           invoice;
  KassaDay         month;
  KassaVatSummary *current;   /* the invoice being read */
  GArray          *rows;      /* of KassaReportVatRow */
};

KassaReportVatTotals *
kassa_report_vat_totals_new (void)
{
  KassaReportVatTotals *totals = g_new0 (KassaReportVatTotals, 1);

  totals->rows = g_array_new (FALSE, FALSE, sizeof (KassaReportVatRow));
  return totals;
}

void
kassa_report_vat_totals_free (KassaReportVatTotals *totals)
{
  if (totals == NULL)
    return;

  g_clear_pointer (&totals->current, kassa_vat_summary_free);
  g_array_unref (totals->rows);
  g_free (totals);
}

static KassaReportVatRow *
find_row (GArray   *rows,
          KassaDay  month,
          gint      rate)
{
  KassaReportVatRow new_row = { .month = month, .rate = rate };

  /* A handful of rates and months: a linear search is enough. */
  for (guint i = 0; i < rows->len; i++)
    {
      KassaReportVatRow *row = &g_array_index (rows, KassaReportVatRow, i);

      if (row->month == month && row->rate == rate)
        return row;
    }
  g_array_append_val (rows, new_row);
  return &g_array_index (rows, KassaReportVatRow, rows->len - 1);
}

static void
add_current_invoice (KassaReportVatTotals *totals)
{
  for (guint i = 0; i < kassa_vat_summary_get_n_rows (totals->current); i++)
    {
      const KassaVatRow *vat = kassa_vat_summary_get_row (totals->current, i);
      KassaReportVatRow *row = find_row (totals->rows, totals->month, vat->rate);

      row->net += vat->net;
      row->vat += vat->vat;
    }
  g_clear_pointer (&totals->current, kassa_vat_summary_free);
}

void
kassa_report_vat_totals_add_line (KassaReportVatTotals *totals,
                                  gint64                invoice,
                                  KassaDay              month,
                                  gint                  rate,
                                  gint64                net)
{
  if (totals->current != NULL && invoice != totals->invoice)
    add_current_invoice (totals);
  if (totals->current == NULL)
    totals->current = kassa_vat_summary_new ();
  totals->invoice = invoice;
  totals->month = month;
  kassa_vat_summary_add_line (totals->current, rate, net);
}

/* Months in order, the highest rate first within a month. */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const KassaReportVatRow *row_a = a, *row_b = b;

  if (row_a->month != row_b->month)
    return row_a->month < row_b->month ? -1 : 1;
  return row_b->rate - row_a->rate;
}

/* The finished rows, sorted; merged across months when by_rate. */
static GArray *
vat_totals_finish (KassaReportVatTotals *totals,
                   gboolean              by_rate)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (KassaReportVatRow));

  if (totals->current != NULL)
    add_current_invoice (totals);
  for (guint i = 0; i < totals->rows->len; i++)
    {
      const KassaReportVatRow *source = &g_array_index (totals->rows, KassaReportVatRow, i);
      KassaReportVatRow *row = find_row (rows, by_rate ? 0 : source->month, source->rate);

      row->net += source->net;
      row->vat += source->vat;
    }
  g_array_sort (rows, compare_rows);
  return rows;
}

enum
{
  RATE_RATE, RATE_NET, RATE_VAT, RATE_GROSS, N_RATE_COLUMNS
};

static const KassaReportColumn rate_columns[N_RATE_COLUMNS] = {
  { NC_("report", "VAT %"), 10, KASSA_REPORT_CELL_PERCENT },
  { NC_("report", "Net"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "VAT"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Gross"), 16, KASSA_REPORT_CELL_MONEY },
};

void
kassa_report_write_vat_rate_sheet (KassaReportWriter    *writer,
                                   const char           *name_msgid,
                                   KassaReportVatTotals *totals)
{
  g_autoptr(GArray) rows = vat_totals_finish (totals, TRUE);
  g_autoptr(KassaReportSheet) sheet = kassa_report_sheet_new (writer, name_msgid, rate_columns,
                                                              N_RATE_COLUMNS, NULL);
  gint64 sums[N_RATE_COLUMNS] = { 0 };
  const gboolean summed[N_RATE_COLUMNS] = { FALSE, TRUE, TRUE, TRUE };

  for (guint i = 0; i < rows->len; i++)
    {
      const KassaReportVatRow *row = &g_array_index (rows, KassaReportVatRow, i);

      kassa_report_cell_percent (sheet, RATE_RATE, row->rate);
      kassa_report_cell_money (sheet, RATE_NET, row->net);
      kassa_report_cell_money (sheet, RATE_VAT, row->vat);
      kassa_report_cell_money (sheet, RATE_GROSS, row->net + row->vat);
      sums[RATE_NET] += row->net;
      sums[RATE_VAT] += row->vat;
      sums[RATE_GROSS] += row->net + row->vat;
      kassa_report_sheet_end_row (sheet);
    }
  kassa_report_sheet_totals (sheet, sums, summed);
}

enum
{
  MONTH_MONTH, MONTH_RATE, MONTH_NET, MONTH_VAT, MONTH_GROSS, N_MONTH_COLUMNS
};

static const KassaReportColumn month_columns[N_MONTH_COLUMNS] = {
  { NC_("report", "Month"), 12, KASSA_REPORT_CELL_MONTH },
  { NC_("report", "VAT %"), 10, KASSA_REPORT_CELL_PERCENT },
  { NC_("report", "Net"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "VAT"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Gross"), 16, KASSA_REPORT_CELL_MONEY },
};

static void
write_month_sheet (KassaReportWriter    *writer,
                   KassaReportVatTotals *totals)
{
  g_autoptr(GArray) rows = vat_totals_finish (totals, FALSE);
  g_autoptr(KassaReportSheet) sheet = kassa_report_sheet_new (writer, NC_("report", "VAT by month"),
                                                              month_columns, N_MONTH_COLUMNS, NULL);
  gint64 sums[N_MONTH_COLUMNS] = { 0 };
  const gboolean summed[N_MONTH_COLUMNS] = { FALSE, FALSE, TRUE, TRUE, TRUE };

  for (guint i = 0; i < rows->len; i++)
    {
      const KassaReportVatRow *row = &g_array_index (rows, KassaReportVatRow, i);

      kassa_report_cell_date (sheet, MONTH_MONTH, row->month);
      kassa_report_cell_percent (sheet, MONTH_RATE, row->rate);
      kassa_report_cell_money (sheet, MONTH_NET, row->net);
      kassa_report_cell_money (sheet, MONTH_VAT, row->vat);
      kassa_report_cell_money (sheet, MONTH_GROSS, row->net + row->vat);
      sums[MONTH_NET] += row->net;
      sums[MONTH_VAT] += row->vat;
      sums[MONTH_GROSS] += row->net + row->vat;
      kassa_report_sheet_end_row (sheet);
    }
  kassa_report_sheet_totals (sheet, sums, summed);
}

/* Sent and credited invoices and credit notes by issue date: a credit note
 * reduces the VAT of the month it is dated in. */
#define VAT_LINES_SQL \
  "SELECT i.id, CAST (julianday (date (i.issue_date + 1721424.5, 'start of month'))" \
  "                   - 1721424.5 AS INTEGER)," \
  " l.vat_rate, l.quantity, l.unit_price, l.discount" \
  " FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id" \
  " WHERE i.state <> 0 AND i.issue_date BETWEEN ?1 AND ?2" \
  " ORDER BY i.id"

static void
read_lines (KassaReportWriter    *writer,
            KassaReportVatTotals *totals)
{
  sqlite3_stmt *stmt = kassa_report_query (writer, VAT_LINES_SQL);

  if (stmt == NULL)
    return;
  kassa_report_bind_period (writer, stmt);
  while (kassa_report_step (writer, stmt))
    {
      gint discount = CLAMP (sqlite3_column_int (stmt, 5), 0, 10000);
      gint64 net = kassa_line_net (sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 4),
                                   discount);

      kassa_report_vat_totals_add_line (totals, sqlite3_column_int64 (stmt, 0),
                                        sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2),
                                        net);
      if (!kassa_report_tick (writer))
        break;
    }
  sqlite3_finalize (stmt);
}

gboolean
kassa_report_write_vat_summary (KassaReportWriter *writer)
{
  g_autoptr(KassaReportVatTotals) totals = kassa_report_vat_totals_new ();

  read_lines (writer, totals);
  if (!kassa_report_should_stop (writer))
    write_month_sheet (writer, totals);
  if (!kassa_report_should_stop (writer))
    kassa_report_write_vat_rate_sheet (writer, NC_("report", "VAT by rate"), totals);
  return !kassa_report_should_stop (writer);
}
