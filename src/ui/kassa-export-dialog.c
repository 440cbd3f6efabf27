/* kassa-export-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-customer-picker.h"
#include "kassa-date.h"
#include "kassa-document-export.h"
#include "kassa-export-dialog.h"
#include "kassa-form.h"
#include "kassa-money.h"
#include "kassa-window.h"

typedef enum
{
  PERIOD_THIS_MONTH,
  PERIOD_LAST_MONTH,
  PERIOD_THIS_YEAR,
  PERIOD_LAST_YEAR,
  PERIOD_CUSTOM,
  N_PERIODS,
} PeriodPreset;

static const char *const period_labels[N_PERIODS] = {
  N_("This Month"),
  N_("Last Month"),
  N_("This Year"),
  N_("Last Year"),
  N_("Custom"),
};

struct _KassaExportDialog
{
  AdwWindow             parent_instance;

  KassaStore           *store;
  gboolean              csv;
  KassaCsvTable         table;
  KassaLocale           locale;          /* of the UI: how dates are typed */
  KassaDay              today;
  KassaDay              from;            /* parsed, 0 when invalid */
  KassaDay              to;
  char                 *problem;
  /* Set while the dialog fills fields itself, so that does not count as
   * the user choosing a custom period or a file name of their own. */
  gboolean              updating;
  gboolean              ready;           /* the constructor has filled the form */
  gboolean              file_name_edited;
  GCancellable         *cancellable;     /* set while an export runs */
  gboolean              close_when_done;
  gboolean              disposed;
  guint                 pulse_id;
  GtkFileChooserNative *chooser;

  AdwWindowTitle       *window_title;
  GtkWidget            *cancel_button;
  GtkWidget            *export_button;
  AdwPreferencesGroup  *form_group;
  AdwComboRow          *report_row;
  AdwComboRow          *period_row;
  AdwActionRow         *from_row;
  GtkEntry             *from_entry;
  AdwActionRow         *to_row;
  GtkEntry             *to_entry;
  AdwActionRow         *customer_row;
  AdwActionRow         *details_row;
  GtkSwitch            *details_switch;
  KassaCustomerPicker  *customer_picker;
  AdwComboRow          *language_row;
  AdwEntryRow          *file_name_row;
  GtkProgressBar       *progress_bar;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (KassaExportDialog, kassa_export_dialog, ADW_TYPE_WINDOW)

/* What the worker thread gets: plain data, never the UI's store. */
typedef struct
{
  char                 *store_path;
  char                 *path;
  gboolean              csv;
  KassaCsvTable         table;
  KassaReportSpec       spec;
  KassaExportDialog    *dialog;          /* strong; only touched in the main context */
  GMainContext         *context;
  guint                 last_permille;   /* worker only */
} ExportJob;

typedef struct
{
  KassaExportDialog    *dialog;
  double                fraction;
} ProgressUpdate;

static void
export_job_free (ExportJob *job)
{
  g_free (job->store_path);
  g_free (job->path);
  g_clear_object (&job->dialog);
  g_main_context_unref (job->context);
  g_free (job);
}

static void
progress_update_free (ProgressUpdate *update)
{
  g_object_unref (update->dialog);
  g_free (update);
}

/* Form */

static KassaReportKind
get_kind (KassaExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->report_row);

  return selected < KASSA_N_REPORTS ? (KassaReportKind) selected : KASSA_REPORT_INVOICE_JOURNAL;
}

static KassaLocale
get_language (KassaExportDialog *self)
{
  return kassa_locale_from_name (kassa_form_combo_get_id (self->language_row));
}

static void
period_range (PeriodPreset  preset,
              KassaDay      today,
              KassaDay     *from,
              KassaDay     *to)
{
  KassaDay month = kassa_day_start_of_month (today);
  KassaDay year = kassa_day_start_of_year (today);

  switch (preset)
    {
    case PERIOD_THIS_MONTH:
      *from = month;
      *to = kassa_day_add_months (month, 1) - 1;
      break;
    case PERIOD_LAST_MONTH:
      *from = kassa_day_add_months (month, -1);
      *to = month - 1;
      break;
    case PERIOD_THIS_YEAR:
      *from = year;
      *to = kassa_day_add_months (year, 12) - 1;
      break;
    case PERIOD_LAST_YEAR:
    case PERIOD_CUSTOM:
    case N_PERIODS:
    default:
      *from = kassa_day_add_months (year, -12);
      *to = year - 1;
      break;
    }
}

