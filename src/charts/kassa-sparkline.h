/* kassa-sparkline.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A word-sized line chart: the shape of a short series (a KPI over the
 * last months) without axes or labels.  Drawn into any cairo_t, so the
 * same code paints on screen, into a PNG or into a PDF.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Undefined points (NaN or negative, e.g. a KPI's -1 "no sales") are not
 * drawn: the line breaks there, and a defined point with no defined
 * neighbour gets a dot of its own. */
#define KASSA_SPARKLINE_IS_DEFINED(v) ((v) >= 0.0)

/* Room kept free at each edge so the line and the end dot are not clipped. */
#define KASSA_SPARKLINE_PADDING 3.0

/* Draws values[0 … n − 1] left to right over width × height (from the
 * current origin) in the colour red, green, blue, alpha, scaled between
 * the smallest and largest defined value, with a dot on the last defined
 * point.  n = 0 draws nothing; one point is a dot in the middle; a
 * constant series is a flat line through the middle. */
void     kassa_sparkline_draw     (cairo_t      *cr,
                                   double        width,
                                   double        height,
                                   const double *values,
                                   guint         n,
                                   double        red,
                                   double        green,
                                   double        blue,
                                   double        alpha);

/* Where kassa_sparkline_draw puts point index (for hover and tests).
 * FALSE when the point is undefined or out of range. */
gboolean kassa_sparkline_point    (double        width,
                                   double        height,
                                   const double *values,
                                   guint         n,
                                   guint         index,
                                   double       *x,
                                   double       *y);

/* The index of the point nearest to x (hover), or -1 when n = 0. */
int      kassa_sparkline_index_at (double        width,
                                   guint         n,
                                   double        x);

G_END_DECLS
