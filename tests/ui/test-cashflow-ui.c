/* test-cashflow-ui.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cash flow data entry driven through its widgets: an account and its
 * balance, a monthly and a quarterly scheduled item and the month totals
 * they make, scenarios refused and accepted, and forecast accuracy.  Runs
 * in en, fi and zh_CN (see meson.build); what the user types and sees is
 * formatted with the same helpers the UI uses.
 *
 * Today is 2026-11-24 ($KASSA_TODAY).  With $KASSA_TEST_SCREENSHOT_DIR set
 * each test also saves a PNG of its widget there.
 */
#define G_LOG_DOMAIN "kassa-test-cashflow"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kassa-cash-accounts-view.h"
#include "kassa-cash-balance-dialog.h"
#include "kassa-cashflow-page.h"
#include "kassa-clock.h"
#include "kassa-date.h"
#include "kassa-forecast-accuracy-view.h"
#include "kassa-format.h"
#include "kassa-money.h"
#include "kassa-scenario-dialog.h"
#include "kassa-scheduled-item-editor.h"
#include "kassa-scheduled-items-view.h"
#include "kassa-store-cashflow.h"
#include "kassa-ui-test-support.h"

#define TIMEOUT_MS 10000

/* Widgets */

static void
type_text (GtkWidget  *editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static GtkWindow *
show_in_window (GtkWidget *widget,
                int        width,
                int        height)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  gtk_widget_set_margin_top (widget, 18);
  gtk_widget_set_margin_bottom (widget, 18);
  gtk_widget_set_margin_start (widget, 18);
  gtk_widget_set_margin_end (widget, 18);
  adw_clamp_set_child (ADW_CLAMP (clamp), widget);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  settle (100);
  return GTK_WINDOW (window);
}

