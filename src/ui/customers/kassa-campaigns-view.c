/* kassa-campaigns-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-campaigns-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kassa-campaign-editor.h"
#include "kassa-campaigns-view.h"
#include "kassa-cash-chart.h"
#include "kassa-clock.h"
#include "kassa-customer-retention.h"
#include "kassa-date.h"
#include "kassa-format.h"
#include "kassa-money.h"
#include "kassa-nps-chart.h"
#include "kassa-records.h"
#include "kassa-roi-dialog.h"
#include "kassa-store-relationship.h"

/* The NPS chart covers the last two years: eight quarters. */
#define NPS_QUARTERS 8

/* ---- one row of the campaign list ---- */

#define KASSA_TYPE_CAMPAIGN_ITEM (kassa_campaign_item_get_type ())
G_DECLARE_FINAL_TYPE (KassaCampaignItem, kassa_campaign_item, KASSA, CAMPAIGN_ITEM, GObject)

struct _KassaCampaignItem
{
  GObject              parent_instance;
  KassaCampaign       *campaign;
  KassaCampaignResult  result;
};

G_DEFINE_FINAL_TYPE (KassaCampaignItem, kassa_campaign_item, G_TYPE_OBJECT)

static void
kassa_campaign_item_finalize (GObject *object)
{
  KassaCampaignItem *self = KASSA_CAMPAIGN_ITEM (object);

  g_clear_pointer (&self->campaign, kassa_campaign_free);
  G_OBJECT_CLASS (kassa_campaign_item_parent_class)->finalize (object);
}

static void
kassa_campaign_item_class_init (KassaCampaignItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kassa_campaign_item_finalize;
}

static void
kassa_campaign_item_init (KassaCampaignItem *self)
{
}

/* ---- the view ---- */

typedef enum
{
  COLUMN_NAME,
  COLUMN_CHANNEL,
  COLUMN_PERIOD,
  COLUMN_COST,
  COLUMN_REACHED,
  COLUMN_CONVERTED,
  COLUMN_CONVERSION,
  COLUMN_REVENUE,
  COLUMN_MARGIN,
  COLUMN_ROI,
  N_COLUMNS
} Column;

/* Cost is translated with the "campaign" context (below): alone, "Cost"
 * reads as a purchase price in some languages. */
static const char * const column_titles[N_COLUMNS] = {
  N_("Name"), N_("Channel"), N_("Period"), NULL, N_("Reached"),
  N_("Converted"), N_("Conversion"), N_("Revenue"), N_("Margin"), N_("ROI"),
};

struct _KassaCampaignsView
{
  GtkWidget        parent_instance;

  /* The template's root: bound so that dispose_template unparents it. */
  GtkWidget       *scroller;

  GtkSpinner      *spinner;
  GtkWidget       *error_banner;
  GtkLabel        *error_label;
  GtkStack        *list_stack;
  GtkColumnView   *campaign_list;
  GtkGrid         *channel_grid;
  GtkBox          *channel_chart_box;
  KassaCashChart  *channel_chart;
  GtkLabel        *nps_value_label;
  GtkLabel        *nps_caption_label;
  KassaNpsChart   *nps_chart;

  KassaStore      *store;
  char             currency[4];
  GListStore      *items;
  GCancellable    *cancellable;
  gboolean         stale;          /* changed while not shown */
};

G_DEFINE_FINAL_TYPE (KassaCampaignsView, kassa_campaigns_view, GTK_TYPE_WIDGET)

typedef struct
{
  GPtrArray *items;       /* KassaCampaignItem */
  GArray    *channels;    /* KassaCampaignResult */
  GArray    *nps;         /* KassaNpsPeriod */
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->items, g_ptr_array_unref);
  g_clear_pointer (&snapshot->channels, g_array_unref);
  g_clear_pointer (&snapshot->nps, g_array_unref);
  g_free (snapshot);
}

static void refresh (KassaCampaignsView *self);

static char *
format_percent (gint basis_points)
{
  return kassa_percent_format_fixed (basis_points, kassa_locale_current ());
}

static char *
format_roi (gboolean has_roi,
            gint     roi_bp)
{
  return has_roi ? format_percent (roi_bp) : g_strdup ("–");
}

