/* kassa-reminder-letters.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving the reminder letters of the collection worklist: the folder
 * choice, one PDF per customer written in a worker thread (a taken name
 * gets " (2)"), and the toasts that report it.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_REMINDER_LETTERS (kassa_reminder_letters_get_type ())

G_DECLARE_FINAL_TYPE (KassaReminderLetters, kassa_reminder_letters, KASSA, REMINDER_LETTERS,
                      GObject)

/* owner's window parents the folder chooser and owner's toast overlay
 * shows the results; owner calls kassa_reminder_letters_stop when it is
 * disposed.  Letters are read from the store set. */
KassaReminderLetters *kassa_reminder_letters_new        (GtkWidget            *owner);
void                  kassa_reminder_letters_set_store  (KassaReminderLetters *self,
                                                         KassaStore           *store);
/* (transfer full): the letters of items (KassaWorkItem *), an array of
 * opaque letter references in the items' order. */
GArray               *kassa_reminder_letters_for_items  (GPtrArray            *items);

/* Tells that created collection steps were recorded, offering to save
 * their letters. */
void                  kassa_reminder_letters_offer      (KassaReminderLetters *self,
                                                         guint                 created,
                                                         GArray               *letters);
/* Asks for a folder, then saves letters there (nothing while saving). */
void                  kassa_reminder_letters_ask_folder (KassaReminderLetters *self,
                                                         GArray               *letters);
/* Saves letters into folder now; not while saving. */
void                  kassa_reminder_letters_save_to    (KassaReminderLetters *self,
                                                         GArray               *letters,
                                                         const char           *folder);
/* Closes the folder chooser and stops after the letter being written;
 * nothing is reported afterwards. */
void                  kassa_reminder_letters_stop       (KassaReminderLetters *self);

/* TRUE while letters are being written. */
gboolean              kassa_reminder_letters_get_busy   (KassaReminderLetters *self);
/* TRUE while the folder chooser is open. */
gboolean              kassa_reminder_letters_get_choosing_folder (KassaReminderLetters *self);
/* Letters saved by the last run, and its error message (NULL if none). */
guint                 kassa_reminder_letters_get_saved  (KassaReminderLetters *self);
const char           *kassa_reminder_letters_get_error  (KassaReminderLetters *self);

G_END_DECLS
