/* kassa-store-personal-data.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Data protection duties of KassaStore: one customer's personal data as a
 * JSON document, and anonymisation of a customer who asks to be forgotten
 * while the bookkeeping records stay intact.
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-store-private.h"
#include "kassa-store-relationship.h"

/* Personal data export.  JSON written by hand (json-glib is not a
 * dependency): strings escaped per RFC 8259, UTF-8 kept as it is, amounts
 * as decimal strings made from the integers so no value passes through a
 * double.  Enumerations are written as stable English keys, so that the
 * file means the same whatever language Kassa ran in. */

typedef struct
{
  GString *out;
  guint    depth;
  gboolean first;   /* no member written yet at this depth */
} JsonWriter;

static void
json_append_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"')
        g_string_append (out, "\\\"");
      else if (c == '\\')
        g_string_append (out, "\\\\");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
json_newline (JsonWriter *writer)
{
  g_string_append_c (writer->out, '\n');
  for (guint i = 0; i < writer->depth; i++)
    g_string_append (writer->out, "  ");
}

/* Starts a member ("key": …) or, with key NULL, an array element. */
static void
json_next (JsonWriter *writer,
           const char *key)
{
  if (!writer->first)
    g_string_append_c (writer->out, ',');
  writer->first = FALSE;
  json_newline (writer);
  if (key != NULL)
    {
      json_append_string (writer->out, key);
      g_string_append (writer->out, ": ");
    }
}

static void
json_open (JsonWriter *writer,
           const char *key,
           char        bracket)
{
  json_next (writer, key);
  g_string_append_c (writer->out, bracket);
  writer->depth++;
  writer->first = TRUE;
}

static void
json_close (JsonWriter *writer,
            char        bracket)
{
  gboolean empty = writer->first;

  writer->depth--;
  if (!empty)
    json_newline (writer);
  g_string_append_c (writer->out, bracket);
  writer->first = FALSE;
}

static void
json_string (JsonWriter *writer,
             const char *key,
             const char *value)
{
  json_next (writer, key);
  json_append_string (writer->out, value);
}

