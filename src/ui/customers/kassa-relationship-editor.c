/* kassa-relationship-editor.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-relationship-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-customer-value.h"
#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-relationship-editor.h"

struct _KassaRelationshipEditor
{
  AdwWindow                  parent_instance;

  AdwWindowTitle            *window_title;
  GtkLabel                  *error_label;
  AdwComboRow               *lifecycle_row;
  GtkSwitch                 *key_account_switch;
  AdwEntryRow               *owner_row;
  AdwComboRow               *consent_row;
  AdwEntryRow               *consent_date_row;
  AdwEntryRow               *source_row;

  KassaStore                *store;
  KassaCustomerRelationship *relationship;  /* as loaded; unedited fields are kept */
  char                      *problem;
  gboolean                   loading;
};

G_DEFINE_FINAL_TYPE (KassaRelationshipEditor, kassa_relationship_editor, ADW_TYPE_WINDOW)

static void
show_problem (KassaRelationshipEditor *self,
              const char              *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_text (self->error_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), problem != NULL);
}

static void
setup_choices (KassaRelationshipEditor *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) consents = gtk_string_list_new (NULL);

  /* Translators: the lifecycle stage is the one suggested from the customer's activity */
  gtk_string_list_append (stages, C_("lifecycle", "Suggested"));
  for (int stage = 0; stage < KASSA_N_LIFECYCLE_STAGES; stage++)
    gtk_string_list_append (stages, kassa_lifecycle_stage_to_string (stage));
  adw_combo_row_set_model (self->lifecycle_row, G_LIST_MODEL (stages));

  for (int consent = KASSA_CONSENT_NOT_ASKED; consent <= KASSA_CONSENT_REFUSED; consent++)
    gtk_string_list_append (consents, kassa_consent_to_string (consent));
  adw_combo_row_set_model (self->consent_row, G_LIST_MODEL (consents));
}

static void
set_day_text (AdwEntryRow *row,
              KassaDay     day)
{
  g_autofree char *text = day > 0 ? kassa_day_format (day, kassa_locale_current ()) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* A changed consent is usually recorded the day it is given or refused. */
static void
on_consent_changed (KassaRelationshipEditor *self)
{
  KassaMarketingConsent consent = adw_combo_row_get_selected (self->consent_row);

  if (self->loading || self->relationship == NULL)
    return;

  if (consent == KASSA_CONSENT_NOT_ASKED)
    set_day_text (self->consent_date_row, 0);
  else if (consent != self->relationship->consent)
    set_day_text (self->consent_date_row, kassa_clock_today ());
  else
    set_day_text (self->consent_date_row, self->relationship->consent_date);
}

static void
show_relationship (KassaRelationshipEditor *self)
{
  const KassaCustomerRelationship *r = self->relationship;

  self->loading = TRUE;
  adw_combo_row_set_selected (self->lifecycle_row,
                              r->lifecycle_override == KASSA_LIFECYCLE_NO_OVERRIDE
                              ? 0 : (guint) r->lifecycle_override + 1);
  gtk_switch_set_active (self->key_account_switch, r->key_account);
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), r->account_owner != NULL ? r->account_owner : "");
  adw_combo_row_set_selected (self->consent_row, r->consent);
  set_day_text (self->consent_date_row, r->consent_date);
  gtk_editable_set_text (GTK_EDITABLE (self->source_row),
                         r->consent_source != NULL ? r->consent_source : "");
  self->loading = FALSE;
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
read_consent_date (KassaRelationshipEditor   *self,
                   KassaCustomerRelationship *r)
{
  g_autofree char *text = entry_text (self->consent_date_row);
  g_autoptr(GError) error = NULL;

  r->consent_date = 0;
  /* An empty date is left to the store, which says when one is needed. */
  if (*text == '\0')
    return TRUE;

  if (kassa_day_parse (text, kassa_locale_current (), kassa_clock_today (), &r->consent_date,
                       &error))
    return TRUE;

  show_problem (self, error->message);
  gtk_widget_grab_focus (GTK_WIDGET (self->consent_date_row));
  return FALSE;
}

static KassaCustomerRelationship *
read_form (KassaRelationshipEditor *self)
{
  g_autoptr(KassaCustomerRelationship) r = kassa_customer_relationship_copy (self->relationship);
  guint stage = adw_combo_row_get_selected (self->lifecycle_row);
  guint consent = adw_combo_row_get_selected (self->consent_row);

  r->lifecycle_override = stage == 0 || stage == GTK_INVALID_LIST_POSITION
                          ? KASSA_LIFECYCLE_NO_OVERRIDE : (gint) stage - 1;
  r->key_account = gtk_switch_get_active (self->key_account_switch);
  g_free (r->account_owner);
  r->account_owner = entry_text (self->owner_row);
  r->consent = consent == GTK_INVALID_LIST_POSITION ? KASSA_CONSENT_NOT_ASKED : consent;
  g_free (r->consent_source);
  r->consent_source = entry_text (self->source_row);
  if (!read_consent_date (self, r))
    return NULL;

  return g_steal_pointer (&r);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kassa_relationship_editor_save (KASSA_RELATIONSHIP_EDITOR (widget));
}

