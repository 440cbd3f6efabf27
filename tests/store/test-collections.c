/* test-collections.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collection log, reference rates and settings of KassaStore on a real
 * company file in a temporary folder: what is written, what is refused
 * (leaving nothing behind), the order of the log, disputes and the change
 * signal.
 */
#define G_LOG_DOMAIN "kassa-test-collections"

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "kassa-date.h"
#include "kassa-store-collections.h"
#include "kassa-store.h"
#include "kassa-test-fixture.h"

typedef struct
{
  guint n_emissions;
  guint flags;
} ChangeLog;

typedef struct
{
  char       *dir;
  char       *path;
  KassaStore *store;
  gint64      customer_a;
  gint64      customer_b;
  gint64      invoice_a;     /* sent, customer A */
  gint64      invoice_a2;    /* sent, customer A */
  gint64      invoice_b;     /* sent, customer B */
  gint64      draft_a;       /* draft, customer A */
  ChangeLog   log;
} Fixture;

/* Helpers */

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

static void
exec_sql (KassaStore *store,
          const char *sql)
{
  g_assert_cmpint (sqlite3_exec (kassa_store_get_db (store), sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);
}

static gint64
count_events (KassaStore *store)
{
  return query_int (store, "SELECT count(*) FROM collection_events", 0);
}

static gint64
invoice_disputed (KassaStore *store,
                  gint64      invoice_id)
{
  return query_int (store, "SELECT disputed FROM invoices WHERE id = ?", invoice_id);
}

static void
save_company (KassaStore *store)
{
  g_autoptr(KassaCompany) company = kassa_company_new ();
  g_autoptr(GError) error = NULL;

  company->name = g_strdup ("Testi Oy");
  company->business_id = g_strdup ("1234567-8");
  g_assert_true (kassa_store_save_company (store, company, &error));
  g_assert_no_error (error);
}

static gint64
add_customer (KassaStore        *store,
              const char        *name,
              KassaCustomerKind  kind)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  customer->name = g_strdup (name);
  customer->kind = kind;
  g_assert_true (kassa_store_save_customer (store, customer, &error));
  g_assert_no_error (error);

  return customer->id;
}

static gint64
add_draft (KassaStore *store,
           gint64      customer_id,
           gint64      amount)
{
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  KassaInvoiceLine *line = kassa_invoice_line_new ();
  g_autoptr(GError) error = NULL;

  invoice->customer_id = customer_id;
  invoice->issue_date = ymd (2026, 10, 1);
  invoice->due_date = ymd (2026, 10, 15);
  line->description = g_strdup ("Service");
  line->quantity = 1000;
  line->unit_price = amount;
  g_ptr_array_add (invoice->lines, line);
  g_assert_true (kassa_store_save_invoice (store, invoice, &error));
  g_assert_no_error (error);

  return invoice->id;
}

static gint64
add_sent_invoice (KassaStore *store,
                  gint64      customer_id,
                  gint64      amount)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_draft (store, customer_id, amount);

  g_assert_true (kassa_store_send_invoice (store, id, &error));
  g_assert_no_error (error);

  return id;
}

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

