/* kassa-campaign-editor.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Creates or edits a marketing campaign, and once saved records whom it
 * reached (a segment's target list, never customers who refused
 * marketing), attributes invoices to it, and deletes it after asking.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_CAMPAIGN_EDITOR (kassa_campaign_editor_get_type ())
G_DECLARE_FINAL_TYPE (KassaCampaignEditor, kassa_campaign_editor, KASSA, CAMPAIGN_EDITOR, AdwWindow)

/* (transfer none) the editor, shown modal for parent (nullable); campaign_id 0
 * creates a new campaign. */
KassaCampaignEditor *kassa_campaign_editor_present         (GtkWindow           *parent,
                                                            KassaStore          *store,
                                                            gint64               campaign_id);
/* The id of the campaign edited, 0 until a new one is saved. */
gint64               kassa_campaign_editor_get_campaign_id (KassaCampaignEditor *self);
/* TRUE while the target list is being computed. */
gboolean             kassa_campaign_editor_is_busy         (KassaCampaignEditor *self);

G_END_DECLS
