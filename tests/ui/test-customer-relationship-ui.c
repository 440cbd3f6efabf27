/* test-customer-relationship-ui.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The customer view's value and relationship part, driven through the real
 * windows: the last 12 months' figures from the value report, the
 * relationship editor (consent refused with a source, lifecycle override,
 * a date the store refuses shown inline), NPS responses added and deleted,
 * the personal data export and the anonymisation that keeps the books.
 * Runs in en, fi and zh_CN (see meson.build); every string is compared
 * through the same gettext call or format helper the UI uses.
 *
 * Today is 2026-11-24 ($KASSA_TODAY).  The hand-built company is Finnish
 * (EUR).  Virtanen Design Oy has three sent invoices in the period
 * (25.11.2025 … 24.11.2026), one line each, 0 % VAT:
 *   1.3.2026   1 000.00, cost   600.00
 *   1.6.2026   2 000.00, cost 1 500.00
 *   2.11.2026  3 000.00, cost 1 900.00
 * revenue 6 000.00, cost 4 000.00, margin 2 000.00, margin % 2 000 ÷ 6 000
 * = 33.333 % → 3 333 bp; 3 invoices, average 2 000.00; 22 days since the
 * last invoice (24.11. − 2.11.).  Laine Oy invoiced only in January 2025,
 * outside the period, so Virtanen holds 100 % of the revenue: class A, and
 * the lifecycle rule suggests Key account (first invoice 268 days ago,
 * last 22 days ago, class A).
 */
#define G_LOG_DOMAIN "kassa-test-customer-relationship"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kassa-clock.h"
#include "kassa-customer-relationship-view.h"
#include "kassa-customer-view.h"
#include "kassa-date.h"
#include "kassa-format.h"
#include "kassa-money.h"
#include "kassa-nps-response-dialog.h"
#include "kassa-relationship-editor.h"
#include "kassa-store-relationship.h"
#include "kassa-ui-test-support.h"

/* Generous: the machine is shared and the report runs in a thread. */
#define TIMEOUT_MS 15000

#define CUSTOMER_NAME  "Virtanen Design Oy"
#define CUSTOMER_EMAIL "maija@virtanen.example"
#define CONSENT_SOURCE "phone call"
#define OWNER          "Aino Laine"
#define NPS_COMMENT    "Quick and friendly service"

typedef struct
{
  KassaStore *store;
  gint64      customer;
  gint64      other_customer;
  gint64      invoices[3];
} Company;

/* The company */

static gint64
add_customer (KassaStore *store,
              const char *name,
              const char *email)
{
  g_autoptr(KassaCustomerRecord) customer = test_customer_new (name);

  g_free (customer->email);
  customer->email = g_strdup (email);
  return save_test_customer (store, customer);
}

/* A sent invoice with one line of amount and unit cost, 0 % VAT. */
static gint64
add_invoice (KassaStore *store,
             gint64      customer_id,
             KassaDay    issue_date,
             gint64      amount,
             gint64      cost)
{
  g_autoptr(KassaInvoiceRecord) invoice = test_invoice_new (customer_id, issue_date, amount);
  KassaInvoiceLine *line = g_ptr_array_index (invoice->lines, 0);

  line->unit_cost = cost;
  return send_test_invoice (store, invoice);
}

static void
create_company (Company *c)
{
  c->store = create_company_file ("relationship.kassa");

  c->customer = add_customer (c->store, CUSTOMER_NAME, CUSTOMER_EMAIL);
  c->other_customer = add_customer (c->store, "Laine Oy", "info@laine.example");
  c->invoices[0] = add_invoice (c->store, c->customer, kassa_day_from_ymd (2026, 3, 1),
                                100000, 60000);
  c->invoices[1] = add_invoice (c->store, c->customer, kassa_day_from_ymd (2026, 6, 1),
                                200000, 150000);
  c->invoices[2] = add_invoice (c->store, c->customer, kassa_day_from_ymd (2026, 11, 2),
                                300000, 190000);
  add_invoice (c->store, c->other_customer, kassa_day_from_ymd (2025, 1, 10), 50000, 20000);
}

static void
company_clear (Company *c)
{
  g_clear_object (&c->store);
}

