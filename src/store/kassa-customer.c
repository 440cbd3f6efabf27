/* kassa-customer.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-store"

#include "config.h"

#include "kassa-customer.h"

struct _KassaCustomer
{
  GObject              parent_instance;

  KassaCustomerRecord *record;
  gint64               open_amount;
  gint64               overdue_amount;
};

G_DEFINE_FINAL_TYPE (KassaCustomer, kassa_customer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_NAME,
  PROP_BUSINESS_ID,
  PROP_EMAIL,
  PROP_ARCHIVED,
  PROP_OPEN_AMOUNT,
  PROP_OVERDUE_AMOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kassa_customer_finalize (GObject *object)
{
  KassaCustomer *self = KASSA_CUSTOMER (object);

  g_clear_pointer (&self->record, kassa_customer_record_free);

  G_OBJECT_CLASS (kassa_customer_parent_class)->finalize (object);
}

static void
kassa_customer_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KassaCustomer *self = KASSA_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->record->id);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->record->number);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->record->name);
      break;
    case PROP_BUSINESS_ID:
      g_value_set_string (value, self->record->business_id);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->record->email);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->record->archived);
      break;
    case PROP_OPEN_AMOUNT:
      g_value_set_int64 (value, self->open_amount);
      break;
    case PROP_OVERDUE_AMOUNT:
      g_value_set_int64 (value, self->overdue_amount);
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
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
kassa_customer_class_init (KassaCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kassa_customer_finalize;
  object_class->get_property = kassa_customer_get_property;

  /* Read-only: a row object is a snapshot; the list builds new ones when
   * the store changes, so there is nothing to notify. */
  properties[PROP_ID] = int64_property ("id");
  properties[PROP_NUMBER] = string_property ("number");
  properties[PROP_NAME] = string_property ("name");
  properties[PROP_BUSINESS_ID] = string_property ("business-id");
  properties[PROP_EMAIL] = string_property ("email");
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN_AMOUNT] = int64_property ("open-amount");
  properties[PROP_OVERDUE_AMOUNT] = int64_property ("overdue-amount");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kassa_customer_init (KassaCustomer *self)
{
}

/**
 * kassa_customer_new:
 * @record: (transfer full): the customer record
 *
 * Returns: (transfer full): a row object owning @record
 */
KassaCustomer *
kassa_customer_new (KassaCustomerRecord *record,
                    gint64               open_amount,
                    gint64               overdue_amount)
{
  KassaCustomer *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (KASSA_TYPE_CUSTOMER, NULL);
  self->record = record;
  self->open_amount = open_amount;
  self->overdue_amount = overdue_amount;

  return self;
}

/* Returns: (transfer none) */
const KassaCustomerRecord *
kassa_customer_get_record (KassaCustomer *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMER (self), NULL);

  return self->record;
}

gint64
kassa_customer_get_id (KassaCustomer *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMER (self), 0);

  return self->record->id;
}

const char *
kassa_customer_get_name (KassaCustomer *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMER (self), NULL);

  return self->record->name;
}

const char *
kassa_customer_get_number (KassaCustomer *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMER (self), NULL);

  return self->record->number;
}

gint64
kassa_customer_get_open_amount (KassaCustomer *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMER (self), 0);

  return self->open_amount;
}

gint64
kassa_customer_get_overdue_amount (KassaCustomer *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMER (self), 0);

  return self->overdue_amount;
}
