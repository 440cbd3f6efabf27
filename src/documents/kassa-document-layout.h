/* kassa-document-layout.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every A4 document (invoice, credit note, reminder, statement)
 * shares: text and rules drawn with cairo and pango, the letterhead
 * (company, title and details, recipient, footer), the payment codes, and
 * the atomic PDF writer.  Every drawing function both measures and draws:
 * with a NULL cairo_t it only returns the size, so that pagination and
 * drawing share one piece of code and cannot disagree.  Sizes are in
 * points; every text gets a width and either wraps or is ellipsized, so
 * nothing runs off the page.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "kassa-document-catalog.h"
/* The page size and the error domain of every document. */
#include "kassa-invoice-document.h"
#include "kassa-records.h"

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
/* The largest font size, at most style->size and at least min_size, at
 * which no single word of text is wider than width: titles and column
 * headers shrink a little rather than break a word in the middle
 * ("BETALNINGSPÅMINN-ELSE").  At min_size a word may still break. */
double        kassa_document_fit_size      (PangoContext         *context,
                                            const char           *text,
                                            const KassaTextStyle *style,
                                            double                width,
                                            double                min_size);
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

/* Page geometry shared by the documents, so that they look alike and the
 * recipient always sits in the window of a C5/C4 envelope (20 mm from the
 * left, 45 mm from the top, 90 mm wide).  1 mm = 2.8346 pt. */
#define KASSA_DOCUMENT_MARGIN_X       42.52                 /* 15 mm */
#define KASSA_DOCUMENT_MARGIN_TOP     36.0
#define KASSA_DOCUMENT_CONTENT_WIDTH  (KASSA_DOCUMENT_PAGE_WIDTH - 2 * KASSA_DOCUMENT_MARGIN_X)
#define KASSA_DOCUMENT_FOOTER_RULE_Y  (KASSA_DOCUMENT_PAGE_HEIGHT - 40.0)
#define KASSA_DOCUMENT_BODY_BOTTOM    (KASSA_DOCUMENT_FOOTER_RULE_Y - 12.0)
#define KASSA_DOCUMENT_RECIPIENT_X    56.69
#define KASSA_DOCUMENT_RECIPIENT_Y    127.56
#define KASSA_DOCUMENT_RECIPIENT_W    255.12
#define KASSA_DOCUMENT_DETAILS_X      330.0
#define KASSA_DOCUMENT_DETAILS_W      (KASSA_DOCUMENT_PAGE_WIDTH - KASSA_DOCUMENT_MARGIN_X - \
                                       KASSA_DOCUMENT_DETAILS_X)

/* Letterhead */

/* Who writes to whom, and in which language.  Nothing is owned. */
typedef struct
{
  PangoContext              *context;
  KassaDocumentCatalog      *catalog;
  const KassaCompany        *company;
  const KassaCustomerRecord *customer;
  cairo_surface_t           *logo;      /* NULL: the company name is printed */
} KassaLetterhead;

/* A label and its value in the details beside the title; a NULL or empty
 * value leaves the row out. */
typedef struct
{
  const char *label;
  const char *value;
} KassaDocumentDetail;

/* The first page header: company (logo or name, address, IDs, contact) top
 * left, the title in capitals and the details top right, the recipient in
 * the envelope window.  Returns where the body starts. */
double           kassa_letterhead_draw_first_header (const KassaLetterhead     *letterhead,
                                                     cairo_t                   *cr,
                                                     const char                *title,
                                                     const KassaDocumentDetail *details,
                                                     guint                      n_details);
/* The header of the following pages: the company name and the title (e.g.
 * "Invoice 1001") on one line over a rule.  Returns where the body starts. */
double           kassa_letterhead_draw_next_header  (const KassaLetterhead     *letterhead,
                                                     cairo_t                   *cr,
                                                     const char                *title);
/* Company name, business ID and IBAN, and "Page i / n" under a rule at the
 * bottom of the page; page is 0-based. */
void             kassa_letterhead_draw_footer       (const KassaLetterhead     *letterhead,
                                                     cairo_t                   *cr,
                                                     int                        page,
                                                     int                        n_pages);
/* (transfer full) (nullable): the company IBAN in groups of four. */
char            *kassa_letterhead_format_iban       (const KassaLetterhead     *letterhead);

/* (transfer full) (nullable): the PNG logo as an image surface; NULL (and
 * a warning) for no or unreadable data: a broken image must not stop the
 * document. */
cairo_surface_t *kassa_document_load_logo           (GBytes                    *png);

/* Payment references and codes */

/* Whether the company is Swedish (OCR numbers, Bankgiro, no Finnish
 * barcode). */
gboolean         kassa_document_company_is_swedish  (const KassaCompany        *company);
/* (transfer full) (nullable): the RF form (no spaces) of a valid Finnish
 * reference; NULL for a Swedish company or another reference. */
char            *kassa_document_rf_reference        (const KassaCompany        *company,
                                                     const char                *reference);
/* (transfer full) (nullable): the stored reference as the company prints
 * it (Finnish groups of five, RF groups of four, a Swedish OCR number as
 * it is); *label gets "Reference" or "OCR number" in the document
 * language. */
char            *kassa_document_print_reference     (const KassaCompany        *company,
                                                     KassaDocumentCatalog      *catalog,
                                                     const char                *reference,
                                                     const char               **label);

/* A request for payment the machine-readable codes are built from. */
typedef struct
{
  const KassaCompany *company;
  const char         *currency;
  gint64              amount;        /* minor units */
  const char         *reference;     /* as stored with the invoice */
  KassaDay            due_date;
  const char         *message;       /* remittance text when there is no RF reference */
  gint64              number;        /* the invoice number, for debug messages */
} KassaPaymentRequest;

/* (transfer full) (nullable): the 54 digits of the Finnish bank barcode,
 * or NULL when the request cannot carry one (not EUR, not a Finnish IBAN,
 * a Swedish company, nothing to pay, over 999,999.99, no Finnish
 * reference).  Version 5 (RF) when the company prints RF references. */
char            *kassa_document_bank_barcode        (const KassaPaymentRequest *request);
/* (transfer full) (nullable): the EPC QR code payload, or NULL (not EUR,
 * no IBAN, nothing to pay, too large). */
char            *kassa_document_epc_payload         (const KassaPaymentRequest *request);

/* Files */

typedef void (*KassaDocumentDrawFunc) (gpointer  document,
                                       cairo_t  *cr,
                                       int       page);

/* Writes n_pages A4 pages drawn by draw to path: into a temporary file
 * beside it, synced and renamed over it, so that a failure never leaves a
 * half-written PDF behind (or destroys an older one).  Errors are
 * KASSA_DOCUMENT_ERROR_WRITE with a translated message. */
gboolean         kassa_document_write_pdf           (const char                *path,
                                                     const char                *title,
                                                     const char                *author,
                                                     int                        n_pages,
                                                     KassaDocumentDrawFunc      draw,
                                                     gpointer                   document,
                                                     GError                   **error);
/* (transfer full): prefix + name + ".pdf" with the name cut at a character
 * boundary to keep the whole under 200 bytes, and characters a file name
 * may not hold replaced by "-". */
char            *kassa_document_filename            (const char                *prefix,
                                                     const char                *name);

G_END_DECLS
