/* kassa-receivables.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Aging and the receivables KPIs of ARCHITECTURE.md §4.
 *
 * Open amounts as of a day d: the store's credit-note rule (kassa-store.c)
 * moved back in time.
 * - An ordinary invoice that was sent (state 1, or 2 when credited since)
 *   and issued on or before d has open its total − the payments dated on
 *   or before d.  An invoice issued after d is not there yet.
 * - A credit note issued on or before d carries its own total − payments
 *   up to d plus what its original had open at d; the original then counts
 *   0.  Before the credit note's day the original is an ordinary sent
 *   invoice and the note does not exist yet.
 * - A credited invoice without a credit note (imported so) counts 0, as in
 *   the store.
 * Each document with something open is one line of the aging, in the
 * bucket of its own due (or issue) date, even when the amount is negative
 * (a refund owed on a credit note): the aging total is then exactly the
 * receivables.
 *
 * Why this is cheap: the stored paid column holds every payment, so the
 * open amount at d is (total − paid) + the payments dated after d.  The
 * documents with something open at d are therefore those open now (the
 * invoices_open partial index and the few credit notes) plus those with a
 * payment after d.  As of today nothing is dated later, so only the small
 * open set is read; an earlier day adds the payments made since.
 */
#define G_LOG_DOMAIN "kassa-receivables"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-date.h"
#include "kassa-receivables.h"
#include "kassa-store-sql.h"

/* Countback never looks further back than this: older sales say nothing
 * about how quickly today's receivables are collected. */
#define COUNTBACK_MAX_MONTHS 24

/* Pure formulas */

KassaAgingBucket
kassa_aging_bucket_for_days (gint days)
{
  if (days <= 0)
    return KASSA_AGING_NOT_DUE;
  if (days <= 30)
    return KASSA_AGING_1_30;
  if (days <= 60)
    return KASSA_AGING_31_60;
  if (days <= 90)
    return KASSA_AGING_61_90;

  return KASSA_AGING_OVER_90;
}

const char *
kassa_aging_bucket_to_string (KassaAgingBucket bucket)
{
  static const char *const titles[KASSA_AGING_N_BUCKETS] = {
    /* Translators: aging column of invoices not yet past their due date */
    N_("Not due"),
    /* Translators: aging column, days past the due date (or since the invoice date) */
    N_("1–30 days"),
    /* Translators: aging column, days past the due date (or since the invoice date) */
    N_("31–60 days"),
    /* Translators: aging column, days past the due date (or since the invoice date) */
    N_("61–90 days"),
    /* Translators: aging column, days past the due date (or since the invoice date) */
    N_("Over 90 days"),
  };

  g_return_val_if_fail ((guint) bucket < KASSA_AGING_N_BUCKETS, "");

  return _(titles[bucket]);
}

double
kassa_kpi_dso (gint64 ar,
               gint64 sales,
               gint   days)
{
  if (sales <= 0)
    return -1;

  return (double) ar / (double) sales * days;
}

/* Countback: the latest month's sales are taken off the receivables
 * first; each month used up whole adds its days, the month where the
 * receivables run out adds the fraction still needed. */
double
kassa_kpi_countback_dso (gint64        ar,
                         const gint64 *monthly_sales,
                         const gint   *month_days,
                         guint         n_months)
{
  gint64 remaining = ar;
  double days = 0;

  g_return_val_if_fail (n_months == 0 || (monthly_sales != NULL && month_days != NULL), -1);

  if (ar <= 0)
    return 0;

  for (guint i = 0; i < n_months; i++)
    {
      if (monthly_sales[i] > 0 && remaining <= monthly_sales[i])
        return days + (double) remaining / (double) monthly_sales[i] * month_days[i];

      /* A month with net credits (negative sales) leaves more to cover. */
      remaining -= monthly_sales[i];
      days += month_days[i];
    }

  return -1;
}

/* Collection effectiveness: what was collected of what could have been
 * collected in the period.  Collectible = receivables at the start + the
 * period's credit sales − what is still current at the end (it could not
 * have been collected yet); collected = start + sales − end receivables.
 * Undefined (-1) when nothing was collectible. */
double
kassa_kpi_cei (gint64 begin_ar,
               gint64 sales,
               gint64 end_ar,
               gint64 end_current_ar)
{
  gint64 collectible = begin_ar + sales - end_current_ar;

  if (collectible <= 0)
    return -1;

  return (double) (begin_ar + sales - end_ar) / (double) collectible * 100.0;
}

/* Documents open as of a day */

