/* kassa-bar-chart.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signed integer values as bars above and below a zero line, with a value
 * axis of ticks and labels on the left: days late per paid invoice, or any
 * other small integer series.  Drawn into any cairo_t (screen, PNG, PDF);
 * the colours and the label font come from the caller, so a widget can
 * follow dark mode and the theme's font.
 *
 * Geometry is snapped to whole device pixels: the zero line is the pixel
 * row kassa_bar_chart_get_y (chart, 0); a bar of a positive value covers
 * the rows from get_y (value) down to the row above the zero line, a bar of
 * a negative value the rows below the zero line down to get_y (value).  A
 * zero value is a short mark three rows high centred on the line, so an
 * invoice paid on its due date stays visible.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct _KassaBarChart KassaBarChart;

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} KassaBarChartColour;

/* (transfer full) the label of an axis tick, e.g. "−10" or "1 000". */
typedef char *(*KassaBarChartFormatFunc) (gint64   value,
                                          gpointer user_data);

KassaBarChart *kassa_bar_chart_new             (void);
void           kassa_bar_chart_free            (KassaBarChart             *chart);

/* Copies values[0 … n − 1], drawn left to right. */
void           kassa_bar_chart_set_values      (KassaBarChart             *chart,
                                                const gint                *values,
                                                guint                      n);
guint          kassa_bar_chart_get_n_values    (KassaBarChart             *chart);
/* above: bars of positive values; below: negative ones; axis: the zero
 * line, grid lines (faded), zero marks, labels and the highlight. */
void           kassa_bar_chart_set_colours     (KassaBarChart             *chart,
                                                const KassaBarChartColour *above,
                                                const KassaBarChartColour *below,
                                                const KassaBarChartColour *axis);
/* (nullable) font of the labels; NULL is "Sans 9". */
void           kassa_bar_chart_set_font        (KassaBarChart             *chart,
                                                const PangoFontDescription *font);
/* (nullable) format of the tick labels; NULL prints plain integers. */
void           kassa_bar_chart_set_format_func (KassaBarChart             *chart,
                                                KassaBarChartFormatFunc    func,
                                                gpointer                   user_data,
                                                GDestroyNotify             destroy);
/* The bar drawn with an outline (hover), -1 for none. */
void           kassa_bar_chart_set_highlight   (KassaBarChart             *chart,
                                                int                        index);

/* Computes the geometry for width × height (cr measures the labels).
 * kassa_bar_chart_draw does it too; the getters below describe the last
 * geometry computed. */
void           kassa_bar_chart_layout          (KassaBarChart             *chart,
                                                cairo_t                   *cr,
                                                double                     width,
                                                double                     height);
/* Draws from the current origin of cr.  No values draw nothing. */
void           kassa_bar_chart_draw            (KassaBarChart             *chart,
                                                cairo_t                   *cr,
                                                double                     width,
                                                double                     height);

/* The axis range and tick step.  Without values the range is -1 … 1. */
void           kassa_bar_chart_get_axis        (KassaBarChart             *chart,
                                                gint64                    *min,
                                                gint64                    *max,
                                                gint64                    *step);
/* The area the bars use: the value axis runs from its top (max) to its
 * bottom row (min). */
void           kassa_bar_chart_get_plot_area   (KassaBarChart             *chart,
                                                cairo_rectangle_t         *area);
/* The pixel row of value on the axis. */
double         kassa_bar_chart_get_y           (KassaBarChart             *chart,
                                                gint64                     value);
/* The rectangle of bar index as drawn; FALSE when out of range. */
gboolean       kassa_bar_chart_get_bar         (KassaBarChart             *chart,
                                                guint                      index,
                                                cairo_rectangle_t         *bar);
/* The bar whose slot contains x (hover), -1 outside the bars. */
int            kassa_bar_chart_index_at        (KassaBarChart             *chart,
                                                double                     x);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaBarChart, kassa_bar_chart_free)

G_END_DECLS
