/* test-receivables-ui.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Receivables page (aging cards, customer rows, "as of" an earlier
 * day, the drill-down, the KPI cards), the Overview's receivables summary
 * and the customer view's payment behaviour and statement, driven through
 * the real window.  Runs in en, fi and zh_CN (see meson.build); every
 * string is compared through the same gettext call or format helper the UI
 * uses, and every figure was worked out by hand below.
 *
 * Today T is 2026-11-24 ($KASSA_TODAY).  The companies are Finnish (EUR),
 * every invoice has one line at 0 % VAT, issued 14 days before its due
 * date, and every customer is a business.
 *
 * The aging company.  Aalto Oy (A) and Berg Oy (B) owe:
 *
 *   invoice  customer  total   due     paid               open today
 *   I1       A         100.00  T + 5   -                  100.00
 *   I2       A         200.00  T − 7   -                  200.00
 *   I3       B         300.00  T − 45  -                  300.00
 *   I4       B         400.00  T − 75  - (disputed)       400.00
 *   I5       A         500.00  T − 120 - (reminder 1 T−3) 500.00
 *   I6       B         180.00  T − 20  130.00 on T − 5     50.00
 *   I7       A          60.00  T − 40  60.00 on T − 10      0.00
 *
 * Aging today, by due date (days past due → bucket):
 *   not due  I1                100.00  1 invoice
 *   1–30     I2 (7), I6 (20)   250.00  2
 *   31–60    I3 (45)           300.00  1
 *   61–90    I4 (75)           400.00  1
 *   over 90  I5 (120)          500.00  1
 *   total                     1550.00  6
 *   A: 100 + 200 + 500 = 800.00 (3 invoices); B: 50 + 300 + 400 = 750.00 (3).
 *
 * Aging as of T − 30 = 25.10.2026: I1 (issued T − 9) and I2 (T − 21) are
 * not issued yet; the payments on I6 and I7 are still to come.
 *   not due  I6 (−10)          180.00  1
 *   1–30     I3 (15), I7 (10)  360.00  2
 *   31–60    I4 (45)           400.00  1
 *   61–90    I5 (90)           500.00  1
 *   over 90  -                   0.00  0
 *   total                     1440.00  5
 *   B: 180 + 300 + 400 = 880.00 (3); A: 60 + 500 = 560.00 (2): B first now.
 *
 * KPIs today, 90-day window (T − 90, T]: credit sales are every invoice
 * issued in it, all but I5 (issued T − 134):
 *   100 + 200 + 300 + 400 + 180 + 60 = 1240.00;  AR = 1550.00
 *   DSO = 1550 ÷ 1240 × 90 = 112.5 days
 *   best possible DSO = 100 (not due) ÷ 1240 × 90 = 7.258… → 7.3 days
 *   overdue share = 1450 ÷ 1550 = 93.548… → 93.5 %
 *
 * Collection steps due today (business ladder: reminder 1 at 7 days past
 * due, reminder 2 14 days after it): I2 (exactly 7 days), I3, I6.  Not I1
 * (not due), not I4 (disputed), not I5 (its reminder 2 is due T + 11).
 * So "3 invoices need a collection step today".
 *
 * The behaviour company.  Six invoices each, issued T − 200 + 25 k
 * (k = 0 … 5), paid in full the given days after the due date:
 *
 *   Late Payer Oy: 1000.00 each, days late 1, 2, 3, 6, 9, 12, and an open
 *     invoice of 100.00 issued T − 5, due T + 9 (for the statement).
 *     Warning rule 3 / 7 / 3 (the default): the baseline is the median of
 *     1, 2, 3 = 2; the last three average (6 + 9 + 12) ÷ 3 = 9 = 2 + 7:
 *     fires, exactly at the threshold: "… on average 7 days later than the
 *     usual 2 days."
 *     Days late (amount-weighted, equal amounts) 33 ÷ 6 = 5.5.  The warning
 *     fires, so the risk rule counts the later recent average, 9 days:
 *     still class B (over 3, not over 14), now explained as "Paid the last
 *     3 invoices on average 9.0 days late."  Days to pay 14 + 5.5 = 19.5.
 *     Trend: least-squares slope of 1, 2, 3, 6, 9, 12 over 0 … 5 is
 *     Σ (x − 2.5) y ÷ Σ (x − 2.5)² = 39.5 ÷ 17.5 = 2.257… → 2.3 days later.
 *     Suggested limit: sales of 12 months 6100.00 ÷ 12 = 508.33 a month
 *     × (14 terms + 6 late, the year's 5.5 rounded) ÷ 30 = 338.88 × 120 %
 *     (B) = 406.65 → rounded up to a whole hundred: 500.00.
 *   Near Miss Oy: 1000.00, 1000.00, 1000.00, 100.00, 100.00, 100.00, days
 *     late 1, 2, 3, 6, 9, 11.  The last three average 26 ÷ 3 = 8.67, less
 *     than 2 + 7: no warning.  Days late weighted by amount
 *     (1000 + 2000 + 3000 + 600 + 900 + 1100) ÷ 3300 = 2.606 → 2.6 (the plain
 *     mean would be 5.3), so class A.  Trend 37 ÷ 17.5 = 2.114 → 2.1.
 *     Suggested limit: 3300 ÷ 12 = 275 × (14 + 3) ÷ 30 = 155.83 × 150 % (A)
 *     = 233.74 → 300.00.
 */
