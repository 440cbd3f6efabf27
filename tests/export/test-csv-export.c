/* test-csv-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV export: quoting and formula neutralisation of single fields, and
 * whole exports of a small company read back with an independent RFC 4180
 * parser (below) and compared cell by cell with values worked out by hand.
 */
#define G_LOG_DOMAIN "kassa-test-csv-export"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "kassa-csv-export.h"
#include "kassa-customer-value.h"
#include "kassa-date.h"
#include "kassa-store.h"
#include "kassa-store-relationship.h"
#include "kassa-target-list-csv.h"
#include "kassa-test-fixture.h"

typedef struct
{
  char       *dir;
  char       *path;
  char       *csv_path;
  KassaStore *store;
} Fixture;

/* A tiny RFC 4180 reader, written apart from the exporter so that the two
 * cannot share a mistake: rows end in CRLF, quoted fields may hold commas,
 * CR, LF and doubled quotes.  Returns NULL on malformed input. */
static GPtrArray *
parse_csv (const char *text)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(p[0] == '"' && p[1] != '"'); p++)
            {
              if (*p == '\0')
                return NULL;
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        {
          for (; *p != ',' && *p != '\r' && *p != '\n' && *p != '\0'; p++)
            {
              if (*p == '"')
                return NULL;
              g_string_append_c (field, *p);
            }
        }

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);

      if (*p == ',')
        p++;
      else if (p[0] == '\r' && p[1] == '\n')
        {
          p += 2;
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
          fields = g_ptr_array_new_with_free_func (g_free);
        }
      else
        return NULL;  /* a bare LF or CR, or no line end at the end */
    }

  if (fields->len > 0)
    return NULL;

  return g_steal_pointer (&rows);
}

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

  f->dir = g_dir_make_tmp ("kassa-test-csv-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "company.kassa", NULL);
  f->csv_path = g_build_filename (f->dir, "export.csv", NULL);
  f->store = kassa_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kassa_test_remove_tree (f->dir);
  g_free (f->csv_path);
  g_free (f->path);
  g_free (f->dir);
}

static void
save_company (KassaStore *store,
              const char *currency)
{
  g_autoptr(KassaCompany) company = kassa_company_new ();
  g_autoptr(GError) error = NULL;

  company->name = g_strdup ("Testi Oy");
  company->iban = g_strdup ("FI2112345600000785");
  g_strlcpy (company->currency, currency, sizeof company->currency);
  kassa_store_save_company (store, company, &error);
  g_assert_no_error (error);
}

static gint64
save_customer (KassaStore          *store,
               KassaCustomerRecord *customer)
{
  g_autoptr(GError) error = NULL;

  g_strlcpy (customer->country, "FI", sizeof customer->country);
  customer->payment_terms_days = 14;
  kassa_store_save_customer (store, customer, &error);
  g_assert_no_error (error);
  return customer->id;
}

/* A customer with text that needs quoting everywhere. */
static gint64
add_quoting_customer (KassaStore *store)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();

  customer->number = g_strdup ("1001");
  customer->name = g_strdup ("Virtanen, \"Design\" Oy");
  customer->business_id = g_strdup ("1234567-8");
  customer->contact_person = g_strdup ("Liisa Virtanen");
  customer->email = g_strdup ("laskut@virtanen.example");
  customer->address = g_strdup ("Katu 1\n00100 Helsinki");
  g_free (customer->document_language);
  customer->document_language = g_strdup ("fi");
  customer->delivery = KASSA_DELIVERY_EINVOICE;
  customer->einvoice_address = g_strdup ("003712345678");
  return save_customer (store, customer);
}

/* A customer whose text a spreadsheet would run as formulas (archived by
 * fill_company once invoiced). */
static gint64
add_formula_customer (KassaStore *store)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();

  customer->number = g_strdup ("-7");
  customer->name = g_strdup ("=HYPERLINK(\"http://x\")");
  customer->kind = KASSA_CUSTOMER_CONSUMER;
  customer->phone = g_strdup ("+358 40 123 4567");
  g_free (customer->document_language);
  customer->document_language = g_strdup ("sv");
  customer->credit_limit = 123450;
  customer->delivery = KASSA_DELIVERY_PAPER;
  return save_customer (store, customer);
}

