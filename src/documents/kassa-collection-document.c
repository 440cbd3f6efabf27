/* kassa-collection-document.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reminder letters and statements of account on A4 pages, in the
 * customer's document language, drawn with the letterhead, footer, payment
 * slip and PDF writer the invoices use (kassa-document-layout.h).
 *
 * Reminder: the title follows the highest dunning step recorded on the
 * invoices; each invoice shows its open amount (the store's rule), the
 * interest claimed with its latest dunning step and the sum of the fees of
 * all its collection events (events about the customer as a whole, without
 * an invoice, are not charged here).  The pay-by date is the due_by of the
 * latest dunning step (the newest by date, then id); without one, or when
 * it has already passed, the letter gives 14 days from today.  With one
 * invoice the payment slip carries its reference, the bank barcode and the
 * QR code for the total to pay; with several each line shows its own
 * reference and the slip has neither reference nor codes.
 *
 * Statement: every invoice and credit note of the customer issued on or
 * before the as-of day with an amount open on that day.  The open amount
 * is the store's rule (KASSA_STORE_OPEN_AMOUNT_SQL: total − paid, a
 * credited invoice's remainder carried by its credit note) with only the
 * payments dated on or before the as-of day counted, so a statement for an
 * earlier day shows what was open then.  A credit note owing money back
 * shows a negative amount, which lowers the balance.
 *
 * This file loads what the pages show and writes the PDF; the texts and
 * the layout are in kassa-collection-document-pages.c.
 */
#define G_LOG_DOMAIN "kassa-documents"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-collection-document-private.h"
#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-store-sql.h"

/* Days a reminder gives when no dunning step set a pay-by date. */
#define DEFAULT_PAY_WITHIN_DAYS 14

/* Small helpers */

static void
clear_row (gpointer data)
{
  KassaCollectionRow *row = data;

  g_free (row->reference);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_INVALID, message);
  return FALSE;
}

/* Loading: both documents */

static KassaCollectionDocument *
document_new (KassaCollectionDocumentKind kind,
              KassaDay                    date)
{
  KassaCollectionDocument *self = g_new0 (KassaCollectionDocument, 1);

  self->kind = kind;
  self->date = date;
  self->rows = g_array_new (FALSE, TRUE, sizeof (KassaCollectionRow));
  g_array_set_clear_func (self->rows, clear_row);
  self->balances = g_array_new (FALSE, TRUE, sizeof (KassaCollectionBalance));
  self->pages = g_array_new (FALSE, TRUE, sizeof (KassaCollectionPage));

  return self;
}

static gboolean
load_parties (KassaCollectionDocument  *self,
              KassaStore               *store,
              gint64                    customer_id,
              GError                  **error)
{
  self->company = kassa_store_get_company (store);
  if (self->company == NULL)
    return invalid (error, _("Enter the company details before printing reminders or statements."));

  self->customer = kassa_store_get_customer (store, customer_id, error);
  if (self->customer == NULL)
    return FALSE;

  self->locale = kassa_locale_from_name (self->customer->document_language);
  self->catalog = kassa_document_catalog_new (self->locale);
  self->context = kassa_document_context_new ();
  self->logo = kassa_document_load_logo (self->company->logo);
  return TRUE;
}

/* Loading: reminder */

/* The invoice may be reminded of: sent, this customer's, not a credit
 * note or credited, something open, and in the reminder's currency. */
