/* kassa-aging-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The customer table holds at most one row per customer with something
 * open (thousands, not millions), so it is an in-memory list sorted by a
 * GtkSortListModel.  The drill-down is KassaAgingDrilldown.
 */
#define G_LOG_DOMAIN "kassa-aging-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kassa-aging-drilldown.h"
#include "kassa-aging-view.h"
#include "kassa-cash-chart.h"
#include "kassa-clock.h"
#include "kassa-date.h"
#include "kassa-format.h"

/* Column keys of the customer table: the buckets, then these. */
#define KEY_TOTAL    KASSA_AGING_N_BUCKETS
#define KEY_CUSTOMER (KASSA_AGING_N_BUCKETS + 1)

/* The history chart: the month ends of the last six months, then today. */
#define HISTORY_MONTHS 6
#define HISTORY_POINTS (HISTORY_MONTHS + 1)

/* Changes that move open amounts. */
#define HISTORY_CHANGES (KASSA_STORE_CHANGE_INVOICES | KASSA_STORE_CHANGE_PAYMENTS | \
                         KASSA_STORE_CHANGE_CUSTOMERS)

#define COLUMN_KEY "kassa-column-key"
#define LIST_ITEM_KEY "kassa-list-item"

/* ---- list items ---- */

#define KASSA_TYPE_AGING_ROW_ITEM (kassa_aging_row_item_get_type ())
G_DECLARE_FINAL_TYPE (KassaAgingRowItem, kassa_aging_row_item, KASSA, AGING_ROW_ITEM, GObject)

struct _KassaAgingRowItem
{
  GObject       parent_instance;
  KassaAgingRow row;
};

G_DEFINE_FINAL_TYPE (KassaAgingRowItem, kassa_aging_row_item, G_TYPE_OBJECT)

static void
kassa_aging_row_item_finalize (GObject *object)
{
  KassaAgingRowItem *self = KASSA_AGING_ROW_ITEM (object);

  g_free (self->row.customer_number);
  g_free (self->row.customer_name);

  G_OBJECT_CLASS (kassa_aging_row_item_parent_class)->finalize (object);
}

static void
kassa_aging_row_item_class_init (KassaAgingRowItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kassa_aging_row_item_finalize;
}

static void
kassa_aging_row_item_init (KassaAgingRowItem *self)
{
}

static KassaAgingRowItem *
kassa_aging_row_item_new (const KassaAgingRow *row)
{
  KassaAgingRowItem *self = g_object_new (KASSA_TYPE_AGING_ROW_ITEM, NULL);

  self->row = *row;
  self->row.customer_number = g_strdup (row->customer_number);
  self->row.customer_name = g_strdup (row->customer_name);
  return self;
}

/* ---- the view ---- */

typedef struct
{
  GtkLabel *amount;
  GtkLabel *count;
} BucketCard;

struct _KassaAgingView
{
  GtkWidget              parent_instance;

  GtkStack              *stack;
  AdwBin                *header_bin;
  GtkStack              *content_stack;
  AdwStatusPage         *empty_page;
  GtkFlowBox            *bucket_box;
  GtkColumnView         *customer_view;
  KassaAgingDrilldown   *drilldown;
  GtkMenuButton         *as_of_button;
  GtkPopover            *as_of_popover;
  GtkCalendar           *calendar;
  GtkDropDown           *basis_dropdown;
  GtkLabel              *total_amount;
  GtkLabel              *total_count;
  GtkStack              *history_stack;
  GtkSpinner            *history_spinner;
  AdwBin                *history_bin;
  GtkWidget             *context_menu;
  BucketCard             cards[KASSA_AGING_N_BUCKETS + 1];

  KassaStore            *store;
  char                  *currency;
  GListStore            *customers;
  GtkSortListModel      *sorted_customers;
  /* What the controls ask for … */
  KassaDay               query_as_of;
  KassaAgingBasis        query_basis;
  /* … and what the aging shown was computed for. */
  KassaDay               as_of;
  gboolean               setting_controls;
  /* The history chart and what it was computed for; a store change
   * makes it stale. */
  KassaCashChart        *history_chart;
  GCancellable          *history_cancellable;
  KassaDay               history_today;
  KassaAgingBasis        history_basis;
  gboolean               history_valid;
};

