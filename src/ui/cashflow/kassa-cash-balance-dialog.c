/* kassa-cash-balance-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-cashflow"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-cash-balance-dialog.h"
#include "kassa-clock.h"
#include "kassa-date.h"
#include "kassa-form.h"
#include "kassa-money.h"
#include "kassa-store-cashflow.h"

struct _KassaCashBalanceDialog
{
  AdwWindow       parent_instance;

  KassaStore     *store;
  gint64          account_id;
  char            currency[4];
  KassaLocale     locale;
  KassaDay        today;
  KassaDay        date;      /* parsed, 0 when invalid */
  gint64          balance;
  char           *problem;

  AdwWindowTitle *window_title;
  AdwActionRow   *date_row;
  GtkEntry       *date_entry;
  AdwActionRow   *balance_row;
  GtkEntry       *balance_entry;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (KassaCashBalanceDialog, kassa_cash_balance_dialog, ADW_TYPE_WINDOW)

static char *
check_date (KassaCashBalanceDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *example = kassa_day_format (self->today, self->locale);
  /* Translators: %s is today's date in the expected form */
  g_autofree char *hint = g_strdup_printf (_("Format: %s"), example);
  char *message = NULL;

  if (!kassa_day_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), self->locale,
                        self->today, &self->date, &error))
    message = g_strdup (error->message);
  else if (self->date > self->today)
    message = g_strdup (_("Enter today or an earlier day: a balance is read from the bank"));

  if (message != NULL)
    self->date = 0;
  kassa_form_set_row_message (self->date_row, GTK_WIDGET (self->date_entry), message, hint);
  return message;
}

static char *
check_balance (KassaCashBalanceDialog *self)
{
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  if (!kassa_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->balance_entry)),
                          self->currency, self->locale, &self->balance, &error))
    {
      self->balance = 0;
      message = g_strdup (error->message);
    }

  kassa_form_set_row_message (self->balance_row, GTK_WIDGET (self->balance_entry), message,
                              _("A negative balance is an overdraft"));
  return message;
}

static void
validate (KassaCashBalanceDialog *self)
{
  g_autofree char *date_error = check_date (self);
  g_autofree char *balance_error = check_balance (self);

  g_clear_pointer (&self->problem, g_free);
  self->problem = g_strdup (date_error != NULL ? date_error : balance_error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "balance.save", self->problem == NULL);
}

static void
show_error (KassaCashBalanceDialog *self,
            const char             *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kassa_cash_balance_dialog_save (KASSA_CASH_BALANCE_DIALOG (widget));
}

static void
on_field_changed (KassaCashBalanceDialog *self)
{
  show_error (self, NULL);
  validate (self);
}

static void
on_entry_activate (KassaCashBalanceDialog *self)
{
  kassa_cash_balance_dialog_save (self);
}

static void
kassa_cash_balance_dialog_dispose (GObject *object)
{
  KassaCashBalanceDialog *self = KASSA_CASH_BALANCE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_CASH_BALANCE_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_cash_balance_dialog_parent_class)->dispose (object);
}

static void
kassa_cash_balance_dialog_finalize (GObject *object)
{
  KassaCashBalanceDialog *self = KASSA_CASH_BALANCE_DIALOG (object);

  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (kassa_cash_balance_dialog_parent_class)->finalize (object);
}

static void
kassa_cash_balance_dialog_class_init (KassaCashBalanceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_cash_balance_dialog_dispose;
  object_class->finalize = kassa_cash_balance_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "balance.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "balance.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "balance.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kassa/Kassa/ui/kassa-cash-balance-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaCashBalanceDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KassaCashBalanceDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCashBalanceDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaCashBalanceDialog, balance_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCashBalanceDialog, balance_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaCashBalanceDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
}

static void
kassa_cash_balance_dialog_init (KassaCashBalanceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->locale = kassa_locale_current ();
  self->today = kassa_clock_today ();
}

/**
 * kassa_cash_balance_dialog_new:
 * Returns: (transfer none): the dialog, owned by GTK's toplevel list.
 */
KassaCashBalanceDialog *
kassa_cash_balance_dialog_new (GtkWindow  *parent,
                               KassaStore *store,
                               gint64      account_id,
                               const char *account_name)
{
  g_autoptr(KassaCompany) company = NULL;
  g_autofree char *date = NULL;
  KassaCashBalanceDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_CASH_BALANCE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->account_id = account_id;
  company = kassa_store_get_company (store);
  g_strlcpy (self->currency, company != NULL ? company->currency : "EUR", sizeof self->currency);
  adw_window_title_set_subtitle (self->window_title, account_name != NULL ? account_name : "");

  date = kassa_day_format (self->today, self->locale);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->balance_entry));

  return self;
}

void
kassa_cash_balance_dialog_save (KassaCashBalanceDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KASSA_IS_CASH_BALANCE_DIALOG (self));

  validate (self);
  if (self->problem != NULL)
    {
      show_error (self, self->problem);
      return;
    }

  if (!kassa_store_set_cash_balance (self->store, self->account_id, self->date, self->balance,
                                     &error))
    {
      show_error (self, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

GtkEditable *
kassa_cash_balance_dialog_get_date_entry (KassaCashBalanceDialog *self)
{
  g_return_val_if_fail (KASSA_IS_CASH_BALANCE_DIALOG (self), NULL);

  return GTK_EDITABLE (self->date_entry);
}

GtkEditable *
kassa_cash_balance_dialog_get_balance_entry (KassaCashBalanceDialog *self)
{
  g_return_val_if_fail (KASSA_IS_CASH_BALANCE_DIALOG (self), NULL);

  return GTK_EDITABLE (self->balance_entry);
}

const char *
kassa_cash_balance_dialog_get_problem (KassaCashBalanceDialog *self)
{
  g_return_val_if_fail (KASSA_IS_CASH_BALANCE_DIALOG (self), NULL);

  return self->problem;
}
