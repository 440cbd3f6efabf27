/* kassa-invoice-list.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lazy invoice list, paged by the engine of kassa-list-pager.c.
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include "kassa-invoice-list.h"
#include "kassa-list-pager-private.h"
#include "kassa-store-private.h"

struct _KassaInvoiceList
{
  GObject             parent_instance;

  KassaStore         *store;
  KassaListPager     *pager;

  KassaDay            today;
  char               *search;
  KassaInvoiceFilter  filter;
  gint64              customer_id;
  KassaDay            date_from;
  KassaDay            date_to;
  KassaInvoiceSort    sort;
  gboolean            descending;

  guint               freeze_count;
  gboolean            dirty;
};

static void kassa_invoice_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KassaInvoiceList, kassa_invoice_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kassa_invoice_list_model_init))

/* The item columns, in the order invoice_from_row reads them. */
#define INVOICE_COLUMNS \
  "i.id, i.number, i.customer_id, c.name, i.issue_date, i.due_date, i.currency," \
  " i.state, i.reference, i.disputed, i.credited_invoice_id, i.total, i.paid, " \
  KASSA_STORE_OPEN_AMOUNT_SQL

enum {
  COL_ID,
  COL_NUMBER,
  COL_CUSTOMER_ID,
  COL_CUSTOMER_NAME,
  COL_ISSUE_DATE,
  COL_DUE_DATE,
  COL_CURRENCY,
  COL_STATE,
  COL_REFERENCE,
  COL_DISPUTED,
  COL_CREDITED_INVOICE_ID,
  COL_TOTAL,
  COL_PAID,
  COL_OPEN,
};

static char *
column_strdup (sqlite3_stmt *stmt,
               int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? g_strdup (text) : NULL;
}

static gpointer
invoice_from_row (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  KassaInvoiceList *self = user_data;
  KassaInvoiceSummary summary = { 0 };
  const char *currency = (const char *) sqlite3_column_text (stmt, COL_CURRENCY);

  summary.id = sqlite3_column_int64 (stmt, COL_ID);
  summary.number = sqlite3_column_int64 (stmt, COL_NUMBER);
  summary.customer_id = sqlite3_column_int64 (stmt, COL_CUSTOMER_ID);
  summary.customer_name = column_strdup (stmt, COL_CUSTOMER_NAME);
  summary.issue_date = sqlite3_column_int (stmt, COL_ISSUE_DATE);
  summary.due_date = sqlite3_column_int (stmt, COL_DUE_DATE);
  g_strlcpy (summary.currency, currency ? currency : "", sizeof summary.currency);
  summary.state = sqlite3_column_int (stmt, COL_STATE);
  summary.reference = column_strdup (stmt, COL_REFERENCE);
  summary.disputed = sqlite3_column_int (stmt, COL_DISPUTED) != 0;
  summary.credited_invoice_id = sqlite3_column_int64 (stmt, COL_CREDITED_INVOICE_ID);
  summary.total = sqlite3_column_int64 (stmt, COL_TOTAL);
  summary.paid = sqlite3_column_int64 (stmt, COL_PAID);
  summary.open_amount = sqlite3_column_int64 (stmt, COL_OPEN);
  summary.status = kassa_invoice_status_derive (summary.state,
                                                summary.credited_invoice_id != 0,
                                                summary.total, summary.paid,
                                                summary.due_date, self->today);
  if (summary.status == KASSA_INVOICE_STATUS_OVERDUE)
    summary.days_overdue = self->today - summary.due_date;

  return kassa_invoice_new (&summary);
}

/* The conditions mirror the partial indexes of the schema word for word
 * ("state = 1 AND paid <> total" for invoices_open, "state = 0" for
 * invoices_draft): SQLite only uses a partial index when the query implies
 * its WHERE clause. */
