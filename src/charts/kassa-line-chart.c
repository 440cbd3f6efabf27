/* kassa-line-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "kassa-line-chart.h"

/* Room around the plot.  Fixed, so geometry is predictable. */
#define PAD_TOP 8
#define PAD_BOTTOM 4
#define PAD_RIGHT 8
#define LABEL_GAP 6
#define LEGEND_GAP 6
#define TICK_LENGTH 4
/* Points at the first and last day keep this far from the plot's edges,
 * so their dots are not clipped. */
#define X_INSET 4
/* Ticks closer than this would crowd their labels. */
#define MIN_TICK_SPACING 28
#define MIN_DATE_LABEL_GAP 12
#define LINE_WIDTH 2.0
#define DOT_RADIUS 3.0
#define HIGHLIGHT_RADIUS 5.0
#define DEFAULT_MIN_STEP 100

typedef struct
{
  char             *name;
  GArray           *days;     /* of KassaDay, ascending */
  GArray           *values;   /* of gint64 */
  KassaChartColour  colour;
  KassaLineStyle    style;
} Series;

typedef struct
{
  GArray           *days;     /* of KassaDay, ascending */
  GArray           *low;      /* of gint64 */
  GArray           *high;     /* of gint64 */
  KassaChartColour  colour;
} Band;

typedef struct
{
  gboolean          shown;
  gint64            value;    /* reference line */
  KassaDay          day;      /* marker */
  char             *label;
  KassaChartColour  colour;
} Guide;

typedef struct
{
  double               width;
  double               height;
  double               plot_left;
  double               plot_width;
  double               legend_height;
  KassaChartValueAxis  value_axis;
  KassaChartDateAxis   date_axis;
  gboolean             has_values;   /* a series, band or reference line */
} Layout;

struct _KassaLineChart
{
  GPtrArray                 *series;   /* of Series */
  Band                       band;
  Guide                      reference;
  Guide                      marker;
  KassaChartColour           axis;
  PangoFontDescription      *font;
  KassaChartValueFormatFunc  value_format;
  gpointer                   value_format_data;
  GDestroyNotify             value_format_destroy;
  KassaChartDateFormatFunc   date_format;
  gpointer                   date_format_data;
  GDestroyNotify             date_format_destroy;
  gint64                     min_step;
  int                        highlight_series;
  int                        highlight_index;
  Layout                     layout;
};

static const KassaChartColour default_axis = { 0.0, 0.0, 0.0, 0.8 };
static const KassaChartColour default_line = { 0.21, 0.52, 0.89, 1.0 };
static const double dash_pattern[] = { 6.0, 4.0 };

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_array_unref (series->days);
  g_array_unref (series->values);
  g_free (series);
}

static Series *
get_series (KassaLineChart *chart,
            guint           index)
{
  return g_ptr_array_index (chart->series, index);
}

static KassaDay
day_at (GArray *days,
        guint   index)
{
  return g_array_index (days, KassaDay, index);
}

static gint64
value_at (GArray *values,
          guint   index)
{
  return g_array_index (values, gint64, index);
}

static void
band_clear (Band *band)
{
  g_array_set_size (band->days, 0);
  g_array_set_size (band->low, 0);
  g_array_set_size (band->high, 0);
}

static void
guide_clear (Guide *guide)
{
  guide->shown = FALSE;
  g_clear_pointer (&guide->label, g_free);
}

static void
guide_set (Guide                  *guide,
           const char             *label,
           const KassaChartColour *colour)
{
  g_free (guide->label);
  guide->label = g_strdup (label);
  guide->colour = colour != NULL ? *colour : default_axis;
  guide->shown = TRUE;
}

static void
find_day_range (KassaLineChart *chart)
{
  Layout *layout = &chart->layout;

  layout->date_axis.has_days = FALSE;
  for (guint i = 0; i < chart->series->len; i++)
    {
      GArray *days = get_series (chart, i)->days;

      if (days->len > 0)
        {
          kassa_chart_date_axis_include (&layout->date_axis, day_at (days, 0));
          kassa_chart_date_axis_include (&layout->date_axis, day_at (days, days->len - 1));
        }
    }

  if (chart->band.days->len > 0)
    {
      kassa_chart_date_axis_include (&layout->date_axis, day_at (chart->band.days, 0));
      kassa_chart_date_axis_include (&layout->date_axis, day_at (chart->band.days, chart->band.days->len - 1));
    }

  if (chart->marker.shown)
    kassa_chart_date_axis_include (&layout->date_axis, chart->marker.day);
}

