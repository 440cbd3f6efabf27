/* kassa-bank-barcode.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-bank-barcode"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-bank-barcode.h"
#include "kassa-date.h"
#include "kassa-invoice-document.h"
#include "kassa-money.h"
#include "kassa-reference.h"

#define BARCODE_DIGITS      54
#define FI_IBAN_LENGTH      18
#define AMOUNT_MAX_CENTS    G_GINT64_CONSTANT (99999999)
#define V4_REFERENCE_DIGITS 20
#define V5_REFERENCE_DIGITS 21

#define CODE128_START_C     105
#define CODE128_STOP        106
#define CODE128_CHECK_MOD   103
#define SYMBOL_MODULES      11
#define SYMBOL_ELEMENTS     6
#define STOP_ELEMENTS       7
#define QUIET_MODULES       10
#define DARK_LUMINANCE      128

/* Code 128 element widths in modules (bar, space, bar, space, bar, space)
 * for the values 0 … 105; the stop (106) has a seventh element, a final
 * two-module bar, appended where it is used.  Every symbol spans 11
 * modules and its bars add up to an even number. */
static const char code128_patterns[][SYMBOL_ELEMENTS + 1] = {
  "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312",
  "132212", "221213", "221312", "231212", "112232", "122132", "122231", "113222",
  "123122", "123221", "223211", "221132", "221231", "213212", "223112", "312131",
  "311222", "321122", "321221", "312212", "322112", "322211", "212123", "212321",
  "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
  "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121",
  "313121", "211331", "231131", "213113", "213311", "213131", "311123", "311321",
  "331121", "312113", "312311", "332111", "314111", "221411", "431111", "111224",
  "111422", "121124", "121421", "141122", "141221", "112214", "112412", "122114",
  "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
  "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112",
  "421211", "212141", "214121", "412121", "111143", "111341", "131141", "114113",
  "114311", "411113", "411311", "113141", "114131", "311141", "411131", "211412",
  "211214", "211232", "233111",
};

#define STOP_LAST_BAR "2"

static gboolean
is_digits (const char *text)
{
  return strspn (text, "0123456789") == strlen (text);
}

/* @prefix, then @digits right-aligned with zeros in @width characters. */
static char *
zero_padded (const char *prefix,
             const char *digits,
             gsize       width)
{
  g_autofree char *zeros = g_strnfill (width - strlen (digits), '0');

  return g_strconcat (prefix, zeros, digits, NULL);
}

static void
set_invalid (GError    **error,
             const char *message)
{
  g_set_error_literal (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_INVALID, message);
}

/* The 16 digits after "FI": check digits and the 14-digit account. */
static char *
account_digits (const char  *iban,
                GError     **error)
{
  g_autofree char *text = kassa_iban_normalize (iban);

  if (!g_str_has_prefix (text, "FI") || strlen (text) != FI_IBAN_LENGTH ||
      !kassa_iban_is_valid (text))
    {
      set_invalid (error, _("The bank barcode needs a valid Finnish account number "
                            "(IBAN starting with FI). Check the account in the company details."));
      return NULL;
    }

  return g_strdup (text + 2);
}

static gboolean
check_amount (gint64   amount_cents,
              GError **error)
{
  /* The guide lets an amount of zero mean "amount not given" and has no
   * room for more than 999 999,99 €; an invoice barcode always carries
   * the amount to pay, so both are refused (and credit notes get none). */
  if (amount_cents < 1 || amount_cents > AMOUNT_MAX_CENTS)
    {
      g_autofree char *low = kassa_money_format (1, "EUR", kassa_locale_current ());
      g_autofree char *high = kassa_money_format (AMOUNT_MAX_CENTS, "EUR", kassa_locale_current ());

      /* Translators: the limits are formatted amounts, e.g. "€0.01" and "€999,999.99" */
      g_autofree char *message = g_strdup_printf (_("A bank barcode can only be printed for an amount to pay "
                                                  "between %s and %s."), low, high);

      set_invalid (error, message);
      return FALSE;
    }

  return TRUE;
}