static void
set_entry_day (GtkEntry    *entry,
               KassaDay     day,
               KassaLocale  locale)
{
  g_autofree char *text = kassa_day_format (day, locale);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
fill_spec (KassaExportDialog *self,
           KassaReportSpec   *spec)
{
  *spec = (KassaReportSpec) {
    .kind = get_kind (self),
    .from = self->from,
    .to = self->to,
    .language = get_language (self),
    .customer_id = kassa_customer_picker_get_customer_id (self->customer_picker),
    .today = self->today,
    .without_details = !gtk_switch_get_active (self->details_switch),
  };
}

static char *
suggest_csv_file_name (KassaExportDialog *self)
{
  g_autofree char *date = kassa_day_format_iso (self->today);

  switch (self->table)
    {
    case KASSA_CSV_INVOICES:
      /* Translators: a file name; %s is today's date as 2026-11-24 */
      return g_strdup_printf (_("Invoices %s.csv"), date);
    case KASSA_CSV_PAYMENTS:
      /* Translators: a file name; %s is today's date as 2026-11-24 */
      return g_strdup_printf (_("Payments %s.csv"), date);
    case KASSA_CSV_CUSTOMERS:
    default:
      /* Translators: a file name; %s is today's date as 2026-11-24 */
      return g_strdup_printf (_("Customers %s.csv"), date);
    }
}

static void
suggest_file_name (KassaExportDialog *self)
{
  g_autofree char *name = NULL;
  KassaReportSpec spec;
  gboolean updating;

  if (self->file_name_edited)
    return;

  if (self->csv)
    name = suggest_csv_file_name (self);
  else
    {
      fill_spec (self, &spec);
      name = kassa_report_suggest_filename (&spec);
    }

  updating = self->updating;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->file_name_row), name);
  self->updating = updating;
}

static char *
check_day (KassaExportDialog *self,
           AdwActionRow      *row,
           GtkEntry          *entry,
           KassaDay          *day)
{
  g_autoptr(GError) error = NULL;

  if (!kassa_day_parse (gtk_editable_get_text (GTK_EDITABLE (entry)), self->locale, self->today,
                        day, &error))
    {
      *day = 0;
      kassa_form_set_row_message (row, GTK_WIDGET (entry), error->message, NULL);
      return g_strdup (error->message);
    }

  kassa_form_set_row_message (row, GTK_WIDGET (entry), NULL, NULL);
  return NULL;
}

static char *
check_period (KassaExportDialog *self)
{
  g_autofree char *from_problem = check_day (self, self->from_row, self->from_entry, &self->from);
  g_autofree char *to_problem = check_day (self, self->to_row, self->to_entry, &self->to);
  const char *order_problem = _("The period cannot end before it begins.");

  if (from_problem != NULL)
    return g_steal_pointer (&from_problem);
  if (to_problem != NULL)
    return g_steal_pointer (&to_problem);

  if (self->to < self->from)
    {
      kassa_form_set_row_message (self->to_row, GTK_WIDGET (self->to_entry), order_problem, NULL);
      return g_strdup (order_problem);
    }

  return NULL;
}

static char *
check_customer (KassaExportDialog *self)
{
  gboolean needed = (get_kind (self) == KASSA_REPORT_CUSTOMER_STATEMENT);
  gboolean missing = needed && kassa_customer_picker_get_customer_id (self->customer_picker) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->customer_row), needed);
  kassa_customer_picker_set_error (self->customer_picker, FALSE);
  adw_action_row_set_subtitle (self->customer_row,
                               missing ? _("Choose the customer of the statement") : NULL);

  return missing ? g_strdup (_("Choose the customer of the statement.")) : NULL;
}

