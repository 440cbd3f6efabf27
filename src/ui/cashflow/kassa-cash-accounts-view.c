/* kassa-cash-accounts-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built in code rather than from a template: every part of it is a row
 * made per account.  Buttons carry widget names ("cash-account-…") so that
 * tests and accessibility tools find them.
 */
#define G_LOG_DOMAIN "kassa-cashflow"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-cash-accounts-view.h"
#include "kassa-cash-balance-dialog.h"
#include "kassa-clock.h"
#include "kassa-date.h"
#include "kassa-form.h"
#include "kassa-format.h"
#include "kassa-reference.h"
#include "kassa-store-cashflow.h"

#define ACCOUNT_ID_KEY "kassa-account-id"
#define BALANCE_DAY_KEY "kassa-balance-day"

struct _KassaCashAccountsView
{
  AdwBin      parent_instance;

  KassaStore *store;
  char        currency[4];
  KassaDay    today;
  GPtrArray  *accounts;     /* of KassaCashAccount, not archived */
  GtkBox     *box;
  GtkWidget  *group;        /* rebuilt on every refresh */
};

G_DEFINE_FINAL_TYPE (KassaCashAccountsView, kassa_cash_accounts_view, ADW_TYPE_BIN)

/* The account editor: a message dialog with a small form. */
typedef struct
{
  KassaCashAccountsView *view;
  KassaCashAccount      *account;  /* a copy being edited */
  AdwEntryRow           *name_row;
  AdwComboRow           *kind_row;
  AdwEntryRow           *iban_row;
} AccountForm;

static void refresh (KassaCashAccountsView *self);

static void
account_form_free (gpointer data)
{
  AccountForm *form = data;

  kassa_cash_account_free (form->account);
  g_free (form);
}

static const KassaCashAccount *
find_account (KassaCashAccountsView *self,
              gint64                 id)
{
  for (guint i = 0; self->accounts != NULL && i < self->accounts->len; i++)
    {
      const KassaCashAccount *account = g_ptr_array_index (self->accounts, i);

      if (account->id == id)
        return account;
    }
  return NULL;
}

