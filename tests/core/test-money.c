/* test-money.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-money"

#include "config.h"

#include <locale.h>

#include <glib.h>

#include "kassa-money.h"

/* Spelled out as bytes so that the tests check the exact encoding. */
#define NNBSP "\xe2\x80\xaf" /* U+202F NARROW NO-BREAK SPACE */
#define NBSP  "\xc2\xa0"     /* U+00A0 NO-BREAK SPACE */
#define MINUS "\xe2\x88\x92" /* U+2212 MINUS SIGN */
#define EURO  "\xe2\x82\xac" /* U+20AC */
#define YEN   "\xc2\xa5"     /* U+00A5 */
#define POUND "\xc2\xa3"     /* U+00A3 */

#define FI KASSA_LOCALE_FI
#define SV KASSA_LOCALE_SV
#define EN KASSA_LOCALE_EN
#define ZH KASSA_LOCALE_ZH_CN

#define OK (-1)
#define EMPTY KASSA_PARSE_ERROR_EMPTY
#define INVALID KASSA_PARSE_ERROR_INVALID
#define DECIMALS KASSA_PARSE_ERROR_TOO_MANY_DECIMALS
#define RANGE KASSA_PARSE_ERROR_OUT_OF_RANGE

typedef struct
{
  gint64      minor;
  const char *currency;
  KassaLocale locale;
  const char *expected;
} FormatCase;

typedef struct
{
  const char *text;
  const char *currency;
  KassaLocale locale;
  int         error_code; /* OK or a KassaParseError */
  gint64      expected;
} ParseCase;

static void
test_error_quark (void)
{
  g_assert_cmpstr (g_quark_to_string (KASSA_PARSE_ERROR), ==, "kassa-parse-error-quark");
}

static void
test_locale_from_name (void)
{
  static const struct { const char *name; KassaLocale expected; } cases[] = {
    { "fi_FI.UTF-8", FI },
    { "fi_FI", FI },
    { "fi", FI },
    { "sv_SE.UTF-8", SV },
    { "sv_FI.UTF-8", SV },
    { "sv_FI@euro", SV },
    { "zh_CN.UTF-8", ZH },
    { "zh_CN", ZH },
    { "zh_SG.UTF-8", ZH },
    { "zh", ZH },
    { "zh_TW.UTF-8", EN },
    { "en_US.UTF-8", EN },
    { "en_GB", EN },
    { "de_DE.UTF-8", EN },
    { "C", EN },
    { "C.UTF-8", EN },
    { "POSIX", EN },
    { "", EN },
    { "finnish", EN },
    { NULL, EN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("locale name %s", cases[i].name ? cases[i].name : "(null)");
      g_assert_cmpint (kassa_locale_from_name (cases[i].name), ==, cases[i].expected);
    }
}

static void
test_locale_to_code (void)
{
  g_assert_cmpstr (kassa_locale_to_code (EN), ==, "en");
  g_assert_cmpstr (kassa_locale_to_code (FI), ==, "fi");
  g_assert_cmpstr (kassa_locale_to_code (SV), ==, "sv");
  g_assert_cmpstr (kassa_locale_to_code (ZH), ==, "zh_CN");
}

static void
test_locale_current (void)
{
  static const struct { const char *name; KassaLocale expected; } cases[] = {
    { "fi_FI.UTF-8", FI },
    { "sv_SE.UTF-8", SV },
    { "zh_CN.UTF-8", ZH },
    { "en_US.UTF-8", EN },
  };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  guint tested = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (setlocale (LC_ALL, cases[i].name) == NULL)
        {
          g_test_message ("locale %s not installed, skipped", cases[i].name);
          continue;
        }
      g_assert_cmpint (kassa_locale_current (), ==, cases[i].expected);
      tested++;
    }

  /* In the C locale the environment decides. */
  setlocale (LC_ALL, "C");
  g_setenv ("LANGUAGE", "sv_FI.UTF-8", TRUE);
  g_assert_cmpint (kassa_locale_current (), ==, SV);
  g_setenv ("LANGUAGE", "fi_FI.UTF-8", TRUE);
  g_assert_cmpint (kassa_locale_current (), ==, FI);
  if (setlocale (LC_ALL, "C.UTF-8") != NULL)
    {
      g_setenv ("LANGUAGE", "zh_CN.UTF-8", TRUE);
      g_assert_cmpint (kassa_locale_current (), ==, ZH);
    }

  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, saved);

  if (tested == 0)
    g_test_skip ("no test locale installed");
}

