/* test-migration.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening company files of older schemas (migrated after a rotated backup)
 * and refusing files that are not ours, too new or damaged — leaving those
 * byte for byte as they were.
 */
#define G_LOG_DOMAIN "kassa-test-migration"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kassa-store.h"
#include "kassa-test-fixture.h"
#include "kassa-store-schema.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kassa-test-migration-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "company.kassa", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kassa_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static sqlite3 *
open_raw (const char *path,
          int         flags)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, flags, NULL), ==, SQLITE_OK);
  return db;
}

static void
exec_raw (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
query_raw (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* Read-write, so that closing removes the -wal and -shm files again. */
static gint64
query_file (const char *path,
            const char *sql)
{
  sqlite3 *db = open_raw (path, SQLITE_OPEN_READWRITE);
  gint64 value = query_raw (db, sql);

  sqlite3_close (db);
  return value;
}

static const char *
schema_step_sql (int version)
{
  const KassaMigration *steps = kassa_store_schema_migrations ();

  for (guint i = 0; steps[i].sql != NULL; i++)
    {
      if (steps[i].version == version)
        return steps[i].sql;
    }

  g_assert_not_reached ();
}

/* A version-1 company file made the way Kassa 1 made it, holding one
 * customer called customer_name.  extra_sql runs last (may be NULL). */
static void
make_v1_file (const char *path,
              const char *customer_name,
              const char *extra_sql)
{
  sqlite3 *db = open_raw (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 1;",
                                              KASSA_SQLITE_APPLICATION_ID);

  exec_raw (db, "BEGIN");
  exec_raw (db, schema_step_sql (1));
  exec_raw (db, pragmas);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO customers (number, name) VALUES ('1001', ?)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, customer_name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  if (extra_sql != NULL)
    exec_raw (db, extra_sql);
  exec_raw (db, "COMMIT");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static char *
backup_path (const char *path,
             int         index)
{
  return g_strdup_printf ("%s.backup-%d", path, index);
}

static char *
customer_name_in (const char *path)
{
  sqlite3 *db = open_raw (path, SQLITE_OPEN_READWRITE);
  sqlite3_stmt *stmt = NULL;
  char *name;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM customers WHERE number = '1001'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return name;
}

static void
assert_mode_0600 (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* Migration */

static void
test_migrate_v1 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(KassaCustomerRecord) customer = NULL;
  g_autofree char *backup = backup_path (f->path, 1);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  make_v1_file (f->path, "Vanha Oy", NULL);

  store = kassa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  db = kassa_store_get_db (store);
  g_assert_cmpint (query_raw (db, "PRAGMA user_version"), ==, KASSA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_raw (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                                  " AND name = 'settings'"), ==, 1);
  exec_raw (db, "INSERT INTO settings (key, value) VALUES ('aging-basis', 'due')");

  customer = kassa_store_get_customer (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (customer->name, ==, "Vanha Oy");
  g_assert_cmpstr (customer->number, ==, "1001");

  /* The backup is the file as it was: version 1, no settings table. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  assert_mode_0600 (backup);
  g_assert_cmpint (query_file (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_file (backup, "PRAGMA application_id"), ==, KASSA_SQLITE_APPLICATION_ID);
  g_assert_cmpint (query_file (backup, "SELECT count(*) FROM sqlite_master WHERE name = 'settings'"),
                   ==, 0);
  g_assert_cmpint (query_file (backup, "SELECT count(*) FROM customers"), ==, 1);
  {
    sqlite3 *backup_db = open_raw (backup, SQLITE_OPEN_READWRITE);
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (backup_db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);
    sqlite3_close (backup_db);
  }

  /* Opening again migrates nothing and makes no new backup. */
  g_clear_object (&store);
  g_remove (backup);
  store = kassa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (query_raw (kassa_store_get_db (store), "SELECT count(*) FROM settings"), ==, 1);
}

/* Four migrations of re-created version-1 files: three backups are kept,
 * newest first, and there is never a fourth. */
static void
test_backup_rotation (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *fourth = backup_path (f->path, 4);

  for (guint round = 1; round <= 4; round++)
    {
      g_autofree char *name = g_strdup_printf ("Round %u", round);
      g_autoptr(KassaStore) store = NULL;
      g_autoptr(GError) error = NULL;

      g_remove (f->path);
      make_v1_file (f->path, name, NULL);
      store = kassa_store_open (f->path, &error);
      g_assert_no_error (error);

      for (guint i = 1; i <= 3; i++)
        {
          g_autofree char *backup = backup_path (f->path, i);

          g_assert_cmpint (g_file_test (backup, G_FILE_TEST_EXISTS), ==, i <= round);
        }
      g_assert_false (g_file_test (fourth, G_FILE_TEST_EXISTS));
    }

  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *backup = backup_path (f->path, i);
      g_autofree char *expected = g_strdup_printf ("Round %u", 5 - i);
      g_autofree char *name = customer_name_in (backup);

      assert_mode_0600 (backup);
      g_assert_cmpstr (name, ==, expected);
    }
}

/* A step that fails leaves the file at version 1 with its data. */
static void
test_failed_migration_rolls_back (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  make_v1_file (f->path, "Vanha Oy", "CREATE TABLE settings (x)");

  store = kassa_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("migration error: %s", error->message);

  g_assert_cmpint (query_file (f->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_file (f->path, "SELECT count(*) FROM customers"), ==, 1);
}

/* An empty file, or an SQLite file with nothing in it, becomes a new
 * company file. */
static void
test_empty_files_are_set_up (Fixture       *f,
                             gconstpointer  data)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(KassaStore) store = NULL;
      g_autoptr(GError) error = NULL;

      g_remove (f->path);
      if (i == 0)
        {
          g_assert_true (g_file_set_contents (f->path, "", 0, &error));
        }
      else
        {
          sqlite3 *db = open_raw (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

          exec_raw (db, "PRAGMA page_size = 4096; VACUUM");
          sqlite3_close (db);
        }

      store = kassa_store_open (f->path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (query_raw (kassa_store_get_db (store), "PRAGMA user_version"), ==, KASSA_STORE_SCHEMA_VERSION);
      g_assert_cmpint (query_raw (kassa_store_get_db (store), "PRAGMA application_id"),
                       ==, KASSA_SQLITE_APPLICATION_ID);
      assert_mode_0600 (f->path);
    }
}

/* A version-2 file with a company: migration 3 adds the document settings
 * with their defaults (no logo, Finnish reference, no giro numbers) and
 * keeps the company as it was. */
static void
test_migrate_v2_company (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(KassaCompany) company = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = backup_path (f->path, 1);

  make_v1_file (f->path, "Vanha Oy", NULL);
  {
    sqlite3 *db = open_raw (f->path, SQLITE_OPEN_READWRITE);

    exec_raw (db, "BEGIN");
    exec_raw (db, schema_step_sql (2));
    exec_raw (db, "INSERT INTO company (id, name, iban, late_interest_bp)"
                  " VALUES (1, 'Vanha Oy', 'FI79 4405 2020 0360 82', 1150);"
                  "PRAGMA user_version = 2;");
    exec_raw (db, "COMMIT");
    sqlite3_close (db);
  }

  store = kassa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_raw (kassa_store_get_db (store), "PRAGMA user_version"), ==, KASSA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_file (backup, "PRAGMA user_version"), ==, 2);

  company = kassa_store_get_company (store);
  g_assert_nonnull (company);
  g_assert_cmpstr (company->name, ==, "Vanha Oy");
  g_assert_cmpstr (company->iban, ==, "FI79 4405 2020 0360 82");
  g_assert_cmpint (company->late_interest_bp, ==, 1150);
  g_assert_null (company->logo);
  g_assert_cmpint (company->reference_style, ==, KASSA_REFERENCE_STYLE_FINNISH);
  g_assert_cmpstr (company->bankgiro, ==, "");
  g_assert_cmpstr (company->plusgiro, ==, "");

  /* The new columns take values like the old ones. */
  company->reference_style = KASSA_REFERENCE_STYLE_RF;
  g_free (company->plusgiro);
  company->plusgiro = g_strdup ("4605-2");
  g_assert_true (kassa_store_save_company (store, company, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_raw (kassa_store_get_db (store), "SELECT reference_style FROM company"), ==, 1);
}

/* Refusals */

static void
write_text_file (const char *path)
{
  g_assert_true (g_file_set_contents (path, "hello", -1, NULL));
}

static void
write_random_file (const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (path, (const char *) bytes, sizeof bytes, NULL));
}

/* The SQLite magic followed by noise: looks like SQLite, is not readable. */
static void
write_fake_sqlite_file (const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  memcpy (bytes, "SQLite format 3", 16);
  g_assert_true (g_file_set_contents (path, (const char *) bytes, sizeof bytes, NULL));
}

static void
write_foreign_sqlite_file (const char *path)
{
  sqlite3 *db = open_raw (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  exec_raw (db, "CREATE TABLE foo (a, b); INSERT INTO foo VALUES (1, 2);");
  sqlite3_close (db);
}

static void
write_other_app_id_file (const char *path)
{
  sqlite3 *db = open_raw (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  exec_raw (db, "PRAGMA application_id = 1869181817");
  sqlite3_close (db);
}

static void
write_too_new_file (const char *path)
{
  make_v1_file (path, "Tuleva Oy", "PRAGMA user_version = 99");
}

/* A real company file (WAL, checkpointed on close) whose customers table
 * root page has its b-tree page type smashed: the schema still reads, but
 * the table does not. */
static void
write_corrupt_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gint64 root, page_size;
  gsize length;

  {
    g_autoptr(KassaStore) store = kassa_store_open (path, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 40; i++)
      {
        g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();

        customer->name = g_strdup_printf ("Customer %u with a fairly long name", i);
        customer->notes = g_strnfill (200, 'n');
        g_assert_true (kassa_store_save_customer (store, customer, &error));
      }
  }

  root = query_file (path, "SELECT rootpage FROM sqlite_master WHERE name = 'customers'");
  page_size = query_file (path, "PRAGMA page_size");
  g_assert_cmpint (root, >, 1);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >=, (gsize) (root * page_size));
  /* Byte 0 of a b-tree page is its type (2, 5, 10 or 13); 0x6b is none. */
  memset (contents + (root - 1) * page_size, 0x6b, 8);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
}

/* The SQLite header promises more pages than the file has: truncated in
 * the middle of a page. */
static void
write_truncated_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  make_v1_file (path, "Katkaistu Oy", "CREATE TABLE filler (x); INSERT INTO filler"
                                     " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                                     " WHERE i < 2000) SELECT randomblob(100) FROM n");
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length / 2 + 100, &error));
}

