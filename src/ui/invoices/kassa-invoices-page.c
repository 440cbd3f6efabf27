/* kassa-invoices-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-invoices"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-column-sort.h"
#include "kassa-date.h"
#include "kassa-document-batch.h"
#include "kassa-document-export.h"
#include "kassa-document-preview.h"
#include "kassa-invoice-document.h"
#include "kassa-invoice-labels.h"
#include "kassa-invoice-view.h"
#include "kassa-invoice-window.h"
#include "kassa-invoices-page.h"
#include "kassa-money.h"

/* Screenshots and demonstrations: $KASSA_OPEN_INVOICE opens an invoice
 * ("<id>"), a new draft ("new" or "new:<customer id>"), the payment
 * dialog of an invoice ("pay:<id>") or its document preview
 * ("preview:<id>") shortly after the page is shown. */
#define OPEN_INVOICE_ENV "KASSA_OPEN_INVOICE"

struct _KassaInvoicesPage
{
  GtkWidget            parent_instance;

  KassaStore          *store;
  KassaInvoiceList    *invoices;
  GtkMultiSelection   *selection;
  GCancellable        *batch_cancellable; /* non-NULL while PDFs are saved */
  GArray              *batch_ids;         /* waiting for the folder chooser */
  guint                batch_drafts;
  char                *batch_folder;
  GtkNativeDialog     *folder_chooser;
  KassaLocale          locale;
  KassaDay             today;
  gboolean             date_range_set;
  gboolean             env_handled;

  GtkSearchEntry      *search_entry;
  GtkDropDown         *filter_dropdown;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *customer_column;
  GtkColumnViewColumn *issue_column;
  GtkColumnViewColumn *due_column;
  GtkColumnViewColumn *total_column;
  GtkColumnViewColumn *open_column;
  GtkColumnViewColumn *status_column;
  GtkLabel            *summary_label;
  GtkActionBar        *batch_bar;
  GtkLabel            *batch_label;
  GtkProgressBar      *batch_progress;
  GtkButton           *save_pdfs_button;
  AdwButtonContent    *save_pdfs_content;
  GtkButton           *batch_cancel_button;
};

G_DEFINE_FINAL_TYPE (KassaInvoicesPage, kassa_invoices_page, GTK_TYPE_WIDGET)

static const KassaInvoiceSummary *
item_summary (GtkListItem *item)
{
  return kassa_invoice_get_summary (KASSA_INVOICE (gtk_list_item_get_item (item)));
}

static void
setup_text_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 KassaInvoicesPage        *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
setup_numeric_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    KassaInvoicesPage        *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
setup_status_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   KassaInvoicesPage        *self)
{
  GtkWidget *label = kassa_invoice_status_label_new ();

  gtk_list_item_set_child (item, label);
}

static void
bind_number_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  KassaInvoicesPage        *self)
{
  const KassaInvoiceSummary *summary = item_summary (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *number = NULL;

  if (summary->state == KASSA_INVOICE_STATE_DRAFT)
    {
      gtk_label_set_text (GTK_LABEL (label), C_("invoice number", "Draft"));
      gtk_widget_add_css_class (label, "dim-label");
      return;
    }

  number = g_strdup_printf ("%" G_GINT64_FORMAT, summary->number);
  gtk_label_set_text (GTK_LABEL (label), number);
  gtk_widget_remove_css_class (label, "dim-label");
}

static void
bind_customer_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    KassaInvoicesPage        *self)
{
  const KassaInvoiceSummary *summary = item_summary (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      summary->customer_name != NULL ? summary->customer_name : "");
}

static void
set_day_text (KassaInvoicesPage *self,
              GtkListItem       *item,
              KassaDay           day)
{
  g_autofree char *text = kassa_day_format (day, self->locale);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
bind_issue_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 KassaInvoicesPage        *self)
{
  set_day_text (self, item, item_summary (item)->issue_date);
}

static void
bind_due_cell (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               KassaInvoicesPage        *self)
{
  set_day_text (self, item, item_summary (item)->due_date);
}

static void
set_money_text (KassaInvoicesPage *self,
                GtkListItem       *item,
                gint64             amount)
{
  const KassaInvoiceSummary *summary = item_summary (item);
  g_autofree char *text = kassa_money_format (amount, summary->currency, self->locale);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
bind_total_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 KassaInvoicesPage        *self)
{
  set_money_text (self, item, item_summary (item)->total);
}

static void
bind_open_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                KassaInvoicesPage        *self)
{
  const KassaInvoiceSummary *summary = item_summary (item);

  /* Blank rather than zero: the open ones stand out when scanning. */
  if (summary->state == KASSA_INVOICE_STATE_DRAFT || summary->open_amount == 0)
    gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), "");
  else
    set_money_text (self, item, summary->open_amount);
}

