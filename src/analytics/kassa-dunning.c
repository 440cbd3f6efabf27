/* kassa-dunning.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collection worklist and the creation of reminders.
 *
 * Where an invoice stands: its last step is the highest dunning kind
 * recorded on it (REMINDER_1 … LEGAL_ACTION) with the latest date of that
 * kind; its next step is the first rung of its customer's ladder (business
 * or consumer) above the last step, due the rung's days after the due date
 * (first rung) or after the last step's date.  After the last rung nothing
 * is due.  Disputed invoices wait for the dispute to be resolved, and an
 * invoice whose latest promise to pay runs until today or later waits for
 * the promised date.
 *
 * Priority: open amount in major units × (1 + days overdue ÷ 30) × risk
 * weight (A 1, B 1.5, C 2, D 3).  A month overdue doubles an amount's
 * weight and a customer in class D triples it, so large, old debts of
 * customers who are behind on everything come first.
 *
 * Risk: the customer's class by the one rule of kassa_risk_classify (),
 * the class the customer view shows: from the days late over the last 12
 * months (the recent ones when the early warning of the settings' rule
 * fires and they are later), the oldest overdue invoice (disputed ones
 * included: they are still owed) and credit use.  The classes of all
 * customers come from kassa_payment_risk_table (), one pass over the
 * year's payments and one over the open set, read only when some step is
 * due.
 */
#define G_LOG_DOMAIN "kassa-dunning"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-date.h"
#include "kassa-dunning.h"
#include "kassa-interest.h"
#include "kassa-money.h"
#include "kassa-store-sql.h"

#define PRIORITY_DAYS_SCALE   30.0

/* The law that prices late payment for this company. */
typedef struct
{
  char    country[3];
  GArray *rates;                 /* KassaReferenceRate of the country */
  gint    fixed_rate_bp;         /* the company's own rate, without a table */
} CollectionLaw;

/* One ordinary sent invoice of the open set. */
typedef struct
{
  gint64            invoice_id;
  gint64            number;
  gint64            customer_id;
  KassaCustomerKind customer_kind;
  char             *customer_name;
  char              currency[4];
  KassaDay          due_date;
  gint64            total;
  gint64            open;
  gboolean          disputed;
} OpenInvoice;

/* Where an invoice stands on its customer's ladder. */
typedef struct
{
  KassaCollectionKind     last_step;
  KassaDay                last_step_date;
  KassaDay                promised_by;     /* of the latest promise, 0 = none */
  const KassaDunningStep *next;            /* NULL after the last rung */
  KassaDay                next_step_date;
} LadderPosition;

/* The same columns for the open set and for one invoice. */
#define OPEN_INVOICE_COLUMNS \
  "i.id, i.number, i.customer_id, c.kind, c.name, i.currency, i.due_date, i.total," \
  " i.total - i.paid, i.disputed"

/* The law */

static gboolean
law_load (KassaStore     *store,
          CollectionLaw  *law,
          GError        **error)
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (store);

  memset (law, 0, sizeof *law);
  if (company != NULL)
    {
      g_strlcpy (law->country, company->country, sizeof law->country);
      law->fixed_rate_bp = company->late_interest_bp;
    }

  law->rates = kassa_store_list_reference_rates (store, law->country, error);
  return law->rates != NULL;
}

static void
law_clear (CollectionLaw *law)
{
  g_clear_pointer (&law->rates, g_array_unref);
}

static GArray *
read_payments (KassaStore  *store,
               gint64       invoice_id,
               GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GArray) payments = NULL;
  int rc;

  stmt = kassa_store_prepare (store,
                              "SELECT date, amount FROM payments WHERE invoice_id = ?1"
                              " ORDER BY date, id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  payments = g_array_new (FALSE, TRUE, sizeof (KassaInterestPayment));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KassaInterestPayment payment = {
        .date = sqlite3_column_int (stmt, 0),
        .amount = sqlite3_column_int64 (stmt, 1),
      };

      g_array_append_val (payments, payment);
    }

  if (rc != SQLITE_DONE)
    {
      kassa_store_set_error_from_sqlite (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&payments);
}

