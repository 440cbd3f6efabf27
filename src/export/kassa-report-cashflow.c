/* kassa-report-cashflow.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cash-flow workbook: the base forecast from today as 13 weeks
 * ("Forecast", with a native line chart of the closing balance against the
 * minimum cash buffer) and as 12 months ("Months"), what actually happened
 * in the report period ("Actual": per week, the payments received and the
 * cash balance entered), and the scheduled inflows and outflows
 * ("Scheduled").  The forecast figures are those of the Cash flow page
 * (kassa_forecast_compute with the base scenario); the period limits only
 * the Actual sheet, the forecast always starts at spec->today.
 */
#define G_LOG_DOMAIN "kassa-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-date.h"
#include "kassa-forecast.h"
#include "kassa-money.h"
#include "kassa-report-private.h"

/* The columns of a forecast row, after its date columns. */
enum
{
  FLOW_OPENING, FLOW_INVOICES, FLOW_SALES, FLOW_SCHEDULED_IN, FLOW_SCHEDULED_OUT, FLOW_CLOSING,
  FLOW_LOWEST, FLOW_BUFFER, N_FLOW_COLUMNS
};

#define FLOW_COLUMNS \
  { NC_("report", "Opening balance"), 16, KASSA_REPORT_CELL_MONEY }, \
  { NC_("report", "Receipts from invoices"), 16, KASSA_REPORT_CELL_MONEY }, \
  { NC_("report", "Receipts from future sales"), 16, KASSA_REPORT_CELL_MONEY }, \
  { NC_("report", "Scheduled in"), 16, KASSA_REPORT_CELL_MONEY }, \
  { NC_("report", "Scheduled out"), 16, KASSA_REPORT_CELL_MONEY }, \
  { NC_("report", "Closing balance"), 16, KASSA_REPORT_CELL_MONEY }, \
  { NC_("report", "Lowest balance"), 16, KASSA_REPORT_CELL_MONEY }, \
  { NC_("report", "Minimum cash buffer"), 16, KASSA_REPORT_CELL_MONEY }

enum
{
  WEEK_START, WEEK_END, WEEK_FLOWS, N_WEEK_COLUMNS = WEEK_FLOWS + N_FLOW_COLUMNS
};

static const KassaReportColumn week_columns[N_WEEK_COLUMNS] = {
  { NC_("report", "Week start"), 12, KASSA_REPORT_CELL_DATE },
  { NC_("report", "Week end"), 12, KASSA_REPORT_CELL_DATE },
  FLOW_COLUMNS
};

enum
{
  MONTH_MONTH, MONTH_FROM, MONTH_TO, MONTH_FLOWS, N_MONTH_COLUMNS = MONTH_FLOWS + N_FLOW_COLUMNS
};

static const KassaReportColumn month_columns[N_MONTH_COLUMNS] = {
  { NC_("report", "Month"), 12, KASSA_REPORT_CELL_MONTH },
  { NC_("report", "From"), 12, KASSA_REPORT_CELL_DATE },
  { NC_("report", "To"), 12, KASSA_REPORT_CELL_DATE },
  FLOW_COLUMNS
};

G_STATIC_ASSERT (N_MONTH_COLUMNS <= KASSA_REPORT_MAX_COLUMNS);

/* The layout of the two forecast sheets. */
typedef struct
{
  const char              *name_msgid;
  const KassaReportColumn *columns;
  guint                    n_columns;
  guint                    first_flow;   /* the column of the opening balance */
  gboolean                 by_month;
} PeriodLayout;

static const PeriodLayout week_layout = {
  NC_("report", "Forecast"), week_columns, N_WEEK_COLUMNS, WEEK_FLOWS, FALSE
};

static const PeriodLayout month_layout = {
  NC_("report", "Months"), month_columns, N_MONTH_COLUMNS, MONTH_FLOWS, TRUE
};

enum
{
  ACT_WEEK_START, ACT_WEEK_END, ACT_RECEIVED, ACT_BALANCE, ACT_BALANCE_DATE, N_ACT_COLUMNS
};

static const KassaReportColumn actual_columns[N_ACT_COLUMNS] = {
  { NC_("report", "Week start"), 12, KASSA_REPORT_CELL_DATE },
  { NC_("report", "Week end"), 12, KASSA_REPORT_CELL_DATE },
  { NC_("report", "Payments received"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Cash balance"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Balance date"), 12, KASSA_REPORT_CELL_DATE },
};