/* Company, customers A (business) and B (consumer), two sent invoices of
 * A, one of B and a draft of A; the change log starts empty. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kassa-test-collections-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "company.kassa", NULL);
  f->store = kassa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);

  save_company (f->store);
  f->customer_a = add_customer (f->store, "Asiakas Oy", KASSA_CUSTOMER_BUSINESS);
  f->customer_b = add_customer (f->store, "Maija Meikäläinen", KASSA_CUSTOMER_CONSUMER);
  f->invoice_a = add_sent_invoice (f->store, f->customer_a, 100000);
  f->invoice_a2 = add_sent_invoice (f->store, f->customer_a, 25000);
  f->invoice_b = add_sent_invoice (f->store, f->customer_b, 5000);
  f->draft_a = add_draft (f->store, f->customer_a, 777);

  g_signal_connect (f->store, "changed", G_CALLBACK (on_store_changed), &f->log);
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

static KassaCollectionEvent *
new_event (gint64              customer_id,
           gint64              invoice_id,
           KassaDay            date,
           KassaCollectionKind kind)
{
  KassaCollectionEvent *event = kassa_collection_event_new ();

  event->customer_id = customer_id;
  event->invoice_id = invoice_id;
  event->date = date;
  event->kind = kind;
  return event;
}

static gint64
add_event (KassaStore           *store,
           KassaCollectionEvent *event)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kassa_store_add_collection_event (store, event, &error));
  g_assert_no_error (error);
  g_assert_cmpint (event->id, >, 0);

  return event->id;
}

static void
assert_event_ids (GPtrArray    *events,
                  const gint64 *expected,
                  guint         n_expected)
{
  g_assert_nonnull (events);
  g_assert_cmpuint (events->len, ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      const KassaCollectionEvent *event = g_ptr_array_index (events, i);

      g_assert_cmpint (event->id, ==, expected[i]);
    }
}

static GPtrArray *
list_events (KassaStore *store,
             gint64      customer_id,
             gint64      invoice_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = kassa_store_list_collection_events (store, customer_id, invoice_id, &error);

  g_assert_no_error (error);
  return events;
}

/* Collection events */

/* The log of customer A (B has one event of its own):
 *   e1 note about the customer   2026-10-20
 *   e2 reminder 1 on invoice A   2026-10-22, pay by 11-05, fee 5.00, interest 1.23
 *   e3 promise on invoice A2     2026-11-24, by 11-30
 *   e4 phone call on invoice A   2026-11-24
 *   e5 email to B on invoice B   2026-11-01
 * Newest first by date, then by id: A → e4 e3 e2 e1; invoice A → e4 e2. */
static void
test_events_add_and_list (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KassaCollectionEvent) e1 = new_event (f->customer_a, 0, ymd (2026, 10, 20),
                                                  KASSA_COLLECTION_NOTE);
  g_autoptr(KassaCollectionEvent) e2 = new_event (f->customer_a, f->invoice_a, ymd (2026, 10, 22),
                                                  KASSA_COLLECTION_REMINDER_1);
  g_autoptr(KassaCollectionEvent) e3 = new_event (f->customer_a, f->invoice_a2,
                                                  ymd (2026, 11, 24),
                                                  KASSA_COLLECTION_PROMISE_TO_PAY);
  g_autoptr(KassaCollectionEvent) e4 = new_event (f->customer_a, f->invoice_a, ymd (2026, 11, 24),
                                                  KASSA_COLLECTION_PHONE_CALL);
  g_autoptr(KassaCollectionEvent) e5 = new_event (f->customer_b, f->invoice_b, ymd (2026, 11, 1),
                                                  KASSA_COLLECTION_EMAIL);
  g_autoptr(GPtrArray) events = NULL;
  const KassaCollectionEvent *stored;

  g_free (e1->note);
  e1->note = g_strdup ("Moved to new offices");
  e2->due_by = ymd (2026, 11, 5);
  e2->fee = 500;
  e2->interest = 123;
  g_free (e2->author);
  e2->author = g_strdup ("Maija");
  g_free (e2->note);
  e2->note = g_strdup ("Sent by email");
  e3->due_by = ymd (2026, 11, 30);

  add_event (f->store, e1);
  add_event (f->store, e2);
  add_event (f->store, e3);
  add_event (f->store, e4);
  add_event (f->store, e5);
  g_assert_cmpint (count_events (f->store), ==, 5);

  events = list_events (f->store, f->customer_a, 0);
  assert_event_ids (events, (gint64[]) { e4->id, e3->id, e2->id, e1->id }, 4);

  /* Every field comes back as written. */
  stored = g_ptr_array_index (events, 2);
  g_assert_cmpint (stored->customer_id, ==, f->customer_a);
  g_assert_cmpint (stored->invoice_id, ==, f->invoice_a);
  g_assert_cmpint (stored->date, ==, ymd (2026, 10, 22));
  g_assert_cmpint (stored->kind, ==, KASSA_COLLECTION_REMINDER_1);
  g_assert_cmpint (stored->fee, ==, 500);
  g_assert_cmpint (stored->interest, ==, 123);
  g_assert_cmpint (stored->due_by, ==, ymd (2026, 11, 5));
  g_assert_cmpstr (stored->author, ==, "Maija");
  g_assert_cmpstr (stored->note, ==, "Sent by email");
  g_assert_cmpint (stored->created_at, >, 0);
  g_assert_cmpint (stored->created_at, ==, e2->created_at);

  stored = g_ptr_array_index (events, 3);
  g_assert_cmpint (stored->invoice_id, ==, 0);
  g_assert_cmpint (stored->due_by, ==, 0);
  g_assert_cmpstr (stored->author, ==, "");
  g_assert_cmpstr (stored->note, ==, "Moved to new offices");
  g_clear_pointer (&events, g_ptr_array_unref);

  events = list_events (f->store, 0, f->invoice_a);
  assert_event_ids (events, (gint64[]) { e4->id, e2->id }, 2);
  g_clear_pointer (&events, g_ptr_array_unref);

  events = list_events (f->store, f->customer_a, f->invoice_a);
  assert_event_ids (events, (gint64[]) { e4->id, e2->id }, 2);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Invoice A asked for under customer B: none of B's business. */
  events = list_events (f->store, f->customer_b, f->invoice_a);
  assert_event_ids (events, NULL, 0);
  g_clear_pointer (&events, g_ptr_array_unref);

  events = list_events (f->store, 0, f->invoice_a2);
  assert_event_ids (events, (gint64[]) { e3->id }, 1);
  g_clear_pointer (&events, g_ptr_array_unref);

  events = list_events (f->store, f->customer_b, 0);
  assert_event_ids (events, (gint64[]) { e5->id }, 1);
}

