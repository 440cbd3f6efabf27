/* test-dunning.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Collection settings (defaults, storage, validation), the collection
 * worklist and the creation of reminders, on a hand-built company file.
 * Expected figures are worked out by hand in the comments.
 */
#define G_LOG_DOMAIN "kassa-test-dunning"

#include "config.h"

#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include "kassa-date.h"
#include "kassa-dunning.h"
#include "kassa-interest.h"
#include "kassa-store.h"
#include "kassa-test-fixture.h"

#define KEY_BUSINESS_LADDER "collections.business-ladder"
#define KEY_CONSUMER_LADDER "collections.consumer-ladder"

#define FI_BUSINESS_DEFAULT "10:7:500:14;11:14:500:14;12:14:1000:10;14:14:0:0"
#define FI_CONSUMER_DEFAULT "10:14:500:14;11:14:500:14;12:14:500:14;14:14:0:0"
#define ZERO_BUSINESS_DEFAULT "10:7:0:14;11:14:0:14;12:14:0:10;14:14:0:0"
#define ZERO_CONSUMER_DEFAULT "10:14:0:14;11:14:0:14;12:14:0:14;14:14:0:0"

typedef struct
{
  char       *dir;
  KassaStore *store;
} Fixture;

/* Helpers */

static KassaDay
ymd (int year,
     int month,
     int day)
{
  return kassa_day_from_ymd (year, month, day);
}

/* KASSA_TODAY of the UI tests: Tuesday 2026-11-24. */
static KassaDay
today (void)
{
  return ymd (2026, 11, 24);
}

static void
save_company (KassaStore *store,
              const char *country)
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (store);
  g_autoptr(GError) error = NULL;

  /* changing the country keeps the rest, such as the invoice numbering */
  if (company == NULL)
    {
      company = kassa_company_new ();
      company->name = g_strdup ("Perintä Oy");
    }
  g_strlcpy (company->country, country, sizeof company->country);
  g_strlcpy (company->currency, g_str_equal (country, "SE") ? "SEK" : "EUR",
             sizeof company->currency);
  company->late_interest_bp = 1150;
  kassa_store_save_company (store, company, &error);
  g_assert_no_error (error);
}

static void
fixture_open (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kassa-test-dunning-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "company.kassa", NULL);
  f->store = kassa_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_open (f);
  save_company (f->store, "FI");
}

static void
fixture_set_up_empty (Fixture       *f,
                      gconstpointer  data)
{
  fixture_open (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kassa_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
ladder_text (GArray *steps)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < steps->len; i++)
    {
      const KassaDunningStep *step = &g_array_index (steps, KassaDunningStep, i);

      g_string_append_printf (text, "%s%d:%d:%" G_GINT64_FORMAT ":%d", i > 0 ? ";" : "",
                              step->kind, step->days, step->fee, step->pay_within_days);
    }

  return g_string_free (text, FALSE);
}

static void
assert_ladder (GArray     *steps,
               const char *expected)
{
  g_autofree char *text = ladder_text (steps);

  g_assert_cmpstr (text, ==, expected);
}

static void
set_setting (KassaStore *store,
             const char *key,
             const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kassa_store_set_setting (store, key, value, &error));
  g_assert_no_error (error);
}

static KassaDunningStep *
step_at (GArray *steps,
         guint   index)
{
  g_assert_cmpuint (index, <, steps->len);
  return &g_array_index (steps, KassaDunningStep, index);
}

