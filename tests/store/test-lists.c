/* test-lists.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lazy list models on small hand-made company files.  Expected values
 * are worked out by hand from the data in fixture_setup(); paging is
 * checked against a direct SQL query (an independent method).
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kassa-customer-list.h"
#include "kassa-date.h"
#include "kassa-invoice-list.h"
#include "kassa-list-pager-private.h"
#include "kassa-store.h"

typedef struct
{
  char             *dir;
  KassaStore       *store;
  KassaDay          today;
  gint64            aalto, bergstrom, virtanen;  /* customer ids */
  gint64            inv[7];                      /* invoice ids, 1-based as in the comments */
  KassaInvoiceList *list;
  guint             n_changes;
  guint             last_position, last_removed, last_added;
} Fixture;

static KassaStore *
open_new_store (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "company.kassa", NULL);
  g_autoptr(KassaCompany) company = kassa_company_new ();
  g_autoptr(GError) error = NULL;
  KassaStore *store;

  store = kassa_store_open (path, &error);
  g_assert_no_error (error);

  company->name = g_strdup ("Test Oy");
  kassa_store_save_company (store, company, &error);
  g_assert_no_error (error);

  return store;
}

static gint64
add_customer (KassaStore *store,
              const char *number,
              const char *name)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  customer->number = g_strdup (number);
  customer->name = g_strdup (name);
  kassa_store_save_customer (store, customer, &error);
  g_assert_no_error (error);

  return customer->id;
}

/* A one-line invoice (quantity in whole units), sent unless draft. */
static gint64
add_invoice (KassaStore *store,
             gint64      customer_id,
             KassaDay    issue,
             KassaDay    due,
             gint64      quantity,
             gint64      unit_price,
             gint        vat_rate,
             gboolean    send)
{
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  g_autoptr(GError) error = NULL;
  KassaInvoiceLine *line = kassa_invoice_line_new ();

  invoice->customer_id = customer_id;
  invoice->issue_date = issue;
  invoice->due_date = due;
  line->description = g_strdup ("Design work");
  line->quantity = quantity * 1000;
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
             gint64      amount)
{
  g_autoptr(KassaPayment) payment = kassa_payment_new ();
  g_autoptr(GError) error = NULL;

  payment->invoice_id = invoice_id;
  payment->date = date;
  payment->amount = amount;
  kassa_store_add_payment (store, payment, FALSE, &error);
  g_assert_no_error (error);
}

static KassaDay
ymd (int y,
     int m,
     int d)
{
  return kassa_day_from_ymd (y, m, d);
}

static void
on_items_changed (Fixture *fixture,
                  guint    position,
                  guint    removed,
                  guint    added)
{
  fixture->n_changes++;
  fixture->last_position = position;
  fixture->last_removed = removed;
  fixture->last_added = added;
}

/* The data (today = 2026-03-01):
 *   I1 1000 Aalto      issue 01-05 due 01-19 1 × 100.00 @25.5 % = 125.50, paid → PAID
 *   I2 1001 Bergström  issue 01-10 due 01-24 2 × 50.00 @25.5 % = 125.50, 50.00 paid
 *                      → OVERDUE, open 75.50, 36 days (Jan 24 → Mar 1: 7 + 28 + 1)
 *   I3 1002 Virtanen   issue 02-20 due 03-06 1 × 200.00 @25.5 % = 251.00 → OPEN
 *   I4 1003 Aalto      issue 02-25 due 03-11 3 × 10.00 @13.5 % = 34.05 → CREDITED
 *   I5 1004 Aalto      credit note of I4 dated 02-27: −34.05, open −34.05 + 34.05 = 0
 *   I6 draft Bergström issue 02-28 due 03-14 1 × 70.00 @0 % = 70.00
 * Ids are 1…6 in this order (the credit note is created before the draft). */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kassa-lists-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = open_new_store (fixture->dir);
  fixture->today = ymd (2026, 3, 1);

  fixture->aalto = add_customer (fixture->store, "1001", "Aalto Design Oy");
  fixture->bergstrom = add_customer (fixture->store, "1002", "Bergström Bygg AB");
  fixture->virtanen = add_customer (fixture->store, "1003", "Matti Virtanen");

  fixture->inv[1] = add_invoice (fixture->store, fixture->aalto, ymd (2026, 1, 5),
                                 ymd (2026, 1, 19), 1, 10000, 2550, TRUE);
  fixture->inv[2] = add_invoice (fixture->store, fixture->bergstrom, ymd (2026, 1, 10),
                                 ymd (2026, 1, 24), 2, 5000, 2550, TRUE);
  fixture->inv[3] = add_invoice (fixture->store, fixture->virtanen, ymd (2026, 2, 20),
                                 ymd (2026, 3, 6), 1, 20000, 2550, TRUE);
  fixture->inv[4] = add_invoice (fixture->store, fixture->aalto, ymd (2026, 2, 25),
                                 ymd (2026, 3, 11), 3, 1000, 1350, TRUE);
  fixture->inv[5] = kassa_store_credit_invoice (fixture->store, fixture->inv[4],
                                                ymd (2026, 2, 27), &error);
  g_assert_no_error (error);
  fixture->inv[6] = add_invoice (fixture->store, fixture->bergstrom, ymd (2026, 2, 28),
                                 ymd (2026, 3, 14), 1, 7000, 0, FALSE);

  add_payment (fixture->store, fixture->inv[1], ymd (2026, 1, 15), 12550);
  add_payment (fixture->store, fixture->inv[2], ymd (2026, 1, 30), 5000);

  for (guint i = 1; i <= 6; i++)
    g_assert_cmpint (fixture->inv[i], ==, i);

  fixture->list = kassa_invoice_list_new (fixture->store, fixture->today);
  g_signal_connect_swapped (fixture->list, "items-changed",
                            G_CALLBACK (on_items_changed), fixture);
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
  g_clear_object (&fixture->list);
  g_clear_object (&fixture->store);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* The invoice ids of the whole list, as a string "6 5 4 …". */
