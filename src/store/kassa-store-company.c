/* kassa-store-company.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KassaStore: the company record (one row, id 1), and the cleaning and
 * checks its fields share with customers.
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kassa-money.h"
#include "kassa-reference.h"
#include "kassa-store-private.h"

#define COMPANY_COLUMNS \
  "name, business_id, vat_id, address, email, phone, iban, bic, currency, country," \
  " document_language, payment_terms_days, next_invoice_number, minimum_cash_buffer," \
  " late_interest_bp, logo, reference_style, bankgiro, plusgiro"

/* A logo is printed at most 50 × 20 mm: 2 MiB of PNG is plenty. */
#define LOGO_MAX_BYTES (2 * 1024 * 1024)

void
kassa_store_strip_string (char *text)
{
  if (text != NULL)
    g_strstrip (text);
}

gboolean
kassa_store_is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static gboolean
is_country_code (const char *code)
{
  return g_ascii_isalpha (code[0]) && g_ascii_isalpha (code[1]) && code[2] == '\0';
}

void
kassa_store_normalize_country (char *code)
{
  code[0] = g_ascii_toupper (code[0]);
  code[1] = g_ascii_toupper (code[1]);
}

static void
normalize_company (KassaCompany *company)
{
  kassa_store_strip_string (company->name);
  kassa_store_strip_string (company->business_id);
  kassa_store_strip_string (company->vat_id);
  kassa_store_strip_string (company->address);
  kassa_store_strip_string (company->email);
  kassa_store_strip_string (company->phone);
  kassa_store_strip_string (company->iban);
  kassa_store_strip_string (company->bic);
  kassa_store_strip_string (company->document_language);
  kassa_store_strip_string (company->bankgiro);
  kassa_store_strip_string (company->plusgiro);
  company->currency[3] = '\0';
  company->country[2] = '\0';
}

gboolean
kassa_store_validate_payment_terms (gint      days,
                                    GError  **error)
{
  if (days < 0 || days > 365)
    return kassa_store_set_invalid (error, _("The payment terms must be between 0 and 365 days."));

  return TRUE;
}

gboolean
kassa_store_validate_country (const char  *country,
                              GError     **error)
{
  if (!is_country_code (country))
    return kassa_store_set_invalid (error, _("The country must be a two-letter code, such as FI."));

  return TRUE;
}

static gboolean
is_png (GBytes *data)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);

  return size > sizeof signature && memcmp (bytes, signature, sizeof signature) == 0;
}

static gboolean
validate_logo (GBytes  *logo,
               GError **error)
{
  if (logo == NULL)
    return TRUE;

  if (!is_png (logo))
    return kassa_store_set_invalid (error, _("The logo must be a PNG image. Choose a PNG file."));

  if (g_bytes_get_size (logo) > LOGO_MAX_BYTES)
    return kassa_store_set_invalid (error,
                                    _("The logo is larger than 2 MB. Choose a smaller PNG image."));

  return TRUE;
}

static gboolean
validate_document_settings (const KassaCompany  *company,
                            GError             **error)
{
  if (!validate_logo (company->logo, error))
    return FALSE;

  if (company->reference_style != KASSA_REFERENCE_STYLE_FINNISH &&
      company->reference_style != KASSA_REFERENCE_STYLE_RF)
    return kassa_store_set_invalid (error, _("Choose how the reference number is printed."));

  if (!kassa_store_is_blank (company->bankgiro) && !kassa_bankgiro_is_valid (company->bankgiro))
    return kassa_store_set_invalid (error,
                                    _("The Bankgiro number is not valid. Enter it as NNN-NNNN or NNNN-NNNN."));

  if (!kassa_store_is_blank (company->plusgiro) && !kassa_plusgiro_is_valid (company->plusgiro))
    return kassa_store_set_invalid (error,
                                    _("The PlusGiro number is not valid. Enter its 2 to 8 digits."));

  return TRUE;
}

