/* kassa-payment-behaviour.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How customers pay (ARCHITECTURE.md §4).  Definitions:
 *
 * Paid invoice: an ordinary sent invoice (state 1, not a credit note,
 *   total > 0) whose payments dated up to today add up to its total.  Its
 *   paid date is the date of the payment that brought the running sum
 *   (payments by date, then id) up to the total; when a refund reopened it,
 *   the payment that settled it again.
 * History: the paid invoices with paid date in (today − 365, today], oldest
 *   first (paid date, then id); days to pay = paid − issue date, days late
 *   = paid − due date (negative: early).  Averages are weighted by total.
 * Trend: least-squares slope of days late over the last ≤ 12 of them.
 * Warning: the last recent_count paid invoices were paid on average at
 *   least min_extra_days later than the baseline, the median days late of
 *   the earlier ones in the history (at least min_history of them).
 * Risk class, the one rule of the application (the customer view, the
 *   warnings and the collection worklist): D when an invoice is over 60
 *   days overdue or the days late are over 30; C over 30 days overdue,
 *   late over 14 days or credit use (open ÷ limit) over 100 %; B anything
 *   overdue, late over 3 days or credit use over 80 %; else A.  The first
 *   fact found, in that order, is the reason shown.  Days late: the
 *   12-month average, but when the early warning fires the larger of it
 *   and the warning's recent average (the plain mean of the last
 *   recent_count), so that a customer who has just started paying much
 *   later is classed by how it pays now, not by a year that dilutes it
 *   (3 invoices 47 days late in a year averaging 7.4 make a D, not a B);
 *   the reason then names the recent invoices.  The warning is the one of
 *   the rule the caller passes (the collection settings' rule), in the
 *   customer view and the risk table alike.  Open is what the customer's
 *   open set owes (a credit note carries what its original still had
 *   open, a disputed invoice is still owed); overdue counts ordinary
 *   invoices past their due date.
 * Suggested credit limit: gross sales of the last 12 months (net of credit
 *   notes) ÷ 12 × (payment terms + max (0, round (average days late))) ÷ 30
 *   × 150 / 120 / 80 / 0 % for A / B / C / D, in integers (each division
 *   truncates), rounded up to a whole 100 of the company currency.  The
 *   class here is the risk rule with credit use left out (as if no limit
 *   were set): credit use depends on the limit, so a class that counted it
 *   would make the suggestion move once applied (a limit below what is
 *   owed turns B into C and the next suggestion lower still).  It counts
 *   the early warning like the shown class (a warning that makes D
 *   suggests no credit); the days covered stay the 12-month average, the
 *   customer's usual cycle.  The shown risk class does count credit use.
 *
 * Rounding to whole days is half away from zero.
 */
#define G_LOG_DOMAIN "kassa-analytics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-payment-behaviour-private.h"
#include "kassa-store-collections.h"
#include "kassa-store-sql.h"

#define TREND_INVOICES        12
#define SMALL_VALUES          64    /* sorted on the stack */

#define RISK_D_DAYS_OVERDUE   60
#define RISK_D_DAYS_LATE      30
#define RISK_C_DAYS_OVERDUE   30
#define RISK_C_DAYS_LATE      14
#define RISK_C_CREDIT_USE     100   /* percent of the credit limit */
#define RISK_B_DAYS_LATE      3
#define RISK_B_CREDIT_USE     80

#define LIMIT_FACTOR_A        1500  /* per mille */
#define LIMIT_FACTOR_B        1200
#define LIMIT_FACTOR_C        800
#define LIMIT_FACTOR_D        0
#define LIMIT_DAYS_PER_MONTH  30
#define LIMIT_ROUND_MAJOR     100   /* rounded up to whole hundreds */

/* Whole days and medians */

gint
kassa_payment_round_days (double days)
{
  return (gint) (days < 0 ? -floor (-days + 0.5) : floor (days + 0.5));
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  gint x = *(const gint *) a;
  gint y = *(const gint *) b;

  return (x > y) - (x < y);
}

/* Insertion sort: for a dozen values faster than qsort (), which is
 * called some ten thousand times for a large company. */
static void
sort_small (gint  *values,
            guint  n)
{
  for (guint i = 1; i < n; i++)
    {
      gint value = values[i];
      guint j = i;

      for (; j > 0 && values[j - 1] > value; j--)
        values[j] = values[j - 1];
      values[j] = value;
    }
}

