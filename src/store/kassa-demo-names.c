/* kassa-demo-names.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The made-up names, addresses, business IDs and products of the demo
 * company.  Every choice is drawn from the caller's generator, in the
 * same order as always, so a spec still gives the same rows.
 */
#define G_LOG_DOMAIN "kassa-demo"

#include "config.h"

#include "kassa-demo-names-private.h"

/* ---------------------------------------------------------------- */
/* Word lists                                                        */
/* ---------------------------------------------------------------- */

static const char *fi_surnames[] = {
  "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine",
  "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen",
  "Heinonen", "Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen",
  "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen",
  "Ahonen", "Kallio", "Leinonen", "Hiltunen", "Nurmi", "Peltonen", "Seppälä",
};
static const char *fi_stems[] = {
  "Kallio", "Aalto", "Metsä", "Järvi", "Kivi", "Lumi", "Tuuli", "Revontuli", "Pohjola",
  "Saimaa", "Kaleva", "Koivu", "Mänty", "Kuusi", "Vaahtera", "Satama", "Ranta", "Laakso",
  "Virta", "Kaarna", "Sisu", "Helmi", "Otava", "Tähti", "Harju", "Lakeus",
};
static const char *fi_industries[] = {
  "Rakennus", "Sähkö", "Kuljetus", "Kiinteistöt", "Konepaja", "Puutarha", "Kahvila",
  "Leipomo", "Optiikka", "Arkkitehdit", "Tilitoimisto", "Mainos", "Media", "Ravintola",
  "Siivous", "Putkityö", "Maalaus", "Autokorjaamo", "Kauneushoitola", "Lakitoimisto",
  "Teknologia", "Ohjelmistot", "Kustannus", "Kukka", "Urheilu", "Matkat",
};
static const char *fi_first_names[] = {
  "Matti", "Anna", "Juha", "Laura", "Mikko", "Sanna", "Jukka", "Maria", "Timo", "Tiina",
  "Antti", "Johanna", "Ville", "Emilia", "Pekka", "Aino", "Eero", "Helmi", "Kari", "Riikka",
};
static const char *sv_surnames[] = {
  "Lindqvist", "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
  "Olsson", "Persson", "Svensson", "Gustafsson", "Lindberg", "Lindström", "Holmberg",
  "Bergström", "Sjöberg", "Wikström", "Nyström", "Björk", "Ekholm",
};
static const char *sv_industries[] = {
  "Trä", "Bygg", "El", "Transport", "Fastigheter", "Konsult", "Reklam", "Tryck",
  "Design", "Data", "Media", "Måleri", "Bageri", "Marin",
};
static const char *sv_first_names[] = {
  "Erik", "Ebba", "Johan", "Karin", "Lars", "Ingrid", "Anders", "Sofia", "Fredrik", "Maja",
};
static const char *en_stems[] = {
  "Northwind", "Bluebird", "Harbour", "Redwood", "Silverline", "Ashford", "Kingsley",
  "Brightwater", "Oakridge", "Fairfield", "Greystone", "Westbrook",
};
static const char *en_industries[] = {
  "Digital", "Media", "Consulting", "Logistics", "Publishing", "Studios", "Analytics",
  "Print", "Events", "Software",
};
static const char *zh_cities[] = {
  "Shanghai", "Shenzhen", "Hangzhou", "Suzhou", "Guangzhou", "Beijing", "Ningbo",
};
static const char *zh_names[] = {
  "Huatai", "Jinhai", "Mingyuan", "Tianyi", "Hongda", "Xinghe", "Changjiang", "Lianhua",
};
static const char *zh_industries[] = {
  "Trading", "Electronics", "Textiles", "Technology", "Packaging", "Furniture",
};

typedef struct
{
  const char *city;
  const char *postcode;
} City;

static const City fi_cities[] = {
  { "Helsinki", "00100" }, { "Espoo", "02100" }, { "Tampere", "33100" },
  { "Vantaa", "01300" }, { "Oulu", "90100" }, { "Turku", "20100" },
  { "Jyväskylä", "40100" }, { "Lahti", "15100" }, { "Kuopio", "70100" },
  { "Pori", "28100" }, { "Vaasa", "65100" }, { "Porvoo", "06100" },
};
static const char *fi_streets[] = {
  "Mannerheimintie", "Hämeenkatu", "Aleksanterinkatu", "Kauppakatu", "Teollisuuskatu",
  "Rantatie", "Koulukatu", "Asemakatu", "Puistokatu", "Kirkkokatu", "Satamakatu",
};
static const City se_cities[] = {
  { "Stockholm", "111 22" }, { "Göteborg", "411 01" }, { "Malmö", "211 20" },
  { "Uppsala", "753 10" },
};
static const char *se_streets[] = { "Storgatan", "Drottninggatan", "Kungsgatan", "Sveavägen" };
static const City gb_cities[] = { { "London", "EC1A 1BB" }, { "Manchester", "M1 1AE" } };
static const char *gb_streets[] = { "High Street", "Station Road", "Church Lane" };
static const City cn_cities[] = { { "Shanghai", "200001" }, { "Shenzhen", "518000" } };
static const char *cn_streets[] = { "Nanjing Road", "Shennan Avenue", "Huaihai Road" };

