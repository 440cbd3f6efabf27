/* kassa-demo-relationship-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo company's customer relationship data (kassa-demo-relationship.c),
 * added by kassa_demo_generate().  Internal to src/store.
 */
#pragma once

#include "kassa-demo.h"

G_BEGIN_DECLS

/* Writes marketing consents, key accounts, four campaigns with their reach
 * and attributed invoices, and NPS responses for the customers and
 * invoices already generated from spec (customer ids 1 … n_customers),
 * through the store API, inside the caller's transaction.  Deterministic:
 * the same spec gives the same rows. */
gboolean kassa_demo_add_relationship (KassaStore          *store,
                                      const KassaDemoSpec *spec,
                                      GError             **error);

G_END_DECLS
