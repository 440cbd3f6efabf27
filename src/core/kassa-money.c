/* kassa-money.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-money"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-money.h"

#define MINUS_SIGN            "\xe2\x88\x92" /* U+2212 */
#define NO_BREAK_SPACE        "\xc2\xa0"     /* U+00A0 */
#define NARROW_NO_BREAK_SPACE "\xe2\x80\xaf" /* U+202F */

#define QUANTITY_EXPONENT 3
#define QUANTITY_MAX      G_GINT64_CONSTANT (1000000000000)
#define PERCENT_EXPONENT  2
#define PERCENT_MAX       10000

typedef struct
{
  const char *code;
  int         exponent;
  const char *symbol;
} CurrencyInfo;

static const CurrencyInfo currencies[] = {
  { "EUR", 2, "€" },
  { "SEK", 2, "kr" },
  { "CNY", 2, "¥" },
  { "USD", 2, "$" },
  { "GBP", 2, "£" },
  { "NOK", 2, "kr" },
  { "DKK", 2, "kr" },
  { "JPY", 0, "¥" },
  { "CHF", 2, "CHF" },
};

/* What a parser accepts around and inside the digits. */
typedef struct
{
  int         exponent;
  gint64      max;
  const char *currency; /* nullable: its code and symbol may surround the number */
  gboolean    percent;  /* a trailing '%' is accepted */
} NumberRules;

G_DEFINE_QUARK (kassa-parse-error-quark, kassa_parse_error)

static const CurrencyInfo *
find_currency (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      if (g_ascii_strcasecmp (currencies[i].code, code) == 0)
        return &currencies[i];
    }

  return NULL;
}

static gboolean
uses_decimal_comma (KassaLocale locale)
{
  return locale == KASSA_LOCALE_FI || locale == KASSA_LOCALE_SV;
}

static guint64
power_of_ten (int exponent)
{
  guint64 result = 1;

  for (int i = 0; i < exponent; i++)
    result *= 10;

  return result;
}

/* Magnitude without overflow, also for G_MININT64. */
static guint64
magnitude (gint64 value)
{
  return value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
}

static void
append_grouped_integer (GString     *out,
                        guint64      value,
                        KassaLocale  locale)
{
  const char *group = uses_decimal_comma (locale) ? NARROW_NO_BREAK_SPACE : ",";
  char digits[32];
  int n_digits;

  n_digits = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);

  for (int i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0)
        g_string_append (out, group);
      g_string_append_c (out, digits[i]);
    }
}

/* Appends value / 10^exponent exactly.  Fraction digits past min_decimals
 * are dropped when they are trailing zeros (quantities show "2,5", money
 * always shows its cents). */
static void
append_decimal (GString     *out,
                guint64      value,
                int          exponent,
                int          min_decimals,
                KassaLocale  locale)
{
  guint64 divisor = power_of_ten (exponent);
  guint64 fraction = value % divisor;
  char digits[32];
  int n_decimals = exponent;

  append_grouped_integer (out, value / divisor, locale);

  if (exponent == 0)
    return;

  g_snprintf (digits, sizeof digits, "%0*" G_GUINT64_FORMAT, exponent, fraction);
  while (n_decimals > min_decimals && digits[n_decimals - 1] == '0')
    n_decimals--;

  if (n_decimals == 0)
    return;

  g_string_append (out, uses_decimal_comma (locale) ? "," : ".");
  g_string_append_len (out, digits, n_decimals);
}

static gboolean
symbol_is_letters (const char *symbol)
{
  return g_ascii_isalpha (symbol[0]);
}

/* ---- parsing ---- */

static gboolean
is_space_at (const char *s,
             gsize      *length)
{
  if (*s == ' ' || *s == '\t')
    {
      *length = 1;
      return TRUE;
    }
  if (g_str_has_prefix (s, NO_BREAK_SPACE))
    {
      *length = strlen (NO_BREAK_SPACE);
      return TRUE;
    }
  if (g_str_has_prefix (s, NARROW_NO_BREAK_SPACE))
    {
      *length = strlen (NARROW_NO_BREAK_SPACE);
      return TRUE;
    }
  return FALSE;
}

static const char *
skip_spaces (const char *s)
{
  gsize length;

  while (is_space_at (s, &length))
    s += length;

  return s;
}

