/* kassa-csv-import-invoices.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Validation of invoice rows: the invoice of a row, its lines (from line
 * columns or from totals), its state and the credit notes it links.
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

/* The store's limit for a unit price (minor units). */
#define MAX_UNIT_PRICE      G_GINT64_CONSTANT (1000000000000)
#define MAX_INVOICE_NUMBER  G_GINT64_CONSTANT (999999999999999)

/* Words for the coded columns, in the four languages. */
static const char credit_note_words[] = "credit note|credit_note|credit|hyvityslasku|hyvitys|"
                                        "kreditfaktura|kredit|红字发票|贷项通知单";
static const char invoice_words[] = "invoice|lasku|faktura|发票";
static const char sent_words[] = "sent|open|paid|lähetetty|avoin|maksettu|skickad|öppen|betald|"
                                 "已发送|未付|已付";
static const char credited_words[] = "credited|hyvitetty|krediterad|已冲红";
static const char draft_words[] = "draft|luonnos|utkast|草稿";

/* Invoices: lines */

/* The line from the line columns of the current row.  Credit notes have
 * negative quantities, like the ones Kassa makes. */
static KassaInvoiceLine *
read_line (Validation *v,
           gboolean    credit_note)
{
  g_autoptr(KassaInvoiceLine) line = kassa_invoice_line_new ();
  g_autofree char *quantity = kassa_import_get_value (v, KASSA_CSV_FIELD_QUANTITY);
  g_autofree char *rate = kassa_import_get_value (v, KASSA_CSV_FIELD_VAT_RATE);
  g_autoptr(GError) error = NULL;

  line->description = kassa_import_get_value (v, KASSA_CSV_FIELD_DESCRIPTION);
  line->quantity = 1000;
  if (*quantity != '\0' &&
      !kassa_csv_parse_quantity (quantity, v->self->format.decimal, &line->quantity, &error))
    kassa_import_add_parse_error (v, KASSA_CSV_FIELD_QUANTITY, error);
  else if (line->quantity == 0)
    kassa_import_add_error (v, KASSA_CSV_FIELD_QUANTITY, _("The quantity cannot be zero."));
  g_clear_error (&error);

  if (*rate != '\0' &&
      !kassa_csv_parse_percent (rate, v->self->format.decimal, &line->vat_rate, &error))
    kassa_import_add_parse_error (v, KASSA_CSV_FIELD_VAT_RATE, error);
  else if (line->vat_rate < 0 || line->vat_rate > 10000)
    kassa_import_add_error (v, KASSA_CSV_FIELD_VAT_RATE, "%s", _("The VAT rate must be from 0 to 100 percent."));

  if (kassa_import_read_amount (v, KASSA_CSV_FIELD_UNIT_PRICE, FALSE, &line->unit_price) &&
      line->unit_price > MAX_UNIT_PRICE)
    kassa_import_add_error (v, KASSA_CSV_FIELD_UNIT_PRICE, _("The unit price is too large."));

  if (credit_note)
    line->quantity = -ABS (line->quantity);

  return g_steal_pointer (&line);
}

static KassaInvoiceLine *
make_line (const char *description,
           gint64      net,
           gint        rate,
           gboolean    credit_note)
{
  KassaInvoiceLine *line = kassa_invoice_line_new ();

  line->description = g_strdup (description);
  line->quantity = credit_note ? -1000 : 1000;
  line->unit_price = net;
  line->vat_rate = rate;
  return line;
}

/* The single rate that gives exactly vat on net, or -1. */
static gint
find_single_rate (gint64 net,
                  gint64 vat)
{
  gint64 estimate = net > 0 ? kassa_round_div (vat * 10000, net) : 0;

  for (gint64 rate = MAX (0, estimate - 2); rate <= MIN (10000, estimate + 2); rate++)
    {
      if (kassa_vat_for_net (net, (gint) rate) == vat)
        return (gint) rate;
    }

  return -1;
}

/* Lines with exactly the net and VAT of an invoice whose lines are not in
 * the file.  One rate usually does it; an invoice that mixed rates needs
 * two neighbouring rates, split so that the rounded VAT adds up. */
