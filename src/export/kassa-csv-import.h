/* kassa-csv-import.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing customers, invoices or payments from a CSV file into a
 * company, in the steps an import wizard shows:
 *
 *   file = kassa_csv_file_load (path, &error);        detect the format
 *   kassa_csv_file_get_format (file, &format);          show it, preview rows
 *   kassa_csv_file_set_format (file, &format, &error);  the user's corrections
 *   import = kassa_csv_import_new (store, table, file);
 *   kassa_csv_import_guess_mapping (import);            columns from the header
 *   kassa_csv_import_set_mapping (import, field, column);
 *   errors = kassa_csv_import_validate (import, NULL);  per-row errors (dry run)
 *   kassa_csv_import_commit (import, NULL, &summary, &error);
 *
 * The commit is all or nothing: every row is written in one store
 * transaction, and the first failure rolls everything back.  An import
 * is used from one thread; a wizard's worker opens a KassaStore of its
 * own on the same company file.  After a change of has_header, guess the
 * mapping again.
 *
 * Invoices: consecutive rows with the same number are the lines of one
 * invoice (description, quantity, unit price, VAT rate).  Without line
 * columns, a gross total with a VAT rate makes one line, and the net and
 * VAT columns of Kassa's own CSV export make lines with exactly those
 * totals.  Imported invoices are historical: they keep their numbers and
 * are stored as sent (see kassa_store_import_invoice(): the next invoice
 * number then follows the highest imported one).  Rows of state "draft"
 * become drafts, "credited" invoices stay credited, and a credit note is
 * linked to the invoice it credits (the credited-invoice column, or else
 * the earlier credited invoice of the same customer with the opposite
 * total).
 */
#pragma once

#include <gio/gio.h>

#include "kassa-csv-export.h"
#include "kassa-csv-reader.h"
#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_CSV_IMPORT_ERROR (kassa_csv_import_error_quark ())

typedef enum
{
  KASSA_CSV_IMPORT_ERROR_ROWS,      /* some rows have errors: see validate */
  KASSA_CSV_IMPORT_ERROR_MAPPING,   /* a required field has no column */
} KassaCsvImportError;

/* What a column can be imported as. */
typedef enum
{
  /* customers */
  KASSA_CSV_FIELD_CUSTOMER_NUMBER,
  KASSA_CSV_FIELD_NAME,
  KASSA_CSV_FIELD_CUSTOMER_TYPE,
  KASSA_CSV_FIELD_BUSINESS_ID,
  KASSA_CSV_FIELD_VAT_ID,
  KASSA_CSV_FIELD_CONTACT_PERSON,
  KASSA_CSV_FIELD_EMAIL,
  KASSA_CSV_FIELD_PHONE,
  KASSA_CSV_FIELD_ADDRESS,
  KASSA_CSV_FIELD_COUNTRY,
  KASSA_CSV_FIELD_LANGUAGE,
  KASSA_CSV_FIELD_PAYMENT_TERMS,
  KASSA_CSV_FIELD_CREDIT_LIMIT,
  KASSA_CSV_FIELD_DELIVERY,
  KASSA_CSV_FIELD_EINVOICE_ADDRESS,
  KASSA_CSV_FIELD_NOTES,
  KASSA_CSV_FIELD_ARCHIVED,
  /* invoices (and their lines) */
  KASSA_CSV_FIELD_INVOICE_NUMBER,
  KASSA_CSV_FIELD_INVOICE_CUSTOMER,  /* the customer's number */
  KASSA_CSV_FIELD_ISSUE_DATE,
  KASSA_CSV_FIELD_DUE_DATE,
  KASSA_CSV_FIELD_REFERENCE,
  KASSA_CSV_FIELD_INVOICE_NOTES,
  KASSA_CSV_FIELD_INVOICE_TYPE,      /* invoice / credit note */
  KASSA_CSV_FIELD_INVOICE_STATE,     /* sent / credited / draft */
  KASSA_CSV_FIELD_CREDITED_INVOICE,  /* number of the invoice a credit note credits */
  KASSA_CSV_FIELD_DESCRIPTION,
  KASSA_CSV_FIELD_QUANTITY,
  KASSA_CSV_FIELD_UNIT_PRICE,
  KASSA_CSV_FIELD_VAT_RATE,
  KASSA_CSV_FIELD_NET,
  KASSA_CSV_FIELD_VAT,
  KASSA_CSV_FIELD_TOTAL,
  /* payments */
  KASSA_CSV_FIELD_PAYMENT_INVOICE,   /* the invoice's number */
  KASSA_CSV_FIELD_PAYMENT_DATE,
  KASSA_CSV_FIELD_AMOUNT,
  KASSA_CSV_FIELD_METHOD,
  KASSA_CSV_FIELD_PAYMENT_NOTE,
  KASSA_CSV_N_FIELDS,
} KassaCsvField;

