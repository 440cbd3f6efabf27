/* test-sales-forecast.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sales forecast: the model on synthetic series (flat, linear trend,
 * pure seasonality, too short, falling to zero), the monthly sales read
 * from a company (credit notes, drafts, the current month, empty months,
 * a partial first month, working days),
 * the backtest worked by hand and on the demo company, and forecast vs
 * actual for a saved snapshot.  Every expected value is worked out by hand
 * in the comments.  Today is 2026-11-24 (T).
 */
#define G_LOG_DOMAIN "kassa-test-sales-forecast"

#include "config.h"

#include <locale.h>

#include "kassa-date.h"
#include "kassa-demo.h"
#include "kassa-forecast.h"
#include "kassa-test-fixture.h"

typedef struct
{
  char       *dir;
  KassaStore *store;
  KassaDay    today;
  gint64      customer_id;
} Fixture;

/* Fixture and builders */

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kassa-test-sales-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "company.kassa", NULL);
  f->store = kassa_store_open (path, &error);
  g_assert_no_error (error);
  f->today = kassa_day_from_ymd (2026, 11, 24);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KassaCompany) company = kassa_company_new ();
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  open_store (f);
  company->name = g_strdup ("Testi Oy");
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);

  customer->name = g_strdup ("Asiakas Oy");
  customer->payment_terms_days = 14;
  g_assert_true (kassa_store_save_customer (f->store, customer, &error));
  g_assert_no_error (error);
  f->customer_id = customer->id;
}

/* The demo company makes its own company record. */
static void
fixture_set_up_empty (Fixture       *f,
                      gconstpointer  data)
{
  open_store (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kassa_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* A draft with one 0 % VAT line, so that its total is amount. */
static gint64
add_draft (Fixture  *f,
           KassaDay  issue_date,
           gint64    amount)
{
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  KassaInvoiceLine *line = kassa_invoice_line_new ();
  g_autoptr(GError) error = NULL;

  invoice->customer_id = f->customer_id;
  invoice->issue_date = issue_date;
  invoice->due_date = issue_date + 14;
  line->description = g_strdup ("Service");
  line->quantity = 1000;
  line->unit_price = amount;
  g_ptr_array_add (invoice->lines, line);
  g_assert_true (kassa_store_save_invoice (f->store, invoice, &error));
  g_assert_no_error (error);
  return invoice->id;
}

static gint64
add_invoice (Fixture  *f,
             KassaDay  issue_date,
             gint64    amount)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_draft (f, issue_date, amount);

  g_assert_true (kassa_store_send_invoice (f->store, id, &error));
  g_assert_no_error (error);
  return id;
}

static void
pay (Fixture  *f,
     gint64    invoice_id,
     KassaDay  date,
     gint64    amount)
{
  g_autoptr(KassaPayment) payment = kassa_payment_new ();
  g_autoptr(GError) error = NULL;

  payment->invoice_id = invoice_id;
  payment->date = date;
  payment->amount = amount;
  g_assert_true (kassa_store_add_payment (f->store, payment, TRUE, &error));
  g_assert_no_error (error);
}

static gint64
add_account (Fixture    *f,
             const char *name)
{
  g_autoptr(KassaCashAccount) account = kassa_cash_account_new ();
  g_autoptr(GError) error = NULL;

  g_free (account->name);
  account->name = g_strdup (name);
  g_assert_true (kassa_store_save_cash_account (f->store, account, &error));
  g_assert_no_error (error);
  return account->id;
}

static void
set_balance (Fixture  *f,
             gint64    account_id,
             KassaDay  day,
             gint64    balance)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kassa_store_set_cash_balance (f->store, account_id, day, balance, &error));
  g_assert_no_error (error);
}

static KassaDay
nov (int mday)
{
  return kassa_day_from_ymd (2026, 11, mday);
}

/* The model on synthetic series */

/* A pattern with mean 100 000: each month its own share of the year. */
static const gint64 pattern[12] = {
  80000, 90000, 100000, 110000, 120000, 130000, 140000, 120000, 100000, 90000, 60000, 60000,
};

