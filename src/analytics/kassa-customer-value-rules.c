/* kassa-customer-value-rules.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pure rules of the customer value report (no store): ABC classes,
 * quintile scores, RFM segments, the lifecycle suggestion, and the segment
 * keys campaigns and target lists use, with their translated labels, and
 * the sentence that explains an unprofitable customer.
 *
 * ABC (kassa_abc_classify): the values come sorted largest first.  The
 * total is the sum of the positive values only, so that a customer with
 * credit notes beyond its sales cannot push the others' shares over 100 %.
 * A customer is A while the cumulative share of the customers before it is
 * under threshold A, B while it is under threshold B, else C: the customer
 * whose value crosses a threshold completes that class.  The comparison is
 * exact integer arithmetic (before × 10000 < threshold × total); only the
 * reported cumulative share is rounded (half away from zero).  Values ≤ 0
 * are C; when the total is ≤ 0 nobody has a class (NONE, share 0).
 *
 * Quintiles (kassa_quintile_scores): ranks ascending with ties in the
 * order given (a stable sort), score = rank × 5 ÷ n + 1 (integer division),
 * and every member of a run of equal values gets the score of the first of
 * the run, so that equal values always score the same.
 *
 * Segments (kassa_rfm_segment_for_scores), from R and F only (M follows F
 * closely for invoices of similar size):
 *   R ≥ 4 and F ≥ 4  champions        R ≤ 2 and F ≥ 3  at risk
 *   R ≥ 3 and F ≥ 3  loyal            R = 2 and F ≤ 2  hibernating
 *   R ≥ 4 and F ≤ 2  promising        R = 1 and F ≤ 2  lost
 *   R = 3 and F ≤ 2  needs attention  a score of 0     none (never invoiced)
 *
 * Lifecycle (kassa_lifecycle_suggest), the first rule that applies, with
 * d = today − last invoice and f = today − first invoice:
 *   never invoiced → prospect; d > 365 → lost; d > 180 → dormant;
 *   f ≤ 90 → new; key-account flag or class A → key account; else active.
 */
#define G_LOG_DOMAIN "kassa-customer-value"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-customer-value.h"
#include "kassa-money.h"
#include "kassa-vat.h"

#define LIFECYCLE_LOST_DAYS    365
#define LIFECYCLE_DORMANT_DAYS 180
#define LIFECYCLE_NEW_DAYS     90

static const char * const segment_keys[] = {
  "all",
  "abc:a", "abc:b", "abc:c",
  "rfm:champions", "rfm:loyal", "rfm:promising", "rfm:needs-attention",
  "rfm:at-risk", "rfm:hibernating", "rfm:lost",
  "lifecycle:prospect", "lifecycle:new", "lifecycle:active",
  "lifecycle:key-account", "lifecycle:dormant", "lifecycle:lost",
  NULL
};

/* Indexed by KassaRfmSegment, the part of the key after "rfm:". */
static const char * const segment_names[KASSA_N_RFM_SEGMENTS] = {
  "champions", "loyal", "promising", "needs-attention", "at-risk", "hibernating", "lost",
};

/* Indexed by KassaLifecycleStage, the part of the key after "lifecycle:". */
static const char * const lifecycle_names[KASSA_N_LIFECYCLE_STAGES] = {
  "prospect", "new", "active", "key-account", "dormant", "lost",
};

/**
 * kassa_abc_classify:
 *
 * See kassa-customer-value.h and the rule at the top of this file.
 */
void
kassa_abc_classify (const gint64  *sorted_values,
                    guint          n,
                    gint           threshold_a_bp,
                    gint           threshold_b_bp,
                    KassaAbcClass *classes,
                    gint64        *cumulative_bp)
{
  gint64 total = 0;
  gint64 before = 0;

  g_return_if_fail (n == 0 || (sorted_values != NULL && classes != NULL && cumulative_bp != NULL));

  for (guint i = 0; i < n; i++)
    if (sorted_values[i] > 0)
      total += sorted_values[i];

  for (guint i = 0; i < n; i++)
    {
      gint64 value = sorted_values[i];

      if (total <= 0)
        classes[i] = KASSA_ABC_NONE;
      else if (value <= 0)
        classes[i] = KASSA_ABC_C;
      else if (before * 10000 < (gint64) threshold_a_bp * total)
        classes[i] = KASSA_ABC_A;
      else if (before * 10000 < (gint64) threshold_b_bp * total)
        classes[i] = KASSA_ABC_B;
      else
        classes[i] = KASSA_ABC_C;

      if (value > 0)
        before += value;
      cumulative_bp[i] = total > 0 ? kassa_round_div (before * 10000, total) : 0;
    }
}