typedef struct
{
  const char *name;
  void      (*write) (const char *path);
  int         code;
} RefusalCase;

static const RefusalCase refusal_cases[] = {
  { "text", write_text_file, KASSA_STORE_ERROR_NOT_KASSA },
  { "random", write_random_file, KASSA_STORE_ERROR_NOT_KASSA },
  { "fake-sqlite", write_fake_sqlite_file, KASSA_STORE_ERROR_CORRUPT },
  { "foreign-sqlite", write_foreign_sqlite_file, KASSA_STORE_ERROR_NOT_KASSA },
  { "other-app-id", write_other_app_id_file, KASSA_STORE_ERROR_NOT_KASSA },
  { "too-new", write_too_new_file, KASSA_STORE_ERROR_TOO_NEW },
  { "corrupt", write_corrupt_file, KASSA_STORE_ERROR_CORRUPT },
  { "truncated", write_truncated_file, KASSA_STORE_ERROR_CORRUPT },
};

static void
test_refusal (Fixture       *f,
              gconstpointer  data)
{
  const RefusalCase *refusal = data;
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  g_autofree char *backup = backup_path (f->path, 1);
  gsize before_length, after_length;
  GStatBuf st_before, st_after;

  refusal->write (f->path);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (f->path, &before, &before_length, NULL));
  g_assert_cmpint (g_stat (f->path, &st_before), ==, 0);

  store = kassa_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, KASSA_STORE_ERROR, refusal->code);
  g_test_message ("%s: %s", refusal->name, error->message);
  g_assert_nonnull (strstr (error->message, "company.kassa"));

  g_assert_true (g_file_get_contents (f->path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_cmpint (g_stat (f->path, &st_after), ==, 0);
  g_assert_cmpint (st_after.st_mode, ==, st_before.st_mode);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/store/migration/v1", Fixture, NULL,
              fixture_set_up, test_migrate_v1, fixture_tear_down);
  g_test_add ("/store/migration/backup-rotation", Fixture, NULL,
              fixture_set_up, test_backup_rotation, fixture_tear_down);
  g_test_add ("/store/migration/failed-step", Fixture, NULL,
              fixture_set_up, test_failed_migration_rolls_back, fixture_tear_down);
  g_test_add ("/store/migration/empty-files", Fixture, NULL,
              fixture_set_up, test_empty_files_are_set_up, fixture_tear_down);
  g_test_add ("/store/migration/v2-company", Fixture, NULL,
              fixture_set_up, test_migrate_v2_company, fixture_tear_down);

  for (guint i = 0; i < G_N_ELEMENTS (refusal_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/store/refusal/%s", refusal_cases[i].name);

      g_test_add (name, Fixture, &refusal_cases[i], fixture_set_up, test_refusal, fixture_tear_down);
    }

  return g_test_run ();
}
