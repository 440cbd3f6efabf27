/* kassa-collection-log.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-receivables"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-collection-document.h"
#include "kassa-collection-event-dialog.h"
#include "kassa-collection-log.h"
#include "kassa-document-export.h"
#include "kassa-dunning.h"
#include "kassa-format.h"
#include "kassa-store-sql.h"

/* What the rows show about the invoice an entry names. */
typedef struct
{
  gint64 number;
  char   currency[4];
  gint64 open;
} InvoiceInfo;

struct _KassaCollectionLog
{
  AdwBin       parent_instance;

  KassaStore  *store;
  gint64       customer_id;
  gint64       invoice_id;     /* 0: the whole customer */
  char         currency[4];    /* of entries about no invoice: the company's */
  GPtrArray   *events;         /* of KassaCollectionEvent, as shown */
  GHashTable  *invoices;       /* invoice id → InvoiceInfo, of the entries shown */
  GArray      *letter_ids;     /* invoices a reminder letter is about */

  GtkListBox  *list;
  GtkButton   *add_button;
  GtkButton   *letter_button;
};

G_DEFINE_FINAL_TYPE (KassaCollectionLog, kassa_collection_log, ADW_TYPE_BIN)

typedef struct
{
  KassaCollectionLog      *log;
  KassaCollectionDocument *document;
  GtkNativeDialog         *chooser;
} LetterJob;

static void
letter_job_free (LetterJob *job)
{
  g_clear_object (&job->log);
  g_clear_pointer (&job->document, kassa_collection_document_free);
  g_clear_object (&job->chooser);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LetterJob, letter_job_free)