typedef struct
{
  const gint64 *values;
} QuintileSort;

static int
compare_by_value (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const QuintileSort *sort = user_data;
  gint64 va = sort->values[*(const guint *) a];
  gint64 vb = sort->values[*(const guint *) b];

  return (va > vb) - (va < vb);
}

/**
 * kassa_quintile_scores:
 *
 * See kassa-customer-value.h and the rule at the top of this file.
 */
void
kassa_quintile_scores (const gint64 *values,
                       guint         n,
                       guint8       *scores)
{
  g_autofree guint *order = NULL;
  QuintileSort sort = { values };
  guint8 run_score = 0;

  g_return_if_fail (n == 0 || (values != NULL && scores != NULL));
  if (n == 0)
    return;

  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  /* g_qsort_with_data is a stable merge sort: ties keep the order given. */
  g_qsort_with_data (order, n, sizeof (guint), compare_by_value, &sort);

  for (guint rank = 0; rank < n; rank++)
    {
      guint index = order[rank];

      if (rank == 0 || values[index] != values[order[rank - 1]])
        run_score = (guint8) ((guint64) rank * 5 / n + 1);
      scores[index] = run_score;
    }
}

/**
 * kassa_rfm_segment_for_scores:
 *
 * See the table at the top of this file.
 */
KassaRfmSegment
kassa_rfm_segment_for_scores (guint8 recency,
                              guint8 frequency)
{
  if (recency == 0 || frequency == 0)
    return KASSA_SEGMENT_NONE;
  if (recency >= 4 && frequency >= 4)
    return KASSA_SEGMENT_CHAMPIONS;
  if (recency >= 3 && frequency >= 3)
    return KASSA_SEGMENT_LOYAL;
  if (recency >= 4)
    return KASSA_SEGMENT_PROMISING;
  if (recency == 3)
    return KASSA_SEGMENT_NEEDS_ATTENTION;
  if (frequency >= 3)
    return KASSA_SEGMENT_AT_RISK;
  if (recency == 2)
    return KASSA_SEGMENT_HIBERNATING;
  return KASSA_SEGMENT_LOST;
}

/* The translated sentence of the rule that decided (see
 * kassa_lifecycle_suggest). */
static char *
lifecycle_rule_text (KassaLifecycleStage stage,
                     gint                days_since_last,
                     gint                days_since_first,
                     gboolean            key_account)
{
  switch (stage)
    {
    case KASSA_LIFECYCLE_PROSPECT:
      return g_strdup (_("Never invoiced: prospect."));
    case KASSA_LIFECYCLE_LOST:
      /* Translators: the rule that suggested the lifecycle stage */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "No invoice for %d day (over 365): lost.",
                                           "No invoice for %d days (over 365): lost.",
                                           days_since_last),
                              days_since_last);
    case KASSA_LIFECYCLE_DORMANT:
      /* Translators: the rule that suggested the lifecycle stage */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "No invoice for %d day (over 180): dormant.",
                                           "No invoice for %d days (over 180): dormant.",
                                           days_since_last),
                              days_since_last);
    case KASSA_LIFECYCLE_NEW:
      /* Translators: the rule that suggested the lifecycle stage */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "First invoice %d day ago (within 90): new.",
                                           "First invoice %d days ago (within 90): new.",
                                           days_since_first),
                              days_since_first);
    case KASSA_LIFECYCLE_KEY_ACCOUNT:
      return g_strdup (key_account ? _("Marked as a key account.")
                                   : _("Class A customer: key account."));
    case KASSA_LIFECYCLE_ACTIVE:
    default:
      /* Translators: the rule that suggested the lifecycle stage */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Last invoice %d day ago (within 180): active.",
                                           "Last invoice %d days ago (within 180): active.",
                                           days_since_last),
                              days_since_last);
    }
}

/**
 * kassa_lifecycle_suggest:
 *
 * See kassa-customer-value.h and the rule at the top of this file.
 */