typedef enum
{
  CUSTOMER_A,
  CUSTOMER_B,
  CUSTOMER_MISSING,
} CustomerPick;

typedef enum
{
  INVOICE_NONE,
  INVOICE_A,
  INVOICE_B,
  INVOICE_DRAFT_A,
  INVOICE_MISSING,
} InvoicePick;

typedef struct
{
  const char   *name;
  CustomerPick  customer;
  InvoicePick   invoice;
  int           kind;
  int           date_offset;     /* days from 2026-11-24; < -700000 = invalid date 0 */
  int           due_by_offset;   /* days from the date; 0 = no due_by */
  gint64        fee;
  gint64        interest;
  gint          error_code;
} RefusedCase;

#define NO_DATE (-800000)

static const RefusedCase refused_cases[] = {
  { "promise-without-due-by", CUSTOMER_A, INVOICE_A, KASSA_COLLECTION_PROMISE_TO_PAY, 0, 0,
    0, 0, KASSA_STORE_ERROR_INVALID },
  { "promise-due-by-before-date", CUSTOMER_A, INVOICE_A, KASSA_COLLECTION_PROMISE_TO_PAY, 0, -1,
    0, 0, KASSA_STORE_ERROR_INVALID },
  { "reminder-due-by-before-date", CUSTOMER_A, INVOICE_A, KASSA_COLLECTION_REMINDER_1, 0, -14,
    0, 0, KASSA_STORE_ERROR_INVALID },
  { "reminder-without-invoice", CUSTOMER_A, INVOICE_NONE, KASSA_COLLECTION_REMINDER_1, 0, 14,
    0, 0, KASSA_STORE_ERROR_INVALID },
  { "legal-action-without-invoice", CUSTOMER_A, INVOICE_NONE, KASSA_COLLECTION_LEGAL_ACTION, 0,
    0, 0, 0, KASSA_STORE_ERROR_INVALID },
  { "dispute-without-invoice", CUSTOMER_A, INVOICE_NONE, KASSA_COLLECTION_DISPUTE_OPENED, 0, 0,
    0, 0, KASSA_STORE_ERROR_INVALID },
  { "invoice-of-other-customer", CUSTOMER_A, INVOICE_B, KASSA_COLLECTION_PHONE_CALL, 0, 0,
    0, 0, KASSA_STORE_ERROR_INVALID },
  { "dispute-of-other-customer", CUSTOMER_A, INVOICE_B, KASSA_COLLECTION_DISPUTE_OPENED, 0, 0,
    0, 0, KASSA_STORE_ERROR_INVALID },
  { "draft-invoice", CUSTOMER_A, INVOICE_DRAFT_A, KASSA_COLLECTION_NOTE, 0, 0,
    0, 0, KASSA_STORE_ERROR_INVALID },
  { "dispute-of-draft", CUSTOMER_A, INVOICE_DRAFT_A, KASSA_COLLECTION_DISPUTE_OPENED, 0, 0,
    0, 0, KASSA_STORE_ERROR_INVALID },
  { "bad-kind-6", CUSTOMER_A, INVOICE_A, 6, 0, 0, 0, 0, KASSA_STORE_ERROR_INVALID },
  { "bad-kind-9", CUSTOMER_A, INVOICE_A, 9, 0, 0, 0, 0, KASSA_STORE_ERROR_INVALID },
  { "bad-kind-16", CUSTOMER_A, INVOICE_A, 16, 0, 0, 0, 0, KASSA_STORE_ERROR_INVALID },
  { "bad-kind-negative", CUSTOMER_A, INVOICE_NONE, -1, 0, 0, 0, 0, KASSA_STORE_ERROR_INVALID },
  { "negative-fee", CUSTOMER_A, INVOICE_A, KASSA_COLLECTION_REMINDER_1, 0, 14, -1, 0,
    KASSA_STORE_ERROR_INVALID },
  { "negative-interest", CUSTOMER_A, INVOICE_A, KASSA_COLLECTION_REMINDER_1, 0, 14, 0, -1,
    KASSA_STORE_ERROR_INVALID },
  { "invalid-date", CUSTOMER_A, INVOICE_A, KASSA_COLLECTION_NOTE, NO_DATE, 0, 0, 0,
    KASSA_STORE_ERROR_INVALID },
  { "missing-customer", CUSTOMER_MISSING, INVOICE_NONE, KASSA_COLLECTION_NOTE, 0, 0, 0, 0,
    KASSA_STORE_ERROR_NOT_FOUND },
  { "missing-invoice", CUSTOMER_A, INVOICE_MISSING, KASSA_COLLECTION_NOTE, 0, 0, 0, 0,
    KASSA_STORE_ERROR_NOT_FOUND },
};