#define G_LOG_DOMAIN "kassa-test-receivables"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kassa-application.h"
#include "kassa-clock.h"
#include "kassa-customer-view.h"
#include "kassa-date.h"
#include "kassa-format.h"
#include "kassa-money.h"
#include "kassa-overview-page.h"
#include "kassa-payment-behaviour-view.h"
#include "kassa-receivables-page.h"
#include "kassa-store-collections.h"
#include "kassa-window.h"
#include "kassa-ui-test-support.h"

/* Generous: the machine is shared and the figures come from threads. */
#define TIMEOUT_MS 15000

/* The company's payment terms, which the customers follow. */
#define TERMS_DAYS TEST_COMPANY_TERMS_DAYS

/* ---- widgets ---- */

static gboolean
is_row_with_title (GtkWidget     *widget,
                   gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
is_numeric_label (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric");
}

static gboolean
is_caption_label (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "caption");
}

static void
collect_label_texts (GtkWidget *root,
                     GPtrArray *texts)
{
  if (GTK_IS_LABEL (root))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (root))));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_texts (child, texts);
}

/* ---- expected texts ---- */

/* A positive number of tenths below 1000.0 with one decimal, written
 * with the locale's decimal separator (taken from the quantity format of
 * 1.5), without the KPI view's formatter. */
static char *
one_decimal (gint tenths)
{
  g_autofree char *sample = kassa_quantity_format (1500, kassa_locale_current ());
  g_autofree char *separator = NULL;

  g_assert_true (g_str_has_prefix (sample, "1") && g_str_has_suffix (sample, "5"));
  separator = g_strndup (sample + 1, strlen (sample) - 2);
  return g_strdup_printf ("%d%s%d", tenths / 10, separator, tenths % 10);
}

static char *
days_value (gint tenths)
{
  g_autofree char *number = one_decimal (tenths);

  return g_strdup_printf (C_("kpi value", "%s days"), number);
}

static char *
invoice_count (int count)
{
  return g_strdup_printf (ngettext ("%d invoice", "%d invoices", count), count);
}

/* ---- the company ---- */

/* A sent invoice of amount due on due_date, issued TERMS_DAYS before. */
static gint64
add_invoice (KassaStore *store,
             gint64      customer_id,
             gint64      amount,
             KassaDay    due_date)
{
  return add_test_invoice (store, customer_id, due_date - TERMS_DAYS, amount);
}

/* The aging company of the header. */
typedef struct
{
  gint64 aalto;
  gint64 berg;
  gint64 invoices[8];   /* I1 … I7 at their numbers; [0] unused */
} AgingCompany;

static void
create_aging_company (AgingCompany *c)
{
  g_autoptr(KassaStore) store = create_company_file (DEFAULT_COMPANY_FILE);
  KassaDay today = kassa_clock_today ();

  c->aalto = add_test_customer (store, "Aalto Oy");
  c->berg = add_test_customer (store, "Berg Oy");

  c->invoices[1] = add_invoice (store, c->aalto, 10000, today + 5);
  c->invoices[2] = add_invoice (store, c->aalto, 20000, today - 7);
  c->invoices[3] = add_invoice (store, c->berg, 30000, today - 45);
  c->invoices[4] = add_invoice (store, c->berg, 40000, today - 75);
  c->invoices[5] = add_invoice (store, c->aalto, 50000, today - 120);
  c->invoices[6] = add_invoice (store, c->berg, 18000, today - 20);
  c->invoices[7] = add_invoice (store, c->aalto, 6000, today - 40);

  add_test_payment (store, c->invoices[6], 13000, today - 5);
  add_test_payment (store, c->invoices[7], 6000, today - 10);

  add_test_event (store, c->berg, c->invoices[4], KASSA_COLLECTION_DISPUTE_OPENED, today - 2, 0);
  add_test_event (store, c->aalto, c->invoices[5], KASSA_COLLECTION_REMINDER_1, today - 3,
                  today + 11);
}

/* ---- the Receivables page ---- */

typedef struct
{
  gint64 amounts[KASSA_AGING_N_BUCKETS + 1];   /* the buckets, then the total */
  int    counts[KASSA_AGING_N_BUCKETS + 1];
} ExpectedCards;

typedef struct
{
  gint64      customer_id;
  const char *name;
  gint64      buckets[KASSA_AGING_N_BUCKETS];
  gint64      total;
  int         invoice_count;
} ExpectedRow;

static KassaReceivablesPage *
show_receivables (KassaWindow *window)
{
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "receivables");
  page = kassa_window_get_page (window, "receivables");
  g_assert_true (KASSA_IS_RECEIVABLES_PAGE (page));
  kassa_receivables_page_show_section (KASSA_RECEIVABLES_PAGE (page), "aging");
  wait_for (gtk_widget_get_mapped (page));
  return KASSA_RECEIVABLES_PAGE (page);
}

