/* kassa-relationship-editor.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The modal editor of a customer's relationship data: lifecycle override,
 * key account and owner, marketing consent with its date and source.
 * Saved with kassa_store_save_customer_relationship (); the store's errors
 * are shown in the window.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store-relationship.h"

G_BEGIN_DECLS

#define KASSA_TYPE_RELATIONSHIP_EDITOR (kassa_relationship_editor_get_type ())

G_DECLARE_FINAL_TYPE (KassaRelationshipEditor, kassa_relationship_editor, KASSA,
                      RELATIONSHIP_EDITOR, AdwWindow)

/* NULL with error when the customer cannot be read. */
KassaRelationshipEditor *kassa_relationship_editor_new  (GtkWindow               *parent,
                                                         KassaStore              *store,
                                                         gint64                   customer_id,
                                                         GError                 **error);
/* Same as the Save button: saves and closes, or shows the problem. */
void                     kassa_relationship_editor_save (KassaRelationshipEditor *self);

/* Test hooks. */
/* Item 0 is "Suggested", then the stages in KassaLifecycleStage order. */
AdwComboRow             *kassa_relationship_editor_get_lifecycle_row   (KassaRelationshipEditor *self);
GtkSwitch               *kassa_relationship_editor_get_key_account_switch (KassaRelationshipEditor *self);
GtkEditable             *kassa_relationship_editor_get_owner_entry     (KassaRelationshipEditor *self);
/* Items in KassaMarketingConsent order. */
AdwComboRow             *kassa_relationship_editor_get_consent_row     (KassaRelationshipEditor *self);
GtkEditable             *kassa_relationship_editor_get_consent_date_entry (KassaRelationshipEditor *self);
GtkEditable             *kassa_relationship_editor_get_source_entry    (KassaRelationshipEditor *self);
/* (nullable) the problem shown, NULL when none. */
const char              *kassa_relationship_editor_get_problem         (KassaRelationshipEditor *self);

G_END_DECLS