KassaLifecycleStage
kassa_lifecycle_suggest (KassaDay        first_invoice,
                         KassaDay        last_invoice,
                         gboolean        key_account,
                         KassaAbcClass   abc,
                         KassaDay        today,
                         char          **rule)
{
  gint days_since_last = today - last_invoice;
  gint days_since_first = today - first_invoice;
  KassaLifecycleStage stage;

  if (first_invoice == 0 || last_invoice == 0)
    stage = KASSA_LIFECYCLE_PROSPECT;
  else if (days_since_last > LIFECYCLE_LOST_DAYS)
    stage = KASSA_LIFECYCLE_LOST;
  else if (days_since_last > LIFECYCLE_DORMANT_DAYS)
    stage = KASSA_LIFECYCLE_DORMANT;
  else if (days_since_first <= LIFECYCLE_NEW_DAYS)
    stage = KASSA_LIFECYCLE_NEW;
  else if (key_account || abc == KASSA_ABC_A)
    stage = KASSA_LIFECYCLE_KEY_ACCOUNT;
  else
    stage = KASSA_LIFECYCLE_ACTIVE;

  if (rule != NULL)
    *rule = lifecycle_rule_text (stage, days_since_last, days_since_first, key_account);

  return stage;
}

/**
 * kassa_rfm_segment_to_string:
 *
 * Returns: the translated name of the segment, "" for NONE.
 */