typedef struct
{
  guint  row;     /* 1-based row number in the file, the header row counted */
  int    column;  /* 0-based column, -1 for the row as a whole */
  char  *reason;  /* translated */
} KassaCsvRowError;

typedef struct
{
  guint customers;
  guint invoices;
  guint invoice_lines;
  guint payments;
} KassaCsvImportSummary;

typedef struct _KassaCsvImport KassaCsvImport;

GQuark               kassa_csv_import_error_quark     (void);

void                 kassa_csv_row_error_free         (KassaCsvRowError       *row_error);

/* The fields of table, in the order a wizard lists them. */
const KassaCsvField *kassa_csv_table_get_fields       (KassaCsvTable           table,
                                                       guint                  *n_fields);
/* Returns: (transfer none): the translated label, "Business ID" */
const char          *kassa_csv_field_get_label        (KassaCsvField           field);
gboolean             kassa_csv_field_is_required      (KassaCsvField           field);

/* The import keeps a reference on store and borrows file, which must
 * outlive it.  Rows are read with the file's format at validation time. */
KassaCsvImport      *kassa_csv_import_new             (KassaStore             *store,
                                                       KassaCsvTable           table,
                                                       KassaCsvFile           *file);
void                 kassa_csv_import_free            (KassaCsvImport         *self);

KassaCsvTable        kassa_csv_import_get_table       (KassaCsvImport         *self);
/* Maps each field to the column whose header names it (English, Finnish,
 * Swedish or Chinese, any case; Kassa's own export headers included);
 * fields without such a column get -1. */
void                 kassa_csv_import_guess_mapping   (KassaCsvImport         *self);
/* column: 0-based, or -1 for "not imported". */
void                 kassa_csv_import_set_mapping     (KassaCsvImport         *self,
                                                       KassaCsvField           field,
                                                       int                     column);
int                  kassa_csv_import_get_mapping     (KassaCsvImport         *self,
                                                       KassaCsvField           field);

/* Checks every row against the file's format, the mapping and the
 * company, writing nothing.
 * Returns: (transfer full) (element-type KassaCsvRowError): the errors in
 *   row order, empty when the file can be imported; NULL (error set) when
 *   cancelled, when a required field has no column, or when the company
 *   has no details yet. */
GPtrArray           *kassa_csv_import_validate        (KassaCsvImport         *self,
                                                       GCancellable           *cancellable,
                                                       GError                **error);
/* What the last validation found ready to import (all zero before one):
 * the counts a dry run reports. */
void                 kassa_csv_import_get_ready       (KassaCsvImport         *self,
                                                       KassaCsvImportSummary  *summary);
/* Validates, then writes every row in one transaction.  On any error
 * nothing is written; a row's failure is reported as "Row N: reason".
 * summary (optional) gets what was imported. */
gboolean             kassa_csv_import_commit          (KassaCsvImport         *self,
                                                       GCancellable           *cancellable,
                                                       KassaCsvImportSummary  *summary,
                                                       GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaCsvImport, kassa_csv_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaCsvRowError, kassa_csv_row_error_free)

G_END_DECLS
