/* kassa-forecast-table.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-forecast-table"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-date.h"
#include "kassa-forecast-table.h"
#include "kassa-format.h"

struct _KassaForecastTable
{
  AdwBin     parent_instance;

  GtkGrid   *grid;
  GPtrArray *cells;      /* of GtkLabel (unowned: the grid holds them), block × row × period */
  guint      n_periods;
};

G_DEFINE_FINAL_TYPE (KassaForecastTable, kassa_forecast_table, ADW_TYPE_BIN)

static const char *
row_title (KassaForecastRow row)
{
  switch (row)
    {
    case KASSA_FORECAST_ROW_OPENING:
      return _("Opening balance");
    case KASSA_FORECAST_ROW_RECEIPTS_INVOICES:
      return _("Receipts from open invoices");
    case KASSA_FORECAST_ROW_RECEIPTS_SALES:
      return _("Receipts from future sales");
    case KASSA_FORECAST_ROW_SCHEDULED_IN:
      return _("Scheduled inflows");
    case KASSA_FORECAST_ROW_SCHEDULED_OUT:
      return _("Scheduled outflows");
    case KASSA_FORECAST_ROW_CLOSING:
      return _("Closing balance");
    case KASSA_FORECAST_ROW_LOWEST:
      return _("Lowest daily balance");
    case KASSA_FORECAST_N_ROWS:
    default:
      g_assert_not_reached ();
    }
}

static gint64
row_value (const KassaForecastPeriod *period,
           KassaForecastRow           row)
{
  switch (row)
    {
    case KASSA_FORECAST_ROW_OPENING:
      return period->opening;
    case KASSA_FORECAST_ROW_RECEIPTS_INVOICES:
      return period->receipts_invoices;
    case KASSA_FORECAST_ROW_RECEIPTS_SALES:
      return period->receipts_sales;
    case KASSA_FORECAST_ROW_SCHEDULED_IN:
      return period->scheduled_in;
    case KASSA_FORECAST_ROW_SCHEDULED_OUT:
      /* Shown as money going out, so the column adds up. */
      return -period->scheduled_out;
    case KASSA_FORECAST_ROW_CLOSING:
      return period->closing;
    case KASSA_FORECAST_ROW_LOWEST:
      return period->lowest;
    case KASSA_FORECAST_N_ROWS:
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
create_label (const char *text,
              float       xalign,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static char *
format_with_strftime (KassaDay    day,
                      const char *format)
{
  int year, month, mday;
  g_autoptr(GDateTime) date_time = NULL;

  kassa_day_to_ymd (day, &year, &month, &mday);
  date_time = g_date_time_new_utc (year, month, mday, 0, 0, 0);

  return date_time != NULL ? g_date_time_format (date_time, format) : g_strdup ("");
}

static GtkWidget *
create_period_header (const KassaForecastPeriod *period,
                      gboolean                   months)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *first = kassa_format_day (period->start);
  g_autofree char *last = kassa_format_day (period->end);
  g_autofree char *tooltip = NULL;

  if (months)
    {
      /* Translators: a month column of the forecast table, a
       * g_date_time_format() format, e.g. "Dec 2026", "joulu 2026" */
      title = format_with_strftime (period->start, C_("forecast table month", "%b %Y"));
    }
  else
    {
      int year, month, mday;
      g_autoptr(GDate) date = NULL;

      kassa_day_to_ymd (period->start, &year, &month, &mday);
      date = g_date_new_dmy ((GDateDay) mday, (GDateMonth) month, (GDateYear) year);
      /* Translators: a week column of the forecast table; %u is the ISO week number */
      title = g_strdup_printf (_("Week %u"), g_date_get_iso8601_week_of_year (date));
      subtitle = g_strdup (first);
    }

  gtk_box_append (GTK_BOX (box), create_label (title, 1.0, "heading"));
  if (subtitle != NULL)
    gtk_box_append (GTK_BOX (box), create_label (subtitle, 1.0, "dim-label"));

  /* Translators: the days of a forecast period, e.g. "24.11.2026 – 30.11.2026" */
  tooltip = g_strdup_printf (_("%s – %s"), first, last);
  gtk_widget_set_tooltip_text (box, tooltip);

  return box;
}

static void
remove_all (KassaForecastTable *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);

  g_ptr_array_set_size (self->cells, 0);
  self->n_periods = 0;
}

static void
mark_below_buffer (GtkWidget           *cell,
                   const KassaForecast *forecast,
                   gint64               value,
                   const char          *currency)
{
  g_autofree char *amount = NULL;
  g_autofree char *buffer = NULL;
  g_autofree char *tooltip = NULL;

  if (forecast->minimum_buffer <= 0 || value >= forecast->minimum_buffer)
    return;

  amount = kassa_format_money (value, currency);
  buffer = kassa_format_money (forecast->minimum_buffer, currency);
  /* Translators: tooltip of a forecast cell; the amounts are a balance
   * and the minimum cash buffer */
  tooltip = g_strdup_printf (_("%s is under the minimum buffer of %s"), amount, buffer);
  gtk_widget_add_css_class (cell, "error");
  gtk_widget_set_tooltip_text (cell, tooltip);
}

/* The period holding the lowest balance of the 13 weeks. */
static void
mark_lowest (GtkWidget                 *cell,
             const KassaForecast       *forecast,
             const KassaForecastPeriod *period,
             const char                *currency)
{
  g_autofree char *lowest = NULL;
  g_autofree char *day = NULL;
  g_autofree char *tooltip = NULL;

  if (forecast->lowest_day < period->start || forecast->lowest_day > period->end)
    return;

  lowest = kassa_format_money (forecast->lowest_balance, currency);
  day = kassa_format_day (forecast->lowest_day);
  /* Translators: tooltip of a forecast cell: the lowest balance in
   * 13 weeks, then its day */
  tooltip = g_strdup_printf (_("Lowest balance in 13 weeks: %s on %s"), lowest, day);
  gtk_widget_add_css_class (cell, "heading");
  if (!gtk_widget_has_css_class (cell, "error"))
    gtk_widget_add_css_class (cell, "warning");
  gtk_widget_set_tooltip_text (cell, tooltip);
}

/* Adds the rows of one forecast from grid row top; returns the next row. */
static int
add_block (KassaForecastTable  *self,
           const KassaForecast *forecast,
           const char          *name,
           gboolean             with_heading,
           const char          *currency,
           GArray              *periods,
           int                  top)
{
  if (with_heading)
    {
      GtkWidget *heading = create_label (name, 0.0, "heading");

      gtk_widget_set_margin_top (heading, top > 1 ? 12 : 0);
      gtk_grid_attach (self->grid, heading, 0, top++, 1, 1);
    }

  for (int row = 0; row < KASSA_FORECAST_N_ROWS; row++)
    {
      gboolean closing = (row == KASSA_FORECAST_ROW_CLOSING);

      gtk_grid_attach (self->grid, create_label (row_title (row), 0.0, closing ? "heading" : NULL),
                       0, top, 1, 1);

      for (guint i = 0; i < self->n_periods; i++)
        {
          const KassaForecastPeriod *period = &g_array_index (periods, KassaForecastPeriod, i);
          g_autofree char *text = kassa_format_money (row_value (period, row), currency);
          GtkWidget *cell = create_label (text, 1.0, "numeric");

          if (closing)
            gtk_widget_add_css_class (cell, "heading");
          if (closing || row == KASSA_FORECAST_ROW_LOWEST)
            mark_below_buffer (cell, forecast, row_value (period, row), currency);
          if (row == KASSA_FORECAST_ROW_LOWEST)
            mark_lowest (cell, forecast, period, currency);
          gtk_grid_attach (self->grid, cell, (int) i + 1, top, 1, 1);
          g_ptr_array_add (self->cells, cell);
        }
      top++;
    }

  return top;
}

static void
kassa_forecast_table_finalize (GObject *object)
{
  KassaForecastTable *self = KASSA_FORECAST_TABLE (object);

  g_clear_pointer (&self->cells, g_ptr_array_unref);

  G_OBJECT_CLASS (kassa_forecast_table_parent_class)->finalize (object);
}

static void
kassa_forecast_table_class_init (KassaForecastTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kassa_forecast_table_finalize;
}

static void
kassa_forecast_table_init (KassaForecastTable *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->cells = g_ptr_array_new ();
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 18);
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 12);

  /* The periods scroll sideways; the page scrolls vertically. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->grid));
  gtk_widget_add_css_class (scrolled, "card");
  adw_bin_set_child (ADW_BIN (self), scrolled);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cash flow forecast"),
                                  -1);
}

/* Public API */

