/* kassa-campaign-results.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each marketing campaign brought, and the totals per channel.
 *
 * - reached = the customers in campaign_customers for the campaign;
 * - converted = those of them with at least one invoice attributed to the
 *   campaign (invoices.campaign_id) that is a sale: sent, not credited and
 *   not a credit note (a credited sale was cancelled);
 * - invoices = the attributed invoices that are such sales;
 * - revenue = Σ total_net, margin = Σ (total_net − total_cost) of the
 *   attributed sent invoices.  A credit note counts with the campaign of
 *   the invoice it credits unless it is attributed itself, so a credited
 *   sale brings nothing.  An invoice attributed to the campaign counts to
 *   revenue and margin even when its customer is not among the reached
 *   customers (attribution was set by hand), but that customer is not
 *   converted: conversion only measures the reached customers;
 * - conversion = converted ÷ reached, ROI = (margin − cost) ÷ cost, both
 *   in basis points rounded half away from zero; no conversion (0) without
 *   reached customers, no ROI without a cost.  ROI is kept within the
 *   range of a gint (±214 748 364.7 %), far past anything meaningful.
 *
 * A channel total sums its campaigns (a customer reached by two campaigns
 * counts twice) and recomputes the rates from the sums.
 */
#define G_LOG_DOMAIN "kassa-campaign-results"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-customer-retention.h"
#include "kassa-store-sql.h"

/* Rounds numerator ÷ denominator (> 0) half away from zero and clamps it
 * into a gint. */
static gint
rate_basis_points (__int128 numerator,
                   gint64   denominator)
{
  __int128 half = denominator / 2;
  __int128 quotient;

  if (numerator >= 0)
    quotient = (numerator + half) / denominator;
  else
    quotient = -((-numerator + half) / denominator);
  return (gint) CLAMP (quotient, G_MININT, G_MAXINT);
}

static void
set_rates (KassaCampaignResult *result)
{
  result->conversion_bp = 0;
  if (result->reached > 0)
    result->conversion_bp = rate_basis_points ((__int128) result->converted * 10000,
                                               result->reached);

  result->has_roi = result->cost > 0;
  result->roi_bp = 0;
  if (result->has_roi)
    result->roi_bp = rate_basis_points (((__int128) result->margin - result->cost) * 10000,
                                        result->cost);
}

static gboolean
read_campaign (KassaStore           *store,
               gint64                campaign_id,
               KassaCampaignResult  *result,
               GError              **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (store, "SELECT channel, cost FROM campaigns WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND,
                           _("The campaign no longer exists. Reload the campaign list."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  result->campaign_id = campaign_id;
  result->channel = sqlite3_column_int (stmt, 0);
  result->cost = sqlite3_column_int64 (stmt, 1);
  result->campaigns = 1;
  return TRUE;
}

static gboolean
count_customers (KassaStore           *store,
                 KassaCampaignResult  *result,
                 GError              **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  /* The IN list is built once from invoices_campaign, then each reached
   * customer is one probe: no scan per customer. */
  stmt = kassa_store_prepare (store,
                              "SELECT COUNT (*),"
                              "       COALESCE (SUM (cc.customer_id IN"
                              "         (SELECT i.customer_id"
                              "            FROM invoices i INDEXED BY invoices_campaign"
                              "           WHERE i.campaign_id = ?1 AND i.state = 1"
                              "             AND i.credited_invoice_id IS NULL)), 0)"
                              " FROM campaign_customers cc WHERE cc.campaign_id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, result->campaign_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  result->reached = (guint) sqlite3_column_int64 (stmt, 0);
  result->converted = (guint) sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
sum_invoices (KassaStore           *store,
              KassaCampaignResult  *result,
              GError              **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (store,
                              "SELECT COALESCE (SUM (sale), 0),"
                              "       COALESCE (SUM (total_net), 0),"
                              "       COALESCE (SUM (total_net - total_cost), 0)"
                              " FROM (SELECT i.state = 1 AND i.credited_invoice_id IS NULL AS sale,"
                              "              i.total_net, i.total_cost"
                              "         FROM invoices i INDEXED BY invoices_campaign"
                              "        WHERE i.campaign_id = ?1 AND i.state <> 0"
                              "       UNION ALL"
                              "       SELECT 0, c.total_net, c.total_cost"
                              "         FROM invoices o INDEXED BY invoices_campaign"
                              "         JOIN invoices c INDEXED BY invoices_credited"
                              "           ON c.credited_invoice_id = o.id"
                              "        WHERE o.campaign_id = ?1 AND c.campaign_id IS NULL"
                              "          AND c.state <> 0)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, result->campaign_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  result->invoices = (guint) sqlite3_column_int64 (stmt, 0);
  result->revenue = sqlite3_column_int64 (stmt, 1);
  result->margin = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/**
 * kassa_campaign_result_compute:
 * @store: the company
 * @campaign_id: the campaign
 * @result: (out caller-allocates): what it brought
 * @error: KASSA_STORE_ERROR_NOT_FOUND when there is no such campaign, or
 *   another store error
 *
 * See the rules at the top of this file.
 *
 * Returns: FALSE with @error set on failure
 */
gboolean
kassa_campaign_result_compute (KassaStore           *store,
                               gint64                campaign_id,
                               KassaCampaignResult  *result,
                               GError              **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (!read_campaign (store, campaign_id, result, error) ||
      !count_customers (store, result, error) ||
      !sum_invoices (store, result, error))
    return FALSE;

  set_rates (result);
  return TRUE;
}

static void
add_to_channel (KassaCampaignResult       *total,
                const KassaCampaignResult *campaign)
{
  total->channel = campaign->channel;
  total->campaigns++;
  total->cost += campaign->cost;
  total->reached += campaign->reached;
  total->converted += campaign->converted;
  total->invoices += campaign->invoices;
  total->revenue += campaign->revenue;
  total->margin += campaign->margin;
}

/* (transfer full) of gint64: every campaign id, by channel. */
static GArray *
list_campaign_ids (KassaStore  *store,
                   GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = kassa_store_prepare (store, "SELECT id FROM campaigns ORDER BY channel, id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      kassa_store_set_error_from_sqlite (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * kassa_campaign_results_by_channel:
 * @store: the company
 * @error: a store error
 *
 * Returns: (transfer full) (nullable): a #GArray of #KassaCampaignResult,
 *   one per channel with campaigns, in channel order, campaign_id 0
 */
GArray *
kassa_campaign_results_by_channel (KassaStore  *store,
                                   GError     **error)
{
  KassaCampaignResult totals[KASSA_N_CAMPAIGN_CHANNELS] = { 0 };
  g_autoptr(GArray) ids = NULL;
  GArray *results;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ids = list_campaign_ids (store, error);
  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      KassaCampaignResult campaign;

      if (!kassa_campaign_result_compute (store, g_array_index (ids, gint64, i), &campaign, error))
        return NULL;
      /* The schema keeps channels in range (CHECK). */
      add_to_channel (&totals[campaign.channel], &campaign);
    }

  results = g_array_new (FALSE, FALSE, sizeof (KassaCampaignResult));
  for (guint channel = 0; channel < KASSA_N_CAMPAIGN_CHANNELS; channel++)
    {
      if (totals[channel].campaigns == 0)
        continue;
      set_rates (&totals[channel]);
      g_array_append_val (results, totals[channel]);
    }
  return results;
}
