/* kassa-interest.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Late-payment interest and collection fees by the law of the company's
 * country.  Pure arithmetic: the reference rates come from the store
 * (kassa_store_list_reference_rates) and are passed in.
 */
#pragma once

#include "kassa-store-collections.h"

G_BEGIN_DECLS

/* A payment that lowers the balance on which interest runs. */
typedef struct
{
  KassaDay date;
  gint64   amount;             /* minor units, > 0 lowers the balance */
} KassaInterestPayment;

/* One stretch of days with the same balance and the same rate. */
typedef struct
{
  KassaDay from;               /* first day, inclusive */
  KassaDay to;                 /* last day, inclusive */
  gint64   balance;            /* minor units the interest runs on */
  gint     rate_bp;            /* annual rate: reference rate + add-on */
  gint64   interest;           /* minor units; the periods add up to the total */
} KassaInterestPeriod;

typedef struct
{
  gint64    total;             /* minor units, rounded once (see the .c file) */
  GArray   *periods;           /* of KassaInterestPeriod, in date order */
  gboolean  rate_missing;      /* some days lie in a half-year after the last
                                * rate of the table: the table needs updating */
} KassaInterestResult;

/* Statutory add-on to the reference rate in basis points: FI consumer 700,
 * FI business 800, SE 800; -1 for a country without a rule here (then a
 * contractual rate is used instead of the table). */
gint                 kassa_late_interest_add_on_bp  (const char                 *country,
                                                     KassaCustomerKind           kind);

/* Interest on amount (the invoice's gross total) due on due_date, lowered
 * by payments, from the day after due_date through until (inclusive),
 * actual/365, split where the balance or the rate changes.  A payment made
 * on day d still bears interest for day d.  rates are one country's
 * reference rates ordered by start_date; add_on_bp is added to each.  With
 * n_rates 0 (no statutory table), fixed_rate_bp applies to every day
 * instead.  Never NULL. */
KassaInterestResult *kassa_late_interest_compute    (gint64                      amount,
                                                     KassaDay                    due_date,
                                                     const KassaInterestPayment *payments,
                                                     guint                       n_payments,
                                                     KassaDay                    until,
                                                     const KassaReferenceRate   *rates,
                                                     guint                       n_rates,
                                                     gint                        add_on_bp,
                                                     gint                        fixed_rate_bp);
void                 kassa_interest_result_free     (KassaInterestResult        *result);

/* The most a reminder may cost by law, in minor units of the country's
 * currency: FI consumer 500 (5 €); SE 6000 (60 kr) when fee_agreed,
 * otherwise 0; -1 when the law sets no fixed cap (FI business). */
gint64               kassa_reminder_fee_cap         (const char                 *country,
                                                     KassaCustomerKind           kind,
                                                     gboolean                    fee_agreed);
/* Fixed compensation for recovery costs a business may claim once per late
 * invoice from another business (EU directive 2011/7/EU): FI 4000 (40 €),
 * SE 45000 (450 kr förseningsersättning); 0 for consumers or other
 * countries. */
gint64               kassa_late_payment_compensation (const char                *country,
                                                     KassaCustomerKind           kind);
/* Legal minimums for reminding consumers: the first paid reminder no
 * earlier than this many days after the due date, and this many days
 * between reminders: 14 and 14 in Finland (laki saatavien perinnästä);
 * other countries get the same as a safe default. */
gint                 kassa_consumer_first_reminder_min_days (const char         *country);
gint                 kassa_consumer_reminder_interval_min_days (const char      *country);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaInterestResult, kassa_interest_result_free)

G_END_DECLS
