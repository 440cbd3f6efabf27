/* test-crash.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crash safety: a child process writes invoices (save, send and pay in one
 * transaction) and reports each committed id through a pipe; the parent
 * kills it with SIGKILL at a random moment and then checks that the file
 * is intact, that everything reported is there, and that no half-written
 * invoice exists.
 */
#define G_LOG_DOMAIN "kassa-test-crash"

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kassa-date.h"
#include "kassa-store.h"

#define N_ROUNDS 30
#define PAYMENT_AMOUNT 1000
#define FIRST_ID_TIMEOUT_MS 20000

typedef struct
{
  gint64   customer_id;
  KassaDay day;
  gint64   invoice_id;
} Round;

/* Child */

static void
add_line (KassaInvoiceRecord *invoice,
          const char         *description,
          gint64              quantity,
          gint64              unit_price,
          gint                vat_rate)
{
  KassaInvoiceLine *line = kassa_invoice_line_new ();

  line->description = g_strdup (description);
  line->quantity = quantity;
  line->unit_price = unit_price;
  line->vat_rate = vat_rate;
  g_ptr_array_add (invoice->lines, line);
}

static gboolean
write_one_invoice (KassaStore  *store,
                   gpointer     user_data,
                   GError     **error)
{
  Round *round = user_data;
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  g_autoptr(KassaPayment) payment = kassa_payment_new ();

  invoice->customer_id = round->customer_id;
  invoice->issue_date = round->day;
  invoice->due_date = round->day + 14;
  add_line (invoice, "Consulting", 1500, 8000, 2550);
  add_line (invoice, "Travel", 1000, 2500, 0);
  if (!kassa_store_save_invoice (store, invoice, error) ||
      !kassa_store_send_invoice (store, invoice->id, error))
    return FALSE;

  payment->invoice_id = invoice->id;
  payment->date = round->day + 1;
  payment->amount = PAYMENT_AMOUNT;
  if (!kassa_store_add_payment (store, payment, FALSE, error))
    return FALSE;

  round->invoice_id = invoice->id;
  return TRUE;
}

/* Runs until killed.  No main loop, no stdio; _exit on failure so that
 * nothing of the parent's state (atexit, GTest) runs here. */
static void G_GNUC_NORETURN
run_child (const char *path,
           Round       round,
           int         fd)
{
  g_autoptr(GError) error = NULL;
  KassaStore *store = kassa_store_open (path, &error);

  if (store == NULL)
    _exit (2);

  for (;;)
    {
      if (!kassa_store_run_in_transaction (store, write_one_invoice, &round, &error))
        _exit (3);

      /* 8 bytes < PIPE_BUF: the write is all or nothing. */
      if (write (fd, &round.invoice_id, sizeof round.invoice_id) != sizeof round.invoice_id)
        _exit (4);
    }
}

/* Parent */

static gboolean
wait_readable (int fd,
               int timeout_ms)
{
  struct pollfd poll_fd = { fd, POLLIN, 0 };
  int n;

  do
    n = poll (&poll_fd, 1, timeout_ms);
  while (n < 0 && errno == EINTR);

  return n > 0;
}

/* Reads whole ids into ids; returns FALSE at end of file. */
static gboolean
read_ids (int     fd,
          GArray *ids)
{
  gint64 id;
  gssize n;

  do
    n = read (fd, &id, sizeof id);
  while (n < 0 && errno == EINTR);

  if (n <= 0)
    return FALSE;

  g_assert_cmpint (n, ==, sizeof id);
  g_array_append_val (ids, id);
  return TRUE;
}

