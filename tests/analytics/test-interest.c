/* test-interest.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Late-payment interest and fees, against cases worked out by hand.  The
 * arithmetic of each case is in the comment beside it: interest of a
 * period is balance × rate_bp × days / 3,650,000 (actual/365, basis
 * points), the running sum is rounded half away from zero, and a period's
 * interest is the rounded running sum at its end minus the one before.
 */
#define G_LOG_DOMAIN "kassa-test-interest"

#include "config.h"

#include "kassa-date.h"
#include "kassa-interest.h"
#include "kassa-money.h"

#define MAX_PAYMENTS 3
#define MAX_PERIODS 3

/* Dates in the tables are written yyyymmdd for legibility. */
typedef guint32 DateCode;

typedef struct
{
  DateCode start;
  gint     rate_bp;
} TableRate;

typedef struct
{
  DateCode date;
  gint64   amount;
} TablePayment;

typedef struct
{
  DateCode from;
  DateCode to;
  gint64   balance;
  gint     rate_bp;
  gint64   interest;
} TablePeriod;

typedef struct
{
  const char      *name;
  gint64           amount;
  DateCode         due;
  TablePayment     payments[MAX_PAYMENTS];
  guint            n_payments;
  DateCode         until;
  const TableRate *rates;
  guint            n_rates;
  gint             add_on_bp;
  gint             fixed_rate_bp;
  gint64           total;
  gboolean         rate_missing;
  TablePeriod      periods[MAX_PERIODS];
  guint            n_periods;
} InterestCase;

/* Finnish reference rates 2024–2026, as shipped: the last entry starts
 * 2026-01-01, so 2026 H2 has no rate yet. */
static const TableRate fi_rates[] = {
  { 20240101, 450 },
  { 20240701, 450 },
  { 20250101, 350 },
  { 20250701, 250 },
  { 20260101, 250 },
};

#define FI_RATES fi_rates, G_N_ELEMENTS (fi_rates)
#define NO_RATES NULL, 0

