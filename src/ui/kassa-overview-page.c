/* kassa-overview-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-cash-chart.h"
#include "kassa-cashflow-page.h"
#include "kassa-clock.h"
#include "kassa-customer-view.h"
#include "kassa-date.h"
#include "kassa-dunning.h"
#include "kassa-format.h"
#include "kassa-invoice-list.h"
#include "kassa-invoice-window.h"
#include "kassa-kpi-view.h"
#include "kassa-overview-page.h"
#include "kassa-receivables-page.h"
#include "kassa-sales-history.h"

#define MAX_OVERDUE_ROWS 10
#define MAX_WARNING_ROWS 3

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
  GtkSpinner       *receivables_spinner;
  GtkLabel         *dso_label;
  GtkLabel         *overdue_share_label;
  AdwActionRow     *collections_row;
  GtkListBox       *warnings_list;
  GtkSpinner       *cash_spinner;
  GtkWidget        *cash_banner;
  GtkLabel         *cash_banner_label;
  GtkStack         *cash_stack;
  GtkLabel         *cash_now_label;
  GtkLabel         *cash_now_caption;
  GtkLabel         *cash_lowest_label;
  GtkLabel         *cash_lowest_caption;
  AdwBin           *cash_chart_bin;
  AdwBin           *revenue_chart_bin;
  KassaCashChart   *revenue_chart;
  KassaCashChart   *cash_chart;

  KassaStore       *store;
  KassaInvoiceList *overdue_invoices;
  guint             refresh_id;
  /* The receivables summary is computed in a worker thread: at most one
   * run at a time, another one pending when asked for meanwhile. */
  GCancellable     *receivables_cancellable;
  gboolean          receivables_pending;
  /* Asked for while hidden or before the first frame: run after it. */
  gboolean          receivables_deferred;
  /* The base forecast, the same way. */
  GCancellable     *cash_cancellable;
  gboolean          cash_pending;
  gboolean          cash_deferred;
  GdkFrameClock    *frame_clock;
  gulong            after_paint_id;
};

G_DEFINE_FINAL_TYPE (KassaOverviewPage, kassa_overview_page, ADW_TYPE_BIN)

#define INVOICE_ID_KEY "kassa-invoice-id"
#define CUSTOMER_ID_KEY "kassa-customer-id"

typedef struct
{
  char     *store_path;
  KassaDay  today;
} ReceivablesQuery;

typedef struct
{
  KassaReceivablesKpis  kpis;
  guint                 worklist_count;
  GPtrArray            *warnings;  /* of KassaCustomerWarning, the first few */
  /* Invoiced per month: the last 12 months and the same months before. */
  KassaDay              today;
  gint64                recent[KASSA_SALES_HISTORY_MAX_MONTHS];
  gint64                year_before[KASSA_SALES_HISTORY_MAX_MONTHS];
} ReceivablesSummary;

static void start_receivables (KassaOverviewPage *self);
static void start_cash (KassaOverviewPage *self);

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

/* ---- the receivables summary ---- */

static void
receivables_query_free (ReceivablesQuery *query)
{
  g_free (query->store_path);
  g_free (query);
}

static void
receivables_summary_free (ReceivablesSummary *summary)
{
  g_clear_pointer (&summary->warnings, g_ptr_array_unref);
  g_free (summary);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReceivablesSummary, receivables_summary_free)

static gboolean
summarize_receivables (KassaStore          *store,
                       KassaDay             today,
                       ReceivablesSummary  *summary,
                       GError             **error)
{
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_load (store);
  g_autoptr(GPtrArray) worklist = NULL;

  if (!kassa_receivables_kpis (store, today, KASSA_KPI_WINDOW_DAYS, &summary->kpis, error))
    return FALSE;

  worklist = kassa_dunning_worklist (store, today, settings, error);
  if (worklist == NULL)
    return FALSE;
  summary->worklist_count = worklist->len;

  summary->warnings = kassa_customer_warnings_list (store, today, &settings->warning, error);
  if (summary->warnings == NULL)
    return FALSE;

  if (summary->warnings->len > MAX_WARNING_ROWS)
    g_ptr_array_set_size (summary->warnings, MAX_WARNING_ROWS);

  summary->today = today;
  if (!kassa_sales_history_by_month (store, today, KASSA_SALES_HISTORY_MAX_MONTHS,
                                     summary->recent, summary->year_before, error))
    return FALSE;

  return TRUE;
}

