/* kassa-chart-axis.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the line and column charts share: the colour type, "nice" ticks
 * for a money range (1, 2 or 5 × 10^k minor units) and for a range of
 * days (days, weeks starting on Monday, months, years), the formatter
 * callbacks that turn a tick into a label, the value and date axes'
 * geometry and labels, and the legend.  No GTK: the UI passes its locale
 * money and date formatters in, and the chart code never formats a number
 * itself when a callback is set.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "kassa-types.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} KassaChartColour;

/* The unit of the date ticks: the label of a month tick can be a month
 * name ("joulu", "12月"), a day tick a short date ("24.11."). */
typedef enum
{
  KASSA_CHART_DATE_UNIT_DAY,
  KASSA_CHART_DATE_UNIT_WEEK,
  KASSA_CHART_DATE_UNIT_MONTH,
  KASSA_CHART_DATE_UNIT_YEAR,
} KassaChartDateUnit;

/* (transfer full) the label of a value tick, e.g. "150 000 €".  step is
 * the tick step in minor units, so a formatter can drop the cents when
 * every tick is a whole number of currency units. */
typedef char *(*KassaChartValueFormatFunc) (gint64   value,
                                            gint64   step,
                                            gpointer user_data);

/* (transfer full) the label of a date tick: unit is the tick unit. */
typedef char *(*KassaChartDateFormatFunc)  (KassaDay           day,
                                            KassaChartDateUnit unit,
                                            gpointer           user_data);

typedef struct
{
  gint64 min;     /* first tick, a multiple of step, ≤ the range's low */
  gint64 max;     /* last tick, a multiple of step, ≥ the range's high */
  gint64 step;    /* 1, 2 or 5 × 10^k, ≥ the min_step asked for */
} KassaChartValueTicks;

typedef struct
{
  KassaChartDateUnit unit;
  guint              count;   /* ticks are every count units: 1, 2, 3, 6 months, … */
  GArray            *days;    /* of KassaDay: the ticks inside first … last, ascending */
} KassaChartDateTicks;

/* The smallest step of 1, 2 or 5 × 10^k (at least min_step, itself
 * rounded up to such a step) whose axis rounded outward to whole steps
 * covers low … high in at most max_intervals intervals (≥ 1).
 * low = high (a flat line) is first widened by a tenth of the value, at
 * least min_step, on each side, so the value sits inside the range. */
void     kassa_chart_value_ticks       (gint64                low,
                                        gint64                high,
                                        gint64                min_step,
                                        guint                 max_intervals,
                                        KassaChartValueTicks *ticks);

/* The finest of every 1, 2 or 3 days, week (Mondays), 2 weeks, 1, 2, 3 or
 * 6 months (1st of month), 1, 2, 5, 10 … years (1 January) that puts at
 * most max_ticks (≥ 1) ticks inside first … last.  Free with
 * kassa_chart_date_ticks_clear. */
void     kassa_chart_date_ticks        (KassaDay              first,
                                        KassaDay              last,
                                        guint                 max_ticks,
                                        KassaChartDateTicks  *ticks);
void     kassa_chart_date_ticks_clear  (KassaChartDateTicks  *ticks);

/* (transfer full) func's label, or a plain fallback when func is NULL:
 * the integer for a value, ISO "2026-11-24", "2026-11" or "2026" for a
 * date.  Never NULL. */
char    *kassa_chart_format_value      (KassaChartValueFormatFunc func,
                                        gpointer                  user_data,
                                        gint64                    value,
                                        gint64                    step);
char    *kassa_chart_format_date       (KassaChartDateFormatFunc  func,
                                        gpointer                  user_data,
                                        KassaDay                  day,
                                        KassaChartDateUnit        unit);

/* A value axis laid out over pixel rows: ticks.max on row top, ticks.min
 * on row top + height. */
typedef struct
{
  KassaChartValueTicks ticks;
  double               top;
  double               height;
} KassaChartValueAxis;

/* The pixel row of value (whole rows; the pixel centre is row + 0.5). */
double   kassa_chart_value_axis_row    (const KassaChartValueAxis  *axis,
                                        gint64                      value);
/* The width of the widest tick label. */
int      kassa_chart_value_axis_widest_label (const KassaChartValueAxis  *axis,
                                        cairo_t                    *cr,
                                        const PangoFontDescription *font,
                                        KassaChartValueFormatFunc   func,
                                        gpointer                    user_data);
