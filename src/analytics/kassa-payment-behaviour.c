/* kassa-payment-behaviour.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How customers pay (ARCHITECTURE.md §4).  Definitions:
 *
 * Paid invoice: an ordinary sent invoice (state 1, not a credit note,
 *   total > 0) whose payments dated up to today add up to its total.  Its
 *   paid date is the date of the payment that brought the running sum
 *   (payments by date, then id) up to the total; when a refund reopened it,
 *   the payment that settled it again.
 * History: the paid invoices with paid date in (today − 365, today], oldest
 *   first (paid date, then id); days to pay = paid − issue date, days late
 *   = paid − due date (negative: early).  Averages are weighted by total.
 * Trend: least-squares slope of days late over the last ≤ 12 of them.
 * Warning: the last recent_count paid invoices were paid on average at
 *   least min_extra_days later than the baseline, the median days late of
 *   the earlier ones in the history (at least min_history of them).
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
 * Risk class: D when an invoice is over 60 days overdue or the average
 *   days late is over 30; C over 30 days overdue, average over 14 days or
 *   credit use (open ÷ limit) over 100 %; B anything overdue, average over
 *   3 days or credit use over 80 %; else A.  The first fact found, in that
 *   order, is the reason shown.
 * Suggested credit limit: gross sales of the last 12 months (net of credit
 *   notes) ÷ 12 × (payment terms + max (0, round (average days late))) ÷ 30
 *   × 150 / 120 / 80 / 0 % for A / B / C / D, in integers (each division
 *   truncates), rounded up to a whole 100 of the company currency.
 *
 * Rounding to whole days is half away from zero.
 */
#define G_LOG_DOMAIN "kassa-analytics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-payment-behaviour.h"
#include "kassa-store-collections.h"
#include "kassa-store-sql.h"

#define HISTORY_DAYS          365
#define TREND_INVOICES        12
#define MODEL_INVOICES        12
#define SHRINK_PRIOR          3     /* w = n / (n + SHRINK_PRIOR) */
#define OVERDUE_MIN_DAYS      7
#define SMALL_VALUES          64    /* sorted on the stack */

#define RISK_D_DAYS_OVERDUE   60
#define RISK_D_DAYS_LATE      30
#define RISK_C_DAYS_OVERDUE   30
#define RISK_C_DAYS_LATE      14
#define RISK_C_CREDIT_USE     100   /* percent of the credit limit */
#define RISK_B_DAYS_LATE      3
#define RISK_B_CREDIT_USE     80

#define LIMIT_FACTOR_A        1500  /* per mille */
#define LIMIT_FACTOR_B        1200
#define LIMIT_FACTOR_C        800
#define LIMIT_FACTOR_D        0
#define LIMIT_DAYS_PER_MONTH  30
#define LIMIT_ROUND_MAJOR     100   /* rounded up to whole hundreds */

/* The company's days late are counted in a histogram (exact medians in
 * O(1) memory per day, also while the backtest slides its window); the
 * rare delays outside it count in its first or last bin. */
#define HISTOGRAM_MIN         (-1024)
#define HISTOGRAM_SIZE        4096

/* A paid invoice and its customer, as read from the store. */
typedef struct
{
  gint64           customer_id;
  KassaPaidInvoice paid;
} Settled;

typedef void (*SettledFunc) (const Settled *settled,
                             gpointer       user_data);

typedef struct
{
  KassaDay     from;          /* paid after this … */
  KassaDay     to;            /* … up to this day (today) */
  gboolean     later_payments; /* some payment is dated after to */
  SettledFunc  func;
  gpointer     user_data;
} SettledQuery;

/* Payments kept per invoice while reading (nearly all have one or two). */
#define ROWS_KEPT 4

typedef struct
{
  KassaDay date;
  gint64   amount;
} PaymentRow;

/* The payments of one invoice while its rows are read. */
typedef struct
{
  Settled    settled;
  gint64     recorded_paid;   /* invoices.paid: every payment ever recorded */
  gint64     rows_sum;
  PaymentRow rows[ROWS_KEPT];
  guint      n_rows;          /* over ROWS_KEPT: the payments are re-read */
} InvoicePayments;

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

/* Whole days and medians */

static gint
round_days (double days)
{
  return (gint) (days < 0 ? -floor (-days + 0.5) : floor (days + 0.5));
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  gint x = *(const gint *) a;
  gint y = *(const gint *) b;

  return (x > y) - (x < y);
}

/* Insertion sort: for a dozen values faster than qsort (), which is
 * called some ten thousand times for a large company. */
