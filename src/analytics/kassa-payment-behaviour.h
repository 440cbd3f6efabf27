/* kassa-payment-behaviour.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How each customer pays: days to pay and days late, their trend, the
 * early warning, the expected payment date of open invoices (with its
 * walk-forward backtest), the risk class and a suggested credit limit.
 */
#pragma once

#include "kassa-store.h"

G_BEGIN_DECLS

/* Early warning: the last recent_count paid invoices were paid on average
 * at least min_extra_days later than the customer's own baseline (the
 * median days late of the paid invoices before them, at least min_history
 * of them, over the last 12 months). */
typedef struct
{
  gint recent_count;           /* default 3 */
  gint min_extra_days;         /* default 7 */
  gint min_history;            /* default 3 */
} KassaWarningRule;

typedef enum
{
  KASSA_RISK_A,                /* pays on time */
  KASSA_RISK_B,
  KASSA_RISK_C,
  KASSA_RISK_D,                /* serious: do not extend credit */
} KassaRiskClass;

/* What a customer's risk class is decided from, as of today (the rule is
 * kassa_risk_classify ()). */
typedef struct
{
  guint    paid_invoices;          /* paid in the last 12 months: the history */
  double   average_days_late;      /* amount-weighted over them; ignored without any */
  gint64   open;                   /* owed on the open set, credit notes included */
  gint64   overdue;                /* of that, on invoices past their due date */
  gint     max_days_overdue;       /* the oldest overdue invoice's days, 0 = none */
  gint64   oldest_overdue_number;  /* its number (the lowest of equals), for the reason */
  gint64   credit_limit;           /* 0 = none */
  /* The customer's early warning (KassaWarningRule): when it fires, its
   * recent invoices' average days late counts when it is the larger. */
  gboolean warning;
  gint     recent_invoices;        /* how many recent invoices it averages */
  double   recent_days_late;       /* their average days late (not weighted) */
} KassaRiskFacts;

/* One customer of kassa_payment_risk_table (). */
typedef struct
{
  gint64          customer_id;
  KassaRiskClass  risk;
  KassaRiskFacts  facts;
} KassaCustomerRisk;

/* One paid invoice of a customer's history (the chart and the statistics). */
typedef struct
{
  gint64   invoice_id;
  gint64   number;
  KassaDay issue_date;
  KassaDay due_date;
  KassaDay paid_date;          /* the payment that settled it */
  gint64   amount;
  gint     days_to_pay;        /* paid_date − issue_date */
  gint     days_late;          /* paid_date − due_date, may be negative */
} KassaPaidInvoice;

typedef struct
{
  gint64          customer_id;
  KassaDay        today;
  GArray         *history;             /* of KassaPaidInvoice, oldest first, last 12 months */
  double          average_days_to_pay; /* amount-weighted; -1 without history */
  double          average_days_late;   /* amount-weighted; -1 without history */
  double          trend_days;          /* least-squares slope: days later per invoice, + = getting later */
  gboolean        warning;
  double          baseline_days_late;  /* the warning's baseline and recent averages */
  double          recent_days_late;
  gint            recent_invoices;     /* of the recent average; 0 when the history is too short */
  char           *warning_text;        /* translated, NULL without a warning */
  gint64          open;                /* as of today */
  gint64          overdue;
  gint            max_days_overdue;
  gint64          credit_limit;        /* 0 = none */
  KassaRiskClass  risk;
  char           *risk_text;           /* translated reason */
  /* Scaled by the class without credit use, so that applying it as the
   * credit limit leaves it unchanged (kassa-payment-behaviour.c). */
  gint64          suggested_credit_limit;
  char           *suggested_credit_limit_text; /* translated reasoning */
} KassaPaymentBehaviour;

void                   kassa_warning_rule_init_default   (KassaWarningRule            *rule);
/* "A" … "D" and a translated one-line meaning. */
const char            *kassa_risk_class_to_string        (KassaRiskClass               risk);
const char            *kassa_risk_class_describe         (KassaRiskClass               risk);

/* The one risk rule, used by the customer view, the warnings and the
 * collection worklist: D when an invoice is over 60 days overdue or the
 * days late are over 30; C over 30 days overdue, late over 14 days or
 * credit use over 100 %; B anything overdue, late over 3 days or credit
 * use over 80 %; else A.  The days late are the 12-month average, or when
 * the early warning fires the larger of it and the warning's recent
 * average (a customer whose last invoices were paid 47 days late is D
 * even when the year averages 7).  reason: (out) (optional) (transfer
 * full) the translated fact that decided it; currency (the company's, for
 * the amounts in it) is needed only with reason. */
