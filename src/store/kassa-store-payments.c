/* kassa-store-payments.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KassaStore: payments, and the open amount of an invoice they are checked
 * against.
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-store-private.h"

typedef struct
{
  KassaInvoiceState state;
  gint64            paid;
  gint64            open;
  char              currency[4];
} PayableInvoice;

static gboolean
load_payable (KassaStore      *self,
              gint64           id,
              PayableInvoice  *invoice,
              GError         **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self,
                              "SELECT i.state, i.paid, " KASSA_STORE_OPEN_AMOUNT_SQL ", i.currency"
                              " FROM invoices i WHERE i.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;
  if (!found)
    return kassa_store_set_not_found (error, _("The invoice no longer exists."));

  invoice->state = sqlite3_column_int (stmt, 0);
  invoice->paid = sqlite3_column_int64 (stmt, 1);
  invoice->open = sqlite3_column_int64 (stmt, 2);
  kassa_store_column_code (stmt, 3, invoice->currency, sizeof invoice->currency);
  return TRUE;
}

gboolean
kassa_store_get_invoice_open_amount (KassaStore  *self,
                                     gint64       id,
                                     gint64      *open,
                                     GError     **error)
{
  PayableInvoice invoice;

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  if (!load_payable (self, id, &invoice, error))
    return FALSE;

  if (open != NULL)
    *open = invoice.open;
  return TRUE;
}

/* A payment is "over" when it pushes the open amount past zero: more than
 * is owed, a refund larger than is owed back, or a reversal of more than
 * was paid. */
static gboolean
is_overpayment (const PayableInvoice *invoice,
                gint64                amount)
{
  if (amount > 0)
    return amount > MAX (invoice->open, 0);
  if (invoice->open < 0)
    return amount < invoice->open;

  return invoice->paid + amount < 0;
}

static gboolean
set_overpayment_error (const PayableInvoice  *invoice,
                       GError               **error)
{
  g_autofree char *open = kassa_money_format (ABS (invoice->open), invoice->currency,
                                              kassa_locale_current ());

  if (invoice->open < 0)
    /* Translators: %s is an amount of money, e.g. "€120.00". */
    g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID,
                 _("The refund is larger than the %s still to be refunded. "
                   "Check the amount, or allow overpayment."),
                 open);
  else
    /* Translators: %s is an amount of money, e.g. "€120.00". */
    g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID,
                 _("The payment is larger than the open amount of %s. "
                   "Check the amount, or allow overpayment."),
                 open);
  return FALSE;
}

static gboolean
validate_payment (const KassaPayment  *payment,
                  GError             **error)
{
  if (payment->amount == 0)
    return kassa_store_set_invalid (error, _("Enter the amount of the payment."));
  if (ABS (payment->amount) > KASSA_MONEY_MAX)
    return kassa_store_set_invalid (error, _("The amount of the payment is too large."));
  if (!kassa_day_is_valid (payment->date))
    return kassa_store_set_invalid (error, _("The payment date is not valid."));

  return TRUE;
}

static gboolean
check_payable (KassaStore          *self,
               const KassaPayment  *payment,
               gboolean             allow_overpayment,
               GError             **error)
{
  PayableInvoice invoice;

  if (!load_payable (self, payment->invoice_id, &invoice, error))
    return FALSE;

  if (invoice.state == KASSA_INVOICE_STATE_DRAFT)
    return kassa_store_set_invalid (error,
                                    _("The invoice is a draft. Send it before recording payments."));
  if (invoice.state == KASSA_INVOICE_STATE_CREDITED)
    return kassa_store_set_invalid (error,
                                    _("The invoice has been credited. Record payments on the credit note instead."));

  if (!allow_overpayment && is_overpayment (&invoice, payment->amount))
    return set_overpayment_error (&invoice, error);

  return TRUE;
}

static gboolean
write_payment (KassaStore          *self,
               const KassaPayment  *payment,
               gboolean             allow_overpayment,
               gint64              *id,
               GError             **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  if (!check_payable (self, payment, allow_overpayment, error))
    return FALSE;

  stmt = kassa_store_prepare (self,
                              "INSERT INTO payments (invoice_id, date, amount, method, note)"
                              " VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, payment->invoice_id);
  sqlite3_bind_int (stmt, 2, payment->date);
  sqlite3_bind_int64 (stmt, 3, payment->amount);
  kassa_store_bind_text (stmt, 4, payment->method);
  kassa_store_bind_text (stmt, 5, payment->note);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (kassa_store_get_db (self));
  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_PAYMENTS | KASSA_STORE_CHANGE_INVOICES);
  return TRUE;
}

gboolean
kassa_store_add_payment (KassaStore    *self,
                         KassaPayment  *payment,
                         gboolean       allow_overpayment,
                         GError       **error)
{
  gint64 id = 0;

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (payment != NULL, FALSE);

  if (!validate_payment (payment, error))
    return FALSE;

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;
  if (!kassa_store_transaction_end (self,
                                    write_payment (self, payment, allow_overpayment, &id, error),
                                    error))
    return FALSE;

  payment->id = id;
  return TRUE;
}

static gboolean
write_delete_payment (KassaStore  *self,
                      gint64       payment_id,
                      GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (self, "DELETE FROM payments WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, payment_id);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (kassa_store_get_db (self)) == 0)
    return kassa_store_set_not_found (error, _("The payment no longer exists."));

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_PAYMENTS | KASSA_STORE_CHANGE_INVOICES);
  return TRUE;
}

gboolean
kassa_store_delete_payment (KassaStore  *self,
                            gint64       payment_id,
                            GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, write_delete_payment (self, payment_id, error), error);
}

static KassaPayment *
payment_from_row (sqlite3_stmt *stmt)
{
  KassaPayment *payment = kassa_payment_new ();

  payment->id = sqlite3_column_int64 (stmt, 0);
  payment->invoice_id = sqlite3_column_int64 (stmt, 1);
  payment->date = sqlite3_column_int (stmt, 2);
  payment->amount = sqlite3_column_int64 (stmt, 3);
  payment->method = kassa_store_column_dup (stmt, 4);
  payment->note = kassa_store_column_dup (stmt, 5);

  return payment;
}

GPtrArray *
kassa_store_list_payments (KassaStore  *self,
                           gint64       invoice_id,
                           GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  int rc;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  stmt = kassa_store_prepare (self,
                              "SELECT id, invoice_id, date, amount, method, note FROM payments"
                              " WHERE invoice_id = ?1 ORDER BY date, id",
                              error);
  if (stmt == NULL)
    return NULL;

  payments = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_payment_free);
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (payments, payment_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      kassa_store_set_error_from_sqlite (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&payments);
}
