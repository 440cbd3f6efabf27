/* test-bank-barcode.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-bank-barcode"

#include "config.h"

#include <string.h>

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "kassa-bank-barcode.h"
#include "kassa-date.h"
#include "kassa-invoice-document.h"

#define PUBLISHED_DIGITS "479440520200360820048831500000000868516259619897100612"

/* Each expected string is split into its fields below; the IBAN, Finnish
 * and RF check digits were recomputed with an independent script
 * (mod 97 over the rearranged IBAN/RF, 7-3-1 weights).
 *
 *  1 published example (Finance Finland's guide):
 *    4 | 7944052020036082 | 004883 | 15 | 000 | 00000868516259619897 | 100612
 *  2 the guide's second version 4 example, FI58 1017 1000 0001 22:
 *    4 | 5810171000000122 | 000482 | 99 | 000 | 00000559582243294671 | 120131
 *  3 the published example as version 5, RF09 8685 1625 9619 897:
 *    5 | 7944052020036082 | 004883 | 15 | 09 | 000000868516259619897 | 100612
 *  4 zero euros, shortest kind of reference, no due date:
 *    4 | 2112345600000785 | 000000 | 50 | 000 | 00000000000000012344 | 000000
 *  5 largest amount, 20-digit reference, last day of 2099:
 *    4 | 7331313001000058 | 999999 | 99 | 000 | 12345678901234567894 | 991231
 *  6 version 5 with a 21-digit body, RF40 1234 5678 9012 3456 7890 1:
 *    5 | 8333010001100775 | 000001 | 01 | 40 | 123456789012345678901 | 160524
 *  7 version 5 with a short body, RF54 1234, in a leap-year February:
 *    5 | 3936363002092492 | 150000 | 20 | 54 | 000000000000000001234 | 240229
 *  8 one cent, lower case and spaces in the input:
 *    4 | 2112345600000785 | 000000 | 01 | 000 | 00000000000000001009 | 260101 */
