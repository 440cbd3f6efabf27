/* kassa-epc-qr.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * EPC QR code (EPC069-12 "SEPA credit transfer" quick response code).
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "kassa-types.h"

G_BEGIN_DECLS

typedef struct
{
  const char *bic;            /* optional in version 002 */
  const char *name;           /* beneficiary, max 70 characters */
  const char *iban;
  gint64      amount_cents;   /* EUR, 0.01 … 999999999.99 */
  const char *reference;      /* structured creditor reference (RF…), or NULL */
  const char *text;           /* unstructured remittance, used when no reference */
  KassaDay    due_date;       /* Finnish convention: "ReqdExctnDt/YYYY-MM-DD" in the last line; 0 = none */
} KassaEpcPayment;

/* The payload (lines joined by "\n", UTF-8, at most 331 bytes) or NULL with
 * a translated error. */
char     *kassa_epc_qr_payload  (const KassaEpcPayment *payment,
                                 GError               **error);

/* Draws the QR symbol (error correction M, with a 4-module quiet zone) of
 * payload with its top-left corner at (x, y) and the given side length. */
gboolean  kassa_epc_qr_draw     (cairo_t               *cr,
                                 const char            *payload,
                                 double                 x,
                                 double                 y,
                                 double                 size,
                                 GError               **error);

G_END_DECLS