static gint64
count_events (KassaStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (kassa_store_get_db (store),
                                       "SELECT count(*) FROM collection_events", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

/* Settings: defaults */

typedef struct
{
  const char *country;
  const char *fee_agreed;      /* stored setting, NULL = not set */
  const char *business;
  const char *consumer;
} DefaultsCase;

static void
test_settings_defaults (Fixture       *f,
                        gconstpointer  data)
{
  static const DefaultsCase cases[] = {
    { "FI", NULL, FI_BUSINESS_DEFAULT, FI_CONSUMER_DEFAULT },
    /* Sweden: no påminnelseavgift unless agreed, then 60 kr on the paid rungs */
    { "SE", NULL, ZERO_BUSINESS_DEFAULT, ZERO_CONSUMER_DEFAULT },
    { "SE", "true",
      "10:7:6000:14;11:14:6000:14;12:14:6000:10;14:14:0:0",
      "10:14:6000:14;11:14:6000:14;12:14:6000:14;14:14:0:0" },
    /* other countries: the Finnish shapes without fees */
    { "DE", NULL, ZERO_BUSINESS_DEFAULT, ZERO_CONSUMER_DEFAULT },
    { "DE", "true", ZERO_BUSINESS_DEFAULT, ZERO_CONSUMER_DEFAULT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KassaCollectionSettings) settings = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("defaults for %s, fee agreed %s", cases[i].country,
                      cases[i].fee_agreed ? cases[i].fee_agreed : "unset");
      save_company (f->store, cases[i].country);
      set_setting (f->store, "collections.reminder-fee-agreed", cases[i].fee_agreed);

      settings = kassa_collection_settings_load (f->store);
      assert_ladder (settings->business_steps, cases[i].business);
      assert_ladder (settings->consumer_steps, cases[i].consumer);
      g_assert_cmpint (settings->reminder_fee_agreed, ==, cases[i].fee_agreed != NULL);
      g_assert_cmpint (settings->serious_overdue_days, ==, 30);
      g_assert_cmpint (settings->aging_basis, ==, KASSA_AGING_BY_DUE_DATE);
      g_assert_cmpint (settings->warning.recent_count, ==, 3);
      g_assert_cmpint (settings->warning.min_extra_days, ==, 7);
      g_assert_cmpint (settings->warning.min_history, ==, 3);

      /* every default is lawful in its own country */
      g_assert_true (kassa_collection_settings_validate (settings, cases[i].country, &error));
      g_assert_no_error (error);
    }
}

static void
test_settings_new_default (void)
{
  static const struct { const char *country; const char *business; const char *consumer; } cases[] = {
    { "FI", FI_BUSINESS_DEFAULT, FI_CONSUMER_DEFAULT },
    { "fi", FI_BUSINESS_DEFAULT, FI_CONSUMER_DEFAULT },
    { "SE", ZERO_BUSINESS_DEFAULT, ZERO_CONSUMER_DEFAULT },
    { "US", ZERO_BUSINESS_DEFAULT, ZERO_CONSUMER_DEFAULT },
    { NULL, ZERO_BUSINESS_DEFAULT, ZERO_CONSUMER_DEFAULT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KassaCollectionSettings) settings =
        kassa_collection_settings_new_default (cases[i].country);

      assert_ladder (settings->business_steps, cases[i].business);
      assert_ladder (settings->consumer_steps, cases[i].consumer);
      g_assert_false (settings->reminder_fee_agreed);
    }
}

/* A company file without a company yet still gets settings. */
static void
test_settings_no_company (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_load (f->store);

  assert_ladder (settings->business_steps, ZERO_BUSINESS_DEFAULT);
  assert_ladder (settings->consumer_steps, ZERO_CONSUMER_DEFAULT);
}

/* Settings: storage */

static void
test_settings_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_new_default ("FI");
  g_autoptr(KassaCollectionSettings) loaded = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *key; const char *text; } stored[] = {
    { KEY_BUSINESS_LADDER, "10:10:750:21;12:20:1500:7;15:30:0:0" },
    { KEY_CONSUMER_LADDER, "10:21:400:14;11:14:500:14" },
    { "collections.reminder-fee-agreed", "false" },
    { "collections.serious-overdue-days", "45" },
    { "collections.aging-basis", "issue-date" },
    { "collections.warning-recent", "4" },
    { "collections.warning-extra-days", "10" },
    { "collections.warning-min-history", "5" },
  };

  /* business: reminder 1 after 10 days (7.50 €, 21 days to pay), payment
   * demand 20 days later (15.00 €, 7), legal action 30 days later;
   * consumers: reminder 1 after 21 days (4.00 €), reminder 2 14 days later */
  g_array_set_size (settings->business_steps, 3);
  *step_at (settings->business_steps, 0) = (KassaDunningStep) { KASSA_COLLECTION_REMINDER_1, 10, 750, 21 };
  *step_at (settings->business_steps, 1) = (KassaDunningStep) { KASSA_COLLECTION_PAYMENT_DEMAND, 20, 1500, 7 };
  *step_at (settings->business_steps, 2) = (KassaDunningStep) { KASSA_COLLECTION_LEGAL_ACTION, 30, 0, 0 };
  g_array_set_size (settings->consumer_steps, 2);
  *step_at (settings->consumer_steps, 0) = (KassaDunningStep) { KASSA_COLLECTION_REMINDER_1, 21, 400, 14 };
  step_at (settings->consumer_steps, 1)->fee = 500;
  settings->serious_overdue_days = 45;
  settings->aging_basis = KASSA_AGING_BY_ISSUE_DATE;
  settings->warning = (KassaWarningRule) { 4, 10, 5 };

  g_assert_true (kassa_collection_settings_save (f->store, settings, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (stored); i++)
    {
      g_autofree char *text = kassa_store_get_setting (f->store, stored[i].key);

      g_assert_cmpstr (text, ==, stored[i].text);
    }

  loaded = kassa_collection_settings_load (f->store);
  assert_ladder (loaded->business_steps, stored[0].text);
  assert_ladder (loaded->consumer_steps, stored[1].text);
  g_assert_false (loaded->reminder_fee_agreed);
  g_assert_cmpint (loaded->serious_overdue_days, ==, 45);
  g_assert_cmpint (loaded->aging_basis, ==, KASSA_AGING_BY_ISSUE_DATE);
  g_assert_cmpint (loaded->warning.recent_count, ==, 4);
  g_assert_cmpint (loaded->warning.min_extra_days, ==, 10);
  g_assert_cmpint (loaded->warning.min_history, ==, 5);

  /* an empty ladder is kept: no reminders to consumers at all */
  g_array_set_size (loaded->consumer_steps, 0);
  g_assert_true (kassa_collection_settings_save (f->store, loaded, &error));
  g_assert_no_error (error);
  g_clear_pointer (&loaded, kassa_collection_settings_free);
  loaded = kassa_collection_settings_load (f->store);
  g_assert_cmpuint (loaded->consumer_steps->len, ==, 0);
}

typedef struct
{
  const char *key;
  const char *text;
} BadSetting;

static void
test_settings_bad_text (Fixture       *f,
                        gconstpointer  data)
{
  static const BadSetting cases[] = {
    { KEY_BUSINESS_LADDER, "garbage" },
    { KEY_BUSINESS_LADDER, "10:7:500" },                  /* a field missing */
    { KEY_BUSINESS_LADDER, "10:7:500:14;" },              /* an empty rung */
    { KEY_BUSINESS_LADDER, "10:7:500:14:3" },             /* a field too many */
    { KEY_BUSINESS_LADDER, "10:x:500:14" },
    { KEY_BUSINESS_LADDER, " 10:7:500:14" },
    { KEY_BUSINESS_LADDER, "10:7:99999999999999999999:14" },
    { KEY_BUSINESS_LADDER, "11:7:500:14;10:14:500:14" },  /* out of order */
    { KEY_BUSINESS_LADDER, "10:7:500:14;10:14:500:14" },  /* the same step twice */
    { KEY_BUSINESS_LADDER, "3:7:500:14" },                /* a promise is no rung */
    { KEY_BUSINESS_LADDER, "10:0:500:14" },               /* days < 1 */
    { KEY_BUSINESS_LADDER, "10:7:-1:14" },                /* negative fee */
    { KEY_BUSINESS_LADDER, "10:7:500:91" },               /* pay within > 90 */
    { KEY_CONSUMER_LADDER, "10:13:500:14" },              /* before the legal 14 days */
    { KEY_CONSUMER_LADDER, "10:14:500:14;11:13:500:14" },
    { KEY_CONSUMER_LADDER, "10:14:501:14" },              /* over the 5 € cap */
    { KEY_CONSUMER_LADDER, "\xff\xfe" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KassaCollectionSettings) settings = NULL;

      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("%s = “%s”", cases[i].key, escaped);
      set_setting (f->store, KEY_BUSINESS_LADDER, NULL);
      set_setting (f->store, KEY_CONSUMER_LADDER, NULL);
      if (g_utf8_validate (cases[i].text, -1, NULL))
        set_setting (f->store, cases[i].key, cases[i].text);
      else
        {
          sqlite3_stmt *stmt = NULL;

          /* not even text: written behind the store's back */
          g_assert_cmpint (sqlite3_prepare_v2 (kassa_store_get_db (f->store),
                                               "INSERT INTO settings (key, value) VALUES (?1, ?2)",
                                               -1, &stmt, NULL), ==, SQLITE_OK);
          sqlite3_bind_text (stmt, 1, cases[i].key, -1, SQLITE_STATIC);
          sqlite3_bind_blob (stmt, 2, cases[i].text, (int) strlen (cases[i].text), SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
          sqlite3_finalize (stmt);
        }

      settings = kassa_collection_settings_load (f->store);
      assert_ladder (settings->business_steps, FI_BUSINESS_DEFAULT);
      assert_ladder (settings->consumer_steps, FI_CONSUMER_DEFAULT);
    }
}

static void
test_settings_bad_values (Fixture       *f,
                          gconstpointer  data)
{
  static const BadSetting cases[] = {
    { "collections.serious-overdue-days", "abc" },
    { "collections.serious-overdue-days", "0" },
    { "collections.serious-overdue-days", "366" },
    { "collections.aging-basis", "sideways" },
    { "collections.reminder-fee-agreed", "maybe" },
    { "collections.warning-recent", "0" },
    { "collections.warning-recent", "13" },
    { "collections.warning-extra-days", "-5" },
    { "collections.warning-min-history", "1e3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KassaCollectionSettings) settings = NULL;

      g_test_message ("%s = “%s”", cases[i].key, cases[i].text);
      set_setting (f->store, cases[i].key, cases[i].text);

      settings = kassa_collection_settings_load (f->store);
      g_assert_cmpint (settings->serious_overdue_days, ==, 30);
      g_assert_cmpint (settings->aging_basis, ==, KASSA_AGING_BY_DUE_DATE);
      g_assert_false (settings->reminder_fee_agreed);
      g_assert_cmpint (settings->warning.recent_count, ==, 3);
      g_assert_cmpint (settings->warning.min_extra_days, ==, 7);
      g_assert_cmpint (settings->warning.min_history, ==, 3);
      set_setting (f->store, cases[i].key, NULL);
    }
}

/* Settings: validation */

typedef enum
{
  EDIT_BUSINESS_STEP,          /* set business step `index` to `step` */
  EDIT_CONSUMER_STEP,
  EDIT_FEE_AGREED,             /* value */
  EDIT_SERIOUS_DAYS,
  EDIT_WARNING_RECENT,
  EDIT_WARNING_EXTRA,
  EDIT_WARNING_HISTORY,
  EDIT_AGING_BASIS,
} EditKind;

typedef struct
{
  const char       *country;
  EditKind          edit;
  guint             index;
  KassaDunningStep  step;
  gint              value;
  const char       *error;     /* a piece of the English message, NULL = valid */
} ValidateCase;

#define R1 KASSA_COLLECTION_REMINDER_1
#define R2 KASSA_COLLECTION_REMINDER_2
#define DEMAND KASSA_COLLECTION_PAYMENT_DEMAND

static const ValidateCase validate_cases[] = {
  /* consumers: the first reminder no earlier than 14 days after the due date */
  { "FI", EDIT_CONSUMER_STEP, 0, { R1, 13, 500, 14 }, 0,
    "Consumers, step 1 (Reminder 1): a consumer may get the first reminder no earlier than 14 days" },
  { "FI", EDIT_CONSUMER_STEP, 0, { R1, 14, 500, 14 }, 0, NULL },
  /* … and at least 14 days between reminders */
  { "FI", EDIT_CONSUMER_STEP, 1, { R2, 13, 500, 14 }, 0,
    "Consumers, step 2 (Reminder 2): a consumer must get at least 14 days between reminders" },
  { "FI", EDIT_CONSUMER_STEP, 2, { DEMAND, 13, 500, 14 }, 0, "Consumers, step 3 (Payment demand)" },
  /* businesses may be reminded sooner */
  { "FI", EDIT_BUSINESS_STEP, 0, { R1, 1, 500, 14 }, 0, NULL },
  { "FI", EDIT_BUSINESS_STEP, 0, { R1, 0, 500, 14 }, 0,
    "Business customers, step 1 (Reminder 1): the days must be between 1 and 365" },
  { "FI", EDIT_BUSINESS_STEP, 1, { R2, 366, 500, 14 }, 0, "the days must be between 1 and 365" },
  /* the Finnish consumer fee cap is 5 € */
  { "FI", EDIT_CONSUMER_STEP, 0, { R1, 14, 501, 14 }, 0,
    "Consumers, step 1 (Reminder 1): the fee is more than the law allows: at most" },
  { "FI", EDIT_CONSUMER_STEP, 0, { R1, 14, 0, 14 }, 0, NULL },
  /* no fixed cap for Finnish businesses */
  { "FI", EDIT_BUSINESS_STEP, 0, { R1, 7, 100000, 14 }, 0, NULL },
  { "FI", EDIT_BUSINESS_STEP, 0, { R1, 7, -1, 14 }, 0, "the fee must be zero or a positive amount" },
  /* Sweden: a fee only where agreed, then at most 60 kr */
  { "SE", EDIT_BUSINESS_STEP, 0, { R1, 7, 6000, 14 }, 0,
    "Business customers, step 1 (Reminder 1): a reminder fee may be charged only when it was agreed" },
  { "SE", EDIT_CONSUMER_STEP, 0, { R1, 14, 6000, 14 }, 0, "Consumers, step 1 (Reminder 1): a reminder fee may" },
  { "SE", EDIT_FEE_AGREED, 0, { 0 }, TRUE, NULL },
  /* the order of the ladder */
  { "FI", EDIT_BUSINESS_STEP, 1, { R1, 14, 500, 14 }, 0,
    "Business customers, step 2 (Reminder 1): the steps must climb the ladder in order: this step must come later than Reminder 1" },
  { "FI", EDIT_BUSINESS_STEP, 2, { R2, 14, 500, 14 }, 0, "step 3 (Reminder 2): the steps must climb" },
  { "FI", EDIT_BUSINESS_STEP, 0, { KASSA_COLLECTION_PROMISE_TO_PAY, 7, 0, 14 }, 0,
    "Business customers, step 1 (unknown step): choose a reminder" },
  { "FI", EDIT_BUSINESS_STEP, 2, { KASSA_COLLECTION_LAWYER_LETTER, 14, 500, 14 }, 0, NULL },
  /* time to pay */
  { "FI", EDIT_BUSINESS_STEP, 0, { R1, 7, 500, 90 }, 0, NULL },
  { "FI", EDIT_BUSINESS_STEP, 0, { R1, 7, 500, 91 }, 0, "the time to pay must be between 0 and 90 days" },
  { "FI", EDIT_BUSINESS_STEP, 0, { R1, 7, 500, -1 }, 0, "the time to pay must be between 0 and 90 days" },
  /* the other settings */
  { "FI", EDIT_SERIOUS_DAYS, 0, { 0 }, 0, "seriously overdue after 1 to 365 days" },
  { "FI", EDIT_SERIOUS_DAYS, 0, { 0 }, 365, NULL },
  { "FI", EDIT_SERIOUS_DAYS, 0, { 0 }, 366, "seriously overdue after 1 to 365 days" },
  { "FI", EDIT_WARNING_RECENT, 0, { 0 }, 0, "recent invoices must be between 1 and 12" },
  { "FI", EDIT_WARNING_RECENT, 0, { 0 }, 12, NULL },
  { "FI", EDIT_WARNING_EXTRA, 0, { 0 }, 0, "extra days late must be between 1 and 365" },
  { "FI", EDIT_WARNING_HISTORY, 0, { 0 }, 51, "needed for a baseline must be between 1 and 50" },
  { "FI", EDIT_AGING_BASIS, 0, { 0 }, 7, "aging counts from the due date or the invoice date" },
};

static void
apply_edit (KassaCollectionSettings *settings,
            const ValidateCase      *test)
{
  switch (test->edit)
    {
    case EDIT_BUSINESS_STEP:
      *step_at (settings->business_steps, test->index) = test->step;
      break;
    case EDIT_CONSUMER_STEP:
      *step_at (settings->consumer_steps, test->index) = test->step;
      break;
    case EDIT_FEE_AGREED:
      settings->reminder_fee_agreed = test->value;
      g_array_index (settings->business_steps, KassaDunningStep, 0).fee = 6000;
      g_array_index (settings->consumer_steps, KassaDunningStep, 0).fee = 6000;
      break;
    case EDIT_SERIOUS_DAYS:
      settings->serious_overdue_days = test->value;
      break;
    case EDIT_WARNING_RECENT:
      settings->warning.recent_count = test->value;
      break;
    case EDIT_WARNING_EXTRA:
      settings->warning.min_extra_days = test->value;
      break;
    case EDIT_WARNING_HISTORY:
      settings->warning.min_history = test->value;
      break;
    case EDIT_AGING_BASIS:
      settings->aging_basis = test->value;
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_settings_validate (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (validate_cases); i++)
    {
      const ValidateCase *test = &validate_cases[i];
      g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_new_default (test->country);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      apply_edit (settings, test);
      ok = kassa_collection_settings_validate (settings, test->country, &error);
      g_test_message ("case %u: %s", i, error != NULL ? error->message : "valid");
      if (test->error == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
          g_assert_false (ok);
          g_assert_nonnull (strstr (error->message, test->error));
        }
    }
}

/* SE agreed fee: 60 kr is the most. */
static void
test_settings_validate_se_cap (void)
{
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_new_default ("SE");
  g_autoptr(GError) error = NULL;

  settings->reminder_fee_agreed = TRUE;
  step_at (settings->consumer_steps, 1)->fee = 6001;
  g_assert_false (kassa_collection_settings_validate (settings, "SE", &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Consumers, step 2 (Reminder 2): the fee is more than the law allows"));
}

/* A refused save writes nothing; save checks the company's own country. */
static void
test_settings_save_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_new_default ("FI");
  g_autoptr(GError) error = NULL;
  g_autofree char *business = NULL;

  settings->serious_overdue_days = 20;
  step_at (settings->consumer_steps, 0)->days = 13;
  g_assert_false (kassa_collection_settings_save (f->store, settings, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  business = kassa_store_get_setting (f->store, KEY_BUSINESS_LADDER);
  g_assert_null (business);
  g_assert_cmpint (kassa_store_get_setting_int (f->store, "collections.serious-overdue-days", -1), ==, -1);
  g_clear_error (&error);

  /* the Finnish defaults charge 5 €, which a Swedish company may not */
  save_company (f->store, "SE");
  step_at (settings->consumer_steps, 0)->days = 14;
  g_assert_false (kassa_collection_settings_save (f->store, settings, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  save_company (f->store, "FI");
  g_assert_true (kassa_collection_settings_save (f->store, settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kassa_store_get_setting_int (f->store, "collections.serious-overdue-days", -1), ==, 20);
}

/* The worklist company */

typedef struct
{
  const char        *number;
  const char        *name;
  KassaCustomerKind  kind;
} CustomerSpec;

/* Customers, by index in this table. */
enum { ALPHA, BETA, CARL, GAMMA, DELTA, N_CUSTOMERS };

static const CustomerSpec customer_specs[N_CUSTOMERS] = {
  { "C1", "Alpha Oy", KASSA_CUSTOMER_BUSINESS },
  { "C2", "Beta Oy", KASSA_CUSTOMER_BUSINESS },
  { "C3", "Carl Consumer", KASSA_CUSTOMER_CONSUMER },
  { "C4", "Gamma Oy", KASSA_CUSTOMER_BUSINESS },
  { "C5", "Delta Oy", KASSA_CUSTOMER_BUSINESS },
};

typedef struct
{
  KassaCollectionKind kind;
  int                 month, day;    /* in 2026 */
  int                 due_month, due_day; /* promise: the promised date */
} EventSpec;

typedef struct
{
  gint64     number;
  int        customer;
  gint64     total;                  /* minor units, VAT 0 */
  int        due_month, due_day;     /* in 2026 */
  gint64     paid;                   /* paid on 2026-11-10 */
  gboolean   disputed;
  EventSpec  events[3];
} InvoiceSpec;

#define PROMISE KASSA_COLLECTION_PROMISE_TO_PAY
#define AGENCY KASSA_COLLECTION_COLLECTION_AGENCY

/* Today is 2026-11-24; FI business ladder 7/14/14/14 days, consumers
 * 14/14/14/14. */
static const InvoiceSpec invoice_specs[] = {
  /* 1001 Alpha: 10 days overdue → reminder 1 due since 11-14 + 7 = 11-21 */
  { 1001, ALPHA, 100000, 11, 14, 0, FALSE, { { 0 } } },
  /* 1002 Alpha: 4 days overdue → reminder 1 on 11-27: not yet */
  { 1002, ALPHA, 50000, 11, 20, 0, FALSE, { { 0 } } },
  /* 1003 Alpha: reminder 1 on 10-08 → reminder 2 due 10-08 + 14 = 10-22 */
  { 1003, ALPHA, 30000, 10, 1, 0, FALSE, { { R1, 10, 8, 10, 22 } } },
  /* 1004 Alpha: disputed → skipped, but still owed: 84 days overdue, it
   * makes Alpha a D */
  { 1004, ALPHA, 20000, 9, 1, 0, TRUE, { { 0 } } },
  /* 1012 Alpha: not due until 12-10 (counts in Alpha's open amount) */
  { 1012, ALPHA, 200000, 12, 10, 0, FALSE, { { 0 } } },
  /* 1005 Beta: 2,000.00 due 11-01, 1,500.00 paid 11-10 → 500.00 open,
   * reminder 1 due 11-08 */
  { 1005, BETA, 200000, 11, 1, 150000, FALSE, { { 0 } } },
  /* 1006 Beta: paid in full → not in the open set */
  { 1006, BETA, 80000, 11, 1, 80000, FALSE, { { 0 } } },
  /* 1007 Beta: promised to pay by 11-30 → skipped */
  { 1007, BETA, 40000, 11, 9, 0, FALSE, { { PROMISE, 11, 18, 11, 30 } } },
  /* 1008 Beta: a promise by 11-30 replaced by one by 11-20, broken →
   * reminder 1 due 11-09 + 7 = 11-16 */
  { 1008, BETA, 10000, 11, 9, 0, FALSE,
    { { PROMISE, 11, 12, 11, 30 }, { PROMISE, 11, 13, 11, 20 } } },
  /* 1009 Carl (consumer): 10 days overdue → reminder 1 on 11-28: not yet */
  { 1009, CARL, 10000, 11, 14, 0, FALSE, { { 0 } } },
  /* 1010 Carl: reminder 1 due 11-01 + 14 = 11-15 */
  { 1010, CARL, 15000, 11, 1, 0, FALSE, { { 0 } } },
  /* 1013 Gamma: reminder 1 due 11-21 */
  { 1013, GAMMA, 10000, 11, 14, 0, FALSE, { { 0 } } },
  /* 1014 Gamma: not due */
  { 1014, GAMMA, 100000, 12, 20, 0, FALSE, { { 0 } } },
  /* 1015 Delta: reminder 1, reminder 2, payment demand on 10-06 →
   * collection agency due 10-06 + 14 = 10-20 */
  { 1015, DELTA, 60000, 9, 1, 0, FALSE,
    { { R1, 9, 8, 9, 22 }, { R2, 9, 22, 10, 6 }, { DEMAND, 10, 6, 10, 16 } } },
  /* 1016 Delta: at the collection agency already → nothing after the ladder */
  { 1016, DELTA, 5000, 8, 1, 0, FALSE, { { AGENCY, 9, 19, 0, 0 } } },
};

typedef struct
{
  Fixture  fixture;
  gint64   customers[N_CUSTOMERS];
  gint64   invoices[G_N_ELEMENTS (invoice_specs)];
} Company;

static gint64
add_customer (KassaStore         *store,
              const CustomerSpec *spec)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  g_free (customer->number);
  customer->number = g_strdup (spec->number);
  g_free (customer->name);
  customer->name = g_strdup (spec->name);
  customer->kind = spec->kind;
  g_assert_true (kassa_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
  return customer->id;
}

static void
add_event (KassaStore          *store,
           gint64               customer_id,
           gint64               invoice_id,
           const EventSpec     *spec)
{
  g_autoptr(KassaCollectionEvent) event = kassa_collection_event_new ();
  g_autoptr(GError) error = NULL;

  event->customer_id = customer_id;
  event->invoice_id = invoice_id;
  event->kind = spec->kind;
  event->date = ymd (2026, spec->month, spec->day);
  event->due_by = spec->due_month != 0 ? ymd (2026, spec->due_month, spec->due_day) : 0;
  g_assert_true (kassa_store_add_collection_event (store, event, &error));
  g_assert_no_error (error);
}

static void
add_payment (KassaStore *store,
             gint64      invoice_id,
             KassaDay    date,
             gint64      amount)
{
  g_autoptr(KassaPayment) payment = kassa_payment_new ();
  g_autoptr(GError) error = NULL;

  payment->invoice_id = invoice_id;
  payment->date = date;
  payment->amount = amount;
  g_assert_true (kassa_store_add_payment (store, payment, FALSE, &error));
  g_assert_no_error (error);
}

static gint64
add_invoice (Company           *c,
             const InvoiceSpec *spec)
{
  KassaStore *store = c->fixture.store;
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  KassaInvoiceLine *line = kassa_invoice_line_new ();
  g_autoptr(GError) error = NULL;
  gint64 customer_id = c->customers[spec->customer];

  invoice->customer_id = customer_id;
  invoice->due_date = ymd (2026, spec->due_month, spec->due_day);
  invoice->issue_date = invoice->due_date - 14;
  invoice->state = KASSA_INVOICE_STATE_SENT;
  line->description = g_strdup ("Work");
  line->quantity = 1000;
  line->unit_price = spec->total;
  line->vat_rate = 0;
  g_ptr_array_add (invoice->lines, line);
  g_assert_true (kassa_store_import_invoice (store, invoice, spec->number, NULL, &error));
  g_assert_no_error (error);

  if (spec->paid != 0)
    add_payment (store, invoice->id, ymd (2026, 11, 10), spec->paid);
  if (spec->disputed)
    {
      g_assert_true (kassa_store_set_invoice_disputed (store, invoice->id, TRUE, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (spec->events) && spec->events[i].kind != 0; i++)
    add_event (store, customer_id, invoice->id, &spec->events[i]);

  return invoice->id;
}

static void
company_set_up (Company       *c,
                gconstpointer  data)
{
  fixture_set_up (&c->fixture, data);

  for (guint i = 0; i < N_CUSTOMERS; i++)
    c->customers[i] = add_customer (c->fixture.store, &customer_specs[i]);
  for (guint i = 0; i < G_N_ELEMENTS (invoice_specs); i++)
    c->invoices[i] = add_invoice (c, &invoice_specs[i]);
}

static void
company_tear_down (Company       *c,
                   gconstpointer  data)
{
  fixture_tear_down (&c->fixture, data);
}

static gint64
invoice_id_of (Company *c,
               gint64   number)
{
  for (guint i = 0; i < G_N_ELEMENTS (invoice_specs); i++)
    if (invoice_specs[i].number == number)
      return c->invoices[i];

  g_assert_not_reached ();
}

static GPtrArray *
worklist (Company                       *c,
          KassaDay                       day,
          const KassaCollectionSettings *settings)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = kassa_dunning_worklist (c->fixture.store, day, settings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static KassaWorkItem *
find_item (GPtrArray *items,
           gint64     number)
{
  for (guint i = 0; i < items->len; i++)
    {
      KassaWorkItem *item = g_ptr_array_index (items, i);

      if (item->number == number)
        return item;
    }

  return NULL;
}

/* The worklist */

typedef struct
{
  gint64              number;
  const char         *customer;
  gint64              open;
  gint                days_overdue;
  KassaCollectionKind last_step;
  int                 last_month, last_day;
  KassaCollectionKind next_step;
  int                 next_month, next_day;
  gint64              fee;
  gint64              compensation;
  KassaRiskClass      risk;
  double              priority;
} ExpectedItem;

/* Risk, the customer view's rule (D: over 60 days overdue or over 30 days
 * late on average; C: over 30 days overdue, over 14 late or credit use over
 * 100 %; B: anything overdue, over 3 late or credit use over 80 %; no
 * credit limits here).  When the early warning fires the recent invoices'
 * days late count if later; it needs six paid invoices in the year (3
 * recent + 3 of history, the settings' default rule) and Beta, the only
 * customer with a paid invoice here, has one: no class changes by it (the
 * risk tests of test-payment-behaviour.c cover the warning).  The oldest
 * overdue invoice of each customer, disputed ones included:
 *   Alpha: 1004 (disputed), 84 days > 60 → D (weight 3)
 *   Beta:  1005, 23 days; 1006 paid 9 days late (11-10 against 11-01):
 *          overdue, 9 ≤ 14 → B (1.5)
 *   Carl:  1010, 23 days, no payments → B (1.5)
 *   Gamma: 1013, 10 days, no payments → B (1.5)
 *   Delta: 1016, 115 days > 60 → D (3)
 * Priority = open € × (1 + days ÷ 30) × weight:
 *   1015: 600 × (1 + 84/30) × 3  = 600 × 3.8 × 3      = 6840
 *   1001: 1000 × (1 + 10/30) × 3 = 1000 × 4/3 × 3     = 4000
 *   1003: 300 × (1 + 54/30) × 3  = 300 × 2.8 × 3      = 2520
 *   1005: 500 × (1 + 23/30) × 1.5 = 500 × 53/30 × 1.5 = 1325
 *   1010: 150 × 53/30 × 1.5                           = 397.5
 *   1008: 100 × (1 + 15/30) × 1.5                     = 225
 *   1013: 100 × 4/3 × 1.5                             = 200
 * Fees: FI business 5.00 € for reminders 1 and 2 with the 40 € compensation
 * on an invoice's first step only; the consumer's 5.00 € without; the
 * collection agency rung is free. */
static const ExpectedItem expected_items[] = {
  { 1015, "Delta Oy", 60000, 84, DEMAND, 10, 6, AGENCY, 10, 20, 0, 0, KASSA_RISK_D, 6840.0 },
  { 1001, "Alpha Oy", 100000, 10, 0, 0, 0, R1, 11, 21, 500, 4000, KASSA_RISK_D, 4000.0 },
  { 1003, "Alpha Oy", 30000, 54, R1, 10, 8, R2, 10, 22, 500, 0, KASSA_RISK_D, 2520.0 },
  { 1005, "Beta Oy", 50000, 23, 0, 0, 0, R1, 11, 8, 500, 4000, KASSA_RISK_B, 1325.0 },
  { 1010, "Carl Consumer", 15000, 23, 0, 0, 0, R1, 11, 15, 500, 0, KASSA_RISK_B, 397.5 },
  { 1008, "Beta Oy", 10000, 15, 0, 0, 0, R1, 11, 16, 500, 4000, KASSA_RISK_B, 225.0 },
  { 1013, "Gamma Oy", 10000, 10, 0, 0, 0, R1, 11, 21, 500, 4000, KASSA_RISK_B, 200.0 },
};

static void
assert_item (const KassaWorkItem  *item,
             const ExpectedItem   *expected)
{
  g_test_message ("invoice %" G_GINT64_FORMAT, expected->number);
  g_assert_cmpint (item->number, ==, expected->number);
  g_assert_cmpstr (item->customer_name, ==, expected->customer);
  g_assert_cmpstr (item->currency, ==, "EUR");
  g_assert_cmpint (item->open, ==, expected->open);
  g_assert_cmpint (item->days_overdue, ==, expected->days_overdue);
  g_assert_cmpint (item->due_date, ==, today () - expected->days_overdue);
  g_assert_cmpint (item->last_step, ==, expected->last_step);
  g_assert_cmpint (item->last_step_date, ==,
                   expected->last_month != 0 ? ymd (2026, expected->last_month, expected->last_day) : 0);
  g_assert_cmpint (item->next_step, ==, expected->next_step);
  g_assert_cmpint (item->next_step_date, ==, ymd (2026, expected->next_month, expected->next_day));
  g_assert_cmpint (item->fee, ==, expected->fee);
  g_assert_cmpint (item->compensation, ==, expected->compensation);
  g_assert_cmpint (item->risk, ==, expected->risk);
  g_assert_cmpfloat_with_epsilon (item->priority, expected->priority, 1e-6);
}

static void
test_worklist (Company       *c,
               gconstpointer  data)
{
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_load (c->fixture.store);
  g_autoptr(GPtrArray) items = worklist (c, today (), settings);

  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (expected_items));
  for (guint i = 0; i < items->len; i++)
    {
      KassaWorkItem *item = g_ptr_array_index (items, i);

      assert_item (item, &expected_items[i]);
      g_assert_cmpint (item->invoice_id, ==, invoice_id_of (c, expected_items[i].number));
      g_assert_cmpint (item->customer_kind, ==,
                       expected_items[i].number == 1010 ? KASSA_CUSTOMER_CONSUMER : KASSA_CUSTOMER_BUSINESS);
    }
}

/* The worklist's badge and the customer view's never disagree. */
static void
assert_same_risk_as_customer_view (Company   *c,
                                   GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      KassaWorkItem *item = g_ptr_array_index (items, i);
      g_autoptr(KassaPaymentBehaviour) behaviour = NULL;
      g_autoptr(GError) error = NULL;

      behaviour = kassa_payment_behaviour_compute (c->fixture.store, item->customer_id, today (),
                                                   NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (item->risk, ==, behaviour->risk);
    }
}

static void
set_credit_limit (KassaStore *store,
                  gint64      customer_id,
                  gint64      credit_limit)
{
  g_autoptr(KassaCustomerRecord) customer = NULL;
  g_autoptr(GError) error = NULL;

  customer = kassa_store_get_customer (store, customer_id, &error);
  g_assert_no_error (error);
  customer->credit_limit = credit_limit;
  g_assert_true (kassa_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
}

/* Every fact of the rule reaches the worklist, and the serious-overdue
 * setting (the editor's warning) no longer moves a class. */
static void
test_worklist_risk (Company       *c,
                    gconstpointer  data)
{
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_load (c->fixture.store);
  g_autoptr(GPtrArray) items = worklist (c, today (), settings);
  g_autoptr(GPtrArray) credit = NULL;
  g_autoptr(GPtrArray) serious = NULL;
  KassaWorkItem *item;

  assert_same_risk_as_customer_view (c, items);

  /* Gamma owes 1,100.00 (1013 and 1014): over a 1,000.00 limit (110 %) it
   * is a C: 1013 100 × 4/3 × 2 = 266.67, now before 1008 (225) and still
   * after 1010 (397.5). */
  set_credit_limit (c->fixture.store, c->customers[GAMMA], 100000);
  credit = worklist (c, today (), settings);
  assert_same_risk_as_customer_view (c, credit);
  item = g_ptr_array_index (credit, 5);
  g_assert_cmpint (item->number, ==, 1013);
  g_assert_cmpint (item->risk, ==, KASSA_RISK_C);
  g_assert_cmpfloat_with_epsilon (item->priority, 800.0 / 3.0, 1e-6);
  g_assert_cmpint (((KassaWorkItem *) g_ptr_array_index (credit, 4))->number, ==, 1010);
  g_assert_cmpint (((KassaWorkItem *) g_ptr_array_index (credit, 6))->number, ==, 1008);

  /* Under a 1,400.00 limit the use is 78.6 %, below both thresholds: B
   * again, for the overdue 1013 alone.  Serious overdue after 5 days (the
   * old worklist rule made Beta's 23 days a D with it) changes no class. */
  set_credit_limit (c->fixture.store, c->customers[GAMMA], 140000);
  settings->serious_overdue_days = 5;
  serious = worklist (c, today (), settings);
  assert_same_risk_as_customer_view (c, serious);
  g_assert_cmpint (find_item (serious, 1013)->risk, ==, KASSA_RISK_B);
  g_assert_cmpint (find_item (serious, 1005)->risk, ==, KASSA_RISK_B);
  g_assert_cmpint (find_item (serious, 1001)->risk, ==, KASSA_RISK_D);
}

/* Interest to today, by hand (FI rates: 2026 H1 2.5 %, no 2026 H2 entry
 * yet, so 2.5 % goes on and the table is flagged; actual/365):
 *   1001: 1,000.00 € × (2.5 + 8) % × 10 days (11-15 … 11-24) ÷ 365
 *         = 100000 × 1050 × 10 ÷ 3650000 = 287.67 → 288
 *   1005: 2,000.00 € for 11-02 … 11-10 (9 days; paid on the 10th), then
 *         500.00 € for 11-11 … 11-24 (14 days), at 10.5 %:
 *         (200000 × 9 + 50000 × 14) × 1050 ÷ 3650000 = 719.18 → 719
 *   1010: consumer, (2.5 + 7) %: 15000 × 950 × 23 ÷ 3650000 = 89.79 → 90 */
static void
test_worklist_interest (Company       *c,
                        gconstpointer  data)
{
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_load (c->fixture.store);
  g_autoptr(GPtrArray) items = worklist (c, today (), settings);
  g_autoptr(GArray) rates = kassa_store_list_reference_rates (c->fixture.store, "FI", NULL);
  static const struct { gint64 number; gint64 interest; } by_hand[] = {
    { 1001, 288 }, { 1005, 719 }, { 1010, 90 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (by_hand); i++)
    g_assert_cmpint (find_item (items, by_hand[i].number)->interest, ==, by_hand[i].interest);

  /* every item: the same as kassa_late_interest_compute on the same data */
  for (guint i = 0; i < items->len; i++)
    {
      KassaWorkItem *item = g_ptr_array_index (items, i);
      g_autoptr(GPtrArray) payments = kassa_store_list_payments (c->fixture.store, item->invoice_id, NULL);
      g_autoptr(GArray) interest_payments = g_array_new (FALSE, TRUE, sizeof (KassaInterestPayment));
      g_autoptr(KassaInterestResult) result = NULL;
      gint64 total = 0, paid = 0, interest = -1;
      gboolean rate_missing = FALSE;
      g_autoptr(GError) error = NULL;

      g_assert_true (kassa_store_get_invoice_amounts (c->fixture.store, item->invoice_id, &total, &paid, NULL));
      for (guint j = 0; j < payments->len; j++)
        {
          KassaPayment *payment = g_ptr_array_index (payments, j);
          KassaInterestPayment p = { payment->date, payment->amount };

          g_array_append_val (interest_payments, p);
        }
      result = kassa_late_interest_compute (total, item->due_date,
                                            (KassaInterestPayment *) (gpointer) interest_payments->data,
                                            interest_payments->len, today (),
                                            (KassaReferenceRate *) (gpointer) rates->data, rates->len,
                                            kassa_late_interest_add_on_bp ("FI", item->customer_kind),
                                            0);
      g_assert_cmpint (item->interest, ==, result->total);
      g_assert_cmpint (item->interest, >, 0);

      g_assert_true (kassa_dunning_invoice_interest (c->fixture.store, item->invoice_id, today (),
                                                     &interest, &rate_missing, &error));
      g_assert_no_error (error);
      g_assert_cmpint (interest, ==, item->interest);
      g_assert_true (rate_missing);
    }
}

/* A company without a statutory table uses its own rate (11.5 %). */
static void
test_invoice_interest_fixed_rate (Company       *c,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 interest = -1;
  gboolean rate_missing = TRUE;

  /* 1001: 100000 × 1150 × 10 ÷ 3650000 = 315.07 → 315 */
  save_company (c->fixture.store, "DE");
  g_assert_true (kassa_dunning_invoice_interest (c->fixture.store, invoice_id_of (c, 1001), today (),
                                                 &interest, &rate_missing, &error));
  g_assert_no_error (error);
  g_assert_cmpint (interest, ==, 315);
  g_assert_false (rate_missing);

  /* paid in full: the balance is gone (the interest up to the payment is
   * still owed): 1006 was paid on its 9th day late: 80000 × 1150 × 9 ÷
   * 3650000 = 226.85 → 227 */
  g_assert_true (kassa_dunning_invoice_interest (c->fixture.store, invoice_id_of (c, 1006), today (),
                                                 &interest, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (interest, ==, 227);

  g_assert_false (kassa_dunning_invoice_interest (c->fixture.store, 999999, today (),
                                                  &interest, NULL, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND);
}

/* Fees above the law are capped even when the settings were never
 * validated; other ladders move the dates. */
static void
test_worklist_settings (Company       *c,
                        gconstpointer  data)
{
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_new_default ("FI");
  g_autoptr(GPtrArray) items = NULL;
  KassaWorkItem *item;

  step_at (settings->consumer_steps, 0)->fee = 1000;
  step_at (settings->business_steps, 0)->fee = 2500;
  /* business reminder 1 after 11 days: 1001 (10 days) waits, 1005 does not */
  step_at (settings->business_steps, 0)->days = 11;
  items = worklist (c, today (), settings);

  item = find_item (items, 1010);
  g_assert_nonnull (item);
  g_assert_cmpint (item->fee, ==, 500);
  item = find_item (items, 1005);
  g_assert_nonnull (item);
  g_assert_cmpint (item->fee, ==, 2500);
  g_assert_cmpint (item->next_step_date, ==, ymd (2026, 11, 12));
  g_assert_null (find_item (items, 1001));
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (expected_items) - 2);  /* 1001 and 1013 wait */

  /* an empty consumer ladder: consumers are never reminded */
  g_array_set_size (settings->consumer_steps, 0);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = worklist (c, today (), settings);
  g_assert_null (find_item (items, 1010));
}

/* Nothing is overdue before the first due date; on the due date itself
 * an invoice is not yet late. */
static void
test_worklist_days (Company       *c,
                    gconstpointer  data)
{
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_load (c->fixture.store);
  g_autoptr(GPtrArray) early = worklist (c, ymd (2026, 8, 1), settings);
  g_autoptr(GPtrArray) on_time = NULL;
  g_autoptr(GPtrArray) day_before = NULL;

  g_assert_cmpuint (early->len, ==, 0);

  /* 1001 is due 11-14: reminder 1 on 11-21, not on 11-20 */
  day_before = worklist (c, ymd (2026, 11, 20), settings);
  g_assert_null (find_item (day_before, 1001));
  on_time = worklist (c, ymd (2026, 11, 21), settings);
  g_assert_nonnull (find_item (on_time, 1001));
  g_assert_cmpint (find_item (on_time, 1001)->days_overdue, ==, 7);
}

/* Creating steps */

static void
test_create_steps (Company       *c,
                   gconstpointer  data)
{
  KassaStore *store = c->fixture.store;
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_load (store);
  g_autoptr(GPtrArray) items = worklist (c, today (), settings);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = count_events (store);
  KassaCollectionEvent *event;
  guint created = 0;

  g_assert_cmpint (kassa_dunning_level (store, invoice_id_of (c, 1001)), ==, 0);
  g_assert_cmpint (kassa_dunning_level (store, invoice_id_of (c, 1015)), ==, DEMAND);

  g_assert_true (kassa_dunning_create_steps (store, today (), settings, items, "Tester",
                                             &created, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (created, ==, G_N_ELEMENTS (expected_items));
  g_assert_cmpint (count_events (store), ==, before + G_N_ELEMENTS (expected_items));

  /* 1001: reminder 1 today, 5.00 € + 40.00 € compensation, the interest
   * to today, pay by today + 14 */
  events = kassa_store_list_collection_events (store, 0, invoice_id_of (c, 1001), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->kind, ==, R1);
  g_assert_cmpint (event->date, ==, today ());
  g_assert_cmpint (event->customer_id, ==, c->customers[ALPHA]);
  g_assert_cmpint (event->fee, ==, 4500);
  g_assert_cmpint (event->interest, ==, 288);
  g_assert_cmpint (event->due_by, ==, ymd (2026, 12, 8));
  g_assert_cmpstr (event->author, ==, "Tester");
  g_assert_cmpint (kassa_dunning_level (store, invoice_id_of (c, 1001)), ==, R1);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* 1003: reminder 2 without compensation (claimed with reminder 1) */
  events = kassa_store_list_collection_events (store, 0, invoice_id_of (c, 1003), &error);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->kind, ==, R2);
  g_assert_cmpint (event->fee, ==, 500);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* 1015: to the collection agency: no fee, no pay-by date */
  events = kassa_store_list_collection_events (store, 0, invoice_id_of (c, 1015), &error);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->kind, ==, AGENCY);
  g_assert_cmpint (event->fee, ==, 0);
  g_assert_cmpint (event->due_by, ==, 0);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* the consumer: 5.00 €, no compensation */
  events = kassa_store_list_collection_events (store, 0, invoice_id_of (c, 1010), &error);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->fee, ==, 500);
  g_assert_cmpint (event->interest, ==, 90);

  /* done for today; reminder 2 of 1001 is due 14 days after reminder 1 */
  after = worklist (c, today (), settings);
  g_assert_cmpuint (after->len, ==, 0);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = worklist (c, ymd (2026, 12, 7), settings);
  g_assert_null (find_item (after, 1001));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = worklist (c, ymd (2026, 12, 8), settings);
  g_assert_nonnull (find_item (after, 1001));
  g_assert_cmpint (find_item (after, 1001)->next_step, ==, R2);
  g_assert_cmpint (find_item (after, 1001)->last_step_date, ==, today ());
  g_assert_cmpint (find_item (after, 1001)->compensation, ==, 0);
  /* the agency was the last rung */
  g_assert_null (find_item (after, 1015));
}

/* One item no longer due (paid since the list was made) refuses the whole
 * batch: the items before it are not written either. */
static void
test_create_steps_refused (Company       *c,
                           gconstpointer  data)
{
  KassaStore *store = c->fixture.store;
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_load (store);
  g_autoptr(GPtrArray) items = worklist (c, today (), settings);
  g_autoptr(GError) error = NULL;
  gint64 before = count_events (store);
  guint created = 99;

  /* 1003 is the third item: pay it before creating the steps */
  g_assert_cmpint (((KassaWorkItem *) g_ptr_array_index (items, 2))->number, ==, 1003);
  add_payment (store, invoice_id_of (c, 1003), today (), 30000);

  g_assert_false (kassa_dunning_create_steps (store, today (), settings, items, "Tester",
                                              &created, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1003"));
  g_assert_nonnull (strstr (error->message, "Reminder 2"));
  g_assert_cmpuint (created, ==, 0);
  g_assert_cmpint (count_events (store), ==, before);
  g_assert_cmpint (kassa_dunning_level (store, invoice_id_of (c, 1015)), ==, DEMAND);
  g_clear_error (&error);

  /* the same item twice: the second is no longer due once the first is in */
  g_ptr_array_remove_index (items, 2);
  g_ptr_array_add (items, g_memdup2 (g_ptr_array_index (items, 0), sizeof (KassaWorkItem)));
  ((KassaWorkItem *) g_ptr_array_index (items, items->len - 1))->customer_name = NULL;
  g_assert_false (kassa_dunning_create_steps (store, today (), settings, items, NULL,
                                              &created, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_assert_cmpint (count_events (store), ==, before);
  g_clear_error (&error);

  /* a dispute opened since: refused; without it the rest goes through */
  g_ptr_array_remove_index (items, items->len - 1);
  g_assert_true (kassa_store_set_invoice_disputed (store, invoice_id_of (c, 1013), TRUE, NULL));
  g_assert_false (kassa_dunning_create_steps (store, today (), settings, items, NULL,
                                              &created, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_assert_cmpint (count_events (store), ==, before);
  g_clear_error (&error);

  g_ptr_array_remove_index (items, items->len - 1);
  g_assert_true (kassa_dunning_create_steps (store, today (), settings, items, NULL,
                                             &created, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (created, ==, items->len);
  g_assert_cmpint (count_events (store), ==, before + items->len);
}

static void
test_create_steps_empty (Company       *c,
                         gconstpointer  data)
{
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_load (c->fixture.store);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_work_item_free);
  g_autoptr(GError) error = NULL;
  guint created = 99;

  g_assert_true (kassa_dunning_create_steps (c->fixture.store, today (), settings, items, NULL,
                                             &created, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (created, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dunning/settings/new-default", test_settings_new_default);
  g_test_add ("/dunning/settings/defaults", Fixture, NULL,
              fixture_set_up, test_settings_defaults, fixture_tear_down);
  g_test_add ("/dunning/settings/no-company", Fixture, NULL,
              fixture_set_up_empty, test_settings_no_company, fixture_tear_down);
  g_test_add ("/dunning/settings/round-trip", Fixture, NULL,
              fixture_set_up, test_settings_round_trip, fixture_tear_down);
  g_test_add ("/dunning/settings/bad-text", Fixture, NULL,
              fixture_set_up, test_settings_bad_text, fixture_tear_down);
  g_test_add ("/dunning/settings/bad-values", Fixture, NULL,
              fixture_set_up, test_settings_bad_values, fixture_tear_down);
  g_test_add_func ("/dunning/settings/validate", test_settings_validate);
  g_test_add_func ("/dunning/settings/validate-se-cap", test_settings_validate_se_cap);
  g_test_add ("/dunning/settings/save-refused", Fixture, NULL,
              fixture_set_up, test_settings_save_refused, fixture_tear_down);
  g_test_add ("/dunning/worklist/items", Company, NULL,
              company_set_up, test_worklist, company_tear_down);
  g_test_add ("/dunning/worklist/risk", Company, NULL,
              company_set_up, test_worklist_risk, company_tear_down);
  g_test_add ("/dunning/worklist/interest", Company, NULL,
              company_set_up, test_worklist_interest, company_tear_down);
  g_test_add ("/dunning/worklist/fixed-rate", Company, NULL,
              company_set_up, test_invoice_interest_fixed_rate, company_tear_down);
  g_test_add ("/dunning/worklist/settings", Company, NULL,
              company_set_up, test_worklist_settings, company_tear_down);
  g_test_add ("/dunning/worklist/days", Company, NULL,
              company_set_up, test_worklist_days, company_tear_down);
  g_test_add ("/dunning/create-steps/recorded", Company, NULL,
              company_set_up, test_create_steps, company_tear_down);
  g_test_add ("/dunning/create-steps/refused", Company, NULL,
              company_set_up, test_create_steps_refused, company_tear_down);
  g_test_add ("/dunning/create-steps/empty", Company, NULL,
              company_set_up, test_create_steps_empty, company_tear_down);

  return g_test_run ();
}
