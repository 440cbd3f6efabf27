/* kassa-sparkline.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-charts"

#include "config.h"

#include <math.h>

#include "kassa-sparkline.h"

#define LINE_WIDTH 1.5
#define DOT_RADIUS 2.5

typedef struct
{
  double min;
  double max;
  guint  n_defined;
} Range;

static gboolean
is_defined (double value)
{
  /* NaN fails every comparison, so it is undefined too. */
  return KASSA_SPARKLINE_IS_DEFINED (value) && isfinite (value);
}

static Range
find_range (const double *values,
            guint         n)
{
  Range range = { 0.0, 0.0, 0 };

  for (guint i = 0; i < n; i++)
    {
      if (!is_defined (values[i]))
        continue;

      if (range.n_defined == 0 || values[i] < range.min)
        range.min = values[i];
      if (range.n_defined == 0 || values[i] > range.max)
        range.max = values[i];
      range.n_defined++;
    }

  return range;
}

static double
x_of (double width,
      guint  n,
      guint  index)
{
  double inner = MAX (width - 2 * KASSA_SPARKLINE_PADDING, 0.0);

  if (n < 2)
    return width / 2;

  return KASSA_SPARKLINE_PADDING + inner * index / (n - 1);
}

static double
y_of (double       height,
      const Range *range,
      double       value)
{
  double inner = MAX (height - 2 * KASSA_SPARKLINE_PADDING, 0.0);

  /* A flat series says "no change": draw it through the middle rather
   * than along an edge, which would read as a minimum or a maximum. */
  if (range->max - range->min <= 0.0)
    return height / 2;

  return KASSA_SPARKLINE_PADDING + inner * (range->max - value) / (range->max - range->min);
}

static gboolean
neighbour_defined (const double *values,
                   guint         n,
                   guint         index)
{
  return (index > 0 && is_defined (values[index - 1])) ||
         (index + 1 < n && is_defined (values[index + 1]));
}

static void
draw_dot (cairo_t *cr,
          double   x,
          double   y)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, DOT_RADIUS, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_line (cairo_t      *cr,
           double        width,
           double        height,
           const double *values,
           guint         n,
           const Range  *range)
{
  gboolean pen_down = FALSE;

  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (guint i = 0; i < n; i++)
    {
      double x = x_of (width, n, i);

      if (!is_defined (values[i]))
        {
          pen_down = FALSE;
          continue;
        }

      if (pen_down)
        cairo_line_to (cr, x, y_of (height, range, values[i]));
      else
        cairo_move_to (cr, x, y_of (height, range, values[i]));
      pen_down = TRUE;
    }

  cairo_stroke (cr);
}

static void
draw_dots (cairo_t      *cr,
           double        width,
           double        height,
           const double *values,
           guint         n,
           const Range  *range)
{
  gboolean last_done = FALSE;

  for (guint i = n; i-- > 0;)
    {
      if (!is_defined (values[i]))
        continue;

      /* The latest value is the one people read: mark it; isolated
       * points would otherwise be invisible. */
      if (!last_done || !neighbour_defined (values, n, i))
        draw_dot (cr, x_of (width, n, i), y_of (height, range, values[i]));
      last_done = TRUE;
    }
}

void
kassa_sparkline_draw (cairo_t      *cr,
                      double        width,
                      double        height,
                      const double *values,
                      guint         n,
                      double        red,
                      double        green,
                      double        blue,
                      double        alpha)
{
  Range range;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (values != NULL || n == 0);

  range = find_range (values, n);
  if (range.n_defined == 0 || width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  cairo_set_source_rgba (cr, red, green, blue, alpha);
  draw_line (cr, width, height, values, n, &range);
  draw_dots (cr, width, height, values, n, &range);
  cairo_restore (cr);
}

gboolean
kassa_sparkline_point (double        width,
                       double        height,
                       const double *values,
                       guint         n,
                       guint         index,
                       double       *x,
                       double       *y)
{
  Range range;

  g_return_val_if_fail (values != NULL || n == 0, FALSE);

  if (index >= n || !is_defined (values[index]))
    return FALSE;

  range = find_range (values, n);
  if (x != NULL)
    *x = x_of (width, n, index);
  if (y != NULL)
    *y = y_of (height, &range, values[index]);

  return TRUE;
}

int
kassa_sparkline_index_at (double width,
                          guint  n,
                          double x)
{
  double inner = width - 2 * KASSA_SPARKLINE_PADDING;
  double position;

  if (n == 0)
    return -1;
  if (n == 1 || inner <= 0)
    return 0;

  position = round ((x - KASSA_SPARKLINE_PADDING) / inner * (n - 1));
  return (int) CLAMP (position, 0, (double) (n - 1));
}
