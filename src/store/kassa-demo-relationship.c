/* kassa-demo-relationship.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo company's customer relationship data, as a Finnish small
 * business would have it after two years with Kassa:
 * - marketing consent: about 60 % gave it (web form, phone, trade fair),
 *   10 % refused, the rest were never asked;
 * - seven key accounts, the biggest customers of the last twelve months,
 *   shared among three account owners;
 * - four campaigns over the last 18 months on different channels, each
 *   reaching consenting customers, with the invoices of the next 60 days
 *   attributed.  The trade fair reached mostly quiet customers, so it
 *   brought less margin than it cost (a negative ROI to learn from);
 * - about 250 NPS answers over two years from about 40 % of the customers,
 *   skewed positive (NPS about +30), some with a comment in the customer's
 *   language.
 * Everything comes from its own seeded generator and goes through the store
 * API, so it follows the store's rules.  Texts are demo data in the
 * customers' languages, not UI strings.
 */
#define G_LOG_DOMAIN "kassa-demo"

#include "config.h"

#include "kassa-demo-relationship-private.h"
#include "kassa-demo-rng-private.h"
#include "kassa-store-private.h"
#include "kassa-store-relationship.h"

#define N_KEY_ACCOUNTS 7
#define ATTRIBUTION_WINDOW_DAYS 60

typedef enum
{
  LANGUAGE_FINNISH,
  LANGUAGE_SWEDISH,
  LANGUAGE_ENGLISH,
  N_LANGUAGES,
} Language;

typedef struct
{
  KassaStore          *store;
  const KassaDemoSpec *spec;
  KassaDemoRng         rng;
  Language            *languages;   /* by customer index (id − 1) */
  GArray              *consenting;  /* gint64 ids of customers who gave consent */
} Demo;

/* Where consent was given, per language. */
static const char *consent_sources[N_LANGUAGES][3] = {
  { "Verkkolomake", "Puhelu", "Messut" },
  { "Webbformulär", "Telefonsamtal", "Mässa" },
  { "Web form", "Phone call", "Trade fair" },
};

static const char *account_owners[] = { "Liisa Virtanen", "Mikko Korhonen", "Anna Lindqvist" };

typedef enum
{
  FEELING_PROMOTER,
  FEELING_PASSIVE,
  FEELING_DETRACTOR,
  N_FEELINGS,
} Feeling;

static const char *nps_comments[N_LANGUAGES][N_FEELINGS][2] = {
  {
    { "Nopea toimitus ja ystävällinen palvelu.", "Asiantuntevaa apua aina kun tarvitaan." },
    { "Hyvä yhteistyö, mutta hinnat ovat nousseet.", "Toimitus viivästyi hieman." },
    { "Laskussa oli virheitä kahdesti.", "Vastausaika sähköposteihin on liian pitkä." },
  },
  {
    { "Snabb leverans och trevlig service.", "Kunnig personal, rekommenderas varmt." },
    { "Bra samarbete, men priserna har stigit.", "Leveransen blev lite försenad." },
    { "Fel på fakturan två gånger.", "Svårt att nå er per telefon." },
  },
  {
    { "Quick delivery and friendly service.", "Always helpful and knowledgeable." },
    { "Good work, but prices have gone up.", "The delivery was a little late." },
    { "Two invoices had mistakes.", "Slow to answer our emails." },
  },
};

typedef struct
{
  const char           *name;
  KassaCampaignChannel  channel;
  gint                  starts_days_ago;
  gint                  days;
  gint64                cost;             /* cents */
  guint                 reach;
  guint                 quiet;            /* how many of the reached buy least */
  const char           *target_segment;
  const char           *notes;
} DemoCampaign;

/* In date order, so that an invoice goes to the earliest campaign whose
 * window it falls in. */
static const DemoCampaign demo_campaigns[] = {
  { "Alihankintamessut, Tampere", KASSA_CAMPAIGN_EVENTS, 420, 3, 580000, 24, 22, "",
    "Osasto B12, kolme päivää, kaksi myyjää." },
  { "Joulukorttipostitus", KASSA_CAMPAIGN_PRINT, 355, 10, 115000, 35, 30, "rfm:at-risk",
    "Painetut kortit ja kalenteri." },
  { "Kevään uutiskirje", KASSA_CAMPAIGN_EMAIL, 240, 14, 38000, 80, 72, "", "" },
  { "Hakusanamainonta, syksy", KASSA_CAMPAIGN_SEARCH_ADS, 100, 45, 240000, 60, 55,
    "rfm:champions", "" },
};

