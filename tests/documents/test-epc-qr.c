/* test-epc-qr.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-epc-qr"

#include "config.h"

#include <string.h>

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <qrencode.h>

#include "kassa-date.h"
#include "kassa-epc-qr.h"
#include "kassa-invoice-document.h"

/* The published bank barcode example as a credit transfer; the Finnish
 * reference 86851 62596 19897 travels as RF09 8685 1625 9619 897. */
#define PUBLISHED_PAYLOAD \
  "BCD\n002\n1\nSCT\nITELFIHH\nKassa Oy\nFI7944052020036082\nEUR4883.15\n\n" \
  "RF09868516259619897\n\nReqdExctnDt/2010-06-12"

static KassaDay
ymd (int year,
     int month,
     int day)
{
  return kassa_day_from_ymd (year, month, day);
}

static void
test_payload (void)
{
  struct
  {
    KassaEpcPayment payment;
    const char     *expected;
  } cases[] = {
    { { "ITELFIHH", "Kassa Oy", "FI79 4405 2020 0360 82", 488315, "86851 62596 19897", NULL,
        ymd (2010, 6, 12) },
      PUBLISHED_PAYLOAD },
    /* RF given as such, lower case and spaces; BIC lower case */
    { { "itelfihh", "  Kassa Oy ", "fi79 4405 2020 0360 82", 488315, "rf09 8685 1625 9619 897",
        NULL, ymd (2010, 6, 12) },
      PUBLISHED_PAYLOAD },
    /* no BIC, name with ä/ö (UTF-8 bytes), text instead of a reference,
     * no due date: the empty information line is dropped, the empty
     * purpose and reference lines before the text stay */
    { { NULL, "P\xc3\xb6ll\xc3\xb6 & S\xc3\xa4\xc3\xa4ti\xc3\xb6 Oy", "FI21 1234 5600 0007 85",
        1, NULL, "Lasku 1000", 0 },
      "BCD\n002\n1\nSCT\n\nP\xc3\xb6ll\xc3\xb6 & S\xc3\xa4\xc3\xa4ti\xc3\xb6 Oy\n"
      "FI2112345600000785\nEUR0.01\n\n\nLasku 1000" },
    /* nothing after the amount: four trailing empty lines dropped */
    { { "", "Kassa Oy", "FI2112345600000785", G_GINT64_CONSTANT (99999999999), "", "", 0 },
      "BCD\n002\n1\nSCT\n\nKassa Oy\nFI2112345600000785\nEUR999999999.99" },
    /* a reference wins over the text; an 11-character BIC; Swedish IBAN */
    { { "ESSESESS123", "Kassa AB", "SE45 5000 0000 0583 9825 7466", 100, "RF18 5390 0754 7034",
        "ignored", ymd (2026, 1, 31) },
      "BCD\n002\n1\nSCT\nESSESESS123\nKassa AB\nSE4550000000058398257466\nEUR1.00\n\n"
      "RF18539007547034\n\nReqdExctnDt/2026-01-31" },
    /* text and a due date: the empty reference line keeps its place */
    { { NULL, "Kassa Oy", "FI2112345600000785", 123456, NULL, "Invoice 1000", ymd (2025, 12, 1) },
      "BCD\n002\n1\nSCT\n\nKassa Oy\nFI2112345600000785\nEUR1234.56\n\n\nInvoice 1000\n"
      "ReqdExctnDt/2025-12-01" },
    /* only a due date: purpose, reference and text stay empty before it */
    { { NULL, "Kassa Oy", "FI2112345600000785", 10, NULL, NULL, ymd (2024, 2, 29) },
      "BCD\n002\n1\nSCT\n\nKassa Oy\nFI2112345600000785\nEUR0.10\n\n\n\n"
      "ReqdExctnDt/2024-02-29" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *payload = NULL;

      g_test_message ("payload case %u", i + 1);
      payload = kassa_epc_qr_payload (&cases[i].payment, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (payload, ==, cases[i].expected);
    }
}

static char *
repeat (const char *text,
        guint       times)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (out, text);

  return g_string_free (out, FALSE);
}

/* Bytes with no BIC, an 18-character IBAN, "EUR1.00" and a due date:
 * 14 ("BCD\n002\n1\nSCT\n") + 1 + name + 1 + 19 + 8 + 1 + 1 + text + 23
 * = 68 + name + text.  A 140-character text leaves 263 − 140 = 123 bytes
 * of name for exactly 331: 53 × "ä" (106 bytes) + 17 × "a" is 70
 * characters and 123 bytes; 54 × "ä" + 16 × "a" is 124 bytes. */
static void
test_payload_size (void)
{
  g_autofree char *umlauts_53 = repeat ("\xc3\xa4", 53);
  g_autofree char *umlauts_54 = repeat ("\xc3\xa4", 54);
  g_autofree char *a_17 = repeat ("a", 17);
  g_autofree char *a_16 = repeat ("a", 16);
  g_autofree char *fits = g_strconcat (umlauts_53, a_17, NULL);
  g_autofree char *too_big = g_strconcat (umlauts_54, a_16, NULL);
  g_autofree char *text = repeat ("x", 140);
  KassaEpcPayment payment = { NULL, fits, "FI2112345600000785", 100, NULL, text,
                              ymd (2026, 3, 1) };
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *refused = NULL;

  g_assert_cmpint (g_utf8_strlen (fits, -1), ==, 70);
  g_assert_cmpint (g_utf8_strlen (too_big, -1), ==, 70);

  payload = kassa_epc_qr_payload (&payment, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (payload), ==, 331);
  g_assert_true (g_str_has_suffix (payload, "xxx\nReqdExctnDt/2026-03-01"));

  payment.name = too_big;
  refused = kassa_epc_qr_payload (&payment, &error);
  g_assert_null (refused);
  g_assert_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_INVALID);
}

