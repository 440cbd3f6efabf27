/* kassa-store-relationship.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Customer relationship data (schema 6): the manual ABC class and lifecycle
 * overrides, key accounts and their owners, marketing consent, marketing
 * campaigns with the customers they reached and the invoices attributed to
 * them, NPS responses, and the data-protection duties (export of one
 * customer's personal data, anonymisation that keeps the books intact).
 */
#pragma once

#include "kassa-store.h"

G_BEGIN_DECLS

/* Stored values: never renumber. */
typedef enum
{
  KASSA_ABC_NONE = 0,   /* no class (no sales) / no override */
  KASSA_ABC_A    = 1,
  KASSA_ABC_B    = 2,
  KASSA_ABC_C    = 3,
} KassaAbcClass;

/* Stored values: never renumber. */
typedef enum
{
  KASSA_LIFECYCLE_PROSPECT    = 0,
  KASSA_LIFECYCLE_NEW         = 1,
  KASSA_LIFECYCLE_ACTIVE      = 2,
  KASSA_LIFECYCLE_KEY_ACCOUNT = 3,
  KASSA_LIFECYCLE_DORMANT     = 4,
  KASSA_LIFECYCLE_LOST        = 5,
} KassaLifecycleStage;

#define KASSA_LIFECYCLE_NO_OVERRIDE (-1)
#define KASSA_N_LIFECYCLE_STAGES 6

/* Stored values: never renumber. */
typedef enum
{
  KASSA_CONSENT_NOT_ASKED = 0,
  KASSA_CONSENT_GIVEN     = 1,
  KASSA_CONSENT_REFUSED   = 2,
} KassaMarketingConsent;

/* Stored values: never renumber. */
typedef enum
{
  KASSA_CAMPAIGN_EMAIL      = 0,
  KASSA_CAMPAIGN_SOCIAL     = 1,
  KASSA_CAMPAIGN_SEARCH_ADS = 2,
  KASSA_CAMPAIGN_EVENTS     = 3,
  KASSA_CAMPAIGN_PRINT      = 4,
  KASSA_CAMPAIGN_OTHER      = 5,
} KassaCampaignChannel;

#define KASSA_N_CAMPAIGN_CHANNELS 6

typedef struct
{
  gint64                 customer_id;
  KassaAbcClass          abc_override;        /* KASSA_ABC_NONE = use the computed class */
  gint                   lifecycle_override;  /* KASSA_LIFECYCLE_NO_OVERRIDE or a stage */
  gboolean               key_account;
  char                  *account_owner;       /* who looks after the customer, "" = nobody */
  KassaMarketingConsent  consent;
  KassaDay               consent_date;        /* 0 when not asked */
  char                  *consent_source;      /* e.g. "web form", "phone", "" */
  KassaDay               anonymised_on;       /* 0 = not anonymised */
} KassaCustomerRelationship;

typedef struct
{
  gint64                id;
  char                 *name;
  KassaCampaignChannel  channel;
  KassaDay              start_date;
  KassaDay              end_date;             /* ≥ start_date */
  gint64                cost;                 /* minor units, ≥ 0, company currency */
  char                 *target_segment;       /* segment key (kassa-customer-value.h), "" = all */
  char                 *notes;
} KassaCampaign;

typedef struct
{
  gint64    id;
  gint64    customer_id;
  KassaDay  date;
  gint      score;                            /* 0 … 10 */
  char     *comment;
} KassaNpsResponse;

/* Translated names for lists and combo rows. */
const char *kassa_abc_class_to_string        (KassaAbcClass         abc);         /* "A", "B", "C", "–" */
const char *kassa_lifecycle_stage_to_string  (KassaLifecycleStage   stage);       /* "Key account" … */
const char *kassa_consent_to_string          (KassaMarketingConsent consent);     /* "Given" … */
const char *kassa_campaign_channel_to_string (KassaCampaignChannel  channel);     /* "Social media" … */

GType                      kassa_customer_relationship_get_type (void) G_GNUC_CONST;
KassaCustomerRelationship *kassa_customer_relationship_new      (void);  /* the defaults */
KassaCustomerRelationship *kassa_customer_relationship_copy     (const KassaCustomerRelationship *relationship);
void                       kassa_customer_relationship_free     (KassaCustomerRelationship       *relationship);

GType                      kassa_campaign_get_type             (void) G_GNUC_CONST;
KassaCampaign             *kassa_campaign_new                  (void);
KassaCampaign             *kassa_campaign_copy                 (const KassaCampaign *campaign);
void                       kassa_campaign_free                 (KassaCampaign       *campaign);

GType                      kassa_nps_response_get_type         (void) G_GNUC_CONST;
KassaNpsResponse          *kassa_nps_response_new              (void);
KassaNpsResponse          *kassa_nps_response_copy             (const KassaNpsResponse *response);
void                       kassa_nps_response_free             (KassaNpsResponse       *response);

/* The customer's relationship data; the defaults (no override, consent not
 * asked …) when nothing was saved.  NULL with an error when the customer
 * does not exist. */
KassaCustomerRelationship *kassa_store_get_customer_relationship (KassaStore                      *self,
                                                                  gint64                           customer_id,
                                                                  GError                         **error);
/* Validates (customer exists and is not anonymised — except that consent
 * may always be set to refused; override values in range; consent date set
 * when consent is given or refused and not after today; owner and source at
 * most 200 characters) and writes in one transaction. */
