/* kassa-customers-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_CUSTOMERS_PAGE (kassa_customers_page_get_type ())

G_DECLARE_FINAL_TYPE (KassaCustomersPage, kassa_customers_page, KASSA, CUSTOMERS_PAGE, AdwBin)

GtkWidget     *kassa_customers_page_new          (KassaStore         *store);
void           kassa_customers_page_focus_search (KassaCustomersPage *self);
/* (transfer none): the list behind the table, for tests. */
GListModel    *kassa_customers_page_get_model    (KassaCustomersPage *self);

/* Sections: "list", "value", "segments", "campaigns" (when built). */
void           kassa_customers_page_show_section (KassaCustomersPage *self,
                                                  const char         *name);
const char    *kassa_customers_page_get_section  (KassaCustomersPage *self);
/* (transfer none) (nullable) the section's widget (KassaValueView …). */
GtkWidget     *kassa_customers_page_get_section_widget (KassaCustomersPage *self,
                                                        const char         *name);

G_END_DECLS
