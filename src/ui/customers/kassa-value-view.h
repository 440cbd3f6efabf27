/* kassa-value-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Customers page's Value section: what customers are worth over a
 * period (revenue, margin, ABC classes, lifetime value, retention), the
 * Pareto chart, every customer's figures in a table with the manual ABC
 * override, and the customers who are not profitable.
 *
 * Also the list item the Value and Segments tables share: a customer of a
 * value report, keeping the report alive while any row shows it.
 */
#pragma once

#include <adwaita.h>

#include "kassa-customer-value.h"
#include "kassa-store.h"

G_BEGIN_DECLS

/* A reference-counted value report. */
typedef struct _KassaValueShared KassaValueShared;

KassaValueShared *kassa_value_shared_new        (KassaValueReport *report);  /* takes ownership */
KassaValueShared *kassa_value_shared_ref        (KassaValueShared *shared);
void              kassa_value_shared_unref      (KassaValueShared *shared);
KassaValueReport *kassa_value_shared_get_report (KassaValueShared *shared);
/* (transfer full) a list of KassaValueItem: values (const KassaCustomerValue*
 * of the report), or every customer of the report when NULL. */
GListStore       *kassa_value_shared_list       (KassaValueShared *shared,
                                                 GPtrArray        *values);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaValueShared, kassa_value_shared_unref)

#define KASSA_TYPE_VALUE_ITEM (kassa_value_item_get_type ())
G_DECLARE_FINAL_TYPE (KassaValueItem, kassa_value_item, KASSA, VALUE_ITEM, GObject)

const KassaCustomerValue *kassa_value_item_get_value (KassaValueItem *self);

/* The class as the table shows it: "A", or "B → A" when set by hand
 * (computed → override). (transfer full) */
char *kassa_value_format_class (const KassaCustomerValue *value);

#define KASSA_TYPE_VALUE_VIEW (kassa_value_view_get_type ())
G_DECLARE_FINAL_TYPE (KassaValueView, kassa_value_view, KASSA, VALUE_VIEW, GtkWidget)

/* Actions: "value.set-class" ((xi): customer id, KassaAbcClass with
 * KASSA_ABC_NONE = computed), "value.undo-class". */
GtkWidget        *kassa_value_view_new        (KassaStore     *store);
/* Recomputes in a worker thread (cancelling a computation under way). */
void              kassa_value_view_reload     (KassaValueView *self);
gboolean          kassa_value_view_is_busy    (KassaValueView *self);
/* (transfer none) (nullable) the report shown. */
KassaValueReport *kassa_value_view_get_report (KassaValueView *self);

G_END_DECLS
