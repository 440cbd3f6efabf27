/* test-cashflow.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cash flow data of KassaStore on a real company file in a temporary
 * folder: accounts and balances, scheduled items, scenarios and forecast
 * snapshots — what is written, what is refused (leaving nothing behind),
 * the order of the lists, cascades and the change signal — and the
 * migration of a schema-4 file to schema 5.
 */
#define G_LOG_DOMAIN "kassa-test-cashflow"

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "kassa-date.h"
#include "kassa-demo.h"
#include "kassa-reference.h"
#include "kassa-store-cashflow.h"
#include "kassa-store-collections.h"
#include "kassa-store-schema.h"
#include "kassa-store.h"
#include "kassa-test-fixture.h"

/* A valid IBAN, once with spaces and once without. */
#define IBAN_SPACED "FI21 1234 5600 0007 85"
#define IBAN_PLAIN  "FI2112345600000785"

typedef struct
{
  char       *dir;
  char       *path;
  KassaStore *store;
  guint       n_emissions;
  guint       flags;
} Fixture;

/* Helpers */

static KassaDay
ymd (int year,
     int month,
     int day)
{
  return kassa_day_from_ymd (year, month, day);
}

static gint64
query_int (KassaStore *store,
           const char *sql)
{
  sqlite3 *db = kassa_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
on_store_changed (KassaStore *store,
                  guint       what,
                  Fixture    *f)
{
  f->n_emissions++;
  f->flags |= what;
}

static void
reset_log (Fixture *f)
{
  f->n_emissions = 0;
  f->flags = 0;
}

static void
assert_one_cashflow_change (Fixture *f)
{
  g_assert_cmpuint (f->n_emissions, ==, 1);
  g_assert_cmpuint (f->flags, ==, KASSA_STORE_CHANGE_CASHFLOW);
  reset_log (f);
}

static void
assert_no_change (Fixture *f)
{
  g_assert_cmpuint (f->n_emissions, ==, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kassa-test-cashflow-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "company.kassa", NULL);
  f->store = kassa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);

  g_signal_connect (f->store, "changed", G_CALLBACK (on_store_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kassa_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static KassaCashAccount *
new_account (const char           *name,
             KassaCashAccountKind  kind,
             const char           *iban)
{
  KassaCashAccount *account = kassa_cash_account_new ();

  g_free (account->name);
  account->name = g_strdup (name);
  account->kind = kind;
  g_free (account->iban);
  account->iban = g_strdup (iban);
  return account;
}

static gint64
save_account (Fixture          *f,
              KassaCashAccount *account)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kassa_store_save_cash_account (f->store, account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (account->id, >, 0);
  assert_one_cashflow_change (f);

  return account->id;
}

static void
set_balance (Fixture  *f,
             gint64    account_id,
             KassaDay  day,
             gint64    balance)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kassa_store_set_cash_balance (f->store, account_id, day, balance, &error));
  g_assert_no_error (error);
  assert_one_cashflow_change (f);
}

static GPtrArray *
list_accounts (Fixture  *f,
               gboolean  include_archived)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *accounts = kassa_store_list_cash_accounts (f->store, include_archived, &error);

  g_assert_no_error (error);
  g_assert_nonnull (accounts);
  return accounts;
}

static KassaScheduledItem *
new_item (const char        *name,
          KassaCashCategory  category,
          gint64             amount,
          KassaDay           start,
          KassaRecurrence    recurrence,
          KassaDay           end)
{
  KassaScheduledItem *item = kassa_scheduled_item_new ();

  g_free (item->name);
  item->name = g_strdup (name);
  item->category = category;
  item->inflow = category == KASSA_CATEGORY_OTHER_IN;
  item->amount = amount;
  item->start_date = start;
  item->recurrence = recurrence;
  item->end_date = end;
  return item;
}

static KassaScenario *
new_scenario (const char *name,
              gint        sales_bp,
              gint        delay_days,
              gint        cost_bp)
{
  KassaScenario *scenario = kassa_scenario_new ();

  g_free (scenario->name);
  scenario->name = g_strdup (name);
  scenario->sales_change_bp = sales_bp;
  scenario->payment_delay_days = delay_days;
  scenario->cost_change_bp = cost_bp;
  return scenario;
}

/* Accounts and balances */

