/* test-customer-value.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The customer value report: the pure rules (ABC, quintiles, segments,
 * lifecycle, segment keys) with hand-worked tables, and a small company
 * built through the KassaStore API whose figures are worked out below.
 */
#define G_LOG_DOMAIN "kassa-test-customer-value"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "kassa-customer-value.h"
#include "kassa-date.h"
#include "kassa-store-collections.h"
#include "kassa-test-fixture.h"

/* Today in every test: Tuesday 2026-11-24. */
#define TODAY_Y 2026
#define TODAY_M 11
#define TODAY_D 24

/* ---- ABC ---- */

typedef struct
{
  const char    *name;
  gint64         values[8];
  guint          n;
  gint           threshold_a_bp;
  gint           threshold_b_bp;
  KassaAbcClass  classes[8];
  gint64         cumulative_bp[8];
} AbcCase;

static void
test_abc_classify (void)
{
  static const AbcCase cases[] = {
    /* Total of the positive values 1,000.  The second customer ends
     * exactly on 80 %: the third starts at 80 %, not under it, so is B. */
    { "ties and exact threshold", { 500, 300, 100, 100, 0, -50 }, 6, 8000, 9500,
      { KASSA_ABC_A, KASSA_ABC_A, KASSA_ABC_B, KASSA_ABC_B, KASSA_ABC_C, KASSA_ABC_C },
      { 5000, 8000, 9000, 10000, 10000, 10000 } },
    /* The second starts at 60 % and crosses 80 %: still A.  The third
     * starts at 90 % and crosses 95 %: still B.  The fourth starts at
     * 96 %: C. */
    { "crossing customers", { 600, 300, 60, 40 }, 4, 8000, 9500,
      { KASSA_ABC_A, KASSA_ABC_A, KASSA_ABC_B, KASSA_ABC_C },
      { 6000, 9000, 9600, 10000 } },
    /* Four equal values at 50 / 90: starts at 0, 25, 50, 75 %. */
    { "equal values", { 250, 250, 250, 250 }, 4, 5000, 9000,
      { KASSA_ABC_A, KASSA_ABC_A, KASSA_ABC_B, KASSA_ABC_B },
      { 2500, 5000, 7500, 10000 } },
    /* 2 / 3 = 66.67 %: the share is rounded, the comparison is exact. */
    { "rounded share", { 2, 1 }, 2, 8000, 9500,
      { KASSA_ABC_A, KASSA_ABC_A }, { 6667, 10000 } },
    { "one customer", { 100 }, 1, 8000, 9500, { KASSA_ABC_A }, { 10000 } },
    /* A negative value does not lower the total of 100. */
    { "negative value", { 100, -300 }, 2, 8000, 9500,
      { KASSA_ABC_A, KASSA_ABC_C }, { 10000, 10000 } },
    { "all zero", { 0, 0, 0 }, 3, 8000, 9500,
      { KASSA_ABC_NONE, KASSA_ABC_NONE, KASSA_ABC_NONE }, { 0, 0, 0 } },
    { "negative total", { 0, -10, -20 }, 3, 8000, 9500,
      { KASSA_ABC_NONE, KASSA_ABC_NONE, KASSA_ABC_NONE }, { 0, 0, 0 } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const AbcCase *abc = &cases[c];
      KassaAbcClass classes[8];
      gint64 cumulative[8];

      g_test_message ("case %s", abc->name);
      kassa_abc_classify (abc->values, abc->n, abc->threshold_a_bp, abc->threshold_b_bp,
                          classes, cumulative);
      for (guint i = 0; i < abc->n; i++)
        {
          g_assert_cmpint (classes[i], ==, abc->classes[i]);
          g_assert_cmpint (cumulative[i], ==, abc->cumulative_bp[i]);
        }
    }
}

/* ---- Quintiles ---- */

typedef struct
{
  const char *name;
  gint64      values[10];
  guint       n;
  guint8      scores[10];
} QuintileCase;

static void
test_quintile_scores (void)
{
  static const QuintileCase cases[] = {
    { "n = 1", { 7 }, 1, { 1 } },
    /* rank × 5 ÷ 4 + 1: 1, 2, 3, 4 */
    { "n = 4", { 40, 10, 30, 20 }, 4, { 4, 1, 3, 2 } },
    { "n = 5", { 5, 4, 3, 2, 1 }, 5, { 5, 4, 3, 2, 1 } },
    /* 0, 5/7, 10/7, 15/7, 20/7, 25/7, 30/7 → 0 0 1 2 2 3 4, + 1 */
    { "n = 7", { 1, 2, 3, 4, 5, 6, 7 }, 7, { 1, 1, 2, 3, 3, 4, 5 } },
    { "n = 10", { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 10, { 1, 1, 2, 2, 3, 3, 4, 4, 5, 5 } },
    /* The three 2s hold ranks 2 … 4, scores 2, 2, 3 on their own: all get
     * 2, the score of the lowest of them. */
    { "tie across a boundary", { 1, 1, 2, 2, 2, 3, 4, 5, 6, 7 }, 10,
      { 1, 1, 2, 2, 2, 3, 4, 4, 5, 5 } },
    { "all equal", { 3, 3, 3, 3, 3 }, 5, { 1, 1, 1, 1, 1 } },
    /* Recency as −days: −400 ranks first, the two −10 tie on rank 2. */
    { "recency", { -10, -400, -10, -30 }, 4, { 3, 1, 3, 2 } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      guint8 scores[10] = { 0 };

      g_test_message ("case %s", cases[c].name);
      kassa_quintile_scores (cases[c].values, cases[c].n, scores);
      for (guint i = 0; i < cases[c].n; i++)
        g_assert_cmpuint (scores[i], ==, cases[c].scores[i]);
    }
}

/* ---- Segments ---- */

static void
test_segment_table (void)
{
  /* Rows R = 1 … 5, columns F = 1 … 5. */
  static const KassaRfmSegment table[5][5] = {
    { KASSA_SEGMENT_LOST, KASSA_SEGMENT_LOST, KASSA_SEGMENT_AT_RISK, KASSA_SEGMENT_AT_RISK,
      KASSA_SEGMENT_AT_RISK },
    { KASSA_SEGMENT_HIBERNATING, KASSA_SEGMENT_HIBERNATING, KASSA_SEGMENT_AT_RISK,
      KASSA_SEGMENT_AT_RISK, KASSA_SEGMENT_AT_RISK },
    { KASSA_SEGMENT_NEEDS_ATTENTION, KASSA_SEGMENT_NEEDS_ATTENTION, KASSA_SEGMENT_LOYAL,
      KASSA_SEGMENT_LOYAL, KASSA_SEGMENT_LOYAL },
    { KASSA_SEGMENT_PROMISING, KASSA_SEGMENT_PROMISING, KASSA_SEGMENT_LOYAL,
      KASSA_SEGMENT_CHAMPIONS, KASSA_SEGMENT_CHAMPIONS },
    { KASSA_SEGMENT_PROMISING, KASSA_SEGMENT_PROMISING, KASSA_SEGMENT_LOYAL,
      KASSA_SEGMENT_CHAMPIONS, KASSA_SEGMENT_CHAMPIONS },
  };

  for (guint r = 1; r <= 5; r++)
    for (guint f = 1; f <= 5; f++)
      {
        g_test_message ("R %u F %u", r, f);
        g_assert_cmpint (kassa_rfm_segment_for_scores (r, f), ==, table[r - 1][f - 1]);
      }
  g_assert_cmpint (kassa_rfm_segment_for_scores (0, 0), ==, KASSA_SEGMENT_NONE);
  g_assert_cmpint (kassa_rfm_segment_for_scores (0, 5), ==, KASSA_SEGMENT_NONE);
  g_assert_cmpint (kassa_rfm_segment_for_scores (5, 0), ==, KASSA_SEGMENT_NONE);
}

static void
test_segment_names (void)
{
  static const char *const names[KASSA_N_RFM_SEGMENTS] = {
    "Champions", "Loyal customers", "Promising", "Needs attention", "At risk",
    "Hibernating", "Lost",
  };

  for (guint s = 0; s < KASSA_N_RFM_SEGMENTS; s++)
    {
      const char *advice = kassa_rfm_segment_describe (s);

      g_assert_cmpstr (kassa_rfm_segment_to_string (s), ==, names[s]);
      g_assert_nonnull (advice);
      g_assert_cmpuint (strlen (advice), >, 10);
    }
  g_assert_cmpstr (kassa_rfm_segment_describe (KASSA_SEGMENT_AT_RISK), ==,
                   "Used to buy often, not lately. Call them and find out why.");
}

/* ---- Lifecycle ---- */

typedef struct
{
  gint                 first_days_ago;   /* −1 = never invoiced */
  gint                 last_days_ago;
  gboolean             key_account;
  KassaAbcClass        abc;
  KassaLifecycleStage  stage;
  const char          *rule;
} LifecycleCase;

static void
test_lifecycle (void)
{
  static const LifecycleCase cases[] = {
    { -1, -1, TRUE, KASSA_ABC_A, KASSA_LIFECYCLE_PROSPECT, "Never invoiced: prospect." },
    { 1000, 366, FALSE, KASSA_ABC_C, KASSA_LIFECYCLE_LOST,
      "No invoice for 366 days (over 365): lost." },
    { 1000, 365, FALSE, KASSA_ABC_C, KASSA_LIFECYCLE_DORMANT,
      "No invoice for 365 days (over 180): dormant." },
    { 1000, 181, TRUE, KASSA_ABC_A, KASSA_LIFECYCLE_DORMANT,
      "No invoice for 181 days (over 180): dormant." },
    { 1000, 180, FALSE, KASSA_ABC_B, KASSA_LIFECYCLE_ACTIVE,
      "Last invoice 180 days ago (within 180): active." },
    { 90, 10, TRUE, KASSA_ABC_A, KASSA_LIFECYCLE_NEW,
      "First invoice 90 days ago (within 90): new." },
    { 1, 1, FALSE, KASSA_ABC_NONE, KASSA_LIFECYCLE_NEW,
      "First invoice 1 day ago (within 90): new." },
    { 91, 10, FALSE, KASSA_ABC_B, KASSA_LIFECYCLE_ACTIVE,
      "Last invoice 10 days ago (within 180): active." },
    { 91, 1, FALSE, KASSA_ABC_B, KASSA_LIFECYCLE_ACTIVE,
      "Last invoice 1 day ago (within 180): active." },
    { 91, 10, FALSE, KASSA_ABC_A, KASSA_LIFECYCLE_KEY_ACCOUNT, "Class A customer: key account." },
    { 400, 0, TRUE, KASSA_ABC_C, KASSA_LIFECYCLE_KEY_ACCOUNT, "Marked as a key account." },
  };
  KassaDay today = kassa_day_from_ymd (TODAY_Y, TODAY_M, TODAY_D);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const LifecycleCase *lc = &cases[c];
      KassaDay first = lc->first_days_ago < 0 ? 0 : today - lc->first_days_ago;
      KassaDay last = lc->last_days_ago < 0 ? 0 : today - lc->last_days_ago;
      g_autofree char *rule = NULL;

      g_test_message ("case %u: %s", c, lc->rule);
      g_assert_cmpint (kassa_lifecycle_suggest (first, last, lc->key_account, lc->abc, today, &rule),
                       ==, lc->stage);
      g_assert_cmpstr (rule, ==, lc->rule);
      /* The rule is optional. */
      g_assert_cmpint (kassa_lifecycle_suggest (first, last, lc->key_account, lc->abc, today, NULL),
                       ==, lc->stage);
    }
}

/* ---- Segment keys ---- */

static void
test_segment_keys (void)
{
  const char * const *keys = kassa_segment_keys ();
  KassaCustomerValue value = { 0 };
  guint n = 0;

  for (; keys[n] != NULL; n++)
    {
      g_test_message ("key %s", keys[n]);
      g_assert_nonnull (kassa_segment_key_to_label (keys[n]));
    }
  g_assert_cmpuint (n, ==, 17);
  g_assert_cmpstr (keys[0], ==, "all");

  g_assert_cmpstr (kassa_segment_key_to_label ("all"), ==, "All customers");
  g_assert_cmpstr (kassa_segment_key_to_label ("abc:b"), ==, "Class B customers");
  g_assert_cmpstr (kassa_segment_key_to_label ("rfm:at-risk"), ==, "At risk");
  g_assert_cmpstr (kassa_segment_key_to_label ("rfm:champions"), ==, "Champions");
  g_assert_cmpstr (kassa_segment_key_to_label ("lifecycle:key-account"), ==,
                   kassa_lifecycle_stage_to_string (KASSA_LIFECYCLE_KEY_ACCOUNT));
  g_assert_null (kassa_segment_key_to_label ("rfm:nobody"));
  g_assert_null (kassa_segment_key_to_label ("abc:d"));
  g_assert_null (kassa_segment_key_to_label ("vip"));

  value.abc = KASSA_ABC_B;
  value.segment = KASSA_SEGMENT_AT_RISK;
  value.lifecycle = KASSA_LIFECYCLE_DORMANT;
  g_assert_true (kassa_value_in_segment (&value, "all"));
  g_assert_true (kassa_value_in_segment (&value, ""));
  g_assert_true (kassa_value_in_segment (&value, "abc:b"));
  g_assert_false (kassa_value_in_segment (&value, "abc:a"));
  g_assert_true (kassa_value_in_segment (&value, "rfm:at-risk"));
  g_assert_false (kassa_value_in_segment (&value, "rfm:lost"));
  g_assert_true (kassa_value_in_segment (&value, "lifecycle:dormant"));
  g_assert_false (kassa_value_in_segment (&value, "lifecycle:lost"));
  g_assert_false (kassa_value_in_segment (&value, "vip"));

  value.segment = KASSA_SEGMENT_NONE;
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_has_prefix (keys[i], "rfm:"))
      g_assert_false (kassa_value_in_segment (&value, keys[i]));
}

/* ---- A small company ----
 *
 * T = 2026-11-24; the default period is T−364 … T.  Due dates are issue
 * + 14.  Amounts in cents; "net" is VAT excluded.
 *
 *  cust        inv  issue  lines (qty × price, cost each)       delivery  notes
 *  K1 Alfa     a1   T−10   2 × 1,000.00 @ 600.00, VAT 25.5 %     e-inv     net 2,000.00, cost 1,200.00
 *              a2   T−100  1 × 500.00 @ 100.00, −10 %            email     net 450.00, cost 100.00; paid on due
 *              a3   T−400  1 × 300.00                            email     before the period; paid on due
 *              a4   T−50   1 × 250.00 @ 50.00                    paper     credited on T−20 (cn −250.00, cost −50.00)
 *              –    T−3    1 × 9,999.00                                    a draft: never counted
 *  K2 Beta     b1   T−200  1 × 1,000.00 @ 950.00                 paper     paid 10 days late
 *              b2   T−364  1 × 10.00                             e-inv     first day of the period; 10 late
 *              b3   T−365  1 × 20.00                             email     the day before; 10 late
 *  K3 Gamma    g1   T−30   1 × 100.00 @ 150.00                   e-inv     open, 16 days overdue
 *  K4 Delta    –                                                           never invoiced; refused marketing
 *  K5 Eps      e1   T−500  1 × 50.00                                       archived, nothing in the period
 *  K6 Zeta     z1   T−5    1 × 400.00                            email     archived after invoicing
 *              z2   T+2    1 × 100.00                                      after the period's end
 *  K7 Eta      y1   T−60   1 × 20.00                             e-inv     anonymised on T (refused, archived)
 *
 * Figures:
 *  K1: revenue 2,000 + 450 + 250 − 250 = 2,450.00; cost 1,200 + 100 + 50
 *      − 50 = 1,300.00; margin 1,150.00 = 4,694 bp (46.9388 %); credit
 *      notes −250.00; 3 invoices (a4 counts, its credit note does not);
 *      average (2,000 + 450 + 250) ÷ 3 = 900.00; e-invoices 1 of 3 =
 *      3,333 bp; first T−400, last T−10.
 *  K2: revenue 1,010.00, cost 950.00, margin 60.00 = 594 bp (594.06);
 *      2 invoices, average 505.00, e-invoice 5,000 bp; first T−365, last T−200.
 *  K3: revenue 100.00, cost 150.00, margin −50.00 = −5,000 bp; e-inv 10,000.
 *  K6: revenue 400.00 = margin; 10,000 bp; last T−5 (z2 is after T).
 *  K7: revenue 20.00 = margin.   K4: nothing.   K5: not in the report.
 *
 * Order by revenue: K1 2,450, K2 1,010, K6 400, K3 100, K7 20, K4 0;
 * total 3,980.00.  Shares before each: 0, 61.56 %, 86.93 %, 96.98 %,
 * 99.50 %: A, A, B (crosses 95 %), C, C, and K4 (0) C.  Cumulative after:
 * 2,450/3,980 = 6,156 bp, 3,460/3,980 = 8,693, 3,860/3,980 = 9,698,
 * 3,960/3,980 = 9,950, 10,000, 10,000.  K3 has the override A.
 *
 * RFM over K1, K2, K6, K3, K7 (report order; K4 never invoiced):
 *  days since last 10, 200, 5, 30, 60 → R 4, 1, 5, 3, 2;
 *  invoices 3, 2, 1, 1, 1 → F 5, 4, 1, 1, 1 (the three 1s tie on rank 0);
 *  revenue → M 5, 4, 3, 2, 1;
 *  segments: champions, at risk, promising, needs attention, hibernating.
 *
 * Lifecycle: K1 key account (class A), K2 dormant (last T−200) with the
 * override key account, K6 / K3 / K7 new, K4 prospect.
 * Risk: K1 A (paid on due: 0 days late), K2 B (10 days late), K3 B
 * (overdue), K7 C (46 days overdue), K6 and K4 A.
 * NPS: K1 6 on T−100 then 9 on T−10 → 9; K2 3 then 10 on the same day → 10.
 */
typedef struct
{
  char       *dir;
  KassaStore *store;
  KassaDay    today;
  gint64      k1, k2, k3, k4, k5, k6, k7;
} Fixture;

static gint64
add_customer (KassaStore *store,
              const char *number,
              const char *name)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  customer->number = g_strdup (number);
  customer->name = g_strdup (name);
  g_assert_true (kassa_store_save_customer (store, customer, &error));
  g_assert_no_error (error);

  return customer->id;
}

