/* test-column-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders column charts into image surfaces and checks the geometry and
 * the pixels.  Charts are 190 px high without a legend: whatever the
 * label font's height (12 … 20 px), the plot keeps 155 … 163 rows, room
 * for 5 tick intervals of 28 px, so each case's value axis is known by
 * hand.  Set KASSA_TEST_PNG_DIR to keep the rendered charts as PNG files.
 */
#define G_LOG_DOMAIN "test-column-chart"

#include "config.h"

#include <math.h>

#include <cairo.h>
#include <glib.h>

#include "kassa-column-chart.h"

#define WIDTH 400
#define HEIGHT 190

/* Opaque primary colours, so a pixel says which part drew it. */
#define RED     0xffff0000u
#define BLUE    0xff0000ffu
#define GREEN   0xff00ff00u   /* axis, grid, labels */
#define MAGENTA 0xffff00ffu

static const KassaChartColour red = { 1.0, 0.0, 0.0, 1.0 };
static const KassaChartColour blue = { 0.0, 0.0, 1.0, 1.0 };
static const KassaChartColour green = { 0.0, 1.0, 0.0, 1.0 };
static const KassaChartColour magenta = { 1.0, 0.0, 1.0, 1.0 };

static const char * const weeks[] = { "W48", "W49", "W50" };

typedef struct
{
  int              width;
  int              height;
  cairo_surface_t *surface;
} Canvas;

static KassaColumnChart *
chart_new (KassaColumnChartMode mode)
{
  KassaColumnChart *chart = kassa_column_chart_new (mode);

  kassa_column_chart_set_axis_colour (chart, &green);
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

  file = g_strdup_printf ("column-chart-%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (canvas->surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);
}

static void
render (Canvas           *canvas,
        KassaColumnChart *chart,
        int               width,
        int               height)
{
  cairo_t *cr;

  canvas->width = width;
  canvas->height = height;
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (canvas->surface);
  kassa_column_chart_draw (chart, cr, width, height);
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

/* Pixels of colour's hue with some ink (antialiased text included). */
static guint
count_hue (Canvas  *canvas,
           int      x0,
           int      y0,
           int      x1,
           int      y1,
           guint32  colour)
{
  guint n = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, canvas->height); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, canvas->width); x++)
      {
        guint32 pixel = pixel_at (canvas, x, y);
        int alpha = pixel >> 24;
        gboolean same = alpha > 0x40;

        for (int shift = 0; shift < 24 && same; shift += 8)
          {
            int channel = (((pixel >> shift) & 0xff) * 255) / MAX (alpha, 1);

            same = ABS (channel - (int) ((colour >> shift) & 0xff)) <= 0x40;
          }
        if (same)
          n++;
      }

  return n;
}

/* Every pixel of the rectangle is colour, and the rows just outside it
 * (above and below) are not. */
static void
assert_filled (Canvas                  *canvas,
               const cairo_rectangle_t *rect,
               guint32                  colour)
{
  int x0 = (int) rect->x, y0 = (int) rect->y;
  int x1 = (int) (rect->x + rect->width), y1 = (int) (rect->y + rect->height);

  g_assert_cmpfloat (rect->height, >=, 1.0);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (pixel_at (canvas, x, y) != colour)
        g_error ("pixel %d,%d is %08x, expected %08x", x, y, pixel_at (canvas, x, y), colour);

  g_assert_cmpuint (pixel_at (canvas, x0 + 1, y0 - 1), !=, colour);
  g_assert_cmpuint (pixel_at (canvas, x0 + 1, y1), !=, colour);
}

/* Grouped: inflows vs outflows side by side. */

static KassaColumnChart *
grouped_chart (void)
{
  KassaColumnChart *chart = chart_new (KASSA_COLUMN_CHART_GROUPED);
  /* −300 … 1200: 100 needs 15 intervals, 200 needs 8 (−400 … 1200),
   * 500 needs 4 (−500 … 1500). */
  static const gint64 inflows[] = { 1200, -300, 700 };
  static const gint64 outflows[] = { 800, 500, 0 };

  kassa_column_chart_set_categories (chart, weeks, 3);
  kassa_column_chart_add_series (chart, NULL, inflows, &red);
  kassa_column_chart_add_series (chart, NULL, outflows, &blue);
  return chart;
}

