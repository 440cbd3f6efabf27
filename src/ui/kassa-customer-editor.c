/* kassa-customer-editor.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-customer-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-customer-editor.h"
#include "kassa-form.h"
#include "kassa-money.h"
#include "kassa-reference.h"

struct _KassaCustomerEditor
{
  AdwWindow            parent_instance;

  GtkWidget           *save_button;
  GtkLabel            *error_label;
  AdwEntryRow         *number_row;
  AdwEntryRow         *name_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *business_id_row;
  AdwEntryRow         *vat_id_row;
  AdwEntryRow         *contact_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *phone_row;
  GtkTextView         *address_view;
  AdwComboRow         *country_row;
  AdwComboRow         *language_row;
  AdwEntryRow         *terms_row;
  AdwEntryRow         *credit_limit_row;
  AdwComboRow         *delivery_row;
  AdwEntryRow         *einvoice_row;
  GtkTextView         *notes_view;

  KassaStore          *store;
  KassaCustomerRecord *record;
  char                 currency[4];
  /* The number the store refused, shown until the user changes it. */
  char                *refused_number;
  char                *refused_number_message;
  gboolean             loading;
  gboolean             modified;
  gboolean             save_attempted;
  gboolean             closing;
};

G_DEFINE_FINAL_TYPE (KassaCustomerEditor, kassa_customer_editor, ADW_TYPE_WINDOW)

/* Row order follows KassaCustomerKind and KassaDelivery. */
static const KassaFormChoice kinds[] = {
  { "business", N_("Business") },
  { "consumer", N_("Consumer") },
};

static const KassaFormChoice deliveries[] = {
  { "email", N_("Email") },
  { "einvoice", N_("E-invoice") },
  { "paper", N_("Paper") },
};

static char *
row_text (AdwEntryRow *row)
{
  return kassa_form_get_text (GTK_EDITABLE (row));
}

static void
set_error (AdwEntryRow *row,
           gboolean     ok,
           const char  *message)
{
  kassa_form_set_row_error (ADW_PREFERENCES_ROW (row), ok ? NULL : message);
}

static gboolean
check_number (KassaCustomerEditor *self)
{
  g_autofree char *number = row_text (self->number_row);
  gboolean ok = (self->refused_number == NULL || g_strcmp0 (number, self->refused_number) != 0);

  set_error (self->number_row, ok, self->refused_number_message);
  return ok;
}

static gboolean
check_name (KassaCustomerEditor *self)
{
  g_autofree char *name = row_text (self->name_row);
  gboolean ok = (*name != '\0');

  /* Quiet until the user typed something or tried to save. */
  set_error (self->name_row, ok || !(self->modified || self->save_attempted),
             _("Enter the customer’s name"));
  return ok;
}

static gboolean
check_business_id (KassaCustomerEditor *self)
{
  g_autofree char *business_id = row_text (self->business_id_row);
  gboolean finnish_business = (g_strcmp0 (kassa_form_combo_get_id (self->country_row), "FI") == 0 &&
                               adw_combo_row_get_selected (self->kind_row) == KASSA_CUSTOMER_BUSINESS);
  gboolean ok = (*business_id == '\0' || !finnish_business ||
                 kassa_business_id_fi_is_valid (business_id));

  set_error (self->business_id_row, ok, _("Not a valid Finnish business ID, e.g. 1234567-8"));
  return ok;
}

static gboolean
check_email (KassaCustomerEditor *self)
{
  g_autofree char *email = row_text (self->email_row);
  gboolean ok = (*email == '\0' || kassa_form_email_is_plausible (email));

  set_error (self->email_row, ok, _("Enter an address like name@example.com"));
  return ok;
}

static gboolean
check_terms (KassaCustomerEditor *self)
{
  g_autofree char *text = row_text (self->terms_row);
  gint64 days;
  gboolean ok = kassa_form_parse_int (text, 0, 365, &days);

  set_error (self->terms_row, ok, _("Enter a number of days from 0 to 365"));
  return ok;
}

