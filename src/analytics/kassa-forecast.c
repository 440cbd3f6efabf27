/* kassa-forecast.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cash-flow forecast engine (ARCHITECTURE.md §4): daily over 371 days
 * from today, summed into 13 weeks and 12 calendar months.  The sales
 * forecast it uses is in kassa-sales-forecast.c.
 *
 * Opening balance ("cash now"): the latest balance on or before today of
 * every account not archived, summed, plus the book movements since the
 * newest of those balance days (payments received, refunds negative, and
 * scheduled items that fell after it, up to and including today).  The
 * movements are counted once, from the newest balance day, because a
 * payment is not tied to an account: counting them per account would count
 * a customer's payment once for every account.  A balance is the balance at
 * the end of its day, so the opening is the cash at the end of today.
 *
 * Day i of the forecast is today + i, i = 0 … 370:
 * - receipts of open invoices at their expected payment date
 *   (kassa_expected_payments_list) + the scenario's delay, never before
 *   today (an overdue payment still comes today at the earliest) and left
 *   out beyond the horizon; disputed invoices are left out and summed in
 *   disputed_excluded.
 * - receipts of sales not yet invoiced: the month's sales forecast
 *   (kassa_sales_forecast) changed by the scenario's sales change, minus
 *   what is already invoiced in the current month up to today (never below
 *   0), spread evenly as invoicing over the month's days from today (the
 *   current month) or over all its days (later months); each day's
 *   invoicing is received D days later, never before today, with
 *   D = the company's average days to pay + the scenario's delay.  The
 *   average days to pay is per settled invoice, weighted by its total,
 *   over the invoices settled in (today − 365, today] (the paid invoices of
 *   kassa-payment-behaviour.c, credit notes left out): Σ total × (date the
 *   payments reached the total − issue date) ÷ Σ total, rounded to whole
 *   days; without such invoices the company's payment terms.  It used to
 *   be per payment, read in a pass of its own over the payments; it now
 *   comes from the same read as the expected payments
 *   (kassa_expected_payments_list_with_average), which on the 1M company
 *   saves that pass (about 80 ms).  They differ for invoices paid in
 *   parts (the whole total counts at the date the payments reached it;
 *   parts of invoices not settled yet count nothing) and for credited
 *   invoices (left out now).  On the 1M company: 37.5 → 39.7 days.
 * - scheduled items from tomorrow on (today's are in the opening balance),
 *   outflows changed by the scenario's cost change.
 *
 * Rounding (integer money throughout): a percentage change is
 * amount × (10000 + bp) ÷ 10000 rounded half away from zero, per scheduled
 * occurrence and per month of sales; average days to pay are rounded the
 * same way.  A month's sales spread over n days gives every day
 * amount ÷ n, and the remainder's cents one each to its first days, so that
 * the days add up to the month exactly.
 *
 * Minimum buffer: the first day whose closing balance is under it (never
 * without a buffer or without any balance entered); its cause names the
 * one or two largest outflows of the seven days up to that day, or says
 * that the cash is already under the minimum.
 */
#define G_LOG_DOMAIN "kassa-analytics"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-date.h"
#include "kassa-forecast.h"
#include "kassa-money.h"
#include "kassa-payment-behaviour.h"
#include "kassa-store-sql.h"

#define HORIZON_DAYS       371
#define N_WEEKS            13
#define N_MONTHS           12
#define BP_WHOLE           10000
#define CAUSE_WINDOW_DAYS  7

/* The day-by-day flows, each horizon_days long. */
typedef struct
{
  gint64 *invoices;
  gint64 *sales;
  gint64 *scheduled_in;
  gint64 *scheduled_out;
} DailyFlows;

/* An outflow named in the buffer warning. */
typedef struct
{
  const KassaScheduledItem *item;
  KassaDay                  day;
  gint64                    amount;
} Outflow;

/* Arithmetic */

/* num ÷ den rounded half away from zero (den > 0). */
static gint64
divide_rounded (gint64 num,
                gint64 den)
{
  gint64 half = den / 2;

  if (num >= 0)
    return (num + half) / den;

  return -((-num + half) / den);
}

