/* test-collection-document.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reminder letters and statements from a real company file, read back
 * with pdftotext: amounts, interest and fees recorded on collection
 * events, totals and the pay-by date; the title following the dunning
 * step; the bank barcode of a one-invoice reminder decoded from the drawn
 * page; a statement with a credit note, today and on earlier days; 60
 * invoices over several pages; refusals; nothing in the page margins.
 *
 * Company: FI, EUR, IBAN FI79 4405 2020 0360 82.  Today is 2026-11-24.
 * Invoices (worked by hand, 25.5 % VAT):
 *   2026001  100.00 net → 125.50, issued 2026-09-01, due 2026-09-15,
 *            reference 2026001 + 7-3-1 check digit 1 = 20260011;
 *            70 days overdue (15 in September, 31 in October, 24).
 *   2026002  200.00 net → 251.00, issued 2026-09-20, due 2026-10-04,
 *            reference 20260024 (2·7 + 0 + 0 + 6·7 + 2·3 + 0 + 2·7 = 76
 *            → 4); 51.00 paid on 2026-10-10 → 200.00 open; 51 days
 *            overdue (27 in October, 24).
 * Collection events:
 *   2026001  reminder 1  2026-09-22  fee 5.00  interest 0.10
 *            reminder 2  2026-10-20  fee 5.00  interest 1.23
 *            phone call  2026-10-25  no fee
 *   2026002  reminder 1  2026-11-17  fee 40.00 interest 0.50, pay by 2026-12-01
 * Reminder lines: 2026001 125.50 + interest 1.23 (the latest step's) +
 * fees 10.00 = 136.73; 2026002 200.00 + 0.50 + 40.00 = 240.50.  Totals:
 * open 325.50, interest 1.73, fees 50.00, to pay 377.23 by 2026-12-01 (the
 * latest step's pay-by date); the highest step is reminder 2.
 */
#define G_LOG_DOMAIN "kassa-test-collection-document"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <cairo.h>

#include "kassa-bank-barcode.h"
#include "kassa-collection-document.h"
#include "kassa-date.h"
#include "kassa-invoice-document.h"
#include "kassa-money.h"
#include "kassa-store-collections.h"
#include "kassa-pdf-test-support.h"
#include "kassa-test-fixture.h"

#define IBAN "FI79 4405 2020 0360 82"

typedef struct
{
  char       *dir;
  KassaStore *store;
  gint64      customer;
} Fixture;

/* Helpers: programs and text */

static void
assert_lacks (const char *text,
              const char *unexpected)
{
  if (strstr (text, unexpected) != NULL)
    g_error ("“%s” found in:\n%s", unexpected, text);
}

/* The pages of the PDF as text in drawing order (a wrapped title or table
 * header stays together, a table row reads left to right), whitespace
 * normalised, one per element; NULL when pdftotext is missing. */
static GStrv
pdf_pages_text (const char *pdf)
{
  const char *args[] = { "-raw", "-enc", "UTF-8", pdf, "-", NULL };
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

#define TODAY ymd (2026, 11, 24)

static gint64
add_customer (Fixture    *f,
              const char *name)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  customer->name = g_strdup (name);
  customer->contact_person = g_strdup ("Maija Meikäläinen");
  customer->address = g_strdup ("Asiakaskatu 5\n33100 Tampere");
  customer->business_id = g_strdup ("7654321-9");
  g_free (customer->document_language);
  customer->document_language = g_strdup ("en");
  g_assert_true (kassa_store_save_customer (f->store, customer, &error));
  g_assert_no_error (error);

  return customer->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KassaCompany) company = kassa_company_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kassa-test-collection-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "company.kassa", NULL);
  f->store = kassa_store_open (path, &error);
  g_assert_no_error (error);

  company->name = g_strdup ("Esimerkki Palvelut Oy");
  company->business_id = g_strdup ("1234567-8");
  company->address = g_strdup ("Mannerheimintie 12 B\n00100 Helsinki");
  company->email = g_strdup ("laskutus@esimerkki.fi");
  company->iban = g_strdup (IBAN);
  company->bic = g_strdup ("HELSFIHH");
  company->next_invoice_number = 2026001;
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);

  f->customer = add_customer (f, "Customer Ltd");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kassa_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* A one-line invoice of net at 25.5 % VAT; sent unless keep_draft. */
