/* kassa-invoice-editor.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-invoices"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-date.h"
#include "kassa-document-export.h"
#include "kassa-form.h"
#include "kassa-invoice-credit-warning.h"
#include "kassa-invoice-editor-private.h"
#include "kassa-invoice-labels.h"
#include "kassa-invoice-view.h"
#include "kassa-invoice-window.h"
#include "kassa-totals-grid.h"
#include "kassa-money.h"
#include "kassa-vat.h"

G_DEFINE_FINAL_TYPE (KassaInvoiceEditor, kassa_invoice_editor, ADW_TYPE_WINDOW)

static void
show_toast (KassaInvoiceEditor *self,
            const char         *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
kassa_invoice_editor_mark_modified (KassaInvoiceEditor *self)
{
  if (self->loading == 0)
    self->modified = TRUE;
}

static char *
date_hint (KassaInvoiceEditor *self)
{
  g_autofree char *example = kassa_day_format (self->today, self->locale);

  /* Translators: %s is today's date in the expected form, e.g. "24.11.2026" */
  return g_strdup_printf (_("Format: %s"), example);
}

static gint
customer_terms (KassaInvoiceEditor *self)
{
  const KassaCustomerRecord *customer = kassa_customer_picker_get_customer (self->customer_picker);

  return customer != NULL ? customer->payment_terms_days : self->company_terms;
}

static void
set_due_text (KassaInvoiceEditor *self,
              KassaDay            day)
{
  g_autofree char *text = kassa_day_format (day, self->locale);

  /* A computed due date is not a user edit. */
  self->loading++;
  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), text);
  self->loading--;
  self->due_day = day;
}

static void
recompute_due (KassaInvoiceEditor *self)
{
  if (self->due_edited || self->issue_day == 0)
    return;

  set_due_text (self, self->issue_day + customer_terms (self));
}

static gboolean
parse_day_entry (KassaInvoiceEditor  *self,
                 GtkEntry            *entry,
                 KassaDay            *day,
                 char               **message)
{
  g_autoptr(GError) error = NULL;

  if (!kassa_day_parse (gtk_editable_get_text (GTK_EDITABLE (entry)), self->locale,
                        self->today, day, &error))
    {
      *day = 0;
      *message = g_strdup (error->message);
      return FALSE;
    }

  return TRUE;
}

/* The record as the form says, with the lines that parse; used both for the
 * live totals and for saving, so the rule lives in one place (the store's
 * kassa_invoice_record_get_totals). */
static KassaInvoiceRecord *
build_record (KassaInvoiceEditor *self)
{
  KassaInvoiceRecord *record = kassa_invoice_record_copy (self->record);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  record->customer_id = kassa_customer_picker_get_customer_id (self->customer_picker);
  record->issue_date = self->issue_day;
  record->due_date = self->due_day;
  g_strlcpy (record->currency, self->currency, sizeof record->currency);
  record->state = KASSA_INVOICE_STATE_DRAFT;
  record->delivery = adw_combo_row_get_selected (self->delivery_row);
  record->disputed = gtk_switch_get_active (self->disputed_switch);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (record->notes);
  record->notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  g_ptr_array_set_size (record->lines, 0);
  for (guint i = 0; i < self->n_lines; i++)
    {
      KassaInvoiceLine *line = kassa_invoice_line_row_get_line (kassa_invoice_editor_line_at (self, i));

      if (line == NULL)
        continue;
      line->position = record->lines->len;
      g_ptr_array_add (record->lines, line);
    }

  return record;
}

/* Payments, credit limits or settings changed elsewhere: read again. */
static void
on_store_changed (KassaInvoiceEditor *self,
                  guint               what)
{
  guint relevant = KASSA_STORE_CHANGE_CUSTOMERS | KASSA_STORE_CHANGE_INVOICES |
                   KASSA_STORE_CHANGE_PAYMENTS | KASSA_STORE_CHANGE_SETTINGS;

  if ((what & relevant) == 0 || self->loading > 0)
    return;

  kassa_invoice_credit_warning_forget (self);
  kassa_invoice_editor_validate (self);
}

