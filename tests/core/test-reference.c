/* test-reference.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-reference"

#include "config.h"

#include <glib.h>

#include "kassa-reference.h"

/* Finnish reference check digits, worked by hand (weights 7, 3, 1 from the
 * rightmost digit of the base; check = (10 − sum mod 10) mod 10):
 *   123456: 6·7 + 5·3 + 4·1 + 3·7 + 2·3 + 1·1 = 89 → 1  → 1234561
 *   1234:   4·7 + 3·3 + 2·1 + 1·7 = 46         → 4  → 12344
 *   234823: 3·7 + 2·3 + 8·1 + 4·7 + 3·3 + 2·1 = 74 → 6 → 2348236
 *   100:    0·7 + 0·3 + 1·1 = 1                → 9  → 1009
 *   1000:   0 + 0 + 0 + 1·7 = 7                → 3  → 10003
 *   999:    9·7 + 9·3 + 9·1 = 99               → 1  → 9991
 *   120:    0·7 + 2·3 + 1·1 = 7                → 3  → 1203
 *   370:    0·7 + 7·3 + 3·1 = 24               → 6  → 3706
 *   1000000000: the 1 is the tenth digit from the right, weight 7 → 3 */
static void
test_fi_check_digit (void)
{
  static const struct { const char *base; int expected; } cases[] = {
    { "123456", 1 },
    { "1234", 4 },
    { "234823", 6 },
    { "100", 9 },
    { "1000", 3 },
    { "999", 1 },
    { "120", 3 },
    { "370", 6 },
    { "1000000000", 3 },
    { "000", 0 },
    { "1234567890123456789", 4 },   /* 19 digits, the longest base */
    /* not a base */
    { "12", -1 },
    { "", -1 },
    { "12345678901234567890", -1 }, /* 20 digits */
    { "12a4", -1 },
    { "12 34", -1 },
    { "-123", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("base '%s'", cases[i].base);
      g_assert_cmpint (kassa_reference_fi_check_digit (cases[i].base), ==, cases[i].expected);
    }
}

static void
test_fi_from_base (void)
{
  static const struct { const char *base; const char *expected; } cases[] = {
    { "123456", "1234561" },
    { "1234", "12344" },
    { "234823", "2348236" },
    { "100", "1009" },
    { "12", NULL },
    { "abc", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *reference = kassa_reference_fi_from_base (cases[i].base);

      g_assert_cmpstr (reference, ==, cases[i].expected);
    }
}

static void
test_fi_from_number (void)
{
  static const struct { gint64 number; const char *expected; } cases[] = {
    { 100, "1009" },
    { 1000, "10003" },
    { 1234, "12344" },
    { 123456, "1234561" },
    { 999, "9991" },
    { G_MAXINT64, "92233720368547758078" }, /* 19 digits is still a base */
    { 99, NULL },
    { 0, NULL },
    { -1234, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *reference = kassa_reference_fi_from_number (cases[i].number);

      g_assert_cmpstr (reference, ==, cases[i].expected);
    }
}

static void
test_fi_is_valid (void)
{
  static const struct { const char *reference; gboolean expected; } cases[] = {
    { "1234561", TRUE },
    { "12344", TRUE },
    { "2348236", TRUE },
    { "1009", TRUE },
    { "10003", TRUE },
    { "12345 61", TRUE },
    { " 23 48236 ", TRUE },
    { "12345678901234567894", TRUE },   /* 20 digits */
    { "1234562", FALSE },               /* wrong check digit */
    { "12345", FALSE },
    { "2348237", FALSE },
    { "123", FALSE },                   /* too short */
    { "123456789012345678940", FALSE }, /* 21 digits */
    { "12a4", FALSE },
    { "RF332348236", FALSE },
    { "1234-561", FALSE },
    { "", FALSE },
    { "   ", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("reference '%s'", cases[i].reference);
      g_assert_cmpint (kassa_reference_fi_is_valid (cases[i].reference), ==, cases[i].expected);
    }
}

static void
test_fi_format (void)
{
  static const struct { const char *reference; const char *expected; } cases[] = {
    { "868516259619897", "86851 62596 19897" },
    { "1234561", "12 34561" },
    { "12344", "12344" },
    { "1009", "1009" },
    { "12345678901234567894", "12345 67890 12345 67894" },
    { "123456", "1 23456" },
    { "12 34 561", "12 34561" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kassa_reference_fi_format (cases[i].reference);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* RF check digits: "RF00" moved to the end, R = 27, F = 15, then
 * 98 − (n mod 97).  For 2348236: 2348236 271500 mod 97 = 65 → 33, the
 * published example "RF33 2348 236".  The others were checked with an
 * independent big-integer computation. */
static void
test_rf_from_fi (void)
{
  static const struct { const char *reference; const char *expected; } cases[] = {
    { "2348236", "RF332348236" },
    { "2348 236", "RF332348236" },
    { "1234561", "RF341234561" },
    { "12344", "RF0812344" },
    { "1009", "RF181009" },
    { "868516259619897", "RF09868516259619897" },
    { "12345678901234567894", "RF0912345678901234567894" },
    { "2348237", NULL }, /* not a valid Finnish reference */
    { "RF332348236", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *rf = kassa_reference_rf_from_fi (cases[i].reference);

      g_test_message ("RF of '%s'", cases[i].reference);
      g_assert_cmpstr (rf, ==, cases[i].expected);
      if (rf != NULL)
        g_assert_true (kassa_reference_rf_is_valid (rf));
    }
}

static void
test_rf_is_valid (void)
{
  static const struct { const char *reference; gboolean expected; } cases[] = {
    { "RF332348236", TRUE },
    { "RF33 2348 236", TRUE },
    { "rf33 2348 236", TRUE },
    { "RF341234561", TRUE },
    { "RF0812344", TRUE },
    { "RF0912345678901234567894", TRUE },  /* 24 characters */
    { "RF342348236", FALSE },              /* wrong check digits */
    { "RF332348237", FALSE },
    { "RF32348236", FALSE },
    { "XX332348236", FALSE },
    { "RF3A2348236", FALSE },
    { "RF33-2348-236", FALSE },
    { "RF33", FALSE },                     /* too short */
    { "RF091234567890123456789400", FALSE }, /* 26 characters */
    { "2348236", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("RF '%s'", cases[i].reference);
      g_assert_cmpint (kassa_reference_rf_is_valid (cases[i].reference), ==, cases[i].expected);
    }
}

static void
test_rf_format (void)
{
  static const struct { const char *reference; const char *expected; } cases[] = {
    { "RF332348236", "RF33 2348 236" },
    { "rf33 2348 236", "RF33 2348 236" },
    { "RF0812344", "RF08 1234 4" },
    { "RF341234", "RF34 1234" },
    { "RF0912345678901234567894", "RF09 1234 5678 9012 3456 7894" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kassa_reference_rf_format (cases[i].reference);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_iban_is_valid (void)
{
  static const struct { const char *iban; gboolean expected; } cases[] = {
    { "FI21 1234 5600 0007 85", TRUE },
    { "FI2112345600000785", TRUE },
    { "fi21 1234 5600 0007 85", TRUE },
    { "  FI21 1234 5600 0007 85 ", TRUE },
    { "SE45 5000 0000 0583 9825 7466", TRUE },
    { "DE89 3704 0044 0532 0130 00", TRUE },
    { "GB82 WEST 1234 5698 7654 32", TRUE },
    { "NO93 8601 1117 947", TRUE },
    { "DK50 0040 0440 1162 43", TRUE },
    { "EE38 2200 2210 2014 5685", TRUE },
    { "FR14 2004 1010 0505 0001 3M02 606", TRUE },
    { "NL91 ABNA 0417 1643 00", TRUE },
    { "ES91 2100 0418 4502 0005 1332", TRUE },
    { "IT60 X054 2811 1010 0000 0123 456", TRUE },
    { "BE68 5390 0754 7034", TRUE },
    { "AT61 1904 3002 3457 3201", TRUE },
    { "CH93 0076 2011 6238 5295 7", TRUE },
    { "PL61 1090 1014 0000 0712 1981 2874", TRUE },
    /* a country without a known layout: generic length 15..34 */
    { "MT84 MALT 0110 0001 2345 MTLC AST0 01S", TRUE },
    { "XK05 1212 0123 4567 8906", TRUE },
    /* wrong check digits or a typo */
    { "FI21 1234 5600 0007 86", FALSE },
    { "FI22 1234 5600 0007 85", FALSE },
    { "SE45 5000 0000 0583 9825 7467", FALSE },
    { "DE89 3704 0044 0532 0130 01", FALSE },
    { "GB82 WEST 1234 5698 7654 33", FALSE },
    { "XK06 1212 0123 4567 8906", FALSE },
    /* checksum right, length wrong for the country */
    { "FI21 1234 5600 0007 855", FALSE },
    { "DE51 3704 0044 0532 0130 0", FALSE },
    { "GB92 1234 1234 5698 7654 3", FALSE },
    { "FI21 1234 5600 0007 8", FALSE },
    /* checksum right, letters where the country has digits and vice versa */
    { "FI72 1234 5600 0007 8A", FALSE },
    { "GB25 1234 1234 5698 7654 32", FALSE },
    /* structure */
    { "1F21 1234 5600 0007 85", FALSE },
    { "FIAB 1234 5600 0007 85", FALSE },
    { "FI21-1234-5600-0007-85", FALSE },
    { "FI21 1234 5600 0007 8\xc3\xa4", FALSE },
    { "FI21", FALSE },
    { "XK05 1212", FALSE },
    { "XK05 1212 0123 4567 8906 1234 5678 9012 3", FALSE }, /* 35 characters */
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("IBAN '%s'", cases[i].iban);
      g_assert_cmpint (kassa_iban_is_valid (cases[i].iban), ==, cases[i].expected);
    }
}

static void
test_iban_normalize_format (void)
{
  static const struct
  {
    const char *iban;
    const char *normalized;
    const char *formatted;
  } cases[] = {
    { "fi21 1234 5600 0007 85", "FI2112345600000785", "FI21 1234 5600 0007 85" },
    { " FI2112345600000785 ", "FI2112345600000785", "FI21 1234 5600 0007 85" },
    { "gb82west12345698765432", "GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32" },
    { "NO9386011117947", "NO9386011117947", "NO93 8601 1117 947" },
    { "", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = kassa_iban_normalize (cases[i].iban);
      g_autofree char *formatted = kassa_iban_format (cases[i].iban);

      g_assert_cmpstr (normalized, ==, cases[i].normalized);
      g_assert_cmpstr (formatted, ==, cases[i].formatted);
    }
}

/* Weights 7, 9, 10, 5, 8, 4, 2; worked by hand:
 *   0737546: 0 + 63 + 30 + 35 + 40 + 16 + 12 = 196, 196 mod 11 = 9 → 2
 *   1572860: 7 + 45 + 70 + 10 + 64 + 24 + 0 = 220, 220 mod 11 = 0 → 0
 *   0112038: 0 + 9 + 10 + 10 + 0 + 12 + 16 = 57, 57 mod 11 = 2 → 9
 *   1234567: 7 + 18 + 30 + 20 + 40 + 24 + 14 = 153, 153 mod 11 = 10 → 1
 *   0000001: 2, 2 mod 11 = 2 → 9
 *   0000005: 10, mod 11 = 10 → 1
 *   1000000: 7 → 4
 *   0100000: 9 → 2
 *   2000003: 14 + 6 = 20, 20 mod 11 = 9 → 2
 *   0000006: 12, 12 mod 11 = 1 → never issued */
static void
test_business_id (void)
{
  static const struct { const char *business_id; gboolean expected; } cases[] = {
    { "0737546-2", TRUE },
    { "1572860-0", TRUE },
    { "0112038-9", TRUE },
    { "1234567-1", TRUE },
    { "0000001-9", TRUE },
    { "0000005-1", TRUE },
    { "1000000-4", TRUE },
    { "0100000-2", TRUE },
    { "2000003-2", TRUE },
    { "0737546-3", FALSE },
    { "1572860-1", FALSE },
    { "1234567-8", FALSE },
    { "0000006-0", FALSE },  /* remainder 1 */
    { "0000006-1", FALSE },
    { "07375462", FALSE },
    { "737546-2", FALSE },
    { "0737546 -2", FALSE },
    { "0737546-22", FALSE },
    { "O737546-2", FALSE },
    { "0737546_2", FALSE },
    { "0737546-X", FALSE },
    { "FI07375462", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("business ID '%s'", cases[i].business_id);
      g_assert_cmpint (kassa_business_id_fi_is_valid (cases[i].business_id), ==,
                       cases[i].expected);
    }
}

/* Swedish OCR (Luhn): from the rightmost digit of the base, weights 2, 1,
 * 2, …; a two-digit product counts as its digit sum; the check digit
 * brings the sum up to a multiple of ten.  Worked by hand:
 *   1234:      4·2 + 3 + 2·2 + 1 = 8 + 3 + 4 + 1 = 16 → 4 → 12344
 *   1234 + length digit: 4 + 2 digits = 6 → base 12346:
 *              6·2 = 12 → 3, + 4 + 3·2 + 2 + 1·2 = 3 + 4 + 6 + 2 + 2 = 17 → 3
 *              → 123463
 *   123456789: 9·2 = 18 → 9, 8, 7·2 = 14 → 5, 6, 5·2 = 10 → 1, 4, 6, 2, 2
 *              = 43 → 7 → 1234567897
 *   123456789 + length digit: 11 digits → 1 → base 1234567891:
 *              1·2 = 2, 9, 8·2 = 16 → 7, 7, 6·2 = 12 → 3, 5, 8, 3, 4, 1
 *              = 49 → 1 → 12345678911
 *   0:         0 → 0 → 00;  with length digit: 3 → base 03: 3·2 = 6 → 4 → 034
 *   5:         5·2 = 10 → 1 → 9 → 59
 *   99999999 + length digit: 10 digits → 0 → base 999999990:
 *              0·2 + eight nines (each 9·1 = 9 or 9·2 = 18 → 9) = 72 → 8
 *              → 9999999908
 *   G_MAXINT64 (19 digits) was checked with an independent script. */
static void
test_se_ocr_from_number (void)
{
  static const struct
  {
    gint64      number;
    gboolean    with_length;
    const char *expected;
  } cases[] = {
    { 1234, FALSE, "12344" },
    { 1234, TRUE, "123463" },
    { 123456789, FALSE, "1234567897" },
    { 123456789, TRUE, "12345678911" },
    { 0, FALSE, "00" },
    { 0, TRUE, "034" },
    { 5, FALSE, "59" },
    { 99999999, TRUE, "9999999908" },
    { G_MAXINT64, FALSE, "92233720368547758074" },
    { G_MAXINT64, TRUE, "922337203685477580710" },
    { -1, FALSE, NULL },
    { -1234, TRUE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ocr = kassa_reference_se_ocr_from_number (cases[i].number,
                                                                 cases[i].with_length);

      g_test_message ("OCR of %" G_GINT64_FORMAT, cases[i].number);
      g_assert_cmpstr (ocr, ==, cases[i].expected);
      if (ocr != NULL)
        g_assert_true (kassa_reference_se_ocr_is_valid (ocr));
    }
}

static void
test_se_ocr_is_valid (void)
{
  static const struct { const char *ocr; gboolean expected; } cases[] = {
    { "12344", TRUE },
    { "123463", TRUE },
    { "1234567897", TRUE },
    { "12345678911", TRUE },
    { "00", TRUE },
    { "59", TRUE },
    { "12 344", TRUE },
    { " 1234 5678 97 ", TRUE },
    { "1234567890123456789012340", TRUE },   /* 25 digits */
    { "12345", FALSE },                      /* wrong check digit */
    { "12343", FALSE },
    { "1234567898", FALSE },
    { "21344", FALSE },                      /* swapped digits */
    { "5", FALSE },                          /* too short */
    { "12345678901234567890123459", FALSE }, /* 26 digits, Luhn right */
    { "12a44", FALSE },
    { "1234-4", FALSE },
    { "", FALSE },
    { "  ", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("OCR '%s'", cases[i].ocr);
      g_assert_cmpint (kassa_reference_se_ocr_is_valid (cases[i].ocr), ==, cases[i].expected);
    }
}

/* Luhn by hand (digits from the right, every second one doubled):
 *   5050-1055: 5 + 1 + 0 + 2 + 0 + 1 + 0 + 1 = 10 ✓ (5·2 = 10 → 1)
 *   123-4566:  6 + 3 + 5 + 8 + 3 + 4 + 1 = 30 ✓; 123-4567 → 31 ✗
 *   4605-2:    2 + 1 + 0 + 3 + 4 = 10 ✓; 4605-1 → 9 ✗ */
static void
test_giro_numbers (void)
{
  static const struct { const char *text; gboolean bankgiro; gboolean plusgiro; } cases[] = {
    { "5050-1055", TRUE,  FALSE },   /* 8 digits: too long for a dash before the check digit */
    { "123-4566",  TRUE,  FALSE },
    { "123-4567",  FALSE, FALSE },
    { "50501055",  FALSE, TRUE  },   /* no dash: not a Bankgiro, a valid 8-digit PlusGiro */
    { "12-4566",   FALSE, FALSE },   /* dash in the wrong place for both */
    { "4605-2",    FALSE, TRUE  },
    { "46052",     FALSE, TRUE  },
    { "4605-1",    FALSE, FALSE },
    { "18",        FALSE, TRUE  },   /* 8 + 1·2 = 10 */
    { "0",         FALSE, FALSE },
    { "123456782", FALSE, FALSE },   /* 9 digits */
    { "5050-105a", FALSE, FALSE },
    { "",          FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("giro “%s”", cases[i].text);
      g_assert_cmpint (kassa_bankgiro_is_valid (cases[i].text), ==, cases[i].bankgiro);
      g_assert_cmpint (kassa_plusgiro_is_valid (cases[i].text), ==, cases[i].plusgiro);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reference/fi/check-digit", test_fi_check_digit);
  g_test_add_func ("/reference/fi/from-base", test_fi_from_base);
  g_test_add_func ("/reference/fi/from-number", test_fi_from_number);
  g_test_add_func ("/reference/fi/is-valid", test_fi_is_valid);
  g_test_add_func ("/reference/fi/format", test_fi_format);
  g_test_add_func ("/reference/rf/from-fi", test_rf_from_fi);
  g_test_add_func ("/reference/rf/is-valid", test_rf_is_valid);
  g_test_add_func ("/reference/rf/format", test_rf_format);
  g_test_add_func ("/reference/iban/is-valid", test_iban_is_valid);
  g_test_add_func ("/reference/iban/normalize-format", test_iban_normalize_format);
  g_test_add_func ("/reference/business-id", test_business_id);
  g_test_add_func ("/reference/se-ocr/from-number", test_se_ocr_from_number);
  g_test_add_func ("/reference/se-ocr/is-valid", test_se_ocr_is_valid);
  g_test_add_func ("/reference/giro", test_giro_numbers);

  return g_test_run ();
}
