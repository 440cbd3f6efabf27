/* kassa-store-cashflow.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cash flow data: cash accounts and their balances as of a day, scheduled
 * inflows and outflows, forecast scenarios and saved forecast snapshots.
 */
#pragma once

#include "kassa-store.h"

G_BEGIN_DECLS

typedef enum
{
  KASSA_CASH_ACCOUNT_BANK,
  KASSA_CASH_ACCOUNT_CASH,
} KassaCashAccountKind;

typedef struct
{
  gint64                id;
  char                 *name;
  KassaCashAccountKind  kind;
  char                 *iban;            /* "" for cash */
  gboolean              archived;
  /* Read only, filled by the store: the latest balance entered. */
  KassaDay              balance_date;    /* 0 = never entered */
  gint64                balance;         /* minor units (company currency) */
} KassaCashAccount;

/* Stored values: never renumber. */
typedef enum
{
  KASSA_SCHEDULE_ONCE,
  KASSA_SCHEDULE_WEEKLY,
  KASSA_SCHEDULE_MONTHLY,
  KASSA_SCHEDULE_QUARTERLY,
  KASSA_SCHEDULE_YEARLY,
} KassaRecurrence;

typedef enum
{
  KASSA_CATEGORY_RENT,
  KASSA_CATEGORY_SALARIES,
  KASSA_CATEGORY_TAXES,
  KASSA_CATEGORY_LOAN,
  KASSA_CATEGORY_SUPPLIERS,
  KASSA_CATEGORY_OTHER_OUT,
  KASSA_CATEGORY_OTHER_IN,         /* e.g. a grant, a loan drawn, owner's capital */
  KASSA_N_CATEGORIES,
} KassaCashCategory;

typedef struct
{
  gint64             id;
  char              *name;
  KassaCashCategory  category;
  gboolean           inflow;          /* FALSE = outflow */
  gint64             amount;          /* minor units, > 0 */
  KassaDay           start_date;      /* first occurrence */
  KassaRecurrence    recurrence;
  KassaDay           end_date;        /* last possible day, 0 = open-ended */
  char              *notes;
} KassaScheduledItem;

typedef struct
{
  gint64  id;
  char   *name;
  gint    sales_change_bp;            /* −10000 … 10000: −1500 = sales −15 % */
  gint    payment_delay_days;         /* −60 … 180: customers pay this much later */
  gint    cost_change_bp;             /* −10000 … 10000: scheduled outflows +/− */
} KassaScenario;

/* One saved point of a forecast: the forecast made on created_on for the
 * week starting week_start. */
typedef struct
{
  KassaDay week_start;
  gint64   receipts;                  /* expected inflows of the week */
  gint64   outflows;                  /* expected outflows of the week (> 0) */
  gint64   closing_balance;
} KassaSnapshotWeek;

typedef struct
{
  gint64    id;
  KassaDay  created_on;
  char     *scenario_name;
  GArray   *weeks;                    /* of KassaSnapshotWeek */
} KassaForecastSnapshot;

GType               kassa_cash_account_get_type       (void) G_GNUC_CONST;
KassaCashAccount   *kassa_cash_account_new            (void);
KassaCashAccount   *kassa_cash_account_copy           (const KassaCashAccount   *account);
void                kassa_cash_account_free           (KassaCashAccount         *account);
GType               kassa_scheduled_item_get_type     (void) G_GNUC_CONST;
KassaScheduledItem *kassa_scheduled_item_new          (void);
KassaScheduledItem *kassa_scheduled_item_copy         (const KassaScheduledItem *item);
void                kassa_scheduled_item_free         (KassaScheduledItem       *item);
KassaScenario      *kassa_scenario_new                (void);
KassaScenario      *kassa_scenario_copy               (const KassaScenario      *scenario);
void                kassa_scenario_free               (KassaScenario            *scenario);
/* A snapshot with an empty weeks array and scenario_name "". */
KassaForecastSnapshot *kassa_forecast_snapshot_new    (void);
void                kassa_forecast_snapshot_free      (KassaForecastSnapshot    *snapshot);
/* Translated names for lists and dropdowns. */
const char         *kassa_cash_category_to_string     (KassaCashCategory         category);
const char         *kassa_recurrence_to_string        (KassaRecurrence           recurrence);

/* Accounts: save inserts when id == 0 (name required, unique among
 * accounts not archived, IBAN validated when given). */
gboolean            kassa_store_save_cash_account     (KassaStore               *self,
                                                       KassaCashAccount         *account,
                                                       GError                  **error);
/* Deletes an account with its balances (archive it instead to keep its
 * history). */
gboolean            kassa_store_delete_cash_account   (KassaStore               *self,
                                                       gint64                    id,
                                                       GError                  **error);
/* (transfer full) (element-type KassaCashAccount) by name; archived ones
 * only with include_archived. */
GPtrArray          *kassa_store_list_cash_accounts    (KassaStore               *self,
                                                       gboolean                  include_archived,
                                                       GError                  **error);
/* The balance of an account at the end of day (replaces one entered for
 * the same day).  Negative balances are allowed (overdraft). */
gboolean            kassa_store_set_cash_balance      (KassaStore               *self,
                                                       gint64                    account_id,
                                                       KassaDay                  day,
                                                       gint64                    balance,
                                                       GError                  **error);
gboolean            kassa_store_delete_cash_balance   (KassaStore               *self,
                                                       gint64                    account_id,
                                                       KassaDay                  day,
                                                       GError                  **error);
/* Balances entered for one account (account_id > 0) or all, in
 * [from, to], ordered by day: (element-type KassaCashBalance). */
typedef struct
{
  gint64   account_id;
  KassaDay day;
  gint64   balance;
} KassaCashBalance;
GArray             *kassa_store_list_cash_balances    (KassaStore               *self,
                                                       gint64                    account_id,
                                                       KassaDay                  from,
                                                       KassaDay                  to,
                                                       GError                  **error);

/* Scheduled items: save inserts when id == 0; validated (name, amount
 * > 0, end on or after start, valid enums). */
gboolean            kassa_store_save_scheduled_item   (KassaStore               *self,
                                                       KassaScheduledItem       *item,
                                                       GError                  **error);
gboolean            kassa_store_delete_scheduled_item (KassaStore               *self,
                                                       gint64                    id,
                                                       GError                  **error);
/* (transfer full) (element-type KassaScheduledItem) by start date, name. */
GPtrArray          *kassa_store_list_scheduled_items  (KassaStore               *self,
                                                       GError                  **error);

/* Scenarios (the base scenario is implicit: all zero, never stored). */
gboolean            kassa_store_save_scenario         (KassaStore               *self,
                                                       KassaScenario            *scenario,
                                                       GError                  **error);
gboolean            kassa_store_delete_scenario       (KassaStore               *self,
                                                       gint64                    id,
                                                       GError                  **error);
GPtrArray          *kassa_store_list_scenarios        (KassaStore               *self,
                                                       GError                  **error);

/* Snapshots: saved in one transaction; listed newest first. */
gboolean            kassa_store_save_forecast_snapshot (KassaStore              *self,
                                                       KassaForecastSnapshot    *snapshot,
                                                       GError                  **error);
GPtrArray          *kassa_store_list_forecast_snapshots (KassaStore             *self,
                                                       GError                  **error);
gboolean            kassa_store_delete_forecast_snapshot (KassaStore            *self,
                                                       gint64                    id,
                                                       GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaCashAccount, kassa_cash_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaScheduledItem, kassa_scheduled_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaScenario, kassa_scenario_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaForecastSnapshot, kassa_forecast_snapshot_free)

G_END_DECLS
