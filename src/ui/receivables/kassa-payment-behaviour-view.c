/* kassa-payment-behaviour-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-payment-behaviour-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "kassa-bar-chart.h"
#include "kassa-clock.h"
#include "kassa-dunning.h"
#include "kassa-format.h"
#include "kassa-kpi-view.h"
#include "kassa-money.h"
#include "kassa-payment-behaviour-view.h"

/* A slope smaller than this (days per invoice) is noise, not a trend. */
#define STEADY_TREND_DAYS 0.5
#define RELEVANT_CHANGES (KASSA_STORE_CHANGE_COMPANY | KASSA_STORE_CHANGE_CUSTOMERS | \
                          KASSA_STORE_CHANGE_INVOICES | KASSA_STORE_CHANGE_PAYMENTS | \
                          KASSA_STORE_CHANGE_COLLECTIONS | KASSA_STORE_CHANGE_SETTINGS)

struct _KassaPaymentBehaviourView
{
  AdwBin                 parent_instance;

  KassaStore            *store;
  gint64                 customer_id;
  char                   currency[4];
  KassaPaymentBehaviour *behaviour;
  KassaBarChart         *chart;
  char                  *chart_description;
  int                    hover_index;     /* the bar under the pointer, -1 for none */
  GCancellable          *cancellable;     /* the computation under way */
  gboolean               loading;
  guint                  refresh_id;

  GtkSpinner            *spinner;
  GtkStack              *stack;
  GtkLabel              *error_label;
  GtkWidget             *warning_banner;
  GtkLabel              *warning_label;
  GtkLabel              *risk_badge;
  GtkLabel              *risk_title;
  GtkLabel              *risk_reason;
  GtkLabel              *days_to_pay_value;
  GtkLabel              *days_late_value;
  GtkLabel              *trend_value;
  GtkLabel              *open_value;
  AdwActionRow          *overdue_row;
  GtkLabel              *overdue_value;
  AdwActionRow          *limit_row;
  GtkLabel              *limit_value;
  GtkLabel              *suggested_value;
  GtkLabel              *suggested_reason;
  GtkButton             *apply_button;
  GtkStack              *chart_stack;
  GtkWidget             *chart_caption;
  GtkWidget             *chart_area;
};

G_DEFINE_FINAL_TYPE (KassaPaymentBehaviourView, kassa_payment_behaviour_view, ADW_TYPE_BIN)

/* What the worker thread needs: plain data, never UI objects. */
typedef struct
{
  char     *store_path;
  gint64    customer_id;
  KassaDay  today;
} ComputeJob;

static void
compute_job_free (ComputeJob *job)
{
  g_free (job->store_path);
  g_free (job);
}

/* Formatting */

static char *
format_days_value (double days)
{
  /* The KPI cards' form: one decimal in the UI locale, "3.5 days". */
  return kassa_kpi_format_value (KASSA_KPI_AVERAGE_DAYS_LATE, days);
}

static char *
format_one_decimal (double days)
{
  return kassa_kpi_format_number (KASSA_KPI_AVERAGE_DAYS_LATE, days);
}

static char *
format_trend (const KassaPaymentBehaviour *b)
{
  g_autofree char *days = NULL;

  if (b->history->len < 2)
    return g_strdup (_("Not enough paid invoices"));
  if (fabs (b->trend_days) < STEADY_TREND_DAYS)
    return g_strdup (C_("payment trend", "Steady"));

  days = format_one_decimal (fabs (b->trend_days));
  if (b->trend_days > 0)
    /* Translators: %s is a number of days with one decimal, e.g. "1.5" */
    return g_strdup_printf (_("Paying %s days later per invoice"), days);

  /* Translators: %s is a number of days with one decimal, e.g. "1.5" */
  return g_strdup_printf (_("Paying %s days earlier per invoice"), days);
}

static char *
format_percent_used (gint64 open,
                     gint64 limit)
{
  gint64 percent = MAX (open, 0) * 100 / limit;
  g_autofree char *text = kassa_percent_format ((gint) MIN (percent, G_MAXINT / 100) * 100,
                                                kassa_locale_current ());

  /* Translators: %s is a percentage of the credit limit, e.g. "45 %" */
  return g_strdup_printf (_("%s used"), text);
}

static char *
format_tick (gint64   value,
             gpointer user_data)
{
  return kassa_quantity_format (value * 1000, kassa_locale_current ());
}

