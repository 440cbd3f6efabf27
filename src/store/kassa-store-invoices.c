/* kassa-store-invoices.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KassaStore: invoices, from draft to sent (with their gapless numbers) and
 * credited.  Credit notes follow the open-amount rule described at the top
 * of kassa-store.c.
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-reference.h"
#include "kassa-store-private.h"

#define MAX_LINES 1000
#define MAX_QUANTITY G_GINT64_CONSTANT (1000000000)     /* thousandths */
#define MAX_UNIT_PRICE G_GINT64_CONSTANT (1000000000000) /* minor units */
#define MAX_DESCRIPTION_CHARS 1000

/* The company currency, or FALSE with an error when there is no company. */
static gboolean
get_company_currency (KassaStore  *self,
                      char         currency[4],
                      GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self, "SELECT currency FROM company WHERE id = 1", error);
  if (stmt == NULL || !kassa_store_step_row (self, stmt, &found, error))
    return FALSE;
  if (!found)
    return kassa_store_set_invalid (error, _("Enter the company details before writing invoices."));

  kassa_store_column_code (stmt, 0, currency, 4);
  return TRUE;
}

/* Takes the next invoice number and advances the counter; the caller's
 * transaction makes both one step, so numbers stay gapless. */
static gboolean
take_invoice_number (KassaStore  *self,
                     gint64      *number,
                     GError     **error)
{
  g_autoptr(KassaStoreStatement) select = NULL;
  g_autoptr(KassaStoreStatement) update = NULL;
  gboolean found;

  select = kassa_store_prepare (self, "SELECT next_invoice_number FROM company WHERE id = 1", error);
  if (select == NULL || !kassa_store_step_row (self, select, &found, error))
    return FALSE;
  if (!found)
    return kassa_store_set_invalid (error, _("Enter the company details before sending invoices."));

  *number = sqlite3_column_int64 (select, 0);

  update = kassa_store_prepare (self,
                                "UPDATE company SET next_invoice_number = ?1 + 1 WHERE id = 1",
                                error);
  if (update == NULL)
    return FALSE;

  sqlite3_bind_int64 (update, 1, *number);
  if (!kassa_store_step_done (self, update, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_COMPANY);
  return TRUE;
}

/* The payment reference of invoice number: a Swedish company's customers
 * pay with an OCR number (Luhn, with the length digit), everyone else with
 * the Finnish national reference (printed as RF when the company asks). */
static char *
make_reference (KassaStore  *self,
                gint64       number,
                GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self, "SELECT country FROM company WHERE id = 1", error);
  if (stmt == NULL || !kassa_store_step_row (self, stmt, &found, error))
    return NULL;

  if (found && g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "SE") == 0)
    return kassa_reference_se_ocr_from_number (number, TRUE);

  return kassa_reference_fi_from_number (number);
}


