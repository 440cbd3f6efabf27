/* kassa-document-layout.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-documents"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "kassa-bank-barcode.h"
#include "kassa-document-layout.h"
#include "kassa-epc-qr.h"
#include "kassa-reference.h"

/* Below NAME_MAX (255), with room for the " (2)" a batch export adds. */
#define FILENAME_MAX_BYTES 200

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

static double
widest_word (PangoContext         *context,
             const char           *text,
             const KassaTextStyle *style)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      int width;

      if (words[i][0] == '\0')
        continue;
      layout = create_layout (context, words[i], style, -1, -1);
      pango_layout_get_size (layout, &width, NULL);
      widest = MAX (widest, (double) width / PANGO_SCALE);
    }

  return widest;
}

double
kassa_document_fit_size (PangoContext         *context,
                         const char           *text,
                         const KassaTextStyle *style,
                         double                width,
                         double                min_size)
{
  double widest;

  if (text == NULL || width <= 0)
    return style->size;

  widest = widest_word (context, text, style);
  if (widest <= width)
    return style->size;

  /* Text width grows linearly with the size; a hair under so that rounding
   * in pango cannot push the word over again. */
  return MAX (min_size, style->size * width / widest * 0.98);
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

/* Letterhead */

#define LOGO_W           141.73                      /* 50 mm */
#define LOGO_H           56.69                       /* 20 mm */
#define COMPANY_W        250.0
#define DETAILS_LABEL_W  98.0
/* Free text has no length limit in the company file; these heights keep
 * the first page header within its part of the page. */
#define NAME_MAX_H       60.0
/* Two lines of the title: "Final demand before collection" and its
 * translations wrap rather than lose their end. */
#define TITLE_MAX_H      46.0
#define ADDRESS_MAX_H    100.0

#define STYLE(size, bold, align, single, color) \
  { size, bold, FALSE, PANGO_ALIGN_##align, single, KASSA_DOCUMENT_##color }

static const KassaTextStyle company_name_style   = STYLE (15, TRUE, LEFT, FALSE, INK);
static const KassaTextStyle company_bold_style   = STYLE (9, TRUE, LEFT, TRUE, INK);
static const KassaTextStyle small_style          = STYLE (8, FALSE, LEFT, TRUE, MUTED);
static const KassaTextStyle small_wrap_style     = STYLE (8, FALSE, LEFT, FALSE, MUTED);
static const KassaTextStyle title_style          = STYLE (18, TRUE, LEFT, FALSE, ACCENT);
static const KassaTextStyle label_style          = STYLE (8, FALSE, LEFT, TRUE, MUTED);
static const KassaTextStyle value_style          = STYLE (8.5, FALSE, LEFT, FALSE, INK);
static const KassaTextStyle recipient_name_style = STYLE (10.5, TRUE, LEFT, FALSE, INK);
static const KassaTextStyle recipient_style      = STYLE (10, FALSE, LEFT, FALSE, INK);
static const KassaTextStyle continued_style      = STYLE (9, TRUE, RIGHT, TRUE, ACCENT);
static const KassaTextStyle footer_style         = STYLE (7, FALSE, LEFT, TRUE, MUTED);
static const KassaTextStyle footer_page_style    = STYLE (7, FALSE, RIGHT, TRUE, MUTED);

#undef STYLE

#define T(msgid) kassa_document_catalog_get (letterhead->catalog, (msgid))

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

#define END_OF_PARTS ((const char *) -1)

/* Joins the parts that are not empty; the list ends with END_OF_PARTS
 * because a part may be NULL. */
static char *
join_present (const char *separator,
              ...)
{
  GString *out = g_string_new (NULL);
  const char *part;
  va_list ap;

  va_start (ap, separator);
  while ((part = va_arg (ap, const char *)) != END_OF_PARTS)
    {
      if (is_blank (part))
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, part);
    }
  va_end (ap);

  return g_string_free (out, FALSE);
}

static char *
labelled (const char *label,
          const char *value)
{
  return is_blank (value) ? NULL : g_strconcat (label, " ", value, NULL);
}

static double
draw_logo_or_name (const KassaLetterhead *letterhead,
                   cairo_t               *cr,
                   double                 y)
{
  double width, height, scale;

  if (letterhead->logo == NULL)
    return kassa_document_text_clipped (letterhead->context, cr, letterhead->company->name,
                                        &company_name_style, KASSA_DOCUMENT_MARGIN_X, y,
                                        COMPANY_W, NAME_MAX_H);

  width = cairo_image_surface_get_width (letterhead->logo);
  height = cairo_image_surface_get_height (letterhead->logo);
  scale = MIN (LOGO_W / width, LOGO_H / height);

  if (cr != NULL)
    {
      cairo_save (cr);
      cairo_translate (cr, KASSA_DOCUMENT_MARGIN_X, y);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, letterhead->logo, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  return height * scale;
}

static double
draw_company (const KassaLetterhead *letterhead,
              cairo_t               *cr,
              double                 y)
{
  const KassaCompany *company = letterhead->company;
  PangoContext *context = letterhead->context;
  g_autofree char *business_id = labelled (T (NC_("document", "Business ID")),
                                           company->business_id);
  g_autofree char *vat_id = labelled (T (NC_("document", "VAT ID")), company->vat_id);
  g_autofree char *ids = join_present ("   ", business_id, vat_id, END_OF_PARTS);
  g_autofree char *contact = join_present ("   ", company->phone, company->email, END_OF_PARTS);
  double x = KASSA_DOCUMENT_MARGIN_X;
  double top = y;

  y += draw_logo_or_name (letterhead, cr, y) + 6;
  if (letterhead->logo != NULL)
    y += kassa_document_text (context, cr, company->name, &company_bold_style, x, y, COMPANY_W) + 1;

  y += kassa_document_text_clipped (context, cr, company->address, &small_wrap_style, x, y,
                                    COMPANY_W, ADDRESS_MAX_H);
  y += kassa_document_text (context, cr, ids, &small_style, x, y, COMPANY_W);
  y += kassa_document_text (context, cr, contact, &small_style, x, y, COMPANY_W);

  return y - top;
}

static double
draw_detail (const KassaLetterhead     *letterhead,
             cairo_t                   *cr,
             const KassaDocumentDetail *detail,
             double                     y)
{
  double label_x = KASSA_DOCUMENT_DETAILS_X;
  double value_x = label_x + DETAILS_LABEL_W;
  double value_w = KASSA_DOCUMENT_DETAILS_W - DETAILS_LABEL_W;
  double label_h, value_h;

  if (is_blank (detail->value))
    return 0;

  label_h = kassa_document_text (letterhead->context, cr, detail->label, &label_style,
                                 label_x, y + 0.5, DETAILS_LABEL_W - 6);
  value_h = kassa_document_text (letterhead->context, cr, detail->value, &value_style,
                                 value_x, y, value_w);
  return MAX (label_h, value_h) + 2;
}

static double
draw_details (const KassaLetterhead     *letterhead,
              cairo_t                   *cr,
              const char                *title,
              const KassaDocumentDetail *details,
              guint                      n_details,
              double                     y)
{
  g_autofree char *upper = g_utf8_strup (title, -1);
  KassaTextStyle style = title_style;
  double top = y;

  style.size = kassa_document_fit_size (letterhead->context, upper, &title_style,
                                        KASSA_DOCUMENT_DETAILS_W, title_style.size * 0.6);
  y += kassa_document_text_clipped (letterhead->context, cr, upper, &style,
                                    KASSA_DOCUMENT_DETAILS_X, y - 3, KASSA_DOCUMENT_DETAILS_W,
                                    TITLE_MAX_H) + 6;
  for (guint i = 0; i < n_details; i++)
    y += draw_detail (letterhead, cr, &details[i], y);

  return y - top;
}

static double
draw_recipient (const KassaLetterhead *letterhead,
                cairo_t               *cr,
                double                 y)
{
  const KassaCustomerRecord *customer = letterhead->customer;
  PangoContext *context = letterhead->context;
  double x = KASSA_DOCUMENT_RECIPIENT_X;
  double width = KASSA_DOCUMENT_RECIPIENT_W;
  double top = y;

  y += kassa_document_text_clipped (context, cr, customer->name, &recipient_name_style, x, y,
                                    width, NAME_MAX_H);
  y += kassa_document_text_clipped (context, cr, customer->contact_person, &recipient_style, x, y,
                                    width, NAME_MAX_H);
  y += kassa_document_text_clipped (context, cr, customer->address, &recipient_style, x, y,
                                    width, ADDRESS_MAX_H);

  if (customer->kind == KASSA_CUSTOMER_BUSINESS)
    {
      g_autofree char *business_id = labelled (T (NC_("document", "Business ID")),
                                               customer->business_id);
      g_autofree char *vat_id = labelled (T (NC_("document", "VAT ID")), customer->vat_id);
      g_autofree char *ids = join_present ("   ", business_id, vat_id, END_OF_PARTS);

      if (!is_blank (ids))
        y += 4 + kassa_document_text (context, cr, ids, &small_style, x, y + 4, width);
    }

  return y - top;
}

/**
 * kassa_letterhead_draw_first_header:
 * @letterhead: who writes to whom
 * @cr: (nullable): where to draw; NULL only measures
 * @title: the document kind, printed in capitals
 * @details: (array length=n_details): rows beside the title
 * @n_details: their number
 *
 * Returns: the y where the body of the first page starts
 */
double
kassa_letterhead_draw_first_header (const KassaLetterhead     *letterhead,
                                    cairo_t                   *cr,
                                    const char                *title,
                                    const KassaDocumentDetail *details,
                                    guint                      n_details)
{
  double top = KASSA_DOCUMENT_MARGIN_TOP;
  double company_bottom, details_bottom, recipient_y, recipient_bottom;

  g_return_val_if_fail (letterhead != NULL, 0);

  company_bottom = top + draw_company (letterhead, cr, top);
  details_bottom = top + draw_details (letterhead, cr, title, details, n_details, top);
  recipient_y = MAX (KASSA_DOCUMENT_RECIPIENT_Y, company_bottom + 14);
  recipient_bottom = recipient_y + draw_recipient (letterhead, cr, recipient_y);

  return MAX (recipient_bottom, details_bottom) + 26;
}

/**
 * kassa_letterhead_draw_next_header:
 * @letterhead: who writes to whom
 * @cr: (nullable): where to draw; NULL only measures
 * @title: e.g. "Invoice 1001"
 *
 * Returns: the y where the body of a following page starts
 */
double
kassa_letterhead_draw_next_header (const KassaLetterhead *letterhead,
                                   cairo_t               *cr,
                                   const char            *title)
{
  double x = KASSA_DOCUMENT_MARGIN_X;
  double y = KASSA_DOCUMENT_MARGIN_TOP;
  double half = KASSA_DOCUMENT_CONTENT_WIDTH / 2;
  double height;

  g_return_val_if_fail (letterhead != NULL, 0);

  height = kassa_document_text (letterhead->context, cr, letterhead->company->name,
                                &company_bold_style, x, y, half);
  height = MAX (height, kassa_document_text (letterhead->context, cr, title, &continued_style,
                                             x + half, y, half));
  kassa_document_rule (cr, KASSA_DOCUMENT_RULE, x, y + height + 6, KASSA_DOCUMENT_CONTENT_WIDTH,
                       0.6);

  return y + height + 22;
}

char *
kassa_letterhead_format_iban (const KassaLetterhead *letterhead)
{
  const char *iban;

  g_return_val_if_fail (letterhead != NULL, NULL);

  iban = letterhead->company->iban;
  return is_blank (iban) ? NULL : kassa_iban_format (iban);
}

void
kassa_letterhead_draw_footer (const KassaLetterhead *letterhead,
                              cairo_t               *cr,
                              int                    page,
                              int                    n_pages)
{
  const KassaCompany *company;
  g_autofree char *business_id = NULL;
  g_autofree char *iban = NULL;
  g_autofree char *iban_text = NULL;
  g_autofree char *left = NULL;
  g_autofree char *page_text = NULL;
  g_autofree char *number = g_strdup_printf ("%d", page + 1);
  g_autofree char *count = g_strdup_printf ("%d", n_pages);
  double x = KASSA_DOCUMENT_MARGIN_X;
  double width = KASSA_DOCUMENT_CONTENT_WIDTH;
  double y = KASSA_DOCUMENT_FOOTER_RULE_Y + 6;

  g_return_if_fail (letterhead != NULL);

  company = letterhead->company;
  business_id = labelled (T (NC_("document", "Business ID")), company->business_id);
  iban = kassa_letterhead_format_iban (letterhead);
  iban_text = labelled (T (NC_("document", "IBAN")), iban);
  left = join_present ("  ·  ", company->name, business_id, iban_text, END_OF_PARTS);
  /* Translators: page number in the footer of a document: "Page 1 / 2". */
  page_text = kassa_document_catalog_format (letterhead->catalog, NC_("document", "Page %d / %d"),
                                             number, count, NULL);

  kassa_document_rule (cr, KASSA_DOCUMENT_RULE, x, KASSA_DOCUMENT_FOOTER_RULE_Y, width, 0.5);
  kassa_document_text (letterhead->context, cr, left, &footer_style, x, y, width - 90);
  kassa_document_text (letterhead->context, cr, page_text, &footer_page_style,
                       x + width - 80, y, 80);
}

#undef T

typedef struct
{
  GBytes *data;
  gsize   offset;
} PngReader;

static cairo_status_t
read_png_bytes (void          *closure,
                unsigned char *buffer,
                unsigned int   length)
{
  PngReader *reader = closure;
  gsize size;
  const guint8 *data = g_bytes_get_data (reader->data, &size);

  if (size - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (buffer, data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
kassa_document_load_logo (GBytes *png)
{
  PngReader reader = { png, 0 };
  cairo_surface_t *surface;

  if (png == NULL)
    return NULL;

  surface = cairo_image_surface_create_from_png_stream (read_png_bytes, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS ||
      cairo_image_surface_get_width (surface) <= 0 ||
      cairo_image_surface_get_height (surface) <= 0)
    {
      g_warning ("The company logo cannot be read: %s",
                 cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  return surface;
}

/* Payment references and codes */

gboolean
kassa_document_company_is_swedish (const KassaCompany *company)
{
  g_return_val_if_fail (company != NULL, FALSE);

  return g_ascii_strcasecmp (company->country, "SE") == 0;
}

char *
kassa_document_rf_reference (const KassaCompany *company,
                             const char         *reference)
{
  g_return_val_if_fail (company != NULL, NULL);

  if (kassa_document_company_is_swedish (company) || is_blank (reference) ||
      !kassa_reference_fi_is_valid (reference))
    return NULL;

  return kassa_reference_rf_from_fi (reference);
}

char *
kassa_document_print_reference (const KassaCompany    *company,
                                KassaDocumentCatalog  *catalog,
                                const char            *reference,
                                const char           **label)
{
  g_autofree char *rf = NULL;

  g_return_val_if_fail (company != NULL, NULL);
  g_return_val_if_fail (catalog != NULL, NULL);

  if (kassa_document_company_is_swedish (company))
    {
      if (label != NULL)
        *label = kassa_document_catalog_get (catalog, NC_("document", "OCR number"));
      return g_strdup (reference);
    }

  if (label != NULL)
    *label = kassa_document_catalog_get (catalog, NC_("document", "Reference"));

  rf = kassa_document_rf_reference (company, reference);
  if (rf != NULL && company->reference_style == KASSA_REFERENCE_STYLE_RF)
    return kassa_reference_rf_format (rf);
  if (!is_blank (reference) && kassa_reference_fi_is_valid (reference))
    return kassa_reference_fi_format (reference);

  return g_strdup (reference);
}

static gboolean
can_carry_bank_barcode (const KassaPaymentRequest *request)
{
  const KassaCompany *company = request->company;
  g_autofree char *iban = NULL;

  if (kassa_document_company_is_swedish (company) || g_strcmp0 (request->currency, "EUR") != 0 ||
      is_blank (company->iban))
    return FALSE;

  iban = kassa_iban_normalize (company->iban);
  return iban != NULL && g_str_has_prefix (iban, "FI") &&
         request->amount > 0 && request->amount <= G_GINT64_CONSTANT (99999999);
}

char *
kassa_document_bank_barcode (const KassaPaymentRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rf = NULL;
  const char *reference;
  char *digits;

  g_return_val_if_fail (request != NULL && request->company != NULL, NULL);

  if (!can_carry_bank_barcode (request))
    return NULL;

  /* Version 5 carries the RF form, version 4 the national one. */
  reference = request->reference;
  if (request->company->reference_style == KASSA_REFERENCE_STYLE_RF)
    {
      rf = kassa_document_rf_reference (request->company, request->reference);
      reference = rf;
    }

  /* No Finnish reference to build the RF form on (an OCR number from when
   * the company was Swedish, or none at all): no barcode. */
  if (is_blank (reference))
    {
      g_debug ("Invoice %" G_GINT64_FORMAT " gets no bank barcode: no Finnish reference",
               request->number);
      return NULL;
    }

  digits = kassa_bank_barcode_digits (request->company->iban, request->amount, reference,
                                      request->due_date, &error);
  if (digits == NULL)
    g_debug ("Invoice %" G_GINT64_FORMAT " gets no bank barcode: %s",
             request->number, error->message);

  return digits;
}

char *
kassa_document_epc_payload (const KassaPaymentRequest *request)
{
  const KassaCompany *company;
  g_autoptr(GError) error = NULL;
  g_autofree char *rf = NULL;
  g_autofree char *iban = NULL;
  KassaEpcPayment payment = { 0 };
  char *payload;

  g_return_val_if_fail (request != NULL && request->company != NULL, NULL);

  company = request->company;
  if (g_strcmp0 (request->currency, "EUR") != 0 || is_blank (company->iban) || request->amount <= 0)
    return NULL;

  rf = kassa_document_rf_reference (company, request->reference);
  iban = kassa_iban_normalize (company->iban);
  payment.bic = is_blank (company->bic) ? NULL : company->bic;
  payment.name = company->name;
  payment.iban = iban;
  payment.amount_cents = request->amount;
  payment.reference = rf;
  /* Without an RF reference (a Swedish OCR number) the bank shows the
   * payee a message instead. */
  payment.text = rf == NULL ? request->message : NULL;
  payment.due_date = request->due_date;

  payload = kassa_epc_qr_payload (&payment, &error);
  if (payload == NULL)
    g_debug ("Invoice %" G_GINT64_FORMAT " gets no EPC QR code: %s",
             request->number, error->message);

  return payload;
}

/* Files */

typedef struct
{
  FILE *file;
  int   errsv;
} PdfWriter;

static cairo_status_t
write_pdf_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  PdfWriter *writer = closure;

  if (fwrite (data, 1, length, writer->file) != length)
    {
      writer->errsv = errno;
      return CAIRO_STATUS_WRITE_ERROR;
    }

  return CAIRO_STATUS_SUCCESS;
}

typedef struct
{
  const char            *title;
  const char            *author;
  int                    n_pages;
  KassaDocumentDrawFunc  draw;
  gpointer               document;
} PdfContent;

static cairo_status_t
render_pdf (const PdfContent *content,
            PdfWriter        *writer)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (write_pdf_bytes, writer,
                                                  KASSA_DOCUMENT_PAGE_WIDTH,
                                                  KASSA_DOCUMENT_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, content->title);
  if (content->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, content->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kassa");
  cr = cairo_create (surface);

  for (int page = 0; page < content->n_pages; page++)
    {
      content->draw (content->document, cr, page);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_WRITE,
               /* Translators: %s is a file name, then the reason from the system. */
               _("The PDF file “%s” could not be saved: %s. Choose another folder or file name."),
               display, reason);
  return FALSE;
}

gboolean
kassa_document_write_pdf (const char             *path,
                          const char             *title,
                          const char             *author,
                          int                     n_pages,
                          KassaDocumentDrawFunc   draw,
                          gpointer                document,
                          GError                **error)
{
  PdfContent content = { title, author, n_pages, draw, document };
  g_autofree char *dir = NULL;
  g_autofree char *temp_path = NULL;
  PdfWriter writer = { NULL, 0 };
  cairo_status_t status;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (title != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);

  dir = g_path_get_dirname (path);
  /* Not named after the target: a target name near the file system's
   * limit would make a longer temporary name fail. */
  temp_path = g_strdup_printf ("%s%c.kassa-pdf-XXXXXX", dir, G_DIR_SEPARATOR);

  fd = g_mkstemp_full (temp_path, O_WRONLY, 0644);
  if (fd < 0)
    return set_write_error (error, path, g_strerror (errno));

  writer.file = fdopen (fd, "wb");
  if (writer.file == NULL)
    {
      int errsv = errno;

      close (fd);
      g_unlink (temp_path);
      return set_write_error (error, path, g_strerror (errsv));
    }

  status = render_pdf (&content, &writer);
  /* On disk before the rename, so that a crash cannot replace an older
   * PDF with an empty file. */
  if ((fflush (writer.file) != 0 || fsync (fileno (writer.file)) != 0) && writer.errsv == 0)
    writer.errsv = errno;
  if (fclose (writer.file) != 0 && writer.errsv == 0)
    writer.errsv = errno;

  if (status != CAIRO_STATUS_SUCCESS || writer.errsv != 0)
    {
      g_unlink (temp_path);
      return set_write_error (error, path, writer.errsv != 0 ? g_strerror (writer.errsv)
                                                            : cairo_status_to_string (status));
    }

  if (g_rename (temp_path, path) != 0)
    {
      int errsv = errno;

      g_unlink (temp_path);
      return set_write_error (error, path, g_strerror (errsv));
    }

  return TRUE;
}

char *
kassa_document_filename (const char *prefix,
                         const char *name)
{
  g_autofree char *cut = g_strdup (name != NULL ? name : "");
  gsize room;
  char *filename;

  g_return_val_if_fail (prefix != NULL, NULL);

  /* File names have a limit (255 bytes on most file systems), customer
   * names do not: cut the name at a character boundary. */
  room = FILENAME_MAX_BYTES - MIN (strlen (prefix) + strlen (".pdf"), FILENAME_MAX_BYTES);
  if (strlen (cut) > room)
    *g_utf8_find_prev_char (cut, cut + room + 1) = '\0';

  filename = g_strconcat (prefix, cut, ".pdf", NULL);

  /* Customer names may hold anything; a file name may not. */
  for (char *p = filename; *p != '\0'; p++)
    {
      if (*p == '/' || *p == '\\' || *p == ':' || (guchar) *p < 0x20)
        *p = '-';
    }

  return filename;
}