/* A PNG of window, when asked for, for people to look at. */
static void
save_screenshot (GtkWindow  *window,
                 const char *name)
{
  const char *dir = g_getenv ("KASSA_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  settle (200);
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s-%s.png", name, g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "C");
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot %s", path);
}

/* Accounts */

static AdwMessageDialog *
open_account_dialog (GtkWidget *view)
{
  AdwMessageDialog *dialog;

  press (require_named (view, "cash-account-add"));
  dialog = visible_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static KassaCashAccount *
only_account (KassaStore *store)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  accounts = kassa_store_list_cash_accounts (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  return kassa_cash_account_copy (g_ptr_array_index (accounts, 0));
}

static void
create_account (KassaStore *store,
                GtkWidget  *view)
{
  AdwMessageDialog *dialog = open_account_dialog (view);
  GtkWidget *name = require_named (GTK_WIDGET (dialog), "cash-account-name");
  GtkWidget *iban = require_named (GTK_WIDGET (dialog), "cash-account-iban");
  g_autoptr(KassaCashAccount) account = NULL;

  /* Empty name, then a mistyped IBAN (last digit): not saveable. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  type_text (name, "Nordea");
  type_text (iban, "FI21 1234 5600 0007 86");
  g_assert_true (gtk_widget_has_css_class (iban, "error"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));

  type_text (iban, "FI21 1234 5600 0007 85");
  g_assert_false (gtk_widget_has_css_class (iban, "error"));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  settle (50);

  account = only_account (store);
  g_assert_cmpstr (account->name, ==, "Nordea");
  g_assert_cmpint (account->kind, ==, KASSA_CASH_ACCOUNT_BANK);
  g_assert_cmpstr (account->iban, ==, "FI21 1234 5600 0007 85");  /* stored in groups of four */
  g_assert_cmpint (account->balance_date, ==, 0);

  /* The same name again is refused before the store sees it. */
  dialog = open_account_dialog (view);
  type_text (require_named (GTK_WIDGET (dialog), "cash-account-name"), "Nordea");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "cancel");
  settle (50);
}

static void
update_balance (KassaStore *store,
                GtkWidget  *view)
{
  KassaDay day = kassa_day_from_ymd (2026, 11, 21);
  g_autofree char *date = day_text (day);
  g_autofree char *amount = money_input (-123456);
  g_autofree char *shown = money_text (-123456);
  g_autofree char *fresh = g_strdup_printf (ngettext ("%d day ago", "%d days ago", 3), 3);
  g_autofree char *today = day_text (kassa_day_from_ymd (2026, 11, 24));
  g_autofree char *tomorrow = day_text (kassa_day_from_ymd (2026, 11, 25));
  g_autoptr(KassaCashAccount) account = NULL;
  KassaCashBalanceDialog *dialog;
  GtkWidget *row;

  press (require_named (view, "cash-account-update-balance"));
  dialog = visible_toplevel (KASSA_TYPE_CASH_BALANCE_DIALOG);
  g_assert_nonnull (dialog);

  /* Today is the default; a later day and a non-number are refused. */
  g_assert_cmpstr (gtk_editable_get_text (kassa_cash_balance_dialog_get_date_entry (dialog)), ==, today);
  type_text (GTK_WIDGET (kassa_cash_balance_dialog_get_balance_entry (dialog)), amount);
  type_text (GTK_WIDGET (kassa_cash_balance_dialog_get_date_entry (dialog)), tomorrow);
  g_assert_nonnull (kassa_cash_balance_dialog_get_problem (dialog));
  type_text (GTK_WIDGET (kassa_cash_balance_dialog_get_date_entry (dialog)), date);
  type_text (GTK_WIDGET (kassa_cash_balance_dialog_get_balance_entry (dialog)), "12x");
  g_assert_nonnull (kassa_cash_balance_dialog_get_problem (dialog));
  kassa_cash_balance_dialog_save (dialog);
  g_assert_true (visible_toplevel (KASSA_TYPE_CASH_BALANCE_DIALOG) == dialog);
  save_screenshot (GTK_WINDOW (dialog), "balance-dialog");

  /* An overdraft, as the locale writes it. */
  type_text (GTK_WIDGET (kassa_cash_balance_dialog_get_balance_entry (dialog)), amount);
  g_assert_null (kassa_cash_balance_dialog_get_problem (dialog));
  kassa_cash_balance_dialog_save (dialog);
  settle (50);
  g_assert_null (visible_toplevel (KASSA_TYPE_CASH_BALANCE_DIALOG));

  account = only_account (store);
  g_assert_cmpint (account->balance_date, ==, day);
  g_assert_cmpint (account->balance, ==, -123456);

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (view, "cash-account-balance"))),
                   ==, shown);
  row = require_named (view, "cash-account-row");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), fresh));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), date));
  g_assert_nonnull (search_widget (view, has_name, "cash-balance-delete"));
}

static void
test_accounts (void)
{
  g_autoptr(KassaStore) store = NULL;
  g_autofree char *fresh = NULL;
  GtkWidget *view;
  GtkWindow *window;

  if (in_parent_process ())
    return;

  fresh = kassa_cash_balance_freshness (kassa_day_from_ymd (2026, 11, 23),
                                        kassa_day_from_ymd (2026, 11, 24));
  g_assert_cmpstr (fresh, ==, _("yesterday"));

  store = create_company_file ("cashflow.kassa");
  view = kassa_cash_accounts_view_new (store);
  window = show_in_window (view, 900, 500);
  create_account (store, view);
  update_balance (store, view);
  save_screenshot (window, "cash-accounts");

  destroy_all_windows ();
}

/* Scheduled items */

typedef struct
{
  gint64 in;
  gint64 out;
} MonthTotals;

/* Months from November 2026 (from today, the 24th) to October 2027.
 * Rent 1,200.00 on the 5th, December to June (ends 5.6.2027).
 * A grant of 500.00 quarterly from 30.11.2026: 30.11., 28.2. (clamped),
 * 30.5., 30.8. */
