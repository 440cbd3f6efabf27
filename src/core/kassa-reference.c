/* kassa-reference.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-reference"

#include "config.h"

#include <string.h>

#include "kassa-reference.h"

#define FI_BASE_MIN      3
#define FI_BASE_MAX      19
#define RF_LENGTH_MIN    5
#define RF_LENGTH_MAX    25
#define IBAN_LENGTH_MIN  15
#define IBAN_LENGTH_MAX  34

/* Layout of the national part (BBAN) of IBANs we know: runs of a count and
 * a class, 'n' digits, 'a' upper-case letters, 'c' either. */
typedef struct
{
  const char *country;
  const char *bban;
} IbanCountry;

static const IbanCountry iban_countries[] = {
  { "AT", "16n" },
  { "BE", "12n" },
  { "CH", "5n12c" },
  { "DE", "18n" },
  { "DK", "14n" },
  { "EE", "16n" },
  { "ES", "20n" },
  { "FI", "14n" },
  { "FR", "10n11c2n" },
  { "GB", "4a14n" },
  { "IT", "1a10n12c" },
  { "NL", "4a10n" },
  { "NO", "11n" },
  { "PL", "24n" },
  { "SE", "20n" },
};

static const int business_id_weights[] = { 7, 9, 10, 5, 8, 4, 2 };

/* Copy without spaces, upper-cased: what people paste has both. */
static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *s = text; *s != '\0'; s++)
    {
      if (!g_ascii_isspace (*s))
        g_string_append_c (out, g_ascii_toupper (*s));
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_all_digits (const char *s)
{
  return *s != '\0' && strspn (s, "0123456789") == strlen (s);
}

static gboolean
is_all_alnum (const char *s)
{
  for (; *s != '\0'; s++)
    {
      if (!g_ascii_isdigit (*s) && !g_ascii_isupper (*s))
        return FALSE;
    }
  return TRUE;
}

/* Splits into groups of @size; when @from_right the short group is first. */
static char *
group (const char *text,
       gsize       size,
       gboolean    from_right)
{
  gsize length = strlen (text);
  gsize first = from_right && length % size != 0 ? length % size : size;
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (i == first || (i > first && (i - first) % size == 0)))
        g_string_append_c (out, ' ');
      g_string_append_c (out, text[i]);
    }

  return g_string_free (out, FALSE);
}

/* ISO 7064 mod 97-10 over digits and letters (A = 10 … Z = 35), one
 * character at a time so that no big number is ever needed. */
static guint
mod97 (const char *text)
{
  guint remainder = 0;

  for (const char *s = text; *s != '\0'; s++)
    {
      if (g_ascii_isdigit (*s))
        remainder = (remainder * 10 + (guint) (*s - '0')) % 97;
      else
        remainder = (remainder * 100 + (guint) (*s - 'A' + 10)) % 97;
    }

  return remainder;
}

/* Moves the first four characters (country or "RF" + check digits) to the
 * end, as both ISO 13616 and ISO 11649 do before mod 97. */
static guint
mod97_rearranged (const char *text)
{
  g_autofree char *rearranged = g_strdup_printf ("%s%.4s", text + 4, text);

  return mod97 (rearranged);
}

static gboolean
matches_bban (const char *bban,
              const char *layout)
{
  const char *s = bban;
  const char *p = layout;

  while (*p != '\0')
    {
      int count = 0;
      char kind;

      for (; g_ascii_isdigit (*p); p++)
        count = count * 10 + (*p - '0');
      kind = *p++;

      for (int i = 0; i < count; i++, s++)
        {
          gboolean ok = kind == 'n' ? g_ascii_isdigit (*s)
                      : kind == 'a' ? g_ascii_isupper (*s)
                      : g_ascii_isdigit (*s) || g_ascii_isupper (*s);
          if (*s == '\0' || !ok)
            return FALSE;
        }
    }

  return *s == '\0';
}

