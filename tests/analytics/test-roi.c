/* test-roi.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ROI / payback calculator against figures worked out by hand from
 * the formulas in kassa-roi.h:
 *   G = revenue × growth_bp × margin_bp ÷ (12 × 10⁸), g_k = G × min (k,
 *   ramp) ÷ ramp, C_k = Σ g, ROI = (C_12 − I) ÷ I, payback = (k − 1) +
 *   (I − C_{k−1}) ÷ g_k in tenths rounded up.  Money in cents.
 */
#define G_LOG_DOMAIN "kassa-test-roi"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "kassa-roi.h"
#include "kassa-store.h"

typedef struct
{
  const char   *name;
  KassaRoiInput input;
  gint64        monthly_gain_full;
  gint64        first_months[12];   /* C_1 … C_12 */
  gint64        gain_12;
  gboolean      has_roi;
  gint64        roi_bp;
  gboolean      has_payback;
  gint          payback_tenths;
  gint64        cumulative_120;     /* C_120 */
} RoiCase;

static const RoiCase roi_cases[] = {
  /* (a) Revenue 1 200 000.00, growth 10 %, margin 40 %, investment
   * 20 000.00, ramp 6.  G = 120 000 000 × 1000 × 4000 ÷ 1 200 000 000 =
   * 400 000 (4 000.00).  g_k = 400 000 k ÷ 6: 66 666.7 → 66 667,
   * 133 333.3 → 133 333, 200 000, 266 666.7 → 266 667, 333 333.3 →
   * 333 333, then 400 000.  C: 66 667, 200 000, 400 000, 666 667,
   * 1 000 000, 1 400 000, then + 400 000 a month: C_12 = 3 800 000
   * (38 000.00).  ROI = (3.8 M − 2 M) ÷ 2 M = 90.00 % = 9000 bp.  C_7 =
   * 1.8 M < 2 M ≤ C_8 = 2.2 M: payback 7 + 200 000 ÷ 400 000 = 7.5.
   * C_120 = 1 400 000 + 114 × 400 000 = 47 000 000. */
  { "ramp-6", { 120000000, 1000, 4000, 2000000, 6 }, 400000,
    { 66667, 200000, 400000, 666667, 1000000, 1400000,
      1800000, 2200000, 2600000, 3000000, 3400000, 3800000 },
    3800000, TRUE, 9000, TRUE, 75, 47000000 },
  /* (b) The same with ramp 12 and investment 5 000.00: the payback comes
   * in the ramp-up.  g_k = 400 000 k ÷ 12: 33 333, 66 667, 100 000,
   * 133 333, 166 667, 200 000, 233 333, 266 667, 300 000, 333 333,
   * 366 667, 400 000.  C_4 = 333 333 < 500 000 ≤ C_5 = 500 000: payback
   * 4 + 166 667 ÷ 166 667 = 5.0.  C_12 = 2 600 000; ROI = 2.1 M ÷ 0.5 M
   * = 420 % = 42 000 bp.  C_120 = 2 600 000 + 108 × 400 000 =
   * 45 800 000. */
  { "ramp-longer-than-payback", { 120000000, 1000, 4000, 500000, 12 }, 400000,
    { 33333, 100000, 200000, 333333, 500000, 700000,
      933333, 1200000, 1500000, 1833333, 2200000, 2600000 },
    2600000, TRUE, 42000, TRUE, 50, 45800000 },
  /* (c) No ramp-up: revenue 600 000.00, growth 20 %, margin 25 %,
   * investment 10 000.00.  G = 60 000 000 × 2000 × 2500 ÷ 1.2 × 10⁹ =
   * 250 000 from month 1.  C_12 = 3 000 000; ROI = 2 M ÷ 1 M = 200 % =
   * 20 000 bp.  C_4 = 1 000 000 = I exactly: payback 3 + 250 000 ÷
   * 250 000 = 4.0.  C_120 = 30 000 000. */
  { "no-ramp", { 60000000, 2000, 2500, 1000000, 0 }, 250000,
    { 250000, 500000, 750000, 1000000, 1250000, 1500000,
      1750000, 2000000, 2250000, 2500000, 2750000, 3000000 },
    3000000, TRUE, 20000, TRUE, 40, 30000000 },
  /* (d) No payback within 120 months: revenue 100 000.00, growth 1 %,
   * margin 10 %, investment 1 000.00, no ramp.  G = 10 000 000 × 100 ×
   * 1000 ÷ 1.2 × 10⁹ = 833.3 → 833; C_120 = 99 960 < 100 000.  C_12 =
   * 9 996; ROI = (9 996 − 100 000) ÷ 100 000 = −90.004 % → −9000 bp. */
  { "no-payback", { 10000000, 100, 1000, 100000, 0 }, 833,
    { 833, 1666, 2499, 3332, 4165, 4998, 5831, 6664, 7497, 8330, 9163, 9996 },
    9996, TRUE, -9000, FALSE, 0, 99960 },
  /* (e) Nothing invested: no ROI, paid back at once (case (a)'s gains). */
  { "no-investment", { 120000000, 1000, 4000, 0, 6 }, 400000,
    { 66667, 200000, 400000, 666667, 1000000, 1400000,
      1800000, 2200000, 2600000, 3000000, 3400000, 3800000 },
    3800000, FALSE, 0, TRUE, 0, 47000000 },
  /* (f) A month's gain on a half: revenue 1 481.40, growth and margin
   * 100 %: G = 148 140 × 10⁸ ÷ 1.2 × 10⁹ = 12 345; ramp 2: g_1 = 6 172.5
   * → 6 173 (half away from zero), then 12 345.  Investment 6 173.01 →
   * 617 301: C_50 = 6 173 + 49 × 12 345 = 611 078 < 617 301 ≤ C_51 =
   * 623 423: 50 + 6 223 ÷ 12 345 = 50.504… → 50.6 rounded up.  C_12 =
   * 6 173 + 11 × 12 345 = 141 968; ROI = (141 968 − 617 301) × 10⁴ ÷
   * 617 301 = −7700.19… → −7700. */
  { "half-month", { 148140, 10000, 10000, 617301, 2 }, 12345,
    { 6173, 18518, 30863, 43208, 55553, 67898, 80243, 92588, 104933, 117278, 129623, 141968 },
    141968, TRUE, -7700, TRUE, 506, 6173 + 119 * G_GINT64_CONSTANT (12345) },
  /* (f) G itself on a half: 6 × 10⁸ ÷ 1.2 × 10⁹ = 0.5 → 1 cent a month;
   * investment 0.12 is back at month 12 exactly: ROI 0. */
  { "half-gain", { 6, 10000, 10000, 12, 0 }, 1,
    { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, 12, TRUE, 0, TRUE, 120, 120 },
  /* Just under a half: 5 × 10⁸ ÷ 1.2 × 10⁹ = 0.42 → 0: no gain, no
   * payback, the whole investment lost (−100 %). */
  { "below-half-gain", { 5, 10000, 10000, 100, 0 }, 0,
    { 0 }, 0, TRUE, -10000, FALSE, 0, 0 },
  /* The payback rounds up: case (c) with one more cent invested: C_4 =
   * 1 000 000 < 1 000 001 ≤ C_5: 4 + 1 ÷ 250 000 → 4.1.  ROI =
   * 1 999 999 × 10⁴ ÷ 1 000 001 = 19 999.97… → 20 000 bp. */
  { "payback-rounds-up", { 60000000, 2000, 2500, 1000001, 0 }, 250000,
    { 250000, 500000, 750000, 1000000, 1250000, 1500000,
      1750000, 2000000, 2250000, 2500000, 2750000, 3000000 },
    3000000, TRUE, 20000, TRUE, 41, 30000000 },
  /* The largest inputs: 10¹³ × 10⁵ × 10⁴ = 10²² (past 2⁶³) ÷ 1.2 × 10⁹ =
   * 8 333 333 333 333.3 → 8 333 333 333 333.  C_12 = 99 999 999 999 996;
   * one cent invested: ROI = (C_12 − 1) × 10⁴ = 999 999 999 999 950 000
   * bp; payback 0 + 10 × 1 ÷ G rounded up = 0.1. */
  { "largest", { G_GINT64_CONSTANT (10000000000000), 100000, 10000, 1, 0 },
    G_GINT64_CONSTANT (8333333333333),
    { G_GINT64_CONSTANT (8333333333333), G_GINT64_CONSTANT (16666666666666),
      G_GINT64_CONSTANT (24999999999999), G_GINT64_CONSTANT (33333333333332),
      G_GINT64_CONSTANT (41666666666665), G_GINT64_CONSTANT (49999999999998),
      G_GINT64_CONSTANT (58333333333331), G_GINT64_CONSTANT (66666666666664),
      G_GINT64_CONSTANT (74999999999997), G_GINT64_CONSTANT (83333333333330),
      G_GINT64_CONSTANT (91666666666663), G_GINT64_CONSTANT (99999999999996) },
    G_GINT64_CONSTANT (99999999999996), TRUE, G_GINT64_CONSTANT (999999999999950000),
    TRUE, 1, G_GINT64_CONSTANT (999999999999960) },
};

static void
test_roi_case (gconstpointer data)
{
  const RoiCase *c = data;
  KassaRoiResult result;
  g_autoptr(GError) error = NULL;

  g_assert_true (kassa_roi_compute (&c->input, &result, &error));
  g_assert_no_error (error);

  g_assert_cmpint (result.monthly_gain_full, ==, c->monthly_gain_full);
  for (guint k = 0; k < 12; k++)
    {
      g_test_message ("C_%u = %" G_GINT64_FORMAT, k + 1, result.cumulative[k]);
      g_assert_cmpint (result.cumulative[k], ==, c->first_months[k]);
    }
  g_assert_cmpint (result.cumulative[KASSA_ROI_MAX_MONTHS - 1], ==, c->cumulative_120);
  for (guint k = 0; k < KASSA_ROI_MAX_MONTHS; k++)
    g_assert_cmpint (result.net_cumulative[k], ==, result.cumulative[k] - c->input.investment);

  g_assert_cmpint (result.gain_12, ==, c->gain_12);
  g_assert_cmpint (result.has_roi, ==, c->has_roi);
  g_assert_cmpint (result.roi_bp, ==, c->roi_bp);
  g_assert_cmpint (result.has_payback, ==, c->has_payback);
  if (c->has_payback)
    g_assert_cmpint (result.payback_tenths, ==, c->payback_tenths);
}

/* Case (a)'s monthly gains, the chart's starting point: 666.67, 1 333.33,
 * 2 000.00, 2 666.67, 3 333.33, 4 000.00, then 4 000.00 held. */
static void
test_monthly_gains (void)
{
  const KassaRoiInput input = { 120000000, 1000, 4000, 2000000, 6 };
  const gint64 expected[8] = { 66667, 133333, 200000, 266667, 333333, 400000, 400000, 400000 };
  KassaRoiResult result;
  g_autoptr(GError) error = NULL;
  gint64 before = 0;

  g_assert_true (kassa_roi_compute (&input, &result, &error));
  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      g_assert_cmpint (result.cumulative[k] - before, ==, expected[k]);
      before = result.cumulative[k];
    }
  g_assert_cmpint (result.net_cumulative[0], ==, 66667 - 2000000);
  g_assert_cmpint (result.net_cumulative[7], ==, 200000);
}

