/* kassa-store.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kassa-records.h"

G_BEGIN_DECLS

#define KASSA_STORE_ERROR (kassa_store_error_quark ())

typedef enum
{
  KASSA_STORE_ERROR_IO,          /* cannot read/write/create the file */
  KASSA_STORE_ERROR_NOT_KASSA,   /* some other SQLite file or not SQLite */
  KASSA_STORE_ERROR_CORRUPT,     /* integrity check failed / malformed */
  KASSA_STORE_ERROR_TOO_NEW,     /* written by a newer Kassa */
  KASSA_STORE_ERROR_LOCKED,      /* busy: another program holds it */
  KASSA_STORE_ERROR_INVALID,     /* the data given breaks a rule */
  KASSA_STORE_ERROR_NOT_FOUND,
  KASSA_STORE_ERROR_DUPLICATE,   /* unique value already used */
  KASSA_STORE_ERROR_FAILED,      /* any other SQLite failure */
} KassaStoreError;

/* What changed, passed with KassaStore::changed. */
typedef enum
{
  KASSA_STORE_CHANGE_COMPANY   = 1 << 0,
  KASSA_STORE_CHANGE_CUSTOMERS = 1 << 1,
  KASSA_STORE_CHANGE_INVOICES  = 1 << 2,
  KASSA_STORE_CHANGE_PAYMENTS  = 1 << 3,
  KASSA_STORE_CHANGE_COLLECTIONS = 1 << 4, /* collection log, disputes */
  KASSA_STORE_CHANGE_SETTINGS  = 1 << 5,   /* settings and reference rates */
  KASSA_STORE_CHANGE_CASHFLOW  = 1 << 6,   /* accounts, balances, scheduled items,
                                            * scenarios, snapshots */
} KassaStoreChange;

#define KASSA_STORE_SCHEMA_VERSION 6

/* Figures for the Overview page, as of a day. */
typedef struct
{
  gint64 open_receivables;      /* sum of open amounts of sent invoices */
  gint64 overdue_amount;
  gint   overdue_count;
  gint   open_count;
  gint64 invoiced_month;        /* gross of invoices issued this month */
  gint64 invoiced_year;
} KassaOverviewFigures;

#define KASSA_TYPE_STORE (kassa_store_get_type ())

G_DECLARE_FINAL_TYPE (KassaStore, kassa_store, KASSA, STORE, GObject)

GQuark               kassa_store_error_quark          (void);

/* Opens the company file at path, creating it (mode 0600) when missing.
 * Older schemas are migrated after an integrity check and a rotated backup
 * (path + ".backup-1" … ".backup-3"); a newer, corrupt or foreign file is
 * refused with a translated message and left untouched. */
KassaStore          *kassa_store_open                 (const char            *path,
                                                       GError               **error);
const char          *kassa_store_get_path             (KassaStore            *self);
/* The raw connection, for the models and the benchmark in this layer only. */
gpointer             kassa_store_get_db               (KassaStore            *self);

/* Company: NULL until the first company has been saved. */
gboolean             kassa_store_has_company          (KassaStore            *self);
KassaCompany        *kassa_store_get_company          (KassaStore            *self);
gboolean             kassa_store_save_company         (KassaStore            *self,
                                                       const KassaCompany    *company,
                                                       GError               **error);

/* Customers.  save inserts when id == 0 (setting it) and updates otherwise;
 * an empty number gets the next free customer number. */
gboolean             kassa_store_save_customer        (KassaStore            *self,
                                                       KassaCustomerRecord   *customer,
                                                       GError               **error);
KassaCustomerRecord *kassa_store_get_customer         (KassaStore            *self,
                                                       gint64                 id,
                                                       GError               **error);
gint64               kassa_store_find_customer_by_number (KassaStore       *self,
                                                       const char            *number);
gboolean             kassa_store_set_customer_archived (KassaStore           *self,
                                                       gint64                 id,
                                                       gboolean               archived,
                                                       GError               **error);
/* Balance (open amount) and overdue amount of one customer as of today. */
void                 kassa_store_get_customer_balance (KassaStore            *self,
                                                       gint64                 customer_id,
                                                       KassaDay               today,
                                                       gint64                *open,
                                                       gint64                *overdue);

