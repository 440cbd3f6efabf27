/* kassa-customer-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One customer: contact data, balance and invoices.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_CUSTOMER_VIEW (kassa_customer_view_get_type ())

G_DECLARE_FINAL_TYPE (KassaCustomerView, kassa_customer_view, KASSA, CUSTOMER_VIEW, AdwWindow)

KassaCustomerView *kassa_customer_view_new     (GtkWindow  *parent,
                                                KassaStore *store,
                                                gint64      customer_id);
/* Presents the view of customer_id, reusing an open one for it. */
void               kassa_customer_view_present (GtkWindow  *parent,
                                                KassaStore *store,
                                                gint64      customer_id);

/* Writes the customer's personal data export (JSON) to file: what the
 * "Export Personal Data…" menu item does once a file is chosen. */
gboolean           kassa_customer_view_write_personal_data (KassaCustomerView  *self,
                                                            GFile              *file,
                                                            GError            **error);

G_END_DECLS