static char *
check_file_name (KassaExportDialog *self)
{
  g_autofree char *name = kassa_form_get_text (GTK_EDITABLE (self->file_name_row));
  const char *problem = NULL;

  if (name[0] == '\0')
    problem = _("Enter a file name.");
  else if (strchr (name, G_DIR_SEPARATOR) != NULL)
    problem = _("Enter a file name without “/”: the folder is chosen next.");

  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->file_name_row), problem);
  return g_strdup (problem);
}

static void
update_export_action (KassaExportDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file",
                                 self->problem == NULL && self->cancellable == NULL);
}

/* Checks every field (showing each problem beside its field), keeps the
 * suggested file name in step with the choices, and enables Export. */
static void
validate (KassaExportDialog *self)
{
  g_autofree char *period = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *file_name = NULL;

  if (self->updating || !self->ready)
    return;

  if (!self->csv)
    {
      period = check_period (self);
      customer = check_customer (self);
      gtk_widget_set_visible (GTK_WIDGET (self->details_row),
                              get_kind (self) == KASSA_REPORT_INVOICE_JOURNAL);
    }
  if (period == NULL)
    suggest_file_name (self);
  file_name = check_file_name (self);

  g_free (self->problem);
  self->problem = g_strdup (period != NULL ? period : customer != NULL ? customer : file_name);
  update_export_action (self);
}

static void
apply_period (KassaExportDialog *self)
{
  PeriodPreset preset = adw_combo_row_get_selected (self->period_row);
  gboolean updating = self->updating;
  KassaDay from, to;

  if (preset >= PERIOD_CUSTOM)
    return;

  period_range (preset, self->today, &from, &to);
  self->updating = TRUE;
  set_entry_day (self->from_entry, from, self->locale);
  set_entry_day (self->to_entry, to, self->locale);
  self->updating = updating;
}

/* Running */

static void
show_error (KassaExportDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
pulse_progress (gpointer user_data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (user_data));
  return G_SOURCE_CONTINUE;
}

static void
set_running (KassaExportDialog *self,
             gboolean           running)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_group), !running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  /* Translators: shown in the progress bar while a file is written */
  gtk_progress_bar_set_text (self->progress_bar, _("Exporting…"));
  update_export_action (self);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  /* A CSV export does not say how far it got: show that it is alive. */
  if (running && self->csv)
    self->pulse_id = g_timeout_add (100, pulse_progress, self->progress_bar);
}

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressUpdate *update = user_data;
  KassaExportDialog *self = update->dialog;
  g_autofree char *text = NULL;

  if (self->disposed || self->cancellable == NULL ||
      g_cancellable_is_cancelled (self->cancellable))
    return G_SOURCE_REMOVE;

  /* Translators: export progress; %d is a percentage (the %% is the sign) */
  text = g_strdup_printf (_("%d %%"), (int) (update->fraction * 100.0 + 0.5));
  gtk_progress_bar_set_fraction (self->progress_bar, update->fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_REMOVE;
}

/* Called in the worker thread: only whole per-mille steps are passed on,
 * so that a million rows do not flood the main loop. */
static void
on_worker_progress (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  ExportJob *job = user_data;
  ProgressUpdate *update;
  guint permille = total > 0 ? (guint) (MIN (done, total) * 1000 / total) : 0;

  if (permille == job->last_permille)
    return;

  job->last_permille = permille;
  update = g_new0 (ProgressUpdate, 1);
  update->dialog = g_object_ref (job->dialog);
  update->fraction = permille / 1000.0;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, deliver_progress, update,
                              (GDestroyNotify) progress_update_free);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(KassaStore) store = NULL;
  GError *error = NULL;
  gboolean ok;

  store = kassa_store_open (job->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->csv)
    ok = kassa_csv_export (store, job->table, job->path, cancellable, &error);
  else
    ok = kassa_report_write_xlsx (store, &job->spec, job->path, on_worker_progress, job,
                                  cancellable, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_open_clicked (AdwToast    *toast,
                 KassaWindow *window)
{
  kassa_document_export_open_uri (GTK_WINDOW (window), g_object_get_data (G_OBJECT (toast), "uri"));
}

static void
show_saved_toast (KassaExportDialog *self,
                  const char        *path)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  AdwToast *toast;

  if (!KASSA_IS_WINDOW (parent))
    return;

  toast = adw_toast_new (self->csv ? _("CSV file saved") : _("Report saved"));
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "uri", g_filename_to_uri (path, NULL, NULL), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_clicked), parent, 0);
  kassa_window_add_toast (KASSA_WINDOW (parent), toast);
}