static KassaCustomerRelationship *
stored_relationship (Company *c)
{
  g_autoptr(GError) error = NULL;
  KassaCustomerRelationship *r = kassa_store_get_customer_relationship (c->store, c->customer,
                                                                        &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static GPtrArray *
stored_responses (Company *c)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *responses = kassa_store_list_nps_responses (c->store, c->customer, 0, 0, &error);

  g_assert_no_error (error);
  return responses;
}

static KassaCustomerRecord *
stored_customer (Company *c)
{
  return get_stored_customer (c->store, c->customer);
}

static gint64
stored_total (Company *c,
              gint64   invoice_id)
{
  g_autoptr(KassaInvoiceRecord) invoice = get_stored_invoice (c->store, invoice_id);
  gint64 net, vat, gross;

  kassa_invoice_record_get_totals (invoice, &net, &vat, &gross);
  return gross;
}

/* Windows */

static KassaCustomerView *
open_customer_view (Company *c)
{
  KassaCustomerView *view = kassa_customer_view_new (NULL, c->store, c->customer);

  gtk_window_set_default_size (GTK_WINDOW (view), 860, 1000);
  gtk_window_present (GTK_WINDOW (view));
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (view)));
  return view;
}

static KassaCustomerRelationshipView *
relationship_view (KassaCustomerView *view)
{
  return KASSA_CUSTOMER_RELATIONSHIP_VIEW (
    require_widget (GTK_WIDGET (view), is_of_type,
                    GSIZE_TO_POINTER (KASSA_TYPE_CUSTOMER_RELATIONSHIP_VIEW)));
}

static void
wait_for_figures (KassaCustomerRelationshipView *rv)
{
  wait_for (!kassa_customer_relationship_view_is_loading (rv) &&
            kassa_customer_relationship_view_get_value (rv) != NULL);
}

static void
assert_row (KassaCustomerRelationshipView *rv,
            const char                    *row,
            const char                    *text,
            const char                    *subtitle)
{
  g_assert_cmpstr (kassa_customer_relationship_view_get_text (rv, row), ==, text);
  if (subtitle != NULL)
    g_assert_cmpstr (kassa_customer_relationship_view_get_subtitle (rv, row), ==, subtitle);
}

/* Tests */

static void
test_value_figures (void)
{
  Company c = { 0 };
  KassaCustomerView *view;
  KassaCustomerRelationshipView *rv;
  const KassaCustomerValue *value;
  g_autofree char *revenue = NULL;
  g_autofree char *margin = NULL;
  g_autofree char *margin_pct = NULL;
  g_autofree char *margin_text = NULL;
  g_autofree char *average = NULL;
  g_autofree char *average_text = NULL;
  g_autofree char *days = NULL;
  g_autofree char *last = NULL;
  g_autofree char *last_text = NULL;

  if (in_parent_process ())
    return;

  create_company (&c);
  view = open_customer_view (&c);
  rv = relationship_view (view);
  wait_for_figures (rv);

  value = kassa_customer_relationship_view_get_value (rv);
  g_assert_cmpint (value->customer_id, ==, c.customer);
  g_assert_cmpint (value->revenue, ==, 600000);
  g_assert_cmpint (value->margin, ==, 200000);
  g_assert_cmpint (value->margin_bp, ==, 3333);

  revenue = money_text (600000);
  margin = money_text (200000);
  margin_pct = kassa_percent_format (3333, kassa_locale_current ());
  margin_text = g_strdup_printf (_("%s (%s)"), margin, margin_pct);
  average = money_text (200000);
  average_text = g_strdup_printf (_("Average invoice %s"), average);
  days = g_strdup_printf (ngettext ("%d day", "%d days", 22), 22);
  last = day_text (kassa_day_from_ymd (2026, 11, 2));
  last_text = g_strdup_printf (_("Last invoice issued on %s"), last);

  assert_row (rv, "relationship-revenue", revenue, NULL);
  assert_row (rv, "relationship-margin", margin_text, NULL);
  assert_row (rv, "relationship-invoices", "3", average_text);
  assert_row (rv, "relationship-last-invoice", days, last_text);
  assert_row (rv, "relationship-abc", kassa_abc_class_to_string (KASSA_ABC_A), NULL);
  assert_row (rv, "relationship-lifecycle",
              kassa_lifecycle_stage_to_string (KASSA_LIFECYCLE_KEY_ACCOUNT), NULL);
  assert_row (rv, "relationship-key-account", _("No"), _("No account owner"));
  assert_row (rv, "relationship-consent", kassa_consent_to_string (KASSA_CONSENT_NOT_ASKED), "");
  assert_row (rv, "relationship-nps", _("No responses"), NULL);
  g_assert_cmpuint (kassa_customer_relationship_view_get_n_responses (rv), ==, 0);

  destroy_all_windows ();
  company_clear (&c);
}