static void
sort_small (gint  *values,
            guint  n)
{
  for (guint i = 1; i < n; i++)
    {
      gint value = values[i];
      guint j = i;

      for (; j > 0 && values[j - 1] > value; j--)
        values[j] = values[j - 1];
      values[j] = value;
    }
}

/* Twice the median: an integer, so that thresholds compare exactly. */
static gint64
twice_median (const gint *values,
              guint       n)
{
  gint sorted[SMALL_VALUES];
  g_autofree gint *large = NULL;
  gint *copy = sorted;

  g_assert (n > 0);
  if (n > G_N_ELEMENTS (sorted))
    copy = large = g_new (gint, n);

  memcpy (copy, values, n * sizeof (gint));
  if (copy == large)
    qsort (copy, n, sizeof (gint), compare_int);
  else
    sort_small (copy, n);
  return (gint64) copy[(n - 1) / 2] + copy[n / 2];
}

double
kassa_least_squares_slope (const double *y,
                           guint         n)
{
  double mean_x = (n - 1) / 2.0;
  double mean_y = 0, sxy = 0, sxx = 0;

  if (n < 2)
    return 0;

  g_return_val_if_fail (y != NULL, 0);

  for (guint i = 0; i < n; i++)
    mean_y += y[i] / n;
  for (guint i = 0; i < n; i++)
    {
      sxy += (i - mean_x) * (y[i] - mean_y);
      sxx += (i - mean_x) * (i - mean_x);
    }

  return sxy / sxx;
}

/* Reading paid invoices */

static void
invoice_payments_start (InvoicePayments *ip,
                        sqlite3_stmt    *stmt)
{
  KassaPaidInvoice *paid = &ip->settled.paid;

  *paid = (KassaPaidInvoice) { 0 };
  paid->invoice_id = sqlite3_column_int64 (stmt, 0);
  ip->settled.customer_id = sqlite3_column_int64 (stmt, 1);
  paid->number = sqlite3_column_int64 (stmt, 2);
  paid->issue_date = sqlite3_column_int (stmt, 3);
  paid->due_date = sqlite3_column_int (stmt, 4);
  paid->amount = sqlite3_column_int64 (stmt, 5);
  ip->recorded_paid = sqlite3_column_int64 (stmt, 6);
  ip->rows_sum = 0;
  ip->n_rows = 0;
}

static void
invoice_payments_add (InvoicePayments *ip,
                      KassaDay         date,
                      gint64           amount)
{
  if (ip->n_rows < ROWS_KEPT)
    ip->rows[ip->n_rows] = (PaymentRow) { date, amount };
  ip->n_rows++;
  ip->rows_sum += amount;
}

/* Adds a payment to the running sum; *settled_on becomes its date when it
 * takes the sum up to the total. */
static void
run_payment (gint64    total,
             gint64   *running,
             KassaDay *settled_on,
             KassaDay  date,
             gint64    amount)
{
  gint64 before = *running;

  *running += amount;
  if (before < total && *running >= total)
    *settled_on = date;
}

/* Every payment of the invoice up to today, for the rare invoices whose
 * rows cannot tell. */