/* Prices are cents VAT excluded; Finnish VAT: 25.5 % general, 13.5 % food
 * and catering, 10 % books and periodicals. */
static const KassaDemoCatalogItem catalog[] = {
  { "Graafinen suunnittelu", "Grafisk design", "Graphic design", 8500, 35, 2550, 0 },
  { "Konsultointi", "Konsultation", "Consulting", 11000, 40, 2550, 0 },
  { "Verkkosivujen suunnittelu", "Webbdesign", "Web design", 9500, 38, 2550, 0 },
  { "Valokuvaus", "Fotografering", "Photography", 9000, 45, 2550, 0 },
  { "Tekstisuunnittelu", "Copywriting", "Copywriting", 7500, 35, 2550, 0 },
  { "Taitto ja painovalmistelu", "Layout och tryckförberedelse", "Layout and prepress",
    7000, 40, 2550, 0 },
  { "Logo ja tunnusgrafiikka", "Logotyp och grafisk profil", "Logo and visual identity",
    180000, 30, 2550, 1 },
  { "Brändityöpaja", "Varumärkesworkshop", "Brand workshop", 120000, 35, 2550, 1 },
  { "Esitteiden painatus, 500 kpl", "Tryck av broschyrer, 500 st", "Printing brochures, 500 pcs",
    45000, 60, 2550, 4 },
  { "Käyntikorttien painatus, 250 kpl", "Tryck av visitkort, 250 st", "Printing business cards, 250 pcs",
    6500, 55, 2550, 10 },
  { "Julisteet A2", "Affischer A2", "Posters A2", 2500, 50, 2550, 40 },
  { "Ohjelmistolisenssi, vuosi", "Programvarulicens, år", "Software licence, annual",
    48000, 55, 2550, 3 },
  { "Kuvapankin lisenssi", "Bildbankslicens", "Stock photo licence", 4900, 60, 2550, 12 },
  { "Verkkosivujen ylläpito, kk", "Underhåll av webbplats, mån", "Website maintenance, month",
    15000, 30, 2550, 12 },
  { "Messuosaston suunnittelu", "Design av mässmonter", "Trade fair stand design",
    250000, 45, 2550, 1 },
  { "Työpajan tarjoilut", "Servering vid workshop", "Workshop catering", 1800, 60, 1350, 30 },
  { "Typografian käsikirja", "Handbok i typografi", "Typography handbook", 3900, 55, 1000, 20 },
  { "Alan aikakauslehti, vuositilaus", "Branschtidning, årsprenumeration",
    "Trade magazine, annual subscription", 8900, 70, 1000, 5 },
  { "Matkakulut", "Resekostnader", "Travel expenses", 12000, 95, 2550, 3 },
};

/* ---------------------------------------------------------------- */
/* Identifiers                                                       */
/* ---------------------------------------------------------------- */

/* Finnish business ID check digit (weights 7 9 10 5 8 4 2, mod 11);
 * -1 when the base has no valid check digit (remainder 1). */
int
kassa_demo_business_id_fi_check (const char *digits)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0, remainder;

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    sum += (digits[i] - '0') * weights[i];

  remainder = sum % 11;
  if (remainder == 1)
    return -1;
  return remainder == 0 ? 0 : 11 - remainder;
}

static char *
make_business_id_fi (KassaDemoRng *rng)
{
  for (;;)
    {
      char digits[8];
      int check;

      g_snprintf (digits, sizeof digits, "%07" G_GINT64_FORMAT,
                  kassa_demo_rng_range (rng, 1000000, 3299999));
      check = kassa_demo_business_id_fi_check (digits);
      if (check >= 0)
        return g_strdup_printf ("%s-%d", digits, check);
    }
}