static void
test_grouped (void)
{
  g_autoptr(KassaColumnChart) chart = grouped_chart ();
  KassaChartValueTicks ticks;
  cairo_rectangle_t area, a, b;
  Canvas canvas = { 0 };
  double zero, slot;

  render (&canvas, chart, WIDTH, HEIGHT);
  save_png (&canvas, "grouped");

  kassa_column_chart_get_value_ticks (chart, &ticks);
  g_assert_cmpint (ticks.min, ==, -500);
  g_assert_cmpint (ticks.max, ==, 1500);
  g_assert_cmpint (ticks.step, ==, 500);

  /* 2000 over the plot's rows: 1500 on the top row, −500 on the bottom,
   * zero a quarter up. */
  kassa_column_chart_get_plot_area (chart, &area);
  g_assert_cmpfloat (area.y, ==, 8.0);
  g_assert_cmpfloat (kassa_column_chart_get_y (chart, 1500), ==, 8.0);
  g_assert_cmpfloat (kassa_column_chart_get_y (chart, -500), ==, 8.0 + area.height);
  zero = kassa_column_chart_get_y (chart, 0);
  g_assert_cmpfloat (zero, ==, round (8.0 + area.height * 0.75));

  /* W48: inflow 1200 from its row down to above the zero line, and the
   * outflow right beside it, as wide. */
  slot = area.width / 3;
  g_assert_true (kassa_column_chart_get_column (chart, 0, 0, &a));
  g_assert_true (kassa_column_chart_get_column (chart, 0, 1, &b));
  g_assert_cmpfloat (a.y, ==, kassa_column_chart_get_y (chart, 1200));
  g_assert_cmpfloat (a.y + a.height, ==, zero);
  g_assert_cmpfloat (b.y, ==, kassa_column_chart_get_y (chart, 800));
  g_assert_cmpfloat (b.x, ==, a.x + a.width);
  g_assert_cmpfloat (b.width, ==, a.width);
  g_assert_cmpfloat (a.width, ==, MIN (floor (slot * 0.75 / 2), 40.0));
  /* The pair is centred in its slot. */
  g_assert_cmpfloat (fabs ((a.x + b.x + b.width) / 2 - (area.x + slot / 2)), <=, 1.0);
  assert_filled (&canvas, &a, RED);
  assert_filled (&canvas, &b, BLUE);

  /* W49: the negative inflow hangs below the zero line down to the row
   * of −300, included. */
  g_assert_true (kassa_column_chart_get_column (chart, 1, 0, &a));
  g_assert_cmpfloat (a.y, ==, zero + 1);
  g_assert_cmpfloat (a.y + a.height, ==, kassa_column_chart_get_y (chart, -300) + 1);
  g_assert_cmpfloat (a.x, >=, area.x + slot);
  assert_filled (&canvas, &a, RED);
  g_assert_cmpuint (count_colour (&canvas, (int) a.x, 0, (int) (a.x + a.width), (int) zero, RED), ==, 0);

  /* W50: a zero outflow draws nothing. */
  g_assert_false (kassa_column_chart_get_column (chart, 2, 1, &b));
  g_assert_false (kassa_column_chart_get_column (chart, 3, 0, &b));

  /* The zero line is a solid axis row across the plot. */
  g_assert_cmpuint (count_colour (&canvas, (int) area.x, (int) zero, (int) (area.x + area.width),
                                  (int) zero + 1, GREEN), ==, (guint) area.width);

  canvas_clear (&canvas);
}

/* Stacked: aging buckets in order. */