static GtkWindow *
parent_window (KassaCashAccountsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (KassaCashAccountsView *self,
            const char            *heading,
            const char            *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
kind_label (KassaCashAccountKind kind)
{
  return kind == KASSA_CASH_ACCOUNT_CASH ? C_("cash account kind", "Cash")
                                          : C_("cash account kind", "Bank account");
}

/* Account form */

static char *
form_name_error (AccountForm *form,
                 const char  *name)
{
  if (name[0] == '\0')
    return g_strdup (_("Enter a name for the account"));

  for (guint i = 0; i < form->view->accounts->len; i++)
    {
      const KassaCashAccount *other = g_ptr_array_index (form->view->accounts, i);

      if (other->id != form->account->id && g_utf8_collate (other->name, name) == 0)
        return g_strdup (_("Another account has this name: choose a different one"));
    }
  return NULL;
}

static char *
form_iban_error (const char *iban,
                 gboolean    is_cash)
{
  if (is_cash || iban[0] == '\0' || kassa_iban_is_valid (iban))
    return NULL;
  return g_strdup (_("This IBAN is not valid: check it against the bank statement"));
}

static void
on_form_changed (AdwMessageDialog *dialog)
{
  AccountForm *form = g_object_get_data (G_OBJECT (dialog), "kassa-account-form");
  g_autofree char *name = kassa_form_get_text (GTK_EDITABLE (form->name_row));
  g_autofree char *iban = kassa_form_get_text (GTK_EDITABLE (form->iban_row));
  gboolean is_cash = adw_combo_row_get_selected (form->kind_row) == KASSA_CASH_ACCOUNT_CASH;
  g_autofree char *name_error = form_name_error (form, name);
  g_autofree char *iban_error = form_iban_error (iban, is_cash);

  kassa_form_set_row_error (ADW_PREFERENCES_ROW (form->name_row), name_error);
  kassa_form_set_row_error (ADW_PREFERENCES_ROW (form->iban_row), iban_error);
  gtk_widget_set_sensitive (GTK_WIDGET (form->iban_row), !is_cash);
  adw_message_dialog_set_response_enabled (dialog, "save",
                                           name_error == NULL && iban_error == NULL);
}

static void
on_form_response (AdwMessageDialog *dialog,
                  const char       *response)
{
  AccountForm *form = g_object_get_data (G_OBJECT (dialog), "kassa-account-form");
  KassaCashAccount *account = form->account;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;

  g_free (account->name);
  account->name = kassa_form_get_text (GTK_EDITABLE (form->name_row));
  account->kind = adw_combo_row_get_selected (form->kind_row) == KASSA_CASH_ACCOUNT_CASH
                  ? KASSA_CASH_ACCOUNT_CASH : KASSA_CASH_ACCOUNT_BANK;
  g_free (account->iban);
  if (account->kind == KASSA_CASH_ACCOUNT_CASH)
    account->iban = g_strdup ("");
  else
    {
      g_autofree char *typed = kassa_form_get_text (GTK_EDITABLE (form->iban_row));

      account->iban = typed[0] != '\0' ? kassa_iban_normalize (typed) : g_strdup ("");
    }

  if (!kassa_store_save_cash_account (form->view->store, account, &error))
    show_error (form->view, _("Could Not Save the Account"), error->message);
}

static GtkWidget *
build_form (AccountForm *form)
{
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  form->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (form->name_row), "cash-account-name");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->name_row), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (form->name_row), form->account->name);

  gtk_string_list_append (kinds, kind_label (KASSA_CASH_ACCOUNT_BANK));
  gtk_string_list_append (kinds, kind_label (KASSA_CASH_ACCOUNT_CASH));
  form->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (form->kind_row), "cash-account-kind");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->kind_row), _("Kind"));
  adw_combo_row_set_model (form->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (form->kind_row, form->account->kind);

  form->iban_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (form->iban_row), "cash-account-iban");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->iban_row), _("IBAN (optional)"));
  gtk_editable_set_text (GTK_EDITABLE (form->iban_row), form->account->iban);

  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->name_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->kind_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->iban_row));
  return list;
}

static void
edit_account (KassaCashAccountsView  *self,
              const KassaCashAccount *account)
{
  AccountForm *form = g_new0 (AccountForm, 1);
  GtkWidget *dialog;

  form->view = self;
  form->account = account != NULL ? kassa_cash_account_copy (account) : kassa_cash_account_new ();
  dialog = adw_message_dialog_new (parent_window (self),
                                   account != NULL ? _("Edit Account") : _("New Account"), NULL);
  gtk_widget_set_name (dialog, "cash-account-dialog");
  g_object_set_data_full (G_OBJECT (dialog), "kassa-account-form", form, account_form_free);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), build_form (form));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_swapped (form->name_row, "changed", G_CALLBACK (on_form_changed), dialog);
  g_signal_connect_swapped (form->iban_row, "changed", G_CALLBACK (on_form_changed), dialog);
  g_signal_connect_swapped (form->kind_row, "notify::selected", G_CALLBACK (on_form_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_form_response), NULL);
  on_form_changed (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Row buttons */

static gint64
button_account_id (GtkWidget *button)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (button), ACCOUNT_ID_KEY);
}

static void
on_add_clicked (KassaCashAccountsView *self)
{
  edit_account (self, NULL);
}

static void
on_edit_clicked (GtkWidget             *button,
                 KassaCashAccountsView *self)
{
  edit_account (self, find_account (self, button_account_id (button)));
}

