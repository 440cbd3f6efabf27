/* kassa-csv-import.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Validation turns every row into a ready record (a customer, an invoice
 * with its lines, a payment) or into row errors, reading the company only
 * through the store's read SQL; commit writes the records through the
 * store's public API inside one kassa_store_run_in_transaction(), so that
 * every rule of the store applies and any failure undoes the whole file.
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

/* How often the cancellable is looked at, in rows. */
#define CANCEL_CHECK_ROWS   1000

typedef struct
{
  KassaCsvField  field;
  const char    *label;
  gboolean       required;
  /* Header names that mean this field, "|"-separated; compared after
   * case folding and dropping spaces, "_", "-", "." and ":". */
  const char    *names;
} FieldInfo;

G_DEFINE_QUARK (kassa-csv-import-error-quark, kassa_csv_import_error)

static const FieldInfo field_infos[KASSA_CSV_N_FIELDS] = {
  { KASSA_CSV_FIELD_CUSTOMER_NUMBER, N_("Customer number"), FALSE,
    "number|customer number|customer no|customer id|no|nr|asiakasnumero|asiakasnro|numero|"
    "kundnummer|kundnr|nummer|客户编号|客户号|编号" },
  { KASSA_CSV_FIELD_NAME, N_("Name"), TRUE,
    "name|customer name|company name|customer|nimi|asiakkaan nimi|asiakas|yritys|namn|kundnamn|"
    "kund|företag|名称|客户名称|公司名称|姓名|客户" },
  { KASSA_CSV_FIELD_CUSTOMER_TYPE, N_("Type"), FALSE,
    "type|kind|customer type|tyyppi|asiakastyyppi|typ|kundtyp|类型|客户类型" },
  { KASSA_CSV_FIELD_BUSINESS_ID, N_("Business ID"), FALSE,
    "business id|company id|registration number|y-tunnus|yritystunnus|organisationsnummer|"
    "orgnr|org nr|统一社会信用代码|营业执照号|企业代码" },
  { KASSA_CSV_FIELD_VAT_ID, N_("VAT ID"), FALSE,
    "vat id|vat number|vat no|alv-tunnus|alv-numero|momsregistreringsnummer|momsnr|"
    "vat-nummer|税号|增值税号|纳税人识别号" },
  { KASSA_CSV_FIELD_CONTACT_PERSON, N_("Contact person"), FALSE,
    "contact|contact person|yhteyshenkilö|kontaktperson|kontakt|联系人" },
  { KASSA_CSV_FIELD_EMAIL, N_("Email"), FALSE,
    "email|mail|email address|sähköposti|sähköpostiosoite|e-post|epostadress|邮箱|电子邮件|电子邮箱" },
  { KASSA_CSV_FIELD_PHONE, N_("Phone"), FALSE,
    "phone|telephone|tel|mobile|puhelin|puhelinnumero|telefon|telefonnummer|mobil|电话|手机|联系电话" },
  { KASSA_CSV_FIELD_ADDRESS, N_("Address"), FALSE,
    "address|street address|osoite|katuosoite|adress|gatuadress|地址" },
  { KASSA_CSV_FIELD_COUNTRY, N_("Country"), FALSE,
    "country|maa|land|国家|国家/地区" },
  { KASSA_CSV_FIELD_LANGUAGE, N_("Language"), FALSE,
    "language|document language|kieli|asiointikieli|språk|语言" },
  { KASSA_CSV_FIELD_PAYMENT_TERMS, N_("Payment terms"), FALSE,
    "payment terms|payment terms days|terms|maksuehto|maksuaika|betalningsvillkor|付款期限|账期" },
  { KASSA_CSV_FIELD_CREDIT_LIMIT, N_("Credit limit"), FALSE,
    "credit limit|luottoraja|kreditgräns|信用额度" },
  { KASSA_CSV_FIELD_DELIVERY, N_("Invoice delivery"), FALSE,
    "delivery|delivery method|invoice delivery|laskutustapa|toimitustapa|leveranssätt|"
    "fakturaleverans|发送方式|交付方式" },
  { KASSA_CSV_FIELD_EINVOICE_ADDRESS, N_("E-invoice address"), FALSE,
    "e-invoice address|verkkolaskuosoite|e-fakturaadress|电子发票地址" },
  { KASSA_CSV_FIELD_NOTES, N_("Notes"), FALSE,
    "notes|note|comments|remarks|lisätiedot|huomautukset|muistiinpanot|anteckningar|kommentar|备注" },
  { KASSA_CSV_FIELD_ARCHIVED, N_("Archived"), FALSE,
    "archived|arkistoitu|arkiverad|已归档" },

  { KASSA_CSV_FIELD_INVOICE_NUMBER, N_("Invoice number"), TRUE,
    "number|invoice number|invoice no|invoice|laskunumero|laskunro|lasku|numero|fakturanummer|"
    "fakturanr|faktura|nummer|发票号|发票编号|发票号码|编号" },
  { KASSA_CSV_FIELD_INVOICE_CUSTOMER, N_("Customer number"), TRUE,
    "customer number|customer no|customer id|customer|asiakasnumero|asiakasnro|asiakas|"
    "kundnummer|kundnr|kund|客户编号|客户号|客户" },
  { KASSA_CSV_FIELD_ISSUE_DATE, N_("Invoice date"), TRUE,
    "issue date|invoice date|date|laskun päivämäärä|laskupäivä|päivämäärä|päiväys|pvm|"
    "fakturadatum|datum|开票日期|发票日期|日期" },
  { KASSA_CSV_FIELD_DUE_DATE, N_("Due date"), FALSE,
    "due date|eräpäivä|förfallodatum|förfallodag|到期日|付款截止日期" },
  { KASSA_CSV_FIELD_REFERENCE, N_("Reference"), FALSE,
    "reference|reference number|viite|viitenumero|referens|ocr|ocr-nummer|参考号|付款参考号" },
  { KASSA_CSV_FIELD_INVOICE_NOTES, N_("Notes"), FALSE,
    "notes|note|comments|lisätiedot|huomautukset|anteckningar|kommentar|备注" },
  { KASSA_CSV_FIELD_INVOICE_TYPE, N_("Type"), FALSE,
    "type|tyyppi|typ|类型" },
  { KASSA_CSV_FIELD_INVOICE_STATE, N_("State"), FALSE,
    "state|status|tila|tillstånd|状态" },
  { KASSA_CSV_FIELD_CREDITED_INVOICE, N_("Credited invoice"), FALSE,
    "credited invoice number|credited invoice|credits invoice|hyvitetty lasku|krediterad faktura|"
    "被冲红发票|原发票号" },
  { KASSA_CSV_FIELD_DESCRIPTION, N_("Description"), FALSE,
    "description|item|product|kuvaus|tuote|nimike|beskrivning|artikel|produkt|描述|说明|项目|商品" },
  { KASSA_CSV_FIELD_QUANTITY, N_("Quantity"), FALSE,
    "quantity|qty|määrä|kpl|antal|数量" },
  { KASSA_CSV_FIELD_UNIT_PRICE, N_("Unit price"), FALSE,
    "unit price|price|à-hinta|a-hinta|yksikköhinta|hinta|à-pris|a-pris|styckpris|pris|单价|价格" },
  { KASSA_CSV_FIELD_VAT_RATE, N_("VAT rate"), FALSE,
    "vat rate|vat %|vat percent|tax rate|alv %|alv-prosentti|alv-kanta|moms %|momssats|税率|增值税率" },
  { KASSA_CSV_FIELD_NET, N_("Net amount"), FALSE,
    "net|net amount|total net|subtotal|veroton|veroton summa|netto|nettobelopp|不含税金额|净额" },
  { KASSA_CSV_FIELD_VAT, N_("VAT amount"), FALSE,
    "vat|vat amount|tax|alv|alv määrä|moms|momsbelopp|税额|增值税额" },
  { KASSA_CSV_FIELD_TOTAL, N_("Total"), FALSE,
    "total|gross|total amount|amount|sum|summa|yhteensä|verollinen|loppusumma|belopp|totalt|"
    "总计|合计|价税合计|金额" },

  { KASSA_CSV_FIELD_PAYMENT_INVOICE, N_("Invoice number"), TRUE,
    "invoice number|invoice no|invoice|laskunumero|laskunro|lasku|fakturanummer|fakturanr|faktura|"
    "发票号|发票编号|发票号码" },
  { KASSA_CSV_FIELD_PAYMENT_DATE, N_("Payment date"), TRUE,
    "date|payment date|paid on|maksupäivä|päivämäärä|pvm|betalningsdatum|datum|付款日期|日期" },
  { KASSA_CSV_FIELD_AMOUNT, N_("Amount"), TRUE,
    "amount|paid|payment|sum|summa|määrä|maksettu|belopp|betalt|金额|付款金额" },
  { KASSA_CSV_FIELD_METHOD, N_("Payment method"), FALSE,
    "method|payment method|maksutapa|betalningssätt|付款方式|支付方式" },
  { KASSA_CSV_FIELD_PAYMENT_NOTE, N_("Note"), FALSE,
    "note|notes|message|viesti|huomautus|lisätieto|meddelande|anteckning|备注|附言" },
};

