/* test-invoice-document.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Invoice PDFs from a real company file: the key texts (read back with
 * pdftotext) in each document language, page flow of a long invoice with
 * nothing outside the printable area, credit notes, drafts refused, the
 * bank barcode and EPC QR code decoded from the drawn pages, and PDF
 * writes that fail cleanly.
 *
 * The invoice used throughout (worked by hand):
 *   3.000 × 60.00 − 10 %  = 162.00 net at 25.5 % → VAT 41.31
 *   2.500 × 28.00         =  70.00 net at 14 %   → VAT  9.80
 *   1.000 × 37.43         =  37.43 net at 10 %   → VAT  3.743 → 3.74
 *   net 269.43 + VAT 54.85 = 324.28
 * Number 2026001: reference 2026001 + 7-3-1 check digit (weights from the
 * right 7, 3, 1: 7 + 0 + 0 + 42 + 6 + 0 + 14 = 69 → 1) = 20260011, printed
 * "202 60011"; RF: 20260011 271500 mod 97 = 46 → 98 − 46 = 52 → RF52 2026 0011.
 */
#define G_LOG_DOMAIN "kassa-test-invoice-document"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <cairo.h>

#include "kassa-bank-barcode.h"
#include "kassa-date.h"
#include "kassa-invoice-document.h"
#include "kassa-store.h"
#include "kassa-pdf-test-support.h"
#include "kassa-test-fixture.h"

#define INVOICE_NUMBER 2026001
#define IBAN "FI79 4405 2020 0360 82"
#define CHINESE_NAME "北京示例贸易有限公司"

typedef struct
{
  char       *dir;
  KassaStore *store;
} Fixture;

/* Helpers: files and programs */

static guint
count_files (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  guint count = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    count++;
  g_dir_close (dir);

  return count;
}

/* The pages of the PDF as text, whitespace normalised, one per element. */
static GStrv
pdf_pages_text (const char *pdf)
{
  const char *args[] = { "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *output = run_tool ("pdftotext", args);
  g_auto(GStrv) pages = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (output == NULL)
    return NULL;

  pages = g_strsplit (output, "\f", -1);
  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autofree char *page = normalize_space (pages[i]);

      /* pdftotext ends with a form feed: no empty last page. */
      if (page[0] != '\0' || pages[i + 1] != NULL)
        g_strv_builder_add (builder, page);
    }

  return g_strv_builder_end (builder);
}

static char *
pdf_text (const char *pdf)
{
  g_auto(GStrv) pages = pdf_pages_text (pdf);

  return pages != NULL ? g_strjoinv (" ", pages) : NULL;
}

/* Helpers: the company file */

static KassaDay
ymd (int year,
     int month,
     int day)
{
  return kassa_day_from_ymd (year, month, day);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kassa-test-document-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "company.kassa", NULL);
  f->store = kassa_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kassa_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
save_company (Fixture              *f,
              KassaReferenceStyle   style,
              GBytes               *logo)
{
  g_autoptr(KassaCompany) company = kassa_company_new ();
  g_autoptr(GError) error = NULL;

  company->name = g_strdup ("Esimerkki Palvelut Oy");
  company->business_id = g_strdup ("1234567-8");
  company->vat_id = g_strdup ("FI12345678");
  company->address = g_strdup ("Mannerheimintie 12 B\n00100 Helsinki");
  company->email = g_strdup ("laskutus@esimerkki.fi");
  company->phone = g_strdup ("+358 40 123 4567");
  company->iban = g_strdup (IBAN);
  company->bic = g_strdup ("HELSFIHH");
  company->next_invoice_number = INVOICE_NUMBER;
  company->late_interest_bp = 1150;
  company->reference_style = style;
  company->logo = logo != NULL ? g_bytes_ref (logo) : NULL;
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);
}

static gint64
add_customer (Fixture    *f,
              const char *name,
              const char *language)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  customer->name = g_strdup (name);
  customer->contact_person = g_strdup ("Maija Meikäläinen");
  customer->address = g_strdup ("Asiakaskatu 5\n33100 Tampere");
  customer->business_id = g_strdup ("7654321-9");
  g_free (customer->document_language);
  customer->document_language = g_strdup (language);
  g_assert_true (kassa_store_save_customer (f->store, customer, &error));
  g_assert_no_error (error);

  return customer->id;
}

static void
add_line (KassaInvoiceRecord *invoice,
          const char         *description,
          gint64              quantity,
          gint64              unit_price,
          gint                vat_rate,
          gint                discount)
{
  KassaInvoiceLine *line = kassa_invoice_line_new ();

  line->description = g_strdup (description);
  line->quantity = quantity;
  line->unit_price = unit_price;
  line->vat_rate = vat_rate;
  line->discount = discount;
  g_ptr_array_add (invoice->lines, line);
}

