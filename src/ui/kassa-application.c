/* kassa-application.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-application"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kassa-application.h"
#include "kassa-clock.h"
#include "kassa-csv-export.h"
#include "kassa-csv-import.h"
#include "kassa-customer.h"
#include "kassa-date.h"
#include "kassa-demo.h"
#include "kassa-money.h"
#include "kassa-report.h"
#include "kassa-startup-probe.h"
#include "kassa-window.h"

#define MAX_RECENT_FILES 10

/* Exit statuses of the command line (see --help). */
#define EXIT_OK      0
#define EXIT_FAILED  1
#define EXIT_USAGE   2

struct _KassaApplication
{
  AdwApplication        parent_instance;

  GSettings            *settings;
  GtkFileChooserNative *chooser;
  /* --demo given to this (primary) instance. */
  gboolean              open_demo;
  /* The arguments being parsed, while local_command_line runs: what the
   * options leave is the CSV file of --import. */
  char               ***local_arguments;
};

G_DEFINE_FINAL_TYPE (KassaApplication, kassa_application, ADW_TYPE_APPLICATION)

static char *
get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "kassa", "company.kassa", NULL);
}

static char *
get_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "kassa", "demo.kassa", NULL);
}

/* The last file used, unless it disappeared (an unmounted disk must not
 * make us create an empty company in its place). */
static char *
get_start_path (KassaApplication *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-file");

  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&last);

  return get_default_path ();
}

static KassaWindow *
get_main_window (KassaApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  KassaWindow *window;

  if (KASSA_IS_WINDOW (active))
    return KASSA_WINDOW (active);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (KASSA_IS_WINDOW (l->data))
        return KASSA_WINDOW (l->data);
    }

  window = kassa_window_new (GTK_APPLICATION (self));
  kassa_startup_probe_attach (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
remember_file (KassaApplication *self,
               const char       *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_FILES; i++)
    {
      if (g_strcmp0 (recent[i], path) == 0)
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) updated);
  g_settings_set_string (self->settings, "last-file", path);
}

static void
on_open_error_response (KassaApplication *self,
                        const char       *response)
{
  if (g_strcmp0 (response, "open") == 0)
    g_action_group_activate_action (G_ACTION_GROUP (self), "open", NULL);
  else if (g_strcmp0 (response, "new") == 0)
    g_action_group_activate_action (G_ACTION_GROUP (self), "new-company", NULL);
}