static void
test_payload_refused (void)
{
  g_autofree char *name_71 = repeat ("n", 71);
  g_autofree char *name_70 = repeat ("\xc3\xb6", 70);
  g_autofree char *text_141 = repeat ("t", 141);
  const char *iban = "FI2112345600000785";
  KassaEpcPayment cases[] = {
    { NULL, "Kassa Oy", iban, 0, NULL, NULL, 0 },                          /* amount 0 */
    { NULL, "Kassa Oy", iban, -100, NULL, NULL, 0 },                       /* credit note */
    { NULL, "Kassa Oy", iban, G_GINT64_CONSTANT (100000000000), NULL, NULL, 0 },
    { NULL, "", iban, 100, NULL, NULL, 0 },
    { NULL, "   ", iban, 100, NULL, NULL, 0 },
    { NULL, NULL, iban, 100, NULL, NULL, 0 },
    { NULL, name_71, iban, 100, NULL, NULL, 0 },
    { NULL, "Kassa\nOy", iban, 100, NULL, NULL, 0 },
    { NULL, "Kassa \xff Oy", iban, 100, NULL, NULL, 0 },                   /* not UTF-8 */
    { NULL, "Kassa Oy", "FI21 1234 5600 0007 86", 100, NULL, NULL, 0 },    /* IBAN typo */
    { NULL, "Kassa Oy", NULL, 100, NULL, NULL, 0 },
    { NULL, "Kassa Oy", "", 100, NULL, NULL, 0 },
    { "OKOY", "Kassa Oy", iban, 100, NULL, NULL, 0 },                      /* BIC too short */
    { "OKOYFIHHX", "Kassa Oy", iban, 100, NULL, NULL, 0 },                 /* 9 characters */
    { "0KOYFIHH", "Kassa Oy", iban, 100, NULL, NULL, 0 },
    { NULL, "Kassa Oy", iban, 100, "RF10868516259619897", NULL, 0 },       /* bad RF check */
    { NULL, "Kassa Oy", iban, 100, "868516259619898", NULL, 0 },           /* bad FI check */
    { NULL, "Kassa Oy", iban, 100, NULL, text_141, 0 },
    { NULL, "Kassa Oy", iban, 100, NULL, "two\nlines", 0 },
    { NULL, "Kassa Oy", iban, 100, NULL, NULL, -1 },                       /* no such day */
    /* 70 characters are fine, but with this text and date 348 bytes are
     * not: 68 + 140 + 140 */
    { NULL, name_70, iban, 100, NULL, text_141 + 1, ymd (2026, 3, 1) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *payload = NULL;

      g_test_message ("refused case %u", i + 1);
      payload = kassa_epc_qr_payload (&cases[i], &error);
      g_assert_null (payload);
      g_assert_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_INVALID);
    }

  /* the 70-character name alone fits */
  {
    KassaEpcPayment payment = { NULL, name_70, iban, 100, NULL, NULL, 0 };
    g_autofree char *payload = kassa_epc_qr_payload (&payment, NULL);

    g_assert_nonnull (payload);
    g_assert_true (strstr (payload, name_70) != NULL);
  }
}

static char *
zbarimg_path (void)
{
  const char *path = g_getenv ("KASSA_ZBARIMG");

  if (path != NULL && *path != '\0')
    return g_strdup (path);

  return g_find_program_in_path ("zbarimg");
}

