/* kassa-invoice-editor-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by kassa-invoice-editor.c (form, validation, saving) and
 * kassa-invoice-editor-lines.c (adding, moving and removing lines).
 */
#pragma once

#include "kassa-invoice-editor.h"
#include "kassa-money.h"

G_BEGIN_DECLS

struct _KassaInvoiceEditor
{
  AdwWindow            parent_instance;

  KassaStore          *store;
  KassaInvoiceRecord  *record;        /* what was loaded (or the new defaults) */
  char                 currency[4];
  const gint          *rates;
  gint                 company_terms;
  KassaLocale          locale;
  KassaDay             today;
  KassaDay             issue_day;     /* 0 while the entry does not parse */
  KassaDay             due_day;
  gboolean             due_edited;    /* the user typed a due date: keep it */
  guint                loading;
  gboolean             modified;
  gboolean             discard_confirmed;
  char                *problem;
  guint                n_lines;

  AdwWindowTitle      *window_title;
  GtkButton           *send_button;
  GtkButton           *save_draft_button;
  GtkButton           *delete_button;
  AdwToastOverlay     *toast_overlay;
  AdwActionRow        *customer_row;
  KassaCustomerPicker *customer_picker;
  AdwActionRow        *issue_row;
  GtkEntry            *issue_entry;
  AdwActionRow        *due_row;
  GtkEntry            *due_entry;
  AdwComboRow         *delivery_row;
  GtkSwitch           *disputed_switch;
  GtkButton           *add_line_button;
  GtkListBox          *lines_list;
  GtkGrid             *vat_grid;
  GtkWidget           *vat_separator;
  GtkLabel            *net_label;
  GtkLabel            *vat_label;
  GtkLabel            *total_label;
  GtkTextView         *notes_view;
  GtkLabel            *problem_label;
  GtkLabel            *bar_total_label;
  GtkSizeGroup        *quantity_group;
  GtkSizeGroup        *unit_price_group;
  GtkSizeGroup        *unit_cost_group;
  GtkSizeGroup        *discount_group;
  GtkSizeGroup        *vat_group;
  GtkSizeGroup        *net_group;
  GtkSizeGroup        *remove_group;
};

void                 kassa_invoice_editor_mark_modified      (KassaInvoiceEditor     *self);
void                 kassa_invoice_editor_validate           (KassaInvoiceEditor     *self);

KassaInvoiceLineRow *kassa_invoice_editor_line_at            (KassaInvoiceEditor     *self,
                                                              guint                   index);
KassaInvoiceLineRow *kassa_invoice_editor_append_line        (KassaInvoiceEditor     *self,
                                                              const KassaInvoiceLine *line);
/* Installs editor.add-line, editor.move-line-up/-down, editor.remove-line. */
void                 kassa_invoice_editor_class_install_line_actions (GtkWidgetClass *widget_class);

G_END_DECLS
