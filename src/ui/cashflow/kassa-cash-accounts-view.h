/* kassa-cash-accounts-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cash accounts (bank, cash) with their latest balance and how fresh
 * it is; add, edit, archive; "Update Balance…"; the entered balances of
 * each account in an expander, each deletable.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_CASH_ACCOUNTS_VIEW (kassa_cash_accounts_view_get_type ())

G_DECLARE_FINAL_TYPE (KassaCashAccountsView, kassa_cash_accounts_view, KASSA, CASH_ACCOUNTS_VIEW, AdwBin)

GtkWidget *kassa_cash_accounts_view_new (KassaStore *store);

/* Freshness of a balance entered on balance_date, seen on today:
 * "today", "yesterday", "3 days ago" (transfer full). */
char      *kassa_cash_balance_freshness (KassaDay balance_date,
                                         KassaDay today);

G_END_DECLS
