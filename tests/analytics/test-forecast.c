/* test-forecast.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cash-flow forecast engine on temporary companies built through the
 * KassaStore API: recurrences, the opening balance, weeks and months of a
 * small company worked out by hand, scenarios, the minimum buffer and its
 * cause, the spreading of future sales, a leap-year horizon and the
 * snapshot.  Today (T) is 2026-11-24 unless a test says otherwise.
 */
#define G_LOG_DOMAIN "kassa-test-forecast"

#include "config.h"

#include <locale.h>

#include "kassa-date.h"
#include "kassa-forecast.h"
#include "kassa-store-collections.h"
#include "kassa-test-fixture.h"

typedef struct
{
  char       *dir;
  KassaStore *store;
  KassaDay    today;
} Fixture;

static KassaDay
ymd (int year,
     int month,
     int day)
{
  return kassa_day_from_ymd (year, month, day);
}

/* Fixture and builders */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KassaCompany) company = kassa_company_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kassa-test-forecast-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "company.kassa", NULL);
  f->store = kassa_store_open (path, &error);
  g_assert_no_error (error);
  f->today = ymd (2026, 11, 24);

  company->name = g_strdup ("Testi Oy");
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kassa_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
set_buffer (KassaStore *store,
            gint64      buffer)
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (store);
  g_autoptr(GError) error = NULL;

  company->minimum_cash_buffer = buffer;
  g_assert_true (kassa_store_save_company (store, company, &error));
  g_assert_no_error (error);
}

static gint64
add_customer (KassaStore *store)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  customer->name = g_strdup ("Asiakas Oy");
  g_assert_true (kassa_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
  return customer->id;
}

/* A sent invoice with one 0 % VAT line, so that its total is amount. */
static gint64
add_invoice (KassaStore *store,
             gint64      customer_id,
             KassaDay    issue_date,
             KassaDay    due_date,
             gint64      amount)
{
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  KassaInvoiceLine *line = kassa_invoice_line_new ();
  g_autoptr(GError) error = NULL;

  invoice->customer_id = customer_id;
  invoice->issue_date = issue_date;
  invoice->due_date = due_date;
  line->description = g_strdup ("Service");
  line->quantity = 1000;
  line->unit_price = amount;
  g_ptr_array_add (invoice->lines, line);
  g_assert_true (kassa_store_save_invoice (store, invoice, &error));
  g_assert_no_error (error);
  g_assert_true (kassa_store_send_invoice (store, invoice->id, &error));
  g_assert_no_error (error);
  return invoice->id;
}

static void
pay (KassaStore *store,
     gint64      invoice_id,
     KassaDay    date,
     gint64      amount)
{
  g_autoptr(KassaPayment) payment = kassa_payment_new ();
  g_autoptr(GError) error = NULL;

  payment->invoice_id = invoice_id;
  payment->date = date;
  payment->amount = amount;
  g_assert_true (kassa_store_add_payment (store, payment, FALSE, &error));
  g_assert_no_error (error);
}

static void
promise (KassaStore *store,
         gint64      customer_id,
         gint64      invoice_id,
         KassaDay    date,
         KassaDay    due_by)
{
  g_autoptr(KassaCollectionEvent) event = kassa_collection_event_new ();
  g_autoptr(GError) error = NULL;

  event->customer_id = customer_id;
  event->invoice_id = invoice_id;
  event->kind = KASSA_COLLECTION_PROMISE_TO_PAY;
  event->date = date;
  event->due_by = due_by;
  g_assert_true (kassa_store_add_collection_event (store, event, &error));
  g_assert_no_error (error);
}

static gint64
add_account (KassaStore *store,
             const char *name,
             gboolean    archived)
{
  g_autoptr(KassaCashAccount) account = kassa_cash_account_new ();
  g_autoptr(GError) error = NULL;

  g_free (account->name);
  account->name = g_strdup (name);
  account->kind = KASSA_CASH_ACCOUNT_CASH;
  account->archived = archived;
  g_assert_true (kassa_store_save_cash_account (store, account, &error));
  g_assert_no_error (error);
  return account->id;
}

static void
set_balance (KassaStore *store,
             gint64      account_id,
             KassaDay    day,
             gint64      balance)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kassa_store_set_cash_balance (store, account_id, day, balance, &error));
  g_assert_no_error (error);
}

static void
add_item (KassaStore      *store,
          const char      *name,
          gboolean         inflow,
          gint64           amount,
          KassaRecurrence  recurrence,
          KassaDay         start,
          KassaDay         end)
{
  g_autoptr(KassaScheduledItem) item = kassa_scheduled_item_new ();
  g_autoptr(GError) error = NULL;

  g_free (item->name);
  item->name = g_strdup (name);
  item->category = inflow ? KASSA_CATEGORY_OTHER_IN : KASSA_CATEGORY_OTHER_OUT;
  item->inflow = inflow;
  item->amount = amount;
  item->recurrence = recurrence;
  item->start_date = start;
  item->end_date = end;
  g_assert_true (kassa_store_save_scheduled_item (store, item, &error));
  g_assert_no_error (error);
}

