/* kassa-dunning-settings.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collection settings: the reminder ladders for business customers and
 * consumers, the reminder-fee agreement, the serious-overdue threshold, the
 * aging basis and the early-warning rule.
 *
 * They live in the store's settings table, one key each.  A ladder is kept
 * as text, one rung per "kind:days:fee:pay_within" separated by ";", e.g.
 * "10:7:500:14;11:14:500:14;12:14:1000:10;14:14:0:0" (kinds are
 * KassaCollectionKind values, fees minor units).  Whatever cannot be read
 * back, or would break the law of the company's country, is replaced by
 * the default of that key: a damaged setting never stops collections and
 * never makes them unlawful.
 */
#define G_LOG_DOMAIN "kassa-dunning"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-dunning.h"
#include "kassa-interest.h"
#include "kassa-money.h"

#define KEY_BUSINESS_LADDER      "collections.business-ladder"
#define KEY_CONSUMER_LADDER      "collections.consumer-ladder"
#define KEY_REMINDER_FEE_AGREED  "collections.reminder-fee-agreed"
#define KEY_SERIOUS_OVERDUE_DAYS "collections.serious-overdue-days"
#define KEY_AGING_BASIS          "collections.aging-basis"
#define KEY_WARNING_RECENT       "collections.warning-recent"
#define KEY_WARNING_EXTRA_DAYS   "collections.warning-extra-days"
#define KEY_WARNING_MIN_HISTORY  "collections.warning-min-history"

#define AGING_BASIS_DUE_DATE_TEXT   "due-date"
#define AGING_BASIS_ISSUE_DATE_TEXT "issue-date"

#define DEFAULT_SERIOUS_OVERDUE_DAYS 30

/* Ranges the settings dialog offers and validation enforces. */
#define STEP_DAYS_MAX            365
#define PAY_WITHIN_DAYS_MAX      90
#define SERIOUS_OVERDUE_DAYS_MAX 365
#define WARNING_RECENT_MAX       12
#define WARNING_EXTRA_DAYS_MAX   365
#define WARNING_MIN_HISTORY_MAX  50

/* Påminnelseavgift (lag om ersättning för inkassokostnader): 60 kr, only
 * where agreed in the terms. */
#define SE_AGREED_REMINDER_FEE 6000

/* The Finnish ladders are the shapes every country starts from: business
 * customers get reminder 1 a week after the due date; consumers get the
 * legal minimums (first paid reminder 14 days after the due date, 14 days
 * between reminders, at most 5 € per reminder). */
static const KassaDunningStep fi_business_ladder[] = {
  { KASSA_COLLECTION_REMINDER_1,        7,  500, 14 },
  { KASSA_COLLECTION_REMINDER_2,        14, 500, 14 },
  { KASSA_COLLECTION_PAYMENT_DEMAND,    14, 1000, 10 },
  { KASSA_COLLECTION_COLLECTION_AGENCY, 14, 0,   0 },
};

static const KassaDunningStep fi_consumer_ladder[] = {
  { KASSA_COLLECTION_REMINDER_1,        14, 500, 14 },
  { KASSA_COLLECTION_REMINDER_2,        14, 500, 14 },
  { KASSA_COLLECTION_PAYMENT_DEMAND,    14, 500, 14 },
  { KASSA_COLLECTION_COLLECTION_AGENCY, 14, 0,   0 },
};

/* Defaults */

static gboolean
country_is (const char *country,
            const char *code)
{
  return country != NULL && g_ascii_strcasecmp (country, code) == 0;
}

/* The fee a default rung charges in a country: the Finnish fees in
 * Finland, 60 kr on the paid rungs in Sweden when agreed, otherwise none
 * (no fee the law does not clearly allow). */
static gint64
default_fee (const char *country,
             gboolean    fee_agreed,
             gint64      finnish_fee)
{
  if (country_is (country, "FI"))
    return finnish_fee;
  if (country_is (country, "SE") && fee_agreed && finnish_fee > 0)
    return SE_AGREED_REMINDER_FEE;

  return 0;
}

static GArray *
default_ladder (const char        *country,
                KassaCustomerKind  kind,
                gboolean           fee_agreed)
{
  const KassaDunningStep *shape = kind == KASSA_CUSTOMER_CONSUMER ? fi_consumer_ladder
                                                                  : fi_business_ladder;
  guint n_steps = kind == KASSA_CUSTOMER_CONSUMER ? G_N_ELEMENTS (fi_consumer_ladder)
                                                  : G_N_ELEMENTS (fi_business_ladder);
  GArray *steps = g_array_sized_new (FALSE, TRUE, sizeof (KassaDunningStep), n_steps);

  for (guint i = 0; i < n_steps; i++)
    {
      KassaDunningStep step = shape[i];

      step.fee = default_fee (country, fee_agreed, shape[i].fee);
      g_array_append_val (steps, step);
    }

  return steps;
}

