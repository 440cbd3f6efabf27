/* kassa-company-editor.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-company-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kassa-company-editor.h"
#include "kassa-form.h"
#include "kassa-money.h"
#include "kassa-reference.h"

struct _KassaCompanyEditor
{
  AdwBin        parent_instance;

  AdwEntryRow  *name_row;
  AdwEntryRow  *business_id_row;
  AdwEntryRow  *vat_id_row;
  AdwComboRow  *country_row;
  AdwComboRow  *currency_row;
  AdwEntryRow  *email_row;
  AdwEntryRow  *phone_row;
  GtkTextView  *address_view;
  AdwEntryRow  *iban_row;
  AdwEntryRow  *bic_row;
  AdwEntryRow  *payment_terms_row;
  AdwEntryRow  *next_number_row;
  AdwComboRow  *language_row;
  AdwActionRow *logo_row;
  GtkPicture   *logo_picture;
  GtkButton    *logo_remove_button;
  AdwComboRow  *reference_style_row;
  AdwEntryRow  *bankgiro_row;
  AdwEntryRow  *plusgiro_row;

  KassaCompany *company;
  GBytes       *logo;            /* PNG, as it will be saved */
  GtkNativeDialog *logo_chooser;
  gboolean      loading;
  gboolean      valid;
  gboolean      modified;
};

G_DEFINE_FINAL_TYPE (KassaCompanyEditor, kassa_company_editor, ADW_TYPE_BIN)

/* The store refuses larger logos (kassa-store-company.c). */
#define LOGO_MAX_BYTES (2 * 1024 * 1024)

enum {
  PROP_0,
  PROP_VALID,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const KassaFormChoice currencies[] = {
  { "EUR", N_("Euro (EUR)") },
  { "SEK", N_("Swedish Krona (SEK)") },
  { "NOK", N_("Norwegian Krone (NOK)") },
  { "DKK", N_("Danish Krone (DKK)") },
  { "CNY", N_("Chinese Yuan (CNY)") },
  { "USD", N_("US Dollar (USD)") },
  { "GBP", N_("Pound Sterling (GBP)") },
};

static char *
row_text (AdwEntryRow *row)
{
  return kassa_form_get_text (GTK_EDITABLE (row));
}

static gboolean
check_name (KassaCompanyEditor *self)
{
  g_autofree char *name = row_text (self->name_row);
  gboolean ok = (*name != '\0');

  /* An empty new form is not an error yet: don't shout before typing. */
  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->name_row),
                            ok || !self->modified ? NULL : _("Enter the company name"));
  return ok;
}

static gboolean
check_business_id (KassaCompanyEditor *self)
{
  g_autofree char *business_id = row_text (self->business_id_row);
  const char *country = kassa_form_combo_get_id (self->country_row);
  gboolean ok = (*business_id == '\0' || g_strcmp0 (country, "FI") != 0 ||
                 kassa_business_id_fi_is_valid (business_id));

  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->business_id_row),
                            ok ? NULL : _("Not a valid Finnish business ID, e.g. 1234567-8"));
  return ok;
}

static gboolean
check_email (KassaCompanyEditor *self)
{
  g_autofree char *email = row_text (self->email_row);
  gboolean ok = (*email == '\0' || kassa_form_email_is_plausible (email));

  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->email_row),
                            ok ? NULL : _("Enter an address like name@example.com"));
  return ok;
}

static gboolean
check_iban (KassaCompanyEditor *self)
{
  g_autofree char *iban = row_text (self->iban_row);
  gboolean ok = (*iban == '\0' || kassa_iban_is_valid (iban));

  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->iban_row),
                            ok ? NULL : _("Check the IBAN: its check digits do not match"));
  return ok;
}

static gboolean
check_bic (KassaCompanyEditor *self)
{
  g_autofree char *bic = row_text (self->bic_row);
  gsize len = strlen (bic);
  gboolean ok = (len == 0 || len == 8 || len == 11);

  for (gsize i = 0; ok && i < len; i++)
    ok = g_ascii_isalnum (bic[i]);

  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->bic_row),
                            ok ? NULL : _("A BIC has 8 or 11 letters and digits"));
  return ok;
}

