/* kassa-cash-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-cash-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kassa-cash-chart.h"
#include "kassa-column-chart.h"
#include "kassa-date.h"
#include "kassa-format.h"
#include "kassa-line-chart.h"
#include "kassa-money.h"

#define MIN_WIDTH 240
#define NATURAL_WIDTH 600
#define MIN_HEIGHT 160
#define NATURAL_HEIGHT 240

struct _KassaCashChart
{
  GtkWidget         parent_instance;

  KassaLineChart   *line;       /* exactly one of line and columns */
  KassaColumnChart *columns;
  char             *currency;
  GPtrArray        *series_names;  /* legend names, index = series */
  GPtrArray        *category_names;
  /* What was set, kept so a style change (dark mode) rebuilds the chart
   * in the new colours. */
  gboolean          has_data;
  GArray           *actual_days;      /* of KassaDay */
  GArray           *actual_values;    /* of gint64 */
  KassaDay          today;
  GArray           *forecast_closing; /* of gint64, from today */
  GArray           *compare_closing;  /* of gint64, empty without a comparison */
  char             *name;
  char             *compare_name;
  gint64            buffer;
  GArray           *inflows;          /* of gint64, per category */
  GArray           *outflows;
  int               hover_series;
  int               hover_index;
  /* The generic charts (set_columns, set_day_lines). */
  gboolean          generic;
  gboolean          days_unit;        /* values are tenths of a day */
  char             *title;
  GPtrArray        *generic_names;    /* of char*, per series */
  GArray           *generic_colours;  /* of KassaCashChartColour, names interned */
  GArray           *generic_values;   /* of gint64, series-major */
  GArray           *generic_days;     /* of KassaDay (lines) */
  guint             n_series;
  gboolean          stacked;
};

G_DEFINE_FINAL_TYPE (KassaCashChart, kassa_cash_chart, GTK_TYPE_WIDGET)

/* Value ticks are plain grouped numbers of whole currency units: the
 * currency is in the title and the tooltips, and "150 000,00 €" on every
 * tick would take a third of a narrow chart. */
static char *
format_value_tick (gint64   value,
                   gint64   step,
                   gpointer user_data)
{
  KassaCashChart *self = user_data;
  int exponent = kassa_currency_exponent (self->currency != NULL ? self->currency : "EUR");
  gint64 unit = 1;

  for (int i = 0; i < exponent; i++)
    unit *= 10;

  if (step % unit != 0)
    return kassa_format_money (value, self->currency != NULL ? self->currency : "EUR");

  return kassa_quantity_format ((value / unit) * 1000, kassa_locale_current ());
}

/* Tenths of a day with one decimal as the locale writes it. */
static char *
format_tenths (gint64 tenths)
{
  char *text = kassa_quantity_format (tenths * 100 + (tenths < 0 ? -1 : 1),
                                      kassa_locale_current ());
  gsize length = strlen (text);

  /* The extra thousandth keeps the two last digits from being dropped;
   * cutting them leaves exactly one decimal. */
  text[length - 2] = '\0';
  return text;
}

static char *
format_days_tick (gint64   value,
                  gint64   step,
                  gpointer user_data)
{
  return format_tenths (value);
}

static char *
format_with_strftime (KassaDay    day,
                      const char *format)
{
  int year, month, mday;
  g_autoptr(GDateTime) date_time = NULL;

  kassa_day_to_ymd (day, &year, &month, &mday);
  date_time = g_date_time_new_utc (year, month, mday, 0, 0, 0);
  if (date_time == NULL)
    return g_strdup ("");

  return g_date_time_format (date_time, format);
}

static char *
format_date_tick (KassaDay           day,
                  KassaChartDateUnit unit,
                  gpointer           user_data)
{
  switch (unit)
    {
    case KASSA_CHART_DATE_UNIT_YEAR:
      /* Translators: a year tick of a chart, a g_date_time_format() format */
      return format_with_strftime (day, C_("chart year tick", "%Y"));
    case KASSA_CHART_DATE_UNIT_MONTH:
      /* Translators: a month tick of a chart, a g_date_time_format()
       * format: the short month name, e.g. "Dec", "joulu", "12月" */
      return format_with_strftime (day, C_("chart month tick", "%b"));
    case KASSA_CHART_DATE_UNIT_DAY:
    case KASSA_CHART_DATE_UNIT_WEEK:
    default:
      /* Translators: a day tick of a chart, a g_date_time_format() format
       * without the year, e.g. "Nov 24", "24.11.", "11月24日" */
      return format_with_strftime (day, C_("chart day tick", "%b %-d"));
    }
}

