/* kassa-roi-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-roi-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-customer-value.h"
#include "kassa-date.h"
#include "kassa-form.h"
#include "kassa-format.h"
#include "kassa-line-chart.h"
#include "kassa-money.h"
#include "kassa-records.h"
#include "kassa-roi-dialog.h"
#include "kassa-roi.h"
#include "kassa-vat.h"

/* The chart's x axis counts months; the line chart works in days, so
 * month k is drawn on the first day of month k after this origin. */
#define MONTH_ORIGIN_YEAR 2000

struct _KassaRoiDialog
{
  AdwWindow        parent_instance;

  AdwEntryRow     *revenue_row;
  AdwEntryRow     *growth_row;
  AdwEntryRow     *margin_row;
  AdwEntryRow     *investment_row;
  GtkSpinButton   *ramp_spin;
  GtkLabel        *gain_label;
  GtkLabel        *roi_label;
  GtkLabel        *payback_label;
  GtkDrawingArea  *chart_area;

  KassaStore      *store;
  char             currency[4];
  GCancellable    *cancellable;
  KassaLineChart  *chart;
  KassaRoiResult   result;
  gboolean         has_result;
  gboolean         filling;          /* the dialog itself is writing an entry */
  gboolean         revenue_edited;
  gboolean         margin_edited;
  gboolean         prefilled;
};

G_DEFINE_FINAL_TYPE (KassaRoiDialog, kassa_roi_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  gint64 revenue;
  gint64 margin;
} Prefill;

static KassaDay
month_day (int month)
{
  return kassa_day_add_months (kassa_day_from_ymd (MONTH_ORIGIN_YEAR, 1, 1), month);
}

static int
day_month (KassaDay day)
{
  int year, month, dom;

  kassa_day_to_ymd (day, &year, &month, &dom);
  return (year - MONTH_ORIGIN_YEAR) * 12 + month - 1;
}

static char *
format_month_tick (KassaDay           day,
                   KassaChartDateUnit unit,
                   gpointer           user_data)
{
  return g_strdup_printf ("%d", day_month (day));
}

/* Whole currency units when every tick is one: "20 000", not "20 000,00 €". */
static char *
format_money_tick (gint64   value,
                   gint64   step,
                   gpointer user_data)
{
  KassaRoiDialog *self = user_data;
  gint64 unit = 1;

  for (int i = 0; i < kassa_currency_exponent (self->currency); i++)
    unit *= 10;
  if (step % unit != 0)
    return kassa_format_money (value, self->currency);
  return kassa_quantity_format ((value / unit) * 1000, kassa_locale_current ());
}

static char *
format_tenths_of_months (gint tenths)
{
  g_autofree char *number = kassa_quantity_format ((gint64) tenths * 100,
                                                   kassa_locale_current ());

  /* Translators: payback time, e.g. "7.5 months"; %s is the number. */
  return g_strdup_printf (ngettext ("%s month", "%s months", tenths == 10 ? 1 : 2), number);
}

/* GTK 4.8 has no gtk_widget_get_color (4.10). */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
lookup_colour (GtkWidget        *widget,
               const char       *name,
               double            alpha,
               KassaChartColour *colour)
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

/* max (24, payback + 6) months, as the curve must show where it turns. */
static guint
chart_months (const KassaRoiResult *result)
{
  guint months = 24;

  if (result->has_payback)
    months = MAX (months, (guint) (result->payback_tenths + 9) / 10 + 6);
  return MIN (months, KASSA_ROI_MAX_MONTHS);
}