static gboolean
invoice_payments_reread (KassaStore             *store,
                         const InvoicePayments  *ip,
                         const SettledQuery     *query,
                         gint64                 *running,
                         KassaDay               *settled_on,
                         GError                **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (store,
                              "SELECT date, amount FROM payments"
                              " WHERE invoice_id = ?1 AND date <= ?2 ORDER BY date, id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ip->settled.paid.invoice_id);
  sqlite3_bind_int (stmt, 2, query->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    run_payment (ip->settled.paid.amount, running, settled_on,
                 sqlite3_column_int (stmt, 0), sqlite3_column_int64 (stmt, 1));

  return rc == SQLITE_DONE || kassa_store_set_error_from_sqlite (store, rc, error);
}

static gboolean
invoice_payments_finish (KassaStore          *store,
                         InvoicePayments     *ip,
                         const SettledQuery  *query,
                         GError             **error)
{
  KassaPaidInvoice *paid = &ip->settled.paid;
  gint64 running = 0;
  KassaDay settled_on = 0;

  /* The rows hold the payments of the window.  With no payment dated after
   * today, the rest were paid before the window: the running sum starts
   * at what they add up to.  Otherwise the rows are trusted only when they
   * add up to every payment recorded (payments outside them that cancel
   * out exactly are the blind spot). */
  if (ip->n_rows > ROWS_KEPT || (query->later_payments && ip->rows_sum != ip->recorded_paid))
    {
      if (!invoice_payments_reread (store, ip, query, &running, &settled_on, error))
        return FALSE;
    }
  else
    {
      running = ip->recorded_paid - ip->rows_sum;
      for (guint i = 0; i < ip->n_rows; i++)
        run_payment (paid->amount, &running, &settled_on, ip->rows[i].date, ip->rows[i].amount);
    }

  if (running < paid->amount || settled_on <= query->from || settled_on > query->to)
    return TRUE;

  paid->paid_date = settled_on;
  paid->days_to_pay = paid->paid_date - paid->issue_date;
  paid->days_late = paid->paid_date - paid->due_date;
  query->func (&ip->settled, query->user_data);
  return TRUE;
}

static gboolean
find_later_payments (KassaStore    *store,
                     SettledQuery  *query,
                     GError       **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM payments WHERE date > ?1)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, query->to);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  query->later_payments = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* Rows: invoice id, customer, number, issue, due, total, paid, payment
 * date, payment amount; ordered by invoice, then payment date and id. */
#define SETTLED_COLUMNS \
  "SELECT i.id, i.customer_id, i.number, i.issue_date, i.due_date, i.total, i.paid," \
  " p.date, p.amount"
#define SETTLED_CONDITIONS \
  " i.state = 1 AND i.credited_invoice_id IS NULL AND i.total > 0"

static gboolean
read_settled_rows (KassaStore          *store,
                   sqlite3_stmt        *stmt,
                   const SettledQuery  *query,
                   GError             **error)
{
  InvoicePayments ip = { 0 };
  gboolean reading = FALSE;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!reading || sqlite3_column_int64 (stmt, 0) != ip.settled.paid.invoice_id)
        {
          if (reading && !invoice_payments_finish (store, &ip, query, error))
            return FALSE;
          invoice_payments_start (&ip, stmt);
          reading = TRUE;
        }
      invoice_payments_add (&ip, sqlite3_column_int (stmt, 7), sqlite3_column_int64 (stmt, 8));
    }

  if (rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  return !reading || invoice_payments_finish (store, &ip, query, error);
}

/* Every invoice paid in (from, to], in one query.  The payments come from
 * a walk of the payments_invoice index, so that payments and invoices are
 * read in rowid order: on the 1M company this is about three times faster
 * than the payments_date index with a random lookup per payment. */
static gboolean
read_settled_all (KassaStore    *store,
                  SettledQuery  *query,
                  GError       **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  if (!find_later_payments (store, query, error))
    return FALSE;

  stmt = kassa_store_prepare (store,
                              SETTLED_COLUMNS
                              " FROM payments p INDEXED BY payments_invoice"
                              " CROSS JOIN invoices i ON i.id = p.invoice_id"
                              " WHERE p.date > ?1 AND p.date <= ?2 AND" SETTLED_CONDITIONS
                              " ORDER BY p.invoice_id, p.date, p.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, query->from);
  sqlite3_bind_int (stmt, 2, query->to);
  return read_settled_rows (store, stmt, query, error);
}

static gboolean
read_settled_customer (KassaStore    *store,
                       gint64         customer_id,
                       SettledQuery  *query,
                       GError       **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  if (!find_later_payments (store, query, error))
    return FALSE;

  stmt = kassa_store_prepare (store,
                              SETTLED_COLUMNS
                              " FROM invoices i JOIN payments p ON p.invoice_id = i.id AND p.date <= ?1"
                              " WHERE i.customer_id = ?2 AND" SETTLED_CONDITIONS
                              " ORDER BY i.id, p.date, p.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, query->to);
  sqlite3_bind_int64 (stmt, 2, customer_id);
  return read_settled_rows (store, stmt, query, error);
}

static void
append_settled (const Settled *settled,
                gpointer       user_data)
{
  g_array_append_vals (user_data, settled, 1);
}

/* Stable LSD radix sort of the rows by customer id, one byte a pass and
 * only as many passes as the largest id needs (two for 10,000 customers):
 * about 10 ms for the 200,000 rows of the 1M company's year, where
 * grouping row by row into per-customer arrays costs four times that in
 * cache misses and qsort () more still. */
static void
sort_by_customer (GArray *rows)
{
  Settled *data = (Settled *) rows->data;
  g_autofree Settled *spare = g_new (Settled, MAX (rows->len, 1));
  guint64 bits = 0;

  for (guint i = 0; i < rows->len; i++)
    bits |= (guint64) data[i].customer_id;

  for (guint shift = 0; shift < 64 && (bits >> shift) != 0; shift += 8)
    {
      guint start[257] = { 0 };

      for (guint i = 0; i < rows->len; i++)
        start[(((guint64) data[i].customer_id >> shift) & 0xff) + 1]++;
      for (guint digit = 1; digit < 257; digit++)
        start[digit] += start[digit - 1];
      for (guint i = 0; i < rows->len; i++)
        spare[start[((guint64) data[i].customer_id >> shift) & 0xff]++] = data[i];
      memcpy (data, spare, rows->len * sizeof (Settled));
    }
}

static gboolean
paid_before (const KassaPaidInvoice *a,
             const KassaPaidInvoice *b)
{
  return a->paid_date < b->paid_date || (a->paid_date == b->paid_date && a->invoice_id < b->invoice_id);
}

/* Within a customer the rows are in invoice order, nearly paid-date order:
 * an insertion sort has little to do. */
static void
sort_by_paid_date (Settled *rows,
                   guint    n)
{
  for (guint i = 1; i < n; i++)
    {
      Settled row = rows[i];
      guint j = i;

      for (; j > 0 && paid_before (&row.paid, &rows[j - 1].paid); j--)
        rows[j] = rows[j - 1];
      rows[j] = row;
    }
}

/* The end of the customer's rows that start at start. */
static guint
customer_end (GArray *rows,
              guint   start)
{
  gint64 customer_id = g_array_index (rows, Settled, start).customer_id;
  guint end = start + 1;

  while (end < rows->len && g_array_index (rows, Settled, end).customer_id == customer_id)
    end++;
  return end;
}

/* (transfer full) of Settled: the invoices paid in the year up to today
 * by customer, each customer's oldest first; customer_id 0 reads every
 * customer. */
static GArray *
load_histories (KassaStore  *store,
                gint64       customer_id,
                KassaDay     today,
                GError     **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Settled));
  SettledQuery query = { today - HISTORY_DAYS, today, FALSE, append_settled, rows };
  gboolean ok;

  if (customer_id == 0)
    ok = read_settled_all (store, &query, error);
  else
    ok = read_settled_customer (store, customer_id, &query, error);
  if (!ok)
    return NULL;

  sort_by_customer (rows);
  for (guint start = 0, end; start < rows->len; start = end)
    {
      end = customer_end (rows, start);
      sort_by_paid_date (&g_array_index (rows, Settled, start), end - start);
    }

  return g_steal_pointer (&rows);
}