static void
kassa_relationship_editor_dispose (GObject *object)
{
  KassaRelationshipEditor *self = KASSA_RELATIONSHIP_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_RELATIONSHIP_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_relationship_editor_parent_class)->dispose (object);
}

static void
kassa_relationship_editor_finalize (GObject *object)
{
  KassaRelationshipEditor *self = KASSA_RELATIONSHIP_EDITOR (object);

  g_clear_pointer (&self->relationship, kassa_customer_relationship_free);
  g_free (self->problem);

  G_OBJECT_CLASS (kassa_relationship_editor_parent_class)->finalize (object);
}

static void
kassa_relationship_editor_class_init (KassaRelationshipEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_relationship_editor_dispose;
  object_class->finalize = kassa_relationship_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-relationship-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaRelationshipEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KassaRelationshipEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, KassaRelationshipEditor, lifecycle_row);
  gtk_widget_class_bind_template_child (widget_class, KassaRelationshipEditor, key_account_switch);
  gtk_widget_class_bind_template_child (widget_class, KassaRelationshipEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, KassaRelationshipEditor, consent_row);
  gtk_widget_class_bind_template_child (widget_class, KassaRelationshipEditor, consent_date_row);
  gtk_widget_class_bind_template_child (widget_class, KassaRelationshipEditor, source_row);
  gtk_widget_class_bind_template_callback (widget_class, on_consent_changed);

  gtk_widget_class_install_action (widget_class, "relationship.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "relationship.save", NULL);
}

static void
kassa_relationship_editor_init (KassaRelationshipEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_choices (self);
}

KassaRelationshipEditor *
kassa_relationship_editor_new (GtkWindow   *parent,
                               KassaStore  *store,
                               gint64       customer_id,
                               GError     **error)
{
  g_autoptr(KassaCustomerRecord) customer = NULL;
  KassaCustomerRelationship *relationship;
  KassaRelationshipEditor *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (customer_id > 0, NULL);

  customer = kassa_store_get_customer (store, customer_id, error);
  if (customer == NULL)
    return NULL;
  relationship = kassa_store_get_customer_relationship (store, customer_id, error);
  if (relationship == NULL)
    return NULL;

  self = g_object_new (KASSA_TYPE_RELATIONSHIP_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->relationship = relationship;
  adw_window_title_set_subtitle (self->window_title, customer->name);
  show_relationship (self);
  return self;
}

void
kassa_relationship_editor_save (KassaRelationshipEditor *self)
{
  g_autoptr(KassaCustomerRelationship) relationship = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KASSA_IS_RELATIONSHIP_EDITOR (self));

  relationship = read_form (self);
  if (relationship == NULL)
    return;

  if (!kassa_store_save_customer_relationship (self->store, relationship, kassa_clock_today (),
                                               &error))
    {
      show_problem (self, error->message);
      return;
    }

  show_problem (self, NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

AdwComboRow *
kassa_relationship_editor_get_lifecycle_row (KassaRelationshipEditor *self)
{
  g_return_val_if_fail (KASSA_IS_RELATIONSHIP_EDITOR (self), NULL);
  return self->lifecycle_row;
}

GtkSwitch *
kassa_relationship_editor_get_key_account_switch (KassaRelationshipEditor *self)
{
  g_return_val_if_fail (KASSA_IS_RELATIONSHIP_EDITOR (self), NULL);
  return self->key_account_switch;
}

GtkEditable *
kassa_relationship_editor_get_owner_entry (KassaRelationshipEditor *self)
{
  g_return_val_if_fail (KASSA_IS_RELATIONSHIP_EDITOR (self), NULL);
  return GTK_EDITABLE (self->owner_row);
}

AdwComboRow *
kassa_relationship_editor_get_consent_row (KassaRelationshipEditor *self)
{
  g_return_val_if_fail (KASSA_IS_RELATIONSHIP_EDITOR (self), NULL);
  return self->consent_row;
}

GtkEditable *
kassa_relationship_editor_get_consent_date_entry (KassaRelationshipEditor *self)
{
  g_return_val_if_fail (KASSA_IS_RELATIONSHIP_EDITOR (self), NULL);
  return GTK_EDITABLE (self->consent_date_row);
}

GtkEditable *
kassa_relationship_editor_get_source_entry (KassaRelationshipEditor *self)
{
  g_return_val_if_fail (KASSA_IS_RELATIONSHIP_EDITOR (self), NULL);
  return GTK_EDITABLE (self->source_row);
}

const char *
kassa_relationship_editor_get_problem (KassaRelationshipEditor *self)
{
  g_return_val_if_fail (KASSA_IS_RELATIONSHIP_EDITOR (self), NULL);
  return self->problem;
}
