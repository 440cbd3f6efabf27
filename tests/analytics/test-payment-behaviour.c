/* test-payment-behaviour.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Payment behaviour on temporary companies built through the KassaStore
 * API: history statistics, the early warning, expected payment dates, the
 * walk-forward backtest, the risk rule (alone, per customer and for all
 * customers at once, with and without the early warning) and the
 * suggested credit limit, which applying it does not change.
 * Every expected value is worked out by hand in the comments.  Today is
 * 2026-11-24 (T) unless a test says otherwise.
 */
#define G_LOG_DOMAIN "kassa-test-payment-behaviour"

#include "config.h"

#include <locale.h>

#include <sqlite3.h>

#include "kassa-date.h"
#include "kassa-demo.h"
#include "kassa-payment-behaviour.h"
#include "kassa-store-collections.h"
#include "kassa-test-fixture.h"

typedef struct
{
  char       *dir;
  KassaStore *store;
  KassaDay    today;
} Fixture;

/* Fixture and builders */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KassaCompany) company = kassa_company_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kassa-test-behaviour-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "company.kassa", NULL);
  f->store = kassa_store_open (path, &error);
  g_assert_no_error (error);
  f->today = kassa_day_from_ymd (2026, 11, 24);

  company->name = g_strdup ("Testi Oy");
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);
}

/* The demo company makes its own company record. */
static void
fixture_set_up_empty (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kassa-test-behaviour-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "company.kassa", NULL);
  f->store = kassa_store_open (path, &error);
  g_assert_no_error (error);
  f->today = kassa_day_from_ymd (2026, 11, 24);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kassa_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
add_customer_with (KassaStore *store,
                   const char *name,
                   gint        terms,
                   gint64      credit_limit)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  customer->name = g_strdup (name);
  customer->payment_terms_days = terms;
  customer->credit_limit = credit_limit;
  g_assert_true (kassa_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
  return customer->id;
}

