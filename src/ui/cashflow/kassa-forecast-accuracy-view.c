/* kassa-forecast-accuracy-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A snapshot has 13 weeks and a company keeps a few dozen snapshots:
 * comparing one with the payments (indexed by date) is quick enough for
 * the main thread.
 */
#define G_LOG_DOMAIN "kassa-cashflow"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-forecast.h"
#include "kassa-forecast-accuracy-view.h"
#include "kassa-format.h"
#include "kassa-store-cashflow.h"

#define SNAPSHOT_INDEX_KEY "kassa-snapshot-index"

struct _KassaForecastAccuracyView
{
  AdwBin      parent_instance;

  KassaStore *store;
  char        currency[4];
  GPtrArray  *snapshots;     /* of KassaForecastSnapshot, newest first */
  gint64      selected_id;   /* kept across refreshes, 0 = none */

  GtkStack   *stack;
  GtkListBox *list;
  GtkLabel   *detail_title;
  GtkGrid    *weeks;
  GtkLabel   *summary;
};

G_DEFINE_FINAL_TYPE (KassaForecastAccuracyView, kassa_forecast_accuracy_view, ADW_TYPE_BIN)

static void refresh (KassaForecastAccuracyView *self);

static GtkWindow *
parent_window (KassaForecastAccuracyView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
money (KassaForecastAccuracyView *self,
       gint64                     minor)
{
  return kassa_format_money (minor, self->currency);
}

static GtkWidget *
cell (const char *text,
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

/* Detail */

static void
clear_weeks (KassaForecastAccuracyView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->weeks))) != NULL)
    gtk_grid_remove (self->weeks, child);
}

static void
add_headings (KassaForecastAccuracyView *self)
{
  const char *headings[] = {
    N_("Week from"), N_("Receipts forecast"), N_("Receipts actual"), N_("Error"),
    N_("Closing forecast"), N_("Closing actual"), N_("Error"),
  };

  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    {
      GtkWidget *heading = cell (_(headings[c]), c > 0, TRUE);

      /* Two short lines rather than one wide one: seven columns must fit. */
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (heading), 10);
      gtk_label_set_justify (GTK_LABEL (heading), c > 0 ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
      gtk_widget_set_valign (heading, GTK_ALIGN_END);
      gtk_grid_attach (self->weeks, heading, c, 0, 1, 1);
    }
}

static void
add_week (KassaForecastAccuracyView     *self,
          guint                          row,
          const KassaSnapshotComparison *week)
{
  gboolean closing_known = week->actual_closing != G_MININT64;
  g_autofree char *start = kassa_format_day (week->week_start);
  g_autofree char *rf = money (self, week->forecast_receipts);
  g_autofree char *ra = money (self, week->actual_receipts);
  g_autofree char *re = money (self, week->actual_receipts - week->forecast_receipts);
  g_autofree char *cf = money (self, week->forecast_closing);
  g_autofree char *ca = closing_known ? money (self, week->actual_closing) : g_strdup ("—");
  g_autofree char *ce = closing_known ? money (self, week->actual_closing - week->forecast_closing)
                                      : g_strdup ("—");
  const char *texts[] = { start, rf, ra, re, cf, ca, ce };

  for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
    gtk_grid_attach (self->weeks, cell (texts[c], c > 0, FALSE), c, row, 1, 1);
}

static char *
summary_text (KassaForecastAccuracyView *self,
              GArray                    *weeks)
{
  g_autofree gint64 *receipt_errors = g_new0 (gint64, weeks->len + 1);
  g_autofree gint64 *closing_errors = g_new0 (gint64, weeks->len + 1);
  g_autofree char *receipts = NULL;
  g_autofree char *closing = NULL;
  guint n_closing = 0;

  for (guint i = 0; i < weeks->len; i++)
    {
      const KassaSnapshotComparison *week = &g_array_index (weeks, KassaSnapshotComparison, i);

      receipt_errors[i] = week->actual_receipts - week->forecast_receipts;
      if (week->actual_closing != G_MININT64)
        closing_errors[n_closing++] = week->actual_closing - week->forecast_closing;
    }

  receipts = money (self, kassa_forecast_mean_absolute_error (receipt_errors, weeks->len));
  if (n_closing == 0)
    /* Translators: %s is an amount of money */
    return g_strdup_printf (_("Mean absolute error of receipts: %s a week. Enter account "
                              "balances to compare the closing balance too."), receipts);

  closing = money (self, kassa_forecast_mean_absolute_error (closing_errors, n_closing));
  /* Translators: both %s are amounts of money */
  return g_strdup_printf (_("Mean absolute error: receipts %s a week, closing balance %s a week."),
                          receipts, closing);
}