/* The hand-worked three-line invoice of 324.28, issued 2 March 2026, due
 * 16 March; sent unless keep_draft. */
static gint64
add_invoice (Fixture  *f,
             gint64    customer_id,
             guint     extra_lines,
             gboolean  keep_draft)
{
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  g_autoptr(GError) error = NULL;

  invoice->customer_id = customer_id;
  invoice->issue_date = ymd (2026, 3, 2);
  invoice->due_date = ymd (2026, 3, 16);
  invoice->notes = g_strdup ("Thank you for your order.");
  add_line (invoice, "Consulting", 3000, 6000, 2550, 1000);
  add_line (invoice, "Printed manuals", 2500, 2800, 1400, 0);
  add_line (invoice, "Books", 1000, 3743, 1000, 0);

  /* Long tables: varied descriptions, some of them wrapping. */
  for (guint i = 0; i < extra_lines; i++)
    {
      g_autofree char *description = g_strdup_printf (i % 7 == 3 ? "Item %03u installation and configuration "
                                                      "of the customer's network equipment on site, "
                                                      "including travel and a written report" : "Item %03u",
                                                      i + 4);

      add_line (invoice, description, 1000 + i * 250, 1999 + i, 2550, i % 5 == 0 ? 500 : 0);
    }

  g_assert_true (kassa_store_save_invoice (f->store, invoice, &error));
  g_assert_no_error (error);
  if (!keep_draft)
    {
      g_assert_true (kassa_store_send_invoice (f->store, invoice->id, &error));
      g_assert_no_error (error);
    }

  return invoice->id;
}

static void
pay (Fixture *f,
     gint64   invoice_id,
     gint64   amount)
{
  g_autoptr(KassaPayment) payment = kassa_payment_new ();
  g_autoptr(GError) error = NULL;

  payment->invoice_id = invoice_id;
  payment->date = ymd (2026, 3, 10);
  payment->amount = amount;
  g_assert_true (kassa_store_add_payment (f->store, payment, FALSE, &error));
  g_assert_no_error (error);
}