static gboolean
validate_company (const KassaCompany  *company,
                  GError             **error)
{
  if (kassa_store_is_blank (company->name))
    return kassa_store_set_invalid (error, _("Enter the company name."));

  if (!kassa_currency_is_known (company->currency))
    {
      /* Translators: %s is a currency code such as EUR. */
      g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID,
                   _("The currency “%s” is not supported. Choose another currency."),
                   company->currency);
      return FALSE;
    }

  if (!kassa_store_validate_country (company->country, error) ||
      !kassa_store_validate_payment_terms (company->payment_terms_days, error))
    return FALSE;

  if (company->next_invoice_number < 100)
    return kassa_store_set_invalid (error, _("The next invoice number must be at least 100."));

  if (!kassa_store_is_blank (company->iban) && !kassa_iban_is_valid (company->iban))
    return kassa_store_set_invalid (error, _("The IBAN is not valid. Check the account number."));

  return validate_document_settings (company, error);
}

static gboolean
get_max_invoice_number (KassaStore  *self,
                        gint64      *number,
                        GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self, "SELECT COALESCE (MAX (number), 0) FROM invoices", error);
  if (stmt == NULL || !kassa_store_step_row (self, stmt, &found, error))
    return FALSE;

  *number = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Invoice numbers are gapless and never reused: the counter may not go
 * back below a number already taken. */
static gboolean
check_next_invoice_number (KassaStore          *self,
                           const KassaCompany  *company,
                           GError             **error)
{
  g_autofree char *lowest = NULL;
  g_autofree char *last = NULL;
  gint64 max_number;

  if (!get_max_invoice_number (self, &max_number, error))
    return FALSE;
  if (company->next_invoice_number > max_number)
    return TRUE;

  lowest = g_strdup_printf ("%" G_GINT64_FORMAT, max_number + 1);
  last = g_strdup_printf ("%" G_GINT64_FORMAT, max_number);
  /* Translators: both %s are invoice numbers. */
  g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID,
               _("The next invoice number must be at least %s, because invoice %s already exists."),
               lowest, last);
  return FALSE;
}

static void
bind_logo (sqlite3_stmt *stmt,
           int           index,
           GBytes       *logo)
{
  gsize size;
  gconstpointer data;

  if (logo == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  data = g_bytes_get_data (logo, &size);
  sqlite3_bind_blob64 (stmt, index, data, size, SQLITE_TRANSIENT);
}

static gboolean
write_company (KassaStore          *self,
               const KassaCompany  *company,
               GError             **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  if (!check_next_invoice_number (self, company, error))
    return FALSE;

  stmt = kassa_store_prepare (self,
                              "INSERT INTO company (id, " COMPANY_COLUMNS ")"
                              " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                              " ?16, ?17, ?18, ?19)"
                              " ON CONFLICT (id) DO UPDATE SET"
                              " name = ?1, business_id = ?2, vat_id = ?3, address = ?4, email = ?5,"
                              " phone = ?6, iban = ?7, bic = ?8, currency = ?9, country = ?10,"
                              " document_language = ?11, payment_terms_days = ?12,"
                              " next_invoice_number = ?13, minimum_cash_buffer = ?14,"
                              " late_interest_bp = ?15, logo = ?16, reference_style = ?17,"
                              " bankgiro = ?18, plusgiro = ?19",
                              error);
  if (stmt == NULL)
    return FALSE;

  kassa_store_bind_text (stmt, 1, company->name);
  kassa_store_bind_text (stmt, 2, company->business_id);
  kassa_store_bind_text (stmt, 3, company->vat_id);
  kassa_store_bind_text (stmt, 4, company->address);
  kassa_store_bind_text (stmt, 5, company->email);
  kassa_store_bind_text (stmt, 6, company->phone);
  kassa_store_bind_text (stmt, 7, company->iban);
  kassa_store_bind_text (stmt, 8, company->bic);
  kassa_store_bind_text (stmt, 9, company->currency);
  kassa_store_bind_text (stmt, 10, company->country);
  kassa_store_bind_text (stmt, 11, kassa_store_is_blank (company->document_language)
                                   ? "fi" : company->document_language);
  sqlite3_bind_int (stmt, 12, company->payment_terms_days);
  sqlite3_bind_int64 (stmt, 13, company->next_invoice_number);
  sqlite3_bind_int64 (stmt, 14, company->minimum_cash_buffer);
  sqlite3_bind_int (stmt, 15, company->late_interest_bp);
  bind_logo (stmt, 16, company->logo);
  sqlite3_bind_int (stmt, 17, company->reference_style);
  kassa_store_bind_text (stmt, 18, company->bankgiro);
  kassa_store_bind_text (stmt, 19, company->plusgiro);

  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_COMPANY);
  return TRUE;
}

