/* kassa-pareto-widget.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-pareto-widget"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kassa-format.h"
#include "kassa-money.h"
#include "kassa-pareto-chart.h"
#include "kassa-pareto-widget.h"

struct _KassaParetoWidget
{
  GtkWidget          parent_instance;

  KassaParetoChart  *chart;
  GArray            *values;
  GPtrArray         *names;
  char              *currency;
  char              *basis_label;
  char              *summary;
  int                hover_column;
  guint              bars_per_column;
  guint              notify_id;
};

enum
{
  PROP_0,
  PROP_BARS_PER_COLUMN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KassaParetoWidget, kassa_pareto_widget, GTK_TYPE_WIDGET)

static const char *
safe_currency (KassaParetoWidget *self)
{
  return self->currency != NULL ? self->currency : "EUR";
}

/* Whole currency units on the axis: cents on every tick only add noise. */
static char *
format_value_tick (gint64   value,
                   gint64   step,
                   gpointer user_data)
{
  KassaParetoWidget *self = user_data;
  int exponent = kassa_currency_exponent (safe_currency (self));
  gint64 unit = 1;

  for (int i = 0; i < exponent; i++)
    unit *= 10;
  if (step % unit != 0)
    return kassa_format_money (value, safe_currency (self));
  return kassa_quantity_format ((value / unit) * 1000, kassa_locale_current ());
}

static char *
format_share_tick (gint64   value,
                   gint64   step,
                   gpointer user_data)
{
  return kassa_percent_format ((gint) value, kassa_locale_current ());
}

static KassaChartColour
colour_from_rgba (const GdkRGBA *rgba,
                  double         alpha)
{
  KassaChartColour colour = { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };

  return colour;
}

/* The theme's named colours follow the dark style, so the chart does too. */
static void
lookup_colour (GtkWidget  *widget,
               const char *name,
               GdkRGBA    *rgba)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, rgba))
    gtk_style_context_get_color (context, rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
apply_colours (KassaParetoWidget *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA accent, success, warning, foreground;
  KassaChartColour colour;

  lookup_colour (widget, "accent_color", &accent);
  lookup_colour (widget, "success_color", &success);
  lookup_colour (widget, "warning_color", &warning);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
  G_GNUC_END_IGNORE_DEPRECATIONS

  colour = colour_from_rgba (&accent, 0.85);
  kassa_pareto_chart_set_class_colour (self->chart, 0, &colour);
  colour = colour_from_rgba (&success, 0.75);
  kassa_pareto_chart_set_class_colour (self->chart, 1, &colour);
  colour = colour_from_rgba (&warning, 0.75);
  kassa_pareto_chart_set_class_colour (self->chart, 2, &colour);
  colour = colour_from_rgba (&foreground, 0.3);
  kassa_pareto_chart_set_class_colour (self->chart, 3, &colour);
  colour = colour_from_rgba (&foreground, 0.9);
  kassa_pareto_chart_set_curve_colour (self->chart, &colour);
  colour = colour_from_rgba (&foreground, 0.6);
  kassa_pareto_chart_set_axis_colour (self->chart, &colour);
}

static gboolean
notify_bars_per_column (gpointer user_data)
{
  KassaParetoWidget *self = user_data;

  self->notify_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BARS_PER_COLUMN]);
  return G_SOURCE_REMOVE;
}

/* Known only once drawn at a width; the owner's note changes after the
 * frame, never during it. */
static void
update_bars_per_column (KassaParetoWidget *self)
{
  guint bars_per_column = kassa_pareto_chart_get_n_bars (self->chart) > 0
    ? kassa_pareto_chart_get_bars_per_column (self->chart) : 1;

  if (bars_per_column == self->bars_per_column)
    return;
  self->bars_per_column = bars_per_column;
  if (self->notify_id == 0)
    self->notify_id = g_idle_add (notify_bars_per_column, self);
}

static void
kassa_pareto_widget_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  KassaParetoWidget *self = KASSA_PARETO_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  apply_colours (self);
  kassa_pareto_chart_set_highlight (self->chart, self->hover_column);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  kassa_pareto_chart_draw (self->chart, cr, width, height);
  cairo_destroy (cr);
  update_bars_per_column (self);
}