static void
on_update_balance_clicked (GtkWidget             *button,
                           KassaCashAccountsView *self)
{
  const KassaCashAccount *account = find_account (self, button_account_id (button));
  KassaCashBalanceDialog *dialog;

  if (account == NULL)
    return;
  dialog = kassa_cash_balance_dialog_new (parent_window (self), self->store, account->id,
                                          account->name);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_archive_response (AdwMessageDialog      *dialog,
                     const char            *response,
                     KassaCashAccountsView *self)
{
  g_autoptr(KassaCashAccount) account = NULL;
  const KassaCashAccount *found;
  g_autoptr(GError) error = NULL;

  found = find_account (self, button_account_id (GTK_WIDGET (dialog)));
  if (!g_str_equal (response, "archive") || found == NULL)
    return;

  account = kassa_cash_account_copy (found);
  account->archived = TRUE;
  if (!kassa_store_save_cash_account (self->store, account, &error))
    show_error (self, _("Could Not Archive the Account"), error->message);
}

static void
on_archive_clicked (GtkWidget             *button,
                    KassaCashAccountsView *self)
{
  const KassaCashAccount *account = find_account (self, button_account_id (button));
  GtkWidget *dialog;

  if (account == NULL)
    return;
  dialog = adw_message_dialog_new (parent_window (self), _("Archive Account?"), NULL);
  /* Translators: %s is the name of a cash account */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” and its balances are kept, but it no longer counts "
                                    "in the cash you have now or in the forecast."),
                                  account->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "archive", _("_Archive"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "archive",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), ACCOUNT_ID_KEY,
                          g_memdup2 (&account->id, sizeof account->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_archive_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_balance_clicked (GtkWidget             *button,
                           KassaCashAccountsView *self)
{
  KassaDay day = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), BALANCE_DAY_KEY));
  g_autoptr(GError) error = NULL;

  if (!kassa_store_delete_cash_balance (self->store, button_account_id (button), day, &error))
    show_error (self, _("Could Not Delete the Balance"), error->message);
}

static GtkWidget *
row_button (KassaCashAccountsView *self,
            gint64                 account_id,
            const char            *name,
            const char            *icon_name,
            const char            *tooltip,
            GCallback              callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), ACCOUNT_ID_KEY,
                          g_memdup2 (&account_id, sizeof account_id), g_free);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

/* Rows */

static char *
account_subtitle (KassaCashAccountsView  *self,
                  const KassaCashAccount *account)
{
  g_autofree char *iban = account->iban[0] != '\0' ? kassa_iban_format (account->iban) : NULL;
  g_autofree char *date = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *when = NULL;

  if (account->balance_date == 0)
    when = g_strdup (_("No balance entered yet"));
  else
    {
      date = kassa_format_day (account->balance_date);
      fresh = kassa_cash_balance_freshness (account->balance_date, self->today);
      /* Translators: balance as of a date: "on 21.11.2026 (3 days ago)" */
      when = g_strdup_printf (_("on %s (%s)"), date, fresh);
    }

  if (iban != NULL)
    return g_strjoin (" · ", kind_label (account->kind), iban, when, NULL);
  return g_strjoin (" · ", kind_label (account->kind), when, NULL);
}

static GtkWidget *
balance_history_row (KassaCashAccountsView  *self,
                     const KassaCashBalance *balance)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = kassa_format_day (balance->day);
  g_autofree char *amount = kassa_format_money (balance->balance, self->currency);
  GtkWidget *label = gtk_label_new (amount);
  GtkWidget *button;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  button = row_button (self, balance->account_id, "cash-balance-delete", "user-trash-symbolic",
                       _("Delete this balance"), G_CALLBACK (on_delete_balance_clicked));
  g_object_set_data (G_OBJECT (button), BALANCE_DAY_KEY, GINT_TO_POINTER (balance->day));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
add_history (KassaCashAccountsView  *self,
             AdwExpanderRow         *expander,
             const KassaCashAccount *account)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) balances = NULL;

  balances = kassa_store_list_cash_balances (self->store, account->id, 1, G_MAXINT32, &error);
  if (balances == NULL)
    {
      g_warning ("Could not list the balances of account %" G_GINT64_FORMAT ": %s",
                 account->id, error->message);
      return;
    }

  /* Newest first: the one the user just entered is on top. */
  for (guint i = balances->len; i > 0; i--)
    adw_expander_row_add_row (expander,
                              balance_history_row (self, &g_array_index (balances,
                                                                         KassaCashBalance, i - 1)));
  adw_expander_row_set_enable_expansion (expander, balances->len > 0);
}

