/* kassa-startup-probe.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For the benchmark: when $KASSA_EXIT_AFTER_FIRST_FRAME is set, the
 * application quits as soon as window has painted its first frame, so the
 * time from launch to exit measures the start-up to the first frame. */
void kassa_startup_probe_attach (GtkWindow *window);

G_END_DECLS