static const KassaCsvField customer_fields[] = {
  KASSA_CSV_FIELD_CUSTOMER_NUMBER, KASSA_CSV_FIELD_NAME, KASSA_CSV_FIELD_CUSTOMER_TYPE,
  KASSA_CSV_FIELD_BUSINESS_ID, KASSA_CSV_FIELD_VAT_ID, KASSA_CSV_FIELD_CONTACT_PERSON,
  KASSA_CSV_FIELD_EMAIL, KASSA_CSV_FIELD_PHONE, KASSA_CSV_FIELD_ADDRESS, KASSA_CSV_FIELD_COUNTRY,
  KASSA_CSV_FIELD_LANGUAGE, KASSA_CSV_FIELD_PAYMENT_TERMS, KASSA_CSV_FIELD_CREDIT_LIMIT,
  KASSA_CSV_FIELD_DELIVERY, KASSA_CSV_FIELD_EINVOICE_ADDRESS, KASSA_CSV_FIELD_NOTES,
  KASSA_CSV_FIELD_ARCHIVED,
};

static const KassaCsvField invoice_fields[] = {
  KASSA_CSV_FIELD_INVOICE_NUMBER, KASSA_CSV_FIELD_INVOICE_CUSTOMER, KASSA_CSV_FIELD_ISSUE_DATE,
  KASSA_CSV_FIELD_DUE_DATE, KASSA_CSV_FIELD_REFERENCE, KASSA_CSV_FIELD_INVOICE_NOTES,
  KASSA_CSV_FIELD_INVOICE_TYPE, KASSA_CSV_FIELD_INVOICE_STATE, KASSA_CSV_FIELD_CREDITED_INVOICE,
  KASSA_CSV_FIELD_DESCRIPTION, KASSA_CSV_FIELD_QUANTITY, KASSA_CSV_FIELD_UNIT_PRICE,
  KASSA_CSV_FIELD_VAT_RATE, KASSA_CSV_FIELD_NET, KASSA_CSV_FIELD_VAT, KASSA_CSV_FIELD_TOTAL,
};

