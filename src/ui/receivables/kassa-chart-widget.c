/* kassa-chart-widget.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-chart-widget"

#include "config.h"

#include "kassa-chart-widget.h"
#include "kassa-sparkline.h"

#define MIN_WIDTH 48
#define NATURAL_WIDTH 120
#define MIN_HEIGHT 24
#define NATURAL_HEIGHT 32
#define HOVER_RING_RADIUS 4.5

struct _KassaChartWidget
{
  GtkWidget  parent_instance;

  GArray    *values;        /* of double */
  GStrv      point_labels;  /* NULL or one per value */
  int        hover_index;   /* -1 when the pointer is elsewhere */
};

G_DEFINE_FINAL_TYPE (KassaChartWidget, kassa_chart_widget, GTK_TYPE_WIDGET)

/* GTK 4.8 has no gtk_widget_get_color (4.10): the style context is the
 * way to read the theme's named colours there. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
get_line_colour (GtkWidget *widget,
                 GdkRGBA   *colour)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, "accent_color", colour))
    gtk_style_context_get_color (context, colour);
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
draw_hover_ring (KassaChartWidget *self,
                 cairo_t          *cr,
                 double            width,
                 double            height,
                 const GdkRGBA    *colour)
{
  double x, y;

  if (self->hover_index < 0 ||
      !kassa_sparkline_point (width, height, (const double *) self->values->data, self->values->len,
                              (guint) self->hover_index, &x, &y))
    return;

  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
  cairo_set_line_width (cr, 1.5);
  cairo_arc (cr, x, y, HOVER_RING_RADIUS, 0, 2 * G_PI);
  cairo_stroke (cr);
}

static void
kassa_chart_widget_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  KassaChartWidget *self = KASSA_CHART_WIDGET (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GdkRGBA colour;
  cairo_t *cr;

  if (self->values->len == 0 || width <= 0 || height <= 0)
    return;

  get_line_colour (widget, &colour);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  kassa_sparkline_draw (cr, width, height, (const double *) self->values->data, self->values->len,
                        colour.red, colour.green, colour.blue, colour.alpha);
  draw_hover_ring (self, cr, width, height, &colour);
  cairo_destroy (cr);
}

static void
kassa_chart_widget_measure (GtkWidget      *widget,
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

static gboolean
kassa_chart_widget_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_mode,
                                  GtkTooltip *tooltip)
{
  KassaChartWidget *self = KASSA_CHART_WIDGET (widget);
  int index;

  if (self->point_labels == NULL)
    return FALSE;

  /* From the keyboard there is no pointer: the latest point is meant. */
  if (keyboard_mode)
    index = (int) self->values->len - 1;
  else
    index = kassa_sparkline_index_at (gtk_widget_get_width (widget), self->values->len, x);

  if (index < 0 || self->point_labels[index] == NULL || self->point_labels[index][0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->point_labels[index]);
  return TRUE;
}

static void
set_hover_index (KassaChartWidget *self,
                 int               index)
{
  if (self->hover_index == index)
    return;

  self->hover_index = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (KassaChartWidget *self,
           double            x,
           double            y)
{
  set_hover_index (self, kassa_sparkline_index_at (gtk_widget_get_width (GTK_WIDGET (self)),
                                                   self->values->len, x));
}

static void
on_leave (KassaChartWidget *self)
{
  set_hover_index (self, -1);
}

static void
kassa_chart_widget_finalize (GObject *object)
{
  KassaChartWidget *self = KASSA_CHART_WIDGET (object);

  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->point_labels, g_strfreev);

  G_OBJECT_CLASS (kassa_chart_widget_parent_class)->finalize (object);
}

static void
kassa_chart_widget_class_init (KassaChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kassa_chart_widget_finalize;
  widget_class->snapshot = kassa_chart_widget_snapshot;
  widget_class->measure = kassa_chart_widget_measure;
  widget_class->query_tooltip = kassa_chart_widget_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "sparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kassa_chart_widget_init (KassaChartWidget *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->values = g_array_new (FALSE, FALSE, sizeof (double));
  self->hover_index = -1;

  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
kassa_chart_widget_new (void)
{
  return g_object_new (KASSA_TYPE_CHART_WIDGET, NULL);
}

void
kassa_chart_widget_set_values (KassaChartWidget   *self,
                               const double       *values,
                               guint               n,
                               const char * const *point_labels)
{
  g_return_if_fail (KASSA_IS_CHART_WIDGET (self));
  g_return_if_fail (values != NULL || n == 0);

  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n);
  g_clear_pointer (&self->point_labels, g_strfreev);

  if (point_labels != NULL)
    {
      self->point_labels = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        self->point_labels[i] = g_strdup (point_labels[i]);
    }

  self->hover_index = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
kassa_chart_widget_get_n_values (KassaChartWidget *self)
{
  g_return_val_if_fail (KASSA_IS_CHART_WIDGET (self), 0);

  return self->values->len;
}

void
kassa_chart_widget_set_description (KassaChartWidget *self,
                                    const char       *description)
{
  g_return_if_fail (KASSA_IS_CHART_WIDGET (self));

  if (description == NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
}