static char *
format_period (const KassaCampaign *campaign)
{
  g_autofree char *start = kassa_format_day (campaign->start_date);
  g_autofree char *end = kassa_format_day (campaign->end_date);

  /* Translators: a campaign's period, first and last day. */
  return g_strdup_printf (_("%s – %s"), start, end);
}

static char *
format_cell (KassaCampaignsView *self,
             KassaCampaignItem  *item,
             Column              column)
{
  const KassaCampaignResult *result = &item->result;

  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (item->campaign->name);
    case COLUMN_CHANNEL:
      return g_strdup (kassa_campaign_channel_to_string (item->campaign->channel));
    case COLUMN_PERIOD:
      return format_period (item->campaign);
    case COLUMN_COST:
      return kassa_format_money (item->campaign->cost, self->currency);
    case COLUMN_REACHED:
      return g_strdup_printf ("%u", result->reached);
    case COLUMN_CONVERTED:
      return g_strdup_printf ("%u", result->converted);
    case COLUMN_CONVERSION:
      return result->reached > 0 ? format_percent (result->conversion_bp) : g_strdup ("–");
    case COLUMN_REVENUE:
      return kassa_format_money (result->revenue, self->currency);
    case COLUMN_MARGIN:
      return kassa_format_money (result->margin, self->currency);
    case COLUMN_ROI:
      return format_roi (result->has_roi, result->roi_bp);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
column_is_numeric (Column column)
{
  return column >= COLUMN_COST;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column_is_numeric (column) ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label),
                           column == COLUMN_NAME ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  if (column_is_numeric (column))
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  KassaCampaignsView *self = g_object_get_data (G_OBJECT (factory), "view");
  Column column = GPOINTER_TO_INT (user_data);
  g_autofree char *text = format_cell (self, gtk_list_item_get_item (list_item), column);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
add_columns (KassaCampaignsView *self)
{
  for (int i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "view", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (i == COLUMN_COST ? C_("campaign", "Cost")
                                                            : _(column_titles[i]),
                                           factory);
      gtk_column_view_column_set_expand (column, i == COLUMN_NAME);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->campaign_list, column);
    }
}

static void
show_error (KassaCampaignsView *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_banner, message != NULL);
}

static GtkWidget *
grid_label (const char *text,
            gboolean    numeric,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
fill_channel_row (KassaCampaignsView        *self,
                  const KassaCampaignResult *result,
                  int                        row)
{
  char *cells[9];

  cells[0] = g_strdup (kassa_campaign_channel_to_string (result->channel));
  cells[1] = g_strdup_printf ("%u", result->campaigns);
  cells[2] = kassa_format_money (result->cost, self->currency);
  cells[3] = g_strdup_printf ("%u", result->reached);
  cells[4] = g_strdup_printf ("%u", result->converted);
  cells[5] = result->reached > 0 ? format_percent (result->conversion_bp) : g_strdup ("–");
  cells[6] = kassa_format_money (result->revenue, self->currency);
  cells[7] = kassa_format_money (result->margin, self->currency);
  cells[8] = format_roi (result->has_roi, result->roi_bp);
  for (int column = 0; column < 9; column++)
    {
      gtk_grid_attach (self->channel_grid, grid_label (cells[column], column > 0, FALSE),
                       column, row, 1, 1);
      g_free (cells[column]);
    }
}

static void
show_channels (KassaCampaignsView *self,
               GArray             *channels)
{
  const char *headings[] = {
    _("Channel"), _("Campaigns"), C_("campaign", "Cost"), _("Reached"), _("Converted"),
    _("Conversion"), _("Revenue"), _("Margin"), _("ROI"),
  };
  const char *series[] = { C_("campaign", "Cost"), _("Revenue"), _("Margin") };
  const KassaCashChartColour colours[] = {
    { "warning_color", 0.85 }, { "accent_color", 0.9 }, { "success_color", 0.9 },
  };
  guint n = channels->len;
  g_autofree const char **names = g_new0 (const char *, MAX (n, 1));
  g_autofree gint64 *values = g_new0 (gint64, 3 * MAX (n, 1));

  clear_grid (self->channel_grid);
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    gtk_grid_attach (self->channel_grid, grid_label (headings[i], i > 0, TRUE), i, 0, 1, 1);
  gtk_widget_set_hexpand (gtk_grid_get_child_at (self->channel_grid, 0, 0), TRUE);
  if (n == 0)
    gtk_grid_attach (self->channel_grid,
                     grid_label (_("No campaigns to compare yet"), FALSE, FALSE), 0, 1, 9, 1);

  for (guint i = 0; i < n; i++)
    {
      const KassaCampaignResult *result = &g_array_index (channels, KassaCampaignResult, i);

      fill_channel_row (self, result, i + 1);
      names[i] = kassa_campaign_channel_to_string (result->channel);
      values[i] = result->cost;
      values[n + i] = result->revenue;
      values[2 * n + i] = result->margin;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->channel_chart), n > 0);
  kassa_cash_chart_set_columns (self->channel_chart, _("Cost, revenue and margin by channel"),
                                self->currency, names, n, series, colours, values, 3);
}