static char *
format_invoice_delay (const KassaPaidInvoice *paid)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, paid->number);
  gint days = ABS (paid->days_late);

  if (paid->days_late > 0)
    /* Translators: %s is an invoice number, %d a number of days */
    return g_strdup_printf (ngettext ("Invoice %s: paid %d day late",
                                      "Invoice %s: paid %d days late", days),
                            number, days);
  if (paid->days_late < 0)
    /* Translators: %s is an invoice number, %d a number of days */
    return g_strdup_printf (ngettext ("Invoice %s: paid %d day early",
                                      "Invoice %s: paid %d days early", days),
                            number, days);

  /* Translators: %s is an invoice number */
  return g_strdup_printf (_("Invoice %s: paid on the due date"), number);
}

static char *
format_bar_tooltip (const KassaPaidInvoice *paid,
                    const char             *currency)
{
  g_autofree char *delay = format_invoice_delay (paid);
  g_autofree char *due = kassa_format_day (paid->due_date);
  g_autofree char *paid_on = kassa_format_day (paid->paid_date);
  g_autofree char *amount = kassa_format_money (paid->amount, currency);

  /* Translators: the second line of a chart bar's tooltip: the due date,
   * the payment date and the invoice's amount */
  return g_strdup_printf (_("%s\nDue %s, paid %s, %s"), delay, due, paid_on, amount);
}

static char *
describe_chart (const KassaPaymentBehaviour *b)
{
  g_autoptr(GString) days = g_string_new (NULL);
  g_autofree char *count = NULL;
  g_autofree char *late = NULL;
  g_autofree char *list = NULL;
  guint n = b->history->len;
  guint n_late = 0;

  for (guint i = 0; i < n; i++)
    {
      gint days_late = g_array_index (b->history, KassaPaidInvoice, i).days_late;
      g_autofree char *value = kassa_quantity_format ((gint64) days_late * 1000,
                                                      kassa_locale_current ());

      if (days_late > 0)
        n_late++;
      if (i > 0)
        /* Translators: separates the items of a list of numbers */
        g_string_append (days, C_("list separator", ", "));
      g_string_append (days, value);
    }

  /* Translators: %u is a number of invoices */
  count = g_strdup_printf (ngettext ("%u invoice paid in the last 12 months.",
                                     "%u invoices paid in the last 12 months.", n), n);
  /* Translators: %u is how many of the invoices just counted were paid late */
  late = g_strdup_printf (ngettext ("%u of them was paid late.",
                                    "%u of them were paid late.", n_late), n_late);
  /* Translators: %s is a list of days late per invoice (negative: early),
   * e.g. "3, −2, 0, 14" */
  list = g_strdup_printf (_("Days late, oldest first: %s."), days->str);

  return g_strjoin (" ", count, late, list, NULL);
}

/* The credit limit */

static gboolean
save_credit_limit (KassaPaymentBehaviourView  *self,
                   gint64                      limit,
                   gint64                     *previous,
                   GError                    **error)
{
  g_autoptr(KassaCustomerRecord) record = NULL;

  record = kassa_store_get_customer (self->store, self->customer_id, error);
  if (record == NULL)
    return FALSE;

  if (previous != NULL)
    *previous = record->credit_limit;
  record->credit_limit = limit;
  return kassa_store_save_customer (self->store, record, error);
}

static void
add_toast (KassaPaymentBehaviourView *self,
           AdwToast                  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
add_error_toast (KassaPaymentBehaviourView *self,
                 const GError              *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  add_toast (self, adw_toast_new (escaped));
}

static void
on_undo_credit_limit (KassaPaymentBehaviourView *self,
                      AdwToast                  *toast)
{
  gint64 *previous = g_object_get_data (G_OBJECT (toast), "previous-limit");
  g_autoptr(GError) error = NULL;

  if (previous != NULL && !save_credit_limit (self, *previous, NULL, &error))
    add_error_toast (self, error);
}

static void
on_apply_clicked (KassaPaymentBehaviourView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;
  gint64 previous = 0;
  AdwToast *toast;
  gint64 limit;

  if (self->behaviour == NULL || self->behaviour->suggested_credit_limit <= 0)
    return;

  limit = self->behaviour->suggested_credit_limit;
  if (!save_credit_limit (self, limit, &previous, &error))
    {
      add_error_toast (self, error);
      return;
    }

  /* Right away, so a second click cannot apply it twice. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), FALSE);
  amount = kassa_format_money (limit, self->currency);
  /* Translators: %s is an amount of money */
  text = g_strdup_printf (_("Credit limit set to %s"), amount);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "previous-limit",
                          g_memdup2 (&previous, sizeof previous), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_credit_limit), self,
                           G_CONNECT_SWAPPED);
  add_toast (self, toast);
}

