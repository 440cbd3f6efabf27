/* kassa-interest.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Late-payment interest and the fees the law allows.
 *
 * Rounding rule: interest is exact until it is shown.  The sum
 *
 *   S = Σ over interest-bearing days of balance × rate_bp
 *
 * is kept as an exact integer (whole minor units plus a remainder, in
 * units of 1 / (365 × 10,000) minor unit: actual/365, also in leap years,
 * and basis points), and the total is S / 3,650,000 rounded once, half away
 * from zero (the sum is never negative, so that is half up).  A period's
 * interest is the difference of the rounded running sums at its end and at
 * the end of the period before it, so the periods add up to the total
 * exactly even though each one alone may differ from its own rounding by a
 * cent.
 */
#define G_LOG_DOMAIN "kassa-analytics"

#include "config.h"

#include <stdlib.h>

#include "kassa-date.h"
#include "kassa-interest.h"

/* Days in the interest year × basis points in one. */
#define INTEREST_DENOMINATOR G_GUINT64_CONSTANT (3650000)

#define FI_ADD_ON_CONSUMER_BP 700
#define FI_ADD_ON_BUSINESS_BP 800
#define SE_ADD_ON_BP          800

#define FI_CONSUMER_REMINDER_FEE_CAP 500
#define SE_AGREED_REMINDER_FEE_CAP   6000
#define FI_BUSINESS_COMPENSATION     4000
#define SE_BUSINESS_COMPENSATION     45000

#define CONSUMER_FIRST_REMINDER_MIN_DAYS    14
#define CONSUMER_REMINDER_INTERVAL_MIN_DAYS 14

/* S / INTEREST_DENOMINATOR as whole minor units plus a remainder below the
 * denominator; overflow only with amounts far beyond KASSA_MONEY_MAX, and
 * then the result saturates instead of wrapping. */
typedef struct
{
  guint64  whole;
  guint64  remainder;
  gboolean overflow;
} ExactSum;

/* Country rules */

static gboolean
country_is (const char *country,
            const char *code)
{
  return country != NULL && g_ascii_strcasecmp (country, code) == 0;
}

/* Exact sum */

/* Adds balance × rate_days / INTEREST_DENOMINATOR without losing a digit:
 * balance = high × D + low, so balance × k = high × k × D + low × k. */
static void
exact_sum_add (ExactSum *sum,
               guint64   balance,
               guint64   rate_days)
{
  guint64 high = balance / INTEREST_DENOMINATOR;
  guint64 low = balance % INTEREST_DENOMINATOR;
  guint64 whole, rest;

  if (!g_uint64_checked_mul (&whole, high, rate_days)
      || !g_uint64_checked_mul (&rest, low, rate_days)
      || !g_uint64_checked_add (&whole, whole, rest / INTEREST_DENOMINATOR)
      || !g_uint64_checked_add (&sum->whole, sum->whole, whole))
    {
      sum->overflow = TRUE;
      return;
    }

  sum->remainder += rest % INTEREST_DENOMINATOR;
  if (sum->remainder >= INTEREST_DENOMINATOR)
    {
      sum->remainder -= INTEREST_DENOMINATOR;
      if (!g_uint64_checked_add (&sum->whole, sum->whole, 1))
        sum->overflow = TRUE;
    }
}

static gint64
exact_sum_round (const ExactSum *sum)
{
  guint64 rounded = sum->whole + (2 * sum->remainder >= INTEREST_DENOMINATOR ? 1 : 0);

  if (sum->overflow || rounded > G_MAXINT64)
    return G_MAXINT64;

  return (gint64) rounded;
}

/* Dates */

static KassaDay
half_year_start (KassaDay day)
{
  int year, month, mday;

  kassa_day_to_ymd (day, &year, &month, &mday);
  return kassa_day_from_ymd (year, month <= 6 ? 1 : 7, 1);
}

