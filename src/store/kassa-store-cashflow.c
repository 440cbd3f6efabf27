/* kassa-store-cashflow.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cash flow data of KassaStore: cash accounts and their balances, scheduled
 * inflows and outflows, forecast scenarios and forecast snapshots.
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-reference.h"
#include "kassa-store-cashflow.h"
#include "kassa-store-private.h"

#define NOTES_MAX_CHARS 10000

/* Records */

G_DEFINE_BOXED_TYPE (KassaCashAccount, kassa_cash_account,
                     kassa_cash_account_copy, kassa_cash_account_free)
G_DEFINE_BOXED_TYPE (KassaScheduledItem, kassa_scheduled_item,
                     kassa_scheduled_item_copy, kassa_scheduled_item_free)

KassaCashAccount *
kassa_cash_account_new (void)
{
  KassaCashAccount *account = g_new0 (KassaCashAccount, 1);

  account->name = g_strdup ("");
  account->iban = g_strdup ("");
  return account;
}

KassaCashAccount *
kassa_cash_account_copy (const KassaCashAccount *account)
{
  KassaCashAccount *copy = g_memdup2 (account, sizeof *account);

  copy->name = g_strdup (account->name);
  copy->iban = g_strdup (account->iban);
  return copy;
}

void
kassa_cash_account_free (KassaCashAccount *account)
{
  if (account == NULL)
    return;

  g_free (account->name);
  g_free (account->iban);
  g_free (account);
}

KassaScheduledItem *
kassa_scheduled_item_new (void)
{
  KassaScheduledItem *item = g_new0 (KassaScheduledItem, 1);

  item->name = g_strdup ("");
  item->notes = g_strdup ("");
  item->category = KASSA_CATEGORY_OTHER_OUT;
  return item;
}

KassaScheduledItem *
kassa_scheduled_item_copy (const KassaScheduledItem *item)
{
  KassaScheduledItem *copy = g_memdup2 (item, sizeof *item);

  copy->name = g_strdup (item->name);
  copy->notes = g_strdup (item->notes);
  return copy;
}

void
kassa_scheduled_item_free (KassaScheduledItem *item)
{
  if (item == NULL)
    return;

  g_free (item->name);
  g_free (item->notes);
  g_free (item);
}

KassaScenario *
kassa_scenario_new (void)
{
  KassaScenario *scenario = g_new0 (KassaScenario, 1);

  scenario->name = g_strdup ("");
  return scenario;
}

KassaScenario *
kassa_scenario_copy (const KassaScenario *scenario)
{
  KassaScenario *copy = g_memdup2 (scenario, sizeof *scenario);

  copy->name = g_strdup (scenario->name);
  return copy;
}

void
kassa_scenario_free (KassaScenario *scenario)
{
  if (scenario == NULL)
    return;

  g_free (scenario->name);
  g_free (scenario);
}

KassaForecastSnapshot *
kassa_forecast_snapshot_new (void)
{
  KassaForecastSnapshot *snapshot = g_new0 (KassaForecastSnapshot, 1);

  snapshot->scenario_name = g_strdup ("");
  snapshot->weeks = g_array_new (FALSE, TRUE, sizeof (KassaSnapshotWeek));
  return snapshot;
}

void
kassa_forecast_snapshot_free (KassaForecastSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_free (snapshot->scenario_name);
  g_clear_pointer (&snapshot->weeks, g_array_unref);
  g_free (snapshot);
}

const char *
kassa_cash_category_to_string (KassaCashCategory category)
{
  switch (category)
    {
    case KASSA_CATEGORY_RENT:      return C_("cash category", "Rent");
    case KASSA_CATEGORY_SALARIES:  return C_("cash category", "Salaries");
    case KASSA_CATEGORY_TAXES:     return C_("cash category", "Taxes");
    case KASSA_CATEGORY_LOAN:      return C_("cash category", "Loan payments");
    case KASSA_CATEGORY_SUPPLIERS: return C_("cash category", "Supplier bills");
    case KASSA_CATEGORY_OTHER_OUT: return C_("cash category", "Other outflow");
    case KASSA_CATEGORY_OTHER_IN:  return C_("cash category", "Other inflow");
    case KASSA_N_CATEGORIES:
    default:                       return "";
    }
}

