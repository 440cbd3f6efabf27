/* kassa-customer-retention.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Retention and churn per calendar year, a simple customer lifetime value,
 * the company NPS over time, and what each marketing campaign brought.
 */
#pragma once

#include "kassa-store.h"
#include "kassa-store-relationship.h"

G_BEGIN_DECLS

/* A customer is active in a year when they have a sent invoice (not a
 * credit note) issued in it; new in a year when their first such invoice
 * ever is in it.  For year Y:
 *   start    = active in Y − 1
 *   end      = active in Y
 *   new      = new in Y
 *   retention = (end − new) ÷ start, churn = 1 − retention (basis points,
 *   rounded half away from zero; both 0 and has_rate FALSE when start = 0). */
typedef struct
{
  gint      year;
  guint     customers_start;
  guint     customers_end;
  guint     customers_new;
  gboolean  has_rate;
  gint      retention_bp;
  gint      churn_bp;
} KassaRetentionYear;

/* Simple CLV (documented in kassa-customer-retention.c):
 *   average yearly margin = margin of the last 12 months ÷ customers active
 *     in them (rounded half away from zero, minor units);
 *   churn = the average churn of the complete years in the table (up to
 *     the last three), at least 1 % (so the lifetime is at most 100 years)
 *     — capped: lifetime_months = min (12 × 10000 ÷ churn_bp, 120);
 *   CLV = average yearly margin × lifetime_months ÷ 12, rounded half away
 *     from zero. */
typedef struct
{
  gint64  average_yearly_margin;
  guint   active_customers;
  gint    churn_bp;
  gint    lifetime_months;
  gint64  clv;
  gboolean available;             /* FALSE without a complete year with a rate */
} KassaLifetimeValue;

/* (transfer full) of KassaRetentionYear for first_year … last_year (a year
 * not complete yet as of today counts up to today).  One pass over the
 * sent invoices' (customer, issue year) pairs. */
GArray    *kassa_retention_compute          (KassaStore          *store,
                                             gint                 first_year,
                                             gint                 last_year,
                                             GError             **error);
/* From a retention table and the 12 months to today. */
gboolean   kassa_lifetime_value_compute     (KassaStore          *store,
                                             const GArray        *retention,
                                             KassaDay             today,
                                             KassaLifetimeValue  *result,
                                             GError             **error);

/* NPS = % promoters (9–10) − % detractors (0–6) of the responses,
 * 100 × (P − D) ÷ N rounded half away from zero to a whole number. */
typedef struct
{
  KassaDay  period_start;          /* first day of the month or quarter */
  guint     responses;
  guint     promoters;
  guint     passives;
  guint     detractors;
  gint      nps;                   /* −100 … 100, 0 without responses */
} KassaNpsPeriod;

gint       kassa_nps_score                  (guint promoters,
                                             guint passives,
                                             guint detractors);
/* (transfer full) of KassaNpsPeriod, one per calendar quarter (quarterly)
 * or month from the period containing from to the one containing to, empty
 * periods included.  Each customer counts with every response. */
GArray    *kassa_nps_by_period              (KassaStore          *store,
                                             KassaDay             from,
                                             KassaDay             to,
                                             gboolean             quarterly,
                                             GError             **error);

/* What a campaign brought.  reached = customers it reached; converted =
 * reached customers with at least one invoice attributed to it; revenue
 * and margin = Σ total_net and total_net − total_cost of its attributed
 * invoices; conversion = converted ÷ reached; ROI = (margin − cost) ÷ cost
 * (basis points, half away from zero; has_roi FALSE when cost is 0). */
typedef struct
{
  gint64                campaign_id;   /* 0 in a channel total */
  KassaCampaignChannel  channel;
  guint                 campaigns;     /* 1, or how many in a channel total */
  gint64                cost;
  guint                 reached;
  guint                 converted;
  gint                  conversion_bp;
  guint                 invoices;
  gint64                revenue;
  gint64                margin;
  gboolean              has_roi;
  gint                  roi_bp;
} KassaCampaignResult;

gboolean   kassa_campaign_result_compute    (KassaStore          *store,
                                             gint64               campaign_id,
                                             KassaCampaignResult *result,
                                             GError             **error);
/* (transfer full) of KassaCampaignResult, one per channel that has
 * campaigns, in channel order: the sums of its campaigns, rates recomputed
 * from the sums. */
GArray    *kassa_campaign_results_by_channel (KassaStore         *store,
                                              GError            **error);

G_END_DECLS