/* Removes spaces (including the Unicode no-break ones) from the end. */
static void
trim_end (const char *start,
          char       *end_of_text)
{
  char *end = end_of_text;

  for (;;)
    {
      if (end > start && (end[-1] == ' ' || end[-1] == '\t'))
        end -= 1;
      else if (end - start >= 2 && memcmp (end - 2, NO_BREAK_SPACE, 2) == 0)
        end -= 2;
      else if (end - start >= 3 && memcmp (end - 3, NARROW_NO_BREAK_SPACE, 3) == 0)
        end -= 3;
      else
        break;
    }
  *end = '\0';
}

static gboolean
consume_prefix (const char **s,
                const char  *prefix,
                gboolean     ignore_case)
{
  gsize length = strlen (prefix);
  gboolean matches;

  if (length == 0)
    return FALSE;

  matches = ignore_case ? g_ascii_strncasecmp (*s, prefix, length) == 0
                        : strncmp (*s, prefix, length) == 0;
  if (matches)
    *s += length;

  return matches;
}

static gboolean
strip_suffix (char       *s,
              const char *suffix,
              gboolean    ignore_case)
{
  gsize length = strlen (s);
  gsize suffix_length = strlen (suffix);
  char *tail;

  if (suffix_length == 0 || suffix_length > length)
    return FALSE;

  tail = s + length - suffix_length;
  if (ignore_case ? g_ascii_strcasecmp (tail, suffix) != 0 : strcmp (tail, suffix) != 0)
    return FALSE;

  *tail = '\0';
  trim_end (s, tail);
  return TRUE;
}

static gboolean
consume_sign (const char **s,
              gboolean    *negative)
{
  if (consume_prefix (s, "-", FALSE) || consume_prefix (s, MINUS_SIGN, FALSE))
    *negative = TRUE;
  else if (!consume_prefix (s, "+", FALSE))
    return FALSE;

  *s = skip_spaces (*s);
  return TRUE;
}

static gboolean
consume_currency (const char **s,
                  const char  *currency)
{
  gboolean found;

  if (currency == NULL)
    return FALSE;

  found = consume_prefix (s, kassa_currency_symbol (currency), FALSE) ||
          consume_prefix (s, currency, TRUE);
  if (found)
    *s = skip_spaces (*s);

  return found;
}

static void
strip_currency_suffix (char       *s,
                       const char *currency)
{
  if (currency == NULL)
    return;

  if (!strip_suffix (s, kassa_currency_symbol (currency), FALSE))
    strip_suffix (s, currency, TRUE);
}

/* Reduces the number to one byte per element: digits, '.', ',' and ' ' for
 * any of the spaces people (or copy and paste) use to group thousands. */
static gboolean
simplify_body (const char *s,
               GString    *body)
{
  gsize length;

  while (*s != '\0')
    {
      if (g_ascii_isdigit (*s) || *s == '.' || *s == ',')
        {
          g_string_append_c (body, *s);
          s++;
        }
      else if (is_space_at (s, &length))
        {
          g_string_append_c (body, ' ');
          s += length;
        }
      else
        return FALSE;
    }

  return TRUE;
}

static int
count_char (const char *s,
            char        c)
{
  int count = 0;

  for (; *s != '\0'; s++)
    count += *s == c;

  return count;
}

/* Position of the decimal separator, -1 when there is none, or -2 when the
 * separators cannot be read unambiguously.  In fi/sv a comma is decimal; a
 * lone dot is decimal too (people type 12.50), several dots group
 * thousands, and dots before a comma group ("1.234,56").  In en/zh_CN a dot
 * is decimal and commas only ever group. */
static int
find_decimal_separator (const char  *body,
                        KassaLocale  locale)
{
  int commas = count_char (body, ',');
  int dots = count_char (body, '.');

  if (uses_decimal_comma (locale))
    {
      if (commas > 1)
        return -2;
      if (commas == 1)
        return strchr (body, ',') - body;
      if (dots == 1)
        return strchr (body, '.') - body;
      return -1;
    }

  if (dots > 1)
    return -2;
  if (dots == 1)
    return strchr (body, '.') - body;
  return -1;
}

/* Integer digits with optional grouping: every group after a separator has
 * exactly three digits and the first group one to three. */
static gboolean
integer_grouping_is_valid (const char *integer,
                           gsize       length)
{
  gsize group_length = 0;
  gboolean grouped = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (g_ascii_isdigit (integer[i]))
        {
          group_length++;
          continue;
        }
      if (group_length == 0 || (grouped ? group_length != 3 : group_length > 3))
        return FALSE;
      grouped = TRUE;
      group_length = 0;
    }

  return !grouped || group_length == 3;
}

