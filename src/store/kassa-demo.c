/* kassa-demo.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deterministic generated companies.  Everything comes from one seeded
 * splitmix64 generator (never g_random or rand), and every invoice draws
 * from its own generator seeded by its index, so that a credit note can
 * regenerate the lines of the invoice it credits and the output depends on
 * the spec only.  The generator is kassa-demo-rng-private.h; the word
 * lists, product catalog and name and address builders are
 * kassa-demo-names.c.
 *
 * Bulk speed: the whole company is written in one transaction with
 * prepared statements on the raw connection, synchronous=OFF and a larger
 * page cache while it runs (restored afterwards).
 *
 * Triggers: FTS5 flushes its pending terms at every statement of a
 * transaction, so filling the full-text indexes row by row through their
 * insert triggers costs ~20 µs an invoice (20 s for the benchmark's
 * million), and the payment trigger adds an UPDATE of the invoice per
 * payment.  Inside the generator's transaction these three insert
 * triggers are dropped; the FTS indexes are rebuilt from their content
 * tables at the end ('rebuild'), invoices.paid is written directly as the
 * sum of the payments inserted with it (the test checks Σ payments =
 * Σ paid), and the triggers are recreated from the very SQL text read from
 * sqlite_master before dropping them.  A failure rolls all of it back,
 * triggers included.  Data entered later goes through the triggers as
 * usual.
 */
#define G_LOG_DOMAIN "kassa-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kassa-date.h"
#include "kassa-demo.h"
#include "kassa-demo-names-private.h"
#include "kassa-demo-relationship-private.h"
#include "kassa-reference.h"
#include "kassa-store-cashflow.h"
#include "kassa-store-private.h"
#include "kassa-vat.h"

#define MAX_LINES 5
#define FIRST_NUMBER 1000
#define DEMO_RELATIONSHIP_MAX_CUSTOMERS 1000

typedef enum
{
  PROFILE_PUNCTUAL,
  PROFILE_A_BIT_LATE,
  PROFILE_CHRONICALLY_LATE,
  PROFILE_SLOW_BUT_PAYS,
  PROFILE_STOPPED,
} PaymentProfile;

typedef struct
{
  KassaCustomerKind kind;
  const char       *language;     /* static */
  gboolean          domestic;     /* Finnish VAT applies */
  gint              terms;
  KassaDelivery     delivery;
  PaymentProfile    profile;
  KassaDay          stopped_on;   /* PROFILE_STOPPED: pays nothing issued after */
  gint              cost_percent; /* unit cost as a share of the price, 0 = the catalog's */
} DemoCustomer;

typedef struct
{
  const char *description;
  gint64      quantity;
  gint64      unit_price;
  gint64      unit_cost;
  gint        vat_rate;
  gint        discount;
} DemoLine;

typedef struct
{
  KassaDay date;
  guint    regular;             /* index into the regular invoices */
  gboolean is_credit_note;
} Numbered;

typedef struct
{
  const KassaDemoSpec *spec;
  sqlite3             *db;
  sqlite3_stmt        *insert_customer;
  sqlite3_stmt        *insert_invoice;
  sqlite3_stmt        *insert_line;
  sqlite3_stmt        *insert_payment;
  KassaDemoRng         rng;
  DemoCustomer        *customers;
  double              *customer_weights;  /* cumulative */
  guint                n_regular;
  guint                n_credit_notes;
  guint                n_drafts;
  KassaDay            *dates;             /* of regular invoices, sorted */
  guint32             *invoice_customer;  /* customer index per regular invoice */
  gint64              *credit_note_of;    /* regular → its credit note's number, or 0 */
  gint64              *regular_id;        /* regular → invoice id once inserted */
  gint64               next_number;
} Generator;

/* ---------------------------------------------------------------- */
/* Random numbers                                                    */
/* ---------------------------------------------------------------- */

static KassaDemoRng
rng_for_invoice (const KassaDemoSpec *spec,
                 guint                index)
{
  KassaDemoRng rng = { spec->seed * G_GUINT64_CONSTANT (0x100000001b3) + index };

  kassa_demo_rng_next (&rng);
  return rng;
}

/* ---------------------------------------------------------------- */
/* Company                                                           */
/* ---------------------------------------------------------------- */

static gboolean
check_sqlite (Generator  *gen,
              KassaStore *store,
              int         rc,
              GError    **error)
{
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  return kassa_store_set_error_from_sqlite (store, rc, error);
}

static gboolean
step_insert (Generator    *gen,
             KassaStore   *store,
             sqlite3_stmt *stmt,
             GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  return check_sqlite (gen, store, rc, error);
}

/* The minimum cash buffer of the demo company (150 000 €, see Cash flow). */
#define DEMO_CASH_BUFFER 15000000
/* Invoices a year of the demo spec: larger companies get costs and cash
 * in proportion to their sales. */
#define DEMO_INVOICES_A_YEAR 1500

static gint64
cash_scale (const KassaDemoSpec *spec)
{
  guint per_year = spec->n_invoices / MAX (spec->years, 1);

  return MAX (1, (per_year + DEMO_INVOICES_A_YEAR / 2) / DEMO_INVOICES_A_YEAR);
}

static gboolean
insert_company (Generator  *gen,
                KassaStore *store,
                GError    **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (store,
                              "INSERT INTO company (id, name, business_id, vat_id, address,"
                              " email, phone, iban, bic, currency, country, document_language,"
                              " payment_terms_days, next_invoice_number, minimum_cash_buffer,"
                              " late_interest_bp)"
                              " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'EUR', 'FI', 'fi',"
                              " 14, ?9, ?10, ?11)",
                              error);
  if (stmt == NULL)
    return FALSE;

  /* The check digit is computed, so the business ID is valid by
   * construction. */
  {
    g_autofree char *business_id = NULL;
    g_autofree char *vat_id = NULL;
    int check = kassa_demo_business_id_fi_check ("2781649");

    business_id = g_strdup_printf ("2781649-%d", check);
    vat_id = g_strdup_printf ("FI2781649%d", check);
    sqlite3_bind_text (stmt, 1, "Aurora Design Oy", -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, business_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 3, vat_id, -1, SQLITE_TRANSIENT);
  }
  sqlite3_bind_text (stmt, 4, "Bulevardi 12 A\n00120 Helsinki", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, "laskutus@aurora-design.example", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, "+358 9 4321 0000", -1, SQLITE_STATIC);
  /* Valid mod 97: FI21 1234 5600 0007 85. */
  sqlite3_bind_text (stmt, 7, "FI2112345600000785", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, "NDEAFIHH", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, gen->next_number);
  sqlite3_bind_int64 (stmt, 10, cash_scale (gen->spec) * DEMO_CASH_BUFFER);
  sqlite3_bind_int (stmt, 11, 1150);

  return check_sqlite (gen, store, sqlite3_step (stmt), error);
}

