/* kassa-kpi-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-kpi-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kassa-chart-widget.h"
#include "kassa-format.h"
#include "kassa-kpi-view.h"
#include "kassa-money.h"

#define UNDEFINED_TEXT "—"

typedef enum
{
  UNIT_DAYS,
  UNIT_PERCENT,
} KpiUnit;

typedef struct
{
  const char *title;
  const char *definition;
  KpiUnit     unit;
} KpiSpec;

static const KpiSpec kpi_specs[KASSA_N_KPIS] = {
  [KASSA_KPI_DSO] = {
    N_("DSO"),
    N_("Days sales outstanding: receivables ÷ credit sales of the last 90 days × 90. Lower is better."),
    UNIT_DAYS },
  [KASSA_KPI_BEST_POSSIBLE_DSO] = {
    N_("Best Possible DSO"),
    N_("Receivables not yet due ÷ credit sales of the last 90 days × 90: the DSO if every customer paid on time."),
    UNIT_DAYS },
  [KASSA_KPI_AVERAGE_DAYS_DELINQUENT] = {
    N_("Average Days Delinquent"),
    N_("DSO − best possible DSO: the days that late payments add."),
    UNIT_DAYS },
  [KASSA_KPI_COUNTBACK_DSO] = {
    N_("Countback DSO"),
    N_("How many days of the latest sales, counted back month by month, add up to the receivables."),
    UNIT_DAYS },
  [KASSA_KPI_CEI] = {
    N_("Collection Effectiveness"),
    /* xgettext:no-c-format */
    N_("Collection effectiveness index of the month: (receivables at its start + sales − receivables at its end) ÷ (receivables at its start + sales − receivables not yet due at its end) × 100. 100 % means everything due was collected."),
    UNIT_PERCENT },
  [KASSA_KPI_OVERDUE_SHARE] = {
    N_("Overdue Share"),
    N_("Overdue receivables as a share of all receivables."),
    UNIT_PERCENT },
  [KASSA_KPI_AVERAGE_DAYS_LATE] = {
    N_("Average Days Late"),
    N_("How many days after the due date the payments of the last 90 days arrived, weighted by amount."),
    UNIT_DAYS },
  [KASSA_KPI_EINVOICE_SHARE] = {
    N_("E-invoice Share"),
    N_("Share of the invoices of the last 90 days that were sent as e-invoices."),
    UNIT_PERCENT },
};

typedef struct
{
  GtkLabel         *value_label;
  GtkLabel         *unit_label;
  KassaChartWidget *chart;
} KpiCard;

#define SPACING 12
/* The DSO trend chart under the cards. */
#define TREND_HEIGHT 200

struct _KassaKpiView
{
  GtkWidget   parent_instance;

  GtkWidget    *card_widgets[KASSA_N_KPIS];
  KpiCard       cards[KASSA_N_KPIS];
  /* Titles of one or two lines take the same height, so the values
   * line up across the cards. */
  GtkSizeGroup *title_group;
  GtkWidget    *dso_chart;
};

G_DEFINE_FINAL_TYPE (KassaKpiView, kassa_kpi_view, GTK_TYPE_WIDGET)

static GtkWidget *
create_label (const char *css_class,
              gboolean    dim)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static GtkWidget *