/* GTK 4.8 has no gtk_widget_get_color (4.10): the style context is the
 * way to read the theme's named colours there. */
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

static void
apply_style (KassaCashChart *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  KassaChartColour axis;

  lookup_colour (GTK_WIDGET (self), NULL, 0.8, &axis);

  if (self->line != NULL)
    {
      kassa_line_chart_set_axis_colour (self->line, &axis);
      kassa_line_chart_set_font (self->line, font);
    }
  else
    {
      kassa_column_chart_set_axis_colour (self->columns, &axis);
      kassa_column_chart_set_font (self->columns, font);
    }
}

static void
kassa_cash_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  KassaCashChart *self = KASSA_CASH_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  apply_style (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->line != NULL)
    kassa_line_chart_draw (self->line, cr, width, height);
  else
    kassa_column_chart_draw (self->columns, cr, width, height);
  cairo_destroy (cr);
}

static void
kassa_cash_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gboolean horizontal = (orientation == GTK_ORIENTATION_HORIZONTAL);

  *minimum = horizontal ? MIN_WIDTH : MIN_HEIGHT;
  *natural = horizontal ? NATURAL_WIDTH : NATURAL_HEIGHT;
}

static const char *
series_name (KassaCashChart *self,
             guint           series)
{
  if (series < self->series_names->len && g_ptr_array_index (self->series_names, series) != NULL)
    return g_ptr_array_index (self->series_names, series);

  return "";
}

static char *
describe_line_hit (KassaCashChart          *self,
                   const KassaLineChartHit *hit)
{
  g_autofree char *day = kassa_format_day (hit->day);
  g_autofree char *value = kassa_format_money (hit->value, self->currency);

  if (hit->in_band && hit->band_low != hit->band_high)
    {
      g_autofree char *low = kassa_format_money (hit->band_low, self->currency);
      g_autofree char *high = kassa_format_money (hit->band_high, self->currency);

      /* Translators: a chart tooltip: a series name, a day, an amount,
       * then the lowest and highest balance of the scenarios that day */
      return g_strdup_printf (_("%s, %s: %s\nScenarios: %s … %s"),
                              series_name (self, hit->series), day, value, low, high);
    }

  /* Translators: a chart tooltip: a series name, a day and an amount */
  return g_strdup_printf (_("%s, %s: %s"), series_name (self, hit->series), day, value);
}

static char *
describe_days_hit (KassaCashChart          *self,
                   const KassaLineChartHit *hit)
{
  g_autofree char *day = kassa_format_day (hit->day);
  g_autofree char *value = format_tenths (hit->value);

  /* Translators: a chart tooltip: a series name ("DSO"), a day and a
   * number of days with one decimal */
  return g_strdup_printf (_("%s, %s: %s days"), series_name (self, hit->series), day, value);
}

static char *
describe_column_hit (KassaCashChart            *self,
                     const KassaColumnChartHit *hit)
{
  g_autofree char *value = kassa_format_money (hit->value, self->currency);
  const char *category = hit->category < self->category_names->len
                         ? g_ptr_array_index (self->category_names, hit->category) : "";

  if (self->stacked)
    {
      g_autofree char *total = kassa_format_money (hit->total, self->currency);

      /* Translators: a stacked chart's tooltip: a series name ("1–30
       * days"), a period ("Oct"), its amount and the period's total */
      return g_strdup_printf (_("%s, %s: %s\nTotal %s"), series_name (self, hit->series),
                              category, value, total);
    }

  /* Translators: a chart tooltip: a series name ("Inflows"), a period
   * ("Week 48") and an amount */
  return g_strdup_printf (_("%s, %s: %s"), series_name (self, hit->series), category, value);
}