static gboolean
is_cancelled_error (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, KASSA_REPORT_ERROR, KASSA_REPORT_ERROR_CANCELLED);
}

static void
on_export_done (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  KassaExportDialog *self = KASSA_EXPORT_DIALOG (source_object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self->disposed)
    return;

  g_clear_object (&self->cancellable);
  set_running (self, FALSE);

  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (!ok)
    {
      /* Stopped on request: back to the form, nothing to report. */
      show_error (self, is_cancelled_error (error) ? NULL : error->message);
      return;
    }

  show_saved_toast (self, job->path);
  gtk_window_destroy (GTK_WINDOW (self));
}

static const char *
required_extension (KassaExportDialog *self)
{
  return self->csv ? ".csv" : ".xlsx";
}

static gboolean
has_extension (const char *name,
               const char *extension)
{
  gsize name_len = strlen (name);
  gsize ext_len = strlen (extension);

  return name_len >= ext_len && g_ascii_strcasecmp (name + name_len - ext_len, extension) == 0;
}

/* File chooser */

static void
on_chooser_response (KassaExportDialog *self,
                     int                response)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("This location cannot be written to. Choose a folder on this computer."));
      return;
    }

  kassa_export_dialog_export_to (self, path);
}

static void
add_file_filter (GtkFileChooser *chooser,
                 gboolean        csv)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (csv)
    {
      gtk_file_filter_set_name (filter, _("CSV Files"));
      gtk_file_filter_add_pattern (filter, "*.csv");
      gtk_file_filter_add_mime_type (filter, "text/csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Excel Workbooks"));
      gtk_file_filter_add_pattern (filter, "*.xlsx");
    }

  gtk_file_chooser_add_filter (chooser, filter);
}

static void
set_documents_folder (GtkFileChooser *chooser)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) folder = NULL;

  if (documents == NULL || !g_file_test (documents, G_FILE_TEST_IS_DIR))
    return;

  folder = g_file_new_for_path (documents);
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KassaExportDialog *self = KASSA_EXPORT_DIALOG (widget);
  g_autofree char *name = kassa_form_get_text (GTK_EDITABLE (self->file_name_row));
  GtkFileChooser *chooser;

  if (self->problem != NULL || self->cancellable != NULL || self->chooser != NULL)
    return;

  /* The extension is added before the chooser asks about replacing a file. */
  if (!has_extension (name, required_extension (self)))
    {
      char *full = g_strconcat (name, required_extension (self), NULL);

      g_free (name);
      name = full;
    }

  self->chooser = gtk_file_chooser_native_new (self->csv ? _("Save CSV File") : _("Save Report"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_file_filter (chooser, self->csv);
  set_documents_folder (chooser);
  gtk_file_chooser_set_current_name (chooser, name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Callbacks */

/* Report, customer or language: only the checks and the file name follow. */
static void
on_choice_changed (KassaExportDialog *self)
{
  validate (self);
}

static void
on_period_selected (KassaExportDialog *self)
{
  if (self->updating)
    return;

  apply_period (self);
  validate (self);
}

static void
on_date_changed (KassaExportDialog *self)
{
  if (self->updating || !self->ready)
    return;

  /* Typing a date makes the period a custom one. */
  self->updating = TRUE;
  adw_combo_row_set_selected (self->period_row, PERIOD_CUSTOM);
  self->updating = FALSE;
  validate (self);
}

static void
on_file_name_changed (KassaExportDialog *self)
{
  if (self->updating || !self->ready)
    return;

  self->file_name_edited = TRUE;
  validate (self);
}

static void
on_entry_activate (KassaExportDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "export.choose-file", NULL);
}

static void
on_cancel_clicked (KassaExportDialog *self)
{
  if (self->cancellable != NULL)
    {
      /* Translators: shown in the progress bar after Cancel was clicked */
      gtk_progress_bar_set_text (self->progress_bar, _("Stopping…"));
      g_cancellable_cancel (self->cancellable);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

/* Setup */

static void
setup_report_row (KassaExportDialog *self,
                  KassaReportKind    kind)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < KASSA_N_REPORTS; i++)
    gtk_string_list_append (names, kassa_report_kind_get_name ((KassaReportKind) i));

  adw_combo_row_set_model (self->report_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->report_row, kind);
}

static void
setup_period_row (KassaExportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < N_PERIODS; i++)
    gtk_string_list_append (labels, _(period_labels[i]));

  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (labels));
  /* The month just closed is what the accountant usually asks for. */
  adw_combo_row_set_selected (self->period_row, PERIOD_LAST_MONTH);
  apply_period (self);
}

