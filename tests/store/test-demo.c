/* test-demo.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo company generator: deterministic, consistent with the store's
 * own rules (totals, references, gapless numbers) and varied enough to show
 * every status.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kassa-date.h"
#include "kassa-demo.h"
#include "kassa-invoice-list.h"
#include "kassa-reference.h"
#include "kassa-store.h"

typedef struct
{
  char       *dir;
  KassaStore *store;
  KassaDay    today;
} Fixture;

static guint n_changed;
static guint changed_flags;

static void
on_changed (KassaStore *store,
            guint       what,
            gpointer    user_data)
{
  n_changed++;
  changed_flags |= what;
}

static KassaStore *
generate (const char          *dir,
          const char          *name,
          const KassaDemoSpec *spec)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  KassaStore *store = kassa_store_open (path, &error);

  g_assert_no_error (error);
  n_changed = 0;
  changed_flags = 0;
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), NULL);

  kassa_demo_generate (store, spec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (changed_flags, ==, KASSA_STORE_CHANGE_COMPANY | KASSA_STORE_CHANGE_CUSTOMERS
                                       | KASSA_STORE_CHANGE_INVOICES | KASSA_STORE_CHANGE_PAYMENTS
                                       | KASSA_STORE_CHANGE_CASHFLOW);
  g_signal_handlers_disconnect_by_func (store, on_changed, NULL);

  return store;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KassaDemoSpec spec;

  fixture->dir = g_dir_make_tmp ("kassa-demo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->today = kassa_day_from_ymd (2026, 11, 24);
  kassa_demo_spec_init_demo (&spec, fixture->today);
  fixture->store = generate (fixture->dir, "demo.kassa", &spec);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static gint64
query_int (KassaStore *store,
           const char *sql,
           KassaDay    today)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (kassa_store_get_db (store), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int (stmt, 1, today);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* SHA-256 over every row of every table, in id order. */
static char *
digest_rows (KassaStore *store)
{
  static const char *queries[] = {
    "SELECT * FROM company",
    "SELECT * FROM customers ORDER BY id",
    "SELECT * FROM invoices ORDER BY id",
    "SELECT * FROM invoice_lines ORDER BY id",
    "SELECT * FROM payments ORDER BY id",
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (kassa_store_get_db (store), queries[q], -1, &stmt,
                                           NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const guchar *text = sqlite3_column_text (stmt, c);

            g_checksum_update (checksum, text ? text : (const guchar *) "<null>", -1);
            g_checksum_update (checksum, (const guchar *) "\x1f", 1);
          }
      sqlite3_finalize (stmt);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KassaStore) again = NULL;
  g_autoptr(KassaStore) other = NULL;
  g_autofree char *first = digest_rows (fixture->store);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  KassaDemoSpec spec;

  kassa_demo_spec_init_demo (&spec, fixture->today);
  again = generate (fixture->dir, "again.kassa", &spec);
  second = digest_rows (again);
  g_assert_cmpstr (first, ==, second);

  /* Another seed gives another company (so the digest can tell). */
  spec.seed++;
  other = generate (fixture->dir, "other.kassa", &spec);
  third = digest_rows (other);
  g_assert_cmpstr (first, !=, third);
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  KassaStore *store = fixture->store;
  gint64 n_invoices = query_int (store, "SELECT COUNT(*) FROM invoices", 0);
  gint64 n_lines = query_int (store, "SELECT COUNT(*) FROM invoice_lines", 0);
  gint64 n_businesses = query_int (store, "SELECT COUNT(*) FROM customers WHERE kind = 0", 0);
  gint64 n_einvoice = query_int (store, "SELECT COUNT(*) FROM customers WHERE kind = 0"
                                        " AND delivery = 1", 0);

  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM customers", 0), ==, 200);
  g_assert_cmpint (n_invoices, ==, 3000);
  /* 1–5 lines, 2.55 on average. */
  g_assert_cmpint (n_lines, >=, 2.3 * n_invoices);
  g_assert_cmpint (n_lines, <=, 2.8 * n_invoices);
  g_assert_cmpint (query_int (store, "SELECT MIN(c) FROM (SELECT COUNT(*) AS c FROM invoice_lines"
                                     " GROUP BY invoice_id)", 0), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT MAX(c) FROM (SELECT COUNT(*) AS c FROM invoice_lines"
                                     " GROUP BY invoice_id)", 0), ==, 5);
  /* Mostly Finnish businesses, some consumers, e-invoices ~40 % of the
   * Finnish businesses. */
  g_assert_cmpint (n_businesses, >=, 140);
  g_assert_cmpint (n_businesses, <=, 180);
  g_assert_cmpint (n_einvoice, >=, n_businesses / 5);
  g_assert_cmpint (n_einvoice, <=, n_businesses / 2);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM customers WHERE country = 'FI'", 0),
                   >=, 140);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM customers WHERE country = 'SE'", 0),
                   >, 5);
  /* Every VAT rate of the brief appears. */
  g_assert_cmpint (query_int (store, "SELECT COUNT(DISTINCT vat_rate) FROM invoice_lines", 0),
                   ==, 4);
  /* Issued over two years ending today. */
  g_assert_cmpint (query_int (store, "SELECT MAX(issue_date) FROM invoices", 0), <=,
                   fixture->today);
  g_assert_cmpint (query_int (store, "SELECT MIN(issue_date) FROM invoices", 0), >,
                   fixture->today - 2 * 366);
}