enum
{
  SCH_NAME, SCH_CATEGORY, SCH_DIRECTION, SCH_AMOUNT, SCH_RECURRENCE, SCH_START, SCH_END, SCH_NOTES,
  N_SCH_COLUMNS
};

static const KassaReportColumn scheduled_columns[N_SCH_COLUMNS] = {
  { NC_("report", "Name"), 28, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Category"), 16, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "In/out"), 8, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Amount"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Recurrence"), 14, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Start"), 12, KASSA_REPORT_CELL_DATE },
  { NC_("report", "End"), 12, KASSA_REPORT_CELL_DATE },
  { NC_("report", "Notes"), 32, KASSA_REPORT_CELL_TEXT },
};

/* Labels in the report's language (kassa_cash_category_to_string and
 * kassa_recurrence_to_string are in the UI language). */
static const char *const category_labels[KASSA_N_CATEGORIES] = {
  [KASSA_CATEGORY_RENT] = NC_("report", "Rent"),
  [KASSA_CATEGORY_SALARIES] = NC_("report", "Salaries"),
  [KASSA_CATEGORY_TAXES] = NC_("report", "Taxes"),
  [KASSA_CATEGORY_LOAN] = NC_("report", "Loan"),
  [KASSA_CATEGORY_SUPPLIERS] = NC_("report", "Suppliers"),
  [KASSA_CATEGORY_OTHER_OUT] = NC_("report", "Other outflow"),
  [KASSA_CATEGORY_OTHER_IN] = NC_("report", "Other inflow"),
};

static const char *const recurrence_labels[] = {
  [KASSA_SCHEDULE_ONCE] = NC_("report", "Once"),
  [KASSA_SCHEDULE_WEEKLY] = NC_("report", "Weekly"),
  [KASSA_SCHEDULE_MONTHLY] = NC_("report", "Monthly"),
  [KASSA_SCHEDULE_QUARTERLY] = NC_("report", "Quarterly"),
  [KASSA_SCHEDULE_YEARLY] = NC_("report", "Yearly"),
};

/* Forecast sheets */

static void
add_money_line (KassaReportWriter *writer,
                GStrvBuilder      *lines,
                const char        *label_msgid,
                gint64             minor)
{
  g_autofree char *amount = kassa_money_format (minor, writer->currency, writer->spec->language);

  g_strv_builder_add (lines, kassa_report_label (writer, label_msgid));
  g_strv_builder_add (lines, amount);
}

static void
add_day_line (KassaReportWriter *writer,
              GStrvBuilder      *lines,
              const char        *label_msgid,
              KassaDay           day,
              const char        *none_msgid)
{
  g_autofree char *date = day > 0 ? kassa_day_format (day, writer->spec->language) : NULL;

  g_strv_builder_add (lines, kassa_report_label (writer, label_msgid));
  g_strv_builder_add (lines, date != NULL ? date : kassa_report_label (writer, none_msgid));
}

/* What the forecast starts from and what it warns about, above both
 * forecast tables.  The translated cause of a buffer warning is left out:
 * it is in the UI language, not the report's. */
static char **
forecast_lines (KassaReportWriter   *writer,
                const KassaForecast *forecast)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

  add_day_line (writer, lines, NC_("report", "Forecast from"), forecast->today, NULL);
  g_strv_builder_add (lines, kassa_report_label (writer, NC_("report", "Scenario")));
  g_strv_builder_add (lines, kassa_report_label (writer, NC_("report", "Base")));
  add_day_line (writer, lines, NC_("report", "Cash balances as of"),
                forecast->opening.has_balance ? forecast->opening.balance_date : 0,
                NC_("report", "No cash balance entered"));
  add_day_line (writer, lines, NC_("report", "First day below the minimum cash buffer"),
                forecast->first_below_buffer, NC_("report", "None in the forecast"));
  add_money_line (writer, lines, NC_("report", "Disputed invoices left out"),
                  forecast->disputed_excluded);
  return g_strv_builder_end (lines);
}

