/* kassa-customer-relationship-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "Value and Relationship" part of the customer view: the customer's
 * figures of the last 12 months from the value report (revenue, margin,
 * invoices, ABC class, RFM scores and segment, lifecycle stage with its
 * rule), the key account and owner, marketing consent, and the NPS
 * responses.  The report covers the whole company, so it is worked out in
 * a thread with a connection of its own; it follows KassaStore::changed.
 */
#pragma once

#include <adwaita.h>

#include "kassa-customer-value.h"

G_BEGIN_DECLS

#define KASSA_TYPE_CUSTOMER_RELATIONSHIP_VIEW (kassa_customer_relationship_view_get_type ())

G_DECLARE_FINAL_TYPE (KassaCustomerRelationshipView, kassa_customer_relationship_view, KASSA,
                      CUSTOMER_RELATIONSHIP_VIEW, AdwBin)

GtkWidget                 *kassa_customer_relationship_view_new          (KassaStore                    *store,
                                                                          gint64                         customer_id);
/* TRUE once the customer was anonymised: nothing can be edited any more. */
gboolean                   kassa_customer_relationship_view_is_anonymised (KassaCustomerRelationshipView *self);

/* Test hooks. */
/* TRUE while the figures are being worked out. */
gboolean                   kassa_customer_relationship_view_is_loading   (KassaCustomerRelationshipView *self);
/* (nullable) the figures shown, NULL before the first result. */
const KassaCustomerValue  *kassa_customer_relationship_view_get_value    (KassaCustomerRelationshipView *self);
/* The value shown in the row named name ("relationship-revenue",
 * "relationship-margin", "relationship-invoices", "relationship-last-invoice",
 * "relationship-einvoice", "relationship-abc", "relationship-rfm",
 * "relationship-lifecycle", "relationship-key-account",
 * "relationship-consent", "relationship-nps"), and its subtitle. */
const char                *kassa_customer_relationship_view_get_text     (KassaCustomerRelationshipView *self,
                                                                          const char                    *row_name);
const char                *kassa_customer_relationship_view_get_subtitle (KassaCustomerRelationshipView *self,
                                                                          const char                    *row_name);
/* NPS responses listed, newest first. */
guint                      kassa_customer_relationship_view_get_n_responses (KassaCustomerRelationshipView *self);
/* Deletes response index (0 = newest), as its delete button does (a toast
 * offers Undo). */
void                       kassa_customer_relationship_view_delete_response (KassaCustomerRelationshipView *self,
                                                                             guint                          index);

G_END_DECLS