static char *
card_tooltip (int bucket)
{
  return g_strdup_printf (_("Show the invoices in “%s”"),
                          kassa_aging_bucket_to_string ((KassaAgingBucket) bucket));
}

static GtkWidget *
bucket_card (KassaAgingView *view,
             int             bucket)
{
  g_autofree char *tooltip = card_tooltip (bucket);

  return require_widget (GTK_WIDGET (view), is_button_with_tooltip, tooltip);
}

/* The invoice count under a card ("2 invoices"). */
static const char *
card_count_text (KassaAgingView *view,
                 int             bucket)
{
  GtkWidget *total;

  if (bucket < KASSA_AGING_N_BUCKETS)
    return gtk_label_get_text (GTK_LABEL (require_widget (bucket_card (view, bucket),
                                                          is_caption_label, NULL)));

  total = require_widget (GTK_WIDGET (view), has_name, "aging-total");
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_next_sibling (total)));
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (total)));
}

static void
check_cards (KassaAgingView      *view,
             const ExpectedCards *expected)
{
  for (int bucket = 0; bucket <= KASSA_AGING_N_BUCKETS; bucket++)
    {
      g_autofree char *amount = money_text (expected->amounts[bucket]);
      g_autofree char *count = invoice_count (expected->counts[bucket]);

      g_test_message ("Aging card %d", bucket);
      g_assert_cmpstr (kassa_aging_view_get_bucket_text (view, bucket), ==, amount);
      g_assert_cmpstr (card_count_text (view, bucket), ==, count);
    }
}

/* The label texts of the customer's row in the table, as shown. */
static GPtrArray *
shown_row_texts (KassaAgingView *view,
                 const char     *customer_name)
{
  GtkWidget *list = require_widget (GTK_WIDGET (view), has_name, "aging-customer-list");
  GtkWidget *name_label = require_widget (list, is_label_with_text, customer_name);
  /* label → cell → row */
  GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (name_label));
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect_label_texts (row, texts);
  return texts;
}

static void
check_shown_row (KassaAgingView    *view,
                 const ExpectedRow *expected)
{
  const char *customer_name = expected->name;
  g_autoptr(GPtrArray) texts = shown_row_texts (view, customer_name);
  g_autoptr(GPtrArray) amounts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autofree char *total = money_text (expected->total);

  /* Zero cells are blank; the total is the last amount of the row. */
  for (int bucket = 0; bucket < KASSA_AGING_N_BUCKETS; bucket++)
    if (expected->buckets[bucket] != 0)
      g_ptr_array_add (amounts, money_text (expected->buckets[bucket]));

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (text[0] != '\0' && g_strcmp0 (text, customer_name) != 0)
        g_ptr_array_add (shown, (gpointer) text);
    }

  g_assert_cmpuint (shown->len, ==, amounts->len + 1);
  for (guint i = 0; i < amounts->len; i++)
    g_assert_cmpstr (g_ptr_array_index (shown, i), ==, g_ptr_array_index (amounts, i));
  g_assert_cmpstr (g_ptr_array_index (shown, amounts->len), ==, total);
}

static void
check_rows (KassaAgingView    *view,
            const ExpectedRow *expected,
            guint              n_expected)
{
  GListModel *model = kassa_aging_view_get_customer_model (view);

  /* Largest total first. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const KassaAgingRow *row = kassa_aging_view_get_row (view, i);

      g_test_message ("Aging row %u: %s", i, expected[i].name);
      g_assert_nonnull (row);
      g_assert_cmpint (row->customer_id, ==, expected[i].customer_id);
      g_assert_cmpstr (row->customer_name, ==, expected[i].name);
      for (int bucket = 0; bucket < KASSA_AGING_N_BUCKETS; bucket++)
        g_assert_cmpint (row->buckets[bucket], ==, expected[i].buckets[bucket]);
      g_assert_cmpint (row->total, ==, expected[i].total);
      g_assert_cmpint (row->invoice_count, ==, expected[i].invoice_count);
      check_shown_row (view, &expected[i]);
    }
}

static gboolean
total_shown (KassaAgingView *view,
             gint64          total)
{
  g_autofree char *text = money_text (total);

  return g_strcmp0 (kassa_aging_view_get_bucket_text (view, KASSA_AGING_N_BUCKETS), text) == 0;
}

/* Picks the day in the "as of" calendar, as a user would. */
static void
choose_as_of (KassaAgingView *view,
              KassaDay        day)
{
  GtkWidget *button = require_widget (GTK_WIDGET (view), has_name, "aging-as-of");
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *label = kassa_format_day (day);
  GtkWidget *calendar;
  int year, month, mday;

  kassa_day_to_ymd (day, &year, &month, &mday);
  date = g_date_time_new_local (year, month, mday, 12, 0, 0);

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  calendar = require_widget (button, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_CALENDAR));
  wait_for (gtk_widget_get_mapped (calendar));
  gtk_calendar_select_day (GTK_CALENDAR (calendar), date);

  g_assert_cmpint (kassa_aging_view_get_as_of (view), ==, day);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, label);
}

