/* kassa-bank-barcode.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Finnish bank barcode (pankkiviivakoodi, Finance Finland's guide):
 * version 4 with a national reference, version 5 with an RF reference,
 * 54 digits printed as Code 128 set C.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "kassa-types.h"

G_BEGIN_DECLS

/* Print size chosen for invoices.  The guide asks for a narrowest bar of
 * at least 0.25 mm (up to 0.5 mm) and a height of at least 13 mm.
 * 0.96 pt = 0.339 mm is a whole number of dots at 300 dpi (4) and 600 dpi
 * (8), so printers keep every bar the same width; 42 pt = 14.8 mm.  With
 * the quiet zones a 54-digit symbol is 352 modules = 337.92 pt = 119.2 mm
 * wide (start, 27 digit pairs and check: 29 × 11 modules, stop 13,
 * 2 × 10 quiet modules).  Keep further white space around it on the page. */
#define KASSA_BANK_BARCODE_MODULE_PT      0.96
#define KASSA_BANK_BARCODE_HEIGHT_PT      42.0
#define KASSA_BANK_BARCODE_QUIET_MODULES  10
#define KASSA_BANK_BARCODE_TOTAL_MODULES  352

/* The 54-digit "virtual barcode" string, or NULL with a translated error
 * when the invoice cannot carry one (not a Finnish IBAN, amount not in
 * 0.01 … 999999.99, reference not valid, …).  amount is in cents of EUR;
 * due_date 0 means "no due date" (000000).  A Finnish reference gives
 * version 4, an RF reference with a numeric body of at most 21 digits
 * version 5.  Errors are KASSA_DOCUMENT_ERROR_INVALID. */
char      *kassa_bank_barcode_digits   (const char  *iban,
                                        gint64       amount_cents,
                                        const char  *reference,
                                        KassaDay     due_date,
                                        GError     **error);

/* Code 128 set C symbol for an even-length digit string: a string of
 * module widths ("21122214…": bar, space, bar, … starting with a bar)
 * including start C, the data, the check character and stop; NULL when
 * digits is not an even-length digit string. */
char      *kassa_code128c_widths       (const char  *digits);

/* Draws the symbol with quiet zones of 10 modules at (x, y); module is
 * the narrowest bar width in user units.  Returns the total width drawn. */
double     kassa_code128c_draw         (cairo_t     *cr,
                                        const char  *digits,
                                        double       x,
                                        double       y,
                                        double       module,
                                        double       height);

/* Reads a Code 128 set C symbol back from one scan line of an image
 * surface row (dark < 128 luminance); returns the digits or NULL when the
 * line holds no valid symbol (bad check character, unknown pattern). */
char      *kassa_code128c_decode_row   (cairo_surface_t *image,
                                        int              row);

G_END_DECLS
