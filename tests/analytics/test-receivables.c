/* test-receivables.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Aging and receivables KPIs: the pure formulas with the issue's check
 * values, and a small company built through the KassaStore API whose
 * aging, KPIs, trend and credit-limit list are worked out by hand below.
 */
#define G_LOG_DOMAIN "kassa-test-receivables"

#include "config.h"

#include <sqlite3.h>

#include "kassa-date.h"
#include "kassa-receivables.h"
#include "kassa-store-sql.h"
#include "kassa-test-fixture.h"

/* Today in every test: Tuesday 2026-11-24. */
#define TODAY_Y 2026
#define TODAY_M 11
#define TODAY_D 24

/* The company, amounts in cents, T = today.  Issue dates are due − 14.
 *
 *  cust  doc  issue  due    total     events
 *  A     a1   T−14   T       100.00   e-invoice
 *  A     a2   T−15   T−1     200.00
 *  A     a3   T−44   T−30    300.00
 *  A     a4   T−45   T−31    400.00
 *  A     d1   T+2    T+16  1,100.00   100.00 paid in advance on T−1
 *  B     b1   T−74   T−60    500.00   e-invoice
 *  B     b2   T−75   T−61    600.00
 *  B     b3   T−104  T−90    700.00   200.00 paid on T−50
 *  B     b4   T−105  T−91    800.00   disputed
 *  C     c1   T−4    T+10    900.00
 *  C     c2   T−34   T−20  1,000.00   e-invoice; 400.00 paid on T−10; credited on T−5
 *  C     c3   T−40   T−26     50.00   paid in full on T−3
 *  C     –    T−2    T+12  9,999.00   a draft, never counted
 *  D     (no invoices; a credit limit only)
 *
 * The credit note of c2 (cn) is dated T−5, due T−5, total −1,000.00; by
 * the store's rule it carries −1,000.00 + (1,000.00 − 400.00) = −400.00
 * (a refund owed) and c2 counts 0.
 *
 * Calendar: T = Nov 24; T−14 = Nov 10, T−15 = Nov 9, T−4 = Nov 20,
 * T−5 = Nov 19, T−24 = Oct 31, T−34 = Oct 21, T−40 = Oct 15,
 * T−44 = Oct 11, T−45 = Oct 10, T−55 = Sep 30, T−74 = Sep 11,
 * T−75 = Sep 10, T−104 = Aug 12, T−105 = Aug 11. */
typedef struct
{
  char       *dir;
  KassaStore *store;
  KassaDay    today;
  gint64      customer_a, customer_b, customer_c, customer_d;
  gint64      a1, a2, a3, a4, d1, b1, b2, b3, b4, c1, c2, c3, cn;
} Fixture;

static gint64
add_customer (KassaStore *store,
              const char *number,
              const char *name,
              gint64      credit_limit)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  customer->number = g_strdup (number);
  customer->name = g_strdup (name);
  customer->credit_limit = credit_limit;
  g_assert_true (kassa_store_save_customer (store, customer, &error));
  g_assert_no_error (error);

  return customer->id;
}

static gint64
save_invoice (KassaStore    *store,
              gint64         customer_id,
              KassaDay       issue_date,
              KassaDay       due_date,
              gint64         total,
              KassaDelivery  delivery,
              gboolean       send)
{
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  g_autoptr(GError) error = NULL;
  KassaInvoiceLine *line = kassa_invoice_line_new ();

  /* One 0 % VAT line of quantity 1, so that the total is the price. */
  line->description = g_strdup ("Service");
  line->quantity = 1000;
  line->unit_price = total;
  g_ptr_array_add (invoice->lines, line);
  invoice->customer_id = customer_id;
  invoice->issue_date = issue_date;
  invoice->due_date = due_date;
  invoice->delivery = delivery;

  g_assert_true (kassa_store_save_invoice (store, invoice, &error));
  g_assert_no_error (error);
  if (send)
    {
      g_assert_true (kassa_store_send_invoice (store, invoice->id, &error));
      g_assert_no_error (error);
    }

  return invoice->id;
}

static gint64
send_invoice (Fixture       *f,
              gint64         customer_id,
              int            due_offset,
              gint64         total,
              KassaDelivery  delivery)
{
  KassaDay due = f->today + due_offset;

  return save_invoice (f->store, customer_id, due - 14, due, total, delivery, TRUE);
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
save_company (KassaStore *store)
{
  g_autoptr(KassaCompany) company = kassa_company_new ();
  g_autoptr(GError) error = NULL;

  company->name = g_strdup ("Testi Oy");
  company->business_id = g_strdup ("1234567-8");
  company->iban = g_strdup ("FI21 1234 5600 0007 85");
  g_assert_true (kassa_store_save_company (store, company, &error));
  g_assert_no_error (error);
}

static void
fixture_open (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kassa-test-receivables-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "company.kassa", NULL);
  f->store = kassa_store_open (path, &error);
  g_assert_no_error (error);
  f->today = kassa_day_from_ymd (TODAY_Y, TODAY_M, TODAY_D);
  save_company (f->store);
}

