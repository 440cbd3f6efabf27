/* kassa-customer-value.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each customer is worth over a period: revenue, gross margin, ABC
 * class (with the manual override), RFM scores and segment, lifecycle
 * stage, the unprofitable customers, and campaign target lists.
 *
 * Definitions (the rules are documented in full in kassa-customer-value.c):
 * - revenue = Σ total_net (VAT excluded) of sent invoices issued in the
 *   period, credit notes included (negative); cost = Σ total_cost likewise;
 *   margin = revenue − cost; margin % = margin ÷ revenue (basis points,
 *   rounded half away from zero; 0 when revenue ≤ 0).
 * - invoices = sent invoices issued in the period that are not credit
 *   notes; average invoice = Σ their total_net ÷ their count.
 */
#pragma once

#include "kassa-store.h"
#include "kassa-store-relationship.h"
#include "kassa-payment-behaviour.h"

G_BEGIN_DECLS

typedef enum
{
  KASSA_ABC_BY_REVENUE,
  KASSA_ABC_BY_MARGIN,
} KassaAbcBasis;

/* RFM segments, from the recency (R) and frequency (F) scores 1 … 5 (the
 * rule is kassa_rfm_segment_for_scores ()).  NONE: no invoice ever. */
typedef enum
{
  KASSA_SEGMENT_CHAMPIONS,        /* R ≥ 4, F ≥ 4 */
  KASSA_SEGMENT_LOYAL,            /* R ≥ 3, F ≥ 3 (not champions) */
  KASSA_SEGMENT_PROMISING,        /* R ≥ 4, F ≤ 2: recent but few purchases */
  KASSA_SEGMENT_NEEDS_ATTENTION,  /* R = 3, F ≤ 2 */
  KASSA_SEGMENT_AT_RISK,          /* R ≤ 2, F ≥ 3: used to buy often, not lately */
  KASSA_SEGMENT_HIBERNATING,      /* R = 2, F ≤ 2 */
  KASSA_SEGMENT_LOST,             /* R = 1, F ≤ 2 */
  KASSA_SEGMENT_NONE,
} KassaRfmSegment;

#define KASSA_N_RFM_SEGMENTS KASSA_SEGMENT_NONE

typedef struct
{
  KassaDay       from;               /* period, inclusive; default today − 364 … today */
  KassaDay       to;
  KassaAbcBasis  abc_basis;          /* default revenue */
  gint           threshold_a_bp;     /* cumulative share closing class A, default 8000 */
  gint           threshold_b_bp;     /* … closing class B, default 9500 (A 80, B 15, C 5) */
  gint           unprofitable_margin_bp; /* margin % under this is unprofitable, default 1000 */
} KassaValueOptions;

typedef struct
{
  gint64                 customer_id;
  char                  *number;
  char                  *name;
  gboolean               archived;
  /* The period's figures. */
  gint64                 revenue;
  gint64                 cost;
  gint64                 margin;
  gint                   margin_bp;
  gint64                 credit_notes;       /* Σ total_net of credit notes (≤ 0) */
  guint                  n_invoices;
  gint64                 average_invoice;
  gint                   einvoice_share_bp;  /* of n_invoices sent as e-invoices */
  /* Whole history up to options->to. */
  KassaDay               first_invoice;      /* 0 = never invoiced */
  KassaDay               last_invoice;
  gint                   days_since_last;    /* to − last_invoice, -1 = never */
  /* Payment behaviour (kassa_payment_risk_table as of today). */
  KassaRiskClass         risk;
  double                 average_days_late;  /* 12 months, amount-weighted; -1 = no history */
  /* Latest NPS score, -1 = none. */
  gint                   nps_score;
  /* ABC: class from the cumulative share, the override, and the one used. */
  KassaAbcClass          abc_computed;
  KassaAbcClass          abc_override;
  KassaAbcClass          abc;
  gint64                 cumulative_bp;      /* share of the basis total up to and including this customer */
  /* RFM scores 1 … 5, 0 = not scored (never invoiced). */
  guint8                 recency;
  guint8                 frequency;
  guint8                 monetary;
  KassaRfmSegment        segment;
  /* Lifecycle: suggested by kassa_lifecycle_suggest (), the override, the one used. */
  KassaLifecycleStage    lifecycle_suggested;
  gint                   lifecycle_override;
  KassaLifecycleStage    lifecycle;
  gboolean               key_account;
  char                  *account_owner;
  KassaMarketingConsent  consent;
  gboolean               anonymised;
} KassaCustomerValue;

typedef struct
{
  guint   customers;
  gint64  revenue;
  gint64  margin;
} KassaValueGroup;

typedef struct _KassaValueReport KassaValueReport;

void                      kassa_value_options_init_default (KassaValueOptions *options,
                                                            KassaDay           today);
/* Reads the ABC basis and thresholds and the unprofitable limit from the
 * company settings (keys "value.abc_basis" 0/1, "value.threshold_a_bp",
 * "value.threshold_b_bp", "value.unprofitable_margin_bp"), defaults
 * otherwise; the period is the last 12 months to today. */
void                      kassa_value_options_load         (KassaValueOptions *options,
                                                            KassaStore        *store,
                                                            KassaDay           today);
/* Validates (0 < A < B < 10000, from ≤ to) and saves the settings part. */
gboolean                  kassa_value_options_save         (const KassaValueOptions *options,
                                                            KassaStore        *store,
                                                            GError           **error);

/* Every customer not archived, and archived ones with sales in the
 * period.  Sorted by the ABC basis value, largest first, ties by customer number.
 * A few passes over the period's invoices (invoices_issue_date), one
 * MIN/MAX per customer over invoices_customer, the relationship table,
 * the risk table and the latest NPS responses; within 1 s for 10,000
 * customers and 1,000,000 invoices. */
