/* test-pareto-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders Pareto charts into image surfaces and checks geometry and
 * pixels.  Charts are 190 px high: the plot is rows 8 … 185 (178 rows,
 * room for 6 tick intervals of 28 px), the zero row 186, so value rows
 * are round (8 + (max − v) × 178 ÷ max) and share rows round (8 +
 * (10000 − s) × 178 ÷ 10000), worked out by hand below.  Set
 * KASSA_TEST_PNG_DIR to keep the rendered charts as PNG files.
 */
#define G_LOG_DOMAIN "test-pareto-chart"

#include "config.h"

#include <math.h>

#include <cairo.h>
#include <glib.h>

#include "kassa-pareto-chart.h"

#define WIDTH 400
#define HEIGHT 190

/* Opaque primary colours, so a pixel says which part drew it. */
#define RED     0xffff0000u
#define BLUE    0xff0000ffu
#define GREEN   0xff00ff00u   /* axis, grid, thresholds, labels */
#define MAGENTA 0xffff00ffu
#define CYAN    0xff00ffffu   /* the cumulative curve */

static const KassaChartColour red = { 1.0, 0.0, 0.0, 1.0 };
static const KassaChartColour blue = { 0.0, 0.0, 1.0, 1.0 };
static const KassaChartColour green = { 0.0, 1.0, 0.0, 1.0 };
static const KassaChartColour magenta = { 1.0, 0.0, 1.0, 1.0 };
static const KassaChartColour cyan = { 0.0, 1.0, 1.0, 1.0 };

typedef struct
{
  int              width;
  int              height;
  cairo_surface_t *surface;
} Canvas;

static KassaParetoChart *
chart_new (const gint64 *values,
           const guint8 *classes,
           guint         n)
{
  KassaParetoChart *chart = kassa_pareto_chart_new ();

  kassa_pareto_chart_set_axis_colour (chart, &green);
  kassa_pareto_chart_set_curve_colour (chart, &cyan);
  kassa_pareto_chart_set_class_colour (chart, 0, &red);
  kassa_pareto_chart_set_class_colour (chart, 1, &blue);
  kassa_pareto_chart_set_class_colour (chart, 2, &magenta);
  kassa_pareto_chart_set_bars (chart, values, classes, n);
  return chart;
}

static void
save_png (Canvas     *canvas,
          const char *name)
{
  const char *dir = g_getenv ("KASSA_TEST_PNG_DIR");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  file = g_strdup_printf ("pareto-chart-%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (canvas->surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);
}

static void
render (Canvas           *canvas,
        KassaParetoChart *chart,
        int               width,
        const char       *name)
{
  cairo_t *cr;

  canvas->width = width;
  canvas->height = HEIGHT;
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, HEIGHT);
  cr = cairo_create (canvas->surface);
  kassa_pareto_chart_draw (chart, cr, width, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (canvas->surface);
  save_png (canvas, name);
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
count_colour (Canvas  *canvas,
              int      x0,
              int      y0,
              int      x1,
              int      y1,
              guint32  colour)
{
  guint n = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, canvas->height); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, canvas->width); x++)
      if (pixel_at (canvas, x, y) == colour)
        n++;

  return n;
}

/* Every pixel of the rectangle is colour. */
static void
assert_filled (Canvas                  *canvas,
               const cairo_rectangle_t *rect,
               guint32                  colour)
{
  for (int y = (int) rect->y; y < (int) (rect->y + rect->height); y++)
    for (int x = (int) rect->x; x < (int) (rect->x + rect->width); x++)
      if (pixel_at (canvas, x, y) != colour)
        g_error ("pixel %d,%d is %08x, expected %08x", x, y, pixel_at (canvas, x, y), colour);
}

/* Four customers, 1000 in all: 50 %, 80 %, 90 %, 100 % cumulative; ticks
 * 0 … 500 by 100 (5 intervals of 35.6 rows). */
static const gint64 four_values[] = { 500, 300, 100, 100 };
static const guint8 four_classes[] = { 0, 0, 1, 2 };

