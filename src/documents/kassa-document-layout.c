/* kassa-document-layout.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-documents"

#include "config.h"

#include <pango/pangocairo.h>

#include "kassa-document-layout.h"

PangoContext *
kassa_document_context_new (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Hinted metrics depend on the device scale: a line that fits on the
   * PDF page could wrap in a 4× preview.  Unhinted, sizes are exact. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);

  return context;
}

static PangoLayout *
create_layout (PangoContext         *context,
               const char           *text,
               const KassaTextStyle *style,
               double                width,
               double                max_height)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, style->monospace ? KASSA_DOCUMENT_MONO_FAMILY
                                                            : KASSA_DOCUMENT_FONT_FAMILY);
  pango_font_description_set_size (font, (int) (style->size * PANGO_SCALE));
  pango_font_description_set_weight (font, style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_alignment (layout, style->alignment);
  pango_layout_set_text (layout, text, -1);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      if (style->single_line)
        {
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (layout, 0);   /* one line */
        }
      else
        {
          /* Long words (IBANs, e-mail addresses) break anywhere. */
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          if (max_height > 0)
            {
              pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
              pango_layout_set_height (layout, (int) (max_height * PANGO_SCALE));
            }
        }
    }

  return layout;
}

double
kassa_document_text (PangoContext         *context,
                     cairo_t              *cr,
                     const char           *text,
                     const KassaTextStyle *style,
                     double                x,
                     double                y,
                     double                width)
{
  return kassa_document_text_clipped (context, cr, text, style, x, y, width, -1);
}

double
kassa_document_text_clipped (PangoContext         *context,
                             cairo_t              *cr,
                             const char           *text,
                             const KassaTextStyle *style,
                             double                x,
                             double                y,
                             double                width,
                             double                max_height)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (style != NULL, 0);

  if (text == NULL || text[0] == '\0')
    return 0;

  layout = create_layout (context, text, style, width, max_height);
  pango_layout_get_size (layout, NULL, &height);

  if (cr != NULL)
    {
      cairo_save (cr);
      kassa_document_set_color (cr, style->color);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }

  return (double) height / PANGO_SCALE;
}

double
kassa_document_text_width (PangoContext         *context,
                           const char           *text,
                           const KassaTextStyle *style)
{
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  if (text == NULL || text[0] == '\0')
    return 0;

  layout = create_layout (context, text, style, -1, -1);
  pango_layout_get_size (layout, &width, NULL);

  return (double) width / PANGO_SCALE;
}

double
kassa_document_text_fitted (PangoContext         *context,
                            cairo_t              *cr,
                            const char           *text,
                            const KassaTextStyle *style,
                            double                x,
                            double                y,
                            double                width)
{
  KassaTextStyle fitted = *style;
  double natural = kassa_document_text_width (context, text, style);

  /* Unhinted glyphs scale linearly with the size; the small margin keeps
   * the rounding of the size to Pango units from tipping it over. */
  if (width > 0 && natural > width)
    fitted.size = style->size * width / natural * 0.98;

  return kassa_document_text (context, cr, text, &fitted, x, y, width);
}

void
kassa_document_set_color (cairo_t            *cr,
                          KassaDocumentColor  color)
{
  switch (color)
    {
    case KASSA_DOCUMENT_MUTED:
      cairo_set_source_rgb (cr, 0.36, 0.38, 0.40);
      break;
    case KASSA_DOCUMENT_ACCENT:
      cairo_set_source_rgb (cr, 0.11, 0.27, 0.42);
      break;
    case KASSA_DOCUMENT_RULE:
      cairo_set_source_rgb (cr, 0.75, 0.77, 0.79);
      break;
    case KASSA_DOCUMENT_SHADE:
      cairo_set_source_rgb (cr, 0.94, 0.95, 0.96);
      break;
    case KASSA_DOCUMENT_INK:
    default:
      cairo_set_source_rgb (cr, 0.10, 0.10, 0.11);
      break;
    }
}

void
kassa_document_rule (cairo_t            *cr,
                     KassaDocumentColor  color,
                     double              x,
                     double              y,
                     double              width,
                     double              thickness)
{
  kassa_document_fill_rect (cr, color, x, y, width, thickness);
}

void
kassa_document_fill_rect (cairo_t            *cr,
                          KassaDocumentColor  color,
                          double              x,
                          double              y,
                          double              width,
                          double              height)
{
  if (cr == NULL)
    return;

  cairo_save (cr);
  kassa_document_set_color (cr, color);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}
