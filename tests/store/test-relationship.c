/* test-relationship.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Customer relationship data of KassaStore on a real company file in a
 * temporary folder: relationship rows and their defaults, campaigns, their
 * reach and invoice attribution, NPS responses, the personal-data export,
 * anonymisation, and the schema-6 migration of the invoices' cost cache.
 * Every refusal is checked to leave nothing written and announce nothing.
 */
#define G_LOG_DOMAIN "kassa-test-relationship"

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "kassa-customer-retention.h"
#include "kassa-date.h"
#include "kassa-demo.h"
#include "kassa-store-collections.h"
#include "kassa-store-relationship.h"
#include "kassa-store-schema.h"
#include "kassa-store.h"
#include "kassa-test-fixture.h"

typedef struct
{
  char       *dir;
  KassaStore *store;
  gint64      customer_a;
  gint64      customer_b;
  gint64      customer_c;
  guint       n_emissions;
  guint       flags;
} Fixture;

#define TODAY (kassa_day_from_ymd (2026, 11, 24))
#define INVALID KASSA_STORE_ERROR_INVALID
#define NOT_FOUND KASSA_STORE_ERROR_NOT_FOUND

/* Helpers */

static KassaDay
ymd (int year,
     int month,
     int day)
{
  return kassa_day_from_ymd (year, month, day);
}

static gint64
query_int (KassaStore *store,
           const char *sql,
           gint64      arg)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (kassa_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, arg);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
query_text (KassaStore *store,
            const char *sql,
            gint64      arg)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (kassa_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, arg);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

/* Every column of every row a query returns, as one string. */
static char *
dump_rows (KassaStore *store,
           const char *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (kassa_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);

          g_string_append_printf (out, "%s|", text != NULL ? text : "<null>");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);

  return g_string_free (out, FALSE);
}

static void
on_changed (KassaStore *store,
            guint       what,
            Fixture    *f)
{
  f->n_emissions++;
  f->flags |= what;
}

static void
reset_changes (Fixture *f)
{
  f->n_emissions = 0;
  f->flags = 0;
}

static gint64
add_customer (KassaStore *store,
              const char *name)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  customer->name = g_strdup (name);
  g_assert_true (kassa_store_save_customer (store, customer, &error));
  g_assert_no_error (error);

  return customer->id;
}

static KassaInvoiceRecord *
new_invoice (gint64   customer_id,
             KassaDay issue_date,
             gint64   unit_price)
{
  KassaInvoiceRecord *invoice = kassa_invoice_record_new ();
  KassaInvoiceLine *line = kassa_invoice_line_new ();

  invoice->customer_id = customer_id;
  invoice->issue_date = issue_date;
  invoice->due_date = issue_date + 14;
  line->description = g_strdup ("Consulting");
  line->quantity = 2000;
  line->unit_price = unit_price;
  line->unit_cost = unit_price / 2;
  line->vat_rate = 2550;
  g_ptr_array_add (invoice->lines, line);
  return invoice;
}

/* A sent invoice with its own number (the import path takes any date). */
static gint64
add_sent (KassaStore *store,
          gint64      customer_id,
          KassaDay    issue_date,
          gint64      number)
{
  g_autoptr(KassaInvoiceRecord) invoice = new_invoice (customer_id, issue_date, 10000);
  g_autoptr(GError) error = NULL;

  invoice->state = KASSA_INVOICE_STATE_SENT;
  g_assert_true (kassa_store_import_invoice (store, invoice, number, NULL, &error));
  g_assert_no_error (error);
  return invoice->id;
}

static gint64
add_draft (KassaStore *store,
           gint64      customer_id,
           KassaDay    issue_date)
{
  g_autoptr(KassaInvoiceRecord) invoice = new_invoice (customer_id, issue_date, 10000);
  g_autoptr(GError) error = NULL;

  g_assert_true (kassa_store_save_invoice (store, invoice, &error));
  g_assert_no_error (error);
  return invoice->id;
}

static KassaCampaign *
new_campaign (const char *name,
              KassaDay    start,
              KassaDay    end)
{
  KassaCampaign *campaign = kassa_campaign_new ();

  g_free (campaign->name);
  campaign->name = g_strdup (name);
  campaign->channel = KASSA_CAMPAIGN_EMAIL;
  campaign->start_date = start;
  campaign->end_date = end;
  campaign->cost = 150000;
  return campaign;
}

static gint64
add_campaign (KassaStore *store,
              const char *name,
              KassaDay    start,
              KassaDay    end)
{
  g_autoptr(KassaCampaign) campaign = new_campaign (name, start, end);
  g_autoptr(GError) error = NULL;

  g_assert_true (kassa_store_save_campaign (store, campaign, &error));
  g_assert_no_error (error);
  return campaign->id;
}