static KassaRelationshipEditor *
open_editor (KassaCustomerRelationshipView *rv)
{
  KassaRelationshipEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rv), "relationship.edit", NULL));
  wait_for (visible_toplevel (KASSA_TYPE_RELATIONSHIP_EDITOR) != NULL);
  editor = visible_toplevel (KASSA_TYPE_RELATIONSHIP_EDITOR);
  return editor;
}

static void
test_editor (void)
{
  Company c = { 0 };
  KassaCustomerView *view;
  KassaCustomerRelationshipView *rv;
  KassaRelationshipEditor *editor;
  g_autoptr(KassaCustomerRelationship) stored = NULL;
  g_autoptr(KassaCustomerRelationship) unchanged = NULL;
  g_autofree char *today = day_text (kassa_clock_today ());
  g_autofree char *tomorrow = day_text (kassa_clock_today () + 1);
  g_autofree char *consent_text = NULL;
  g_autofree char *owner_text = NULL;
  g_autofree char *lifecycle_text = NULL;

  if (in_parent_process ())
    return;

  create_company (&c);
  view = open_customer_view (&c);
  rv = relationship_view (view);
  wait_for_figures (rv);

  /* The defaults: suggested stage, consent not asked, no date. */
  editor = open_editor (rv);
  g_assert_cmpuint (adw_combo_row_get_selected (kassa_relationship_editor_get_lifecycle_row (editor)), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (kassa_relationship_editor_get_consent_row (editor)),
                    ==, KASSA_CONSENT_NOT_ASKED);
  g_assert_cmpstr (gtk_editable_get_text (kassa_relationship_editor_get_consent_date_entry (editor)),
                   ==, "");

  /* Changing the consent dates it today. */
  adw_combo_row_set_selected (kassa_relationship_editor_get_consent_row (editor),
                              KASSA_CONSENT_REFUSED);
  g_assert_cmpstr (gtk_editable_get_text (kassa_relationship_editor_get_consent_date_entry (editor)),
                   ==, today);
  gtk_editable_set_text (kassa_relationship_editor_get_source_entry (editor), CONSENT_SOURCE);
  adw_combo_row_set_selected (kassa_relationship_editor_get_lifecycle_row (editor),
                              1 + KASSA_LIFECYCLE_ACTIVE);
  gtk_switch_set_active (kassa_relationship_editor_get_key_account_switch (editor), TRUE);
  gtk_editable_set_text (kassa_relationship_editor_get_owner_entry (editor), OWNER);

  /* A date after today is the store's to refuse: shown inline, nothing saved. */
  gtk_editable_set_text (kassa_relationship_editor_get_consent_date_entry (editor), tomorrow);
  kassa_relationship_editor_save (editor);
  g_assert_nonnull (kassa_relationship_editor_get_problem (editor));
  g_assert_true (visible_toplevel (KASSA_TYPE_RELATIONSHIP_EDITOR) == editor);
  unchanged = stored_relationship (&c);
  g_assert_cmpint (unchanged->consent, ==, KASSA_CONSENT_NOT_ASKED);

  gtk_editable_set_text (kassa_relationship_editor_get_consent_date_entry (editor), today);
  kassa_relationship_editor_save (editor);
  wait_for (visible_toplevel (KASSA_TYPE_RELATIONSHIP_EDITOR) == NULL);

  stored = stored_relationship (&c);
  g_assert_cmpint (stored->consent, ==, KASSA_CONSENT_REFUSED);
  g_assert_cmpint (stored->consent_date, ==, kassa_clock_today ());
  g_assert_cmpstr (stored->consent_source, ==, CONSENT_SOURCE);
  g_assert_cmpint (stored->lifecycle_override, ==, KASSA_LIFECYCLE_ACTIVE);
  g_assert_true (stored->key_account);
  g_assert_cmpstr (stored->account_owner, ==, OWNER);
  g_assert_cmpint (stored->abc_override, ==, KASSA_ABC_NONE);

  /* The view follows: at once for the relationship rows, after the
   * report for the lifecycle stage. */
  consent_text = g_strdup_printf (_("On %s via %s"), today, CONSENT_SOURCE);
  owner_text = g_strdup_printf (_("Account owner: %s"), OWNER);
  lifecycle_text = g_strdup_printf (_("Set by hand; suggested: %s"),
                                    kassa_lifecycle_stage_to_string (KASSA_LIFECYCLE_KEY_ACCOUNT));
  wait_for (g_strcmp0 (kassa_customer_relationship_view_get_text (rv, "relationship-consent"),
                       kassa_consent_to_string (KASSA_CONSENT_REFUSED)) == 0);
  assert_row (rv, "relationship-consent", kassa_consent_to_string (KASSA_CONSENT_REFUSED),
              consent_text);
  assert_row (rv, "relationship-key-account", _("Yes"), owner_text);
  wait_for (g_strcmp0 (kassa_customer_relationship_view_get_text (rv, "relationship-lifecycle"),
                       kassa_lifecycle_stage_to_string (KASSA_LIFECYCLE_ACTIVE)) == 0);
  wait_for_figures (rv);
  assert_row (rv, "relationship-lifecycle",
              kassa_lifecycle_stage_to_string (KASSA_LIFECYCLE_ACTIVE), lifecycle_text);

  /* Opened again, the editor shows what was saved. */
  editor = open_editor (rv);
  g_assert_cmpuint (adw_combo_row_get_selected (kassa_relationship_editor_get_lifecycle_row (editor)),
                    ==, 1 + KASSA_LIFECYCLE_ACTIVE);
  g_assert_cmpuint (adw_combo_row_get_selected (kassa_relationship_editor_get_consent_row (editor)),
                    ==, KASSA_CONSENT_REFUSED);
  g_assert_cmpstr (gtk_editable_get_text (kassa_relationship_editor_get_source_entry (editor)),
                   ==, CONSENT_SOURCE);

  destroy_all_windows ();
  company_clear (&c);
}