static void
rebuild_chart (KassaRoiDialog *self)
{
  KassaChartColour colour;
  guint n;
  g_autofree KassaDay *days = NULL;
  g_autofree gint64 *values = NULL;

  kassa_line_chart_clear (self->chart);
  if (self->has_result)
    {
      n = chart_months (&self->result) + 1;
      days = g_new (KassaDay, n);
      values = g_new (gint64, n);
      /* Month 0 is the day of the investment: nothing gained yet. */
      days[0] = month_day (0);
      values[0] = self->result.net_cumulative[0] - self->result.cumulative[0];
      for (guint k = 1; k < n; k++)
        {
          days[k] = month_day (k);
          values[k] = self->result.net_cumulative[k - 1];
        }
      lookup_colour (GTK_WIDGET (self->chart_area), "accent_color", 1.0, &colour);
      kassa_line_chart_add_series (self->chart, _("Cumulative gain after the investment"),
                                   days, values, n, &colour, KASSA_LINE_STYLE_SOLID);
      if (self->result.has_payback)
        {
          gint whole = self->result.payback_tenths / 10;
          KassaDay start = month_day (whole);
          KassaDay day = start + (month_day (whole + 1) - start)
                                 * (self->result.payback_tenths % 10) / 10;

          lookup_colour (GTK_WIDGET (self->chart_area), "success_color", 1.0, &colour);
          kassa_line_chart_set_marker (self->chart, day, _("Payback"), &colour);
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
}

static void
describe_chart (KassaRoiDialog *self,
                const char     *payback)
{
  g_autofree char *description = NULL;

  /* Translators: accessible description of the ROI chart; %s is the
   * payback time ("7.5 months", "not within 10 years"). */
  description = g_strdup_printf (_("Cumulative gain after the investment by month; payback: %s"),
                                 payback);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
show_results (KassaRoiDialog *self)
{
  g_autofree char *gain = NULL;
  g_autofree char *roi = NULL;
  g_autofree char *payback = NULL;

  if (!self->has_result)
    {
      gtk_label_set_text (self->gain_label, "–");
      gtk_label_set_text (self->roi_label, "–");
      gtk_label_set_text (self->payback_label, "–");
      describe_chart (self, "–");
      return;
    }

  gain = kassa_format_money (self->result.gain_12, self->currency);
  roi = self->result.has_roi
        ? kassa_percent_format ((gint) CLAMP (self->result.roi_bp, G_MININT, G_MAXINT),
                                kassa_locale_current ())
        : g_strdup (C_("roi", "no investment"));
  if (!self->result.has_roi)
    payback = g_strdup (C_("roi", "no investment"));
  else if (self->result.has_payback)
    payback = format_tenths_of_months (self->result.payback_tenths);
  else
    payback = g_strdup (_("not within 10 years"));
  gtk_label_set_text (self->gain_label, gain);
  gtk_label_set_text (self->roi_label, roi);
  gtk_label_set_text (self->payback_label, payback);
  describe_chart (self, payback);
}

static gboolean
read_money (KassaRoiDialog *self,
            AdwEntryRow    *row,
            gint64         *value)
{
  g_autofree char *text = kassa_form_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    {
      kassa_form_set_row_error (ADW_PREFERENCES_ROW (row), _("Enter an amount"));
      return FALSE;
    }
  if (!kassa_money_parse (text, self->currency, kassa_locale_current (), value, &error))
    {
      kassa_form_set_row_error (ADW_PREFERENCES_ROW (row), error->message);
      return FALSE;
    }
  kassa_form_set_row_error (ADW_PREFERENCES_ROW (row), NULL);
  return TRUE;
}

static gboolean
read_percent (AdwEntryRow *row,
              gint        *value)
{
  g_autofree char *text = kassa_form_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    {
      kassa_form_set_row_error (ADW_PREFERENCES_ROW (row), _("Enter a percentage"));
      return FALSE;
    }
  if (!kassa_percent_parse (text, kassa_locale_current (), value, &error))
    {
      kassa_form_set_row_error (ADW_PREFERENCES_ROW (row), error->message);
      return FALSE;
    }
  kassa_form_set_row_error (ADW_PREFERENCES_ROW (row), NULL);
  return TRUE;
}

static void
recompute (KassaRoiDialog *self)
{
  KassaRoiInput input = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean valid;

  /* Read every field so that each shows its own error. */
  valid = read_money (self, self->revenue_row, &input.annual_revenue);
  valid = read_percent (self->growth_row, &input.growth_bp) && valid;
  valid = read_percent (self->margin_row, &input.margin_bp) && valid;
  valid = read_money (self, self->investment_row, &input.investment) && valid;
  input.ramp_up_months = gtk_spin_button_get_value_as_int (self->ramp_spin);

  self->has_result = valid && kassa_roi_compute (&input, &self->result, &error);
  if (error != NULL)
    kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->revenue_row), error->message);
  show_results (self);
  rebuild_chart (self);
}

static void
on_input_changed (KassaRoiDialog *self,
                  GObject        *source)
{
  if (self->filling)
    return;
  if (source == G_OBJECT (self->revenue_row))
    self->revenue_edited = TRUE;
  else if (source == G_OBJECT (self->margin_row))
    self->margin_edited = TRUE;
  recompute (self);
}

static void
fill_text (KassaRoiDialog *self,
           AdwEntryRow    *row,
           const char     *text)
{
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  self->filling = FALSE;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  KassaRoiDialog *self = user_data;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (area));
  KassaChartColour axis;

  lookup_colour (GTK_WIDGET (area), NULL, 0.8, &axis);
  kassa_line_chart_set_axis_colour (self->chart, &axis);
  kassa_line_chart_set_font (self->chart, pango_context_get_font_description (context));
  kassa_line_chart_draw (self->chart, cr, width, height);
}

static gboolean
on_chart_query_tooltip (KassaRoiDialog *self,
                        int             x,
                        int             y,
                        gboolean        keyboard_mode,
                        GtkTooltip     *tooltip)
{
  KassaLineChartHit hit;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;

  if (!self->has_result || !kassa_line_chart_hit_test (self->chart, x, y, &hit))
    return FALSE;
  value = kassa_format_money (hit.value, self->currency);
  /* Translators: ROI chart tooltip: the month number and the cumulative
   * gain after the investment at its end. */
  text = g_strdup_printf (_("Month %d: %s"), day_month (hit.day), value);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
prefill_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(KassaStore) store = NULL;
  g_autofree Prefill *prefill = g_new0 (Prefill, 1);
  KassaValueOptions options;
  GError *error = NULL;

  /* The default period of the value report: the last 12 months. */
  kassa_value_options_init_default (&options, kassa_clock_today ());
  store = kassa_store_open (path, &error);
  if (store == NULL ||
      !kassa_value_period_totals (store, options.from, options.to, &prefill->revenue,
                                  &prefill->margin, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&prefill), g_free);
}