/* The drill-down's invoices are exactly these (any order), with their
 * open amounts and days. */
typedef struct
{
  gint64 invoice_id;
  gint64 open;
  int    days;
} ExpectedInvoice;

static void
check_drill_down (KassaAgingView        *view,
                  KassaStore            *store,
                  const ExpectedInvoice *expected,
                  guint                  n_expected,
                  gint64                 open_total)
{
  GListModel *model = kassa_aging_view_get_invoice_model (view);
  g_autofree char *total = money_text (open_total);
  g_autofree char *summary = g_strdup_printf (ngettext ("%u invoice, %s open",
                                                        "%u invoices, %s open", n_expected),
                                              n_expected, total);

  g_assert_true (kassa_aging_view_get_showing_invoices (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const KassaAgingInvoice *shown = NULL;

      for (guint j = 0; j < n_expected && shown == NULL; j++)
        if (kassa_aging_view_get_invoice (view, j)->invoice_id == expected[i].invoice_id)
          shown = kassa_aging_view_get_invoice (view, j);

      g_assert_nonnull (shown);
      g_assert_cmpint (shown->number, ==, stored_invoice_number (store, expected[i].invoice_id));
      g_assert_cmpint (shown->open, ==, expected[i].open);
      g_assert_cmpint (shown->days, ==, expected[i].days);
    }

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_widget (GTK_WIDGET (view), has_name,
                                                                  "aging-invoices-summary"))),
                   ==, summary);
}

static void
wait_for_drill_down (KassaAgingView *view,
                     guint           n_expected)
{
  wait_for (kassa_aging_view_get_showing_invoices (view) && !kassa_aging_view_get_busy (view) &&
            g_list_model_get_n_items (kassa_aging_view_get_invoice_model (view)) == n_expected);
}

static void
check_kpi_cards (KassaReceivablesPage *page)
{
  KassaKpiView *kpis = kassa_receivables_page_get_kpi_view (page);
  g_autofree char *dso = one_decimal (1125);
  g_autofree char *best = one_decimal (73);
  g_autofree char *share = kassa_kpi_format_number (KASSA_KPI_OVERDUE_SHARE, 1450.0 / 1550.0 * 100);
  g_autofree char *share_number = one_decimal (935);

  g_assert_cmpstr (kassa_kpi_view_get_value_text (kpis, KASSA_KPI_DSO), ==, dso);
  g_assert_cmpstr (kassa_kpi_view_get_value_text (kpis, KASSA_KPI_BEST_POSSIBLE_DSO), ==, best);
  /* "93.5 %" or "93,5 %": the number, then the locale's percent sign. */
  g_assert_cmpstr (kassa_kpi_view_get_value_text (kpis, KASSA_KPI_OVERDUE_SHARE), ==, share);
  g_assert_true (g_str_has_prefix (share, share_number));
}

/* The aging history chart: six month ends and today, stacked by bucket;
 * today's column adds up to the aging total. */
static void
check_aging_history (KassaAgingView *view,
                     gint64          total)
{
  KassaCashChart *chart = kassa_aging_view_get_history_chart (view);

  wait_for (!kassa_aging_view_get_history_busy (view));
  g_assert_cmpuint (kassa_cash_chart_get_n_categories (chart), ==, 7);
  g_assert_cmpint (kassa_cash_chart_get_category_total (chart, 6), ==, total);
}

/* Today: the cards, the rows and the KPIs of the header's tables, then
 * the 1–30 card's invoices, I2 (7 days) and I6 (20 days, 50.00 still
 * open). */
static void
check_aging_today (KassaReceivablesPage *page,
                   KassaStore           *store,
                   const AgingCompany   *c)
{
  KassaAgingView *view = kassa_receivables_page_get_aging_view (page);
  const ExpectedCards cards = {
    { 10000, 25000, 30000, 40000, 50000, 155000 },
    { 1, 2, 1, 1, 1, 6 },
  };
  const ExpectedRow rows[] = {
    { c->aalto, "Aalto Oy", { 10000, 20000, 0, 0, 50000 }, 80000, 3 },
    { c->berg, "Berg Oy", { 0, 5000, 30000, 40000, 0 }, 75000, 3 },
  };
  const ExpectedInvoice invoices[] = {
    { c->invoices[2], 20000, 7 },
    { c->invoices[6], 5000, 20 },
  };

  wait_for (!kassa_receivables_page_get_busy (page) && total_shown (view, 155000));
  /* Let the table lay out its rows. */
  settle (200);

  g_assert_cmpint (kassa_aging_view_get_as_of (view), ==, kassa_clock_today ());
  g_assert_cmpint (kassa_aging_view_get_basis (view), ==, KASSA_AGING_BY_DUE_DATE);
  check_cards (view, &cards);
  check_rows (view, rows, G_N_ELEMENTS (rows));
  check_kpi_cards (page);
  check_aging_history (view, 155000);

  press (bucket_card (view, KASSA_AGING_1_30));
  wait_for_drill_down (view, G_N_ELEMENTS (invoices));
  check_drill_down (view, store, invoices, G_N_ELEMENTS (invoices), 25000);
  gtk_widget_activate_action (GTK_WIDGET (view), "aging.back", NULL);
  g_assert_false (kassa_aging_view_get_showing_invoices (view));
}