static void
update_vat_breakdown (KassaInvoiceEditor       *self,
                      const KassaInvoiceRecord *record)
{
  guint n_rows = kassa_totals_grid_fill_vat (self->vat_grid, record, self->currency, self->locale);

  gtk_widget_set_visible (GTK_WIDGET (self->vat_grid), n_rows > 0);
  gtk_widget_set_visible (self->vat_separator, n_rows > 0);
}

static void
update_totals (KassaInvoiceEditor *self)
{
  g_autoptr(KassaInvoiceRecord) record = build_record (self);
  g_autofree char *net_text = NULL;
  g_autofree char *vat_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *bar_text = NULL;
  gint64 net, vat, gross;

  kassa_invoice_record_get_totals (record, &net, &vat, &gross);
  net_text = kassa_money_format (net, self->currency, self->locale);
  vat_text = kassa_money_format (vat, self->currency, self->locale);
  total_text = kassa_money_format (gross, self->currency, self->locale);
  gtk_label_set_text (self->net_label, net_text);
  gtk_label_set_text (self->vat_label, vat_text);
  gtk_label_set_text (self->total_label, total_text);

  /* Translators: the invoice total in the editor's bottom bar */
  bar_text = g_strdup_printf (_("Total %s"), total_text);
  gtk_label_set_text (self->bar_total_label, bar_text);

  update_vat_breakdown (self, record);
  kassa_invoice_credit_warning_update (self, gross);
}

static char *
check_customer (KassaInvoiceEditor *self)
{
  const KassaCustomerRecord *customer = kassa_customer_picker_get_customer (self->customer_picker);
  g_autofree char *hint = NULL;
  char *error = NULL;
  gint terms;

  if (customer == NULL)
    error = g_strdup (_("Choose a customer"));
  else if (customer->archived)
    error = g_strdup (_("This customer is archived: choose another customer or restore this one first"));

  if (customer != NULL)
    {
      terms = customer->payment_terms_days;
      /* Translators: the chosen customer's payment terms */
      hint = g_strdup_printf (g_dngettext (NULL, "Payment terms %d day", "Payment terms %d days", terms),
                              terms);
    }

  kassa_form_set_row_message (self->customer_row, GTK_WIDGET (self->customer_picker), error, hint);
  kassa_customer_picker_set_error (self->customer_picker, error != NULL);
  return error;
}

static char *
check_dates (KassaInvoiceEditor *self,
             char              **due_error)
{
  g_autofree char *hint = date_hint (self);
  char *issue_error = NULL;

  *due_error = NULL;
  parse_day_entry (self, self->issue_entry, &self->issue_day, &issue_error);
  if (parse_day_entry (self, self->due_entry, &self->due_day, due_error) &&
      self->issue_day != 0 && self->due_day < self->issue_day)
    *due_error = g_strdup (_("The due date is before the issue date"));

  kassa_form_set_row_message (self->issue_row, GTK_WIDGET (self->issue_entry), issue_error, hint);
  kassa_form_set_row_message (self->due_row, GTK_WIDGET (self->due_entry), *due_error, hint);
  return issue_error;
}

static char *
check_lines (KassaInvoiceEditor *self)
{
  if (self->n_lines == 0)
    return g_strdup (_("Add at least one line"));

  for (guint i = 0; i < self->n_lines; i++)
    {
      const char *error = kassa_invoice_line_row_get_error (kassa_invoice_editor_line_at (self, i));

      if (error != NULL)
        /* Translators: "Line 2: Quantity: The quantity cannot be zero" */
        return g_strdup_printf (_("Line %u: %s"), i + 1, error);
    }

  return NULL;
}

static void
set_problem (KassaInvoiceEditor *self,
             char               *problem)
{
  gboolean valid = problem == NULL;

  g_free (self->problem);
  self->problem = problem;

  gtk_label_set_text (self->problem_label, valid ? "" : problem);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->problem_label), problem);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.send", valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.send-pdf", valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.send-print", valid);
}

/* Checks every field, shows each error next to its field and the first
 * one in the bottom bar; saving is possible only without errors. */
