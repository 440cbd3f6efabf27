/* kassa-invoice-list.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lazy invoice list and the SQL paging engine it shares with the
 * customer list (see kassa-invoice-list.h for how paging works).
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include "kassa-invoice-list.h"
#include "kassa-store-private.h"

/* ------------------------------------------------------------------ */
/* KassaListPager                                                      */
/* ------------------------------------------------------------------ */

typedef struct
{
  sqlite3_value *key;           /* NULL: the key is int_key */
  gint64         int_key;
  gint64         id;
} Anchor;

typedef struct
{
  guint64    slot;              /* segment << 32 | page */
  GPtrArray *items;
  GList      lru_link;
} Page;

typedef struct
{
  char       *condition;
  char       *key;
  gboolean    dense_key;
  gint        dense;            /* -1 unknown, else whether min…max has no gap */
  gint64      min_key;
  gint64      max_key;
  gint64      count;            /* -1 until counted */
  GHashTable *anchors;          /* page → Anchor of its last row */
} Segment;

typedef struct
{
  char     *name;
  gboolean  is_text;
  gint64    number;
  char     *text;
} Param;

typedef enum
{
  SQL_PAGE_FIRST,
  SQL_PAGE_AFTER,
  SQL_ANCHOR_OFFSET,
  SQL_ANCHOR_AFTER_OFFSET,
  SQL_COUNT,
  SQL_COUNT_ALL,
  SQL_KEY_RANGE,
  SQL_FIND_KEY,
  SQL_FIND_COUNT,
} SqlKind;

struct _KassaListPager
{
  KassaStore              *store;
  KassaListPagerBuildFunc  build;
  gpointer                 user_data;

  char                    *columns;
  char                    *from;
  char                    *count_from;
  char                    *id;
  char                    *where;
  char                    *page_where;
  gboolean                 key_needs_join;
  gboolean                 descending;
  guint                    n_segments;
  Segment                  segments[2];

  GPtrArray               *params;
  GHashTable              *pages;  /* slot → Page */
  GQueue                   lru;    /* most recent first */
};

static void
anchor_free (gpointer data)
{
  Anchor *anchor = data;

  sqlite3_value_free (anchor->key);
  g_free (anchor);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Anchor, anchor_free)

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
param_free (gpointer data)
{
  Param *param = data;

  g_free (param->name);
  g_free (param->text);
  g_free (param);
}

static void
segment_clear (Segment *segment)
{
  g_clear_pointer (&segment->condition, g_free);
  g_clear_pointer (&segment->key, g_free);
  g_clear_pointer (&segment->anchors, g_hash_table_unref);
}

KassaListPager *
kassa_list_pager_new (KassaStore              *store,
                      KassaListPagerBuildFunc  build,
                      gpointer                 user_data)
{
  KassaListPager *self = g_new0 (KassaListPager, 1);

  self->store = store;
  self->build = build;
  self->user_data = user_data;
  self->params = g_ptr_array_new_with_free_func (param_free);
  self->pages = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, page_free);
  g_queue_init (&self->lru);

  return self;
}

static void
pager_clear_query (KassaListPager *self)
{
  g_clear_pointer (&self->columns, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->count_from, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->where, g_free);
  g_clear_pointer (&self->page_where, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->segments); i++)
    segment_clear (&self->segments[i]);
}

void
kassa_list_pager_free (KassaListPager *self)
{
  if (self == NULL)
    return;

  kassa_list_pager_reset (self);
  pager_clear_query (self);
  g_ptr_array_unref (self->params);
  g_hash_table_unref (self->pages);
  g_free (self);
}

static void
pager_drop_pages (KassaListPager *self)
{
  /* The LRU links live inside the pages: forget them, don't free them. */
  g_hash_table_remove_all (self->pages);
  g_queue_init (&self->lru);
  for (guint i = 0; i < self->n_segments; i++)
    g_hash_table_remove_all (self->segments[i].anchors);
}

void
kassa_list_pager_set_page_where (KassaListPager *self,
                                 const char     *where)
{
  pager_drop_pages (self);
  g_free (self->page_where);
  self->page_where = g_strdup (where);
}

void
kassa_list_pager_reset (KassaListPager *self)
{
  /* The LRU links live inside the pages: forget them, don't free them. */
  g_hash_table_remove_all (self->pages);
  g_queue_init (&self->lru);
  for (guint i = 0; i < self->n_segments; i++)
    {
      self->segments[i].count = -1;
      self->segments[i].dense = -1;
      g_hash_table_remove_all (self->segments[i].anchors);
    }
}