static void
test_stacked (void)
{
  g_autoptr(KassaColumnChart) chart = chart_new (KASSA_COLUMN_CHART_STACKED);
  static const char * const months[] = { "Oct", "Nov" };
  /* Totals 1000 and 1400: step 100 needs 14 intervals, 200 needs 7,
   * 500 needs 3 (0 … 1500). */
  static const gint64 current[] = { 600, 200 };
  static const gint64 late[] = { 300, 800 };
  static const gint64 very_late[] = { 100, 400 };
  KassaChartValueTicks ticks;
  cairo_rectangle_t s0, s1, s2;
  Canvas canvas = { 0 };
  double zero;

  kassa_column_chart_set_categories (chart, months, 2);
  kassa_column_chart_add_series (chart, NULL, current, &red);
  kassa_column_chart_add_series (chart, NULL, late, &blue);
  kassa_column_chart_add_series (chart, NULL, very_late, &magenta);
  render (&canvas, chart, WIDTH, HEIGHT);
  save_png (&canvas, "stacked");

  kassa_column_chart_get_value_ticks (chart, &ticks);
  g_assert_cmpint (ticks.min, ==, 0);
  g_assert_cmpint (ticks.max, ==, 1500);
  g_assert_cmpint (ticks.step, ==, 500);
  zero = kassa_column_chart_get_y (chart, 0);

  for (guint c = 0; c < 2; c++)
    {
      /* Series 0 sits on the zero line, 1 on 0, 2 on 1; one column. */
      g_assert_true (kassa_column_chart_get_column (chart, c, 0, &s0));
      g_assert_true (kassa_column_chart_get_column (chart, c, 1, &s1));
      g_assert_true (kassa_column_chart_get_column (chart, c, 2, &s2));
      g_assert_cmpfloat (s0.y + s0.height, ==, zero);
      g_assert_cmpfloat (s1.y + s1.height, ==, s0.y);
      g_assert_cmpfloat (s2.y + s2.height, ==, s1.y);
      g_assert_cmpfloat (s0.y, ==, kassa_column_chart_get_y (chart, current[c]));
      g_assert_cmpfloat (s1.y, ==, kassa_column_chart_get_y (chart, current[c] + late[c]));
      g_assert_cmpfloat (s2.y, ==, kassa_column_chart_get_y (chart, current[c] + late[c] + very_late[c]));
      g_assert_cmpfloat (s0.x, ==, s1.x);
      g_assert_cmpfloat (s1.x, ==, s2.x);
      assert_filled (&canvas, &s0, RED);
      assert_filled (&canvas, &s1, BLUE);
      assert_filled (&canvas, &s2, MAGENTA);
    }

  canvas_clear (&canvas);
}

static void
test_stacked_negative (void)
{
  g_autoptr(KassaColumnChart) chart = chart_new (KASSA_COLUMN_CHART_STACKED);
  static const char * const one[] = { "Net" };
  static const gint64 a[] = { 400 };
  static const gint64 b[] = { -300 };
  static const gint64 c[] = { -200 };
  cairo_rectangle_t ra, rb, rc;
  Canvas canvas = { 0 };
  double zero;

  kassa_column_chart_set_categories (chart, one, 1);
  kassa_column_chart_add_series (chart, NULL, a, &red);
  kassa_column_chart_add_series (chart, NULL, b, &blue);
  kassa_column_chart_add_series (chart, NULL, c, &magenta);
  render (&canvas, chart, WIDTH, HEIGHT);

  /* Positive up from zero; negatives down from zero, series 1 nearest. */
  zero = kassa_column_chart_get_y (chart, 0);
  g_assert_true (kassa_column_chart_get_column (chart, 0, 0, &ra));
  g_assert_true (kassa_column_chart_get_column (chart, 0, 1, &rb));
  g_assert_true (kassa_column_chart_get_column (chart, 0, 2, &rc));
  g_assert_cmpfloat (ra.y + ra.height, ==, zero);
  g_assert_cmpfloat (rb.y, ==, zero + 1);
  g_assert_cmpfloat (rb.y + rb.height, ==, kassa_column_chart_get_y (chart, -300) + 1);
  g_assert_cmpfloat (rc.y, ==, rb.y + rb.height);
  g_assert_cmpfloat (rc.y + rc.height, ==, kassa_column_chart_get_y (chart, -500) + 1);
  assert_filled (&canvas, &ra, RED);
  assert_filled (&canvas, &rb, BLUE);
  assert_filled (&canvas, &rc, MAGENTA);

  canvas_clear (&canvas);
}

/* Labels, legend. */

typedef struct
{
  GArray *values;
  gint64  step;
} Calls;

static char *
record_value (gint64   value,
              gint64   step,
              gpointer user_data)
{
  Calls *calls = user_data;

  g_array_append_val (calls->values, value);
  calls->step = step;
  return g_strdup_printf ("%" G_GINT64_FORMAT " €", value / 100);
}