static gboolean
check_payment_terms (KassaCompanyEditor *self)
{
  g_autofree char *text = row_text (self->payment_terms_row);
  gint64 days;
  gboolean ok = kassa_form_parse_int (text, 0, 365, &days);

  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->payment_terms_row),
                            ok ? NULL : _("Enter a number of days from 0 to 365"));
  return ok;
}

static gboolean
check_next_number (KassaCompanyEditor *self)
{
  g_autofree char *text = row_text (self->next_number_row);
  gint64 number;
  gboolean ok = kassa_form_parse_int (text, 100, G_GINT64_CONSTANT (999999999999), &number);

  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->next_number_row),
                            ok ? NULL : _("Enter a whole number of at least 100"));
  return ok;
}

static gboolean
check_giro (KassaCompanyEditor *self)
{
  g_autofree char *bankgiro = row_text (self->bankgiro_row);
  g_autofree char *plusgiro = row_text (self->plusgiro_row);
  const char *country = kassa_form_combo_get_id (self->country_row);
  gboolean bankgiro_ok = (*bankgiro == '\0' || kassa_bankgiro_is_valid (bankgiro));
  gboolean plusgiro_ok = (*plusgiro == '\0' || kassa_plusgiro_is_valid (plusgiro));
  gboolean swedish = g_strcmp0 (country, "SE") == 0;

  /* Only Swedish payers use them: other companies see the rows only when
   * a number is already set. */
  gtk_widget_set_visible (GTK_WIDGET (self->bankgiro_row), swedish || *bankgiro != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->plusgiro_row), swedish || *plusgiro != '\0');

  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->bankgiro_row),
                            bankgiro_ok ? NULL
                            : _("The Bankgiro number is not valid. Enter it as NNN-NNNN or NNNN-NNNN."));
  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->plusgiro_row),
                            plusgiro_ok ? NULL
                            : _("The PlusGiro number is not valid. Enter its 2 to 8 digits."));
  return bankgiro_ok && plusgiro_ok;
}

static void
validate (KassaCompanyEditor *self)
{
  gboolean valid = TRUE;

  /* Every check runs so that every field shows its own message. */
  valid &= check_name (self);
  valid &= check_business_id (self);
  valid &= check_email (self);
  valid &= check_iban (self);
  valid &= check_bic (self);
  valid &= check_payment_terms (self);
  valid &= check_next_number (self);
  valid &= check_giro (self);

  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
on_field_changed (KassaCompanyEditor *self)
{
  if (self->loading)
    return;

  if (!self->modified)
    {
      self->modified = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }

  validate (self);
}

static void
show_logo (KassaCompanyEditor *self)
{
  g_autoptr(GdkTexture) texture = NULL;

  if (self->logo != NULL)
    texture = gdk_texture_new_from_bytes (self->logo, NULL);

  gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->logo_picture), texture != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->logo_remove_button), self->logo != NULL);
}

static void
set_logo (KassaCompanyEditor *self,
          GBytes             *logo)
{
  if (logo != NULL)
    g_bytes_ref (logo);
  g_clear_pointer (&self->logo, g_bytes_unref);
  self->logo = logo;

  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->logo_row), NULL);
  show_logo (self);
  on_field_changed (self);
}

/* Any image GTK reads becomes PNG, the one format documents embed. */
static GBytes *
load_logo (GFile   *file,
           GError **error)
{
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_file (file, error);
  g_autoptr(GBytes) png = NULL;

  if (texture == NULL)
    return NULL;

  png = gdk_texture_save_to_png_bytes (texture);
  if (g_bytes_get_size (png) > LOGO_MAX_BYTES)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The logo is larger than 2 MB. Choose a smaller image."));
      return NULL;
    }

  return g_steal_pointer (&png);
}

static void
on_logo_chooser_response (GtkNativeDialog    *chooser,
                          int                 response,
                          KassaCompanyEditor *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) logo = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->logo_chooser);
  if (file == NULL)
    return;

  logo = load_logo (file, &error);
  if (logo == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED))
        message = g_strdup (error->message);
      else
        /* Translators: %s says why the image could not be read */
        message = g_strdup_printf (_("This image cannot be used: %s"), error->message);
      kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->logo_row), message);
      return;
    }

  set_logo (self, logo);
}

