/* kassa-aging-drilldown.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drill-down may list a whole bucket of a large company: it is read in
 * a worker thread with its own store connection.
 */
#define G_LOG_DOMAIN "kassa-aging-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-aging-drilldown.h"
#include "kassa-aging-view.h"
#include "kassa-format.h"
#include "kassa-invoice-window.h"

/* Column keys of the invoice table. */
enum
{
  INVOICE_KEY_NUMBER,
  INVOICE_KEY_CUSTOMER,
  INVOICE_KEY_DUE,
  INVOICE_KEY_DAYS,
  INVOICE_KEY_OPEN,
  INVOICE_KEY_DISPUTED,
};

#define COLUMN_KEY "kassa-column-key"

/* ---- list items ---- */

#define KASSA_TYPE_AGING_INVOICE_ITEM (kassa_aging_invoice_item_get_type ())
G_DECLARE_FINAL_TYPE (KassaAgingInvoiceItem, kassa_aging_invoice_item, KASSA, AGING_INVOICE_ITEM,
                      GObject)

struct _KassaAgingInvoiceItem
{
  GObject            parent_instance;
  KassaAgingInvoice *invoice;
};

G_DEFINE_FINAL_TYPE (KassaAgingInvoiceItem, kassa_aging_invoice_item, G_TYPE_OBJECT)

static void
kassa_aging_invoice_item_finalize (GObject *object)
{
  KassaAgingInvoiceItem *self = KASSA_AGING_INVOICE_ITEM (object);

  g_clear_pointer (&self->invoice, kassa_aging_invoice_free);

  G_OBJECT_CLASS (kassa_aging_invoice_item_parent_class)->finalize (object);
}

static void
kassa_aging_invoice_item_class_init (KassaAgingInvoiceItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kassa_aging_invoice_item_finalize;
}

static void
kassa_aging_invoice_item_init (KassaAgingInvoiceItem *self)
{
}

/* ---- the drill-down ---- */

struct _KassaAgingDrilldown
{
  AdwBin               parent_instance;

  GtkColumnView       *invoice_view;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkLabel            *summary_label;
  GtkSpinner          *spinner;
  GtkDropDown         *bucket_dropdown;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkColumnViewColumn *days_column;

  KassaStore          *store;
  char                *currency;
  GListStore          *invoices;
  GtkSortListModel    *sorted_invoices;
  GCancellable        *cancellable;   /* non-NULL while reading */
  /* The aging the invoices are listed for. */
  KassaDay             as_of;
  KassaAgingBasis      basis;
  gboolean             have_aging;
  gint64               customer_id;
  char                *customer_name;
  gboolean             shown;         /* between _show and _stop */
  gboolean             setting_dropdown;
};

G_DEFINE_FINAL_TYPE (KassaAgingDrilldown, kassa_aging_drilldown, ADW_TYPE_BIN)

static GtkWindow *
parent_window (KassaAgingDrilldown *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
format_money (KassaAgingDrilldown *self,
              gint64               amount)
{
  return kassa_format_money (amount, self->currency != NULL ? self->currency : "EUR");
}

static int
column_key (gpointer object)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (object), COLUMN_KEY));
}

/* ---- cells ---- */

static const KassaAgingInvoice *
item_invoice (GtkListItem *item)
{
  return KASSA_AGING_INVOICE_ITEM (gtk_list_item_get_item (item))->invoice;
}

static void
setup_invoice_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    KassaAgingDrilldown      *self)
{
  int key = column_key (factory);
  gboolean numeric = (key == INVOICE_KEY_NUMBER || key == INVOICE_KEY_DAYS ||
                      key == INVOICE_KEY_OPEN);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");

  gtk_list_item_set_child (item, label);
}

