/* kassa-collection-document.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reminder letters and customer statements on A4, drawn with cairo and
 * pango in the customer's document language, like invoice documents.
 */
#pragma once

#include <cairo.h>

#include "kassa-store.h"
#include "kassa-store-collections.h"

G_BEGIN_DECLS

typedef struct _KassaCollectionDocument KassaCollectionDocument;

/* A reminder letter to one customer about the given sent invoices (all the
 * customer's): its title follows the highest dunning step recorded on them
 * (reminder, second reminder, payment demand …), and each invoice shows
 * its number, dates, reference, open amount, the late interest and fees
 * recorded with its collection steps, and the total to pay by the pay-by
 * date of the latest step. */
KassaCollectionDocument *kassa_reminder_document_new      (KassaStore              *store,
                                                           gint64                   customer_id,
                                                           const gint64            *invoice_ids,
                                                           guint                    n_invoices,
                                                           KassaDay                 today,
                                                           GError                 **error);
/* A statement of account: the customer's open invoices as of a day with
 * days overdue, the balance and payment details. */
KassaCollectionDocument *kassa_statement_document_new     (KassaStore              *store,
                                                           gint64                   customer_id,
                                                           KassaDay                 as_of,
                                                           GError                 **error);
void                     kassa_collection_document_free   (KassaCollectionDocument *document);
int                      kassa_collection_document_get_n_pages (KassaCollectionDocument *document);
/* Draws page (0-based) in points on an A4 page at the origin of cr. */
void                     kassa_collection_document_draw_page (KassaCollectionDocument *document,
                                                           cairo_t                 *cr,
                                                           int                      page);
/* Written atomically, like invoice PDFs. */
gboolean                 kassa_collection_document_write_pdf (KassaCollectionDocument *document,
                                                           const char              *path,
                                                           GError                 **error);
/* "Reminder 1001 Customer.pdf" style, in the document language. */
char                    *kassa_collection_document_suggest_filename (KassaCollectionDocument *document);
/* The 54 digits of the Finnish bank barcode on a one-invoice reminder, or
 * NULL (several invoices, a statement, not EUR, not a Finnish IBAN …). */
const char              *kassa_collection_document_get_virtual_barcode
                                                          (KassaCollectionDocument *document);
/* The EPC QR code payload on a one-invoice reminder, or NULL. */
const char              *kassa_collection_document_get_epc_payload
                                                          (KassaCollectionDocument *document);
/* Where the barcode and the QR code sit on the last page (points; empty
 * rectangles when absent); FALSE when the document carries no codes. */
gboolean                 kassa_collection_document_get_code_areas
                                                          (KassaCollectionDocument *document,
                                                           cairo_rectangle_t       *barcode,
                                                           cairo_rectangle_t       *qr);
/* The highest dunning step recorded on a reminder's invoices, which picks
 * its title and wording; 0 for none and for statements. */
KassaCollectionKind      kassa_collection_document_get_level (KassaCollectionDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaCollectionDocument, kassa_collection_document_free)

G_END_DECLS
