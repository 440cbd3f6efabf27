/* kassa-report-aging.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Receivables aging as of the period end: per customer and per open
 * invoice, in the buckets not due, 1–30, 31–60, 61–90 and over 90 days past
 * the due date, with a native stacked-bar chart of the largest customers.
 * "As of" a past day: see KASSA_REPORT_OPEN_AS_OF_SQL.
 */
#define G_LOG_DOMAIN "kassa-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-report-private.h"

#define N_BUCKETS      5
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

/* ?1 = the aging day. */
#define AGING_SQL \
  "SELECT * FROM (" \
  " SELECT c.id, c.number, c.name, i.number, i.issue_date, i.due_date," \
  "  " KASSA_REPORT_OPEN_AS_OF_SQL " AS open" \
  " FROM invoices i JOIN customers c ON c.id = i.customer_id" \
  " WHERE i.state <> 0 AND i.issue_date <= ?1)" \
  " WHERE open <> 0" \
  " ORDER BY 3, 1, 6, 4"

typedef struct
{
  char   *number;
  char   *name;
  gint64  buckets[N_BUCKETS];
  gint64  total;
} CustomerAging;

static void
customer_aging_clear (gpointer data)
{
  CustomerAging *aging = data;

  g_free (aging->number);
  g_free (aging->name);
}

typedef struct
{
  KassaReportWriter *writer;
  KassaDay           as_of;
  KassaReportPart    customers;
  KassaReportPart    detail;
  GArray            *rows;        /* of CustomerAging, written */
  gint64             customer_id;
  CustomerAging      current;
} Aging;

static guint
bucket_of (gint days_overdue)
{
  if (days_overdue <= 0)
    return 0;
  if (days_overdue <= 30)
    return 1;
  if (days_overdue <= 60)
    return 2;
  if (days_overdue <= 90)
    return 3;
  return 4;
}

static void
flush_customer (Aging *aging)
{
  KassaReportSheet *sheet;

  if (aging->current.name == NULL)
    return;

  kassa_report_part_make_room (&aging->customers);
  sheet = aging->customers.sheet;
  kassa_report_cell_text (sheet, CUST_NUMBER, aging->current.number);
  kassa_report_cell_text (sheet, CUST_NAME, aging->current.name);
  for (guint b = 0; b < N_BUCKETS; b++)
    {
      kassa_report_cell_money (sheet, CUST_BUCKET0 + b, aging->current.buckets[b]);
      aging->customers.sums[CUST_BUCKET0 + b] += aging->current.buckets[b];
    }
  kassa_report_cell_money (sheet, CUST_TOTAL, aging->current.total);
  aging->customers.sums[CUST_TOTAL] += aging->current.total;
  kassa_report_sheet_end_row (sheet);

  g_array_append_val (aging->rows, aging->current);
  memset (&aging->current, 0, sizeof aging->current);
}

static void
write_detail_row (Aging        *aging,
                  sqlite3_stmt *stmt)
{
  KassaReportSheet *sheet;
  KassaDay due = sqlite3_column_int (stmt, 5);
  gint days = aging->as_of - due;
  guint bucket = bucket_of (days);
  gint64 open = sqlite3_column_int64 (stmt, 6);

  kassa_report_part_make_room (&aging->detail);
  sheet = aging->detail.sheet;
  kassa_report_cell_text (sheet, DET_CUSTOMER_NUMBER, (const char *) sqlite3_column_text (stmt, 1));
  kassa_report_cell_text (sheet, DET_CUSTOMER, (const char *) sqlite3_column_text (stmt, 2));
  kassa_report_cell_integer (sheet, DET_INVOICE, sqlite3_column_int64 (stmt, 3));
  kassa_report_cell_date (sheet, DET_ISSUE_DATE, sqlite3_column_int (stmt, 4));
  kassa_report_cell_date (sheet, DET_DUE_DATE, due);
  kassa_report_cell_integer (sheet, DET_DAYS_OVERDUE, MAX (days, 0));
  kassa_report_cell_label (sheet, DET_BUCKET, bucket_labels[bucket]);
  kassa_report_cell_money (sheet, DET_OPEN, open);
  aging->detail.sums[DET_OPEN] += open;

  aging->current.buckets[bucket] += open;
  aging->current.total += open;
}

static void
read_open_invoices (Aging *aging)
{
  sqlite3_stmt *stmt = kassa_report_query (aging->writer, AGING_SQL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int (stmt, 1, aging->as_of);
  while (kassa_report_step (aging->writer, stmt))
    {
      gint64 customer_id = sqlite3_column_int64 (stmt, 0);

      if (customer_id != aging->customer_id)
        {
          flush_customer (aging);
          aging->customer_id = customer_id;
          aging->current.number = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          aging->current.name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
      write_detail_row (aging, stmt);
      if (!kassa_report_sheet_end_row (aging->detail.sheet))
        break;
    }
  sqlite3_finalize (stmt);
  flush_customer (aging);
}

static int
compare_total_descending (gconstpointer a,
                          gconstpointer b)
{
  const CustomerAging *row_a = a, *row_b = b;

  return row_a->total < row_b->total ? 1 : row_a->total > row_b->total ? -1 : 0;
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

static void
write_top_customers (Aging *aging)
{
  KassaReportWriter *writer = aging->writer;
  g_autoptr(KassaReportSheet) top = NULL;
  g_autoptr(GArray) sorted = g_array_copy (aging->rows);
  guint n = MIN (sorted->len, CHART_CUSTOMERS);
  gint64 sums[N_TOP_COLUMNS] = { 0 };
  gboolean summed[N_TOP_COLUMNS] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE };

  /* The copy shares the strings with aging->rows: clear only those. */
  g_array_set_clear_func (sorted, NULL);
  g_array_sort (sorted, compare_total_descending);
  top = kassa_report_sheet_new (writer, NC_("report", "Largest"), top_columns, N_TOP_COLUMNS, NULL);
  for (guint i = 0; i < n; i++)
    {
      const CustomerAging *row = &g_array_index (sorted, CustomerAging, i);

      kassa_report_cell_text (top, TOP_NAME, row->name);
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
  Aging aging = { .writer = writer, .as_of = writer->spec->to };

  aging.rows = g_array_new (FALSE, TRUE, sizeof (CustomerAging));
  g_array_set_clear_func (aging.rows, customer_aging_clear);
  for (guint column = CUST_BUCKET0; column <= CUST_TOTAL; column++)
    aging.customers.summed[column] = TRUE;
  aging.detail.summed[DET_OPEN] = TRUE;

  kassa_report_part_start (&aging.customers,
                           kassa_report_sheet_new (writer, NC_("report", "By customer"),
                                                   customer_columns, N_CUST_COLUMNS, NULL));
  kassa_report_part_start (&aging.detail,
                           kassa_report_sheet_new (writer, NC_("report", "Open invoices"),
                                                   detail_columns, N_DET_COLUMNS, NULL));
  read_open_invoices (&aging);
  kassa_report_part_finish (&aging.customers);
  kassa_report_part_finish (&aging.detail);
  if (!kassa_report_should_stop (writer))
    write_top_customers (&aging);

  customer_aging_clear (&aging.current);
  g_array_unref (aging.rows);
  return !kassa_report_should_stop (writer);
}
