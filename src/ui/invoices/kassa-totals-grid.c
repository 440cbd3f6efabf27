/* kassa-totals-grid.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-totals-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-money.h"
#include "kassa-totals-grid.h"
#include "kassa-vat.h"

GtkLabel *
kassa_totals_grid_attach (GtkGrid    *grid,
                          const char *text,
                          int         column,
                          int         row,
                          gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);

  return GTK_LABEL (label);
}

void
kassa_totals_grid_clear (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
attach_header (GtkGrid *grid)
{
  GtkLabel *labels[] = {
    kassa_totals_grid_attach (grid, _("VAT rate"), 0, 0, FALSE),
    kassa_totals_grid_attach (grid, _("Net"), 1, 0, TRUE),
    kassa_totals_grid_attach (grid, _("VAT"), 2, 0, TRUE),
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_widget_add_css_class (GTK_WIDGET (labels[i]), "dim-label");
}

guint
kassa_totals_grid_fill_vat (GtkGrid                  *grid,
                            const KassaInvoiceRecord *record,
                            const char               *currency,
                            KassaLocale               locale)
{
  g_autoptr(KassaVatSummary) summary = kassa_vat_summary_new ();
  guint n_rows;

  g_return_val_if_fail (GTK_IS_GRID (grid), 0);
  g_return_val_if_fail (record != NULL, 0);

  /* The same per-rate rounding as the store and the printed invoice. */
  for (guint i = 0; i < record->lines->len; i++)
    {
      const KassaInvoiceLine *line = g_ptr_array_index (record->lines, i);

      kassa_vat_summary_add_line (summary, line->vat_rate, kassa_invoice_line_get_net (line));
    }

  kassa_totals_grid_clear (grid);
  n_rows = kassa_vat_summary_get_n_rows (summary);
  if (n_rows == 0)
    return 0;

  attach_header (grid);
  for (guint i = 0; i < n_rows; i++)
    {
      const KassaVatRow *row = kassa_vat_summary_get_row (summary, i);
      g_autofree char *rate = kassa_percent_format (row->rate, locale);
      g_autofree char *net = kassa_money_format (row->net, currency, locale);
      g_autofree char *vat = kassa_money_format (row->vat, currency, locale);

      kassa_totals_grid_attach (grid, rate, 0, i + 1, FALSE);
      kassa_totals_grid_attach (grid, net, 1, i + 1, TRUE);
      kassa_totals_grid_attach (grid, vat, 2, i + 1, TRUE);
    }

  return n_rows;
}
