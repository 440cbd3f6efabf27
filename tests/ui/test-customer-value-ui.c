/* test-customer-value-ui.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Customers page's Value and Segments sections, driven through the
 * real window: the manual ABC class with its Undo, and a campaign target
 * list that leaves out the customer who refused marketing, exported as
 * CSV.  Runs in en, fi and zh_CN; texts are compared through the same
 * gettext calls the UI uses.
 *
 * Today T is 2026-11-24 ($KASSA_TODAY).  Four customers, one sent invoice
 * each in the last 12 months, one line at 0 % VAT (net = total):
 *
 *   customer  invoice  issued    ABC by revenue, limits 80 % / 95 %
 *   Alpha Oy  5000.00  T − 30    share before 0 %   → A (cumulative 50 %)
 *   Delta Oy  3000.00  T − 35    share before 50 %  → A (80 %)
 *   Beta Oy   1500.00  T − 40    share before 80 %  → B (95 %)
 *   Gamma Oy   500.00  T − 50    share before 95 %  → C (100 %)
 *   total    10000.00
 *
 * Delta Oy refused marketing (T − 10); Gamma Oy gave consent; Alpha and
 * Beta were never asked.
 *
 * Target list "abc:a" (Alpha, Delta): without "only consented" Alpha only,
 * Delta left out (1); with it nobody: Alpha was not asked, so 2 are left
 * out.
 */
#define G_LOG_DOMAIN "kassa-test-customer-value"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kassa-application.h"
#include "kassa-clock.h"
#include "kassa-customer-value.h"
#include "kassa-customers-page.h"
#include "kassa-date.h"
#include "kassa-format.h"
#include "kassa-money.h"
#include "kassa-pareto-widget.h"
#include "kassa-segments-view.h"
#include "kassa-store-relationship.h"
#include "kassa-value-view.h"
#include "kassa-window.h"
#include "kassa-ui-test-support.h"

/* Generous: the machine is shared and the figures come from threads. */
#define TIMEOUT_MS 15000

typedef struct
{
  gint64 alpha;
  gint64 beta;
  gint64 gamma;
  gint64 delta;
} ValueCompany;

/* ---- the company ---- */

static void
set_consent (KassaStore            *store,
             gint64                 customer_id,
             KassaMarketingConsent  consent)
{
  g_autoptr(KassaCustomerRelationship) relationship = NULL;
  g_autoptr(GError) error = NULL;
  KassaDay today = kassa_clock_today ();

  relationship = kassa_store_get_customer_relationship (store, customer_id, &error);
  g_assert_no_error (error);
  relationship->consent = consent;
  relationship->consent_date = today - 10;
  kassa_store_save_customer_relationship (store, relationship, today, &error);
  g_assert_no_error (error);
}

static void
create_value_company (ValueCompany *c)
{
  g_autoptr(KassaStore) store = create_company_file (DEFAULT_COMPANY_FILE);
  KassaDay today = kassa_clock_today ();

  c->alpha = add_test_customer (store, "Alpha Oy");
  c->beta = add_test_customer (store, "Beta Oy");
  c->gamma = add_test_customer (store, "Gamma Oy");
  c->delta = add_test_customer (store, "Delta Oy");
  add_test_invoice (store, c->alpha, today - 30, 500000);
  add_test_invoice (store, c->delta, today - 35, 300000);
  add_test_invoice (store, c->beta, today - 40, 150000);
  add_test_invoice (store, c->gamma, today - 50, 50000);
  set_consent (store, c->delta, KASSA_CONSENT_REFUSED);
  set_consent (store, c->gamma, KASSA_CONSENT_GIVEN);
}

/* ---- the application ---- */

static GtkWidget *
show_section (KassaWindow *window,
              const char  *name)
{
  GtkWidget *page;
  GtkWidget *section;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "customers");
  page = kassa_window_get_page (window, "customers");
  g_assert_true (KASSA_IS_CUSTOMERS_PAGE (page));
  kassa_customers_page_show_section (KASSA_CUSTOMERS_PAGE (page), name);
  g_assert_cmpstr (kassa_customers_page_get_section (KASSA_CUSTOMERS_PAGE (page)), ==, name);
  section = kassa_customers_page_get_section_widget (KASSA_CUSTOMERS_PAGE (page), name);
  g_assert_nonnull (section);
  wait_for (gtk_widget_get_mapped (section));
  return section;
}

