/* kassa-store-schema.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The company file schema.  Conventions:
 * - dates are INTEGER day numbers (KassaDay: 1 = 0001-01-01), so that date
 *   arithmetic is integer arithmetic and date(day + 1721424.5) is ISO text;
 * - money is INTEGER minor units, quantities thousandths, rates basis points;
 * - invoices.total_net/total_vat/total and invoices.paid are caches kept by
 *   the store (totals, written with the lines in one transaction) and by
 *   triggers (paid, from payments), so that lists and figures over a million
 *   invoices need no aggregation.  Status is never stored: it is derived
 *   from state, total, paid and due_date.
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include "kassa-store-schema.h"

static const char schema_v1[] =
  "CREATE TABLE company ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL,"
  "  business_id TEXT NOT NULL DEFAULT '',"
  "  vat_id TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  iban TEXT NOT NULL DEFAULT '',"
  "  bic TEXT NOT NULL DEFAULT '',"
  "  currency TEXT NOT NULL DEFAULT 'EUR',"
  "  country TEXT NOT NULL DEFAULT 'FI',"
  "  document_language TEXT NOT NULL DEFAULT 'fi',"
  "  payment_terms_days INTEGER NOT NULL DEFAULT 14 CHECK (payment_terms_days BETWEEN 0 AND 365),"
  "  next_invoice_number INTEGER NOT NULL DEFAULT 1000 CHECK (next_invoice_number > 0),"
  "  minimum_cash_buffer INTEGER NOT NULL DEFAULT 0,"
  "  late_interest_bp INTEGER NOT NULL DEFAULT 0"
  ");"

  "CREATE TABLE customers ("
  "  id INTEGER PRIMARY KEY,"
  "  number TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  kind INTEGER NOT NULL DEFAULT 0,"
  "  business_id TEXT NOT NULL DEFAULT '',"
  "  vat_id TEXT NOT NULL DEFAULT '',"
  "  contact_person TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  country TEXT NOT NULL DEFAULT 'FI',"
  "  document_language TEXT NOT NULL DEFAULT 'fi',"
  "  payment_terms_days INTEGER NOT NULL DEFAULT 14 CHECK (payment_terms_days BETWEEN 0 AND 365),"
  "  credit_limit INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),"
  "  delivery INTEGER NOT NULL DEFAULT 0,"
  "  einvoice_address TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  archived INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX customers_name ON customers (name COLLATE NOCASE);"
  "CREATE INDEX customers_business_id ON customers (business_id) WHERE business_id <> '';"

  "CREATE TABLE invoices ("
  "  id INTEGER PRIMARY KEY,"
  "  number INTEGER UNIQUE,"                         /* NULL while draft */
  "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
  "  issue_date INTEGER NOT NULL,"
  "  due_date INTEGER NOT NULL CHECK (due_date >= issue_date),"
  "  currency TEXT NOT NULL,"
  "  state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),"
  "  reference TEXT,"
  "  delivery INTEGER NOT NULL DEFAULT 0,"
  "  disputed INTEGER NOT NULL DEFAULT 0,"
  "  credited_invoice_id INTEGER REFERENCES invoices (id),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  total_net INTEGER NOT NULL DEFAULT 0,"
  "  total_vat INTEGER NOT NULL DEFAULT 0,"
  "  total INTEGER NOT NULL DEFAULT 0,"
  "  paid INTEGER NOT NULL DEFAULT 0,"
  "  CHECK ((state = 0) = (number IS NULL))"
  ");"
  "CREATE INDEX invoices_customer ON invoices (customer_id, issue_date);"
  "CREATE INDEX invoices_issue_date ON invoices (issue_date);"
  "CREATE INDEX invoices_due_date ON invoices (due_date);"
  "CREATE INDEX invoices_credited ON invoices (credited_invoice_id) WHERE credited_invoice_id IS NOT NULL;"
  /* The open set is small next to a million paid invoices: a partial index
   * makes the Overview figures and the open/overdue filters cheap. */
  "CREATE INDEX invoices_open ON invoices (due_date, customer_id) WHERE state = 1 AND paid <> total;"
  "CREATE INDEX invoices_draft ON invoices (id) WHERE state = 0;"

  "CREATE TABLE invoice_lines ("
  "  id INTEGER PRIMARY KEY,"
  "  invoice_id INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  quantity INTEGER NOT NULL,"
  "  unit_price INTEGER NOT NULL,"
  "  unit_cost INTEGER NOT NULL DEFAULT 0,"
  "  vat_rate INTEGER NOT NULL CHECK (vat_rate BETWEEN 0 AND 10000),"
  "  discount INTEGER NOT NULL DEFAULT 0 CHECK (discount BETWEEN 0 AND 10000),"
  "  UNIQUE (invoice_id, position)"
  ");"

  "CREATE TABLE payments ("
  "  id INTEGER PRIMARY KEY,"
  "  invoice_id INTEGER NOT NULL REFERENCES invoices (id),"
  "  date INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL CHECK (amount <> 0),"
  "  method TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX payments_invoice ON payments (invoice_id, date);"
  "CREATE INDEX payments_date ON payments (date);"

  "CREATE TRIGGER payments_paid_insert AFTER INSERT ON payments BEGIN"
  "  UPDATE invoices SET paid = paid + NEW.amount WHERE id = NEW.invoice_id;"
  "END;"
  "CREATE TRIGGER payments_paid_delete AFTER DELETE ON payments BEGIN"
  "  UPDATE invoices SET paid = paid - OLD.amount WHERE id = OLD.invoice_id;"
  "END;"
  "CREATE TRIGGER payments_paid_update AFTER UPDATE OF amount, invoice_id ON payments BEGIN"
  "  UPDATE invoices SET paid = paid - OLD.amount WHERE id = OLD.invoice_id;"
  "  UPDATE invoices SET paid = paid + NEW.amount WHERE id = NEW.invoice_id;"
  "END;"

  /* Full-text search: contentless-delete is not in SQLite 3.40, so these
   * are external-content tables kept by triggers. */
  "CREATE VIRTUAL TABLE customers_fts USING fts5 ("
  "  number, name, business_id, email, contact_person,"
  "  content='customers', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');"
  "CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN"
  "  INSERT INTO customers_fts (rowid, number, name, business_id, email, contact_person)"
  "  VALUES (NEW.id, NEW.number, NEW.name, NEW.business_id, NEW.email, NEW.contact_person);"
  "END;"
  "CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN"
  "  INSERT INTO customers_fts (customers_fts, rowid, number, name, business_id, email, contact_person)"
  "  VALUES ('delete', OLD.id, OLD.number, OLD.name, OLD.business_id, OLD.email, OLD.contact_person);"
  "END;"
  "CREATE TRIGGER customers_fts_update AFTER UPDATE OF number, name, business_id, email, contact_person ON customers BEGIN"
  "  INSERT INTO customers_fts (customers_fts, rowid, number, name, business_id, email, contact_person)"
  "  VALUES ('delete', OLD.id, OLD.number, OLD.name, OLD.business_id, OLD.email, OLD.contact_person);"
  "  INSERT INTO customers_fts (rowid, number, name, business_id, email, contact_person)"
  "  VALUES (NEW.id, NEW.number, NEW.name, NEW.business_id, NEW.email, NEW.contact_person);"
  "END;"

  /* Invoices are searched by their own text (number, reference, notes);
   * customer-name matches go through customers_fts and invoices_customer,
   * so renaming a customer never rewrites the invoice index. */
  "CREATE VIRTUAL TABLE invoices_fts USING fts5 ("
  "  number, reference, notes,"
  "  content='invoices', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');"
  "CREATE TRIGGER invoices_fts_insert AFTER INSERT ON invoices BEGIN"
  "  INSERT INTO invoices_fts (rowid, number, reference, notes)"
  "  VALUES (NEW.id, NEW.number, NEW.reference, NEW.notes);"
  "END;"
  "CREATE TRIGGER invoices_fts_delete AFTER DELETE ON invoices BEGIN"
  "  INSERT INTO invoices_fts (invoices_fts, rowid, number, reference, notes)"
  "  VALUES ('delete', OLD.id, OLD.number, OLD.reference, OLD.notes);"
  "END;"
  "CREATE TRIGGER invoices_fts_update AFTER UPDATE OF number, reference, notes ON invoices BEGIN"
  "  INSERT INTO invoices_fts (invoices_fts, rowid, number, reference, notes)"
  "  VALUES ('delete', OLD.id, OLD.number, OLD.reference, OLD.notes);"
  "  INSERT INTO invoices_fts (rowid, number, reference, notes)"
  "  VALUES (NEW.id, NEW.number, NEW.reference, NEW.notes);"
  "END;"
  ;

