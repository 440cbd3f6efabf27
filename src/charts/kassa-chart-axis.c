/* kassa-chart-axis.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-charts"

#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "kassa-chart-axis.h"
#include "kassa-date.h"

#define DEFAULT_FONT "Sans 9"
#define LEGEND_SWATCH 10.0
#define LEGEND_LINE_SAMPLE 16.0
#define LEGEND_SWATCH_GAP 4.0
#define LEGEND_ENTRY_GAP 12.0
#define GRID_ALPHA 0.15
/* Beyond this a step × 10 could overflow gint64. */
#define MAX_MAGNITUDE (G_MAXINT64 / 100)

typedef struct
{
  KassaChartDateUnit unit;
  guint              count;
} DateStep;

/* Finest first: the first that fits wins. */
static const DateStep date_steps[] = {
  { KASSA_CHART_DATE_UNIT_DAY, 1 },
  { KASSA_CHART_DATE_UNIT_DAY, 2 },
  { KASSA_CHART_DATE_UNIT_DAY, 3 },
  { KASSA_CHART_DATE_UNIT_WEEK, 1 },
  { KASSA_CHART_DATE_UNIT_WEEK, 2 },
  { KASSA_CHART_DATE_UNIT_MONTH, 1 },
  { KASSA_CHART_DATE_UNIT_MONTH, 2 },
  { KASSA_CHART_DATE_UNIT_MONTH, 3 },
  { KASSA_CHART_DATE_UNIT_MONTH, 6 },
  { KASSA_CHART_DATE_UNIT_YEAR, 1 },
  { KASSA_CHART_DATE_UNIT_YEAR, 2 },
  { KASSA_CHART_DATE_UNIT_YEAR, 5 },
  { KASSA_CHART_DATE_UNIT_YEAR, 10 },
  { KASSA_CHART_DATE_UNIT_YEAR, 20 },
  { KASSA_CHART_DATE_UNIT_YEAR, 50 },
  { KASSA_CHART_DATE_UNIT_YEAR, 100 },
  { KASSA_CHART_DATE_UNIT_YEAR, 200 },
  { KASSA_CHART_DATE_UNIT_YEAR, 500 },
  { KASSA_CHART_DATE_UNIT_YEAR, 1000 },
  { KASSA_CHART_DATE_UNIT_YEAR, 10000 },
};

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

static gint64
abs64 (gint64 value)
{
  return value < 0 ? -value : value;
}

void
kassa_chart_value_ticks (gint64                low,
                         gint64                high,
                         gint64                min_step,
                         guint                 max_intervals,
                         KassaChartValueTicks *ticks)
{
  static const gint64 multiples[] = { 1, 2, 5 };

  g_return_if_fail (ticks != NULL);

  max_intervals = MAX (max_intervals, 1);
  min_step = MAX (min_step, 1);
  if (low > high)
    {
      gint64 swap = low;

      low = high;
      high = swap;
    }

  /* A single value gets a tenth of itself (at least a step) on each side,
   * so a flat line runs through the middle of a range that still means
   * something at that size. */
  if (low == high)
    {
      gint64 margin = MAX (abs64 (low) / 10, min_step);

      low -= margin;
      high += margin;
    }

  for (gint64 magnitude = 1; magnitude <= MAX_MAGNITUDE; magnitude *= 10)
    {
      for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
        {
          gint64 step = multiples[i] * magnitude;
          gint64 axis_min, axis_max;

          if (step < min_step)
            continue;

          axis_min = floor_div (low, step) * step;
          axis_max = ceil_div (high, step) * step;
          if ((axis_max - axis_min) / step <= (gint64) max_intervals)
            {
              ticks->min = axis_min;
              ticks->max = axis_max;
              ticks->step = step;
              return;
            }
        }
    }

  /* Only ranges near the limits of gint64 get here. */
  ticks->min = low;
  ticks->max = high;
  ticks->step = MAX (high - low, 1);
}

static KassaDay
first_month_tick (KassaDay first,
                  guint    months)
{
  KassaDay day = kassa_day_start_of_month (first);
  int year, month, mday;

  if (day < first)
    day = kassa_day_add_months (day, 1);

  kassa_day_to_ymd (day, &year, &month, &mday);
  while ((guint) (month - 1) % months != 0)
    {
      day = kassa_day_add_months (day, 1);
      kassa_day_to_ymd (day, &year, &month, &mday);
    }

  return day;
}

