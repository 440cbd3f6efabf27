/* kassa-kpi-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The receivables KPIs as cards: today's value and a sparkline of the
 * last months, with the definition as a tooltip.
 */
#pragma once

#include <adwaita.h>

#include "kassa-cash-chart.h"
#include "kassa-receivables.h"

G_BEGIN_DECLS

typedef enum
{
  KASSA_KPI_DSO,
  KASSA_KPI_BEST_POSSIBLE_DSO,
  KASSA_KPI_AVERAGE_DAYS_DELINQUENT,
  KASSA_KPI_COUNTBACK_DSO,
  KASSA_KPI_CEI,
  KASSA_KPI_OVERDUE_SHARE,
  KASSA_KPI_AVERAGE_DAYS_LATE,
  KASSA_KPI_EINVOICE_SHARE,
  KASSA_N_KPIS,
} KassaKpi;

/* The KPI window in days (the definitions shown to users say 90). */
#define KASSA_KPI_WINDOW_DAYS 90
/* Months in the trend, today included. */
#define KASSA_KPI_TREND_MONTHS 12

#define KASSA_TYPE_KPI_VIEW (kassa_kpi_view_get_type ())

G_DECLARE_FINAL_TYPE (KassaKpiView, kassa_kpi_view, KASSA, KPI_VIEW, GtkWidget)

GtkWidget  *kassa_kpi_view_new            (void);
/* trend: (nullable) (element-type KassaReceivablesKpis) the monthly
 * points, today last (kassa_receivables_kpi_trend); NULL shows "—". */
void        kassa_kpi_view_set_trend      (KassaKpiView               *self,
                                           GArray                     *trend);
/* The DSO and best possible DSO trend chart under the cards. */
KassaCashChart *kassa_kpi_view_get_dso_chart (KassaKpiView *self);
/* For tests: the value text shown on a card. */
const char *kassa_kpi_view_get_value_text (KassaKpiView               *self,
                                           KassaKpi                    kpi);

/* Translated short name of a KPI ("DSO", "Overdue Share" …). */
const char *kassa_kpi_get_title           (KassaKpi                    kpi);
/* The KPI as shown: days, or percent (0…100); NaN when undefined. */
double      kassa_kpi_get_value           (const KassaReceivablesKpis *kpis,
                                           KassaKpi                    kpi);
/* (transfer full) value with one decimal in the UI locale, without the
 * unit ("41.2", "87.5 %" for percentages), or "—" when undefined. */
char       *kassa_kpi_format_number       (KassaKpi                    kpi,
                                           double                      value);
/* (transfer full) the same with its unit ("41.2 days", "87.5 %"). */
char       *kassa_kpi_format_value        (KassaKpi                    kpi,
                                           double                      value);

G_END_DECLS
