/* test-campaigns-ui.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Campaigns view, the campaign editor and the ROI calculator, driven
 * through their widgets: creating a campaign (an end before the start is
 * refused beside the field, then fixed without losing what was typed),
 * adding the target list of a segment as reached where one customer
 * refused marketing, attributing invoices and reading the results in the
 * list, and the ROI calculator's hand-worked case.  Runs in en, fi and
 * zh_CN (see meson.build); every string is compared through the same
 * formatter or gettext call the UI makes.
 *
 * Today is 2026-11-24 ($KASSA_TODAY).  The company (EUR, 0 % VAT):
 *   Alpha Oy  consent given    invoice today, net 1,000.00, cost 600.00
 *   Beta Oy   refused marketing invoice today, net 500.00
 *   Gamma Oy  consent not asked invoice 2026-11-19 (before it was reached)
 * Campaign "Winter mailing", email, 20.11.–30.11.2026, cost 200.00, all
 * customers.  Reached today: Alpha and Gamma (Beta is left out: 1).
 * Attribution (60 days): only Alpha's invoice, issued on the day it was
 * reached, so reached 2, converted 1, conversion 50 %, revenue 1,000.00,
 * margin 400.00, ROI (400 − 200) ÷ 200 = 100 %.
 *
 * ROI calculator: revenue 1,200,000.00, growth 10 %, margin 40 %,
 * investment 20,000.00, ramp-up 6 months.  Full monthly gain
 * 1,200,000 × 0.10 × 0.40 ÷ 12 = 4,000.00; months 1–6 earn 4,000 × k ÷ 6:
 * 666.67 + 1,333.33 + 2,000 + 2,666.67 + 3,333.33 + 4,000 = 14,000.00;
 * months 7–12 earn 6 × 4,000 = 24,000.00; 12-month gain 38,000.00.
 * ROI (38,000 − 20,000) ÷ 20,000 = 90 %.  Cumulative 18,000 after month 7
 * and 22,000 after month 8: payback 7 + 2,000 ÷ 4,000 = 7.5 months.
 *
 * Invoice view, campaign row: "Autumn fair" (1.–3.10.2026) and "Winter
 * mailing" (20.–30.11.2026), newest first after None.  Choosing Winter on
 * Gamma's invoice (19.11.) attributes it and makes Gamma reached (on
 * 19.11., the sale came before the start) and converted: reached 1,
 * converted 1.  Beta refused marketing: attributed, not reached.  None
 * clears Gamma's attribution; Gamma stays reached, converted 0.
 */
#define G_LOG_DOMAIN "kassa-test-campaigns"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kassa-application.h"
#include "kassa-campaign-editor.h"
#include "kassa-campaigns-view.h"
#include "kassa-customers-page.h"
#include "kassa-clock.h"
#include "kassa-date.h"
#include "kassa-customer-retention.h"
#include "kassa-format.h"
#include "kassa-invoice-view.h"
#include "kassa-money.h"
#include "kassa-records.h"
#include "kassa-roi-dialog.h"
#include "kassa-store-relationship.h"
#include "kassa-window.h"
#include "kassa-ui-test-support.h"

/* Generous: the machine is shared and the figures come from a thread. */
#define TIMEOUT_MS 15000

typedef struct
{
  KassaStore *store;
  gint64      alpha;
  gint64      beta;
  gint64      gamma;
  gint64      alpha_invoice;
  gint64      beta_invoice;
  gint64      gamma_invoice;
} Company;

static void
type_into (GtkWidget  *root,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (require_widget (root, has_name, name)), text);
}

static gint64
add_customer (KassaStore            *store,
              const char            *name,
              KassaMarketingConsent  consent)
{
  g_autoptr(KassaCustomerRecord) customer = test_customer_new (name);
  g_autoptr(KassaCustomerRelationship) relationship = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = save_test_customer (store, customer);

  relationship = kassa_store_get_customer_relationship (store, id, &error);
  g_assert_no_error (error);
  relationship->consent = consent;
  if (consent != KASSA_CONSENT_NOT_ASKED)
    relationship->consent_date = kassa_clock_today () - 30;
  kassa_store_save_customer_relationship (store, relationship, kassa_clock_today (), &error);
  g_assert_no_error (error);
  return id;
}