static const KassaCsvField payment_fields[] = {
  KASSA_CSV_FIELD_PAYMENT_INVOICE, KASSA_CSV_FIELD_PAYMENT_DATE, KASSA_CSV_FIELD_AMOUNT,
  KASSA_CSV_FIELD_METHOD, KASSA_CSV_FIELD_PAYMENT_NOTE,
};

/* Names */

static char *
normalize_name (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (strchr (" _-.:'\t", *p) == NULL)
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* Whether text is one of the "|"-separated words, as normalize_name sees it. */
gboolean
kassa_import_matches_word (const char *text,
                           const char *words)
{
  g_autofree char *wanted = normalize_name (text);
  g_auto(GStrv) list = g_strsplit (words, "|", -1);

  if (*wanted == '\0')
    return FALSE;

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *word = normalize_name (list[i]);

      if (g_str_equal (word, wanted))
        return TRUE;
    }

  return FALSE;
}

/* Public field descriptions */

const KassaCsvField *
kassa_csv_table_get_fields (KassaCsvTable  table,
                            guint         *n_fields)
{
  g_return_val_if_fail (n_fields != NULL, NULL);

  switch (table)
    {
    case KASSA_CSV_CUSTOMERS:
      *n_fields = G_N_ELEMENTS (customer_fields);
      return customer_fields;
    case KASSA_CSV_INVOICES:
      *n_fields = G_N_ELEMENTS (invoice_fields);
      return invoice_fields;
    case KASSA_CSV_PAYMENTS:
    default:
      *n_fields = G_N_ELEMENTS (payment_fields);
      return payment_fields;
    }
}