static void
show_open_error (KassaApplication *self,
                 KassaWindow      *window,
                 const char       *path,
                 const GError     *error)
{
  AdwMessageDialog *dialog;
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *heading = NULL;

  /* Translators: %s is a file name. */
  heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), heading,
                                                       error->message));
  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Close"),
                                    "new", _("_New Company File…"),
                                    "open", _("_Open Another File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_error_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
fill_demo (KassaStore  *store,
           GError     **error)
{
  KassaDemoSpec spec;

  if (kassa_store_has_company (store))
    return TRUE;

  kassa_demo_spec_init_demo (&spec, kassa_clock_today ());
  return kassa_demo_generate (store, &spec, error);
}

void
kassa_application_open_path (KassaApplication *self,
                             const char       *path,
                             gboolean          demo)
{
  KassaWindow *window;
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KASSA_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  window = get_main_window (self);
  store = kassa_store_open (path, &error);
  if (store != NULL && demo && !fill_demo (store, &error))
    g_clear_object (&store);

  if (store == NULL)
    {
      g_debug ("Cannot open %s: %s", path, error->message);
      show_open_error (self, window, path, error);
      return;
    }

  remember_file (self, path);
  kassa_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_chooser_response (KassaApplication     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  g_clear_object (&self->chooser);

  if (path != NULL)
    kassa_application_open_path (self, path, FALSE);
}

static void
run_chooser (KassaApplication     *self,
             GtkFileChooserAction  action)
{
  gboolean saving = (action == GTK_FILE_CHOOSER_ACTION_SAVE);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  KassaWindow *window = get_main_window (self);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (saving ? _("New Company File") : _("Open Company File"),
                                               GTK_WINDOW (window), action,
                                               saving ? _("_Create") : _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, _("Kassa Company Files"));
  gtk_file_filter_add_pattern (filter, "*.kassa");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  if (saving)
    /* Translators: the suggested file name of a new company file. */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("Company.kassa"));

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
new_company_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  run_chooser (KASSA_APPLICATION (user_data), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  run_chooser (KASSA_APPLICATION (user_data), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
open_recent_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  kassa_application_open_path (KASSA_APPLICATION (user_data),
                               g_variant_get_string (parameter, NULL), FALSE);
}

static void
open_demo_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  g_autofree char *path = get_demo_path ();

  kassa_application_open_path (KASSA_APPLICATION (user_data), path, TRUE);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing (not destroying) lets windows save their size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_list_free (windows);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { "The Kassa developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", "Kassa",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "The Kassa developers",
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* The most recently focused main window, even when a dialog is active. */
  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (GTK_IS_APPLICATION_WINDOW (l->data))
        {
          gtk_widget_activate_action (GTK_WIDGET (l->data), "win.show-help-overlay", NULL);
          return;
        }
    }
}

static const GActionEntry app_actions[] = {
  { "new-company", new_company_activated },
  { "open", open_activated },
  { "open-recent", open_recent_activated, "s" },
  { "open-demo", open_demo_activated },
  { "quit", quit_activated },
  { "about", about_activated },
  { "shortcuts", shortcuts_activated },
};

static void
set_accels (GtkApplication *app,
            const char     *action,
            const char     *accel,
            const char     *second_accel)
{
  const char *accels[] = { accel, second_accel, NULL };

  gtk_application_set_accels_for_action (app, action, accels);
}

static void
setup_accels (GtkApplication *app)
{
  const char *none[] = { NULL };

  set_accels (app, "app.new-company", "<Primary><Shift>n", NULL);
  set_accels (app, "app.open", "<Primary>o", NULL);
  set_accels (app, "app.quit", "<Primary>q", NULL);
  set_accels (app, "app.shortcuts", "<Primary>question", "<Primary>slash");
  /* GtkApplication gives the built-in help overlay action the same keys;
   * app.shortcuts owns them so that they are listed once. */
  gtk_application_set_accels_for_action (app, "win.show-help-overlay", none);
  set_accels (app, "win.new-invoice", "<Primary>n", NULL);
  set_accels (app, "win.new-customer", "<Primary><Shift>c", NULL);
  set_accels (app, "win.search", "<Primary>f", NULL);
  set_accels (app, "win.company-details", "<Primary>comma", NULL);
  set_accels (app, "win.export-report", "<Primary>e", NULL);
  set_accels (app, "win.show-page::overview", "<Alt>1", NULL);
  set_accels (app, "win.show-page::customers", "<Alt>2", NULL);
  set_accels (app, "win.show-page::invoices", "<Alt>3", NULL);
}

static void
kassa_application_startup (GApplication *application)
{
  KassaApplication *self = KASSA_APPLICATION (application);

  G_APPLICATION_CLASS (kassa_application_parent_class)->startup (application);

  self->settings = g_settings_new ("io.github.kassa.Kassa");
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  setup_accels (GTK_APPLICATION (self));
}

static void
kassa_application_activate (GApplication *application)
{
  KassaApplication *self = KASSA_APPLICATION (application);
  g_autofree char *path = NULL;

  if (self->open_demo)
    {
      self->open_demo = FALSE;
      g_action_group_activate_action (G_ACTION_GROUP (self), "open-demo", NULL);
      return;
    }

  if (gtk_application_get_active_window (GTK_APPLICATION (self)) != NULL)
    {
      gtk_window_present (gtk_application_get_active_window (GTK_APPLICATION (self)));
      return;
    }

  path = get_start_path (self);
  kassa_application_open_path (self, path, FALSE);
}

static void
kassa_application_open (GApplication  *application,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  KassaApplication *self = KASSA_APPLICATION (application);
  g_autofree char *path = NULL;

  /* One company at a time: the first file wins. */
  if (n_files < 1)
    return;

  path = g_file_get_path (files[0]);
  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Only company files on this computer can be opened."));
      g_autofree char *uri = g_file_get_uri (files[0]);

      show_open_error (self, get_main_window (self), uri, error);
      return;
    }

  kassa_application_open_path (self, path, FALSE);
}

/* Command line: exports and the demo company without a window.  This runs
 * from handle-local-options, before GTK is initialised, so it needs no
 * display. */

typedef struct
{
  const char *report;      /* --export */
  const char *table;       /* --export-csv */
  const char *from;
  const char *to;
  const char *language;
  const char *customer;
  gboolean    without_details; /* journal without its Lines and Payments sheets */
  const char *output;      /* filenames */
  const char *company;
  gboolean    demo;
  const char *import;      /* --import TABLE; the CSV file is the positional argument */
  gboolean    dry_run;
} CommandLine;

static void
read_command_line (GVariantDict *options,
                   CommandLine  *cli)
{
  *cli = (CommandLine) { NULL };
  g_variant_dict_lookup (options, "export", "&s", &cli->report);
  g_variant_dict_lookup (options, "export-csv", "&s", &cli->table);
  g_variant_dict_lookup (options, "from", "&s", &cli->from);
  g_variant_dict_lookup (options, "to", "&s", &cli->to);
  g_variant_dict_lookup (options, "language", "&s", &cli->language);
  g_variant_dict_lookup (options, "customer", "&s", &cli->customer);
  cli->without_details = g_variant_dict_contains (options, "without-details");
  g_variant_dict_lookup (options, "output", "^&ay", &cli->output);
  g_variant_dict_lookup (options, "company", "^&ay", &cli->company);
  cli->demo = g_variant_dict_contains (options, "demo");
  g_variant_dict_lookup (options, "import", "&s", &cli->import);
  cli->dry_run = g_variant_dict_contains (options, "dry-run");
}

/* Anything but a plain --demo (which opens the window) is for scripts. */
static gboolean
is_batch (const CommandLine *cli)
{
  return cli->report != NULL || cli->table != NULL || cli->from != NULL || cli->to != NULL ||
         cli->language != NULL || cli->customer != NULL || cli->output != NULL ||
         cli->company != NULL || cli->import != NULL || cli->dry_run || cli->without_details;
}

static int
usage_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  /* Translators: %s is the program name, "kassa" */
  g_printerr (_("Run “%s --help” to see the options."), g_get_prgname ());
  g_printerr ("\n");
  return EXIT_USAGE;
}