G_DEFINE_FINAL_TYPE (KassaAgingView, kassa_aging_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_QUERY_CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static char *
format_money (KassaAgingView *self,
              gint64          amount)
{
  return kassa_format_money (amount, self->currency != NULL ? self->currency : "EUR");
}

static const char *
bucket_title (int bucket)
{
  if (bucket < 0 || bucket >= KASSA_AGING_N_BUCKETS)
    return C_("aging", "Total");

  return kassa_aging_bucket_to_string ((KassaAgingBucket) bucket);
}

static int
column_key (gpointer object)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (object), COLUMN_KEY));
}

/* ---- cells ---- */

static GtkWidget *
create_cell_label (gboolean numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");

  return label;
}

static void
set_money_or_blank (KassaAgingView *self,
                    GtkLabel       *label,
                    gint64          amount)
{
  g_autofree char *text = NULL;

  /* Blank rather than zero: the amounts that matter stand out. */
  if (amount != 0)
    text = format_money (self, amount);
  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
on_cell_secondary_click (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         KassaAgingView  *self);

static void
setup_customer_cell (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     KassaAgingView           *self)
{
  int key = column_key (factory);
  GtkWidget *label = create_cell_label (key != KEY_CUSTOMER);
  GtkGesture *click = gtk_gesture_click_new ();

  /* Right-click on a cell offers that customer's invoices, or only those
   * of the bucket under the pointer. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_object_set_data (G_OBJECT (click), LIST_ITEM_KEY, item);
  g_object_set_data (G_OBJECT (click), COLUMN_KEY, GINT_TO_POINTER (key));
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_cell_secondary_click), self, 0);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, label);
}

static void
bind_customer_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    KassaAgingView           *self)
{
  const KassaAgingRow *row = &KASSA_AGING_ROW_ITEM (gtk_list_item_get_item (item))->row;
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  int key = column_key (factory);

  if (key == KEY_CUSTOMER)
    gtk_label_set_text (label, row->customer_name != NULL ? row->customer_name : "");
  else if (key == KEY_TOTAL)
    set_money_or_blank (self, label, row->total);
  else
    set_money_or_blank (self, label, row->buckets[key]);
}

/* ---- sorters ---- */

static gint64
row_value (const KassaAgingRow *row,
           int                  key)
{
  return key == KEY_TOTAL ? row->total : row->buckets[key];
}

static int
compare_names (const char *a,
               const char *b)
{
  int order = g_utf8_collate (a != NULL ? a : "", b != NULL ? b : "");

  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const KassaAgingRow *left = &((const KassaAgingRowItem *) a)->row;
  const KassaAgingRow *right = &((const KassaAgingRowItem *) b)->row;
  int key = GPOINTER_TO_INT (user_data);
  gint64 x, y;

  if (key == KEY_CUSTOMER)
    return compare_names (left->customer_name, right->customer_name);

  x = row_value (left, key);
  y = row_value (right, key);
  return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* ---- columns ---- */

static GtkColumnViewColumn *
add_column (GtkColumnView    *view,
            const char       *title,
            int               key,
            GCallback         setup,
            GCallback         bind,
            GCompareDataFunc  compare,
            KassaAgingView   *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;

  g_object_set_data (G_OBJECT (factory), COLUMN_KEY, GINT_TO_POINTER (key));
  g_signal_connect_object (factory, "setup", setup, self, 0);
  g_signal_connect_object (factory, "bind", bind, self, 0);

  column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare, GINT_TO_POINTER (key), NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);

  return column;
}

static void
build_customer_columns (KassaAgingView *self)
{
  GtkColumnViewColumn *column;
  GtkColumnViewColumn *total;

  column = add_column (self->customer_view, _("Customer"), KEY_CUSTOMER,
                       G_CALLBACK (setup_customer_cell), G_CALLBACK (bind_customer_cell),
                       compare_rows, self);
  /* Names keep a readable width when the window is narrow; the table
   * scrolls sideways instead. */
  gtk_column_view_column_set_fixed_width (column, 180);
  gtk_column_view_column_set_expand (column, TRUE);

  for (int bucket = 0; bucket < KASSA_AGING_N_BUCKETS; bucket++)
    {
      column = add_column (self->customer_view, bucket_title (bucket), bucket,
                           G_CALLBACK (setup_customer_cell), G_CALLBACK (bind_customer_cell),
                           compare_rows, self);
      gtk_column_view_column_set_fixed_width (column, 120);
    }

  total = add_column (self->customer_view, C_("aging", "Total"), KEY_TOTAL,
                      G_CALLBACK (setup_customer_cell), G_CALLBACK (bind_customer_cell),
                      compare_rows, self);
  gtk_column_view_column_set_fixed_width (total, 130);

  /* Largest balances first, as the analytics deliver them. */
  gtk_column_view_sort_by_column (self->customer_view, total, GTK_SORT_DESCENDING);
}

/* ---- bucket cards ---- */

static GtkWidget *
create_card_label (const char *css_class,
                   const char *second_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, css_class);
  if (second_class != NULL)
    gtk_widget_add_css_class (label, second_class);

  return label;
}

static void
on_bucket_card_clicked (GtkButton      *button,
                        KassaAgingView *self)
{
  kassa_aging_view_show_invoices (self, 0, column_key (button));
}

static GtkWidget *
create_bucket_card (KassaAgingView *self,
                    int             bucket)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = create_card_label ("heading", "dim-label");
  GtkWidget *amount = create_card_label ("title-3", "numeric");
  GtkWidget *count = create_card_label ("caption", "dim-label");
  g_autofree char *tooltip = NULL;

  gtk_label_set_text (GTK_LABEL (title), bucket_title (bucket));
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), amount);
  gtk_box_append (GTK_BOX (box), count);
  /* Tighter than the Overview's figure cards: five must fit in a row
   * even with eight-digit amounts. */
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");

  /* Translators: tooltip of an aging bucket card; %s is the bucket, e.g. "1–30 days" */
  tooltip = g_strdup_printf (_("Show the invoices in “%s”"), bucket_title (bucket));
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), COLUMN_KEY, GINT_TO_POINTER (bucket));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_bucket_card_clicked), self, 0);

  self->cards[bucket].amount = GTK_LABEL (amount);
  self->cards[bucket].count = GTK_LABEL (count);
  return button;
}

