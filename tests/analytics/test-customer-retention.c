/* test-customer-retention.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Retention and churn per year, the simple CLV, NPS (score and by
 * period) and campaign results, on companies built by hand.  Every
 * invoice has one line of quantity 1 at 0 % VAT, so its total_net is the
 * price and its total_cost the unit cost.  Today is 2026-11-24.
 */
#define G_LOG_DOMAIN "kassa-test-customer-retention"

#include "config.h"

#include <locale.h>

#include "kassa-customer-retention.h"
#include "kassa-date.h"
#include "kassa-test-fixture.h"

typedef struct
{
  char       *dir;
  KassaStore *store;
  gint64      customers[12];  /* A … L */
} Fixture;

enum { A, B, C, D, E, F, G, H, I, J, K, L };

static KassaDay
ymd (int year,
     int month,
     int day)
{
  return kassa_day_from_ymd (year, month, day);
}

#define TODAY ymd (2026, 11, 24)

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KassaCompany) company = kassa_company_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kassa-test-retention-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "company.kassa", NULL);
  f->store = kassa_store_open (path, &error);
  g_assert_no_error (error);

  company->name = g_strdup ("Testi Oy");
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (f->customers); i++)
    {
      g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();

      customer->name = g_strdup_printf ("Asiakas %c", 'A' + i);
      customer->payment_terms_days = 14;
      g_assert_true (kassa_store_save_customer (f->store, customer, &error));
      g_assert_no_error (error);
      f->customers[i] = customer->id;
    }
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
add_draft (Fixture  *f,
           guint     customer,
           KassaDay  issue_date,
           gint64    price,
           gint64    cost)
{
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  KassaInvoiceLine *line = kassa_invoice_line_new ();
  g_autoptr(GError) error = NULL;

  invoice->customer_id = f->customers[customer];
  invoice->issue_date = issue_date;
  invoice->due_date = issue_date + 14;
  line->description = g_strdup ("Service");
  line->quantity = 1000;
  line->unit_price = price;
  line->unit_cost = cost;
  g_ptr_array_add (invoice->lines, line);
  g_assert_true (kassa_store_save_invoice (f->store, invoice, &error));
  g_assert_no_error (error);
  return invoice->id;
}

static gint64
add_invoice (Fixture  *f,
             guint     customer,
             KassaDay  issue_date,
             gint64    price,
             gint64    cost)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_draft (f, customer, issue_date, price, cost);

  g_assert_true (kassa_store_send_invoice (f->store, id, &error));
  g_assert_no_error (error);
  return id;
}

static void
credit (Fixture  *f,
        gint64    invoice_id,
        KassaDay  date)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (kassa_store_credit_invoice (f->store, invoice_id, date, &error), >, 0);
  g_assert_no_error (error);
}

/* Years and who is active (a sent invoice that is not a credit note):
 *   A  2023 2024 2025 2026            always there
 *   B  2023 2024                      lost in 2025
 *   C       2024 2025                 new in 2024, lost in 2026
 *   D  2023      2025 2026            returns on 2025-12-31 after a gap: not new
 *   E            2025                 new in 2025; its invoice credited on
 *                                     2026-01-15: a credit-note-only 2026
 *   F                 2026            a 2025 draft does not count: new in 2026
 *   G  2022 2024                      returns in 2024, first seen 2022: not new
 * Active: 2023 {A B D}, 2024 {A B C G}, 2025 {A C D E}, 2026 {A D F};
 * new: 2024 {C}, 2025 {E}, 2026 {F}.
 *   2024: start 3, end 4, new 1: (4 − 1) ÷ 3 = 100 %, churn 0
 *   2025: start 4, end 4, new 1: 3 ÷ 4 = 75 %, churn 25 %
 *   2026: start 4, end 3, new 1: 2 ÷ 4 = 50 %, churn 50 %
 * The last 12 months (2025-11-25 … 2026-11-24) for the CLV, margin =
 * price − cost:
 *   A 2026-02-01  5000.00 − 3000.00 =  2000.00
 *   C 2025-11-25  1000.00 −  400.00 =   600.00 (first day; 2025-11-24 is out)
 *   D 2025-12-31  2000.00 − 1500.00 =   500.00
 *   D 2026-01-01  1000.00 − 1000.00 =     0.00
 *   E credit note 2026-01-15 of 800.00 − 200.00: −600.00 (E not active)
 *   F 2026-11-24   300.00 −  450.00 =  −150.00 (2026-11-25 is out)
 * margin 2350.00 over 4 active customers (A C D F): 587.50 a year. */
