/* kassa-store.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KassaStore: one company file, one SQLite connection (use it from one
 * thread; worker threads open their own connection).
 *
 * Open amounts and credit notes.  A credit note credits its original in
 * full: it is stored as a sent invoice (state 1) with credited_invoice_id
 * set and total = −(original total); the original becomes state 2
 * (credited).  The pair is then read as:
 *   open (original)    := 0  (state 2 rows are excluded from open sums)
 *   open (credit note) := (cn.total − cn.paid) + (orig.total − orig.paid)
 * so an unpaid original and its credit note together leave nothing open,
 * and a paid original leaves a negative open amount (a refund owed) on the
 * credit note, which refunds (negative payments) on the credit note settle.
 * KASSA_STORE_OPEN_AMOUNT_SQL, kassa_store_get_invoice_open_amount(), the
 * customer balance and the Overview figures all follow this rule.  Overdue
 * amounts only ever come from ordinary sent invoices (never credit notes).
 *
 * The record functions live beside this file, one file per kind of record:
 * kassa-store-company.c, -customers.c, -invoices.c (with credit notes),
 * -payments.c and -overview.c; the helpers they share are declared in
 * kassa-store-private.h.
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kassa-store-private.h"
#include "kassa-store-schema.h"

/* Rotated backups made before a migration: path.backup-1 (newest) … -3. */
#define BACKUP_COUNT 3
/* quick_check reads every page.  Up to this size it runs on every open; a
 * larger file (the benchmark's million invoices) is checked before
 * migrations only, so that opening it stays well under half a second. */
#define QUICK_CHECK_MAX_BYTES (G_GINT64_CONSTANT (64) * 1024 * 1024)
#define BUSY_TIMEOUT_MS 2000

struct _KassaStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;          /* SQL text → sqlite3_stmt* */

  guint       transaction_depth;
  guint       pending_changes;     /* KassaStoreChange collected in a transaction */
  GArray     *outer_changes;       /* guint per savepoint: pending_changes before it */
};

G_DEFINE_FINAL_TYPE (KassaStore, kassa_store, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (kassa-store-error-quark, kassa_store_error)

/* Errors */

static void
set_sqlite_error (sqlite3  *db,
                  int       rc,
                  GError  **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_LOCKED,
                           _("The company file is in use by another program. "
                             "Close it there and try again."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error_literal (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_CORRUPT,
                           _("The company file is damaged. Restore it from a backup."));
      break;

    case SQLITE_FULL:
      g_set_error_literal (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_IO,
                           _("The disk is full. Free some space and try again."));
      break;

    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      /* Translators: %s is a technical detail from the database. */
      g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_IO,
                   _("The company file could not be read or written (%s). "
                     "Check that the disk is available and the file is writable."),
                   detail);
      break;

    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        {
          g_set_error_literal (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_DUPLICATE,
                               _("This value is already used. Choose another one."));
          break;
        }
      /* Other constraints back up checks the store makes itself: reaching
       * one is a bug or a hand-edited file, reported as a failure. */
      G_GNUC_FALLTHROUGH;
    default:
      /* Translators: %s is a technical detail from the database. */
      g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_FAILED,
                   _("The company file could not be used: %s"), detail);
      break;
    }
}

gboolean
kassa_store_set_error_from_sqlite (KassaStore  *self,
                                   int          rc,
                                   GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  set_sqlite_error (self->db, rc, error);
  return FALSE;
}

