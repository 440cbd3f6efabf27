/* kassa-invoice-credit-warning.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The invoice editor's credit warning: shown when the draft takes the
 * customer over the credit limit or the customer has seriously overdue
 * invoices.  A warning only: the invoice can still be saved and sent.
 */
#pragma once

#include "kassa-invoice-editor.h"

G_BEGIN_DECLS

/* Shows or hides the editor's warning for a draft of draft_total. */
void kassa_invoice_credit_warning_update (KassaInvoiceEditor *self,
                                          gint64              draft_total);
/* Forgets what was read about the customer: read again on the next
 * update (payments, credit limits or settings changed elsewhere). */
void kassa_invoice_credit_warning_forget (KassaInvoiceEditor *self);

G_END_DECLS