static void
on_choose_logo_clicked (KassaCompanyEditor *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  if (self->logo_chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  chooser = gtk_file_chooser_native_new (_("Choose Logo"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  self->logo_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_logo_chooser_response), self, 0);
  gtk_native_dialog_show (self->logo_chooser);
}

static void
on_remove_logo_clicked (KassaCompanyEditor *self)
{
  set_logo (self, NULL);
}

static void
setup_currencies (KassaCompanyEditor *self)
{
  KassaFormChoice known[G_N_ELEMENTS (currencies)];
  guint n_known = 0;

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      if (kassa_currency_is_known (currencies[i].id))
        known[n_known++] = currencies[i];
    }

  kassa_form_combo_setup (self->currency_row, known, n_known);
}

static void
kassa_company_editor_dispose (GObject *object)
{
  KassaCompanyEditor *self = KASSA_COMPANY_EDITOR (object);

  if (self->logo_chooser != NULL)
    gtk_native_dialog_destroy (self->logo_chooser);
  g_clear_object (&self->logo_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), KASSA_TYPE_COMPANY_EDITOR);

  G_OBJECT_CLASS (kassa_company_editor_parent_class)->dispose (object);
}

static void
kassa_company_editor_finalize (GObject *object)
{
  KassaCompanyEditor *self = KASSA_COMPANY_EDITOR (object);

  g_clear_pointer (&self->company, kassa_company_free);
  g_clear_pointer (&self->logo, g_bytes_unref);

  G_OBJECT_CLASS (kassa_company_editor_parent_class)->finalize (object);
}

static void
kassa_company_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KassaCompanyEditor *self = KASSA_COMPANY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kassa_company_editor_class_init (KassaCompanyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_company_editor_dispose;
  object_class->finalize = kassa_company_editor_finalize;
  object_class->get_property = kassa_company_editor_get_property;

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-company-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, business_id_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, vat_id_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, currency_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, address_view);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, iban_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, bic_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, payment_terms_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, next_number_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, logo_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, logo_remove_button);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, reference_style_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, bankgiro_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCompanyEditor, plusgiro_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_logo_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_logo_clicked);
}

static void
kassa_company_editor_init (KassaCompanyEditor *self)
{
  g_autoptr(KassaCompany) defaults = kassa_company_new ();
  const KassaFormChoice *choices;
  guint n_choices;

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  choices = kassa_form_country_choices (&n_choices);
  kassa_form_combo_setup (self->country_row, choices, n_choices);
  choices = kassa_form_language_choices (&n_choices);
  kassa_form_combo_setup (self->language_row, choices, n_choices);
  setup_currencies (self);

  g_signal_connect_object (gtk_text_view_get_buffer (self->address_view), "changed",
                           G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);

  kassa_company_editor_set_company (self, defaults);
}

GtkWidget *
kassa_company_editor_new (void)
{
  return g_object_new (KASSA_TYPE_COMPANY_EDITOR, NULL);
}

