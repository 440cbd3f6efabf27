/* kassa-value-table.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-value-table"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-format.h"
#include "kassa-money.h"
#include "kassa-value-table.h"

#define CUSTOMER_ID_KEY "kassa-customer-id"

typedef enum
{
  COL_NUMBER,
  COL_NAME,
  COL_REVENUE,
  COL_MARGIN,
  COL_MARGIN_PERCENT,
  COL_INVOICES,
  COL_AVERAGE,
  COL_DAYS_SINCE,
  COL_CLASS,
  COL_SEGMENT,
  COL_LIFECYCLE,
  COL_RISK,
  COL_NPS,
  N_COLUMNS,
} ColumnKind;

struct _KassaValueTable
{
  GtkWidget                  parent_instance;

  GtkColumnView             *column_view;

  KassaStore                *store;
  gint64                     selected_customer;
  char                       currency[4];
  /* What undo restores. */
  KassaCustomerRelationship *undo;
};

G_DEFINE_FINAL_TYPE (KassaValueTable, kassa_value_table, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SELECTED_CUSTOMER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CLASS_SET,
  CUSTOMER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


/* The window's overlay: one place for every toast. */
static void
show_toast (GtkWidget *widget,
            AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static char *
format_percent (gint basis_points)
{
  return kassa_percent_format_fixed (basis_points, kassa_locale_current ());
}

static void
toast (KassaValueTable *self,
       const char      *text)
{
  show_toast (GTK_WIDGET (self), adw_toast_new (text));
}

/* ---- columns ---- */

static const char *
column_title (ColumnKind kind)
{
  switch (kind)
    {
    case COL_NUMBER: return _("Number");
    case COL_NAME: return _("Name");
    case COL_REVENUE: return _("Revenue");
    case COL_MARGIN: return _("Margin");
    /* Translators: column header, margin as a share of revenue. */
    case COL_MARGIN_PERCENT: return C_("column", "Margin %");
    case COL_INVOICES: return _("Invoices");
    case COL_AVERAGE: return _("Average Invoice");
    /* Translators: column header: days since the last invoice. */
    case COL_DAYS_SINCE: return _("Days Since Last");
    /* Translators: column header: ABC class. */
    case COL_CLASS: return C_("abc", "Class");
    case COL_SEGMENT: return _("Segment");
    case COL_LIFECYCLE: return _("Lifecycle");
    case COL_RISK: return _("Risk");
    case COL_NPS: return _("NPS");
    case N_COLUMNS:
    default:
      return "";
    }
}

static gboolean
column_is_numeric (ColumnKind kind)
{
  return kind == COL_REVENUE || kind == COL_MARGIN || kind == COL_MARGIN_PERCENT ||
         kind == COL_INVOICES || kind == COL_AVERAGE || kind == COL_DAYS_SINCE || kind == COL_NPS;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *cell;

  cell = gtk_inscription_new (NULL);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  /* Money needs its whole width; the table scrolls sideways instead. */
  if (kind == COL_NAME)
    {
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 16);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), 28);
    }
  else if (kind == COL_REVENUE || kind == COL_MARGIN || kind == COL_AVERAGE)
    gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 12);
  else if (kind == COL_SEGMENT || kind == COL_LIFECYCLE)
    gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 12);
  else
    gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 5);
  if (column_is_numeric (kind) || kind == COL_NUMBER)
    gtk_widget_add_css_class (cell, "numeric");
  if (column_is_numeric (kind))
    gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
  gtk_list_item_set_child (list_item, cell);
}

