/* kassa-invoice-labels.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How invoice enums are shown to users: translated names of statuses,
 * delivery channels and payment methods, and the status pill.
 */
#pragma once

#include <gtk/gtk.h>

#include "kassa-records.h"

G_BEGIN_DECLS

/* Payment methods are stored as these stable codes (payments.method). */
#define KASSA_PAYMENT_METHOD_BANK_TRANSFER "bank-transfer"
#define KASSA_PAYMENT_METHOD_CASH          "cash"
#define KASSA_PAYMENT_METHOD_CARD          "card"
#define KASSA_PAYMENT_METHOD_OTHER         "other"

const char *kassa_invoice_status_to_string     (KassaInvoiceStatus  status);
GtkWidget  *kassa_invoice_status_label_new     (void);
void        kassa_invoice_status_label_set     (GtkLabel           *label,
                                                KassaInvoiceStatus  status);

const char *kassa_delivery_to_string           (KassaDelivery       delivery);
/* (transfer full): names in KassaDelivery order, for a GtkDropDown. */
GListModel *kassa_delivery_model_new           (void);

guint       kassa_payment_method_get_n         (void);
const char *kassa_payment_method_get_code      (guint               index);
/* The translated name of a stored method code; unknown codes as they are. */
const char *kassa_payment_method_to_string     (const char         *code);
/* (transfer full): names in kassa_payment_method_get_code order. */
GListModel *kassa_payment_method_model_new     (void);

/* "Invoice 1000", "Credit Note 1004" or "Draft Invoice" (transfer full). */
char       *kassa_invoice_title_for_record     (const KassaInvoiceRecord *record);

/* Loads the invoices style sheet into the default display once. */
void        kassa_invoice_labels_ensure_style  (void);

G_END_DECLS