static KassaInvoiceDocument *
open_document (Fixture *f,
               gint64   invoice_id)
{
  g_autoptr(GError) error = NULL;
  KassaInvoiceDocument *document = kassa_invoice_document_new (f->store, invoice_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static char *
write_pdf (Fixture              *f,
           KassaInvoiceDocument *document,
           const char           *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (kassa_invoice_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

/* Helpers: pixels */

static cairo_surface_t *
render_region (KassaInvoiceDocument *document,
               int                   page,
               double                x,
               double                y,
               double                width,
               double                height,
               double                scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         (int) ceil (width * scale),
                                                         (int) ceil (height * scale));
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -x, -y);
  kassa_invoice_document_draw_page (document, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static gboolean
is_white (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

  return (pixel & 0xffffff) == 0xffffff;
}

/* Tests */

typedef struct
{
  const char *language;
  const char *customer;
  const char *total;
  const char *due_date;
} LanguageCase;

static const LanguageCase language_cases[] = {
  { "fi", "Asiakas Oy", "324,28 €", "16.3.2026" },
  { "sv", "Kund Ab", "324,28 €", "2026-03-16" },
  { "en", "Customer Ltd", "€324.28", "2026-03-16" },
  { "zh_CN", CHINESE_NAME, "€324.28", "2026-03-16" },
};

#define VIRTUAL_BARCODE_V4 "479440520200360820003242800000000000000020260011260316"

static void
test_key_texts (Fixture       *f,
                gconstpointer  data)
{
  const LanguageCase *lang = data;
  g_autoptr(KassaInvoiceDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *filename = NULL;
  gint64 invoice;

  save_company (f, KASSA_REFERENCE_STYLE_FINNISH, NULL);
  invoice = add_invoice (f, add_customer (f, lang->customer, lang->language), 0, FALSE);
  document = open_document (f, invoice);
  g_assert_cmpint (kassa_invoice_document_get_n_pages (document), ==, 1);
  g_assert_cmpstr (kassa_invoice_document_get_virtual_barcode (document), ==, VIRTUAL_BARCODE_V4);
  g_assert_nonnull (kassa_invoice_document_get_epc_payload (document));

  filename = kassa_invoice_document_suggest_filename (document);
  g_assert_true (g_str_has_suffix (filename, ".pdf"));
  g_assert_nonnull (strstr (filename, "2026001"));
  g_assert_null (strchr (filename, '/'));

  path = write_pdf (f, document, filename);
  pdf = pdf_text (path);
  if (pdf == NULL)
    return;

  g_test_message ("%s: %s", lang->language, pdf);
  assert_contains (pdf, "2026001");
  assert_contains (pdf, lang->customer);
  assert_contains (pdf, lang->total);
  assert_contains (pdf, lang->due_date);
  assert_contains (pdf, "202 60011");
  assert_contains (pdf, VIRTUAL_BARCODE_V4);
  assert_contains (pdf, "FI79 4405 2020 0360 82");
  assert_contains (pdf, "Esimerkki Palvelut Oy");
  assert_contains (pdf, "1234567-8");
  assert_contains (pdf, "Consulting");
  /* Nothing was lost on the way: no replacement characters or tofu. */
  g_assert_null (strstr (pdf, "\xef\xbf\xbd"));
  g_assert_null (strstr (pdf, "?"));
}

/* Partly paid: the slip, the barcode (version 5 with the RF reference) and
 * the QR code ask for the 224.28 still open. */
static void
test_partly_paid_rf (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KassaInvoiceDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  const char *payload;
  gint64 invoice;

  save_company (f, KASSA_REFERENCE_STYLE_RF, NULL);
  invoice = add_invoice (f, add_customer (f, "Customer Ltd", "en"), 0, FALSE);
  pay (f, invoice, 10000);

  document = open_document (f, invoice);
  g_assert_cmpstr (kassa_invoice_document_get_virtual_barcode (document), ==,
                   "579440520200360820002242852000000000000020260011260316");
  payload = kassa_invoice_document_get_epc_payload (document);
  g_assert_nonnull (strstr (payload, "\nEUR224.28\n"));
  g_assert_nonnull (strstr (payload, "\nRF5220260011\n"));
  g_assert_nonnull (strstr (payload, "\nFI7944052020036082\n"));
  g_assert_true (g_str_has_suffix (payload, "ReqdExctnDt/2026-03-16"));

  path = write_pdf (f, document, "paid.pdf");
  pdf = pdf_text (path);
  if (pdf == NULL)
    return;
  assert_contains (pdf, "RF52 2026 0011");
  assert_contains (pdf, "Paid −€100.00");
  assert_contains (pdf, "Amount due €224.28");
  assert_contains (pdf, "€324.28");
}

static void
test_long_invoice (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KassaInvoiceDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages_line = NULL;
  g_autofree char *info_text = NULL;
  g_autofree char *all = NULL;
  g_auto(GStrv) pages = NULL;
  const char *info_args[2] = { NULL, NULL };
  int n_pages;

  save_company (f, KASSA_REFERENCE_STYLE_FINNISH, NULL);
  document = open_document (f, add_invoice (f, add_customer (f, "Customer Ltd", "en"), 77, FALSE));
  n_pages = kassa_invoice_document_get_n_pages (document);
  g_test_message ("80 lines: %d pages", n_pages);
  g_assert_cmpint (n_pages, >=, 2);

  path = write_pdf (f, document, "long.pdf");
  info_args[0] = path;
  info = run_tool ("pdfinfo", info_args);
  if (info == NULL)
    return;
  pages_line = g_strdup_printf ("Pages: %d ", n_pages);
  info_text = normalize_space (info);
  g_assert_nonnull (strstr (info_text, pages_line));

  pages = pdf_pages_text (path);
  g_assert_cmpuint (g_strv_length (pages), ==, (guint) n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %d / %d", i + 1, n_pages);

      assert_contains (pages[i], footer);
      assert_contains (pages[i], "Esimerkki Palvelut Oy · Business ID 1234567-8");
      /* The header row on every page that has lines. */
      if (strstr (pages[i], "Item ") != NULL)
        assert_contains (pages[i], "Description Quantity Unit price Discount VAT Amount");
    }

  /* Every line is printed once, in order, and the totals and payment
   * information end the document. */
  assert_contains (pages[0], "Consulting");
  assert_contains (pages[n_pages - 1], "Payment information");
  assert_contains (pages[n_pages - 1], "Total");
  all = g_strjoinv (" ", pages);
  for (guint line = 4; line <= 80; line++)
    {
      g_autofree char *label = g_strdup_printf ("Item %03u", line);
      const char *first = strstr (all, label);

      g_assert_nonnull (first);
      g_assert_null (strstr (first + 1, label));
      /* In order. */
      if (line > 4)
        {
          g_autofree char *previous = g_strdup_printf ("Item %03u", line - 1);

          g_assert_true (strstr (all, previous) < first);
        }
    }
}

/* Nothing is drawn outside the printable area on any page: a white border
 * of the page margins (sides 40 pt, top 30 pt, bottom 18 pt: the footer
 * sits just above it) at 1 px/pt. */
static void
assert_inside_printable_area (KassaInvoiceDocument *document)
{
  for (int page = 0; page < kassa_invoice_document_get_n_pages (document); page++)
    {
      cairo_surface_t *image = render_region (document, page, 0, 0, KASSA_DOCUMENT_PAGE_WIDTH,
                                              KASSA_DOCUMENT_PAGE_HEIGHT, 1.0);
      int width = cairo_image_surface_get_width (image);
      int height = cairo_image_surface_get_height (image);
      guint inked = 0;

      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            gboolean margin = x < 40 || x >= width - 40 || y < 30 || y >= height - 18;

            if (!is_white (image, x, y))
              {
                inked++;
                if (margin)
                  g_error ("page %d: ink at %d, %d outside the printable area", page + 1, x, y);
              }
          }

      /* The page is not blank either. */
      g_assert_cmpuint (inked, >, 2000);
      cairo_surface_destroy (image);
    }
}

static void
test_nothing_overflows (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(KassaInvoiceDocument) document = NULL;
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  save_company (f, KASSA_REFERENCE_STYLE_FINNISH, NULL);
  /* Names and addresses far longer than any field: they must wrap or be
   * cut, not run off the page. */
  customer->name = g_strnfill (300, 'W');
  customer->address = g_strdup ("Pitkäkatu 123456789012345678901234567890123456789012345678901234567890 A 1\n"
                                "00100 Helsinki");
  g_free (customer->document_language);
  customer->document_language = g_strdup ("fi");
  customer->business_id = g_strdup ("7654321-9");
  g_assert_true (kassa_store_save_customer (f->store, customer, &error));
  document = open_document (f, add_invoice (f, customer->id, 77, FALSE));

  assert_inside_printable_area (document);
}

/* n copies of line joined by newlines. */
static char *
repeated_lines (const char *line,
                guint       n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "\n" : "", line);

  return g_string_free (out, FALSE);
}

/* Free text has no length limit: an address of 60 lines, a description
 * of 150 short lines and notes of 200 lines are cut with an ellipsis
 * where they would push the page past its bottom; the totals and the
 * payment information still end the document. */
static void
test_long_free_text (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KassaInvoiceDocument) document = NULL;
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = repeated_lines ("Part", 150);
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  save_company (f, KASSA_REFERENCE_STYLE_FINNISH, NULL);
  customer->name = g_strdup ("Customer Ltd");
  customer->address = repeated_lines ("Address line", 60);
  g_free (customer->document_language);
  customer->document_language = g_strdup ("en");
  g_assert_true (kassa_store_save_customer (f->store, customer, &error));
  g_assert_no_error (error);

  invoice->customer_id = customer->id;
  invoice->issue_date = ymd (2026, 3, 2);
  invoice->due_date = ymd (2026, 3, 16);
  invoice->notes = repeated_lines ("A note", 200);
  add_line (invoice, "Consulting", 1000, 10000, 2550, 0);
  add_line (invoice, description, 1000, 5000, 2550, 0);
  g_assert_true (kassa_store_save_invoice (f->store, invoice, &error));
  g_assert_no_error (error);
  g_assert_true (kassa_store_send_invoice (f->store, invoice->id, &error));
  g_assert_no_error (error);

  document = open_document (f, invoice->id);
  assert_inside_printable_area (document);

  path = write_pdf (f, document, "long-text.pdf");
  pages = pdf_pages_text (path);
  if (pages == NULL)
    return;
  n_pages = g_strv_length (pages);
  /* 100.00 + 50.00 + 25.5 % = 188.25 */
  assert_contains (pages[n_pages - 1], "Total €188.25");
  assert_contains (pages[n_pages - 1], "Payment information");
  g_assert_null (strstr (pages[n_pages - 1], "Address line"));
}

/* Rows of body-text ink (darker than the muted labels) per column of an
 * image: the first and last such row in pixel columns [x0, x1). */
static gboolean
dark_rows (cairo_surface_t *image,
           int              x0,
           int              x1,
           int              y0,
           int              y1,
           int             *first,
           int             *last)
{
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);

  *first = -1;
  *last = -1;
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);

        if (((pixel >> 16) & 0xff) < 0x40 && ((pixel >> 8) & 0xff) < 0x40 && (pixel & 0xff) < 0x40)
          {
            if (*first < 0)
              *first = y;
            *last = y;
          }
      }

  return *first >= 0;
}

