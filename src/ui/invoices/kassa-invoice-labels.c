/* kassa-invoice-labels.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-invoices"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-invoice-labels.h"

typedef struct
{
  const char *code;
  const char *name;
} PaymentMethod;

static const PaymentMethod payment_methods[] = {
  { KASSA_PAYMENT_METHOD_BANK_TRANSFER, N_("Bank Transfer") },
  { KASSA_PAYMENT_METHOD_CASH, N_("Cash") },
  { KASSA_PAYMENT_METHOD_CARD, N_("Card") },
  { KASSA_PAYMENT_METHOD_OTHER, N_("Other") },
};

/* Every class a status may add, so that a recycled label loses the old one. */
static const char * const status_classes[] = {
  "status-draft", "status-open", "status-partially-paid", "status-paid",
  "status-overdue", "status-credited", "status-credit-note",
  "error", "success", "warning", "accent", "dim-label",
};

const char *
kassa_invoice_status_to_string (KassaInvoiceStatus status)
{
  switch (status)
    {
    case KASSA_INVOICE_STATUS_DRAFT:
      return C_("invoice status", "Draft");
    case KASSA_INVOICE_STATUS_OPEN:
      return C_("invoice status", "Open");
    case KASSA_INVOICE_STATUS_PARTIALLY_PAID:
      return C_("invoice status", "Partially Paid");
    case KASSA_INVOICE_STATUS_PAID:
      return C_("invoice status", "Paid");
    case KASSA_INVOICE_STATUS_OVERDUE:
      return C_("invoice status", "Overdue");
    case KASSA_INVOICE_STATUS_CREDITED:
      return C_("invoice status", "Credited");
    case KASSA_INVOICE_STATUS_CREDIT_NOTE:
      return C_("invoice status", "Credit Note");
    default:
      return "";
    }
}

static void
status_get_classes (KassaInvoiceStatus  status,
                    const char        **own_class,
                    const char        **semantic_class)
{
  static const char * const own[] = {
    "status-draft", "status-open", "status-partially-paid", "status-paid",
    "status-overdue", "status-credited", "status-credit-note",
  };
  static const char * const semantic[] = {
    "dim-label", "accent", "warning", "success", "error", "dim-label", NULL,
  };

  if ((guint) status >= G_N_ELEMENTS (own))
    status = KASSA_INVOICE_STATUS_DRAFT;

  *own_class = own[status];
  *semantic_class = semantic[status];
}

GtkWidget *
kassa_invoice_status_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "status-pill");
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);

  return label;
}

void
kassa_invoice_status_label_set (GtkLabel           *label,
                                KassaInvoiceStatus  status)
{
  const char *own_class;
  const char *semantic_class;

  g_return_if_fail (GTK_IS_LABEL (label));

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), status_classes[i]);

  status_get_classes (status, &own_class, &semantic_class);
  gtk_widget_add_css_class (GTK_WIDGET (label), own_class);
  if (semantic_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), semantic_class);

  gtk_label_set_text (label, kassa_invoice_status_to_string (status));
}

const char *
kassa_delivery_to_string (KassaDelivery delivery)
{
  switch (delivery)
    {
    case KASSA_DELIVERY_EMAIL:
      return _("Email");
    case KASSA_DELIVERY_EINVOICE:
      return _("E-invoice");
    case KASSA_DELIVERY_PAPER:
      return _("Paper");
    default:
      return "";
    }
}

GListModel *
kassa_delivery_model_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, kassa_delivery_to_string (KASSA_DELIVERY_EMAIL));
  gtk_string_list_append (list, kassa_delivery_to_string (KASSA_DELIVERY_EINVOICE));
  gtk_string_list_append (list, kassa_delivery_to_string (KASSA_DELIVERY_PAPER));

  return G_LIST_MODEL (list);
}

guint
kassa_payment_method_get_n (void)
{
  return G_N_ELEMENTS (payment_methods);
}

const char *
kassa_payment_method_get_code (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (payment_methods), NULL);

  return payment_methods[index].code;
}

const char *
kassa_payment_method_to_string (const char *code)
{
  if (code == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (payment_methods); i++)
    if (g_strcmp0 (payment_methods[i].code, code) == 0)
      return _(payment_methods[i].name);

  return code;
}

GListModel *
kassa_payment_method_model_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (payment_methods); i++)
    gtk_string_list_append (list, _(payment_methods[i].name));

  return G_LIST_MODEL (list);
}

char *
kassa_invoice_title_for_record (const KassaInvoiceRecord *record)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (record != NULL, NULL);

  if (record->state == KASSA_INVOICE_STATE_DRAFT)
    return g_strdup (_("Draft Invoice"));

  number = g_strdup_printf ("%" G_GINT64_FORMAT, record->number);
  if (record->credited_invoice_id != 0)
    /* Translators: %s is the credit note number, e.g. "Credit Note 1004" */
    return g_strdup_printf (_("Credit Note %s"), number);

  /* Translators: %s is the invoice number, e.g. "Invoice 1000" */
  return g_strdup_printf (_("Invoice %s"), number);
}

void
kassa_invoice_labels_ensure_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider,
                                       "/io/github/kassa/Kassa/invoices/kassa-invoices.css");
  gtk_style_context_add_provider_for_display (display,
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}