static int
failure (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  return EXIT_FAILED;
}

/* Scripts write dates one way only: YYYY-MM-DD. */
static gboolean
parse_iso_day (const char *text,
               KassaDay   *day)
{
  int year, month, mday, consumed = 0;

  if (sscanf (text, "%4d-%2d-%2d%n", &year, &month, &mday, &consumed) != 3 ||
      text[consumed] != '\0' || strlen (text) != 10 ||
      !g_date_valid_dmy (mday, month, year))
    return FALSE;

  *day = kassa_day_from_ymd (year, month, mday);
  return TRUE;
}

static char *
report_ids (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint kind = 0; kind < KASSA_N_REPORTS; kind++)
    g_strv_builder_add (builder, kassa_report_kind_to_id ((KassaReportKind) kind));

  ids = g_strv_builder_end (builder);
  return g_strjoinv (", ", ids);
}

static gboolean
parse_csv_table (const char    *id,
                 KassaCsvTable *table)
{
  static const char *const ids[] = { "customers", "invoices", "payments" };
  static const KassaCsvTable tables[] = { KASSA_CSV_CUSTOMERS, KASSA_CSV_INVOICES,
                                          KASSA_CSV_PAYMENTS };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      if (g_str_equal (id, ids[i]))
        {
          *table = tables[i];
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_known_language (const char *code)
{
  return g_strv_contains ((const char * const[]) { "fi", "sv", "en", "zh_CN", NULL }, code);
}

/* Checks what only depends on the arguments; returns EXIT_OK or the
 * usage error's status.  Fills spec (without language and customer). */
static int
check_report_arguments (const CommandLine *cli,
                        KassaReportSpec   *spec)
{
  g_autofree char *message = NULL;
  const char *bad_day = NULL;

  if (!kassa_report_kind_from_id (cli->report, &spec->kind))
    {
      g_autofree char *ids = report_ids ();

      /* Translators: the first %s is what was typed, the second the list of report names */
      message = g_strdup_printf (_("Unknown report “%s”. Use one of: %s."), cli->report, ids);
      return usage_error (message);
    }

  spec->without_details = cli->without_details;
  if (cli->from == NULL || cli->to == NULL)
    return usage_error (_("Give the period with --from YYYY-MM-DD and --to YYYY-MM-DD."));

  if (!parse_iso_day (cli->from, &spec->from))
    bad_day = cli->from;
  else if (!parse_iso_day (cli->to, &spec->to))
    bad_day = cli->to;

  if (bad_day != NULL)
    {
      /* Translators: %s is what was typed after --from or --to */
      message = g_strdup_printf (_("“%s” is not a date. Write dates as YYYY-MM-DD, "
                                   "for example 2026-01-31."), bad_day);
      return usage_error (message);
    }

  if (spec->to < spec->from)
    return usage_error (_("The period cannot end before it begins."));

  if (cli->language != NULL && !is_known_language (cli->language))
    {
      /* Translators: %s is what was typed after --language */
      message = g_strdup_printf (_("Unknown language “%s”. Use fi, sv, en or zh_CN."),
                                 cli->language);
      return usage_error (message);
    }

  if (spec->kind == KASSA_REPORT_CUSTOMER_STATEMENT && cli->customer == NULL)
    return usage_error (_("The customer statement needs --customer NUMBER."));
  if (spec->kind != KASSA_REPORT_CUSTOMER_STATEMENT && cli->customer != NULL)
    return usage_error (_("--customer applies only to the customer statement."));
  if (spec->kind != KASSA_REPORT_INVOICE_JOURNAL && cli->without_details)
    return usage_error (_("--without-details applies only to the invoice journal."));

  return EXIT_OK;
}

static int
check_import_arguments (const CommandLine *cli)
{
  if (cli->import == NULL)
    return usage_error (_("--dry-run applies only to --import."));

  if (cli->demo || cli->report != NULL || cli->table != NULL || cli->from != NULL ||
      cli->to != NULL || cli->language != NULL || cli->customer != NULL || cli->output != NULL ||
      cli->without_details)
    return usage_error (_("--import takes only the CSV file, --company FILE and --dry-run."));

  return EXIT_OK;
}

static int
check_arguments (const CommandLine *cli)
{
  if (cli->import != NULL || cli->dry_run)
    return check_import_arguments (cli);

  if (cli->demo && (cli->report != NULL || cli->table != NULL || cli->from != NULL ||
                    cli->to != NULL || cli->language != NULL || cli->customer != NULL ||
                    cli->company != NULL || cli->without_details))
    return usage_error (_("--demo takes only --output FILE, the file to create."));

  if (cli->report != NULL && cli->table != NULL)
    return usage_error (_("Use either --export or --export-csv, not both."));

  if (!cli->demo && cli->report == NULL && cli->table == NULL)
    return usage_error (_("--output, --from, --to, --language, --customer and --company need "
                          "--export or --export-csv."));

  if (cli->output == NULL)
    return usage_error (_("Name the file to write with --output FILE."));

  if (cli->table != NULL && (cli->from != NULL || cli->to != NULL || cli->language != NULL ||
                             cli->customer != NULL || cli->without_details))
    return usage_error (_("--export-csv exports every row: it takes no --from, --to, "
                          "--language or --customer."));

  return EXIT_OK;
}

static int
open_company (const char  *path,
              KassaStore **store)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  /* Opening creates missing files: a script must not get an empty company. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file path */
      message = g_strdup_printf (_("The company file “%s” does not exist. "
                                   "Name it with --company FILE."), name);
      return failure (message);
    }

  *store = kassa_store_open (path, &error);
  if (*store == NULL)
    return failure (error->message);

  if (!kassa_store_has_company (*store))
    {
      /* Translators: %s is a file path */
      message = g_strdup_printf (_("“%s” has no company yet. Open it in Kassa and enter the "
                                   "company details first."), name);
      g_clear_object (store);
      return failure (message);
    }

  return EXIT_OK;
}