static gboolean
check_remindable (KassaCollectionDocument   *self,
                  const KassaInvoiceRecord  *invoice,
                  gint64                     open,
                  GError                   **error)
{
  g_autofree char *number = kassa_collection_format_number (invoice->number);

  if (invoice->state == KASSA_INVOICE_STATE_DRAFT)
    return invalid (error, _("A draft cannot be in a reminder: send the invoice first."));

  if (invoice->customer_id != self->customer->id)
    {
      g_set_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_INVALID,
                   /* Translators: %s is an invoice number. */
                   _("Invoice %s belongs to another customer: make one reminder per customer."),
                   number);
      return FALSE;
    }

  if (invoice->state == KASSA_INVOICE_STATE_CREDITED || invoice->credited_invoice_id != 0)
    {
      g_set_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_INVALID,
                   /* Translators: %s is an invoice number. */
                   _("Invoice %s is credited or a credit note: leave it out of the reminder."),
                   number);
      return FALSE;
    }

  if (open <= 0)
    {
      g_set_error (error, KASSA_DOCUMENT_ERROR, KASSA_DOCUMENT_ERROR_INVALID,
                   /* Translators: %s is an invoice number. */
                   _("Invoice %s is paid: leave it out of the reminder."), number);
      return FALSE;
    }

  if (self->currency[0] != '\0' && g_strcmp0 (self->currency, invoice->currency) != 0)
    return invalid (error, _("The invoices are in different currencies: make one reminder per "
                             "currency."));

  return TRUE;
}

/* Interest of the latest dunning step, the fees of all events, the
 * highest step, and the newest step of the whole reminder in *latest. */
static void
apply_events (KassaCollectionDocument     *self,
              KassaCollectionRow          *row,
              GPtrArray                   *events,
              const KassaCollectionEvent **latest)
{
  gboolean interest_found = FALSE;

  /* Newest first. */
  for (guint i = 0; i < events->len; i++)
    {
      const KassaCollectionEvent *event = g_ptr_array_index (events, i);

      row->fees += event->fee;
      if (!KASSA_COLLECTION_IS_DUNNING_STEP (event->kind))
        continue;

      if (!interest_found)
        {
          row->interest = event->interest;
          interest_found = TRUE;
        }
      self->level = MAX (self->level, event->kind);
      if (*latest == NULL || event->date > (*latest)->date ||
          (event->date == (*latest)->date && event->id > (*latest)->id))
        *latest = event;
    }
}

static gboolean
load_reminder_row (KassaCollectionDocument     *self,
                   KassaStore                  *store,
                   gint64                       invoice_id,
                   GPtrArray                   *all_events,
                   const KassaCollectionEvent **latest,
                   GError                     **error)
{
  g_autoptr(KassaInvoiceRecord) invoice = NULL;
  g_autoptr(GPtrArray) events = NULL;
  gint64 open;
  KassaCollectionRow row = { 0 };

  invoice = kassa_store_get_invoice (store, invoice_id, error);
  if (invoice == NULL || !kassa_store_get_invoice_open_amount (store, invoice_id, &open, error) ||
      !check_remindable (self, invoice, open, error))
    return FALSE;

  events = kassa_store_list_collection_events (store, 0, invoice_id, error);
  if (events == NULL)
    return FALSE;

  g_strlcpy (self->currency, invoice->currency, sizeof self->currency);
  row.number = invoice->number;
  row.issue_date = invoice->issue_date;
  row.due_date = invoice->due_date;
  row.reference = g_strdup (invoice->reference);
  row.total = open;
  row.open = open;
  g_strlcpy (row.currency, invoice->currency, sizeof row.currency);
  apply_events (self, &row, events, latest);
  g_array_append_val (self->rows, row);

  /* *latest points into the events: keep them alive with the others. */
  g_ptr_array_add (all_events, g_steal_pointer (&events));
  return TRUE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const KassaCollectionRow *row_a = a;
  const KassaCollectionRow *row_b = b;

  if (row_a->due_date != row_b->due_date)
    return row_a->due_date < row_b->due_date ? -1 : 1;

  return (row_a->number > row_b->number) - (row_a->number < row_b->number);
}