static void
set_consent (KassaStore            *store,
             gint64                 customer_id,
             KassaMarketingConsent  consent)
{
  g_autoptr(KassaCustomerRelationship) relationship = kassa_customer_relationship_new ();
  g_autoptr(GError) error = NULL;

  relationship->customer_id = customer_id;
  relationship->consent = consent;
  relationship->consent_date = ymd (2026, 1, 15);
  g_assert_true (kassa_store_save_customer_relationship (store, relationship, TODAY, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KassaCompany) company = kassa_company_new ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kassa-relationship-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "company.kassa", NULL);
  f->store = kassa_store_open (path, &error);
  g_assert_no_error (error);

  company->name = g_strdup ("Testi Oy");
  g_assert_true (kassa_store_save_company (f->store, company, &error));
  g_assert_no_error (error);
  f->customer_a = add_customer (f->store, "Asiakas A Oy");
  f->customer_b = add_customer (f->store, "Kund B Ab");
  f->customer_c = add_customer (f->store, "Customer C Ltd");

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), f);
  reset_changes (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  kassa_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Relationship */

static void
test_relationship_defaults (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KassaCustomerRelationship) relationship = NULL;
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GError) error = NULL;

  relationship = kassa_store_get_customer_relationship (f->store, f->customer_a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (relationship->customer_id, ==, f->customer_a);
  g_assert_cmpint (relationship->abc_override, ==, KASSA_ABC_NONE);
  g_assert_cmpint (relationship->lifecycle_override, ==, KASSA_LIFECYCLE_NO_OVERRIDE);
  g_assert_false (relationship->key_account);
  g_assert_cmpstr (relationship->account_owner, ==, "");
  g_assert_cmpint (relationship->consent, ==, KASSA_CONSENT_NOT_ASKED);
  g_assert_cmpint (relationship->consent_date, ==, 0);
  g_assert_cmpstr (relationship->consent_source, ==, "");
  g_assert_cmpint (relationship->anonymised_on, ==, 0);

  all = kassa_store_list_customer_relationships (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (all), ==, 0);

  g_assert_null (kassa_store_get_customer_relationship (f->store, 999, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);

  /* Names for lists. */
  g_assert_cmpstr (kassa_abc_class_to_string (KASSA_ABC_B), ==, "B");
  g_assert_cmpstr (kassa_abc_class_to_string (KASSA_ABC_NONE), ==, "–");
  g_assert_cmpstr (kassa_lifecycle_stage_to_string (KASSA_LIFECYCLE_KEY_ACCOUNT), ==,
                   "Key account");
  g_assert_cmpstr (kassa_consent_to_string (KASSA_CONSENT_REFUSED), ==, "Refused");
  g_assert_cmpstr (kassa_campaign_channel_to_string (KASSA_CAMPAIGN_SOCIAL), ==, "Social media");
}

static void
test_relationship_round_trip (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(KassaCustomerRelationship) relationship = kassa_customer_relationship_new ();
  g_autoptr(KassaCustomerRelationship) stored = NULL;
  g_autoptr(KassaCustomerRelationship) copy = NULL;
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GError) error = NULL;
  const KassaCustomerRelationship *listed;

  relationship->customer_id = f->customer_b;
  relationship->abc_override = KASSA_ABC_A;
  relationship->lifecycle_override = KASSA_LIFECYCLE_DORMANT;
  relationship->key_account = TRUE;
  g_free (relationship->account_owner);
  relationship->account_owner = g_strdup ("  Liisa Virtanen ");
  relationship->consent = KASSA_CONSENT_GIVEN;
  relationship->consent_date = TODAY;
  g_free (relationship->consent_source);
  relationship->consent_source = g_strdup ("Verkkolomake");
  relationship->anonymised_on = ymd (2026, 1, 1);  /* never written by save */

  g_assert_true (kassa_store_save_customer_relationship (f->store, relationship, TODAY, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_emissions, ==, 1);
  g_assert_cmpuint (f->flags, ==, KASSA_STORE_CHANGE_CUSTOMERS);

  stored = kassa_store_get_customer_relationship (f->store, f->customer_b, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->abc_override, ==, KASSA_ABC_A);
  g_assert_cmpint (stored->lifecycle_override, ==, KASSA_LIFECYCLE_DORMANT);
  g_assert_true (stored->key_account);
  g_assert_cmpstr (stored->account_owner, ==, "Liisa Virtanen");
  g_assert_cmpint (stored->consent, ==, KASSA_CONSENT_GIVEN);
  g_assert_cmpint (stored->consent_date, ==, TODAY);
  g_assert_cmpstr (stored->consent_source, ==, "Verkkolomake");
  g_assert_cmpint (stored->anonymised_on, ==, 0);

  /* Update in place; "not asked" drops the date. */
  relationship->consent = KASSA_CONSENT_NOT_ASKED;
  relationship->abc_override = KASSA_ABC_NONE;
  g_assert_true (kassa_store_save_customer_relationship (f->store, relationship, TODAY, &error));
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM customer_relationship", 0), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT consent_date FROM customer_relationship", 0),
                   ==, 0);

  all = kassa_store_list_customer_relationships (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (all), ==, 1);
  listed = g_hash_table_lookup (all, &f->customer_b);
  g_assert_nonnull (listed);
  g_assert_cmpint (listed->abc_override, ==, KASSA_ABC_NONE);
  g_assert_cmpint (listed->lifecycle_override, ==, KASSA_LIFECYCLE_DORMANT);
  g_assert_null (g_hash_table_lookup (all, &f->customer_a));

  copy = kassa_customer_relationship_copy (listed);
  g_assert_cmpstr (copy->account_owner, ==, "Liisa Virtanen");
  g_assert_true (copy->account_owner != listed->account_owner);
}

typedef struct
{
  const char            *what;
  KassaAbcClass          abc;
  gint                   lifecycle;
  gint                   consent;   /* KassaMarketingConsent */
  KassaDay               consent_date;
  glong                  owner_chars;
  glong                  source_chars;
  gboolean               missing_customer;
  gint                   code;   /* KassaStoreError */
} RelationshipRefusal;

static void
test_relationship_validation (Fixture       *f,
                              gconstpointer  data)
{
  const KassaDay ok_date = ymd (2026, 11, 1);
  enum { NOT_ASKED = KASSA_CONSENT_NOT_ASKED, GIVEN = KASSA_CONSENT_GIVEN,
         REFUSED = KASSA_CONSENT_REFUSED };
  const RelationshipRefusal cases[] = {
    { "ABC class 4", 4, -1, NOT_ASKED, 0, 0, 0, FALSE, INVALID },
    { "ABC class -1", -1, -1, NOT_ASKED, 0, 0, 0, FALSE, INVALID },
    { "stage 6", 0, 6, NOT_ASKED, 0, 0, 0, FALSE, INVALID },
    { "stage -2", 0, -2, NOT_ASKED, 0, 0, 0, FALSE, INVALID },
    { "consent 3", 0, -1, 3, ok_date, 0, 0, FALSE, INVALID },
    { "given without date", 0, -1, GIVEN, 0, 0, 0, FALSE, INVALID },
    { "refused without date", 0, -1, REFUSED, 0, 0, 0, FALSE, INVALID },
    { "given tomorrow", 0, -1, GIVEN, TODAY + 1, 0, 0, FALSE, INVALID },
    { "owner 201 chars", 0, -1, NOT_ASKED, 0, 201, 0, FALSE, INVALID },
    { "source 201 chars", 0, -1, GIVEN, ok_date, 0, 201, FALSE, INVALID },
    { "no such customer", 0, -1, NOT_ASKED, 0, 0, 0, TRUE, NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KassaCustomerRelationship) relationship = kassa_customer_relationship_new ();
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].what);
      relationship->customer_id = cases[i].missing_customer ? 999 : f->customer_a;
      relationship->abc_override = cases[i].abc;
      relationship->lifecycle_override = cases[i].lifecycle;
      relationship->consent = cases[i].consent;
      relationship->consent_date = cases[i].consent_date;
      g_free (relationship->account_owner);
      relationship->account_owner = g_strnfill (cases[i].owner_chars, 'o');
      g_free (relationship->consent_source);
      relationship->consent_source = g_strnfill (cases[i].source_chars, 's');

      g_assert_false (kassa_store_save_customer_relationship (f->store, relationship, TODAY,
                                                              &error));
      g_assert_error (error, KASSA_STORE_ERROR, cases[i].code);
      g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM customer_relationship", 0),
                       ==, 0);
      g_assert_cmpuint (f->n_emissions, ==, 0);
    }

  /* The limits themselves pass: 200 characters (ä is one), consent today. */
  {
    g_autoptr(KassaCustomerRelationship) relationship = kassa_customer_relationship_new ();
    g_autoptr(GString) owner = g_string_new (NULL);
    g_autoptr(GError) error = NULL;

    for (int i = 0; i < 200; i++)
      g_string_append (owner, "ä");
    relationship->customer_id = f->customer_a;
    g_free (relationship->account_owner);
    relationship->account_owner = g_strdup (owner->str);
    relationship->consent = KASSA_CONSENT_REFUSED;
    relationship->consent_date = TODAY;
    g_assert_true (kassa_store_save_customer_relationship (f->store, relationship, TODAY, &error));
    g_assert_no_error (error);
  }
}