static gint64
pick_customer (const Fixture *f,
               CustomerPick   pick)
{
  switch (pick)
    {
    case CUSTOMER_A: return f->customer_a;
    case CUSTOMER_B: return f->customer_b;
    default:         return 9999;
    }
}

static gint64
pick_invoice (const Fixture *f,
              InvoicePick    pick)
{
  switch (pick)
    {
    case INVOICE_NONE:    return 0;
    case INVOICE_A:       return f->invoice_a;
    case INVOICE_B:       return f->invoice_b;
    case INVOICE_DRAFT_A: return f->draft_a;
    default:              return 9999;
    }
}

static KassaCollectionEvent *
event_from_case (const Fixture     *f,
                 const RefusedCase *c)
{
  KassaDay date = c->date_offset == NO_DATE ? 0 : ymd (2026, 11, 24) + c->date_offset;
  KassaCollectionEvent *event = new_event (pick_customer (f, c->customer),
                                           pick_invoice (f, c->invoice), date, c->kind);

  event->due_by = c->due_by_offset == 0 ? 0 : date + c->due_by_offset;
  event->fee = c->fee;
  event->interest = c->interest;
  return event;
}

/* Each refusal leaves the log, the disputed flags and the listeners as
 * they were. */
static void
test_events_refused (Fixture       *f,
                     gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused_cases); i++)
    {
      const RefusedCase *c = &refused_cases[i];
      g_autoptr(KassaCollectionEvent) event = event_from_case (f, c);
      g_autoptr(GError) error = NULL;

      g_test_message ("refused case %s", c->name);
      g_assert_false (kassa_store_add_collection_event (f->store, event, &error));
      g_assert_error (error, KASSA_STORE_ERROR, c->error_code);
      g_assert_cmpint (event->id, ==, 0);
      g_assert_cmpint (count_events (f->store), ==, 0);
      g_assert_cmpint (query_int (f->store, "SELECT total (disputed) FROM invoices", 0), ==, 0);
      g_assert_cmpuint (f->log.n_emissions, ==, 0);
    }
}