const char *
kassa_recurrence_to_string (KassaRecurrence recurrence)
{
  switch (recurrence)
    {
    case KASSA_SCHEDULE_ONCE:      return C_("recurrence", "Once");
    case KASSA_SCHEDULE_WEEKLY:    return C_("recurrence", "Weekly");
    case KASSA_SCHEDULE_MONTHLY:   return C_("recurrence", "Monthly");
    case KASSA_SCHEDULE_QUARTERLY: return C_("recurrence", "Quarterly");
    case KASSA_SCHEDULE_YEARLY:    return C_("recurrence", "Yearly");
    default:                       return "";
    }
}

/* Accounts */

static void
normalize_account (KassaCashAccount *account)
{
  kassa_store_strip_string (account->name);
  kassa_store_strip_string (account->iban);

  if (!kassa_store_is_blank (account->iban) && kassa_iban_is_valid (account->iban))
    {
      g_autofree char *formatted = kassa_iban_format (account->iban);

      g_free (account->iban);
      account->iban = g_steal_pointer (&formatted);
    }
}

static gboolean
validate_account (const KassaCashAccount  *account,
                  GError                 **error)
{
  if (!kassa_store_validate_name (account->name, _("Enter a name for the account."), error))
    return FALSE;
  if (account->kind != KASSA_CASH_ACCOUNT_BANK && account->kind != KASSA_CASH_ACCOUNT_CASH)
    return kassa_store_set_invalid (error, _("Choose whether the account is a bank account or cash."));
  if (account->kind == KASSA_CASH_ACCOUNT_CASH && !kassa_store_is_blank (account->iban))
    return kassa_store_set_invalid (error,
                                    _("Cash has no IBAN. Clear the IBAN or make it a bank account."));
  if (!kassa_store_is_blank (account->iban) && !kassa_iban_is_valid (account->iban))
    return kassa_store_set_invalid (error, _("The IBAN is not valid. Check the account number."));

  return TRUE;
}

static gboolean
check_account_name_free (KassaStore              *self,
                         const KassaCashAccount  *account,
                         GError                 **error)
{
  gboolean taken;

  /* An archived account keeps its name out of the way of new ones. */
  if (account->archived)
    return TRUE;

  if (!kassa_store_query_exists (self,
                     "SELECT 1 FROM cash_accounts WHERE name = ?1 COLLATE NOCASE"
                     " AND archived = 0 AND id <> ?2",
                     account->name, account->id, &taken, error))
    return FALSE;
  if (!taken)
    return TRUE;

  /* Translators: %s is the name of a cash account. */
  g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_DUPLICATE,
               _("There is already an account called “%s”. Choose another name."), account->name);
  return FALSE;
}

static gboolean
write_account (KassaStore        *self,
               KassaCashAccount  *account,
               GError           **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean inserting = account->id == 0;

  if (!validate_account (account, error) || !check_account_name_free (self, account, error))
    return FALSE;

  if (inserting)
    stmt = kassa_store_prepare (self,
                                "INSERT INTO cash_accounts (name, kind, iban, archived)"
                                " VALUES (?1, ?2, ?3, ?4)",
                                error);
  else
    stmt = kassa_store_prepare (self,
                                "UPDATE cash_accounts SET name = ?1, kind = ?2, iban = ?3,"
                                " archived = ?4 WHERE id = ?5",
                                error);
  if (stmt == NULL)
    return FALSE;

  kassa_store_bind_text (stmt, 1, account->name);
  sqlite3_bind_int (stmt, 2, account->kind);
  kassa_store_bind_text (stmt, 3, account->iban);
  sqlite3_bind_int (stmt, 4, account->archived ? 1 : 0);
  if (!inserting)
    sqlite3_bind_int64 (stmt, 5, account->id);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  if (inserting)
    account->id = sqlite3_last_insert_rowid (kassa_store_get_db (self));
  else if (sqlite3_changes (kassa_store_get_db (self)) == 0)
    return kassa_store_set_not_found (error, _("The account no longer exists."));

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CASHFLOW);
  return TRUE;
}