/* A sent invoice of one line at 0 % VAT issued on issued. */
static gint64
add_invoice (KassaStore *store,
             gint64      customer_id,
             KassaDay    issued,
             gint64      net,
             gint64      cost)
{
  g_autoptr(KassaInvoiceRecord) invoice = test_invoice_new (customer_id, issued, net);
  KassaInvoiceLine *line = g_ptr_array_index (invoice->lines, 0);

  line->unit_cost = cost;
  return send_test_invoice (store, invoice);
}

static void
create_company (Company *c)
{
  KassaDay today = kassa_clock_today ();

  /* The company file the application opens by default. */
  c->store = create_company_file (DEFAULT_COMPANY_FILE);
  c->alpha = add_customer (c->store, "Alpha Oy", KASSA_CONSENT_GIVEN);
  c->beta = add_customer (c->store, "Beta Oy", KASSA_CONSENT_REFUSED);
  c->gamma = add_customer (c->store, "Gamma Oy", KASSA_CONSENT_NOT_ASKED);
  c->alpha_invoice = add_invoice (c->store, c->alpha, today, 100000, 60000);
  c->beta_invoice = add_invoice (c->store, c->beta, today, 50000, 0);
  c->gamma_invoice = add_invoice (c->store, c->gamma, today - 5, 30000, 10000);
}

/* The Customers page, its Campaigns section shown. */
static GtkWidget *
show_view (KassaWindow *window)
{
  GtkWidget *page;
  GtkWidget *view;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "customers");
  page = kassa_window_get_page (window, "customers");
  g_assert_true (KASSA_IS_CUSTOMERS_PAGE (page));
  wait_for (gtk_widget_get_mapped (page));
  kassa_customers_page_show_section (KASSA_CUSTOMERS_PAGE (page), "campaigns");
  view = kassa_customers_page_get_section_widget (KASSA_CUSTOMERS_PAGE (page), "campaigns");
  g_assert_true (KASSA_IS_CAMPAIGNS_VIEW (view));
  wait_for (gtk_widget_get_mapped (view));
  return view;
}

static gboolean
view_is_loading (GtkWidget *view)
{
  return gtk_spinner_get_spinning (GTK_SPINNER (require_widget (view, has_name,
                                                                "campaigns-spinner")));
}

static gboolean
list_shows (GtkWidget  *view,
            const char *text)
{
  GtkWidget *list = require_widget (view, has_name, "campaigns-list");

  return search_widget (list, is_label_with_text, text) != NULL;
}

static char *
percent (gint basis_points)
{
  return kassa_percent_format (basis_points, kassa_locale_current ());
}

static void
fill_campaign (KassaCampaignEditor *editor,
               KassaDay             end)
{
  g_autofree char *start_text = kassa_format_day (kassa_day_from_ymd (2026, 11, 20));
  g_autofree char *end_text = kassa_format_day (end);
  g_autofree char *cost_text = money_input (20000);
  GtkWidget *root = GTK_WIDGET (editor);

  type_into (root, "campaign-name", "Winter mailing");
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_widget (root, has_name, "campaign-channel")),
                              KASSA_CAMPAIGN_EMAIL);
  type_into (root, "campaign-start", start_text);
  type_into (root, "campaign-end", end_text);
  type_into (root, "campaign-cost", cost_text);
}

