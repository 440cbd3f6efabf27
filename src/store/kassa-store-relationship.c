/* kassa-store-relationship.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KassaStore: customer relationship data (overrides, key accounts,
 * marketing consent), campaigns and their reach and attributed invoices,
 * NPS responses, and the data-protection duties (export of one customer's
 * personal data, anonymisation).
 *
 * Change flags: all of this is customer data, so writes announce
 * KASSA_STORE_CHANGE_CUSTOMERS (and _INVOICES when invoices' campaign
 * attribution changes); the pages that show customer value listen to it.
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-store-private.h"
#include "kassa-store-relationship.h"

#define TEXT_MAX_CHARS 200
#define CAMPAIGN_NOTES_MAX_CHARS 10000
#define NPS_COMMENT_MAX_CHARS 2000
#define CAMPAIGN_COST_MAX G_GINT64_CONSTANT (1000000000000)
#define ATTRIBUTION_WINDOW_MAX_DAYS 3660

/* Records */

G_DEFINE_BOXED_TYPE (KassaCustomerRelationship, kassa_customer_relationship,
                     kassa_customer_relationship_copy, kassa_customer_relationship_free)
G_DEFINE_BOXED_TYPE (KassaCampaign, kassa_campaign, kassa_campaign_copy, kassa_campaign_free)
G_DEFINE_BOXED_TYPE (KassaNpsResponse, kassa_nps_response,
                     kassa_nps_response_copy, kassa_nps_response_free)

KassaCustomerRelationship *
kassa_customer_relationship_new (void)
{
  KassaCustomerRelationship *relationship = g_new0 (KassaCustomerRelationship, 1);

  relationship->abc_override = KASSA_ABC_NONE;
  relationship->lifecycle_override = KASSA_LIFECYCLE_NO_OVERRIDE;
  relationship->consent = KASSA_CONSENT_NOT_ASKED;
  relationship->account_owner = g_strdup ("");
  relationship->consent_source = g_strdup ("");
  return relationship;
}

KassaCustomerRelationship *
kassa_customer_relationship_copy (const KassaCustomerRelationship *relationship)
{
  KassaCustomerRelationship *copy;

  g_return_val_if_fail (relationship != NULL, NULL);

  copy = g_memdup2 (relationship, sizeof *relationship);
  copy->account_owner = g_strdup (relationship->account_owner);
  copy->consent_source = g_strdup (relationship->consent_source);
  return copy;
}

void
kassa_customer_relationship_free (KassaCustomerRelationship *relationship)
{
  if (relationship == NULL)
    return;

  g_free (relationship->account_owner);
  g_free (relationship->consent_source);
  g_free (relationship);
}

KassaCampaign *
kassa_campaign_new (void)
{
  KassaCampaign *campaign = g_new0 (KassaCampaign, 1);

  campaign->name = g_strdup ("");
  campaign->target_segment = g_strdup ("");
  campaign->notes = g_strdup ("");
  return campaign;
}

KassaCampaign *
kassa_campaign_copy (const KassaCampaign *campaign)
{
  KassaCampaign *copy;

  g_return_val_if_fail (campaign != NULL, NULL);

  copy = g_memdup2 (campaign, sizeof *campaign);
  copy->name = g_strdup (campaign->name);
  copy->target_segment = g_strdup (campaign->target_segment);
  copy->notes = g_strdup (campaign->notes);
  return copy;
}

void
kassa_campaign_free (KassaCampaign *campaign)
{
  if (campaign == NULL)
    return;

  g_free (campaign->name);
  g_free (campaign->target_segment);
  g_free (campaign->notes);
  g_free (campaign);
}

KassaNpsResponse *
kassa_nps_response_new (void)
{
  KassaNpsResponse *response = g_new0 (KassaNpsResponse, 1);

  response->comment = g_strdup ("");
  return response;
}

KassaNpsResponse *
kassa_nps_response_copy (const KassaNpsResponse *response)
{
  KassaNpsResponse *copy;

  g_return_val_if_fail (response != NULL, NULL);

  copy = g_memdup2 (response, sizeof *response);
  copy->comment = g_strdup (response->comment);
  return copy;
}

void
kassa_nps_response_free (KassaNpsResponse *response)
{
  if (response == NULL)
    return;

  g_free (response->comment);
  g_free (response);
}

/* Names */

const char *
kassa_abc_class_to_string (KassaAbcClass abc)
{
  switch (abc)
    {
    case KASSA_ABC_A: return C_("ABC class", "A");
    case KASSA_ABC_B: return C_("ABC class", "B");
    case KASSA_ABC_C: return C_("ABC class", "C");
    case KASSA_ABC_NONE:
    default:          return "–";
    }
}

const char *
kassa_lifecycle_stage_to_string (KassaLifecycleStage stage)
{
  switch (stage)
    {
    case KASSA_LIFECYCLE_PROSPECT:    return C_("lifecycle stage", "Prospect");
    case KASSA_LIFECYCLE_NEW:         return C_("lifecycle stage", "New");
    case KASSA_LIFECYCLE_ACTIVE:      return C_("lifecycle stage", "Active");
    case KASSA_LIFECYCLE_KEY_ACCOUNT: return C_("lifecycle stage", "Key account");
    case KASSA_LIFECYCLE_DORMANT:     return C_("lifecycle stage", "Dormant");
    case KASSA_LIFECYCLE_LOST:        return C_("lifecycle stage", "Lost");
    default:                          return "";
    }
}

const char *
kassa_consent_to_string (KassaMarketingConsent consent)
{
  switch (consent)
    {
    case KASSA_CONSENT_NOT_ASKED: return C_("marketing consent", "Not asked");
    case KASSA_CONSENT_GIVEN:     return C_("marketing consent", "Given");
    case KASSA_CONSENT_REFUSED:   return C_("marketing consent", "Refused");
    default:                      return "";
    }
}

const char *
kassa_campaign_channel_to_string (KassaCampaignChannel channel)
{
  switch (channel)
    {
    case KASSA_CAMPAIGN_EMAIL:      return C_("campaign channel", "Email");
    case KASSA_CAMPAIGN_SOCIAL:     return C_("campaign channel", "Social media");
    case KASSA_CAMPAIGN_SEARCH_ADS: return C_("campaign channel", "Search ads");
    case KASSA_CAMPAIGN_EVENTS:     return C_("campaign channel", "Events");
    case KASSA_CAMPAIGN_PRINT:      return C_("campaign channel", "Print");
    case KASSA_CAMPAIGN_OTHER:      return C_("campaign channel", "Other");
    default:                        return "";
    }
}

