/* kassa-invoice-line-row.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One editable invoice line: description, quantity, unit price, unit cost,
 * discount, VAT rate, the line net and a remove button.  The row parses and
 * validates its fields in the current locale on every edit and shows the
 * first error under the fields.
 */
#pragma once

#include <gtk/gtk.h>

#include "kassa-records.h"

G_BEGIN_DECLS

typedef enum
{
  KASSA_LINE_FIELD_DESCRIPTION,
  KASSA_LINE_FIELD_QUANTITY,
  KASSA_LINE_FIELD_UNIT_PRICE,
  KASSA_LINE_FIELD_UNIT_COST,
  KASSA_LINE_FIELD_DISCOUNT,
  KASSA_LINE_FIELD_VAT,
  KASSA_LINE_FIELD_NET,
  KASSA_LINE_N_FIELDS,
} KassaLineField;

#define KASSA_TYPE_INVOICE_LINE_ROW (kassa_invoice_line_row_get_type ())

G_DECLARE_FINAL_TYPE (KassaInvoiceLineRow, kassa_invoice_line_row, KASSA, INVOICE_LINE_ROW, GtkListBoxRow)

/* rates: VAT rates in basis points offered, terminated by -1. */
KassaInvoiceLineRow *kassa_invoice_line_row_new          (const char             *currency,
                                                          const gint             *rates);
void                 kassa_invoice_line_row_set_line     (KassaInvoiceLineRow    *self,
                                                          const KassaInvoiceLine *line);
/* The parsed line (position 0) or NULL when a field is invalid. */
KassaInvoiceLine    *kassa_invoice_line_row_get_line     (KassaInvoiceLineRow    *self);
/* (nullable): why the line is invalid, NULL when valid. */
const char          *kassa_invoice_line_row_get_error    (KassaInvoiceLineRow    *self);
/* Shows the errors of a row the user has not touched yet. */
void                 kassa_invoice_line_row_show_errors  (KassaInvoiceLineRow    *self);
void                 kassa_invoice_line_row_focus        (KassaInvoiceLineRow    *self);

/* The widget of a field (for size groups and tests): GtkEntry for the
 * text fields, GtkDropDown for VAT, GtkLabel for the net. */
GtkWidget           *kassa_invoice_line_row_get_field    (KassaInvoiceLineRow    *self,
                                                          KassaLineField          field);
GtkButton           *kassa_invoice_line_row_get_remove_button (KassaInvoiceLineRow *self);
/* Selects the VAT rate (basis points), adding it when not offered. */
void                 kassa_invoice_line_row_set_vat_rate (KassaInvoiceLineRow    *self,
                                                          gint                    rate);
gint                 kassa_invoice_line_row_get_vat_rate (KassaInvoiceLineRow    *self);

G_END_DECLS