gint64
kassa_payment_twice_median (const gint *values,
                            guint       n)
{
  gint sorted[SMALL_VALUES];
  g_autofree gint *large = NULL;
  gint *copy = sorted;

  g_assert (n > 0);
  if (n > G_N_ELEMENTS (sorted))
    copy = large = g_new (gint, n);

  memcpy (copy, values, n * sizeof (gint));
  if (copy == large)
    qsort (copy, n, sizeof (gint), compare_int);
  else
    sort_small (copy, n);
  return (gint64) copy[(n - 1) / 2] + copy[n / 2];
}

double
kassa_least_squares_slope (const double *y,
                           guint         n)
{
  double mean_x = (n - 1) / 2.0;
  double mean_y = 0, sxy = 0, sxx = 0;

  if (n < 2)
    return 0;

  g_return_val_if_fail (y != NULL, 0);

  for (guint i = 0; i < n; i++)
    mean_y += y[i] / n;
  for (guint i = 0; i < n; i++)
    {
      sxy += (i - mean_x) * (y[i] - mean_y);
      sxx += (i - mean_x) * (i - mean_x);
    }

  return sxy / sxx;
}

/* History statistics */

/* (transfer full) the KassaPaidInvoice of n rows */
static GArray *
history_from_rows (const KassaSettled *rows,
                   guint               n)
{
  GArray *history = g_array_sized_new (FALSE, FALSE, sizeof (KassaPaidInvoice), n);

  for (guint i = 0; i < n; i++)
    g_array_append_vals (history, &rows[i].paid, 1);
  return history;
}

/* history: (transfer full) (nullable) */
static KassaPaymentBehaviour *
behaviour_new (gint64    customer_id,
               KassaDay  today,
               GArray   *history)
{
  KassaPaymentBehaviour *b = g_new0 (KassaPaymentBehaviour, 1);

  b->customer_id = customer_id;
  b->today = today;
  b->history = history != NULL ? history : g_array_new (FALSE, FALSE, sizeof (KassaPaidInvoice));
  b->average_days_to_pay = -1;
  b->average_days_late = -1;
  return b;
}

/* Weighted sums of days, not money: doubles cannot overflow here, and
 * each term (amount × days) and sum is an integer far below 2^53, so the
 * sums are exact in any order: the risk table, which adds in invoice
 * order, gets the very averages of a history in paid-date order. */
typedef struct
{
  double weight;
  double to_pay;
  double late;
} DelaySums;

static void
delay_sums_add (DelaySums              *sums,
                const KassaPaidInvoice *paid)
{
  sums->weight += (double) paid->amount;
  sums->to_pay += (double) paid->amount * paid->days_to_pay;
  sums->late += (double) paid->amount * paid->days_late;
}

static void
compute_averages (KassaPaymentBehaviour *b)
{
  DelaySums sums = { 0 };

  for (guint i = 0; i < b->history->len; i++)
    delay_sums_add (&sums, &g_array_index (b->history, KassaPaidInvoice, i));

  if (sums.weight > 0)
    {
      b->average_days_to_pay = sums.to_pay / sums.weight;
      b->average_days_late = sums.late / sums.weight;
    }
}

static void
compute_trend (KassaPaymentBehaviour *b)
{
  guint n = MIN (b->history->len, TREND_INVOICES);
  guint first = b->history->len - n;
  double y[TREND_INVOICES];

  for (guint i = 0; i < n; i++)
    y[i] = g_array_index (b->history, KassaPaidInvoice, first + i).days_late;

  b->trend_days = kassa_least_squares_slope (y, n);
}

static char *
format_days (gint days)
{
  /* Translators: a number of days inside a longer sentence */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", ABS (days)), days);
}

static char *
format_warning (gint recent,
                gint extra_days,
                gint usual_days)
{
  g_autofree char *extra = format_days (extra_days);
  g_autofree char *usual = NULL;

  if (usual_days <= 0)
    /* Translators: %d is a number of invoices, %s how much later they
     * were paid, e.g. "9 days" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Paid the last %d invoice %s later than usual: "
                                         "earlier invoices were paid on time.",
                                         "Paid the last %d invoices on average %s later than usual: "
                                         "earlier invoices were paid on time.",
                                         recent),
                            recent, extra);

  usual = format_days (usual_days);
  /* Translators: %d is a number of invoices, the first %s how much later
   * they were paid ("12 days"), the second the customer's usual delay
   * ("4 days") */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Paid the last %d invoice %s later than the usual %s.",
                                       "Paid the last %d invoices on average %s later than the usual %s.",
                                       recent),
                          recent, extra, usual);
}