/* (transfer full) the KassaPaidInvoice of n rows */
static GArray *
history_from_rows (const Settled *rows,
                   guint          n)
{
  GArray *history = g_array_sized_new (FALSE, FALSE, sizeof (KassaPaidInvoice), n);

  for (guint i = 0; i < n; i++)
    g_array_append_vals (history, &rows[i].paid, 1);
  return history;
}

/* History statistics */

/* history: (transfer full) (nullable) */
static KassaPaymentBehaviour *
behaviour_new (gint64    customer_id,
               KassaDay  today,
               GArray   *history)
{
  KassaPaymentBehaviour *b = g_new0 (KassaPaymentBehaviour, 1);

  b->customer_id = customer_id;
  b->today = today;
  b->history = history != NULL ? history : g_array_new (FALSE, FALSE, sizeof (KassaPaidInvoice));
  b->average_days_to_pay = -1;
  b->average_days_late = -1;
  return b;
}

static void
compute_averages (KassaPaymentBehaviour *b)
{
  double weight = 0, to_pay = 0, late = 0;

  /* Weighted sums of days, not money: doubles cannot overflow here. */
  for (guint i = 0; i < b->history->len; i++)
    {
      const KassaPaidInvoice *paid = &g_array_index (b->history, KassaPaidInvoice, i);

      weight += (double) paid->amount;
      to_pay += (double) paid->amount * paid->days_to_pay;
      late += (double) paid->amount * paid->days_late;
    }

  if (weight > 0)
    {
      b->average_days_to_pay = to_pay / weight;
      b->average_days_late = late / weight;
    }
}

static void
compute_trend (KassaPaymentBehaviour *b)
{
  guint n = MIN (b->history->len, TREND_INVOICES);
  guint first = b->history->len - n;
  double y[TREND_INVOICES];

  for (guint i = 0; i < n; i++)
    y[i] = g_array_index (b->history, KassaPaidInvoice, first + i).days_late;

  b->trend_days = kassa_least_squares_slope (y, n);
}

static char *
format_days (gint days)
{
  /* Translators: a number of days inside a longer sentence */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", ABS (days)), days);
}

static char *
format_warning (gint recent,
                gint extra_days,
                gint usual_days)
{
  g_autofree char *extra = format_days (extra_days);
  g_autofree char *usual = NULL;

  if (usual_days <= 0)
    /* Translators: %d is a number of invoices, %s how much later they
     * were paid, e.g. "9 days" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Paid the last %d invoice %s later than usual: "
                                         "earlier invoices were paid on time.",
                                         "Paid the last %d invoices on average %s later than usual: "
                                         "earlier invoices were paid on time.",
                                         recent),
                            recent, extra);

  usual = format_days (usual_days);
  /* Translators: %d is a number of invoices, the first %s how much later
   * they were paid ("12 days"), the second the customer's usual delay
   * ("4 days") */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Paid the last %d invoice %s later than the usual %s.",
                                       "Paid the last %d invoices on average %s later than the usual %s.",
                                       recent),
                          recent, extra, usual);
}