/* Shared checks */

static gboolean
text_fits (const char *text,
           glong       max_chars)
{
  return text == NULL
         || (g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) <= max_chars);
}

gboolean
kassa_store_check_customer_anonymised (KassaStore  *self,
                                       gint64       customer_id,
                                       KassaDay    *anonymised_on,
                                       GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self,
                              "SELECT COALESCE (r.anonymised_on, 0) FROM customers c"
                              " LEFT JOIN customer_relationship r ON r.customer_id = c.id"
                              " WHERE c.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;
  if (!found)
    return kassa_store_set_not_found (error, _("The customer no longer exists."));

  *anonymised_on = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
refuse_anonymised (GError **error)
{
  return kassa_store_set_invalid (error, _("This customer was anonymised and can no longer be edited."));
}

/* Relationship */

#define RELATIONSHIP_COLUMNS \
  "customer_id, abc_override, lifecycle_override, key_account, account_owner, consent," \
  " consent_date, consent_source, anonymised_on"

static KassaCustomerRelationship *
relationship_from_row (sqlite3_stmt *stmt)
{
  KassaCustomerRelationship *relationship = g_new0 (KassaCustomerRelationship, 1);

  relationship->customer_id = sqlite3_column_int64 (stmt, 0);
  relationship->abc_override = sqlite3_column_int (stmt, 1);
  relationship->lifecycle_override = sqlite3_column_int (stmt, 2);
  relationship->key_account = sqlite3_column_int (stmt, 3) != 0;
  relationship->account_owner = kassa_store_column_dup (stmt, 4);
  relationship->consent = sqlite3_column_int (stmt, 5);
  relationship->consent_date = sqlite3_column_int (stmt, 6);
  relationship->consent_source = kassa_store_column_dup (stmt, 7);
  relationship->anonymised_on = sqlite3_column_int (stmt, 8);
  return relationship;
}

KassaCustomerRelationship *
kassa_store_get_customer_relationship (KassaStore  *self,
                                       gint64       customer_id,
                                       GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  KassaCustomerRelationship *relationship;
  KassaDay anonymised_on;
  gboolean found;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  if (!kassa_store_check_customer_anonymised (self, customer_id, &anonymised_on, error))
    return NULL;

  stmt = kassa_store_prepare (self,
                              "SELECT " RELATIONSHIP_COLUMNS " FROM customer_relationship"
                              " WHERE customer_id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return NULL;
  if (found)
    return relationship_from_row (stmt);

  relationship = kassa_customer_relationship_new ();
  relationship->customer_id = customer_id;
  return relationship;
}

static gboolean
validate_relationship (const KassaCustomerRelationship  *relationship,
                       KassaDay                          today,
                       GError                          **error)
{
  if (relationship->abc_override < KASSA_ABC_NONE || relationship->abc_override > KASSA_ABC_C)
    return kassa_store_set_invalid (error, _("Choose the ABC class A, B or C, or no override."));
  if (relationship->lifecycle_override < KASSA_LIFECYCLE_NO_OVERRIDE
      || relationship->lifecycle_override >= KASSA_N_LIFECYCLE_STAGES)
    return kassa_store_set_invalid (error, _("Choose a lifecycle stage from the list, or no override."));
  if (relationship->consent < KASSA_CONSENT_NOT_ASKED
      || relationship->consent > KASSA_CONSENT_REFUSED)
    return kassa_store_set_invalid (error, _("Choose whether the customer gave or refused marketing consent."));
  if (relationship->consent != KASSA_CONSENT_NOT_ASKED
      && !kassa_day_is_valid (relationship->consent_date))
    return kassa_store_set_invalid (error, _("Enter the date the customer gave or refused marketing consent."));
  if (relationship->consent != KASSA_CONSENT_NOT_ASKED && relationship->consent_date > today)
    return kassa_store_set_invalid (error, _("The consent date cannot be in the future. Enter the day the customer answered."));
  if (!text_fits (relationship->account_owner, TEXT_MAX_CHARS))
    return kassa_store_set_invalid (error, _("The account owner is too long (at most 200 characters)."));
  if (!text_fits (relationship->consent_source, TEXT_MAX_CHARS))
    return kassa_store_set_invalid (error, _("The consent source is too long (at most 200 characters)."));

  return TRUE;
}

static gboolean
write_relationship (KassaStore                      *self,
                    const KassaCustomerRelationship *relationship,
                    GError                         **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autofree char *owner = g_strdup (relationship->account_owner);
  g_autofree char *source = g_strdup (relationship->consent_source);

  kassa_store_strip_string (owner);
  kassa_store_strip_string (source);

  stmt = kassa_store_prepare (self,
                              "INSERT INTO customer_relationship (customer_id, abc_override,"
                              " lifecycle_override, key_account, account_owner, consent,"
                              " consent_date, consent_source)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                              " ON CONFLICT (customer_id) DO UPDATE SET"
                              " abc_override = ?2, lifecycle_override = ?3, key_account = ?4,"
                              " account_owner = ?5, consent = ?6, consent_date = ?7,"
                              " consent_source = ?8",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, relationship->customer_id);
  sqlite3_bind_int (stmt, 2, relationship->abc_override);
  sqlite3_bind_int (stmt, 3, relationship->lifecycle_override);
  sqlite3_bind_int (stmt, 4, relationship->key_account ? 1 : 0);
  kassa_store_bind_text (stmt, 5, owner);
  sqlite3_bind_int (stmt, 6, relationship->consent);
  /* "Not asked" has no date, whatever the form still held. */
  sqlite3_bind_int (stmt, 7, relationship->consent == KASSA_CONSENT_NOT_ASKED
                             ? 0 : relationship->consent_date);
  kassa_store_bind_text (stmt, 8, source);
  return kassa_store_step_done (self, stmt, error);
}

/* An anonymised customer may still say no to marketing (again): only the
 * consent columns change. */
static gboolean
write_refusal_only (KassaStore                      *self,
                    const KassaCustomerRelationship *relationship,
                    GError                         **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (self,
                              "UPDATE customer_relationship SET consent = 2, consent_date = ?2,"
                              " consent_source = ?3 WHERE customer_id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, relationship->customer_id);
  sqlite3_bind_int (stmt, 2, relationship->consent_date);
  kassa_store_bind_text (stmt, 3, relationship->consent_source);
  return kassa_store_step_done (self, stmt, error);
}

static gboolean
save_relationship (KassaStore                      *self,
                   const KassaCustomerRelationship *relationship,
                   KassaDay                         today,
                   GError                         **error)
{
  KassaDay anonymised_on;
  gboolean ok;

  if (!kassa_store_check_customer_anonymised (self, relationship->customer_id, &anonymised_on,
                                              error))
    return FALSE;
  if (anonymised_on != 0 && relationship->consent != KASSA_CONSENT_REFUSED)
    return refuse_anonymised (error);
  if (!validate_relationship (relationship, today, error))
    return FALSE;

  ok = anonymised_on != 0
       ? write_refusal_only (self, relationship, error)
       : write_relationship (self, relationship, error);
  if (ok)
    kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CUSTOMERS);
  return ok;
}

gboolean
kassa_store_save_customer_relationship (KassaStore                      *self,
                                        const KassaCustomerRelationship *relationship,
                                        KassaDay                         today,
                                        GError                         **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (relationship != NULL, FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, save_relationship (self, relationship, today, error),
                                      error);
}

GHashTable *
kassa_store_list_customer_relationships (KassaStore  *self,
                                         GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GHashTable) table = NULL;
  int rc;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  stmt = kassa_store_prepare (self, "SELECT " RELATIONSHIP_COLUMNS " FROM customer_relationship",
                              error);
  if (stmt == NULL)
    return NULL;

  /* The key points into the value, so only the value needs freeing. */
  table = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                 (GDestroyNotify) kassa_customer_relationship_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KassaCustomerRelationship *relationship = relationship_from_row (stmt);

      g_hash_table_replace (table, &relationship->customer_id, relationship);
    }

  if (rc != SQLITE_DONE)
    {
      kassa_store_set_error_from_sqlite (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&table);
}

/* Campaigns */

static gboolean
validate_campaign (const KassaCampaign  *campaign,
                   GError              **error)
{
  if (!kassa_store_validate_name (campaign->name, _("Enter the campaign’s name."), error))
    return FALSE;
  if (campaign->channel < KASSA_CAMPAIGN_EMAIL || campaign->channel >= KASSA_N_CAMPAIGN_CHANNELS)
    return kassa_store_set_invalid (error, _("Choose the campaign’s channel from the list."));
  if (!kassa_day_is_valid (campaign->start_date) || !kassa_day_is_valid (campaign->end_date))
    return kassa_store_set_invalid (error, _("Enter the campaign’s start and end dates."));
  if (campaign->end_date < campaign->start_date)
    return kassa_store_set_invalid (error, _("The campaign cannot end before it starts. Check the dates."));
  if (campaign->cost < 0)
    return kassa_store_set_invalid (error, _("The campaign cost cannot be negative."));
  if (campaign->cost > CAMPAIGN_COST_MAX)
    return kassa_store_set_invalid (error, _("The campaign cost is too large."));
  if (!text_fits (campaign->target_segment, TEXT_MAX_CHARS))
    return kassa_store_set_invalid (error, _("The target segment is not valid. Choose a segment from the list."));
  if (!text_fits (campaign->notes, CAMPAIGN_NOTES_MAX_CHARS))
    return kassa_store_set_invalid (error, _("The notes are too long (at most 10,000 characters)."));

  return TRUE;
}

static gboolean
write_campaign (KassaStore     *self,
                KassaCampaign  *campaign,
                gint64         *id,
                GError        **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  if (campaign->id == 0)
    stmt = kassa_store_prepare (self,
                                "INSERT INTO campaigns (name, channel, start_date, end_date, cost,"
                                " target_segment, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                error);
  else
    stmt = kassa_store_prepare (self,
                                "UPDATE campaigns SET name = ?1, channel = ?2, start_date = ?3,"
                                " end_date = ?4, cost = ?5, target_segment = ?6, notes = ?7"
                                " WHERE id = ?8",
                                error);
  if (stmt == NULL)
    return FALSE;

  kassa_store_bind_text (stmt, 1, campaign->name);
  sqlite3_bind_int (stmt, 2, campaign->channel);
  sqlite3_bind_int (stmt, 3, campaign->start_date);
  sqlite3_bind_int (stmt, 4, campaign->end_date);
  sqlite3_bind_int64 (stmt, 5, campaign->cost);
  kassa_store_bind_text (stmt, 6, campaign->target_segment);
  kassa_store_bind_text (stmt, 7, campaign->notes);
  if (campaign->id != 0)
    sqlite3_bind_int64 (stmt, 8, campaign->id);

  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;
  if (campaign->id != 0 && sqlite3_changes (kassa_store_get_db (self)) == 0)
    return kassa_store_set_not_found (error, _("The campaign no longer exists."));

  *id = campaign->id != 0 ? campaign->id : sqlite3_last_insert_rowid (kassa_store_get_db (self));
  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CUSTOMERS);
  return TRUE;
}

gboolean
kassa_store_save_campaign (KassaStore     *self,
                           KassaCampaign  *campaign,
                           GError        **error)
{
  gboolean inserting;
  gint64 id = 0;

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (campaign != NULL, FALSE);

  kassa_store_strip_string (campaign->name);
  if (!validate_campaign (campaign, error))
    return FALSE;

  inserting = campaign->id == 0;
  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  if (!kassa_store_transaction_end (self, write_campaign (self, campaign, &id, error), error))
    return FALSE;

  if (inserting)
    campaign->id = id;
  return TRUE;
}

#define CAMPAIGN_COLUMNS "id, name, channel, start_date, end_date, cost, target_segment, notes"

static KassaCampaign *
campaign_from_row (sqlite3_stmt *stmt)
{
  KassaCampaign *campaign = g_new0 (KassaCampaign, 1);

  campaign->id = sqlite3_column_int64 (stmt, 0);
  campaign->name = kassa_store_column_dup (stmt, 1);
  campaign->channel = sqlite3_column_int (stmt, 2);
  campaign->start_date = sqlite3_column_int (stmt, 3);
  campaign->end_date = sqlite3_column_int (stmt, 4);
  campaign->cost = sqlite3_column_int64 (stmt, 5);
  campaign->target_segment = kassa_store_column_dup (stmt, 6);
  campaign->notes = kassa_store_column_dup (stmt, 7);
  return campaign;
}

KassaCampaign *
kassa_store_get_campaign (KassaStore  *self,
                          gint64       id,
                          GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  stmt = kassa_store_prepare (self, "SELECT " CAMPAIGN_COLUMNS " FROM campaigns WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return NULL;
  if (!found)
    {
      kassa_store_set_not_found (error, _("The campaign no longer exists."));
      return NULL;
    }

  return campaign_from_row (stmt);
}

GPtrArray *
kassa_store_list_campaigns (KassaStore  *self,
                            GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  stmt = kassa_store_prepare (self,
                              "SELECT " CAMPAIGN_COLUMNS " FROM campaigns"
                              " ORDER BY start_date DESC, id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  return kassa_store_collect_records (self, stmt, (KassaStoreRowReader) campaign_from_row,
                                      (GDestroyNotify) kassa_campaign_free, error);
}

static gboolean
run_with_id (KassaStore  *self,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = kassa_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return kassa_store_step_done (self, stmt, error);
}

static gboolean
remove_campaign (KassaStore  *self,
                 gint64       id,
                 GError     **error)
{
  if (!run_with_id (self, "UPDATE invoices SET campaign_id = NULL WHERE campaign_id = ?1", id,
                    error)
      || !run_with_id (self, "DELETE FROM campaign_customers WHERE campaign_id = ?1", id, error)
      || !run_with_id (self, "DELETE FROM campaigns WHERE id = ?1", id, error))
    return FALSE;
  if (sqlite3_changes (kassa_store_get_db (self)) == 0)
    return kassa_store_set_not_found (error, _("The campaign no longer exists."));

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CUSTOMERS | KASSA_STORE_CHANGE_INVOICES);
  return TRUE;
}

gboolean
kassa_store_delete_campaign (KassaStore  *self,
                             gint64       id,
                             GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, remove_campaign (self, id, error), error);
}