static gboolean
accumulate_digits (const char *digits,
                   gsize       length,
                   guint64     limit,
                   guint64    *value)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (digits[i]))
        continue;
      *value = *value * 10 + (guint64) (digits[i] - '0');
      /* limit ≤ 10^15, so the next step cannot overflow a guint64 */
      if (*value > limit)
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_body (const char        *body,
            KassaLocale        locale,
            const NumberRules *rules,
            guint64           *value,
            KassaParseError   *failure)
{
  int decimal = find_decimal_separator (body, locale);
  gsize integer_length = decimal >= 0 ? (gsize) decimal : strlen (body);
  const char *fraction = decimal >= 0 ? body + decimal + 1 : "";
  gsize fraction_length = strlen (fraction);
  guint64 scale = power_of_ten (rules->exponent);
  guint64 integer_value = 0;
  guint64 fraction_value = 0;

  *failure = KASSA_PARSE_ERROR_INVALID;
  if (decimal == -2 || !integer_grouping_is_valid (body, integer_length))
    return FALSE;
  if (decimal >= 0 && (fraction_length == 0 || strspn (fraction, "0123456789") != fraction_length))
    return FALSE;
  if (integer_length == 0 && fraction_length == 0)
    return FALSE;

  if ((int) fraction_length > rules->exponent)
    {
      *failure = KASSA_PARSE_ERROR_TOO_MANY_DECIMALS;
      return FALSE;
    }

  *failure = KASSA_PARSE_ERROR_OUT_OF_RANGE;
  if (!accumulate_digits (body, integer_length, (guint64) rules->max / scale, &integer_value))
    return FALSE;
  accumulate_digits (fraction, fraction_length, G_MAXUINT32, &fraction_value);
  /* "12,5" in cents: 12 × 100 + 5 × 10 */
  fraction_value *= power_of_ten (rules->exponent - (int) fraction_length);
  *value = integer_value * scale + fraction_value;

  return *value <= (guint64) rules->max;
}

/* Reads a signed decimal number scaled by 10^exponent.  Sets *failure and
 * returns FALSE when the text is not a number under the rules. */
static gboolean
parse_number (const char        *text,
              KassaLocale        locale,
              const NumberRules *rules,
              gint64            *result,
              KassaParseError   *failure)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  g_autoptr(GString) body = g_string_new (NULL);
  const char *s = skip_spaces (copy);
  gboolean negative = FALSE;
  gboolean signed_ = FALSE;
  guint64 value = 0;

  trim_end (s, copy + strlen (copy));
  if (*s == '\0')
    {
      *failure = KASSA_PARSE_ERROR_EMPTY;
      return FALSE;
    }

  signed_ = consume_sign (&s, &negative);
  if (consume_currency (&s, rules->currency) && !signed_)
    consume_sign (&s, &negative);
  if (rules->percent)
    strip_suffix ((char *) s, "%", FALSE);
  strip_currency_suffix ((char *) s, rules->currency);

  *failure = KASSA_PARSE_ERROR_INVALID;
  if (!simplify_body (s, body))
    return FALSE;
  if (!parse_body (body->str, locale, rules, &value, failure))
    return FALSE;

  *result = negative ? -(gint64) value : (gint64) value;
  return TRUE;
}

static void
set_decimals_error (GError **error,
                    int      exponent)
{
  if (exponent == 0)
    {
      g_set_error_literal (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_TOO_MANY_DECIMALS,
                           _("Enter a whole number without decimals"));
      return;
    }

  g_set_error (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_TOO_MANY_DECIMALS,
               /* Translators: %d is the number of decimals allowed, e.g. 2 */
               g_dngettext (GETTEXT_PACKAGE, "Use at most %d decimal",
                            "Use at most %d decimals", (gulong) exponent),
               exponent);
}

