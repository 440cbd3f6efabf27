/* kassa-customer-retention.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Retention and churn per calendar year, a simple customer lifetime value
 * with rolling 12-month churn, and the company NPS over time (campaign results are in
 * kassa-campaign-results.c).
 *
 * Retention.  A customer is active in a year when they have an invoice
 * issued in it that was sent (state sent or credited: a credited invoice
 * was still sold and sent) and is not a credit note; drafts and credit
 * notes never make a customer active, so a year with only a credit note
 * is not an active year.  A customer is new in the year of their first
 * such invoice ever; a customer coming back after a gap is active again
 * but not new.  For year Y: start = active in Y − 1, end = active in Y,
 * new = new in Y, retention = (end − new) ÷ start in basis points rounded
 * half away from zero, churn = 10000 − retention (so the two always add
 * up to 100 %; returning customers can push retention past 100 % and
 * churn below zero).  No rate when start is 0.  The current year counts
 * what has been invoiced so far.
 *
 * The table is built in one pass over (customer, issue date) of every
 * sent invoice: a plain scan of the invoices table is several times faster
 * than any grouped query (grouping by customer walks invoices_customer
 * with a table lookup per row), and the calendar year of a day is found
 * against the few year boundaries of the table.
 *
 * Lifetime value.  Churn comes from two rolling windows of a year, last
 * = today − 364 … today and before = today − 729 … today − 365, not from
 * calendar years: a company's data rarely starts on 1 January (the demo
 * starts late in November, real users start mid-year), and a first
 * "complete" year compared with a few weeks of customers showed 100 %
 * retention, 0 % churn and a ten-year CLV nobody would believe.  Two
 * windows of 365 days always compare like with like.  customers_before =
 * customers with a sale (a sent invoice that is not a credit note, as in
 * the yearly table) in before; customers_kept = those of them with a sale
 * in last; customers who only bought in last are new and in neither
 * count.  Retention = kept ÷ before in basis points rounded half away
 * from zero, churn = 10000 − retention; not available (available FALSE,
 * clv 0) when customers_before is 0.  Average yearly margin = the margin
 * Σ (total_net − total_cost) of the sent invoices of last, credit notes
 * included, ÷ the customers with a sale in last, rounded half away from
 * zero (0 without them).  Expected lifetime = 12 × 10000 ÷ churn months,
 * churn taken as at least 1 % (100 bp), rounded half away from zero and
 * capped at 120 months (ten years: a longer promise would be a guess).
 * CLV = average yearly margin × lifetime ÷ 12, rounded half away from
 * zero.  Everything comes from one range scan of invoices_issue_date over
 * the two windows.
 *
 * NPS.  kassa_nps_score: 100 × (promoters − detractors) ÷ responses,
 * rounded half away from zero.  By period: whole calendar months or
 * quarters, from the one containing from to the one containing to (the
 * first and last periods count all their days, so that every bar of a
 * chart covers a whole period); empty periods are included with NPS 0.
 */
#define G_LOG_DOMAIN "kassa-retention"

#include "config.h"

#include <string.h>

#include "kassa-customer-retention.h"
#include "kassa-date.h"
#include "kassa-store-sql.h"
#include "kassa-vat.h"

/* A retention table covers at most this many years, so that a customer's
 * active years from first_year − 1 on fit a 64-bit mask. */
#define MAX_RETENTION_YEARS 63

#define MIN_CHURN_BP             100
#define MAX_LIFETIME_MONTHS      120
#define LAST_12_MONTHS_DAYS      364

#define NPS_PROMOTER_MIN 9
#define NPS_PASSIVE_MIN  7

typedef struct
{
  gint64   customer_id;   /* the hash key: keep first */
  KassaDay first_day;     /* first active invoice ever */
  guint64  active;        /* bit i: active in year first_year − 1 + i */
} CustomerYears;

/* The years first_year − 1 … last_year and where each starts; starts[n]
 * is the day after the last year. */
typedef struct
{
  gint      first;        /* first_year − 1 */
  guint     n;
  KassaDay  starts[MAX_RETENTION_YEARS + 2];
} YearBounds;