/* Campaigns */

typedef struct
{
  const char *what;
  const char *name;
  gint        channel;
  KassaDay    start;
  KassaDay    end;
  gint64      cost;
} CampaignRefusal;

static void
test_campaigns_crud (Fixture       *f,
                     gconstpointer  data)
{
  const KassaDay march = ymd (2026, 3, 1);
  const CampaignRefusal cases[] = {
    { "blank name", "  ", KASSA_CAMPAIGN_EMAIL, march, march, 0 },
    { "channel 6", "Kevät", 6, march, march, 0 },
    { "channel -1", "Kevät", -1, march, march, 0 },
    { "ends before start", "Kevät", KASSA_CAMPAIGN_PRINT, march, march - 1, 0 },
    { "no start", "Kevät", KASSA_CAMPAIGN_PRINT, 0, march, 0 },
    { "negative cost", "Kevät", KASSA_CAMPAIGN_EVENTS, march, march, -1 },
    { "cost over 10^12", "Kevät", KASSA_CAMPAIGN_EVENTS, march, march,
      G_GINT64_CONSTANT (1000000000001) },
  };
  g_autoptr(KassaCampaign) spring = new_campaign ("Kevätuutiskirje", march, ymd (2026, 3, 31));
  g_autoptr(KassaCampaign) stored = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fair, invoice, other_invoice;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KassaCampaign) campaign = NULL;

      campaign = new_campaign (cases[i].name, cases[i].start, cases[i].end);

      g_test_message ("%s", cases[i].what);
      campaign->channel = cases[i].channel;
      campaign->cost = cases[i].cost;
      g_assert_false (kassa_store_save_campaign (f->store, campaign, &error));
      g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_cmpint (campaign->id, ==, 0);
      g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM campaigns", 0), ==, 0);
    }
  g_assert_cmpuint (f->n_emissions, ==, 0);

  /* Insert sets the id; the largest cost passes. */
  spring->cost = G_GINT64_CONSTANT (1000000000000);
  spring->channel = KASSA_CAMPAIGN_EMAIL;
  g_free (spring->target_segment);
  spring->target_segment = g_strdup ("rfm:champions");
  g_assert_true (kassa_store_save_campaign (f->store, spring, &error));
  g_assert_no_error (error);
  g_assert_cmpint (spring->id, >, 0);
  g_assert_cmpuint (f->n_emissions, ==, 1);
  g_assert_true (f->flags & KASSA_STORE_CHANGE_CUSTOMERS);
  fair = add_campaign (f->store, "Messut", ymd (2026, 5, 10), ymd (2026, 5, 12));

  /* Update. */
  spring->cost = 45000;
  g_free (spring->notes);
  spring->notes = g_strdup ("Sent to 80 customers");
  g_assert_true (kassa_store_save_campaign (f->store, spring, &error));
  stored = kassa_store_get_campaign (f->store, spring->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, "Kevätuutiskirje");
  g_assert_cmpint (stored->cost, ==, 45000);
  g_assert_cmpstr (stored->target_segment, ==, "rfm:champions");
  g_assert_cmpstr (stored->notes, ==, "Sent to 80 customers");
  g_assert_cmpint (stored->end_date, ==, ymd (2026, 3, 31));

  /* Newest start first. */
  list = kassa_store_list_campaigns (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((KassaCampaign *) list->pdata[0])->id, ==, fair);
  g_assert_cmpint (((KassaCampaign *) list->pdata[1])->id, ==, spring->id);

  /* Updating a deleted campaign is refused. */
  {
    g_autoptr(KassaCampaign) ghost = new_campaign ("Ghost", march, march);

    ghost->id = 999;
    g_assert_false (kassa_store_save_campaign (f->store, ghost, &error));
    g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpint (ghost->id, ==, 999);
  }

  /* Delete: reach and attribution go, invoices stay. */
  invoice = add_sent (f->store, f->customer_a, ymd (2026, 3, 15), 100);
  other_invoice = add_sent (f->store, f->customer_a, ymd (2026, 5, 15), 101);
  set_consent (f->store, f->customer_a, KASSA_CONSENT_GIVEN);
  g_assert_true (kassa_store_add_campaign_customers (f->store, spring->id, &f->customer_a, 1,
                                                     ymd (2026, 3, 2), &error));
  g_assert_true (kassa_store_set_invoice_campaign (f->store, invoice, spring->id, &error));
  g_assert_true (kassa_store_set_invoice_campaign (f->store, other_invoice, fair, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, invoice), ==, spring->id);

  reset_changes (f);
  g_assert_true (kassa_store_delete_campaign (f->store, spring->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_emissions, ==, 1);
  g_assert_cmpuint (f->flags, ==, KASSA_STORE_CHANGE_CUSTOMERS | KASSA_STORE_CHANGE_INVOICES);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, invoice), ==, 0);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, other_invoice), ==, fair);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM invoices", 0), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM campaign_customers"
                                        " WHERE campaign_id = ?1", spring->id), ==, 0);
  g_assert_null (kassa_store_get_campaign (f->store, spring->id, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kassa_store_delete_campaign (f->store, spring->id, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
}

static void
test_campaign_customers (Fixture       *f,
                         gconstpointer  data)
{
  gint64 campaign = add_campaign (f->store, "Syyspostitus", ymd (2026, 9, 1), ymd (2026, 9, 30));
  gint64 ab[] = { f->customer_a, f->customer_b };
  gint64 abc[] = { f->customer_a, f->customer_b, f->customer_c };
  g_autoptr(GArray) reached = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *c_number = NULL;

  set_consent (f->store, f->customer_a, KASSA_CONSENT_GIVEN);
  set_consent (f->store, f->customer_c, KASSA_CONSENT_REFUSED);
  c_number = query_text (f->store, "SELECT number FROM customers WHERE id = ?1", f->customer_c);
  reset_changes (f);

  /* One refusal stops the whole batch, naming the customer. */
  g_assert_false (kassa_store_add_campaign_customers (f->store, campaign, abc, 3,
                                                      ymd (2026, 9, 2), &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Customer C Ltd"));
  g_assert_nonnull (strstr (error->message, c_number));
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM campaign_customers", 0), ==, 0);
  g_assert_cmpuint (f->n_emissions, ==, 0);

  /* Not asked (B) may be reached; given (A) too. */
  g_assert_true (kassa_store_add_campaign_customers (f->store, campaign, ab, 2,
                                                     ymd (2026, 9, 2), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_emissions, ==, 1);

  /* Reached again later: the first date stays. */
  g_assert_true (kassa_store_add_campaign_customers (f->store, campaign, ab, 1,
                                                     ymd (2026, 9, 20), &error));
  g_assert_cmpint (query_int (f->store, "SELECT reached_on FROM campaign_customers"
                                        " WHERE customer_id = ?1", f->customer_a),
                   ==, ymd (2026, 9, 2));

  reached = kassa_store_list_campaign_customers (f->store, campaign, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reached->len, ==, 2);
  g_assert_cmpint (g_array_index (reached, gint64, 0), ==, f->customer_a);
  g_assert_cmpint (g_array_index (reached, gint64, 1), ==, f->customer_b);

  /* Unknown campaign or customer. */
  g_assert_false (kassa_store_add_campaign_customers (f->store, 999, ab, 2, ymd (2026, 9, 2),
                                                      &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    gint64 ghost[] = { 999 };

    g_assert_false (kassa_store_add_campaign_customers (f->store, campaign, ghost, 1,
                                                        ymd (2026, 9, 2), &error));
    g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  g_assert_true (kassa_store_remove_campaign_customer (f->store, campaign, f->customer_b, &error));
  g_assert_false (kassa_store_remove_campaign_customer (f->store, campaign, f->customer_b, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM campaign_customers", 0), ==, 1);
}

/* Campaign 1–31 March 2026, window 60 days: the last day counted is
 * 31 March + 60 = 30 May.  A reached on 10 March, B on 1 March, C on
 * 2 April, D on 1 March.  Each reached customer's conversion is their first
 * sale from the day reached through 30 May.  Hand count:
 *   A  9 Mar (before A was reached)               no
 *   A 10 Mar (the day reached: A's first sale)     yes
 *   A 30 May, 31 May (not the first sale)          no
 *   A 15 Apr credited original, 20 Apr credit note no, no
 *   A  1 Apr draft                                 no
 *   B  1 Apr B's first sale, already attributed
 *          to another campaign                     no (kept: the other
 *                                                  campaign converted B)
 *   B  2 Apr (not B's first sale)                  no
 *   C  1 Apr (before C was reached)                no
 *   C 31 May (a day after the window)              no
 *   D 30 May (last day of the window)              yes
 * = 2. */
static void
test_attribution (Fixture       *f,
                  gconstpointer  data)
{
  gint64 campaign = add_campaign (f->store, "Kevät", ymd (2026, 3, 1), ymd (2026, 3, 31));
  gint64 other = add_campaign (f->store, "Messut", ymd (2026, 3, 20), ymd (2026, 3, 22));
  gint64 a_before, a_first, a_last, a_after, a_credited, a_draft, b_other, b_yes, c_no;
  gint64 c_after, d_last, credit_note;
  gint64 customer_d = add_customer (f->store, "Customer D Ltd");
  g_autoptr(GError) error = NULL;
  guint n = 99;

  a_before = add_sent (f->store, f->customer_a, ymd (2026, 3, 9), 200);
  a_first = add_sent (f->store, f->customer_a, ymd (2026, 3, 10), 201);
  a_last = add_sent (f->store, f->customer_a, ymd (2026, 5, 30), 202);
  a_after = add_sent (f->store, f->customer_a, ymd (2026, 5, 31), 203);
  a_credited = add_sent (f->store, f->customer_a, ymd (2026, 4, 15), 204);
  credit_note = kassa_store_credit_invoice (f->store, a_credited, ymd (2026, 4, 20), &error);
  g_assert_no_error (error);
  a_draft = add_draft (f->store, f->customer_a, ymd (2026, 4, 1));
  b_other = add_sent (f->store, f->customer_b, ymd (2026, 4, 1), 205);
  b_yes = add_sent (f->store, f->customer_b, ymd (2026, 4, 2), 206);
  c_no = add_sent (f->store, f->customer_c, ymd (2026, 4, 1), 207);
  c_after = add_sent (f->store, f->customer_c, ymd (2026, 5, 31), 208);
  d_last = add_sent (f->store, customer_d, ymd (2026, 5, 30), 209);

  g_assert_true (kassa_store_set_invoice_campaign (f->store, b_other, other, &error));
  g_assert_true (kassa_store_add_campaign_customers (f->store, campaign, &f->customer_a, 1,
                                                     ymd (2026, 3, 10), &error));
  g_assert_true (kassa_store_add_campaign_customers (f->store, campaign, &f->customer_b, 1,
                                                     ymd (2026, 3, 1), &error));
  g_assert_true (kassa_store_add_campaign_customers (f->store, campaign, &f->customer_c, 1,
                                                     ymd (2026, 4, 2), &error));
  g_assert_true (kassa_store_add_campaign_customers (f->store, campaign, &customer_d, 1,
                                                     ymd (2026, 3, 1), &error));
  g_assert_no_error (error);

  /* A draft cannot be attributed by hand either. */
  g_assert_false (kassa_store_set_invoice_campaign (f->store, a_draft, campaign, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kassa_store_set_invoice_campaign (f->store, a_first, 999, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Out-of-range window: refused. */
  g_assert_false (kassa_store_attribute_campaign_invoices (f->store, campaign, -1, &n, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (n, ==, 0);

  reset_changes (f);
  g_assert_true (kassa_store_attribute_campaign_invoices (f->store, campaign, 60, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (f->n_emissions, ==, 1);
  g_assert_true (f->flags & KASSA_STORE_CHANGE_INVOICES);

  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, a_before), ==, 0);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, a_first), ==, campaign);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, a_last), ==, 0);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, a_after), ==, 0);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, a_credited), ==, 0);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, credit_note), ==, 0);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, a_draft), ==, 0);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, b_other), ==, other);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, b_yes), ==, 0);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, c_no), ==, 0);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, c_after), ==, 0);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, d_last), ==, campaign);

  /* Running again finds nothing new and announces nothing. */
  reset_changes (f);
  g_assert_true (kassa_store_attribute_campaign_invoices (f->store, campaign, 60, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (f->n_emissions, ==, 0);

  /* Clearing by hand. */
  g_assert_true (kassa_store_set_invoice_campaign (f->store, a_first, 0, &error));
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, a_first), ==, 0);
}

