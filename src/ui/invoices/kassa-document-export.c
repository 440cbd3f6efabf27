/* kassa-document-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-documents"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kassa-document-export.h"
#include "kassa-invoice-document.h"

typedef struct
{
  GtkWindow            *parent;     /* weak */
  AdwToastOverlay      *toasts;     /* weak */
  KassaStore           *store;
  gint64                invoice_id;
  KassaInvoiceDocument *document;
  KassaDocumentAction   action;
  gboolean              just_sent;
  gboolean              finished;
  GtkNativeDialog      *chooser;
  GtkPrintOperation    *operation;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_weak_pointer (&job->parent);
  g_clear_weak_pointer (&job->toasts);
  g_clear_object (&job->store);
  g_clear_pointer (&job->document, kassa_invoice_document_free);
  g_clear_object (&job->chooser);
  g_clear_object (&job->operation);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static void
on_open_clicked (AdwToast *toast,
                 gpointer  user_data)
{
  GApplication *application = g_application_get_default ();
  GtkWindow *parent = NULL;

  /* The window that started the export may be gone by now. */
  if (GTK_IS_APPLICATION (application))
    parent = gtk_application_get_active_window (GTK_APPLICATION (application));

  kassa_document_export_open_uri (parent, g_object_get_data (G_OBJECT (toast), "uri"));
}

static void
add_toast (ExportJob  *job,
           const char *text,
           const char *open_uri)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast;

  if (job->toasts == NULL)
    return;

  /* Toast titles are markup: a file name may contain "&". */
  toast = adw_toast_new (escaped);
  if (open_uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_timeout (toast, 10);
      g_object_set_data_full (G_OBJECT (toast), "uri", g_strdup (open_uri), g_free);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (on_open_clicked), NULL);
    }

  adw_toast_overlay_add_toast (job->toasts, toast);
}

/* The number was taken when the invoice was sent; say so, or the user may
 * think nothing happened. */
static void
report_cancelled (ExportJob *job)
{
  g_autoptr(KassaInvoiceRecord) record = NULL;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  if (!job->just_sent)
    return;

  record = kassa_store_get_invoice (job->store, job->invoice_id, NULL);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, record != NULL ? record->number : 0);
  if (job->action == KASSA_DOCUMENT_ACTION_PRINT)
    /* Translators: %s is the invoice number; the print dialog was cancelled */
    text = g_strdup_printf (_("Invoice %s was sent; it was not printed"), number);
  else
    /* Translators: %s is the invoice number; the save dialog was cancelled */
    text = g_strdup_printf (_("Invoice %s was sent; the PDF was not saved"), number);

  add_toast (job, text, NULL);
}

static gboolean
write_to_file (ExportJob  *job,
               GFile      *file,
               GError    **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_set_error_literal (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_WRITE,
                           _("This location cannot be written to. Choose a folder on this computer."));
      return FALSE;
    }

  return kassa_invoice_document_write_pdf (job->document, path, error);
}

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  ExportJob       *job_data)
{
  g_autoptr(ExportJob) job = job_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      report_cancelled (job);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (!write_to_file (job, file, &error))
    {
      kassa_document_export_show_error (job->parent, _("Could Not Save PDF"), error);
      report_cancelled (job);
      return;
    }

  name = g_file_get_basename (file);
  uri = g_file_get_uri (file);
  /* Translators: %s is the name of the PDF file just written */
  text = g_strdup_printf (_("Saved “%s”"), name);
  add_toast (job, text, uri);
}

