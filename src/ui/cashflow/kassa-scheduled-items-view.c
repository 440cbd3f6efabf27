/* kassa-scheduled-items-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A company has tens of scheduled items, not millions: the list is read
 * whole into a GListStore and the month totals are computed on the main
 * thread from kassa_schedule_occurrences.
 */
#define G_LOG_DOMAIN "kassa-cashflow"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-date.h"
#include "kassa-forecast.h"
#include "kassa-format.h"
#include "kassa-scheduled-item-editor.h"
#include "kassa-scheduled-items-view.h"

#define N_MONTHS 12

/* A list item holding one scheduled item. */
#define KASSA_TYPE_SCHEDULED_ROW (kassa_scheduled_row_get_type ())
G_DECLARE_FINAL_TYPE (KassaScheduledRow, kassa_scheduled_row, KASSA, SCHEDULED_ROW, GObject)

struct _KassaScheduledRow
{
  GObject             parent_instance;
  KassaScheduledItem *item;
  KassaDay            next;     /* next occurrence from today, 0 = none */
};

G_DEFINE_FINAL_TYPE (KassaScheduledRow, kassa_scheduled_row, G_TYPE_OBJECT)

static void
kassa_scheduled_row_finalize (GObject *object)
{
  g_clear_pointer (&KASSA_SCHEDULED_ROW (object)->item, kassa_scheduled_item_free);
  G_OBJECT_CLASS (kassa_scheduled_row_parent_class)->finalize (object);
}

static void
kassa_scheduled_row_class_init (KassaScheduledRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kassa_scheduled_row_finalize;
}

static void
kassa_scheduled_row_init (KassaScheduledRow *self)
{
}

struct _KassaScheduledItemsView
{
  AdwBin              parent_instance;

  KassaStore         *store;
  char                currency[4];
  KassaDay            today;
  GListStore         *rows;
  GtkSingleSelection *selection;
  GtkColumnView      *table;
  GtkWidget          *empty_label;
  GtkGrid            *totals;
  GtkWidget          *edit_button;
  GtkWidget          *delete_button;
  gint64              month_in[N_MONTHS];
  gint64              month_out[N_MONTHS];
};

G_DEFINE_FINAL_TYPE (KassaScheduledItemsView, kassa_scheduled_items_view, ADW_TYPE_BIN)

typedef enum
{
  COLUMN_NAME,
  COLUMN_CATEGORY,
  COLUMN_DIRECTION,
  COLUMN_AMOUNT,
  COLUMN_RECURRENCE,
  COLUMN_NEXT,
  COLUMN_END,
} Column;

static GtkWindow *
parent_window (KassaScheduledItemsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Months */

static void
month_range (KassaDay  today,
             guint     month,
             KassaDay *start,
             KassaDay *end)
{
  KassaDay first = kassa_day_add_months (kassa_day_start_of_month (today), (int) month);

  *start = month == 0 ? today : first;
  *end = kassa_day_add_months (first, 1) - 1;
}

static KassaDay
next_occurrence (const KassaScheduledItem *item,
                 KassaDay                  today)
{
  g_autoptr(GArray) days = NULL;
  KassaDay next = 0;
  KassaDay to = kassa_day_add_months (today, 13);

  days = kassa_schedule_occurrences (item, today, to);
  if (days != NULL && days->len > 0)
    next = g_array_index (days, KassaDay, 0);
  return next;
}

static void
add_item_to_months (KassaScheduledItemsView  *self,
                    const KassaScheduledItem *item)
{
  for (guint m = 0; m < N_MONTHS; m++)
    {
      g_autoptr(GArray) days = NULL;
      KassaDay start, end;
      gint64 sum;

      month_range (self->today, m, &start, &end);
      days = kassa_schedule_occurrences (item, start, end);
      sum = (gint64) (days != NULL ? days->len : 0) * item->amount;
      if (item->inflow)
        self->month_in[m] += sum;
      else
        self->month_out[m] += sum;
    }
}

static GtkWidget *
grid_label (const char *text,
            gboolean    numeric,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static char *
month_name (KassaDay day)
{
  int year, month, mday;
  g_autoptr(GDateTime) date = NULL;

  kassa_day_to_ymd (day, &year, &month, &mday);
  date = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  /* Translators: a month in the totals table, strftime format: "November 2026" */
  return g_date_time_format (date, C_("month and year", "%B %Y"));
}

static void
fill_totals (KassaScheduledItemsView *self)
{
  GtkWidget *child;
  /* "Net" alone is taken for "net of VAT" elsewhere: this one is in − out. */
  const char *headings[] = { _("Month"), _("Inflows"), _("Outflows"),
                             C_("cash flow: inflows minus outflows", "Net") };

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->totals))) != NULL)
    gtk_grid_remove (self->totals, child);

  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gtk_grid_attach (self->totals, grid_label (headings[c], c > 0, TRUE), c, 0, 1, 1);

  for (guint m = 0; m < N_MONTHS; m++)
    {
      KassaDay start, end;
      g_autofree char *name = NULL;
      g_autofree char *in = kassa_format_money (self->month_in[m], self->currency);
      g_autofree char *out = kassa_format_money (self->month_out[m], self->currency);
      g_autofree char *net = kassa_format_money (self->month_in[m] - self->month_out[m],
                                                 self->currency);

      month_range (self->today, m, &start, &end);
      name = month_name (start);
      gtk_grid_attach (self->totals, grid_label (name, FALSE, FALSE), 0, m + 1, 1, 1);
      gtk_grid_attach (self->totals, grid_label (in, TRUE, FALSE), 1, m + 1, 1, 1);
      gtk_grid_attach (self->totals, grid_label (out, TRUE, FALSE), 2, m + 1, 1, 1);
      gtk_grid_attach (self->totals, grid_label (net, TRUE, FALSE), 3, m + 1, 1, 1);
    }
}

