/* kassa-pareto-chart.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A Pareto chart: one bar per item (customers by revenue or margin) in the
 * order the caller gives, largest first, on a money axis on the left, and
 * the cumulative share of the total as a curve on a 0 … 100 % axis on the
 * right (ticks every 20 %).  Optional dashed threshold rows (the ABC
 * limits) carry the caller's labels ("A 80 %").  Each bar has a class
 * index 0 … 3 (ABC, none) that picks its colour.  Drawn into any cairo_t;
 * colours, font and number formatting come from the caller.
 *
 * Negative values: a bar below zero is drawn with no height (the value
 * axis starts at zero) and the curve sums the positive values only, so it
 * climbs monotonically and ends at 100 % at the last positive bar; the
 * share of each bar is its positive part ÷ Σ positive values.  Without a
 * positive value there is no curve.
 *
 * Aggregation: the caller may pass many bars (up to 10,000 customers).
 * When there are more bars than whole pixels across the plot, adjacent
 * bars are summed into columns of kassa_pareto_chart_get_bars_per_column ()
 * bars each (the last column may hold fewer), at most one column per
 * pixel; a column takes the class (colour) of its first bar and the curve
 * a point at the right edge of each column.  The UI says so beside the
 * chart when bars_per_column > 1.  Geometry and hit testing are in
 * columns; kassa_pareto_chart_get_column_bars () maps a column back to
 * the caller's bars.
 *
 * Geometry is snapped to whole pixels like KassaColumnChart: the zero row
 * is kassa_pareto_chart_get_y (chart, 0), a bar covers the rows from
 * get_y (value) down to the row above the zero row; share s (basis points)
 * is on row kassa_pareto_chart_get_share_y (chart, s).  No bars draw the
 * axes (zero row and share labels) and nothing else.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "kassa-chart-axis.h"

G_BEGIN_DECLS

#define KASSA_PARETO_CHART_N_CLASSES 4

typedef struct _KassaParetoChart KassaParetoChart;

typedef struct
{
  guint  column;
  guint  first_bar;       /* the caller's index of the column's first bar */
  guint  n_bars;          /* bars summed in the column (1 without aggregation) */
  gint64 value;           /* Σ of the column's bar values */
  gint64 cumulative_bp;   /* share of the positive total up to and including
                           * the column's last bar; 0 without a positive total */
} KassaParetoChartHit;

KassaParetoChart *kassa_pareto_chart_new                 (void);
void              kassa_pareto_chart_free                (KassaParetoChart           *chart);

/* Copies values[0 … n − 1] (sorted descending by the caller) and their
 * classes (nullable: every bar class 0; an index ≥ 4 counts as 3). */
void              kassa_pareto_chart_set_bars            (KassaParetoChart           *chart,
                                                          const gint64               *values,
                                                          const guint8               *classes,
                                                          guint                       n);
guint             kassa_pareto_chart_get_n_bars          (KassaParetoChart           *chart);

void              kassa_pareto_chart_set_class_colour    (KassaParetoChart           *chart,
                                                          guint                       class_index,
                                                          const KassaChartColour     *colour);
void              kassa_pareto_chart_set_curve_colour    (KassaParetoChart           *chart,
                                                          const KassaChartColour     *colour);
/* axis: labels, zero row, grid, threshold rows. */
void              kassa_pareto_chart_set_axis_colour     (KassaParetoChart           *chart,
                                                          const KassaChartColour     *axis);
/* (nullable) font of every label; NULL is "Sans 9". */
void              kassa_pareto_chart_set_font            (KassaParetoChart           *chart,
                                                          const PangoFontDescription *font);
/* Left axis: money in minor units (see kassa-chart-axis.h). */
void              kassa_pareto_chart_set_value_format_func (KassaParetoChart         *chart,
                                                          KassaChartValueFormatFunc   func,
                                                          gpointer                    user_data,
                                                          GDestroyNotify              destroy);
/* Right axis: func gets the share in basis points (0, 2000, … 10000) and
 * the step 2000; without a func the label is "20 %". */
