/* test-bar-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders bar charts into image surfaces and checks the axis arithmetic
 * and the pixels.  Geometry worked out by hand: a chart 136 px high keeps
 * 8 px above and below its axis, so the axis runs over 120 rows (8 … 128)
 * and has room for 120 / 28 = 4 tick intervals.  Values 4, −2, 10 need
 * −2 … 10: steps 1 and 2 need 12 and 6 intervals, step 5 needs 3 (−5 … 10),
 * so a day is 120 / 15 = 8 rows and zero sits at 8 + 10 × 8 = 88.
 */
#define G_LOG_DOMAIN "test-bar-chart"

#include "config.h"

#include <math.h>

#include <cairo.h>
#include <glib.h>

#include "kassa-bar-chart.h"

#define WIDTH 200
#define HEIGHT 136
#define LABEL_GAP 6        /* between the labels and the plot */

/* Opaque primary colours, so a pixel says which part drew it. */
#define RED   0xffff0000u  /* bars above zero */
#define BLUE  0xff0000ffu  /* bars below zero */
#define GREEN 0xff00ff00u  /* zero line, zero marks */

static const KassaBarChartColour above = { 1.0, 0.0, 0.0, 1.0 };
static const KassaBarChartColour below = { 0.0, 0.0, 1.0, 1.0 };
static const KassaBarChartColour axis = { 0.0, 1.0, 0.0, 1.0 };

typedef struct
{
  int              width;
  int              height;
  cairo_surface_t *surface;
} Canvas;

static KassaBarChart *
chart_new (const gint *values,
           guint       n)
{
  KassaBarChart *chart = kassa_bar_chart_new ();

  kassa_bar_chart_set_values (chart, values, n);
  kassa_bar_chart_set_colours (chart, &above, &below, &axis);
  return chart;
}

static void
render (Canvas        *canvas,
        KassaBarChart *chart,
        int            width,
        int            height)
{
  cairo_t *cr;

  canvas->width = width;
  canvas->height = height;
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (canvas->surface);
  kassa_bar_chart_draw (chart, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (canvas->surface);
}

static void
canvas_clear (Canvas *canvas)
{
  g_clear_pointer (&canvas->surface, cairo_surface_destroy);
}

static guint32
pixel_at (Canvas *canvas,
          int     x,
          int     y)
{
  const unsigned char *data = cairo_image_surface_get_data (canvas->surface);
  int stride = cairo_image_surface_get_stride (canvas->surface);

  g_assert_true (x >= 0 && x < canvas->width && y >= 0 && y < canvas->height);

  return *(const guint32 *) (data + y * stride + x * 4);
}

static guint
ink_in (Canvas *canvas,
        int     x0,
        int     y0,
        int     x1,
        int     y1)
{
  guint ink = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, canvas->height); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, canvas->width); x++)
      if ((pixel_at (canvas, x, y) >> 24) > 0x40)
        ink++;

  return ink;
}

/* Axis ranges and steps. */

typedef struct
{
  const char *name;
  gint        values[3];
  guint       n;
  int         height;
  gint64      min;
  gint64      max;
  gint64      step;
} AxisCase;

static const AxisCase axis_cases[] = {
  { "mixed", { 4, -2, 10 }, 3, HEIGHT, -5, 10, 5 },
  /* Nothing or only zeros: zero in the middle. */
  { "empty", { 0 }, 0, HEIGHT, -1, 1, 1 },
  { "zeros", { 0, 0 }, 2, HEIGHT, -1, 1, 1 },
  /* 0 … 7: step 1 needs 7 intervals, step 2 needs 4 (0 … 8). */
  { "one value", { 7 }, 1, HEIGHT, 0, 8, 2 },
  /* −7 … 0: step 2 needs 4 intervals (−8 … 0). */
  { "all negative", { -3, -7 }, 2, HEIGHT, -8, 0, 2 },
  /* 0 … 2 147 483 647: 5 × 10^8 needs 5 intervals, 10^9 needs 3. */
  { "huge", { G_MAXINT }, 1, HEIGHT, 0, 3000000000, 1000000000 },
  /* −2.1e9 … 2.1e9: 10^9 needs 6 intervals, 2 × 10^9 needs 4. */
  { "huge both ways", { G_MININT, G_MAXINT }, 2, HEIGHT,
    -4000000000, 4000000000, 2000000000 },
  /* 56 px: 40 rows, room for 1 interval, but never fewer than 2:
   * −1 … 3 needs 4 intervals at step 1, 3 at step 2, 2 at step 5. */
  { "short", { 3, -1 }, 2, 56, -5, 5, 5 },
};

