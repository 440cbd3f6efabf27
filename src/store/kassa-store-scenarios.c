/* kassa-store-scenarios.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Forecast scenarios and forecast snapshots of KassaStore (the cash-flow
 * data kept with the forecast rather than with the accounts).
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-store-cashflow.h"
#include "kassa-store-private.h"

#define SCENARIO_CHANGE_MAX_BP 10000
#define PAYMENT_DELAY_MIN_DAYS (-60)
#define PAYMENT_DELAY_MAX_DAYS 180
/* Ten years of weeks: more than any forecast shows. */
#define SNAPSHOT_MAX_WEEKS 520

/* Scenarios */

static gboolean
validate_scenario (const KassaScenario  *scenario,
                   GError              **error)
{
  if (!kassa_store_validate_name (scenario->name, _("Enter a name for the scenario."), error))
    return FALSE;
  if (ABS (scenario->sales_change_bp) > SCENARIO_CHANGE_MAX_BP)
    /* xgettext:no-c-format */
    return kassa_store_set_invalid (error, _("The sales change must be between −100 % and +100 %."));
  if (ABS (scenario->cost_change_bp) > SCENARIO_CHANGE_MAX_BP)
    /* xgettext:no-c-format */
    return kassa_store_set_invalid (error, _("The cost change must be between −100 % and +100 %."));
  if (scenario->payment_delay_days < PAYMENT_DELAY_MIN_DAYS
      || scenario->payment_delay_days > PAYMENT_DELAY_MAX_DAYS)
    return kassa_store_set_invalid (error,
                                    _("The payment delay must be between 60 days earlier and 180 days later."));

  return TRUE;
}

static gboolean
check_scenario_name_free (KassaStore           *self,
                          const KassaScenario  *scenario,
                          GError              **error)
{
  gboolean taken;

  if (!kassa_store_query_exists (self,
                     "SELECT 1 FROM scenarios WHERE name = ?1 COLLATE NOCASE AND id <> ?2",
                     scenario->name, scenario->id, &taken, error))
    return FALSE;
  if (!taken)
    return TRUE;

  /* Translators: %s is the name of a forecast scenario. */
  g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_DUPLICATE,
               _("There is already a scenario called “%s”. Choose another name."), scenario->name);
  return FALSE;
}

static gboolean
write_scenario (KassaStore     *self,
                KassaScenario  *scenario,
                GError        **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean inserting = scenario->id == 0;

  if (!validate_scenario (scenario, error) || !check_scenario_name_free (self, scenario, error))
    return FALSE;

  if (inserting)
    stmt = kassa_store_prepare (self,
                                "INSERT INTO scenarios (name, sales_change_bp, payment_delay_days,"
                                " cost_change_bp) VALUES (?1, ?2, ?3, ?4)",
                                error);
  else
    stmt = kassa_store_prepare (self,
                                "UPDATE scenarios SET name = ?1, sales_change_bp = ?2,"
                                " payment_delay_days = ?3, cost_change_bp = ?4 WHERE id = ?5",
                                error);
  if (stmt == NULL)
    return FALSE;

  kassa_store_bind_text (stmt, 1, scenario->name);
  sqlite3_bind_int (stmt, 2, scenario->sales_change_bp);
  sqlite3_bind_int (stmt, 3, scenario->payment_delay_days);
  sqlite3_bind_int (stmt, 4, scenario->cost_change_bp);
  if (!inserting)
    sqlite3_bind_int64 (stmt, 5, scenario->id);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  if (inserting)
    scenario->id = sqlite3_last_insert_rowid (kassa_store_get_db (self));
  else if (sqlite3_changes (kassa_store_get_db (self)) == 0)
    return kassa_store_set_not_found (error, _("The scenario no longer exists."));

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CASHFLOW);
  return TRUE;
}

