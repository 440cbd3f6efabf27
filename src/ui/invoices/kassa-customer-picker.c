/* kassa-customer-picker.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-invoices"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-customer-list.h"
#include "kassa-customer-picker.h"

struct _KassaCustomerPicker
{
  GtkWidget            parent_instance;

  KassaStore          *store;
  KassaCustomerList   *customers;   /* created on first popup */
  GtkSingleSelection  *selection;
  KassaCustomerRecord *customer;

  GtkMenuButton       *button;
  GtkLabel            *button_label;
  GtkPopover          *popover;
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;
  GtkListView         *list_view;
};

G_DEFINE_FINAL_TYPE (KassaCustomerPicker, kassa_customer_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CUSTOMER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_button_label (KassaCustomerPicker *self)
{
  g_autofree char *text = NULL;

  if (self->customer == NULL)
    {
      gtk_label_set_text (self->button_label, _("Choose a Customer…"));
      gtk_widget_add_css_class (GTK_WIDGET (self->button_label), "dim-label");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->button_label), "dim-label");
  if (self->customer->archived)
    /* Translators: a customer in the picker: name, then number */
    text = g_strdup_printf (_("%s (%s, archived)"), self->customer->name, self->customer->number);
  else
    /* Translators: a customer in the picker: name, then number */
    text = g_strdup_printf (_("%s (%s)"), self->customer->name, self->customer->number);
  gtk_label_set_text (self->button_label, text);
}