static void
include_values (GArray   *values,
                gboolean *any,
                gint64   *low,
                gint64   *high)
{
  for (guint i = 0; i < values->len; i++)
    {
      gint64 value = value_at (values, i);

      *low = *any ? MIN (*low, value) : value;
      *high = *any ? MAX (*high, value) : value;
      *any = TRUE;
    }
}

static void
find_value_range (KassaLineChart *chart,
                  gint64         *low,
                  gint64         *high)
{
  gboolean any = FALSE;

  *low = *high = 0;
  for (guint i = 0; i < chart->series->len; i++)
    include_values (get_series (chart, i)->values, &any, low, high);
  include_values (chart->band.low, &any, low, high);
  include_values (chart->band.high, &any, low, high);

  if (chart->reference.shown)
    {
      *low = any ? MIN (*low, chart->reference.value) : chart->reference.value;
      *high = any ? MAX (*high, chart->reference.value) : chart->reference.value;
      any = TRUE;
    }
  chart->layout.has_values = any;

  /* Below zero the zero line must be visible to read the sign. */
  if (*low < 0)
    *high = MAX (*high, 0);
}

static double
row_of (const Layout *layout,
        gint64        value)
{
  return kassa_chart_value_axis_row (&layout->value_axis, value);
}

static double
x_of (const Layout *layout,
      KassaDay      day)
{
  return kassa_chart_date_axis_x (&layout->date_axis, day);
}

static guint
n_legend_entries (KassaLineChart *chart)
{
  guint n = 0;

  for (guint i = 0; i < chart->series->len; i++)
    if (get_series (chart, i)->name != NULL)
      n++;

  return n;
}

static void
layout_rows (KassaLineChart *chart,
             cairo_t        *cr)
{
  Layout *layout = &chart->layout;
  guint n_entries = n_legend_entries (chart);
  int label_height;
  gint64 low, high;
  guint max_intervals;

  kassa_chart_label_size (cr, chart->font, "0", NULL, &label_height);
  layout->legend_height = kassa_chart_legend_height (cr, chart->font, n_entries);
  layout->value_axis.top = PAD_TOP + (n_entries > 0 ? layout->legend_height + LEGEND_GAP : 0);
  layout->value_axis.height = MAX (1.0, floor (layout->height) - layout->value_axis.top - PAD_BOTTOM -
                                  TICK_LENGTH - label_height);

  find_value_range (chart, &low, &high);
  max_intervals = MAX (2, (guint) (layout->value_axis.height / MIN_TICK_SPACING));
  kassa_chart_value_ticks (low, high, chart->min_step, max_intervals, &layout->value_axis.ticks);
}

static double
plot_bottom (const Layout *layout)
{
  return row_of (layout, layout->value_axis.ticks.min);
}

static void
draw_grid (KassaLineChart *chart,
           cairo_t        *cr)
{
  const Layout *layout = &chart->layout;
  double top = layout->value_axis.top;
  double bottom = plot_bottom (layout);
  GArray *days = layout->date_axis.ticks.days;

  /* Without data, tick labels and grid would claim a range: frame only. */
  if (layout->has_values)
    kassa_chart_value_axis_draw_grid (&layout->value_axis, cr, &chart->axis,
                                      layout->plot_left, layout->plot_width);

  /* The plot's left edge and bottom row, with tick marks below it. */
  kassa_chart_set_source (cr, &chart->axis, 1.0);
  cairo_rectangle (cr, layout->plot_left, bottom, layout->plot_width, 1);
  cairo_rectangle (cr, layout->plot_left, top, 1, bottom - top + 1);
  for (guint i = 0; i < days->len; i++)
    cairo_rectangle (cr, floor (x_of (layout, day_at (days, i))), bottom + 1, 1, TICK_LENGTH);
  cairo_fill (cr);
}

