/* kassa-overview-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-date.h"
#include "kassa-format.h"
#include "kassa-invoice-list.h"
#include "kassa-invoice-window.h"
#include "kassa-overview-page.h"

#define MAX_OVERDUE_ROWS 10

struct _KassaOverviewPage
{
  AdwBin            parent_instance;

  GtkLabel         *company_label;
  GtkLabel         *file_label;
  GtkLabel         *open_amount_label;
  GtkLabel         *open_count_label;
  GtkLabel         *overdue_amount_label;
  GtkLabel         *overdue_count_label;
  GtkWidget        *overdue_card;
  GtkLabel         *month_amount_label;
  GtkLabel         *month_label;
  GtkLabel         *year_amount_label;
  GtkLabel         *year_label;
  GtkStack         *overdue_stack;
  GtkListBox       *overdue_list;
  GtkWidget        *show_all_button;

  KassaStore       *store;
  KassaInvoiceList *overdue_invoices;
  guint             refresh_id;
};

G_DEFINE_FINAL_TYPE (KassaOverviewPage, kassa_overview_page, ADW_TYPE_BIN)

#define INVOICE_ID_KEY "kassa-invoice-id"

static void
set_money (GtkLabel   *label,
           gint64      amount,
           const char *currency)
{
  g_autofree char *text = kassa_format_money (amount, currency);

  gtk_label_set_text (label, text);
}

static char *
format_month (KassaDay today,
              gboolean with_month)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, mday;

  kassa_day_to_ymd (today, &year, &month, &mday);
  date = g_date_time_new_local (year, month, 1, 0, 0, 0);

  /* %OB is the standalone month name ("marraskuu", not "marraskuuta"). */
  return g_date_time_format (date, with_month ? "%OB %Y" : "%Y");
}

static void
update_figures (KassaOverviewPage  *self,
                const KassaCompany *company,
                KassaDay            today)
{
  KassaOverviewFigures figures = { 0 };
  g_autofree char *open_count = NULL;
  g_autofree char *overdue_count = NULL;
  g_autofree char *month = format_month (today, TRUE);
  g_autofree char *year = format_month (today, FALSE);

  kassa_store_get_overview (self->store, today, &figures);

  set_money (self->open_amount_label, figures.open_receivables, company->currency);
  set_money (self->overdue_amount_label, figures.overdue_amount, company->currency);
  set_money (self->month_amount_label, figures.invoiced_month, company->currency);
  set_money (self->year_amount_label, figures.invoiced_year, company->currency);

  open_count = g_strdup_printf (ngettext ("%d open invoice", "%d open invoices",
                                          figures.open_count),
                                figures.open_count);
  overdue_count = g_strdup_printf (ngettext ("%d overdue invoice", "%d overdue invoices",
                                             figures.overdue_count),
                                   figures.overdue_count);
  gtk_label_set_text (self->open_count_label, open_count);
  gtk_label_set_text (self->overdue_count_label, overdue_count);
  gtk_label_set_text (self->month_label, month);
  gtk_label_set_text (self->year_label, year);

  if (figures.overdue_count > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->overdue_amount_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_amount_label), "error");
}

static GtkWidget *
create_overdue_row (KassaInvoice *invoice)
{
  const KassaInvoiceSummary *summary = kassa_invoice_get_summary (invoice);
  g_autofree char *due = kassa_format_day (summary->due_date);
  g_autofree char *open = kassa_format_money (summary->open_amount, summary->currency);
  g_autofree char *late = NULL;
  g_autofree char *number = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *amount = gtk_label_new (open);

  late = g_strdup_printf (ngettext ("%d day overdue", "%d days overdue", summary->days_overdue),
                          summary->days_overdue);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, summary->number);
  /* Translators: invoice number, due date and how late, e.g.
   * "No. 1042 · due 2.10.2026 · 53 days overdue". */
  subtitle = g_strdup_printf (_("No. %s · due %s · %s"), number, due, late);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 summary->customer_name != NULL ? summary->customer_name : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_add_css_class (amount, "numeric");
  gtk_widget_add_css_class (amount, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data_full (G_OBJECT (row), INVOICE_ID_KEY,
                          g_memdup2 (&summary->id, sizeof summary->id), g_free);
  return row;
}

