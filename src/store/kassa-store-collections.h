/* kassa-store-collections.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collection log (reminders, calls, promises, disputes …), the
 * statutory reference rates for late-payment interest, and the company's
 * key/value settings.
 */
#pragma once

#include "kassa-store.h"

G_BEGIN_DECLS

/* What happened in collecting a receivable.  The values are stored: never
 * renumber them.  The dunning steps (REMINDER_1 … LEGAL_ACTION) are in the
 * order a ladder climbs them. */
typedef enum
{
  KASSA_COLLECTION_NOTE              = 0,
  KASSA_COLLECTION_PHONE_CALL        = 1,
  KASSA_COLLECTION_EMAIL             = 2,
  KASSA_COLLECTION_PROMISE_TO_PAY    = 3,  /* due_by = the promised date */
  KASSA_COLLECTION_DISPUTE_OPENED    = 4,  /* sets invoices.disputed */
  KASSA_COLLECTION_DISPUTE_RESOLVED  = 5,  /* clears invoices.disputed */
  KASSA_COLLECTION_REMINDER_1        = 10, /* due_by = pay by */
  KASSA_COLLECTION_REMINDER_2        = 11,
  KASSA_COLLECTION_PAYMENT_DEMAND    = 12,
  KASSA_COLLECTION_LAWYER_LETTER     = 13,
  KASSA_COLLECTION_COLLECTION_AGENCY = 14,
  KASSA_COLLECTION_LEGAL_ACTION      = 15,
} KassaCollectionKind;

#define KASSA_COLLECTION_IS_DUNNING_STEP(kind) \
  ((kind) >= KASSA_COLLECTION_REMINDER_1 && (kind) <= KASSA_COLLECTION_LEGAL_ACTION)

typedef struct
{
  gint64              id;
  gint64              customer_id;
  gint64              invoice_id;   /* 0: about the customer, not one invoice */
  KassaDay            date;
  KassaCollectionKind kind;
  gint64              fee;          /* minor units charged with this step, ≥ 0 */
  gint64              interest;     /* late interest claimed with it, ≥ 0 */
  KassaDay            due_by;       /* promised / pay-by date, 0 = none */
  char               *author;       /* who did it ("" = unknown) */
  char               *note;
  gint64              created_at;   /* unix seconds, set by the store */
} KassaCollectionEvent;

/* A statutory reference rate valid from start_date until the next entry of
 * the same country. */
typedef struct
{
  char     country[3];              /* "FI", "SE" */
  KassaDay start_date;
  gint     rate_bp;                 /* basis points, may be negative */
} KassaReferenceRate;

GType                 kassa_collection_event_get_type   (void) G_GNUC_CONST;
KassaCollectionEvent *kassa_collection_event_new        (void);
KassaCollectionEvent *kassa_collection_event_copy       (const KassaCollectionEvent *event);
void                  kassa_collection_event_free       (KassaCollectionEvent       *event);
/* Translated name of a kind ("Reminder 1", "Promise to pay" …). */
const char           *kassa_collection_kind_to_string   (KassaCollectionKind         kind);
gboolean              kassa_collection_kind_is_valid    (int                         kind);

/* Adds an event (sets event->id and created_at).  The customer must exist;
 * an invoice must not be a draft and must belong to that customer (notes
 * on credited invoices are allowed; disputes need a sent one); a promise needs a
 * due_by date on or after its date.  Dispute events set or clear the
 * invoice's disputed flag in the same transaction. */
gboolean              kassa_store_add_collection_event  (KassaStore                 *self,
                                                         KassaCollectionEvent       *event,
                                                         GError                    **error);
gboolean              kassa_store_delete_collection_event (KassaStore               *self,
                                                         gint64                      id,
                                                         GError                    **error);
/* (transfer full) (element-type KassaCollectionEvent) newest first (date,
 * then id).  invoice_id 0 lists every event of the customer; customer_id 0
 * with an invoice_id lists that invoice's events. */
GPtrArray            *kassa_store_list_collection_events (KassaStore                *self,
                                                         gint64                      customer_id,
                                                         gint64                      invoice_id,
                                                         GError                    **error);

/* (transfer full) of KassaReferenceRate ordered by start_date; country NULL
 * lists every country (ordered by country, then start_date).  Country codes
 * are compared in upper case. */
GArray               *kassa_store_list_reference_rates  (KassaStore                 *self,
                                                         const char                 *country,
                                                         GError                    **error);
/* Inserts or replaces the rate of (country, start_date). */
gboolean              kassa_store_set_reference_rate    (KassaStore                 *self,
                                                         const KassaReferenceRate   *rate,
                                                         GError                    **error);
gboolean              kassa_store_delete_reference_rate (KassaStore                 *self,
                                                         const char                 *country,
                                                         KassaDay                    start_date,
                                                         GError                    **error);

/* Company settings (the settings table).  get returns a copy of the value
 * or NULL when the key is not set. */
char                 *kassa_store_get_setting           (KassaStore                 *self,
                                                         const char                 *key);
gint64                kassa_store_get_setting_int       (KassaStore                 *self,
                                                         const char                 *key,
                                                         gint64                      default_value);
/* value NULL removes the key. */
gboolean              kassa_store_set_setting           (KassaStore                 *self,
                                                         const char                 *key,
                                                         const char                 *value,
                                                         GError                    **error);
/* Sets keys[i] to values[i] for n keys in one transaction: all or none. */
gboolean              kassa_store_set_settings          (KassaStore                 *self,
                                                         const char * const         *keys,
                                                         const char * const         *values,
                                                         guint                       n,
                                                         GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaCollectionEvent, kassa_collection_event_free)

G_END_DECLS