static void
build_bucket_cards (KassaAgingView *self)
{
  self->cards[KEY_TOTAL].amount = self->total_amount;
  self->cards[KEY_TOTAL].count = self->total_count;

  for (int bucket = 0; bucket < KASSA_AGING_N_BUCKETS; bucket++)
    {
      GtkWidget *card = create_bucket_card (self, bucket);

      gtk_flow_box_append (self->bucket_box, card);
      /* The button inside takes the focus; the flow box child need not. */
      gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
    }
}

static void
set_bucket_card (KassaAgingView *self,
                 int             bucket,
                 gint64          amount,
                 int             count)
{
  g_autofree char *money = format_money (self, amount);
  g_autofree char *invoices = NULL;
  GtkWidget *amount_label = GTK_WIDGET (self->cards[bucket].amount);

  /* Translators: under an aging bucket's amount */
  invoices = g_strdup_printf (ngettext ("%d invoice", "%d invoices", count), count);
  gtk_label_set_text (self->cards[bucket].amount, money);
  gtk_label_set_text (self->cards[bucket].count, invoices);

  gtk_widget_remove_css_class (amount_label, "warning");
  gtk_widget_remove_css_class (amount_label, "error");
  if (amount > 0 && bucket == KASSA_AGING_61_90)
    gtk_widget_add_css_class (amount_label, "warning");
  else if (amount > 0 && bucket == KASSA_AGING_OVER_90)
    gtk_widget_add_css_class (amount_label, "error");
}

static const KassaAgingRow *
find_row (KassaAgingView *self,
          gint64          customer_id)
{
  GListModel *model = G_LIST_MODEL (self->customers);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KassaAgingRowItem) item = g_list_model_get_item (model, i);

      if (item->row.customer_id == customer_id)
        return &item->row;
    }

  return NULL;
}

/* (nullable): the customer's name from the aging, or from the store when
 * nothing of theirs is open (a drill-down asked for before the aging
 * arrived); NULL for all customers. */