/* The statutory table of the company's country with the add-on for the
 * customer's kind; a country without a statutory rule, or without rates in
 * the table, gets the company's own rate on every day. */
static gboolean
law_interest (KassaStore           *store,
              const CollectionLaw  *law,
              KassaCustomerKind     kind,
              gint64                invoice_id,
              gint64                total,
              KassaDay              due_date,
              KassaDay              until,
              gint64               *interest,
              gboolean             *rate_missing,
              GError              **error)
{
  g_autoptr(GArray) payments = read_payments (store, invoice_id, error);
  g_autoptr(KassaInterestResult) result = NULL;
  gint add_on_bp = kassa_late_interest_add_on_bp (law->country, kind);
  guint n_rates = add_on_bp >= 0 ? law->rates->len : 0;

  if (payments == NULL)
    return FALSE;

  result = kassa_late_interest_compute (total, due_date,
                                        (const KassaInterestPayment *) (gpointer) payments->data,
                                        payments->len, until,
                                        (const KassaReferenceRate *) (gpointer) law->rates->data,
                                        n_rates, MAX (add_on_bp, 0), law->fixed_rate_bp);
  *interest = result->total;
  if (rate_missing != NULL)
    *rate_missing = result->rate_missing;
  return TRUE;
}

/* Reading invoices */

