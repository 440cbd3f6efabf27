/* kassa-store-customers.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KassaStore: customers and their balances.
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-money.h"
#include "kassa-store-private.h"

#define CUSTOMER_COLUMNS \
  "number, name, kind, business_id, vat_id, contact_person, email, phone, address," \
  " country, document_language, payment_terms_days, credit_limit, delivery," \
  " einvoice_address, notes, archived"

static void
normalize_customer (KassaCustomerRecord *customer)
{
  kassa_store_strip_string (customer->number);
  kassa_store_strip_string (customer->name);
  kassa_store_strip_string (customer->business_id);
  kassa_store_strip_string (customer->vat_id);
  kassa_store_strip_string (customer->contact_person);
  kassa_store_strip_string (customer->email);
  kassa_store_strip_string (customer->phone);
  kassa_store_strip_string (customer->address);
  kassa_store_strip_string (customer->document_language);
  kassa_store_strip_string (customer->einvoice_address);
  customer->country[2] = '\0';
}

static gboolean
validate_customer (const KassaCustomerRecord  *customer,
                   GError                    **error)
{
  if (kassa_store_is_blank (customer->name))
    return kassa_store_set_invalid (error, _("Enter the customer’s name."));

  if (!kassa_store_is_blank (customer->email) && strchr (customer->email, '@') == NULL)
    {
      /* Translators: %s is what the user typed as an email address. */
      g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID,
                   _("The email address “%s” is not valid. "
                     "It should look like name@example.com."),
                   customer->email);
      return FALSE;
    }

  if (!kassa_store_validate_payment_terms (customer->payment_terms_days, error) ||
      !kassa_store_validate_country (customer->country, error))
    return FALSE;

  if (customer->credit_limit < 0)
    return kassa_store_set_invalid (error, _("The credit limit cannot be negative."));
  if (customer->credit_limit > KASSA_MONEY_MAX)
    return kassa_store_set_invalid (error, _("The credit limit is too large."));

  return TRUE;
}

/* Customer numbers the store hands out are numeric, from 1001 up; other
 * numbers typed by users are left alone. */
static char *
next_customer_number (KassaStore  *self,
                      GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self,
                              "SELECT MAX (1000, COALESCE (MAX (CAST (number AS INTEGER)), 0)) + 1"
                              " FROM customers"
                              " WHERE length (number) BETWEEN 1 AND 15"
                              " AND number NOT GLOB '*[^0-9]*'",
                              error);
  if (stmt == NULL || !kassa_store_step_row (self, stmt, &found, error))
    return NULL;

  return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
}

static gboolean
check_customer_number_free (KassaStore                 *self,
                            const KassaCustomerRecord  *customer,
                            GError                    **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self, "SELECT 1 FROM customers WHERE number = ?1 AND id <> ?2", error);
  if (stmt == NULL)
    return FALSE;

  kassa_store_bind_text (stmt, 1, customer->number);
  sqlite3_bind_int64 (stmt, 2, customer->id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;

  if (found)
    {
      /* Translators: %s is a customer number. */
      g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_DUPLICATE,
                   _("Customer number %s is already used. Choose another number."),
                   customer->number);
      return FALSE;
    }

  return TRUE;
}

/* An anonymised customer stays anonymous: editing could bring personal
 * data back onto the books. */
static gboolean
check_not_anonymised (KassaStore                 *self,
                      const KassaCustomerRecord  *customer,
                      GError                    **error)
{
  KassaDay anonymised_on = 0;

  if (customer->id == 0)
    return TRUE;
  if (!kassa_store_check_customer_anonymised (self, customer->id, &anonymised_on, error))
    return FALSE;
  if (anonymised_on != 0)
    return kassa_store_set_invalid (error, _("This customer was anonymised and can no longer be edited."));

  return TRUE;
}