static GtkWindow *
parent_window (KassaCollectionLog *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (KassaCollectionLog *self,
            const char         *heading,
            const GError       *error)
{
  kassa_document_export_show_error (parent_window (self), heading, error);
}

static gboolean
load_invoice_info (KassaCollectionLog  *self,
                   gint64               invoice_id,
                   GError             **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  InvoiceInfo *info;
  int rc;

  if (invoice_id == 0 || g_hash_table_contains (self->invoices, &invoice_id))
    return TRUE;

  stmt = kassa_store_prepare (self->store,
                              "SELECT i.number, i.currency, " KASSA_STORE_OPEN_AMOUNT_SQL
                              " FROM invoices i WHERE i.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (self->store, rc, error);

  info = g_new0 (InvoiceInfo, 1);
  if (rc == SQLITE_ROW)
    {
      info->number = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (info->currency, (const char *) sqlite3_column_text (stmt, 1), sizeof info->currency);
      info->open = sqlite3_column_int64 (stmt, 2);
    }
  else
    g_strlcpy (info->currency, self->currency, sizeof info->currency);

  g_hash_table_insert (self->invoices, g_memdup2 (&invoice_id, sizeof invoice_id), info);
  return TRUE;
}

static const char *
event_currency (KassaCollectionLog         *self,
                const KassaCollectionEvent *event)
{
  const InvoiceInfo *info = g_hash_table_lookup (self->invoices, &event->invoice_id);

  return info != NULL ? info->currency : self->currency;
}

static void
append_amount_label (GtkWidget *box,
                     char      *text)
{
  GtkWidget *label = gtk_label_new (text);

  g_free (text);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);
}

/* Fee and interest of a step, right-aligned beside the entry; NULL when
 * there are none. */
static GtkWidget *
amounts_new (KassaCollectionLog         *self,
             const KassaCollectionEvent *event)
{
  const char *currency = event_currency (self, event);
  GtkWidget *box;

  if (event->fee == 0 && event->interest == 0)
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (event->fee != 0)
    {
      g_autofree char *fee = kassa_format_money (event->fee, currency);

      /* Translators: the fee charged with a collection step, e.g. "Fee 5,00 €" */
      append_amount_label (box, g_strdup_printf (_("Fee %s"), fee));
    }
  if (event->interest != 0)
    {
      g_autofree char *interest = kassa_format_money (event->interest, currency);

      /* Translators: the late interest claimed with a step, e.g. "Interest 1,23 €" */
      append_amount_label (box, g_strdup_printf (_("Interest %s"), interest));
    }
  return box;
}

static char *
entry_subtitle (KassaCollectionLog         *self,
                const KassaCollectionEvent *event)
{
  g_autofree char *date = kassa_format_day (event->date);
  g_autoptr(GString) text = g_string_new (date);
  const InvoiceInfo *info = g_hash_table_lookup (self->invoices, &event->invoice_id);

  if (self->invoice_id == 0 && info != NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, info->number);

      g_string_append (text, " · ");
      /* Translators: the invoice a collection step is about, e.g. "Invoice 1023" */
      g_string_append_printf (text, _("Invoice %s"), number);
    }

  if (event->due_by != 0)
    {
      g_autofree char *due_by = kassa_format_day (event->due_by);

      g_string_append (text, " · ");
      if (event->kind == KASSA_COLLECTION_PROMISE_TO_PAY)
        /* Translators: the day a customer promised to pay by */
        g_string_append_printf (text, _("promised by %s"), due_by);
      else
        /* Translators: the pay-by date of a reminder */
        g_string_append_printf (text, _("pay by %s"), due_by);
    }

  if (event->author != NULL && event->author[0] != '\0')
    g_string_append_printf (text, " · %s", event->author);
  if (event->note != NULL && event->note[0] != '\0')
    g_string_append_printf (text, "\n%s", event->note);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_delete_response (AdwMessageDialog   *dialog,
                    const char         *response,
                    KassaCollectionLog *self)
{
  const gint64 *id = g_object_get_data (G_OBJECT (dialog), "event-id");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  if (!kassa_store_delete_collection_event (self->store, *id, &error))
    show_error (self, _("Could Not Delete the Entry"), error);
}

static void
confirm_delete (KassaCollectionLog         *self,
                const KassaCollectionEvent *event)
{
  g_autofree char *date = kassa_format_day (event->date);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: a collection log entry and its date, e.g. "“Reminder 1” of
   * 12.11.2026 will be removed from the collection log." */
  body = g_strdup_printf (_("“%s” of %s will be removed from the collection log."),
                          kassa_collection_kind_to_string (event->kind), date);
  if (event->kind == KASSA_COLLECTION_DISPUTE_OPENED || event->kind == KASSA_COLLECTION_DISPUTE_RESOLVED)
    {
      const char *flag = _("Whether the invoice is disputed does not change: use the Disputed "
                           "switch for that.");
      g_autofree char *longer = g_strconcat (body, " ", flag, NULL);

      g_free (body);
      body = g_steal_pointer (&longer);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Delete Entry?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "event-id", g_memdup2 (&event->id, sizeof event->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_clicked (GtkButton          *button,
                   KassaCollectionLog *self)
{
  confirm_delete (self, g_object_get_data (G_OBJECT (button), "event"));
}

static GtkWidget *
delete_button_new (KassaCollectionLog         *self,
                   const KassaCollectionEvent *event)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete Entry"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Entry"), -1);
  /* The row is rebuilt on every change, so the event outlives it. */
  g_object_set_data (G_OBJECT (button), "event", (gpointer) event);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_clicked), self, 0);
  return button;
}

static const char *
kind_style_class (KassaCollectionKind kind)
{
  if (kind == KASSA_COLLECTION_DISPUTE_OPENED || kind == KASSA_COLLECTION_PAYMENT_DEMAND ||
      kind == KASSA_COLLECTION_LAWYER_LETTER)
    return "warning";
  if (kind == KASSA_COLLECTION_COLLECTION_AGENCY || kind == KASSA_COLLECTION_LEGAL_ACTION)
    return "error";
  if (kind == KASSA_COLLECTION_DISPUTE_RESOLVED)
    return "success";
  return NULL;
}

static GtkWidget *
entry_row_new (KassaCollectionLog         *self,
               const KassaCollectionEvent *event)
{
  g_autofree char *subtitle = entry_subtitle (self, event);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (kassa_collection_kind_icon_name (event->kind));
  GtkWidget *amounts = amounts_new (self, event);
  const char *style = kind_style_class (event->kind);

  /* Notes and names are user text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kassa_collection_kind_to_string (event->kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (icon, kassa_collection_kind_to_string (event->kind));
  if (style != NULL)
    gtk_widget_add_css_class (icon, style);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (amounts != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), amounts);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button_new (self, event));
  return row;
}

static void
clear_rows (KassaCollectionLog *self)
{
  GtkListBoxRow *row;

  /* Rows only: the first child may be the placeholder, which must stay. */
  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
}

