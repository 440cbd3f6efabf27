/* kassa-pareto-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "kassa-pareto-chart.h"

/* Room around the plot.  Fixed, so geometry is predictable. */
#define PAD_TOP 8
#define PAD_BOTTOM 4
#define PAD_RIGHT 4
#define LABEL_GAP 6
#define MIN_TICK_SPACING 28
#define BAR_SHARE 0.8
#define MAX_BAR_WIDTH 40
#define CURVE_WIDTH 2.0
#define DEFAULT_MIN_STEP 100
#define FULL_SHARE 10000
#define SHARE_STEP 2000

typedef struct
{
  gint  share_bp;
  char *label;
} Threshold;

typedef struct
{
  double              width;
  double              height;
  double              plot_left;
  double              plot_width;
  KassaChartValueAxis value_axis;
  KassaChartValueAxis share_axis;
  guint               bars_per_column;
  guint               n_columns;
  GArray             *sums;         /* of gint64, per column */
  GArray             *cumulative;   /* of gint64, Σ positive values up to each column */
  gint64              positive_total;
} Layout;

struct _KassaParetoChart
{
  GArray                    *values;    /* of gint64 */
  GArray                    *classes;   /* of guint8 */
  KassaChartColour           class_colours[KASSA_PARETO_CHART_N_CLASSES];
  KassaChartColour           curve;
  KassaChartColour           axis;
  PangoFontDescription      *font;
  KassaChartValueFormatFunc  value_format;
  gpointer                   value_format_data;
  GDestroyNotify             value_format_destroy;
  KassaChartValueFormatFunc  share_format;
  gpointer                   share_format_data;
  GDestroyNotify             share_format_destroy;
  gint64                     min_step;
  GArray                    *thresholds;  /* of Threshold */
  int                        highlight;
  Layout                     layout;
};

static const KassaChartColour default_axis = { 0.0, 0.0, 0.0, 0.8 };
static const KassaChartColour default_curve = { 0.88, 0.11, 0.14, 1.0 };
static const KassaChartColour default_classes[KASSA_PARETO_CHART_N_CLASSES] = {
  { 0.21, 0.52, 0.89, 1.0 },
  { 0.38, 0.21, 0.51, 1.0 },
  { 0.60, 0.76, 0.98, 1.0 },
  { 0.60, 0.60, 0.60, 1.0 },
};

static void
threshold_clear (gpointer data)
{
  Threshold *threshold = data;

  g_free (threshold->label);
}

/* share = part ÷ total in basis points, half away from zero, for
 * 0 ≤ part ≤ total; exact while part × 10000 fits in 64 bits. */
static gint64
share_bp_of (gint64 part,
             gint64 total)
{
  if (total <= 0)
    return 0;
  if (part <= G_MAXINT64 / FULL_SHARE)
    return (part * FULL_SHARE + total / 2) / total;
  return (gint64) round ((double) part * FULL_SHARE / (double) total);
}

static guint
n_bars (KassaParetoChart *chart)
{
  return chart->values->len;
}

static gint64
bar_value (KassaParetoChart *chart,
           guint             bar)
{
  return g_array_index (chart->values, gint64, bar);
}

static guint
column_first_bar (KassaParetoChart *chart,
                  guint             column)
{
  return column * chart->layout.bars_per_column;
}

static guint
column_n_bars (KassaParetoChart *chart,
               guint             column)
{
  guint first = column_first_bar (chart, column);

  return MIN (chart->layout.bars_per_column, n_bars (chart) - first);
}

static gint64
column_sum (KassaParetoChart *chart,
            guint             column)
{
  return g_array_index (chart->layout.sums, gint64, column);
}

static gint64
column_cumulative (KassaParetoChart *chart,
                   guint             column)
{
  return g_array_index (chart->layout.cumulative, gint64, column);
}

static double
slot_width (KassaParetoChart *chart)
{
  return chart->layout.plot_width / MAX (chart->layout.n_columns, 1);
}

static char *
format_share (KassaParetoChart *chart,
              gint64            share_bp)
{
  if (chart->share_format != NULL)
    {
      char *text = chart->share_format (share_bp, SHARE_STEP, chart->share_format_data);

      if (text != NULL)
        return text;
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT " %%", share_bp / 100);
}

