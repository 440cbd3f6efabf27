/* kassa-store-overview.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KassaStore: the figures of the Overview page.
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include <string.h>

#include "kassa-date.h"
#include "kassa-store-private.h"

static gboolean
add_open_invoice_figures (KassaStore            *self,
                          KassaDay               today,
                          KassaOverviewFigures  *figures,
                          GError               **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  /* INDEXED BY: the open set must come from the partial index, never from
   * a scan of every invoice ever sent. */
  stmt = kassa_store_prepare (self,
                              "SELECT COALESCE (SUM (total - paid), 0),"
                              " COALESCE (SUM (CASE WHEN due_date < ?1 AND total - paid > 0"
                              "                THEN total - paid END), 0),"
                              " COUNT (CASE WHEN due_date < ?1 AND total - paid > 0 THEN 1 END),"
                              " COUNT (*)"
                              " FROM invoices INDEXED BY invoices_open"
                              " WHERE state = 1 AND paid <> total AND credited_invoice_id IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, today);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;

  figures->open_receivables += sqlite3_column_int64 (stmt, 0);
  figures->overdue_amount += sqlite3_column_int64 (stmt, 1);
  figures->overdue_count += sqlite3_column_int (stmt, 2);
  figures->open_count += sqlite3_column_int (stmt, 3);
  return TRUE;
}

/* Credit notes are few; each carries what its original still had open. */
static gboolean
add_credit_note_figures (KassaStore            *self,
                         KassaOverviewFigures  *figures,
                         GError               **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self,
                              "SELECT COALESCE (SUM (open), 0), COUNT (CASE WHEN open <> 0 THEN 1 END)"
                              " FROM (SELECT c.total - c.paid + o.total - o.paid AS open"
                              "       FROM invoices c JOIN invoices o ON o.id = c.credited_invoice_id"
                              "       WHERE c.credited_invoice_id IS NOT NULL AND c.state = 1)",
                              error);
  if (stmt == NULL || !kassa_store_step_row (self, stmt, &found, error))
    return FALSE;

  figures->open_receivables += sqlite3_column_int64 (stmt, 0);
  figures->open_count += sqlite3_column_int (stmt, 1);
  return TRUE;
}

static gboolean
sum_invoiced (KassaStore  *self,
              KassaDay     from,
              KassaDay     to,
              gint64      *sum,
              GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self,
                              "SELECT COALESCE (SUM (total), 0) FROM invoices"
                              " WHERE issue_date >= ?1 AND issue_date < ?2 AND state IN (1, 2)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, from);
  sqlite3_bind_int (stmt, 2, to);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;

  *sum = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Invoiced this month / year: the gross of every invoice and credit note
 * issued (sent) in the calendar month / year of today.  Credited originals
 * still count in the period they were issued; their credit notes are
 * negative and reduce the period they are dated in, so a sale credited in
 * the same period nets to zero. */
static gboolean
add_invoiced_figures (KassaStore            *self,
                      KassaDay               today,
                      KassaOverviewFigures  *figures,
                      GError               **error)
{
  KassaDay month = kassa_day_start_of_month (today);
  KassaDay year = kassa_day_start_of_year (today);

  return sum_invoiced (self, month, kassa_day_add_months (month, 1), &figures->invoiced_month, error) &&
         sum_invoiced (self, year, kassa_day_add_months (year, 12), &figures->invoiced_year, error);
}

void
kassa_store_get_overview (KassaStore            *self,
                          KassaDay               today,
                          KassaOverviewFigures  *figures)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KASSA_IS_STORE (self));
  g_return_if_fail (figures != NULL);

  memset (figures, 0, sizeof *figures);

  if (!add_open_invoice_figures (self, today, figures, &error) ||
      !add_credit_note_figures (self, figures, &error) ||
      !add_invoiced_figures (self, today, figures, &error))
    g_warning ("Cannot compute the overview figures: %s", error->message);
}