static gint64
add_invoice (KassaStore *store,
             gint64      customer_id,
             KassaDay    issue_date,
             gint64      quantity,
             gint64      unit_price,
             gint        vat_rate,
             gboolean    send)
{
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  KassaInvoiceLine *line = kassa_invoice_line_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KassaCompany) company = kassa_store_get_company (store);

  g_strlcpy (invoice->currency, company->currency, sizeof invoice->currency);
  invoice->customer_id = customer_id;
  invoice->issue_date = issue_date;
  invoice->due_date = issue_date + 14;
  line->description = g_strdup ("Work");
  line->quantity = quantity;
  line->unit_price = unit_price;
  line->vat_rate = vat_rate;
  g_ptr_array_add (invoice->lines, line);
  kassa_store_save_invoice (store, invoice, &error);
  g_assert_no_error (error);

  if (send)
    {
      kassa_store_send_invoice (store, invoice->id, &error);
      g_assert_no_error (error);
    }

  return invoice->id;
}

static void
add_payment (KassaStore *store,
             gint64      invoice_id,
             KassaDay    date,
             gint64      amount,
             const char *method,
             const char *note)
{
  g_autoptr(KassaPayment) payment = kassa_payment_new ();
  g_autoptr(GError) error = NULL;

  payment->invoice_id = invoice_id;
  payment->date = date;
  payment->amount = amount;
  payment->method = g_strdup (method);
  payment->note = g_strdup (note);
  kassa_store_add_payment (store, payment, TRUE, &error);
  g_assert_no_error (error);
}

static char *
invoice_reference (KassaStore *store,
                   gint64      invoice_id)
{
  g_autoptr(KassaInvoiceRecord) invoice = NULL;
  g_autoptr(GError) error = NULL;

  invoice = kassa_store_get_invoice (store, invoice_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (invoice->reference);
  return g_strdup (invoice->reference);
}

/* The company of the export cases.  Worked out by hand:
 *  1000  1001  2026-01-15  1 × 1234.50, 0 %          total 1234.50
 *        paid 1234.55 (overpaid)                     open    -0.05
 *  draft  -7   2026-02-01  2.5 × 100.10 = 250.25 net,
 *                          25.5 % VAT 63.81375 → 63.81  total 314.06
 *  1001   -7   2026-03-10  1 × 50.00, 0 %, credited  open 0.00
 *  1002   -7   2026-03-20  credit note −50.00        open −50 + 50 = 0.00
 */
typedef struct
{
  gint64 invoice_1000;
  gint64 invoice_1001;
  gint64 credit_note;
} Company;

static void
fill_company (KassaStore *store,
              Company    *c)
{
  g_autoptr(GError) error = NULL;
  gint64 quoting, formula;

  save_company (store, "EUR");
  quoting = add_quoting_customer (store);
  formula = add_formula_customer (store);

  c->invoice_1000 = add_invoice (store, quoting, ymd (2026, 1, 15), 1000, 123450, 0, TRUE);
  add_payment (store, c->invoice_1000, ymd (2026, 1, 20), 123455, "bank transfer", "=1+1, \"ok\"");
  add_invoice (store, formula, ymd (2026, 2, 1), 2500, 10010, 2550, FALSE);
  c->invoice_1001 = add_invoice (store, formula, ymd (2026, 3, 10), 1000, 5000, 0, TRUE);
  c->credit_note = kassa_store_credit_invoice (store, c->invoice_1001, ymd (2026, 3, 20), &error);
  g_assert_no_error (error);
  kassa_store_set_customer_archived (store, formula, TRUE, &error);
  g_assert_no_error (error);
}

static GPtrArray *
export_and_parse (Fixture       *f,
                  KassaCsvTable  table)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GPtrArray *rows;

  g_assert_true (kassa_csv_export (f->store, table, f->csv_path, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (f->csv_path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));

  rows = parse_csv (text);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, >=, 1);
  /* Every row has as many cells as the header. */
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (rows->pdata[i]), ==, g_strv_length (rows->pdata[0]));

  return rows;
}