static char *
resolve_customer_name (KassaAgingView *self,
                       gint64          customer_id)
{
  const KassaAgingRow *row;
  g_autoptr(KassaCustomerRecord) customer = NULL;

  if (customer_id == 0)
    return NULL;

  row = find_row (self, customer_id);
  if (row != NULL)
    return g_strdup (row->customer_name);

  customer = kassa_store_get_customer (self->store, customer_id, NULL);
  return customer != NULL ? g_strdup (customer->name) : NULL;
}

static void
on_customer_activate (KassaAgingView *self,
                      guint           position)
{
  const KassaAgingRow *row = kassa_aging_view_get_row (self, position);

  if (row != NULL)
    kassa_aging_view_show_invoices (self, row->customer_id, KASSA_AGING_VIEW_ALL_BUCKETS);
}

/* ---- context menu ---- */

static GMenuItem *
create_show_item (const char *label,
                  gint64      customer_id,
                  int         bucket)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, "aging.show-invoices",
                                           g_variant_new ("(xi)", customer_id, bucket));
  return item;
}

static GMenuModel *
create_row_menu (const KassaAgingRow *row,
                 int                  key)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) all = NULL;

  all = create_show_item (_("Show All Invoices of This Customer"), row->customer_id,
                          KASSA_AGING_VIEW_ALL_BUCKETS);
  g_menu_append_item (menu, all);

  if (key < KASSA_AGING_N_BUCKETS)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) bucket = NULL;

      /* Translators: context menu of an aging cell; %s is the bucket, e.g. "31–60 days" */
      label = g_strdup_printf (_("Show Invoices in “%s”"), bucket_title (key));
      bucket = create_show_item (label, row->customer_id, key);
      g_menu_append_item (menu, bucket);
    }

  return G_MENU_MODEL (menu);
}

static void
on_cell_secondary_click (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         KassaAgingView  *self)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (gesture), LIST_ITEM_KEY);
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  KassaAgingRowItem *row_item = KASSA_AGING_ROW_ITEM (gtk_list_item_get_item (item));
  g_autoptr(GMenuModel) menu = NULL;
  double view_x, view_y;

  if (row_item == NULL ||
      !gtk_widget_translate_coordinates (cell, GTK_WIDGET (self), x, y, &view_x, &view_y))
    return;

  menu = create_row_menu (&row_item->row, column_key (gesture));
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), menu);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) view_x, (int) view_y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
show_invoices_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gint64 customer_id;
  int bucket;

  g_variant_get (parameter, "(xi)", &customer_id, &bucket);
  kassa_aging_view_show_invoices (KASSA_AGING_VIEW (widget), customer_id, bucket);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KassaAgingView *self = KASSA_AGING_VIEW (widget);

  kassa_aging_view_show_summary (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->customer_view));
}

/* ---- as of and basis ---- */

static void
update_as_of_label (KassaAgingView *self)
{
  g_autofree char *day = kassa_format_day (self->query_as_of);

  gtk_menu_button_set_label (self->as_of_button, day);
}

static void
set_query (KassaAgingView  *self,
           KassaDay         as_of,
           KassaAgingBasis  basis)
{
  if (as_of == self->query_as_of && basis == self->query_basis)
    return;

  self->query_as_of = as_of;
  self->query_basis = basis;
  update_as_of_label (self);
  g_signal_emit (self, signals[SIGNAL_QUERY_CHANGED], 0);
}

static void
on_as_of_popover_show (KassaAgingView *self)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  kassa_day_to_ymd (self->query_as_of, &year, &month, &day);
  date = g_date_time_new_local (year, month, day, 12, 0, 0);

  self->setting_controls = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->setting_controls = FALSE;
}

static void
on_calendar_day_selected (KassaAgingView *self)
{
  g_autoptr(GDateTime) date = NULL;

  if (self->setting_controls)
    return;

  date = gtk_calendar_get_date (self->calendar);
  gtk_popover_popdown (self->as_of_popover);
  set_query (self, kassa_day_from_date_time (date), self->query_basis);
}

static void
on_today_clicked (KassaAgingView *self)
{
  gtk_popover_popdown (self->as_of_popover);
  set_query (self, kassa_clock_today (), self->query_basis);
}

static void
on_basis_changed (KassaAgingView *self)
{
  KassaAgingBasis basis = gtk_drop_down_get_selected (self->basis_dropdown) == 1
                          ? KASSA_AGING_BY_ISSUE_DATE : KASSA_AGING_BY_DUE_DATE;

  if (!self->setting_controls)
    set_query (self, self->query_as_of, basis);
}

