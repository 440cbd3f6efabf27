/* kassa-invoice-credit-warning.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the warning needs is read once per customer and kept on the editor,
 * so that typing in the lines only recomputes the text.
 */
#define G_LOG_DOMAIN "kassa-invoices"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-dunning.h"
#include "kassa-invoice-credit-warning.h"
#include "kassa-invoice-editor-private.h"

/* What the credit warning knows about the chosen customer.  Read when the
 * customer changes, not on every keystroke in the lines. */
typedef struct
{
  gint64 customer_id;
  gint64 credit_limit;           /* 0 = none */
  gint64 open;                   /* today, sent invoices only */
  gint   oldest_overdue_days;    /* 0 when nothing is overdue */
  gint   serious_overdue_days;
} CreditFacts;

#define CREDIT_FACTS_KEY "kassa-invoice-editor-credit-facts"

static void
load_credit_facts (KassaInvoiceEditor        *self,
                   const KassaCustomerRecord *customer,
                   CreditFacts               *facts)
{
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_load (self->store);
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GError) error = NULL;
  gint64 overdue = 0;

  facts->credit_limit = customer->credit_limit;
  facts->serious_overdue_days = settings != NULL ? settings->serious_overdue_days : 30;
  kassa_store_get_customer_balance (self->store, customer->id, self->today, &facts->open, &overdue);
  if (overdue <= 0)
    return;

  /* One customer's open invoices: cheap on any company. */
  invoices = kassa_aging_list_invoices (self->store, self->today, KASSA_AGING_BY_DUE_DATE,
                                        customer->id, -1, &error);
  if (invoices == NULL)
    {
      g_warning ("Could not read the customer's overdue invoices: %s", error->message);
      return;
    }

  for (guint i = 0; i < invoices->len; i++)
    {
      const KassaAgingInvoice *invoice = g_ptr_array_index (invoices, i);

      if (invoice->open > 0)
        facts->oldest_overdue_days = MAX (facts->oldest_overdue_days, invoice->days);
    }
}

static const CreditFacts *
credit_facts (KassaInvoiceEditor *self)
{
  const KassaCustomerRecord *customer = kassa_customer_picker_get_customer (self->customer_picker);
  gint64 customer_id = customer != NULL ? customer->id : 0;
  CreditFacts *facts = g_object_get_data (G_OBJECT (self), CREDIT_FACTS_KEY);

  if (facts != NULL && facts->customer_id == customer_id)
    return facts;

  facts = g_new0 (CreditFacts, 1);
  facts->customer_id = customer_id;
  if (customer != NULL)
    load_credit_facts (self, customer, facts);
  g_object_set_data_full (G_OBJECT (self), CREDIT_FACTS_KEY, facts, g_free);
  return facts;
}

static char *
over_limit_text (KassaInvoiceEditor *self,
                 const CreditFacts  *facts,
                 gint64              draft_total)
{
  g_autofree char *open = NULL;
  g_autofree char *total = NULL;
  g_autofree char *limit = NULL;

  if (facts->credit_limit <= 0 || facts->open + draft_total <= facts->credit_limit)
    return NULL;

  open = kassa_money_format (facts->open, self->currency, self->locale);
  total = kassa_money_format (draft_total, self->currency, self->locale);
  limit = kassa_money_format (facts->credit_limit, self->currency, self->locale);
  /* Translators: the customer's open amount, this invoice's total and the
   * customer's credit limit, e.g. "Over the credit limit: open 4 200,00 € +
   * this invoice 900,00 € > limit 5 000,00 €" */
  return g_strdup_printf (_("Over the credit limit: open %s + this invoice %s > limit %s"),
                          open, total, limit);
}

static char *
overdue_text (const CreditFacts *facts)
{
  gint oldest = facts->oldest_overdue_days;

  if (oldest <= facts->serious_overdue_days)
    return NULL;

  return g_strdup_printf (g_dngettext (NULL,
                                       /* Translators: the first number is the limit for
                                        * seriously overdue invoices (a setting, e.g. 30),
                                        * the second how many days the oldest open invoice
                                        * is overdue; the plural follows the second */
                                       "This customer has invoices more than %d days overdue "
                                       "(oldest %d day).",
                                       "This customer has invoices more than %d days overdue "
                                       "(oldest %d days).",
                                       oldest),
                          facts->serious_overdue_days, oldest);
}

void
kassa_invoice_credit_warning_update (KassaInvoiceEditor *self,
                                     gint64              draft_total)
{
  const CreditFacts *facts = credit_facts (self);
  g_autofree char *over_limit = over_limit_text (self, facts, draft_total);
  g_autofree char *overdue = overdue_text (facts);
  g_autofree char *text = NULL;
  GObject *banner = gtk_widget_get_template_child (GTK_WIDGET (self), KASSA_TYPE_INVOICE_EDITOR,
                                                   "credit_warning_banner");
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (self), KASSA_TYPE_INVOICE_EDITOR,
                                                  "credit_warning_label");

  if (over_limit != NULL && overdue != NULL)
    text = g_strconcat (over_limit, "\n", overdue, NULL);
  else
    text = g_strdup (over_limit != NULL ? over_limit : overdue);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (banner), text != NULL);
}

void
kassa_invoice_credit_warning_forget (KassaInvoiceEditor *self)
{
  g_object_set_data (G_OBJECT (self), CREDIT_FACTS_KEY, NULL);
}
