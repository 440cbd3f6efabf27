/* test-collections-ui.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collection worklist and the collection settings, driven through the
 * real window: which overdue invoices need a step today, creating their
 * reminders, saving the letters, and the settings refusing a ladder the
 * law does not allow.  Runs in en, fi and zh_CN (see meson.build); every
 * string is compared through the same gettext call the UI makes.
 *
 * Today is 2026-11-24 ($KASSA_TODAY).  The company is Finnish; the seeded
 * reference rate of 2026 is 2.5 %, so late interest is 10.5 % a year for
 * businesses and 9.5 % for consumers, actual/365.
 */
#define G_LOG_DOMAIN "kassa-test-collections"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kassa-application.h"
#include "kassa-clock.h"
#include "kassa-collection-settings-dialog.h"
#include "kassa-date.h"
#include "kassa-dunning.h"
#include "kassa-format.h"
#include "kassa-invoice-view.h"
#include "kassa-money.h"
#include "kassa-receivables-page.h"
#include "kassa-window.h"
#include "kassa-worklist-view.h"
#include "kassa-ui-test-support.h"

/* Generous: the machine is shared and the list is computed in a thread. */
#define TIMEOUT_MS 10000

/* The invoices of the hand-built company, by what the worklist must do
 * with them. */
typedef struct
{
  gint64 business_customer;
  gint64 consumer_customer;
  gint64 business_10_days;   /* 100.00, reminder 1 due (business: 7 days) */
  gint64 business_30_days;   /* 250.00, reminder 1 due */
  gint64 consumer_10_days;   /*  60.00, not yet (consumers: 14 days) */
  gint64 consumer_20_days;   /*  80.00, reminder 1 due */
  gint64 disputed;           /* 120.00, business, 20 days: skipped */
  gint64 promised;           /*  90.00, business, 20 days, promised by 1.12.: skipped */
} Company;

/* One expected worklist row.  Interest worked out by hand:
 *   100.00 × 10.5 % × 10 / 365 = 0.2877 → 0.29
 *   250.00 × 10.5 % × 30 / 365 = 2.1575 → 2.16
 *    80.00 ×  9.5 % × 20 / 365 = 0.4164 → 0.42
 * Fees: reminder 1 is 5.00; businesses add the 40.00 compensation once. */
typedef struct
{
  gint64 invoice_id;
  gint   days_overdue;
  gint64 fee;
  gint64 compensation;
  gint64 interest;
} ExpectedRow;

/* The company */

static gint64
add_customer (KassaStore        *store,
              const char        *name,
              KassaCustomerKind  kind)
{
  g_autoptr(KassaCustomerRecord) customer = test_customer_new (name);

  customer->kind = kind;
  return save_test_customer (store, customer);
}

/* A sent invoice of amount (one line, 0 % VAT) due days_overdue days
 * before today, issued 14 days before that. */
static gint64
add_overdue_invoice (KassaStore *store,
                     gint64      customer_id,
                     gint64      amount,
                     gint        days_overdue)
{
  KassaDay due_date = kassa_clock_today () - days_overdue;

  return add_test_invoice (store, customer_id, due_date - TEST_COMPANY_TERMS_DAYS, amount);
}

/* The company file the application opens by default. */
static void
create_company (Company *c)
{
  g_autoptr(KassaStore) store = create_company_file (DEFAULT_COMPANY_FILE);
  KassaDay today = kassa_clock_today ();

  c->business_customer = add_customer (store, "Virtanen Design Oy", KASSA_CUSTOMER_BUSINESS);
  c->consumer_customer = add_customer (store, "Maija Meikäläinen", KASSA_CUSTOMER_CONSUMER);
  c->business_10_days = add_overdue_invoice (store, c->business_customer, 10000, 10);
  c->business_30_days = add_overdue_invoice (store, c->business_customer, 25000, 30);
  c->consumer_10_days = add_overdue_invoice (store, c->consumer_customer, 6000, 10);
  c->consumer_20_days = add_overdue_invoice (store, c->consumer_customer, 8000, 20);
  c->disputed = add_overdue_invoice (store, c->business_customer, 12000, 20);
  c->promised = add_overdue_invoice (store, c->business_customer, 9000, 20);

  add_test_event (store, c->business_customer, c->disputed, KASSA_COLLECTION_DISPUTE_OPENED,
                  today - 3, 0);
  add_test_event (store, c->business_customer, c->promised, KASSA_COLLECTION_PROMISE_TO_PAY,
                  today - 2, kassa_day_from_ymd (2026, 12, 1));
}