static void
set_money_error (GError          **error,
                 KassaParseError   failure,
                 const char       *currency,
                 KassaLocale       locale)
{
  int exponent = kassa_currency_exponent (currency);

  switch (failure)
    {
    case KASSA_PARSE_ERROR_EMPTY:
      g_set_error_literal (error, KASSA_PARSE_ERROR, failure, _("Enter an amount"));
      break;
    case KASSA_PARSE_ERROR_TOO_MANY_DECIMALS:
      set_decimals_error (error, exponent);
      break;
    case KASSA_PARSE_ERROR_OUT_OF_RANGE:
      {
        g_autofree char *max = kassa_money_format (KASSA_MONEY_MAX, currency, locale);
        /* Translators: %s is the largest amount, e.g. "10 000 000 000 000,00 €" */
        g_set_error (error, KASSA_PARSE_ERROR, failure,
                     _("Enter an amount no larger than %s"), max);
      }
      break;
    case KASSA_PARSE_ERROR_INVALID:
    default:
      {
        /* 1234.56 in any currency, 1234 where there are no decimals */
        gint64 example_minor = 123456 * (gint64) power_of_ten (exponent) / 100;
        g_autofree char *example = kassa_money_format (example_minor, currency, locale);
        /* Translators: %s is an example amount, e.g. "1 234,56 €" */
        g_set_error (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_INVALID,
                     _("Enter an amount such as %s"), example);
      }
      break;
    }
}

static void
set_quantity_error (GError          **error,
                    KassaParseError   failure,
                    KassaLocale       locale)
{
  switch (failure)
    {
    case KASSA_PARSE_ERROR_EMPTY:
      g_set_error_literal (error, KASSA_PARSE_ERROR, failure, _("Enter a quantity"));
      break;
    case KASSA_PARSE_ERROR_TOO_MANY_DECIMALS:
      set_decimals_error (error, QUANTITY_EXPONENT);
      break;
    case KASSA_PARSE_ERROR_OUT_OF_RANGE:
      {
        g_autofree char *max = kassa_quantity_format (QUANTITY_MAX, locale);
        /* Translators: %s is the largest quantity, e.g. "1 000 000 000" */
        g_set_error (error, KASSA_PARSE_ERROR, failure,
                     _("Enter a quantity no larger than %s"), max);
      }
      break;
    case KASSA_PARSE_ERROR_INVALID:
    default:
      {
        g_autofree char *example = kassa_quantity_format (2500, locale);
        /* Translators: %s is an example quantity, e.g. "2,5" */
        g_set_error (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_INVALID,
                     _("Enter a quantity such as %s"), example);
      }
      break;
    }
}

static void
set_percent_error (GError          **error,
                   KassaParseError   failure,
                   KassaLocale       locale)
{
  switch (failure)
    {
    case KASSA_PARSE_ERROR_EMPTY:
      g_set_error_literal (error, KASSA_PARSE_ERROR, failure, _("Enter a percentage"));
      break;
    case KASSA_PARSE_ERROR_TOO_MANY_DECIMALS:
      set_decimals_error (error, PERCENT_EXPONENT);
      break;
    case KASSA_PARSE_ERROR_OUT_OF_RANGE:
      {
        g_autofree char *low = kassa_percent_format (0, locale);
        g_autofree char *high = kassa_percent_format (PERCENT_MAX, locale);
        /* Translators: the bounds, e.g. "Enter a percentage between 0 % and 100 %" */
        g_set_error (error, KASSA_PARSE_ERROR, failure,
                     _("Enter a percentage between %s and %s"), low, high);
      }
      break;
    case KASSA_PARSE_ERROR_INVALID:
    default:
      {
        g_autofree char *example = kassa_percent_format (2550, locale);
        /* Translators: %s is an example percentage, e.g. "25,5 %" */
        g_set_error (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_INVALID,
                     _("Enter a percentage such as %s"), example);
      }
      break;
    }
}

/* ---- public API ---- */

/**
 * kassa_locale_from_name:
 * @locale_name: (nullable): a POSIX locale name such as "fi_FI.UTF-8"
 *
 * Returns: the number and date conventions of that language; English for
 *   anything not translated.
 */
KassaLocale
kassa_locale_from_name (const char *locale_name)
{
  g_autofree char *language = NULL;
  const char *territory;
  gsize language_length;

  if (locale_name == NULL)
    return KASSA_LOCALE_EN;

  language_length = strcspn (locale_name, "_.@");
  language = g_strndup (locale_name, language_length);
  territory = locale_name[language_length] == '_' ? locale_name + language_length + 1 : "";

  if (g_ascii_strcasecmp (language, "fi") == 0)
    return KASSA_LOCALE_FI;
  if (g_ascii_strcasecmp (language, "sv") == 0)
    return KASSA_LOCALE_SV;
  /* Simplified Chinese is written in mainland China and Singapore. */
  if (g_ascii_strcasecmp (language, "zh") == 0 &&
      (*territory == '\0' || g_ascii_strncasecmp (territory, "CN", 2) == 0 ||
       g_ascii_strncasecmp (territory, "SG", 2) == 0))
    return KASSA_LOCALE_ZH_CN;

  return KASSA_LOCALE_EN;
}