/* Amounts at the store's limits are printed whole (set smaller), never
 * ellipsized: 100 × 10,000,000,000.00 (the largest unit price) at 0 % VAT. */
static void
test_huge_amounts (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KassaInvoiceDocument) document = NULL;
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;

  save_company (f, KASSA_REFERENCE_STYLE_FINNISH, NULL);
  invoice->customer_id = add_customer (f, "Customer Ltd", "en");
  invoice->issue_date = ymd (2026, 3, 2);
  invoice->due_date = ymd (2026, 3, 16);
  add_line (invoice, "Power plant", 100000, G_GINT64_CONSTANT (1000000000000), 0, 0);
  g_assert_true (kassa_store_save_invoice (f->store, invoice, &error));
  g_assert_no_error (error);
  g_assert_true (kassa_store_send_invoice (f->store, invoice->id, &error));
  g_assert_no_error (error);

  document = open_document (f, invoice->id);
  /* Over 999,999.99: no bank barcode; over 999,999,999.99: no QR code. */
  g_assert_null (kassa_invoice_document_get_virtual_barcode (document));
  g_assert_null (kassa_invoice_document_get_epc_payload (document));
  assert_inside_printable_area (document);

  /* The line row at 4 px/pt, from x 250 pt: Quantity is 252.8–306.8 pt,
   * Unit price 306.8–378.8 pt.  "100" is set at the normal size; the unit
   * price, too wide for its column at that size, is set smaller (shorter
   * ink, commas included) instead of being cut with an ellipsis. */
  {
    cairo_surface_t *image = render_region (document, 0, 250, 200, 130, 300, 4.0);
    int top, bottom, qty_first, qty_last, price_first, price_last;

    g_assert_true (dark_rows (image, 12, 224, 0, 1200, &top, &bottom));
    g_assert_true (dark_rows (image, 12, 224, top - 16, top + 56, &qty_first, &qty_last));
    g_assert_true (dark_rows (image, 228, 512, top - 16, top + 56, &price_first, &price_last));
    g_test_message ("quantity ink %d px, unit price ink %d px",
                    qty_last - qty_first + 1, price_last - price_first + 1);
    g_assert_cmpint (price_last - price_first, <, qty_last - qty_first);
    cairo_surface_destroy (image);
  }

  path = write_pdf (f, document, "huge.pdf");
  pdf = pdf_text (path);
  if (pdf == NULL)
    return;
  assert_contains (pdf, "Power plant 100 10,000,000,000.00 0% 1,000,000,000,000.00");
  assert_contains (pdf, "Total €1,000,000,000,000.00");
  g_assert_null (strstr (pdf, "…"));
}