static void
draw_band (KassaLineChart *chart,
           cairo_t        *cr)
{
  const Layout *layout = &chart->layout;
  const Band *band = &chart->band;

  if (band->days->len == 0)
    return;

  for (guint i = 0; i < band->days->len; i++)
    cairo_line_to (cr, x_of (layout, day_at (band->days, i)), row_of (layout, value_at (band->high, i)) + 0.5);
  for (guint i = band->days->len; i-- > 0;)
    cairo_line_to (cr, x_of (layout, day_at (band->days, i)), row_of (layout, value_at (band->low, i)) + 0.5);
  cairo_close_path (cr);

  kassa_chart_set_source (cr, &band->colour, 1.0);
  /* A band of one day, or of low = high, is still a visible stroke. */
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

static void
draw_reference (KassaLineChart *chart,
                cairo_t        *cr)
{
  const Layout *layout = &chart->layout;
  double y;

  if (!chart->reference.shown)
    return;

  y = row_of (layout, chart->reference.value) + 0.5;
  cairo_save (cr);
  kassa_chart_set_source (cr, &chart->reference.colour, 1.0);
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, dash_pattern, G_N_ELEMENTS (dash_pattern), 0.0);
  cairo_move_to (cr, layout->plot_left, y);
  cairo_line_to (cr, layout->plot_left + layout->plot_width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_marker (KassaLineChart *chart,
             cairo_t        *cr)
{
  const Layout *layout = &chart->layout;
  double x;

  if (!chart->marker.shown)
    return;

  x = x_of (layout, chart->marker.day);
  kassa_chart_set_source (cr, &chart->marker.colour, 1.0);
  cairo_rectangle (cr, x - 0.5, layout->value_axis.top, 1, plot_bottom (layout) - layout->value_axis.top);
  cairo_fill (cr);
}

static void
draw_dot (cairo_t *cr,
          double   x,
          double   y,
          double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_series (KassaLineChart *chart,
             cairo_t        *cr,
             Series         *series)
{
  const Layout *layout = &chart->layout;

  if (series->days->len == 0)
    return;

  kassa_chart_set_source (cr, &series->colour, 1.0);
  if (series->days->len == 1)
    {
      draw_dot (cr, x_of (layout, day_at (series->days, 0)),
                row_of (layout, value_at (series->values, 0)) + 0.5, DOT_RADIUS);
      return;
    }

  cairo_save (cr);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (series->style == KASSA_LINE_STYLE_DASHED)
    cairo_set_dash (cr, dash_pattern, G_N_ELEMENTS (dash_pattern), 0.0);
  for (guint i = 0; i < series->days->len; i++)
    cairo_line_to (cr, x_of (layout, day_at (series->days, i)),
                   row_of (layout, value_at (series->values, i)) + 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_highlight (KassaLineChart *chart,
                cairo_t        *cr)
{
  const Layout *layout = &chart->layout;
  Series *series;
  double x, y;

  if (chart->highlight_series < 0)
    return;

  series = get_series (chart, chart->highlight_series);
  x = x_of (layout, day_at (series->days, chart->highlight_index));
  y = row_of (layout, value_at (series->values, chart->highlight_index)) + 0.5;

  kassa_chart_set_source (cr, &chart->axis, 0.5);
  cairo_rectangle (cr, x - 0.5, layout->value_axis.top, 1, plot_bottom (layout) - layout->value_axis.top);
  cairo_fill (cr);
  kassa_chart_set_source (cr, &series->colour, 1.0);
  draw_dot (cr, x, y, HIGHLIGHT_RADIUS);
}

static void
draw_guide_labels (KassaLineChart *chart,
                   cairo_t        *cr)
{
  const Layout *layout = &chart->layout;
  double right = layout->plot_left + layout->plot_width;

  if (chart->reference.shown && chart->reference.label != NULL)
    {
      g_autoptr(PangoLayout) label = kassa_chart_create_label (cr, chart->font, chart->reference.label);
      PangoRectangle logical;

      pango_layout_get_pixel_extents (label, NULL, &logical);
      kassa_chart_set_source (cr, &chart->reference.colour, 1.0);
      kassa_chart_show_label (cr, label, right - logical.width - 2,
                  MAX (0.0, row_of (layout, chart->reference.value) - 1 - logical.height));
    }

  if (chart->marker.shown && chart->marker.label != NULL)
    {
      g_autoptr(PangoLayout) label = kassa_chart_create_label (cr, chart->font, chart->marker.label);
      PangoRectangle logical;
      double x = x_of (layout, chart->marker.day) + 3;

      pango_layout_get_pixel_extents (label, NULL, &logical);
      /* Left of the line when it would run past the plot's right edge. */
      if (x + logical.width > right)
        x = x_of (layout, chart->marker.day) - 3 - logical.width;
      kassa_chart_set_source (cr, &chart->marker.colour, 1.0);
      kassa_chart_show_label (cr, label, MAX (0.0, x), layout->value_axis.top + 1);
    }
}

static void
draw_legend (KassaLineChart *chart,
             cairo_t        *cr)
{
  g_autofree KassaChartLegendEntry *entries = g_new0 (KassaChartLegendEntry, chart->series->len);
  guint n = 0;

  for (guint i = 0; i < chart->series->len; i++)
    {
      Series *series = get_series (chart, i);

      if (series->name == NULL)
        continue;
      entries[n].name = series->name;
      entries[n].colour = &series->colour;
      entries[n].dashed = series->style == KASSA_LINE_STYLE_DASHED;
      n++;
    }

  kassa_chart_legend_draw (cr, chart->font, &chart->axis, entries, n,
                           chart->layout.plot_left, PAD_TOP);
}

/* The index in days (ascending, not empty) of the day nearest to day. */
static guint
nearest_index (GArray   *days,
               KassaDay  day)
{
  guint lo = 0, hi = days->len - 1;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (day_at (days, mid) < day)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo > 0 && day - day_at (days, lo - 1) <= day_at (days, lo) - day)
    return lo - 1;
  return lo;
}

static void
fill_band_hit (KassaLineChart    *chart,
               KassaLineChartHit *hit)
{
  GArray *days = chart->band.days;
  guint index;

  hit->in_band = FALSE;
  if (days->len == 0)
    return;

  index = nearest_index (days, hit->day);
  if (day_at (days, index) != hit->day)
    return;

  hit->in_band = TRUE;
  hit->band_low = value_at (chart->band.low, index);
  hit->band_high = value_at (chart->band.high, index);
}

/**
 * kassa_line_chart_new:
 * Returns: (transfer full): an empty chart with default colours.
 */
KassaLineChart *
kassa_line_chart_new (void)
{
  KassaLineChart *chart = g_new0 (KassaLineChart, 1);

  chart->series = g_ptr_array_new_with_free_func (series_free);
  chart->band.days = g_array_new (FALSE, FALSE, sizeof (KassaDay));
  chart->band.low = g_array_new (FALSE, FALSE, sizeof (gint64));
  chart->band.high = g_array_new (FALSE, FALSE, sizeof (gint64));
  chart->axis = default_axis;
  chart->min_step = DEFAULT_MIN_STEP;
  chart->highlight_series = -1;
  chart->highlight_index = -1;
  chart->layout.value_axis.ticks.min = -DEFAULT_MIN_STEP;
  chart->layout.value_axis.ticks.max = DEFAULT_MIN_STEP;
  chart->layout.value_axis.ticks.step = DEFAULT_MIN_STEP;
  chart->layout.plot_width = 1;
  chart->layout.value_axis.height = 1;
  chart->layout.date_axis.ticks.days = g_array_new (FALSE, FALSE, sizeof (KassaDay));

  return chart;
}

void
kassa_line_chart_free (KassaLineChart *chart)
{
  if (chart == NULL)
    return;

  if (chart->value_format_destroy != NULL)
    chart->value_format_destroy (chart->value_format_data);
  if (chart->date_format_destroy != NULL)
    chart->date_format_destroy (chart->date_format_data);
  g_ptr_array_unref (chart->series);
  g_array_unref (chart->band.days);
  g_array_unref (chart->band.low);
  g_array_unref (chart->band.high);
  guide_clear (&chart->reference);
  guide_clear (&chart->marker);
  g_clear_pointer (&chart->font, pango_font_description_free);
  kassa_chart_date_axis_clear (&chart->layout.date_axis);
  g_free (chart);
}

void
kassa_line_chart_clear (KassaLineChart *chart)
{
  g_return_if_fail (chart != NULL);

  g_ptr_array_set_size (chart->series, 0);
  band_clear (&chart->band);
  guide_clear (&chart->reference);
  guide_clear (&chart->marker);
  chart->highlight_series = chart->highlight_index = -1;
}

guint
kassa_line_chart_add_series (KassaLineChart         *chart,
                             const char             *name,
                             const KassaDay         *days,
                             const gint64           *values,
                             guint                   n,
                             const KassaChartColour *colour,
                             KassaLineStyle          style)
{
  Series *series;

  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail ((days != NULL && values != NULL) || n == 0, 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->days = g_array_sized_new (FALSE, FALSE, sizeof (KassaDay), n);
  series->values = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_array_append_vals (series->days, days, n);
  g_array_append_vals (series->values, values, n);
  series->colour = colour != NULL ? *colour : default_line;
  series->style = style;

  for (guint i = 1; i < n; i++)
    if (days[i] < days[i - 1])
      g_warning ("Line chart series %s: days not ascending at %u", name ? name : "", i);

  g_ptr_array_add (chart->series, series);
  return chart->series->len - 1;
}

guint
kassa_line_chart_get_n_series (KassaLineChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->series->len;
}

void
kassa_line_chart_set_band (KassaLineChart         *chart,
                           const KassaDay         *days,
                           const gint64           *low,
                           const gint64           *high,
                           guint                   n,
                           const KassaChartColour *colour)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail ((days != NULL && low != NULL && high != NULL) || n == 0);

  band_clear (&chart->band);
  g_array_append_vals (chart->band.days, days, n);
  g_array_append_vals (chart->band.low, low, n);
  g_array_append_vals (chart->band.high, high, n);
  chart->band.colour = colour != NULL ? *colour : default_line;
  if (colour == NULL)
    chart->band.colour.alpha = 0.2;
}

void
kassa_line_chart_set_reference (KassaLineChart         *chart,
                                gint64                  value,
                                const char             *label,
                                const KassaChartColour *colour)
{
  g_return_if_fail (chart != NULL);

  guide_set (&chart->reference, label, colour);
  chart->reference.value = value;
}

void
kassa_line_chart_clear_reference (KassaLineChart *chart)
{
  g_return_if_fail (chart != NULL);

  guide_clear (&chart->reference);
}

void
kassa_line_chart_set_marker (KassaLineChart         *chart,
                             KassaDay                day,
                             const char             *label,
                             const KassaChartColour *colour)
{
  g_return_if_fail (chart != NULL);

  guide_clear (&chart->marker);
  if (day <= 0)
    return;

  guide_set (&chart->marker, label, colour);
  chart->marker.day = day;
}

void
kassa_line_chart_set_axis_colour (KassaLineChart         *chart,
                                  const KassaChartColour *axis)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (axis != NULL);

  chart->axis = *axis;
}

void
kassa_line_chart_set_font (KassaLineChart             *chart,
                           const PangoFontDescription *font)
{
  g_return_if_fail (chart != NULL);

  g_clear_pointer (&chart->font, pango_font_description_free);
  if (font != NULL)
    chart->font = pango_font_description_copy (font);
}

void
kassa_line_chart_set_value_format_func (KassaLineChart            *chart,
                                        KassaChartValueFormatFunc  func,
                                        gpointer                   user_data,
                                        GDestroyNotify             destroy)
{
  g_return_if_fail (chart != NULL);

  if (chart->value_format_destroy != NULL)
    chart->value_format_destroy (chart->value_format_data);

  chart->value_format = func;
  chart->value_format_data = user_data;
  chart->value_format_destroy = destroy;
}

void
kassa_line_chart_set_date_format_func (KassaLineChart           *chart,
                                       KassaChartDateFormatFunc  func,
                                       gpointer                  user_data,
                                       GDestroyNotify            destroy)
{
  g_return_if_fail (chart != NULL);

  if (chart->date_format_destroy != NULL)
    chart->date_format_destroy (chart->date_format_data);

  chart->date_format = func;
  chart->date_format_data = user_data;
  chart->date_format_destroy = destroy;
}

void
kassa_line_chart_set_min_value_step (KassaLineChart *chart,
                                     gint64          step)
{
  g_return_if_fail (chart != NULL);

  chart->min_step = MAX (step, 1);
}

void
kassa_line_chart_set_highlight (KassaLineChart *chart,
                                int             series,
                                int             index)
{
  g_return_if_fail (chart != NULL);

  if (series < 0 || (guint) series >= chart->series->len || index < 0 ||
      (guint) index >= get_series (chart, series)->days->len)
    series = index = -1;

  chart->highlight_series = series;
  chart->highlight_index = index;
}

void
kassa_line_chart_layout (KassaLineChart *chart,
                         cairo_t        *cr,
                         double          width,
                         double          height)
{
  Layout *layout;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  layout = &chart->layout;
  layout->width = width;
  layout->height = height;
  find_day_range (chart);
  layout_rows (chart, cr);

  /* The value labels' width decides where the plot starts. */
  layout->plot_left = kassa_chart_value_axis_widest_label (&layout->value_axis, cr, chart->font,
                                                           chart->value_format,
                                                           chart->value_format_data) + LABEL_GAP;
  layout->plot_width = MAX (1.0, floor (width) - layout->plot_left - PAD_RIGHT);
  layout->date_axis.left = layout->plot_left + X_INSET;
  layout->date_axis.width = MAX (layout->plot_width - 2 * X_INSET, 1.0);
  kassa_chart_date_axis_choose_ticks (&layout->date_axis, cr, chart->font, chart->date_format,
                                      chart->date_format_data, MIN_DATE_LABEL_GAP);
}

void
kassa_line_chart_draw (KassaLineChart *chart,
                       cairo_t        *cr,
                       double          width,
                       double          height)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  kassa_line_chart_layout (chart, cr, width, height);

  cairo_save (cr);
  cairo_new_path (cr);
  /* Back to front: what matters most is drawn last. */
  draw_grid (chart, cr);
  draw_band (chart, cr);
  draw_reference (chart, cr);
  draw_marker (chart, cr);
  for (guint i = 0; i < chart->series->len; i++)
    draw_series (chart, cr, get_series (chart, i));
  draw_highlight (chart, cr);
  if (chart->layout.has_values)
    kassa_chart_value_axis_draw_labels (&chart->layout.value_axis, cr, chart->font,
                                        chart->value_format, chart->value_format_data,
                                        &chart->axis, chart->layout.plot_left - LABEL_GAP,
                                        height);
  kassa_chart_date_axis_draw_labels (&chart->layout.date_axis, cr, chart->font,
                                     chart->date_format, chart->date_format_data, &chart->axis,
                                     plot_bottom (&chart->layout) + 1 + TICK_LENGTH, width);
  draw_guide_labels (chart, cr);
  draw_legend (chart, cr);
  cairo_restore (cr);
}

void
kassa_line_chart_get_plot_area (KassaLineChart    *chart,
                                cairo_rectangle_t *area)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (area != NULL);

  area->x = chart->layout.plot_left;
  area->y = chart->layout.value_axis.top;
  area->width = chart->layout.plot_width;
  area->height = chart->layout.value_axis.height;
}

void
kassa_line_chart_get_value_ticks (KassaLineChart       *chart,
                                  KassaChartValueTicks *ticks)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (ticks != NULL);

  *ticks = chart->layout.value_axis.ticks;
}