/* A month earlier: I1 and I2 were not issued, the payments not made.
 * The 1–30 card lists I3 (15 days) and the since paid I7 (10 days);
 * nothing was over 90 days. */
static void
check_aging_earlier (KassaReceivablesPage *page,
                     KassaStore           *store,
                     const AgingCompany   *c)
{
  KassaAgingView *view = kassa_receivables_page_get_aging_view (page);
  const ExpectedCards cards = {
    { 18000, 36000, 40000, 50000, 0, 144000 },
    { 1, 2, 1, 1, 0, 5 },
  };
  const ExpectedRow rows[] = {
    { c->berg, "Berg Oy", { 18000, 30000, 40000, 0, 0 }, 88000, 3 },
    { c->aalto, "Aalto Oy", { 0, 6000, 0, 50000, 0 }, 56000, 2 },
  };
  const ExpectedInvoice invoices[] = {
    { c->invoices[3], 30000, 15 },
    { c->invoices[7], 6000, 10 },
  };

  choose_as_of (view, kassa_clock_today () - 30);
  wait_for (!kassa_receivables_page_get_busy (page) && total_shown (view, 144000));
  settle (200);
  check_cards (view, &cards);
  check_rows (view, rows, G_N_ELEMENTS (rows));

  press (bucket_card (view, KASSA_AGING_1_30));
  wait_for_drill_down (view, G_N_ELEMENTS (invoices));
  check_drill_down (view, store, invoices, G_N_ELEMENTS (invoices), 36000);

  /* The honest empty state. */
  kassa_aging_view_show_invoices (view, 0, KASSA_AGING_OVER_90);
  wait_for_drill_down (view, 0);
  wait_for (gtk_widget_get_mapped (require_widget (GTK_WIDGET (view), has_name,
                                                   "aging-invoices-empty")));
}

static void
test_aging (void)
{
  AgingCompany c = { 0 };
  KassaApplication *app;
  KassaWindow *window;
  KassaReceivablesPage *page;

  if (in_parent_process ())
    return;

  create_aging_company (&c);
  app = start_application (&window);
  page = show_receivables (window);

  check_aging_today (page, kassa_window_get_store (window), &c);
  check_aging_earlier (page, kassa_window_get_store (window), &c);

  stop_application (app);
}

/* ---- the Overview ---- */

/* Invoiced by month, Dec 2025 … Nov 2026 beside a year earlier (nothing
 * then): I5 in July (500.00), I4 in August (400.00), I3 in September
 * (300.00), I6 and I7 in October (180.00 + 60.00), I1 and I2 in November
 * (100.00 + 200.00). */
static void
check_revenue_chart (KassaOverviewPage *page)
{
  static const gint64 expected[12] = { 0, 0, 0, 0, 0, 0, 0, 50000, 40000, 30000, 24000, 30000 };
  KassaCashChart *chart = KASSA_CASH_CHART (kassa_overview_page_get_revenue_chart (page));

  g_assert_cmpuint (kassa_cash_chart_get_n_categories (chart), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (kassa_cash_chart_get_category_total (chart, i), ==, expected[i]);
}

static void
test_overview (void)
{
  AgingCompany c = { 0 };
  KassaApplication *app;
  KassaWindow *window;
  KassaOverviewPage *page;
  g_autofree char *dso = days_value (1125);
  g_autofree char *steps = g_strdup_printf (ngettext ("%u invoice needs a collection step today",
                                                      "%u invoices need a collection step today",
                                                      3), 3);
  g_autofree char *share = kassa_kpi_format_value (KASSA_KPI_OVERDUE_SHARE, 1450.0 / 1550.0 * 100);
  AdwActionRow *row;

  if (in_parent_process ())
    return;

  create_aging_company (&c);
  app = start_application (&window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview");
  page = KASSA_OVERVIEW_PAGE (kassa_window_get_page (window, "overview"));
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (page)));
  row = kassa_overview_page_get_collections_row (page);
  wait_for (!kassa_overview_page_get_receivables_busy (page) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), steps) == 0);

  g_assert_cmpstr (gtk_label_get_text (kassa_overview_page_get_dso_label (page)), ==, dso);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, steps);
  g_assert_nonnull (search_widget (GTK_WIDGET (page), is_label_with_text, share));
  check_revenue_chart (page);

  stop_application (app);
}

/* ---- the customer view ---- */

typedef struct
{
  gint64 late_payer;
  gint64 near_miss;
  gint64 open_invoice;   /* Late Payer's 100.00, due T + 9 */
} BehaviourCompany;

/* Six invoices issued T − 200 + 25 k, paid days_late[k] after the due
 * date. */