static void
archive_customer (KassaStore *store,
                  gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KassaCustomerRecord) customer = kassa_store_get_customer (store, id, &error);

  g_assert_no_error (error);
  customer->archived = TRUE;
  g_assert_true (kassa_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
}

typedef struct
{
  gint64 quantity;
  gint64 unit_price;
  gint64 unit_cost;
  gint   vat_rate;
  gint   discount;
} LineSpec;

static gint64
add_invoice (KassaStore     *store,
             gint64          customer_id,
             KassaDay        issue_date,
             const LineSpec *spec,
             KassaDelivery   delivery,
             gboolean        send)
{
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  g_autoptr(GError) error = NULL;
  KassaInvoiceLine *line = kassa_invoice_line_new ();

  line->description = g_strdup ("Service");
  line->quantity = spec->quantity;
  line->unit_price = spec->unit_price;
  line->unit_cost = spec->unit_cost;
  line->vat_rate = spec->vat_rate;
  line->discount = spec->discount;
  g_ptr_array_add (invoice->lines, line);
  invoice->customer_id = customer_id;
  invoice->issue_date = issue_date;
  invoice->due_date = issue_date + 14;
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
add_simple_invoice (KassaStore    *store,
                    gint64         customer_id,
                    KassaDay       issue_date,
                    gint64         price,
                    gint64         cost,
                    KassaDelivery  delivery)
{
  LineSpec spec = { 1000, price, cost, 0, 0 };

  return add_invoice (store, customer_id, issue_date, &spec, delivery, TRUE);
}

static void
pay (KassaStore *store,
     gint64      invoice_id,
     KassaDay    date)
{
  g_autoptr(KassaPayment) payment = kassa_payment_new ();
  g_autoptr(GError) error = NULL;
  gint64 total = 0, paid = 0;

  g_assert_true (kassa_store_get_invoice_amounts (store, invoice_id, &total, &paid, &error));
  g_assert_no_error (error);
  payment->invoice_id = invoice_id;
  payment->date = date;
  payment->amount = total - paid;
  g_assert_true (kassa_store_add_payment (store, payment, FALSE, &error));
  g_assert_no_error (error);
}

static void
save_relationship (Fixture               *f,
                   gint64                 customer_id,
                   KassaAbcClass          abc_override,
                   gint                   lifecycle_override,
                   gboolean               key_account,
                   KassaMarketingConsent  consent)
{
  g_autoptr(KassaCustomerRelationship) relationship = NULL;
  g_autoptr(GError) error = NULL;

  relationship = kassa_store_get_customer_relationship (f->store, customer_id, &error);
  g_assert_no_error (error);
  relationship->abc_override = abc_override;
  relationship->lifecycle_override = lifecycle_override;
  relationship->key_account = key_account;
  g_free (relationship->account_owner);
  relationship->account_owner = g_strdup (key_account ? "Maija" : "");
  relationship->consent = consent;
  relationship->consent_date = consent == KASSA_CONSENT_NOT_ASKED ? 0 : f->today - 10;
  g_free (relationship->consent_source);
  relationship->consent_source = g_strdup (consent == KASSA_CONSENT_NOT_ASKED ? "" : "phone");
  g_assert_true (kassa_store_save_customer_relationship (f->store, relationship, f->today, &error));
  g_assert_no_error (error);
}

static void
add_nps (Fixture  *f,
         gint64    customer_id,
         KassaDay  date,
         gint      score)
{
  g_autoptr(KassaNpsResponse) response = kassa_nps_response_new ();
  g_autoptr(GError) error = NULL;

  response->customer_id = customer_id;
  response->date = date;
  response->score = score;
  g_assert_true (kassa_store_add_nps_response (f->store, response, f->today, &error));
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

  f->dir = g_dir_make_tmp ("kassa-test-customer-value-XXXXXX", &error);
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
add_alfa (Fixture *f)
{
  static const LineSpec a1 = { 2000, 100000, 60000, 2550, 0 };
  static const LineSpec a2 = { 1000, 50000, 10000, 0, 1000 };
  static const LineSpec draft = { 1000, 999900, 0, 0, 0 };
  g_autoptr(GError) error = NULL;
  KassaDay t = f->today;
  gint64 id;

  add_invoice (f->store, f->k1, t - 10, &a1, KASSA_DELIVERY_EINVOICE, TRUE);
  id = add_invoice (f->store, f->k1, t - 100, &a2, KASSA_DELIVERY_EMAIL, TRUE);
  pay (f->store, id, t - 86);
  id = add_simple_invoice (f->store, f->k1, t - 400, 30000, 0, KASSA_DELIVERY_EMAIL);
  pay (f->store, id, t - 386);
  id = add_simple_invoice (f->store, f->k1, t - 50, 25000, 5000, KASSA_DELIVERY_PAPER);
  g_assert_cmpint (kassa_store_credit_invoice (f->store, id, t - 20, &error), >, 0);
  g_assert_no_error (error);
  add_invoice (f->store, f->k1, t - 3, &draft, KASSA_DELIVERY_EMAIL, FALSE);
}

static void
add_beta (Fixture *f)
{
  KassaDay t = f->today;
  gint64 id;

  id = add_simple_invoice (f->store, f->k2, t - 200, 100000, 95000, KASSA_DELIVERY_PAPER);
  pay (f->store, id, t - 200 + 14 + 10);
  id = add_simple_invoice (f->store, f->k2, t - 364, 1000, 0, KASSA_DELIVERY_EINVOICE);
  pay (f->store, id, t - 364 + 14 + 10);
  id = add_simple_invoice (f->store, f->k2, t - 365, 2000, 0, KASSA_DELIVERY_EMAIL);
  pay (f->store, id, t - 365 + 14 + 10);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KassaDay t;

  fixture_open (f);
  t = f->today;

  f->k1 = add_customer (f->store, "K1", "Alfa Oy");
  f->k2 = add_customer (f->store, "K2", "Beta Ab");
  f->k3 = add_customer (f->store, "K3", "Gamma Oy");
  f->k4 = add_customer (f->store, "K4", "Delta Oy");
  f->k5 = add_customer (f->store, "K5", "Epsilon Oy");
  f->k6 = add_customer (f->store, "K6", "Zeta Oy");
  f->k7 = add_customer (f->store, "K7", "Eta Oy");

  add_alfa (f);
  add_beta (f);
  add_simple_invoice (f->store, f->k3, t - 30, 10000, 15000, KASSA_DELIVERY_EINVOICE);
  add_simple_invoice (f->store, f->k5, t - 500, 5000, 0, KASSA_DELIVERY_EMAIL);
  add_simple_invoice (f->store, f->k6, t - 5, 40000, 0, KASSA_DELIVERY_EMAIL);
  add_simple_invoice (f->store, f->k6, t + 2, 10000, 0, KASSA_DELIVERY_EMAIL);
  add_simple_invoice (f->store, f->k7, t - 60, 2000, 0, KASSA_DELIVERY_EINVOICE);

  save_relationship (f, f->k1, KASSA_ABC_NONE, KASSA_LIFECYCLE_NO_OVERRIDE, FALSE,
                     KASSA_CONSENT_GIVEN);
  save_relationship (f, f->k2, KASSA_ABC_NONE, KASSA_LIFECYCLE_KEY_ACCOUNT, TRUE,
                     KASSA_CONSENT_NOT_ASKED);
  save_relationship (f, f->k3, KASSA_ABC_A, KASSA_LIFECYCLE_NO_OVERRIDE, FALSE,
                     KASSA_CONSENT_NOT_ASKED);
  save_relationship (f, f->k4, KASSA_ABC_NONE, KASSA_LIFECYCLE_NO_OVERRIDE, FALSE,
                     KASSA_CONSENT_REFUSED);
  save_relationship (f, f->k6, KASSA_ABC_NONE, KASSA_LIFECYCLE_NO_OVERRIDE, FALSE,
                     KASSA_CONSENT_GIVEN);

  add_nps (f, f->k1, t - 100, 6);
  add_nps (f, f->k1, t - 10, 9);
  add_nps (f, f->k2, t - 5, 3);
  add_nps (f, f->k2, t - 5, 10);

  archive_customer (f->store, f->k5);
  archive_customer (f->store, f->k6);
  g_assert_true (kassa_store_anonymise_customer (f->store, f->k7, t, &error));
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

static KassaValueReport *
compute (Fixture                 *f,
         const KassaValueOptions *options)
{
  g_autoptr(GError) error = NULL;
  KassaValueReport *report = kassa_value_report_compute (f->store, options, f->today, NULL,
                                                         &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static KassaValueReport *
compute_default (Fixture *f)
{
  KassaValueOptions options;

  kassa_value_options_init_default (&options, f->today);
  return compute (f, &options);
}

typedef struct
{
  gint64   revenue;
  gint64   cost;
  gint     margin_bp;
  gint64   credit_notes;
  guint    n_invoices;
  gint64   average_invoice;
  gint     einvoice_share_bp;
  gint     first_days_ago;      /* −1 = never */
  gint     last_days_ago;
} ExpectedFigures;

static void
assert_figures (const KassaCustomerValue *value,
                const ExpectedFigures    *expected,
                KassaDay                  today)
{
  g_test_message ("customer %s", value->number);
  g_assert_cmpint (value->revenue, ==, expected->revenue);
  g_assert_cmpint (value->cost, ==, expected->cost);
  g_assert_cmpint (value->margin, ==, expected->revenue - expected->cost);
  g_assert_cmpint (value->margin_bp, ==, expected->margin_bp);
  g_assert_cmpint (value->credit_notes, ==, expected->credit_notes);
  g_assert_cmpuint (value->n_invoices, ==, expected->n_invoices);
  g_assert_cmpint (value->average_invoice, ==, expected->average_invoice);
  g_assert_cmpint (value->einvoice_share_bp, ==, expected->einvoice_share_bp);
  if (expected->first_days_ago < 0)
    {
      g_assert_cmpint (value->first_invoice, ==, 0);
      g_assert_cmpint (value->last_invoice, ==, 0);
      g_assert_cmpint (value->days_since_last, ==, -1);
    }
  else
    {
      g_assert_cmpint (value->first_invoice, ==, today - expected->first_days_ago);
      g_assert_cmpint (value->last_invoice, ==, today - expected->last_days_ago);
      g_assert_cmpint (value->days_since_last, ==, expected->last_days_ago);
    }
}

static void
test_company_figures (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KassaValueReport) report = compute_default (f);
  g_autoptr(GError) error = NULL;
  static const struct
  {
    const char      *number;
    ExpectedFigures  figures;
  } expected[] = {
    { "K1", { 245000, 130000, 4694, -25000, 3, 90000, 3333, 400, 10 } },
    { "K2", { 101000, 95000, 594, 0, 2, 50500, 5000, 365, 200 } },
    { "K6", { 40000, 0, 10000, 0, 1, 40000, 0, 5, 5 } },
    { "K3", { 10000, 15000, -5000, 0, 1, 10000, 10000, 30, 30 } },
    { "K7", { 2000, 0, 10000, 0, 1, 2000, 10000, 60, 60 } },
    { "K4", { 0, 0, 0, 0, 0, 0, 0, -1, -1 } },
  };
  gint64 revenue = 0, margin = 0;

  g_assert_cmpuint (kassa_value_report_get_n_customers (report), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const KassaCustomerValue *value = kassa_value_report_get_customer (report, i);

      g_assert_cmpstr (value->number, ==, expected[i].number);
      assert_figures (value, &expected[i].figures, f->today);
      g_assert_true (kassa_value_report_find_customer (report, value->customer_id) == value);
    }

  /* Archived without sales in the period: left out; archived with: kept. */
  g_assert_null (kassa_value_report_find_customer (report, f->k5));
  g_assert_true (kassa_value_report_find_customer (report, f->k6)->archived);
  g_assert_false (kassa_value_report_find_customer (report, f->k1)->archived);
  g_assert_cmpstr (kassa_value_report_find_customer (report, f->k1)->name, ==, "Alfa Oy");

  kassa_value_report_get_totals (report, &revenue, &margin);
  g_assert_cmpint (revenue, ==, 398000);
  g_assert_cmpint (margin, ==, 115000 + 6000 + 40000 - 5000 + 2000);

  /* The one-sum totals agree with the report's, to the cent. */
  revenue = margin = -1;
  g_assert_true (kassa_value_period_totals (f->store, kassa_value_report_get_options (report)->from,
                                            kassa_value_report_get_options (report)->to,
                                            &revenue, &margin, &error));
  g_assert_no_error (error);
  g_assert_cmpint (revenue, ==, 398000);
  g_assert_cmpint (margin, ==, 115000 + 6000 + 40000 - 5000 + 2000);
}

static void
test_company_abc (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KassaValueReport) report = compute_default (f);
  static const struct
  {
    KassaAbcClass computed;
    KassaAbcClass used;
    gint64        cumulative_bp;
  } expected[] = {
    { KASSA_ABC_A, KASSA_ABC_A, 6156 },     /* K1 */
    { KASSA_ABC_A, KASSA_ABC_A, 8693 },     /* K2 */
    { KASSA_ABC_B, KASSA_ABC_B, 9698 },     /* K6 crosses 95 % */
    { KASSA_ABC_C, KASSA_ABC_A, 9950 },     /* K3, override A */
    { KASSA_ABC_C, KASSA_ABC_C, 10000 },    /* K7 */
    { KASSA_ABC_C, KASSA_ABC_C, 10000 },    /* K4, no sales */
  };
  KassaValueGroup group;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const KassaCustomerValue *value = kassa_value_report_get_customer (report, i);

      g_test_message ("customer %s", value->number);
      g_assert_cmpint (value->abc_computed, ==, expected[i].computed);
      g_assert_cmpint (value->abc, ==, expected[i].used);
      g_assert_cmpint (value->cumulative_bp, ==, expected[i].cumulative_bp);
    }
  g_assert_cmpint (kassa_value_report_find_customer (report, f->k3)->abc_override, ==,
                   KASSA_ABC_A);
  g_assert_cmpint (kassa_value_report_find_customer (report, f->k1)->abc_override, ==,
                   KASSA_ABC_NONE);

  /* A: K1, K2, K3 (override); B: K6; C: K7, K4. */
  group = kassa_value_report_get_class (report, KASSA_ABC_A);
  g_assert_cmpuint (group.customers, ==, 3);
  g_assert_cmpint (group.revenue, ==, 356000);
  g_assert_cmpint (group.margin, ==, 116000);
  group = kassa_value_report_get_class (report, KASSA_ABC_B);
  g_assert_cmpuint (group.customers, ==, 1);
  g_assert_cmpint (group.revenue, ==, 40000);
  group = kassa_value_report_get_class (report, KASSA_ABC_C);
  g_assert_cmpuint (group.customers, ==, 2);
  g_assert_cmpint (group.revenue, ==, 2000);
  g_assert_cmpint (group.margin, ==, 2000);
}

/* By margin: K1 1,150, K6 400, K2 60, K7 20, K4 0, K3 −50; positive total
 * 1,630.00.  Before: 0, 70.55 %, 95.09 %: A, A, C (starts past 95 %), C,
 * then 0 and the negative C.  After: 7,055, 9,509, 9,877, 10,000 … */
static void
test_company_abc_by_margin (Fixture       *f,
                            gconstpointer  data)
{
  static const char *const numbers[] = { "K1", "K6", "K2", "K7", "K4", "K3" };
  static const KassaAbcClass classes[] = {
    KASSA_ABC_A, KASSA_ABC_A, KASSA_ABC_C, KASSA_ABC_C, KASSA_ABC_C, KASSA_ABC_C,
  };
  static const gint64 cumulative[] = { 7055, 9509, 9877, 10000, 10000, 10000 };
  g_autoptr(KassaValueReport) report = NULL;
  KassaValueOptions options;

  kassa_value_options_init_default (&options, f->today);
  options.abc_basis = KASSA_ABC_BY_MARGIN;
  report = compute (f, &options);

  g_assert_cmpint (kassa_value_report_get_options (report)->abc_basis, ==, KASSA_ABC_BY_MARGIN);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      const KassaCustomerValue *value = kassa_value_report_get_customer (report, i);

      g_assert_cmpstr (value->number, ==, numbers[i]);
      g_assert_cmpint (value->abc_computed, ==, classes[i]);
      g_assert_cmpint (value->cumulative_bp, ==, cumulative[i]);
    }
}

static void
test_company_rfm (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KassaValueReport) report = compute_default (f);
  static const struct
  {
    const char      *number;
    guint8           r, f, m;
    KassaRfmSegment  segment;
  } expected[] = {
    { "K1", 4, 5, 5, KASSA_SEGMENT_CHAMPIONS },
    { "K2", 1, 4, 4, KASSA_SEGMENT_AT_RISK },
    { "K6", 5, 1, 3, KASSA_SEGMENT_PROMISING },
    { "K3", 3, 1, 2, KASSA_SEGMENT_NEEDS_ATTENTION },
    { "K7", 2, 1, 1, KASSA_SEGMENT_HIBERNATING },
    { "K4", 0, 0, 0, KASSA_SEGMENT_NONE },
  };
  KassaValueGroup group;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const KassaCustomerValue *value = kassa_value_report_get_customer (report, i);

      g_assert_cmpstr (value->number, ==, expected[i].number);
      g_assert_cmpuint (value->recency, ==, expected[i].r);
      g_assert_cmpuint (value->frequency, ==, expected[i].f);
      g_assert_cmpuint (value->monetary, ==, expected[i].m);
      g_assert_cmpint (value->segment, ==, expected[i].segment);
    }

  group = kassa_value_report_get_segment (report, KASSA_SEGMENT_AT_RISK);
  g_assert_cmpuint (group.customers, ==, 1);
  g_assert_cmpint (group.revenue, ==, 101000);
  g_assert_cmpint (group.margin, ==, 6000);
  group = kassa_value_report_get_segment (report, KASSA_SEGMENT_LOYAL);
  g_assert_cmpuint (group.customers, ==, 0);
  group = kassa_value_report_get_segment (report, KASSA_SEGMENT_NONE);
  g_assert_cmpuint (group.customers, ==, 1);
}