/* ---- GtkWidget ---- */

static void
kassa_aging_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  KassaAgingView *self = KASSA_AGING_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

/* A plain GtkWidget so that the context menu can be placed: popovers
 * need their parent to present them when it is allocated. */
static void
kassa_aging_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  KassaAgingView *self = KASSA_AGING_VIEW (widget);

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
kassa_aging_view_dispose (GObject *object)
{
  KassaAgingView *self = KASSA_AGING_VIEW (object);

  if (self->history_cancellable != NULL)
    g_cancellable_cancel (self->history_cancellable);
  g_clear_object (&self->history_cancellable);

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_AGING_VIEW);
  g_clear_object (&self->sorted_customers);
  g_clear_object (&self->customers);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_aging_view_parent_class)->dispose (object);
}

static void
kassa_aging_view_finalize (GObject *object)
{
  KassaAgingView *self = KASSA_AGING_VIEW (object);

  g_free (self->currency);

  G_OBJECT_CLASS (kassa_aging_view_parent_class)->finalize (object);
}

static void
kassa_aging_view_class_init (KassaAgingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_aging_view_dispose;
  object_class->finalize = kassa_aging_view_finalize;
  widget_class->measure = kassa_aging_view_measure;
  widget_class->size_allocate = kassa_aging_view_size_allocate;

  g_type_ensure (KASSA_TYPE_AGING_DRILLDOWN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-aging-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaAgingView, stack);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingView, header_bin);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingView, bucket_box);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingView, customer_view);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingView, drilldown);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingView, as_of_button);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingView, as_of_popover);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingView, calendar);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingView, basis_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingView, total_amount);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingView, total_count);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingView, history_stack);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingView, history_spinner);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingView, history_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_as_of_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_basis_changed);

  /**
   * KassaAgingView::query-changed:
   *
   * The user picked another "as of" day or basis: the owner recomputes
   * the aging and calls kassa_aging_view_set_aging.
   */
  signals[SIGNAL_QUERY_CHANGED] = g_signal_new ("query-changed", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "aging.show-invoices", "(xi)",
                                   show_invoices_action);
  gtk_widget_class_install_action (widget_class, "aging.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "aging.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "aging.back", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
setup_models (KassaAgingView *self)
{
  GtkSorter *sorter;

  self->customers = g_list_store_new (KASSA_TYPE_AGING_ROW_ITEM);
  sorter = gtk_column_view_get_sorter (self->customer_view);
  self->sorted_customers = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->customers)),
                                                    g_object_ref (sorter));
  gtk_column_view_set_model (self->customer_view,
                             GTK_SELECTION_MODEL (gtk_single_selection_new (
                               g_object_ref (G_LIST_MODEL (self->sorted_customers)))));
}

static void
kassa_aging_view_init (KassaAgingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_customer_columns (self);
  build_bucket_cards (self);
  setup_models (self);

  self->context_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "aging.back", FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");

  self->query_as_of = kassa_clock_today ();
  self->query_basis = KASSA_AGING_BY_DUE_DATE;
  update_as_of_label (self);

  self->history_chart = KASSA_CASH_CHART (kassa_cash_chart_new_stacked ());
  gtk_widget_set_name (GTK_WIDGET (self->history_chart), "aging-history-chart");
  adw_bin_set_child (self->history_bin, GTK_WIDGET (self->history_chart));
  gtk_stack_set_visible_child_name (self->history_stack, "loading");
  gtk_spinner_start (self->history_spinner);
}

static void
on_store_changed (KassaAgingView *self,
                  guint           what)
{
  if (what & HISTORY_CHANGES)
    self->history_valid = FALSE;
}

GtkWidget *
kassa_aging_view_new (KassaStore *store)
{
  KassaAgingView *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_AGING_VIEW, NULL);
  self->store = g_object_ref (store);
  kassa_aging_drilldown_set_store (self->drilldown, store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

static void
set_customers (KassaAgingView *self,
               GPtrArray      *rows)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (rows->len, g_object_unref);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->customers));

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, kassa_aging_row_item_new (g_ptr_array_index (rows, i)));

  g_list_store_splice (self->customers, 0, n_old, items->pdata, items->len);
}

