/* kassa-nps-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-nps-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-column-chart.h"
#include "kassa-date.h"
#include "kassa-nps-chart.h"

enum
{
  SERIES_PROMOTERS,
  SERIES_PASSIVES,
  SERIES_DETRACTORS,
};

struct _KassaNpsChart
{
  GtkWidget         parent_instance;

  KassaColumnChart *columns;
  GArray           *periods;   /* KassaNpsPeriod */
};

G_DEFINE_FINAL_TYPE (KassaNpsChart, kassa_nps_chart, GTK_TYPE_WIDGET)

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

/* The axis counts responses, not money: whole numbers without a currency. */
static char *
format_count_tick (gint64   value,
                   gint64   step,
                   gpointer user_data)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value < 0 ? -value : value);
}

char *
kassa_nps_chart_format_quarter (KassaDay period_start)
{
  int year, month, day;

  kassa_day_to_ymd (period_start, &year, &month, &day);
  /* Translators: a calendar quarter on the NPS chart, e.g. "Q4 2026":
   * the quarter number (1–4) and the year. */
  return g_strdup_printf (_("Q%d %d"), (month - 1) / 3 + 1, year);
}

static void
rebuild_columns (KassaNpsChart *self)
{
  guint n = self->periods->len;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree gint64 *promoters = g_new0 (gint64, MAX (n, 1));
  g_autofree gint64 *passives = g_new0 (gint64, MAX (n, 1));
  g_autofree gint64 *detractors = g_new0 (gint64, MAX (n, 1));
  KassaChartColour colour;

  for (guint i = 0; i < n; i++)
    {
      const KassaNpsPeriod *period = &g_array_index (self->periods, KassaNpsPeriod, i);

      g_ptr_array_add (labels, kassa_nps_chart_format_quarter (period->period_start));
      promoters[i] = period->promoters;
      passives[i] = period->passives;
      /* Below the zero line: they pull the score down. */
      detractors[i] = -(gint64) period->detractors;
    }

  kassa_column_chart_set_categories (self->columns, (const char * const *) labels->pdata, n);
  if (n == 0)
    return;
  lookup_colour (GTK_WIDGET (self), "success_color", 0.85, &colour);
  kassa_column_chart_add_series (self->columns, _("Promoters"), promoters, &colour);
  lookup_colour (GTK_WIDGET (self), NULL, 0.35, &colour);
  kassa_column_chart_add_series (self->columns, _("Passives"), passives, &colour);
  lookup_colour (GTK_WIDGET (self), "error_color", 0.85, &colour);
  kassa_column_chart_add_series (self->columns, _("Detractors"), detractors, &colour);
}

static void
update_description (KassaNpsChart *self)
{
  g_autofree char *description = NULL;

  if (self->periods->len == 0)
    {
      description = g_strdup (_("Net Promoter Score by quarter: no data"));
    }
  else
    {
      const KassaNpsPeriod *first = &g_array_index (self->periods, KassaNpsPeriod, 0);
      const KassaNpsPeriod *last = &g_array_index (self->periods, KassaNpsPeriod,
                                                   self->periods->len - 1);
      g_autofree char *from = kassa_nps_chart_format_quarter (first->period_start);
      g_autofree char *to = kassa_nps_chart_format_quarter (last->period_start);

      /* Translators: accessible description of the NPS chart: first and
       * last quarter, then the NPS of the last quarter (−100 … 100). */
      description = g_strdup_printf (_("Net Promoter Score by quarter from %s to %s: %d in %s"),
                                     from, to, last->nps, to);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
apply_style (KassaNpsChart *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  KassaChartColour axis;

  lookup_colour (GTK_WIDGET (self), NULL, 0.8, &axis);
  kassa_column_chart_set_axis_colour (self->columns, &axis);
  kassa_column_chart_set_font (self->columns, pango_context_get_font_description (context));
}

static void
kassa_nps_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  KassaNpsChart *self = KASSA_NPS_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  apply_style (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  kassa_column_chart_draw (self->columns, cr, width, height);
  cairo_destroy (cr);
}

static void
kassa_nps_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 220;
}

/* Colours are read when the series are built, so a theme change rebuilds. */
static void
kassa_nps_chart_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  KassaNpsChart *self = KASSA_NPS_CHART (widget);

  GTK_WIDGET_CLASS (kassa_nps_chart_parent_class)->css_changed (widget, change);
  rebuild_columns (self);
  gtk_widget_queue_draw (widget);
}

static gboolean
on_query_tooltip (KassaNpsChart *self,
                  int            x,
                  int            y,
                  gboolean       keyboard_mode,
                  GtkTooltip    *tooltip)
{
  g_autofree char *text = kassa_nps_chart_get_tooltip_at (self, x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
kassa_nps_chart_finalize (GObject *object)
{
  KassaNpsChart *self = KASSA_NPS_CHART (object);

  g_clear_pointer (&self->columns, kassa_column_chart_free);
  g_clear_pointer (&self->periods, g_array_unref);

  G_OBJECT_CLASS (kassa_nps_chart_parent_class)->finalize (object);
}

static void
kassa_nps_chart_class_init (KassaNpsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kassa_nps_chart_finalize;
  widget_class->snapshot = kassa_nps_chart_snapshot;
  widget_class->measure = kassa_nps_chart_measure;
  widget_class->css_changed = kassa_nps_chart_css_changed;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "kassa-nps-chart");
}

static void
kassa_nps_chart_init (KassaNpsChart *self)
{
  self->columns = kassa_column_chart_new (KASSA_COLUMN_CHART_STACKED);
  kassa_column_chart_set_value_format_func (self->columns, format_count_tick, NULL, NULL);
  kassa_column_chart_set_min_value_step (self->columns, 1);
  self->periods = g_array_new (FALSE, FALSE, sizeof (KassaNpsPeriod));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  update_description (self);
}

GtkWidget *
kassa_nps_chart_new (void)
{
  return g_object_new (KASSA_TYPE_NPS_CHART, NULL);
}

void
kassa_nps_chart_set_periods (KassaNpsChart        *self,
                             const KassaNpsPeriod *periods,
                             guint                 n)
{
  g_return_if_fail (KASSA_IS_NPS_CHART (self));
  g_return_if_fail (n == 0 || periods != NULL);

  g_array_set_size (self->periods, 0);
  if (n > 0)
    g_array_append_vals (self->periods, periods, n);
  rebuild_columns (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
kassa_nps_chart_get_n_periods (KassaNpsChart *self)
{
  g_return_val_if_fail (KASSA_IS_NPS_CHART (self), 0);

  return self->periods->len;
}

char *
kassa_nps_chart_get_tooltip_at (KassaNpsChart *self,
                                double         x,
                                double         y)
{
  KassaColumnChartHit hit;
  const KassaNpsPeriod *period;
  g_autofree char *quarter = NULL;

  g_return_val_if_fail (KASSA_IS_NPS_CHART (self), NULL);

  if (!kassa_column_chart_hit_test (self->columns, x, y, &hit)
      || hit.category >= self->periods->len)
    return NULL;

  period = &g_array_index (self->periods, KassaNpsPeriod, hit.category);
  quarter = kassa_nps_chart_format_quarter (period->period_start);
  /* Translators: NPS chart tooltip: the quarter, the NPS, then how many
   * promoters, passives and detractors answered. */
  return g_strdup_printf (_("%s: NPS %d\n%u promoters, %u passives, %u detractors"),
                          quarter, period->nps,
                          period->promoters, period->passives, period->detractors);
}
