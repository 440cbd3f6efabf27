/* kassa-store-schema.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* application_id pragma marking a SQLite file as a Kassa company file. */
#define KASSA_SQLITE_APPLICATION_ID 0x4b415353 /* "KASS" */

typedef struct
{
  int         version;     /* user_version after this step */
  const char *sql;         /* statements run in the migration transaction */
} KassaMigration;

/* Migrations in order; schema version N is reached by running every step
 * with version <= N.  Terminated by { 0, NULL }. */
const KassaMigration *kassa_store_schema_migrations (void);

G_END_DECLS
