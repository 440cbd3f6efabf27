/* kassa-demo-names-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Word lists, the product catalog and the builders of customer names,
 * business IDs and addresses for the demo company (kassa-demo.c keeps the
 * generation logic).  Internal to src/store.
 */
#pragma once

#include <glib.h>

#include "kassa-demo-rng-private.h"
#include "kassa-types.h"

G_BEGIN_DECLS

typedef struct
{
  const char *fi;
  const char *sv;
  const char *en;
  gint64      price;            /* cents, VAT excluded */
  gint        cost_percent;     /* unit cost as a share of the price */
  gint        vat;              /* basis points */
  gint        max_quantity;     /* whole units; 0 = hours in halves up to 40 */
} KassaDemoCatalogItem;

/* A made-up customer's row text, and what its origin implies for
 * invoicing: kassa-demo.c sets kind and delivery to their defaults (a
 * business, by e-mail) before a kassa_demo_make_*() call changes them. */
typedef struct
{
  KassaCustomerKind  kind;
  const char        *language;     /* static */
  gboolean           domestic;     /* Finnish VAT applies */
  KassaDelivery      delivery;
  char              *name;
  char              *business_id;
  char              *vat_id;
  char              *contact_person;
  char              *email;
  char              *phone;
  char              *address;
  const char        *country;
  char              *einvoice_address;
  gint64             credit_limit;
} KassaDemoCustomerText;

void        kassa_demo_customer_text_clear   (KassaDemoCustomerText *text);
void        kassa_demo_make_finnish_business (KassaDemoRng          *rng,
                                              KassaDemoCustomerText *text);
/* country: "SE", "GB" or anything else for China. */
void        kassa_demo_make_foreign_business (KassaDemoRng          *rng,
                                              KassaDemoCustomerText *text,
                                              const char            *country);
void        kassa_demo_make_consumer         (KassaDemoRng          *rng,
                                              KassaDemoCustomerText *text);
/* Finnish business ID check digit of the 7 digits, or -1 if none exists. */
int         kassa_demo_business_id_fi_check  (const char            *digits);

const KassaDemoCatalogItem *kassa_demo_pick_catalog_item (KassaDemoRng *rng);
/* The item's description in language ("fi", "sv", else English). */
const char *kassa_demo_catalog_item_description (const KassaDemoCatalogItem *item,
                                                 const char                 *language);

G_END_DECLS