static KassaDay
first_year_tick (KassaDay first,
                 guint    years)
{
  int year, month, mday;

  kassa_day_to_ymd (first, &year, &month, &mday);
  if (month != 1 || mday != 1)
    year++;
  while (year % (int) years != 0)
    year++;

  return kassa_day_from_ymd (year, 1, 1);
}

static KassaDay
first_tick (const DateStep *step,
            KassaDay        first)
{
  KassaDay day;

  switch (step->unit)
    {
    case KASSA_CHART_DATE_UNIT_DAY:
      /* Aligned to the day number, so ticks stay put while the range moves. */
      day = first;
      while (day % (KassaDay) step->count != 0)
        day++;
      return day;

    case KASSA_CHART_DATE_UNIT_WEEK:
      /* Day 1 (0001-01-01) is a Monday. */
      day = first;
      while ((day - 1) % (7 * (KassaDay) step->count) != 0)
        day++;
      return day;

    case KASSA_CHART_DATE_UNIT_MONTH:
      return first_month_tick (first, step->count);

    case KASSA_CHART_DATE_UNIT_YEAR:
    default:
      return first_year_tick (first, step->count);
    }
}

static KassaDay
next_tick (const DateStep *step,
           KassaDay        day)
{
  switch (step->unit)
    {
    case KASSA_CHART_DATE_UNIT_DAY:
      return day + (KassaDay) step->count;
    case KASSA_CHART_DATE_UNIT_WEEK:
      return day + 7 * (KassaDay) step->count;
    case KASSA_CHART_DATE_UNIT_MONTH:
      return kassa_day_add_months (day, (int) step->count);
    case KASSA_CHART_DATE_UNIT_YEAR:
    default:
      return kassa_day_add_months (day, 12 * (int) step->count);
    }
}

/* Fills days with the ticks of step in first … last; FALSE (days left
 * partly filled) as soon as there would be more than max_ticks. */
static gboolean
collect_ticks (const DateStep *step,
               KassaDay        first,
               KassaDay        last,
               guint           max_ticks,
               GArray         *days)
{
  KassaDay day;

  g_array_set_size (days, 0);

  /* Cheap rejection of fine steps over long ranges. */
  if (step->unit == KASSA_CHART_DATE_UNIT_DAY &&
      (gint64) (last - first) / step->count + 1 > (gint64) max_ticks + 1)
    return FALSE;

  for (day = first_tick (step, first); day <= last; day = next_tick (step, day))
    {
      if (days->len == max_ticks)
        return FALSE;
      g_array_append_val (days, day);
    }

  return TRUE;
}

void
kassa_chart_date_ticks (KassaDay             first,
                        KassaDay             last,
                        guint                max_ticks,
                        KassaChartDateTicks *ticks)
{
  g_return_if_fail (ticks != NULL);
  g_return_if_fail (kassa_day_is_valid (first) && kassa_day_is_valid (last));

  max_ticks = MAX (max_ticks, 1);
  if (first > last)
    {
      KassaDay swap = first;

      first = last;
      last = swap;
    }

  ticks->days = g_array_new (FALSE, FALSE, sizeof (KassaDay));
  for (guint i = 0; i < G_N_ELEMENTS (date_steps); i++)
    {
      ticks->unit = date_steps[i].unit;
      ticks->count = date_steps[i].count;
      if (collect_ticks (&date_steps[i], first, last, max_ticks, ticks->days))
        return;
    }

  /* Ten thousand years per tick is still too fine: no ticks. */
  g_array_set_size (ticks->days, 0);
}

void
kassa_chart_date_ticks_clear (KassaChartDateTicks *ticks)
{
  g_return_if_fail (ticks != NULL);

  g_clear_pointer (&ticks->days, g_array_unref);
}

char *
kassa_chart_format_value (KassaChartValueFormatFunc func,
                          gpointer                  user_data,
                          gint64                    value,
                          gint64                    step)
{
  char *text = NULL;

  if (func != NULL)
    text = func (value, step, user_data);
  if (text == NULL)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return text;
}