static KassaCollectionSettings *
settings_new_default (const char *country,
                      gboolean    fee_agreed)
{
  KassaCollectionSettings *settings = g_new0 (KassaCollectionSettings, 1);

  settings->business_steps = default_ladder (country, KASSA_CUSTOMER_BUSINESS, fee_agreed);
  settings->consumer_steps = default_ladder (country, KASSA_CUSTOMER_CONSUMER, fee_agreed);
  settings->reminder_fee_agreed = fee_agreed;
  settings->serious_overdue_days = DEFAULT_SERIOUS_OVERDUE_DAYS;
  settings->aging_basis = KASSA_AGING_BY_DUE_DATE;
  kassa_warning_rule_init_default (&settings->warning);
  return settings;
}

/**
 * kassa_collection_settings_new_default:
 * @country: (nullable): the company's country, ISO 3166 alpha-2
 *
 * Finland and Sweden get their own ladders (Swedish fees 0 until a
 * reminder fee is agreed); other countries the Finnish shapes without fees.
 *
 * Returns: (transfer full): the default settings.
 */
KassaCollectionSettings *
kassa_collection_settings_new_default (const char *country)
{
  return settings_new_default (country, FALSE);
}

void
kassa_collection_settings_free (KassaCollectionSettings *settings)
{
  if (settings == NULL)
    return;

  g_clear_pointer (&settings->business_steps, g_array_unref);
  g_clear_pointer (&settings->consumer_steps, g_array_unref);
  g_free (settings);
}

/* Validation */

static const char *
ladder_title (KassaCustomerKind kind)
{
  return kind == KASSA_CUSTOMER_CONSUMER ? _("Consumers") : _("Business customers");
}

static gboolean
set_step_error (GError                 **error,
                KassaCustomerKind        kind,
                guint                    index,
                const KassaDunningStep  *step,
                const char              *rule)
{
  const char *step_name = KASSA_COLLECTION_IS_DUNNING_STEP (step->kind)
                          ? kassa_collection_kind_to_string (step->kind)
                          : _("unknown step");

  /* Translators: names the reminder ladder rung that breaks a rule:
   * %1$s is "Business customers" or "Consumers", %2$u the rung's number
   * (1, 2, …), %3$s its name ("Reminder 1" …) and %4$s the rule broken,
   * e.g. "Consumers, step 1 (Reminder 1): a consumer may get the first
   * reminder no earlier than 14 days after the due date." */
  g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID,
               _("%1$s, step %2$u (%3$s): %4$s"),
               ladder_title (kind), index + 1, step_name, rule);
  return FALSE;
}

/* The currency a country's fee caps are written in. */
static const char *
country_currency (const char *country)
{
  return country_is (country, "SE") ? "SEK" : "EUR";
}

static gboolean
validate_fee_cap (const KassaDunningStep  *step,
                  guint                    index,
                  KassaCustomerKind        kind,
                  const char              *country,
                  gboolean                 fee_agreed,
                  GError                 **error)
{
  gint64 cap = kassa_reminder_fee_cap (country, kind, fee_agreed);
  g_autofree char *cap_text = NULL;
  g_autofree char *rule = NULL;

  if (cap < 0 || step->fee <= cap)
    return TRUE;

  if (cap == 0)
    return set_step_error (error, kind, index, step,
                           _("a reminder fee may be charged only when it was agreed in the "
                             "terms of payment: set the fee to 0 or turn on “Reminder fee agreed”."));

  cap_text = kassa_money_format (cap, country_currency (country), kassa_locale_current ());
  /* Translators: %s is the largest fee the law allows, e.g. "5,00 €" */
  rule = g_strdup_printf (_("the fee is more than the law allows: at most %s."), cap_text);
  return set_step_error (error, kind, index, step, rule);
}

/* The legal minimums for consumers: days after the due date for the first
 * rung, days since the previous rung for the others. */
