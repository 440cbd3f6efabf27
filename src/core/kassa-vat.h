/* kassa-vat.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Rounds numerator / denominator to the nearest integer, halves away from
 * zero.  denominator must be positive. */
gint64   kassa_round_div              (gint64       numerator,
                                       gint64       denominator);
/* part ÷ whole in basis points (10000 = 100 %), half away from zero,
 * clamped to the gint range; 0 when whole is not positive. */
gint     kassa_share_bp               (gint64       part,
                                       gint64       whole);

gint64   kassa_line_net               (gint64       quantity_thousandths,
                                       gint64       unit_price,
                                       gint         discount_basis_points);
gint64   kassa_vat_for_net            (gint64       net,
                                       gint         rate_basis_points);

typedef struct
{
  gint   rate;   /* basis points */
  gint64 net;
  gint64 vat;
} KassaVatRow;

typedef struct _KassaVatSummary KassaVatSummary;

KassaVatSummary   *kassa_vat_summary_new        (void);
void               kassa_vat_summary_free       (KassaVatSummary *summary);
void               kassa_vat_summary_add_line   (KassaVatSummary *summary,
                                                 gint             rate_basis_points,
                                                 gint64           line_net);
guint              kassa_vat_summary_get_n_rows (KassaVatSummary *summary);
const KassaVatRow *kassa_vat_summary_get_row    (KassaVatSummary *summary,
                                                 guint            index);
gint64             kassa_vat_summary_get_net    (KassaVatSummary *summary);
gint64             kassa_vat_summary_get_vat    (KassaVatSummary *summary);
gint64             kassa_vat_summary_get_gross  (KassaVatSummary *summary);

/* VAT rates (basis points, highest first, terminated by -1) offered for
 * new lines in a company of the given ISO 3166 country. */
const gint *kassa_vat_rates_for_country (const char *country);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaVatSummary, kassa_vat_summary_free)

G_END_DECLS
