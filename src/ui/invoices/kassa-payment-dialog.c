/* kassa-payment-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-invoices"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-date.h"
#include "kassa-form.h"
#include "kassa-invoice-labels.h"
#include "kassa-money.h"
#include "kassa-payment-dialog.h"

struct _KassaPaymentDialog
{
  AdwWindow           parent_instance;

  KassaStore         *store;
  gint64              invoice_id;
  char                currency[4];
  gint64              open_amount;
  gint64              paid;        /* paid so far, for reversals */
  KassaLocale         locale;
  KassaDay            today;
  KassaDay            date;        /* parsed, 0 when invalid */
  gint64              amount;      /* parsed, 0 when invalid */
  char               *problem;

  AdwWindowTitle     *window_title;
  GtkButton          *record_button;
  AdwActionRow       *date_row;
  GtkEntry           *date_entry;
  AdwActionRow       *amount_row;
  GtkEntry           *amount_entry;
  AdwComboRow        *method_row;
  GtkEntry           *note_entry;
  GtkLabel           *error_label;
};

G_DEFINE_FINAL_TYPE (KassaPaymentDialog, kassa_payment_dialog, ADW_TYPE_WINDOW)

static char *
check_date (KassaPaymentDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *example = kassa_day_format (self->today, self->locale);
  /* Translators: %s is today's date in the expected form */
  g_autofree char *hint = g_strdup_printf (_("Format: %s"), example);
  char *message = NULL;

  if (!kassa_day_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), self->locale,
                        self->today, &self->date, &error))
    {
      self->date = 0;
      message = g_strdup (error->message);
    }

  kassa_form_set_row_message (self->date_row, GTK_WIDGET (self->date_entry), message, hint);
  return message;
}

static char *
check_amount (KassaPaymentDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *open = kassa_money_format (self->open_amount, self->currency, self->locale);
  /* Translators: %s is the open amount of the invoice */
  g_autofree char *hint = g_strdup_printf (_("Open amount %s"), open);
  char *message = NULL;

  if (!kassa_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_entry)),
                          self->currency, self->locale, &self->amount, &error))
    message = g_strdup (error->message);
  else if (self->amount == 0)
    message = g_strdup (_("Enter an amount other than zero"));

  if (message != NULL)
    self->amount = 0;

  kassa_form_set_row_message (self->amount_row, GTK_WIDGET (self->amount_entry), message, hint);
  return message;
}

static void
validate (KassaPaymentDialog *self)
{
  g_autofree char *date_error = check_date (self);
  g_autofree char *amount_error = check_amount (self);

  g_clear_pointer (&self->problem, g_free);
  if (date_error != NULL)
    self->problem = g_strdup (date_error);
  else if (amount_error != NULL)
    self->problem = g_strdup (amount_error);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payment.record", self->problem == NULL);
}