static KassaCampaignEditor *
create_campaign (GtkWidget *view,
                 Company   *c)
{
  KassaCampaignEditor *editor;
  GtkWidget *end_row;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_activate_action (view, "campaigns.new", NULL);
  wait_for (visible_toplevel (KASSA_TYPE_CAMPAIGN_EDITOR) != NULL);
  editor = visible_toplevel (KASSA_TYPE_CAMPAIGN_EDITOR);
  g_assert_cmpint (kassa_campaign_editor_get_campaign_id (editor), ==, 0);

  /* An end before the start: refused beside the end date, nothing saved. */
  fill_campaign (editor, kassa_day_from_ymd (2026, 11, 10));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  end_row = require_widget (GTK_WIDGET (editor), has_name, "campaign-end");
  g_assert_true (gtk_widget_has_css_class (end_row, "error"));
  g_assert_cmpint (kassa_campaign_editor_get_campaign_id (editor), ==, 0);
  campaigns = kassa_store_list_campaigns (c->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (campaigns->len, ==, 0);
  /* What was typed is still there. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_widget (GTK_WIDGET (editor),
                                                                        has_name,
                                                                        "campaign-name"))),
                   ==, "Winter mailing");

  /* Fixed: saved, and the reached customers part appears. */
  {
    g_autofree char *end_text = kassa_format_day (kassa_day_from_ymd (2026, 11, 30));

    type_into (GTK_WIDGET (editor), "campaign-end", end_text);
  }
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_false (gtk_widget_has_css_class (end_row, "error"));
  g_assert_cmpint (kassa_campaign_editor_get_campaign_id (editor), >, 0);
  {
    gint64 campaign_id = kassa_campaign_editor_get_campaign_id (editor);
    g_autoptr(KassaCampaign) saved = kassa_store_get_campaign (c->store, campaign_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (saved->name, ==, "Winter mailing");
    g_assert_cmpint (saved->channel, ==, KASSA_CAMPAIGN_EMAIL);
    g_assert_cmpint (saved->start_date, ==, kassa_day_from_ymd (2026, 11, 20));
    g_assert_cmpint (saved->end_date, ==, kassa_day_from_ymd (2026, 11, 30));
    g_assert_cmpint (saved->cost, ==, 20000);
  }
  g_assert_true (gtk_widget_get_visible (require_widget (GTK_WIDGET (editor), has_name,
                                                         "campaign-add-targets")));
  return editor;
}

static void
add_targets (KassaCampaignEditor *editor,
             Company             *c)
{
  g_autoptr(GArray) reached = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  gint64 campaign_id = kassa_campaign_editor_get_campaign_id (editor);

  press (require_widget (GTK_WIDGET (editor), has_name, "campaign-add-targets"));
  wait_for (!kassa_campaign_editor_is_busy (editor));

  /* Alpha (consent) and Gamma (not asked); never Beta, who refused. */
  reached = kassa_store_list_campaign_customers (c->store, campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reached->len, ==, 2);
  for (guint i = 0; i < reached->len; i++)
    g_assert_cmpint (g_array_index (reached, gint64, i), !=, c->beta);

  count = g_strdup_printf (ngettext ("%u customer reached", "%u customers reached", 2), 2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_widget (GTK_WIDGET (editor), has_name,
                                                                 "campaign-reached-count"))),
                   ==, count);
  {
    g_autofree char *added = g_strdup_printf (ngettext ("%u customer added as reached",
                                                        "%u customers added as reached", 2), 2);
    g_autofree char *excluded = g_strdup_printf (ngettext ("%u left out for marketing consent",
                                                           "%u left out for marketing consent",
                                                           1), 1);
    g_autofree char *summary = g_strdup_printf (_("%s; %s"), added, excluded);

    g_assert_nonnull (search_widget (GTK_WIDGET (editor), is_label_with_text, summary));
  }
}

static void
attribute (KassaCampaignEditor *editor,
           Company             *c)
{
  GtkSpinButton *window_spin;
  gint64 campaign_id = kassa_campaign_editor_get_campaign_id (editor);

  window_spin = GTK_SPIN_BUTTON (require_widget (GTK_WIDGET (editor), has_name,
                                                 "campaign-window-days"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (window_spin), ==, 60);
  press (require_widget (GTK_WIDGET (editor), has_name, "campaign-attribute"));

  g_assert_cmpint (kassa_store_get_invoice_campaign (c->store, c->alpha_invoice), ==, campaign_id);
  g_assert_cmpint (kassa_store_get_invoice_campaign (c->store, c->beta_invoice), ==, 0);
  g_assert_cmpint (kassa_store_get_invoice_campaign (c->store, c->gamma_invoice), ==, 0);
}

static void
check_list (GtkWidget *view)
{
  g_autofree char *cost = kassa_format_money (20000, "EUR");
  g_autofree char *revenue = kassa_format_money (100000, "EUR");
  g_autofree char *margin = kassa_format_money (40000, "EUR");
  /* The campaign table shows shares with two decimals. */
  g_autofree char *conversion = kassa_percent_format_fixed (5000, kassa_locale_current ());
  g_autofree char *roi = kassa_percent_format_fixed (10000, kassa_locale_current ());

  g_test_message ("Expecting %s, %s, %s, %s, %s in the list", cost, revenue, margin,
                  conversion, roi);
  wait_for (!view_is_loading (view) && list_shows (view, revenue));
  settle (100);
  g_assert_true (list_shows (view, "Winter mailing"));
  g_assert_true (list_shows (view, kassa_campaign_channel_to_string (KASSA_CAMPAIGN_EMAIL)));
  g_assert_true (list_shows (view, cost));
  g_assert_true (list_shows (view, "2"));
  g_assert_true (list_shows (view, "1"));
  g_assert_true (list_shows (view, conversion));
  g_assert_true (list_shows (view, margin));
  g_assert_true (list_shows (view, roi));

  /* The email channel in the comparison shows the same sums. */
  {
    GtkWidget *channels = require_widget (view, has_name, "campaigns-channels");

    g_assert_nonnull (search_widget (channels, is_label_with_text,
                                     kassa_campaign_channel_to_string (KASSA_CAMPAIGN_EMAIL)));
    g_assert_nonnull (search_widget (channels, is_label_with_text, revenue));
    g_assert_nonnull (search_widget (channels, is_label_with_text, roi));
  }
}

static gboolean
is_remove_button_of (GtkWidget     *widget,
                     gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), "campaign-remove-customer") == 0
         && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "customer-id"), data) == 0;
}

