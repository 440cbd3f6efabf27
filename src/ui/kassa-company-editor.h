/* kassa-company-editor.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The company form, used by the first-run welcome page and the Company
 * Details dialog.  It validates as the user types; "valid" tells the
 * container whether the Save/Create button may be used.
 */
#pragma once

#include <adwaita.h>

#include "kassa-records.h"

G_BEGIN_DECLS

#define KASSA_TYPE_COMPANY_EDITOR (kassa_company_editor_get_type ())

G_DECLARE_FINAL_TYPE (KassaCompanyEditor, kassa_company_editor, KASSA, COMPANY_EDITOR, AdwBin)

GtkWidget    *kassa_company_editor_new         (void);
void          kassa_company_editor_set_company (KassaCompanyEditor *self,
                                                const KassaCompany *company);
/* (transfer full): the company as entered, based on the one set. */
KassaCompany *kassa_company_editor_get_company (KassaCompanyEditor *self);
gboolean      kassa_company_editor_get_valid   (KassaCompanyEditor *self);
/* TRUE once the user changed anything since set_company. */
gboolean      kassa_company_editor_get_modified (KassaCompanyEditor *self);
/* Moves the keyboard focus to the first field. */
void          kassa_company_editor_focus       (KassaCompanyEditor *self);

G_END_DECLS
