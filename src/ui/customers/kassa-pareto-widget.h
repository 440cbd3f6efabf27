/* kassa-pareto-widget.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Value view's Pareto chart (kassa-pareto-chart.h) as a widget: theme
 * colours, a hover outline with a tooltip naming the customer, their value
 * and the cumulative share, and an accessible description that sums the
 * chart up in one sentence.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KASSA_TYPE_PARETO_WIDGET (kassa_pareto_widget_get_type ())
G_DECLARE_FINAL_TYPE (KassaParetoWidget, kassa_pareto_widget, KASSA, PARETO_WIDGET, GtkWidget)

GtkWidget  *kassa_pareto_widget_new            (void);
/* Copies the bars: values sorted descending, classes (0 A, 1 B, 2 C, 3 none),
 * names; basis_label names what the values are ("revenue", "margin").
 * threshold_a_bp/threshold_b_bp draw the ABC limits. */
void        kassa_pareto_widget_set_bars       (KassaParetoWidget   *self,
                                                const gint64        *values,
                                                const guint8        *classes,
                                                const char * const  *names,
                                                guint                n,
                                                const char          *currency,
                                                const char          *basis_label,
                                                gint                 threshold_a_bp,
                                                gint                 threshold_b_bp);
/* (transfer none) the sentence given as accessible description, "" without bars. */
const char *kassa_pareto_widget_get_summary    (KassaParetoWidget   *self);
/* How many customers each drawn column sums at the last drawn width
 * (property "bars-per-column", notified after the frame). */
guint       kassa_pareto_widget_get_bars_per_column (KassaParetoWidget *self);
/* The tooltip text for the column under x (widget coordinates); NULL if none. */
char       *kassa_pareto_widget_describe_at    (KassaParetoWidget   *self,
                                                double               x,
                                                double               y);

G_END_DECLS