/* A letter is about this invoice once it has a dunning step; for a customer
 * about every open invoice with one. */
static void
collect_letter_ids (KassaCollectionLog *self)
{
  g_array_set_size (self->letter_ids, 0);

  for (guint i = 0; i < self->events->len; i++)
    {
      const KassaCollectionEvent *event = g_ptr_array_index (self->events, i);
      const InvoiceInfo *info = g_hash_table_lookup (self->invoices, &event->invoice_id);
      gboolean listed = FALSE;

      if (!KASSA_COLLECTION_IS_DUNNING_STEP (event->kind) || info == NULL)
        continue;
      if (self->invoice_id == 0 && info->open <= 0)
        continue;

      for (guint j = 0; j < self->letter_ids->len && !listed; j++)
        listed = g_array_index (self->letter_ids, gint64, j) == event->invoice_id;
      if (!listed)
        g_array_append_val (self->letter_ids, event->invoice_id);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->letter_button), self->letter_ids->len > 0);
}

static gboolean
refresh (KassaCollectionLog  *self,
         GError             **error)
{
  g_autoptr(GPtrArray) events = NULL;

  events = kassa_store_list_collection_events (self->store, self->customer_id, self->invoice_id, error);
  if (events == NULL)
    return FALSE;

  g_hash_table_remove_all (self->invoices);
  for (guint i = 0; i < events->len; i++)
    {
      const KassaCollectionEvent *event = g_ptr_array_index (events, i);

      if (!load_invoice_info (self, event->invoice_id, error))
        return FALSE;
    }

  clear_rows (self);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  self->events = g_steal_pointer (&events);
  for (guint i = 0; i < self->events->len; i++)
    gtk_list_box_append (self->list, entry_row_new (self, g_ptr_array_index (self->events, i)));

  collect_letter_ids (self);
  return TRUE;
}

static void
on_store_changed (KassaCollectionLog *self,
                  guint               what)
{
  guint relevant = KASSA_STORE_CHANGE_COLLECTIONS | KASSA_STORE_CHANGE_INVOICES |
                   KASSA_STORE_CHANGE_PAYMENTS;
  g_autoptr(GError) error = NULL;

  if ((what & relevant) != 0 && !refresh (self, &error))
    g_warning ("Could not refresh the collection log: %s", error->message);
}

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KassaCollectionLog *self = KASSA_COLLECTION_LOG (widget);
  g_autoptr(GError) error = NULL;
  KassaCollectionEventDialog *dialog;

  dialog = kassa_collection_event_dialog_new (parent_window (self), self->store, self->customer_id,
                                              self->invoice_id, &error);
  if (dialog == NULL)
    {
      show_error (self, _("Could Not Add an Entry"), error);
      return;
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_saved_toast (KassaCollectionLog *self,
                 GFile              *file)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *title = NULL;

  if (overlay == NULL)
    return;

  /* Translators: %s is the name of the PDF file just written */
  title = g_strdup_printf (_("Saved “%s”"), escaped);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
on_letter_response (GtkNativeDialog *chooser,
                    int              response,
                    LetterJob       *job_data)
{
  g_autoptr(LetterJob) job = job_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This location cannot be written to. Choose a folder on this computer."));
      show_error (job->log, _("Could Not Save PDF"), error);
      return;
    }

  if (!kassa_collection_document_write_pdf (job->document, path, &error))
    {
      show_error (job->log, _("Could Not Save PDF"), error);
      return;
    }

  add_saved_toast (job->log, file);
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

static void
start_letter_save (LetterJob *job)
{
  g_autofree char *suggested = kassa_collection_document_suggest_filename (job->document);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

  chooser = gtk_file_chooser_native_new (_("Save Reminder Letter"), parent_window (job->log),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  set_documents_folder (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);

  job->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_letter_response), job);
  gtk_native_dialog_show (job->chooser);
}