static void
show_error (KassaPaymentDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
destroy_idle (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
save_payment (KassaPaymentDialog *self,
              gboolean            allow_overpayment)
{
  g_autoptr(KassaPayment) payment = kassa_payment_new ();
  g_autoptr(GError) error = NULL;
  guint method = adw_combo_row_get_selected (self->method_row);

  payment->invoice_id = self->invoice_id;
  payment->date = self->date;
  payment->amount = self->amount;
  g_free (payment->method);
  method = MIN (method, kassa_payment_method_get_n () - 1);
  payment->method = g_strdup (kassa_payment_method_get_code (method));
  g_free (payment->note);
  payment->note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));

  if (!kassa_store_add_payment (self->store, payment, allow_overpayment, &error))
    {
      show_error (self, error->message);
      return;
    }

  /* Not right away: this may run inside the overpayment dialog's response,
   * and that dialog is transient for this window. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle, g_object_ref (self), g_object_unref);
}

static void
on_overpayment_response (AdwMessageDialog   *dialog,
                         const char         *response,
                         KassaPaymentDialog *self)
{
  if (g_str_equal (response, "record"))
    save_payment (self, TRUE);
}

/* The store's rule (kassa-store-payments.c), so that whatever it would
 * refuse as an overpayment is offered for confirmation instead: a payment
 * past what is owed, a refund past what is owed back, or a reversal
 * (a negative amount on an invoice) of more than was paid. */
static gboolean
is_overpayment (KassaPaymentDialog *self,
                gint64             *excess)
{
  if (self->amount > 0)
    *excess = self->amount - MAX (self->open_amount, 0);
  else if (self->open_amount < 0)
    *excess = self->open_amount - self->amount;
  else
    *excess = -(self->paid + self->amount);

  return *excess > 0;
}

static void
confirm_overpayment (KassaPaymentDialog *self,
                     gint64              excess)
{
  g_autofree char *amount = kassa_money_format (excess, self->currency, self->locale);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Record Overpayment?"), NULL));
  /* Translators: %s is the excess amount, e.g. "12,50 €" */
  adw_message_dialog_format_body (dialog,
                                  _("The payment is %s more than the open amount. "
                                    "Record it as an overpayment?"),
                                  amount);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "record", _("_Record Overpayment"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_overpayment_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  kassa_payment_dialog_record (KASSA_PAYMENT_DIALOG (widget));
}

static void
on_field_changed (KassaPaymentDialog *self)
{
  show_error (self, NULL);
  validate (self);
}

static void
on_entry_activate (KassaPaymentDialog *self)
{
  kassa_payment_dialog_record (self);
}

static void
kassa_payment_dialog_dispose (GObject *object)
{
  KassaPaymentDialog *self = KASSA_PAYMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_PAYMENT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_payment_dialog_parent_class)->dispose (object);
}

static void
kassa_payment_dialog_finalize (GObject *object)
{
  KassaPaymentDialog *self = KASSA_PAYMENT_DIALOG (object);

  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (kassa_payment_dialog_parent_class)->finalize (object);
}

static void
kassa_payment_dialog_class_init (KassaPaymentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_payment_dialog_dispose;
  object_class->finalize = kassa_payment_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "payment.record", NULL, record_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "payment.record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "payment.record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kassa/Kassa/invoices/kassa-payment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaPaymentDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KassaPaymentDialog, record_button);
  gtk_widget_class_bind_template_child (widget_class, KassaPaymentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KassaPaymentDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaPaymentDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, KassaPaymentDialog, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaPaymentDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, KassaPaymentDialog, note_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaPaymentDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
}

static void
kassa_payment_dialog_init (KassaPaymentDialog *self)
{
  g_autoptr(GListModel) methods = kassa_payment_method_model_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->locale = kassa_locale_current ();
  self->today = kassa_clock_today ();
  adw_combo_row_set_model (self->method_row, methods);
}

static void
fill_defaults (KassaPaymentDialog       *self,
               const KassaInvoiceRecord *record)
{
  g_autofree char *title = kassa_invoice_title_for_record (record);
  g_autofree char *date = kassa_day_format (self->today, self->locale);
  g_autofree char *amount = kassa_money_format_plain (self->open_amount, self->currency, self->locale);

  adw_window_title_set_subtitle (self->window_title, title);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), self->open_amount != 0 ? amount : "");
  validate (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->amount_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->amount_entry), 0, -1);
}

KassaPaymentDialog *
kassa_payment_dialog_new (GtkWindow   *parent,
                          KassaStore  *store,
                          gint64       invoice_id,
                          GError     **error)
{
  g_autoptr(KassaInvoiceRecord) record = NULL;
  KassaPaymentDialog *self;
  gint64 open_amount;
  gint64 total, paid;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  record = kassa_store_get_invoice (store, invoice_id, error);
  if (record == NULL ||
      !kassa_store_get_invoice_open_amount (store, invoice_id, &open_amount, error) ||
      !kassa_store_get_invoice_amounts (store, invoice_id, &total, &paid, error))
    return NULL;

  self = g_object_new (KASSA_TYPE_PAYMENT_DIALOG, "transient-for", parent, NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->store = g_object_ref (store);
  self->invoice_id = invoice_id;
  g_strlcpy (self->currency, record->currency, sizeof self->currency);
  self->open_amount = open_amount;
  self->paid = paid;
  fill_defaults (self, record);

  return self;
}

void
kassa_payment_dialog_record (KassaPaymentDialog *self)
{
  gint64 excess;

  g_return_if_fail (KASSA_IS_PAYMENT_DIALOG (self));

  validate (self);
  if (self->problem != NULL)
    {
      show_error (self, self->problem);
      return;
    }

  if (is_overpayment (self, &excess))
    confirm_overpayment (self, excess);
  else
    save_payment (self, FALSE);
}

GtkEditable *
kassa_payment_dialog_get_date_entry (KassaPaymentDialog *self)
{
  g_return_val_if_fail (KASSA_IS_PAYMENT_DIALOG (self), NULL);

  return GTK_EDITABLE (self->date_entry);
}

GtkEditable *
kassa_payment_dialog_get_amount_entry (KassaPaymentDialog *self)
{
  g_return_val_if_fail (KASSA_IS_PAYMENT_DIALOG (self), NULL);

  return GTK_EDITABLE (self->amount_entry);
}

GtkButton *
kassa_payment_dialog_get_record_button (KassaPaymentDialog *self)
{
  g_return_val_if_fail (KASSA_IS_PAYMENT_DIALOG (self), NULL);

  return self->record_button;
}

const char *
kassa_payment_dialog_get_problem (KassaPaymentDialog *self)
{
  g_return_val_if_fail (KASSA_IS_PAYMENT_DIALOG (self), NULL);

  return self->problem;
}