static void
test_company_lifecycle (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(KassaValueReport) report = compute_default (f);
  const KassaCustomerValue *k2 = kassa_value_report_find_customer (report, f->k2);
  KassaValueGroup group;

  g_assert_cmpint (kassa_value_report_find_customer (report, f->k1)->lifecycle, ==,
                   KASSA_LIFECYCLE_KEY_ACCOUNT);
  g_assert_cmpint (kassa_value_report_find_customer (report, f->k1)->lifecycle_suggested, ==,
                   KASSA_LIFECYCLE_KEY_ACCOUNT);
  g_assert_cmpint (k2->lifecycle_suggested, ==, KASSA_LIFECYCLE_DORMANT);
  g_assert_cmpint (k2->lifecycle_override, ==, KASSA_LIFECYCLE_KEY_ACCOUNT);
  g_assert_cmpint (k2->lifecycle, ==, KASSA_LIFECYCLE_KEY_ACCOUNT);
  g_assert_true (k2->key_account);
  g_assert_cmpstr (k2->account_owner, ==, "Maija");
  g_assert_cmpint (kassa_value_report_find_customer (report, f->k3)->lifecycle, ==,
                   KASSA_LIFECYCLE_NEW);
  g_assert_cmpint (kassa_value_report_find_customer (report, f->k4)->lifecycle, ==,
                   KASSA_LIFECYCLE_PROSPECT);
  g_assert_cmpint (kassa_value_report_find_customer (report, f->k4)->lifecycle_override, ==,
                   KASSA_LIFECYCLE_NO_OVERRIDE);

  group = kassa_value_report_get_lifecycle (report, KASSA_LIFECYCLE_KEY_ACCOUNT);
  g_assert_cmpuint (group.customers, ==, 2);
  g_assert_cmpint (group.revenue, ==, 346000);
  g_assert_cmpint (group.margin, ==, 121000);
  group = kassa_value_report_get_lifecycle (report, KASSA_LIFECYCLE_NEW);
  g_assert_cmpuint (group.customers, ==, 3);
  g_assert_cmpint (group.revenue, ==, 52000);
  g_assert_cmpint (group.margin, ==, 37000);
  group = kassa_value_report_get_lifecycle (report, KASSA_LIFECYCLE_DORMANT);
  g_assert_cmpuint (group.customers, ==, 0);
}

