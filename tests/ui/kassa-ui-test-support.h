/* kassa-ui-test-support.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the UI tests share: running the main loop until something happens,
 * and finding widgets in a window.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One iteration that returns within 10 ms even when nothing happens;
 * FALSE once the deadline (monotonic µs) has passed. */
gboolean   iterate_until        (gint64         deadline);
/* Runs the main loop for ms milliseconds. */
void       settle               (guint          ms);

/* Waits up to TIMEOUT_MS (defined by the test) for condition, then
 * asserts it. */
#define wait_for(condition)                                                     \
  G_STMT_START {                                                                \
    gint64 deadline_ = g_get_monotonic_time () + (gint64) TIMEOUT_MS * 1000;    \
    while (!(condition) && iterate_until (deadline_))                           \
      ;                                                                         \
    g_assert_true (condition);                                                  \
  } G_STMT_END

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

/* Depth first from root (included); NULL when nothing matches. */
GtkWidget *search_widget        (GtkWidget     *root,
                                 Match          match,
                                 gconstpointer  data);
/* search_widget () that asserts a match. */
GtkWidget *require_widget       (GtkWidget     *root,
                                 Match          match,
                                 gconstpointer  data);
/* Matches: data is a GType (GSIZE_TO_POINTER), a widget name, a label's
 * text, an action name. */
gboolean   is_of_type           (GtkWidget     *widget,
                                 gconstpointer  data);
gboolean   has_name             (GtkWidget     *widget,
                                 gconstpointer  data);
gboolean   is_label_with_text   (GtkWidget     *widget,
                                 gconstpointer  data);
gboolean   is_button_for_action (GtkWidget     *widget,
                                 gconstpointer  data);
/* The first visible toplevel window of type, or NULL. */
gpointer   visible_toplevel     (GType          type);

G_END_DECLS
