/* kassa-csv-import-rows.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Validation of customer and payment rows, and the store lookups that
 * validation makes (read SQL, cached per number).
 */
#define G_LOG_DOMAIN "kassa-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-csv-import-private.h"
#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-store-sql.h"
#include "kassa-vat.h"

/* Words for the coded columns, in the four languages. */
static const char consumer_words[] = "consumer|private|person|kuluttaja|yksityinen|henkilö|"
                                     "konsument|privat|privatperson|个人|消费者";
static const char business_words[] = "business|company|organisation|organization|yritys|"
                                     "företag|organisation|企业|公司";
static const char einvoice_words[] = "e-invoice|einvoice|verkkolasku|e-faktura|电子发票";
static const char paper_words[] = "paper|post|letter|paperi|kirje|papper|brev|纸质|邮寄";
static const char email_words[] = "email|mail|sähköposti|e-post|邮件|电子邮件";
static const char true_words[] = "true|yes|1|x|kyllä|k|ja|是";
static const char false_words[] = "false|no|0|ei|e|nej|否";

/* Store lookups (read SQL, cached per number) */

CustomerInfo *
kassa_import_lookup_customer (Validation *v,
                              const char *number)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  CustomerInfo *info = NULL;

  if (g_hash_table_lookup_extended (v->customers, number, NULL, (gpointer *) &info))
    return info;

  stmt = kassa_store_prepare (v->self->store,
                              "SELECT id, payment_terms_days, delivery FROM customers WHERE number = ?1",
                              NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          info = g_new0 (CustomerInfo, 1);
          info->id = sqlite3_column_int64 (stmt, 0);
          info->payment_terms_days = sqlite3_column_int (stmt, 1);
          info->delivery = sqlite3_column_int (stmt, 2);
        }
    }

  g_hash_table_insert (v->customers, g_strdup (number), info);
  return info;
}

InvoiceInfo *
kassa_import_lookup_invoice (Validation *v,
                             gint64      number)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, number);
  InvoiceInfo *info = NULL;

  if (g_hash_table_lookup_extended (v->invoices, key, NULL, (gpointer *) &info))
    return info;

  stmt = kassa_store_prepare (v->self->store,
                              "SELECT i.id, i.state, " KASSA_STORE_OPEN_AMOUNT_SQL
                              " FROM invoices i WHERE i.number = ?1",
                              NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, number);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          info = g_new0 (InvoiceInfo, 1);
          info->id = sqlite3_column_int64 (stmt, 0);
          info->state = sqlite3_column_int (stmt, 1);
          info->open = sqlite3_column_int64 (stmt, 2);
        }
    }

  g_hash_table_insert (v->invoices, g_steal_pointer (&key), info);
  return info;
}

