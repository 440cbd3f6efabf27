/* kassa-customer.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the customer list: the record plus derived balance figures.
 */
#pragma once

#include <glib-object.h>

#include "kassa-records.h"

G_BEGIN_DECLS

#define KASSA_TYPE_CUSTOMER (kassa_customer_get_type ())

G_DECLARE_FINAL_TYPE (KassaCustomer, kassa_customer, KASSA, CUSTOMER, GObject)

/* Takes ownership of record. */
KassaCustomer             *kassa_customer_new           (KassaCustomerRecord *record,
                                                         gint64               open_amount,
                                                         gint64               overdue_amount);
const KassaCustomerRecord *kassa_customer_get_record    (KassaCustomer       *self);
gint64                     kassa_customer_get_id        (KassaCustomer       *self);
const char                *kassa_customer_get_name      (KassaCustomer       *self);
const char                *kassa_customer_get_number    (KassaCustomer       *self);
gint64                     kassa_customer_get_open_amount    (KassaCustomer  *self);
gint64                     kassa_customer_get_overdue_amount (KassaCustomer  *self);

G_END_DECLS
