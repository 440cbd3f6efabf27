/* kassa-store-relationship.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KassaStore: customer relationship data (overrides, key accounts,
 * marketing consent), NPS responses, and the data-protection duties
 * (export of one customer's personal data, anonymisation). Campaigns are
 * in kassa-store-campaigns.c; kassa-store-relationship.h declares both.
 *
 * Change flags: all of this is customer data, so writes announce
 * KASSA_STORE_CHANGE_CUSTOMERS; the pages that show customer value listen
 * to it.
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-store-private.h"
#include "kassa-store-relationship.h"

#define TEXT_MAX_CHARS 200
#define NPS_COMMENT_MAX_CHARS 2000

/* Records */

G_DEFINE_BOXED_TYPE (KassaCustomerRelationship, kassa_customer_relationship,
                     kassa_customer_relationship_copy, kassa_customer_relationship_free)
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

/* Shared checks */

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
  if (!kassa_store_text_fits (relationship->account_owner, TEXT_MAX_CHARS))
    return kassa_store_set_invalid (error, _("The account owner is too long (at most 200 characters)."));
  if (!kassa_store_text_fits (relationship->consent_source, TEXT_MAX_CHARS))
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
  if (!kassa_store_text_fits (response->comment, NPS_COMMENT_MAX_CHARS))
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
