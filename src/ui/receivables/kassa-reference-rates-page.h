/* kassa-reference-rates-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collection settings' page of statutory reference rates for late
 * interest: the company country's rates, newest first, and a form to add
 * or change one.
 */
#pragma once

#include <adwaita.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_REFERENCE_RATES_PAGE (kassa_reference_rates_page_get_type ())

G_DECLARE_FINAL_TYPE (KassaReferenceRatesPage, kassa_reference_rates_page,
                      KASSA, REFERENCE_RATES_PAGE, AdwPreferencesPage)

/* Shows the rates of country (ISO 3166 code) from store. */
void kassa_reference_rates_page_load (KassaReferenceRatesPage *self,
                                      KassaStore              *store,
                                      const char              *country);

G_END_DECLS
