/* kassa-cash-chart.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin widget around the charts of src/charts: the cash balance over
 * time (KassaLineChart) or the inflows vs outflows per period
 * (KassaColumnChart).  Colours come from the style, values show on hover
 * and the accessible description says what the chart shows.
 */
#pragma once

#include <gtk/gtk.h>

#include "kassa-forecast.h"

G_BEGIN_DECLS

#define KASSA_TYPE_CASH_CHART (kassa_cash_chart_get_type ())

G_DECLARE_FINAL_TYPE (KassaCashChart, kassa_cash_chart, KASSA, CASH_CHART, GtkWidget)

GtkWidget *kassa_cash_chart_new_balance    (void);
GtkWidget *kassa_cash_chart_new_flows      (void);

/* The balance chart: the forecast's first n_days daily closing balances
 * (dashed, named name in the legend, NULL: "Forecast"), the entered
 * balances before today (solid, nullable), the band between the forecast
 * and compare (nullable) with compare_name in the legend, the minimum
 * buffer line and the today marker. */
void       kassa_cash_chart_set_balance    (KassaCashChart      *self,
                                            const char          *currency,
                                            const KassaForecast *forecast,
                                            const char          *name,
                                            guint                n_days,
                                            const KassaForecast *compare,
                                            const char          *compare_name,
                                            const KassaDay      *actual_days,
                                            const gint64        *actual_values,
                                            guint                n_actual);
/* The flows chart: receipts and outflows of the 13 weeks or 12 months. */
void       kassa_cash_chart_set_flows      (KassaCashChart      *self,
                                            const char          *currency,
                                            const KassaForecast *forecast,
                                            gboolean             months);
/* Removes all data (the chart draws its empty axes). */
void       kassa_cash_chart_clear          (KassaCashChart      *self);

/* (transfer full) the text of the tooltip at x, y (NULL: nothing there);
 * the chart must have been drawn at its current size. */
char      *kassa_cash_chart_get_tooltip_at (KassaCashChart      *self,
                                            double               x,
                                            double               y);

G_END_DECLS
