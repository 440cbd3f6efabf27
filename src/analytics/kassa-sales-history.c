/* kassa-sales-history.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-sales-history"

#include "config.h"

#include <string.h>

#include "kassa-date.h"
#include "kassa-sales-history.h"
#include "kassa-store-sql.h"

/* Months since year 1: month arithmetic without day clamping. */
static gint
month_index (KassaDay day)
{
  int year, month, mday;

  kassa_day_to_ymd (day, &year, &month, &mday);
  return year * 12 + (month - 1);
}

/* The day a year before today, clamped (29 Feb → 28 Feb). */
static KassaDay
same_day_a_year_before (KassaDay today)
{
  return kassa_day_add_months (today, -12);
}

/**
 * kassa_sales_history_by_month:
 *
 * See kassa-sales-history.h.
 */
gboolean
kassa_sales_history_by_month (KassaStore  *store,
                              KassaDay     today,
                              guint        n_months,
                              gint64      *recent,
                              gint64      *year_before,
                              GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  KassaDay this_month = kassa_day_start_of_month (today);
  KassaDay first = kassa_day_add_months (this_month, -12 - ((gint) n_months - 1));
  KassaDay cut = same_day_a_year_before (today);
  gint first_month = month_index (first);
  int rc;

  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (n_months >= 1 && n_months <= KASSA_SALES_HISTORY_MAX_MONTHS, FALSE);
  g_return_val_if_fail (recent != NULL && year_before != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (recent, 0, n_months * sizeof (gint64));
  memset (year_before, 0, n_months * sizeof (gint64));

  /* Grouped by day in index order (no sort); at most two years of days
   * to bucket into months here. */
  stmt = kassa_store_prepare (store,
                              "SELECT issue_date, SUM (total)"
                              " FROM invoices INDEXED BY invoices_issue_date"
                              " WHERE issue_date BETWEEN ?1 AND ?2 AND state IN (1, 2)"
                              " GROUP BY issue_date",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, first);
  sqlite3_bind_int (stmt, 2, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KassaDay day = sqlite3_column_int (stmt, 0);
      gint64 sum = sqlite3_column_int64 (stmt, 1);
      gint offset = month_index (day) - first_month;

      if (offset < (gint) n_months)
        {
          /* The year before's last month stops at the same day. */
          if (offset < (gint) n_months - 1 || day <= cut)
            year_before[offset] += sum;
        }
      else if (offset >= 12)
        recent[offset - 12] += sum;
    }
  if (rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  return TRUE;
}