static char *
format_days (KassaAgingDrilldown     *self,
             const KassaAgingInvoice *invoice)
{
  /* By due date a day count of 0 or less is "not yet due", which reads
   * better than a negative number. */
  if (self->basis == KASSA_AGING_BY_DUE_DATE && invoice->days <= 0)
    return g_strdup (C_("aging days", "not due"));

  return g_strdup_printf ("%d", invoice->days);
}

static char *
format_invoice_cell (KassaAgingDrilldown     *self,
                     const KassaAgingInvoice *invoice,
                     int                      key)
{
  switch (key)
    {
    case INVOICE_KEY_NUMBER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, invoice->number);
    case INVOICE_KEY_CUSTOMER:
      return g_strdup (invoice->customer_name != NULL ? invoice->customer_name : "");
    case INVOICE_KEY_DUE:
      return kassa_format_day (invoice->due_date);
    case INVOICE_KEY_DAYS:
      return format_days (self, invoice);
    case INVOICE_KEY_OPEN:
      return format_money (self, invoice->open);
    case INVOICE_KEY_DISPUTED:
      return g_strdup (invoice->disputed ? C_("invoice", "Disputed") : "");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
bind_invoice_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   KassaAgingDrilldown      *self)
{
  const KassaAgingInvoice *invoice = item_invoice (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  int key = column_key (factory);
  g_autofree char *text = format_invoice_cell (self, invoice, key);

  gtk_label_set_text (GTK_LABEL (label), text);

  if (key == INVOICE_KEY_DISPUTED)
    gtk_widget_add_css_class (label, "warning");
  else if (key == INVOICE_KEY_DAYS && self->basis == KASSA_AGING_BY_DUE_DATE && invoice->days <= 0)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

/* ---- sorting ---- */

static int
compare_names (const char *a,
               const char *b)
{
  int order = g_utf8_collate (a != NULL ? a : "", b != NULL ? b : "");

  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static gint64
invoice_value (const KassaAgingInvoice *invoice,
               int                      key)
{
  switch (key)
    {
    case INVOICE_KEY_NUMBER:
      return invoice->number;
    case INVOICE_KEY_DUE:
      return invoice->due_date;
    case INVOICE_KEY_DAYS:
      return invoice->days;
    case INVOICE_KEY_OPEN:
      return invoice->open;
    default:
      return invoice->disputed;
    }
}

static int
compare_invoices (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const KassaAgingInvoice *left = ((const KassaAgingInvoiceItem *) a)->invoice;
  const KassaAgingInvoice *right = ((const KassaAgingInvoiceItem *) b)->invoice;
  int key = GPOINTER_TO_INT (user_data);
  gint64 x, y;

  if (key == INVOICE_KEY_CUSTOMER)
    return compare_names (left->customer_name, right->customer_name);

  x = invoice_value (left, key);
  y = invoice_value (right, key);
  return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* ---- columns ---- */

static GtkColumnViewColumn *
add_invoice_column (KassaAgingDrilldown *self,
                    const char          *title,
                    int                  key,
                    int                  width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;

  g_object_set_data (G_OBJECT (factory), COLUMN_KEY, GINT_TO_POINTER (key));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_invoice_cell), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_invoice_cell), self, 0);

  column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_invoices, GINT_TO_POINTER (key), NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_expand (column, key == INVOICE_KEY_CUSTOMER);
  gtk_column_view_append_column (self->invoice_view, column);

  /* The view keeps the column. */
  return column;
}

static void
build_invoice_columns (KassaAgingDrilldown *self)
{
  add_invoice_column (self, C_("column", "Number"), INVOICE_KEY_NUMBER, 90);
  add_invoice_column (self, _("Customer"), INVOICE_KEY_CUSTOMER, 180);
  add_invoice_column (self, _("Due Date"), INVOICE_KEY_DUE, 110);
  self->days_column = add_invoice_column (self, _("Days Overdue"), INVOICE_KEY_DAYS, 110);
  add_invoice_column (self, C_("amount", "Open"), INVOICE_KEY_OPEN, 130);
  add_invoice_column (self, C_("column", "Disputed"), INVOICE_KEY_DISPUTED, 100);
}

/* ---- reading the invoices ---- */

typedef struct
{
  char            *store_path;
  KassaDay         as_of;
  KassaAgingBasis  basis;
  gint64           customer_id;
  int              bucket;
} DrillQuery;

static void
drill_query_free (DrillQuery *query)
{
  g_free (query->store_path);
  g_free (query);
}

static GListStore *
wrap_invoices (GPtrArray *invoices)
{
  GListStore *items = g_list_store_new (KASSA_TYPE_AGING_INVOICE_ITEM);
  g_autoptr(GPtrArray) objects = g_ptr_array_new_full (invoices->len, g_object_unref);

  /* The items take over the invoices. */
  g_ptr_array_set_free_func (invoices, NULL);
  for (guint i = 0; i < invoices->len; i++)
    {
      KassaAgingInvoiceItem *item = g_object_new (KASSA_TYPE_AGING_INVOICE_ITEM, NULL);

      item->invoice = g_ptr_array_index (invoices, i);
      g_ptr_array_add (objects, item);
    }

  g_list_store_splice (items, 0, 0, objects->pdata, objects->len);
  return items;
}

static void
read_invoices_in_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  DrillQuery *query = task_data;
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(GPtrArray) invoices = NULL;
  GError *error = NULL;

  store = kassa_store_open (query->store_path, &error);
  if (store != NULL)
    invoices = kassa_aging_list_invoices (store, query->as_of, query->basis, query->customer_id,
                                          query->bucket, &error);

  if (invoices == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, wrap_invoices (invoices), g_object_unref);
}

