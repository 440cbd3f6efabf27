/* kassa-csv-import-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the CSV import share: the import object, the
 * validation state and the row helpers (kassa-csv-import.c), the
 * customer and payment rows (kassa-csv-import-rows.c) and the invoice
 * rows (kassa-csv-import-invoices.c).  Not for other files.
 */
#pragma once

#include "kassa-csv-import.h"

G_BEGIN_DECLS

typedef struct
{
  guint                row_number;
  KassaCustomerRecord *customer;
  KassaInvoiceRecord  *invoice;
  gint64               number;         /* 0 for drafts */
  char                *reference;
  int                  credited_item;  /* index in items of the credited invoice, or -1 */
  gboolean             is_credit_note;
  gint64               gross;
  KassaPayment        *payment;
} ImportItem;

struct _KassaCsvImport
{
  KassaStore    *store;
  KassaCsvTable  table;
  KassaCsvFile  *file;
  int            mapping[KASSA_CSV_N_FIELDS];
  KassaCsvFormat format;
  KassaCompany  *company;
  GPtrArray     *items;          /* of ImportItem, from the last validation */
};

/* Looked up once per number while validating. */
typedef struct
{
  gint64        id;
  gint          payment_terms_days;
  KassaDelivery delivery;
} CustomerInfo;

typedef struct
{
  gint64            id;
  KassaInvoiceState state;
  gint64            open;        /* what later rows may still pay */
} InvoiceInfo;

typedef struct
{
  KassaCsvImport *self;
  GPtrArray      *errors;
  GPtrArray      *items;
  GHashTable     *numbers;       /* number in the file → row number */
  GHashTable     *business_ids;  /* business ID in the file → row number */
  GHashTable     *invoice_items; /* invoice number in the file → its index in items + 1 */
  gint64          group_number;  /* invoice number of the previous row, 0 for none */
  ImportItem     *group;         /* its invoice, NULL when that row failed */
  GHashTable     *customers;     /* customer number → CustomerInfo (NULL: unknown) */
  GHashTable     *invoices;      /* invoice number → InvoiceInfo (NULL: unknown) */
  GHashTable     *payment_keys;  /* "invoice id:date:amount" → rows of the file with it */
  guint           row;
  guint           row_number;
  gboolean        row_failed;
} Validation;

gboolean
kassa_import_matches_word (const char *text,
                           const char *words);

ImportItem *
kassa_import_item_new (guint row_number);

gboolean
kassa_import_is_mapped (KassaCsvImport *self,
                        KassaCsvField   field);

char *
kassa_import_get_value (Validation    *v,
                        KassaCsvField  field);

void kassa_import_add_error (Validation    *v,
                            KassaCsvField  field,
                            const char    *format,
                            ...) G_GNUC_PRINTF (3, 4);

void
kassa_import_add_parse_error (Validation    *v,
                              KassaCsvField  field,
                              GError        *error);

void
kassa_import_add_missing_error (Validation    *v,
                                KassaCsvField  field);

gboolean
kassa_import_read_required (Validation     *v,
                            KassaCsvField   field,
                            char          **value);

gboolean
kassa_import_read_date (Validation    *v,
                        KassaCsvField  field,
                        KassaDay      *day);

gboolean
kassa_import_read_amount (Validation    *v,
                          KassaCsvField  field,
                          gboolean       negative_ok,
                          gint64        *amount);

gboolean
kassa_import_read_choice (Validation    *v,
                          KassaCsvField  field,
                          const char    *const *word_lists,
                          guint          n_lists,
                          guint         *choice);

CustomerInfo *
kassa_import_lookup_customer (Validation *v,
                              const char *number);

InvoiceInfo *
kassa_import_lookup_invoice (Validation *v,
                             gint64      number);

gboolean
kassa_import_check_unique_in_file (Validation    *v,
                                   GHashTable    *seen,
                                   KassaCsvField  field,
                                   const char    *value);

gboolean
kassa_import_parse_whole_number (const char *text,
                                 gint64      min,
                                 gint64      max,
                                 gint64     *value);

void
kassa_import_validate_customer_row (Validation *v);

void
kassa_import_validate_payment_row (Validation *v);

gboolean
kassa_import_has_line_columns (KassaCsvImport *self);

gint64
kassa_import_read_invoice_number (Validation    *v,
                                  KassaCsvField  field,
                                  gboolean       required);

void
kassa_import_validate_invoice_row (Validation *v);

void
kassa_import_link_credit_notes (GPtrArray *items);

void
kassa_import_item_free (ImportItem *item);

G_END_DECLS