const char *
kassa_csv_field_get_label (KassaCsvField field)
{
  g_return_val_if_fail (field < KASSA_CSV_N_FIELDS, "");

  return _(field_infos[field].label);
}

gboolean
kassa_csv_field_is_required (KassaCsvField field)
{
  g_return_val_if_fail (field < KASSA_CSV_N_FIELDS, FALSE);

  return field_infos[field].required;
}

void
kassa_csv_row_error_free (KassaCsvRowError *row_error)
{
  if (row_error == NULL)
    return;

  g_free (row_error->reason);
  g_free (row_error);
}

void
kassa_import_item_free (ImportItem *item)
{
  g_clear_pointer (&item->customer, kassa_customer_record_free);
  g_clear_pointer (&item->invoice, kassa_invoice_record_free);
  g_clear_pointer (&item->payment, kassa_payment_free);
  g_free (item->reference);
  g_free (item);
}

ImportItem *
kassa_import_item_new (guint row_number)
{
  ImportItem *item = g_new0 (ImportItem, 1);

  item->row_number = row_number;
  item->credited_item = -1;
  return item;
}

/* Construction and mapping */

KassaCsvImport *
kassa_csv_import_new (KassaStore    *store,
                      KassaCsvTable  table,
                      KassaCsvFile  *file)
{
  KassaCsvImport *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (table <= KASSA_CSV_PAYMENTS, NULL);
  g_return_val_if_fail (file != NULL, NULL);

  self = g_new0 (KassaCsvImport, 1);
  self->store = g_object_ref (store);
  self->table = table;
  self->file = file;
  for (guint i = 0; i < KASSA_CSV_N_FIELDS; i++)
    self->mapping[i] = -1;

  kassa_csv_import_guess_mapping (self);
  return self;
}

void
kassa_csv_import_free (KassaCsvImport *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->company, kassa_company_free);
  g_object_unref (self->store);
  g_free (self);
}

KassaCsvTable
kassa_csv_import_get_table (KassaCsvImport *self)
{
  g_return_val_if_fail (self != NULL, KASSA_CSV_CUSTOMERS);

  return self->table;
}

static int
find_column (KassaCsvImport  *self,
             const FieldInfo *info,
             const gboolean  *used)
{
  guint n_columns = kassa_csv_file_get_n_fields (self->file, 0);

  for (guint column = 0; column < n_columns && column < KASSA_CSV_MAX_COLUMNS; column++)
    {
      if (!used[column] &&
          kassa_import_matches_word (kassa_csv_file_get_field (self->file, 0, column), info->names))
        return (int) column;
    }

  return -1;
}

/**
 * kassa_csv_import_guess_mapping:
 *
 * Without a header row the columns are taken in the order of
 * kassa_csv_table_get_fields(), which is also the order of Kassa's own
 * export where the two agree; the user checks the preview.
 */
void
kassa_csv_import_guess_mapping (KassaCsvImport *self)
{
  gboolean used[KASSA_CSV_MAX_COLUMNS] = { FALSE };
  KassaCsvFormat format;
  const KassaCsvField *fields;
  guint n_fields;

  g_return_if_fail (self != NULL);

  kassa_csv_file_get_format (self->file, &format);
  fields = kassa_csv_table_get_fields (self->table, &n_fields);

  for (guint i = 0; i < KASSA_CSV_N_FIELDS; i++)
    self->mapping[i] = -1;

  for (guint i = 0; i < n_fields; i++)
    {
      int column = format.has_header ? find_column (self, &field_infos[fields[i]], used)
                                     : (i < kassa_csv_file_get_n_columns (self->file) ? (int) i : -1);

      self->mapping[fields[i]] = column;
      if (column >= 0)
        used[column] = TRUE;
    }
}

void
kassa_csv_import_set_mapping (KassaCsvImport *self,
                              KassaCsvField   field,
                              int             column)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (field < KASSA_CSV_N_FIELDS);
  g_return_if_fail (column >= -1 && column < KASSA_CSV_MAX_COLUMNS);

  self->mapping[field] = column;
}

int
kassa_csv_import_get_mapping (KassaCsvImport *self,
                              KassaCsvField   field)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (field < KASSA_CSV_N_FIELDS, -1);

  return self->mapping[field];
}

gboolean
kassa_import_is_mapped (KassaCsvImport *self,
                        KassaCsvField   field)
{
  return self->mapping[field] >= 0;
}

/* Row values and errors */