static KassaForecast *
compute (Fixture             *f,
         const KassaScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  KassaForecast *forecast = kassa_forecast_compute (f->store, f->today, scenario, &error);

  g_assert_no_error (error);
  g_assert_nonnull (forecast);
  return forecast;
}

static const KassaForecastPeriod *
week (const KassaForecast *forecast,
      guint                i)
{
  return &g_array_index (forecast->weeks, KassaForecastPeriod, i);
}

static const KassaForecastPeriod *
month (const KassaForecast *forecast,
       guint                i)
{
  return &g_array_index (forecast->months, KassaForecastPeriod, i);
}

/* Every period adds up, follows the one before, and its lowest is the
 * lowest of its days. */
static void
assert_periods_consistent (const KassaForecast *forecast,
                           GArray              *periods)
{
  gint64 opening = forecast->opening.opening_balance;
  KassaDay start = forecast->today;

  for (guint i = 0; i < periods->len; i++)
    {
      const KassaForecastPeriod *p = &g_array_index (periods, KassaForecastPeriod, i);
      gint64 lowest = G_MAXINT64;

      g_assert_cmpint (p->start, ==, start);
      g_assert_cmpint (p->opening, ==, opening);
      g_assert_cmpint (p->closing, ==, p->opening + p->receipts_invoices + p->receipts_sales
                                       + p->scheduled_in - p->scheduled_out);
      g_assert_cmpint (p->closing, ==, forecast->daily_closing[p->end - forecast->today]);
      for (KassaDay d = p->start; d <= p->end; d++)
        lowest = MIN (lowest, forecast->daily_closing[d - forecast->today]);
      g_assert_cmpint (p->lowest, ==, lowest);
      opening = p->closing;
      start = p->end + 1;
    }
}

static void
assert_period (const KassaForecastPeriod *p,
               KassaDay                   start,
               KassaDay                   end,
               gint64                     opening,
               gint64                     invoices,
               gint64                     sales,
               gint64                     out,
               gint64                     closing,
               gint64                     lowest)
{
  g_assert_cmpint (p->start, ==, start);
  g_assert_cmpint (p->end, ==, end);
  g_assert_cmpint (p->opening, ==, opening);
  g_assert_cmpint (p->receipts_invoices, ==, invoices);
  g_assert_cmpint (p->receipts_sales, ==, sales);
  g_assert_cmpint (p->scheduled_in, ==, 0);
  g_assert_cmpint (p->scheduled_out, ==, out);
  g_assert_cmpint (p->closing, ==, closing);
  g_assert_cmpint (p->lowest, ==, lowest);
}

/* Recurrences */

typedef struct
{
  const char      *name;
  KassaRecurrence  recurrence;
  int              start[3];
  int              end[3];       /* { 0 } = open-ended */
  int              from[3];
  int              to[3];
  int              expected[8][3]; /* up to the first { 0 } */
} RecurrenceCase;

static const RecurrenceCase recurrence_cases[] = {
  { "monthly from Jan 31 keeps the 31st where it can", KASSA_SCHEDULE_MONTHLY,
    { 2026, 1, 31 }, { 0 }, { 2026, 1, 1 }, { 2026, 6, 30 },
    { { 2026, 1, 31 }, { 2026, 2, 28 }, { 2026, 3, 31 }, { 2026, 4, 30 }, { 2026, 5, 31 },
      { 2026, 6, 30 } } },
  { "monthly from Jan 31 in a leap year", KASSA_SCHEDULE_MONTHLY,
    { 2024, 1, 31 }, { 0 }, { 2024, 2, 1 }, { 2024, 3, 31 },
    { { 2024, 2, 29 }, { 2024, 3, 31 } } },
  { "quarterly from Nov 30", KASSA_SCHEDULE_QUARTERLY,
    { 2025, 11, 30 }, { 0 }, { 2025, 11, 1 }, { 2026, 12, 31 },
    { { 2025, 11, 30 }, { 2026, 2, 28 }, { 2026, 5, 30 }, { 2026, 8, 30 }, { 2026, 11, 30 } } },
  { "yearly from Feb 29: Feb 28 in common years", KASSA_SCHEDULE_YEARLY,
    { 2024, 2, 29 }, { 0 }, { 2024, 1, 1 }, { 2028, 12, 31 },
    { { 2024, 2, 29 }, { 2025, 2, 28 }, { 2026, 2, 28 }, { 2027, 2, 28 }, { 2028, 2, 29 } } },
  { "weekly with an end date, from the middle", KASSA_SCHEDULE_WEEKLY,
    { 2026, 11, 2 }, { 2026, 11, 30 }, { 2026, 11, 10 }, { 2026, 12, 31 },
    { { 2026, 11, 16 }, { 2026, 11, 23 }, { 2026, 11, 30 } } },
  { "monthly with an end date", KASSA_SCHEDULE_MONTHLY,
    { 2026, 1, 15 }, { 2026, 3, 20 }, { 2026, 1, 1 }, { 2026, 12, 31 },
    { { 2026, 1, 15 }, { 2026, 2, 15 }, { 2026, 3, 15 } } },
  { "once, inside", KASSA_SCHEDULE_ONCE,
    { 2026, 12, 15 }, { 0 }, { 2026, 12, 1 }, { 2026, 12, 31 },
    { { 2026, 12, 15 } } },
  { "once, before the range", KASSA_SCHEDULE_ONCE,
    { 2026, 12, 15 }, { 0 }, { 2026, 12, 16 }, { 2026, 12, 31 },
    { { 0 } } },
  { "yearly, range before the start", KASSA_SCHEDULE_YEARLY,
    { 2027, 3, 1 }, { 0 }, { 2026, 1, 1 }, { 2026, 12, 31 },
    { { 0 } } },
  { "monthly started years ago", KASSA_SCHEDULE_MONTHLY,
    { 2019, 8, 31 }, { 0 }, { 2026, 11, 24 }, { 2027, 1, 31 },
    { { 2026, 11, 30 }, { 2026, 12, 31 }, { 2027, 1, 31 } } },
};

