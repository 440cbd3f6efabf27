/* kassa-invoice-document.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An invoice or credit note on A4 pages: loading what the pages show, in
 * the customer's document language, and writing the PDF.  The layout
 * itself is in kassa-invoice-document-pages.c.
 */
#define G_LOG_DOMAIN "kassa-documents"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-document-layout.h"
#include "kassa-invoice-document-private.h"
#include "kassa-money.h"

G_DEFINE_QUARK (kassa-document-error-quark, kassa_document_error)

/* Loading */

static gboolean
load_records (KassaInvoiceDocument  *self,
              KassaStore            *store,
              gint64                 invoice_id,
              GError               **error)
{
  self->invoice = kassa_store_get_invoice (store, invoice_id, error);
  if (self->invoice == NULL)
    return FALSE;

  if (self->invoice->state == KASSA_INVOICE_STATE_DRAFT)
    {
      g_set_error_literal (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_INVALID,
                           _("Send the invoice before printing it: a draft has no number yet."));
      return FALSE;
    }

  self->company = kassa_store_get_company (store);
  if (self->company == NULL)
    {
      g_set_error_literal (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_INVALID,
                           _("Enter the company details before printing invoices."));
      return FALSE;
    }

  self->customer = kassa_store_get_customer (store, self->invoice->customer_id, error);
  if (self->customer == NULL)
    return FALSE;

  if (!kassa_store_get_invoice_amounts (store, invoice_id, &self->total, &self->paid, error) ||
      !kassa_store_get_invoice_open_amount (store, invoice_id, &self->open, error))
    return FALSE;

  if (self->invoice->credited_invoice_id != 0)
    {
      g_autoptr(KassaInvoiceRecord) credited =
        kassa_store_get_invoice (store, self->invoice->credited_invoice_id, error);

      if (credited == NULL)
        return FALSE;
      self->credited_number = credited->number;
    }

  return TRUE;
}

static void
compute_vat (KassaInvoiceDocument *self)
{
  /* The same summary the store totals come from, so the rounding is the
   * one rule of kassa-vat.c. */
  self->vat = kassa_vat_summary_new ();
  for (guint i = 0; i < self->invoice->lines->len; i++)
    {
      const KassaInvoiceLine *line = g_ptr_array_index (self->invoice->lines, i);

      kassa_vat_summary_add_line (self->vat, line->vat_rate, kassa_invoice_line_get_net (line));
    }
}

static void
prepare_reference (KassaInvoiceDocument *self)
{
  self->reference = kassa_document_print_reference (self->company, self->catalog,
                                                    self->invoice->reference,
                                                    &self->reference_label);
}

/* The request the payment codes are built from: what is still open, by
 * the due date, with the invoice's reference.  A credit note asks for no
 * payment. */
static void
prepare_payment_codes (KassaInvoiceDocument *self)
{
  g_autofree char *number = kassa_format_int64 (self->invoice->number);
  g_autofree char *message = NULL;
  KassaPaymentRequest request = {
    .company = self->company,
    .currency = self->invoice->currency,
    .amount = self->open,
    .reference = self->invoice->reference,
    .due_date = self->invoice->due_date,
    .number = self->invoice->number,
  };

  if (kassa_invoice_document_is_credit_note (self))
    return;

  /* Translators: message of a payment without a reference; %s is the
   * invoice number. */
  message = kassa_document_catalog_format (self->catalog, NC_("document", "Invoice %s"),
                                           number, NULL);
  request.message = message;
  self->virtual_barcode = kassa_document_bank_barcode (&request);
  self->epc_payload = kassa_document_epc_payload (&request);
}

/* Public API */

/**
 * kassa_invoice_document_new:
 * @store: the company file
 * @invoice_id: a sent invoice or credit note
 * @error: a #KASSA_DOCUMENT_ERROR (drafts, no company) or #KASSA_STORE_ERROR
 *
 * Returns: (transfer full) (nullable): the laid-out document
 */
