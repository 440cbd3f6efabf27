/* kassa-payment-expected.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When open invoices will be paid (ARCHITECTURE.md §4), and how well that
 * prediction does on the past.  Paid invoices and the history window are
 * defined in kassa-payment-behaviour.c.
 *
 * Expected payment date of an open invoice (open = total − paid > 0):
 *   disputed → none; a promise to pay (the latest one on the invoice, made
 *   on or before today) due today or later → its date; otherwise the
 *   predicted days late P = w × median (customer's last ≤ 12 days late) +
 *   (1 − w) × median (the company's days late over the history window),
 *   w = n / (n + 3): a robust estimate shrunk toward the company when the
 *   customer has few paid invoices (n = 0: the company's alone).  Expected
 *   = due date + round (P).  When that is before today: an invoice not yet
 *   due is expected today (an early payer could pay any day); an overdue
 *   one, d days overdue, is re-estimated as today + max (7, R), R = the
 *   median of (L − d) over the customer's last ≤ 12 days late L that are
 *   over d (invoices still unpaid d days after due and how much longer
 *   they took), else over the company's, else 0.  A partly paid invoice's
 *   remainder follows the same rule.  The open invoices are today's open
 *   set (the invoices_open index), so the list is meant for the real today.
 * Backtest: in issue-date order, each paid invoice is predicted with the
 *   same rule from the invoices paid before its issue date (history window
 *   ending the day before it), today being its issue date.  Error = |
 *   predicted − paid date|, naive error = | due date − paid date |.
 *
 * Rounding to whole days is half away from zero.
 */
#define G_LOG_DOMAIN "kassa-analytics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "kassa-payment-behaviour-private.h"
#include "kassa-store-sql.h"

#define MODEL_INVOICES        12
#define SHRINK_PRIOR          3     /* w = n / (n + SHRINK_PRIOR) */
#define OVERDUE_MIN_DAYS      7

/* The company's days late are counted in a histogram (exact medians in
 * O(1) memory per day, also while the backtest slides its window); the
 * rare delays outside it count in its first or last bin. */
#define HISTOGRAM_MIN         (-1024)
#define HISTOGRAM_SIZE        4096

/* What the model knows of a customer: the last ≤ 12 days late. */
typedef struct
{
  gint  late[MODEL_INVOICES];
  guint n;
} CustomerDelays;

/* What it knows of the company: every days late of the window. */
typedef struct
{
  guint  counts[HISTOGRAM_SIZE];
  guint  below[HISTOGRAM_SIZE + 1]; /* Σ counts of the bins before, see company_delays_index () */
  guint  total;
  double median;                    /* 0 without history */
} CompanyDelays;

/* The company's delays */

static guint
histogram_bin (gint days_late)
{
  return (guint) CLAMP (days_late - HISTOGRAM_MIN, 0, HISTOGRAM_SIZE - 1);
}

static void
company_delays_count (CompanyDelays *company,
                      gint           days_late,
                      gint           change)
{
  company->counts[histogram_bin (days_late)] += change;
  company->total += change;
}