static const IbanCountry *
find_iban_country (const char *iban)
{
  for (guint i = 0; i < G_N_ELEMENTS (iban_countries); i++)
    {
      if (strncmp (iban, iban_countries[i].country, 2) == 0)
        return &iban_countries[i];
    }

  return NULL;
}

/**
 * kassa_reference_fi_check_digit:
 * @base: 3..19 digits
 *
 * Weights 7, 3, 1 repeat from the rightmost digit of the base; the check
 * digit brings the weighted sum up to the next multiple of ten.
 *
 * Returns: the check digit, or -1 when @base is not 3..19 digits
 */
int
kassa_reference_fi_check_digit (const char *base)
{
  static const int weights[] = { 7, 3, 1 };
  gsize length;
  int sum = 0;

  g_return_val_if_fail (base != NULL, -1);

  length = strlen (base);
  if (length < FI_BASE_MIN || length > FI_BASE_MAX || !is_all_digits (base))
    return -1;

  for (gsize i = 0; i < length; i++)
    sum += (base[length - 1 - i] - '0') * weights[i % 3];

  return (10 - sum % 10) % 10;
}

/**
 * kassa_reference_fi_from_base:
 *
 * Returns: (transfer full) (nullable): @base followed by its check digit,
 *   or %NULL when @base is not 3..19 digits
 */
char *
kassa_reference_fi_from_base (const char *base)
{
  int check = kassa_reference_fi_check_digit (base);

  if (check < 0)
    return NULL;

  return g_strdup_printf ("%s%d", base, check);
}

/**
 * kassa_reference_fi_from_number:
 * @number: at least 100 (a reference needs a three-digit base)
 *
 * Returns: (transfer full) (nullable): the reference for an invoice number
 */
char *
kassa_reference_fi_from_number (gint64 number)
{
  char base[32];

  if (number < 100)
    return NULL;

  g_snprintf (base, sizeof base, "%" G_GINT64_FORMAT, number);
  return kassa_reference_fi_from_base (base);
}

/**
 * kassa_reference_fi_is_valid:
 * @reference: 4..20 digits, spaces ignored
 */
gboolean
kassa_reference_fi_is_valid (const char *reference)
{
  g_autofree char *digits = NULL;
  g_autofree char *base = NULL;
  gsize length;

  g_return_val_if_fail (reference != NULL, FALSE);

  digits = normalize (reference);
  length = strlen (digits);
  if (length < FI_BASE_MIN + 1 || length > FI_BASE_MAX + 1 || !is_all_digits (digits))
    return FALSE;

  base = g_strndup (digits, length - 1);
  return digits[length - 1] - '0' == kassa_reference_fi_check_digit (base);
}

/**
 * kassa_reference_fi_format:
 *
 * Returns: (transfer full): groups of five from the right
 */
char *
kassa_reference_fi_format (const char *reference)
{
  g_autofree char *digits = NULL;

  g_return_val_if_fail (reference != NULL, NULL);

  digits = normalize (reference);
  return group (digits, 5, TRUE);
}

/**
 * kassa_reference_rf_from_fi:
 * @reference: a valid Finnish reference (spaces allowed)
 *
 * Returns: (transfer full) (nullable): "RF" + check digits + the reference,
 *   without spaces; %NULL when @reference is not a valid Finnish reference
 */
char *
kassa_reference_rf_from_fi (const char *reference)
{
  g_autofree char *digits = NULL;
  g_autofree char *with_placeholder = NULL;

  g_return_val_if_fail (reference != NULL, NULL);

  if (!kassa_reference_fi_is_valid (reference))
    return NULL;

  digits = normalize (reference);
  with_placeholder = g_strconcat ("RF00", digits, NULL);
  return g_strdup_printf ("RF%02u%s", 98 - mod97_rearranged (with_placeholder), digits);
}