static void
show_nps (KassaCampaignsView *self,
          GArray             *nps)
{
  const KassaNpsPeriod *latest = NULL;

  kassa_nps_chart_set_periods (self->nps_chart, (const KassaNpsPeriod *) nps->data, nps->len);
  for (guint i = nps->len; i > 0 && latest == NULL; i--)
    if (g_array_index (nps, KassaNpsPeriod, i - 1).responses > 0)
      latest = &g_array_index (nps, KassaNpsPeriod, i - 1);

  if (latest == NULL)
    {
      gtk_label_set_text (self->nps_value_label, "–");
      gtk_label_set_text (self->nps_caption_label, _("No NPS responses in the last two years"));
      return;
    }

  {
    g_autofree char *value = g_strdup_printf ("%+d", latest->nps);
    g_autofree char *quarter = kassa_nps_chart_format_quarter (latest->period_start);
    g_autofree char *responses = NULL;
    g_autofree char *caption = NULL;

    /* Translators: the number of NPS responses in a quarter. */
    responses = g_strdup_printf (ngettext ("%u response", "%u responses", latest->responses),
                                 latest->responses);
    /* Translators: caption beside the latest NPS: the quarter ("Q4 2026")
     * and the number of responses ("12 responses"). */
    caption = g_strdup_printf (_("Latest NPS, %s, %s"), quarter, responses);
    gtk_label_set_text (self->nps_value_label, latest->nps == 0 ? "0" : value);
    gtk_label_set_text (self->nps_caption_label, caption);
  }
}

static void
show_snapshot (KassaCampaignsView *self,
               Snapshot           *snapshot)
{
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       snapshot->items->pdata, snapshot->items->len);
  gtk_stack_set_visible_child_name (self->list_stack, snapshot->items->len > 0 ? "list" : "empty");
  show_channels (self, snapshot->channels);
  show_nps (self, snapshot->nps);
}

static KassaDay
start_of_quarter (KassaDay day)
{
  int year, month, dom;

  kassa_day_to_ymd (day, &year, &month, &dom);
  return kassa_day_from_ymd (year, month - (month - 1) % 3, 1);
}

static gboolean
collect_campaigns (KassaStore  *store,
                   Snapshot    *snapshot,
                   GError     **error)
{
  g_autoptr(GPtrArray) campaigns = kassa_store_list_campaigns (store, error);

  if (campaigns == NULL)
    return FALSE;
  snapshot->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < campaigns->len; i++)
    {
      KassaCampaignItem *item = g_object_new (KASSA_TYPE_CAMPAIGN_ITEM, NULL);

      item->campaign = kassa_campaign_copy (g_ptr_array_index (campaigns, i));
      g_ptr_array_add (snapshot->items, item);
      if (!kassa_campaign_result_compute (store, item->campaign->id, &item->result, error))
        return FALSE;
    }
  return TRUE;
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(KassaStore) store = NULL;
  KassaDay today = kassa_clock_today ();
  KassaDay from = kassa_day_add_months (start_of_quarter (today), -3 * (NPS_QUARTERS - 1));
  Snapshot *snapshot = g_new0 (Snapshot, 1);
  GError *error = NULL;

  store = kassa_store_open (path, &error);
  if (store == NULL
      || !collect_campaigns (store, snapshot, &error)
      || g_cancellable_set_error_if_cancelled (cancellable, &error)
      || (snapshot->channels = kassa_campaign_results_by_channel (store, &error)) == NULL
      || (snapshot->nps = kassa_nps_by_period (store, from, today, TRUE, &error)) == NULL)
    {
      snapshot_free (snapshot);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, snapshot, (GDestroyNotify) snapshot_free);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  KassaCampaignsView *self;
  Snapshot *snapshot;
  g_autoptr(GError) error = NULL;

  snapshot = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = KASSA_CAMPAIGNS_VIEW (source);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (snapshot == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  show_snapshot (self, snapshot);
  snapshot_free (snapshot);
}