/* The worklist */

/* The Receivables page, its Collections section shown. */
static KassaWorklistView *
show_worklist (KassaWindow *window)
{
  GtkWidget *page;
  GtkWidget *view;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "receivables");
  page = kassa_window_get_page (window, "receivables");
  g_assert_true (KASSA_IS_RECEIVABLES_PAGE (page));
  wait_for (gtk_widget_get_mapped (page));

  kassa_receivables_page_show_section (KASSA_RECEIVABLES_PAGE (page), "collections");
  view = require_widget (page, is_of_type, GSIZE_TO_POINTER (KASSA_TYPE_WORKLIST_VIEW));
  wait_for (gtk_widget_get_mapped (view));
  return KASSA_WORKLIST_VIEW (view);
}

static guint
n_rows (KassaWorklistView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (kassa_worklist_view_get_selection (view)));
}

/* The text of a cell (named by its column) in the row of an invoice
 * number, as the list shows it. */
static const char *
cell_text (KassaWorklistView *view,
           gint64             number,
           const char        *cell_name)
{
  GtkWidget *list = require_widget (GTK_WIDGET (view), has_name, "worklist");
  g_autofree char *number_text = g_strdup_printf ("%" G_GINT64_FORMAT, number);
  GtkWidget *number_cell = require_widget (list, is_label_with_text, number_text);
  /* label → cell → row */
  GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (number_cell));

  return gtk_label_get_text (GTK_LABEL (require_widget (row, has_name, cell_name)));
}

static const KassaWorkItem *
find_item (KassaWorklistView *view,
           gint64             invoice_id)
{
  for (guint i = 0; i < n_rows (view); i++)
    {
      const KassaWorkItem *item = kassa_worklist_view_get_item (view, i);

      if (item->invoice_id == invoice_id)
        return item;
    }

  return NULL;
}

static void
check_row (KassaWorklistView *view,
           KassaStore        *store,
           const ExpectedRow *expected)
{
  const KassaWorkItem *item = find_item (view, expected->invoice_id);
  gint64 number = stored_invoice_number (store, expected->invoice_id);
  g_autofree char *fee = kassa_format_money (expected->fee + expected->compensation, "EUR");
  g_autofree char *interest = kassa_format_money (expected->interest, "EUR");
  g_autofree char *days = g_strdup_printf ("%d", expected->days_overdue);
  g_autoptr(GError) error = NULL;
  gint64 computed_interest = -1;
  gboolean rate_missing;

  g_test_message ("Worklist row of invoice %" G_GINT64_FORMAT, number);
  g_assert_nonnull (item);
  g_assert_cmpint (item->next_step, ==, KASSA_COLLECTION_REMINDER_1);
  g_assert_cmpint (item->last_step, ==, 0);
  g_assert_cmpint (item->fee, ==, expected->fee);
  g_assert_cmpint (item->compensation, ==, expected->compensation);

  /* The analytics' own interest, and the hand-worked figure. */
  kassa_dunning_invoice_interest (store, expected->invoice_id, kassa_clock_today (),
                                  &computed_interest, &rate_missing, &error);
  g_assert_no_error (error);
  g_assert_cmpint (computed_interest, ==, expected->interest);
  g_assert_cmpint (item->interest, ==, expected->interest);

  /* What the user reads in the row. */
  g_assert_cmpstr (cell_text (view, number, "worklist-next-step"), ==,
                   kassa_collection_kind_to_string (KASSA_COLLECTION_REMINDER_1));
  g_assert_cmpstr (cell_text (view, number, "worklist-fee"), ==, fee);
  g_assert_cmpstr (cell_text (view, number, "worklist-interest"), ==, interest);
  g_assert_cmpstr (cell_text (view, number, "worklist-days"), ==, days);
  g_assert_cmpstr (cell_text (view, number, "worklist-last-step"), ==, "—");
}