/**
 * kassa_reference_rf_is_valid:
 * @reference: spaces and lower case accepted
 */
gboolean
kassa_reference_rf_is_valid (const char *reference)
{
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (reference != NULL, FALSE);

  text = normalize (reference);
  length = strlen (text);
  if (length < RF_LENGTH_MIN || length > RF_LENGTH_MAX)
    return FALSE;
  if (!g_str_has_prefix (text, "RF") || !g_ascii_isdigit (text[2]) ||
      !g_ascii_isdigit (text[3]) || !is_all_alnum (text))
    return FALSE;

  return mod97_rearranged (text) == 1;
}

/**
 * kassa_reference_rf_format:
 *
 * Returns: (transfer full): groups of four from the left, "RF33 2348 236"
 */
char *
kassa_reference_rf_format (const char *reference)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (reference != NULL, NULL);

  text = normalize (reference);
  return group (text, 4, FALSE);
}

/**
 * kassa_iban_is_valid:
 * @iban: spaces and lower case accepted
 *
 * Checks the structure (country letters, check digits, the national layout
 * for the countries we know, 15..34 characters for others) and mod 97.
 */
gboolean
kassa_iban_is_valid (const char *iban)
{
  g_autofree char *text = NULL;
  const IbanCountry *country;
  gsize length;

  g_return_val_if_fail (iban != NULL, FALSE);

  text = normalize (iban);
  length = strlen (text);
  if (length < IBAN_LENGTH_MIN || length > IBAN_LENGTH_MAX || !is_all_alnum (text))
    return FALSE;
  if (!g_ascii_isupper (text[0]) || !g_ascii_isupper (text[1]) ||
      !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]))
    return FALSE;

  country = find_iban_country (text);
  if (country != NULL && !matches_bban (text + 4, country->bban))
    return FALSE;

  return mod97_rearranged (text) == 1;
}

/**
 * kassa_iban_normalize:
 *
 * Returns: (transfer full): @iban without spaces, upper case
 */
char *
kassa_iban_normalize (const char *iban)
{
  g_return_val_if_fail (iban != NULL, NULL);

  return normalize (iban);
}

/**
 * kassa_iban_format:
 *
 * Returns: (transfer full): groups of four, "FI21 1234 5600 0007 85"
 */
char *
kassa_iban_format (const char *iban)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (iban != NULL, NULL);

  text = normalize (iban);
  return group (text, 4, FALSE);
}

/**
 * kassa_business_id_fi_is_valid:
 * @business_id: "1234567-8"
 *
 * Weights 7, 9, 10, 5, 8, 4, 2; remainder 0 gives check digit 0, remainder
 * 1 is never issued, otherwise the check digit is 11 − remainder.
 */
gboolean
kassa_business_id_fi_is_valid (const char *business_id)
{
  int sum = 0;
  int remainder;

  g_return_val_if_fail (business_id != NULL, FALSE);

  if (strlen (business_id) != 9 || business_id[7] != '-' || !g_ascii_isdigit (business_id[8]))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (business_id_weights); i++)
    {
      if (!g_ascii_isdigit (business_id[i]))
        return FALSE;
      sum += (business_id[i] - '0') * business_id_weights[i];
    }

  remainder = sum % 11;
  if (remainder == 1)
    return FALSE;

  return business_id[8] - '0' == (remainder == 0 ? 0 : 11 - remainder);
}

#define SE_OCR_LENGTH_MIN 2
#define SE_OCR_LENGTH_MAX 25

/* Luhn (mod 10): from the rightmost digit of @digits, weights 2, 1, 2, …;
 * a two-digit product counts as the sum of its digits; the check digit
 * brings the sum up to the next multiple of ten. */
static int
luhn_check_digit (const char *digits)
{
  gsize length = strlen (digits);
  int sum = 0;

  for (gsize i = 0; i < length; i++)
    {
      int product = (digits[length - 1 - i] - '0') * (i % 2 == 0 ? 2 : 1);

      sum += product / 10 + product % 10;
    }

  return (10 - sum % 10) % 10;
}