static void
update_empty_page (KassaAgingView *self)
{
  g_autofree char *day = kassa_format_day (self->as_of);
  g_autofree char *description = NULL;

  /* Translators: the empty aging; %s is the "as of" date */
  description = g_strdup_printf (_("Every sent invoice was paid on %s."), day);
  adw_status_page_set_description (self->empty_page, description);
}

/* ---- history ---- */

typedef struct
{
  char            *store_path;
  KassaAgingBasis  basis;
  KassaDay         days[HISTORY_POINTS];
  /* Today's aging is the one just shown: not computed twice. */
  gboolean         has_today;
  gint64           today_buckets[KASSA_AGING_N_BUCKETS];
} HistoryQuery;

typedef struct
{
  KassaDay days[HISTORY_POINTS];
  gint64   buckets[HISTORY_POINTS][KASSA_AGING_N_BUCKETS];
} History;

static void
history_query_free (HistoryQuery *query)
{
  g_free (query->store_path);
  g_free (query);
}

static void
history_days (KassaDay  today,
              KassaDay *days)
{
  KassaDay month_start = kassa_day_start_of_month (today);

  for (int i = 0; i < HISTORY_MONTHS; i++)
    days[i] = kassa_day_add_months (month_start, i - HISTORY_MONTHS + 1) - 1;
  days[HISTORY_MONTHS] = today;
}

