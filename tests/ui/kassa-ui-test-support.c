/* kassa-ui-test-support.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the UI tests share: the test program's setup, a child process per
 * test case, the application and its company file, running the main loop
 * until something happens, and finding and pressing widgets.
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-date.h"
#include "kassa-format.h"
#include "kassa-money.h"
#include "kassa-records.h"
#include "kassa-ui-test-support.h"

/* Where the system data dirs are passed on to the test's child processes,
 * whose own XDG_DATA_DIRS the isolation has already replaced. */
#define SYSTEM_DATA_DIRS_ENV "KASSA_TEST_SYSTEM_DATA_DIRS"

static char *system_data_dirs;

/* The test program */

void
init_ui_test (int    *argc,
              char ***argv)
{
  const char *localedir = g_getenv ("KASSA_LOCALEDIR");
  const char *data_dirs = g_getenv (SYSTEM_DATA_DIRS_ENV);

  /* Remembered before the isolation empties them, for the children too. */
  if (data_dirs == NULL)
    data_dirs = g_getenv ("XDG_DATA_DIRS");
  system_data_dirs = g_strdup (data_dirs != NULL && data_dirs[0] != '\0'
                               ? data_dirs : "/usr/local/share:/usr/share");
  g_setenv (SYSTEM_DATA_DIRS_ENV, system_data_dirs, TRUE);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* Like main.c, but with the build's translations. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* G_TEST_OPTION_ISOLATE_DIRS gives each test empty system data dirs too,
 * where neither the MIME database (GdkPixbuf needs it to load SVG icons)
 * nor the icon theme is found: append the real ones.  The user dirs stay
 * isolated. */
static void
add_system_data_dirs (void)
{
  g_autofree char *dirs = g_strjoin (":", g_getenv ("XDG_DATA_DIRS"), system_data_dirs, NULL);

  g_setenv ("XDG_DATA_DIRS", dirs, TRUE);
}

/* GTK's own schemas (the file chooser's) are in the system data dirs,
 * which the isolation hides from GSettings: name their folders after the
 * build's. */
static void
add_system_schema_dirs (void)
{
  g_auto(GStrv) data_dirs = g_strsplit (system_data_dirs, G_SEARCHPATH_SEPARATOR_S, 0);
  g_autoptr(GString) path = g_string_new (g_getenv ("GSETTINGS_SCHEMA_DIR"));

  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      g_autofree char *schemas = g_build_filename (data_dirs[i], "glib-2.0", "schemas", NULL);

      if (!g_file_test (schemas, G_FILE_TEST_IS_DIR))
        continue;
      if (path->len > 0)
        g_string_append (path, G_SEARCHPATH_SEPARATOR_S);
      g_string_append (path, schemas);
    }

  g_setenv ("GSETTINGS_SCHEMA_DIR", path->str, TRUE);
}

/* In the test case (the child process), not in main (): GTK then reads the
 * test's own dirs, and the dirs GLib cached before the isolation are not
 * left behind (LeakSanitizer reports them). */
static void
init_gtk (void)
{
  add_system_data_dirs ();
  add_system_schema_dirs ();
  gtk_init ();
  adw_init ();
}

/* GLib replaces its cached user dirs when the next test case isolates its
 * own, and leaks the old strings on purpose (callers may hold them).  Kept
 * here, they stay reachable and LeakSanitizer does not report GLib's
 * harness. */
static void
keep_isolated_dirs (void)
{
  static GPtrArray *kept;

  if (kept == NULL)
    kept = g_ptr_array_new ();

  g_ptr_array_add (kept, (gpointer) g_get_home_dir ());
  g_ptr_array_add (kept, (gpointer) g_get_user_cache_dir ());
  g_ptr_array_add (kept, (gpointer) g_get_user_config_dir ());
  g_ptr_array_add (kept, (gpointer) g_get_user_data_dir ());
  g_ptr_array_add (kept, (gpointer) g_get_user_state_dir ());
  g_ptr_array_add (kept, (gpointer) g_get_user_runtime_dir ());
  g_ptr_array_add (kept, (gpointer) g_get_system_config_dirs ());
  g_ptr_array_add (kept, (gpointer) g_get_system_data_dirs ());
}

