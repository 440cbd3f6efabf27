/* kassa-import-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports customers, invoices or payments from a CSV file: the user picks
 * the file, checks the detected format and the preview, maps the file's
 * columns to Kassa's fields and sees every problem row before anything is
 * written.  Import writes all rows in one transaction, closes the dialog
 * and shows a toast in the main window.
 */
#pragma once

#include <adwaita.h>

#include "kassa-csv-import.h"
#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_IMPORT_DIALOG (kassa_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KassaImportDialog, kassa_import_dialog, KASSA, IMPORT_DIALOG, AdwWindow)

KassaImportDialog *kassa_import_dialog_new                (GtkWindow         *parent,
                                                           KassaStore        *store,
                                                           KassaCsvTable      table);
/* Loads path as if it had been chosen in the file chooser; FALSE (the
 * reason shown in the dialog) when the file cannot be read. */
gboolean           kassa_import_dialog_load_file          (KassaImportDialog *self,
                                                           const char        *path);

/* For tests: the dialog as the user sees it. */
GtkWidget         *kassa_import_dialog_get_import_button  (KassaImportDialog *self);
GtkListBox        *kassa_import_dialog_get_problems_list  (KassaImportDialog *self);
GtkLabel          *kassa_import_dialog_get_status_label   (KassaImportDialog *self);

G_END_DECLS
