/* test-sales-history.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Invoiced per month against the year before, on a company built by
 * hand: drafts and credit notes, the months at both ends of the range,
 * the partial current month and its counterpart a year earlier, a leap
 * day.  Today is 2026-11-24 unless a test says otherwise.
 */
#define G_LOG_DOMAIN "kassa-test-sales-history"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "kassa-date.h"
#include "kassa-sales-history.h"
#include "kassa-test-fixture.h"

typedef struct
{
  char       *dir;
  KassaStore *store;
  gint64      customer_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KassaCompany) company = kassa_company_new ();
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kassa-test-sales-history-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "company.kassa", NULL);
  f->store = kassa_store_open (path, &error);
  g_assert_no_error (error);

  company->name = g_strdup ("Testi Oy");
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);
  customer->name = g_strdup ("Asiakas Oy");
  customer->payment_terms_days = 14;
  g_assert_true (kassa_store_save_customer (f->store, customer, &error));
  g_assert_no_error (error);
  f->customer_id = customer->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kassa_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* A draft with one 0 % VAT line, so that its total is amount. */
static gint64
add_draft (Fixture  *f,
           KassaDay  issue_date,
           gint64    amount)
{
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  KassaInvoiceLine *line = kassa_invoice_line_new ();
  g_autoptr(GError) error = NULL;

  invoice->customer_id = f->customer_id;
  invoice->issue_date = issue_date;
  invoice->due_date = issue_date + 14;
  line->description = g_strdup ("Service");
  line->quantity = 1000;
  line->unit_price = amount;
  g_ptr_array_add (invoice->lines, line);
  g_assert_true (kassa_store_save_invoice (f->store, invoice, &error));
  g_assert_no_error (error);
  return invoice->id;
}

static gint64
add_invoice (Fixture  *f,
             KassaDay  issue_date,
             gint64    amount)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_draft (f, issue_date, amount);

  g_assert_true (kassa_store_send_invoice (f->store, id, &error));
  g_assert_no_error (error);
  return id;
}

static KassaDay
ymd (int year,
     int month,
     int day)
{
  return kassa_day_from_ymd (year, month, day);
}

static void
assert_months (const gint64 *actual,
               const gint64 *expected,
               guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      g_test_message ("month %u: %" G_GINT64_FORMAT, i, actual[i]);
      g_assert_cmpint (actual[i], ==, expected[i]);
    }
}

/* Recent: Dec 2025 … Nov 2026; year before: Dec 2024 … Nov 2025.
 *   2024-11-30  100.00  before the range
 *   2024-12-01  200.00  year_before[0]
 *   2025-06-15  300.00  year_before[6]; the 999.00 draft next day not counted
 *   2025-11-24  400.00  year_before[11]: the same day a year before today
 *   2025-11-25  500.00  after that day: the partial month leaves it out
 *   2025-12-31  600.00  recent[0]
 *   2026-10-01   70.00  recent[10] … and 2026-10-05 300.00 credited on
 *   2026-10-20 (−300.00): recent[10] = 70.00
 *   2026-11-24  800.00  recent[11]
 *   2026-11-25  900.00  after today */
static void
build_company (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 credited;

  add_invoice (f, ymd (2024, 11, 30), 10000);
  add_invoice (f, ymd (2024, 12, 1), 20000);
  add_invoice (f, ymd (2025, 6, 15), 30000);
  add_draft (f, ymd (2025, 6, 16), 99900);
  add_invoice (f, ymd (2025, 11, 24), 40000);
  add_invoice (f, ymd (2025, 11, 25), 50000);
  add_invoice (f, ymd (2025, 12, 31), 60000);
  add_invoice (f, ymd (2026, 10, 1), 7000);
  credited = add_invoice (f, ymd (2026, 10, 5), 30000);
  kassa_store_credit_invoice (f->store, credited, ymd (2026, 10, 20), &error);
  g_assert_no_error (error);
  add_invoice (f, ymd (2026, 11, 24), 80000);
  add_invoice (f, ymd (2026, 11, 25), 90000);
}

static void
test_twelve_months (Fixture       *f,
                    gconstpointer  data)
{
  const gint64 expected_recent[12] = { 60000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7000, 80000 };
  const gint64 expected_before[12] = { 20000, 0, 0, 0, 0, 0, 30000, 0, 0, 0, 0, 40000 };
  gint64 recent[12], before[12];
  g_autoptr(GError) error = NULL;

  build_company (f);
  g_assert_true (kassa_sales_history_by_month (f->store, ymd (2026, 11, 24), 12,
                                               recent, before, &error));
  g_assert_no_error (error);
  assert_months (recent, expected_recent, 12);
  assert_months (before, expected_before, 12);
}

/* Three months: Sep … Nov 2026 against Sep … Nov 2025; the months in
 * between (Dec 2025 … Aug 2026) belong to neither. */
static void
test_three_months (Fixture       *f,
                   gconstpointer  data)
{
  const gint64 expected_recent[3] = { 0, 7000, 80000 };
  const gint64 expected_before[3] = { 0, 0, 40000 };
  gint64 recent[3], before[3];
  g_autoptr(GError) error = NULL;

  build_company (f);
  g_assert_true (kassa_sales_history_by_month (f->store, ymd (2026, 11, 24), 3,
                                               recent, before, &error));
  g_assert_no_error (error);
  assert_months (recent, expected_recent, 3);
  assert_months (before, expected_before, 3);
}

/* Today 2028-02-29: a year before is 2027-02-28, the last day of that
 * February, so its invoice counts; nothing else was invoiced. */
static void
test_leap_day (Fixture       *f,
               gconstpointer  data)
{
  gint64 recent[1], before[1];
  g_autoptr(GError) error = NULL;

  add_invoice (f, ymd (2027, 2, 28), 12300);
  add_invoice (f, ymd (2028, 2, 1), 4500);
  g_assert_true (kassa_sales_history_by_month (f->store, ymd (2028, 2, 29), 1,
                                               recent, before, &error));
  g_assert_no_error (error);
  g_assert_cmpint (recent[0], ==, 4500);
  g_assert_cmpint (before[0], ==, 12300);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  gint64 recent[12], before[12];
  const gint64 zeros[12] = { 0 };
  g_autoptr(GError) error = NULL;

  memset (recent, 0xff, sizeof recent);
  memset (before, 0xff, sizeof before);
  g_assert_true (kassa_sales_history_by_month (f->store, ymd (2026, 11, 24), 12,
                                               recent, before, &error));
  g_assert_no_error (error);
  assert_months (recent, zeros, 12);
  assert_months (before, zeros, 12);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sales-history/twelve-months", test_twelve_months);
  ADD ("/sales-history/three-months", test_three_months);
  ADD ("/sales-history/leap-day", test_leap_day);
  ADD ("/sales-history/empty", test_empty);

#undef ADD

  return g_test_run ();
}
