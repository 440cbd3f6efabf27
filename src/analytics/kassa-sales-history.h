/* kassa-sales-history.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What was invoiced per calendar month, this year against the year
 * before, for the Overview's revenue chart.  Gross: the totals of sent
 * and credited invoices (credit notes count negative), as the Overview's
 * "invoiced this month" figure; drafts are left out.
 */
#pragma once

#include "kassa-store.h"

G_BEGIN_DECLS

/* The largest n_months of kassa_sales_history_by_month. */
#define KASSA_SALES_HISTORY_MAX_MONTHS 12

/* recent[0 … n_months − 1]: the n_months calendar months ending with the
 * month of today (oldest first; today's month up to and including today).
 * year_before[i]: the same month a year earlier, the last one only up to
 * the same day of the month, so the partial month compares like with
 * like.  One grouped query over the issue_date index. */
gboolean kassa_sales_history_by_month (KassaStore  *store,
                                       KassaDay     today,
                                       guint        n_months,
                                       gint64      *recent,
                                       gint64      *year_before,
                                       GError     **error);

G_END_DECLS
