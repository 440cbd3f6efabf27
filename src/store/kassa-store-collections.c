/* kassa-store-collections.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collection log, the reference rates of late-payment interest and the
 * company settings.
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-store-collections.h"
#include "kassa-store-private.h"

#define NOTE_MAX_CHARS 10000
#define SETTING_MAX_BYTES 65536

/* Records */

G_DEFINE_BOXED_TYPE (KassaCollectionEvent, kassa_collection_event,
                     kassa_collection_event_copy, kassa_collection_event_free)

KassaCollectionEvent *
kassa_collection_event_new (void)
{
  KassaCollectionEvent *event = g_new0 (KassaCollectionEvent, 1);

  event->author = g_strdup ("");
  event->note = g_strdup ("");
  return event;
}

KassaCollectionEvent *
kassa_collection_event_copy (const KassaCollectionEvent *event)
{
  KassaCollectionEvent *copy = g_memdup2 (event, sizeof *event);

  copy->author = g_strdup (event->author);
  copy->note = g_strdup (event->note);
  return copy;
}

void
kassa_collection_event_free (KassaCollectionEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->author);
  g_free (event->note);
  g_free (event);
}

gboolean
kassa_collection_kind_is_valid (int kind)
{
  return (kind >= KASSA_COLLECTION_NOTE && kind <= KASSA_COLLECTION_DISPUTE_RESOLVED)
         || KASSA_COLLECTION_IS_DUNNING_STEP (kind);
}

const char *
kassa_collection_kind_to_string (KassaCollectionKind kind)
{
  switch (kind)
    {
    case KASSA_COLLECTION_NOTE:              return C_("collection", "Note");
    case KASSA_COLLECTION_PHONE_CALL:        return C_("collection", "Phone call");
    case KASSA_COLLECTION_EMAIL:             return C_("collection", "Email");
    case KASSA_COLLECTION_PROMISE_TO_PAY:    return C_("collection", "Promise to pay");
    case KASSA_COLLECTION_DISPUTE_OPENED:    return C_("collection", "Dispute opened");
    case KASSA_COLLECTION_DISPUTE_RESOLVED:  return C_("collection", "Dispute resolved");
    case KASSA_COLLECTION_REMINDER_1:        return C_("collection", "Reminder 1");
    case KASSA_COLLECTION_REMINDER_2:        return C_("collection", "Reminder 2");
    case KASSA_COLLECTION_PAYMENT_DEMAND:    return C_("collection", "Payment demand");
    case KASSA_COLLECTION_LAWYER_LETTER:     return C_("collection", "Lawyer’s letter");
    case KASSA_COLLECTION_COLLECTION_AGENCY: return C_("collection", "Collection agency");
    case KASSA_COLLECTION_LEGAL_ACTION:      return C_("collection", "Legal action");
    default:                                 return "";
    }
}

/* Collection events */

static gboolean
validate_event (const KassaCollectionEvent  *event,
                GError                     **error)
{
  if (!kassa_collection_kind_is_valid (event->kind))
    return kassa_store_set_invalid (error, _("Choose what kind of collection step this is."));
  if (!kassa_day_is_valid (event->date))
    return kassa_store_set_invalid (error, _("The date of the collection step is not valid."));
  if (event->fee < 0 || event->fee > KASSA_MONEY_MAX)
    return kassa_store_set_invalid (error, _("The fee must be zero or a positive amount."));
  if (event->interest < 0 || event->interest > KASSA_MONEY_MAX)
    return kassa_store_set_invalid (error, _("The interest must be zero or a positive amount."));
  if (event->due_by != 0 && !kassa_day_is_valid (event->due_by))
    return kassa_store_set_invalid (error, _("The due date of the collection step is not valid."));
  if (event->kind == KASSA_COLLECTION_PROMISE_TO_PAY && event->due_by == 0)
    return kassa_store_set_invalid (error, _("Enter the date the customer promised to pay by."));
  if (event->due_by != 0 && event->due_by < event->date)
    return kassa_store_set_invalid (error, _("The promised or pay-by date cannot be before the date of the step."));
  if (event->note != NULL && g_utf8_strlen (event->note, -1) > NOTE_MAX_CHARS)
    return kassa_store_set_invalid (error, _("The note is too long (at most 10,000 characters)."));
  if (event->invoice_id == 0 && (event->kind == KASSA_COLLECTION_DISPUTE_OPENED
                                 || event->kind == KASSA_COLLECTION_DISPUTE_RESOLVED
                                 || KASSA_COLLECTION_IS_DUNNING_STEP (event->kind)))
    return kassa_store_set_invalid (error, _("Choose the invoice this collection step is about."));

  return TRUE;
}