static void
build_company (Fixture *f)
{
  gint64 e_2025;

  add_invoice (f, A, ymd (2023, 3, 1), 10000, 5000);
  add_invoice (f, A, ymd (2024, 5, 10), 10000, 5000);
  add_invoice (f, A, ymd (2025, 6, 1), 10000, 5000);
  add_invoice (f, A, ymd (2026, 2, 1), 500000, 300000);
  add_invoice (f, B, ymd (2023, 4, 1), 10000, 5000);
  add_invoice (f, B, ymd (2024, 6, 1), 10000, 5000);
  add_invoice (f, C, ymd (2024, 7, 1), 10000, 5000);
  add_invoice (f, C, ymd (2025, 11, 24), 70000, 0);
  add_invoice (f, C, ymd (2025, 11, 25), 100000, 40000);
  add_invoice (f, D, ymd (2023, 1, 15), 10000, 5000);
  add_invoice (f, D, ymd (2025, 12, 31), 200000, 150000);
  add_invoice (f, D, ymd (2026, 1, 1), 100000, 100000);
  e_2025 = add_invoice (f, E, ymd (2025, 3, 1), 80000, 20000);
  credit (f, e_2025, ymd (2026, 1, 15));
  add_draft (f, F, ymd (2025, 8, 1), 10000, 0);
  add_invoice (f, F, ymd (2026, 11, 24), 30000, 45000);
  add_invoice (f, F, ymd (2026, 11, 25), 99999, 0);
  add_invoice (f, G, ymd (2022, 9, 1), 10000, 5000);
  add_invoice (f, G, ymd (2024, 9, 1), 10000, 5000);
}

static void
assert_year (const KassaRetentionYear *row,
             const KassaRetentionYear *expected)
{
  g_test_message ("%d: start %u end %u new %u retention %d churn %d", row->year,
                  row->customers_start, row->customers_end, row->customers_new,
                  row->retention_bp, row->churn_bp);
  g_assert_cmpint (row->year, ==, expected->year);
  g_assert_cmpuint (row->customers_start, ==, expected->customers_start);
  g_assert_cmpuint (row->customers_end, ==, expected->customers_end);
  g_assert_cmpuint (row->customers_new, ==, expected->customers_new);
  g_assert_cmpint (row->has_rate, ==, expected->has_rate);
  g_assert_cmpint (row->retention_bp, ==, expected->retention_bp);
  g_assert_cmpint (row->churn_bp, ==, expected->churn_bp);
}