static void
test_axis (gconstpointer data)
{
  const AxisCase *c = data;
  g_autoptr(KassaBarChart) chart = chart_new (c->values, c->n);
  cairo_rectangle_t area;
  Canvas canvas = { 0 };
  gint64 min, max, step;

  render (&canvas, chart, WIDTH, c->height);
  kassa_bar_chart_get_axis (chart, &min, &max, &step);
  g_assert_cmpint (min, ==, c->min);
  g_assert_cmpint (max, ==, c->max);
  g_assert_cmpint (step, ==, c->step);

  /* The axis spans the plot: max on the top row, min on the bottom one. */
  kassa_bar_chart_get_plot_area (chart, &area);
  g_assert_cmpfloat (area.y, ==, 8.0);
  g_assert_cmpfloat (area.height, ==, c->height - 16.0);
  g_assert_cmpfloat (kassa_bar_chart_get_y (chart, max), ==, 8.0);
  g_assert_cmpfloat (kassa_bar_chart_get_y (chart, min), ==, c->height - 8.0);

  canvas_clear (&canvas);
}

/* Bars in pixels. */

typedef struct
{
  const char *name;
  gint        values[3];
  guint       n;
  double      zero_y;
  double      value_y[3];   /* hand-worked row of each value */
} BarCase;

static const BarCase bar_cases[] = {
  /* See the top of the file: 8 rows a day, zero at 88. */
  { "mixed", { 4, -2, 10 }, 3, 88, { 56, 104, 8 } },
  /* −8 … 0 over 120 rows: 15 rows a day, zero on the top row. */
  { "all negative", { -3, -7 }, 2, 8, { 53, 113 } },
  /* 0 … 8 by 2: 15 rows a day, zero on the bottom row. */
  { "one value", { 7 }, 1, 128, { 23 } },
};

static void
assert_column (Canvas  *canvas,
               int      x,
               int      first_row,
               int      last_row,
               guint32  colour)
{
  for (int y = first_row; y <= last_row; y++)
    {
      if (pixel_at (canvas, x, y) != colour)
        g_error ("pixel %d,%d is %08x, expected %08x", x, y, pixel_at (canvas, x, y), colour);
    }
}

