/* kassa-vat.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-vat"

#include "config.h"

#include <glib.h>

#include "kassa-vat.h"

#define BASIS_POINTS    10000
#define QUANTITY_SCALE  1000

struct _KassaVatSummary
{
  GArray *rows; /* KassaVatRow, highest rate first */
};

static const gint rates_fi[] = { 2550, 1350, 1000, 0, -1 };
static const gint rates_se[] = { 2500, 1200, 600, 0, -1 };
static const gint rates_cn[] = { 1300, 900, 600, 0, -1 };
static const gint rates_other[] = { 2000, 1000, 0, -1 };

/* Round half away from zero: the magnitude is rounded and the sign put
 * back, so -0.5 becomes -1 exactly as 0.5 becomes 1 and a credit note is
 * the exact mirror of its invoice. */
static __int128
round_div_128 (__int128 numerator,
               __int128 denominator)
{
  __int128 quotient = numerator / denominator;
  __int128 remainder = numerator % denominator;

  if (remainder < 0)
    remainder = -remainder;
  if (remainder * 2 >= denominator)
    quotient += numerator < 0 ? -1 : 1;

  return quotient;
}

/* Callers keep amounts within KASSA_MONEY_MAX; saturating is only a guard so
 * that nonsense input cannot wrap around into a plausible amount. */
static gint64
clamp_to_gint64 (__int128 value)
{
  if (value > G_MAXINT64)
    {
      g_warning ("Amount above the 64-bit range; clamped");
      return G_MAXINT64;
    }
  if (value < -G_MAXINT64)
    {
      g_warning ("Amount below the 64-bit range; clamped");
      return -G_MAXINT64;
    }
  return (gint64) value;
}

static guint
find_row_index (KassaVatSummary *summary,
                gint             rate,
                gboolean        *found)
{
  guint i;

  for (i = 0; i < summary->rows->len; i++)
    {
      const KassaVatRow *row = &g_array_index (summary->rows, KassaVatRow, i);

      if (row->rate <= rate)
        {
          *found = row->rate == rate;
          return i;
        }
    }

  *found = FALSE;
  return i;
}

/**
 * kassa_round_div:
 * @numerator: any value
 * @denominator: a positive value
 *
 * Returns: @numerator / @denominator rounded to the nearest integer, halves
 *   away from zero
 */
gint64
kassa_round_div (gint64 numerator,
                 gint64 denominator)
{
  g_return_val_if_fail (denominator > 0, 0);

  return (gint64) round_div_128 (numerator, denominator);
}

gint
kassa_share_bp (gint64 part,
                gint64 whole)
{
  __int128 scaled;
  __int128 bp;

  if (whole <= 0)
    return 0;

  /* part × 10000 can pass 2⁶³ for amounts near the limit. */
  scaled = (__int128) part * 10000;
  bp = (scaled + (scaled >= 0 ? whole / 2 : -(whole / 2))) / whole;
  return (gint) CLAMP (bp, G_MININT, G_MAXINT);
}

/**
 * kassa_line_net:
 * @quantity_thousandths: the quantity; negative on credit lines
 * @unit_price: the price of one unit in minor units
 * @discount_basis_points: 0..10000
 *
 * Returns: the line's net amount in minor units
 */
gint64
kassa_line_net (gint64 quantity_thousandths,
                gint64 unit_price,
                gint   discount_basis_points)
{
  __int128 numerator;

  g_return_val_if_fail (discount_basis_points >= 0 && discount_basis_points <= BASIS_POINTS, 0);

  /* Rounding rule: line net = quantity × unit price × (1 − discount),
   * computed exactly in 128 bits and rounded ONCE to minor units, halves
   * away from zero (2.5 × 19.99 = 49.975 → 49.98; −1.5 × 0.05 → −0.08).
   * Rounding the undiscounted amount first would drift by a cent. */
  numerator = (__int128) quantity_thousandths * unit_price *
              (BASIS_POINTS - discount_basis_points);

  return clamp_to_gint64 (round_div_128 (numerator, (__int128) QUANTITY_SCALE * BASIS_POINTS));
}

/**
 * kassa_vat_for_net:
 * @net: a net amount in minor units
 * @rate_basis_points: the VAT rate (2550 = 25.5 %)
 *
 * Returns: the VAT in minor units
 */