/* A registered application keeps its bus name until the process ends
 * (something keeps a reference to it): each case runs in a child process
 * of its own, with a clean set of windows and isolated dirs. */
gboolean
in_parent_process (void)
{
  if (!g_test_subprocess ())
    {
      keep_isolated_dirs ();
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return TRUE;
    }

  init_gtk ();
  return FALSE;
}

/* The company file */

char *
default_company_path (void)
{
  return g_build_filename (g_get_user_data_dir (), DEFAULT_COMPANY_FILE, NULL);
}

KassaStore *
create_company_file (const char *file_name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), file_name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(KassaCompany) company = kassa_company_new ();
  g_autoptr(GError) error = NULL;
  KassaStore *store;

  g_assert_cmpint (kassa_clock_today (), ==, kassa_day_from_ymd (2026, 11, 24));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  store = kassa_store_open (path, &error);
  g_assert_no_error (error);

  company->name = g_strdup (TEST_COMPANY_NAME);
  company->iban = g_strdup (TEST_COMPANY_IBAN);
  company->bic = g_strdup ("NDEAFIHH");
  g_strlcpy (company->country, "FI", sizeof company->country);
  g_strlcpy (company->currency, "EUR", sizeof company->currency);
  company->payment_terms_days = TEST_COMPANY_TERMS_DAYS;
  kassa_store_save_company (store, company, &error);
  g_assert_no_error (error);
  return store;
}

KassaCustomerRecord *
test_customer_new (const char *name)
{
  KassaCustomerRecord *customer = kassa_customer_record_new ();

  customer->name = g_strdup (name);
  customer->kind = KASSA_CUSTOMER_BUSINESS;
  g_free (customer->document_language);
  customer->document_language = g_strdup ("en");
  g_strlcpy (customer->country, "FI", sizeof customer->country);
  customer->payment_terms_days = TEST_COMPANY_TERMS_DAYS;
  return customer;
}

gint64
save_test_customer (KassaStore          *store,
                    KassaCustomerRecord *customer)
{
  g_autoptr(GError) error = NULL;

  kassa_store_save_customer (store, customer, &error);
  g_assert_no_error (error);
  return customer->id;
}

gint64
add_test_customer (KassaStore *store,
                   const char *name)
{
  g_autoptr(KassaCustomerRecord) customer = test_customer_new (name);

  return save_test_customer (store, customer);
}

KassaInvoiceRecord *
test_invoice_new (gint64   customer_id,
                  KassaDay issue_date,
                  gint64   amount)
{
  KassaInvoiceRecord *invoice = kassa_invoice_record_new ();
  KassaInvoiceLine *line = kassa_invoice_line_new ();

  invoice->customer_id = customer_id;
  invoice->issue_date = issue_date;
  invoice->due_date = issue_date + TEST_COMPANY_TERMS_DAYS;
  line->description = g_strdup ("Consulting");
  line->quantity = 1000;
  line->unit_price = amount;
  line->vat_rate = 0;
  g_ptr_array_add (invoice->lines, line);
  return invoice;
}

gint64
send_test_invoice (KassaStore         *store,
                   KassaInvoiceRecord *invoice)
{
  g_autoptr(GError) error = NULL;

  kassa_store_save_invoice (store, invoice, &error);
  g_assert_no_error (error);
  kassa_store_send_invoice (store, invoice->id, &error);
  g_assert_no_error (error);
  return invoice->id;
}

gint64
add_test_invoice (KassaStore *store,
                  gint64      customer_id,
                  KassaDay    issue_date,
                  gint64      amount)
{
  g_autoptr(KassaInvoiceRecord) invoice = test_invoice_new (customer_id, issue_date, amount);

  return send_test_invoice (store, invoice);
}

void
add_test_payment (KassaStore *store,
                  gint64      invoice_id,
                  gint64      amount,
                  KassaDay    date)
{
  g_autoptr(KassaPayment) payment = kassa_payment_new ();
  g_autoptr(GError) error = NULL;

  payment->invoice_id = invoice_id;
  payment->amount = amount;
  payment->date = date;
  kassa_store_add_payment (store, payment, FALSE, &error);
  g_assert_no_error (error);
}

