/* kassa-receivables.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Aging, the pure KPI formulas and the credit-limit list; the KPIs over
 * the store are in kassa-receivables-kpis.c.
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