static void
bind_status_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  KassaInvoicesPage        *self)
{
  kassa_invoice_status_label_set (GTK_LABEL (gtk_list_item_get_child (item)),
                                  item_summary (item)->status);
}

static GtkWindow *
parent_window (KassaInvoicesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
is_filtered (KassaInvoicesPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return (search != NULL && search[0] != '\0') ||
         gtk_drop_down_get_selected (self->filter_dropdown) != KASSA_INVOICE_FILTER_ALL ||
         self->date_range_set;
}

static void
update_state (KassaInvoicesPage *self)
{
  guint n;
  g_autofree char *summary = NULL;

  /* Nothing is queried before the page is first shown. */
  if (self->invoices == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->invoices));

  /* Translators: the number of invoices shown in the list */
  summary = g_strdup_printf (ngettext ("%u invoice", "%u invoices", n), n);
  gtk_label_set_text (self->summary_label, summary);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    gtk_stack_set_visible_child_name (self->stack, is_filtered (self) ? "no-match" : "empty");
}

static void
on_column_view_activate (KassaInvoicesPage *self,
                         guint              position)
{
  g_autoptr(KassaInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (invoice == NULL)
    return;

  kassa_invoice_window_present (parent_window (self), self->store, kassa_invoice_get_id (invoice), 0);
}

static void
on_search_changed (KassaInvoicesPage *self)
{
  if (self->invoices == NULL)
    return;
  kassa_invoice_list_set_search (self->invoices,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_state (self);
}

static void
on_search_stopped (KassaInvoicesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_filter_changed (KassaInvoicesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = KASSA_INVOICE_FILTER_ALL;
  if (self->invoices == NULL)
    return;

  kassa_invoice_list_set_filter (self->invoices, (KassaInvoiceFilter) selected);
  update_state (self);
}

/* An empty entry is an open end; a date that does not parse is marked and
 * not applied, so the list keeps showing the last valid range. */
static gboolean
parse_range_entry (KassaInvoicesPage *self,
                   GtkEntry          *entry,
                   KassaDay          *day)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *example = NULL;
  g_autofree char *hint = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  *day = 0;
  if (text[0] == '\0' || kassa_day_parse (text, self->locale, self->today, day, &error))
    {
      example = kassa_day_format (self->today, self->locale);
      /* Translators: %s is today's date in the expected form */
      hint = g_strdup_printf (_("Issue date, e.g. %s"), example);
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), hint);
      return TRUE;
    }

  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
  return FALSE;
}

static void
on_date_range_changed (KassaInvoicesPage *self)
{
  KassaDay from, to;
  gboolean from_ok = parse_range_entry (self, self->from_entry, &from);
  gboolean to_ok = parse_range_entry (self, self->to_entry, &to);

  if (from_ok && to_ok && from != 0 && to != 0 && to < from)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->to_entry),
                                   _("The end date is before the start date"));
      return;
    }

  if (!from_ok || !to_ok)
    return;

  self->date_range_set = from != 0 || to != 0;
  if (self->invoices == NULL)
    return;
  kassa_invoice_list_set_date_range (self->invoices, from, to);
  update_state (self);
}

static void
on_sort_changed (KassaInvoicesPage *self)
{
  gboolean descending = FALSE;
  int key;

  /* The view's sorter also changes while the page is torn down. */
  if (self->column_view == NULL || self->invoices == NULL)
    return;

  key = kassa_column_sort_get_primary (self->column_view, &descending);

  /* Unsorted (a third click): newest first, which is what people expect. */
  if (key < 0)
    kassa_invoice_list_set_sort (self->invoices, KASSA_INVOICE_SORT_ISSUE_DATE, TRUE);
  else
    kassa_invoice_list_set_sort (self->invoices, (KassaInvoiceSort) key, descending);
}

static void
on_open_folder_clicked (AdwToast          *toast,
                        KassaInvoicesPage *self)
{
  kassa_document_export_open_uri (parent_window (self), g_object_get_data (G_OBJECT (toast), "uri"));
}

static void
add_toast (KassaInvoicesPage *self,
           const char        *text,
           const char        *folder_uri)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;

  /* Toast titles are markup; folder names may contain "&". */
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  if (folder_uri != NULL)
    {
      adw_toast_set_button_label (toast, _("Open _Folder"));
      adw_toast_set_timeout (toast, 10);
      g_object_set_data_full (G_OBJECT (toast), "uri", g_strdup (folder_uri), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_folder_clicked), self, 0);
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static guint
n_selected (KassaInvoicesPage *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  if (self->selection == NULL)
    return 0;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  return (guint) MIN (gtk_bitset_get_size (selected), G_MAXINT);
}