static gboolean
validate_consumer_days (const KassaDunningStep  *step,
                        guint                    index,
                        const char              *country,
                        GError                 **error)
{
  g_autofree char *rule = NULL;
  gint minimum;

  if (index == 0)
    {
      minimum = kassa_consumer_first_reminder_min_days (country);
      if (step->days >= minimum)
        return TRUE;
      /* Translators: a rule of the consumer reminder ladder; %d is a number of days */
      rule = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "a consumer may get the first reminder no earlier than %d day after the due date.",
                                           "a consumer may get the first reminder no earlier than %d days after the due date.",
                                           minimum),
                              minimum);
    }
  else
    {
      minimum = kassa_consumer_reminder_interval_min_days (country);
      if (step->days >= minimum)
        return TRUE;
      /* Translators: a rule of the consumer reminder ladder; %d is a number of days */
      rule = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "a consumer must get at least %d day between reminders.",
                                           "a consumer must get at least %d days between reminders.",
                                           minimum),
                              minimum);
    }

  return set_step_error (error, KASSA_CUSTOMER_CONSUMER, index, step, rule);
}

static gboolean
validate_step_ranges (const KassaDunningStep  *step,
                      const KassaDunningStep  *previous,
                      guint                    index,
                      KassaCustomerKind        kind,
                      GError                 **error)
{
  g_autofree char *rule = NULL;

  if (!KASSA_COLLECTION_IS_DUNNING_STEP (step->kind))
    return set_step_error (error, kind, index, step,
                           _("choose a reminder, payment demand, lawyer’s letter, collection "
                             "agency or legal action."));
  if (previous != NULL && step->kind <= previous->kind)
    {
      /* Translators: a rule of the reminder ladder; %s is the previous step, e.g. "Reminder 2" */
      rule = g_strdup_printf (_("the steps must climb the ladder in order: this step must come "
                                "later than %s."),
                              kassa_collection_kind_to_string (previous->kind));
      return set_step_error (error, kind, index, step, rule);
    }
  if (step->days < 1 || step->days > STEP_DAYS_MAX)
    return set_step_error (error, kind, index, step,
                           _("the days must be between 1 and 365."));
  if (step->fee < 0 || step->fee > KASSA_MONEY_MAX)
    return set_step_error (error, kind, index, step,
                           _("the fee must be zero or a positive amount."));
  if (step->pay_within_days < 0 || step->pay_within_days > PAY_WITHIN_DAYS_MAX)
    return set_step_error (error, kind, index, step,
                           _("the time to pay must be between 0 and 90 days."));

  return TRUE;
}

static gboolean
validate_ladder (GArray             *steps,
                 KassaCustomerKind   kind,
                 const char         *country,
                 gboolean            fee_agreed,
                 GError            **error)
{
  const KassaDunningStep *previous = NULL;

  for (guint i = 0; i < steps->len; i++)
    {
      const KassaDunningStep *step = &g_array_index (steps, KassaDunningStep, i);

      if (!validate_step_ranges (step, previous, i, kind, error))
        return FALSE;
      if (kind == KASSA_CUSTOMER_CONSUMER && !validate_consumer_days (step, i, country, error))
        return FALSE;
      if (!validate_fee_cap (step, i, kind, country, fee_agreed, error))
        return FALSE;
      previous = step;
    }

  return TRUE;
}

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
validate_warning_rule (const KassaWarningRule  *rule,
                       GError                 **error)
{
  if (rule->recent_count < 1 || rule->recent_count > WARNING_RECENT_MAX)
    return set_invalid (error, _("Early warning: the number of recent invoices must be between 1 and 12."));
  if (rule->min_extra_days < 1 || rule->min_extra_days > WARNING_EXTRA_DAYS_MAX)
    return set_invalid (error, _("Early warning: the extra days late must be between 1 and 365."));
  if (rule->min_history < 1 || rule->min_history > WARNING_MIN_HISTORY_MAX)
    return set_invalid (error, _("Early warning: the invoices needed for a baseline must be between 1 and 50."));

  return TRUE;
}

/**
 * kassa_collection_settings_validate:
 * @settings: the settings to check
 * @country: (nullable): the company's country; its law sets the fee caps
 *   and the consumer minimums
 * @error: the rule broken, translated, naming the ladder step
 *
 * Returns: %TRUE when the settings may be saved.
 */
