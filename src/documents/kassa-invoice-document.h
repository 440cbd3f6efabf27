/* kassa-invoice-document.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An invoice or credit note laid out on A4 pages (points, 595.28 × 841.89)
 * with cairo and pango: the same drawing code serves the PDF file, the
 * preview on screen and printing.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_DOCUMENT_ERROR (kassa_document_error_quark ())

typedef enum
{
  KASSA_DOCUMENT_ERROR_INVALID,   /* the invoice cannot be rendered (draft, …) */
  KASSA_DOCUMENT_ERROR_WRITE,     /* the PDF file could not be written */
} KassaDocumentError;

#define KASSA_DOCUMENT_PAGE_WIDTH  595.28
#define KASSA_DOCUMENT_PAGE_HEIGHT 841.89

typedef struct _KassaInvoiceDocument KassaInvoiceDocument;

GQuark                kassa_document_error_quark        (void);

/* Loads everything the document needs from the store (company, customer,
 * invoice with lines, paid amount, the credited invoice's number for a
 * credit note) and lays it out in the customer's document language. */
KassaInvoiceDocument *kassa_invoice_document_new        (KassaStore            *store,
                                                         gint64                 invoice_id,
                                                         GError               **error);
void                  kassa_invoice_document_free       (KassaInvoiceDocument  *document);
int                   kassa_invoice_document_get_n_pages (KassaInvoiceDocument *document);
/* Draws page (0-based) in points with the origin at the page's top left. */
void                  kassa_invoice_document_draw_page  (KassaInvoiceDocument  *document,
                                                         cairo_t               *cr,
                                                         int                    page);
gboolean              kassa_invoice_document_write_pdf  (KassaInvoiceDocument  *document,
                                                         const char            *path,
                                                         GError               **error);
/* The 54 digits of the Finnish bank barcode printed on the last page, or
 * NULL when the invoice carries none (credit note, not EUR, not a Finnish
 * IBAN, nothing due, …). */
const char           *kassa_invoice_document_get_virtual_barcode (KassaInvoiceDocument *document);
/* The EPC QR code payload printed on the last page, or NULL. */
const char           *kassa_invoice_document_get_epc_payload (KassaInvoiceDocument *document);
/* Where the barcode and the QR code sit on the last page (points; empty
 * rectangles when absent).  FALSE when the document has no payment slip. */
gboolean              kassa_invoice_document_get_code_areas (KassaInvoiceDocument *document,
                                                             cairo_rectangle_t    *barcode,
                                                             cairo_rectangle_t    *qr);
/* "Invoice 1000 – Customer Oy.pdf"-style name in the document language. */
char                 *kassa_invoice_document_suggest_filename (KassaInvoiceDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaInvoiceDocument, kassa_invoice_document_free)

G_END_DECLS