static void
test_credit_note (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KassaInvoiceDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *filename = NULL;
  cairo_rectangle_t barcode, qr;
  gint64 invoice, note;

  save_company (f, KASSA_REFERENCE_STYLE_FINNISH, NULL);
  invoice = add_invoice (f, add_customer (f, "Customer Ltd", "en"), 0, FALSE);
  pay (f, invoice, 10000);
  note = kassa_store_credit_invoice (f->store, invoice, ymd (2026, 3, 20), &error);
  g_assert_no_error (error);

  document = open_document (f, note);
  g_assert_null (kassa_invoice_document_get_virtual_barcode (document));
  g_assert_null (kassa_invoice_document_get_epc_payload (document));
  g_assert_false (kassa_invoice_document_get_code_areas (document, &barcode, &qr));
  filename = kassa_invoice_document_suggest_filename (document);
  g_assert_cmpstr (filename, ==, "Credit note 2026002 – Customer Ltd.pdf");

  path = write_pdf (f, document, filename);
  pdf = pdf_text (path);
  if (pdf == NULL)
    return;
  assert_contains (pdf, "CREDIT NOTE");
  assert_contains (pdf, "Credits invoice 2026001");
  assert_contains (pdf, "This credit note cancels invoice 2026001.");
  assert_contains (pdf, "Total −€324.28");
  /* 100.00 was paid on the invoice: that much goes back. */
  assert_contains (pdf, "To be refunded €100.00");
  g_assert_null (strstr (pdf, "Virtual bar code"));
  g_assert_null (strstr (pdf, "Payment information"));
  g_assert_null (strstr (pdf, "Due date"));
}

static void
test_draft_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KassaInvoiceDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 draft;

  save_company (f, KASSA_REFERENCE_STYLE_FINNISH, NULL);
  draft = add_invoice (f, add_customer (f, "Customer Ltd", "en"), 0, TRUE);

  document = kassa_invoice_document_new (f->store, draft, &error);
  g_assert_null (document);
  g_assert_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Send the invoice before printing it: a draft has no number yet.");
  g_clear_error (&error);

  document = kassa_invoice_document_new (f->store, 9999, &error);
  g_assert_null (document);
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
}