static int
run_report_export (const CommandLine *cli,
                   KassaStore        *store,
                   KassaReportSpec   *spec)
{
  g_autoptr(GError) error = NULL;

  if (cli->customer != NULL)
    {
      spec->customer_id = kassa_store_find_customer_by_number (store, cli->customer);
      if (spec->customer_id == 0)
        {
          /* Translators: %s is a customer number */
          g_autofree char *message = g_strdup_printf (_("No customer has the number “%s”."),
                                                      cli->customer);
          return failure (message);
        }
    }

  if (cli->language != NULL)
    spec->language = kassa_locale_from_name (cli->language);
  else
    {
      g_autoptr(KassaCompany) company = kassa_store_get_company (store);

      spec->language = kassa_locale_from_name (company->document_language);
    }

  spec->today = kassa_clock_today ();
  if (!kassa_report_write_xlsx (store, spec, cli->output, NULL, NULL, NULL, &error))
    return failure (error->message);

  return EXIT_OK;
}

static int
run_export (const CommandLine *cli)
{
  g_autofree char *default_path = get_default_path ();
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  KassaReportSpec spec = { 0 };
  KassaCsvTable table = KASSA_CSV_CUSTOMERS;
  int status;

  if (cli->table != NULL && !parse_csv_table (cli->table, &table))
    {
      /* Translators: %s is what was typed after --export-csv */
      g_autofree char *message = g_strdup_printf (_("Unknown table “%s”. Use customers, "
                                                    "invoices or payments."), cli->table);
      return usage_error (message);
    }

  if (cli->report != NULL && (status = check_report_arguments (cli, &spec)) != EXIT_OK)
    return status;

  if ((status = open_company (cli->company != NULL ? cli->company : default_path,
                              &store)) != EXIT_OK)
    return status;

  if (cli->report != NULL)
    return run_report_export (cli, store, &spec);

  if (!kassa_csv_export (store, table, cli->output, NULL, &error))
    return failure (error->message);

  return EXIT_OK;
}