static KassaDay
case_day (const int date[3])
{
  return date[0] == 0 ? 0 : ymd (date[0], date[1], date[2]);
}

static void
test_recurrences (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (recurrence_cases); c++)
    {
      const RecurrenceCase *rc = &recurrence_cases[c];
      KassaScheduledItem item = {
        .name = (char *) rc->name, .amount = 100, .recurrence = rc->recurrence,
        .start_date = case_day (rc->start), .end_date = case_day (rc->end),
      };
      g_autoptr(GArray) days = kassa_schedule_occurrences (&item, case_day (rc->from),
                                                            case_day (rc->to));
      guint n = 0;

      g_test_message ("%s", rc->name);
      while (n < G_N_ELEMENTS (rc->expected) && rc->expected[n][0] != 0)
        n++;
      g_assert_cmpuint (days->len, ==, n);
      for (guint i = 0; i < n; i++)
        g_assert_cmpint (g_array_index (days, KassaDay, i), ==, case_day (rc->expected[i]));
    }
}

/* Opening balance */

/* Accounts: Bank 4,000.00 on Nov 1 and 5,000.00 on Nov 18 (and 9,999.99
 * on Nov 30, after today: ignored), Cash 200.00 on Nov 10, an archived
 * account (left out).  Newest balance day Nov 18, oldest Nov 10.
 * Movements after Nov 18 up to T: payments 222.22 (Nov 19) and 333.33
 * (T), not 111.11 (Nov 15, before) nor 444.44 (Nov 26, after today); a
 * grant of 1,000.00 on Nov 21; the monthly rent on the 18th falls on the
 * balance day itself (already in the balance) and on Dec 18.
 * Opening = 5,000.00 + 200.00 + 222.22 + 333.33 + 1,000.00 = 6,755.55. */
static void
test_opening_balance (Fixture       *f,
                      gconstpointer  data)
{
  KassaForecastOpening opening;
  g_autoptr(GError) error = NULL;
  gint64 bank, cash, old, customer, invoice;

  g_assert_true (kassa_forecast_opening_balance (f->store, f->today, &opening, &error));
  g_assert_no_error (error);
  g_assert_false (opening.has_balance);
  g_assert_cmpint (opening.opening_balance, ==, 0);
  g_assert_cmpint (opening.balance_date, ==, 0);

  bank = add_account (f->store, "Bank", FALSE);
  cash = add_account (f->store, "Cash", FALSE);
  old = add_account (f->store, "Old", TRUE);
  set_balance (f->store, bank, ymd (2026, 11, 1), 400000);
  set_balance (f->store, bank, ymd (2026, 11, 18), 500000);
  set_balance (f->store, bank, ymd (2026, 11, 30), 999999);
  set_balance (f->store, cash, ymd (2026, 11, 10), 20000);
  set_balance (f->store, old, ymd (2026, 11, 20), 777777);

  customer = add_customer (f->store);
  invoice = add_invoice (f->store, customer, ymd (2026, 11, 2), ymd (2026, 11, 16), 1000000);
  pay (f->store, invoice, ymd (2026, 11, 15), 11111);
  pay (f->store, invoice, ymd (2026, 11, 19), 22222);
  pay (f->store, invoice, f->today, 33333);
  pay (f->store, invoice, ymd (2026, 11, 26), 44444);
  add_item (f->store, "Grant", TRUE, 100000, KASSA_SCHEDULE_ONCE, ymd (2026, 11, 21), 0);
  add_item (f->store, "Rent", FALSE, 50000, KASSA_SCHEDULE_MONTHLY, ymd (2026, 10, 18), 0);

  g_assert_true (kassa_forecast_opening_balance (f->store, f->today, &opening, &error));
  g_assert_no_error (error);
  g_assert_true (opening.has_balance);
  g_assert_cmpint (opening.balance_date, ==, ymd (2026, 11, 10));
  g_assert_cmpint (opening.opening_balance, ==, 675555);
}

/* The small company */