/* The bars drawn on the last page read back, at 4 px/pt, as the 54 digits. */
static void
test_barcode_decodes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KassaInvoiceDocument) document = NULL;
  cairo_rectangle_t barcode, qr;
  cairo_surface_t *image;
  int last, height, decoded = 0;

  save_company (f, KASSA_REFERENCE_STYLE_FINNISH, NULL);
  document = open_document (f, add_invoice (f, add_customer (f, "Asiakas Oy", "fi"), 40, FALSE));
  last = kassa_invoice_document_get_n_pages (document) - 1;
  g_assert_cmpint (last, >=, 1);
  g_assert_true (kassa_invoice_document_get_code_areas (document, &barcode, &qr));
  g_assert_cmpfloat (barcode.width, >, 200);
  g_assert_cmpfloat (barcode.y + barcode.height, <, KASSA_DOCUMENT_PAGE_HEIGHT - 40);

  image = render_region (document, last, barcode.x, barcode.y, barcode.width, barcode.height, 4.0);
  height = cairo_image_surface_get_height (image);
  for (int row = 4; row < height - 4; row += 8)
    {
      g_autofree char *digits = kassa_code128c_decode_row (image, row);

      g_assert_nonnull (digits);
      g_assert_cmpstr (digits, ==, kassa_invoice_document_get_virtual_barcode (document));
      decoded++;
    }
  g_assert_cmpint (decoded, >, 10);
  cairo_surface_destroy (image);

  /* A row through the middle of the whole page width finds it too. */
  image = render_region (document, last, 0, barcode.y, KASSA_DOCUMENT_PAGE_WIDTH, barcode.height, 4.0);
  {
    g_autofree char *digits = kassa_code128c_decode_row (image, cairo_image_surface_get_height (image) / 2);

    g_assert_cmpstr (digits, ==, kassa_invoice_document_get_virtual_barcode (document));
  }
  cairo_surface_destroy (image);
}

static void
test_qr_decodes (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KassaInvoiceDocument) document = NULL;
  g_autofree char *png = NULL;
  g_autofree char *output = NULL;
  cairo_rectangle_t barcode, qr;
  cairo_surface_t *image;
  const char *args[] = { "--raw", "-q", NULL, NULL };
  const char *payload;

  save_company (f, KASSA_REFERENCE_STYLE_FINNISH, NULL);
  document = open_document (f, add_invoice (f, add_customer (f, "Asiakas Oy", "fi"), 0, FALSE));
  payload = kassa_invoice_document_get_epc_payload (document);
  g_assert_nonnull (payload);
  g_assert_true (g_str_has_prefix (payload, "BCD\n"));
  g_assert_nonnull (strstr (payload, "\nEsimerkki Palvelut Oy\n"));
  g_assert_nonnull (strstr (payload, "\nEUR324.28\n"));
  g_assert_nonnull (strstr (payload, "\nRF5220260011\n"));

  g_assert_true (kassa_invoice_document_get_code_areas (document, &barcode, &qr));
  g_assert_cmpfloat (qr.width, >=, 90);
  /* The QR code and the barcode do not overlap. */
  g_assert_true (barcode.x + barcode.width <= qr.x || qr.y + qr.height <= barcode.y);

  image = render_region (document, 0, qr.x - 10, qr.y - 10, qr.width + 20, qr.height + 20, 4.0);
  png = g_build_filename (f->dir, "qr.png", NULL);
  g_assert_cmpint (cairo_surface_write_to_png (image, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (image);

  args[2] = png;
  output = run_tool ("zbarimg", args);
  if (output == NULL)
    return;
  g_strchomp (output);
  g_assert_cmpstr (output, ==, payload);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A red 400 × 100 PNG. */
static GBytes *
make_logo_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 100);
  cairo_t *cr = cairo_create (surface);
  GByteArray *bytes = g_byte_array_new ();

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, bytes), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (bytes);
}

static void
test_logo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GBytes) logo = make_logo_png ();
  g_autoptr(KassaInvoiceDocument) document = NULL;
  cairo_surface_t *image;
  const guint8 *pixels;
  int stride;

  save_company (f, KASSA_REFERENCE_STYLE_FINNISH, logo);
  document = open_document (f, add_invoice (f, add_customer (f, "Asiakas Oy", "fi"), 0, FALSE));
  image = render_region (document, 0, 0, 0, KASSA_DOCUMENT_PAGE_WIDTH, KASSA_DOCUMENT_PAGE_HEIGHT, 1.0);
  pixels = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);

  /* 400 × 100 scaled into the 50 × 20 mm box: 141.7 × 35.4 pt at the top
   * left margin (42.5, 36), keeping the aspect ratio. */
  for (guint i = 0; i < 4; i++)
    {
      static const int points[4][3] = {
        { 60, 50, TRUE }, { 180, 68, TRUE }, { 190, 50, FALSE }, { 60, 75, FALSE },
      };
      guint32 pixel = *(const guint32 *) (pixels + points[i][1] * stride + points[i][0] * 4);

      g_test_message ("logo pixel %d,%d = %06x", points[i][0], points[i][1], pixel & 0xffffff);
      g_assert_cmpint ((pixel & 0xffffff) == 0xff0000, ==, points[i][2]);
    }
  cairo_surface_destroy (image);
}

/* A Swedish company: OCR number, Bankgiro and PlusGiro; no Finnish bank
 * barcode, and no EPC QR code for a SEK invoice.  OCR of 2026001 with the
 * length digit (9 digits → 9) and Luhn: 20260019 → from the right
 * 9·2 → 9, 1, 0, 0, 6·2 → 3, 2, 0, 2: 17 → check digit 3 → 202600193. */