/* Days late of the i-th of items stride bytes apart (a history or rows). */
#define DAYS_LATE_AT(items, stride, i) \
  (((const KassaPaidInvoice *) ((const char *) (items) + (i) * (stride)))->days_late)

/* The warning's figures from a history: twice the baseline median (an
 * integer, so that the threshold compares exactly) and the sum of the
 * recent delays.  FALSE when the history is too short. */
static gboolean
measure_recent_delays (const KassaPaidInvoice *items,
                       guint                   n,
                       gsize                   stride,
                       const KassaWarningRule *rule,
                       gint64                 *baseline2,
                       gint64                 *recent_sum)
{
  guint recent = (guint) MAX (rule->recent_count, 1);
  gint small[SMALL_VALUES];
  g_autofree gint *large = NULL;
  gint *late = small;

  if (n < recent + (guint) MAX (rule->min_history, 1))
    return FALSE;

  if (n - recent > G_N_ELEMENTS (small))
    late = large = g_new (gint, n - recent);
  for (guint i = 0; i < n - recent; i++)
    late[i] = DAYS_LATE_AT (items, stride, i);

  *recent_sum = 0;
  for (guint i = n - recent; i < n; i++)
    *recent_sum += DAYS_LATE_AT (items, stride, i);
  *baseline2 = twice_median (late, n - recent);
  return TRUE;
}

/* mean − baseline ≥ min_extra, times 2 × recent: in integers. */
static gboolean
is_warning (const KassaWarningRule *rule,
            gint64                  baseline2,
            gint64                  recent_sum)
{
  gint64 recent = MAX (rule->recent_count, 1);

  return 2 * recent_sum - recent * baseline2 >= 2 * recent * rule->min_extra_days;
}

static void
compute_warning (KassaPaymentBehaviour  *b,
                 const KassaWarningRule *rule)
{
  gint recent = MAX (rule->recent_count, 1);
  gint64 baseline2, recent_sum;

  if (!measure_recent_delays ((const KassaPaidInvoice *) b->history->data, b->history->len,
                              sizeof (KassaPaidInvoice), rule, &baseline2, &recent_sum))
    return;

  b->baseline_days_late = baseline2 / 2.0;
  b->recent_days_late = (double) recent_sum / recent;
  b->warning = is_warning (rule, baseline2, recent_sum);
  if (b->warning)
    b->warning_text = format_warning (recent,
                                      round_days (b->recent_days_late - b->baseline_days_late),
                                      round_days (b->baseline_days_late));
}

static void
compute_history_statistics (KassaPaymentBehaviour  *b,
                            const KassaWarningRule *rule)
{
  compute_warning (b, rule);
  compute_averages (b);
  compute_trend (b);
}

/* Receivable facts, risk and credit limit */

/* Open and overdue amounts of one customer from its open invoices (credit
 * notes carry what their original still had open), and the oldest overdue
 * invoice. */
static gboolean
read_open_facts (KassaStore             *store,
                 KassaPaymentBehaviour  *b,
                 gint64                 *oldest_number,
                 GError                **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  KassaDay oldest_due_date = 0;
  int rc;

  stmt = kassa_store_prepare (store,
                              "SELECT i.number, i.due_date, " KASSA_STORE_OPEN_AMOUNT_SQL ","
                              " i.credited_invoice_id IS NULL"
                              " FROM invoices i WHERE i.customer_id = ?1 AND i.state = 1 AND i.paid <> i.total",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, b->customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KassaDay due_date = sqlite3_column_int (stmt, 1);
      gint64 open = sqlite3_column_int64 (stmt, 2);

      b->open += open;
      if (sqlite3_column_int (stmt, 3) == 0 || open <= 0 || due_date >= b->today)
        continue;

      b->overdue += open;
      if (oldest_due_date == 0 || due_date < oldest_due_date)
        {
          oldest_due_date = due_date;
          *oldest_number = sqlite3_column_int64 (stmt, 0);
        }
    }

  b->max_days_overdue = oldest_due_date != 0 ? b->today - oldest_due_date : 0;
  return rc == SQLITE_DONE || kassa_store_set_error_from_sqlite (store, rc, error);
}

/* Gross of the invoices and credit notes issued in the 12 months up to
 * today (a credited sale nets to zero). */