static gboolean set_line_error (GError     **error,
                                const char  *format,
                                ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_line_error (GError     **error,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return kassa_store_set_invalid (error, message);
}

static gboolean
validate_line (const KassaInvoiceLine  *line,
               guint                    n,
               GError                 **error)
{
  /* Translators (all "Line %u" messages): %u is the line number on the invoice. */
  if (line->quantity == 0)
    return set_line_error (error, _("Line %u: the quantity cannot be zero."), n);
  if (ABS (line->quantity) > MAX_QUANTITY)
    return set_line_error (error, _("Line %u: the quantity is too large."), n);
  if (ABS (line->unit_price) > MAX_UNIT_PRICE || ABS (line->unit_cost) > MAX_UNIT_PRICE)
    return set_line_error (error, _("Line %u: the unit price is too large."), n);
  if (line->vat_rate < 0 || line->vat_rate > 10000 || line->discount < 0 || line->discount > 10000)
    {
      g_autofree char *low = kassa_percent_format (0, kassa_locale_current ());
      g_autofree char *high = kassa_percent_format (10000, kassa_locale_current ());

      /* Translators: %u is the line number, the limits are formatted percentages */
      return line->discount < 0 || line->discount > 10000
             ? set_line_error (error, _("Line %u: the discount must be between %s and %s."), n, low, high)
             : set_line_error (error, _("Line %u: the VAT rate must be between %s and %s."), n, low, high);
    }

  if (line->description != NULL && !g_utf8_validate (line->description, -1, NULL))
    return set_line_error (error, _("Line %u: the description contains invalid characters."), n);
  if (line->description != NULL && g_utf8_strlen (line->description, -1) > MAX_DESCRIPTION_CHARS)
    return set_line_error (error, _("Line %u: the description is too long (at most 1000 characters)."), n);

  /* quantity × price fits in gint64 within the limits above only after
   * the division by 1000; check the result against the money limit so
   * that the totals cannot overflow either. */
  if (line->unit_price != 0 &&
      ABS (line->quantity) > KASSA_MONEY_MAX / ABS (line->unit_price) * 1000)
    return set_line_error (error, _("Line %u: the line total is too large."), n);

  return TRUE;
}

static gboolean
validate_invoice (const KassaInvoiceRecord  *invoice,
                  GError                   **error)
{
  guint n_lines = invoice->lines != NULL ? invoice->lines->len : 0;
  gint64 total;

  if (invoice->customer_id <= 0)
    return kassa_store_set_invalid (error, _("Choose a customer for the invoice."));
  if (!kassa_day_is_valid (invoice->issue_date))
    return kassa_store_set_invalid (error, _("The invoice date is not valid."));
  if (!kassa_day_is_valid (invoice->due_date))
    return kassa_store_set_invalid (error, _("The due date is not valid."));
  if (invoice->due_date < invoice->issue_date)
    return kassa_store_set_invalid (error, _("The due date cannot be before the invoice date."));
  if (n_lines == 0)
    return kassa_store_set_invalid (error, _("Add at least one line to the invoice."));
  if (n_lines > MAX_LINES)
    return kassa_store_set_invalid (error, _("An invoice can have at most 1000 lines."));

  for (guint i = 0; i < n_lines; i++)
    {
      if (!validate_line (g_ptr_array_index (invoice->lines, i), i + 1, error))
        return FALSE;
    }

  kassa_invoice_record_get_totals (invoice, NULL, NULL, &total);
  if (ABS (total) > KASSA_MONEY_MAX)
    return kassa_store_set_invalid (error, _("The invoice total is too large."));

  return TRUE;
}

/* Reads the stored state of an invoice; FALSE with NOT_FOUND if missing. */
static gboolean
get_invoice_state (KassaStore         *self,
                   gint64              id,
                   KassaInvoiceState  *state,
                   GError            **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self, "SELECT state FROM invoices WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;
  if (!found)
    return kassa_store_set_not_found (error, _("The invoice no longer exists."));

  *state = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
check_invoice_customer (KassaStore                *self,
                        const KassaInvoiceRecord  *invoice,
                        GError                   **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self, "SELECT archived FROM customers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, invoice->customer_id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;
  if (!found)
    return kassa_store_set_invalid (error,
                                    _("The customer of the invoice no longer exists. Choose another customer."));

  /* Existing drafts of a customer archived since may still be finished. */
  if (invoice->id == 0 && sqlite3_column_int (stmt, 0) != 0)
    return kassa_store_set_invalid (error,
                                    _("The customer is archived. Restore the customer before invoicing them."));

  return TRUE;
}

/* What must be true in the file for a draft to be saved. */
static gboolean
check_invoice_context (KassaStore                *self,
                       const KassaInvoiceRecord  *invoice,
                       GError                   **error)
{
  char currency[4];

  if (invoice->id != 0)
    {
      KassaInvoiceState state;

      if (!get_invoice_state (self, invoice->id, &state, error))
        return FALSE;
      if (state != KASSA_INVOICE_STATE_DRAFT)
        return kassa_store_set_invalid (error,
                                        _("A sent invoice cannot be changed. Credit it instead."));
    }

  if (!check_invoice_customer (self, invoice, error) ||
      !get_company_currency (self, currency, error))
    return FALSE;

  if (g_strcmp0 (currency, invoice->currency) != 0)
    {
      /* Translators: %s is a currency code such as EUR. */
      g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID,
                   _("The invoice must be in the company currency (%s)."), currency);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_invoice_header (KassaStore                *self,
                      const KassaInvoiceRecord  *invoice,
                      gint64                    *id,
                      GError                   **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gint64 net, vat, total;
  const char *sql;

  if (invoice->id == 0)
    sql = "INSERT INTO invoices (customer_id, issue_date, due_date, currency, delivery, disputed,"
          " notes, total_net, total_vat, total, total_cost, state)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12, 0)";
  else
    sql = "UPDATE invoices SET customer_id = ?1, issue_date = ?2, due_date = ?3, currency = ?4,"
          " delivery = ?5, disputed = ?6, notes = ?7, total_net = ?8, total_vat = ?9, total = ?10,"
          " total_cost = ?12"
          " WHERE id = ?11 AND state = 0";

  stmt = kassa_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  kassa_invoice_record_get_totals (invoice, &net, &vat, &total);
  sqlite3_bind_int64 (stmt, 1, invoice->customer_id);
  sqlite3_bind_int (stmt, 2, invoice->issue_date);
  sqlite3_bind_int (stmt, 3, invoice->due_date);
  kassa_store_bind_text (stmt, 4, invoice->currency);
  sqlite3_bind_int (stmt, 5, invoice->delivery);
  sqlite3_bind_int (stmt, 6, invoice->disputed ? 1 : 0);
  kassa_store_bind_text (stmt, 7, invoice->notes);
  sqlite3_bind_int64 (stmt, 8, net);
  sqlite3_bind_int64 (stmt, 9, vat);
  sqlite3_bind_int64 (stmt, 10, total);
  if (invoice->id != 0)
    sqlite3_bind_int64 (stmt, 11, invoice->id);
  sqlite3_bind_int64 (stmt, 12, kassa_invoice_record_get_cost (invoice));

  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  *id = invoice->id != 0 ? invoice->id : sqlite3_last_insert_rowid (kassa_store_get_db (self));
  return TRUE;
}

static gboolean
insert_line (KassaStore              *self,
             gint64                   invoice_id,
             guint                    position,
             const KassaInvoiceLine  *line,
             GError                 **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (self,
                              "INSERT INTO invoice_lines (invoice_id, position, description,"
                              " quantity, unit_price, unit_cost, vat_rate, discount)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int (stmt, 2, position);
  kassa_store_bind_text (stmt, 3, line->description);
  sqlite3_bind_int64 (stmt, 4, line->quantity);
  sqlite3_bind_int64 (stmt, 5, line->unit_price);
  sqlite3_bind_int64 (stmt, 6, line->unit_cost);
  sqlite3_bind_int (stmt, 7, line->vat_rate);
  sqlite3_bind_int (stmt, 8, line->discount);

  return kassa_store_step_done (self, stmt, error);
}

static gboolean
replace_lines (KassaStore                *self,
               gint64                     invoice_id,
               const KassaInvoiceRecord  *invoice,
               GError                   **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (self, "DELETE FROM invoice_lines WHERE invoice_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < invoice->lines->len; i++)
    {
      if (!insert_line (self, invoice_id, i, g_ptr_array_index (invoice->lines, i), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_invoice (KassaStore                *self,
               const KassaInvoiceRecord  *invoice,
               gint64                    *id,
               GError                   **error)
{
  if (!check_invoice_context (self, invoice, error) ||
      !write_invoice_header (self, invoice, id, error) ||
      !replace_lines (self, *id, invoice, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_INVOICES);
  return TRUE;
}

gboolean
kassa_store_save_invoice (KassaStore          *self,
                          KassaInvoiceRecord  *invoice,
                          GError             **error)
{
  gint64 id = 0;

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (invoice != NULL, FALSE);

  if (!validate_invoice (invoice, error))
    return FALSE;

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;
  if (!kassa_store_transaction_end (self, write_invoice (self, invoice, &id, error), error))
    return FALSE;

  invoice->id = id;
  invoice->number = 0;
  invoice->state = KASSA_INVOICE_STATE_DRAFT;
  for (guint i = 0; i < invoice->lines->len; i++)
    ((KassaInvoiceLine *) g_ptr_array_index (invoice->lines, i))->position = i;

  return TRUE;
}

static KassaInvoiceRecord *
invoice_from_row (sqlite3_stmt *stmt)
{
  KassaInvoiceRecord *invoice = kassa_invoice_record_new ();

  invoice->id = sqlite3_column_int64 (stmt, 0);
  invoice->number = sqlite3_column_int64 (stmt, 1);
  invoice->customer_id = sqlite3_column_int64 (stmt, 2);
  invoice->issue_date = sqlite3_column_int (stmt, 3);
  invoice->due_date = sqlite3_column_int (stmt, 4);
  kassa_store_column_code (stmt, 5, invoice->currency, sizeof invoice->currency);
  invoice->state = sqlite3_column_int (stmt, 6);
  invoice->reference = kassa_store_column_dup (stmt, 7);
  invoice->delivery = sqlite3_column_int (stmt, 8);
  invoice->disputed = sqlite3_column_int (stmt, 9) != 0;
  invoice->credited_invoice_id = sqlite3_column_int64 (stmt, 10);
  invoice->notes = kassa_store_column_dup (stmt, 11);

  return invoice;
}

static KassaInvoiceLine *
line_from_row (sqlite3_stmt *stmt)
{
  KassaInvoiceLine *line = kassa_invoice_line_new ();

  line->id = sqlite3_column_int64 (stmt, 0);
  line->position = sqlite3_column_int (stmt, 1);
  line->description = kassa_store_column_dup (stmt, 2);
  line->quantity = sqlite3_column_int64 (stmt, 3);
  line->unit_price = sqlite3_column_int64 (stmt, 4);
  line->unit_cost = sqlite3_column_int64 (stmt, 5);
  line->vat_rate = sqlite3_column_int (stmt, 6);
  line->discount = sqlite3_column_int (stmt, 7);

  return line;
}

static gboolean
load_lines (KassaStore          *self,
            KassaInvoiceRecord  *invoice,
            GError             **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (self,
                              "SELECT id, position, description, quantity, unit_price, unit_cost,"
                              " vat_rate, discount FROM invoice_lines"
                              " WHERE invoice_id = ?1 ORDER BY position",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, invoice->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (invoice->lines, line_from_row (stmt));

  if (rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (self, rc, error);

  return TRUE;
}

KassaInvoiceRecord *
kassa_store_get_invoice (KassaStore  *self,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autoptr(KassaInvoiceRecord) invoice = NULL;
  gboolean found;

  g_return_val_if_fail (KASSA_IS_STORE (self), NULL);

  stmt = kassa_store_prepare (self,
                              "SELECT id, number, customer_id, issue_date, due_date, currency, state,"
                              " reference, delivery, disputed, credited_invoice_id, notes"
                              " FROM invoices WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return NULL;
  if (!found)
    {
      kassa_store_set_not_found (error, _("The invoice no longer exists."));
      return NULL;
    }

  invoice = invoice_from_row (stmt);
  if (!load_lines (self, invoice, error))
    return NULL;

  return g_steal_pointer (&invoice);
}

static gboolean
write_delete_draft (KassaStore  *self,
                    gint64       id,
                    GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  KassaInvoiceState state;

  if (!get_invoice_state (self, id, &state, error))
    return FALSE;
  if (state != KASSA_INVOICE_STATE_DRAFT)
    return kassa_store_set_invalid (error,
                                    _("A sent invoice cannot be deleted. Credit it instead."));

  /* The lines go with it (ON DELETE CASCADE). */
  stmt = kassa_store_prepare (self, "DELETE FROM invoices WHERE id = ?1 AND state = 0", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_INVOICES);
  return TRUE;
}

gboolean
kassa_store_delete_draft (KassaStore  *self,
                          gint64       id,
                          GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, write_delete_draft (self, id, error), error);
}

static gboolean
check_sendable (KassaStore  *self,
                gint64       id,
                GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self,
                              "SELECT state, (SELECT COUNT(*) FROM invoice_lines WHERE invoice_id = ?1)"
                              " FROM invoices WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;
  if (!found)
    return kassa_store_set_not_found (error, _("The invoice no longer exists."));
  if (sqlite3_column_int (stmt, 0) != KASSA_INVOICE_STATE_DRAFT)
    return kassa_store_set_invalid (error, _("The invoice has already been sent."));
  if (sqlite3_column_int (stmt, 1) == 0)
    return kassa_store_set_invalid (error, _("Add at least one line before sending the invoice."));

  return TRUE;
}

static gboolean
write_send_invoice (KassaStore  *self,
                    gint64       id,
                    GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autofree char *reference = NULL;
  gint64 number;

  if (!check_sendable (self, id, error) ||
      !take_invoice_number (self, &number, error))
    return FALSE;

  reference = make_reference (self, number, error);
  if (reference == NULL)
    return FALSE;

  stmt = kassa_store_prepare (self,
                              "UPDATE invoices SET state = 1, number = ?2, reference = ?3"
                              " WHERE id = ?1 AND state = 0",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, number);
  kassa_store_bind_text (stmt, 3, reference);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_INVOICES);
  return TRUE;
}

gboolean
kassa_store_send_invoice (KassaStore  *self,
                          gint64       id,
                          GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, write_send_invoice (self, id, error), error);
}

/* Importing invoices sent elsewhere */

typedef struct
{
  KassaInvoiceRecord *invoice;
  gint64              number;
  const char         *reference;
  gint64              id;
} ImportRequest;

static gboolean
check_number_free (KassaStore  *self,
                   gint64       number,
                   GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self, "SELECT 1 FROM invoices WHERE number = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, number);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;

  if (found)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, number);

      g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_DUPLICATE,
                   /* Translators: %s is an invoice number. */
                   _("Invoice number %s is already used."), text);
      return FALSE;
    }

  return TRUE;
}

/* History may belong to customers archived since: only existence counts. */
static gboolean
check_customer_exists (KassaStore  *self,
                       gint64       customer_id,
                       GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self, "SELECT 1 FROM customers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;
  if (!found)
    return kassa_store_set_invalid (error,
                                    _("The customer of the invoice no longer exists. Choose another customer."));

  return TRUE;
}

static gboolean
check_credited_invoice (KassaStore  *self,
                        gint64       id,
                        GError     **error)
{
  KassaInvoiceState state;

  if (id == 0)
    return TRUE;

  return get_invoice_state (self, id, &state, error);
}

static gboolean
insert_imported_header (KassaStore     *self,
                        ImportRequest  *request,
                        const char     *reference,
                        GError        **error)
{
  const KassaInvoiceRecord *invoice = request->invoice;
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gint64 net, vat, total;

  stmt = kassa_store_prepare (self,
                              "INSERT INTO invoices (number, customer_id, issue_date, due_date,"
                              " currency, state, reference, delivery, disputed, credited_invoice_id,"
                              " notes, total_net, total_vat, total, total_cost)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                              " ?15)",
                              error);
  if (stmt == NULL)
    return FALSE;

  kassa_invoice_record_get_totals (invoice, &net, &vat, &total);
  sqlite3_bind_int64 (stmt, 1, request->number);
  sqlite3_bind_int64 (stmt, 2, invoice->customer_id);
  sqlite3_bind_int (stmt, 3, invoice->issue_date);
  sqlite3_bind_int (stmt, 4, invoice->due_date);
  kassa_store_bind_text (stmt, 5, invoice->currency);
  sqlite3_bind_int (stmt, 6, invoice->state);
  kassa_store_bind_text (stmt, 7, reference);
  sqlite3_bind_int (stmt, 8, invoice->delivery);
  sqlite3_bind_int (stmt, 9, invoice->disputed ? 1 : 0);
  if (invoice->credited_invoice_id != 0)
    sqlite3_bind_int64 (stmt, 10, invoice->credited_invoice_id);
  kassa_store_bind_text (stmt, 11, invoice->notes);
  sqlite3_bind_int64 (stmt, 12, net);
  sqlite3_bind_int64 (stmt, 13, vat);
  sqlite3_bind_int64 (stmt, 14, total);
  sqlite3_bind_int64 (stmt, 15, kassa_invoice_record_get_cost (invoice));
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  request->id = sqlite3_last_insert_rowid (kassa_store_get_db (self));
  return TRUE;
}

/* Imported numbers may lie anywhere; the counter only moves forward. */
static gboolean
advance_invoice_number (KassaStore  *self,
                        gint64       number,
                        GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (self,
                              "UPDATE company SET next_invoice_number = ?1 + 1"
                              " WHERE id = 1 AND next_invoice_number <= ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, number);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_COMPANY);
  return TRUE;
}

static gboolean
write_imported_invoice (KassaStore     *self,
                        ImportRequest  *request,
                        GError        **error)
{
  g_autofree char *computed = NULL;
  const char *reference = request->reference;

  if (!check_customer_exists (self, request->invoice->customer_id, error) ||
      !check_number_free (self, request->number, error) ||
      !check_credited_invoice (self, request->invoice->credited_invoice_id, error))
    return FALSE;

  if (kassa_store_is_blank (reference))
    {
      reference = computed = make_reference (self, request->number, error);
      if (reference == NULL)
        return FALSE;
    }

  if (!insert_imported_header (self, request, reference, error) ||
      !replace_lines (self, request->id, request->invoice, error) ||
      !advance_invoice_number (self, request->number, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_INVOICES);
  return TRUE;
}

static gboolean
check_imported_currency (KassaStore                *self,
                         const KassaInvoiceRecord  *invoice,
                         GError                   **error)
{
  char currency[4];

  if (!get_company_currency (self, currency, error))
    return FALSE;

  if (g_strcmp0 (currency, invoice->currency) != 0)
    {
      /* Translators: %s is a currency code such as EUR. */
      g_set_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID,
                   _("The invoice must be in the company currency (%s)."), currency);
      return FALSE;
    }

  return TRUE;
}

gboolean
kassa_store_import_invoice (KassaStore          *self,
                            KassaInvoiceRecord  *invoice,
                            gint64               number,
                            const char          *reference,
                            GError             **error)
{
  ImportRequest request = { invoice, number, reference, 0 };
  gboolean ok;

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (invoice != NULL, FALSE);

  if (number <= 0)
    return kassa_store_set_invalid (error, _("The invoice number must be a positive whole number."));
  if (invoice->state != KASSA_INVOICE_STATE_SENT && invoice->state != KASSA_INVOICE_STATE_CREDITED)
    return kassa_store_set_invalid (error, _("Only sent or credited invoices can be imported with a number."));
  if (!validate_invoice (invoice, error))
    return FALSE;

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  ok = check_imported_currency (self, invoice, error) &&
       write_imported_invoice (self, &request, error);
  if (!kassa_store_transaction_end (self, ok, error))
    return FALSE;

  invoice->id = request.id;
  invoice->number = number;
  for (guint i = 0; i < invoice->lines->len; i++)
    ((KassaInvoiceLine *) g_ptr_array_index (invoice->lines, i))->position = i;

  return TRUE;
}

static gboolean
write_disputed (KassaStore  *self,
                gint64       id,
                gboolean     disputed,
                GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  KassaInvoiceState state;

  if (!get_invoice_state (self, id, &state, error))
    return FALSE;
  if (state != KASSA_INVOICE_STATE_SENT)
    return kassa_store_set_invalid (error, _("Only sent invoices can be marked as disputed."));

  stmt = kassa_store_prepare (self, "UPDATE invoices SET disputed = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, disputed ? 1 : 0);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_INVOICES);
  return TRUE;
}

gboolean
kassa_store_set_invoice_disputed (KassaStore  *self,
                                  gint64       id,
                                  gboolean     disputed,
                                  GError     **error)
{
  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  if (!kassa_store_transaction_begin (self, error))
    return FALSE;

  return kassa_store_transaction_end (self, write_disputed (self, id, disputed, error), error);
}

/* Credit notes */

typedef struct
{
  gint64         customer_id;
  KassaDay       issue_date;
  char           currency[4];
  KassaDelivery  delivery;
  gint64         total_net;
  gint64         total_vat;
  gint64         total;
  gint64         total_cost;
} CreditedInvoice;

static gboolean
load_creditable (KassaStore       *self,
                 gint64            id,
                 CreditedInvoice  *original,
                 GError          **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  stmt = kassa_store_prepare (self,
                              "SELECT state, credited_invoice_id IS NOT NULL, customer_id, issue_date,"
                              " currency, delivery, total_net, total_vat, total, total_cost"
                              " FROM invoices WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;
  if (!found)
    return kassa_store_set_not_found (error, _("The invoice no longer exists."));

  switch (sqlite3_column_int (stmt, 0))
    {
    case KASSA_INVOICE_STATE_DRAFT:
      return kassa_store_set_invalid (error, _("A draft cannot be credited. Delete it instead."));
    case KASSA_INVOICE_STATE_CREDITED:
      return kassa_store_set_invalid (error, _("The invoice has already been credited."));
    default:
      break;
    }

  if (sqlite3_column_int (stmt, 1) != 0)
    return kassa_store_set_invalid (error, _("A credit note cannot be credited."));

  original->customer_id = sqlite3_column_int64 (stmt, 2);
  original->issue_date = sqlite3_column_int (stmt, 3);
  kassa_store_column_code (stmt, 4, original->currency, sizeof original->currency);
  original->delivery = sqlite3_column_int (stmt, 5);
  original->total_net = sqlite3_column_int64 (stmt, 6);
  original->total_vat = sqlite3_column_int64 (stmt, 7);
  original->total = sqlite3_column_int64 (stmt, 8);
  original->total_cost = sqlite3_column_int64 (stmt, 9);
  return TRUE;
}

/* Rounding is symmetric (half away from zero), so the negated totals are
 * exactly what the negated lines would sum to. */
static gboolean
insert_credit_note (KassaStore             *self,
                    gint64                  original_id,
                    const CreditedInvoice  *original,
                    KassaDay                date,
                    gint64                  number,
                    gint64                 *credit_note_id,
                    GError                **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  g_autofree char *reference = make_reference (self, number, error);

  if (reference == NULL)
    return FALSE;

  stmt = kassa_store_prepare (self,
                              "INSERT INTO invoices (number, customer_id, issue_date, due_date,"
                              " currency, state, reference, delivery, credited_invoice_id,"
                              " total_net, total_vat, total, total_cost)"
                              " VALUES (?1, ?2, ?3, ?3, ?4, 1, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, number);
  sqlite3_bind_int64 (stmt, 2, original->customer_id);
  sqlite3_bind_int (stmt, 3, date);
  kassa_store_bind_text (stmt, 4, original->currency);
  kassa_store_bind_text (stmt, 5, reference);
  sqlite3_bind_int (stmt, 6, original->delivery);
  sqlite3_bind_int64 (stmt, 7, original_id);
  sqlite3_bind_int64 (stmt, 8, -original->total_net);
  sqlite3_bind_int64 (stmt, 9, -original->total_vat);
  sqlite3_bind_int64 (stmt, 10, -original->total);
  sqlite3_bind_int64 (stmt, 11, -original->total_cost);
  if (!kassa_store_step_done (self, stmt, error))
    return FALSE;

  *credit_note_id = sqlite3_last_insert_rowid (kassa_store_get_db (self));
  return TRUE;
}

static gboolean
copy_negated_lines (KassaStore  *self,
                    gint64       original_id,
                    gint64       credit_note_id,
                    GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (self,
                              "INSERT INTO invoice_lines (invoice_id, position, description,"
                              " quantity, unit_price, unit_cost, vat_rate, discount)"
                              " SELECT ?2, position, description, -quantity, unit_price, unit_cost,"
                              " vat_rate, discount FROM invoice_lines WHERE invoice_id = ?1"
                              " ORDER BY position",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, original_id);
  sqlite3_bind_int64 (stmt, 2, credit_note_id);
  return kassa_store_step_done (self, stmt, error);
}

static gboolean
mark_credited (KassaStore  *self,
               gint64       id,
               GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;

  stmt = kassa_store_prepare (self, "UPDATE invoices SET state = 2 WHERE id = ?1 AND state = 1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return kassa_store_step_done (self, stmt, error);
}

typedef struct
{
  gint64   original_id;
  KassaDay date;
  gint64   credit_note_id;
} CreditRequest;

static gboolean
write_credit_note (KassaStore     *self,
                   CreditRequest  *request,
                   GError        **error)
{
  CreditedInvoice original;
  gint64 number;

  if (!load_creditable (self, request->original_id, &original, error))
    return FALSE;

  if (!kassa_day_is_valid (request->date) || request->date < original.issue_date)
    return kassa_store_set_invalid (error,
                                    _("The credit note date cannot be before the invoice date."));

  if (!take_invoice_number (self, &number, error) ||
      !insert_credit_note (self, request->original_id, &original, request->date, number,
                           &request->credit_note_id, error) ||
      !copy_negated_lines (self, request->original_id, request->credit_note_id, error) ||
      !mark_credited (self, request->original_id, error))
    return FALSE;

  kassa_store_emit_changed (self, KASSA_STORE_CHANGE_INVOICES);
  return TRUE;
}

gint64
kassa_store_credit_invoice (KassaStore  *self,
                            gint64       id,
                            KassaDay     date,
                            GError     **error)
{
  CreditRequest request = { id, date, 0 };

  g_return_val_if_fail (KASSA_IS_STORE (self), 0);

  if (!kassa_store_transaction_begin (self, error))
    return 0;
  if (!kassa_store_transaction_end (self, write_credit_note (self, &request, error), error))
    return 0;

  return request.credit_note_id;
}

gboolean
kassa_store_get_invoice_amounts (KassaStore  *self,
                                 gint64       id,
                                 gint64      *total,
                                 gint64      *paid,
                                 GError     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  gboolean found;

  g_return_val_if_fail (KASSA_IS_STORE (self), FALSE);

  stmt = kassa_store_prepare (self, "SELECT total, paid FROM invoices WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kassa_store_step_row (self, stmt, &found, error))
    return FALSE;
  if (!found)
    return kassa_store_set_not_found (error, _("The invoice no longer exists."));

  if (total != NULL)
    *total = sqlite3_column_int64 (stmt, 0);
  if (paid != NULL)
    *paid = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}