/* YYMMDD, or 000000 when there is no due date. */
static char *
due_date_digits (KassaDay  due_date,
                 GError  **error)
{
  int year, month, mday;

  if (due_date == 0)
    return g_strdup ("000000");

  if (!kassa_day_is_valid (due_date))
    {
      set_invalid (error, _("The due date of the invoice is not a valid date. Correct it to "
                            "print a bank barcode."));
      return NULL;
    }

  kassa_day_to_ymd (due_date, &year, &month, &mday);
  return g_strdup_printf ("%02d%02d%02d", year % 100, month, mday);
}

/* Version 5 carries the two RF check digits and a numeric body of at most
 * 21 digits; version 4 a national reference right-aligned in 20 digits. */
static char *
reference_fields (const char  *reference,
                  char        *version,
                  GError     **error)
{
  /* The same clean-up as for IBANs: no spaces, upper case. */
  g_autofree char *text = kassa_iban_normalize (reference);

  if (kassa_reference_fi_is_valid (text))
    {
      *version = '4';
      return zero_padded ("000", text, V4_REFERENCE_DIGITS);
    }

  if (kassa_reference_rf_is_valid (text))
    {
      const char *body = text + 4;
      char check_digits[3] = { text[2], text[3], '\0' };

      if (strlen (body) > V5_REFERENCE_DIGITS || !is_digits (body))
        {
          /* Translators: %s is a creditor reference such as "RF18 5390 0754 7034" */
          g_set_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_INVALID,
                       _("The reference %s contains letters, which a bank barcode cannot "
                         "carry. Use a numeric reference."), reference);
          return NULL;
        }
      *version = '5';
      return zero_padded (check_digits, body, V5_REFERENCE_DIGITS);
    }

  /* Translators: %s is the reference number the user entered */
  g_set_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_INVALID,
               _("The reference %s is neither a valid Finnish reference nor a valid RF "
                 "reference. Correct it to print a bank barcode."), reference);
  return NULL;
}

/**
 * kassa_bank_barcode_digits:
 * @iban: the payee's Finnish IBAN, spaces allowed
 * @amount_cents: amount to pay in euro cents, 1 … 99999999
 * @reference: a Finnish reference (version 4) or a numeric RF reference
 *   (version 5), spaces allowed
 * @due_date: the due date, or 0 for none
 *
 * Version 4: "4", 16 account digits, 6 euro and 2 cent digits, "000", the
 * reference right-aligned in 20 digits, YYMMDD.  Version 5: "5", account,
 * euros, cents, the 2 RF check digits, the RF body right-aligned in 21
 * digits, YYMMDD.  Both are 54 digits.
 *
 * Returns: (transfer full) (nullable): the 54 digits, or %NULL with @error
 */
