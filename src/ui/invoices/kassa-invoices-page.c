/* kassa-invoices-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-invoices"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-column-sort.h"
#include "kassa-date.h"
#include "kassa-invoice-labels.h"
#include "kassa-invoice-view.h"
#include "kassa-invoice-window.h"
#include "kassa-invoices-page.h"
#include "kassa-money.h"

/* Screenshots and demonstrations: $KASSA_OPEN_INVOICE opens an invoice
 * ("<id>"), a new draft ("new" or "new:<customer id>") or the payment
 * dialog of an invoice ("pay:<id>") shortly after the page is shown. */
#define OPEN_INVOICE_ENV "KASSA_OPEN_INVOICE"

struct _KassaInvoicesPage
{
  GtkWidget            parent_instance;

  KassaStore          *store;
  KassaInvoiceList    *invoices;
  GtkSingleSelection  *selection;
  KassaLocale          locale;
  KassaDay             today;
  gboolean             date_range_set;
  gboolean             env_handled;

  GtkSearchEntry      *search_entry;
  GtkDropDown         *filter_dropdown;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *customer_column;
  GtkColumnViewColumn *issue_column;
  GtkColumnViewColumn *due_column;
  GtkColumnViewColumn *total_column;
  GtkColumnViewColumn *open_column;
  GtkColumnViewColumn *status_column;
  GtkLabel            *summary_label;
};

G_DEFINE_FINAL_TYPE (KassaInvoicesPage, kassa_invoices_page, GTK_TYPE_WIDGET)

static const KassaInvoiceSummary *
item_summary (GtkListItem *item)
{
  return kassa_invoice_get_summary (KASSA_INVOICE (gtk_list_item_get_item (item)));
}

static void
setup_text_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 KassaInvoicesPage        *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
setup_numeric_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    KassaInvoicesPage        *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
setup_status_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   KassaInvoicesPage        *self)
{
  GtkWidget *label = kassa_invoice_status_label_new ();

  gtk_list_item_set_child (item, label);
}

static void
bind_number_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  KassaInvoicesPage        *self)
{
  const KassaInvoiceSummary *summary = item_summary (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *number = NULL;

  if (summary->state == KASSA_INVOICE_STATE_DRAFT)
    {
      gtk_label_set_text (GTK_LABEL (label), C_("invoice number", "Draft"));
      gtk_widget_add_css_class (label, "dim-label");
      return;
    }

  number = g_strdup_printf ("%" G_GINT64_FORMAT, summary->number);
  gtk_label_set_text (GTK_LABEL (label), number);
  gtk_widget_remove_css_class (label, "dim-label");
}

static void
bind_customer_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    KassaInvoicesPage        *self)
{
  const KassaInvoiceSummary *summary = item_summary (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      summary->customer_name != NULL ? summary->customer_name : "");
}

static void
set_day_text (KassaInvoicesPage *self,
              GtkListItem       *item,
              KassaDay           day)
{
  g_autofree char *text = kassa_day_format (day, self->locale);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
bind_issue_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 KassaInvoicesPage        *self)
{
  set_day_text (self, item, item_summary (item)->issue_date);
}

static void
bind_due_cell (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               KassaInvoicesPage        *self)
{
  set_day_text (self, item, item_summary (item)->due_date);
}

static void
set_money_text (KassaInvoicesPage *self,
                GtkListItem       *item,
                gint64             amount)
{
  const KassaInvoiceSummary *summary = item_summary (item);
  g_autofree char *text = kassa_money_format (amount, summary->currency, self->locale);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
bind_total_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 KassaInvoicesPage        *self)
{
  set_money_text (self, item, item_summary (item)->total);
}

static void
bind_open_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                KassaInvoicesPage        *self)
{
  const KassaInvoiceSummary *summary = item_summary (item);

  /* Blank rather than zero: the open ones stand out when scanning. */
  if (summary->state == KASSA_INVOICE_STATE_DRAFT || summary->open_amount == 0)
    gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), "");
  else
    set_money_text (self, item, summary->open_amount);
}

static void
bind_status_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  KassaInvoicesPage        *self)
{
  kassa_invoice_status_label_set (GTK_LABEL (gtk_list_item_get_child (item)),
                                  item_summary (item)->status);
}