static void
show_snapshot (KassaForecastAccuracyView   *self,
               const KassaForecastSnapshot *snapshot)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autofree char *created = kassa_format_day (snapshot->created_on);
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;

  /* Translators: "Forecast of 3.11.2026 (Base)": a date and a scenario name */
  title = g_strdup_printf (_("Forecast of %s (%s)"), created, snapshot->scenario_name);
  gtk_label_set_text (self->detail_title, title);
  clear_weeks (self);

  weeks = kassa_snapshot_compare (self->store, snapshot, kassa_clock_today (), &error);
  if (weeks == NULL)
    {
      gtk_label_set_text (self->summary, error->message);
      return;
    }
  if (weeks->len == 0)
    {
      gtk_label_set_text (self->summary, _("No week of this forecast has ended yet: come back "
                                           "after its first week."));
      return;
    }

  add_headings (self);
  for (guint i = 0; i < weeks->len; i++)
    add_week (self, i + 1, &g_array_index (weeks, KassaSnapshotComparison, i));
  summary = summary_text (self, weeks);
  gtk_label_set_text (self->summary, summary);
}

static void
on_row_selected (KassaForecastAccuracyView *self,
                 GtkListBoxRow             *row)
{
  const KassaForecastSnapshot *snapshot;
  guint index;

  if (row == NULL)
    return;
  index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), SNAPSHOT_INDEX_KEY));
  if (index >= self->snapshots->len)
    return;
  snapshot = g_ptr_array_index (self->snapshots, index);
  self->selected_id = snapshot->id;
  show_snapshot (self, snapshot);
}

/* Deleting */

static void
on_delete_response (AdwMessageDialog          *dialog,
                    const char                *response,
                    KassaForecastAccuracyView *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "kassa-snapshot-id");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "delete") &&
      !kassa_store_delete_forecast_snapshot (self->store, id, &error))
    g_warning ("Could not delete snapshot %" G_GINT64_FORMAT ": %s", id, error->message);
}

static void
on_delete_clicked (GtkWidget                 *button,
                   KassaForecastAccuracyView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), SNAPSHOT_INDEX_KEY));
  const KassaForecastSnapshot *snapshot;
  g_autofree char *created = NULL;
  GtkWidget *dialog;

  if (index >= self->snapshots->len)
    return;
  snapshot = g_ptr_array_index (self->snapshots, index);
  created = kassa_format_day (snapshot->created_on);
  dialog = adw_message_dialog_new (parent_window (self), _("Delete Snapshot?"), NULL);
  /* Translators: %s is the date a forecast snapshot was saved */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The forecast saved on %s can no longer be compared with "
                                    "what happened."), created);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kassa-snapshot-id",
                          g_memdup2 (&snapshot->id, sizeof snapshot->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The list */

static GtkWidget *
snapshot_row (KassaForecastAccuracyView   *self,
              const KassaForecastSnapshot *snapshot,
              guint                        index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *created = kassa_format_day (snapshot->created_on);

  gtk_widget_set_name (row, "snapshot-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), created);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), snapshot->scenario_name);
  g_object_set_data (G_OBJECT (row), SNAPSHOT_INDEX_KEY, GUINT_TO_POINTER (index));

  gtk_widget_set_name (button, "snapshot-delete");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete this snapshot"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete this snapshot"), -1);
  g_object_set_data (G_OBJECT (button), SNAPSHOT_INDEX_KEY, GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
refresh (KassaForecastAccuracyView *self)
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (self->store);
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *to_select = NULL;
  GtkWidget *child;
  GPtrArray *snapshots;

  g_strlcpy (self->currency, company != NULL ? company->currency : "EUR", sizeof self->currency);
  snapshots = kassa_store_list_forecast_snapshots (self->store, &error);
  if (snapshots == NULL)
    {
      g_warning ("Could not list the forecast snapshots: %s", error->message);
      snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_forecast_snapshot_free);
    }
  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  self->snapshots = snapshots;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < snapshots->len; i++)
    {
      const KassaForecastSnapshot *snapshot = g_ptr_array_index (snapshots, i);
      GtkWidget *row = snapshot_row (self, snapshot, i);

      gtk_list_box_append (self->list, row);
      if (to_select == NULL || snapshot->id == self->selected_id)
        to_select = GTK_LIST_BOX_ROW (row);
    }

  gtk_stack_set_visible_child_name (self->stack, snapshots->len > 0 ? "snapshots" : "empty");
  if (to_select != NULL)
    gtk_list_box_select_row (self->list, to_select);
}

