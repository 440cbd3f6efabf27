/* kassa-epc-qr.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-epc-qr"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <qrencode.h>

#include "kassa-date.h"
#include "kassa-epc-qr.h"
#include "kassa-invoice-document.h"
#include "kassa-money.h"
#include "kassa-reference.h"

#define PAYLOAD_MAX_BYTES  331
#define NAME_MAX_CHARS     70
#define TEXT_MAX_CHARS     140
#define AMOUNT_MAX_CENTS   G_GINT64_CONSTANT (99999999999)
#define QUIET_MODULES      4

/* Line positions of version 002; a line left empty keeps its place. */
enum
{
  LINE_SERVICE_TAG,
  LINE_VERSION,
  LINE_CHARACTER_SET,
  LINE_IDENTIFICATION,
  LINE_BIC,
  LINE_NAME,
  LINE_IBAN,
  LINE_AMOUNT,
  LINE_PURPOSE,
  LINE_REFERENCE,
  LINE_TEXT,
  LINE_INFORMATION,
  N_LINES
};

static void
set_invalid (GError    **error,
             const char *message)
{
  g_set_error_literal (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_INVALID, message);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

/* Each field must stay on its own line of the payload. */
static gboolean
is_one_line (const char *text)
{
  return strpbrk (text, "\r\n") == NULL;
}

/* A copy without surrounding spaces, or NULL when @text is not one line
 * of valid UTF-8 of at most @max_chars characters. */
static char *
checked_text (const char *text,
              glong       max_chars)
{
  g_autofree char *copy = NULL;

  if (!g_utf8_validate (text, -1, NULL) || !is_one_line (text))
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (g_utf8_strlen (copy, -1) > max_chars)
    return NULL;

  return g_steal_pointer (&copy);
}

/* BIC: bank (4 letters), country (2 letters), location (2), and an
 * optional branch (3). */
static gboolean
is_bic (const char *bic)
{
  gsize length = strlen (bic);

  if (length != 8 && length != 11)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (i < 6 ? !g_ascii_isupper (bic[i]) : !g_ascii_isalnum (bic[i]))
        return FALSE;
    }

  return TRUE;
}

static char *
bic_line (const char  *bic,
          GError     **error)
{
  g_autofree char *text = NULL;

  if (is_blank (bic))
    return g_strdup ("");

  text = kassa_iban_normalize (bic);
  if (!is_bic (text))
    {
      set_invalid (error, _("The BIC of the account is not valid. Correct it in the company "
                            "details or leave it empty."));
      return NULL;
    }

  return g_steal_pointer (&text);
}

static char *
name_line (const char  *name,
           GError     **error)
{
  char *text;

  if (is_blank (name) || (text = checked_text (name, NAME_MAX_CHARS)) == NULL)
    {
      set_invalid (error, _("The payee name for the QR code must be one line of 1 to 70 "
                            "characters. Check the company name."));
      return NULL;
    }

  return text;
}

static char *
iban_line (const char  *iban,
           GError     **error)
{
  if (iban == NULL || !kassa_iban_is_valid (iban))
    {
      set_invalid (error, _("The QR code needs a valid IBAN. Check the account in the company "
                            "details."));
      return NULL;
    }

  return kassa_iban_normalize (iban);
}

static char *
amount_line (gint64   amount_cents,
             GError **error)
{
  if (amount_cents < 1 || amount_cents > AMOUNT_MAX_CENTS)
    {
      g_autofree char *low = kassa_money_format (1, "EUR", kassa_locale_current ());
      g_autofree char *high = kassa_money_format (AMOUNT_MAX_CENTS, "EUR", kassa_locale_current ());

      /* Translators: the limits are formatted amounts, e.g. "€0.01" and "€999,999,999.99" */
      g_autofree char *message = g_strdup_printf (_("A payment QR code can only be printed for an amount to pay "
                                                  "between %s and %s."), low, high);

      set_invalid (error, message);
      return NULL;
    }

  return g_strdup_printf ("EUR%" G_GINT64_FORMAT ".%02d",
                          amount_cents / 100, (int) (amount_cents % 100));
}

/* The structured reference is an ISO 11649 RF reference; a Finnish
 * national reference is carried as the RF reference built on it, which
 * banks report back as the same national reference. */
static char *
reference_line (const char  *reference,
                GError     **error)
{
  if (kassa_reference_rf_is_valid (reference))
    return kassa_iban_normalize (reference);

  if (kassa_reference_fi_is_valid (reference))
    return kassa_reference_rf_from_fi (reference);

  /* Translators: %s is the reference number the user entered */
  g_set_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_INVALID,
               _("The reference %s is neither a valid RF reference nor a valid Finnish "
                 "reference. Correct it to print a payment QR code."), reference);
  return NULL;
}

static char *
text_line (const char  *text,
           GError     **error)
{
  char *line;

  if (is_blank (text))
    return g_strdup ("");

  if ((line = checked_text (text, TEXT_MAX_CHARS)) == NULL)
    {
      set_invalid (error, _("The message for the payment QR code must be one line of at most "
                            "140 characters. Shorten it."));
      return NULL;
    }

  return line;
}

