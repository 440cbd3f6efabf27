/* kassa-collection-log.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collection log of one invoice or of a whole customer as a timeline,
 * newest first: reminders, calls, promises, disputes and notes with their
 * dates, fees, interest and authors.  Entries are added with
 * KassaCollectionEventDialog and deleted after a confirmation; a reminder
 * letter can be saved as PDF once a dunning step is recorded.  Follows
 * KassaStore::changed.
 */
#pragma once

#include <adwaita.h>

#include "kassa-payment-behaviour.h"
#include "kassa-store-collections.h"

G_BEGIN_DECLS

#define KASSA_TYPE_COLLECTION_LOG (kassa_collection_log_get_type ())

G_DECLARE_FINAL_TYPE (KassaCollectionLog, kassa_collection_log, KASSA, COLLECTION_LOG, AdwBin)

/* invoice_id 0 shows every entry of the customer (each names its invoice);
 * otherwise the invoice's entries (customer_id may then be 0: it is looked
 * up). */
GtkWidget  *kassa_collection_log_new                  (KassaStore         *store,
                                                       gint64              customer_id,
                                                       gint64              invoice_id);

/* Symbolic icon name shown for a kind of entry. */
const char *kassa_collection_kind_icon_name           (KassaCollectionKind kind);

/* Texts shared by the pages that summarise collection (translated, with
 * dates in the locale format):
 * the highest dunning step of an invoice, "No reminders" or "Reminder 1
 * sent on 12.11.2026"; */
char       *kassa_collection_describe_level           (KassaStore         *store,
                                                       gint64              invoice_id);
/* an expected payment date with its source in words, "Expected 3.12.2026
 * from this customer’s history", "Promised by …", "Disputed: no date
 * expected"; */
char       *kassa_collection_describe_expected        (const KassaExpectedPayment *expected);
/* who records an entry: the user's real name, else the login name. */
char       *kassa_collection_author_name              (void);

/* Test hooks. */
/* Rows are AdwActionRows (title: the kind) with a delete button suffix. */
GtkListBox *kassa_collection_log_get_list             (KassaCollectionLog *self);
guint       kassa_collection_log_get_n_entries        (KassaCollectionLog *self);
GtkButton  *kassa_collection_log_get_add_button       (KassaCollectionLog *self);
GtkButton  *kassa_collection_log_get_letter_button    (KassaCollectionLog *self);
/* Deletes entry index (0 = newest) after the same confirmation a click
 * asks for. */
void        kassa_collection_log_delete_entry         (KassaCollectionLog *self,
                                                       guint               index);

G_END_DECLS
