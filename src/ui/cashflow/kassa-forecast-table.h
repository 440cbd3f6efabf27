/* kassa-forecast-table.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The forecast as a table: a column per period (13 weeks or 12 months),
 * a row per figure, and a second block of rows for a scenario shown side
 * by side with the main one.  Balances under the minimum buffer and the
 * period with the lowest balance in 13 weeks are marked.
 */
#pragma once

#include <adwaita.h>

#include "kassa-forecast.h"

G_BEGIN_DECLS

typedef enum
{
  KASSA_FORECAST_ROW_OPENING,
  KASSA_FORECAST_ROW_RECEIPTS_INVOICES,
  KASSA_FORECAST_ROW_RECEIPTS_SALES,
  KASSA_FORECAST_ROW_SCHEDULED_IN,
  KASSA_FORECAST_ROW_SCHEDULED_OUT,
  KASSA_FORECAST_ROW_CLOSING,
  KASSA_FORECAST_ROW_LOWEST,           /* the lowest daily balance within the period */
  KASSA_FORECAST_N_ROWS,
} KassaForecastRow;

#define KASSA_TYPE_FORECAST_TABLE (kassa_forecast_table_get_type ())

G_DECLARE_FINAL_TYPE (KassaForecastTable, kassa_forecast_table, KASSA, FORECAST_TABLE, AdwBin)

GtkWidget *kassa_forecast_table_new       (void);
/* Shows forecast (named name) and, when compare is not NULL, compare
 * (named compare_name) below it, by week or by month. */
void       kassa_forecast_table_set       (KassaForecastTable  *self,
                                           const char          *currency,
                                           const KassaForecast *forecast,
                                           const char          *name,
                                           const KassaForecast *compare,
                                           const char          *compare_name,
                                           gboolean             months);
void       kassa_forecast_table_clear     (KassaForecastTable  *self);
guint      kassa_forecast_table_get_n_periods (KassaForecastTable *self);
/* (transfer none) (nullable) the cell of block 0 (the forecast) or 1 (the
 * comparison), row, period. */
GtkLabel  *kassa_forecast_table_get_cell  (KassaForecastTable  *self,
                                           guint                block,
                                           KassaForecastRow     row,
                                           guint                period);

G_END_DECLS
