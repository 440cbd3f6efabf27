/* test-line-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders line charts into image surfaces and checks the tick arithmetic
 * (kassa-chart-axis) and the pixels.  Charts are 190 px high without a
 * legend: whatever the label font's height (12 … 20 px), the plot keeps
 * 154 … 162 rows, room for 5 tick intervals of 28 px, so the value axis
 * of a case is known by hand.  Pixel positions come from the chart's own
 * mapping (get_x / get_y), which the tests pin to the plot area first.
 * Set KASSA_TEST_PNG_DIR to keep the rendered charts as PNG files.
 */
#define G_LOG_DOMAIN "test-line-chart"

#include "config.h"

#include <math.h>

#include <cairo.h>
#include <glib.h>

#include "kassa-date.h"
#include "kassa-line-chart.h"

#define WIDTH 420
#define HEIGHT 190
#define X_INSET 4         /* first and last day keep this far from the plot edges */

/* Opaque primary colours, so a pixel says which part drew it. */
#define RED     0xffff0000u   /* series 0 */
#define BLUE    0xff0000ffu   /* reference line */
#define GREEN   0xff00ff00u   /* axis, grid, labels */
#define MAGENTA 0xffff00ffu   /* today marker */
#define YELLOW  0xffffff00u   /* band */

static const KassaChartColour red = { 1.0, 0.0, 0.0, 1.0 };
static const KassaChartColour blue = { 0.0, 0.0, 1.0, 1.0 };
static const KassaChartColour green = { 0.0, 1.0, 0.0, 1.0 };
static const KassaChartColour magenta = { 1.0, 0.0, 1.0, 1.0 };
static const KassaChartColour yellow = { 1.0, 1.0, 0.0, 1.0 };
static const KassaChartColour cyan = { 0.0, 1.0, 1.0, 1.0 };

typedef struct
{
  int              width;
  int              height;
  cairo_surface_t *surface;
} Canvas;

static KassaDay
ymd (int year,
     int month,
     int day)
{
  return kassa_day_from_ymd (year, month, day);
}

