/* kassa-bar-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-charts"

#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "kassa-bar-chart.h"

/* Room around the plot.  Fixed, so geometry is predictable: a chart of
 * height h has its axis from row PAD_TOP to row h − PAD_BOTTOM. */
#define PAD_TOP 8
#define PAD_BOTTOM 8
#define PAD_RIGHT 4
#define LABEL_GAP 6
/* Ticks closer than this would crowd their labels. */
#define MIN_TICK_SPACING 28
#define MAX_BAR_WIDTH 32
#define BAR_SHARE 0.7
#define GRID_ALPHA 0.15
#define DEFAULT_FONT "Sans 9"

typedef struct
{
  gint64 axis_min;
  gint64 axis_max;
  gint64 step;
  double width;
  double height;
  double plot_left;
  double plot_top;
  double plot_width;
  double plot_height;   /* rows from the top (max) to the bottom row (min) */
} Layout;

struct _KassaBarChart
{
  GArray                  *values;        /* of gint */
  KassaBarChartColour      above;
  KassaBarChartColour      below;
  KassaBarChartColour      axis;
  PangoFontDescription    *font;
  KassaBarChartFormatFunc  format;
  gpointer                 format_data;
  GDestroyNotify           format_destroy;
  int                      highlight;
  Layout                   layout;
};

static const KassaBarChartColour default_above = { 0.75, 0.11, 0.16, 1.0 };
static const KassaBarChartColour default_below = { 0.21, 0.52, 0.89, 1.0 };
static const KassaBarChartColour default_axis = { 0.0, 0.0, 0.0, 0.8 };

/* Integer division rounding toward minus and plus infinity (divisor > 0). */
static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static gint64
ceil_div (gint64 a,
          gint64 b)
{
  return a >= 0 ? (a + b - 1) / b : -((-a) / b);
}

static void
find_value_range (KassaBarChart *chart,
                  gint64        *low,
                  gint64        *high)
{
  /* Zero is always on the axis: the bars start there. */
  *low = 0;
  *high = 0;

  for (guint i = 0; i < chart->values->len; i++)
    {
      gint64 value = g_array_index (chart->values, gint, i);

      *low = MIN (*low, value);
      *high = MAX (*high, value);
    }

  /* Nothing but zeros (or nothing): a symmetric axis puts the line in the
   * middle, where zero marks read as "on time" rather than "minimum". */
  if (*low == 0 && *high == 0)
    {
      *low = -1;
      *high = 1;
    }
}

/* The smallest step of 1, 2 or 5 × 10^k whose rounded axis needs no more
 * than max_intervals intervals. */
static void
choose_ticks (Layout *layout,
              gint64  low,
              gint64  high)
{
  static const gint64 multiples[] = { 1, 2, 5 };
  int max_intervals = MAX (2, (int) (layout->plot_height / MIN_TICK_SPACING));

  for (gint64 magnitude = 1; ; magnitude *= 10)
    {
      for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
        {
          gint64 step = multiples[i] * magnitude;
          gint64 axis_min = floor_div (low, step) * step;
          gint64 axis_max = ceil_div (high, step) * step;

          /* With at least two intervals a step as wide as the range always
           * fits, so the loop ends. */
          if ((axis_max - axis_min) / step <= max_intervals)
            {
              layout->axis_min = axis_min;
              layout->axis_max = axis_max;
              layout->step = step;
              return;
            }
        }
    }
}

static double
y_of (const Layout *layout,
      gint64        value)
{
  double span = (double) (layout->axis_max - layout->axis_min);

  return round (layout->plot_top + (double) (layout->axis_max - value) * layout->plot_height / span);
}

static char *
format_tick (KassaBarChart *chart,
             gint64         value)
{
  if (chart->format != NULL)
    return chart->format (value, chart->format_data);

  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static PangoLayout *
create_label (KassaBarChart *chart,
              cairo_t       *cr,
              gint64         value)
{
  PangoLayout *label = pango_cairo_create_layout (cr);
  g_autofree char *text = format_tick (chart, value);

  if (chart->font != NULL)
    {
      pango_layout_set_font_description (label, chart->font);
    }
  else
    {
      PangoFontDescription *font = pango_font_description_from_string (DEFAULT_FONT);

      pango_layout_set_font_description (label, font);
      pango_font_description_free (font);
    }

  pango_layout_set_text (label, text != NULL ? text : "", -1);
  return label;
}

static int
widest_label (KassaBarChart *chart,
              cairo_t       *cr)
{
  const Layout *layout = &chart->layout;
  int widest = 0;

  for (gint64 tick = layout->axis_min; tick <= layout->axis_max; tick += layout->step)
    {
      g_autoptr(PangoLayout) label = create_label (chart, cr, tick);
      PangoRectangle logical;

      pango_layout_get_pixel_extents (label, NULL, &logical);
      widest = MAX (widest, logical.width);
    }

  return widest;
}

static void
set_source (cairo_t                   *cr,
            const KassaBarChartColour *colour,
            double                     alpha_factor)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue,
                         colour->alpha * alpha_factor);
}

