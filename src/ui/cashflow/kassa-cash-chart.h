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

/* The generic charts of the receivables and overview pages.  A colour is
 * a named colour of the style (NULL: the text colour) and an alpha, so
 * the chart can follow dark mode. */
typedef struct
{
  const char *name;
  double      alpha;
} KassaCashChartColour;

/* Stacked columns (aging buckets per month end). */
GtkWidget *kassa_cash_chart_new_stacked    (void);
/* Money columns for a chart made by new_flows or new_stacked: n_series
 * series of n_categories values each, values[series * n_categories +
 * category]; title names the chart in its accessible description. */
void       kassa_cash_chart_set_columns    (KassaCashChart             *self,
                                            const char                 *title,
                                            const char                 *currency,
                                            const char * const         *categories,
                                            guint                       n_categories,
                                            const char * const         *series_names,
                                            const KassaCashChartColour *colours,
                                            const gint64               *values,
                                            guint                       n_series);
/* Lines of day counts for a chart made by new_balance: tenths of a day,
 * tenths[series * n + i] on days[i]; negative values are undefined and
 * left out.  Series 0 is solid, the others dashed. */
void       kassa_cash_chart_set_day_lines  (KassaCashChart             *self,
                                            const char                 *title,
                                            const KassaDay             *days,
                                            guint                       n,
                                            const char * const         *series_names,
                                            const KassaCashChartColour *colours,
                                            const gint64               *tenths,
                                            guint                       n_series);
/* For tests: the categories of a column chart and the sum of one
 * category's values over every series. */
guint      kassa_cash_chart_get_n_categories   (KassaCashChart *self);
gint64     kassa_cash_chart_get_category_total (KassaCashChart *self,
                                                guint           category);

/* (transfer full) the text of the tooltip at x, y (NULL: nothing there);
 * the chart must have been drawn at its current size. */
char      *kassa_cash_chart_get_tooltip_at (KassaCashChart      *self,
                                            double               x,
                                            double               y);

G_END_DECLS