static void
check_reminder_recorded (KassaStore        *store,
                         const ExpectedRow *expected)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const KassaCollectionEvent *event;
  KassaDay today = kassa_clock_today ();

  events = kassa_store_list_collection_events (store, 0, expected->invoice_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);

  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->kind, ==, KASSA_COLLECTION_REMINDER_1);
  g_assert_cmpint (event->date, ==, today);
  g_assert_cmpint (event->fee, ==, expected->fee + expected->compensation);
  g_assert_cmpint (event->interest, ==, expected->interest);
  /* Reminder 1 of both ladders gives 14 days to pay. */
  g_assert_cmpint (event->due_by, ==, today + 14);
  g_assert_cmpstr (event->author, ==, g_get_real_name ());
  g_assert_cmpint (kassa_dunning_level (store, expected->invoice_id), ==,
                   KASSA_COLLECTION_REMINDER_1);
}

static GPtrArray *
list_pdfs (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".pdf"))
      g_ptr_array_add (paths, g_build_filename (folder, name, NULL));

  return paths;
}

static void
check_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *pages;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  if (pdfinfo == NULL)
    {
      g_test_message ("pdfinfo not found: page count of %s not checked", path);
      return;
    }

  {
    const char *argv[] = { pdfinfo, path, NULL };
    int status = 0;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &info,
                  NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  g_assert_cmpint (g_ascii_strtoll (pages + strlen ("Pages:"), NULL, 10), >=, 1);
}

static void
save_letters (KassaWorklistView *view,
              const char        *folder,
              guint              expected_files)
{
  g_autoptr(GPtrArray) pdfs = NULL;

  kassa_worklist_view_save_created_letters_to (view, folder);
  g_assert_true (kassa_worklist_view_get_busy (view));
  wait_for (!kassa_worklist_view_get_busy (view));
  g_assert_null (kassa_worklist_view_get_letters_error (view));
  /* One letter per customer of the batch. */
  g_assert_cmpuint (kassa_worklist_view_get_letters_saved (view), ==, 2);

  pdfs = list_pdfs (folder);
  g_assert_cmpuint (pdfs->len, ==, expected_files);
  for (guint i = 0; i < pdfs->len; i++)
    check_pdf (g_ptr_array_index (pdfs, i));
}

static void
test_worklist (void)
{
  Company c = { 0 };
  KassaApplication *app;
  KassaWindow *window;
  KassaStore *store;
  KassaWorklistView *view;
  GtkWidget *create_button;
  KassaInvoiceView *invoice_view;
  g_autoptr(GtkBitset) selected = NULL;
  GtkWidget *summary_label;
  g_autofree char *summary = NULL;
  g_autofree char *create_label = NULL;
  g_autofree char *recorded = NULL;
  g_autofree char *folder = NULL;
  const ExpectedRow expected[] = {
    { 0, 30, 500, 4000, 216 },
    { 0, 10, 500, 4000, 29 },
    { 0, 20, 500, 0, 42 },
  };
  ExpectedRow rows[G_N_ELEMENTS (expected)];

  if (in_parent_process ())
    return;

  create_company (&c);
  memcpy (rows, expected, sizeof rows);
  rows[0].invoice_id = c.business_30_days;
  rows[1].invoice_id = c.business_10_days;
  rows[2].invoice_id = c.consumer_20_days;

  app = start_application (&window);
  store = kassa_window_get_store (window);
  view = show_worklist (window);
  wait_for (!kassa_worklist_view_get_busy (view) && n_rows (view) > 0);
  /* Let the list lay out its rows. */
  settle (200);

  /* Exactly the three whose reminder is due; the largest, longest
   * overdue first.  Not: the consumer 10 days late (14-day minimum), the
   * disputed one, the promised one. */
  g_assert_cmpuint (n_rows (view), ==, 3);
  g_assert_cmpint (kassa_worklist_view_get_item (view, 0)->invoice_id, ==, c.business_30_days);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    check_row (view, store, &rows[i]);
  g_assert_null (find_item (view, c.consumer_10_days));
  g_assert_null (find_item (view, c.disputed));
  g_assert_null (find_item (view, c.promised));

  summary = g_strdup_printf (ngettext ("%u invoice needs a collection step today",
                                       "%u invoices need a collection step today", 3), 3);
  g_assert_cmpstr (gtk_label_get_text (kassa_worklist_view_get_summary_label (view)), ==, summary);

  /* Activating a row opens its invoice. */
  g_signal_emit_by_name (require_widget (GTK_WIDGET (view), has_name, "worklist"), "activate", 0);
  wait_for ((invoice_view = visible_toplevel (KASSA_TYPE_INVOICE_VIEW)) != NULL);
  g_assert_cmpint (kassa_invoice_view_get_invoice_id (invoice_view), ==, c.business_30_days);
  gtk_window_destroy (GTK_WINDOW (invoice_view));

  /* Nothing is selected at first; Select All, then create. */
  create_button = require_widget (GTK_WIDGET (view), is_button_for_action, "worklist.create-steps");
  g_assert_false (gtk_widget_is_sensitive (create_button));
  press (require_widget (GTK_WIDGET (view), is_button_for_action, "worklist.select-all"));
  selected = gtk_selection_model_get_selection (kassa_worklist_view_get_selection (view));
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 3);
  create_label = g_strdup_printf (ngettext ("Create %u _Reminder", "Create %u _Reminders", 3), 3);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (create_button)), ==, create_label);
  press (create_button);

  /* The toast tells how many steps were recorded. */
  recorded = g_strdup_printf (ngettext ("%u collection step recorded",
                                        "%u collection steps recorded", 3), 3);
  g_assert_nonnull (search_widget (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (view))),
                                  is_label_with_text, recorded));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    check_reminder_recorded (store, &rows[i]);
  g_assert_cmpint (kassa_dunning_level (store, c.consumer_10_days), ==, 0);

  /* Nothing more is due today: the honest empty state. */
  wait_for (!kassa_worklist_view_get_busy (view) && n_rows (view) == 0);
  wait_for (gtk_widget_get_mapped (require_widget (GTK_WIDGET (view), has_name, "worklist-empty")));
  summary_label = GTK_WIDGET (kassa_worklist_view_get_summary_label (view));
  g_assert_false (gtk_widget_get_visible (summary_label));

  /* The letters: one per customer; saving again never overwrites. */
  folder = g_build_filename (g_get_user_data_dir (), "letters", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  save_letters (view, folder, 2);
  save_letters (view, folder, 4);

  stop_application (app);
}