static void
open_invoice_clear (OpenInvoice *invoice)
{
  g_clear_pointer (&invoice->customer_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OpenInvoice, open_invoice_clear)

static void
open_invoice_from_row (sqlite3_stmt *stmt,
                       OpenInvoice  *invoice,
                       gboolean      with_name)
{
  const char *currency = (const char *) sqlite3_column_text (stmt, 5);

  invoice->invoice_id = sqlite3_column_int64 (stmt, 0);
  invoice->number = sqlite3_column_int64 (stmt, 1);
  invoice->customer_id = sqlite3_column_int64 (stmt, 2);
  invoice->customer_kind = sqlite3_column_int (stmt, 3) == KASSA_CUSTOMER_CONSUMER
                           ? KASSA_CUSTOMER_CONSUMER : KASSA_CUSTOMER_BUSINESS;
  invoice->customer_name = with_name ? g_strdup ((const char *) sqlite3_column_text (stmt, 4))
                                     : NULL;
  g_strlcpy (invoice->currency, currency != NULL ? currency : "", sizeof invoice->currency);
  invoice->due_date = sqlite3_column_int (stmt, 6);
  invoice->total = sqlite3_column_int64 (stmt, 7);
  invoice->open = sqlite3_column_int64 (stmt, 8);
  invoice->disputed = sqlite3_column_int (stmt, 9) != 0;
}

/* An ordinary sent invoice (not a credit note) by id; *found FALSE when it
 * is not one. */
static gboolean
read_open_invoice (KassaStore   *store,
                   gint64        invoice_id,
                   OpenInvoice  *invoice,
                   gboolean     *found,
                   GError      **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (store,
                              "SELECT " OPEN_INVOICE_COLUMNS
                              " FROM invoices i JOIN customers c ON c.id = i.customer_id"
                              " WHERE i.id = ?1 AND i.state = 1 AND i.credited_invoice_id IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  *found = rc == SQLITE_ROW;
  if (*found)
    open_invoice_from_row (stmt, invoice, TRUE);
  return TRUE;
}

/* The collection log of one invoice: its highest dunning step and the
 * latest promise to pay (the newest promise replaces earlier ones). */
static gboolean
read_ladder_position (KassaStore      *store,
                      gint64           invoice_id,
                      LadderPosition  *position,
                      GError         **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  memset (position, 0, sizeof *position);
  stmt = kassa_store_prepare (store,
                              "SELECT kind, date, due_by FROM collection_events"
                              " WHERE invoice_id = ?1 AND (kind = 3 OR kind BETWEEN 10 AND 15)"
                              " ORDER BY date, id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KassaCollectionKind kind = sqlite3_column_int (stmt, 0);
      KassaDay date = sqlite3_column_int (stmt, 1);

      if (kind == KASSA_COLLECTION_PROMISE_TO_PAY)
        position->promised_by = sqlite3_column_int (stmt, 2);
      else if (kind >= position->last_step)
        {
          position->last_step = kind;
          position->last_step_date = date;
        }
    }

  if (rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  return TRUE;
}

/* The ladder */

static GArray *
ladder_for (const KassaCollectionSettings *settings,
            KassaCustomerKind              kind)
{
  return kind == KASSA_CUSTOMER_CONSUMER ? settings->consumer_steps : settings->business_steps;
}

static void
plan_next_step (const KassaCollectionSettings *settings,
                const OpenInvoice             *invoice,
                LadderPosition                *position)
{
  GArray *steps = ladder_for (settings, invoice->customer_kind);

  position->next = NULL;
  position->next_step_date = 0;
  for (guint i = 0; i < steps->len; i++)
    {
      const KassaDunningStep *step = &g_array_index (steps, KassaDunningStep, i);

      if (step->kind <= position->last_step)
        continue;

      position->next = step;
      position->next_step_date = (position->last_step == 0 ? invoice->due_date
                                                           : position->last_step_date)
                                 + step->days;
      return;
    }
}

/* Worth a look at all: still owed, overdue and not held back by a
 * dispute (promises need the log: see step_is_due). */
static gboolean
is_candidate (const OpenInvoice *invoice,
              KassaDay           today)
{
  return invoice->open > 0 && invoice->due_date < today && !invoice->disputed;
}

static gboolean
step_is_due (const OpenInvoice    *invoice,
             const LadderPosition *position,
             KassaDay              today)
{
  return is_candidate (invoice, today)
         && position->promised_by < today
         && position->next != NULL
         && position->next_step_date <= today;
}

static gint64
capped_fee (const CollectionLaw           *law,
            const KassaCollectionSettings *settings,
            KassaCustomerKind              kind,
            gint64                         fee)
{
  gint64 cap = kassa_reminder_fee_cap (law->country, kind, settings->reminder_fee_agreed);

  return cap >= 0 ? MIN (fee, cap) : fee;
}

/* The fixed B2B compensation may be claimed once per invoice: with its
 * first dunning step. */
static gint64
compensation_for (const CollectionLaw  *law,
                  const OpenInvoice    *invoice,
                  const LadderPosition *position)
{
  if (position->last_step != 0)
    return 0;

  return kassa_late_payment_compensation (law->country, invoice->customer_kind);
}

/* Work items */

void
kassa_work_item_free (KassaWorkItem *item)
{
  if (item == NULL)
    return;

  g_free (item->customer_name);
  g_free (item);
}

static KassaWorkItem *
work_item_new (KassaStore                     *store,
               const CollectionLaw            *law,
               const KassaCollectionSettings  *settings,
               OpenInvoice                    *invoice,
               const LadderPosition           *position,
               KassaDay                        today,
               GError                        **error)
{
  g_autoptr(KassaWorkItem) item = g_new0 (KassaWorkItem, 1);

  item->invoice_id = invoice->invoice_id;
  item->number = invoice->number;
  item->customer_id = invoice->customer_id;
  item->customer_name = g_steal_pointer (&invoice->customer_name);
  item->customer_kind = invoice->customer_kind;
  memcpy (item->currency, invoice->currency, sizeof item->currency);
  item->due_date = invoice->due_date;
  item->open = invoice->open;
  item->days_overdue = today - invoice->due_date;
  item->last_step = position->last_step;
  item->last_step_date = position->last_step_date;
  item->next_step = position->next->kind;
  item->next_step_date = position->next_step_date;
  item->fee = capped_fee (law, settings, invoice->customer_kind, position->next->fee);
  item->compensation = compensation_for (law, invoice, position);

  if (!law_interest (store, law, invoice->customer_kind, invoice->invoice_id, invoice->total,
                     invoice->due_date, today, &item->interest, NULL, error))
    return NULL;

  return g_steal_pointer (&item);
}

/* Priority */

static double
risk_weight (KassaRiskClass risk)
{
  switch (risk)
    {
    case KASSA_RISK_B: return 1.5;
    case KASSA_RISK_C: return 2.0;
    case KASSA_RISK_D: return 3.0;
    case KASSA_RISK_A:
    default:           return 1.0;
    }
}

static double
priority_for (const KassaWorkItem *item)
{
  double major = (double) item->open;

  for (int i = kassa_currency_exponent (item->currency); i > 0; i--)
    major /= 10.0;

  return major * (1.0 + item->days_overdue / PRIORITY_DAYS_SCALE) * risk_weight (item->risk);
}

static int
compare_priority (gconstpointer a,
                  gconstpointer b)
{
  const KassaWorkItem *item_a = *(KassaWorkItem * const *) a;
  const KassaWorkItem *item_b = *(KassaWorkItem * const *) b;

  if (item_a->priority != item_b->priority)
    return item_a->priority > item_b->priority ? -1 : 1;
  if (item_a->days_overdue != item_b->days_overdue)
    return item_b->days_overdue - item_a->days_overdue;

  return (item_a->number > item_b->number) - (item_a->number < item_b->number);
}

/* The worklist */

static void
open_invoice_free (gpointer data)
{
  OpenInvoice *invoice = data;

  open_invoice_clear (invoice);
  g_free (invoice);
}

/* One pass over the open set: the overdue invoices that may need a step
 * (with the customer's name). */
static GPtrArray *
read_open_set (KassaStore  *store,
               KassaDay     today,
               GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  int rc;

  /* INDEXED BY: the open set must come from the partial index, never from
   * a scan of every invoice ever sent; CROSS JOIN keeps invoices outside. */
  stmt = kassa_store_prepare (store,
                              "SELECT " OPEN_INVOICE_COLUMNS
                              " FROM invoices i INDEXED BY invoices_open"
                              " CROSS JOIN customers c ON c.id = i.customer_id"
                              " WHERE i.state = 1 AND i.paid <> i.total"
                              " AND i.credited_invoice_id IS NULL",
                              error);
  if (stmt == NULL)
    return NULL;

  candidates = g_ptr_array_new_with_free_func (open_invoice_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OpenInvoice invoice = { 0 };

      open_invoice_from_row (stmt, &invoice, FALSE);
      if (!is_candidate (&invoice, today))
        continue;

      invoice.customer_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (candidates, g_memdup2 (&invoice, sizeof invoice));
    }

  if (rc != SQLITE_DONE)
    {
      kassa_store_set_error_from_sqlite (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&candidates);
}

static gboolean
add_due_items (KassaStore                     *store,
               const CollectionLaw            *law,
               const KassaCollectionSettings  *settings,
               GPtrArray                      *candidates,
               KassaDay                        today,
               GPtrArray                      *items,
               GError                        **error)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      OpenInvoice *invoice = g_ptr_array_index (candidates, i);
      LadderPosition position;
      KassaWorkItem *item;

      if (!read_ladder_position (store, invoice->invoice_id, &position, error))
        return FALSE;
      plan_next_step (settings, invoice, &position);
      if (!step_is_due (invoice, &position, today))
        continue;

      item = work_item_new (store, law, settings, invoice, &position, today, error);
      if (item == NULL)
        return FALSE;
      g_ptr_array_add (items, item);
    }

  return TRUE;
}

/* Each item's risk is its customer's class, by the settings' warning
 * rule as in the customer view; the priority weighs it in. */
static gboolean
rank_items (KassaStore                     *store,
            KassaDay                        today,
            const KassaCollectionSettings  *settings,
            GPtrArray                      *items,
            GError                        **error)
{
  g_autoptr(GHashTable) risks = NULL;

  if (items->len == 0)
    return TRUE;

  risks = kassa_payment_risk_table (store, today, &settings->warning, error);
  if (risks == NULL)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      KassaWorkItem *item = g_ptr_array_index (items, i);

      item->risk = kassa_payment_risk_lookup (risks, item->customer_id);
      item->priority = priority_for (item);
    }

  g_ptr_array_sort (items, compare_priority);
  return TRUE;
}

/**
 * kassa_dunning_worklist:
 * @store: the company file
 * @today: the day the steps would be taken
 * @settings: the ladders
 * @error: a store error
 *
 * One pass over the open set (the invoices_open index), then the
 * collection log and payments of the overdue invoices only; when a step
 * is due, the customers' risk table (see kassa_payment_risk_table()).
 *
 * Returns: (transfer full) (element-type KassaWorkItem) (nullable): the
 *   invoices whose next step is due, highest priority first.
 */
GPtrArray *
kassa_dunning_worklist (KassaStore                     *store,
                        KassaDay                        today,
                        const KassaCollectionSettings  *settings,
                        GError                        **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) items = NULL;
  CollectionLaw law;
  gboolean ok;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  if (!law_load (store, &law, error))
    return NULL;

  candidates = read_open_set (store, today, error);
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_work_item_free);
  ok = candidates != NULL
       && add_due_items (store, &law, settings, candidates, today, items, error);
  law_clear (&law);
  if (!ok || !rank_items (store, today, settings, items, error))
    return NULL;

  return g_steal_pointer (&items);
}