static void
fixture_set_up_empty (Fixture       *f,
                      gconstpointer  data)
{
  fixture_open (f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KassaDay t;

  fixture_open (f);
  t = f->today;

  f->customer_a = add_customer (f->store, "C1", "Alfa Oy", 90000);
  f->customer_b = add_customer (f->store, "C2", "Beta Ab", 300000);
  f->customer_c = add_customer (f->store, "C3", "Gamma Oy", 10000);
  f->customer_d = add_customer (f->store, "C4", "Delta Oy", 50000);

  f->a1 = send_invoice (f, f->customer_a, 0, 10000, KASSA_DELIVERY_EINVOICE);
  f->a2 = send_invoice (f, f->customer_a, -1, 20000, KASSA_DELIVERY_EMAIL);
  f->a3 = send_invoice (f, f->customer_a, -30, 30000, KASSA_DELIVERY_EMAIL);
  f->a4 = send_invoice (f, f->customer_a, -31, 40000, KASSA_DELIVERY_PAPER);
  f->d1 = send_invoice (f, f->customer_a, 16, 110000, KASSA_DELIVERY_EMAIL);
  f->b1 = send_invoice (f, f->customer_b, -60, 50000, KASSA_DELIVERY_EINVOICE);
  f->b2 = send_invoice (f, f->customer_b, -61, 60000, KASSA_DELIVERY_EMAIL);
  f->b3 = send_invoice (f, f->customer_b, -90, 70000, KASSA_DELIVERY_EMAIL);
  f->b4 = send_invoice (f, f->customer_b, -91, 80000, KASSA_DELIVERY_EMAIL);
  f->c1 = send_invoice (f, f->customer_c, 10, 90000, KASSA_DELIVERY_EMAIL);
  f->c2 = send_invoice (f, f->customer_c, -20, 100000, KASSA_DELIVERY_EINVOICE);
  f->c3 = send_invoice (f, f->customer_c, -26, 5000, KASSA_DELIVERY_EMAIL);
  save_invoice (f->store, f->customer_c, t - 2, t + 12, 999900, KASSA_DELIVERY_EMAIL, FALSE);

  pay (f->store, f->d1, t - 1, 10000);
  pay (f->store, f->b3, t - 50, 20000);
  pay (f->store, f->c2, t - 10, 40000);
  pay (f->store, f->c3, t - 3, 5000);

  g_assert_true (kassa_store_set_invoice_disputed (f->store, f->b4, TRUE, &error));
  g_assert_no_error (error);

  f->cn = kassa_store_credit_invoice (f->store, f->c2, t - 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->cn, >, 0);
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
assert_close (double actual,
              double expected)
{
  g_assert_cmpfloat_with_epsilon (actual, expected, 1e-9);
}

/* Pure formulas */

static void
test_bucket_for_days (void)
{
  static const struct
  {
    gint             days;
    KassaAgingBucket bucket;
  } cases[] = {
    { -400, KASSA_AGING_NOT_DUE },
    { -1, KASSA_AGING_NOT_DUE },
    { 0, KASSA_AGING_NOT_DUE },
    { 1, KASSA_AGING_1_30 },
    { 30, KASSA_AGING_1_30 },
    { 31, KASSA_AGING_31_60 },
    { 60, KASSA_AGING_31_60 },
    { 61, KASSA_AGING_61_90 },
    { 90, KASSA_AGING_61_90 },
    { 91, KASSA_AGING_OVER_90 },
    { 5000, KASSA_AGING_OVER_90 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%d days", cases[i].days);
      g_assert_cmpint (kassa_aging_bucket_for_days (cases[i].days), ==, cases[i].bucket);
    }
}

static void
test_bucket_titles (void)
{
  static const char *const expected[KASSA_AGING_N_BUCKETS] = {
    "Not due", "1–30 days", "31–60 days", "61–90 days", "Over 90 days",
  };

  for (guint i = 0; i < KASSA_AGING_N_BUCKETS; i++)
    g_assert_cmpstr (kassa_aging_bucket_to_string (i), ==, expected[i]);

  g_test_expect_message ("kassa-receivables", G_LOG_LEVEL_CRITICAL, "*bucket*");
  g_assert_cmpstr (kassa_aging_bucket_to_string (KASSA_AGING_N_BUCKETS), ==, "");
  g_test_assert_expected_messages ();
}

static void
test_dso (void)
{
  /* The issue's check values: AR 15,000, current 4,000, sales 10,000 in
   * 30 days → DSO 15/10 × 30 = 45, best possible 4/10 × 30 = 12, ADD 33. */
  static const struct
  {
    gint64 ar;
    gint64 sales;
    gint   days;
    double dso;
  } cases[] = {
    { 1500000, 1000000, 30, 45 },
    { 400000, 1000000, 30, 12 },
    { 1100000, 1000000, 30, 33 },
    { 390000, 305000, 90, 390000.0 / 305000.0 * 90 },
    { 0, 1000000, 90, 0 },
    { -50000, 1000000, 30, -1.5 },       /* refunds owed exceed receivables */
    { 1500000, 0, 30, -1 },              /* no sales: undefined */
    { 1500000, -20000, 30, -1 },         /* net credits: undefined */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_close (kassa_kpi_dso (cases[i].ar, cases[i].sales, cases[i].days), cases[i].dso);

  assert_close (kassa_kpi_dso (1500000, 1000000, 30) - kassa_kpi_dso (400000, 1000000, 30), 33);
}

static void
test_countback (void)
{
  static const gint64 sales[] = { 10000000, 8000000, 7000000 };
  static const gint thirty[] = { 30, 30, 30 };
  static const gint64 with_credits[] = { -1000000, 8000000, 7000000 };
  static const gint calendar[] = { 24, 31, 30 };
  static const struct
  {
    gint64        ar;
    const gint64 *sales;
    const gint   *days;
    guint         n;
    double        expected;
  } cases[] = {
    /* The issue: 212,000 − 100,000 − 80,000 = 32,000 of the third month's
     * 70,000: 30 + 30 + 32/70 × 30 = 73.714285… */
    { 21200000, sales, thirty, 3, 60 + 32.0 / 70.0 * 30 },
    { 5000000, sales, thirty, 3, 15 },
    { 10000000, sales, thirty, 3, 30 },                    /* exactly one month */
    { 18000000, sales, thirty, 3, 60 },
    { 25000000, sales, thirty, 3, 90 },
    { 25000001, sales, thirty, 3, -1 },                    /* never covered */
    { 0, sales, thirty, 3, 0 },
    { -300, sales, thirty, 3, 0 },
    { 5000000, NULL, NULL, 0, -1 },
    /* A month of net credits adds to what is left: 50,000 + 10,000 =
     * 60,000 of 80,000 → 24 + 31 × 60/80 = 47.25. */
    { 5000000, with_credits, calendar, 3, 24 + 31 * 0.75 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      assert_close (kassa_kpi_countback_dso (cases[i].ar, cases[i].sales, cases[i].days,
                                             cases[i].n),
                    cases[i].expected);
    }
}

static void
test_cei (void)
{
  static const struct
  {
    gint64 begin, sales, end, end_current;
    double expected;
  } cases[] = {
    /* (20,000 + 10,000 − 15,000) / (20,000 + 10,000 − 4,000) = 15/26 */
    { 2000000, 1000000, 1500000, 400000, 1500000.0 / 2600000.0 * 100 },
    /* Everything collected except what is not yet due: 100 %. */
    { 1000000, 500000, 300000, 300000, 100 },
    /* Nothing collected: 0 %. */
    { 1000000, 0, 1000000, 0, 0 },
    /* The small company's November (see the KPI test): 450/3350. */
    { 415000, 20000, 390000, 100000, 45000.0 / 335000.0 * 100 },
    /* Nothing collectible: undefined. */
    { 0, 0, 0, 0, -1 },
    { 0, 100000, 100000, 100000, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_close (kassa_kpi_cei (cases[i].begin, cases[i].sales, cases[i].end,
                                 cases[i].end_current),
                  cases[i].expected);
}

/* Aging */

typedef struct
{
  int              offset;       /* as of T + offset */
  KassaAgingBasis  basis;
  gint64           buckets[KASSA_AGING_N_BUCKETS];
  gint             counts[KASSA_AGING_N_BUCKETS];
  gint64           total;
} AgingCase;

static const AgingCase aging_cases[] = {
  /* Today by due date, days past due: a1 0, a2 1, a3 30, a4 31, b1 60,
   * b2 61, b3 90 (700 − 200 = 500), b4 91, c1 −10, cn 5 (−400). */
  { 0, KASSA_AGING_BY_DUE_DATE,
    { 10000 + 90000, 20000 + 30000 - 40000, 40000 + 50000, 60000 + 50000, 80000 },
    { 2, 3, 2, 2, 1 }, 390000 },
  /* Today by issue date, days since issue: a1 14, a2 15, a3 44, a4 45,
   * b1 74, b2 75, b3 104, b4 105, c1 4, cn 5. */
  { 0, KASSA_AGING_BY_ISSUE_DATE,
    { 0, 10000 + 20000 + 90000 - 40000, 30000 + 40000, 50000 + 60000, 50000 + 80000 },
    { 0, 4, 2, 2, 2 }, 390000 },
  /* T−14, before the payments of c2 and c3 and before the credit note:
   * c1, cn and d1 not issued yet; c2 has 1,000 open, c3 50.  By issue
   * date the days are the boundaries: a1 0, a2 1, a3 30, a4 31, b1 60,
   * b2 61, b3 90, b4 91; c2 20, c3 26. */
  { -14, KASSA_AGING_BY_ISSUE_DATE,
    { 10000, 20000 + 30000 + 100000 + 5000, 40000 + 50000, 60000 + 50000, 80000 },
    { 1, 4, 2, 2, 1 }, 445000 },
  /* T−14 by due date: a1 −14, a2 −13, a3 16, a4 17, b1 46, b2 47, b3 76,
   * b4 77, c2 6, c3 12. */
  { -14, KASSA_AGING_BY_DUE_DATE,
    { 10000 + 20000, 30000 + 40000 + 100000 + 5000, 50000 + 60000, 50000 + 80000, 0 },
    { 2, 4, 2, 2, 0 }, 445000 },
  /* T−7: c2's payment is in (600 open), the credit note is not: c2 is an
   * ordinary invoice 13 days past due. */
  { -7, KASSA_AGING_BY_DUE_DATE,
    { 10000 + 20000, 30000 + 40000 + 60000 + 5000, 50000 + 60000, 50000 + 80000, 0 },
    { 2, 4, 2, 2, 0 }, 405000 },
  /* T−60, before b3's payment: only b1 (0 days), b2 (1), b3 (30, 700
   * open), b4 (31). */
  { -60, KASSA_AGING_BY_DUE_DATE,
    { 50000, 60000 + 70000, 80000, 0, 0 },
    { 1, 2, 1, 0, 0 }, 260000 },
  /* Oct 31 (T−24): c2 not yet due, the rest past due. */
  { -24, KASSA_AGING_BY_DUE_DATE,
    { 100000, 30000 + 40000 + 5000, 50000 + 60000, 50000 + 80000, 0 },
    { 1, 3, 2, 2, 0 }, 415000 },
};

static void
test_aging_buckets (Fixture       *f,
                    gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (aging_cases); i++)
    {
      const AgingCase *c = &aging_cases[i];
      g_autoptr(KassaAging) aging = NULL;
      g_autoptr(GError) error = NULL;
      gint64 customers_total = 0;

      g_test_message ("case %u: T%+d, basis %d", i, c->offset, c->basis);
      aging = kassa_aging_compute (f->store, f->today + c->offset, c->basis, &error);
      g_assert_no_error (error);
      g_assert_nonnull (aging);
      g_assert_cmpint (aging->as_of, ==, f->today + c->offset);
      g_assert_cmpint (aging->basis, ==, c->basis);

      for (guint b = 0; b < KASSA_AGING_N_BUCKETS; b++)
        {
          g_assert_cmpint (aging->buckets[b], ==, c->buckets[b]);
          g_assert_cmpint (aging->counts[b], ==, c->counts[b]);
        }
      g_assert_cmpint (aging->total, ==, c->total);

      for (guint r = 0; r < aging->customers->len; r++)
        customers_total += ((KassaAgingRow *) g_ptr_array_index (aging->customers, r))->total;
      g_assert_cmpint (customers_total, ==, c->total);
    }
}

static void
assert_row (const KassaAgingRow *row,
            gint64               customer_id,
            const char          *number,
            const char          *name,
            const gint64         buckets[KASSA_AGING_N_BUCKETS],
            gint64               total,
            gint                 count)
{
  g_assert_cmpint (row->customer_id, ==, customer_id);
  g_assert_cmpstr (row->customer_number, ==, number);
  g_assert_cmpstr (row->customer_name, ==, name);
  for (guint b = 0; b < KASSA_AGING_N_BUCKETS; b++)
    g_assert_cmpint (row->buckets[b], ==, buckets[b]);
  g_assert_cmpint (row->total, ==, total);
  g_assert_cmpint (row->invoice_count, ==, count);
}

static void
test_aging_customers (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KassaAging) today = NULL;
  g_autoptr(KassaAging) past = NULL;
  g_autoptr(GError) error = NULL;

  /* Today by due date: B 2,400, A 1,000, C 500 (900 − 400); D has
   * nothing open and no row. */
  today = kassa_aging_compute (f->store, f->today, KASSA_AGING_BY_DUE_DATE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (today->customers->len, ==, 3);
  assert_row (g_ptr_array_index (today->customers, 0), f->customer_b, "C2", "Beta Ab",
              (gint64[]) { 0, 0, 50000, 110000, 80000 }, 240000, 4);
  assert_row (g_ptr_array_index (today->customers, 1), f->customer_a, "C1", "Alfa Oy",
              (gint64[]) { 10000, 50000, 40000, 0, 0 }, 100000, 4);
  assert_row (g_ptr_array_index (today->customers, 2), f->customer_c, "C3", "Gamma Oy",
              (gint64[]) { 90000, -40000, 0, 0, 0 }, 50000, 2);

  /* T−14 by issue date: B 2,400, C 1,050 (c2 1,000 + c3 50), A 1,000. */
  past = kassa_aging_compute (f->store, f->today - 14, KASSA_AGING_BY_ISSUE_DATE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (past->customers->len, ==, 3);
  assert_row (g_ptr_array_index (past->customers, 0), f->customer_b, "C2", "Beta Ab",
              (gint64[]) { 0, 0, 50000, 110000, 80000 }, 240000, 4);
  assert_row (g_ptr_array_index (past->customers, 1), f->customer_c, "C3", "Gamma Oy",
              (gint64[]) { 0, 105000, 0, 0, 0 }, 105000, 2);
  assert_row (g_ptr_array_index (past->customers, 2), f->customer_a, "C1", "Alfa Oy",
              (gint64[]) { 10000, 50000, 40000, 0, 0 }, 100000, 4);
}

static gint64
sql_open_total (KassaStore *store,
                KassaDay    issued_by)
{
  sqlite3 *db = kassa_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gint64 total;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT SUM (" KASSA_STORE_OPEN_AMOUNT_SQL ")"
                                       " FROM invoices i WHERE i.issue_date <= ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, issued_by);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  total = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return total;
}

/* With nothing dated after the day, the aging total is the store's open
 * amount summed over the documents issued by then. */
static void
test_aging_matches_store_rule (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(KassaAging) today = NULL;
  g_autoptr(KassaAging) later = NULL;
  g_autoptr(GError) error = NULL;

  today = kassa_aging_compute (f->store, f->today, KASSA_AGING_BY_DUE_DATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_open_total (f->store, f->today), ==, 390000);
  g_assert_cmpint (today->total, ==, sql_open_total (f->store, f->today));

  /* A month on, d1 is there too: 1,100 − 100 paid in advance. */
  later = kassa_aging_compute (f->store, f->today + 30, KASSA_AGING_BY_ISSUE_DATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_open_total (f->store, G_MAXINT32), ==, 490000);
  g_assert_cmpint (later->total, ==, sql_open_total (f->store, G_MAXINT32));
}

typedef struct
{
  gint64   *invoice_id;    /* a Fixture field */
  gint64    open;
  gint      days;
  gboolean  disputed;
} ExpectedInvoice;

static void
assert_invoices (Fixture               *f,
                 int                    offset,
                 KassaAgingBasis        basis,
                 gint64                 customer_id,
                 int                    bucket,
                 const ExpectedInvoice *expected,
                 guint                  n_expected)
{
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GError) error = NULL;

  invoices = kassa_aging_list_invoices (f->store, f->today + offset, basis, customer_id, bucket,
                                        &error);
  g_assert_no_error (error);
  g_assert_nonnull (invoices);
  g_assert_cmpuint (invoices->len, ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      const KassaAgingInvoice *invoice = g_ptr_array_index (invoices, i);
      g_autoptr(KassaInvoiceRecord) record = kassa_store_get_invoice (f->store,
                                                                      *expected[i].invoice_id,
                                                                      &error);

      g_assert_no_error (error);
      g_assert_cmpint (invoice->invoice_id, ==, *expected[i].invoice_id);
      g_assert_cmpint (invoice->number, ==, record->number);
      g_assert_cmpint (invoice->customer_id, ==, record->customer_id);
      g_assert_cmpint (invoice->issue_date, ==, record->issue_date);
      g_assert_cmpint (invoice->due_date, ==, record->due_date);
      g_assert_cmpint (invoice->open, ==, expected[i].open);
      g_assert_cmpint (invoice->days, ==, expected[i].days);
      g_assert_cmpint (invoice->bucket, ==, kassa_aging_bucket_for_days (expected[i].days));
      g_assert_cmpint (invoice->disputed, ==, expected[i].disputed);
      g_assert_nonnull (invoice->customer_name);
    }
}

static void
test_aging_drill_down (Fixture       *f,
                       gconstpointer  data)
{
  /* Today, 1–30 days past due, everyone: a3 30, cn 5, a2 1. */
  const ExpectedInvoice due_1_30[] = {
    { &f->a3, 30000, 30, FALSE },
    { &f->cn, -40000, 5, FALSE },
    { &f->a2, 20000, 1, FALSE },
  };
  /* Today, customer B, all buckets, oldest due first. */
  const ExpectedInvoice customer_b[] = {
    { &f->b4, 80000, 91, TRUE },
    { &f->b3, 50000, 90, FALSE },
    { &f->b2, 60000, 61, FALSE },
    { &f->b1, 50000, 60, FALSE },
  };
  /* Today by issue date, customer C: cn 5 days, c1 4. */
  const ExpectedInvoice customer_c_by_issue[] = {
    { &f->cn, -40000, 5, FALSE },
    { &f->c1, 90000, 4, FALSE },
  };
  /* T−14 by due date, customer C: c3 12 days (50 open), c2 6 (1,000). */
  const ExpectedInvoice customer_c_past[] = {
    { &f->c3, 5000, 12, FALSE },
    { &f->c2, 100000, 6, FALSE },
  };
  /* Today, not due: a1 (due today, 0 days), c1 (−10). */
  const ExpectedInvoice not_due[] = {
    { &f->a1, 10000, 0, FALSE },
    { &f->c1, 90000, -10, FALSE },
  };

  assert_invoices (f, 0, KASSA_AGING_BY_DUE_DATE, 0, KASSA_AGING_1_30,
                   due_1_30, G_N_ELEMENTS (due_1_30));
  assert_invoices (f, 0, KASSA_AGING_BY_DUE_DATE, f->customer_b, -1,
                   customer_b, G_N_ELEMENTS (customer_b));
  assert_invoices (f, 0, KASSA_AGING_BY_ISSUE_DATE, f->customer_c, -1,
                   customer_c_by_issue, G_N_ELEMENTS (customer_c_by_issue));
  assert_invoices (f, -14, KASSA_AGING_BY_DUE_DATE, f->customer_c, -1,
                   customer_c_past, G_N_ELEMENTS (customer_c_past));
  assert_invoices (f, 0, KASSA_AGING_BY_DUE_DATE, 0, KASSA_AGING_NOT_DUE,
                   not_due, G_N_ELEMENTS (not_due));
  assert_invoices (f, 0, KASSA_AGING_BY_DUE_DATE, f->customer_a, KASSA_AGING_OVER_90, NULL, 0);
  assert_invoices (f, 0, KASSA_AGING_BY_DUE_DATE, f->customer_d, -1, NULL, 0);
}

/* KPIs */

static void
assert_kpis_equal (const KassaReceivablesKpis *a,
                   const KassaReceivablesKpis *b)
{
  g_assert_cmpint (a->period_end, ==, b->period_end);
  g_assert_cmpint (a->days, ==, b->days);
  g_assert_cmpint (a->receivables, ==, b->receivables);
  g_assert_cmpint (a->current_receivables, ==, b->current_receivables);
  g_assert_cmpint (a->overdue_receivables, ==, b->overdue_receivables);
  g_assert_cmpint (a->credit_sales, ==, b->credit_sales);
  assert_close (a->dso, b->dso);
  assert_close (a->best_possible_dso, b->best_possible_dso);
  assert_close (a->average_days_delinquent, b->average_days_delinquent);
  assert_close (a->countback_dso, b->countback_dso);
  assert_close (a->cei_percent, b->cei_percent);
  assert_close (a->overdue_share, b->overdue_share);
  assert_close (a->average_days_late, b->average_days_late);
  assert_close (a->einvoice_share, b->einvoice_share);
}

static void
test_kpis_today (Fixture       *f,
                 gconstpointer  data)
{
  KassaReceivablesKpis kpis;
  g_autoptr(GError) error = NULL;

  g_assert_true (kassa_receivables_kpis (f->store, f->today, 90, &kpis, &error));
  g_assert_no_error (error);

  g_assert_cmpint (kpis.period_end, ==, f->today);
  g_assert_cmpint (kpis.days, ==, 90);
  /* The aging of today: 3,900, of which 1,000 not due (a1 due today, c1). */
  g_assert_cmpint (kpis.receivables, ==, 390000);
  g_assert_cmpint (kpis.current_receivables, ==, 100000);
  g_assert_cmpint (kpis.overdue_receivables, ==, 290000);
  /* Issued in (T−90, T]: a1–a4 1,000, b1 + b2 1,100, c1 900, c2 1,000,
   * cn −1,000, c3 50 = 3,050 (b3, b4 are older, d1 later, the draft
   * unsent). */
  g_assert_cmpint (kpis.credit_sales, ==, 305000);
  assert_close (kpis.dso, 390000.0 / 305000.0 * 90);               /* 115.08 */
  assert_close (kpis.best_possible_dso, 100000.0 / 305000.0 * 90); /* 29.51 */
  assert_close (kpis.average_days_delinquent, 290000.0 / 305000.0 * 90);
  /* Countback: Nov 1–24 sales 200 (a1, a2, c1, cn) over 24 days, Oct
   * 1,750 (31 days), Sep 1,100 (30), Aug 1,500 (31):
   * 3,900 − 200 − 1,750 − 1,100 = 850 of Aug's 1,500 →
   * 24 + 31 + 30 + 31 × 850/1,500 = 102.57 */
  assert_close (kpis.countback_dso, 24 + 31 + 30 + 31 * 850.0 / 1500.0);
  /* CEI, November: begin AR (Oct 31) 4,150, sales 200, end 3,900, end
   * current 1,000 → 450 / 3,350 = 13.43 %. */
  assert_close (kpis.cei_percent, 45000.0 / 335000.0 * 100);
  assert_close (kpis.overdue_share, 290000.0 / 390000.0);
  /* Payments in the window: b3 200 at 40 days late, c2 400 at 10, c3 50
   * at 23, d1 100 in advance at 0: (8,000 + 4,000 + 1,150) / 750. */
  assert_close (kpis.average_days_late, 13150.0 / 750.0);
  /* 9 ordinary invoices issued in the window, a1, b1, c2 as e-invoices. */
  assert_close (kpis.einvoice_share, 3.0 / 9.0);
}

/* A day in the past: AR and current agree with that day's aging. */
static void
test_kpis_past_days_match_aging (Fixture       *f,
                                 gconstpointer  data)
{
  static const struct
  {
    int    offset;
    gint64 receivables;
    gint64 current;
  } cases[] = {
    { 0, 390000, 100000 },
    { -7, 405000, 30000 },
    { -14, 445000, 30000 },
    { -24, 415000, 100000 },
    { -55, 260000, 0 },      /* Sep 30: b1 due T−60 = Sep 25 is past due */
    { -60, 260000, 50000 },
    { -200, 0, 0 },
    { 30, 490000, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KassaDay day = f->today + cases[i].offset;
      g_autoptr(KassaAging) aging = NULL;
      g_autoptr(GError) error = NULL;
      KassaReceivablesKpis kpis;

      g_test_message ("T%+d", cases[i].offset);
      g_assert_true (kassa_receivables_kpis (f->store, day, 90, &kpis, &error));
      g_assert_no_error (error);
      aging = kassa_aging_compute (f->store, day, KASSA_AGING_BY_DUE_DATE, &error);
      g_assert_no_error (error);

      g_assert_cmpint (kpis.receivables, ==, cases[i].receivables);
      g_assert_cmpint (kpis.current_receivables, ==, cases[i].current);
      g_assert_cmpint (aging->total, ==, kpis.receivables);
      g_assert_cmpint (aging->buckets[KASSA_AGING_NOT_DUE], ==, kpis.current_receivables);
      g_assert_cmpint (kpis.overdue_receivables, ==,
                       aging->total - aging->buckets[KASSA_AGING_NOT_DUE]);
    }
}

static void
test_trend (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GArray) trend = NULL;
  g_autoptr(GError) error = NULL;
  static const struct
  {
    int y, m, d;
    gint64 receivables;
  } expected[] = {
    { 2026, 8, 31, 150000 },   /* b3 + b4 */
    { 2026, 9, 30, 260000 },
    { 2026, 10, 31, 415000 },
    { TODAY_Y, TODAY_M, TODAY_D, 390000 },
  };

  trend = kassa_receivables_kpi_trend (f->store, f->today, G_N_ELEMENTS (expected), 90, &error);
  g_assert_no_error (error);
  g_assert_nonnull (trend);
  g_assert_cmpuint (trend->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < trend->len; i++)
    {
      const KassaReceivablesKpis *point = &g_array_index (trend, KassaReceivablesKpis, i);
      KassaReceivablesKpis single;

      g_assert_cmpint (point->period_end, ==,
                       kassa_day_from_ymd (expected[i].y, expected[i].m, expected[i].d));
      g_assert_cmpint (point->receivables, ==, expected[i].receivables);

      /* Every point is the KPIs computed on their own at that day; the
       * last one is today's. */
      g_assert_true (kassa_receivables_kpis (f->store, point->period_end, 90, &single, &error));
      g_assert_no_error (error);
      assert_kpis_equal (point, &single);
    }
}

static void
test_empty_company (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KassaAging) aging = NULL;
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GPtrArray) over = NULL;
  g_autoptr(GArray) trend = NULL;
  g_autoptr(GError) error = NULL;
  KassaReceivablesKpis kpis;

  aging = kassa_aging_compute (f->store, f->today, KASSA_AGING_BY_DUE_DATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (aging->total, ==, 0);
  g_assert_cmpuint (aging->customers->len, ==, 0);

  invoices = kassa_aging_list_invoices (f->store, f->today, KASSA_AGING_BY_DUE_DATE, 0, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (invoices->len, ==, 0);

  g_assert_true (kassa_receivables_kpis (f->store, f->today, 90, &kpis, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kpis.receivables, ==, 0);
  g_assert_cmpint (kpis.credit_sales, ==, 0);
  assert_close (kpis.dso, -1);
  assert_close (kpis.best_possible_dso, -1);
  assert_close (kpis.average_days_delinquent, -1);
  assert_close (kpis.countback_dso, 0);
  assert_close (kpis.cei_percent, -1);
  assert_close (kpis.overdue_share, 0);
  assert_close (kpis.average_days_late, 0);
  assert_close (kpis.einvoice_share, 0);

  trend = kassa_receivables_kpi_trend (f->store, f->today, 12, 90, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trend->len, ==, 12);
  g_assert_cmpint (g_array_index (trend, KassaReceivablesKpis, 0).period_end, ==,
                   kassa_day_from_ymd (2025, 12, 31));

  over = kassa_credit_limit_exceeded_list (f->store, f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (over->len, ==, 0);
}

/* Credit limits */

static void
assert_credit_use (const KassaCreditUse *use,
                   gint64                customer_id,
                   const char           *number,
                   const char           *name,
                   gint64                open,
                   gint64                limit)
{
  g_assert_cmpint (use->customer_id, ==, customer_id);
  g_assert_cmpstr (use->customer_number, ==, number);
  g_assert_cmpstr (use->customer_name, ==, name);
  g_assert_cmpint (use->open, ==, open);
  g_assert_cmpint (use->credit_limit, ==, limit);
}

static void
test_credit_limits (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GError) error = NULL;

  /* Today: C 500 open over 100 (400 over), A 1,000 over 900 (100 over);
   * B 2,400 is under 3,000 and D has nothing open. */
  today = kassa_credit_limit_exceeded_list (f->store, f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (today->len, ==, 2);
  assert_credit_use (g_ptr_array_index (today, 0), f->customer_c, "C3", "Gamma Oy", 50000, 10000);
  assert_credit_use (g_ptr_array_index (today, 1), f->customer_a, "C1", "Alfa Oy", 100000, 90000);

  /* A month on, d1 has been issued: A owes 2,000 (1,100 over) and comes
   * first. */
  later = kassa_credit_limit_exceeded_list (f->store, f->today + 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, ==, 2);
  assert_credit_use (g_ptr_array_index (later, 0), f->customer_a, "C1", "Alfa Oy", 200000, 90000);
  assert_credit_use (g_ptr_array_index (later, 1), f->customer_c, "C3", "Gamma Oy", 50000, 10000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/receivables/formula/bucket-for-days", test_bucket_for_days);
  g_test_add_func ("/receivables/formula/bucket-titles", test_bucket_titles);
  g_test_add_func ("/receivables/formula/dso", test_dso);
  g_test_add_func ("/receivables/formula/countback", test_countback);
  g_test_add_func ("/receivables/formula/cei", test_cei);

  g_test_add ("/receivables/aging/buckets", Fixture, NULL,
              fixture_set_up, test_aging_buckets, fixture_tear_down);
  g_test_add ("/receivables/aging/customers", Fixture, NULL,
              fixture_set_up, test_aging_customers, fixture_tear_down);
  g_test_add ("/receivables/aging/store-rule", Fixture, NULL,
              fixture_set_up, test_aging_matches_store_rule, fixture_tear_down);
  g_test_add ("/receivables/aging/drill-down", Fixture, NULL,
              fixture_set_up, test_aging_drill_down, fixture_tear_down);
  g_test_add ("/receivables/kpis/today", Fixture, NULL,
              fixture_set_up, test_kpis_today, fixture_tear_down);
  g_test_add ("/receivables/kpis/past-days", Fixture, NULL,
              fixture_set_up, test_kpis_past_days_match_aging, fixture_tear_down);
  g_test_add ("/receivables/kpis/trend", Fixture, NULL,
              fixture_set_up, test_trend, fixture_tear_down);
  g_test_add ("/receivables/empty", Fixture, NULL,
              fixture_set_up_empty, test_empty_company, fixture_tear_down);
  g_test_add ("/receivables/credit-limits", Fixture, NULL,
              fixture_set_up, test_credit_limits, fixture_tear_down);

  return g_test_run ();
}
