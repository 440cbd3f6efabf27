/* kassa-worklist-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collection worklist: the overdue invoices whose next collection step
 * is due today, creating those steps for the selected ones and saving the
 * reminder letters.
 */
#pragma once

#include <adwaita.h>

#include "kassa-dunning.h"
#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_WORKLIST_VIEW (kassa_worklist_view_get_type ())

G_DECLARE_FINAL_TYPE (KassaWorklistView, kassa_worklist_view, KASSA, WORKLIST_VIEW, AdwBin)

/* The list is computed (in a worker thread) when the view is first shown. */
GtkWidget           *kassa_worklist_view_new         (KassaStore        *store);
/* Recomputes the list now instead of on the next change or day. */
void                 kassa_worklist_view_refresh     (KassaWorklistView *self);

/* For tests: what the user sees and does. */
/* TRUE while the list is being computed or letters are being saved. */
gboolean             kassa_worklist_view_get_busy    (KassaWorklistView *self);
GtkSelectionModel   *kassa_worklist_view_get_selection (KassaWorklistView *self);
/* (transfer none) (nullable): the row at position. */
const KassaWorkItem *kassa_worklist_view_get_item    (KassaWorklistView *self,
                                                      guint              position);
/* "N invoices need a collection step today". */
GtkLabel            *kassa_worklist_view_get_summary_label (KassaWorklistView *self);
/* Saves the letters of the collection steps created last into folder, as
 * the toast's "Save Letters…" does after its folder chooser. */
void                 kassa_worklist_view_save_created_letters_to (KassaWorklistView *self,
                                                      const char        *folder);
/* Letters saved by the last run, and its error message (NULL if none). */
guint                kassa_worklist_view_get_letters_saved (KassaWorklistView *self);
const char          *kassa_worklist_view_get_letters_error (KassaWorklistView *self);

G_END_DECLS