static const MonthTotals expected_months[12] = {
  { 50000, 0 },        /* Nov 2026 */
  { 0, 120000 },       /* Dec */
  { 0, 120000 },       /* Jan 2027 */
  { 50000, 120000 },   /* Feb */
  { 0, 120000 },       /* Mar */
  { 0, 120000 },       /* Apr */
  { 50000, 120000 },   /* May */
  { 0, 120000 },       /* Jun */
  { 0, 0 },            /* Jul */
  { 50000, 0 },        /* Aug */
  { 0, 0 },            /* Sep */
  { 0, 0 },            /* Oct */
};

static KassaScheduledItemEditor *
open_item_editor (GtkWidget *view)
{
  KassaScheduledItemEditor *editor;

  press (require_named (view, "scheduled-add"));
  editor = visible_toplevel (KASSA_TYPE_SCHEDULED_ITEM_EDITOR);
  g_assert_nonnull (editor);
  return editor;
}

static void
add_rent (GtkWidget *view)
{
  KassaScheduledItemEditor *editor = open_item_editor (view);
  GtkWidget *root = GTK_WIDGET (editor);
  g_autofree char *amount = money_input (120000);
  g_autofree char *start = day_text (kassa_day_from_ymd (2026, 12, 5));
  g_autofree char *end = day_text (kassa_day_from_ymd (2027, 6, 5));
  g_autofree char *too_early = day_text (kassa_day_from_ymd (2026, 12, 4));

  /* Nothing typed yet: no name, no amount. */
  g_assert_nonnull (kassa_scheduled_item_editor_get_problem (editor));
  type_text (require_named (root, "item-name"), "Office rent");
  type_text (require_named (root, "item-amount"), amount);
  type_text (require_named (root, "item-start"), start);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (require_named (root, "item-recurrence"))),
                    ==, KASSA_SCHEDULE_MONTHLY);
  type_text (require_named (root, "item-end"), too_early);
  g_assert_nonnull (kassa_scheduled_item_editor_get_problem (editor));
  kassa_scheduled_item_editor_save (editor);
  g_assert_true (visible_toplevel (KASSA_TYPE_SCHEDULED_ITEM_EDITOR) == editor);
  save_screenshot (GTK_WINDOW (editor), "item-editor");

  type_text (require_named (root, "item-end"), end);
  g_assert_null (kassa_scheduled_item_editor_get_problem (editor));
  kassa_scheduled_item_editor_save (editor);
  settle (50);
  g_assert_null (visible_toplevel (KASSA_TYPE_SCHEDULED_ITEM_EDITOR));
}

