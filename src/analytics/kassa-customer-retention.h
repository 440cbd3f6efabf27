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

/* Simple CLV (documented in kassa-customer-retention.c), from two rolling
 * windows instead of calendar years, so that a company whose data starts
 * mid-year is never judged on a partial year:
 *   last   = today − 364 … today, before = today − 729 … today − 365;
 *   customers_before = customers with a sale (a sent invoice, not a credit
 *     note, as in the yearly table) in before; customers_kept = those of
 *     them with a sale in last; retention = kept ÷ before, churn = 1 −
 *     retention (basis points, half away from zero); available FALSE when
 *     customers_before = 0;
 *   average yearly margin = margin of last ÷ customers active in last
 *     (rounded half away from zero, minor units);
 *   lifetime_months = min (12 × 10000 ÷ max (churn_bp, 100), 120): churn
 *     is taken as at least 1 % and the lifetime capped at ten years;
 *   CLV = average yearly margin × lifetime_months ÷ 12, rounded half away
 *     from zero. */
typedef struct
{
  gint64  average_yearly_margin;
  guint   active_customers;
  guint   customers_before;
  guint   customers_kept;
  gint    retention_bp;
  gint    churn_bp;               /* 10000 − retention_bp; the lifetime
                                   * uses at least 1 % */
  gint    lifetime_months;
  gint64  clv;
  gboolean available;             /* FALSE without customers in before */
} KassaLifetimeValue;

/* (transfer full) of KassaRetentionYear for first_year … last_year (a year
 * not complete yet as of today counts up to today).  One pass over the
 * sent invoices' (customer, issue year) pairs. */
GArray    *kassa_retention_compute          (KassaStore          *store,
                                             gint                 first_year,
                                             gint                 last_year,
                                             GError             **error);
/* From the 24 months to today (one indexed range scan). */
gboolean   kassa_lifetime_value_compute     (KassaStore          *store,
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