static void
test_company_behaviour_and_nps (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(KassaValueReport) report = compute_default (f);
  static const struct
  {
    guint           index;
    KassaRiskClass  risk;
    double          days_late;
    gint            nps;
  } expected[] = {
    { 0, KASSA_RISK_A, 0, 9 },      /* K1 */
    { 1, KASSA_RISK_B, 10, 10 },    /* K2 */
    { 2, KASSA_RISK_A, -1, -1 },    /* K6 */
    { 3, KASSA_RISK_B, -1, -1 },    /* K3 */
    { 4, KASSA_RISK_C, -1, -1 },    /* K7 */
    { 5, KASSA_RISK_A, -1, -1 },    /* K4 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const KassaCustomerValue *value = kassa_value_report_get_customer (report, expected[i].index);

      g_test_message ("customer %s", value->number);
      g_assert_cmpint (value->risk, ==, expected[i].risk);
      g_assert_cmpfloat_with_epsilon (value->average_days_late, expected[i].days_late, 1e-9);
      g_assert_cmpint (value->nps_score, ==, expected[i].nps);
    }
}

static void
test_company_unprofitable (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(KassaValueReport) report = compute_default (f);
  g_autoptr(GPtrArray) list = kassa_value_report_list_unprofitable (report);
  g_autofree char *k2_text = NULL;
  g_autofree char *k1_text = NULL;
  const KassaCustomerValue *k2;

  /* K3 −50.00 (−50 %) first, then K2 at 5.94 %; K1 (46.94 %) is fine. */
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((const KassaCustomerValue *) list->pdata[0])->number, ==, "K3");
  g_assert_cmpstr (((const KassaCustomerValue *) list->pdata[1])->number, ==, "K2");

  k2 = list->pdata[1];
  k2_text = kassa_value_describe_unprofitable (k2, "EUR");
  g_assert_cmpstr (k2_text, ==,
                   "Margin 5.94% (€60.00 of €1,010.00 sales after costs of €950.00).");
  k1_text = kassa_value_describe_unprofitable (kassa_value_report_find_customer (report, f->k1),
                                               "EUR");
  g_assert_cmpstr (k1_text, ==,
                   "Margin 46.94% (€1,150.00 of €2,450.00 sales after costs of €1,300.00); "
                   "credit notes −€250.00.");
}