/* One line of the aging; the strings live until the next row is read. */
typedef struct
{
  gint64      invoice_id;
  gint64      number;
  gint64      customer_id;
  const char *customer_number;
  const char *customer_name;
  KassaDay    issue_date;
  KassaDay    due_date;
  gboolean    disputed;
  gint64      open;
} OpenDocument;

typedef void (*OpenDocumentFunc) (const OpenDocument *document,
                                  gpointer            user_data);

#define DOCUMENT_COLUMNS(t) \
  t ".id, " t ".number, " t ".customer_id, " t ".issue_date, " t ".due_date, " t ".disputed"

/* ?1 = the day.  "later" holds the payments dated after it, per invoice;
 * the four parts are the ordinary invoices open now, the ordinary
 * invoices settled since by those payments, the credit notes issued by
 * the day (carrying their originals) and the originals whose credit note
 * came after the day. */
static const char open_documents_sql[] =
  "WITH later (invoice_id, amount) AS MATERIALIZED"
  " (SELECT invoice_id, SUM (amount) FROM payments INDEXED BY payments_date"
  "  WHERE date > ?1 GROUP BY invoice_id),"
  " documents (id, number, customer_id, issue_date, due_date, disputed, open) AS ("
  "  SELECT " DOCUMENT_COLUMNS ("i") ", i.total - i.paid + COALESCE (l.amount, 0)"
  "  FROM invoices i INDEXED BY invoices_open LEFT JOIN later l ON l.invoice_id = i.id"
  "  WHERE i.state = 1 AND i.paid <> i.total AND i.credited_invoice_id IS NULL"
  "   AND i.issue_date <= ?1"
  "  UNION ALL"
  "  SELECT " DOCUMENT_COLUMNS ("i") ", l.amount"
  "  FROM later l JOIN invoices i ON i.id = l.invoice_id"
  "  WHERE i.state = 1 AND i.paid = i.total AND i.credited_invoice_id IS NULL"
  "   AND i.issue_date <= ?1"
  "  UNION ALL"
  "  SELECT " DOCUMENT_COLUMNS ("c") ","
  "   c.total - c.paid + COALESCE (lc.amount, 0) + o.total - o.paid + COALESCE (lo.amount, 0)"
  "  FROM invoices c INDEXED BY invoices_credited JOIN invoices o ON o.id = c.credited_invoice_id"
  "   LEFT JOIN later lc ON lc.invoice_id = c.id LEFT JOIN later lo ON lo.invoice_id = o.id"
  "  WHERE c.credited_invoice_id IS NOT NULL AND c.state = 1 AND c.issue_date <= ?1"
  "  UNION ALL"
  "  SELECT " DOCUMENT_COLUMNS ("o") ", o.total - o.paid + COALESCE (lo.amount, 0)"
  "  FROM invoices c INDEXED BY invoices_credited JOIN invoices o ON o.id = c.credited_invoice_id"
  "   LEFT JOIN later lo ON lo.invoice_id = o.id"
  "  WHERE c.credited_invoice_id IS NOT NULL AND c.state = 1 AND c.issue_date > ?1"
  "   AND o.state = 2 AND o.issue_date <= ?1)"
  " SELECT d.id, d.number, d.customer_id, cu.number, cu.name, d.issue_date, d.due_date,"
  "  d.disputed, d.open"
  " FROM documents d JOIN customers cu ON cu.id = d.customer_id"
  " WHERE d.open <> 0";

static gboolean
foreach_open_document (KassaStore        *store,
                       KassaDay           as_of,
                       OpenDocumentFunc   func,
                       gpointer           user_data,
                       GError           **error)
{
  g_autoptr(KassaStoreStatement) stmt = kassa_store_prepare (store, open_documents_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, as_of);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OpenDocument document = {
        .invoice_id = sqlite3_column_int64 (stmt, 0),
        .number = sqlite3_column_int64 (stmt, 1),
        .customer_id = sqlite3_column_int64 (stmt, 2),
        .customer_number = (const char *) sqlite3_column_text (stmt, 3),
        .customer_name = (const char *) sqlite3_column_text (stmt, 4),
        .issue_date = sqlite3_column_int (stmt, 5),
        .due_date = sqlite3_column_int (stmt, 6),
        .disputed = sqlite3_column_int (stmt, 7) != 0,
        .open = sqlite3_column_int64 (stmt, 8),
      };

      func (&document, user_data);
    }

  if (rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  return TRUE;
}

static gint
document_days (const OpenDocument *document,
               KassaDay            as_of,
               KassaAgingBasis     basis)
{
  if (basis == KASSA_AGING_BY_ISSUE_DATE)
    return as_of - document->issue_date;

  return as_of - document->due_date;
}

