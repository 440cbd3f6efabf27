/* kassa-payment-behaviour-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the payment statistics (kassa-payment-behaviour.c), the reader of
 * paid invoices (kassa-payment-history.c) and the expected payment model
 * with its backtest (kassa-payment-expected.c) share: the reading of paid
 * invoices and whole days and medians.  Not for other modules.
 */
#pragma once

#include "kassa-payment-behaviour.h"

G_BEGIN_DECLS

/* The history window: paid in (today − 365, today]. */
#define KASSA_PAYMENT_HISTORY_DAYS 365

/* A paid invoice and its customer, as read from the store. */
typedef struct
{
  gint64           customer_id;
  KassaPaidInvoice paid;
} KassaSettled;

typedef void (*KassaSettledFunc) (const KassaSettled *settled,
                                  gpointer            user_data);

typedef struct
{
  KassaDay          from;           /* paid after this … */
  KassaDay          to;             /* … up to this day (today) */
  gboolean          later_payments; /* some payment is dated after to */
  KassaSettledFunc  func;
  gpointer          user_data;
} KassaSettledQuery;

/* kassa-payment-behaviour.c */

/* Rounded half away from zero. */
gint      kassa_payment_round_days      (double              days);
/* Twice the median of n > 0 values: an integer, so that thresholds
 * compare exactly. */
gint64    kassa_payment_twice_median    (const gint         *values,
                                         guint               n);

/* kassa-payment-history.c */

/* Calls query->func for every invoice paid in (query->from, query->to],
 * in one query over the payments. */
gboolean  kassa_payment_read_settled    (KassaStore         *store,
                                         KassaSettledQuery  *query,
                                         GError            **error);
/* (transfer full) of KassaSettled: the invoices paid in the year up to
 * today by customer, each customer's oldest first; customer_id 0 reads
 * every customer. */
GArray   *kassa_payment_load_histories  (KassaStore         *store,
                                         gint64              customer_id,
                                         KassaDay            today,
                                         GError            **error);
/* The end of the customer's rows (of KassaSettled) that start at start. */
guint     kassa_payment_customer_end    (GArray             *rows,
                                         guint               start);

G_END_DECLS