static gboolean
load_reminder_rows (KassaCollectionDocument  *self,
                    KassaStore               *store,
                    const gint64             *invoice_ids,
                    guint                     n_invoices,
                    GError                  **error)
{
  g_autoptr(GPtrArray) all_events = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  const KassaCollectionEvent *latest = NULL;

  all_events = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n_invoices; i++)
    {
      /* The same invoice twice is reminded of once. */
      if (!g_hash_table_add (seen, (gpointer) &invoice_ids[i]))
        continue;
      if (!load_reminder_row (self, store, invoice_ids[i], all_events, &latest, error))
        return FALSE;
    }

  g_array_sort (self->rows, compare_rows);

  /* A pay-by date that has passed would ask the impossible. */
  if (latest != NULL && latest->due_by >= self->date)
    self->pay_by = latest->due_by;
  else
    self->pay_by = self->date + DEFAULT_PAY_WITHIN_DAYS;

  return TRUE;
}

static void
compute_reminder_totals (KassaCollectionDocument *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      const KassaCollectionRow *row = &g_array_index (self->rows, KassaCollectionRow, i);

      self->open_total += row->open;
      self->interest_total += row->interest;
      self->fee_total += row->fees;
    }
}

/* With one invoice the slip asks for the whole total with its reference;
 * several invoices have several references, so no codes. */
static void
prepare_slip (KassaCollectionDocument *self)
{
  const KassaCollectionRow *row = &g_array_index (self->rows, KassaCollectionRow, 0);
  g_autofree char *number = NULL;
  g_autofree char *message = NULL;
  KassaPaymentRequest request = { 0 };

  if (self->rows->len != 1)
    return;

  number = kassa_collection_format_number (row->number);
  /* Translators: message of a payment without a reference; %s is the
   * invoice number. */
  message = kassa_document_catalog_format (self->catalog, NC_("document", "Invoice %s"),
                                           number, NULL);
  request.company = self->company;
  request.currency = self->currency;
  request.amount = kassa_collection_document_to_pay (self);
  request.reference = row->reference;
  request.due_date = self->pay_by;
  request.message = message;
  request.number = row->number;

  self->slip_reference = kassa_document_print_reference (self->company, self->catalog,
                                                         row->reference, &self->reference_label);
  self->virtual_barcode = kassa_document_bank_barcode (&request);
  self->epc_payload = kassa_document_epc_payload (&request);
}

/* Loading: statement */

/* The store's open amount rule (KASSA_STORE_OPEN_AMOUNT_SQL) as of ?2:
 * only payments dated on or before it count, and a credited invoice is
 * carried by its credit note only once that was issued.  The customer's
 * index (customer_id, issue_date) bounds the rows. */
#define PAID_AS_OF(alias) \
  "(SELECT COALESCE (SUM (p.amount), 0) FROM payments p" \
  " WHERE p.invoice_id = " alias ".id AND p.date <= ?2)"

static const char statement_sql[] =
  "SELECT number, issue_date, due_date, reference, total, currency, is_credit_note, open_amount"
  " FROM (SELECT i.number, i.issue_date, i.due_date, i.reference, i.total, i.currency,"
  "  i.credited_invoice_id IS NOT NULL AS is_credit_note,"
  "  i.total - " PAID_AS_OF ("i")
  "  + COALESCE ((SELECT o.total - " PAID_AS_OF ("o") " FROM invoices o"
  "              WHERE o.id = i.credited_invoice_id), 0) AS open_amount"
  "  FROM invoices i"
  "  WHERE i.customer_id = ?1 AND i.issue_date <= ?2"
  "   AND (i.state = 1 OR (i.state = 2 AND NOT EXISTS (SELECT 1 FROM invoices c"
  "        WHERE c.credited_invoice_id = i.id AND c.state = 1 AND c.issue_date <= ?2))))"
  " WHERE open_amount <> 0"
  " ORDER BY due_date, number";