/* amount × (10000 + bp) ÷ 10000, rounded half away from zero.  Split so
 * that the product cannot overflow for any amount up to KASSA_MONEY_MAX. */
static gint64
change_by_bp (gint64 amount,
              gint   bp)
{
  gint64 factor = BP_WHOLE + bp;

  return (amount / BP_WHOLE) * factor + divide_rounded ((amount % BP_WHOLE) * factor, BP_WHOLE);
}

/* Recurrences */

static int
recurrence_months (KassaRecurrence recurrence)
{
  switch (recurrence)
    {
    case KASSA_SCHEDULE_MONTHLY:
      return 1;
    case KASSA_SCHEDULE_QUARTERLY:
      return 3;
    case KASSA_SCHEDULE_YEARLY:
      return 12;
    case KASSA_SCHEDULE_ONCE:
    case KASSA_SCHEDULE_WEEKLY:
    default:
      return 0;
    }
}

static int
months_between (KassaDay from,
                KassaDay to)
{
  int from_year, from_month, to_year, to_month, mday;

  kassa_day_to_ymd (from, &from_year, &from_month, &mday);
  kassa_day_to_ymd (to, &to_year, &to_month, &mday);
  return (to_year - from_year) * 12 + (to_month - from_month);
}

/* The k-th occurrence (k ≥ 0) counted from the start date, 0 when it does
 * not exist.  Months are always added to the start date itself, so that a
 * day clamped in a short month comes back in a long one.  k stays small:
 * the caller starts near the range and stops after it. */
static KassaDay
occurrence_nth (const KassaScheduledItem *item,
                int                       k)
{
  int months = recurrence_months (item->recurrence);

  if (item->recurrence == KASSA_SCHEDULE_WEEKLY)
    return item->start_date + k * 7;
  if (months == 0)
    return k == 0 ? item->start_date : 0;

  return kassa_day_add_months (item->start_date, k * months);
}

/* The first k whose occurrence may fall on or after from. */
static int
occurrence_first_index (const KassaScheduledItem *item,
                        KassaDay                  from)
{
  int months = recurrence_months (item->recurrence);

  if (from <= item->start_date)
    return 0;
  if (item->recurrence == KASSA_SCHEDULE_WEEKLY)
    return (from - item->start_date) / 7;
  if (months == 0)
    return 0;

  /* One step early: the day of the month may be clamped. */
  return MAX (0, months_between (item->start_date, from) / months - 1);
}

/**
 * kassa_schedule_occurrences:
 *
 * Returns: (transfer full) (element-type KassaDay): the days in [from, to]
 *   on which the item falls, ascending.
 */
GArray *
kassa_schedule_occurrences (const KassaScheduledItem *item,
                            KassaDay                  from,
                            KassaDay                  to)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (KassaDay));
  KassaDay last;

  g_return_val_if_fail (item != NULL, days);
  g_return_val_if_fail (kassa_day_is_valid (item->start_date), days);

  last = item->end_date != 0 ? MIN (to, item->end_date) : to;
  for (int k = occurrence_first_index (item, from); ; k++)
    {
      KassaDay day = occurrence_nth (item, k);

      if (day == 0 || day > last)
        break;
      if (day >= from)
        g_array_append_val (days, day);
      if (item->recurrence == KASSA_SCHEDULE_ONCE)
        break;
    }

  return days;
}

/* Opening balance */

static gboolean
step_done (KassaStore  *store,
           int          rc,
           GError     **error)
{
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  return TRUE;
}

/* Σ of each open account's latest balance on or before today, the oldest
 * and the newest of those days. */
static gboolean
sum_latest_balances (KassaStore  *store,
                     KassaDay     today,
                     gint64      *sum,
                     KassaDay    *oldest,
                     KassaDay    *newest,
                     GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (store,
                              "SELECT b.day, b.balance FROM cash_accounts a"
                              " JOIN cash_balances b ON b.account_id = a.id"
                              " WHERE a.archived = 0 AND b.day ="
                              "  (SELECT MAX (c.day) FROM cash_balances c"
                              "   WHERE c.account_id = a.id AND c.day <= ?1)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, today);
  *sum = 0;
  *oldest = *newest = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KassaDay day = sqlite3_column_int (stmt, 0);

      *sum += sqlite3_column_int64 (stmt, 1);
      *oldest = *oldest == 0 ? day : MIN (*oldest, day);
      *newest = MAX (*newest, day);
    }

  return step_done (store, rc, error);
}