void
kassa_invoice_editor_validate (KassaInvoiceEditor *self)
{
  g_autofree char *customer_error = NULL;
  g_autofree char *issue_error = NULL;
  g_autofree char *due_error = NULL;
  g_autofree char *lines_error = NULL;
  const char *first;

  customer_error = check_customer (self);
  issue_error = check_dates (self, &due_error);
  lines_error = check_lines (self);

  first = customer_error != NULL ? customer_error
        : issue_error != NULL ? issue_error
        : due_error != NULL ? due_error
        : lines_error;

  if (first == issue_error && issue_error != NULL)
    set_problem (self, g_strdup_printf ("%s: %s", _("Issue Date"), issue_error));
  else if (first == due_error && due_error != NULL)
    set_problem (self, g_strdup_printf ("%s: %s", _("Due Date"), due_error));
  else
    set_problem (self, g_strdup (first));

  update_totals (self);
}

static void
update_title (KassaInvoiceEditor *self)
{
  const KassaCustomerRecord *customer = kassa_customer_picker_get_customer (self->customer_picker);

  adw_window_title_set_title (self->window_title,
                              self->record->id == 0 ? _("New Invoice") : _("Draft Invoice"));
  adw_window_title_set_subtitle (self->window_title, customer != NULL ? customer->name : NULL);
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), self->record->id != 0);
}

static void
on_something_changed (KassaInvoiceEditor *self)
{
  kassa_invoice_editor_mark_modified (self);
}

static void
on_customer_changed (KassaInvoiceEditor *self)
{
  const KassaCustomerRecord *customer = kassa_customer_picker_get_customer (self->customer_picker);

  update_title (self);
  if (self->loading > 0)
    return;

  kassa_invoice_editor_mark_modified (self);
  if (customer != NULL)
    adw_combo_row_set_selected (self->delivery_row, customer->delivery);
  kassa_invoice_editor_validate (self);
  recompute_due (self);
  kassa_invoice_editor_validate (self);
}

static void
on_issue_changed (KassaInvoiceEditor *self)
{
  if (self->loading > 0)
    return;

  kassa_invoice_editor_mark_modified (self);
  kassa_invoice_editor_validate (self);
  recompute_due (self);
  kassa_invoice_editor_validate (self);
}

static void
on_due_changed (KassaInvoiceEditor *self)
{
  if (self->loading > 0)
    return;

  kassa_invoice_editor_mark_modified (self);
  self->due_edited = TRUE;
  kassa_invoice_editor_validate (self);
}