gboolean
kassa_store_save_cash_account (KassaStore        *self,
                               KassaCashAccount  *account,
                               GError           **error)
{
  gboolean inserting;

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (account != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  inserting = account->id == 0;
  normalize_account (account);
  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_finish_save (self, write_account (self, account, error), inserting, &account->id, error);
}

gboolean
kassa_store_delete_cash_account (KassaStore  *self,
                                 gint64       id,
                                 GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  /* The balances go with it (ON DELETE CASCADE). */
  return kassa_store_delete_by_id (self, "DELETE FROM cash_accounts WHERE id = ?1", id,
                                   _("The account no longer exists."),
                                   KASSA_STORE_CHANGE_CASHFLOW, error);
}

static KassaCashAccount *
account_from_row (sqlite3_stmt *stmt)
{
  KassaCashAccount *account = g_new0 (KassaCashAccount, 1);

  account->id = sqlite3_column_int64 (stmt, 0);
  account->name = kassa_store_column_dup (stmt, 1);
  account->kind = sqlite3_column_int (stmt, 2);
  account->iban = kassa_store_column_dup (stmt, 3);
  account->archived = sqlite3_column_int (stmt, 4) != 0;
  account->balance_date = sqlite3_column_int (stmt, 5);
  account->balance = sqlite3_column_int64 (stmt, 6);
  return account;
}

GPtrArray *
kassa_store_list_cash_accounts (KassaStore  *self,
                                gboolean     include_archived,
                                GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  /* The latest balance comes from the end of the (account_id, day) key. */
  stmt = kassa_store_prepare (self,
                              "SELECT a.id, a.name, a.kind, a.iban, a.archived, b.day, b.balance"
                              " FROM cash_accounts a"
                              " LEFT JOIN cash_balances b ON b.account_id = a.id"
                              "  AND b.day = (SELECT max (day) FROM cash_balances"
                              "               WHERE account_id = a.id)"
                              " WHERE ?1 OR a.archived = 0"
                              " ORDER BY a.name COLLATE NOCASE, a.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, include_archived ? 1 : 0);
  return kassa_store_collect_records (self, stmt, (KassaStoreRowReader) account_from_row,
                                      (GDestroyNotify) kassa_cash_account_free, error);
}

/* Balances */

static gboolean
check_account_exists (KassaStore  *self,
                      gint64       account_id,
                      GError     **error)
{
  gboolean exists;

  if (!kassa_store_query_exists (self, "SELECT 1 FROM cash_accounts WHERE id = ?2", NULL, account_id,
                     &exists, error))
    return FALSE;

  return exists || kassa_store_set_not_found (error, _("The account no longer exists."));
}

static gboolean
write_balance (KassaStore  *self,
               gint64       account_id,
               KassaDay     day,
               gint64       balance,
               GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  if (!kassa_day_is_valid (day))
    return kassa_store_set_invalid (error, _("The date of the balance is not valid."));
  if (balance < -KASSA_MONEY_MAX || balance > KASSA_MONEY_MAX)
    return kassa_store_set_invalid (error, _("The balance is too large. Check the amount."));
  if (!check_account_exists (self, account_id, error))
    return FALSE;

  stmt = kassa_store_prepare (self,
                              "INSERT OR REPLACE INTO cash_balances (account_id, day, balance)"
                              " VALUES (?1, ?2, ?3)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, day);
  sqlite3_bind_int64 (stmt, 3, balance);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CASHFLOW);
  return TRUE;
}

gboolean
kassa_store_set_cash_balance (KassaStore  *self,
                              gint64       account_id,
                              KassaDay     day,
                              gint64       balance,
                              GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, write_balance (self, account_id, day, balance, error),
                                      error);
}

static gboolean
remove_balance (KassaStore  *self,
                gint64       account_id,
                KassaDay     day,
                GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (self,
                              "DELETE FROM cash_balances WHERE account_id = ?1 AND day = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, day);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (kassa_store_get_db (self)) == 0)
    return kassa_store_set_not_found (error, _("The balance no longer exists."));

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CASHFLOW);
  return TRUE;
}

gboolean
kassa_store_delete_cash_balance (KassaStore  *self,
                                 gint64       account_id,
                                 KassaDay     day,
                                 GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, remove_balance (self, account_id, day, error), error);
}

