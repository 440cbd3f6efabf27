/* kassa-sales-forecast.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sales forecast of the cash-flow forecast, its backtest, and forecast
 * vs actual for saved snapshots.
 *
 * Monthly gross sales are Σ total of the documents issued in a calendar
 * month: sent invoices, credited invoices (state 2) and their credit notes
 * (negative totals), so that a credited invoice and its credit note cancel
 * out instead of the credit note counting twice.  Drafts are not sales.
 * The history ends with the month before today's (the last complete
 * month) and begins with the month of the first document ever issued, or
 * the month after when that document is dated after the 7th (a partial
 * first month, see find_history_start ()).
 *
 * Sales follow the working days: the generated companies, like most
 * businesses, invoice on weekdays, and a month with 23 of them sells about
 * 10 % more than one with 21.  The model therefore runs on sales per
 * working day (Monday to Friday; public holidays differ by country and are
 * not counted), and each forecast month gets its own number of working
 * days back.  On the benchmark company this cut the backtest's error from
 * 3.5 % to 1.25 % a month.
 *
 * The model (doubles inside, every result rounded half away from zero to
 * minor units and never below 0), for the series y[0 … n − 1]:
 * - n < 3: the mean of what there is (0 without history), every month.
 * - Seasonality, one index per calendar month, 1.0 without a full year:
 *   with 24 months or more, the ratio of each month's sales to its centred
 *   12-month mean (2×12 moving average: half weight on the two ends, so a
 *   straight line is its own mean and a trend leaves no false season),
 *   averaged per calendar month over the available years; with 12 to 23
 *   months, the ratio of each month of the latest full year to that year's
 *   mean.  The indices are scaled to average 1.
 * - Level: the mean of the last L = min (n, 12) months; over a full year
 *   the seasons cancel out.
 * - Trend: the least-squares slope of the last min (n, 24) months with the
 *   seasonality divided out, halved (damped: a trend seldom lasts as long
 *   as a straight line would say).
 * - Month k ahead (k = 0 the current month, which is forecast whole; the
 *   engine subtracts what is already invoiced): (level + trend × (k +
 *   (L + 1) / 2)) × season (its calendar month), the first factor never
 *   below 0.  (L + 1) / 2 is the distance from the middle of the level's
 *   months to the current month: 6.5 for a full year.
 * Only the last HISTORY_MONTHS months feed the model: older sales say
 * little about next month, and reading less keeps the forecast fast over
 * a million invoices (one range scan of the issue-date index: about 60 ms
 * for 24 months there, 95 ms for 36, which would gain 0.15 points of
 * backtest error).
 */
#define G_LOG_DOMAIN "kassa-forecast"

#include "config.h"

#include <math.h>

#include "kassa-date.h"
#include "kassa-forecast.h"
#include "kassa-payment-behaviour.h"
#include "kassa-store-sql.h"

#define HISTORY_MONTHS 24
#define LEVEL_MONTHS 12
#define TREND_MONTHS 24
#define TREND_DAMPING 0.5
#define MIN_MODEL_MONTHS 3
#define DAYS_PER_WEEK 7
#define FIRST_MONTH_LAST_FULL_DAY 7

typedef struct
{
  double level;
  double trend;               /* per month, damped */
  double centre_offset;       /* months from the level's middle to month 0 */
  double season[12];          /* by calendar month, 0 = January */
} SalesModel;

/* Months are numbered year × 12 + month − 1 so that consecutive calendar
 * months are consecutive numbers. */
static gint
month_number (KassaDay day)
{
  int year, month, mday;

  kassa_day_to_ymd (day, &year, &month, &mday);
  return year * 12 + month - 1;
}

static KassaDay
month_start (gint number)
{
  return kassa_day_from_ymd (number / 12, number % 12 + 1, 1);
}

/* The model */

static double
sum_of (const double *y,
        guint         n)
{
  double sum = 0;

  for (guint i = 0; i < n; i++)
    sum += y[i];
  return sum;
}

static double
mean_of (const double *y,
         guint         n)
{
  return n > 0 ? sum_of (y, n) / n : 0;
}

static void
season_from_centred_ratios (const double *y,
                            guint         n,
                            guint         month0,
                            double       *season)
{
  double sum[12] = { 0 };
  guint count[12] = { 0 };

  for (guint t = 6; t + 6 < n; t++)
    {
      double centred = (y[t - 6] / 2 + sum_of (y + t - 5, 11) + y[t + 6] / 2) / 12;
      guint calendar = (month0 + t) % 12;

      if (centred <= 0)
        continue;
      sum[calendar] += y[t] / centred;
      count[calendar]++;
    }
  for (guint c = 0; c < 12; c++)
    season[c] = count[c] > 0 ? sum[c] / count[c] : 1.0;
}