gboolean
kassa_store_set_invalid (GError     **error,
                         const char  *message)
{
  g_set_error_literal (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
kassa_store_set_not_found (GError     **error,
                           const char  *message)
{
  g_set_error_literal (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

/* Statements */

sqlite3_stmt *
kassa_store_prepare (KassaStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      kassa_store_set_error_from_sqlite (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

void
kassa_store_reset (sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Steps a statement that returns no rows. */
gboolean
kassa_store_step_done (KassaStore    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;

  return kassa_store_set_error_from_sqlite (self, rc, error);
}

/* Steps to the first row; *found tells whether there was one. */
gboolean
kassa_store_step_row (KassaStore    *self,
                      sqlite3_stmt  *stmt,
                      gboolean      *found,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  *found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  return kassa_store_set_error_from_sqlite (self, rc, error);
}

static gboolean
exec_sql (KassaStore  *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;

  return kassa_store_set_error_from_sqlite (self, rc, error);
}

void
kassa_store_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

char *
kassa_store_column_dup (sqlite3_stmt *stmt,
                        int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
kassa_store_column_code (sqlite3_stmt *stmt,
                         int           column,
                         char         *dest,
                         gsize         size)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  g_strlcpy (dest, text != NULL ? text : "", size);
}

/* Transactions.  Only the outermost level is a real transaction (BEGIN
 * IMMEDIATE takes the write lock up front, so a busy file fails at once
 * rather than half-way); inner levels are savepoints, so a failed inner
 * write is undone even when the outer function goes on. */

static void
flush_changes (KassaStore *self)
{
  guint what = self->pending_changes;

  self->pending_changes = 0;
  if (what != 0)
    g_signal_emit (self, signals[CHANGED], 0, what);
}

gboolean
kassa_store_transaction_begin (KassaStore  *self,
                               GError     **error)
{
  const char *sql = self->transaction_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT kassa_nested";

  if (!exec_sql (self, sql, error))
    return FALSE;

  /* A savepoint collects its own changes, so that rolling it back also
   * forgets what it announced (see transaction_end). */
  if (self->transaction_depth > 0)
    {
      g_array_append_val (self->outer_changes, self->pending_changes);
      self->pending_changes = 0;
    }

  self->transaction_depth++;
  return TRUE;
}

static void
transaction_rollback (KassaStore *self)
{
  /* Failures are ignored: when SQLite has already rolled back by itself
   * (e.g. disk full) there is nothing left to undo. */
  if (self->transaction_depth == 0)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->pending_changes = 0;
    }
  else
    {
      sqlite3_exec (self->db, "ROLLBACK TO kassa_nested; RELEASE kassa_nested", NULL, NULL, NULL);
    }
}

/* A released savepoint's changes join the enclosing level; a rolled-back
 * one's are dropped: nothing it wrote is left to announce. */
static void
merge_savepoint_changes (KassaStore *self,
                         gboolean    released)
{
  guint last = self->outer_changes->len - 1;
  guint outer = g_array_index (self->outer_changes, guint, last);

  g_array_set_size (self->outer_changes, last);
  self->pending_changes = released ? outer | self->pending_changes : outer;
}

/* Commits (ok) or rolls back the current level.  Returns ok, or FALSE when
 * the commit itself failed. */
gboolean
kassa_store_transaction_end (KassaStore  *self,
                             gboolean     ok,
                             GError     **error)
{
  g_assert (self->transaction_depth > 0);

  self->transaction_depth--;

  if (ok)
    ok = exec_sql (self, self->transaction_depth == 0 ? "COMMIT" : "RELEASE kassa_nested", error);
  if (!ok)
    transaction_rollback (self);

  if (self->transaction_depth == 0)
    flush_changes (self);
  else
    merge_savepoint_changes (self, ok);

  return ok;
}

/* Opening */

static char *
display_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_filename_display_name (base);
}

static gboolean
set_file_error (const char  *path,
                int          code,
                GError     **error)
{
  g_autofree char *name = display_name (path);

  switch (code)
    {
    case KASSA_STORE_ERROR_NOT_KASSA:
      /* Translators: %s is a file name. */
      g_set_error (error, KASSA_STORE_ERROR, code,
                   _("“%s” is not a Kassa company file. Choose another file."), name);
      break;

    case KASSA_STORE_ERROR_TOO_NEW:
      /* Translators: %s is a file name. */
      g_set_error (error, KASSA_STORE_ERROR, code,
                   _("“%s” was saved by a newer version of Kassa. Update Kassa to open it."),
                   name);
      break;

    case KASSA_STORE_ERROR_CORRUPT:
      /* Translators: %s is a file name. */
      g_set_error (error, KASSA_STORE_ERROR, code,
                   _("“%s” is damaged and cannot be opened. Restore it from a backup."),
                   name);
      break;

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

static gboolean
set_errno_error (const char  *path,
                 int          saved_errno,
                 GError     **error)
{
  g_autofree char *name = display_name (path);

  /* Translators: the first %s is a file name, the second the reason. */
  g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_IO,
               _("“%s” could not be opened: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

/* Maps a failure while inspecting an existing file. */
static gboolean
set_inspect_error (const char  *path,
                   sqlite3     *db,
                   int          rc,
                   GError     **error)
{
  int primary = rc & 0xff;

  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    return set_file_error (path, KASSA_STORE_ERROR_CORRUPT, error);

  set_sqlite_error (db, rc, error);
  return FALSE;
}

/* Creates a missing file (and its folder) private to the user. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_errno_error (path, errno, error);

  fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (path, errno, error);

  close (fd);
  return TRUE;
}

/* Finds out whether path is a new (missing or empty) file, creating it if
 * missing; *size is the size of an existing file. */
static gboolean
prepare_file (const char  *path,
              gboolean    *is_empty,
              gint64      *size,
              GError     **error)
{
  GStatBuf st;

  *size = 0;
  if (g_stat (path, &st) != 0)
    {
      if (errno != ENOENT)
        return set_errno_error (path, errno, error);

      *is_empty = TRUE;
      return create_private_file (path, error);
    }

  if (!S_ISREG (st.st_mode))
    return set_file_error (path, KASSA_STORE_ERROR_NOT_KASSA, error);

  *size = st.st_size;
  *is_empty = st.st_size == 0;
  return TRUE;
}

static gboolean
check_header (const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";   /* with its NUL */
  char header[sizeof magic];
  gssize n_read;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return set_errno_error (path, errno, error);

  n_read = read (fd, header, sizeof header);
  close (fd);

  if (n_read != (gssize) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    return set_file_error (path, KASSA_STORE_ERROR_NOT_KASSA, error);

  return TRUE;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           gint64     *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }

  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
run_quick_check (const char  *path,
                 sqlite3     *db,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return set_inspect_error (path, db, rc, error);
    }

  ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (!ok)
    return set_file_error (path, KASSA_STORE_ERROR_CORRUPT, error);

  return TRUE;
}

typedef struct
{
  gint64 application_id;
  gint64 user_version;
  gint64 n_schema_objects;
} FileFacts;

static int
read_file_facts (sqlite3   *db,
                 FileFacts *facts)
{
  int rc;

  /* Counting sqlite_master parses the whole schema: a damaged schema shows
   * up here as SQLITE_CORRUPT. */
  rc = query_int (db, "PRAGMA application_id", &facts->application_id);
  if (rc == SQLITE_OK)
    rc = query_int (db, "PRAGMA user_version", &facts->user_version);
  if (rc == SQLITE_OK)
    rc = query_int (db, "SELECT count(*) FROM sqlite_master", &facts->n_schema_objects);

  return rc;
}

/* Decides, without writing anything, whether an existing SQLite file may be
 * opened.  *version is its schema version (0: an empty file to set up). */
static gboolean
judge_file_facts (const char       *path,
                  const FileFacts  *facts,
                  int              *version,
                  GError          **error)
{
  if (facts->application_id != KASSA_SQLITE_APPLICATION_ID)
    {
      gboolean untouched = facts->application_id == 0 &&
                           facts->user_version == 0 &&
                           facts->n_schema_objects == 0;

      if (!untouched)
        return set_file_error (path, KASSA_STORE_ERROR_NOT_KASSA, error);
    }

  if (facts->user_version > KASSA_STORE_SCHEMA_VERSION)
    return set_file_error (path, KASSA_STORE_ERROR_TOO_NEW, error);

  *version = (int) MAX (facts->user_version, 0);
  return TRUE;
}

static gboolean
sidecar_exists (const char *path,
                const char *suffix)
{
  g_autofree char *sidecar = g_strconcat (path, suffix, NULL);

  return g_file_test (sidecar, G_FILE_TEST_EXISTS);
}

/* A read-only connection still creates -wal and -shm files beside a WAL
 * file, and leaves them.  Without a -wal or -journal file nobody is using
 * the file and it holds no pending transaction, so it can be read as
 * immutable, which creates nothing. */
static int
open_for_inspection (const char  *path,
                     sqlite3    **db)
{
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *immutable_uri = NULL;

  if (sidecar_exists (path, "-wal") || sidecar_exists (path, "-journal"))
    return sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);

  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, NULL);
  if (uri == NULL)
    return sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);

  immutable_uri = g_strconcat (uri, "?mode=ro&immutable=1", NULL);
  return sqlite3_open_v2 (immutable_uri, db,
                          SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
}

/* Checks an existing, non-empty file on a read-only connection, so that a
 * refused file is left byte for byte as it was (no WAL switch, no pragma
 * writes, no journal). */
static gboolean
inspect_existing_file (const char  *path,
                       gint64       size,
                       int         *version,
                       GError     **error)
{
  sqlite3 *db = NULL;
  FileFacts facts = { 0, };
  gboolean ok;
  int rc;

  if (!check_header (path, error))
    return FALSE;

  rc = open_for_inspection (path, &db);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      rc = read_file_facts (db, &facts);
    }

  if (rc != SQLITE_OK)
    ok = set_inspect_error (path, db, rc, error);
  else
    ok = judge_file_facts (path, &facts, version, error);

  /* A migration rewrites the file: check it whatever its size. */
  if (ok && (size <= QUICK_CHECK_MAX_BYTES || *version < KASSA_STORE_SCHEMA_VERSION))
    ok = run_quick_check (path, db, error);

  sqlite3_close_v2 (db);
  return ok;
}

static gboolean
open_connection (KassaStore  *self,
                 GError     **error)
{
  /* No SQLITE_OPEN_CREATE: the file exists by now, and must not be
   * recreated empty if it vanished in between. */
  int rc = sqlite3_open_v2 (self->path, &self->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    return kassa_store_set_error_from_sqlite (self, rc, error);

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  return TRUE;
}

static gboolean
configure_connection (KassaStore  *self,
                      GError     **error)
{
  /* synchronous=FULL: in WAL mode NORMAL already survives a crash of the
   * process, but a power cut could lose the last committed transactions.
   * Invoices and payments are accounting records: a committed write must
   * stay written, and the extra fsync per commit is cheap for an app that
   * commits on user actions. */
  return exec_sql (self,
                   "PRAGMA foreign_keys = ON;"
                   "PRAGMA journal_mode = WAL;"
                   "PRAGMA synchronous = FULL;",
                   error);
}

/* Backups and migrations */

static char *
backup_path (const char *path,
             int         index)
{
  return g_strdup_printf ("%s.backup-%d", path, index);
}

static gboolean
rotate_backups (const char  *path,
                GError     **error)
{
  for (int i = BACKUP_COUNT; i > 1; i--)
    {
      g_autofree char *older = backup_path (path, i);
      g_autofree char *newer = backup_path (path, i - 1);

      /* rename() replaces the oldest backup, so there are never more. */
      if (g_file_test (newer, G_FILE_TEST_EXISTS) && g_rename (newer, older) != 0)
        return set_errno_error (older, errno, error);
    }

  return TRUE;
}

static gboolean
copy_database (KassaStore  *self,
               const char  *dest_path,
               GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    {
      g_autofree char *name = display_name (dest_path);

      /* Translators: the first %s is a file name, the second the reason. */
      g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_IO,
                   _("The backup “%s” could not be written: %s. "
                     "The company file was not changed."),
                   name, sqlite3_errstr (rc));
    }

  sqlite3_close_v2 (dest);
  return rc == SQLITE_OK;
}

/* Online backup of the whole file to path.backup-1 (mode 0600), keeping
 * the previous ones as -2 and -3. */
static gboolean
backup_before_migration (KassaStore  *self,
                         GError     **error)
{
  g_autofree char *dest_path = backup_path (self->path, 1);

  if (!rotate_backups (self->path, error))
    return FALSE;

  /* A leftover -1 would only exist if the rotation could not move it. */
  g_unlink (dest_path);
  if (!create_private_file (dest_path, error))
    return FALSE;

  return copy_database (self, dest_path, error);
}

static gboolean
set_pragma_int (KassaStore  *self,
                const char  *pragma,
                gint64       value,
                GError     **error)
{
  /* PRAGMA values cannot be bound; value is one of our own constants. */
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s = %" G_GINT64_FORMAT, pragma, value);

  return exec_sql (self, sql, error);
}

static gboolean
run_migrations (KassaStore  *self,
                int          from_version,
                GError     **error)
{
  const KassaMigration *steps = kassa_store_schema_migrations ();

  for (guint i = 0; steps[i].sql != NULL; i++)
    {
      if (steps[i].version > from_version && !exec_sql (self, steps[i].sql, error))
        return FALSE;
    }

  return set_pragma_int (self, "user_version", KASSA_STORE_SCHEMA_VERSION, error) &&
         set_pragma_int (self, "application_id", KASSA_SQLITE_APPLICATION_ID, error);
}

static gboolean
migrate (KassaStore  *self,
         int          from_version,
         GError     **error)
{
  gboolean ok;

  if (from_version >= KASSA_STORE_SCHEMA_VERSION)
    return TRUE;

  if (from_version > 0 && !backup_before_migration (self, error))
    return FALSE;

  /* Every step and the new user_version in one transaction: a failed
   * migration leaves the file at its old version. */
  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  ok = kassa_store_transaction_end (self, run_migrations (self, from_version, error), error);
  if (!ok)
    g_prefix_error (error, "%s ", _("The company file could not be upgraded for this version of Kassa."));

  return ok;
}

/* GObject */

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
kassa_store_finalize (GObject *object)
{
  KassaStore *self = KASSA_STORE (object);

  /* Statements must be finalized before the connection can close. */
  g_clear_pointer (&self->statements, g_hash_table_destroy);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->outer_changes, g_array_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (kassa_store_parent_class)->finalize (object);
}

static void
kassa_store_class_init (KassaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kassa_store_finalize;

  /**
   * KassaStore::changed:
   * @what: KassaStoreChange flags
   *
   * Emitted after a write has been committed; writes grouped in one
   * transaction emit once, with the flags of all of them.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
kassa_store_init (KassaStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->outer_changes = g_array_new (FALSE, FALSE, sizeof (guint));
}

KassaStore *
kassa_store_open (const char  *path,
                  GError     **error)
{
  g_autoptr(KassaStore) self = NULL;
  gboolean is_empty = FALSE;
  gint64 size = 0;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!prepare_file (path, &is_empty, &size, error))
    return NULL;
  if (!is_empty && !inspect_existing_file (path, size, &version, error))
    return NULL;

  self = g_object_new (KASSA_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (version == 0 && g_chmod (path, 0600) != 0)
    {
      set_errno_error (path, errno, error);
      return NULL;
    }

  if (!open_connection (self, error) ||
      !configure_connection (self, error) ||
      !migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
kassa_store_get_path (KassaStore *self)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  return self->path;
}

gpointer
kassa_store_get_db (KassaStore *self)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  return self->db;
}

void
kassa_store_emit_changed (KassaStore *self,
                          guint       what)
{
  g_return_if_fail (KASSA_IS_STORE (self));

  self->pending_changes |= what;
  if (self->transaction_depth == 0)
    flush_changes (self);
}

gboolean
kassa_store_run_in_transaction (KassaStore                *self,
                                KassaStoreTransactionFunc  func,
                                gpointer                   user_data,
                                GError                   **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, func (self, user_data, error), error);
}
