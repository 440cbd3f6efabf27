/* kassa-invoices-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kassa-store.h"
#include "kassa-invoice-list.h"

G_BEGIN_DECLS

#define KASSA_TYPE_INVOICES_PAGE (kassa_invoices_page_get_type ())

G_DECLARE_FINAL_TYPE (KassaInvoicesPage, kassa_invoices_page, KASSA, INVOICES_PAGE, GtkWidget)

GtkWidget *kassa_invoices_page_new          (KassaStore         *store);
void       kassa_invoices_page_focus_search (KassaInvoicesPage  *self);
void       kassa_invoices_page_show_filter  (KassaInvoicesPage  *self,
                                             KassaInvoiceFilter  filter);

G_END_DECLS
