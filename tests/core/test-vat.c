/* test-vat.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-vat"

#include "config.h"

#include <glib.h>

#include "kassa-money.h"
#include "kassa-vat.h"

static void
test_round_div (void)
{
  static const struct { gint64 numerator; gint64 denominator; gint64 expected; } cases[] = {
    { 0, 7, 0 },
    { 7, 7, 1 },
    { 4, 10, 0 },      /* 0.4 */
    { 5, 10, 1 },      /* 0.5: half away from zero */
    { 6, 10, 1 },
    { -4, 10, 0 },
    { -5, 10, -1 },    /* -0.5 mirrors 0.5 */
    { -6, 10, -1 },
    { 14, 10, 1 },
    { 15, 10, 2 },
    { -15, 10, -2 },
    { 25, 10, 3 },     /* not banker's rounding: 2.5 → 3 */
    { -25, 10, -3 },
    { 10, 4, 3 },
    { -10, 4, -3 },
    { 1, 3, 0 },
    { 2, 3, 1 },
    { -2, 3, -1 },
    { 1, 1, 1 },
    { G_MAXINT64, 1, G_MAXINT64 },
    { G_MININT64, 1, G_MININT64 },
    /* 2^63 - 1 halved is 2^62 - 0.5: rounds up to 2^62 */
    { G_MAXINT64, 2, G_GINT64_CONSTANT (4611686018427387904) },
    { G_MININT64, 2, -G_GINT64_CONSTANT (4611686018427387904) },
    { G_MININT64 + 1, 2, -G_GINT64_CONSTANT (4611686018427387904) },
    { G_MAXINT64, G_MAXINT64, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT,
                      cases[i].numerator, cases[i].denominator);
      g_assert_cmpint (kassa_round_div (cases[i].numerator, cases[i].denominator), ==,
                       cases[i].expected);
    }
}

