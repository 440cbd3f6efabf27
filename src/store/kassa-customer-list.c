/* kassa-customer-list.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lazy customer list, paged by the engine of kassa-list-pager.c.
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include "kassa-customer-list.h"
#include "kassa-list-pager-private.h"
#include "kassa-store-private.h"

struct _KassaCustomerList
{
  GObject            parent_instance;

  KassaStore        *store;
  KassaListPager    *pager;

  KassaDay           today;
  char              *search;
  gboolean           show_archived;
  KassaCustomerSort  sort;
  gboolean           descending;
};

static void kassa_customer_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KassaCustomerList, kassa_customer_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kassa_customer_list_model_init))

#define CUSTOMER_COLUMNS \
  "c.id, c.number, c.name, c.kind, c.business_id, c.vat_id, c.contact_person," \
  " c.email, c.phone, c.address, c.country, c.document_language," \
  " c.payment_terms_days, c.credit_limit, c.delivery, c.einvoice_address, c.notes," \
  " c.archived, COALESCE (b.open, 0), COALESCE (b.overdue, 0)"

/* Open and overdue amounts per customer, aggregated once per query over the
 * open invoices only (the invoices_open partial index: a few percent of the
 * invoices) and the credited originals (invoices_credited), giving the same
 * figures as kassa_store_get_customer_balance: Σ (total − paid) over sent
 * and credited invoices, overdue over ordinary sent invoices. */
#define CUSTOMER_FROM \
  "customers c LEFT JOIN" \
  " (SELECT customer_id, SUM (open) AS open, SUM (overdue) AS overdue FROM" \
  "   (SELECT i.customer_id AS customer_id, i.total - i.paid AS open," \
  "           CASE WHEN i.credited_invoice_id IS NULL AND i.due_date < :today" \
  "                AND i.total - i.paid > 0 THEN i.total - i.paid ELSE 0 END AS overdue" \
  "    FROM invoices i WHERE i.state = 1 AND i.paid <> i.total" \
  "    UNION ALL" \
  "    SELECT o.customer_id, o.total - o.paid, 0" \
  "    FROM invoices i JOIN invoices o ON o.id = i.credited_invoice_id" \
  "    WHERE i.credited_invoice_id IS NOT NULL)" \
  "  GROUP BY customer_id) b ON b.customer_id = c.id"

enum {
  COL_ID,
  COL_NUMBER,
  COL_NAME,
  COL_KIND,
  COL_BUSINESS_ID,
  COL_VAT_ID,
  COL_CONTACT_PERSON,
  COL_EMAIL,
  COL_PHONE,
  COL_ADDRESS,
  COL_COUNTRY,
  COL_DOCUMENT_LANGUAGE,
  COL_PAYMENT_TERMS,
  COL_CREDIT_LIMIT,
  COL_DELIVERY,
  COL_EINVOICE_ADDRESS,
  COL_NOTES,
  COL_ARCHIVED,
  COL_OPEN,
  COL_OVERDUE,
};

static void
replace_string (char         **field,
                sqlite3_stmt  *stmt,
                int            column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  g_free (*field);
  *field = g_strdup (text ? text : "");
}

static gpointer
customer_from_row (sqlite3_stmt *stmt,
                   gpointer      user_data)
{
  KassaCustomerRecord *record = kassa_customer_record_new ();
  const char *country = (const char *) sqlite3_column_text (stmt, COL_COUNTRY);

  record->id = sqlite3_column_int64 (stmt, COL_ID);
  replace_string (&record->number, stmt, COL_NUMBER);
  replace_string (&record->name, stmt, COL_NAME);
  record->kind = sqlite3_column_int (stmt, COL_KIND);
  replace_string (&record->business_id, stmt, COL_BUSINESS_ID);
  replace_string (&record->vat_id, stmt, COL_VAT_ID);
  replace_string (&record->contact_person, stmt, COL_CONTACT_PERSON);
  replace_string (&record->email, stmt, COL_EMAIL);
  replace_string (&record->phone, stmt, COL_PHONE);
  replace_string (&record->address, stmt, COL_ADDRESS);
  g_strlcpy (record->country, country ? country : "", sizeof record->country);
  replace_string (&record->document_language, stmt, COL_DOCUMENT_LANGUAGE);
  record->payment_terms_days = sqlite3_column_int (stmt, COL_PAYMENT_TERMS);
  record->credit_limit = sqlite3_column_int64 (stmt, COL_CREDIT_LIMIT);
  record->delivery = sqlite3_column_int (stmt, COL_DELIVERY);
  replace_string (&record->einvoice_address, stmt, COL_EINVOICE_ADDRESS);
  replace_string (&record->notes, stmt, COL_NOTES);
  record->archived = sqlite3_column_int (stmt, COL_ARCHIVED) != 0;

  return kassa_customer_new (record,
                             sqlite3_column_int64 (stmt, COL_OPEN),
                             sqlite3_column_int64 (stmt, COL_OVERDUE));
}

static const char *
sort_key (KassaCustomerSort sort)
{
  switch (sort)
    {
    case KASSA_CUSTOMER_SORT_NUMBER:
      /* Right-aligned so that numeric customer numbers sort as numbers
       * ("999" before "1001"); 10,000 customers sort in milliseconds. */
      return "printf ('%20s', c.number)";
    case KASSA_CUSTOMER_SORT_BUSINESS_ID:
      return "c.business_id";
    case KASSA_CUSTOMER_SORT_OPEN:
      return "COALESCE (b.open, 0)";
    case KASSA_CUSTOMER_SORT_OVERDUE:
      return "COALESCE (b.overdue, 0)";
    case KASSA_CUSTOMER_SORT_NAME:
    default:
      return "c.name COLLATE NOCASE";
    }
}