static gint64
query_int (KassaStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (kassa_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
assert_integrity_ok (KassaStore *store)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (kassa_store_get_db (store), "PRAGMA integrity_check",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
}

static void
assert_reported_invoice (KassaStore *store,
                         gint64      id)
{
  g_autoptr(KassaInvoiceRecord) invoice = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GError) error = NULL;

  invoice = kassa_store_get_invoice (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (invoice->state, ==, KASSA_INVOICE_STATE_SENT);
  g_assert_cmpint (invoice->number, >=, 1000);
  g_assert_nonnull (invoice->reference);
  g_assert_cmpuint (invoice->lines->len, ==, 2);

  payments = kassa_store_list_payments (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 1);
  g_assert_cmpint (((KassaPayment *) payments->pdata[0])->amount, ==, PAYMENT_AMOUNT);
}

/* What a crash must never leave behind, whatever was reported. */
static void
assert_no_partial_writes (KassaStore *store)
{
  gint64 n_sent = query_int (store, "SELECT count(*) FROM invoices WHERE state = 1");

  /* Each transaction saved, sent and paid one invoice: no draft, no
   * invoice without both lines, no sent invoice without a number or
   * without its payment. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM invoices WHERE state = 0"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM invoices i WHERE"
                                     " (SELECT count(*) FROM invoice_lines l"
                                     "  WHERE l.invoice_id = i.id) <> 2"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM invoices WHERE state = 1"
                                     " AND (number IS NULL OR reference IS NULL)"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM payments"), ==, n_sent);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM invoices i WHERE paid <>"
                                     " (SELECT COALESCE (SUM (amount), 0) FROM payments p"
                                     "  WHERE p.invoice_id = i.id)"), ==, 0);

  /* Gapless numbers, and the counter right after the last one. */
  if (n_sent > 0)
    {
      gint64 low = query_int (store, "SELECT MIN (number) FROM invoices");
      gint64 high = query_int (store, "SELECT MAX (number) FROM invoices");

      g_assert_cmpint (low, ==, 1000);
      g_assert_cmpint (high - low + 1, ==, n_sent);
      g_assert_cmpint (query_int (store, "SELECT next_invoice_number FROM company"), ==, high + 1);
    }
}

static gint64
set_up_company (const char *path)
{
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(KassaCompany) company = kassa_company_new ();
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  store = kassa_store_open (path, &error);
  g_assert_no_error (error);
  company->name = g_strdup ("Kaatuva Oy");
  g_assert_true (kassa_store_save_company (store, company, &error));
  customer->name = g_strdup ("Asiakas Oy");
  g_assert_true (kassa_store_save_customer (store, customer, &error));
  g_assert_no_error (error);

  return customer->id;
}

/* One child run: returns the ids it reported before it was killed. */
static GArray *
run_and_kill (const char *path,
              Round       round,
              guint       delay_ms)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int fds[2], status;
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      run_child (path, round, fds[1]);
    }
  close (fds[1]);

  /* Start the clock once the child is writing, so that the kill lands in
   * the middle of transactions rather than during start-up. */
  g_assert_true (wait_readable (fds[0], FIRST_ID_TIMEOUT_MS));
  g_assert_true (read_ids (fds[0], ids));
  g_usleep (delay_ms * 1000);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  while (read_ids (fds[0], ids))
    ;
  close (fds[0]);

  return g_steal_pointer (&ids);
}

static void
test_crash_rounds (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kassa-test-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "company.kassa", NULL);
  guint n_reported = 0;
  Round round = { 0, };

  g_assert_no_error (error);
  round.customer_id = set_up_company (path);
  round.day = kassa_day_from_ymd (2026, 1, 1);
  g_random_set_seed (20261124);

  for (guint i = 0; i < N_ROUNDS; i++)
    {
      guint delay_ms = g_random_int_range (5, 41);
      g_autoptr(GArray) ids = run_and_kill (path, round, delay_ms);
      g_autoptr(KassaStore) store = kassa_store_open (path, &error);

      g_assert_no_error (error);
      assert_integrity_ok (store);
      for (guint j = 0; j < ids->len; j++)
        assert_reported_invoice (store, g_array_index (ids, gint64, j));
      assert_no_partial_writes (store);

      n_reported += ids->len;
      g_test_message ("round %u: killed after %u ms, %u invoices reported, %" G_GINT64_FORMAT " stored",
                      i, delay_ms, ids->len,
                      query_int (store, "SELECT count(*) FROM invoices"));
      round.day++;
    }

  g_assert_cmpuint (n_reported, >=, N_ROUNDS);

  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

        g_remove (file);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/crash/kill-during-writes", test_crash_rounds);

  return g_test_run ();
}