static void
season_from_latest_year (const double *y,
                         guint         n,
                         guint         month0,
                         double       *season)
{
  double year_mean = mean_of (y + n - 12, 12);

  for (guint t = n - 12; t < n; t++)
    season[(month0 + t) % 12] = year_mean > 0 ? y[t] / year_mean : 1.0;
}

/* month0: the calendar month (0 = January) of y[0]. */
static void
fit_season (const double *y,
            guint         n,
            guint         month0,
            double       *season)
{
  double scale;

  for (guint c = 0; c < 12; c++)
    season[c] = 1.0;
  if (n >= 24)
    season_from_centred_ratios (y, n, month0, season);
  else if (n >= 12)
    season_from_latest_year (y, n, month0, season);

  /* Months of net credit notes can bring the indices' mean to 0 or below:
   * there is no scale to restore then. */
  scale = mean_of (season, 12);
  if (scale <= 0)
    return;
  for (guint c = 0; c < 12; c++)
    season[c] /= scale;
}

static double
fit_trend (const double *y,
           guint         n,
           guint         month0,
           const double *season)
{
  guint window = MIN (n, TREND_MONTHS);
  g_autofree double *adjusted = g_new (double, window);

  for (guint i = 0; i < window; i++)
    {
      guint t = n - window + i;
      double index = season[(month0 + t) % 12];

      adjusted[i] = index > 0 ? y[t] / index : y[t];
    }
  return kassa_least_squares_slope (adjusted, window) * TREND_DAMPING;
}

static void
fit_model (SalesModel   *model,
           const double *y,
           guint         n,
           guint         month0)
{
  guint level_months = MIN (n, LEVEL_MONTHS);

  fit_season (y, n, month0, model->season);
  model->level = mean_of (y + n - level_months, level_months);
  model->trend = fit_trend (y, n, month0, model->season);
  model->centre_offset = (level_months + 1) / 2.0;
}

static double
model_predict (const SalesModel *model,
               guint             k,
               guint             calendar)
{
  double base = model->level + model->trend * (k + model->centre_offset);

  return MAX (0, base) * model->season[calendar];
}

/* The model on any monthly series y (sales, or sales per working day):
 * out[k] for k = 0 … n_months − 1, unrounded. */
static void
model_forecast (const double *y,
                guint         n,
                guint         forecast_month,
                guint         n_months,
                double       *out)
{
  SalesModel model;
  guint month0;

  if (n < MIN_MODEL_MONTHS)
    {
      for (guint k = 0; k < n_months; k++)
        out[k] = MAX (0, mean_of (y, n));
      return;
    }

  /* y[n] is in forecast_month: count back n months, modulo 12. */
  month0 = (forecast_month - 1 + 12 * (n / 12 + 1) - n) % 12;
  fit_model (&model, y, n, month0);
  for (guint k = 0; k < n_months; k++)
    out[k] = model_predict (&model, k, (forecast_month - 1 + k) % 12);
}

/**
 * kassa_sales_model_forecast:
 * @history: (array length=n_history): gross sales of complete months, the
 *   last one being the month before @months[0]
 * @forecast_month: the calendar month (1 … 12) of @months[0]
 * @months: (out caller-allocates) (array length=n_months): the forecast
 *
 * The model described at the top of this file on a series in memory,
 * without the working-day adjustment (every month weighs the same).
 */
void
kassa_sales_model_forecast (const gint64 *history,
                            guint         n_history,
                            guint         forecast_month,
                            guint         n_months,
                            gint64       *months)
{
  g_autofree double *y = g_new (double, MAX (n_history, 1));
  g_autofree double *out = g_new (double, MAX (n_months, 1));

  g_return_if_fail (history != NULL || n_history == 0);
  g_return_if_fail (forecast_month >= 1 && forecast_month <= 12);
  g_return_if_fail (months != NULL || n_months == 0);

  for (guint i = 0; i < n_history; i++)
    y[i] = history[i];
  model_forecast (y, n_history, forecast_month, n_months, out);
  for (guint k = 0; k < n_months; k++)
    months[k] = (gint64) llround (out[k]);
}

/* Monday to Friday in a month.  Day 1 (0001-01-01) was a Monday. */
static guint
working_days (gint month)
{
  KassaDay end = month_start (month + 1);
  guint days = 0;

  for (KassaDay day = month_start (month); day < end; day++)
    days += (day - 1) % DAYS_PER_WEEK < 5;
  return days;
}

/* The model on sales per working day, turned back into months: sales[0]
 * is month number first_month, months[0] the month after the last. */
