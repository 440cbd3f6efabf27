/* kassa-customers-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-customers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-column-sort.h"
#include "kassa-customer-list.h"
#include "kassa-customer-view.h"
#include "kassa-customers-page.h"
#include "kassa-campaigns-view.h"
#include "kassa-format.h"
#include "kassa-segments-view.h"
#include "kassa-value-view.h"

/* Screenshots and demonstrations: $KASSA_CUSTOMERS_SECTION opens a section
 * ("list", "value", "segments", "campaigns") when the page is first shown. */
#define SECTION_ENV "KASSA_CUSTOMERS_SECTION"

typedef enum
{
  CELL_NUMBER,
  CELL_NAME,
  CELL_BUSINESS_ID,
  CELL_OPEN,
  CELL_OVERDUE,
} CellKind;

struct _KassaCustomersPage
{
  AdwBin               parent_instance;

  AdwViewStack        *section_stack;
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *archived_toggle;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *business_id_column;
  GtkColumnViewColumn *open_column;
  GtkColumnViewColumn *overdue_column;
  GtkLabel            *count_label;

  KassaStore          *store;
  KassaCustomerList   *customers;
  char                 currency[4];
  gboolean             env_handled;
};

G_DEFINE_FINAL_TYPE (KassaCustomersPage, kassa_customers_page, ADW_TYPE_BIN)

static void
update_state (KassaCustomersPage *self)
{
  guint n;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean filtered = (*search != '\0' || gtk_toggle_button_get_active (self->archived_toggle));
  g_autofree char *count = NULL;

  /* Nothing is queried before the page is first shown. */
  if (self->customers == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->customers));

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    gtk_stack_set_visible_child_name (self->list_stack, filtered ? "no-match" : "empty");

  count = g_strdup_printf (ngettext ("%u customer", "%u customers", n), n);
  gtk_label_set_text (self->count_label, count);
}

static void
on_search_changed (KassaCustomersPage *self)
{
  if (self->customers == NULL)
    return;
  kassa_customer_list_set_search (self->customers,
                                  gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (KassaCustomersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_archived_toggled (KassaCustomersPage *self)
{
  if (self->customers == NULL)
    return;
  kassa_customer_list_set_show_archived (self->customers,
                                         gtk_toggle_button_get_active (self->archived_toggle));
}

static void
on_sort_changed (KassaCustomersPage *self)
{
  gboolean descending = FALSE;
  int key;

  /* The view's sorter also changes while the page is torn down. */
  if (self->column_view == NULL || self->customers == NULL)
    return;

  key = kassa_column_sort_get_primary (self->column_view, &descending);

  if (key < 0)
    key = KASSA_CUSTOMER_SORT_NUMBER;

  kassa_customer_list_set_sort (self->customers, (KassaCustomerSort) key, descending);
}

static void
on_row_activated (KassaCustomersPage *self,
                  guint               position)
{
  g_autoptr(KassaCustomer) customer = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->customers == NULL)
    return;
  customer = g_list_model_get_item (G_LIST_MODEL (self->customers), position);
  if (customer == NULL)
    return;

  kassa_customer_view_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               self->store, kassa_customer_get_id (customer));
}

static void
on_store_changed (KassaCustomersPage *self,
                  guint               what)
{
  g_autoptr(KassaCompany) company = NULL;

  if (!(what & KASSA_STORE_CHANGE_COMPANY))
    return;

  company = kassa_store_get_company (self->store);
  if (company != NULL)
    g_strlcpy (self->currency, company->currency, sizeof self->currency);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  CellKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);

  switch (kind)
    {
    case CELL_NUMBER:
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 6);
      gtk_widget_add_css_class (cell, "numeric");
      break;

    case CELL_NAME:
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 8);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), 40);
      break;

    case CELL_BUSINESS_ID:
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 8);
      break;

    case CELL_OPEN:
    case CELL_OVERDUE:
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 9);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), 12);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
      gtk_widget_add_css_class (cell, "numeric");
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_list_item_set_child (item, cell);
}

static char *
format_name (const KassaCustomerRecord *record)
{
  if (!record->archived)
    return g_strdup (record->name);

  /* Translators: a customer name in the list, marked as archived. */
  return g_strdup_printf (_("%s (archived)"), record->name);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  KassaCustomersPage *self = g_object_get_data (G_OBJECT (factory), "kassa-page");
  CellKind kind = GPOINTER_TO_INT (user_data);
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  KassaCustomer *customer = gtk_list_item_get_item (item);
  const KassaCustomerRecord *record = kassa_customer_get_record (customer);
  gint64 overdue = kassa_customer_get_overdue_amount (customer);
  g_autofree char *text = NULL;

  switch (kind)
    {
    case CELL_NUMBER:
      text = g_strdup (record->number);
      break;

    case CELL_NAME:
      text = format_name (record);
      if (record->archived)
        gtk_widget_add_css_class (GTK_WIDGET (cell), "dim-label");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (cell), "dim-label");
      break;

    case CELL_BUSINESS_ID:
      text = g_strdup (record->business_id);
      break;

    case CELL_OPEN:
      text = kassa_format_money (kassa_customer_get_open_amount (customer), self->currency);
      break;

    case CELL_OVERDUE:
      /* Blank rather than a column of zeros: the amounts that matter stand out. */
      text = overdue != 0 ? kassa_format_money (overdue, self->currency) : NULL;
      if (overdue > 0)
        gtk_widget_add_css_class (GTK_WIDGET (cell), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (cell), "error");
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (cell, text);
}