static gboolean
parse_credit_limit (KassaCustomerEditor  *self,
                    gint64               *limit,
                    GError              **error)
{
  g_autofree char *text = row_text (self->credit_limit_row);

  if (*text == '\0')
    {
      *limit = 0;
      return TRUE;
    }

  if (!kassa_money_parse (text, self->currency, kassa_locale_current (), limit, error))
    return FALSE;

  if (*limit < 0)
    {
      g_set_error_literal (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_OUT_OF_RANGE,
                           _("A credit limit cannot be negative"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_credit_limit (KassaCustomerEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 limit;
  gboolean ok = parse_credit_limit (self, &limit, &error);

  set_error (self->credit_limit_row, ok, ok ? NULL : error->message);
  return ok;
}

static gboolean
check_einvoice (KassaCustomerEditor *self)
{
  g_autofree char *address = row_text (self->einvoice_row);
  gboolean ok = (*address != '\0' ||
                 adw_combo_row_get_selected (self->delivery_row) != KASSA_DELIVERY_EINVOICE);

  set_error (self->einvoice_row, ok, _("E-invoicing needs the customer’s e-invoice address"));
  return ok;
}

static gboolean
validate (KassaCustomerEditor *self)
{
  gboolean valid = TRUE;

  /* Every check runs so that every field shows its own message. */
  valid &= check_number (self);
  valid &= check_name (self);
  valid &= check_business_id (self);
  valid &= check_email (self);
  valid &= check_terms (self);
  valid &= check_credit_limit (self);
  valid &= check_einvoice (self);

  /* A disabled action also makes the Save button insensitive. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid);
  return valid;
}

static void
on_field_changed (KassaCustomerEditor *self)
{
  if (self->loading)
    return;

  self->modified = TRUE;
  validate (self);
}

static void
take_string (char **field,
             char  *value)
{
  g_free (*field);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  *field = value;
}

static KassaCustomerRecord *
build_record (KassaCustomerEditor *self)
{
  KassaCustomerRecord *record = kassa_customer_record_copy (self->record);
  g_autofree char *terms = row_text (self->terms_row);
  gint64 value;

  take_string (&record->number, row_text (self->number_row));
  take_string (&record->name, row_text (self->name_row));
  record->kind = (KassaCustomerKind) adw_combo_row_get_selected (self->kind_row);
  take_string (&record->business_id, row_text (self->business_id_row));
  take_string (&record->vat_id, row_text (self->vat_id_row));
  take_string (&record->contact_person, row_text (self->contact_row));
  take_string (&record->email, row_text (self->email_row));
  take_string (&record->phone, row_text (self->phone_row));
  take_string (&record->address, kassa_form_text_view_get (self->address_view));
  g_strlcpy (record->country, kassa_form_combo_get_id (self->country_row), sizeof record->country);
  take_string (&record->document_language, g_strdup (kassa_form_combo_get_id (self->language_row)));
  if (kassa_form_parse_int (terms, 0, 365, &value))
    record->payment_terms_days = (gint) value;
  if (parse_credit_limit (self, &value, NULL))
    record->credit_limit = value;
  record->delivery = (KassaDelivery) adw_combo_row_get_selected (self->delivery_row);
  take_string (&record->einvoice_address, row_text (self->einvoice_row));
  take_string (&record->notes, kassa_form_text_view_get (self->notes_view));

  return record;
}

static void
show_store_error (KassaCustomerEditor *self,
                  const GError        *error)
{
  if (g_error_matches (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_DUPLICATE))
    {
      g_free (self->refused_number);
      g_free (self->refused_number_message);
      self->refused_number = row_text (self->number_row);
      self->refused_number_message = g_strdup (error->message);
      validate (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->number_row));
      return;
    }

  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KassaCustomerEditor *self = KASSA_CUSTOMER_EDITOR (widget);
  g_autoptr(KassaCustomerRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  self->save_attempted = TRUE;
  if (!validate (self))
    return;

  record = build_record (self);
  if (!kassa_store_save_customer (self->store, record, &error))
    {
      show_store_error (self, error);
      return;
    }

  self->record->id = record->id;
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_discard (KassaCustomerEditor *self)
{
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
kassa_customer_editor_close_request (GtkWindow *window)
{
  KassaCustomerEditor *self = KASSA_CUSTOMER_EDITOR (window);

  if (self->closing || !self->modified)
    return GTK_WINDOW_CLASS (kassa_customer_editor_parent_class)->close_request (window);

  kassa_form_ask_discard (window, _("The changes to this customer have not been saved."),
                          G_CALLBACK (on_discard));
  return TRUE;
}

static void
kassa_customer_editor_dispose (GObject *object)
{
  KassaCustomerEditor *self = KASSA_CUSTOMER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_CUSTOMER_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_customer_editor_parent_class)->dispose (object);
}

static void
kassa_customer_editor_finalize (GObject *object)
{
  KassaCustomerEditor *self = KASSA_CUSTOMER_EDITOR (object);

  g_clear_pointer (&self->record, kassa_customer_record_free);
  g_free (self->refused_number);
  g_free (self->refused_number_message);

  G_OBJECT_CLASS (kassa_customer_editor_parent_class)->finalize (object);
}

static void
kassa_customer_editor_class_init (KassaCustomerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kassa_customer_editor_dispose;
  object_class->finalize = kassa_customer_editor_finalize;
  window_class->close_request = kassa_customer_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-customer-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, business_id_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, vat_id_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, contact_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, address_view);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, terms_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, credit_limit_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, delivery_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, einvoice_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
kassa_customer_editor_init (KassaCustomerEditor *self)
{
  const KassaFormChoice *choices;
  guint n_choices;

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  kassa_form_combo_setup (self->kind_row, kinds, G_N_ELEMENTS (kinds));
  kassa_form_combo_setup (self->delivery_row, deliveries, G_N_ELEMENTS (deliveries));
  choices = kassa_form_country_choices (&n_choices);
  kassa_form_combo_setup (self->country_row, choices, n_choices);
  choices = kassa_form_language_choices (&n_choices);
  kassa_form_combo_setup (self->language_row, choices, n_choices);

  g_signal_connect_object (gtk_text_view_get_buffer (self->address_view), "changed",
                           G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
  g_strlcpy (self->currency, "EUR", sizeof self->currency);
}

static void
load_record (KassaCustomerEditor *self)
{
  const KassaCustomerRecord *record = self->record;
  g_autofree char *terms = g_strdup_printf ("%d", record->payment_terms_days);
  g_autofree char *limit = NULL;

  if (record->credit_limit > 0)
    limit = kassa_money_format_plain (record->credit_limit, self->currency, kassa_locale_current ());

  self->loading = TRUE;
  kassa_form_set_text (GTK_EDITABLE (self->number_row), record->number);
  kassa_form_set_text (GTK_EDITABLE (self->name_row), record->name);
  adw_combo_row_set_selected (self->kind_row, record->kind);
  kassa_form_set_text (GTK_EDITABLE (self->business_id_row), record->business_id);
  kassa_form_set_text (GTK_EDITABLE (self->vat_id_row), record->vat_id);
  kassa_form_set_text (GTK_EDITABLE (self->contact_row), record->contact_person);
  kassa_form_set_text (GTK_EDITABLE (self->email_row), record->email);
  kassa_form_set_text (GTK_EDITABLE (self->phone_row), record->phone);
  kassa_form_text_view_set (self->address_view, record->address);
  kassa_form_combo_set_id (self->country_row, record->country);
  kassa_form_combo_set_id (self->language_row, record->document_language);
  kassa_form_set_text (GTK_EDITABLE (self->terms_row), terms);
  kassa_form_set_text (GTK_EDITABLE (self->credit_limit_row), limit);
  adw_combo_row_set_selected (self->delivery_row, record->delivery);
  kassa_form_set_text (GTK_EDITABLE (self->einvoice_row), record->einvoice_address);
  kassa_form_text_view_set (self->notes_view, record->notes);
  self->loading = FALSE;
  self->modified = FALSE;

  validate (self);
}

static KassaCustomerRecord *
new_record_for (const KassaCompany *company)
{
  KassaCustomerRecord *record = kassa_customer_record_new ();

  if (company == NULL)
    return record;

  /* New customers follow the company's habits. */
  record->payment_terms_days = company->payment_terms_days;
  g_strlcpy (record->country, company->country, sizeof record->country);
  if (company->document_language != NULL)
    {
      g_free (record->document_language);
      record->document_language = g_strdup (company->document_language);
    }

  return record;
}

static void
show_load_error (GtkWindow    *parent,
                 const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Cannot Edit the Customer"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

KassaCustomerEditor *
kassa_customer_editor_new (GtkWindow  *parent,
                           KassaStore *store,
                           gint64      customer_id)
{
  g_autoptr(KassaCompany) company = NULL;
  g_autoptr(GError) error = NULL;
  KassaCustomerRecord *record;
  KassaCustomerEditor *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  company = kassa_store_get_company (store);
  if (customer_id != 0)
    record = kassa_store_get_customer (store, customer_id, &error);
  else
    record = new_record_for (company);

  if (record == NULL)
    {
      show_load_error (parent, error);
      return NULL;
    }

  self = g_object_new (KASSA_TYPE_CUSTOMER_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->record = record;
  if (company != NULL)
    g_strlcpy (self->currency, company->currency, sizeof self->currency);

  gtk_window_set_title (GTK_WINDOW (self),
                        customer_id != 0 ? _("Edit Customer") : _("New Customer"));
  if (parent != NULL && gtk_widget_has_css_class (GTK_WIDGET (parent), "devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  load_record (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

gint64
kassa_customer_editor_get_customer_id (KassaCustomerEditor *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMER_EDITOR (self), 0);

  return self->record->id;
}