/* Creating steps */

typedef struct
{
  KassaDay                       today;
  const KassaCollectionSettings *settings;
  GPtrArray                     *items;
  const char                    *author;
  CollectionLaw                  law;
  guint                          created;
} CreateJob;

static gboolean
set_no_longer_due (GError              **error,
                   const KassaWorkItem  *item)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, item->number);

  /* Translators: %1$s is an invoice number, %2$s a collection step, e.g.
   * "Reminder 1"; the list was computed before a payment, a dispute or
   * another step changed the invoice. */
  g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID,
               _("Invoice %1$s no longer needs the step “%2$s” today. Refresh the list and try again."),
               number, kassa_collection_kind_to_string (item->next_step));
  return FALSE;
}

/* The step recorded: the fee with the compensation, the interest to
 * today, and the pay-by date (none for a rung without time to pay, such
 * as the hand-over to a collection agency). */
static KassaCollectionEvent *
event_for_step (CreateJob            *job,
                const OpenInvoice    *invoice,
                const LadderPosition *position,
                gint64                interest)
{
  KassaCollectionEvent *event = kassa_collection_event_new ();

  event->customer_id = invoice->customer_id;
  event->invoice_id = invoice->invoice_id;
  event->date = job->today;
  event->kind = position->next->kind;
  event->fee = capped_fee (&job->law, job->settings, invoice->customer_kind, position->next->fee)
               + compensation_for (&job->law, invoice, position);
  event->interest = interest;
  event->due_by = position->next->pay_within_days > 0
                  ? job->today + position->next->pay_within_days : 0;
  g_free (event->author);
  event->author = g_strdup (job->author != NULL ? job->author : "");
  return event;
}