static int
widest_share_label (KassaParetoChart *chart,
                    cairo_t          *cr)
{
  int widest = 0;

  for (gint64 share = 0; share <= FULL_SHARE; share += SHARE_STEP)
    {
      g_autofree char *text = format_share (chart, share);
      int width;

      kassa_chart_label_size (cr, chart->font, text, &width, NULL);
      widest = MAX (widest, width);
    }
  return widest;
}

/* At most one column per whole pixel of the plot: adjacent bars are
 * summed when there are more. */
static void
group_bars (KassaParetoChart *chart)
{
  Layout *layout = &chart->layout;
  guint pixels = MAX (1, (guint) floor (layout->plot_width));
  gint64 running = 0;

  layout->bars_per_column = n_bars (chart) <= pixels ? 1 : (n_bars (chart) + pixels - 1) / pixels;
  layout->n_columns = (n_bars (chart) + layout->bars_per_column - 1) / layout->bars_per_column;

  g_array_set_size (layout->sums, 0);
  g_array_set_size (layout->cumulative, 0);
  for (guint column = 0; column < layout->n_columns; column++)
    {
      guint first = column_first_bar (chart, column);
      gint64 sum = 0;

      for (guint bar = first; bar < first + column_n_bars (chart, column); bar++)
        {
          sum += bar_value (chart, bar);
          running += MAX (bar_value (chart, bar), 0);
        }
      g_array_append_val (layout->sums, sum);
      g_array_append_val (layout->cumulative, running);
    }
  layout->positive_total = running;
}

static gint64
highest_column (KassaParetoChart *chart)
{
  gint64 high = 0;

  for (guint column = 0; column < chart->layout.n_columns; column++)
    high = MAX (high, column_sum (chart, column));
  return high;
}

static void
choose_value_ticks (KassaParetoChart *chart)
{
  Layout *layout = &chart->layout;
  gint64 high = highest_column (chart);
  guint max_intervals = MAX (2, (guint) (layout->value_axis.height / MIN_TICK_SPACING));

  /* Bars start at zero; nothing positive still gets one step. */
  kassa_chart_value_ticks (0, high > 0 ? high : chart->min_step, chart->min_step, max_intervals,
                           &layout->value_axis.ticks);
}

static void
bar_span (KassaParetoChart *chart,
          guint             column,
          double           *x,
          double           *width)
{
  double slot = slot_width (chart);

  *width = CLAMP (floor (slot * BAR_SHARE), 1.0, MAX_BAR_WIDTH);
  *x = round (chart->layout.plot_left + slot * column + (slot - *width) / 2);
}

static double
curve_x (KassaParetoChart *chart,
         guint             column)
{
  return round (chart->layout.plot_left + slot_width (chart) * (column + 1)) - 0.5;
}

static double
curve_y (KassaParetoChart *chart,
         guint             column)
{
  gint64 share = share_bp_of (column_cumulative (chart, column), chart->layout.positive_total);

  return kassa_pareto_chart_get_share_y (chart, share) + 0.5;
}

static const KassaChartColour *
column_colour (KassaParetoChart *chart,
               guint             column)
{
  guint8 class_index = g_array_index (chart->classes, guint8, column_first_bar (chart, column));

  return &chart->class_colours[MIN (class_index, KASSA_PARETO_CHART_N_CLASSES - 1)];
}

static void
draw_bars (KassaParetoChart *chart,
           cairo_t          *cr)
{
  for (guint column = 0; column < chart->layout.n_columns; column++)
    {
      cairo_rectangle_t rect;

      if (!kassa_pareto_chart_get_column (chart, column, &rect))
        continue;
      kassa_chart_set_source (cr, column_colour (chart, column), 1.0);
      cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
      cairo_fill (cr);
    }
}

static void
draw_highlight (KassaParetoChart *chart,
                cairo_t          *cr)
{
  cairo_rectangle_t rect;

  if (chart->highlight < 0 || !kassa_pareto_chart_get_column (chart, chart->highlight, &rect))
    return;

  kassa_chart_set_source (cr, &chart->axis, 1.0);
  cairo_set_line_width (cr, 1.0);
  cairo_rectangle (cr, rect.x - 1.5, rect.y - 1.5, rect.width + 3, rect.height + 3);
  cairo_stroke (cr);
}