static void
test_labels (void)
{
  g_autoptr(KassaColumnChart) chart = grouped_chart ();
  Calls calls = { g_array_new (FALSE, FALSE, sizeof (gint64)), 0 };
  cairo_rectangle_t area;
  Canvas canvas = { 0 };
  double slot, bottom;

  kassa_column_chart_set_value_format_func (chart, record_value, &calls, NULL);
  render (&canvas, chart, WIDTH, HEIGHT);
  save_png (&canvas, "labels");

  /* Each tick −500 … 1500 went through the formatter with the step. */
  g_assert_cmpint (calls.step, ==, 500);
  for (gint64 tick = -500; tick <= 1500; tick += 500)
    {
      gboolean called = FALSE;

      for (guint i = 0; i < calls.values->len; i++)
        called |= g_array_index (calls.values, gint64, i) == tick;
      g_assert_true (called);
    }

  /* Value labels left of the plot; a category label under each slot. */
  kassa_column_chart_get_plot_area (chart, &area);
  slot = area.width / 3;
  bottom = area.y + area.height;
  g_assert_cmpuint (count_hue (&canvas, 0, 0, (int) area.x - 3, HEIGHT, GREEN), >, 40);
  for (int c = 0; c < 3; c++)
    g_assert_cmpuint (count_hue (&canvas, (int) (area.x + slot * c), (int) bottom + 2,
                                 (int) (area.x + slot * (c + 1)), HEIGHT, GREEN), >, 15);

  canvas_clear (&canvas);
  g_array_unref (calls.values);
}

static void
test_thinned_labels (void)
{
  g_autoptr(KassaColumnChart) chart = chart_new (KASSA_COLUMN_CHART_GROUPED);
  const char *labels[52];
  gint64 values[52];
  g_auto(GStrv) owned = g_new0 (char *, 53);
  cairo_rectangle_t area;
  Canvas canvas = { 0 };
  double bottom;

  for (int i = 0; i < 52; i++)
    {
      owned[i] = g_strdup_printf ("Week %d", i + 1);
      labels[i] = owned[i];
      values[i] = 100 * (i % 5 + 1);
    }
  kassa_column_chart_set_categories (chart, labels, 52);
  kassa_column_chart_add_series (chart, NULL, values, &red);
  render (&canvas, chart, WIDTH, HEIGHT);
  save_png (&canvas, "thinned");

  /* 52 labels of ~45 px do not fit 7 px slots: drawn all, they would
   * overlap into one smear; thinned, gaps of 8 px or more stay between
   * them. */
  kassa_column_chart_get_plot_area (chart, &area);
  bottom = area.y + area.height;
  g_assert_cmpuint (count_hue (&canvas, (int) area.x, (int) bottom + 2, (int) (area.x + area.width),
                               HEIGHT, GREEN), >, 40);
  {
    int run = 0, longest = 0;

    for (int x = (int) area.x + 30; x < (int) (area.x + area.width) - 30; x++)
      {
        gboolean ink = count_hue (&canvas, x, (int) bottom + 2, x + 1, HEIGHT, GREEN) > 0;

        run = ink ? 0 : run + 1;
        longest = MAX (longest, run);
      }
    g_assert_cmpint (longest, >=, 6);
  }
  canvas_clear (&canvas);
}

static void
test_legend (void)
{
  g_autoptr(KassaColumnChart) chart = chart_new (KASSA_COLUMN_CHART_GROUPED);
  static const gint64 this_year[] = { 1000, 1200, 900 };
  static const gint64 last_year[] = { 800, 1100, 1000 };
  static const char * const months[] = { "Jan", "Feb", "Mar" };
  cairo_rectangle_t area;
  Canvas canvas = { 0 };

  kassa_column_chart_set_categories (chart, months, 3);
  kassa_column_chart_add_series (chart, "2026", this_year, &red);
  kassa_column_chart_add_series (chart, "2025", last_year, &blue);
  render (&canvas, chart, WIDTH, HEIGHT);
  save_png (&canvas, "legend");

  /* The plot moves down; above it, a 10 × 10 swatch per series and the
   * names in the axis colour. */
  kassa_column_chart_get_plot_area (chart, &area);
  g_assert_cmpfloat (area.y, >, 18.0);
  g_assert_cmpuint (count_colour (&canvas, 0, 0, WIDTH, (int) area.y - 1, RED), ==, 100);
  g_assert_cmpuint (count_colour (&canvas, 0, 0, WIDTH, (int) area.y - 1, BLUE), ==, 100);
  g_assert_cmpuint (count_hue (&canvas, 0, 0, WIDTH, (int) area.y - 1, GREEN), >, 30);

  canvas_clear (&canvas);
}