static void
test_geometry (void)
{
  g_autoptr(KassaParetoChart) chart = chart_new (four_values, four_classes, 4);
  static const struct
  {
    gint64 value;
    double row;
  } value_rows[] = { { 0, 186 }, { 100, 150 }, { 300, 79 }, { 500, 8 } };
  static const struct
  {
    gint64 share;
    double row;
  } share_rows[] = { { 0, 186 }, { 5000, 97 }, { 8000, 44 }, { 9000, 26 }, { 10000, 8 } };
  static const double heights[] = { 178, 107, 36, 36 };
  static const guint32 colours[] = { RED, RED, BLUE, MAGENTA };
  KassaChartValueTicks ticks;
  Canvas canvas = { 0 };

  /* An invisible curve leaves the bars' pixels to check. */
  kassa_pareto_chart_set_curve_colour (chart, &(KassaChartColour) { 0, 0, 0, 0 });
  render (&canvas, chart, WIDTH, "geometry");

  kassa_pareto_chart_get_value_ticks (chart, &ticks);
  g_assert_cmpint (ticks.min, ==, 0);
  g_assert_cmpint (ticks.max, ==, 500);
  g_assert_cmpint (ticks.step, ==, 100);
  g_assert_cmpuint (kassa_pareto_chart_get_n_columns (chart), ==, 4);
  g_assert_cmpuint (kassa_pareto_chart_get_bars_per_column (chart), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (value_rows); i++)
    g_assert_cmpfloat (kassa_pareto_chart_get_y (chart, value_rows[i].value), ==,
                       value_rows[i].row);
  for (guint i = 0; i < G_N_ELEMENTS (share_rows); i++)
    g_assert_cmpfloat (kassa_pareto_chart_get_share_y (chart, share_rows[i].share), ==,
                       share_rows[i].row);

  /* Heights proportional to the values: 178 × v ÷ 500, to the nearest row. */
  for (guint c = 0; c < 4; c++)
    {
      cairo_rectangle_t rect;

      g_assert_true (kassa_pareto_chart_get_column (chart, c, &rect));
      g_assert_cmpfloat (rect.height, ==, heights[c]);
      g_assert_cmpfloat (rect.y + rect.height, ==, 186);
      assert_filled (&canvas, &rect, colours[c]);
    }

  canvas_clear (&canvas);
}

static void
test_curve (void)
{
  g_autoptr(KassaParetoChart) chart = chart_new (four_values, four_classes, 4);
  static const double rows[] = { 97.5, 44.5, 26.5, 8.5 };
  cairo_rectangle_t area;
  Canvas canvas = { 0 };
  double x, y;

  render (&canvas, chart, WIDTH, "curve");
  kassa_pareto_chart_get_plot_area (chart, &area);

  for (guint c = 0; c < 4; c++)
    {
      g_assert_true (kassa_pareto_chart_get_curve_point (chart, c, &x, &y));
      g_assert_cmpfloat (y, ==, rows[c]);
      g_assert_cmpuint (pixel_at (&canvas, (int) x, (int) y), ==, CYAN);
    }
  /* The last point: 100 % at the plot's right edge. */
  g_assert_cmpfloat (x, ==, round (area.x + area.width) - 0.5);
  g_assert_false (kassa_pareto_chart_get_curve_point (chart, 4, &x, &y));
  /* Nothing of the curve above 100 %. */
  g_assert_cmpuint (count_colour (&canvas, (int) area.x, 0, (int) (area.x + area.width), 7, CYAN),
                    ==, 0);

  canvas_clear (&canvas);
}