/* Recomputes the item from the store: whatever changed since the list was
 * made (a payment, a dispute, a step taken elsewhere) refuses the batch. */
static gboolean
create_step (KassaStore           *store,
             CreateJob            *job,
             const KassaWorkItem  *item,
             GError              **error)
{
  g_autoptr(KassaCollectionEvent) event = NULL;
  g_auto(OpenInvoice) invoice = { 0 };
  LadderPosition position;
  gboolean found = FALSE;
  gint64 interest;

  if (!read_open_invoice (store, item->invoice_id, &invoice, &found, error))
    return FALSE;
  if (!found)
    return set_no_longer_due (error, item);

  if (!read_ladder_position (store, invoice.invoice_id, &position, error))
    return FALSE;
  plan_next_step (job->settings, &invoice, &position);
  if (!step_is_due (&invoice, &position, job->today) || position.next->kind != item->next_step)
    return set_no_longer_due (error, item);

  if (!law_interest (store, &job->law, invoice.customer_kind, invoice.invoice_id, invoice.total,
                     invoice.due_date, job->today, &interest, NULL, error))
    return FALSE;

  event = event_for_step (job, &invoice, &position, interest);
  return kassa_store_add_collection_event (store, event, error);
}

static gboolean
create_steps_in_transaction (KassaStore  *store,
                             gpointer     user_data,
                             GError     **error)
{
  CreateJob *job = user_data;

  for (guint i = 0; i < job->items->len; i++)
    {
      if (!create_step (store, job, g_ptr_array_index (job->items, i), error))
        return FALSE;
      job->created++;
    }

  return TRUE;
}