static void
test_account_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(KassaCashAccount) bank = new_account ("  Operating account ", KASSA_CASH_ACCOUNT_BANK,
                                                  IBAN_PLAIN);
  g_autoptr(KassaCashAccount) copy = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  const KassaCashAccount *stored;

  save_account (f, bank);
  /* Saved cleaned: the name stripped, the IBAN in groups of four. */
  g_assert_cmpstr (bank->name, ==, "Operating account");
  g_assert_cmpstr (bank->iban, ==, IBAN_SPACED);

  accounts = list_accounts (f, FALSE);
  g_assert_cmpuint (accounts->len, ==, 1);
  stored = g_ptr_array_index (accounts, 0);
  g_assert_cmpint (stored->id, ==, bank->id);
  g_assert_cmpstr (stored->name, ==, "Operating account");
  g_assert_cmpint (stored->kind, ==, KASSA_CASH_ACCOUNT_BANK);
  g_assert_cmpstr (stored->iban, ==, IBAN_SPACED);
  g_assert_false (stored->archived);
  g_assert_cmpint (stored->balance_date, ==, 0);
  g_assert_cmpint (stored->balance, ==, 0);

  /* Update in place: renamed, same id, still one row. */
  copy = kassa_cash_account_copy (stored);
  g_free (copy->name);
  copy->name = g_strdup ("Main account");
  g_assert_true (kassa_store_save_cash_account (f->store, copy, &error));
  g_assert_no_error (error);
  assert_one_cashflow_change (f);
  g_assert_cmpint (copy->id, ==, bank->id);
  g_clear_pointer (&accounts, g_ptr_array_unref);
  accounts = list_accounts (f, FALSE);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_cmpstr (((KassaCashAccount *) g_ptr_array_index (accounts, 0))->name, ==,
                   "Main account");

  /* Updating an account that is gone says so and adds nothing. */
  copy->id = 999;
  g_free (copy->name);
  copy->name = g_strdup ("Gone account");
  g_assert_false (kassa_store_save_cash_account (f->store, copy, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM cash_accounts"), ==, 1);
  assert_no_change (f);
}

typedef struct
{
  const char           *name;
  KassaCashAccountKind  kind;
  const char           *iban;
  int                   code;
} AccountRefusal;

static const AccountRefusal account_refusals[] = {
  { "", KASSA_CASH_ACCOUNT_BANK, "", KASSA_STORE_ERROR_INVALID },
  { "   ", KASSA_CASH_ACCOUNT_CASH, "", KASSA_STORE_ERROR_INVALID },
  { "Savings", KASSA_CASH_ACCOUNT_BANK, "FI21 1234 5600 0007 86", KASSA_STORE_ERROR_INVALID },
  { "Till", KASSA_CASH_ACCOUNT_CASH, IBAN_PLAIN, KASSA_STORE_ERROR_INVALID },
  { "Odd", 7, "", KASSA_STORE_ERROR_INVALID },
  /* Taken by an account not archived, whatever the case. */
  { "OPERATING ACCOUNT", KASSA_CASH_ACCOUNT_BANK, "", KASSA_STORE_ERROR_DUPLICATE },
};

static void
test_account_refusals (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KassaCashAccount) existing = new_account ("Operating account", KASSA_CASH_ACCOUNT_BANK,
                                                      "");

  save_account (f, existing);

  for (guint i = 0; i < G_N_ELEMENTS (account_refusals); i++)
    {
      const AccountRefusal *r = &account_refusals[i];
      g_autoptr(KassaCashAccount) account = new_account (r->name, r->kind, r->iban);
      g_autoptr(GError) error = NULL;

      g_assert_false (kassa_store_save_cash_account (f->store, account, &error));
      g_assert_error (error, KASSA_STORE_ERROR, r->code);
      g_test_message ("refused “%s”: %s", r->name, error->message);
      g_assert_cmpint (account->id, ==, 0);
      g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM cash_accounts"), ==, 1);
      assert_no_change (f);
    }
}

/* Archived accounts are left out of the list unless asked for, and free
 * their name for a new account. */
static void
test_account_archive_and_order (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(KassaCashAccount) petty = new_account ("petty cash", KASSA_CASH_ACCOUNT_CASH, "");
  g_autoptr(KassaCashAccount) bank = new_account ("Bank", KASSA_CASH_ACCOUNT_BANK, IBAN_SPACED);
  g_autoptr(KassaCashAccount) old = new_account ("Old bank", KASSA_CASH_ACCOUNT_BANK, "");
  g_autoptr(KassaCashAccount) reused = new_account ("Old bank", KASSA_CASH_ACCOUNT_BANK, "");
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GPtrArray) all = NULL;
  static const char * const expected_all[] = { "Bank", "Old bank", "Old bank", "petty cash" };

  save_account (f, petty);
  save_account (f, bank);
  save_account (f, old);
  old->archived = TRUE;
  save_account (f, old);
  save_account (f, reused);

  /* By name, case-insensitively, then by id. */
  active = list_accounts (f, FALSE);
  g_assert_cmpuint (active->len, ==, 3);
  g_assert_cmpint (((KassaCashAccount *) g_ptr_array_index (active, 0))->id, ==, bank->id);
  g_assert_cmpint (((KassaCashAccount *) g_ptr_array_index (active, 1))->id, ==, reused->id);
  g_assert_cmpint (((KassaCashAccount *) g_ptr_array_index (active, 2))->id, ==, petty->id);

  all = list_accounts (f, TRUE);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (expected_all));
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (((KassaCashAccount *) g_ptr_array_index (all, i))->name, ==, expected_all[i]);
  g_assert_cmpint (((KassaCashAccount *) g_ptr_array_index (all, 1))->id, ==, old->id);
  g_assert_true (((KassaCashAccount *) g_ptr_array_index (all, 1))->archived);
}

/* Bank: 1 000.00 on 09-30, 2 500.50 on 10-31, replaced by −120.00 the same
 * day; cash: 300.00 on 11-15.  The latest balance of each account is its
 * last day, whatever order the entries were made in. */