static void
bind_customer (sqlite3_stmt              *stmt,
               const KassaCustomerRecord *customer)
{
  kassa_store_bind_text (stmt, 1, customer->number);
  kassa_store_bind_text (stmt, 2, customer->name);
  sqlite3_bind_int (stmt, 3, customer->kind);
  kassa_store_bind_text (stmt, 4, customer->business_id);
  kassa_store_bind_text (stmt, 5, customer->vat_id);
  kassa_store_bind_text (stmt, 6, customer->contact_person);
  kassa_store_bind_text (stmt, 7, customer->email);
  kassa_store_bind_text (stmt, 8, customer->phone);
  kassa_store_bind_text (stmt, 9, customer->address);
  kassa_store_bind_text (stmt, 10, customer->country);
  kassa_store_bind_text (stmt, 11, kassa_store_is_blank (customer->document_language)
                                   ? "fi" : customer->document_language);
  sqlite3_bind_int (stmt, 12, customer->payment_terms_days);
  sqlite3_bind_int64 (stmt, 13, customer->credit_limit);
  sqlite3_bind_int (stmt, 14, customer->delivery);
  kassa_store_bind_text (stmt, 15, customer->einvoice_address);
  kassa_store_bind_text (stmt, 16, customer->notes);
  sqlite3_bind_int (stmt, 17, customer->archived ? 1 : 0);
}

static gboolean
write_customer (KassaStore           *self,
                KassaCustomerRecord  *customer,
                gint64               *id,
                GError              **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  const char *sql;

  if (kassa_store_is_blank (customer->number))
    {
      g_free (customer->number);
      customer->number = next_customer_number (self, error);
      if (customer->number == NULL)
        return FALSE;
    }

  if (!check_customer_number_free (self, customer, error)
      || !check_not_anonymised (self, customer, error))
    return FALSE;

  if (customer->id == 0)
    sql = "INSERT INTO customers (" CUSTOMER_COLUMNS ")"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
  else
    sql = "UPDATE customers SET number = ?1, name = ?2, kind = ?3, business_id = ?4,"
          " vat_id = ?5, contact_person = ?6, email = ?7, phone = ?8, address = ?9,"
          " country = ?10, document_language = ?11, payment_terms_days = ?12,"
          " credit_limit = ?13, delivery = ?14, einvoice_address = ?15, notes = ?16,"
          " archived = ?17 WHERE id = ?18";

  stmt = kassa_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  bind_customer (stmt, customer);
  if (customer->id != 0)
    sqlite3_bind_int64 (stmt, 18, customer->id);

  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  if (customer->id != 0 && sqlite3_changes (kassa_store_get_db (self)) == 0)
    return kassa_store_set_not_found (error, _("The customer no longer exists."));

  *id = customer->id != 0 ? customer->id : sqlite3_last_insert_rowid (kassa_store_get_db (self));
  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CUSTOMERS);
  return TRUE;
}

gboolean
kassa_store_save_customer (KassaStore           *self,
                           KassaCustomerRecord  *customer,
                           GError              **error)
{
  g_autofree char *number_before = NULL;
  gint64 id = 0;

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (customer != NULL, FALSE);

  normalize_customer (customer);
  if (!validate_customer (customer, error))
    return FALSE;
  kassa_store_normalize_country (customer->country);

  number_before = g_strdup (customer->number);
  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  if (!kassa_store_transaction_end (self, write_customer (self, customer, &id, error), error))
    {
      /* Nothing was stored: give the caller back the number it had. */
      g_free (customer->number);
      customer->number = g_steal_pointer (&number_before);
      return FALSE;
    }

  customer->id = id;
  return TRUE;
}