typedef struct
{
  const char *name;
  guint       n_history;
  gint64      history[5];
  guint       forecast_month;
  guint       n_months;
  gint64      expected[5];
} ModelCase;

static void
test_model_short (void)
{
  static const ModelCase cases[] = {
    /* No history: nothing to forecast from. */
    { "empty", 0, { 0 }, 11, 3, { 0, 0, 0 } },
    { "one month", 1, { 1000 }, 11, 3, { 1000, 1000, 1000 } },
    /* (1000 + 2001) / 2 = 1500.5 → 1501 (half away from zero). */
    { "two months", 2, { 1000, 2001 }, 11, 3, { 1501, 1501, 1501 } },
    /* Five months, no full year (season 1): level = mean = 300, slope 100
     * damped to 50, the level's middle is (5 + 1) / 2 = 3 months before
     * month 0: 300 + 50 × 3 = 450, then + 50 a month. */
    { "five rising", 5, { 100, 200, 300, 400, 500 }, 6, 3, { 450, 500, 550 } },
    /* Falling: 300 − 50 × (k + 3) = 150, 100, 50, 0, then −50 → 0. */
    { "five falling", 5, { 500, 400, 300, 200, 100 }, 6, 5, { 150, 100, 50, 0, 0 } },
    /* A gap counts as a month of 0: level 75 000, slope of (100 000, 0,
     * 200 000, 0) = Σ (i − 1.5)(y − 75 000) / 5 = −50 000 / 5 = −10 000,
     * damped −5 000; offset 2.5: 75 000 − 12 500 = 62 500, then 57 500. */
    { "four with gaps", 4, { 100000, 0, 200000, 0 }, 11, 2, { 62500, 57500 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 months[5] = { -1, -1, -1, -1, -1 };

      g_test_message ("case %s", cases[i].name);
      kassa_sales_model_forecast (cases[i].history, cases[i].n_history,
                                  cases[i].forecast_month, cases[i].n_months, months);
      for (guint k = 0; k < cases[i].n_months; k++)
        g_assert_cmpint (months[k], ==, cases[i].expected[k]);
    }
}

static void
test_model_flat (void)
{
  gint64 history[36], months[12];

  /* Flat for three years: every centred ratio is 1, no trend. */
  for (guint i = 0; i < G_N_ELEMENTS (history); i++)
    history[i] = 50000;
  kassa_sales_model_forecast (history, 36, 11, 12, months);
  for (guint k = 0; k < 12; k++)
    g_assert_cmpint (months[k], ==, 50000);
}

static void
test_model_trend (void)
{
  gint64 history[24], months[12];

  /* y = 100 000 + 1 000 t for t = 0 … 23.  A 2×12 moving average of a
   * straight line is the line itself, so every season index is 1.  Level
   * = mean of t = 12 … 23 = 100 000 + 1 000 × 17.5 = 117 500; slope 1 000
   * damped to 500; month k: 117 500 + 500 × (k + 6.5) = 120 750 + 500 k. */
  for (guint t = 0; t < G_N_ELEMENTS (history); t++)
    history[t] = 100000 + 1000 * t;
  kassa_sales_model_forecast (history, 24, 3, 12, months);
  for (guint k = 0; k < 12; k++)
    g_assert_cmpint (months[k], ==, 120750 + 500 * k);
}

/* A pure season repeated n months from January: the forecast must give
 * the pattern back, continuing from the calendar month after the last. */
static void
check_pure_season (guint n)
{
  gint64 history[36], months[24];
  guint forecast_month = n % 12 + 1;

  g_test_message ("pure season over %u months", n);
  for (guint t = 0; t < n; t++)
    history[t] = pattern[t % 12];
  kassa_sales_model_forecast (history, n, forecast_month, 24, months);
  for (guint k = 0; k < 24; k++)
    g_assert_cmpint (months[k], ==, pattern[(forecast_month - 1 + k) % 12]);
}

static void
test_model_season (void)
{
  /* 36 and 30 months: centred ratios, P[c] / 100 000 for every month
   * (the moving average of one whole period is its mean); 12 and 15
   * months: the latest year's ratios, the same numbers.  The level is the
   * mean of a whole year, 100 000, and the seasonally adjusted series is
   * flat, so there is no trend: month k = 100 000 × P[c] / 100 000. */
  check_pure_season (36);
  check_pure_season (30);
  check_pure_season (15);
  check_pure_season (12);
}

static void
test_model_season_and_trend (void)
{
  gint64 history[36], months[3];

  /* The pattern doubled in the last year: history P, P, 2P (36 months,
   * from January).  The 2×12 averages around the step make the ratios
   * uneven, so this is checked against properties, not cents: the
   * forecast follows 2P's shape (January below February below March …),
   * stays near the last year's level 2P and, the step read as a trend
   * (slope of the adjusted last 24 months ≈ 100 000 × 144 / 1 150 =
   * 12 522, damped 6 261, × 6.5 ≈ +40 700 on a level of 200 000), above
   * it, but under 3P. */
  for (guint t = 0; t < 36; t++)
    history[t] = pattern[t % 12] * (t >= 24 ? 2 : 1);
  kassa_sales_model_forecast (history, 36, 1, 3, months);
  g_assert_cmpint (months[0], <, months[1]);
  g_assert_cmpint (months[1], <, months[2]);
  for (guint k = 0; k < 3; k++)
    {
      g_assert_cmpint (months[k], >, 2 * pattern[k]);
      g_assert_cmpint (months[k], <, 3 * pattern[k]);
    }
}

/* Monthly sales from a company */

static void
test_sales_from_store (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 months[3] = { -1, -1, -1 };
  gint64 credited;

  /* September 400.00 + 600.00; October 2 000.00 + 500.00, and 300.00
   * credited in October (its credit note −300.00 cancels it: counted once,
   * not twice) and a draft of 999.00 (not sales).  The current month and
   * later are not history.  History (100 000, 250 000) over 22 and 22
   * working days: two months, so the mean per working day, 175 000 / 22 =
   * 7 954.55, times each month's working days: November 21 → 167 045.45,
   * December 23 → 182 954.55, January 2027 21. */
  add_invoice (f, kassa_day_from_ymd (2026, 9, 1), 40000);
  add_invoice (f, kassa_day_from_ymd (2026, 9, 30), 60000);
  add_invoice (f, kassa_day_from_ymd (2026, 10, 1), 200000);
  add_invoice (f, kassa_day_from_ymd (2026, 10, 31), 50000);
  credited = add_invoice (f, kassa_day_from_ymd (2026, 10, 5), 30000);
  kassa_store_credit_invoice (f->store, credited, kassa_day_from_ymd (2026, 10, 20), &error);
  g_assert_no_error (error);
  add_draft (f, kassa_day_from_ymd (2026, 10, 10), 99900);
  add_invoice (f, nov (1), 777700);
  add_invoice (f, kassa_day_from_ymd (2026, 12, 1), 888800);

  g_assert_true (kassa_sales_forecast (f->store, f->today, 3, months, &error));
  g_assert_no_error (error);
  g_assert_cmpint (months[0], ==, 167045);
  g_assert_cmpint (months[1], ==, 182955);
  g_assert_cmpint (months[2], ==, 167045);
}

static void
test_sales_gaps (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 months[2];

  /* July 115 000 (from the 7th: a full first month) over 23 working days,
   * August nothing, September 220 000 over 22, October nothing: per
   * working day (5 000, 0, 10 000, 0), level 3 750, slope Σ (i − 1.5)(y −
   * 3 750) / 5 = −2 500 / 5 = −500, damped −250, offset 2.5: November
   * (3 750 − 625) × 21 = 65 625, December (3 750 − 875) × 23 = 66 125. */
  add_invoice (f, kassa_day_from_ymd (2026, 7, 7), 115000);
  add_invoice (f, kassa_day_from_ymd (2026, 9, 1), 220000);

  g_assert_true (kassa_sales_forecast (f->store, f->today, 2, months, &error));
  g_assert_no_error (error);
  g_assert_cmpint (months[0], ==, 65625);
  g_assert_cmpint (months[1], ==, 66125);
}

static void
test_sales_partial_first_month (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 months[1];

  /* Only October, from the 20th: the partial month is all there is, so it
   * stays (n = 1): 55 000 / 22 working days × November's 21 = 52 500. */
  add_invoice (f, kassa_day_from_ymd (2026, 10, 20), 55000);
  g_assert_true (kassa_sales_forecast (f->store, f->today, 1, months, &error));
  g_assert_no_error (error);
  g_assert_cmpint (months[0], ==, 52500);

  /* From August 8th (after the first week): August is left out, history
   * September 220 000 / 22 = 10 000 and October (275 000 + 55 000) / 22 =
   * 15 000 per working day → 12 500 × 21 = 262 500. */
  add_invoice (f, kassa_day_from_ymd (2026, 8, 8), 100000);
  add_invoice (f, kassa_day_from_ymd (2026, 9, 5), 220000);
  add_invoice (f, kassa_day_from_ymd (2026, 10, 10), 275000);
  g_assert_true (kassa_sales_forecast (f->store, f->today, 1, months, &error));
  g_assert_no_error (error);
  g_assert_cmpint (months[0], ==, 262500);
}

static void
test_sales_empty (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KassaSalesBacktest backtest = { .months = 99 };
  gint64 months[2] = { -1, -1 };

  g_assert_true (kassa_sales_forecast (f->store, f->today, 2, months, &error));
  g_assert_no_error (error);
  g_assert_cmpint (months[0], ==, 0);
  g_assert_cmpint (months[1], ==, 0);

  g_assert_true (kassa_sales_backtest (f->store, f->today, &backtest, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (backtest.months, ==, 0);
  g_assert_cmpfloat (backtest.mean_absolute_error, ==, 0);
}

/* Backtest */

static void
test_backtest_hand (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KassaSalesBacktest backtest;

  /* Sales s[0 … 13] from September 2025 to October 2026: 5 000 per
   * working day except s[12] (September 2026), 10 000.  Months with 12
   * before them: t = 12 and 13.  Working days: September 2025 22, October
   * 2025 23, September and October 2026 22.
   * t = 12: twelve flat months → 5 000 × 22 = 110 000; actual 220 000,
   *   error 110 000 (50 %).  Naive s[0] = 110 000: the same.
   * t = 13 from y[0 … 12] per working day: latest year y[1 … 12], mean
   *   65 000 / 12 = 5 416.67; season: September 24/13, the others 12/13
   *   (mean 1).  Level 5 416.67.  Adjusted: y[0] = 5 000 × 13/24 =
   *   2 708.33, the rest 5 416.67: a dip of d = 2 708.33 at i = 0 of 13
   *   points has slope −d × (0 − 6) / Σ (i − 6)² = 16 250 / 182 = 89.286,
   *   damped 44.643.  October: (5 416.67 + 44.643 × 6.5) × 12/13 =
   *   5 267.86 a day × 22 = 115 892.86 → 115 893; actual 110 000, error
   *   5 893 (5.357 %).  Naive s[1] = 5 000 × 23 = 115 000: error 5 000
   *   (4.545 %).
   * MAE (110 000 + 5 893) / 2 = 57 946.5, naive 57 500; MAPE (50 +
   * 5.35727) / 2 = 27.67864 %, naive (50 + 4.54545) / 2 = 27.27273 %. */
  for (guint t = 0; t < 14; t++)
    {
      KassaDay first = kassa_day_from_ymd (2025 + (8 + t) / 12, (8 + t) % 12 + 1, 1);
      guint days = t == 1 ? 23 : 22;

      add_invoice (f, first, (t == 12 ? 10000 : 5000) * days);
    }
  add_invoice (f, nov (2), 5000000);

  g_assert_true (kassa_sales_backtest (f->store, f->today, &backtest, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (backtest.months, ==, 2);
  g_assert_cmpfloat_with_epsilon (backtest.mean_absolute_error, 57946.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (backtest.naive_mean_absolute_error, 57500, 1e-9);
  g_assert_cmpfloat_with_epsilon (backtest.mean_absolute_percentage_error,
                                  (50 + 100.0 * 5893 / 110000) / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (backtest.naive_mean_absolute_percentage_error,
                                  (50 + 100.0 * 5000 / 110000) / 2, 1e-9);
}

/* The demo company: two years of sales with a season.  The backtest
 * forecasts the second year; the figures are logged for the closing
 * note and must be sane: every month forecast, errors above 0 (real
 * sales are never exactly predictable), below the sales themselves, and
 * the model's below the naive forecast's. */
static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KassaDemoSpec spec;
  KassaSalesBacktest backtest;
  gint64 months[12];
  gint64 total = 0;
  gint64 start;

  kassa_demo_spec_init_demo (&spec, f->today);
  g_assert_true (kassa_demo_generate (f->store, &spec, &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  g_assert_true (kassa_sales_backtest (f->store, f->today, &backtest, &error));
  g_assert_no_error (error);
  g_test_message ("demo backtest: %u months, MAE %.0f, MAPE %.1f %%; naive MAE %.0f, MAPE %.1f %%"
                  " (%.1f ms)",
                  backtest.months, backtest.mean_absolute_error,
                  backtest.mean_absolute_percentage_error, backtest.naive_mean_absolute_error,
                  backtest.naive_mean_absolute_percentage_error,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (backtest.months, >=, 11);
  g_assert_cmpuint (backtest.months, <=, 13);
  g_assert_cmpfloat (backtest.mean_absolute_error, >, 0);
  g_assert_cmpfloat (backtest.mean_absolute_percentage_error, >, 0);
  g_assert_cmpfloat (backtest.mean_absolute_percentage_error, <, 50);
  g_assert_cmpfloat (backtest.naive_mean_absolute_percentage_error, >, 0);
  g_assert_cmpfloat (backtest.naive_mean_absolute_percentage_error, <, 50);
  /* Measured: 17.2 % against 18.3 % (the working-day adjustment wins it;
   * without it the model was 19.0 %). */
  g_assert_cmpfloat (backtest.mean_absolute_percentage_error, <,
                     backtest.naive_mean_absolute_percentage_error);

  g_assert_true (kassa_sales_forecast (f->store, f->today, 12, months, &error));
  g_assert_no_error (error);
  for (guint k = 0; k < 12; k++)
    {
      g_test_message ("demo forecast month %u: %" G_GINT64_FORMAT, k, months[k]);
      g_assert_cmpint (months[k], >, 0);
      total += months[k];
    }
  /* A year of forecast against the backtest's scale: the MAE is a fraction
   * of a month's sales, so 12 months must be far above 12 MAEs. */
  g_assert_cmpfloat ((double) total, >, 12 * backtest.mean_absolute_error);
}

/* Forecast vs actual */

static void
add_week (KassaForecastSnapshot *snapshot,
          KassaDay               week_start,
          gint64                 receipts,
          gint64                 closing)
{
  KassaSnapshotWeek week = {
    .week_start = week_start,
    .receipts = receipts,
    .outflows = 1000,
    .closing_balance = closing,
  };

  g_array_append_val (snapshot->weeks, week);
}

static void
test_snapshot_compare (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KassaForecastSnapshot) snapshot = kassa_forecast_snapshot_new ();
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  KassaSnapshotComparison *row;
  gint64 bank, cash, invoice, credit_note;

  /* Weeks from Monday 2026-11-02: 2–8, 9–15, 16–22 have ended by T =
   * 24th; 23–29 has not (it is left out). */
  snapshot->created_on = nov (1);
  add_week (snapshot, nov (2), 40000, 600000);
  add_week (snapshot, nov (9), 20000, 590000);
  add_week (snapshot, nov (16), 30000, 700000);
  add_week (snapshot, nov (23), 50000, 720000);

  /* Receipts: 300.00 on the 2nd and 200.00 on the 8th (week 1: 50 000);
   * 100.00 on the 9th, and a refund of −50.00 on the 10th, which is not a
   * receipt (week 2: 10 000); nothing in week 3; 100.00 on the 23rd (week
   * 4, left out); 70.00 on the 1st (before week 1). */
  invoice = add_invoice (f, kassa_day_from_ymd (2026, 10, 1), 100000);
  pay (f, invoice, nov (1), 7000);
  pay (f, invoice, nov (2), 30000);
  pay (f, invoice, nov (8), 20000);
  pay (f, invoice, nov (9), 10000);
  pay (f, invoice, nov (23), 10000);
  credit_note = kassa_store_credit_invoice (f->store, add_invoice (f, nov (3), 5000), nov (4),
                                            &error);
  g_assert_no_error (error);
  pay (f, credit_note, nov (10), -5000);

  /* Balances: bank 5 000.00 on Oct 31, 6 000.00 on Nov 5, 7 000.00 on
   * the 20th, 8 000.00 on the 23rd; cash 100.00 on Nov 1.
   * Week 1: bank's entry on the 5th lies within → 600 000 + 10 000.
   * Week 2: no entry within → unknown.
   * Week 3: bank's 20th → 700 000 + 10 000 (the 23rd is after the week). */
  bank = add_account (f, "Bank");
  cash = add_account (f, "Cash");
  set_balance (f, bank, kassa_day_from_ymd (2026, 10, 31), 500000);
  set_balance (f, bank, nov (5), 600000);
  set_balance (f, bank, nov (20), 700000);
  set_balance (f, bank, nov (23), 800000);
  set_balance (f, cash, nov (1), 10000);

  rows = kassa_snapshot_compare (f->store, snapshot, f->today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 3);

  row = &g_array_index (rows, KassaSnapshotComparison, 0);
  g_assert_cmpint (row->week_start, ==, nov (2));
  g_assert_cmpint (row->forecast_receipts, ==, 40000);
  g_assert_cmpint (row->actual_receipts, ==, 50000);
  g_assert_cmpint (row->forecast_closing, ==, 600000);
  g_assert_cmpint (row->actual_closing, ==, 610000);

  row = &g_array_index (rows, KassaSnapshotComparison, 1);
  g_assert_cmpint (row->week_start, ==, nov (9));
  g_assert_cmpint (row->forecast_receipts, ==, 20000);
  g_assert_cmpint (row->actual_receipts, ==, 10000);
  g_assert_cmpint (row->forecast_closing, ==, 590000);
  g_assert_cmpint (row->actual_closing, ==, G_MININT64);

  row = &g_array_index (rows, KassaSnapshotComparison, 2);
  g_assert_cmpint (row->week_start, ==, nov (16));
  g_assert_cmpint (row->actual_receipts, ==, 0);
  g_assert_cmpint (row->forecast_closing, ==, 700000);
  g_assert_cmpint (row->actual_closing, ==, 710000);
}

static void
test_snapshot_compare_future (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(KassaForecastSnapshot) snapshot = kassa_forecast_snapshot_new ();
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  /* A week ending today (18–24) has not ended yet; nor has a later one. */
  add_week (snapshot, nov (18), 1000, 1000);
  add_week (snapshot, nov (25), 1000, 1000);
  rows = kassa_snapshot_compare (f->store, snapshot, f->today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/sales-forecast/model-short", test_model_short);
  g_test_add_func ("/sales-forecast/model-flat", test_model_flat);
  g_test_add_func ("/sales-forecast/model-trend", test_model_trend);
  g_test_add_func ("/sales-forecast/model-season", test_model_season);
  g_test_add_func ("/sales-forecast/model-season-and-trend", test_model_season_and_trend);
  ADD ("/sales-forecast/from-store", test_sales_from_store);
  ADD ("/sales-forecast/gaps", test_sales_gaps);
  ADD ("/sales-forecast/partial-first-month", test_sales_partial_first_month);
  ADD ("/sales-forecast/empty", test_sales_empty);
  ADD ("/sales-forecast/backtest-hand", test_backtest_hand);
  g_test_add ("/sales-forecast/demo", Fixture, NULL, fixture_set_up_empty, test_demo,
              fixture_tear_down);
  ADD ("/sales-forecast/snapshot-compare", test_snapshot_compare);
  ADD ("/sales-forecast/snapshot-compare-future", test_snapshot_compare_future);

#undef ADD

  return g_test_run ();
}