static void
add_grant (GtkWidget *view)
{
  KassaScheduledItemEditor *editor = open_item_editor (view);
  GtkWidget *root = GTK_WIDGET (editor);
  g_autofree char *amount = money_input (50000);
  g_autofree char *start = day_text (kassa_day_from_ymd (2026, 11, 30));

  type_text (require_named (root, "item-name"), "Grant");
  /* The category suggests the direction. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (root, "item-category")),
                              KASSA_CATEGORY_OTHER_IN);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (require_named (root, "item-direction"))),
                    ==, 1);
  type_text (require_named (root, "item-amount"), amount);
  type_text (require_named (root, "item-start"), start);
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (root, "item-recurrence")),
                              KASSA_SCHEDULE_QUARTERLY);
  kassa_scheduled_item_editor_save (editor);
  settle (50);
  g_assert_null (visible_toplevel (KASSA_TYPE_SCHEDULED_ITEM_EDITOR));
}

static const char *
totals_cell (GtkWidget *view,
             int        column,
             int        row)
{
  GtkGrid *grid = GTK_GRID (require_named (view, "scheduled-totals"));
  GtkWidget *label = gtk_grid_get_child_at (grid, column, row);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
check_month_totals (GtkWidget *view)
{
  for (guint m = 0; m < G_N_ELEMENTS (expected_months); m++)
    {
      const MonthTotals *expected = &expected_months[m];
      g_autofree char *in = money_text (expected->in);
      g_autofree char *out = money_text (expected->out);
      g_autofree char *net = money_text (expected->in - expected->out);
      gint64 shown_in, shown_out;

      g_test_message ("Month %u", m);
      kassa_scheduled_items_view_get_month_totals (KASSA_SCHEDULED_ITEMS_VIEW (view), m,
                                                   &shown_in, &shown_out);
      g_assert_cmpint (shown_in, ==, expected->in);
      g_assert_cmpint (shown_out, ==, expected->out);
      g_assert_cmpstr (totals_cell (view, 1, m + 1), ==, in);
      g_assert_cmpstr (totals_cell (view, 2, m + 1), ==, out);
      g_assert_cmpstr (totals_cell (view, 3, m + 1), ==, net);
    }
}

static void
test_scheduled_items (void)
{
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  const KassaScheduledItem *rent;
  GtkWidget *view;
  GtkWindow *window;

  if (in_parent_process ())
    return;

  store = create_company_file ("cashflow.kassa");
  view = kassa_scheduled_items_view_new (store);
  window = show_in_window (view, 1000, 760);
  add_rent (view);
  add_grant (view);

  items = kassa_store_list_scheduled_items (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  rent = g_ptr_array_index (items, 1);    /* by start date */
  g_assert_cmpstr (rent->name, ==, "Office rent");
  g_assert_false (rent->inflow);
  g_assert_cmpint (rent->category, ==, KASSA_CATEGORY_RENT);
  g_assert_cmpint (rent->amount, ==, 120000);
  g_assert_cmpint (rent->end_date, ==, kassa_day_from_ymd (2027, 6, 5));
  g_assert_true (((const KassaScheduledItem *) g_ptr_array_index (items, 0))->inflow);

  check_month_totals (view);
  save_screenshot (window, "scheduled-items");
  destroy_all_windows ();
}

/* Scenarios */

static void
type_scenario (KassaScenarioDialog *dialog,
               const char          *name,
               const char          *sales,
               int                  delay,
               const char          *costs)
{
  GtkWidget *root = GTK_WIDGET (dialog);

  type_text (require_named (root, "scenario-name"), name);
  type_text (require_named (root, "scenario-sales"), sales);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (require_named (root, "scenario-delay")), delay);
  type_text (require_named (root, "scenario-cost"), costs);
}