/* Key/value settings of the company file (UI preferences that travel with
 * the data, e.g. the aging basis). */
static const char schema_v2[] =
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"
  ;

/* Invoice documents: an optional logo (PNG data), how the reference is
 * printed (0 = Finnish national reference in groups of five, 1 = RF
 * creditor reference), and the Swedish Bankgiro/Plusgiro numbers. */
static const char schema_v3[] =
  "ALTER TABLE company ADD COLUMN logo BLOB;"
  "ALTER TABLE company ADD COLUMN reference_style INTEGER NOT NULL DEFAULT 0"
  "  CHECK (reference_style IN (0, 1));"
  "ALTER TABLE company ADD COLUMN bankgiro TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE company ADD COLUMN plusgiro TEXT NOT NULL DEFAULT '';"
  ;

/* Receivables and collections: the collection log, the statutory reference
 * rates for late-payment interest (seeded with the published rates; the
 * user keeps the table current), and the invoices' disputed flag indexed
 * for the collection worklist.
 *
 * Seeded rates, in basis points, each valid for a half-year:
 *   FI (Suomen Pankki, korkolaki 12 §: the ECB main refinancing rate
 *      before the half-year, rounded up to the next half point):
 *      2022 H1 0, H2 0; 2023 H1 2.5 %, H2 4.0 %; 2024 H1 4.5 %, H2 4.5 %;
 *      2025 H1 3.5 %, H2 2.5 %; 2026 H1 2.5 %.
 *   SE (Riksbanken, räntelagen 9 §: the policy rate at the end of the
 *      previous half-year, rounded up to the next half point):
 *      2023 H1 2.5 %, H2 3.5 %; 2024 H1 4.0 %, H2 4.0 %; 2025 H1 2.5 %,
 *      H2 2.0 %; 2026 H1 2.0 %.
 * Dates are day numbers (2022-01-01 = 738156). */