static int
compare_payments_by_date (gconstpointer a,
                          gconstpointer b)
{
  const KassaInterestPayment *pa = a;
  const KassaInterestPayment *pb = b;

  return (pa->date > pb->date) - (pa->date < pb->date);
}

/* Walking the days */

/* Where the walk through the days stands: the payments already counted and
 * the rate table entry in force. */
typedef struct
{
  const KassaInterestPayment *payments;  /* sorted by date */
  guint                       n_payments;
  guint                       next_payment;
  gint64                      balance;
  const KassaReferenceRate   *rates;
  guint                       n_rates;
  gint                        rate_index;  /* -1: before the first entry */
} DayWalk;

/* Moves the walk to day t: a payment dated d counts from day d + 1 on. */
static void
day_walk_move_to (DayWalk *walk,
                  gint64   t)
{
  while (walk->next_payment < walk->n_payments
         && walk->payments[walk->next_payment].date < t)
    walk->balance -= walk->payments[walk->next_payment++].amount;

  while (walk->rate_index + 1 < (gint) walk->n_rates
         && walk->rates[walk->rate_index + 1].start_date <= t)
    walk->rate_index++;
}

/* The first day after t on which the balance or the rate may change. */
static gint64
day_walk_next_change (const DayWalk *walk,
                      gint64         limit)
{
  gint64 next = limit;

  if (walk->next_payment < walk->n_payments)
    next = MIN (next, (gint64) walk->payments[walk->next_payment].date + 1);
  if (walk->rate_index + 1 < (gint) walk->n_rates)
    next = MIN (next, (gint64) walk->rates[walk->rate_index + 1].start_date);

  return next;
}

static gint
day_walk_rate (const DayWalk *walk,
               gint           add_on_bp,
               gint           fixed_rate_bp)
{
  if (walk->n_rates == 0)
    return fixed_rate_bp;

  return walk->rates[MAX (walk->rate_index, 0)].rate_bp + add_on_bp;
}

/* Whether the days through last use a rate the table does not really have:
 * before its first entry, or in a half-year after its last one. */
static gboolean
day_walk_rate_missing (const DayWalk *walk,
                       KassaDay       last)
{
  if (walk->n_rates == 0)
    return FALSE;
  if (walk->rate_index < 0)
    return TRUE;

  return half_year_start (last) > walk->rates[walk->n_rates - 1].start_date;
}

/* Result */

static KassaInterestResult *
interest_result_new (void)
{
  KassaInterestResult *result = g_new0 (KassaInterestResult, 1);

  result->periods = g_array_new (FALSE, TRUE, sizeof (KassaInterestPeriod));
  return result;
}

/* Appends days from … to, joining them to the last period when that one
 * ends the day before with the same balance and rate. */
static void
add_days (GArray   *periods,
          KassaDay  from,
          KassaDay  to,
          gint64    balance,
          gint      rate_bp)
{
  KassaInterestPeriod period = { from, to, balance, rate_bp, 0 };

  if (periods->len > 0)
    {
      KassaInterestPeriod *last = &g_array_index (periods, KassaInterestPeriod, periods->len - 1);

      if (last->to + 1 == from && last->balance == balance && last->rate_bp == rate_bp)
        {
          last->to = to;
          return;
        }
    }

  g_array_append_val (periods, period);
}

static void
compute_interest (KassaInterestResult *result)
{
  ExactSum sum = { 0, 0, FALSE };
  gint64 rounded_before = 0;

  for (guint i = 0; i < result->periods->len; i++)
    {
      KassaInterestPeriod *period = &g_array_index (result->periods, KassaInterestPeriod, i);
      guint64 days = (guint64) (period->to - period->from + 1);
      gint64 rounded;

      exact_sum_add (&sum, (guint64) period->balance, (guint64) period->rate_bp * days);
      rounded = exact_sum_round (&sum);
      period->interest = rounded - rounded_before;
      rounded_before = rounded;
    }

  result->total = rounded_before;
}

/* Public API */