static void
test_thresholds (void)
{
  g_autoptr(KassaParetoChart) chart = chart_new (four_values, four_classes, 4);
  static const gint shares[] = { 8000, 9500 };
  static const char * const labels[] = { "A 80 %", "B 95 %" };
  cairo_rectangle_t area;
  Canvas canvas = { 0 };
  guint on_row, left, right;
  int row;

  kassa_pareto_chart_set_thresholds (chart, shares, labels, 2);
  render (&canvas, chart, WIDTH, "thresholds");
  kassa_pareto_chart_get_plot_area (chart, &area);
  left = (guint) area.x;
  right = (guint) (area.x + area.width);

  /* 80 % is row 44: dashed (4 on, 3 off) across the plot, over bar 0. */
  row = (int) kassa_pareto_chart_get_share_y (chart, 8000);
  g_assert_cmpint (row, ==, 44);
  on_row = count_colour (&canvas, left, row, right, row + 1, GREEN);
  g_assert_cmpuint (on_row, >, (right - left) * 4 / 7 - 20);
  g_assert_cmpuint (on_row, <, (right - left) * 4 / 7 + 10);
  /* The rows around it hold no solid axis colour left of the label. */
  g_assert_cmpuint (count_colour (&canvas, left, row + 1, left + 100, row + 2, GREEN), ==, 0);
  /* 95 % is row round (8 + 8.9) = 17. */
  g_assert_cmpfloat (kassa_pareto_chart_get_share_y (chart, 9500), ==, 17);
  g_assert_cmpuint (count_colour (&canvas, left, 17, left + 100, 18, GREEN), >, 40);
  /* The labels sit above their rows at the right end of the plot. */
  g_assert_cmpuint (count_colour (&canvas, right - 60, 30, right, row, GREEN), >, 0);

  canvas_clear (&canvas);
}

static void
test_aggregation (void)
{
  g_autofree gint64 *values = g_new (gint64, 1000);
  g_autoptr(KassaParetoChart) chart = NULL;
  KassaParetoChartHit hit;
  cairo_rectangle_t area;
  Canvas canvas = { 0 };
  guint per_column, n_columns, first, n;
  double x, y;

  /* 1000, 999, … 1. */
  for (guint i = 0; i < 1000; i++)
    values[i] = 1000 - i;
  chart = chart_new (values, NULL, 1000);
  render (&canvas, chart, 200, "aggregation");
  kassa_pareto_chart_get_plot_area (chart, &area);

  per_column = kassa_pareto_chart_get_bars_per_column (chart);
  n_columns = kassa_pareto_chart_get_n_columns (chart);
  g_assert_cmpuint (per_column, ==, (1000 + (guint) area.width - 1) / (guint) area.width);
  g_assert_cmpuint (per_column, >, 1);
  g_assert_cmpuint (n_columns, ==, (1000 + per_column - 1) / per_column);
  g_assert_cmpuint (n_columns, <=, (guint) area.width);

  /* The first column sums bars 0 … per_column − 1. */
  g_assert_true (kassa_pareto_chart_hit_test (chart, area.x + 0.5, area.y + 10, &hit));
  g_assert_cmpuint (hit.column, ==, 0);
  g_assert_cmpuint (hit.first_bar, ==, 0);
  g_assert_cmpuint (hit.n_bars, ==, per_column);
  g_assert_cmpint (hit.value, ==, (gint64) per_column * 1000 - per_column * (per_column - 1) / 2);
  /* The last column holds what is left. */
  g_assert_true (kassa_pareto_chart_get_column_bars (chart, n_columns - 1, &first, &n));
  g_assert_cmpuint (first + n, ==, 1000);
  g_assert_cmpuint (first, ==, (n_columns - 1) * per_column);

  /* The tallest column fills the axis; the curve still ends at 100 %. */
  g_assert_cmpint (kassa_pareto_chart_get_y (chart, hit.value), >=, 8);
  g_assert_true (kassa_pareto_chart_get_curve_point (chart, n_columns - 1, &x, &y));
  g_assert_cmpfloat (y, ==, 8.5);
  g_assert_cmpuint (pixel_at (&canvas, (int) x, (int) y), ==, CYAN);

  /* Fewer bars than pixels again: one bar per column. */
  kassa_pareto_chart_set_bars (chart, values, NULL, 10);
  canvas_clear (&canvas);
  render (&canvas, chart, 200, "aggregation-10");
  g_assert_cmpuint (kassa_pareto_chart_get_bars_per_column (chart), ==, 1);
  g_assert_cmpuint (kassa_pareto_chart_get_n_columns (chart), ==, 10);

  canvas_clear (&canvas);
}

