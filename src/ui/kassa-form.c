/* kassa-form.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-form"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kassa-form.h"

#define ERROR_LABEL_KEY "kassa-form-error-label"
#define CHOICES_KEY "kassa-form-choices"

static const KassaFormChoice countries[] = {
  { "FI", N_("Finland") },
  { "SE", N_("Sweden") },
  { "NO", N_("Norway") },
  { "DK", N_("Denmark") },
  { "EE", N_("Estonia") },
  { "DE", N_("Germany") },
  { "GB", N_("United Kingdom") },
  { "US", N_("United States") },
  { "CN", N_("China") },
};

static const KassaFormChoice languages[] = {
  { "fi", N_("Finnish") },
  { "sv", N_("Swedish") },
  { "en", N_("English") },
  { "zh_CN", N_("Chinese (Simplified)") },
};

static GtkWidget *
ensure_error_label (AdwPreferencesRow *row)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (row), ERROR_LABEL_KEY);

  if (label != NULL)
    return label;

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 18);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (label, FALSE);

  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
  else if (ADW_IS_ACTION_ROW (row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  else
    g_return_val_if_reached (NULL);

  g_object_set_data (G_OBJECT (row), ERROR_LABEL_KEY, label);
  return label;
}

void
kassa_form_set_row_error (AdwPreferencesRow *row,
                          const char        *message)
{
  GtkWidget *label;
  gboolean invalid = (message != NULL && *message != '\0');

  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  if (!invalid && g_object_get_data (G_OBJECT (row), ERROR_LABEL_KEY) == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return;
    }

  label = ensure_error_label (row);
  gtk_label_set_text (GTK_LABEL (label), invalid ? message : "");
  gtk_widget_set_visible (label, invalid);

  if (invalid)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
kassa_form_set_row_message (AdwActionRow *row,
                            GtkWidget    *field,
                            const char   *error,
                            const char   *hint)
{
  g_return_if_fail (ADW_IS_ACTION_ROW (row));
  g_return_if_fail (GTK_IS_WIDGET (field));

  adw_action_row_set_subtitle (row, error != NULL ? error : hint);
  if (error != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
    }
}

void
kassa_form_ask_discard (GtkWindow  *owner,
                        const char *body,
                        GCallback   on_discard)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WINDOW (owner));
  g_return_if_fail (on_discard != NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (owner, _("Discard Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* The detail is the response id. */
  g_signal_connect_object (dialog, "response::discard", on_discard, owner, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The ids behind the combo's rows, in row order (strings owned). */
static GPtrArray *
combo_get_ids (AdwComboRow *combo)
{
  return g_object_get_data (G_OBJECT (combo), CHOICES_KEY);
}

void
kassa_form_combo_setup (AdwComboRow           *combo,
                        const KassaFormChoice *choices,
                        guint                  n_choices)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (ADW_IS_COMBO_ROW (combo));

  for (guint i = 0; i < n_choices; i++)
    {
      gtk_string_list_append (labels, _(choices[i].label));
      g_ptr_array_add (ids, g_strdup (choices[i].id));
    }

  g_object_set_data_full (G_OBJECT (combo), CHOICES_KEY, ids,
                          (GDestroyNotify) g_ptr_array_unref);
  adw_combo_row_set_model (combo, G_LIST_MODEL (labels));
}

void
kassa_form_combo_set_id (AdwComboRow *combo,
                         const char  *id)
{
  GPtrArray *ids = combo_get_ids (combo);
  GtkStringList *labels;

  g_return_if_fail (ids != NULL);

  if (id == NULL || *id == '\0')
    return;

  for (guint i = 0; i < ids->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
        {
          adw_combo_row_set_selected (combo, i);
          return;
        }
    }

  /* Keep a value this version does not offer rather than losing it. */
  labels = GTK_STRING_LIST (adw_combo_row_get_model (combo));
  gtk_string_list_append (labels, id);
  g_ptr_array_add (ids, g_strdup (id));
  adw_combo_row_set_selected (combo, ids->len - 1);
}

const char *
kassa_form_combo_get_id (AdwComboRow *combo)
{
  GPtrArray *ids = combo_get_ids (combo);
  guint selected = adw_combo_row_get_selected (combo);

  g_return_val_if_fail (ids != NULL, NULL);

  if (selected >= ids->len)
    return NULL;

  return g_ptr_array_index (ids, selected);
}

char *
kassa_form_get_text (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

void
kassa_form_set_text (GtkEditable *editable,
                     const char  *text)
{
  gtk_editable_set_text (editable, text != NULL ? text : "");
}

char *
kassa_form_text_view_get (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

void
kassa_form_text_view_set (GtkTextView *view,
                          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

gboolean
kassa_form_parse_int (const char *text,
                      gint64      min,
                      gint64      max,
                      gint64     *value)
{
  gint64 parsed;

  if (text == NULL)
    return FALSE;

  while (g_ascii_isspace (*text))
    text++;

  if (!g_ascii_string_to_signed (text, 10, min, max, &parsed, NULL))
    return FALSE;

  *value = parsed;
  return TRUE;
}

gboolean
kassa_form_email_is_plausible (const char *email)
{
  const char *at = strchr (email, '@');

  /* Only catch obvious typos: something@something.tld, no spaces. */
  return at != NULL && at != email && strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL && at[1] != '.' &&
         email[strlen (email) - 1] != '.' && strchr (email, ' ') == NULL;
}

const KassaFormChoice *
kassa_form_country_choices (guint *n_choices)
{
  *n_choices = G_N_ELEMENTS (countries);
  return countries;
}

const KassaFormChoice *
kassa_form_language_choices (guint *n_choices)
{
  *n_choices = G_N_ELEMENTS (languages);
  return languages;
}