/**
 * kassa_locale_current:
 *
 * Returns: the conventions of the process's message locale, falling back
 *   to the LANGUAGE/LC_ALL/LANG environment when the locale is "C".
 */
KassaLocale
kassa_locale_current (void)
{
  const char *name = setlocale (LC_MESSAGES, NULL);

  /* "C" (also "C.UTF-8") says nothing about the user's language: the
   * environment may still name one. */
  if (name == NULL || g_str_equal (name, "C") || g_str_has_prefix (name, "C.") ||
      g_str_equal (name, "POSIX"))
    name = g_get_language_names ()[0];

  return kassa_locale_from_name (name);
}

const char *
kassa_locale_to_code (KassaLocale locale)
{
  switch (locale)
    {
    case KASSA_LOCALE_FI:
      return "fi";
    case KASSA_LOCALE_SV:
      return "sv";
    case KASSA_LOCALE_ZH_CN:
      return "zh_CN";
    case KASSA_LOCALE_EN:
    default:
      return "en";
    }
}

gboolean
kassa_currency_is_known (const char *code)
{
  return find_currency (code) != NULL;
}

/**
 * kassa_currency_exponent:
 * @code: an ISO 4217 code
 *
 * Returns: the number of minor-unit digits; 2 for unknown currencies.
 */
int
kassa_currency_exponent (const char *code)
{
  const CurrencyInfo *info = find_currency (code);

  return info != NULL ? info->exponent : 2;
}

/**
 * kassa_currency_symbol:
 * @code: an ISO 4217 code
 *
 * Returns: (transfer none): the symbol, or @code itself for a currency not
 *   in the table.
 */
const char *
kassa_currency_symbol (const char *code)
{
  const CurrencyInfo *info = find_currency (code);

  g_return_val_if_fail (code != NULL, "");

  return info != NULL ? info->symbol : code;
}

/**
 * kassa_money_format:
 * @minor: the amount in minor units
 * @currency: an ISO 4217 code
 * @locale: the conventions to use
 *
 * Formats exactly from the integer: "1 234,56 €" (fi/sv), "€1,234.56"
 * (en/zh_CN), "SEK 1,234.56" for letter symbols in en/zh_CN.
 *
 * Returns: (transfer full): the amount for display
 */
char *
kassa_money_format (gint64       minor,
                    const char  *currency,
                    KassaLocale  locale)
{
  g_autoptr(GString) number = NULL;
  GString *out;
  const char *symbol;
  int exponent;

  g_return_val_if_fail (currency != NULL, NULL);

  number = g_string_new (NULL);
  out = g_string_new (NULL);
  symbol = kassa_currency_symbol (currency);
  exponent = kassa_currency_exponent (currency);
  append_decimal (number, magnitude (minor), exponent, exponent, locale);

  if (minor < 0)
    g_string_append (out, MINUS_SIGN);

  if (uses_decimal_comma (locale))
    g_string_append_printf (out, "%s" NO_BREAK_SPACE "%s", number->str, symbol);
  else if (symbol_is_letters (symbol))
    g_string_append_printf (out, "%s" NO_BREAK_SPACE "%s", currency, number->str);
  else
    g_string_append_printf (out, "%s%s", symbol, number->str);

  return g_string_free (out, FALSE);
}

/**
 * kassa_money_format_plain:
 *
 * Like kassa_money_format() without the currency: "1 234,56", "1,234.56".
 *
 * Returns: (transfer full): the number for display or editing
 */
char *
kassa_money_format_plain (gint64       minor,
                          const char  *currency,
                          KassaLocale  locale)
{
  GString *out;
  int exponent;

  g_return_val_if_fail (currency != NULL, NULL);

  out = g_string_new (NULL);
  exponent = kassa_currency_exponent (currency);
  if (minor < 0)
    g_string_append (out, MINUS_SIGN);
  append_decimal (out, magnitude (minor), exponent, exponent, locale);

  return g_string_free (out, FALSE);
}

/**
 * kassa_money_parse:
 * @text: what the user typed
 * @currency: an ISO 4217 code; its symbol or code may surround the number
 * @locale: the conventions to read
 * @minor: (out): the amount in minor units
 * @error: a #KASSA_PARSE_ERROR with a translated message
 *
 * Never rounds: more decimals than the currency has is an error.
 */