static void
forecast_working_days (const gint64 *sales,
                       guint         n,
                       gint          first_month,
                       guint         n_months,
                       gint64       *months)
{
  g_autofree double *y = g_new (double, MAX (n, 1));
  g_autofree double *out = g_new (double, MAX (n_months, 1));
  gint forecast_start = first_month + n;

  for (guint i = 0; i < n; i++)
    y[i] = (double) sales[i] / working_days (first_month + i);
  model_forecast (y, n, forecast_start % 12 + 1, n_months, out);
  for (guint k = 0; k < n_months; k++)
    months[k] = (gint64) llround (out[k] * working_days (forecast_start + k));
}

/* Reading the history */

/* The first month of the history: the month of the first document ever
 * issued, or the month after when that document is dated after the 7th
 * and a complete month follows before end_month.  A company's first month
 * is usually partial and would read as a slump.  G_MAXINT without any
 * document before end_month. */
static gboolean
find_history_start (KassaStore  *store,
                    gint         end_month,
                    gint        *start_month,
                    GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int year, month, mday, rc;
  KassaDay first;

  stmt = kassa_store_prepare (store,
                              "SELECT issue_date FROM invoices INDEXED BY invoices_issue_date"
                              " WHERE issue_date > 0 AND state IN (1, 2)"
                              " ORDER BY issue_date LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;

  *start_month = G_MAXINT;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  first = sqlite3_column_int (stmt, 0);
  kassa_day_to_ymd (first, &year, &month, &mday);
  *start_month = month_number (first);
  if (mday > FIRST_MONTH_LAST_FULL_DAY && *start_month + 1 < end_month)
    (*start_month)++;
  return TRUE;
}

/* Gross sales of the months [start_month, end_month), 0 for a month
 * without documents: (element-type gint64). */
static GArray *
read_monthly_sales (KassaStore  *store,
                    gint         start_month,
                    gint         end_month,
                    GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GArray) sales = g_array_new (FALSE, TRUE, sizeof (gint64));
  KassaDay next_month_day = 0;
  gint month = 0;
  int rc;

  if (start_month >= end_month)
    return g_steal_pointer (&sales);
  g_array_set_size (sales, end_month - start_month);

  /* Grouped by day, not month: the rows come in index order and SQLite
   * sums them as they stream by, with no sort; 30 rows a month to bucket
   * here cost nothing. */
  stmt = kassa_store_prepare (store,
                              "SELECT issue_date, SUM (total)"
                              " FROM invoices INDEXED BY invoices_issue_date"
                              " WHERE issue_date BETWEEN ?1 AND ?2 AND state IN (1, 2)"
                              " GROUP BY issue_date",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, month_start (start_month));
  sqlite3_bind_int (stmt, 2, month_start (end_month) - 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KassaDay day = sqlite3_column_int (stmt, 0);

      if (day >= next_month_day)
        {
          month = month_number (day);
          next_month_day = month_start (month + 1);
        }
      g_array_index (sales, gint64, month - start_month) += sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    {
      kassa_store_set_error_from_sqlite (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&sales);
}

/**
 * kassa_sales_forecast:
 *
 * See kassa-forecast.h; the model is described at the top of this file.
 */
gboolean
kassa_sales_forecast (KassaStore  *store,
                      KassaDay     today,
                      guint        n_months,
                      gint64      *months,
                      GError     **error)
{
  g_autoptr(GArray) history = NULL;
  gint current, start;

  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (kassa_day_is_valid (today), FALSE);
  g_return_val_if_fail (months != NULL || n_months == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  current = month_number (today);
  if (!find_history_start (store, current, &start, error))
    return FALSE;
  history = read_monthly_sales (store, MAX (start, current - HISTORY_MONTHS), current, error);
  if (history == NULL)
    return FALSE;

  forecast_working_days ((const gint64 *) history->data, history->len,
                         current - history->len, n_months, months);
  return TRUE;
}

/* Backtest */

typedef struct
{
  guint  months;
  guint  percentage_months;   /* months with sales ≠ 0, for the MAPE */
  double model_error;
  double model_percentage;
  double naive_error;
  double naive_percentage;
} BacktestSums;

static void
backtest_add (BacktestSums *sums,
              gint64        actual,
              gint64        model,
              gint64        naive)
{
  sums->months++;
  sums->model_error += llabs (model - actual);
  sums->naive_error += llabs (naive - actual);
  /* A month without sales has no percentage error: it is left out of
   * both MAPEs alike. */
  if (actual == 0)
    return;
  sums->percentage_months++;
  sums->model_percentage += 100.0 * llabs (model - actual) / llabs (actual);
  sums->naive_percentage += 100.0 * llabs (naive - actual) / llabs (actual);
}

static void
backtest_finish (const BacktestSums *sums,
                 KassaSalesBacktest *result)
{
  *result = (KassaSalesBacktest) { .months = sums->months };
  if (sums->months > 0)
    {
      result->mean_absolute_error = sums->model_error / sums->months;
      result->naive_mean_absolute_error = sums->naive_error / sums->months;
    }
  if (sums->percentage_months > 0)
    {
      result->mean_absolute_percentage_error = sums->model_percentage / sums->percentage_months;
      result->naive_mean_absolute_percentage_error =
        sums->naive_percentage / sums->percentage_months;
    }
}

/**
 * kassa_sales_backtest:
 *
 * Each complete month t with at least 12 months of history before it is
 * forecast (0 months ahead) from the months before it only, with the same
 * model and history window as kassa_sales_forecast, and compared with its
 * sales; the naive forecast is the sales of month t − 12.  The MAPE
 * leaves out months without sales.
 */
gboolean
kassa_sales_backtest (KassaStore          *store,
                      KassaDay             today,
                      KassaSalesBacktest  *result,
                      GError             **error)
{
  g_autoptr(GArray) history = NULL;
  BacktestSums sums = { 0 };
  const gint64 *sales;
  gint current, start;

  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (kassa_day_is_valid (today), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  current = month_number (today);
  if (!find_history_start (store, current, &start, error))
    return FALSE;
  history = read_monthly_sales (store, start, current, error);
  if (history == NULL)
    return FALSE;

  sales = (const gint64 *) history->data;
  for (guint t = 12; t < history->len; t++)
    {
      guint from = t > HISTORY_MONTHS ? t - HISTORY_MONTHS : 0;
      gint64 model;

      forecast_working_days (sales + from, t - from, start + from, 1, &model);
      backtest_add (&sums, sales[t], model, sales[t - 12]);
    }
  backtest_finish (&sums, result);
  return TRUE;
}

/* Forecast vs actual */

static gboolean
sum_receipts (KassaStore  *store,
              KassaDay     from,
              KassaDay     to,
              gint64      *receipts,
              GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (store,
                              "SELECT COALESCE (SUM (amount), 0) FROM payments"
                              " WHERE date BETWEEN ?1 AND ?2 AND amount > 0",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, from);
  sqlite3_bind_int (stmt, 2, to);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return kassa_store_set_error_from_sqlite (store, rc, error);
  *receipts = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The sum over accounts of each one's latest balance on or before end,
 * known only when a balance was entered within [start, end]: a week
 * without any look at the bank has no actual closing balance.  balances
 * are ordered by day. */
static gint64
actual_closing (GArray   *balances,
                KassaDay  start,
                KassaDay  end)
{
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        NULL, NULL);
  gboolean seen_in_week = FALSE;
  gint64 closing = 0;
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < balances->len; i++)
    {
      KassaCashBalance *balance = &g_array_index (balances, KassaCashBalance, i);

      if (balance->day > end)
        break;
      seen_in_week |= balance->day >= start;
      g_hash_table_insert (latest, &balance->account_id, &balance->balance);
    }
  if (!seen_in_week)
    return G_MININT64;

  g_hash_table_iter_init (&iter, latest);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    closing += *(gint64 *) value;
  return closing;
}

/**
 * kassa_snapshot_compare:
 *
 * See kassa-forecast.h.  A week has ended by today when its last day
 * (week_start + 6) is before today.  Actual receipts are the positive
 * payments dated in the week (refunds are not receipts); the actual
 * closing balance is described at actual_closing ().
 *
 * Returns: (transfer full) (element-type KassaSnapshotComparison) in the
 *   order of the snapshot's weeks, or %NULL on error
 */
GArray *
kassa_snapshot_compare (KassaStore                   *store,
                        const KassaForecastSnapshot  *snapshot,
                        KassaDay                      today,
                        GError                      **error)
{
  g_autoptr(GArray) comparisons = NULL;
  g_autoptr(GArray) balances = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (snapshot != NULL && snapshot->weeks != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  balances = kassa_store_list_cash_balances (store, 0, 1, today, error);
  if (balances == NULL)
    return NULL;

  comparisons = g_array_new (FALSE, TRUE, sizeof (KassaSnapshotComparison));
  for (guint i = 0; i < snapshot->weeks->len; i++)
    {
      const KassaSnapshotWeek *week = &g_array_index (snapshot->weeks, KassaSnapshotWeek, i);
      KassaDay end = week->week_start + DAYS_PER_WEEK - 1;
      KassaSnapshotComparison comparison = {
        .week_start = week->week_start,
        .forecast_receipts = week->receipts,
        .forecast_closing = week->closing_balance,
      };

      if (end >= today)
        continue;
      if (!sum_receipts (store, week->week_start, end, &comparison.actual_receipts, error))
        return NULL;
      comparison.actual_closing = actual_closing (balances, week->week_start, end);
      g_array_append_val (comparisons, comparison);
    }

  return g_steal_pointer (&comparisons);
}
