/* kassa-ui-test-support.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the UI tests share: running the main loop until something happens,
 * and finding widgets in a window.
 */
#include "config.h"

#include "kassa-ui-test-support.h"

static gboolean
on_wake_up (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* One iteration that returns within 10 ms even when nothing happens;
 * FALSE once the deadline (monotonic µs) has passed. */
gboolean
iterate_until (gint64 deadline)
{
  guint wake_up = g_timeout_add (10, on_wake_up, NULL);

  g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake_up);
  return g_get_monotonic_time () < deadline;
}

void
settle (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (iterate_until (deadline))
    ;
}

GtkWidget *
search_widget (GtkWidget     *root,
               Match          match,
               gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = search_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

gboolean
has_name (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

GtkWidget *
require_widget (GtkWidget     *root,
                Match          match,
                gconstpointer  data)
{
  GtkWidget *found = search_widget (root, match, data);

  g_assert_nonnull (found);
  return found;
}

gpointer
visible_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gpointer found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;

  g_list_free (toplevels);
  return found;
}