static KassaCustomerRecord *
customer_from_row (sqlite3_stmt *stmt)
{
  KassaCustomerRecord *customer = kassa_customer_record_new ();

  g_clear_pointer (&customer->document_language, g_free);
  customer->id = sqlite3_column_int64 (stmt, 0);
  customer->number = kassa_store_column_dup (stmt, 1);
  customer->name = kassa_store_column_dup (stmt, 2);
  customer->kind = sqlite3_column_int (stmt, 3);
  customer->business_id = kassa_store_column_dup (stmt, 4);
  customer->vat_id = kassa_store_column_dup (stmt, 5);
  customer->contact_person = kassa_store_column_dup (stmt, 6);
  customer->email = kassa_store_column_dup (stmt, 7);
  customer->phone = kassa_store_column_dup (stmt, 8);
  customer->address = kassa_store_column_dup (stmt, 9);
  kassa_store_column_code (stmt, 10, customer->country, sizeof customer->country);
  customer->document_language = kassa_store_column_dup (stmt, 11);
  customer->payment_terms_days = sqlite3_column_int (stmt, 12);
  customer->credit_limit = sqlite3_column_int64 (stmt, 13);
  customer->delivery = sqlite3_column_int (stmt, 14);
  customer->einvoice_address = kassa_store_column_dup (stmt, 15);
  customer->notes = kassa_store_column_dup (stmt, 16);
  customer->archived = sqlite3_column_int (stmt, 17) != 0;

  return customer;
}

KassaCustomerRecord *
kassa_store_get_customer (KassaStore  *self,
                          gint64       id,
                          GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  stmt = kassa_store_prepare (self, "SELECT id, " CUSTOMER_COLUMNS " FROM customers WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return NULL;
  if (!found)
    {
      kassa_store_set_not_found (error, _("The customer no longer exists."));
      return NULL;
    }

  return customer_from_row (stmt);
}

/**
 * kassa_store_find_customer_by_number:
 *
 * Returns: the id of the customer with this (unique) number, or 0.
 */
gint64
kassa_store_find_customer_by_number (KassaStore *self,
                                     const char *number)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (KASSA_IS_STORE (self), 0);
  g_return_val_if_fail (number != NULL, 0);

  stmt = kassa_store_prepare (self, "SELECT id FROM customers WHERE number = ?1", NULL);
  if (stmt == NULL)
    return 0;

  kassa_store_bind_text (stmt, 1, number);
  if (!kassa_store_step_row (self, stmt, &found, NULL) || !found)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
write_customer_archived (KassaStore  *self,
                         gint64       id,
                         gboolean     archived,
                         GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (self, "UPDATE customers SET archived = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, archived ? 1 : 0);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (kassa_store_get_db (self)) == 0)
    return kassa_store_set_not_found (error, _("The customer no longer exists."));

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CUSTOMERS);
  return TRUE;
}

gboolean
kassa_store_set_customer_archived (KassaStore  *self,
                                   gint64       id,
                                   gboolean     archived,
                                   GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self,
                                      write_customer_archived (self, id, archived, error),
                                      error);
}

void
kassa_store_get_customer_balance (KassaStore *self,
                                  gint64      customer_id,
                                  KassaDay    today,
                                  gint64     *open,
                                  gint64     *overdue)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  g_return_if_fail (KASSA_IS_STORE (self));

  /* Summing total − paid over sent and credited rows applies the credit
   * note rule: a credited original's remainder is carried by its credit
   * note (same customer).  Overdue: ordinary sent invoices only. */
  stmt = kassa_store_prepare (self,
                              "SELECT COALESCE (SUM (total - paid), 0),"
                              " COALESCE (SUM (CASE WHEN state = 1 AND credited_invoice_id IS NULL"
                              "   AND due_date < ?2 AND total - paid > 0 THEN total - paid END), 0)"
                              " FROM invoices WHERE customer_id = ?1 AND state IN (1, 2)",
                              &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, customer_id);
      sqlite3_bind_int (stmt, 2, today);
      kassa_store_step_row (self, stmt, &found, &error);
    }

  if (error != NULL)
    g_warning ("Cannot read the customer balance: %s", error->message);

  if (open != NULL)
    *open = found ? sqlite3_column_int64 (stmt, 0) : 0;
  if (overdue != NULL)
    *overdue = found ? sqlite3_column_int64 (stmt, 1) : 0;
}