KassaRiskClass         kassa_risk_classify               (const KassaRiskFacts        *facts,
                                                          const char                  *currency,
                                                          char                       **reason);

KassaPaymentBehaviour *kassa_payment_behaviour_compute   (KassaStore                  *store,
                                                          gint64                       customer_id,
                                                          KassaDay                     today,
                                                          const KassaWarningRule      *rule,
                                                          GError                     **error);
void                   kassa_payment_behaviour_free      (KassaPaymentBehaviour       *behaviour);

/* Least-squares slope of y over x = 0, 1, … n − 1 (0 for n < 2). */
double                 kassa_least_squares_slope         (const double                *y,
                                                          guint                        n);

/* (transfer full) (element-type KassaPaymentBehaviour) every customer with
 * a warning, the largest increase first, with its risk (not its suggested
 * credit limit).  One pass over the last year's payments, and one over the
 * open set when there are warnings. */
GPtrArray             *kassa_payment_warnings_list       (KassaStore                  *store,
                                                          KassaDay                     today,
                                                          const KassaWarningRule      *rule,
                                                          GError                     **error);

/* (transfer full) every customer's risk as of today: a table of
 * KassaCustomerRisk keyed by a pointer to its customer_id (look up with
 * &customer_id or kassa_payment_risk_lookup ()).  One pass over the last
 * year's payments and one over the open set.  rule: (nullable) the early
 * warning's rule, NULL for the defaults: pass the one the customer view
 * gets, so that both show the same class. */
GHashTable            *kassa_payment_risk_table          (KassaStore                  *store,
                                                          KassaDay                     today,
                                                          const KassaWarningRule      *rule,
                                                          GError                     **error);
/* The class of a customer in that table, A when it is not there. */
KassaRiskClass         kassa_payment_risk_lookup         (GHashTable                  *table,
                                                          gint64                       customer_id);

typedef enum
{
  KASSA_EXPECTED_FROM_HISTORY,   /* customer history shrunk toward the company */
  KASSA_EXPECTED_FROM_COMPANY,   /* no history: the company's typical delay */
  KASSA_EXPECTED_PROMISE,        /* a promise to pay not yet broken */
  KASSA_EXPECTED_OVERDUE,        /* already later than predicted: re-estimated */
  KASSA_EXPECTED_DISPUTED,       /* disputed: no date expected */
} KassaExpectedSource;

typedef struct
{
  gint64              invoice_id;
  gint64              customer_id;
  gint64              open;          /* minor units still to come */
  KassaDay            due_date;
  KassaDay            expected_date; /* 0 when disputed */
  KassaExpectedSource source;
} KassaExpectedPayment;

/* Expected payment date of every open invoice owed by customers (credit
 * notes and refunds excluded), one pass over the open set and the
 * customers' recent history. (transfer full) of KassaExpectedPayment. */
GArray                *kassa_expected_payments_list      (KassaStore                  *store,
                                                          KassaDay                     today,
                                                          GError                     **error);
/* kassa_expected_payments_list, and from the same read of the year's paid
 * invoices the company's average days to pay: Σ total × days to pay ÷
 * Σ total over the invoices settled in (today − 365, today] (per settled
 * invoice, not per payment; never below 0), -1 when none was.  For the cash-flow
 * forecast, which needs both and cannot afford a second pass. */
GArray                *kassa_expected_payments_list_with_average (KassaStore          *store,
                                                                  KassaDay             today,
                                                                  double              *average_days_to_pay,
                                                                  GError             **error);
/* The same for one invoice; FALSE with error when it is not open. */
gboolean               kassa_expected_payment_get        (KassaStore                  *store,
                                                          gint64                       invoice_id,
                                                          KassaDay                     today,
                                                          KassaExpectedPayment        *expected,
                                                          GError                     **error);

typedef struct
{
  guint  invoices;               /* paid invoices predicted */
  double mean_absolute_error;    /* days, the model */
  double naive_mean_absolute_error; /* days, "paid on the due date" */
  double mean_error;             /* days, model bias (+ = predicted too late) */
} KassaPaymentBacktest;

/* Walk-forward backtest: each fully paid invoice's payment date predicted
 * from what was known the day before it was issued. */
gboolean               kassa_payment_backtest            (KassaStore                  *store,
                                                          KassaPaymentBacktest        *result,
                                                          GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaPaymentBehaviour, kassa_payment_behaviour_free)

G_END_DECLS