static gboolean
sum_sales_year (KassaStore  *store,
                gint64       customer_id,
                KassaDay     today,
                gint64      *sales,
                GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (store,
                              "SELECT COALESCE (SUM (total), 0) FROM invoices"
                              " WHERE customer_id = ?1 AND issue_date > ?2 AND issue_date <= ?3"
                              " AND state IN (1, 2)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, kassa_day_add_months (today, -12));
  sqlite3_bind_int (stmt, 3, today);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  *sales = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static char *
format_money (gint64      minor,
              const char *currency)
{
  return kassa_money_format (minor, currency, kassa_locale_current ());
}

static char *
describe_overdue_invoice (gint64 number,
                          gint   days)
{
  g_autofree char *number_text = g_strdup_printf ("%" G_GINT64_FORMAT, number);

  /* Translators: %s is an invoice number, %d a number of days */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Invoice %s is %d day overdue.",
                                       "Invoice %s is %d days overdue.", days),
                          number_text, days);
}

static char *
describe_credit_use (const KassaPaymentBehaviour *b,
                     const char                  *currency)
{
  g_autofree char *open = format_money (b->open, currency);
  g_autofree char *limit = format_money (b->credit_limit, currency);

  /* Translators: e.g. "Owes €1,200.00, 120 % of the credit limit of €1,000.00." */
  return g_strdup_printf (_("Owes %s, %d %% of the credit limit of %s."),
                          open, (gint) (b->open * 100 / b->credit_limit), limit);
}

static char *
describe_late_payer (double average_days_late)
{
  /* Translators: %.1f is a number of days such as 12.5 */
  return g_strdup_printf (_("Pays on average %.1f days late."), average_days_late);
}

/* The class and the fact that decided it, checked from D down to B. */
static void
assess_risk (KassaPaymentBehaviour *b,
             gint64                 oldest_number,
             const char            *currency)
{
  double late = b->history->len > 0 ? b->average_days_late : 0;
  gint overdue_days = b->max_days_overdue;
  gint64 use = b->credit_limit > 0 ? b->open * 100 : 0;  /* compared with limit × percent */

  if (overdue_days > RISK_D_DAYS_OVERDUE || late > RISK_D_DAYS_LATE)
    b->risk = KASSA_RISK_D;
  else if (overdue_days > RISK_C_DAYS_OVERDUE || late > RISK_C_DAYS_LATE ||
           use > b->credit_limit * RISK_C_CREDIT_USE)
    b->risk = KASSA_RISK_C;
  else if (b->overdue > 0 || late > RISK_B_DAYS_LATE || use > b->credit_limit * RISK_B_CREDIT_USE)
    b->risk = KASSA_RISK_B;
  else
    b->risk = KASSA_RISK_A;

  if (b->risk == KASSA_RISK_A)
    b->risk_text = g_strdup (b->history->len > 0
                             ? _("Pays on time and has nothing overdue.")
                             : _("No payments in the last 12 months to judge by, and nothing overdue."));
  else if ((b->risk == KASSA_RISK_D && overdue_days > RISK_D_DAYS_OVERDUE) ||
           (b->risk == KASSA_RISK_C && overdue_days > RISK_C_DAYS_OVERDUE) ||
           (b->risk == KASSA_RISK_B && b->overdue > 0))
    b->risk_text = describe_overdue_invoice (oldest_number, overdue_days);
  else if ((b->risk == KASSA_RISK_D) ||
           (b->risk == KASSA_RISK_C && late > RISK_C_DAYS_LATE) ||
           (b->risk == KASSA_RISK_B && late > RISK_B_DAYS_LATE))
    b->risk_text = describe_late_payer (late);
  else
    b->risk_text = describe_credit_use (b, currency);
}