static void
assert_row (GPtrArray         *rows,
            guint              index,
            const char *const *expected)
{
  char **row = rows->pdata[index];

  g_test_message ("Row %u", index);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      if (g_str_equal (expected[i], "*"))
        continue;
      g_assert_nonnull (row[i]);
      g_assert_cmpstr (row[i], ==, expected[i]);
    }
  g_assert_cmpuint (g_strv_length ((GStrv) expected), ==, g_strv_length (row));
}

/* Test cases */

typedef struct
{
  const char *field;
  const char *written;
} FieldCase;

static const FieldCase field_cases[] = {
  { "plain", "plain" },
  { "", "" },
  { "Ääkkönen 中文", "Ääkkönen 中文" },
  { "a,b", "\"a,b\"" },
  { "say \"hi\"", "\"say \"\"hi\"\"\"" },
  { "line 1\nline 2", "\"line 1\nline 2\"" },
  { "line 1\r\nline 2", "\"line 1\r\nline 2\"" },
  { " leading", "\" leading\"" },
  { "trailing ", "\"trailing \"" },
  { "a=b", "a=b" },
  { "=SUM(A1:A9)", "'=SUM(A1:A9)" },
  { "+358 40", "'+358 40" },
  { "-5", "'-5" },
  { "@cmd", "'@cmd" },
  { "\tx", "'\tx" },
  { "\rx", "\"'\rx\"" },
  { "=a,\"b\"", "\"'=a,\"\"b\"\"\"" },
  { "'quoted already", "'quoted already" },
};

static void
test_append_field (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_cases); i++)
    {
      g_autoptr(GString) out = g_string_new ("x,");

      kassa_csv_append_field (out, field_cases[i].field);
      g_assert_cmpstr (out->str + 2, ==, field_cases[i].written);
    }
}

/* What the parser reads back is what went in, neutralisation aside. */
static void
test_append_field_round_trip (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  char **row;

  for (guint i = 0; i < G_N_ELEMENTS (field_cases); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      kassa_csv_append_field (out, field_cases[i].field);
    }
  g_string_append (out, "\r\n");

  rows = parse_csv (out->str);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 1);
  row = rows->pdata[0];
  g_assert_cmpuint (g_strv_length (row), ==, G_N_ELEMENTS (field_cases));

  for (guint i = 0; i < G_N_ELEMENTS (field_cases); i++)
    {
      const char *field = field_cases[i].field;
      gboolean formula = field[0] != '\0' && strchr ("=+-@\t\r", field[0]) != NULL;

      g_assert_cmpstr (row[i] + (formula ? 1 : 0), ==, field);
      if (formula)
        g_assert_cmpint (row[i][0], ==, '\'');
    }
}

static void
test_customers (Fixture       *f,
                gconstpointer  data)
{
  static const char *const header[] = {
    "number", "name", "type", "business_id", "vat_id", "contact_person", "email", "phone",
    "address", "country", "language", "payment_terms_days", "credit_limit", "delivery",
    "einvoice_address", "archived", NULL,
  };
  static const char *const quoting[] = {
    "1001", "Virtanen, \"Design\" Oy", "business", "1234567-8", "", "Liisa Virtanen",
    "laskut@virtanen.example", "", "Katu 1\n00100 Helsinki", "FI", "fi", "14", "0.00",
    "e-invoice", "003712345678", "false", NULL,
  };
  static const char *const formula[] = {
    "'-7", "'=HYPERLINK(\"http://x\")", "consumer", "", "", "", "", "'+358 40 123 4567", "",
    "FI", "sv", "14", "1234.50", "paper", "", "true", NULL,
  };
  Company c;
  g_autoptr(GPtrArray) rows = NULL;

  fill_company (f->store, &c);
  rows = export_and_parse (f, KASSA_CSV_CUSTOMERS);

  g_assert_cmpuint (rows->len, ==, 1 + 2);
  assert_row (rows, 0, header);
  assert_row (rows, 1, quoting);
  assert_row (rows, 2, formula);
}

