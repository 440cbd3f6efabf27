/* kassa-invoice-document-pages.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout of an invoice or credit note.  The lines are split over pages
 * with the same functions that draw them (called without a cairo_t they
 * only measure), so the page count the preview shows is the one the PDF
 * and the printer get.
 *
 * Page 1: company (logo or name, details) top left, title and invoice
 * details top right, the recipient where a window envelope shows it, then
 * the lines.  Further pages: a one-line header and the lines.  The last
 * page ends with the totals, notes and terms, and the payment information
 * at the bottom.  Every page has a footer with the page number.
 */
#define G_LOG_DOMAIN "kassa-documents"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-date.h"
#include "kassa-document-layout.h"
#include "kassa-invoice-document-private.h"
#include "kassa-money.h"

/* Geometry in points (1 mm = 2.8346 pt); the page frame is the one all
 * documents share (kassa-document-layout.h). */
#define MARGIN_X         KASSA_DOCUMENT_MARGIN_X
#define CONTENT_W        KASSA_DOCUMENT_CONTENT_WIDTH
#define BODY_BOTTOM      KASSA_DOCUMENT_BODY_BOTTOM
#define TOTALS_W         250.0
#define SECTION_GAP      18.0
#define CELL_PAD         4.0
#define ROW_PAD          3.5
/* Free text has no length limit in the company file; these heights keep
 * a line and the totals each within one page. */
#define DESCRIPTION_MAX_H 400.0
#define NOTES_MAX_H       300.0

/* Text styles */

