/* kassa-export-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks what to export (report, period, workbook language, customer, file
 * name), then where, and writes the file in a worker thread with its own
 * connection to the company file, showing progress; Cancel stops it.  On
 * success the dialog closes and the main window shows a toast with Open.
 */
#pragma once

#include <adwaita.h>

#include "kassa-csv-export.h"
#include "kassa-report.h"
#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_EXPORT_DIALOG (kassa_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KassaExportDialog, kassa_export_dialog, KASSA, EXPORT_DIALOG, AdwWindow)

/* An Excel report, kind chosen first. */
KassaExportDialog *kassa_export_dialog_new               (GtkWindow         *parent,
                                                          KassaStore        *store,
                                                          KassaReportKind    kind);
/* A CSV file of one table: no period, language or customer. */
KassaExportDialog *kassa_export_dialog_new_csv           (GtkWindow         *parent,
                                                          KassaStore        *store,
                                                          KassaCsvTable      table);
/* Exports to path as if it had been chosen in the file chooser. */
void               kassa_export_dialog_export_to         (KassaExportDialog *self,
                                                          const char        *path);
gboolean           kassa_export_dialog_get_running       (KassaExportDialog *self);

/* For tests: the form as the user sees it. */
AdwComboRow       *kassa_export_dialog_get_report_row    (KassaExportDialog *self);
AdwComboRow       *kassa_export_dialog_get_period_row    (KassaExportDialog *self);
GtkEditable       *kassa_export_dialog_get_from_entry    (KassaExportDialog *self);
GtkEditable       *kassa_export_dialog_get_to_entry      (KassaExportDialog *self);
AdwComboRow       *kassa_export_dialog_get_language_row  (KassaExportDialog *self);
GtkEditable       *kassa_export_dialog_get_file_name_entry (KassaExportDialog *self);
GtkWidget         *kassa_export_dialog_get_export_button (KassaExportDialog *self);
/* (nullable): what keeps the form from being exported, as shown. */
const char        *kassa_export_dialog_get_problem       (KassaExportDialog *self);

G_END_DECLS
