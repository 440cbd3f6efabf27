/* kassa-reports-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Reports page: the Excel reports for the accountant and the CSV
 * exports, each with an Export… button that opens KassaExportDialog.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_REPORTS_PAGE (kassa_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (KassaReportsPage, kassa_reports_page, KASSA, REPORTS_PAGE, AdwBin)

GtkWidget *kassa_reports_page_new (KassaStore *store);

G_END_DECLS