/* Days late of the i-th of items stride bytes apart (a history or rows). */
#define DAYS_LATE_AT(items, stride, i) \
  (((const KassaPaidInvoice *) ((const char *) (items) + (i) * (stride)))->days_late)

/* The warning's figures from a history: twice the baseline median (an
 * integer, so that the threshold compares exactly) and the sum of the
 * recent delays.  FALSE when the history is too short. */
static gboolean
measure_recent_delays (const KassaPaidInvoice *items,
                       guint                   n,
                       gsize                   stride,
                       const KassaWarningRule *rule,
                       gint64                 *baseline2,
                       gint64                 *recent_sum)
{
  guint recent = (guint) MAX (rule->recent_count, 1);
  gint small[SMALL_VALUES];
  g_autofree gint *large = NULL;
  gint *late = small;

  if (n < recent + (guint) MAX (rule->min_history, 1))
    return FALSE;

  if (n - recent > G_N_ELEMENTS (small))
    late = large = g_new (gint, n - recent);
  for (guint i = 0; i < n - recent; i++)
    late[i] = DAYS_LATE_AT (items, stride, i);

  *recent_sum = 0;
  for (guint i = n - recent; i < n; i++)
    *recent_sum += DAYS_LATE_AT (items, stride, i);
  *baseline2 = kassa_payment_twice_median (late, n - recent);
  return TRUE;
}

/* mean − baseline ≥ min_extra, times 2 × recent: in integers. */
static gboolean
is_warning (const KassaWarningRule *rule,
            gint64                  baseline2,
            gint64                  recent_sum)
{
  gint64 recent = MAX (rule->recent_count, 1);

  return 2 * recent_sum - recent * baseline2 >= 2 * recent * rule->min_extra_days;
}

static void
compute_warning (KassaPaymentBehaviour  *b,
                 const KassaWarningRule *rule)
{
  gint recent = MAX (rule->recent_count, 1);
  gint64 baseline2, recent_sum;

  if (!measure_recent_delays ((const KassaPaidInvoice *) b->history->data, b->history->len,
                              sizeof (KassaPaidInvoice), rule, &baseline2, &recent_sum))
    return;

  b->baseline_days_late = baseline2 / 2.0;
  b->recent_days_late = (double) recent_sum / recent;
  b->recent_invoices = recent;
  b->warning = is_warning (rule, baseline2, recent_sum);
  if (b->warning)
    b->warning_text =
      format_warning (recent,
                      kassa_payment_round_days (b->recent_days_late - b->baseline_days_late),
                      kassa_payment_round_days (b->baseline_days_late));
}

static void
compute_history_statistics (KassaPaymentBehaviour  *b,
                            const KassaWarningRule *rule)
{
  compute_warning (b, rule);
  compute_averages (b);
  compute_trend (b);
}

/* Receivable facts */

/* Rows of the open set: customer, number, due date, open amount, whether
 * it is a credit note. */
#define OPEN_FACTS_COLUMNS \
  "SELECT i.customer_id, i.number, i.due_date, " KASSA_STORE_OPEN_AMOUNT_SQL "," \
  " i.credited_invoice_id IS NOT NULL"
#define OPEN_FACTS_CONDITIONS " i.state = 1 AND i.paid <> i.total"

/* Adds an invoice of the open set to its customer's facts: every open
 * amount counts (a credit note carries what its original still had open,
 * a disputed invoice is still owed); an ordinary invoice past its due date
 * is overdue. */
static void
risk_facts_add_open (KassaRiskFacts *facts,
                     KassaDay        today,
                     sqlite3_stmt   *stmt)
{
  gint64 number = sqlite3_column_int64 (stmt, 1);
  KassaDay due_date = sqlite3_column_int (stmt, 2);
  gint64 open = sqlite3_column_int64 (stmt, 3);
  gint days = today - due_date;

  facts->open += open;
  if (sqlite3_column_int (stmt, 4) != 0 || open <= 0 || days <= 0)
    return;

  facts->overdue += open;
  if (days > facts->max_days_overdue ||
      (days == facts->max_days_overdue && number < facts->oldest_overdue_number))
    {
      facts->max_days_overdue = days;
      facts->oldest_overdue_number = number;
    }
}

