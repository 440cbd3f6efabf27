/* kassa-column-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "kassa-column-chart.h"

/* Room around the plot.  Fixed, so geometry is predictable. */
#define PAD_TOP 8
#define PAD_BOTTOM 4
#define PAD_RIGHT 4
#define LABEL_GAP 6
#define LEGEND_GAP 6
/* Ticks closer than this would crowd their labels. */
#define MIN_TICK_SPACING 28
#define MIN_CATEGORY_LABEL_GAP 8
/* The share of a category's slot its columns fill, and their widest. */
#define GROUP_SHARE 0.75
#define STACK_SHARE 0.6
#define MAX_COLUMN_WIDTH 40
#define DEFAULT_MIN_STEP 100

typedef struct
{
  char             *name;
  GArray           *values;   /* of gint64, one per category */
  KassaChartColour  colour;
} Series;

typedef struct
{
  double               width;
  double               height;
  double               plot_left;
  double               plot_width;
  KassaChartValueAxis  value_axis;
} Layout;

struct _KassaColumnChart
{
  KassaColumnChartMode       mode;
  GPtrArray                 *categories;   /* of char * */
  GPtrArray                 *series;       /* of Series */
  KassaChartColour           axis;
  PangoFontDescription      *font;
  KassaChartValueFormatFunc  format;
  gpointer                   format_data;
  GDestroyNotify             format_destroy;
  gint64                     min_step;
  int                        highlight_category;
  int                        highlight_series;
  Layout                     layout;
};

static const KassaChartColour default_axis = { 0.0, 0.0, 0.0, 0.8 };
static const KassaChartColour default_column = { 0.21, 0.52, 0.89, 1.0 };

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

static Series *
get_series (KassaColumnChart *chart,
            guint             index)
{
  return g_ptr_array_index (chart->series, index);
}

static gint64
value_of (KassaColumnChart *chart,
          guint             category,
          guint             series)
{
  return g_array_index (get_series (chart, series)->values, gint64, category);
}

static guint
n_categories (KassaColumnChart *chart)
{
  return chart->categories->len;
}

/* Sums of the positive and of the negative values of a category. */
static void
category_sums (KassaColumnChart *chart,
               guint             category,
               gint64           *positive,
               gint64           *negative)
{
  *positive = *negative = 0;
  for (guint s = 0; s < chart->series->len; s++)
    {
      gint64 value = value_of (chart, category, s);

      if (value > 0)
        *positive += value;
      else
        *negative += value;
    }
}

static void
find_value_range (KassaColumnChart *chart,
                  gint64           *low,
                  gint64           *high)
{
  /* Zero is always on the axis: the columns start there. */
  *low = *high = 0;

  for (guint c = 0; c < n_categories (chart); c++)
    {
      if (chart->mode == KASSA_COLUMN_CHART_STACKED)
        {
          gint64 positive, negative;

          category_sums (chart, c, &positive, &negative);
          *low = MIN (*low, negative);
          *high = MAX (*high, positive);
          continue;
        }

      for (guint s = 0; s < chart->series->len; s++)
        {
          *low = MIN (*low, value_of (chart, c, s));
          *high = MAX (*high, value_of (chart, c, s));
        }
    }

  /* Nothing but zeros: one step above zero, an empty chart reads as such. */
  if (*low == 0 && *high == 0)
    *high = chart->min_step;
}

static double
row_of (const Layout *layout,
        gint64        value)
{
  return kassa_chart_value_axis_row (&layout->value_axis, value);
}

static double
slot_width (KassaColumnChart *chart)
{
  return chart->layout.plot_width / MAX (n_categories (chart), 1);
}

static int
widest_category_label (KassaColumnChart *chart,
                       cairo_t          *cr)
{
  int widest = 0;

  for (guint c = 0; c < n_categories (chart); c++)
    {
      int width;

      kassa_chart_label_size (cr, chart->font, g_ptr_array_index (chart->categories, c),
                              &width, NULL);
      widest = MAX (widest, width);
    }

  return widest;
}

static guint
n_legend_entries (KassaColumnChart *chart)
{
  guint n = 0;

  for (guint s = 0; s < chart->series->len; s++)
    if (get_series (chart, s)->name != NULL)
      n++;

  return n;
}

/* Every how many categories a label fits without touching its neighbour. */
static guint
category_label_every (KassaColumnChart *chart,
                      cairo_t          *cr)
{
  double needed = widest_category_label (chart, cr) + MIN_CATEGORY_LABEL_GAP;

  return MAX (1, (guint) ceil (needed / MAX (slot_width (chart), 1.0)));
}