static void
test_totals (Fixture       *fixture,
             gconstpointer  data)
{
  for (gint64 id = 1; id <= 3000; id += 15)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KassaInvoiceRecord) invoice = kassa_store_get_invoice (fixture->store, id, &error);
      gint64 net, vat, gross, total = 0, paid = 0;

      g_assert_no_error (error);
      kassa_invoice_record_get_totals (invoice, &net, &vat, &gross);
      kassa_store_get_invoice_amounts (fixture->store, id, &total, &paid, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gross, ==, total);
      g_assert_cmpint (gross, ==, net + vat);
    }

  g_assert_cmpint (query_int (fixture->store,
                              "SELECT COUNT(*) FROM invoices WHERE total <> total_net + total_vat",
                              0), ==, 0);
}

static void
test_payments (Fixture       *fixture,
               gconstpointer  data)
{
  KassaStore *store = fixture->store;
  KassaDay today = fixture->today;
  gint64 n_sent = query_int (store, "SELECT COUNT(*) FROM invoices WHERE state = 1"
                                    " AND credited_invoice_id IS NULL", 0);
  gint64 n_paid = query_int (store, "SELECT COUNT(*) FROM invoices WHERE state = 1"
                                    " AND credited_invoice_id IS NULL AND paid = total", 0);

  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM payments WHERE date > ?1", today),
                   ==, 0);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM payments p JOIN invoices i"
                                     " ON i.id = p.invoice_id WHERE p.date < i.issue_date", 0),
                   ==, 0);
  /* No overpayment anywhere; nothing paid on drafts, credited invoices or
   * credit notes. */
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM invoices WHERE paid > total"
                                     " AND total > 0", 0), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM invoices WHERE paid <> 0"
                                     " AND (state <> 1 OR credited_invoice_id IS NOT NULL)", 0),
                   ==, 0);
  g_assert_cmpint (query_int (store, "SELECT SUM(amount) FROM payments", 0), ==,
                   query_int (store, "SELECT SUM(paid) FROM invoices", 0));

  /* Most are paid in full. */
  g_assert_cmpint (n_paid, >=, n_sent * 70 / 100);
}