gboolean
kassa_store_save_company (KassaStore          *self,
                          const KassaCompany  *company,
                          GError             **error)
{
  g_autoptr(KassaCompany) clean = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (company != NULL, FALSE);

  clean = kassa_company_copy (company);
  normalize_company (clean);
  if (!validate_company (clean, error))
    return FALSE;
  kassa_store_normalize_country (clean->country);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, write_company (self, clean, error), error);
}

static GBytes *
column_bytes (sqlite3_stmt *stmt,
              int           column)
{
  const void *data = sqlite3_column_blob (stmt, column);

  if (data == NULL)
    return NULL;

  return g_bytes_new (data, sqlite3_column_bytes (stmt, column));
}

static KassaCompany *
company_from_row (sqlite3_stmt *stmt)
{
  KassaCompany *company = kassa_company_new ();

  g_clear_pointer (&company->document_language, g_free);
  company->name = kassa_store_column_dup (stmt, 0);
  company->business_id = kassa_store_column_dup (stmt, 1);
  company->vat_id = kassa_store_column_dup (stmt, 2);
  company->address = kassa_store_column_dup (stmt, 3);
  company->email = kassa_store_column_dup (stmt, 4);
  company->phone = kassa_store_column_dup (stmt, 5);
  company->iban = kassa_store_column_dup (stmt, 6);
  company->bic = kassa_store_column_dup (stmt, 7);
  kassa_store_column_code (stmt, 8, company->currency, sizeof company->currency);
  kassa_store_column_code (stmt, 9, company->country, sizeof company->country);
  company->document_language = kassa_store_column_dup (stmt, 10);
  company->payment_terms_days = sqlite3_column_int (stmt, 11);
  company->next_invoice_number = sqlite3_column_int64 (stmt, 12);
  company->minimum_cash_buffer = sqlite3_column_int64 (stmt, 13);
  company->late_interest_bp = sqlite3_column_int (stmt, 14);
  company->logo = column_bytes (stmt, 15);
  company->reference_style = sqlite3_column_int (stmt, 16);
  g_free (company->bankgiro);
  company->bankgiro = kassa_store_column_dup (stmt, 17);
  g_free (company->plusgiro);
  company->plusgiro = kassa_store_column_dup (stmt, 18);

  return company;
}

KassaCompany *
kassa_store_get_company (KassaStore *self)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  stmt = kassa_store_prepare (self, "SELECT " COMPANY_COLUMNS " FROM company WHERE id = 1", &error);
  if (stmt == NULL || !kassa_store_step_row (self, stmt, &found, &error))
    {
      g_warning ("Cannot read the company: %s", error->message);
      return NULL;
    }

  return found ? company_from_row (stmt) : NULL;
}

gboolean
kassa_store_has_company (KassaStore *self)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  stmt = kassa_store_prepare (self, "SELECT 1 FROM company WHERE id = 1", NULL);
  if (stmt == NULL || !kassa_store_step_row (self, stmt, &found, NULL))
    return FALSE;

  return found;
}