/* Degenerate data. */

static void
test_empty (void)
{
  g_autoptr(KassaColumnChart) chart = chart_new (KASSA_COLUMN_CHART_STACKED);
  KassaColumnChartHit hit;
  cairo_rectangle_t area;
  Canvas canvas = { 0 };
  guint category;

  render (&canvas, chart, WIDTH, HEIGHT);
  save_png (&canvas, "empty");

  /* Zero on the bottom row, drawn; nothing but the axis colour. */
  kassa_column_chart_get_plot_area (chart, &area);
  g_assert_cmpfloat (kassa_column_chart_get_y (chart, 0), ==, area.y + area.height);
  g_assert_cmpuint (count_colour (&canvas, 0, 0, WIDTH, HEIGHT, GREEN), >=, (guint) area.width);
  g_assert_cmpuint (count_colour (&canvas, 0, 0, WIDTH, HEIGHT, RED), ==, 0);
  g_assert_false (kassa_column_chart_hit_test (chart, area.x + 10, area.y + 10, &hit));
  g_assert_false (kassa_column_chart_get_highest (chart, &category, NULL, NULL));

  /* Categories without series: no columns, no hit either. */
  kassa_column_chart_set_categories (chart, weeks, 3);
  canvas_clear (&canvas);
  render (&canvas, chart, WIDTH, HEIGHT);
  g_assert_false (kassa_column_chart_hit_test (chart, area.x + 10, area.y + 10, &hit));

  canvas_clear (&canvas);
}

static void
test_single (void)
{
  g_autoptr(KassaColumnChart) chart = chart_new (KASSA_COLUMN_CHART_GROUPED);
  static const char * const one[] = { "Nov" };
  static const gint64 value[] = { 700 };
  cairo_rectangle_t area, column;
  Canvas canvas = { 0 };

  kassa_column_chart_set_categories (chart, one, 1);
  kassa_column_chart_add_series (chart, NULL, value, &red);
  render (&canvas, chart, WIDTH, HEIGHT);
  save_png (&canvas, "single");

  /* 0 … 700 at step 200 is 0 … 800 in 4 intervals.  One column, as wide
   * as the maximum (40 px), centred. */
  kassa_column_chart_get_plot_area (chart, &area);
  g_assert_true (kassa_column_chart_get_column (chart, 0, 0, &column));
  g_assert_cmpfloat (column.width, ==, 40.0);
  g_assert_cmpfloat (fabs (column.x + 20 - (area.x + area.width / 2)), <=, 1.0);
  g_assert_cmpfloat (column.y, ==, kassa_column_chart_get_y (chart, 700));
  g_assert_cmpfloat (kassa_column_chart_get_y (chart, 800), ==, area.y);
  assert_filled (&canvas, &column, RED);

  canvas_clear (&canvas);
}

/* Hover and description. */