void              kassa_pareto_chart_set_share_format_func (KassaParetoChart         *chart,
                                                          KassaChartValueFormatFunc   func,
                                                          gpointer                    user_data,
                                                          GDestroyNotify              destroy);
/* The smallest value tick step in minor units (default 100: whole euros). */
void              kassa_pareto_chart_set_min_value_step  (KassaParetoChart           *chart,
                                                          gint64                      step);
/* Dashed rows at shares_bp[0 … n − 1] (0 < share < 10000), each labelled
 * with labels[i] (nullable) at the right end of the row; replaces the
 * previous ones. */
void              kassa_pareto_chart_set_thresholds      (KassaParetoChart           *chart,
                                                          const gint                 *shares_bp,
                                                          const char * const         *labels,
                                                          guint                       n);
/* The column drawn with an outline (hover); -1 for none.  A column past
 * the last one at the next layout is forgotten. */
void              kassa_pareto_chart_set_highlight       (KassaParetoChart           *chart,
                                                          int                         column);

/* Computes the geometry for width × height (cr measures the labels);
 * kassa_pareto_chart_draw does it too.  The getters describe the last
 * geometry computed. */
void              kassa_pareto_chart_layout              (KassaParetoChart           *chart,
                                                          cairo_t                    *cr,
                                                          double                      width,
                                                          double                      height);
/* Draws from the current origin of cr. */
void              kassa_pareto_chart_draw                (KassaParetoChart           *chart,
                                                          cairo_t                    *cr,
                                                          double                      width,
                                                          double                      height);

void              kassa_pareto_chart_get_plot_area       (KassaParetoChart           *chart,
                                                          cairo_rectangle_t          *area);
void              kassa_pareto_chart_get_value_ticks     (KassaParetoChart           *chart,
                                                          KassaChartValueTicks       *ticks);
double            kassa_pareto_chart_get_y               (KassaParetoChart           *chart,
                                                          gint64                      value);
double            kassa_pareto_chart_get_share_y         (KassaParetoChart           *chart,
                                                          gint64                      share_bp);
guint             kassa_pareto_chart_get_n_columns       (KassaParetoChart           *chart);
/* 1, or how many adjacent bars each column sums. */
guint             kassa_pareto_chart_get_bars_per_column (KassaParetoChart           *chart);
/* The caller's bars first … first + n − 1 of a column; FALSE out of range. */
gboolean          kassa_pareto_chart_get_column_bars     (KassaParetoChart           *chart,
                                                          guint                       column,
                                                          guint                      *first,
                                                          guint                      *n);
/* The rectangle of a column's bar as drawn; FALSE out of range or when
 * its sum is ≤ 0 (nothing drawn). */
gboolean          kassa_pareto_chart_get_column          (KassaParetoChart           *chart,
                                                          guint                       column,
                                                          cairo_rectangle_t          *rect);
/* The curve's point at the right edge of a column (pixel centres); FALSE
 * out of range or without a positive total. */
gboolean          kassa_pareto_chart_get_curve_point     (KassaParetoChart           *chart,
                                                          guint                       column,
                                                          double                     *x,
                                                          double                     *y);
/* The column whose slot holds x (any y in the plot's height); FALSE
 * outside the plot or without bars. */
gboolean          kassa_pareto_chart_hit_test            (KassaParetoChart           *chart,
                                                          double                      x,
                                                          double                      y,
                                                          KassaParetoChartHit        *hit);

/* The Pareto summary for the accessible description ("20 % of customers
 * bring 80 % of revenue"): the fewest leading bars whose positive values
 * reach threshold_bp of the positive total, as *n_bars and their share of
 * all n bars (*bars_share_bp, half away from zero), and the share they
 * actually reach (*value_share_bp, ≥ threshold_bp).  FALSE without bars or
 * a positive total.  Works on the caller's bars, never on columns. */
gboolean          kassa_pareto_summarize  (const gint64 *values,
                                          guint         n,
                                          gint          threshold_bp,
                                          guint        *n_bars,
                                          gint         *bars_share_bp,
                                          gint         *value_share_bp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaParetoChart, kassa_pareto_chart_free)

G_END_DECLS