static void
test_invoices (Fixture       *f,
               gconstpointer  data)
{
  static const char *const header[] = {
    "number", "type", "state", "customer_number", "customer_name", "issue_date", "due_date",
    "currency", "net", "vat", "total", "paid", "open", "reference", "delivery", "disputed",
    "credited_invoice_number", NULL,
  };
  Company c;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *ref_1000 = NULL;
  g_autofree char *ref_1001 = NULL;
  g_autofree char *ref_1002 = NULL;

  fill_company (f->store, &c);
  ref_1000 = invoice_reference (f->store, c.invoice_1000);
  ref_1001 = invoice_reference (f->store, c.invoice_1001);
  ref_1002 = invoice_reference (f->store, c.credit_note);
  rows = export_and_parse (f, KASSA_CSV_INVOICES);

  g_assert_cmpuint (rows->len, ==, 1 + 4);
  assert_row (rows, 0, header);
  assert_row (rows, 1, (const char *const[]) {
    "1000", "invoice", "sent", "1001", "Virtanen, \"Design\" Oy", "2026-01-15", "2026-01-29",
    "EUR", "1234.50", "0.00", "1234.50", "1234.55", "-0.05", ref_1000, "email", "false", "", NULL });
  assert_row (rows, 2, (const char *const[]) {
    "", "invoice", "draft", "'-7", "'=HYPERLINK(\"http://x\")", "2026-02-01", "2026-02-15",
    "EUR", "250.25", "63.81", "314.06", "0.00", "0.00", "", "email", "false", "", NULL });
  assert_row (rows, 3, (const char *const[]) {
    "1001", "invoice", "credited", "'-7", "*", "2026-03-10", "2026-03-24",
    "EUR", "50.00", "0.00", "50.00", "0.00", "0.00", ref_1001, "email", "false", "", NULL });
  assert_row (rows, 4, (const char *const[]) {
    "1002", "credit_note", "sent", "'-7", "*", "2026-03-20", "*",
    "EUR", "-50.00", "0.00", "-50.00", "0.00", "0.00", ref_1002, "email", "false", "1001", NULL });
}

static void
test_payments (Fixture       *f,
               gconstpointer  data)
{
  static const char *const header[] = {
    "date", "invoice_number", "customer_number", "amount", "currency", "method", "note", NULL,
  };
  static const char *const payment[] = {
    "2026-01-20", "1000", "1001", "1234.55", "EUR", "bank transfer", "'=1+1, \"ok\"", NULL,
  };
  Company c;
  g_autoptr(GPtrArray) rows = NULL;

  fill_company (f->store, &c);
  rows = export_and_parse (f, KASSA_CSV_PAYMENTS);

  g_assert_cmpuint (rows->len, ==, 1 + 1);
  assert_row (rows, 0, header);
  assert_row (rows, 1, payment);
}

/* Amounts follow the currency's minor units: yen have none. */
static void
test_zero_decimal_currency (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GPtrArray) rows = NULL;
  gint64 id;
  char **row;

  save_company (f->store, "JPY");
  customer->name = g_strdup ("Tanaka KK");
  customer->credit_limit = 50000;
  id = add_invoice (f->store, save_customer (f->store, customer), ymd (2026, 5, 4), 3000, 1205,
                    0, TRUE);
  add_payment (f->store, id, ymd (2026, 5, 6), -1, "cash", "");

  rows = export_and_parse (f, KASSA_CSV_INVOICES);
  g_assert_cmpuint (rows->len, ==, 2);
  row = rows->pdata[1];
  g_assert_cmpstr (row[7], ==, "JPY");
  g_assert_cmpstr (row[10], ==, "3615");    /* 3 × 1205 */
  g_assert_cmpstr (row[11], ==, "-1");
  g_assert_cmpstr (row[12], ==, "3616");
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = export_and_parse (f, KASSA_CSV_CUSTOMERS);
  g_assert_cmpstr (((char **) rows->pdata[1])[12], ==, "50000");
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = export_and_parse (f, KASSA_CSV_PAYMENTS);
  g_assert_cmpstr (((char **) rows->pdata[1])[3], ==, "-1");
}

static void
test_empty_tables (Fixture       *f,
                   gconstpointer  data)
{
  const KassaCsvTable tables[] = { KASSA_CSV_CUSTOMERS, KASSA_CSV_INVOICES, KASSA_CSV_PAYMENTS };

  save_company (f->store, "EUR");
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(GPtrArray) rows = export_and_parse (f, tables[i]);

      g_assert_cmpuint (rows->len, ==, 1);
    }
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (folder);
  while (g_dir_read_name (folder) != NULL)
    n++;
  return n;
}