static void
summarize_in_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ReceivablesQuery *query = task_data;
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(ReceivablesSummary) summary = g_new0 (ReceivablesSummary, 1);
  GError *error = NULL;

  store = kassa_store_open (query->store_path, &error);
  if (store == NULL || !summarize_receivables (store, query->today, summary, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&summary),
                           (GDestroyNotify) receivables_summary_free);
}

static void
set_receivables_busy (KassaOverviewPage *self,
                      gboolean           busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->receivables_spinner), busy);
  gtk_spinner_set_spinning (self->receivables_spinner, busy);
}

static void
show_collections_count (KassaOverviewPage *self,
                        guint              count)
{
  g_autofree char *title = NULL;

  if (count == 0)
    title = g_strdup (_("No invoices need a collection step today"));
  else
    /* Translators: on the Overview; %u is a number of invoices */
    title = g_strdup_printf (ngettext ("%u invoice needs a collection step today",
                                       "%u invoices need a collection step today", count),
                             count);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->collections_row), title);
}

static GtkWidget *
create_warning_row (const KassaCustomerWarning *warning)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), warning->customer_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), warning->text);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), CUSTOMER_ID_KEY,
                          g_memdup2 (&warning->customer_id, sizeof warning->customer_id), g_free);
  return row;
}

static void
show_warnings (KassaOverviewPage        *self,
               const ReceivablesSummary *summary)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list))) != NULL)
    gtk_list_box_remove (self->warnings_list, child);

  for (guint i = 0; i < summary->warnings->len; i++)
    gtk_list_box_append (self->warnings_list,
                         create_warning_row (g_ptr_array_index (summary->warnings, i)));
}

static char *
format_short_month (KassaDay day)
{
  int year, month, mday;
  g_autoptr(GDateTime) date_time = NULL;

  kassa_day_to_ymd (day, &year, &month, &mday);
  date_time = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  /* Translators: a month tick of a chart, a g_date_time_format()
   * format: the short month name, e.g. "Dec", "joulu", "12月" */
  return g_date_time_format (date_time, C_("chart month tick", "%b"));
}

/* Grouped columns: each of the last 12 months beside the same month a
 * year earlier (this month up to the same day in both years). */
static void
show_revenue (KassaOverviewPage        *self,
              const ReceivablesSummary *summary)
{
  static const KassaCashChartColour colours[] = {
    { "accent_color", 1.0 },
    { NULL, 0.35 },
  };
  const guint n = KASSA_SALES_HISTORY_MAX_MONTHS;
  g_autoptr(KassaCompany) company = kassa_store_get_company (self->store);
  KassaDay this_month = kassa_day_start_of_month (summary->today);
  const char *names[] = { _("Last 12 months"), _("A year earlier") };
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  gint64 values[2 * KASSA_SALES_HISTORY_MAX_MONTHS];

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (labels, format_short_month (kassa_day_add_months (this_month,
                                                                        (gint) i - (gint) n + 1)));
      values[i] = summary->recent[i];
      values[n + i] = summary->year_before[i];
    }

  kassa_cash_chart_set_columns (self->revenue_chart, _("Invoiced by month"),
                                company != NULL ? company->currency : NULL,
                                (const char * const *) labels->pdata, n,
                                names, colours, values, 2);
}