static gint64
add_invoice_for (Fixture  *f,
                 gint64    customer,
                 gint64    net,
                 KassaDay  issue_date,
                 KassaDay  due_date,
                 gboolean  keep_draft)
{
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  g_autoptr(GError) error = NULL;
  KassaInvoiceLine *line = kassa_invoice_line_new ();

  line->description = g_strdup ("Consulting");
  line->quantity = 1000;
  line->unit_price = net;
  line->vat_rate = 2550;
  g_ptr_array_add (invoice->lines, line);
  invoice->customer_id = customer;
  invoice->issue_date = issue_date;
  invoice->due_date = due_date;
  g_assert_true (kassa_store_save_invoice (f->store, invoice, &error));
  g_assert_no_error (error);
  if (!keep_draft)
    {
      g_assert_true (kassa_store_send_invoice (f->store, invoice->id, &error));
      g_assert_no_error (error);
    }

  return invoice->id;
}

static gint64
add_invoice (Fixture  *f,
             gint64    net,
             KassaDay  issue_date,
             KassaDay  due_date)
{
  return add_invoice_for (f, f->customer, net, issue_date, due_date, FALSE);
}

static void
pay (Fixture  *f,
     gint64    invoice_id,
     KassaDay  date,
     gint64    amount)
{
  g_autoptr(KassaPayment) payment = kassa_payment_new ();
  g_autoptr(GError) error = NULL;

  payment->invoice_id = invoice_id;
  payment->date = date;
  payment->amount = amount;
  g_assert_true (kassa_store_add_payment (f->store, payment, FALSE, &error));
  g_assert_no_error (error);
}

static void
add_event (Fixture             *f,
           gint64               invoice_id,
           KassaCollectionKind  kind,
           KassaDay             date,
           gint64               fee,
           gint64               interest,
           KassaDay             due_by)
{
  g_autoptr(KassaCollectionEvent) event = kassa_collection_event_new ();
  g_autoptr(GError) error = NULL;

  event->customer_id = f->customer;
  event->invoice_id = invoice_id;
  event->kind = kind;
  event->date = date;
  event->fee = fee;
  event->interest = interest;
  event->due_by = due_by;
  g_assert_true (kassa_store_add_collection_event (f->store, event, &error));
  g_assert_no_error (error);
}

/* The two invoices and their events of the header comment. */
static void
add_two_reminded_invoices (Fixture *f,
                           gint64   ids[2])
{
  ids[0] = add_invoice (f, 10000, ymd (2026, 9, 1), ymd (2026, 9, 15));
  ids[1] = add_invoice (f, 20000, ymd (2026, 9, 20), ymd (2026, 10, 4));
  pay (f, ids[1], ymd (2026, 10, 10), 5100);

  add_event (f, ids[0], KASSA_COLLECTION_REMINDER_1, ymd (2026, 9, 22), 500, 10,
             ymd (2026, 10, 6));
  add_event (f, ids[0], KASSA_COLLECTION_REMINDER_2, ymd (2026, 10, 20), 500, 123,
             ymd (2026, 11, 3));
  add_event (f, ids[0], KASSA_COLLECTION_PHONE_CALL, ymd (2026, 10, 25), 0, 0, 0);
  add_event (f, ids[1], KASSA_COLLECTION_REMINDER_1, ymd (2026, 11, 17), 4000, 50,
             ymd (2026, 12, 1));
}