create_value_row (KpiCard *card)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *value = create_label ("title-2", FALSE);
  GtkWidget *unit = create_label ("caption", TRUE);

  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_widget_set_valign (row, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (value, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (unit, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (row), value);
  gtk_box_append (GTK_BOX (row), unit);

  card->value_label = GTK_LABEL (value);
  card->unit_label = GTK_LABEL (unit);
  return row;
}

/* A card: the name, today's value and the sparkline; the definition is
 * the tooltip of the whole card (the chart's own tooltip names a point). */
static GtkWidget *
create_card (KpiCard      *card,
             KassaKpi      kpi,
             GtkSizeGroup *title_group)
{
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = create_label ("caption-heading", TRUE);

  gtk_label_set_text (GTK_LABEL (title), kassa_kpi_get_title (kpi));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  /* Long names wrap instead of widening every card. */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 12);
  gtk_label_set_yalign (GTK_LABEL (title), 0);
  gtk_size_group_add_widget (title_group, title);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);

  card->chart = KASSA_CHART_WIDGET (kassa_chart_widget_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (card->chart), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (card->chart), GTK_ALIGN_END);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), create_value_row (card));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->chart));

  gtk_widget_set_size_request (GTK_WIDGET (card->chart), -1, 28);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_box_append (GTK_BOX (frame), box);

  gtk_widget_add_css_class (frame, "card");
  gtk_widget_set_tooltip_text (frame, _(kpi_specs[kpi].definition));
  gtk_accessible_update_property (GTK_ACCESSIBLE (frame),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, kassa_kpi_get_title (kpi),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(kpi_specs[kpi].definition),
                                  -1);
  return frame;
}

static char *
format_chart_description (KassaKpi      kpi,
                          const double *values,
                          guint         n)
{
  int first = -1, last = -1;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  for (guint i = 0; i < n; i++)
    if (!isnan (values[i]))
      {
        if (first < 0)
          first = (int) i;
        last = (int) i;
      }

  if (first < 0)
    /* Translators: accessible description of a KPI chart without data;
     * %s is the KPI name, %u the number of months. */
    return g_strdup_printf (ngettext ("%s over the last %u month: no data",
                                      "%s over the last %u months: no data", n),
                            kassa_kpi_get_title (kpi), n);

  from = kassa_kpi_format_value (kpi, values[first]);
  to = kassa_kpi_format_value (kpi, values[last]);
  /* Translators: accessible description of a KPI chart: the KPI name,
   * the number of months, the first and the latest value, e.g. "DSO over
   * the last 12 months: from 41.2 days to 38.0 days". */
  return g_strdup_printf (ngettext ("%s over the last %u month: from %s to %s",
                                    "%s over the last %u months: from %s to %s", n),
                          kassa_kpi_get_title (kpi), n, from, to);
}

static char *
format_point_label (const KassaReceivablesKpis *point,
                    KassaKpi                    kpi,
                    double                      value)
{
  g_autofree char *day = kassa_format_day (point->period_end);
  g_autofree char *text = kassa_kpi_format_value (kpi, value);

  /* Translators: a point of a KPI chart on hover: the date and the value,
   * e.g. "31.10.2026: 41.2 days". */
  return g_strdup_printf (_("%s: %s"), day, text);
}

/* The sparkline skips negative points; KPIs that may rightly be negative
 * (payments on average early) are drawn from their own minimum instead. */
static void
shift_to_non_negative (double *values,
                       guint   n)
{
  double minimum = 0.0;

  for (guint i = 0; i < n; i++)
    if (!isnan (values[i]) && values[i] < minimum)
      minimum = values[i];

  for (guint i = 0; i < n && minimum < 0.0; i++)
    if (!isnan (values[i]))
      values[i] -= minimum;
}

static void
update_card (KassaKpiView *self,
             KassaKpi      kpi,
             GArray       *trend)
{
  KpiCard *card = &self->cards[kpi];
  guint n = trend != NULL ? trend->len : 0;
  g_autofree double *values = g_new0 (double, MAX (n, 1));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *number = NULL;
  g_autofree char *description = NULL;
  double current = NAN;

  for (guint i = 0; i < n; i++)
    {
      const KassaReceivablesKpis *point = &g_array_index (trend, KassaReceivablesKpis, i);

      values[i] = kassa_kpi_get_value (point, kpi);
      g_ptr_array_add (labels, format_point_label (point, kpi, values[i]));
    }
  g_ptr_array_add (labels, NULL);

  if (n > 0)
    current = values[n - 1];
  number = kassa_kpi_format_number (kpi, current);
  gtk_label_set_text (card->value_label, number);
  gtk_widget_set_visible (GTK_WIDGET (card->unit_label),
                          kpi_specs[kpi].unit == UNIT_DAYS && !isnan (current));

  description = format_chart_description (kpi, values, n);
  shift_to_non_negative (values, n);
  kassa_chart_widget_set_values (card->chart, values, n, (const char * const *) labels->pdata);
  kassa_chart_widget_set_description (card->chart, description);
  gtk_widget_set_visible (GTK_WIDGET (card->chart), n > 1);
}