static int
run_create_demo (const CommandLine *cli)
{
  g_autofree char *name = g_filename_display_name (cli->output);
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_test (cli->output, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file path */
      g_autofree char *message = g_strdup_printf (_("“%s” already exists. Choose a new file "
                                                    "name for the demo company."), name);
      return failure (message);
    }

  store = kassa_store_open (cli->output, &error);
  if (store != NULL && !fill_demo (store, &error))
    {
      g_clear_object (&store);
      g_unlink (cli->output);
    }

  if (store == NULL)
    return failure (error->message);

  return EXIT_OK;
}

/* Import */

static void
print_row_errors (GPtrArray *errors)
{
  for (guint i = 0; i < errors->len; i++)
    {
      const KassaCsvRowError *row_error = g_ptr_array_index (errors, i);

      /* Not translated: scripts read "row N: " (the reason is translated). */
      g_printerr ("row %u: %s\n", row_error->row, row_error->reason);
    }
}

static char *
format_import_summary (KassaCsvTable                table,
                       const KassaCsvImportSummary *summary,
                       gboolean                     dry_run)
{
  switch (table)
    {
    case KASSA_CSV_CUSTOMERS:
      return g_strdup_printf (dry_run
                              /* Translators: %u is a number of customers; --dry-run wrote nothing */
                              ? ngettext ("Checked: %u customer can be imported",
                                          "Checked: %u customers can be imported", summary->customers)
                              /* Translators: %u is a number of customers */
                              : ngettext ("Imported %u customer", "Imported %u customers",
                                          summary->customers),
                              summary->customers);
    case KASSA_CSV_INVOICES:
      return g_strdup_printf (dry_run
                              /* Translators: %u is a number of invoices; --dry-run wrote nothing */
                              ? ngettext ("Checked: %u invoice can be imported",
                                          "Checked: %u invoices can be imported", summary->invoices)
                              /* Translators: %u is a number of invoices */
                              : ngettext ("Imported %u invoice", "Imported %u invoices",
                                          summary->invoices),
                              summary->invoices);
    case KASSA_CSV_PAYMENTS:
    default:
      return g_strdup_printf (dry_run
                              /* Translators: %u is a number of payments; --dry-run wrote nothing */
                              ? ngettext ("Checked: %u payment can be imported",
                                          "Checked: %u payments can be imported", summary->payments)
                              /* Translators: %u is a number of payments */
                              : ngettext ("Imported %u payment", "Imported %u payments",
                                          summary->payments),
                              summary->payments);
    }
}