static void
set_number_row (AdwEntryRow *row,
                gint64       value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

void
kassa_company_editor_set_company (KassaCompanyEditor *self,
                                  const KassaCompany *company)
{
  g_return_if_fail (KASSA_IS_COMPANY_EDITOR (self));
  g_return_if_fail (company != NULL);

  g_clear_pointer (&self->company, kassa_company_free);
  self->company = kassa_company_copy (company);

  self->loading = TRUE;
  kassa_form_set_text (GTK_EDITABLE (self->name_row), company->name);
  kassa_form_set_text (GTK_EDITABLE (self->business_id_row), company->business_id);
  kassa_form_set_text (GTK_EDITABLE (self->vat_id_row), company->vat_id);
  kassa_form_combo_set_id (self->country_row, company->country);
  kassa_form_combo_set_id (self->currency_row, company->currency);
  kassa_form_set_text (GTK_EDITABLE (self->email_row), company->email);
  kassa_form_set_text (GTK_EDITABLE (self->phone_row), company->phone);
  kassa_form_text_view_set (self->address_view, company->address);
  kassa_form_set_text (GTK_EDITABLE (self->iban_row), company->iban);
  kassa_form_set_text (GTK_EDITABLE (self->bic_row), company->bic);
  set_number_row (self->payment_terms_row, company->payment_terms_days);
  set_number_row (self->next_number_row, company->next_invoice_number);
  kassa_form_combo_set_id (self->language_row, company->document_language);
  adw_combo_row_set_selected (self->reference_style_row,
                              company->reference_style == KASSA_REFERENCE_STYLE_RF ? 1 : 0);
  kassa_form_set_text (GTK_EDITABLE (self->bankgiro_row), company->bankgiro);
  kassa_form_set_text (GTK_EDITABLE (self->plusgiro_row), company->plusgiro);
  g_clear_pointer (&self->logo, g_bytes_unref);
  self->logo = company->logo != NULL ? g_bytes_ref (company->logo) : NULL;
  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->logo_row), NULL);
  show_logo (self);
  self->loading = FALSE;

  if (self->modified)
    {
      self->modified = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }

  validate (self);
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
}

static void
take_string (char **field,
             char  *value)
{
  replace_string (field, value);
  g_free (value);
}

KassaCompany *
kassa_company_editor_get_company (KassaCompanyEditor *self)
{
  KassaCompany *company;
  g_autofree char *terms = NULL;
  g_autofree char *next_number = NULL;
  g_autofree char *iban = NULL;
  g_autofree char *bic = NULL;
  gint64 value;

  g_return_val_if_fail (KASSA_IS_COMPANY_EDITOR (self), NULL);

  company = kassa_company_copy (self->company);
  take_string (&company->name, row_text (self->name_row));
  take_string (&company->business_id, row_text (self->business_id_row));
  take_string (&company->vat_id, row_text (self->vat_id_row));
  g_strlcpy (company->country, kassa_form_combo_get_id (self->country_row),
             sizeof company->country);
  g_strlcpy (company->currency, kassa_form_combo_get_id (self->currency_row),
             sizeof company->currency);
  take_string (&company->email, row_text (self->email_row));
  take_string (&company->phone, row_text (self->phone_row));
  take_string (&company->address, kassa_form_text_view_get (self->address_view));

  iban = row_text (self->iban_row);
  take_string (&company->iban, (*iban != '\0' && kassa_iban_is_valid (iban))
                               ? kassa_iban_normalize (iban) : g_strdup (iban));
  bic = row_text (self->bic_row);
  take_string (&company->bic, g_ascii_strup (bic, -1));
  replace_string (&company->document_language, kassa_form_combo_get_id (self->language_row));

  g_clear_pointer (&company->logo, g_bytes_unref);
  company->logo = self->logo != NULL ? g_bytes_ref (self->logo) : NULL;
  company->reference_style = adw_combo_row_get_selected (self->reference_style_row) == 1
                             ? KASSA_REFERENCE_STYLE_RF : KASSA_REFERENCE_STYLE_FINNISH;
  /* "" rather than NULL: the store keeps empty numbers as "". */
  g_free (company->bankgiro);
  company->bankgiro = row_text (self->bankgiro_row);
  g_free (company->plusgiro);
  company->plusgiro = row_text (self->plusgiro_row);

  terms = row_text (self->payment_terms_row);
  if (kassa_form_parse_int (terms, 0, 365, &value))
    company->payment_terms_days = (gint) value;

  next_number = row_text (self->next_number_row);
  if (kassa_form_parse_int (next_number, 1, G_MAXINT64, &value))
    company->next_invoice_number = value;

  return company;
}

gboolean
kassa_company_editor_get_valid (KassaCompanyEditor *self)
{
  g_return_val_if_fail (KASSA_IS_COMPANY_EDITOR (self), FALSE);

  return self->valid;
}

gboolean
kassa_company_editor_get_modified (KassaCompanyEditor *self)
{
  g_return_val_if_fail (KASSA_IS_COMPANY_EDITOR (self), FALSE);

  return self->modified;
}

void
kassa_company_editor_focus (KassaCompanyEditor *self)
{
  g_return_if_fail (KASSA_IS_COMPANY_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