static void
json_int (JsonWriter *writer,
          const char *key,
          gint64      value)
{
  json_next (writer, key);
  g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

static void
json_bool (JsonWriter *writer,
           const char *key,
           gboolean    value)
{
  json_next (writer, key);
  g_string_append (writer->out, value ? "true" : "false");
}

static void
json_null (JsonWriter *writer,
           const char *key)
{
  json_next (writer, key);
  g_string_append (writer->out, "null");
}

/* ISO date, or null for "no date" (0). */
static void
json_day (JsonWriter *writer,
          const char *key,
          KassaDay    day)
{
  g_autofree char *iso = NULL;

  if (day == 0 || !kassa_day_is_valid (day))
    {
      json_null (writer, key);
      return;
    }

  iso = kassa_day_format_iso (day);
  json_string (writer, key, iso);
}

/* "-1234.50" from minor units and the currency's number of decimals. */
static char *
decimal_amount (gint64      minor,
                const char *currency)
{
  GString *text = g_string_new (NULL);

  kassa_money_append_decimal (text, minor, currency);
  return g_string_free (text, FALSE);
}

static void
json_amount (JsonWriter *writer,
             const char *key,
             gint64      minor,
             const char *currency)
{
  g_autofree char *text = decimal_amount (minor, currency);

  json_string (writer, key, text);
}

static const char *
customer_kind_key (int kind)
{
  return kind == KASSA_CUSTOMER_CONSUMER ? "consumer" : "business";
}

static const char *
delivery_key (int delivery)
{
  switch (delivery)
    {
    case KASSA_DELIVERY_EINVOICE: return "e-invoice";
    case KASSA_DELIVERY_PAPER:    return "paper";
    case KASSA_DELIVERY_EMAIL:
    default:                      return "email";
    }
}

static const char *
consent_key (int consent)
{
  switch (consent)
    {
    case KASSA_CONSENT_GIVEN:   return "given";
    case KASSA_CONSENT_REFUSED: return "refused";
    default:                    return "not-asked";
    }
}

static const char *
channel_key (int channel)
{
  static const char *keys[KASSA_N_CAMPAIGN_CHANNELS] = {
    "email", "social-media", "search-ads", "events", "print", "other",
  };

  return channel >= 0 && channel < KASSA_N_CAMPAIGN_CHANNELS ? keys[channel] : "other";
}

static const char *
collection_kind_key (int kind)
{
  static const char *steps[] = {
    "note", "phone-call", "email", "promise-to-pay", "dispute-opened", "dispute-resolved",
  };
  static const char *dunning[] = {
    "reminder-1", "reminder-2", "payment-demand", "lawyer-letter", "collection-agency",
    "legal-action",
  };

  if (kind >= 0 && kind < (int) G_N_ELEMENTS (steps))
    return steps[kind];
  if (kind >= 10 && kind < 10 + (int) G_N_ELEMENTS (dunning))
    return dunning[kind - 10];
  return "other";
}

static const char *
invoice_state_key (int state)
{
  switch (state)
    {
    case KASSA_INVOICE_STATE_SENT:     return "sent";
    case KASSA_INVOICE_STATE_CREDITED: return "credited";
    case KASSA_INVOICE_STATE_DRAFT:
    default:                           return "draft";
    }
}

static void
export_customer (JsonWriter                *writer,
                 const KassaCustomerRecord *customer,
                 const char                *currency)
{
  json_open (writer, "customer", '{');
  json_string (writer, "number", customer->number);
  json_string (writer, "name", customer->name);
  json_string (writer, "kind", customer_kind_key (customer->kind));
  json_string (writer, "business_id", customer->business_id);
  json_string (writer, "vat_id", customer->vat_id);
  json_string (writer, "contact_person", customer->contact_person);
  json_string (writer, "email", customer->email);
  json_string (writer, "phone", customer->phone);
  json_string (writer, "address", customer->address);
  json_string (writer, "country", customer->country);
  json_string (writer, "document_language", customer->document_language);
  json_int (writer, "payment_terms_days", customer->payment_terms_days);
  json_amount (writer, "credit_limit", customer->credit_limit, currency);
  json_string (writer, "currency", currency);
  json_string (writer, "delivery", delivery_key (customer->delivery));
  json_string (writer, "einvoice_address", customer->einvoice_address);
  json_string (writer, "notes", customer->notes);
  json_bool (writer, "archived", customer->archived);
  json_close (writer, '}');
}

static void
export_relationship (JsonWriter                      *writer,
                     const KassaCustomerRelationship *relationship)
{
  static const char *abc_keys[] = { NULL, "A", "B", "C" };
  static const char *stage_keys[KASSA_N_LIFECYCLE_STAGES] = {
    "prospect", "new", "active", "key-account", "dormant", "lost",
  };
  int stage = relationship->lifecycle_override;
  int abc = relationship->abc_override;

  json_open (writer, "relationship", '{');
  if (abc > 0 && abc <= 3)
    json_string (writer, "abc_class_override", abc_keys[abc]);
  else
    json_null (writer, "abc_class_override");
  if (stage >= 0 && stage < KASSA_N_LIFECYCLE_STAGES)
    json_string (writer, "lifecycle_stage_override", stage_keys[stage]);
  else
    json_null (writer, "lifecycle_stage_override");
  json_bool (writer, "key_account", relationship->key_account);
  json_string (writer, "account_owner", relationship->account_owner);
  json_string (writer, "marketing_consent", consent_key (relationship->consent));
  json_day (writer, "consent_date", relationship->consent_date);
  json_string (writer, "consent_source", relationship->consent_source);
  json_day (writer, "anonymised_on", relationship->anonymised_on);
  json_close (writer, '}');
}

static gboolean
export_nps (KassaStore  *self,
            JsonWriter  *writer,
            gint64       customer_id,
            GError     **error)
{
  g_autoptr(GPtrArray) responses = kassa_store_list_nps_responses (self, customer_id, 0, 0, error);

  if (responses == NULL)
    return FALSE;

  json_open (writer, "nps_responses", '[');
  for (guint i = 0; i < responses->len; i++)
    {
      const KassaNpsResponse *response = g_ptr_array_index (responses, i);

      json_open (writer, NULL, '{');
      json_day (writer, "date", response->date);
      json_int (writer, "score", response->score);
      json_string (writer, "comment", response->comment);
      json_close (writer, '}');
    }
  json_close (writer, ']');
  return TRUE;
}

static void
export_timeline_row (JsonWriter   *writer,
                     sqlite3_stmt *stmt,
                     const char   *currency)
{
  json_open (writer, NULL, '{');
  json_day (writer, "date", sqlite3_column_int (stmt, 0));
  json_string (writer, "kind", collection_kind_key (sqlite3_column_int (stmt, 1)));
  if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
    json_null (writer, "invoice_number");
  else
    json_int (writer, "invoice_number", sqlite3_column_int64 (stmt, 2));
  json_amount (writer, "fee", sqlite3_column_int64 (stmt, 3), currency);
  json_amount (writer, "interest", sqlite3_column_int64 (stmt, 4), currency);
  json_day (writer, "due_by", sqlite3_column_int (stmt, 5));
  json_string (writer, "author", (const char *) sqlite3_column_text (stmt, 6));
  json_string (writer, "note", (const char *) sqlite3_column_text (stmt, 7));
  json_close (writer, '}');
}

static gboolean
finish_rows (KassaStore  *self,
             int          rc,
             GError     **error)
{
  return rc == SQLITE_DONE || kassa_store_set_error_from_sqlite (self, rc, error);
}

static gboolean
export_timeline (KassaStore  *self,
                 JsonWriter  *writer,
                 gint64       customer_id,
                 const char  *currency,
                 GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (self,
                              "SELECT e.date, e.kind, i.number, e.fee, e.interest,"
                              " COALESCE (e.due_by, 0), e.author, e.note"
                              " FROM collection_events e"
                              " LEFT JOIN invoices i ON i.id = e.invoice_id"
                              " WHERE e.customer_id = ?1 ORDER BY e.date, e.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  json_open (writer, "timeline", '[');
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    export_timeline_row (writer, stmt, currency);
  json_close (writer, ']');
  return finish_rows (self, rc, error);
}

static gboolean
export_campaigns (KassaStore  *self,
                  JsonWriter  *writer,
                  gint64       customer_id,
                  GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (self,
                              "SELECT c.name, c.channel, c.start_date, c.end_date, cc.reached_on"
                              " FROM campaign_customers cc"
                              " JOIN campaigns c ON c.id = cc.campaign_id"
                              " WHERE cc.customer_id = ?1 ORDER BY cc.reached_on, c.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  json_open (writer, "campaigns", '[');
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_open (writer, NULL, '{');
      json_string (writer, "name", (const char *) sqlite3_column_text (stmt, 0));
      json_string (writer, "channel", channel_key (sqlite3_column_int (stmt, 1)));
      json_day (writer, "start_date", sqlite3_column_int (stmt, 2));
      json_day (writer, "end_date", sqlite3_column_int (stmt, 3));
      json_day (writer, "reached_on", sqlite3_column_int (stmt, 4));
      json_close (writer, '}');
    }
  json_close (writer, ']');
  return finish_rows (self, rc, error);
}

static void
export_invoice_row (JsonWriter   *writer,
                    sqlite3_stmt *stmt)
{
  const char *currency = (const char *) sqlite3_column_text (stmt, 3);

  json_open (writer, NULL, '{');
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    json_null (writer, "number");
  else
    json_int (writer, "number", sqlite3_column_int64 (stmt, 0));
  json_string (writer, "state", invoice_state_key (sqlite3_column_int (stmt, 6)));
  json_day (writer, "issue_date", sqlite3_column_int (stmt, 1));
  json_day (writer, "due_date", sqlite3_column_int (stmt, 2));
  json_amount (writer, "total", sqlite3_column_int64 (stmt, 4), currency);
  json_string (writer, "currency", currency);
  json_amount (writer, "paid", sqlite3_column_int64 (stmt, 5), currency);
  json_close (writer, '}');
}

static gboolean
export_invoices (KassaStore  *self,
                 JsonWriter  *writer,
                 gint64       customer_id,
                 GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (self,
                              "SELECT number, issue_date, due_date, currency, total, paid, state"
                              " FROM invoices WHERE customer_id = ?1 ORDER BY issue_date, id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  json_open (writer, "invoices", '[');
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    export_invoice_row (writer, stmt);
  json_close (writer, ']');
  return finish_rows (self, rc, error);
}

static void
export_payment_row (JsonWriter   *writer,
                    sqlite3_stmt *stmt)
{
  const char *currency = (const char *) sqlite3_column_text (stmt, 3);

  json_open (writer, NULL, '{');
  json_int (writer, "invoice_number", sqlite3_column_int64 (stmt, 0));
  json_day (writer, "date", sqlite3_column_int (stmt, 1));
  json_amount (writer, "amount", sqlite3_column_int64 (stmt, 2), currency);
  json_string (writer, "currency", currency);
  json_string (writer, "method", (const char *) sqlite3_column_text (stmt, 4));
  json_string (writer, "note", (const char *) sqlite3_column_text (stmt, 5));
  json_close (writer, '}');
}

static gboolean
export_payments (KassaStore  *self,
                 JsonWriter  *writer,
                 gint64       customer_id,
                 GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (self,
                              "SELECT i.number, p.date, p.amount, i.currency, p.method, p.note"
                              " FROM invoices i JOIN payments p ON p.invoice_id = i.id"
                              " WHERE i.customer_id = ?1 ORDER BY p.date, p.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  json_open (writer, "payments", '[');
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    export_payment_row (writer, stmt);
  json_close (writer, ']');
  return finish_rows (self, rc, error);
}

static const char *
company_currency (KassaStore *self,
                  char        currency[4])
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (self);

  g_strlcpy (currency, company != NULL ? company->currency : "EUR", 4);
  return currency;
}

char *
kassa_store_export_personal_data (KassaStore  *self,
                                  gint64       customer_id,
                                  GError     **error)
{
  g_autoptr(KassaCustomerRecord) customer = NULL;
  g_autoptr(KassaCustomerRelationship) relationship = NULL;
  g_autoptr(GString) out = g_string_new ("{");
  JsonWriter writer = { out, 1, TRUE };
  char currency[4];

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  customer = kassa_store_get_customer (self, customer_id, error);
  if (customer == NULL)
    return NULL;
  relationship = kassa_store_get_customer_relationship (self, customer_id, error);
  if (relationship == NULL)
    return NULL;

  company_currency (self, currency);
  json_string (&writer, "format", "kassa-personal-data-1");
  export_customer (&writer, customer, currency);
  export_relationship (&writer, relationship);
  if (!export_nps (self, &writer, customer_id, error)
      || !export_timeline (self, &writer, customer_id, currency, error)
      || !export_campaigns (self, &writer, customer_id, error)
      || !export_invoices (self, &writer, customer_id, error)
      || !export_payments (self, &writer, customer_id, error))
    return NULL;

  g_string_append (out, "\n}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Anonymisation */

static gboolean
anonymise_customer_row (KassaStore  *self,
                        gint64       customer_id,
                        GError     **error)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_store_get_customer (self, customer_id, error);
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autofree char *name = NULL;

  if (customer == NULL)
    return FALSE;

  /* Translators: the name left on the books of a customer who asked to be
   * forgotten; %s is the customer number. */
  name = g_strdup_printf (_("Anonymised customer %s"), customer->number);

  /* The customers_fts update trigger replaces the indexed name, email and
   * contact person too, so search no longer finds the old values. */
  stmt = kassa_store_prepare (self,
                              "UPDATE customers SET name = ?2, contact_person = '', email = '',"
                              " phone = '', address = '', business_id = '', vat_id = '',"
                              " einvoice_address = '', notes = '', archived = 1 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  return kassa_store_step_done (self, stmt, error);
}

static gboolean
mark_anonymised (KassaStore  *self,
                 gint64       customer_id,
                 KassaDay     today,
                 GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (self,
                              "INSERT INTO customer_relationship (customer_id, consent,"
                              " consent_date, anonymised_on) VALUES (?1, 2, ?2, ?2)"
                              " ON CONFLICT (customer_id) DO UPDATE SET consent = 2,"
                              " consent_date = ?2, consent_source = '', anonymised_on = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, today);
  return kassa_store_step_done (self, stmt, error);
}

static gboolean
anonymise (KassaStore  *self,
           gint64       customer_id,
           KassaDay     today,
           GError     **error)
{
  KassaDay anonymised_on;

  if (!kassa_day_is_valid (today))
    return kassa_store_set_invalid (error, _("The date of the anonymisation is not valid."));
  if (!kassa_store_check_customer_anonymised (self, customer_id, &anonymised_on, error))
    return FALSE;
  if (anonymised_on != 0)
    return kassa_store_set_invalid (error, _("This customer was already anonymised."));

  if (!anonymise_customer_row (self, customer_id, error)
      || !kassa_store_run_with_id (self, "UPDATE nps_responses SET comment = ''"
                                   " WHERE customer_id = ?1", customer_id, error)
      || !kassa_store_run_with_id (self, "UPDATE collection_events SET note = '', author = ''"
                                   " WHERE customer_id = ?1", customer_id, error)
      || !kassa_store_run_with_id (self, "DELETE FROM campaign_customers WHERE customer_id = ?1",
                                   customer_id, error)
      || !mark_anonymised (self, customer_id, today, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_CUSTOMERS | KASSA_STORE_CHANGE_INVOICES
                            | KASSA_STORE_CHANGE_COLLECTIONS);
  return TRUE;
}

gboolean
kassa_store_anonymise_customer (KassaStore  *self,
                                gint64       customer_id,
                                KassaDay     today,
                                GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, anonymise (self, customer_id, today, error), error);
}