void
kassa_list_pager_set_query (KassaListPager       *self,
                            const KassaListQuery *query)
{
  g_return_if_fail (query->n_segments >= 1 && query->n_segments <= 2);

  kassa_list_pager_reset (self);
  pager_clear_query (self);

  self->columns = g_strdup (query->columns);
  self->from = g_strdup (query->from);
  self->count_from = g_strdup (query->count_from ? query->count_from : query->from);
  self->id = g_strdup (query->id);
  self->where = g_strdup (query->where);
  self->key_needs_join = query->key_needs_join;
  self->descending = query->descending;
  self->n_segments = query->n_segments;

  for (guint i = 0; i < query->n_segments; i++)
    {
      Segment *segment = &self->segments[i];

      segment->condition = g_strdup (query->segments[i].condition);
      segment->key = g_strdup (query->segments[i].key);
      segment->dense_key = query->segments[i].dense_key;
      segment->dense = -1;
      segment->count = -1;
      segment->anchors = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                                NULL, anchor_free);
    }
}

static Param *
pager_lookup_param (KassaListPager *self,
                    const char     *name)
{
  for (guint i = 0; i < self->params->len; i++)
    {
      Param *param = g_ptr_array_index (self->params, i);

      if (g_str_equal (param->name, name))
        return param;
    }

  {
    Param *param = g_new0 (Param, 1);

    param->name = g_strdup (name);
    g_ptr_array_add (self->params, param);
    return param;
  }
}

void
kassa_list_pager_set_int (KassaListPager *self,
                          const char     *name,
                          gint64          value)
{
  Param *param = pager_lookup_param (self, name);

  param->is_text = FALSE;
  param->number = value;
  g_clear_pointer (&param->text, g_free);
}

void
kassa_list_pager_set_text (KassaListPager *self,
                           const char     *name,
                           const char     *value)
{
  Param *param = pager_lookup_param (self, name);

  param->is_text = TRUE;
  g_free (param->text);
  param->text = g_strdup (value ? value : "");
}

static void
append_where_clause (GString       *sql,
                     const char    *where,
                     const Segment *segment)
{
  g_string_append_printf (sql, " WHERE (%s) AND (%s)", where ? where : "1",
                          segment->condition ? segment->condition : "1");
}

static void
append_where (KassaListPager *self,
              GString        *sql,
              const Segment  *segment)
{
  append_where_clause (sql, self->where, segment);
}

static void
append_page_where (KassaListPager *self,
                   GString        *sql,
                   const Segment  *segment)
{
  append_where_clause (sql, self->page_where ? self->page_where : self->where, segment);
}

/* Condition for rows after (:k, :kid) in the current order.  The first
 * half is a plain range on the key so that SQLite starts the index scan at
 * the anchor; the second skips rows of an equal key already seen. */
static void
append_after_anchor (KassaListPager *self,
                     GString        *sql,
                     const Segment  *segment)
{
  const char *op = self->descending ? "<" : ">";

  g_string_append_printf (sql, " AND %s %s= :k AND (%s %s :k OR %s %s :kid)",
                          segment->key, op, segment->key, op, self->id, op);
}

static void
append_order (KassaListPager *self,
              GString        *sql,
              const Segment  *segment)
{
  const char *dir = self->descending ? "DESC" : "ASC";

  g_string_append_printf (sql, " ORDER BY %s %s, %s %s", segment->key, dir, self->id, dir);
}

