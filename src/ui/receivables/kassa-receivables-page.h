/* kassa-receivables-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Receivables page: KPIs with their trend, the aging with its
 * drill-down, the collection worklist, and the early warnings and credit
 * limits.
 */
#pragma once

#include <adwaita.h>

#include "kassa-aging-view.h"
#include "kassa-kpi-view.h"
#include "kassa-payment-behaviour.h"
#include "kassa-store.h"

G_BEGIN_DECLS

/* One early warning as lists show it. */
typedef struct
{
  gint64  customer_id;
  char   *customer_name;
  char   *text;                /* translated reason */
  double  recent_days_late;
  double  baseline_days_late;
} KassaCustomerWarning;

void       kassa_customer_warning_free (KassaCustomerWarning *warning);
/* (transfer full) (element-type KassaCustomerWarning) the customers with
 * an early warning, the largest increase first, named.  Reads store (in a
 * worker thread: a store of its own). */
GPtrArray *kassa_customer_warnings_list (KassaStore             *store,
                                         KassaDay                today,
                                         const KassaWarningRule *rule,
                                         GError                **error);

#define KASSA_TYPE_RECEIVABLES_PAGE (kassa_receivables_page_get_type ())

G_DECLARE_FINAL_TYPE (KassaReceivablesPage, kassa_receivables_page, KASSA, RECEIVABLES_PAGE, AdwBin)

/* Nothing is computed until the page is first shown. */
GtkWidget      *kassa_receivables_page_new             (KassaStore           *store);
/* "aging", "collections" or "warnings". */
void            kassa_receivables_page_show_section    (KassaReceivablesPage *self,
                                                        const char           *name);
const char     *kassa_receivables_page_get_section     (KassaReceivablesPage *self);
/* Recomputes everything now (otherwise done after store changes). */
void            kassa_receivables_page_refresh         (KassaReceivablesPage *self);

/* For tests: what the user sees. */
/* TRUE while anything is being computed or waits to be. */
gboolean        kassa_receivables_page_get_busy        (KassaReceivablesPage *self);
KassaAgingView *kassa_receivables_page_get_aging_view  (KassaReceivablesPage *self);
KassaKpiView   *kassa_receivables_page_get_kpi_view    (KassaReceivablesPage *self);
/* Rows of the Warnings section (AdwActionRows, the customer's name as
 * title). */
GtkListBox     *kassa_receivables_page_get_warning_list (KassaReceivablesPage *self);
GtkListBox     *kassa_receivables_page_get_credit_list (KassaReceivablesPage *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaCustomerWarning, kassa_customer_warning_free)

G_END_DECLS