static void
set_hover (KassaCashChart *self,
           int             series,
           int             index)
{
  if (self->hover_series == series && self->hover_index == index)
    return;

  self->hover_series = series;
  self->hover_index = index;
  if (self->line != NULL)
    kassa_line_chart_set_highlight (self->line, series, index);
  else
    kassa_column_chart_set_highlight (self->columns, series < 0 ? -1 : index, series);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (KassaCashChart *self,
           double          x,
           double          y)
{
  if (self->line != NULL)
    {
      KassaLineChartHit hit;

      if (kassa_line_chart_hit_test (self->line, x, y, &hit))
        set_hover (self, (int) hit.series, (int) hit.index);
      else
        set_hover (self, -1, -1);
    }
  else
    {
      KassaColumnChartHit hit;

      if (kassa_column_chart_hit_test (self->columns, x, y, &hit))
        set_hover (self, (int) hit.series, (int) hit.category);
      else
        set_hover (self, -1, -1);
    }
}

static void
on_leave (KassaCashChart *self)
{
  set_hover (self, -1, -1);
}

static gboolean
kassa_cash_chart_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard_mode)
    return FALSE;

  text = kassa_cash_chart_get_tooltip_at (KASSA_CASH_CHART (widget), x, y);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void rebuild (KassaCashChart *self);

static void
kassa_cash_chart_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (kassa_cash_chart_parent_class)->css_changed (widget, change);

  /* Dark mode or another accent: the charts hold colours, not names. */
  rebuild (KASSA_CASH_CHART (widget));
}

static void
kassa_cash_chart_finalize (GObject *object)
{
  KassaCashChart *self = KASSA_CASH_CHART (object);

  g_clear_pointer (&self->line, kassa_line_chart_free);
  g_clear_pointer (&self->columns, kassa_column_chart_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->series_names, g_ptr_array_unref);
  g_clear_pointer (&self->category_names, g_ptr_array_unref);
  g_clear_pointer (&self->actual_days, g_array_unref);
  g_clear_pointer (&self->actual_values, g_array_unref);
  g_clear_pointer (&self->forecast_closing, g_array_unref);
  g_clear_pointer (&self->compare_closing, g_array_unref);
  g_clear_pointer (&self->compare_name, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->inflows, g_array_unref);
  g_clear_pointer (&self->outflows, g_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->generic_names, g_ptr_array_unref);
  g_clear_pointer (&self->generic_colours, g_array_unref);
  g_clear_pointer (&self->generic_values, g_array_unref);
  g_clear_pointer (&self->generic_days, g_array_unref);

  G_OBJECT_CLASS (kassa_cash_chart_parent_class)->finalize (object);
}