gboolean
kassa_store_save_scenario (KassaStore     *self,
                           KassaScenario  *scenario,
                           GError        **error)
{
  gboolean inserting;

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  inserting = scenario->id == 0;
  kassa_store_strip_string (scenario->name);
  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_finish_save (self, write_scenario (self, scenario, error), inserting, &scenario->id,
                                  error);
}

gboolean
kassa_store_delete_scenario (KassaStore  *self,
                             gint64       id,
                             GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  return kassa_store_delete_by_id (self, "DELETE FROM scenarios WHERE id = ?1", id,
                                   _("The scenario no longer exists."),
                                   KASSA_STORE_CHANGE_CASHFLOW, error);
}

static KassaScenario *
scenario_from_row (sqlite3_stmt *stmt)
{
  KassaScenario *scenario = g_new0 (KassaScenario, 1);

  scenario->id = sqlite3_column_int64 (stmt, 0);
  scenario->name = kassa_store_column_dup (stmt, 1);
  scenario->sales_change_bp = sqlite3_column_int (stmt, 2);
  scenario->payment_delay_days = sqlite3_column_int (stmt, 3);
  scenario->cost_change_bp = sqlite3_column_int (stmt, 4);
  return scenario;
}

GPtrArray *
kassa_store_list_scenarios (KassaStore  *self,
                            GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  stmt = kassa_store_prepare (self,
                              "SELECT id, name, sales_change_bp, payment_delay_days, cost_change_bp"
                              " FROM scenarios ORDER BY name COLLATE NOCASE, id",
                              error);
  if (stmt == NULL)
    return NULL;

  return kassa_store_collect_records (self, stmt, (KassaStoreRowReader) scenario_from_row,
                                      (GDestroyNotify) kassa_scenario_free, error);
}

/* Snapshots */

static gboolean
validate_snapshot_week (const KassaSnapshotWeek  *week,
                        KassaDay                  previous_start,
                        GError                  **error)
{
  if (!kassa_day_is_valid (week->week_start) || week->week_start <= previous_start)
    return kassa_store_set_invalid (error,
                                    _("The weeks of the forecast snapshot must have valid, increasing start dates."));
  if (week->receipts < 0 || week->receipts > KASSA_MONEY_MAX
      || week->outflows < 0 || week->outflows > KASSA_MONEY_MAX
      || ABS (week->closing_balance) > KASSA_MONEY_MAX)
    return kassa_store_set_invalid (error,
                                    _("The forecast snapshot holds an amount out of range. Make the forecast again."));

  return TRUE;
}

static gboolean
validate_snapshot (const KassaForecastSnapshot  *snapshot,
                   GError                      **error)
{
  KassaDay previous = 0;

  if (!kassa_day_is_valid (snapshot->created_on))
    return kassa_store_set_invalid (error, _("The date of the forecast snapshot is not valid."));
  if (snapshot->weeks == NULL || snapshot->weeks->len == 0)
    return kassa_store_set_invalid (error, _("The forecast snapshot has no weeks. Make the forecast first."));
  if (snapshot->weeks->len > SNAPSHOT_MAX_WEEKS)
    return kassa_store_set_invalid (error, _("The forecast snapshot has too many weeks (at most 520)."));

  for (guint i = 0; i < snapshot->weeks->len; i++)
    {
      const KassaSnapshotWeek *week = &g_array_index (snapshot->weeks, KassaSnapshotWeek, i);

      if (!validate_snapshot_week (week, previous, error))
        return FALSE;
      previous = week->week_start;
    }

  return TRUE;
}