/* Payments received in (after, today], refunds negative. */
static gboolean
sum_payments_after (KassaStore  *store,
                    KassaDay     after,
                    KassaDay     today,
                    gint64      *sum,
                    GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (store,
                              "SELECT COALESCE (SUM (amount), 0) FROM payments"
                              " WHERE date > ?1 AND date <= ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, after);
  sqlite3_bind_int (stmt, 2, today);
  rc = sqlite3_step (stmt);
  *sum = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return step_done (store, rc, error);
}

/* Scheduled inflows − outflows in [from, to], unchanged by any scenario. */
static gint64
sum_scheduled (GPtrArray *items,
               KassaDay   from,
               KassaDay   to)
{
  gint64 sum = 0;

  for (guint i = 0; from <= to && i < items->len; i++)
    {
      const KassaScheduledItem *item = g_ptr_array_index (items, i);
      g_autoptr(GArray) days = kassa_schedule_occurrences (item, from, to);

      sum += (item->inflow ? 1 : -1) * item->amount * (gint64) days->len;
    }

  return sum;
}

static gboolean
compute_opening (KassaStore           *store,
                 KassaDay              today,
                 GPtrArray            *items,
                 KassaForecastOpening *opening,
                 GError              **error)
{
  KassaDay oldest, newest;
  gint64 balances, payments;

  *opening = (KassaForecastOpening) { 0 };
  if (!sum_latest_balances (store, today, &balances, &oldest, &newest, error))
    return FALSE;
  if (newest == 0)
    return TRUE;

  if (!sum_payments_after (store, newest, today, &payments, error))
    return FALSE;

  opening->has_balance = TRUE;
  opening->balance_date = oldest;
  opening->opening_balance = balances + payments + sum_scheduled (items, newest + 1, today);
  return TRUE;
}

/**
 * kassa_forecast_opening_balance:
 *
 * Cash now as of today (see the top of this file for the rule).
 */
gboolean
kassa_forecast_opening_balance (KassaStore           *store,
                                KassaDay              today,
                                KassaForecastOpening *opening,
                                GError              **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (opening != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  items = kassa_store_list_scheduled_items (store, error);
  if (items == NULL)
    return FALSE;

  return compute_opening (store, today, items, opening, error);
}

/* Receipts */

/* Adds amount on day (clamped to today), when it falls in the horizon. */
static void
add_on_day (gint64              *flow,
            const KassaForecast *forecast,
            gint64               day,
            gint64               amount)
{
  gint64 index = MAX (day, (gint64) forecast->today) - forecast->today;

  if (index < forecast->horizon_days)
    flow[index] += amount;
}

/* The company's average days to pay (top of the file) in whole days, half
 * away from zero; fallback without a settled invoice (average < 0). */
static gint64
days_to_pay_lag (double average,
                 gint   fallback)
{
  if (average < 0)
    return fallback;

  return (gint64) (average + 0.5);
}

/* Also gives the lag of future sales, from the same read of the year's
 * paid invoices. */
static gboolean
add_invoice_receipts (KassaStore          *store,
                      KassaForecast       *forecast,
                      DailyFlows          *flows,
                      gint                 delay,
                      gint                 terms_days,
                      gint64              *lag,
                      GError             **error)
{
  double average = -1;
  g_autoptr(GArray) expected = kassa_expected_payments_list_with_average (store, forecast->today,
                                                                          &average, error);

  if (expected == NULL)
    return FALSE;

  *lag = days_to_pay_lag (average, terms_days);

  for (guint i = 0; i < expected->len; i++)
    {
      const KassaExpectedPayment *payment = &g_array_index (expected, KassaExpectedPayment, i);

      if (payment->expected_date == 0)
        forecast->disputed_excluded += payment->open;
      else
        add_on_day (flows->invoices, forecast, (gint64) payment->expected_date + delay,
                    payment->open);
    }

  return TRUE;
}

/* Gross invoiced from the start of today's month up to today. */
static gboolean
invoiced_this_month (KassaStore  *store,
                     KassaDay     today,
                     gint64      *sum,
                     GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (store,
                              "SELECT COALESCE (SUM (total), 0) FROM invoices"
                              " WHERE issue_date >= ?1 AND issue_date <= ?2 AND state IN (1, 2)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, kassa_day_start_of_month (today));
  sqlite3_bind_int (stmt, 2, today);
  rc = sqlite3_step (stmt);
  *sum = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return step_done (store, rc, error);
}

/* Spreads amount (≥ 0) as invoicing over [first, last] and adds each day's
 * part where it will be received, lag days later. */
static void
spread_sales (gint64              *flow,
              const KassaForecast *forecast,
              KassaDay             first,
              KassaDay             last,
              gint64               amount,
              gint64               lag)
{
  gint64 n = (gint64) last - first + 1;
  gint64 each = amount / n;
  gint64 remainder = amount % n;

  for (gint64 i = 0; i < n; i++)
    add_on_day (flow, forecast, first + i + lag, each + (i < remainder ? 1 : 0));
}

/* Months of invoicing whose cash may fall in the horizon. */
static guint
sales_months_needed (const KassaForecast *forecast)
{
  return (guint) months_between (forecast->today, forecast->today + forecast->horizon_days - 1) + 1;
}

static gboolean
add_sales_receipts (KassaStore          *store,
                    KassaForecast       *forecast,
                    DailyFlows          *flows,
                    const KassaScenario *scenario,
                    gint64               lag,
                    GError             **error)
{
  guint n_months = sales_months_needed (forecast);
  g_autofree gint64 *months = g_new0 (gint64, n_months);
  KassaDay month_start = kassa_day_start_of_month (forecast->today);
  gint64 invoiced = 0;

  if (!kassa_sales_forecast (store, forecast->today, n_months, months, error) ||
      !invoiced_this_month (store, forecast->today, &invoiced, error))
    return FALSE;

  lag += scenario->payment_delay_days;
  for (guint m = 0; m < n_months; m++)
    {
      KassaDay next = kassa_day_add_months (month_start, 1);
      gint64 sales = change_by_bp (months[m], scenario->sales_change_bp);

      if (m == 0)
        spread_sales (flows->sales, forecast, forecast->today, next - 1,
                      MAX (0, sales - invoiced), lag);
      else
        spread_sales (flows->sales, forecast, month_start, next - 1, MAX (0, sales), lag);
      month_start = next;
    }

  return TRUE;
}

/* Scheduled items */

static void
add_scheduled (GPtrArray           *items,
               KassaForecast       *forecast,
               DailyFlows          *flows,
               const KassaScenario *scenario)
{
  KassaDay last = forecast->today + forecast->horizon_days - 1;

  for (guint i = 0; i < items->len; i++)
    {
      const KassaScheduledItem *item = g_ptr_array_index (items, i);
      g_autoptr(GArray) days = kassa_schedule_occurrences (item, forecast->today + 1, last);
      gint64 amount = item->inflow ? item->amount
                                   : change_by_bp (item->amount, scenario->cost_change_bp);

      for (guint d = 0; d < days->len; d++)
        add_on_day (item->inflow ? flows->scheduled_in : flows->scheduled_out, forecast,
                    g_array_index (days, KassaDay, d), amount);
    }
}

/* Balances and periods */

static void
accumulate_days (KassaForecast    *forecast,
                 const DailyFlows *flows)
{
  gint64 balance = forecast->opening.opening_balance;

  for (gint i = 0; i < forecast->horizon_days; i++)
    {
      forecast->daily_in[i] = flows->invoices[i] + flows->sales[i] + flows->scheduled_in[i];
      forecast->daily_out[i] = flows->scheduled_out[i];
      balance += forecast->daily_in[i] - forecast->daily_out[i];
      forecast->daily_closing[i] = balance;
    }
}

static gint64
closing_before (const KassaForecast *forecast,
                gint                 index)
{
  return index == 0 ? forecast->opening.opening_balance : forecast->daily_closing[index - 1];
}

/* The period of days [first, last] (indexes into the horizon). */
static void
append_period (GArray              *periods,
               const KassaForecast *forecast,
               const DailyFlows    *flows,
               gint                 first,
               gint                 last)
{
  KassaForecastPeriod period = { 0 };

  period.start = forecast->today + first;
  period.end = forecast->today + last;
  period.opening = closing_before (forecast, first);
  period.lowest = forecast->daily_closing[first];
  for (gint i = first; i <= last; i++)
    {
      period.receipts_invoices += flows->invoices[i];
      period.receipts_sales += flows->sales[i];
      period.scheduled_in += flows->scheduled_in[i];
      period.scheduled_out += flows->scheduled_out[i];
      period.lowest = MIN (period.lowest, forecast->daily_closing[i]);
    }
  period.closing = forecast->daily_closing[last];
  g_array_append_val (periods, period);
}

static void
build_periods (KassaForecast    *forecast,
               const DailyFlows *flows)
{
  KassaDay month_end = kassa_day_start_of_month (forecast->today);

  forecast->weeks = g_array_sized_new (FALSE, TRUE, sizeof (KassaForecastPeriod), N_WEEKS);
  for (gint w = 0; w < N_WEEKS; w++)
    append_period (forecast->weeks, forecast, flows, w * 7, w * 7 + 6);

  forecast->months = g_array_sized_new (FALSE, TRUE, sizeof (KassaForecastPeriod), N_MONTHS);
  for (gint m = 0, first = 0; m < N_MONTHS; m++)
    {
      month_end = kassa_day_add_months (month_end, 1);
      append_period (forecast->months, forecast, flows, first, month_end - 1 - forecast->today);
      first = month_end - forecast->today;
    }
}

/* The lowest closing in the 13 weeks, the first such day on ties. */
static void
find_lowest (KassaForecast *forecast)
{
  gint lowest = 0;

  for (gint i = 1; i < N_WEEKS * 7; i++)
    {
      if (forecast->daily_closing[i] < forecast->daily_closing[lowest])
        lowest = i;
    }

  forecast->lowest_day = forecast->today + lowest;
  forecast->lowest_balance = forecast->daily_closing[lowest];
}

/* The buffer warning */

static gint
compare_outflows (gconstpointer a,
                  gconstpointer b)
{
  const Outflow *x = a, *y = b;

  if (x->amount != y->amount)
    return x->amount > y->amount ? -1 : 1;
  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;

  return g_strcmp0 (x->item->name, y->item->name);
}

/* The outflows of the days up to and including day, largest first. */
static GArray *
outflows_leading_to (GPtrArray           *items,
                     const KassaForecast *forecast,
                     const KassaScenario *scenario,
                     KassaDay             day)
{
  GArray *outflows = g_array_new (FALSE, FALSE, sizeof (Outflow));
  KassaDay from = MAX (forecast->today + 1, day - (CAUSE_WINDOW_DAYS - 1));

  for (guint i = 0; i < items->len; i++)
    {
      const KassaScheduledItem *item = g_ptr_array_index (items, i);
      g_autoptr(GArray) days = NULL;

      if (item->inflow)
        continue;
      days = kassa_schedule_occurrences (item, from, day);
      for (guint d = 0; d < days->len; d++)
        {
          Outflow outflow = { item, g_array_index (days, KassaDay, d),
                              change_by_bp (item->amount, scenario->cost_change_bp) };

          g_array_append_val (outflows, outflow);
        }
    }

  g_array_sort (outflows, compare_outflows);
  return outflows;
}

static char *
describe_two_outflows (const Outflow *first,
                       const Outflow *second,
                       const char    *currency,
                       const char    *minimum,
                       KassaLocale    locale)
{
  g_autofree char *amount1 = kassa_money_format (first->amount, currency, locale);
  g_autofree char *amount2 = kassa_money_format (second->amount, currency, locale);
  g_autofree char *day1 = kassa_day_format (first->day, locale);
  g_autofree char *day2 = kassa_day_format (second->day, locale);

  if (first->day == second->day)
    /* Translators: the cause of the minimum cash buffer warning.  %1$s and
     * %3$s are scheduled payments' names (e.g. "Salaries", "Rent"), %2$s
     * and %4$s their amounts, %5$s their date, %6$s the minimum balance. */
    return g_strdup_printf (_("Paying %1$s (%2$s) and %3$s (%4$s) on %5$s takes the balance"
                              " under the minimum of %6$s."),
                            first->item->name, amount1, second->item->name, amount2, day1,
                            minimum);

  /* Translators: the cause of the minimum cash buffer warning.  %1$s and
   * %4$s are scheduled payments' names (e.g. "Salaries", "Rent"), %2$s and
   * %5$s their amounts, %3$s and %6$s their dates, %7$s the minimum. */
  return g_strdup_printf (_("Paying %1$s (%2$s) on %3$s and %4$s (%5$s) on %6$s takes the"
                            " balance under the minimum of %7$s."),
                          first->item->name, amount1, day1, second->item->name, amount2, day2,
                          minimum);
}

static char *
describe_outflows (GArray      *outflows,
                   const char  *currency,
                   const char  *minimum,
                   KassaLocale  locale)
{
  const Outflow *first = &g_array_index (outflows, Outflow, 0);
  g_autofree char *amount = NULL;
  g_autofree char *day = NULL;

  if (outflows->len > 1)
    return describe_two_outflows (first, &g_array_index (outflows, Outflow, 1), currency,
                                  minimum, locale);

  amount = kassa_money_format (first->amount, currency, locale);
  day = kassa_day_format (first->day, locale);
  /* Translators: the cause of the minimum cash buffer warning, e.g.
   * "Paying Salaries (€48,000.00) on 30.12.2026 takes the balance under the
   * minimum of €150,000.00.": a scheduled payment's name, its amount, its
   * date and the minimum balance. */
  return g_strdup_printf (_("Paying %1$s (%2$s) on %3$s takes the balance under the minimum"
                            " of %4$s."),
                          first->item->name, amount, day, minimum);
}

static char *
describe_below_buffer (GPtrArray           *items,
                       const KassaForecast *forecast,
                       const KassaScenario *scenario,
                       const char          *currency)
{
  KassaLocale locale = kassa_locale_current ();
  g_autofree char *minimum = kassa_money_format (forecast->minimum_buffer, currency, locale);
  g_autoptr(GArray) outflows = NULL;
  g_autofree char *day = NULL;

  if (forecast->first_below_buffer == forecast->today &&
      forecast->opening.opening_balance < forecast->minimum_buffer)
    {
      g_autofree char *cash = kassa_money_format (forecast->opening.opening_balance, currency,
                                                  locale);

      /* Translators: the cause of the minimum cash buffer warning: the cash
       * now and the minimum balance, both amounts of money. */
      return g_strdup_printf (_("Cash now (%1$s) is under the minimum of %2$s."), cash, minimum);
    }

  outflows = outflows_leading_to (items, forecast, scenario, forecast->first_below_buffer);
  if (outflows->len > 0)
    return describe_outflows (outflows, currency, minimum, locale);

  day = kassa_day_format (forecast->first_below_buffer, locale);
  /* Translators: the minimum cash buffer warning when no single payment
   * causes it: the minimum balance (money) and the date. */
  return g_strdup_printf (_("The balance falls under the minimum of %1$s on %2$s."), minimum, day);
}

static void
find_below_buffer (KassaForecast       *forecast,
                   GPtrArray           *items,
                   const KassaScenario *scenario,
                   const char          *currency)
{
  if (forecast->minimum_buffer <= 0 || !forecast->opening.has_balance)
    return;

  for (gint i = 0; i < forecast->horizon_days; i++)
    {
      if (forecast->daily_closing[i] < forecast->minimum_buffer)
        {
          forecast->first_below_buffer = forecast->today + i;
          forecast->below_buffer_cause = describe_below_buffer (items, forecast, scenario,
                                                                currency);
          return;
        }
    }
}

/* Computing */

static KassaForecast *
forecast_new (KassaDay today)
{
  KassaForecast *forecast = g_new0 (KassaForecast, 1);

  forecast->today = today;
  forecast->horizon_days = HORIZON_DAYS;
  forecast->daily_closing = g_new0 (gint64, HORIZON_DAYS);
  forecast->daily_in = g_new0 (gint64, HORIZON_DAYS);
  forecast->daily_out = g_new0 (gint64, HORIZON_DAYS);
  return forecast;
}

static void
daily_flows_init (DailyFlows *flows,
                  gint64     *block)
{
  flows->invoices = block;
  flows->sales = block + HORIZON_DAYS;
  flows->scheduled_in = block + 2 * HORIZON_DAYS;
  flows->scheduled_out = block + 3 * HORIZON_DAYS;
}

/**
 * kassa_forecast_compute:
 * @scenario: (nullable): the scenario, NULL for the base forecast
 *
 * Returns: (transfer full) (nullable): the forecast from today, or NULL
 *   with error set
 */
KassaForecast *
kassa_forecast_compute (KassaStore          *store,
                        KassaDay             today,
                        const KassaScenario *scenario,
                        GError             **error)
{
  static const KassaScenario base = { 0 };
  g_autoptr(KassaForecast) forecast = NULL;
  g_autoptr(KassaCompany) company = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree gint64 *block = g_new0 (gint64, 4 * HORIZON_DAYS);
  DailyFlows flows;
  gint64 lag = 0;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (kassa_day_is_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (scenario == NULL)
    scenario = &base;
  company = kassa_store_get_company (store);
  if (company == NULL)
    company = kassa_company_new ();

  forecast = forecast_new (today);
  forecast->minimum_buffer = company->minimum_cash_buffer;
  daily_flows_init (&flows, block);
  items = kassa_store_list_scheduled_items (store, error);
  if (items == NULL ||
      !compute_opening (store, today, items, &forecast->opening, error) ||
      !add_invoice_receipts (store, forecast, &flows, scenario->payment_delay_days,
                             company->payment_terms_days, &lag, error) ||
      !add_sales_receipts (store, forecast, &flows, scenario, lag, error))
    return NULL;

  add_scheduled (items, forecast, &flows, scenario);
  accumulate_days (forecast, &flows);
  build_periods (forecast, &flows);
  find_lowest (forecast);
  find_below_buffer (forecast, items, scenario, company->currency);
  return g_steal_pointer (&forecast);
}

void
kassa_forecast_free (KassaForecast *forecast)
{
  if (forecast == NULL)
    return;

  g_free (forecast->daily_closing);
  g_free (forecast->daily_in);
  g_free (forecast->daily_out);
  g_clear_pointer (&forecast->weeks, g_array_unref);
  g_clear_pointer (&forecast->months, g_array_unref);
  g_free (forecast->below_buffer_cause);
  g_free (forecast);
}

/**
 * kassa_forecast_to_snapshot:
 * @scenario_name: (nullable): the scenario's name, NULL or "" for the base
 *
 * The forecast's 13 weeks as a snapshot made today.  A week's receipts are
 * the expected payments of customers (open invoices and future sales), the
 * figure that forecast vs actual compares with the payments received;
 * its outflows the scheduled outflows.
 *
 * Returns: (transfer full): the snapshot, not saved
 */
KassaForecastSnapshot *
kassa_forecast_to_snapshot (const KassaForecast *forecast,
                            const char          *scenario_name)
{
  KassaForecastSnapshot *snapshot;

  g_return_val_if_fail (forecast != NULL, NULL);

  snapshot = kassa_forecast_snapshot_new ();
  snapshot->created_on = forecast->today;
  g_free (snapshot->scenario_name);
  snapshot->scenario_name = g_strdup (scenario_name != NULL ? scenario_name : "");
  for (guint w = 0; w < forecast->weeks->len; w++)
    {
      const KassaForecastPeriod *period = &g_array_index (forecast->weeks, KassaForecastPeriod, w);
      KassaSnapshotWeek week = {
        .week_start = period->start,
        .receipts = period->receipts_invoices + period->receipts_sales,
        .outflows = period->scheduled_out,
        .closing_balance = period->closing,
      };

      g_array_append_val (snapshot->weeks, week);
    }

  return snapshot;
}