static guint
n_list_rows (KassaScenarioDialog *dialog)
{
  GtkWidget *list = require_named (GTK_WIDGET (dialog), "scenario-list");
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
test_scenarios (void)
{
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *decimal = NULL;
  g_autofree char *costs = NULL;
  const KassaScenario *saved;
  KassaScenarioDialog *dialog;

  if (in_parent_process ())
    return;

  store = create_company_file ("cashflow.kassa");
  dialog = kassa_scenario_dialog_new (NULL, store);
  gtk_window_present (GTK_WINDOW (dialog));
  settle (100);
  g_assert_nonnull (search_widget (GTK_WIDGET (dialog), has_name, "scenario-base"));
  g_assert_cmpuint (n_list_rows (dialog), ==, 1);

  /* Not a number, then past −100 %: refused next to the field. */
  kassa_scenario_dialog_add (dialog);
  type_scenario (dialog, "Pessimistic", "minus fifteen", 10, "0");
  g_assert_nonnull (kassa_scenario_dialog_get_problem (dialog));
  g_assert_true (gtk_widget_has_css_class (require_named (GTK_WIDGET (dialog), "scenario-sales"),
                                           "error"));
  type_text (require_named (GTK_WIDGET (dialog), "scenario-sales"), "-150");
  g_assert_nonnull (kassa_scenario_dialog_get_problem (dialog));
  kassa_scenario_dialog_save (dialog);
  scenarios = kassa_store_list_scenarios (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scenarios->len, ==, 0);
  g_clear_pointer (&scenarios, g_ptr_array_unref);
  save_screenshot (GTK_WINDOW (dialog), "scenario-error");

  /* "−15" with the minus sign the app prints; costs −12.5 % as the
   * locale writes the decimal. */
  decimal = kassa_percent_format (1250, kassa_locale_current ());
  costs = g_strconcat ("-", decimal, NULL);
  type_text (require_named (GTK_WIDGET (dialog), "scenario-sales"), "\u221215");
  type_text (require_named (GTK_WIDGET (dialog), "scenario-cost"), costs);
  g_assert_null (kassa_scenario_dialog_get_problem (dialog));
  kassa_scenario_dialog_save (dialog);

  scenarios = kassa_store_list_scenarios (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scenarios->len, ==, 1);
  saved = g_ptr_array_index (scenarios, 0);
  g_assert_cmpstr (saved->name, ==, "Pessimistic");
  g_assert_cmpint (saved->sales_change_bp, ==, -1500);
  g_assert_cmpint (saved->payment_delay_days, ==, 10);
  g_assert_cmpint (saved->cost_change_bp, ==, -1250);
  g_assert_cmpuint (n_list_rows (dialog), ==, 2);

  /* A second one by the same name is refused. */
  kassa_scenario_dialog_add (dialog);
  type_scenario (dialog, "Pessimistic", "5", 0, "0");
  g_assert_nonnull (kassa_scenario_dialog_get_problem (dialog));
  g_assert_true (gtk_widget_has_css_class (require_named (GTK_WIDGET (dialog), "scenario-name"),
                                           "error"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "scenario.back", NULL);
  save_screenshot (GTK_WINDOW (dialog), "scenarios");

  destroy_all_windows ();
}

/* Forecast accuracy */

static void
save_snapshot (KassaStore *store)
{
  g_autoptr(KassaForecastSnapshot) snapshot = kassa_forecast_snapshot_new ();
  g_autoptr(GError) error = NULL;
  KassaDay start = kassa_day_from_ymd (2026, 11, 3);

  snapshot->created_on = start;
  g_free (snapshot->scenario_name);
  snapshot->scenario_name = g_strdup ("Base");
  for (int i = 0; i < 13; i++)
    {
      KassaSnapshotWeek week = { start + 7 * i, 100000, 40000, 500000 + 60000 * i };

      g_array_append_val (snapshot->weeks, week);
    }
  kassa_store_save_forecast_snapshot (store, snapshot, &error);
  g_assert_no_error (error);
}

/* Weeks from 3.11. and 10.11. have ended by 24.11. (the one from 17.11.
 * ends on the 23rd: ended too).  No payments: actual receipts 0, error
 * −1,000.00 each week, mean absolute error 1,000.00.  No balances: the
 * closing balance is unknown. */
static void
test_accuracy (void)
{
  g_autoptr(KassaStore) store = NULL;
  g_autofree char *mae = money_text (100000);
  g_autofree char *error_text = money_text (-100000);
  g_autofree char *week3 = day_text (kassa_day_from_ymd (2026, 11, 17));
  GtkWidget *view;
  GtkWindow *window;
  GtkGrid *weeks;

  if (in_parent_process ())
    return;

  store = create_company_file ("cashflow.kassa");
  view = kassa_forecast_accuracy_view_new (store);
  window = show_in_window (view, 1100, 500);
  g_assert_true (gtk_widget_is_drawable (require_named (view, "accuracy-empty")));
  save_screenshot (window, "accuracy-empty");

  save_snapshot (store);
  settle (50);
  g_assert_false (gtk_widget_is_drawable (require_named (view, "accuracy-empty")));
  weeks = GTK_GRID (require_named (view, "accuracy-weeks"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (weeks, 0, 3))), ==, week3);
  g_assert_null (gtk_grid_get_child_at (weeks, 0, 4));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (weeks, 3, 1))), ==,
                   error_text);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (weeks, 5, 1))), ==, "—");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (require_named (view, "accuracy-summary"))),
                            mae));
  save_screenshot (window, "accuracy");

  destroy_all_windows ();
}