/* ---- layout ----
 *
 * The eight cards sit in 8, 4, 2 or 1 equal columns, whichever is the
 * most that fits: a flow box would also pick 5 or 6 and leave an odd,
 * half-empty last row. */

static int
card_minimum_width (KassaKpiView *self)
{
  int widest = 0;

  for (guint i = 0; i < KASSA_N_KPIS; i++)
    {
      int minimum;

      gtk_widget_measure (self->card_widgets[i], GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, NULL, NULL, NULL);
      widest = MAX (widest, minimum);
    }

  return widest;
}

static int
row_width (int columns,
           int card_width)
{
  return columns * card_width + (columns - 1) * SPACING;
}

static int
choose_columns (KassaKpiView *self,
                int           width)
{
  static const int choices[] = { 8, 4, 2 };
  int card_width = card_minimum_width (self);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (row_width (choices[i], card_width) <= width)
      return choices[i];

  return 1;
}

static int
column_width (int width,
              int columns)
{
  return MAX ((width - (columns - 1) * SPACING) / columns, 0);
}

static int
tallest_card (KassaKpiView *self,
              int           width)
{
  int tallest = 0;

  for (guint i = 0; i < KASSA_N_KPIS; i++)
    {
      int minimum;

      gtk_widget_measure (self->card_widgets[i], GTK_ORIENTATION_VERTICAL, width,
                          &minimum, NULL, NULL, NULL);
      tallest = MAX (tallest, minimum);
    }

  return tallest;
}

static void
kassa_kpi_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  KassaKpiView *self = KASSA_KPI_VIEW (widget);
  int card_width = card_minimum_width (self);
  int width, columns, rows;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = card_width;
      *natural = row_width (KASSA_N_KPIS, card_width);
      return;
    }

  width = for_size >= 0 ? for_size : row_width (KASSA_N_KPIS, card_width);
  columns = choose_columns (self, width);
  rows = (KASSA_N_KPIS + columns - 1) / columns;
  *minimum = *natural = rows * tallest_card (self, column_width (width, columns)) +
                        (rows - 1) * SPACING + SPACING + TREND_HEIGHT;
}

static GtkSizeRequestMode
kassa_kpi_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kassa_kpi_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  KassaKpiView *self = KASSA_KPI_VIEW (widget);
  int columns = choose_columns (self, width);
  int card_width = column_width (width, columns);
  int card_height = tallest_card (self, card_width);

  for (guint i = 0; i < KASSA_N_KPIS; i++)
    {
      int x = (int) (i % columns) * (card_width + SPACING);
      int y = (int) (i / columns) * (card_height + SPACING);

      gtk_widget_size_allocate (self->card_widgets[i],
                                &(GtkAllocation) { x, y, card_width, card_height }, -1);
    }

  gtk_widget_size_allocate (self->dso_chart,
                            &(GtkAllocation) { 0, MAX (height - TREND_HEIGHT, 0),
                                               width, TREND_HEIGHT }, -1);
}

static void
kassa_kpi_view_dispose (GObject *object)
{
  KassaKpiView *self = KASSA_KPI_VIEW (object);

  for (guint i = 0; i < KASSA_N_KPIS; i++)
    g_clear_pointer (&self->card_widgets[i], gtk_widget_unparent);
  g_clear_pointer (&self->dso_chart, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (object), KASSA_TYPE_KPI_VIEW);
  g_clear_object (&self->title_group);

  G_OBJECT_CLASS (kassa_kpi_view_parent_class)->dispose (object);
}

