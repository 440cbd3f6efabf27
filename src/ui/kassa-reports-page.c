/* kassa-reports-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-reports-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-csv-export.h"
#include "kassa-export-dialog.h"
#include "kassa-import-dialog.h"
#include "kassa-report.h"
#include "kassa-reports-page.h"

struct _KassaReportsPage
{
  AdwBin               parent_instance;

  KassaStore          *store;

  AdwPreferencesGroup *reports_group;
};

G_DEFINE_FINAL_TYPE (KassaReportsPage, kassa_reports_page, ADW_TYPE_BIN)

/* One line on what each workbook holds, in KassaReportKind order. */
/* One per report: the compiler cannot tell when one is missing. */
static const char *const report_descriptions[] = {
  N_("Every invoice with its lines, VAT per rate, payments and open amount"),
  N_("Sales by customer and by month"),
  N_("VAT per rate and month"),
  N_("Open receivables by age, per customer and in detail, with a chart"),
  N_("One customer’s invoices, payments and balance"),
  N_("Payments received in the period"),
  N_("Receivables figures as of the end of the period"),
  N_("Cash forecast for 13 weeks and 12 months with a chart, actual cash and scheduled items"),
  N_("Revenue, margin, ABC classes and RFM segments per customer, retention and lifetime "
     "value, campaigns by channel"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (report_descriptions) == KASSA_N_REPORTS);

static const struct
{
  const char    *id;
  KassaCsvTable  table;
} csv_tables[] = {
  { "customers", KASSA_CSV_CUSTOMERS },
  { "invoices", KASSA_CSV_INVOICES },
  { "payments", KASSA_CSV_PAYMENTS },
};

static GtkWindow *
get_parent_window (KassaReportsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
create_report_row (KassaReportKind kind)
{
  const char *name = kassa_report_kind_get_name (kind);
  g_autofree char *button_name = g_strdup_printf ("export-report-%s",
                                                  kassa_report_kind_to_id (kind));
  /* Translators: accessible label of a report's Export button; %s is the report name */
  g_autofree char *label = g_strdup_printf (_("Export %s"), name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Export…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(report_descriptions[kind]));

  gtk_widget_set_name (button, button_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "reports.export-report");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", kassa_report_kind_to_id (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KassaReportsPage *self = KASSA_REPORTS_PAGE (widget);
  GtkWindow *parent = get_parent_window (self);
  KassaReportKind kind;

  if (parent == NULL || !kassa_report_kind_from_id (g_variant_get_string (parameter, NULL), &kind))
    return;

  gtk_window_present (GTK_WINDOW (kassa_export_dialog_new (parent, self->store, kind)));
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KassaReportsPage *self = KASSA_REPORTS_PAGE (widget);
  GtkWindow *parent = get_parent_window (self);
  const char *id = g_variant_get_string (parameter, NULL);

  if (parent == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (csv_tables); i++)
    {
      if (g_str_equal (id, csv_tables[i].id))
        {
          KassaExportDialog *dialog = kassa_export_dialog_new_csv (parent, self->store,
                                                                   csv_tables[i].table);

          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }
    }
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KassaReportsPage *self = KASSA_REPORTS_PAGE (widget);
  GtkWindow *parent = get_parent_window (self);
  const char *id = g_variant_get_string (parameter, NULL);

  if (parent == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (csv_tables); i++)
    {
      if (g_str_equal (id, csv_tables[i].id))
        {
          KassaImportDialog *dialog = kassa_import_dialog_new (parent, self->store,
                                                               csv_tables[i].table);

          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }
    }
}

static void
kassa_reports_page_dispose (GObject *object)
{
  KassaReportsPage *self = KASSA_REPORTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_REPORTS_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_reports_page_parent_class)->dispose (object);
}

static void
kassa_reports_page_class_init (KassaReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_reports_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaReportsPage, reports_group);

  gtk_widget_class_install_action (widget_class, "reports.export-report", "s",
                                   export_report_action);
  gtk_widget_class_install_action (widget_class, "reports.export-csv", "s", export_csv_action);
  gtk_widget_class_install_action (widget_class, "reports.import-csv", "s", import_csv_action);
}

static void
kassa_reports_page_init (KassaReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint kind = 0; kind < KASSA_N_REPORTS; kind++)
    adw_preferences_group_add (self->reports_group, create_report_row ((KassaReportKind) kind));
}

GtkWidget *
kassa_reports_page_new (KassaStore *store)
{
  KassaReportsPage *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_REPORTS_PAGE, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