gint
kassa_late_interest_add_on_bp (const char        *country,
                               KassaCustomerKind  kind)
{
  if (country_is (country, "FI"))
    return kind == KASSA_CUSTOMER_CONSUMER ? FI_ADD_ON_CONSUMER_BP : FI_ADD_ON_BUSINESS_BP;
  if (country_is (country, "SE"))
    return SE_ADD_ON_BP;

  return -1;
}

/**
 * kassa_late_interest_compute:
 *
 * Days whose balance is zero or less bear nothing and form no period, nor
 * do days whose rate is zero or less: a creditor never owes interest to the
 * debtor.  rate_missing is set only for days that carry a balance, since a
 * missing rate on a day without one changes nothing.
 *
 * Returns: (transfer full): the interest, total and periods.
 */
KassaInterestResult *
kassa_late_interest_compute (gint64                      amount,
                             KassaDay                    due_date,
                             const KassaInterestPayment *payments,
                             guint                       n_payments,
                             KassaDay                    until,
                             const KassaReferenceRate   *rates,
                             guint                       n_rates,
                             gint                        add_on_bp,
                             gint                        fixed_rate_bp)
{
  g_autoptr(KassaInterestResult) result = interest_result_new ();
  g_autofree KassaInterestPayment *sorted = NULL;
  DayWalk walk = { 0, };

  g_return_val_if_fail (n_payments == 0 || payments != NULL, g_steal_pointer (&result));
  g_return_val_if_fail (n_rates == 0 || rates != NULL, g_steal_pointer (&result));

  sorted = g_memdup2 (payments, sizeof *payments * n_payments);
  if (n_payments > 0)
    qsort (sorted, n_payments, sizeof *sorted, compare_payments_by_date);

  walk.payments = sorted;
  walk.n_payments = n_payments;
  walk.balance = amount;
  walk.rates = rates;
  walk.n_rates = n_rates;
  walk.rate_index = -1;

  for (gint64 t = (gint64) due_date + 1; t <= until;)
    {
      gint64 last;
      gint rate_bp;

      day_walk_move_to (&walk, t);
      last = day_walk_next_change (&walk, (gint64) until + 1) - 1;
      rate_bp = day_walk_rate (&walk, add_on_bp, fixed_rate_bp);

      if (walk.balance > 0 && day_walk_rate_missing (&walk, (KassaDay) last))
        result->rate_missing = TRUE;
      if (walk.balance > 0 && rate_bp > 0)
        add_days (result->periods, (KassaDay) t, (KassaDay) last, walk.balance, rate_bp);

      t = last + 1;
    }

  compute_interest (result);
  return g_steal_pointer (&result);
}

void
kassa_interest_result_free (KassaInterestResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->periods, g_array_unref);
  g_free (result);
}

gint64
kassa_reminder_fee_cap (const char        *country,
                        KassaCustomerKind  kind,
                        gboolean           fee_agreed)
{
  if (country_is (country, "FI") && kind == KASSA_CUSTOMER_CONSUMER)
    return FI_CONSUMER_REMINDER_FEE_CAP;
  /* A Swedish påminnelseavgift may only be charged when it was agreed. */
  if (country_is (country, "SE"))
    return fee_agreed ? SE_AGREED_REMINDER_FEE_CAP : 0;

  return -1;
}

gint64
kassa_late_payment_compensation (const char        *country,
                                 KassaCustomerKind  kind)
{
  if (kind != KASSA_CUSTOMER_BUSINESS)
    return 0;
  if (country_is (country, "FI"))
    return FI_BUSINESS_COMPENSATION;
  if (country_is (country, "SE"))
    return SE_BUSINESS_COMPENSATION;

  return 0;
}

gint
kassa_consumer_first_reminder_min_days (const char *country)
{
  /* Finland's rule; elsewhere the same waiting time is a safe default. */
  return CONSUMER_FIRST_REMINDER_MIN_DAYS;
}

gint
kassa_consumer_reminder_interval_min_days (const char *country)
{
  return CONSUMER_REMINDER_INTERVAL_MIN_DAYS;
}