static void
update_batch_bar (KassaInvoicesPage *self)
{
  guint n = n_selected (self);
  gboolean running = self->batch_cancellable != NULL;
  g_autofree char *button = NULL;
  g_autofree char *selected = NULL;

  gtk_action_bar_set_revealed (self->batch_bar, n > 0 || running);
  gtk_widget_set_visible (GTK_WIDGET (self->batch_progress), running);
  gtk_widget_set_visible (GTK_WIDGET (self->batch_cancel_button), running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoices.save-pdfs", n > 0 && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoices.cancel-pdfs", running);

  /* Translators: the button that saves the selected invoices as PDF files */
  button = g_strdup_printf (ngettext ("Save %d PDF…", "Save %d PDFs…", n), (int) n);
  adw_button_content_set_label (self->save_pdfs_content, button);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_pdfs_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button, -1);
  if (running)
    return;

  /* Translators: how many invoices are selected in the list */
  selected = g_strdup_printf (ngettext ("%d invoice selected", "%d invoices selected", n), (int) n);
  gtk_label_set_text (self->batch_label, selected);
}

/* Reads only the selected rows of the lazy list: a million-row list with
 * a few rows selected loads a few rows. */
static GArray *
collect_selected_ids (KassaInvoicesPage *self,
                      guint             *n_drafts)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  *n_drafts = 0;
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more; more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(KassaInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (self->invoices), position);
      gint64 id;

      if (invoice == NULL)
        continue;
      if (kassa_invoice_get_summary (invoice)->state == KASSA_INVOICE_STATE_DRAFT)
        {
          (*n_drafts)++;
          continue;
        }

      id = kassa_invoice_get_id (invoice);
      g_array_append_val (ids, id);
    }

  return ids;
}

static void
on_batch_progress (GObject *source_object,
                   guint    n_done,
                   guint    n_total)
{
  KassaInvoicesPage *self = KASSA_INVOICES_PAGE (source_object);
  g_autofree char *text = NULL;

  /* Reports still queued when the page went away. */
  if (self->batch_cancellable == NULL)
    return;

  gtk_progress_bar_set_fraction (self->batch_progress, n_total > 0 ? (double) n_done / n_total : 0);
  /* Translators: progress of saving PDFs, e.g. "Saved 3 of 10 PDFs"; the
   * plural form follows the second number, the total */
  text = g_strdup_printf (ngettext ("Saved %d of %d PDF", "Saved %d of %d PDFs", n_total),
                          (int) n_done, (int) n_total);
  gtk_label_set_text (self->batch_label, text);
}

static void
report_batch (KassaInvoicesPage *self,
              const GError      *error,
              guint              n_saved,
              guint              n_drafts,
              const char        *folder)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = g_filename_display_basename (folder);
  g_autofree char *saved = NULL;

  /* Translators: %d is a number of PDF files, %s the folder they were saved in */
  saved = g_strdup_printf (ngettext ("Saved %d PDF to “%s”", "Saved %d PDFs to “%s”", n_saved),
                           (int) n_saved, name);

  if (error == NULL)
    add_toast (self, saved, uri);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = NULL;

      /* Translators: saving PDFs was stopped by the user after %d files */
      text = g_strdup_printf (ngettext ("Stopped after %d PDF", "Stopped after %d PDFs", n_saved),
                              (int) n_saved);
      add_toast (self, text, n_saved > 0 ? uri : NULL);
    }
  else
    {
      kassa_document_export_show_error (parent_window (self), _("Could Not Save PDFs"), error);
      if (n_saved > 0)
        add_toast (self, saved, uri);
    }

  if (n_drafts > 0)
    {
      g_autofree char *skipped = NULL;

      /* Translators: selected drafts get no PDF; %d is how many */
      skipped = g_strdup_printf (ngettext ("Skipped %d draft: drafts get their number when sent",
                                           "Skipped %d drafts: drafts get their number when sent",
                                           n_drafts), (int) n_drafts);
      add_toast (self, skipped, NULL);
    }
}

static void
on_batch_done (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  KassaInvoicesPage *self = KASSA_INVOICES_PAGE (source_object);
  g_autofree char *folder = g_steal_pointer (&self->batch_folder);
  g_autoptr(GError) error = NULL;
  guint n_saved = 0;

  kassa_document_batch_save_finish (result, &n_saved, &error);

  /* Disposed meanwhile: no one to tell. */
  if (self->batch_cancellable == NULL)
    return;

  g_clear_object (&self->batch_cancellable);
  update_batch_bar (self);
  report_batch (self, error, n_saved, self->batch_drafts, folder);
}

