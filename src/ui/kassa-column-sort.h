/* kassa-column-sort.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Column-header sorting for GtkColumnViews over SQL-sorted lazy models.
 * GTK 4.8 cannot tell which column a GtkColumnViewSorter sorts by
 * (gtk_column_view_sorter_get_primary_sort_column is 4.10), and a
 * GtkSortListModel would load every row; instead each column gets a marker
 * sorter and the primary column and direction are read back by probing.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives column the sort key `key` (any value >= 0 the page maps to SQL). */
void     kassa_column_sort_attach      (GtkColumnViewColumn *column,
                                        int                  key);
/* The key of the primary sort column of view, or -1 when unsorted. */
int      kassa_column_sort_get_primary (GtkColumnView       *view,
                                        gboolean            *descending);

G_END_DECLS