static KassaNpsResponseDialog *
open_nps_dialog (KassaCustomerRelationshipView *rv)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rv), "relationship.add-response", NULL));
  wait_for (visible_toplevel (KASSA_TYPE_NPS_RESPONSE_DIALOG) != NULL);
  return visible_toplevel (KASSA_TYPE_NPS_RESPONSE_DIALOG);
}

static void
test_nps (void)
{
  Company c = { 0 };
  KassaCustomerView *view;
  KassaCustomerRelationshipView *rv;
  KassaNpsResponseDialog *dialog;
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GPtrArray) after_refusal = NULL;
  g_autoptr(GPtrArray) after_delete = NULL;
  const KassaNpsResponse *response;
  g_autofree char *today = day_text (kassa_clock_today ());
  g_autofree char *tomorrow = day_text (kassa_clock_today () + 1);
  g_autofree char *subtitle = NULL;

  if (in_parent_process ())
    return;

  create_company (&c);
  view = open_customer_view (&c);
  rv = relationship_view (view);
  wait_for_figures (rv);

  /* A date after today is refused inline. */
  dialog = open_nps_dialog (rv);
  g_assert_cmpstr (gtk_editable_get_text (kassa_nps_response_dialog_get_date_entry (dialog)), ==,
                   today);
  gtk_spin_button_set_value (kassa_nps_response_dialog_get_score_button (dialog), 9);
  gtk_editable_set_text (kassa_nps_response_dialog_get_comment_entry (dialog), NPS_COMMENT);
  gtk_editable_set_text (kassa_nps_response_dialog_get_date_entry (dialog), tomorrow);
  kassa_nps_response_dialog_save (dialog);
  g_assert_nonnull (kassa_nps_response_dialog_get_problem (dialog));
  after_refusal = stored_responses (&c);
  g_assert_cmpuint (after_refusal->len, ==, 0);

  gtk_editable_set_text (kassa_nps_response_dialog_get_date_entry (dialog), today);
  kassa_nps_response_dialog_save (dialog);
  wait_for (visible_toplevel (KASSA_TYPE_NPS_RESPONSE_DIALOG) == NULL);

  responses = stored_responses (&c);
  g_assert_cmpuint (responses->len, ==, 1);
  response = g_ptr_array_index (responses, 0);
  g_assert_cmpint (response->score, ==, 9);
  g_assert_cmpint (response->date, ==, kassa_clock_today ());
  g_assert_cmpstr (response->comment, ==, NPS_COMMENT);

  wait_for (kassa_customer_relationship_view_get_n_responses (rv) == 1);
  subtitle = g_strdup_printf (_("%s, %s"), _("Promoter"), today);
  assert_row (rv, "relationship-nps", "9", subtitle);

  kassa_customer_relationship_view_delete_response (rv, 0);
  after_delete = stored_responses (&c);
  g_assert_cmpuint (after_delete->len, ==, 0);
  wait_for (kassa_customer_relationship_view_get_n_responses (rv) == 0);
  assert_row (rv, "relationship-nps", _("No responses"), NULL);
  /* The list says it is empty rather than showing nothing. */
  wait_for (gtk_widget_get_mapped (require_widget (GTK_WIDGET (rv), is_label_with_text,
                                                   _("No responses yet"))));

  destroy_all_windows ();
  company_clear (&c);
}