static void
suggest_credit_limit (KassaPaymentBehaviour *b,
                      gint64                 sales,
                      gint                   terms,
                      const char            *currency)
{
  static const gint factors[] = { LIMIT_FACTOR_A, LIMIT_FACTOR_B, LIMIT_FACTOR_C, LIMIT_FACTOR_D };
  gint late = b->history->len > 0 ? MAX (0, round_days (b->average_days_late)) : 0;
  gint days = terms + late;
  gint factor = factors[b->risk];
  gint64 unit = LIMIT_ROUND_MAJOR;
  gint64 monthly, covered, limit;
  g_autofree char *monthly_text = NULL;
  g_autofree char *limit_text = NULL;

  if (sales <= 0)
    {
      b->suggested_credit_limit_text = g_strdup (_("No sales in the last 12 months, so no credit limit is suggested."));
      return;
    }
  if (factor == 0)
    {
      b->suggested_credit_limit_text = g_strdup (_("Risk class D: no credit should be extended."));
      return;
    }

  for (gint e = kassa_currency_exponent (currency); e > 0; e--)
    unit *= 10;
  monthly = sales / 12;
  covered = monthly * days / LIMIT_DAYS_PER_MONTH;
  /* × factor ÷ 1000 in two parts, so that large amounts cannot overflow */
  limit = covered / 1000 * factor + covered % 1000 * factor / 1000;
  b->suggested_credit_limit = (limit + unit - 1) / unit * unit;

  monthly_text = format_money (monthly, currency);
  limit_text = format_money (b->suggested_credit_limit, currency);
  /* Translators: explains a suggested credit limit, e.g. "Average monthly
   * sales €3,100.00 × 20 days (terms 14 + late 6) ÷ 30 × 150 % for risk
   * class A, rounded up to a whole hundred: €3,100.00." */
  b->suggested_credit_limit_text =
    g_strdup_printf (_("Average monthly sales %s × %d days (terms %d + late %d) ÷ 30 × %d %% "
                       "for risk class %s, rounded up to a whole hundred: %s."),
                     monthly_text, days, terms, late, factor / 10,
                     kassa_risk_class_to_string (b->risk), limit_text);
}

static gboolean
add_receivable_facts (KassaStore             *store,
                      KassaPaymentBehaviour  *b,
                      GError                **error)
{
  g_autoptr(KassaCustomerRecord) customer = NULL;
  g_autoptr(KassaCompany) company = NULL;
  const char *currency;
  gint64 oldest_number = 0, sales = 0;

  customer = kassa_store_get_customer (store, b->customer_id, error);
  if (customer == NULL ||
      !read_open_facts (store, b, &oldest_number, error) ||
      !sum_sales_year (store, b->customer_id, b->today, &sales, error))
    return FALSE;

  company = kassa_store_get_company (store);
  currency = company != NULL ? company->currency : "EUR";
  b->credit_limit = customer->credit_limit;
  assess_risk (b, oldest_number, currency);
  suggest_credit_limit (b, sales, customer->payment_terms_days, currency);
  return TRUE;
}

/* Public: behaviour */

void
kassa_warning_rule_init_default (KassaWarningRule *rule)
{
  g_return_if_fail (rule != NULL);

  rule->recent_count = 3;
  rule->min_extra_days = 7;
  rule->min_history = 3;
}

const char *
kassa_risk_class_to_string (KassaRiskClass risk)
{
  static const char *const names[] = { "A", "B", "C", "D" };

  g_return_val_if_fail (risk <= KASSA_RISK_D, "");
  return names[risk];
}

const char *
kassa_risk_class_describe (KassaRiskClass risk)
{
  static const char *const meanings[] = {
    N_("Pays on time"),
    N_("Some delays or high credit use: keep an eye on it"),
    N_("Late payer: shorten the terms or ask for prepayment"),
    N_("Serious: do not extend credit"),
  };

  g_return_val_if_fail (risk <= KASSA_RISK_D, "");
  return _(meanings[risk]);
}

/**
 * kassa_payment_behaviour_compute:
 * @rule: (nullable): the warning rule, NULL for the defaults
 *
 * Returns: (transfer full) (nullable): the customer's payment behaviour as
 *   of today, NULL with @error when the customer is missing or the store
 *   fails.
 */
