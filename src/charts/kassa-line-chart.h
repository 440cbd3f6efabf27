/* kassa-line-chart.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Money over days: any number of lines (actual solid, forecast dashed),
 * one optional band (the scenarios' min … max per day), a horizontal
 * dashed reference line with a label (the minimum cash buffer) and a
 * vertical marker (today).  Value ticks on the left, date ticks below,
 * labels from the caller's formatters (see kassa-chart-axis.h), a legend
 * above the plot when any series has a name.  Drawn into any cairo_t
 * (screen, PNG, PDF); colours and font come from the caller so a widget
 * follows dark mode.
 *
 * Geometry: kassa_line_chart_get_x / get_y map a day / a value to the
 * device pixel (pixel centre, whole pixel + 0.5) where a point of it is
 * drawn.  The x range is the first … last day of all series, the band and
 * the marker; one day alone sits in the middle.  The value range covers
 * every series value, the band and the reference line, and zero whenever
 * a value is negative (the zero line is drawn then); all-equal values get
 * a range around them, so the flat line runs through the middle.  No data
 * draws the axes and nothing else.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "kassa-chart-axis.h"
#include "kassa-types.h"

G_BEGIN_DECLS

typedef struct _KassaLineChart KassaLineChart;

typedef enum
{
  KASSA_LINE_STYLE_SOLID,
  KASSA_LINE_STYLE_DASHED,
} KassaLineStyle;

typedef struct
{
  guint    series;     /* index from kassa_line_chart_add_series */
  guint    index;      /* point index within the series */
  KassaDay day;
  gint64   value;
  double   x;          /* where the point is drawn */
  double   y;
  gboolean in_band;    /* the band has this day: band_low … band_high */
  gint64   band_low;
  gint64   band_high;
} KassaLineChartHit;

KassaLineChart *kassa_line_chart_new                 (void);
void            kassa_line_chart_free                (KassaLineChart            *chart);

/* Removes every series, the band, the reference line and the marker. */
void            kassa_line_chart_clear               (KassaLineChart            *chart);

/* Copies days[0 … n − 1] (ascending) and values; returns the index of
 * the series.  name (nullable) goes to the legend.  One point is a dot. */
guint           kassa_line_chart_add_series          (KassaLineChart            *chart,
                                                      const char                *name,
                                                      const KassaDay            *days,
                                                      const gint64              *values,
                                                      guint                      n,
                                                      const KassaChartColour    *colour,
                                                      KassaLineStyle             style);
guint           kassa_line_chart_get_n_series        (KassaLineChart            *chart);

/* Copies the band: low[i] … high[i] on days[i] (ascending), filled in
 * colour (give it a low alpha).  n = 0 removes the band. */
void            kassa_line_chart_set_band            (KassaLineChart            *chart,
                                                      const KassaDay            *days,
                                                      const gint64              *low,
                                                      const gint64              *high,
                                                      guint                      n,
                                                      const KassaChartColour    *colour);

/* A dashed horizontal line at value, label (nullable) drawn above its
 * right end.  kassa_line_chart_clear_reference removes it. */
void            kassa_line_chart_set_reference       (KassaLineChart            *chart,
                                                      gint64                     value,
                                                      const char                *label,
                                                      const KassaChartColour    *colour);
void            kassa_line_chart_clear_reference     (KassaLineChart            *chart);

/* A vertical line at day (0 removes it), label (nullable) at its top. */
void            kassa_line_chart_set_marker          (KassaLineChart            *chart,
                                                      KassaDay                   day,
                                                      const char                *label,
                                                      const KassaChartColour    *colour);

/* axis: tick labels, legend text, the plot's frame, zero line and (faded)
 * grid lines. */
void            kassa_line_chart_set_axis_colour     (KassaLineChart            *chart,
                                                      const KassaChartColour    *axis);
/* (nullable) font of every label; NULL is "Sans 9". */
void            kassa_line_chart_set_font            (KassaLineChart            *chart,
                                                      const PangoFontDescription *font);
void            kassa_line_chart_set_value_format_func (KassaLineChart          *chart,
                                                      KassaChartValueFormatFunc  func,
                                                      gpointer                   user_data,
                                                      GDestroyNotify             destroy);
void            kassa_line_chart_set_date_format_func (KassaLineChart           *chart,
                                                      KassaChartDateFormatFunc   func,
                                                      gpointer                   user_data,
                                                      GDestroyNotify             destroy);
/* The smallest value tick step in minor units (default 100: whole euros). */
void            kassa_line_chart_set_min_value_step  (KassaLineChart            *chart,
                                                      gint64                     step);
/* The point drawn enlarged with a vertical guide (hover); series -1 for
 * none. */
void            kassa_line_chart_set_highlight       (KassaLineChart            *chart,
                                                      int                        series,
                                                      int                        index);

/* Computes the geometry for width × height (cr measures the labels).
 * kassa_line_chart_draw does it too; the getters below describe the last
 * geometry computed. */
void            kassa_line_chart_layout              (KassaLineChart            *chart,
                                                      cairo_t                   *cr,
                                                      double                     width,
                                                      double                     height);
/* Draws from the current origin of cr. */
void            kassa_line_chart_draw                (KassaLineChart            *chart,
                                                      cairo_t                   *cr,
                                                      double                     width,
                                                      double                     height);

void            kassa_line_chart_get_plot_area       (KassaLineChart            *chart,
                                                      cairo_rectangle_t         *area);
void            kassa_line_chart_get_value_ticks     (KassaLineChart            *chart,
                                                      KassaChartValueTicks      *ticks);
/* The date ticks of the last layout (ascending); (transfer none). */
const KassaDay *kassa_line_chart_get_date_ticks      (KassaLineChart            *chart,
                                                      guint                     *n,
                                                      KassaChartDateUnit        *unit);
void            kassa_line_chart_get_day_range       (KassaLineChart            *chart,
                                                      KassaDay                  *first,
                                                      KassaDay                  *last);
double          kassa_line_chart_get_x               (KassaLineChart            *chart,
                                                      KassaDay                   day);
double          kassa_line_chart_get_y               (KassaLineChart            *chart,
                                                      gint64                     value);

/* The point nearest to the pointer at x, y (hover): the nearest day
 * first, then among the series with a point that day the nearest value.
 * FALSE without data or when x is outside the plot area. */
gboolean        kassa_line_chart_hit_test            (KassaLineChart            *chart,
                                                      double                     x,
                                                      double                     y,
                                                      KassaLineChartHit         *hit);

/* The lowest (first if tied) point of series; FALSE when it is empty. */
gboolean        kassa_line_chart_get_lowest          (KassaLineChart            *chart,
                                                      guint                      series,
                                                      KassaDay                  *day,
                                                      gint64                    *value);

/* (transfer full) the accessible description, from strings the caller
 * formatted, e.g. "Cash balance from 24.11.2026 to 30.11.2027: lowest
 * 120 000 € on 30.12.2026".  first_day NULL: "Cash balance: no data";
 * first_day = last_day (or last_day NULL): one point. */
char           *kassa_line_chart_describe            (const char                *title,
                                                      const char                *first_day,
                                                      const char                *last_day,
                                                      const char                *lowest_value,
                                                      const char                *lowest_day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaLineChart, kassa_line_chart_free)

G_END_DECLS
