/* kassa-chart-widget.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sparkline on screen: draws kassa_sparkline_draw in the style's accent
 * colour (so dark mode and high contrast follow), shows the hovered
 * point's label as a tooltip and carries an accessible description.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KASSA_TYPE_CHART_WIDGET (kassa_chart_widget_get_type ())

G_DECLARE_FINAL_TYPE (KassaChartWidget, kassa_chart_widget, KASSA, CHART_WIDGET, GtkWidget)

GtkWidget *kassa_chart_widget_new             (void);
/* Copies values (undefined points negative or NaN, see kassa-sparkline.h)
 * and point_labels (nullable; n strings shown on hover). */
void       kassa_chart_widget_set_values      (KassaChartWidget   *self,
                                               const double       *values,
                                               guint               n,
                                               const char * const *point_labels);
guint      kassa_chart_widget_get_n_values    (KassaChartWidget   *self);
/* What a screen reader says about the chart ("DSO over the last 12
 * months: from 41.2 to 38.0 days"). */
void       kassa_chart_widget_set_description (KassaChartWidget   *self,
                                               const char         *description);

G_END_DECLS