char *
kassa_chart_format_date (KassaChartDateFormatFunc func,
                         gpointer                 user_data,
                         KassaDay                 day,
                         KassaChartDateUnit       unit)
{
  int year, month, mday;

  if (func != NULL)
    {
      char *text = func (day, unit, user_data);

      if (text != NULL)
        return text;
    }

  kassa_day_to_ymd (day, &year, &month, &mday);
  switch (unit)
    {
    case KASSA_CHART_DATE_UNIT_YEAR:
      return g_strdup_printf ("%04d", year);
    case KASSA_CHART_DATE_UNIT_MONTH:
      return g_strdup_printf ("%04d-%02d", year, month);
    case KASSA_CHART_DATE_UNIT_DAY:
    case KASSA_CHART_DATE_UNIT_WEEK:
    default:
      return g_strdup_printf ("%04d-%02d-%02d", year, month, mday);
    }
}

PangoLayout *
kassa_chart_create_label (cairo_t                    *cr,
                          const PangoFontDescription *font,
                          const char                 *text)
{
  PangoLayout *label;

  g_return_val_if_fail (cr != NULL, NULL);

  label = pango_cairo_create_layout (cr);
  if (font != NULL)
    {
      pango_layout_set_font_description (label, font);
    }
  else
    {
      PangoFontDescription *fallback = pango_font_description_from_string (DEFAULT_FONT);

      pango_layout_set_font_description (label, fallback);
      pango_font_description_free (fallback);
    }

  pango_layout_set_text (label, text != NULL ? text : "", -1);
  return label;
}

void
kassa_chart_set_source (cairo_t                *cr,
                        const KassaChartColour *colour,
                        double                  alpha_factor)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (colour != NULL);

  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue,
                         colour->alpha * alpha_factor);
}

double
kassa_chart_legend_height (cairo_t                    *cr,
                           const PangoFontDescription *font,
                           guint                       n_entries)
{
  g_autoptr(PangoLayout) label = NULL;
  PangoRectangle logical;

  g_return_val_if_fail (cr != NULL, 0.0);

  if (n_entries == 0)
    return 0.0;

  label = kassa_chart_create_label (cr, font, "Ag");
  pango_layout_get_pixel_extents (label, NULL, &logical);
  return MAX (logical.height, LEGEND_SWATCH);
}

static double
draw_swatch (cairo_t                     *cr,
             const KassaChartLegendEntry *entry,
             double                       x,
             double                       middle)
{
  kassa_chart_set_source (cr, entry->colour, 1.0);

  if (entry->dashed)
    {
      static const double dash[] = { 4.0, 3.0 };

      cairo_save (cr);
      cairo_set_line_width (cr, 2.0);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0.0);
      cairo_move_to (cr, x, round (middle));
      cairo_line_to (cr, x + LEGEND_LINE_SAMPLE, round (middle));
      cairo_stroke (cr);
      cairo_restore (cr);
      return LEGEND_LINE_SAMPLE;
    }

  cairo_rectangle (cr, x, round (middle - LEGEND_SWATCH / 2), LEGEND_SWATCH, LEGEND_SWATCH);
  cairo_fill (cr);
  return LEGEND_SWATCH;
}

void
kassa_chart_legend_draw (cairo_t                     *cr,
                         const PangoFontDescription  *font,
                         const KassaChartColour      *text,
                         const KassaChartLegendEntry *entries,
                         guint                        n_entries,
                         double                       x,
                         double                       y)
{
  double middle;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (entries != NULL || n_entries == 0);

  middle = y + kassa_chart_legend_height (cr, font, n_entries) / 2;
  cairo_save (cr);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(PangoLayout) label = kassa_chart_create_label (cr, font, entries[i].name);
      PangoRectangle logical;

      x += draw_swatch (cr, &entries[i], x, middle) + LEGEND_SWATCH_GAP;
      pango_layout_get_pixel_extents (label, NULL, &logical);
      kassa_chart_set_source (cr, text, 1.0);
      cairo_move_to (cr, x - logical.x, round (middle - logical.height / 2.0) - logical.y);
      pango_cairo_show_layout (cr, label);
      x += logical.width + LEGEND_ENTRY_GAP;
    }
  cairo_restore (cr);
}

void
kassa_chart_label_size (cairo_t                    *cr,
                        const PangoFontDescription *font,
                        const char                 *text,
                        int                        *width,
                        int                        *height)
{
  g_autoptr(PangoLayout) label = kassa_chart_create_label (cr, font, text);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (label, NULL, &logical);
  if (width != NULL)
    *width = logical.width;
  if (height != NULL)
    *height = logical.height;
}

