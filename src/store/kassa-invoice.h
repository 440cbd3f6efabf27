/* kassa-invoice.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the invoice list: header fields, customer name, totals and the
 * status derived for the list's "today".  Lines are not loaded.
 */
#pragma once

#include <glib-object.h>

#include "kassa-records.h"

G_BEGIN_DECLS

#define KASSA_TYPE_INVOICE (kassa_invoice_get_type ())

G_DECLARE_FINAL_TYPE (KassaInvoice, kassa_invoice, KASSA, INVOICE, GObject)

typedef struct
{
  gint64             id;
  gint64             number;
  gint64             customer_id;
  char              *customer_name;
  KassaDay           issue_date;
  KassaDay           due_date;
  char               currency[4];
  KassaInvoiceState  state;
  char              *reference;
  gboolean           disputed;
  gint64             credited_invoice_id;
  gint64             total;
  gint64             paid;
  gint64             open_amount;
  KassaInvoiceStatus status;
  gint               days_overdue;     /* 0 unless overdue */
} KassaInvoiceSummary;

/* Takes ownership of the strings in summary. */
KassaInvoice              *kassa_invoice_new              (const KassaInvoiceSummary *summary);
const KassaInvoiceSummary *kassa_invoice_get_summary      (KassaInvoice *self);
gint64                     kassa_invoice_get_id           (KassaInvoice *self);
KassaInvoiceStatus         kassa_invoice_get_status       (KassaInvoice *self);

G_END_DECLS