static gboolean
add_lines_for_totals (KassaInvoiceRecord *invoice,
                      gint64              net,
                      gint64              vat,
                      gboolean            credit_note)
{
  const char *description = _("Imported total");
  gint rate = find_single_rate (net, vat);
  gint64 low;

  if (rate >= 0)
    {
      g_ptr_array_add (invoice->lines, make_line (description, net, rate, credit_note));
      return TRUE;
    }

  if (net <= 0 || vat > net)
    return FALSE;

  low = vat * 10000 / net;
  /* net·low/10⁴ + b/10⁴ ≈ vat, within the two roundings. */
  for (gint64 delta = 0; delta <= 20000; delta++)
    {
      for (int sign = -1; sign <= 1; sign += 2)
        {
          gint64 b = vat * 10000 - net * low + sign * delta;

          if (b <= 0 || b >= net ||
              kassa_vat_for_net (net - b, (gint) low) + kassa_vat_for_net (b, (gint) low + 1) != vat)
            continue;

          g_ptr_array_add (invoice->lines, make_line (description, net - b, (gint) low, credit_note));
          g_ptr_array_add (invoice->lines, make_line (description, b, (gint) low + 1, credit_note));
          return TRUE;
        }
    }

  return FALSE;
}

/* One line for a gross total at a rate: the net whose gross is exact. */
static gboolean
add_line_for_gross (KassaInvoiceRecord *invoice,
                    gint64              gross,
                    gint                rate,
                    gboolean            credit_note)
{
  gint64 estimate = kassa_round_div (gross * 10000, 10000 + rate);

  for (gint64 net = MAX (0, estimate - 2); net <= estimate + 2; net++)
    {
      if (net + kassa_vat_for_net (net, rate) == gross)
        {
          g_ptr_array_add (invoice->lines,
                           make_line (_("Imported total"), net, rate, credit_note));
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
has_value (Validation    *v,
           KassaCsvField  field)
{
  g_autofree char *text = kassa_import_get_value (v, field);

  return *text != '\0';
}

gboolean
kassa_import_has_line_columns (KassaCsvImport *self)
{
  return kassa_import_is_mapped (self, KASSA_CSV_FIELD_DESCRIPTION) ||
         kassa_import_is_mapped (self, KASSA_CSV_FIELD_QUANTITY) ||
         kassa_import_is_mapped (self, KASSA_CSV_FIELD_UNIT_PRICE);
}

static void
read_totals_lines (Validation         *v,
                   KassaInvoiceRecord *invoice,
                   gboolean            credit_note)
{
  gint64 net = 0, vat = 0, gross = 0;
  gint rate = 0;
  g_autofree char *rate_text = kassa_import_get_value (v, KASSA_CSV_FIELD_VAT_RATE);
  g_autoptr(GError) error = NULL;

  if (kassa_import_is_mapped (v->self, KASSA_CSV_FIELD_NET) && kassa_import_is_mapped (v->self, KASSA_CSV_FIELD_VAT))
    {
      if (!kassa_import_read_amount (v, KASSA_CSV_FIELD_NET, credit_note, &net) ||
          !kassa_import_read_amount (v, KASSA_CSV_FIELD_VAT, credit_note, &vat))
        return;
      if (has_value (v, KASSA_CSV_FIELD_TOTAL) &&
          kassa_import_read_amount (v, KASSA_CSV_FIELD_TOTAL, credit_note, &gross) && gross != net + vat)
        kassa_import_add_error (v, KASSA_CSV_FIELD_TOTAL, _("The total is not the net amount plus VAT."));
      else if (!add_lines_for_totals (invoice, ABS (net), ABS (vat), credit_note))
        kassa_import_add_error (v, KASSA_CSV_FIELD_VAT, _("The VAT amount cannot be larger than the net amount."));
      return;
    }

  if (*rate_text != '\0' && !kassa_csv_parse_percent (rate_text, v->self->format.decimal, &rate, &error))
    {
      kassa_import_add_parse_error (v, KASSA_CSV_FIELD_VAT_RATE, error);
      return;
    }

  if (kassa_import_read_amount (v, KASSA_CSV_FIELD_TOTAL, credit_note, &gross) &&
      (rate < 0 || rate > 10000 || !add_line_for_gross (invoice, ABS (gross), rate, credit_note)))
    kassa_import_add_error (v, KASSA_CSV_FIELD_TOTAL, _("No amount before VAT gives this total at this VAT rate."));
}

/* Invoices: headers */

typedef struct
{
  gboolean          credit_note;
  KassaInvoiceState state;
} InvoiceKind;

static InvoiceKind
read_invoice_kind (Validation *v)
{
  static const char *const types[] = { invoice_words, credit_note_words };
  static const char *const states[] = { sent_words, credited_words, draft_words };
  static const KassaInvoiceState state_values[] = {
    KASSA_INVOICE_STATE_SENT, KASSA_INVOICE_STATE_CREDITED, KASSA_INVOICE_STATE_DRAFT,
  };
  guint type = 0, state = 0;

  kassa_import_read_choice (v, KASSA_CSV_FIELD_INVOICE_TYPE, types, 2, &type);
  kassa_import_read_choice (v, KASSA_CSV_FIELD_INVOICE_STATE, states, 3, &state);
  return (InvoiceKind) { type == 1, state_values[state] };
}

gint64
kassa_import_read_invoice_number (Validation    *v,
                                  KassaCsvField  field,
                                  gboolean       required)
{
  g_autofree char *text = kassa_import_get_value (v, field);
  gint64 number = 0;

  if (*text == '\0')
    {
      if (required)
        kassa_import_add_missing_error (v, field);
      return 0;
    }

  if (!kassa_import_parse_whole_number (text, 1, MAX_INVOICE_NUMBER, &number))
    {
      /* Translators: %s is what the file said */
      kassa_import_add_error (v, field, _("Invoice number “%s” is not a positive whole number."), text);
      return 0;
    }

  return number;
}

static void
check_invoice_number_free (Validation *v,
                           gint64      number)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, number);

  if (!kassa_import_check_unique_in_file (v, v->numbers, KASSA_CSV_FIELD_INVOICE_NUMBER, text))
    return;

  if (kassa_import_lookup_invoice (v, number) != NULL)
    /* Translators: %s is an invoice number */
    kassa_import_add_error (v, KASSA_CSV_FIELD_INVOICE_NUMBER,
                            _("Invoice number %s is already used in this company."), text);
}

static const CustomerInfo *
read_invoice_customer (Validation *v)
{
  g_autofree char *number = NULL;
  const CustomerInfo *info;

  if (!kassa_import_read_required (v, KASSA_CSV_FIELD_INVOICE_CUSTOMER, &number))
    return NULL;

  info = kassa_import_lookup_customer (v, number);
  if (info == NULL)
    /* Translators: %s is a customer number */
    kassa_import_add_error (v, KASSA_CSV_FIELD_INVOICE_CUSTOMER,
                            _("No customer has the number %s. Import the customers first."), number);
  return info;
}

static void
read_invoice_dates (Validation          *v,
                    KassaInvoiceRecord  *invoice,
                    const CustomerInfo  *customer)
{
  gboolean has_due = kassa_import_is_mapped (v->self, KASSA_CSV_FIELD_DUE_DATE);

  if (!kassa_import_read_date (v, KASSA_CSV_FIELD_ISSUE_DATE, &invoice->issue_date))
    return;

  if (!has_due || !kassa_import_read_date (v, KASSA_CSV_FIELD_DUE_DATE, &invoice->due_date))
    {
      g_autofree char *due = kassa_import_get_value (v, KASSA_CSV_FIELD_DUE_DATE);

      if (*due != '\0')
        return;
      invoice->due_date = invoice->issue_date + (customer != NULL ? customer->payment_terms_days : 0);
    }

  if (invoice->due_date < invoice->issue_date)
    kassa_import_add_error (v, KASSA_CSV_FIELD_DUE_DATE, _("The due date cannot be before the invoice date."));
}

static gint64
item_gross (const KassaInvoiceRecord *invoice)
{
  gint64 gross;

  kassa_invoice_record_get_totals (invoice, NULL, NULL, &gross);
  return gross;
}

/* The invoice a credit note credits, when the file names it: an earlier
 * row of the file or an invoice of the company. */
static void
read_credited_invoice (Validation *v,
                       ImportItem *item)
{
  gint64 number = kassa_import_read_invoice_number (v, KASSA_CSV_FIELD_CREDITED_INVOICE, FALSE);
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, number);
  guint index;
  const InvoiceInfo *info;

  if (number == 0)
    return;

  index = GPOINTER_TO_UINT (g_hash_table_lookup (v->invoice_items, key));
  if (index > 0)
    {
      item->credited_item = (int) index - 1;
      return;
    }

  info = kassa_import_lookup_invoice (v, number);
  if (info != NULL)
    item->invoice->credited_invoice_id = info->id;
  else
    /* Translators: %s is an invoice number */
    kassa_import_add_error (v, KASSA_CSV_FIELD_CREDITED_INVOICE,
                            _("Invoice %s is neither in the company nor on an earlier row."), key);
}