static void
test_unprofitable_rules (void)
{
  KassaCustomerValue no_sales = { .number = (char *) "X", .revenue = 0, .cost = 30000,
                                  .margin = -30000 };
  g_autofree char *text = kassa_value_describe_unprofitable (&no_sales, "EUR");

  g_assert_cmpstr (text, ==, "Margin −€300.00: costs of €300.00 with sales of €0.00.");
}

/* A higher limit brings K1 in; a limit under K2's 5.94 % leaves K3 only. */
static void
test_company_unprofitable_limit (Fixture       *f,
                                 gconstpointer  data)
{
  static const struct
  {
    gint  limit_bp;
    guint n;
  } cases[] = {
    { 5000, 3 },
    { 4694, 2 },   /* under the limit, not at it */
    { 595, 2 },
    { 594, 1 },
    { -5000, 1 },  /* a negative margin is listed whatever the limit */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KassaValueReport) report = NULL;
      g_autoptr(GPtrArray) list = NULL;
      KassaValueOptions options;

      kassa_value_options_init_default (&options, f->today);
      options.unprofitable_margin_bp = cases[i].limit_bp;
      report = compute (f, &options);
      list = kassa_value_report_list_unprofitable (report);
      g_test_message ("limit %d", cases[i].limit_bp);
      g_assert_cmpuint (list->len, ==, cases[i].n);
      g_assert_cmpstr (((const KassaCustomerValue *) list->pdata[0])->number, ==, "K3");
    }
}