static void
test_swedish_company (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KassaCompany) company = kassa_company_new ();
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  g_autoptr(KassaInvoiceDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;

  company->name = g_strdup ("Exempel AB");
  company->business_id = g_strdup ("556677-8899");
  company->address = g_strdup ("Storgatan 1\n111 22 Stockholm");
  g_strlcpy (company->country, "SE", sizeof company->country);
  g_strlcpy (company->currency, "SEK", sizeof company->currency);
  g_free (company->bankgiro);
  company->bankgiro = g_strdup ("5050-1055");
  g_free (company->plusgiro);
  company->plusgiro = g_strdup ("4605-2");
  company->next_invoice_number = INVOICE_NUMBER;
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);

  invoice->customer_id = add_customer (f, "Kund AB", "sv");
  invoice->issue_date = ymd (2026, 3, 2);
  invoice->due_date = ymd (2026, 4, 1);
  g_strlcpy (invoice->currency, "SEK", sizeof invoice->currency);
  add_line (invoice, "Konsulttjänster", 2000, 95000, 2500, 0);
  g_assert_true (kassa_store_save_invoice (f->store, invoice, &error));
  g_assert_true (kassa_store_send_invoice (f->store, invoice->id, &error));
  g_assert_no_error (error);

  document = open_document (f, invoice->id);
  g_assert_null (kassa_invoice_document_get_virtual_barcode (document));
  g_assert_null (kassa_invoice_document_get_epc_payload (document));

  path = write_pdf (f, document, "faktura.pdf");
  pdf = pdf_text (path);
  if (pdf == NULL)
    return;
  /* 2 × 950.00 = 1 900.00 + 25 % = 2 375.00 kr */
  assert_contains (pdf, "OCR number 202600193");
  /* Labels above values in the payment information. */
  assert_contains (pdf, "Amount due Bankgiro PlusGiro");
  assert_contains (pdf, "5050-1055 4605-2");
  assert_contains (pdf, "2 375,00 kr");
  assert_contains (pdf, "30 days net");
  g_assert_null (strstr (pdf, "Virtual bar code"));
}

/* An invoice sent while the company was Swedish keeps its OCR number
 * 202600193 (no valid Finnish reference: the 7-3-1 check digit of
 * 20260019 is 8).  Printed after the company moved to Finland with RF
 * references, it gets no bank barcode, and the QR code names the invoice
 * instead of a reference. */
static void
test_foreign_reference (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(KassaCompany) company = NULL;
  g_autoptr(KassaInvoiceDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *payload;
  gint64 invoice;

  save_company (f, KASSA_REFERENCE_STYLE_RF, NULL);
  company = kassa_store_get_company (f->store);
  g_strlcpy (company->country, "SE", sizeof company->country);
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);
  invoice = add_invoice (f, add_customer (f, "Customer Ltd", "en"), 0, FALSE);

  g_clear_pointer (&company, kassa_company_free);
  company = kassa_store_get_company (f->store);
  g_strlcpy (company->country, "FI", sizeof company->country);
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);

  document = open_document (f, invoice);
  g_assert_null (kassa_invoice_document_get_virtual_barcode (document));
  payload = kassa_invoice_document_get_epc_payload (document);
  g_assert_nonnull (payload);
  g_assert_nonnull (strstr (payload, "\nEUR324.28\n"));
  g_assert_nonnull (strstr (payload, "\nInvoice 2026001"));
}

/* A customer name of any length gives a file name that can be written:
 * cut (at a character boundary) to at most 200 bytes. */
static void
test_long_filename (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KassaInvoiceDocument) document = NULL;
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *filename = NULL;
  g_autofree char *path = NULL;
  g_autofree char *near_limit = NULL;

  /* 150 × "Ä" (2 bytes each): the cut falls inside a character. */
  for (guint i = 0; i < 150; i++)
    g_string_append (long_name, "Ä");
  save_company (f, KASSA_REFERENCE_STYLE_FINNISH, NULL);
  document = open_document (f, add_invoice (f, add_customer (f, long_name->str, "en"), 0, FALSE));

  filename = kassa_invoice_document_suggest_filename (document);
  g_test_message ("%s", filename);
  g_assert_cmpuint (strlen (filename), <=, 200);
  g_assert_cmpuint (strlen (filename), >=, 190);
  g_assert_true (g_utf8_validate (filename, -1, NULL));
  g_assert_true (g_str_has_prefix (filename, "Invoice 2026001 – ÄÄÄ"));
  g_assert_true (g_str_has_suffix (filename, "Ä.pdf"));
  g_free (write_pdf (f, document, filename));

  /* A name of 255 bytes, the limit, can be written too. */
  near_limit = g_strnfill (251, 'n');
  path = g_strconcat (near_limit, ".pdf", NULL);
  g_free (write_pdf (f, document, path));
}

