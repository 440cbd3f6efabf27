/* test-sparkline.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders sparklines into image surfaces and looks at the pixels where the
 * points must (and must not) be.  Geometry worked out by hand: with the
 * 3 px padding a 66 × 46 chart has an inner box of 60 × 40, so four points
 * sit at x = 3, 23, 43, 63 and values span y = 3 (max) … 43 (min).
 */
#define G_LOG_DOMAIN "test-sparkline"

#include "config.h"

#include <math.h>

#include <cairo.h>
#include <glib.h>

#include "kassa-sparkline.h"

#define WIDTH 66
#define HEIGHT 46
#define END_OF_POINTS (-2)

typedef struct
{
  int x;
  int y;
} Spot;

typedef struct
{
  const char *name;
  double      values[6];
  guint       n;
  Spot        drawn[4];       /* END_OF_POINTS terminated */
  Spot        blank[4];
  int         blank_column;   /* a column with nothing in it, or -1 */
} PixelCase;

static cairo_surface_t *
render (const double *values,
        guint         n)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  kassa_sparkline_draw (cr, WIDTH, HEIGHT, values, n, 1.0, 0.0, 0.0, 1.0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_true (x >= 0 && x < WIDTH && y >= 0 && y < HEIGHT);

  return *(const guint32 *) (data + y * stride + x * 4);
}

static guint
alpha_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  return pixel_at (surface, x, y) >> 24;
}

static guint
count_drawn (cairo_surface_t *surface)
{
  guint drawn = 0;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      drawn += alpha_at (surface, x, y) > 0;

  return drawn;
}

static void
test_nothing_for_no_points (void)
{
  static const double all_undefined[] = { -1, NAN, -1 };
  cairo_surface_t *empty = render (NULL, 0);
  cairo_surface_t *undefined = render (all_undefined, G_N_ELEMENTS (all_undefined));

  g_assert_cmpuint (count_drawn (empty), ==, 0);
  g_assert_cmpuint (count_drawn (undefined), ==, 0);

  cairo_surface_destroy (empty);
  cairo_surface_destroy (undefined);
}

static const PixelCase pixel_cases[] = {
  /* One point: a dot in the middle (33, 23), nothing near the edges. */
  { "single", { 7 }, 1,
    { { 33, 23 }, { END_OF_POINTS } },
    { { 3, 23 }, { 63, 23 }, { 33, 3 }, { END_OF_POINTS } }, 10 },
  /* 5, 9, 1, 5: max 9 at (23, 3), min 1 at (43, 43), ends at y = 23. */
  { "max-min", { 5, 9, 1, 5 }, 4,
    { { 23, 3 }, { 43, 43 }, { 3, 23 }, { 63, 23 } },
    { { 23, 43 }, { 43, 3 }, { 3, 43 }, { END_OF_POINTS } }, -1 },
  /* Constant: a flat line through the middle, nothing at top or bottom. */
  { "constant", { 4, 4, 4, 4 }, 4,
    { { 3, 23 }, { 33, 23 }, { 63, 23 }, { END_OF_POINTS } },
    { { 33, 3 }, { 33, 43 }, { 13, 5 }, { END_OF_POINTS } }, -1 },
  /* 1, undefined, 3 at x = 3, 33, 63: two isolated dots, a gap between. */
  { "gap", { 1, -1, 3 }, 3,
    { { 3, 43 }, { 63, 3 }, { END_OF_POINTS } },
    { { 3, 3 }, { 63, 43 }, { 33, 23 }, { END_OF_POINTS } }, 33 },
  /* NaN is undefined just like -1. */
  { "nan", { 2, NAN, 6, 4 }, 4,
    { { 3, 43 }, { 43, 3 }, { 63, 23 }, { END_OF_POINTS } },
    { { 23, 23 }, { 23, 3 }, { 23, 43 }, { END_OF_POINTS } }, 23 },
};

