/* kassa-nps-response-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The modal dialog that records a customer's NPS response: score 0 … 10,
 * date (today by default) and comment, added with
 * kassa_store_add_nps_response (); the store's errors are shown in the
 * window.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store-relationship.h"

G_BEGIN_DECLS

#define KASSA_TYPE_NPS_RESPONSE_DIALOG (kassa_nps_response_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KassaNpsResponseDialog, kassa_nps_response_dialog, KASSA,
                      NPS_RESPONSE_DIALOG, AdwWindow)

KassaNpsResponseDialog *kassa_nps_response_dialog_new  (GtkWindow              *parent,
                                                        KassaStore             *store,
                                                        gint64                  customer_id);
/* Same as the Add button: adds and closes, or shows the problem. */
void                    kassa_nps_response_dialog_save (KassaNpsResponseDialog *self);

/* Test hooks. */
GtkSpinButton          *kassa_nps_response_dialog_get_score_button  (KassaNpsResponseDialog *self);
GtkEditable            *kassa_nps_response_dialog_get_date_entry    (KassaNpsResponseDialog *self);
GtkEditable            *kassa_nps_response_dialog_get_comment_entry (KassaNpsResponseDialog *self);
/* (nullable) the problem shown, NULL when none. */
const char             *kassa_nps_response_dialog_get_problem       (KassaNpsResponseDialog *self);

G_END_DECLS