static const InterestCase interest_cases[] = {
  /* (a) 1,000.00 € business, due 2025-06-20, until 2025-07-10.
   *   06-21 … 06-30: 10 days at 3.5 % + 8 % = 1150 bp:
   *     100000 × 1150 × 10 = 1,150,000,000 / 3,650,000 = 315.07 → 315
   *   07-01 … 07-10: 10 days at 2.5 % + 8 % = 1050 bp:
   *     + 100000 × 1050 × 10 = 1,050,000,000 → 2,200,000,000 / 3,650,000
   *     = 602.74 → 603, period 603 − 315 = 288
   *   total 6.03 € */
  { "business-rate-change", 100000, 20250620, { { 0 } }, 0, 20250710, FI_RATES, 800, 0,
    603, FALSE,
    { { 20250621, 20250630, 100000, 1150, 315 },
      { 20250701, 20250710, 100000, 1050, 288 } }, 2 },

  /* (b) as (a) with 400.00 paid on 2025-07-05: that day still bears
   * interest on 1,000.00, the balance is 600.00 from 07-06.
   *   06-21 … 06-30: 1,150,000,000 → 315.07 → 315
   *   07-01 … 07-05: + 100000 × 1050 × 5 = 525,000,000 → 1,675,000,000
   *     / 3,650,000 = 458.90 → 459, period 144
   *   07-06 … 07-10: + 60000 × 1050 × 5 = 315,000,000 → 1,990,000,000
   *     / 3,650,000 = 545.21 → 545, period 86 */
  { "partial-payment", 100000, 20250620, { { 20250705, 40000 } }, 1, 20250710, FI_RATES,
    800, 0, 545, FALSE,
    { { 20250621, 20250630, 100000, 1150, 315 },
      { 20250701, 20250705, 100000, 1050, 144 },
      { 20250706, 20250710, 60000, 1050, 86 } }, 3 },

  /* (c) as (a) for a consumer: add-on 7 %.
   *   06-21 … 06-30: 100000 × 1050 × 10 = 1,050,000,000 → 287.67 → 288
   *   07-01 … 07-10: + 100000 × 950 × 10 = 950,000,000 → 2,000,000,000
   *     / 3,650,000 = 547.95 → 548, period 260 */
  { "consumer-add-on", 100000, 20250620, { { 0 } }, 0, 20250710, FI_RATES, 700, 0,
    548, FALSE,
    { { 20250621, 20250630, 100000, 1050, 288 },
      { 20250701, 20250710, 100000, 950, 260 } }, 2 },

  /* (d) until before the due date, or on it: not a single day late. */
  { "until-before-due", 100000, 20250620, { { 0 } }, 0, 20250615, FI_RATES, 800, 0,
    0, FALSE, { { 0 } }, 0 },
  { "until-on-due", 100000, 20250620, { { 0 } }, 0, 20250620, FI_RATES, 800, 0,
    0, FALSE, { { 0 } }, 0 },

  /* (e) a span over 29 February 2024 still divides by 365.
   *   02-28, 02-29, 03-01, 03-02: 4 days at 4.5 % + 8 % = 1250 bp
   *   36,500,000 × 1250 × 4 = 182,500,000,000 / 3,650,000 = 50,000 exactly
   *   (over 366 it would be 49,863.39) */
  { "leap-day-span", 36500000, 20240227, { { 0 } }, 0, 20240302, FI_RATES, 800, 0,
    50000, FALSE,
    { { 20240228, 20240302, 36500000, 1250, 50000 } }, 1 },

  /* (e) all of 2024, 366 days.  2024 H1 and H2 have the same rate, so the
   * year is one period.
   *   100000 × 1250 × 366 = 45,750,000,000 / 3,650,000 = 12,534.25 → 12,534
   *   (over 366 it would be 12,500) */
  { "leap-year", 100000, 20231231, { { 0 } }, 0, 20241231, FI_RATES, 800, 0,
    12534, FALSE,
    { { 20240101, 20241231, 100000, 1250, 12534 } }, 1 },

  /* (f) 2026 H2 lies after the table's last entry (2026-01-01): its rate
   * is used, and the table is flagged as needing the new rate.
   *   06-21 … 07-10: 20 days at 2.5 % + 8 % = 1050 bp
   *   100000 × 1050 × 20 = 2,100,000,000 / 3,650,000 = 575.34 → 575 */
  { "rate-missing-after-table", 100000, 20260620, { { 0 } }, 0, 20260710, FI_RATES, 800, 0,
    575, TRUE,
    { { 20260621, 20260710, 100000, 1050, 575 } }, 1 },

  /* (f) the same invoice counted through 2026-06-30 needs no new rate.
   *   10 days: 1,050,000,000 / 3,650,000 = 287.67 → 288 */
  { "rate-present-until-h1-end", 100000, 20260620, { { 0 } }, 0, 20260630, FI_RATES, 800, 0,
    288, FALSE,
    { { 20260621, 20260630, 100000, 1050, 288 } }, 1 },

  /* (f) paid in full on 2026-06-30: no balance is left in 2026 H2, so the
   * missing rate changes nothing and is not flagged.  Interest as above. */
  { "rate-missing-but-paid", 100000, 20260620, { { 20260630, 100000 } }, 1, 20260710, FI_RATES,
    800, 0, 288, FALSE,
    { { 20260621, 20260630, 100000, 1050, 288 } }, 1 },

  /* (f) days before the table's first entry take the first entry's rate
   * and are flagged.  2023-12-21 … 2024-01-10: 21 days at 1250 bp:
   *   100000 × 1250 × 21 = 2,625,000,000 / 3,650,000 = 719.18 → 719 */
  { "rate-missing-before-table", 100000, 20231220, { { 0 } }, 0, 20240110, FI_RATES, 800, 0,
    719, TRUE,
    { { 20231221, 20240110, 100000, 1250, 719 } }, 1 },

  /* (g) rounding half away from zero, fixed 10 % for 5 days:
   *   1825 × 1000 × 5 = 9,125,000 / 3,650,000 = 2.5 exactly → 3
   *   (half to even or truncation would give 2) */
  { "round-half-up", 1825, 20250101, { { 0 } }, 0, 20250106, NO_RATES, 0, 1000,
    3, FALSE,
    { { 20250102, 20250106, 1825, 1000, 3 } }, 1 },
  /*   1095 × 1000 × 5 = 5,475,000 / 3,650,000 = 1.5 → 2 */
  { "round-one-and-a-half", 1095, 20250101, { { 0 } }, 0, 20250106, NO_RATES, 0, 1000,
    2, FALSE,
    { { 20250102, 20250106, 1095, 1000, 2 } }, 1 },
  /*   1824 × 1000 × 5 = 9,120,000 / 3,650,000 = 2.4986 → 2 */
  { "round-just-below-half", 1824, 20250101, { { 0 } }, 0, 20250106, NO_RATES, 0, 1000,
    2, FALSE,
    { { 20250102, 20250106, 1824, 1000, 2 } }, 1 },

  /* (h) three periods of 0.4 cents each, fixed 10 %: 14.60 due
   * 2025-01-01, 7.30 paid 01-02, 3.65 paid 01-04 (listed out of order).
   *   01-02:        1460 × 1000 × 1 = 1,460,000 → 0.4 → 0, period 0
   *   01-03 … 01-04: 730 × 1000 × 2 = 1,460,000 → 0.8 → 1, period 1
   *   01-05 … 01-08: 365 × 1000 × 4 = 1,460,000 → 1.2 → 1, period 0
   * The periods add up to the total 1; rounding each alone gives 0. */
  { "periods-add-up", 1460, 20250101, { { 20250104, 365 }, { 20250102, 730 } }, 2, 20250108,
    NO_RATES, 0, 1000, 1, FALSE,
    { { 20250102, 20250102, 1460, 1000, 0 },
      { 20250103, 20250104, 730, 1000, 1 },
      { 20250105, 20250108, 365, 1000, 0 } }, 3 },

  /* Overpaid on 01-03: 1460 × 1000 × 2 = 2,920,000 → 0.8 → 1; the
   * negative balance afterwards bears nothing. */
  { "overpaid", 1460, 20250101, { { 20250103, 2000 } }, 1, 20250108, NO_RATES, 0, 1000,
    1, FALSE,
    { { 20250102, 20250103, 1460, 1000, 1 } }, 1 },

  /* (i) a contractual 16 % without a statutory table; the add-on is
   * ignored.  2025-02-01 … 03-02: 30 days.
   *   100000 × 1600 × 30 = 4,800,000,000 / 3,650,000 = 1,315.07 → 1,315 */
  { "fixed-rate", 100000, 20250131, { { 0 } }, 0, 20250302, NO_RATES, 800, 1600,
    1315, FALSE,
    { { 20250201, 20250302, 100000, 1600, 1315 } }, 1 },

  /* A payment before the due date lowers the balance from the start:
   *   75000 × 1600 × 30 = 3,600,000,000 / 3,650,000 = 986.30 → 986 */
  { "paid-before-due", 100000, 20250131, { { 20250120, 25000 } }, 1, 20250302, NO_RATES, 800,
    1600, 986, FALSE,
    { { 20250201, 20250302, 75000, 1600, 986 } }, 1 },

  /* The largest amount for ten years, 2020-01-01 → 2029-12-29 (3,650
   * days), at 10 %: 10^15 × 1000 × 3650 = 3.65 × 10^21, beyond 64 bits,
   * / 3,650,000 = 10^15 exactly. */
  { "no-overflow", KASSA_MONEY_MAX, 20200101, { { 0 } }, 0, 20291229, NO_RATES, 0, 1000,
    KASSA_MONEY_MAX, FALSE,
    { { 20200102, 20291229, KASSA_MONEY_MAX, 1000, KASSA_MONEY_MAX } }, 1 },
};

