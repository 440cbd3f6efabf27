/* kassa-company-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "Company Details" dialog: KassaCompanyEditor with Save and Cancel.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_COMPANY_DIALOG (kassa_company_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KassaCompanyDialog, kassa_company_dialog, KASSA, COMPANY_DIALOG, AdwWindow)

KassaCompanyDialog *kassa_company_dialog_new (GtkWindow  *parent,
                                              KassaStore *store);

G_END_DECLS
