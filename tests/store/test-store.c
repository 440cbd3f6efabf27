/* test-store.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KassaStore on a real company file in a temporary folder: validation,
 * numbering, totals, payments, credit notes, balances, change signals and
 * reopening.  Expected figures are worked out by hand in the comments.
 */
#define G_LOG_DOMAIN "kassa-test-store"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kassa-date.h"
#include "kassa-reference.h"
#include "kassa-store.h"
#include "kassa-test-fixture.h"

typedef struct
{
  char       *dir;
  char       *path;
  KassaStore *store;
} Fixture;

/* Helpers */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kassa-test-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "company.kassa", NULL);
  f->store = kassa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kassa_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static KassaDay
ymd (int year,
     int month,
     int day)
{
  return kassa_day_from_ymd (year, month, day);
}

static gint64
query_int (KassaStore *store,
           const char *sql,
           gint64      arg)
{
  sqlite3 *db = kassa_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, arg);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gint64
count_rows (KassaStore *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return query_int (store, sql, 0);
}

static KassaCompany *
new_company (void)
{
  KassaCompany *company = kassa_company_new ();

  company->name = g_strdup ("  Testi Oy  ");
  company->business_id = g_strdup ("1234567-8");
  company->iban = g_strdup ("FI21 1234 5600 0007 85");
  return company;
}

static void
save_company (KassaStore *store)
{
  g_autoptr(KassaCompany) company = new_company ();
  g_autoptr(GError) error = NULL;

  kassa_store_save_company (store, company, &error);
  g_assert_no_error (error);
}

static gint64
add_customer (KassaStore *store,
              const char *name)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  customer->name = g_strdup (name);
  g_assert_true (kassa_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (customer->id, >, 0);

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

/* The two-line invoice used throughout:
 *   line 1: 2.500 × 40.00 − 10 % = 90.00 net, VAT 25.5 %
 *   line 2: 3.000 × 12.34         = 37.02 net, VAT 14 %
 *   VAT: 90.00 × 25.5 % = 22.95; 37.02 × 14 % = 5.1828 → 5.18
 *   net 127.02 + VAT 28.13 = gross 155.15 */
#define TWO_LINE_NET   12702
#define TWO_LINE_VAT   2813
#define TWO_LINE_TOTAL 15515

static KassaInvoiceRecord *
new_two_line_invoice (gint64   customer_id,
                      KassaDay issue_date)
{
  KassaInvoiceRecord *invoice = kassa_invoice_record_new ();

  invoice->customer_id = customer_id;
  invoice->issue_date = issue_date;
  invoice->due_date = issue_date + 14;
  add_line (invoice, "Design work", 2500, 4000, 2550, 1000);
  add_line (invoice, "Printing", 3000, 1234, 1400, 0);
  return invoice;
}

static gint64
save_draft (KassaStore         *store,
            KassaInvoiceRecord *invoice)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kassa_store_save_invoice (store, invoice, &error));
  g_assert_no_error (error);
  g_assert_cmpint (invoice->id, >, 0);
  return invoice->id;
}

/* A sent invoice with one 0 % VAT line, so that its total is amount. */
static gint64
add_sent_invoice (KassaStore *store,
                  gint64      customer_id,
                  KassaDay    issue_date,
                  KassaDay    due_date,
                  gint64      amount)
{
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  g_autoptr(GError) error = NULL;

  invoice->customer_id = customer_id;
  invoice->issue_date = issue_date;
  invoice->due_date = due_date;
  add_line (invoice, "Service", 1000, amount, 0, 0);
  save_draft (store, invoice);
  g_assert_true (kassa_store_send_invoice (store, invoice->id, &error));
  g_assert_no_error (error);

  return invoice->id;
}