/* The CSV file: the one positional argument.  GApplication leaves the
 * arguments that are not options (the files it would open) in argv. */
static int
get_import_path (char ***arguments,
                 char  **path)
{
  char **files = arguments != NULL && *arguments != NULL && (*arguments)[0] != NULL
                 ? *arguments + 1 : NULL;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return usage_error (_("Name one CSV file to import, for example: "
                          "kassa --import customers customers.csv"));

  *path = g_strdup (files[0]);
  return EXIT_OK;
}

static KassaCsvFile *
load_import_file (const char  *path,
                  int         *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KassaCsvFile) file = kassa_csv_file_load (path, &error);
  KassaCsvFormat format;

  *status = EXIT_FAILED;
  if (file == NULL)
    {
      failure (error->message);
      return NULL;
    }

  kassa_csv_file_get_format (file, &format);
  /* Without a header the columns could only be guessed by position. */
  if (!format.has_header)
    {
      failure (_("The first row of the file must name the columns, for example "
                 "“name,email,phone”. Add such a row and import again."));
      return NULL;
    }

  if (format.date_ambiguous)
    {
      failure (_("The dates could be read as day/month or as month/day. Write them as "
                 "YYYY-MM-DD or d.m.yyyy and import again."));
      return NULL;
    }

  *status = EXIT_OK;
  return g_steal_pointer (&file);
}

static int
run_validated_import (const CommandLine *cli,
                      KassaCsvImport    *import,
                      KassaCsvTable      table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = kassa_csv_import_validate (import, NULL, &error);
  g_autofree char *summary_text = NULL;
  KassaCsvImportSummary summary;

  if (errors == NULL)
    return failure (error->message);

  if (errors->len > 0)
    {
      g_autofree char *message = NULL;

      print_row_errors (errors);
      /* Translators: %u is a number of rows */
      message = g_strdup_printf (ngettext ("%u row has errors; nothing was imported.",
                                           "%u rows have errors; nothing was imported.",
                                           errors->len),
                                 errors->len);
      return failure (message);
    }

  kassa_csv_import_get_ready (import, &summary);
  if (!cli->dry_run && !kassa_csv_import_commit (import, NULL, &summary, &error))
    return failure (error->message);

  summary_text = format_import_summary (table, &summary, cli->dry_run);
  g_print ("%s\n", summary_text);
  return EXIT_OK;
}

static int
run_import (const CommandLine  *cli,
            char             ***arguments)
{
  g_autofree char *default_path = get_default_path ();
  g_autofree char *path = NULL;
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(KassaCsvFile) file = NULL;
  g_autoptr(KassaCsvImport) import = NULL;
  KassaCsvTable table;
  int status;

  if (!parse_csv_table (cli->import, &table))
    {
      /* Translators: %s is what was typed after --import */
      g_autofree char *message = g_strdup_printf (_("Unknown table “%s”. Use customers, "
                                                    "invoices or payments."), cli->import);
      return usage_error (message);
    }

  if ((status = get_import_path (arguments, &path)) != EXIT_OK ||
      (status = open_company (cli->company != NULL ? cli->company : default_path,
                              &store)) != EXIT_OK)
    return status;

  file = load_import_file (path, &status);
  if (file == NULL)
    return status;

  import = kassa_csv_import_new (store, table, file);
  status = run_validated_import (cli, import, table);
  /* The import borrows the file: free it first. */
  g_clear_pointer (&import, kassa_csv_import_free);
  return status;
}

