/* kassa-aging-drilldown.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The aging's drill-down: the open invoices behind a customer or a bucket,
 * with the back button and the bucket filter.  Part of KassaAgingView,
 * which owns the "aging.back" action its back button uses.
 */
#pragma once

#include <adwaita.h>

#include "kassa-receivables.h"
#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_AGING_DRILLDOWN (kassa_aging_drilldown_get_type ())

G_DECLARE_FINAL_TYPE (KassaAgingDrilldown, kassa_aging_drilldown, KASSA, AGING_DRILLDOWN, AdwBin)

void                     kassa_aging_drilldown_set_store  (KassaAgingDrilldown *self,
                                                           KassaStore          *store);
/* The aging the invoices are listed for; nothing is read before it is
 * known.  Does not read again: see kassa_aging_drilldown_reload. */
void                     kassa_aging_drilldown_set_aging  (KassaAgingDrilldown *self,
                                                           KassaDay             as_of,
                                                           KassaAgingBasis      basis,
                                                           const char          *currency);
/* Lists the invoices of customer_id (0 = all customers, customer_name the
 * title otherwise) in bucket (a KassaAgingBucket or
 * KASSA_AGING_VIEW_ALL_BUCKETS), reading them in a worker thread. */
void                     kassa_aging_drilldown_show       (KassaAgingDrilldown *self,
                                                           gint64               customer_id,
                                                           const char          *customer_name,
                                                           int                  bucket);
/* Reads the same customer and bucket again for the aging set last. */
void                     kassa_aging_drilldown_reload     (KassaAgingDrilldown *self,
                                                           const char          *customer_name);
/* Stops reading: the drill-down is no longer shown. */
void                     kassa_aging_drilldown_stop       (KassaAgingDrilldown *self);

gint64                   kassa_aging_drilldown_get_customer_id (KassaAgingDrilldown *self);
gboolean                 kassa_aging_drilldown_get_busy   (KassaAgingDrilldown *self);
/* The invoices in their shown order, and one of them. */
GListModel              *kassa_aging_drilldown_get_invoice_model (KassaAgingDrilldown *self);
const KassaAgingInvoice *kassa_aging_drilldown_get_invoice (KassaAgingDrilldown *self,
                                                           guint                position);

G_END_DECLS