/* ---- Value: the class set by hand ---- */

static gboolean
is_inscription_with_text (GtkWidget     *widget,
                          gconstpointer  data)
{
  return GTK_IS_INSCRIPTION (widget) &&
         g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), data) == 0;
}

static KassaAbcClass
stored_override (KassaStore *store,
                 gint64      customer_id)
{
  g_autoptr(KassaCustomerRelationship) relationship = NULL;
  g_autoptr(GError) error = NULL;

  relationship = kassa_store_get_customer_relationship (store, customer_id, &error);
  g_assert_no_error (error);
  return relationship->abc_override;
}

static const KassaCustomerValue *
shown_value (KassaValueView *view,
             gint64          customer_id)
{
  KassaValueReport *report = kassa_value_view_get_report (view);

  g_assert_nonnull (report);
  return kassa_value_report_find_customer (report, customer_id);
}

static gboolean
shows_override (KassaValueView *view,
                gint64          customer_id,
                KassaAbcClass   abc)
{
  return !kassa_value_view_is_busy (view) && kassa_value_view_get_report (view) != NULL &&
         shown_value (view, customer_id)->abc_override == abc;
}

static gboolean
is_class_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), _("Set _Class…")) == 0;
}

static void
select_customer (KassaValueView *view,
                 gint64          customer_id)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (require_widget (GTK_WIDGET (view), is_of_type,
                                                          GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW)));
  GtkSelectionModel *model = gtk_column_view_get_model (table);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(KassaValueItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (kassa_value_item_get_value (item)->customer_id == customer_id)
        {
          g_assert_true (gtk_selection_model_select_item (model, i, TRUE));
          return;
        }
    }
  g_assert_not_reached ();
}

/* The menu lists A, B, C, Computed; each item names the customer. */
static void
choose_class (KassaValueView *view,
              gint64          customer_id,
              KassaAbcClass   abc)
{
  GtkWidget *button = require_widget (GTK_WIDGET (view), is_class_button, NULL);
  GMenuModel *menu;
  int index = abc == KASSA_ABC_NONE ? 3 : abc - KASSA_ABC_A;
  g_autofree char *action = NULL;
  g_autoptr(GVariant) target = NULL;
  gint64 target_customer;
  gint32 target_class;

  g_assert_false (gtk_widget_get_sensitive (button));
  select_customer (view, customer_id);
  g_assert_true (gtk_widget_get_sensitive (button));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 4);
  g_assert_true (g_menu_model_get_item_attribute (menu, index, G_MENU_ATTRIBUTE_ACTION, "s",
                                                  &action));
  target = g_menu_model_get_item_attribute_value (menu, index, G_MENU_ATTRIBUTE_TARGET,
                                                  G_VARIANT_TYPE ("(xi)"));
  g_assert_nonnull (target);
  g_variant_get (target, "(xi)", &target_customer, &target_class);
  g_assert_cmpint (target_customer, ==, customer_id);
  g_assert_cmpint (target_class, ==, abc);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (button), action, target));
}

static void
check_computed_classes (KassaValueView     *view,
                        const ValueCompany *c)
{
  KassaValueReport *report = kassa_value_view_get_report (view);
  gint64 revenue, margin;

  kassa_value_report_get_totals (report, &revenue, &margin);
  g_assert_cmpint (revenue, ==, 1000000);
  g_assert_cmpint (kassa_value_report_get_customer (report, 0)->customer_id, ==, c->alpha);
  g_assert_cmpint (shown_value (view, c->alpha)->abc, ==, KASSA_ABC_A);
  g_assert_cmpint (shown_value (view, c->delta)->abc, ==, KASSA_ABC_A);
  g_assert_cmpint (shown_value (view, c->beta)->abc, ==, KASSA_ABC_B);
  g_assert_cmpint (shown_value (view, c->gamma)->abc, ==, KASSA_ABC_C);
  g_assert_cmpint (kassa_value_report_get_class (report, KASSA_ABC_A).customers, ==, 2);
  g_assert_cmpint (kassa_value_report_get_class (report, KASSA_ABC_A).revenue, ==, 800000);
}