static void
test_balances (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KassaCashAccount) bank = new_account ("Bank", KASSA_CASH_ACCOUNT_BANK, "");
  g_autoptr(KassaCashAccount) cash = new_account ("Cash", KASSA_CASH_ACCOUNT_CASH, "");
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GArray) balances = NULL;
  g_autoptr(GError) error = NULL;
  const KassaCashAccount *stored;
  const KassaCashBalance *b;

  save_account (f, bank);
  save_account (f, cash);
  set_balance (f, bank->id, ymd (2026, 10, 31), 250050);
  set_balance (f, bank->id, ymd (2026, 9, 30), 100000);
  set_balance (f, cash->id, ymd (2026, 11, 15), 30000);
  set_balance (f, bank->id, ymd (2026, 10, 31), -12000);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM cash_balances"), ==, 3);

  accounts = list_accounts (f, FALSE);
  stored = g_ptr_array_index (accounts, 0);
  g_assert_cmpint (stored->id, ==, bank->id);
  g_assert_cmpint (stored->balance_date, ==, ymd (2026, 10, 31));
  g_assert_cmpint (stored->balance, ==, -12000);
  stored = g_ptr_array_index (accounts, 1);
  g_assert_cmpint (stored->balance_date, ==, ymd (2026, 11, 15));
  g_assert_cmpint (stored->balance, ==, 30000);

  /* All accounts by day; one account; a range. */
  balances = kassa_store_list_cash_balances (f->store, 0, ymd (2026, 1, 1), ymd (2026, 12, 31),
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (balances->len, ==, 3);
  b = &g_array_index (balances, KassaCashBalance, 0);
  g_assert_cmpint (b->account_id, ==, bank->id);
  g_assert_cmpint (b->day, ==, ymd (2026, 9, 30));
  g_assert_cmpint (b->balance, ==, 100000);
  b = &g_array_index (balances, KassaCashBalance, 2);
  g_assert_cmpint (b->account_id, ==, cash->id);
  g_assert_cmpint (b->balance, ==, 30000);
  g_clear_pointer (&balances, g_array_unref);

  balances = kassa_store_list_cash_balances (f->store, bank->id, ymd (2026, 10, 1),
                                             ymd (2026, 11, 30), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (balances->len, ==, 1);
  g_assert_cmpint (g_array_index (balances, KassaCashBalance, 0).balance, ==, -12000);
  g_clear_pointer (&balances, g_array_unref);

  /* Deleting the latest makes the one before it the latest. */
  g_assert_true (kassa_store_delete_cash_balance (f->store, bank->id, ymd (2026, 10, 31), &error));
  g_assert_no_error (error);
  assert_one_cashflow_change (f);
  g_clear_pointer (&accounts, g_ptr_array_unref);
  accounts = list_accounts (f, FALSE);
  stored = g_ptr_array_index (accounts, 0);
  g_assert_cmpint (stored->balance_date, ==, ymd (2026, 9, 30));
  g_assert_cmpint (stored->balance, ==, 100000);

  g_assert_false (kassa_store_delete_cash_balance (f->store, bank->id, ymd (2026, 10, 31), &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  assert_no_change (f);
}

static void
test_balance_refusals (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KassaCashAccount) bank = new_account ("Bank", KASSA_CASH_ACCOUNT_BANK, "");
  struct { gint64 account; KassaDay day; gint64 balance; int code; } cases[] = {
    { 0, ymd (2026, 11, 1), 100, KASSA_STORE_ERROR_NOT_FOUND },
    { 999, ymd (2026, 11, 1), 100, KASSA_STORE_ERROR_NOT_FOUND },
    { 0, 0, 100, KASSA_STORE_ERROR_INVALID },
    { 0, ymd (2026, 11, 1), G_GINT64_CONSTANT (2000000000000000), KASSA_STORE_ERROR_INVALID },
  };

  save_account (f, bank);
  cases[2].account = bank->id;
  cases[3].account = bank->id;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (kassa_store_set_cash_balance (f->store, cases[i].account, cases[i].day,
                                                    cases[i].balance, &error));
      g_assert_error (error, KASSA_STORE_ERROR, cases[i].code);
      g_test_message ("refused balance %u: %s", i, error->message);
      g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM cash_balances"), ==, 0);
      assert_no_change (f);
    }
}

static void
test_account_delete_cascades (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(KassaCashAccount) bank = new_account ("Bank", KASSA_CASH_ACCOUNT_BANK, "");
  g_autoptr(KassaCashAccount) cash = new_account ("Cash", KASSA_CASH_ACCOUNT_CASH, "");
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  save_account (f, bank);
  save_account (f, cash);
  set_balance (f, bank->id, ymd (2026, 10, 31), 1000);
  set_balance (f, bank->id, ymd (2026, 11, 20), 2000);
  set_balance (f, cash->id, ymd (2026, 11, 20), 50);

  g_assert_true (kassa_store_delete_cash_account (f->store, bank->id, &error));
  g_assert_no_error (error);
  assert_one_cashflow_change (f);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM cash_balances"), ==, 1);
  accounts = list_accounts (f, TRUE);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_cmpint (((KassaCashAccount *) g_ptr_array_index (accounts, 0))->balance, ==, 50);

  g_assert_false (kassa_store_delete_cash_account (f->store, bank->id, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  assert_no_change (f);
}

/* Scheduled items */

static void
test_item_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KassaScheduledItem) rent = new_item ("Rent", KASSA_CATEGORY_RENT, 1800000,
                                                 ymd (2026, 12, 1), KASSA_SCHEDULE_MONTHLY, 0);
  g_autoptr(KassaScheduledItem) grant = new_item ("Grant", KASSA_CATEGORY_OTHER_IN, 5000000,
                                                  ymd (2027, 1, 15), KASSA_SCHEDULE_ONCE, 0);
  g_autoptr(KassaScheduledItem) loan = new_item ("Bank loan", KASSA_CATEGORY_LOAN, 4500000,
                                                 ymd (2026, 12, 1), KASSA_SCHEDULE_QUARTERLY,
                                                 ymd (2029, 12, 31));
  g_autoptr(KassaScheduledItem) insurance = new_item ("Insurance", KASSA_CATEGORY_OTHER_OUT, 2400000,
                                                      ymd (2026, 3, 1), KASSA_SCHEDULE_YEARLY, 0);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  const KassaScheduledItem *stored;

  g_free (loan->notes);
  loan->notes = g_strdup ("Nordea, 5 years");
  for (guint i = 0; i < 4; i++)
    {
      KassaScheduledItem *item = (KassaScheduledItem *[]) { rent, grant, loan, insurance }[i];

      g_assert_true (kassa_store_save_scheduled_item (f->store, item, &error));
      g_assert_no_error (error);
      g_assert_cmpint (item->id, >, 0);
      assert_one_cashflow_change (f);
    }

  /* By start date, then name: Insurance (03-01), Bank loan and Rent
   * (12-01), Grant (2027). */
  items = kassa_store_list_scheduled_items (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 4);
  g_assert_cmpint (((KassaScheduledItem *) g_ptr_array_index (items, 0))->id, ==, insurance->id);
  g_assert_cmpint (((KassaScheduledItem *) g_ptr_array_index (items, 1))->id, ==, loan->id);
  g_assert_cmpint (((KassaScheduledItem *) g_ptr_array_index (items, 2))->id, ==, rent->id);
  g_assert_cmpint (((KassaScheduledItem *) g_ptr_array_index (items, 3))->id, ==, grant->id);

  stored = g_ptr_array_index (items, 1);
  g_assert_cmpstr (stored->name, ==, "Bank loan");
  g_assert_cmpint (stored->category, ==, KASSA_CATEGORY_LOAN);
  g_assert_false (stored->inflow);
  g_assert_cmpint (stored->amount, ==, 4500000);
  g_assert_cmpint (stored->start_date, ==, ymd (2026, 12, 1));
  g_assert_cmpint (stored->recurrence, ==, KASSA_SCHEDULE_QUARTERLY);
  g_assert_cmpint (stored->end_date, ==, ymd (2029, 12, 31));
  g_assert_cmpstr (stored->notes, ==, "Nordea, 5 years");
  stored = g_ptr_array_index (items, 3);
  g_assert_true (stored->inflow);
  g_assert_cmpint (stored->end_date, ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM scheduled_items"
                                        " WHERE end_date IS NULL"), ==, 3);

  /* Update: ends, and the amount changes. */
  rent->amount = 1950000;
  rent->end_date = ymd (2027, 6, 30);
  g_assert_true (kassa_store_save_scheduled_item (f->store, rent, &error));
  g_assert_no_error (error);
  assert_one_cashflow_change (f);
  g_assert_cmpint (query_int (f->store, "SELECT amount FROM scheduled_items WHERE name = 'Rent'"),
                   ==, 1950000);

  g_assert_true (kassa_store_delete_scheduled_item (f->store, grant->id, &error));
  g_assert_no_error (error);
  assert_one_cashflow_change (f);
  g_assert_false (kassa_store_delete_scheduled_item (f->store, grant->id, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM scheduled_items"), ==, 3);
  assert_no_change (f);
}

static void break_name (KassaScheduledItem *i) { g_free (i->name); i->name = g_strdup (" "); }
static void break_amount_zero (KassaScheduledItem *i) { i->amount = 0; }
static void break_amount_negative (KassaScheduledItem *i) { i->amount = -100; }
static void break_end_before_start (KassaScheduledItem *i) { i->end_date = i->start_date - 1; }
static void break_start (KassaScheduledItem *i) { i->start_date = 0; }
static void break_category (KassaScheduledItem *i) { i->category = KASSA_N_CATEGORIES; }
static void break_category_negative (KassaScheduledItem *i) { i->category = -1; }
static void break_recurrence (KassaScheduledItem *i) { i->recurrence = KASSA_SCHEDULE_YEARLY + 1; }
static void break_notes (KassaScheduledItem *i) { g_free (i->notes); i->notes = g_strnfill (10001, 'x'); }

static void (* const item_breakers[]) (KassaScheduledItem *) = {
  break_name, break_amount_zero, break_amount_negative, break_end_before_start, break_start,
  break_category, break_category_negative, break_recurrence, break_notes,
};

/* Each broken item is refused on insert and on update of a stored one, and
 * the stored row stays as it was. */
static void
test_item_refusals (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KassaScheduledItem) stored = new_item ("Salaries", KASSA_CATEGORY_SALARIES, 18000000,
                                                   ymd (2026, 11, 30), KASSA_SCHEDULE_MONTHLY, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (kassa_store_save_scheduled_item (f->store, stored, &error));
  g_assert_no_error (error);
  reset_log (f);

  for (guint i = 0; i < G_N_ELEMENTS (item_breakers); i++)
    {
      g_autoptr(KassaScheduledItem) fresh = new_item ("Supplier", KASSA_CATEGORY_SUPPLIERS, 100,
                                                      ymd (2026, 12, 7), KASSA_SCHEDULE_WEEKLY, 0);
      g_autoptr(KassaScheduledItem) update = kassa_scheduled_item_copy (stored);

      item_breakers[i] (fresh);
      g_assert_false (kassa_store_save_scheduled_item (f->store, fresh, &error));
      g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
      g_test_message ("refused item %u: %s", i, error->message);
      g_clear_error (&error);
      g_assert_cmpint (fresh->id, ==, 0);

      item_breakers[i] (update);
      g_assert_false (kassa_store_save_scheduled_item (f->store, update, &error));
      g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
      g_clear_error (&error);

      g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM scheduled_items"), ==, 1);
      g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM scheduled_items"
                                            " WHERE name = 'Salaries' AND amount = 18000000"
                                            " AND category = 1 AND recurrence = 2"
                                            " AND end_date IS NULL"), ==, 1);
      assert_no_change (f);
    }

  /* One day is enough: an end on the start day is fine. */
  stored->end_date = stored->start_date;
  g_assert_true (kassa_store_save_scheduled_item (f->store, stored, &error));
  g_assert_no_error (error);
}