static void
write_period_row (KassaReportSheet          *sheet,
                  const PeriodLayout        *layout,
                  const KassaForecastPeriod *period,
                  gint64                     buffer,
                  gint64                    *sums)
{
  guint flow = layout->first_flow;
  const gint64 flows[N_FLOW_COLUMNS] = {
    [FLOW_OPENING] = period->opening,
    [FLOW_INVOICES] = period->receipts_invoices,
    [FLOW_SALES] = period->receipts_sales,
    [FLOW_SCHEDULED_IN] = period->scheduled_in,
    [FLOW_SCHEDULED_OUT] = period->scheduled_out,
    [FLOW_CLOSING] = period->closing,
    [FLOW_LOWEST] = period->lowest,
    [FLOW_BUFFER] = buffer,
  };

  if (layout->by_month)
    {
      kassa_report_cell_date (sheet, MONTH_MONTH, kassa_day_start_of_month (period->start));
      kassa_report_cell_date (sheet, MONTH_FROM, period->start);
      kassa_report_cell_date (sheet, MONTH_TO, period->end);
    }
  else
    {
      kassa_report_cell_date (sheet, WEEK_START, period->start);
      kassa_report_cell_date (sheet, WEEK_END, period->end);
    }
  for (guint i = 0; i < N_FLOW_COLUMNS; i++)
    kassa_report_cell_money (sheet, flow + i, flows[i]);
  for (guint i = FLOW_INVOICES; i <= FLOW_SCHEDULED_OUT; i++)
    sums[flow + i] += flows[i];
}

static void
set_series_column (KassaReportSheet *sheet,
                   lxw_chart_series *series,
                   guint             n_rows,
                   guint             column)
{
  lxw_row_t first = kassa_report_sheet_first_data_row (sheet);
  lxw_row_t last = first + n_rows - 1;

  chart_series_set_categories (series, sheet->name, first, 0, last, 0);
  chart_series_set_values (series, sheet->name, first, column, last, column);
  chart_series_set_name_range (series, sheet->name, sheet->header_row, column);
}

/* The closing balance of each row as a line, with the minimum buffer as a
 * dashed red line: where the first dips under the second, cash runs short. */
static void
add_balance_chart (KassaReportSheet   *sheet,
                   const PeriodLayout *layout,
                   guint               n_rows)
{
  KassaReportWriter *writer = sheet->writer;
  lxw_chart *chart;
  lxw_chart_series *closing;
  lxw_chart_series *buffer;
  lxw_chart_line buffer_line = { .color = 0xC0392B, .width = 1.5,
                                 .dash_type = LXW_CHART_LINE_DASH_DASH };
  lxw_chart_options options = { .x_scale = 2, .y_scale = 1.5 };
  KassaReportCellKind date_kind = layout->by_month ? KASSA_REPORT_CELL_MONTH
                                                   : KASSA_REPORT_CELL_DATE;

  if (sheet->worksheet == NULL || sheet->name == NULL || n_rows == 0)
    return;
  chart = workbook_add_chart (writer->workbook, LXW_CHART_LINE);
  if (chart == NULL)
    return;

  closing = chart_add_series (chart, NULL, NULL);
  set_series_column (sheet, closing, n_rows, layout->first_flow + FLOW_CLOSING);
  buffer = chart_add_series (chart, NULL, NULL);
  set_series_column (sheet, buffer, n_rows, layout->first_flow + FLOW_BUFFER);
  chart_series_set_line (buffer, &buffer_line);

  /* Readers such as LibreOffice show the serial numbers of dates unless
   * the axes have formats of their own: those of the cells. */
  chart_axis_set_num_format (chart->x_axis, writer->formats[date_kind]->num_format);
  chart_axis_set_num_format (chart->y_axis, writer->formats[KASSA_REPORT_CELL_MONEY]->num_format);
  chart_title_set_name (chart, kassa_report_label (writer, NC_("report", "Forecast cash balance")));
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  kassa_report_record_lxw_error (writer,
                                 worksheet_insert_chart_opt (sheet->worksheet, sheet->header_row,
                                                             layout->n_columns + 1, chart,
                                                             &options));
}