static void
show_receivables (KassaOverviewPage        *self,
                  const ReceivablesSummary *summary)
{
  double dso_days = kassa_kpi_get_value (&summary->kpis, KASSA_KPI_DSO);
  double overdue_percent = kassa_kpi_get_value (&summary->kpis, KASSA_KPI_OVERDUE_SHARE);
  g_autofree char *dso = kassa_kpi_format_value (KASSA_KPI_DSO, dso_days);
  g_autofree char *share = kassa_kpi_format_value (KASSA_KPI_OVERDUE_SHARE, overdue_percent);

  gtk_label_set_text (self->dso_label, dso);
  gtk_label_set_text (self->overdue_share_label, share);
  show_collections_count (self, summary->worklist_count);
  show_warnings (self, summary);
  show_revenue (self, summary);
}

static void
on_receivables_done (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  KassaOverviewPage *self = KASSA_OVERVIEW_PAGE (source_object);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(ReceivablesSummary) summary = g_task_propagate_pointer (G_TASK (result), &error);

  /* Disposed meanwhile: nothing to show it in. */
  if (g_cancellable_is_cancelled (cancellable) || cancellable != self->receivables_cancellable)
    return;

  g_clear_object (&self->receivables_cancellable);
  if (self->receivables_pending)
    {
      /* The data changed while this ran: its figures are stale. */
      self->receivables_pending = FALSE;
      start_receivables (self);
      return;
    }

  set_receivables_busy (self, FALSE);
  if (summary == NULL)
    {
      g_warning ("Cannot summarize the receivables: %s", error->message);
      return;
    }

  show_receivables (self, summary);
}

static void
start_receivables (KassaOverviewPage *self)
{
  g_autoptr(GTask) task = NULL;
  ReceivablesQuery *query = g_new0 (ReceivablesQuery, 1);

  query->store_path = g_strdup (kassa_store_get_path (self->store));
  query->today = kassa_clock_today ();

  self->receivables_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->receivables_cancellable, on_receivables_done, NULL);
  g_task_set_source_tag (task, start_receivables);
  g_task_set_task_data (task, query, (GDestroyNotify) receivables_query_free);
  set_receivables_busy (self, TRUE);
  g_task_run_in_thread (task, summarize_in_thread);
}

static void
request_receivables (KassaOverviewPage *self)
{
  /* The worker would only compete with the first frame for the cores. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->after_paint_id != 0)
    self->receivables_deferred = TRUE;
  else if (self->receivables_cancellable != NULL)
    self->receivables_pending = TRUE;
  else
    start_receivables (self);
}

static void
set_cash_busy (KassaOverviewPage *self,
               gboolean           busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->cash_spinner), busy);
  gtk_spinner_set_spinning (self->cash_spinner, busy);
}

static void
show_cash_warning (KassaOverviewPage       *self,
                   const KassaCashflowData *data)
{
  const KassaForecast *forecast = data->forecast;
  g_autofree char *day = NULL;
  g_autofree char *buffer = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->cash_banner,
                          forecast->opening.has_balance && forecast->first_below_buffer != 0);
  if (forecast->first_below_buffer == 0)
    return;

  day = kassa_format_day (forecast->first_below_buffer);
  buffer = kassa_format_money (forecast->minimum_buffer, data->currency);
  if (forecast->below_buffer_cause != NULL && forecast->below_buffer_cause[0] != '\0')
    /* Translators: a warning: %1$s is a day, %2$s says what causes it
     * (a full sentence, already translated) */
    text = g_strdup_printf (_("First day under the minimum cash buffer: %1$s. %2$s"),
                            day, forecast->below_buffer_cause);
  else
    /* Translators: a warning; %s are a day and an amount */
    text = g_strdup_printf (_("The balance falls under the minimum buffer of %2$s on %1$s"),
                            day, buffer);
  gtk_label_set_text (self->cash_banner_label, text);
}