/* Scenarios */

typedef struct
{
  gint     sales_bp;
  gint     delay_days;
  gint     cost_bp;
  gboolean valid;
} ScenarioRange;

static const ScenarioRange scenario_ranges[] = {
  { -10000, -60, -10000, TRUE },
  { 10000, 180, 10000, TRUE },
  { 0, 0, 0, TRUE },
  { -10001, 0, 0, FALSE },
  { 10001, 0, 0, FALSE },
  { 0, -61, 0, FALSE },
  { 0, 181, 0, FALSE },
  { 0, 0, -10001, FALSE },
  { 0, 0, 10001, FALSE },
};

static void
test_scenario_ranges (Fixture       *f,
                      gconstpointer  data)
{
  gint64 n_valid = 0;

  for (guint i = 0; i < G_N_ELEMENTS (scenario_ranges); i++)
    {
      const ScenarioRange *r = &scenario_ranges[i];
      g_autofree char *name = g_strdup_printf ("Scenario %u", i);
      g_autoptr(KassaScenario) scenario = new_scenario (name, r->sales_bp, r->delay_days,
                                                        r->cost_bp);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (kassa_store_save_scenario (f->store, scenario, &error), ==, r->valid);
      if (r->valid)
        {
          g_assert_no_error (error);
          assert_one_cashflow_change (f);
          n_valid++;
        }
      else
        {
          g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
          g_test_message ("refused scenario %u: %s", i, error->message);
          g_assert_cmpint (scenario->id, ==, 0);
          assert_no_change (f);
        }
      g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM scenarios"), ==, n_valid);
    }
}