/* Cards and chart: revenue 10000.00; the Pareto summary is the fewest
 * leading customers reaching 80 %: Alpha 50 % + Delta 30 % = 80 %, so 2 of
 * 4 customers (50 %) bring 80 % of revenue. */
static void
check_summary (KassaValueView *view)
{
  g_autofree char *revenue = kassa_format_money (1000000, "EUR");
  g_autofree char *half = kassa_percent_format (5000, kassa_locale_current ());
  g_autofree char *eighty = kassa_percent_format (8000, kassa_locale_current ());
  g_autofree char *summary = NULL;
  GtkWidget *pareto;

  require_widget (GTK_WIDGET (view), is_label_with_text, revenue);
  summary = g_strdup_printf (ngettext ("%s of customers (%u) bring %s of %s",
                                       "%s of customers (%u) bring %s of %s", 2),
                             half, 2, eighty, _("revenue"));
  pareto = require_widget (GTK_WIDGET (view), is_of_type,
                           GSIZE_TO_POINTER (KASSA_TYPE_PARETO_WIDGET));
  g_assert_cmpstr (kassa_pareto_widget_get_summary (KASSA_PARETO_WIDGET (pareto)), ==, summary);
}

/* "Last year" (2025): every invoice is in 2026, so no revenue. */
static void
check_last_year (KassaValueView *view)
{
  GtkDropDown *period = GTK_DROP_DOWN (require_widget (GTK_WIDGET (view), is_of_type,
                                                       GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN)));
  const KassaValueOptions *options;
  gint64 revenue = -1, margin = -1;

  gtk_drop_down_set_selected (period, 2);
  wait_for (!kassa_value_view_is_busy (view) &&
            kassa_value_report_get_options (kassa_value_view_get_report (view))->from ==
            kassa_day_from_ymd (2025, 1, 1));
  options = kassa_value_report_get_options (kassa_value_view_get_report (view));
  g_assert_cmpint (options->to, ==, kassa_day_from_ymd (2025, 12, 31));
  kassa_value_report_get_totals (kassa_value_view_get_report (view), &revenue, &margin);
  g_assert_cmpint (revenue, ==, 0);

  gtk_drop_down_set_selected (period, 0);
  wait_for (!kassa_value_view_is_busy (view) &&
            kassa_value_report_get_options (kassa_value_view_get_report (view))->to ==
            kassa_clock_today ());
}

static void
test_class_override (void)
{
  ValueCompany c;
  g_autoptr(KassaStore) store = NULL;
  g_autofree char *path = default_company_path ();
  g_autofree char *shown = NULL;
  g_autofree char *formatted = NULL;
  g_autoptr(GError) error = NULL;
  KassaApplication *app;
  KassaWindow *window;
  KassaValueView *view;

  if (in_parent_process ())
    return;

  create_value_company (&c);
  app = start_application (&window);
  view = KASSA_VALUE_VIEW (show_section (window, "value"));
  wait_for (!kassa_value_view_is_busy (view) && kassa_value_view_get_report (view) != NULL);
  check_computed_classes (view, &c);
  check_summary (view);
  check_last_year (view);
  check_computed_classes (view, &c);
  g_assert_null (search_widget (GTK_WIDGET (view), is_inscription_with_text, "A → C"));

  /* Select Alpha Oy's row and choose "Class C" in "Set Class…". */
  choose_class (view, c.alpha, KASSA_ABC_C);
  wait_for (shows_override (view, c.alpha, KASSA_ABC_C));
  store = kassa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored_override (store, c.alpha), ==, KASSA_ABC_C);
  g_assert_cmpint (shown_value (view, c.alpha)->abc_computed, ==, KASSA_ABC_A);
  g_assert_cmpint (shown_value (view, c.alpha)->abc, ==, KASSA_ABC_C);
  g_assert_cmpint (kassa_value_report_get_class (kassa_value_view_get_report (view),
                                                 KASSA_ABC_C).customers, ==, 2);

  /* The row shows computed → set, e.g. "A → C". */
  shown = g_strdup_printf (_("%s → %s"), kassa_abc_class_to_string (KASSA_ABC_A),
                           kassa_abc_class_to_string (KASSA_ABC_C));
  formatted = kassa_value_format_class (shown_value (view, c.alpha));
  g_assert_cmpstr (formatted, ==, shown);
  wait_for (search_widget (GTK_WIDGET (view), is_inscription_with_text, shown) != NULL);

  /* The toast's Undo. */
  gtk_widget_activate_action (GTK_WIDGET (view), "value.undo-class", NULL);
  wait_for (shows_override (view, c.alpha, KASSA_ABC_NONE));
  g_assert_cmpint (stored_override (store, c.alpha), ==, KASSA_ABC_NONE);
  check_computed_classes (view, &c);
  wait_for (search_widget (GTK_WIDGET (view), is_inscription_with_text, shown) == NULL);

  stop_application (app);
}