static void
test_empty (void)
{
  g_autoptr(KassaParetoChart) chart = chart_new (NULL, NULL, 0);
  static const gint shares[] = { 8000 };
  KassaParetoChartHit hit;
  cairo_rectangle_t area, rect;
  Canvas canvas = { 0 };
  int zero;

  kassa_pareto_chart_set_thresholds (chart, shares, NULL, 1);
  render (&canvas, chart, WIDTH, "empty");
  kassa_pareto_chart_get_plot_area (chart, &area);

  g_assert_cmpuint (kassa_pareto_chart_get_n_columns (chart), ==, 0);
  g_assert_false (kassa_pareto_chart_get_column (chart, 0, &rect));
  g_assert_false (kassa_pareto_chart_get_curve_point (chart, 0, NULL, NULL));
  g_assert_false (kassa_pareto_chart_hit_test (chart, area.x + 10, area.y + 10, &hit));

  /* Only the axes: the zero row across the plot, no bar, curve or threshold. */
  zero = (int) kassa_pareto_chart_get_y (chart, 0);
  g_assert_cmpint (zero, ==, 186);
  g_assert_cmpuint (count_colour (&canvas, (int) area.x, zero, (int) (area.x + area.width),
                                  zero + 1, GREEN), ==, (guint) area.width);
  g_assert_cmpuint (count_colour (&canvas, 0, 0, WIDTH, HEIGHT, RED) +
                    count_colour (&canvas, 0, 0, WIDTH, HEIGHT, CYAN), ==, 0);
  g_assert_cmpuint (count_colour (&canvas, (int) area.x, 9, (int) (area.x + area.width), zero,
                                  GREEN), ==, 0);

  canvas_clear (&canvas);
}

/* Negative values: no bar, and the curve counts positive values only. */
static void
test_negative (void)
{
  static const gint64 values[] = { 300, 100, 0, -100 };
  g_autoptr(KassaParetoChart) chart = chart_new (values, NULL, 4);
  KassaChartValueTicks ticks;
  KassaParetoChartHit hit;
  cairo_rectangle_t area, rect;
  Canvas canvas = { 0 };
  double x, y;

  render (&canvas, chart, WIDTH, "negative");
  kassa_pareto_chart_get_plot_area (chart, &area);
  kassa_pareto_chart_get_value_ticks (chart, &ticks);
  g_assert_cmpint (ticks.min, ==, 0);
  g_assert_cmpint (ticks.max, ==, 300);

  g_assert_true (kassa_pareto_chart_get_column (chart, 0, &rect));
  g_assert_cmpfloat (rect.height, ==, 178);
  g_assert_false (kassa_pareto_chart_get_column (chart, 2, &rect));
  g_assert_false (kassa_pareto_chart_get_column (chart, 3, &rect));
  /* Nothing drawn below the zero row. */
  g_assert_cmpuint (count_colour (&canvas, 0, 187, WIDTH, HEIGHT, RED), ==, 0);

  /* 300 of 400 is 75 %: row round (8 + 44.5) = 53 (half away from zero). */
  g_assert_true (kassa_pareto_chart_get_curve_point (chart, 0, &x, &y));
  g_assert_cmpfloat (y, ==, 53.5);
  for (guint c = 1; c < 4; c++)
    {
      g_assert_true (kassa_pareto_chart_get_curve_point (chart, c, &x, &y));
      g_assert_cmpfloat (y, ==, 8.5);
    }

  g_assert_true (kassa_pareto_chart_hit_test (chart, area.x + area.width - 1, area.y + 5, &hit));
  g_assert_cmpuint (hit.column, ==, 3);
  g_assert_cmpint (hit.value, ==, -100);
  g_assert_cmpint (hit.cumulative_bp, ==, 10000);
  g_assert_false (kassa_pareto_chart_hit_test (chart, area.x - 1, area.y + 5, &hit));
  g_assert_false (kassa_pareto_chart_hit_test (chart, area.x + area.width, area.y + 5, &hit));

  canvas_clear (&canvas);
}

