/* kassa-nps-chart.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The company NPS over time on screen: per period the promoters, passives
 * and detractors as stacked columns (detractors below the zero line), the
 * NPS of each period in the hover tooltip, and an accessible description
 * naming the latest NPS.  Colours come from the style (dark mode).
 */
#pragma once

#include <gtk/gtk.h>

#include "kassa-customer-retention.h"

G_BEGIN_DECLS

#define KASSA_TYPE_NPS_CHART (kassa_nps_chart_get_type ())
G_DECLARE_FINAL_TYPE (KassaNpsChart, kassa_nps_chart, KASSA, NPS_CHART, GtkWidget)

GtkWidget *kassa_nps_chart_new           (void);
/* Copies periods[0 … n − 1] (KassaNpsPeriod, quarterly, ascending). */
void       kassa_nps_chart_set_periods   (KassaNpsChart        *self,
                                          const KassaNpsPeriod *periods,
                                          guint                 n);
guint      kassa_nps_chart_get_n_periods (KassaNpsChart        *self);
/* (transfer full) the tooltip text at x, y or NULL; the chart must have
 * been drawn at its current size. */
char      *kassa_nps_chart_get_tooltip_at (KassaNpsChart       *self,
                                           double               x,
                                           double               y);
/* (transfer full) "Q4 2026": the label of the quarter starting on day. */
char      *kassa_nps_chart_format_quarter (KassaDay             period_start);

G_END_DECLS