static void
test_retention_years (Fixture       *f,
                      gconstpointer  data)
{
  const KassaRetentionYear expected[] = {
    { 2024, 3, 4, 1, TRUE, 10000, 0 },
    { 2025, 4, 4, 1, TRUE, 7500, 2500 },
    { 2026, 4, 3, 1, TRUE, 5000, 5000 },
  };
  g_autoptr(GArray) table = NULL;
  g_autoptr(GError) error = NULL;

  build_company (f);
  table = kassa_retention_compute (f->store, 2024, 2026, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  g_assert_cmpuint (table->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < table->len; i++)
    assert_year (&g_array_index (table, KassaRetentionYear, i), &expected[i]);
}

/* 2021 has nobody, so 2022 has no rate; 2023's start is G alone, who is
 * gone in 2023: (3 − 3) ÷ 1 = 0 %, churn 100 %.  2027 starts with A D F
 * and has nobody: 0 % — a year past today is simply empty. */
static void
test_retention_empty_start (Fixture       *f,
                            gconstpointer  data)
{
  const KassaRetentionYear expected[] = {
    { 2022, 0, 1, 1, FALSE, 0, 0 },
    { 2023, 1, 3, 3, TRUE, 0, 10000 },
  };
  const KassaRetentionYear expected_2027 = { 2027, 3, 0, 0, TRUE, 0, 10000 };
  g_autoptr(GArray) table = NULL;
  g_autoptr(GArray) later = NULL;
  g_autoptr(GError) error = NULL;

  build_company (f);
  table = kassa_retention_compute (f->store, 2022, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->len, ==, 2);
  for (guint i = 0; i < table->len; i++)
    assert_year (&g_array_index (table, KassaRetentionYear, i), &expected[i]);

  later = kassa_retention_compute (f->store, 2027, 2027, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, ==, 1);
  assert_year (&g_array_index (later, KassaRetentionYear, 0), &expected_2027);
}

/* An empty company: every year without a rate. */
static void
test_retention_no_invoices (Fixture       *f,
                            gconstpointer  data)
{
  const KassaRetentionYear expected = { 2026, 0, 0, 0, FALSE, 0, 0 };
  g_autoptr(GArray) table = NULL;
  g_autoptr(GError) error = NULL;

  table = kassa_retention_compute (f->store, 2026, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->len, ==, 1);
  assert_year (&g_array_index (table, KassaRetentionYear, 0), &expected);
}

/* The CLV of build_company as of 2026-11-24: last = 2025-11-25 …
 * 2026-11-24, before = 2024-11-25 … 2025-11-24.  Sales in before: A
 * (2025-06-01), C (2025-11-24, today − 365), E (2025-03-01, credited
 * later but still a sale); F's 2025 invoice is a draft, B and G bought
 * before 2024-11-25.  Of them A (2026-02-01) and C (2025-11-25, today −
 * 364) bought again; E's credit note in last is not a sale: lost.  D and
 * F bought only in last: new, in neither count.
 *   before 3, kept 2: retention 6667 (66.667 %), churn 3333;
 *   lifetime 120 000 ÷ 3333 = 36.004 → 36 months;
 *   active A C D F, margin 2350.00 (see build_company): 587.50 a year;
 *   CLV = 58 750 × 36 ÷ 12 = 176 250. */
static void
test_clv_computed (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KassaLifetimeValue value;

  build_company (f);
  g_assert_true (kassa_lifetime_value_compute (f->store, TODAY, &value, &error));
  g_assert_no_error (error);

  g_assert_true (value.available);
  g_assert_cmpuint (value.customers_before, ==, 3);
  g_assert_cmpuint (value.customers_kept, ==, 2);
  g_assert_cmpint (value.retention_bp, ==, 6667);
  g_assert_cmpint (value.churn_bp, ==, 3333);
  g_assert_cmpuint (value.active_customers, ==, 4);
  g_assert_cmpint (value.average_yearly_margin, ==, 58750);
  g_assert_cmpint (value.lifetime_months, ==, 36);
  g_assert_cmpint (value.clv, ==, 176250);
}

/* Window cases: each invoice is sold at 1000.00 with a cost of 600.00
 * (margin 400.00) on TODAY + sale days, and optionally credited on TODAY
 * + credit days (the credit note's margin is −400.00) or left a draft. */
#define NO_CREDIT G_MININT

typedef struct
{
  guint    customer;
  gint     sale;
  gint     credit;   /* NO_CREDIT, or the day of its credit note */
  gboolean draft;
} WindowInvoice;

typedef struct
{
  WindowInvoice invoices[24];
  guint         n_invoices;
  gboolean      available;
  guint         before;
  guint         kept;
  guint         active;
  gint          retention_bp;
  gint          churn_bp;
  gint64        average_yearly_margin;
  gint          lifetime_months;
  gint64        clv;
} WindowCase;

#define SALE(customer, day) { customer, day, NO_CREDIT, FALSE }
#define CREDITED(customer, day, credit_day) { customer, day, credit_day, FALSE }
#define DRAFT(customer, day) { customer, day, NO_CREDIT, TRUE }

/* Edges: A at today − 365 (before) and today − 364 (last): kept; B at
 * today − 729 (first day of before): lost; C at today − 730: outside;
 * D today: new; E tomorrow: outside.  Before {A B}, kept {A}: 50 %;
 * last {A D}, margin 800.00 ÷ 2 = 400.00; 120 000 ÷ 5000 = 24 months;
 * CLV 40 000 × 24 ÷ 12 = 80 000. */
static const WindowCase edges_case = {
  { SALE (A, -365), SALE (A, -364), SALE (B, -729), SALE (C, -730), SALE (D, 0),
    SALE (E, 1) }, 6,
  TRUE, 2, 1, 2, 5000, 5000, 40000, 24, 80000
};

/* Not sales: A's only invoice in before is a credit note (sold at −800,
 * credited at −500); B has a draft in before and another in last.  C
 * sold in both: kept.  D sold at −400 and was credited at −100: the
 * credited invoice was a sale (before), the credit note is not (D is
 * lost).  Before {C D}, kept {C}: 50 %; last: C's sale +400.00 and D's
 * credit note −400.00 over the one active customer C: 0; CLV 0. */
static const WindowCase not_sales_case = {
  { CREDITED (A, -800, -500), DRAFT (B, -400), DRAFT (B, -10), SALE (C, -400), SALE (C, -100),
    CREDITED (D, -400, -100) }, 6,
  TRUE, 2, 1, 1, 5000, 5000, 0, 24, 0
};

/* Nobody bought in before (A, B only in last, C's draft in before does
 * not count): not available, but the margin figures are there. */
static const WindowCase no_earlier_case = {
  { SALE (A, -10), SALE (B, -364), DRAFT (C, -500) }, 3,
  FALSE, 0, 0, 2, 0, 0, 40000, 0, 0
};

/* Floor: A and B both kept, churn 0 → taken as 1 % → 1200 months →
 * capped at 120; CLV 40 000 × 120 ÷ 12 = 400 000.  The churn shown
 * stays 0. */
static const WindowCase floor_case = {
  { SALE (A, -400), SALE (A, -10), SALE (B, -700), SALE (B, -200) }, 4,
  TRUE, 2, 2, 2, 10000, 0, 40000, 120, 400000
};

/* Cap above the floor: 11 customers in before (A … J and L), 10 kept
 * (L is lost): retention 9091 (90.909 %), churn 909 → 120 000 ÷ 909 =
 * 132.01 → capped at 120 months; 10 active, 4000.00 ÷ 10 = 400.00; CLV
 * 40 000 × 120 ÷ 12 = 400 000. */
static const WindowCase cap_case = {
  { SALE (A, -400), SALE (B, -400), SALE (C, -400), SALE (D, -400), SALE (E, -400),
    SALE (F, -400), SALE (G, -400), SALE (H, -400), SALE (I, -400), SALE (J, -400),
    SALE (L, -400), SALE (A, -1), SALE (B, -1), SALE (C, -1), SALE (D, -1), SALE (E, -1),
    SALE (F, -1), SALE (G, -1), SALE (H, -1), SALE (I, -1), SALE (J, -1) }, 21,
  TRUE, 11, 10, 10, 9091, 909, 40000, 120, 400000
};

/* Rounding: 7 in before (A … G), 3 kept (A B C) plus one new (H):
 * retention 3 ÷ 7 = 4286 (42.857 %), churn 5714; 120 000 ÷ 5714 =
 * 21.001 → 21 months; last margin 1600.00 ÷ 4 = 400.00, CLV 40 000 × 21 ÷
 * 12 = 70 000.  Sales on −365 and −364 again check the edges. */
static const WindowCase rounding_case = {
  { SALE (A, -365), SALE (B, -500), SALE (C, -729), SALE (D, -600), SALE (E, -365),
    SALE (F, -400), SALE (G, -700), SALE (A, -364), SALE (B, -300), SALE (C, 0), SALE (H, -1) }, 11,
  TRUE, 7, 3, 4, 4286, 5714, 40000, 21, 70000
};

static void
add_window_invoice (Fixture             *f,
                    const WindowInvoice *invoice)
{
  gint64 id;

  if (invoice->draft)
    {
      add_draft (f, invoice->customer, TODAY + invoice->sale, 100000, 60000);
      return;
    }
  id = add_invoice (f, invoice->customer, TODAY + invoice->sale, 100000, 60000);
  if (invoice->credit != NO_CREDIT)
    credit (f, id, TODAY + invoice->credit);
}

static void
test_clv_window (Fixture       *f,
                 gconstpointer  data)
{
  const WindowCase *c = data;
  g_autoptr(GError) error = NULL;
  KassaLifetimeValue value;

  for (guint i = 0; i < c->n_invoices; i++)
    add_window_invoice (f, &c->invoices[i]);
  g_assert_true (kassa_lifetime_value_compute (f->store, TODAY, &value, &error));
  g_assert_no_error (error);

  g_test_message ("before %u kept %u active %u retention %d churn %d margin %" G_GINT64_FORMAT
                  " months %d clv %" G_GINT64_FORMAT, value.customers_before,
                  value.customers_kept, value.active_customers, value.retention_bp,
                  value.churn_bp, value.average_yearly_margin, value.lifetime_months, value.clv);
  g_assert_cmpint (value.available, ==, c->available);
  g_assert_cmpuint (value.customers_before, ==, c->before);
  g_assert_cmpuint (value.customers_kept, ==, c->kept);
  g_assert_cmpuint (value.active_customers, ==, c->active);
  g_assert_cmpint (value.retention_bp, ==, c->retention_bp);
  g_assert_cmpint (value.churn_bp, ==, c->churn_bp);
  g_assert_cmpint (value.average_yearly_margin, ==, c->average_yearly_margin);
  g_assert_cmpint (value.lifetime_months, ==, c->lifetime_months);
  g_assert_cmpint (value.clv, ==, c->clv);
}

/* An empty company: nothing in either window. */
static void
test_clv_no_sales (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KassaLifetimeValue value;

  g_assert_true (kassa_lifetime_value_compute (f->store, TODAY, &value, &error));
  g_assert_no_error (error);
  g_assert_false (value.available);
  g_assert_cmpuint (value.customers_before, ==, 0);
  g_assert_cmpuint (value.active_customers, ==, 0);
  g_assert_cmpint (value.average_yearly_margin, ==, 0);
  g_assert_cmpint (value.lifetime_months, ==, 0);
  g_assert_cmpint (value.clv, ==, 0);
}

/* NPS */

typedef struct
{
  guint promoters, passives, detractors;
  gint  nps;
} NpsCase;

static void
test_nps_score (void)
{
  const NpsCase cases[] = {
    { 5, 3, 2, 30 },      /* 100 × 3 ÷ 10 */
    { 1, 0, 2, -33 },     /* −33.3 */
    { 2, 0, 1, 33 },      /* 33.3 */
    { 1, 7, 0, 13 },      /* 12.5, half away from zero */
    { 0, 7, 1, -13 },     /* −12.5 */
    { 1, 1, 0, 50 },
    { 10, 0, 0, 100 },
    { 0, 0, 4, -100 },
    { 0, 5, 0, 0 },
    { 0, 0, 0, 0 },       /* no responses */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (kassa_nps_score (cases[i].promoters, cases[i].passives,
                                      cases[i].detractors), ==, cases[i].nps);
}

static void
add_response (Fixture  *f,
              guint     customer,
              KassaDay  date,
              gint      score)
{
  g_autoptr(KassaNpsResponse) response = kassa_nps_response_new ();
  g_autoptr(GError) error = NULL;

  response->customer_id = f->customers[customer];
  response->date = date;
  response->score = score;
  g_assert_true (kassa_store_add_nps_response (f->store, response, TODAY, &error));
  g_assert_no_error (error);
}

/*   2025-12-31 A 10   before every range asked for below
 *   2026-01-10 A 10   Q1, January
 *   2026-02-15 A 9    Q1, February (A answers twice: both count)
 *   2026-03-31 B 3    Q1, March
 *   2026-07-01 C 8    Q3, July (passive)
 *   2026-09-30 D 0    Q3, September
 *   2026-10-05 E 9    Q4, October
 *   2026-11-24 F 6    Q4, November (6 is a detractor) */
static void
build_responses (Fixture *f)
{
  add_response (f, A, ymd (2025, 12, 31), 10);
  add_response (f, A, ymd (2026, 1, 10), 10);
  add_response (f, A, ymd (2026, 2, 15), 9);
  add_response (f, B, ymd (2026, 3, 31), 3);
  add_response (f, C, ymd (2026, 7, 1), 8);
  add_response (f, D, ymd (2026, 9, 30), 0);
  add_response (f, E, ymd (2026, 10, 5), 9);
  add_response (f, F, ymd (2026, 11, 24), 6);
}

static void
assert_periods (GArray               *periods,
                const KassaNpsPeriod *expected,
                guint                 n_expected)
{
  g_assert_nonnull (periods);
  g_assert_cmpuint (periods->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const KassaNpsPeriod *period = &g_array_index (periods, KassaNpsPeriod, i);

      g_test_message ("period %u: %u responses, NPS %d", i, period->responses, period->nps);
      g_assert_cmpint (period->period_start, ==, expected[i].period_start);
      g_assert_cmpuint (period->responses, ==, expected[i].responses);
      g_assert_cmpuint (period->promoters, ==, expected[i].promoters);
      g_assert_cmpuint (period->passives, ==, expected[i].passives);
      g_assert_cmpuint (period->detractors, ==, expected[i].detractors);
      g_assert_cmpint (period->nps, ==, expected[i].nps);
    }
}

/* From 2026-02-01: Q1 counts whole (January too), Q2 is empty.
 * Q1: 2 promoters, 1 detractor of 3 → 33.3 → 33; Q3: 1 passive,
 * 1 detractor → −50; Q4: 1 promoter, 1 detractor → 0. */
static void
test_nps_by_quarter (Fixture       *f,
                     gconstpointer  data)
{
  const KassaNpsPeriod expected[] = {
    { ymd (2026, 1, 1), 3, 2, 0, 1, 33 },
    { ymd (2026, 4, 1), 0, 0, 0, 0, 0 },
    { ymd (2026, 7, 1), 2, 0, 1, 1, -50 },
    { ymd (2026, 10, 1), 2, 1, 0, 1, 0 },
  };
  g_autoptr(GArray) periods = NULL;
  g_autoptr(GError) error = NULL;

  build_responses (f);
  periods = kassa_nps_by_period (f->store, ymd (2026, 2, 1), TODAY, TRUE, &error);
  g_assert_no_error (error);
  assert_periods (periods, expected, G_N_ELEMENTS (expected));
}

/* June … October: June and August empty; October counts whole although
 * to is 2026-10-01. */
static void
test_nps_by_month (Fixture       *f,
                   gconstpointer  data)
{
  const KassaNpsPeriod expected[] = {
    { ymd (2026, 6, 1), 0, 0, 0, 0, 0 },
    { ymd (2026, 7, 1), 1, 0, 1, 0, 0 },
    { ymd (2026, 8, 1), 0, 0, 0, 0, 0 },
    { ymd (2026, 9, 1), 1, 0, 0, 1, -100 },
    { ymd (2026, 10, 1), 1, 1, 0, 0, 100 },
  };
  const KassaNpsPeriod expected_december[] = {
    { ymd (2025, 12, 1), 1, 1, 0, 0, 100 },
  };
  g_autoptr(GArray) periods = NULL;
  g_autoptr(GArray) december = NULL;
  g_autoptr(GError) error = NULL;

  build_responses (f);
  periods = kassa_nps_by_period (f->store, ymd (2026, 6, 10), ymd (2026, 10, 1), FALSE, &error);
  g_assert_no_error (error);
  assert_periods (periods, expected, G_N_ELEMENTS (expected));

  /* One day, the month's last. */
  december = kassa_nps_by_period (f->store, ymd (2025, 12, 31), ymd (2025, 12, 31), FALSE, &error);
  g_assert_no_error (error);
  assert_periods (december, expected_december, G_N_ELEMENTS (expected_december));
}

/* Campaigns */

static gint64
add_campaign (Fixture              *f,
              const char           *name,
              KassaCampaignChannel  channel,
              gint64                cost)
{
  g_autoptr(KassaCampaign) campaign = kassa_campaign_new ();
  g_autoptr(GError) error = NULL;

  g_free (campaign->name);
  campaign->name = g_strdup (name);
  campaign->channel = channel;
  campaign->start_date = ymd (2026, 3, 1);
  campaign->end_date = ymd (2026, 3, 31);
  campaign->cost = cost;
  g_assert_true (kassa_store_save_campaign (f->store, campaign, &error));
  g_assert_no_error (error);
  return campaign->id;
}

static void
reach (Fixture *f,
       gint64   campaign_id,
       guint    customer)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kassa_store_add_campaign_customers (f->store, campaign_id, &f->customers[customer],
                                                     1, ymd (2026, 3, 1), &error));
  g_assert_no_error (error);
}