/* Swedish organisation number with its Luhn check digit. */
static char *
make_org_number_se (KassaDemoRng *rng)
{
  char digits[11];
  int sum = 0;

  g_snprintf (digits, sizeof digits, "556%06" G_GINT64_FORMAT,
              kassa_demo_rng_range (rng, 0, 999999));
  for (int i = 0; i < 9; i++)
    {
      int d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);

      sum += d > 9 ? d - 9 : d;
    }
  digits[9] = '0' + (10 - sum % 10) % 10;
  digits[10] = '\0';

  return g_strdup_printf ("%.6s-%s", digits, digits + 6);
}

/* "Kallio Rakennus Oy" → "kallio-rakennus" for made-up mail domains. */
static char *
make_slug (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  return g_string_free (slug, FALSE);
}

/* ---------------------------------------------------------------- */
/* Customers                                                         */
/* ---------------------------------------------------------------- */

void
kassa_demo_customer_text_clear (KassaDemoCustomerText *text)
{
  g_free (text->name);
  g_free (text->business_id);
  g_free (text->vat_id);
  g_free (text->contact_person);
  g_free (text->email);
  g_free (text->phone);
  g_free (text->address);
  g_free (text->einvoice_address);
}

static char *
make_address (KassaDemoRng *rng,
              const char   *street,
              const City   *city)
{
  return g_strdup_printf ("%s %" G_GINT64_FORMAT "\n%s %s", street,
                          kassa_demo_rng_range (rng, 1, 80), city->postcode, city->city);
}

static char *
make_phone (KassaDemoRng *rng,
            const char   *prefix)
{
  return g_strdup_printf ("%s %03" G_GINT64_FORMAT " %04" G_GINT64_FORMAT, prefix,
                          kassa_demo_rng_range (rng, 100, 999),
                          kassa_demo_rng_range (rng, 0, 9999));
}

static char *
make_mailbox (const char *user,
              const char *domain_name)
{
  g_autofree char *slug = make_slug (domain_name);

  return g_strdup_printf ("%s@%s.example", user, slug);
}

void
kassa_demo_make_finnish_business (KassaDemoRng          *rng,
                                  KassaDemoCustomerText *text)
{
  const char *stem = kassa_demo_rng_percent (rng, 50) ? KASSA_DEMO_PICK (rng, fi_surnames)
                                                       : KASSA_DEMO_PICK (rng, fi_stems);
  const char *industry = KASSA_DEMO_PICK (rng, fi_industries);
  const char *form = kassa_demo_rng_percent (rng, 85) ? "Oy"
                     : kassa_demo_rng_percent (rng, 70) ? "Ky" : "Oyj";
  g_autofree char *domain = g_strdup_printf ("%s %s", stem, industry);
  g_autofree char *digits = NULL;

  text->name = g_strdup_printf ("%s %s %s", stem, industry, form);
  text->business_id = make_business_id_fi (rng);
  digits = g_strdup_printf ("%.7s%c", text->business_id, text->business_id[8]);
  text->vat_id = g_strconcat ("FI", digits, NULL);
  text->contact_person = g_strdup_printf ("%s %s", KASSA_DEMO_PICK (rng, fi_first_names),
                                          KASSA_DEMO_PICK (rng, fi_surnames));
  text->email = make_mailbox ("laskutus", domain);
  text->phone = make_phone (rng, "+358 40");
  text->address = make_address (rng, KASSA_DEMO_PICK (rng, fi_streets),
                                &KASSA_DEMO_PICK (rng, fi_cities));
  text->country = "FI";
  text->language = kassa_demo_rng_percent (rng, 8) ? "sv" : "fi";
  text->domestic = TRUE;

  /* About 40 % of Finnish businesses take e-invoices (OVT address
   * 0037 + business ID digits). */
  if (kassa_demo_rng_percent (rng, 40))
    {
      text->delivery = KASSA_DELIVERY_EINVOICE;
      text->einvoice_address = g_strconcat ("0037", digits, NULL);
    }
}