#define STYLE(size, bold, align, single, color) \
  { size, bold, FALSE, PANGO_ALIGN_##align, single, KASSA_DOCUMENT_##color }

static const KassaTextStyle small_wrap_style    = STYLE (8, FALSE, LEFT, FALSE, MUTED);
static const KassaTextStyle value_style         = STYLE (8.5, FALSE, LEFT, FALSE, INK);
static const KassaTextStyle header_cell_style   = STYLE (7.5, TRUE, LEFT, TRUE, MUTED);
static const KassaTextStyle header_num_style    = STYLE (7.5, TRUE, RIGHT, TRUE, MUTED);
static const KassaTextStyle cell_style          = STYLE (8.5, FALSE, LEFT, FALSE, INK);
static const KassaTextStyle cell_num_style      = STYLE (8.5, FALSE, RIGHT, TRUE, INK);
static const KassaTextStyle totals_label_style  = STYLE (8.5, FALSE, LEFT, TRUE, INK);
static const KassaTextStyle totals_value_style  = STYLE (8.5, FALSE, RIGHT, TRUE, INK);
static const KassaTextStyle grand_label_style   = STYLE (10.5, TRUE, LEFT, TRUE, INK);
static const KassaTextStyle grand_value_style   = STYLE (10.5, TRUE, RIGHT, TRUE, INK);
static const KassaTextStyle vat_head_style      = STYLE (7, FALSE, RIGHT, TRUE, MUTED);
static const KassaTextStyle vat_cell_style      = STYLE (7.5, FALSE, RIGHT, TRUE, MUTED);
static const KassaTextStyle vat_head_left_style = STYLE (7, FALSE, LEFT, TRUE, MUTED);
static const KassaTextStyle vat_cell_left_style = STYLE (7.5, FALSE, LEFT, TRUE, MUTED);
static const KassaTextStyle heading_style       = STYLE (8, TRUE, LEFT, TRUE, INK);

#undef STYLE

/* The lines table: the description takes what the fixed columns leave. */
typedef enum
{
  COLUMN_DESCRIPTION,
  COLUMN_QUANTITY,
  COLUMN_UNIT_PRICE,
  COLUMN_DISCOUNT,
  COLUMN_VAT,
  COLUMN_NET,
  N_COLUMNS
} Column;

static const double column_widths[N_COLUMNS] = { 0, 54, 72, 50, 44, 80 };

static double
column_width (Column column)
{
  double fixed = 0;

  if (column != COLUMN_DESCRIPTION)
    return column_widths[column];

  for (Column c = 1; c < N_COLUMNS; c++)
    fixed += column_widths[c];

  return CONTENT_W - fixed;
}

static double
column_x (Column column)
{
  double x = MARGIN_X;

  for (Column c = 0; c < column; c++)
    x += column_width (c);

  return x;
}

/* Small helpers */

/* "Invoice" or "Credit note" in the document language. */
const char *
kassa_invoice_document_get_kind (KassaInvoiceDocument *self)
{
  if (kassa_invoice_document_is_credit_note (self))
    return T (NC_("document", "Credit note"));

  return T (NC_("document", "Invoice"));
}

static char *
format_money (KassaInvoiceDocument *self,
              gint64                amount)
{
  return kassa_money_format (amount, self->invoice->currency, self->locale);
}

/* Who writes to whom: the shared letterhead reads the same records. */
static KassaLetterhead
letterhead (KassaInvoiceDocument *self)
{
  return (KassaLetterhead) { self->context, self->catalog, self->company, self->customer,
                             self->logo };
}

static double
text (KassaInvoiceDocument *self,
      cairo_t              *cr,
      const char           *str,
      const KassaTextStyle *style,
      double                x,
      double                y,
      double                width)
{
  return kassa_document_text (self->context, cr, str, style, x, y, width);
}

static double
clipped_text (KassaInvoiceDocument *self,
              cairo_t              *cr,
              const char           *str,
              const KassaTextStyle *style,
              double                x,
              double                y,
              double                width,
              double                max_height)
{
  return kassa_document_text_clipped (self->context, cr, str, style, x, y, width, max_height);
}

static double
amount_text (KassaInvoiceDocument *self,
             cairo_t              *cr,
             const char           *str,
             const KassaTextStyle *style,
             double                x,
             double                y,
             double                width)
{
  return kassa_document_text_fitted (self->context, cr, str, style, x, y, width);
}

/* First page header */

static const char *
delivery_label (KassaInvoiceDocument *self)
{
  switch (self->invoice->delivery)
    {
    case KASSA_DELIVERY_EINVOICE:
      return T (NC_("document", "E-invoice"));
    case KASSA_DELIVERY_PAPER:
      return T (NC_("document", "Paper"));
    case KASSA_DELIVERY_EMAIL:
    default:
      return T (NC_("document", "Email"));
    }
}

static char *
payment_terms (KassaInvoiceDocument *self)
{
  gint64 days = (gint64) self->invoice->due_date - self->invoice->issue_date;
  g_autofree char *number = kassa_format_int64 (days);

  if (days == 0)
    return g_strdup (T (NC_("document", "Due on receipt")));
  if (days == 1)
    return g_strdup (T (NC_("document", "1 day net")));

  /* Translators: payment terms on an invoice, %d is a number of days
   * (always 2 or more). */
  return kassa_document_catalog_format (self->catalog, NC_("document", "%d days net"), number, NULL);
}

/* Returns where the body starts. */
static double
draw_first_header (KassaInvoiceDocument *self,
                   cairo_t              *cr)
{
  KassaLetterhead head = letterhead (self);
  gboolean credit = kassa_invoice_document_is_credit_note (self);
  char *values[] = {
    kassa_format_int64 (self->invoice->number),
    kassa_day_format (self->invoice->issue_date, self->locale),
    credit ? NULL : kassa_day_format (self->invoice->due_date, self->locale),
    credit ? NULL : payment_terms (self),
    credit ? NULL : g_strdup (self->reference),
    g_strdup (self->customer->number),
    g_strdup (delivery_label (self)),
    credit ? kassa_format_int64 (self->credited_number) : NULL,
  };
  const KassaDocumentDetail details[G_N_ELEMENTS (values)] = {
    { credit ? T (NC_("document", "Credit note number")) : T (NC_("document", "Invoice number")),
      values[0] },
    { T (NC_("document", "Invoice date")), values[1] },
    { T (NC_("document", "Due date")), values[2] },
    { T (NC_("document", "Payment terms")), values[3] },
    { self->reference_label, values[4] },
    { T (NC_("document", "Customer number")), values[5] },
    { T (NC_("document", "Delivery")), values[6] },
    { T (NC_("document", "Credits invoice")), values[7] },
  };
  double body;

  body = kassa_letterhead_draw_first_header (&head, cr, kassa_invoice_document_get_kind (self),
                                             details, G_N_ELEMENTS (details));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_free (values[i]);

  return body;
}

static double
draw_next_header (KassaInvoiceDocument *self,
                  cairo_t              *cr)
{
  KassaLetterhead head = letterhead (self);
  g_autofree char *number = kassa_format_int64 (self->invoice->number);
  g_autofree char *title = g_strconcat (kassa_invoice_document_get_kind (self), " ", number, NULL);

  return kassa_letterhead_draw_next_header (&head, cr, title);
}

/* Lines table */

static double
draw_table_header (KassaInvoiceDocument *self,
                   cairo_t              *cr,
                   double                y)
{
  const char *labels[N_COLUMNS] = {
    T (NC_("document", "Description")),
    T (NC_("document", "Quantity")),
    T (NC_("document", "Unit price")),
    T (NC_("document", "Discount")),
    T (NC_("document", "VAT")),
    T (NC_("document", "Amount")),
  };
  double height = 0;

  for (Column c = 0; c < N_COLUMNS; c++)
    height = MAX (height, text (self, NULL, labels[c], &header_cell_style, 0, 0, column_width (c)));
  height += 2 * ROW_PAD;

  kassa_document_fill_rect (cr, KASSA_DOCUMENT_SHADE, MARGIN_X, y, CONTENT_W, height);
  for (Column c = 0; c < N_COLUMNS; c++)
    text (self, cr, labels[c], c == COLUMN_DESCRIPTION ? &header_cell_style : &header_num_style,
          column_x (c) + CELL_PAD, y + ROW_PAD, column_width (c) - 2 * CELL_PAD);
  kassa_document_rule (cr, KASSA_DOCUMENT_ACCENT, MARGIN_X, y + height - 0.8, CONTENT_W, 0.8);

  return height + 2;
}

static double
draw_line_row (KassaInvoiceDocument   *self,
               cairo_t                *cr,
               const KassaInvoiceLine *line,
               double                  y)
{
  const char *currency = self->invoice->currency;
  g_autofree char *quantity = kassa_quantity_format (line->quantity, self->locale);
  g_autofree char *unit_price = kassa_money_format_plain (line->unit_price, currency, self->locale);
  g_autofree char *discount = line->discount != 0 ? kassa_percent_format (line->discount, self->locale)
                                                  : NULL;
  g_autofree char *vat = kassa_percent_format (line->vat_rate, self->locale);
  g_autofree char *net = kassa_money_format_plain (kassa_invoice_line_get_net (line), currency,
                                                   self->locale);
  const char *cells[N_COLUMNS] = { line->description, quantity, unit_price, discount, vat, net };
  double height = 0;

  for (Column c = 0; c < N_COLUMNS; c++)
    {
      double x = column_x (c) + CELL_PAD;
      double width = column_width (c) - 2 * CELL_PAD;
      double h;

      if (c == COLUMN_DESCRIPTION)
        h = clipped_text (self, cr, cells[c], &cell_style, x, y + ROW_PAD, width, DESCRIPTION_MAX_H);
      else
        h = amount_text (self, cr, cells[c], &cell_num_style, x, y + ROW_PAD, width);

      height = MAX (height, h);
    }

  /* An empty description still takes a line. */
  height = MAX (height, text (self, NULL, "0", &cell_style, 0, 0, -1));
  height += 2 * ROW_PAD;
  kassa_document_rule (cr, KASSA_DOCUMENT_RULE, MARGIN_X, y + height - 0.4, CONTENT_W, 0.4);

  return height;
}

/* Totals, notes and terms */

static double
draw_amount_row (KassaInvoiceDocument *self,
                 cairo_t              *cr,
                 const char           *label,
                 gint64                amount,
                 gboolean              grand,
                 double                y)
{
  g_autofree char *value = format_money (self, amount);
  double x = MARGIN_X + CONTENT_W - TOTALS_W;
  double label_h, value_h;

  label_h = text (self, cr, label, grand ? &grand_label_style : &totals_label_style,
                  x + CELL_PAD, y, TOTALS_W * 0.55);
  value_h = amount_text (self, cr, value, grand ? &grand_value_style : &totals_value_style,
                         x + TOTALS_W * 0.45, y, TOTALS_W * 0.55 - CELL_PAD);

  return MAX (label_h, value_h) + 3;
}

/* Rate on the left, net and VAT right-aligned under the amounts below. */
static double
draw_vat_cells (KassaInvoiceDocument  *self,
                cairo_t               *cr,
                const char            *cells[3],
                const KassaTextStyle  *left_style,
                const KassaTextStyle  *right_style,
                double                 y)
{
  double x = MARGIN_X + CONTENT_W - TOTALS_W + CELL_PAD;
  double width = TOTALS_W - 2 * CELL_PAD;
  double height;

  height = text (self, cr, cells[0], left_style, x, y, width * 0.3);
  height = MAX (height, amount_text (self, cr, cells[1], right_style,
                                     x + width * 0.3, y, width * 0.35));
  height = MAX (height, amount_text (self, cr, cells[2], right_style,
                                     x + width * 0.65, y, width * 0.35));

  return height + 1;
}

static double
draw_vat_breakdown (KassaInvoiceDocument *self,
                    cairo_t              *cr,
                    double                y)
{
  const char *heads[3] = {
    T (NC_("document", "VAT rate")),
    T (NC_("document", "Net")),
    T (NC_("document", "VAT")),
  };
  double top = y;

  y += draw_vat_cells (self, cr, heads, &vat_head_left_style, &vat_head_style, y);
  for (guint row = 0; row < kassa_vat_summary_get_n_rows (self->vat); row++)
    {
      const KassaVatRow *vat_row = kassa_vat_summary_get_row (self->vat, row);
      g_autofree char *rate = kassa_percent_format (vat_row->rate, self->locale);
      g_autofree char *net = format_money (self, vat_row->net);
      g_autofree char *vat = format_money (self, vat_row->vat);
      const char *cells[3] = { rate, net, vat };

      y += draw_vat_cells (self, cr, cells, &vat_cell_left_style, &vat_cell_style, y);
    }

  kassa_document_rule (cr, KASSA_DOCUMENT_RULE, MARGIN_X + CONTENT_W - TOTALS_W, y + 2, TOTALS_W, 0.5);
  return y + 6 - top;
}

static double
draw_totals (KassaInvoiceDocument *self,
             cairo_t              *cr,
             double                y)
{
  double x = MARGIN_X + CONTENT_W - TOTALS_W;
  double top = y;

  y += draw_vat_breakdown (self, cr, y);
  y += draw_amount_row (self, cr, T (NC_("document", "Total excluding VAT")),
                        kassa_vat_summary_get_net (self->vat), FALSE, y);
  y += draw_amount_row (self, cr, T (NC_("document", "VAT total")),
                        kassa_vat_summary_get_vat (self->vat), FALSE, y);
  kassa_document_rule (cr, KASSA_DOCUMENT_ACCENT, x, y + 1, TOTALS_W, 1.0);
  y += 5;
  y += draw_amount_row (self, cr, T (NC_("document", "Total")), self->total, TRUE, y);

  /* A partly paid invoice asks for what is still open. */
  if (!kassa_invoice_document_is_credit_note (self) && self->paid != 0 && self->open != self->total)
    {
      y += draw_amount_row (self, cr, T (NC_("document", "Paid")), -self->paid, FALSE, y);
      y += draw_amount_row (self, cr, T (NC_("document", "Amount due")), self->open, TRUE, y);
    }

  /* A credit note of an invoice that was (partly) paid: the customer gets
   * back what was paid, which may be less than the credit. */
  if (kassa_invoice_document_is_credit_note (self) && self->open < 0)
    y += draw_amount_row (self, cr, T (NC_("document", "To be refunded")), -self->open, TRUE, y);

  return y - top;
}

static double
draw_notes (KassaInvoiceDocument *self,
            cairo_t              *cr,
            double                y)
{
  double width = CONTENT_W - TOTALS_W - SECTION_GAP;
  double top = y;

  if (kassa_invoice_document_is_credit_note (self))
    {
      g_autofree char *number = kassa_format_int64 (self->credited_number);
      g_autofree char *credits = NULL;

      credits = kassa_document_catalog_format (self->catalog,
                                               /* Translators: on a credit note; %s is the
                                               * number of the credited invoice. */
                                               NC_("document", "This credit note cancels invoice %s."),
                                               number, NULL);

      y += text (self, cr, credits, &value_style, MARGIN_X, y, width) + 6;
    }

  if (!kassa_is_blank (self->invoice->notes))
    {
      y += text (self, cr, T (NC_("document", "Notes")), &heading_style, MARGIN_X, y, width) + 2;
      y += clipped_text (self, cr, self->invoice->notes, &value_style, MARGIN_X, y, width,
                         NOTES_MAX_H);
    }

  return y - top;
}

static double
draw_terms (KassaInvoiceDocument *self,
            cairo_t              *cr,
            double                y)
{
  g_autofree char *interest = NULL;
  double top = y;

  if (kassa_invoice_document_is_credit_note (self))
    return 0;

  if (self->company->late_interest_bp > 0)
    {
      g_autofree char *rate = kassa_percent_format (self->company->late_interest_bp, self->locale);

      /* Translators: invoice terms; %s is a percentage such as "11.5 %". */
      interest = kassa_document_catalog_format (self->catalog,
                                                NC_("document", "Late payment interest %s."),
                                                rate, NULL);
    }

  y += text (self, cr, interest, &small_wrap_style, MARGIN_X, y, CONTENT_W);
  y += text (self, cr, T (NC_("document", "A reminder fee may be charged for late payment.")),
             &small_wrap_style, MARGIN_X, y, CONTENT_W);
  return y - top;
}

/* Totals and notes side by side, the terms below them. */
static double
draw_trailer (KassaInvoiceDocument *self,
              cairo_t              *cr,
              double                y)
{
  double top = y;
  double block = MAX (draw_notes (self, cr, y), draw_totals (self, cr, y));

  y += block + 10;
  y += draw_terms (self, cr, y);
  return y - top;
}

/* Payment information */

static gboolean
has_slip (KassaInvoiceDocument *self)
{
  return !kassa_invoice_document_is_credit_note (self);
}

static double
draw_slip (KassaInvoiceDocument *self,
           cairo_t              *cr,
           double                y)
{
  KassaLetterhead head = letterhead (self);
  g_autofree char *iban = kassa_letterhead_format_iban (&head);
  g_autofree char *due = kassa_day_format (self->invoice->due_date, self->locale);
  g_autofree char *amount = format_money (self, MAX (self->open, 0));
  KassaPaymentSlip slip = {
    .recipient = self->company->name,
    .iban = iban,
    .bic = self->company->bic,
    .bankgiro = kassa_invoice_document_is_swedish (self) ? self->company->bankgiro : NULL,
    .plusgiro = kassa_invoice_document_is_swedish (self) ? self->company->plusgiro : NULL,
    .payer = self->customer->name,
    .reference_label = self->reference_label,
    .reference = self->reference,
    .due_date = due,
    .amount = amount,
    .virtual_barcode = self->virtual_barcode,
    .epc_payload = self->epc_payload,
  };

  return kassa_payment_slip_draw (&slip, self->catalog, self->context, cr,
                                  MARGIN_X, y, CONTENT_W, &self->slip_areas);
}

static double
slip_height (KassaInvoiceDocument *self)
{
  return has_slip (self) ? draw_slip (self, NULL, 0) : 0;
}

/* Footer */

static void
draw_footer (KassaInvoiceDocument *self,
             cairo_t              *cr,
             int                   page)
{
  KassaLetterhead head = letterhead (self);

  kassa_letterhead_draw_footer (&head, cr, page, (int) self->pages->len);
}

/* Pagination */

static double
trailer_height (KassaInvoiceDocument *self)
{
  double slip = slip_height (self);

  return draw_trailer (self, NULL, 0) + (slip > 0 ? SECTION_GAP + slip : 0);
}

void
kassa_invoice_document_paginate (KassaInvoiceDocument *self)
{
  guint n_lines = self->invoice->lines->len;
  double header = draw_table_header (self, NULL, 0);
  double first_top = draw_first_header (self, NULL);
  double next_top = draw_next_header (self, NULL);
  double trailer = trailer_height (self);
  Page page = { 0, 0, -1 };
  double y = first_top + header;

  self->row_heights = g_new0 (double, MAX (n_lines, 1));
  for (guint i = 0; i < n_lines; i++)
    {
      self->row_heights[i] = draw_line_row (self, NULL, g_ptr_array_index (self->invoice->lines, i), 0);

      if (page.n_lines > 0 && y + self->row_heights[i] > BODY_BOTTOM)
        {
          g_array_append_val (self->pages, page);
          page = (Page) { i, 0, -1 };
          y = next_top + header;
        }

      page.n_lines++;
      y += self->row_heights[i];
    }

  /* The totals stay together, and the payment slip with them. */
  if (y + SECTION_GAP + trailer > BODY_BOTTOM)
    {
      g_array_append_val (self->pages, page);
      page = (Page) { n_lines, 0, -1 };
      y = next_top - SECTION_GAP;
    }

  page.trailer_y = y + SECTION_GAP;
  g_array_append_val (self->pages, page);
}

/* Drawing a page */

void
kassa_invoice_document_render_page (KassaInvoiceDocument *self,
                                    cairo_t              *cr,
                                    int                   index)
{
  const Page *page = &g_array_index (self->pages, Page, index);
  double y = index == 0 ? draw_first_header (self, cr) : draw_next_header (self, cr);

  if (page->n_lines > 0)
    y += draw_table_header (self, cr, y);

  for (guint i = page->first_line; i < page->first_line + page->n_lines; i++)
    y += draw_line_row (self, cr, g_ptr_array_index (self->invoice->lines, i), y);

  if (page->trailer_y >= 0)
    {
      draw_trailer (self, cr, page->trailer_y);
      if (has_slip (self))
        draw_slip (self, cr, BODY_BOTTOM - slip_height (self));
    }

  draw_footer (self, cr, index);
}

gboolean
kassa_invoice_document_locate_codes (KassaInvoiceDocument *self,
                                     cairo_rectangle_t    *barcode,
                                     cairo_rectangle_t    *qr)
{
  if (!has_slip (self))
    return FALSE;

  draw_slip (self, NULL, BODY_BOTTOM - slip_height (self));
  if (barcode != NULL)
    *barcode = self->slip_areas.barcode;
  if (qr != NULL)
    *qr = self->slip_areas.qr;

  return TRUE;
}