static void
write_forecast_sheet (KassaReportWriter   *writer,
                      const PeriodLayout  *layout,
                      const KassaForecast *forecast,
                      GArray              *periods)
{
  g_auto(GStrv) lines = forecast_lines (writer, forecast);
  g_autoptr(KassaReportSheet) sheet = NULL;
  gint64 sums[KASSA_REPORT_MAX_COLUMNS] = { 0 };
  gboolean summed[KASSA_REPORT_MAX_COLUMNS] = { FALSE };

  for (guint i = FLOW_INVOICES; i <= FLOW_SCHEDULED_OUT; i++)
    summed[layout->first_flow + i] = TRUE;

  sheet = kassa_report_sheet_new (writer, layout->name_msgid, layout->columns, layout->n_columns,
                                  (const char *const *) lines);
  for (guint i = 0; i < periods->len; i++)
    {
      write_period_row (sheet, layout, &g_array_index (periods, KassaForecastPeriod, i),
                        forecast->minimum_buffer, sums);
      if (!kassa_report_sheet_end_row (sheet))
        return;
    }
  kassa_report_sheet_totals (sheet, sums, summed);
  add_balance_chart (sheet, layout, periods->len);
}

/* Actual sheet */

/* ?1 = from, ?2 = to: the payments received (refunds negative) per week
 * of the period, the weeks counted from its first day. */
#define PAYMENTS_PER_WEEK_SQL \
  "SELECT (date - ?1) / 7, SUM (amount) FROM payments" \
  " WHERE date BETWEEN ?1 AND ?2 GROUP BY 1 ORDER BY 1"

typedef struct
{
  KassaDay start;
  KassaDay end;
  gint64   received;
  KassaDay balance_date;    /* the last day of the week with a balance entered, 0 = none */
  gint64   balance;         /* the cash of every account at the end of that day */
} ActualWeek;

static GArray *
actual_weeks_new (KassaDay from,
                  KassaDay to)
{
  guint n_weeks = (guint) (to - from) / 7 + 1;
  GArray *weeks = g_array_sized_new (FALSE, TRUE, sizeof (ActualWeek), n_weeks);

  for (guint i = 0; i < n_weeks; i++)
    {
      ActualWeek week = { .start = from + 7 * (KassaDay) i };

      week.end = MIN (week.start + 6, to);
      g_array_append_val (weeks, week);
    }
  return weeks;
}

static void
read_payments (KassaReportWriter *writer,
               GArray            *weeks)
{
  sqlite3_stmt *stmt = kassa_report_query (writer, PAYMENTS_PER_WEEK_SQL);

  if (stmt == NULL)
    return;
  kassa_report_bind_period (writer, stmt);
  while (kassa_report_step (writer, stmt))
    {
      gint64 index = sqlite3_column_int64 (stmt, 0);

      if (index >= 0 && index < weeks->len)
        g_array_index (weeks, ActualWeek, index).received = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
}

static void
record_day_total (const KassaReportSpec *spec,
                  GArray                *weeks,
                  KassaDay               day,
                  gint64                 total)
{
  ActualWeek *week;

  if (day < spec->from || day > spec->to)
    return;
  week = &g_array_index (weeks, ActualWeek, (day - spec->from) / 7);
  week->balance_date = day;
  week->balance = total;
}

/* The cash on a day a balance was entered: every account's latest balance
 * on or before that day, summed.  Balances from before the period count,
 * so that an account entered less often than another still adds its cash. */
static void
read_balances (KassaReportWriter *writer,
               GArray            *weeks)
{
  const KassaReportSpec *spec = writer->spec;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) balances = kassa_store_list_cash_balances (writer->store, 0, 1, spec->to,
                                                                &error);
  g_autoptr(GHashTable) latest = NULL;
  gint64 total = 0;

  if (balances == NULL)
    {
      kassa_report_record_error (writer, error);
      return;
    }
  latest = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < balances->len; i++)
    {
      const KassaCashBalance *entry = &g_array_index (balances, KassaCashBalance, i);
      gint64 *previous = g_hash_table_lookup (latest, &entry->account_id);

      if (previous != NULL)
        {
          total += entry->balance - *previous;
          *previous = entry->balance;
        }
      else
        {
          total += entry->balance;
          g_hash_table_insert (latest, g_memdup2 (&entry->account_id, sizeof (gint64)),
                               g_memdup2 (&entry->balance, sizeof (gint64)));
        }
      /* Balances come ordered by day: the last one of a day has the total. */
      if (i + 1 == balances->len ||
          g_array_index (balances, KassaCashBalance, i + 1).day != entry->day)
        record_day_total (spec, weeks, entry->day, total);
    }
}

