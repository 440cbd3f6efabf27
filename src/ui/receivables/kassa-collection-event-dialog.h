/* kassa-collection-event-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adds one entry to the collection log: kind, date (today), the invoice
 * (chosen among the customer's open invoices when opened for a customer),
 * the promised or pay-by date, the fee of a dunning step and a note.
 * Errors are shown next to the fields; Ctrl+Enter saves, Escape cancels.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store-collections.h"

G_BEGIN_DECLS

#define KASSA_TYPE_COLLECTION_EVENT_DIALOG (kassa_collection_event_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KassaCollectionEventDialog, kassa_collection_event_dialog,
                      KASSA, COLLECTION_EVENT_DIALOG, AdwWindow)

/* invoice_id 0: about customer_id, with a choice of its open invoices;
 * otherwise about that invoice (customer_id may be 0).  NULL with error
 * when the customer or invoice cannot be loaded. */
KassaCollectionEventDialog *kassa_collection_event_dialog_new       (GtkWindow                  *parent,
                                                                     KassaStore                 *store,
                                                                     gint64                      customer_id,
                                                                     gint64                      invoice_id,
                                                                     GError                    **error);
void                        kassa_collection_event_dialog_set_kind  (KassaCollectionEventDialog *self,
                                                                     KassaCollectionKind         kind);
/* Same as the Add button: validates and saves, or shows the problem. */
void                        kassa_collection_event_dialog_save      (KassaCollectionEventDialog *self);

/* Test hooks. */
AdwComboRow                *kassa_collection_event_dialog_get_kind_row     (KassaCollectionEventDialog *self);
/* (nullable): only when opened for a customer; item 0 is "no invoice". */
AdwComboRow                *kassa_collection_event_dialog_get_invoice_row  (KassaCollectionEventDialog *self);
GtkEditable                *kassa_collection_event_dialog_get_date_entry   (KassaCollectionEventDialog *self);
GtkEditable                *kassa_collection_event_dialog_get_due_by_entry (KassaCollectionEventDialog *self);
GtkEditable                *kassa_collection_event_dialog_get_fee_entry    (KassaCollectionEventDialog *self);
GtkTextView                *kassa_collection_event_dialog_get_note_view    (KassaCollectionEventDialog *self);
GtkButton                  *kassa_collection_event_dialog_get_add_button   (KassaCollectionEventDialog *self);
/* (nullable): the first field error, NULL when the form is valid. */
const char                 *kassa_collection_event_dialog_get_problem      (KassaCollectionEventDialog *self);

G_END_DECLS