static const char *
filter_condition (KassaInvoiceFilter filter)
{
  switch (filter)
    {
    case KASSA_INVOICE_FILTER_DRAFT:
      return "i.state = 0";
    case KASSA_INVOICE_FILTER_OPEN:
      return "i.state = 1 AND i.paid <> i.total AND i.total - i.paid > 0";
    case KASSA_INVOICE_FILTER_OVERDUE:
      /* Credit notes are never overdue (as in the Overview figures), even
       * one refunded past its total. */
      return "i.state = 1 AND i.paid <> i.total AND i.total - i.paid > 0"
             " AND i.due_date < :today AND i.credited_invoice_id IS NULL";
    case KASSA_INVOICE_FILTER_PAID:
      /* Settled sent invoices, as kassa_invoice_status_derive calls them
       * PAID: overpaid ones, zero totals and refunded negative invoices
       * included; credited pairs are CREDITED. */
      return "i.state = 1 AND i.credited_invoice_id IS NULL"
             " AND CASE WHEN i.total > 0 THEN i.paid >= i.total ELSE i.paid <= i.total END";
    case KASSA_INVOICE_FILTER_CREDITED:
      return "(i.state = 2 OR i.credited_invoice_id IS NOT NULL)";
    case KASSA_INVOICE_FILTER_ALL:
    default:
      return NULL;
    }
}

/* Search: the invoice's own text, or its customer's.  SQLite reads the
 * matches through the FTS tables and indexes (the OR of two IN lists),
 * then sorts them: right for a few thousand matches.  When a word matches
 * a large share of the invoices (a common name), walking the sort order and
 * testing each row finds a page sooner; the unary + keeps SQLite from using
 * an index for the IN terms, so it does that. */
#define SEARCH_BY_INDEX \
  "(i.id IN (SELECT rowid FROM invoices_fts WHERE invoices_fts MATCH :q)" \
  " OR i.customer_id IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH :q))"
#define SEARCH_IN_ORDER \
  "(+i.id IN (SELECT rowid FROM invoices_fts WHERE invoices_fts MATCH :q)" \
  " OR +i.customer_id IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH :q))"
#define SEARCH_IN_ORDER_MIN_MATCHES 10000

static char *
build_where (KassaInvoiceList *self,
             gboolean          searching,
             gboolean          scan_order)
{
  g_autoptr(GPtrArray) conditions = g_ptr_array_new ();
  const char *filter = filter_condition (self->filter);

  if (filter != NULL)
    g_ptr_array_add (conditions, (gpointer) filter);
  if (self->customer_id != 0)
    g_ptr_array_add (conditions, (gpointer) "i.customer_id = :customer");
  if (self->date_from != 0)
    g_ptr_array_add (conditions, (gpointer) "i.issue_date >= :from");
  if (self->date_to != 0)
    g_ptr_array_add (conditions, (gpointer) "i.issue_date <= :to");
  if (searching)
    g_ptr_array_add (conditions, (gpointer) (scan_order ? SEARCH_IN_ORDER : SEARCH_BY_INDEX));

  if (conditions->len == 0)
    return NULL;

  g_ptr_array_add (conditions, NULL);
  return g_strjoinv (" AND ", (char **) conditions->pdata);
}

static const char *
sort_key (KassaInvoiceSort sort)
{
  switch (sort)
    {
    case KASSA_INVOICE_SORT_ISSUE_DATE:
      return "i.issue_date";
    case KASSA_INVOICE_SORT_DUE_DATE:
      return "i.due_date";
    case KASSA_INVOICE_SORT_CUSTOMER:
      return "c.name COLLATE NOCASE";
    case KASSA_INVOICE_SORT_TOTAL:
      return "i.total";
    case KASSA_INVOICE_SORT_OPEN:
      return KASSA_STORE_OPEN_AMOUNT_SQL;
    case KASSA_INVOICE_SORT_NUMBER:
    default:
      return "i.number";
    }
}