static void
start_batch (KassaInvoicesPage *self,
             GFile             *folder)
{
  g_autofree char *path = g_file_get_path (folder);

  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_WRITE,
                                                     _("This location cannot be written to. Choose a folder on this computer."));

      kassa_document_export_show_error (parent_window (self), _("Could Not Save PDFs"), error);
      return;
    }

  self->batch_folder = g_strdup (path);
  self->batch_cancellable = g_cancellable_new ();
  update_batch_bar (self);
  on_batch_progress (G_OBJECT (self), 0, self->batch_ids->len);

  kassa_document_batch_save_async (G_OBJECT (self), kassa_store_get_path (self->store),
                                   self->batch_ids, path, on_batch_progress,
                                   self->batch_cancellable, on_batch_done, NULL);
}

static void
on_folder_response (GtkNativeDialog   *chooser,
                    int                response,
                    KassaInvoicesPage *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL && self->batch_ids != NULL && self->batch_cancellable == NULL)
    start_batch (self, folder);

  g_clear_pointer (&self->batch_ids, g_array_unref);
  g_clear_object (&self->folder_chooser);
}

static void
save_pdfs_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KassaInvoicesPage *self = KASSA_INVOICES_PAGE (widget);
  g_autoptr(GArray) ids = NULL;
  GtkFileChooserNative *chooser;
  guint drafts = 0;

  if (self->batch_cancellable != NULL || self->folder_chooser != NULL)
    return;

  ids = collect_selected_ids (self, &drafts);
  if (ids->len == 0)
    {
      add_toast (self, ngettext ("The selected invoice is a draft: send it first",
                                 "The selected invoices are drafts: send them first", drafts),
                 NULL);
      return;
    }

  self->batch_ids = g_steal_pointer (&ids);
  self->batch_drafts = drafts;
  chooser = gtk_file_chooser_native_new (_("Choose a Folder for the PDFs"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  self->folder_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_folder_response), self, 0);
  gtk_native_dialog_show (self->folder_chooser);
}

static void
cancel_pdfs_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KassaInvoicesPage *self = KASSA_INVOICES_PAGE (widget);

  if (self->batch_cancellable == NULL)
    return;

  g_cancellable_cancel (self->batch_cancellable);
  gtk_label_set_text (self->batch_label, _("Stopping…"));
}

static void
new_invoice_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KassaInvoicesPage *self = KASSA_INVOICES_PAGE (widget);

  kassa_invoice_window_present (parent_window (self), self->store, 0, 0);
}

static void
open_payment_dialog (KassaStore *store,
                     gint64      invoice_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KASSA_IS_INVOICE_VIEW (window) &&
          kassa_invoice_view_get_invoice_id (KASSA_INVOICE_VIEW (window)) == invoice_id)
        gtk_widget_activate_action (GTK_WIDGET (window), "view.record-payment", NULL);
    }
}

static gboolean
open_from_environment (gpointer user_data)
{
  KassaInvoicesPage *self = KASSA_INVOICES_PAGE (user_data);
  const char *value = g_getenv (OPEN_INVOICE_ENV);
  gboolean pay = g_str_has_prefix (value, "pay:");

  if (g_str_has_prefix (value, "preview:"))
    kassa_document_preview_present (parent_window (self), self->store,
                                    g_ascii_strtoll (value + 8, NULL, 10));
  else if (g_str_has_prefix (value, "new"))
    kassa_invoice_window_present (parent_window (self), self->store, 0,
                                  value[3] == ':' ? g_ascii_strtoll (value + 4, NULL, 10) : 0);
  else
    kassa_invoice_window_present (parent_window (self), self->store,
                                  g_ascii_strtoll (pay ? value + 4 : value, NULL, 10), 0);

  if (pay)
    open_payment_dialog (self->store, g_ascii_strtoll (value + 4, NULL, 10));

  return G_SOURCE_REMOVE;
}

/* The list is queried when the page is first shown (or a filter is asked
 * for), so that opening a large company does not wait for it. */
