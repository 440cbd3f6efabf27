/* kassa-records.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include <string.h>

#include "kassa-records.h"
#include "kassa-vat.h"

G_DEFINE_BOXED_TYPE (KassaCompany, kassa_company,
                     kassa_company_copy, kassa_company_free)
G_DEFINE_BOXED_TYPE (KassaCustomerRecord, kassa_customer_record,
                     kassa_customer_record_copy, kassa_customer_record_free)
G_DEFINE_BOXED_TYPE (KassaInvoiceRecord, kassa_invoice_record,
                     kassa_invoice_record_copy, kassa_invoice_record_free)

static void
set_code (char       *dest,
          gsize       size,
          const char *code)
{
  g_strlcpy (dest, code, size);
}

/* Company */

KassaCompany *
kassa_company_new (void)
{
  KassaCompany *company = g_new0 (KassaCompany, 1);

  set_code (company->currency, sizeof company->currency, "EUR");
  set_code (company->country, sizeof company->country, "FI");
  company->document_language = g_strdup ("fi");
  company->payment_terms_days = 14;
  company->next_invoice_number = 1000;
  company->reference_style = KASSA_REFERENCE_STYLE_FINNISH;
  company->bankgiro = g_strdup ("");
  company->plusgiro = g_strdup ("");

  return company;
}

KassaCompany *
kassa_company_copy (const KassaCompany *company)
{
  KassaCompany *copy;

  g_return_val_if_fail (company != NULL, NULL);

  /* Plain fields and the fixed-size codes come with the struct copy. */
  copy = g_memdup2 (company, sizeof *company);
  copy->name = g_strdup (company->name);
  copy->business_id = g_strdup (company->business_id);
  copy->vat_id = g_strdup (company->vat_id);
  copy->address = g_strdup (company->address);
  copy->email = g_strdup (company->email);
  copy->phone = g_strdup (company->phone);
  copy->iban = g_strdup (company->iban);
  copy->bic = g_strdup (company->bic);
  copy->document_language = g_strdup (company->document_language);
  copy->logo = company->logo != NULL ? g_bytes_ref (company->logo) : NULL;
  copy->bankgiro = g_strdup (company->bankgiro);
  copy->plusgiro = g_strdup (company->plusgiro);

  return copy;
}

void
kassa_company_free (KassaCompany *company)
{
  if (company == NULL)
    return;

  g_free (company->name);
  g_free (company->business_id);
  g_free (company->vat_id);
  g_free (company->address);
  g_free (company->email);
  g_free (company->phone);
  g_free (company->iban);
  g_free (company->bic);
  g_free (company->document_language);
  g_clear_pointer (&company->logo, g_bytes_unref);
  g_free (company->bankgiro);
  g_free (company->plusgiro);
  g_free (company);
}

/* Customers */

KassaCustomerRecord *
kassa_customer_record_new (void)
{
  KassaCustomerRecord *record = g_new0 (KassaCustomerRecord, 1);

  set_code (record->country, sizeof record->country, "FI");
  record->document_language = g_strdup ("fi");
  record->payment_terms_days = 14;
  record->kind = KASSA_CUSTOMER_BUSINESS;
  record->delivery = KASSA_DELIVERY_EMAIL;

  return record;
}

KassaCustomerRecord *
kassa_customer_record_copy (const KassaCustomerRecord *record)
{
  KassaCustomerRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = g_memdup2 (record, sizeof *record);
  copy->number = g_strdup (record->number);
  copy->name = g_strdup (record->name);
  copy->business_id = g_strdup (record->business_id);
  copy->vat_id = g_strdup (record->vat_id);
  copy->contact_person = g_strdup (record->contact_person);
  copy->email = g_strdup (record->email);
  copy->phone = g_strdup (record->phone);
  copy->address = g_strdup (record->address);
  copy->document_language = g_strdup (record->document_language);
  copy->einvoice_address = g_strdup (record->einvoice_address);
  copy->notes = g_strdup (record->notes);

  return copy;
}

void
kassa_customer_record_free (KassaCustomerRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->number);
  g_free (record->name);
  g_free (record->business_id);
  g_free (record->vat_id);
  g_free (record->contact_person);
  g_free (record->email);
  g_free (record->phone);
  g_free (record->address);
  g_free (record->document_language);
  g_free (record->einvoice_address);
  g_free (record->notes);
  g_free (record);
}

/* Invoice lines */

KassaInvoiceLine *
kassa_invoice_line_new (void)
{
  return g_new0 (KassaInvoiceLine, 1);
}

KassaInvoiceLine *
kassa_invoice_line_copy (const KassaInvoiceLine *line)
{
  KassaInvoiceLine *copy;

  g_return_val_if_fail (line != NULL, NULL);

  copy = g_memdup2 (line, sizeof *line);
  copy->description = g_strdup (line->description);

  return copy;
}

void
kassa_invoice_line_free (KassaInvoiceLine *line)
{
  if (line == NULL)
    return;

  g_free (line->description);
  g_free (line);
}

gint64
kassa_invoice_line_get_net (const KassaInvoiceLine *line)
{
  g_return_val_if_fail (line != NULL, 0);

  return kassa_line_net (line->quantity, line->unit_price, line->discount);
}