static gboolean
read_open_facts (KassaStore      *store,
                 gint64           customer_id,
                 KassaDay         today,
                 KassaRiskFacts  *facts,
                 GError         **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (store,
                              OPEN_FACTS_COLUMNS " FROM invoices i"
                              " WHERE i.customer_id = ?1 AND" OPEN_FACTS_CONDITIONS,
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    risk_facts_add_open (facts, today, stmt);

  return rc == SQLITE_DONE || kassa_store_set_error_from_sqlite (store, rc, error);
}

/* Gross of the invoices and credit notes issued in the 12 months up to
 * today (a credited sale nets to zero). */
static gboolean
sum_sales_year (KassaStore  *store,
                gint64       customer_id,
                KassaDay     today,
                gint64      *sales,
                GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (store,
                              "SELECT COALESCE (SUM (total), 0) FROM invoices"
                              " WHERE customer_id = ?1 AND issue_date > ?2 AND issue_date <= ?3"
                              " AND state IN (1, 2)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, kassa_day_add_months (today, -12));
  sqlite3_bind_int (stmt, 3, today);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  *sales = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static char *
format_money (gint64      minor,
              const char *currency)
{
  return kassa_money_format (minor, currency, kassa_locale_current ());
}

static char *
describe_overdue_invoice (gint64 number,
                          gint   days)
{
  g_autofree char *number_text = g_strdup_printf ("%" G_GINT64_FORMAT, number);

  /* Translators: %s is an invoice number, %d a number of days */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Invoice %s is %d day overdue.",
                                       "Invoice %s is %d days overdue.", days),
                          number_text, days);
}

static char *
describe_credit_use (const KassaRiskFacts *facts,
                     const char           *currency)
{
  g_autofree char *open = format_money (facts->open, currency);
  g_autofree char *limit = format_money (facts->credit_limit, currency);

  /* Translators: e.g. "Owes €1,200.00, 120 % of the credit limit of €1,000.00." */
  return g_strdup_printf (_("Owes %s, %d %% of the credit limit of %s."),
                          open, (gint) (facts->open * 100 / facts->credit_limit), limit);
}

static char *
describe_late_payer (double average_days_late)
{
  /* Translators: %.1f is a number of days such as 12.5 */
  return g_strdup_printf (_("Pays on average %.1f days late."), average_days_late);
}

static char *
describe_recent_delay (gint   recent_invoices,
                       double recent_days_late)
{
  /* Translators: the reason of a risk class, %d is a number of invoices,
   * %.1f a number of days such as 47.3 */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Paid the last %d invoice %.1f days late.",
                                       "Paid the last %d invoices on average %.1f days late.",
                                       recent_invoices),
                          recent_invoices, recent_days_late);
}

/* Whether the days late that count are the early warning's recent
 * average: only when the warning fires and they are later than the
 * year's; none without a history. */
static gboolean
risk_late_is_recent (const KassaRiskFacts *facts)
{
  return facts->paid_invoices > 0 && facts->warning && facts->recent_invoices > 0 &&
         facts->recent_days_late > facts->average_days_late;
}

/* The days late that count: none without a history. */
static double
risk_days_late (const KassaRiskFacts *facts)
{
  if (facts->paid_invoices == 0)
    return 0;
  return risk_late_is_recent (facts) ? facts->recent_days_late : facts->average_days_late;
}

/* The fact that decided the class, looked for in the order the rule
 * checks them. */
static char *
describe_risk (const KassaRiskFacts *facts,
               KassaRiskClass        risk,
               const char           *currency)
{
  gint overdue_days = facts->max_days_overdue;
  double late = risk_days_late (facts);

  if (risk == KASSA_RISK_A)
    return g_strdup (facts->paid_invoices > 0
                     ? _("Pays on time and has nothing overdue.")
                     : _("No payments in the last 12 months to judge by, and nothing overdue."));
  if ((risk == KASSA_RISK_D && overdue_days > RISK_D_DAYS_OVERDUE) ||
      (risk == KASSA_RISK_C && overdue_days > RISK_C_DAYS_OVERDUE) ||
      (risk == KASSA_RISK_B && facts->overdue > 0))
    return describe_overdue_invoice (facts->oldest_overdue_number, overdue_days);
  if (risk == KASSA_RISK_D ||
      (risk == KASSA_RISK_C && late > RISK_C_DAYS_LATE) ||
      (risk == KASSA_RISK_B && late > RISK_B_DAYS_LATE))
    return risk_late_is_recent (facts)
           ? describe_recent_delay (facts->recent_invoices, late)
           : describe_late_payer (late);

  return describe_credit_use (facts, currency);
}