/* Saves the form as a draft; on success self->record is what was saved. */
static gboolean
save_draft (KassaInvoiceEditor *self)
{
  g_autoptr(KassaInvoiceRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  kassa_invoice_editor_validate (self);
  if (self->problem != NULL)
    {
      for (guint i = 0; i < self->n_lines; i++)
        kassa_invoice_line_row_show_errors (kassa_invoice_editor_line_at (self, i));
      show_toast (self, self->problem);
      return FALSE;
    }

  record = build_record (self);
  if (!kassa_store_save_invoice (self->store, record, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }

  kassa_invoice_record_free (self->record);
  self->record = g_steal_pointer (&record);
  self->modified = FALSE;
  update_title (self);
  return TRUE;
}

static gboolean
close_idle (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* Closes without asking.  Deferred: this may run inside the response of a
 * message dialog that is transient for the editor. */
static void
close_saved (KassaInvoiceEditor *self)
{
  self->discard_confirmed = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle, g_object_ref (self), g_object_unref);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KassaInvoiceEditor *self = KASSA_INVOICE_EDITOR (widget);

  if (save_draft (self))
    close_saved (self);
}

/* Saves the draft and numbers it; FALSE (with a toast) leaves the draft. */
static gboolean
save_and_send (KassaInvoiceEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!save_draft (self))
    return FALSE;

  if (!kassa_store_send_invoice (self->store, self->record->id, &error))
    {
      /* The draft is saved; the user can fix the problem and send again. */
      show_toast (self, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KassaInvoiceEditor *self = KASSA_INVOICE_EDITOR (widget);
  GtkWindow *parent;

  if (!save_and_send (self))
    return;

  /* Show the numbered invoice where the user can record payments. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  kassa_invoice_window_present (parent, self->store, self->record->id, 0);
  close_saved (self);
}

/* Sends, then saves the PDF or prints from the invoice's own window: the
 * file and print dialogs, and their outcome, belong to the sent invoice
 * now that the editor closes. */
static void
send_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KassaInvoiceEditor *self = KASSA_INVOICE_EDITOR (widget);
  KassaDocumentAction action = g_str_equal (action_name, "editor.send-print")
                               ? KASSA_DOCUMENT_ACTION_PRINT : KASSA_DOCUMENT_ACTION_SAVE_PDF;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  KassaInvoiceView *view;

  if (!save_and_send (self))
    return;

  view = kassa_invoice_view_new (self->store, self->record->id, &error);
  if (view == NULL)
    {
      /* Sent all the same: this shows why the invoice cannot be opened. */
      kassa_invoice_window_present (parent, self->store, self->record->id, 0);
      close_saved (self);
      return;
    }

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (view), parent);
      gtk_window_set_application (GTK_WINDOW (view), gtk_window_get_application (parent));
    }
  gtk_window_present (GTK_WINDOW (view));
  close_saved (self);
  kassa_invoice_view_run_document_action (view, action, TRUE);
}

static void
on_delete_response (AdwMessageDialog   *dialog,
                    const char         *response,
                    KassaInvoiceEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  if (!kassa_store_delete_draft (self->store, self->record->id, &error))
    {
      show_toast (self, error->message);
      return;
    }

  close_saved (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KassaInvoiceEditor *self = KASSA_INVOICE_EDITOR (widget);
  AdwMessageDialog *dialog;

  if (self->record->id == 0)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete Draft?"),
                                                       _("The draft invoice will be deleted permanently.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
kassa_invoice_editor_close_request (GtkWindow *window)
{
  KassaInvoiceEditor *self = KASSA_INVOICE_EDITOR (window);

  if (!self->modified || self->discard_confirmed)
    return GTK_WINDOW_CLASS (kassa_invoice_editor_parent_class)->close_request (window);

  kassa_form_ask_discard (window, _("The changes to this invoice have not been saved."),
                          G_CALLBACK (close_saved));
  return TRUE;
}

static void
kassa_invoice_editor_dispose (GObject *object)
{
  KassaInvoiceEditor *self = KASSA_INVOICE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_INVOICE_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_invoice_editor_parent_class)->dispose (object);
}

static void
kassa_invoice_editor_finalize (GObject *object)
{
  KassaInvoiceEditor *self = KASSA_INVOICE_EDITOR (object);

  g_clear_pointer (&self->record, kassa_invoice_record_free);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (kassa_invoice_editor_parent_class)->finalize (object);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accelerator,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accelerator),
                                                          gtk_named_action_new (action)));
}

/* In the capture phase, so that entries do not take Ctrl+Delete (delete
 * word) or Ctrl+Enter before the editor sees them. */
static void
install_shortcuts (KassaInvoiceEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_LOCAL);
  add_shortcut (shortcuts, "<Control>Return|<Control>KP_Enter", "editor.save");
  add_shortcut (shortcuts, "<Control>l", "editor.add-line");
  add_shortcut (shortcuts, "<Alt>Up", "editor.move-line-up");
  add_shortcut (shortcuts, "<Alt>Down", "editor.move-line-down");
  add_shortcut (shortcuts, "<Control>Delete|<Control>KP_Delete", "editor.remove-line");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
