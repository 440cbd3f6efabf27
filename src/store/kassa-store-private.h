/* kassa-store-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal helpers shared by KassaStore and the list models of src/store.
 * Not for other layers (they use kassa-store-sql.h).
 */
#pragma once

#include <sqlite3.h>

#include "kassa-store.h"
#include "kassa-store-sql.h"

G_BEGIN_DECLS


/* The helpers below are shared by kassa-store.c and the kassa-store-*.c
 * files that implement the store's record functions. */

/* Set error to KASSA_STORE_ERROR_INVALID / _NOT_FOUND with a translated
 * message; return FALSE. */
gboolean      kassa_store_set_invalid             (GError      **error,
                                                   const char   *message);
gboolean      kassa_store_set_not_found           (GError      **error,
                                                   const char   *message);

/* Steps a statement that returns no rows. */
gboolean      kassa_store_step_done               (KassaStore   *self,
                                                   sqlite3_stmt *stmt,
                                                   GError      **error);
/* Steps to the first row; *found tells whether there was one. */
gboolean      kassa_store_step_row                (KassaStore   *self,
                                                   sqlite3_stmt *stmt,
                                                   gboolean     *found,
                                                   GError      **error);
/* Binds text, NULL as "" (the text columns are NOT NULL). */
void          kassa_store_bind_text               (sqlite3_stmt *stmt,
                                                   int           index,
                                                   const char   *text);
char         *kassa_store_column_dup              (sqlite3_stmt *stmt,
                                                   int           column);
/* Copies a short code column (currency, country) into dest, "" for NULL. */
void          kassa_store_column_code             (sqlite3_stmt *stmt,
                                                   int           column,
                                                   char         *dest,
                                                   gsize         size);

/* Every write runs between a begin and an end: the outermost level is a
 * BEGIN IMMEDIATE transaction, inner ones are savepoints.  end commits (ok)
 * or rolls back the level and returns ok, or FALSE when the commit failed;
 * after the outermost level it emits the changes collected meanwhile. */
gboolean      kassa_store_transaction_begin       (KassaStore   *self,
                                                   GError      **error);
gboolean      kassa_store_transaction_end         (KassaStore   *self,
                                                   gboolean      ok,
                                                   GError      **error);

/* Record modules' shared pieces (kassa-store-rows.c). */
typedef gpointer (*KassaStoreRowReader) (sqlite3_stmt *stmt);

/* A name that is not blank and at most 200 characters. */
gboolean      kassa_store_validate_name           (const char   *name,
                                                   const char   *missing_message,
                                                   GError      **error);
/* Optional text (NULL fits) that is valid UTF-8 of at most max_chars. */
gboolean      kassa_store_text_fits               (const char   *text,
                                                   glong         max_chars);
/* Binds text (if not NULL) to ?1 and id to ?2 and tells whether sql
 * returns a row. */
gboolean      kassa_store_query_exists            (KassaStore   *self,
                                                   const char   *sql,
                                                   const char   *text,
                                                   gint64        id,
                                                   gboolean     *exists,
                                                   GError      **error);
/* Runs a bound statement and builds one record per row. */
GPtrArray    *kassa_store_collect_records         (KassaStore          *self,
                                                   sqlite3_stmt        *stmt,
                                                   KassaStoreRowReader  read_row,
                                                   GDestroyNotify       free_record,
                                                   GError             **error);
/* Runs a DELETE with ?1 = id in a transaction; not_found when nothing
 * matched, else emits change. */
gboolean      kassa_store_delete_by_id            (KassaStore        *self,
                                                   const char        *sql,
                                                   gint64             id,
                                                   const char        *not_found,
                                                   KassaStoreChange   change,
                                                   GError           **error);
/* Runs a write statement with ?1 = id (inside the caller's transaction). */
gboolean      kassa_store_run_with_id             (KassaStore   *self,
                                                   const char   *sql,
                                                   gint64        id,
                                                   GError      **error);
/* Ends a save's transaction; an insert that did not commit leaves the
 * record unsaved (*id 0 again). */
gboolean      kassa_store_finish_save             (KassaStore   *self,
                                                   gboolean      ok,
                                                   gboolean      inserting,
                                                   gint64       *id,
                                                   GError      **error);

/* Cleaning and checks that company and customer records share
 * (kassa-store-company.c). */
void          kassa_store_strip_string            (char         *text);
gboolean      kassa_store_is_blank                (const char   *text);
/* Upper-cases a two-letter country code that passed validation. */
void          kassa_store_normalize_country       (char         *code);
gboolean      kassa_store_validate_payment_terms  (gint          days,
                                                   GError      **error);
gboolean      kassa_store_validate_country        (const char   *country,
                                                   GError      **error);

/* Customer relationship (kassa-store-relationship.c): reads the
 * customer's anonymised_on (0 = not anonymised); a missing customer is a
 * NOT_FOUND error. */
gboolean      kassa_store_check_customer_anonymised (KassaStore *self,
                                                   gint64        customer_id,
                                                   KassaDay     *anonymised_on,
                                                   GError      **error);

G_END_DECLS
