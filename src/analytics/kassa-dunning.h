/* kassa-dunning.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collection settings (reminder ladders, warning rule, thresholds),
 * the collection worklist and the creation of reminders.
 */
#pragma once

#include "kassa-payment-behaviour.h"
#include "kassa-receivables.h"
#include "kassa-store-collections.h"

G_BEGIN_DECLS

/* One rung of a reminder ladder. */
typedef struct
{
  KassaCollectionKind kind;     /* a dunning step: REMINDER_1 … LEGAL_ACTION */
  gint                days;     /* after the due date (first step) or after the previous step */
  gint64              fee;      /* minor units charged with this step */
  gint                pay_within_days; /* the letter's pay-by date = step date + this */
} KassaDunningStep;

typedef struct
{
  GArray           *business_steps;    /* of KassaDunningStep */
  GArray           *consumer_steps;
  gboolean          reminder_fee_agreed;   /* Sweden: påminnelseavgift agreed in the terms */
  gint              serious_overdue_days;  /* the editor's overdue warning, default 30 */
  KassaAgingBasis   aging_basis;
  KassaWarningRule  warning;
} KassaCollectionSettings;

/* Defaults for the company's country (FI: business reminder 1 at 7 days,
 * reminder 2 14 days later, payment demand 14 days later, collection
 * agency 14 days later; consumers from 14 days with 14 days between). */
KassaCollectionSettings *kassa_collection_settings_new_default (const char             *country);
/* From the store's settings table, defaults for what is not set. */
KassaCollectionSettings *kassa_collection_settings_load        (KassaStore             *store);
/* Validates (translated error naming the rule broken: consumer minimums,
 * fee caps, steps in ladder order) and saves in one transaction. */
gboolean                 kassa_collection_settings_save        (KassaStore             *store,
                                                                const KassaCollectionSettings *settings,
                                                                GError                **error);
gboolean                 kassa_collection_settings_validate    (const KassaCollectionSettings *settings,
                                                                const char             *country,
                                                                GError                **error);
void                     kassa_collection_settings_free        (KassaCollectionSettings *settings);

/* One invoice that needs a collection step today. */
typedef struct
{
  gint64               invoice_id;
  gint64               number;
  gint64               customer_id;
  char                *customer_name;
  KassaCustomerKind    customer_kind;
  char                 currency[4];
  KassaDay             due_date;
  gint64               open;
  gint                 days_overdue;
  KassaCollectionKind  last_step;       /* 0 (NOTE) when none yet */
  KassaDay             last_step_date;
  KassaCollectionKind  next_step;
  KassaDay             next_step_date;  /* when the ladder allows it */
  gint64               fee;             /* of the next step, capped by law */
  gint64               compensation;    /* B2B fixed compensation, first step only */
  gint64               interest;        /* late interest to today */
  KassaRiskClass       risk;
  double               priority;        /* higher first */
} KassaWorkItem;

/* (transfer full) (element-type KassaWorkItem) open overdue invoices whose
 * next step is due on or before today, highest priority first; disputed
 * invoices and promises to pay not yet due are skipped. */
GPtrArray               *kassa_dunning_worklist                (KassaStore             *store,
                                                                KassaDay                today,
                                                                const KassaCollectionSettings *settings,
                                                                GError                **error);
void                     kassa_work_item_free                  (KassaWorkItem          *item);

/* Records the next step of each item as a collection event dated today
 * (fee + compensation as the fee, interest, due_by = today +
 * pay_within_days), all in one transaction.  Sets *created. */
gboolean                 kassa_dunning_create_steps            (KassaStore             *store,
                                                                KassaDay                today,
                                                                const KassaCollectionSettings *settings,
                                                                GPtrArray              *items,
                                                                const char             *author,
                                                                guint                  *created,
                                                                GError                **error);

/* The highest dunning step recorded on an invoice, 0 when none. */
KassaCollectionKind      kassa_dunning_level                   (KassaStore             *store,
                                                                gint64                  invoice_id);

/* Late interest of one invoice up to until, with the company's country
 * rates and the customer's kind (reads the store). */
gboolean                 kassa_dunning_invoice_interest        (KassaStore             *store,
                                                                gint64                  invoice_id,
                                                                KassaDay                until,
                                                                gint64                 *interest,
                                                                gboolean               *rate_missing,
                                                                GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaCollectionSettings, kassa_collection_settings_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaWorkItem, kassa_work_item_free)

G_END_DECLS