static void
add_paid_history (KassaStore   *store,
                  gint64        customer_id,
                  const gint64 *amounts,
                  const int    *days_late)
{
  KassaDay today = kassa_clock_today ();

  for (int k = 0; k < 6; k++)
    {
      KassaDay due = today - 200 + 25 * k + TERMS_DAYS;
      gint64 id = add_invoice (store, customer_id, amounts[k], due);

      add_test_payment (store, id, amounts[k], due + days_late[k]);
    }
}

static void
create_behaviour_company (BehaviourCompany *c)
{
  g_autoptr(KassaStore) store = create_company_file (DEFAULT_COMPANY_FILE);
  static const gint64 equal[] = { 100000, 100000, 100000, 100000, 100000, 100000 };
  static const gint64 falling[] = { 100000, 100000, 100000, 10000, 10000, 10000 };
  static const int late[] = { 1, 2, 3, 6, 9, 12 };
  static const int near[] = { 1, 2, 3, 6, 9, 11 };

  c->late_payer = add_test_customer (store, "Late Payer Oy");
  c->near_miss = add_test_customer (store, "Near Miss Oy");
  add_paid_history (store, c->late_payer, equal, late);
  add_paid_history (store, c->near_miss, falling, near);
  c->open_invoice = add_invoice (store, c->late_payer, 10000, kassa_clock_today () + 9);
}

typedef struct
{
  const char *name;
  gboolean    warning;
  int         extra_days;         /* the warning's figures */
  int         usual_days;
  const char *risk;
  int         days_late_tenths;
  int         days_to_pay_tenths;
  int         trend_tenths;
  gint64      suggested_limit;
  const int  *days_late;          /* the chart's bars, oldest first */
} ExpectedBehaviour;

static char *
expected_warning (const ExpectedBehaviour *expected)
{
  g_autofree char *extra = NULL;
  g_autofree char *usual = NULL;

  extra = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", expected->extra_days),
                           expected->extra_days);
  usual = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", expected->usual_days),
                           expected->usual_days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Paid the last %d invoice %s later than the usual %s.",
                                       "Paid the last %d invoices on average %s later "
                                       "than the usual %s.",
                                       3),
                          3, extra, usual);
}

static char *
expected_chart_description (const int *days_late)
{
  g_autoptr(GString) days = g_string_new (NULL);
  g_autofree char *count = NULL;
  g_autofree char *late = NULL;
  g_autofree char *list = NULL;

  for (int k = 0; k < 6; k++)
    {
      g_autofree char *value = kassa_quantity_format ((gint64) days_late[k] * 1000,
                                                      kassa_locale_current ());

      if (k > 0)
        g_string_append (days, C_("list separator", ", "));
      g_string_append (days, value);
    }

  count = g_strdup_printf (ngettext ("%u invoice paid in the last 12 months.",
                                     "%u invoices paid in the last 12 months.", 6), 6);
  late = g_strdup_printf (ngettext ("%u of them was paid late.",
                                    "%u of them were paid late.", 6), 6);
  list = g_strdup_printf (_("Days late, oldest first: %s."), days->str);
  return g_strjoin (" ", count, late, list, NULL);
}

static KassaCustomerView *
open_customer (KassaWindow                *window,
               gint64                      customer_id,
               KassaPaymentBehaviourView **behaviour_view)
{
  KassaCustomerView *view;
  KassaPaymentBehaviourView *behaviour;

  kassa_customer_view_present (GTK_WINDOW (window), kassa_window_get_store (window), customer_id);
  wait_for ((view = visible_toplevel (KASSA_TYPE_CUSTOMER_VIEW)) != NULL);
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (view)));
  /* The view builds its sections after it is mapped (slow under ASan). */
  wait_for ((behaviour = (KassaPaymentBehaviourView *)
               search_widget (GTK_WIDGET (view), is_of_type,
                              GSIZE_TO_POINTER (KASSA_TYPE_PAYMENT_BEHAVIOUR_VIEW))) != NULL);
  wait_for (!kassa_payment_behaviour_view_is_loading (behaviour) &&
            kassa_payment_behaviour_view_get_behaviour (behaviour) != NULL);

  *behaviour_view = behaviour;
  return view;
}

/* The value shown in the row titled title. */
static const char *
figure_text (KassaPaymentBehaviourView *view,
             const char                *title)
{
  GtkWidget *row = require_widget (GTK_WIDGET (view), is_row_with_title, title);

  return gtk_label_get_text (GTK_LABEL (require_widget (row, is_numeric_label, NULL)));
}