/* Copies the facts into the behaviour and classifies it with its reason. */
static void
behaviour_set_risk (KassaPaymentBehaviour *b,
                    const KassaRiskFacts  *facts,
                    const char            *currency)
{
  b->open = facts->open;
  b->overdue = facts->overdue;
  b->max_days_overdue = facts->max_days_overdue;
  b->credit_limit = facts->credit_limit;
  g_clear_pointer (&b->risk_text, g_free);
  b->risk = kassa_risk_classify (facts, currency, &b->risk_text);
}

/* Sets the facts a behaviour's history gives: its delays and warning. */
static void
risk_facts_set_history (KassaRiskFacts              *facts,
                        const KassaPaymentBehaviour *b)
{
  facts->paid_invoices = b->history->len;
  facts->average_days_late = b->average_days_late;
  facts->warning = b->warning;
  facts->recent_invoices = b->recent_invoices;
  facts->recent_days_late = b->recent_days_late;
}

static char *
company_currency (KassaStore *store)
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (store);

  return g_strdup (company != NULL ? company->currency : "EUR");
}

/* The class the suggested credit limit is scaled by: from the payment
 * behaviour facts only, so that storing the suggestion as the limit
 * cannot change the next suggestion. */
static KassaRiskClass
classify_without_credit_use (const KassaRiskFacts *facts)
{
  KassaRiskFacts without_limit = *facts;

  without_limit.credit_limit = 0;
  return kassa_risk_classify (&without_limit, NULL, NULL);
}

static void
suggest_credit_limit (KassaPaymentBehaviour *b,
                      gint64                 sales,
                      gint                   terms,
                      KassaRiskClass         risk,
                      const char            *currency)
{
  static const gint factors[] = { LIMIT_FACTOR_A, LIMIT_FACTOR_B, LIMIT_FACTOR_C, LIMIT_FACTOR_D };
  gint late = b->history->len > 0 ? MAX (0, kassa_payment_round_days (b->average_days_late)) : 0;
  gint days = terms + late;
  gint factor = factors[risk];
  gint64 unit = LIMIT_ROUND_MAJOR;
  gint64 monthly, covered, limit;
  g_autofree char *monthly_text = NULL;
  g_autofree char *limit_text = NULL;

  if (sales <= 0)
    {
      b->suggested_credit_limit_text = g_strdup (_("No sales in the last 12 months, so no credit limit is suggested."));
      return;
    }
  if (factor == 0)
    {
      b->suggested_credit_limit_text = g_strdup (_("Risk class D: no credit should be extended."));
      return;
    }

  for (gint e = kassa_currency_exponent (currency); e > 0; e--)
    unit *= 10;
  monthly = sales / 12;
  covered = monthly * days / LIMIT_DAYS_PER_MONTH;
  /* × factor ÷ 1000 in two parts, so that large amounts cannot overflow */
  limit = covered / 1000 * factor + covered % 1000 * factor / 1000;
  b->suggested_credit_limit = (limit + unit - 1) / unit * unit;

  monthly_text = format_money (monthly, currency);
  limit_text = format_money (b->suggested_credit_limit, currency);
  /* Translators: explains a suggested credit limit, e.g. "Average monthly
   * sales €3,100.00 × 20 days (terms 14 + late 6) ÷ 30 × 150 % for risk
   * class A by payment behaviour (credit use not counted), rounded up to a
   * whole hundred: €3,100.00."  The class can differ from the customer's
   * risk class, which counts how much of the credit limit is used. */
  b->suggested_credit_limit_text =
    g_strdup_printf (_("Average monthly sales %s × %d days (terms %d + late %d) ÷ 30 × %d %% "
                       "for risk class %s by payment behaviour (credit use not counted), "
                       "rounded up to a whole hundred: %s."),
                     monthly_text, days, terms, late, factor / 10,
                     kassa_risk_class_to_string (risk), limit_text);
}

static gboolean
add_receivable_facts (KassaStore             *store,
                      KassaPaymentBehaviour  *b,
                      GError                **error)
{
  g_autoptr(KassaCustomerRecord) customer = NULL;
  g_autofree char *currency = NULL;
  KassaRiskFacts facts = { 0 };
  gint64 sales = 0;

  risk_facts_set_history (&facts, b);
  customer = kassa_store_get_customer (store, b->customer_id, error);
  if (customer == NULL ||
      !read_open_facts (store, b->customer_id, b->today, &facts, error) ||
      !sum_sales_year (store, b->customer_id, b->today, &sales, error))
    return FALSE;

  currency = company_currency (store);
  facts.credit_limit = customer->credit_limit;
  behaviour_set_risk (b, &facts, currency);
  suggest_credit_limit (b, sales, customer->payment_terms_days,
                        classify_without_credit_use (&facts), currency);
  return TRUE;
}