static gboolean
check_campaign_exists (KassaStore  *self,
                       gint64       campaign_id,
                       GError     **error)
{
  gboolean exists;

  if (!kassa_store_query_exists (self, "SELECT 1 FROM campaigns WHERE id = ?2", NULL, campaign_id,
                                 &exists, error))
    return FALSE;

  return exists || kassa_store_set_not_found (error, _("The campaign no longer exists."));
}

/* A campaign may reach a customer unless they said no to marketing or
 * were anonymised: the refusal names them, so the user can take them off
 * the list. */
static gboolean
check_reachable (KassaStore  *self,
                 gint64       customer_id,
                 GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self,
                              "SELECT c.number, c.name, COALESCE (r.consent, 0),"
                              " COALESCE (r.anonymised_on, 0)"
                              " FROM customers c LEFT JOIN customer_relationship r"
                              " ON r.customer_id = c.id WHERE c.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;
  if (!found)
    return kassa_store_set_not_found (error, _("The customer no longer exists."));
  if (sqlite3_column_int (stmt, 3) != 0)
    return kassa_store_set_invalid (error, _("An anonymised customer cannot be added to a campaign. Remove them from the list."));
  if (sqlite3_column_int (stmt, 2) == KASSA_CONSENT_REFUSED)
    {
      /* Translators: %s is a customer's number, %s the customer's name. */
      g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID,
                   _("Customer %s (%s) refused marketing. Remove them from the campaign’s list."),
                   (const char *) sqlite3_column_text (stmt, 0),
                   (const char *) sqlite3_column_text (stmt, 1));
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_campaign_customer (KassaStore  *self,
                          gint64       campaign_id,
                          gint64       customer_id,
                          KassaDay     reached_on,
                          GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  /* OR IGNORE: a customer reached before keeps the first date. */
  stmt = kassa_store_prepare (self,
                              "INSERT OR IGNORE INTO campaign_customers (campaign_id, customer_id,"
                              " reached_on) VALUES (?1, ?2, ?3)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, customer_id);
  sqlite3_bind_int (stmt, 3, reached_on);
  return kassa_store_step_done (self, stmt, error);
}

typedef struct
{
  gint64        campaign_id;
  const gint64 *customer_ids;
  guint         n_customer_ids;
  KassaDay      reached_on;
} CampaignReach;

static gboolean
add_reach (KassaStore           *self,
           const CampaignReach  *reach,
           GError              **error)
{
  if (!kassa_day_is_valid (reach->reached_on))
    return kassa_store_set_invalid (error, _("Enter the day the campaign reached the customers."));
  if (!check_campaign_exists (self, reach->campaign_id, error))
    return FALSE;

  for (guint i = 0; i < reach->n_customer_ids; i++)
    if (!check_reachable (self, reach->customer_ids[i], error))
      return FALSE;

  for (guint i = 0; i < reach->n_customer_ids; i++)
    if (!insert_campaign_customer (self, reach->campaign_id, reach->customer_ids[i],
                                   reach->reached_on, error))
      return FALSE;

  if (reach->n_customer_ids > 0)
    kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CUSTOMERS);
  return TRUE;
}

gboolean
kassa_store_add_campaign_customers (KassaStore    *self,
                                    gint64         campaign_id,
                                    const gint64  *customer_ids,
                                    guint          n_customer_ids,
                                    KassaDay       reached_on,
                                    GError       **error)
{
  CampaignReach reach = { campaign_id, customer_ids, n_customer_ids, reached_on };

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (customer_ids != NULL || n_customer_ids == 0, FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, add_reach (self, &reach, error), error);
}

static gboolean
remove_reach (KassaStore  *self,
              gint64       campaign_id,
              gint64       customer_id,
              GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (self,
                              "DELETE FROM campaign_customers WHERE campaign_id = ?1"
                              " AND customer_id = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, customer_id);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (kassa_store_get_db (self)) == 0)
    return kassa_store_set_not_found (error, _("The customer is no longer on the campaign’s list."));

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CUSTOMERS);
  return TRUE;
}

gboolean
kassa_store_remove_campaign_customer (KassaStore  *self,
                                      gint64       campaign_id,
                                      gint64       customer_id,
                                      GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, remove_reach (self, campaign_id, customer_id, error),
                                      error);
}