/**
 * kassa_dunning_create_steps:
 * @store: the company file
 * @today: the date of the steps
 * @settings: the ladders the items were computed with
 * @items: (element-type KassaWorkItem): from kassa_dunning_worklist()
 * @author: (nullable): who takes the steps
 * @created: (out) (optional): how many steps were recorded
 * @error: the item no longer due, or a store error
 *
 * Each item is checked again against the store, then its next step is
 * recorded with the fee, the compensation and the interest to today, all
 * in one transaction: when one item fails nothing is recorded.
 *
 * Returns: %TRUE when every step was recorded.
 */
gboolean
kassa_dunning_create_steps (KassaStore                     *store,
                            KassaDay                        today,
                            const KassaCollectionSettings  *settings,
                            GPtrArray                      *items,
                            const char                     *author,
                            guint                          *created,
                            GError                        **error)
{
  CreateJob job = { .today = today, .settings = settings, .items = items, .author = author };
  gboolean ok;

  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  if (created != NULL)
    *created = 0;

  if (!law_load (store, &job.law, error))
    return FALSE;

  ok = kassa_store_run_in_transaction (store, create_steps_in_transaction, &job, error);
  law_clear (&job.law);

  if (ok && created != NULL)
    *created = job.created;
  return ok;
}

/* One invoice */

/**
 * kassa_dunning_level:
 * @store: the company file
 * @invoice_id: an invoice
 *
 * Returns: the highest dunning step recorded on the invoice, 0
 *   (%KASSA_COLLECTION_NOTE) when none or on a read error.
 */
KassaCollectionKind
kassa_dunning_level (KassaStore *store,
                     gint64      invoice_id)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (store), KASSA_COLLECTION_NOTE);

  stmt = kassa_store_prepare (store,
                              "SELECT COALESCE (MAX (kind), 0) FROM collection_events"
                              " WHERE invoice_id = ?1 AND kind BETWEEN 10 AND 15",
                              &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read the collection log: %s", error->message);
      return KASSA_COLLECTION_NOTE;
    }

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return KASSA_COLLECTION_NOTE;

  return sqlite3_column_int (stmt, 0);
}

/**
 * kassa_dunning_invoice_interest:
 * @store: the company file
 * @invoice_id: a stored invoice
 * @until: the last day of interest, inclusive
 * @interest: (out): minor units; 0 for drafts, credited invoices and
 *   credit notes
 * @rate_missing: (out) (optional): whether the rate table needs a newer rate
 * @error: not found or a store error
 *
 * Returns: %TRUE when @interest was set.
 */
gboolean
kassa_dunning_invoice_interest (KassaStore  *store,
                                gint64       invoice_id,
                                KassaDay     until,
                                gint64      *interest,
                                gboolean    *rate_missing,
                                GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  CollectionLaw law;
  gboolean ok;
  int rc;

  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (interest != NULL, FALSE);

  *interest = 0;
  if (rate_missing != NULL)
    *rate_missing = FALSE;

  stmt = kassa_store_prepare (store,
                              "SELECT i.state = 1 AND i.credited_invoice_id IS NULL, c.kind,"
                              " i.total, i.due_date"
                              " FROM invoices i JOIN customers c ON c.id = i.customer_id"
                              " WHERE i.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_NOT_FOUND,
                           _("The invoice no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return kassa_store_set_error_from_sqlite (store, rc, error);
  if (sqlite3_column_int (stmt, 0) == 0)
    return TRUE;

  if (!law_load (store, &law, error))
    return FALSE;

  ok = law_interest (store, &law,
                     sqlite3_column_int (stmt, 1) == KASSA_CUSTOMER_CONSUMER
                     ? KASSA_CUSTOMER_CONSUMER : KASSA_CUSTOMER_BUSINESS,
                     invoice_id, sqlite3_column_int64 (stmt, 2), sqlite3_column_int (stmt, 3),
                     until, interest, rate_missing, error);
  law_clear (&law);
  return ok;
}