static Language
language_from_code (const char *code)
{
  if (g_str_has_prefix (code, "fi"))
    return LANGUAGE_FINNISH;
  if (g_str_has_prefix (code, "sv"))
    return LANGUAGE_SWEDISH;
  return LANGUAGE_ENGLISH;
}

static gboolean
load_languages (Demo    *demo,
                GError **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (demo->store, "SELECT id, document_language FROM customers", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id >= 1 && id <= demo->spec->n_customers)
        demo->languages[id - 1] = language_from_code ((const char *) sqlite3_column_text (stmt, 1));
    }

  return rc == SQLITE_DONE || kassa_store_set_error_from_sqlite (demo->store, rc, error);
}

/* The biggest customers by net sales of the last twelve months. */
static GArray *
find_key_accounts (Demo    *demo,
                   GError **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = kassa_store_prepare (demo->store,
                              "SELECT customer_id FROM invoices"
                              " WHERE state = 1 AND credited_invoice_id IS NULL"
                              " AND issue_date > ?1 GROUP BY customer_id"
                              " ORDER BY SUM (total_net) DESC, customer_id LIMIT ?2",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, demo->spec->today - 365);
  sqlite3_bind_int (stmt, 2, N_KEY_ACCOUNTS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      kassa_store_set_error_from_sqlite (demo->store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static void
pick_consent (Demo                      *demo,
              KassaCustomerRelationship *relationship)
{
  gint64 roll = kassa_demo_rng_range (&demo->rng, 0, 99);
  Language language = demo->languages[relationship->customer_id - 1];

  if (roll >= 70)
    return;

  relationship->consent = roll < 60 ? KASSA_CONSENT_GIVEN : KASSA_CONSENT_REFUSED;
  relationship->consent_date = demo->spec->today
                               - (KassaDay) kassa_demo_rng_range (&demo->rng, 20, 700);
  g_free (relationship->consent_source);
  relationship->consent_source = g_strdup (KASSA_DEMO_PICK (&demo->rng, consent_sources[language]));
}

static gboolean
add_relationships (Demo    *demo,
                   GError **error)
{
  g_autoptr(GArray) key_accounts = find_key_accounts (demo, error);

  if (key_accounts == NULL)
    return FALSE;

  for (guint i = 0; i < demo->spec->n_customers; i++)
    {
      g_autoptr(KassaCustomerRelationship) relationship = kassa_customer_relationship_new ();

      relationship->customer_id = i + 1;
      pick_consent (demo, relationship);
      for (guint k = 0; k < key_accounts->len; k++)
        if (g_array_index (key_accounts, gint64, k) == relationship->customer_id)
          {
            relationship->key_account = TRUE;
            g_free (relationship->account_owner);
            relationship->account_owner
              = g_strdup (account_owners[k % G_N_ELEMENTS (account_owners)]);
          }

      if (relationship->consent == KASSA_CONSENT_GIVEN)
        g_array_append_val (demo->consenting, relationship->customer_id);
      if (relationship->consent == KASSA_CONSENT_NOT_ASKED && !relationship->key_account)
        continue;
      if (!kassa_store_save_customer_relationship (demo->store, relationship, demo->spec->today,
                                                   error))
        return FALSE;
    }

  return TRUE;
}

/* Campaigns */

typedef struct
{
  gint64 id;
  gint64 invoices;   /* in the campaign's window */
  gint64 order;      /* random tie-break */
} Candidate;

static int
compare_quietest_first (gconstpointer a,
                        gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->invoices != y->invoices)
    return x->invoices < y->invoices ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static gint64
count_invoices_in (Demo     *demo,
                   gint64    customer_id,
                   KassaDay  from,
                   KassaDay  to)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (demo->store,
                              "SELECT count(*) FROM invoices WHERE customer_id = ?1"
                              " AND issue_date BETWEEN ?2 AND ?3 AND state = 1",
                              NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, from);
  sqlite3_bind_int (stmt, 3, to);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Consenting customers: plan->quiet of those with the fewest invoices in
 * the campaign's window (a reactivation mailing, or a fair where mostly
 * new faces stopped by), the rest at random. */
static GArray *
pick_reached (Demo               *demo,
              const DemoCampaign *plan,
              KassaDay            start,
              KassaDay            end)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  GArray *reached = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < demo->consenting->len; i++)
    {
      Candidate candidate = { g_array_index (demo->consenting, gint64, i), 0, 0 };

      candidate.order = (gint64) (kassa_demo_rng_next (&demo->rng) >> 1);
      if (plan->quiet > 0)
        candidate.invoices = count_invoices_in (demo, candidate.id, start,
                                                end + ATTRIBUTION_WINDOW_DAYS);
      g_array_append_val (candidates, candidate);
    }

  g_array_sort (candidates, compare_quietest_first);
  for (guint i = 0; i < MIN (plan->quiet, candidates->len); i++)
    g_array_append_val (reached, g_array_index (candidates, Candidate, i).id);

  /* The others at random: the tie-break order is random. */
  for (guint i = 0; i < candidates->len; i++)
    g_array_index (candidates, Candidate, i).invoices = 0;
  g_array_remove_range (candidates, 0, MIN (plan->quiet, candidates->len));
  g_array_sort (candidates, compare_quietest_first);
  for (guint i = 0; i < MIN (plan->reach - plan->quiet, candidates->len); i++)
    g_array_append_val (reached, g_array_index (candidates, Candidate, i).id);

  return reached;
}