static void
test_share_bp (void)
{
  static const struct { gint64 part; gint64 whole; gint expected; } cases[] = {
    { 1, 3, 3333 },            /* 33.333 % */
    { 2, 3, 6667 },            /* 66.667 % */
    { 1, 8, 1250 },
    { 1, 80000, 0 },           /* 0.125 bp */
    { 1, 20000, 1 },           /* 0.5 bp: half away from zero */
    { -1, 20000, -1 },
    { -28665, 286650, -1000 }, /* a −10 % margin */
    { 5, 0, 0 },               /* no whole: 0 */
    { 5, -10, 0 },
    { G_GINT64_CONSTANT (1000000000000000), 1, G_MAXINT },  /* clamped, no overflow */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (kassa_share_bp (cases[i].part, cases[i].whole), ==, cases[i].expected);
}

static void
test_round_div_bad_denominator (void)
{
  if (g_test_undefined ())
    {
      g_test_expect_message ("kassa-vat", G_LOG_LEVEL_CRITICAL, "*denominator > 0*");
      g_assert_cmpint (kassa_round_div (1, 0), ==, 0);
      g_test_assert_expected_messages ();
    }
}

static void
test_line_net (void)
{
  static const struct { gint64 quantity; gint64 price; gint discount; gint64 expected; } cases[] = {
    { 1000, 1999, 0, 1999 },
    { 2500, 1999, 0, 4998 },           /* 2.5 × 19.99 = 49.975 → 49.98 */
    { 1000, 10000, 1250, 8750 },       /* 100.00 − 12.5 % = 87.50 */
    { -2000, 1000, 0, -2000 },         /* credit line −2 × 10.00 */
    { 333, 10, 0, 3 },                 /* 0.333 × 0.10 = 0.0333 → 0.03 */
    { 1500, 5, 0, 8 },                 /* 1.5 × 0.05 = 0.075 → 0.08 */
    { -1500, 5, 0, -8 },               /* and its mirror */
    { 3000, 3333, 0, 9999 },
    { 1000, 999, 5000, 500 },          /* 4.995 → 5.00 */
    { -1000, 999, 5000, -500 },
    { 1000, 1999, 10000, 0 },          /* free */
    { 0, 1999, 0, 0 },
    { 1, 1, 0, 0 },                    /* 0.001 cent */
    { 499, 1, 0, 0 },                  /* 0.499 cent */
    { 500, 1, 0, 1 },                  /* 0.5 cent */
    /* one rounding step: 0.5 × 0.01 × 50 % = 0.0025 → 0.00, where rounding
     * before the discount would give round (0.005) × 50 % = 0.005 → 0.01 */
    { 500, 1, 5000, 0 },
    { 2500, 1999, 1000, 4498 },        /* 49.975 × 90 % = 44.9775 → 44.98 */
    { 1000, -500, 0, -500 },           /* a negative price (a deduction line) */
    /* 10^9 units × 10 000 000.00: the product needs 128 bits on the way */
    { G_GINT64_CONSTANT (1000000000000), G_GINT64_CONSTANT (1000000000),
      0, G_GINT64_CONSTANT (1000000000000000000) },
    { G_GINT64_CONSTANT (1000000000000), G_GINT64_CONSTANT (1000000000),
      2500, G_GINT64_CONSTANT (750000000000000000) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%" G_GINT64_FORMAT " × %" G_GINT64_FORMAT " − %d bp",
                      cases[i].quantity, cases[i].price, cases[i].discount);
      g_assert_cmpint (kassa_line_net (cases[i].quantity, cases[i].price, cases[i].discount), ==,
                       cases[i].expected);
    }
}

static void
test_line_net_out_of_range (void)
{
  /* 10^9 units × 10^13 (KASSA_MONEY_MAX): 10^24 minor units does not fit */
  g_test_expect_message ("kassa-vat", G_LOG_LEVEL_WARNING, "*clamped*");
  g_assert_cmpint (kassa_line_net (G_GINT64_CONSTANT (1000000000000), KASSA_MONEY_MAX, 0), ==,
                   G_MAXINT64);
  g_test_assert_expected_messages ();

  g_test_expect_message ("kassa-vat", G_LOG_LEVEL_WARNING, "*clamped*");
  g_assert_cmpint (kassa_line_net (-G_GINT64_CONSTANT (1000000000000), KASSA_MONEY_MAX, 0), ==,
                   -G_MAXINT64);
  g_test_assert_expected_messages ();

  if (g_test_undefined ())
    {
      g_test_expect_message ("kassa-vat", G_LOG_LEVEL_CRITICAL, "*discount_basis_points*");
      g_assert_cmpint (kassa_line_net (1000, 100, 10001), ==, 0);
      g_test_assert_expected_messages ();
      g_test_expect_message ("kassa-vat", G_LOG_LEVEL_CRITICAL, "*discount_basis_points*");
      g_assert_cmpint (kassa_line_net (1000, 100, -1), ==, 0);
      g_test_assert_expected_messages ();
    }
}

static void
test_vat_for_net (void)
{
  static const struct { gint64 net; gint rate; gint64 expected; } cases[] = {
    { 10000, 2550, 2550 },   /* 100.00 @ 25.5 % = 25.50 */
    { 2, 2550, 1 },          /* 0.0051 → 0.01 */
    { 1, 2550, 0 },          /* 0.00255 → 0.00 */
    { 1010, 2550, 258 },     /* 2.5755 → 2.58 */
    { -1010, 2550, -258 },
    { 1999, 1400, 280 },     /* 2.7986 → 2.80 */
    { 1000, 1350, 135 },
    { 999, 1000, 100 },      /* 0.999 → 1.00 */
    { 200, 2500, 50 },
    { 2, 2500, 1 },          /* exactly half a cent */
    { -2, 2500, -1 },
    { 0, 2550, 0 },
    { 12345, 0, 0 },
    { 6, 2550, 2 },          /* 0.0153 → 0.02 */
    /* 10^15 × 10^4 overflows 64 bits in the middle */
    { KASSA_MONEY_MAX, 10000, KASSA_MONEY_MAX },
    { KASSA_MONEY_MAX, 2550, G_GINT64_CONSTANT (255000000000000) },
    { -KASSA_MONEY_MAX, 2550, -G_GINT64_CONSTANT (255000000000000) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%" G_GINT64_FORMAT " @ %d bp", cases[i].net, cases[i].rate);
      g_assert_cmpint (kassa_vat_for_net (cases[i].net, cases[i].rate), ==, cases[i].expected);
    }
}

static void
assert_row (KassaVatSummary *summary,
            guint            index,
            gint             rate,
            gint64           net,
            gint64           vat)
{
  const KassaVatRow *row = kassa_vat_summary_get_row (summary, index);

  g_assert_nonnull (row);
  g_assert_cmpint (row->rate, ==, rate);
  g_assert_cmpint (row->net, ==, net);
  g_assert_cmpint (row->vat, ==, vat);
}

static void
test_summary_empty (void)
{
  g_autoptr(KassaVatSummary) summary = kassa_vat_summary_new ();

  g_assert_cmpuint (kassa_vat_summary_get_n_rows (summary), ==, 0);
  g_assert_cmpint (kassa_vat_summary_get_net (summary), ==, 0);
  g_assert_cmpint (kassa_vat_summary_get_vat (summary), ==, 0);
  g_assert_cmpint (kassa_vat_summary_get_gross (summary), ==, 0);
}

/* VAT per rate on the sum of line nets, not line by line. */
static void
test_summary_per_rate (void)
{
  g_autoptr(KassaVatSummary) summary = kassa_vat_summary_new ();

  /* Per line each 0.02 would give 0.01, three lines 0.03; on the sum
   * 0.06 × 25.5 % = 0.0153 → 0.02. */
  for (int i = 0; i < 3; i++)
    kassa_vat_summary_add_line (summary, 2550, 2);

  g_assert_cmpuint (kassa_vat_summary_get_n_rows (summary), ==, 1);
  assert_row (summary, 0, 2550, 6, 2);
  g_assert_cmpint (kassa_vat_summary_get_vat (summary), ==, 2);
  g_assert_cmpint (kassa_vat_summary_get_gross (summary), ==, 8);
}

static void
test_summary_sum_not_per_line (void)
{
  g_autoptr(KassaVatSummary) summary = kassa_vat_summary_new ();

  /* Per line 2 × 2.58 = 5.16; on the sum 20.20 × 25.5 % = 5.151 → 5.15 */
  kassa_vat_summary_add_line (summary, 2550, 1010);
  kassa_vat_summary_add_line (summary, 2550, 1010);

  assert_row (summary, 0, 2550, 2020, 515);
  g_assert_cmpint (kassa_vat_summary_get_gross (summary), ==, 2535);
}

static void
test_summary_mixed_rates (void)
{
  g_autoptr(KassaVatSummary) summary = kassa_vat_summary_new ();

  /* Added in no particular order; rows come out highest rate first. */
  kassa_vat_summary_add_line (summary, 0, 500);
  kassa_vat_summary_add_line (summary, 2550, 10000);
  kassa_vat_summary_add_line (summary, 1000, 999);
  kassa_vat_summary_add_line (summary, 2550, 1010);
  kassa_vat_summary_add_line (summary, 1350, 2000);

  g_assert_cmpuint (kassa_vat_summary_get_n_rows (summary), ==, 4);
  /* 110.10 × 25.5 % = 28.0755 → 28.08 */
  assert_row (summary, 0, 2550, 11010, 2808);
  /* 20.00 × 13.5 % = 2.70 */
  assert_row (summary, 1, 1350, 2000, 270);
  /* 9.99 × 10 % = 0.999 → 1.00 */
  assert_row (summary, 2, 1000, 999, 100);
  assert_row (summary, 3, 0, 500, 0);

  g_assert_cmpint (kassa_vat_summary_get_net (summary), ==, 14509);
  g_assert_cmpint (kassa_vat_summary_get_vat (summary), ==, 3178);
  g_assert_cmpint (kassa_vat_summary_get_gross (summary), ==, 17687);
}

static void
test_summary_credit (void)
{
  g_autoptr(KassaVatSummary) summary = kassa_vat_summary_new ();

  kassa_vat_summary_add_line (summary, 2550, -1010);
  kassa_vat_summary_add_line (summary, 1400, -1999);

  assert_row (summary, 0, 2550, -1010, -258);
  assert_row (summary, 1, 1400, -1999, -280);
  g_assert_cmpint (kassa_vat_summary_get_net (summary), ==, -3009);
  g_assert_cmpint (kassa_vat_summary_get_vat (summary), ==, -538);
  g_assert_cmpint (kassa_vat_summary_get_gross (summary), ==, -3547);
}

static void
test_summary_lines_cancel (void)
{
  g_autoptr(KassaVatSummary) summary = kassa_vat_summary_new ();

  kassa_vat_summary_add_line (summary, 2550, 1000);
  kassa_vat_summary_add_line (summary, 2550, -1000);

  g_assert_cmpuint (kassa_vat_summary_get_n_rows (summary), ==, 1);
  assert_row (summary, 0, 2550, 0, 0);
  g_assert_cmpint (kassa_vat_summary_get_gross (summary), ==, 0);
}

static void
test_summary_with_line_nets (void)
{
  g_autoptr(KassaVatSummary) summary = kassa_vat_summary_new ();

  /* 2.5 × 19.99 = 49.98 and 12.5 % off 100.00 = 87.50, both at 25.5 %:
   * 137.48 × 25.5 % = 35.0574 → 35.06 */
  kassa_vat_summary_add_line (summary, 2550, kassa_line_net (2500, 1999, 0));
  kassa_vat_summary_add_line (summary, 2550, kassa_line_net (1000, 10000, 1250));

  assert_row (summary, 0, 2550, 13748, 3506);
  g_assert_cmpint (kassa_vat_summary_get_gross (summary), ==, 17254);
}

static void
assert_rates (const gint *rates,
              const gint *expected)
{
  guint i;

  g_assert_nonnull (rates);
  for (i = 0; expected[i] != -1; i++)
    g_assert_cmpint (rates[i], ==, expected[i]);
  g_assert_cmpint (rates[i], ==, -1);
}

static void
test_rates_for_country (void)
{
  static const gint fi[] = { 2550, 1350, 1000, 0, -1 };
  static const gint se[] = { 2500, 1200, 600, 0, -1 };
  static const gint cn[] = { 1300, 900, 600, 0, -1 };
  static const gint other[] = { 2000, 1000, 0, -1 };

  assert_rates (kassa_vat_rates_for_country ("FI"), fi);
  assert_rates (kassa_vat_rates_for_country ("fi"), fi);
  assert_rates (kassa_vat_rates_for_country ("SE"), se);
  assert_rates (kassa_vat_rates_for_country ("CN"), cn);
  assert_rates (kassa_vat_rates_for_country ("DE"), other);
  assert_rates (kassa_vat_rates_for_country (""), other);
  assert_rates (kassa_vat_rates_for_country (NULL), other);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vat/round-div", test_round_div);
  g_test_add_func ("/vat/round-div/bad-denominator", test_round_div_bad_denominator);
  g_test_add_func ("/vat/share-bp", test_share_bp);
  g_test_add_func ("/vat/line-net", test_line_net);
  g_test_add_func ("/vat/line-net/out-of-range", test_line_net_out_of_range);
  g_test_add_func ("/vat/for-net", test_vat_for_net);
  g_test_add_func ("/vat/summary/empty", test_summary_empty);
  g_test_add_func ("/vat/summary/per-rate", test_summary_per_rate);
  g_test_add_func ("/vat/summary/sum-not-per-line", test_summary_sum_not_per_line);
  g_test_add_func ("/vat/summary/mixed-rates", test_summary_mixed_rates);
  g_test_add_func ("/vat/summary/credit", test_summary_credit);
  g_test_add_func ("/vat/summary/lines-cancel", test_summary_lines_cancel);
  g_test_add_func ("/vat/summary/with-line-nets", test_summary_with_line_nets);
  g_test_add_func ("/vat/rates-for-country", test_rates_for_country);

  return g_test_run ();
}