static char *
cell_text (KassaValueTable          *self,
           ColumnKind                kind,
           const KassaCustomerValue *value)
{
  switch (kind)
    {
    case COL_NUMBER: return g_strdup (value->number);
    case COL_NAME: return g_strdup (value->name);
    case COL_REVENUE: return kassa_format_money (value->revenue, self->currency);
    case COL_MARGIN: return kassa_format_money (value->margin, self->currency);
    case COL_MARGIN_PERCENT:
      return value->revenue > 0 ? format_percent (value->margin_bp) : NULL;
    case COL_INVOICES: return g_strdup_printf ("%u", value->n_invoices);
    case COL_AVERAGE:
      return value->n_invoices > 0 ? kassa_format_money (value->average_invoice, self->currency) : NULL;
    case COL_DAYS_SINCE:
      return value->days_since_last >= 0 ? g_strdup_printf ("%d", value->days_since_last) : NULL;
    case COL_CLASS: return kassa_value_format_class (value);
    case COL_SEGMENT:
      return value->segment == KASSA_SEGMENT_NONE ? NULL
                                                  : g_strdup (kassa_rfm_segment_to_string (value->segment));
    case COL_LIFECYCLE: return g_strdup (kassa_lifecycle_stage_to_string (value->lifecycle));
    case COL_RISK: return g_strdup (kassa_risk_class_to_string (value->risk));
    case COL_NPS: return value->nps_score >= 0 ? g_strdup_printf ("%d", value->nps_score) : NULL;
    case N_COLUMNS:
    default:
      return NULL;
    }
}

static char *
class_tooltip (const KassaCustomerValue *value)
{
  if (value->abc_override == KASSA_ABC_NONE)
    return NULL;
  /* Translators: tooltip of a class set by hand. */
  return g_strdup_printf (_("Computed class %s, set by hand to %s"),
                          kassa_abc_class_to_string (value->abc_computed),
                          kassa_abc_class_to_string (value->abc_override));
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  KassaValueTable *self = g_object_get_data (G_OBJECT (factory), "kassa-table");
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  KassaValueItem *item = gtk_list_item_get_item (list_item);
  const KassaCustomerValue *value = kassa_value_item_get_value (item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  /* For the right-click menu, which finds the row through the cell. */
  g_object_set_data_full (G_OBJECT (cell), CUSTOMER_ID_KEY,
                          g_memdup2 (&value->customer_id, sizeof (gint64)), g_free);
  text = cell_text (self, kind, value);
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  if (kind == COL_CLASS)
    tooltip = class_tooltip (value);
  gtk_widget_set_tooltip_text (cell, tooltip);
  if (kind == COL_MARGIN && value->margin < 0)
    gtk_widget_add_css_class (cell, "error");
  else if (kind == COL_MARGIN)
    gtk_widget_remove_css_class (cell, "error");
}

static gint64
sort_key (ColumnKind                kind,
          const KassaCustomerValue *value)
{
  switch (kind)
    {
    case COL_REVENUE: return value->revenue;
    case COL_MARGIN: return value->margin;
    case COL_MARGIN_PERCENT: return value->revenue > 0 ? value->margin_bp : G_MININT32;
    case COL_INVOICES: return value->n_invoices;
    case COL_AVERAGE: return value->average_invoice;
    case COL_DAYS_SINCE: return value->days_since_last >= 0 ? value->days_since_last : G_MAXINT32;
    /* NONE (0) sorts after C. */
    case COL_CLASS: return value->abc == KASSA_ABC_NONE ? 9 : value->abc;
    case COL_SEGMENT: return value->segment;
    case COL_LIFECYCLE: return value->lifecycle;
    case COL_RISK: return value->risk;
    case COL_NPS: return value->nps_score;
    case COL_NUMBER:
    case COL_NAME:
    case N_COLUMNS:
    default:
      return 0;
    }
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  const KassaCustomerValue *va = kassa_value_item_get_value (KASSA_VALUE_ITEM ((gpointer) a));
  const KassaCustomerValue *vb = kassa_value_item_get_value (KASSA_VALUE_ITEM ((gpointer) b));
  gint64 ka, kb;

  if (kind == COL_NUMBER)
    return g_utf8_collate (va->number, vb->number);
  if (kind == COL_NAME)
    return g_utf8_collate (va->name, vb->name);
  ka = sort_key (kind, va);
  kb = sort_key (kind, vb);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

static void
add_column (KassaValueTable *self,
            ColumnKind       kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "kassa-table", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (kind));
  column = gtk_column_view_column_new (column_title (kind), g_object_ref (factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, kind == COL_NAME);
  {
    GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_items, GINT_TO_POINTER (kind), NULL);

    gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
    g_object_unref (sorter);
  }
  gtk_column_view_append_column (self->column_view, column);
}

/* ---- the right-click menu ---- */

static gboolean
unparent_popover (gpointer data)
{
  gtk_widget_unparent (data);
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* After "closed" the menu still runs its item's action: unparent later. */
static void
on_context_menu_closed (GtkPopover *popover)
{
  g_idle_add (unparent_popover, g_object_ref (popover));
}

/* Right click on a row: the same "Set Class…" menu, for that row. */
static void
on_table_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  KassaValueTable *self)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  const gint64 *customer_id = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  GtkWidget *popover;

  for (; widget != NULL && customer_id == NULL; widget = gtk_widget_get_parent (widget))
    customer_id = g_object_get_data (G_OBJECT (widget), CUSTOMER_ID_KEY);
  if (customer_id == NULL)
    return;

  menu = kassa_value_class_menu_new (*customer_id);
  popover = gtk_popover_menu_new_from_model (menu);
  gtk_widget_set_parent (popover, GTK_WIDGET (self->column_view));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  g_signal_connect (popover, "closed", G_CALLBACK (on_context_menu_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
add_context_menu (KassaValueTable *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_table_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
}

/* ---- selection and activation ---- */

static void
set_selected_customer (KassaValueTable *self,
                       gint64           customer_id)
{
  if (self->selected_customer == customer_id)
    return;
  self->selected_customer = customer_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CUSTOMER]);
}

/* "Set Class…" acts on the selected customer. */
static void
on_selection_changed (KassaValueTable *self)
{
  GtkSelectionModel *model = gtk_column_view_get_model (self->column_view);
  g_autoptr(KassaValueItem) item = NULL;

  if (GTK_IS_SINGLE_SELECTION (model))
    item = g_list_model_get_item (G_LIST_MODEL (model),
                                  gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)));
  set_selected_customer (self, item != NULL ? kassa_value_item_get_value (item)->customer_id : 0);
}