const KassaDay *
kassa_line_chart_get_date_ticks (KassaLineChart     *chart,
                                 guint              *n,
                                 KassaChartDateUnit *unit)
{
  GArray *days;

  g_return_val_if_fail (chart != NULL, NULL);

  days = chart->layout.date_axis.ticks.days;
  if (n != NULL)
    *n = days->len;
  if (unit != NULL)
    *unit = chart->layout.date_axis.ticks.unit;

  return (const KassaDay *) (gpointer) days->data;
}

void
kassa_line_chart_get_day_range (KassaLineChart *chart,
                                KassaDay       *first,
                                KassaDay       *last)
{
  g_return_if_fail (chart != NULL);

  if (first != NULL)
    *first = chart->layout.date_axis.has_days ? chart->layout.date_axis.first : 0;
  if (last != NULL)
    *last = chart->layout.date_axis.has_days ? chart->layout.date_axis.last : 0;
}

double
kassa_line_chart_get_x (KassaLineChart *chart,
                        KassaDay        day)
{
  g_return_val_if_fail (chart != NULL, 0.0);

  return x_of (&chart->layout, day);
}

double
kassa_line_chart_get_y (KassaLineChart *chart,
                        gint64          value)
{
  g_return_val_if_fail (chart != NULL, 0.0);

  return row_of (&chart->layout, value) + 0.5;
}