/* The field of the current row, trimmed, with the apostrophe that Kassa's
 * export puts before formula-looking text taken off again. */
char *
kassa_import_get_value (Validation    *v,
                        KassaCsvField  field)
{
  int column = v->self->mapping[field];
  const char *raw;

  if (column < 0)
    return g_strdup ("");

  raw = kassa_csv_file_get_field (v->self->file, v->row, (guint) column);
  if (raw[0] == '\'' && raw[1] != '\0' && strchr ("=+-@\t\r", raw[1]) != NULL)
    raw++;

  return g_strstrip (g_strdup (raw));
}

void
kassa_import_add_error (Validation    *v,
                        KassaCsvField  field,
                        const char    *format,
                        ...)
{
  KassaCsvRowError *row_error = g_new0 (KassaCsvRowError, 1);
  va_list args;

  va_start (args, format);
  row_error->reason = g_strdup_vprintf (format, args);
  va_end (args);

  row_error->row = v->row_number;
  row_error->column = field < KASSA_CSV_N_FIELDS ? v->self->mapping[field] : -1;
  g_ptr_array_add (v->errors, row_error);
  v->row_failed = TRUE;
}

/* "Invoice date: …" from a parser's message. */
void
kassa_import_add_parse_error (Validation    *v,
                              KassaCsvField  field,
                              GError        *error)
{
  /* Translators: the first %s is a column such as "Due date", the second the problem */
  kassa_import_add_error (v, field, _("%s: %s"), kassa_csv_field_get_label (field), error->message);
}

void
kassa_import_add_missing_error (Validation    *v,
                                KassaCsvField  field)
{
  /* Translators: %s is a column such as "Invoice date" */
  kassa_import_add_error (v, field, _("%s is missing."), kassa_csv_field_get_label (field));
}

/* Reads a required or optional text; FALSE (with the error added) when a
 * required value is empty. */
gboolean
kassa_import_read_required (Validation     *v,
                            KassaCsvField   field,
                            char          **value)
{
  *value = kassa_import_get_value (v, field);
  if (**value != '\0')
    return TRUE;

  kassa_import_add_missing_error (v, field);
  return FALSE;
}

gboolean
kassa_import_read_date (Validation    *v,
                        KassaCsvField  field,
                        KassaDay      *day)
{
  g_autofree char *text = kassa_import_get_value (v, field);
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    {
      if (field_infos[field].required)
        kassa_import_add_missing_error (v, field);
      return FALSE;
    }

  if (!kassa_csv_parse_date (text, v->self->format.date_format, day, &error))
    {
      kassa_import_add_parse_error (v, field, error);
      return FALSE;
    }

  return TRUE;
}

/* Amounts must be positive (or zero when allow_zero) unless negative_ok. */
gboolean
kassa_import_read_amount (Validation    *v,
                          KassaCsvField  field,
                          gboolean       negative_ok,
                          gint64        *amount)
{
  g_autofree char *text = kassa_import_get_value (v, field);
  g_autoptr(GError) error = NULL;

  if (!kassa_csv_parse_amount (text, v->self->format.decimal, v->self->company->currency,
                               amount, &error))
    {
      if (error->code == KASSA_PARSE_ERROR_EMPTY)
        kassa_import_add_missing_error (v, field);
      else
        kassa_import_add_parse_error (v, field, error);
      return FALSE;
    }

  if (*amount < 0 && !negative_ok)
    {
      /* Translators: %s is a column such as "Amount" */
      kassa_import_add_error (v, field, _("%s cannot be negative."), kassa_csv_field_get_label (field));
      return FALSE;
    }

  return TRUE;
}

gboolean
kassa_import_read_choice (Validation    *v,
                          KassaCsvField  field,
                          const char    *const *word_lists,
                          guint          n_lists,
                          guint         *choice)
{
  g_autofree char *text = kassa_import_get_value (v, field);

  if (*text == '\0')
    return TRUE;

  for (guint i = 0; i < n_lists; i++)
    {
      if (kassa_import_matches_word (text, word_lists[i]))
        {
          *choice = i;
          return TRUE;
        }
    }

  /* Translators: the first %s is a column such as "Type", the second what it said */
  kassa_import_add_error (v, field, _("%s: “%s” is not one of the known values."),
                          kassa_csv_field_get_label (field), text);
  return FALSE;
}

/* Validation */

