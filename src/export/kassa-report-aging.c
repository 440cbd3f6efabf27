/* kassa-report-aging.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Receivables aging as of the period end: per customer and per open
 * invoice, in the buckets not due, 1–30, 31–60, 61–90 and over 90 days past
 * the due date, with a native stacked-bar chart of the largest customers.
 * The figures are those of the Receivables page (kassa_aging_compute), as
 * of the period end, by due date.
 */
#define G_LOG_DOMAIN "kassa-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-receivables.h"
#include "kassa-report-private.h"

#define N_BUCKETS      KASSA_AGING_N_BUCKETS
#define CHART_CUSTOMERS 10

static const char *const bucket_labels[N_BUCKETS] = {
  NC_("report", "Not due"),
  NC_("report", "1–30 days"),
  NC_("report", "31–60 days"),
  NC_("report", "61–90 days"),
  NC_("report", "Over 90 days"),
};

enum
{
  CUST_NUMBER, CUST_NAME, CUST_BUCKET0, CUST_TOTAL = CUST_BUCKET0 + N_BUCKETS, N_CUST_COLUMNS
};

static const KassaReportColumn customer_columns[N_CUST_COLUMNS] = {
  { NC_("report", "Customer no."), 12, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Customer"), 32, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Not due"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "1–30 days"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "31–60 days"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "61–90 days"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Over 90 days"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Total"), 16, KASSA_REPORT_CELL_MONEY },
};

enum
{
  DET_CUSTOMER_NUMBER, DET_CUSTOMER, DET_INVOICE, DET_ISSUE_DATE, DET_DUE_DATE, DET_DAYS_OVERDUE,
  DET_BUCKET, DET_OPEN, N_DET_COLUMNS
};

static const KassaReportColumn detail_columns[N_DET_COLUMNS] = {
  { NC_("report", "Customer no."), 12, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Customer"), 32, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Invoice"), 10, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Issue date"), 12, KASSA_REPORT_CELL_DATE },
  { NC_("report", "Due date"), 12, KASSA_REPORT_CELL_DATE },
  { NC_("report", "Days overdue"), 12, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Bucket"), 14, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Open"), 16, KASSA_REPORT_CELL_MONEY },
};

typedef struct
{
  KassaReportWriter *writer;
  KassaAging        *aging;
  GPtrArray         *by_name;     /* of KassaAgingRow*, borrowed from aging */
  GHashTable        *numbers;     /* customer id → customer number, borrowed */
} Aging;

static int
compare_rows_by_name (gconstpointer a,
                      gconstpointer b)
{
  const KassaAgingRow *row_a = *(KassaAgingRow * const *) a;
  const KassaAgingRow *row_b = *(KassaAgingRow * const *) b;
  int by_name = g_strcmp0 (row_a->customer_name, row_b->customer_name);

  if (by_name != 0)
    return by_name;
  return row_a->customer_id < row_b->customer_id ? -1 : row_a->customer_id > row_b->customer_id;
}

/* The detail in the order of the customer sheet, then oldest due first. */
static int
compare_invoices (gconstpointer a,
                  gconstpointer b)
{
  const KassaAgingInvoice *inv_a = *(KassaAgingInvoice * const *) a;
  const KassaAgingInvoice *inv_b = *(KassaAgingInvoice * const *) b;
  int by_name = g_strcmp0 (inv_a->customer_name, inv_b->customer_name);

  if (by_name != 0)
    return by_name;
  if (inv_a->customer_id != inv_b->customer_id)
    return inv_a->customer_id < inv_b->customer_id ? -1 : 1;
  if (inv_a->due_date != inv_b->due_date)
    return inv_a->due_date < inv_b->due_date ? -1 : 1;
  return inv_a->number < inv_b->number ? -1 : inv_a->number > inv_b->number;
}

static void
write_customers (Aging *aging)
{
  KassaReportPart part = { 0 };

  for (guint column = CUST_BUCKET0; column <= CUST_TOTAL; column++)
    part.summed[column] = TRUE;
  kassa_report_part_start (&part, kassa_report_sheet_new (aging->writer, NC_("report", "By customer"),
                                                          customer_columns, N_CUST_COLUMNS, NULL));
  for (guint i = 0; i < aging->by_name->len; i++)
    {
      const KassaAgingRow *row = g_ptr_array_index (aging->by_name, i);
      KassaReportSheet *sheet;

      kassa_report_part_make_room (&part);
      sheet = part.sheet;
      kassa_report_cell_text (sheet, CUST_NUMBER, row->customer_number);
      kassa_report_cell_text (sheet, CUST_NAME, row->customer_name);
      for (guint b = 0; b < N_BUCKETS; b++)
        {
          kassa_report_cell_money (sheet, CUST_BUCKET0 + b, row->buckets[b]);
          part.sums[CUST_BUCKET0 + b] += row->buckets[b];
        }
      kassa_report_cell_money (sheet, CUST_TOTAL, row->total);
      part.sums[CUST_TOTAL] += row->total;
      if (!kassa_report_sheet_end_row (sheet))
        break;
    }
  kassa_report_part_finish (&part);
}

static void
write_detail_row (Aging                   *aging,
                  KassaReportPart         *part,
                  const KassaAgingInvoice *invoice)
{
  KassaReportSheet *sheet;

  kassa_report_part_make_room (part);
  sheet = part->sheet;
  kassa_report_cell_text (sheet, DET_CUSTOMER_NUMBER,
                          g_hash_table_lookup (aging->numbers, &invoice->customer_id));
  kassa_report_cell_text (sheet, DET_CUSTOMER, invoice->customer_name);
  kassa_report_cell_integer (sheet, DET_INVOICE, invoice->number);
  kassa_report_cell_date (sheet, DET_ISSUE_DATE, invoice->issue_date);
  kassa_report_cell_date (sheet, DET_DUE_DATE, invoice->due_date);
  kassa_report_cell_integer (sheet, DET_DAYS_OVERDUE, MAX (invoice->days, 0));
  kassa_report_cell_label (sheet, DET_BUCKET, bucket_labels[invoice->bucket]);
  kassa_report_cell_money (sheet, DET_OPEN, invoice->open);
  part->sums[DET_OPEN] += invoice->open;
}

