/* kassa-invoice-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sent invoice or credit note, read-only: details, lines, totals, paid
 * and open amounts, the derived status, payments (record, remove with
 * Undo), the disputed flag and crediting.  Follows store changes.
 */
#pragma once

#include <adwaita.h>

#include "kassa-document-export.h"
#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_INVOICE_VIEW (kassa_invoice_view_get_type ())

G_DECLARE_FINAL_TYPE (KassaInvoiceView, kassa_invoice_view, KASSA, INVOICE_VIEW, AdwWindow)

KassaInvoiceView *kassa_invoice_view_new                   (KassaStore       *store,
                                                            gint64            invoice_id,
                                                            GError          **error);
gint64            kassa_invoice_view_get_invoice_id        (KassaInvoiceView *self);
KassaStore       *kassa_invoice_view_get_store             (KassaInvoiceView *self);
/* Preview, Save as PDF or Print; just_sent as in kassa_document_export_run. */
void              kassa_invoice_view_run_document_action   (KassaInvoiceView    *self,
                                                            KassaDocumentAction  action,
                                                            gboolean             just_sent);

/* Test hooks. */
GtkButton        *kassa_invoice_view_get_record_payment_button (KassaInvoiceView *self);
GtkButton        *kassa_invoice_view_get_credit_button     (KassaInvoiceView *self);
GtkSwitch        *kassa_invoice_view_get_disputed_switch   (KassaInvoiceView *self);
GtkLabel         *kassa_invoice_view_get_status_label      (KassaInvoiceView *self);
GtkLabel         *kassa_invoice_view_get_total_label       (KassaInvoiceView *self);
GtkLabel         *kassa_invoice_view_get_paid_label        (KassaInvoiceView *self);
GtkLabel         *kassa_invoice_view_get_open_label        (KassaInvoiceView *self);
/* Rows are AdwActionRows (title: amount) with a remove button suffix. */
GtkListBox       *kassa_invoice_view_get_payments_list     (KassaInvoiceView *self);

G_END_DECLS
