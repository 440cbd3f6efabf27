/* kassa-csv-export.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV export of customers, invoices and payments: UTF-8, comma separated,
 * a header row, RFC 4180 quoting, and cells that a spreadsheet would take
 * for a formula (starting with = + - @, tab or CR) neutralised with a
 * leading apostrophe.  Amounts are plain decimal numbers with a dot.
 */
#pragma once

#include <gio/gio.h>

#include "kassa-store.h"

G_BEGIN_DECLS

typedef enum
{
  KASSA_CSV_CUSTOMERS,
  KASSA_CSV_INVOICES,
  KASSA_CSV_PAYMENTS,
} KassaCsvTable;

/* Quotes one field per RFC 4180 and neutralises formula-looking text;
 * appends to out. */
void      kassa_csv_append_field   (GString       *out,
                                    const char    *field);
gboolean  kassa_csv_export         (KassaStore    *store,
                                    KassaCsvTable  table,
                                    const char    *path,
                                    GCancellable  *cancellable,
                                    GError       **error);

G_END_DECLS