static void
on_motion (KassaParetoWidget *self,
           double             x,
           double             y)
{
  KassaParetoChartHit hit;
  int column = -1;

  if (kassa_pareto_chart_hit_test (self->chart, x, y, &hit))
    column = (int) hit.column;
  if (column != self->hover_column)
    {
      self->hover_column = column;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (KassaParetoWidget *self)
{
  if (self->hover_column < 0)
    return;
  self->hover_column = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  g_autofree char *text = NULL;

  text = kassa_pareto_widget_describe_at (KASSA_PARETO_WIDGET (widget), x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_dark_changed (KassaParetoWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
kassa_pareto_widget_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 260;
}

static void
kassa_pareto_widget_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KassaParetoWidget *self = KASSA_PARETO_WIDGET (object);

  switch (prop_id)
    {
    case PROP_BARS_PER_COLUMN:
      g_value_set_uint (value, self->bars_per_column);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kassa_pareto_widget_dispose (GObject *object)
{
  KassaParetoWidget *self = KASSA_PARETO_WIDGET (object);

  g_clear_handle_id (&self->notify_id, g_source_remove);
  G_OBJECT_CLASS (kassa_pareto_widget_parent_class)->dispose (object);
}

static void
kassa_pareto_widget_finalize (GObject *object)
{
  KassaParetoWidget *self = KASSA_PARETO_WIDGET (object);

  g_clear_pointer (&self->chart, kassa_pareto_chart_free);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_free (self->currency);
  g_free (self->basis_label);
  g_free (self->summary);

  G_OBJECT_CLASS (kassa_pareto_widget_parent_class)->finalize (object);
}

static void
kassa_pareto_widget_class_init (KassaParetoWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kassa_pareto_widget_finalize;
  object_class->dispose = kassa_pareto_widget_dispose;
  object_class->get_property = kassa_pareto_widget_get_property;

  /* How many customers each drawn column sums (1 when every bar fits). */
  properties[PROP_BARS_PER_COLUMN] =
    g_param_spec_uint ("bars-per-column", NULL, NULL, 1, G_MAXUINT, 1,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->snapshot = kassa_pareto_widget_snapshot;
  widget_class->measure = kassa_pareto_widget_measure;
  widget_class->query_tooltip = on_query_tooltip;
  gtk_widget_class_set_css_name (widget_class, "paretochart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kassa_pareto_widget_init (KassaParetoWidget *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->chart = kassa_pareto_chart_new ();
  self->values = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->summary = g_strdup ("");
  self->hover_column = -1;
  self->bars_per_column = 1;
  kassa_pareto_chart_set_value_format_func (self->chart, format_value_tick, self, NULL);
  kassa_pareto_chart_set_share_format_func (self->chart, format_share_tick, NULL, NULL);

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
kassa_pareto_widget_new (void)
{
  return g_object_new (KASSA_TYPE_PARETO_WIDGET, NULL);
}

static char *
build_summary (KassaParetoWidget *self)
{
  guint n_bars = 0;
  gint bars_share = 0, value_share = 0;
  g_autofree char *customers = NULL;
  g_autofree char *value = NULL;

  if (!kassa_pareto_summarize ((const gint64 *) self->values->data, self->values->len, 8000,
                               &n_bars, &bars_share, &value_share))
    return g_strdup ("");

  customers = kassa_percent_format (bars_share, kassa_locale_current ());
  value = kassa_percent_format (value_share, kassa_locale_current ());
  /* Translators: the Pareto chart's accessible description: "20 % of
   * customers (12) bring 81 % of revenue". The last %s is "revenue" or
   * "margin". */
  return g_strdup_printf (ngettext ("%s of customers (%u) bring %s of %s",
                                    "%s of customers (%u) bring %s of %s", n_bars),
                          customers, n_bars, value, self->basis_label);
}

void
kassa_pareto_widget_set_bars (KassaParetoWidget  *self,
                              const gint64       *values,
                              const guint8       *classes,
                              const char * const *names,
                              guint               n,
                              const char         *currency,
                              const char         *basis_label,
                              gint                threshold_a_bp,
                              gint                threshold_b_bp)
{
  gint shares[2] = { threshold_a_bp, threshold_b_bp };
  g_autofree char *percent_a = kassa_percent_format (threshold_a_bp, kassa_locale_current ());
  g_autofree char *percent_b = kassa_percent_format (threshold_b_bp, kassa_locale_current ());
  g_autofree char *label_a = NULL;
  g_autofree char *label_b = NULL;
  const char *labels[2];

  g_return_if_fail (KASSA_IS_PARETO_WIDGET (self));
  g_return_if_fail (n == 0 || (values != NULL && names != NULL));

  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n);
  g_ptr_array_set_size (self->names, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->names, g_strdup (names[i]));
  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_free (self->basis_label);
  self->basis_label = g_strdup (basis_label);

  /* Translators: the label of the dashed class limit in the Pareto chart,
   * e.g. "A 80 %". */
  label_a = g_strdup_printf (_("A %s"), percent_a);
  /* Translators: see "A %s". */
  label_b = g_strdup_printf (_("B %s"), percent_b);
  labels[0] = label_a;
  labels[1] = label_b;
  kassa_pareto_chart_set_bars (self->chart, values, classes, n);
  kassa_pareto_chart_set_thresholds (self->chart, shares, labels, 2);
  self->hover_column = -1;

  g_free (self->summary);
  self->summary = build_summary (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
kassa_pareto_widget_get_summary (KassaParetoWidget *self)
{
  g_return_val_if_fail (KASSA_IS_PARETO_WIDGET (self), NULL);

  return self->summary;
}

char *
kassa_pareto_widget_describe_at (KassaParetoWidget *self,
                                 double             x,
                                 double             y)
{
  KassaParetoChartHit hit;
  g_autofree char *value = NULL;
  g_autofree char *share = NULL;

  g_return_val_if_fail (KASSA_IS_PARETO_WIDGET (self), NULL);

  if (!kassa_pareto_chart_hit_test (self->chart, x, y, &hit))
    return NULL;

  value = kassa_format_money (hit.value, safe_currency (self));
  share = kassa_percent_format ((gint) hit.cumulative_bp, kassa_locale_current ());
  if (hit.n_bars == 1)
    /* Translators: the Pareto chart's tooltip: customer name, their revenue
     * or margin, and the cumulative share up to them. */
    return g_strdup_printf (_("%s\n%s\nCumulative share %s"),
                            (const char *) g_ptr_array_index (self->names, hit.first_bar),
                            value, share);

  /* Translators: tooltip of a chart column that sums several customers. */
  return g_strdup_printf (ngettext ("%u customer from %s\n%s\nCumulative share %s",
                                    "%u customers from %s\n%s\nCumulative share %s", hit.n_bars),
                          hit.n_bars,
                          (const char *) g_ptr_array_index (self->names, hit.first_bar),
                          value, share);
}

guint
kassa_pareto_widget_get_bars_per_column (KassaParetoWidget *self)
{
  g_return_val_if_fail (KASSA_IS_PARETO_WIDGET (self), 1);

  return self->bars_per_column;
}
