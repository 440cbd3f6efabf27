/* kassa-form.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small pieces shared by the editor forms: an error shown next to a field,
 * combo rows that map to stable ids, and checked number parsing.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;
  const char *label;  /* N_() marked, translated when shown */
} KassaFormChoice;

/* Marks row as invalid with message beside the field, or clears it (NULL). */
void        kassa_form_set_row_error  (AdwPreferencesRow     *row,
                                       const char            *message);
/* Shows error (or, without one, hint) as row's subtitle and marks both
 * row and the field inside it as invalid while there is an error. */
void        kassa_form_set_row_message (AdwActionRow         *row,
                                        GtkWidget            *field,
                                        const char           *error,
                                        const char           *hint);
/* Asks whether to throw away the unsaved changes of owner (body says
 * which); on_discard (owner) runs only when the user chooses Discard. */
void        kassa_form_ask_discard    (GtkWindow             *owner,
                                       const char            *body,
                                       GCallback              on_discard);
/* Fills combo with choices; an id not among them is added on demand. */
void        kassa_form_combo_setup    (AdwComboRow           *combo,
                                       const KassaFormChoice *choices,
                                       guint                  n_choices);
void        kassa_form_combo_set_id   (AdwComboRow           *combo,
                                       const char            *id);
const char *kassa_form_combo_get_id   (AdwComboRow           *combo);

/* (transfer full): the editable's text with surrounding space removed. */
char       *kassa_form_get_text       (GtkEditable           *editable);
void        kassa_form_set_text       (GtkEditable           *editable,
                                       const char            *text);
char       *kassa_form_text_view_get  (GtkTextView           *view);
void        kassa_form_text_view_set  (GtkTextView           *view,
                                       const char            *text);
/* Whole decimal numbers from min to max, nothing else. */
gboolean    kassa_form_parse_int      (const char            *text,
                                       gint64                 min,
                                       gint64                 max,
                                       gint64                *value);
gboolean    kassa_form_email_is_plausible (const char        *email);

/* Choices shared by the company and customer forms. */
const KassaFormChoice *kassa_form_country_choices  (guint *n_choices);
const KassaFormChoice *kassa_form_language_choices (guint *n_choices);

G_END_DECLS
