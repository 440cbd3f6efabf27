/* kassa-document-batch.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the PDFs of many invoices into one folder in a worker thread.  The
 * worker opens its own connection to the company file (a KassaStore must
 * not be shared between threads) and never replaces an existing file:
 * "Invoice 1000 – Customer.pdf" becomes "… (2).pdf" when the name is taken.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Called in the caller's main context after each written file. */
typedef void (*KassaDocumentBatchProgress) (GObject *source_object,
                                            guint    n_done,
                                            guint    n_total);

/* invoice_ids: gint64 ids of sent invoices or credit notes (copied). */
void     kassa_document_batch_save_async  (GObject                    *source_object,
                                           const char                 *store_path,
                                           GArray                     *invoice_ids,
                                           const char                 *folder,
                                           KassaDocumentBatchProgress  progress,
                                           GCancellable               *cancellable,
                                           GAsyncReadyCallback         callback,
                                           gpointer                    user_data);
/* n_saved is set also on errors and cancellation (G_IO_ERROR_CANCELLED):
 * the files written before stay. */
gboolean kassa_document_batch_save_finish (GAsyncResult               *result,
                                           guint                      *n_saved,
                                           GError                    **error);

/* (transfer full): a path in folder for name that did not exist and now
 * does (created empty, so that no one else takes it). */
char    *kassa_document_batch_reserve_path (const char                *folder,
                                            const char                *name,
                                            GError                   **error);

G_END_DECLS