void
kassa_demo_make_foreign_business (KassaDemoRng          *rng,
                                  KassaDemoCustomerText *text,
                                  const char            *country)
{
  if (g_str_equal (country, "SE"))
    {
      const char *surname = KASSA_DEMO_PICK (rng, sv_surnames);
      const char *industry = KASSA_DEMO_PICK (rng, sv_industries);
      g_autofree char *domain = g_strdup_printf ("%s %s", surname, industry);
      g_autofree char *org = make_org_number_se (rng);
      g_autofree char *org_digits = g_strdup_printf ("%.6s%s", org, org + 7);

      text->name = g_strdup_printf ("%s %s AB", surname, industry);
      text->business_id = g_steal_pointer (&org);
      text->vat_id = g_strdup_printf ("SE%s01", org_digits);
      text->contact_person = g_strdup_printf ("%s %s", KASSA_DEMO_PICK (rng, sv_first_names),
                                              KASSA_DEMO_PICK (rng, sv_surnames));
      text->email = make_mailbox ("faktura", domain);
      text->phone = make_phone (rng, "+46 70");
      text->address = make_address (rng, KASSA_DEMO_PICK (rng, se_streets),
                                    &KASSA_DEMO_PICK (rng, se_cities));
      text->language = "sv";
      if (kassa_demo_rng_percent (rng, 30))
        text->delivery = KASSA_DELIVERY_EINVOICE;
    }
  else if (g_str_equal (country, "GB"))
    {
      const char *stem = KASSA_DEMO_PICK (rng, en_stems);
      const char *industry = KASSA_DEMO_PICK (rng, en_industries);
      g_autofree char *domain = g_strdup_printf ("%s %s", stem, industry);

      text->name = g_strdup_printf ("%s %s Ltd", stem, industry);
      text->business_id = g_strdup_printf ("%08" G_GINT64_FORMAT,
                                           kassa_demo_rng_range (rng, 1000000, 14999999));
      text->vat_id = g_strdup_printf ("GB%09" G_GINT64_FORMAT,
                                      kassa_demo_rng_range (rng, 100000000, 999999999));
      text->contact_person = g_strdup_printf ("%s %s", KASSA_DEMO_PICK (rng, sv_first_names), stem);
      text->email = make_mailbox ("accounts", domain);
      text->phone = make_phone (rng, "+44 20");
      text->address = make_address (rng, KASSA_DEMO_PICK (rng, gb_streets),
                                    &KASSA_DEMO_PICK (rng, gb_cities));
      text->language = "en";
    }
  else
    {
      const char *city = KASSA_DEMO_PICK (rng, zh_cities);
      const char *name = KASSA_DEMO_PICK (rng, zh_names);
      const char *industry = KASSA_DEMO_PICK (rng, zh_industries);
      g_autofree char *domain = g_strdup_printf ("%s %s", name, industry);

      text->name = g_strdup_printf ("%s %s %s Co., Ltd.", city, name, industry);
      text->contact_person = g_strdup_printf ("%s Li", KASSA_DEMO_PICK (rng, zh_names));
      text->email = make_mailbox ("finance", domain);
      text->phone = make_phone (rng, "+86 21");
      text->address = make_address (rng, KASSA_DEMO_PICK (rng, cn_streets),
                                    &KASSA_DEMO_PICK (rng, cn_cities));
      /* Chinese partners get their invoices in Chinese. */
      text->language = "zh_CN";
    }

  text->country = country;
  /* Services to businesses abroad: reverse charge / export, VAT 0 %. */
  text->domestic = FALSE;
}

void
kassa_demo_make_consumer (KassaDemoRng          *rng,
                          KassaDemoCustomerText *text)
{
  gboolean swedish_speaking = kassa_demo_rng_percent (rng, 12);
  const char *first = swedish_speaking ? KASSA_DEMO_PICK (rng, sv_first_names)
                                        : KASSA_DEMO_PICK (rng, fi_first_names);
  const char *last = swedish_speaking ? KASSA_DEMO_PICK (rng, sv_surnames)
                                      : KASSA_DEMO_PICK (rng, fi_surnames);
  g_autofree char *user = NULL;

  text->name = g_strdup_printf ("%s %s", first, last);
  user = make_slug (text->name);
  for (char *p = user; *p != '\0'; p++)
    if (*p == '-')
      *p = '.';
  text->email = g_strdup_printf ("%s@mail.example", user);
  text->phone = make_phone (rng, "+358 50");
  text->address = make_address (rng, KASSA_DEMO_PICK (rng, fi_streets),
                                &KASSA_DEMO_PICK (rng, fi_cities));
  text->country = "FI";
  text->kind = KASSA_CUSTOMER_CONSUMER;
  text->language = swedish_speaking ? "sv" : "fi";
  text->domestic = TRUE;
  text->delivery = kassa_demo_rng_percent (rng, 80) ? KASSA_DELIVERY_EMAIL : KASSA_DELIVERY_PAPER;
}

/* ---------------------------------------------------------------- */
/* Catalog                                                           */
/* ---------------------------------------------------------------- */

const KassaDemoCatalogItem *
kassa_demo_pick_catalog_item (KassaDemoRng *rng)
{
  return &KASSA_DEMO_PICK (rng, catalog);
}

const char *
kassa_demo_catalog_item_description (const KassaDemoCatalogItem *item,
                                     const char                 *language)
{
  if (g_str_equal (language, "fi"))
    return item->fi;
  if (g_str_equal (language, "sv"))
    return item->sv;
  return item->en;
}