/* The settings dialog */

static KassaCollectionSettings *
stored_settings (KassaStore *store)
{
  return kassa_collection_settings_load (store);
}

static gint
consumer_first_days (KassaStore *store)
{
  g_autoptr(KassaCollectionSettings) settings = stored_settings (store);

  g_assert_cmpuint (settings->consumer_steps->len, >, 0);
  return g_array_index (settings->consumer_steps, KassaDunningStep, 0).days;
}

/* The message the analytics give for a consumer ladder starting at days. */
static char *
expected_consumer_error (KassaStore *store,
                         gint        days)
{
  g_autoptr(KassaCollectionSettings) settings = stored_settings (store);
  g_autoptr(GError) error = NULL;

  g_array_index (settings->consumer_steps, KassaDunningStep, 0).days = days;
  g_assert_false (kassa_collection_settings_validate (settings, "FI", &error));
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

static KassaCollectionSettingsDialog *
open_settings (KassaWindow *window)
{
  KassaCollectionSettingsDialog *dialog;

  kassa_collection_settings_dialog_present (GTK_WINDOW (window), kassa_window_get_store (window));
  wait_for ((dialog = visible_toplevel (KASSA_TYPE_COLLECTION_SETTINGS_DIALOG)) != NULL);
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  return dialog;
}

static void
check_refused_ladder (KassaWindow *window)
{
  KassaStore *store = kassa_window_get_store (window);
  KassaCollectionSettingsDialog *dialog = open_settings (window);
  GtkSpinButton *days = kassa_collection_settings_dialog_get_days_spin (dialog,
                                                                       KASSA_CUSTOMER_CONSUMER, 0);
  g_autofree char *message = expected_consumer_error (store, 13);
  g_autofree char *stored_ladder = NULL;
  GtkWidget *error_label;

  g_assert_cmpint (gtk_spin_button_get_value_as_int (days), ==, 14);
  g_assert_null (kassa_collection_settings_dialog_get_error (dialog));

  /* 13 days is under the legal minimum for consumers: refused, shown
   * beside the consumers' ladder, nothing saved, the window stays. */
  gtk_spin_button_set_value (days, 13);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  settle (100);
  g_assert_true (visible_toplevel (KASSA_TYPE_COLLECTION_SETTINGS_DIALOG) == dialog);
  g_assert_cmpstr (kassa_collection_settings_dialog_get_error (dialog), ==, message);
  error_label = require_widget (GTK_WIDGET (dialog), has_name, "consumer-ladder-error");
  g_assert_true (gtk_widget_get_mapped (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, message);
  stored_ladder = kassa_store_get_setting (store, "collections.consumer-ladder");
  g_assert_null (stored_ladder);
  g_assert_cmpint (consumer_first_days (store), ==, 14);

  /* 20 days is allowed: saved, and the window closes. */
  gtk_spin_button_set_value (days, 20);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  wait_for (visible_toplevel (KASSA_TYPE_COLLECTION_SETTINGS_DIALOG) == NULL);
  g_assert_cmpint (consumer_first_days (store), ==, 20);
}

static void
check_discard (KassaWindow *window)
{
  KassaStore *store = kassa_window_get_store (window);
  KassaCollectionSettingsDialog *dialog = open_settings (window);
  GtkSpinButton *days = kassa_collection_settings_dialog_get_days_spin (dialog,
                                                                       KASSA_CUSTOMER_CONSUMER, 0);
  AdwMessageDialog *question;

  g_assert_cmpint (gtk_spin_button_get_value_as_int (days), ==, 20);
  gtk_spin_button_set_value (days, 30);

  /* Escape with changes asks first; Discard throws them away. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  wait_for ((question = visible_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_true (visible_toplevel (KASSA_TYPE_COLLECTION_SETTINGS_DIALOG) == dialog);
  adw_message_dialog_response (question, "discard");
  wait_for (visible_toplevel (KASSA_TYPE_COLLECTION_SETTINGS_DIALOG) == NULL);
  g_assert_cmpint (consumer_first_days (store), ==, 20);
}

/* The rate form adds a half-year's reference rate; other days are refused. */
static void
check_rate_form (KassaWindow *window)
{
  KassaStore *store = kassa_window_get_store (window);
  KassaCollectionSettingsDialog *dialog = open_settings (window);
  KassaLocale locale = kassa_locale_current ();
  GtkWidget *missing = require_widget (GTK_WIDGET (dialog), has_name, "rate-missing");
  GtkEditable *date_row;
  GtkEditable *rate_row;
  g_autofree char *half_year = kassa_day_format (kassa_day_from_ymd (2026, 7, 1), locale);
  g_autofree char *not_half_year = kassa_day_format (kassa_day_from_ymd (2026, 8, 1), locale);
  g_autofree char *rate = kassa_percent_format (200, locale);
  g_autoptr(GArray) rates = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  /* The seeded table ends with 1 January 2026: the current half-year
   * (from 1 July) is missing, and the dialog says so. */
  g_assert_true (gtk_widget_get_visible (missing));

  date_row = GTK_EDITABLE (require_widget (GTK_WIDGET (dialog), has_name, "rate-date"));
  rate_row = GTK_EDITABLE (require_widget (GTK_WIDGET (dialog), has_name, "rate-value"));

  gtk_editable_set_text (date_row, not_half_year);
  gtk_editable_set_text (rate_row, rate);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date_row), "error"));
  gtk_editable_set_text (date_row, half_year);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date_row), "error"));
  press (require_widget (GTK_WIDGET (dialog), has_name, "rate-save"));

  rates = kassa_store_list_reference_rates (store, "FI", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rates->len; i++)
    {
      const KassaReferenceRate *r = &g_array_index (rates, KassaReferenceRate, i);

      if (r->start_date == kassa_day_from_ymd (2026, 7, 1))
        found = (r->rate_bp == 200);
    }
  g_assert_true (found);
  g_assert_false (gtk_widget_get_visible (missing));

  /* Rates are saved at once: closing asks nothing. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  wait_for (visible_toplevel (KASSA_TYPE_COLLECTION_SETTINGS_DIALOG) == NULL);
}

static void
test_settings_dialog (void)
{
  Company c = { 0 };
  KassaApplication *app;
  KassaWindow *window;

  if (in_parent_process ())
    return;

  create_company (&c);
  app = start_application (&window);

  check_refused_ladder (window);
  check_discard (window);
  check_rate_form (window);

  stop_application (app);
}

int
main (int   argc,
      char *argv[])
{
  init_ui_test (&argc, &argv);

  g_test_add_func ("/collections/worklist", test_worklist);
  g_test_add_func ("/collections/settings-dialog", test_settings_dialog);

  return g_test_run ();
}
