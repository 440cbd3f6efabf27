/* kassa-demo.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deterministic generated companies: the demo company shown to new users
 * and the large company of the benchmark.
 */
#pragma once

#include "kassa-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint    n_customers;
  guint    n_invoices;
  guint    years;           /* history length, ending at today */
  guint32  seed;
  KassaDay today;
} KassaDemoSpec;

/* Fills an empty store (no company yet) with a generated company.
 * The demo spec: ~200 customers, ~3000 invoices, 2 years. */
void      kassa_demo_spec_init_demo   (KassaDemoSpec *spec,
                                       KassaDay       today);
gboolean  kassa_demo_generate         (KassaStore          *store,
                                       const KassaDemoSpec *spec,
                                       GError             **error);

G_END_DECLS
