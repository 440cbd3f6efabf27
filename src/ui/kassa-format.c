/* kassa-format.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-format"

#include "config.h"

#include "kassa-date.h"
#include "kassa-format.h"
#include "kassa-money.h"

/**
 * kassa_format_money:
 * Returns: (transfer full): minor units of currency in the current locale.
 */
char *
kassa_format_money (gint64      minor,
                    const char *currency)
{
  g_return_val_if_fail (currency != NULL, NULL);

  return kassa_money_format (minor, currency, kassa_locale_current ());
}

/**
 * kassa_format_day:
 * Returns: (transfer full): day in the current locale's short date form.
 */
char *
kassa_format_day (KassaDay day)
{
  return kassa_day_format (day, kassa_locale_current ());
}
