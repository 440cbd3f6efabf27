/* kassa-customer-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-customer-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-collection-document.h"
#include "kassa-collection-event-dialog.h"
#include "kassa-collection-log.h"
#include "kassa-customer-editor.h"
#include "kassa-customer-relationship-view.h"
#include "kassa-customer-view.h"
#include "kassa-document-export.h"
#include "kassa-invoice-labels.h"
#include "kassa-format.h"
#include "kassa-invoice-list.h"
#include "kassa-invoice-window.h"
#include "kassa-payment-behaviour-view.h"
#include "kassa-store-relationship.h"

typedef enum
{
  CELL_NUMBER,
  CELL_DATE,
  CELL_DUE,
  CELL_TOTAL,
  CELL_STATUS,
} CellKind;

struct _KassaCustomerView
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *archive_button;
  GtkWidget           *archived_label;
  GtkLabel            *anonymised_label;
  GtkLabel            *open_label;
  GtkLabel            *overdue_label;
  GtkGrid             *details_grid;
  GtkStack            *invoices_stack;
  GtkColumnView       *invoice_view;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *due_column;
  GtkColumnViewColumn *total_column;
  GtkColumnViewColumn *status_column;
  GtkBox              *behaviour_box;
  GtkBox              *relationship_box;
  GtkBox              *collection_box;
  GtkWidget           *collection_log;

  KassaStore          *store;
  gint64               customer_id;
  KassaCustomerRecord *record;
  KassaInvoiceList    *invoices;
  int                  n_detail_rows;
  char                 currency[4];
  guint                refresh_id;
  /* The statement being saved while the file chooser is open. */
  GtkNativeDialog     *statement_chooser;
  KassaCollectionDocument *statement;
  /* The personal data export's file chooser while it is open. */
  GtkNativeDialog     *personal_data_chooser;
  KassaDay             anonymised_on;  /* 0 = not anonymised */
};

G_DEFINE_FINAL_TYPE (KassaCustomerView, kassa_customer_view, ADW_TYPE_WINDOW)

static void
add_detail (KassaCustomerView *self,
            const char        *title,
            const char        *value)
{
  GtkWidget *name_label;
  GtkWidget *value_label;

  if (value == NULL || *value == '\0')
    return;

  name_label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (name_label), 0.0);
  gtk_widget_add_css_class (name_label, "dim-label");

  value_label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, name_label, NULL,
                                  -1);

  gtk_grid_attach (self->details_grid, name_label, 0, self->n_detail_rows, 1, 1);
  gtk_grid_attach (self->details_grid, value_label, 1, self->n_detail_rows, 1, 1);
  self->n_detail_rows++;
}

static void
clear_details (KassaCustomerView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_grid))) != NULL)
    gtk_grid_remove (self->details_grid, child);

  self->n_detail_rows = 0;
}

static void
update_details (KassaCustomerView *self)
{
  const KassaCustomerRecord *r = self->record;
  g_autofree char *terms = NULL;
  g_autofree char *limit = NULL;

  terms = g_strdup_printf (ngettext ("%d day", "%d days", r->payment_terms_days),
                           r->payment_terms_days);
  if (r->credit_limit > 0)
    limit = kassa_format_money (r->credit_limit, self->currency);

  clear_details (self);
  add_detail (self, _("Type"), r->kind == KASSA_CUSTOMER_BUSINESS ? _("Business") : _("Consumer"));
  add_detail (self, _("Business ID"), r->business_id);
  add_detail (self, _("VAT ID"), r->vat_id);
  add_detail (self, _("Contact Person"), r->contact_person);
  add_detail (self, _("Email"), r->email);
  add_detail (self, _("Phone"), r->phone);
  add_detail (self, _("Address"), r->address);
  add_detail (self, _("Payment Terms"), terms);
  add_detail (self, _("Credit Limit"), limit);
  add_detail (self, _("Delivery"), kassa_delivery_to_string (r->delivery));
  add_detail (self, _("E-invoice Address"), r->einvoice_address);
  add_detail (self, _("Notes"), r->notes);
}