static int
selected_bucket (KassaAgingDrilldown *self)
{
  guint selected = gtk_drop_down_get_selected (self->bucket_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return KASSA_AGING_VIEW_ALL_BUCKETS;

  return (int) selected - 1;
}

static void
update_summary (KassaAgingDrilldown *self)
{
  GListModel *model = G_LIST_MODEL (self->invoices);
  guint n = g_list_model_get_n_items (model);
  gint64 open = 0;
  g_autofree char *money = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KassaAgingInvoiceItem) item = g_list_model_get_item (model, i);

      open += item->invoice->open;
    }

  money = format_money (self, open);
  /* Translators: under the drill-down list: how many invoices and their open total */
  text = g_strdup_printf (ngettext ("%u invoice, %s open", "%u invoices, %s open", n), n, money);
  gtk_label_set_text (self->summary_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");

  adw_status_page_set_description (self->empty_page,
                                   selected_bucket (self) == KASSA_AGING_VIEW_ALL_BUCKETS
                                   ? _("Nothing was open on that day.")
                                   : _("Choose another bucket to see its invoices."));
}

static void
set_busy (KassaAgingDrilldown *self,
          gboolean             busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
cancel_query (KassaAgingDrilldown *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
on_invoices_read (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  KassaAgingDrilldown *self = KASSA_AGING_DRILLDOWN (source_object);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GListStore) invoices = NULL;
  g_autoptr(GError) error = NULL;

  invoices = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer query replaced this one, or the view is gone. */
  if (g_cancellable_is_cancelled (cancellable) || cancellable != self->cancellable)
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (invoices == NULL)
    {
      g_warning ("Cannot list the aging invoices: %s", error->message);
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }

  g_list_store_remove_all (self->invoices);
  g_set_object (&self->invoices, invoices);
  gtk_sort_list_model_set_model (self->sorted_invoices, G_LIST_MODEL (invoices));
  update_summary (self);
}

static void
start_query (KassaAgingDrilldown *self)
{
  g_autoptr(GTask) task = NULL;
  DrillQuery *query;

  if (!self->have_aging)
    return;

  cancel_query (self);
  self->cancellable = g_cancellable_new ();

  query = g_new0 (DrillQuery, 1);
  query->store_path = g_strdup (kassa_store_get_path (self->store));
  query->as_of = self->as_of;
  query->basis = self->basis;
  query->customer_id = self->customer_id;
  query->bucket = selected_bucket (self);

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_invoices_read, NULL);
  g_task_set_source_tag (task, start_query);
  g_task_set_task_data (task, query, (GDestroyNotify) drill_query_free);
  g_task_run_in_thread (task, read_invoices_in_thread);
}