static void
invoice_list_update_query (KassaInvoiceList *self)
{
  g_autofree char *fts = kassa_list_fts_query (self->search);
  g_autofree char *where = build_where (self, fts != NULL, FALSE);
  gboolean open_set = self->filter == KASSA_INVOICE_FILTER_OPEN ||
                      self->filter == KASSA_INVOICE_FILTER_OVERDUE;
  KassaListQuery query = {
    .columns = INVOICE_COLUMNS,
    /* The open set is small next to the paid history: read it through its
     * partial index whatever the sort.  Left to itself (and especially
     * with ANALYZE statistics) SQLite may walk the full due-date or number
     * index instead, which costs a scan of the whole history. */
    .from = open_set ? "invoices i INDEXED BY invoices_open JOIN customers c ON c.id = i.customer_id"
                     : "invoices i JOIN customers c ON c.id = i.customer_id",
    .count_from = open_set ? "invoices i INDEXED BY invoices_open" : "invoices i",
    .id = "i.id",
    .where = where,
    .key_needs_join = self->sort == KASSA_INVOICE_SORT_CUSTOMER,
    .descending = self->descending,
    .n_segments = 1,
    .segments = { { NULL, sort_key (self->sort) } },
  };

  if (self->sort == KASSA_INVOICE_SORT_NUMBER)
    {
      /* Drafts have no number: they come first in the default descending
       * order (newest work on top) and last in ascending order, ordered by
       * id, while the numbered rows keep using the number index. */
      const KassaListSegment drafts = { "i.number IS NULL", "i.id", FALSE };
      const KassaListSegment numbered = { "i.number IS NOT NULL", "i.number", TRUE };

      query.n_segments = 2;
      query.segments[0] = self->descending ? drafts : numbered;
      query.segments[1] = self->descending ? numbered : drafts;
    }

  kassa_list_pager_set_query (self->pager, &query);
  kassa_list_pager_set_int (self->pager, ":today", self->today);
  kassa_list_pager_set_int (self->pager, ":customer", self->customer_id);
  kassa_list_pager_set_int (self->pager, ":from", self->date_from);
  kassa_list_pager_set_int (self->pager, ":to", self->date_to);
  kassa_list_pager_set_text (self->pager, ":q", fts);

  /* Only sorts with an index to walk gain from the in-order plan. */
  if (fts != NULL && self->sort != KASSA_INVOICE_SORT_TOTAL && self->sort != KASSA_INVOICE_SORT_OPEN
      && kassa_list_pager_get_n_items (self->pager) >= SEARCH_IN_ORDER_MIN_MATCHES)
    {
      g_autofree char *scan_where = build_where (self, TRUE, TRUE);

      kassa_list_pager_set_page_where (self->pager, scan_where);
    }
}

/* Rebuilds the query and announces the new contents in one items-changed
 * (0, old, new): a lazy model cannot tell which rows moved. */
static void
invoice_list_refresh (KassaInvoiceList *self,
                      gboolean          query_changed)
{
  guint old_n, new_n;

  if (self->freeze_count > 0)
    {
      self->dirty = TRUE;
      return;
    }

  old_n = kassa_list_pager_get_n_items (self->pager);
  if (query_changed)
    invoice_list_update_query (self);
  else
    kassa_list_pager_reset (self->pager);
  new_n = kassa_list_pager_get_n_items (self->pager);

  if (old_n != 0 || new_n != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
}

static void
on_store_changed (KassaInvoiceList *self,
                  guint             what)
{
  const guint relevant = KASSA_STORE_CHANGE_CUSTOMERS | KASSA_STORE_CHANGE_INVOICES
                         | KASSA_STORE_CHANGE_PAYMENTS;

  if ((what & relevant) != 0)
    invoice_list_refresh (self, FALSE);
}

static GType
kassa_invoice_list_get_item_type (GListModel *model)
{
  return KASSA_TYPE_INVOICE;
}

static guint
kassa_invoice_list_get_n_items (GListModel *model)
{
  return kassa_list_pager_get_n_items (KASSA_INVOICE_LIST (model)->pager);
}

static gpointer
kassa_invoice_list_get_item (GListModel *model,
                             guint       position)
{
  return kassa_list_pager_get_item (KASSA_INVOICE_LIST (model)->pager, position);
}

static void
kassa_invoice_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kassa_invoice_list_get_item_type;
  iface->get_n_items = kassa_invoice_list_get_n_items;
  iface->get_item = kassa_invoice_list_get_item;
}