static void
add_dispute_event (Fixture             *f,
                   KassaCollectionKind  kind,
                   KassaDay             date)
{
  g_autoptr(KassaCollectionEvent) event = new_event (f->customer_a, f->invoice_a, date, kind);

  add_event (f->store, event);
}

static void
test_events_dispute (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_cmpint (invoice_disputed (f->store, f->invoice_a), ==, 0);

  add_dispute_event (f, KASSA_COLLECTION_DISPUTE_OPENED, ymd (2026, 11, 2));
  g_assert_cmpint (invoice_disputed (f->store, f->invoice_a), ==, 1);
  g_assert_cmpint (invoice_disputed (f->store, f->invoice_a2), ==, 0);

  add_dispute_event (f, KASSA_COLLECTION_DISPUTE_RESOLVED, ymd (2026, 11, 9));
  g_assert_cmpint (invoice_disputed (f->store, f->invoice_a), ==, 0);
  g_assert_cmpint (count_events (f->store), ==, 2);

  /* Any other kind leaves the flag alone. */
  add_dispute_event (f, KASSA_COLLECTION_DISPUTE_OPENED, ymd (2026, 11, 10));
  add_dispute_event (f, KASSA_COLLECTION_PHONE_CALL, ymd (2026, 11, 11));
  g_assert_cmpint (invoice_disputed (f->store, f->invoice_a), ==, 1);
}

/* The flag and the event are one transaction: when the event cannot be
 * inserted (a temporary trigger refuses it), the flag set just before is
 * rolled back too, and nothing is announced. */
static void
test_events_dispute_atomic (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KassaCollectionEvent) event = new_event (f->customer_a, f->invoice_a,
                                                     ymd (2026, 11, 2),
                                                     KASSA_COLLECTION_DISPUTE_OPENED);
  g_autoptr(GError) error = NULL;

  exec_sql (f->store,
            "CREATE TEMP TRIGGER refuse_event BEFORE INSERT ON main.collection_events"
            " BEGIN SELECT RAISE (ABORT, 'refused by test'); END");

  g_assert_false (kassa_store_add_collection_event (f->store, event, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == KASSA_STORE_ERROR);
  g_assert_cmpint (event->id, ==, 0);
  g_assert_cmpint (invoice_disputed (f->store, f->invoice_a), ==, 0);
  g_assert_cmpint (count_events (f->store), ==, 0);
  g_assert_cmpuint (f->log.n_emissions, ==, 0);

  exec_sql (f->store, "DROP TRIGGER refuse_event");
  g_clear_error (&error);
  g_assert_true (kassa_store_add_collection_event (f->store, event, &error));
  g_assert_no_error (error);
  g_assert_cmpint (invoice_disputed (f->store, f->invoice_a), ==, 1);
}