static void
ensure_model (KassaInvoicesPage *self)
{
  if (self->invoices != NULL || self->store == NULL)
    return;

  self->invoices = kassa_invoice_list_new (self->store, self->today);
  kassa_invoice_list_freeze (self->invoices);
  kassa_invoice_list_set_sort (self->invoices, KASSA_INVOICE_SORT_ISSUE_DATE, TRUE);
  on_filter_changed (self);
  on_date_range_changed (self);
  on_search_changed (self);
  kassa_invoice_list_thaw (self->invoices);

  /* Several rows can be selected for "Save PDFs…"; activating one row
   * still opens that invoice. */
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->invoices)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_batch_bar), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (update_batch_bar), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  g_signal_connect_object (self->invoices, "items-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  /* Header clicks sort in SQL; start with the newest invoices first. */
  gtk_column_view_sort_by_column (self->column_view, self->issue_column, GTK_SORT_DESCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sort_changed), self, G_CONNECT_SWAPPED);
  update_state (self);
  update_batch_bar (self);
}

static void
kassa_invoices_page_map (GtkWidget *widget)
{
  KassaInvoicesPage *self = KASSA_INVOICES_PAGE (widget);

  GTK_WIDGET_CLASS (kassa_invoices_page_parent_class)->map (widget);
  ensure_model (self);

  if (!self->env_handled && g_getenv (OPEN_INVOICE_ENV) != NULL)
    {
      /* After the main window has painted, so the screenshot shows both. */
      self->env_handled = TRUE;
      g_timeout_add_full (G_PRIORITY_DEFAULT, 300, open_from_environment,
                          g_object_ref (self), g_object_unref);
    }
}

static void
kassa_invoices_page_dispose (GObject *object)
{
  KassaInvoicesPage *self = KASSA_INVOICES_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_INVOICES_PAGE);
  /* The template's top-level box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  /* A running batch stops after its current file; its result is ignored. */
  if (self->batch_cancellable != NULL)
    g_cancellable_cancel (self->batch_cancellable);
  g_clear_object (&self->batch_cancellable);
  if (self->folder_chooser != NULL)
    gtk_native_dialog_destroy (self->folder_chooser);
  g_clear_object (&self->folder_chooser);
  g_clear_pointer (&self->batch_ids, g_array_unref);
  g_clear_pointer (&self->batch_folder, g_free);
  g_clear_object (&self->selection);
  g_clear_object (&self->invoices);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_invoices_page_parent_class)->dispose (object);
}

static void
kassa_invoices_page_class_init (KassaInvoicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_invoices_page_dispose;
  widget_class->map = kassa_invoices_page_map;

  gtk_widget_class_install_action (widget_class, "invoices.new", NULL, new_invoice_action);
  gtk_widget_class_install_action (widget_class, "invoices.save-pdfs", NULL, save_pdfs_action);
  gtk_widget_class_install_action (widget_class, "invoices.cancel-pdfs", NULL, cancel_pdfs_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "invoices.save-pdfs", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kassa/Kassa/invoices/kassa-invoices-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, number_column);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, customer_column);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, issue_column);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, due_column);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, total_column);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, open_column);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, batch_bar);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, batch_label);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, batch_progress);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, save_pdfs_button);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, save_pdfs_content);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, batch_cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, setup_text_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_numeric_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_status_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_number_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_customer_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_issue_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_due_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_total_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_open_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_status_cell);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_range_changed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kassa_invoices_page_init (KassaInvoicesPage *self)
{
  self->locale = kassa_locale_current ();
  self->today = kassa_clock_today ();

  gtk_widget_init_template (GTK_WIDGET (self));
  kassa_invoice_labels_ensure_style ();

  kassa_column_sort_attach (self->number_column, KASSA_INVOICE_SORT_NUMBER);
  kassa_column_sort_attach (self->customer_column, KASSA_INVOICE_SORT_CUSTOMER);
  kassa_column_sort_attach (self->issue_column, KASSA_INVOICE_SORT_ISSUE_DATE);
  kassa_column_sort_attach (self->due_column, KASSA_INVOICE_SORT_DUE_DATE);
  kassa_column_sort_attach (self->total_column, KASSA_INVOICE_SORT_TOTAL);
  kassa_column_sort_attach (self->open_column, KASSA_INVOICE_SORT_OPEN);
}


GtkWidget *
kassa_invoices_page_new (KassaStore *store)
{
  KassaInvoicesPage *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_INVOICES_PAGE, NULL);
  self->store = g_object_ref (store);

  return GTK_WIDGET (self);
}

void
kassa_invoices_page_focus_search (KassaInvoicesPage *self)
{
  g_return_if_fail (KASSA_IS_INVOICES_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
kassa_invoices_page_show_filter (KassaInvoicesPage  *self,
                                 KassaInvoiceFilter  filter)
{
  g_return_if_fail (KASSA_IS_INVOICES_PAGE (self));
  g_return_if_fail (filter <= KASSA_INVOICE_FILTER_CREDITED);

  ensure_model (self);
  gtk_drop_down_set_selected (self->filter_dropdown, filter);
}