static void
read_invoice_lines (Validation         *v,
                    KassaInvoiceRecord *invoice,
                    gboolean            credit_note)
{
  if (kassa_import_has_line_columns (v->self))
    g_ptr_array_add (invoice->lines, read_line (v, credit_note));
  else
    read_totals_lines (v, invoice, credit_note);
}

static ImportItem *
read_invoice (Validation  *v,
              InvoiceKind  kind,
              gint64       number)
{
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  const CustomerInfo *customer = read_invoice_customer (v);
  g_autofree char *reference = kassa_import_get_value (v, KASSA_CSV_FIELD_REFERENCE);
  ImportItem *item;

  invoice->customer_id = customer != NULL ? customer->id : 0;
  invoice->delivery = customer != NULL ? customer->delivery : KASSA_DELIVERY_EMAIL;
  invoice->state = kind.state;
  invoice->notes = kassa_import_get_value (v, KASSA_CSV_FIELD_INVOICE_NOTES);
  memcpy (invoice->currency, v->self->company->currency, sizeof invoice->currency);
  read_invoice_dates (v, invoice, customer);
  read_invoice_lines (v, invoice, kind.credit_note);
  if (number != 0)
    check_invoice_number_free (v, number);

  item = kassa_import_item_new (v->row_number);
  item->invoice = g_steal_pointer (&invoice);
  item->number = number;
  item->reference = g_steal_pointer (&reference);
  item->is_credit_note = kind.credit_note;
  if (kind.credit_note)
    read_credited_invoice (v, item);

  if (v->row_failed)
    g_clear_pointer (&item, kassa_import_item_free);
  return item;
}