static void
test_events_delete (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KassaCollectionEvent) kept = new_event (f->customer_a, f->invoice_a,
                                                    ymd (2026, 11, 1),
                                                    KASSA_COLLECTION_EMAIL);
  g_autoptr(KassaCollectionEvent) gone = new_event (f->customer_a, f->invoice_a,
                                                    ymd (2026, 11, 2),
                                                    KASSA_COLLECTION_PHONE_CALL);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  add_event (f->store, kept);
  add_event (f->store, gone);

  g_assert_true (kassa_store_delete_collection_event (f->store, gone->id, &error));
  g_assert_no_error (error);
  events = list_events (f->store, f->customer_a, 0);
  assert_event_ids (events, (gint64[]) { kept->id }, 1);

  g_assert_false (kassa_store_delete_collection_event (f->store, gone->id, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kassa_store_delete_collection_event (f->store, 0, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_events (f->store), ==, 1);
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KassaCollectionEvent) note = new_event (f->customer_a, 0, ymd (2026, 11, 1),
                                                    KASSA_COLLECTION_NOTE);
  g_autoptr(KassaCollectionEvent) bad = new_event (f->customer_a, 0, ymd (2026, 11, 1),
                                                   KASSA_COLLECTION_REMINDER_1);
  KassaReferenceRate rate = { "FI", ymd (2026, 7, 1), 300 };
  g_autoptr(GError) error = NULL;

  add_event (f->store, note);
  g_assert_cmpuint (f->log.n_emissions, ==, 1);
  g_assert_cmpuint (f->log.flags, ==, KASSA_STORE_CHANGE_COLLECTIONS);

  /* A dispute also changes the invoice: still one emission. */
  reset_log (&f->log);
  add_dispute_event (f, KASSA_COLLECTION_DISPUTE_OPENED, ymd (2026, 11, 2));
  g_assert_cmpuint (f->log.n_emissions, ==, 1);
  g_assert_cmpuint (f->log.flags & KASSA_STORE_CHANGE_COLLECTIONS, !=, 0);

  reset_log (&f->log);
  g_assert_true (kassa_store_delete_collection_event (f->store, note->id, &error));
  g_assert_cmpuint (f->log.n_emissions, ==, 1);
  g_assert_cmpuint (f->log.flags, ==, KASSA_STORE_CHANGE_COLLECTIONS);

  reset_log (&f->log);
  g_assert_false (kassa_store_add_collection_event (f->store, bad, &error));
  g_clear_error (&error);
  g_assert_false (kassa_store_delete_collection_event (f->store, note->id, &error));
  g_clear_error (&error);
  g_assert_cmpuint (f->log.n_emissions, ==, 0);

  g_assert_true (kassa_store_set_reference_rate (f->store, &rate, &error));
  g_assert_cmpuint (f->log.n_emissions, ==, 1);
  g_assert_cmpuint (f->log.flags, ==, KASSA_STORE_CHANGE_SETTINGS);

  reset_log (&f->log);
  g_assert_true (kassa_store_set_setting (f->store, "dunning.enabled", "1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->log.n_emissions, ==, 1);
  g_assert_cmpuint (f->log.flags, ==, KASSA_STORE_CHANGE_SETTINGS);
}

/* Reference rates */

typedef struct
{
  const char *country;
  int         year;
  int         month;
  gint        rate_bp;
} RateRow;

static void
assert_rate (const KassaReferenceRate *rate,
             const RateRow            *expected)
{
  g_assert_cmpstr (rate->country, ==, expected->country);
  g_assert_cmpint (rate->start_date, ==, ymd (expected->year, expected->month, 1));
  g_assert_cmpint (rate->rate_bp, ==, expected->rate_bp);
}

static void
assert_rates (GArray        *rates,
              const RateRow *expected,
              guint          n_expected)
{
  g_assert_nonnull (rates);
  g_assert_cmpuint (rates->len, ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      g_test_message ("rate %u", i);
      assert_rate (&g_array_index (rates, KassaReferenceRate, i), &expected[i]);
    }
}

static GArray *
list_rates (KassaStore *store,
            const char *country)
{
  g_autoptr(GError) error = NULL;
  GArray *rates = kassa_store_list_reference_rates (store, country, &error);

  g_assert_no_error (error);
  return rates;
}

/* The shipped table: half-years 2022 H1 … 2026 H1. */
static const RateRow seeded_fi[] = {
  { "FI", 2022, 1, 0 },   { "FI", 2022, 7, 0 },   { "FI", 2023, 1, 250 },
  { "FI", 2023, 7, 400 }, { "FI", 2024, 1, 450 }, { "FI", 2024, 7, 450 },
  { "FI", 2025, 1, 350 }, { "FI", 2025, 7, 250 }, { "FI", 2026, 1, 250 },
};
static const RateRow seeded_se[] = {
  { "SE", 2023, 1, 250 }, { "SE", 2023, 7, 350 }, { "SE", 2024, 1, 400 },
  { "SE", 2024, 7, 400 }, { "SE", 2025, 1, 250 }, { "SE", 2025, 7, 200 },
  { "SE", 2026, 1, 200 },
};

static void
test_rates_seeded (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GArray) fi = list_rates (f->store, "FI");
  g_autoptr(GArray) se = list_rates (f->store, "SE");
  g_autoptr(GArray) all = list_rates (f->store, NULL);
  g_autoptr(GArray) none = list_rates (f->store, "DE");

  assert_rates (fi, seeded_fi, G_N_ELEMENTS (seeded_fi));
  assert_rates (se, seeded_se, G_N_ELEMENTS (seeded_se));

  /* Every country: ordered by country, then start date. */
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (seeded_fi) + G_N_ELEMENTS (seeded_se));
  g_assert_cmpstr (g_array_index (all, KassaReferenceRate, 0).country, ==, "FI");
  g_assert_cmpstr (g_array_index (all, KassaReferenceRate, all->len - 1).country, ==, "SE");
  g_assert_cmpint (g_array_index (all, KassaReferenceRate, all->len - 1).start_date, ==,
                   ymd (2026, 1, 1));
  for (guint i = 1; i < all->len; i++)
    {
      const KassaReferenceRate *a = &g_array_index (all, KassaReferenceRate, i - 1);
      const KassaReferenceRate *b = &g_array_index (all, KassaReferenceRate, i);
      int order = strcmp (a->country, b->country);

      g_assert_true (order < 0 || (order == 0 && a->start_date < b->start_date));
    }

  g_assert_cmpuint (none->len, ==, 0);
}