/* A PDF that cannot be written leaves nothing behind: not in a missing
 * folder, not over a folder, and an older file stays as it was. */
static void
test_write_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KassaInvoiceDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "invoice.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "a-folder", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  guint files_before;

  save_company (f, KASSA_REFERENCE_STYLE_FINNISH, NULL);
  document = open_document (f, add_invoice (f, add_customer (f, "Customer Ltd", "en"), 0, FALSE));

  g_assert_false (kassa_invoice_document_write_pdf (document, missing, &error));
  g_assert_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "invoice.pdf"));
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  files_before = count_files (f->dir);
  g_assert_false (kassa_invoice_document_write_pdf (document, folder, &error));
  g_assert_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_files (f->dir), ==, files_before);

  /* Writing over an older PDF replaces it whole. */
  path = g_build_filename (f->dir, "old.pdf", NULL);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (kassa_invoice_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_files (f->dir), ==, files_before + 1);
}

/* The build's real catalogs (po/ compiled by meson), when the test runs
 * under meson: the printed labels are in the customer's language. */
static char *build_catalogs;

static void
test_translated_labels (Fixture       *f,
                        gconstpointer  data)
{
  static const struct { const char *language; const char *labels[4]; } cases[] = {
    { "fi",    { "LASKU", "Eräpäivä", "Viitenumero", "Virtuaaliviivakoodi" } },
    { "sv",    { "FAKTURA", "Förfallodag", "Referensnummer", "Virtuell streckkod" } },
    { "zh_CN", { "发票", "到期日", "付款参考号", "虚拟条形码" } },
  };

  if (build_catalogs == NULL)
    {
      g_test_skip ("KASSA_LOCALEDIR does not point at the build's catalogs");
      return;
    }

  g_setenv ("KASSA_LOCALEDIR", build_catalogs, TRUE);
  save_company (f, KASSA_REFERENCE_STYLE_FINNISH, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KassaInvoiceDocument) document = NULL;
      g_autofree char *name = g_strdup_printf ("Customer %u", i);
      g_autofree char *file = g_strdup_printf ("translated-%s.pdf", cases[i].language);
      g_autofree char *path = NULL;
      g_autofree char *pdf = NULL;

      document = open_document (f, add_invoice (f, add_customer (f, name, cases[i].language), 0, FALSE));
      path = write_pdf (f, document, file);
      pdf = pdf_text (path);
      if (pdf == NULL)
        break;
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].labels); j++)
        assert_contains (pdf, cases[i].labels[j]);
    }
  g_unsetenv ("KASSA_LOCALEDIR");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* The layout tests read English labels (no catalog); one test below
   * checks the real translations. */
  if (g_getenv ("KASSA_LOCALEDIR") != NULL &&
      g_file_test (g_getenv ("KASSA_LOCALEDIR"), G_FILE_TEST_IS_DIR))
    build_catalogs = g_strdup (g_getenv ("KASSA_LOCALEDIR"));
  g_setenv ("KASSA_LOCALEDIR", "/nonexistent", TRUE);

#define ADD(name, data, func) \
  g_test_add (name, Fixture, data, fixture_set_up, func, fixture_tear_down)

  for (guint i = 0; i < G_N_ELEMENTS (language_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/documents/invoice/texts/%s", language_cases[i].language);

      ADD (name, &language_cases[i], test_key_texts);
    }
  ADD ("/documents/invoice/partly-paid-rf", NULL, test_partly_paid_rf);
  ADD ("/documents/invoice/long", NULL, test_long_invoice);
  ADD ("/documents/invoice/nothing-overflows", NULL, test_nothing_overflows);
  ADD ("/documents/invoice/credit-note", NULL, test_credit_note);
  ADD ("/documents/invoice/draft-refused", NULL, test_draft_refused);
  ADD ("/documents/invoice/barcode-decodes", NULL, test_barcode_decodes);
  ADD ("/documents/invoice/qr-decodes", NULL, test_qr_decodes);
  ADD ("/documents/invoice/logo", NULL, test_logo);
  ADD ("/documents/invoice/write-errors", NULL, test_write_errors);
  ADD ("/documents/invoice/swedish-company", NULL, test_swedish_company);
  ADD ("/documents/invoice/translated-labels", NULL, test_translated_labels);
  ADD ("/documents/invoice/foreign-reference", NULL, test_foreign_reference);
  ADD ("/documents/invoice/long-filename", NULL, test_long_filename);
  ADD ("/documents/invoice/long-free-text", NULL, test_long_free_text);
  ADD ("/documents/invoice/huge-amounts", NULL, test_huge_amounts);

#undef ADD

  return g_test_run ();
}
