/* kassa-payment-behaviour-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How one customer pays, for the customer view: the risk class and its
 * reason, the early warning, days to pay and days late with their trend,
 * open and overdue amounts, credit limit use, the suggested credit limit
 * (with an Apply button) and a bar chart of days late per invoice paid in
 * the last 12 months.  Worked out in a thread with a connection of its own
 * and again whenever invoices, payments, the collection log, the customer
 * or the collection settings change.
 */
#pragma once

#include <adwaita.h>

#include "kassa-payment-behaviour.h"

G_BEGIN_DECLS

#define KASSA_TYPE_PAYMENT_BEHAVIOUR_VIEW (kassa_payment_behaviour_view_get_type ())

G_DECLARE_FINAL_TYPE (KassaPaymentBehaviourView, kassa_payment_behaviour_view, KASSA,
                      PAYMENT_BEHAVIOUR_VIEW, AdwBin)

GtkWidget                   *kassa_payment_behaviour_view_new              (KassaStore                *store,
                                                                            gint64                     customer_id);
/* Works the figures out again now (they also follow KassaStore::changed). */
void                         kassa_payment_behaviour_view_refresh          (KassaPaymentBehaviourView *self);

/* Test hooks. */
/* TRUE while figures are being worked out. */
gboolean                     kassa_payment_behaviour_view_is_loading       (KassaPaymentBehaviourView *self);
/* (nullable) the figures shown, NULL before the first result. */
const KassaPaymentBehaviour *kassa_payment_behaviour_view_get_behaviour    (KassaPaymentBehaviourView *self);
/* (nullable) the warning banner's text, NULL while it is hidden. */
const char                  *kassa_payment_behaviour_view_get_warning_text (KassaPaymentBehaviourView *self);
/* "A" … "D" as shown on the badge. */
const char                  *kassa_payment_behaviour_view_get_risk_text    (KassaPaymentBehaviourView *self);
/* The trend in words ("Paying 1.5 days later per invoice", "Steady"). */
const char                  *kassa_payment_behaviour_view_get_trend_text   (KassaPaymentBehaviourView *self);
/* Sets the suggested credit limit as the customer's; hidden when there
 * is no suggestion, insensitive when it is the limit already. */
GtkButton                   *kassa_payment_behaviour_view_get_apply_button (KassaPaymentBehaviourView *self);
/* Bars in the chart (0 shows "No paid invoices in the last 12 months"). */
guint                        kassa_payment_behaviour_view_get_n_bars       (KassaPaymentBehaviourView *self);
/* The chart's accessible description. */
const char                  *kassa_payment_behaviour_view_get_chart_description (KassaPaymentBehaviourView *self);

G_END_DECLS
