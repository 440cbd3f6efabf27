/* kassa-store-sql.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read access in SQL for the layers above the store that need speed over
 * large companies (reports, exports): the store's statement cache, its
 * error mapping and the shared SQL expressions.  Write through the
 * KassaStore API only.
 */
#pragma once

#include <sqlite3.h>

#include "kassa-store.h"

G_BEGIN_DECLS

/* A cached prepared statement: the store keeps one per SQL text for its
 * lifetime.  Callers must reset it after use, most simply by declaring
 *   g_autoptr(KassaStoreStatement) stmt = kassa_store_prepare (…);
 * which resets and clears the bindings when stmt goes out of scope.  Never
 * finalize it.  A statement is not re-entrant: do not use the same SQL text
 * twice at once. */
typedef sqlite3_stmt KassaStoreStatement;

sqlite3_stmt *kassa_store_prepare                 (KassaStore   *self,
                                                   const char   *sql,
                                                   GError      **error);
/* Resets and clears the bindings of a statement from kassa_store_prepare. */
void          kassa_store_reset                   (sqlite3_stmt *stmt);

/* Sets error from a SQLite result code (and the connection's message),
 * mapped to a KASSA_STORE_ERROR code with a translated message.  Always
 * returns FALSE, so that "return kassa_store_set_error_from_sqlite (…);"
 * reads naturally. */
gboolean      kassa_store_set_error_from_sqlite   (KassaStore   *self,
                                                   int           rc,
                                                   GError      **error);

/* SQL expression for the open amount of an invoice row aliased "i" (see
 * kassa-store.c for the credit-note rule): 0 for drafts and credited
 * originals, total − paid for sent invoices, and for a credit note its own
 * total − paid plus what was still open on the invoice it credits. */
#define KASSA_STORE_OPEN_AMOUNT_SQL \
  "(CASE WHEN i.state <> 1 THEN 0" \
  " WHEN i.credited_invoice_id IS NULL THEN i.total - i.paid" \
  " ELSE i.total - i.paid + COALESCE ((SELECT o.total - o.paid FROM invoices o" \
  "                                    WHERE o.id = i.credited_invoice_id), 0) END)"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaStoreStatement, kassa_store_reset)

G_END_DECLS