static char *
list_ids (GListModel *model)
{
  GString *ids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 id = KASSA_IS_INVOICE (item)
        ? kassa_invoice_get_id (KASSA_INVOICE (item))
        : kassa_customer_get_id (KASSA_CUSTOMER (item));

      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? " " : "", id);
    }
  g_assert_null (g_list_model_get_item (model, n));

  return g_string_free (ids, FALSE);
}

static void
test_filter_counts (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct {
    KassaInvoiceFilter filter;
    guint              n;
    const char        *ids;
  } cases[] = {
    { KASSA_INVOICE_FILTER_ALL, 6, "6 5 4 3 2 1" },
    { KASSA_INVOICE_FILTER_DRAFT, 1, "6" },
    { KASSA_INVOICE_FILTER_OPEN, 2, "3 2" },
    { KASSA_INVOICE_FILTER_OVERDUE, 1, "2" },
    { KASSA_INVOICE_FILTER_PAID, 1, "1" },
    { KASSA_INVOICE_FILTER_CREDITED, 2, "5 4" },
  };
  GListModel *model = G_LIST_MODEL (fixture->list);

  g_assert_true (g_list_model_get_item_type (model) == KASSA_TYPE_INVOICE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ids = NULL;

      kassa_invoice_list_set_filter (fixture->list, cases[i].filter);
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, cases[i].n);
      ids = list_ids (model);
      g_assert_cmpstr (ids, ==, cases[i].ids);
    }

  /* Customer and issue date range, with the filter back at ALL. */
  kassa_invoice_list_set_filter (fixture->list, KASSA_INVOICE_FILTER_ALL);
  kassa_invoice_list_set_customer (fixture->list, fixture->bergstrom);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  kassa_invoice_list_set_customer (fixture->list, 0);
  kassa_invoice_list_set_date_range (fixture->list, ymd (2026, 2, 1), ymd (2026, 2, 26));
  {
    g_autofree char *ids = list_ids (model);

    g_assert_cmpstr (ids, ==, "4 3");
  }
  kassa_invoice_list_set_date_range (fixture->list, ymd (2026, 2, 27), 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* Overdue depends on the list's today: on 2026-03-07 I3 is overdue too. */
  kassa_invoice_list_set_date_range (fixture->list, 0, 0);
  kassa_invoice_list_set_filter (fixture->list, KASSA_INVOICE_FILTER_OVERDUE);
  kassa_invoice_list_set_today (fixture->list, ymd (2026, 3, 7));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
}

