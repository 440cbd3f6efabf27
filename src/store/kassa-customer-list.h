/* kassa-customer-list.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A lazy GListModel of KassaCustomer over SQL: n_items is a COUNT, items
 * are built on demand from cached pages of rows; search (FTS5), filter and
 * sort run in SQL.  Emits items-changed when the store changes.
 */
#pragma once

#include <gio/gio.h>

#include "kassa-store.h"
#include "kassa-customer.h"

G_BEGIN_DECLS

typedef enum
{
  KASSA_CUSTOMER_SORT_NUMBER,
  KASSA_CUSTOMER_SORT_NAME,
  KASSA_CUSTOMER_SORT_BUSINESS_ID,
  KASSA_CUSTOMER_SORT_OPEN,
  KASSA_CUSTOMER_SORT_OVERDUE,
} KassaCustomerSort;

#define KASSA_TYPE_CUSTOMER_LIST (kassa_customer_list_get_type ())

G_DECLARE_FINAL_TYPE (KassaCustomerList, kassa_customer_list, KASSA, CUSTOMER_LIST, GObject)

KassaCustomerList *kassa_customer_list_new            (KassaStore        *store);
/* Words matched by prefix against number, name, business ID, email… */
void               kassa_customer_list_set_search     (KassaCustomerList *self,
                                                       const char        *search);
void               kassa_customer_list_set_show_archived (KassaCustomerList *self,
                                                       gboolean           show_archived);
void               kassa_customer_list_set_sort       (KassaCustomerList *self,
                                                       KassaCustomerSort  sort,
                                                       gboolean           descending);
void               kassa_customer_list_set_today      (KassaCustomerList *self,
                                                       KassaDay           today);
/* Position of a customer in the current order, or -1. */
gint               kassa_customer_list_find           (KassaCustomerList *self,
                                                       gint64             customer_id);

G_END_DECLS