/* Invoices.  Only drafts can be saved or deleted; save inserts when id == 0.
 * The record is validated (customer exists, at least one line, dates,
 * quantities and amounts in range) and stored with its lines in one
 * transaction. */
gboolean             kassa_store_save_invoice         (KassaStore            *self,
                                                       KassaInvoiceRecord    *invoice,
                                                       GError               **error);
KassaInvoiceRecord  *kassa_store_get_invoice          (KassaStore            *self,
                                                       gint64                 id,
                                                       GError               **error);
gboolean             kassa_store_delete_draft         (KassaStore            *self,
                                                       gint64                 id,
                                                       GError               **error);
/* Draft → sent: takes the next gapless number and sets the reference. */
gboolean             kassa_store_send_invoice         (KassaStore            *self,
                                                       gint64                 id,
                                                       GError               **error);
/* Imports a historical invoice that was sent elsewhere: stores it as sent
 * (or credited, per invoice->state) under its own number, refusing a
 * number already used, with reference (NULL: computed from the number)
 * and credited_invoice_id kept.  The company's next invoice number becomes
 * at least number + 1, so numbering goes on gapless after the highest
 * imported number.  Sets invoice->id. */
gboolean             kassa_store_import_invoice       (KassaStore            *self,
                                                       KassaInvoiceRecord    *invoice,
                                                       gint64                 number,
                                                       const char            *reference,
                                                       GError               **error);
/* Flags that may change after sending. */
gboolean             kassa_store_set_invoice_disputed (KassaStore            *self,
                                                       gint64                 id,
                                                       gboolean               disputed,
                                                       GError               **error);
/* Credits a sent invoice in full: a numbered credit note with negated lines
 * is created, the invoice becomes credited.  Returns the credit note id. */
gint64               kassa_store_credit_invoice       (KassaStore            *self,
                                                       gint64                 id,
                                                       KassaDay               date,
                                                       GError               **error);
/* Gross total and amount paid of a stored invoice. */
gboolean             kassa_store_get_invoice_amounts  (KassaStore            *self,
                                                       gint64                 id,
                                                       gint64                *total,
                                                       gint64                *paid,
                                                       GError               **error);

/* Open amount of a stored invoice: total − paid for a sent invoice, 0 for
 * drafts and credited invoices, and for a credit note its own total − paid
 * plus what the credited invoice still had open (a negative amount is owed
 * back to the customer). */
gboolean             kassa_store_get_invoice_open_amount (KassaStore         *self,
                                                       gint64                 id,
                                                       gint64                *open,
                                                       GError               **error);

/* Payments. Adding to a draft or credited invoice is refused; an amount
 * that exceeds the open amount is refused unless allow_overpayment. */
gboolean             kassa_store_add_payment          (KassaStore            *self,
                                                       KassaPayment          *payment,
                                                       gboolean               allow_overpayment,
                                                       GError               **error);
gboolean             kassa_store_delete_payment       (KassaStore            *self,
                                                       gint64                 payment_id,
                                                       GError               **error);
/* (transfer full) (element-type KassaPayment) ordered by date, id */
GPtrArray           *kassa_store_list_payments        (KassaStore            *self,
                                                       gint64                 invoice_id,
                                                       GError               **error);

void                 kassa_store_get_overview         (KassaStore            *self,
                                                       KassaDay               today,
                                                       KassaOverviewFigures  *figures);

/* Runs func inside one write transaction (BEGIN IMMEDIATE … COMMIT), rolled
 * back when it returns FALSE.  Store calls made by func join it. */
typedef gboolean (*KassaStoreTransactionFunc) (KassaStore *self,
                                               gpointer    user_data,
                                               GError    **error);
gboolean             kassa_store_run_in_transaction   (KassaStore            *self,
                                                       KassaStoreTransactionFunc func,
                                                       gpointer               user_data,
                                                       GError               **error);

/* Emits KassaStore::changed (flags: KassaStoreChange); store writes call it
 * themselves after their transaction commits. */
void                 kassa_store_emit_changed         (KassaStore            *self,
                                                       guint                  what);

G_END_DECLS