gboolean
kassa_collection_settings_validate (const KassaCollectionSettings  *settings,
                                    const char                     *country,
                                    GError                        **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (settings->business_steps != NULL && settings->consumer_steps != NULL, FALSE);

  if (!validate_ladder (settings->business_steps, KASSA_CUSTOMER_BUSINESS, country,
                        settings->reminder_fee_agreed, error))
    return FALSE;
  if (!validate_ladder (settings->consumer_steps, KASSA_CUSTOMER_CONSUMER, country,
                        settings->reminder_fee_agreed, error))
    return FALSE;
  if (settings->serious_overdue_days < 1 || settings->serious_overdue_days > SERIOUS_OVERDUE_DAYS_MAX)
    return set_invalid (error, _("An invoice can count as seriously overdue after 1 to 365 days."));
  if (settings->aging_basis != KASSA_AGING_BY_DUE_DATE && settings->aging_basis != KASSA_AGING_BY_ISSUE_DATE)
    return set_invalid (error, _("Choose whether aging counts from the due date or the invoice date."));

  return validate_warning_rule (&settings->warning, error);
}

/* Text form */

static char *
ladder_to_string (GArray *steps)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < steps->len; i++)
    {
      const KassaDunningStep *step = &g_array_index (steps, KassaDunningStep, i);

      g_string_append_printf (text, "%s%d:%d:%" G_GINT64_FORMAT ":%d",
                              i > 0 ? ";" : "", step->kind, step->days, step->fee,
                              step->pay_within_days);
    }

  return g_string_free (text, FALSE);
}

static gboolean
parse_int (const char *text,
           gint64      min,
           gint64      max,
           gint64     *value)
{
  return g_ascii_string_to_signed (text, 10, min, max, value, NULL);
}

static gboolean
parse_step (const char       *text,
            KassaDunningStep *step)
{
  g_auto(GStrv) fields = g_strsplit (text, ":", -1);
  gint64 kind, days, fee, pay_within;

  if (g_strv_length (fields) != 4
      || !parse_int (fields[0], 0, G_MAXINT, &kind)
      || !parse_int (fields[1], G_MININT, G_MAXINT, &days)
      || !parse_int (fields[2], -KASSA_MONEY_MAX, KASSA_MONEY_MAX, &fee)
      || !parse_int (fields[3], G_MININT, G_MAXINT, &pay_within))
    return FALSE;

  step->kind = (KassaCollectionKind) kind;
  step->days = (gint) days;
  step->fee = fee;
  step->pay_within_days = (gint) pay_within;
  return TRUE;
}

/* NULL when the text is not a ladder; "" is the empty ladder (no reminders). */
static GArray *
ladder_parse (const char *text)
{
  g_auto(GStrv) rungs = g_strsplit (text, ";", -1);
  g_autoptr(GArray) steps = g_array_new (FALSE, TRUE, sizeof (KassaDunningStep));

  for (guint i = 0; rungs[i] != NULL; i++)
    {
      KassaDunningStep step = { 0 };

      if (!parse_step (rungs[i], &step))
        return NULL;
      g_array_append_val (steps, step);
    }

  return g_steal_pointer (&steps);
}

/* Loading */

static void
load_ladder (KassaStore         *store,
             const char         *key,
             KassaCustomerKind   kind,
             const char         *country,
             gboolean            fee_agreed,
             GArray            **steps)
{
  g_autofree char *text = kassa_store_get_setting (store, key);
  g_autoptr(GArray) parsed = NULL;
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return;

  parsed = ladder_parse (text);
  if (parsed == NULL)
    {
      g_debug ("Setting %s is not a reminder ladder: using the default", key);
      return;
    }
  if (!validate_ladder (parsed, kind, country, fee_agreed, &error))
    {
      g_debug ("Setting %s breaks a rule (%s): using the default", key, error->message);
      return;
    }

  g_array_unref (*steps);
  *steps = g_steal_pointer (&parsed);
}

static gboolean
load_boolean (KassaStore *store,
              const char *key,
              gboolean    default_value)
{
  g_autofree char *text = kassa_store_get_setting (store, key);

  if (g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "1") == 0)
    return TRUE;
  if (g_strcmp0 (text, "false") == 0 || g_strcmp0 (text, "0") == 0)
    return FALSE;

  return default_value;
}

static gint
load_int (KassaStore *store,
          const char *key,
          gint        min,
          gint        max,
          gint        default_value)
{
  gint64 value = kassa_store_get_setting_int (store, key, default_value);

  return value >= min && value <= max ? (gint) value : default_value;
}

static KassaAgingBasis
load_aging_basis (KassaStore *store)
{
  g_autofree char *text = kassa_store_get_setting (store, KEY_AGING_BASIS);

  if (g_strcmp0 (text, AGING_BASIS_ISSUE_DATE_TEXT) == 0)
    return KASSA_AGING_BY_ISSUE_DATE;

  return KASSA_AGING_BY_DUE_DATE;
}