static KassaLineChart *
chart_new (void)
{
  KassaLineChart *chart = kassa_line_chart_new ();

  kassa_line_chart_set_axis_colour (chart, &green);
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

  file = g_strdup_printf ("line-chart-%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (canvas->surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);
}

static void
render (Canvas         *canvas,
        KassaLineChart *chart,
        int             width,
        int             height)
{
  cairo_t *cr;

  canvas->width = width;
  canvas->height = height;
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (canvas->surface);
  kassa_line_chart_draw (chart, cr, width, height);
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

/* Whether a pixel is (nearly) the opaque colour: antialiased strokes
 * leave the centre of a 2 px line fully covered. */
static gboolean
pixel_is (Canvas  *canvas,
          int      x,
          int      y,
          guint32  colour)
{
  guint32 pixel = pixel_at (canvas, x, y);

  for (int shift = 0; shift < 32; shift += 8)
    {
      int a = (pixel >> shift) & 0xff;
      int b = (colour >> shift) & 0xff;

      if (ABS (a - b) > 0x30)
        return FALSE;
    }

  return TRUE;
}

/* The colour within ±1 px of x, y (pixel centre coordinates). */
static gboolean
colour_near (Canvas  *canvas,
             double   x,
             double   y,
             guint32  colour)
{
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      if (pixel_is (canvas, (int) floor (x) + dx, (int) floor (y) + dy, colour))
        return TRUE;

  return FALSE;
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
      if (pixel_is (canvas, x, y, colour))
        n++;

  return n;
}

/* Pixels of colour's hue with some ink: text is antialiased, so its
 * pixels are partly transparent but, unpremultiplied, the text colour. */
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

/* Value ticks: 1-2-5 steps, worked out by hand. */

typedef struct
{
  const char *name;
  gint64      low;
  gint64      high;
  gint64      min_step;
  guint       max_intervals;
  gint64      min;
  gint64      max;
  gint64      step;
} ValueTickCase;

static const ValueTickCase value_tick_cases[] = {
  /* Steps 1 … 100 need 1000 … 10 intervals; 200 needs 5. */
  { "plain", 0, 1000, 1, 5, 0, 1000, 200 },
  { "swapped", 1000, 0, 1, 5, 0, 1000, 200 },
  /* 100: −300 … 1300 = 16; 200: −400 … 1400 = 9; 500: −500 … 1500 = 4. */
  { "both signs", -250, 1234, 100, 4, -500, 1500, 500 },
  /* min_step 150 is rounded up to 200: 0 … 400 in 2 intervals. */
  { "min step", 0, 300, 150, 10, 0, 400, 200 },
  /* −7 … −3 at step 1 is 4 intervals. */
  { "all negative", -7, -3, 1, 4, -7, -3, 1 },
  /* 1 500,00 € alone: ± 150,00 € → 1 350 … 1 650 €; step 50 € needs 6
   * intervals, 100 € needs 4 (1 300 … 1 700 €). */
  { "one value", 150000, 150000, 100, 4, 130000, 170000, 10000 },
  /* Zero alone: ± one minimum step. */
  { "zero", 0, 0, 100, 4, -100, 100, 100 },
  /* One interval allowed: the step covers the whole range. */
  { "one interval", 120, 180, 1, 1, 100, 200, 100 },
};

static void
test_value_ticks (gconstpointer data)
{
  const ValueTickCase *c = data;
  KassaChartValueTicks ticks;

  kassa_chart_value_ticks (c->low, c->high, c->min_step, c->max_intervals, &ticks);
  g_assert_cmpint (ticks.min, ==, c->min);
  g_assert_cmpint (ticks.max, ==, c->max);
  g_assert_cmpint (ticks.step, ==, c->step);
}

/* Date ticks. */

typedef struct
{
  const char         *name;
  int                 first[3];
  int                 last[3];
  guint               max_ticks;
  KassaChartDateUnit  unit;
  guint               count;
  guint               n;
  int                 first_tick[3];
  int                 last_tick[3];
} DateTickCase;

static const DateTickCase date_tick_cases[] = {
  /* A week, one tick a day. */
  { "week by day", { 2026, 11, 24 }, { 2026, 11, 30 }, 10,
    KASSA_CHART_DATE_UNIT_DAY, 1, 7, { 2026, 11, 24 }, { 2026, 11, 30 } },
  /* 13 weeks from Tuesday 24.11.2026: the Mondays 30.11.2026 … 22.2.2027. */
  { "13 weeks", { 2026, 11, 24 }, { 2027, 2, 22 }, 14,
    KASSA_CHART_DATE_UNIT_WEEK, 1, 13, { 2026, 11, 30 }, { 2027, 2, 22 } },
  /* Twelve months: the 1sts of December 2026 … November 2027. */
  { "12 months", { 2026, 11, 24 }, { 2027, 11, 30 }, 12,
    KASSA_CHART_DATE_UNIT_MONTH, 1, 12, { 2026, 12, 1 }, { 2027, 11, 1 } },
  /* Room for 6: odd months only, January … November 2027. */
  { "12 months, 6 ticks", { 2026, 11, 24 }, { 2027, 11, 30 }, 6,
    KASSA_CHART_DATE_UNIT_MONTH, 2, 6, { 2027, 1, 1 }, { 2027, 11, 1 } },
  /* Half-years would be 13 ticks; years 2021 … 2026 are 6. */
  { "years", { 2020, 3, 15 }, { 2026, 11, 24 }, 8,
    KASSA_CHART_DATE_UNIT_YEAR, 1, 6, { 2021, 1, 1 }, { 2026, 1, 1 } },
  /* 26.2. … 3.3.2028 (leap day inside) is 7 days: every day is too many,
   * every other day (even day numbers) gives 3 or 4: 3, see below. */
  { "leap february", { 2028, 2, 26 }, { 2028, 3, 3 }, 3,
    KASSA_CHART_DATE_UNIT_DAY, 2, 0, { 0 }, { 0 } },
  { "one day", { 2026, 11, 24 }, { 2026, 11, 24 }, 5,
    KASSA_CHART_DATE_UNIT_DAY, 1, 1, { 2026, 11, 24 }, { 2026, 11, 24 } },
};

static void
assert_ticks_aligned (const KassaChartDateTicks *ticks)
{
  for (guint i = 0; i < ticks->days->len; i++)
    {
      KassaDay day = g_array_index (ticks->days, KassaDay, i);
      g_autoptr(GDate) date = g_date_new_julian ((guint32) day);

      /* GDate is the independent calendar here. */
      if (ticks->unit == KASSA_CHART_DATE_UNIT_WEEK)
        g_assert_cmpint (g_date_get_weekday (date), ==, G_DATE_MONDAY);
      if (ticks->unit == KASSA_CHART_DATE_UNIT_MONTH || ticks->unit == KASSA_CHART_DATE_UNIT_YEAR)
        g_assert_cmpint (g_date_get_day (date), ==, 1);
      if (ticks->unit == KASSA_CHART_DATE_UNIT_YEAR)
        g_assert_cmpint (g_date_get_month (date), ==, G_DATE_JANUARY);
      if (i > 0)
        g_assert_cmpint (day, >, g_array_index (ticks->days, KassaDay, i - 1));
    }
}

static void
test_date_ticks (gconstpointer data)
{
  const DateTickCase *c = data;
  KassaChartDateTicks ticks = { 0 };
  KassaDay first = ymd (c->first[0], c->first[1], c->first[2]);
  KassaDay last = ymd (c->last[0], c->last[1], c->last[2]);

  kassa_chart_date_ticks (first, last, c->max_ticks, &ticks);
  g_assert_cmpint (ticks.unit, ==, c->unit);
  g_assert_cmpuint (ticks.count, ==, c->count);
  g_assert_cmpuint (ticks.days->len, <=, c->max_ticks);
  assert_ticks_aligned (&ticks);

  if (c->n > 0)
    {
      g_assert_cmpuint (ticks.days->len, ==, c->n);
      g_assert_cmpint (g_array_index (ticks.days, KassaDay, 0), ==,
                       ymd (c->first_tick[0], c->first_tick[1], c->first_tick[2]));
      g_assert_cmpint (g_array_index (ticks.days, KassaDay, ticks.days->len - 1), ==,
                       ymd (c->last_tick[0], c->last_tick[1], c->last_tick[2]));
    }
  else
    {
      /* Even day numbers two days apart, also across the leap day. */
      g_assert_cmpuint (ticks.days->len, ==, 3);
      for (guint i = 0; i < ticks.days->len; i++)
        {
          KassaDay day = g_array_index (ticks.days, KassaDay, i);

          g_assert_cmpint (day % 2, ==, 0);
          if (i > 0)
            g_assert_cmpint (day - g_array_index (ticks.days, KassaDay, i - 1), ==, 2);
        }
    }

  kassa_chart_date_ticks_clear (&ticks);
  g_assert_null (ticks.days);
}

/* Labels without a formatter, and a formatter that gives up. */

static char *
no_label (KassaDay           day,
          KassaChartDateUnit unit,
          gpointer           user_data)
{
  return NULL;
}

static void
test_fallback_labels (void)
{
  KassaDay day = ymd (2026, 11, 24);
  g_autofree char *value = kassa_chart_format_value (NULL, NULL, -1234500, 100);
  g_autofree char *by_day = kassa_chart_format_date (NULL, NULL, day, KASSA_CHART_DATE_UNIT_DAY);
  g_autofree char *by_week = kassa_chart_format_date (NULL, NULL, day, KASSA_CHART_DATE_UNIT_WEEK);
  g_autofree char *by_month = kassa_chart_format_date (NULL, NULL, day, KASSA_CHART_DATE_UNIT_MONTH);
  g_autofree char *by_year = kassa_chart_format_date (NULL, NULL, day, KASSA_CHART_DATE_UNIT_YEAR);
  g_autofree char *refused = kassa_chart_format_date (no_label, NULL, day, KASSA_CHART_DATE_UNIT_MONTH);

  g_assert_cmpstr (value, ==, "-1234500");
  g_assert_cmpstr (by_day, ==, "2026-11-24");
  g_assert_cmpstr (by_week, ==, "2026-11-24");
  g_assert_cmpstr (by_month, ==, "2026-11");
  g_assert_cmpstr (by_year, ==, "2026");
  g_assert_cmpstr (refused, ==, "2026-11");
}

/* The date axis maps days to columns and back. */
static void
test_date_axis (void)
{
  KassaChartDateAxis axis = { 0 };
  KassaDay first = ymd (2026, 11, 24);

  kassa_chart_date_axis_include (&axis, first + 90);
  kassa_chart_date_axis_include (&axis, first);
  kassa_chart_date_axis_include (&axis, first + 30);
  g_assert_true (axis.has_days);
  g_assert_cmpint (axis.first, ==, first);
  g_assert_cmpint (axis.last, ==, first + 90);

  /* 90 days over 180 columns from 20: two columns a day. */
  axis.left = 20;
  axis.width = 180;
  g_assert_cmpfloat (kassa_chart_date_axis_x (&axis, first), ==, 20.5);
  g_assert_cmpfloat (kassa_chart_date_axis_x (&axis, first + 45), ==, 110.5);
  g_assert_cmpfloat (kassa_chart_date_axis_x (&axis, first + 90), ==, 200.5);
  for (KassaDay day = first; day <= first + 90; day++)
    g_assert_cmpint (kassa_chart_date_axis_day_at (&axis, kassa_chart_date_axis_x (&axis, day)), ==, day);
  /* Outside the columns: clamped to the range. */
  g_assert_cmpint (kassa_chart_date_axis_day_at (&axis, 0), ==, first);
  g_assert_cmpint (kassa_chart_date_axis_day_at (&axis, 400), ==, first + 90);

  kassa_chart_date_axis_clear (&axis);
  g_assert_false (axis.has_days);
  g_assert_null (axis.ticks.days);
}

/* Points where their values put them. */

static const gint64 point_values[] = { 0, 200, 1000, 600, 400, 800, 100 };

static KassaLineChart *
points_chart (KassaDay *first)
{
  KassaLineChart *chart = chart_new ();
  KassaDay days[G_N_ELEMENTS (point_values)];

  *first = ymd (2026, 11, 24);
  /* Every other day, so points are spread over 12 days. */
  for (guint i = 0; i < G_N_ELEMENTS (point_values); i++)
    days[i] = *first + 2 * i;
  kassa_line_chart_add_series (chart, NULL, days, point_values, G_N_ELEMENTS (point_values),
                               &red, KASSA_LINE_STYLE_SOLID);
  return chart;
}

static void
test_points (void)
{
  KassaDay first;
  g_autoptr(KassaLineChart) chart = points_chart (&first);
  KassaChartValueTicks ticks;
  cairo_rectangle_t area;
  Canvas canvas = { 0 };
  double bottom;

  render (&canvas, chart, WIDTH, HEIGHT);
  save_png (&canvas, "points");

  /* 0 … 1000 in at most 5 intervals of a step ≥ 100: 200. */
  kassa_line_chart_get_value_ticks (chart, &ticks);
  g_assert_cmpint (ticks.min, ==, 0);
  g_assert_cmpint (ticks.max, ==, 1000);
  g_assert_cmpint (ticks.step, ==, 200);

  /* The axis spans the plot: 1000 on its top row, 0 on its bottom row,
   * 500 halfway; days from X_INSET inside the left to inside the right. */
  kassa_line_chart_get_plot_area (chart, &area);
  bottom = area.y + area.height;
  g_assert_cmpfloat (area.y, ==, 8.0);
  g_assert_cmpfloat (kassa_line_chart_get_y (chart, 1000), ==, area.y + 0.5);
  g_assert_cmpfloat (kassa_line_chart_get_y (chart, 0), ==, bottom + 0.5);
  g_assert_cmpfloat (kassa_line_chart_get_y (chart, 500), ==, round (area.y + area.height / 2) + 0.5);
  g_assert_cmpfloat (kassa_line_chart_get_x (chart, first), ==, area.x + X_INSET + 0.5);
  g_assert_cmpfloat (kassa_line_chart_get_x (chart, first + 12), ==,
                     floor (area.x + area.width - X_INSET) + 0.5);
  g_assert_cmpfloat (kassa_line_chart_get_x (chart, first + 6), ==,
                     floor (area.x + X_INSET + (area.width - 2 * X_INSET) / 2) + 0.5);

  /* Each point's pixel is the line's colour. */
  for (guint i = 0; i < G_N_ELEMENTS (point_values); i++)
    {
      double x = kassa_line_chart_get_x (chart, first + 2 * i);
      double y = kassa_line_chart_get_y (chart, point_values[i]);

      if (!colour_near (&canvas, x, y, RED))
        g_error ("point %u (%g, %g) is not red", i, x, y);
    }

  /* The peak (1000 on day 4) is red; 10 rows below it at the same x
   * the line has not come back (it falls to 600 over 2 days). */
  g_assert_true (pixel_is (&canvas, (int) kassa_line_chart_get_x (chart, first + 4),
                           (int) kassa_line_chart_get_y (chart, 1000), RED));
  g_assert_false (pixel_is (&canvas, (int) kassa_line_chart_get_x (chart, first + 4),
                            (int) kassa_line_chart_get_y (chart, 1000) + 10, RED));

  /* No red outside the plot. */
  g_assert_cmpuint (count_colour (&canvas, 0, 0, (int) area.x - 2, HEIGHT, RED), ==, 0);

  canvas_clear (&canvas);
}

static void
test_dashed (void)
{
  g_autoptr(KassaLineChart) chart = chart_new ();
  KassaDay days[] = { ymd (2026, 11, 24), ymd (2027, 11, 24) };
  gint64 values[] = { 500, 500 };
  Canvas canvas = { 0 };
  cairo_rectangle_t area;
  guint solid, dashed;
  int row;

  /* A flat dashed line has gaps: fewer red pixels in its row than the
   * width the line spans. */
  kassa_line_chart_set_min_value_step (chart, 100);
  kassa_line_chart_add_series (chart, NULL, days, values, 2, &red, KASSA_LINE_STYLE_DASHED);
  render (&canvas, chart, WIDTH, HEIGHT);
  kassa_line_chart_get_plot_area (chart, &area);
  row = (int) kassa_line_chart_get_y (chart, 500);
  dashed = count_colour (&canvas, (int) area.x, row, (int) (area.x + area.width), row + 1, RED);
  solid = (guint) (kassa_line_chart_get_x (chart, days[1]) - kassa_line_chart_get_x (chart, days[0]));
  g_assert_cmpuint (dashed, >, solid / 2);
  g_assert_cmpuint (dashed, <, solid * 3 / 4);

  canvas_clear (&canvas);
}

/* Band, reference line, marker. */

static void
test_band (void)
{
  g_autoptr(KassaLineChart) chart = chart_new ();
  KassaDay first = ymd (2026, 11, 24);
  KassaDay days[] = { first, first + 10, first + 20 };
  gint64 low[] = { 200, 100, 300 };
  gint64 high[] = { 400, 900, 500 };
  gint64 middle[] = { 300, 500, 400 };
  Canvas canvas = { 0 };

  kassa_line_chart_set_band (chart, days, low, high, 3, &yellow);
  kassa_line_chart_add_series (chart, NULL, days, middle, 3, &red, KASSA_LINE_STYLE_SOLID);
  render (&canvas, chart, WIDTH, HEIGHT);
  save_png (&canvas, "band");

  /* At day 10, from 3 rows under 900 to 3 rows above 100, the band is
   * yellow except where the red line crosses at 500. */
  {
    int x = (int) kassa_line_chart_get_x (chart, first + 10);
    int top = (int) kassa_line_chart_get_y (chart, 900);
    int bottom = (int) kassa_line_chart_get_y (chart, 100);
    int line = (int) kassa_line_chart_get_y (chart, 500);

    for (int y = top + 3; y <= bottom - 3; y++)
      if (ABS (y - line) > 3 && !pixel_is (&canvas, x, y, YELLOW))
        g_error ("pixel %d,%d is %08x, not band yellow", x, y, pixel_at (&canvas, x, y));

    /* Outside min … max: no band. */
    g_assert_false (pixel_is (&canvas, x, top - 3, YELLOW));
    g_assert_false (pixel_is (&canvas, x, bottom + 3, YELLOW));
  }

  canvas_clear (&canvas);
}

static void
test_reference (void)
{
  KassaDay first;
  g_autoptr(KassaLineChart) chart = points_chart (&first);
  cairo_rectangle_t area;
  Canvas canvas = { 0 };
  guint in_row;
  int row, right;

  kassa_line_chart_set_reference (chart, 300, "Buffer", &blue);
  render (&canvas, chart, WIDTH, HEIGHT);
  save_png (&canvas, "reference");

  kassa_line_chart_get_plot_area (chart, &area);
  row = (int) kassa_line_chart_get_y (chart, 300);
  right = (int) (area.x + area.width);

  /* Dashes 6 on, 4 off: about 60 % of the row, none in the rows beside it
   * (apart from the label, which sits above the right end). */
  in_row = count_colour (&canvas, (int) area.x, row, right, row + 1, BLUE);
  g_assert_cmpuint (in_row, >, area.width * 0.45);
  g_assert_cmpuint (count_colour (&canvas, (int) area.x, row + 2, right, row + 3, BLUE), ==, 0);
  g_assert_cmpuint (count_colour (&canvas, (int) area.x, row - 2, right - 80, row - 1, BLUE), ==, 0);

  /* The label is blue ink just above the line's right end. */
  g_assert_cmpuint (count_hue (&canvas, right - 80, row - 25, right, row - 1, BLUE), >, 20);

  canvas_clear (&canvas);
}

static void
test_marker (void)
{
  KassaDay first;
  g_autoptr(KassaLineChart) chart = points_chart (&first);
  cairo_rectangle_t area;
  Canvas canvas = { 0 };
  int column;
  guint marked;

  kassa_line_chart_set_marker (chart, first + 3, "Today", &magenta);
  render (&canvas, chart, WIDTH, HEIGHT);
  save_png (&canvas, "marker");

  kassa_line_chart_get_plot_area (chart, &area);
  column = (int) kassa_line_chart_get_x (chart, first + 3);

  /* The marker's column is magenta from top to bottom (but where the red
   * line crosses it); two columns left of it, nothing magenta. */
  marked = count_colour (&canvas, column, (int) area.y, column + 1, (int) (area.y + area.height), MAGENTA);
  g_assert_cmpuint (marked, >, area.height - 12);
  g_assert_cmpuint (count_colour (&canvas, column - 2, (int) area.y, column - 1,
                                  (int) (area.y + area.height), MAGENTA), ==, 0);
  /* Its label is at the top, right of the line. */
  g_assert_cmpuint (count_hue (&canvas, column + 2, (int) area.y, column + 60,
                               (int) area.y + 20, MAGENTA), >, 20);

  /* A marker outside the data widens the day range to include it. */
  kassa_line_chart_set_marker (chart, first + 30, NULL, &magenta);
  canvas_clear (&canvas);
  render (&canvas, chart, WIDTH, HEIGHT);
  {
    KassaDay from, to;

    kassa_line_chart_get_day_range (chart, &from, &to);
    g_assert_cmpint (from, ==, first);
    g_assert_cmpint (to, ==, first + 30);
  }

  canvas_clear (&canvas);
}

/* Labels through the formatters. */

typedef struct
{
  GArray *values;   /* of gint64 */
  GArray *days;     /* of KassaDay */
  KassaChartDateUnit unit;
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

static char *
record_date (KassaDay           day,
             KassaChartDateUnit unit,
             gpointer           user_data)
{
  Calls *calls = user_data;
  int year, month, mday;

  g_array_append_val (calls->days, day);
  calls->unit = unit;
  kassa_day_to_ymd (day, &year, &month, &mday);
  /* A Chinese month name: the chart must draw whatever it is given. */
  return g_strdup_printf ("%d月", month);
}

static gboolean
array_has_value (GArray *values,
                 gint64  value)
{
  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, gint64, i) == value)
      return TRUE;

  return FALSE;
}

static gboolean
array_has_day (GArray   *days,
               KassaDay  day)
{
  for (guint i = 0; i < days->len; i++)
    if (g_array_index (days, KassaDay, i) == day)
      return TRUE;

  return FALSE;
}

static void
test_labels (void)
{
  g_autoptr(KassaLineChart) chart = chart_new ();
  Calls calls = { g_array_new (FALSE, FALSE, sizeof (gint64)),
                  g_array_new (FALSE, FALSE, sizeof (KassaDay)), 0, 0 };
  KassaDay first = ymd (2026, 11, 24);
  KassaDay days[] = { first, ymd (2027, 11, 30) };
  gint64 values[] = { 12000000, 15000000 };
  const KassaDay *ticks;
  KassaChartDateUnit unit;
  KassaChartValueTicks value_ticks;
  cairo_rectangle_t area;
  Canvas canvas = { 0 };
  guint n;

  kassa_line_chart_add_series (chart, NULL, days, values, 2, &red, KASSA_LINE_STYLE_SOLID);
  kassa_line_chart_set_value_format_func (chart, record_value, &calls, NULL);
  kassa_line_chart_set_date_format_func (chart, record_date, &calls, NULL);
  render (&canvas, chart, 600, HEIGHT);
  save_png (&canvas, "labels");

  /* 120 000 € … 150 000 €: at most 5 intervals, step 10 000 €. */
  kassa_line_chart_get_value_ticks (chart, &value_ticks);
  g_assert_cmpint (value_ticks.min, ==, 12000000);
  g_assert_cmpint (value_ticks.max, ==, 15000000);
  g_assert_cmpint (value_ticks.step, ==, 1000000);
  g_assert_cmpint (calls.step, ==, 1000000);
  for (gint64 tick = value_ticks.min; tick <= value_ticks.max; tick += value_ticks.step)
    g_assert_true (array_has_value (calls.values, tick));

  /* Thirteen months of days: month ticks, each one through the callback. */
  ticks = kassa_line_chart_get_date_ticks (chart, &n, &unit);
  g_assert_cmpint (unit, ==, KASSA_CHART_DATE_UNIT_MONTH);
  g_assert_cmpint (calls.unit, ==, KASSA_CHART_DATE_UNIT_MONTH);
  g_assert_cmpuint (n, >=, 4);
  g_assert_cmpuint (n, <=, 12);
  for (guint i = 0; i < n; i++)
    g_assert_true (array_has_day (calls.days, ticks[i]));

  /* Ink left of the plot (value labels) and below it (date labels). */
  kassa_line_chart_get_plot_area (chart, &area);
  g_assert_cmpuint (count_hue (&canvas, 0, 0, (int) area.x - 3, HEIGHT, GREEN), >, 50);
  g_assert_cmpuint (count_hue (&canvas, (int) area.x, (int) (area.y + area.height) + 6,
                               600, HEIGHT, GREEN), >, 50);

  canvas_clear (&canvas);
  g_array_unref (calls.values);
  g_array_unref (calls.days);
}

static void
test_legend (void)
{
  g_autoptr(KassaLineChart) chart = chart_new ();
  KassaDay days[] = { ymd (2026, 11, 24), ymd (2026, 12, 24) };
  gint64 actual[] = { 100, 300 };
  gint64 forecast[] = { 300, 200 };
  cairo_rectangle_t area;
  Canvas canvas = { 0 };

  kassa_line_chart_add_series (chart, "Actual", days, actual, 2, &red, KASSA_LINE_STYLE_SOLID);
  kassa_line_chart_add_series (chart, "Forecast", days, forecast, 2, &cyan, KASSA_LINE_STYLE_DASHED);
  render (&canvas, chart, WIDTH, HEIGHT);
  save_png (&canvas, "legend");

  /* The plot moves down for the legend; above it are both swatches and
   * the names in the axis colour. */
  kassa_line_chart_get_plot_area (chart, &area);
  g_assert_cmpfloat (area.y, >, 8.0 + 10.0);
  g_assert_cmpuint (count_colour (&canvas, 0, 0, WIDTH, (int) area.y - 2, RED), >, 20);
  g_assert_cmpuint (count_colour (&canvas, 0, 0, WIDTH, (int) area.y - 2, 0xff00ffffu), >, 10);
  g_assert_cmpuint (count_hue (&canvas, 0, 0, WIDTH, (int) area.y - 2, GREEN), >, 40);

  canvas_clear (&canvas);
}

/* Degenerate data. */

static void
test_empty (void)
{
  g_autoptr(KassaLineChart) chart = chart_new ();
  cairo_rectangle_t area;
  KassaLineChartHit hit;
  Canvas canvas = { 0 };
  guint n = 99;

  render (&canvas, chart, WIDTH, HEIGHT);
  save_png (&canvas, "empty");

  /* Axes (the bottom row and the left edge) and labels, nothing else. */
  kassa_line_chart_get_plot_area (chart, &area);
  g_assert_true (pixel_is (&canvas, (int) area.x + 20, (int) (area.y + area.height), GREEN));
  g_assert_true (pixel_is (&canvas, (int) area.x, (int) area.y + 20, GREEN));
  g_assert_cmpuint (ink_in (&canvas, 0, 0, WIDTH, HEIGHT), >, 0);
  g_assert_cmpuint (count_colour (&canvas, 0, 0, WIDTH, HEIGHT, RED), ==, 0);
  kassa_line_chart_get_date_ticks (chart, &n, NULL);
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (kassa_line_chart_hit_test (chart, area.x + 10, area.y + 10, &hit));
  g_assert_false (kassa_line_chart_get_lowest (chart, 0, NULL, NULL));

  canvas_clear (&canvas);
}

static void
test_single_point (void)
{
  g_autoptr(KassaLineChart) chart = chart_new ();
  KassaDay day = ymd (2026, 11, 24);
  gint64 value = 150000;
  cairo_rectangle_t area;
  Canvas canvas = { 0 };
  double x, y;
  guint n;

  kassa_line_chart_add_series (chart, NULL, &day, &value, 1, &red, KASSA_LINE_STYLE_SOLID);
  render (&canvas, chart, WIDTH, HEIGHT);
  save_png (&canvas, "single");

  /* One day sits in the middle; the dot (radius 3) covers its pixel and
   * the ones 2 px away, not 5 px away. */
  kassa_line_chart_get_plot_area (chart, &area);
  x = kassa_line_chart_get_x (chart, day);
  y = kassa_line_chart_get_y (chart, value);
  g_assert_cmpfloat (x, ==, floor (area.x + area.width / 2) + 0.5);
  g_assert_true (pixel_is (&canvas, (int) x, (int) y, RED));
  g_assert_true (pixel_is (&canvas, (int) x + 2, (int) y, RED));
  g_assert_true (pixel_is (&canvas, (int) x, (int) y - 2, RED));
  g_assert_false (pixel_is (&canvas, (int) x + 5, (int) y, RED));
  g_assert_cmpuint (count_colour (&canvas, 0, 0, WIDTH, HEIGHT, RED), <, 40);

  /* Its day is the one date tick. */
  g_assert_cmpint (kassa_line_chart_get_date_ticks (chart, &n, NULL)[0], ==, day);
  g_assert_cmpuint (n, ==, 1);

  canvas_clear (&canvas);
}

static void
test_flat (void)
{
  g_autoptr(KassaLineChart) chart = chart_new ();
  KassaDay first = ymd (2026, 11, 24);
  KassaDay days[] = { first, first + 30, first + 60 };
  gint64 values[] = { 150000, 150000, 150000 };
  KassaChartValueTicks ticks;
  cairo_rectangle_t area;
  Canvas canvas = { 0 };
  double y;

  kassa_line_chart_add_series (chart, NULL, days, values, 3, &red, KASSA_LINE_STYLE_SOLID);
  render (&canvas, chart, WIDTH, HEIGHT);
  save_png (&canvas, "flat");

  /* 1 500 € ± 150 €: 1 350 … 1 650 € by 50 € is 6 intervals, too many;
   * by 100 € it is 1 300 … 1 700 €.  The line runs through the middle
   * row, red across the plot. */
  kassa_line_chart_get_value_ticks (chart, &ticks);
  g_assert_cmpint (ticks.min, ==, 130000);
  g_assert_cmpint (ticks.max, ==, 170000);
  g_assert_cmpint (ticks.step, ==, 10000);
  kassa_line_chart_get_plot_area (chart, &area);
  y = kassa_line_chart_get_y (chart, 150000);
  g_assert_cmpfloat (fabs (y - (area.y + area.height / 2)), <=, 1.0);
  g_assert_cmpuint (count_colour (&canvas, (int) area.x, (int) y, (int) (area.x + area.width),
                                  (int) y + 1, RED), >=, area.width - 2 * X_INSET - 2);

  canvas_clear (&canvas);
}

static void
test_negative (void)
{
  g_autoptr(KassaLineChart) chart = chart_new ();
  KassaDay first = ymd (2026, 11, 24);
  KassaDay days[] = { first, first + 10, first + 20 };
  gint64 values[] = { -800, -600, -200 };
  KassaChartValueTicks ticks;
  cairo_rectangle_t area;
  Canvas canvas = { 0 };
  int zero;

  kassa_line_chart_add_series (chart, NULL, days, values, 3, &red, KASSA_LINE_STYLE_SOLID);
  render (&canvas, chart, WIDTH, HEIGHT);
  save_png (&canvas, "negative");

  /* All below zero: zero joins the range (−800 … 0 by 200) and its line is
   * drawn on the top row; every point lies below it. */
  kassa_line_chart_get_value_ticks (chart, &ticks);
  g_assert_cmpint (ticks.min, ==, -800);
  g_assert_cmpint (ticks.max, ==, 0);
  kassa_line_chart_get_plot_area (chart, &area);
  zero = (int) kassa_line_chart_get_y (chart, 0);
  g_assert_cmpint (zero, ==, (int) area.y);
  g_assert_cmpuint (count_colour (&canvas, (int) area.x, zero, (int) (area.x + area.width), zero + 1,
                                  GREEN), >=, area.width - 1);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      double y = kassa_line_chart_get_y (chart, values[i]);

      g_assert_cmpfloat (y, >, zero + 1);
      g_assert_true (colour_near (&canvas, kassa_line_chart_get_x (chart, days[i]), y, RED));
    }
  g_assert_cmpuint (count_colour (&canvas, 0, 0, WIDTH, zero, RED), ==, 0);

  /* Both signs: the zero line is a solid row inside the plot. */
  {
    g_autoptr(KassaLineChart) mixed = chart_new ();
    gint64 crossing[] = { -300, 500, 900 };
    Canvas second = { 0 };
    int row;

    kassa_line_chart_add_series (mixed, NULL, days, crossing, 3, &red, KASSA_LINE_STYLE_SOLID);
    render (&second, mixed, WIDTH, HEIGHT);
    kassa_line_chart_get_plot_area (mixed, &area);
    row = (int) kassa_line_chart_get_y (mixed, 0);
    g_assert_cmpint (row, >, (int) area.y);
    g_assert_cmpint (row, <, (int) (area.y + area.height));
    g_assert_true (pixel_is (&second, (int) (area.x + area.width) - 3, row, GREEN));
    g_assert_true (kassa_line_chart_get_y (mixed, -300) > row);
    canvas_clear (&second);
  }

  canvas_clear (&canvas);
}