static void
on_prefill_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KassaRoiDialog *self;
  g_autofree Prefill *prefill = NULL;
  g_autoptr(GError) error = NULL;

  prefill = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = KASSA_ROI_DIALOG (source);
  self->prefilled = TRUE;
  if (prefill == NULL)
    {
      g_warning ("Could not read the last 12 months for the ROI calculator: %s", error->message);
      return;
    }
  if (!self->revenue_edited)
    {
      g_autofree char *text = kassa_money_format_plain (MAX (prefill->revenue, 0), self->currency,
                                                        kassa_locale_current ());
      fill_text (self, self->revenue_row, text);
    }
  if (!self->margin_edited && prefill->revenue > 0)
    {
      /* The company's margin % of the period. */
      gint bp = kassa_share_bp (prefill->margin, prefill->revenue);
      g_autofree char *text = kassa_percent_format (CLAMP (bp, 0, 10000),
                                                    kassa_locale_current ());
      fill_text (self, self->margin_row, text);
    }
  recompute (self);
}

static void
start_prefill (KassaRoiDialog *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_prefill_done, NULL);

  g_task_set_source_tag (task, start_prefill);
  g_task_set_task_data (task, g_strdup (kassa_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, prefill_in_thread);
}

static void
kassa_roi_dialog_dispose (GObject *object)
{
  KassaRoiDialog *self = KASSA_ROI_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_ROI_DIALOG);

  G_OBJECT_CLASS (kassa_roi_dialog_parent_class)->dispose (object);
}

static void
kassa_roi_dialog_finalize (GObject *object)
{
  KassaRoiDialog *self = KASSA_ROI_DIALOG (object);

  g_clear_pointer (&self->chart, kassa_line_chart_free);

  G_OBJECT_CLASS (kassa_roi_dialog_parent_class)->finalize (object);
}

static void
kassa_roi_dialog_class_init (KassaRoiDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_roi_dialog_dispose;
  object_class->finalize = kassa_roi_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kassa/Kassa/ui/kassa-roi-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaRoiDialog, revenue_row);
  gtk_widget_class_bind_template_child (widget_class, KassaRoiDialog, growth_row);
  gtk_widget_class_bind_template_child (widget_class, KassaRoiDialog, margin_row);
  gtk_widget_class_bind_template_child (widget_class, KassaRoiDialog, investment_row);
  gtk_widget_class_bind_template_child (widget_class, KassaRoiDialog, ramp_spin);
  gtk_widget_class_bind_template_child (widget_class, KassaRoiDialog, gain_label);
  gtk_widget_class_bind_template_child (widget_class, KassaRoiDialog, roi_label);
  gtk_widget_class_bind_template_child (widget_class, KassaRoiDialog, payback_label);
  gtk_widget_class_bind_template_child (widget_class, KassaRoiDialog, chart_area);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kassa_roi_dialog_init (KassaRoiDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->chart = kassa_line_chart_new ();
  kassa_line_chart_set_value_format_func (self->chart, format_money_tick, self, NULL);
  kassa_line_chart_set_date_format_func (self->chart, format_month_tick, NULL, NULL);
  gtk_drawing_area_set_draw_func (self->chart_area, draw_chart, self, NULL);
  g_signal_connect_object (self->chart_area, "query-tooltip",
                           G_CALLBACK (on_chart_query_tooltip), self, G_CONNECT_SWAPPED);
}

KassaRoiDialog *
kassa_roi_dialog_present (GtkWindow  *parent,
                          KassaStore *store)
{
  KassaRoiDialog *self;
  g_autoptr(KassaCompany) company = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_ROI_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  company = kassa_store_get_company (store);
  g_strlcpy (self->currency, company != NULL ? company->currency : "EUR", sizeof self->currency);

  /* Until the last 12 months arrive: zeros, so no field starts in error. */
  {
    g_autofree char *zero = kassa_money_format_plain (0, self->currency, kassa_locale_current ());
    g_autofree char *no_margin = kassa_percent_format (0, kassa_locale_current ());
    g_autofree char *growth = kassa_percent_format (1000, kassa_locale_current ());

    fill_text (self, self->revenue_row, zero);
    fill_text (self, self->growth_row, growth);
    fill_text (self, self->margin_row, no_margin);
    fill_text (self, self->investment_row, zero);
  }
  recompute (self);
  start_prefill (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

gboolean
kassa_roi_dialog_is_prefilled (KassaRoiDialog *self)
{
  g_return_val_if_fail (KASSA_IS_ROI_DIALOG (self), FALSE);

  return self->prefilled;
}