static GtkFileFilter *
pdf_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  return filter;
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
start_save (ExportJob *job)
{
  g_autofree char *suggested = kassa_invoice_document_suggest_filename (job->document);
  g_autoptr(GtkFileFilter) filter = pdf_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save as PDF"), job->parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  set_documents_folder (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);

  job->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), job);
  gtk_native_dialog_show (job->chooser);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              ExportJob         *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  /* The A4 page, with its own margins, fits into the printable area. */
  double scale = MIN (width / KASSA_DOCUMENT_PAGE_WIDTH, height / KASSA_DOCUMENT_PAGE_HEIGHT);

  cairo_save (cr);
  cairo_translate (cr, (width - KASSA_DOCUMENT_PAGE_WIDTH * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  kassa_invoice_document_draw_page (job->document, cr, page);
  cairo_restore (cr);
}

static void
finish_print (ExportJob               *job,
              GtkPrintOperationResult  result,
              const GError            *error)
{
  if (job->finished)
    return;
  job->finished = TRUE;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      kassa_document_export_show_error (job->parent, _("Could Not Print"), error);
      report_cancelled (job);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_CANCEL)
    report_cancelled (job);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    add_toast (job, _("Sent to the printer"), NULL);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               ExportJob               *job)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);

  finish_print (job, result, error);
  /* Deferred: the operation is still emitting this signal. */
  g_idle_add_once ((GSourceOnceFunc) export_job_free, job);
}

static GtkPageSetup *
a4_page_setup_new (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_paper_size_free (a4);
  return setup;
}

static void
start_print (ExportJob *job)
{
  g_autoptr(GtkPageSetup) setup = a4_page_setup_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = kassa_invoice_document_suggest_filename (job->document);
  GtkPrintOperationResult result;

  /* "Invoice 1000 – Customer" without ".pdf" names the print job. */
  if (g_str_has_suffix (job_name, ".pdf"))
    job_name[strlen (job_name) - 4] = '\0';

  job->operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (job->operation, setup);
  gtk_print_operation_set_n_pages (job->operation,
                                   kassa_invoice_document_get_n_pages (job->document));
  gtk_print_operation_set_unit (job->operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (job->operation, FALSE);
  gtk_print_operation_set_job_name (job->operation, job_name);
  gtk_print_operation_set_allow_async (job->operation, TRUE);
  g_signal_connect (job->operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (job->operation, "done", G_CALLBACK (on_print_done), job);

  result = gtk_print_operation_run (job->operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    job->parent, &error);
  /* "done" frees the job; an error before the dialog may come only here. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    finish_print (job, result, error);
}

void
kassa_document_export_run (GtkWindow           *parent,
                           AdwToastOverlay     *toasts,
                           KassaStore          *store,
                           gint64               invoice_id,
                           KassaDocumentAction  action,
                           gboolean             just_sent)
{
  g_autoptr(ExportJob) job = g_new0 (ExportJob, 1);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (toasts == NULL || ADW_IS_TOAST_OVERLAY (toasts));
  g_return_if_fail (KASSA_IS_STORE (store));
  g_return_if_fail (action == KASSA_DOCUMENT_ACTION_SAVE_PDF ||
                    action == KASSA_DOCUMENT_ACTION_PRINT);

  g_set_weak_pointer (&job->parent, parent);
  g_set_weak_pointer (&job->toasts, toasts);
  job->store = g_object_ref (store);
  job->invoice_id = invoice_id;
  job->action = action;
  job->just_sent = just_sent;

  job->document = kassa_invoice_document_new (store, invoice_id, &error);
  if (job->document == NULL)
    {
      kassa_document_export_show_error (parent, action == KASSA_DOCUMENT_ACTION_PRINT
                                                ? _("Could Not Print") : _("Could Not Save PDF"),
                                        error);
      report_cancelled (job);
      return;
    }

  if (action == KASSA_DOCUMENT_ACTION_PRINT)
    start_print (g_steal_pointer (&job));
  else
    start_save (g_steal_pointer (&job));
}

void
kassa_document_export_show_error (GtkWindow    *parent,
                                  const char   *heading,
                                  const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (heading != NULL);

  dialog = adw_message_dialog_new (parent, heading,
                                   error != NULL ? error->message : _("Something went wrong."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
kassa_document_export_open_uri (GtkWindow  *parent,
                                const char *uri)
{
  g_return_if_fail (uri != NULL);

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}