static void
kassa_kpi_view_class_init (KassaKpiViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_kpi_view_dispose;
  widget_class->measure = kassa_kpi_view_measure;
  widget_class->get_request_mode = kassa_kpi_view_get_request_mode;
  widget_class->size_allocate = kassa_kpi_view_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/kassa-kpi-view.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* DSO and best possible DSO of the trend's month ends as two lines, in
 * tenths of a day; a month without sales has no DSO and no point. */
static void
update_dso_chart (KassaKpiView *self,
                  GArray       *trend)
{
  static const KassaCashChartColour colours[] = {
    { "accent_color", 1.0 },
    { NULL, 0.6 },
  };
  const char *names[] = {
    kassa_kpi_get_title (KASSA_KPI_DSO),
    kassa_kpi_get_title (KASSA_KPI_BEST_POSSIBLE_DSO),
  };
  guint n = trend != NULL ? trend->len : 0;
  g_autofree KassaDay *days = g_new (KassaDay, MAX (n, 1));
  g_autofree gint64 *tenths = g_new (gint64, MAX (2 * n, 1));

  for (guint i = 0; i < n; i++)
    {
      const KassaReceivablesKpis *kpis = &g_array_index (trend, KassaReceivablesKpis, i);
      double dso = kassa_kpi_get_value (kpis, KASSA_KPI_DSO);
      double best = kassa_kpi_get_value (kpis, KASSA_KPI_BEST_POSSIBLE_DSO);

      days[i] = kpis->period_end;
      tenths[i] = isnan (dso) ? -1 : (gint64) llround (dso * 10.0);
      tenths[n + i] = isnan (best) ? -1 : (gint64) llround (best * 10.0);
    }

  kassa_cash_chart_set_day_lines (KASSA_CASH_CHART (self->dso_chart),
                                  _("DSO over the last 12 months"), days, n,
                                  names, colours, tenths, 2);
}

static void
kassa_kpi_view_init (KassaKpiView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->title_group = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);

  for (KassaKpi kpi = 0; kpi < KASSA_N_KPIS; kpi++)
    {
      self->card_widgets[kpi] = create_card (&self->cards[kpi], kpi, self->title_group);
      gtk_widget_set_parent (self->card_widgets[kpi], GTK_WIDGET (self));
      gtk_label_set_text (self->cards[kpi].unit_label, C_("kpi unit", "days"));
      update_card (self, kpi, NULL);
    }

  self->dso_chart = kassa_cash_chart_new_balance ();
  gtk_widget_set_name (self->dso_chart, "kpi-dso-trend");
  gtk_widget_set_parent (self->dso_chart, GTK_WIDGET (self));
  update_dso_chart (self, NULL);
}

GtkWidget *
kassa_kpi_view_new (void)
{
  return g_object_new (KASSA_TYPE_KPI_VIEW, NULL);
}

void
kassa_kpi_view_set_trend (KassaKpiView *self,
                          GArray       *trend)
{
  g_return_if_fail (KASSA_IS_KPI_VIEW (self));
  g_return_if_fail (trend == NULL ||
                    g_array_get_element_size (trend) == sizeof (KassaReceivablesKpis));

  for (KassaKpi kpi = 0; kpi < KASSA_N_KPIS; kpi++)
    update_card (self, kpi, trend);
  update_dso_chart (self, trend);
}

/**
 * kassa_kpi_view_get_dso_chart:
 * Returns: (transfer none): the DSO trend chart.
 */
KassaCashChart *
kassa_kpi_view_get_dso_chart (KassaKpiView *self)
{
  g_return_val_if_fail (KASSA_IS_KPI_VIEW (self), NULL);

  return KASSA_CASH_CHART (self->dso_chart);
}