void
kassa_chart_show_label (cairo_t     *cr,
                        PangoLayout *label,
                        double       x,
                        double       y)
{
  PangoRectangle logical;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (label));

  pango_layout_get_pixel_extents (label, NULL, &logical);
  cairo_move_to (cr, x - logical.x, y - logical.y);
  pango_cairo_show_layout (cr, label);
}

double
kassa_chart_value_axis_row (const KassaChartValueAxis *axis,
                            gint64                     value)
{
  double span;

  g_return_val_if_fail (axis != NULL, 0.0);

  span = (double) MAX (axis->ticks.max - axis->ticks.min, 1);
  return round (axis->top + (double) (axis->ticks.max - value) * axis->height / span);
}

int
kassa_chart_value_axis_widest_label (const KassaChartValueAxis  *axis,
                                     cairo_t                    *cr,
                                     const PangoFontDescription *font,
                                     KassaChartValueFormatFunc   func,
                                     gpointer                    user_data)
{
  const KassaChartValueTicks *ticks;
  int widest = 0;

  g_return_val_if_fail (axis != NULL, 0);

  ticks = &axis->ticks;
  for (gint64 tick = ticks->min; tick <= ticks->max; tick += ticks->step)
    {
      g_autofree char *text = kassa_chart_format_value (func, user_data, tick, ticks->step);
      int width;

      kassa_chart_label_size (cr, font, text, &width, NULL);
      widest = MAX (widest, width);
    }

  return widest;
}

void
kassa_chart_value_axis_draw_labels (const KassaChartValueAxis  *axis,
                                    cairo_t                    *cr,
                                    const PangoFontDescription *font,
                                    KassaChartValueFormatFunc   func,
                                    gpointer                    user_data,
                                    const KassaChartColour     *colour,
                                    double                      right,
                                    double                      max_y)
{
  const KassaChartValueTicks *ticks;

  g_return_if_fail (axis != NULL);
  g_return_if_fail (colour != NULL);

  ticks = &axis->ticks;
  kassa_chart_set_source (cr, colour, 1.0);
  for (gint64 tick = ticks->min; tick <= ticks->max; tick += ticks->step)
    {
      g_autofree char *text = kassa_chart_format_value (func, user_data, tick, ticks->step);
      g_autoptr(PangoLayout) label = kassa_chart_create_label (cr, font, text);
      PangoRectangle logical;
      double y;

      pango_layout_get_pixel_extents (label, NULL, &logical);
      y = kassa_chart_value_axis_row (axis, tick) + 0.5 - logical.height / 2.0;
      y = CLAMP (y, 0.0, MAX (0.0, max_y - logical.height));
      kassa_chart_show_label (cr, label, right - logical.width, y);
    }
}

static void
fill_row (cairo_t *cr,
          double   left,
          double   row,
          double   width)
{
  cairo_rectangle (cr, left, row, width, 1);
  cairo_fill (cr);
}

void
kassa_chart_value_axis_draw_grid (const KassaChartValueAxis *axis,
                                  cairo_t                   *cr,
                                  const KassaChartColour    *colour,
                                  double                     left,
                                  double                     width)
{
  const KassaChartValueTicks *ticks;

  g_return_if_fail (axis != NULL);
  g_return_if_fail (colour != NULL);

  ticks = &axis->ticks;
  kassa_chart_set_source (cr, colour, GRID_ALPHA);
  for (gint64 tick = ticks->min; tick <= ticks->max; tick += ticks->step)
    if (tick != 0)
      fill_row (cr, left, kassa_chart_value_axis_row (axis, tick), width);

  if (ticks->min <= 0 && ticks->max >= 0)
    {
      kassa_chart_set_source (cr, colour, 1.0);
      fill_row (cr, left, kassa_chart_value_axis_row (axis, 0), width);
    }
}

void
kassa_chart_date_axis_include (KassaChartDateAxis *axis,
                               KassaDay            day)
{
  g_return_if_fail (axis != NULL);

  if (!axis->has_days)
    {
      axis->first = axis->last = day;
      axis->has_days = TRUE;
      return;
    }

  axis->first = MIN (axis->first, day);
  axis->last = MAX (axis->last, day);
}