gboolean
kassa_money_parse (const char   *text,
                   const char   *currency,
                   KassaLocale   locale,
                   gint64       *minor,
                   GError      **error)
{
  NumberRules rules = { 0, };
  KassaParseError failure;
  gint64 value = 0;

  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (minor != NULL, FALSE);

  rules.exponent = kassa_currency_exponent (currency);
  rules.max = KASSA_MONEY_MAX;
  rules.currency = currency;

  if (parse_number (text, locale, &rules, &value, &failure))
    {
      *minor = value;
      return TRUE;
    }

  set_money_error (error, failure, currency, locale);
  return FALSE;
}

/**
 * kassa_quantity_format:
 * @thousandths: the quantity in thousandths
 *
 * Returns: (transfer full): "2", "2,5", "0,125" (fi/sv) or "2.5" (en/zh_CN)
 */
char *
kassa_quantity_format (gint64       thousandths,
                       KassaLocale  locale)
{
  GString *out = g_string_new (NULL);

  if (thousandths < 0)
    g_string_append (out, MINUS_SIGN);
  append_decimal (out, magnitude (thousandths), QUANTITY_EXPONENT, 0, locale);

  return g_string_free (out, FALSE);
}

/**
 * kassa_quantity_parse:
 * @thousandths: (out): the quantity; negative for credit lines
 *
 * Reads up to three decimals; the magnitude is at most 10^12 thousandths.
 */
gboolean
kassa_quantity_parse (const char   *text,
                      KassaLocale   locale,
                      gint64       *thousandths,
                      GError      **error)
{
  NumberRules rules = { QUANTITY_EXPONENT, QUANTITY_MAX, NULL, FALSE };
  KassaParseError failure;
  gint64 value = 0;

  g_return_val_if_fail (thousandths != NULL, FALSE);

  if (parse_number (text, locale, &rules, &value, &failure))
    {
      *thousandths = value;
      return TRUE;
    }

  set_quantity_error (error, failure, locale);
  return FALSE;
}

static char *
format_percent (gint         basis_points,
                int          min_decimals,
                KassaLocale  locale)
{
  GString *out = g_string_new (NULL);

  if (basis_points < 0)
    g_string_append (out, MINUS_SIGN);
  append_decimal (out, magnitude (basis_points), PERCENT_EXPONENT, min_decimals, locale);
  g_string_append (out, uses_decimal_comma (locale) ? NO_BREAK_SPACE "%" : "%");

  return g_string_free (out, FALSE);
}

/**
 * kassa_percent_format:
 * @basis_points: hundredths of a percent (2550 = 25.5 %)
 *
 * Returns: (transfer full): "25,5 %" (fi/sv, no-break space) or "25.5%"
 */
char *
kassa_percent_format (gint         basis_points,
                      KassaLocale  locale)
{
  return format_percent (basis_points, 0, locale);
}

char *
kassa_percent_format_fixed (gint         basis_points,
                            KassaLocale  locale)
{
  return format_percent (basis_points, PERCENT_EXPONENT, locale);
}

/**
 * kassa_percent_parse:
 * @basis_points: (out): 0..10000
 *
 * Reads "25,5", "25.5 %" or "25,5%"; at most two decimals.
 */
gboolean
kassa_percent_parse (const char   *text,
                     KassaLocale   locale,
                     gint         *basis_points,
                     GError      **error)
{
  NumberRules rules = { PERCENT_EXPONENT, PERCENT_MAX, NULL, TRUE };
  KassaParseError failure;
  gint64 value = 0;

  g_return_val_if_fail (basis_points != NULL, FALSE);

  if (parse_number (text, locale, &rules, &value, &failure))
    {
      if (value >= 0)
        {
          *basis_points = (gint) value;
          return TRUE;
        }
      failure = KASSA_PARSE_ERROR_OUT_OF_RANGE;
    }

  set_percent_error (error, failure, locale);
  return FALSE;
}

void
kassa_money_append_decimal (GString    *out,
                            gint64      minor,
                            const char *currency)
{
  int exponent = kassa_currency_exponent (currency);
  guint64 magnitude = minor < 0 ? -(guint64) minor : (guint64) minor;
  guint64 scale = 1;

  for (int i = 0; i < exponent; i++)
    scale *= 10;

  if (minor < 0)
    g_string_append_c (out, '-');
  g_string_append_printf (out, "%" G_GUINT64_FORMAT, magnitude / scale);
  if (exponent > 0)
    g_string_append_printf (out, ".%0*" G_GUINT64_FORMAT, exponent, magnitude % scale);
}