static gint64
add_attributed (Fixture  *f,
                gint64    campaign_id,
                guint     customer,
                KassaDay  issue_date,
                gint64    price,
                gint64    cost)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_invoice (f, customer, issue_date, price, cost);

  g_assert_true (kassa_store_set_invoice_campaign (f->store, id, campaign_id, &error));
  g_assert_no_error (error);
  return id;
}

typedef struct
{
  gint64 spring, fair, newsletter, social;
} Campaigns;

/* "Spring" (email, cost 1300.00) reached A B C:
 *   A 3000.00 − 1800.00 and 1000.00 − 500.00 attributed: converted once;
 *   B bought 2026-03-05 without attribution: not converted;
 *   C 2000.00 − 1000.00 attributed, then credited: its credit note
 *     (not attributed) follows it, revenue 0, C not converted;
 *   E, not on the list, 500.00 − 100.00 attributed by hand: that makes E
 *     reached too (kassa_store_set_invoice_campaign), so converted.
 *   reached 4, converted 2 → 50 % = 5000 bp; invoices 3 (A A E);
 *   revenue 3000 + 1000 + 2000 − 2000 + 500 = 4500.00; margin 1200 + 500
 *   + 0 + 400 = 2100.00; ROI = (2100 − 1300) ÷ 1300 = 61.538 % → 6154.
 * "Fair" (events, free) reached D, who bought 400.00 − 100.00: reached 1,
 *   converted 1 (100 %), revenue 400.00, margin 300.00, no ROI.
 * "Newsletter" (email, 200.00) reached B: nothing came of it: ROI −100 %.
 * "Launch" (social, free) reached nobody: conversion 0, no ROI. */