static void
test_hit (void)
{
  g_autoptr(KassaColumnChart) chart = grouped_chart ();
  KassaColumnChartHit hit;
  cairo_rectangle_t a, b, area;
  Canvas canvas = { 0 };

  render (&canvas, chart, WIDTH, HEIGHT);
  kassa_column_chart_get_plot_area (chart, &area);
  kassa_column_chart_get_column (chart, 0, 0, &a);
  kassa_column_chart_get_column (chart, 0, 1, &b);

  g_assert_true (kassa_column_chart_hit_test (chart, a.x + 1, a.y + 5, &hit));
  g_assert_cmpuint (hit.category, ==, 0);
  g_assert_cmpuint (hit.series, ==, 0);
  g_assert_cmpint (hit.value, ==, 1200);
  g_assert_cmpint (hit.total, ==, 2000);
  g_assert_true (kassa_column_chart_hit_test (chart, b.x + b.width - 1, 0, &hit));
  g_assert_cmpuint (hit.series, ==, 1);
  g_assert_cmpint (hit.value, ==, 800);
  /* In the slot's margin, the nearer column. */
  g_assert_true (kassa_column_chart_hit_test (chart, area.x + 1, 0, &hit));
  g_assert_cmpuint (hit.series, ==, 0);
  g_assert_false (kassa_column_chart_hit_test (chart, area.x - 2, 50, &hit));
  g_assert_false (kassa_column_chart_hit_test (chart, area.x + area.width + 1, 50, &hit));

  /* Stacked: the segment under the pointer, else the nearest one. */
  kassa_column_chart_set_mode (chart, KASSA_COLUMN_CHART_STACKED);
  canvas_clear (&canvas);
  render (&canvas, chart, WIDTH, HEIGHT);
  kassa_column_chart_get_column (chart, 0, 0, &a);
  kassa_column_chart_get_column (chart, 0, 1, &b);
  g_assert_true (kassa_column_chart_hit_test (chart, a.x + 2, b.y + 2, &hit));
  g_assert_cmpuint (hit.series, ==, 1);
  g_assert_true (kassa_column_chart_hit_test (chart, a.x + 2, a.y + a.height - 2, &hit));
  g_assert_cmpuint (hit.series, ==, 0);
  g_assert_true (kassa_column_chart_hit_test (chart, a.x + 2, area.y, &hit));
  g_assert_cmpuint (hit.series, ==, 1);

  /* The highlight outlines the column in the axis colour. */
  kassa_column_chart_set_mode (chart, KASSA_COLUMN_CHART_GROUPED);
  kassa_column_chart_set_highlight (chart, 0, 1);
  canvas_clear (&canvas);
  render (&canvas, chart, WIDTH, HEIGHT);
  kassa_column_chart_get_column (chart, 0, 1, &b);
  g_assert_cmpuint (pixel_at (&canvas, (int) (b.x + b.width / 2), (int) b.y - 2), ==, GREEN);

  canvas_clear (&canvas);
}

static void
test_highest (void)
{
  g_autoptr(KassaColumnChart) chart = grouped_chart ();
  guint category;
  int series;
  gint64 value;

  g_assert_true (kassa_column_chart_get_highest (chart, &category, &series, &value));
  g_assert_cmpuint (category, ==, 0);
  g_assert_cmpint (series, ==, 0);
  g_assert_cmpint (value, ==, 1200);

  /* Stacked: totals 2000, 200, 700. */
  kassa_column_chart_set_mode (chart, KASSA_COLUMN_CHART_STACKED);
  g_assert_true (kassa_column_chart_get_highest (chart, &category, &series, &value));
  g_assert_cmpuint (category, ==, 0);
  g_assert_cmpint (series, ==, -1);
  g_assert_cmpint (value, ==, 2000);
}

static void
test_describe (void)
{
  g_autofree char *grouped = kassa_column_chart_describe ("Cash by week", "W48", "W8", "Inflows",
                                                          "12 000 €", "W3");
  g_autofree char *stacked = kassa_column_chart_describe ("Receivables by age", "Not due",
                                                          "Over 90 days", NULL, "12 000 €",
                                                          "Not due");
  g_autofree char *empty = kassa_column_chart_describe ("Cash by week", NULL, NULL, NULL, NULL, NULL);
  g_autofree char *plain = kassa_column_chart_describe ("Cash by week", "W48", "W8", NULL, NULL, NULL);

  g_assert_cmpstr (grouped, ==, "Cash by week from W48 to W8: highest Inflows, 12 000 € in W3");
  g_assert_cmpstr (stacked, ==,
                   "Receivables by age from Not due to Over 90 days: highest 12 000 € in Not due");
  g_assert_cmpstr (empty, ==, "Cash by week: no data");
  g_assert_cmpstr (plain, ==, "Cash by week from W48 to W8");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/column-chart/grouped", test_grouped);
  g_test_add_func ("/column-chart/stacked", test_stacked);
  g_test_add_func ("/column-chart/stacked-negative", test_stacked_negative);
  g_test_add_func ("/column-chart/labels", test_labels);
  g_test_add_func ("/column-chart/thinned-labels", test_thinned_labels);
  g_test_add_func ("/column-chart/legend", test_legend);
  g_test_add_func ("/column-chart/empty", test_empty);
  g_test_add_func ("/column-chart/single", test_single);
  g_test_add_func ("/column-chart/hit", test_hit);
  g_test_add_func ("/column-chart/highest", test_highest);
  g_test_add_func ("/column-chart/describe", test_describe);

  return g_test_run ();
}