/**
 * kassa_reference_se_ocr_from_number:
 * @number: 0 or more, typically the invoice number
 * @with_length_digit: whether to add the length digit that payees with
 *   length control (hård/variabel längdkontroll) at Bankgirot need: the
 *   total length including itself and the check digit, modulo 10
 *
 * Returns: (transfer full) (nullable): the OCR reference, %NULL when
 *   @number is negative
 */
char *
kassa_reference_se_ocr_from_number (gint64   number,
                                    gboolean with_length_digit)
{
  g_autofree char *base = NULL;

  if (number < 0)
    return NULL;

  base = g_strdup_printf ("%" G_GINT64_FORMAT, number);
  if (with_length_digit)
    {
      char *with_length = g_strdup_printf ("%s%d", base, (int) ((strlen (base) + 2) % 10));

      g_free (base);
      base = with_length;
    }

  return g_strdup_printf ("%s%d", base, luhn_check_digit (base));
}

/**
 * kassa_reference_se_ocr_is_valid:
 * @ocr: 2..25 digits, spaces ignored
 *
 * Checks the Luhn check digit only: whether a length digit is expected
 * depends on the payee's agreement with Bankgirot.
 */
gboolean
kassa_reference_se_ocr_is_valid (const char *ocr)
{
  g_autofree char *digits = NULL;
  g_autofree char *base = NULL;
  gsize length;

  g_return_val_if_fail (ocr != NULL, FALSE);

  digits = normalize (ocr);
  length = strlen (digits);
  if (length < SE_OCR_LENGTH_MIN || length > SE_OCR_LENGTH_MAX || !is_all_digits (digits))
    return FALSE;

  base = g_strndup (digits, length - 1);
  return digits[length - 1] - '0' == luhn_check_digit (base);
}

/* Keeps the digits of text, or NULL when anything but digits and at most
 * one dash is in it. */
static char *
giro_digits (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  guint dashes = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != '-' || ++dashes > 1)
        return NULL;
    }

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

static gboolean
digits_pass_luhn (const char *digits)
{
  gsize length = strlen (digits);
  g_autofree char *base = g_strndup (digits, length - 1);

  return digits[length - 1] - '0' == luhn_check_digit (base);
}

/**
 * kassa_bankgiro_is_valid:
 * @bankgiro: as written, "NNN-NNNN" or "NNNN-NNNN"
 *
 * Bankgiro numbers have 7 or 8 digits, the last one a Luhn check digit.
 */
gboolean
kassa_bankgiro_is_valid (const char *bankgiro)
{
  g_autofree char *digits = NULL;
  gsize length;

  g_return_val_if_fail (bankgiro != NULL, FALSE);

  digits = giro_digits (bankgiro);
  length = strlen (bankgiro);
  if (digits == NULL || length < 5 || bankgiro[length - 5] != '-')
    return FALSE;

  return (strlen (digits) == 7 || strlen (digits) == 8) && digits_pass_luhn (digits);
}

/**
 * kassa_plusgiro_is_valid:
 * @plusgiro: 2 to 8 digits, the check digit may be set off by a dash ("4605-1")
 *
 * The last digit is a Luhn check digit.
 */
gboolean
kassa_plusgiro_is_valid (const char *plusgiro)
{
  g_autofree char *digits = NULL;
  const char *dash;
  gsize length;

  g_return_val_if_fail (plusgiro != NULL, FALSE);

  digits = giro_digits (plusgiro);
  length = strlen (plusgiro);
  dash = strchr (plusgiro, '-');
  if (digits == NULL || (dash != NULL && dash != plusgiro + length - 2))
    return FALSE;

  return strlen (digits) >= 2 && strlen (digits) <= 8 && digits_pass_luhn (digits);
}