static void
year_bounds_init (YearBounds *bounds,
                  gint        first_year,
                  gint        last_year)
{
  bounds->first = first_year - 1;
  bounds->n = (guint) (last_year - bounds->first + 1);
  for (guint i = 0; i <= bounds->n; i++)
    bounds->starts[i] = kassa_day_from_ymd (bounds->first + (gint) i, 1, 1);
}

/* The index of day's year in bounds, or −1 outside them. */
static gint
year_bounds_index (const YearBounds *bounds,
                   KassaDay          day)
{
  guint i;

  if (day < bounds->starts[0] || day >= bounds->starts[bounds->n])
    return -1;

  /* A year has at most 366 days, so this guess is never past the year;
   * at most one step forward corrects it. */
  i = (guint) (day - bounds->starts[0]) / 366;
  while (day >= bounds->starts[i + 1])
    i++;
  return (gint) i;
}

static CustomerYears *
lookup_customer (GHashTable *customers,
                 gint64      customer_id)
{
  CustomerYears *years = g_hash_table_lookup (customers, &customer_id);

  if (years == NULL)
    {
      years = g_new0 (CustomerYears, 1);
      years->customer_id = customer_id;
      years->first_day = G_MAXINT32;
      g_hash_table_add (customers, years);
    }
  return years;
}