static void
check_behaviour (KassaPaymentBehaviourView *view,
                 KassaStore                *store,
                 gint64                     customer_id,
                 const ExpectedBehaviour   *expected)
{
  const KassaPaymentBehaviour *shown = kassa_payment_behaviour_view_get_behaviour (view);
  g_autoptr(KassaPaymentBehaviour) analytics = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *days_late = days_value (expected->days_late_tenths);
  g_autofree char *days_to_pay = days_value (expected->days_to_pay_tenths);
  g_autofree char *trend_days = one_decimal (expected->trend_tenths);
  g_autofree char *trend = g_strdup_printf (_("Paying %s days later per invoice"), trend_days);
  g_autofree char *limit = money_text (expected->suggested_limit);
  g_autofree char *description = expected_chart_description (expected->days_late);
  KassaWarningRule rule;

  g_test_message ("Payment behaviour of %s", expected->name);
  g_assert_nonnull (shown);
  g_assert_cmpint (shown->customer_id, ==, customer_id);

  /* The banner shows the analytics' own text, which is the hand-made one. */
  kassa_warning_rule_init_default (&rule);
  analytics = kassa_payment_behaviour_compute (store, customer_id, kassa_clock_today (), &rule,
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpint (analytics->warning, ==, expected->warning);
  if (expected->warning)
    {
      g_autofree char *warning = expected_warning (expected);

      g_assert_cmpstr (analytics->warning_text, ==, warning);
      g_assert_cmpstr (kassa_payment_behaviour_view_get_warning_text (view), ==, warning);
    }
  else
    {
      g_assert_null (kassa_payment_behaviour_view_get_warning_text (view));
    }

  g_assert_cmpstr (kassa_payment_behaviour_view_get_risk_text (view), ==, expected->risk);
  g_assert_cmpstr (figure_text (view, _("Average Days Late")), ==, days_late);
  g_assert_cmpstr (figure_text (view, _("Average Days to Pay")), ==, days_to_pay);
  g_assert_cmpstr (kassa_payment_behaviour_view_get_trend_text (view), ==, trend);
  g_assert_cmpint (shown->suggested_credit_limit, ==, expected->suggested_limit);
  g_assert_nonnull (search_widget (GTK_WIDGET (view), is_label_with_text, limit));
  g_assert_cmpuint (kassa_payment_behaviour_view_get_n_bars (view), ==, 6);
  g_assert_cmpstr (kassa_payment_behaviour_view_get_chart_description (view), ==, description);
}

static gint64
stored_credit_limit (KassaStore *store,
                     gint64      customer_id)
{
  g_autoptr(KassaCustomerRecord) customer = get_stored_customer (store, customer_id);

  return customer->credit_limit;
}

static gboolean
shows_credit_limit (KassaPaymentBehaviourView *view,
                    gint64                     limit)
{
  g_autofree char *text = limit > 0 ? money_text (limit) : g_strdup (C_("credit limit", "None"));

  return !kassa_payment_behaviour_view_is_loading (view) &&
         g_strcmp0 (figure_text (view, _("Credit Limit")), text) == 0;
}

/* Apply stores the suggestion; Undo on the toast puts the old limit back. */
static void
check_apply_and_undo (KassaCustomerView         *customer_view,
                      KassaPaymentBehaviourView *view,
                      KassaStore                *store,
                      gint64                     customer_id,
                      gint64                     suggested)
{
  GtkWidget *apply = GTK_WIDGET (kassa_payment_behaviour_view_get_apply_button (view));
  GtkWidget *undo;
  g_autofree char *amount = money_text (suggested);
  g_autofree char *toast = g_strdup_printf (_("Credit limit set to %s"), amount);

  g_assert_cmpint (stored_credit_limit (store, customer_id), ==, 0);
  g_assert_true (shows_credit_limit (view, 0));

  press (apply);
  g_assert_cmpint (stored_credit_limit (store, customer_id), ==, suggested);
  g_assert_nonnull (search_widget (GTK_WIDGET (customer_view), is_label_with_text, toast));
  g_assert_false (gtk_widget_is_sensitive (apply));

  /* Undo while the toast is surely still there (it times out after a few
   * seconds, which a slow sanitizer run can spend on the refresh). */
  undo = search_widget (GTK_WIDGET (customer_view), is_button_with_label, _("_Undo"));
  g_assert_nonnull (undo);
  press (undo);
  g_assert_cmpint (stored_credit_limit (store, customer_id), ==, 0);
  wait_for (shows_credit_limit (view, 0));
  g_assert_true (gtk_widget_is_sensitive (apply));

  /* Applied again, the view shows the limit, and the suggestion being the
   * limit now, there is nothing left to apply. */
  press (apply);
  g_assert_cmpint (stored_credit_limit (store, customer_id), ==, suggested);
  wait_for (shows_credit_limit (view, suggested));
  g_assert_false (gtk_widget_is_sensitive (apply));
}

/* word occurs in text with no digit right before or after it. */
static gboolean
contains_number (const char *text,
                 const char *word)
{
  gsize length = strlen (word);

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    if ((p == text || !g_ascii_isdigit (p[-1])) && !g_ascii_isdigit (p[length]))
      return TRUE;

  return FALSE;
}

/* A PDF that names the company and the customer and lists the open
 * invoice (by its number). */
static void
check_pdf (const char *path,
           const char *customer_name,
           gint64      open_number)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, open_number);
  g_autofree char *contents = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  int status = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  if (pdftotext == NULL)
    {
      g_test_message ("pdftotext not found: the text of %s is not checked", path);
      return;
    }

  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text,
                  NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  g_assert_nonnull (strstr (text, customer_name));
  g_assert_nonnull (strstr (text, "Testi Oy"));
  g_assert_true (contains_number (text, number));
}