/* ---------------------------------------------------------------- */
/* Customers                                                         */
/* ---------------------------------------------------------------- */

static PaymentProfile
pick_profile (KassaDemoRng *rng)
{
  gint64 roll = kassa_demo_rng_range (rng, 0, 99);

  if (roll < 45)
    return PROFILE_PUNCTUAL;
  if (roll < 70)
    return PROFILE_A_BIT_LATE;
  if (roll < 85)
    return PROFILE_CHRONICALLY_LATE;
  return PROFILE_SLOW_BUT_PAYS;
}

static void
make_customer (Generator             *gen,
               DemoCustomer          *customer,
               KassaDemoCustomerText *text)
{
  KassaDemoRng *rng = &gen->rng;
  gint64 roll = kassa_demo_rng_range (rng, 0, 99);

  text->kind = KASSA_CUSTOMER_BUSINESS;
  text->delivery = KASSA_DELIVERY_EMAIL;

  if (roll < 62)
    kassa_demo_make_finnish_business (rng, text);
  else if (roll < 72)
    kassa_demo_make_foreign_business (rng, text, "SE");
  else if (roll < 77)
    kassa_demo_make_foreign_business (rng, text, "GB");
  else if (roll < 80)
    kassa_demo_make_foreign_business (rng, text, "CN");
  else
    kassa_demo_make_consumer (rng, text);

  customer->kind = text->kind;
  customer->language = text->language;
  customer->domestic = text->domestic;
  customer->delivery = text->delivery;

  if (customer->kind == KASSA_CUSTOMER_BUSINESS)
    {
      static const gint terms[] = { 14, 14, 30, 30, 7 };

      customer->terms = KASSA_DEMO_PICK (rng, terms);
      if (kassa_demo_rng_percent (rng, 20))
        text->credit_limit = kassa_demo_rng_range (rng, 5, 50) * 100000;
    }
  else
    {
      customer->terms = kassa_demo_rng_percent (rng, 80) ? 14 : 7;
    }

  customer->profile = pick_profile (rng);
}

static gboolean
insert_customer (Generator              *gen,
                 KassaStore             *store,
                 guint                   index,
                 KassaDemoCustomerText  *text,
                 GError                **error)
{
  sqlite3_stmt *stmt = gen->insert_customer;
  const DemoCustomer *customer = &gen->customers[index];
  g_autofree char *number = g_strdup_printf ("%u", 1001 + index);

#define BIND_TEXT(column, value) \
  sqlite3_bind_text (stmt, column, (value) ? (value) : "", -1, SQLITE_STATIC)

  sqlite3_bind_int64 (stmt, 1, index + 1);
  BIND_TEXT (2, number);
  BIND_TEXT (3, text->name);
  sqlite3_bind_int (stmt, 4, customer->kind);
  BIND_TEXT (5, text->business_id);
  BIND_TEXT (6, text->vat_id);
  BIND_TEXT (7, text->contact_person);
  BIND_TEXT (8, text->email);
  BIND_TEXT (9, text->phone);
  BIND_TEXT (10, text->address);
  BIND_TEXT (11, text->country);
  BIND_TEXT (12, customer->language);
  sqlite3_bind_int (stmt, 13, customer->terms);
  sqlite3_bind_int64 (stmt, 14, text->credit_limit);
  sqlite3_bind_int (stmt, 15, customer->delivery);
  BIND_TEXT (16, text->einvoice_address);

#undef BIND_TEXT

  return step_insert (gen, store, stmt, error);
}

/* Invoice volume per customer is skewed (a few big accounts, a long tail
 * of occasional buyers): weights from a power law, consumers smaller. */
static void
assign_weights (Generator *gen)
{
  double sum = 0;

  for (guint i = 0; i < gen->spec->n_customers; i++)
    {
      double weight = pow (1.0 - 0.95 * kassa_demo_rng_unit (&gen->rng), -1.5);

      if (gen->customers[i].kind == KASSA_CUSTOMER_CONSUMER)
        weight *= 0.2;
      sum += weight;
      gen->customer_weights[i] = sum;
    }
}

static void
assign_stopped_payers (Generator *gen)
{
  guint n_stopped = MAX (1, gen->spec->n_customers / 100);

  for (guint k = 0; k < n_stopped; k++)
    {
      guint index = (guint) kassa_demo_rng_range (&gen->rng, 0, gen->spec->n_customers - 1);
      DemoCustomer *customer = &gen->customers[index];

      customer->profile = PROFILE_STOPPED;
      customer->stopped_on = gen->spec->today
                             - (KassaDay) kassa_demo_rng_range (&gen->rng, 120, 300);
    }
}

/* A few domestic business customers bought at prices that hardly cover,
 * or do not cover, the cost (old contracts never repriced): the
 * unprofitable-customers list has something to show.  Only the unit cost
 * changes, so every total, payment and cash figure stays as it was; the
 * picks come from their own generator so that no other draw moves. */
static void
assign_low_margin_customers (Generator *gen)
{
  static const gint cost_percents[] = { 96, 103, 110, 92 };
  KassaDemoRng rng = { gen->spec->seed ^ G_GUINT64_CONSTANT (0x10e3a5c1) };
  guint n_customers = gen->spec->n_customers;
  guint assigned = 0;

  for (guint tries = 0;
       tries < 20 * n_customers && assigned < G_N_ELEMENTS (cost_percents);
       tries++)
    {
      DemoCustomer *customer = &gen->customers[kassa_demo_rng_range (&rng, 0, n_customers - 1)];

      if (customer->kind != KASSA_CUSTOMER_BUSINESS || !customer->domestic
          || customer->profile == PROFILE_STOPPED || customer->cost_percent != 0)
        continue;
      customer->cost_percent = cost_percents[assigned++];
    }
}