/* Aging */

static void
aging_row_free (KassaAgingRow *row)
{
  g_free (row->customer_number);
  g_free (row->customer_name);
  g_free (row);
}

typedef struct
{
  KassaAging *aging;
  GHashTable *rows;     /* customer id → KassaAgingRow*, owned by aging->customers */
} AgingBuilder;

static KassaAgingRow *
aging_builder_get_row (AgingBuilder       *builder,
                       const OpenDocument *document)
{
  KassaAgingRow *row = g_hash_table_lookup (builder->rows, &document->customer_id);

  if (row == NULL)
    {
      row = g_new0 (KassaAgingRow, 1);
      row->customer_id = document->customer_id;
      row->customer_number = g_strdup (document->customer_number);
      row->customer_name = g_strdup (document->customer_name);
      g_ptr_array_add (builder->aging->customers, row);
      g_hash_table_insert (builder->rows, &row->customer_id, row);
    }

  return row;
}

static void
aging_builder_add (const OpenDocument *document,
                   gpointer            user_data)
{
  AgingBuilder *builder = user_data;
  KassaAging *aging = builder->aging;
  KassaAgingBucket bucket;
  KassaAgingRow *row;

  bucket = kassa_aging_bucket_for_days (document_days (document, aging->as_of, aging->basis));
  aging->buckets[bucket] += document->open;
  aging->counts[bucket]++;
  aging->total += document->open;

  row = aging_builder_get_row (builder, document);
  row->buckets[bucket] += document->open;
  row->total += document->open;
  row->invoice_count++;
}

static int
compare_rows_by_total (gconstpointer a,
                       gconstpointer b)
{
  const KassaAgingRow *row_a = *(const KassaAgingRow * const *) a;
  const KassaAgingRow *row_b = *(const KassaAgingRow * const *) b;

  if (row_a->total != row_b->total)
    return row_a->total > row_b->total ? -1 : 1;

  return g_strcmp0 (row_a->customer_number, row_b->customer_number);
}

/**
 * kassa_aging_compute:
 *
 * Returns: (transfer full) (nullable): the aging, NULL with error set
 */
