/* kassa-target-list-csv.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A campaign target list as CSV, in the conventions of kassa-csv-export.h:
 * UTF-8 without a byte order mark, comma separated, CRLF line ends, RFC
 * 4180 quoting, formula-looking text neutralised, a header row of stable
 * English names: number, name, contact_person, email, phone, language,
 * segment, abc_class, lifecycle.  Segment, class and lifecycle are stable
 * ids, like "business"/"consumer" in the customers export: segment
 * champions, loyal, promising, needs-attention, at-risk, hibernating,
 * lost (empty when never invoiced); abc_class A, B, C (empty for none);
 * lifecycle prospect, new, active, key-account, dormant, lost.
 */
#pragma once

#include <gio/gio.h>

#include "kassa-customer-value.h"
#include "kassa-store.h"

G_BEGIN_DECLS

/* Writes one row per customer, in the given order (customers: of const
 * KassaCustomerValue*, as from kassa_value_report_target_list (), which
 * leaves out those who refused marketing).  Contact person, email, phone
 * and language are read from store.  The file (mode 0600: personal data)
 * appears under path only when complete.  error: G_IO_ERROR or
 * KASSA_STORE_ERROR with a translated message. */
gboolean kassa_target_list_write_csv (GPtrArray   *customers,
                                      KassaStore  *store,
                                      const char  *path,
                                      GError     **error);

G_END_DECLS