typedef struct
{
  const char   *name;
  KassaRoiInput input;
} RefusalCase;

static const RefusalCase refusal_cases[] = {
  { "revenue-negative", { -1, 1000, 4000, 0, 0 } },
  { "revenue-too-large", { G_GINT64_CONSTANT (10000000000001), 1000, 4000, 0, 0 } },
  { "growth-negative", { 100, -1, 4000, 0, 0 } },
  { "growth-too-large", { 100, 100001, 4000, 0, 0 } },
  { "margin-negative", { 100, 1000, -1, 0, 0 } },
  { "margin-too-large", { 100, 1000, 10001, 0, 0 } },
  { "investment-negative", { 100, 1000, 4000, -1, 0 } },
  { "ramp-negative", { 100, 1000, 4000, 0, -1 } },
  { "ramp-too-long", { 100, 1000, 4000, 0, 61 } },
};

static void
test_refusal (gconstpointer data)
{
  const RefusalCase *c = data;
  KassaRoiResult result;
  g_autoptr(GError) error = NULL;

  memset (&result, 0x5a, sizeof result);
  g_assert_false (kassa_roi_compute (&c->input, &result, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), >, 10);
  /* Nothing is half-written. */
  g_assert_cmpint (result.gain_12, ==, G_GINT64_CONSTANT (0x5a5a5a5a5a5a5a5a));
}

/* The limits themselves are accepted. */
static void
test_limits_accepted (void)
{
  const KassaRoiInput inputs[] = {
    { G_GINT64_CONSTANT (10000000000000), 100000, 10000, G_MAXINT64, 60 },
    { 0, 0, 0, 0, 0 },
  };
  KassaRoiResult result;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (kassa_roi_compute (&inputs[i], &result, &error));
      g_assert_no_error (error);
    }
  /* Nothing gained, nothing invested: paid back at once, no ROI. */
  g_assert_cmpint (result.gain_12, ==, 0);
  g_assert_false (result.has_roi);
  g_assert_true (result.has_payback);
  g_assert_cmpint (result.payback_tenths, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (roi_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/roi/compute/", roi_cases[i].name, NULL);

      g_test_add_data_func (path, &roi_cases[i], test_roi_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refusal_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/roi/refusal/", refusal_cases[i].name, NULL);

      g_test_add_data_func (path, &refusal_cases[i], test_refusal);
    }
  g_test_add_func ("/roi/monthly-gains", test_monthly_gains);
  g_test_add_func ("/roi/limits-accepted", test_limits_accepted);

  return g_test_run ();
}