/* NPS */

typedef struct
{
  const char *what;
  gint64      customer;   /* 0 = customer A */
  KassaDay    date;
  gint        score;
  glong       comment_chars;
  gint        code;       /* KassaStoreError */
} NpsRefusal;

static void
test_nps (Fixture       *f,
          gconstpointer  data)
{
  const NpsRefusal cases[] = {
    { "score 11", 0, ymd (2026, 5, 1), 11, 0, KASSA_STORE_ERROR_INVALID },
    { "score -1", 0, ymd (2026, 5, 1), -1, 0, KASSA_STORE_ERROR_INVALID },
    { "tomorrow", 0, TODAY + 1, 8, 0, KASSA_STORE_ERROR_INVALID },
    { "no date", 0, 0, 8, 0, KASSA_STORE_ERROR_INVALID },
    { "comment 2001 chars", 0, ymd (2026, 5, 1), 8, 2001, KASSA_STORE_ERROR_INVALID },
    { "no such customer", 999, ymd (2026, 5, 1), 8, 0, KASSA_STORE_ERROR_NOT_FOUND },
  };
  const struct { gint64 *customer; int month; int day; int score; } answers[] = {
    { &f->customer_a, 3, 1, 9 },
    { &f->customer_b, 4, 1, 6 },
    { &f->customer_a, 6, 1, 10 },
    { &f->customer_c, 6, 1, 7 },
  };
  gint64 ids[G_N_ELEMENTS (answers)];
  g_autoptr(GPtrArray) of_a = NULL;
  g_autoptr(GPtrArray) spring = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KassaNpsResponse) response = kassa_nps_response_new ();

      g_test_message ("%s", cases[i].what);
      response->customer_id = cases[i].customer != 0 ? cases[i].customer : f->customer_a;
      response->date = cases[i].date;
      response->score = cases[i].score;
      g_free (response->comment);
      response->comment = g_strnfill (cases[i].comment_chars, 'x');
      g_assert_false (kassa_store_add_nps_response (f->store, response, TODAY, &error));
      g_assert_error (error, KASSA_STORE_ERROR, cases[i].code);
      g_clear_error (&error);
      g_assert_cmpint (response->id, ==, 0);
    }
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM nps_responses", 0), ==, 0);
  g_assert_cmpuint (f->n_emissions, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(KassaNpsResponse) response = kassa_nps_response_new ();

      response->customer_id = *answers[i].customer;
      response->date = ymd (2026, answers[i].month, answers[i].day);
      response->score = answers[i].score;
      g_free (response->comment);
      response->comment = g_strdup (i == 0 ? "Nopea toimitus, kiitos!" : "");
      g_assert_true (kassa_store_add_nps_response (f->store, response, TODAY, &error));
      g_assert_no_error (error);
      g_assert_cmpint (response->id, >, 0);
      ids[i] = response->id;
    }
  g_assert_cmpuint (f->n_emissions, ==, G_N_ELEMENTS (answers));
  g_assert_cmpuint (f->flags, ==, KASSA_STORE_CHANGE_CUSTOMERS);

  /* One customer: newest first. */
  of_a = kassa_store_list_nps_responses (f->store, f->customer_a, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_a->len, ==, 2);
  g_assert_cmpint (((KassaNpsResponse *) of_a->pdata[0])->id, ==, ids[2]);
  g_assert_cmpint (((KassaNpsResponse *) of_a->pdata[0])->score, ==, 10);
  g_assert_cmpstr (((KassaNpsResponse *) of_a->pdata[1])->comment, ==, "Nopea toimitus, kiitos!");

  /* Everyone in [1 Apr, 1 Jun], oldest first; bounds included. */
  spring = kassa_store_list_nps_responses (f->store, 0, ymd (2026, 4, 1), ymd (2026, 6, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spring->len, ==, 3);
  g_assert_cmpint (((KassaNpsResponse *) spring->pdata[0])->id, ==, ids[1]);
  g_assert_cmpint (((KassaNpsResponse *) spring->pdata[1])->id, ==, ids[2]);
  g_assert_cmpint (((KassaNpsResponse *) spring->pdata[2])->id, ==, ids[3]);
  all = kassa_store_list_nps_responses (f->store, 0, 0, 0, &error);
  g_assert_cmpuint (all->len, ==, 4);

  g_assert_true (kassa_store_delete_nps_response (f->store, ids[1], &error));
  g_assert_false (kassa_store_delete_nps_response (f->store, ids[1], &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM nps_responses", 0), ==, 3);
}

/* Personal data */

/* Brackets balance outside strings and every escape is one JSON allows:
 * enough to know the hand-written document is well formed. */
static void
assert_json_well_formed (const char *json)
{
  GString *stack = g_string_new (NULL);
  gboolean in_string = FALSE;

  for (const char *p = json; *p != '\0'; p++)
    {
      if (in_string)
        {
          g_assert_cmpint ((guchar) *p, >=, 0x20);
          if (*p == '\\')
            {
              p++;
              g_assert_nonnull (strchr ("\"\\/bfnrtu", *p));
            }
          else if (*p == '"')
            in_string = FALSE;
          continue;
        }
      if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        g_string_append_c (stack, *p);
      else if (*p == '}' || *p == ']')
        {
          g_assert_cmpuint (stack->len, >, 0);
          g_assert_cmpint (stack->str[stack->len - 1], ==, *p == '}' ? '{' : '[');
          g_string_truncate (stack, stack->len - 1);
        }
    }

  g_assert_false (in_string);
  g_assert_cmpuint (stack->len, ==, 0);
  g_string_free (stack, TRUE);
}

static gint64
add_person (KassaStore *store)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  customer->name = g_strdup ("Matti \"Masa\" Meikäläinen");
  customer->kind = KASSA_CUSTOMER_CONSUMER;
  customer->email = g_strdup ("masa@example.fi");
  customer->phone = g_strdup ("+358 40 123 4567");
  customer->address = g_strdup ("Kotikatu 1\n00100 Helsinki");
  customer->contact_person = g_strdup ("Masa");
  customer->notes = g_strdup ("C:\\asiakkaat\tbell\x01");
  g_assert_true (kassa_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
  return customer->id;
}

static void
add_history (Fixture *f,
             gint64   person,
             gint64  *invoice_out)
{
  g_autoptr(KassaNpsResponse) response = kassa_nps_response_new ();
  g_autoptr(KassaCollectionEvent) note = kassa_collection_event_new ();
  g_autoptr(KassaPayment) payment = kassa_payment_new ();
  g_autoptr(GError) error = NULL;
  gint64 campaign = add_campaign (f->store, "Kevät \"ale\"", ymd (2026, 3, 1), ymd (2026, 3, 31));
  gint64 invoice = add_sent (f->store, person, ymd (2026, 3, 5), 300);

  set_consent (f->store, person, KASSA_CONSENT_GIVEN);
  g_assert_true (kassa_store_add_campaign_customers (f->store, campaign, &person, 1,
                                                     ymd (2026, 3, 2), &error));
  response->customer_id = person;
  response->date = ymd (2026, 4, 1);
  response->score = 9;
  g_free (response->comment);
  response->comment = g_strdup ("Hyvä \"palvelu\"\nkiitos");
  g_assert_true (kassa_store_add_nps_response (f->store, response, TODAY, &error));
  note->customer_id = person;
  note->kind = KASSA_COLLECTION_PHONE_CALL;
  note->date = ymd (2026, 4, 2);
  g_free (note->author);
  note->author = g_strdup ("Liisa");
  g_free (note->note);
  note->note = g_strdup ("Soitti Masalle");
  g_assert_true (kassa_store_add_collection_event (f->store, note, &error));
  payment->invoice_id = invoice;
  payment->date = ymd (2026, 3, 20);
  payment->amount = 10005;
  g_assert_true (kassa_store_add_payment (f->store, payment, FALSE, &error));
  g_assert_no_error (error);
  *invoice_out = invoice;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  gint64 person = add_person (f->store);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  gint64 invoice, credited;

  add_history (f, person, &invoice);
  credited = add_sent (f->store, person, ymd (2026, 6, 1), 301);
  g_assert_cmpint (kassa_store_credit_invoice (f->store, credited, ymd (2026, 6, 5), &error), >, 0);
  g_assert_no_error (error);
  json = kassa_store_export_personal_data (f->store, person, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json);
  g_test_message ("%s", json);
  assert_json_well_formed (json);

  g_assert_true (g_str_has_prefix (json, "{\n  \"format\": \"kassa-personal-data-1\",\n"));
  g_assert_true (g_str_has_suffix (json, "}\n"));
  /* Escaping: quote, backslash, newline, tab, control character; UTF-8 kept. */
  g_assert_nonnull (strstr (json, "\"name\": \"Matti \\\"Masa\\\" Meikäläinen\""));
  g_assert_nonnull (strstr (json, "\"address\": \"Kotikatu 1\\n00100 Helsinki\""));
  g_assert_nonnull (strstr (json, "\"notes\": \"C:\\\\asiakkaat\\tbell\\u0001\""));
  g_assert_nonnull (strstr (json, "\"email\": \"masa@example.fi\""));
  g_assert_nonnull (strstr (json, "\"kind\": \"consumer\""));
  /* Sections. */
  g_assert_nonnull (strstr (json, "\"marketing_consent\": \"given\""));
  g_assert_nonnull (strstr (json, "\"consent_date\": \"2026-01-15\""));
  g_assert_nonnull (strstr (json, "\"anonymised_on\": null"));
  g_assert_nonnull (strstr (json, "\"comment\": \"Hyvä \\\"palvelu\\\"\\nkiitos\""));
  g_assert_nonnull (strstr (json, "\"kind\": \"phone-call\""));
  g_assert_nonnull (strstr (json, "\"note\": \"Soitti Masalle\""));
  g_assert_nonnull (strstr (json, "\"name\": \"Kevät \\\"ale\\\"\""));
  g_assert_nonnull (strstr (json, "\"reached_on\": \"2026-03-02\""));
  /* The invoice: 2 × 100.00 + 25.5 % VAT = 251.00; paid 100.05. */
  g_assert_nonnull (strstr (json, "\"number\": 300,"));
  g_assert_nonnull (strstr (json, "\"issue_date\": \"2026-03-05\""));
  g_assert_nonnull (strstr (json, "\"due_date\": \"2026-03-19\""));
  g_assert_nonnull (strstr (json, "\"total\": \"251.00\""));
  g_assert_nonnull (strstr (json, "\"currency\": \"EUR\""));
  g_assert_nonnull (strstr (json, "\"paid\": \"100.05\""));
  g_assert_nonnull (strstr (json, "\"amount\": \"100.05\""));
  g_assert_nonnull (strstr (json, "\"invoice_number\": 300"));
  g_assert_nonnull (strstr (json, "\"invoice_number\": null"));
  g_assert_nonnull (strstr (json, "\"abc_class_override\": null"));
  /* The credited invoice and its credit note (a negative amount). */
  g_assert_nonnull (strstr (json, "\"state\": \"credited\""));
  g_assert_nonnull (strstr (json, "\"total\": \"-251.00\""));
  /* Nobody else's data. */
  g_assert_null (strstr (json, "Asiakas A Oy"));

  g_assert_null (kassa_store_export_personal_data (f->store, 999, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
}

static void
test_anonymise (Fixture       *f,
                gconstpointer  data)
{
  const char *books =
    "SELECT i.*, l.* FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id ORDER BY l.id";
  gint64 person = add_person (f->store);
  g_autoptr(KassaCustomerRecord) after = NULL;
  g_autoptr(KassaCustomerRelationship) relationship = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *books_before = NULL;
  g_autofree char *books_after = NULL;
  g_autofree char *payments_before = NULL;
  g_autofree char *payments_after = NULL;
  g_autofree char *expected_name = NULL;
  gint64 invoice;

  add_history (f, person, &invoice);
  books_before = dump_rows (f->store, books);
  payments_before = dump_rows (f->store, "SELECT * FROM payments ORDER BY id");
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM customers_fts"
                                        " WHERE customers_fts MATCH 'meikalainen'", 0), ==, 1);

  reset_changes (f);
  g_assert_true (kassa_store_anonymise_customer (f->store, person, TODAY, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_emissions, ==, 1);
  g_assert_true (f->flags & KASSA_STORE_CHANGE_CUSTOMERS);

  after = kassa_store_get_customer (f->store, person, &error);
  g_assert_no_error (error);
  expected_name = g_strdup_printf ("Anonymised customer %s", after->number);
  g_assert_cmpstr (after->name, ==, expected_name);
  g_assert_cmpstr (after->email, ==, "");
  g_assert_cmpstr (after->phone, ==, "");
  g_assert_cmpstr (after->address, ==, "");
  g_assert_cmpstr (after->contact_person, ==, "");
  g_assert_cmpstr (after->notes, ==, "");
  g_assert_cmpstr (after->business_id, ==, "");
  g_assert_true (after->archived);

  relationship = kassa_store_get_customer_relationship (f->store, person, &error);
  g_assert_cmpint (relationship->consent, ==, KASSA_CONSENT_REFUSED);
  g_assert_cmpint (relationship->anonymised_on, ==, TODAY);

  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM nps_responses"
                                        " WHERE customer_id = ?1 AND comment = ''", person), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM collection_events"
                                        " WHERE customer_id = ?1 AND note = '' AND author = ''",
                              person), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM campaign_customers", 0), ==, 0);
  /* Search no longer finds the old name or email. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM customers_fts"
                                        " WHERE customers_fts MATCH 'meikalainen'", 0), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM customers_fts"
                                        " WHERE customers_fts MATCH 'masa'", 0), ==, 0);

  /* The books are untouched. */
  books_after = dump_rows (f->store, books);
  payments_after = dump_rows (f->store, "SELECT * FROM payments ORDER BY id");
  g_assert_cmpstr (books_before, ==, books_after);
  g_assert_cmpstr (payments_before, ==, payments_after);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, invoice), ==, 0);

  /* Once only, and no more edits. */
  reset_changes (f);
  g_assert_false (kassa_store_anonymise_customer (f->store, person, TODAY, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (after->name);
  after->name = g_strdup ("Matti Meikäläinen");
  g_assert_false (kassa_store_save_customer (f->store, after, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "This customer was anonymised and can no longer be edited.");
  g_clear_error (&error);
  {
    g_autoptr(KassaNpsResponse) response = kassa_nps_response_new ();

    response->customer_id = person;
    response->date = TODAY;
    response->score = 5;
    g_assert_false (kassa_store_add_nps_response (f->store, response, TODAY, &error));
    g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_false (kassa_store_add_campaign_customers (f->store, 1, &person, 1, TODAY, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Relationship: only a refusal may still be recorded. */
  relationship->consent = KASSA_CONSENT_GIVEN;
  relationship->consent_date = TODAY;
  g_assert_false (kassa_store_save_customer_relationship (f->store, relationship, TODAY, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (f->n_emissions, ==, 0);
  relationship->consent = KASSA_CONSENT_REFUSED;
  relationship->key_account = TRUE;
  g_assert_true (kassa_store_save_customer_relationship (f->store, relationship, TODAY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT key_account FROM customer_relationship"
                                        " WHERE customer_id = ?1", person), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT anonymised_on FROM customer_relationship"
                                        " WHERE customer_id = ?1", person), ==, TODAY);
}

/* Migration: a schema-5 file gets invoices.total_cost from its lines.
 * Invoice 1: 1.500 × 3.33 = 4.995 → 5.00 (half away from zero) plus
 *            0.001 × 5.00 = 0.005 → 0.01: 501.
 * Credit note: −1.500 × 3.33 = −4.995 → −5.00: −500.
 * Invoice 3 has no lines: 0. */
static void
make_v5_file (const char *path)
{
  const KassaMigration *steps = kassa_store_schema_migrations ();
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d;"
                                              " PRAGMA user_version = 5;",
                                              KASSA_SQLITE_APPLICATION_ID);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; steps[i].sql != NULL && steps[i].version <= 5; i++)
    g_assert_cmpint (sqlite3_exec (db, steps[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO company (id, name) VALUES (1, 'Vanha Oy');"
                                 "INSERT INTO customers (id, number, name)"
                                 " VALUES (1, '1001', 'A Oy');"
                                 "INSERT INTO invoices (id, number, customer_id, issue_date,"
                                 " due_date, currency, state, total) VALUES"
                                 " (1, 1000, 1, 739000, 739014, 'EUR', 1, 626),"
                                 " (2, 1001, 1, 739001, 739001, 'EUR', 1, -625),"
                                 " (3, 1002, 1, 739002, 739016, 'EUR', 1, 0);"
                                 "UPDATE invoices SET credited_invoice_id = 1 WHERE id = 2;"
                                 "INSERT INTO invoice_lines (invoice_id, position, quantity,"
                                 " unit_price, unit_cost, vat_rate) VALUES"
                                 " (1, 0, 1500, 400, 333, 0), (1, 1, 1, 900, 500, 0),"
                                 " (2, 0, -1500, 400, 333, 0);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragmas, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_migration_total_cost (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "v5.kassa", NULL);
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const struct { gint64 id; gint64 cost; } expected[] = { { 1, 501 }, { 2, -500 }, { 3, 0 } };

  make_v5_file (path);
  store = kassa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "PRAGMA user_version", 0), ==, KASSA_STORE_SCHEMA_VERSION);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (query_int (store, "SELECT total_cost FROM invoices WHERE id = ?1",
                                expected[i].id), ==, expected[i].cost);

  /* The new tables are there and empty. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM customer_relationship", 0), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM campaigns", 0), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM nps_responses", 0), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM invoices"
                                     " WHERE campaign_id IS NOT NULL", 0), ==, 0);
}

/* The demo company's relationship data: the shape the brief asks for, and
 * the same rows every time. */
static KassaStore *
generate_demo (const char *dir,
               const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  KassaStore *store = kassa_store_open (path, &error);
  KassaDemoSpec spec;

  g_assert_no_error (error);
  kassa_demo_spec_init_demo (&spec, TODAY);
  g_assert_true (kassa_demo_generate (store, &spec, &error));
  g_assert_no_error (error);
  return store;
}

static char *
dump_relationship_tables (KassaStore *store)
{
  static const char *queries[] = {
    "SELECT * FROM customer_relationship ORDER BY customer_id",
    "SELECT * FROM campaigns ORDER BY id",
    "SELECT * FROM campaign_customers ORDER BY campaign_id, customer_id",
    "SELECT * FROM nps_responses ORDER BY id",
    "SELECT id, campaign_id, total_cost FROM invoices ORDER BY id",
  };
  GString *out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *rows = dump_rows (store, queries[q]);

      g_string_append (out, rows);
    }

  return g_string_free (out, FALSE);
}

/* Customers whose margin is under 1/?1 of their net sales (0: negative). */
#define LOW_MARGIN_CUSTOMERS_SQL \
  "SELECT count(*) FROM (SELECT customer_id FROM invoices" \
  " WHERE state = 1 AND credited_invoice_id IS NULL GROUP BY customer_id" \
  " HAVING CASE WHEN ?1 = 0 THEN sum (total_net - total_cost) < 0" \
  "        ELSE ?1 * sum (total_net - total_cost) < sum (total_net) END)"

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(KassaStore) demo = generate_demo (f->dir, "demo.kassa");
  g_autoptr(KassaStore) again = generate_demo (f->dir, "again.kassa");
  g_autofree char *first = dump_relationship_tables (demo);
  g_autofree char *second = dump_relationship_tables (again);
  gint64 n_customers = query_int (demo, "SELECT count(*) FROM customers", 0);
  gint64 given = query_int (demo, "SELECT count(*) FROM customer_relationship"
                                  " WHERE consent = 1", 0);
  gint64 refused = query_int (demo, "SELECT count(*) FROM customer_relationship"
                                    " WHERE consent = 2", 0);
  gint64 n_nps = query_int (demo, "SELECT count(*) FROM nps_responses", 0);
  gint64 nps_customers = query_int (demo, "SELECT count(DISTINCT customer_id)"
                                          " FROM nps_responses", 0);
  gint64 nps = query_int (demo, "SELECT (100 * (sum (score >= 9) - sum (score <= 6))) / count(*)"
                                " FROM nps_responses", 0);

  g_assert_cmpstr (first, ==, second);

  /* ~60 % given, ~10 % refused. */
  g_assert_cmpint (given * 100 / n_customers, >=, 50);
  g_assert_cmpint (given * 100 / n_customers, <=, 70);
  g_assert_cmpint (refused * 100 / n_customers, >=, 5);
  g_assert_cmpint (refused * 100 / n_customers, <=, 15);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM customer_relationship"
                                    " WHERE key_account = 1 AND account_owner <> ''", 0), ==, 7);

  /* Four campaigns on four channels within 18 months, reaching 20 … 120
   * customers who all gave consent; exactly one lost money. */
  g_assert_cmpint (query_int (demo, "SELECT count(DISTINCT channel) FROM campaigns", 0), ==, 4);
  g_assert_cmpint (query_int (demo, "SELECT min (start_date) FROM campaigns", 0), >=, TODAY - 548);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM campaigns"
                                    " WHERE cost NOT BETWEEN 30000 AND 600000", 0), ==, 0);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM (SELECT count(*) AS n"
                                    " FROM campaign_customers GROUP BY campaign_id)"
                                    " WHERE n NOT BETWEEN 20 AND 120", 0), ==, 0);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM campaign_customers cc"
                                    " LEFT JOIN customer_relationship r USING (customer_id)"
                                    " WHERE COALESCE (r.consent, 0) <> 1", 0), ==, 0);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM campaigns c WHERE cost >"
                                    " (SELECT COALESCE (sum (total_net - total_cost), 0)"
                                    "  FROM invoices WHERE campaign_id = c.id)", 0), ==, 1);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM campaigns c WHERE NOT EXISTS"
                                    " (SELECT 1 FROM invoices WHERE campaign_id = c.id)", 0),
                   ==, 0);

  /* ~250 answers from ~40 % of the customers, NPS +20 … +40. */
  g_assert_cmpint (n_nps, >=, 200);
  g_assert_cmpint (n_nps, <=, 300);
  g_assert_cmpint (nps_customers * 100 / n_customers, >=, 30);
  g_assert_cmpint (nps_customers * 100 / n_customers, <=, 50);
  g_assert_cmpint (nps, >=, 20);
  g_assert_cmpint (nps, <=, 40);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM nps_responses WHERE date > ?1", TODAY),
                   ==, 0);

  /* 3 … 5 customers with under 10 % margin (some negative). */
  g_assert_cmpint (query_int (demo, LOW_MARGIN_CUSTOMERS_SQL, 10), >=, 3);
  g_assert_cmpint (query_int (demo, LOW_MARGIN_CUSTOMERS_SQL, 10), <=, 5);
  g_assert_cmpint (query_int (demo, LOW_MARGIN_CUSTOMERS_SQL, 0), >=, 1);
}