static void
on_store_changed (KassaForecastAccuracyView *self,
                  guint                      what)
{
  guint relevant = KASSA_STORE_CHANGE_CASHFLOW | KASSA_STORE_CHANGE_PAYMENTS |
                   KASSA_STORE_CHANGE_COMPANY;

  if ((what & relevant) != 0)
    refresh (self);
}

/* Construction */

static GtkWidget *
build_empty (void)
{
  GtkWidget *page = adw_status_page_new ();

  gtk_widget_set_name (page, "accuracy-empty");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No Saved Forecasts"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("Save a snapshot on the Forecast tab; after a few weeks you "
                                     "see here how well it did."));
  return page;
}

static GtkWidget *
build_detail (KassaForecastAccuracyView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->detail_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_title), "title-4");
  gtk_label_set_xalign (self->detail_title, 0);
  self->weeks = GTK_GRID (gtk_grid_new ());
  gtk_widget_set_name (GTK_WIDGET (self->weeks), "accuracy-weeks");
  gtk_grid_set_column_spacing (self->weeks, 18);
  gtk_grid_set_row_spacing (self->weeks, 4);
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->summary), "accuracy-summary");
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->weeks));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

static GtkWidget *
build_snapshots (KassaForecastAccuracyView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Saved Forecasts"));

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "snapshot-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_size_request (GTK_WIDGET (self->list), 240, -1);
  g_signal_connect_object (self->list, "row-selected", G_CALLBACK (on_row_selected), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (side), heading);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), side);
  gtk_box_append (GTK_BOX (box), build_detail (self));
  return box;
}

static void
kassa_forecast_accuracy_view_dispose (GObject *object)
{
  KassaForecastAccuracyView *self = KASSA_FORECAST_ACCURACY_VIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->snapshots, g_ptr_array_unref);

  G_OBJECT_CLASS (kassa_forecast_accuracy_view_parent_class)->dispose (object);
}

static void
kassa_forecast_accuracy_view_class_init (KassaForecastAccuracyViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kassa_forecast_accuracy_view_dispose;
}

static void
kassa_forecast_accuracy_view_init (KassaForecastAccuracyView *self)
{
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, build_empty (), "empty");
  gtk_stack_add_named (self->stack, build_snapshots (self), "snapshots");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

GtkWidget *
kassa_forecast_accuracy_view_new (KassaStore *store)
{
  KassaForecastAccuracyView *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_FORECAST_ACCURACY_VIEW, NULL);
  self->store = g_object_ref (store);
  refresh (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

gint64
kassa_forecast_mean_absolute_error (const gint64 *errors,
                                    guint         n)
{
  gint64 sum = 0;

  if (n == 0)
    return 0;
  for (guint i = 0; i < n; i++)
    sum += ABS (errors[i]);
  /* Half away from zero; the sum is never negative. */
  return (sum + n / 2) / n;
}