static char *
build_sql (KassaListPager *self,
           const Segment  *segment,
           SqlKind         kind)
{
  GString *sql = g_string_new ("SELECT ");
  const char *key_from = self->key_needs_join ? self->from : self->count_from;

  switch (kind)
    {
    case SQL_PAGE_FIRST:
    case SQL_PAGE_AFTER:
      g_string_append_printf (sql, "%s, %s, %s FROM %s", self->columns, segment->key,
                              self->id, self->from);
      append_page_where (self, sql, segment);
      if (kind == SQL_PAGE_AFTER)
        append_after_anchor (self, sql, segment);
      append_order (self, sql, segment);
      g_string_append_printf (sql, " LIMIT %d", KASSA_LIST_PAGE_SIZE);
      break;

    case SQL_ANCHOR_OFFSET:
    case SQL_ANCHOR_AFTER_OFFSET:
      g_string_append_printf (sql, "%s, %s FROM %s", segment->key, self->id, key_from);
      append_page_where (self, sql, segment);
      if (kind == SQL_ANCHOR_AFTER_OFFSET)
        append_after_anchor (self, sql, segment);
      append_order (self, sql, segment);
      g_string_append (sql, " LIMIT 1 OFFSET :off");
      break;

    case SQL_COUNT:
      g_string_append_printf (sql, "COUNT(*) FROM %s", self->count_from);
      append_where (self, sql, segment);
      break;

    case SQL_COUNT_ALL:
      g_string_append_printf (sql, "COUNT(*) FROM %s WHERE %s", self->count_from,
                              self->where ? self->where : "1");
      break;

    case SQL_KEY_RANGE:
      /* Two subqueries: SQLite answers a lone MIN or MAX from the index
       * in O(log n) but scans for both at once. */
      g_string_append_printf (sql, "(SELECT MIN(%s) FROM %s", segment->key, self->count_from);
      append_where (self, sql, segment);
      g_string_append_printf (sql, "), (SELECT MAX(%s) FROM %s", segment->key, self->count_from);
      append_where (self, sql, segment);
      g_string_append (sql, ")");
      break;

    case SQL_FIND_KEY:
      g_string_append_printf (sql, "%s, %s FROM %s", segment->key, self->id, key_from);
      append_where (self, sql, segment);
      g_string_append_printf (sql, " AND %s = :find", self->id);
      break;

    case SQL_FIND_COUNT:
      {
        const char *op = self->descending ? ">" : "<";

        g_string_append_printf (sql, "COUNT(*) FROM %s", key_from);
        append_where (self, sql, segment);
        g_string_append_printf (sql, " AND (%s %s :k OR (%s = :k AND %s %s :kid))",
                                segment->key, op, segment->key, self->id, op);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return g_string_free (sql, FALSE);
}

static void
bind_params (KassaListPager *self,
             sqlite3_stmt   *stmt)
{
  for (guint i = 0; i < self->params->len; i++)
    {
      Param *param = g_ptr_array_index (self->params, i);
      int index = sqlite3_bind_parameter_index (stmt, param->name);

      if (index == 0)
        continue;
      if (param->is_text)
        sqlite3_bind_text (stmt, index, param->text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, index, param->number);
    }
}

static void
bind_anchor (sqlite3_stmt *stmt,
             const Anchor *anchor)
{
  int index = sqlite3_bind_parameter_index (stmt, ":k");

  if (anchor->key != NULL)
    sqlite3_bind_value (stmt, index, anchor->key);
  else
    sqlite3_bind_int64 (stmt, index, anchor->int_key);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":kid"), anchor->id);
}

static void
bind_named_int (sqlite3_stmt *stmt,
                const char   *name,
                gint64        value)
{
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, name), value);
}

/* A cached statement of the store with the model's parameters bound.  SQL
 * errors here are programming errors (the SQL is ours), so they are logged
 * rather than returned; the model then shows an empty list. */
static sqlite3_stmt *
pager_prepare (KassaListPager *self,
               const Segment  *segment,
               SqlKind         kind)
{
  g_autofree char *sql = build_sql (self, segment, kind);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  stmt = kassa_store_prepare (self->store, sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot prepare list query %s: %s", sql, error->message);
      return NULL;
    }

  bind_params (self, stmt);
  return stmt;
}

static gboolean
step_row (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    g_warning ("List query failed: %s", sqlite3_errmsg (sqlite3_db_handle (stmt)));
  return FALSE;
}

static Anchor *
anchor_from_row (sqlite3_stmt *stmt,
                 int           key_column)
{
  Anchor *anchor = g_new0 (Anchor, 1);

  anchor->key = sqlite3_value_dup (sqlite3_column_value (stmt, key_column));
  anchor->id = sqlite3_column_int64 (stmt, key_column + 1);
  return anchor;
}