static void
test_item_contents (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct {
    gint64             number;
    const char        *customer;
    gint64             total, paid, open;
    KassaInvoiceStatus status;
    gint               days_overdue;
  } expected[] = {   /* list order: 6 5 4 3 2 1 */
    { 0, "Bergström Bygg AB", 7000, 0, 0, KASSA_INVOICE_STATUS_DRAFT, 0 },
    { 1004, "Aalto Design Oy", -3405, 0, 0, KASSA_INVOICE_STATUS_CREDIT_NOTE, 0 },
    { 1003, "Aalto Design Oy", 3405, 0, 0, KASSA_INVOICE_STATUS_CREDITED, 0 },
    { 1002, "Matti Virtanen", 25100, 0, 25100, KASSA_INVOICE_STATUS_OPEN, 0 },
    { 1001, "Bergström Bygg AB", 12550, 5000, 7550, KASSA_INVOICE_STATUS_OVERDUE, 36 },
    { 1000, "Aalto Design Oy", 12550, 12550, 0, KASSA_INVOICE_STATUS_PAID, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(KassaInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (fixture->list), i);
      const KassaInvoiceSummary *s = kassa_invoice_get_summary (invoice);
      g_autofree char *name = NULL;
      gint64 open = -1;

      g_assert_cmpint (s->number, ==, expected[i].number);
      g_assert_cmpstr (s->customer_name, ==, expected[i].customer);
      g_assert_cmpint (s->total, ==, expected[i].total);
      g_assert_cmpint (s->paid, ==, expected[i].paid);
      g_assert_cmpint (s->open_amount, ==, expected[i].open);
      g_assert_cmpint (s->status, ==, expected[i].status);
      g_assert_cmpint (kassa_invoice_get_status (invoice), ==, expected[i].status);
      g_assert_cmpint (s->days_overdue, ==, expected[i].days_overdue);
      g_assert_cmpstr (s->currency, ==, "EUR");
      g_assert_true ((s->reference == NULL) == (s->number == 0));

      /* The same values through the read-only properties. */
      g_object_get (invoice, "customer-name", &name, "open-amount", &open, NULL);
      g_assert_cmpstr (name, ==, expected[i].customer);
      g_assert_cmpint (open, ==, expected[i].open);
    }

  {
    g_autoptr(KassaInvoice) credit_note = g_list_model_get_item (G_LIST_MODEL (fixture->list), 1);
    g_autoptr(KassaInvoice) first = g_list_model_get_item (G_LIST_MODEL (fixture->list), 5);

    g_assert_cmpint (kassa_invoice_get_summary (credit_note)->credited_invoice_id, ==,
                     fixture->inv[4]);
    /* Reference of 1000: weights 7,3,1,7 from the right: 0·7 + 0·3 + 0·1
     * + 1·7 = 7, check (10 − 7) mod 10 = 3. */
    g_assert_cmpstr (kassa_invoice_get_summary (first)->reference, ==, "10003");
  }
}

static void
test_sort_orders (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct {
    KassaInvoiceSort sort;
    gboolean         descending;
    const char      *ids;
  } cases[] = {
    { KASSA_INVOICE_SORT_NUMBER, TRUE, "6 5 4 3 2 1" },     /* draft first */
    { KASSA_INVOICE_SORT_NUMBER, FALSE, "1 2 3 4 5 6" },    /* draft last */
    { KASSA_INVOICE_SORT_ISSUE_DATE, FALSE, "1 2 3 4 5 6" },
    { KASSA_INVOICE_SORT_ISSUE_DATE, TRUE, "6 5 4 3 2 1" },
    /* due: 01-19, 01-24, 02-27 (credit note), 03-06, 03-11, 03-14 */
    { KASSA_INVOICE_SORT_DUE_DATE, FALSE, "1 2 5 3 4 6" },
    { KASSA_INVOICE_SORT_DUE_DATE, TRUE, "6 4 3 5 2 1" },
    /* Aalto (1 4 5), Bergström (2 6), Matti Virtanen (3); ties by id */
    { KASSA_INVOICE_SORT_CUSTOMER, FALSE, "1 4 5 2 6 3" },
    { KASSA_INVOICE_SORT_CUSTOMER, TRUE, "3 6 2 5 4 1" },
    /* −34.05, 34.05, 70.00, 125.50 (1), 125.50 (2), 251.00 */
    { KASSA_INVOICE_SORT_TOTAL, FALSE, "5 4 6 1 2 3" },
    { KASSA_INVOICE_SORT_TOTAL, TRUE, "3 2 1 6 4 5" },
    /* open: 0 (1 4 5 6), 75.50 (2), 251.00 (3) */
    { KASSA_INVOICE_SORT_OPEN, FALSE, "1 4 5 6 2 3" },
    { KASSA_INVOICE_SORT_OPEN, TRUE, "3 2 6 5 4 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ids = NULL;

      kassa_invoice_list_set_sort (fixture->list, cases[i].sort, cases[i].descending);
      ids = list_ids (G_LIST_MODEL (fixture->list));
      g_test_message ("sort %d descending %d", cases[i].sort, cases[i].descending);
      g_assert_cmpstr (ids, ==, cases[i].ids);
    }
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct {
    const char *search;
    const char *ids;
  } cases[] = {
    { "", "6 5 4 3 2 1" },
    { "aalto", "5 4 1" },                  /* customer name prefix */
    { "AAL", "5 4 1" },
    { "bergstrom", "6 2" },               /* diacritics folded */
    { "bergström bygg", "6 2" },
    { "virtanen matti", "3" },
    { "10045", "5" },                     /* reference of 1004 */
    { "10003", "1" },                     /* reference of 1000 */
    { "1004", "5" },                      /* number (and its reference) */
    /* 1002 is I3's number, and "1002…" also the customer number of
     * Bergström (I2, I6). */
    { "1002", "6 3 2" },
    { "nosuchname", "" },
    /* FTS5 syntax typed by the user is taken literally. */
    { "\"aalto", "5 4 1" },
    { "aalto\"", "5 4 1" },
    { "(aalto)", "5 4 1" },
    { "aalto*", "5 4 1" },
    { "aalto AND", "" },
    { "aalto OR virtanen", "" },
    { "NEAR(aalto", "" },
    { "virtanen -matti", "3" },
    { "-", "6 5 4 3 2 1" },
    { "\"", "6 5 4 3 2 1" },
    { "( ) * \" -", "6 5 4 3 2 1" },
    { "^aalto", "5 4 1" },
    { "number:1000", "" },
    { "a:b", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ids = NULL;

      g_test_message ("search '%s'", cases[i].search);
      kassa_invoice_list_set_search (fixture->list, cases[i].search);
      ids = list_ids (G_LIST_MODEL (fixture->list));
      g_assert_cmpstr (ids, ==, cases[i].ids);
    }
}

static void
test_fts_query (void)
{
  static const struct {
    const char *text;
    const char *query;
  } cases[] = {
    { "", NULL },
    { "   ", NULL },
    { "( - *", NULL },
    { "kallio", "\"kallio\"*" },
    { "  kallio  oy ", "\"kallio\"* \"oy\"*" },
    { "\"kallio", "\"\"\"kallio\"*" },
    { "AND", "\"AND\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = kassa_list_fts_query (cases[i].text);

      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

static void
test_items_changed (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->list);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  g_assert_cmpuint (fixture->n_changes, ==, 0);

  /* A store write: one signal replacing everything. */
  add_payment (fixture->store, fixture->inv[3], ymd (2026, 2, 28), 100);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_cmpuint (fixture->last_position, ==, 0);
  g_assert_cmpuint (fixture->last_removed, ==, 6);
  g_assert_cmpuint (fixture->last_added, ==, 6);
  {
    g_autoptr(KassaInvoice) i3 = g_list_model_get_item (model, 3);

    /* The page cache was dropped: the new payment shows. */
    g_assert_cmpint (kassa_invoice_get_summary (i3)->paid, ==, 100);
    g_assert_cmpint (kassa_invoice_get_status (i3), ==, KASSA_INVOICE_STATUS_PARTIALLY_PAID);
  }

  kassa_invoice_list_set_search (fixture->list, "aalto");
  g_assert_cmpuint (fixture->n_changes, ==, 2);
  g_assert_cmpuint (fixture->last_removed, ==, 6);
  g_assert_cmpuint (fixture->last_added, ==, 3);

  /* Setting the same search again changes nothing. */
  kassa_invoice_list_set_search (fixture->list, "aalto");
  g_assert_cmpuint (fixture->n_changes, ==, 2);

  add_invoice (fixture->store, fixture->aalto, ymd (2026, 3, 1), ymd (2026, 3, 15),
               1, 1000, 2550, FALSE);
  g_assert_cmpuint (fixture->n_changes, ==, 3);
  g_assert_cmpuint (fixture->last_removed, ==, 3);
  g_assert_cmpuint (fixture->last_added, ==, 4);

  /* Frozen: several settings, one signal on thaw. */
  kassa_invoice_list_freeze (fixture->list);
  kassa_invoice_list_set_search (fixture->list, NULL);
  kassa_invoice_list_set_filter (fixture->list, KASSA_INVOICE_FILTER_DRAFT);
  kassa_invoice_list_set_sort (fixture->list, KASSA_INVOICE_SORT_TOTAL, FALSE);
  g_assert_cmpuint (fixture->n_changes, ==, 3);
  kassa_invoice_list_thaw (fixture->list);
  g_assert_cmpuint (fixture->n_changes, ==, 4);
  g_assert_cmpuint (fixture->last_removed, ==, 4);
  g_assert_cmpuint (fixture->last_added, ==, 2);

  /* A company change is not about invoices. */
  {
    g_autoptr(KassaCompany) company = kassa_store_get_company (fixture->store);

    g_free (company->phone);
    company->phone = g_strdup ("+358 9 123");
    kassa_store_save_company (fixture->store, company, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (fixture->n_changes, ==, 4);
  }
}

static void
test_customer_list (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct {
    KassaCustomerSort sort;
    gboolean          descending;
    const char       *ids;
  } cases[] = {
    { KASSA_CUSTOMER_SORT_NAME, FALSE, "1 2 3" },
    { KASSA_CUSTOMER_SORT_NAME, TRUE, "3 2 1" },
    { KASSA_CUSTOMER_SORT_NUMBER, FALSE, "1 2 3" },
    /* open: Aalto 125.50 − 125.50 + 34.05 − 34.05 = 0, Bergström 75.50,
     * Virtanen 251.00 */
    { KASSA_CUSTOMER_SORT_OPEN, TRUE, "3 2 1" },
    { KASSA_CUSTOMER_SORT_OPEN, FALSE, "1 2 3" },
    /* overdue: Bergström 75.50, others 0 (ties by id) */
    { KASSA_CUSTOMER_SORT_OVERDUE, TRUE, "2 3 1" },
    { KASSA_CUSTOMER_SORT_BUSINESS_ID, FALSE, "1 2 3" },
  };
  g_autoptr(KassaCustomerList) list = kassa_customer_list_new (fixture->store);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(GError) error = NULL;

  kassa_customer_list_set_today (list, fixture->today);
  g_assert_true (g_list_model_get_item_type (model) == KASSA_TYPE_CUSTOMER);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  {
    static const gint64 open[] = { 0, 7550, 25100 };
    static const gint64 overdue[] = { 0, 7550, 0 };

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(KassaCustomer) customer = g_list_model_get_item (model, i);
        gint64 store_open, store_overdue;

        g_assert_cmpint (kassa_customer_get_open_amount (customer), ==, open[i]);
        g_assert_cmpint (kassa_customer_get_overdue_amount (customer), ==, overdue[i]);
        /* The same figures as the store's own balance query. */
        kassa_store_get_customer_balance (fixture->store, kassa_customer_get_id (customer),
                                          fixture->today, &store_open, &store_overdue);
        g_assert_cmpint (store_open, ==, open[i]);
        g_assert_cmpint (store_overdue, ==, overdue[i]);
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ids = NULL;

      kassa_customer_list_set_sort (list, cases[i].sort, cases[i].descending);
      ids = list_ids (model);
      g_assert_cmpstr (ids, ==, cases[i].ids);
    }

  kassa_customer_list_set_sort (list, KASSA_CUSTOMER_SORT_NAME, FALSE);
  g_assert_cmpint (kassa_customer_list_find (list, fixture->aalto), ==, 0);
  g_assert_cmpint (kassa_customer_list_find (list, fixture->bergstrom), ==, 1);
  g_assert_cmpint (kassa_customer_list_find (list, fixture->virtanen), ==, 2);
  g_assert_cmpint (kassa_customer_list_find (list, 999), ==, -1);
  kassa_customer_list_set_sort (list, KASSA_CUSTOMER_SORT_OPEN, TRUE);
  g_assert_cmpint (kassa_customer_list_find (list, fixture->virtanen), ==, 0);
  g_assert_cmpint (kassa_customer_list_find (list, fixture->aalto), ==, 2);

  kassa_customer_list_set_search (list, "berg");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpint (kassa_customer_list_find (list, fixture->bergstrom), ==, 0);
  g_assert_cmpint (kassa_customer_list_find (list, fixture->aalto), ==, -1);
  kassa_customer_list_set_search (list, "1003");
  {
    g_autoptr(KassaCustomer) customer = g_list_model_get_item (model, 0);

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    g_assert_cmpstr (kassa_customer_get_name (customer), ==, "Matti Virtanen");
    g_assert_cmpstr (kassa_customer_get_number (customer), ==, "1003");
  }
  kassa_customer_list_set_search (list, "(\"*");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Archived customers are hidden unless asked for. */
  kassa_store_set_customer_archived (fixture->store, fixture->virtanen, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  kassa_customer_list_set_show_archived (list, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
}

/* Paging: 250 sent invoices, seven per issue date so that equal sort keys
 * straddle page boundaries. */
typedef struct
{
  gint64   customer_id;
  KassaDay first_day;
} BulkData;

static gboolean
add_many_invoices (KassaStore *store,
                   gpointer    user_data,
                   GError    **error)
{
  BulkData *bulk = user_data;

  for (guint i = 0; i < 250; i++)
    {
      KassaDay issue = bulk->first_day + (KassaDay) (i / 7);
      g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
      KassaInvoiceLine *line = kassa_invoice_line_new ();

      invoice->customer_id = bulk->customer_id;
      invoice->issue_date = issue;
      invoice->due_date = issue + 14;
      line->description = g_strdup ("Hours");
      line->quantity = 1000;
      line->unit_price = 1000 + (i * 37) % 50;   /* totals repeat too */
      line->vat_rate = 2550;
      g_ptr_array_add (invoice->lines, line);

      if (!kassa_store_save_invoice (store, invoice, error)
          || !kassa_store_send_invoice (store, invoice->id, error))
        return FALSE;
    }

  return TRUE;
}

static char *
sql_ids (KassaStore *store,
         const char *order_by)
{
  g_autofree char *sql = g_strconcat ("SELECT id FROM invoices ORDER BY ", order_by, NULL);
  sqlite3_stmt *stmt = NULL;
  GString *ids = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (kassa_store_get_db (store), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len ? " " : "",
                            (gint64) sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);

  return g_string_free (ids, FALSE);
}

static void
test_paging (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kassa-paging-XXXXXX", &error);
  g_autoptr(KassaStore) store = open_new_store (dir);
  g_autoptr(KassaInvoiceList) list = NULL;
  BulkData bulk = { 0, ymd (2025, 1, 1) };
  GListModel *model;
  static const struct {
    guint  position;
    gint64 number;
  } probes[] = {
    { 0, 1249 }, { 99, 1150 }, { 100, 1149 }, { 199, 1050 }, { 249, 1000 },
  };
  static const struct {
    KassaInvoiceSort sort;
    gboolean         descending;
    const char      *order_by;
  } orders[] = {
    { KASSA_INVOICE_SORT_NUMBER, TRUE, "number DESC" },
    { KASSA_INVOICE_SORT_ISSUE_DATE, FALSE, "issue_date, id" },
    { KASSA_INVOICE_SORT_ISSUE_DATE, TRUE, "issue_date DESC, id DESC" },
    { KASSA_INVOICE_SORT_TOTAL, FALSE, "total, id" },
    { KASSA_INVOICE_SORT_TOTAL, TRUE, "total DESC, id DESC" },
  };

  g_assert_no_error (error);
  bulk.customer_id = add_customer (store, "", "Kallio Rakennus Oy");
  kassa_store_run_in_transaction (store, add_many_invoices, &bulk, &error);
  g_assert_no_error (error);

  list = kassa_invoice_list_new (store, ymd (2026, 1, 1));
  model = G_LIST_MODEL (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 250);

  /* Jumping straight to the end first (no earlier page known: OFFSET),
   * then back to the start and across the page boundaries (keyset). */
  for (int pass = 0; pass < 2; pass++)
    for (gint k = G_N_ELEMENTS (probes) - 1; k >= 0; k--)
      {
        guint i = pass == 0 ? (guint) k : G_N_ELEMENTS (probes) - 1 - (guint) k;
        g_autoptr(KassaInvoice) invoice = g_list_model_get_item (model, probes[i].position);

        g_assert_nonnull (invoice);
        g_assert_cmpint (kassa_invoice_get_summary (invoice)->number, ==, probes[i].number);
      }
  g_assert_null (g_list_model_get_item (model, 250));

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autofree char *expected = sql_ids (store, orders[i].order_by);
      g_autofree char *ids = NULL;

      kassa_invoice_list_set_sort (list, orders[i].sort, orders[i].descending);
      /* Start in the middle so that the last page is reached by OFFSET
       * and the first pages afterwards. */
      g_object_unref (g_list_model_get_item (model, 230));
      ids = list_ids (model);
      g_assert_cmpstr (ids, ==, expected);
    }

  /* With a filter the number order cannot compute keys from positions:
   * the jump uses OFFSET. */
  kassa_invoice_list_set_sort (list, KASSA_INVOICE_SORT_NUMBER, TRUE);
  kassa_invoice_list_set_customer (list, bulk.customer_id);
  {
    g_autofree char *expected = sql_ids (store, "number DESC");
    g_autofree char *ids = NULL;
    g_autoptr(KassaInvoice) deep = g_list_model_get_item (model, 230);

    g_assert_cmpint (kassa_invoice_get_summary (deep)->number, ==, 1019);
    ids = list_ids (model);
    g_assert_cmpstr (ids, ==, expected);
  }

  g_clear_object (&list);
  g_clear_object (&store);
  remove_dir (dir);
}

/* The same figures everywhere: Overview, customer balances, both list models
 * and the per-invoice open amount, on a company with credited, partially
 * paid, overpaid, refunded, zero and negative invoices.  Today 2026-06-15,
 * every invoice has one 0 % line, so its total is its price:
 *
 *   A  I1  100.00 due 05-15, paid 40.00        → open 60.00, overdue
 *   A  I2  200.00 due 06-30, paid 250.00       → open −50.00, paid (over)
 *   A  I3    0.00 due 06-10                    → open 0, paid
 *   A  I4  −30.00 due 05-10, nothing refunded  → open −30.00, open (not overdue)
 *   B  I5   80.00 paid in full, credited 06-01 by C5 (−80.00), refunded
 *          −90.00 (10.00 too much)             → C5 open −80 + 90 + 0 = 10.00
 *   B  I6   50.00 unpaid, credited 06-05 by C6 → C6 open −50 + 50 = 0
 *   B  I7  120.00 paid 20.00, credited 06-02 by C7 → C7 open −120 + 100 = −20.00
 *   B  I8   70.00 due 05-31                    → open 70.00, overdue
 *
 *   open 60 − 50 + 0 − 30 + 10 + 0 − 20 + 70 = 40.00 (A −20.00, B 60.00)
 *   overdue I1 + I8 = 130.00 in 2 invoices (A 60.00, B 70.00)
 *   items with an open amount: I1 I2 I4 C5 C7 I8 = 6
 *   statuses: OVERDUE I1 I8, PAID I2 I3, OPEN I4 */
static void
pay_allowing_over (KassaStore *store,
                   gint64      invoice_id,
                   gint64      amount)
{
  g_autoptr(KassaPayment) payment = kassa_payment_new ();
  g_autoptr(GError) error = NULL;

  payment->invoice_id = invoice_id;
  payment->date = ymd (2026, 6, 1);
  payment->amount = amount;
  g_assert_true (kassa_store_add_payment (store, payment, TRUE, &error));
  g_assert_no_error (error);
}

static gint64
credit (KassaStore *store,
        gint64      invoice_id,
        KassaDay    date)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kassa_store_credit_invoice (store, invoice_id, date, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

typedef struct
{
  gint64 open;
  gint64 overdue;
  guint  n_open_items;
  guint  n_by_status[KASSA_INVOICE_STATUS_CREDIT_NOTE + 1];
} ListFigures;

static void
sum_invoice_list (KassaStore       *store,
                  KassaInvoiceList *list,
                  ListFigures      *figures)
{
  GListModel *model = G_LIST_MODEL (list);

  memset (figures, 0, sizeof *figures);
  kassa_invoice_list_set_filter (list, KASSA_INVOICE_FILTER_ALL);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KassaInvoice) invoice = g_list_model_get_item (model, i);
      const KassaInvoiceSummary *s = kassa_invoice_get_summary (invoice);
      g_autoptr(GError) error = NULL;
      gint64 open = G_MININT64;

      g_assert_true (kassa_store_get_invoice_open_amount (store, s->id, &open, &error));
      g_assert_no_error (error);
      g_assert_cmpint (open, ==, s->open_amount);

      figures->open += s->open_amount;
      figures->n_open_items += s->open_amount != 0;
      figures->n_by_status[s->status]++;
      if (s->status == KASSA_INVOICE_STATUS_OVERDUE)
        figures->overdue += s->open_amount;
    }
}

static guint
count_with_filter (KassaInvoiceList   *list,
                   KassaInvoiceFilter  filter)
{
  kassa_invoice_list_set_filter (list, filter);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
sum_customer_list (KassaStore *store,
                   KassaDay    today,
                   gint64     *open,
                   gint64     *overdue)
{
  g_autoptr(KassaCustomerList) list = kassa_customer_list_new (store);
  GListModel *model = G_LIST_MODEL (list);

  kassa_customer_list_set_today (list, today);
  *open = *overdue = 0;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KassaCustomer) customer = g_list_model_get_item (model, i);
      gint64 balance, late;

      kassa_store_get_customer_balance (store, kassa_customer_get_id (customer), today,
                                        &balance, &late);
      g_assert_cmpint (kassa_customer_get_open_amount (customer), ==, balance);
      g_assert_cmpint (kassa_customer_get_overdue_amount (customer), ==, late);
      *open += balance;
      *overdue += late;
    }
}

static void
test_figures_agree (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kassa-test-lists-XXXXXX", NULL);
  g_autoptr(KassaStore) store = open_new_store (dir);
  g_autoptr(KassaInvoiceList) list = NULL;
  KassaOverviewFigures overview;
  KassaDay today = ymd (2026, 6, 15);
  ListFigures figures;
  gint64 a, b, i1, i2, i4, i5, i6, i7, c5, customers_open, customers_overdue;

  a = add_customer (store, "1", "Aalto Oy");
  b = add_customer (store, "2", "Bergström AB");

  i1 = add_invoice (store, a, ymd (2026, 5, 1), ymd (2026, 5, 15), 1, 10000, 0, TRUE);
  add_payment (store, i1, ymd (2026, 5, 10), 4000);
  i2 = add_invoice (store, a, ymd (2026, 6, 1), ymd (2026, 6, 30), 1, 20000, 0, TRUE);
  pay_allowing_over (store, i2, 25000);
  add_invoice (store, a, ymd (2026, 6, 1), ymd (2026, 6, 10), 1, 0, 0, TRUE);
  i4 = add_invoice (store, a, ymd (2026, 5, 1), ymd (2026, 5, 10), -1, 3000, 0, TRUE);
  g_assert_cmpint (i4, >, 0);

  i5 = add_invoice (store, b, ymd (2026, 4, 1), ymd (2026, 4, 15), 1, 8000, 0, TRUE);
  add_payment (store, i5, ymd (2026, 4, 10), 8000);
  c5 = credit (store, i5, ymd (2026, 6, 1));
  pay_allowing_over (store, c5, -9000);
  i6 = add_invoice (store, b, ymd (2026, 6, 1), ymd (2026, 6, 20), 1, 5000, 0, TRUE);
  credit (store, i6, ymd (2026, 6, 5));
  i7 = add_invoice (store, b, ymd (2026, 3, 1), ymd (2026, 3, 15), 1, 12000, 0, TRUE);
  add_payment (store, i7, ymd (2026, 3, 10), 2000);
  credit (store, i7, ymd (2026, 6, 2));
  add_invoice (store, b, ymd (2026, 5, 1), ymd (2026, 5, 31), 1, 7000, 0, TRUE);

  kassa_store_get_overview (store, today, &overview);
  g_assert_cmpint (overview.open_receivables, ==, 4000);
  g_assert_cmpint (overview.overdue_amount, ==, 13000);
  g_assert_cmpint (overview.overdue_count, ==, 2);
  g_assert_cmpint (overview.open_count, ==, 6);

  sum_customer_list (store, today, &customers_open, &customers_overdue);
  g_assert_cmpint (customers_open, ==, overview.open_receivables);
  g_assert_cmpint (customers_overdue, ==, overview.overdue_amount);

  list = kassa_invoice_list_new (store, today);
  sum_invoice_list (store, list, &figures);
  g_assert_cmpint (figures.open, ==, overview.open_receivables);
  g_assert_cmpint (figures.overdue, ==, overview.overdue_amount);
  g_assert_cmpuint (figures.n_open_items, ==, overview.open_count);
  g_assert_cmpuint (figures.n_by_status[KASSA_INVOICE_STATUS_OVERDUE], ==, 2);
  g_assert_cmpuint (figures.n_by_status[KASSA_INVOICE_STATUS_PAID], ==, 2);
  g_assert_cmpuint (figures.n_by_status[KASSA_INVOICE_STATUS_OPEN], ==, 1);

  /* Each filter shows exactly the invoices whose status it names. */
  g_assert_cmpuint (count_with_filter (list, KASSA_INVOICE_FILTER_OVERDUE), ==,
                    (guint) overview.overdue_count);
  g_assert_cmpuint (count_with_filter (list, KASSA_INVOICE_FILTER_PAID), ==,
                    figures.n_by_status[KASSA_INVOICE_STATUS_PAID]);
  g_assert_cmpuint (count_with_filter (list, KASSA_INVOICE_FILTER_CREDITED), ==,
                    figures.n_by_status[KASSA_INVOICE_STATUS_CREDITED] +
                    figures.n_by_status[KASSA_INVOICE_STATUS_CREDIT_NOTE]);
  g_assert_cmpuint (figures.n_by_status[KASSA_INVOICE_STATUS_CREDITED], ==, 3);

  g_clear_object (&list);
  g_clear_object (&store);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/lists/invoices/filters", test_filter_counts);
  ADD ("/lists/invoices/contents", test_item_contents);
  ADD ("/lists/invoices/sort", test_sort_orders);
  ADD ("/lists/invoices/search", test_search);
  ADD ("/lists/invoices/items-changed", test_items_changed);
  ADD ("/lists/customers", test_customer_list);
  g_test_add_func ("/lists/fts-query", test_fts_query);
  g_test_add_func ("/lists/invoices/paging", test_paging);
  g_test_add_func ("/lists/figures-agree", test_figures_agree);

#undef ADD

  return g_test_run ();
}
