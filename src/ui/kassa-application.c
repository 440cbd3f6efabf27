/* kassa-application.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-application"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-application.h"
#include "kassa-clock.h"
#include "kassa-demo.h"
#include "kassa-startup-probe.h"
#include "kassa-window.h"

#define MAX_RECENT_FILES 10

struct _KassaApplication
{
  AdwApplication        parent_instance;

  GSettings            *settings;
  GtkFileChooserNative *chooser;
  /* --demo given to this (primary) instance. */
  gboolean              open_demo;
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

static int
kassa_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  KassaApplication *self = KASSA_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "demo"))
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
}

static void
kassa_application_init (KassaApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the demo company, creating it when needed"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE]"));
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
