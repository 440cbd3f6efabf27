/* kassa-list-pager-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the list models of src/store (not for other layers): the
 * SQL paging engine shared by KassaInvoiceList and KassaCustomerList.
 */
#pragma once

#include <gio/gio.h>

struct sqlite3_stmt;

#include "kassa-store.h"

G_BEGIN_DECLS

/* Rows are read in pages of KASSA_LIST_PAGE_SIZE ordered by a sort key and a
 * unique id as tiebreaker.  A page following a fetched page is read with
 * keyset pagination (WHERE (key, id) after the previous page's last row),
 * which costs the same anywhere in a million rows; only a jump to a page
 * with no known predecessor uses OFFSET, and then only over the covering
 * index of the key (no joins, no row data).  At most KASSA_LIST_MAX_PAGES
 * pages of built objects are kept (least recently used are dropped).
 *
 * A query may have two segments, shown one after the other, each with its
 * own condition and key: the invoice number order puts drafts (NULL number)
 * before the numbered invoices while both halves keep using an index. */
#define KASSA_LIST_PAGE_SIZE 100
#define KASSA_LIST_MAX_PAGES 20

typedef struct _KassaListPager KassaListPager;

/* Builds the item from the current row; the item columns come first, in the
 * order of KassaListQuery.columns.  Returns (transfer full) a GObject. */
typedef gpointer (*KassaListPagerBuildFunc) (struct sqlite3_stmt *stmt,
                                            gpointer             user_data);

/* The conditions of two segments must partition the rows (e.g. IS NULL /
 * IS NOT NULL): the second segment is counted as all rows minus the first,
 * which SQLite can do from covering indexes. */
typedef struct
{
  const char *condition;      /* extra WHERE condition, or NULL */
  const char *key;            /* sort key expression, never NULL-valued */
  gboolean    dense_key;      /* key is a unique integer column: when the
                                 unfiltered keys are contiguous (gapless
                                 invoice numbers), a jump deep into the
                                 list computes its key instead of reading
                                 past every earlier row with OFFSET */
} KassaListSegment;

typedef struct
{
  const char      *columns;   /* item columns of the select list */
  const char      *from;      /* FROM clause of pages (with joins) */
  const char      *count_from;/* FROM clause enough for where and counts */
  const char      *id;        /* unique tiebreaker, e.g. "i.id" */
  const char      *where;     /* condition, or NULL */
  gboolean         key_needs_join; /* the keys use tables of from only */
  gboolean         descending;
  guint            n_segments;/* 1 or 2 */
  KassaListSegment segments[2];
} KassaListQuery;

KassaListPager *kassa_list_pager_new        (KassaStore              *store,
                                             KassaListPagerBuildFunc  build,
                                             gpointer                 user_data);
void            kassa_list_pager_free       (KassaListPager          *self);
/* Copies the query and drops every cache. */
void            kassa_list_pager_set_query  (KassaListPager          *self,
                                             const KassaListQuery    *query);
/* Named parameters (":today") bound to every statement that uses them. */
void            kassa_list_pager_set_int    (KassaListPager          *self,
                                             const char              *name,
                                             gint64                   value);
void            kassa_list_pager_set_text   (KassaListPager          *self,
                                             const char              *name,
                                             const char              *value);
/* Reads pages (not counts) with another condition selecting the same rows,
 * written so that SQLite picks another plan; NULL: the query's where. */
void            kassa_list_pager_set_page_where (KassaListPager      *self,
                                             const char              *where);
/* Drops cached counts, pages and keys (the data changed). */
void            kassa_list_pager_reset      (KassaListPager          *self);
guint           kassa_list_pager_get_n_items (KassaListPager         *self);
gpointer        kassa_list_pager_get_item   (KassaListPager          *self,
                                             guint                    position);
/* Position of the row with this id in the current order, or -1. */
gint            kassa_list_pager_find       (KassaListPager          *self,
                                             gint64                   id);
/* Builds an FTS5 query matching every word of text by prefix, with each
 * word quoted so that FTS5 syntax typed by the user is taken literally.
 * Returns NULL when text has no word to search for. */
char           *kassa_list_fts_query        (const char              *text);

G_END_DECLS