static gboolean
insert_customers (Generator  *gen,
                  KassaStore *store,
                  GError    **error)
{
  for (guint i = 0; i < gen->spec->n_customers; i++)
    {
      KassaDemoCustomerText text = { 0 };
      gboolean ok;

      make_customer (gen, &gen->customers[i], &text);
      ok = insert_customer (gen, store, i, &text, error);
      kassa_demo_customer_text_clear (&text);
      if (!ok)
        return FALSE;
    }

  assign_weights (gen);
  assign_stopped_payers (gen);
  assign_low_margin_customers (gen);
  return TRUE;
}

/* ---------------------------------------------------------------- */
/* Invoices                                                          */
/* ---------------------------------------------------------------- */

/* Relative invoicing activity per month: busy spring and autumn, quiet
 * July (Finnish summer holidays) and December. */
static const double month_activity[12] = {
  0.9, 1.0, 1.25, 1.3, 1.2, 0.9, 0.45, 0.8, 1.3, 1.35, 1.25, 0.8,
};

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  KassaDay x = *(const KassaDay *) a, y = *(const KassaDay *) b;

  return (x > y) - (x < y);
}

static KassaDay
pick_issue_date (Generator *gen,
                 KassaDay   first,
                 KassaDay   span)
{
  for (;;)
    {
      KassaDay day = first + (KassaDay) kassa_demo_rng_range (&gen->rng, 0, span - 1);
      int year, month, mday;
      double activity;

      kassa_day_to_ymd (day, &year, &month, &mday);
      activity = month_activity[month - 1];
      /* Day 1 (0001-01-01) is a Monday: (day − 1) % 7 ≥ 5 is a weekend. */
      if ((day - 1) % 7 >= 5)
        activity *= 0.08;
      if (kassa_demo_rng_unit (&gen->rng) * 1.35 < activity)
        return day;
    }
}

static void
make_issue_dates (Generator *gen)
{
  KassaDay span = (KassaDay) MAX (gen->spec->years, 1) * 365;
  KassaDay first = gen->spec->today - span + 1;

  for (guint i = 0; i < gen->n_regular; i++)
    gen->dates[i] = pick_issue_date (gen, first, span);

  qsort (gen->dates, gen->n_regular, sizeof (KassaDay), compare_days);
}