KassaAging *
kassa_aging_compute (KassaStore       *store,
                     KassaDay          as_of,
                     KassaAgingBasis   basis,
                     GError          **error)
{
  g_autoptr(KassaAging) aging = NULL;
  g_autoptr(GHashTable) rows = NULL;
  AgingBuilder builder;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (kassa_day_is_valid (as_of), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  aging = g_new0 (KassaAging, 1);
  aging->as_of = as_of;
  aging->basis = basis;
  aging->customers = g_ptr_array_new_with_free_func ((GDestroyNotify) aging_row_free);

  rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  builder = (AgingBuilder) { aging, rows };
  if (!foreach_open_document (store, as_of, aging_builder_add, &builder, error))
    return NULL;

  g_ptr_array_sort (aging->customers, compare_rows_by_total);
  return g_steal_pointer (&aging);
}

void
kassa_aging_free (KassaAging *aging)
{
  if (aging == NULL)
    return;

  g_clear_pointer (&aging->customers, g_ptr_array_unref);
  g_free (aging);
}

/* Drill-down */

typedef struct
{
  KassaDay         as_of;
  KassaAgingBasis  basis;
  gint64           customer_id;  /* 0 = all */
  int              bucket;       /* -1 = all */
  GPtrArray       *invoices;
} InvoiceFilter;

static void
invoice_filter_add (const OpenDocument *document,
                    gpointer            user_data)
{
  InvoiceFilter *filter = user_data;
  KassaAgingInvoice *invoice;
  gint days = document_days (document, filter->as_of, filter->basis);
  KassaAgingBucket bucket = kassa_aging_bucket_for_days (days);

  if (filter->customer_id != 0 && document->customer_id != filter->customer_id)
    return;
  if (filter->bucket >= 0 && (int) bucket != filter->bucket)
    return;

  invoice = g_new0 (KassaAgingInvoice, 1);
  invoice->invoice_id = document->invoice_id;
  invoice->number = document->number;
  invoice->customer_id = document->customer_id;
  invoice->customer_name = g_strdup (document->customer_name);
  invoice->issue_date = document->issue_date;
  invoice->due_date = document->due_date;
  invoice->open = document->open;
  invoice->days = days;
  invoice->bucket = bucket;
  invoice->disputed = document->disputed;
  g_ptr_array_add (filter->invoices, invoice);
}

/* Oldest first: most days (past due, or since issue) first. */
static int
compare_invoices_by_age (gconstpointer a,
                         gconstpointer b)
{
  const KassaAgingInvoice *invoice_a = *(const KassaAgingInvoice * const *) a;
  const KassaAgingInvoice *invoice_b = *(const KassaAgingInvoice * const *) b;

  if (invoice_a->days != invoice_b->days)
    return invoice_a->days > invoice_b->days ? -1 : 1;
  if (invoice_a->number != invoice_b->number)
    return invoice_a->number < invoice_b->number ? -1 : 1;

  return 0;
}

GPtrArray *
kassa_aging_list_invoices (KassaStore       *store,
                           KassaDay          as_of,
                           KassaAgingBasis   basis,
                           gint64            customer_id,
                           int               bucket,
                           GError          **error)
{
  g_autoptr(GPtrArray) invoices = NULL;
  InvoiceFilter filter;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (kassa_day_is_valid (as_of), NULL);
  g_return_val_if_fail (bucket >= -1 && bucket < KASSA_AGING_N_BUCKETS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  invoices = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_aging_invoice_free);
  filter = (InvoiceFilter) { as_of, basis, customer_id, bucket, invoices };
  if (!foreach_open_document (store, as_of, invoice_filter_add, &filter, error))
    return NULL;

  g_ptr_array_sort (invoices, compare_invoices_by_age);
  return g_steal_pointer (&invoices);
}

void
kassa_aging_invoice_free (KassaAgingInvoice *invoice)
{
  if (invoice == NULL)
    return;

  g_free (invoice->customer_name);
  g_free (invoice);
}

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

/* Credit limits */

typedef struct
{
  gint64 customer_id;
  gint64 open;
} CustomerOpen;

/* user_data: customer id → CustomerOpen* */
static void
customer_open_add (const OpenDocument *document,
                   gpointer            user_data)
{
  GHashTable *customers = user_data;
  CustomerOpen *customer = g_hash_table_lookup (customers, &document->customer_id);

  if (customer == NULL)
    {
      customer = g_new0 (CustomerOpen, 1);
      customer->customer_id = document->customer_id;
      g_hash_table_insert (customers, &customer->customer_id, customer);
    }

  customer->open += document->open;
}

static int
compare_by_excess (gconstpointer a,
                   gconstpointer b)
{
  const KassaCreditUse *use_a = *(const KassaCreditUse * const *) a;
  const KassaCreditUse *use_b = *(const KassaCreditUse * const *) b;
  gint64 excess_a = use_a->open - use_a->credit_limit;
  gint64 excess_b = use_b->open - use_b->credit_limit;

  if (excess_a != excess_b)
    return excess_a > excess_b ? -1 : 1;

  return g_strcmp0 (use_a->customer_number, use_b->customer_number);
}

static gboolean
collect_over_limit (KassaStore  *store,
                    GHashTable  *customers,
                    GPtrArray   *uses,
                    GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (store,
                              "SELECT id, number, name, credit_limit FROM customers"
                              " WHERE credit_limit > 0",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 limit = sqlite3_column_int64 (stmt, 3);
      const CustomerOpen *customer = g_hash_table_lookup (customers, &id);
      KassaCreditUse *use;

      if (customer == NULL || customer->open <= limit)
        continue;

      use = g_new0 (KassaCreditUse, 1);
      use->customer_id = id;
      use->customer_number = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      use->customer_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      use->open = customer->open;
      use->credit_limit = limit;
      g_ptr_array_add (uses, use);
    }
  if (rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  return TRUE;
}

/**
 * kassa_credit_limit_exceeded_list:
 *
 * The open amount of each customer is what the aging as of today shows
 * (the store's rule, with documents dated after today not yet counted).
 *
 * Returns: (transfer full) (nullable): customers over their limit
 */
GPtrArray *
kassa_credit_limit_exceeded_list (KassaStore  *store,
                                  KassaDay     today,
                                  GError     **error)
{
  g_autoptr(GPtrArray) uses = NULL;
  g_autoptr(GHashTable) customers = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (kassa_day_is_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  customers = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  if (!foreach_open_document (store, today, customer_open_add, customers, error))
    return NULL;

  uses = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_credit_use_free);
  if (!collect_over_limit (store, customers, uses, error))
    return NULL;

  g_ptr_array_sort (uses, compare_by_excess);
  return g_steal_pointer (&uses);
}

void
kassa_credit_use_free (KassaCreditUse *use)
{
  if (use == NULL)
    return;

  g_free (use->customer_number);
  g_free (use->customer_name);
  g_free (use);
}