static void
assert_target_list (KassaValueReport   *report,
                    const char         *key,
                    gboolean            only_consented,
                    const char * const *numbers,
                    guint               n_excluded)
{
  g_autoptr(GPtrArray) list = NULL;
  guint excluded = 999;
  guint n = g_strv_length ((char **) numbers);

  g_test_message ("segment %s, only consented %d", key, only_consented);
  list = kassa_value_report_target_list (report, key, only_consented, &excluded);
  g_assert_cmpuint (list->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (((const KassaCustomerValue *) list->pdata[i])->number, ==, numbers[i]);
  g_assert_cmpuint (excluded, ==, n_excluded);
}

static void
test_company_target_lists (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(KassaValueReport) report = compute_default (f);
  static const char *const all[] = { "K1", "K2", "K3", NULL };
  static const char *const consented[] = { "K1", NULL };
  static const char *const none[] = { NULL };
  static const char *const new_ones[] = { "K3", NULL };
  const KassaCustomerValue *k7 = kassa_value_report_find_customer (report, f->k7);
  g_autoptr(GPtrArray) list = NULL;

  /* K7 was anonymised: kept in the report for its sales, flagged. */
  g_assert_true (k7->anonymised);
  g_assert_true (k7->archived);
  g_assert_cmpint (k7->consent, ==, KASSA_CONSENT_REFUSED);
  g_assert_cmpint (kassa_value_report_find_customer (report, f->k4)->consent, ==,
                   KASSA_CONSENT_REFUSED);

  /* Out: K6 archived, K7 anonymised, K4 refused; then K2 and K3 not asked. */
  assert_target_list (report, "all", FALSE, all, 3);
  assert_target_list (report, "all", TRUE, consented, 5);
  assert_target_list (report, "abc:a", TRUE, consented, 2);
  assert_target_list (report, "rfm:hibernating", FALSE, none, 1);
  assert_target_list (report, "lifecycle:new", FALSE, new_ones, 2);
  assert_target_list (report, "rfm:loyal", TRUE, none, 0);

  list = kassa_value_report_target_list (report, "all", FALSE, NULL);
  g_assert_cmpuint (list->len, ==, 3);
}

/* A period ending on T−300 (from T−664): K1's a3 (T−400), K2's b2 and b3,
 * archived K5's e1 (T−500); K6 had no sales then and K3 no invoice yet.
 * K1: last and first T−400, 100 days before the end, so not new; class A
 * (30.00 of 38.00) makes it a key account. */
static void
test_company_past_period (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KassaValueReport) report = NULL;
  const KassaCustomerValue *k1, *k2, *k3;
  KassaValueOptions options;

  kassa_value_options_init_default (&options, f->today - 300);
  report = compute (f, &options);

  k1 = kassa_value_report_find_customer (report, f->k1);
  k2 = kassa_value_report_find_customer (report, f->k2);
  k3 = kassa_value_report_find_customer (report, f->k3);
  g_assert_cmpint (k1->revenue, ==, 30000);
  g_assert_cmpint (k1->days_since_last, ==, 100);
  g_assert_cmpint (k1->abc_computed, ==, KASSA_ABC_A);
  g_assert_cmpint (k1->lifecycle_suggested, ==, KASSA_LIFECYCLE_KEY_ACCOUNT);
  g_assert_cmpint (k2->revenue, ==, 3000);
  g_assert_cmpuint (k2->n_invoices, ==, 2);
  g_assert_cmpint (k3->first_invoice, ==, 0);
  g_assert_cmpint (k3->segment, ==, KASSA_SEGMENT_NONE);
  g_assert_null (kassa_value_report_find_customer (report, f->k6));
  g_assert_cmpint (kassa_value_report_find_customer (report, f->k5)->revenue, ==, 5000);
  g_assert_cmpuint (kassa_value_report_get_n_customers (report), ==, 5);
}