KassaCollectionEvent *
test_event_new (gint64              customer_id,
                gint64              invoice_id,
                KassaCollectionKind kind,
                KassaDay            date,
                KassaDay            due_by)
{
  KassaCollectionEvent *event = kassa_collection_event_new ();

  event->customer_id = customer_id;
  event->invoice_id = invoice_id;
  event->kind = kind;
  event->date = date;
  event->due_by = due_by;
  return event;
}

void
save_test_event (KassaStore           *store,
                 KassaCollectionEvent *event)
{
  g_autoptr(GError) error = NULL;

  kassa_store_add_collection_event (store, event, &error);
  g_assert_no_error (error);
}

void
add_test_event (KassaStore          *store,
                gint64               customer_id,
                gint64               invoice_id,
                KassaCollectionKind  kind,
                KassaDay             date,
                KassaDay             due_by)
{
  g_autoptr(KassaCollectionEvent) event = test_event_new (customer_id, invoice_id, kind, date,
                                                          due_by);

  save_test_event (store, event);
}

KassaInvoiceRecord *
get_stored_invoice (KassaStore *store,
                    gint64      invoice_id)
{
  g_autoptr(GError) error = NULL;
  KassaInvoiceRecord *invoice = kassa_store_get_invoice (store, invoice_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (invoice);
  return invoice;
}

KassaCustomerRecord *
get_stored_customer (KassaStore *store,
                     gint64      customer_id)
{
  g_autoptr(GError) error = NULL;
  KassaCustomerRecord *customer = kassa_store_get_customer (store, customer_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (customer);
  return customer;
}

gint64
stored_invoice_number (KassaStore *store,
                       gint64      invoice_id)
{
  g_autoptr(KassaInvoiceRecord) invoice = get_stored_invoice (store, invoice_id);

  return invoice->number;
}

/* Formatting */

char *
day_text (KassaDay day)
{
  return kassa_format_day (day);
}

char *
money_text (gint64 minor)
{
  return kassa_format_money (minor, "EUR");
}

char *
money_input (gint64 minor)
{
  return kassa_money_format_plain (minor, "EUR", kassa_locale_current ());
}

/* The application */

KassaWindow *
main_window (KassaApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (KASSA_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* Starting and quitting wait as long as the slowest test's other waits:
 * the machine is shared. */
#define TIMEOUT_MS 15000

KassaApplication *
start_application (KassaWindow **window)
{
  g_autoptr(GError) error = NULL;
  KassaApplication *app = kassa_application_new ();

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  g_application_activate (G_APPLICATION (app));
  wait_for (main_window (app) != NULL && gtk_widget_get_mapped (GTK_WIDGET (main_window (app))));

  *window = main_window (app);
  return app;
}

void
stop_application (KassaApplication *app)
{
  GList *toplevels;

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  wait_for (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL);

  /* Windows without an application (editors) go with the test too. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);

  g_object_unref (app);
}

void
destroy_all_windows (void)
{
  GList *toplevels;

  while ((toplevels = gtk_window_list_toplevels ()) != NULL)
    {
      gtk_window_destroy (toplevels->data);
      g_list_free (toplevels);
    }
  settle (50);
}

/* The main loop */

static gboolean
on_wake_up (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* One iteration that returns within 10 ms even when nothing happens;
 * FALSE once the deadline (monotonic µs) has passed. */
gboolean
iterate_until (gint64 deadline)
{
  guint wake_up = g_timeout_add (10, on_wake_up, NULL);

  g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake_up);
  return g_get_monotonic_time () < deadline;
}

void
settle (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (iterate_until (deadline))
    ;
}

GtkWidget *
search_widget (GtkWidget     *root,
               Match          match,
               gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = search_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

gboolean
has_name (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

void
press (gpointer button)
{
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

GtkWidget *
require_widget (GtkWidget     *root,
                Match          match,
                gconstpointer  data)
{
  GtkWidget *found = search_widget (root, match, data);

  g_assert_nonnull (found);
  return found;
}

GtkWidget *
require_named (GtkWidget  *root,
               const char *name)
{
  GtkWidget *found = search_widget (root, has_name, name);

  if (found == NULL)
    g_error ("No widget named %s", name);
  return found;
}

gpointer
visible_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gpointer found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;

  g_list_free (toplevels);
  return found;
}

guint
n_visible_toplevels (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      n++;

  g_list_free (toplevels);
  return n;
}