static void
draw_thresholds (KassaParetoChart *chart,
                 cairo_t          *cr)
{
  static const double dash[] = { 4.0, 3.0 };
  const Layout *layout = &chart->layout;
  double right = layout->plot_left + layout->plot_width;

  for (guint i = 0; i < chart->thresholds->len; i++)
    {
      const Threshold *threshold = &g_array_index (chart->thresholds, Threshold, i);
      double row = kassa_pareto_chart_get_share_y (chart, threshold->share_bp);

      kassa_chart_set_source (cr, &chart->axis, 1.0);
      cairo_save (cr);
      cairo_set_line_width (cr, 1.0);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, layout->plot_left, row + 0.5);
      cairo_line_to (cr, right, row + 0.5);
      cairo_stroke (cr);
      cairo_restore (cr);

      if (threshold->label != NULL)
        {
          g_autoptr(PangoLayout) label = kassa_chart_create_label (cr, chart->font,
                                                                   threshold->label);
          PangoRectangle logical;

          pango_layout_get_pixel_extents (label, NULL, &logical);
          kassa_chart_show_label (cr, label, right - logical.width - 2,
                                  MAX (0.0, row - logical.height));
        }
    }
}

static void
draw_curve (KassaParetoChart *chart,
            cairo_t          *cr)
{
  if (chart->layout.positive_total <= 0)
    return;

  kassa_chart_set_source (cr, &chart->curve, 1.0);
  cairo_save (cr);
  cairo_set_line_width (cr, CURVE_WIDTH);
  /* Round ends and joins cover the pixel of each point wholly. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, chart->layout.plot_left + 0.5,
                 kassa_pareto_chart_get_share_y (chart, 0) + 0.5);
  for (guint column = 0; column < chart->layout.n_columns; column++)
    cairo_line_to (cr, curve_x (chart, column), curve_y (chart, column));
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_zero_row (KassaParetoChart *chart,
               cairo_t          *cr)
{
  const Layout *layout = &chart->layout;

  kassa_chart_set_source (cr, &chart->axis, 1.0);
  cairo_rectangle (cr, layout->plot_left, kassa_pareto_chart_get_y (chart, 0),
                   layout->plot_width, 1);
  cairo_fill (cr);
}

static char *
format_share_tick (gint64   value,
                   gint64   step,
                   gpointer user_data)
{
  return format_share (user_data, value);
}

static void
draw_axis_labels (KassaParetoChart *chart,
                  cairo_t          *cr)
{
  const Layout *layout = &chart->layout;

  if (n_bars (chart) > 0)
    kassa_chart_value_axis_draw_labels (&layout->value_axis, cr, chart->font,
                                        chart->value_format, chart->value_format_data,
                                        &chart->axis, layout->plot_left - LABEL_GAP,
                                        layout->height);
  kassa_chart_value_axis_draw_labels (&layout->share_axis, cr, chart->font, format_share_tick,
                                      chart, &chart->axis, floor (layout->width) - PAD_RIGHT,
                                      layout->height);
}

static void
set_format (KassaChartValueFormatFunc *slot_func,
            gpointer                  *slot_data,
            GDestroyNotify            *slot_destroy,
            KassaChartValueFormatFunc  func,
            gpointer                   user_data,
            GDestroyNotify             destroy)
{
  if (*slot_destroy != NULL)
    (*slot_destroy) (*slot_data);
  *slot_func = func;
  *slot_data = user_data;
  *slot_destroy = destroy;
}

/**
 * kassa_pareto_chart_new:
 * Returns: (transfer full): an empty chart with default colours.
 */
KassaParetoChart *
kassa_pareto_chart_new (void)
{
  KassaParetoChart *chart = g_new0 (KassaParetoChart, 1);

  chart->values = g_array_new (FALSE, FALSE, sizeof (gint64));
  chart->classes = g_array_new (FALSE, FALSE, sizeof (guint8));
  for (guint i = 0; i < KASSA_PARETO_CHART_N_CLASSES; i++)
    chart->class_colours[i] = default_classes[i];
  chart->curve = default_curve;
  chart->axis = default_axis;
  chart->min_step = DEFAULT_MIN_STEP;
  chart->thresholds = g_array_new (FALSE, FALSE, sizeof (Threshold));
  g_array_set_clear_func (chart->thresholds, threshold_clear);
  chart->highlight = -1;
  chart->layout.sums = g_array_new (FALSE, FALSE, sizeof (gint64));
  chart->layout.cumulative = g_array_new (FALSE, FALSE, sizeof (gint64));
  chart->layout.bars_per_column = 1;
  chart->layout.plot_width = 1;
  chart->layout.value_axis.ticks = (KassaChartValueTicks) { 0, DEFAULT_MIN_STEP, DEFAULT_MIN_STEP };
  chart->layout.value_axis.height = 1;
  chart->layout.share_axis.ticks = (KassaChartValueTicks) { 0, FULL_SHARE, SHARE_STEP };
  chart->layout.share_axis.height = 1;

  return chart;
}

void
kassa_pareto_chart_free (KassaParetoChart *chart)
{
  if (chart == NULL)
    return;

  if (chart->value_format_destroy != NULL)
    chart->value_format_destroy (chart->value_format_data);
  if (chart->share_format_destroy != NULL)
    chart->share_format_destroy (chart->share_format_data);
  g_array_unref (chart->values);
  g_array_unref (chart->classes);
  g_array_unref (chart->thresholds);
  g_array_unref (chart->layout.sums);
  g_array_unref (chart->layout.cumulative);
  g_clear_pointer (&chart->font, pango_font_description_free);
  g_free (chart);
}

void
kassa_pareto_chart_set_bars (KassaParetoChart *chart,
                             const gint64     *values,
                             const guint8     *classes,
                             guint             n)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (values != NULL || n == 0);

  g_array_set_size (chart->values, 0);
  g_array_append_vals (chart->values, values, n);
  g_array_set_size (chart->classes, 0);
  for (guint i = 0; i < n; i++)
    {
      guint8 class_index = classes != NULL ? classes[i] : 0;

      g_array_append_val (chart->classes, class_index);
    }
  chart->highlight = -1;
  /* Columns follow the bars at once, so getters never see stale sums. */
  group_bars (chart);
}