/* The risk table */

/* The table's values are KassaCustomerRisk, keyed by a pointer to their
 * customer_id. */
static GHashTable *
risk_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
}

static KassaCustomerRisk *
risk_table_entry (GHashTable *table,
                  gint64      customer_id)
{
  KassaCustomerRisk *entry = g_hash_table_lookup (table, &customer_id);

  if (entry == NULL)
    {
      entry = g_new0 (KassaCustomerRisk, 1);
      entry->customer_id = customer_id;
      entry->facts.average_days_late = -1;
      g_hash_table_insert (table, &entry->customer_id, entry);
    }

  return entry;
}

/* Every customer, with its credit limit. */
static gboolean
risk_table_read_customers (KassaStore  *store,
                           GHashTable  *table,
                           GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (store, "SELECT id, credit_limit FROM customers", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    risk_table_entry (table, sqlite3_column_int64 (stmt, 0))->facts.credit_limit =
      sqlite3_column_int64 (stmt, 1);

  return rc == SQLITE_DONE || kassa_store_set_error_from_sqlite (store, rc, error);
}

/* Today's open set from its partial index: never a scan of every invoice
 * ever sent. */
static gboolean
risk_table_read_open_set (KassaStore  *store,
                          KassaDay     today,
                          GHashTable  *table,
                          GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (store,
                              OPEN_FACTS_COLUMNS " FROM invoices i INDEXED BY invoices_open"
                              " WHERE" OPEN_FACTS_CONDITIONS,
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    risk_facts_add_open (&risk_table_entry (table, sqlite3_column_int64 (stmt, 0))->facts,
                         today, stmt);

  return rc == SQLITE_DONE || kassa_store_set_error_from_sqlite (store, rc, error);
}

/* The delays and the warning of one customer's history, n rows oldest
 * first: what compute_history_statistics () finds for its behaviour, by
 * the same sums in the same order, so that the figures are equal. */
static void
risk_facts_add_history (KassaRiskFacts         *facts,
                        const KassaSettled     *rows,
                        guint                   n,
                        const KassaWarningRule *rule)
{
  DelaySums sums = { 0 };
  gint64 baseline2, recent_sum;

  for (guint i = 0; i < n; i++)
    delay_sums_add (&sums, &rows[i].paid);

  facts->paid_invoices = n;
  if (sums.weight > 0)
    facts->average_days_late = sums.late / sums.weight;

  if (!measure_recent_delays (&rows->paid, n, sizeof (KassaSettled), rule, &baseline2, &recent_sum))
    return;

  facts->recent_invoices = MAX (rule->recent_count, 1);
  facts->recent_days_late = (double) recent_sum / facts->recent_invoices;
  facts->warning = is_warning (rule, baseline2, recent_sum);
}

/* rows: of KassaSettled, grouped by customer, each oldest first */
static void
risk_table_add_histories (GHashTable             *table,
                          GArray                 *rows,
                          const KassaWarningRule *rule)
{
  for (guint start = 0, end; start < rows->len; start = end)
    {
      const KassaSettled *first = &g_array_index (rows, KassaSettled, start);

      end = kassa_payment_customer_end (rows, start);
      risk_facts_add_history (&risk_table_entry (table, first->customer_id)->facts,
                              first, end - start, rule);
    }
}

static void
risk_table_classify (GHashTable *table)
{
  GHashTableIter iter;
  KassaCustomerRisk *entry;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    entry->risk = kassa_risk_classify (&entry->facts, NULL, NULL);
}

/* rule, or the defaults in storage when it is NULL */
static const KassaWarningRule *
rule_or_default (const KassaWarningRule *rule,
                 KassaWarningRule       *storage)
{
  if (rule != NULL)
    return rule;

  kassa_warning_rule_init_default (storage);
  return storage;
}

/* Public: behaviour */

void
kassa_warning_rule_init_default (KassaWarningRule *rule)
{
  g_return_if_fail (rule != NULL);

  rule->recent_count = 3;
  rule->min_extra_days = 7;
  rule->min_history = 3;
}

const char *
kassa_risk_class_to_string (KassaRiskClass risk)
{
  static const char *const names[] = { "A", "B", "C", "D" };

  g_return_val_if_fail (risk <= KASSA_RISK_D, "");
  return names[risk];
}

const char *
kassa_risk_class_describe (KassaRiskClass risk)
{
  static const char *const meanings[] = {
    N_("Pays on time"),
    N_("Some delays or high credit use: keep an eye on it"),
    N_("Late payer: shorten the terms or ask for prepayment"),
    N_("Serious: do not extend credit"),
  };

  g_return_val_if_fail (risk <= KASSA_RISK_D, "");
  return _(meanings[risk]);
}

/**
 * kassa_risk_classify:
 * @facts: what the customer owes and how it pays
 * @currency: (nullable): the company's currency, for the amounts in @reason
 * @reason: (out) (optional) (transfer full): the translated fact that
 *   decided the class
 *
 * The rule is checked from D down to B; credit use is open ÷ credit limit,
 * compared in integers (open × 100 against limit × percent).
 *
 * Returns: the class
 */
KassaRiskClass
kassa_risk_classify (const KassaRiskFacts  *facts,
                     const char            *currency,
                     char                 **reason)
{
  double late;
  gint overdue_days;
  gint64 use;
  KassaRiskClass risk;

  g_return_val_if_fail (facts != NULL, KASSA_RISK_A);
  g_return_val_if_fail (reason == NULL || currency != NULL, KASSA_RISK_A);

  late = risk_days_late (facts);
  overdue_days = facts->max_days_overdue;
  use = facts->credit_limit > 0 ? facts->open * 100 : 0;
  if (overdue_days > RISK_D_DAYS_OVERDUE || late > RISK_D_DAYS_LATE)
    risk = KASSA_RISK_D;
  else if (overdue_days > RISK_C_DAYS_OVERDUE || late > RISK_C_DAYS_LATE ||
           use > facts->credit_limit * RISK_C_CREDIT_USE)
    risk = KASSA_RISK_C;
  else if (facts->overdue > 0 || late > RISK_B_DAYS_LATE ||
           use > facts->credit_limit * RISK_B_CREDIT_USE)
    risk = KASSA_RISK_B;
  else
    risk = KASSA_RISK_A;

  if (reason != NULL)
    *reason = describe_risk (facts, risk, currency);
  return risk;
}

/**
 * kassa_payment_behaviour_compute:
 * @rule: (nullable): the warning rule, NULL for the defaults
 *
 * Returns: (transfer full) (nullable): the customer's payment behaviour as
 *   of today, NULL with @error when the customer is missing or the store
 *   fails.
 */
KassaPaymentBehaviour *
kassa_payment_behaviour_compute (KassaStore              *store,
                                 gint64                   customer_id,
                                 KassaDay                 today,
                                 const KassaWarningRule  *rule,
                                 GError                 **error)
{
  g_autoptr(KassaPaymentBehaviour) b = NULL;
  g_autoptr(GArray) rows = NULL;
  KassaWarningRule default_rule;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (customer_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rule = rule_or_default (rule, &default_rule);
  rows = kassa_payment_load_histories (store, customer_id, today, error);
  if (rows == NULL)
    return NULL;

  b = behaviour_new (customer_id, today,
                     history_from_rows ((const KassaSettled *) rows->data, rows->len));
  compute_history_statistics (b, rule);
  if (!add_receivable_facts (store, b, error))
    return NULL;

  return g_steal_pointer (&b);
}

void
kassa_payment_behaviour_free (KassaPaymentBehaviour *behaviour)
{
  if (behaviour == NULL)
    return;

  g_clear_pointer (&behaviour->history, g_array_unref);
  g_free (behaviour->warning_text);
  g_free (behaviour->risk_text);
  g_free (behaviour->suggested_credit_limit_text);
  g_free (behaviour);
}

/* The risk of the warned customers: their open set and credit limits in
 * one pass each (a query per customer would cost more for a few hundred),
 * the delays from the history they already have. */
static gboolean
add_warning_risks (KassaStore  *store,
                   KassaDay     today,
                   GPtrArray   *warnings,
                   GError     **error)
{
  g_autoptr(GHashTable) table = risk_table_new ();
  g_autofree char *currency = NULL;

  if (!risk_table_read_customers (store, table, error) ||
      !risk_table_read_open_set (store, today, table, error))
    return FALSE;

  currency = company_currency (store);
  for (guint i = 0; i < warnings->len; i++)
    {
      KassaPaymentBehaviour *b = g_ptr_array_index (warnings, i);
      KassaRiskFacts facts = risk_table_entry (table, b->customer_id)->facts;

      risk_facts_set_history (&facts, b);
      behaviour_set_risk (b, &facts, currency);
    }

  return TRUE;
}

static int
compare_warning_increase (gconstpointer a,
                          gconstpointer b)
{
  const KassaPaymentBehaviour *x = *(KassaPaymentBehaviour * const *) a;
  const KassaPaymentBehaviour *y = *(KassaPaymentBehaviour * const *) b;
  double dx = x->recent_days_late - x->baseline_days_late;
  double dy = y->recent_days_late - y->baseline_days_late;

  if (dx != dy)
    return dx > dy ? -1 : 1;
  return (x->customer_id > y->customer_id) - (x->customer_id < y->customer_id);
}

/**
 * kassa_payment_warnings_list:
 * @rule: (nullable): the warning rule, NULL for the defaults
 *
 * One query over the year's paid invoices, grouped by customer as they are
 * read.  The items carry the history, its statistics and the warning, and
 * when there are warnings the receivable facts (open, overdue, credit
 * limit) and the risk with its reason, from one more pass over the open
 * set; only the suggested credit limit is left 0 and NULL:
 * kassa_payment_behaviour_compute() gives it for a customer.
 *
 * Returns: (transfer full) (element-type KassaPaymentBehaviour) (nullable)
 */
GPtrArray *
kassa_payment_warnings_list (KassaStore              *store,
                             KassaDay                 today,
                             const KassaWarningRule  *rule,
                             GError                 **error)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GArray) rows = NULL;
  KassaWarningRule default_rule;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rule = rule_or_default (rule, &default_rule);
  rows = kassa_payment_load_histories (store, 0, today, error);
  if (rows == NULL)
    return NULL;

  warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_payment_behaviour_free);
  for (guint start = 0, end; start < rows->len; start = end)
    {
      const KassaSettled *first = &g_array_index (rows, KassaSettled, start);
      KassaPaymentBehaviour *b;
      gint64 baseline2, recent_sum;

      end = kassa_payment_customer_end (rows, start);
      /* Most customers have no warning: the rest only for those that do. */
      if (!measure_recent_delays (&first->paid, end - start, sizeof (KassaSettled), rule,
                                  &baseline2, &recent_sum) ||
          !is_warning (rule, baseline2, recent_sum))
        continue;

      b = behaviour_new (first->customer_id, today, history_from_rows (first, end - start));
      compute_history_statistics (b, rule);
      g_ptr_array_add (warnings, b);
    }

  if (warnings->len > 0 && !add_warning_risks (store, today, warnings, error))
    return NULL;

  g_ptr_array_sort (warnings, compare_warning_increase);
  return g_steal_pointer (&warnings);
}

