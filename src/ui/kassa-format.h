/* kassa-format.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Money and dates formatted for the current UI locale.
 */
#pragma once

#include <glib.h>

#include "kassa-types.h"

G_BEGIN_DECLS

char *kassa_format_money (gint64      minor,
                          const char *currency);
char *kassa_format_day   (KassaDay    day);

G_END_DECLS