static gint64
add_customer (KassaStore *store,
              const char *name)
{
  return add_customer_with (store, name, 14, 0);
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

/* An invoice with 14 days' terms paid in full days_late after its due date. */
static gint64
add_paid (KassaStore *store,
          gint64      customer_id,
          KassaDay    issue_date,
          gint64      amount,
          gint        days_late)
{
  gint64 id = add_invoice (store, customer_id, issue_date, issue_date + 14, amount);

  pay (store, id, issue_date + 14 + days_late, amount);
  return id;
}

static void
add_event (KassaStore          *store,
           gint64               customer_id,
           gint64               invoice_id,
           KassaCollectionKind  kind,
           KassaDay             date,
           KassaDay             due_by)
{
  g_autoptr(KassaCollectionEvent) event = kassa_collection_event_new ();
  g_autoptr(GError) error = NULL;

  event->customer_id = customer_id;
  event->invoice_id = invoice_id;
  event->kind = kind;
  event->date = date;
  event->due_by = due_by;
  g_assert_true (kassa_store_add_collection_event (store, event, &error));
  g_assert_no_error (error);
}

static char *
invoice_number (KassaStore *store,
                gint64      invoice_id)
{
  g_autoptr(KassaInvoiceRecord) invoice = NULL;
  g_autoptr(GError) error = NULL;

  invoice = kassa_store_get_invoice (store, invoice_id, &error);
  g_assert_no_error (error);
  return g_strdup_printf ("%" G_GINT64_FORMAT, invoice->number);
}

static guint
count_customers (KassaStore *store)
{
  sqlite3_stmt *stmt = NULL;
  guint count;

  g_assert_cmpint (sqlite3_prepare_v2 (kassa_store_get_db (store), "SELECT count(*) FROM customers",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static gint64
customer_by_name (KassaStore *store,
                  const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id;

  g_assert_cmpint (sqlite3_prepare_v2 (kassa_store_get_db (store),
                                       "SELECT id FROM customers WHERE name = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

static KassaPaymentBehaviour *
compute (Fixture  *f,
         gint64    customer_id,
         KassaDay  today)
{
  g_autoptr(GError) error = NULL;
  KassaPaymentBehaviour *b = kassa_payment_behaviour_compute (f->store, customer_id, today, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (b);
  return b;
}

/* Least squares */

typedef struct
{
  double y[5];
  guint  n;
  double slope;
} SlopeCase;

static void
test_slope (void)
{
  static const SlopeCase cases[] = {
    { { 0 }, 0, 0 },
    { { 5 }, 1, 0 },
    { { 1, 3 }, 2, 2 },
    { { 10, 7, 4 }, 3, -3 },
    /* x̄ 1.5, ȳ 5: Σ(x − x̄)(y − ȳ) = 7.5 − 2.5 − 2.5 + 7.5 = 10, Σ(x − x̄)² = 5 */
    { { 0, 10, 0, 10 }, 4, 2 },
    /* x̄ 2, ȳ 2.8: −0.4 + 1.8 + 0 − 1.8 + 4.4 = 4, Σ(x − x̄)² = 10 */
    { { 3, 1, 4, 1, 5 }, 5, 0.4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpfloat_with_epsilon (kassa_least_squares_slope (cases[i].y, cases[i].n),
                                    cases[i].slope, 1e-9);
}

static void
test_risk_strings (void)
{
  KassaWarningRule rule;

  kassa_warning_rule_init_default (&rule);
  g_assert_cmpint (rule.recent_count, ==, 3);
  g_assert_cmpint (rule.min_extra_days, ==, 7);
  g_assert_cmpint (rule.min_history, ==, 3);

  g_assert_cmpstr (kassa_risk_class_to_string (KASSA_RISK_A), ==, "A");
  g_assert_cmpstr (kassa_risk_class_to_string (KASSA_RISK_D), ==, "D");
  g_assert_cmpstr (kassa_risk_class_describe (KASSA_RISK_A), ==, "Pays on time");
  g_assert_cmpstr (kassa_risk_class_describe (KASSA_RISK_D), ==, "Serious: do not extend credit");
}

/* History */

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  KassaDay t = f->today;
  gint64 customer = add_customer (f->store, "Maksaja Oy");
  gint64 other = add_customer (f->store, "Muu Oy");
  g_autoptr(KassaPaymentBehaviour) b = NULL;
  g_autoptr(KassaPaymentBehaviour) earlier = NULL;
  g_autoptr(GError) error = NULL;
  gint64 edge, g, a, bb, c, d, e, credited;

  /* Paid 2025-11-24 = T − 365: just outside the window. */
  edge = add_paid (f->store, customer, kassa_day_from_ymd (2025, 10, 31), 7000, 10);
  /* D: paid 2025-11-20, before the window; G: paid 2025-11-25, inside. */
  d = add_paid (f->store, customer, kassa_day_from_ymd (2025, 10, 1), 40000, 36);
  g = add_paid (f->store, customer, kassa_day_from_ymd (2025, 11, 1), 20000, 10);
  /* A: 20 days to pay, 6 late. */
  a = add_paid (f->store, customer, kassa_day_from_ymd (2026, 1, 10), 10000, 6);
  /* B: two parts, the second settles it on 03-25: 24 days to pay, 10 late. */
  bb = add_invoice (f->store, customer, kassa_day_from_ymd (2026, 3, 1), kassa_day_from_ymd (2026, 3, 15), 30000);
  pay (f->store, bb, kassa_day_from_ymd (2026, 3, 10), 10000);
  pay (f->store, bb, kassa_day_from_ymd (2026, 3, 25), 20000);
  /* C: early, 12 days to pay, −2 late. */
  c = add_paid (f->store, customer, kassa_day_from_ymd (2026, 5, 1), 60000, -2);
  /* E: open, partly paid, not yet due. */
  e = add_invoice (f->store, customer, kassa_day_from_ymd (2026, 11, 10), kassa_day_from_ymd (2026, 12, 10), 50000);
  pay (f->store, e, kassa_day_from_ymd (2026, 11, 20), 20000);
  /* Credited (and its credit note): no history, nets out of the sales. */
  credited = add_invoice (f->store, customer, kassa_day_from_ymd (2026, 6, 1), kassa_day_from_ymd (2026, 6, 15), 99900);
  kassa_store_credit_invoice (f->store, credited, kassa_day_from_ymd (2026, 6, 5), &error);
  g_assert_no_error (error);
  /* Another customer's invoice is not this one's history. */
  add_paid (f->store, other, kassa_day_from_ymd (2026, 2, 1), 10000, 50);

  b = compute (f, customer, t);
  g_assert_cmpint (b->customer_id, ==, customer);
  g_assert_cmpint (b->today, ==, t);
  g_assert_cmpuint (b->history->len, ==, 4);
  {
    const gint64 ids[] = { g, a, bb, c };
    const gint to_pay[] = { 24, 20, 24, 12 };
    const gint late[] = { 10, 6, 10, -2 };

    for (guint i = 0; i < 4; i++)
      {
        const KassaPaidInvoice *paid = &g_array_index (b->history, KassaPaidInvoice, i);

        g_assert_cmpint (paid->invoice_id, ==, ids[i]);
        g_assert_cmpint (paid->days_to_pay, ==, to_pay[i]);
        g_assert_cmpint (paid->days_late, ==, late[i]);
        g_assert_cmpint (paid->paid_date, ==, paid->due_date + late[i]);
        g_assert_cmpint (paid->number, >, 0);
      }
    g_assert_cmpint (g_array_index (b->history, KassaPaidInvoice, 2).amount, ==, 30000);
  }

  /* Weights 2 : 1 : 3 : 6 (of 12):
   *   to pay (2 × 24 + 20 + 3 × 24 + 6 × 12) / 12 = 212 / 12
   *   late   (2 × 10 + 6 + 3 × 10 − 6 × 2) / 12 = 44 / 12
   * Trend over 10, 6, 10, −2: (−6 + 0 + 2 − 12) / 5 = −3.2 */
  g_assert_cmpfloat_with_epsilon (b->average_days_to_pay, 212.0 / 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->average_days_late, 44.0 / 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->trend_days, -3.2, 1e-9);
  g_assert_false (b->warning);
  g_assert_null (b->warning_text);

  /* E is open, not yet due: 300.00 open, nothing overdue; 3.67 days late
   * on average is over 3: class B. */
  g_assert_cmpint (b->open, ==, 30000);
  g_assert_cmpint (b->overdue, ==, 0);
  g_assert_cmpint (b->max_days_overdue, ==, 0);
  g_assert_cmpint (b->risk, ==, KASSA_RISK_B);
  g_assert_cmpstr (b->risk_text, ==, "Pays on average 3.7 days late.");

  /* Sales issued after T − 12 months: A, B, C and E (G is older; the
   * credited sale nets to zero): 1,500.00, a month 125.00.  Terms 14 +
   * round (3.67) = 18 days: 12500 × 18 / 30 = 7500; × 1.2 = 9000; rounded
   * up to a whole hundred euros: 100.00. */
  g_assert_cmpint (b->suggested_credit_limit, ==, 10000);
  g_assert_cmpstr (b->suggested_credit_limit_text, ==,
                   "Average monthly sales €125.00 × 18 days (terms 14 + late 4) ÷ 30 × 120 % "
                   "for risk class B by payment behaviour (credit use not counted), "
                   "rounded up to a whole hundred: €100.00.");

  /* As of 2026-03-20 the second part of B was not paid yet, and the window
   * (2025-03-20, 2026-03-20] still holds D and the edge one. */
  earlier = compute (f, customer, kassa_day_from_ymd (2026, 3, 20));
  {
    const gint64 ids[] = { d, edge, g, a };

    g_assert_cmpuint (earlier->history->len, ==, G_N_ELEMENTS (ids));
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      g_assert_cmpint (g_array_index (earlier->history, KassaPaidInvoice, i).invoice_id, ==, ids[i]);
  }
}

/* The company's average days to pay from the expected payments' read, per
 * settled invoice, as of T = 2026-11-24 (window (2025-11-24, T]):
 *   X 100.00 issued 06-01, paid 6 days late: 20 days to pay;
 *   Y 300.00 issued 07-01, 100.00 on 07-05 and 200.00 on 07-31: settled
 *     on 07-31, 30 days (per payment it would be 26.7);
 *   Z 50.00 issued 2025-09-01, paid 2025-10-01: before the window;
 *   W 500.00 issued 11-10, open: the one expected payment.
 * (100.00 × 20 + 300.00 × 30) ÷ 400.00 = 27.5.  As of 2025-09-15 nothing
 * was settled in the window: -1. */
static void
test_company_days_to_pay (Fixture       *f,
                          gconstpointer  data)
{
  gint64 first = add_customer (f->store, "Eka Oy");
  gint64 second = add_customer (f->store, "Toka Oy");
  KassaDay t = kassa_day_from_ymd (2026, 11, 24);
  g_autoptr(GArray) list = NULL;
  g_autoptr(GArray) earlier = NULL;
  g_autoptr(GError) error = NULL;
  double average = 0;
  gint64 y, w;

  add_paid (f->store, first, kassa_day_from_ymd (2026, 6, 1), 10000, 6);
  y = add_invoice (f->store, second, kassa_day_from_ymd (2026, 7, 1), kassa_day_from_ymd (2026, 7, 15), 30000);
  pay (f->store, y, kassa_day_from_ymd (2026, 7, 5), 10000);
  pay (f->store, y, kassa_day_from_ymd (2026, 7, 31), 20000);
  add_paid (f->store, second, kassa_day_from_ymd (2025, 9, 1), 5000, 16);
  w = add_invoice (f->store, first, kassa_day_from_ymd (2026, 11, 10), kassa_day_from_ymd (2026, 11, 24), 50000);

  list = kassa_expected_payments_list_with_average (f->store, t, &average, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_cmpfloat_with_epsilon (average, 27.5, 1e-9);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (g_array_index (list, KassaExpectedPayment, 0).invoice_id, ==, w);
  g_assert_cmpint (g_array_index (list, KassaExpectedPayment, 0).open, ==, 50000);

  earlier = kassa_expected_payments_list_with_average (f->store, kassa_day_from_ymd (2025, 9, 15),
                                                       &average, &error);
  g_assert_no_error (error);
  g_assert_nonnull (earlier);
  g_assert_cmpfloat (average, ==, -1);
}

static void
test_no_history (Fixture       *f,
                 gconstpointer  data)
{
  gint64 customer = add_customer (f->store, "Uusi Oy");
  g_autoptr(KassaPaymentBehaviour) b = compute (f, customer, f->today);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (b->history->len, ==, 0);
  g_assert_cmpfloat (b->average_days_to_pay, ==, -1);
  g_assert_cmpfloat (b->average_days_late, ==, -1);
  g_assert_cmpfloat (b->trend_days, ==, 0);
  g_assert_cmpint (b->risk, ==, KASSA_RISK_A);
  g_assert_cmpstr (b->risk_text, ==, "No payments in the last 12 months to judge by, and nothing overdue.");
  g_assert_cmpint (b->suggested_credit_limit, ==, 0);
  g_assert_cmpstr (b->suggested_credit_limit_text, ==,
                   "No sales in the last 12 months, so no credit limit is suggested.");

  g_assert_null (kassa_payment_behaviour_compute (f->store, customer + 100, f->today, NULL, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
}

/* Warning */

typedef struct
{
  gint        late[8];
  guint       n;
  gint        recent_count;   /* 0: the default rule */
  gint        min_extra_days;
  gint        min_history;
  const char *text;           /* NULL: no warning */
} WarningCase;

static const WarningCase warning_cases[] = {
  /* Baseline median (2, 4, 6) = 4; recent mean 11: 7 later, on the threshold. */
  { { 2, 4, 6, 11, 11, 11 }, 6, 0, 0, 0,
    "Paid the last 3 invoices on average 7 days later than the usual 4 days." },
  /* Recent mean 32 / 3 = 10.67: 6.67 later, under it. */
  { { 2, 4, 6, 11, 11, 10 }, 6, 0, 0, 0, NULL },
  /* Only two before the last three: too little history. */
  { { 4, 4, 14, 16, 19 }, 5, 0, 0, 0, NULL },
  /* Median (1, 3, 5, 7) = 4, recent mean 16: 12 later. */
  { { 1, 3, 5, 7, 14, 18, 16 }, 7, 0, 0, 0,
    "Paid the last 3 invoices on average 12 days later than the usual 4 days." },
  /* Usually early (median −1), now 7: 8 later. */
  { { -2, 0, -1, 8, 6, 7 }, 6, 0, 0, 0,
    "Paid the last 3 invoices on average 8 days later than usual: earlier invoices were paid on time." },
  /* One recent invoice against two: 10 − 4 = 6 ≥ 5. */
  { { 3, 5, 10 }, 3, 1, 5, 2,
    "Paid the last 1 invoice 6 days later than the usual 4 days." },
  /* Median (1, 4) = 2.5, recent 12.5: 10 later; the text rounds 2.5 to 3. */
  { { 1, 4, 12, 13 }, 4, 2, 9, 2,
    "Paid the last 2 invoices on average 10 days later than the usual 3 days." },
  /* 11.5 − 2.5 = 9: exactly the threshold. */
  { { 1, 4, 11, 12 }, 4, 2, 9, 2,
    "Paid the last 2 invoices on average 9 days later than the usual 3 days." },
  /* 11 − 2.5 = 8.5: under it. */
  { { 1, 4, 11, 11 }, 4, 2, 9, 2, NULL },
};

/* One customer per case, an invoice a month paid case->late[i] days late. */
static gint64
add_warning_case (Fixture           *f,
                  const WarningCase *c,
                  guint              index)
{
  g_autofree char *name = g_strdup_printf ("Case %u Oy", index);
  gint64 customer = add_customer (f->store, name);

  for (guint i = 0; i < c->n; i++)
    add_paid (f->store, customer, f->today - 300 + 30 * (KassaDay) i, 10000 * (i + 1), c->late[i]);
  return customer;
}

static void
test_warning (Fixture       *f,
              gconstpointer  data)
{
  gint64 customers[G_N_ELEMENTS (warning_cases)];
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  /* With the default rule: cases 3 (12 later), 4 (8) and 0 (7). */
  const guint listed[] = { 3, 4, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (warning_cases); i++)
    {
      const WarningCase *c = &warning_cases[i];
      g_autoptr(KassaPaymentBehaviour) b = NULL;
      KassaWarningRule rule;

      kassa_warning_rule_init_default (&rule);
      if (c->recent_count > 0)
        rule = (KassaWarningRule) { c->recent_count, c->min_extra_days, c->min_history };

      customers[i] = add_warning_case (f, c, i);
      b = kassa_payment_behaviour_compute (f->store, customers[i], f->today, &rule, &error);
      g_assert_no_error (error);
      g_test_message ("warning case %u", i);
      g_assert_cmpint (b->warning, ==, c->text != NULL);
      g_assert_cmpstr (b->warning_text, ==, c->text);
    }

  /* The baseline and recent figures of case 3. */
  {
    g_autoptr(KassaPaymentBehaviour) b = compute (f, customers[3], f->today);

    g_assert_cmpfloat (b->baseline_days_late, ==, 4);
    g_assert_cmpfloat (b->recent_days_late, ==, 16);
  }

  warnings = kassa_payment_warnings_list (f->store, f->today, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, G_N_ELEMENTS (listed));
  for (guint i = 0; i < warnings->len; i++)
    {
      KassaPaymentBehaviour *b = g_ptr_array_index (warnings, i);

      g_assert_cmpint (b->customer_id, ==, customers[listed[i]]);
      g_assert_cmpstr (b->warning_text, ==, warning_cases[listed[i]].text);
      g_assert_cmpuint (b->history->len, ==, warning_cases[listed[i]].n);
    }
}

/* Expected payment dates */

typedef struct
{
  gint64              invoice_id;
  gint64              open;
  KassaDay            expected_date;
  KassaExpectedSource source;
} ExpectedCase;

static void
check_expected (Fixture            *f,
                GArray             *list,
                const ExpectedCase *cases,
                guint               n)
{
  g_assert_cmpuint (list->len, ==, n);

  for (guint i = 0; i < n; i++)
    {
      KassaExpectedPayment one = { 0 };
      g_autoptr(GError) error = NULL;
      gboolean found = FALSE;

      g_test_message ("expected case %u", i);
      for (guint j = 0; j < list->len; j++)
        {
          const KassaExpectedPayment *e = &g_array_index (list, KassaExpectedPayment, j);

          if (e->invoice_id != cases[i].invoice_id)
            continue;
          found = TRUE;
          g_assert_cmpint (e->open, ==, cases[i].open);
          g_assert_cmpint (e->expected_date, ==, cases[i].expected_date);
          g_assert_cmpint (e->source, ==, cases[i].source);
        }
      g_assert_true (found);

      g_assert_true (kassa_expected_payment_get (f->store, cases[i].invoice_id, f->today, &one, &error));
      g_assert_no_error (error);
      g_assert_cmpint (one.expected_date, ==, cases[i].expected_date);
      g_assert_cmpint (one.source, ==, cases[i].source);
    }
}

static void
test_expected (Fixture       *f,
               gconstpointer  data)
{
  KassaDay t = f->today;
  gint64 h = add_customer (f->store, "Historia Oy");
  gint64 s = add_customer (f->store, "Lyhyt Oy");
  gint64 n = add_customer (f->store, "Uusi Oy");
  gint64 q = add_customer (f->store, "Ajoissa Oy");
  gint64 h1, h2, h3, h4, h5, s1, s2, n1, n2, n3, n4, q1, paid, credited;
  g_autoptr(GArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KassaExpectedPayment one;

  /* The year's history: H 10, 14, 30 (median 14, n 3, w 1/2); S 24 (n 1,
   * w 1/4); Q −2, 0, 2, 2 (median 1, w 4/7).  Company: −2 0 2 2 10 14 24
   * 30, median (2 + 10) / 2 = 6.  H's invoice paid 100 days late over a
   * year ago is outside the window. */
  add_paid (f->store, h, t - 600, 10000, 100);
  add_paid (f->store, h, t - 200, 10000, 10);
  add_paid (f->store, h, t - 150, 10000, 14);
  add_paid (f->store, h, t - 100, 10000, 30);
  paid = add_paid (f->store, s, t - 100, 10000, 24);
  add_paid (f->store, q, t - 200, 10000, -2);
  add_paid (f->store, q, t - 160, 10000, 0);
  add_paid (f->store, q, t - 120, 10000, 2);
  add_paid (f->store, q, t - 80, 10000, 2);

  /* H: 0.5 × 14 + 0.5 × 6 = 10 days late. */
  h1 = add_invoice (f->store, h, t - 4, t + 10, 10000);
  /* A promise to pay wins. */
  h2 = add_invoice (f->store, h, t - 4, t + 10, 10000);
  add_event (f->store, h, h2, KASSA_COLLECTION_PROMISE_TO_PAY, t - 2, t + 4);
  /* Broken promise, 20 days overdue (due + 10 is past): of H's delays only
   * 30 is over 20: 10 more days → T + 10. */
  h3 = add_invoice (f->store, h, t - 34, t - 20, 10000);
  add_event (f->store, h, h3, KASSA_COLLECTION_PROMISE_TO_PAY, t - 30, t - 5);
  /* The latest promise counts. */
  h4 = add_invoice (f->store, h, t - 4, t + 10, 10000);
  add_event (f->store, h, h4, KASSA_COLLECTION_PROMISE_TO_PAY, t - 10, t + 30);
  add_event (f->store, h, h4, KASSA_COLLECTION_PROMISE_TO_PAY, t - 3, t + 2);
  /* … also when it is the broken one: due + 10 → T + 12. */
  h5 = add_invoice (f->store, h, t - 4, t + 2, 10000);
  add_event (f->store, h, h5, KASSA_COLLECTION_PROMISE_TO_PAY, t - 20, t + 10);
  add_event (f->store, h, h5, KASSA_COLLECTION_PROMISE_TO_PAY, t - 5, t - 1);
  /* S: 0.25 × 24 + 0.75 × 6 = 10.5 → 11 days. */
  s1 = add_invoice (f->store, s, t - 9, t + 5, 10000);
  /* Partly paid: the 300.00 left by the same rule. */
  s2 = add_invoice (f->store, s, t - 13, t + 1, 50000);
  pay (f->store, s2, t - 3, 20000);
  /* N: the company's 6 days. */
  n1 = add_invoice (f->store, n, t - 11, t + 3, 10000);
  n2 = add_invoice (f->store, n, t - 11, t + 3, 10000);
  add_event (f->store, n, n2, KASSA_COLLECTION_DISPUTE_OPENED, t - 1, 0);
  /* 40 days overdue: nobody in the company took over 40 days: T + 7. */
  n3 = add_invoice (f->store, n, t - 54, t - 40, 10000);
  /* 8 days overdue (due + 6 is past): company delays over 8 are 10, 14,
   * 24, 30, that is 2, 6, 16, 22 more: median 11 → T + 11. */
  n4 = add_invoice (f->store, n, t - 22, t - 8, 10000);
  /* Q: 4/7 × 1 + 3/7 × 6 = 22/7 = 3.14 → 3 days. */
  q1 = add_invoice (f->store, q, t, t + 30, 10000);
  /* Neither a credited invoice nor its credit note is expected. */
  credited = add_invoice (f->store, n, t - 5, t + 9, 10000);
  kassa_store_credit_invoice (f->store, credited, t - 1, &error);
  g_assert_no_error (error);

  list = kassa_expected_payments_list (f->store, t, &error);
  g_assert_no_error (error);
  {
    const ExpectedCase cases[] = {
      { h1, 10000, t + 20, KASSA_EXPECTED_FROM_HISTORY },
      { h2, 10000, t + 4, KASSA_EXPECTED_PROMISE },
      { h3, 10000, t + 10, KASSA_EXPECTED_OVERDUE },
      { h4, 10000, t + 2, KASSA_EXPECTED_PROMISE },
      { h5, 10000, t + 12, KASSA_EXPECTED_FROM_HISTORY },
      { s1, 10000, t + 16, KASSA_EXPECTED_FROM_HISTORY },
      { s2, 30000, t + 12, KASSA_EXPECTED_FROM_HISTORY },
      { n1, 10000, t + 9, KASSA_EXPECTED_FROM_COMPANY },
      { n2, 10000, 0, KASSA_EXPECTED_DISPUTED },
      { n3, 10000, t + 7, KASSA_EXPECTED_OVERDUE },
      { n4, 10000, t + 11, KASSA_EXPECTED_OVERDUE },
      { q1, 10000, t + 33, KASSA_EXPECTED_FROM_HISTORY },
    };

    check_expected (f, list, cases, G_N_ELEMENTS (cases));
  }

  /* By due date. */
  for (guint i = 1; i < list->len; i++)
    g_assert_cmpint (g_array_index (list, KassaExpectedPayment, i - 1).due_date, <=,
                     g_array_index (list, KassaExpectedPayment, i).due_date);

  g_assert_false (kassa_expected_payment_get (f->store, paid, t, &one, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
}

/* An early payer whose predicted date has passed before the due date
 * pays any day now: expected today. */
static void
test_expected_early_payer (Fixture       *f,
                           gconstpointer  data)
{
  KassaDay t = f->today;
  gint64 r = add_customer (f->store, "Etuajassa Oy");
  gint64 open, due_today;
  g_autoptr(GArray) list = NULL;
  g_autoptr(GError) error = NULL;

  /* Always 10 days early; the company is this customer: −10. */
  for (guint i = 0; i < 3; i++)
    add_paid (f->store, r, t - 200 + 30 * (KassaDay) i, 10000, -10);
  open = add_invoice (f->store, r, t - 5, t + 3, 10000);
  /* Due today is not overdue yet either. */
  due_today = add_invoice (f->store, r, t - 8, t, 10000);

  list = kassa_expected_payments_list (f->store, t, &error);
  g_assert_no_error (error);
  {
    const ExpectedCase cases[] = {
      { open, 10000, t, KASSA_EXPECTED_FROM_HISTORY },
      { due_today, 10000, t, KASSA_EXPECTED_FROM_HISTORY },
    };

    check_expected (f, list, cases, G_N_ELEMENTS (cases));
  }
}

/* Backtest */

static void
test_backtest_hand (Fixture       *f,
                    gconstpointer  data)
{
  KassaDay d0 = kassa_day_from_ymd (2025, 1, 1);
  gint64 x = add_customer (f->store, "X Oy");
  gint64 y = add_customer (f->store, "Y Oy");
  KassaPaymentBacktest result;
  g_autoptr(GError) error = NULL;

  /* In issue order, 14 days' terms (predicted, actual days after d0):
   *   I0 −500, 86 late: nothing known: due −486, paid −400: error 86
   *   I1    0,  6 late: I0 left the window (paid ≤ d0 − 366): nothing
   *                     known: due 14, paid 20: error 6
   *   I2   30, 10 late: X 6 (w 1/4), company 6: 6 → 50, paid 54: 4
   *   Y1   40, 30 late: Y nothing, company 6 → 60, paid 84: 24
   *   I3   60,  0 late: X 6 10 (median 8, w 2/5), company 8 → 82, paid 74: 8
   *   I4   90,  8 late: X 6 10 0 (6, w 1/2), company 0 6 10 30 (8):
   *                     7 → 111, paid 112: 1
   *   Y2  100,  0 late: Y 30 (w 1/4), company 8: 7.5 + 6 = 13.5 → 14
   *                     → 128, paid 114: 14
   * MAE 143 / 7; naive (86 + 6 + 10 + 30 + 0 + 8 + 0) = 140 / 7 = 20;
   * bias (−86 − 6 − 4 − 24 + 8 − 1 + 14) = −99 / 7. */
  add_paid (f->store, x, d0 - 500, 10000, 86);
  add_paid (f->store, x, d0, 10000, 6);
  add_paid (f->store, x, d0 + 30, 20000, 10);
  add_paid (f->store, y, d0 + 40, 30000, 30);
  add_paid (f->store, x, d0 + 60, 10000, 0);
  add_paid (f->store, x, d0 + 90, 10000, 8);
  add_paid (f->store, y, d0 + 100, 10000, 0);
  /* Not paid in full: not in the backtest. */
  pay (f->store, add_invoice (f->store, y, d0 + 110, d0 + 124, 10000), d0 + 130, 5000);

  g_assert_true (kassa_payment_backtest (f->store, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.invoices, ==, 7);
  g_assert_cmpfloat_with_epsilon (result.mean_absolute_error, 143.0 / 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (result.naive_mean_absolute_error, 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (result.mean_error, -99.0 / 7, 1e-9);
}

static void
test_backtest_empty (Fixture       *f,
                     gconstpointer  data)
{
  KassaPaymentBacktest result = { 5, 1, 1, 1 };
  g_autoptr(GError) error = NULL;

  g_assert_true (kassa_payment_backtest (f->store, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.invoices, ==, 0);
  g_assert_cmpfloat (result.mean_absolute_error, ==, 0);
  g_assert_cmpfloat (result.naive_mean_absolute_error, ==, 0);
}

/* The demo company: the model beats "paid on the due date", and the
 * one-pass warning list agrees with each customer's own computation. */
static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  KassaDemoSpec spec;
  KassaPaymentBacktest result;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  kassa_demo_spec_init_demo (&spec, f->today);
  g_assert_true (kassa_demo_generate (f->store, &spec, &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  g_assert_true (kassa_payment_backtest (f->store, &result, &error));
  g_assert_no_error (error);
  g_test_message ("demo backtest: %u invoices, MAE %.2f days, naive %.2f days, bias %+.2f days (%.0f ms)",
                  result.invoices, result.mean_absolute_error, result.naive_mean_absolute_error,
                  result.mean_error, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (result.invoices, >, 1000);
  g_assert_cmpfloat (result.mean_absolute_error, <, result.naive_mean_absolute_error);

  warnings = kassa_payment_warnings_list (f->store, f->today, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("demo warnings: %u customers", warnings->len);
  g_assert_cmpuint (warnings->len, >, 0);
  for (guint i = 0; i < warnings->len; i++)
    {
      KassaPaymentBehaviour *listed = g_ptr_array_index (warnings, i);
      g_autoptr(KassaPaymentBehaviour) own = compute (f, listed->customer_id, f->today);

      g_assert_true (own->warning);
      g_assert_cmpstr (own->warning_text, ==, listed->warning_text);
      /* The list carries the risk too (not the suggested limit). */
      g_assert_cmpint (listed->risk, ==, own->risk);
      g_assert_cmpstr (listed->risk_text, ==, own->risk_text);
      g_assert_cmpint (listed->open, ==, own->open);
      g_assert_cmpint (listed->overdue, ==, own->overdue);
      g_assert_cmpint (listed->max_days_overdue, ==, own->max_days_overdue);
      g_assert_cmpint (listed->credit_limit, ==, own->credit_limit);
      g_assert_cmpint (listed->suggested_credit_limit, ==, 0);
      g_assert_null (listed->suggested_credit_limit_text);
      g_assert_cmpuint (own->history->len, ==, listed->history->len);
      for (guint j = 0; j < own->history->len; j++)
        {
          const KassaPaidInvoice *x = &g_array_index (own->history, KassaPaidInvoice, j);
          const KassaPaidInvoice *y = &g_array_index (listed->history, KassaPaidInvoice, j);

          g_assert_cmpint (x->invoice_id, ==, y->invoice_id);
          g_assert_cmpint (x->paid_date, ==, y->paid_date);
          g_assert_cmpint (x->amount, ==, y->amount);
        }
      if (i > 0)
        {
          KassaPaymentBehaviour *before = g_ptr_array_index (warnings, i - 1);

          g_assert_cmpfloat (before->recent_days_late - before->baseline_days_late, >=,
                             listed->recent_days_late - listed->baseline_days_late);
        }
    }

  expected = kassa_expected_payments_list (f->store, f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >, 0);
  for (guint i = 0; i < expected->len; i++)
    {
      const KassaExpectedPayment *e = &g_array_index (expected, KassaExpectedPayment, i);

      g_assert_cmpint (e->open, >, 0);
      if (e->source == KASSA_EXPECTED_DISPUTED)
        g_assert_cmpint (e->expected_date, ==, 0);
      else
        g_assert_cmpint (e->expected_date, >=, f->today);
    }
}

/* Risk classes: the rule alone */

typedef struct
{
  const char     *name;
  /* paid invoices, late, open, overdue, days, number, limit; warning,
   * recent invoices, recent days late */
  KassaRiskFacts  facts;
  KassaRiskClass  risk;
  const char     *text;
} ClassifyCase;

#define NO_HISTORY 0, -1

/* Each threshold on both sides; where several facts hold, the reason is
 * the first the rule checks: overdue days, then days late, then credit
 * use for D and C, and for B anything overdue first. */
static const ClassifyCase classify_cases[] = {
  { "nothing", { NO_HISTORY, 0, 0, 0, 0, 0 }, KASSA_RISK_A,
    "No payments in the last 12 months to judge by, and nothing overdue." },
  /* Without paid invoices an average means nothing. */
  { "average without history", { 0, 50, 0, 0, 0, 0, 0 }, KASSA_RISK_A,
    "No payments in the last 12 months to judge by, and nothing overdue." },
  { "early", { 2, -5, 0, 0, 0, 0, 0 }, KASSA_RISK_A, "Pays on time and has nothing overdue." },
  { "late 3", { 1, 3, 0, 0, 0, 0, 0 }, KASSA_RISK_A, "Pays on time and has nothing overdue." },
  { "late 3.05", { 1, 3.05, 0, 0, 0, 0, 0 }, KASSA_RISK_B, "Pays on average 3.0 days late." },
  { "late 14", { 1, 14, 0, 0, 0, 0, 0 }, KASSA_RISK_B, "Pays on average 14.0 days late." },
  { "late 14.05", { 1, 14.05, 0, 0, 0, 0, 0 }, KASSA_RISK_C, "Pays on average 14.1 days late." },
  { "late 30", { 1, 30, 0, 0, 0, 0, 0 }, KASSA_RISK_C, "Pays on average 30.0 days late." },
  { "late 30.25", { 1, 30.25, 0, 0, 0, 0, 0 }, KASSA_RISK_D, "Pays on average 30.2 days late." },
  { "overdue 1", { NO_HISTORY, 5000, 5000, 1, 1001, 0 }, KASSA_RISK_B,
    "Invoice 1001 is 1 day overdue." },
  { "overdue 30", { NO_HISTORY, 5000, 5000, 30, 1001, 0 }, KASSA_RISK_B,
    "Invoice 1001 is 30 days overdue." },
  { "overdue 31", { NO_HISTORY, 5000, 5000, 31, 1001, 0 }, KASSA_RISK_C,
    "Invoice 1001 is 31 days overdue." },
  { "overdue 60", { NO_HISTORY, 5000, 5000, 60, 1001, 0 }, KASSA_RISK_C,
    "Invoice 1001 is 60 days overdue." },
  { "overdue 61", { NO_HISTORY, 5000, 5000, 61, 1001, 0 }, KASSA_RISK_D,
    "Invoice 1001 is 61 days overdue." },
  /* Credit use: open × 100 against the limit × 80 and × 100. */
  { "use 80 %", { NO_HISTORY, 80000, 0, 0, 0, 100000 }, KASSA_RISK_A,
    "No payments in the last 12 months to judge by, and nothing overdue." },
  { "use 80.01 %", { NO_HISTORY, 80010, 0, 0, 0, 100000 }, KASSA_RISK_B,
    "Owes €800.10, 80 % of the credit limit of €1,000.00." },
  { "use 100 %", { NO_HISTORY, 100000, 0, 0, 0, 100000 }, KASSA_RISK_B,
    "Owes €1,000.00, 100 % of the credit limit of €1,000.00." },
  { "use 100.01 %", { NO_HISTORY, 100010, 0, 0, 0, 100000 }, KASSA_RISK_C,
    "Owes €1,000.10, 100 % of the credit limit of €1,000.00." },
  /* No limit, no credit use; a credit note's negative balance neither. */
  { "no limit", { NO_HISTORY, 99900000, 0, 0, 0, 0 }, KASSA_RISK_A,
    "No payments in the last 12 months to judge by, and nothing overdue." },
  { "owed to the customer", { NO_HISTORY, -50000, 0, 0, 0, 10000 }, KASSA_RISK_A,
    "No payments in the last 12 months to judge by, and nothing overdue." },
  /* Several facts: which one is the reason. */
  { "late 31, overdue 61", { 3, 31, 5000, 5000, 61, 1002, 0 }, KASSA_RISK_D,
    "Invoice 1002 is 61 days overdue." },
  { "late 31, overdue 10", { 3, 31, 5000, 5000, 10, 1002, 0 }, KASSA_RISK_D,
    "Pays on average 31.0 days late." },
  { "late 20, overdue 5", { 3, 20, 5000, 5000, 5, 1002, 0 }, KASSA_RISK_C,
    "Pays on average 20.0 days late." },
  { "late 4, use 120 %", { 3, 4, 120000, 0, 0, 0, 100000 }, KASSA_RISK_C,
    "Owes €1,200.00, 120 % of the credit limit of €1,000.00." },
  { "overdue 10, use 120 %", { NO_HISTORY, 120000, 5000, 10, 1003, 100000 }, KASSA_RISK_C,
    "Owes €1,200.00, 120 % of the credit limit of €1,000.00." },
  { "late 4, overdue 3", { 3, 4, 5000, 5000, 3, 1004, 0 }, KASSA_RISK_B,
    "Invoice 1004 is 3 days overdue." },
  { "late 4, use 90 %", { 3, 4, 90000, 0, 0, 0, 100000 }, KASSA_RISK_B,
    "Pays on average 4.0 days late." },
  /* The early warning: when it fires, the larger of the year's average and
   * the recent one counts, against the same thresholds (3, 14, 30). */
  { "warning, recent 3", { 6, 1, 0, 0, 0, 0, 0, TRUE, 3, 3 }, KASSA_RISK_A,
    "Pays on time and has nothing overdue." },
  { "warning, recent 3.33", { 6, 1, 0, 0, 0, 0, 0, TRUE, 3, 10.0 / 3 }, KASSA_RISK_B,
    "Paid the last 3 invoices on average 3.3 days late." },
  { "warning, recent 14", { 6, 2, 0, 0, 0, 0, 0, TRUE, 3, 14 }, KASSA_RISK_B,
    "Paid the last 3 invoices on average 14.0 days late." },
  { "warning, recent 14.33", { 6, 2, 0, 0, 0, 0, 0, TRUE, 3, 43.0 / 3 }, KASSA_RISK_C,
    "Paid the last 3 invoices on average 14.3 days late." },
  { "warning, recent 30", { 6, 2, 0, 0, 0, 0, 0, TRUE, 3, 30 }, KASSA_RISK_C,
    "Paid the last 3 invoices on average 30.0 days late." },
  { "warning, recent 30.33", { 6, 2, 0, 0, 0, 0, 0, TRUE, 3, 91.0 / 3 }, KASSA_RISK_D,
    "Paid the last 3 invoices on average 30.3 days late." },
  { "warning, one recent invoice", { 4, 2, 0, 0, 0, 0, 0, TRUE, 1, 31 }, KASSA_RISK_D,
    "Paid the last 1 invoice 31.0 days late." },
  /* The reported case (the demo's Tuominen Rakennus Oy): 7.4 days late
   * over the year and one invoice 11 days overdue made a B, yet the last
   * three were paid 47.3 days late on average and the warning fired. */
  { "warning, recent 47.33", { 12, 7.4, 5000, 5000, 11, 3886, 0, TRUE, 3, 142.0 / 3 }, KASSA_RISK_D,
    "Paid the last 3 invoices on average 47.3 days late." },
  /* Without the warning the recent figure does not count. */
  { "no warning, recent 47.33", { 12, 7.4, 5000, 5000, 11, 3886, 0, FALSE, 3, 142.0 / 3 }, KASSA_RISK_B,
    "Invoice 3886 is 11 days overdue." },
  { "no warning, recent 20", { 6, 1, 0, 0, 0, 0, 0, FALSE, 3, 20 }, KASSA_RISK_A,
    "Pays on time and has nothing overdue." },
  /* The year's average is the larger: it counts, and is the reason. */
  { "warning, average later", { 6, 20, 0, 0, 0, 0, 0, TRUE, 3, 16 }, KASSA_RISK_C,
    "Pays on average 20.0 days late." },
  { "warning, average equal", { 6, 16, 0, 0, 0, 0, 0, TRUE, 3, 16 }, KASSA_RISK_C,
    "Pays on average 16.0 days late." },
  /* Overdue days are checked first, as without the warning. */
  { "warning, overdue 61", { 6, 5, 5000, 5000, 61, 1005, 0, TRUE, 3, 40 }, KASSA_RISK_D,
    "Invoice 1005 is 61 days overdue." },
  { "warning, recent 20, overdue 5", { 6, 2, 5000, 5000, 5, 1006, 0, TRUE, 3, 20 }, KASSA_RISK_C,
    "Paid the last 3 invoices on average 20.0 days late." },
  { "warning, recent 4, use 120 %", { 6, 2, 120000, 0, 0, 0, 100000, TRUE, 3, 4 }, KASSA_RISK_C,
    "Owes €1,200.00, 120 % of the credit limit of €1,000.00." },
  /* Without a history there are no delays to count. */
  { "warning without history", { NO_HISTORY, 0, 0, 0, 0, 0, TRUE, 3, 40 }, KASSA_RISK_A,
    "No payments in the last 12 months to judge by, and nothing overdue." },
};

static void
test_risk_classify (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (classify_cases); i++)
    {
      const ClassifyCase *c = &classify_cases[i];
      g_autofree char *reason = NULL;

      g_test_message ("classify case %s", c->name);
      g_assert_cmpint (kassa_risk_classify (&c->facts, "EUR", &reason), ==, c->risk);
      g_assert_cmpstr (reason, ==, c->text);
      /* The class needs no reason (the risk table asks for none). */
      g_assert_cmpint (kassa_risk_classify (&c->facts, NULL, NULL), ==, c->risk);
    }
}

/* Risk classes: the facts a customer's file gives the rule */

typedef struct
{
  const char    *name;
  gint           days_late;       /* of one paid invoice; G_MININT: none */
  gint           days_overdue;    /* of one open invoice; 0: none */
  gint64         credit_limit;
  gint64         open_not_due;    /* an invoice not yet due */
  KassaRiskClass risk;
  const char    *text;            /* "#": the overdue invoice's number */
} RiskCase;

static const RiskCase risk_cases[] = {
  { "late 3",        3,         0,  0,      0,      KASSA_RISK_A, "Pays on time and has nothing overdue." },
  { "late 4",        4,         0,  0,      0,      KASSA_RISK_B, "Pays on average 4.0 days late." },
  { "overdue 1",     G_MININT,  1,  0,      0,      KASSA_RISK_B, "Invoice # is 1 day overdue." },
  { "use 80 %",      G_MININT,  0,  100000, 80000,  KASSA_RISK_A, "No payments in the last 12 months to judge by, and nothing overdue." },
  { "use 80.01 %",   G_MININT,  0,  100000, 80010,  KASSA_RISK_B, "Owes €800.10, 80 % of the credit limit of €1,000.00." },
  { "overdue 31",    G_MININT,  31, 0,      0,      KASSA_RISK_C, "Invoice # is 31 days overdue." },
  { "late 15",       15,        0,  0,      0,      KASSA_RISK_C, "Pays on average 15.0 days late." },
  { "use 100.01 %",  G_MININT,  0,  100000, 100010, KASSA_RISK_C, "Owes €1,000.10, 100 % of the credit limit of €1,000.00." },
  { "overdue 61",    G_MININT,  61, 0,      0,      KASSA_RISK_D, "Invoice # is 61 days overdue." },
  { "late 31",       31,        0,  0,      0,      KASSA_RISK_D, "Pays on average 31.0 days late." },
  { "late 31 and overdue 61", 31, 61, 0,    0,      KASSA_RISK_D, "Invoice # is 61 days overdue." },
  { "late 4, use 120 %", 4,     0,  100000, 120000, KASSA_RISK_C, "Owes €1,200.00, 120 % of the credit limit of €1,000.00." },
};

/* The table's entry for a customer agrees with the customer's own. */
static void
assert_table_matches (GHashTable                  *table,
                      const KassaPaymentBehaviour *b)
{
  const KassaCustomerRisk *entry = g_hash_table_lookup (table, &b->customer_id);

  g_assert_nonnull (entry);
  g_assert_cmpint (entry->customer_id, ==, b->customer_id);
  g_assert_cmpint (entry->risk, ==, b->risk);
  g_assert_cmpint (kassa_payment_risk_lookup (table, b->customer_id), ==, b->risk);
  g_assert_cmpuint (entry->facts.paid_invoices, ==, b->history->len);
  if (b->history->len > 0)
    g_assert_cmpfloat (entry->facts.average_days_late, ==, b->average_days_late);
  g_assert_cmpint (entry->facts.warning, ==, b->warning);
  g_assert_cmpint (entry->facts.recent_invoices, ==, b->recent_invoices);
  g_assert_cmpfloat (entry->facts.recent_days_late, ==, b->recent_days_late);
  g_assert_cmpint (entry->facts.open, ==, b->open);
  g_assert_cmpint (entry->facts.overdue, ==, b->overdue);
  g_assert_cmpint (entry->facts.max_days_overdue, ==, b->max_days_overdue);
  g_assert_cmpint (entry->facts.credit_limit, ==, b->credit_limit);
}

static void
test_risk (Fixture       *f,
           gconstpointer  data)
{
  KassaDay t = f->today;
  gint64 customers[G_N_ELEMENTS (risk_cases)];
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (risk_cases); i++)
    {
      const RiskCase *c = &risk_cases[i];
      gint64 customer = add_customer_with (f->store, c->name, 14, c->credit_limit);
      g_autoptr(KassaPaymentBehaviour) b = NULL;
      g_autofree char *number = NULL;
      g_autofree char *text = NULL;

      customers[i] = customer;
      if (c->days_late != G_MININT)
        add_paid (f->store, customer, t - 100, 10000, c->days_late);
      if (c->days_overdue > 0)
        number = invoice_number (f->store, add_invoice (f->store, customer, t - c->days_overdue - 14,
                                                        t - c->days_overdue, 5000));
      if (c->open_not_due > 0)
        add_invoice (f->store, customer, t - 1, t + 13, c->open_not_due);

      b = compute (f, customer, t);
      if (number != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (c->text, "#", -1);

          text = g_strjoinv (number, parts);
        }
      else
        text = g_strdup (c->text);
      g_test_message ("risk case %s", c->name);
      g_assert_cmpint (b->risk, ==, c->risk);
      g_assert_cmpstr (b->risk_text, ==, text);
      g_assert_cmpint (b->max_days_overdue, ==, c->days_overdue);
      g_assert_cmpint (b->credit_limit, ==, c->credit_limit);
      g_assert_cmpint (b->open, ==, c->open_not_due + (c->days_overdue > 0 ? 5000 : 0));
      g_assert_cmpint (b->overdue, ==, c->days_overdue > 0 ? 5000 : 0);
    }

  table = kassa_payment_risk_table (f->store, t, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (table), ==, G_N_ELEMENTS (risk_cases));
  for (guint i = 0; i < G_N_ELEMENTS (risk_cases); i++)
    {
      g_autoptr(KassaPaymentBehaviour) b = compute (f, customers[i], t);

      g_test_message ("table case %s", risk_cases[i].name);
      g_assert_cmpint (b->risk, ==, risk_cases[i].risk);
      assert_table_matches (table, b);
    }
  g_assert_cmpint (kassa_payment_risk_lookup (table, customers[0] + 1000), ==, KASSA_RISK_A);
}

/* Risk classes: the early warning in a customer's file.  Nine invoices of
 * 100.00 issued a month apart from T − 300 (14 days' terms), paid the
 * given days late, oldest first; the default rule compares the mean of the
 * last 3 with the median of the 6 before (0 in every case) and fires at 7
 * days more.  Sales 900.00 a year: a month 7500, and the suggestion's days
 * are the terms plus the year's average late, rounded. */
typedef struct
{
  const char     *name;
  gint            late[9];
  gboolean        warning;
  KassaRiskClass  risk;
  const char     *text;
  gint64          suggested;
  const char     *suggested_text;
  KassaRiskClass  risk_two;        /* with the rule 2 / 8 / 3 */
} RiskWarningCase;

static const RiskWarningCase risk_warning_cases[] = {
  /* The year averages 126 ÷ 9 = 14.0 days late, a B by itself; the last
   * three 42: D, and no credit.  Rule 2 / 8 / 3: (42 + 44) ÷ 2 = 43 against
   * the median 0 of the seven before: fires, D. */
  { "recent 42", { 0, 0, 0, 0, 0, 0, 40, 42, 44 }, TRUE, KASSA_RISK_D,
    "Paid the last 3 invoices on average 42.0 days late.",
    0, "Risk class D: no credit should be extended.",
    KASSA_RISK_D },
  /* 21 ÷ 9 = 2.33 days late, an A by itself; the last three 7 = 0 + 7:
   * fires, B.  The suggestion is B's too: 7500 × (14 + 2) ÷ 30 = 4000;
   * × 1.2 = 4800 → €100.00.  Rule 2 / 8 / 3: 7 < 0 + 8, no warning: A. */
  { "recent 7", { 0, 0, 0, 0, 0, 0, 7, 7, 7 }, TRUE, KASSA_RISK_B,
    "Paid the last 3 invoices on average 7.0 days late.",
    10000,
    "Average monthly sales €75.00 × 16 days (terms 14 + late 2) ÷ 30 × 120 % "
    "for risk class B by payment behaviour (credit use not counted), "
    "rounded up to a whole hundred: €100.00.",
    KASSA_RISK_A },
  /* The last three 20 ÷ 3 = 6.67 < 0 + 7: no warning, and 20 ÷ 9 = 2.22
   * days late is an A: 4000 × 1.5 = 6000 → €100.00. */
  { "recent 6.67", { 0, 0, 0, 0, 0, 0, 6, 7, 7 }, FALSE, KASSA_RISK_A,
    "Pays on time and has nothing overdue.",
    10000,
    "Average monthly sales €75.00 × 16 days (terms 14 + late 2) ÷ 30 × 150 % "
    "for risk class A by payment behaviour (credit use not counted), "
    "rounded up to a whole hundred: €100.00.",
    KASSA_RISK_A },
};

static void
test_risk_warning (Fixture       *f,
                   gconstpointer  data)
{
  KassaDay t = f->today;
  gint64 customers[G_N_ELEMENTS (risk_warning_cases)];
  KassaWarningRule two = { 2, 8, 3 };
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GHashTable) table_two = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (risk_warning_cases); i++)
    {
      const RiskWarningCase *c = &risk_warning_cases[i];
      g_autoptr(KassaPaymentBehaviour) b = NULL;

      customers[i] = add_customer (f->store, c->name);
      for (guint k = 0; k < G_N_ELEMENTS (c->late); k++)
        add_paid (f->store, customers[i], t - 300 + 30 * (KassaDay) k, 10000, c->late[k]);

      g_test_message ("risk warning case %s", c->name);
      b = compute (f, customers[i], t);
      g_assert_cmpint (b->warning, ==, c->warning);
      g_assert_cmpint (b->recent_invoices, ==, 3);
      g_assert_cmpint (b->risk, ==, c->risk);
      g_assert_cmpstr (b->risk_text, ==, c->text);
      g_assert_cmpint (b->suggested_credit_limit, ==, c->suggested);
      g_assert_cmpstr (b->suggested_credit_limit_text, ==, c->suggested_text);
    }

  /* The table counts the warning as the customer view does, by the rule
   * it is given. */
  table = kassa_payment_risk_table (f->store, t, NULL, &error);
  g_assert_no_error (error);
  table_two = kassa_payment_risk_table (f->store, t, &two, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (risk_warning_cases); i++)
    {
      g_autoptr(KassaPaymentBehaviour) b = compute (f, customers[i], t);
      g_autoptr(KassaPaymentBehaviour) b_two = NULL;

      g_test_message ("risk warning table case %s", risk_warning_cases[i].name);
      assert_table_matches (table, b);
      b_two = kassa_payment_behaviour_compute (f->store, customers[i], t, &two, &error);
      g_assert_no_error (error);
      g_assert_cmpint (b_two->risk, ==, risk_warning_cases[i].risk_two);
      g_assert_cmpint (b_two->recent_invoices, ==, 2);
      assert_table_matches (table_two, b_two);
    }

  {
    g_autoptr(KassaPaymentBehaviour) b_two = NULL;

    b_two = kassa_payment_behaviour_compute (f->store, customers[0], t, &two, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (b_two->risk_text, ==, "Paid the last 2 invoices on average 43.0 days late.");
  }
}

/* What counts as owed and overdue: a disputed invoice is still owed, a
 * credit note carries what its original still had open, and of two
 * invoices equally overdue the lower number is named. */
static void
test_risk_facts (Fixture       *f,
                 gconstpointer  data)
{
  KassaDay t = f->today;
  gint64 customer = add_customer_with (f->store, "Kiista Oy", 14, 100000);
  g_autoptr(KassaPaymentBehaviour) b = NULL;
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  const KassaCustomerRisk *entry;
  gint64 disputed, credited;

  /* Two invoices due T − 40 (40 days overdue): the first one added has
   * the lower number.  One of them disputed: still counted. */
  first = invoice_number (f->store, add_invoice (f->store, customer, t - 54, t - 40, 20000));
  disputed = add_invoice (f->store, customer, t - 54, t - 40, 30000);
  g_assert_true (kassa_store_set_invoice_disputed (f->store, disputed, TRUE, &error));
  g_assert_no_error (error);
  /* 500.00, 200.00 paid, then credited: the credit note (−500.00, state
   * sent) carries the 300.00 still open: −500 + 300 = −200 owed back. */
  credited = add_invoice (f->store, customer, t - 20, t - 6, 50000);
  pay (f->store, credited, t - 10, 20000);
  kassa_store_credit_invoice (f->store, credited, t - 5, &error);
  g_assert_no_error (error);

  /* Open 200 + 300 − 200 = 300.00, overdue 500.00, 40 days: C. */
  b = compute (f, customer, t);
  g_assert_cmpint (b->open, ==, 30000);
  g_assert_cmpint (b->overdue, ==, 50000);
  g_assert_cmpint (b->max_days_overdue, ==, 40);
  g_assert_cmpint (b->risk, ==, KASSA_RISK_C);
  text = g_strdup_printf ("Invoice %s is 40 days overdue.", first);
  g_assert_cmpstr (b->risk_text, ==, text);

  table = kassa_payment_risk_table (f->store, t, NULL, &error);
  g_assert_no_error (error);
  assert_table_matches (table, b);
  entry = g_hash_table_lookup (table, &customer);
  g_assert_cmpint (entry->facts.oldest_overdue_number, ==, g_ascii_strtoll (first, NULL, 10));
}

/* The demo company: the table's class of every customer is the one the
 * customer view computes. */
static void
test_risk_table_demo (Fixture       *f,
                      gconstpointer  data)
{
  KassaDemoSpec spec;
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[KASSA_RISK_D + 1] = { 0 };
  guint classes_seen = 0;
  GHashTableIter iter;
  gpointer value;
  gint64 start;

  kassa_demo_spec_init_demo (&spec, f->today);
  g_assert_true (kassa_demo_generate (f->store, &spec, &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  table = kassa_payment_risk_table (f->store, f->today, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("demo risk table: %u customers (%.0f ms)", g_hash_table_size (table),
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (g_hash_table_size (table), ==, count_customers (f->store));

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const KassaCustomerRisk *entry = value;
      g_autoptr(KassaPaymentBehaviour) own = compute (f, entry->customer_id, f->today);

      assert_table_matches (table, own);
      counts[entry->risk]++;
    }

  g_test_message ("demo risk classes: A %u, B %u, C %u, D %u",
                  counts[0], counts[1], counts[2], counts[3]);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    classes_seen += counts[i] > 0;
  g_assert_cmpuint (classes_seen, >=, 3);

  /* The UI review's case: its year averages 7.4 days late (a B, with an
   * invoice 11 days overdue), its last three invoices 47.3: a D by the
   * warning, in the table too. */
  {
    gint64 id = customer_by_name (f->store, "Tuominen Rakennus Oy");
    g_autoptr(KassaPaymentBehaviour) tuominen = compute (f, id, f->today);

    g_test_message ("Tuominen Rakennus Oy: %.2f days late a year, the last 3 %.2f: %s",
                    tuominen->average_days_late, tuominen->recent_days_late, tuominen->risk_text);
    g_assert_true (tuominen->warning);
    g_assert_cmpfloat (tuominen->average_days_late, <=, 14);
    g_assert_cmpfloat (tuominen->recent_days_late, >, 30);
    g_assert_cmpint (tuominen->risk, ==, KASSA_RISK_D);
    g_assert_true (g_str_has_prefix (tuominen->risk_text, "Paid the last 3 invoices on average "));
    g_assert_cmpint (kassa_payment_risk_lookup (table, id), ==, KASSA_RISK_D);
  }
}

/* Suggested credit limit */

static void
test_credit_limit (Fixture       *f,
                   gconstpointer  data)
{
  KassaDay t = f->today;
  gint64 a = add_customer_with (f->store, "Hyvä Oy", 30, 0);
  gint64 c = add_customer_with (f->store, "Hidas Oy", 14, 0);
  gint64 d = add_customer_with (f->store, "Huono Oy", 14, 0);
  g_autoptr(KassaPaymentBehaviour) ba = NULL;
  g_autoptr(KassaPaymentBehaviour) bc = NULL;
  g_autoptr(KassaPaymentBehaviour) bd = NULL;
  gint64 id;

  /* A: 3,650.00 paid on its due date, 30 days' terms: a month 30416
   * (365000 / 12, truncated) × 30 / 30 = 30416; × 1.5 = 45624 → €500.00. */
  id = add_invoice (f->store, a, t - 60, t - 30, 365000);
  pay (f->store, id, t - 30, 365000);
  ba = compute (f, a, t);
  g_assert_cmpint (ba->risk, ==, KASSA_RISK_A);
  g_assert_cmpint (ba->suggested_credit_limit, ==, 50000);
  g_assert_cmpstr (ba->suggested_credit_limit_text, ==,
                   "Average monthly sales €304.16 × 30 days (terms 30 + late 0) ÷ 30 × 150 % "
                   "for risk class A by payment behaviour (credit use not counted), "
                   "rounded up to a whole hundred: €500.00.");

  /* C: 12,000.00 paid 20 days late: a month 100000 × 34 / 30 = 113333;
   * × 0.8 = 90666 → €1,000.00. */
  add_paid (f->store, c, t - 100, 1200000, 20);
  bc = compute (f, c, t);
  g_assert_cmpint (bc->risk, ==, KASSA_RISK_C);
  g_assert_cmpint (bc->suggested_credit_limit, ==, 100000);
  g_assert_cmpstr (bc->suggested_credit_limit_text, ==,
                   "Average monthly sales €1,000.00 × 34 days (terms 14 + late 20) ÷ 30 × 80 % "
                   "for risk class C by payment behaviour (credit use not counted), "
                   "rounded up to a whole hundred: €1,000.00.");

  /* D: 40 days late on average. */
  add_paid (f->store, d, t - 100, 1200000, 40);
  bd = compute (f, d, t);
  g_assert_cmpint (bd->risk, ==, KASSA_RISK_D);
  g_assert_cmpint (bd->suggested_credit_limit, ==, 0);
  g_assert_cmpstr (bd->suggested_credit_limit_text, ==, "Risk class D: no credit should be extended.");
}

/* Applying the suggestion does not change it.  Each customer has one
 * invoice paid days_late after its due date and one open invoice not yet
 * due (both issued in the last 12 months, so sales are their sum); the
 * suggestion is stored as the credit limit and computed again.  Credit use
 * may change the shown class, never the class of the suggestion. */
typedef struct
{
  const char     *name;
  gint            terms;
  gint64          limit;           /* before the suggestion is applied */
  gint64          paid;
  gint            days_late;
  gint64          open_not_due;
  KassaRiskClass  risk_before;
  const char     *risk_text_before;
  gint64          suggested;
  const char     *suggested_text;
  KassaRiskClass  risk_after;
  const char     *risk_text_after;
} StableLimitCase;

static const StableLimitCase stable_limit_cases[] = {
  /* 12,000.00 a year: a month 100000 × 14 / 30 = 46666; × 1.5 = 69999
   * → €700.00.  Nothing owed: A before and after. */
  { "nothing owed", 14, 0, 1200000, 0, 0,
    KASSA_RISK_A, "Pays on time and has nothing overdue.",
    70000,
    "Average monthly sales €1,000.00 × 14 days (terms 14 + late 0) ÷ 30 × 150 % "
    "for risk class A by payment behaviour (credit use not counted), "
    "rounded up to a whole hundred: €700.00.",
    KASSA_RISK_A, "Pays on time and has nothing overdue." },
  /* 3,650.00 + 600.00 = 425000 ÷ 12 = 35416 × 30 / 30 = 35416; × 1.5 =
   * 53124 → €600.00.  Owing 600.00 is then 100 % of it: B (over 80 %),
   * and the suggestion stays A's. */
  { "fully used", 30, 0, 365000, 0, 60000,
    KASSA_RISK_A, "Pays on time and has nothing overdue.",
    60000,
    "Average monthly sales €354.16 × 30 days (terms 30 + late 0) ÷ 30 × 150 % "
    "for risk class A by payment behaviour (credit use not counted), "
    "rounded up to a whole hundred: €600.00.",
    KASSA_RISK_B, "Owes €600.00, 100 % of the credit limit of €600.00." },
  /* The reported bug: 12,000.00 + 6,000.00 = 1800000 ÷ 12 = 150000 × (14
   * + 5) / 30 = 95000; × 1.2 (B, 5 days late) = 114000 → €1,200.00.
   * Owing 6,000.00 is then 500 % of it: C, which used to scale the next
   * suggestion by 80 % (76000 → €800.00). */
  { "over the suggestion", 14, 0, 1200000, 5, 600000,
    KASSA_RISK_B, "Pays on average 5.0 days late.",
    120000,
    "Average monthly sales €1,500.00 × 19 days (terms 14 + late 5) ÷ 30 × 120 % "
    "for risk class B by payment behaviour (credit use not counted), "
    "rounded up to a whole hundred: €1,200.00.",
    KASSA_RISK_C, "Owes €6,000.00, 500 % of the credit limit of €1,200.00." },
  /* Over a limit already: 3,650.00 + 1,500.00 = 515000 ÷ 12 = 42916 × 30
   * / 30 = 42916; × 1.5 = 64374 → €700.00; owing 1,500.00 is 150 % of
   * €1,000.00 before and 214 % (150000 × 100 ÷ 70000, truncated) after. */
  { "over the limit", 30, 100000, 365000, 0, 150000,
    KASSA_RISK_C, "Owes €1,500.00, 150 % of the credit limit of €1,000.00.",
    70000,
    "Average monthly sales €429.16 × 30 days (terms 30 + late 0) ÷ 30 × 150 % "
    "for risk class A by payment behaviour (credit use not counted), "
    "rounded up to a whole hundred: €700.00.",
    KASSA_RISK_C, "Owes €1,500.00, 214 % of the credit limit of €700.00." },
};

static void
set_credit_limit (KassaStore *store,
                  gint64      customer_id,
                  gint64      credit_limit)
{
  g_autoptr(KassaCustomerRecord) customer = NULL;
  g_autoptr(GError) error = NULL;

  customer = kassa_store_get_customer (store, customer_id, &error);
  g_assert_no_error (error);
  customer->credit_limit = credit_limit;
  g_assert_true (kassa_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
}

static void
test_credit_limit_stable (Fixture       *f,
                          gconstpointer  data)
{
  KassaDay t = f->today;

  for (guint i = 0; i < G_N_ELEMENTS (stable_limit_cases); i++)
    {
      const StableLimitCase *c = &stable_limit_cases[i];
      gint64 customer = add_customer_with (f->store, c->name, c->terms, c->limit);
      g_autoptr(KassaPaymentBehaviour) before = NULL;
      g_autoptr(KassaPaymentBehaviour) after = NULL;

      g_test_message ("stable limit case %s", c->name);
      add_paid (f->store, customer, t - 100, c->paid, c->days_late);
      if (c->open_not_due > 0)
        add_invoice (f->store, customer, t - 1, t + 13, c->open_not_due);

      before = compute (f, customer, t);
      g_assert_cmpint (before->risk, ==, c->risk_before);
      g_assert_cmpstr (before->risk_text, ==, c->risk_text_before);
      g_assert_cmpint (before->suggested_credit_limit, ==, c->suggested);
      g_assert_cmpstr (before->suggested_credit_limit_text, ==, c->suggested_text);

      set_credit_limit (f->store, customer, before->suggested_credit_limit);
      after = compute (f, customer, t);
      g_assert_cmpint (after->credit_limit, ==, c->suggested);
      g_assert_cmpint (after->risk, ==, c->risk_after);
      g_assert_cmpstr (after->risk_text, ==, c->risk_text_after);
      g_assert_cmpint (after->suggested_credit_limit, ==, before->suggested_credit_limit);
      g_assert_cmpstr (after->suggested_credit_limit_text, ==, before->suggested_credit_limit_text);
    }
}

/* A customer over its limit: the shown class is C from credit use alone,
 * the suggestion is scaled by the class without it. */
static void
test_credit_limit_exceeded (Fixture       *f,
                            gconstpointer  data)
{
  KassaDay t = f->today;
  gint64 customer = add_customer_with (f->store, "Ylitys Oy", 30, 100000);
  g_autoptr(KassaPaymentBehaviour) b = NULL;
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* 3,650.00 paid on its due date: no delay, nothing overdue.  Open
   * 1,500.00 not yet due against a limit of 1,000.00: 150000 × 100 >
   * 100000 × 100, class C by credit use. */
  id = add_invoice (f->store, customer, t - 60, t - 30, 365000);
  pay (f->store, id, t - 30, 365000);
  add_invoice (f->store, customer, t - 1, t + 29, 150000);

  b = compute (f, customer, t);
  g_assert_cmpint (b->open, ==, 150000);
  g_assert_cmpint (b->overdue, ==, 0);
  g_assert_cmpint (b->risk, ==, KASSA_RISK_C);
  g_assert_cmpstr (b->risk_text, ==, "Owes €1,500.00, 150 % of the credit limit of €1,000.00.");

  /* Without credit use the class is A: sales 365000 + 150000 = 515000,
   * a month 42916 (truncated) × (30 + 0) / 30 = 42916; × 1.5 = 42 × 1500
   * + 916 × 1500 / 1000 = 64374 → €700.00 (with C's 80 % it would be
   * 34332 → €400.00). */
  g_assert_cmpint (b->suggested_credit_limit, ==, 70000);
  g_assert_cmpstr (b->suggested_credit_limit_text, ==,
                   "Average monthly sales €429.16 × 30 days (terms 30 + late 0) ÷ 30 × 150 % "
                   "for risk class A by payment behaviour (credit use not counted), "
                   "rounded up to a whole hundred: €700.00.");

  /* The risk table keeps counting credit use. */
  table = kassa_payment_risk_table (f->store, t, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kassa_payment_risk_lookup (table, customer), ==, KASSA_RISK_C);
}

int
main (int   argc,
      char *argv[])
{
  /* English messages and C number formats for the exact texts. */
  g_setenv ("LC_ALL", "C", TRUE);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/payment-behaviour/slope", test_slope);
  g_test_add_func ("/payment-behaviour/risk-strings", test_risk_strings);
  ADD ("/payment-behaviour/history", test_history);
  ADD ("/payment-behaviour/no-history", test_no_history);
  ADD ("/payment-behaviour/company-days-to-pay", test_company_days_to_pay);
  ADD ("/payment-behaviour/warning", test_warning);
  ADD ("/payment-behaviour/expected", test_expected);
  ADD ("/payment-behaviour/expected-early-payer", test_expected_early_payer);
  ADD ("/payment-behaviour/backtest-hand", test_backtest_hand);
  ADD ("/payment-behaviour/backtest-empty", test_backtest_empty);
  g_test_add ("/payment-behaviour/demo", Fixture, NULL, fixture_set_up_empty, test_demo, fixture_tear_down);
  g_test_add_func ("/payment-behaviour/risk-classify", test_risk_classify);
  ADD ("/payment-behaviour/risk", test_risk);
  ADD ("/payment-behaviour/risk-warning", test_risk_warning);
  ADD ("/payment-behaviour/risk-facts", test_risk_facts);
  g_test_add ("/payment-behaviour/risk-table-demo", Fixture, NULL, fixture_set_up_empty,
              test_risk_table_demo, fixture_tear_down);
  ADD ("/payment-behaviour/credit-limit", test_credit_limit);
  ADD ("/payment-behaviour/credit-limit-stable", test_credit_limit_stable);
  ADD ("/payment-behaviour/credit-limit-exceeded", test_credit_limit_exceeded);

#undef ADD

  return g_test_run ();
}