static gboolean
business_id_exists (Validation *v,
                    const char *business_id)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (v->self->store,
                              "SELECT 1 FROM customers WHERE business_id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, business_id, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Remembers value for this row; FALSE when an earlier row has it. */
gboolean
kassa_import_check_unique_in_file (Validation    *v,
                                   GHashTable    *seen,
                                   KassaCsvField  field,
                                   const char    *value)
{
  guint earlier = GPOINTER_TO_UINT (g_hash_table_lookup (seen, value));

  if (earlier == 0)
    {
      g_hash_table_insert (seen, g_strdup (value), GUINT_TO_POINTER (v->row_number));
      return TRUE;
    }

  /* Translators: %s is a column such as "Business ID", then its value, %u a row number */
  kassa_import_add_error (v, field, _("%s “%s” is already on row %u."),
                          kassa_csv_field_get_label (field), value, earlier);
  return FALSE;
}

gboolean
kassa_import_parse_whole_number (const char *text,
                                 gint64      min,
                                 gint64      max,
                                 gint64     *value)
{
  return g_ascii_string_to_signed (text, 10, min, max, value, NULL);
}

/* Customers */

static void
read_customer_number (Validation          *v,
                      KassaCustomerRecord *customer)
{
  customer->number = kassa_import_get_value (v, KASSA_CSV_FIELD_CUSTOMER_NUMBER);
  if (*customer->number == '\0' ||
      !kassa_import_check_unique_in_file (v, v->numbers, KASSA_CSV_FIELD_CUSTOMER_NUMBER, customer->number))
    return;

  if (kassa_store_find_customer_by_number (v->self->store, customer->number) != 0)
    /* Translators: %s is a customer number */
    kassa_import_add_error (v, KASSA_CSV_FIELD_CUSTOMER_NUMBER,
                            _("Customer number %s is already used by an existing customer."), customer->number);
}

static void
read_business_id (Validation          *v,
                  KassaCustomerRecord *customer)
{
  customer->business_id = kassa_import_get_value (v, KASSA_CSV_FIELD_BUSINESS_ID);
  if (*customer->business_id == '\0' ||
      !kassa_import_check_unique_in_file (v, v->business_ids, KASSA_CSV_FIELD_BUSINESS_ID, customer->business_id))
    return;

  if (business_id_exists (v, customer->business_id))
    /* Translators: %s is a business ID such as 1234567-8 */
    kassa_import_add_error (v, KASSA_CSV_FIELD_BUSINESS_ID,
                            _("Business ID %s belongs to an existing customer."), customer->business_id);
}

static void
read_customer_codes (Validation          *v,
                     KassaCustomerRecord *customer)
{
  static const char *const kinds[] = { business_words, consumer_words };
  static const char *const deliveries[] = { email_words, einvoice_words, paper_words };
  static const char *const booleans[] = { false_words, true_words };
  guint kind = customer->kind;
  guint delivery = customer->delivery;
  guint archived = 0;

  kassa_import_read_choice (v, KASSA_CSV_FIELD_CUSTOMER_TYPE, kinds, 2, &kind);
  kassa_import_read_choice (v, KASSA_CSV_FIELD_DELIVERY, deliveries, 3, &delivery);
  kassa_import_read_choice (v, KASSA_CSV_FIELD_ARCHIVED, booleans, 2, &archived);
  customer->kind = kind == 1 ? KASSA_CUSTOMER_CONSUMER : KASSA_CUSTOMER_BUSINESS;
  customer->delivery = (KassaDelivery) delivery;
  customer->archived = archived == 1;
}

static const char *
language_code (const char *text)
{
  static const struct { const char *code; const char *words; } languages[] = {
    { "fi", "fi|fi_fi|finnish|suomi|finska|芬兰语" },
    { "sv", "sv|sv_se|sv_fi|swedish|ruotsi|svenska|瑞典语" },
    { "en", "en|en_us|en_gb|english|englanti|engelska|英语" },
    { "zh_CN", "zh_cn|zh|chinese|kiina|kinesiska|中文|汉语|简体中文" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      if (kassa_import_matches_word (text, languages[i].words))
        return languages[i].code;
    }

  return NULL;
}

static void
read_language (Validation          *v,
               KassaCustomerRecord *customer)
{
  g_autofree char *text = kassa_import_get_value (v, KASSA_CSV_FIELD_LANGUAGE);
  const char *code = *text != '\0' ? language_code (text) : v->self->company->document_language;

  if (code == NULL)
    {
      /* Translators: %s is what the file said; keep the codes */
      kassa_import_add_error (v, KASSA_CSV_FIELD_LANGUAGE,
                              _("Unknown language “%s”. Use fi, sv, en or zh_CN."), text);
      return;
    }

  g_free (customer->document_language);
  customer->document_language = g_strdup (code);
}

static void
read_country (Validation          *v,
              KassaCustomerRecord *customer)
{
  g_autofree char *text = kassa_import_get_value (v, KASSA_CSV_FIELD_COUNTRY);

  if (*text == '\0')
    {
      memcpy (customer->country, v->self->company->country, sizeof customer->country);
      return;
    }

  if (strlen (text) != 2 || !g_ascii_isalpha (text[0]) || !g_ascii_isalpha (text[1]))
    {
      /* Translators: %s is what the file said */
      kassa_import_add_error (v, KASSA_CSV_FIELD_COUNTRY,
                              _("Country “%s” is not a two-letter code such as FI."), text);
      return;
    }

  customer->country[0] = g_ascii_toupper (text[0]);
  customer->country[1] = g_ascii_toupper (text[1]);
  customer->country[2] = '\0';
}

static void
read_customer_numbers (Validation          *v,
                       KassaCustomerRecord *customer)
{
  g_autofree char *terms = kassa_import_get_value (v, KASSA_CSV_FIELD_PAYMENT_TERMS);
  g_autofree char *limit = kassa_import_get_value (v, KASSA_CSV_FIELD_CREDIT_LIMIT);
  gint64 days = v->self->company->payment_terms_days;

  if (*terms != '\0' && !kassa_import_parse_whole_number (terms, 0, 365, &days))
    /* Translators: %s is what the file said */
    kassa_import_add_error (v, KASSA_CSV_FIELD_PAYMENT_TERMS,
                            _("Payment terms “%s” are not a number of days from 0 to 365."), terms);
  customer->payment_terms_days = (gint) days;

  if (*limit != '\0')
    kassa_import_read_amount (v, KASSA_CSV_FIELD_CREDIT_LIMIT, FALSE, &customer->credit_limit);
}

static void
read_customer_texts (Validation          *v,
                     KassaCustomerRecord *customer)
{
  customer->vat_id = kassa_import_get_value (v, KASSA_CSV_FIELD_VAT_ID);
  customer->contact_person = kassa_import_get_value (v, KASSA_CSV_FIELD_CONTACT_PERSON);
  customer->email = kassa_import_get_value (v, KASSA_CSV_FIELD_EMAIL);
  customer->phone = kassa_import_get_value (v, KASSA_CSV_FIELD_PHONE);
  customer->address = kassa_import_get_value (v, KASSA_CSV_FIELD_ADDRESS);
  customer->einvoice_address = kassa_import_get_value (v, KASSA_CSV_FIELD_EINVOICE_ADDRESS);
  customer->notes = kassa_import_get_value (v, KASSA_CSV_FIELD_NOTES);

  if (*customer->email != '\0' && strchr (customer->email, '@') == NULL)
    /* Translators: %s is what the file said */
    kassa_import_add_error (v, KASSA_CSV_FIELD_EMAIL,
                            _("The email address “%s” is not valid."), customer->email);
}

void
kassa_import_validate_customer_row (Validation *v)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  ImportItem *item;

  kassa_import_read_required (v, KASSA_CSV_FIELD_NAME, &customer->name);
  read_customer_number (v, customer);
  read_business_id (v, customer);
  read_customer_codes (v, customer);
  read_language (v, customer);
  read_country (v, customer);
  read_customer_numbers (v, customer);
  read_customer_texts (v, customer);

  if (v->row_failed)
    return;

  item = kassa_import_item_new (v->row_number);
  item->customer = g_steal_pointer (&customer);
  g_ptr_array_add (v->items, item);
}

/* Payments */

static gint64
count_recorded_payments (Validation         *v,
                         const KassaPayment *payment,
                         gint64              invoice_id)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (v->self->store,
                              "SELECT COUNT(*) FROM payments"
                              " WHERE invoice_id = ?1 AND date = ?2 AND amount = ?3",
                              NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int (stmt, 2, payment->date);
  sqlite3_bind_int64 (stmt, 3, payment->amount);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* A payments file imported twice must not pay its invoices twice.  Two
 * payments of the same amount on the same day to the same invoice are
 * possible (instalments), so the rule counts: the n-th row of the file with
 * a given invoice, date and amount is a duplicate while the company already
 * holds at least n such payments. */
static gboolean
is_recorded_payment (Validation         *v,
                     const KassaPayment *payment,
                     gint64              invoice_id)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%d:%" G_GINT64_FORMAT,
                                          invoice_id, payment->date, payment->amount);
  guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (v->payment_keys, key)) + 1;

  g_hash_table_replace (v->payment_keys, g_strdup (key), GUINT_TO_POINTER (seen));
  return (gint64) seen <= count_recorded_payments (v, payment, invoice_id);
}