/* The Cash flow page and a scenario */

/* One bank account with 1,000.00 today and rent of 200.00 on the 1st of
 * each month from December; no invoices, so no receipts.  Base: week 1
 * (24.–30.11.) closes at 1,000.00, week 2 (1.–7.12.) at 800.00.  With
 * costs +10 % the rent is 220.00: week 2 closes at 780.00. */
static gint64
setup_tiny_company (KassaStore *store)
{
  g_autoptr(KassaCashAccount) account = kassa_cash_account_new ();
  g_autoptr(KassaScheduledItem) rent = kassa_scheduled_item_new ();
  g_autoptr(KassaScenario) scenario = kassa_scenario_new ();
  g_autoptr(GError) error = NULL;

  g_free (account->name);
  account->name = g_strdup ("Bank");
  kassa_store_save_cash_account (store, account, &error);
  g_assert_no_error (error);
  kassa_store_set_cash_balance (store, account->id, kassa_day_from_ymd (2026, 11, 24), 100000,
                                &error);
  g_assert_no_error (error);

  g_free (rent->name);
  rent->name = g_strdup ("Rent");
  rent->category = KASSA_CATEGORY_RENT;
  rent->amount = 20000;
  rent->start_date = kassa_day_from_ymd (2026, 12, 1);
  rent->recurrence = KASSA_SCHEDULE_MONTHLY;
  kassa_store_save_scheduled_item (store, rent, &error);
  g_assert_no_error (error);

  g_free (scenario->name);
  scenario->name = g_strdup ("Costs +10 %");
  scenario->cost_change_bp = 1000;
  kassa_store_save_scenario (store, scenario, &error);
  g_assert_no_error (error);
  return scenario->id;
}

static const char *
closing_text (KassaCashflowPage *page,
              guint              week)
{
  GtkLabel *cell = kassa_forecast_table_get_cell (kassa_cashflow_page_get_table (page), 0,
                                                  KASSA_FORECAST_ROW_CLOSING, week);

  return cell != NULL ? gtk_label_get_text (cell) : "";
}

static void
test_page_scenario (void)
{
  g_autoptr(KassaStore) store = NULL;
  g_autofree char *base_week1 = money_text (100000);
  g_autofree char *base_week2 = money_text (80000);
  g_autofree char *costly_week2 = money_text (78000);
  const char *sections[] = { "accounts", "scheduled", "accuracy" };
  KassaCashflowPage *page;
  gint64 scenario_id;

  if (in_parent_process ())
    return;

  store = create_company_file ("cashflow.kassa");
  scenario_id = setup_tiny_company (store);
  page = KASSA_CASHFLOW_PAGE (kassa_cashflow_page_new (store));
  show_in_window (GTK_WIDGET (page), 1280, 800);
  kassa_cashflow_page_set_months (page, FALSE);
  kassa_cashflow_page_refresh (page);

  wait_for (!kassa_cashflow_page_get_busy (page) &&
            g_strcmp0 (closing_text (page, 1), base_week2) == 0);
  g_assert_cmpstr (closing_text (page, 0), ==, base_week1);

  g_assert_true (kassa_cashflow_page_select_scenario (page, scenario_id));
  wait_for (!kassa_cashflow_page_get_busy (page) &&
            g_strcmp0 (closing_text (page, 1), costly_week2) == 0);
  g_assert_cmpstr (closing_text (page, 0), ==, base_week1);

  g_assert_true (kassa_cashflow_page_select_scenario (page, 0));
  wait_for (!kassa_cashflow_page_get_busy (page) &&
            g_strcmp0 (closing_text (page, 1), base_week2) == 0);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *name = g_strconcat ("page-", sections[i], NULL);

      kassa_cashflow_page_show_section (page, sections[i]);
      save_screenshot (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))), name);
    }

  destroy_all_windows ();
}

