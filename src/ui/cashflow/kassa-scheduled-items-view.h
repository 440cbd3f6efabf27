/* kassa-scheduled-items-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scheduled inflows and outflows in a table (add, edit, delete) and,
 * below it, their totals per month for the next 12 months.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_SCHEDULED_ITEMS_VIEW (kassa_scheduled_items_view_get_type ())

G_DECLARE_FINAL_TYPE (KassaScheduledItemsView, kassa_scheduled_items_view, KASSA, SCHEDULED_ITEMS_VIEW, AdwBin)

GtkWidget *kassa_scheduled_items_view_new (KassaStore *store);

/* Totals of month 0 … 11 (0 = the current month from today on). */
void       kassa_scheduled_items_view_get_month_totals (KassaScheduledItemsView *self,
                                                        guint                    month,
                                                        gint64                  *inflows,
                                                        gint64                  *outflows);

G_END_DECLS