/* The columns of a category: where the first starts and how wide each is. */
static void
column_span (KassaColumnChart *chart,
             guint             category,
             double           *x,
             double           *width)
{
  double slot = slot_width (chart);
  guint n = chart->series->len;
  double used;

  if (chart->mode == KASSA_COLUMN_CHART_STACKED || n == 0)
    {
      *width = CLAMP (floor (slot * STACK_SHARE), 1.0, MAX_COLUMN_WIDTH);
      used = *width;
    }
  else
    {
      *width = CLAMP (floor (slot * GROUP_SHARE / n), 1.0, MAX_COLUMN_WIDTH);
      used = *width * n;
    }

  *x = round (chart->layout.plot_left + slot * category + (slot - used) / 2);
}

static void
stacked_rows (KassaColumnChart *chart,
              guint             category,
              guint             series,
              double           *y,
              double           *height)
{
  const Layout *layout = &chart->layout;
  gint64 value = value_of (chart, category, series);
  gint64 base = 0;

  /* Earlier series of the same sign lie between this one and zero. */
  for (guint s = 0; s < series; s++)
    {
      gint64 below = value_of (chart, category, s);

      if ((below > 0 && value > 0) || (below < 0 && value < 0))
        base += below;
    }

  if (value > 0)
    {
      *y = row_of (layout, base + value);
      *height = row_of (layout, base) - *y;
    }
  else
    {
      *y = row_of (layout, base) + 1;
      *height = row_of (layout, base + value) - row_of (layout, base);
    }
}

static void
grouped_rows (KassaColumnChart *chart,
              gint64            value,
              double           *y,
              double           *height)
{
  double zero = row_of (&chart->layout, 0);
  double end = row_of (&chart->layout, value);

  /* The zero line keeps its own row; a value too small for a row of its
   * own still gets one. */
  if (value > 0)
    {
      *y = MIN (end, zero - 1);
      *height = zero - *y;
    }
  else
    {
      *y = zero + 1;
      *height = MAX (end - zero, 1.0);
    }
}

static gboolean
has_values (KassaColumnChart *chart)
{
  return n_categories (chart) > 0 && chart->series->len > 0;
}

/* Without data, tick labels and grid would claim a range: zero line only. */
static void
draw_zero_line (KassaColumnChart *chart,
                cairo_t          *cr)
{
  const Layout *layout = &chart->layout;

  kassa_chart_set_source (cr, &chart->axis, 1.0);
  cairo_rectangle (cr, layout->plot_left, row_of (layout, 0), layout->plot_width, 1);
  cairo_fill (cr);
}

static void
draw_columns (KassaColumnChart *chart,
              cairo_t          *cr)
{
  for (guint c = 0; c < n_categories (chart); c++)
    for (guint s = 0; s < chart->series->len; s++)
      {
        cairo_rectangle_t column;

        if (!kassa_column_chart_get_column (chart, c, s, &column))
          continue;

        kassa_chart_set_source (cr, &get_series (chart, s)->colour, 1.0);
        cairo_rectangle (cr, column.x, column.y, column.width, column.height);
        cairo_fill (cr);
      }
}

static void
draw_highlight (KassaColumnChart *chart,
                cairo_t          *cr)
{
  cairo_rectangle_t column;

  if (chart->highlight_category < 0 ||
      !kassa_column_chart_get_column (chart, chart->highlight_category,
                                      chart->highlight_series, &column))
    return;

  kassa_chart_set_source (cr, &chart->axis, 1.0);
  cairo_set_line_width (cr, 1.0);
  cairo_rectangle (cr, column.x - 1.5, column.y - 1.5, column.width + 3, column.height + 3);
  cairo_stroke (cr);
}

static void
draw_category_labels (KassaColumnChart *chart,
                      cairo_t          *cr)
{
  const Layout *layout = &chart->layout;
  double slot = slot_width (chart);
  double y = row_of (layout, layout->value_axis.ticks.min) + LABEL_GAP / 2;
  guint every = category_label_every (chart, cr);

  kassa_chart_set_source (cr, &chart->axis, 1.0);
  for (guint c = 0; c < n_categories (chart); c += every)
    {
      g_autoptr(PangoLayout) label = kassa_chart_create_label (cr, chart->font,
                                                               g_ptr_array_index (chart->categories, c));
      PangoRectangle logical;
      double x;

      pango_layout_get_pixel_extents (label, NULL, &logical);
      x = layout->plot_left + slot * (c + 0.5) - logical.width / 2.0;
      x = CLAMP (x, 0.0, MAX (0.0, layout->width - logical.width));
      kassa_chart_show_label (cr, label, round (x), y);
    }
}