/* Hover. */

static void
test_hit (void)
{
  g_autoptr(KassaLineChart) chart = chart_new ();
  KassaDay first = ymd (2026, 11, 24);
  KassaDay days[] = { first, first + 10, first + 20 };
  gint64 actual[] = { 100, 900, 400 };
  gint64 forecast[] = { 200, 300, 1000 };
  gint64 low[] = { 50, 250, 350 };
  gint64 high[] = { 250, 950, 1000 };
  cairo_rectangle_t area;
  KassaLineChartHit hit;
  Canvas canvas = { 0 };
  double x;

  kassa_line_chart_add_series (chart, NULL, days, actual, 3, &red, KASSA_LINE_STYLE_SOLID);
  kassa_line_chart_add_series (chart, NULL, days, forecast, 3, &cyan, KASSA_LINE_STYLE_DASHED);
  kassa_line_chart_set_band (chart, days + 1, low + 1, high + 1, 2, &yellow);
  render (&canvas, chart, WIDTH, HEIGHT);
  kassa_line_chart_get_plot_area (chart, &area);

  /* A little right of day 10, near 900: series 0, with the band's day. */
  x = kassa_line_chart_get_x (chart, first + 10);
  g_assert_true (kassa_line_chart_hit_test (chart, x + 3, kassa_line_chart_get_y (chart, 880), &hit));
  g_assert_cmpuint (hit.series, ==, 0);
  g_assert_cmpuint (hit.index, ==, 1);
  g_assert_cmpint (hit.day, ==, first + 10);
  g_assert_cmpint (hit.value, ==, 900);
  g_assert_cmpfloat (hit.x, ==, x);
  g_assert_cmpfloat (hit.y, ==, kassa_line_chart_get_y (chart, 900));
  g_assert_true (hit.in_band);
  g_assert_cmpint (hit.band_low, ==, 250);
  g_assert_cmpint (hit.band_high, ==, 950);

  /* Same day, pointer near 300: the forecast. */
  g_assert_true (kassa_line_chart_hit_test (chart, x - 3, kassa_line_chart_get_y (chart, 320), &hit));
  g_assert_cmpuint (hit.series, ==, 1);
  g_assert_cmpint (hit.value, ==, 300);

  /* Left edge: day 0, which the band does not cover. */
  g_assert_true (kassa_line_chart_hit_test (chart, area.x + 1, area.y, &hit));
  g_assert_cmpint (hit.day, ==, first);
  g_assert_false (hit.in_band);

  /* Outside the plot: nothing. */
  g_assert_false (kassa_line_chart_hit_test (chart, area.x - 5, area.y + 10, &hit));
  g_assert_false (kassa_line_chart_hit_test (chart, area.x + area.width + 5, area.y + 10, &hit));

  /* The hover highlight draws a guide through the point's column. */
  kassa_line_chart_set_highlight (chart, 0, 1);
  canvas_clear (&canvas);
  render (&canvas, chart, WIDTH, HEIGHT);
  g_assert_true (pixel_is (&canvas, (int) x, (int) kassa_line_chart_get_y (chart, 900) - 4, RED));

  canvas_clear (&canvas);
}