static void
pay (KassaStore *store,
     gint64      invoice_id,
     KassaDay    date,
     gint64      amount)
{
  g_autoptr(KassaPayment) payment = kassa_payment_new ();
  g_autoptr(GError) error = NULL;

  payment->invoice_id = invoice_id;
  payment->date = date;
  payment->amount = amount;
  g_assert_true (kassa_store_add_payment (store, payment, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (payment->id, >, 0);
}

static KassaInvoiceStatus
stored_status (KassaStore *store,
               gint64      id,
               KassaDay    today)
{
  g_autoptr(KassaInvoiceRecord) invoice = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total, paid;

  invoice = kassa_store_get_invoice (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (kassa_store_get_invoice_amounts (store, id, &total, &paid, &error));

  return kassa_invoice_status_derive (invoice->state, invoice->credited_invoice_id != 0,
                                      total, paid, invoice->due_date, today);
}

/* Company */

typedef struct
{
  const char *name;
  const char *currency;
  const char *country;
  gint        terms;
  gint64      next_number;
  const char *iban;
} CompanyCase;

static void
test_company_validation (Fixture       *f,
                         gconstpointer  data)
{
  static const CompanyCase invalid[] = {
    { "   ",    "EUR", "FI", 14,  1000, "" },
    { "Oy",     "XXX", "FI", 14,  1000, "" },
    { "Oy",     "EUR", "F1", 14,  1000, "" },
    { "Oy",     "EUR", "F",  14,  1000, "" },
    { "Oy",     "EUR", "FI", -1,  1000, "" },
    { "Oy",     "EUR", "FI", 366, 1000, "" },
    { "Oy",     "EUR", "FI", 14,  99,   "" },
    { "Oy",     "EUR", "FI", 14,  1000, "FI21 1234 5600 0007 86" },
  };
  g_autoptr(KassaCompany) stored = NULL;
  g_autoptr(KassaCompany) company = new_company ();
  g_autoptr(GError) error = NULL;

  g_assert_false (kassa_store_has_company (f->store));
  g_assert_null (kassa_store_get_company (f->store));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(KassaCompany) bad = kassa_company_new ();

      bad->name = g_strdup (invalid[i].name);
      g_strlcpy (bad->currency, invalid[i].currency, sizeof bad->currency);
      g_strlcpy (bad->country, invalid[i].country, sizeof bad->country);
      bad->payment_terms_days = invalid[i].terms;
      bad->next_invoice_number = invalid[i].next_number;
      bad->iban = g_strdup (invalid[i].iban);

      g_test_message ("invalid company case %u", i);
      g_assert_false (kassa_store_save_company (f->store, bad, &error));
      g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  g_assert_false (kassa_store_has_company (f->store));
  g_assert_cmpint (count_rows (f->store, "company"), ==, 0);

  g_strlcpy (company->country, "fi", sizeof company->country);
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);

  stored = kassa_store_get_company (f->store);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->name, ==, "Testi Oy");
  g_assert_cmpstr (stored->currency, ==, "EUR");
  g_assert_cmpstr (stored->country, ==, "FI");
  g_assert_cmpstr (stored->iban, ==, "FI21 1234 5600 0007 85");
  g_assert_cmpstr (stored->document_language, ==, "fi");
  g_assert_cmpint (stored->payment_terms_days, ==, 14);
  g_assert_cmpint (stored->next_invoice_number, ==, 1000);
  g_assert_true (kassa_store_has_company (f->store));
}

static void
test_company_next_number (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KassaCompany) company = NULL;
  g_autoptr(GError) error = NULL;
  gint64 customer;

  save_company (f->store);
  customer = add_customer (f->store, "Asiakas Oy");
  add_sent_invoice (f->store, customer, ymd (2026, 1, 5), ymd (2026, 1, 19), 100);

  /* Invoice 1000 exists: the counter may not go back to it. */
  company = kassa_store_get_company (f->store);
  g_assert_cmpint (company->next_invoice_number, ==, 1001);
  company->next_invoice_number = 1000;
  g_assert_false (kassa_store_save_company (f->store, company, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1001"));
  g_clear_error (&error);

  company->next_invoice_number = 2000;
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);
  add_sent_invoice (f->store, customer, ymd (2026, 1, 6), ymd (2026, 1, 20), 100);
  g_assert_cmpint (query_int (f->store, "SELECT MAX (number) FROM invoices", 0), ==, 2000);
}

/* Customers */

static void
test_customer_crud (Fixture       *f,
                    gconstpointer  data)
{
  static const char *expected_numbers[] = { "1001", "1002", "ABC-7", "1003", "5000", "5001" };
  static const char *given_numbers[] = { NULL, "", "ABC-7", "  ", "5000", NULL };
  g_autoptr(KassaCustomerRecord) loaded = NULL;
  g_autoptr(KassaCustomerRecord) duplicate = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;
  gint64 ids[G_N_ELEMENTS (expected_numbers)];

  for (guint i = 0; i < G_N_ELEMENTS (expected_numbers); i++)
    {
      g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();

      customer->name = g_strdup_printf ("Customer %u", i);
      customer->number = g_strdup (given_numbers[i]);
      g_assert_true (kassa_store_save_customer (f->store, customer, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (customer->number, ==, expected_numbers[i]);
      ids[i] = customer->id;
    }

  /* A used number is refused, and the record is left as it was. */
  duplicate->name = g_strdup ("Copy");
  duplicate->number = g_strdup (" 1002 ");
  g_assert_false (kassa_store_save_customer (f->store, duplicate, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "1002"));
  g_assert_cmpint (duplicate->id, ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "customers"), ==, 6);

  /* Update: the same number stays allowed for the customer itself. */
  loaded = kassa_store_get_customer (f->store, ids[1], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Customer 1");
  g_assert_cmpstr (loaded->country, ==, "FI");
  g_assert_cmpint (loaded->payment_terms_days, ==, 14);
  g_free (loaded->name);
  loaded->name = g_strdup ("Renamed Oy ");
  g_free (loaded->email);
  loaded->email = g_strdup ("billing@renamed.fi");
  loaded->payment_terms_days = 30;
  loaded->credit_limit = 500000;
  g_assert_true (kassa_store_save_customer (f->store, loaded, &error));
  g_assert_no_error (error);
  g_clear_pointer (&loaded, kassa_customer_record_free);

  loaded = kassa_store_get_customer (f->store, ids[1], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Renamed Oy");
  g_assert_cmpstr (loaded->number, ==, "1002");
  g_assert_cmpstr (loaded->email, ==, "billing@renamed.fi");
  g_assert_cmpint (loaded->payment_terms_days, ==, 30);
  g_assert_cmpint (loaded->credit_limit, ==, 500000);
  g_assert_false (loaded->archived);

  g_assert_null (kassa_store_get_customer (f->store, 9999, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
}

typedef struct
{
  const char *name;
  const char *email;
  gint        terms;
  gint64      credit_limit;
  const char *country;
} CustomerCase;

static void
test_customer_find_by_number (Fixture       *f,
                              gconstpointer  data)
{
  gint64 first = add_customer (f->store, "Alpha Oy");    /* automatic number 1001 */
  gint64 second = add_customer (f->store, "Beta Oy");    /* 1002 */

  g_assert_cmpint (kassa_store_find_customer_by_number (f->store, "1001"), ==, first);
  g_assert_cmpint (kassa_store_find_customer_by_number (f->store, "1002"), ==, second);
  /* Exact match only: no prefix, no surrounding space. */
  g_assert_cmpint (kassa_store_find_customer_by_number (f->store, "100"), ==, 0);
  g_assert_cmpint (kassa_store_find_customer_by_number (f->store, " 1001"), ==, 0);
  g_assert_cmpint (kassa_store_find_customer_by_number (f->store, ""), ==, 0);
}

static void
test_customer_validation (Fixture       *f,
                          gconstpointer  data)
{
  static const CustomerCase invalid[] = {
    { "",   NULL,         14,  0,  "FI" },
    { " ",  NULL,         14,  0,  "FI" },
    { "Oy", "no-at-sign", 14,  0,  "FI" },
    { "Oy", NULL,         -1,  0,  "FI" },
    { "Oy", NULL,         366, 0,  "FI" },
    { "Oy", NULL,         14,  -1, "FI" },
    { "Oy", NULL,         14,  0,  "9" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
      g_autoptr(GError) error = NULL;

      customer->name = g_strdup (invalid[i].name);
      customer->email = g_strdup (invalid[i].email);
      customer->payment_terms_days = invalid[i].terms;
      customer->credit_limit = invalid[i].credit_limit;
      g_strlcpy (customer->country, invalid[i].country, sizeof customer->country);

      g_test_message ("invalid customer case %u", i);
      g_assert_false (kassa_store_save_customer (f->store, customer, &error));
      g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
      g_assert_cmpint (customer->id, ==, 0);
    }

  g_assert_cmpint (count_rows (f->store, "customers"), ==, 0);
}

static void
test_customer_archive (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KassaCustomerRecord) loaded = NULL;
  g_autoptr(KassaInvoiceRecord) draft = NULL;
  g_autoptr(KassaInvoiceRecord) invoice = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  save_company (f->store);
  id = add_customer (f->store, "Old Customer Oy");
  draft = new_two_line_invoice (id, ymd (2026, 3, 1));
  save_draft (f->store, draft);

  g_assert_true (kassa_store_set_customer_archived (f->store, id, TRUE, &error));
  g_assert_no_error (error);
  loaded = kassa_store_get_customer (f->store, id, &error);
  g_assert_true (loaded->archived);

  /* No new invoices for an archived customer; its drafts may be finished. */
  invoice = new_two_line_invoice (id, ymd (2026, 3, 2));
  g_assert_false (kassa_store_save_invoice (f->store, invoice, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (kassa_store_save_invoice (f->store, draft, &error));
  g_assert_no_error (error);

  g_assert_true (kassa_store_set_customer_archived (f->store, id, FALSE, &error));
  g_assert_true (kassa_store_save_invoice (f->store, invoice, &error));
  g_assert_no_error (error);

  g_assert_false (kassa_store_set_customer_archived (f->store, 4242, TRUE, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
}

/* Invoices */

static void
test_invoice_totals (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KassaInvoiceRecord) invoice = NULL;
  g_autoptr(KassaInvoiceRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;
  KassaInvoiceLine *line;
  gint64 net, vat, gross, customer;

  save_company (f->store);
  customer = add_customer (f->store, "Asiakas Oy");
  invoice = new_two_line_invoice (customer, ymd (2026, 5, 4));
  invoice->notes = g_strdup ("Thanks");
  save_draft (f->store, invoice);

  g_assert_cmpint (query_int (f->store, "SELECT total_net FROM invoices WHERE id = ?", invoice->id),
                   ==, TWO_LINE_NET);
  g_assert_cmpint (query_int (f->store, "SELECT total_vat FROM invoices WHERE id = ?", invoice->id),
                   ==, TWO_LINE_VAT);
  g_assert_cmpint (query_int (f->store, "SELECT total FROM invoices WHERE id = ?", invoice->id),
                   ==, TWO_LINE_TOTAL);
  g_assert_cmpint (query_int (f->store, "SELECT number IS NULL FROM invoices WHERE id = ?", invoice->id),
                   ==, 1);

  loaded = kassa_store_get_invoice (f->store, invoice->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->state, ==, KASSA_INVOICE_STATE_DRAFT);
  g_assert_cmpint (loaded->number, ==, 0);
  g_assert_null (loaded->reference);
  g_assert_cmpint (loaded->issue_date, ==, ymd (2026, 5, 4));
  g_assert_cmpint (loaded->due_date, ==, ymd (2026, 5, 18));
  g_assert_cmpstr (loaded->currency, ==, "EUR");
  g_assert_cmpstr (loaded->notes, ==, "Thanks");
  g_assert_cmpuint (loaded->lines->len, ==, 2);
  line = g_ptr_array_index (loaded->lines, 0);
  g_assert_cmpstr (line->description, ==, "Design work");
  g_assert_cmpint (line->position, ==, 0);
  g_assert_cmpint (line->quantity, ==, 2500);
  g_assert_cmpint (line->discount, ==, 1000);
  g_assert_cmpint (kassa_invoice_line_get_net (line), ==, 9000);
  line = g_ptr_array_index (loaded->lines, 1);
  g_assert_cmpstr (line->description, ==, "Printing");
  g_assert_cmpint (line->position, ==, 1);
  g_assert_cmpint (kassa_invoice_line_get_net (line), ==, 3702);

  kassa_invoice_record_get_totals (loaded, &net, &vat, &gross);
  g_assert_cmpint (net, ==, TWO_LINE_NET);
  g_assert_cmpint (vat, ==, TWO_LINE_VAT);
  g_assert_cmpint (gross, ==, TWO_LINE_TOTAL);

  /* Saving again replaces the lines: one line left, totals follow.
   * 1 × 0.10 at 25.5 %: VAT 0.0255 → 0.03; gross 0.13. */
  g_ptr_array_set_size (loaded->lines, 0);
  add_line (loaded, "Stamp", 1000, 10, 2550, 0);
  g_assert_true (kassa_store_save_invoice (f->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "invoice_lines"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT total FROM invoices WHERE id = ?", loaded->id), ==, 13);
}

/* VAT is per rate on the sum of nets, not per line: two lines of 0.10 at
 * 25.5 % have VAT 0.20 × 25.5 % = 0.051 → 0.05, where rounding each line
 * (0.0255 → 0.03) would give 0.06. */
static void
test_invoice_vat_per_rate (void)
{
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  gint64 net, vat, gross;

  add_line (invoice, "a", 1000, 10, 2550, 0);
  add_line (invoice, "b", 1000, 10, 2550, 0);
  kassa_invoice_record_get_totals (invoice, &net, &vat, &gross);
  g_assert_cmpint (net, ==, 20);
  g_assert_cmpint (vat, ==, 5);
  g_assert_cmpint (gross, ==, 25);
}

typedef void (*InvoiceMutation) (KassaInvoiceRecord *invoice);

static KassaInvoiceLine *
second_line (KassaInvoiceRecord *invoice)
{
  return g_ptr_array_index (invoice->lines, 1);
}

static void break_no_lines (KassaInvoiceRecord *i) { g_ptr_array_set_size (i->lines, 0); }
static void break_zero_quantity (KassaInvoiceRecord *i) { second_line (i)->quantity = 0; }
static void break_huge_quantity (KassaInvoiceRecord *i) { second_line (i)->quantity = -1000000001; }
static void break_huge_price (KassaInvoiceRecord *i) { second_line (i)->unit_price = 1000000000001; }
static void break_vat_rate (KassaInvoiceRecord *i) { second_line (i)->vat_rate = 10001; }
static void break_discount (KassaInvoiceRecord *i) { second_line (i)->discount = -1; }
static void break_due_date (KassaInvoiceRecord *i) { i->due_date = i->issue_date - 1; }
static void break_issue_date (KassaInvoiceRecord *i) { i->issue_date = 0; }
static void break_currency (KassaInvoiceRecord *i) { g_strlcpy (i->currency, "SEK", 4); }
static void break_customer (KassaInvoiceRecord *i) { i->customer_id = 9999; }
static void break_no_customer (KassaInvoiceRecord *i) { i->customer_id = 0; }

static void
break_description (KassaInvoiceRecord *invoice)
{
  g_free (second_line (invoice)->description);
  second_line (invoice)->description = g_strnfill (1001, 'x');
}

static void
break_too_many_lines (KassaInvoiceRecord *invoice)
{
  for (guint i = 0; i < 999; i++)
    add_line (invoice, "more", 1000, 100, 0, 0);
}

/* 10^6 units × 10^12 … the line total passes the 10^15 money limit. */
static void
break_line_total (KassaInvoiceRecord *invoice)
{
  second_line (invoice)->quantity = 1000000000;
  second_line (invoice)->unit_price = 1000000000000;
}

typedef struct
{
  InvoiceMutation  mutate;
  const char      *message_part;    /* NULL: not checked */
} InvalidInvoiceCase;

static void
test_invoice_invalid (Fixture       *f,
                      gconstpointer  data)
{
  static const InvalidInvoiceCase cases[] = {
    { break_no_lines, NULL },
    { break_zero_quantity, "Line 2" },
    { break_huge_quantity, "Line 2" },
    { break_huge_price, "Line 2" },
    { break_vat_rate, "Line 2" },
    { break_discount, "Line 2" },
    { break_description, "Line 2" },
    { break_line_total, "Line 2" },
    { break_too_many_lines, NULL },
    { break_due_date, NULL },
    { break_issue_date, NULL },
    { break_currency, "EUR" },
    { break_customer, NULL },
    { break_no_customer, NULL },
  };
  gint64 customer, n_invoices, n_lines;

  save_company (f->store);
  customer = add_customer (f->store, "Asiakas Oy");
  {
    g_autoptr(KassaInvoiceRecord) existing = new_two_line_invoice (customer, ymd (2026, 1, 1));
    save_draft (f->store, existing);
  }
  n_invoices = count_rows (f->store, "invoices");
  n_lines = count_rows (f->store, "invoice_lines");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KassaInvoiceRecord) invoice = new_two_line_invoice (customer, ymd (2026, 2, 1));
      g_autoptr(GError) error = NULL;

      g_test_message ("invalid invoice case %u", i);
      cases[i].mutate (invoice);
      g_assert_false (kassa_store_save_invoice (f->store, invoice, &error));
      g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
      if (cases[i].message_part != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].message_part));
      g_assert_cmpint (invoice->id, ==, 0);
      g_assert_cmpint (count_rows (f->store, "invoices"), ==, n_invoices);
      g_assert_cmpint (count_rows (f->store, "invoice_lines"), ==, n_lines);
    }
}

static void
test_invoice_without_company (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(KassaInvoiceRecord) invoice = NULL;
  g_autoptr(GError) error = NULL;

  invoice = new_two_line_invoice (add_customer (f->store, "Asiakas Oy"), ymd (2026, 1, 1));
  g_assert_false (kassa_store_save_invoice (f->store, invoice, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_assert_cmpint (count_rows (f->store, "invoices"), ==, 0);
}

/* Finnish references, weights 7, 3, 1 from the right, check digit = next
 * ten minus the sum:
 *   1000: 0·7 + 0·3 + 0·1 + 1·7 = 7  → 3 → "10003"
 *   1001: 1·7 + 0·3 + 0·1 + 1·7 = 14 → 6 → "10016"
 *   1002: 2·7 + 0·3 + 0·1 + 1·7 = 21 → 9 → "10029" */
static void
test_invoice_send_gapless (Fixture       *f,
                           gconstpointer  data)
{
  static const struct { gint64 number; const char *reference; } expected[] = {
    { 1000, "10003" }, { 1001, "10016" }, { 1002, "10029" },
  };
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_invoice_record_free);
  g_autoptr(KassaCompany) company = NULL;
  g_autoptr(GError) error = NULL;
  KassaInvoiceRecord *sent_first;
  gint64 customer, sent_ids[3];

  save_company (f->store);
  customer = add_customer (f->store, "Asiakas Oy");
  for (guint i = 0; i < 4; i++)
    {
      KassaInvoiceRecord *draft = new_two_line_invoice (customer, ymd (2026, 4, 1 + i));

      save_draft (f->store, draft);
      g_ptr_array_add (drafts, draft);
    }

  /* Send 0, delete draft 1, send 2 and 3: numbers stay consecutive. */
  sent_ids[0] = ((KassaInvoiceRecord *) drafts->pdata[0])->id;
  sent_ids[1] = ((KassaInvoiceRecord *) drafts->pdata[2])->id;
  sent_ids[2] = ((KassaInvoiceRecord *) drafts->pdata[3])->id;
  g_assert_true (kassa_store_send_invoice (f->store, sent_ids[0], &error));
  g_assert_no_error (error);
  g_assert_true (kassa_store_delete_draft (f->store, ((KassaInvoiceRecord *) drafts->pdata[1])->id, &error));
  g_assert_no_error (error);
  g_assert_true (kassa_store_send_invoice (f->store, sent_ids[1], &error));
  g_assert_true (kassa_store_send_invoice (f->store, sent_ids[2], &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(KassaInvoiceRecord) loaded = kassa_store_get_invoice (f->store, sent_ids[i], &error);

      g_assert_no_error (error);
      g_assert_cmpint (loaded->state, ==, KASSA_INVOICE_STATE_SENT);
      g_assert_cmpint (loaded->number, ==, expected[i].number);
      g_assert_cmpstr (loaded->reference, ==, expected[i].reference);
      g_assert_cmpuint (loaded->lines->len, ==, 2);
    }

  company = kassa_store_get_company (f->store);
  g_assert_cmpint (company->next_invoice_number, ==, 1003);
  g_assert_cmpint (count_rows (f->store, "invoices"), ==, 3);
  g_assert_cmpint (count_rows (f->store, "invoice_lines"), ==, 6);

  /* A sent invoice is never deleted, changed or sent again. */
  sent_first = drafts->pdata[0];
  g_assert_false (kassa_store_delete_draft (f->store, sent_ids[0], &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A sent invoice cannot be deleted. Credit it instead.");
  g_clear_error (&error);
  sent_first->due_date += 30;
  g_assert_false (kassa_store_save_invoice (f->store, sent_first, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kassa_store_send_invoice (f->store, sent_ids[0], &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->store, "SELECT due_date FROM invoices WHERE id = ?", sent_ids[0]),
                   ==, ymd (2026, 4, 15));

  g_assert_false (kassa_store_send_invoice (f->store, 4242, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kassa_store_delete_draft (f->store, 4242, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (f->store, "SELECT next_invoice_number FROM company", 0), ==, 1003);
}

static void
test_invoice_send_without_lines (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(KassaInvoiceRecord) draft = NULL;
  g_autoptr(KassaCompany) company = NULL;
  g_autoptr(GError) error = NULL;

  save_company (f->store);
  draft = new_two_line_invoice (add_customer (f->store, "Asiakas Oy"), ymd (2026, 4, 1));
  save_draft (f->store, draft);

  /* Only a damaged or hand-edited file can hold such a draft. */
  g_assert_cmpint (sqlite3_exec (kassa_store_get_db (f->store),
                                 "DELETE FROM invoice_lines", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (kassa_store_send_invoice (f->store, draft->id, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);

  company = kassa_store_get_company (f->store);
  g_assert_cmpint (company->next_invoice_number, ==, 1000);
}

/* Historical invoices keep their numbers; numbering goes on after the
 * highest one. */
static void
test_invoice_import (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KassaInvoiceRecord) first = NULL;
  g_autoptr(KassaInvoiceRecord) again = NULL;
  g_autoptr(KassaInvoiceRecord) older = NULL;
  g_autoptr(KassaInvoiceRecord) credited = NULL;
  g_autoptr(KassaInvoiceRecord) credit_note = NULL;
  g_autoptr(KassaInvoiceRecord) draft = NULL;
  g_autoptr(KassaInvoiceRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  gint64 customer, open;

  save_company (f->store);
  customer = add_customer (f->store, "Vanha Asiakas Oy");
  g_assert_true (kassa_store_set_customer_archived (f->store, customer, TRUE, &error));

  /* An archived customer's history can still be imported. */
  first = new_two_line_invoice (customer, ymd (2025, 3, 1));
  first->state = KASSA_INVOICE_STATE_SENT;
  g_assert_true (kassa_store_import_invoice (f->store, first, 5000, NULL, &error));
  g_assert_no_error (error);
  stored = kassa_store_get_invoice (f->store, first->id, &error);
  g_assert_no_error (error);
  reference = kassa_reference_fi_from_number (5000);
  g_assert_cmpint (stored->number, ==, 5000);
  g_assert_cmpint (stored->state, ==, KASSA_INVOICE_STATE_SENT);
  g_assert_cmpstr (stored->reference, ==, reference);
  g_assert_cmpuint (stored->lines->len, ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT total FROM invoices WHERE id = ?1", first->id),
                   ==, TWO_LINE_TOTAL);
  g_assert_cmpint (query_int (f->store, "SELECT next_invoice_number FROM company", 0), ==, 5001);

  /* A number is used once. */
  again = new_two_line_invoice (customer, ymd (2025, 3, 2));
  again->state = KASSA_INVOICE_STATE_SENT;
  g_assert_false (kassa_store_import_invoice (f->store, again, 5000, NULL, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "invoices"), ==, 1);

  /* A lower free number keeps its own reference and leaves the counter. */
  older = new_two_line_invoice (customer, ymd (2024, 1, 5));
  older->state = KASSA_INVOICE_STATE_SENT;
  g_assert_true (kassa_store_import_invoice (f->store, older, 120, "1232", &error));
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM invoices WHERE number = 120"
                                        " AND reference = '1232'", 0), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT next_invoice_number FROM company", 0), ==, 5001);

  /* Drafts, non-positive numbers and bad records are refused. */
  again->state = KASSA_INVOICE_STATE_DRAFT;
  g_assert_false (kassa_store_import_invoice (f->store, again, 6000, NULL, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  again->state = KASSA_INVOICE_STATE_SENT;
  g_assert_false (kassa_store_import_invoice (f->store, again, 0, NULL, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  again->due_date = again->issue_date - 1;
  g_assert_false (kassa_store_import_invoice (f->store, again, 6000, NULL, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "invoices"), ==, 2);

  /* A credited invoice with its credit note: nothing is open. */
  credited = new_two_line_invoice (customer, ymd (2025, 4, 1));
  credited->state = KASSA_INVOICE_STATE_CREDITED;
  g_assert_true (kassa_store_import_invoice (f->store, credited, 5001, NULL, &error));
  credit_note = new_two_line_invoice (customer, ymd (2025, 4, 10));
  credit_note->state = KASSA_INVOICE_STATE_SENT;
  credit_note->credited_invoice_id = credited->id;
  for (guint i = 0; i < credit_note->lines->len; i++)
    ((KassaInvoiceLine *) g_ptr_array_index (credit_note->lines, i))->quantity *= -1;
  g_assert_true (kassa_store_import_invoice (f->store, credit_note, 5002, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kassa_store_get_invoice_open_amount (f->store, credit_note->id, &open, &error));
  g_assert_cmpint (open, ==, 0);
  g_assert_true (kassa_store_get_invoice_open_amount (f->store, credited->id, &open, &error));
  g_assert_cmpint (open, ==, 0);

  /* Sending goes on gapless after the imported numbers. */
  g_assert_true (kassa_store_set_customer_archived (f->store, customer, FALSE, &error));
  draft = new_two_line_invoice (customer, ymd (2026, 1, 2));
  save_draft (f->store, draft);
  g_assert_true (kassa_store_send_invoice (f->store, draft->id, &error));
  g_assert_cmpint (query_int (f->store, "SELECT number FROM invoices WHERE id = ?1", draft->id),
                   ==, 5003);
}

/* Status */

typedef struct
{
  KassaInvoiceState  state;
  gboolean           credit_note;
  gint64             total;
  gint64             paid;
  KassaDay           today_minus_due;
  KassaInvoiceStatus expected;
} StatusCase;

static void
test_status_derive (void)
{
  static const StatusCase cases[] = {
    { KASSA_INVOICE_STATE_DRAFT,    FALSE, 1000,  0,     5,  KASSA_INVOICE_STATUS_DRAFT },
    { KASSA_INVOICE_STATE_CREDITED, FALSE, 1000,  0,     5,  KASSA_INVOICE_STATUS_CREDITED },
    { KASSA_INVOICE_STATE_SENT,     TRUE,  -1000, 0,     5,  KASSA_INVOICE_STATUS_CREDIT_NOTE },
    { KASSA_INVOICE_STATE_SENT,     FALSE, 1000,  0,     -1, KASSA_INVOICE_STATUS_OPEN },
    { KASSA_INVOICE_STATE_SENT,     FALSE, 1000,  0,     0,  KASSA_INVOICE_STATUS_OPEN },
    { KASSA_INVOICE_STATE_SENT,     FALSE, 1000,  0,     1,  KASSA_INVOICE_STATUS_OVERDUE },
    { KASSA_INVOICE_STATE_SENT,     FALSE, 1000,  400,   0,  KASSA_INVOICE_STATUS_PARTIALLY_PAID },
    { KASSA_INVOICE_STATE_SENT,     FALSE, 1000,  400,   1,  KASSA_INVOICE_STATUS_OVERDUE },
    { KASSA_INVOICE_STATE_SENT,     FALSE, 1000,  1000,  9,  KASSA_INVOICE_STATUS_PAID },
    { KASSA_INVOICE_STATE_SENT,     FALSE, 1000,  1200,  9,  KASSA_INVOICE_STATUS_PAID },
    { KASSA_INVOICE_STATE_SENT,     FALSE, 0,     0,     9,  KASSA_INVOICE_STATUS_PAID },
    { KASSA_INVOICE_STATE_SENT,     FALSE, 1000,  -200,  -3, KASSA_INVOICE_STATUS_PARTIALLY_PAID },
    /* A negative invoice is owed back to the customer: open until refunded,
     * never overdue (the overdue figures only count what customers owe). */
    { KASSA_INVOICE_STATE_SENT,     FALSE, -1000, 0,     5,  KASSA_INVOICE_STATUS_OPEN },
    { KASSA_INVOICE_STATE_SENT,     FALSE, -1000, -400,  5,  KASSA_INVOICE_STATUS_PARTIALLY_PAID },
    { KASSA_INVOICE_STATE_SENT,     FALSE, -1000, -1000, 5,  KASSA_INVOICE_STATUS_PAID },
  };
  KassaDay due = ymd (2026, 6, 30);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("status case %u", i);
      g_assert_cmpint (kassa_invoice_status_derive (cases[i].state, cases[i].credit_note,
                                                    cases[i].total, cases[i].paid, due,
                                                    due + cases[i].today_minus_due),
                       ==, cases[i].expected);
    }
}

/* Payments */

static void
test_payments (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KassaInvoiceRecord) invoice = NULL;
  g_autoptr(KassaPayment) over = kassa_payment_new ();
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GError) error = NULL;
  KassaDay issue = ymd (2026, 3, 2), due = issue + 14;
  gint64 total, paid, open;

  save_company (f->store);
  invoice = new_two_line_invoice (add_customer (f->store, "Asiakas Oy"), issue);
  save_draft (f->store, invoice);

  /* Drafts take no payments. */
  over->invoice_id = invoice->id;
  over->date = issue;
  over->amount = 100;
  g_assert_false (kassa_store_add_payment (f->store, over, FALSE, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (kassa_store_send_invoice (f->store, invoice->id, &error));
  g_assert_cmpint (stored_status (f->store, invoice->id, due), ==, KASSA_INVOICE_STATUS_OPEN);
  g_assert_cmpint (stored_status (f->store, invoice->id, due + 1), ==, KASSA_INVOICE_STATUS_OVERDUE);

  /* 155.15 − 50.00 = 105.15 open. */
  pay (f->store, invoice->id, issue + 10, 5000);
  g_assert_true (kassa_store_get_invoice_amounts (f->store, invoice->id, &total, &paid, &error));
  g_assert_cmpint (total, ==, TWO_LINE_TOTAL);
  g_assert_cmpint (paid, ==, 5000);
  g_assert_true (kassa_store_get_invoice_open_amount (f->store, invoice->id, &open, &error));
  g_assert_cmpint (open, ==, 10515);
  g_assert_cmpint (stored_status (f->store, invoice->id, due), ==, KASSA_INVOICE_STATUS_PARTIALLY_PAID);
  g_assert_cmpint (stored_status (f->store, invoice->id, due + 1), ==, KASSA_INVOICE_STATUS_OVERDUE);

  /* 105.16 is one cent too much: refused until overpayment is allowed. */
  over->amount = 10516;
  over->date = issue + 20;
  g_assert_false (kassa_store_add_payment (f->store, over, FALSE, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "105"));
  g_clear_error (&error);
  g_assert_cmpint (over->id, ==, 0);
  g_assert_cmpint (count_rows (f->store, "payments"), ==, 1);

  g_assert_true (kassa_store_add_payment (f->store, over, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (kassa_store_get_invoice_amounts (f->store, invoice->id, NULL, &paid, &error));
  g_assert_cmpint (paid, ==, 15516);
  g_assert_cmpint (stored_status (f->store, invoice->id, due + 30), ==, KASSA_INVOICE_STATUS_PAID);

  /* Undo it, then pay the rest exactly, dated before the first payment. */
  g_assert_true (kassa_store_delete_payment (f->store, over->id, &error));
  g_assert_no_error (error);
  g_assert_false (kassa_store_delete_payment (f->store, over->id, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  pay (f->store, invoice->id, issue + 5, 10515);
  g_assert_cmpint (stored_status (f->store, invoice->id, due + 30), ==, KASSA_INVOICE_STATUS_PAID);

  payments = kassa_store_list_payments (f->store, invoice->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 2);
  g_assert_cmpint (((KassaPayment *) payments->pdata[0])->amount, ==, 10515);
  g_assert_cmpint (((KassaPayment *) payments->pdata[0])->date, ==, issue + 5);
  g_assert_cmpint (((KassaPayment *) payments->pdata[1])->amount, ==, 5000);
}

static void
test_payments_invalid (Fixture       *f,
                       gconstpointer  data)
{
  static const struct { gint64 amount; KassaDay date; int code; } cases[] = {
    { 0,                             738000, KASSA_STORE_ERROR_INVALID },
    { G_GINT64_CONSTANT (1000000000000001), 738000, KASSA_STORE_ERROR_INVALID },
    { 100,                           0,      KASSA_STORE_ERROR_INVALID },
    /* A reversal of more than was paid. */
    { -100,                          738000, KASSA_STORE_ERROR_INVALID },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KassaPayment) missing = kassa_payment_new ();
  gint64 id;

  save_company (f->store);
  id = add_sent_invoice (f->store, add_customer (f->store, "A"), ymd (2026, 1, 1), ymd (2026, 1, 15), 1000);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KassaPayment) payment = kassa_payment_new ();

      payment->invoice_id = id;
      payment->amount = cases[i].amount;
      payment->date = cases[i].date;
      g_assert_false (kassa_store_add_payment (f->store, payment, FALSE, &error));
      g_assert_error (error, KASSA_STORE_ERROR, cases[i].code);
      g_clear_error (&error);
    }

  missing->invoice_id = 4242;
  missing->amount = 100;
  missing->date = ymd (2026, 1, 2);
  g_assert_false (kassa_store_add_payment (f->store, missing, FALSE, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (f->store, "payments"), ==, 0);
}

/* Credit notes */

static void
test_credit_note (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KassaInvoiceRecord) invoice = NULL;
  g_autoptr(KassaInvoiceRecord) note = NULL;
  g_autoptr(KassaPayment) payment = kassa_payment_new ();
  g_autoptr(GError) error = NULL;
  KassaDay issue = ymd (2026, 3, 2), today = ymd (2026, 6, 1);
  gint64 customer, note_id, open, balance, overdue;

  save_company (f->store);
  customer = add_customer (f->store, "Asiakas Oy");
  invoice = new_two_line_invoice (customer, issue);
  save_draft (f->store, invoice);

  /* A draft is deleted, not credited. */
  g_assert_cmpint (kassa_store_credit_invoice (f->store, invoice->id, issue, &error), ==, 0);
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (kassa_store_send_invoice (f->store, invoice->id, &error));
  pay (f->store, invoice->id, issue + 7, 5000);

  g_assert_cmpint (kassa_store_credit_invoice (f->store, invoice->id, issue - 1, &error), ==, 0);
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "invoices"), ==, 1);

  note_id = kassa_store_credit_invoice (f->store, invoice->id, issue + 20, &error);
  g_assert_no_error (error);
  g_assert_cmpint (note_id, >, 0);

  note = kassa_store_get_invoice (f->store, note_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (note->number, ==, 1001);
  g_assert_cmpstr (note->reference, ==, "10016");
  g_assert_cmpint (note->state, ==, KASSA_INVOICE_STATE_SENT);
  g_assert_cmpint (note->credited_invoice_id, ==, invoice->id);
  g_assert_cmpint (note->customer_id, ==, customer);
  g_assert_cmpint (note->issue_date, ==, issue + 20);
  g_assert_cmpint (note->due_date, ==, issue + 20);
  g_assert_cmpuint (note->lines->len, ==, 2);
  g_assert_cmpint (((KassaInvoiceLine *) note->lines->pdata[0])->quantity, ==, -2500);
  g_assert_cmpint (((KassaInvoiceLine *) note->lines->pdata[1])->quantity, ==, -3000);
  g_assert_cmpint (query_int (f->store, "SELECT total_net FROM invoices WHERE id = ?", note_id), ==, -TWO_LINE_NET);
  g_assert_cmpint (query_int (f->store, "SELECT total_vat FROM invoices WHERE id = ?", note_id), ==, -TWO_LINE_VAT);
  g_assert_cmpint (query_int (f->store, "SELECT total FROM invoices WHERE id = ?", note_id), ==, -TWO_LINE_TOTAL);

  g_assert_cmpint (stored_status (f->store, invoice->id, today), ==, KASSA_INVOICE_STATUS_CREDITED);
  g_assert_cmpint (stored_status (f->store, note_id, today), ==, KASSA_INVOICE_STATUS_CREDIT_NOTE);

  /* The original is closed; the 50.00 paid on it is owed back on the note:
   * (−155.15 − 0) + (155.15 − 50.00) = −50.00. */
  g_assert_true (kassa_store_get_invoice_open_amount (f->store, invoice->id, &open, &error));
  g_assert_cmpint (open, ==, 0);
  g_assert_true (kassa_store_get_invoice_open_amount (f->store, note_id, &open, &error));
  g_assert_cmpint (open, ==, -5000);
  kassa_store_get_customer_balance (f->store, customer, today, &balance, &overdue);
  g_assert_cmpint (balance, ==, -5000);
  g_assert_cmpint (overdue, ==, 0);

  payment->invoice_id = invoice->id;
  payment->date = today;
  payment->amount = 1000;
  g_assert_false (kassa_store_add_payment (f->store, payment, FALSE, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "credit note"));
  g_clear_error (&error);

  /* Refunding more than is owed back is an over-refund. */
  payment->invoice_id = note_id;
  payment->amount = -5001;
  g_assert_false (kassa_store_add_payment (f->store, payment, FALSE, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  pay (f->store, note_id, today, -5000);
  g_assert_true (kassa_store_get_invoice_open_amount (f->store, note_id, &open, &error));
  g_assert_cmpint (open, ==, 0);
  kassa_store_get_customer_balance (f->store, customer, today, &balance, NULL);
  g_assert_cmpint (balance, ==, 0);

  g_assert_cmpint (kassa_store_credit_invoice (f->store, invoice->id, today, &error), ==, 0);
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (kassa_store_credit_invoice (f->store, note_id, today, &error), ==, 0);
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "invoices"), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT next_invoice_number FROM company", 0), ==, 1002);
}

static void
test_disputed (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KassaInvoiceRecord) draft = NULL;
  g_autoptr(GError) error = NULL;
  gint64 customer, id;

  save_company (f->store);
  customer = add_customer (f->store, "A");
  id = add_sent_invoice (f->store, customer, ymd (2026, 1, 1), ymd (2026, 1, 15), 1000);
  g_assert_true (kassa_store_set_invoice_disputed (f->store, id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT disputed FROM invoices WHERE id = ?", id), ==, 1);
  g_assert_true (kassa_store_set_invoice_disputed (f->store, id, FALSE, &error));
  g_assert_cmpint (query_int (f->store, "SELECT disputed FROM invoices WHERE id = ?", id), ==, 0);

  draft = new_two_line_invoice (customer, ymd (2026, 1, 1));
  save_draft (f->store, draft);
  g_assert_false (kassa_store_set_invoice_disputed (f->store, draft->id, TRUE, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
}

/* Balances and the Overview on a small hand-made company, today 2026-11-24:
 *
 *   I1 A  issued 2026-10-01 due 10-15  100.00, paid 30.00 → 70.00 overdue
 *   I2 A  issued 2026-11-10 due 11-24  200.00, unpaid     → 200.00 open, due today
 *   I3 B  issued 2026-11-01 due 11-15   50.00, paid 50.00 → paid
 *   I4 B  issued 2025-12-01 due 12-15   80.00, unpaid     → 80.00 overdue
 *   I5 B  issued 2026-02-01 due 02-15   40.00, paid 10.00, credited on
 *         2026-11-20 by CN (−40.00): pair open = −40 + (40 − 10) = −10.00
 *   D6 A  draft 999.99 (counts nowhere)
 *
 *   A: open 70 + 200 = 270.00, overdue 70.00
 *   B: open 0 + 80 − 10 = 70.00, overdue 80.00
 *   open receivables 340.00; overdue 150.00 in 2 invoices;
 *   open items I1, I2, I4, CN = 4
 *   invoiced November 2026: I2 200 + I3 50 + CN −40 = 210.00
 *   invoiced 2026: I1 100 + I2 200 + I3 50 + I5 40 + CN −40 = 350.00 */
static void
test_balances_and_overview (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KassaInvoiceRecord) draft = NULL;
  g_autoptr(GError) error = NULL;
  KassaOverviewFigures figures;
  KassaDay today = ymd (2026, 11, 24);
  gint64 a, b, i1, i5, open, overdue;

  save_company (f->store);
  a = add_customer (f->store, "A Oy");
  b = add_customer (f->store, "B Oy");

  i1 = add_sent_invoice (f->store, a, ymd (2026, 10, 1), ymd (2026, 10, 15), 10000);
  pay (f->store, i1, ymd (2026, 10, 20), 3000);
  add_sent_invoice (f->store, a, ymd (2026, 11, 10), ymd (2026, 11, 24), 20000);
  pay (f->store, add_sent_invoice (f->store, b, ymd (2026, 11, 1), ymd (2026, 11, 15), 5000),
       ymd (2026, 11, 14), 5000);
  add_sent_invoice (f->store, b, ymd (2025, 12, 1), ymd (2025, 12, 15), 8000);
  i5 = add_sent_invoice (f->store, b, ymd (2026, 2, 1), ymd (2026, 2, 15), 4000);
  pay (f->store, i5, ymd (2026, 2, 10), 1000);
  g_assert_cmpint (kassa_store_credit_invoice (f->store, i5, ymd (2026, 11, 20), &error), >, 0);
  g_assert_no_error (error);

  draft = kassa_invoice_record_new ();
  draft->customer_id = a;
  draft->issue_date = draft->due_date = ymd (2026, 11, 23);
  add_line (draft, "Big", 1000, 99999, 0, 0);
  save_draft (f->store, draft);

  kassa_store_get_customer_balance (f->store, a, today, &open, &overdue);
  g_assert_cmpint (open, ==, 27000);
  g_assert_cmpint (overdue, ==, 7000);
  kassa_store_get_customer_balance (f->store, b, today, &open, &overdue);
  g_assert_cmpint (open, ==, 7000);
  g_assert_cmpint (overdue, ==, 8000);

  kassa_store_get_overview (f->store, today, &figures);
  g_assert_cmpint (figures.open_receivables, ==, 34000);
  g_assert_cmpint (figures.overdue_amount, ==, 15000);
  g_assert_cmpint (figures.overdue_count, ==, 2);
  g_assert_cmpint (figures.open_count, ==, 4);
  g_assert_cmpint (figures.invoiced_month, ==, 21000);
  g_assert_cmpint (figures.invoiced_year, ==, 35000);

  /* A day later I2 is overdue too. */
  kassa_store_get_overview (f->store, today + 1, &figures);
  g_assert_cmpint (figures.overdue_amount, ==, 35000);
  g_assert_cmpint (figures.overdue_count, ==, 3);
}

/* Change signal and transactions */

typedef struct
{
  guint n_emissions;
  guint flags;
} ChangeLog;

static void
on_store_changed (KassaStore *store,
                  guint       what,
                  ChangeLog  *log)
{
  log->n_emissions++;
  log->flags |= what;
}

static void
reset_log (ChangeLog *log)
{
  log->n_emissions = 0;
  log->flags = 0;
}

static gboolean
add_two_customers (KassaStore  *store,
                   gpointer     user_data,
                   GError     **error)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();

      customer->name = g_strdup_printf ("Batch %u", i);
      if (!kassa_store_save_customer (store, customer, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_two_customers_then_fail (KassaStore  *store,
                             gpointer     user_data,
                             GError     **error)
{
  if (!add_two_customers (store, user_data, error))
    return FALSE;

  g_set_error_literal (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID, "stop");
  return FALSE;
}

/* The outer group goes on after an inner group failed: only the inner
 * group's writes are undone. */
static gboolean
nested_groups (KassaStore  *store,
               gpointer     user_data,
               GError     **error)
{
  g_autoptr(GError) inner_error = NULL;

  if (!kassa_store_run_in_transaction (store, add_two_customers, NULL, error))
    return FALSE;

  g_assert_false (kassa_store_run_in_transaction (store, add_two_customers_then_fail, NULL,
                                                  &inner_error));
  g_assert_error (inner_error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  return TRUE;
}

/* An outer group whose only writes were in an inner group that failed:
 * nothing was written, so there is nothing to announce. */
static gboolean
only_failed_inner_group (KassaStore  *store,
                         gpointer     user_data,
                         GError     **error)
{
  g_autoptr(GError) inner_error = NULL;

  g_assert_false (kassa_store_run_in_transaction (store, add_two_customers_then_fail, NULL,
                                                  &inner_error));
  g_assert_error (inner_error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  return TRUE;
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KassaInvoiceRecord) invoice = NULL;
  g_autoptr(KassaCustomerRecord) invalid = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;
  ChangeLog log = { 0, };
  gint64 customer;

  g_signal_connect (f->store, "changed", G_CALLBACK (on_store_changed), &log);

  save_company (f->store);
  g_assert_cmpuint (log.n_emissions, ==, 1);
  g_assert_cmpuint (log.flags, ==, KASSA_STORE_CHANGE_COMPANY);

  reset_log (&log);
  customer = add_customer (f->store, "A");
  g_assert_cmpuint (log.n_emissions, ==, 1);
  g_assert_cmpuint (log.flags, ==, KASSA_STORE_CHANGE_CUSTOMERS);

  reset_log (&log);
  g_assert_false (kassa_store_save_customer (f->store, invalid, &error));
  g_clear_error (&error);
  g_assert_cmpuint (log.n_emissions, ==, 0);

  invoice = new_two_line_invoice (customer, ymd (2026, 1, 1));
  save_draft (f->store, invoice);
  g_assert_cmpuint (log.n_emissions, ==, 1);
  g_assert_cmpuint (log.flags, ==, KASSA_STORE_CHANGE_INVOICES);

  reset_log (&log);
  g_assert_true (kassa_store_send_invoice (f->store, invoice->id, &error));
  g_assert_cmpuint (log.n_emissions, ==, 1);
  g_assert_cmpuint (log.flags, ==, KASSA_STORE_CHANGE_INVOICES | KASSA_STORE_CHANGE_COMPANY);

  reset_log (&log);
  pay (f->store, invoice->id, ymd (2026, 1, 2), 100);
  g_assert_cmpuint (log.n_emissions, ==, 1);
  g_assert_cmpuint (log.flags, ==, KASSA_STORE_CHANGE_INVOICES | KASSA_STORE_CHANGE_PAYMENTS);

  /* Grouped writes: one emission after the commit. */
  reset_log (&log);
  g_assert_true (kassa_store_run_in_transaction (f->store, add_two_customers, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.n_emissions, ==, 1);
  g_assert_cmpuint (log.flags, ==, KASSA_STORE_CHANGE_CUSTOMERS);
  g_assert_cmpint (count_rows (f->store, "customers"), ==, 3);

  /* A failed group writes nothing and emits nothing. */
  reset_log (&log);
  g_assert_false (kassa_store_run_in_transaction (f->store, add_two_customers_then_fail, NULL, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (log.n_emissions, ==, 0);
  g_assert_cmpint (count_rows (f->store, "customers"), ==, 3);

  reset_log (&log);
  g_assert_true (kassa_store_run_in_transaction (f->store, nested_groups, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.n_emissions, ==, 1);
  g_assert_cmpint (count_rows (f->store, "customers"), ==, 5);

  /* The rolled-back inner group's changes are forgotten with its writes. */
  reset_log (&log);
  g_assert_true (kassa_store_run_in_transaction (f->store, only_failed_inner_group, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.n_emissions, ==, 0);
  g_assert_cmpint (count_rows (f->store, "customers"), ==, 5);
}

/* File */

static void
test_file_mode_and_reopen (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(KassaStore) reopened = NULL;
  g_autoptr(KassaInvoiceRecord) invoice = NULL;
  g_autoptr(KassaCustomerRecord) customer = NULL;
  g_autoptr(KassaCompany) company = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  gint64 customer_id, invoice_id;

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  save_company (f->store);
  customer_id = add_customer (f->store, "Pysyvä Oy");
  invoice_id = add_sent_invoice (f->store, customer_id, ymd (2026, 2, 1), ymd (2026, 2, 15), 12345);
  pay (f->store, invoice_id, ymd (2026, 2, 10), 2345);
  g_clear_object (&f->store);

  reopened = kassa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (reopened, "PRAGMA user_version", 0), ==, KASSA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (reopened, "PRAGMA foreign_keys", 0), ==, 1);

  company = kassa_store_get_company (reopened);
  g_assert_cmpstr (company->name, ==, "Testi Oy");
  g_assert_cmpint (company->next_invoice_number, ==, 1001);
  customer = kassa_store_get_customer (reopened, customer_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (customer->name, ==, "Pysyvä Oy");
  invoice = kassa_store_get_invoice (reopened, invoice_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (invoice->number, ==, 1000);
  g_assert_cmpuint (invoice->lines->len, ==, 1);
  payments = kassa_store_list_payments (reopened, invoice_id, &error);
  g_assert_cmpuint (payments->len, ==, 1);
  g_assert_cmpint (((KassaPayment *) payments->pdata[0])->amount, ==, 2345);

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_file_in_new_folder (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "sub", "deeper", NULL);
  g_autofree char *path = g_build_filename (folder, "new.kassa", NULL);
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  store = kassa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kassa_store_get_path (store), ==, path);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (query_int (store, "PRAGMA application_id", 0), ==, 0x4b415353);
}

/* Another program holding the write lock: writes fail (after the busy
 * timeout) with LOCKED and write nothing. */
static void
test_file_locked (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  customer->name = g_strdup ("Odottava Oy");
  g_assert_false (kassa_store_save_customer (f->store, customer, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_LOCKED);
  g_assert_cmpint (customer->id, ==, 0);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  g_assert_true (kassa_store_save_customer (f->store, customer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "customers"), ==, 1);
}

/* Document settings of the company (schema 3) */

static GBytes *
fake_png (gsize size)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  guint8 *data = g_malloc0 (size);

  memcpy (data, signature, MIN (size, sizeof signature));
  return g_bytes_new_take (data, size);
}

typedef struct
{
  const char *bankgiro;
  const char *plusgiro;
  gboolean    valid;
  const char *field;     /* word the error message must name */
} GiroCase;

/* Luhn by hand, digits from the right, every second one doubled:
 *   5050-1055: 5 + 1 + 0 + 2 + 0 + 1 + 0 + 1 = 10 ✓ (5·2 = 10 → 1)
 *   123-4566:  6 + 3 + 5 + 8 + 3 + 4 + 1   = 30 ✓;  123-4567 → 31 ✗
 *   4605-2:    2 + 1 + 0 + 3 + 4           = 10 ✓;  4605-1 → 9 ✗ */
static const GiroCase giro_cases[] = {
  { "5050-1055",  "",          TRUE,  NULL },
  { "123-4566",   "",          TRUE,  NULL },
  { " 123-4566 ", "4605-2",    TRUE,  NULL },
  { "",           "46052",     TRUE,  NULL },
  { "",           "18",        TRUE,  NULL },   /* 8 + 1·2 = 10 */
  { "123-4567",   "",          FALSE, "Bankgiro" },
  { "5050-1056",  "",          FALSE, "Bankgiro" },
  { "50501055",   "",          FALSE, "Bankgiro" },
  { "50-501055",  "",          FALSE, "Bankgiro" },
  { "12-4566",    "",          FALSE, "Bankgiro" },   /* 6 digits */
  { "5050-105a",  "",          FALSE, "Bankgiro" },
  { "",           "4605-1",    FALSE, "PlusGiro" },
  { "",           "46-052",    FALSE, "PlusGiro" },
  { "",           "0",         FALSE, "PlusGiro" },
  { "",           "123456782", FALSE, "PlusGiro" },   /* 9 digits, Luhn ✓ */
  { "",           "4605 2",    FALSE, "PlusGiro" },
};

static void
test_company_document_settings (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (giro_cases); i++)
    {
      g_autoptr(KassaCompany) company = new_company ();

      g_free (company->bankgiro);
      company->bankgiro = g_strdup (giro_cases[i].bankgiro);
      g_free (company->plusgiro);
      company->plusgiro = g_strdup (giro_cases[i].plusgiro);

      g_test_message ("giro case %u: “%s” “%s”", i, giro_cases[i].bankgiro, giro_cases[i].plusgiro);
      g_assert_cmpint (kassa_store_save_company (f->store, company, &error), ==, giro_cases[i].valid);
      if (giro_cases[i].valid)
        {
          g_autoptr(KassaCompany) stored = kassa_store_get_company (f->store);
          g_autofree char *bankgiro = g_strstrip (g_strdup (giro_cases[i].bankgiro));

          g_assert_no_error (error);
          g_assert_cmpstr (stored->bankgiro, ==, bankgiro);
          g_assert_cmpstr (stored->plusgiro, ==, giro_cases[i].plusgiro);
        }
      else
        {
          g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, giro_cases[i].field));
          g_clear_error (&error);
        }
    }
}

static void
test_company_logo (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KassaCompany) company = new_company ();
  g_autoptr(KassaCompany) stored = NULL;
  g_autoptr(KassaCompany) copy = NULL;
  g_autoptr(GBytes) logo = fake_png (100);
  g_autoptr(GError) error = NULL;
  static const char gif[] = "GIF89a\x01\x00\x01\x00\x00\x00\x00";

  /* Not a PNG, a bare signature, one byte over 2 MiB, a style that does
   * not exist: refused, with the field named. */
  company->logo = g_bytes_new_static (gif, sizeof gif);
  g_assert_false (kassa_store_save_company (f->store, company, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "logo"));
  g_clear_error (&error);
  g_bytes_unref (company->logo);

  company->logo = fake_png (8);
  g_assert_false (kassa_store_save_company (f->store, company, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_bytes_unref (company->logo);

  company->logo = fake_png (2 * 1024 * 1024 + 1);
  g_assert_false (kassa_store_save_company (f->store, company, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "logo"));
  g_clear_error (&error);
  g_bytes_unref (company->logo);

  company->logo = g_bytes_ref (logo);
  company->reference_style = 2;
  g_assert_false (kassa_store_save_company (f->store, company, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kassa_store_has_company (f->store));

  /* Exactly 2 MiB is still accepted. */
  g_bytes_unref (company->logo);
  company->logo = fake_png (2 * 1024 * 1024);
  company->reference_style = KASSA_REFERENCE_STYLE_RF;
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);

  g_bytes_unref (company->logo);
  company->logo = g_bytes_ref (logo);
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);

  stored = kassa_store_get_company (f->store);
  g_assert_nonnull (stored->logo);
  g_assert_true (g_bytes_equal (stored->logo, logo));
  g_assert_cmpint (stored->reference_style, ==, KASSA_REFERENCE_STYLE_RF);

  /* The copy shares the data and survives the original. */
  copy = kassa_company_copy (stored);
  g_clear_pointer (&stored, kassa_company_free);
  g_assert_true (g_bytes_equal (copy->logo, logo));
  g_assert_cmpstr (copy->bankgiro, ==, "");

  /* Removing the logo stores NULL again. */
  g_clear_pointer (&copy->logo, g_bytes_unref);
  copy->reference_style = KASSA_REFERENCE_STYLE_FINNISH;
  g_assert_true (kassa_store_save_company (f->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT logo IS NULL FROM company", 0), ==, 1);
  stored = kassa_store_get_company (f->store);
  g_assert_null (stored->logo);
  g_assert_cmpint (stored->reference_style, ==, KASSA_REFERENCE_STYLE_FINNISH);
}

/* A Swedish company's invoices carry an OCR number: the invoice number, a
 * length digit (total length mod 10) and a Luhn check digit:
 *   1000 → "10006" → check: 6·2 → 3, 0, 0, 0, 1·2 → 2: 5 → 5 → "100065"
 *   1001 → "10016" → check: 6·2 → 3, 1, 0, 0, 1·2 → 2: 6 → 4 → "100164"
 * A Finnish company keeps the national reference (1000 → "10003"). */
static void
test_invoice_reference_by_country (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(KassaCompany) company = new_company ();
  g_autoptr(KassaInvoiceRecord) invoice = NULL;
  g_autoptr(KassaInvoiceRecord) sent = NULL;
  g_autoptr(KassaInvoiceRecord) note = NULL;
  g_autoptr(GError) error = NULL;
  gint64 customer, note_id;

  g_strlcpy (company->country, "SE", sizeof company->country);
  g_strlcpy (company->currency, "SEK", sizeof company->currency);
  g_clear_pointer (&company->iban, g_free);
  g_free (company->bankgiro);
  company->bankgiro = g_strdup ("5050-1055");
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);

  customer = add_customer (f->store, "Kund AB");
  invoice = new_two_line_invoice (customer, ymd (2026, 5, 4));
  g_strlcpy (invoice->currency, "SEK", sizeof invoice->currency);
  save_draft (f->store, invoice);
  g_assert_true (kassa_store_send_invoice (f->store, invoice->id, &error));
  g_assert_no_error (error);

  sent = kassa_store_get_invoice (f->store, invoice->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sent->number, ==, 1000);
  g_assert_cmpstr (sent->reference, ==, "100065");
  g_assert_true (kassa_reference_se_ocr_is_valid (sent->reference));

  note_id = kassa_store_credit_invoice (f->store, invoice->id, ymd (2026, 5, 10), &error);
  g_assert_no_error (error);
  note = kassa_store_get_invoice (f->store, note_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (note->number, ==, 1001);
  g_assert_cmpstr (note->reference, ==, "100164");

  /* Back to Finland: the next invoice gets the Finnish reference. */
  g_clear_pointer (&company, kassa_company_free);
  company = kassa_store_get_company (f->store);
  g_strlcpy (company->country, "FI", sizeof company->country);
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);
  g_clear_pointer (&sent, kassa_invoice_record_free);
  g_clear_pointer (&invoice, kassa_invoice_record_free);
  invoice = new_two_line_invoice (customer, ymd (2026, 5, 11));
  g_strlcpy (invoice->currency, "SEK", sizeof invoice->currency);
  save_draft (f->store, invoice);
  g_assert_true (kassa_store_send_invoice (f->store, invoice->id, &error));
  sent = kassa_store_get_invoice (f->store, invoice->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sent->number, ==, 1002);
  g_assert_cmpstr (sent->reference, ==, "10029");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/company/validation", test_company_validation);
  ADD ("/store/company/next-number", test_company_next_number);
  ADD ("/store/customer/crud", test_customer_crud);
  ADD ("/store/customer/validation", test_customer_validation);
  ADD ("/store/customer/find-by-number", test_customer_find_by_number);
  ADD ("/store/customer/archive", test_customer_archive);
  ADD ("/store/invoice/totals", test_invoice_totals);
  g_test_add_func ("/store/invoice/vat-per-rate", test_invoice_vat_per_rate);
  ADD ("/store/invoice/invalid", test_invoice_invalid);
  ADD ("/store/invoice/without-company", test_invoice_without_company);
  ADD ("/store/invoice/send-gapless", test_invoice_send_gapless);
  ADD ("/store/invoice/send-without-lines", test_invoice_send_without_lines);
  ADD ("/store/invoice/import", test_invoice_import);
  ADD ("/store/invoice/disputed", test_disputed);
  g_test_add_func ("/store/status/derive", test_status_derive);
  ADD ("/store/payments/flow", test_payments);
  ADD ("/store/payments/invalid", test_payments_invalid);
  ADD ("/store/credit-note", test_credit_note);
  ADD ("/store/balances-overview", test_balances_and_overview);
  ADD ("/store/changed-signal", test_changed_signal);
  ADD ("/store/file/mode-reopen", test_file_mode_and_reopen);
  ADD ("/store/file/new-folder", test_file_in_new_folder);
  ADD ("/store/file/locked", test_file_locked);
  ADD ("/store/company/document-settings", test_company_document_settings);
  ADD ("/store/company/logo", test_company_logo);
  ADD ("/store/invoice/reference-by-country", test_invoice_reference_by_country);

#undef ADD

  return g_test_run ();
}