static void
test_scenario_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KassaScenario) pessimistic = new_scenario ("Pessimistic", -1500, 10, 500);
  g_autoptr(KassaScenario) optimistic = new_scenario ("Optimistic", 1000, -5, 0);
  g_autoptr(KassaScenario) clash = new_scenario ("pessimistic", 0, 0, 0);
  g_autoptr(KassaScenario) blank = new_scenario ("", 0, 0, 0);
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(GError) error = NULL;
  const KassaScenario *stored;

  g_assert_true (kassa_store_save_scenario (f->store, pessimistic, &error));
  g_assert_true (kassa_store_save_scenario (f->store, optimistic, &error));
  g_assert_no_error (error);
  reset_log (f);

  /* Names are unique whatever their case; a name is required. */
  g_assert_false (kassa_store_save_scenario (f->store, clash, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_DUPLICATE);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (clash->id, ==, 0);
  g_assert_false (kassa_store_save_scenario (f->store, blank, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  optimistic->id = optimistic->id;
  g_free (optimistic->name);
  optimistic->name = g_strdup ("Pessimistic");
  g_assert_false (kassa_store_save_scenario (f->store, optimistic, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  assert_no_change (f);

  /* Saving under its own name is no clash. */
  pessimistic->payment_delay_days = 14;
  g_assert_true (kassa_store_save_scenario (f->store, pessimistic, &error));
  g_assert_no_error (error);
  assert_one_cashflow_change (f);

  /* By name. */
  scenarios = kassa_store_list_scenarios (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scenarios->len, ==, 2);
  stored = g_ptr_array_index (scenarios, 0);
  g_assert_cmpstr (stored->name, ==, "Optimistic");
  g_assert_cmpint (stored->sales_change_bp, ==, 1000);
  g_assert_cmpint (stored->payment_delay_days, ==, -5);
  g_assert_cmpint (stored->cost_change_bp, ==, 0);
  stored = g_ptr_array_index (scenarios, 1);
  g_assert_cmpint (stored->id, ==, pessimistic->id);
  g_assert_cmpint (stored->sales_change_bp, ==, -1500);
  g_assert_cmpint (stored->payment_delay_days, ==, 14);
  g_assert_cmpint (stored->cost_change_bp, ==, 500);

  g_assert_true (kassa_store_delete_scenario (f->store, pessimistic->id, &error));
  g_assert_no_error (error);
  assert_one_cashflow_change (f);
  g_assert_false (kassa_store_delete_scenario (f->store, pessimistic->id, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM scenarios"), ==, 1);
}

/* Snapshots */

static KassaForecastSnapshot *
new_snapshot (KassaDay    created_on,
              const char *scenario_name,
              guint       n_weeks)
{
  KassaForecastSnapshot *snapshot = kassa_forecast_snapshot_new ();

  snapshot->created_on = created_on;
  g_free (snapshot->scenario_name);
  snapshot->scenario_name = g_strdup (scenario_name);
  for (guint i = 0; i < n_weeks; i++)
    {
      KassaSnapshotWeek week = {
        .week_start = created_on + 7 * (KassaDay) i,
        .receipts = 100000 * (i + 1),
        .outflows = 50000 + i,
        .closing_balance = -2500 + 1000 * (gint64) i,
      };

      g_array_append_val (snapshot->weeks, week);
    }
  return snapshot;
}

static void
save_snapshot (Fixture               *f,
               KassaForecastSnapshot *snapshot)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kassa_store_save_forecast_snapshot (f->store, snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (snapshot->id, >, 0);
  assert_one_cashflow_change (f);
}

static void
test_snapshots (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KassaForecastSnapshot) october = new_snapshot (ymd (2026, 10, 5), "", 13);
  g_autoptr(KassaForecastSnapshot) november = new_snapshot (ymd (2026, 11, 2), "Pessimistic", 3);
  g_autoptr(KassaForecastSnapshot) november_base = new_snapshot (ymd (2026, 11, 2), "", 2);
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;
  const KassaForecastSnapshot *stored;
  const KassaSnapshotWeek *week;

  save_snapshot (f, october);
  save_snapshot (f, november);
  save_snapshot (f, november_base);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM forecast_snapshot_weeks"), ==, 18);

  /* Newest first; the same day by id, newest first. */
  snapshots = kassa_store_list_forecast_snapshots (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 3);
  g_assert_cmpint (((KassaForecastSnapshot *) g_ptr_array_index (snapshots, 0))->id, ==,
                   november_base->id);
  stored = g_ptr_array_index (snapshots, 1);
  g_assert_cmpint (stored->id, ==, november->id);
  g_assert_cmpint (stored->created_on, ==, ymd (2026, 11, 2));
  g_assert_cmpstr (stored->scenario_name, ==, "Pessimistic");
  g_assert_cmpuint (stored->weeks->len, ==, 3);
  week = &g_array_index (stored->weeks, KassaSnapshotWeek, 2);
  g_assert_cmpint (week->week_start, ==, ymd (2026, 11, 16));
  g_assert_cmpint (week->receipts, ==, 300000);
  g_assert_cmpint (week->outflows, ==, 50002);
  g_assert_cmpint (week->closing_balance, ==, -500);
  stored = g_ptr_array_index (snapshots, 2);
  g_assert_cmpstr (stored->scenario_name, ==, "");
  g_assert_cmpuint (stored->weeks->len, ==, 13);
  g_assert_cmpint (g_array_index (stored->weeks, KassaSnapshotWeek, 12).week_start, ==,
                   ymd (2026, 12, 28));

  /* Deleting takes its weeks along. */
  g_assert_true (kassa_store_delete_forecast_snapshot (f->store, october->id, &error));
  g_assert_no_error (error);
  assert_one_cashflow_change (f);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM forecast_snapshot_weeks"), ==, 5);
  g_assert_false (kassa_store_delete_forecast_snapshot (f->store, october->id, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  assert_no_change (f);
}

static void break_snapshot_date (KassaForecastSnapshot *s) { s->created_on = 0; }
static void break_snapshot_empty (KassaForecastSnapshot *s) { g_array_set_size (s->weeks, 0); }
static void break_snapshot_order (KassaForecastSnapshot *s)
{
  g_array_index (s->weeks, KassaSnapshotWeek, 2).week_start =
    g_array_index (s->weeks, KassaSnapshotWeek, 1).week_start;
}
static void break_snapshot_outflows (KassaForecastSnapshot *s)
{
  g_array_index (s->weeks, KassaSnapshotWeek, 3).outflows = -1;
}

static void (* const snapshot_breakers[]) (KassaForecastSnapshot *) = {
  break_snapshot_date, break_snapshot_empty, break_snapshot_order, break_snapshot_outflows,
};

/* A refused snapshot writes neither its header nor any of its weeks. */
static void
test_snapshot_refusals (Fixture       *f,
                        gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (snapshot_breakers); i++)
    {
      g_autoptr(KassaForecastSnapshot) snapshot = new_snapshot (ymd (2026, 11, 23), "", 5);
      g_autoptr(GError) error = NULL;

      snapshot_breakers[i] (snapshot);
      g_assert_false (kassa_store_save_forecast_snapshot (f->store, snapshot, &error));
      g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
      g_test_message ("refused snapshot %u: %s", i, error->message);
      g_assert_cmpint (snapshot->id, ==, 0);
      g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM forecast_snapshots"), ==, 0);
      g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM forecast_snapshot_weeks"), ==, 0);
      assert_no_change (f);
    }
}

/* Names */

static void
test_names (Fixture       *f,
            gconstpointer  data)
{
  static const char * const categories[] = {
    "Rent", "Salaries", "Taxes", "Loan payments", "Supplier bills", "Other outflow", "Other inflow",
  };
  static const char * const recurrences[] = { "Once", "Weekly", "Monthly", "Quarterly", "Yearly" };

  G_STATIC_ASSERT (G_N_ELEMENTS (categories) == KASSA_N_CATEGORIES);
  for (guint i = 0; i < KASSA_N_CATEGORIES; i++)
    g_assert_cmpstr (kassa_cash_category_to_string (i), ==, categories[i]);
  for (guint i = 0; i < G_N_ELEMENTS (recurrences); i++)
    g_assert_cmpstr (kassa_recurrence_to_string (i), ==, recurrences[i]);
  g_assert_cmpstr (kassa_cash_category_to_string (KASSA_N_CATEGORIES), ==, "");
  g_assert_cmpstr (kassa_recurrence_to_string (KASSA_SCHEDULE_YEARLY + 1), ==, "");
}

/* Demo company */

static const KassaScheduledItem *
find_item (GPtrArray  *items,
           const char *name)
{
  for (guint i = 0; i < items->len; i++)
    {
      const KassaScheduledItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->name, name))
        return item;
    }

  g_assert_not_reached ();
}

static int
mday_of (KassaDay day)
{
  int year, month, mday;

  kassa_day_to_ymd (day, &year, &month, &mday);
  return mday;
}

/* The demo's cash data for two "todays" (one right after a 30-day month):
 * two accounts whose latest balance is three days old, salaries on a 31st
 * (so every month's last day), taxes on the 12th, suppliers on Fridays,
 * the one-off items ahead, the two scenarios and the 150 000 € buffer. */
static void
test_demo_cash_data (Fixture       *f,
                     gconstpointer  data)
{
  static const int todays[][3] = { { 2026, 11, 24 }, { 2027, 5, 2 } };

  for (guint t = 0; t < G_N_ELEMENTS (todays); t++)
    {
      KassaDay today = ymd (todays[t][0], todays[t][1], todays[t][2]);
      g_autofree char *name = g_strdup_printf ("demo-%u.kassa", t);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(KassaStore) store = kassa_store_open (path, &error);
      g_autoptr(KassaCompany) company = NULL;
      g_autoptr(GPtrArray) accounts = NULL;
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GPtrArray) scenarios = NULL;
      const KassaCashAccount *account;
      const KassaScheduledItem *item;
      const KassaScenario *scenario;
      KassaDemoSpec spec;

      g_assert_no_error (error);
      kassa_demo_spec_init_demo (&spec, today);
      g_assert_true (kassa_demo_generate (store, &spec, &error));
      g_assert_no_error (error);

      company = kassa_store_get_company (store);
      g_assert_cmpint (company->minimum_cash_buffer, ==, 15000000);

      accounts = kassa_store_list_cash_accounts (store, FALSE, NULL);
      g_assert_cmpuint (accounts->len, ==, 2);
      account = g_ptr_array_index (accounts, 0);
      g_assert_cmpstr (account->name, ==, "Operating account");
      g_assert_cmpint (account->kind, ==, KASSA_CASH_ACCOUNT_BANK);
      g_assert_true (kassa_iban_is_valid (account->iban));
      g_assert_cmpint (account->balance_date, ==, today - 3);
      g_assert_cmpint (account->balance, ==, 23127540);
      account = g_ptr_array_index (accounts, 1);
      g_assert_cmpint (account->kind, ==, KASSA_CASH_ACCOUNT_CASH);
      g_assert_cmpint (account->balance_date, ==, today - 3);
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM cash_balances"), ==, 6);
      /* Older entries are month ends. */
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM cash_balances WHERE"
                                         " strftime ('%d', day + 1721425.5) <> '01'"), ==, 2);

      items = kassa_store_list_scheduled_items (store, NULL);
      g_assert_cmpuint (items->len, ==, 8);
      item = find_item (items, "Salaries");
      g_assert_cmpint (item->recurrence, ==, KASSA_SCHEDULE_MONTHLY);
      g_assert_cmpint (mday_of (item->start_date), ==, 31);
      g_assert_cmpint (item->start_date, <, today);
      g_assert_cmpint (item->start_date, >=, today - 62);
      item = find_item (items, "VAT and employer taxes");
      g_assert_cmpint (mday_of (item->start_date), ==, 12);
      g_assert_cmpint (item->category, ==, KASSA_CATEGORY_TAXES);
      item = find_item (items, "Printing and materials");
      g_assert_cmpint (item->recurrence, ==, KASSA_SCHEDULE_WEEKLY);
      g_assert_cmpint ((item->start_date - 1) % 7, ==, 4);
      item = find_item (items, "Bank loan instalment");
      g_assert_cmpint (item->recurrence, ==, KASSA_SCHEDULE_QUARTERLY);
      g_assert_cmpint (item->end_date, >, today + 365 * 2);
      item = find_item (items, "Large-format printer");
      g_assert_cmpint (item->recurrence, ==, KASSA_SCHEDULE_ONCE);
      g_assert_cmpint (item->start_date, >, today + 30);
      g_assert_cmpint (item->start_date, <, today + 92);
      item = find_item (items, "Business Finland grant");
      g_assert_true (item->inflow);
      g_assert_cmpint (item->start_date, >, today);
      g_assert_cmpint (item->start_date, <, find_item (items, "Large-format printer")->start_date);
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM scheduled_items WHERE inflow = 1"),
                       ==, 1);

      scenarios = kassa_store_list_scenarios (store, NULL);
      g_assert_cmpuint (scenarios->len, ==, 2);
      scenario = g_ptr_array_index (scenarios, 1);
      g_assert_cmpstr (scenario->name, ==, "Pessimistic");
      g_assert_cmpint (scenario->sales_change_bp, ==, -1500);
      g_assert_cmpint (scenario->payment_delay_days, ==, 10);
      g_assert_cmpint (scenario->cost_change_bp, ==, 500);
      scenario = g_ptr_array_index (scenarios, 0);
      g_assert_cmpstr (scenario->name, ==, "Optimistic");
      g_assert_cmpint (scenario->sales_change_bp, ==, 1000);
      g_assert_cmpint (scenario->payment_delay_days, ==, -5);
    }
}