guint
kassa_pareto_chart_get_n_bars (KassaParetoChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return n_bars (chart);
}

void
kassa_pareto_chart_set_class_colour (KassaParetoChart       *chart,
                                     guint                   class_index,
                                     const KassaChartColour *colour)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (class_index < KASSA_PARETO_CHART_N_CLASSES);
  g_return_if_fail (colour != NULL);

  chart->class_colours[class_index] = *colour;
}

void
kassa_pareto_chart_set_curve_colour (KassaParetoChart       *chart,
                                     const KassaChartColour *colour)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (colour != NULL);

  chart->curve = *colour;
}

void
kassa_pareto_chart_set_axis_colour (KassaParetoChart       *chart,
                                    const KassaChartColour *axis)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (axis != NULL);

  chart->axis = *axis;
}

void
kassa_pareto_chart_set_font (KassaParetoChart           *chart,
                             const PangoFontDescription *font)
{
  g_return_if_fail (chart != NULL);

  g_clear_pointer (&chart->font, pango_font_description_free);
  if (font != NULL)
    chart->font = pango_font_description_copy (font);
}

void
kassa_pareto_chart_set_value_format_func (KassaParetoChart          *chart,
                                          KassaChartValueFormatFunc  func,
                                          gpointer                   user_data,
                                          GDestroyNotify             destroy)
{
  g_return_if_fail (chart != NULL);

  set_format (&chart->value_format, &chart->value_format_data, &chart->value_format_destroy,
              func, user_data, destroy);
}

void
kassa_pareto_chart_set_share_format_func (KassaParetoChart          *chart,
                                          KassaChartValueFormatFunc  func,
                                          gpointer                   user_data,
                                          GDestroyNotify             destroy)
{
  g_return_if_fail (chart != NULL);

  set_format (&chart->share_format, &chart->share_format_data, &chart->share_format_destroy,
              func, user_data, destroy);
}