static void
draw_legend (KassaColumnChart *chart,
             cairo_t          *cr)
{
  g_autofree KassaChartLegendEntry *entries = g_new0 (KassaChartLegendEntry, chart->series->len);
  guint n = 0;

  for (guint s = 0; s < chart->series->len; s++)
    {
      Series *series = get_series (chart, s);

      if (series->name == NULL)
        continue;
      entries[n].name = series->name;
      entries[n].colour = &series->colour;
      n++;
    }

  kassa_chart_legend_draw (cr, chart->font, &chart->axis, entries, n,
                           chart->layout.plot_left, PAD_TOP);
}

static guint
grouped_series_at (KassaColumnChart *chart,
                   guint             category,
                   double            x)
{
  double start, width;
  int index;

  column_span (chart, category, &start, &width);
  index = (int) floor ((x - start) / width);
  return CLAMP (index, 0, (int) chart->series->len - 1);
}

/* The segment holding y, else the one nearest to it; -1 when every value
 * of the category is zero. */
static int
stacked_series_at (KassaColumnChart *chart,
                   guint             category,
                   double            y)
{
  double best = G_MAXDOUBLE;
  int nearest = -1;

  for (guint s = 0; s < chart->series->len; s++)
    {
      cairo_rectangle_t column;
      double distance;

      if (!kassa_column_chart_get_column (chart, category, s, &column))
        continue;

      if (y >= column.y && y < column.y + column.height)
        return s;

      distance = MIN (fabs (y - column.y), fabs (y - column.y - column.height));
      if (distance < best)
        {
          best = distance;
          nearest = s;
        }
    }

  return nearest;
}

/**
 * kassa_column_chart_new:
 * Returns: (transfer full): an empty chart with default colours.
 */
KassaColumnChart *
kassa_column_chart_new (KassaColumnChartMode mode)
{
  KassaColumnChart *chart = g_new0 (KassaColumnChart, 1);

  chart->mode = mode;
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->series = g_ptr_array_new_with_free_func (series_free);
  chart->axis = default_axis;
  chart->min_step = DEFAULT_MIN_STEP;
  chart->highlight_category = chart->highlight_series = -1;
  chart->layout.value_axis.ticks.min = 0;
  chart->layout.value_axis.ticks.max = DEFAULT_MIN_STEP;
  chart->layout.value_axis.ticks.step = DEFAULT_MIN_STEP;
  chart->layout.plot_width = 1;
  chart->layout.value_axis.height = 1;

  return chart;
}

void
kassa_column_chart_free (KassaColumnChart *chart)
{
  if (chart == NULL)
    return;

  if (chart->format_destroy != NULL)
    chart->format_destroy (chart->format_data);
  g_ptr_array_unref (chart->categories);
  g_ptr_array_unref (chart->series);
  g_clear_pointer (&chart->font, pango_font_description_free);
  g_free (chart);
}

void
kassa_column_chart_set_mode (KassaColumnChart     *chart,
                             KassaColumnChartMode  mode)
{
  g_return_if_fail (chart != NULL);

  chart->mode = mode;
}

void
kassa_column_chart_set_categories (KassaColumnChart   *chart,
                                   const char * const *labels,
                                   guint               n)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (labels != NULL || n == 0);

  g_ptr_array_set_size (chart->series, 0);
  g_ptr_array_set_size (chart->categories, 0);
  for (guint c = 0; c < n; c++)
    g_ptr_array_add (chart->categories, g_strdup (labels[c] != NULL ? labels[c] : ""));
  chart->highlight_category = chart->highlight_series = -1;
}

guint
kassa_column_chart_get_n_categories (KassaColumnChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return n_categories (chart);
}

guint
kassa_column_chart_add_series (KassaColumnChart       *chart,
                               const char             *name,
                               const gint64           *values,
                               const KassaChartColour *colour)
{
  Series *series;

  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (values != NULL || n_categories (chart) == 0, 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->values = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_categories (chart));
  g_array_append_vals (series->values, values, n_categories (chart));
  series->colour = colour != NULL ? *colour : default_column;

  g_ptr_array_add (chart->series, series);
  return chart->series->len - 1;
}