static void
fill_row (cairo_t      *cr,
          const Layout *layout,
          double        y)
{
  cairo_rectangle (cr, layout->plot_left, y, layout->plot_width, 1);
  cairo_fill (cr);
}

static void
draw_axis (KassaBarChart *chart,
           cairo_t       *cr)
{
  const Layout *layout = &chart->layout;

  set_source (cr, &chart->axis, GRID_ALPHA);
  for (gint64 tick = layout->axis_min; tick <= layout->axis_max; tick += layout->step)
    if (tick != 0)
      fill_row (cr, layout, y_of (layout, tick));

  set_source (cr, &chart->axis, 1.0);
  fill_row (cr, layout, y_of (layout, 0));
}

static void
draw_labels (KassaBarChart *chart,
             cairo_t       *cr)
{
  const Layout *layout = &chart->layout;
  double right = layout->plot_left - LABEL_GAP;

  set_source (cr, &chart->axis, 1.0);
  for (gint64 tick = layout->axis_min; tick <= layout->axis_max; tick += layout->step)
    {
      g_autoptr(PangoLayout) label = create_label (chart, cr, tick);
      PangoRectangle logical;
      double y;

      pango_layout_get_pixel_extents (label, NULL, &logical);
      /* Centred on the tick row, but never cut off at the edges. */
      y = y_of (layout, tick) + 0.5 - logical.height / 2.0;
      y = CLAMP (y, 0.0, MAX (0.0, layout->height - logical.height));
      cairo_move_to (cr, right - logical.width - logical.x, y - logical.y);
      pango_cairo_show_layout (cr, label);
    }
}

static double
slot_width (KassaBarChart *chart)
{
  return chart->layout.plot_width / MAX (chart->values->len, 1);
}

static void
bar_columns (KassaBarChart *chart,
             guint          index,
             double        *x,
             double        *width)
{
  double slot = slot_width (chart);
  double bar = CLAMP (floor (slot * BAR_SHARE), 1.0, MAX_BAR_WIDTH);

  *x = round (chart->layout.plot_left + slot * index + (slot - bar) / 2);
  *width = bar;
}

static void
draw_bars (KassaBarChart *chart,
           cairo_t       *cr)
{
  for (guint i = 0; i < chart->values->len; i++)
    {
      gint value = g_array_index (chart->values, gint, i);
      cairo_rectangle_t bar;

      kassa_bar_chart_get_bar (chart, i, &bar);
      if (value > 0)
        set_source (cr, &chart->above, 1.0);
      else if (value < 0)
        set_source (cr, &chart->below, 1.0);
      else
        set_source (cr, &chart->axis, 1.0);

      cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
      cairo_fill (cr);
    }
}

static void
draw_highlight (KassaBarChart *chart,
                cairo_t       *cr)
{
  cairo_rectangle_t bar;

  if (chart->highlight < 0 || !kassa_bar_chart_get_bar (chart, chart->highlight, &bar))
    return;

  set_source (cr, &chart->axis, 1.0);
  cairo_set_line_width (cr, 1.0);
  cairo_rectangle (cr, bar.x - 1.5, bar.y - 1.5, bar.width + 3, bar.height + 3);
  cairo_stroke (cr);
}

/**
 * kassa_bar_chart_new:
 * Returns: (transfer full): an empty chart with default colours.
 */
KassaBarChart *
kassa_bar_chart_new (void)
{
  KassaBarChart *chart = g_new0 (KassaBarChart, 1);

  chart->values = g_array_new (FALSE, FALSE, sizeof (gint));
  chart->above = default_above;
  chart->below = default_below;
  chart->axis = default_axis;
  chart->highlight = -1;
  chart->layout.axis_min = -1;
  chart->layout.axis_max = 1;
  chart->layout.step = 1;
  chart->layout.plot_width = 1;
  chart->layout.plot_height = 1;

  return chart;
}

void
kassa_bar_chart_free (KassaBarChart *chart)
{
  if (chart == NULL)
    return;

  if (chart->format_destroy != NULL)
    chart->format_destroy (chart->format_data);
  g_clear_pointer (&chart->font, pango_font_description_free);
  g_array_unref (chart->values);
  g_free (chart);
}

void
kassa_bar_chart_set_values (KassaBarChart *chart,
                            const gint    *values,
                            guint          n)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (values != NULL || n == 0);

  g_array_set_size (chart->values, 0);
  g_array_append_vals (chart->values, values, n);
  chart->highlight = -1;
}

guint
kassa_bar_chart_get_n_values (KassaBarChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->values->len;
}