const char *
kassa_rfm_segment_to_string (KassaRfmSegment segment)
{
  switch (segment)
    {
    case KASSA_SEGMENT_CHAMPIONS:
      return C_("customer segment", "Champions");
    case KASSA_SEGMENT_LOYAL:
      return C_("customer segment", "Loyal customers");
    case KASSA_SEGMENT_PROMISING:
      return C_("customer segment", "Promising");
    case KASSA_SEGMENT_NEEDS_ATTENTION:
      return C_("customer segment", "Needs attention");
    case KASSA_SEGMENT_AT_RISK:
      return C_("customer segment", "At risk");
    case KASSA_SEGMENT_HIBERNATING:
      return C_("customer segment", "Hibernating");
    case KASSA_SEGMENT_LOST:
      return C_("customer segment", "Lost");
    case KASSA_SEGMENT_NONE:
      return C_("customer segment", "Not scored");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kassa_rfm_segment_describe:
 *
 * Returns: translated one-line advice for the segment.
 */
const char *
kassa_rfm_segment_describe (KassaRfmSegment segment)
{
  switch (segment)
    {
    case KASSA_SEGMENT_CHAMPIONS:
      return _("Buy often and recently. Reward them and ask for referrals.");
    case KASSA_SEGMENT_LOYAL:
      return _("Buy regularly. Offer more of what they buy and keep in touch.");
    case KASSA_SEGMENT_PROMISING:
      return _("Bought recently but seldom. Follow up and make the next purchase easy.");
    case KASSA_SEGMENT_NEEDS_ATTENTION:
      return _("Average recency, few purchases. Contact them before they drift away.");
    case KASSA_SEGMENT_AT_RISK:
      return _("Used to buy often, not lately. Call them and find out why.");
    case KASSA_SEGMENT_HIBERNATING:
      return _("Few purchases, long ago. Try a targeted offer; do not overspend.");
    case KASSA_SEGMENT_LOST:
      return _("No purchases for a long time. Win back only if worth it.");
    case KASSA_SEGMENT_NONE:
      return _("Never invoiced: nothing to score yet.");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kassa_segment_keys:
 *
 * Returns: (transfer none): the NULL-terminated list of segment keys.
 */
const char * const *
kassa_segment_keys (void)
{
  return segment_keys;
}

static const char *
abc_key_label (char letter)
{
  switch (letter)
    {
    case 'a':
      return _("Class A customers");
    case 'b':
      return _("Class B customers");
    case 'c':
      return _("Class C customers");
    default:
      return NULL;
    }
}

static gint
name_index (const char * const *names,
            guint               n_names,
            const char         *name)
{
  for (guint i = 0; i < n_names; i++)
    if (strcmp (names[i], name) == 0)
      return (gint) i;
  return -1;
}

/**
 * kassa_segment_key_to_label:
 *
 * Returns: (nullable): the translated label of a segment key, NULL when
 *   the key is unknown.
 */
const char *
kassa_segment_key_to_label (const char *key)
{
  gint index;

  g_return_val_if_fail (key != NULL, NULL);

  if (strcmp (key, "all") == 0 || key[0] == '\0')
    return _("All customers");
  if (g_str_has_prefix (key, "abc:") && strlen (key) == 5)
    return abc_key_label (key[4]);
  if (g_str_has_prefix (key, "rfm:"))
    {
      index = name_index (segment_names, KASSA_N_RFM_SEGMENTS, key + 4);
      return index >= 0 ? kassa_rfm_segment_to_string (index) : NULL;
    }
  if (g_str_has_prefix (key, "lifecycle:"))
    {
      index = name_index (lifecycle_names, KASSA_N_LIFECYCLE_STAGES, key + 10);
      return index >= 0 ? kassa_lifecycle_stage_to_string (index) : NULL;
    }
  return NULL;
}

/**
 * kassa_value_in_segment:
 *
 * Whether the customer belongs to the segment key: its ABC class and
 * lifecycle stage as used (overrides applied), its RFM segment; "all" or
 * "" holds everyone, an unknown key nobody.
 */
gboolean
kassa_value_in_segment (const KassaCustomerValue *value,
                        const char               *key)
{
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (strcmp (key, "all") == 0 || key[0] == '\0')
    return TRUE;
  if (strcmp (key, "abc:a") == 0)
    return value->abc == KASSA_ABC_A;
  if (strcmp (key, "abc:b") == 0)
    return value->abc == KASSA_ABC_B;
  if (strcmp (key, "abc:c") == 0)
    return value->abc == KASSA_ABC_C;
  if (g_str_has_prefix (key, "rfm:"))
    return value->segment != KASSA_SEGMENT_NONE &&
           name_index (segment_names, KASSA_N_RFM_SEGMENTS, key + 4) == (gint) value->segment;
  if (g_str_has_prefix (key, "lifecycle:"))
    return name_index (lifecycle_names, KASSA_N_LIFECYCLE_STAGES, key + 10) ==
           (gint) value->lifecycle;
  return FALSE;
}

/**
 * kassa_value_describe_unprofitable:
 * @currency: the company currency the amounts are in
 *
 * Returns: (transfer full): a translated sentence with the figures that
 *   make the customer unprofitable, formatted for the current locale.
 */
char *
kassa_value_describe_unprofitable (const KassaCustomerValue *value,
                                   const char               *currency)
{
  KassaLocale locale = kassa_locale_current ();
  g_autofree char *margin_percent = NULL;
  g_autofree char *margin = NULL;
  g_autofree char *revenue = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *credit_notes = NULL;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (currency != NULL, NULL);

  margin = kassa_money_format (value->margin, currency, locale);
  revenue = kassa_money_format (value->revenue, currency, locale);
  cost = kassa_money_format (value->cost, currency, locale);
  if (value->revenue <= 0)
    /* Translators: a customer whose costs are above its net sales:
     * %1$s the margin, %2$s the costs, %3$s the sales, e.g.
     * "Margin −€300.00: costs of €300.00 with sales of €0.00." */
    return g_strdup_printf (_("Margin %1$s: costs of %2$s with sales of %3$s."),
                            margin, cost, revenue);

  margin_percent = kassa_percent_format (value->margin_bp, locale);
  if (value->credit_notes == 0)
    /* Translators: why a customer is unprofitable: %1$s the margin
     * percentage, %2$s the margin, %3$s the net sales, %4$s the costs, e.g.
     * "Margin 4% (€400.00 of €10,000.00 sales after costs of €9,600.00)." */
    return g_strdup_printf (_("Margin %1$s (%2$s of %3$s sales after costs of %4$s)."),
                            margin_percent, margin, revenue, cost);

  credit_notes = kassa_money_format (value->credit_notes, currency, locale);
  /* Translators: as "Margin %1$s (%2$s of %3$s sales after costs of %4$s)."
   * with %5$s the credit notes of the period (negative), e.g. "Margin 4%
   * (€400.00 of €10,000.00 sales after costs of €9,600.00); credit notes
   * −€2,000.00." */
  return g_strdup_printf (_("Margin %1$s (%2$s of %3$s sales after costs of %4$s); "
                            "credit notes %5$s."),
                          margin_percent, margin, revenue, cost, credit_notes);
}