static void
show_cash (KassaOverviewPage       *self,
           const KassaCashflowData *data)
{
  const KassaForecast *forecast = data->forecast;
  g_autofree char *now = NULL;
  g_autofree char *lowest = NULL;
  g_autofree char *lowest_day = NULL;
  g_autofree char *caption = NULL;

  show_cash_warning (self, data);
  if (!forecast->opening.has_balance)
    {
      gtk_stack_set_visible_child_name (self->cash_stack, "empty");
      return;
    }

  now = kassa_format_money (forecast->opening.opening_balance, data->currency);
  gtk_label_set_text (self->cash_now_label, now);
  lowest = kassa_format_money (forecast->lowest_balance, data->currency);
  gtk_label_set_text (self->cash_lowest_label, lowest);
  lowest_day = kassa_format_day (forecast->lowest_day);
  /* Translators: under the lowest forecast balance: %s is its day */
  caption = g_strdup_printf (_("On %s"), lowest_day);
  gtk_label_set_text (self->cash_lowest_caption, caption);
  if (forecast->minimum_buffer > 0 && forecast->lowest_balance < forecast->minimum_buffer)
    gtk_widget_add_css_class (GTK_WIDGET (self->cash_lowest_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->cash_lowest_label), "error");

  if (forecast->opening.balance_date > 0)
    {
      g_autofree char *day = kassa_format_day (forecast->opening.balance_date);
      /* Translators: under "Cash now": %s is the day of the oldest bank balance used */
      g_autofree char *text = g_strdup_printf (_("From balances entered since %s"), day);

      gtk_label_set_text (self->cash_now_caption, text);
    }

  kassa_cash_chart_set_balance (self->cash_chart, data->currency, forecast, NULL, 13 * 7,
                                NULL, NULL,
                                (const KassaDay *) data->actual_days->data,
                                (const gint64 *) data->actual_values->data,
                                data->actual_days->len);
  gtk_stack_set_visible_child_name (self->cash_stack, "figures");
}

static void
on_cash_done (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  KassaOverviewPage *self = KASSA_OVERVIEW_PAGE (source_object);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(KassaCashflowData) data = kassa_cashflow_compute_finish (result, &error);

  if (g_cancellable_is_cancelled (cancellable))
    return;

  g_clear_object (&self->cash_cancellable);
  set_cash_busy (self, FALSE);

  /* The data changed while this one ran: it is already stale. */
  if (self->cash_pending)
    {
      self->cash_pending = FALSE;
      start_cash (self);
      return;
    }

  if (data == NULL)
    {
      g_warning ("Cannot compute the cash forecast: %s", error->message);
      return;
    }

  show_cash (self, data);
}

static void
start_cash (KassaOverviewPage *self)
{
  self->cash_cancellable = g_cancellable_new ();
  set_cash_busy (self, TRUE);
  kassa_cashflow_compute_async (G_OBJECT (self), self->store, kassa_clock_today (), NULL, NULL,
                                self->cash_cancellable, on_cash_done, NULL);
}

static void
request_cash (KassaOverviewPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->after_paint_id != 0)
    self->cash_deferred = TRUE;
  else if (self->cash_cancellable != NULL)
    self->cash_pending = TRUE;
  else
    start_cash (self);
}

static void
on_warning_row_activated (KassaOverviewPage *self,
                          GtkListBoxRow     *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), CUSTOMER_ID_KEY);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (id != NULL)
    kassa_customer_view_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, *id);
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
stop_waiting_for_paint (KassaOverviewPage *self)
{
  if (self->after_paint_id != 0)
    g_signal_handler_disconnect (self->frame_clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->frame_clock);
}

static void
on_after_paint (GdkFrameClock     *frame_clock,
                KassaOverviewPage *self)
{
  stop_waiting_for_paint (self);
  if (self->receivables_deferred)
    {
      self->receivables_deferred = FALSE;
      request_receivables (self);
    }
  if (self->cash_deferred)
    {
      self->cash_deferred = FALSE;
      request_cash (self);
    }
}