guint
kassa_column_chart_get_n_series (KassaColumnChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->series->len;
}

void
kassa_column_chart_set_axis_colour (KassaColumnChart       *chart,
                                    const KassaChartColour *axis)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (axis != NULL);

  chart->axis = *axis;
}

void
kassa_column_chart_set_font (KassaColumnChart           *chart,
                             const PangoFontDescription *font)
{
  g_return_if_fail (chart != NULL);

  g_clear_pointer (&chart->font, pango_font_description_free);
  if (font != NULL)
    chart->font = pango_font_description_copy (font);
}

void
kassa_column_chart_set_value_format_func (KassaColumnChart          *chart,
                                          KassaChartValueFormatFunc  func,
                                          gpointer                   user_data,
                                          GDestroyNotify             destroy)
{
  g_return_if_fail (chart != NULL);

  if (chart->format_destroy != NULL)
    chart->format_destroy (chart->format_data);

  chart->format = func;
  chart->format_data = user_data;
  chart->format_destroy = destroy;
}

void
kassa_column_chart_set_min_value_step (KassaColumnChart *chart,
                                       gint64            step)
{
  g_return_if_fail (chart != NULL);

  chart->min_step = MAX (step, 1);
}

void
kassa_column_chart_set_highlight (KassaColumnChart *chart,
                                  int               category,
                                  int               series)
{
  g_return_if_fail (chart != NULL);

  if (category < 0 || (guint) category >= n_categories (chart) ||
      series < 0 || (guint) series >= chart->series->len)
    category = series = -1;

  chart->highlight_category = category;
  chart->highlight_series = series;
}

void
kassa_column_chart_layout (KassaColumnChart *chart,
                           cairo_t          *cr,
                           double            width,
                           double            height)
{
  Layout *layout;
  guint n_entries;
  int label_height;
  gint64 low, high;
  guint max_intervals;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  layout = &chart->layout;
  layout->width = width;
  layout->height = height;

  n_entries = n_legend_entries (chart);
  kassa_chart_label_size (cr, chart->font, "0", NULL, &label_height);
  layout->value_axis.top = PAD_TOP;
  if (n_entries > 0)
    layout->value_axis.top += kassa_chart_legend_height (cr, chart->font, n_entries) + LEGEND_GAP;
  layout->value_axis.height = MAX (1.0, floor (height) - layout->value_axis.top - PAD_BOTTOM -
                                  LABEL_GAP / 2 - label_height);

  find_value_range (chart, &low, &high);
  max_intervals = MAX (2, (guint) (layout->value_axis.height / MIN_TICK_SPACING));
  kassa_chart_value_ticks (low, high, chart->min_step, max_intervals, &layout->value_axis.ticks);

  /* The value labels' width decides where the plot starts. */
  layout->plot_left = kassa_chart_value_axis_widest_label (&layout->value_axis, cr, chart->font,
                                                           chart->format,
                                                           chart->format_data) + LABEL_GAP;
  layout->plot_width = MAX (1.0, floor (width) - layout->plot_left - PAD_RIGHT);
}

void
kassa_column_chart_draw (KassaColumnChart *chart,
                         cairo_t          *cr,
                         double            width,
                         double            height)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  kassa_column_chart_layout (chart, cr, width, height);

  cairo_save (cr);
  cairo_new_path (cr);
  /* Grid and zero line first: columns cover them where they overlap. */
  if (has_values (chart))
    kassa_chart_value_axis_draw_grid (&chart->layout.value_axis, cr, &chart->axis,
                                      chart->layout.plot_left, chart->layout.plot_width);
  else
    draw_zero_line (chart, cr);
  draw_columns (chart, cr);
  draw_highlight (chart, cr);
  if (has_values (chart))
    kassa_chart_value_axis_draw_labels (&chart->layout.value_axis, cr, chart->font,
                                        chart->format, chart->format_data, &chart->axis,
                                        chart->layout.plot_left - LABEL_GAP, height);
  draw_category_labels (chart, cr);
  draw_legend (chart, cr);
  cairo_restore (cr);
}

void
kassa_column_chart_get_plot_area (KassaColumnChart  *chart,
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
kassa_column_chart_get_value_ticks (KassaColumnChart     *chart,
                                    KassaChartValueTicks *ticks)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (ticks != NULL);

  *ticks = chart->layout.value_axis.ticks;
}

