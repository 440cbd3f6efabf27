/* kassa-receivables-kpis.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The receivables KPIs of ARCHITECTURE.md §4 (DSO, best possible DSO,
 * countback DSO, CEI, overdue share, days late, e-invoice share) at one
 * day or as a monthly trend.  The open-amount rule as of a day is the one
 * described at the top of kassa-receivables.c.
 */
#define G_LOG_DOMAIN "kassa-receivables"

#include "config.h"

#include <string.h>

#include "kassa-date.h"
#include "kassa-receivables.h"
#include "kassa-store-sql.h"

/* Countback never looks further back than this: older sales say nothing
 * about how quickly today's receivables are collected. */
#define COUNTBACK_MAX_MONTHS 24

/* KPIs
 *
 * Receivables at a past day a come from today's by the identity
 *   AR(a) = AR(now) − Σ (total − paid) of documents issued after a
 *                   + Σ payments dated after a on documents issued by a,
 * which follows from open at a = (total − paid) + payments after a summed
 * over the documents issued by a (the credit-note rule moves amounts
 * between the two documents of a pair, never changes their sum).  Both
 * sums are range scans on the indexed dates, so AR(a) costs what happened
 * since a, not a scan of every invoice issued before it.  (Subtracting the
 * totals and adding all later payments would be the same whenever no
 * payment is dated before its invoice; the form above is exact for
 * prepayments too.)
 *
 * Current receivables need the documents themselves: those open now whose
 * due date has not passed at the day, plus the payments after the day on
 * such documents.  "Current" means not past due, due_date ≥ day, exactly
 * the aging's "Not due" column by due date, so that overdue = AR − current
 * is the aging's past-due columns.
 *
 * Every figure is collected for all the points at once (the trend is the
 * same computation with more points), in four passes: the open set, the
 * documents issued since the earliest day needed (grouped by day), the
 * payments dated since then, and the monthly sales the countback needs. */

/* The credit note that carries a credited invoice from its day on. */
typedef struct
{
  KassaDay issue_date;
  KassaDay due_date;
} CreditNoteDays;

typedef struct
{
  KassaDay day;
  gint64   issued_after;      /* Σ total − paid of documents issued after day */
  gint64   paid_after;        /* Σ payments after day on documents issued by day */
} ArDay;

/* Documents issued on one day. */
typedef struct
{
  KassaDay day;
  gint64   open;              /* Σ total − paid of the documents that count */
  gint64   sales;             /* Σ total of invoices and credit notes */
  gint     invoices;          /* ordinary invoices */
  gint     einvoices;         /* of them delivered as e-invoices */
} IssuedDay;

typedef struct
{
  KassaReceivablesKpis *kpis;         /* the caller's result for this point */
  KassaDay              month_start;  /* of the CEI month */
  gint64                current_now;  /* Σ total − paid of documents current at the day */
  gint64                current_later;/* Σ payments after the day on them */
  gint64                late_weight;
  double                late_weighted_days;
} KpiPoint;

typedef struct
{
  KassaStore *store;
  gint        window;
  GArray     *points;     /* of KpiPoint, ascending days */
  GArray     *ar_days;    /* of ArDay, ascending, distinct */
  GHashTable *credited;   /* credited invoice id → CreditNoteDays* */
  GArray     *issued;     /* of IssuedDay, ascending, from issued_from on */
  KassaDay    issued_from;
  gint64      ar_now;
} KpiEngine;