/* Migration from schema 4 */

static void
exec_raw (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A version-4 company file built from the migration steps 1 … 4 the way
 * Kassa wrote it, with a company, a customer and a setting. */
static void
make_v4_file (const char *path)
{
  const KassaMigration *steps = kassa_store_schema_migrations ();
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 4;",
                                              KASSA_SQLITE_APPLICATION_ID);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  exec_raw (db, "BEGIN");
  for (guint i = 0; steps[i].sql != NULL && steps[i].version <= 4; i++)
    exec_raw (db, steps[i].sql);
  exec_raw (db, "INSERT INTO company (id, name, minimum_cash_buffer) VALUES (1, 'Vanha Oy', 1500000);"
                "INSERT INTO customers (number, name) VALUES ('1001', 'Asiakas Oy');"
                "INSERT INTO settings (key, value) VALUES ('aging-basis', 'due');");
  exec_raw (db, pragmas);
  exec_raw (db, "COMMIT");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_migrate_v4 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(KassaCompany) company = NULL;
  g_autoptr(KassaCashAccount) account = new_account ("Bank", KASSA_CASH_ACCOUNT_BANK, "");
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v4.kassa", NULL);
  g_autofree char *backup = g_strconcat (path, ".backup-1", NULL);
  g_autofree char *setting = NULL;

  make_v4_file (path);
  store = kassa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, KASSA_STORE_SCHEMA_VERSION);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  /* Old data kept. */
  company = kassa_store_get_company (store);
  g_assert_nonnull (company);
  g_assert_cmpstr (company->name, ==, "Vanha Oy");
  g_assert_cmpint (company->minimum_cash_buffer, ==, 1500000);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM customers"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM reference_rates"), ==, 16);
  setting = kassa_store_get_setting (store, "aging-basis");
  g_assert_cmpstr (setting, ==, "due");

  /* New tables, empty and usable. */
  accounts = kassa_store_list_cash_accounts (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 0);
  g_assert_true (kassa_store_save_cash_account (store, account, &error));
  g_assert_no_error (error);
  g_assert_true (kassa_store_set_cash_balance (store, account->id, ymd (2026, 11, 21), 123, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scheduled_items"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scenarios"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM forecast_snapshots"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

/* The CHECK constraints hold even for writes that bypass the store. */
static void
test_schema_checks (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const refused[] = {
    "INSERT INTO cash_accounts (name, kind) VALUES ('X', 2)",
    "INSERT INTO cash_balances (account_id, day, balance) VALUES (999, 740000, 1)",
    "INSERT INTO scheduled_items (name, category, amount, start_date) VALUES ('X', 7, 1, 740000)",
    "INSERT INTO scheduled_items (name, category, amount, start_date) VALUES ('X', 0, 0, 740000)",
    "INSERT INTO scheduled_items (name, category, amount, start_date, recurrence)"
    " VALUES ('X', 0, 1, 740000, 5)",
    "INSERT INTO scheduled_items (name, category, amount, start_date, end_date)"
    " VALUES ('X', 0, 1, 740000, 739999)",
    "INSERT INTO scenarios (name, sales_change_bp) VALUES ('X', 10001)",
    "INSERT INTO scenarios (name, payment_delay_days) VALUES ('X', -61)",
    "INSERT INTO forecast_snapshot_weeks (snapshot_id, week_start, receipts, outflows,"
    " closing_balance) VALUES (999, 740000, 0, 0, 0)",
  };
  sqlite3 *db = kassa_store_get_db (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("%s", refused[i]);
      g_assert_cmpint (sqlite3_exec (db, refused[i], NULL, NULL, NULL) & 0xff, ==,
                       SQLITE_CONSTRAINT);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/cashflow/account/round-trip", test_account_round_trip);
  ADD ("/store/cashflow/account/refusals", test_account_refusals);
  ADD ("/store/cashflow/account/archive-and-order", test_account_archive_and_order);
  ADD ("/store/cashflow/account/delete-cascades", test_account_delete_cascades);
  ADD ("/store/cashflow/balance/latest-and-replace", test_balances);
  ADD ("/store/cashflow/balance/refusals", test_balance_refusals);
  ADD ("/store/cashflow/item/round-trip", test_item_round_trip);
  ADD ("/store/cashflow/item/refusals", test_item_refusals);
  ADD ("/store/cashflow/scenario/ranges", test_scenario_ranges);
  ADD ("/store/cashflow/scenario/round-trip", test_scenario_round_trip);
  ADD ("/store/cashflow/snapshot/round-trip", test_snapshots);
  ADD ("/store/cashflow/snapshot/refusals", test_snapshot_refusals);
  ADD ("/store/cashflow/names", test_names);
  ADD ("/store/cashflow/migrate-v4", test_migrate_v4);
  ADD ("/store/cashflow/schema-checks", test_schema_checks);
  ADD ("/store/cashflow/demo", test_demo_cash_data);

#undef ADD

  return g_test_run ();
}