/* Helpers */

static KassaDay
day_of (DateCode code)
{
  return kassa_day_from_ymd (code / 10000, code / 100 % 100, code % 100);
}

static GArray *
build_rates (const TableRate *table,
             guint            n_rates)
{
  GArray *rates = g_array_new (FALSE, TRUE, sizeof (KassaReferenceRate));

  for (guint i = 0; i < n_rates; i++)
    {
      KassaReferenceRate rate = { "FI", day_of (table[i].start), table[i].rate_bp };

      g_array_append_val (rates, rate);
    }

  return rates;
}

static KassaInterestResult *
compute_case (const InterestCase *c)
{
  g_autoptr(GArray) rates = build_rates (c->rates, c->n_rates);
  KassaInterestPayment payments[MAX_PAYMENTS];

  for (guint i = 0; i < c->n_payments; i++)
    {
      payments[i].date = day_of (c->payments[i].date);
      payments[i].amount = c->payments[i].amount;
    }

  return kassa_late_interest_compute (c->amount, day_of (c->due), payments, c->n_payments,
                                      day_of (c->until),
                                      (const KassaReferenceRate *) rates->data, rates->len,
                                      c->add_on_bp, c->fixed_rate_bp);
}

static void
assert_period (const KassaInterestPeriod *period,
               const TablePeriod         *expected)
{
  g_assert_cmpint (period->from, ==, day_of (expected->from));
  g_assert_cmpint (period->to, ==, day_of (expected->to));
  g_assert_cmpint (period->balance, ==, expected->balance);
  g_assert_cmpint (period->rate_bp, ==, expected->rate_bp);
  g_assert_cmpint (period->interest, ==, expected->interest);
}

/* Tests */

static void
test_interest_case (gconstpointer data)
{
  const InterestCase *c = data;
  g_autoptr(KassaInterestResult) result = compute_case (c);
  gint64 sum = 0;

  g_assert_nonnull (result);
  g_assert_nonnull (result->periods);
  g_assert_cmpint (result->total, ==, c->total);
  g_assert_cmpint (result->rate_missing, ==, c->rate_missing);
  g_assert_cmpuint (result->periods->len, ==, c->n_periods);

  for (guint i = 0; i < result->periods->len; i++)
    {
      const KassaInterestPeriod *period = &g_array_index (result->periods,
                                                          KassaInterestPeriod, i);

      g_test_message ("period %u", i);
      assert_period (period, &c->periods[i]);
      sum += period->interest;
    }

  /* (h) for every case: the periods add up to the total. */
  g_assert_cmpint (sum, ==, result->total);
}

