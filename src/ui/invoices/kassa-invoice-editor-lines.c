/* kassa-invoice-editor-lines.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lines of the invoice editor: adding, moving and removing them with
 * the buttons and the keyboard (Ctrl+L, Alt+Up/Down, Ctrl+Delete).
 */
#define G_LOG_DOMAIN "kassa-invoices"

#include "config.h"

#include "kassa-invoice-editor-private.h"

KassaInvoiceLineRow *
kassa_invoice_editor_line_at (KassaInvoiceEditor *self,
                              guint               index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->lines_list, index);

  return row != NULL ? KASSA_INVOICE_LINE_ROW (row) : NULL;
}

static void
on_line_changed (KassaInvoiceEditor *self)
{
  if (self->loading > 0)
    return;

  kassa_invoice_editor_mark_modified (self);
  kassa_invoice_editor_validate (self);
}

static void
remove_line (KassaInvoiceEditor  *self,
             KassaInvoiceLineRow *row)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (row)) != NULL;
  KassaInvoiceLineRow *neighbour;

  gtk_list_box_remove (self->lines_list, GTK_WIDGET (row));
  self->n_lines--;

  if ((guint) index >= self->n_lines && index > 0)
    index--;
  neighbour = kassa_invoice_editor_line_at (self, index);
  if (had_focus && neighbour != NULL)
    kassa_invoice_line_row_focus (neighbour);
  else if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->add_line_button));

  kassa_invoice_editor_mark_modified (self);
  kassa_invoice_editor_validate (self);
}

static void
on_line_remove (KassaInvoiceEditor  *self,
                KassaInvoiceLineRow *row)
{
  remove_line (self, row);
}

static void
add_to_size_groups (KassaInvoiceEditor  *self,
                    KassaInvoiceLineRow *row)
{
  gtk_size_group_add_widget (self->quantity_group,
                             kassa_invoice_line_row_get_field (row, KASSA_LINE_FIELD_QUANTITY));
  gtk_size_group_add_widget (self->unit_price_group,
                             kassa_invoice_line_row_get_field (row, KASSA_LINE_FIELD_UNIT_PRICE));
  gtk_size_group_add_widget (self->unit_cost_group,
                             kassa_invoice_line_row_get_field (row, KASSA_LINE_FIELD_UNIT_COST));
  gtk_size_group_add_widget (self->discount_group,
                             kassa_invoice_line_row_get_field (row, KASSA_LINE_FIELD_DISCOUNT));
  gtk_size_group_add_widget (self->vat_group,
                             kassa_invoice_line_row_get_field (row, KASSA_LINE_FIELD_VAT));
  gtk_size_group_add_widget (self->net_group,
                             kassa_invoice_line_row_get_field (row, KASSA_LINE_FIELD_NET));
  gtk_size_group_add_widget (self->remove_group,
                             GTK_WIDGET (kassa_invoice_line_row_get_remove_button (row)));
}

KassaInvoiceLineRow *
kassa_invoice_editor_append_line (KassaInvoiceEditor     *self,
                                  const KassaInvoiceLine *line)
{
  KassaInvoiceLineRow *row = kassa_invoice_line_row_new (self->currency, self->rates);

  if (line != NULL)
    kassa_invoice_line_row_set_line (row, line);

  g_signal_connect_object (row, "changed", G_CALLBACK (on_line_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_line_remove), self, G_CONNECT_SWAPPED);
  add_to_size_groups (self, row);
  gtk_list_box_append (self->lines_list, GTK_WIDGET (row));
  self->n_lines++;

  return row;
}

static KassaInvoiceLineRow *
focused_line (KassaInvoiceEditor *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL)
    return NULL;

  return (KassaInvoiceLineRow *) gtk_widget_get_ancestor (focus, KASSA_TYPE_INVOICE_LINE_ROW);
}

static void
move_line (KassaInvoiceEditor *self,
           int                 delta)
{
  KassaInvoiceLineRow *row = focused_line (self);
  GtkWidget *focus;
  int index;

  if (row == NULL)
    return;

  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + delta;
  if (index < 0 || (guint) index >= self->n_lines)
    return;

  /* Keep the caret where it was: the user is moving the line they edit. */
  focus = g_object_ref (gtk_root_get_focus (GTK_ROOT (self)));
  g_object_ref (row);
  gtk_list_box_remove (self->lines_list, GTK_WIDGET (row));
  gtk_list_box_insert (self->lines_list, GTK_WIDGET (row), index);
  g_object_unref (row);
  gtk_widget_grab_focus (focus);
  g_object_unref (focus);

  kassa_invoice_editor_mark_modified (self);
  kassa_invoice_editor_validate (self);
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KassaInvoiceEditor *self = KASSA_INVOICE_EDITOR (widget);
  KassaInvoiceLineRow *row = kassa_invoice_editor_append_line (self, NULL);

  kassa_invoice_line_row_focus (row);
  kassa_invoice_editor_mark_modified (self);
  kassa_invoice_editor_validate (self);
}

static void
move_line_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_line (KASSA_INVOICE_EDITOR (widget), g_str_equal (action_name, "editor.move-line-up") ? -1 : 1);
}

static void
remove_line_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KassaInvoiceEditor *self = KASSA_INVOICE_EDITOR (widget);
  KassaInvoiceLineRow *row = focused_line (self);

  if (row != NULL)
    remove_line (self, row);
}

void
kassa_invoice_editor_class_install_line_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "editor.move-line-up", NULL, move_line_action);
  gtk_widget_class_install_action (widget_class, "editor.move-line-down", NULL, move_line_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-line", NULL, remove_line_action);
}