static void
test_digits (void)
{
  static const struct
  {
    const char *iban;
    gint64      amount;
    const char *reference;
    int         year, month, day;
    const char *expected;
  } cases[] = {
    { "FI79 4405 2020 0360 82", 488315, "86851 62596 19897", 2010, 6, 12, PUBLISHED_DIGITS },
    { "FI58 1017 1000 0001 22", 48299, "55958 22432 94671", 2012, 1, 31,
      "458101710000001220004829900000000559582243294671120131" },
    { "FI79 4405 2020 0360 82", 488315, "RF09 8685 1625 9619 897", 2010, 6, 12,
      "579440520200360820048831509000000868516259619897100612" },
    { "FI2112345600000785", 50, "12344", 0, 0, 0,
      "421123456000007850000005000000000000000000012344000000" },
    { "FI73 3131 3001 0000 58", 99999999, "12345678901234567894", 2099, 12, 31,
      "473313130010000589999999900012345678901234567894991231" },
    { "FI83 3301 0001 1007 75", 101, "RF40123456789012345678901", 2016, 5, 24,
      "583330100011007750000010140123456789012345678901160524" },
    { "FI39 3636 3002 0924 92", 15000020, "RF54 1234", 2024, 2, 29,
      "539363630020924921500002054000000000000000001234240229" },
    { " fi21 1234 5600 0007 85 ", 1, " 1009 ", 2026, 1, 1,
      "421123456000007850000000100000000000000000001009260101" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *digits = NULL;
      KassaDay due = cases[i].year == 0 ? 0
                   : kassa_day_from_ymd (cases[i].year, cases[i].month, cases[i].day);

      g_test_message ("case %u: %s", i + 1, cases[i].reference);
      digits = kassa_bank_barcode_digits (cases[i].iban, cases[i].amount, cases[i].reference,
                                          due, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (digits, ==, cases[i].expected);
      g_assert_cmpuint (strlen (digits), ==, 54);
    }
}

static void
test_digits_refused (void)
{
  static const struct
  {
    const char *iban;
    gint64      amount;
    const char *reference;
    KassaDay    due;
  } cases[] = {
    { "SE45 5000 0000 0583 9825 7466", 488315, "868516259619897", 0 },  /* not Finnish */
    { "FI79 4405 2020 0360 83", 488315, "868516259619897", 0 },         /* IBAN typo */
    { "FI79 4405 2020 0360 8", 488315, "868516259619897", 0 },
    { "", 488315, "868516259619897", 0 },
    { "FI79 4405 2020 0360 82", 0, "868516259619897", 0 },              /* nothing to pay */
    { "FI79 4405 2020 0360 82", -488315, "868516259619897", 0 },        /* credit note */
    { "FI79 4405 2020 0360 82", 100000000, "868516259619897", 0 },      /* 1 000 000.00 */
    { "FI79 4405 2020 0360 82", 488315, "868516259619898", 0 },         /* bad check digit */
    { "FI79 4405 2020 0360 82", 488315, "", 0 },
    { "FI79 4405 2020 0360 82", 488315, "RF10868516259619897", 0 },     /* bad RF check */
    { "FI79 4405 2020 0360 82", 488315, "RF47ABC123", 0 },              /* letters */
    { "FI79 4405 2020 0360 82", 488315, "868516259619897", -1 },        /* no such day */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *digits = NULL;

      g_test_message ("refused case %u", i + 1);
      digits = kassa_bank_barcode_digits (cases[i].iban, cases[i].amount, cases[i].reference,
                                          cases[i].due, &error);
      g_assert_null (digits);
      g_assert_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_INVALID);
      g_assert_cmpuint (strlen (error->message), >, 0);
    }
}

/* Worked by hand from the Code 128 table (start C = 211232, stop 2331112):
 *   "00":   value 0 = 212222; check (105 + 1·0) mod 103 = 2 → 222221
 *   "12":   value 12 = 112232; check (105 + 12) mod 103 = 14 → 122231
 *   "1234": 12 = 112232, 34 = 131123; check (105 + 12 + 2·34) mod 103
 *           = 185 mod 103 = 82 → 121241
 *   "9999": 99 = 113141 twice; check (105 + 99 + 198) mod 103 = 402 mod 103
 *           = 93 → 111341 */
static void
test_code128c_widths (void)
{
  static const struct { const char *digits; const char *expected; } cases[] = {
    { "00", "211232" "212222" "222221" "2331112" },
    { "12", "211232" "112232" "122231" "2331112" },
    { "1234", "211232" "112232" "131123" "121241" "2331112" },
    { "9999", "211232" "113141" "113141" "111341" "2331112" },
    { "", NULL },
    { "1", NULL },
    { "123", NULL },
    { "12a4", NULL },
    { "12 4", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *widths = kassa_code128c_widths (cases[i].digits);

      g_test_message ("digits '%s'", cases[i].digits);
      g_assert_cmpstr (widths, ==, cases[i].expected);
    }
}

/* The published example: 27 pairs 47 94 40 52 02 00 36 08 20 04 88 31 50
 * 00 00 00 08 68 51 62 59 61 98 97 10 06 12; 105 + Σ position × value =
 * 14666, 14666 mod 103 = 40, so the check character is 40 = 231113.
 * 29 symbols × 11 + 13 = 332 modules; with 2 × 10 quiet modules 352. */
static void
test_code128c_published (void)
{
  g_autofree char *widths = kassa_code128c_widths (PUBLISHED_DIGITS);
  gsize length;
  int modules = 0;

  g_assert_nonnull (widths);
  length = strlen (widths);
  g_assert_cmpuint (length, ==, 29 * 6 + 7);
  g_assert_true (g_str_has_prefix (widths, "211232" "133121" "131141"));  /* start, 47, 94 */
  g_assert_cmpstr (widths + length - 13, ==, "231113" "2331112");
  for (gsize i = 0; i < length; i++)
    modules += widths[i] - '0';
  g_assert_cmpint (modules + 20, ==, KASSA_BANK_BARCODE_TOTAL_MODULES);
}

static cairo_surface_t *
render (const char     *digits,
        cairo_format_t  format,
        double          x,
        double          module,
        double         *drawn)
{
  int width = (int) (x + KASSA_BANK_BARCODE_TOTAL_MODULES * module + 30);
  cairo_surface_t *surface = cairo_image_surface_create (format, width, 40);
  cairo_t *cr = cairo_create (surface);

  /* A grey page around the symbol: the quiet zones must still be white. */
  cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
  cairo_paint (cr);
  *drawn = kassa_code128c_draw (cr, digits, x, 5, module, 30);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
test_code128c_round_trip (void)
{
  static const struct
  {
    cairo_format_t format;
    double         x;
    double         module;
  } cases[] = {
    { CAIRO_FORMAT_ARGB32, 7, 2 },
    { CAIRO_FORMAT_RGB24, 7, 2 },
    { CAIRO_FORMAT_ARGB32, 3.3, 2.6 },
    { CAIRO_FORMAT_RGB24, 10.7, 2.6 },
    { CAIRO_FORMAT_ARGB32, 0.5, 3.7 },
    { CAIRO_FORMAT_ARGB32, 0, 1 },
  };
  const char *digit_strings[] = {
    PUBLISHED_DIGITS,
    "583330100011007750000010140123456789012345678901160524",
    "1234",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint d = 0; d < G_N_ELEMENTS (digit_strings); d++)
      {
        double drawn;
        cairo_surface_t *surface = render (digit_strings[d], cases[i].format, cases[i].x,
                                           cases[i].module, &drawn);
        g_autofree char *top = kassa_code128c_decode_row (surface, 6);
        g_autofree char *middle = kassa_code128c_decode_row (surface, 20);
        g_autofree char *outside = kassa_code128c_decode_row (surface, 2);

        g_test_message ("%g px/module at x = %g, '%s'", cases[i].module, cases[i].x,
                        digit_strings[d]);
        g_assert_cmpstr (top, ==, digit_strings[d]);
        g_assert_cmpstr (middle, ==, digit_strings[d]);
        g_assert_null (outside);
        if (d == 0)
          g_assert_cmpfloat_with_epsilon (drawn, 352 * cases[i].module, 1e-9);
        cairo_surface_destroy (surface);
      }
}

/* Paints modules [first, first + count) of the symbol (counted from its
 * left quiet zone edge) in the given grey. */
static void
paint_modules (cairo_surface_t *surface,
               double           x,
               double           module,
               int              first,
               int              count,
               double           grey)
{
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_rectangle (cr, x + first * module, 0, count * module, 40);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

/* Module positions from the left edge: 10 quiet, start C at 10‥20, 47
 * (133121) at 21‥31, 94 (131141) at 32‥42, the check character 40
 * (231113) at 10 + 28 × 11 = 318‥328. */
static void
test_code128c_damaged (void)
{
  static const struct
  {
    const char *what;
    int         first, count;
    double      grey;
    int         first2, count2;
    double      grey2;
  } cases[] = {
    { "first bar of 47 removed", 21, 1, 1.0, 0, 0, 0 },
    { "first bar of 94 removed", 32, 1, 1.0, 0, 0, 0 },
    { "first bar of 94 one module wider (odd bar sum)", 33, 1, 0.0, 0, 0, 0 },
    { "first bar of the check character removed", 318, 2, 1.0, 0, 0, 0 },
    /* 47 becomes 134111 (79), a valid pattern: only the check catches it */
    { "47 turned into 79", 28, 1, 0.0, 29, 1, 1.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double drawn;
      cairo_surface_t *surface = render (PUBLISHED_DIGITS, CAIRO_FORMAT_ARGB32, 4, 2, &drawn);
      g_autofree char *intact = kassa_code128c_decode_row (surface, 20);
      g_autofree char *damaged = NULL;

      g_test_message ("%s", cases[i].what);
      g_assert_cmpstr (intact, ==, PUBLISHED_DIGITS);
      paint_modules (surface, 4, 2, cases[i].first, cases[i].count, cases[i].grey);
      if (cases[i].count2 > 0)
        paint_modules (surface, 4, 2, cases[i].first2, cases[i].count2, cases[i].grey2);
      damaged = kassa_code128c_decode_row (surface, 20);
      g_assert_null (damaged);
      cairo_surface_destroy (surface);
    }
}

static void
test_code128c_draw_invalid (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);

  g_assert_cmpfloat (kassa_code128c_draw (cr, "123", 0, 0, 1, 5), ==, 0);
  g_assert_cmpfloat (kassa_code128c_draw (cr, "x1", 0, 0, 1, 5), ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* zbar's Code 128 reader is an independent check of the width table. */
static void
test_code128c_zbar (void)
{
  const char *zbarimg = g_getenv ("KASSA_ZBARIMG");
  g_autofree char *found = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *png = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  double drawn;
  int status;

  if (zbarimg == NULL || *zbarimg == '\0')
    zbarimg = found = g_find_program_in_path ("zbarimg");
  if (zbarimg == NULL)
    {
      g_test_skip ("zbarimg is not installed");
      return;
    }

  dir = g_dir_make_tmp ("kassa-barcode-XXXXXX", &error);
  g_assert_no_error (error);
  png = g_build_filename (dir, "barcode.png", NULL);
  surface = render (PUBLISHED_DIGITS, CAIRO_FORMAT_RGB24, 0, 3, &drawn);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  {
    const char *argv[] = { zbarimg, "--raw", "-q", png, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                  &output, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (output, ==, PUBLISHED_DIGITS "\n");

  g_unlink (png);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bank-barcode/digits", test_digits);
  g_test_add_func ("/bank-barcode/digits-refused", test_digits_refused);
  g_test_add_func ("/bank-barcode/code128c/widths", test_code128c_widths);
  g_test_add_func ("/bank-barcode/code128c/published", test_code128c_published);
  g_test_add_func ("/bank-barcode/code128c/round-trip", test_code128c_round_trip);
  g_test_add_func ("/bank-barcode/code128c/damaged", test_code128c_damaged);
  g_test_add_func ("/bank-barcode/code128c/draw-invalid", test_code128c_draw_invalid);
  g_test_add_func ("/bank-barcode/code128c/zbar", test_code128c_zbar);

  return g_test_run ();
}
