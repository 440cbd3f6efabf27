/* kassa-store-campaigns.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KassaStore: marketing campaigns, the customers they reached and the
 * invoices attributed to them (declared in kassa-store-relationship.h).
 *
 * Change flags: campaigns are customer data, so writes announce
 * KASSA_STORE_CHANGE_CUSTOMERS (and _INVOICES when invoices' campaign
 * attribution changes).
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-date.h"
#include "kassa-store-private.h"
#include "kassa-store-relationship.h"

#define TEXT_MAX_CHARS 200
#define CAMPAIGN_NOTES_MAX_CHARS 10000
#define CAMPAIGN_COST_MAX G_GINT64_CONSTANT (1000000000000)
#define ATTRIBUTION_WINDOW_MAX_DAYS 3660

/* Records */

G_DEFINE_BOXED_TYPE (KassaCampaign, kassa_campaign, kassa_campaign_copy, kassa_campaign_free)

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

/* Names */

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
  if (!kassa_store_text_fits (campaign->target_segment, TEXT_MAX_CHARS))
    return kassa_store_set_invalid (error, _("The target segment is not valid. Choose a segment from the list."));
  if (!kassa_store_text_fits (campaign->notes, CAMPAIGN_NOTES_MAX_CHARS))
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
remove_campaign (KassaStore  *self,
                 gint64       id,
                 GError     **error)
{
  if (!kassa_store_run_with_id (self, "UPDATE invoices SET campaign_id = NULL"
                                " WHERE campaign_id = ?1", id, error)
      || !kassa_store_run_with_id (self, "DELETE FROM campaign_customers WHERE campaign_id = ?1",
                                   id, error)
      || !kassa_store_run_with_id (self, "DELETE FROM campaigns WHERE id = ?1", id, error))
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

typedef struct
{
  gint64   customer_id;
  KassaDay issue_date;
} AttributableInvoice;

static gboolean
read_attributable_invoice (KassaStore           *self,
                           gint64                invoice_id,
                           AttributableInvoice  *invoice,
                           GError              **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self, "SELECT state, customer_id, issue_date FROM invoices WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;
  if (!found)
    return kassa_store_set_not_found (error, _("The invoice no longer exists."));
  if (sqlite3_column_int (stmt, 0) == KASSA_INVOICE_STATE_DRAFT)
    return kassa_store_set_invalid (error, _("The invoice is a draft. Send it before attributing it to a campaign."));

  invoice->customer_id = sqlite3_column_int64 (stmt, 1);
  invoice->issue_date = sqlite3_column_int (stmt, 2);
  return TRUE;
}

/* Whether marketing may count the customer as reached: not after they
 * refused it, nor once they were anonymised. */
static gboolean
may_record_reach (KassaStore  *self,
                  gint64       customer_id,
                  gboolean    *allowed,
                  GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self,
                              "SELECT COALESCE (r.consent, 0), COALESCE (r.anonymised_on, 0)"
                              " FROM customers c LEFT JOIN customer_relationship r"
                              " ON r.customer_id = c.id WHERE c.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;

  *allowed = found
             && sqlite3_column_int (stmt, 0) != KASSA_CONSENT_REFUSED
             && sqlite3_column_int (stmt, 1) == 0;
  return TRUE;
}

/* An invoice attributed by hand (the customer met at a trade fair) makes
 * its customer one the campaign reached, so the campaign's results count
 * them as reached and converted.  They were reached by the campaign's
 * start at the latest, or by the sale if that came earlier.  A customer who
 * refused marketing or was anonymised is not recorded as reached: the
 * purchase itself is not marketing, so the invoice is still attributed. */
static gboolean
record_reach_of_invoice (KassaStore                 *self,
                         gint64                      campaign_id,
                         const AttributableInvoice  *invoice,
                         GError                    **error)
{
  g_autoptr(KassaCampaign) campaign = NULL;
  gboolean allowed = FALSE;

  campaign = kassa_store_get_campaign (self, campaign_id, error);
  if (campaign == NULL)
    return FALSE;
  if (!may_record_reach (self, invoice->customer_id, &allowed, error))
    return FALSE;
  if (!allowed)
    return TRUE;

  return insert_campaign_customer (self, campaign_id, invoice->customer_id,
                                   MIN (campaign->start_date, invoice->issue_date), error);
}

static gboolean
write_invoice_campaign (KassaStore  *self,
                        gint64       invoice_id,
                        gint64       campaign_id,
                        GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  AttributableInvoice invoice = { 0, 0 };

  if (!read_attributable_invoice (self, invoice_id, &invoice, error))
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
  if (campaign_id != 0 && !record_reach_of_invoice (self, campaign_id, &invoice, error))
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

/* The conversion of a reached customer is their first sale from the day
 * they were reached through the window's end: that one invoice is the
 * campaign's (unless another campaign already has it).  Later invoices are
 * not: a regular customer who would have bought anyway must not make a
 * campaign look like it brought their whole year.  Sales are sent invoices
 * only: drafts are not sales yet, a credited original's sale was cancelled
 * and a credit note is not a sale.  Each reached customer's first sale is
 * one seek in invoices_customer. */
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
                              " WHERE campaign_id IS NULL AND id IN"
                              "  (SELECT (SELECT i.id FROM invoices i INDEXED BY invoices_customer"
                              "            WHERE i.customer_id = cc.customer_id"
                              "              AND i.issue_date BETWEEN cc.reached_on AND ?2"
                              "              AND i.state = 1 AND i.credited_invoice_id IS NULL"
                              "            ORDER BY i.issue_date, i.id LIMIT 1)"
                              "     FROM campaign_customers cc WHERE cc.campaign_id = ?1)",
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