static void
update_overdue_list (KassaOverviewPage *self,
                     KassaDay           today)
{
  GListModel *model = G_LIST_MODEL (self->overdue_invoices);
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->overdue_list))) != NULL)
    gtk_list_box_remove (self->overdue_list, child);

  kassa_invoice_list_set_today (self->overdue_invoices, today);
  n = MIN (g_list_model_get_n_items (model), MAX_OVERDUE_ROWS);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KassaInvoice) invoice = g_list_model_get_item (model, i);

      gtk_list_box_append (self->overdue_list, create_overdue_row (invoice));
    }

  gtk_stack_set_visible_child_name (self->overdue_stack, n > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->show_all_button, n > 0);
}

static void
on_overdue_row_activated (KassaOverviewPage *self,
                          GtkListBoxRow     *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), INVOICE_ID_KEY);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (id != NULL)
    kassa_invoice_window_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->store, *id, 0);
}

static gboolean
refresh_idle (gpointer user_data)
{
  KassaOverviewPage *self = KASSA_OVERVIEW_PAGE (user_data);

  self->refresh_id = 0;
  kassa_overview_page_refresh (self);

  return G_SOURCE_REMOVE;
}

/* Several writes often arrive together (an invoice and its payment):
 * recompute once, after the lists have seen the change too. */
static void
on_store_changed (KassaOverviewPage *self,
                  guint              what)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

static void
kassa_overview_page_dispose (GObject *object)
{
  KassaOverviewPage *self = KASSA_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->overdue_invoices);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_overview_page_parent_class)->dispose (object);
}

static void
kassa_overview_page_class_init (KassaOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_overview_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, company_label);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, file_label);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, open_amount_label);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, open_count_label);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, overdue_amount_label);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, overdue_count_label);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, overdue_card);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, month_amount_label);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, year_amount_label);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, year_label);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, overdue_stack);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, show_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_overdue_row_activated);
}

static void
kassa_overview_page_init (KassaOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kassa_overview_page_new (KassaStore *store)
{
  KassaOverviewPage *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_OVERVIEW_PAGE, NULL);
  self->store = g_object_ref (store);

  /* Most overdue first = earliest due date among the overdue ones. */
  self->overdue_invoices = kassa_invoice_list_new (store, kassa_clock_today ());
  kassa_invoice_list_freeze (self->overdue_invoices);
  kassa_invoice_list_set_filter (self->overdue_invoices, KASSA_INVOICE_FILTER_OVERDUE);
  kassa_invoice_list_set_sort (self->overdue_invoices, KASSA_INVOICE_SORT_DUE_DATE, FALSE);
  kassa_invoice_list_thaw (self->overdue_invoices);

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  kassa_overview_page_refresh (self);

  return GTK_WIDGET (self);
}

void
kassa_overview_page_refresh (KassaOverviewPage *self)
{
  g_autoptr(KassaCompany) company = NULL;
  KassaDay today = kassa_clock_today ();

  g_return_if_fail (KASSA_IS_OVERVIEW_PAGE (self));

  company = kassa_store_get_company (self->store);
  if (company == NULL)
    return;

  gtk_label_set_text (self->company_label, company->name);
  gtk_label_set_text (self->file_label, kassa_store_get_path (self->store));
  update_figures (self, company, today);
  update_overdue_list (self, today);
}

GtkLabel *
kassa_overview_page_get_open_amount_label (KassaOverviewPage *self)
{
  g_return_val_if_fail (KASSA_IS_OVERVIEW_PAGE (self), NULL);

  return self->open_amount_label;
}

GtkLabel *
kassa_overview_page_get_overdue_amount_label (KassaOverviewPage *self)
{
  g_return_val_if_fail (KASSA_IS_OVERVIEW_PAGE (self), NULL);

  return self->overdue_amount_label;
}

GtkLabel *
kassa_overview_page_get_overdue_count_label (KassaOverviewPage *self)
{
  g_return_val_if_fail (KASSA_IS_OVERVIEW_PAGE (self), NULL);

  return self->overdue_count_label;
}

GtkLabel *
kassa_overview_page_get_month_amount_label (KassaOverviewPage *self)
{
  g_return_val_if_fail (KASSA_IS_OVERVIEW_PAGE (self), NULL);

  return self->month_amount_label;
}