GArray *
kassa_store_list_cash_balances (KassaStore  *self,
                                gint64       account_id,
                                KassaDay     from,
                                KassaDay     to,
                                GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GArray) balances = NULL;
  int rc;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  if (account_id > 0)
    stmt = kassa_store_prepare (self,
                                "SELECT account_id, day, balance FROM cash_balances"
                                " WHERE account_id = ?1 AND day BETWEEN ?2 AND ?3 ORDER BY day",
                                error);
  else
    stmt = kassa_store_prepare (self,
                                "SELECT account_id, day, balance FROM cash_balances"
                                " WHERE day BETWEEN ?2 AND ?3 ORDER BY day, account_id",
                                error);
  if (stmt == NULL)
    return NULL;

  if (account_id > 0)
    sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, from);
  sqlite3_bind_int (stmt, 3, to);

  balances = g_array_new (FALSE, TRUE, sizeof (KassaCashBalance));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KassaCashBalance balance = {
        .account_id = sqlite3_column_int64 (stmt, 0),
        .day = sqlite3_column_int (stmt, 1),
        .balance = sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (balances, balance);
    }

  if (rc != SQLITE_DONE)
    {
      kassa_store_set_error_from_sqlite (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&balances);
}

/* Scheduled items */

static gboolean
validate_item_dates (const KassaScheduledItem  *item,
                     GError                   **error)
{
  if (!kassa_day_is_valid (item->start_date))
    return kassa_store_set_invalid (error, _("Enter the date of the first payment."));
  if (item->end_date != 0 && !kassa_day_is_valid (item->end_date))
    return kassa_store_set_invalid (error, _("The end date is not valid. Correct it or leave it empty."));
  if (item->end_date != 0 && item->end_date < item->start_date)
    return kassa_store_set_invalid (error,
                                    _("The end date is before the first payment. Correct one of the dates."));

  return TRUE;
}

static gboolean
validate_item (const KassaScheduledItem  *item,
               GError                   **error)
{
  if (!kassa_store_validate_name (item->name, _("Enter a name for the scheduled item."), error))
    return FALSE;
  if ((int) item->category < 0 || item->category >= KASSA_N_CATEGORIES)
    return kassa_store_set_invalid (error, _("Choose a category for the scheduled item."));
  if ((int) item->recurrence < KASSA_SCHEDULE_ONCE || item->recurrence > KASSA_SCHEDULE_YEARLY)
    return kassa_store_set_invalid (error, _("Choose how often the item repeats."));
  if (item->amount <= 0)
    return kassa_store_set_invalid (error, _("Enter an amount greater than zero."));
  if (item->amount > KASSA_MONEY_MAX)
    return kassa_store_set_invalid (error, _("The amount is too large. Check the amount."));
  if (item->notes != NULL && (!g_utf8_validate (item->notes, -1, NULL)
                              || g_utf8_strlen (item->notes, -1) > NOTES_MAX_CHARS))
    return kassa_store_set_invalid (error, _("The notes are too long (at most 10,000 characters)."));

  return validate_item_dates (item, error);
}