/* Modules per side of the symbol kassa_epc_qr_draw() makes, quiet zone
 * included, so that the test can draw whole pixels per module. */
static int
symbol_modules (const char *payload)
{
  QRcode *code = QRcode_encodeString (payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  int modules;

  g_assert_nonnull (code);
  modules = code->width + 8;
  QRcode_free (code);

  return modules;
}

/* Renders @payload at 6 pixels per module and reads it back with zbar. */
static char *
decode_with_zbar (const char *zbarimg,
                  const char *payload)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kassa-epc-XXXXXX", &error);
  g_autofree char *png = NULL;
  g_autofree char *output = NULL;
  /* -Sbinary: the bytes as they are; without it zbar guesses a character
   * set and reads UTF-8 "ö" as Shift-JIS. */
  const char *argv[] = { zbarimg, "--raw", "-q", "-Sbinary", NULL, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  int status;

  g_assert_no_error (error);
  png = g_build_filename (dir, "epc.png", NULL);

  /* 331 bytes need version 13 at level M: (69 + 8) × 6 = 462 pixels. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 480, 480);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_paint (cr);
  g_assert_true (kassa_epc_qr_draw (cr, payload, 10, 10, 6 * symbol_modules (payload), &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  argv[4] = png;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &output, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (png);
  g_rmdir (dir);

  /* Some zbarimg versions end a symbol with a newline of their own; a
   * payload never ends with one. */
  if (g_str_has_suffix (output, "\n"))
    output[strlen (output) - 1] = '\0';
  return g_steal_pointer (&output);
}

static void
test_draw_zbar (void)
{
  g_autofree char *zbarimg = zbarimg_path ();
  const char *payloads[] = {
    PUBLISHED_PAYLOAD,
    "BCD\n002\n1\nSCT\n\nP\xc3\xb6ll\xc3\xb6 & S\xc3\xa4\xc3\xa4ti\xc3\xb6 Oy\n"
    "FI2112345600000785\nEUR0.01\n\n\nLasku 1000",
    NULL,
  };
  g_autofree char *umlauts = repeat ("\xc3\xa4", 53);
  g_autofree char *name = g_strconcat (umlauts, "aaaaaaaaaaaaaaaaa", NULL);
  g_autofree char *text = repeat ("x", 140);
  KassaEpcPayment largest = { NULL, name, "FI2112345600000785", 100, NULL, text,
                              ymd (2026, 3, 1) };
  g_autofree char *largest_payload = kassa_epc_qr_payload (&largest, NULL);

  if (zbarimg == NULL)
    {
      g_test_skip ("zbarimg is not installed");
      return;
    }

  /* the largest payload (331 bytes, version 13) as well */
  g_assert_cmpuint (strlen (largest_payload), ==, 331);
  payloads[G_N_ELEMENTS (payloads) - 1] = largest_payload;

  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    {
      g_autofree char *decoded = decode_with_zbar (zbarimg, payloads[i]);

      g_test_message ("payload %u", i + 1);
      g_assert_cmpstr (decoded, ==, payloads[i]);
    }
}

/* The quiet zone is white and the symbol stays inside the square. */
static void
test_draw_bounds (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 300);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;
  const guint32 *pixels;
  int stride;
  int dark_inside = 0;

  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_paint (cr);
  g_assert_true (kassa_epc_qr_draw (cr, PUBLISHED_PAYLOAD, 50, 50, 200, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = (const guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  g_assert_cmphex (pixels[10 * stride + 10] & 0xffffff, ==, 0x0000ff);     /* outside */
  g_assert_cmphex (pixels[52 * stride + 52] & 0xffffff, ==, 0xffffff);     /* quiet zone */
  g_assert_cmphex (pixels[247 * stride + 247] & 0xffffff, ==, 0xffffff);
  g_assert_cmphex (pixels[255 * stride + 255] & 0xffffff, ==, 0x0000ff);
  for (int y = 50; y < 250; y++)
    for (int x = 50; x < 250; x++)
      dark_inside += (pixels[y * stride + x] & 0xffffff) == 0;
  g_assert_cmpint (dark_inside, >, 200 * 200 / 5);

  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/epc-qr/payload", test_payload);
  g_test_add_func ("/epc-qr/payload-size", test_payload_size);
  g_test_add_func ("/epc-qr/payload-refused", test_payload_refused);
  g_test_add_func ("/epc-qr/draw-bounds", test_draw_bounds);
  g_test_add_func ("/epc-qr/draw-zbar", test_draw_zbar);

  return g_test_run ();
}