/* A one-day period on T−20 holds only K1's credit note: its last invoice
 * is that day; K2 (T−200) and K3 (T−30) have no row in the period, so
 * their last invoice comes from before it.  K1's negative margin from a
 * credit note alone does not make it unprofitable (no invoice). */
static void
test_company_short_period (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(KassaValueReport) report = NULL;
  g_autoptr(GPtrArray) unprofitable = NULL;
  const KassaCustomerValue *k1;
  KassaValueOptions options;

  kassa_value_options_init_default (&options, f->today - 20);
  options.from = options.to;
  report = compute (f, &options);

  k1 = kassa_value_report_find_customer (report, f->k1);
  g_assert_cmpint (k1->revenue, ==, -25000);
  g_assert_cmpint (k1->cost, ==, -5000);
  g_assert_cmpint (k1->margin, ==, -20000);
  g_assert_cmpint (k1->margin_bp, ==, 0);
  g_assert_cmpint (k1->credit_notes, ==, -25000);
  g_assert_cmpuint (k1->n_invoices, ==, 0);
  g_assert_cmpint (k1->average_invoice, ==, 0);
  g_assert_cmpint (k1->days_since_last, ==, 0);
  g_assert_cmpint (kassa_value_report_find_customer (report, f->k2)->days_since_last, ==, 180);
  g_assert_cmpint (kassa_value_report_find_customer (report, f->k3)->last_invoice, ==,
                   f->today - 30);
  g_assert_cmpint (kassa_value_report_find_customer (report, f->k3)->days_since_last, ==, 10);
  g_assert_cmpint (kassa_value_report_find_customer (report, f->k4)->days_since_last, ==, -1);
  g_assert_null (kassa_value_report_find_customer (report, f->k7));

  unprofitable = kassa_value_report_list_unprofitable (report);
  g_assert_cmpuint (unprofitable->len, ==, 0);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KassaValueReport) report = NULL;
  KassaValueOptions options;

  kassa_value_options_init_default (&options, f->today);
  g_cancellable_cancel (cancellable);
  report = kassa_value_report_compute (f->store, &options, f->today, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_empty_company (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KassaValueReport) report = compute_default (f);
  g_autoptr(GPtrArray) unprofitable = kassa_value_report_list_unprofitable (report);
  gint64 revenue = -1, margin = -1;

  g_assert_cmpuint (kassa_value_report_get_n_customers (report), ==, 0);
  g_assert_cmpuint (unprofitable->len, ==, 0);
  kassa_value_report_get_totals (report, &revenue, &margin);
  g_assert_cmpint (revenue, ==, 0);
  g_assert_cmpint (margin, ==, 0);
}