static Campaigns
build_campaigns (Fixture *f)
{
  Campaigns c;
  gint64 credited;

  c.spring = add_campaign (f, "Spring", KASSA_CAMPAIGN_EMAIL, 130000);
  c.fair = add_campaign (f, "Fair", KASSA_CAMPAIGN_EVENTS, 0);
  c.newsletter = add_campaign (f, "Newsletter", KASSA_CAMPAIGN_EMAIL, 20000);
  c.social = add_campaign (f, "Launch", KASSA_CAMPAIGN_SOCIAL, 0);

  reach (f, c.spring, A);
  reach (f, c.spring, B);
  reach (f, c.spring, C);
  reach (f, c.fair, D);
  reach (f, c.newsletter, B);

  add_attributed (f, c.spring, A, ymd (2026, 3, 10), 300000, 180000);
  add_attributed (f, c.spring, A, ymd (2026, 3, 20), 100000, 50000);
  add_invoice (f, B, ymd (2026, 3, 5), 70000, 10000);
  credited = add_attributed (f, c.spring, C, ymd (2026, 4, 1), 200000, 100000);
  credit (f, credited, ymd (2026, 4, 10));
  add_attributed (f, c.spring, E, ymd (2026, 3, 15), 50000, 10000);
  add_attributed (f, c.fair, D, ymd (2026, 3, 12), 40000, 10000);
  return c;
}