static gboolean
check_event_owner (KassaStore                  *self,
                   const KassaCollectionEvent  *event,
                   GError                     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  if (event->invoice_id == 0)
    {
      stmt = kassa_store_prepare (self, "SELECT 1 FROM customers WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event->customer_id);
      if (!kassa_store_step_row (self, stmt, &found, error))
        return FALSE;
      return found || kassa_store_set_not_found (error, _("The customer no longer exists."));
    }

  stmt = kassa_store_prepare (self, "SELECT customer_id, state FROM invoices WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event->invoice_id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;
  if (!found)
    return kassa_store_set_not_found (error, _("The invoice no longer exists."));
  if (sqlite3_column_int64 (stmt, 0) != event->customer_id)
    return kassa_store_set_invalid (error, _("The invoice belongs to another customer."));
  if (sqlite3_column_int (stmt, 1) == KASSA_INVOICE_STATE_DRAFT)
    return kassa_store_set_invalid (error, _("The invoice is a draft. Send it before collecting it."));

  return TRUE;
}

static gboolean
insert_event (KassaStore            *self,
              KassaCollectionEvent  *event,
              GError               **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (self,
                              "INSERT INTO collection_events (customer_id, invoice_id, date, kind,"
                              " fee, interest, due_by, author, note, created_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                              error);
  if (stmt == NULL)
    return FALSE;

  event->created_at = g_get_real_time () / G_USEC_PER_SEC;
  sqlite3_bind_int64 (stmt, 1, event->customer_id);
  if (event->invoice_id != 0)
    sqlite3_bind_int64 (stmt, 2, event->invoice_id);
  sqlite3_bind_int (stmt, 3, event->date);
  sqlite3_bind_int (stmt, 4, event->kind);
  sqlite3_bind_int64 (stmt, 5, event->fee);
  sqlite3_bind_int64 (stmt, 6, event->interest);
  if (event->due_by != 0)
    sqlite3_bind_int (stmt, 7, event->due_by);
  kassa_store_bind_text (stmt, 8, event->author);
  kassa_store_bind_text (stmt, 9, event->note);
  sqlite3_bind_int64 (stmt, 10, event->created_at);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  event->id = sqlite3_last_insert_rowid (kassa_store_get_db (self));
  return TRUE;
}

static gboolean
write_event (KassaStore            *self,
             KassaCollectionEvent  *event,
             GError               **error)
{
  if (!validate_event (event, error) || !check_event_owner (self, event, error))
    return FALSE;

  if (event->kind == KASSA_COLLECTION_DISPUTE_OPENED
      && !kassa_store_set_invoice_disputed (self, event->invoice_id, TRUE, error))
    return FALSE;
  if (event->kind == KASSA_COLLECTION_DISPUTE_RESOLVED
      && !kassa_store_set_invoice_disputed (self, event->invoice_id, FALSE, error))
    return FALSE;

  if (!insert_event (self, event, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_COLLECTIONS);
  return TRUE;
}

gboolean
kassa_store_add_collection_event (KassaStore            *self,
                                  KassaCollectionEvent  *event,
                                  GError               **error)
{
  gboolean ok;

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  ok = write_event (self, event, error);
  if (!ok)
    event->id = 0;
  return kassa_store_transaction_end (self, ok, error);
}

static gboolean
remove_event (KassaStore  *self,
              gint64       id,
              GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (self, "DELETE FROM collection_events WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (kassa_store_get_db (self)) == 0)
    return kassa_store_set_not_found (error, _("The collection step no longer exists."));

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_COLLECTIONS);
  return TRUE;
}

gboolean
kassa_store_delete_collection_event (KassaStore  *self,
                                     gint64       id,
                                     GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, remove_event (self, id, error), error);
}

static KassaCollectionEvent *
event_from_row (sqlite3_stmt *stmt)
{
  KassaCollectionEvent *event = g_new0 (KassaCollectionEvent, 1);

  event->id = sqlite3_column_int64 (stmt, 0);
  event->customer_id = sqlite3_column_int64 (stmt, 1);
  event->invoice_id = sqlite3_column_int64 (stmt, 2);
  event->date = sqlite3_column_int (stmt, 3);
  event->kind = sqlite3_column_int (stmt, 4);
  event->fee = sqlite3_column_int64 (stmt, 5);
  event->interest = sqlite3_column_int64 (stmt, 6);
  event->due_by = sqlite3_column_int (stmt, 7);
  event->author = kassa_store_column_dup (stmt, 8);
  event->note = kassa_store_column_dup (stmt, 9);
  event->created_at = sqlite3_column_int64 (stmt, 10);
  return event;
}

GPtrArray *
kassa_store_list_collection_events (KassaStore  *self,
                                    gint64       customer_id,
                                    gint64       invoice_id,
                                    GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  if (invoice_id != 0)
    stmt = kassa_store_prepare (self,
                                "SELECT id, customer_id, invoice_id, date, kind, fee, interest,"
                                " due_by, author, note, created_at FROM collection_events"
                                " WHERE invoice_id = ?2 AND (?1 = 0 OR customer_id = ?1)"
                                " ORDER BY date DESC, id DESC",
                                error);
  else
    stmt = kassa_store_prepare (self,
                                "SELECT id, customer_id, invoice_id, date, kind, fee, interest,"
                                " due_by, author, note, created_at FROM collection_events"
                                " WHERE customer_id = ?1 ORDER BY date DESC, id DESC",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (invoice_id != 0)
    sqlite3_bind_int64 (stmt, 2, invoice_id);

  return kassa_store_collect_records (self, stmt, (KassaStoreRowReader) event_from_row,
                                      (GDestroyNotify) kassa_collection_event_free, error);
}

/* Reference rates */

GArray *
kassa_store_list_reference_rates (KassaStore  *self,
                                  const char  *country,
                                  GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GArray) rates = NULL;
  int rc;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  stmt = kassa_store_prepare (self,
                              "SELECT country, start_date, rate_bp FROM reference_rates"
                              " WHERE ?1 IS NULL OR country = ?1 ORDER BY country, start_date",
                              error);
  if (stmt == NULL)
    return NULL;

  if (country != NULL)
    {
      g_autofree char *code = g_ascii_strup (country, -1);

      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
    }

  rates = g_array_new (FALSE, TRUE, sizeof (KassaReferenceRate));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KassaReferenceRate rate = { 0 };

      kassa_store_column_code (stmt, 0, rate.country, sizeof rate.country);
      rate.start_date = sqlite3_column_int (stmt, 1);
      rate.rate_bp = sqlite3_column_int (stmt, 2);
      g_array_append_val (rates, rate);
    }

  if (rc != SQLITE_DONE)
    {
      kassa_store_set_error_from_sqlite (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rates);
}

static gboolean
validate_rate (const KassaReferenceRate  *rate,
               GError                   **error)
{
  if (!kassa_store_validate_country (rate->country, error))
    return FALSE;
  if (!kassa_day_is_valid (rate->start_date))
    return kassa_store_set_invalid (error, _("The start date of the reference rate is not valid."));
  if (rate->rate_bp < -1000 || rate->rate_bp > 5000)
    /* xgettext:no-c-format */
    return kassa_store_set_invalid (error, _("The reference rate must be between −10 % and 50 %."));

  return TRUE;
}

static gboolean
write_rate (KassaStore                *self,
            const KassaReferenceRate  *rate,
            GError                   **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  char country[3];

  if (!validate_rate (rate, error))
    return FALSE;

  memcpy (country, rate->country, sizeof country);
  kassa_store_normalize_country (country);

  stmt = kassa_store_prepare (self,
                              "INSERT OR REPLACE INTO reference_rates (country, start_date, rate_bp)"
                              " VALUES (?1, ?2, ?3)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, country, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, rate->start_date);
  sqlite3_bind_int (stmt, 3, rate->rate_bp);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_SETTINGS);
  return TRUE;
}

gboolean
kassa_store_set_reference_rate (KassaStore                *self,
                                const KassaReferenceRate  *rate,
                                GError                   **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (rate != NULL, FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, write_rate (self, rate, error), error);
}

static gboolean
remove_rate (KassaStore  *self,
             const char  *country,
             KassaDay     start_date,
             GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autofree char *code = g_ascii_strup (country, -1);

  stmt = kassa_store_prepare (self,
                              "DELETE FROM reference_rates WHERE country = ?1 AND start_date = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, start_date);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (kassa_store_get_db (self)) == 0)
    return kassa_store_set_not_found (error, _("The reference rate no longer exists."));

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_SETTINGS);
  return TRUE;
}

gboolean
kassa_store_delete_reference_rate (KassaStore  *self,
                                   const char  *country,
                                   KassaDay     start_date,
                                   GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (country != NULL, FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, remove_rate (self, country, start_date, error), error);
}

/* Settings */

char *
kassa_store_get_setting (KassaStore *self,
                         const char *key)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = kassa_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return kassa_store_column_dup (stmt, 0);
}

gint64
kassa_store_get_setting_int (KassaStore *self,
                             const char *key,
                             gint64      default_value)
{
  g_autofree char *text = kassa_store_get_setting (self, key);
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
    return default_value;

  return value;
}

static gboolean
write_setting (KassaStore  *self,
               const char  *key,
               const char  *value,
               GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  if (value != NULL && (strlen (value) > SETTING_MAX_BYTES || !g_utf8_validate (value, -1, NULL)))
    return kassa_store_set_invalid (error, _("The setting is too long or not valid text."));

  if (value == NULL)
    stmt = kassa_store_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = kassa_store_prepare (self, "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_SETTINGS);
  return TRUE;
}

gboolean
kassa_store_set_setting (KassaStore  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, write_setting (self, key, value, error), error);
}

gboolean
kassa_store_set_settings (KassaStore         *self,
                          const char * const *keys,
                          const char * const *values,
                          guint               n,
                          GError            **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (n == 0 || (keys != NULL && values != NULL), FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  for (guint i = 0; ok && i < n; i++)
    ok = write_setting (self, keys[i], values[i], error);

  return kassa_store_transaction_end (self, ok, error);
}