static void
set_customer (KassaCustomerPicker       *self,
              const KassaCustomerRecord *record)
{
  gint64 old_id = kassa_customer_picker_get_customer_id (self);

  g_clear_pointer (&self->customer, kassa_customer_record_free);
  if (record != NULL)
    self->customer = kassa_customer_record_copy (record);

  update_button_label (self);

  if (old_id != kassa_customer_picker_get_customer_id (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

static void
update_stack (KassaCustomerPicker *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
select_position (KassaCustomerPicker *self,
                 guint                position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  if (n == 0)
    return;

  position = MIN (position, n - 1);
  gtk_single_selection_set_selected (self->selection, position);
  /* GtkListView has no scroll_to in 4.8; its action does the same. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
on_customers_items_changed (KassaCustomerPicker *self)
{
  update_stack (self);
  select_position (self, 0);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  KassaCustomer *customer = gtk_list_item_get_item (item);
  const KassaCustomerRecord *record = kassa_customer_get_record (customer);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  g_autofree char *text = NULL;

  gtk_label_set_text (GTK_LABEL (name), record->name);
  if (record->business_id != NULL && record->business_id[0] != '\0')
    /* Translators: customer number · business ID in the customer picker */
    text = g_strdup_printf (_("%s · %s"), record->number, record->business_id);
  else
    text = g_strdup (record->number);
  gtk_label_set_text (GTK_LABEL (detail), text);
}

static void
ensure_model (KassaCustomerPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  if (self->customers != NULL || self->store == NULL)
    return;

  self->customers = kassa_customer_list_new (self->store);
  kassa_customer_list_set_sort (self->customers, KASSA_CUSTOMER_SORT_NAME, FALSE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->customers)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->customers, "items-changed",
                           G_CALLBACK (on_customers_items_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_stack (self);
}

static void
pick_position (KassaCustomerPicker *self,
               guint                position)
{
  g_autoptr(KassaCustomer) customer = NULL;

  if (self->selection == NULL)
    return;

  customer = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (customer == NULL)
    return;

  set_customer (self, kassa_customer_get_record (customer));
  gtk_popover_popdown (self->popover);
}

static void
on_popover_show (KassaCustomerPicker *self)
{
  gint position = -1;

  ensure_model (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  if (self->customer != NULL && self->customers != NULL)
    position = kassa_customer_list_find (self->customers, self->customer->id);
  select_position (self, position >= 0 ? (guint) position : 0);
}

static void
on_search_changed (KassaCustomerPicker *self)
{
  if (self->customers == NULL)
    return;

  kassa_customer_list_set_search (self->customers,
                                  gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_stack (self);
  select_position (self, 0);
}

static void
on_search_activate (KassaCustomerPicker *self)
{
  guint position;

  if (self->selection == NULL)
    return;

  position = gtk_single_selection_get_selected (self->selection);
  if (position != GTK_INVALID_LIST_POSITION)
    pick_position (self, position);
}

static void
on_search_stop (KassaCustomerPicker *self)
{
  gtk_popover_popdown (self->popover);
}

static void
on_list_activate (KassaCustomerPicker *self,
                  guint                position)
{
  pick_position (self, position);
}

/* Arrow keys in the search entry move the selection, so that the user can
 * type, move and press Enter without leaving the entry. */
static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       KassaCustomerPicker   *self)
{
  guint selected;
  int delta;

  if (self->selection == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Down: case GDK_KEY_KP_Down: delta = 1; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: delta = -1; break;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down: delta = 8; break;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up: delta = -8; break;
    default:
      return FALSE;
    }

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;
  else if (delta < 0 && selected < (guint) -delta)
    selected = 0;
  else
    selected += delta;

  select_position (self, selected);
  return TRUE;
}

static void
kassa_customer_picker_dispose (GObject *object)
{
  KassaCustomerPicker *self = KASSA_CUSTOMER_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_CUSTOMER_PICKER);
  g_clear_object (&self->selection);
  g_clear_object (&self->customers);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_customer_picker_parent_class)->dispose (object);
}

static void
kassa_customer_picker_finalize (GObject *object)
{
  KassaCustomerPicker *self = KASSA_CUSTOMER_PICKER (object);

  g_clear_pointer (&self->customer, kassa_customer_record_free);

  G_OBJECT_CLASS (kassa_customer_picker_parent_class)->finalize (object);
}

static void
kassa_customer_picker_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KassaCustomerPicker *self = KASSA_CUSTOMER_PICKER (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, kassa_customer_picker_get_customer_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kassa_customer_picker_class_init (KassaCustomerPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_customer_picker_dispose;
  object_class->finalize = kassa_customer_picker_finalize;
  object_class->get_property = kassa_customer_picker_get_property;

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kassa/Kassa/invoices/kassa-customer-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerPicker, button);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerPicker, button_label);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerPicker, popover);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerPicker, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kassa_customer_picker_init (KassaCustomerPicker *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  update_button_label (self);
}

GtkWidget *
kassa_customer_picker_new (void)
{
  return g_object_new (KASSA_TYPE_CUSTOMER_PICKER, NULL);
}

void
kassa_customer_picker_set_store (KassaCustomerPicker *self,
                                 KassaStore          *store)
{
  g_return_if_fail (KASSA_IS_CUSTOMER_PICKER (self));
  g_return_if_fail (KASSA_IS_STORE (store));

  g_set_object (&self->store, store);
}

gint64
kassa_customer_picker_get_customer_id (KassaCustomerPicker *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMER_PICKER (self), 0);

  return self->customer != NULL ? self->customer->id : 0;
}

void
kassa_customer_picker_set_customer_id (KassaCustomerPicker *self,
                                       gint64               customer_id)
{
  g_autoptr(KassaCustomerRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KASSA_IS_CUSTOMER_PICKER (self));

  if (customer_id != 0 && self->store != NULL)
    {
      record = kassa_store_get_customer (self->store, customer_id, &error);
      if (record == NULL)
        g_warning ("Cannot load customer %" G_GINT64_FORMAT ": %s", customer_id, error->message);
    }

  set_customer (self, record);
}

const KassaCustomerRecord *
kassa_customer_picker_get_customer (KassaCustomerPicker *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMER_PICKER (self), NULL);

  return self->customer;
}

void
kassa_customer_picker_popup (KassaCustomerPicker *self)
{
  g_return_if_fail (KASSA_IS_CUSTOMER_PICKER (self));

  gtk_menu_button_popup (self->button);
}

void
kassa_customer_picker_set_error (KassaCustomerPicker *self,
                                 gboolean             error)
{
  g_return_if_fail (KASSA_IS_CUSTOMER_PICKER (self));

  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->button), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), "error");
}

GtkEditable *
kassa_customer_picker_get_search_entry (KassaCustomerPicker *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMER_PICKER (self), NULL);

  /* Tests may type before the popover was ever shown. */
  ensure_model (self);
  return GTK_EDITABLE (self->search_entry);
}

guint
kassa_customer_picker_get_n_matches (KassaCustomerPicker *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMER_PICKER (self), 0);

  if (self->selection == NULL)
    return 0;

  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}