static void
write_detail (Aging     *aging,
              GPtrArray *invoices)
{
  KassaReportPart part = { 0 };

  part.summed[DET_OPEN] = TRUE;
  kassa_report_part_start (&part, kassa_report_sheet_new (aging->writer, NC_("report", "Open invoices"),
                                                          detail_columns, N_DET_COLUMNS, NULL));
  g_ptr_array_sort (invoices, compare_invoices);
  for (guint i = 0; i < invoices->len; i++)
    {
      write_detail_row (aging, &part, g_ptr_array_index (invoices, i));
      if (!kassa_report_sheet_end_row (part.sheet))
        break;
    }
  kassa_report_part_finish (&part);
}

enum
{
  TOP_NAME, TOP_BUCKET0, N_TOP_COLUMNS = TOP_BUCKET0 + N_BUCKETS
};

static const KassaReportColumn top_columns[N_TOP_COLUMNS] = {
  { NC_("report", "Customer"), 32, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Not due"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "1–30 days"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "31–60 days"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "61–90 days"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Over 90 days"), 14, KASSA_REPORT_CELL_MONEY },
};

/* The chart: one stacked bar per customer, one series per bucket, over
 * the "Largest" sheet (the customers with the most open, largest first). */
static void
add_chart (KassaReportWriter *writer,
           KassaReportSheet  *top,
           lxw_worksheet     *target,
           guint              n_rows)
{
  lxw_chart *chart = workbook_add_chart (writer->workbook, LXW_CHART_BAR_STACKED);
  lxw_row_t first = kassa_report_sheet_first_data_row (top);
  lxw_row_t last = first + n_rows - 1;
  lxw_chart_options options = { .x_scale = 2, .y_scale = 1.5 };

  if (chart == NULL || n_rows == 0)
    return;

  for (guint b = 0; b < N_BUCKETS; b++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      chart_series_set_categories (series, top->name, first, TOP_NAME, last, TOP_NAME);
      chart_series_set_values (series, top->name, first, TOP_BUCKET0 + b, last, TOP_BUCKET0 + b);
      chart_series_set_name_range (series, top->name, top->header_row, TOP_BUCKET0 + b);
    }
  chart_title_set_name (chart, kassa_report_label (writer, NC_("report", "Open receivables by age")));
  chart_axis_set_reverse (chart->y_axis);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  kassa_report_record_lxw_error (writer,
                                 worksheet_insert_chart_opt (target, top->header_row, N_TOP_COLUMNS + 1,
                                                             chart, &options));
}

/* aging->customers is ordered by total, largest first. */
static void
write_top_customers (Aging *aging)
{
  KassaReportWriter *writer = aging->writer;
  GPtrArray *largest = aging->aging->customers;
  g_autoptr(KassaReportSheet) top = NULL;
  guint n = MIN (largest->len, CHART_CUSTOMERS);
  gint64 sums[N_TOP_COLUMNS] = { 0 };
  gboolean summed[N_TOP_COLUMNS] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE };

  top = kassa_report_sheet_new (writer, NC_("report", "Largest"), top_columns, N_TOP_COLUMNS, NULL);
  for (guint i = 0; i < n; i++)
    {
      const KassaAgingRow *row = g_ptr_array_index (largest, i);

      kassa_report_cell_text (top, TOP_NAME, row->customer_name);
      for (guint b = 0; b < N_BUCKETS; b++)
        {
          kassa_report_cell_money (top, TOP_BUCKET0 + b, row->buckets[b]);
          sums[TOP_BUCKET0 + b] += row->buckets[b];
        }
      kassa_report_sheet_end_row (top);
    }
  kassa_report_sheet_totals (top, sums, summed);
  if (top->worksheet != NULL && top->name != NULL)
    add_chart (writer, top, top->worksheet, n);
}

gboolean
kassa_report_write_aging (KassaReportWriter *writer)
{
  KassaDay as_of = writer->spec->to;
  g_autoptr(KassaAging) result = NULL;
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GPtrArray) by_name = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  g_autoptr(GError) error = NULL;
  Aging aging = { .writer = writer };

  result = kassa_aging_compute (writer->store, as_of, KASSA_AGING_BY_DUE_DATE, &error);
  if (result != NULL)
    invoices = kassa_aging_list_invoices (writer->store, as_of, KASSA_AGING_BY_DUE_DATE, 0, -1, &error);
  if (invoices == NULL)
    {
      kassa_report_record_error (writer, error);
      return FALSE;
    }

  /* The copy borrows the rows: it must not free them. */
  by_name = g_ptr_array_copy (result->customers, NULL, NULL);
  g_ptr_array_set_free_func (by_name, NULL);
  g_ptr_array_sort (by_name, compare_rows_by_name);
  numbers = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < by_name->len; i++)
    {
      KassaAgingRow *row = g_ptr_array_index (by_name, i);

      g_hash_table_insert (numbers, &row->customer_id, row->customer_number);
    }
  aging = (Aging) { .writer = writer, .aging = result, .by_name = by_name, .numbers = numbers };

  write_customers (&aging);
  if (!kassa_report_should_stop (writer))
    write_detail (&aging, invoices);
  if (!kassa_report_should_stop (writer))
    write_top_customers (&aging);
  return !kassa_report_should_stop (writer);
}