/* Accessible description. */

static void
test_lowest (void)
{
  g_autoptr(KassaLineChart) chart = chart_new ();
  KassaDay first = ymd (2026, 11, 24);
  KassaDay days[] = { first, first + 36, first + 100, first + 200 };
  gint64 values[] = { 500000, 12000000, 12000000, 13000000 };
  gint64 dip[] = { 500000, 12000, 12000, 13000000 };
  KassaDay day;
  gint64 value;

  kassa_line_chart_add_series (chart, NULL, days, values, 4, &red, KASSA_LINE_STYLE_SOLID);
  kassa_line_chart_add_series (chart, NULL, days, dip, 4, &red, KASSA_LINE_STYLE_SOLID);
  g_assert_true (kassa_line_chart_get_lowest (chart, 0, &day, &value));
  g_assert_cmpint (day, ==, first);
  g_assert_cmpint (value, ==, 500000);
  /* Tied: the first. */
  g_assert_true (kassa_line_chart_get_lowest (chart, 1, &day, &value));
  g_assert_cmpint (day, ==, first + 36);
  g_assert_cmpint (value, ==, 12000);
  g_assert_false (kassa_line_chart_get_lowest (chart, 2, &day, &value));
}

typedef struct
{
  const char *first;
  const char *last;
  const char *value;
  const char *day;
  const char *expected;
} DescribeCase;

