/* kassa-invoice-document.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An invoice or credit note on A4 pages: loading what the pages show, in
 * the customer's document language, and writing the PDF.  The layout
 * itself is in kassa-invoice-document-pages.c.
 */
#define G_LOG_DOMAIN "kassa-documents"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "kassa-bank-barcode.h"
#include "kassa-document-layout.h"
#include "kassa-epc-qr.h"
#include "kassa-invoice-document-private.h"
#include "kassa-money.h"
#include "kassa-reference.h"

/* Below NAME_MAX (255), with room for the " (2)" a batch export adds. */
#define FILENAME_MAX_BYTES 200

G_DEFINE_QUARK (kassa-document-error-quark, kassa_document_error)

/* Loading */

typedef struct
{
  GBytes *data;
  gsize   offset;
} PngReader;

static cairo_status_t
read_png_bytes (void          *closure,
                unsigned char *buffer,
                unsigned int   length)
{
  PngReader *reader = closure;
  gsize size;
  const guint8 *data = g_bytes_get_data (reader->data, &size);

  if (size - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (buffer, data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* A logo that cannot be read is left out (the name is printed instead):
 * a broken image must not stop the invoice. */
static cairo_surface_t *
load_logo (GBytes *data)
{
  PngReader reader = { data, 0 };
  cairo_surface_t *surface;

  if (data == NULL)
    return NULL;

  surface = cairo_image_surface_create_from_png_stream (read_png_bytes, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS ||
      cairo_image_surface_get_width (surface) <= 0 ||
      cairo_image_surface_get_height (surface) <= 0)
    {
      g_warning ("The company logo cannot be read: %s",
                 cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  return surface;
}

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

/* The RF form of the Finnish reference without spaces, or NULL. */
static char *
rf_reference (KassaInvoiceDocument *self)
{
  const char *reference = self->invoice->reference;

  if (kassa_invoice_document_is_swedish (self) || kassa_is_blank (reference) ||
      !kassa_reference_fi_is_valid (reference))
    return NULL;

  return kassa_reference_rf_from_fi (reference);
}

static void
prepare_reference (KassaInvoiceDocument *self)
{
  const char *reference = self->invoice->reference;
  g_autofree char *rf = rf_reference (self);

  if (kassa_invoice_document_is_swedish (self))
    {
      self->reference_label = T (NC_("document", "OCR number"));
      self->reference = g_strdup (reference);
      return;
    }

  self->reference_label = T (NC_("document", "Reference"));
  if (rf != NULL && self->company->reference_style == KASSA_REFERENCE_STYLE_RF)
    self->reference = kassa_reference_rf_format (rf);
  else if (!kassa_is_blank (reference) && kassa_reference_fi_is_valid (reference))
    self->reference = kassa_reference_fi_format (reference);
  else
    self->reference = g_strdup (reference);
}

static gboolean
can_carry_bank_barcode (KassaInvoiceDocument *self)
{
  g_autofree char *iban = NULL;

  if (kassa_invoice_document_is_credit_note (self) || kassa_invoice_document_is_swedish (self) ||
      strcmp (self->invoice->currency, "EUR") != 0 || kassa_is_blank (self->company->iban))
    return FALSE;

  iban = kassa_iban_normalize (self->company->iban);
  return iban != NULL && g_str_has_prefix (iban, "FI") &&
         self->open > 0 && self->open <= G_GINT64_CONSTANT (99999999);
}

static void
prepare_bank_barcode (KassaInvoiceDocument *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rf = NULL;
  const char *reference = self->invoice->reference;

  if (!can_carry_bank_barcode (self))
    return;

  /* Version 5 carries the RF form, version 4 the national one. */
  if (self->company->reference_style == KASSA_REFERENCE_STYLE_RF)
    {
      rf = rf_reference (self);
      reference = rf;
    }

  /* No Finnish reference to build the RF form on (an OCR number from when
   * the company was Swedish, or none at all): no barcode. */
  if (kassa_is_blank (reference))
    {
      g_debug ("Invoice %" G_GINT64_FORMAT " gets no bank barcode: no Finnish reference",
               self->invoice->number);
      return;
    }

  self->virtual_barcode = kassa_bank_barcode_digits (self->company->iban, self->open,
                                                     reference, self->invoice->due_date, &error);
  if (self->virtual_barcode == NULL)
    g_debug ("Invoice %" G_GINT64_FORMAT " gets no bank barcode: %s",
             self->invoice->number, error->message);
}

static void
prepare_epc_qr (KassaInvoiceDocument *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rf = rf_reference (self);
  g_autofree char *iban = NULL;
  g_autofree char *remittance = NULL;
  g_autofree char *number = NULL;
  KassaEpcPayment payment = { 0 };

  if (kassa_invoice_document_is_credit_note (self) || strcmp (self->invoice->currency, "EUR") != 0 ||
      kassa_is_blank (self->company->iban) || self->open <= 0)
    return;

  iban = kassa_iban_normalize (self->company->iban);
  number = kassa_format_int64 (self->invoice->number);
  /* Without an RF reference (a Swedish OCR number) the bank shows the
   * payee a message instead. */
  if (rf == NULL)
    remittance = kassa_document_catalog_format (self->catalog,
                                                /* Translators: message of a payment without a
                                                 * reference; %s is the invoice number. */
                                                NC_("document", "Invoice %s"),
                                                number, NULL);

  payment.bic = kassa_is_blank (self->company->bic) ? NULL : self->company->bic;
  payment.name = self->company->name;
  payment.iban = iban;
  payment.amount_cents = self->open;
  payment.reference = rf;
  payment.text = remittance;
  payment.due_date = self->invoice->due_date;

  self->epc_payload = kassa_epc_qr_payload (&payment, &error);
  if (self->epc_payload == NULL)
    g_debug ("Invoice %" G_GINT64_FORMAT " gets no EPC QR code: %s",
             self->invoice->number, error->message);
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
  self->logo = load_logo (self->company->logo);

  compute_vat (self);
  prepare_reference (self);
  prepare_bank_barcode (self);
  prepare_epc_qr (self);
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

typedef struct
{
  FILE *file;
  int   errsv;
} PdfWriter;

static cairo_status_t
write_pdf_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  PdfWriter *writer = closure;

  if (fwrite (data, 1, length, writer->file) != length)
    {
      writer->errsv = errno;
      return CAIRO_STATUS_WRITE_ERROR;
    }

  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
render_pdf (KassaInvoiceDocument *self,
            PdfWriter            *writer)
{
  g_autofree char *number = kassa_format_int64 (self->invoice->number);
  g_autofree char *title = g_strconcat (kassa_invoice_document_get_kind (self), " ", number, NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (write_pdf_bytes, writer,
                                                  KASSA_DOCUMENT_PAGE_WIDTH,
                                                  KASSA_DOCUMENT_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->company->name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kassa");
  cr = cairo_create (surface);

  for (guint page = 0; page < self->pages->len; page++)
    {
      kassa_invoice_document_draw_page (self, cr, (int) page);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: %s is a file name, then the reason from the system. */
  g_set_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_WRITE,
               _("The PDF file “%s” could not be saved: %s. Choose another folder or file name."),
               display, reason);
  return FALSE;
}

/* Writes next to the target and renames over it, so that a failure never
 * leaves a half-written PDF behind (or destroys an older one). */
gboolean
kassa_invoice_document_write_pdf (KassaInvoiceDocument  *document,
                                  const char            *path,
                                  GError               **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *temp_path = NULL;
  PdfWriter writer = { NULL, 0 };
  cairo_status_t status;
  int fd;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  /* Not named after the target: a target name near the file system's
   * limit would make a longer temporary name fail. */
  temp_path = g_strdup_printf ("%s%c.kassa-pdf-XXXXXX", dir, G_DIR_SEPARATOR);

  fd = g_mkstemp_full (temp_path, O_WRONLY, 0644);
  if (fd < 0)
    return set_write_error (error, path, g_strerror (errno));

  writer.file = fdopen (fd, "wb");
  if (writer.file == NULL)
    {
      int errsv = errno;

      close (fd);
      g_unlink (temp_path);
      return set_write_error (error, path, g_strerror (errsv));
    }

  status = render_pdf (document, &writer);
  /* On disk before the rename, so that a crash cannot replace an older
   * PDF with an empty file. */
  if ((fflush (writer.file) != 0 || fsync (fileno (writer.file)) != 0) && writer.errsv == 0)
    writer.errsv = errno;
  if (fclose (writer.file) != 0 && writer.errsv == 0)
    writer.errsv = errno;

  if (status != CAIRO_STATUS_SUCCESS || writer.errsv != 0)
    {
      g_unlink (temp_path);
      return set_write_error (error, path, writer.errsv != 0 ? g_strerror (writer.errsv)
                                                            : cairo_status_to_string (status));
    }

  if (g_rename (temp_path, path) != 0)
    {
      int errsv = errno;

      g_unlink (temp_path);
      return set_write_error (error, path, g_strerror (errsv));
    }

  return TRUE;
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
  KassaInvoiceDocument *self = document;
  g_autofree char *number = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *customer = NULL;
  gsize room;
  char *name;

  g_return_val_if_fail (document != NULL, NULL);

  number = kassa_format_int64 (self->invoice->number);
  prefix = g_strconcat (kassa_invoice_document_get_kind (self), " ", number, " – ", NULL);
  customer = g_strdup (self->customer->name != NULL ? self->customer->name : "");

  /* File names have a limit (255 bytes on most file systems), customer
   * names do not: cut the name at a character boundary. */
  room = FILENAME_MAX_BYTES - MIN (strlen (prefix) + strlen (".pdf"), FILENAME_MAX_BYTES);
  if (strlen (customer) > room)
    *g_utf8_find_prev_char (customer, customer + room + 1) = '\0';

  name = g_strconcat (prefix, customer, ".pdf", NULL);

  /* Customer names may hold anything; a file name may not. */
  for (char *p = name; *p != '\0'; p++)
    {
      if (*p == '/' || *p == '\\' || *p == ':' || (guchar) *p < 0x20)
        *p = '-';
    }

  return name;
}