static void
setup_column (KassaCustomersPage  *self,
              GtkColumnViewColumn *column,
              CellKind             kind,
              KassaCustomerSort    sort)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "kassa-page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (kind));
  gtk_column_view_column_set_factory (column, factory);
  kassa_column_sort_attach (column, sort);
}

/* The list is queried when the page is first shown (or asked for), so that
 * opening a large company does not wait for a page nobody looks at. */
static void
ensure_model (KassaCustomersPage *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  if (self->customers != NULL || self->store == NULL)
    return;

  self->customers = kassa_customer_list_new (self->store);
  kassa_customer_list_set_today (self->customers, kassa_clock_today ());
  g_signal_connect_object (self->customers, "items-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);

  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->customers)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    on_search_changed (self);
  if (gtk_toggle_button_get_active (self->archived_toggle))
    on_archived_toggled (self);
  on_sort_changed (self);
  update_state (self);
}

static void
kassa_customers_page_map (GtkWidget *widget)
{
  KassaCustomersPage *self = KASSA_CUSTOMERS_PAGE (widget);

  GTK_WIDGET_CLASS (kassa_customers_page_parent_class)->map (widget);
  ensure_model (self);
  if (!self->env_handled)
    {
      const char *section = g_getenv (SECTION_ENV);

      self->env_handled = TRUE;
      if (section != NULL)
        kassa_customers_page_show_section (self, section);
    }
}

static void
kassa_customers_page_dispose (GObject *object)
{
  KassaCustomersPage *self = KASSA_CUSTOMERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_CUSTOMERS_PAGE);
  g_clear_object (&self->customers);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_customers_page_parent_class)->dispose (object);
}

static void
kassa_customers_page_class_init (KassaCustomersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = kassa_customers_page_map;

  object_class->dispose = kassa_customers_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-customers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaCustomersPage, section_stack);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomersPage, archived_toggle);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomersPage, number_column);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomersPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomersPage, business_id_column);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomersPage, open_column);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomersPage, overdue_column);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomersPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_archived_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
kassa_customers_page_init (KassaCustomersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_strlcpy (self->currency, "EUR", sizeof self->currency);
  setup_column (self, self->number_column, CELL_NUMBER, KASSA_CUSTOMER_SORT_NUMBER);
  setup_column (self, self->name_column, CELL_NAME, KASSA_CUSTOMER_SORT_NAME);
  setup_column (self, self->business_id_column, CELL_BUSINESS_ID, KASSA_CUSTOMER_SORT_BUSINESS_ID);
  setup_column (self, self->open_column, CELL_OPEN, KASSA_CUSTOMER_SORT_OPEN);
  setup_column (self, self->overdue_column, CELL_OVERDUE, KASSA_CUSTOMER_SORT_OVERDUE);

  /* Show the order the list starts in (by name) on the header. */
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sort_changed), self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

/* The sections after the list compute only when first shown. */
static void
add_sections (KassaCustomersPage *self)
{
  AdwViewStackPage *page;

  page = adw_view_stack_add_titled (self->section_stack, kassa_value_view_new (self->store),
                                    "value", C_("customers section", "Value"));
  adw_view_stack_page_set_icon_name (page, "emblem-favorite-symbolic");
  page = adw_view_stack_add_titled (self->section_stack, kassa_segments_view_new (self->store),
                                    "segments", C_("customers section", "Segments"));
  adw_view_stack_page_set_icon_name (page, "view-grid-symbolic");
  page = adw_view_stack_add_titled (self->section_stack, kassa_campaigns_view_new (self->store),
                                    "campaigns", C_("customers section", "Campaigns"));
  adw_view_stack_page_set_icon_name (page, "mail-send-symbolic");
}

GtkWidget *
kassa_customers_page_new (KassaStore *store)
{
  KassaCustomersPage *self;
  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_CUSTOMERS_PAGE, NULL);
  self->store = g_object_ref (store);
  on_store_changed (self, KASSA_STORE_CHANGE_COMPANY);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  add_sections (self);

  return GTK_WIDGET (self);
}

void
kassa_customers_page_focus_search (KassaCustomersPage *self)
{
  g_return_if_fail (KASSA_IS_CUSTOMERS_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GListModel *
kassa_customers_page_get_model (KassaCustomersPage *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMERS_PAGE (self), NULL);

  ensure_model (self);
  return G_LIST_MODEL (self->customers);
}

void
kassa_customers_page_show_section (KassaCustomersPage *self,
                                   const char         *name)
{
  g_return_if_fail (KASSA_IS_CUSTOMERS_PAGE (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->section_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->section_stack, name);
}

const char *
kassa_customers_page_get_section (KassaCustomersPage *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMERS_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->section_stack);
}

GtkWidget *
kassa_customers_page_get_section_widget (KassaCustomersPage *self,
                                         const char         *name)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMERS_PAGE (self), NULL);

  return adw_view_stack_get_child_by_name (self->section_stack, name);
}
