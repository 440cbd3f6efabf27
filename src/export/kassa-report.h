/* kassa-report.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Excel reports for the accountant (libxlsxwriter).  Labels are in the
 * report's language, independent of the UI language (strings marked
 * NC_("report", "…") and read through the document catalog).
 */
#pragma once

#include <gio/gio.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_REPORT_ERROR (kassa_report_error_quark ())

typedef enum
{
  KASSA_REPORT_ERROR_INVALID,     /* bad period, unknown customer, … */
  KASSA_REPORT_ERROR_WRITE,       /* the workbook could not be written */
  KASSA_REPORT_ERROR_CANCELLED,
} KassaReportError;

typedef enum
{
  KASSA_REPORT_INVOICE_JOURNAL,   /* every invoice with lines, VAT per rate, payments, open */
  KASSA_REPORT_SALES,             /* sales by customer and by month */
  KASSA_REPORT_VAT_SUMMARY,       /* VAT per rate and month */
  KASSA_REPORT_RECEIVABLES_AGING, /* per customer and detail, with a stacked-bar chart */
  KASSA_REPORT_CUSTOMER_STATEMENT,/* one customer's invoices, payments and balance */
  KASSA_REPORT_PAYMENTS,          /* payments received */
  KASSA_REPORT_KPI_SUMMARY,       /* receivables figures as of the period end */
  KASSA_REPORT_CASH_FLOW,         /* forecast from today (13 weeks, 12 months, chart),
                                   * actual cash in the period, scheduled items */
  KASSA_REPORT_CUSTOMER_VALUE,    /* per customer value, ABC and RFM segments,
                                   * retention and lifetime value, campaigns */
  KASSA_N_REPORTS,
} KassaReportKind;

typedef struct
{
  KassaReportKind kind;
  KassaDay        from;           /* period, inclusive */
  KassaDay        to;
  KassaLocale     language;       /* labels, sheet names and number formats */
  gint64          customer_id;    /* the customer statement's customer */
  KassaDay        today;          /* "generated at" date and aging basis day */
  gboolean        without_details;/* journal: one row per invoice, no Lines and
                                   * Payments sheets (a million-invoice period
                                   * then writes in a third of the time) */
} KassaReportSpec;

/* Called from the writing thread with done ≤ total (rows or steps). */
typedef void (*KassaReportProgress) (guint64  done,
                                     guint64  total,
                                     gpointer user_data);

GQuark       kassa_report_error_quark     (void);

/* Stable ids for the command line: "journal", "sales", "vat", "aging",
 * "statement", "payments", "kpi", "cashflow", "customer-value". */
const char  *kassa_report_kind_to_id      (KassaReportKind  kind);
gboolean     kassa_report_kind_from_id    (const char      *id,
                                           KassaReportKind *kind);
/* Translated name in the current UI language, e.g. "Invoice Journal". */
const char  *kassa_report_kind_get_name   (KassaReportKind  kind);

/* Writes the workbook to path atomically (temporary file + rename).  Safe
 * to call from a worker thread with a store opened in that thread. */
gboolean     kassa_report_write_xlsx      (KassaStore            *store,
                                           const KassaReportSpec *spec,
                                           const char            *path,
                                           KassaReportProgress    progress,
                                           gpointer               user_data,
                                           GCancellable          *cancellable,
                                           GError               **error);

/* A file name for the report in its language: "Invoice journal 2026-01-01–2026-12-31.xlsx". */
char        *kassa_report_suggest_filename (const KassaReportSpec *spec);

G_END_DECLS