static gboolean
collect_customer_years (KassaStore        *store,
                        const YearBounds  *bounds,
                        GHashTable        *customers,
                        GError           **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (store,
                              "SELECT customer_id, issue_date FROM invoices NOT INDEXED"
                              " WHERE state <> 0 AND credited_invoice_id IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CustomerYears *years = lookup_customer (customers, sqlite3_column_int64 (stmt, 0));
      KassaDay day = sqlite3_column_int (stmt, 1);
      gint index = year_bounds_index (bounds, day);

      years->first_day = MIN (years->first_day, day);
      if (index >= 0)
        years->active |= G_GUINT64_CONSTANT (1) << index;
    }
  if (rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (store, rc, error);
  return TRUE;
}

static void
count_customer (const CustomerYears *years,
                const YearBounds    *bounds,
                GArray              *table)
{
  gint new_index = year_bounds_index (bounds, years->first_day);

  for (guint i = 0; i < table->len; i++)
    {
      KassaRetentionYear *row = &g_array_index (table, KassaRetentionYear, i);
      guint index = i + 1;   /* the mask starts with the year before */

      if (years->active & (G_GUINT64_CONSTANT (1) << (index - 1)))
        row->customers_start++;
      if (years->active & (G_GUINT64_CONSTANT (1) << index))
        row->customers_end++;
      if (new_index == (gint) index)
        row->customers_new++;
    }
}

static void
set_rates (KassaRetentionYear *row)
{
  gint64 retained = (gint64) row->customers_end - row->customers_new;

  row->has_rate = row->customers_start > 0;
  if (!row->has_rate)
    return;

  row->retention_bp = (gint) kassa_round_div (retained * 10000, row->customers_start);
  row->churn_bp = 10000 - row->retention_bp;
}

/**
 * kassa_retention_compute:
 * @store: the company
 * @first_year: the first year of the table
 * @last_year: the last year, at most 62 years after @first_year
 * @error: a store error
 *
 * See kassa-customer-retention.h and the rules at the top of this file.
 *
 * Returns: (transfer full) (nullable): a #GArray of #KassaRetentionYear,
 *   one per year from @first_year to @last_year
 */
GArray *
kassa_retention_compute (KassaStore  *store,
                         gint         first_year,
                         gint         last_year,
                         GError     **error)
{
  g_autoptr(GHashTable) customers = NULL;
  g_autoptr(GArray) table = NULL;
  GHashTableIter iter;
  gpointer years;
  YearBounds bounds;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (first_year >= 2 && last_year < 9999, NULL);
  g_return_val_if_fail (first_year <= last_year, NULL);
  g_return_val_if_fail (last_year - first_year < MAX_RETENTION_YEARS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  year_bounds_init (&bounds, first_year, last_year);
  customers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!collect_customer_years (store, &bounds, customers, error))
    return NULL;

  table = g_array_sized_new (FALSE, TRUE, sizeof (KassaRetentionYear),
                             (guint) (last_year - first_year + 1));
  g_array_set_size (table, (guint) (last_year - first_year + 1));
  for (guint i = 0; i < table->len; i++)
    g_array_index (table, KassaRetentionYear, i).year = first_year + (gint) i;

  g_hash_table_iter_init (&iter, customers);
  while (g_hash_table_iter_next (&iter, &years, NULL))
    count_customer (years, &bounds, table);

  for (guint i = 0; i < table->len; i++)
    set_rates (&g_array_index (table, KassaRetentionYear, i));

  return g_steal_pointer (&table);
}

/* Which of the two windows a customer bought in. */
enum
{
  SOLD_BEFORE = 1 << 0,
  SOLD_LAST   = 1 << 1,
};

typedef struct
{
  gint64 customer_id;   /* the hash key: keep first */
  guint  windows;       /* SOLD_BEFORE | SOLD_LAST */
} CustomerWindows;

typedef struct
{
  GHashTable *customers;   /* of CustomerWindows */
  gint64      margin;      /* of last */
} WindowScan;

static void
mark_sale (GHashTable *customers,
           gint64      customer_id,
           guint       window)
{
  CustomerWindows *windows = g_hash_table_lookup (customers, &customer_id);

  if (windows == NULL)
    {
      windows = g_new0 (CustomerWindows, 1);
      windows->customer_id = customer_id;
      g_hash_table_add (customers, windows);
    }
  windows->windows |= window;
}

/* One pass over the sent invoices of both windows: the margin of last
 * (credit notes included) and, for sales only, who bought in which. */
static gboolean
scan_windows (KassaStore  *store,
              KassaDay     today,
              WindowScan  *scan,
              GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  KassaDay last_start = today - LAST_12_MONTHS_DAYS;
  int rc;

  stmt = kassa_store_prepare (store,
                              "SELECT customer_id, issue_date, credited_invoice_id IS NULL,"
                              "       total_net - total_cost"
                              " FROM invoices INDEXED BY invoices_issue_date"
                              " WHERE issue_date BETWEEN ?1 AND ?2 AND state <> 0",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, last_start - 1 - LAST_12_MONTHS_DAYS);
  sqlite3_bind_int (stmt, 2, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean in_last = sqlite3_column_int (stmt, 1) >= last_start;
      gboolean is_sale = sqlite3_column_int (stmt, 2) != 0;

      if (in_last)
        scan->margin += sqlite3_column_int64 (stmt, 3);
      if (is_sale)
        mark_sale (scan->customers, sqlite3_column_int64 (stmt, 0),
                   in_last ? SOLD_LAST : SOLD_BEFORE);
    }
  if (rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (store, rc, error);
  return TRUE;
}

static void
count_windows (GHashTable         *customers,
               KassaLifetimeValue *result)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, customers);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    {
      const CustomerWindows *windows = value;

      if (windows->windows & SOLD_LAST)
        result->active_customers++;
      if (windows->windows & SOLD_BEFORE)
        result->customers_before++;
      if (windows->windows == (SOLD_BEFORE | SOLD_LAST))
        result->customers_kept++;
    }
}

/**
 * kassa_lifetime_value_compute:
 * @store: the company
 * @today: the last day of the last 12 months
 * @result: (out caller-allocates): the figures
 * @error: a store error
 *
 * See the rules at the top of this file.
 *
 * Returns: FALSE when the store could not be read
 */
