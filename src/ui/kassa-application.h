/* kassa-application.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KASSA_TYPE_APPLICATION (kassa_application_get_type ())

G_DECLARE_FINAL_TYPE (KassaApplication, kassa_application, KASSA, APPLICATION, AdwApplication)

KassaApplication *kassa_application_new       (void);
/* Opens (creating when missing) the company file at path in the main
 * window; errors are shown in a dialog.  With demo, an empty file gets the
 * generated demo company. */
void              kassa_application_open_path (KassaApplication *self,
                                               const char       *path,
                                               gboolean          demo);

G_END_DECLS