/* The chart */

/* GTK 4.8 has no gtk_widget_get_color (4.10): the style context is the
 * way to read the theme's named colours there. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
lookup_colour (GtkWidget           *widget,
               const char          *name,
               double               alpha,
               KassaBarChartColour *colour)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA rgba;

  if (name == NULL || !gtk_style_context_lookup_color (context, name, &rgba))
    gtk_style_context_get_color (context, &rgba);

  colour->red = rgba.red;
  colour->green = rgba.green;
  colour->blue = rgba.blue;
  colour->alpha = rgba.alpha * alpha;
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  KassaPaymentBehaviourView *self = KASSA_PAYMENT_BEHAVIOUR_VIEW (user_data);
  PangoContext *pango = gtk_widget_get_pango_context (GTK_WIDGET (area));
  KassaBarChartColour late, early, axis;

  /* Late is bad news (error colour); early payment is the accent. */
  lookup_colour (GTK_WIDGET (area), "error_color", 1.0, &late);
  lookup_colour (GTK_WIDGET (area), "accent_color", 1.0, &early);
  lookup_colour (GTK_WIDGET (area), NULL, 0.8, &axis);
  kassa_bar_chart_set_colours (self->chart, &late, &early, &axis);
  kassa_bar_chart_set_font (self->chart, pango_context_get_font_description (pango));
  kassa_bar_chart_draw (self->chart, cr, width, height);
}

static gboolean
on_chart_query_tooltip (KassaPaymentBehaviourView *self,
                        int                        x,
                        int                        y,
                        gboolean                   keyboard_mode,
                        GtkTooltip                *tooltip)
{
  g_autofree char *text = NULL;
  int index;

  if (self->behaviour == NULL || self->behaviour->history->len == 0)
    return FALSE;

  /* From the keyboard there is no pointer: the latest invoice is meant. */
  if (keyboard_mode)
    index = (int) self->behaviour->history->len - 1;
  else
    index = kassa_bar_chart_index_at (self->chart, x);

  if (index < 0 || (guint) index >= self->behaviour->history->len)
    return FALSE;

  text = format_bar_tooltip (&g_array_index (self->behaviour->history, KassaPaidInvoice, index),
                             self->currency);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_highlight (KassaPaymentBehaviourView *self,
               int                        index)
{
  if (self->hover_index == index)
    return;

  self->hover_index = index;
  kassa_bar_chart_set_highlight (self->chart, index);
  gtk_widget_queue_draw (self->chart_area);
}

static void
on_chart_motion (KassaPaymentBehaviourView *self,
                 double                     x,
                 double                     y)
{
  set_highlight (self, kassa_bar_chart_index_at (self->chart, x));
}

static void
on_chart_leave (KassaPaymentBehaviourView *self)
{
  set_highlight (self, -1);
}

/* Showing a result */

static void
update_warning (KassaPaymentBehaviourView *self)
{
  const KassaPaymentBehaviour *b = self->behaviour;
  gboolean shown = b->warning && b->warning_text != NULL;

  gtk_label_set_text (self->warning_label, shown ? b->warning_text : "");
  gtk_widget_set_visible (self->warning_banner, shown);
}

static void
update_risk (KassaPaymentBehaviourView *self)
{
  static const char *const classes[] = { "risk-a", "risk-b", "risk-c", "risk-d" };
  const KassaPaymentBehaviour *b = self->behaviour;
  const char *letter = kassa_risk_class_to_string (b->risk);
  g_autofree char *accessible = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->risk_badge), classes[i]);
  if ((guint) b->risk < G_N_ELEMENTS (classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->risk_badge), classes[b->risk]);

  gtk_label_set_text (self->risk_badge, letter);
  /* Translators: %s is a risk class letter, A to D */
  accessible = g_strdup_printf (_("Risk class %s"), letter);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->risk_badge),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_label_set_text (self->risk_title, kassa_risk_class_describe (b->risk));
  gtk_label_set_text (self->risk_reason, b->risk_text != NULL ? b->risk_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->risk_reason), b->risk_text != NULL);
}

