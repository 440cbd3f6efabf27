/* kassa-money.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kassa-types.h"

G_BEGIN_DECLS

#define KASSA_PARSE_ERROR (kassa_parse_error_quark ())

typedef enum
{
  KASSA_PARSE_ERROR_EMPTY,
  KASSA_PARSE_ERROR_INVALID,
  KASSA_PARSE_ERROR_TOO_MANY_DECIMALS,
  KASSA_PARSE_ERROR_OUT_OF_RANGE,
} KassaParseError;

GQuark       kassa_parse_error_quark      (void);

/* Largest absolute amount accepted anywhere (minor units): 10^15. */
#define KASSA_MONEY_MAX G_GINT64_CONSTANT (1000000000000000)

KassaLocale  kassa_locale_from_name       (const char  *locale_name);
KassaLocale  kassa_locale_current         (void);
const char  *kassa_locale_to_code         (KassaLocale  locale);

gboolean     kassa_currency_is_known      (const char  *code);
int          kassa_currency_exponent      (const char  *code);
const char  *kassa_currency_symbol        (const char  *code);

char        *kassa_money_format           (gint64       minor,
                                           const char  *currency,
                                           KassaLocale  locale);
char        *kassa_money_format_plain     (gint64       minor,
                                           const char  *currency,
                                           KassaLocale  locale);
/* Appends the amount as a plain decimal number for files read by programs
 * ("-1234.50": no grouping, a point, the currency's decimals). */
void         kassa_money_append_decimal   (GString     *out,
                                           gint64       minor,
                                           const char  *currency);
gboolean     kassa_money_parse            (const char  *text,
                                           const char  *currency,
                                           KassaLocale  locale,
                                           gint64      *minor,
                                           GError     **error);

char        *kassa_quantity_format        (gint64       thousandths,
                                           KassaLocale  locale);
gboolean     kassa_quantity_parse         (const char  *text,
                                           KassaLocale  locale,
                                           gint64      *thousandths,
                                           GError     **error);

char        *kassa_percent_format         (gint         basis_points,
                                           KassaLocale  locale);
/* Always two decimals ("8.30%", "100,00 %"): for columns of computed
 * shares, where trailing zeros dropped would break the alignment. */
char        *kassa_percent_format_fixed   (gint         basis_points,
                                           KassaLocale  locale);
gboolean     kassa_percent_parse          (const char  *text,
                                           KassaLocale  locale,
                                           gint        *basis_points,
                                           GError     **error);

G_END_DECLS
