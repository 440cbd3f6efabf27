/* kassa-document-preview.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages of a sent invoice or credit note on screen, drawn by the same
 * code as the PDF, with page navigation, zoom, Save as PDF and Print.
 * Shortcuts: Ctrl+plus / Ctrl+minus zoom, Ctrl+0 fits the width, Ctrl+P
 * prints, Ctrl+Shift+S saves a PDF, Escape closes.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_DOCUMENT_PREVIEW (kassa_document_preview_get_type ())

G_DECLARE_FINAL_TYPE (KassaDocumentPreview, kassa_document_preview, KASSA, DOCUMENT_PREVIEW, AdwWindow)

/* NULL with error when the invoice cannot be shown (a draft, not found). */
KassaDocumentPreview *kassa_document_preview_new          (KassaStore           *store,
                                                           gint64                invoice_id,
                                                           GError              **error);
gint64                kassa_document_preview_get_invoice_id (KassaDocumentPreview *self);
int                   kassa_document_preview_get_n_pages  (KassaDocumentPreview *self);
/* 0-based page shown at the top of the view. */
int                   kassa_document_preview_get_page     (KassaDocumentPreview *self);
/* Screen pixels per point: 4/3 is 100 % at 96 dpi. */
double                kassa_document_preview_get_scale    (KassaDocumentPreview *self);

/* Opens (or raises) the preview of invoice_id; errors in a dialog. */
void                  kassa_document_preview_present      (GtkWindow            *parent,
                                                           KassaStore           *store,
                                                           gint64                invoice_id);

G_END_DECLS