static void
reminder_letter_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KassaCollectionLog *self = KASSA_COLLECTION_LOG (widget);
  g_autoptr(LetterJob) job = g_new0 (LetterJob, 1);
  g_autoptr(GError) error = NULL;

  if (self->letter_ids->len == 0)
    return;

  job->log = g_object_ref (self);
  job->document = kassa_reminder_document_new (self->store, self->customer_id,
                                               (const gint64 *) self->letter_ids->data,
                                               self->letter_ids->len, kassa_clock_today (), &error);
  if (job->document == NULL)
    {
      show_error (self, _("Could Not Create the Reminder Letter"), error);
      return;
    }

  start_letter_save (g_steal_pointer (&job));
}

static void
kassa_collection_log_dispose (GObject *object)
{
  KassaCollectionLog *self = KASSA_COLLECTION_LOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_COLLECTION_LOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_collection_log_parent_class)->dispose (object);
}

static void
kassa_collection_log_finalize (GObject *object)
{
  KassaCollectionLog *self = KASSA_COLLECTION_LOG (object);

  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->invoices, g_hash_table_unref);
  g_clear_pointer (&self->letter_ids, g_array_unref);

  G_OBJECT_CLASS (kassa_collection_log_parent_class)->finalize (object);
}

static void
kassa_collection_log_class_init (KassaCollectionLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_collection_log_dispose;
  object_class->finalize = kassa_collection_log_finalize;

  gtk_widget_class_install_action (widget_class, "log.add-entry", NULL, add_entry_action);
  gtk_widget_class_install_action (widget_class, "log.reminder-letter", NULL, reminder_letter_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kassa/Kassa/ui/kassa-collection-log.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionLog, list);
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionLog, add_button);
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionLog, letter_button);
}

static void
kassa_collection_log_init (KassaCollectionLog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->invoices = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->letter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_collection_event_free);
}

static gint64
invoice_customer_id (KassaStore *store,
                     gint64      invoice_id)
{
  g_autoptr(KassaInvoiceRecord) invoice = kassa_store_get_invoice (store, invoice_id, NULL);

  return invoice != NULL ? invoice->customer_id : 0;
}