void
kassa_pareto_chart_set_min_value_step (KassaParetoChart *chart,
                                       gint64            step)
{
  g_return_if_fail (chart != NULL);

  chart->min_step = MAX (step, 1);
}

void
kassa_pareto_chart_set_thresholds (KassaParetoChart   *chart,
                                   const gint         *shares_bp,
                                   const char * const *labels,
                                   guint               n)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (shares_bp != NULL || n == 0);

  g_array_set_size (chart->thresholds, 0);
  for (guint i = 0; i < n; i++)
    {
      Threshold threshold = { CLAMP (shares_bp[i], 0, FULL_SHARE), NULL };

      if (labels != NULL)
        threshold.label = g_strdup (labels[i]);
      g_array_append_val (chart->thresholds, threshold);
    }
}

void
kassa_pareto_chart_set_highlight (KassaParetoChart *chart,
                                  int               column)
{
  g_return_if_fail (chart != NULL);

  /* Checked against the columns at the next layout: they follow the width. */
  chart->highlight = MAX (column, -1);
}

void
kassa_pareto_chart_layout (KassaParetoChart *chart,
                           cairo_t          *cr,
                           double            width,
                           double            height)
{
  Layout *layout;
  int share_width;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  layout = &chart->layout;
  layout->width = width;
  layout->height = height;
  layout->value_axis.top = layout->share_axis.top = PAD_TOP;
  layout->value_axis.height = MAX (1.0, floor (height) - PAD_TOP - PAD_BOTTOM);
  layout->share_axis.height = layout->value_axis.height;
  share_width = widest_share_label (chart, cr);

  /* The columns depend on the plot's width, the value ticks on the
   * columns' sums (aggregation) and the plot's width on the value labels:
   * start from the whole width and settle in a few rounds. */
  layout->plot_width = MAX (1.0, floor (width));
  for (guint pass = 0; pass < 3; pass++)
    {
      group_bars (chart);
      choose_value_ticks (chart);
      layout->plot_left = kassa_chart_value_axis_widest_label (&layout->value_axis, cr,
                                                               chart->font, chart->value_format,
                                                               chart->value_format_data) +
                          LABEL_GAP;
      layout->plot_width = MAX (1.0, floor (width) - layout->plot_left - LABEL_GAP -
                                     share_width - PAD_RIGHT);
    }
  group_bars (chart);
  choose_value_ticks (chart);
  if (chart->highlight >= 0 && (guint) chart->highlight >= layout->n_columns)
    chart->highlight = -1;
}

void
kassa_pareto_chart_draw (KassaParetoChart *chart,
                         cairo_t          *cr,
                         double            width,
                         double            height)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  kassa_pareto_chart_layout (chart, cr, width, height);

  cairo_save (cr);
  cairo_new_path (cr);
  if (n_bars (chart) > 0)
    kassa_chart_value_axis_draw_grid (&chart->layout.value_axis, cr, &chart->axis,
                                      chart->layout.plot_left, chart->layout.plot_width);
  else
    draw_zero_row (chart, cr);
  draw_bars (chart, cr);
  draw_highlight (chart, cr);
  if (n_bars (chart) > 0)
    draw_thresholds (chart, cr);
  draw_curve (chart, cr);
  draw_axis_labels (chart, cr);
  cairo_restore (cr);
}

void
kassa_pareto_chart_get_plot_area (KassaParetoChart  *chart,
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
kassa_pareto_chart_get_value_ticks (KassaParetoChart     *chart,
                                    KassaChartValueTicks *ticks)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (ticks != NULL);

  *ticks = chart->layout.value_axis.ticks;
}

double
kassa_pareto_chart_get_y (KassaParetoChart *chart,
                          gint64            value)
{
  g_return_val_if_fail (chart != NULL, 0.0);

  return kassa_chart_value_axis_row (&chart->layout.value_axis, value);
}

double
kassa_pareto_chart_get_share_y (KassaParetoChart *chart,
                                gint64            share_bp)
{
  g_return_val_if_fail (chart != NULL, 0.0);

  return kassa_chart_value_axis_row (&chart->layout.share_axis, share_bp);
}

