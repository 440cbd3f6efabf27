/* kassa-customer-editor.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Modal editor of one customer (new when customer_id is 0).
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_CUSTOMER_EDITOR (kassa_customer_editor_get_type ())

G_DECLARE_FINAL_TYPE (KassaCustomerEditor, kassa_customer_editor, KASSA, CUSTOMER_EDITOR, AdwWindow)

/* (nullable): NULL and an error dialog when the customer cannot be loaded. */
KassaCustomerEditor *kassa_customer_editor_new        (GtkWindow           *parent,
                                                       KassaStore          *store,
                                                       gint64               customer_id);
/* The id of the saved customer, 0 until saved. */
gint64               kassa_customer_editor_get_customer_id (KassaCustomerEditor *self);

G_END_DECLS