/* ---- Settings ---- */

static void
test_settings_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KassaValueOptions options, loaded;

  kassa_value_options_load (&loaded, f->store, f->today);
  g_assert_cmpint (loaded.from, ==, f->today - 364);
  g_assert_cmpint (loaded.to, ==, f->today);
  g_assert_cmpint (loaded.abc_basis, ==, KASSA_ABC_BY_REVENUE);
  g_assert_cmpint (loaded.threshold_a_bp, ==, 8000);
  g_assert_cmpint (loaded.threshold_b_bp, ==, 9500);
  g_assert_cmpint (loaded.unprofitable_margin_bp, ==, 1000);

  kassa_value_options_init_default (&options, f->today);
  options.abc_basis = KASSA_ABC_BY_MARGIN;
  options.threshold_a_bp = 7000;
  options.threshold_b_bp = 9000;
  options.unprofitable_margin_bp = -500;
  g_assert_true (kassa_value_options_save (&options, f->store, &error));
  g_assert_no_error (error);

  kassa_value_options_load (&loaded, f->store, f->today - 10);
  g_assert_cmpint (loaded.from, ==, f->today - 374);
  g_assert_cmpint (loaded.to, ==, f->today - 10);
  g_assert_cmpint (loaded.abc_basis, ==, KASSA_ABC_BY_MARGIN);
  g_assert_cmpint (loaded.threshold_a_bp, ==, 7000);
  g_assert_cmpint (loaded.threshold_b_bp, ==, 9000);
  g_assert_cmpint (loaded.unprofitable_margin_bp, ==, -500);
  g_assert_cmpint (kassa_store_get_setting_int (f->store, "value.threshold_b_bp", 0), ==, 9000);
}

static void
test_settings_refused (Fixture       *f,
                       gconstpointer  data)
{
  static const struct
  {
    const char *name;
    gint        basis;
    gint        a, b;
    gint        from_offset;
    gint        unprofitable;
  } cases[] = {
    { "A zero", 0, 0, 9500, 0, 1000 },
    { "A equals B", 0, 9000, 9000, 0, 1000 },
    { "A above B", 0, 9600, 9500, 0, 1000 },
    { "B at 100 %", 0, 8000, 10000, 0, 1000 },
    { "period backwards", 0, 8000, 9500, 1, 1000 },
    { "unknown basis", 2, 8000, 9500, 0, 1000 },
    { "limit over 100 %", 0, 8000, 9500, 0, 10001 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KassaValueReport) report = NULL;
      KassaValueOptions options, loaded;

      g_test_message ("case %s", cases[i].name);
      kassa_value_options_init_default (&options, f->today);
      options.abc_basis = cases[i].basis;
      options.threshold_a_bp = cases[i].a;
      options.threshold_b_bp = cases[i].b;
      options.from = options.to + cases[i].from_offset;
      options.unprofitable_margin_bp = cases[i].unprofitable;

      g_assert_false (kassa_value_options_save (&options, f->store, &error));
      g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
      g_assert_cmpuint (strlen (error->message), >, 20);
      g_clear_error (&error);

      /* Nothing written; the report refuses the same options. */
      kassa_value_options_load (&loaded, f->store, f->today);
      g_assert_cmpint (loaded.threshold_a_bp, ==, 8000);
      g_assert_cmpint (loaded.threshold_b_bp, ==, 9500);
      report = kassa_value_report_compute (f->store, &options, f->today, NULL, &error);
      g_assert_null (report);
      g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
    }
}

/* Settings edited outside Kassa that break the rule load as defaults. */
static void
test_settings_invalid_in_file (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KassaValueOptions loaded;

  g_assert_true (kassa_store_set_setting (f->store, "value.threshold_a_bp", "9600", &error));
  g_assert_true (kassa_store_set_setting (f->store, "value.abc_basis", "7", &error));
  g_assert_true (kassa_store_set_setting (f->store, "value.unprofitable_margin_bp", "-20000",
                                          &error));
  g_assert_no_error (error);

  kassa_value_options_load (&loaded, f->store, f->today);
  g_assert_cmpint (loaded.abc_basis, ==, KASSA_ABC_BY_REVENUE);
  g_assert_cmpint (loaded.threshold_a_bp, ==, 8000);
  g_assert_cmpint (loaded.threshold_b_bp, ==, 9500);
  g_assert_cmpint (loaded.unprofitable_margin_bp, ==, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/customer-value/abc", test_abc_classify);
  g_test_add_func ("/customer-value/quintiles", test_quintile_scores);
  g_test_add_func ("/customer-value/segment-table", test_segment_table);
  g_test_add_func ("/customer-value/segment-names", test_segment_names);
  g_test_add_func ("/customer-value/lifecycle", test_lifecycle);
  g_test_add_func ("/customer-value/segment-keys", test_segment_keys);
  g_test_add_func ("/customer-value/unprofitable-sentence", test_unprofitable_rules);

#define ADD(path, func, setup) \
  g_test_add ("/customer-value/" path, Fixture, NULL, setup, func, fixture_tear_down)
  ADD ("company/figures", test_company_figures, fixture_set_up);
  ADD ("company/abc", test_company_abc, fixture_set_up);
  ADD ("company/abc-by-margin", test_company_abc_by_margin, fixture_set_up);
  ADD ("company/rfm", test_company_rfm, fixture_set_up);
  ADD ("company/lifecycle", test_company_lifecycle, fixture_set_up);
  ADD ("company/behaviour-nps", test_company_behaviour_and_nps, fixture_set_up);
  ADD ("company/unprofitable", test_company_unprofitable, fixture_set_up);
  ADD ("company/unprofitable-limit", test_company_unprofitable_limit, fixture_set_up);
  ADD ("company/target-lists", test_company_target_lists, fixture_set_up);
  ADD ("company/past-period", test_company_past_period, fixture_set_up);
  ADD ("company/short-period", test_company_short_period, fixture_set_up);
  ADD ("company/cancelled", test_cancelled, fixture_set_up);
  ADD ("empty", test_empty_company, fixture_set_up_empty);
  ADD ("settings/round-trip", test_settings_round_trip, fixture_set_up_empty);
  ADD ("settings/refused", test_settings_refused, fixture_set_up_empty);
  ADD ("settings/invalid-in-file", test_settings_invalid_in_file, fixture_set_up_empty);
#undef ADD

  return g_test_run ();
}