static KassaCollectionDocument *
open_reminder (Fixture      *f,
               const gint64 *ids,
               guint         n_ids)
{
  g_autoptr(GError) error = NULL;
  KassaCollectionDocument *document;

  document = kassa_reminder_document_new (f->store, f->customer, ids, n_ids, TODAY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static char *
write_pdf (Fixture                 *f,
           KassaCollectionDocument *document,
           const char              *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (kassa_collection_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

/* Helpers: pixels */

static cairo_surface_t *
render_region (KassaCollectionDocument *document,
               int                      page,
               double                   x,
               double                   y,
               double                   width,
               double                   height,
               double                   scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         (int) ceil (width * scale),
                                                         (int) ceil (height * scale));
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -x, -y);
  kassa_collection_document_draw_page (document, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* No ink in the page margins (sides 40 pt, top 30 pt, bottom 18 pt: the
 * footer sits just above it) at 1 px/pt, and the page is not blank. */
static void
assert_margins_blank (KassaCollectionDocument *document,
                      int                      page)
{
  cairo_surface_t *image = render_region (document, page, 0, 0, KASSA_DOCUMENT_PAGE_WIDTH,
                                          KASSA_DOCUMENT_PAGE_HEIGHT, 1.0);
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  guint inked = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);

        if ((pixel & 0xffffff) == 0xffffff)
          continue;
        inked++;
        if (x < 40 || x >= width - 40 || y < 30 || y >= height - 18)
          g_error ("page %d: ink at %d, %d in the margin", page + 1, x, y);
      }

  g_assert_cmpuint (inked, >, 2000);
  cairo_surface_destroy (image);
}

/* Tests */

static void
test_two_invoices (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KassaCollectionDocument) document = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  gint64 ids[2];

  add_two_reminded_invoices (f, ids);
  document = open_reminder (f, ids, 2);
  g_assert_cmpint (kassa_collection_document_get_n_pages (document), ==, 1);
  g_assert_cmpint (kassa_collection_document_get_level (document), ==, KASSA_COLLECTION_REMINDER_2);
  /* Two references: no codes on the slip. */
  g_assert_null (kassa_collection_document_get_virtual_barcode (document));
  g_assert_null (kassa_collection_document_get_epc_payload (document));
  g_assert_false (kassa_collection_document_get_code_areas (document, NULL, NULL));
  assert_margins_blank (document, 0);

  filename = kassa_collection_document_suggest_filename (document);
  g_assert_cmpstr (filename, ==, "Second payment reminder 1001 – Customer Ltd.pdf");

  path = write_pdf (f, document, filename);
  pdf = pdf_text (path);
  if (pdf == NULL)
    return;

  g_test_message ("%s", pdf);
  assert_contains (pdf, "SECOND PAYMENT REMINDER");
  assert_contains (pdf, "Date 2026-11-24");
  assert_contains (pdf, "Customer number 1001");
  assert_contains (pdf, "Pay by 2026-12-01");
  assert_contains (pdf, "Customer Ltd");
  assert_contains (pdf, "Despite our earlier reminder, the following invoices are still unpaid.");
  /* Number, dates, days overdue, reference, open, interest, fees, to pay. */
  assert_contains (pdf, "2026001 2026-09-01 2026-09-15 70 202 60011 125.50 1.23 10.00 136.73");
  assert_contains (pdf, "2026002 2026-09-20 2026-10-04 51 202 60024 200.00 0.50 40.00 240.50");
  assert_contains (pdf, "Open amount €325.50");
  assert_contains (pdf, "Interest €1.73");
  assert_contains (pdf, "Fees €50.00");
  assert_contains (pdf, "Total to pay €377.23");
  assert_contains (pdf, "Please pay €377.23 by 2026-12-01.");
  assert_contains (pdf, "Interest Act");
  assert_contains (pdf, "Please pay each invoice with its own reference shown above.");
  assert_contains (pdf, "FI79 4405 2020 0360 82");
  assert_contains (pdf, "HELSFIHH");
  assert_contains (pdf, "Page 1 / 1");
  assert_lacks (pdf, "Virtual bar code");
  /* Earlier interest is replaced by the latest step's, not added. */
  assert_lacks (pdf, "1.33");
}

/* One invoice: the slip asks for its total with its reference, and the
 * bank barcode carries it: version 4, IBAN digits 7944052020036082, euros
 * 000131, cents 73 (125.50 + interest 1.23 + fee 5.00 = 131.73), 000,
 * the reference in 20 digits, the pay-by date 261124 (the step's due_by
 * is today, still valid). */
#define SINGLE_BARCODE "479440520200360820001317300000000000000020260011261124"

static void
test_single_invoice (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KassaCollectionDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  cairo_rectangle_t barcode, qr;
  cairo_surface_t *image;
  const char *payload;
  int last, decoded = 0;
  gint64 id;

  id = add_invoice (f, 10000, ymd (2026, 9, 1), ymd (2026, 9, 15));
  add_event (f, id, KASSA_COLLECTION_REMINDER_1, ymd (2026, 11, 10), 500, 123, TODAY);
  document = open_reminder (f, &id, 1);

  g_assert_cmpstr (kassa_collection_document_get_virtual_barcode (document), ==, SINGLE_BARCODE);
  payload = kassa_collection_document_get_epc_payload (document);
  g_assert_nonnull (payload);
  g_assert_nonnull (strstr (payload, "\nEUR131.73\n"));
  g_assert_nonnull (strstr (payload, "\nRF5220260011\n"));
  g_assert_true (g_str_has_suffix (payload, "ReqdExctnDt/2026-11-24"));

  /* The drawn barcode reads back as the printed digits. */
  last = kassa_collection_document_get_n_pages (document) - 1;
  g_assert_true (kassa_collection_document_get_code_areas (document, &barcode, &qr));
  g_assert_cmpfloat (barcode.width, >, 300);
  g_assert_cmpfloat (barcode.y + barcode.height, <, KASSA_DOCUMENT_PAGE_HEIGHT - 40);
  image = render_region (document, last, barcode.x, barcode.y, barcode.width, barcode.height, 4.0);
  for (int row = 4; row < cairo_image_surface_get_height (image) - 4; row += 8)
    {
      g_autofree char *digits = kassa_code128c_decode_row (image, row);

      g_assert_cmpstr (digits, ==, SINGLE_BARCODE);
      decoded++;
    }
  g_assert_cmpint (decoded, >, 10);
  cairo_surface_destroy (image);
  assert_margins_blank (document, last);

  path = write_pdf (f, document, "single.pdf");
  pdf = pdf_text (path);
  if (pdf == NULL)
    return;
  assert_contains (pdf, "PAYMENT REMINDER");
  assert_contains (pdf, "Our records show that the following invoice is unpaid.");
  assert_contains (pdf, "2026001 2026-09-01 2026-09-15 70 202 60011 125.50 1.23 5.00 131.73");
  assert_contains (pdf, "Please pay €131.73 by 2026-11-24.");
  assert_contains (pdf, "Virtual bar code " SINGLE_BARCODE);
  assert_contains (pdf, "Reference");
  assert_lacks (pdf, "its own reference");
}

typedef struct
{
  int         kind;        /* the step recorded; 0 for none */
  const char *filename;
  const char *wording;     /* a piece of the letter */
} StepCase;

static const StepCase step_cases[] = {
  { 0, "Payment reminder 1001 – Customer Ltd.pdf", "If you have already paid it" },
  { KASSA_COLLECTION_REMINDER_1, "Payment reminder 1001 – Customer Ltd.pdf",
    "If you have already paid it" },
  { KASSA_COLLECTION_REMINDER_2, "Second payment reminder 1001 – Customer Ltd.pdf",
    "Despite our earlier reminder" },
  { KASSA_COLLECTION_PAYMENT_DEMAND, "Payment demand 1001 – Customer Ltd.pdf",
    "we will pass the claim to collection" },
  { KASSA_COLLECTION_LAWYER_LETTER, "Final demand before collection 1001 – Customer Ltd.pdf",
    "This is our final demand." },
  { KASSA_COLLECTION_COLLECTION_AGENCY, "Final demand before collection 1001 – Customer Ltd.pdf",
    "passed to a collection agency or to legal proceedings" },
  { KASSA_COLLECTION_LEGAL_ACTION, "Final demand before collection 1001 – Customer Ltd.pdf",
    "This is our final demand." },
};

/* The title and the wording follow the highest step; a non-dunning event
 * recorded later changes nothing, and without a pay-by date the letter
 * gives 14 days. */
static void
test_title_by_step (Fixture       *f,
                    gconstpointer  data)
{
  const StepCase *step = data;
  g_autoptr(KassaCollectionDocument) document = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *title = NULL;
  gint64 id;

  id = add_invoice (f, 10000, ymd (2026, 9, 1), ymd (2026, 9, 15));
  if (step->kind != 0)
    add_event (f, id, step->kind, ymd (2026, 11, 1), 0, 0, 0);
  add_event (f, id, KASSA_COLLECTION_NOTE, ymd (2026, 11, 20), 0, 0, 0);

  document = open_reminder (f, &id, 1);
  g_assert_cmpint (kassa_collection_document_get_level (document), ==, step->kind);
  filename = kassa_collection_document_suggest_filename (document);
  g_assert_cmpstr (filename, ==, step->filename);

  path = write_pdf (f, document, "step.pdf");
  pdf = pdf_text (path);
  if (pdf == NULL)
    return;
  /* The title in capitals begins the right-hand column. */
  title = g_utf8_strup (step->filename,
                        strlen (step->filename) - strlen (" 1001 – Customer Ltd.pdf"));
  assert_contains (pdf, title);
  assert_contains (pdf, step->wording);
  assert_contains (pdf, "Pay by 2026-12-08");
  assert_contains (pdf, "Please pay €125.50 by 2026-12-08.");
}

/* The statement as of today: 2026001 unpaid; 2026002 (251.00, 100.00
 * paid) credited on 2026-10-20 by credit note 2026003, which owes the
 * 100.00 back: −251.00 + (251.00 − 100.00) = −100.00; 2026004 (80.00 →
 * 100.40) not yet due; 2026005 paid in full, left out.  Balance 125.50 −
 * 100.00 + 100.40 = 125.90, of which overdue 125.50. */
static void
add_statement_invoices (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 credited, paid;

  add_invoice (f, 10000, ymd (2026, 9, 1), ymd (2026, 9, 15));
  credited = add_invoice (f, 20000, ymd (2026, 9, 20), ymd (2026, 10, 4));
  pay (f, credited, ymd (2026, 10, 10), 10000);
  kassa_store_credit_invoice (f->store, credited, ymd (2026, 10, 20), &error);
  g_assert_no_error (error);
  add_invoice (f, 8000, ymd (2026, 11, 10), ymd (2026, 11, 24));
  paid = add_invoice (f, 10000, ymd (2026, 10, 16), ymd (2026, 10, 30));
  pay (f, paid, ymd (2026, 10, 20), 12550);
}

static void
test_statement (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KassaCollectionDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *store_balance = NULL;
  g_autofree char *printed_balance = NULL;
  gint64 open, overdue;

  add_statement_invoices (f);
  document = kassa_statement_document_new (f->store, f->customer, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kassa_collection_document_get_n_pages (document), ==, 1);
  g_assert_null (kassa_collection_document_get_virtual_barcode (document));
  assert_margins_blank (document, 0);
  filename = kassa_collection_document_suggest_filename (document);
  g_assert_cmpstr (filename, ==, "Statement of account 1001 – Customer Ltd.pdf");

  /* Today the balance is the store's own figure. */
  kassa_store_get_customer_balance (f->store, f->customer, TODAY, &open, &overdue);
  g_assert_cmpint (open, ==, 12590);
  store_balance = kassa_money_format (open, "EUR", KASSA_LOCALE_EN);
  printed_balance = g_strconcat ("Balance ", store_balance, NULL);

  path = write_pdf (f, document, filename);
  pdf = pdf_text (path);
  if (pdf == NULL)
    return;
  g_test_message ("%s", pdf);
  assert_contains (pdf, "STATEMENT OF ACCOUNT");
  assert_contains (pdf, "As of 2026-11-24");
  assert_contains (pdf, "Customer number 1001");
  /* Kind, number, dates, days overdue, reference, amount, open. */
  assert_contains (pdf, "Invoice 2026001 2026-09-01 2026-09-15 70 202 60011 125.50 125.50");
  assert_contains (pdf, "Credit note 2026003 2026-10-20 −251.00 −100.00");
  assert_contains (pdf, "Invoice 2026004 2026-11-10 2026-11-24");
  assert_contains (pdf, "100.40 100.40");
  assert_contains (pdf, "Of which overdue €125.50 Balance €125.90");
  assert_contains (pdf, printed_balance);
  assert_contains (pdf, "Amount due €125.90");
  assert_contains (pdf, "A negative amount is owed to you.");
  assert_lacks (pdf, "2026002");
  assert_lacks (pdf, "2026005");
  assert_lacks (pdf, "Pay by");
}

typedef struct
{
  int         day;           /* of October 2026 */
  const char *rows[2];
  const char *balance;
} HistoryCase;

/* Earlier days count only the payments made by then, and the credited
 * invoice stands as it was until the credit note.  5 October: 2026001 20
 * days overdue, 2026002 1 day with nothing paid yet: 125.50 + 251.00 =
 * 376.50.  15 October: 51.00 … 100.00 paid on the 10th: 125.50 + 151.00 =
 * 276.50. */
static const HistoryCase history_cases[] = {
  { 5, { "2026001 2026-09-01 2026-09-15 20",
         "2026002 2026-09-20 2026-10-04 1 202 60024 251.00 251.00" },
    "Of which overdue €376.50 Balance €376.50" },
  { 15, { "2026001 2026-09-01 2026-09-15 30",
          "2026002 2026-09-20 2026-10-04 11 202 60024 251.00 151.00" },
    "Of which overdue €276.50 Balance €276.50" },
};

static void
test_statement_history (Fixture       *f,
                        gconstpointer  data)
{
  const HistoryCase *history = data;
  g_autoptr(KassaCollectionDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;

  add_statement_invoices (f);
  document = kassa_statement_document_new (f->store, f->customer, ymd (2026, 10, history->day),
                                           &error);
  g_assert_no_error (error);
  path = write_pdf (f, document, "history.pdf");
  pdf = pdf_text (path);
  if (pdf == NULL)
    return;
  assert_contains (pdf, history->rows[0]);
  assert_contains (pdf, history->rows[1]);
  assert_contains (pdf, history->balance);
  assert_lacks (pdf, "2026003");
  assert_lacks (pdf, "2026004");
  assert_lacks (pdf, "owed to you");
}

/* A customer without open invoices still gets a statement. */
static void
test_statement_empty (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KassaCollectionDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;

  document = kassa_statement_document_new (f->store, f->customer, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kassa_collection_document_get_n_pages (document), ==, 1);
  path = write_pdf (f, document, "empty.pdf");
  pdf = pdf_text (path);
  if (pdf == NULL)
    return;
  assert_contains (pdf, "Balance €0.00");
  assert_contains (pdf, "Nothing was open on this day.");
  assert_lacks (pdf, "Amount due");
}

/* 60 invoices: the table runs over pages with its header and the footer
 * on each, every invoice once and in order, the totals and the payment
 * information on the last page, and nothing in the margins.  Invoice i
 * (0-based) is 10.00 + i net → (1000 + i) × 1.255 rounded; the total is
 * Σ round (1255 + 1.255 i) = 60 × 1255 + Σ round (1.255 i). */
static void
test_many_invoices (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KassaCollectionDocument) document = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *total = NULL;
  g_auto(GStrv) pages = NULL;
  gint64 expected_total = 0;
  int n_pages;

  for (guint i = 0; i < 60; i++)
    {
      gint64 id = add_invoice (f, 1000 + i, ymd (2026, 8, 1) + (KassaDay) i,
                               ymd (2026, 8, 15) + (KassaDay) i);

      g_array_append_val (ids, id);
      /* Half away from zero on the 0.5 cents of the VAT. */
      expected_total += (1000 + i) + ((gint64) (1000 + i) * 255 + 500) / 1000;
    }

  document = open_reminder (f, (const gint64 *) ids->data, ids->len);
  n_pages = kassa_collection_document_get_n_pages (document);
  g_test_message ("60 invoices: %d pages", n_pages);
  g_assert_cmpint (n_pages, >=, 2);
  for (int page = 0; page < n_pages; page++)
    assert_margins_blank (document, page);

  path = write_pdf (f, document, "many.pdf");
  pages = pdf_pages_text (path);
  if (pages == NULL)
    return;
  g_assert_cmpuint (g_strv_length (pages), ==, (guint) n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %d / %d", i + 1, n_pages);

      assert_contains (pages[i], footer);
      assert_contains (pages[i], "Esimerkki Palvelut Oy · Business ID 1234567-8");
      if (i > 0)
        assert_contains (pages[i], "Esimerkki Palvelut Oy Payment reminder 2026-11-24");
      /* The table header on every page with rows. */
      if (strstr (pages[i], "20260") != NULL)
        assert_contains (pages[i], "Reference Open Interest Fees To pay");
    }

  all = g_strjoinv (" ", pages);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u ", 2026001 + i);
      const char *first = strstr (all, number);

      g_assert_nonnull (first);
      g_assert_null (strstr (first + 1, number));
      if (i > 0)
        {
          g_autofree char *previous = g_strdup_printf ("%u ", 2026000 + i);

          g_assert_true (strstr (all, previous) < first);
        }
    }

  total = kassa_money_format (expected_total, "EUR", KASSA_LOCALE_EN);
  total_text = g_strconcat ("Total to pay ", total, NULL);
  g_test_message ("%s", total_text);
  assert_contains (pages[n_pages - 1], total_text);
  assert_contains (pages[n_pages - 1], "Payment information");
  assert_lacks (pages[0], "Total to pay");
}