static void
check_payable (Validation   *v,
               gint64        number,
               KassaPayment *payment)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, number);
  InvoiceInfo *info = kassa_import_lookup_invoice (v, number);

  if (info == NULL)
    /* Translators: %s is an invoice number */
    kassa_import_add_error (v, KASSA_CSV_FIELD_PAYMENT_INVOICE,
                            _("No invoice has the number %s. Import the invoices first."), text);
  else if (info->state == KASSA_INVOICE_STATE_DRAFT)
    kassa_import_add_error (v, KASSA_CSV_FIELD_PAYMENT_INVOICE,
                            _("Invoice %s is a draft. Send it before recording payments."), text);
  else if (info->state == KASSA_INVOICE_STATE_CREDITED)
    kassa_import_add_error (v, KASSA_CSV_FIELD_PAYMENT_INVOICE,
                            _("Invoice %s has been credited. Record payments on the credit note instead."), text);
  else if (!v->row_failed && is_recorded_payment (v, payment, info->id))
    /* Translators: %s is an invoice number */
    kassa_import_add_error (v, KASSA_CSV_FIELD_AMOUNT,
                            _("This payment to invoice %s is already recorded with the same date and amount. "
                              "Remove the row if the file was imported before."), text);
  else if (!v->row_failed && payment->amount > MAX (info->open, 0))
    {
      g_autofree char *open = kassa_money_format (MAX (info->open, 0), v->self->company->currency,
                                                  kassa_locale_current ());

      /* Translators: %s is an amount of money, then an invoice number */
      kassa_import_add_error (v, KASSA_CSV_FIELD_AMOUNT,
                              _("The payment is larger than the open amount %s of invoice %s."), open, text);
    }

  if (info == NULL || v->row_failed)
    return;

  info->open -= payment->amount;
  payment->invoice_id = info->id;
}

void
kassa_import_validate_payment_row (Validation *v)
{
  g_autoptr(KassaPayment) payment = kassa_payment_new ();
  gint64 number = kassa_import_read_invoice_number (v, KASSA_CSV_FIELD_PAYMENT_INVOICE, TRUE);
  ImportItem *item;

  kassa_import_read_date (v, KASSA_CSV_FIELD_PAYMENT_DATE, &payment->date);
  if (kassa_import_read_amount (v, KASSA_CSV_FIELD_AMOUNT, FALSE, &payment->amount) && payment->amount == 0)
    kassa_import_add_error (v, KASSA_CSV_FIELD_AMOUNT, _("The amount of a payment cannot be zero."));
  payment->method = kassa_import_get_value (v, KASSA_CSV_FIELD_METHOD);
  payment->note = kassa_import_get_value (v, KASSA_CSV_FIELD_PAYMENT_NOTE);

  if (number != 0)
    check_payable (v, number, payment);
  if (v->row_failed)
    return;

  item = kassa_import_item_new (v->row_number);
  item->payment = g_steal_pointer (&payment);
  g_ptr_array_add (v->items, item);
}