static void
refresh (KassaCampaignsView *self)
{
  g_autoptr(GTask) task = NULL;

  /* A newer load replaces the one under way; its result is dropped. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  self->stale = FALSE;
  task = g_task_new (self, self->cancellable, on_loaded, NULL);
  g_task_set_source_tag (task, refresh);
  g_task_set_task_data (task, g_strdup (kassa_store_get_path (self->store)), g_free);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  g_task_run_in_thread (task, load_in_thread);
}

/* Campaign results depend on customers, invoices and campaigns, and the
 * store has no flag of its own for campaigns: any change refreshes, at
 * once when shown, else when next shown. */
static void
on_store_changed (KassaCampaignsView *self,
                  guint               changes)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

static void
kassa_campaigns_view_map (GtkWidget *widget)
{
  KassaCampaignsView *self = KASSA_CAMPAIGNS_VIEW (widget);

  GTK_WIDGET_CLASS (kassa_campaigns_view_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

static void
open_editor (KassaCampaignsView *self,
             gint64              campaign_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  KassaCampaignEditor *editor;

  editor = kassa_campaign_editor_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          self->store, campaign_id);
  g_signal_connect_object (editor, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
}

static void
on_campaign_activated (KassaCampaignsView *self,
                       guint               position)
{
  g_autoptr(KassaCampaignItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item != NULL)
    open_editor (self, item->campaign->id);
}

static void
on_new_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (KASSA_CAMPAIGNS_VIEW (widget), 0);
}

static void
on_roi_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KassaCampaignsView *self = KASSA_CAMPAIGNS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  kassa_roi_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store);
}

static void
kassa_campaigns_view_dispose (GObject *object)
{
  KassaCampaignsView *self = KASSA_CAMPAIGNS_VIEW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_CAMPAIGNS_VIEW);
  g_clear_object (&self->items);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_campaigns_view_parent_class)->dispose (object);
}

static void
kassa_campaigns_view_class_init (KassaCampaignsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_campaigns_view_dispose;
  widget_class->map = kassa_campaigns_view_map;

  g_type_ensure (KASSA_TYPE_NPS_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kassa/Kassa/ui/kassa-campaigns-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignsView, error_banner);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignsView, error_label);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignsView, campaign_list);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignsView, channel_grid);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignsView, channel_chart_box);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignsView, nps_value_label);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignsView, nps_caption_label);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignsView, nps_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_campaign_activated);
  gtk_widget_class_install_action (widget_class, "campaigns.new", NULL, on_new_activated);
  gtk_widget_class_install_action (widget_class, "campaigns.roi", NULL, on_roi_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kassa_campaigns_view_init (KassaCampaignsView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (KASSA_TYPE_CAMPAIGN_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_column_view_set_model (self->campaign_list, GTK_SELECTION_MODEL (selection));
  add_columns (self);

  /* The chart's kind is chosen by its constructor, not by a property. */
  self->channel_chart = KASSA_CASH_CHART (kassa_cash_chart_new_flows ());
  gtk_widget_set_name (GTK_WIDGET (self->channel_chart), "campaigns-channel-chart");
  gtk_widget_set_size_request (GTK_WIDGET (self->channel_chart), -1, 220);
  gtk_box_append (self->channel_chart_box, GTK_WIDGET (self->channel_chart));
}

GtkWidget *
kassa_campaigns_view_new (KassaStore *store)
{
  KassaCampaignsView *self;
  g_autoptr(KassaCompany) company = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_CAMPAIGNS_VIEW, NULL);
  self->store = g_object_ref (store);
  company = kassa_store_get_company (store);
  g_strlcpy (self->currency, company != NULL ? company->currency : "EUR", sizeof self->currency);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  /* The Customers page builds every section up front: compute when shown. */
  self->stale = TRUE;
  return GTK_WIDGET (self);
}