/* The same invoice as (a), with the payments given in another order and
 * one zero payment: the order of the list must not matter. */
static void
test_interest_payment_order (void)
{
  g_autoptr(GArray) rates = build_rates (fi_rates, G_N_ELEMENTS (fi_rates));
  const KassaInterestPayment forward[] = {
    { kassa_day_from_ymd (2025, 7, 5), 40000 },
    { kassa_day_from_ymd (2025, 7, 8), 0 },
  };
  const KassaInterestPayment backward[] = { forward[1], forward[0] };
  g_autoptr(KassaInterestResult) a = NULL;
  g_autoptr(KassaInterestResult) b = NULL;

  a = kassa_late_interest_compute (100000, kassa_day_from_ymd (2025, 6, 20), forward, 2,
                                   kassa_day_from_ymd (2025, 7, 10),
                                   (const KassaReferenceRate *) rates->data, rates->len, 800, 0);
  b = kassa_late_interest_compute (100000, kassa_day_from_ymd (2025, 6, 20), backward, 2,
                                   kassa_day_from_ymd (2025, 7, 10),
                                   (const KassaReferenceRate *) rates->data, rates->len, 800, 0);

  /* 545 as in (b); the zero payment splits nothing. */
  g_assert_cmpint (a->total, ==, 545);
  g_assert_cmpint (b->total, ==, 545);
  g_assert_cmpuint (a->periods->len, ==, 3);
  g_assert_cmpuint (b->periods->len, ==, 3);
}

typedef struct
{
  const char        *country;
  KassaCustomerKind  kind;
  gboolean           fee_agreed;
  gint64             fee_cap;
  gint64             compensation;
  gint               add_on_bp;
} FeeCase;

/* (j) Finland: consumer reminder at most 5 €, no fixed cap for business,
 * 40 € compensation from a business; add-on 7 / 8 pp.  Sweden: 60 kr
 * påminnelseavgift only when agreed, 450 kr förseningsersättning from a
 * business, add-on 8 pp.  Other countries: no rule here.  Codes are
 * compared without regard to case. */
static const FeeCase fee_cases[] = {
  { "FI", KASSA_CUSTOMER_BUSINESS, FALSE, -1,   4000,  800 },
  { "FI", KASSA_CUSTOMER_BUSINESS, TRUE,  -1,   4000,  800 },
  { "FI", KASSA_CUSTOMER_CONSUMER, FALSE, 500,  0,     700 },
  { "fi", KASSA_CUSTOMER_CONSUMER, TRUE,  500,  0,     700 },
  { "Fi", KASSA_CUSTOMER_BUSINESS, FALSE, -1,   4000,  800 },
  { "SE", KASSA_CUSTOMER_BUSINESS, TRUE,  6000, 45000, 800 },
  { "SE", KASSA_CUSTOMER_BUSINESS, FALSE, 0,    45000, 800 },
  { "se", KASSA_CUSTOMER_CONSUMER, TRUE,  6000, 0,     800 },
  { "SE", KASSA_CUSTOMER_CONSUMER, FALSE, 0,    0,     800 },
  { "DE", KASSA_CUSTOMER_BUSINESS, TRUE,  -1,   0,     -1 },
  { "DE", KASSA_CUSTOMER_CONSUMER, FALSE, -1,   0,     -1 },
  { "",   KASSA_CUSTOMER_BUSINESS, FALSE, -1,   0,     -1 },
};

static void
test_fees (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fee_cases); i++)
    {
      const FeeCase *c = &fee_cases[i];

      g_test_message ("fee case %u: %s", i, c->country);
      g_assert_cmpint (kassa_reminder_fee_cap (c->country, c->kind, c->fee_agreed), ==,
                       c->fee_cap);
      g_assert_cmpint (kassa_late_payment_compensation (c->country, c->kind), ==,
                       c->compensation);
      g_assert_cmpint (kassa_late_interest_add_on_bp (c->country, c->kind), ==, c->add_on_bp);
    }
}

static void
test_consumer_minimum_days (void)
{
  static const char *countries[] = { "FI", "fi", "SE", "DE" };

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      g_assert_cmpint (kassa_consumer_first_reminder_min_days (countries[i]), ==, 14);
      g_assert_cmpint (kassa_consumer_reminder_interval_min_days (countries[i]), ==, 14);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (interest_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/interest/compute/%s", interest_cases[i].name);

      g_test_add_data_func (path, &interest_cases[i], test_interest_case);
    }
  g_test_add_func ("/interest/compute/payment-order", test_interest_payment_order);
  g_test_add_func ("/interest/fees", test_fees);
  g_test_add_func ("/interest/consumer-minimum-days", test_consumer_minimum_days);

  return g_test_run ();
}