static void
test_describe (void)
{
  static const DescribeCase cases[] = {
    { "24.11.2026", "30.11.2027", "120 000 €", "30.12.2026",
      "Cash balance from 24.11.2026 to 30.11.2027: lowest 120 000 € on 30.12.2026" },
    { NULL, NULL, NULL, NULL, "Cash balance: no data" },
    { "24.11.2026", "24.11.2026", "1 200 €", "24.11.2026", "Cash balance on 24.11.2026: 1 200 €" },
    { "24.11.2026", NULL, NULL, NULL, "Cash balance on 24.11.2026" },
    { "24.11.2026", "30.11.2027", NULL, NULL, "Cash balance from 24.11.2026 to 30.11.2027" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kassa_line_chart_describe ("Cash balance", cases[i].first,
                                                         cases[i].last, cases[i].value,
                                                         cases[i].day);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_clear (void)
{
  KassaDay first;
  g_autoptr(KassaLineChart) chart = points_chart (&first);
  Canvas canvas = { 0 };

  kassa_line_chart_set_reference (chart, 300, "Buffer", &blue);
  kassa_line_chart_set_marker (chart, first, "Today", &magenta);
  g_assert_cmpuint (kassa_line_chart_get_n_series (chart), ==, 1);
  kassa_line_chart_clear (chart);
  g_assert_cmpuint (kassa_line_chart_get_n_series (chart), ==, 0);

  render (&canvas, chart, WIDTH, HEIGHT);
  g_assert_cmpuint (count_colour (&canvas, 0, 0, WIDTH, HEIGHT, RED), ==, 0);
  g_assert_cmpuint (count_colour (&canvas, 0, 0, WIDTH, HEIGHT, BLUE), ==, 0);
  g_assert_cmpuint (count_colour (&canvas, 0, 0, WIDTH, HEIGHT, MAGENTA), ==, 0);
  canvas_clear (&canvas);
}

/* The cash balance chart as the Cash flow page will draw it, kept as a
 * PNG to look at: actual, forecast, band, buffer and today. */
static void
test_cash_balance (void)
{
  g_autoptr(KassaLineChart) chart = chart_new ();
  KassaDay today = ymd (2026, 11, 24);
  KassaDay actual_days[60], forecast_days[120];
  gint64 actual[60], forecast[120], low[120], high[120];
  KassaChartColour band = { 0.21, 0.52, 0.89, 0.25 };
  KassaChartColour line = { 0.21, 0.52, 0.89, 1.0 };
  KassaChartColour grey = { 0.2, 0.2, 0.2, 1.0 };
  KassaChartColour buffer = { 0.88, 0.11, 0.14, 1.0 };
  Canvas canvas = { 0 };
  KassaLineChartHit hit;

  for (int i = 0; i < 60; i++)
    {
      actual_days[i] = today - 59 + i;
      actual[i] = 14000000 + (i % 7) * 150000 - i * 20000;
    }
  for (int i = 0; i < 120; i++)
    {
      forecast_days[i] = today + 3 * i;
      forecast[i] = actual[59] - i * 80000 + (i % 10) * 100000;
      low[i] = forecast[i] - i * 30000;
      high[i] = forecast[i] + i * 20000;
    }

  kassa_line_chart_set_band (chart, forecast_days, low, high, 120, &band);
  kassa_line_chart_add_series (chart, "Actual", actual_days, actual, 60, &grey, KASSA_LINE_STYLE_SOLID);
  kassa_line_chart_add_series (chart, "Forecast", forecast_days, forecast, 120, &line,
                               KASSA_LINE_STYLE_DASHED);
  kassa_line_chart_set_reference (chart, 5000000, "Minimum buffer", &buffer);
  kassa_line_chart_set_marker (chart, today, "Today", &grey);
  render (&canvas, chart, 640, 280);
  save_png (&canvas, "cash-balance");

  /* Hover on the forecast half a year ahead: the forecast, with the
   * band's range that day. */
  g_assert_true (kassa_line_chart_hit_test (chart, kassa_line_chart_get_x (chart, today + 180),
                                            kassa_line_chart_get_y (chart, forecast[60]), &hit));
  g_assert_cmpuint (hit.series, ==, 1);
  g_assert_cmpint (hit.day, ==, today + 180);
  g_assert_true (hit.in_band);
  g_assert_cmpint (hit.band_low, ==, low[60]);

  canvas_clear (&canvas);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (value_tick_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chart-axis/value-ticks/%s", value_tick_cases[i].name);

      g_test_add_data_func (path, &value_tick_cases[i], test_value_ticks);
    }
  for (guint i = 0; i < G_N_ELEMENTS (date_tick_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chart-axis/date-ticks/%s", date_tick_cases[i].name);

      g_test_add_data_func (path, &date_tick_cases[i], test_date_ticks);
    }

  g_test_add_func ("/chart-axis/fallback-labels", test_fallback_labels);
  g_test_add_func ("/chart-axis/date-axis", test_date_axis);
  g_test_add_func ("/line-chart/points", test_points);
  g_test_add_func ("/line-chart/dashed", test_dashed);
  g_test_add_func ("/line-chart/band", test_band);
  g_test_add_func ("/line-chart/reference", test_reference);
  g_test_add_func ("/line-chart/marker", test_marker);
  g_test_add_func ("/line-chart/labels", test_labels);
  g_test_add_func ("/line-chart/legend", test_legend);
  g_test_add_func ("/line-chart/empty", test_empty);
  g_test_add_func ("/line-chart/single-point", test_single_point);
  g_test_add_func ("/line-chart/flat", test_flat);
  g_test_add_func ("/line-chart/negative", test_negative);
  g_test_add_func ("/line-chart/hit", test_hit);
  g_test_add_func ("/line-chart/lowest", test_lowest);
  g_test_add_func ("/line-chart/describe", test_describe);
  g_test_add_func ("/line-chart/clear", test_clear);
  g_test_add_func ("/line-chart/cash-balance", test_cash_balance);

  return g_test_run ();
}
