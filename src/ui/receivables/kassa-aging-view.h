/* kassa-aging-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The aging: bucket totals, the table per customer, and the drill-down to
 * the invoices behind a customer or a bucket.
 */
#pragma once

#include <adwaita.h>

#include "kassa-cash-chart.h"
#include "kassa-receivables.h"
#include "kassa-store.h"

G_BEGIN_DECLS

/* kassa_aging_view_show_invoices: every bucket. */
#define KASSA_AGING_VIEW_ALL_BUCKETS (-1)

#define KASSA_TYPE_AGING_VIEW (kassa_aging_view_get_type ())

G_DECLARE_FINAL_TYPE (KassaAgingView, kassa_aging_view, KASSA, AGING_VIEW, GtkWidget)

GtkWidget               *kassa_aging_view_new             (KassaStore     *store);
/* Shows aging (transfer full) with amounts in currency; a drill-down that
 * is open is re-read for the new day and basis. */
void                     kassa_aging_view_set_aging       (KassaAgingView *self,
                                                           KassaAging     *aging,
                                                           const char     *currency);
/* The day and basis the controls ask for (today and by due date at
 * first); changing them emits KassaAgingView::query-changed. */
KassaDay                 kassa_aging_view_get_as_of       (KassaAgingView *self);
void                     kassa_aging_view_set_as_of       (KassaAgingView *self,
                                                           KassaDay        as_of);
KassaAgingBasis          kassa_aging_view_get_basis       (KassaAgingView *self);
void                     kassa_aging_view_set_basis       (KassaAgingView *self,
                                                           KassaAgingBasis basis);
/* Puts header (the KPI cards) above the aging, scrolling with it. */
void                     kassa_aging_view_set_header      (KassaAgingView *self,
                                                           GtkWidget      *header);
/* Opens the drill-down: customer_id 0 = all customers, bucket a
 * KassaAgingBucket or KASSA_AGING_VIEW_ALL_BUCKETS. */
void                     kassa_aging_view_show_invoices   (KassaAgingView *self,
                                                           gint64          customer_id,
                                                           int             bucket);
/* Back from the drill-down to the summary. */
void                     kassa_aging_view_show_summary    (KassaAgingView *self);

/* For tests: what the user sees. */
gboolean                 kassa_aging_view_get_busy        (KassaAgingView *self);
gboolean                 kassa_aging_view_get_showing_invoices (KassaAgingView *self);
/* The customer rows in their shown order, and one of them. */
GListModel              *kassa_aging_view_get_customer_model (KassaAgingView *self);
const KassaAgingRow     *kassa_aging_view_get_row         (KassaAgingView *self,
                                                           guint           position);
/* The drill-down's invoices in their shown order, and one of them. */
GListModel              *kassa_aging_view_get_invoice_model (KassaAgingView *self);
const KassaAgingInvoice *kassa_aging_view_get_invoice     (KassaAgingView *self,
                                                           guint           position);
/* The amount shown on a bucket card; KASSA_AGING_N_BUCKETS is the total. */
const char              *kassa_aging_view_get_bucket_text (KassaAgingView *self,
                                                           guint           bucket);
/* The stacked aging history (month ends, then today) and whether it is
 * still being computed. */
KassaCashChart          *kassa_aging_view_get_history_chart (KassaAgingView *self);
gboolean                 kassa_aging_view_get_history_busy  (KassaAgingView *self);

G_END_DECLS