static void
test_pixels (gconstpointer data)
{
  const PixelCase *c = data;
  cairo_surface_t *surface = render (c->values, c->n);

  for (guint i = 0; i < G_N_ELEMENTS (c->drawn) && c->drawn[i].x != END_OF_POINTS; i++)
    {
      g_test_message ("%s: drawn at %d,%d", c->name, c->drawn[i].x, c->drawn[i].y);
      g_assert_cmpuint (alpha_at (surface, c->drawn[i].x, c->drawn[i].y), >, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (c->blank) && c->blank[i].x != END_OF_POINTS; i++)
    {
      g_test_message ("%s: blank at %d,%d", c->name, c->blank[i].x, c->blank[i].y);
      g_assert_cmpuint (alpha_at (surface, c->blank[i].x, c->blank[i].y), ==, 0);
    }

  if (c->blank_column >= 0)
    for (int y = 0; y < HEIGHT; y++)
      g_assert_cmpuint (alpha_at (surface, c->blank_column, y), ==, 0);

  cairo_surface_destroy (surface);
}

/* The end dot is filled with exactly the colour asked for (opaque red is
 * 0xffff0000 in cairo's native ARGB32). */
static void
test_colour (void)
{
  static const double values[] = { 1, 2, 3, 4 };
  cairo_surface_t *surface = render (values, G_N_ELEMENTS (values));

  g_assert_cmphex (pixel_at (surface, 63, 3), ==, 0xffff0000);
  cairo_surface_destroy (surface);
}

/* Drawing leaves the context as it found it (source, line width). */
static void
test_context_restored (void)
{
  static const double values[] = { 1, 2 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  double r, g, b, a;

  cairo_set_source_rgba (cr, 0.0, 0.0, 1.0, 0.5);
  cairo_set_line_width (cr, 7.0);
  kassa_sparkline_draw (cr, WIDTH, HEIGHT, values, G_N_ELEMENTS (values), 1.0, 0.0, 0.0, 1.0);

  g_assert_cmpfloat (cairo_get_line_width (cr), ==, 7.0);
  g_assert_cmpint (cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a), ==,
                   CAIRO_STATUS_SUCCESS);
  g_assert_cmpfloat (b, ==, 1.0);
  g_assert_cmpfloat (a, ==, 0.5);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_point_positions (void)
{
  static const double values[] = { 5, 9, 1, -1 };
  static const struct { guint index; gboolean defined; double x, y; } cases[] = {
    { 0, TRUE, 3, 23 },
    { 1, TRUE, 23, 3 },
    { 2, TRUE, 43, 43 },
    { 3, FALSE, 0, 0 },
    { 4, FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double x = -1, y = -1;
      gboolean defined = kassa_sparkline_point (WIDTH, HEIGHT, values, G_N_ELEMENTS (values),
                                                cases[i].index, &x, &y);

      g_assert_cmpint (defined, ==, cases[i].defined);
      if (!defined)
        continue;
      g_assert_cmpfloat_with_epsilon (x, cases[i].x, 1e-9);
      g_assert_cmpfloat_with_epsilon (y, cases[i].y, 1e-9);
    }
}

static void
test_index_at (void)
{
  /* Four points at x = 3, 23, 43, 63: the nearest one wins. */
  static const struct { guint n; double x; int expected; } cases[] = {
    { 0, 10, -1 },
    { 1, 60, 0 },
    { 4, 0, 0 },
    { 4, 12.9, 0 },
    { 4, 13.1, 1 },
    { 4, 44, 2 },
    { 4, 54, 3 },
    { 4, 500, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (kassa_sparkline_index_at (WIDTH, cases[i].n, cases[i].x), ==,
                     cases[i].expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sparkline/nothing", test_nothing_for_no_points);
  for (guint i = 0; i < G_N_ELEMENTS (pixel_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sparkline/pixels/%s", pixel_cases[i].name);

      g_test_add_data_func (path, &pixel_cases[i], test_pixels);
    }
  g_test_add_func ("/sparkline/colour", test_colour);
  g_test_add_func ("/sparkline/context-restored", test_context_restored);
  g_test_add_func ("/sparkline/point-positions", test_point_positions);
  g_test_add_func ("/sparkline/index-at", test_index_at);

  return g_test_run ();
}