static gint64
run_count (KassaListPager *self,
           Segment        *segment,
           SqlKind         kind)
{
  g_autoptr(KassaStoreStatement) stmt = pager_prepare (self, segment, kind);

  return (stmt != NULL && step_row (stmt)) ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gint64
segment_count (KassaListPager *self,
               Segment        *segment)
{
  if (segment->count >= 0)
    return segment->count;

  /* The second of two segments: all rows minus the first (see
   * KassaListSegment), which needs no table rows for the segment
   * condition. */
  if (self->n_segments == 2 && segment == &self->segments[1])
    segment->count = MAX (0, run_count (self, segment, SQL_COUNT_ALL)
                             - segment_count (self, &self->segments[0]));
  else
    segment->count = run_count (self, segment, SQL_COUNT);

  return segment->count;
}

guint
kassa_list_pager_get_n_items (KassaListPager *self)
{
  gint64 n = 0;

  for (guint i = 0; i < self->n_segments; i++)
    n += segment_count (self, &self->segments[i]);

  return (guint) MIN (n, G_MAXUINT);
}

/* Whether the segment's unfiltered keys are min…max without a gap, so
 * that the key at a position is min + position (or max − position). */
static gboolean
segment_is_dense (KassaListPager *self,
                  Segment        *segment)
{
  if (!segment->dense_key || self->where != NULL)
    return FALSE;

  if (segment->dense < 0)
    {
      g_autoptr(KassaStoreStatement) stmt = pager_prepare (self, segment, SQL_KEY_RANGE);

      segment->dense = FALSE;
      if (stmt != NULL && step_row (stmt) && sqlite3_column_type (stmt, 0) == SQLITE_INTEGER)
        {
          segment->min_key = sqlite3_column_int64 (stmt, 0);
          segment->max_key = sqlite3_column_int64 (stmt, 1);
          segment->dense = segment->max_key - segment->min_key + 1 == segment_count (self, segment);
        }
    }

  return segment->dense;
}

/* The anchor of a dense segment: the key of the page's last row; the id
 * excludes that row itself (keys are unique). */
static const Anchor *
segment_compute_anchor (KassaListPager *self,
                        Segment        *segment,
                        guint           page)
{
  gint64 row = (gint64) page * KASSA_LIST_PAGE_SIZE + KASSA_LIST_PAGE_SIZE - 1;
  Anchor *anchor = g_new0 (Anchor, 1);

  anchor->int_key = self->descending ? segment->max_key - row : segment->min_key + row;
  anchor->id = self->descending ? G_MININT64 : G_MAXINT64;
  g_hash_table_insert (segment->anchors, GUINT_TO_POINTER (page), anchor);
  return anchor;
}

/* The anchor (last row) of page `page`, read with OFFSET from the nearest
 * earlier page whose anchor is known, or from the start. */
static const Anchor *
segment_find_anchor (KassaListPager *self,
                     Segment        *segment,
                     guint           page)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  const Anchor *known = NULL;
  gint64 offset = (gint64) page * KASSA_LIST_PAGE_SIZE + KASSA_LIST_PAGE_SIZE - 1;
  Anchor *anchor;

  if (segment_is_dense (self, segment))
    return segment_compute_anchor (self, segment, page);

  for (guint q = page; q-- > 0 && known == NULL;)
    {
      known = g_hash_table_lookup (segment->anchors, GUINT_TO_POINTER (q));
      if (known != NULL)
        offset = (gint64) (page - q) * KASSA_LIST_PAGE_SIZE - 1;
    }

  stmt = pager_prepare (self, segment, known ? SQL_ANCHOR_AFTER_OFFSET : SQL_ANCHOR_OFFSET);
  if (stmt == NULL)
    return NULL;
  if (known != NULL)
    bind_anchor (stmt, known);
  bind_named_int (stmt, ":off", offset);

  if (!step_row (stmt))
    return NULL;

  anchor = anchor_from_row (stmt, 0);
  g_hash_table_insert (segment->anchors, GUINT_TO_POINTER (page), anchor);
  return anchor;
}

static Page *
segment_fetch_page (KassaListPager *self,
                    guint           segment_index,
                    guint           page_index)
{
  Segment *segment = &self->segments[segment_index];
  g_autoptr(KassaStoreStatement) stmt = NULL;
  const Anchor *previous = NULL;
  Page *page;
  int key_column;

  if (page_index > 0)
    {
      previous = g_hash_table_lookup (segment->anchors, GUINT_TO_POINTER (page_index - 1));
      if (previous == NULL)
        previous = segment_find_anchor (self, segment, page_index - 1);
      if (previous == NULL)
        return NULL;
    }

  stmt = pager_prepare (self, segment, previous ? SQL_PAGE_AFTER : SQL_PAGE_FIRST);
  if (stmt == NULL)
    return NULL;
  if (previous != NULL)
    bind_anchor (stmt, previous);

  page = g_new0 (Page, 1);
  page->slot = ((guint64) segment_index << 32) | page_index;
  page->items = g_ptr_array_new_full (KASSA_LIST_PAGE_SIZE, g_object_unref);
  page->lru_link.data = page;
  key_column = sqlite3_column_count (stmt) - 2;

  while (step_row (stmt))
    {
      g_ptr_array_add (page->items, self->build (stmt, self->user_data));
      if (page->items->len == KASSA_LIST_PAGE_SIZE)
        g_hash_table_replace (segment->anchors, GUINT_TO_POINTER (page_index),
                              anchor_from_row (stmt, key_column));
    }

  return page;
}