static void
add_invoice_item (Validation *v,
                  ImportItem *item)
{
  g_ptr_array_add (v->items, item);
  item->gross = item_gross (item->invoice);

  if (item->number != 0)
    g_hash_table_insert (v->invoice_items, g_strdup_printf ("%" G_GINT64_FORMAT, item->number),
                         GUINT_TO_POINTER (v->items->len));
}

/* A further row of the invoice on the previous row: one more line. */
static void
read_group_line (Validation *v)
{
  gboolean credit_note = v->group != NULL && v->group->is_credit_note;
  g_autoptr(KassaInvoiceLine) line = read_line (v, credit_note);
  g_autofree char *customer = kassa_import_get_value (v, KASSA_CSV_FIELD_INVOICE_CUSTOMER);
  const CustomerInfo *info = *customer != '\0' ? kassa_import_lookup_customer (v, customer) : NULL;

  if (v->group == NULL || v->row_failed)
    return;

  if (*customer != '\0' && (info == NULL || info->id != v->group->invoice->customer_id))
    {
      kassa_import_add_error (v, KASSA_CSV_FIELD_INVOICE_CUSTOMER,
                              _("The rows of one invoice must have the same customer."));
      return;
    }

  g_ptr_array_add (v->group->invoice->lines, g_steal_pointer (&line));
  v->group->gross = item_gross (v->group->invoice);
}

void
kassa_import_validate_invoice_row (Validation *v)
{
  InvoiceKind kind = read_invoice_kind (v);
  gboolean draft = kind.state == KASSA_INVOICE_STATE_DRAFT;
  gint64 number = kassa_import_read_invoice_number (v, KASSA_CSV_FIELD_INVOICE_NUMBER, !draft);
  ImportItem *item;

  if (number != 0 && number == v->group_number && kassa_import_has_line_columns (v->self))
    {
      read_group_line (v);
      return;
    }

  v->group_number = number;
  v->group = NULL;
  if (draft && number != 0)
    kassa_import_add_error (v, KASSA_CSV_FIELD_INVOICE_NUMBER,
                            _("A draft has no invoice number yet. Leave the number empty."));
  if (v->row_failed)
    return;

  item = read_invoice (v, kind, number);
  if (item == NULL)
    return;

  add_invoice_item (v, item);
  v->group = item;
}

/* Credit notes the file does not link get the latest earlier credited
 * invoice of the same customer with the opposite total, which is how
 * Kassa credits (in full). */
void
kassa_import_link_credit_notes (GPtrArray *items)
{
  g_autofree gboolean *linked = g_new0 (gboolean, items->len + 1);

  for (guint i = 0; i < items->len; i++)
    {
      ImportItem *item = g_ptr_array_index (items, i);

      if (item->credited_item >= 0)
        linked[item->credited_item] = TRUE;
    }

  for (guint i = 0; i < items->len; i++)
    {
      ImportItem *note = g_ptr_array_index (items, i);

      if (!note->is_credit_note || note->credited_item >= 0 || note->invoice->credited_invoice_id != 0)
        continue;

      for (guint j = i; j-- > 0;)
        {
          ImportItem *original = g_ptr_array_index (items, j);

          if (!linked[j] && !original->is_credit_note &&
              original->invoice->state == KASSA_INVOICE_STATE_CREDITED &&
              original->invoice->customer_id == note->invoice->customer_id &&
              original->gross == -note->gross)
            {
              note->credited_item = (int) j;
              linked[j] = TRUE;
              break;
            }
        }
    }
}