GtkWidget *
kassa_collection_log_new (KassaStore *store,
                          gint64      customer_id,
                          gint64      invoice_id)
{
  KassaCollectionLog *self;
  g_autoptr(KassaCompany) company = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (customer_id != 0 || invoice_id != 0, NULL);

  self = g_object_new (KASSA_TYPE_COLLECTION_LOG, NULL);
  self->store = g_object_ref (store);
  self->invoice_id = invoice_id;
  self->customer_id = customer_id != 0 ? customer_id : invoice_customer_id (store, invoice_id);

  company = kassa_store_get_company (store);
  g_strlcpy (self->currency, company != NULL ? company->currency : "EUR", sizeof self->currency);

  if (!refresh (self, &error))
    g_warning ("Could not load the collection log: %s", error->message);

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

const char *
kassa_collection_kind_icon_name (KassaCollectionKind kind)
{
  switch (kind)
    {
    case KASSA_COLLECTION_NOTE:              return "document-edit-symbolic";
    case KASSA_COLLECTION_PHONE_CALL:        return "call-start-symbolic";
    case KASSA_COLLECTION_EMAIL:             return "mail-unread-symbolic";
    case KASSA_COLLECTION_PROMISE_TO_PAY:    return "x-office-calendar-symbolic";
    case KASSA_COLLECTION_DISPUTE_OPENED:    return "dialog-warning-symbolic";
    case KASSA_COLLECTION_DISPUTE_RESOLVED:  return "emblem-ok-symbolic";
    case KASSA_COLLECTION_REMINDER_1:
    case KASSA_COLLECTION_REMINDER_2:
    case KASSA_COLLECTION_PAYMENT_DEMAND:    return "mail-send-symbolic";
    case KASSA_COLLECTION_LAWYER_LETTER:     return "emblem-important-symbolic";
    case KASSA_COLLECTION_COLLECTION_AGENCY:
    case KASSA_COLLECTION_LEGAL_ACTION:      return "security-high-symbolic";
    default:                                 return "document-edit-symbolic";
    }
}

/* Letters the company sends, as opposed to handing the case over. */
static gboolean
is_letter (KassaCollectionKind kind)
{
  return kind == KASSA_COLLECTION_REMINDER_1 || kind == KASSA_COLLECTION_REMINDER_2 ||
         kind == KASSA_COLLECTION_PAYMENT_DEMAND || kind == KASSA_COLLECTION_LAWYER_LETTER;
}

char *
kassa_collection_describe_level (KassaStore *store,
                                 gint64      invoice_id)
{
  KassaCollectionKind level;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *day = NULL;
  KassaDay date = 0;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  level = kassa_dunning_level (store, invoice_id);
  if (!KASSA_COLLECTION_IS_DUNNING_STEP (level))
    return g_strdup (_("No reminders"));

  /* Newest first: the first entry of the level is the latest. */
  events = kassa_store_list_collection_events (store, 0, invoice_id, NULL);
  for (guint i = 0; events != NULL && i < events->len && date == 0; i++)
    {
      const KassaCollectionEvent *event = g_ptr_array_index (events, i);

      if (event->kind == level)
        date = event->date;
    }

  day = date != 0 ? kassa_format_day (date) : g_strdup ("—");
  if (is_letter (level))
    /* Translators: the highest dunning step and its date, e.g. "Reminder 1 sent on 12.11.2026" */
    return g_strdup_printf (_("%s sent on %s"), kassa_collection_kind_to_string (level), day);

  /* Translators: the highest dunning step and its date, e.g. "Collection agency on 12.11.2026" */
  return g_strdup_printf (_("%s on %s"), kassa_collection_kind_to_string (level), day);
}

char *
kassa_collection_describe_expected (const KassaExpectedPayment *expected)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (expected != NULL, NULL);

  if (expected->source == KASSA_EXPECTED_DISPUTED || expected->expected_date == 0)
    return g_strdup (_("Disputed: no date expected"));

  day = kassa_format_day (expected->expected_date);
  switch (expected->source)
    {
    case KASSA_EXPECTED_PROMISE:
      /* Translators: %s is the date the customer promised to pay by */
      return g_strdup_printf (_("Promised by %s"), day);
    case KASSA_EXPECTED_OVERDUE:
      /* Translators: %s is the expected payment date of an invoice paid later than predicted */
      return g_strdup_printf (_("Expected %s: later than predicted, so estimated again"), day);
    case KASSA_EXPECTED_FROM_COMPANY:
      /* Translators: %s is the expected payment date of a customer without a payment history */
      return g_strdup_printf (_("Expected %s from how customers usually pay (no history yet)"), day);
    case KASSA_EXPECTED_FROM_HISTORY:
    case KASSA_EXPECTED_DISPUTED:
    default:
      /* Translators: %s is the expected payment date */
      return g_strdup_printf (_("Expected %s from this customer’s history"), day);
    }
}

char *
kassa_collection_author_name (void)
{
  const char *real_name = g_get_real_name ();

  /* GLib answers "Unknown" when there is no real name. */
  if (real_name != NULL && real_name[0] != '\0' && g_strcmp0 (real_name, "Unknown") != 0)
    return g_strdup (real_name);
  return g_strdup (g_get_user_name ());
}

GtkListBox *
kassa_collection_log_get_list (KassaCollectionLog *self)
{
  g_return_val_if_fail (KASSA_IS_COLLECTION_LOG (self), NULL);

  return self->list;
}

guint
kassa_collection_log_get_n_entries (KassaCollectionLog *self)
{
  g_return_val_if_fail (KASSA_IS_COLLECTION_LOG (self), 0);

  return self->events->len;
}

GtkButton *
kassa_collection_log_get_add_button (KassaCollectionLog *self)
{
  g_return_val_if_fail (KASSA_IS_COLLECTION_LOG (self), NULL);

  return self->add_button;
}

GtkButton *
kassa_collection_log_get_letter_button (KassaCollectionLog *self)
{
  g_return_val_if_fail (KASSA_IS_COLLECTION_LOG (self), NULL);

  return self->letter_button;
}

void
kassa_collection_log_delete_entry (KassaCollectionLog *self,
                                   guint               index)
{
  g_return_if_fail (KASSA_IS_COLLECTION_LOG (self));
  g_return_if_fail (index < self->events->len);

  confirm_delete (self, g_ptr_array_index (self->events, index));
}