static guint
pick_customer (Generator *gen)
{
  guint n = gen->spec->n_customers;
  double target = kassa_demo_rng_unit (&gen->rng) * gen->customer_weights[n - 1];
  guint low = 0, high = n - 1;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (gen->customer_weights[mid] <= target)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

static int
compare_numbered (gconstpointer a,
                  gconstpointer b)
{
  const Numbered *x = a, *y = b;

  if (x->date != y->date)
    return (x->date > y->date) - (x->date < y->date);
  if (x->is_credit_note != y->is_credit_note)
    return x->is_credit_note ? 1 : -1;
  return (x->regular > y->regular) - (x->regular < y->regular);
}

/* Credit notes: a handful of invoices are credited in full 3–30 days after
 * they were issued; the credit note is numbered in date order with the
 * invoices. */
static Numbered *
make_numbering (Generator *gen,
                guint     *n_numbered)
{
  guint n = gen->n_regular + gen->n_credit_notes;
  Numbered *numbered = g_new0 (Numbered, n);
  Numbered *credits = numbered + gen->n_regular;
  guint k = 0;

  for (guint c = 0; c < gen->n_credit_notes; c++)
    {
      guint r;

      do
        r = (guint) kassa_demo_rng_range (&gen->rng, 0, gen->n_regular - 1);
      while (gen->credit_note_of[r] != 0 || gen->dates[r] > gen->spec->today - 3);

      gen->credit_note_of[r] = 1;
      credits[c].date = MIN (gen->spec->today,
                             gen->dates[r] + (KassaDay) kassa_demo_rng_range (&gen->rng, 3, 30));
      credits[c].regular = r;
      credits[c].is_credit_note = TRUE;
    }

  for (guint r = 0; r < gen->n_regular; r++, k++)
    numbered[k] = (Numbered) { gen->dates[r], r, FALSE };

  /* Ordering by (date, kind) puts each credit note after its invoice
   * (it is dated at least three days later anyway). */
  qsort (numbered, n, sizeof (Numbered), compare_numbered);
  *n_numbered = n;
  return numbered;
}

/* 1–5 lines, about 2.5 on average. */
static guint
make_lines (KassaDemoRng       *rng,
            const DemoCustomer *customer,
            DemoLine           *lines)
{
  static const gint discounts[] = { 500, 1000, 1500 };
  gint64 roll = kassa_demo_rng_range (rng, 0, 99);
  guint n = roll < 25 ? 1 : roll < 55 ? 2 : roll < 75 ? 3 : roll < 90 ? 4 : 5;

  for (guint i = 0; i < n; i++)
    {
      const KassaDemoCatalogItem *item = kassa_demo_pick_catalog_item (rng);
      DemoLine *line = &lines[i];
      gint64 price = item->price * kassa_demo_rng_range (rng, 90, 115) / 100;

      line->description = kassa_demo_catalog_item_description (item, customer->language);
      line->quantity = item->max_quantity == 0
        ? kassa_demo_rng_range (rng, 1, 80) * 500  /* 0.5 … 40 hours */
        : kassa_demo_rng_range (rng, 1, item->max_quantity) * 1000;
      line->unit_price = (price + 25) / 50 * 50;  /* to 50 cents */
      line->unit_cost = line->unit_price * (customer->cost_percent != 0
                                            ? customer->cost_percent : item->cost_percent) / 100;
      line->vat_rate = customer->domestic ? item->vat : 0;
      line->discount = kassa_demo_rng_percent (rng, 8) ? KASSA_DEMO_PICK (rng, discounts) : 0;
    }

  return n;
}

/* Totals exactly as the store computes them: line nets rounded once, VAT
 * per rate on the sum of the nets of that rate (kassa-vat.c). */
static void
lines_totals (const DemoLine *lines,
              guint           n_lines,
              gint64          sign,
              gint64         *net,
              gint64         *vat,
              gint64         *gross)
{
  g_autoptr(KassaVatSummary) summary = kassa_vat_summary_new ();

  for (guint i = 0; i < n_lines; i++)
    kassa_vat_summary_add_line (summary, lines[i].vat_rate,
                                kassa_line_net (sign * lines[i].quantity,
                                                lines[i].unit_price, lines[i].discount));

  *net = kassa_vat_summary_get_net (summary);
  *vat = kassa_vat_summary_get_vat (summary);
  *gross = kassa_vat_summary_get_gross (summary);
}

/* Σ line costs with the store's rule (kassa_invoice_line_get_cost). */
static gint64
lines_cost (const DemoLine *lines,
            guint           n_lines,
            gint64          sign)
{
  gint64 cost = 0;

  for (guint i = 0; i < n_lines; i++)
    cost += kassa_round_div (sign * lines[i].quantity * lines[i].unit_cost, 1000);

  return cost;
}

typedef struct
{
  gint64             id;
  gint64             number;        /* 0 for drafts */
  guint              customer;
  KassaDay           issue_date;
  KassaDay           due_date;
  KassaInvoiceState  state;
  gboolean           disputed;
  gint64             credited_invoice_id;
  const char        *notes;
  gint64             paid;          /* Σ of the payments inserted after it */
  gint64             sign;          /* −1 for credit notes */
  DemoLine           lines[MAX_LINES];
  guint              n_lines;
} DemoInvoice;

static gboolean
insert_invoice (Generator         *gen,
                KassaStore        *store,
                const DemoInvoice *invoice,
                GError           **error)
{
  sqlite3_stmt *stmt = gen->insert_invoice;
  const DemoCustomer *customer = &gen->customers[invoice->customer];
  gint64 net, vat, gross;

  lines_totals (invoice->lines, invoice->n_lines, invoice->sign, &net, &vat, &gross);

  sqlite3_bind_int64 (stmt, 1, invoice->id);
  if (invoice->number != 0)
    {
      g_autofree char *reference = kassa_reference_fi_from_number (invoice->number);

      sqlite3_bind_int64 (stmt, 2, invoice->number);
      sqlite3_bind_text (stmt, 8, reference, -1, SQLITE_TRANSIENT);
    }
  else
    {
      sqlite3_bind_null (stmt, 2);
      sqlite3_bind_null (stmt, 8);
    }
  sqlite3_bind_int64 (stmt, 3, invoice->customer + 1);
  sqlite3_bind_int (stmt, 4, invoice->issue_date);
  sqlite3_bind_int (stmt, 5, invoice->due_date);
  sqlite3_bind_int (stmt, 6, invoice->state);
  sqlite3_bind_int (stmt, 7, customer->delivery);
  sqlite3_bind_int (stmt, 9, invoice->disputed);
  if (invoice->credited_invoice_id != 0)
    sqlite3_bind_int64 (stmt, 10, invoice->credited_invoice_id);
  else
    sqlite3_bind_null (stmt, 10);
  sqlite3_bind_text (stmt, 11, invoice->notes ? invoice->notes : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 12, net);
  sqlite3_bind_int64 (stmt, 13, vat);
  sqlite3_bind_int64 (stmt, 14, gross);
  sqlite3_bind_int64 (stmt, 15, invoice->paid);
  sqlite3_bind_int64 (stmt, 16, lines_cost (invoice->lines, invoice->n_lines, invoice->sign));

  if (!step_insert (gen, store, stmt, error))
    return FALSE;

  for (guint i = 0; i < invoice->n_lines; i++)
    {
      const DemoLine *line = &invoice->lines[i];

      stmt = gen->insert_line;
      sqlite3_bind_int64 (stmt, 1, invoice->id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, line->description, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, invoice->sign * line->quantity);
      sqlite3_bind_int64 (stmt, 5, line->unit_price);
      sqlite3_bind_int64 (stmt, 6, line->unit_cost);
      sqlite3_bind_int (stmt, 7, line->vat_rate);
      sqlite3_bind_int (stmt, 8, line->discount);
      if (!step_insert (gen, store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  KassaDay date;
  gint64   amount;
} DemoPayment;

/* Only what has happened by today is recorded. */
static guint
add_planned_payment (const Generator *gen,
                     DemoPayment     *payments,
                     guint            n,
                     KassaDay         date,
                     gint64           amount)
{
  if (date > gen->spec->today || amount == 0)
    return n;

  payments[n].date = date;
  payments[n].amount = amount;
  return n + 1;
}

static gboolean
insert_payments (Generator         *gen,
                 KassaStore        *store,
                 gint64             invoice_id,
                 const DemoPayment *payments,
                 guint              n_payments,
                 GError           **error)
{
  sqlite3_stmt *stmt = gen->insert_payment;

  for (guint i = 0; i < n_payments; i++)
    {
      sqlite3_bind_int64 (stmt, 1, invoice_id);
      sqlite3_bind_int (stmt, 2, payments[i].date);
      sqlite3_bind_int64 (stmt, 3, payments[i].amount);
      if (!step_insert (gen, store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Days after the due date the customer pays, by profile; negative days
 * are early payments.  Returns FALSE when the invoice is never paid. */
static gboolean
days_late (KassaDemoRng       *rng,
           const DemoCustomer *customer,
           KassaDay            issue_date,
           gint               *late)
{
  switch (customer->profile)
    {
    case PROFILE_PUNCTUAL:
      *late = (gint) kassa_demo_rng_range (rng, -6, 2);
      return TRUE;
    case PROFILE_A_BIT_LATE:
      *late = (gint) kassa_demo_rng_range (rng, -2, 14);
      return TRUE;
    case PROFILE_CHRONICALLY_LATE:
      *late = (gint) kassa_demo_rng_range (rng, 7, 60);
      return TRUE;
    case PROFILE_SLOW_BUT_PAYS:
      *late = (gint) kassa_demo_rng_range (rng, 20, 120);
      return TRUE;
    case PROFILE_STOPPED:
    default:
      *late = (gint) kassa_demo_rng_range (rng, 0, 20);
      return issue_date < customer->stopped_on - 30;
    }
}

/* The payments of an invoice (at most two) by its customer's profile. */
static guint
plan_payments (const Generator   *gen,
               KassaDemoRng      *rng,
               const DemoInvoice *invoice,
               gint64             total,
               DemoPayment       *payments)
{
  const DemoCustomer *customer = &gen->customers[invoice->customer];
  KassaDay date;
  gint late;

  if (invoice->disputed)
    {
      /* Disputes of the last half year are unresolved; older ones were
       * settled in full, late. */
      if (invoice->issue_date > gen->spec->today - 180)
        return 0;
      return add_planned_payment (gen, payments, 0,
                                  invoice->due_date
                                  + (KassaDay) kassa_demo_rng_range (rng, 45, 120),
                                  total);
    }

  if (!days_late (rng, customer, invoice->issue_date, &late))
    return 0;

  date = MAX (invoice->issue_date, invoice->due_date + late);

  /* About one in ten is paid in two parts, the rest weeks later. */
  if (kassa_demo_rng_percent (rng, 10) && total >= 200)
    {
      gint64 first = total * kassa_demo_rng_range (rng, 30, 70) / 100 / 100 * 100;
      KassaDay rest_date = date + (KassaDay) kassa_demo_rng_range (rng, 14, 75);
      guint n;

      first = CLAMP (first, 1, total - 1);
      n = add_planned_payment (gen, payments, 0, date, first);
      return n == 0 ? 0 : add_planned_payment (gen, payments, n, rest_date, total - first);
    }

  return add_planned_payment (gen, payments, 0, date, total);
}

static const char *
pick_notes (KassaDemoRng       *rng,
            const DemoCustomer *customer,
            char               *buffer,
            gsize               size)
{
  if (customer->kind != KASSA_CUSTOMER_BUSINESS || !kassa_demo_rng_percent (rng, 10))
    return "";

  /* Purchase order numbers: something users search for. */
  g_snprintf (buffer, size, "PO %" G_GINT64_FORMAT,
              kassa_demo_rng_range (rng, 4500000000, 4599999999));
  return buffer;
}

static gboolean
insert_regular (Generator  *gen,
                KassaStore *store,
                gint64      id,
                gint64      number,
                guint       r,
                GError    **error)
{
  KassaDemoRng rng = rng_for_invoice (gen->spec, r);
  DemoInvoice invoice = { 0 };
  const DemoCustomer *customer = &gen->customers[gen->invoice_customer[r]];
  char notes[32];
  DemoPayment payments[2];
  guint n_payments = 0;
  gint64 net, vat, total;

  invoice.id = id;
  invoice.number = number;
  invoice.customer = gen->invoice_customer[r];
  invoice.issue_date = gen->dates[r];
  invoice.due_date = gen->dates[r] + customer->terms;
  invoice.sign = 1;
  invoice.n_lines = make_lines (&rng, customer, invoice.lines);
  invoice.state = gen->credit_note_of[r] ? KASSA_INVOICE_STATE_CREDITED : KASSA_INVOICE_STATE_SENT;
  invoice.disputed = kassa_demo_rng_percent (&rng, 1);
  invoice.notes = pick_notes (&rng, customer, notes, sizeof notes);
  gen->regular_id[r] = id;

  /* Credited invoices were credited before anything was paid. */
  if (invoice.state != KASSA_INVOICE_STATE_CREDITED)
    {
      lines_totals (invoice.lines, invoice.n_lines, 1, &net, &vat, &total);
      n_payments = plan_payments (gen, &rng, &invoice, total, payments);
      for (guint i = 0; i < n_payments; i++)
        invoice.paid += payments[i].amount;
    }

  return insert_invoice (gen, store, &invoice, error)
         && insert_payments (gen, store, id, payments, n_payments, error);
}

static gboolean
insert_credit_note (Generator      *gen,
                    KassaStore     *store,
                    gint64          id,
                    gint64          number,
                    const Numbered *numbered,
                    GError        **error)
{
  guint r = numbered->regular;
  KassaDemoRng rng = rng_for_invoice (gen->spec, r);
  DemoInvoice invoice = { 0 };

  /* Same generator as the original: the same lines, negated. */
  invoice.id = id;
  invoice.number = number;
  invoice.customer = gen->invoice_customer[r];
  invoice.issue_date = numbered->date;
  invoice.due_date = numbered->date;
  invoice.state = KASSA_INVOICE_STATE_SENT;
  invoice.credited_invoice_id = gen->regular_id[r];
  invoice.sign = -1;
  invoice.n_lines = make_lines (&rng, &gen->customers[invoice.customer], invoice.lines);

  return insert_invoice (gen, store, &invoice, error);
}

static gboolean
insert_drafts (Generator  *gen,
               KassaStore *store,
               gint64      first_id,
               GError    **error)
{
  for (guint k = 0; k < gen->n_drafts; k++)
    {
      KassaDemoRng rng = rng_for_invoice (gen->spec, gen->n_regular + k);
      DemoInvoice invoice = { 0 };

      invoice.id = first_id + k;
      invoice.customer = pick_customer (gen);
      invoice.issue_date = gen->spec->today - (KassaDay) kassa_demo_rng_range (&rng, 0, 5);
      invoice.due_date = invoice.issue_date + gen->customers[invoice.customer].terms;
      invoice.state = KASSA_INVOICE_STATE_DRAFT;
      invoice.sign = 1;
      invoice.n_lines = make_lines (&rng, &gen->customers[invoice.customer], invoice.lines);

      if (!insert_invoice (gen, store, &invoice, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_invoices (Generator  *gen,
                 KassaStore *store,
                 GError    **error)
{
  g_autofree Numbered *numbered = NULL;
  guint n_numbered;

  make_issue_dates (gen);
  for (guint r = 0; r < gen->n_regular; r++)
    gen->invoice_customer[r] = pick_customer (gen);
  numbered = make_numbering (gen, &n_numbered);

  for (guint k = 0; k < n_numbered; k++)
    {
      gint64 id = k + 1;
      gint64 number = FIRST_NUMBER + k;
      gboolean ok = numbered[k].is_credit_note
        ? insert_credit_note (gen, store, id, number, &numbered[k], error)
        : insert_regular (gen, store, id, number, numbered[k].regular, error);

      if (!ok)
        return FALSE;
    }

  return insert_drafts (gen, store, n_numbered + 1, error);
}

/* ---------------------------------------------------------------- */
/* Driver                                                            */
/* ---------------------------------------------------------------- */

static gboolean
prepare (Generator     *gen,
         KassaStore    *store,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  return check_sqlite (gen, store, sqlite3_prepare_v2 (gen->db, sql, -1, stmt, NULL), error);
}

static gboolean
prepare_statements (Generator  *gen,
                    KassaStore *store,
                    GError    **error)
{
  return prepare (gen, store,
                  "INSERT INTO customers (id, number, name, kind, business_id, vat_id,"
                  " contact_person, email, phone, address, country, document_language,"
                  " payment_terms_days, credit_limit, delivery, einvoice_address)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                  &gen->insert_customer, error)
         && prepare (gen, store,
                     "INSERT INTO invoices (id, number, customer_id, issue_date, due_date,"
                     " currency, state, reference, delivery, disputed, credited_invoice_id, notes,"
                     " total_net, total_vat, total, paid, total_cost)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, 'EUR', ?6, ?8, ?7, ?9, ?10, ?11, ?12, ?13, ?14,"
                     " ?15, ?16)",
                     &gen->insert_invoice, error)
         && prepare (gen, store,
                     "INSERT INTO invoice_lines (invoice_id, position, description, quantity,"
                     " unit_price, unit_cost, vat_rate, discount)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                     &gen->insert_line, error)
         && prepare (gen, store,
                     "INSERT INTO payments (invoice_id, date, amount, method)"
                     " VALUES (?1, ?2, ?3, 'bank transfer')",
                     &gen->insert_payment, error);
}

/* Insert triggers set aside during generation: the FTS ones (the table is
 * rebuilt at the end) and the payment one (the generator writes
 * invoices.paid itself, as the sum of the payments it inserts). */
static const char *bulk_triggers[][2] = {
  /* trigger, FTS table to rebuild or NULL */
  { "customers_fts_insert", "customers_fts" },
  { "invoices_fts_insert", "invoices_fts" },
  { "payments_paid_insert", NULL },
};

static gboolean
exec_sql (Generator   *gen,
          KassaStore  *store,
          const char  *sql,
          GError     **error)
{
  return check_sqlite (gen, store, sqlite3_exec (gen->db, sql, NULL, NULL, NULL), error);
}

/* Reads the CREATE TRIGGER text of each trigger, then drops it. */
static gboolean
drop_triggers (Generator  *gen,
                   KassaStore *store,
                   char      **saved,
                   GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (bulk_triggers); i++)
    {
      g_autoptr(KassaStoreStatement) stmt = NULL;
      g_autofree char *drop = NULL;

      stmt = kassa_store_prepare (store, "SELECT sql FROM sqlite_master"
                                         " WHERE type = 'trigger' AND name = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, bulk_triggers[i][0], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          /* A schema without the trigger: nothing to drop or restore. */
          continue;
        }
      saved[i] = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

      /* Identifiers cannot be bound; these are our own constants. */
      drop = g_strdup_printf ("DROP TRIGGER %s", bulk_triggers[i][0]);
      if (!exec_sql (gen, store, drop, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
restore_triggers (Generator  *gen,
             KassaStore *store,
             char      **saved,
             GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (bulk_triggers); i++)
    {
      g_autofree char *rebuild = NULL;

      if (saved[i] == NULL)
        continue;

      if (bulk_triggers[i][1] != NULL)
        {
          rebuild = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('rebuild')",
                                     bulk_triggers[i][1], bulk_triggers[i][1]);
          if (!exec_sql (gen, store, rebuild, error))
            return FALSE;
        }
      if (!exec_sql (gen, store, saved[i], error))
        return FALSE;
    }

  return TRUE;
}

/* ---------------------------------------------------------------- */
/* Cash flow                                                         */
/* ---------------------------------------------------------------- */

/* The demo company sells about 5.3 M€ a year (gross), collects about
 * 470 k€ a month and has about 700 k€ open.  Its costs are set so that the
 * base forecast dips towards the 150 000 € buffer after the salaries at the
 * end of the month, while the pessimistic scenario (sales −15 %, customers
 * 10 days later, costs +5 %) falls below it: salaries and taxes of a design
 * agency with about 25 people, goods bought weekly (about 43 % of sales),
 * a loan, a yearly insurance premium, an equipment purchase in two months
 * and a grant before it. */

/* The last day of the latest 31-day month ending before day: monthly items
 * anchored there fall on every month's last day. */
static KassaDay
last_long_month_end_before (KassaDay day)
{
  KassaDay end = kassa_day_start_of_month (day) - 1;
  int year, month, mday;

  for (kassa_day_to_ymd (end, &year, &month, &mday); mday != 31;
       kassa_day_to_ymd (end, &year, &month, &mday))
    end = kassa_day_start_of_month (end) - 1;

  return end;
}

/* Day 1 (0001-01-01) is a Monday. */
static KassaDay
friday_on_or_before (KassaDay day)
{
  return day - ((day - 1 - 4 + 7) % 7);
}

/* The balance days of the demo accounts: today − 3 days for the latest
 * (months_back 0), or the ends of the months before it (months_back ≥ 1). */
typedef struct
{
  guint  months_back;
  gint64 balance;       /* cents, before scaling */
} DemoBalance;

static KassaDay
demo_balance_day (KassaDay today,
                  guint    months_back)
{
  KassaDay latest = today - 3;

  if (months_back == 0)
    return latest;

  return kassa_day_add_months (kassa_day_start_of_month (latest), 1 - (int) months_back) - 1;
}

static gboolean
insert_demo_account (KassaStore           *store,
                     const char           *name,
                     KassaCashAccountKind  kind,
                     const char           *iban,
                     const DemoBalance    *balances,
                     guint                 n_balances,
                     gint64                scale,
                     KassaDay              today,
                     GError              **error)
{
  g_autoptr(KassaCashAccount) account = kassa_cash_account_new ();

  g_free (account->name);
  account->name = g_strdup (name);
  account->kind = kind;
  g_free (account->iban);
  account->iban = g_strdup (iban);
  if (!kassa_store_save_cash_account (store, account, error))
    return FALSE;

  for (guint i = 0; i < n_balances; i++)
    {
      if (!kassa_store_set_cash_balance (store, account->id,
                                         demo_balance_day (today, balances[i].months_back),
                                         balances[i].balance * scale, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_demo_accounts (Generator  *gen,
                      KassaStore *store,
                      GError    **error)
{
  /* Month ends show the dip after the salaries; the latest entry is three
   * days old. */
  static const DemoBalance bank[] = {
    { 3, 21234055 }, { 2, 24891020 }, { 1, 19648075 }, { 0, 23127540 },
  };
  static const DemoBalance petty[] = { { 2, 185000 }, { 0, 142030 } };
  KassaDay today = gen->spec->today;

  /* The company's own IBAN (insert_company). */
  return insert_demo_account (store, "Operating account", KASSA_CASH_ACCOUNT_BANK,
                              "FI21 1234 5600 0007 85", bank, G_N_ELEMENTS (bank),
                              cash_scale (gen->spec), today, error)
         && insert_demo_account (store, "Petty cash", KASSA_CASH_ACCOUNT_CASH, "", petty,
                                 G_N_ELEMENTS (petty), 1, today, error);
}

typedef struct
{
  const char        *name;
  KassaCashCategory  category;
  gint64             amount;       /* cents, before scaling */
  KassaRecurrence    recurrence;
  const char        *notes;
} DemoItem;

enum
{
  ITEM_RENT,
  ITEM_SALARIES,
  ITEM_TAXES,
  ITEM_LOAN,
  ITEM_INSURANCE,
  ITEM_SUPPLIERS,
  ITEM_EQUIPMENT,
  ITEM_GRANT,
  N_DEMO_ITEMS,
};

static const DemoItem demo_items[N_DEMO_ITEMS] = {
  [ITEM_RENT] = { "Office rent", KASSA_CATEGORY_RENT, 1200000, KASSA_SCHEDULE_MONTHLY,
                  "Bulevardi 12 A, due on the 1st" },
  [ITEM_SALARIES] = { "Salaries", KASSA_CATEGORY_SALARIES, 12500000, KASSA_SCHEDULE_MONTHLY,
                      "Net salaries, paid on the last day of the month" },
  [ITEM_TAXES] = { "VAT and employer taxes", KASSA_CATEGORY_TAXES, 9200000,
                   KASSA_SCHEDULE_MONTHLY, "OmaVero, due on the 12th" },
  [ITEM_LOAN] = { "Bank loan instalment", KASSA_CATEGORY_LOAN, 3000000,
                  KASSA_SCHEDULE_QUARTERLY, "Investment loan, ends in three years" },
  [ITEM_INSURANCE] = { "Business insurance", KASSA_CATEGORY_OTHER_OUT, 1800000,
                       KASSA_SCHEDULE_YEARLY, "" },
  [ITEM_SUPPLIERS] = { "Printing and materials", KASSA_CATEGORY_SUPPLIERS, 2200000,
                       KASSA_SCHEDULE_WEEKLY, "Paid every Friday" },
  [ITEM_EQUIPMENT] = { "Large-format printer", KASSA_CATEGORY_OTHER_OUT, 15000000,
                       KASSA_SCHEDULE_ONCE, "Replacement for the old printer" },
  [ITEM_GRANT] = { "Business Finland grant", KASSA_CATEGORY_OTHER_IN, 4000000,
                   KASSA_SCHEDULE_ONCE, "Development grant, second instalment" },
};

/* First occurrences relative to today: recurring items started in the
 * past, the one-off ones lie ahead. */
static void
demo_item_dates (KassaDay  today,
                 KassaDay *start,
                 KassaDay *end)
{
  KassaDay month = kassa_day_start_of_month (today);

  memset (end, 0, N_DEMO_ITEMS * sizeof *end);
  start[ITEM_RENT] = kassa_day_add_months (month, -12);
  start[ITEM_SALARIES] = last_long_month_end_before (today);
  start[ITEM_TAXES] = kassa_day_add_months (month, -12) + 11;
  start[ITEM_LOAN] = kassa_day_add_months (month, -2) + 14;
  end[ITEM_LOAN] = kassa_day_add_months (month, 36);
  start[ITEM_INSURANCE] = kassa_day_add_months (month, -10) + 14;
  start[ITEM_SUPPLIERS] = friday_on_or_before (today - 56);
  start[ITEM_EQUIPMENT] = kassa_day_add_months (month, 2) + 19;
  start[ITEM_GRANT] = kassa_day_add_months (month, 1) + 17;
}

static gboolean
insert_demo_items (Generator  *gen,
                   KassaStore *store,
                   GError    **error)
{
  KassaDay start[N_DEMO_ITEMS];
  KassaDay end[N_DEMO_ITEMS];
  gint64 scale = cash_scale (gen->spec);

  demo_item_dates (gen->spec->today, start, end);
  for (guint i = 0; i < N_DEMO_ITEMS; i++)
    {
      g_autoptr(KassaScheduledItem) item = kassa_scheduled_item_new ();

      g_free (item->name);
      item->name = g_strdup (demo_items[i].name);
      item->category = demo_items[i].category;
      item->inflow = demo_items[i].category == KASSA_CATEGORY_OTHER_IN;
      item->amount = demo_items[i].amount * scale;
      item->recurrence = demo_items[i].recurrence;
      item->start_date = start[i];
      item->end_date = end[i];
      g_free (item->notes);
      item->notes = g_strdup (demo_items[i].notes);
      if (!kassa_store_save_scheduled_item (store, item, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_demo_scenario (KassaStore *store,
                      const char *name,
                      gint        sales_change_bp,
                      gint        payment_delay_days,
                      gint        cost_change_bp,
                      GError    **error)
{
  g_autoptr(KassaScenario) scenario = kassa_scenario_new ();

  g_free (scenario->name);
  scenario->name = g_strdup (name);
  scenario->sales_change_bp = sales_change_bp;
  scenario->payment_delay_days = payment_delay_days;
  scenario->cost_change_bp = cost_change_bp;
  return kassa_store_save_scenario (store, scenario, error);
}

/* Through the store API: a handful of rows, validated like the user's. */
static gboolean
insert_cash_flow (Generator  *gen,
                  KassaStore *store,
                  GError    **error)
{
  return insert_demo_accounts (gen, store, error)
         && insert_demo_items (gen, store, error)
         && insert_demo_scenario (store, "Pessimistic", -1500, 10, 500, error)
         && insert_demo_scenario (store, "Optimistic", 1000, -5, 0, error);
}

/* Consents, campaigns and NPS answers: for the demo company only.  Over
 * the benchmark's ten thousand customers they would only slow the
 * generation it measures. */
static gboolean
insert_relationship (Generator  *gen,
                     KassaStore *store,
                     GError    **error)
{
  if (gen->spec->n_customers > DEMO_RELATIONSHIP_MAX_CUSTOMERS)
    return TRUE;

  return kassa_demo_add_relationship (store, gen->spec, error);
}

static gboolean
generate_in_transaction (KassaStore *store,
                         gpointer    user_data,
                         GError    **error)
{
  Generator *gen = user_data;
  char *saved[G_N_ELEMENTS (bulk_triggers)] = { NULL };
  gboolean ok;

  ok = prepare_statements (gen, store, error)
       && drop_triggers (gen, store, saved, error)
       && insert_company (gen, store, error)
       && insert_customers (gen, store, error)
       && insert_invoices (gen, store, error)
       && insert_cash_flow (gen, store, error)
       && restore_triggers (gen, store, saved, error)
       && insert_relationship (gen, store, error);

  /* Announced inside the transaction, so that it is one emission together
   * with the cash-flow changes of the store calls above, and none when
   * the transaction rolls back. */
  if (ok)
    kassa_store_emit_changed (store, KASSA_STORE_CHANGE_COMPANY | KASSA_STORE_CHANGE_CUSTOMERS
                              | KASSA_STORE_CHANGE_INVOICES | KASSA_STORE_CHANGE_PAYMENTS);

  for (guint i = 0; i < G_N_ELEMENTS (saved); i++)
    g_free (saved[i]);

  return ok;
}

static void
generator_clear (Generator *gen)
{
  sqlite3_finalize (gen->insert_customer);
  sqlite3_finalize (gen->insert_invoice);
  sqlite3_finalize (gen->insert_line);
  sqlite3_finalize (gen->insert_payment);
  g_free (gen->customers);
  g_free (gen->customer_weights);
  g_free (gen->dates);
  g_free (gen->invoice_customer);
  g_free (gen->credit_note_of);
  g_free (gen->regular_id);
}

static void
generator_init (Generator           *gen,
                const KassaDemoSpec *spec,
                sqlite3             *db)
{
  guint n = spec->n_invoices;

  memset (gen, 0, sizeof *gen);
  gen->spec = spec;
  gen->db = db;
  gen->rng.state = spec->seed;
  gen->n_drafts = n >= 100 ? CLAMP (n / 1000, 3, 5) : 0;
  gen->n_credit_notes = n >= 100 ? MAX (n / 500, 2) : 0;
  gen->n_regular = n - gen->n_drafts - gen->n_credit_notes;
  gen->next_number = FIRST_NUMBER + gen->n_regular + gen->n_credit_notes;
  gen->customers = g_new0 (DemoCustomer, spec->n_customers);
  gen->customer_weights = g_new0 (double, spec->n_customers);
  gen->dates = g_new0 (KassaDay, MAX (gen->n_regular, 1));
  gen->invoice_customer = g_new0 (guint32, MAX (gen->n_regular, 1));
  gen->credit_note_of = g_new0 (gint64, MAX (gen->n_regular, 1));
  gen->regular_id = g_new0 (gint64, MAX (gen->n_regular, 1));
}

static gint64
pragma_get (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
pragma_set (sqlite3    *db,
            const char *name,
            gint64      value)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s = %" G_GINT64_FORMAT, name, value);

  /* Pragma values cannot be bound; value is a number we produced. */
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Cannot set %s: %s", name, sqlite3_errmsg (db));
}

void
kassa_demo_spec_init_demo (KassaDemoSpec *spec,
                           KassaDay       today)
{
  g_return_if_fail (spec != NULL);

  spec->n_customers = 200;
  spec->n_invoices = 3000;
  spec->years = 2;
  spec->seed = 20261124;
  spec->today = today;
}

/**
 * kassa_demo_generate:
 * @store: an empty company file
 * @spec: what to generate
 *
 * Writes a complete company (company details, customers, invoices with
 * lines, payments, credit notes and drafts, cash accounts with balances,
 * scheduled items and two scenarios; for a demo-sized company also
 * consents, key accounts, campaigns and NPS answers) in one transaction and emits
 * KassaStore::changed for everything.  The same spec always gives the same
 * rows.
 *
 * Returns: TRUE on success; on failure nothing is written
 */
gboolean
kassa_demo_generate (KassaStore          *store,
                     const KassaDemoSpec *spec,
                     GError             **error)
{
  sqlite3 *db;
  Generator gen;
  gint64 synchronous, cache_size, temp_store;
  gboolean ok;

  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (kassa_day_is_valid (spec->today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = kassa_store_get_db (store);
  if (kassa_store_has_company (store)
      || pragma_get (db, "SELECT EXISTS (SELECT 1 FROM customers)"))
    {
      g_set_error_literal (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID,
                           _("The company file already has data. Create a new company file for the demo company."));
      return FALSE;
    }
  if (spec->n_customers == 0 && spec->n_invoices > 0)
    {
      g_set_error_literal (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID,
                           _("Invoices need at least one customer."));
      return FALSE;
    }

  /* Bulk write: no fsync until the end (a crash leaves an empty company
   * at worst, as the whole company is one transaction), pages kept in
   * memory, and statement journals (every insert that fires triggers has
   * one) in memory rather than in a temporary file, which otherwise
   * writes about fifty times the size of the data; all restored
   * afterwards. */
  synchronous = pragma_get (db, "PRAGMA synchronous");
  cache_size = pragma_get (db, "PRAGMA cache_size");
  temp_store = pragma_get (db, "PRAGMA temp_store");
  pragma_set (db, "synchronous", 0);
  pragma_set (db, "cache_size", -131072);
  pragma_set (db, "temp_store", 2);

  generator_init (&gen, spec, db);
  ok = kassa_store_run_in_transaction (store, generate_in_transaction, &gen, error);
  generator_clear (&gen);

  pragma_set (db, "temp_store", temp_store);
  pragma_set (db, "cache_size", cache_size);
  pragma_set (db, "synchronous", synchronous);

  return ok;
}