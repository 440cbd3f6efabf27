/* kassa-collection-document-pages.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The texts and the layout of reminders and statements.  The rows are
 * split over pages with the same functions that draw them (called without
 * a cairo_t they only measure), so the page count the preview shows is the
 * one the PDF and the printer get.
 *
 * Page 1: the letterhead (company, title and details, recipient in the
 * envelope window), the letter text and the table.  Further pages: a
 * one-line header and the table header.  The last page ends with the
 * totals, the payment request and notes, and the payment information at
 * the bottom.  Every page has the footer with "Page i / n".
 */
#define G_LOG_DOMAIN "kassa-documents"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-collection-document-private.h"
#include "kassa-date.h"
#include "kassa-money.h"

#define MARGIN_X     KASSA_DOCUMENT_MARGIN_X
#define CONTENT_W    KASSA_DOCUMENT_CONTENT_WIDTH
#define BODY_BOTTOM  KASSA_DOCUMENT_BODY_BOTTOM
#define TOTALS_W     250.0
#define SECTION_GAP  18.0
#define CELL_PAD     3.0
#define ROW_PAD      3.5
#define MAX_COLUMNS  9

typedef struct
{
  const char *title;       /* msgid in context "document" */
  double      width;       /* 0: what the other columns leave */
  gboolean    numeric;     /* right-aligned, set smaller rather than cut */
} Column;

/* Widths in points: dates and amounts fit at the cell size in every
 * document language (a longer amount is set smaller); the reference takes
 * the rest. */
static const Column reminder_columns[] = {
  { NC_("document", "Invoice"), 46, FALSE },
  { NC_("document", "Invoice date"), 54, FALSE },
  { NC_("document", "Due date"), 54, FALSE },
  { NC_("document", "Days overdue"), 44, TRUE },
  { NC_("document", "Reference"), 0, FALSE },
  { NC_("document", "Open"), 60, TRUE },
  { NC_("document", "Interest"), 52, TRUE },
  { NC_("document", "Fees"), 48, TRUE },
  { NC_("document", "To pay"), 62, TRUE },
};