gint64
kassa_vat_for_net (gint64 net,
                   gint   rate_basis_points)
{
  g_return_val_if_fail (rate_basis_points >= 0, 0);

  /* Rounding rule: VAT = net × rate rounded to minor units, halves away
   * from zero (10.10 @ 25.5 % = 2.5755 → 2.58). Invoices call this once per
   * rate on the sum of that rate's line nets (see KassaVatSummary). */
  return clamp_to_gint64 (round_div_128 ((__int128) net * rate_basis_points, BASIS_POINTS));
}

/**
 * kassa_vat_summary_new:
 *
 * Returns: (transfer full): an empty summary
 */
KassaVatSummary *
kassa_vat_summary_new (void)
{
  KassaVatSummary *summary = g_new0 (KassaVatSummary, 1);

  summary->rows = g_array_new (FALSE, TRUE, sizeof (KassaVatRow));
  return summary;
}

void
kassa_vat_summary_free (KassaVatSummary *summary)
{
  if (summary == NULL)
    return;

  g_array_unref (summary->rows);
  g_free (summary);
}

/**
 * kassa_vat_summary_add_line:
 *
 * Adds a line's net to its rate's row and recomputes that row's VAT.
 */
void
kassa_vat_summary_add_line (KassaVatSummary *summary,
                            gint             rate_basis_points,
                            gint64           line_net)
{
  KassaVatRow *row;
  gboolean found;
  guint index;

  g_return_if_fail (summary != NULL);
  g_return_if_fail (rate_basis_points >= 0);

  index = find_row_index (summary, rate_basis_points, &found);
  if (!found)
    {
      KassaVatRow empty = { rate_basis_points, 0, 0 };

      g_array_insert_val (summary->rows, index, empty);
    }

  row = &g_array_index (summary->rows, KassaVatRow, index);
  row->net += line_net;
  /* Rounding rule: VAT per rate on the SUM of the line nets, not per line:
   * three lines of 0.02 at 25.5 % give 0.06 → 0.0153 → 0.02, where rounding
   * each line would give 3 × 0.01. */
  row->vat = kassa_vat_for_net (row->net, row->rate);
}

guint
kassa_vat_summary_get_n_rows (KassaVatSummary *summary)
{
  g_return_val_if_fail (summary != NULL, 0);

  return summary->rows->len;
}

/**
 * kassa_vat_summary_get_row:
 *
 * Returns: (transfer none): the row at @index, rows ordered by rate
 *   descending; valid until the next kassa_vat_summary_add_line()
 */
const KassaVatRow *
kassa_vat_summary_get_row (KassaVatSummary *summary,
                           guint            index)
{
  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (index < summary->rows->len, NULL);

  return &g_array_index (summary->rows, KassaVatRow, index);
}

gint64
kassa_vat_summary_get_net (KassaVatSummary *summary)
{
  gint64 total = 0;

  g_return_val_if_fail (summary != NULL, 0);

  for (guint i = 0; i < summary->rows->len; i++)
    total += g_array_index (summary->rows, KassaVatRow, i).net;

  return total;
}

gint64
kassa_vat_summary_get_vat (KassaVatSummary *summary)
{
  gint64 total = 0;

  g_return_val_if_fail (summary != NULL, 0);

  for (guint i = 0; i < summary->rows->len; i++)
    total += g_array_index (summary->rows, KassaVatRow, i).vat;

  return total;
}

gint64
kassa_vat_summary_get_gross (KassaVatSummary *summary)
{
  g_return_val_if_fail (summary != NULL, 0);

  return kassa_vat_summary_get_net (summary) + kassa_vat_summary_get_vat (summary);
}

/**
 * kassa_vat_rates_for_country:
 * @country: (nullable): an ISO 3166 alpha-2 code
 *
 * Finland: 25.5 % general rate since 1 September 2024, 13.5 % (food,
 * restaurants) from 1 January 2026, 10 %, 0 %.  Sweden 25/12/6/0, China
 * 13/9/6/0; other countries get a generic list.
 *
 * Returns: (transfer none): rates highest first, terminated by -1
 */
const gint *
kassa_vat_rates_for_country (const char *country)
{
  if (country == NULL)
    return rates_other;
  if (g_ascii_strcasecmp (country, "FI") == 0)
    return rates_fi;
  if (g_ascii_strcasecmp (country, "SE") == 0)
    return rates_se;
  if (g_ascii_strcasecmp (country, "CN") == 0)
    return rates_cn;

  return rates_other;
}