static void
test_currencies (void)
{
  static const struct
  {
    const char *code;
    gboolean    known;
    int         exponent;
    const char *symbol;
  } cases[] = {
    { "EUR", TRUE, 2, EURO },
    { "SEK", TRUE, 2, "kr" },
    { "CNY", TRUE, 2, YEN },
    { "USD", TRUE, 2, "$" },
    { "GBP", TRUE, 2, POUND },
    { "NOK", TRUE, 2, "kr" },
    { "DKK", TRUE, 2, "kr" },
    { "JPY", TRUE, 0, YEN },
    { "CHF", TRUE, 2, "CHF" },
    { "XYZ", FALSE, 2, "XYZ" },
    { "BTC", FALSE, 2, "BTC" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("currency %s", cases[i].code);
      g_assert_cmpint (kassa_currency_is_known (cases[i].code), ==, cases[i].known);
      g_assert_cmpint (kassa_currency_exponent (cases[i].code), ==, cases[i].exponent);
      g_assert_cmpstr (kassa_currency_symbol (cases[i].code), ==, cases[i].symbol);
    }
  g_assert_false (kassa_currency_is_known (NULL));
}

static void
test_money_format (void)
{
  static const FormatCase cases[] = {
    /* Finnish: comma, U+202F groups, U+00A0 before the symbol, U+2212 minus */
    { 123456, "EUR", FI, "1" NNBSP "234,56" NBSP EURO },
    { 0, "EUR", FI, "0,00" NBSP EURO },
    { 5, "EUR", FI, "0,05" NBSP EURO },
    { 99, "EUR", FI, "0,99" NBSP EURO },
    { 100000, "EUR", FI, "1" NNBSP "000,00" NBSP EURO },
    { 99999, "EUR", FI, "999,99" NBSP EURO },
    { -123456, "EUR", FI, MINUS "1" NNBSP "234,56" NBSP EURO },
    { -1, "EUR", FI, MINUS "0,01" NBSP EURO },
    { 123456789012, "EUR", FI, "1" NNBSP "234" NNBSP "567" NNBSP "890,12" NBSP EURO },
    { 123456, "SEK", FI, "1" NNBSP "234,56" NBSP "kr" },
    { 123456, "JPY", FI, "123" NNBSP "456" NBSP YEN },
    { 150, "XYZ", FI, "1,50" NBSP "XYZ" },
    { KASSA_MONEY_MAX, "EUR", FI,
      "10" NNBSP "000" NNBSP "000" NNBSP "000" NNBSP "000,00" NBSP EURO },
    { -KASSA_MONEY_MAX, "EUR", FI,
      MINUS "10" NNBSP "000" NNBSP "000" NNBSP "000" NNBSP "000,00" NBSP EURO },
    /* Swedish: like Finnish */
    { 123456, "SEK", SV, "1" NNBSP "234,56" NBSP "kr" },
    { 123456, "EUR", SV, "1" NNBSP "234,56" NBSP EURO },
    { -50, "SEK", SV, MINUS "0,50" NBSP "kr" },
    /* English: symbol first; letter symbols become the code */
    { 123456, "EUR", EN, EURO "1,234.56" },
    { -123456, "EUR", EN, MINUS EURO "1,234.56" },
    { 0, "EUR", EN, EURO "0.00" },
    { 99, "USD", EN, "$0.99" },
    { 100000000, "GBP", EN, POUND "1,000,000.00" },
    { 123456, "SEK", EN, "SEK" NBSP "1,234.56" },
    { -123456, "SEK", EN, MINUS "SEK" NBSP "1,234.56" },
    { 500, "CHF", EN, "CHF" NBSP "5.00" },
    { 700, "NOK", EN, "NOK" NBSP "7.00" },
    { 700, "DKK", EN, "DKK" NBSP "7.00" },
    { 1234567, "JPY", EN, YEN "1,234,567" },
    { -5, "JPY", EN, MINUS YEN "5" },
    { 150, "XYZ", EN, "XYZ" NBSP "1.50" },
    { KASSA_MONEY_MAX, "EUR", EN, EURO "10,000,000,000,000.00" },
    { G_MININT64, "EUR", EN, MINUS EURO "92,233,720,368,547,758.08" },
    { G_MAXINT64, "JPY", EN, YEN "9,223,372,036,854,775,807" },
    /* Simplified Chinese */
    { 123456, "CNY", ZH, YEN "1,234.56" },
    { -123456, "CNY", ZH, MINUS YEN "1,234.56" },
    { 123456, "EUR", ZH, EURO "1,234.56" },
    { 123456, "NOK", ZH, "NOK" NBSP "1,234.56" },
    { 123456, "SEK", ZH, "SEK" NBSP "1,234.56" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kassa_money_format (cases[i].minor, cases[i].currency,
                                                  cases[i].locale);

      g_test_message ("format %" G_GINT64_FORMAT " %s locale %d", cases[i].minor,
                      cases[i].currency, cases[i].locale);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_money_format_plain (void)
{
  static const FormatCase cases[] = {
    { 123456, "EUR", FI, "1" NNBSP "234,56" },
    { 123456, "SEK", SV, "1" NNBSP "234,56" },
    { 123456, "EUR", EN, "1,234.56" },
    { 123456, "CNY", ZH, "1,234.56" },
    { -123456, "EUR", FI, MINUS "1" NNBSP "234,56" },
    { -123456, "EUR", EN, MINUS "1,234.56" },
    { 0, "EUR", EN, "0.00" },
    { 7, "EUR", FI, "0,07" },
    { 1234, "JPY", FI, "1" NNBSP "234" },
    { 1234, "JPY", EN, "1,234" },
    { 100, "XYZ", EN, "1.00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kassa_money_format_plain (cases[i].minor, cases[i].currency,
                                                        cases[i].locale);

      g_test_message ("plain %" G_GINT64_FORMAT " %s", cases[i].minor, cases[i].currency);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
check_parse_case (const ParseCase *c,
                  gboolean         ok,
                  gint64           value,
                  const GError    *error)
{
  g_test_message ("parse '%s' %s locale %d", c->text ? c->text : "(null)",
                  c->currency ? c->currency : "-", c->locale);

  if (c->error_code == OK)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpint (value, ==, c->expected);
    }
  else
    {
      g_assert_error (error, KASSA_PARSE_ERROR, c->error_code);
      g_assert_false (ok);
      g_assert_cmpint (value, ==, 4242); /* untouched on failure */
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_money_parse (void)
{
  static const ParseCase cases[] = {
    /* Finnish */
    { "1 234,56", "EUR", FI, OK, 123456 },
    { "1" NNBSP "234,56", "EUR", FI, OK, 123456 },
    { "1" NBSP "234,56", "EUR", FI, OK, 123456 },
    { "1234,56", "EUR", FI, OK, 123456 },
    { "1234", "EUR", FI, OK, 123400 },
    { "12,5", "EUR", FI, OK, 1250 },
    { "12.50", "EUR", FI, OK, 1250 },
    { "12.5", "EUR", FI, OK, 1250 },
    { "1.234,56", "EUR", FI, OK, 123456 },
    { "1.234.567", "EUR", FI, OK, 123456700 },
    { "1.234.567,8", "EUR", FI, OK, 123456780 },
    { ",5", "EUR", FI, OK, 50 },
    { "0", "EUR", FI, OK, 0 },
    { "-0", "EUR", FI, OK, 0 },
    { "007", "EUR", FI, OK, 700 },
    { "-12,50", "EUR", FI, OK, -1250 },
    { MINUS "12,50", "EUR", FI, OK, -1250 },
    { "+12,50", "EUR", FI, OK, 1250 },
    { "- 12,50", "EUR", FI, OK, -1250 },
    { "12,50 " EURO, "EUR", FI, OK, 1250 },
    { "12,50" NBSP EURO, "EUR", FI, OK, 1250 },
    { "12,50" EURO, "EUR", FI, OK, 1250 },
    { EURO "12,50", "EUR", FI, OK, 1250 },
    { EURO " 12,50", "EUR", FI, OK, 1250 },
    { "12,50 EUR", "EUR", FI, OK, 1250 },
    { "eur 12,50", "EUR", FI, OK, 1250 },
    { MINUS "1" NNBSP "234,56" NBSP EURO, "EUR", FI, OK, -123456 },
    { EURO " -12,50", "EUR", FI, OK, -1250 },
    { "-" EURO "12,50", "EUR", FI, OK, -1250 },
    { "  12,50\t ", "EUR", FI, OK, 1250 },
    { NBSP "12,50" NNBSP, "EUR", FI, OK, 1250 },
    { "10000000000000,00", "EUR", FI, OK, KASSA_MONEY_MAX },
    { "10" NNBSP "000" NNBSP "000" NNBSP "000" NNBSP "000,00" NBSP EURO, "EUR", FI, OK,
      KASSA_MONEY_MAX },
    { "-10000000000000", "EUR", FI, OK, -KASSA_MONEY_MAX },
    { "10000000000000,01", "EUR", FI, RANGE, 0 },
    { "-10000000000000,01", "EUR", FI, RANGE, 0 },
    { "10000000000001", "EUR", FI, RANGE, 0 },
    { "99999999999999999999999999999", "EUR", FI, RANGE, 0 },
    { "12,505", "EUR", FI, DECIMALS, 0 },
    { "12.505", "EUR", FI, DECIMALS, 0 },
    { "1.234", "EUR", FI, DECIMALS, 0 },
    { "0,001", "EUR", FI, DECIMALS, 0 },
    { "", "EUR", FI, EMPTY, 0 },
    { "   ", "EUR", FI, EMPTY, 0 },
    { NBSP, "EUR", FI, EMPTY, 0 },
    { NULL, "EUR", FI, EMPTY, 0 },
    { "abc", "EUR", FI, INVALID, 0 },
    { "12a", "EUR", FI, INVALID, 0 },
    { "12,5x", "EUR", FI, INVALID, 0 },
    { "1e3", "EUR", FI, INVALID, 0 },
    { EURO, "EUR", FI, INVALID, 0 },
    { "-", "EUR", FI, INVALID, 0 },
    { "--5", "EUR", FI, INVALID, 0 },
    { "5-", "EUR", FI, INVALID, 0 },
    { "12 kr", "EUR", FI, INVALID, 0 },
    { "$12", "EUR", FI, INVALID, 0 },
    { "1,2,3", "EUR", FI, INVALID, 0 },
    { "12,", "EUR", FI, INVALID, 0 },
    { "1 23,00", "EUR", FI, INVALID, 0 },
    { "1234 567", "EUR", FI, INVALID, 0 },
    { "1  234", "EUR", FI, INVALID, 0 },
    { "1.23,45", "EUR", FI, INVALID, 0 },
    { "1,23.45", "EUR", FI, INVALID, 0 },
    { "12,5 0", "EUR", FI, INVALID, 0 },
    { "1.234.56", "EUR", FI, INVALID, 0 },
    /* Swedish */
    { "1 234,56 kr", "SEK", SV, OK, 123456 },
    { "1" NNBSP "234,56" NBSP "kr", "SEK", SV, OK, 123456 },
    { "kr 5", "SEK", SV, OK, 500 },
    { "5 SEK", "SEK", SV, OK, 500 },
    { "5,1", "SEK", SV, OK, 510 },
    { "99.9", "SEK", SV, OK, 9990 },
    { "5 " EURO, "SEK", SV, INVALID, 0 },
    /* English */
    { "1,234.56", "EUR", EN, OK, 123456 },
    { "1234.56", "EUR", EN, OK, 123456 },
    { "1 234.56", "EUR", EN, OK, 123456 },
    { EURO "1,234.56", "EUR", EN, OK, 123456 },
    { MINUS EURO "1,234.56", "EUR", EN, OK, -123456 },
    { "-" EURO "5", "EUR", EN, OK, -500 },
    { EURO "-5", "EUR", EN, OK, -500 },
    { "EUR 5.5", "EUR", EN, OK, 550 },
    { "1,234", "EUR", EN, OK, 123400 },
    { "1,234,567.89", "EUR", EN, OK, 123456789 },
    { ".5", "EUR", EN, OK, 50 },
    { "$12.99", "USD", EN, OK, 1299 },
    { "SEK 1,234.56", "SEK", EN, OK, 123456 },
    { "SEK" NBSP "1,234.56", "SEK", EN, OK, 123456 },
    { "1,234.56 kr", "SEK", EN, OK, 123456 },
    { "12,5", "EUR", EN, INVALID, 0 },
    { "12,50", "EUR", EN, INVALID, 0 },
    { "1,23,456", "EUR", EN, INVALID, 0 },
    { "1.234.56", "EUR", EN, INVALID, 0 },
    { "1.234,56", "EUR", EN, INVALID, 0 },
    { ",123", "EUR", EN, INVALID, 0 },
    { "12.345", "EUR", EN, DECIMALS, 0 },
    { "100000000000000", "EUR", EN, RANGE, 0 },
    { "10,000,000,000,000.00", "EUR", EN, OK, KASSA_MONEY_MAX },
    { "10,000,000,000,000.01", "EUR", EN, RANGE, 0 },
    /* Chinese */
    { YEN "1,234.56", "CNY", ZH, OK, 123456 },
    { "-" YEN "1,234.56", "CNY", ZH, OK, -123456 },
    { MINUS YEN "1,234.56", "CNY", ZH, OK, -123456 },
    { "1234.5 CNY", "CNY", ZH, OK, 123450 },
    { "12,5", "CNY", ZH, INVALID, 0 },
    { "0.001", "CNY", ZH, DECIMALS, 0 },
    /* Currency without minor units */
    { YEN "1,234", "JPY", EN, OK, 1234 },
    { "1" NNBSP "234 " YEN, "JPY", FI, OK, 1234 },
    { "1234.5", "JPY", EN, DECIMALS, 0 },
    { "1,5", "JPY", FI, DECIMALS, 0 },
    { "1000000000000000", "JPY", EN, OK, KASSA_MONEY_MAX },
    { "-1000000000000000", "JPY", EN, OK, -KASSA_MONEY_MAX },
    { "1000000000000001", "JPY", EN, RANGE, 0 },
    /* Currency outside the table: its code is the symbol */
    { "5,00 XYZ", "XYZ", FI, OK, 500 },
    { "XYZ 5.00", "XYZ", EN, OK, 500 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = 4242;
      gboolean ok;

      ok = kassa_money_parse (cases[i].text, cases[i].currency, cases[i].locale, &value, &error);
      check_parse_case (&cases[i], ok, value, error);
    }
}

static void
test_money_parse_messages (void)
{
  static const struct
  {
    const char *text;
    const char *currency;
    KassaLocale locale;
    const char *message;
  } cases[] = {
    { "abc", "EUR", FI, "Enter an amount such as 1" NNBSP "234,56" NBSP EURO },
    { "abc", "EUR", EN, "Enter an amount such as " EURO "1,234.56" },
    { "abc", "JPY", EN, "Enter an amount such as " YEN "1,234" },
    { "", "EUR", EN, "Enter an amount" },
    { "1.234", "EUR", EN, "Use at most 2 decimals" },
    { "1.5", "JPY", EN, "Enter a whole number without decimals" },
    { "1" "0000000000000000", "EUR", EN,
      "Enter an amount no larger than " EURO "10,000,000,000,000.00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = 0;

      g_assert_false (kassa_money_parse (cases[i].text, cases[i].currency, cases[i].locale,
                                         &value, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* Whatever is formatted reads back as the same amount. */
static void
test_money_round_trip (void)
{
  static const gint64 amounts[] = {
    0, 1, -1, 99, 100, 123456, -123456, 100000000, KASSA_MONEY_MAX, -KASSA_MONEY_MAX,
  };
  static const char *currencies[] = { "EUR", "SEK", "CNY", "JPY", "CHF", "XYZ" };
  static const KassaLocale locales[] = { EN, FI, SV, ZH };

  for (guint a = 0; a < G_N_ELEMENTS (amounts); a++)
    for (guint c = 0; c < G_N_ELEMENTS (currencies); c++)
      for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
        {
          g_autofree char *text = kassa_money_format (amounts[a], currencies[c], locales[l]);
          g_autofree char *plain = kassa_money_format_plain (amounts[a], currencies[c], locales[l]);
          g_autoptr(GError) error = NULL;
          gint64 value = 0;

          g_assert_true (kassa_money_parse (text, currencies[c], locales[l], &value, &error));
          g_assert_no_error (error);
          g_assert_cmpint (value, ==, amounts[a]);
          g_assert_true (kassa_money_parse (plain, currencies[c], locales[l], &value, &error));
          g_assert_cmpint (value, ==, amounts[a]);
        }
}

static void
test_quantity_format (void)
{
  static const struct { gint64 thousandths; KassaLocale locale; const char *expected; } cases[] = {
    { 2000, FI, "2" },
    { 2500, FI, "2,5" },
    { 125, FI, "0,125" },
    { 1, FI, "0,001" },
    { 10, FI, "0,01" },
    { 0, FI, "0" },
    { -2500, FI, MINUS "2,5" },
    { 1234500, FI, "1" NNBSP "234,5" },
    { 1000000000000, FI, "1" NNBSP "000" NNBSP "000" NNBSP "000" },
    { 2500, SV, "2,5" },
    { 2000, EN, "2" },
    { 2500, EN, "2.5" },
    { 1234500, EN, "1,234.5" },
    { -125, EN, MINUS "0.125" },
    { 125, ZH, "0.125" },
    { 2250, ZH, "2.25" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kassa_quantity_format (cases[i].thousandths, cases[i].locale);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_quantity_parse (void)
{
  static const ParseCase cases[] = {
    { "2", NULL, FI, OK, 2000 },
    { "2,5", NULL, FI, OK, 2500 },
    { "2.5", NULL, FI, OK, 2500 },
    { "0,125", NULL, FI, OK, 125 },
    { "1.234", NULL, FI, OK, 1234 },
    { "1 234,5", NULL, FI, OK, 1234500 },
    { "-1,5", NULL, FI, OK, -1500 },
    { MINUS "1,5", NULL, SV, OK, -1500 },
    { "2.5", NULL, EN, OK, 2500 },
    { "1,234.5", NULL, EN, OK, 1234500 },
    { "0.001", NULL, ZH, OK, 1 },
    { "1000000000", NULL, FI, OK, 1000000000000 },
    { "-1000000000", NULL, FI, OK, -1000000000000 },
    { "1000000000,001", NULL, FI, RANGE, 0 },
    { "1000000001", NULL, EN, RANGE, 0 },
    { "0,0001", NULL, FI, DECIMALS, 0 },
    { "2.5001", NULL, EN, DECIMALS, 0 },
    { "2,5", NULL, EN, INVALID, 0 },
    { "kpl", NULL, FI, INVALID, 0 },
    { "2 " EURO, NULL, FI, INVALID, 0 },
    { "2%", NULL, FI, INVALID, 0 },
    { "", NULL, FI, EMPTY, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = 4242;
      gboolean ok;

      ok = kassa_quantity_parse (cases[i].text, cases[i].locale, &value, &error);
      check_parse_case (&cases[i], ok, value, error);
    }
}

static void
test_percent_format (void)
{
  static const struct { gint basis_points; KassaLocale locale; const char *expected; } cases[] = {
    { 2550, FI, "25,5" NBSP "%" },
    { 2550, SV, "25,5" NBSP "%" },
    { 2550, EN, "25.5%" },
    { 2550, ZH, "25.5%" },
    { 2400, FI, "24" NBSP "%" },
    { 2400, EN, "24%" },
    { 1350, FI, "13,5" NBSP "%" },
    { 1, FI, "0,01" NBSP "%" },
    { 1225, EN, "12.25%" },
    { 0, FI, "0" NBSP "%" },
    { 0, EN, "0%" },
    { 10000, FI, "100" NBSP "%" },
    { 10000, ZH, "100%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kassa_percent_format (cases[i].basis_points, cases[i].locale);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_percent_format_fixed (void)
{
  static const struct { gint basis_points; KassaLocale locale; const char *expected; } cases[] = {
    { 830, EN, "8.30%" },
    { 830, FI, "8,30" NBSP "%" },
    { 10000, SV, "100,00" NBSP "%" },
    { 0, ZH, "0.00%" },
    { -8045, EN, "\u221280.45%" },
    { 123456, EN, "1,234.56%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kassa_percent_format_fixed (cases[i].basis_points, cases[i].locale);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_percent_parse (void)
{
  static const ParseCase cases[] = {
    { "25,5", NULL, FI, OK, 2550 },
    { "25.5 %", NULL, FI, OK, 2550 },
    { "25,5%", NULL, FI, OK, 2550 },
    { "25,5" NBSP "%", NULL, SV, OK, 2550 },
    { "25.5%", NULL, EN, OK, 2550 },
    { "25.5", NULL, ZH, OK, 2550 },
    { "13.5 %", NULL, EN, OK, 1350 },
    { "24", NULL, FI, OK, 2400 },
    { "0", NULL, FI, OK, 0 },
    { "0,01", NULL, FI, OK, 1 },
    { "100", NULL, EN, OK, 10000 },
    { "100 %", NULL, FI, OK, 10000 },
    { "100,01", NULL, FI, RANGE, 0 },
    { "101", NULL, EN, RANGE, 0 },
    { "-1", NULL, FI, RANGE, 0 },
    { "25,555", NULL, FI, DECIMALS, 0 },
    { "25,5", NULL, EN, INVALID, 0 },
    { "abc", NULL, FI, INVALID, 0 },
    { "%", NULL, FI, INVALID, 0 },
    { "25 %%", NULL, FI, INVALID, 0 },
    { "", NULL, FI, EMPTY, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint value = 4242;
      gboolean ok;

      ok = kassa_percent_parse (cases[i].text, cases[i].locale, &value, &error);
      check_parse_case (&cases[i], ok, value, error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/error-quark", test_error_quark);
  g_test_add_func ("/money/locale/from-name", test_locale_from_name);
  g_test_add_func ("/money/locale/to-code", test_locale_to_code);
  g_test_add_func ("/money/currencies", test_currencies);
  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/money/format-plain", test_money_format_plain);
  g_test_add_func ("/money/parse", test_money_parse);
  g_test_add_func ("/money/parse-messages", test_money_parse_messages);
  g_test_add_func ("/money/round-trip", test_money_round_trip);
  g_test_add_func ("/money/quantity/format", test_quantity_format);
  g_test_add_func ("/money/quantity/parse", test_quantity_parse);
  g_test_add_func ("/money/percent/format", test_percent_format);
  g_test_add_func ("/money/percent/format-fixed", test_percent_format_fixed);
  g_test_add_func ("/money/percent/parse", test_percent_parse);
  /* Changes the process locale and puts it back. */
  g_test_add_func ("/money/locale/current", test_locale_current);

  return g_test_run ();
}