static void
update_balance (KassaCustomerView *self)
{
  gint64 open = 0, overdue = 0;
  g_autofree char *open_text = NULL;
  g_autofree char *overdue_text = NULL;

  kassa_store_get_customer_balance (self->store, self->customer_id, kassa_clock_today (),
                                    &open, &overdue);
  open_text = kassa_format_money (open, self->currency);
  overdue_text = kassa_format_money (overdue, self->currency);
  gtk_label_set_text (self->open_label, open_text);
  gtk_label_set_text (self->overdue_label, overdue_text);

  if (overdue > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->overdue_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_label), "error");
}

static void
update_archived (KassaCustomerView *self)
{
  gboolean archived = self->record->archived;

  gtk_button_set_label (self->archive_button, archived ? _("_Unarchive") : _("_Archive"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->archive_button),
                               archived ? _("Show the customer in the list again")
                                        : _("Hide the customer from the list; invoices are kept"));
  gtk_widget_set_visible (self->archived_label, archived && self->anonymised_on == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.new-invoice", !archived);
}

static void
read_anonymised (KassaCustomerView *self)
{
  g_autoptr(KassaCustomerRelationship) relationship = NULL;
  g_autoptr(GError) error = NULL;

  relationship = kassa_store_get_customer_relationship (self->store, self->customer_id, &error);
  if (relationship == NULL)
    {
      g_warning ("Cannot read the relationship of customer %" G_GINT64_FORMAT ": %s",
                 self->customer_id, error->message);
      return;
    }
  self->anonymised_on = relationship->anonymised_on;
}

/* An anonymised customer is kept only for the books: nothing about the
 * person may be written again. */
static void
update_anonymised (KassaCustomerView *self)
{
  gboolean anonymised = self->anonymised_on != 0;
  GtkButton *add_entry_button;

  if (anonymised)
    {
      g_autofree char *date = kassa_format_day (self->anonymised_on);
      g_autofree char *text = NULL;

      /* Translators: %s is the date the customer's personal data was erased */
      text = g_strdup_printf (_("This customer was anonymised on %s: the personal data is erased "
                                "and cannot be edited. The invoices and payments are kept for "
                                "the books."), date);
      gtk_label_set_text (self->anonymised_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->anonymised_label), anonymised);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.edit", !anonymised);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.anonymise", !anonymised);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.add-note", !anonymised);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.toggle-archived", !anonymised);
  if (anonymised)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.new-invoice", FALSE);

  add_entry_button = kassa_collection_log_get_add_button (KASSA_COLLECTION_LOG (self->collection_log));
  gtk_widget_set_sensitive (GTK_WIDGET (add_entry_button), !anonymised);
}

static void
update_invoices_state (KassaCustomerView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->invoices));

  gtk_stack_set_visible_child_name (self->invoices_stack, n > 0 ? "list" : "empty");
}

static gboolean
reload (KassaCustomerView *self)
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (self->store);
  g_autoptr(GError) error = NULL;
  KassaCustomerRecord *record;

  record = kassa_store_get_customer (self->store, self->customer_id, &error);
  if (record == NULL)
    {
      g_warning ("Cannot load customer %" G_GINT64_FORMAT ": %s", self->customer_id, error->message);
      return FALSE;
    }

  g_clear_pointer (&self->record, kassa_customer_record_free);
  self->record = record;
  if (company != NULL)
    g_strlcpy (self->currency, company->currency, sizeof self->currency);

  adw_window_title_set_title (self->window_title, record->name);
  adw_window_title_set_subtitle (self->window_title, record->number);
  gtk_window_set_title (GTK_WINDOW (self), record->name);
  read_anonymised (self);
  update_details (self);
  update_balance (self);
  update_archived (self);
  update_anonymised (self);
  return TRUE;
}

