/* kassa-invoice.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include "kassa-invoice.h"

struct _KassaInvoice
{
  GObject             parent_instance;

  KassaInvoiceSummary summary;
};

G_DEFINE_FINAL_TYPE (KassaInvoice, kassa_invoice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER_NAME,
  PROP_ISSUE_DATE,
  PROP_DUE_DATE,
  PROP_CURRENCY,
  PROP_STATE,
  PROP_REFERENCE,
  PROP_DISPUTED,
  PROP_CREDITED_INVOICE_ID,
  PROP_TOTAL,
  PROP_PAID,
  PROP_OPEN_AMOUNT,
  PROP_STATUS,
  PROP_DAYS_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kassa_invoice_finalize (GObject *object)
{
  KassaInvoice *self = KASSA_INVOICE (object);

  g_clear_pointer (&self->summary.customer_name, g_free);
  g_clear_pointer (&self->summary.reference, g_free);

  G_OBJECT_CLASS (kassa_invoice_parent_class)->finalize (object);
}

static void
kassa_invoice_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  const KassaInvoiceSummary *s = &KASSA_INVOICE (object)->summary;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, s->id);
      break;
    case PROP_NUMBER:
      g_value_set_int64 (value, s->number);
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, s->customer_id);
      break;
    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, s->customer_name);
      break;
    case PROP_ISSUE_DATE:
      g_value_set_int (value, s->issue_date);
      break;
    case PROP_DUE_DATE:
      g_value_set_int (value, s->due_date);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, s->currency);
      break;
    case PROP_STATE:
      g_value_set_int (value, s->state);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, s->reference);
      break;
    case PROP_DISPUTED:
      g_value_set_boolean (value, s->disputed);
      break;
    case PROP_CREDITED_INVOICE_ID:
      g_value_set_int64 (value, s->credited_invoice_id);
      break;
    case PROP_TOTAL:
      g_value_set_int64 (value, s->total);
      break;
    case PROP_PAID:
      g_value_set_int64 (value, s->paid);
      break;
    case PROP_OPEN_AMOUNT:
      g_value_set_int64 (value, s->open_amount);
      break;
    case PROP_STATUS:
      g_value_set_int (value, s->status);
      break;
    case PROP_DAYS_OVERDUE:
      g_value_set_int (value, s->days_overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
int64_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
int_property (const char *name)
{
  return g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, 0,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
kassa_invoice_class_init (KassaInvoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kassa_invoice_finalize;
  object_class->get_property = kassa_invoice_get_property;

  /* Read-only snapshots (see KassaCustomer).  Dates are KassaDay numbers,
   * state and status the KassaInvoiceState/KassaInvoiceStatus values. */
  properties[PROP_ID] = int64_property ("id");
  properties[PROP_NUMBER] = int64_property ("number");
  properties[PROP_CUSTOMER_ID] = int64_property ("customer-id");
  properties[PROP_CUSTOMER_NAME] = string_property ("customer-name");
  properties[PROP_ISSUE_DATE] = int_property ("issue-date");
  properties[PROP_DUE_DATE] = int_property ("due-date");
  properties[PROP_CURRENCY] = string_property ("currency");
  properties[PROP_STATE] = int_property ("state");
  properties[PROP_REFERENCE] = string_property ("reference");
  properties[PROP_DISPUTED] =
    g_param_spec_boolean ("disputed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREDITED_INVOICE_ID] = int64_property ("credited-invoice-id");
  properties[PROP_TOTAL] = int64_property ("total");
  properties[PROP_PAID] = int64_property ("paid");
  properties[PROP_OPEN_AMOUNT] = int64_property ("open-amount");
  properties[PROP_STATUS] = int_property ("status");
  properties[PROP_DAYS_OVERDUE] = int_property ("days-overdue");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kassa_invoice_init (KassaInvoice *self)
{
}

/**
 * kassa_invoice_new:
 * @summary: the row; its strings (customer_name, reference) are taken over
 *   by the new object, so the caller must not free them afterwards
 *
 * Returns: (transfer full): a new row object
 */
KassaInvoice *
kassa_invoice_new (const KassaInvoiceSummary *summary)
{
  KassaInvoice *self;

  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (KASSA_TYPE_INVOICE, NULL);
  self->summary = *summary;
  self->summary.currency[sizeof self->summary.currency - 1] = '\0';

  return self;
}

/* Returns: (transfer none) */
const KassaInvoiceSummary *
kassa_invoice_get_summary (KassaInvoice *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE (self), NULL);

  return &self->summary;
}

gint64
kassa_invoice_get_id (KassaInvoice *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE (self), 0);

  return self->summary.id;
}

KassaInvoiceStatus
kassa_invoice_get_status (KassaInvoice *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE (self), KASSA_INVOICE_STATUS_DRAFT);

  return self->summary.status;
}