kassa_invoice_editor_class_init (KassaInvoiceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kassa_invoice_editor_dispose;
  object_class->finalize = kassa_invoice_editor_finalize;
  window_class->close_request = kassa_invoice_editor_close_request;

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "editor.send-pdf", NULL, send_document_action);
  gtk_widget_class_install_action (widget_class, "editor.send-print", NULL, send_document_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  kassa_invoice_editor_class_install_line_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (KASSA_TYPE_CUSTOMER_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kassa/Kassa/invoices/kassa-invoice-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, send_button);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, save_draft_button);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, customer_row);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, customer_picker);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, issue_row);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, issue_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, due_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, delivery_row);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, disputed_switch);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, add_line_button);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, lines_list);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, vat_grid);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, vat_separator);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, net_label);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, vat_label);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, total_label);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, bar_total_label);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, quantity_group);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, unit_price_group);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, unit_cost_group);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, discount_group);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, vat_group);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, net_group);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceEditor, remove_group);
  /* Not in the shared struct: looked up with gtk_widget_get_template_child. */
  gtk_widget_class_bind_template_child_full (widget_class, "credit_warning_banner", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "credit_warning_label", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_something_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_issue_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_due_changed);
}

static void
kassa_invoice_editor_init (KassaInvoiceEditor *self)
{
  g_autoptr(GListModel) deliveries = kassa_delivery_model_new ();

  self->loading = 1;
  gtk_widget_init_template (GTK_WIDGET (self));
  kassa_invoice_labels_ensure_style ();

  self->locale = kassa_locale_current ();
  self->today = kassa_clock_today ();
  adw_combo_row_set_model (self->delivery_row, deliveries);
  install_shortcuts (self);

  g_signal_connect_object (self->customer_picker, "notify::customer-id",
                           G_CALLBACK (on_customer_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_something_changed), self, G_CONNECT_SWAPPED);
}

static void
load_company (KassaInvoiceEditor *self)
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (self->store);

  g_strlcpy (self->currency, company != NULL ? company->currency : "EUR", sizeof self->currency);
  self->company_terms = company != NULL ? company->payment_terms_days : 14;
  self->rates = kassa_vat_rates_for_country (company != NULL ? company->country : "FI");
}

static void
load_record (KassaInvoiceEditor *self,
             gint64              customer_id)
{
  g_autofree char *issue = NULL;
  g_autofree char *due = NULL;
  gint64 id = self->record->id;

  if (id != 0)
    g_strlcpy (self->currency, self->record->currency, sizeof self->currency);
  else
    customer_id = customer_id != 0 ? customer_id : self->record->customer_id;

  kassa_customer_picker_set_store (self->customer_picker, self->store);
  kassa_customer_picker_set_customer_id (self->customer_picker,
                                         id != 0 ? self->record->customer_id : customer_id);

  issue = kassa_day_format (self->record->issue_date, self->locale);
  gtk_editable_set_text (GTK_EDITABLE (self->issue_entry), issue);
  self->issue_day = self->record->issue_date;
  due = kassa_day_format (self->record->due_date, self->locale);
  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), due);
  self->due_day = self->record->due_date;
  /* A stored due date that differs from the terms was chosen by hand. */
  self->due_edited = id != 0 && self->record->due_date != self->record->issue_date + customer_terms (self);

  adw_combo_row_set_selected (self->delivery_row, self->record->delivery);
  gtk_switch_set_active (self->disputed_switch, self->record->disputed);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            self->record->notes != NULL ? self->record->notes : "", -1);

  for (guint i = 0; i < self->record->lines->len; i++)
    kassa_invoice_editor_append_line (self, g_ptr_array_index (self->record->lines, i));
}

/* Defaults of a new draft: today, the company's terms (or the customer's),
 * the customer's delivery channel, one empty line. */
static void
init_new_record (KassaInvoiceEditor *self,
                 gint64              customer_id)
{
  g_autoptr(KassaCustomerRecord) customer = NULL;
  gint terms = self->company_terms;

  if (customer_id != 0)
    customer = kassa_store_get_customer (self->store, customer_id, NULL);
  if (customer != NULL)
    {
      terms = customer->payment_terms_days;
      self->record->delivery = customer->delivery;
    }

  self->record->customer_id = customer != NULL ? customer_id : 0;
  self->record->issue_date = self->today;
  self->record->due_date = self->today + terms;
  self->record->state = KASSA_INVOICE_STATE_DRAFT;
  g_strlcpy (self->record->currency, self->currency, sizeof self->record->currency);
}