static int
run_command_line (KassaApplication *self,
                  GVariantDict     *options)
{
  CommandLine cli;
  int status;

  read_command_line (options, &cli);
  if ((status = check_arguments (&cli)) != EXIT_OK)
    return status;

  if (cli.import != NULL)
    return run_import (&cli, self->local_arguments);

  return cli.demo ? run_create_demo (&cli) : run_export (&cli);
}

static int
kassa_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  KassaApplication *self = KASSA_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  CommandLine cli;

  read_command_line (options, &cli);
  if (is_batch (&cli))
    return run_command_line (self, options);

  if (!cli.demo)
    return -1;

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* A running instance gets the request; this process is done. */
  if (g_application_get_is_remote (application))
    {
      g_action_group_activate_action (G_ACTION_GROUP (application), "open-demo", NULL);
      return 0;
    }

  self->open_demo = TRUE;
  return -1;
}

static gboolean
kassa_application_local_command_line (GApplication   *application,
                                      char         ***arguments,
                                      int            *exit_status)
{
  KassaApplication *self = KASSA_APPLICATION (application);
  gboolean handled;

  self->local_arguments = arguments;
  handled = G_APPLICATION_CLASS (kassa_application_parent_class)->local_command_line (application,
                                                                                     arguments,
                                                                                     exit_status);
  self->local_arguments = NULL;
  return handled;
}

static void
kassa_application_dispose (GObject *object)
{
  KassaApplication *self = KASSA_APPLICATION (object);

  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kassa_application_parent_class)->dispose (object);
}

static void
kassa_application_class_init (KassaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kassa_application_dispose;
  app_class->startup = kassa_application_startup;
  app_class->activate = kassa_application_activate;
  app_class->open = kassa_application_open;
  app_class->handle_local_options = kassa_application_handle_local_options;
  app_class->local_command_line = kassa_application_local_command_line;
}

static void
kassa_application_init (KassaApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the demo company, creating it when needed"), NULL },
    { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write the Excel report REPORT (journal, sales, vat, aging, statement, payments, kpi, "
         "cashflow) and exit"), N_("REPORT") },
    { "export-csv", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write every row of TABLE (customers, invoices, payments) as CSV and exit"),
      N_("TABLE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("First day of the report period"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Last day of the report period"), N_("YYYY-MM-DD") },
    { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Language of the workbook: fi, sv, en or zh_CN (default: the company’s document "
         "language)"), N_("CODE") },
    { "customer", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Customer number, for the customer statement"), N_("NUMBER") },
    { "without-details", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --export journal: one row per invoice, without the Lines and Payments sheets"),
      NULL },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The file to write"), N_("FILE") },
    { "company", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The company file to read (default: company.kassa in Kassa’s data folder)"),
      N_("FILE") },
    { "import", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Import the CSV file given after the options into TABLE (customers, invoices, "
         "payments) and exit"), N_("TABLE") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --import: check every row and report the errors, writing nothing"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE]"));
  /* Translators: shown by kassa --help; keep the option names as they are */
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens the company file FILE, or the last one "
                                              "used. With --export, --export-csv, --import or "
                                              "--demo --output, works without a window and "
                                              "exits."));
  /* Translators: shown by kassa --help; keep the command lines as they are */
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("Examples:\n"
                                                  "  kassa --export journal --from 2026-01-01 "
                                                  "--to 2026-12-31 --output journal.xlsx\n"
                                                  "  kassa --export statement --customer 1001 "
                                                  "--from 2026-01-01 --to 2026-06-30 "
                                                  "--language sv --output statement.xlsx\n"
                                                  "  kassa --export-csv invoices --company "
                                                  "shop.kassa --output invoices.csv\n"
                                                  "  kassa --import customers customers.csv "
                                                  "--company shop.kassa --dry-run\n"
                                                  "  kassa --demo --output demo.kassa\n"
                                                  "\n"
                                                  "Exit status: 0 done, 1 failed (the reason is "
                                                  "printed), 2 wrong options."));
}

KassaApplication *
kassa_application_new (void)
{
  return g_object_new (KASSA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       /* The same resources serve the .Devel profile. */
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}
