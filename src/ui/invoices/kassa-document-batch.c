/* kassa-document-batch.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-documents"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kassa-document-batch.h"
#include "kassa-invoice-document.h"
#include "kassa-store.h"

/* More copies of one name than this is not a name clash but a loop. */
#define MAX_NAME_COPIES 1000

typedef struct
{
  char                       *store_path;
  GArray                     *invoice_ids;
  char                       *folder;
  KassaDocumentBatchProgress  progress;
  guint                       n_saved;  /* written by the worker, read after it returned */
} BatchData;

typedef struct
{
  GObject                    *source_object;
  KassaDocumentBatchProgress  progress;
  guint                       n_done;
  guint                       n_total;
} ProgressReport;

static void
batch_data_free (BatchData *data)
{
  g_free (data->store_path);
  g_array_unref (data->invoice_ids);
  g_free (data->folder);
  g_free (data);
}

static void
progress_report_free (ProgressReport *report)
{
  g_clear_object (&report->source_object);
  g_free (report);
}

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressReport *report = user_data;

  report->progress (report->source_object, report->n_done, report->n_total);
  return G_SOURCE_REMOVE;
}

static void
report_progress (GTask     *task,
                 BatchData *data)
{
  ProgressReport *report;

  if (data->progress == NULL)
    return;

  report = g_new0 (ProgressReport, 1);
  report->source_object = g_task_get_source_object (task);
  if (report->source_object != NULL)
    g_object_ref (report->source_object);
  report->progress = data->progress;
  report->n_done = data->n_saved;
  report->n_total = data->invoice_ids->len;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, deliver_progress,
                              report, (GDestroyNotify) progress_report_free);
}

static char *
numbered_name (const char *name,
               int         copy)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = NULL;

  if (copy == 1)
    return g_strdup (name);
  if (dot == NULL || dot == name)
    return g_strdup_printf ("%s (%d)", name, copy);

  stem = g_strndup (name, dot - name);
  return g_strdup_printf ("%s (%d)%s", stem, copy, dot);
}

char *
kassa_document_batch_reserve_path (const char  *folder,
                                   const char  *name,
                                   GError     **error)
{
  g_autofree char *safe_name = g_strdup (name);

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* A customer name is part of the file name: keep it in this folder. */
  g_strdelimit (safe_name, "/\\", '-');

  for (int copy = 1; copy <= MAX_NAME_COPIES; copy++)
    {
      g_autofree char *candidate = numbered_name (safe_name, copy);
      g_autofree char *path = g_build_filename (folder, candidate, NULL);
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
      int saved_errno = errno;

      if (fd >= 0)
        {
          g_close (fd, NULL);
          return g_steal_pointer (&path);
        }
      if (saved_errno != EEXIST)
        {
          g_set_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_WRITE,
                       /* Translators: %s is a file path, the second %s why it failed */
                       _("Cannot create “%s”: %s. Choose another folder."),
                       path, g_strerror (saved_errno));
          return NULL;
        }
    }

  g_set_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_WRITE,
               /* Translators: %s is a file name */
               _("Too many files named like “%s” in this folder. Choose another folder."), name);
  return NULL;
}

static gboolean
save_one (KassaStore  *store,
          gint64       invoice_id,
          const char  *folder,
          GError     **error)
{
  g_autoptr(KassaInvoiceDocument) document = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  document = kassa_invoice_document_new (store, invoice_id, error);
  if (document == NULL)
    return FALSE;

  name = kassa_invoice_document_suggest_filename (document);
  path = kassa_document_batch_reserve_path (folder, name, error);
  if (path == NULL)
    return FALSE;

  if (!kassa_invoice_document_write_pdf (document, path, error))
    {
      /* Leave no empty placeholder behind. */
      g_unlink (path);
      return FALSE;
    }

  return TRUE;
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  BatchData *data = task_data;
  g_autoptr(KassaStore) store = NULL;
  GError *error = NULL;

  store = kassa_store_open (data->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < data->invoice_ids->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
          !save_one (store, g_array_index (data->invoice_ids, gint64, i), data->folder, &error))
        {
          g_task_return_error (task, error);
          return;
        }

      data->n_saved++;
      report_progress (task, data);
    }

  g_task_return_boolean (task, TRUE);
}

void
kassa_document_batch_save_async (GObject                    *source_object,
                                 const char                 *store_path,
                                 GArray                     *invoice_ids,
                                 const char                 *folder,
                                 KassaDocumentBatchProgress  progress,
                                 GCancellable               *cancellable,
                                 GAsyncReadyCallback         callback,
                                 gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  BatchData *data;

  g_return_if_fail (store_path != NULL);
  g_return_if_fail (invoice_ids != NULL);
  g_return_if_fail (g_array_get_element_size (invoice_ids) == sizeof (gint64));
  g_return_if_fail (folder != NULL);

  data = g_new0 (BatchData, 1);
  data->store_path = g_strdup (store_path);
  data->invoice_ids = g_array_copy (invoice_ids);
  data->folder = g_strdup (folder);
  data->progress = progress;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, kassa_document_batch_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) batch_data_free);
  /* Cancelling stops between files; the result still says how many were
   * written, so the GTask must not return early on its own. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, save_in_thread);
}

gboolean
kassa_document_batch_save_finish (GAsyncResult  *result,
                                  guint         *n_saved,
                                  GError       **error)
{
  GTask *task;
  BatchData *data;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kassa_document_batch_save_async,
                        FALSE);

  task = G_TASK (result);
  data = g_task_get_task_data (task);
  if (n_saved != NULL)
    *n_saved = data->n_saved;

  return g_task_propagate_boolean (task, error);
}