static void
test_statuses (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct {
    const char *what;
    const char *sql;
    gint64      min, max;
  } cases[] = {
    { "overdue", "SELECT COUNT(*) FROM invoices WHERE state = 1 AND total - paid > 0"
                 " AND due_date < ?1", 20, 600 },
    { "overdue > 90 days", "SELECT COUNT(*) FROM invoices WHERE state = 1"
                           " AND total - paid > 0 AND due_date < ?1 - 90", 3, 300 },
    { "partially paid", "SELECT COUNT(*) FROM invoices WHERE state = 1 AND paid > 0"
                        " AND paid < total", 3, 300 },
    { "open, not due", "SELECT COUNT(*) FROM invoices WHERE state = 1 AND paid = 0"
                       " AND total > 0 AND due_date >= ?1", 20, 400 },
    { "disputed", "SELECT COUNT(*) FROM invoices WHERE disputed = 1", 10, 60 },
    { "credited", "SELECT COUNT(*) FROM invoices WHERE state = 2", 2, 20 },
    { "credit notes", "SELECT COUNT(*) FROM invoices WHERE credited_invoice_id IS NOT NULL",
      2, 20 },
    { "drafts", "SELECT COUNT(*) FROM invoices WHERE state = 0", 1, 10 },
    { "discounted lines", "SELECT COUNT(*) FROM invoice_lines WHERE discount > 0", 100, 1500 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 n = query_int (fixture->store, cases[i].sql, fixture->today);

      g_test_message ("%s: %" G_GINT64_FORMAT, cases[i].what, n);
      g_assert_cmpint (n, >=, cases[i].min);
      g_assert_cmpint (n, <=, cases[i].max);
    }

  /* Credit notes negate their original exactly. */
  g_assert_cmpint (query_int (fixture->store,
                              "SELECT COUNT(*) FROM invoices c JOIN invoices o"
                              " ON o.id = c.credited_invoice_id"
                              " WHERE c.total <> -o.total OR o.state <> 2 OR c.state <> 1"
                              " OR c.customer_id <> o.customer_id OR c.issue_date < o.issue_date",
                              0), ==, 0);
}

static void
test_numbers_and_references (Fixture       *fixture,
                             gconstpointer  data)
{
  KassaStore *store = fixture->store;
  g_autoptr(KassaCompany) company = kassa_store_get_company (store);
  gint64 n_numbered = query_int (store, "SELECT COUNT(number) FROM invoices", 0);
  gint64 max_number = query_int (store, "SELECT MAX(number) FROM invoices", 0);
  sqlite3_stmt *stmt = NULL;
  guint n_checked = 0;

  g_assert_cmpint (query_int (store, "SELECT MIN(number) FROM invoices", 0), ==, 1000);
  g_assert_cmpint (max_number - 1000 + 1, ==, n_numbered);
  g_assert_cmpint (company->next_invoice_number, ==, max_number + 1);
  /* Numbered in issue-date order. */
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM invoices a JOIN invoices b"
                                     " ON b.number = a.number + 1"
                                     " WHERE b.issue_date < a.issue_date", 0), ==, 0);

  g_assert_cmpint (sqlite3_prepare_v2 (kassa_store_get_db (store),
                                       "SELECT number, reference FROM invoices", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *reference = (const char *) sqlite3_column_text (stmt, 1);

      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        {
          g_assert_null (reference);
          continue;
        }

      {
        g_autofree char *expected =
          kassa_reference_fi_from_number (sqlite3_column_int64 (stmt, 0));

        g_assert_true (kassa_reference_fi_is_valid (reference));
        g_assert_cmpstr (reference, ==, expected);
        n_checked++;
      }
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (n_checked, ==, n_numbered);

  /* The company's and the Finnish customers' identifiers are valid. */
  g_assert_cmpstr (company->name, ==, "Aurora Design Oy");
  g_assert_true (kassa_business_id_fi_is_valid (company->business_id));
  g_assert_true (kassa_iban_is_valid (company->iban));
  g_assert_cmpint (company->payment_terms_days, ==, 14);
  g_assert_cmpstr (company->currency, ==, "EUR");

  g_assert_cmpint (sqlite3_prepare_v2 (kassa_store_get_db (store),
                                       "SELECT business_id FROM customers"
                                       " WHERE country = 'FI' AND kind = 0", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  n_checked = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_true (kassa_business_id_fi_is_valid ((const char *) sqlite3_column_text (stmt, 0)));
      n_checked++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_checked, >, 100);
}

/* The generator fills the FTS indexes in bulk with its insert triggers
 * dropped: the triggers must be back, unchanged, and the indexes complete. */
static void
test_search_indexes (Fixture       *fixture,
                     gconstpointer  data)
{
  KassaStore *store = fixture->store;
  g_autoptr(KassaInvoiceList) list = kassa_invoice_list_new (store, fixture->today);
  g_autoptr(KassaInvoice) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "plain.kassa", NULL);
  g_autoptr(KassaStore) plain = kassa_store_open (path, &error);

  g_assert_no_error (error);
  /* Same trigger text as in a file that never saw the generator. */
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'",
                              0), ==,
                   query_int (plain, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'",
                              0));
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (kassa_store_get_db (plain),
                                         "SELECT name, sql FROM sqlite_master"
                                         " WHERE type = 'trigger' ORDER BY name", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        sqlite3_stmt *other = NULL;

        g_assert_cmpint (sqlite3_prepare_v2 (kassa_store_get_db (store),
                                             "SELECT sql FROM sqlite_master"
                                             " WHERE type = 'trigger' AND name = ?1",
                                             -1, &other, NULL), ==, SQLITE_OK);
        sqlite3_bind_text (other, 1, (const char *) sqlite3_column_text (stmt, 0), -1,
                           SQLITE_TRANSIENT);
        g_assert_cmpint (sqlite3_step (other), ==, SQLITE_ROW);
        g_assert_cmpstr ((const char *) sqlite3_column_text (other, 0), ==,
                         (const char *) sqlite3_column_text (stmt, 1));
        sqlite3_finalize (other);
      }
    sqlite3_finalize (stmt);
  }

  g_assert_cmpint (sqlite3_exec (kassa_store_get_db (store),
                                 "INSERT INTO invoices_fts (invoices_fts) VALUES ('integrity-check');"
                                 "INSERT INTO customers_fts (customers_fts) VALUES ('integrity-check');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  kassa_invoice_list_set_search (list, "10003");   /* reference of 1000 */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (kassa_invoice_get_summary (first)->number, ==, 1000);

  kassa_invoice_list_set_search (list, "Oy");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 1000);
}

static void
test_refuses_non_empty (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KassaDemoSpec spec;

  kassa_demo_spec_init_demo (&spec, fixture->today);
  g_assert_false (kassa_demo_generate (fixture->store, &spec, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_assert_cmpint (query_int (fixture->store, "SELECT COUNT(*) FROM customers", 0), ==, 200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/demo/deterministic", test_deterministic);
  ADD ("/demo/counts", test_counts);
  ADD ("/demo/totals", test_totals);
  ADD ("/demo/payments", test_payments);
  ADD ("/demo/statuses", test_statuses);
  ADD ("/demo/numbers-and-references", test_numbers_and_references);
  ADD ("/demo/search-indexes", test_search_indexes);
  ADD ("/demo/refuses-non-empty", test_refuses_non_empty);

#undef ADD

  return g_test_run ();
}