static void
test_bars (gconstpointer data)
{
  const BarCase *c = data;
  g_autoptr(KassaBarChart) chart = chart_new (c->values, c->n);
  Canvas canvas = { 0 };
  cairo_rectangle_t area;

  render (&canvas, chart, WIDTH, HEIGHT);
  kassa_bar_chart_get_plot_area (chart, &area);
  g_assert_cmpfloat (kassa_bar_chart_get_y (chart, 0), ==, c->zero_y);

  for (guint i = 0; i < c->n; i++)
    {
      int zero = (int) c->zero_y;
      int value_row = (int) c->value_y[i];
      double slot = area.width / c->n;
      cairo_rectangle_t bar;
      int x;

      g_assert_cmpfloat (kassa_bar_chart_get_y (chart, c->values[i]), ==, c->value_y[i]);
      g_assert_true (kassa_bar_chart_get_bar (chart, i, &bar));
      /* Centred in its slot, 70 % of it wide but no wider than 32 px. */
      g_assert_cmpfloat (fabs (bar.x + bar.width / 2 - (area.x + slot * (i + 0.5))), <=, 1.0);
      g_assert_cmpfloat (bar.width, ==, MIN (floor (slot * 0.7), 32.0));

      x = (int) (bar.x + bar.width / 2);
      if (c->values[i] > 0)
        {
          /* From the value's row down to the row above the zero line. */
          assert_column (&canvas, x, value_row, zero - 1, RED);
          g_assert_cmpuint (pixel_at (&canvas, x, value_row - 1) & 0xffffff, !=, RED & 0xffffff);
        }
      else
        {
          /* Below the line, down to the value's row. */
          assert_column (&canvas, x, zero + 1, value_row, BLUE);
          if (value_row + 1 < HEIGHT)
            g_assert_cmpuint (pixel_at (&canvas, x, value_row + 1), ==, 0);
        }

      /* Beside the bar, the zero line shows. */
      g_assert_cmpuint (pixel_at (&canvas, (int) bar.x - 1, zero), ==, GREEN);
      g_assert_cmpuint (pixel_at (&canvas, (int) bar.x - 1, zero + 1), ==, 0);
      g_assert_cmpint (kassa_bar_chart_index_at (chart, x), ==, (int) i);
    }

  g_assert_cmpint (kassa_bar_chart_index_at (chart, area.x - 1), ==, -1);
  g_assert_cmpint (kassa_bar_chart_index_at (chart, area.x + area.width), ==, -1);
  canvas_clear (&canvas);
}

static void
test_zero_mark (void)
{
  const gint values[] = { 0 };
  g_autoptr(KassaBarChart) chart = chart_new (values, G_N_ELEMENTS (values));
  Canvas canvas = { 0 };
  cairo_rectangle_t bar;
  int x;

  /* −1 … 1 over 120 rows: zero at 8 + 60 = 68; the mark is rows 67 … 69. */
  render (&canvas, chart, WIDTH, HEIGHT);
  g_assert_true (kassa_bar_chart_get_bar (chart, 0, &bar));
  g_assert_cmpfloat (bar.y, ==, 67.0);
  g_assert_cmpfloat (bar.height, ==, 3.0);
  g_assert_cmpfloat (bar.width, ==, 32.0);

  x = (int) (bar.x + bar.width / 2);
  assert_column (&canvas, x, 67, 69, GREEN);
  g_assert_cmpuint (pixel_at (&canvas, x, 66), ==, 0);
  g_assert_cmpuint (pixel_at (&canvas, x, 70), ==, 0);
  canvas_clear (&canvas);
}

static void
test_tiny_bars (void)
{
  const gint values[] = { G_MAXINT, -5, 5 };
  g_autoptr(KassaBarChart) chart = chart_new (values, G_N_ELEMENTS (values));
  Canvas canvas = { 0 };
  cairo_rectangle_t bar;
  double zero;

  /* −1e9 … 3e9 (4 intervals of 10^9) over 120 rows: 30 rows per 10^9,
   * zero at 8 + 90 = 98.  5 days is far less than a row, but each bar
   * keeps one row so it is not lost. */
  render (&canvas, chart, WIDTH, HEIGHT);
  zero = kassa_bar_chart_get_y (chart, 0);
  g_assert_cmpfloat (zero, ==, 98.0);

  g_assert_true (kassa_bar_chart_get_bar (chart, 0, &bar));
  /* (3e9 − 2 147 483 647) × 30 / 1e9 = 25.6 rows below the top: row 34. */
  g_assert_cmpfloat (bar.y, ==, 34.0);
  g_assert_cmpfloat (bar.y + bar.height, ==, zero);

  g_assert_true (kassa_bar_chart_get_bar (chart, 1, &bar));
  g_assert_cmpfloat (bar.y, ==, zero + 1);
  g_assert_cmpfloat (bar.height, ==, 1.0);

  g_assert_true (kassa_bar_chart_get_bar (chart, 2, &bar));
  g_assert_cmpfloat (bar.y, ==, zero - 1);
  g_assert_cmpfloat (bar.height, ==, 1.0);
  g_assert_cmpuint (pixel_at (&canvas, (int) (bar.x + bar.width / 2), (int) bar.y), ==, RED);
  canvas_clear (&canvas);
}

