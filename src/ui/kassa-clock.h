/* kassa-clock.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kassa-types.h"

G_BEGIN_DECLS

/* Today in local time, or the ISO date in $KASSA_TODAY when set (tests,
 * screenshots and demonstrations use a fixed day). */
KassaDay kassa_clock_today (void);

G_END_DECLS