KassaPaymentBehaviour *
kassa_payment_behaviour_compute (KassaStore              *store,
                                 gint64                   customer_id,
                                 KassaDay                 today,
                                 const KassaWarningRule  *rule,
                                 GError                 **error)
{
  g_autoptr(KassaPaymentBehaviour) b = NULL;
  g_autoptr(GArray) rows = NULL;
  KassaWarningRule default_rule;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (customer_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (rule == NULL)
    {
      kassa_warning_rule_init_default (&default_rule);
      rule = &default_rule;
    }

  rows = load_histories (store, customer_id, today, error);
  if (rows == NULL)
    return NULL;

  b = behaviour_new (customer_id, today, history_from_rows ((const Settled *) rows->data, rows->len));
  compute_history_statistics (b, rule);
  if (!add_receivable_facts (store, b, error))
    return NULL;

  return g_steal_pointer (&b);
}

void
kassa_payment_behaviour_free (KassaPaymentBehaviour *behaviour)
{
  if (behaviour == NULL)
    return;

  g_clear_pointer (&behaviour->history, g_array_unref);
  g_free (behaviour->warning_text);
  g_free (behaviour->risk_text);
  g_free (behaviour->suggested_credit_limit_text);
  g_free (behaviour);
}

static int
compare_warning_increase (gconstpointer a,
                          gconstpointer b)
{
  const KassaPaymentBehaviour *x = *(KassaPaymentBehaviour * const *) a;
  const KassaPaymentBehaviour *y = *(KassaPaymentBehaviour * const *) b;
  double dx = x->recent_days_late - x->baseline_days_late;
  double dy = y->recent_days_late - y->baseline_days_late;

  if (dx != dy)
    return dx > dy ? -1 : 1;
  return (x->customer_id > y->customer_id) - (x->customer_id < y->customer_id);
}

/**
 * kassa_payment_warnings_list:
 * @rule: (nullable): the warning rule, NULL for the defaults
 *
 * One query over the year's paid invoices, grouped by customer as they are
 * read.  The items carry the history, its statistics and the warning; the
 * receivable facts (open, overdue, credit limit, risk, suggested limit)
 * are left 0 and NULL: kassa_payment_behaviour_compute() gives them for a
 * customer.
 *
 * Returns: (transfer full) (element-type KassaPaymentBehaviour) (nullable)
 */
GPtrArray *
kassa_payment_warnings_list (KassaStore              *store,
                             KassaDay                 today,
                             const KassaWarningRule  *rule,
                             GError                 **error)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GArray) rows = NULL;
  KassaWarningRule default_rule;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (rule == NULL)
    {
      kassa_warning_rule_init_default (&default_rule);
      rule = &default_rule;
    }

  rows = load_histories (store, 0, today, error);
  if (rows == NULL)
    return NULL;

  warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_payment_behaviour_free);
  for (guint start = 0, end; start < rows->len; start = end)
    {
      const Settled *first = &g_array_index (rows, Settled, start);
      KassaPaymentBehaviour *b;
      gint64 baseline2, recent_sum;

      end = customer_end (rows, start);
      /* Most customers have no warning: the rest only for those that do. */
      if (!measure_recent_delays (&first->paid, end - start, sizeof (Settled), rule,
                                  &baseline2, &recent_sum) ||
          !is_warning (rule, baseline2, recent_sum))
        continue;

      b = behaviour_new (first->customer_id, today, history_from_rows (first, end - start));
      compute_history_statistics (b, rule);
      g_ptr_array_add (warnings, b);
    }

  g_ptr_array_sort (warnings, compare_warning_increase);
  return g_steal_pointer (&warnings);
}

/* The expected payment model */

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
  return w * (twice_median (customer->late, customer->n) / 2.0) + (1 - w) * company_median;
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
    return (gint) ((twice_median (longer, n) + 1) / 2);

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
  date = expected->due_date + round_days (predict_days_late (customer, company->median));
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
 * id → CustomerDelays, owned) from the year's rows. */
static void
model_from_rows (GArray        *rows,
                 CompanyDelays *company,
                 GHashTable    *customers)
{
  for (guint start = 0, end; start < rows->len; start = end)
    {
      const Settled *first = &g_array_index (rows, Settled, start);
      CustomerDelays *delays = g_new0 (CustomerDelays, 1);

      end = customer_end (rows, start);
      for (guint i = start; i < end; i++)
        {
          gint late = g_array_index (rows, Settled, i).paid.days_late;

          company_delays_count (company, late, 1);
          if (i + MODEL_INVOICES >= end)
            delays->late[delays->n++] = late;
        }
      g_hash_table_insert (customers, g_memdup2 (&first->customer_id, sizeof (gint64)), delays);
    }

  company_delays_index (company);
}

static gboolean
load_model (KassaStore     *store,
            KassaDay        today,
            CompanyDelays  *company,
            GHashTable     *customers,
            GError        **error)
{
  g_autoptr(GArray) rows = load_histories (store, 0, today, error);

  if (rows == NULL)
    return FALSE;

  model_from_rows (rows, company, customers);
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
  g_autoptr(GHashTable) customers = customer_delays_table_new ();
  g_autofree CompanyDelays *company = g_new0 (CompanyDelays, 1);
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GArray) list = NULL;
  int rc;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_model (store, today, company, customers, error))
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
  if (!load_model (store, today, company, customers, error))
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
append_backtest_invoice (const Settled *settled,
                         gpointer       user_data)
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
         bt->invoices[bt->by_paid[bt->forgotten]].paid_date <= known - HISTORY_DAYS; bt->forgotten++)
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

      ring_delays (&bt->rings[x->customer], known - HISTORY_DAYS, &delays);
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
  SettledQuery query = { 0, G_MAXINT32, FALSE, append_backtest_invoice, &data };
  g_autofree guint *by_paid = NULL;
  g_autofree CustomerRing *rings = NULL;
  g_autofree CompanyDelays *company = NULL;
  Backtest bt;

  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *result = (KassaPaymentBacktest) { 0 };
  if (!read_settled_all (store, &query, error))
    return FALSE;

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