static const char schema_v4[] =
  "CREATE TABLE collection_events ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
  "  invoice_id INTEGER REFERENCES invoices (id),"
  "  date INTEGER NOT NULL,"
  "  kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 5 OR kind BETWEEN 10 AND 15),"
  "  fee INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),"
  "  interest INTEGER NOT NULL DEFAULT 0 CHECK (interest >= 0),"
  "  due_by INTEGER,"
  "  author TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX collection_events_customer ON collection_events (customer_id, date);"
  "CREATE INDEX collection_events_invoice ON collection_events (invoice_id, date)"
  "  WHERE invoice_id IS NOT NULL;"

  "CREATE TABLE reference_rates ("
  "  country TEXT NOT NULL CHECK (length (country) = 2),"
  "  start_date INTEGER NOT NULL,"
  "  rate_bp INTEGER NOT NULL CHECK (rate_bp BETWEEN -1000 AND 5000),"
  "  PRIMARY KEY (country, start_date)"
  ") WITHOUT ROWID;"
  "INSERT INTO reference_rates (country, start_date, rate_bp) VALUES"
  "  ('FI', 738156, 0), ('FI', 738337, 0), ('FI', 738521, 250), ('FI', 738702, 400),"
  "  ('FI', 738886, 450), ('FI', 739068, 450), ('FI', 739252, 350), ('FI', 739433, 250),"
  "  ('FI', 739617, 250),"
  "  ('SE', 738521, 250), ('SE', 738702, 350), ('SE', 738886, 400), ('SE', 739068, 400),"
  "  ('SE', 739252, 250), ('SE', 739433, 200), ('SE', 739617, 200);"
  ;