/* No sales history (every invoice is issued this month, so the sales
 * forecast is 0 and what is invoiced this month is more than it: no future
 * sales) and no paid invoice (the company's days late are 0):
 * - I1 1,000.00 due Nov 16, overdue: expected T + 7 = Dec 1;
 * - I2 2,000.00 due Nov 17, 500.00 paid Nov 22, promised on Nov 20 for
 *   Dec 10: 1,500.00 on Dec 10;
 * - I3 3,000.00 disputed: left out.
 * Bank 10,000.00 on Nov 20; + 500.00 (Nov 22) − Supplier 300.10 (Nov 23):
 * opening 10,199.90.  Supplier 300.10 weekly on Mondays from Nov 2; Rent
 * 2,000.00 monthly from Jan 31 (Nov 30, Dec 31, Jan 31, Feb 28 …). */
static void
build_small_company (Fixture *f)
{
  gint64 customer = add_customer (f->store);
  gint64 bank = add_account (f->store, "Bank", FALSE);
  gint64 i2, i3;
  g_autoptr(GError) error = NULL;

  add_invoice (f->store, customer, ymd (2026, 11, 2), ymd (2026, 11, 16), 100000);
  i2 = add_invoice (f->store, customer, ymd (2026, 11, 3), ymd (2026, 11, 17), 200000);
  i3 = add_invoice (f->store, customer, ymd (2026, 11, 5), ymd (2026, 11, 19), 300000);
  pay (f->store, i2, ymd (2026, 11, 22), 50000);
  promise (f->store, customer, i2, ymd (2026, 11, 20), ymd (2026, 12, 10));
  g_assert_true (kassa_store_set_invoice_disputed (f->store, i3, TRUE, &error));
  g_assert_no_error (error);

  set_balance (f->store, bank, ymd (2026, 11, 20), 1000000);
  add_item (f->store, "Supplier", FALSE, 30010, KASSA_SCHEDULE_WEEKLY, ymd (2026, 11, 2), 0);
  add_item (f->store, "Rent", FALSE, 200000, KASSA_SCHEDULE_MONTHLY, ymd (2026, 1, 31), 0);
}

/* Weeks (S = 300.10, R = 2,000.00):
 *   W1 Nov 24–30: out S + R = 2,300.10, closing 7,899.80
 *   W2 Dec 1–7: I1 1,000.00, out S: closing 8,599.70; lowest on Dec 7
 *   W3 Dec 8–14: I2 1,500.00, out S: closing 9,799.60; lowest 8,599.70
 *   W13 Feb 16–22: closing = 10,199.90 + 2,500.00 − 13 S − 3 R = 2,798.60
 * Months: Nov 24–30 as W1; December: 2,500.00 in, 4 S + R = 3,200.40 out,
 * closing 7,199.40 (on Dec 31, its lowest); January 4 S + R: 3,999.00. */
static void
test_small_company (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KassaForecast) forecast = NULL;

  build_small_company (f);
  forecast = compute (f, NULL);

  g_assert_cmpint (forecast->today, ==, f->today);
  g_assert_cmpint (forecast->horizon_days, ==, 371);
  g_assert_true (forecast->opening.has_balance);
  g_assert_cmpint (forecast->opening.balance_date, ==, ymd (2026, 11, 20));
  g_assert_cmpint (forecast->opening.opening_balance, ==, 1019990);
  g_assert_cmpint (forecast->disputed_excluded, ==, 300000);
  g_assert_cmpuint (forecast->weeks->len, ==, 13);
  g_assert_cmpuint (forecast->months->len, ==, 12);

  assert_period (week (forecast, 0), f->today, ymd (2026, 11, 30),
                 1019990, 0, 0, 230010, 789980, 789980);
  assert_period (week (forecast, 1), ymd (2026, 12, 1), ymd (2026, 12, 7),
                 789980, 100000, 0, 30010, 859970, 859970);
  assert_period (week (forecast, 2), ymd (2026, 12, 8), ymd (2026, 12, 14),
                 859970, 150000, 0, 30010, 979960, 859970);
  g_assert_cmpint (week (forecast, 12)->start, ==, ymd (2027, 2, 16));
  g_assert_cmpint (week (forecast, 12)->end, ==, ymd (2027, 2, 22));
  g_assert_cmpint (week (forecast, 12)->closing, ==, 279860);
  g_assert_cmpint (forecast->lowest_day, ==, ymd (2027, 2, 22));
  g_assert_cmpint (forecast->lowest_balance, ==, 279860);

  assert_period (month (forecast, 0), f->today, ymd (2026, 11, 30),
                 1019990, 0, 0, 230010, 789980, 789980);
  assert_period (month (forecast, 1), ymd (2026, 12, 1), ymd (2026, 12, 31),
                 789980, 250000, 0, 320040, 719940, 719940);
  assert_period (month (forecast, 2), ymd (2027, 1, 1), ymd (2027, 1, 31),
                 719940, 0, 0, 320040, 399900, 399900);
  g_assert_cmpint (month (forecast, 11)->start, ==, ymd (2027, 10, 1));
  g_assert_cmpint (month (forecast, 11)->end, ==, ymd (2027, 10, 31));

  /* Day by day: the Dec 1 receipt, the Nov 30 outflows. */
  g_assert_cmpint (forecast->daily_in[7], ==, 100000);
  g_assert_cmpint (forecast->daily_out[6], ==, 230010);
  g_assert_cmpint (forecast->daily_closing[6], ==, 789980);
  assert_periods_consistent (forecast, forecast->weeks);
  assert_periods_consistent (forecast, forecast->months);

  /* No buffer: never below it. */
  g_assert_cmpint (forecast->minimum_buffer, ==, 0);
  g_assert_cmpint (forecast->first_below_buffer, ==, 0);
  g_assert_null (forecast->below_buffer_cause);
}