static void
test_hit (void)
{
  g_autoptr(KassaParetoChart) chart = chart_new (four_values, four_classes, 4);
  static const gint64 values[] = { 500, 300, 100, 100 };
  static const gint64 shares[] = { 5000, 8000, 9000, 10000 };
  KassaParetoChartHit hit;
  cairo_rectangle_t area;
  Canvas canvas = { 0 };

  render (&canvas, chart, WIDTH, "hit");
  kassa_pareto_chart_get_plot_area (chart, &area);

  for (guint c = 0; c < 4; c++)
    {
      double x = area.x + area.width * (c + 0.5) / 4;

      g_assert_true (kassa_pareto_chart_hit_test (chart, x, area.y + area.height - 1, &hit));
      g_assert_cmpuint (hit.column, ==, c);
      g_assert_cmpuint (hit.first_bar, ==, c);
      g_assert_cmpuint (hit.n_bars, ==, 1);
      g_assert_cmpint (hit.value, ==, values[c]);
      g_assert_cmpint (hit.cumulative_bp, ==, shares[c]);
    }
  g_assert_false (kassa_pareto_chart_hit_test (chart, area.x + 5, area.y - 2, &hit));

  /* The highlight outlines the column in the axis colour. */
  kassa_pareto_chart_set_highlight (chart, 2);
  canvas_clear (&canvas);
  render (&canvas, chart, WIDTH, "highlight");
  {
    cairo_rectangle_t rect;

    g_assert_true (kassa_pareto_chart_get_column (chart, 2, &rect));
    g_assert_cmpuint (pixel_at (&canvas, (int) rect.x - 2, (int) rect.y + 10), ==, GREEN);
  }

  canvas_clear (&canvas);
}

static void
test_summarize (void)
{
  static const gint64 four[] = { 500, 300, 100, 100 };
  static const gint64 ten[] = { 80, 5, 5, 5, 5, 0, 0, 0, 0, 0 };
  static const gint64 negative[] = { 300, 100, 0, -100 };
  static const gint64 three[] = { 1, 1, 1 };
  static const gint64 nothing[] = { 0, -5 };
  static const struct
  {
    const gint64 *values;
    guint         n;
    gint          threshold;
    gboolean      ok;
    guint         n_bars;
    gint          bars_share;
    gint          value_share;
  } cases[] = {
    /* 800 of 1000 reached exactly by the second bar: 2 of 4. */
    { four, 4, 8000, TRUE, 2, 5000, 8000 },
    /* One basis point more needs the third: 900 of 1000. */
    { four, 4, 8001, TRUE, 3, 7500, 9000 },
    /* 10 % of customers bring 80 %. */
    { ten, 10, 8000, TRUE, 1, 1000, 8000 },
    /* Positive total 400; 320 needs 300 + 100. */
    { negative, 4, 8000, TRUE, 2, 5000, 10000 },
    /* 1 of 3 is 33.33 %: ⌈0.9⌉ = 1 bar. */
    { three, 3, 3000, TRUE, 1, 3333, 3333 },
    { three, 3, 8000, TRUE, 3, 10000, 10000 },
    { nothing, 2, 8000, FALSE, 0, 0, 0 },
    { four, 0, 8000, FALSE, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint n_bars = 0;
      gint bars_share = 0, value_share = 0;
      gboolean ok = kassa_pareto_summarize (cases[i].values, cases[i].n, cases[i].threshold,
                                            &n_bars, &bars_share, &value_share);

      g_test_message ("case %u", i);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        continue;
      g_assert_cmpuint (n_bars, ==, cases[i].n_bars);
      g_assert_cmpint (bars_share, ==, cases[i].bars_share);
      g_assert_cmpint (value_share, ==, cases[i].value_share);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pareto-chart/geometry", test_geometry);
  g_test_add_func ("/pareto-chart/curve", test_curve);
  g_test_add_func ("/pareto-chart/thresholds", test_thresholds);
  g_test_add_func ("/pareto-chart/aggregation", test_aggregation);
  g_test_add_func ("/pareto-chart/empty", test_empty);
  g_test_add_func ("/pareto-chart/negative", test_negative);
  g_test_add_func ("/pareto-chart/hit", test_hit);
  g_test_add_func ("/pareto-chart/summarize", test_summarize);

  return g_test_run ();
}