static void
set_days_value (GtkLabel                    *label,
                const KassaPaymentBehaviour *b,
                double                       days)
{
  g_autofree char *text = NULL;

  /* −1 means "no history", but −1 days late is also a real average. */
  text = b->history->len > 0 ? format_days_value (days) : g_strdup ("—");
  gtk_label_set_text (label, text);
}

static void
set_money_value (KassaPaymentBehaviourView *self,
                 GtkLabel                  *label,
                 gint64                     amount)
{
  g_autofree char *text = kassa_format_money (amount, self->currency);

  gtk_label_set_text (label, text);
}

static void
update_figures (KassaPaymentBehaviourView *self)
{
  const KassaPaymentBehaviour *b = self->behaviour;
  g_autofree char *trend = format_trend (b);
  g_autofree char *oldest = NULL;

  set_days_value (self->days_to_pay_value, b, b->average_days_to_pay);
  set_days_value (self->days_late_value, b, b->average_days_late);
  gtk_label_set_text (self->trend_value, trend);
  set_money_value (self, self->open_value, b->open);
  set_money_value (self, self->overdue_value, b->overdue);

  if (b->overdue > 0 && b->max_days_overdue > 0)
    /* Translators: %d is a number of days */
    oldest = g_strdup_printf (ngettext ("The oldest is %d day past due",
                                        "The oldest is %d days past due", b->max_days_overdue),
                              b->max_days_overdue);
  adw_action_row_set_subtitle (self->overdue_row, oldest != NULL ? oldest : "");
  if (b->overdue > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->overdue_value), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_value), "error");
}

static void
update_credit (KassaPaymentBehaviourView *self)
{
  const KassaPaymentBehaviour *b = self->behaviour;
  g_autofree char *used = NULL;
  gboolean suggested = b->suggested_credit_limit > 0;

  if (b->credit_limit > 0)
    {
      set_money_value (self, self->limit_value, b->credit_limit);
      used = format_percent_used (b->open, b->credit_limit);
    }
  else
    {
      gtk_label_set_text (self->limit_value, C_("credit limit", "None"));
    }
  adw_action_row_set_subtitle (self->limit_row, used != NULL ? used : "");

  if (suggested)
    set_money_value (self, self->suggested_value, b->suggested_credit_limit);
  else
    gtk_label_set_text (self->suggested_value, "—");
  gtk_label_set_text (self->suggested_reason,
                      b->suggested_credit_limit_text != NULL ? b->suggested_credit_limit_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->suggested_reason),
                          b->suggested_credit_limit_text != NULL);

  /* 0 would mean "no limit": never offer it as a suggestion. */
  gtk_widget_set_visible (GTK_WIDGET (self->apply_button), suggested);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button),
                            suggested && b->suggested_credit_limit != b->credit_limit);
}

static void
update_chart (KassaPaymentBehaviourView *self)
{
  const KassaPaymentBehaviour *b = self->behaviour;
  g_autofree gint *values = g_new (gint, MAX (b->history->len, 1));

  for (guint i = 0; i < b->history->len; i++)
    values[i] = g_array_index (b->history, KassaPaidInvoice, i).days_late;
  kassa_bar_chart_set_values (self->chart, values, b->history->len);
  self->hover_index = -1;

  g_clear_pointer (&self->chart_description, g_free);
  if (b->history->len > 0)
    {
      self->chart_description = describe_chart (b);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_area),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->chart_description,
                                      -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->chart_area),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  gtk_stack_set_visible_child_name (self->chart_stack, b->history->len > 0 ? "chart" : "empty");
  gtk_widget_set_visible (self->chart_caption, b->history->len > 0);
  gtk_widget_queue_draw (self->chart_area);
}

static void
read_currency (KassaPaymentBehaviourView *self)
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (self->store);

  g_strlcpy (self->currency, company != NULL ? company->currency : "EUR", sizeof self->currency);
}

