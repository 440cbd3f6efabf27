/* kassa-document-slip.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-documents"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-bank-barcode.h"
#include "kassa-document-layout.h"
#include "kassa-document-slip.h"
#include "kassa-epc-qr.h"

#define PAD             8.0
#define BAND_HEIGHT     17.0
#define QR_SIZE         104.0
/* Bar sizes and quiet zones follow the bank barcode module's constants
 * (kassa-bank-barcode.h), which carry the reasoning from the guide. */
#define BARCODE_MODULE  KASSA_BANK_BARCODE_MODULE_PT
#define BARCODE_HEIGHT  KASSA_BANK_BARCODE_HEIGHT_PT

static const KassaTextStyle title_style =
  { 9, TRUE, FALSE, PANGO_ALIGN_LEFT, TRUE, KASSA_DOCUMENT_ACCENT };
static const KassaTextStyle label_style =
  { 7, FALSE, FALSE, PANGO_ALIGN_LEFT, TRUE, KASSA_DOCUMENT_MUTED };
static const KassaTextStyle value_style =
  { 9, FALSE, FALSE, PANGO_ALIGN_LEFT, TRUE, KASSA_DOCUMENT_INK };
static const KassaTextStyle amount_style =
  { 11, TRUE, FALSE, PANGO_ALIGN_LEFT, TRUE, KASSA_DOCUMENT_INK };
static const KassaTextStyle digits_style =
  { 7.5, FALSE, TRUE, PANGO_ALIGN_LEFT, TRUE, KASSA_DOCUMENT_INK };

typedef struct
{
  const char           *label;
  const char           *value;
  const KassaTextStyle *style;
} Field;

typedef struct
{
  PangoContext *context;
  cairo_t      *cr;
} Canvas;

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static double
draw_field (Canvas       *canvas,
            const Field  *field,
            double        x,
            double        y,
            double        width)
{
  double height;

  if (is_blank (field->value))
    return 0;

  height = kassa_document_text (canvas->context, canvas->cr, field->label, &label_style,
                                x, y, width);
  height += 1;
  height += kassa_document_text (canvas->context, canvas->cr, field->value, field->style,
                                 x, y + height, width);
  return height;
}

/* Three fields side by side at fixed column positions; returns the height
 * of the tallest, 0 when the row is empty. */
static double
draw_field_row (Canvas       *canvas,
                const Field   fields[3],
                double        x,
                double        y,
                double        width)
{
  static const double shares[3] = { 0.36, 0.38, 0.26 };
  double height = 0;

  for (guint i = 0; i < 3; i++)
    {
      double column = width * shares[i];

      height = MAX (height, draw_field (canvas, &fields[i], x, y, column - 6));
      x += column;
    }

  return height;
}

static double
draw_barcode (Canvas                  *canvas,
              const KassaPaymentSlip  *slip,
              KassaDocumentCatalog    *catalog,
              double                   x,
              double                   y,
              double                   width,
              cairo_rectangle_t       *area)
{
  g_autofree char *line = NULL;
  const char *label;
  double module = BARCODE_MODULE;
  int modules = KASSA_BANK_BARCODE_TOTAL_MODULES;
  double height;

  /* A narrow page squeezes the bars rather than cutting them. */
  if (modules * module > width)
    module = width / modules;

  area->x = x;
  area->y = y;
  area->width = modules * module;
  area->height = BARCODE_HEIGHT;
  if (canvas->cr != NULL)
    {
      cairo_save (canvas->cr);
      cairo_set_source_rgb (canvas->cr, 0, 0, 0);
      kassa_code128c_draw (canvas->cr, slip->virtual_barcode, x, y, module, BARCODE_HEIGHT);
      cairo_restore (canvas->cr);
    }

  height = BARCODE_HEIGHT + 3;
  /* Translators: printed before the 54 digits of the Finnish bank bar code
   * ("virtuaaliviivakoodi"), which a payer can type into the bank app. */
  label = kassa_document_catalog_get (catalog, NC_("document", "Virtual bar code"));
  line = g_strdup_printf ("%s  %s", label, slip->virtual_barcode);
  height += kassa_document_text (canvas->context, canvas->cr, line, &digits_style,
                                 x, y + height, width);
  return height;
}

