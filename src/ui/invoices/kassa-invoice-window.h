/* kassa-invoice-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kassa-store.h"

G_BEGIN_DECLS

/* Opens invoice_id: the editor for a draft, the invoice view (payments,
 * credit, disputed flag) for a sent invoice or credit note.  invoice_id 0
 * starts a new draft, for customer_id when that is non-zero. */
void kassa_invoice_window_present (GtkWindow  *parent,
                                   KassaStore *store,
                                   gint64      invoice_id,
                                   gint64      customer_id);

G_END_DECLS
