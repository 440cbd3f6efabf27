/* kassa-date.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kassa-types.h"

G_BEGIN_DECLS

/* SQL expression fragment turning a KassaDay column into ISO text. */
#define KASSA_DAY_SQL_OFFSET "1721424.5"

gboolean   kassa_day_is_valid      (KassaDay     day);
KassaDay   kassa_day_from_ymd      (int          year,
                                    int          month,
                                    int          day);
void       kassa_day_to_ymd        (KassaDay     day,
                                    int         *year,
                                    int         *month,
                                    int         *mday);
KassaDay   kassa_day_from_date_time (GDateTime  *date_time);
KassaDay   kassa_day_add_months    (KassaDay     day,
                                    int          months);
KassaDay   kassa_day_start_of_month (KassaDay    day);
KassaDay   kassa_day_start_of_year (KassaDay     day);
char      *kassa_day_format_iso    (KassaDay     day);
char      *kassa_day_format        (KassaDay     day,
                                    KassaLocale  locale);
gboolean   kassa_day_parse         (const char  *text,
                                    KassaLocale  locale,
                                    KassaDay     today,
                                    KassaDay    *day,
                                    GError     **error);

G_END_DECLS
