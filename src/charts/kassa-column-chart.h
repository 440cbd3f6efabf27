/* kassa-column-chart.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Money per category: labelled categories on x (weeks, months, aging
 * buckets: the caller formats the labels) with one column per series,
 * side by side (grouped: inflows vs outflows, this year vs last year) or
 * stacked in series order (aging buckets).  Value ticks on the left from
 * the caller's formatter (kassa-chart-axis.h), a legend above the plot
 * when any series has a name.  Drawn into any cairo_t; colours and font
 * come from the caller so a widget follows dark mode.
 *
 * Geometry is snapped to whole device pixels like KassaBarChart: the zero
 * line is the row kassa_column_chart_get_y (chart, 0); a positive column
 * covers the rows from get_y (value) down to the row above it, a negative
 * column the rows below it down to get_y (value).  Stacked: positive
 * values stack upward from zero and negative ones downward, each in
 * series order (series 0 nearest the zero line).  The value range always
 * holds zero.  No categories draw the axis and nothing else.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "kassa-chart-axis.h"

G_BEGIN_DECLS

typedef struct _KassaColumnChart KassaColumnChart;

typedef enum
{
  KASSA_COLUMN_CHART_GROUPED,
  KASSA_COLUMN_CHART_STACKED,
} KassaColumnChartMode;

typedef struct
{
  guint  category;
  guint  series;
  gint64 value;    /* the column's own value */
  gint64 total;    /* sum of every series in the category (stacked hover) */
} KassaColumnChartHit;

KassaColumnChart *kassa_column_chart_new                (KassaColumnChartMode       mode);
void              kassa_column_chart_free               (KassaColumnChart          *chart);

void              kassa_column_chart_set_mode           (KassaColumnChart          *chart,
                                                         KassaColumnChartMode       mode);
/* Copies labels[0 … n − 1] and removes every series. */
void              kassa_column_chart_set_categories     (KassaColumnChart          *chart,
                                                         const char * const        *labels,
                                                         guint                      n);
guint             kassa_column_chart_get_n_categories   (KassaColumnChart          *chart);
/* Copies values[0 … n_categories − 1]; returns the series index.  name
 * (nullable) goes to the legend. */
guint             kassa_column_chart_add_series         (KassaColumnChart          *chart,
                                                         const char                *name,
                                                         const gint64              *values,
                                                         const KassaChartColour    *colour);
guint             kassa_column_chart_get_n_series       (KassaColumnChart          *chart);

/* axis: labels, legend text, zero line and (faded) grid lines. */
void              kassa_column_chart_set_axis_colour    (KassaColumnChart          *chart,
                                                         const KassaChartColour    *axis);
/* (nullable) font of every label; NULL is "Sans 9". */
void              kassa_column_chart_set_font           (KassaColumnChart          *chart,
                                                         const PangoFontDescription *font);
void              kassa_column_chart_set_value_format_func (KassaColumnChart       *chart,
                                                         KassaChartValueFormatFunc  func,
                                                         gpointer                   user_data,
                                                         GDestroyNotify             destroy);
/* The smallest value tick step in minor units (default 100: whole euros). */
void              kassa_column_chart_set_min_value_step (KassaColumnChart          *chart,
                                                         gint64                     step);
/* The column drawn with an outline (hover); category -1 for none. */
void              kassa_column_chart_set_highlight      (KassaColumnChart          *chart,
                                                         int                        category,
                                                         int                        series);

/* Computes the geometry for width × height (cr measures the labels).
 * kassa_column_chart_draw does it too; the getters below describe the
 * last geometry computed. */
void              kassa_column_chart_layout             (KassaColumnChart          *chart,
                                                         cairo_t                   *cr,
                                                         double                     width,
                                                         double                     height);
/* Draws from the current origin of cr. */
void              kassa_column_chart_draw               (KassaColumnChart          *chart,
                                                         cairo_t                   *cr,
                                                         double                     width,
                                                         double                     height);

void              kassa_column_chart_get_plot_area      (KassaColumnChart          *chart,
                                                         cairo_rectangle_t         *area);
void              kassa_column_chart_get_value_ticks    (KassaColumnChart          *chart,
                                                         KassaChartValueTicks      *ticks);
/* The pixel row of value on the axis. */
double            kassa_column_chart_get_y              (KassaColumnChart          *chart,
                                                         gint64                     value);
/* The rectangle of one column as drawn; FALSE when out of range or the
 * value is zero (nothing drawn). */
gboolean          kassa_column_chart_get_column         (KassaColumnChart          *chart,
                                                         guint                      category,
                                                         guint                      series,
                                                         cairo_rectangle_t         *column);
/* The column under x, y (hover).  Grouped: the column whose slot holds x;
 * stacked: the segment holding y, else the nearest segment of the
 * category.  FALSE outside the categories or without series. */
gboolean          kassa_column_chart_hit_test           (KassaColumnChart          *chart,
                                                         double                     x,
                                                         double                     y,
                                                         KassaColumnChartHit       *hit);

/* The largest column (grouped) or category total (stacked; *series is
 * then -1); first if tied.  FALSE without data. */
gboolean          kassa_column_chart_get_highest        (KassaColumnChart          *chart,
                                                         guint                     *category,
                                                         int                       *series,
                                                         gint64                    *value);

/* (transfer full) the accessible description from strings the caller
 * formatted, e.g. "Inflows and outflows by week from W48 to W8: highest
 * Inflows, 12 000 € in W3".  series_name (nullable) for a stacked total;
 * first_category NULL: "…: no data". */
char             *kassa_column_chart_describe           (const char                *title,
                                                         const char                *first_category,
                                                         const char                *last_category,
                                                         const char                *series_name,
                                                         const char                *highest_value,
                                                         const char                *highest_category);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaColumnChart, kassa_column_chart_free)

G_END_DECLS
