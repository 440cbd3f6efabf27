/* kassa-scheduled-item-editor.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adds or edits one scheduled inflow or outflow: name, category,
 * direction, amount, start date, recurrence, optional end date, notes.
 * Validated as the user types; Ctrl+Enter saves, Escape cancels.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store-cashflow.h"

G_BEGIN_DECLS

#define KASSA_TYPE_SCHEDULED_ITEM_EDITOR (kassa_scheduled_item_editor_get_type ())

G_DECLARE_FINAL_TYPE (KassaScheduledItemEditor, kassa_scheduled_item_editor, KASSA, SCHEDULED_ITEM_EDITOR, AdwWindow)

/* item NULL: a new item starting today. */
KassaScheduledItemEditor *kassa_scheduled_item_editor_new   (GtkWindow                *parent,
                                                             KassaStore               *store,
                                                             const KassaScheduledItem *item);
/* Same as the Save button: validates, saves and closes. */
void                      kassa_scheduled_item_editor_save  (KassaScheduledItemEditor *self);
/* (nullable): the first field error, NULL when the form is valid. */
const char               *kassa_scheduled_item_editor_get_problem (KassaScheduledItemEditor *self);

G_END_DECLS
