/* kassa-invoice-editor.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor of a draft invoice (new or stored).  Shortcuts: Ctrl+Enter
 * saves the draft, Escape closes (asking when there are unsaved changes),
 * Ctrl+L adds a line, Alt+Up / Alt+Down move the focused line, Ctrl+Delete
 * removes it.
 */
#pragma once

#include <adwaita.h>

#include "kassa-customer-picker.h"
#include "kassa-invoice-line-row.h"
#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_INVOICE_EDITOR (kassa_invoice_editor_get_type ())

G_DECLARE_FINAL_TYPE (KassaInvoiceEditor, kassa_invoice_editor, KASSA, INVOICE_EDITOR, AdwWindow)

/* invoice_id 0 starts a new draft (for customer_id when non-zero); a
 * stored invoice must be a draft.  Returns NULL with error otherwise. */
KassaInvoiceEditor  *kassa_invoice_editor_new                 (KassaStore         *store,
                                                               gint64              invoice_id,
                                                               gint64              customer_id,
                                                               GError            **error);
/* 0 until the draft was saved for the first time. */
gint64               kassa_invoice_editor_get_invoice_id      (KassaInvoiceEditor *self);
KassaStore          *kassa_invoice_editor_get_store           (KassaInvoiceEditor *self);
gboolean             kassa_invoice_editor_get_modified        (KassaInvoiceEditor *self);
/* (nullable): why the invoice cannot be saved, NULL when it can. */
const char          *kassa_invoice_editor_get_problem         (KassaInvoiceEditor *self);

/* Test hooks: the widgets a user would type into or click. */
KassaCustomerPicker *kassa_invoice_editor_get_customer_picker (KassaInvoiceEditor *self);
GtkEditable         *kassa_invoice_editor_get_issue_date_entry (KassaInvoiceEditor *self);
GtkEditable         *kassa_invoice_editor_get_due_date_entry  (KassaInvoiceEditor *self);
guint                kassa_invoice_editor_get_n_lines         (KassaInvoiceEditor *self);
KassaInvoiceLineRow *kassa_invoice_editor_get_line            (KassaInvoiceEditor *self,
                                                               guint               index);
GtkButton           *kassa_invoice_editor_get_add_line_button (KassaInvoiceEditor *self);
GtkButton           *kassa_invoice_editor_get_save_draft_button (KassaInvoiceEditor *self);
GtkButton           *kassa_invoice_editor_get_send_button     (KassaInvoiceEditor *self);
GtkLabel            *kassa_invoice_editor_get_net_label       (KassaInvoiceEditor *self);
GtkLabel            *kassa_invoice_editor_get_vat_label       (KassaInvoiceEditor *self);
GtkLabel            *kassa_invoice_editor_get_total_label     (KassaInvoiceEditor *self);
/* The credit warning above the lines: "" (and hidden) when the customer is
 * within the credit limit and has nothing seriously overdue. */
GtkLabel            *kassa_invoice_editor_get_credit_warning_label (KassaInvoiceEditor *self);

G_END_DECLS