static gboolean
insert_snapshot_weeks (KassaStore                   *self,
                       const KassaForecastSnapshot  *snapshot,
                       GError                      **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (self,
                              "INSERT INTO forecast_snapshot_weeks (snapshot_id, week_start,"
                              " receipts, outflows, closing_balance) VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < snapshot->weeks->len; i++)
    {
      const KassaSnapshotWeek *week = &g_array_index (snapshot->weeks, KassaSnapshotWeek, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, snapshot->id);
      sqlite3_bind_int (stmt, 2, week->week_start);
      sqlite3_bind_int64 (stmt, 3, week->receipts);
      sqlite3_bind_int64 (stmt, 4, week->outflows);
      sqlite3_bind_int64 (stmt, 5, week->closing_balance);
      if (!kassa_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_snapshot (KassaStore             *self,
                KassaForecastSnapshot  *snapshot,
                GError                **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  if (!validate_snapshot (snapshot, error))
    return FALSE;

  stmt = kassa_store_prepare (self,
                              "INSERT INTO forecast_snapshots (created_on, scenario_name)"
                              " VALUES (?1, ?2)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, snapshot->created_on);
  kassa_store_bind_text (stmt, 2, snapshot->scenario_name);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  snapshot->id = sqlite3_last_insert_rowid (kassa_store_get_db (self));
  if (!insert_snapshot_weeks (self, snapshot, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CASHFLOW);
  return TRUE;
}

gboolean
kassa_store_save_forecast_snapshot (KassaStore             *self,
                                    KassaForecastSnapshot  *snapshot,
                                    GError                **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (snapshot->id == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_finish_save (self, write_snapshot (self, snapshot, error), TRUE, &snapshot->id, error);
}

static gboolean
load_snapshot_weeks (KassaStore             *self,
                     KassaForecastSnapshot  *snapshot,
                     GError                **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (self,
                              "SELECT week_start, receipts, outflows, closing_balance"
                              " FROM forecast_snapshot_weeks WHERE snapshot_id = ?1"
                              " ORDER BY week_start",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, snapshot->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KassaSnapshotWeek week = {
        .week_start = sqlite3_column_int (stmt, 0),
        .receipts = sqlite3_column_int64 (stmt, 1),
        .outflows = sqlite3_column_int64 (stmt, 2),
        .closing_balance = sqlite3_column_int64 (stmt, 3),
      };

      g_array_append_val (snapshot->weeks, week);
    }

  return rc == SQLITE_DONE || kassa_store_set_error_from_sqlite (self, rc, error);
}

static KassaForecastSnapshot *
snapshot_from_row (sqlite3_stmt *stmt)
{
  KassaForecastSnapshot *snapshot = kassa_forecast_snapshot_new ();

  snapshot->id = sqlite3_column_int64 (stmt, 0);
  snapshot->created_on = sqlite3_column_int (stmt, 1);
  g_free (snapshot->scenario_name);
  snapshot->scenario_name = kassa_store_column_dup (stmt, 2);
  return snapshot;
}

static GPtrArray *
list_snapshot_headers (KassaStore  *self,
                       GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (self,
                              "SELECT id, created_on, scenario_name FROM forecast_snapshots"
                              " ORDER BY created_on DESC, id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  return kassa_store_collect_records (self, stmt, (KassaStoreRowReader) snapshot_from_row,
                                      (GDestroyNotify) kassa_forecast_snapshot_free, error);
}

GPtrArray *
kassa_store_list_forecast_snapshots (KassaStore  *self,
                                     GError     **error)
{
  g_autoptr(GPtrArray) snapshots = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  snapshots = list_snapshot_headers (self, error);
  if (snapshots == NULL)
    return NULL;

  for (guint i = 0; i < snapshots->len; i++)
    {
      if (!load_snapshot_weeks (self, g_ptr_array_index (snapshots, i), error))
        return NULL;
    }

  return g_steal_pointer (&snapshots);
}

gboolean
kassa_store_delete_forecast_snapshot (KassaStore  *self,
                                      gint64       id,
                                      GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  /* The weeks go with it (ON DELETE CASCADE). */
  return kassa_store_delete_by_id (self, "DELETE FROM forecast_snapshots WHERE id = ?1", id,
                                   _("The forecast snapshot no longer exists."),
                                   KASSA_STORE_CHANGE_CASHFLOW, error);
}
