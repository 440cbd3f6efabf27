/* kassa-totals-grid.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The label grids of invoice totals, shared by the editor and the view.
 */
#pragma once

#include <gtk/gtk.h>

#include "kassa-records.h"

G_BEGIN_DECLS

GtkLabel *kassa_totals_grid_attach   (GtkGrid                  *grid,
                                      const char               *text,
                                      int                       column,
                                      int                       row,
                                      gboolean                  numeric);
void      kassa_totals_grid_clear    (GtkGrid                  *grid);
/* Refills grid with the VAT breakdown of record's lines (rate, net, VAT
 * per rate, computed by KassaVatSummary); returns the number of rates,
 * leaving the grid empty when there are none. */
guint     kassa_totals_grid_fill_vat (GtkGrid                  *grid,
                                      const KassaInvoiceRecord *record,
                                      const char               *currency,
                                      KassaLocale               locale);

G_END_DECLS