/* An invoice attributed by hand (a new customer met at the fair) makes
 * its customer reached and converted; refused or anonymised customers get
 * only the attribution.  Each invoice: 2 × 100.00 net, cost 100.00, so
 * margin 100.00; the campaign cost 1,500.00. */
static void
test_manual_attribution (Fixture       *f,
                         gconstpointer  data)
{
  gint64 fair = add_campaign (f->store, "Messut", ymd (2026, 5, 10), ymd (2026, 5, 12));
  gint64 person = add_person (f->store);
  gint64 a_early, b_late, c_fair, person_fair;
  const char *reached_on_sql = "SELECT reached_on FROM campaign_customers WHERE customer_id = ?1";
  KassaCampaignResult result;
  g_autoptr(GArray) reached = NULL;
  g_autoptr(GError) error = NULL;

  set_consent (f->store, f->customer_c, KASSA_CONSENT_REFUSED);
  a_early = add_sent (f->store, f->customer_a, ymd (2026, 5, 1), 300);
  b_late = add_sent (f->store, f->customer_b, ymd (2026, 6, 1), 301);
  c_fair = add_sent (f->store, f->customer_c, ymd (2026, 5, 11), 302);
  person_fair = add_sent (f->store, person, ymd (2026, 5, 11), 303);
  g_assert_true (kassa_store_anonymise_customer (f->store, person, TODAY, &error));
  g_assert_no_error (error);
  g_assert_true (kassa_store_add_campaign_customers (f->store, fair, &f->customer_b, 1,
                                                     ymd (2026, 5, 11), &error));
  g_assert_no_error (error);

  /* A bought before the fair opened: reached on the sale's day. */
  reset_changes (f);
  g_assert_true (kassa_store_set_invoice_campaign (f->store, a_early, fair, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_emissions, ==, 1);
  g_assert_cmpuint (f->flags, ==, KASSA_STORE_CHANGE_CUSTOMERS | KASSA_STORE_CHANGE_INVOICES);
  g_assert_cmpint (query_int (f->store, reached_on_sql, f->customer_a), ==, ymd (2026, 5, 1));

  /* B was reached already: the first date stays. */
  g_assert_true (kassa_store_set_invoice_campaign (f->store, b_late, fair, &error));
  g_assert_cmpint (query_int (f->store, reached_on_sql, f->customer_b), ==, ymd (2026, 5, 11));

  /* C refused marketing, the person was anonymised: attributed, not reached. */
  g_assert_true (kassa_store_set_invoice_campaign (f->store, c_fair, fair, &error));
  g_assert_true (kassa_store_set_invoice_campaign (f->store, person_fair, fair, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, c_fair), ==, fair);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, person_fair), ==, fair);
  reached = kassa_store_list_campaign_customers (f->store, fair, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reached->len, ==, 2);
  g_assert_cmpint (g_array_index (reached, gint64, 0), ==, f->customer_a);
  g_assert_cmpint (g_array_index (reached, gint64, 1), ==, f->customer_b);

  /* Reached A, B; converted A, B; 4 invoices: revenue 800.00, margin
   * 400.00, ROI (400 − 1,500) ÷ 1,500 = −73.33 %. */
  g_assert_true (kassa_campaign_result_compute (f->store, fair, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.reached, ==, 2);
  g_assert_cmpuint (result.converted, ==, 2);
  g_assert_cmpint (result.conversion_bp, ==, 10000);
  g_assert_cmpuint (result.invoices, ==, 4);
  g_assert_cmpint (result.revenue, ==, 80000);
  g_assert_cmpint (result.margin, ==, 40000);
  g_assert_true (result.has_roi);
  g_assert_cmpint (result.roi_bp, ==, -7333);

  /* Clearing keeps A reached, but A no longer converted: 1 of 2 = 50 %. */
  reset_changes (f);
  g_assert_true (kassa_store_set_invoice_campaign (f->store, a_early, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_emissions, ==, 1);
  g_assert_cmpint (kassa_store_get_invoice_campaign (f->store, a_early), ==, 0);
  g_assert_cmpint (query_int (f->store, reached_on_sql, f->customer_a), ==, ymd (2026, 5, 1));
  g_assert_true (kassa_campaign_result_compute (f->store, fair, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.reached, ==, 2);
  g_assert_cmpuint (result.converted, ==, 1);
  g_assert_cmpint (result.conversion_bp, ==, 5000);
  g_assert_cmpuint (result.invoices, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/relationship/defaults", test_relationship_defaults);
  ADD ("/relationship/round-trip", test_relationship_round_trip);
  ADD ("/relationship/validation", test_relationship_validation);
  ADD ("/relationship/campaigns", test_campaigns_crud);
  ADD ("/relationship/campaign-customers", test_campaign_customers);
  ADD ("/relationship/attribution", test_attribution);
  ADD ("/relationship/manual-attribution", test_manual_attribution);
  ADD ("/relationship/nps", test_nps);
  ADD ("/relationship/export", test_export);
  ADD ("/relationship/anonymise", test_anonymise);
  ADD ("/relationship/migration-total-cost", test_migration_total_cost);
  ADD ("/relationship/demo", test_demo);

#undef ADD

  return g_test_run ();
}
