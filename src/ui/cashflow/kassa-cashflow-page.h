/* kassa-cashflow-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Cash flow page: the forecast (figures, charts, table) for a
 * scenario, optionally side by side with a second one, and the accounts,
 * scheduled items and forecast accuracy sections.
 */
#pragma once

#include <adwaita.h>

#include "kassa-forecast-table.h"
#include "kassa-forecast.h"
#include "kassa-store.h"

G_BEGIN_DECLS

/* What the page and the Overview show, computed in a worker thread with
 * its own store. */
typedef struct
{
  char          *currency;
  char          *name;           /* the scenario's, "Base" translated */
  gint64         scenario_id;    /* 0 = base */
  char          *compare_name;   /* NULL without a comparison */
  KassaForecast *forecast;
  KassaForecast *compare;        /* NULL without a comparison */
  GArray        *actual_days;    /* of KassaDay: days with balances entered, the last months */
  GArray        *actual_values;  /* of gint64: the total of the accounts' latest balances then */
} KassaCashflowData;

void               kassa_cashflow_data_free      (KassaCashflowData   *data);
/* scenario and compare (both nullable: NULL scenario is the base) are
 * copied; compare NULL means no comparison, use a zeroed scenario to
 * compare with the base. */
void               kassa_cashflow_compute_async  (GObject             *source_object,
                                                  KassaStore          *store,
                                                  KassaDay             today,
                                                  const KassaScenario *scenario,
                                                  const KassaScenario *compare,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
KassaCashflowData *kassa_cashflow_compute_finish (GAsyncResult        *result,
                                                  GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaCashflowData, kassa_cashflow_data_free)

#define KASSA_TYPE_CASHFLOW_PAGE (kassa_cashflow_page_get_type ())

G_DECLARE_FINAL_TYPE (KassaCashflowPage, kassa_cashflow_page, KASSA, CASHFLOW_PAGE, AdwBin)

GtkWidget          *kassa_cashflow_page_new              (KassaStore        *store);
/* "forecast", "accounts", "scheduled" or "accuracy". */
void                kassa_cashflow_page_show_section     (KassaCashflowPage *self,
                                                          const char        *name);
/* Recomputes now (otherwise on the next idle after a store change). */
void                kassa_cashflow_page_refresh          (KassaCashflowPage *self);
/* scenario_id 0 = base.  compare_id −1 = no comparison, 0 = the base. */
gboolean            kassa_cashflow_page_select_scenario  (KassaCashflowPage *self,
                                                          gint64             scenario_id);
gboolean            kassa_cashflow_page_select_compare   (KassaCashflowPage *self,
                                                          gint64             compare_id);
void                kassa_cashflow_page_set_months       (KassaCashflowPage *self,
                                                          gboolean           months);
gboolean            kassa_cashflow_page_get_busy         (KassaCashflowPage *self);
KassaForecastTable *kassa_cashflow_page_get_table        (KassaCashflowPage *self);
GtkLabel           *kassa_cashflow_page_get_lowest_label (KassaCashflowPage *self);
GtkLabel           *kassa_cashflow_page_get_cash_now_label (KassaCashflowPage *self);
/* (nullable) the data shown, NULL while none. */
const KassaCashflowData *kassa_cashflow_page_get_data    (KassaCashflowPage *self);

G_END_DECLS