const char *
kassa_kpi_view_get_value_text (KassaKpiView *self,
                               KassaKpi      kpi)
{
  g_return_val_if_fail (KASSA_IS_KPI_VIEW (self), NULL);
  g_return_val_if_fail (kpi < KASSA_N_KPIS, NULL);

  return gtk_label_get_text (self->cards[kpi].value_label);
}

const char *
kassa_kpi_get_title (KassaKpi kpi)
{
  g_return_val_if_fail (kpi < KASSA_N_KPIS, NULL);

  return _(kpi_specs[kpi].title);
}

double
kassa_kpi_get_value (const KassaReceivablesKpis *kpis,
                     KassaKpi                    kpi)
{
  g_return_val_if_fail (kpis != NULL, NAN);

  /* Without sales in the window the DSO family has no value at all. */
  switch (kpi)
    {
    case KASSA_KPI_DSO:
      return kpis->dso < 0 ? NAN : kpis->dso;
    case KASSA_KPI_BEST_POSSIBLE_DSO:
      return kpis->dso < 0 ? NAN : kpis->best_possible_dso;
    case KASSA_KPI_AVERAGE_DAYS_DELINQUENT:
      return kpis->dso < 0 ? NAN : kpis->average_days_delinquent;
    case KASSA_KPI_COUNTBACK_DSO:
      return kpis->countback_dso < 0 ? NAN : kpis->countback_dso;
    case KASSA_KPI_CEI:
      return kpis->cei_percent < 0 ? NAN : kpis->cei_percent;
    case KASSA_KPI_OVERDUE_SHARE:
      return kpis->overdue_share * 100.0;
    case KASSA_KPI_AVERAGE_DAYS_LATE:
      return kpis->average_days_late;
    case KASSA_KPI_EINVOICE_SHARE:
      return kpis->einvoice_share * 100.0;
    case KASSA_N_KPIS:
    default:
      g_return_val_if_reached (NAN);
    }
}

/* One decimal in the locale's own digits and separators.  A quantity
 * (thousandths) shows every non-zero decimal, so tenths × 100 + 1 comes
 * out as "41.201" / "41,201" / "1 234,501": dropping the two final digits
 * leaves exactly one decimal, grouped and signed as the locale wants. */
static char *
format_one_decimal (double value)
{
  KassaLocale locale = kassa_locale_current ();
  gint64 tenths = (gint64) llround (value * 10.0);
  char *text = kassa_quantity_format (tenths * 100 + (tenths < 0 ? -1 : 1), locale);
  gsize length = strlen (text);

  text[length - 2] = '\0';
  return text;
}

static char *
percent_suffix (void)
{
  g_autofree char *zero = kassa_percent_format (0, kassa_locale_current ());

  /* "0%" or "0 %" (no-break space): whatever follows the digit. */
  return g_strdup (zero + 1);
}

char *
kassa_kpi_format_number (KassaKpi kpi,
                         double   value)
{
  g_autofree char *number = NULL;
  g_autofree char *suffix = NULL;

  g_return_val_if_fail (kpi < KASSA_N_KPIS, NULL);

  if (isnan (value) || isinf (value))
    return g_strdup (UNDEFINED_TEXT);

  number = format_one_decimal (value);
  if (kpi_specs[kpi].unit == UNIT_DAYS)
    return g_steal_pointer (&number);

  suffix = percent_suffix ();
  return g_strconcat (number, suffix, NULL);
}

char *
kassa_kpi_format_value (KassaKpi kpi,
                        double   value)
{
  g_autofree char *number = kassa_kpi_format_number (kpi, value);

  g_return_val_if_fail (kpi < KASSA_N_KPIS, NULL);

  if (kpi_specs[kpi].unit == UNIT_PERCENT || isnan (value) || isinf (value))
    return g_steal_pointer (&number);

  /* Translators: a KPI value in days, e.g. "41.2 days" (always with one
   * decimal, so no plural form). */
  return g_strdup_printf (C_("kpi value", "%s days"), number);
}