/* Cash flow: cash accounts with the balances the user reads from the bank
 * (one per account and day, the end-of-day balance), scheduled inflows and
 * outflows, the user's forecast scenarios, and saved forecast snapshots
 * (the weekly figures of a forecast as made on created_on) for forecast vs
 * actual.
 * - cash_accounts.kind: 0 bank, 1 cash (KassaCashAccountKind); iban '' for
 *   cash.  Names are unique among accounts not archived (checked by the
 *   store, so that an archived account may share its old name).
 * - scheduled_items.category 0 … 6 (KassaCashCategory), recurrence 0 once,
 *   1 weekly, 2 monthly, 3 quarterly, 4 yearly (KassaRecurrence);
 *   end_date NULL = open-ended.  Amounts are positive; inflow says the
 *   direction.
 * - scenarios: ranges as in kassa-store-cashflow.h (sales and cost change
 *   −100 % … +100 % in basis points, payment delay −60 … 180 days); the
 *   base scenario is implicit and never stored. */
static const char schema_v5[] =
  "CREATE TABLE cash_accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  kind INTEGER NOT NULL DEFAULT 0 CHECK (kind IN (0, 1)),"
  "  iban TEXT NOT NULL DEFAULT '',"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))"
  ");"

  "CREATE TABLE cash_balances ("
  "  account_id INTEGER NOT NULL REFERENCES cash_accounts (id) ON DELETE CASCADE,"
  "  day INTEGER NOT NULL,"
  "  balance INTEGER NOT NULL,"
  "  PRIMARY KEY (account_id, day)"
  ") WITHOUT ROWID;"
  /* Balances of all accounts over a period (the actual cash line). */
  "CREATE INDEX cash_balances_day ON cash_balances (day);"

  "CREATE TABLE scheduled_items ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  category INTEGER NOT NULL CHECK (category BETWEEN 0 AND 6),"
  "  inflow INTEGER NOT NULL DEFAULT 0 CHECK (inflow IN (0, 1)),"
  "  amount INTEGER NOT NULL CHECK (amount > 0),"
  "  start_date INTEGER NOT NULL,"
  "  recurrence INTEGER NOT NULL DEFAULT 0 CHECK (recurrence BETWEEN 0 AND 4),"
  "  end_date INTEGER CHECK (end_date IS NULL OR end_date >= start_date),"
  "  notes TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX scheduled_items_start ON scheduled_items (start_date, name);"

  "CREATE TABLE scenarios ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (name <> ''),"
  "  sales_change_bp INTEGER NOT NULL DEFAULT 0"
  "    CHECK (sales_change_bp BETWEEN -10000 AND 10000),"
  "  payment_delay_days INTEGER NOT NULL DEFAULT 0"
  "    CHECK (payment_delay_days BETWEEN -60 AND 180),"
  "  cost_change_bp INTEGER NOT NULL DEFAULT 0"
  "    CHECK (cost_change_bp BETWEEN -10000 AND 10000)"
  ");"

  "CREATE TABLE forecast_snapshots ("
  "  id INTEGER PRIMARY KEY,"
  "  created_on INTEGER NOT NULL,"
  "  scenario_name TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX forecast_snapshots_created ON forecast_snapshots (created_on);"
  "CREATE TABLE forecast_snapshot_weeks ("
  "  snapshot_id INTEGER NOT NULL REFERENCES forecast_snapshots (id) ON DELETE CASCADE,"
  "  week_start INTEGER NOT NULL,"
  "  receipts INTEGER NOT NULL,"
  "  outflows INTEGER NOT NULL,"
  "  closing_balance INTEGER NOT NULL,"
  "  PRIMARY KEY (snapshot_id, week_start)"
  ") WITHOUT ROWID;"
  ;