static gboolean
check_mapping (KassaCsvImport  *self,
               GError         **error)
{
  guint n_fields;
  const KassaCsvField *fields = kassa_csv_table_get_fields (self->table, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      if (field_infos[fields[i]].required && !kassa_import_is_mapped (self, fields[i]))
        {
          /* Translators: %s is a field such as "Invoice date" */
          g_set_error (error, KASSA_CSV_IMPORT_ERROR, KASSA_CSV_IMPORT_ERROR_MAPPING,
                       _("Choose the column that holds “%s”."),
                       kassa_csv_field_get_label (fields[i]));
          return FALSE;
        }
    }

  if (self->table == KASSA_CSV_INVOICES && !kassa_import_has_line_columns (self) &&
      !kassa_import_is_mapped (self, KASSA_CSV_FIELD_TOTAL) &&
      !(kassa_import_is_mapped (self, KASSA_CSV_FIELD_NET) && kassa_import_is_mapped (self, KASSA_CSV_FIELD_VAT)))
    {
      g_set_error_literal (error, KASSA_CSV_IMPORT_ERROR, KASSA_CSV_IMPORT_ERROR_MAPPING,
                           _("Choose the columns of the invoice lines (unit price, quantity, "
                             "VAT rate) or the column of the invoice total."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
prepare (KassaCsvImport  *self,
         GError         **error)
{
  if (!kassa_store_has_company (self->store))
    {
      g_set_error_literal (error, KASSA_CSV_IMPORT_ERROR, KASSA_CSV_IMPORT_ERROR_MAPPING,
                           _("Enter the company details before importing."));
      return FALSE;
    }

  g_clear_pointer (&self->company, kassa_company_free);
  self->company = kassa_store_get_company (self->store);
  kassa_csv_file_get_format (self->file, &self->format);
  return check_mapping (self, error);
}

static void
validate_row (Validation *v)
{
  switch (v->self->table)
    {
    case KASSA_CSV_CUSTOMERS:
      kassa_import_validate_customer_row (v);
      break;
    case KASSA_CSV_INVOICES:
      kassa_import_validate_invoice_row (v);
      break;
    case KASSA_CSV_PAYMENTS:
    default:
      kassa_import_validate_payment_row (v);
      break;
    }
}

static void
validation_clear (Validation *v)
{
  g_clear_pointer (&v->errors, g_ptr_array_unref);
  g_clear_pointer (&v->items, g_ptr_array_unref);
  g_clear_pointer (&v->numbers, g_hash_table_unref);
  g_clear_pointer (&v->business_ids, g_hash_table_unref);
  g_clear_pointer (&v->invoice_items, g_hash_table_unref);
  g_clear_pointer (&v->customers, g_hash_table_unref);
  g_clear_pointer (&v->invoices, g_hash_table_unref);
  g_clear_pointer (&v->payment_keys, g_hash_table_unref);
}

/**
 * kassa_csv_import_validate:
 * @cancellable: (nullable): stops the validation
 * @error: cancellation, or a #KASSA_CSV_IMPORT_ERROR_MAPPING when a
 *   required field has no column or the company has no details yet
 *
 * Returns: (transfer full) (element-type KassaCsvRowError) (nullable): the
 *   row errors, an empty array when every row can be imported
 */
GPtrArray *
kassa_csv_import_validate (KassaCsvImport  *self,
                           GCancellable    *cancellable,
                           GError         **error)
{
  Validation v = { self };
  GPtrArray *errors;
  guint n_rows;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  if (!prepare (self, error))
    return NULL;

  v.errors = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_csv_row_error_free);
  v.items = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_import_item_free);
  v.numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  v.business_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  v.invoice_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  v.payment_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  v.customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  v.invoices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  n_rows = kassa_csv_file_get_n_rows (self->file);
  for (v.row = kassa_csv_file_get_first_data_row (self->file); v.row < n_rows; v.row++)
    {
      if (v.row % CANCEL_CHECK_ROWS == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          validation_clear (&v);
          return NULL;
        }

      v.row_number = kassa_csv_file_get_row_number (self->file, v.row);
      v.row_failed = FALSE;
      validate_row (&v);
    }

  if (self->table == KASSA_CSV_INVOICES)
    kassa_import_link_credit_notes (v.items);

  self->items = g_steal_pointer (&v.items);
  errors = g_steal_pointer (&v.errors);
  validation_clear (&v);
  return errors;
}

void
kassa_csv_import_get_ready (KassaCsvImport        *self,
                            KassaCsvImportSummary *summary)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (summary != NULL);

  *summary = (KassaCsvImportSummary) { 0 };
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      ImportItem *item = g_ptr_array_index (self->items, i);

      summary->customers += item->customer != NULL;
      summary->payments += item->payment != NULL;
      if (item->invoice != NULL)
        {
          summary->invoices++;
          summary->invoice_lines += item->invoice->lines->len;
        }
    }
}