static gboolean
reload_idle (gpointer user_data)
{
  KassaCustomerView *self = KASSA_CUSTOMER_VIEW (user_data);

  self->refresh_id = 0;
  if (!reload (self))
    gtk_window_destroy (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

static void
on_store_changed (KassaCustomerView *self,
                  guint              what)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (reload_idle, self);
}

static void
on_invoice_activated (KassaCustomerView *self,
                      guint              position)
{
  g_autoptr(KassaInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (self->invoices), position);

  if (invoice != NULL)
    kassa_invoice_window_present (GTK_WINDOW (self), self->store,
                                  kassa_invoice_get_id (invoice), 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KassaCustomerView *self = KASSA_CUSTOMER_VIEW (widget);
  KassaCustomerEditor *editor;

  editor = kassa_customer_editor_new (GTK_WINDOW (self), self->store, self->customer_id);
  if (editor != NULL)
    gtk_window_present (GTK_WINDOW (editor));
}

static void
new_invoice_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KassaCustomerView *self = KASSA_CUSTOMER_VIEW (widget);

  kassa_invoice_window_present (GTK_WINDOW (self), self->store, 0, self->customer_id);
}

static gboolean
set_archived (KassaCustomerView *self,
              gboolean           archived)
{
  g_autoptr(GError) error = NULL;

  if (kassa_store_set_customer_archived (self->store, self->customer_id, archived, &error))
    return TRUE;

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  return FALSE;
}

static void
on_undo_archive (KassaCustomerView *self)
{
  set_archived (self, FALSE);
}

static void
toggle_archived_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KassaCustomerView *self = KASSA_CUSTOMER_VIEW (widget);
  gboolean archive;
  AdwToast *toast;

  if (self->record == NULL)
    return;

  archive = !self->record->archived;
  if (!set_archived (self, archive))
    return;

  /* Unarchiving needs no undo: it hides nothing. */
  if (!archive)
    return;

  toast = adw_toast_new (_("Customer archived"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_archive), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Statement of account */

static void
on_open_saved_file (KassaCustomerView *self,
                    AdwToast          *toast)
{
  kassa_document_export_open_uri (GTK_WINDOW (self), g_object_get_data (G_OBJECT (toast), "uri"));
}

static void
report_file_saved (KassaCustomerView *self,
                   GFile             *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  /* Translators: %s is the name of the file just written */
  text = g_strdup_printf (_("Saved “%s”"), name);
  /* Toast titles are markup: a file name may contain "&". */
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_saved_file), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
write_statement (KassaCustomerView  *self,
                 GFile              *file,
                 GError            **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This location cannot be written to. Choose a folder on this computer."));
      return FALSE;
    }

  return kassa_collection_document_write_pdf (self->statement, path, error);
}

static void
on_statement_response (KassaCustomerView *self,
                       int                response,
                       GtkNativeDialog   *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (write_statement (self, file, &error))
        report_file_saved (self, file);
      else
        kassa_document_export_show_error (GTK_WINDOW (self), _("Could Not Save PDF"), error);
    }

  g_clear_object (&self->statement_chooser);
  g_clear_pointer (&self->statement, kassa_collection_document_free);
}