static guint
count_snapshots (KassaStore *store,
                 KassaDay    created_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) snapshots = kassa_store_list_forecast_snapshots (store, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < snapshots->len; i++)
    {
      const KassaForecastSnapshot *snapshot = g_ptr_array_index (snapshots, i);

      g_assert_cmpint (snapshot->created_on, ==, created_on);
      g_assert_cmpstr (snapshot->scenario_name, ==, "");
      g_assert_cmpuint (snapshot->weeks->len, ==, 13);
      n++;
    }

  return n;
}

static KassaCashflowPage *
show_computed_page (KassaStore *store)
{
  KassaCashflowPage *page = KASSA_CASHFLOW_PAGE (kassa_cashflow_page_new (store));

  show_in_window (GTK_WIDGET (page), 1280, 800);
  kassa_cashflow_page_refresh (page);
  wait_for (!kassa_cashflow_page_get_busy (page) && kassa_cashflow_page_get_data (page) != NULL);
  return page;
}

/* The monthly automatic snapshot: none without a balance; with the tiny
 * company's balance the base forecast saves one made today (its change
 * makes the page compute again, which must not save a second); a page
 * shown again the same month saves none. */
static void
test_monthly_snapshot (void)
{
  g_autoptr(KassaStore) store = NULL;
  g_autofree char *base_week2 = money_text (80000);
  KassaDay today = kassa_day_from_ymd (2026, 11, 24);
  KassaCashflowPage *page;

  if (in_parent_process ())
    return;

  store = create_company_file ("cashflow.kassa");
  page = show_computed_page (store);
  g_assert_false (kassa_cashflow_page_get_data (page)->forecast->opening.has_balance);
  g_assert_cmpuint (count_snapshots (store, today), ==, 0);
  destroy_all_windows ();

  setup_tiny_company (store);
  page = show_computed_page (store);
  kassa_cashflow_page_set_months (page, FALSE);
  wait_for (!kassa_cashflow_page_get_busy (page) &&
            g_strcmp0 (closing_text (page, 1), base_week2) == 0);
  settle (300);
  g_assert_false (kassa_cashflow_page_get_busy (page));
  g_assert_cmpuint (count_snapshots (store, today), ==, 1);
  destroy_all_windows ();

  show_computed_page (store);
  settle (300);
  g_assert_cmpuint (count_snapshots (store, today), ==, 1);
  destroy_all_windows ();
}

static void
test_mean_absolute_error (void)
{
  const gint64 errors[] = { -100, 250, 0, 51 };

  /* (100 + 250 + 0 + 51) / 4 = 100.25 → 100; (100 + 250 + 1) / 2 → 175.5 → 176 */
  g_assert_cmpint (kassa_forecast_mean_absolute_error (errors, 4), ==, 100);
  g_assert_cmpint (kassa_forecast_mean_absolute_error ((const gint64[]) { 100, -251 }, 2), ==, 176);
  g_assert_cmpint (kassa_forecast_mean_absolute_error (errors, 0), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  init_ui_test (&argc, &argv);

  g_test_add_func ("/cashflow/mean-absolute-error", test_mean_absolute_error);
  g_test_add_func ("/cashflow/accounts", test_accounts);
  g_test_add_func ("/cashflow/scheduled-items", test_scheduled_items);
  g_test_add_func ("/cashflow/scenarios", test_scenarios);
  g_test_add_func ("/cashflow/accuracy", test_accuracy);
  g_test_add_func ("/cashflow/page-scenario", test_page_scenario);
  g_test_add_func ("/cashflow/monthly-snapshot", test_monthly_snapshot);

  return g_test_run ();
}
