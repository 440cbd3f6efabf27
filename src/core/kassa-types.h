/* kassa-types.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A calendar date without time: the number of days since 0001-01-01
 * (day 1), the same numbering as GDate's Julian day.  The store keeps dates
 * in this form as INTEGER columns; in SQL, date(day + 1721424.5) gives the
 * ISO text, and date arithmetic is plain integer arithmetic. */
typedef gint32 KassaDay;

/* Number and date conventions of a language, independent of the process
 * locale so that documents and reports can use the customer's language. */
typedef enum
{
  KASSA_LOCALE_EN,
  KASSA_LOCALE_FI,
  KASSA_LOCALE_SV,
  KASSA_LOCALE_ZH_CN,
} KassaLocale;

typedef enum
{
  KASSA_CUSTOMER_BUSINESS,
  KASSA_CUSTOMER_CONSUMER,
} KassaCustomerKind;

typedef enum
{
  KASSA_DELIVERY_EMAIL,
  KASSA_DELIVERY_EINVOICE,
  KASSA_DELIVERY_PAPER,
} KassaDelivery;

/* Stored invoice state; everything else is derived (see KassaInvoiceStatus). */
typedef enum
{
  KASSA_INVOICE_STATE_DRAFT,
  KASSA_INVOICE_STATE_SENT,
  KASSA_INVOICE_STATE_CREDITED,
} KassaInvoiceState;

/* Derived status shown to users, computed from state, payments and dates. */
typedef enum
{
  KASSA_INVOICE_STATUS_DRAFT,
  KASSA_INVOICE_STATUS_OPEN,
  KASSA_INVOICE_STATUS_PARTIALLY_PAID,
  KASSA_INVOICE_STATUS_PAID,
  KASSA_INVOICE_STATUS_OVERDUE,
  KASSA_INVOICE_STATUS_CREDITED,
  KASSA_INVOICE_STATUS_CREDIT_NOTE,
} KassaInvoiceStatus;

G_END_DECLS