/* Cost of a line = quantity × unit cost, rounded half away from zero.  The
 * line discount lowers the price, never the cost.  The schema's migration
 * to version 6 fills invoices.total_cost with the same rule in SQL. */
gint64
kassa_invoice_line_get_cost (const KassaInvoiceLine *line)
{
  g_return_val_if_fail (line != NULL, 0);

  return kassa_round_div (line->quantity * line->unit_cost, 1000);
}

/* Payments */

KassaPayment *
kassa_payment_new (void)
{
  return g_new0 (KassaPayment, 1);
}

KassaPayment *
kassa_payment_copy (const KassaPayment *payment)
{
  KassaPayment *copy;

  g_return_val_if_fail (payment != NULL, NULL);

  copy = g_memdup2 (payment, sizeof *payment);
  copy->method = g_strdup (payment->method);
  copy->note = g_strdup (payment->note);

  return copy;
}

void
kassa_payment_free (KassaPayment *payment)
{
  if (payment == NULL)
    return;

  g_free (payment->method);
  g_free (payment->note);
  g_free (payment);
}

/* Invoices */

KassaInvoiceRecord *
kassa_invoice_record_new (void)
{
  KassaInvoiceRecord *record = g_new0 (KassaInvoiceRecord, 1);

  set_code (record->currency, sizeof record->currency, "EUR");
  record->state = KASSA_INVOICE_STATE_DRAFT;
  record->delivery = KASSA_DELIVERY_EMAIL;
  record->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_invoice_line_free);

  return record;
}

KassaInvoiceRecord *
kassa_invoice_record_copy (const KassaInvoiceRecord *record)
{
  KassaInvoiceRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = g_memdup2 (record, sizeof *record);
  copy->reference = g_strdup (record->reference);
  copy->notes = g_strdup (record->notes);
  copy->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_invoice_line_free);

  for (guint i = 0; record->lines != NULL && i < record->lines->len; i++)
    g_ptr_array_add (copy->lines, kassa_invoice_line_copy (g_ptr_array_index (record->lines, i)));

  return copy;
}

void
kassa_invoice_record_free (KassaInvoiceRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->reference);
  g_free (record->notes);
  g_clear_pointer (&record->lines, g_ptr_array_unref);
  g_free (record);
}

void
kassa_invoice_record_get_totals (const KassaInvoiceRecord *record,
                                 gint64                   *net,
                                 gint64                   *vat,
                                 gint64                   *gross)
{
  g_autoptr(KassaVatSummary) summary = kassa_vat_summary_new ();

  g_return_if_fail (record != NULL);

  /* VAT is computed per rate on the sum of the line nets of that rate
   * (not per line), which is what the summary does. */
  for (guint i = 0; record->lines != NULL && i < record->lines->len; i++)
    {
      const KassaInvoiceLine *line = g_ptr_array_index (record->lines, i);

      kassa_vat_summary_add_line (summary, line->vat_rate, kassa_invoice_line_get_net (line));
    }

  if (net != NULL)
    *net = kassa_vat_summary_get_net (summary);
  if (vat != NULL)
    *vat = kassa_vat_summary_get_vat (summary);
  if (gross != NULL)
    *gross = kassa_vat_summary_get_gross (summary);
}

gint64
kassa_invoice_record_get_cost (const KassaInvoiceRecord *record)
{
  gint64 cost = 0;

  g_return_val_if_fail (record != NULL, 0);

  for (guint i = 0; record->lines != NULL && i < record->lines->len; i++)
    cost += kassa_invoice_line_get_cost (g_ptr_array_index (record->lines, i));

  return cost;
}

/* Settled when nothing is owed in the direction of the total: for a normal
 * invoice when the payments reach the total, for a negative one when the
 * refunds do. */
static gboolean
is_settled (gint64 total,
            gint64 open)
{
  if (total > 0)
    return open <= 0;

  return open >= 0;
}

/* Overdue means the customer is late: only while they owe something (a
 * negative invoice owed back to them is never overdue), as in the overdue
 * figures and the overdue filter.  The due date itself is still on time. */
static KassaInvoiceStatus
status_by_due_date (KassaInvoiceStatus not_due,
                    gint64             open,
                    KassaDay           due_date,
                    KassaDay           today)
{
  return open > 0 && today > due_date ? KASSA_INVOICE_STATUS_OVERDUE : not_due;
}

KassaInvoiceStatus
kassa_invoice_status_derive (KassaInvoiceState state,
                             gboolean          is_credit_note,
                             gint64            total,
                             gint64            paid,
                             KassaDay          due_date,
                             KassaDay          today)
{
  if (state == KASSA_INVOICE_STATE_DRAFT)
    return KASSA_INVOICE_STATUS_DRAFT;
  if (state == KASSA_INVOICE_STATE_CREDITED)
    return KASSA_INVOICE_STATUS_CREDITED;
  if (is_credit_note)
    return KASSA_INVOICE_STATUS_CREDIT_NOTE;

  if (is_settled (total, total - paid))
    return KASSA_INVOICE_STATUS_PAID;

  /* Overdue wins over partially paid: it is what needs action. */
  if (paid != 0)
    return status_by_due_date (KASSA_INVOICE_STATUS_PARTIALLY_PAID, total - paid, due_date, today);

  return status_by_due_date (KASSA_INVOICE_STATUS_OPEN, total - paid, due_date, today);
}
