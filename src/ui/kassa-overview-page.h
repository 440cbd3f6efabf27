/* kassa-overview-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_OVERVIEW_PAGE (kassa_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (KassaOverviewPage, kassa_overview_page, KASSA, OVERVIEW_PAGE, AdwBin)

GtkWidget *kassa_overview_page_new     (KassaStore        *store);
/* Recomputes the figures now (otherwise done on the next idle after a
 * store change). */
void       kassa_overview_page_refresh (KassaOverviewPage *self);

/* For tests: the figures as the user sees them. */
GtkLabel  *kassa_overview_page_get_open_amount_label    (KassaOverviewPage *self);
GtkLabel  *kassa_overview_page_get_overdue_amount_label (KassaOverviewPage *self);
GtkLabel  *kassa_overview_page_get_overdue_count_label  (KassaOverviewPage *self);
GtkLabel  *kassa_overview_page_get_month_amount_label   (KassaOverviewPage *self);
/* The receivables summary (computed in a worker thread). */
GtkLabel     *kassa_overview_page_get_dso_label          (KassaOverviewPage *self);
AdwActionRow *kassa_overview_page_get_collections_row    (KassaOverviewPage *self);
gboolean      kassa_overview_page_get_receivables_busy   (KassaOverviewPage *self);
/* Invoiced by month: the last 12 months beside the same months a year
 * earlier (filled in with the receivables summary). */
GtkWidget    *kassa_overview_page_get_revenue_chart      (KassaOverviewPage *self);

G_END_DECLS