gboolean
kassa_line_chart_hit_test (KassaLineChart    *chart,
                           double             x,
                           double             y,
                           KassaLineChartHit *hit)
{
  const Layout *layout;
  gboolean found = FALSE;
  double best_dx = 0, best_dy = 0;
  KassaDay day;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  layout = &chart->layout;
  if (!layout->date_axis.has_days || x < layout->plot_left || x > layout->plot_left + layout->plot_width)
    return FALSE;

  day = kassa_chart_date_axis_day_at (&layout->date_axis, x);
  for (guint s = 0; s < chart->series->len; s++)
    {
      Series *series = get_series (chart, s);
      guint index;
      double dx, dy;

      if (series->days->len == 0)
        continue;

      index = nearest_index (series->days, day);
      dx = fabs (x_of (layout, day_at (series->days, index)) - x);
      dy = fabs (row_of (layout, value_at (series->values, index)) + 0.5 - y);
      /* Same column (within a pixel): the nearer value wins. */
      if (found && (dx > best_dx + 0.5 || (dx > best_dx - 0.5 && dy >= best_dy)))
        continue;

      found = TRUE;
      best_dx = dx;
      best_dy = dy;
      hit->series = s;
      hit->index = index;
    }

  if (!found)
    return FALSE;

  {
    Series *series = get_series (chart, hit->series);

    hit->day = day_at (series->days, hit->index);
    hit->value = value_at (series->values, hit->index);
    hit->x = x_of (layout, hit->day);
    hit->y = row_of (layout, hit->value) + 0.5;
    fill_band_hit (chart, hit);
  }

  return TRUE;
}