static void
on_row_activated (KassaValueTable *self,
                  guint            position)
{
  g_autoptr(KassaValueItem) item = NULL;

  item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (self->column_view)),
                                position);
  if (item != NULL)
    g_signal_emit (self, signals[CUSTOMER_ACTIVATED], 0,
                   kassa_value_item_get_value (item)->customer_id);
}

/* ---- ABC override ---- */

static gboolean
save_override (KassaValueTable  *self,
               gint64            customer_id,
               KassaAbcClass     abc,
               GError          **error)
{
  g_autoptr(KassaCustomerRelationship) relationship = NULL;

  relationship = kassa_store_get_customer_relationship (self->store, customer_id, error);
  if (relationship == NULL)
    return FALSE;
  relationship->abc_override = abc;
  return kassa_store_save_customer_relationship (self->store, relationship,
                                                 kassa_clock_today (), error);
}

/* ---- lifecycle ---- */

static void
kassa_value_table_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KassaValueTable *self = KASSA_VALUE_TABLE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_CUSTOMER:
      g_value_set_int64 (value, self->selected_customer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kassa_value_table_dispose (GObject *object)
{
  KassaValueTable *self = KASSA_VALUE_TABLE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_VALUE_TABLE);
  /* The template's root is not bound, so not unparented above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->undo, kassa_customer_relationship_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_value_table_parent_class)->dispose (object);
}

static void
kassa_value_table_class_init (KassaValueTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kassa_value_table_get_property;
  object_class->dispose = kassa_value_table_dispose;

  properties[PROP_SELECTED_CUSTOMER] =
    g_param_spec_int64 ("selected-customer", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CLASS_SET] = g_signal_new ("class-set", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CUSTOMER_ACTIVATED] = g_signal_new ("customer-activated", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-value-table.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaValueTable, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
kassa_value_table_init (KassaValueTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_strlcpy (self->currency, "EUR", sizeof self->currency);
  for (ColumnKind kind = COL_NUMBER; kind < N_COLUMNS; kind++)
    add_column (self, kind);
  add_context_menu (self);
}

/* ---- public API ---- */

GMenuModel *
kassa_value_class_menu_new (gint64 customer_id)
{
  GMenu *menu = g_menu_new ();
  static const KassaAbcClass classes[] = { KASSA_ABC_A, KASSA_ABC_B, KASSA_ABC_C };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      /* Translators: menu item setting a customer's ABC class by hand. */
      label = g_strdup_printf (_("Class %s"), kassa_abc_class_to_string (classes[i]));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "value.set-class", "(xi)", customer_id,
                                         (gint32) classes[i]);
      g_menu_append_item (menu, item);
    }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Computed Class"), NULL);

    g_menu_item_set_action_and_target (item, "value.set-class", "(xi)", customer_id,
                                       (gint32) KASSA_ABC_NONE);
    g_menu_append_item (menu, item);
  }
  return G_MENU_MODEL (menu);
}

