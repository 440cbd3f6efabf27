/* kassa-cash-balance-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Enters the balance of a cash account at the end of a day (today by
 * default), as the user reads it from the bank.  Negative balances are
 * allowed (overdraft).  Ctrl+Enter saves, Escape cancels.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_CASH_BALANCE_DIALOG (kassa_cash_balance_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KassaCashBalanceDialog, kassa_cash_balance_dialog, KASSA, CASH_BALANCE_DIALOG, AdwWindow)

KassaCashBalanceDialog *kassa_cash_balance_dialog_new      (GtkWindow              *parent,
                                                            KassaStore             *store,
                                                            gint64                  account_id,
                                                            const char             *account_name);
/* Same as the Save button: validates and saves, then closes. */
void                    kassa_cash_balance_dialog_save     (KassaCashBalanceDialog *self);

/* Test hooks. */
GtkEditable            *kassa_cash_balance_dialog_get_date_entry    (KassaCashBalanceDialog *self);
GtkEditable            *kassa_cash_balance_dialog_get_balance_entry (KassaCashBalanceDialog *self);
/* (nullable): the first field error, NULL when the form is valid. */
const char             *kassa_cash_balance_dialog_get_problem       (KassaCashBalanceDialog *self);

G_END_DECLS