static Page *
pager_get_page (KassaListPager *self,
                guint           segment_index,
                guint           page_index)
{
  guint64 slot = ((guint64) segment_index << 32) | page_index;
  Page *page = g_hash_table_lookup (self->pages, &slot);

  if (page != NULL)
    {
      g_queue_unlink (&self->lru, &page->lru_link);
      g_queue_push_head_link (&self->lru, &page->lru_link);
      return page;
    }

  page = segment_fetch_page (self, segment_index, page_index);
  if (page == NULL)
    return NULL;

  while (self->lru.length >= KASSA_LIST_MAX_PAGES)
    {
      Page *oldest = g_queue_peek_tail (&self->lru);

      g_queue_unlink (&self->lru, &oldest->lru_link);
      g_hash_table_remove (self->pages, &oldest->slot);
    }

  g_hash_table_insert (self->pages, &page->slot, page);
  g_queue_push_head_link (&self->lru, &page->lru_link);
  return page;
}

gpointer
kassa_list_pager_get_item (KassaListPager *self,
                           guint           position)
{
  gint64 local = position;

  for (guint i = 0; i < self->n_segments; i++)
    {
      gint64 count = segment_count (self, &self->segments[i]);
      Page *page;
      guint index;

      if (local >= count)
        {
          local -= count;
          continue;
        }

      page = pager_get_page (self, i, (guint) (local / KASSA_LIST_PAGE_SIZE));
      index = (guint) (local % KASSA_LIST_PAGE_SIZE);
      if (page == NULL || index >= page->items->len)
        return NULL;
      return g_object_ref (g_ptr_array_index (page->items, index));
    }

  return NULL;
}

gint
kassa_list_pager_find (KassaListPager *self,
                       gint64          id)
{
  gint64 before = 0;

  for (guint i = 0; i < self->n_segments; i++)
    {
      Segment *segment = &self->segments[i];
      g_autoptr(KassaStoreStatement) key_stmt = pager_prepare (self, segment, SQL_FIND_KEY);
      g_autoptr(KassaStoreStatement) count_stmt = NULL;
      g_autoptr(Anchor) anchor = NULL;

      if (key_stmt == NULL)
        return -1;
      bind_named_int (key_stmt, ":find", id);
      if (!step_row (key_stmt))
        {
          before += segment_count (self, segment);
          continue;
        }

      anchor = anchor_from_row (key_stmt, 0);
      count_stmt = pager_prepare (self, segment, SQL_FIND_COUNT);
      if (count_stmt == NULL)
        return -1;
      bind_anchor (count_stmt, anchor);
      if (!step_row (count_stmt))
        return -1;
      return (gint) (before + sqlite3_column_int64 (count_stmt, 0));
    }

  return -1;
}

static gboolean
word_is_searchable (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

char *
kassa_list_fts_query (const char *text)
{
  g_auto(GStrv) words = NULL;
  GString *query;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  words = g_strsplit_set (text, " \t\r\n", -1);
  query = g_string_new (NULL);

  /* Each word becomes a quoted string with a prefix star: "word"*.  Inside
   * quotes FTS5 syntax (AND, OR, NEAR, parentheses, -, *, ^, :) has no
   * meaning, and a quote is escaped by doubling it.  Words without letters
   * or digits give no tokens and are dropped. */
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto(GStrv) quote_parts = NULL;
      g_autofree char *escaped = NULL;

      if (!word_is_searchable (words[i]))
        continue;

      quote_parts = g_strsplit (words[i], "\"", -1);
      escaped = g_strjoinv ("\"\"", quote_parts);
      g_string_append_printf (query, "%s\"%s\"*", query->len > 0 ? " " : "", escaped);
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

/* ------------------------------------------------------------------ */
/* KassaInvoiceList                                                    */
/* ------------------------------------------------------------------ */

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
      return "i.state = 1 AND i.paid <> i.total AND i.total - i.paid > 0"
             " AND i.due_date < :today";
    case KASSA_INVOICE_FILTER_PAID:
      /* Settled sent invoices, as kassa_invoice_status_derive calls them
       * PAID (overpaid ones included); credited pairs are CREDITED. */
      return "i.state = 1 AND i.total - i.paid <= 0 AND i.total > 0"
             " AND i.credited_invoice_id IS NULL";
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
  KassaListQuery query = {
    .columns = INVOICE_COLUMNS,
    .from = "invoices i JOIN customers c ON c.id = i.customer_id",
    .count_from = "invoices i",
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
