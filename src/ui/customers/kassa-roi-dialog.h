/* kassa-roi-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ROI / payback calculator: what an investment in customer management
 * returns if sales grow as expected.  Revenue and margin are prefilled
 * from the last 12 months; results and the cumulative curve update live.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_ROI_DIALOG (kassa_roi_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KassaRoiDialog, kassa_roi_dialog, KASSA, ROI_DIALOG, AdwWindow)

/* (transfer none) the dialog, modal for parent (nullable), shown. */
KassaRoiDialog *kassa_roi_dialog_present       (GtkWindow      *parent,
                                                KassaStore     *store);
/* TRUE once the prefill from the last 12 months has arrived (or failed). */
gboolean        kassa_roi_dialog_is_prefilled  (KassaRoiDialog *self);

G_END_DECLS