static void
set_documents_folder (GtkFileChooser *chooser)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) folder = NULL;

  if (documents == NULL || !g_file_test (documents, G_FILE_TEST_IS_DIR))
    return;

  folder = g_file_new_for_path (documents);
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static GtkNativeDialog *
statement_chooser_new (KassaCustomerView *self)
{
  g_autofree char *suggested = kassa_collection_document_suggest_filename (self->statement);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

  chooser = gtk_file_chooser_native_new (_("Save as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  set_documents_folder (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  return GTK_NATIVE_DIALOG (chooser);
}

static void
save_statement_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KassaCustomerView *self = KASSA_CUSTOMER_VIEW (widget);
  g_autoptr(GError) error = NULL;

  /* One statement at a time: the chooser is modal anyway. */
  if (self->statement_chooser != NULL)
    return;

  self->statement = kassa_statement_document_new (self->store, self->customer_id,
                                                  kassa_clock_today (), &error);
  if (self->statement == NULL)
    {
      kassa_document_export_show_error (GTK_WINDOW (self), _("Could Not Save PDF"), error);
      return;
    }

  self->statement_chooser = statement_chooser_new (self);
  g_signal_connect_object (self->statement_chooser, "response",
                           G_CALLBACK (on_statement_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->statement_chooser);
}

/* Notes */

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KassaCustomerView *self = KASSA_CUSTOMER_VIEW (widget);
  g_autoptr(GError) error = NULL;
  KassaCollectionEventDialog *dialog;

  dialog = kassa_collection_event_dialog_new (GTK_WINDOW (self), self->store, self->customer_id, 0,
                                              &error);
  if (dialog == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  kassa_collection_event_dialog_set_kind (dialog, KASSA_COLLECTION_NOTE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Data protection */

static void
on_personal_data_response (KassaCustomerView *self,
                           int                response,
                           GtkNativeDialog   *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (kassa_customer_view_write_personal_data (self, file, &error))
        report_file_saved (self, file);
      else
        kassa_document_export_show_error (GTK_WINDOW (self), _("Could Not Export Personal Data"),
                                          error);
    }

  g_clear_object (&self->personal_data_chooser);
}

static GtkNativeDialog *
personal_data_chooser_new (KassaCustomerView *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;

  /* Translators: the suggested file name of a customer's personal data;
   * %s is the customer number.  Keep ".json". */
  suggested = g_strdup_printf (_("%s personal data.json"), self->record->number);
  gtk_file_filter_set_name (filter, _("JSON Documents"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");

  chooser = gtk_file_chooser_native_new (_("Export Personal Data"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  set_documents_folder (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  return GTK_NATIVE_DIALOG (chooser);
}

static void
export_personal_data_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  KassaCustomerView *self = KASSA_CUSTOMER_VIEW (widget);

  if (self->personal_data_chooser != NULL || self->record == NULL)
    return;

  self->personal_data_chooser = personal_data_chooser_new (self);
  g_signal_connect_object (self->personal_data_chooser, "response",
                           G_CALLBACK (on_personal_data_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->personal_data_chooser);
}

static void
anonymise (KassaCustomerView *self)
{
  g_autoptr(GError) error = NULL;

  if (!kassa_store_anonymise_customer (self->store, self->customer_id, kassa_clock_today (),
                                       &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  /* Shown at once, not at the next change notification: the window must
   * not offer editing for a moment longer. */
  reload (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Customer anonymised")));
}

static void
on_anonymise_response (KassaCustomerView *self,
                       const char        *response)
{
  if (g_strcmp0 (response, "anonymise") == 0)
    anonymise (self);
}

static void
anonymise_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KassaCustomerView *self = KASSA_CUSTOMER_VIEW (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->record == NULL || self->anonymised_on != 0)
    return;

  /* Translators: %s is the customer's name */
  heading = g_strdup_printf (_("Anonymise “%s”?"), self->record->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The customer’s name, contact person, email, phone, address, "
                                     "business and VAT IDs, notes, NPS comments and notes in the "
                                     "collection log are erased for good, and the customer is "
                                     "archived and left out of all marketing.\n\n"
                                     "The invoices and payments are kept unchanged, as the "
                                     "bookkeeping law requires. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "anonymise", _("_Anonymise"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "anonymise",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_anonymise_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  CellKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 10);
  if (kind == CELL_TOTAL)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 12);
    }
  if (kind != CELL_STATUS)
    gtk_widget_add_css_class (cell, "numeric");

  gtk_list_item_set_child (item, cell);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  CellKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *cell = gtk_list_item_get_child (item);
  const KassaInvoiceSummary *s = kassa_invoice_get_summary (gtk_list_item_get_item (item));
  g_autofree char *text = NULL;

  switch (kind)
    {
    case CELL_NUMBER:
      text = s->number > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, s->number) : g_strdup (_("Draft"));
      break;

    case CELL_DATE:
      text = kassa_format_day (s->issue_date);
      break;

    case CELL_DUE:
      text = kassa_format_day (s->due_date);
      break;

    case CELL_TOTAL:
      text = kassa_format_money (s->total, s->currency);
      break;

    case CELL_STATUS:
      text = g_strdup (kassa_invoice_status_to_string (s->status));
      if (s->status == KASSA_INVOICE_STATUS_OVERDUE)
        gtk_widget_add_css_class (cell, "error");
      else
        gtk_widget_remove_css_class (cell, "error");
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
}

static void
setup_column (GtkColumnViewColumn *column,
              CellKind             kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (kind));
  gtk_column_view_column_set_factory (column, factory);
}

static void
kassa_customer_view_dispose (GObject *object)
{
  KassaCustomerView *self = KASSA_CUSTOMER_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->statement_chooser != NULL)
    gtk_native_dialog_destroy (self->statement_chooser);
  g_clear_object (&self->statement_chooser);
  g_clear_pointer (&self->statement, kassa_collection_document_free);
  if (self->personal_data_chooser != NULL)
    gtk_native_dialog_destroy (self->personal_data_chooser);
  g_clear_object (&self->personal_data_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_CUSTOMER_VIEW);
  g_clear_object (&self->invoices);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_customer_view_parent_class)->dispose (object);
}

static void
kassa_customer_view_finalize (GObject *object)
{
  KassaCustomerView *self = KASSA_CUSTOMER_VIEW (object);

  g_clear_pointer (&self->record, kassa_customer_record_free);

  G_OBJECT_CLASS (kassa_customer_view_parent_class)->finalize (object);
}

static void
kassa_customer_view_class_init (KassaCustomerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_customer_view_dispose;
  object_class->finalize = kassa_customer_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-customer-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, window_title);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, archive_button);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, archived_label);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, anonymised_label);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, open_label);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, details_grid);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, invoices_stack);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, invoice_view);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, number_column);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, date_column);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, due_column);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, total_column);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, status_column);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, behaviour_box);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, relationship_box);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerView, collection_box);
  gtk_widget_class_bind_template_callback (widget_class, on_invoice_activated);

  gtk_widget_class_install_action (widget_class, "customer.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "customer.new-invoice", NULL, new_invoice_action);
  gtk_widget_class_install_action (widget_class, "customer.toggle-archived", NULL,
                                   toggle_archived_action);
  gtk_widget_class_install_action (widget_class, "customer.save-statement", NULL,
                                   save_statement_action);
  gtk_widget_class_install_action (widget_class, "customer.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "customer.export-personal-data", NULL,
                                   export_personal_data_action);
  gtk_widget_class_install_action (widget_class, "customer.anonymise", NULL, anonymise_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "customer.new-invoice", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "customer.edit", NULL);
}

