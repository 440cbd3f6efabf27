/* kassa-store-rows.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small pieces the store's record modules share: reading rows into
 * records, deleting by id, finishing a save, checking a name or a text.
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-store-private.h"

#define NAME_MAX_CHARS 200

gboolean
kassa_store_validate_name (const char  *name,
                           const char  *missing_message,
                           GError     **error)
{
  if (kassa_store_is_blank (name))
    return kassa_store_set_invalid (error, missing_message);
  if (!g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) > NAME_MAX_CHARS)
    return kassa_store_set_invalid (error, _("The name is too long (at most 200 characters)."));

  return TRUE;
}

gboolean
kassa_store_text_fits (const char *text,
                       glong       max_chars)
{
  return text == NULL
         || (g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) <= max_chars);
}

gboolean
kassa_store_query_exists (KassaStore  *self,
                          const char  *sql,
                          const char  *text,
                          gint64       id,
                          gboolean    *exists,
                          GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = kassa_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  return kassa_store_step_row (self, stmt, exists, error);
}

GPtrArray *
kassa_store_collect_records (KassaStore          *self,
                             sqlite3_stmt        *stmt,
                             KassaStoreRowReader  read_row,
                             GDestroyNotify       free_record,
                             GError             **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (free_record);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, read_row (stmt));

  if (rc != SQLITE_DONE)
    {
      kassa_store_set_error_from_sqlite (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

gboolean
kassa_store_delete_by_id (KassaStore        *self,
                          const char        *sql,
                          gint64             id,
                          const char        *not_found,
                          KassaStoreChange   change,
                          GError           **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean ok;

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  stmt = kassa_store_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = kassa_store_step_done (self, stmt, error);
    }
  if (ok && sqlite3_changes (kassa_store_get_db (self)) == 0)
    ok = kassa_store_set_not_found (error, not_found);
  if (ok)
    kassa_store_emit_changed (self, change);

  return kassa_store_transaction_end (self, ok, error);
}

gboolean
kassa_store_finish_save (KassaStore  *self,
                         gboolean     ok,
                         gboolean     inserting,
                         gint64      *id,
                         GError     **error)
{
  ok = kassa_store_transaction_end (self, ok, error);
  if (!ok && inserting)
    *id = 0;

  return ok;
}

gboolean
kassa_store_run_with_id (KassaStore  *self,
                         const char  *sql,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = kassa_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return kassa_store_step_done (self, stmt, error);
}