/* The k-th smallest days late (0-based), once indexed. */
static gint
company_delays_nth (const CompanyDelays *company,
                    guint                k)
{
  guint lo = 0, hi = HISTOGRAM_SIZE - 1;

  /* The first bin with more than k values up to and including it. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (company->below[mid + 1] > k)
        hi = mid;
      else
        lo = mid + 1;
    }

  return (gint) lo + HISTOGRAM_MIN;
}

/* After counting: the cumulative counts and the median. */
static void
company_delays_index (CompanyDelays *company)
{
  company->below[0] = 0;
  for (guint bin = 0; bin < HISTOGRAM_SIZE; bin++)
    company->below[bin + 1] = company->below[bin] + company->counts[bin];

  company->median = 0;
  if (company->total > 0)
    company->median = (company_delays_nth (company, (company->total - 1) / 2) +
                       company_delays_nth (company, company->total / 2)) / 2.0;
}

static double
predict_days_late (const CustomerDelays *customer,
                   double                company_median)
{
  double w;

  if (customer == NULL || customer->n == 0)
    return company_median;

  w = (double) customer->n / (customer->n + SHRINK_PRIOR);
  return w * (kassa_payment_twice_median (customer->late, customer->n) / 2.0)
         + (1 - w) * company_median;
}

/* How much longer invoices still unpaid days_overdue after their due date
 * took: the customer's own, else the company's (median, whole days). */
static gint
remaining_delay (const CustomerDelays *customer,
                 const CompanyDelays  *company,
                 gint                  days_overdue)
{
  gint longer[MODEL_INVOICES];
  guint n = 0, first, count;

  for (guint i = 0; customer != NULL && i < customer->n; i++)
    {
      if (customer->late[i] > days_overdue)
        longer[n++] = customer->late[i] - days_overdue;
    }
  if (n > 0)
    return (gint) ((kassa_payment_twice_median (longer, n) + 1) / 2);

  first = company->below[histogram_bin (days_overdue) + 1];
  count = company->total - first;
  if (count == 0)
    return 0;

  return (gint) ((company_delays_nth (company, first + (count - 1) / 2) +
                  company_delays_nth (company, first + count / 2) -
                  2 * (gint64) days_overdue + 1) / 2);
}

static void
predict_expected (KassaExpectedPayment *expected,
                  gboolean              disputed,
                  KassaDay              promised,
                  KassaDay              today,
                  const CustomerDelays *customer,
                  const CompanyDelays  *company)
{
  KassaDay date;

  if (disputed)
    {
      expected->expected_date = 0;
      expected->source = KASSA_EXPECTED_DISPUTED;
      return;
    }
  if (promised != 0 && promised >= today)
    {
      expected->expected_date = promised;
      expected->source = KASSA_EXPECTED_PROMISE;
      return;
    }

  expected->source = customer != NULL && customer->n > 0
                     ? KASSA_EXPECTED_FROM_HISTORY : KASSA_EXPECTED_FROM_COMPANY;
  date = expected->due_date
         + kassa_payment_round_days (predict_days_late (customer, company->median));
  if (date < today && today <= expected->due_date)
    date = today;
  else if (date < today)
    {
      gint remaining = remaining_delay (customer, company, today - expected->due_date);

      date = today + MAX (OVERDUE_MIN_DAYS, remaining);
      expected->source = KASSA_EXPECTED_OVERDUE;
    }

  expected->expected_date = date;
}

/* The company's delays and each customer's last ≤ 12 (customers: gint64
 * id → CustomerDelays, owned) from the year's rows; average: (out)
 * (optional) the amount-weighted days to pay of those rows, -1 without. */
static void
model_from_rows (GArray        *rows,
                 CompanyDelays *company,
                 GHashTable    *customers,
                 double        *average)
{
  gint64 weighted_days = 0, weight = 0;

  for (guint start = 0, end; start < rows->len; start = end)
    {
      const KassaSettled *first = &g_array_index (rows, KassaSettled, start);
      CustomerDelays *delays = g_new0 (CustomerDelays, 1);

      end = kassa_payment_customer_end (rows, start);
      for (guint i = start; i < end; i++)
        {
          const KassaPaidInvoice *paid = &g_array_index (rows, KassaSettled, i).paid;
          gint late = paid->days_late;

          weighted_days += paid->amount * paid->days_to_pay;
          weight += paid->amount;
          company_delays_count (company, late, 1);
          if (i + MODEL_INVOICES >= end)
            delays->late[delays->n++] = late;
        }
      g_hash_table_insert (customers, g_memdup2 (&first->customer_id, sizeof (gint64)), delays);
    }

  company_delays_index (company);
  if (average != NULL)
    /* Paid before issue on the whole counts as paid on the day, so that
     * -1 stays free to mean no history. */
    *average = weight > 0 ? MAX (0.0, (double) weighted_days / weight) : -1;
}

static gboolean
load_model (KassaStore     *store,
            KassaDay        today,
            CompanyDelays  *company,
            GHashTable     *customers,
            double         *average,
            GError        **error)
{
  g_autoptr(GArray) rows = kassa_payment_load_histories (store, 0, today, error);

  if (rows == NULL)
    return FALSE;

  model_from_rows (rows, company, customers, average);
  return TRUE;
}

static GHashTable *
customer_delays_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/* Rows: invoice, customer, due date, open, disputed, the latest promised
 * date (NULL without a promise). */
#define OPEN_COLUMNS \
  "SELECT i.id, i.customer_id, i.due_date, i.total - i.paid, i.disputed," \
  " (SELECT e.due_by FROM collection_events e" \
  "  WHERE e.invoice_id = i.id AND e.kind = 3 AND e.date <= ?1" \
  "  ORDER BY e.date DESC, e.id DESC LIMIT 1)"
#define OPEN_CONDITIONS \
  " i.state = 1 AND i.paid <> i.total AND i.credited_invoice_id IS NULL" \
  " AND i.total > 0 AND i.total > i.paid AND i.issue_date <= ?1"

static void
expected_from_row (KassaExpectedPayment *expected,
                   sqlite3_stmt         *stmt,
                   KassaDay              today,
                   GHashTable           *customers,
                   const CompanyDelays  *company)
{
  expected->invoice_id = sqlite3_column_int64 (stmt, 0);
  expected->customer_id = sqlite3_column_int64 (stmt, 1);
  expected->due_date = sqlite3_column_int (stmt, 2);
  expected->open = sqlite3_column_int64 (stmt, 3);
  predict_expected (expected, sqlite3_column_int (stmt, 4) != 0, sqlite3_column_int (stmt, 5),
                    today, g_hash_table_lookup (customers, &expected->customer_id), company);
}

/**
 * kassa_expected_payments_list:
 *
 * Returns: (transfer full) (nullable): KassaExpectedPayment of every open
 *   invoice, by due date.
 */
GArray *
kassa_expected_payments_list (KassaStore  *store,
                              KassaDay     today,
                              GError     **error)
{
  return kassa_expected_payments_list_with_average (store, today, NULL, error);
}

/**
 * kassa_expected_payments_list_with_average:
 * @average_days_to_pay: (out) (optional): the company's average days to pay
 *   over the year's settled invoices, -1 without any
 *
 * Returns: (transfer full) (nullable): as kassa_expected_payments_list ()
 */
GArray *
kassa_expected_payments_list_with_average (KassaStore  *store,
                                           KassaDay     today,
                                           double      *average_days_to_pay,
                                           GError     **error)
{
  g_autoptr(GHashTable) customers = customer_delays_table_new ();
  g_autofree CompanyDelays *company = g_new0 (CompanyDelays, 1);
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GArray) list = NULL;
  int rc;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_model (store, today, company, customers, average_days_to_pay, error))
    return NULL;

  stmt = kassa_store_prepare (store,
                              OPEN_COLUMNS " FROM invoices i INDEXED BY invoices_open"
                              " WHERE" OPEN_CONDITIONS " ORDER BY i.due_date",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, today);
  list = g_array_new (FALSE, FALSE, sizeof (KassaExpectedPayment));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KassaExpectedPayment expected;

      expected_from_row (&expected, stmt, today, customers, company);
      g_array_append_val (list, expected);
    }

  if (rc != SQLITE_DONE)
    {
      kassa_store_set_error_from_sqlite (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

gboolean
kassa_expected_payment_get (KassaStore            *store,
                            gint64                 invoice_id,
                            KassaDay               today,
                            KassaExpectedPayment  *expected,
                            GError               **error)
{
  g_autoptr(GHashTable) customers = customer_delays_table_new ();
  g_autofree CompanyDelays *company = g_new0 (CompanyDelays, 1);
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (expected != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The company's delays are part of every prediction. */
  if (!load_model (store, today, company, customers, NULL, error))
    return FALSE;

  stmt = kassa_store_prepare (store,
                              OPEN_COLUMNS " FROM invoices i WHERE i.id = ?2 AND" OPEN_CONDITIONS,
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, today);
  sqlite3_bind_int64 (stmt, 2, invoice_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND,
                           _("This invoice has nothing left to pay, so no payment is expected."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  expected_from_row (expected, stmt, today, customers, company);
  return TRUE;
}

/* Backtest */

typedef struct
{
  guint    customer;          /* dense index */
  KassaDay issue_date;
  KassaDay due_date;
  KassaDay paid_date;
} BacktestInvoice;

typedef struct
{
  GArray     *invoices;       /* of BacktestInvoice */
  GHashTable *customer_index; /* gint64 id → dense index + 1 */
} BacktestData;

/* The last ≤ 12 paid invoices of a customer, a ring in paid-date order. */
typedef struct
{
  KassaDay paid[MODEL_INVOICES];
  gint     late[MODEL_INVOICES];
  guint    first;
  guint    n;
} CustomerRing;

typedef struct
{
  BacktestInvoice *invoices;  /* by issue date */
  guint           *by_paid;   /* indices by paid date */
  guint            n;
  CustomerRing    *rings;
  CompanyDelays   *company;
  guint            learnt;    /* by_paid[0 … learnt) are known */
  guint            forgotten; /* by_paid[0 … forgotten) left the window */
} Backtest;

static void
append_backtest_invoice (const KassaSettled *settled,
                         gpointer            user_data)
{
  BacktestData *data = user_data;
  gpointer index = g_hash_table_lookup (data->customer_index, &settled->customer_id);
  BacktestInvoice invoice;

  if (index == NULL)
    {
      index = GUINT_TO_POINTER (g_hash_table_size (data->customer_index) + 1);
      g_hash_table_insert (data->customer_index,
                           g_memdup2 (&settled->customer_id, sizeof (gint64)), index);
    }

  invoice.customer = GPOINTER_TO_UINT (index) - 1;
  invoice.issue_date = settled->paid.issue_date;
  invoice.due_date = settled->paid.due_date;
  invoice.paid_date = settled->paid.paid_date;
  g_array_append_val (data->invoices, invoice);
}

static int
compare_by_issue_date (gconstpointer a,
                       gconstpointer b)
{
  const BacktestInvoice *x = a;
  const BacktestInvoice *y = b;

  /* Ties in a fixed order, so that every run learns the same. */
  if (x->issue_date != y->issue_date)
    return x->issue_date < y->issue_date ? -1 : 1;
  if (x->paid_date != y->paid_date)
    return x->paid_date < y->paid_date ? -1 : 1;
  if (x->customer != y->customer)
    return x->customer < y->customer ? -1 : 1;
  return (x->due_date > y->due_date) - (x->due_date < y->due_date);
}

static int
compare_by_paid_date (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const BacktestInvoice *invoices = user_data;
  KassaDay x = invoices[*(const guint *) a].paid_date;
  KassaDay y = invoices[*(const guint *) b].paid_date;

  return (x > y) - (x < y);
}

static void
ring_push (CustomerRing *ring,
           KassaDay      paid_date,
           gint          days_late)
{
  guint slot = (ring->first + ring->n) % MODEL_INVOICES;

  ring->paid[slot] = paid_date;
  ring->late[slot] = days_late;
  if (ring->n < MODEL_INVOICES)
    ring->n++;
  else
    ring->first = (ring->first + 1) % MODEL_INVOICES;
}

/* The delays of the ring paid after since (the history window). */
static void
ring_delays (const CustomerRing *ring,
             KassaDay            since,
             CustomerDelays     *delays)
{
  delays->n = 0;
  for (guint i = 0; i < ring->n; i++)
    {
      guint slot = (ring->first + i) % MODEL_INVOICES;

      if (ring->paid[slot] > since)
        delays->late[delays->n++] = ring->late[slot];
    }
}

/* Learns what was paid by known, forgets from the company's delays what
 * was paid a year or more before it. */
static void
backtest_advance (Backtest *bt,
                  KassaDay  known)
{
  for (; bt->learnt < bt->n && bt->invoices[bt->by_paid[bt->learnt]].paid_date <= known; bt->learnt++)
    {
      const BacktestInvoice *paid = &bt->invoices[bt->by_paid[bt->learnt]];

      company_delays_count (bt->company, paid->paid_date - paid->due_date, 1);
      ring_push (&bt->rings[paid->customer], paid->paid_date, paid->paid_date - paid->due_date);
    }

  for (; bt->forgotten < bt->learnt &&
         bt->invoices[bt->by_paid[bt->forgotten]].paid_date <= known - KASSA_PAYMENT_HISTORY_DAYS;
       bt->forgotten++)
    {
      const BacktestInvoice *old = &bt->invoices[bt->by_paid[bt->forgotten]];

      company_delays_count (bt->company, old->paid_date - old->due_date, -1);
    }

  company_delays_index (bt->company);
}

/* Walks the invoices in issue-date order, each predicted from what was
 * paid by the day before its issue date. */
static void
run_backtest (Backtest             *bt,
              KassaPaymentBacktest *result)
{
  KassaDay known = G_MININT32;
  gint64 error_sum = 0, naive_sum = 0, bias_sum = 0;

  for (guint i = 0; i < bt->n; i++)
    {
      const BacktestInvoice *x = &bt->invoices[i];
      KassaExpectedPayment expected = { .due_date = x->due_date };
      CustomerDelays delays;
      gint error;

      if (x->issue_date - 1 != known)
        backtest_advance (bt, known = x->issue_date - 1);

      ring_delays (&bt->rings[x->customer], known - KASSA_PAYMENT_HISTORY_DAYS, &delays);
      predict_expected (&expected, FALSE, 0, x->issue_date, &delays, bt->company);

      error = expected.expected_date - x->paid_date;
      error_sum += ABS (error);
      bias_sum += error;
      naive_sum += ABS (x->due_date - x->paid_date);
    }

  result->invoices = bt->n;
  if (bt->n > 0)
    {
      result->mean_absolute_error = (double) error_sum / bt->n;
      result->naive_mean_absolute_error = (double) naive_sum / bt->n;
      result->mean_error = (double) bias_sum / bt->n;
    }
}

/**
 * kassa_payment_backtest:
 *
 * Reads every paid invoice once (about a second for the 1M company) and walks
 * them in memory.
 */
gboolean
kassa_payment_backtest (KassaStore            *store,
                        KassaPaymentBacktest  *result,
                        GError               **error)
{
  g_autoptr(GArray) invoices = g_array_new (FALSE, FALSE, sizeof (BacktestInvoice));
  g_autoptr(GHashTable) customer_index = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                g_free, NULL);
  BacktestData data = { invoices, customer_index };
  KassaSettledQuery query = { 0, G_MAXINT32, FALSE, append_backtest_invoice, &data };
  g_autofree guint *by_paid = NULL;
  g_autofree CustomerRing *rings = NULL;
  g_autofree CompanyDelays *company = NULL;
  Backtest bt;

  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *result = (KassaPaymentBacktest) { 0 };
  if (!kassa_payment_read_settled (store, &query, error))
    return FALSE;

  /* qsort must not see the NULL data of an empty array. */
  if (invoices->len > 1)
    qsort (invoices->data, invoices->len, sizeof (BacktestInvoice), compare_by_issue_date);
  by_paid = g_new (guint, MAX (invoices->len, 1));
  for (guint i = 0; i < invoices->len; i++)
    by_paid[i] = i;
  g_qsort_with_data (by_paid, invoices->len, sizeof (guint), compare_by_paid_date, invoices->data);
  rings = g_new0 (CustomerRing, MAX (g_hash_table_size (customer_index), 1));
  company = g_new0 (CompanyDelays, 1);

  bt = (Backtest) { (BacktestInvoice *) invoices->data, by_paid, invoices->len, rings, company, 0, 0 };
  run_backtest (&bt, result);
  return TRUE;
}
