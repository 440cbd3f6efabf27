/* kassa-document-slip.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The payment information block at the bottom of an invoice (and of a
 * reminder): who to pay, account, reference, due date, amount, and the
 * machine-readable forms a bank app reads: the Finnish bank barcode with
 * its virtual barcode digits, and the EPC QR code.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "kassa-document-catalog.h"

G_BEGIN_DECLS

/* Texts are already formatted for the document language; NULL or "" leaves
 * a field out. */
typedef struct
{
  const char *recipient;
  const char *iban;
  const char *bic;
  const char *bankgiro;
  const char *plusgiro;
  const char *payer;
  const char *reference_label;   /* "Reference", "OCR", … (translated) */
  const char *reference;
  const char *due_date;
  const char *amount;
  const char *virtual_barcode;   /* 54 digits, or NULL for no barcode */
  const char *epc_payload;       /* or NULL for no QR code */
} KassaPaymentSlip;

/* Where the codes were drawn, in page coordinates (empty when absent). */
typedef struct
{
  cairo_rectangle_t barcode;
  cairo_rectangle_t qr;
} KassaPaymentSlipAreas;

/* Draws the slip in width at (x, y) (only measures when cr is NULL) and
 * returns its height. */
double kassa_payment_slip_draw (const KassaPaymentSlip *slip,
                                KassaDocumentCatalog   *catalog,
                                PangoContext           *context,
                                cairo_t                *cr,
                                double                  x,
                                double                  y,
                                double                  width,
                                KassaPaymentSlipAreas  *areas);

G_END_DECLS