static void
bind_item (sqlite3_stmt             *stmt,
           const KassaScheduledItem *item)
{
  kassa_store_bind_text (stmt, 1, item->name);
  sqlite3_bind_int (stmt, 2, item->category);
  sqlite3_bind_int (stmt, 3, item->inflow ? 1 : 0);
  sqlite3_bind_int64 (stmt, 4, item->amount);
  sqlite3_bind_int (stmt, 5, item->start_date);
  sqlite3_bind_int (stmt, 6, item->recurrence);
  if (item->end_date != 0)
    sqlite3_bind_int (stmt, 7, item->end_date);
  else
    sqlite3_bind_null (stmt, 7);
  kassa_store_bind_text (stmt, 8, item->notes);
}

static gboolean
write_item (KassaStore          *self,
            KassaScheduledItem  *item,
            GError             **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean inserting = item->id == 0;

  if (!validate_item (item, error))
    return FALSE;

  if (inserting)
    stmt = kassa_store_prepare (self,
                                "INSERT INTO scheduled_items (name, category, inflow, amount,"
                                " start_date, recurrence, end_date, notes)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                error);
  else
    stmt = kassa_store_prepare (self,
                                "UPDATE scheduled_items SET name = ?1, category = ?2, inflow = ?3,"
                                " amount = ?4, start_date = ?5, recurrence = ?6, end_date = ?7,"
                                " notes = ?8 WHERE id = ?9",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_item (stmt, item);
  if (!inserting)
    sqlite3_bind_int64 (stmt, 9, item->id);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  if (inserting)
    item->id = sqlite3_last_insert_rowid (kassa_store_get_db (self));
  else if (sqlite3_changes (kassa_store_get_db (self)) == 0)
    return kassa_store_set_not_found (error, _("The scheduled item no longer exists."));

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CASHFLOW);
  return TRUE;
}

gboolean
kassa_store_save_scheduled_item (KassaStore          *self,
                                 KassaScheduledItem  *item,
                                 GError             **error)
{
  gboolean inserting;

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  inserting = item->id == 0;
  kassa_store_strip_string (item->name);
  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_finish_save (self, write_item (self, item, error), inserting, &item->id, error);
}

gboolean
kassa_store_delete_scheduled_item (KassaStore  *self,
                                   gint64       id,
                                   GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  return kassa_store_delete_by_id (self, "DELETE FROM scheduled_items WHERE id = ?1", id,
                                   _("The scheduled item no longer exists."),
                                   KASSA_STORE_CHANGE_CASHFLOW, error);
}

static KassaScheduledItem *
item_from_row (sqlite3_stmt *stmt)
{
  KassaScheduledItem *item = g_new0 (KassaScheduledItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->name = kassa_store_column_dup (stmt, 1);
  item->category = sqlite3_column_int (stmt, 2);
  item->inflow = sqlite3_column_int (stmt, 3) != 0;
  item->amount = sqlite3_column_int64 (stmt, 4);
  item->start_date = sqlite3_column_int (stmt, 5);
  item->recurrence = sqlite3_column_int (stmt, 6);
  item->end_date = sqlite3_column_int (stmt, 7);
  item->notes = kassa_store_column_dup (stmt, 8);
  return item;
}

GPtrArray *
kassa_store_list_scheduled_items (KassaStore  *self,
                                  GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  stmt = kassa_store_prepare (self,
                              "SELECT id, name, category, inflow, amount, start_date, recurrence,"
                              " end_date, notes FROM scheduled_items"
                              " ORDER BY start_date, name, id",
                              error);
  if (stmt == NULL)
    return NULL;

  return kassa_store_collect_records (self, stmt, (KassaStoreRowReader) item_from_row,
                                      (GDestroyNotify) kassa_scheduled_item_free, error);
}