typedef struct
{
  KassaCampaignChannel channel;
  guint    campaigns;
  gint64   cost;
  guint    reached, converted;
  gint     conversion_bp;
  guint    invoices;
  gint64   revenue, margin;
  gboolean has_roi;
  gint     roi_bp;
} ExpectedResult;

static void
assert_result (const KassaCampaignResult *result,
               const ExpectedResult      *expected)
{
  g_test_message ("channel %d: reached %u converted %u revenue %" G_GINT64_FORMAT
                  " margin %" G_GINT64_FORMAT " ROI %d", result->channel, result->reached,
                  result->converted, result->revenue, result->margin, result->roi_bp);
  g_assert_cmpint (result->channel, ==, expected->channel);
  g_assert_cmpuint (result->campaigns, ==, expected->campaigns);
  g_assert_cmpint (result->cost, ==, expected->cost);
  g_assert_cmpuint (result->reached, ==, expected->reached);
  g_assert_cmpuint (result->converted, ==, expected->converted);
  g_assert_cmpint (result->conversion_bp, ==, expected->conversion_bp);
  g_assert_cmpuint (result->invoices, ==, expected->invoices);
  g_assert_cmpint (result->revenue, ==, expected->revenue);
  g_assert_cmpint (result->margin, ==, expected->margin);
  g_assert_cmpint (result->has_roi, ==, expected->has_roi);
  g_assert_cmpint (result->roi_bp, ==, expected->roi_bp);
}

