/* kassa-campaigns-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Customers page's Campaigns section: marketing campaigns and what
 * they brought, the channels compared, the company NPS over time, and the
 * ROI calculator.
 */
#pragma once

#include <gtk/gtk.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_CAMPAIGNS_VIEW (kassa_campaigns_view_get_type ())
G_DECLARE_FINAL_TYPE (KassaCampaignsView, kassa_campaigns_view, KASSA, CAMPAIGNS_VIEW, GtkWidget)

GtkWidget *kassa_campaigns_view_new (KassaStore *store);

G_END_DECLS