void
kassa_bar_chart_set_colours (KassaBarChart             *chart,
                             const KassaBarChartColour *above,
                             const KassaBarChartColour *below,
                             const KassaBarChartColour *axis)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (above != NULL && below != NULL && axis != NULL);

  chart->above = *above;
  chart->below = *below;
  chart->axis = *axis;
}

void
kassa_bar_chart_set_font (KassaBarChart              *chart,
                          const PangoFontDescription *font)
{
  g_return_if_fail (chart != NULL);

  g_clear_pointer (&chart->font, pango_font_description_free);
  if (font != NULL)
    chart->font = pango_font_description_copy (font);
}

void
kassa_bar_chart_set_format_func (KassaBarChart           *chart,
                                 KassaBarChartFormatFunc  func,
                                 gpointer                 user_data,
                                 GDestroyNotify           destroy)
{
  g_return_if_fail (chart != NULL);

  if (chart->format_destroy != NULL)
    chart->format_destroy (chart->format_data);

  chart->format = func;
  chart->format_data = user_data;
  chart->format_destroy = destroy;
}

void
kassa_bar_chart_set_highlight (KassaBarChart *chart,
                               int            index)
{
  g_return_if_fail (chart != NULL);

  chart->highlight = (index >= 0 && (guint) index < chart->values->len) ? index : -1;
}

void
kassa_bar_chart_layout (KassaBarChart *chart,
                        cairo_t       *cr,
                        double         width,
                        double         height)
{
  Layout *layout;
  gint64 low, high;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  layout = &chart->layout;
  layout->width = width;
  layout->height = height;
  layout->plot_top = PAD_TOP;
  layout->plot_height = MAX (1.0, floor (height) - PAD_TOP - PAD_BOTTOM);

  find_value_range (chart, &low, &high);
  choose_ticks (layout, low, high);

  /* The labels' width decides where the plot starts. */
  layout->plot_left = widest_label (chart, cr) + LABEL_GAP;
  layout->plot_width = MAX (1.0, floor (width) - layout->plot_left - PAD_RIGHT);
}

void
kassa_bar_chart_draw (KassaBarChart *chart,
                      cairo_t       *cr,
                      double         width,
                      double         height)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  kassa_bar_chart_layout (chart, cr, width, height);
  if (chart->values->len == 0)
    return;

  cairo_save (cr);
  /* Grid and zero line first: bars cover them where they overlap. */
  draw_axis (chart, cr);
  draw_bars (chart, cr);
  draw_highlight (chart, cr);
  draw_labels (chart, cr);
  cairo_restore (cr);
}

void
kassa_bar_chart_get_axis (KassaBarChart *chart,
                          gint64        *min,
                          gint64        *max,
                          gint64        *step)
{
  g_return_if_fail (chart != NULL);

  if (min != NULL)
    *min = chart->layout.axis_min;
  if (max != NULL)
    *max = chart->layout.axis_max;
  if (step != NULL)
    *step = chart->layout.step;
}

void
kassa_bar_chart_get_plot_area (KassaBarChart     *chart,
                               cairo_rectangle_t *area)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (area != NULL);

  area->x = chart->layout.plot_left;
  area->y = chart->layout.plot_top;
  area->width = chart->layout.plot_width;
  area->height = chart->layout.plot_height;
}

double
kassa_bar_chart_get_y (KassaBarChart *chart,
                       gint64         value)
{
  g_return_val_if_fail (chart != NULL, 0.0);

  return y_of (&chart->layout, value);
}

gboolean
kassa_bar_chart_get_bar (KassaBarChart     *chart,
                         guint              index,
                         cairo_rectangle_t *bar)
{
  double zero_y, value_y;
  gint value;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (bar != NULL, FALSE);

  if (index >= chart->values->len)
    return FALSE;

  value = g_array_index (chart->values, gint, index);
  zero_y = y_of (&chart->layout, 0);
  value_y = y_of (&chart->layout, value);
  bar_columns (chart, index, &bar->x, &bar->width);

  /* The zero line keeps its own row; see the header. */
  /* A value too small for a row of its own still gets one. */
  if (value > 0)
    {
      bar->y = MIN (value_y, zero_y - 1);
      bar->height = zero_y - bar->y;
    }
  else if (value < 0)
    {
      bar->y = zero_y + 1;
      bar->height = MAX (value_y - zero_y, 1.0);
    }
  else
    {
      bar->y = zero_y - 1;
      bar->height = 3;
    }

  return TRUE;
}

int
kassa_bar_chart_index_at (KassaBarChart *chart,
                          double         x)
{
  const Layout *layout;
  int index;

  g_return_val_if_fail (chart != NULL, -1);

  layout = &chart->layout;
  if (chart->values->len == 0 || x < layout->plot_left ||
      x >= layout->plot_left + layout->plot_width)
    return -1;

  index = (int) floor ((x - layout->plot_left) / slot_width (chart));
  return CLAMP (index, 0, (int) chart->values->len - 1);
}
