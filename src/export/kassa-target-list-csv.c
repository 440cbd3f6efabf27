/* kassa-target-list-csv.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A target list is at most the company's customers (thousands, not
 * millions), so the whole file is built in memory and written with
 * g_file_set_contents_full (), which writes a temporary file beside the
 * target and renames it: a failed export leaves no half-written list.
 */
#define G_LOG_DOMAIN "kassa-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-csv-export.h"
#include "kassa-store-sql.h"
#include "kassa-target-list-csv.h"

static const char *const headers[] = {
  "number", "name", "contact_person", "email", "phone", "language", "segment", "abc_class",
  "lifecycle",
};

static const char contact_sql[] =
  "SELECT contact_person, email, phone, document_language FROM customers WHERE id = ?1";

static const char *
segment_id (KassaRfmSegment segment)
{
  static const char *const ids[KASSA_N_RFM_SEGMENTS] = {
    [KASSA_SEGMENT_CHAMPIONS] = "champions",
    [KASSA_SEGMENT_LOYAL] = "loyal",
    [KASSA_SEGMENT_PROMISING] = "promising",
    [KASSA_SEGMENT_NEEDS_ATTENTION] = "needs-attention",
    [KASSA_SEGMENT_AT_RISK] = "at-risk",
    [KASSA_SEGMENT_HIBERNATING] = "hibernating",
    [KASSA_SEGMENT_LOST] = "lost",
  };

  return (guint) segment < KASSA_N_RFM_SEGMENTS ? ids[segment] : "";
}

static const char *
abc_id (KassaAbcClass abc)
{
  switch (abc)
    {
    case KASSA_ABC_A:
      return "A";
    case KASSA_ABC_B:
      return "B";
    case KASSA_ABC_C:
      return "C";
    case KASSA_ABC_NONE:
    default:
      return "";
    }
}

static const char *
lifecycle_id (KassaLifecycleStage stage)
{
  switch (stage)
    {
    case KASSA_LIFECYCLE_PROSPECT:
      return "prospect";
    case KASSA_LIFECYCLE_NEW:
      return "new";
    case KASSA_LIFECYCLE_KEY_ACCOUNT:
      return "key-account";
    case KASSA_LIFECYCLE_DORMANT:
      return "dormant";
    case KASSA_LIFECYCLE_LOST:
      return "lost";
    case KASSA_LIFECYCLE_ACTIVE:
    default:
      return "active";
    }
}

static void
append_cells (GString           *out,
              const char *const *cells,
              guint              n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      kassa_csv_append_field (out, cells[i]);
    }
  /* Lines end in CRLF as RFC 4180 has it. */
  g_string_append (out, "\r\n");
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static gboolean
append_customer (GString                  *out,
                 KassaStore               *store,
                 const KassaCustomerValue *value,
                 GError                  **error)
{
  g_autoptr(KassaStoreStatement) stmt = kassa_store_prepare (store, contact_sql, error);
  const char *cells[G_N_ELEMENTS (headers)];
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, value->customer_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  cells[0] = value->number;
  cells[1] = value->name;
  /* A customer deleted since the report was computed keeps its row. */
  for (int column = 0; column < 4; column++)
    cells[2 + column] = rc == SQLITE_ROW ? column_text (stmt, column) : "";
  cells[6] = segment_id (value->segment);
  cells[7] = abc_id (value->abc);
  cells[8] = lifecycle_id (value->lifecycle);
  append_cells (out, cells, G_N_ELEMENTS (cells));
  return TRUE;
}

static gboolean
write_file (const char *path,
            GString    *contents,
            GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  /* 0600 like the company file: the rows are personal data. */
  if (g_file_set_contents_full (path, contents->str, contents->len,
                                G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    return TRUE;

  name = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
               /* Translators: the first %s is a file path, the second why it failed */
               _("Cannot write “%s”: %s. Choose another folder or free some disk space."),
               name, local_error->message);
  return FALSE;
}

/**
 * kassa_target_list_write_csv:
 * @customers: (element-type KassaCustomerValue): the list, in file order
 * @store: the company the values were computed from
 * @path: the file to write (replaced when it exists)
 * @error: a G_IO_ERROR or KASSA_STORE_ERROR
 *
 * Call it from the thread that opened @store.
 */
gboolean
kassa_target_list_write_csv (GPtrArray   *customers,
                             KassaStore  *store,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (customers != NULL, FALSE);
  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  append_cells (out, headers, G_N_ELEMENTS (headers));
  for (guint i = 0; i < customers->len; i++)
    if (!append_customer (out, store, g_ptr_array_index (customers, i), error))
      return FALSE;

  return write_file (path, out, error);
}