static void
test_campaign_results (Fixture       *f,
                       gconstpointer  data)
{
  const ExpectedResult spring = {
    KASSA_CAMPAIGN_EMAIL, 1, 130000, 4, 2, 5000, 3, 450000, 210000, TRUE, 6154
  };
  const ExpectedResult fair = {
    KASSA_CAMPAIGN_EVENTS, 1, 0, 1, 1, 10000, 1, 40000, 30000, FALSE, 0
  };
  const ExpectedResult newsletter = {
    KASSA_CAMPAIGN_EMAIL, 1, 20000, 1, 0, 0, 0, 0, 0, TRUE, -10000
  };
  const ExpectedResult social = { KASSA_CAMPAIGN_SOCIAL, 1, 0, 0, 0, 0, 0, 0, 0, FALSE, 0 };
  Campaigns c = build_campaigns (f);
  const struct { gint64 id; const ExpectedResult *expected; } all[] = {
    { c.spring, &spring }, { c.fair, &fair }, { c.newsletter, &newsletter }, { c.social, &social },
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      KassaCampaignResult result;
      g_autoptr(GError) error = NULL;

      g_assert_true (kassa_campaign_result_compute (f->store, all[i].id, &result, &error));
      g_assert_no_error (error);
      g_assert_cmpint (result.campaign_id, ==, all[i].id);
      assert_result (&result, all[i].expected);
    }
}