static void
update_titles (KassaAgingDrilldown *self)
{
  g_autofree char *as_of = kassa_format_day (self->as_of);
  g_autofree char *subtitle = NULL;
  const char *title = self->customer_name;

  if (self->customer_id == 0)
    title = _("All Customers");

  gtk_label_set_text (self->title_label, title != NULL ? title : "");
  /* Translators: under the drill-down title; %s is the "as of" date */
  subtitle = g_strdup_printf (self->basis == KASSA_AGING_BY_DUE_DATE
                              ? _("Open on %s, aged by due date")
                              : _("Open on %s, aged by invoice date"), as_of);
  gtk_label_set_text (self->subtitle_label, subtitle);

  gtk_column_view_column_set_title (self->days_column,
                                    self->basis == KASSA_AGING_BY_DUE_DATE
                                    ? _("Days Overdue") : _("Days Since Invoice"));
}

static void
set_customer_name (KassaAgingDrilldown *self,
                   const char          *customer_name)
{
  g_free (self->customer_name);
  self->customer_name = g_strdup (customer_name);
}

/* ---- callbacks ---- */

static void
on_bucket_filter_changed (KassaAgingDrilldown *self)
{
  if (self->setting_dropdown || !self->shown)
    return;

  start_query (self);
}

static void
on_invoice_activate (KassaAgingDrilldown *self,
                     guint                position)
{
  const KassaAgingInvoice *invoice = kassa_aging_drilldown_get_invoice (self, position);

  if (invoice != NULL)
    kassa_invoice_window_present (parent_window (self), self->store, invoice->invoice_id, 0);
}

/* ---- GObject ---- */

static void
kassa_aging_drilldown_dispose (GObject *object)
{
  KassaAgingDrilldown *self = KASSA_AGING_DRILLDOWN (object);

  cancel_query (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_AGING_DRILLDOWN);
  g_clear_object (&self->sorted_invoices);
  g_clear_object (&self->invoices);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_aging_drilldown_parent_class)->dispose (object);
}

static void
kassa_aging_drilldown_finalize (GObject *object)
{
  KassaAgingDrilldown *self = KASSA_AGING_DRILLDOWN (object);

  g_free (self->currency);
  g_free (self->customer_name);

  G_OBJECT_CLASS (kassa_aging_drilldown_parent_class)->finalize (object);
}

static void
kassa_aging_drilldown_class_init (KassaAgingDrilldownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_aging_drilldown_dispose;
  object_class->finalize = kassa_aging_drilldown_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-aging-drilldown.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaAgingDrilldown, invoice_view);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingDrilldown, title_label);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingDrilldown, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingDrilldown, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingDrilldown, spinner);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingDrilldown, bucket_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingDrilldown, stack);
  gtk_widget_class_bind_template_child (widget_class, KassaAgingDrilldown, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_invoice_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_bucket_filter_changed);
}

static GtkStringList *
create_bucket_choices (void)
{
  GtkStringList *choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("All Buckets"));
  for (int bucket = 0; bucket < KASSA_AGING_N_BUCKETS; bucket++)
    gtk_string_list_append (choices, kassa_aging_bucket_to_string ((KassaAgingBucket) bucket));

  return choices;
}