static void
test_narrow_slots (void)
{
  const gint values[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
  g_autoptr(KassaBarChart) chart = chart_new (values, G_N_ELEMENTS (values));
  Canvas canvas = { 0 };
  cairo_rectangle_t area, bar, previous = { 0 };
  double slot;

  /* Ten bars in under 200 px: slots of about 17 px, bars 70 % of them
   * (11 px), far from the 32 px cap, with gaps between them. */
  render (&canvas, chart, WIDTH, HEIGHT);
  kassa_bar_chart_get_plot_area (chart, &area);
  slot = area.width / G_N_ELEMENTS (values);
  g_assert_cmpfloat (slot, <, 20.0);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_assert_true (kassa_bar_chart_get_bar (chart, i, &bar));
      g_assert_cmpfloat (bar.width, ==, floor (slot * 0.7));
      if (i > 0)
        g_assert_cmpfloat (bar.x, >=, previous.x + previous.width + 2);
      g_assert_cmpint (kassa_bar_chart_index_at (chart, bar.x), ==, (int) i);
      previous = bar;
    }

  canvas_clear (&canvas);
}

static void
test_empty (void)
{
  g_autoptr(KassaBarChart) chart = chart_new (NULL, 0);
  Canvas canvas = { 0 };
  cairo_rectangle_t bar;

  render (&canvas, chart, WIDTH, HEIGHT);
  g_assert_cmpuint (kassa_bar_chart_get_n_values (chart), ==, 0);
  g_assert_cmpuint (ink_in (&canvas, 0, 0, WIDTH, HEIGHT), ==, 0);
  g_assert_false (kassa_bar_chart_get_bar (chart, 0, &bar));
  g_assert_cmpint (kassa_bar_chart_index_at (chart, WIDTH / 2), ==, -1);
  canvas_clear (&canvas);
}

/* Labels: ink beside each tick in the gutter, none between ticks. */