static char *
company_country (KassaStore *store)
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (store);

  return g_strdup (company != NULL ? company->country : "");
}

/**
 * kassa_collection_settings_load:
 * @store: the company file
 *
 * Reads the collection settings; keys not set, not readable or breaking
 * the law of the company's country get their defaults.
 *
 * Returns: (transfer full): the settings, never %NULL.
 */
KassaCollectionSettings *
kassa_collection_settings_load (KassaStore *store)
{
  g_autofree char *country = NULL;
  KassaCollectionSettings *settings;
  gboolean fee_agreed;
  KassaWarningRule *warning;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  country = company_country (store);
  fee_agreed = load_boolean (store, KEY_REMINDER_FEE_AGREED, FALSE);
  settings = settings_new_default (country, fee_agreed);

  load_ladder (store, KEY_BUSINESS_LADDER, KASSA_CUSTOMER_BUSINESS, country, fee_agreed,
               &settings->business_steps);
  load_ladder (store, KEY_CONSUMER_LADDER, KASSA_CUSTOMER_CONSUMER, country, fee_agreed,
               &settings->consumer_steps);
  settings->serious_overdue_days = load_int (store, KEY_SERIOUS_OVERDUE_DAYS, 1,
                                             SERIOUS_OVERDUE_DAYS_MAX,
                                             settings->serious_overdue_days);
  settings->aging_basis = load_aging_basis (store);

  warning = &settings->warning;
  warning->recent_count = load_int (store, KEY_WARNING_RECENT, 1, WARNING_RECENT_MAX,
                                    warning->recent_count);
  warning->min_extra_days = load_int (store, KEY_WARNING_EXTRA_DAYS, 1, WARNING_EXTRA_DAYS_MAX,
                                      warning->min_extra_days);
  warning->min_history = load_int (store, KEY_WARNING_MIN_HISTORY, 1, WARNING_MIN_HISTORY_MAX,
                                   warning->min_history);
  return settings;
}

/* Saving */

static gboolean
save_int (KassaStore  *store,
          const char  *key,
          gint         value,
          GError     **error)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (text, sizeof text, "%d", value);
  return kassa_store_set_setting (store, key, text, error);
}

static gboolean
save_ladder (KassaStore  *store,
             const char  *key,
             GArray      *steps,
             GError     **error)
{
  g_autofree char *text = ladder_to_string (steps);

  return kassa_store_set_setting (store, key, text, error);
}

static gboolean
write_settings (KassaStore  *store,
                gpointer     user_data,
                GError     **error)
{
  const KassaCollectionSettings *settings = user_data;
  const char *basis = settings->aging_basis == KASSA_AGING_BY_ISSUE_DATE
                      ? AGING_BASIS_ISSUE_DATE_TEXT : AGING_BASIS_DUE_DATE_TEXT;

  return save_ladder (store, KEY_BUSINESS_LADDER, settings->business_steps, error)
         && save_ladder (store, KEY_CONSUMER_LADDER, settings->consumer_steps, error)
         && kassa_store_set_setting (store, KEY_REMINDER_FEE_AGREED,
                                     settings->reminder_fee_agreed ? "true" : "false", error)
         && save_int (store, KEY_SERIOUS_OVERDUE_DAYS, settings->serious_overdue_days, error)
         && kassa_store_set_setting (store, KEY_AGING_BASIS, basis, error)
         && save_int (store, KEY_WARNING_RECENT, settings->warning.recent_count, error)
         && save_int (store, KEY_WARNING_EXTRA_DAYS, settings->warning.min_extra_days, error)
         && save_int (store, KEY_WARNING_MIN_HISTORY, settings->warning.min_history, error);
}

/**
 * kassa_collection_settings_save:
 * @store: the company file
 * @settings: the settings to keep
 * @error: the rule broken (see kassa_collection_settings_validate()) or a
 *   store error
 *
 * Validates against the law of the company's country and writes every key
 * in one transaction: nothing is written when a rule is broken.
 *
 * Returns: %TRUE when saved.
 */
gboolean
kassa_collection_settings_save (KassaStore                     *store,
                                const KassaCollectionSettings  *settings,
                                GError                        **error)
{
  g_autofree char *country = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  country = company_country (store);
  if (!kassa_collection_settings_validate (settings, country, error))
    return FALSE;

  return kassa_store_run_in_transaction (store, write_settings, (gpointer) settings, error);
}