/* Scenarios */

typedef struct
{
  const char *name;
  gint        sales_bp;
  gint        delay;
  gint        cost_bp;
  gint64      w1_invoices, w1_out, w1_closing;
  gint64      w2_invoices, w2_closing;
  gint64      w3_invoices, w3_closing;
} ScenarioCase;

/* Pessimistic: S × 1.05 = 315.105 → 315.11, R 2,100.00; I1 on Dec 11, I2
 * on Dec 20.  W1 out 2,415.11 → 7,784.79; W2 out S: 7,469.68; W3 I1 in,
 * S out: 8,154.57.
 * Costs −5 %: S × 0.95 = 285.095 → 285.10 (half away from zero), R
 * 1,900.00: W1 out 2,185.10 → 8,014.80; W2 +1,000.00 − 285.10: 8,729.70;
 * W3 +1,500.00 − 285.10: 9,944.60.
 * Customers pay 30 days earlier: both receipts come today (never
 * before): W1 +2,500.00 − 2,300.10 → 10,399.80; W2 −300.10 → 10,099.70;
 * W3 −300.10 → 9,799.60 (as the base). */
static const ScenarioCase scenario_cases[] = {
  { "pessimistic", -1500, 10, 500, 0, 241511, 778479, 0, 746968, 100000, 815457 },
  { "costs -5 %", 0, 0, -500, 0, 218510, 801480, 100000, 872970, 150000, 994460 },
  { "30 days earlier", 0, -30, 0, 250000, 230010, 1039980, 0, 1009970, 0, 979960 },
};

static void
test_scenarios (Fixture       *f,
                gconstpointer  data)
{
  build_small_company (f);

  for (guint c = 0; c < G_N_ELEMENTS (scenario_cases); c++)
    {
      const ScenarioCase *sc = &scenario_cases[c];
      KassaScenario scenario = { 0, (char *) sc->name, sc->sales_bp, sc->delay, sc->cost_bp };
      g_autoptr(KassaForecast) forecast = compute (f, &scenario);

      g_test_message ("%s", sc->name);
      g_assert_cmpint (forecast->opening.opening_balance, ==, 1019990);
      g_assert_cmpint (week (forecast, 0)->receipts_invoices, ==, sc->w1_invoices);
      g_assert_cmpint (week (forecast, 0)->scheduled_out, ==, sc->w1_out);
      g_assert_cmpint (week (forecast, 0)->closing, ==, sc->w1_closing);
      g_assert_cmpint (week (forecast, 1)->receipts_invoices, ==, sc->w2_invoices);
      g_assert_cmpint (week (forecast, 1)->closing, ==, sc->w2_closing);
      g_assert_cmpint (week (forecast, 2)->receipts_invoices, ==, sc->w3_invoices);
      g_assert_cmpint (week (forecast, 2)->closing, ==, sc->w3_closing);
      g_assert_cmpint (week (forecast, 0)->receipts_sales, ==, 0);
      assert_periods_consistent (forecast, forecast->weeks);
      assert_periods_consistent (forecast, forecast->months);
    }
}

/* The buffer */

typedef struct
{
  gint64      buffer;
  int         below[3];
  const char *cause;
} BufferCase;

/* Closing balances: 10,199.90 now; 7,899.80 on Nov 30 (S and R);
 * 7,199.40 on Dec 31 (R); 6,899.30 on Jan 4 (S). */
static const BufferCase buffer_cases[] = {
  { 700000, { 2027, 1, 4 },
    "Paying Rent (€2,000.00) on 2026-12-31 and Supplier (€300.10) on 2027-01-04 takes the "
    "balance under the minimum of €7,000.00." },
  { 800000, { 2026, 11, 30 },
    "Paying Rent (€2,000.00) and Supplier (€300.10) on 2026-11-30 takes the balance under "
    "the minimum of €8,000.00." },
  { 1020000, { 2026, 11, 24 },
    "Cash now (€10,199.90) is under the minimum of €10,200.00." },
};