char *
kassa_bank_barcode_digits (const char  *iban,
                           gint64       amount_cents,
                           const char  *reference,
                           KassaDay     due_date,
                           GError     **error)
{
  g_autofree char *account = NULL;
  g_autofree char *reference_part = NULL;
  g_autofree char *date_part = NULL;
  char version = '0';
  char *digits;

  g_return_val_if_fail (iban != NULL, NULL);
  g_return_val_if_fail (reference != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((account = account_digits (iban, error)) == NULL ||
      !check_amount (amount_cents, error) ||
      (reference_part = reference_fields (reference, &version, error)) == NULL ||
      (date_part = due_date_digits (due_date, error)) == NULL)
    return NULL;

  digits = g_strdup_printf ("%c%s%06" G_GINT64_MODIFIER "d%02d%s%s",
                            version, account, amount_cents / 100, (int) (amount_cents % 100),
                            reference_part, date_part);
  g_assert (strlen (digits) == BARCODE_DIGITS);
  return digits;
}

/* Symbol values of a set C symbol: start, digit pairs, check. */
static GArray *
code128c_values (const char *digits)
{
  gsize length = strlen (digits);
  GArray *values;
  guint sum = CODE128_START_C;
  guint value;

  if (length == 0 || length % 2 != 0 || !is_digits (digits))
    return NULL;

  values = g_array_sized_new (FALSE, FALSE, sizeof (guint), length / 2 + 2);
  value = CODE128_START_C;
  g_array_append_val (values, value);
  for (gsize i = 0; i < length; i += 2)
    {
      value = (guint) ((digits[i] - '0') * 10 + (digits[i + 1] - '0'));
      sum += value * (guint) (i / 2 + 1);
      g_array_append_val (values, value);
    }
  value = sum % CODE128_CHECK_MOD;
  g_array_append_val (values, value);

  return values;
}

/**
 * kassa_code128c_widths:
 * @digits: an even number of digits (at least two)
 *
 * Returns: (transfer full) (nullable): the module widths of start C, the
 *   digit pairs, the check character and stop; %NULL when @digits is not
 *   an even-length digit string
 */
char *
kassa_code128c_widths (const char *digits)
{
  g_autoptr(GArray) values = NULL;
  GString *widths;

  g_return_val_if_fail (digits != NULL, NULL);

  if ((values = code128c_values (digits)) == NULL)
    return NULL;

  widths = g_string_new (NULL);
  for (guint i = 0; i < values->len; i++)
    g_string_append (widths, code128_patterns[g_array_index (values, guint, i)]);
  g_string_append (widths, code128_patterns[CODE128_STOP]);
  g_string_append (widths, STOP_LAST_BAR);

  return g_string_free (widths, FALSE);
}

/**
 * kassa_code128c_draw:
 * @cr: where to draw, in user units
 * @digits: an even number of digits
 *
 * Paints the quiet zones white (Code 128 asks for at least ten modules on
 * each side, and a scanner needs them to find the start) and the bars
 * black, whatever the current source of @cr.
 *
 * Returns: the width drawn including both quiet zones, 0 when @digits
 *   cannot be encoded
 */
double
kassa_code128c_draw (cairo_t    *cr,
                     const char *digits,
                     double      x,
                     double      y,
                     double      module,
                     double      height)
{
  g_autofree char *widths = NULL;
  double position;
  int modules = 2 * QUIET_MODULES;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (digits != NULL, 0);
  g_return_val_if_fail (module > 0 && height > 0, 0);

  if ((widths = kassa_code128c_widths (digits)) == NULL)
    return 0;

  for (const char *w = widths; *w != '\0'; w++)
    modules += *w - '0';

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, modules * module, height);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  position = x + QUIET_MODULES * module;
  for (gsize i = 0; widths[i] != '\0'; i++)
    {
      double width = (widths[i] - '0') * module;

      if (i % 2 == 0)
        cairo_rectangle (cr, position, y, width, height);
      position += width;
    }
  cairo_fill (cr);
  cairo_restore (cr);

  return modules * module;
}

static gboolean
pixel_is_dark (const guchar   *pixel,
               cairo_format_t  format)
{
  guint32 argb;
  guint alpha;
  guint red, green, blue;

  memcpy (&argb, pixel, sizeof argb);
  alpha = format == CAIRO_FORMAT_ARGB32 ? argb >> 24 : 0xff;
  /* Premultiplied colour over white: add the white that shows through. */
  red = ((argb >> 16) & 0xff) + (0xff - alpha);
  green = ((argb >> 8) & 0xff) + (0xff - alpha);
  blue = (argb & 0xff) + (0xff - alpha);

  return (red * 299 + green * 587 + blue * 114) / 1000 < DARK_LUMINANCE;
}

/* Lengths in pixels of the alternating light and dark runs of the row;
 * the first run is light (possibly of length 0). */
static GArray *
row_runs (cairo_surface_t *image,
          int              row)
{
  cairo_format_t format = cairo_image_surface_get_format (image);
  int width = cairo_image_surface_get_width (image);
  const guchar *line = cairo_image_surface_get_data (image) +
                       (gsize) row * (gsize) cairo_image_surface_get_stride (image);
  GArray *runs = g_array_new (FALSE, TRUE, sizeof (int));
  gboolean dark = FALSE;
  int length = 0;

  for (int x = 0; x < width; x++)
    {
      if (pixel_is_dark (line + 4 * x, format) != dark)
        {
          g_array_append_val (runs, length);
          dark = !dark;
          length = 0;
        }
      length++;
    }
  g_array_append_val (runs, length);

  return runs;
}

/* Turns @count pixel runs spanning @modules modules into module counts.
 * Rounding each run alone can miss the total by one when edges are
 * anti-aliased; then the run whose rounding was furthest off gives way. */