static void
kassa_overview_page_map (GtkWidget *widget)
{
  KassaOverviewPage *self = KASSA_OVERVIEW_PAGE (widget);
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

  GTK_WIDGET_CLASS (kassa_overview_page_parent_class)->map (widget);

  if ((!self->receivables_deferred && !self->cash_deferred) ||
      self->after_paint_id != 0 || frame_clock == NULL)
    return;

  set_receivables_busy (self, TRUE);
  self->frame_clock = g_object_ref (frame_clock);
  self->after_paint_id = g_signal_connect (frame_clock, "after-paint",
                                           G_CALLBACK (on_after_paint), self);
  gtk_widget_queue_draw (widget);
}

static void
kassa_overview_page_unmap (GtkWidget *widget)
{
  stop_waiting_for_paint (KASSA_OVERVIEW_PAGE (widget));

  GTK_WIDGET_CLASS (kassa_overview_page_parent_class)->unmap (widget);
}

static void
kassa_overview_page_dispose (GObject *object)
{
  KassaOverviewPage *self = KASSA_OVERVIEW_PAGE (object);

  stop_waiting_for_paint (self);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* A summary still on its way is dropped (on_receivables_done sees it). */
  if (self->receivables_cancellable != NULL)
    g_cancellable_cancel (self->receivables_cancellable);
  g_clear_object (&self->receivables_cancellable);
  if (self->cash_cancellable != NULL)
    g_cancellable_cancel (self->cash_cancellable);
  g_clear_object (&self->cash_cancellable);
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
  widget_class->map = kassa_overview_page_map;
  widget_class->unmap = kassa_overview_page_unmap;

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
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, receivables_spinner);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, dso_label);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, overdue_share_label);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, collections_row);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, cash_spinner);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, cash_banner);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, cash_banner_label);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, cash_stack);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, cash_now_label);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, cash_now_caption);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, cash_lowest_label);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, cash_lowest_caption);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, cash_chart_bin);
  gtk_widget_class_bind_template_child (widget_class, KassaOverviewPage, revenue_chart_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_overdue_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_warning_row_activated);
}

static void
kassa_overview_page_init (KassaOverviewPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No customer is paying later than usual."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->warnings_list, placeholder);

  self->cash_chart = KASSA_CASH_CHART (kassa_cash_chart_new_balance ());
  gtk_widget_set_name (GTK_WIDGET (self->cash_chart), "overview-cash-chart");
  adw_bin_set_child (self->cash_chart_bin, GTK_WIDGET (self->cash_chart));

  self->revenue_chart = KASSA_CASH_CHART (kassa_cash_chart_new_flows ());
  gtk_widget_set_name (GTK_WIDGET (self->revenue_chart), "overview-revenue-chart");
  adw_bin_set_child (self->revenue_chart_bin, GTK_WIDGET (self->revenue_chart));
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
  request_receivables (self);
  request_cash (self);
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

GtkLabel *
kassa_overview_page_get_dso_label (KassaOverviewPage *self)
{
  g_return_val_if_fail (KASSA_IS_OVERVIEW_PAGE (self), NULL);

  return self->dso_label;
}

AdwActionRow *
kassa_overview_page_get_collections_row (KassaOverviewPage *self)
{
  g_return_val_if_fail (KASSA_IS_OVERVIEW_PAGE (self), NULL);

  return self->collections_row;
}

gboolean
kassa_overview_page_get_receivables_busy (KassaOverviewPage *self)
{
  g_return_val_if_fail (KASSA_IS_OVERVIEW_PAGE (self), FALSE);

  return self->receivables_cancellable != NULL || self->refresh_id != 0 ||
         self->receivables_deferred;
}

/**
 * kassa_overview_page_get_revenue_chart:
 * Returns: (transfer none): the invoiced-by-month chart, a KassaCashChart.
 */
GtkWidget *
kassa_overview_page_get_revenue_chart (KassaOverviewPage *self)
{
  g_return_val_if_fail (KASSA_IS_OVERVIEW_PAGE (self), NULL);

  return GTK_WIDGET (self->revenue_chart);
}
