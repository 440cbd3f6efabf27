/* kassa-document-layout.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text and rules for documents drawn with cairo and pango.  Every function
 * both measures and draws: with a NULL cairo_t it only returns the size, so
 * that pagination and drawing share one piece of code and cannot disagree.
 * Sizes are in points; every text gets a width and either wraps or is
 * ellipsized, so nothing runs off the page.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* Family list: DejaVu Sans for Latin text, Noto Sans CJK SC for Chinese. */
#define KASSA_DOCUMENT_FONT_FAMILY "DejaVu Sans, Noto Sans CJK SC"
#define KASSA_DOCUMENT_MONO_FAMILY "DejaVu Sans Mono, Noto Sans Mono CJK SC"

typedef enum
{
  KASSA_DOCUMENT_INK,      /* body text */
  KASSA_DOCUMENT_MUTED,    /* labels, small print */
  KASSA_DOCUMENT_ACCENT,   /* title, table header rule */
  KASSA_DOCUMENT_RULE,     /* thin separators */
  KASSA_DOCUMENT_SHADE,    /* background of the table header and slip */
} KassaDocumentColor;

typedef struct
{
  double             size;          /* points */
  gboolean           bold;
  gboolean           monospace;
  PangoAlignment     alignment;
  gboolean           single_line;   /* ellipsize at the end instead of wrapping */
  KassaDocumentColor color;
} KassaTextStyle;

/* A context measuring in points with unhinted metrics, so that the same
 * text has the same size on a PDF page, a preview and a printer. */
PangoContext *kassa_document_context_new   (void);

/* Lays text out in width at (x, y), drawing it when cr is not NULL.
 * Returns the height used (0 for NULL or empty text). */
double        kassa_document_text          (PangoContext         *context,
                                            cairo_t              *cr,
                                            const char           *text,
                                            const KassaTextStyle *style,
                                            double                x,
                                            double                y,
                                            double                width);
/* Like kassa_document_text(), but a text taller than max_height is cut
 * there with an ellipsis: free text (addresses, notes) of any length must
 * not push the page content past its bottom. */
double        kassa_document_text_clipped  (PangoContext         *context,
                                            cairo_t              *cr,
                                            const char           *text,
                                            const KassaTextStyle *style,
                                            double                x,
                                            double                y,
                                            double                width,
                                            double                max_height);
/* Like kassa_document_text() for a single-line style, but a text wider
 * than width is set in a smaller size instead of being ellipsized: an
 * amount must never be printed cut. */
double        kassa_document_text_fitted   (PangoContext         *context,
                                            cairo_t              *cr,
                                            const char           *text,
                                            const KassaTextStyle *style,
                                            double                x,
                                            double                y,
                                            double                width);
/* The natural width of text on one line, for columns sized to content. */
double        kassa_document_text_width    (PangoContext         *context,
                                            const char           *text,
                                            const KassaTextStyle *style);

void          kassa_document_set_color     (cairo_t              *cr,
                                            KassaDocumentColor    color);
/* A horizontal line of the given thickness; nothing when cr is NULL. */
void          kassa_document_rule          (cairo_t              *cr,
                                            KassaDocumentColor    color,
                                            double                x,
                                            double                y,
                                            double                width,
                                            double                thickness);
void          kassa_document_fill_rect     (cairo_t              *cr,
                                            KassaDocumentColor    color,
                                            double                x,
                                            double                y,
                                            double                width,
                                            double                height);

G_END_DECLS