GArray *
kassa_store_list_campaign_customers (KassaStore  *self,
                                     gint64       campaign_id,
                                     GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  int rc;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  stmt = kassa_store_prepare (self,
                              "SELECT customer_id FROM campaign_customers WHERE campaign_id = ?1"
                              " ORDER BY customer_id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      kassa_store_set_error_from_sqlite (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Invoice attribution */

static gboolean
check_attributable_invoice (KassaStore  *self,
                            gint64       invoice_id,
                            GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self, "SELECT state FROM invoices WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;
  if (!found)
    return kassa_store_set_not_found (error, _("The invoice no longer exists."));
  if (sqlite3_column_int (stmt, 0) == KASSA_INVOICE_STATE_DRAFT)
    return kassa_store_set_invalid (error, _("The invoice is a draft. Send it before attributing it to a campaign."));

  return TRUE;
}

static gboolean
write_invoice_campaign (KassaStore  *self,
                        gint64       invoice_id,
                        gint64       campaign_id,
                        GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  if (!check_attributable_invoice (self, invoice_id, error))
    return FALSE;
  if (campaign_id != 0 && !check_campaign_exists (self, campaign_id, error))
    return FALSE;

  stmt = kassa_store_prepare (self, "UPDATE invoices SET campaign_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  if (campaign_id != 0)
    sqlite3_bind_int64 (stmt, 2, campaign_id);
  else
    sqlite3_bind_null (stmt, 2);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CUSTOMERS | KASSA_STORE_CHANGE_INVOICES);
  return TRUE;
}

gboolean
kassa_store_set_invoice_campaign (KassaStore  *self,
                                  gint64       invoice_id,
                                  gint64       campaign_id,
                                  GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self,
                                      write_invoice_campaign (self, invoice_id, campaign_id, error),
                                      error);
}

gint64
kassa_store_get_invoice_campaign (KassaStore *self,
                                  gint64      invoice_id)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (KASSA_IS_STORE (self), 0);

  stmt = kassa_store_prepare (self, "SELECT campaign_id FROM invoices WHERE id = ?1", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  if (!kassa_store_step_row (self, stmt, &found, NULL) || !found)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

/* Sent invoices only: drafts are not sales yet, a credited original's
 * sale was cancelled and a credit note is not a sale.  Each reached
 * customer's invoices are found through invoices_customer. */
static gboolean
attribute_invoices (KassaStore  *self,
                    gint64       campaign_id,
                    gint         window_days,
                    guint       *n_attributed,
                    GError     **error)
{
  g_autoptr(KassaCampaign) campaign = NULL;
  g_autoptr(KassaStoreStatement) stmt = NULL;
  guint n;

  if (window_days < 0 || window_days > ATTRIBUTION_WINDOW_MAX_DAYS)
    return kassa_store_set_invalid (error, _("The attribution window must be between 0 and 3,660 days."));

  campaign = kassa_store_get_campaign (self, campaign_id, error);
  if (campaign == NULL)
    return FALSE;

  stmt = kassa_store_prepare (self,
                              "UPDATE invoices SET campaign_id = ?1"
                              " WHERE id IN (SELECT i.id FROM campaign_customers cc"
                              "              JOIN invoices i INDEXED BY invoices_customer"
                              "                ON i.customer_id = cc.customer_id"
                              "               AND i.issue_date BETWEEN cc.reached_on AND ?2"
                              "              WHERE cc.campaign_id = ?1 AND i.state = 1"
                              "                AND i.credited_invoice_id IS NULL"
                              "                AND i.campaign_id IS NULL)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int (stmt, 2, campaign->end_date + window_days);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  n = (guint) sqlite3_changes (kassa_store_get_db (self));
  if (n > 0)
    kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CUSTOMERS | KASSA_STORE_CHANGE_INVOICES);
  if (n_attributed != NULL)
    *n_attributed = n;
  return TRUE;
}

gboolean
kassa_store_attribute_campaign_invoices (KassaStore  *self,
                                         gint64       campaign_id,
                                         gint         window_days,
                                         guint       *n_attributed,
                                         GError     **error)
{
  guint n = 0;
  gboolean ok;

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  if (n_attributed != NULL)
    *n_attributed = 0;
  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  ok = kassa_store_transaction_end (self,
                                    attribute_invoices (self, campaign_id, window_days, &n, error),
                                    error);
  if (ok && n_attributed != NULL)
    *n_attributed = n;
  return ok;
}

/* NPS */

static gboolean
validate_nps_response (const KassaNpsResponse  *response,
                       KassaDay                 today,
                       GError                 **error)
{
  if (response->score < 0 || response->score > 10)
    return kassa_store_set_invalid (error, _("The score must be a whole number from 0 to 10."));
  if (!kassa_day_is_valid (response->date))
    return kassa_store_set_invalid (error, _("Enter the date of the answer."));
  if (response->date > today)
    return kassa_store_set_invalid (error, _("The answer’s date cannot be in the future. Enter the day the customer answered."));
  if (!text_fits (response->comment, NPS_COMMENT_MAX_CHARS))
    return kassa_store_set_invalid (error, _("The comment is too long (at most 2,000 characters)."));

  return TRUE;
}

static gboolean
insert_nps_response (KassaStore        *self,
                     KassaNpsResponse  *response,
                     KassaDay           today,
                     GError           **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  KassaDay anonymised_on;

  if (!kassa_store_check_customer_anonymised (self, response->customer_id, &anonymised_on, error))
    return FALSE;
  if (anonymised_on != 0)
    return refuse_anonymised (error);
  if (!validate_nps_response (response, today, error))
    return FALSE;

  stmt = kassa_store_prepare (self,
                              "INSERT INTO nps_responses (customer_id, date, score, comment)"
                              " VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, response->customer_id);
  sqlite3_bind_int (stmt, 2, response->date);
  sqlite3_bind_int (stmt, 3, response->score);
  kassa_store_bind_text (stmt, 4, response->comment);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  response->id = sqlite3_last_insert_rowid (kassa_store_get_db (self));
  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CUSTOMERS);
  return TRUE;
}

gboolean
kassa_store_add_nps_response (KassaStore        *self,
                              KassaNpsResponse  *response,
                              KassaDay           today,
                              GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (response != NULL, FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  ok = insert_nps_response (self, response, today, error);
  if (!ok)
    response->id = 0;
  ok = kassa_store_transaction_end (self, ok, error);
  if (!ok)
    response->id = 0;
  return ok;
}

gboolean
kassa_store_delete_nps_response (KassaStore  *self,
                                 gint64       id,
                                 GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  return kassa_store_delete_by_id (self, "DELETE FROM nps_responses WHERE id = ?1", id,
                                   _("The answer no longer exists."),
                                   KASSA_STORE_CHANGE_CUSTOMERS, error);
}

static KassaNpsResponse *
nps_response_from_row (sqlite3_stmt *stmt)
{
  KassaNpsResponse *response = g_new0 (KassaNpsResponse, 1);

  response->id = sqlite3_column_int64 (stmt, 0);
  response->customer_id = sqlite3_column_int64 (stmt, 1);
  response->date = sqlite3_column_int (stmt, 2);
  response->score = sqlite3_column_int (stmt, 3);
  response->comment = kassa_store_column_dup (stmt, 4);
  return response;
}

GPtrArray *
kassa_store_list_nps_responses (KassaStore  *self,
                                gint64       customer_id,
                                KassaDay     from,
                                KassaDay     to,
                                GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  if (customer_id != 0)
    stmt = kassa_store_prepare (self,
                                "SELECT id, customer_id, date, score, comment FROM nps_responses"
                                " WHERE customer_id = ?1 AND (?2 = 0 OR date >= ?2)"
                                " AND (?3 = 0 OR date <= ?3) ORDER BY date DESC, id DESC",
                                error);
  else
    stmt = kassa_store_prepare (self,
                                "SELECT id, customer_id, date, score, comment FROM nps_responses"
                                " WHERE date BETWEEN ?2 AND (CASE WHEN ?3 = 0 THEN 2147483647"
                                " ELSE ?3 END) ORDER BY date, id",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, from);
  sqlite3_bind_int (stmt, 3, to);
  return kassa_store_collect_records (self, stmt, (KassaStoreRowReader) nps_response_from_row,
                                      (GDestroyNotify) kassa_nps_response_free, error);
}

/* Personal data export.  JSON written by hand (json-glib is not a
 * dependency): strings escaped per RFC 8259, UTF-8 kept as it is, amounts
 * as decimal strings made from the integers so no value passes through a
 * double.  Enumerations are written as stable English keys, so that the
 * file means the same whatever language Kassa ran in. */

typedef struct
{
  GString *out;
  guint    depth;
  gboolean first;   /* no member written yet at this depth */
} JsonWriter;

static void
json_append_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"')
        g_string_append (out, "\\\"");
      else if (c == '\\')
        g_string_append (out, "\\\\");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
json_newline (JsonWriter *writer)
{
  g_string_append_c (writer->out, '\n');
  for (guint i = 0; i < writer->depth; i++)
    g_string_append (writer->out, "  ");
}

/* Starts a member ("key": …) or, with key NULL, an array element. */
static void
json_next (JsonWriter *writer,
           const char *key)
{
  if (!writer->first)
    g_string_append_c (writer->out, ',');
  writer->first = FALSE;
  json_newline (writer);
  if (key != NULL)
    {
      json_append_string (writer->out, key);
      g_string_append (writer->out, ": ");
    }
}

static void
json_open (JsonWriter *writer,
           const char *key,
           char        bracket)
{
  json_next (writer, key);
  g_string_append_c (writer->out, bracket);
  writer->depth++;
  writer->first = TRUE;
}

static void
json_close (JsonWriter *writer,
            char        bracket)
{
  gboolean empty = writer->first;

  writer->depth--;
  if (!empty)
    json_newline (writer);
  g_string_append_c (writer->out, bracket);
  writer->first = FALSE;
}

static void
json_string (JsonWriter *writer,
             const char *key,
             const char *value)
{
  json_next (writer, key);
  json_append_string (writer->out, value);
}

static void
json_int (JsonWriter *writer,
          const char *key,
          gint64      value)
{
  json_next (writer, key);
  g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

static void
json_bool (JsonWriter *writer,
           const char *key,
           gboolean    value)
{
  json_next (writer, key);
  g_string_append (writer->out, value ? "true" : "false");
}

static void
json_null (JsonWriter *writer,
           const char *key)
{
  json_next (writer, key);
  g_string_append (writer->out, "null");
}

/* ISO date, or null for "no date" (0). */
static void
json_day (JsonWriter *writer,
          const char *key,
          KassaDay    day)
{
  g_autofree char *iso = NULL;

  if (day == 0 || !kassa_day_is_valid (day))
    {
      json_null (writer, key);
      return;
    }

  iso = kassa_day_format_iso (day);
  json_string (writer, key, iso);
}

/* "-1234.50" from minor units and the currency's number of decimals. */
static char *
decimal_amount (gint64      minor,
                const char *currency)
{
  int exponent = kassa_currency_exponent (currency);
  guint64 magnitude = minor < 0 ? (guint64) -(minor + 1) + 1 : (guint64) minor;
  guint64 scale = 1;

  for (int i = 0; i < exponent; i++)
    scale *= 10;

  if (exponent == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, minor < 0 ? "-" : "", magnitude);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT, minor < 0 ? "-" : "",
                          magnitude / scale, exponent, magnitude % scale);
}

static void
json_amount (JsonWriter *writer,
             const char *key,
             gint64      minor,
             const char *currency)
{
  g_autofree char *text = decimal_amount (minor, currency);

  json_string (writer, key, text);
}

static const char *
customer_kind_key (int kind)
{
  return kind == KASSA_CUSTOMER_CONSUMER ? "consumer" : "business";
}

static const char *
delivery_key (int delivery)
{
  switch (delivery)
    {
    case KASSA_DELIVERY_EINVOICE: return "e-invoice";
    case KASSA_DELIVERY_PAPER:    return "paper";
    case KASSA_DELIVERY_EMAIL:
    default:                      return "email";
    }
}

static const char *
consent_key (int consent)
{
  switch (consent)
    {
    case KASSA_CONSENT_GIVEN:   return "given";
    case KASSA_CONSENT_REFUSED: return "refused";
    default:                    return "not-asked";
    }
}

static const char *
channel_key (int channel)
{
  static const char *keys[KASSA_N_CAMPAIGN_CHANNELS] = {
    "email", "social-media", "search-ads", "events", "print", "other",
  };

  return channel >= 0 && channel < KASSA_N_CAMPAIGN_CHANNELS ? keys[channel] : "other";
}

static const char *
collection_kind_key (int kind)
{
  static const char *steps[] = {
    "note", "phone-call", "email", "promise-to-pay", "dispute-opened", "dispute-resolved",
  };
  static const char *dunning[] = {
    "reminder-1", "reminder-2", "payment-demand", "lawyer-letter", "collection-agency",
    "legal-action",
  };

  if (kind >= 0 && kind < (int) G_N_ELEMENTS (steps))
    return steps[kind];
  if (kind >= 10 && kind < 10 + (int) G_N_ELEMENTS (dunning))
    return dunning[kind - 10];
  return "other";
}

static const char *
invoice_state_key (int state)
{
  switch (state)
    {
    case KASSA_INVOICE_STATE_SENT:     return "sent";
    case KASSA_INVOICE_STATE_CREDITED: return "credited";
    case KASSA_INVOICE_STATE_DRAFT:
    default:                           return "draft";
    }
}

static void
export_customer (JsonWriter                *writer,
                 const KassaCustomerRecord *customer,
                 const char                *currency)
{
  json_open (writer, "customer", '{');
  json_string (writer, "number", customer->number);
  json_string (writer, "name", customer->name);
  json_string (writer, "kind", customer_kind_key (customer->kind));
  json_string (writer, "business_id", customer->business_id);
  json_string (writer, "vat_id", customer->vat_id);
  json_string (writer, "contact_person", customer->contact_person);
  json_string (writer, "email", customer->email);
  json_string (writer, "phone", customer->phone);
  json_string (writer, "address", customer->address);
  json_string (writer, "country", customer->country);
  json_string (writer, "document_language", customer->document_language);
  json_int (writer, "payment_terms_days", customer->payment_terms_days);
  json_amount (writer, "credit_limit", customer->credit_limit, currency);
  json_string (writer, "currency", currency);
  json_string (writer, "delivery", delivery_key (customer->delivery));
  json_string (writer, "einvoice_address", customer->einvoice_address);
  json_string (writer, "notes", customer->notes);
  json_bool (writer, "archived", customer->archived);
  json_close (writer, '}');
}

static void
export_relationship (JsonWriter                      *writer,
                     const KassaCustomerRelationship *relationship)
{
  static const char *abc_keys[] = { NULL, "A", "B", "C" };
  static const char *stage_keys[KASSA_N_LIFECYCLE_STAGES] = {
    "prospect", "new", "active", "key-account", "dormant", "lost",
  };
  int stage = relationship->lifecycle_override;
  int abc = relationship->abc_override;

  json_open (writer, "relationship", '{');
  if (abc > 0 && abc <= 3)
    json_string (writer, "abc_class_override", abc_keys[abc]);
  else
    json_null (writer, "abc_class_override");
  if (stage >= 0 && stage < KASSA_N_LIFECYCLE_STAGES)
    json_string (writer, "lifecycle_stage_override", stage_keys[stage]);
  else
    json_null (writer, "lifecycle_stage_override");
  json_bool (writer, "key_account", relationship->key_account);
  json_string (writer, "account_owner", relationship->account_owner);
  json_string (writer, "marketing_consent", consent_key (relationship->consent));
  json_day (writer, "consent_date", relationship->consent_date);
  json_string (writer, "consent_source", relationship->consent_source);
  json_day (writer, "anonymised_on", relationship->anonymised_on);
  json_close (writer, '}');
}

static gboolean
export_nps (KassaStore  *self,
            JsonWriter  *writer,
            gint64       customer_id,
            GError     **error)
{
  g_autoptr(GPtrArray) responses = kassa_store_list_nps_responses (self, customer_id, 0, 0, error);

  if (responses == NULL)
    return FALSE;

  json_open (writer, "nps_responses", '[');
  for (guint i = 0; i < responses->len; i++)
    {
      const KassaNpsResponse *response = g_ptr_array_index (responses, i);

      json_open (writer, NULL, '{');
      json_day (writer, "date", response->date);
      json_int (writer, "score", response->score);
      json_string (writer, "comment", response->comment);
      json_close (writer, '}');
    }
  json_close (writer, ']');
  return TRUE;
}

static void
export_timeline_row (JsonWriter   *writer,
                     sqlite3_stmt *stmt,
                     const char   *currency)
{
  json_open (writer, NULL, '{');
  json_day (writer, "date", sqlite3_column_int (stmt, 0));
  json_string (writer, "kind", collection_kind_key (sqlite3_column_int (stmt, 1)));
  if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
    json_null (writer, "invoice_number");
  else
    json_int (writer, "invoice_number", sqlite3_column_int64 (stmt, 2));
  json_amount (writer, "fee", sqlite3_column_int64 (stmt, 3), currency);
  json_amount (writer, "interest", sqlite3_column_int64 (stmt, 4), currency);
  json_day (writer, "due_by", sqlite3_column_int (stmt, 5));
  json_string (writer, "author", (const char *) sqlite3_column_text (stmt, 6));
  json_string (writer, "note", (const char *) sqlite3_column_text (stmt, 7));
  json_close (writer, '}');
}

static gboolean
finish_rows (KassaStore  *self,
             int          rc,
             GError     **error)
{
  return rc == SQLITE_DONE || kassa_store_set_error_from_sqlite (self, rc, error);
}

static gboolean
export_timeline (KassaStore  *self,
                 JsonWriter  *writer,
                 gint64       customer_id,
                 const char  *currency,
                 GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (self,
                              "SELECT e.date, e.kind, i.number, e.fee, e.interest,"
                              " COALESCE (e.due_by, 0), e.author, e.note"
                              " FROM collection_events e"
                              " LEFT JOIN invoices i ON i.id = e.invoice_id"
                              " WHERE e.customer_id = ?1 ORDER BY e.date, e.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  json_open (writer, "timeline", '[');
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    export_timeline_row (writer, stmt, currency);
  json_close (writer, ']');
  return finish_rows (self, rc, error);
}

static gboolean
export_campaigns (KassaStore  *self,
                  JsonWriter  *writer,
                  gint64       customer_id,
                  GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (self,
                              "SELECT c.name, c.channel, c.start_date, c.end_date, cc.reached_on"
                              " FROM campaign_customers cc"
                              " JOIN campaigns c ON c.id = cc.campaign_id"
                              " WHERE cc.customer_id = ?1 ORDER BY cc.reached_on, c.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  json_open (writer, "campaigns", '[');
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_open (writer, NULL, '{');
      json_string (writer, "name", (const char *) sqlite3_column_text (stmt, 0));
      json_string (writer, "channel", channel_key (sqlite3_column_int (stmt, 1)));
      json_day (writer, "start_date", sqlite3_column_int (stmt, 2));
      json_day (writer, "end_date", sqlite3_column_int (stmt, 3));
      json_day (writer, "reached_on", sqlite3_column_int (stmt, 4));
      json_close (writer, '}');
    }
  json_close (writer, ']');
  return finish_rows (self, rc, error);
}

static void
export_invoice_row (JsonWriter   *writer,
                    sqlite3_stmt *stmt)
{
  const char *currency = (const char *) sqlite3_column_text (stmt, 3);

  json_open (writer, NULL, '{');
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    json_null (writer, "number");
  else
    json_int (writer, "number", sqlite3_column_int64 (stmt, 0));
  json_string (writer, "state", invoice_state_key (sqlite3_column_int (stmt, 6)));
  json_day (writer, "issue_date", sqlite3_column_int (stmt, 1));
  json_day (writer, "due_date", sqlite3_column_int (stmt, 2));
  json_amount (writer, "total", sqlite3_column_int64 (stmt, 4), currency);
  json_string (writer, "currency", currency);
  json_amount (writer, "paid", sqlite3_column_int64 (stmt, 5), currency);
  json_close (writer, '}');
}

static gboolean
export_invoices (KassaStore  *self,
                 JsonWriter  *writer,
                 gint64       customer_id,
                 GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (self,
                              "SELECT number, issue_date, due_date, currency, total, paid, state"
                              " FROM invoices WHERE customer_id = ?1 ORDER BY issue_date, id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  json_open (writer, "invoices", '[');
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    export_invoice_row (writer, stmt);
  json_close (writer, ']');
  return finish_rows (self, rc, error);
}

static void
export_payment_row (JsonWriter   *writer,
                    sqlite3_stmt *stmt)
{
  const char *currency = (const char *) sqlite3_column_text (stmt, 3);

  json_open (writer, NULL, '{');
  json_int (writer, "invoice_number", sqlite3_column_int64 (stmt, 0));
  json_day (writer, "date", sqlite3_column_int (stmt, 1));
  json_amount (writer, "amount", sqlite3_column_int64 (stmt, 2), currency);
  json_string (writer, "currency", currency);
  json_string (writer, "method", (const char *) sqlite3_column_text (stmt, 4));
  json_string (writer, "note", (const char *) sqlite3_column_text (stmt, 5));
  json_close (writer, '}');
}

static gboolean
export_payments (KassaStore  *self,
                 JsonWriter  *writer,
                 gint64       customer_id,
                 GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (self,
                              "SELECT i.number, p.date, p.amount, i.currency, p.method, p.note"
                              " FROM invoices i JOIN payments p ON p.invoice_id = i.id"
                              " WHERE i.customer_id = ?1 ORDER BY p.date, p.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  json_open (writer, "payments", '[');
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    export_payment_row (writer, stmt);
  json_close (writer, ']');
  return finish_rows (self, rc, error);
}

static const char *
company_currency (KassaStore *self,
                  char        currency[4])
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (self);

  g_strlcpy (currency, company != NULL ? company->currency : "EUR", 4);
  return currency;
}

char *
kassa_store_export_personal_data (KassaStore  *self,
                                  gint64       customer_id,
                                  GError     **error)
{
  g_autoptr(KassaCustomerRecord) customer = NULL;
  g_autoptr(KassaCustomerRelationship) relationship = NULL;
  g_autoptr(GString) out = g_string_new ("{");
  JsonWriter writer = { out, 1, TRUE };
  char currency[4];

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  customer = kassa_store_get_customer (self, customer_id, error);
  if (customer == NULL)
    return NULL;
  relationship = kassa_store_get_customer_relationship (self, customer_id, error);
  if (relationship == NULL)
    return NULL;

  company_currency (self, currency);
  json_string (&writer, "format", "kassa-personal-data-1");
  export_customer (&writer, customer, currency);
  export_relationship (&writer, relationship);
  if (!export_nps (self, &writer, customer_id, error)
      || !export_timeline (self, &writer, customer_id, currency, error)
      || !export_campaigns (self, &writer, customer_id, error)
      || !export_invoices (self, &writer, customer_id, error)
      || !export_payments (self, &writer, customer_id, error))
    return NULL;

  g_string_append (out, "\n}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Anonymisation */

static gboolean
anonymise_customer_row (KassaStore  *self,
                        gint64       customer_id,
                        GError     **error)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_store_get_customer (self, customer_id, error);
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autofree char *name = NULL;

  if (customer == NULL)
    return FALSE;

  /* Translators: the name left on the books of a customer who asked to be
   * forgotten; %s is the customer number. */
  name = g_strdup_printf (_("Anonymised customer %s"), customer->number);

  /* The customers_fts update trigger replaces the indexed name, email and
   * contact person too, so search no longer finds the old values. */
  stmt = kassa_store_prepare (self,
                              "UPDATE customers SET name = ?2, contact_person = '', email = '',"
                              " phone = '', address = '', business_id = '', vat_id = '',"
                              " einvoice_address = '', notes = '', archived = 1 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  return kassa_store_step_done (self, stmt, error);
}

static gboolean
mark_anonymised (KassaStore  *self,
                 gint64       customer_id,
                 KassaDay     today,
                 GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (self,
                              "INSERT INTO customer_relationship (customer_id, consent,"
                              " consent_date, anonymised_on) VALUES (?1, 2, ?2, ?2)"
                              " ON CONFLICT (customer_id) DO UPDATE SET consent = 2,"
                              " consent_date = ?2, consent_source = '', anonymised_on = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, today);
  return kassa_store_step_done (self, stmt, error);
}

static gboolean
anonymise (KassaStore  *self,
           gint64       customer_id,
           KassaDay     today,
           GError     **error)
{
  KassaDay anonymised_on;

  if (!kassa_day_is_valid (today))
    return kassa_store_set_invalid (error, _("The date of the anonymisation is not valid."));
  if (!kassa_store_check_customer_anonymised (self, customer_id, &anonymised_on, error))
    return FALSE;
  if (anonymised_on != 0)
    return kassa_store_set_invalid (error, _("This customer was already anonymised."));

  if (!anonymise_customer_row (self, customer_id, error)
      || !run_with_id (self, "UPDATE nps_responses SET comment = '' WHERE customer_id = ?1",
                       customer_id, error)
      || !run_with_id (self, "UPDATE collection_events SET note = '', author = ''"
                       " WHERE customer_id = ?1", customer_id, error)
      || !run_with_id (self, "DELETE FROM campaign_customers WHERE customer_id = ?1",
                       customer_id, error)
      || !mark_anonymised (self, customer_id, today, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CUSTOMERS | KASSA_STORE_CHANGE_INVOICES
                            | KASSA_STORE_CHANGE_COLLECTIONS);
  return TRUE;
}

gboolean
kassa_store_anonymise_customer (KassaStore  *self,
                                gint64       customer_id,
                                KassaDay     today,
                                GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, anonymise (self, customer_id, today, error), error);
}
