/* kassa-roi.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Return on an investment in customer management: the extra gross margin
 * that an expected sales growth brings, built up linearly over a ramp-up
 * and then held, against the investment.  Pure arithmetic, no store.
 *
 * Formula (all money integer minor units):
 *   full monthly gain  G  = revenue × growth × margin ÷ (12 × 10⁸)
 *                           (growth and margin in basis points), rounded
 *                           half away from zero once;
 *   gain in month k (1-based) g_k = G × min (k, ramp) ÷ ramp rounded half
 *                           away from zero (ramp 0: G from month 1);
 *   cumulative C_k = Σ g_1 … g_k;  gain_12 = C_12;
 *   ROI % = (gain_12 − investment) ÷ investment (basis points, half away
 *                           from zero; no ROI when investment is 0);
 *   payback = the first month k with C_k ≥ investment, interpolated
 *             within it: (k − 1) + (investment − C_{k−1}) ÷ g_k, in tenths
 *             of a month rounded up; none within KASSA_ROI_MAX_MONTHS.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KASSA_ROI_MAX_MONTHS 120

typedef struct
{
  gint64  annual_revenue;   /* current revenue per year, minor units, ≥ 0 */
  gint    growth_bp;        /* expected sales growth, basis points (1000 = 10 %), 0 … 100000 */
  gint    margin_bp;        /* gross margin, basis points, 0 … 10000 */
  gint64  investment;       /* minor units, ≥ 0 */
  gint    ramp_up_months;   /* 0 … 60 */
} KassaRoiInput;

typedef struct
{
  gint64    monthly_gain_full;                  /* G */
  gint64    gain_12;                            /* C_12 */
  gboolean  has_roi;
  gint64    roi_bp;
  gboolean  has_payback;
  gint      payback_tenths;                     /* months × 10, e.g. 75 = 7.5 months */
  gint64    cumulative[KASSA_ROI_MAX_MONTHS];   /* C_1 … C_120 */
  gint64    net_cumulative[KASSA_ROI_MAX_MONTHS]; /* C_k − investment: the chart's curve */
} KassaRoiResult;

/* FALSE with a translated message in error when an input is out of range
 * (revenue above 10¹³ minor units, growth, margin, ramp-up as above). */
gboolean  kassa_roi_compute (const KassaRoiInput *input,
                             KassaRoiResult      *result,
                             GError             **error);

G_END_DECLS