/* Reopened from the list: Gamma removed from the reached customers, then
 * the campaign deleted after confirming; its invoice is kept, unattributed. */
static void
remove_and_delete (GtkWidget *view,
                   Company   *c)
{
  KassaCampaignEditor *editor;
  AdwMessageDialog *confirm;
  g_autofree char *gamma_id = g_strdup_printf ("%" G_GINT64_FORMAT, c->gamma);
  g_autofree char *count = g_strdup_printf (ngettext ("%u customer reached",
                                                      "%u customers reached", 1), 1);
  g_autoptr(GArray) reached = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;
  gint64 campaign_id;

  g_signal_emit_by_name (require_widget (view, has_name, "campaigns-list"), "activate", 0);
  wait_for (visible_toplevel (KASSA_TYPE_CAMPAIGN_EDITOR) != NULL);
  editor = visible_toplevel (KASSA_TYPE_CAMPAIGN_EDITOR);
  campaign_id = kassa_campaign_editor_get_campaign_id (editor);
  g_assert_cmpint (campaign_id, >, 0);
  wait_for (search_widget (GTK_WIDGET (editor), is_remove_button_of, gamma_id) != NULL);

  press (search_widget (GTK_WIDGET (editor), is_remove_button_of, gamma_id));
  reached = kassa_store_list_campaign_customers (c->store, campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reached->len, ==, 1);
  g_assert_cmpint (g_array_index (reached, gint64, 0), ==, c->alpha);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_widget (GTK_WIDGET (editor), has_name,
                                                                 "campaign-reached-count"))),
                   ==, count);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  wait_for (visible_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  confirm = visible_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  /* Cancel keeps it. */
  /* As a click on its button does: the response, then the dialog closes. */
  adw_message_dialog_response (confirm, "cancel");
  gtk_window_close (GTK_WINDOW (confirm));
  wait_for (visible_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  {
    g_autoptr(KassaCampaign) kept = kassa_store_get_campaign (c->store, campaign_id, NULL);

    g_assert_nonnull (kept);
  }

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  wait_for (visible_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  confirm = visible_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (confirm, "delete");
  gtk_window_close (GTK_WINDOW (confirm));
  wait_for (visible_toplevel (KASSA_TYPE_CAMPAIGN_EDITOR) == NULL);

  campaigns = kassa_store_list_campaigns (c->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (campaigns->len, ==, 0);
  g_assert_cmpint (kassa_store_get_invoice_campaign (c->store, c->alpha_invoice), ==, 0);
  wait_for (gtk_widget_get_mapped (require_widget (view, has_name, "campaigns-empty")));
}

static void
test_campaign_flow (void)
{
  Company c = { 0 };
  KassaApplication *app;
  KassaWindow *window;
  GtkWidget *view;
  KassaCampaignEditor *editor;
  GtkWidget *empty;

  if (in_parent_process ())
    return;

  create_company (&c);
  g_clear_object (&c.store);
  app = start_application (&window);
  c.store = g_object_ref (kassa_window_get_store (window));
  view = show_view (window);
  wait_for (!view_is_loading (view));
  empty = require_widget (view, has_name, "campaigns-empty");
  g_assert_true (gtk_widget_get_mapped (empty));

  editor = create_campaign (view, &c);
  add_targets (editor, &c);
  attribute (editor, &c);
  gtk_window_close (GTK_WINDOW (editor));
  wait_for (visible_toplevel (KASSA_TYPE_CAMPAIGN_EDITOR) == NULL);

  check_list (view);
  remove_and_delete (view, &c);
  g_clear_object (&c.store);
  stop_application (app);
}

static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (require_widget (root, has_name, name)));
}

static void
test_roi_dialog (void)
{
  Company c = { 0 };
  KassaApplication *app;
  KassaWindow *window;
  GtkWidget *view;
  KassaRoiDialog *dialog;
  GtkWidget *root;
  g_autofree char *revenue = money_input (120000000);
  g_autofree char *growth = percent (1000);
  g_autofree char *margin = percent (4000);
  g_autofree char *investment = money_input (2000000);
  g_autofree char *gain = kassa_format_money (3800000, "EUR");
  g_autofree char *roi = percent (9000);
  g_autofree char *months = kassa_quantity_format (7500, kassa_locale_current ());
  g_autofree char *payback = g_strdup_printf (ngettext ("%s month", "%s months", 2), months);

  if (in_parent_process ())
    return;

  create_company (&c);
  g_clear_object (&c.store);
  app = start_application (&window);
  view = show_view (window);
  gtk_widget_activate_action (view, "campaigns.roi", NULL);
  wait_for (visible_toplevel (KASSA_TYPE_ROI_DIALOG) != NULL);
  dialog = visible_toplevel (KASSA_TYPE_ROI_DIALOG);
  root = GTK_WIDGET (dialog);
  /* Typed values must not be overwritten by the prefill arriving later. */
  wait_for (kassa_roi_dialog_is_prefilled (dialog));

  type_into (root, "roi-revenue", revenue);
  type_into (root, "roi-growth", growth);
  type_into (root, "roi-margin", margin);
  type_into (root, "roi-investment", investment);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (require_widget (root, has_name, "roi-ramp")), 6);

  g_test_message ("ROI dialog shows %s, %s, %s", label_text (root, "roi-gain"),
                  label_text (root, "roi-roi"), label_text (root, "roi-payback"));
  g_assert_cmpstr (label_text (root, "roi-gain"), ==, gain);
  g_assert_cmpstr (label_text (root, "roi-roi"), ==, roi);
  g_assert_cmpstr (label_text (root, "roi-payback"), ==, payback);

  /* The figures follow the inputs live. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (require_widget (root, has_name, "roi-ramp")), 0);
  {
    /* No ramp-up: 12 × 4,000 = 48,000.00; payback 20,000 ÷ 4,000 = 5 months. */
    g_autofree char *full_gain = kassa_format_money (4800000, "EUR");
    g_autofree char *five = kassa_quantity_format (5000, kassa_locale_current ());
    g_autofree char *five_months = g_strdup_printf (ngettext ("%s month", "%s months", 2), five);

    g_assert_cmpstr (label_text (root, "roi-gain"), ==, full_gain);
    g_assert_cmpstr (label_text (root, "roi-payback"), ==, five_months);
  }

  /* Nothing gained: no payback within 10 years. */
  {
    g_autofree char *no_growth = percent (0);

    type_into (root, "roi-growth", no_growth);
  }
  g_assert_cmpstr (label_text (root, "roi-payback"), ==, _("not within 10 years"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  stop_application (app);
}

static gint64
save_campaign (KassaStore *store,
               const char *name,
               KassaDay    start,
               KassaDay    end)
{
  g_autoptr(KassaCampaign) campaign = kassa_campaign_new ();
  g_autoptr(GError) error = NULL;

  g_free (campaign->name);
  campaign->name = g_strdup (name);
  campaign->channel = KASSA_CAMPAIGN_EVENTS;
  campaign->start_date = start;
  campaign->end_date = end;
  g_assert_true (kassa_store_save_campaign (store, campaign, &error));
  g_assert_no_error (error);
  return campaign->id;
}

static KassaInvoiceView *
open_invoice_view (KassaStore *store,
                   gint64      invoice_id)
{
  g_autoptr(GError) error = NULL;
  KassaInvoiceView *view = kassa_invoice_view_new (store, invoice_id, &error);

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (view), 860, 1000);
  gtk_window_present (GTK_WINDOW (view));
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (view)));
  return view;
}