gboolean
kassa_line_chart_get_lowest (KassaLineChart *chart,
                             guint           series,
                             KassaDay       *day,
                             gint64         *value)
{
  Series *line;
  guint lowest = 0;

  g_return_val_if_fail (chart != NULL, FALSE);

  if (series >= chart->series->len || get_series (chart, series)->days->len == 0)
    return FALSE;

  line = get_series (chart, series);
  for (guint i = 1; i < line->values->len; i++)
    if (value_at (line->values, i) < value_at (line->values, lowest))
      lowest = i;

  if (day != NULL)
    *day = day_at (line->days, lowest);
  if (value != NULL)
    *value = value_at (line->values, lowest);

  return TRUE;
}

char *
kassa_line_chart_describe (const char *title,
                           const char *first_day,
                           const char *last_day,
                           const char *lowest_value,
                           const char *lowest_day)
{
  g_return_val_if_fail (title != NULL, NULL);

  if (first_day == NULL)
    /* Translators: accessible description of an empty chart; %s is its title. */
    return g_strdup_printf (_("%s: no data"), title);

  if (last_day == NULL || g_strcmp0 (first_day, last_day) == 0)
    {
      if (lowest_value == NULL)
        /* Translators: accessible description of a chart of one day: title, day. */
        return g_strdup_printf (_("%s on %s"), title, first_day);

      /* Translators: accessible description of a chart of one point:
       * title, day, value, e.g. "Cash balance on 24.11.2026: 1 200 €". */
      return g_strdup_printf (_("%s on %s: %s"), title, first_day, lowest_value);
    }

  if (lowest_value == NULL || lowest_day == NULL)
    /* Translators: accessible description of a chart: title, first and last day or column. */
    return g_strdup_printf (_("%s from %s to %s"), title, first_day, last_day);

  /* Translators: accessible description of a line chart: title, first
   * day, last day, lowest value, its day, e.g. "Cash balance from
   * 24.11.2026 to 30.11.2027: lowest 120 000 € on 30.12.2026". */
  return g_strdup_printf (_("%s from %s to %s: lowest %s on %s"),
                          title, first_day, last_day, lowest_value, lowest_day);
}
