/* kassa-payment-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records a payment on a sent invoice: date (today), amount (the open
 * amount), method and note.  More than the open amount is confirmed as an
 * overpayment.  Enter or Ctrl+Enter records, Escape cancels.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_PAYMENT_DIALOG (kassa_payment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KassaPaymentDialog, kassa_payment_dialog, KASSA, PAYMENT_DIALOG, AdwWindow)

/* Returns NULL with error when the invoice cannot be loaded. */
KassaPaymentDialog *kassa_payment_dialog_new              (GtkWindow          *parent,
                                                           KassaStore         *store,
                                                           gint64              invoice_id,
                                                           GError            **error);
/* Same as the Record button: validates, confirms an overpayment, saves. */
void                kassa_payment_dialog_record           (KassaPaymentDialog *self);

/* Test hooks. */
GtkEditable        *kassa_payment_dialog_get_date_entry   (KassaPaymentDialog *self);
GtkEditable        *kassa_payment_dialog_get_amount_entry (KassaPaymentDialog *self);
GtkButton          *kassa_payment_dialog_get_record_button (KassaPaymentDialog *self);
/* (nullable): the first field error, NULL when the form is valid. */
const char         *kassa_payment_dialog_get_problem      (KassaPaymentDialog *self);

G_END_DECLS