static void
setup_language_row (KassaExportDialog *self)
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (self->store);
  const KassaFormChoice *choices;
  guint n_choices;

  choices = kassa_form_language_choices (&n_choices);
  kassa_form_combo_setup (self->language_row, choices, n_choices);
  kassa_form_combo_set_id (self->language_row,
                           company != NULL && company->document_language != NULL
                           ? company->document_language : "en");
}

static void
setup_csv_mode (KassaExportDialog *self)
{
  static const char *const titles[] = {
    [KASSA_CSV_CUSTOMERS] = N_("Export Customers"),
    [KASSA_CSV_INVOICES] = N_("Export Invoices"),
    [KASSA_CSV_PAYMENTS] = N_("Export Payments"),
  };

  gtk_window_set_title (GTK_WINDOW (self), _(titles[self->table]));
  adw_window_title_set_title (self->window_title, _(titles[self->table]));
  /* Translators: subtitle of the CSV export dialog */
  adw_window_title_set_subtitle (self->window_title, _("Comma-Separated Values"));

  gtk_widget_set_visible (GTK_WIDGET (self->report_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->period_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->details_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->language_row), FALSE);
}

static KassaExportDialog *
create_dialog (GtkWindow  *parent,
               KassaStore *store,
               gboolean    csv)
{
  KassaExportDialog *self = g_object_new (KASSA_TYPE_EXPORT_DIALOG,
                                          "transient-for", parent,
                                          NULL);

  self->store = g_object_ref (store);
  self->csv = csv;
  kassa_customer_picker_set_store (self->customer_picker, store);
  return self;
}

static void
kassa_export_dialog_dispose (GObject *object)
{
  KassaExportDialog *self = KASSA_EXPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_export_dialog_parent_class)->dispose (object);
}

static void
kassa_export_dialog_finalize (GObject *object)
{
  KassaExportDialog *self = KASSA_EXPORT_DIALOG (object);

  g_free (self->problem);

  G_OBJECT_CLASS (kassa_export_dialog_parent_class)->finalize (object);
}

/* Closing while an export runs stops it; the window goes when the worker
 * has cleaned up its temporary file. */
static gboolean
kassa_export_dialog_close_request (GtkWindow *window)
{
  KassaExportDialog *self = KASSA_EXPORT_DIALOG (window);

  if (self->cancellable != NULL)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (kassa_export_dialog_parent_class)->close_request (window);
}

static void
kassa_export_dialog_class_init (KassaExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kassa_export_dialog_dispose;
  object_class->finalize = kassa_export_dialog_finalize;
  window_class->close_request = kassa_export_dialog_close_request;

  g_type_ensure (KASSA_TYPE_CUSTOMER_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, report_row);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, from_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, to_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, customer_row);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, details_row);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, details_switch);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, customer_picker);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, file_name_row);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KassaExportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_period_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_file_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "export.choose-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "export.choose-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kassa_export_dialog_init (KassaExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->locale = kassa_locale_current ();
  self->today = kassa_clock_today ();
}

