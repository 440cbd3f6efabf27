/* kassa-clock.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-clock"

#include "config.h"

#include <stdio.h>

#include "kassa-clock.h"
#include "kassa-date.h"

static KassaDay
parse_override (const char *text)
{
  int year, month, mday;

  if (text == NULL || sscanf (text, "%d-%d-%d", &year, &month, &mday) != 3)
    return 0;

  return kassa_day_from_ymd (year, month, mday);
}

KassaDay
kassa_clock_today (void)
{
  g_autoptr(GDateTime) now = NULL;
  KassaDay fixed = parse_override (g_getenv ("KASSA_TODAY"));

  if (fixed > 0)
    return fixed;

  now = g_date_time_new_now_local ();
  return kassa_day_from_date_time (now);
}
