/* kassa-list-pager.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQL paging engine shared by the lazy invoice and customer lists (see
 * kassa-list-pager-private.h for how paging works).
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include "kassa-list-pager-private.h"
#include "kassa-store-private.h"

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
