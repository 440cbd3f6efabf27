/* kassa-receivables.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Receivables as of a day: aging, and the KPIs of ARCHITECTURE.md §4 with
 * their monthly trend.  Amounts are minor units; KPIs that are ratios or
 * days are doubles (they are never summed back into money).
 */
#pragma once

#include "kassa-store.h"

G_BEGIN_DECLS

typedef enum
{
  KASSA_AGING_BY_DUE_DATE,     /* days past the due date */
  KASSA_AGING_BY_ISSUE_DATE,   /* days since the invoice date */
} KassaAgingBasis;

/* Buckets: not due (by issue date: 0 days), 1–30, 31–60, 61–90, over 90. */
typedef enum
{
  KASSA_AGING_NOT_DUE,
  KASSA_AGING_1_30,
  KASSA_AGING_31_60,
  KASSA_AGING_61_90,
  KASSA_AGING_OVER_90,
  KASSA_AGING_N_BUCKETS,
} KassaAgingBucket;

typedef struct
{
  gint64  customer_id;
  char   *customer_number;
  char   *customer_name;
  gint64  buckets[KASSA_AGING_N_BUCKETS];
  gint64  total;
  gint    invoice_count;
} KassaAgingRow;

typedef struct
{
  KassaDay         as_of;
  KassaAgingBasis  basis;
  gint64           buckets[KASSA_AGING_N_BUCKETS];
  gint             counts[KASSA_AGING_N_BUCKETS];
  gint64           total;
  GPtrArray       *customers;  /* of KassaAgingRow*, largest total first */
} KassaAging;

/* One open invoice in the aging, for the drill-down. */
typedef struct
{
  gint64            invoice_id;
  gint64            number;
  gint64            customer_id;
  char             *customer_name;
  KassaDay          issue_date;
  KassaDay          due_date;
  gint64            open;      /* as of the day */
  gint              days;      /* past due (or since issue, by basis) */
  KassaAgingBucket  bucket;
  gboolean          disputed;
} KassaAgingInvoice;

/* Bucket of a day count (days ≤ 0 is NOT_DUE). */
KassaAgingBucket kassa_aging_bucket_for_days     (gint                days);
/* Translated bucket title: "Not due", "1–30 days" … */
const char      *kassa_aging_bucket_to_string    (KassaAgingBucket    bucket);

/* Open amounts as of a day: what each sent invoice issued on or before it
 * still had open then (payments dated after it not yet counted, credit
 * notes issued after it not yet applied).  As of today or later this reads
 * the small open set only; an earlier day also reads the payments dated
 * after it (open then = total − paid + payments after the day). */
KassaAging      *kassa_aging_compute             (KassaStore         *store,
                                                  KassaDay            as_of,
                                                  KassaAgingBasis     basis,
                                                  GError            **error);
void             kassa_aging_free                (KassaAging         *aging);
/* (transfer full) (element-type KassaAgingInvoice) the invoices behind one
 * cell: customer_id 0 = all customers, bucket -1 = all buckets; oldest
 * first. */
GPtrArray       *kassa_aging_list_invoices       (KassaStore         *store,
                                                  KassaDay            as_of,
                                                  KassaAgingBasis     basis,
                                                  gint64              customer_id,
                                                  int                 bucket,
                                                  GError            **error);
void             kassa_aging_invoice_free        (KassaAgingInvoice  *invoice);

typedef struct
{
  KassaDay period_end;
  gint     days;                      /* window, default 90 */
  gint64   receivables;               /* AR at period_end */
  gint64   current_receivables;       /* not yet due at period_end */
  gint64   overdue_receivables;
  gint64   credit_sales;              /* invoiced in (end − days, end] */
  double   dso;                       /* standard; -1 when no sales */
  double   best_possible_dso;
  double   average_days_delinquent;   /* dso − best_possible_dso */
  double   countback_dso;             /* -1 when sales never cover AR */
  double   cei_percent;               /* collection effectiveness, -1 if undefined */
  double   overdue_share;             /* overdue ÷ AR, 0…1; 0 when AR is 0 */
  double   average_days_late;         /* amount-weighted over payments in the window */
  double   einvoice_share;            /* of invoices sent in the window, 0…1 */
} KassaReceivablesKpis;

/* The formulas, on plain numbers (tested with the issue's check values):
 *   dso = ar ÷ sales × days; best possible = current ÷ sales × days;
 *   countback: walk back month by month (monthly_sales[0] = the latest
 *   month, month_days[i] its days) subtracting sales from AR until AR is
 *   used up, counting whole months' days and the remaining fraction;
 *   CEI = (begin AR + sales − end AR) ÷ (begin AR + sales − end current AR)
 *   × 100. */
double           kassa_kpi_dso                   (gint64              ar,
                                                  gint64              sales,
                                                  gint                days);
double           kassa_kpi_countback_dso         (gint64              ar,
                                                  const gint64       *monthly_sales,
                                                  const gint         *month_days,
                                                  guint               n_months);
double           kassa_kpi_cei                   (gint64              begin_ar,
                                                  gint64              sales,
                                                  gint64              end_ar,
                                                  gint64              end_current_ar);

/* KPIs at period_end with a window of days (CEI over the calendar month
 * that ends at period_end or contains it). */
gboolean         kassa_receivables_kpis          (KassaStore         *store,
                                                  KassaDay            period_end,
                                                  gint                days,
                                                  KassaReceivablesKpis *kpis,
                                                  GError            **error);
/* (transfer full) of KassaReceivablesKpis: n_months points, one per month
 * end before today and today itself last. */
GArray          *kassa_receivables_kpi_trend     (KassaStore         *store,
                                                  KassaDay            today,
                                                  guint               n_months,
                                                  gint                days,
                                                  GError            **error);

/* A customer whose open amount (by the store's rule, today) is over the
 * credit limit set for them. */
typedef struct
{
  gint64  customer_id;
  char   *customer_number;
  char   *customer_name;
  gint64  open;
  gint64  credit_limit;
} KassaCreditUse;

/* (transfer full) (element-type KassaCreditUse) customers with a credit
 * limit (> 0) and open > limit, the largest excess first. */
GPtrArray       *kassa_credit_limit_exceeded_list (KassaStore        *store,
                                                  KassaDay            today,
                                                  GError            **error);
void             kassa_credit_use_free           (KassaCreditUse     *use);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaAging, kassa_aging_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaAgingInvoice, kassa_aging_invoice_free)

G_END_DECLS