/* ---- Segments: the target list ---- */

static gboolean
list_has_customer (GListModel *list,
                   gint64      customer_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KassaValueItem) item = g_list_model_get_item (list, i);

      if (kassa_value_item_get_value (item)->customer_id == customer_id)
        return TRUE;
    }
  return FALSE;
}

static char *
excluded_text (guint n)
{
  return g_strdup_printf (ngettext ("%u customer left out: no marketing consent",
                                    "%u customers left out: no marketing consent", n), n);
}

static void
check_csv (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\r\n", -1);
  /* Header, Alpha Oy, and the empty string after the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "number,name,"));
  g_assert_nonnull (strstr (lines[1], ",Alpha Oy,"));
  g_assert_null (strstr (contents, "Delta Oy"));
  g_assert_cmpstr (lines[2], ==, "");
}

static void
test_target_list (void)
{
  ValueCompany c;
  g_autofree char *csv = g_build_filename (g_get_user_data_dir (), "target.csv", NULL);
  g_autofree char *one_left_out = excluded_text (1);
  g_autofree char *two_left_out = excluded_text (2);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  KassaApplication *app;
  KassaWindow *window;
  KassaSegmentsView *view;
  GListModel *customers;
  guint excluded = 99;

  if (in_parent_process ())
    return;

  create_value_company (&c);
  app = start_application (&window);
  view = KASSA_SEGMENTS_VIEW (show_section (window, "segments"));
  wait_for (!kassa_segments_view_is_busy (view) && kassa_segments_view_get_report (view) != NULL);

  /* Delta Oy is in the segment … */
  kassa_segments_view_select_segment (view, "abc:a");
  customers = kassa_segments_view_get_segment_customers (view);
  g_assert_cmpuint (g_list_model_get_n_items (customers), ==, 2);
  g_assert_true (list_has_customer (customers, c.alpha));
  g_assert_true (list_has_customer (customers, c.delta));

  /* … but never in its target list. */
  kassa_segments_view_set_target (view, "abc:a", FALSE);
  g_assert_cmpuint (kassa_segments_view_get_target_count (view, &excluded), ==, 1);
  g_assert_cmpuint (excluded, ==, 1);
  g_assert_cmpstr (kassa_segments_view_get_excluded_text (view), ==, one_left_out);

  kassa_segments_view_export_target_list (view, file, &error);
  g_assert_no_error (error);
  check_csv (csv);

  /* Only those who gave consent: Alpha Oy was never asked. */
  kassa_segments_view_set_target (view, "abc:a", TRUE);
  g_assert_cmpuint (kassa_segments_view_get_target_count (view, &excluded), ==, 0);
  g_assert_cmpuint (excluded, ==, 2);
  g_assert_cmpstr (kassa_segments_view_get_excluded_text (view), ==, two_left_out);

  /* Class C: Gamma Oy gave consent. */
  kassa_segments_view_set_target (view, "abc:c", TRUE);
  g_assert_cmpuint (kassa_segments_view_get_target_count (view, &excluded), ==, 1);
  g_assert_cmpuint (excluded, ==, 0);
  g_assert_cmpstr (kassa_segments_view_get_excluded_text (view), ==, "");

  stop_application (app);
}

int
main (int   argc,
      char *argv[])
{
  init_ui_test (&argc, &argv);

  g_test_add_func ("/customer-value/class-override", test_class_override);
  g_test_add_func ("/customer-value/target-list", test_target_list);

  return g_test_run ();
}
