/* kassa-welcome-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown instead of the pages while the company file has no company yet.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_WELCOME_PAGE (kassa_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (KassaWelcomePage, kassa_welcome_page, KASSA, WELCOME_PAGE, AdwBin)

GtkWidget *kassa_welcome_page_new (KassaStore *store);

G_END_DECLS
