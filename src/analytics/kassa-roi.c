/* kassa-roi.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ROI / payback calculator.  Every figure is an exact integer in minor
 * units (or basis points, or tenths of a month); no floating point.
 *
 *   G    = revenue × growth_bp × margin_bp ÷ (12 × 10⁸), rounded half away
 *          from zero once.  The product reaches 10¹³ × 10⁵ × 10⁴ = 10²² at
 *          the input limits, past 2⁶³ ≈ 9.2 × 10¹⁸, so it is formed in
 *          unsigned __int128 (exact up to 3.4 × 10³⁸); G itself is at most
 *          10²² ÷ (1.2 × 10⁹) ≈ 8.4 × 10¹², so it fits a gint64.
 *   g_k  = G × min (k, ramp) ÷ ramp, rounded half away from zero, k = 1 …
 *          120; G from month 1 when ramp is 0.  G × 60 < 5.1 × 10¹⁴.
 *   C_k  = g_1 + … + g_k (at most 120 × G < 1.1 × 10¹⁵); gain_12 = C_12.
 *   ROI  = (gain_12 − investment) × 10⁴ ÷ investment, rounded half away
 *          from zero, in basis points; none when investment is 0.  The
 *          investment has no upper limit, so the product is formed in
 *          __int128 too; the quotient lies in −10⁴ … 10¹⁸ and fits a gint64.
 *   payback: the first month k with C_k ≥ investment; within that month
 *          the gain is taken as evenly spread, so the payback is
 *          (k − 1) + (investment − C_{k−1}) ÷ g_k months, given in tenths
 *          rounded up (the investment is surely back by then).  With no
 *          investment the payback is 0; none when C_120 < investment.
 */
#define G_LOG_DOMAIN "kassa-roi"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-roi.h"
#include "kassa-store.h"

#define MAX_ANNUAL_REVENUE G_GINT64_CONSTANT (10000000000000)   /* 10¹³ */
#define MAX_GROWTH_BP      100000
#define MAX_MARGIN_BP      10000
#define MAX_RAMP_UP_MONTHS 60

/* 12 months × 10⁴ (growth bp) × 10⁴ (margin bp). */
#define MONTHLY_GAIN_DIVISOR 1200000000u

static gboolean
validate_input (const KassaRoiInput  *input,
                GError              **error)
{
  const char *message = NULL;

  if (input->annual_revenue < 0 || input->annual_revenue > MAX_ANNUAL_REVENUE)
    message = _("Enter a current revenue from zero up to 100 billion.");
  else if (input->growth_bp < 0 || input->growth_bp > MAX_GROWTH_BP)
    message = _("Enter an expected sales growth between 0 % and 1000 %.");
  else if (input->margin_bp < 0 || input->margin_bp > MAX_MARGIN_BP)
    message = _("Enter a gross margin between 0 % and 100 %.");
  else if (input->investment < 0)
    message = _("Enter an investment of zero or more.");
  else if (input->ramp_up_months < 0 || input->ramp_up_months > MAX_RAMP_UP_MONTHS)
    message = _("Enter a ramp-up between 0 and 60 months.");

  if (message == NULL)
    return TRUE;

  g_set_error_literal (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gint64
monthly_gain_full (const KassaRoiInput *input)
{
  unsigned __int128 product = (unsigned __int128) input->annual_revenue
                              * (unsigned __int128) input->growth_bp
                              * (unsigned __int128) input->margin_bp;

  /* Half away from zero; everything is non-negative here. */
  return (gint64) ((product + MONTHLY_GAIN_DIVISOR / 2) / MONTHLY_GAIN_DIVISOR);
}

static gint64
month_gain (gint64 full,
            gint   ramp_up_months,
            gint   month)
{
  if (ramp_up_months == 0 || month >= ramp_up_months)
    return full;

  return (full * month + ramp_up_months / 2) / ramp_up_months;
}

static gint64
roi_basis_points (gint64 gain,
                  gint64 investment)
{
  __int128 numerator = ((__int128) gain - investment) * 10000;
  __int128 half = investment / 2;

  /* Round half away from zero by hand: kassa_round_div takes gint64. */
  if (numerator >= 0)
    return (gint64) ((numerator + half) / investment);
  return (gint64) -((-numerator + half) / investment);
}

/* Tenths of a month, rounded up, to recover what is still missing with the
 * month's gain. */
static gint
tenths_into_month (gint64 missing,
                   gint64 gain)
{
  unsigned __int128 scaled = (unsigned __int128) missing * 10;

  return (gint) ((scaled + (guint64) gain - 1) / (guint64) gain);
}

static void
find_payback (gint64          investment,
              KassaRoiResult *result)
{
  gint64 before = 0;

  result->has_payback = TRUE;
  result->payback_tenths = 0;
  if (investment == 0)
    return;

  for (gint k = 0; k < KASSA_ROI_MAX_MONTHS; k++)
    {
      if (result->cumulative[k] >= investment)
        {
          gint64 gain = result->cumulative[k] - before;

          /* C_{k−1} < investment ≤ C_k, so gain > 0. */
          result->payback_tenths = k * 10 + tenths_into_month (investment - before, gain);
          return;
        }
      before = result->cumulative[k];
    }

  result->has_payback = FALSE;
}

/**
 * kassa_roi_compute:
 * @input: the calculator's inputs
 * @result: (out caller-allocates): the figures and the 120-month curves
 * @error: a translated message when an input is out of range
 *
 * See kassa-roi.h and the formulas at the top of this file.
 *
 * Returns: FALSE (result untouched) when an input is out of range
 */
gboolean
kassa_roi_compute (const KassaRoiInput  *input,
                   KassaRoiResult       *result,
                   GError              **error)
{
  gint64 cumulative = 0;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_input (input, error))
    return FALSE;

  memset (result, 0, sizeof *result);
  result->monthly_gain_full = monthly_gain_full (input);
  for (gint k = 0; k < KASSA_ROI_MAX_MONTHS; k++)
    {
      cumulative += month_gain (result->monthly_gain_full, input->ramp_up_months, k + 1);
      result->cumulative[k] = cumulative;
      result->net_cumulative[k] = cumulative - input->investment;
    }
  result->gain_12 = result->cumulative[11];

  result->has_roi = input->investment > 0;
  if (result->has_roi)
    result->roi_bp = roi_basis_points (result->gain_12, input->investment);

  find_payback (input->investment, result);
  return TRUE;
}