gboolean                   kassa_store_save_customer_relationship (KassaStore                     *self,
                                                                   const KassaCustomerRelationship *relationship,
                                                                   KassaDay                        today,
                                                                   GError                        **error);
/* (transfer full) every saved row (customers without a row have the
 * defaults), keyed by GINT64 customer id pointer (g_int64_hash) →
 * KassaCustomerRelationship*.  One read, for analytics over all customers. */
GHashTable                *kassa_store_list_customer_relationships (KassaStore                    *self,
                                                                    GError                       **error);

/* Campaigns.  save inserts when id == 0 (setting it), else updates;
 * validation: name not empty (≤ 200 characters), channel in range, end on
 * or after start, cost ≥ 0 and at most 10¹² minor units. */
gboolean        kassa_store_save_campaign       (KassaStore     *self,
                                                 KassaCampaign  *campaign,
                                                 GError        **error);
KassaCampaign  *kassa_store_get_campaign        (KassaStore     *self,
                                                 gint64          id,
                                                 GError        **error);
/* (transfer full) of KassaCampaign, newest start first. */
GPtrArray      *kassa_store_list_campaigns      (KassaStore     *self,
                                                 GError        **error);
/* Deletes the campaign, its reached customers, and clears the attribution
 * of its invoices (the invoices themselves are kept). */
gboolean        kassa_store_delete_campaign     (KassaStore     *self,
                                                 gint64          id,
                                                 GError        **error);
/* Records that the campaign reached these customers on reached_on (one
 * transaction; customers already recorded keep their first date).
 * Refuses the whole call, writing nothing, if any customer refused
 * marketing or is anonymised, naming the first such customer. */
gboolean        kassa_store_add_campaign_customers (KassaStore   *self,
                                                    gint64        campaign_id,
                                                    const gint64 *customer_ids,
                                                    guint         n_customer_ids,
                                                    KassaDay      reached_on,
                                                    GError      **error);
gboolean        kassa_store_remove_campaign_customer (KassaStore *self,
                                                      gint64      campaign_id,
                                                      gint64      customer_id,
                                                      GError    **error);
/* (transfer full) of gint64 customer ids reached by the campaign. */
GArray         *kassa_store_list_campaign_customers (KassaStore *self,
                                                     gint64      campaign_id,
                                                     GError    **error);
/* Attributes one invoice (not a draft) to a campaign; campaign_id 0 clears.
 * Setting a campaign also records that it reached the invoice's customer
 * (if not yet: reached_on = the campaign's start, or the invoice's issue
 * date if earlier), so they count as reached and converted — except a
 * customer who refused marketing or is anonymised: then only the invoice is
 * attributed.  Clearing leaves the reached record. */
gboolean        kassa_store_set_invoice_campaign (KassaStore *self,
                                                  gint64      invoice_id,
                                                  gint64      campaign_id,
                                                  GError    **error);
/* The invoice's campaign id, 0 = none. */
gint64          kassa_store_get_invoice_campaign (KassaStore *self,
                                                  gint64      invoice_id);
/* Attributes to the campaign each reached customer's conversion: their
 * first sent invoice (not a credit note) issued from the day they were
 * reached through end_date + window_days, when no campaign has it yet.  Returns the number of
 * invoices attributed in *n_attributed.  One transaction. */
gboolean        kassa_store_attribute_campaign_invoices (KassaStore *self,
                                                         gint64      campaign_id,
                                                         gint        window_days,
                                                         guint      *n_attributed,
                                                         GError    **error);

/* NPS responses.  add validates (customer exists and is not anonymised,
 * score 0 … 10, date not after today, comment ≤ 2000 characters) and sets
 * response->id. */
gboolean        kassa_store_add_nps_response    (KassaStore        *self,
                                                 KassaNpsResponse  *response,
                                                 KassaDay           today,
                                                 GError           **error);
gboolean        kassa_store_delete_nps_response (KassaStore        *self,
                                                 gint64             id,
                                                 GError           **error);
/* (transfer full) of KassaNpsResponse, newest first; customer_id 0 lists
 * every response with date in [from, to] (from/to 0 = unbounded), ordered
 * by date. */
GPtrArray      *kassa_store_list_nps_responses  (KassaStore        *self,
                                                 gint64             customer_id,
                                                 KassaDay           from,
                                                 KassaDay           to,
                                                 GError           **error);

/* Data protection.
 * export: (transfer full) a UTF-8 JSON document with everything Kassa
 * holds about the customer as a person: the customer record, relationship
 * and consent, NPS responses, collection log entries, campaigns that
 * reached them, and a list of their invoices and payments (number, dates,
 * amounts as decimal strings with the currency).
 * anonymise: in one transaction, replaces the name with "Anonymised
 * customer <number>" (translated at the time), clears contact person,
 * email, phone, address, business and VAT ids, e-invoice address and
 * notes, NPS comments, collection log notes and authors, sets consent to
 * refused, removes the customer from campaign target lists, archives the
 * customer and sets anonymised_on = today.  Invoices, lines, payments and
 * amounts are kept unchanged (bookkeeping law).  An anonymised customer
 * cannot be anonymised again or edited. */
char           *kassa_store_export_personal_data (KassaStore *self,
                                                  gint64      customer_id,
                                                  GError    **error);
gboolean        kassa_store_anonymise_customer   (KassaStore *self,
                                                  gint64      customer_id,
                                                  KassaDay    today,
                                                  GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaCustomerRelationship, kassa_customer_relationship_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaCampaign, kassa_campaign_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaNpsResponse, kassa_nps_response_free)

G_END_DECLS