static void
refresh (KassaScheduledItemsView *self)
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (self->store);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_strlcpy (self->currency, company != NULL ? company->currency : "EUR", sizeof self->currency);
  self->today = kassa_clock_today ();
  memset (self->month_in, 0, sizeof self->month_in);
  memset (self->month_out, 0, sizeof self->month_out);
  g_list_store_remove_all (self->rows);

  items = kassa_store_list_scheduled_items (self->store, &error);
  if (items == NULL)
    g_warning ("Could not list the scheduled items: %s", error->message);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      g_autoptr(KassaScheduledRow) row = g_object_new (KASSA_TYPE_SCHEDULED_ROW, NULL);

      row->item = kassa_scheduled_item_copy (g_ptr_array_index (items, i));
      row->next = next_occurrence (row->item, self->today);
      add_item_to_months (self, row->item);
      g_list_store_append (self->rows, row);
    }

  gtk_widget_set_visible (self->empty_label, g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0);
  fill_totals (self);
}

/* Cells */

static char *
cell_text (KassaScheduledItemsView *self,
           KassaScheduledRow       *row,
           Column                   column)
{
  const KassaScheduledItem *item = row->item;

  switch (column)
    {
    case COLUMN_NAME:       return g_strdup (item->name);
    case COLUMN_CATEGORY:   return g_strdup (kassa_cash_category_to_string (item->category));
    case COLUMN_DIRECTION:  return g_strdup (item->inflow ? C_("cash direction", "In")
                                                          : C_("cash direction", "Out"));
    case COLUMN_AMOUNT:     return kassa_format_money (item->amount, self->currency);
    case COLUMN_RECURRENCE: return g_strdup (kassa_recurrence_to_string (item->recurrence));
    case COLUMN_NEXT:       return row->next != 0 ? kassa_format_day (row->next) : g_strdup ("—");
    case COLUMN_END:
      if (item->recurrence == KASSA_SCHEDULE_ONCE)
        return g_strdup ("");
      return item->end_date != 0 ? kassa_format_day (item->end_date)
                                 : g_strdup (C_("end date", "No end"));
    default:
      return g_strdup ("");
    }
}

static void
on_setup_cell (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "kassa-column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_AMOUNT ? 1.0 : 0.0);
  if (column == COLUMN_AMOUNT)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
on_bind_cell (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              KassaScheduledItemsView  *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "kassa-column"));
  g_autofree char *text = cell_text (self, gtk_list_item_get_item (list_item), column);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
add_column (KassaScheduledItemsView *self,
            Column                   column,
            const char              *title,
            gboolean                 expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "kassa-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cell), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_cell), self, 0);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->table, view_column);
}

/* Actions */

static KassaScheduledRow *
selected_row (KassaScheduledItemsView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
on_add_clicked (KassaScheduledItemsView *self)
{
  gtk_window_present (GTK_WINDOW (kassa_scheduled_item_editor_new (parent_window (self),
                                                                   self->store, NULL)));
}

static void
on_edit_clicked (KassaScheduledItemsView *self)
{
  KassaScheduledRow *row = selected_row (self);

  if (row != NULL)
    gtk_window_present (GTK_WINDOW (kassa_scheduled_item_editor_new (parent_window (self),
                                                                     self->store, row->item)));
}

static void
on_table_activate (KassaScheduledItemsView *self,
                   guint                    position)
{
  gtk_single_selection_set_selected (self->selection, position);
  on_edit_clicked (self);
}

static void
on_delete_response (AdwMessageDialog        *dialog,
                    const char              *response,
                    KassaScheduledItemsView *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "kassa-item-id");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "delete") &&
      !kassa_store_delete_scheduled_item (self->store, id, &error))
    g_warning ("Could not delete scheduled item %" G_GINT64_FORMAT ": %s", id, error->message);
}