static double
draw_qr (Canvas                 *canvas,
         const KassaPaymentSlip *slip,
         double                  x,
         double                  y,
         cairo_rectangle_t      *area)
{
  g_autoptr(GError) error = NULL;

  area->x = x;
  area->y = y;
  area->width = QR_SIZE;
  area->height = QR_SIZE;
  if (canvas->cr != NULL)
    {
      cairo_save (canvas->cr);
      if (!kassa_epc_qr_draw (canvas->cr, slip->epc_payload, x, y, QR_SIZE, &error))
        g_warning ("Cannot draw the EPC QR code: %s", error->message);
      cairo_restore (canvas->cr);
    }

  return QR_SIZE;
}

static double
draw_fields (Canvas                 *canvas,
             const KassaPaymentSlip *slip,
             KassaDocumentCatalog   *catalog,
             double                  x,
             double                  y,
             double                  width)
{
#define T(text) kassa_document_catalog_get (catalog, text)
  const Field rows[3][3] = {
    {
      { T (NC_("document", "Recipient")), slip->recipient, &value_style },
      { T (NC_("document", "IBAN")), slip->iban, &value_style },
      { T (NC_("document", "BIC")), slip->bic, &value_style },
    },
    {
      { T (NC_("document", "Payer")), slip->payer, &value_style },
      { slip->reference_label, slip->reference, &value_style },
      { T (NC_("document", "Due date")), slip->due_date, &value_style },
    },
    {
      { T (NC_("document", "Amount due")), slip->amount, &amount_style },
      { T (NC_("document", "Bankgiro")), slip->bankgiro, &value_style },
      { T (NC_("document", "PlusGiro")), slip->plusgiro, &value_style },
    },
  };
#undef T
  double top = y;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      double height = draw_field_row (canvas, rows[i], x, y, width);

      if (height > 0)
        y += height + 6;
    }

  return y - top;
}

double
kassa_payment_slip_draw (const KassaPaymentSlip *slip,
                         KassaDocumentCatalog   *catalog,
                         PangoContext           *context,
                         cairo_t                *cr,
                         double                  x,
                         double                  y,
                         double                  width,
                         KassaPaymentSlipAreas  *areas)
{
  Canvas canvas = { context, cr };
  KassaPaymentSlipAreas unused;
  double top = y;
  double left_width = width - 2 * PAD;
  double body_top = y + BAND_HEIGHT + PAD;
  double left_bottom, right_bottom = body_top;

  g_return_val_if_fail (slip != NULL, 0);

  if (areas == NULL)
    areas = &unused;
  *areas = (KassaPaymentSlipAreas) { { 0, 0, 0, 0 }, { 0, 0, 0, 0 } };

  kassa_document_fill_rect (cr, KASSA_DOCUMENT_SHADE, x, y, width, BAND_HEIGHT);
  kassa_document_rule (cr, KASSA_DOCUMENT_ACCENT, x, y, width, 1.2);
  kassa_document_text (context, cr,
                       kassa_document_catalog_get (catalog, NC_("document", "Payment information")),
                       &title_style, x + PAD, y + 4, width - 2 * PAD);

  if (slip->epc_payload != NULL)
    {
      left_width -= QR_SIZE + PAD;
      right_bottom += draw_qr (&canvas, slip, x + width - PAD - QR_SIZE, body_top, &areas->qr);
    }

  left_bottom = body_top + draw_fields (&canvas, slip, catalog, x + PAD, body_top, left_width);
  if (slip->virtual_barcode != NULL)
    left_bottom += 2 + draw_barcode (&canvas, slip, catalog, x + PAD, left_bottom + 2,
                                     left_width, &areas->barcode);

  y = MAX (left_bottom, right_bottom) + PAD;
  kassa_document_rule (cr, KASSA_DOCUMENT_RULE, x, y - 0.6, width, 0.6);
  return y - top;
}