KassaInvoiceEditor *
kassa_invoice_editor_new (KassaStore  *store,
                          gint64       invoice_id,
                          gint64       customer_id,
                          GError     **error)
{
  KassaInvoiceEditor *self;
  g_autoptr(KassaInvoiceRecord) record = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (invoice_id != 0)
    {
      record = kassa_store_get_invoice (store, invoice_id, error);
      if (record == NULL)
        return NULL;
      if (record->state != KASSA_INVOICE_STATE_DRAFT)
        {
          g_set_error_literal (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID,
                               _("Only a draft invoice can be edited."));
          return NULL;
        }
    }

  /* Like every GtkWindow, the editor is owned by GTK's toplevel list. */
  self = g_object_new (KASSA_TYPE_INVOICE_EDITOR, NULL);
  self->store = g_object_ref (store);
  load_company (self);
  self->record = record != NULL ? g_steal_pointer (&record) : kassa_invoice_record_new ();
  if (self->record->id == 0)
    init_new_record (self, customer_id);

  load_record (self, customer_id);
  if (self->record->id == 0)
    kassa_invoice_editor_append_line (self, NULL);

  update_title (self);
  self->loading = 0;
  self->modified = FALSE;
  kassa_invoice_editor_validate (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);

  if (kassa_customer_picker_get_customer_id (self->customer_picker) == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->customer_picker));
  else if (self->n_lines > 0)
    kassa_invoice_line_row_focus (kassa_invoice_editor_line_at (self, 0));

  return self;
}

gint64
kassa_invoice_editor_get_invoice_id (KassaInvoiceEditor *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_EDITOR (self), 0);

  return self->record->id;
}

KassaStore *
kassa_invoice_editor_get_store (KassaInvoiceEditor *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_EDITOR (self), NULL);

  return self->store;
}

gboolean
kassa_invoice_editor_get_modified (KassaInvoiceEditor *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_EDITOR (self), FALSE);

  return self->modified;
}

const char *
kassa_invoice_editor_get_problem (KassaInvoiceEditor *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_EDITOR (self), NULL);

  return self->problem;
}

KassaCustomerPicker *
kassa_invoice_editor_get_customer_picker (KassaInvoiceEditor *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_EDITOR (self), NULL);

  return self->customer_picker;
}

GtkEditable *
kassa_invoice_editor_get_issue_date_entry (KassaInvoiceEditor *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_EDITOR (self), NULL);

  return GTK_EDITABLE (self->issue_entry);
}

GtkEditable *
kassa_invoice_editor_get_due_date_entry (KassaInvoiceEditor *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_EDITOR (self), NULL);

  return GTK_EDITABLE (self->due_entry);
}

guint
kassa_invoice_editor_get_n_lines (KassaInvoiceEditor *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_EDITOR (self), 0);

  return self->n_lines;
}

KassaInvoiceLineRow *
kassa_invoice_editor_get_line (KassaInvoiceEditor *self,
                               guint               index)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_EDITOR (self), NULL);

  return kassa_invoice_editor_line_at (self, index);
}

GtkButton *
kassa_invoice_editor_get_add_line_button (KassaInvoiceEditor *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_EDITOR (self), NULL);

  return self->add_line_button;
}

GtkButton *
kassa_invoice_editor_get_save_draft_button (KassaInvoiceEditor *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_EDITOR (self), NULL);

  return self->save_draft_button;
}

GtkButton *
kassa_invoice_editor_get_send_button (KassaInvoiceEditor *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_EDITOR (self), NULL);

  return self->send_button;
}

GtkLabel *
kassa_invoice_editor_get_net_label (KassaInvoiceEditor *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_EDITOR (self), NULL);

  return self->net_label;
}

GtkLabel *
kassa_invoice_editor_get_vat_label (KassaInvoiceEditor *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_EDITOR (self), NULL);

  return self->vat_label;
}

GtkLabel *
kassa_invoice_editor_get_total_label (KassaInvoiceEditor *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_EDITOR (self), NULL);

  return self->total_label;
}

GtkLabel *
kassa_invoice_editor_get_credit_warning_label (KassaInvoiceEditor *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_EDITOR (self), NULL);

  return GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (self), KASSA_TYPE_INVOICE_EDITOR,
                                                   "credit_warning_label"));
}