/* Email: Spring + Newsletter: cost 1500.00, B reached by both counts
 * twice: reached 5, converted 2 → 40 %; revenue 4500.00, margin 2100.00,
 * ROI = (2100 − 1500) ÷ 1500 = 40 %.  Social and events as their one
 * campaign; search ads, print and other have none and are left out. */
static void
test_campaign_channels (Fixture       *f,
                        gconstpointer  data)
{
  const ExpectedResult expected[] = {
    { KASSA_CAMPAIGN_EMAIL, 2, 150000, 5, 2, 4000, 3, 450000, 210000, TRUE, 4000 },
    { KASSA_CAMPAIGN_SOCIAL, 1, 0, 0, 0, 0, 0, 0, 0, FALSE, 0 },
    { KASSA_CAMPAIGN_EVENTS, 1, 0, 1, 1, 10000, 1, 40000, 30000, FALSE, 0 },
  };
  g_autoptr(GArray) channels = NULL;
  g_autoptr(GError) error = NULL;

  build_campaigns (f);
  channels = kassa_campaign_results_by_channel (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (channels->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < channels->len; i++)
    {
      const KassaCampaignResult *result = &g_array_index (channels, KassaCampaignResult, i);

      g_assert_cmpint (result->campaign_id, ==, 0);
      assert_result (result, &expected[i]);
    }
}

static void
test_campaign_missing (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GArray) channels = NULL;
  g_autoptr(GError) error = NULL;
  KassaCampaignResult result;

  g_assert_false (kassa_campaign_result_compute (f->store, 4242, &result, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* No campaigns: no channels. */
  channels = kassa_campaign_results_by_channel (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (channels->len, ==, 0);
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
#define ADD_CASE(name, window_case) \
  g_test_add (name, Fixture, window_case, fixture_set_up, test_clv_window, fixture_tear_down)

  ADD ("/retention/years", test_retention_years);
  ADD ("/retention/empty-start", test_retention_empty_start);
  ADD ("/retention/no-invoices", test_retention_no_invoices);
  ADD ("/clv/computed", test_clv_computed);
  ADD_CASE ("/clv/window/edges", &edges_case);
  ADD_CASE ("/clv/window/not-sales", &not_sales_case);
  ADD_CASE ("/clv/window/no-earlier-customers", &no_earlier_case);
  ADD_CASE ("/clv/window/floor", &floor_case);
  ADD_CASE ("/clv/window/cap", &cap_case);
  ADD_CASE ("/clv/window/rounding", &rounding_case);
  ADD ("/clv/no-sales", test_clv_no_sales);
  g_test_add_func ("/nps/score", test_nps_score);
  ADD ("/nps/by-quarter", test_nps_by_quarter);
  ADD ("/nps/by-month", test_nps_by_month);
  ADD ("/campaigns/results", test_campaign_results);
  ADD ("/campaigns/channels", test_campaign_channels);
  ADD ("/campaigns/missing", test_campaign_missing);

#undef ADD
#undef ADD_CASE

  return g_test_run ();
}