static void
kassa_invoice_list_dispose (GObject *object)
{
  KassaInvoiceList *self = KASSA_INVOICE_LIST (object);

  g_clear_pointer (&self->pager, kassa_list_pager_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_invoice_list_parent_class)->dispose (object);
}

static void
kassa_invoice_list_finalize (GObject *object)
{
  KassaInvoiceList *self = KASSA_INVOICE_LIST (object);

  g_free (self->search);

  G_OBJECT_CLASS (kassa_invoice_list_parent_class)->finalize (object);
}

static void
kassa_invoice_list_class_init (KassaInvoiceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kassa_invoice_list_dispose;
  object_class->finalize = kassa_invoice_list_finalize;
}

static void
kassa_invoice_list_init (KassaInvoiceList *self)
{
  self->sort = KASSA_INVOICE_SORT_NUMBER;
  self->descending = TRUE;
}

/**
 * kassa_invoice_list_new:
 * @store: the company file
 * @today: the day statuses and the overdue filter are computed for
 *
 * Returns: (transfer full): a lazy list of every invoice, newest first
 */
KassaInvoiceList *
kassa_invoice_list_new (KassaStore *store,
                        KassaDay    today)
{
  KassaInvoiceList *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_INVOICE_LIST, NULL);
  self->store = g_object_ref (store);
  self->today = today;
  self->pager = kassa_list_pager_new (store, invoice_from_row, self);
  invoice_list_update_query (self);

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);

  return self;
}

void
kassa_invoice_list_set_today (KassaInvoiceList *self,
                              KassaDay          today)
{
  g_return_if_fail (KASSA_IS_INVOICE_LIST (self));

  if (self->today == today)
    return;

  self->today = today;
  invoice_list_refresh (self, TRUE);
}

void
kassa_invoice_list_set_search (KassaInvoiceList *self,
                               const char       *search)
{
  g_return_if_fail (KASSA_IS_INVOICE_LIST (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  invoice_list_refresh (self, TRUE);
}

void
kassa_invoice_list_set_filter (KassaInvoiceList   *self,
                               KassaInvoiceFilter  filter)
{
  g_return_if_fail (KASSA_IS_INVOICE_LIST (self));

  if (self->filter == filter)
    return;

  self->filter = filter;
  invoice_list_refresh (self, TRUE);
}

void
kassa_invoice_list_set_customer (KassaInvoiceList *self,
                                 gint64            customer_id)
{
  g_return_if_fail (KASSA_IS_INVOICE_LIST (self));

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  invoice_list_refresh (self, TRUE);
}

void
kassa_invoice_list_set_date_range (KassaInvoiceList *self,
                                   KassaDay          from,
                                   KassaDay          to)
{
  g_return_if_fail (KASSA_IS_INVOICE_LIST (self));

  if (self->date_from == from && self->date_to == to)
    return;

  self->date_from = from;
  self->date_to = to;
  invoice_list_refresh (self, TRUE);
}

void
kassa_invoice_list_set_sort (KassaInvoiceList *self,
                             KassaInvoiceSort  sort,
                             gboolean          descending)
{
  g_return_if_fail (KASSA_IS_INVOICE_LIST (self));

  descending = !!descending;
  if (self->sort == sort && self->descending == descending)
    return;

  self->sort = sort;
  self->descending = descending;
  invoice_list_refresh (self, TRUE);
}

void
kassa_invoice_list_freeze (KassaInvoiceList *self)
{
  g_return_if_fail (KASSA_IS_INVOICE_LIST (self));

  self->freeze_count++;
}

void
kassa_invoice_list_thaw (KassaInvoiceList *self)
{
  g_return_if_fail (KASSA_IS_INVOICE_LIST (self));
  g_return_if_fail (self->freeze_count > 0);

  if (--self->freeze_count > 0 || !self->dirty)
    return;

  self->dirty = FALSE;
  invoice_list_refresh (self, TRUE);
}