static void
set_rate (KassaStore *store,
          const char *country,
          KassaDay    start_date,
          gint        rate_bp)
{
  KassaReferenceRate rate = { "", start_date, rate_bp };
  g_autoptr(GError) error = NULL;

  g_strlcpy (rate.country, country, sizeof rate.country);
  g_assert_true (kassa_store_set_reference_rate (store, &rate, &error));
  g_assert_no_error (error);
}

static void
test_rates_set_replace_delete (Fixture       *f,
                               gconstpointer  data)
{
  static const RateRow se_after[] = {
    { "SE", 2025, 7, 200 }, { "SE", 2026, 1, 175 }, { "SE", 2026, 7, -25 },
  };
  g_autoptr(GArray) fi = NULL;
  g_autoptr(GArray) se = NULL;
  g_autoptr(GError) error = NULL;
  const KassaReferenceRate *last;

  /* A new half-year is added at the end. */
  set_rate (f->store, "FI", ymd (2026, 7, 1), 300);
  fi = list_rates (f->store, "FI");
  g_assert_cmpuint (fi->len, ==, G_N_ELEMENTS (seeded_fi) + 1);
  last = &g_array_index (fi, KassaReferenceRate, fi->len - 1);
  g_assert_cmpint (last->start_date, ==, ymd (2026, 7, 1));
  g_assert_cmpint (last->rate_bp, ==, 300);
  g_clear_pointer (&fi, g_array_unref);

  /* The same (country, start date) replaces it, also written in lower case. */
  set_rate (f->store, "fi", ymd (2026, 7, 1), 275);
  fi = list_rates (f->store, "FI");
  g_assert_cmpuint (fi->len, ==, G_N_ELEMENTS (seeded_fi) + 1);
  g_assert_cmpint (g_array_index (fi, KassaReferenceRate, fi->len - 1).rate_bp, ==, 275);
  g_clear_pointer (&fi, g_array_unref);

  g_assert_true (kassa_store_delete_reference_rate (f->store, "FI", ymd (2026, 7, 1), &error));
  g_assert_no_error (error);
  fi = list_rates (f->store, "FI");
  assert_rates (fi, seeded_fi, G_N_ELEMENTS (seeded_fi));

  g_assert_false (kassa_store_delete_reference_rate (f->store, "FI", ymd (2026, 7, 1), &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A seeded rate can be corrected, and negative rates are allowed. */
  set_rate (f->store, "SE", ymd (2026, 1, 1), 175);
  set_rate (f->store, "SE", ymd (2026, 7, 1), -25);
  se = list_rates (f->store, "SE");
  g_assert_cmpuint (se->len, ==, G_N_ELEMENTS (seeded_se) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (se_after); i++)
    assert_rate (&g_array_index (se, KassaReferenceRate, se->len - 3 + i), &se_after[i]);
}

typedef struct
{
  const char *country;
  int         start_offset;    /* days from 2026-07-01; NO_DATE = day 0 */
  gint        rate_bp;
} BadRate;

static void
test_rates_refused (Fixture       *f,
                    gconstpointer  data)
{
  static const BadRate bad[] = {
    { "F1", 0, 300 },
    { "F",  0, 300 },
    { "",   0, 300 },
    { "FI", NO_DATE, 300 },
    { "FI", 0, 5001 },
    { "FI", 0, -1001 },
  };
  g_autoptr(GArray) all = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      KassaReferenceRate rate = { "", 0, bad[i].rate_bp };
      g_autoptr(GError) error = NULL;

      g_strlcpy (rate.country, bad[i].country, sizeof rate.country);
      rate.start_date = bad[i].start_offset == NO_DATE ? 0 : ymd (2026, 7, 1) + bad[i].start_offset;
      g_test_message ("bad rate %u", i);
      g_assert_false (kassa_store_set_reference_rate (f->store, &rate, &error));
      g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
    }

  all = list_rates (f->store, NULL);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (seeded_fi) + G_N_ELEMENTS (seeded_se));
  g_assert_cmpuint (f->log.n_emissions, ==, 0);
}