static void
on_delete_clicked (KassaScheduledItemsView *self)
{
  KassaScheduledRow *row = selected_row (self);
  GtkWidget *dialog;

  if (row == NULL)
    return;
  dialog = adw_message_dialog_new (parent_window (self), _("Delete Scheduled Item?"), NULL);
  /* Translators: %s is the name of a scheduled item, e.g. "Office rent" */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” and all its future occurrences leave the forecast."),
                                  row->item->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kassa-item-id",
                          g_memdup2 (&row->item->id, sizeof row->item->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_buttons (KassaScheduledItemsView *self)
{
  gboolean selected = selected_row (self) != NULL;

  gtk_widget_set_sensitive (self->edit_button, selected);
  gtk_widget_set_sensitive (self->delete_button, selected);
}

static void
on_store_changed (KassaScheduledItemsView *self,
                  guint                    what)
{
  if ((what & (KASSA_STORE_CHANGE_CASHFLOW | KASSA_STORE_CHANGE_COMPANY)) != 0)
    refresh (self);
}

/* Construction */

static GtkWidget *
toolbar_button (KassaScheduledItemsView *self,
                const char              *name,
                const char              *label,
                const char              *tooltip,
                GCallback                callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

static GtkWidget *
build_toolbar (KassaScheduledItemsView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Scheduled Inflows and Outflows"));

  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box),
                  toolbar_button (self, "scheduled-add", _("_Add…"),
                                  _("Add rent, salaries, taxes, a loan payment or another item"),
                                  G_CALLBACK (on_add_clicked)));
  self->edit_button = toolbar_button (self, "scheduled-edit", _("_Edit…"),
                                      _("Edit the selected item"), G_CALLBACK (on_edit_clicked));
  self->delete_button = toolbar_button (self, "scheduled-delete", _("_Delete"),
                                        _("Delete the selected item"),
                                        G_CALLBACK (on_delete_clicked));
  gtk_widget_add_css_class (self->delete_button, "destructive-action");
  gtk_box_append (GTK_BOX (box), self->edit_button);
  gtk_box_append (GTK_BOX (box), self->delete_button);
  return box;
}

static GtkWidget *
build_table (KassaScheduledItemsView *self)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  self->rows = g_list_store_new (KASSA_TYPE_SCHEDULED_ROW);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
  gtk_widget_set_name (GTK_WIDGET (self->table), "scheduled-table");
  gtk_column_view_set_show_column_separators (self->table, FALSE);
  add_column (self, COLUMN_NAME, _("Name"), TRUE);
  add_column (self, COLUMN_CATEGORY, _("Category"), FALSE);
  add_column (self, COLUMN_DIRECTION, C_("cash direction column", "In/Out"), FALSE);
  add_column (self, COLUMN_AMOUNT, _("Amount"), FALSE);
  add_column (self, COLUMN_RECURRENCE, _("Repeats"), FALSE);
  add_column (self, COLUMN_NEXT, _("Next"), FALSE);
  add_column (self, COLUMN_END, _("Ends"), FALSE);
  g_signal_connect_object (self->table, "activate", G_CALLBACK (on_table_activate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_buttons), self,
                           G_CONNECT_SWAPPED);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->table));
  return frame;
}

static GtkWidget *
build_totals (KassaScheduledItemsView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Totals per Month"));

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  self->totals = GTK_GRID (gtk_grid_new ());
  gtk_widget_set_name (GTK_WIDGET (self->totals), "scheduled-totals");
  gtk_grid_set_column_spacing (self->totals, 24);
  gtk_grid_set_row_spacing (self->totals, 4);
  gtk_widget_set_halign (GTK_WIDGET (self->totals), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->totals));
  return box;
}

static void
kassa_scheduled_items_view_dispose (GObject *object)
{
  KassaScheduledItemsView *self = KASSA_SCHEDULED_ITEMS_VIEW (object);

  g_clear_object (&self->store);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (kassa_scheduled_items_view_parent_class)->dispose (object);
}

static void
kassa_scheduled_items_view_class_init (KassaScheduledItemsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kassa_scheduled_items_view_dispose;
}

static void
kassa_scheduled_items_view_init (KassaScheduledItemsView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_box_append (GTK_BOX (box), build_toolbar (self));
  gtk_box_append (GTK_BOX (box), build_table (self));
  self->empty_label = gtk_label_new (_("Nothing scheduled yet. Add the rent, salaries, taxes and "
                                       "loan payments you know of: the forecast includes them."));
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (box), self->empty_label);
  gtk_box_append (GTK_BOX (box), build_totals (self));
  adw_bin_set_child (ADW_BIN (self), box);
  update_buttons (self);
}

GtkWidget *
kassa_scheduled_items_view_new (KassaStore *store)
{
  KassaScheduledItemsView *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_SCHEDULED_ITEMS_VIEW, NULL);
  self->store = g_object_ref (store);
  refresh (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
kassa_scheduled_items_view_get_month_totals (KassaScheduledItemsView *self,
                                             guint                    month,
                                             gint64                  *inflows,
                                             gint64                  *outflows)
{
  g_return_if_fail (KASSA_IS_SCHEDULED_ITEMS_VIEW (self));
  g_return_if_fail (month < N_MONTHS);

  *inflows = self->month_in[month];
  *outflows = self->month_out[month];
}