static void
kassa_cash_chart_class_init (KassaCashChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kassa_cash_chart_finalize;
  widget_class->snapshot = kassa_cash_chart_snapshot;
  widget_class->measure = kassa_cash_chart_measure;
  widget_class->query_tooltip = kassa_cash_chart_query_tooltip;
  widget_class->css_changed = kassa_cash_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "cashchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kassa_cash_chart_init (KassaCashChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->series_names = g_ptr_array_new_with_free_func (g_free);
  self->category_names = g_ptr_array_new_with_free_func (g_free);
  self->currency = g_strdup ("EUR");
  self->actual_days = g_array_new (FALSE, FALSE, sizeof (KassaDay));
  self->actual_values = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->forecast_closing = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->compare_closing = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->inflows = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->outflows = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->hover_series = -1;
  self->hover_index = -1;
  self->generic_names = g_ptr_array_new_with_free_func (g_free);
  self->generic_colours = g_array_new (FALSE, FALSE, sizeof (KassaCashChartColour));
  self->generic_values = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->generic_days = g_array_new (FALSE, FALSE, sizeof (KassaDay));

  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

static void
set_description (KassaCashChart *self,
                 const char     *description)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
set_currency (KassaCashChart *self,
              const char     *currency)
{
  if (currency == NULL || g_strcmp0 (currency, self->currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
}

/* Public API */

GtkWidget *
kassa_cash_chart_new_balance (void)
{
  KassaCashChart *self = g_object_new (KASSA_TYPE_CASH_CHART, NULL);

  self->line = kassa_line_chart_new ();
  kassa_line_chart_set_value_format_func (self->line, format_value_tick, self, NULL);
  kassa_line_chart_set_date_format_func (self->line, format_date_tick, self, NULL);
  kassa_cash_chart_clear (self);

  return GTK_WIDGET (self);
}

GtkWidget *
kassa_cash_chart_new_flows (void)
{
  KassaCashChart *self = g_object_new (KASSA_TYPE_CASH_CHART, NULL);

  self->columns = kassa_column_chart_new (KASSA_COLUMN_CHART_GROUPED);
  kassa_column_chart_set_value_format_func (self->columns, format_value_tick, self, NULL);
  kassa_cash_chart_clear (self);

  return GTK_WIDGET (self);
}

static void
reset_chart (KassaCashChart *self)
{
  g_ptr_array_set_size (self->series_names, 0);
  self->hover_series = self->hover_index = -1;

  if (self->line != NULL)
    {
      kassa_line_chart_clear (self->line);
      kassa_line_chart_set_highlight (self->line, -1, -1);
    }
  else
    {
      kassa_column_chart_set_categories (self->columns, NULL, 0);
      kassa_column_chart_set_highlight (self->columns, -1, -1);
    }
}

static void
describe_empty (KassaCashChart *self)
{
  g_autofree char *description = NULL;

  if (self->line != NULL)
    description = kassa_line_chart_describe (self->title != NULL ? self->title : _("Cash balance"),
                                             NULL, NULL, NULL, NULL);
  else
    description = kassa_column_chart_describe (self->title != NULL ? self->title
                                               : _("Inflows and outflows"),
                                               NULL, NULL, NULL, NULL, NULL);
  set_description (self, description);
}

void
kassa_cash_chart_clear (KassaCashChart *self)
{
  g_return_if_fail (KASSA_IS_CASH_CHART (self));

  self->has_data = FALSE;
  g_array_set_size (self->actual_days, 0);
  g_array_set_size (self->actual_values, 0);
  g_array_set_size (self->forecast_closing, 0);
  g_array_set_size (self->compare_closing, 0);
  g_array_set_size (self->inflows, 0);
  g_array_set_size (self->outflows, 0);
  g_ptr_array_set_size (self->category_names, 0);
  g_clear_pointer (&self->compare_name, g_free);
  g_clear_pointer (&self->name, g_free);
  self->buffer = 0;
  self->today = 0;
  self->generic = FALSE;
  g_ptr_array_set_size (self->generic_names, 0);
  g_array_set_size (self->generic_colours, 0);
  g_array_set_size (self->generic_values, 0);
  g_array_set_size (self->generic_days, 0);
  self->n_series = 0;

  reset_chart (self);
  describe_empty (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static KassaDay *
forecast_days (KassaCashChart *self,
               guint           n)
{
  KassaDay *days = g_new (KassaDay, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    days[i] = self->today + (KassaDay) i;

  return days;
}

static void
add_actual_series (KassaCashChart *self)
{
  KassaChartColour colour;

  if (self->actual_days->len == 0)
    return;

  lookup_colour (GTK_WIDGET (self), NULL, 1.0, &colour);
  kassa_line_chart_add_series (self->line, _("Actual"),
                               (const KassaDay *) self->actual_days->data,
                               (const gint64 *) self->actual_values->data,
                               self->actual_days->len, &colour, KASSA_LINE_STYLE_SOLID);
  g_ptr_array_add (self->series_names, g_strdup (_("Actual")));
}

static void
add_forecast_series (KassaCashChart *self)
{
  guint n = self->forecast_closing->len;
  g_autofree KassaDay *days = forecast_days (self, n);
  KassaChartColour colour;

  lookup_colour (GTK_WIDGET (self), "accent_color", 1.0, &colour);
  kassa_line_chart_add_series (self->line, self->name, days,
                               (const gint64 *) self->forecast_closing->data, n,
                               &colour, KASSA_LINE_STYLE_DASHED);
  g_ptr_array_add (self->series_names, g_strdup (self->name));
}

/* The band spans the base forecast and the scenario compared with it;
 * the scenario's own line is drawn too so the reader knows which edge is
 * which. */
static void
add_compare_series (KassaCashChart *self)
{
  guint n = self->compare_closing->len;
  g_autofree KassaDay *days = forecast_days (self, n);
  g_autofree gint64 *low = g_new (gint64, MAX (n, 1));
  g_autofree gint64 *high = g_new (gint64, MAX (n, 1));
  KassaChartColour colour;

  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      gint64 base = g_array_index (self->forecast_closing, gint64, i);
      gint64 other = g_array_index (self->compare_closing, gint64, i);

      low[i] = MIN (base, other);
      high[i] = MAX (base, other);
    }

  lookup_colour (GTK_WIDGET (self), "accent_color", 0.2, &colour);
  kassa_line_chart_set_band (self->line, days, low, high, n, &colour);
  lookup_colour (GTK_WIDGET (self), "warning_color", 1.0, &colour);
  kassa_line_chart_add_series (self->line, self->compare_name, days,
                               (const gint64 *) self->compare_closing->data, n,
                               &colour, KASSA_LINE_STYLE_DASHED);
  g_ptr_array_add (self->series_names, g_strdup (self->compare_name));
}

static void
add_buffer_and_today (KassaCashChart *self)
{
  KassaChartColour colour;

  if (self->buffer > 0)
    {
      g_autofree char *amount = kassa_format_money (self->buffer, self->currency);
      /* Translators: the label of the minimum cash buffer line; %s is an amount */
      g_autofree char *label = g_strdup_printf (_("Buffer %s"), amount);

      lookup_colour (GTK_WIDGET (self), "error_color", 1.0, &colour);
      kassa_line_chart_set_reference (self->line, self->buffer, label, &colour);
    }

  lookup_colour (GTK_WIDGET (self), NULL, 0.6, &colour);
  kassa_line_chart_set_marker (self->line, self->today, _("Today"), &colour);
}

static void
describe_balance (KassaCashChart *self,
                  guint           forecast_series)
{
  g_autofree char *description = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *lowest_value = NULL;
  g_autofree char *lowest_day = NULL;
  KassaDay first_day = 0, last_day = 0, day;
  gint64 value;

  kassa_line_chart_get_day_range (self->line, &first_day, &last_day);
  if (kassa_line_chart_get_lowest (self->line, forecast_series, &day, &value))
    {
      lowest_value = kassa_format_money (value, self->currency);
      lowest_day = kassa_format_day (day);
    }
  if (first_day > 0)
    {
      first = kassa_format_day (first_day);
      last = kassa_format_day (last_day);
    }

  description = kassa_line_chart_describe (_("Cash balance"), first, last,
                                           lowest_value, lowest_day);
  set_description (self, description);
}

static void
rebuild_balance (KassaCashChart *self)
{
  guint forecast_series;

  add_actual_series (self);
  forecast_series = kassa_line_chart_get_n_series (self->line);
  add_forecast_series (self);
  add_compare_series (self);
  add_buffer_and_today (self);
  describe_balance (self, forecast_series);
}

static void
describe_flows (KassaCashChart *self)
{
  g_autofree char *description = NULL;
  g_autofree char *value = NULL;
  guint category;
  int series;
  gint64 highest;
  const char *first = NULL;
  const char *last = NULL;
  const char *highest_category = NULL;
  const char *name = NULL;

  if (self->category_names->len > 0)
    {
      first = g_ptr_array_index (self->category_names, 0);
      last = g_ptr_array_index (self->category_names, self->category_names->len - 1);
    }
  if (kassa_column_chart_get_highest (self->columns, &category, &series, &highest))
    {
      value = kassa_format_money (highest, self->currency);
      highest_category = g_ptr_array_index (self->category_names, category);
      name = series >= 0 ? series_name (self, (guint) series) : NULL;
    }

  description = kassa_column_chart_describe (self->generic ? self->title : _("Inflows and outflows"),
                                             first, last, name, value, highest_category);
  set_description (self, description);
}

static void
rebuild_flows (KassaCashChart *self)
{
  guint n = self->category_names->len;
  KassaChartColour colour;

  /* set_categories copies the labels; pdata is not NULL-terminated and
   * needs not be: n says how many. */
  kassa_column_chart_set_categories (self->columns,
                                     (const char * const *) self->category_names->pdata, n);

  lookup_colour (GTK_WIDGET (self), "success_color", 1.0, &colour);
  kassa_column_chart_add_series (self->columns, _("Inflows"),
                                 (const gint64 *) self->inflows->data, &colour);
  g_ptr_array_add (self->series_names, g_strdup (_("Inflows")));
  lookup_colour (GTK_WIDGET (self), "error_color", 1.0, &colour);
  kassa_column_chart_add_series (self->columns, _("Outflows"),
                                 (const gint64 *) self->outflows->data, &colour);
  g_ptr_array_add (self->series_names, g_strdup (_("Outflows")));
  describe_flows (self);
}

static void
rebuild_generic_columns (KassaCashChart *self)
{
  guint n = self->category_names->len;

  kassa_column_chart_set_categories (self->columns,
                                     (const char * const *) self->category_names->pdata, n);
  for (guint series = 0; series < self->n_series; series++)
    {
      const KassaCashChartColour *spec = &g_array_index (self->generic_colours,
                                                         KassaCashChartColour, series);
      const char *name = g_ptr_array_index (self->generic_names, series);
      KassaChartColour colour;

      lookup_colour (GTK_WIDGET (self), spec->name, spec->alpha, &colour);
      kassa_column_chart_add_series (self->columns, name,
                                     &g_array_index (self->generic_values, gint64, series * n),
                                     &colour);
      g_ptr_array_add (self->series_names, g_strdup (name));
    }
  describe_flows (self);
}

static void
describe_day_lines (KassaCashChart *self)
{
  g_autofree char *description = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *lowest_value = NULL;
  g_autofree char *lowest_day = NULL;
  KassaDay first_day = 0, last_day = 0, day;
  gint64 value;

  kassa_line_chart_get_day_range (self->line, &first_day, &last_day);
  if (kassa_line_chart_get_n_series (self->line) > 0 &&
      kassa_line_chart_get_lowest (self->line, 0, &day, &value))
    {
      g_autofree char *number = format_tenths (value);

      /* Translators: a number of days with one decimal, e.g. "41.2 days" */
      lowest_value = g_strdup_printf (_("%s days"), number);
      lowest_day = kassa_format_day (day);
    }
  if (first_day > 0)
    {
      first = kassa_format_day (first_day);
      last = kassa_format_day (last_day);
    }

  description = kassa_line_chart_describe (self->title, first, last, lowest_value, lowest_day);
  set_description (self, description);
}

static void
rebuild_day_lines (KassaCashChart *self)
{
  guint n = self->generic_days->len;
  g_autofree KassaDay *days = g_new (KassaDay, MAX (n, 1));
  g_autofree gint64 *values = g_new (gint64, MAX (n, 1));

  for (guint series = 0; series < self->n_series; series++)
    {
      const KassaCashChartColour *spec = &g_array_index (self->generic_colours,
                                                         KassaCashChartColour, series);
      const char *name = g_ptr_array_index (self->generic_names, series);
      KassaChartColour colour;
      guint defined = 0;

      for (guint i = 0; i < n; i++)
        {
          gint64 value = g_array_index (self->generic_values, gint64, series * n + i);

          if (value < 0)
            continue;
          days[defined] = g_array_index (self->generic_days, KassaDay, i);
          values[defined++] = value;
        }
      if (defined == 0)
        continue;

      lookup_colour (GTK_WIDGET (self), spec->name, spec->alpha, &colour);
      kassa_line_chart_add_series (self->line, name, days, values, defined, &colour,
                                   series == 0 ? KASSA_LINE_STYLE_SOLID : KASSA_LINE_STYLE_DASHED);
      g_ptr_array_add (self->series_names, g_strdup (name));
    }
  describe_day_lines (self);
}

static void
rebuild (KassaCashChart *self)
{
  /* css-changed can come before the constructor picked the chart. */
  if (self->line == NULL && self->columns == NULL)
    return;

  reset_chart (self);

  if (self->has_data && self->generic)
    {
      if (self->line != NULL)
        rebuild_day_lines (self);
      else
        rebuild_generic_columns (self);
    }
  else if (self->has_data)
    {
      if (self->line != NULL)
        rebuild_balance (self);
      else
        rebuild_flows (self);
    }
  else
    describe_empty (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kassa_cash_chart_set_balance (KassaCashChart      *self,
                              const char          *currency,
                              const KassaForecast *forecast,
                              const char          *name,
                              guint                n_days,
                              const KassaForecast *compare,
                              const char          *compare_name,
                              const KassaDay      *actual_days,
                              const gint64        *actual_values,
                              guint                n_actual)
{
  g_return_if_fail (KASSA_IS_CASH_CHART (self));
  g_return_if_fail (self->line != NULL);
  g_return_if_fail (forecast != NULL);
  g_return_if_fail (n_actual == 0 || (actual_days != NULL && actual_values != NULL));

  kassa_cash_chart_clear (self);
  set_currency (self, currency);
  n_days = MIN (n_days, (guint) MAX (forecast->horizon_days, 0));
  /* Money again, should the widget have shown day counts before. */
  self->days_unit = FALSE;
  g_clear_pointer (&self->title, g_free);
  kassa_line_chart_set_value_format_func (self->line, format_value_tick, self, NULL);
  kassa_line_chart_set_min_value_step (self->line, 100);

  self->has_data = TRUE;
  self->today = forecast->today;
  self->name = g_strdup (name != NULL ? name : _("Forecast"));
  self->buffer = forecast->minimum_buffer;
  g_array_append_vals (self->actual_days, actual_days, n_actual);
  g_array_append_vals (self->actual_values, actual_values, n_actual);
  g_array_append_vals (self->forecast_closing, forecast->daily_closing, n_days);
  if (compare != NULL && compare->horizon_days >= (gint) n_days)
    {
      g_array_append_vals (self->compare_closing, compare->daily_closing, n_days);
      self->compare_name = g_strdup (compare_name != NULL ? compare_name : "");
    }

  rebuild (self);
}

static char *
format_period (const KassaForecastPeriod *period,
               gboolean                   months)
{
  int year, month, mday;
  g_autoptr(GDate) date = NULL;

  if (months)
    {
      /* Translators: a month tick of a chart, a g_date_time_format()
       * format: the short month name, e.g. "Dec", "joulu", "12月" */
      return format_with_strftime (period->start, C_("chart month tick", "%b"));
    }

  kassa_day_to_ymd (period->start, &year, &month, &mday);
  date = g_date_new_dmy ((GDateDay) mday, (GDateMonth) month, (GDateYear) year);
  /* Translators: a short week label on a chart, %u is the ISO week number */
  return g_strdup_printf (_("W%u"), g_date_get_iso8601_week_of_year (date));
}

void
kassa_cash_chart_set_flows (KassaCashChart      *self,
                            const char          *currency,
                            const KassaForecast *forecast,
                            gboolean             months)
{
  GArray *periods;

  g_return_if_fail (KASSA_IS_CASH_CHART (self));
  g_return_if_fail (self->columns != NULL);
  g_return_if_fail (forecast != NULL);

  kassa_cash_chart_clear (self);
  set_currency (self, currency);
  periods = months ? forecast->months : forecast->weeks;
  g_clear_pointer (&self->title, g_free);

  for (guint i = 0; i < periods->len; i++)
    {
      const KassaForecastPeriod *period = &g_array_index (periods, KassaForecastPeriod, i);
      gint64 in = period->receipts_invoices + period->receipts_sales + period->scheduled_in;

      g_ptr_array_add (self->category_names, format_period (period, months));
      g_array_append_val (self->inflows, in);
      g_array_append_val (self->outflows, period->scheduled_out);
    }

  self->has_data = TRUE;
  rebuild (self);
}

/**
 * kassa_cash_chart_get_tooltip_at:
 * Returns: (transfer full) (nullable): what hovering x, y shows.
 */
char *
kassa_cash_chart_get_tooltip_at (KassaCashChart *self,
                                 double          x,
                                 double          y)
{
  g_return_val_if_fail (KASSA_IS_CASH_CHART (self), NULL);

  if (self->line != NULL)
    {
      KassaLineChartHit hit;

      if (!kassa_line_chart_hit_test (self->line, x, y, &hit))
        return NULL;
      if (self->days_unit)
        return describe_days_hit (self, &hit);
      return describe_line_hit (self, &hit);
    }
  else
    {
      KassaColumnChartHit hit;

      if (!kassa_column_chart_hit_test (self->columns, x, y, &hit))
        return NULL;
      return describe_column_hit (self, &hit);
    }
}

GtkWidget *
kassa_cash_chart_new_stacked (void)
{
  KassaCashChart *self = g_object_new (KASSA_TYPE_CASH_CHART, NULL);

  self->columns = kassa_column_chart_new (KASSA_COLUMN_CHART_STACKED);
  self->stacked = TRUE;
  kassa_column_chart_set_value_format_func (self->columns, format_value_tick, self, NULL);
  kassa_cash_chart_clear (self);

  return GTK_WIDGET (self);
}

static void
set_generic (KassaCashChart             *self,
             const char                 *title,
             const char * const         *series_names,
             const KassaCashChartColour *colours,
             guint                       n_series)
{
  g_free (self->title);
  self->title = g_strdup (title);
  self->generic = TRUE;
  self->has_data = TRUE;
  self->n_series = n_series;

  for (guint series = 0; series < n_series; series++)
    {
      /* Interned: the names are the style's few colour names. */
      KassaCashChartColour colour = { g_intern_string (colours[series].name),
                                      colours[series].alpha };

      g_ptr_array_add (self->generic_names, g_strdup (series_names[series]));
      g_array_append_val (self->generic_colours, colour);
    }
}

void
kassa_cash_chart_set_columns (KassaCashChart             *self,
                              const char                 *title,
                              const char                 *currency,
                              const char * const         *categories,
                              guint                       n_categories,
                              const char * const         *series_names,
                              const KassaCashChartColour *colours,
                              const gint64               *values,
                              guint                       n_series)
{
  g_return_if_fail (KASSA_IS_CASH_CHART (self));
  g_return_if_fail (self->columns != NULL);
  g_return_if_fail (title != NULL);
  g_return_if_fail (n_categories == 0 || categories != NULL);
  g_return_if_fail (n_series == 0 || (series_names != NULL && colours != NULL && values != NULL));

  kassa_cash_chart_clear (self);
  set_currency (self, currency);
  self->days_unit = FALSE;
  kassa_column_chart_set_value_format_func (self->columns, format_value_tick, self, NULL);
  kassa_column_chart_set_min_value_step (self->columns, 100);

  for (guint i = 0; i < n_categories; i++)
    g_ptr_array_add (self->category_names, g_strdup (categories[i]));
  g_array_append_vals (self->generic_values, values, n_series * n_categories);
  set_generic (self, title, series_names, colours, n_series);

  rebuild (self);
}

void
kassa_cash_chart_set_day_lines (KassaCashChart             *self,
                                const char                 *title,
                                const KassaDay             *days,
                                guint                       n,
                                const char * const         *series_names,
                                const KassaCashChartColour *colours,
                                const gint64               *tenths,
                                guint                       n_series)
{
  g_return_if_fail (KASSA_IS_CASH_CHART (self));
  g_return_if_fail (self->line != NULL);
  g_return_if_fail (title != NULL);
  g_return_if_fail (n == 0 || days != NULL);
  g_return_if_fail (n_series == 0 || (series_names != NULL && colours != NULL && tenths != NULL));

  kassa_cash_chart_clear (self);
  self->days_unit = TRUE;
  kassa_line_chart_set_value_format_func (self->line, format_days_tick, self, NULL);
  /* Tenths: a tick every tenth of a day at the finest. */
  kassa_line_chart_set_min_value_step (self->line, 1);

  g_array_append_vals (self->generic_days, days, n);
  g_array_append_vals (self->generic_values, tenths, n_series * n);
  set_generic (self, title, series_names, colours, n_series);

  rebuild (self);
}

guint
kassa_cash_chart_get_n_categories (KassaCashChart *self)
{
  g_return_val_if_fail (KASSA_IS_CASH_CHART (self), 0);

  return self->columns != NULL ? kassa_column_chart_get_n_categories (self->columns) : 0;
}

gint64
kassa_cash_chart_get_category_total (KassaCashChart *self,
                                     guint           category)
{
  guint n;
  gint64 total = 0;

  g_return_val_if_fail (KASSA_IS_CASH_CHART (self), 0);
  g_return_val_if_fail (self->generic && self->columns != NULL, 0);

  n = self->category_names->len;
  g_return_val_if_fail (category < n, 0);

  for (guint series = 0; series < self->n_series; series++)
    total += g_array_index (self->generic_values, gint64, series * n + category);

  return total;
}