static void
write_actual (KassaReportWriter *writer,
              GArray            *weeks)
{
  g_autoptr(KassaReportSheet) sheet = NULL;
  gint64 sums[N_ACT_COLUMNS] = { 0 };
  const gboolean summed[N_ACT_COLUMNS] = { [ACT_RECEIVED] = TRUE };

  sheet = kassa_report_sheet_new (writer, NC_("report", "Actual"), actual_columns, N_ACT_COLUMNS,
                                  NULL);
  for (guint i = 0; i < weeks->len; i++)
    {
      const ActualWeek *week = &g_array_index (weeks, ActualWeek, i);

      kassa_report_cell_date (sheet, ACT_WEEK_START, week->start);
      kassa_report_cell_date (sheet, ACT_WEEK_END, week->end);
      kassa_report_cell_money (sheet, ACT_RECEIVED, week->received);
      sums[ACT_RECEIVED] += week->received;
      if (week->balance_date > 0)
        {
          kassa_report_cell_money (sheet, ACT_BALANCE, week->balance);
          kassa_report_cell_date (sheet, ACT_BALANCE_DATE, week->balance_date);
        }
      if (!kassa_report_sheet_end_row (sheet))
        return;
    }
  kassa_report_sheet_totals (sheet, sums, summed);
}

/* Scheduled sheet */

static void
write_scheduled_row (KassaReportSheet         *sheet,
                     const KassaScheduledItem *item)
{
  kassa_report_cell_text (sheet, SCH_NAME, item->name);
  if ((guint) item->category < G_N_ELEMENTS (category_labels))
    kassa_report_cell_label (sheet, SCH_CATEGORY, category_labels[item->category]);
  kassa_report_cell_label (sheet, SCH_DIRECTION,
                           item->inflow ? NC_("report", "In") : NC_("report", "Out"));
  kassa_report_cell_money (sheet, SCH_AMOUNT, item->amount);
  if ((guint) item->recurrence < G_N_ELEMENTS (recurrence_labels))
    kassa_report_cell_label (sheet, SCH_RECURRENCE, recurrence_labels[item->recurrence]);
  kassa_report_cell_date (sheet, SCH_START, item->start_date);
  kassa_report_cell_date (sheet, SCH_END, item->end_date);
  kassa_report_cell_text (sheet, SCH_NOTES, item->notes);
}

static void
write_scheduled (KassaReportWriter *writer,
                 GPtrArray         *items)
{
  g_autoptr(KassaReportSheet) sheet = NULL;

  sheet = kassa_report_sheet_new (writer, NC_("report", "Scheduled"), scheduled_columns,
                                  N_SCH_COLUMNS, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      write_scheduled_row (sheet, g_ptr_array_index (items, i));
      if (!kassa_report_sheet_end_row (sheet))
        return;
    }
  kassa_report_sheet_finish (sheet);
}

gboolean
kassa_report_write_cashflow (KassaReportWriter *writer)
{
  const KassaReportSpec *spec = writer->spec;
  g_autoptr(KassaForecast) forecast = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) weeks = actual_weeks_new (spec->from, spec->to);
  g_autoptr(GError) error = NULL;

  forecast = kassa_forecast_compute (writer->store, spec->today, NULL, &error);
  if (forecast != NULL)
    items = kassa_store_list_scheduled_items (writer->store, &error);
  if (items == NULL)
    {
      kassa_report_record_error (writer, error);
      return FALSE;
    }
  read_payments (writer, weeks);
  read_balances (writer, weeks);
  if (kassa_report_should_stop (writer))
    return FALSE;
  writer->total = forecast->weeks->len + forecast->months->len + weeks->len + items->len;

  write_forecast_sheet (writer, &week_layout, forecast, forecast->weeks);
  if (!kassa_report_should_stop (writer))
    write_forecast_sheet (writer, &month_layout, forecast, forecast->months);
  if (!kassa_report_should_stop (writer))
    write_actual (writer, weeks);
  if (!kassa_report_should_stop (writer))
    write_scheduled (writer, items);
  return !kassa_report_should_stop (writer);
}