/* The user's Documents folder, where the statement's file chooser opens. */
static char *
create_documents_folder (void)
{
  g_autofree char *folder = g_build_filename (g_get_home_dir (), "Documents", NULL);
  g_autofree char *config = g_build_filename (g_get_user_config_dir (), "user-dirs.dirs", NULL);
  g_autofree char *contents = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", folder);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_file_set_contents (config, contents, -1, &error);
  g_assert_no_error (error);
  /* GLib reads user-dirs.dirs from $XDG_CONFIG_HOME, which the isolation
   * leaves at /dev/null. */
  g_setenv ("XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_reload_user_special_dirs_cache ();
  g_assert_cmpstr (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS), ==, folder);

  return g_steal_pointer (&folder);
}

static gboolean
chooser_shows_folder (GtkFileChooser *chooser,
                      const char     *folder)
{
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (chooser);

  return current != NULL && g_strcmp0 (g_file_peek_path (current), folder) == 0;
}

/* The Statement button, through its file chooser (GTK's own dialog: there
 * is no portal on the test bus). */
static void
check_statement (KassaCustomerView *customer_view,
                 const char        *customer_name,
                 gint64             open_number)
{
  g_autofree char *folder = create_documents_folder ();
  g_autofree char *path = g_build_filename (folder, "statement-test.pdf", NULL);
  g_autofree char *saved = g_strdup_printf (_("Saved “%s”"), "statement-test.pdf");
  g_autofree char *suggested = NULL;
  GtkFileChooserDialog *chooser;

  /* Under AddressSanitizer GTK's file chooser loads its folders too slowly
   * for the waits here; the normal run covers it. */
  if (g_getenv ("ASAN_OPTIONS") != NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (customer_view), "customer.save-statement", NULL);
  wait_for ((chooser = visible_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);

  /* A save dialog in Documents, with the suggested name filled in. */
  g_assert_true (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) ==
                 GTK_FILE_CHOOSER_ACTION_SAVE);
  /* The folder is set once the dialog has loaded it. */
  wait_for (chooser_shows_folder (GTK_FILE_CHOOSER (chooser), folder));
  suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (strstr (suggested, customer_name));
  g_assert_true (g_str_has_suffix (suggested, ".pdf"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "statement-test.pdf");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  wait_for (search_widget (GTK_WIDGET (customer_view), is_label_with_text, saved) != NULL);
  g_assert_null (visible_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  check_pdf (path, customer_name, open_number);
}

/* The Warnings section lists the customer whose warning fires, only. */
static void
check_warning_list (KassaWindow *window)
{
  KassaReceivablesPage *page;
  GtkListBox *list;
  guint rows = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "receivables");
  page = KASSA_RECEIVABLES_PAGE (kassa_window_get_page (window, "receivables"));
  kassa_receivables_page_show_section (page, "warnings");
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (page)));
  wait_for (!kassa_receivables_page_get_busy (page));
  list = kassa_receivables_page_get_warning_list (page);
  wait_for (search_widget (GTK_WIDGET (list), is_row_with_title, "Late Payer Oy") != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child))
      rows++;
  g_assert_cmpuint (rows, ==, 1);
  g_assert_null (search_widget (GTK_WIDGET (list), is_row_with_title, "Near Miss Oy"));
}

static void
test_customer_view (void)
{
  BehaviourCompany c = { 0 };
  KassaApplication *app;
  KassaWindow *window;
  KassaStore *store;
  KassaCustomerView *customer_view;
  KassaPaymentBehaviourView *view;
  static const int late_days[] = { 1, 2, 3, 6, 9, 12 };
  static const int near_days[] = { 1, 2, 3, 6, 9, 11 };
  const ExpectedBehaviour late_payer = {
    "Late Payer Oy", TRUE, 7, 2, "B", 55, 195, 23, 50000, late_days,
  };
  const ExpectedBehaviour near_miss = {
    "Near Miss Oy", FALSE, 0, 0, "A", 26, 166, 21, 30000, near_days,
  };

  if (in_parent_process ())
    return;

  create_behaviour_company (&c);
  app = start_application (&window);
  store = kassa_window_get_store (window);

  customer_view = open_customer (window, c.near_miss, &view);
  check_behaviour (view, store, c.near_miss, &near_miss);
  gtk_window_destroy (GTK_WINDOW (customer_view));

  customer_view = open_customer (window, c.late_payer, &view);
  check_behaviour (view, store, c.late_payer, &late_payer);
  check_apply_and_undo (customer_view, view, store, c.late_payer, late_payer.suggested_limit);
  check_statement (customer_view, late_payer.name, stored_invoice_number (store, c.open_invoice));
  gtk_window_destroy (GTK_WINDOW (customer_view));

  check_warning_list (window);

  stop_application (app);
}

int
main (int   argc,
      char *argv[])
{
  init_ui_test (&argc, &argv);

  g_test_add_func ("/receivables/aging", test_aging);
  g_test_add_func ("/receivables/overview", test_overview);
  g_test_add_func ("/receivables/customer-view", test_customer_view);

  return g_test_run ();
}