static void
compute_history_in_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  HistoryQuery *query = task_data;
  g_autoptr(KassaStore) store = NULL;
  g_autofree History *history = g_new0 (History, 1);
  GError *error = NULL;

  store = kassa_store_open (query->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (int i = 0; i < HISTORY_POINTS; i++)
    {
      g_autoptr(KassaAging) aging = NULL;

      history->days[i] = query->days[i];
      if (i == HISTORY_MONTHS && query->has_today)
        {
          memcpy (history->buckets[i], query->today_buckets, sizeof query->today_buckets);
          continue;
        }
      if (g_task_return_error_if_cancelled (task))
        return;

      aging = kassa_aging_compute (store, query->days[i], query->basis, &error);
      if (aging == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      memcpy (history->buckets[i], aging->buckets, sizeof aging->buckets);
    }

  g_task_return_pointer (task, g_steal_pointer (&history), g_free);
}

static char *
history_label (KassaDay day,
               gboolean is_today)
{
  int year, month, mday;
  g_autoptr(GDateTime) date_time = NULL;

  if (is_today)
    return g_strdup (_("Today"));

  kassa_day_to_ymd (day, &year, &month, &mday);
  date_time = g_date_time_new_utc (year, month, mday, 0, 0, 0);
  /* Translators: a month tick of a chart, a g_date_time_format()
   * format: the short month name, e.g. "Dec", "joulu", "12月" */
  return g_date_time_format (date_time, C_("chart month tick", "%b"));
}

static void
show_history (KassaAgingView *self,
              const History  *history)
{
  /* Neutral while not due, then warning, then error as it gets older. */
  static const KassaCashChartColour colours[KASSA_AGING_N_BUCKETS] = {
    { NULL, 0.35 },
    { "warning_color", 0.55 },
    { "warning_color", 1.0 },
    { "error_color", 0.65 },
    { "error_color", 1.0 },
  };
  const char *names[KASSA_AGING_N_BUCKETS];
  char *labels[HISTORY_POINTS];
  gint64 values[KASSA_AGING_N_BUCKETS * HISTORY_POINTS];

  for (int bucket = 0; bucket < KASSA_AGING_N_BUCKETS; bucket++)
    {
      names[bucket] = kassa_aging_bucket_to_string (bucket);
      for (int i = 0; i < HISTORY_POINTS; i++)
        values[bucket * HISTORY_POINTS + i] = history->buckets[i][bucket];
    }
  for (int i = 0; i < HISTORY_POINTS; i++)
    labels[i] = history_label (history->days[i], i == HISTORY_MONTHS);

  kassa_cash_chart_set_columns (self->history_chart, _("Open receivables by age at month end"),
                                self->currency, (const char * const *) labels, HISTORY_POINTS,
                                names, colours, values, KASSA_AGING_N_BUCKETS);
  for (int i = 0; i < HISTORY_POINTS; i++)
    g_free (labels[i]);
}

static void
on_history_done (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree History *history = g_task_propagate_pointer (G_TASK (result), &error);
  KassaAgingView *self;

  /* Cancelled: the view is gone or a newer computation replaced this one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = KASSA_AGING_VIEW (source_object);
  if (g_task_get_cancellable (G_TASK (result)) != self->history_cancellable)
    return;
  g_clear_object (&self->history_cancellable);
  gtk_spinner_stop (self->history_spinner);
  gtk_stack_set_visible_child_name (self->history_stack, "chart");

  if (history == NULL)
    {
      g_warning ("Could not compute the aging history: %s", error->message);
      kassa_cash_chart_clear (self->history_chart);
      return;
    }

  show_history (self, history);
}

static void
start_history (KassaAgingView   *self,
               const KassaAging *aging)
{
  KassaDay today = kassa_clock_today ();
  HistoryQuery *query;
  g_autoptr(GTask) task = NULL;

  if (self->history_valid && self->history_today == today && self->history_basis == aging->basis)
    return;

  if (self->history_cancellable != NULL)
    g_cancellable_cancel (self->history_cancellable);
  g_clear_object (&self->history_cancellable);
  self->history_cancellable = g_cancellable_new ();
  self->history_valid = TRUE;
  self->history_today = today;
  self->history_basis = aging->basis;

  query = g_new0 (HistoryQuery, 1);
  query->store_path = g_strdup (kassa_store_get_path (self->store));
  query->basis = aging->basis;
  history_days (today, query->days);
  if (aging->as_of == today)
    {
      query->has_today = TRUE;
      memcpy (query->today_buckets, aging->buckets, sizeof aging->buckets);
    }

  gtk_stack_set_visible_child_name (self->history_stack, "loading");
  gtk_spinner_start (self->history_spinner);

  task = g_task_new (self, self->history_cancellable, on_history_done, NULL);
  g_task_set_source_tag (task, start_history);
  g_task_set_task_data (task, query, (GDestroyNotify) history_query_free);
  g_task_run_in_thread (task, compute_history_in_thread);
}

void
kassa_aging_view_set_aging (KassaAgingView *self,
                            KassaAging     *aging,
                            const char     *currency)
{
  g_autoptr(KassaAging) owned = aging;
  int total_count = 0;

  g_return_if_fail (KASSA_IS_AGING_VIEW (self));
  g_return_if_fail (aging != NULL);
  g_return_if_fail (currency != NULL);

  g_free (self->currency);
  self->currency = g_strdup (currency);
  self->as_of = aging->as_of;
  kassa_aging_drilldown_set_aging (self->drilldown, aging->as_of, aging->basis, currency);

  for (int bucket = 0; bucket < KASSA_AGING_N_BUCKETS; bucket++)
    {
      set_bucket_card (self, bucket, aging->buckets[bucket], aging->counts[bucket]);
      total_count += aging->counts[bucket];
    }
  set_bucket_card (self, KEY_TOTAL, aging->total, total_count);
  set_customers (self, aging->customers);
  update_empty_page (self);
  start_history (self, aging);

  gtk_stack_set_visible_child_name (self->content_stack, total_count > 0 ? "aging" : "empty");

  if (kassa_aging_view_get_showing_invoices (self))
    {
      gint64 customer_id = kassa_aging_drilldown_get_customer_id (self->drilldown);
      g_autofree char *name = resolve_customer_name (self, customer_id);

      kassa_aging_drilldown_reload (self->drilldown, name);
    }
}

void
kassa_aging_view_set_header (KassaAgingView *self,
                             GtkWidget      *header)
{
  g_return_if_fail (KASSA_IS_AGING_VIEW (self));

  adw_bin_set_child (self->header_bin, header);
}

void
kassa_aging_view_show_invoices (KassaAgingView *self,
                                gint64          customer_id,
                                int             bucket)
{
  g_autofree char *name = NULL;

  g_return_if_fail (KASSA_IS_AGING_VIEW (self));
  g_return_if_fail (bucket >= KASSA_AGING_VIEW_ALL_BUCKETS && bucket < KASSA_AGING_N_BUCKETS);

  name = resolve_customer_name (self, customer_id);
  gtk_stack_set_visible_child_name (self->stack, "invoices");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "aging.back", TRUE);
  kassa_aging_drilldown_show (self->drilldown, customer_id, name, bucket);
}

void
kassa_aging_view_show_summary (KassaAgingView *self)
{
  g_return_if_fail (KASSA_IS_AGING_VIEW (self));

  kassa_aging_drilldown_stop (self->drilldown);

  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "aging.back", FALSE);
}

gboolean
kassa_aging_view_get_busy (KassaAgingView *self)
{
  g_return_val_if_fail (KASSA_IS_AGING_VIEW (self), FALSE);

  return kassa_aging_drilldown_get_busy (self->drilldown);
}

gboolean
kassa_aging_view_get_showing_invoices (KassaAgingView *self)
{
  g_return_val_if_fail (KASSA_IS_AGING_VIEW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "invoices") == 0;
}

GListModel *
kassa_aging_view_get_customer_model (KassaAgingView *self)
{
  g_return_val_if_fail (KASSA_IS_AGING_VIEW (self), NULL);

  return G_LIST_MODEL (self->sorted_customers);
}

const KassaAgingRow *
kassa_aging_view_get_row (KassaAgingView *self,
                          guint           position)
{
  g_autoptr(KassaAgingRowItem) item = NULL;

  g_return_val_if_fail (KASSA_IS_AGING_VIEW (self), NULL);

  /* The model keeps its own reference: the row outlives this one. */
  item = g_list_model_get_item (G_LIST_MODEL (self->sorted_customers), position);
  return item != NULL ? &item->row : NULL;
}

GListModel *
kassa_aging_view_get_invoice_model (KassaAgingView *self)
{
  g_return_val_if_fail (KASSA_IS_AGING_VIEW (self), NULL);

  return kassa_aging_drilldown_get_invoice_model (self->drilldown);
}

const KassaAgingInvoice *
kassa_aging_view_get_invoice (KassaAgingView *self,
                              guint           position)
{
  g_return_val_if_fail (KASSA_IS_AGING_VIEW (self), NULL);

  return kassa_aging_drilldown_get_invoice (self->drilldown, position);
}

const char *
kassa_aging_view_get_bucket_text (KassaAgingView *self,
                                  guint           bucket)
{
  g_return_val_if_fail (KASSA_IS_AGING_VIEW (self), NULL);
  g_return_val_if_fail (bucket <= KASSA_AGING_N_BUCKETS, NULL);

  return gtk_label_get_text (self->cards[bucket].amount);
}

KassaDay
kassa_aging_view_get_as_of (KassaAgingView *self)
{
  g_return_val_if_fail (KASSA_IS_AGING_VIEW (self), 0);

  return self->query_as_of;
}

void
kassa_aging_view_set_as_of (KassaAgingView *self,
                            KassaDay        as_of)
{
  g_return_if_fail (KASSA_IS_AGING_VIEW (self));
  g_return_if_fail (kassa_day_is_valid (as_of));

  set_query (self, as_of, self->query_basis);
}

KassaAgingBasis
kassa_aging_view_get_basis (KassaAgingView *self)
{
  g_return_val_if_fail (KASSA_IS_AGING_VIEW (self), KASSA_AGING_BY_DUE_DATE);

  return self->query_basis;
}

void
kassa_aging_view_set_basis (KassaAgingView  *self,
                            KassaAgingBasis  basis)
{
  g_return_if_fail (KASSA_IS_AGING_VIEW (self));

  self->setting_controls = TRUE;
  gtk_drop_down_set_selected (self->basis_dropdown, basis == KASSA_AGING_BY_ISSUE_DATE ? 1 : 0);
  self->setting_controls = FALSE;
  set_query (self, self->query_as_of, basis);
}

/**
 * kassa_aging_view_get_history_chart:
 * Returns: (transfer none): the aging history chart.
 */
KassaCashChart *
kassa_aging_view_get_history_chart (KassaAgingView *self)
{
  g_return_val_if_fail (KASSA_IS_AGING_VIEW (self), NULL);

  return self->history_chart;
}

gboolean
kassa_aging_view_get_history_busy (KassaAgingView *self)
{
  g_return_val_if_fail (KASSA_IS_AGING_VIEW (self), FALSE);

  return self->history_cancellable != NULL;
}