static GtkWindow *
parent_window (KassaInvoicesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
is_filtered (KassaInvoicesPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return (search != NULL && search[0] != '\0') ||
         gtk_drop_down_get_selected (self->filter_dropdown) != KASSA_INVOICE_FILTER_ALL ||
         self->date_range_set;
}

static void
update_state (KassaInvoicesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->invoices));
  g_autofree char *summary = NULL;

  /* Translators: the number of invoices shown in the list */
  summary = g_strdup_printf (ngettext ("%u invoice", "%u invoices", n), n);
  gtk_label_set_text (self->summary_label, summary);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    gtk_stack_set_visible_child_name (self->stack, is_filtered (self) ? "no-match" : "empty");
}

static void
on_column_view_activate (KassaInvoicesPage *self,
                         guint              position)
{
  g_autoptr(KassaInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (invoice == NULL)
    return;

  kassa_invoice_window_present (parent_window (self), self->store, kassa_invoice_get_id (invoice), 0);
}

static void
on_search_changed (KassaInvoicesPage *self)
{
  kassa_invoice_list_set_search (self->invoices,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_state (self);
}

static void
on_search_stopped (KassaInvoicesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_filter_changed (KassaInvoicesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = KASSA_INVOICE_FILTER_ALL;

  kassa_invoice_list_set_filter (self->invoices, (KassaInvoiceFilter) selected);
  update_state (self);
}

/* An empty entry is an open end; a date that does not parse is marked and
 * not applied, so the list keeps showing the last valid range. */
static gboolean
parse_range_entry (KassaInvoicesPage *self,
                   GtkEntry          *entry,
                   KassaDay          *day)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *example = NULL;
  g_autofree char *hint = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  *day = 0;
  if (text[0] == '\0' || kassa_day_parse (text, self->locale, self->today, day, &error))
    {
      example = kassa_day_format (self->today, self->locale);
      /* Translators: %s is today's date in the expected form */
      hint = g_strdup_printf (_("Issue date, e.g. %s"), example);
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), hint);
      return TRUE;
    }

  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
  return FALSE;
}

static void
on_date_range_changed (KassaInvoicesPage *self)
{
  KassaDay from, to;
  gboolean from_ok = parse_range_entry (self, self->from_entry, &from);
  gboolean to_ok = parse_range_entry (self, self->to_entry, &to);

  if (from_ok && to_ok && from != 0 && to != 0 && to < from)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->to_entry),
                                   _("The end date is before the start date"));
      return;
    }

  if (!from_ok || !to_ok)
    return;

  self->date_range_set = from != 0 || to != 0;
  kassa_invoice_list_set_date_range (self->invoices, from, to);
  update_state (self);
}

static void
on_sort_changed (KassaInvoicesPage *self)
{
  gboolean descending = FALSE;
  int key = kassa_column_sort_get_primary (self->column_view, &descending);

  /* Unsorted (a third click): newest first, which is what people expect. */
  if (key < 0)
    kassa_invoice_list_set_sort (self->invoices, KASSA_INVOICE_SORT_ISSUE_DATE, TRUE);
  else
    kassa_invoice_list_set_sort (self->invoices, (KassaInvoiceSort) key, descending);
}

static void
new_invoice_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KassaInvoicesPage *self = KASSA_INVOICES_PAGE (widget);

  kassa_invoice_window_present (parent_window (self), self->store, 0, 0);
}

static void
open_payment_dialog (KassaStore *store,
                     gint64      invoice_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KASSA_IS_INVOICE_VIEW (window) &&
          kassa_invoice_view_get_invoice_id (KASSA_INVOICE_VIEW (window)) == invoice_id)
        gtk_widget_activate_action (GTK_WIDGET (window), "view.record-payment", NULL);
    }
}