static void
kassa_aging_drilldown_init (KassaAgingDrilldown *self)
{
  g_autoptr(GtkStringList) choices = create_bucket_choices ();
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_model (self->bucket_dropdown, G_LIST_MODEL (choices));
  build_invoice_columns (self);

  self->invoices = g_list_store_new (KASSA_TYPE_AGING_INVOICE_ITEM);
  sorter = gtk_column_view_get_sorter (self->invoice_view);
  self->sorted_invoices = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->invoices)),
                                                   g_object_ref (sorter));
  gtk_column_view_set_model (self->invoice_view,
                             GTK_SELECTION_MODEL (gtk_single_selection_new (
                               g_object_ref (G_LIST_MODEL (self->sorted_invoices)))));
}

/* ---- public API ---- */

void
kassa_aging_drilldown_set_store (KassaAgingDrilldown *self,
                                 KassaStore          *store)
{
  g_return_if_fail (KASSA_IS_AGING_DRILLDOWN (self));
  g_return_if_fail (KASSA_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
kassa_aging_drilldown_set_aging (KassaAgingDrilldown *self,
                                 KassaDay             as_of,
                                 KassaAgingBasis      basis,
                                 const char          *currency)
{
  g_return_if_fail (KASSA_IS_AGING_DRILLDOWN (self));
  g_return_if_fail (currency != NULL);

  g_free (self->currency);
  self->currency = g_strdup (currency);
  self->as_of = as_of;
  self->basis = basis;
  self->have_aging = TRUE;
}

void
kassa_aging_drilldown_show (KassaAgingDrilldown *self,
                            gint64               customer_id,
                            const char          *customer_name,
                            int                  bucket)
{
  g_return_if_fail (KASSA_IS_AGING_DRILLDOWN (self));
  g_return_if_fail (bucket >= KASSA_AGING_VIEW_ALL_BUCKETS && bucket < KASSA_AGING_N_BUCKETS);

  self->customer_id = customer_id;
  set_customer_name (self, customer_name);
  self->shown = TRUE;

  self->setting_dropdown = TRUE;
  gtk_drop_down_set_selected (self->bucket_dropdown, (guint) (bucket + 1));
  self->setting_dropdown = FALSE;

  /* The previous drill-down's rows must not show under the new title. */
  g_list_store_remove_all (self->invoices);
  gtk_label_set_text (self->summary_label, "");
  update_titles (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->invoice_view));
  start_query (self);
}

void
kassa_aging_drilldown_reload (KassaAgingDrilldown *self,
                              const char          *customer_name)
{
  g_return_if_fail (KASSA_IS_AGING_DRILLDOWN (self));

  set_customer_name (self, customer_name);
  update_titles (self);
  start_query (self);
}

void
kassa_aging_drilldown_stop (KassaAgingDrilldown *self)
{
  g_return_if_fail (KASSA_IS_AGING_DRILLDOWN (self));

  cancel_query (self);
  set_busy (self, FALSE);
  self->shown = FALSE;
}

gint64
kassa_aging_drilldown_get_customer_id (KassaAgingDrilldown *self)
{
  g_return_val_if_fail (KASSA_IS_AGING_DRILLDOWN (self), 0);

  return self->customer_id;
}

gboolean
kassa_aging_drilldown_get_busy (KassaAgingDrilldown *self)
{
  g_return_val_if_fail (KASSA_IS_AGING_DRILLDOWN (self), FALSE);

  return self->cancellable != NULL;
}

GListModel *
kassa_aging_drilldown_get_invoice_model (KassaAgingDrilldown *self)
{
  g_return_val_if_fail (KASSA_IS_AGING_DRILLDOWN (self), NULL);

  return G_LIST_MODEL (self->sorted_invoices);
}

const KassaAgingInvoice *
kassa_aging_drilldown_get_invoice (KassaAgingDrilldown *self,
                                   guint                position)
{
  g_autoptr(KassaAgingInvoiceItem) item = NULL;

  g_return_val_if_fail (KASSA_IS_AGING_DRILLDOWN (self), NULL);

  /* The model keeps its own reference: the invoice outlives this one. */
  item = g_list_model_get_item (G_LIST_MODEL (self->sorted_invoices), position);
  return item != NULL ? item->invoice : NULL;
}