/* Finnish banks read the due date from the beneficiary-to-originator
 * information as "ReqdExctnDt/YYYY-MM-DD". */
static char *
information_line (KassaDay  due_date,
                  GError  **error)
{
  g_autofree char *iso = NULL;

  if (due_date == 0)
    return g_strdup ("");

  if (!kassa_day_is_valid (due_date))
    {
      set_invalid (error, _("The due date of the invoice is not a valid date. Correct it to "
                            "print a payment QR code."));
      return NULL;
    }

  iso = kassa_day_format_iso (due_date);
  return g_strconcat ("ReqdExctnDt/", iso, NULL);
}

static gboolean
fill_lines (const KassaEpcPayment  *payment,
            char                  **lines,
            GError                **error)
{
  gboolean has_reference = !is_blank (payment->reference);

  lines[LINE_SERVICE_TAG] = g_strdup ("BCD");
  lines[LINE_VERSION] = g_strdup ("002");
  lines[LINE_CHARACTER_SET] = g_strdup ("1");  /* UTF-8 */
  lines[LINE_IDENTIFICATION] = g_strdup ("SCT");
  lines[LINE_PURPOSE] = g_strdup ("");

  return (lines[LINE_BIC] = bic_line (payment->bic, error)) != NULL &&
         (lines[LINE_NAME] = name_line (payment->name, error)) != NULL &&
         (lines[LINE_IBAN] = iban_line (payment->iban, error)) != NULL &&
         (lines[LINE_AMOUNT] = amount_line (payment->amount_cents, error)) != NULL &&
         (lines[LINE_REFERENCE] = has_reference ? reference_line (payment->reference, error)
                                                : g_strdup ("")) != NULL &&
         (lines[LINE_TEXT] = has_reference ? g_strdup ("")
                                           : text_line (payment->text, error)) != NULL &&
         (lines[LINE_INFORMATION] = information_line (payment->due_date, error)) != NULL;
}

/**
 * kassa_epc_qr_payload:
 * @payment: the credit transfer; when it has a reference, its text is
 *   not used (the format carries one or the other)
 *
 * Returns: (transfer full) (nullable): the payload, or %NULL with @error
 */
char *
kassa_epc_qr_payload (const KassaEpcPayment  *payment,
                      GError                **error)
{
  char *lines[N_LINES + 1] = { NULL, };
  g_autofree char *payload = NULL;
  int n_lines = N_LINES;

  g_return_val_if_fail (payment != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!fill_lines (payment, lines, error))
    {
      for (int i = 0; i < N_LINES; i++)
        g_free (lines[i]);
      return NULL;
    }

  /* Trailing empty lines are dropped; empty lines before a filled one
   * stay, since the position gives a line its meaning. */
  while (lines[n_lines - 1][0] == '\0')
    g_clear_pointer (&lines[--n_lines], g_free);
  payload = g_strjoinv ("\n", lines);
  for (int i = 0; i < n_lines; i++)
    g_free (lines[i]);

  if (strlen (payload) > PAYLOAD_MAX_BYTES)
    {
      set_invalid (error, _("The payment details do not fit in a payment QR code. Shorten the "
                            "payee name or the message."));
      return NULL;
    }

  return g_steal_pointer (&payload);
}

static void
add_modules (cairo_t       *cr,
             const QRcode  *code,
             double         x,
             double         y,
             double         module)
{
  for (int row = 0; row < code->width; row++)
    {
      const unsigned char *line = code->data + (gsize) row * (gsize) code->width;

      /* One rectangle per run of dark modules keeps PDFs small. */
      for (int column = 0; column < code->width;)
        {
          int start = column;

          while (column < code->width && (line[column] & 1) != 0)
            column++;
          if (column > start)
            cairo_rectangle (cr, x + start * module, y + row * module,
                             (column - start) * module, module);
          else
            column++;
        }
    }
}

/**
 * kassa_epc_qr_draw:
 * @payload: from kassa_epc_qr_payload()
 * @size: side length of the symbol including its quiet zone
 *
 * Paints the whole square white and the dark modules black.
 *
 * Returns: %FALSE with @error when @payload cannot be encoded
 */
gboolean
kassa_epc_qr_draw (cairo_t     *cr,
                   const char  *payload,
                   double       x,
                   double       y,
                   double       size,
                   GError     **error)
{
  QRcode *code;
  double module;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (payload != NULL, FALSE);
  g_return_val_if_fail (size > 0, FALSE);

  code = QRcode_encodeString (payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    {
      set_invalid (error, _("The payment QR code could not be created. Shorten the payee name "
                            "or the message."));
      return FALSE;
    }

  module = size / (code->width + 2 * QUIET_MODULES);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  add_modules (cr, code, x + QUIET_MODULES * module, y + QUIET_MODULES * module, module);
  cairo_fill (cr);
  cairo_restore (cr);

  QRcode_free (code);
  return TRUE;
}
