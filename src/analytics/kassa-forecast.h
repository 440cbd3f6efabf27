/* kassa-forecast.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cash-flow forecast (ARCHITECTURE.md §4): daily from today over a
 * horizon, shown as 13 weeks and 12 months.  Money in minor units.
 */
#pragma once

#include "kassa-store-cashflow.h"

G_BEGIN_DECLS

/* Occurrences of a scheduled item in [from, to] (days, ascending).
 * Monthly, quarterly and yearly items keep the day of the month of their
 * start date, clamped to the month's last day (Jan 31 → Feb 28 or 29 →
 * Mar 31); a yearly item from Feb 29 falls on Feb 28 in common years. */
GArray *kassa_schedule_occurrences (const KassaScheduledItem *item,
                                    KassaDay                  from,
                                    KassaDay                  to);

/* What the forecast starts from. */
typedef struct
{
  gint64   opening_balance;   /* cash now (see kassa_forecast_opening_balance) */
  KassaDay balance_date;      /* the oldest latest-balance day among the accounts, 0 = none */
  gboolean has_balance;       /* at least one account has a balance */
} KassaForecastOpening;

/* Cash now: for each account not archived, its latest balance on or
 * before today, plus the payments received after that day (up to today)
 * and the scheduled items that fell after it (up to today) — the cash the
 * books say has moved since the user last looked at the bank. */
gboolean kassa_forecast_opening_balance (KassaStore           *store,
                                         KassaDay              today,
                                         KassaForecastOpening *opening,
                                         GError              **error);

/* One row of the forecast table: a week (13 of them, the first starting
 * today) or a calendar month (12, the first being the current month from
 * today). */
typedef struct
{
  KassaDay start;                     /* first day in the horizon */
  KassaDay end;                       /* last day, inclusive */
  gint64   opening;
  gint64   receipts_invoices;         /* open invoices at their expected dates */
  gint64   receipts_sales;            /* sales not yet invoiced, turned into cash */
  gint64   scheduled_in;
  gint64   scheduled_out;             /* > 0 */
  gint64   closing;
  gint64   lowest;                    /* lowest daily closing balance within it */
} KassaForecastPeriod;

typedef struct
{
  KassaDay  today;
  gint      horizon_days;             /* 371: 53 weeks cover 12 months too */
  gint64   *daily_closing;            /* horizon_days values: the balance at the end of today + i */
  gint64   *daily_in;                 /* all receipts of day i */
  gint64   *daily_out;                /* all outflows of day i (> 0) */
  KassaForecastOpening opening;
  GArray   *weeks;                    /* 13 KassaForecastPeriod */
  GArray   *months;                   /* 12 KassaForecastPeriod */
  gint64    disputed_excluded;        /* open amount of disputed invoices, left out */
  gint64    minimum_buffer;           /* the company setting */
  KassaDay  first_below_buffer;       /* 0 = never within the horizon */
  char     *below_buffer_cause;       /* translated, NULL when never below */
  KassaDay  lowest_day;               /* lowest balance within 13 weeks, and when */
  gint64    lowest_balance;
} KassaForecast;

/* The forecast for a scenario (NULL = base: no changes).  Sales change %
 * applies to the forecast of future sales; payment delay shifts every
 * expected receipt (open invoices and future sales) by that many days
 * (never before today); cost change % applies to scheduled outflows. */
KassaForecast *kassa_forecast_compute (KassaStore          *store,
                                       KassaDay             today,
                                       const KassaScenario *scenario,
                                       GError             **error);
void           kassa_forecast_free    (KassaForecast       *forecast);

/* Sales forecast: gross sales per calendar month from the history with
 * trend and seasonality (documented in the .c).  months[0] is the month
 * containing today.  Returns n_months values. */
gboolean kassa_sales_forecast        (KassaStore *store,
                                      KassaDay    today,
                                      guint       n_months,
                                      gint64     *months,
                                      GError    **error);
/* The same model on a series in memory, without the working-day
 * adjustment kassa_sales_forecast applies: history holds the gross sales
 * of complete months, the last one being the month before months[0],
 * whose calendar month (1 … 12) is forecast_month. */
void     kassa_sales_model_forecast  (const gint64 *history,
                                      guint         n_history,
                                      guint         forecast_month,
                                      guint         n_months,
                                      gint64       *months);

typedef struct
{
  guint  months;                      /* months forecast */
  double mean_absolute_error;         /* minor units per month */
  double mean_absolute_percentage_error; /* %, model */
  double naive_mean_absolute_error;   /* "same as last year" */
  double naive_mean_absolute_percentage_error;
} KassaSalesBacktest;

/* Each month with at least 12 months of history before it is forecast
 * from the months before it only, and compared with what was invoiced. */
gboolean kassa_sales_backtest        (KassaStore         *store,
                                      KassaDay            today,
                                      KassaSalesBacktest *result,
                                      GError            **error);

/* Forecast vs actual: for each week of a snapshot that has ended by
 * today, the forecast receipts and the actual payments received that
 * week; the error is actual − forecast. */
typedef struct
{
  KassaDay week_start;
  gint64   forecast_receipts;
  gint64   actual_receipts;
  gint64   forecast_closing;
  gint64   actual_closing;            /* from entered balances when known, else −1 sentinel G_MININT64 */
} KassaSnapshotComparison;

GArray  *kassa_snapshot_compare      (KassaStore                  *store,
                                      const KassaForecastSnapshot *snapshot,
                                      KassaDay                     today,
                                      GError                     **error);
/* A snapshot of a forecast (its 13 weeks), ready to save. */
KassaForecastSnapshot *kassa_forecast_to_snapshot (const KassaForecast *forecast,
                                                   const char          *scenario_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaForecast, kassa_forecast_free)

G_END_DECLS