GtkWidget *
kassa_forecast_table_new (void)
{
  return g_object_new (KASSA_TYPE_FORECAST_TABLE, NULL);
}

void
kassa_forecast_table_clear (KassaForecastTable *self)
{
  g_return_if_fail (KASSA_IS_FORECAST_TABLE (self));

  remove_all (self);
}

void
kassa_forecast_table_set (KassaForecastTable  *self,
                          const char          *currency,
                          const KassaForecast *forecast,
                          const char          *name,
                          const KassaForecast *compare,
                          const char          *compare_name,
                          gboolean             months)
{
  GArray *periods;
  int top = 1;

  g_return_if_fail (KASSA_IS_FORECAST_TABLE (self));
  g_return_if_fail (currency != NULL);
  g_return_if_fail (forecast != NULL);

  remove_all (self);
  periods = months ? forecast->months : forecast->weeks;
  self->n_periods = periods->len;
  if (compare != NULL)
    self->n_periods = MIN (self->n_periods, (months ? compare->months : compare->weeks)->len);

  for (guint i = 0; i < self->n_periods; i++)
    {
      GtkWidget *header = create_period_header (&g_array_index (periods, KassaForecastPeriod, i),
                                                months);

      gtk_widget_set_halign (header, GTK_ALIGN_END);
      gtk_grid_attach (self->grid, header, (int) i + 1, 0, 1, 1);
    }

  top = add_block (self, forecast, name, compare != NULL, currency, periods, top);
  if (compare != NULL)
    add_block (self, compare, compare_name, TRUE, currency,
               months ? compare->months : compare->weeks, top);
}

guint
kassa_forecast_table_get_n_periods (KassaForecastTable *self)
{
  g_return_val_if_fail (KASSA_IS_FORECAST_TABLE (self), 0);

  return self->n_periods;
}

/**
 * kassa_forecast_table_get_cell:
 * Returns: (transfer none) (nullable): the label of that cell.
 */
GtkLabel *
kassa_forecast_table_get_cell (KassaForecastTable *self,
                               guint               block,
                               KassaForecastRow    row,
                               guint               period)
{
  guint index;

  g_return_val_if_fail (KASSA_IS_FORECAST_TABLE (self), NULL);
  g_return_val_if_fail (row < KASSA_FORECAST_N_ROWS, NULL);

  if (period >= self->n_periods)
    return NULL;

  index = (block * KASSA_FORECAST_N_ROWS + row) * self->n_periods + period;
  if (index >= self->cells->len)
    return NULL;

  return g_ptr_array_index (self->cells, index);
}
