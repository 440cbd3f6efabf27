/* kassa-value-table.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Value section's table: every customer of a value report with their
 * figures, sortable by column, with a right-click menu that sets the
 * customer's ABC class by hand (a toast offers Undo).
 *
 * The table does not compute: its owner hands it a report and listens to
 * "class-set" (a class was saved or set back: compute again) and
 * "customer-activated" (open that customer).
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"
#include "kassa-value-view.h"

G_BEGIN_DECLS

#define KASSA_TYPE_VALUE_TABLE (kassa_value_table_get_type ())
G_DECLARE_FINAL_TYPE (KassaValueTable, kassa_value_table, KASSA, VALUE_TABLE, GtkWidget)

/* The menus activate "value.set-class" ((xi): customer id, KassaAbcClass
 * with KASSA_ABC_NONE = computed), which an ancestor (the value view)
 * installs and forwards to kassa_value_table_set_class(). */
GMenuModel *kassa_value_class_menu_new                  (gint64            customer_id);

GtkWidget  *kassa_value_table_new                       (void);
void        kassa_value_table_set_store                 (KassaValueTable  *self,
                                                         KassaStore       *store);
/* Shows every customer of shared's report, amounts in currency. */
void        kassa_value_table_set_report                (KassaValueTable  *self,
                                                         KassaValueShared *shared,
                                                         const char       *currency);
/* The selected row's customer, 0 when none ("selected-customer"). */
gint64      kassa_value_table_get_selected_customer     (KassaValueTable  *self);
/* Saves the class set by hand, shows a toast with Undo, emits "class-set";
 * a failure is shown as a toast. */
void        kassa_value_table_set_class                 (KassaValueTable  *self,
                                                         gint64            customer_id,
                                                         KassaAbcClass     abc);
/* Restores the class the last set_class replaced, if any. */
void        kassa_value_table_undo_class                (KassaValueTable  *self);

G_END_DECLS