double
kassa_column_chart_get_y (KassaColumnChart *chart,
                          gint64            value)
{
  g_return_val_if_fail (chart != NULL, 0.0);

  return row_of (&chart->layout, value);
}

gboolean
kassa_column_chart_get_column (KassaColumnChart  *chart,
                               guint              category,
                               guint              series,
                               cairo_rectangle_t *column)
{
  gint64 value;
  double x, width;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  if (category >= n_categories (chart) || series >= chart->series->len)
    return FALSE;

  value = value_of (chart, category, series);
  if (value == 0)
    return FALSE;

  column_span (chart, category, &x, &width);
  if (chart->mode == KASSA_COLUMN_CHART_STACKED)
    {
      column->x = x;
      stacked_rows (chart, category, series, &column->y, &column->height);
    }
  else
    {
      column->x = x + series * width;
      grouped_rows (chart, value, &column->y, &column->height);
    }
  column->width = width;

  return TRUE;
}

gboolean
kassa_column_chart_hit_test (KassaColumnChart    *chart,
                             double               x,
                             double               y,
                             KassaColumnChartHit *hit)
{
  const Layout *layout;
  int category, series;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  layout = &chart->layout;
  if (n_categories (chart) == 0 || chart->series->len == 0 ||
      x < layout->plot_left || x >= layout->plot_left + layout->plot_width)
    return FALSE;

  category = (int) floor ((x - layout->plot_left) / slot_width (chart));
  category = CLAMP (category, 0, (int) n_categories (chart) - 1);
  if (chart->mode == KASSA_COLUMN_CHART_STACKED)
    series = stacked_series_at (chart, category, y);
  else
    series = grouped_series_at (chart, category, x);
  if (series < 0)
    series = 0;

  hit->category = category;
  hit->series = series;
  hit->value = value_of (chart, category, series);
  hit->total = 0;
  for (guint s = 0; s < chart->series->len; s++)
    hit->total += value_of (chart, category, s);

  return TRUE;
}

gboolean
kassa_column_chart_get_highest (KassaColumnChart *chart,
                                guint            *category,
                                int              *series,
                                gint64           *value)
{
  gboolean found = FALSE;
  gint64 best = 0;
  guint best_category = 0;
  int best_series = -1;

  g_return_val_if_fail (chart != NULL, FALSE);

  for (guint c = 0; c < n_categories (chart) && chart->series->len > 0; c++)
    {
      gint64 total = 0;

      for (guint s = 0; s < chart->series->len; s++)
        {
          gint64 v = value_of (chart, c, s);

          total += v;
          if (chart->mode == KASSA_COLUMN_CHART_GROUPED && (!found || v > best))
            {
              found = TRUE;
              best = v;
              best_category = c;
              best_series = s;
            }
        }

      if (chart->mode == KASSA_COLUMN_CHART_STACKED && (!found || total > best))
        {
          found = TRUE;
          best = total;
          best_category = c;
        }
    }

  if (!found)
    return FALSE;

  if (category != NULL)
    *category = best_category;
  if (series != NULL)
    *series = best_series;
  if (value != NULL)
    *value = best;

  return TRUE;
}

char *
kassa_column_chart_describe (const char *title,
                             const char *first_category,
                             const char *last_category,
                             const char *series_name,
                             const char *highest_value,
                             const char *highest_category)
{
  g_return_val_if_fail (title != NULL, NULL);

  if (first_category == NULL)
    /* Translators: accessible description of an empty chart; %s is its title. */
    return g_strdup_printf (_("%s: no data"), title);

  if (last_category == NULL)
    last_category = first_category;

  if (highest_value == NULL || highest_category == NULL)
    /* Translators: accessible description of a chart: title, first and last day or column. */
    return g_strdup_printf (_("%s from %s to %s"), title, first_category, last_category);

  if (series_name == NULL)
    /* Translators: accessible description of a column chart: title, first
     * and last column, the highest total and its column, e.g. "Receivables
     * by age from Not due to Over 90 days: highest 12 000 € in Not due". */
    return g_strdup_printf (_("%s from %s to %s: highest %s in %s"),
                            title, first_category, last_category, highest_value,
                            highest_category);

  /* Translators: accessible description of a column chart: title, first
   * and last column, the series of the highest column, its value and
   * column, e.g. "Cash by week from W48 to W8: highest Inflows, 12 000 €
   * in W3". */
  return g_strdup_printf (_("%s from %s to %s: highest %s, %s in %s"),
                          title, first_category, last_category, series_name,
                          highest_value, highest_category);
}