/* Tick labels right-aligned at right, centred on their rows but kept
 * inside 0 … max_y, in colour. */
void     kassa_chart_value_axis_draw_labels (const KassaChartValueAxis  *axis,
                                        cairo_t                    *cr,
                                        const PangoFontDescription *font,
                                        KassaChartValueFormatFunc   func,
                                        gpointer                    user_data,
                                        const KassaChartColour     *colour,
                                        double                      right,
                                        double                      max_y);
/* A faded grid row at each tick but zero, and a solid zero row when zero
 * is on the axis, from left over width. */
void     kassa_chart_value_axis_draw_grid (const KassaChartValueAxis  *axis,
                                        cairo_t                    *cr,
                                        const KassaChartColour     *colour,
                                        double                      left,
                                        double                      width);

/* A date axis laid out over pixel columns: the first day on column left,
 * the last on left + width; one day alone in the middle.  Zero-initialise,
 * include the days, set left and width, then choose the ticks; free with
 * kassa_chart_date_axis_clear. */
typedef struct
{
  gboolean            has_days;
  KassaDay            first;
  KassaDay            last;
  double              left;
  double              width;
  KassaChartDateTicks ticks;
} KassaChartDateAxis;

/* Widens first … last to hold day. */
void     kassa_chart_date_axis_include (KassaChartDateAxis         *axis,
                                        KassaDay                    day);
/* The pixel centre (whole pixel + 0.5) of the column of day. */
double   kassa_chart_date_axis_x       (const KassaChartDateAxis   *axis,
                                        KassaDay                    day);
/* The day nearest to column x, clamped to first … last. */
KassaDay kassa_chart_date_axis_day_at  (const KassaChartDateAxis   *axis,
                                        double                      x);
/* The finest ticks whose labels, min_gap apart, fit width.  No days: no
 * ticks (ticks.days is empty, never NULL, afterwards). */
void     kassa_chart_date_axis_choose_ticks (KassaChartDateAxis     *axis,
                                        cairo_t                    *cr,
                                        const PangoFontDescription *font,
                                        KassaChartDateFormatFunc    func,
                                        gpointer                    user_data,
                                        double                      min_gap);
/* Tick labels centred under their columns with their tops at y, kept
 * inside 0 … max_x, in colour. */
void     kassa_chart_date_axis_draw_labels (const KassaChartDateAxis *axis,
                                        cairo_t                    *cr,
                                        const PangoFontDescription *font,
                                        KassaChartDateFormatFunc    func,
                                        gpointer                    user_data,
                                        const KassaChartColour     *colour,
                                        double                      y,
                                        double                      max_x);
/* Frees the ticks and forgets the days. */
void     kassa_chart_date_axis_clear   (KassaChartDateAxis         *axis);

/* (transfer full) a layout for text in font (NULL: "Sans 9"). */
PangoLayout *kassa_chart_create_label  (cairo_t                    *cr,
                                        const PangoFontDescription *font,
                                        const char                 *text);

/* The logical size of text in font, in whole pixels. */
void     kassa_chart_label_size        (cairo_t                    *cr,
                                        const PangoFontDescription *font,
                                        const char                 *text,
                                        int                        *width,
                                        int                        *height);
/* Shows label with the top left of its logical extents at x, y. */
void     kassa_chart_show_label        (cairo_t                    *cr,
                                        PangoLayout                *label,
                                        double                      x,
                                        double                      y);

void     kassa_chart_set_source        (cairo_t                *cr,
                                        const KassaChartColour *colour,
                                        double                  alpha_factor);

typedef struct
{
  const char             *name;
  const KassaChartColour *colour;
  gboolean                dashed;   /* a dashed line sample instead of a square */
} KassaChartLegendEntry;

/* The height of a one-row legend in font (0 for no entries). */
double   kassa_chart_legend_height     (cairo_t                     *cr,
                                        const PangoFontDescription  *font,
                                        guint                        n_entries);
/* Draws entries in one row from x, y (top left): a sample of each colour
 * and its name, in text colour. */
void     kassa_chart_legend_draw       (cairo_t                     *cr,
                                        const PangoFontDescription  *font,
                                        const KassaChartColour      *text,
                                        const KassaChartLegendEntry *entries,
                                        guint                        n_entries,
                                        double                       x,
                                        double                       y);

G_END_DECLS