KassaValueReport         *kassa_value_report_compute       (KassaStore              *store,
                                                            const KassaValueOptions *options,
                                                            KassaDay                 today,
                                                            GCancellable            *cancellable,
                                                            GError                 **error);
void                      kassa_value_report_free          (KassaValueReport        *report);
const KassaValueOptions  *kassa_value_report_get_options   (KassaValueReport        *report);
guint                     kassa_value_report_get_n_customers (KassaValueReport      *report);
/* index in sort order (ABC basis, descending) */
const KassaCustomerValue *kassa_value_report_get_customer  (KassaValueReport        *report,
                                                            guint                    index);
const KassaCustomerValue *kassa_value_report_find_customer (KassaValueReport        *report,
                                                            gint64                   customer_id);
/* Revenue and margin of all sales issued in [from, to], by the report's
 * definition (the totals of kassa_value_report_compute for that period),
 * in one indexed sum: for callers that need only the company's totals. */
gboolean                  kassa_value_period_totals        (KassaStore              *store,
                                                            KassaDay                 from,
                                                            KassaDay                 to,
                                                            gint64                  *revenue,
                                                            gint64                  *margin,
                                                            GError                 **error);
/* Totals of the period (all customers). */
void                      kassa_value_report_get_totals    (KassaValueReport        *report,
                                                            gint64                  *revenue,
                                                            gint64                  *margin);
/* Per class of the class used (abc, override applied); A … C. */
KassaValueGroup           kassa_value_report_get_class     (KassaValueReport        *report,
                                                            KassaAbcClass            abc);
KassaValueGroup           kassa_value_report_get_segment   (KassaValueReport        *report,
                                                            KassaRfmSegment          segment);
KassaValueGroup           kassa_value_report_get_lifecycle (KassaValueReport        *report,
                                                            KassaLifecycleStage      stage);
/* (transfer container) of const KassaCustomerValue*: customers with
 * revenue > 0 in the period and margin % under the limit, or a negative
 * margin with any revenue; lowest margin % first. */
GPtrArray                *kassa_value_report_list_unprofitable (KassaValueReport    *report);
/* (transfer full) translated sentence with the figures that make the
 * customer unprofitable, e.g. "Margin 4.0 % (€400.00 of €10,000.00 sales
 * after costs of €9,600.00); credit notes −€2,000.00." */
char                     *kassa_value_describe_unprofitable (const KassaCustomerValue *value,
                                                             const char              *currency);

/* The pure rules, exposed for tests and the UI's explanations. */

/* ABC over values sorted descending (ties already ordered): a customer is
 * A while the cumulative share *before* it is under threshold_a, B while
 * under threshold_b, else C; so the customer that crosses a threshold
 * still belongs to the class it completes.  Values ≤ 0 are C when the
 * total is positive; everything is NONE when the total is ≤ 0.
 * classes/cumulative_bp: (out caller-allocates) n entries. */
void                      kassa_abc_classify               (const gint64  *sorted_values,
                                                            guint          n,
                                                            gint           threshold_a_bp,
                                                            gint           threshold_b_bp,
                                                            KassaAbcClass *classes,
                                                            gint64        *cumulative_bp);
/* Quintile scores 1 … 5 of n values, higher value = higher score
 * (callers pass −recency_days for recency).  Deterministic ties: values
 * are ranked ascending (ties in the order given), score = rank × 5 ÷ n + 1
 * for 0-based rank; equal values then all get the score of the lowest of
 * them, so a tie never splits across scores. */
void                      kassa_quintile_scores            (const gint64  *values,
                                                            guint          n,
                                                            guint8        *scores);
KassaRfmSegment           kassa_rfm_segment_for_scores     (guint8         recency,
                                                            guint8         frequency);
/* Lifecycle suggestion, as of today: PROSPECT never invoiced; LOST last
 * invoice over 365 days ago; DORMANT over 180; NEW first invoice within
 * 90 days; KEY_ACCOUNT key-account flag or class A; else ACTIVE.
 * rule: (out) (optional) (transfer full) the translated rule that decided. */
KassaLifecycleStage       kassa_lifecycle_suggest          (KassaDay       first_invoice,
                                                            KassaDay       last_invoice,
                                                            gboolean       key_account,
                                                            KassaAbcClass  abc,
                                                            KassaDay       today,
                                                            char         **rule);

const char               *kassa_rfm_segment_to_string      (KassaRfmSegment segment);
/* Translated one-line advice ("Reward them; ask for referrals."). */
const char               *kassa_rfm_segment_describe       (KassaRfmSegment segment);
/* Segment keys for campaigns and target lists: "all", "abc:a", "abc:b",
 * "abc:c", "rfm:champions" …, "lifecycle:key-account" …; NULL-terminated
 * (static) list, and the translated label of a key (NULL if unknown). */
const char * const       *kassa_segment_keys               (void);
const char               *kassa_segment_key_to_label       (const char     *key);
gboolean                  kassa_value_in_segment           (const KassaCustomerValue *value,
                                                            const char     *key);

/* A campaign target list: the customers of the segment key, never those
 * who refused marketing, anonymised or archived ones; with
 * only_consented also without those not asked.  (transfer container) of
 * const KassaCustomerValue*, in report order; *n_excluded (optional)
 * counts the segment's customers left out for consent. */
GPtrArray                *kassa_value_report_target_list   (KassaValueReport *report,
                                                            const char       *segment_key,
                                                            gboolean          only_consented,
                                                            guint            *n_excluded);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaValueReport, kassa_value_report_free)

G_END_DECLS