/* Customer value and relationship:
 * - invoices.total_cost: cache of Σ line cost (quantity × unit_cost ÷ 1000
 *   per line, rounded half away from zero; the line discount lowers the
 *   price, never the cost), kept by the store with total_net so that margin
 *   over a million invoices needs no join.  Filled here for existing rows.
 *   campaign_id: the campaign an invoice is attributed to (NULL = none).
 * - customer_relationship: one optional row per customer (no row = the
 *   defaults): ABC class override 0 none / 1 A / 2 B / 3 C; lifecycle
 *   override −1 none / 0 … 5 (KassaLifecycleStage); key account and its
 *   owner; marketing consent 0 not asked / 1 given / 2 refused, with its
 *   date and source; anonymised_on (0 = not anonymised).
 * - campaigns (channel 0 … 5, KassaCampaignChannel; cost in the company
 *   currency; target_segment a segment key such as "rfm:champions", "" =
 *   every customer), the customers a campaign reached, NPS responses. */
static const char schema_v6[] =
  "ALTER TABLE invoices ADD COLUMN total_cost INTEGER NOT NULL DEFAULT 0;"
  "UPDATE invoices SET total_cost = c.cost"
  "  FROM (SELECT invoice_id,"
  "               SUM (CASE WHEN quantity * unit_cost >= 0"
  "                         THEN (quantity * unit_cost + 500) / 1000"
  "                         ELSE (quantity * unit_cost - 500) / 1000 END) AS cost"
  "          FROM invoice_lines GROUP BY invoice_id) AS c"
  "  WHERE c.invoice_id = invoices.id;"

  "CREATE TABLE customer_relationship ("
  "  customer_id INTEGER PRIMARY KEY REFERENCES customers (id),"
  "  abc_override INTEGER NOT NULL DEFAULT 0 CHECK (abc_override BETWEEN 0 AND 3),"
  "  lifecycle_override INTEGER NOT NULL DEFAULT -1 CHECK (lifecycle_override BETWEEN -1 AND 5),"
  "  key_account INTEGER NOT NULL DEFAULT 0 CHECK (key_account IN (0, 1)),"
  "  account_owner TEXT NOT NULL DEFAULT '',"
  "  consent INTEGER NOT NULL DEFAULT 0 CHECK (consent BETWEEN 0 AND 2),"
  "  consent_date INTEGER NOT NULL DEFAULT 0,"
  "  consent_source TEXT NOT NULL DEFAULT '',"
  "  anonymised_on INTEGER NOT NULL DEFAULT 0"
  ");"

  "CREATE TABLE campaigns ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  channel INTEGER NOT NULL CHECK (channel BETWEEN 0 AND 5),"
  "  start_date INTEGER NOT NULL,"
  "  end_date INTEGER NOT NULL CHECK (end_date >= start_date),"
  "  cost INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),"
  "  target_segment TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE campaign_customers ("
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
  "  reached_on INTEGER NOT NULL,"
  "  PRIMARY KEY (campaign_id, customer_id)"
  ") WITHOUT ROWID;"
  "ALTER TABLE invoices ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id);"
  "CREATE INDEX invoices_campaign ON invoices (campaign_id) WHERE campaign_id IS NOT NULL;"

  "CREATE TABLE nps_responses ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
  "  date INTEGER NOT NULL,"
  "  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),"
  "  comment TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX nps_responses_customer ON nps_responses (customer_id, date);"
  "CREATE INDEX nps_responses_date ON nps_responses (date);"
  ;

static const KassaMigration migrations[] = {
  { 1, schema_v1 },
  { 2, schema_v2 },
  { 3, schema_v3 },
  { 4, schema_v4 },
  { 5, schema_v5 },
  { 6, schema_v6 },
  { 0, NULL },
};

const KassaMigration *
kassa_store_schema_migrations (void)
{
  return migrations;
}
