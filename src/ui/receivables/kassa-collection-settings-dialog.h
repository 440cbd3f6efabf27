/* kassa-collection-settings-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collection settings: reminder ladders, fees and thresholds, the
 * early-warning rule, and the statutory reference rates of late interest.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_COLLECTION_SETTINGS_DIALOG (kassa_collection_settings_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KassaCollectionSettingsDialog, kassa_collection_settings_dialog,
                      KASSA, COLLECTION_SETTINGS_DIALOG, AdwWindow)

/* A modal dialog on parent with the store's settings loaded. */
KassaCollectionSettingsDialog *kassa_collection_settings_dialog_new     (GtkWindow  *parent,
                                                                         KassaStore *store);
void                           kassa_collection_settings_dialog_present (GtkWindow  *parent,
                                                                         KassaStore *store);

/* For tests: the days of a ladder's step (0-based), and the error shown
 * after Save (NULL when none is shown). */
GtkSpinButton *kassa_collection_settings_dialog_get_days_spin (KassaCollectionSettingsDialog *self,
                                                               KassaCustomerKind              kind,
                                                               guint                          step);
const char    *kassa_collection_settings_dialog_get_error     (KassaCollectionSettingsDialog *self);

G_END_DECLS
