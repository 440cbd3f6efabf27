/* kassa-document-export.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save as PDF and Print for one invoice or credit note: asks for a file
 * (GtkFileChooserNative) or a printer (GtkPrintOperation), draws the same
 * pages as kassa-invoice-document.c and reports the outcome: a toast on
 * success, a message dialog on errors.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

typedef enum
{
  KASSA_DOCUMENT_ACTION_PREVIEW,
  KASSA_DOCUMENT_ACTION_SAVE_PDF,
  KASSA_DOCUMENT_ACTION_PRINT,
} KassaDocumentAction;

/* Runs action (SAVE_PDF or PRINT) for invoice_id.  Toasts go to toasts.
 * just_sent: the invoice was numbered just now for this document, so a
 * cancelled file or print dialog is reported (the number stays taken). */
void kassa_document_export_run       (GtkWindow           *parent,
                                      AdwToastOverlay     *toasts,
                                      KassaStore          *store,
                                      gint64               invoice_id,
                                      KassaDocumentAction  action,
                                      gboolean             just_sent);

/* Shows error in a message dialog transient for parent. */
void kassa_document_export_show_error (GtkWindow          *parent,
                                       const char         *heading,
                                       const GError       *error);

/* Opens uri (a file or a folder) with the default application. */
void kassa_document_export_open_uri   (GtkWindow          *parent,
                                       const char         *uri);

G_END_DECLS