static void
show_behaviour (KassaPaymentBehaviourView *self,
                KassaPaymentBehaviour     *behaviour)
{
  g_clear_pointer (&self->behaviour, kassa_payment_behaviour_free);
  self->behaviour = behaviour;

  read_currency (self);
  update_warning (self);
  update_risk (self);
  update_figures (self);
  update_credit (self);
  update_chart (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
show_error (KassaPaymentBehaviourView *self,
            const GError              *error)
{
  g_autofree char *text = NULL;

  /* Translators: %s says what went wrong */
  text = g_strdup_printf (_("The payment behaviour could not be worked out: %s"), error->message);
  gtk_label_set_text (self->error_label, text);
  /* Figures already shown stay: they are only a little out of date. */
  if (self->behaviour == NULL)
    gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
set_loading (KassaPaymentBehaviourView *self,
             gboolean                   loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading && self->behaviour != NULL);
}

/* The computation */

static void
compute_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ComputeJob *job = task_data;
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(KassaCollectionSettings) settings = NULL;
  KassaPaymentBehaviour *behaviour;
  GError *error = NULL;

  store = kassa_store_open (job->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  settings = kassa_collection_settings_load (store);
  behaviour = kassa_payment_behaviour_compute (store, job->customer_id, job->today,
                                               settings != NULL ? &settings->warning : NULL,
                                               &error);
  if (behaviour == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, behaviour, (GDestroyNotify) kassa_payment_behaviour_free);
}

static void
on_computed (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  KassaPaymentBehaviourView *self = KASSA_PAYMENT_BEHAVIOUR_VIEW (source_object);
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  KassaPaymentBehaviour *behaviour;

  behaviour = g_task_propagate_pointer (task, &error);
  /* Cancelled: the view is gone or a newer computation replaced this one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (task) != self->cancellable)
    {
      g_clear_pointer (&behaviour, kassa_payment_behaviour_free);
      return;
    }

  g_clear_object (&self->cancellable);
  if (behaviour != NULL)
    show_behaviour (self, behaviour);
  else
    show_error (self, error);
  set_loading (self, FALSE);
}

static void
start_computation (KassaPaymentBehaviourView *self)
{
  g_autoptr(GTask) task = NULL;
  ComputeJob *job = g_new0 (ComputeJob, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job->store_path = g_strdup (kassa_store_get_path (self->store));
  job->customer_id = self->customer_id;
  job->today = kassa_clock_today ();

  task = g_task_new (self, self->cancellable, on_computed, NULL);
  g_task_set_source_tag (task, start_computation);
  g_task_set_task_data (task, job, (GDestroyNotify) compute_job_free);
  g_task_run_in_thread (task, compute_in_thread);
  set_loading (self, TRUE);
}

static gboolean
refresh_idle (gpointer user_data)
{
  KassaPaymentBehaviourView *self = KASSA_PAYMENT_BEHAVIOUR_VIEW (user_data);

  self->refresh_id = 0;
  start_computation (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (KassaPaymentBehaviourView *self,
                  guint                      what)
{
  /* Writes often come in bursts: one computation for all of them. */
  if ((what & RELEVANT_CHANGES) != 0 && self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

/* Object */

static void
kassa_payment_behaviour_view_dispose (GObject *object)
{
  KassaPaymentBehaviourView *self = KASSA_PAYMENT_BEHAVIOUR_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_PAYMENT_BEHAVIOUR_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_payment_behaviour_view_parent_class)->dispose (object);
}

static void
kassa_payment_behaviour_view_finalize (GObject *object)
{
  KassaPaymentBehaviourView *self = KASSA_PAYMENT_BEHAVIOUR_VIEW (object);

  g_clear_pointer (&self->behaviour, kassa_payment_behaviour_free);
  g_clear_pointer (&self->chart, kassa_bar_chart_free);
  g_free (self->chart_description);

  G_OBJECT_CLASS (kassa_payment_behaviour_view_parent_class)->finalize (object);
}

static void
kassa_payment_behaviour_view_class_init (KassaPaymentBehaviourViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_payment_behaviour_view_dispose;
  object_class->finalize = kassa_payment_behaviour_view_finalize;

  gtk_widget_class_set_css_name (widget_class, "paymentbehaviour");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-payment-behaviour-view.ui");
#define BIND_CHILD(name) \
  gtk_widget_class_bind_template_child (widget_class, KassaPaymentBehaviourView, name)
  BIND_CHILD (spinner);
  BIND_CHILD (stack);
  BIND_CHILD (error_label);
  BIND_CHILD (warning_banner);
  BIND_CHILD (warning_label);
  BIND_CHILD (risk_badge);
  BIND_CHILD (risk_title);
  BIND_CHILD (risk_reason);
  BIND_CHILD (days_to_pay_value);
  BIND_CHILD (days_late_value);
  BIND_CHILD (trend_value);
  BIND_CHILD (open_value);
  BIND_CHILD (overdue_row);
  BIND_CHILD (overdue_value);
  BIND_CHILD (limit_row);
  BIND_CHILD (limit_value);
  BIND_CHILD (suggested_value);
  BIND_CHILD (suggested_reason);
  BIND_CHILD (apply_button);
  BIND_CHILD (chart_stack);
  BIND_CHILD (chart_caption);
  BIND_CHILD (chart_area);
#undef BIND_CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_query_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_motion);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_leave);
}

static void
kassa_payment_behaviour_view_init (KassaPaymentBehaviourView *self)
{
  self->chart = kassa_bar_chart_new ();
  self->hover_index = -1;
  kassa_bar_chart_set_format_func (self->chart, format_tick, NULL, NULL);
  g_strlcpy (self->currency, "EUR", sizeof self->currency);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart_area), draw_chart, self, NULL);
}

/* Public API */

/**
 * kassa_payment_behaviour_view_new:
 * Returns: (transfer floating): the view of customer_id; starts working
 *   the figures out at once.
 */
GtkWidget *
kassa_payment_behaviour_view_new (KassaStore *store,
                                  gint64      customer_id)
{
  KassaPaymentBehaviourView *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (customer_id > 0, NULL);

  self = g_object_new (KASSA_TYPE_PAYMENT_BEHAVIOUR_VIEW, NULL);
  self->store = g_object_ref (store);
  self->customer_id = customer_id;
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  start_computation (self);

  return GTK_WIDGET (self);
}

void
kassa_payment_behaviour_view_refresh (KassaPaymentBehaviourView *self)
{
  g_return_if_fail (KASSA_IS_PAYMENT_BEHAVIOUR_VIEW (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  start_computation (self);
}

gboolean
kassa_payment_behaviour_view_is_loading (KassaPaymentBehaviourView *self)
{
  g_return_val_if_fail (KASSA_IS_PAYMENT_BEHAVIOUR_VIEW (self), FALSE);

  return self->loading || self->refresh_id != 0;
}

const KassaPaymentBehaviour *
kassa_payment_behaviour_view_get_behaviour (KassaPaymentBehaviourView *self)
{
  g_return_val_if_fail (KASSA_IS_PAYMENT_BEHAVIOUR_VIEW (self), NULL);

  return self->behaviour;
}

const char *
kassa_payment_behaviour_view_get_warning_text (KassaPaymentBehaviourView *self)
{
  g_return_val_if_fail (KASSA_IS_PAYMENT_BEHAVIOUR_VIEW (self), NULL);

  if (!gtk_widget_get_visible (self->warning_banner))
    return NULL;

  return gtk_label_get_text (self->warning_label);
}

const char *
kassa_payment_behaviour_view_get_risk_text (KassaPaymentBehaviourView *self)
{
  g_return_val_if_fail (KASSA_IS_PAYMENT_BEHAVIOUR_VIEW (self), NULL);

  return gtk_label_get_text (self->risk_badge);
}

const char *
kassa_payment_behaviour_view_get_trend_text (KassaPaymentBehaviourView *self)
{
  g_return_val_if_fail (KASSA_IS_PAYMENT_BEHAVIOUR_VIEW (self), NULL);

  return gtk_label_get_text (self->trend_value);
}

GtkButton *
kassa_payment_behaviour_view_get_apply_button (KassaPaymentBehaviourView *self)
{
  g_return_val_if_fail (KASSA_IS_PAYMENT_BEHAVIOUR_VIEW (self), NULL);

  return self->apply_button;
}

guint
kassa_payment_behaviour_view_get_n_bars (KassaPaymentBehaviourView *self)
{
  g_return_val_if_fail (KASSA_IS_PAYMENT_BEHAVIOUR_VIEW (self), 0);

  return kassa_bar_chart_get_n_values (self->chart);
}

const char *
kassa_payment_behaviour_view_get_chart_description (KassaPaymentBehaviourView *self)
{
  g_return_val_if_fail (KASSA_IS_PAYMENT_BEHAVIOUR_VIEW (self), NULL);

  return self->chart_description;
}