static GtkWidget *
button_for_action (KassaCustomerView *view,
                   const char        *action)
{
  return require_widget (GTK_WIDGET (view), is_button_for_action, action);
}

static void
answer_anonymise_dialog (KassaCustomerView *view,
                         const char        *response)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "customer.anonymise", NULL));
  wait_for (visible_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = visible_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (adw_message_dialog_has_response (dialog, "anonymise"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "anonymise"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  /* What a click does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for (visible_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

static void
test_export_and_anonymise (void)
{
  Company c = { 0 };
  KassaCustomerView *view;
  KassaCustomerRelationshipView *rv;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "personal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KassaCustomerRecord) before = NULL;
  g_autoptr(KassaCustomerRecord) after = NULL;
  g_autoptr(KassaCustomerRelationship) relationship = NULL;
  g_autofree char *contents = NULL;
  gint64 totals[3];

  if (in_parent_process ())
    return;

  create_company (&c);
  for (guint i = 0; i < 3; i++)
    totals[i] = stored_total (&c, c.invoices[i]);
  view = open_customer_view (&c);
  rv = relationship_view (view);
  wait_for_figures (rv);

  /* The export holds the person's data. */
  g_assert_true (kassa_customer_view_write_personal_data (view, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, CUSTOMER_EMAIL));
  g_assert_nonnull (strstr (contents, CUSTOMER_NAME));

  /* Cancel keeps everything. */
  answer_anonymise_dialog (view, "cancel");
  before = stored_customer (&c);
  g_assert_cmpstr (before->name, ==, CUSTOMER_NAME);
  g_assert_true (gtk_widget_is_sensitive (button_for_action (view, "customer.edit")));

  answer_anonymise_dialog (view, "anonymise");
  after = stored_customer (&c);
  g_assert_cmpstr (after->name, !=, CUSTOMER_NAME);
  g_assert_null (strstr (after->name, "Virtanen"));
  g_assert_true (after->email == NULL || after->email[0] == '\0');
  relationship = stored_relationship (&c);
  g_assert_cmpint (relationship->anonymised_on, ==, kassa_clock_today ());
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (stored_total (&c, c.invoices[i]), ==, totals[i]);

  /* The window shows the new name and offers no editing. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (view)), ==, after->name);
  g_assert_true (gtk_widget_get_visible (require_widget (GTK_WIDGET (view), has_name,
                                                         "anonymised-banner")));
  g_assert_false (gtk_widget_is_sensitive (button_for_action (view, "customer.edit")));
  g_assert_false (gtk_widget_is_sensitive (button_for_action (view, "customer.add-note")));
  wait_for (kassa_customer_relationship_view_is_anonymised (rv));
  g_assert_false (gtk_widget_is_sensitive (require_widget (GTK_WIDGET (rv), has_name,
                                                           "relationship-edit-button")));
  g_assert_false (gtk_widget_is_sensitive (require_widget (GTK_WIDGET (rv), has_name,
                                                           "nps-add-button")));

  destroy_all_windows ();
  company_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  init_ui_test (&argc, &argv);

  g_test_add_func ("/customer-relationship/value-figures", test_value_figures);
  g_test_add_func ("/customer-relationship/editor", test_editor);
  g_test_add_func ("/customer-relationship/nps", test_nps);
  g_test_add_func ("/customer-relationship/export-and-anonymise", test_export_and_anonymise);

  return g_test_run ();
}
