/* kassa-forecast-accuracy-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Forecast vs actual: the saved forecast snapshots, newest first; the
 * selected one shows, per week that has ended, the forecast and actual
 * receipts and closing balance with the error (actual − forecast) and the
 * mean absolute error.  Snapshots can be deleted (confirmed).
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_FORECAST_ACCURACY_VIEW (kassa_forecast_accuracy_view_get_type ())

G_DECLARE_FINAL_TYPE (KassaForecastAccuracyView, kassa_forecast_accuracy_view, KASSA, FORECAST_ACCURACY_VIEW, AdwBin)

GtkWidget *kassa_forecast_accuracy_view_new (KassaStore *store);

/* Mean of |errors| rounded half away from zero; 0 when n is 0. */
gint64     kassa_forecast_mean_absolute_error (const gint64 *errors,
                                               guint         n);

G_END_DECLS