static void
assert_refused (Fixture      *f,
                gint64        customer,
                const gint64 *ids,
                guint         n_ids)
{
  g_autoptr(KassaCollectionDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = kassa_reminder_document_new (f->store, customer, ids, n_ids, TODAY, &error);
  g_assert_null (document);
  g_assert_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 other = add_customer (f, "Other Oy");
  gint64 sent = add_invoice (f, 10000, ymd (2026, 9, 1), ymd (2026, 9, 15));
  gint64 draft = add_invoice_for (f, f->customer, 10000, ymd (2026, 9, 1), ymd (2026, 9, 15), TRUE);
  gint64 others = add_invoice_for (f, other, 10000, ymd (2026, 9, 1), ymd (2026, 9, 15), FALSE);
  gint64 paid = add_invoice (f, 10000, ymd (2026, 9, 1), ymd (2026, 9, 15));
  gint64 credited = add_invoice (f, 10000, ymd (2026, 9, 1), ymd (2026, 9, 15));
  gint64 note;
  gint64 with_draft[2] = { sent, draft };
  gint64 with_others[2] = { sent, others };

  pay (f, paid, ymd (2026, 9, 10), 12550);
  note = kassa_store_credit_invoice (f->store, credited, ymd (2026, 9, 20), &error);
  g_assert_no_error (error);

  assert_refused (f, f->customer, NULL, 0);
  assert_refused (f, f->customer, with_draft, 2);
  assert_refused (f, f->customer, with_others, 2);
  assert_refused (f, f->customer, &paid, 1);
  assert_refused (f, f->customer, &credited, 1);
  assert_refused (f, f->customer, &note, 1);

  /* The same invoice twice is one line, not a refusal. */
  {
    gint64 twice[2] = { sent, sent };
    g_autoptr(KassaCollectionDocument) document = open_reminder (f, twice, 2);

    g_assert_nonnull (kassa_collection_document_get_virtual_barcode (document));
  }
}

/* A PDF that cannot be written is an error and leaves nothing behind. */
static void
test_write_error (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KassaCollectionDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "reminder.pdf", NULL);

  document = kassa_statement_document_new (f->store, f->customer, TODAY, &error);
  g_assert_no_error (error);
  g_assert_false (kassa_collection_document_write_pdf (document, missing, &error));
  g_assert_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "reminder.pdf"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* English labels: no catalog (the translations are checked elsewhere). */
  g_setenv ("KASSA_LOCALEDIR", "/nonexistent", TRUE);

#define ADD(name, data, func) \
  g_test_add (name, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/documents/reminder/two-invoices", NULL, test_two_invoices);
  ADD ("/documents/reminder/single-invoice", NULL, test_single_invoice);
  for (guint i = 0; i < G_N_ELEMENTS (step_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/documents/reminder/title/%d", step_cases[i].kind);

      ADD (name, &step_cases[i], test_title_by_step);
    }
  ADD ("/documents/reminder/many-invoices", NULL, test_many_invoices);
  ADD ("/documents/reminder/refusals", NULL, test_refusals);
  ADD ("/documents/statement/credit-note", NULL, test_statement);
  for (guint i = 0; i < G_N_ELEMENTS (history_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/documents/statement/history/%d",
                                               history_cases[i].day);

      ADD (name, &history_cases[i], test_statement_history);
    }
  ADD ("/documents/statement/empty", NULL, test_statement_empty);
  ADD ("/documents/statement/write-error", NULL, test_write_error);

#undef ADD

  return g_test_run ();
}