double
kassa_chart_date_axis_x (const KassaChartDateAxis *axis,
                         KassaDay                  day)
{
  double x;

  g_return_val_if_fail (axis != NULL, 0.0);

  if (!axis->has_days || axis->first == axis->last)
    x = axis->left + axis->width / 2;
  else
    x = axis->left + (double) (day - axis->first) * axis->width / (double) (axis->last - axis->first);

  return floor (x) + 0.5;
}

KassaDay
kassa_chart_date_axis_day_at (const KassaChartDateAxis *axis,
                              double                    x)
{
  double span, offset;

  g_return_val_if_fail (axis != NULL, 0);

  if (!axis->has_days || axis->first == axis->last)
    return axis->first;

  span = (double) (axis->last - axis->first);
  offset = (x - axis->left) * span / MAX (axis->width, 1.0);
  return axis->first + (KassaDay) CLAMP (round (offset), 0.0, span);
}

static int
widest_date_label (const KassaChartDateAxis   *axis,
                   cairo_t                    *cr,
                   const PangoFontDescription *font,
                   KassaChartDateFormatFunc    func,
                   gpointer                    user_data)
{
  GArray *days = axis->ticks.days;
  int widest = 0;

  for (guint i = 0; i < days->len; i++)
    {
      KassaDay day = g_array_index (days, KassaDay, i);
      g_autofree char *text = kassa_chart_format_date (func, user_data, day, axis->ticks.unit);
      int width;

      kassa_chart_label_size (cr, font, text, &width, NULL);
      widest = MAX (widest, width);
    }

  return widest;
}

void
kassa_chart_date_axis_choose_ticks (KassaChartDateAxis         *axis,
                                    cairo_t                    *cr,
                                    const PangoFontDescription *font,
                                    KassaChartDateFormatFunc    func,
                                    gpointer                    user_data,
                                    double                      min_gap)
{
  guint max_ticks;

  g_return_if_fail (axis != NULL);

  kassa_chart_date_ticks_clear (&axis->ticks);
  if (!axis->has_days)
    {
      axis->ticks.days = g_array_new (FALSE, FALSE, sizeof (KassaDay));
      return;
    }

  /* Fewer ticks until the widest label of the chosen unit fits its slot:
   * a coarser unit's labels are rarely wider, so a few rounds settle it. */
  max_ticks = MAX (1, (guint) (axis->width / 40));
  for (int attempt = 0; ; attempt++)
    {
      double slot;

      kassa_chart_date_ticks (axis->first, axis->last, max_ticks, &axis->ticks);
      slot = widest_date_label (axis, cr, font, func, user_data) + min_gap;
      if (axis->ticks.days->len * slot <= axis->width || max_ticks == 1 || attempt == 4)
        return;

      max_ticks = MAX (1, MIN (max_ticks - 1, (guint) (axis->width / slot)));
      kassa_chart_date_ticks_clear (&axis->ticks);
    }
}

void
kassa_chart_date_axis_draw_labels (const KassaChartDateAxis   *axis,
                                   cairo_t                    *cr,
                                   const PangoFontDescription *font,
                                   KassaChartDateFormatFunc    func,
                                   gpointer                    user_data,
                                   const KassaChartColour     *colour,
                                   double                      y,
                                   double                      max_x)
{
  GArray *days;

  g_return_if_fail (axis != NULL);
  g_return_if_fail (colour != NULL);

  days = axis->ticks.days;
  kassa_chart_set_source (cr, colour, 1.0);
  for (guint i = 0; days != NULL && i < days->len; i++)
    {
      KassaDay day = g_array_index (days, KassaDay, i);
      g_autofree char *text = kassa_chart_format_date (func, user_data, day, axis->ticks.unit);
      g_autoptr(PangoLayout) label = kassa_chart_create_label (cr, font, text);
      PangoRectangle logical;
      double x;

      pango_layout_get_pixel_extents (label, NULL, &logical);
      x = kassa_chart_date_axis_x (axis, day) - logical.width / 2.0;
      x = CLAMP (x, 0.0, MAX (0.0, max_x - logical.width));
      kassa_chart_show_label (cr, label, round (x), y);
    }
}

void
kassa_chart_date_axis_clear (KassaChartDateAxis *axis)
{
  g_return_if_fail (axis != NULL);

  kassa_chart_date_ticks_clear (&axis->ticks);
  axis->has_days = FALSE;
}