/* Settings */

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *too_long = g_strnfill (65537, 'x');
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (kassa_store_get_setting (f->store, "dunning.first_days"));
  g_assert_cmpint (kassa_store_get_setting_int (f->store, "dunning.first_days", 7), ==, 7);

  g_assert_true (kassa_store_set_setting (f->store, "dunning.first_days", "10", &error));
  g_assert_no_error (error);
  value = kassa_store_get_setting (f->store, "dunning.first_days");
  g_assert_cmpstr (value, ==, "10");
  g_clear_pointer (&value, g_free);
  g_assert_cmpint (kassa_store_get_setting_int (f->store, "dunning.first_days", 7), ==, 10);

  /* Replaced, then a negative number, then text that is not a number. */
  g_assert_true (kassa_store_set_setting (f->store, "dunning.first_days", "-3", &error));
  g_assert_cmpint (kassa_store_get_setting_int (f->store, "dunning.first_days", 7), ==, -3);
  g_assert_true (kassa_store_set_setting (f->store, "dunning.first_days", "ten", &error));
  g_assert_cmpint (kassa_store_get_setting_int (f->store, "dunning.first_days", 7), ==, 7);
  value = kassa_store_get_setting (f->store, "dunning.first_days");
  g_assert_cmpstr (value, ==, "ten");
  g_clear_pointer (&value, g_free);
  g_assert_no_error (error);

  /* Refused values leave the old one. */
  g_assert_false (kassa_store_set_setting (f->store, "dunning.first_days", too_long, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kassa_store_set_setting (f->store, "dunning.first_days", "\xff\xfe", &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  value = kassa_store_get_setting (f->store, "dunning.first_days");
  g_assert_cmpstr (value, ==, "ten");
  g_clear_pointer (&value, g_free);

  /* NULL removes the key; another key is untouched. */
  g_assert_true (kassa_store_set_setting (f->store, "aging.basis", "due", &error));
  g_assert_true (kassa_store_set_setting (f->store, "dunning.first_days", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (kassa_store_get_setting (f->store, "dunning.first_days"));
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM settings", 0), ==, 1);

  /* Settings live in the company file. */
  g_clear_object (&f->store);
  f->store = kassa_store_open (f->path, &error);
  g_assert_no_error (error);
  value = kassa_store_get_setting (f->store, "aging.basis");
  g_assert_cmpstr (value, ==, "due");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/collections/events/add-and-list", test_events_add_and_list);
  ADD ("/collections/events/refused", test_events_refused);
  ADD ("/collections/events/dispute", test_events_dispute);
  ADD ("/collections/events/dispute-atomic", test_events_dispute_atomic);
  ADD ("/collections/events/delete", test_events_delete);
  ADD ("/collections/changed-signal", test_changed_signal);
  ADD ("/collections/rates/seeded", test_rates_seeded);
  ADD ("/collections/rates/set-replace-delete", test_rates_set_replace_delete);
  ADD ("/collections/rates/refused", test_rates_refused);
  ADD ("/collections/settings", test_settings);

#undef ADD

  return g_test_run ();
}
