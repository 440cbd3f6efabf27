/* kassa-column-sort.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each column gets a GtkCustomSorter that never really sorts anything: the
 * column view's sorter only serves as a record of what the user clicked.
 * To read it back, the view sorter compares two dummy objects.  A
 * GtkColumnViewSorter asks its primary column first and stops at the first
 * non-equal answer, so the first marker called names the primary column;
 * markers answer "smaller", so a "larger" result means the order is
 * inverted (descending).
 */
#define G_LOG_DOMAIN "kassa-column-sort"

#include "config.h"

#include "kassa-column-sort.h"

#define NO_KEY (-1)

/* Only touched on the main thread, during one probe at a time. */
static int probed_key = NO_KEY;

static int
compare_marker (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  if (probed_key == NO_KEY)
    probed_key = GPOINTER_TO_INT (user_data);

  return GTK_ORDERING_SMALLER;
}

void
kassa_column_sort_attach (GtkColumnViewColumn *column,
                          int                  key)
{
  g_autoptr(GtkSorter) sorter = NULL;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (key >= 0);

  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_marker, GINT_TO_POINTER (key), NULL));
  gtk_column_view_column_set_sorter (column, sorter);
}

int
kassa_column_sort_get_primary (GtkColumnView *view,
                               gboolean      *descending)
{
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) second = NULL;
  GtkSorter *sorter;
  GtkOrdering order;
  int key;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NO_KEY);

  if (descending != NULL)
    *descending = FALSE;

  sorter = gtk_column_view_get_sorter (view);
  if (sorter == NULL)
    return NO_KEY;

  first = g_object_new (G_TYPE_OBJECT, NULL);
  second = g_object_new (G_TYPE_OBJECT, NULL);

  probed_key = NO_KEY;
  order = gtk_sorter_compare (sorter, first, second);
  key = probed_key;
  probed_key = NO_KEY;

  if (key != NO_KEY && descending != NULL)
    *descending = (order == GTK_ORDERING_LARGER);

  return key;
}