static void
test_buffer (Fixture       *f,
             gconstpointer  data)
{
  build_small_company (f);

  for (guint c = 0; c < G_N_ELEMENTS (buffer_cases); c++)
    {
      const BufferCase *bc = &buffer_cases[c];
      g_autoptr(KassaForecast) forecast = NULL;

      set_buffer (f->store, bc->buffer);
      forecast = compute (f, NULL);
      g_assert_cmpint (forecast->minimum_buffer, ==, bc->buffer);
      g_assert_cmpint (forecast->first_below_buffer, ==, case_day (bc->below));
      g_assert_cmpstr (forecast->below_buffer_cause, ==, bc->cause);
    }
}

/* One outflow alone: 1,000.00 today, Tax 600.00 once on Dec 5 → 400.00,
 * under the 500.00 minimum on Dec 5.  Without any balance entered there
 * is no warning at all. */
static void
test_buffer_single_outflow (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KassaForecast) without = NULL;
  g_autoptr(KassaForecast) forecast = NULL;

  set_buffer (f->store, 50000);
  add_item (f->store, "Tax", FALSE, 60000, KASSA_SCHEDULE_ONCE, ymd (2026, 12, 5), 0);
  without = compute (f, NULL);
  g_assert_false (without->opening.has_balance);
  g_assert_cmpint (without->first_below_buffer, ==, 0);
  g_assert_null (without->below_buffer_cause);

  set_balance (f->store, add_account (f->store, "Bank", FALSE), f->today, 100000);
  forecast = compute (f, NULL);
  g_assert_cmpint (forecast->first_below_buffer, ==, ymd (2026, 12, 5));
  g_assert_cmpstr (forecast->below_buffer_cause, ==,
                   "Paying Tax (€600.00) on 2026-12-05 takes the balance under the minimum of "
                   "€500.00.");
  g_assert_cmpint (forecast->lowest_balance, ==, 40000);
  g_assert_cmpint (forecast->lowest_day, ==, ymd (2026, 12, 5));
}

/* Future sales */

#define MONTHLY_SALES G_GINT64_CONSTANT (10000000)
#define NOVEMBER_SALES G_GINT64_CONSTANT (3000000)

/* 25 complete months of flat sales, 100,000.00 issued on the 1st of each
 * month Oct 2024 … Oct 2026, and 30,000.00 on Nov 1, 2026 (invoiced this
 * month), each paid 20 days after its issue: the average days to pay is
 * 20.  No open invoice; the bank holds 0.00 today.  The monthly sales
 * forecast is kassa-sales-forecast.c's (it weighs working days, so the
 * months differ): the test takes its months as given and works the
 * spreading out from them. */
static void
build_sales_company (Fixture *f)
{
  gint64 customer = add_customer (f->store);
  KassaDay issue = ymd (2024, 10, 1);

  for (guint m = 0; m < 25; m++, issue = kassa_day_add_months (issue, 1))
    pay (f->store, add_invoice (f->store, customer, issue, issue + 14, MONTHLY_SALES),
         issue + 20, MONTHLY_SALES);
  pay (f->store, add_invoice (f->store, customer, issue, issue + 14, NOVEMBER_SALES),
       issue + 20, NOVEMBER_SALES);
  set_balance (f->store, add_account (f->store, "Bank", FALSE), f->today, 0);
}

/* Day i's part of amount spread over n days: the remainder's cents go one
 * each to the first days. */
static gint64
share (gint64 amount,
       gint   n,
       gint   i)
{
  return amount / n + (i < amount % n ? 1 : 0);
}

static gint64
shares (gint64 amount,
        gint   n,
        gint   first,
        gint   last)
{
  gint64 sum = 0;

  for (gint i = first; i <= last; i++)
    sum += share (amount, n, i);
  return sum;
}

/* A month's forecast changed by bp, half away from zero (amount ≥ 0). */
static gint64
changed (gint64 amount,
         gint   bp)
{
  return (amount * (10000 + bp) + 5000) / 10000;
}

/* With N = November's forecast − 30,000.00 spread over Nov 24–30 (7 days),
 * D = December's over 31 days and J = January's, each day's invoicing
 * received 20 (+ delay) days later:
 *   W3 (Dec 8–14) gets Nov 24's part (Dec 14); W4 (Dec 15–21) Nov 25–30's
 *   and Dec 1's; W5 (Dec 22–28) Dec 2–8's.  December gets all of N and
 *   Dec 1–11's parts; January Dec 12–31's and Jan 1–11's.
 * Customers 10 days later: Nov 24 is received on Dec 24, so W3 and W4
 * get nothing and W5 Nov 24–28's parts. */