gboolean
kassa_lifetime_value_compute (KassaStore          *store,
                              KassaDay             today,
                              KassaLifetimeValue  *result,
                              GError             **error)
{
  g_autoptr(GHashTable) customers = NULL;
  WindowScan scan = { NULL, 0 };

  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (kassa_day_is_valid (today), FALSE);
  g_return_val_if_fail (today > 2 * (LAST_12_MONTHS_DAYS + 1), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (result, 0, sizeof *result);
  customers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  scan.customers = customers;
  if (!scan_windows (store, today, &scan, error))
    return FALSE;

  count_windows (customers, result);
  if (result->active_customers > 0)
    result->average_yearly_margin = kassa_round_div (scan.margin, result->active_customers);

  result->available = result->customers_before > 0;
  if (!result->available)
    return TRUE;

  result->retention_bp = (gint) kassa_round_div ((gint64) result->customers_kept * 10000,
                                                 result->customers_before);
  result->churn_bp = 10000 - result->retention_bp;
  result->lifetime_months = (gint) MIN (kassa_round_div (12 * 10000,
                                                         MAX (result->churn_bp, MIN_CHURN_BP)),
                                        MAX_LIFETIME_MONTHS);
  result->clv = kassa_round_div (result->average_yearly_margin * result->lifetime_months, 12);
  return TRUE;
}

/**
 * kassa_nps_score:
 *
 * Returns: 100 × (@promoters − @detractors) ÷ all responses, rounded half
 *   away from zero; 0 without responses
 */
gint
kassa_nps_score (guint promoters,
                 guint passives,
                 guint detractors)
{
  gint64 responses = (gint64) promoters + passives + detractors;

  if (responses == 0)
    return 0;
  return (gint) kassa_round_div (((gint64) promoters - detractors) * 100, responses);
}

/* Months or quarters since year 1: period arithmetic without days. */
static gint
period_index (KassaDay day,
              gboolean quarterly)
{
  int year, month;

  kassa_day_to_ymd (day, &year, &month, NULL);
  return quarterly ? year * 4 + (month - 1) / 3 : year * 12 + (month - 1);
}

static KassaDay
period_start (gint     index,
              gboolean quarterly)
{
  if (quarterly)
    return kassa_day_from_ymd (index / 4, index % 4 * 3 + 1, 1);
  return kassa_day_from_ymd (index / 12, index % 12 + 1, 1);
}

static GArray *
empty_periods (gint     first,
               gint     last,
               gboolean quarterly)
{
  GArray *periods = g_array_sized_new (FALSE, TRUE, sizeof (KassaNpsPeriod),
                                       (guint) (last - first + 1));

  g_array_set_size (periods, (guint) (last - first + 1));
  for (gint index = first; index <= last; index++)
    g_array_index (periods, KassaNpsPeriod, index - first).period_start =
      period_start (index, quarterly);
  return periods;
}

static void
count_response (KassaNpsPeriod *period,
                gint            score)
{
  period->responses++;
  if (score >= NPS_PROMOTER_MIN)
    period->promoters++;
  else if (score >= NPS_PASSIVE_MIN)
    period->passives++;
  else
    period->detractors++;
}

/**
 * kassa_nps_by_period:
 * @store: the company
 * @from: a day in the first period
 * @to: a day in the last period, not before @from
 * @quarterly: calendar quarters instead of months
 * @error: a store error
 *
 * Every response in the whole periods counts (see the top of this file).
 *
 * Returns: (transfer full) (nullable): a #GArray of #KassaNpsPeriod
 */
GArray *
kassa_nps_by_period (KassaStore  *store,
                     KassaDay     from,
                     KassaDay     to,
                     gboolean     quarterly,
                     GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GArray) periods = NULL;
  gint first, last;
  KassaDay end;
  int rc;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (kassa_day_is_valid (from) && kassa_day_is_valid (to), NULL);
  g_return_val_if_fail (from <= to, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  first = period_index (from, quarterly);
  last = period_index (to, quarterly);
  periods = empty_periods (first, last, quarterly);
  end = kassa_day_add_months (period_start (last, quarterly), quarterly ? 3 : 1);
  if (end == 0)
    end = G_MAXINT32;   /* the last period of year 9999 */

  stmt = kassa_store_prepare (store,
                              "SELECT date, score FROM nps_responses INDEXED BY nps_responses_date"
                              " WHERE date >= ?1 AND date < ?2",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, period_start (first, quarterly));
  sqlite3_bind_int (stmt, 2, end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint index = period_index (sqlite3_column_int (stmt, 0), quarterly);

      count_response (&g_array_index (periods, KassaNpsPeriod, index - first),
                      sqlite3_column_int (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      kassa_store_set_error_from_sqlite (store, rc, error);
      return NULL;
    }

  for (guint i = 0; i < periods->len; i++)
    {
      KassaNpsPeriod *period = &g_array_index (periods, KassaNpsPeriod, i);

      period->nps = kassa_nps_score (period->promoters, period->passives, period->detractors);
    }
  return g_steal_pointer (&periods);
}