guint
kassa_pareto_chart_get_n_columns (KassaParetoChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->layout.n_columns;
}

guint
kassa_pareto_chart_get_bars_per_column (KassaParetoChart *chart)
{
  g_return_val_if_fail (chart != NULL, 1);

  return chart->layout.bars_per_column;
}

gboolean
kassa_pareto_chart_get_column_bars (KassaParetoChart *chart,
                                    guint             column,
                                    guint            *first,
                                    guint            *n)
{
  g_return_val_if_fail (chart != NULL, FALSE);

  if (column >= chart->layout.n_columns)
    return FALSE;
  if (first != NULL)
    *first = column_first_bar (chart, column);
  if (n != NULL)
    *n = column_n_bars (chart, column);
  return TRUE;
}

gboolean
kassa_pareto_chart_get_column (KassaParetoChart  *chart,
                               guint              column,
                               cairo_rectangle_t *rect)
{
  double zero, end;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (column >= chart->layout.n_columns || column_sum (chart, column) <= 0)
    return FALSE;

  bar_span (chart, column, &rect->x, &rect->width);
  zero = kassa_pareto_chart_get_y (chart, 0);
  end = kassa_pareto_chart_get_y (chart, column_sum (chart, column));
  /* The zero row keeps its own row; a tiny value still gets one row. */
  rect->y = MIN (end, zero - 1);
  rect->height = zero - rect->y;
  return TRUE;
}

gboolean
kassa_pareto_chart_get_curve_point (KassaParetoChart *chart,
                                    guint             column,
                                    double           *x,
                                    double           *y)
{
  g_return_val_if_fail (chart != NULL, FALSE);

  if (column >= chart->layout.n_columns || chart->layout.positive_total <= 0)
    return FALSE;
  if (x != NULL)
    *x = curve_x (chart, column);
  if (y != NULL)
    *y = curve_y (chart, column);
  return TRUE;
}

gboolean
kassa_pareto_chart_hit_test (KassaParetoChart    *chart,
                             double               x,
                             double               y,
                             KassaParetoChartHit *hit)
{
  const Layout *layout;
  int column;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  layout = &chart->layout;
  if (layout->n_columns == 0 ||
      x < layout->plot_left || x >= layout->plot_left + layout->plot_width ||
      y < layout->value_axis.top || y > layout->value_axis.top + layout->value_axis.height)
    return FALSE;

  column = (int) floor ((x - layout->plot_left) / slot_width (chart));
  column = CLAMP (column, 0, (int) layout->n_columns - 1);
  hit->column = column;
  hit->first_bar = column_first_bar (chart, column);
  hit->n_bars = column_n_bars (chart, column);
  hit->value = column_sum (chart, column);
  hit->cumulative_bp = share_bp_of (column_cumulative (chart, column), layout->positive_total);
  return TRUE;
}

gboolean
kassa_pareto_summarize (const gint64 *values,
                        guint         n,
                        gint          threshold_bp,
                        guint        *n_bars_out,
                        gint         *bars_share_bp,
                        gint         *value_share_bp)
{
  gint64 total = 0, running = 0, target;
  guint count = 0;

  g_return_val_if_fail (values != NULL || n == 0, FALSE);

  for (guint i = 0; i < n; i++)
    total += MAX (values[i], 0);
  if (total <= 0)
    return FALSE;

  /* target = ⌈total × threshold ÷ 10000⌉ in parts that cannot overflow,
   * so "reaches the threshold" is exact, never decided by a rounded share. */
  threshold_bp = CLAMP (threshold_bp, 1, FULL_SHARE);
  target = total / FULL_SHARE * threshold_bp +
           ((total % FULL_SHARE) * threshold_bp + FULL_SHARE - 1) / FULL_SHARE;
  for (; count < n && running < target; count++)
    running += MAX (values[count], 0);

  if (n_bars_out != NULL)
    *n_bars_out = count;
  if (bars_share_bp != NULL)
    *bars_share_bp = (gint) share_bp_of (count, n);
  if (value_share_bp != NULL)
    *value_share_bp = (gint) share_bp_of (running, total);
  return TRUE;
}
