/* kassa-invoice-list.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A lazy GListModel of KassaInvoice over SQL (see kassa-customer-list.h).
 */
#pragma once

#include <gio/gio.h>

#include "kassa-store.h"
#include "kassa-invoice.h"

G_BEGIN_DECLS

typedef enum
{
  KASSA_INVOICE_FILTER_ALL,
  KASSA_INVOICE_FILTER_DRAFT,
  KASSA_INVOICE_FILTER_OPEN,        /* sent with open amount > 0 (incl. overdue) */
  KASSA_INVOICE_FILTER_OVERDUE,
  KASSA_INVOICE_FILTER_PAID,
  KASSA_INVOICE_FILTER_CREDITED,    /* credited invoices and credit notes */
} KassaInvoiceFilter;

typedef enum
{
  KASSA_INVOICE_SORT_NUMBER,
  KASSA_INVOICE_SORT_ISSUE_DATE,
  KASSA_INVOICE_SORT_DUE_DATE,
  KASSA_INVOICE_SORT_CUSTOMER,
  KASSA_INVOICE_SORT_TOTAL,
  KASSA_INVOICE_SORT_OPEN,
} KassaInvoiceSort;

#define KASSA_TYPE_INVOICE_LIST (kassa_invoice_list_get_type ())

G_DECLARE_FINAL_TYPE (KassaInvoiceList, kassa_invoice_list, KASSA, INVOICE_LIST, GObject)

KassaInvoiceList *kassa_invoice_list_new          (KassaStore        *store,
                                                   KassaDay           today);
void              kassa_invoice_list_set_today    (KassaInvoiceList  *self,
                                                   KassaDay           today);
/* Matches invoice number, reference, customer name/number, notes. */
void              kassa_invoice_list_set_search   (KassaInvoiceList  *self,
                                                   const char        *search);
void              kassa_invoice_list_set_filter   (KassaInvoiceList  *self,
                                                   KassaInvoiceFilter filter);
/* 0 = every customer. */
void              kassa_invoice_list_set_customer (KassaInvoiceList  *self,
                                                   gint64             customer_id);
/* Issue date range, inclusive; 0 = open end. */
void              kassa_invoice_list_set_date_range (KassaInvoiceList *self,
                                                   KassaDay           from,
                                                   KassaDay           to);
void              kassa_invoice_list_set_sort     (KassaInvoiceList  *self,
                                                   KassaInvoiceSort   sort,
                                                   gboolean           descending);
/* Changes several settings with one items-changed at the end. */
void              kassa_invoice_list_freeze       (KassaInvoiceList  *self);
void              kassa_invoice_list_thaw         (KassaInvoiceList  *self);

G_END_DECLS