static char *
build_where (KassaCustomerList *self,
             gboolean           searching)
{
  const char *archived = self->show_archived ? NULL : "c.archived = 0";
  const char *search = searching
    ? "c.id IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH :q)"
    : NULL;

  if (archived != NULL && search != NULL)
    return g_strconcat (archived, " AND ", search, NULL);

  return g_strdup (archived ? archived : search);
}

static void
customer_list_update_query (KassaCustomerList *self)
{
  g_autofree char *fts = kassa_list_fts_query (self->search);
  g_autofree char *where = build_where (self, fts != NULL);
  KassaListQuery query = {
    .columns = CUSTOMER_COLUMNS,
    .from = CUSTOMER_FROM,
    .count_from = "customers c",
    .id = "c.id",
    .where = where,
    .key_needs_join = self->sort == KASSA_CUSTOMER_SORT_OPEN
                      || self->sort == KASSA_CUSTOMER_SORT_OVERDUE,
    .descending = self->descending,
    .n_segments = 1,
    .segments = { { NULL, sort_key (self->sort) } },
  };

  kassa_list_pager_set_query (self->pager, &query);
  kassa_list_pager_set_int (self->pager, ":today", self->today);
  kassa_list_pager_set_text (self->pager, ":q", fts);
}

static void
customer_list_refresh (KassaCustomerList *self,
                       gboolean           query_changed)
{
  guint old_n, new_n;

  old_n = kassa_list_pager_get_n_items (self->pager);
  if (query_changed)
    customer_list_update_query (self);
  else
    kassa_list_pager_reset (self->pager);
  new_n = kassa_list_pager_get_n_items (self->pager);

  if (old_n != 0 || new_n != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
}

static void
on_store_changed (KassaCustomerList *self,
                  guint              what)
{
  const guint relevant = KASSA_STORE_CHANGE_CUSTOMERS | KASSA_STORE_CHANGE_INVOICES
                         | KASSA_STORE_CHANGE_PAYMENTS;

  if ((what & relevant) != 0)
    customer_list_refresh (self, FALSE);
}

static GType
kassa_customer_list_get_item_type (GListModel *model)
{
  return KASSA_TYPE_CUSTOMER;
}

static guint
kassa_customer_list_get_n_items (GListModel *model)
{
  return kassa_list_pager_get_n_items (KASSA_CUSTOMER_LIST (model)->pager);
}

static gpointer
kassa_customer_list_get_item (GListModel *model,
                              guint       position)
{
  return kassa_list_pager_get_item (KASSA_CUSTOMER_LIST (model)->pager, position);
}

static void
kassa_customer_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kassa_customer_list_get_item_type;
  iface->get_n_items = kassa_customer_list_get_n_items;
  iface->get_item = kassa_customer_list_get_item;
}

static void
kassa_customer_list_dispose (GObject *object)
{
  KassaCustomerList *self = KASSA_CUSTOMER_LIST (object);

  g_clear_pointer (&self->pager, kassa_list_pager_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_customer_list_parent_class)->dispose (object);
}

static void
kassa_customer_list_finalize (GObject *object)
{
  KassaCustomerList *self = KASSA_CUSTOMER_LIST (object);

  g_free (self->search);

  G_OBJECT_CLASS (kassa_customer_list_parent_class)->finalize (object);
}

static void
kassa_customer_list_class_init (KassaCustomerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kassa_customer_list_dispose;
  object_class->finalize = kassa_customer_list_finalize;
}

static void
kassa_customer_list_init (KassaCustomerList *self)
{
  self->sort = KASSA_CUSTOMER_SORT_NAME;
}

/**
 * kassa_customer_list_new:
 * @store: the company file
 *
 * The list starts sorted by name, without archived customers, and with
 * today = 0 (no overdue amounts) until kassa_customer_list_set_today().
 *
 * Returns: (transfer full): a lazy list of customers
 */
KassaCustomerList *
kassa_customer_list_new (KassaStore *store)
{
  KassaCustomerList *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_CUSTOMER_LIST, NULL);
  self->store = g_object_ref (store);
  self->pager = kassa_list_pager_new (store, customer_from_row, self);
  customer_list_update_query (self);

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);

  return self;
}

void
kassa_customer_list_set_search (KassaCustomerList *self,
                                const char        *search)
{
  g_return_if_fail (KASSA_IS_CUSTOMER_LIST (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  customer_list_refresh (self, TRUE);
}

void
kassa_customer_list_set_show_archived (KassaCustomerList *self,
                                       gboolean           show_archived)
{
  g_return_if_fail (KASSA_IS_CUSTOMER_LIST (self));

  show_archived = !!show_archived;
  if (self->show_archived == show_archived)
    return;

  self->show_archived = show_archived;
  customer_list_refresh (self, TRUE);
}

void
kassa_customer_list_set_sort (KassaCustomerList *self,
                              KassaCustomerSort  sort,
                              gboolean           descending)
{
  g_return_if_fail (KASSA_IS_CUSTOMER_LIST (self));

  descending = !!descending;
  if (self->sort == sort && self->descending == descending)
    return;

  self->sort = sort;
  self->descending = descending;
  customer_list_refresh (self, TRUE);
}

void
kassa_customer_list_set_today (KassaCustomerList *self,
                               KassaDay           today)
{
  g_return_if_fail (KASSA_IS_CUSTOMER_LIST (self));

  if (self->today == today)
    return;

  self->today = today;
  customer_list_refresh (self, TRUE);
}

gint
kassa_customer_list_find (KassaCustomerList *self,
                          gint64             customer_id)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMER_LIST (self), -1);

  return kassa_list_pager_find (self->pager, customer_id);
}