static void
test_future_sales (Fixture       *f,
                   gconstpointer  data)
{
  gint64 months[13];
  g_autoptr(GError) error = NULL;

  build_sales_company (f);
  g_assert_true (kassa_sales_forecast (f->store, f->today, G_N_ELEMENTS (months), months, &error));
  g_assert_no_error (error);
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    g_assert_cmpint (months[m], >, NOVEMBER_SALES);

  for (gint bp = 0; bp >= -1500; bp -= 1500)
    {
      KassaScenario scenario = { 0, (char *) "sales", bp, 0, 0 };
      g_autoptr(KassaForecast) forecast = compute (f, &scenario);
      gint64 n = changed (months[0], bp) - NOVEMBER_SALES;
      gint64 d = changed (months[1], bp);
      gint64 j = changed (months[2], bp);

      g_test_message ("sales change %d bp: N %" G_GINT64_FORMAT, bp, n);
      g_assert_cmpint (forecast->opening.opening_balance, ==, 0);
      g_assert_cmpint (week (forecast, 0)->receipts_sales, ==, 0);
      g_assert_cmpint (week (forecast, 1)->receipts_sales, ==, 0);
      g_assert_cmpint (week (forecast, 2)->receipts_sales, ==, share (n, 7, 0));
      g_assert_cmpint (week (forecast, 3)->receipts_sales, ==,
                       shares (n, 7, 1, 6) + share (d, 31, 0));
      g_assert_cmpint (week (forecast, 4)->receipts_sales, ==, shares (d, 31, 1, 7));
      g_assert_cmpint (month (forecast, 0)->receipts_sales, ==, 0);
      g_assert_cmpint (month (forecast, 1)->receipts_sales, ==, n + shares (d, 31, 0, 10));
      g_assert_cmpint (month (forecast, 2)->receipts_sales, ==,
                       shares (d, 31, 11, 30) + shares (j, 31, 0, 10));
      g_assert_cmpint (week (forecast, 2)->receipts_invoices, ==, 0);
      assert_periods_consistent (forecast, forecast->weeks);
      assert_periods_consistent (forecast, forecast->months);
    }

  {
    KassaScenario later = { 0, (char *) "later", 0, 10, 0 };
    g_autoptr(KassaForecast) forecast = compute (f, &later);
    gint64 n = months[0] - NOVEMBER_SALES;

    g_assert_cmpint (week (forecast, 2)->receipts_sales, ==, 0);
    g_assert_cmpint (week (forecast, 3)->receipts_sales, ==, 0);
    g_assert_cmpint (week (forecast, 4)->receipts_sales, ==, shares (n, 7, 0, 4));
  }
}

/* The average days to pay is per settled invoice (kassa-forecast.c):
 * the sales company again, but each 100,000.00 invoice paid in halves,
 * 10 and 30 days after its issue (settled at 30), and November's
 * 30,000.00 in full after 20 days.  Settled in (Nov 24, 2025, Nov 24,
 * 2026]: the invoices of Nov 2025 … Oct 2026 (Oct 2025's settled on
 * Oct 31, 2025) and November's, so
 *   D = (12 × 100,000.00 × 30 + 30,000.00 × 20) ÷ 1,230,000.00
 *     = 3,660 ÷ 123 = 29.76 → 30 days,
 * where the old per-payment average was 20: the payments in the window
 * are Nov 2025's second half (30 days), both halves of Dec 2025 … Oct
 * 2026 (10 and 30) and November's 20, (50,000.00 × 30 + 11 × 50,000.00 ×
 * 40 + 30,000.00 × 20) ÷ 1,180,000.00 = 2,410 ÷ 118 = 20.42 → 20.
 * Nov 24's invoicing (the first day's share of N, N = November's
 * forecast − 30,000.00 over 7 days) is received on Dec 24 (T + 30), and
 * nothing comes before: there is no open invoice.  W5 (Dec 22–28) gets
 * Nov 24–28's shares. */
static void
test_days_to_pay_per_invoice (Fixture       *f,
                              gconstpointer  data)
{
  gint64 customer = add_customer (f->store);
  KassaDay issue = ymd (2024, 10, 1);
  g_autoptr(KassaForecast) forecast = NULL;
  g_autoptr(GError) error = NULL;
  gint64 months[1];
  gint64 n;

  for (guint m = 0; m < 25; m++, issue = kassa_day_add_months (issue, 1))
    {
      gint64 invoice = add_invoice (f->store, customer, issue, issue + 14, MONTHLY_SALES);

      pay (f->store, invoice, issue + 10, MONTHLY_SALES / 2);
      pay (f->store, invoice, issue + 30, MONTHLY_SALES / 2);
    }
  pay (f->store, add_invoice (f->store, customer, issue, issue + 14, NOVEMBER_SALES),
       issue + 20, NOVEMBER_SALES);
  set_balance (f->store, add_account (f->store, "Bank", FALSE), f->today, 0);

  g_assert_true (kassa_sales_forecast (f->store, f->today, G_N_ELEMENTS (months), months, &error));
  g_assert_no_error (error);
  n = months[0] - NOVEMBER_SALES;
  g_assert_cmpint (n, >, 0);

  forecast = compute (f, NULL);
  for (gint i = 0; i < 30; i++)
    g_assert_cmpint (forecast->daily_in[i], ==, 0);
  g_assert_cmpint (forecast->daily_in[30], ==, share (n, 7, 0));
  g_assert_cmpint (week (forecast, 4)->receipts_sales, ==, shares (n, 7, 0, 4));
}

/* Sales already invoiced beyond the month's forecast: nothing more this
 * month (never negative).  The small company's invoices are all from this
 * month, so its sales forecast is 0 (no complete month of history). */