static void
kpi_engine_clear (KpiEngine *engine)
{
  g_clear_pointer (&engine->points, g_array_unref);
  g_clear_pointer (&engine->ar_days, g_array_unref);
  g_clear_pointer (&engine->credited, g_hash_table_unref);
  g_clear_pointer (&engine->issued, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KpiEngine, kpi_engine_clear)

static void
add_ar_day (GArray   *ar_days,
            KassaDay  day)
{
  guint i = 0;

  while (i < ar_days->len && g_array_index (ar_days, ArDay, i).day < day)
    i++;

  if (i < ar_days->len && g_array_index (ar_days, ArDay, i).day == day)
    return;

  g_array_insert_val (ar_days, i, ((ArDay) { day, 0, 0 }));
}

static ArDay *
find_ar_day (KpiEngine *engine,
             KassaDay   day)
{
  for (guint i = 0; i < engine->ar_days->len; i++)
    {
      ArDay *ar_day = &g_array_index (engine->ar_days, ArDay, i);

      if (ar_day->day == day)
        return ar_day;
    }

  g_assert_not_reached ();
}

/* periods: (transfer none) the results, one per day, ascending days. */
static void
kpi_engine_init (KpiEngine            *engine,
                 KassaStore           *store,
                 KassaReceivablesKpis *periods,
                 guint                 n_periods,
                 gint                  window)
{
  memset (engine, 0, sizeof *engine);
  engine->store = store;
  engine->window = window;
  engine->points = g_array_sized_new (FALSE, TRUE, sizeof (KpiPoint), n_periods);
  engine->ar_days = g_array_new (FALSE, TRUE, sizeof (ArDay));
  engine->credited = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  engine->issued = g_array_new (FALSE, TRUE, sizeof (IssuedDay));
  engine->issued_from = G_MAXINT32;

  for (guint i = 0; i < n_periods; i++)
    {
      KpiPoint point = { 0 };
      KassaDay day = periods[i].period_end;

      point.kpis = &periods[i];
      point.month_start = kassa_day_start_of_month (day);
      g_array_append_val (engine->points, point);

      /* The CEI month starts from the receivables of the day before it. */
      add_ar_day (engine->ar_days, day);
      add_ar_day (engine->ar_days, point.month_start - 1);
      engine->issued_from = MIN (engine->issued_from, MIN (day - window + 1, point.month_start));
    }
}

/* Where a document stands at a day: a credited invoice moves, from its
 * credit note's day on, to the credit note's dates.  note: the credit note
 * of a credited invoice, NULL for any other document. */
static void
effective_dates (const CreditNoteDays *note,
                 KassaDay              day,
                 KassaDay             *issue_date,
                 KassaDay             *due_date)
{
  if (note != NULL && note->issue_date <= day)
    {
      *issue_date = note->issue_date;
      *due_date = note->due_date;
    }
}

/* Adds what a document has open now to the current receivables of the
 * points where it is current. */
static void
add_open_now (KpiEngine            *engine,
              const CreditNoteDays *note,
              KassaDay              issue_date,
              KassaDay              due_date,
              gint64                open)
{
  engine->ar_now += open;

  for (guint i = 0; i < engine->points->len; i++)
    {
      KpiPoint *point = &g_array_index (engine->points, KpiPoint, i);
      KassaDay day = point->kpis->period_end;
      KassaDay issue = issue_date, due = due_date;

      effective_dates (note, day, &issue, &due);
      if (issue <= day && day <= due)
        point->current_now += open;
    }
}

static gboolean
read_credit_notes (KpiEngine  *engine,
                   GError    **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (engine->store,
                              "SELECT o.id, o.issue_date, o.due_date, o.total - o.paid,"
                              " c.id, c.issue_date, c.due_date, c.total - c.paid"
                              " FROM invoices c INDEXED BY invoices_credited"
                              " JOIN invoices o ON o.id = c.credited_invoice_id"
                              " WHERE c.credited_invoice_id IS NOT NULL AND c.state = 1",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CreditNoteDays *note = g_new (CreditNoteDays, 1);
      gint64 *original_id = g_new (gint64, 1);

      *original_id = sqlite3_column_int64 (stmt, 0);
      note->issue_date = sqlite3_column_int (stmt, 5);
      note->due_date = sqlite3_column_int (stmt, 6);
      g_hash_table_insert (engine->credited, original_id, note);

      add_open_now (engine, note, sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2),
                    sqlite3_column_int64 (stmt, 3));
      add_open_now (engine, NULL, note->issue_date, note->due_date,
                    sqlite3_column_int64 (stmt, 7));
    }
  if (rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (engine->store, rc, error);

  return TRUE;
}

/* Pass 1: the open set, now. */
static gboolean
read_open_set (KpiEngine  *engine,
               GError    **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  if (!read_credit_notes (engine, error))
    return FALSE;

  stmt = kassa_store_prepare (engine->store,
                              "SELECT issue_date, due_date, total - paid"
                              " FROM invoices INDEXED BY invoices_open"
                              " WHERE state = 1 AND paid <> total AND credited_invoice_id IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_open_now (engine, NULL, sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                  sqlite3_column_int64 (stmt, 2));
  if (rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (engine->store, rc, error);

  return TRUE;
}

/* Documents issued in [from, to], one row per day.  "open" leaves out
 * credited invoices without a credit note, which the store counts as 0;
 * sales count every invoice and credit note sent, as the Overview does. */
static GArray *
read_issued_days (KpiEngine  *engine,
                  KassaDay    from,
                  KassaDay    to,
                  GError    **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (IssuedDay));
  int rc;

  stmt = kassa_store_prepare (engine->store,
                              "SELECT issue_date,"
                              " SUM (CASE WHEN state = 1 OR EXISTS (SELECT 1 FROM invoices c"
                              "      WHERE c.credited_invoice_id = i.id AND c.state = 1)"
                              "     THEN total - paid ELSE 0 END),"
                              " SUM (total),"
                              " COUNT (CASE WHEN credited_invoice_id IS NULL THEN 1 END),"
                              " COUNT (CASE WHEN credited_invoice_id IS NULL AND delivery = ?3"
                              "        THEN 1 END)"
                              " FROM invoices i INDEXED BY invoices_issue_date"
                              " WHERE issue_date BETWEEN ?1 AND ?2 AND state IN (1, 2)"
                              " GROUP BY issue_date ORDER BY issue_date",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, from);
  sqlite3_bind_int (stmt, 2, to);
  sqlite3_bind_int (stmt, 3, KASSA_DELIVERY_EINVOICE);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IssuedDay day = {
        .day = sqlite3_column_int (stmt, 0),
        .open = sqlite3_column_int64 (stmt, 1),
        .sales = sqlite3_column_int64 (stmt, 2),
        .invoices = sqlite3_column_int (stmt, 3),
        .einvoices = sqlite3_column_int (stmt, 4),
      };

      g_array_append_val (days, day);
    }
  if (rc != SQLITE_DONE)
    {
      kassa_store_set_error_from_sqlite (engine->store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&days);
}

/* Pass 2: every document issued from the earliest day needed on,
 * including any dated after today. */
static gboolean
read_issued (KpiEngine  *engine,
             GError    **error)
{
  g_autoptr(GArray) days = read_issued_days (engine, engine->issued_from, G_MAXINT32, error);

  if (days == NULL)
    return FALSE;

  for (guint i = 0; i < days->len; i++)
    {
      const IssuedDay *issued = &g_array_index (days, IssuedDay, i);

      for (guint j = 0; j < engine->ar_days->len; j++)
        {
          ArDay *ar_day = &g_array_index (engine->ar_days, ArDay, j);

          if (issued->day > ar_day->day)
            ar_day->issued_after += issued->open;
        }
    }

  g_array_append_vals (engine->issued, days->data, days->len);
  return TRUE;
}

/* Sales before the loaded range, for the countback. */
static gboolean
extend_issued (KpiEngine  *engine,
               KassaDay    from,
               GError    **error)
{
  g_autoptr(GArray) days = NULL;

  if (from >= engine->issued_from)
    return TRUE;

  days = read_issued_days (engine, from, engine->issued_from - 1, error);
  if (days == NULL)
    return FALSE;

  g_array_prepend_vals (engine->issued, days->data, days->len);
  engine->issued_from = from;
  return TRUE;
}

typedef struct
{
  KassaDay date;
  gint64   amount;
  KassaDay issue_date;
  KassaDay due_date;
  gboolean credit_note;
  const CreditNoteDays *note;   /* when paid on a credited invoice */
} PaymentRow;

static void
add_payment_to_point (KpiEngine        *engine,
                      KpiPoint         *point,
                      const PaymentRow *payment)
{
  KassaDay day = point->kpis->period_end;

  if (payment->date > day)
    {
      KassaDay issue = payment->issue_date, due = payment->due_date;

      effective_dates (payment->note, day, &issue, &due);
      if (issue <= day && day <= due)
        point->current_later += payment->amount;
    }
  else if (payment->date > day - engine->window && payment->amount > 0 && !payment->credit_note)
    {
      gint days_late = MAX (0, payment->date - payment->due_date);

      point->late_weight += payment->amount;
      point->late_weighted_days += (double) payment->amount * days_late;
    }
}

static void
add_payment (KpiEngine        *engine,
             const PaymentRow *payment)
{
  for (guint i = 0; i < engine->ar_days->len; i++)
    {
      ArDay *ar_day = &g_array_index (engine->ar_days, ArDay, i);

      if (payment->date > ar_day->day && payment->issue_date <= ar_day->day)
        ar_day->paid_after += payment->amount;
    }

  for (guint i = 0; i < engine->points->len; i++)
    add_payment_to_point (engine, &g_array_index (engine->points, KpiPoint, i), payment);
}

/* Pass 3: the payments dated after the earliest day needed.  Payments on
 * documents the store does not count (drafts, credited invoices without a
 * credit note) are left out like those documents. */
static gboolean
read_payments (KpiEngine  *engine,
               GError    **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  KassaDay from = g_array_index (engine->ar_days, ArDay, 0).day;
  int rc;

  for (guint i = 0; i < engine->points->len; i++)
    {
      const KpiPoint *point = &g_array_index (engine->points, KpiPoint, i);

      from = MIN (from, point->kpis->period_end - engine->window);
    }

  stmt = kassa_store_prepare (engine->store,
                              "SELECT p.date, p.amount, i.id, i.issue_date, i.due_date,"
                              " i.credited_invoice_id IS NOT NULL, i.state"
                              " FROM payments p INDEXED BY payments_date"
                              " JOIN invoices i ON i.id = p.invoice_id"
                              " WHERE p.date > ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, from);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 invoice_id = sqlite3_column_int64 (stmt, 2);
      int state = sqlite3_column_int (stmt, 6);
      PaymentRow payment = {
        .date = sqlite3_column_int (stmt, 0),
        .amount = sqlite3_column_int64 (stmt, 1),
        .issue_date = sqlite3_column_int (stmt, 3),
        .due_date = sqlite3_column_int (stmt, 4),
        .credit_note = sqlite3_column_int (stmt, 5) != 0,
      };

      if (state == KASSA_INVOICE_STATE_CREDITED)
        payment.note = g_hash_table_lookup (engine->credited, &invoice_id);
      if (state == KASSA_INVOICE_STATE_SENT || payment.note != NULL)
        add_payment (engine, &payment);
    }
  if (rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (engine->store, rc, error);

  return TRUE;
}

static gint64
ar_at (KpiEngine *engine,
       KassaDay   day)
{
  const ArDay *ar_day = find_ar_day (engine, day);

  return engine->ar_now - ar_day->issued_after + ar_day->paid_after;
}

/* Sales of the documents issued in [from, to]; the range is loaded. */
static gint64
sales_between (KpiEngine *engine,
               KassaDay   from,
               KassaDay   to)
{
  gint64 sales = 0;

  g_assert (from >= engine->issued_from);

  for (guint i = 0; i < engine->issued->len; i++)
    {
      const IssuedDay *issued = &g_array_index (engine->issued, IssuedDay, i);

      if (issued->day >= from && issued->day <= to)
        sales += issued->sales;
    }

  return sales;
}

static void
count_invoices_between (KpiEngine *engine,
                        KassaDay   from,
                        KassaDay   to,
                        gint      *invoices,
                        gint      *einvoices)
{
  *invoices = *einvoices = 0;

  for (guint i = 0; i < engine->issued->len; i++)
    {
      const IssuedDay *issued = &g_array_index (engine->issued, IssuedDay, i);

      if (issued->day >= from && issued->day <= to)
        {
          *invoices += issued->invoices;
          *einvoices += issued->einvoices;
        }
    }
}

/* Countback over calendar months back from the day: the month of the day
 * counts its days up to the day, earlier months their real length.  Walks
 * back only as far as the receivables need (loading older sales then). */
static gboolean
countback_at (KpiEngine  *engine,
              KassaDay    day,
              gint64      ar,
              double     *dso,
              GError    **error)
{
  gint64 sales[COUNTBACK_MAX_MONTHS];
  gint days[COUNTBACK_MAX_MONTHS];
  KassaDay month_end = day;
  gint64 covered = 0;
  guint n = 0;

  while (n < COUNTBACK_MAX_MONTHS && covered < ar)
    {
      KassaDay month_start = kassa_day_start_of_month (month_end);

      if (!extend_issued (engine, month_start, error))
        return FALSE;

      sales[n] = sales_between (engine, month_start, month_end);
      days[n] = month_end - month_start + 1;
      covered += sales[n];
      n++;
      month_end = month_start - 1;
    }

  *dso = kassa_kpi_countback_dso (ar, sales, days, n);
  return TRUE;
}

static gboolean
finish_point (KpiEngine  *engine,
              KpiPoint   *point,
              GError    **error)
{
  KassaReceivablesKpis *kpis = point->kpis;
  KassaDay day = kpis->period_end;
  gint invoices, einvoices;
  gint64 begin_ar, month_sales;

  kpis->days = engine->window;
  kpis->receivables = ar_at (engine, day);
  kpis->current_receivables = point->current_now + point->current_later;
  kpis->overdue_receivables = kpis->receivables - kpis->current_receivables;
  kpis->credit_sales = sales_between (engine, day - engine->window + 1, day);

  kpis->dso = kassa_kpi_dso (kpis->receivables, kpis->credit_sales, engine->window);
  kpis->best_possible_dso = kassa_kpi_dso (kpis->current_receivables, kpis->credit_sales,
                                           engine->window);
  kpis->average_days_delinquent = kpis->dso < 0 ? -1 : kpis->dso - kpis->best_possible_dso;

  begin_ar = ar_at (engine, point->month_start - 1);
  month_sales = sales_between (engine, point->month_start, day);
  kpis->cei_percent = kassa_kpi_cei (begin_ar, month_sales, kpis->receivables,
                                     kpis->current_receivables);

  kpis->overdue_share = kpis->receivables > 0
                        ? CLAMP ((double) kpis->overdue_receivables / kpis->receivables, 0.0, 1.0)
                        : 0;
  kpis->average_days_late = point->late_weight > 0
                            ? point->late_weighted_days / point->late_weight
                            : 0;

  count_invoices_between (engine, day - engine->window + 1, day, &invoices, &einvoices);
  kpis->einvoice_share = invoices > 0 ? (double) einvoices / invoices : 0;

  return countback_at (engine, day, kpis->receivables, &kpis->countback_dso, error);
}

/* Fills periods (period_end set by the caller, ascending). */
static gboolean
compute_kpis (KassaStore            *store,
              KassaReceivablesKpis  *periods,
              guint                  n_periods,
              gint                   window,
              GError               **error)
{
  g_auto(KpiEngine) engine = { 0 };

  kpi_engine_init (&engine, store, periods, n_periods, window);

  if (!read_open_set (&engine, error) ||
      !read_issued (&engine, error) ||
      !read_payments (&engine, error))
    return FALSE;

  for (guint i = 0; i < engine.points->len; i++)
    {
      if (!finish_point (&engine, &g_array_index (engine.points, KpiPoint, i), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
kassa_receivables_kpis (KassaStore            *store,
                        KassaDay               period_end,
                        gint                   days,
                        KassaReceivablesKpis  *kpis,
                        GError               **error)
{
  KassaReceivablesKpis result = { 0 };

  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (kassa_day_is_valid (period_end), FALSE);
  g_return_val_if_fail (days > 0, FALSE);
  g_return_val_if_fail (kpis != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result.period_end = period_end;
  if (!compute_kpis (store, &result, 1, days, error))
    return FALSE;

  *kpis = result;
  return TRUE;
}

/**
 * kassa_receivables_kpi_trend:
 *
 * Returns: (transfer full) (nullable): n_months points, the oldest first
 */
GArray *
kassa_receivables_kpi_trend (KassaStore  *store,
                             KassaDay     today,
                             guint        n_months,
                             gint         days,
                             GError     **error)
{
  g_autoptr(GArray) trend = NULL;
  KassaDay day = today;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (kassa_day_is_valid (today), NULL);
  g_return_val_if_fail (n_months > 0 && n_months <= 1200, NULL);
  g_return_val_if_fail (days > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trend = g_array_sized_new (FALSE, TRUE, sizeof (KassaReceivablesKpis), n_months);
  g_array_set_size (trend, n_months);

  /* Today last, then each month end before it. */
  for (guint i = n_months; i > 0; i--)
    {
      g_return_val_if_fail (kassa_day_is_valid (day), NULL);

      g_array_index (trend, KassaReceivablesKpis, i - 1).period_end = day;
      day = kassa_day_start_of_month (day) - 1;
    }

  if (!compute_kpis (store, (KassaReceivablesKpis *) (gpointer) trend->data, n_months, days, error))
    return NULL;

  return g_steal_pointer (&trend);
}
