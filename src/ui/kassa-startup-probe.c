/* kassa-startup-probe.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-startup-probe"

#include "config.h"

#include "kassa-startup-probe.h"

static void
on_frame_clock_after_paint (GdkFrameClock *frame_clock,
                            GtkWindow     *window)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (window));

  g_signal_handlers_disconnect_by_func (frame_clock, on_frame_clock_after_paint, window);
  g_debug ("First frame painted; quitting as requested");
  if (application != NULL)
    g_application_quit (application);
}

static void
on_window_map (GtkWidget *window)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, on_window_map, NULL);
  g_signal_connect_object (frame_clock, "after-paint",
                           G_CALLBACK (on_frame_clock_after_paint), window, 0);
}

void
kassa_startup_probe_attach (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv ("KASSA_EXIT_AFTER_FIRST_FRAME") == NULL)
    return;

  g_signal_connect (window, "map", G_CALLBACK (on_window_map), NULL);
}