static AdwComboRow *
campaign_row (KassaInvoiceView *view)
{
  return ADW_COMBO_ROW (require_named (GTK_WIDGET (view), "campaign"));
}

static void
assert_campaign_result (KassaStore *store,
                        gint64      campaign_id,
                        guint       reached,
                        guint       converted)
{
  KassaCampaignResult result;
  g_autoptr(GError) error = NULL;

  g_assert_true (kassa_campaign_result_compute (store, campaign_id, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.reached, ==, reached);
  g_assert_cmpuint (result.converted, ==, converted);
}

static void
test_invoice_campaign (void)
{
  Company c = { 0 };
  KassaInvoiceView *gamma_view;
  KassaInvoiceView *beta_view;
  KassaInvoiceView *credit_view;
  AdwComboRow *row;
  GListModel *names;
  g_autoptr(GArray) reached = NULL;
  g_autoptr(GError) error = NULL;
  gint64 autumn, winter, credit_note;

  if (in_parent_process ())
    return;

  create_company (&c);

  /* No campaigns yet: nothing to choose, no row. */
  gamma_view = open_invoice_view (c.store, c.gamma_invoice);
  row = campaign_row (gamma_view);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row)));

  autumn = save_campaign (c.store, "Autumn fair", kassa_day_from_ymd (2026, 10, 1),
                          kassa_day_from_ymd (2026, 10, 3));
  winter = save_campaign (c.store, "Winter mailing", kassa_day_from_ymd (2026, 11, 20),
                          kassa_day_from_ymd (2026, 11, 30));
  wait_for (gtk_widget_get_visible (GTK_WIDGET (row)));
  names = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==,
                   C_("campaign", "None"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, "Winter mailing");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 2), ==, "Autumn fair");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  /* Winter: attributed, Gamma reached (the sale's day) and converted. */
  adw_combo_row_set_selected (row, 1);
  g_assert_cmpint (kassa_store_get_invoice_campaign (c.store, c.gamma_invoice), ==, winter);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  reached = kassa_store_list_campaign_customers (c.store, winter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reached->len, ==, 1);
  g_assert_cmpint (g_array_index (reached, gint64, 0), ==, c.gamma);
  assert_campaign_result (c.store, winter, 1, 1);
  assert_campaign_result (c.store, autumn, 0, 0);

  /* Beta refused marketing: the sale is attributed, Beta not reached. */
  beta_view = open_invoice_view (c.store, c.beta_invoice);
  adw_combo_row_set_selected (campaign_row (beta_view), 1);
  g_assert_cmpint (kassa_store_get_invoice_campaign (c.store, c.beta_invoice), ==, winter);
  assert_campaign_result (c.store, winter, 1, 1);
  gtk_window_destroy (GTK_WINDOW (beta_view));

  /* None clears; Gamma stays reached but no longer converted. */
  adw_combo_row_set_selected (row, 0);
  g_assert_cmpint (kassa_store_get_invoice_campaign (c.store, c.gamma_invoice), ==, 0);
  assert_campaign_result (c.store, winter, 1, 0);
  gtk_window_destroy (GTK_WINDOW (gamma_view));

  /* A credit note is not a sale: no row. */
  credit_note = kassa_store_credit_invoice (c.store, c.alpha_invoice, kassa_clock_today (), &error);
  g_assert_no_error (error);
  credit_view = open_invoice_view (c.store, credit_note);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (campaign_row (credit_view))));
  gtk_window_destroy (GTK_WINDOW (credit_view));

  g_clear_object (&c.store);
}

int
main (int   argc,
      char *argv[])
{
  init_ui_test (&argc, &argv);

  g_test_add_func ("/campaigns/campaign-flow", test_campaign_flow);
  g_test_add_func ("/campaigns/roi-dialog", test_roi_dialog);
  g_test_add_func ("/campaigns/invoice-campaign", test_invoice_campaign);

  return g_test_run ();
}