static gboolean
add_campaign (Demo               *demo,
              const DemoCampaign *plan,
              GError            **error)
{
  g_autoptr(KassaCampaign) campaign = kassa_campaign_new ();
  g_autoptr(GArray) reached = NULL;
  guint n_attributed;

  campaign->start_date = demo->spec->today - plan->starts_days_ago;
  campaign->end_date = campaign->start_date + plan->days - 1;
  g_free (campaign->name);
  campaign->name = g_strdup (plan->name);
  campaign->channel = plan->channel;
  campaign->cost = plan->cost;
  g_free (campaign->target_segment);
  campaign->target_segment = g_strdup (plan->target_segment);
  g_free (campaign->notes);
  campaign->notes = g_strdup (plan->notes);
  if (!kassa_store_save_campaign (demo->store, campaign, error))
    return FALSE;

  reached = pick_reached (demo, plan, campaign->start_date, campaign->end_date);
  return kassa_store_add_campaign_customers (demo->store, campaign->id,
                                             (const gint64 *) reached->data, reached->len,
                                             campaign->start_date, error)
         && kassa_store_attribute_campaign_invoices (demo->store, campaign->id,
                                                     ATTRIBUTION_WINDOW_DAYS, &n_attributed,
                                                     error);
}

/* NPS */

static Feeling
pick_score (Demo *demo,
            gint *score)
{
  gint64 roll = kassa_demo_rng_range (&demo->rng, 0, 99);

  if (roll < 52)
    {
      *score = kassa_demo_rng_percent (&demo->rng, 45) ? 10 : 9;
      return FEELING_PROMOTER;
    }
  if (roll < 80)
    {
      *score = (gint) kassa_demo_rng_range (&demo->rng, 7, 8);
      return FEELING_PASSIVE;
    }

  *score = (gint) kassa_demo_rng_range (&demo->rng, 2, 6);
  return FEELING_DETRACTOR;
}

static gboolean
add_nps_answer (Demo    *demo,
                gint64   customer_id,
                GError **error)
{
  g_autoptr(KassaNpsResponse) response = kassa_nps_response_new ();
  Language language = demo->languages[customer_id - 1];
  Feeling feeling;

  response->customer_id = customer_id;
  response->date = demo->spec->today - (KassaDay) kassa_demo_rng_range (&demo->rng, 0, 729);
  feeling = pick_score (demo, &response->score);
  if (kassa_demo_rng_percent (&demo->rng, 25))
    {
      g_free (response->comment);
      response->comment = g_strdup (KASSA_DEMO_PICK (&demo->rng, nps_comments[language][feeling]));
    }

  return kassa_store_add_nps_response (demo->store, response, demo->spec->today, error);
}

static gboolean
add_nps_answers (Demo    *demo,
                 GError **error)
{
  for (guint i = 0; i < demo->spec->n_customers; i++)
    {
      guint n_answers;

      if (!kassa_demo_rng_percent (&demo->rng, 40))
        continue;

      n_answers = (guint) kassa_demo_rng_range (&demo->rng, 1, 5);
      for (guint k = 0; k < n_answers; k++)
        if (!add_nps_answer (demo, i + 1, error))
          return FALSE;
    }

  return TRUE;
}

gboolean
kassa_demo_add_relationship (KassaStore          *store,
                             const KassaDemoSpec *spec,
                             GError             **error)
{
  Demo demo = { store, spec, { spec->seed ^ G_GUINT64_CONSTANT (0x5eed0c0ffee) }, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  demo.languages = g_new0 (Language, MAX (spec->n_customers, 1));
  demo.consenting = g_array_new (FALSE, FALSE, sizeof (gint64));

  ok = load_languages (&demo, error) && add_relationships (&demo, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (demo_campaigns); i++)
    ok = add_campaign (&demo, &demo_campaigns[i], error);
  ok = ok && add_nps_answers (&demo, error);

  g_free (demo.languages);
  g_array_unref (demo.consenting);
  return ok;
}