static void
kassa_customer_view_init (KassaCustomerView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_strlcpy (self->currency, "EUR", sizeof self->currency);
  setup_column (self->number_column, CELL_NUMBER);
  setup_column (self->date_column, CELL_DATE);
  setup_column (self->due_column, CELL_DUE);
  setup_column (self->total_column, CELL_TOTAL);
  setup_column (self->status_column, CELL_STATUS);
}

KassaCustomerView *
kassa_customer_view_new (GtkWindow  *parent,
                         KassaStore *store,
                         gint64      customer_id)
{
  KassaCustomerView *self;
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (customer_id > 0, NULL);

  self = g_object_new (KASSA_TYPE_CUSTOMER_VIEW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->customer_id = customer_id;
  if (parent != NULL && gtk_widget_has_css_class (GTK_WIDGET (parent), "devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->invoices = kassa_invoice_list_new (store, kassa_clock_today ());
  kassa_invoice_list_freeze (self->invoices);
  kassa_invoice_list_set_customer (self->invoices, customer_id);
  kassa_invoice_list_set_sort (self->invoices, KASSA_INVOICE_SORT_ISSUE_DATE, TRUE);
  kassa_invoice_list_thaw (self->invoices);
  g_signal_connect_object (self->invoices, "items-changed", G_CALLBACK (update_invoices_state),
                           self, G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->invoices)));
  gtk_column_view_set_model (self->invoice_view, GTK_SELECTION_MODEL (selection));
  update_invoices_state (self);

  gtk_box_append (self->behaviour_box, kassa_payment_behaviour_view_new (store, customer_id));
  gtk_box_append (self->relationship_box, kassa_customer_relationship_view_new (store, customer_id));
  self->collection_log = kassa_collection_log_new (store, customer_id, 0);
  gtk_box_append (self->collection_box, self->collection_log);

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  reload (self);

  return self;
}

void
kassa_customer_view_present (GtkWindow  *parent,
                             KassaStore *store,
                             gint64      customer_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  KassaCustomerView *view;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KASSA_IS_CUSTOMER_VIEW (window) &&
          KASSA_CUSTOMER_VIEW (window)->store == store &&
          KASSA_CUSTOMER_VIEW (window)->customer_id == customer_id)
        {
          gtk_window_present (GTK_WINDOW (window));
          return;
        }
    }

  view = kassa_customer_view_new (parent, store, customer_id);
  gtk_window_present (GTK_WINDOW (view));
}

/**
 * kassa_customer_view_write_personal_data:
 *
 * Writes the customer's personal data export (JSON) to file, as the
 * "Export Personal Data…" menu item does after the file chooser.
 */
gboolean
kassa_customer_view_write_personal_data (KassaCustomerView  *self,
                                         GFile              *file,
                                         GError            **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (KASSA_IS_CUSTOMER_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  json = kassa_store_export_personal_data (self->store, self->customer_id, error);
  if (json == NULL)
    return FALSE;

  return g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
