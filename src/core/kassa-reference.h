/* kassa-reference.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finnish national reference: digits + 7-3-1 check digit, 4..20 digits. */
int       kassa_reference_fi_check_digit  (const char *base);
char     *kassa_reference_fi_from_base    (const char *base);
char     *kassa_reference_fi_from_number  (gint64      number);
gboolean  kassa_reference_fi_is_valid     (const char *reference);
/* Groups of five from the right: "86851 62596 19897". */
char     *kassa_reference_fi_format       (const char *reference);

/* ISO 11649 creditor reference built on a Finnish reference. */
char     *kassa_reference_rf_from_fi      (const char *reference);
gboolean  kassa_reference_rf_is_valid     (const char *reference);
/* Groups of four: "RF33 2348 236". */
char     *kassa_reference_rf_format       (const char *reference);

/* Accepts spaces; checks country length where known and mod 97. */
gboolean  kassa_iban_is_valid             (const char *iban);
char     *kassa_iban_normalize            (const char *iban);
char     *kassa_iban_format               (const char *iban);

/* Finnish business ID (Y-tunnus) "1234567-8" with its check digit. */
gboolean  kassa_business_id_fi_is_valid   (const char *business_id);

/* Swedish OCR reference (Bankgirot): digits + Luhn check digit, 2..25
 * digits, optionally with a length digit before the check digit. */
char     *kassa_reference_se_ocr_from_number (gint64      number,
                                              gboolean    with_length_digit);
gboolean  kassa_reference_se_ocr_is_valid    (const char *ocr);

/* Swedish Bankgiro ("NNN-NNNN"/"NNNN-NNNN") and PlusGiro numbers (Luhn). */
gboolean  kassa_bankgiro_is_valid          (const char *bankgiro);
gboolean  kassa_plusgiro_is_valid          (const char *plusgiro);

G_END_DECLS