KassaInvoiceDocument *
kassa_invoice_document_new (KassaStore  *store,
                            gint64       invoice_id,
                            GError     **error)
{
  g_autoptr(KassaInvoiceDocument) self = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (KassaInvoiceDocument, 1);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  if (!load_records (self, store, invoice_id, error))
    return NULL;

  self->locale = kassa_locale_from_name (self->customer->document_language);
  self->catalog = kassa_document_catalog_new (self->locale);
  self->context = kassa_document_context_new ();
  self->logo = kassa_document_load_logo (self->company->logo);

  compute_vat (self);
  prepare_reference (self);
  prepare_payment_codes (self);
  kassa_invoice_document_paginate (self);

  return g_steal_pointer (&self);
}

void
kassa_invoice_document_free (KassaInvoiceDocument *document)
{
  if (document == NULL)
    return;

  g_clear_pointer (&document->company, kassa_company_free);
  g_clear_pointer (&document->customer, kassa_customer_record_free);
  g_clear_pointer (&document->invoice, kassa_invoice_record_free);
  g_clear_pointer (&document->catalog, kassa_document_catalog_free);
  g_clear_object (&document->context);
  g_clear_pointer (&document->logo, cairo_surface_destroy);
  g_clear_pointer (&document->vat, kassa_vat_summary_free);
  g_free (document->reference);
  g_free (document->virtual_barcode);
  g_free (document->epc_payload);
  g_free (document->row_heights);
  g_clear_pointer (&document->pages, g_array_unref);
  g_free (document);
}

int
kassa_invoice_document_get_n_pages (KassaInvoiceDocument *document)
{
  g_return_val_if_fail (document != NULL, 0);

  return (int) document->pages->len;
}

void
kassa_invoice_document_draw_page (KassaInvoiceDocument *document,
                                  cairo_t              *cr,
                                  int                   page)
{
  g_return_if_fail (document != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page >= 0 && page < (int) document->pages->len);

  cairo_save (cr);
  kassa_invoice_document_render_page (document, cr, page);
  cairo_restore (cr);
}

const char *
kassa_invoice_document_get_virtual_barcode (KassaInvoiceDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  return document->virtual_barcode;
}

const char *
kassa_invoice_document_get_epc_payload (KassaInvoiceDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  return document->epc_payload;
}

gboolean
kassa_invoice_document_get_code_areas (KassaInvoiceDocument *document,
                                       cairo_rectangle_t    *barcode,
                                       cairo_rectangle_t    *qr)
{
  g_return_val_if_fail (document != NULL, FALSE);

  return kassa_invoice_document_locate_codes (document, barcode, qr);
}

/* Writing the PDF */

static void
draw_pdf_page (gpointer  document,
               cairo_t  *cr,
               int       page)
{
  kassa_invoice_document_draw_page (document, cr, page);
}

gboolean
kassa_invoice_document_write_pdf (KassaInvoiceDocument  *document,
                                  const char            *path,
                                  GError               **error)
{
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  number = kassa_format_int64 (document->invoice->number);
  title = g_strconcat (kassa_invoice_document_get_kind (document), " ", number, NULL);
  return kassa_document_write_pdf (path, title, document->company->name,
                                   (int) document->pages->len, draw_pdf_page, document, error);
}

/**
 * kassa_invoice_document_suggest_filename:
 * @document: a document
 *
 * Returns: (transfer full): a file name such as "Lasku 1000 – Asiakas Oy.pdf"
 * in the document language, without directory separators.
 */
char *
kassa_invoice_document_suggest_filename (KassaInvoiceDocument *document)
{
  g_autofree char *number = NULL;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (document != NULL, NULL);

  number = kassa_format_int64 (document->invoice->number);
  prefix = g_strconcat (kassa_invoice_document_get_kind (document), " ", number, " – ", NULL);
  return kassa_document_filename (prefix, document->customer->name);
}
