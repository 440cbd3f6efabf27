/* kassa-invoice-document-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What kassa-invoice-document.c (loading, PDF) and
 * kassa-invoice-document-pages.c (layout) share.  Not for other files.
 */
#pragma once

#include <pango/pango.h>

#include "kassa-document-catalog.h"
#include "kassa-document-slip.h"
#include "kassa-invoice-document.h"
#include "kassa-vat.h"

G_BEGIN_DECLS

/* A document string in the document language (self is the document). */
#define T(msgid) kassa_document_catalog_get (self->catalog, (msgid))

typedef struct
{
  guint  first_line;
  guint  n_lines;
  double trailer_y;     /* where totals, notes and terms start; < 0 for none */
} Page;

struct _KassaInvoiceDocument
{
  KassaCompany          *company;
  KassaCustomerRecord   *customer;
  KassaInvoiceRecord    *invoice;
  gint64                 total;
  gint64                 paid;
  gint64                 open;
  gint64                 credited_number;   /* 0 unless a credit note */
  KassaLocale            locale;
  KassaDocumentCatalog  *catalog;
  PangoContext          *context;
  cairo_surface_t       *logo;              /* NULL: the name is printed */
  KassaVatSummary       *vat;
  const char            *reference_label;   /* owned by the catalog */
  char                  *reference;         /* formatted for print */
  char                  *virtual_barcode;   /* NULL when there is none */
  char                  *epc_payload;       /* NULL when there is none */
  double                *row_heights;
  GArray                *pages;             /* of Page */
  KassaPaymentSlipAreas  slip_areas;
};

/* Shared by the loading and the layout code. */

static inline gboolean
kassa_is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static inline gboolean
kassa_invoice_document_is_credit_note (KassaInvoiceDocument *self)
{
  return self->invoice->credited_invoice_id != 0;
}

static inline gboolean
kassa_invoice_document_is_swedish (KassaInvoiceDocument *self)
{
  return g_ascii_strcasecmp (self->company->country, "SE") == 0;
}

static inline char *
kassa_format_int64 (gint64 number)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, number);
}

/* Layout (kassa-invoice-document-pages.c) */

/* "Invoice" or "Credit note" in the document language. */
const char *kassa_invoice_document_get_kind (KassaInvoiceDocument *self);

/* Splits the lines over pages; fills self->pages. */
void      kassa_invoice_document_paginate      (KassaInvoiceDocument *self);
void      kassa_invoice_document_render_page   (KassaInvoiceDocument *self,
                                                cairo_t              *cr,
                                                int                   index);
/* Lays the payment slip out where the last page has it; FALSE when the
 * document has none. */
gboolean  kassa_invoice_document_locate_codes  (KassaInvoiceDocument *self,
                                                cairo_rectangle_t    *barcode,
                                                cairo_rectangle_t    *qr);

G_END_DECLS