/**
 * kassa_payment_risk_table:
 * @store: the company file
 * @today: the day the risk is judged on
 * @rule: (nullable): the early warning's rule, NULL for the defaults
 * @error: a store error
 *
 * The class of every customer by the rule of kassa_risk_classify(), from
 * the same facts as kassa_payment_behaviour_compute() with the same @rule:
 * the delays and the warning from the year's histories (read in one pass
 * over the payments, as kassa_payment_warnings_list() reads them), open
 * and overdue amounts from one pass over today's open set, and the credit
 * limits.
 *
 * Returns: (transfer full) (nullable): gint64 customer id →
 *   KassaCustomerRisk, keyed by a pointer into the value
 */
GHashTable *
kassa_payment_risk_table (KassaStore              *store,
                          KassaDay                 today,
                          const KassaWarningRule  *rule,
                          GError                 **error)
{
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GArray) rows = NULL;
  KassaWarningRule default_rule;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rule = rule_or_default (rule, &default_rule);
  table = risk_table_new ();
  if (!risk_table_read_customers (store, table, error))
    return NULL;

  rows = kassa_payment_load_histories (store, 0, today, error);
  if (rows == NULL)
    return NULL;
  risk_table_add_histories (table, rows, rule);

  if (!risk_table_read_open_set (store, today, table, error))
    return NULL;

  risk_table_classify (table);
  return g_steal_pointer (&table);
}

KassaRiskClass
kassa_payment_risk_lookup (GHashTable *table,
                           gint64      customer_id)
{
  const KassaCustomerRisk *risk;

  g_return_val_if_fail (table != NULL, KASSA_RISK_A);

  risk = g_hash_table_lookup (table, &customer_id);
  return risk != NULL ? risk->risk : KASSA_RISK_A;
}