static KassaCollectionBalance *
balance_of (KassaCollectionDocument *self,
            const char              *currency)
{
  KassaCollectionBalance balance = { { 0 }, 0, 0 };

  for (guint i = 0; i < self->balances->len; i++)
    {
      KassaCollectionBalance *existing = &g_array_index (self->balances, KassaCollectionBalance, i);

      if (g_strcmp0 (existing->currency, currency) == 0)
        return existing;
    }

  g_strlcpy (balance.currency, currency, sizeof balance.currency);
  g_array_append_val (self->balances, balance);
  self->mixed_currencies = self->balances->len > 1;
  return &g_array_index (self->balances, KassaCollectionBalance, self->balances->len - 1);
}

static void
add_statement_row (KassaCollectionDocument *self,
                   sqlite3_stmt            *stmt)
{
  const char *reference = (const char *) sqlite3_column_text (stmt, 3);
  const char *currency = (const char *) sqlite3_column_text (stmt, 5);
  KassaCollectionBalance *balance;
  KassaCollectionRow row = { 0 };

  row.number = sqlite3_column_int64 (stmt, 0);
  row.issue_date = sqlite3_column_int (stmt, 1);
  row.due_date = sqlite3_column_int (stmt, 2);
  row.reference = g_strdup (reference);
  row.total = sqlite3_column_int64 (stmt, 4);
  g_strlcpy (row.currency, currency != NULL ? currency : "", sizeof row.currency);
  row.credit_note = sqlite3_column_int (stmt, 6) != 0;
  row.open = sqlite3_column_int64 (stmt, 7);

  balance = balance_of (self, row.currency);
  balance->open += row.open;
  if (kassa_collection_row_days_overdue (&row, self->date) > 0)
    balance->overdue += row.open;

  g_array_append_val (self->rows, row);
}