/**
 * kassa_export_dialog_new:
 * @parent: the main window (the toast goes there)
 * @store: the company
 * @kind: the report chosen first
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
KassaExportDialog *
kassa_export_dialog_new (GtkWindow       *parent,
                         KassaStore      *store,
                         KassaReportKind  kind)
{
  KassaExportDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < KASSA_N_REPORTS, NULL);

  self = create_dialog (parent, store, FALSE);
  setup_report_row (self, kind);
  setup_period_row (self);
  setup_language_row (self);
  self->ready = TRUE;
  validate (self);
  return self;
}

/**
 * kassa_export_dialog_new_csv:
 * @parent: the main window (the toast goes there)
 * @store: the company
 * @table: the rows to export
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
KassaExportDialog *
kassa_export_dialog_new_csv (GtkWindow     *parent,
                             KassaStore    *store,
                             KassaCsvTable  table)
{
  KassaExportDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (table <= KASSA_CSV_PAYMENTS, NULL);

  self = create_dialog (parent, store, TRUE);
  self->table = table;
  setup_csv_mode (self);
  self->ready = TRUE;
  validate (self);
  return self;
}

void
kassa_export_dialog_export_to (KassaExportDialog *self,
                               const char        *path)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (KASSA_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->cancellable == NULL);
  g_return_if_fail (self->problem == NULL);

  job = g_new0 (ExportJob, 1);
  job->store_path = g_strdup (kassa_store_get_path (self->store));
  job->path = g_strdup (path);
  job->csv = self->csv;
  job->table = self->table;
  if (!self->csv)
    fill_spec (self, &job->spec);
  job->dialog = g_object_ref (self);
  job->context = g_main_context_ref_thread_default ();

  self->cancellable = g_cancellable_new ();
  show_error (self, NULL);
  set_running (self, TRUE);

  task = g_task_new (self, self->cancellable, on_export_done, NULL);
  g_task_set_source_tag (task, kassa_export_dialog_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  /* The worker removes its temporary file before it returns. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, export_in_thread);
}

gboolean
kassa_export_dialog_get_running (KassaExportDialog *self)
{
  g_return_val_if_fail (KASSA_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

AdwComboRow *
kassa_export_dialog_get_report_row (KassaExportDialog *self)
{
  g_return_val_if_fail (KASSA_IS_EXPORT_DIALOG (self), NULL);

  return self->report_row;
}

AdwComboRow *
kassa_export_dialog_get_period_row (KassaExportDialog *self)
{
  g_return_val_if_fail (KASSA_IS_EXPORT_DIALOG (self), NULL);

  return self->period_row;
}

GtkEditable *
kassa_export_dialog_get_from_entry (KassaExportDialog *self)
{
  g_return_val_if_fail (KASSA_IS_EXPORT_DIALOG (self), NULL);

  return GTK_EDITABLE (self->from_entry);
}

GtkEditable *
kassa_export_dialog_get_to_entry (KassaExportDialog *self)
{
  g_return_val_if_fail (KASSA_IS_EXPORT_DIALOG (self), NULL);

  return GTK_EDITABLE (self->to_entry);
}

AdwComboRow *
kassa_export_dialog_get_language_row (KassaExportDialog *self)
{
  g_return_val_if_fail (KASSA_IS_EXPORT_DIALOG (self), NULL);

  return self->language_row;
}

GtkEditable *
kassa_export_dialog_get_file_name_entry (KassaExportDialog *self)
{
  g_return_val_if_fail (KASSA_IS_EXPORT_DIALOG (self), NULL);

  return GTK_EDITABLE (self->file_name_row);
}

GtkWidget *
kassa_export_dialog_get_export_button (KassaExportDialog *self)
{
  g_return_val_if_fail (KASSA_IS_EXPORT_DIALOG (self), NULL);

  return self->export_button;
}

const char *
kassa_export_dialog_get_problem (KassaExportDialog *self)
{
  g_return_val_if_fail (KASSA_IS_EXPORT_DIALOG (self), NULL);

  return self->problem;
}