static gboolean
runs_to_modules (const int *runs,
                 int        count,
                 int        modules,
                 char      *pattern)
{
  double total = 0;
  double exact[STOP_ELEMENTS];
  int sum = 0;

  for (int i = 0; i < count; i++)
    total += runs[i];
  if (total < modules)
    return FALSE;

  for (int i = 0; i < count; i++)
    {
      exact[i] = runs[i] * modules / total;
      pattern[i] = (char) CLAMP ((int) lround (exact[i]), 1, 4);
      sum += pattern[i];
    }

  if (sum != modules)
    {
      int step = sum > modules ? -1 : 1;
      int worst = -1;
      double worst_error = 0;

      for (int i = 0; i < count; i++)
        {
          double error = (exact[i] - pattern[i]) * step;

          if (error > worst_error && pattern[i] + step >= 1 && pattern[i] + step <= 4)
            {
              worst = i;
              worst_error = error;
            }
        }
      if (worst < 0 || ABS (sum - modules) != 1)
        return FALSE;
      pattern[worst] = (char) (pattern[worst] + step);
    }

  for (int i = 0; i < count; i++)
    pattern[i] = (char) ('0' + pattern[i]);
  pattern[count] = '\0';
  return TRUE;
}

/* The value of the six runs at @runs, or -1. */
static int
symbol_value (const int *runs)
{
  char pattern[SYMBOL_ELEMENTS + 1];

  if (!runs_to_modules (runs, SYMBOL_ELEMENTS, SYMBOL_MODULES, pattern))
    return -1;

  for (int value = 0; value < (int) G_N_ELEMENTS (code128_patterns); value++)
    {
      if (strcmp (pattern, code128_patterns[value]) == 0)
        return value;
    }

  return -1;
}

static gboolean
is_stop (const int *runs)
{
  char pattern[STOP_ELEMENTS + 1];

  return runs_to_modules (runs, STOP_ELEMENTS, SYMBOL_MODULES + 2, pattern) &&
         strcmp (pattern, "2331112") == 0;
}

/* Reads symbols from the start C at runs[start] up to the stop; returns
 * the digits when the check character matches. */
static char *
decode_from (const int *runs,
             guint      n_runs,
             guint      start)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  guint sum = CODE128_START_C;
  int previous = -1;
  guint position = 0;

  for (guint i = start + SYMBOL_ELEMENTS; i + STOP_ELEMENTS <= n_runs; i += SYMBOL_ELEMENTS)
    {
      int value;

      if (is_stop (runs + i))
        {
          /* The last value read was the check character, not data. */
          if (previous < 0 || position < 2 || (sum - (guint) previous * position) %
              CODE128_CHECK_MOD != (guint) previous)
            return NULL;
          g_string_truncate (digits, digits->len - 2);
          return digits->len > 0 ? g_strdup (digits->str) : NULL;
        }

      value = symbol_value (runs + i);
      if (value < 0 || value > 99)
        return NULL;

      position++;
      sum += (guint) value * position;
      g_string_append_printf (digits, "%02d", value);
      previous = value;
    }

  return NULL;
}

/**
 * kassa_code128c_decode_row:
 * @image: an ARGB32 or RGB24 image surface
 * @row: the scan line, 0 … height − 1
 *
 * Every symbol is measured on its own (its six runs span eleven modules),
 * so the scale need not be a whole number of pixels per module.
 *
 * Returns: (transfer full) (nullable): the digits of the first valid
 *   set C symbol on the line, or %NULL
 */
char *
kassa_code128c_decode_row (cairo_surface_t *image,
                           int              row)
{
  g_autoptr(GArray) runs = NULL;
  cairo_format_t format;

  g_return_val_if_fail (image != NULL, NULL);
  g_return_val_if_fail (cairo_surface_get_type (image) == CAIRO_SURFACE_TYPE_IMAGE, NULL);
  g_return_val_if_fail (row >= 0 && row < cairo_image_surface_get_height (image), NULL);

  format = cairo_image_surface_get_format (image);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return NULL;

  cairo_surface_flush (image);
  runs = row_runs (image, row);

  /* Dark runs sit at odd indices; each may begin a start C. */
  for (guint i = 1; i + SYMBOL_ELEMENTS <= runs->len; i += 2)
    {
      const int *data = &g_array_index (runs, int, 0);
      char *digits;

      if (symbol_value (data + i) != CODE128_START_C)
        continue;
      if ((digits = decode_from (data, runs->len, i)) != NULL)
        return digits;
    }

  return NULL;
}