static const Column statement_columns[] = {
  { NC_("document", "Document"), 64, FALSE },
  { NC_("document", "Number"), 46, FALSE },
  { NC_("document", "Invoice date"), 54, FALSE },
  { NC_("document", "Due date"), 54, FALSE },
  { NC_("document", "Days overdue"), 44, TRUE },
  { NC_("document", "Reference"), 0, FALSE },
  { NC_("document", "Amount"), 66, TRUE },
  { NC_("document", "Open"), 66, TRUE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (reminder_columns) <= MAX_COLUMNS);
G_STATIC_ASSERT (G_N_ELEMENTS (statement_columns) <= MAX_COLUMNS);

#define STYLE(size, bold, align, single, color) \
  { size, bold, FALSE, PANGO_ALIGN_##align, single, KASSA_DOCUMENT_##color }

static const KassaTextStyle letter_style       = STYLE (9.5, FALSE, LEFT, FALSE, INK);
static const KassaTextStyle request_style      = STYLE (10.5, TRUE, LEFT, FALSE, INK);
static const KassaTextStyle note_style         = STYLE (8, FALSE, LEFT, FALSE, MUTED);
static const KassaTextStyle header_cell_style  = STYLE (7, TRUE, LEFT, FALSE, MUTED);
static const KassaTextStyle header_num_style   = STYLE (7, TRUE, RIGHT, FALSE, MUTED);
static const KassaTextStyle cell_style         = STYLE (7.5, FALSE, LEFT, TRUE, INK);
static const KassaTextStyle cell_num_style     = STYLE (7.5, FALSE, RIGHT, TRUE, INK);
static const KassaTextStyle totals_label_style = STYLE (8.5, FALSE, LEFT, TRUE, INK);
static const KassaTextStyle totals_value_style = STYLE (8.5, FALSE, RIGHT, TRUE, INK);
static const KassaTextStyle grand_label_style  = STYLE (10.5, TRUE, LEFT, TRUE, INK);
static const KassaTextStyle grand_value_style  = STYLE (10.5, TRUE, RIGHT, TRUE, INK);

#undef STYLE

/* Small helpers */

static char *
format_money (KassaCollectionDocument *self,
              gint64                   amount,
              const char              *currency)
{
  return kassa_money_format (amount, currency, self->locale);
}

static KassaLetterhead
letterhead (KassaCollectionDocument *self)
{
  return (KassaLetterhead) { self->context, self->catalog, self->company, self->customer,
                             self->logo };
}

static gboolean
is_reminder (KassaCollectionDocument *self)
{
  return self->kind == KASSA_COLLECTION_DOCUMENT_REMINDER;
}

static const Column *
columns_of (KassaCollectionDocument *self,
            guint                   *n_columns)
{
  if (is_reminder (self))
    {
      *n_columns = G_N_ELEMENTS (reminder_columns);
      return reminder_columns;
    }

  *n_columns = G_N_ELEMENTS (statement_columns);
  return statement_columns;
}

/* Texts */

const char *
kassa_collection_document_get_title (KassaCollectionDocument *self)
{
  if (!is_reminder (self))
    return T (NC_("document", "Statement of account"));

  switch (self->level)
    {
    case KASSA_COLLECTION_REMINDER_2:
      return T (NC_("document", "Second payment reminder"));
    case KASSA_COLLECTION_PAYMENT_DEMAND:
      return T (NC_("document", "Payment demand"));
    case KASSA_COLLECTION_LAWYER_LETTER:
    case KASSA_COLLECTION_COLLECTION_AGENCY:
    case KASSA_COLLECTION_LEGAL_ACTION:
      return T (NC_("document", "Final demand before collection"));
    case KASSA_COLLECTION_REMINDER_1:
    default:
      return T (NC_("document", "Payment reminder"));
    }
}

static char *
statement_text (KassaCollectionDocument *self)
{
  g_autofree char *day = kassa_day_format (self->date, self->locale);

  return kassa_document_catalog_format (self->catalog,
                                        /* Translators: opening of a statement of
                                         * account; %s is a date. */
                                        NC_("document", "Below are your invoices and credit "
                                            "notes that were open on %s, and your balance."),
                                        day, NULL);
}

/* The letter: friendly at first, firmer with each step. */
static char *
letter_text (KassaCollectionDocument *self)
{
  gboolean one = self->rows->len == 1;

  if (!is_reminder (self))
    return statement_text (self);

  switch (self->level)
    {
    case KASSA_COLLECTION_REMINDER_2:
      return g_strdup (one ? T (NC_("document", "Despite our earlier reminder, the following "
                                    "invoice is still unpaid. Please pay it without delay. If "
                                    "you have already paid it, please ignore this reminder."))
                           : T (NC_("document", "Despite our earlier reminder, the following "
                                    "invoices are still unpaid. Please pay them without delay. "
                                    "If you have already paid them, please ignore this "
                                    "reminder.")));
    case KASSA_COLLECTION_PAYMENT_DEMAND:
      return g_strdup (T (NC_("document", "Despite our reminders we have not received payment "
                              "of the claim below. We demand that you pay it by the date "
                              "given. Otherwise we will pass the claim to collection, which "
                              "will cause you further costs.")));
    case KASSA_COLLECTION_LAWYER_LETTER:
    case KASSA_COLLECTION_COLLECTION_AGENCY:
    case KASSA_COLLECTION_LEGAL_ACTION:
      return g_strdup (T (NC_("document", "This is our final demand. Unless the claim below is "
                              "paid by the date given, it will be passed to a collection agency "
                              "or to legal proceedings without further notice, and the costs "
                              "will be charged to you.")));
    case KASSA_COLLECTION_REMINDER_1:
    default:
      return g_strdup (one ? T (NC_("document", "Our records show that the following invoice "
                                    "is unpaid. If you have already paid it, please ignore this "
                                    "reminder."))
                           : T (NC_("document", "Our records show that the following invoices "
                                    "are unpaid. If you have already paid them, please ignore "
                                    "this reminder.")));
    }
}

static char *
payment_request_text (KassaCollectionDocument *self)
{
  gint64 to_pay = kassa_collection_document_to_pay (self);
  g_autofree char *amount = format_money (self, to_pay, self->currency);
  g_autofree char *day = kassa_day_format (self->pay_by, self->locale);

  /* Translators: on a reminder; the first %s is an amount with its
   * currency, the second a date. */
  return kassa_document_catalog_format (self->catalog, NC_("document", "Please pay %s by %s."),
                                        amount, day, NULL);
}

/* Interest follows the law of the company's country; the amounts in the
 * table are what the collection steps recorded. */
static char *
interest_note (KassaCollectionDocument *self)
{
  const char *country = self->company->country;

  if (g_ascii_strcasecmp (country, "FI") == 0)
    /* Translators: on a reminder of a Finnish company; the Interest Act is
     * the Finnish korkolaki. */
    return g_strdup (T (NC_("document", "Late-payment interest is charged from the due date at "
                            "the rate of the Interest Act (korkolaki).")));
  if (g_ascii_strcasecmp (country, "SE") == 0)
    /* Translators: on a reminder of a Swedish company; the Interest Act is
     * the Swedish räntelagen. */
    return g_strdup (T (NC_("document", "Late-payment interest is charged from the due date at "
                            "the rate of the Interest Act (räntelagen).")));
  if (self->company->late_interest_bp > 0)
    {
      g_autofree char *rate = kassa_percent_format (self->company->late_interest_bp, self->locale);

      return kassa_document_catalog_format (self->catalog,
                                            /* Translators: on a reminder; %s is a
                                             * percentage such as "11.5 %". */
                                            NC_("document", "Late-payment interest of %s per "
                                                "year is charged from the due date."),
                                            rate, NULL);
    }

  return NULL;
}

static const char *
references_note (KassaCollectionDocument *self)
{
  if (is_reminder (self) && self->rows->len == 1)
    return NULL;

  return T (NC_("document", "Please pay each invoice with its own reference shown above."));
}

/* Drawing: table */

static double
column_width (const Column *columns,
              guint         n_columns,
              guint         column)
{
  double fixed = 0;

  if (columns[column].width > 0)
    return columns[column].width;

  for (guint c = 0; c < n_columns; c++)
    fixed += columns[c].width;

  return CONTENT_W - fixed;
}

static double
draw_table_header (KassaCollectionDocument *self,
                   cairo_t                 *cr,
                   double                   y)
{
  guint n_columns;
  const Column *columns = columns_of (self, &n_columns);
  double height = 0;
  double x = MARGIN_X;

  KassaTextStyle styles[MAX_COLUMNS];

  /* Long titles ("Days overdue") wrap between words in their narrow
   * columns, and a single long word ("Fakturadatum") shrinks to fit. */
  for (guint c = 0; c < n_columns; c++)
    {
      double width = column_width (columns, n_columns, c) - 2 * CELL_PAD;

      styles[c] = columns[c].numeric ? header_num_style : header_cell_style;
      styles[c].size = kassa_document_fit_size (self->context, T (columns[c].title), &styles[c],
                                                width, styles[c].size * 0.75);
      height = MAX (height, kassa_document_text (self->context, NULL, T (columns[c].title),
                                                 &styles[c], 0, 0, width));
    }
  height += 2 * ROW_PAD;

  kassa_document_fill_rect (cr, KASSA_DOCUMENT_SHADE, MARGIN_X, y, CONTENT_W, height);
  for (guint c = 0; c < n_columns; c++)
    {
      double width = column_width (columns, n_columns, c);

      kassa_document_text (self->context, cr, T (columns[c].title), &styles[c],
                           x + CELL_PAD, y + ROW_PAD, width - 2 * CELL_PAD);
      x += width;
    }
  kassa_document_rule (cr, KASSA_DOCUMENT_ACCENT, MARGIN_X, y + height - 0.8, CONTENT_W, 0.8);

  return height + 2;
}

static char *
format_cell_money (KassaCollectionDocument *self,
                   gint64                   amount,
                   const char              *currency)
{
  /* One currency: the plain number reads best in a column.  Several: each
   * amount says its currency. */
  if (self->mixed_currencies)
    return kassa_money_format (amount, currency, self->locale);

  return kassa_money_format_plain (amount, currency, self->locale);
}

static char *
format_days (const KassaCollectionRow *row,
             KassaDay                  day)
{
  gint days = kassa_collection_row_days_overdue (row, day);

  return days > 0 ? g_strdup_printf ("%d", days) : NULL;
}

static void
reminder_cells (KassaCollectionDocument  *self,
                const KassaCollectionRow *row,
                char                     *cells[MAX_COLUMNS])
{
  cells[0] = kassa_collection_format_number (row->number);
  cells[1] = kassa_day_format (row->issue_date, self->locale);
  cells[2] = kassa_day_format (row->due_date, self->locale);
  cells[3] = format_days (row, self->date);
  cells[4] = kassa_document_print_reference (self->company, self->catalog, row->reference, NULL);
  cells[5] = format_cell_money (self, row->open, row->currency);
  cells[6] = format_cell_money (self, row->interest, row->currency);
  cells[7] = format_cell_money (self, row->fees, row->currency);
  cells[8] = format_cell_money (self, row->open + row->interest + row->fees, row->currency);
}

static void
statement_cells (KassaCollectionDocument  *self,
                 const KassaCollectionRow *row,
                 char                     *cells[MAX_COLUMNS])
{
  cells[0] = g_strdup (row->credit_note ? T (NC_("document", "Credit note"))
                                        : T (NC_("document", "Invoice")));
  cells[1] = kassa_collection_format_number (row->number);
  cells[2] = kassa_day_format (row->issue_date, self->locale);
  cells[3] = row->credit_note ? NULL : kassa_day_format (row->due_date, self->locale);
  cells[4] = format_days (row, self->date);
  cells[5] = row->credit_note ? NULL : kassa_document_print_reference (self->company, self->catalog,
                                                                       row->reference, NULL);
  cells[6] = format_cell_money (self, row->total, row->currency);
  cells[7] = format_cell_money (self, row->open, row->currency);
}

static double
draw_row (KassaCollectionDocument *self,
          cairo_t                 *cr,
          guint                    index,
          double                   y)
{
  const KassaCollectionRow *row = &g_array_index (self->rows, KassaCollectionRow, index);
  char *cells[MAX_COLUMNS] = { NULL };
  guint n_columns;
  const Column *columns = columns_of (self, &n_columns);
  double x = MARGIN_X;
  double height;

  if (is_reminder (self))
    reminder_cells (self, row, cells);
  else
    statement_cells (self, row, cells);

  /* Every cell is one line; an empty one still takes its height. */
  height = kassa_document_text (self->context, NULL, "0", &cell_style, 0, 0, -1);
  for (guint c = 0; c < n_columns; c++)
    {
      double width = column_width (columns, n_columns, c);

      kassa_document_text_fitted (self->context, cr, cells[c],
                                  columns[c].numeric ? &cell_num_style : &cell_style,
                                  x + CELL_PAD, y + ROW_PAD, width - 2 * CELL_PAD);
      x += width;
      g_free (cells[c]);
    }

  height += 2 * ROW_PAD;
  kassa_document_rule (cr, KASSA_DOCUMENT_RULE, MARGIN_X, y + height - 0.4, CONTENT_W, 0.4);
  return height;
}

/* Drawing: totals and texts */

static double
draw_amount_row (KassaCollectionDocument *self,
                 cairo_t                 *cr,
                 const char              *label,
                 gint64                   amount,
                 const char              *currency,
                 gboolean                 grand,
                 double                   y)
{
  g_autofree char *value = format_money (self, amount, currency);
  double x = MARGIN_X + CONTENT_W - TOTALS_W;
  double label_h, value_h;

  label_h = kassa_document_text (self->context, cr, label,
                                 grand ? &grand_label_style : &totals_label_style,
                                 x + CELL_PAD, y, TOTALS_W * 0.55);
  value_h = kassa_document_text_fitted (self->context, cr, value,
                                        grand ? &grand_value_style : &totals_value_style,
                                        x + TOTALS_W * 0.45, y, TOTALS_W * 0.55 - CELL_PAD);

  return MAX (label_h, value_h) + 3;
}

static double
draw_grand_rule (cairo_t *cr,
                 double   y)
{
  kassa_document_rule (cr, KASSA_DOCUMENT_ACCENT, MARGIN_X + CONTENT_W - TOTALS_W, y + 1,
                       TOTALS_W, 1.0);
  return 5;
}

static double
draw_reminder_totals (KassaCollectionDocument *self,
                      cairo_t                 *cr,
                      double                   y)
{
  const char *currency = self->currency;
  double top = y;

  y += draw_amount_row (self, cr, T (NC_("document", "Open amount")), self->open_total,
                        currency, FALSE, y);
  y += draw_amount_row (self, cr, T (NC_("document", "Interest")), self->interest_total,
                        currency, FALSE, y);
  y += draw_amount_row (self, cr, T (NC_("document", "Fees")), self->fee_total, currency, FALSE, y);
  y += draw_grand_rule (cr, y);
  y += draw_amount_row (self, cr, T (NC_("document", "Total to pay")),
                        kassa_collection_document_to_pay (self),
                        currency, TRUE, y);

  return y - top;
}

static double
draw_statement_totals (KassaCollectionDocument *self,
                       cairo_t                 *cr,
                       double                   y)
{
  double top = y;

  for (guint i = 0; i < self->balances->len; i++)
    {
      const KassaCollectionBalance *balance =
        &g_array_index (self->balances, KassaCollectionBalance, i);

      if (i > 0)
        y += 6;
      y += draw_amount_row (self, cr, T (NC_("document", "Of which overdue")), balance->overdue,
                            balance->currency, FALSE, y);
      y += draw_grand_rule (cr, y);
      y += draw_amount_row (self, cr, T (NC_("document", "Balance")), balance->open,
                            balance->currency, TRUE, y);
    }

  return y - top;
}

static double
draw_paragraph (KassaCollectionDocument *self,
                cairo_t                 *cr,
                const char              *text,
                const KassaTextStyle    *style,
                double                   y)
{
  if (text == NULL)
    return 0;

  return kassa_document_text (self->context, cr, text, style, MARGIN_X, y, CONTENT_W) + 4;
}

/* Totals on the right, then the payment request and the notes. */
static gboolean
has_credit (KassaCollectionDocument *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      if (g_array_index (self->rows, KassaCollectionRow, i).open < 0)
        return TRUE;
    }

  return FALSE;
}

static double
draw_statement_trailer (KassaCollectionDocument *self,
                        cairo_t                 *cr,
                        double                   y)
{
  double top = y;

  y += draw_statement_totals (self, cr, y) + 10;
  if (self->rows->len == 0)
    return y + draw_paragraph (self, cr, T (NC_("document", "Nothing was open on this day.")),
                               &letter_style, y) - top;

  if (has_credit (self))
    y += draw_paragraph (self, cr, T (NC_("document", "A negative amount is owed to you.")),
                         &note_style, y);
  y += draw_paragraph (self, cr, references_note (self), &note_style, y);
  return y - top;
}

static double
draw_trailer (KassaCollectionDocument *self,
              cairo_t                 *cr,
              double                   y)
{
  g_autofree char *request = NULL;
  g_autofree char *interest = NULL;
  double top = y;

  if (!is_reminder (self))
    return draw_statement_trailer (self, cr, y);

  request = payment_request_text (self);
  interest = interest_note (self);
  y += draw_reminder_totals (self, cr, y) + 10;
  y += draw_paragraph (self, cr, request, &request_style, y);
  y += draw_paragraph (self, cr, interest, &note_style, y);
  y += draw_paragraph (self, cr, references_note (self), &note_style, y);
  y += draw_paragraph (self, cr, T (NC_("document", "Please contact us if you have questions "
                                         "about this letter.")), &note_style, y);
  return y - top;
}

/* Drawing: payment information */

/* What the customer is asked to pay: the reminder's total, the
 * statement's positive balance in a single currency, otherwise nothing. */
static char *
slip_amount (KassaCollectionDocument *self)
{
  const KassaCollectionBalance *balance;

  if (is_reminder (self))
    return format_money (self, kassa_collection_document_to_pay (self), self->currency);

  balance = &g_array_index (self->balances, KassaCollectionBalance, 0);
  if (self->balances->len != 1 || balance->open <= 0)
    return NULL;

  return format_money (self, balance->open, balance->currency);
}

static double
draw_slip (KassaCollectionDocument *self,
           cairo_t                 *cr,
           double                   y)
{
  KassaLetterhead head = letterhead (self);
  gboolean swedish = kassa_document_company_is_swedish (self->company);
  g_autofree char *iban = kassa_letterhead_format_iban (&head);
  g_autofree char *amount = slip_amount (self);
  g_autofree char *pay_by = NULL;
  KassaPaymentSlip slip = {
    .recipient = self->company->name,
    .iban = iban,
    .bic = self->company->bic,
    .bankgiro = swedish ? self->company->bankgiro : NULL,
    .plusgiro = swedish ? self->company->plusgiro : NULL,
    .payer = self->customer->name,
    .reference_label = self->reference_label,
    .reference = self->slip_reference,
    .amount = amount,
    .virtual_barcode = self->virtual_barcode,
    .epc_payload = self->epc_payload,
  };

  if (is_reminder (self))
    pay_by = kassa_day_format (self->pay_by, self->locale);
  slip.due_date = pay_by;

  return kassa_payment_slip_draw (&slip, self->catalog, self->context, cr,
                                  MARGIN_X, y, CONTENT_W, &self->slip_areas);
}

static double
slip_height (KassaCollectionDocument *self)
{
  return draw_slip (self, NULL, 0);
}

/* Drawing: pages */

char *
kassa_collection_document_get_running_title (KassaCollectionDocument *self)
{
  g_autofree char *day = kassa_day_format (self->date, self->locale);

  return g_strconcat (kassa_collection_document_get_title (self), " ", day, NULL);
}

static double
draw_first_header (KassaCollectionDocument *self,
                   cairo_t                 *cr)
{
  KassaLetterhead head = letterhead (self);
  g_autofree char *day = kassa_day_format (self->date, self->locale);
  g_autofree char *pay_by = NULL;
  g_autofree char *text = letter_text (self);
  KassaDocumentDetail details[] = {
    { !is_reminder (self) ? T (NC_("document", "As of")) : T (NC_("document", "Date")),
      day },
    { T (NC_("document", "Customer number")), self->customer->number },
    { T (NC_("document", "Pay by")), NULL },
  };
  double y;

  if (is_reminder (self))
    pay_by = kassa_day_format (self->pay_by, self->locale);
  details[2].value = pay_by;

  y = kassa_letterhead_draw_first_header (&head, cr, kassa_collection_document_get_title (self),
                                          details,
                                          G_N_ELEMENTS (details));
  y += kassa_document_text (self->context, cr, text, &letter_style, MARGIN_X, y, CONTENT_W);
  return y + 14;
}

static double
draw_next_header (KassaCollectionDocument *self,
                  cairo_t                 *cr)
{
  KassaLetterhead head = letterhead (self);
  g_autofree char *title = kassa_collection_document_get_running_title (self);

  return kassa_letterhead_draw_next_header (&head, cr, title);
}

static double
trailer_height (KassaCollectionDocument *self)
{
  return draw_trailer (self, NULL, 0) + SECTION_GAP + slip_height (self);
}

void
kassa_collection_document_paginate (KassaCollectionDocument *self)
{
  double header = draw_table_header (self, NULL, 0);
  double next_top = draw_next_header (self, NULL);
  double trailer = trailer_height (self);
  KassaCollectionPage page = { 0, 0, -1 };
  double y = draw_first_header (self, NULL) + header;

  for (guint i = 0; i < self->rows->len; i++)
    {
      double height = draw_row (self, NULL, i, 0);

      if (page.n_rows > 0 && y + height > BODY_BOTTOM)
        {
          g_array_append_val (self->pages, page);
          page = (KassaCollectionPage) { i, 0, -1 };
          y = next_top + header;
        }

      page.n_rows++;
      y += height;
    }

  /* The totals stay together, and the payment information with them. */
  if (y + SECTION_GAP + trailer > BODY_BOTTOM)
    {
      g_array_append_val (self->pages, page);
      page = (KassaCollectionPage) { self->rows->len, 0, -1 };
      y = next_top - SECTION_GAP;
    }

  page.trailer_y = y + SECTION_GAP;
  g_array_append_val (self->pages, page);
}

void
kassa_collection_document_render_page (KassaCollectionDocument *self,
                                       cairo_t                 *cr,
                                       int                      index)
{
  const KassaCollectionPage *page = &g_array_index (self->pages, KassaCollectionPage, index);
  KassaLetterhead head = letterhead (self);
  double y = index == 0 ? draw_first_header (self, cr) : draw_next_header (self, cr);

  /* The first page shows the table header even over an empty table. */
  if (page->n_rows > 0 || index == 0)
    y += draw_table_header (self, cr, y);

  for (guint i = page->first_row; i < page->first_row + page->n_rows; i++)
    y += draw_row (self, cr, i, y);

  if (page->trailer_y >= 0)
    {
      draw_trailer (self, cr, page->trailer_y);
      draw_slip (self, cr, BODY_BOTTOM - slip_height (self));
    }

  kassa_letterhead_draw_footer (&head, cr, index, (int) self->pages->len);
}

void
kassa_collection_document_locate_slip (KassaCollectionDocument *self)
{
  draw_slip (self, NULL, BODY_BOTTOM - slip_height (self));
}