static GtkWidget *
account_row (KassaCashAccountsView  *self,
             const KassaCashAccount *account)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *subtitle = account_subtitle (self, account);
  g_autofree char *amount = NULL;
  GtkWidget *label;
  GtkWidget *update;

  gtk_widget_set_name (row, "cash-account-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), account->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  /* Actions are packed from the end: archive, edit, update, then the
   * balance, so that they read balance, update, edit, archive. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               row_button (self, account->id, "cash-account-archive",
                                           "folder-symbolic", _("Archive account"),
                                           G_CALLBACK (on_archive_clicked)));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               row_button (self, account->id, "cash-account-edit",
                                           "document-edit-symbolic", _("Edit account"),
                                           G_CALLBACK (on_edit_clicked)));

  update = gtk_button_new_with_mnemonic (_("_Update Balance…"));
  gtk_widget_set_name (update, "cash-account-update-balance");
  gtk_widget_set_valign (update, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (update, _("Enter the balance the bank shows"));
  g_object_set_data_full (G_OBJECT (update), ACCOUNT_ID_KEY,
                          g_memdup2 (&account->id, sizeof account->id), g_free);
  g_signal_connect_object (update, "clicked", G_CALLBACK (on_update_balance_clicked), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), update);

  amount = account->balance_date != 0 ? kassa_format_money (account->balance, self->currency)
                                      : g_strdup ("—");
  label = gtk_label_new (amount);
  gtk_widget_set_name (label, "cash-account-balance");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), label);
  add_history (self, ADW_EXPANDER_ROW (row), account);
  return row;
}

static GtkWidget *
empty_row (void)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No cash accounts yet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Add your bank account and enter its balance: the forecast "
                                 "starts from it."));
  return row;
}

static GtkWidget *
build_group (KassaCashAccountsView *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Account"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Cash Accounts"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Update a balance whenever you look at the bank."));
  gtk_widget_set_name (add, "cash-account-add");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, _("Add a bank account or a cash box"));
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_clicked), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  for (guint i = 0; i < self->accounts->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               account_row (self, g_ptr_array_index (self->accounts, i)));
  if (self->accounts->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), empty_row ());
  return group;
}

static void
refresh (KassaCashAccountsView *self)
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (self->store);
  g_autoptr(GError) error = NULL;
  GPtrArray *accounts;

  g_strlcpy (self->currency, company != NULL ? company->currency : "EUR", sizeof self->currency);
  self->today = kassa_clock_today ();
  accounts = kassa_store_list_cash_accounts (self->store, FALSE, &error);
  if (accounts == NULL)
    {
      g_warning ("Could not list the cash accounts: %s", error->message);
      accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_cash_account_free);
    }
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  self->accounts = accounts;

  if (self->group != NULL)
    gtk_box_remove (self->box, self->group);
  self->group = build_group (self);
  gtk_box_append (self->box, self->group);
}

static void
on_store_changed (KassaCashAccountsView *self,
                  guint                  what)
{
  if ((what & (KASSA_STORE_CHANGE_CASHFLOW | KASSA_STORE_CHANGE_COMPANY)) != 0)
    refresh (self);
}

static void
kassa_cash_accounts_view_dispose (GObject *object)
{
  KassaCashAccountsView *self = KASSA_CASH_ACCOUNTS_VIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);

  G_OBJECT_CLASS (kassa_cash_accounts_view_parent_class)->dispose (object);
}

static void
kassa_cash_accounts_view_class_init (KassaCashAccountsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kassa_cash_accounts_view_dispose;
}

static void
kassa_cash_accounts_view_init (KassaCashAccountsView *self)
{
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->box));
}

GtkWidget *
kassa_cash_accounts_view_new (KassaStore *store)
{
  KassaCashAccountsView *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_CASH_ACCOUNTS_VIEW, NULL);
  self->store = g_object_ref (store);
  refresh (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

char *
kassa_cash_balance_freshness (KassaDay balance_date,
                              KassaDay today)
{
  int days = today - balance_date;

  if (days <= 0)
    return g_strdup (_("today"));
  if (days == 1)
    return g_strdup (_("yesterday"));
  /* Translators: how old an entered bank balance is */
  return g_strdup_printf (ngettext ("%d day ago", "%d days ago", days), days);
}