GtkWidget *
kassa_value_table_new (void)
{
  return g_object_new (KASSA_TYPE_VALUE_TABLE, NULL);
}

void
kassa_value_table_set_store (KassaValueTable *self,
                             KassaStore      *store)
{
  g_return_if_fail (KASSA_IS_VALUE_TABLE (self));
  g_return_if_fail (KASSA_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
kassa_value_table_set_report (KassaValueTable  *self,
                              KassaValueShared *shared,
                              const char       *currency)
{
  g_autoptr(GListStore) list = NULL;
  GtkSorter *sorter;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  g_return_if_fail (KASSA_IS_VALUE_TABLE (self));
  g_return_if_fail (shared != NULL);
  g_return_if_fail (currency != NULL);

  g_strlcpy (self->currency, currency, sizeof self->currency);
  list = kassa_value_shared_list (shared, NULL);
  sorter = gtk_column_view_get_sorter (self->column_view);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (list)), g_object_ref (sorter));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (selection, "selection-changed", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  on_selection_changed (self);
}

gint64
kassa_value_table_get_selected_customer (KassaValueTable *self)
{
  g_return_val_if_fail (KASSA_IS_VALUE_TABLE (self), 0);

  return self->selected_customer;
}

void
kassa_value_table_set_class (KassaValueTable *self,
                             gint64           customer_id,
                             KassaAbcClass    abc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KassaCustomerRelationship) before = NULL;
  AdwToast *done;

  g_return_if_fail (KASSA_IS_VALUE_TABLE (self));
  g_return_if_fail (self->store != NULL);

  if (abc < KASSA_ABC_NONE || abc > KASSA_ABC_C)
    return;

  before = kassa_store_get_customer_relationship (self->store, customer_id, &error);
  if (before == NULL || !save_override (self, customer_id, abc, &error))
    {
      toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->undo, kassa_customer_relationship_free);
  self->undo = g_steal_pointer (&before);

  done = adw_toast_new (abc == KASSA_ABC_NONE
                        ? _("Class set back to the computed one")
                        : _("Class set"));
  if (abc != KASSA_ABC_NONE)
    {
      g_autofree char *title = NULL;

      /* Translators: toast after setting a customer's ABC class by hand. */
      title = g_strdup_printf (_("Class set to %s"), kassa_abc_class_to_string (abc));
      adw_toast_set_title (done, title);
    }
  adw_toast_set_button_label (done, _("_Undo"));
  g_signal_connect_object (done, "button-clicked", G_CALLBACK (kassa_value_table_undo_class),
                           self, G_CONNECT_SWAPPED);
  show_toast (GTK_WIDGET (self), done);
  g_signal_emit (self, signals[CLASS_SET], 0);
}

void
kassa_value_table_undo_class (KassaValueTable *self)
{
  g_autoptr(KassaCustomerRelationship) undo = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KASSA_IS_VALUE_TABLE (self));

  undo = g_steal_pointer (&self->undo);

  if (undo == NULL)
    return;
  if (!save_override (self, undo->customer_id, undo->abc_override, &error))
    {
      toast (self, error->message);
      return;
    }
  g_signal_emit (self, signals[CLASS_SET], 0);
}