static void
test_labels (void)
{
  const gint values[] = { 4, -2, 10 };
  const gint64 ticks[] = { -5, 0, 5, 10 };
  g_autoptr(KassaBarChart) chart = chart_new (values, G_N_ELEMENTS (values));
  Canvas canvas = { 0 };
  cairo_rectangle_t area;
  int gutter;

  render (&canvas, chart, WIDTH, HEIGHT);
  kassa_bar_chart_get_plot_area (chart, &area);
  gutter = (int) area.x - LABEL_GAP;
  g_assert_cmpint (gutter, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    {
      int y = (int) kassa_bar_chart_get_y (chart, ticks[i]);

      g_test_message ("tick %" G_GINT64_FORMAT " at row %d", ticks[i], y);
      g_assert_cmpuint (ink_in (&canvas, 0, y - 3, gutter, y + 4), >, 4);
    }

  /* Rows 20 … 30 (about 11 … 9 days) lie between the ticks 10 and 5. */
  g_assert_cmpuint (ink_in (&canvas, 0, 20, gutter, 31), ==, 0);
  /* Nothing between the labels and the plot. */
  g_assert_cmpuint (ink_in (&canvas, gutter + 1, 0, (int) area.x, HEIGHT), ==, 0);
  canvas_clear (&canvas);
}

static char *
format_days (gint64   value,
             gpointer user_data)
{
  guint *calls = user_data;

  (*calls)++;
  return g_strdup_printf ("%" G_GINT64_FORMAT " days late", value);
}

static void
test_format_func (void)
{
  const gint values[] = { 4, -2, 10 };
  g_autoptr(KassaBarChart) plain = chart_new (values, G_N_ELEMENTS (values));
  g_autoptr(KassaBarChart) wide = chart_new (values, G_N_ELEMENTS (values));
  Canvas plain_canvas = { 0 };
  Canvas wide_canvas = { 0 };
  cairo_rectangle_t plain_area, wide_area;
  guint calls = 0;

  kassa_bar_chart_set_format_func (wide, format_days, &calls, NULL);
  render (&plain_canvas, plain, WIDTH, HEIGHT);
  render (&wide_canvas, wide, WIDTH, HEIGHT);

  /* Four ticks, each measured and drawn. */
  g_assert_cmpuint (calls, ==, 8);
  kassa_bar_chart_get_plot_area (plain, &plain_area);
  kassa_bar_chart_get_plot_area (wide, &wide_area);
  g_assert_cmpfloat (wide_area.x, >, plain_area.x + 30);
  g_assert_cmpfloat (wide_area.x + wide_area.width, ==, plain_area.x + plain_area.width);
  /* The longer labels reach further left. */
  g_assert_cmpuint (ink_in (&wide_canvas, 0, 0, (int) wide_area.x - LABEL_GAP, HEIGHT), >,
                    ink_in (&plain_canvas, 0, 0, (int) plain_area.x - LABEL_GAP, HEIGHT));

  canvas_clear (&plain_canvas);
  canvas_clear (&wide_canvas);
}

static void
test_highlight (void)
{
  const gint values[] = { 4, 6 };
  g_autoptr(KassaBarChart) chart = chart_new (values, G_N_ELEMENTS (values));
  Canvas canvas = { 0 };
  cairo_rectangle_t bar;
  int middle;

  kassa_bar_chart_set_highlight (chart, 1);
  render (&canvas, chart, WIDTH, HEIGHT);
  g_assert_true (kassa_bar_chart_get_bar (chart, 1, &bar));
  middle = (int) (bar.y + bar.height / 2);

  /* An outline a pixel outside the highlighted bar only. */
  g_assert_cmpuint (pixel_at (&canvas, (int) bar.x - 2, middle), ==, GREEN);
  g_assert_cmpuint (pixel_at (&canvas, (int) (bar.x + bar.width) + 1, middle), ==, GREEN);
  g_assert_true (kassa_bar_chart_get_bar (chart, 0, &bar));
  middle = (int) (bar.y + bar.height / 2);
  g_assert_cmpuint (pixel_at (&canvas, (int) bar.x - 2, middle), !=, GREEN);

  /* Out of range means none; new values clear it. */
  kassa_bar_chart_set_highlight (chart, 7);
  canvas_clear (&canvas);
  render (&canvas, chart, WIDTH, HEIGHT);
  g_assert_true (kassa_bar_chart_get_bar (chart, 1, &bar));
  g_assert_cmpuint (pixel_at (&canvas, (int) bar.x - 2, (int) (bar.y + bar.height / 2)), ==, 0);
  canvas_clear (&canvas);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (axis_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bar-chart/axis/%s", axis_cases[i].name);

      g_test_add_data_func (path, &axis_cases[i], test_axis);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bar_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bar-chart/bars/%s", bar_cases[i].name);

      g_test_add_data_func (path, &bar_cases[i], test_bars);
    }

  g_test_add_func ("/bar-chart/zero-mark", test_zero_mark);
  g_test_add_func ("/bar-chart/tiny-bars", test_tiny_bars);
  g_test_add_func ("/bar-chart/narrow-slots", test_narrow_slots);
  g_test_add_func ("/bar-chart/empty", test_empty);
  g_test_add_func ("/bar-chart/labels", test_labels);
  g_test_add_func ("/bar-chart/format-func", test_format_func);
  g_test_add_func ("/bar-chart/highlight", test_highlight);

  return g_test_run ();
}