/* Commit */

typedef struct
{
  KassaCsvImport        *self;
  GCancellable          *cancellable;
  KassaCsvImportSummary  summary;
  guint                  failed_row;
} Commit;

static gboolean
write_invoice_item (KassaStore  *store,
                    GPtrArray   *items,
                    ImportItem  *item,
                    GError     **error)
{
  if (item->credited_item >= 0)
    {
      ImportItem *original = g_ptr_array_index (items, item->credited_item);

      item->invoice->credited_invoice_id = original->invoice->id;
    }

  if (item->number == 0)
    return kassa_store_save_invoice (store, item->invoice, error);

  return kassa_store_import_invoice (store, item->invoice, item->number, item->reference, error);
}

static gboolean
write_item (Commit      *commit,
            ImportItem  *item,
            GError     **error)
{
  KassaStore *store = commit->self->store;

  if (item->customer != NULL)
    {
      commit->summary.customers++;
      return kassa_store_save_customer (store, item->customer, error);
    }

  if (item->invoice != NULL)
    {
      commit->summary.invoices++;
      commit->summary.invoice_lines += item->invoice->lines->len;
      return write_invoice_item (store, commit->self->items, item, error);
    }

  commit->summary.payments++;
  return kassa_store_add_payment (store, item->payment, FALSE, error);
}

static gboolean
write_items (KassaStore  *store,
             gpointer     user_data,
             GError     **error)
{
  Commit *commit = user_data;
  GPtrArray *items = commit->self->items;

  for (guint i = 0; i < items->len; i++)
    {
      ImportItem *item = g_ptr_array_index (items, i);

      if (i % CANCEL_CHECK_ROWS == 0 &&
          g_cancellable_set_error_if_cancelled (commit->cancellable, error))
        return FALSE;

      if (!write_item (commit, item, error))
        {
          commit->failed_row = item->row_number;
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
set_rows_error (GPtrArray  *errors,
                GError    **error)
{
  const KassaCsvRowError *first = g_ptr_array_index (errors, 0);

  g_set_error (error, KASSA_CSV_IMPORT_ERROR, KASSA_CSV_IMPORT_ERROR_ROWS,
               /* Translators: the first %u is a number of errors, the second a row number,
                * %s the first error */
               g_dngettext (GETTEXT_PACKAGE,
                            "Nothing was imported: %u row has an error. Row %u: %s",
                            "Nothing was imported: %u rows have errors. The first, row %u: %s",
                            errors->len),
               errors->len, first->row, first->reason);
  return FALSE;
}

/**
 * kassa_csv_import_commit:
 * @cancellable: (nullable): stops the import; nothing is then written
 * @summary: (out caller-allocates) (optional): what was imported
 * @error: a #KASSA_CSV_IMPORT_ERROR, or the store's error prefixed with the
 *   row it came from
 *
 * Validates the file again (the company may have changed since) and
 * writes it in one transaction, all or nothing.  Call it from the thread
 * that opened the store.
 */
gboolean
kassa_csv_import_commit (KassaCsvImport         *self,
                         GCancellable           *cancellable,
                         KassaCsvImportSummary  *summary,
                         GError                **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) local_error = NULL;
  Commit commit = { self, cancellable, { 0 }, 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  errors = kassa_csv_import_validate (self, cancellable, error);
  if (errors == NULL)
    return FALSE;
  if (errors->len > 0)
    return set_rows_error (errors, error);

  if (!kassa_store_run_in_transaction (self->store, write_items, &commit, &local_error))
    {
      if (commit.failed_row > 0)
        /* Translators: %u is a row number, %s the reason; nothing was imported */
        g_prefix_error (&local_error, _("Nothing was imported. Row %u: "), commit.failed_row);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (summary != NULL)
    *summary = commit.summary;
  return TRUE;
}