static gboolean
open_from_environment (gpointer user_data)
{
  KassaInvoicesPage *self = KASSA_INVOICES_PAGE (user_data);
  const char *value = g_getenv (OPEN_INVOICE_ENV);
  gboolean pay = g_str_has_prefix (value, "pay:");

  if (g_str_has_prefix (value, "new"))
    kassa_invoice_window_present (parent_window (self), self->store, 0,
                                  value[3] == ':' ? g_ascii_strtoll (value + 4, NULL, 10) : 0);
  else
    kassa_invoice_window_present (parent_window (self), self->store,
                                  g_ascii_strtoll (pay ? value + 4 : value, NULL, 10), 0);

  if (pay)
    open_payment_dialog (self->store, g_ascii_strtoll (value + 4, NULL, 10));

  return G_SOURCE_REMOVE;
}

static void
kassa_invoices_page_map (GtkWidget *widget)
{
  KassaInvoicesPage *self = KASSA_INVOICES_PAGE (widget);

  GTK_WIDGET_CLASS (kassa_invoices_page_parent_class)->map (widget);

  if (!self->env_handled && g_getenv (OPEN_INVOICE_ENV) != NULL)
    {
      /* After the main window has painted, so the screenshot shows both. */
      self->env_handled = TRUE;
      g_timeout_add_full (G_PRIORITY_DEFAULT, 300, open_from_environment,
                          g_object_ref (self), g_object_unref);
    }
}

static void
kassa_invoices_page_dispose (GObject *object)
{
  KassaInvoicesPage *self = KASSA_INVOICES_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_INVOICES_PAGE);
  /* The template's top-level box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->invoices);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_invoices_page_parent_class)->dispose (object);
}

static void
kassa_invoices_page_class_init (KassaInvoicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_invoices_page_dispose;
  widget_class->map = kassa_invoices_page_map;

  gtk_widget_class_install_action (widget_class, "invoices.new", NULL, new_invoice_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kassa/Kassa/invoices/kassa-invoices-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, number_column);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, customer_column);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, issue_column);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, due_column);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, total_column);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, open_column);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoicesPage, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, setup_text_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_numeric_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_status_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_number_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_customer_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_issue_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_due_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_total_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_open_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_status_cell);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_range_changed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kassa_invoices_page_init (KassaInvoicesPage *self)
{
  self->locale = kassa_locale_current ();
  self->today = kassa_clock_today ();

  gtk_widget_init_template (GTK_WIDGET (self));
  kassa_invoice_labels_ensure_style ();

  kassa_column_sort_attach (self->number_column, KASSA_INVOICE_SORT_NUMBER);
  kassa_column_sort_attach (self->customer_column, KASSA_INVOICE_SORT_CUSTOMER);
  kassa_column_sort_attach (self->issue_column, KASSA_INVOICE_SORT_ISSUE_DATE);
  kassa_column_sort_attach (self->due_column, KASSA_INVOICE_SORT_DUE_DATE);
  kassa_column_sort_attach (self->total_column, KASSA_INVOICE_SORT_TOTAL);
  kassa_column_sort_attach (self->open_column, KASSA_INVOICE_SORT_OPEN);
}

static void
attach_model (KassaInvoicesPage *self)
{
  self->invoices = kassa_invoice_list_new (self->store, self->today);
  kassa_invoice_list_set_sort (self->invoices, KASSA_INVOICE_SORT_ISSUE_DATE, TRUE);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->invoices)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->invoices, "items-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  /* Header clicks sort in SQL; start with the newest invoices first. */
  gtk_column_view_sort_by_column (self->column_view, self->issue_column, GTK_SORT_DESCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sort_changed), self, G_CONNECT_SWAPPED);
  update_state (self);
}

GtkWidget *
kassa_invoices_page_new (KassaStore *store)
{
  KassaInvoicesPage *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_INVOICES_PAGE, NULL);
  self->store = g_object_ref (store);
  attach_model (self);

  return GTK_WIDGET (self);
}

void
kassa_invoices_page_focus_search (KassaInvoicesPage *self)
{
  g_return_if_fail (KASSA_IS_INVOICES_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
kassa_invoices_page_show_filter (KassaInvoicesPage  *self,
                                 KassaInvoiceFilter  filter)
{
  g_return_if_fail (KASSA_IS_INVOICES_PAGE (self));
  g_return_if_fail (filter <= KASSA_INVOICE_FILTER_CREDITED);

  gtk_drop_down_set_selected (self->filter_dropdown, filter);
}