static void
test_sales_never_negative (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(KassaForecast) forecast = NULL;
  gint64 months[13];
  g_autoptr(GError) error = NULL;

  build_small_company (f);
  g_assert_true (kassa_sales_forecast (f->store, f->today, G_N_ELEMENTS (months), months, &error));
  g_assert_no_error (error);
  g_assert_cmpint (months[0], ==, 0);
  forecast = compute (f, NULL);
  for (gint i = 0; i < forecast->horizon_days; i++)
    g_assert_cmpint (forecast->daily_in[i], >=, 0);
  for (guint m = 0; m < forecast->months->len; m++)
    g_assert_cmpint (month (forecast, m)->receipts_sales, ==, 0);
}

/* A leap-year horizon: today Feb 10, 2028.  The first month is Feb 10–29
 * (with Rent, monthly from Jan 31, and Insurance, yearly from Feb 29,
 * 2024, both on Feb 29), the twelfth January 2029; the 13th week ends on
 * May 10 (T + 90); the horizon's last day is Feb 14, 2029 (T + 370), so
 * the insurance's next day (Feb 28, 2029) is beyond it and the rent falls
 * 12 times (Feb 29, 2028 … Jan 31, 2029). */
static void
test_leap_year (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KassaForecast) forecast = NULL;

  f->today = ymd (2028, 2, 10);
  set_balance (f->store, add_account (f->store, "Bank", FALSE), f->today, 1000000);
  add_item (f->store, "Rent", FALSE, 100000, KASSA_SCHEDULE_MONTHLY, ymd (2028, 1, 31), 0);
  add_item (f->store, "Insurance", FALSE, 5000, KASSA_SCHEDULE_YEARLY, ymd (2024, 2, 29), 0);
  forecast = compute (f, NULL);

  assert_period (month (forecast, 0), f->today, ymd (2028, 2, 29), 1000000, 0, 0, 105000, 895000,
                 895000);
  assert_period (month (forecast, 1), ymd (2028, 3, 1), ymd (2028, 3, 31), 895000, 0, 0, 100000,
                 795000, 795000);
  g_assert_cmpint (month (forecast, 11)->start, ==, ymd (2029, 1, 1));
  g_assert_cmpint (month (forecast, 11)->end, ==, ymd (2029, 1, 31));
  g_assert_cmpint (week (forecast, 12)->end, ==, ymd (2028, 5, 10));
  g_assert_cmpint (forecast->daily_closing[370], ==, 1000000 - 12 * 100000 - 5000);
  g_assert_cmpint (forecast->daily_out[ymd (2028, 2, 29) - f->today], ==, 105000);
  assert_periods_consistent (forecast, forecast->weeks);
  assert_periods_consistent (forecast, forecast->months);
}

/* The snapshot: the 13 weeks with the customers' receipts, the outflows
 * and the closing balance. */
static void
test_snapshot (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KassaForecast) forecast = NULL;
  g_autoptr(KassaForecastSnapshot) snapshot = NULL;
  g_autoptr(KassaForecastSnapshot) base = NULL;
  const KassaSnapshotWeek *w;

  build_small_company (f);
  forecast = compute (f, NULL);
  snapshot = kassa_forecast_to_snapshot (forecast, "Pessimistic");
  base = kassa_forecast_to_snapshot (forecast, NULL);

  g_assert_cmpint (snapshot->id, ==, 0);
  g_assert_cmpint (snapshot->created_on, ==, f->today);
  g_assert_cmpstr (snapshot->scenario_name, ==, "Pessimistic");
  g_assert_cmpstr (base->scenario_name, ==, "");
  g_assert_cmpuint (snapshot->weeks->len, ==, 13);
  w = &g_array_index (snapshot->weeks, KassaSnapshotWeek, 1);
  g_assert_cmpint (w->week_start, ==, ymd (2026, 12, 1));
  g_assert_cmpint (w->receipts, ==, 100000);
  g_assert_cmpint (w->outflows, ==, 30010);
  g_assert_cmpint (w->closing_balance, ==, 859970);
  w = &g_array_index (snapshot->weeks, KassaSnapshotWeek, 12);
  g_assert_cmpint (w->week_start, ==, ymd (2027, 2, 16));
  g_assert_cmpint (w->closing_balance, ==, 279860);
}

int
main (int    argc,
      char **argv)
{
  /* English messages and formats for the cause texts. */
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/forecast/recurrences", test_recurrences);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/forecast/opening-balance", test_opening_balance);
  ADD ("/forecast/small-company", test_small_company);
  ADD ("/forecast/scenarios", test_scenarios);
  ADD ("/forecast/buffer", test_buffer);
  ADD ("/forecast/buffer-single-outflow", test_buffer_single_outflow);
  ADD ("/forecast/future-sales", test_future_sales);
  ADD ("/forecast/days-to-pay-per-invoice", test_days_to_pay_per_invoice);
  ADD ("/forecast/sales-never-negative", test_sales_never_negative);
  ADD ("/forecast/leap-year", test_leap_year);
  ADD ("/forecast/snapshot", test_snapshot);
#undef ADD

  return g_test_run ();
}