static gboolean
load_statement_rows (KassaCollectionDocument  *self,
                     KassaStore               *store,
                     GError                  **error)
{
  g_autoptr(KassaStoreStatement) stmt = kassa_store_prepare (store, statement_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->customer->id);
  sqlite3_bind_int (stmt, 2, self->date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_statement_row (self, stmt);

  if (rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  /* Nothing open still has a balance: zero in the company's currency. */
  if (self->balances->len == 0)
    balance_of (self, self->company->currency);

  return TRUE;
}

/* Public API */

/**
 * kassa_reminder_document_new:
 * @store: the company file
 * @customer_id: the customer reminded
 * @invoice_ids: (array length=n_invoices): the customer's sent, unpaid invoices
 * @n_invoices: at least one
 * @today: the date of the letter
 * @error: a #KASSA_DOCUMENT_ERROR (drafts, another customer's invoice,
 *   paid or credited invoices, mixed currencies, no invoices, no company)
 *   or #KASSA_STORE_ERROR
 *
 * Returns: (transfer full) (nullable): the laid-out letter
 */
KassaCollectionDocument *
kassa_reminder_document_new (KassaStore    *store,
                             gint64         customer_id,
                             const gint64  *invoice_ids,
                             guint          n_invoices,
                             KassaDay       today,
                             GError       **error)
{
  g_autoptr(KassaCollectionDocument) self = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (invoice_ids != NULL || n_invoices == 0, NULL);
  g_return_val_if_fail (kassa_day_is_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_invoices == 0)
    {
      invalid (error, _("Choose at least one unpaid invoice for the reminder."));
      return NULL;
    }

  self = document_new (KASSA_COLLECTION_DOCUMENT_REMINDER, today);
  if (!load_parties (self, store, customer_id, error) ||
      !load_reminder_rows (self, store, invoice_ids, n_invoices, error))
    return NULL;

  compute_reminder_totals (self);
  prepare_slip (self);
  kassa_collection_document_paginate (self);
  return g_steal_pointer (&self);
}

/**
 * kassa_statement_document_new:
 * @store: the company file
 * @customer_id: the customer
 * @as_of: the day the statement shows
 * @error: a #KASSA_DOCUMENT_ERROR (no company) or #KASSA_STORE_ERROR
 *
 * Returns: (transfer full) (nullable): the laid-out statement
 */
KassaCollectionDocument *
kassa_statement_document_new (KassaStore  *store,
                              gint64       customer_id,
                              KassaDay     as_of,
                              GError     **error)
{
  g_autoptr(KassaCollectionDocument) self = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (kassa_day_is_valid (as_of), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = document_new (KASSA_COLLECTION_DOCUMENT_STATEMENT, as_of);
  if (!load_parties (self, store, customer_id, error) || !load_statement_rows (self, store, error))
    return NULL;

  kassa_collection_document_paginate (self);
  return g_steal_pointer (&self);
}

void
kassa_collection_document_free (KassaCollectionDocument *document)
{
  if (document == NULL)
    return;

  g_clear_pointer (&document->company, kassa_company_free);
  g_clear_pointer (&document->customer, kassa_customer_record_free);
  g_clear_pointer (&document->catalog, kassa_document_catalog_free);
  g_clear_object (&document->context);
  g_clear_pointer (&document->logo, cairo_surface_destroy);
  g_clear_pointer (&document->rows, g_array_unref);
  g_clear_pointer (&document->balances, g_array_unref);
  g_clear_pointer (&document->pages, g_array_unref);
  g_free (document->slip_reference);
  g_free (document->virtual_barcode);
  g_free (document->epc_payload);
  g_free (document);
}

int
kassa_collection_document_get_n_pages (KassaCollectionDocument *document)
{
  g_return_val_if_fail (document != NULL, 0);

  return (int) document->pages->len;
}

void
kassa_collection_document_draw_page (KassaCollectionDocument *document,
                                     cairo_t                 *cr,
                                     int                      page)
{
  g_return_if_fail (document != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page >= 0 && page < (int) document->pages->len);

  cairo_save (cr);
  kassa_collection_document_render_page (document, cr, page);
  cairo_restore (cr);
}

static void
draw_pdf_page (gpointer  document,
               cairo_t  *cr,
               int       page)
{
  kassa_collection_document_draw_page (document, cr, page);
}

gboolean
kassa_collection_document_write_pdf (KassaCollectionDocument  *document,
                                     const char               *path,
                                     GError                  **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  title = kassa_collection_document_get_running_title (document);
  return kassa_document_write_pdf (path, title, document->company->name,
                                   (int) document->pages->len, draw_pdf_page, document, error);
}

/**
 * kassa_collection_document_suggest_filename:
 * @document: a document
 *
 * Returns: (transfer full): e.g. "Payment reminder 1001 – Customer Ltd.pdf"
 * (title, customer number, customer name) in the document language.
 */
char *
kassa_collection_document_suggest_filename (KassaCollectionDocument *document)
{
  KassaCollectionDocument *self = document;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (document != NULL, NULL);

  prefix = g_strconcat (kassa_collection_document_get_title (self), " ", self->customer->number,
                        " – ", NULL);
  return kassa_document_filename (prefix, self->customer->name);
}

const char *
kassa_collection_document_get_virtual_barcode (KassaCollectionDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  return document->virtual_barcode;
}

const char *
kassa_collection_document_get_epc_payload (KassaCollectionDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  return document->epc_payload;
}

gboolean
kassa_collection_document_get_code_areas (KassaCollectionDocument *document,
                                          cairo_rectangle_t       *barcode,
                                          cairo_rectangle_t       *qr)
{
  g_return_val_if_fail (document != NULL, FALSE);

  if (document->virtual_barcode == NULL && document->epc_payload == NULL)
    return FALSE;

  kassa_collection_document_locate_slip (document);
  if (barcode != NULL)
    *barcode = document->slip_areas.barcode;
  if (qr != NULL)
    *qr = document->slip_areas.qr;

  return TRUE;
}

KassaCollectionKind
kassa_collection_document_get_level (KassaCollectionDocument *document)
{
  g_return_val_if_fail (document != NULL, 0);

  return document->level;
}

