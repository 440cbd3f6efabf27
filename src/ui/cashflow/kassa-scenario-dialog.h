/* kassa-scenario-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The forecast scenarios: the base scenario (explained, not editable) and
 * the user's own, each a sales change %, a payment delay in days and a
 * cost change %.  Add, edit and delete; the form validates as the user
 * types and reads percentages the way the locale writes them ("−15",
 * "-15 %", "-12,5").
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_SCENARIO_DIALOG (kassa_scenario_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KassaScenarioDialog, kassa_scenario_dialog, KASSA, SCENARIO_DIALOG, AdwWindow)

void                 kassa_scenario_dialog_present      (GtkWindow           *parent,
                                                         KassaStore          *store);
/* (transfer none): the dialog, owned by GTK's toplevel list. */
KassaScenarioDialog *kassa_scenario_dialog_new          (GtkWindow           *parent,
                                                         KassaStore          *store);
/* Same as the Add button: shows an empty form. */
void                 kassa_scenario_dialog_add          (KassaScenarioDialog *self);
/* Same as the form's Save button: validates and saves; back to the list
 * when saved. */
void                 kassa_scenario_dialog_save         (KassaScenarioDialog *self);
/* (nullable): the first field error of the form, NULL when valid. */
const char          *kassa_scenario_dialog_get_problem  (KassaScenarioDialog *self);

/* Reads a signed percentage ("−15", "-15 %", "+2,5") into basis points
 * within ±100 %. */
gboolean             kassa_scenario_parse_percent       (const char          *text,
                                                         gint                *basis_points,
                                                         GError             **error);

G_END_DECLS
