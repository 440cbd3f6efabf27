/* kassa-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_WINDOW (kassa_window_get_type ())

G_DECLARE_FINAL_TYPE (KassaWindow, kassa_window, KASSA, WINDOW, AdwApplicationWindow)

KassaWindow *kassa_window_new       (GtkApplication *application);
/* Replaces the company shown: pages and dialogs of the previous store are
 * destroyed.  store may be NULL (nothing open). */
void         kassa_window_set_store (KassaWindow    *self,
                                     KassaStore     *store);
KassaStore  *kassa_window_get_store (KassaWindow    *self);
/* Takes ownership of toast. */
void         kassa_window_add_toast (KassaWindow    *self,
                                     AdwToast       *toast);
/* "overview", "customers", "invoices" or "reports". */
void         kassa_window_show_page (KassaWindow    *self,
                                     const char     *name);
/* (nullable) (transfer none): the page widget, for tests. */
GtkWidget   *kassa_window_get_page  (KassaWindow    *self,
                                     const char     *name);

G_END_DECLS