/* A cancelled export writes nothing and leaves no temporary file; an
 * existing file stays as it was. */
static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_files;

  save_company (f->store, "EUR");
  g_file_set_contents (f->csv_path, "old", -1, &error);
  g_assert_no_error (error);
  n_files = count_files (f->dir);

  g_cancellable_cancel (cancellable);
  g_assert_false (kassa_csv_export (f->store, KASSA_CSV_INVOICES, f->csv_path, cancellable,
                                    &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (f->dir), ==, n_files);
  g_file_get_contents (f->csv_path, &text, NULL, NULL);
  g_assert_cmpstr (text, ==, "old");
}

/* An existing file is replaced, a missing folder is an error. */
static void
test_replace_and_errors (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "x.csv", NULL);
  guint n_files;

  save_company (f->store, "EUR");
  g_file_set_contents (f->csv_path, "old", -1, &error);
  g_assert_no_error (error);
  n_files = count_files (f->dir);

  g_assert_true (kassa_csv_export (f->store, KASSA_CSV_PAYMENTS, f->csv_path, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (f->csv_path, &text, NULL, &error);
  g_assert_cmpstr (text, ==, "date,invoice_number,customer_number,amount,currency,method,note\r\n");
  g_assert_cmpuint (count_files (f->dir), ==, n_files);

  g_assert_false (kassa_csv_export (f->store, KASSA_CSV_PAYMENTS, missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "x.csv"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Target lists */

static gint64
add_target_customer (KassaStore            *store,
                     const char            *number,
                     const char            *name,
                     const char            *email,
                     KassaMarketingConsent  consent,
                     KassaDay               today)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(KassaCustomerRelationship) relationship = kassa_customer_relationship_new ();
  g_autoptr(GError) error = NULL;

  customer->number = g_strdup (number);
  customer->name = g_strdup (name);
  customer->contact_person = g_strdup ("Liisa \"Lii\" Virtanen");
  customer->email = g_strdup (email);
  customer->phone = g_strdup ("+358 40 123 4567");
  g_free (customer->document_language);
  customer->document_language = g_strdup ("sv");
  save_customer (store, customer);

  relationship->customer_id = customer->id;
  relationship->consent = consent;
  relationship->consent_date = consent != KASSA_CONSENT_NOT_ASKED ? today - 30 : 0;
  kassa_store_save_customer_relationship (store, relationship, today, &error);
  g_assert_no_error (error);
  return customer->id;
}

/* Three customers invoiced once each on 2026-06-01 (net 9000, 500, 500 of
 * 10000), worked out by hand with the rules of kassa-customer-value.h as
 * of 2026-11-24:
 *  ABC by revenue 80/95: 1001 starts at 0 % → A; 1002 at 90 % → B; 1003 at
 *  95 % (not under 95) → C.  RFM: equal recency and one invoice each, so
 *  every score is that of rank 0, 1 → R 1, F 1 → lost.  Lifecycle: first
 *  invoice 176 days ago (not new), last under 180 days (not dormant): class
 *  A is key account, the others active.  1002 refused marketing: left
 *  out; 1003 was not asked: in the list unless only consented ones. */
static void
test_target_list (Fixture       *f,
                  gconstpointer  data)
{
  static const char *const header[] = {
    "number", "name", "contact_person", "email", "phone", "language", "segment", "abc_class",
    "lifecycle", NULL,
  };
  static const char *const first[] = {
    "1001", "Virtanen, \"Design\"\nOy", "Liisa \"Lii\" Virtanen", "a@example.com",
    "'+358 40 123 4567", "sv", "lost", "A", "key-account", NULL,
  };
  static const char *const third[] = {
    "1003", "'=SUM(A1)", "Liisa \"Lii\" Virtanen", "c@example.com", "'+358 40 123 4567", "sv",
    "lost", "C", "active", NULL,
  };
  KassaDay today = ymd (2026, 11, 24);
  g_autoptr(KassaValueReport) report = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  KassaValueOptions options;
  GStatBuf st;
  guint n_excluded = 0, n_files;
  gint64 ids[3];

  save_company (f->store, "EUR");
  ids[0] = add_target_customer (f->store, "1001", "Virtanen, \"Design\"\nOy", "a@example.com",
                                KASSA_CONSENT_GIVEN, today);
  ids[1] = add_target_customer (f->store, "1002", "Kieltäjä Ab", "b@example.com",
                                KASSA_CONSENT_REFUSED, today);
  ids[2] = add_target_customer (f->store, "1003", "=SUM(A1)", "c@example.com",
                                KASSA_CONSENT_NOT_ASKED, today);
  add_invoice (f->store, ids[0], ymd (2026, 6, 1), 1000, 900000, 0, TRUE);
  add_invoice (f->store, ids[1], ymd (2026, 6, 1), 1000, 50000, 0, TRUE);
  add_invoice (f->store, ids[2], ymd (2026, 6, 1), 1000, 50000, 0, TRUE);

  kassa_value_options_init_default (&options, today);
  report = kassa_value_report_compute (f->store, &options, today, NULL, &error);
  g_assert_no_error (error);
  list = kassa_value_report_target_list (report, "all", FALSE, &n_excluded);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpuint (n_excluded, ==, 1);

  g_file_set_contents (f->csv_path, "old", -1, &error);
  g_assert_no_error (error);
  n_files = count_files (f->dir);
  g_assert_true (kassa_target_list_write_csv (list, f->store, f->csv_path, &error));
  g_assert_no_error (error);
  /* Replaced in place: no temporary file left beside it; private. */
  g_assert_cmpuint (count_files (f->dir), ==, n_files);
  g_assert_cmpint (g_stat (f->csv_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_file_get_contents (f->csv_path, &text, NULL, &error);
  g_assert_no_error (error);
  /* No byte order mark, like the other exports. */
  g_assert_true (g_str_has_prefix (text, "number,name,"));
  g_assert_nonnull (strstr (text, "\"Virtanen, \"\"Design\"\"\nOy\""));
  g_assert_null (strstr (text, "Kieltäjä"));
  rows = parse_csv (text);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 0, header);
  assert_row (rows, 1, first);
  assert_row (rows, 2, third);

  /* Only those who said yes. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kassa_value_report_target_list (report, "all", TRUE, &n_excluded);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (n_excluded, ==, 2);
}

static void
test_target_list_errors (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "x.csv", NULL);

  save_company (f->store, "EUR");
  g_assert_true (kassa_target_list_write_csv (empty, f->store, f->csv_path, &error));
  g_assert_no_error (error);
  g_file_get_contents (f->csv_path, &text, NULL, &error);
  g_assert_cmpstr (text, ==,
                   "number,name,contact_person,email,phone,language,segment,abc_class,"
                   "lifecycle\r\n");

  g_assert_false (kassa_target_list_write_csv (empty, f->store, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "x.csv"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-export/append-field", test_append_field);
  g_test_add_func ("/csv-export/append-field-round-trip", test_append_field_round_trip);
  g_test_add ("/csv-export/customers", Fixture, NULL, fixture_set_up, test_customers,
              fixture_tear_down);
  g_test_add ("/csv-export/invoices", Fixture, NULL, fixture_set_up, test_invoices,
              fixture_tear_down);
  g_test_add ("/csv-export/payments", Fixture, NULL, fixture_set_up, test_payments,
              fixture_tear_down);
  g_test_add ("/csv-export/zero-decimal-currency", Fixture, NULL, fixture_set_up,
              test_zero_decimal_currency, fixture_tear_down);
  g_test_add ("/csv-export/empty-tables", Fixture, NULL, fixture_set_up, test_empty_tables,
              fixture_tear_down);
  g_test_add ("/csv-export/cancelled", Fixture, NULL, fixture_set_up, test_cancelled,
              fixture_tear_down);
  g_test_add ("/csv-export/replace-and-errors", Fixture, NULL, fixture_set_up,
              test_replace_and_errors, fixture_tear_down);
  g_test_add ("/csv-export/target-list", Fixture, NULL, fixture_set_up, test_target_list,
              fixture_tear_down);
  g_test_add ("/csv-export/target-list-errors", Fixture, NULL, fixture_set_up,
              test_target_list_errors, fixture_tear_down);

  return g_test_run ();
}
