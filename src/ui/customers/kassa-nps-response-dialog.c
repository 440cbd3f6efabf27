/* kassa-nps-response-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-nps-response-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-nps-response-dialog.h"

struct _KassaNpsResponseDialog
{
  AdwWindow       parent_instance;

  GtkLabel       *error_label;
  AdwActionRow   *score_row;
  GtkSpinButton  *score_button;
  AdwEntryRow    *date_row;
  AdwEntryRow    *comment_row;

  KassaStore     *store;
  gint64          customer_id;
  char           *problem;
};

G_DEFINE_FINAL_TYPE (KassaNpsResponseDialog, kassa_nps_response_dialog, ADW_TYPE_WINDOW)

static void
show_problem (KassaNpsResponseDialog *self,
              const char             *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_text (self->error_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), problem != NULL);
}

/* What the score means, so the user sees the group it counts in. */
static const char *
score_group (int score)
{
  if (score >= 9)
    return _("Promoter");
  if (score >= 7)
    return C_("NPS", "Passive");
  return _("Detractor");
}

static void
on_score_changed (KassaNpsResponseDialog *self)
{
  adw_action_row_set_subtitle (self->score_row,
                               score_group (gtk_spin_button_get_value_as_int (self->score_button)));
}

static gboolean
read_response (KassaNpsResponseDialog *self,
               KassaNpsResponse       *response)
{
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GError) error = NULL;

  if (!kassa_day_parse (date_text, kassa_locale_current (), kassa_clock_today (),
                        &response->date, &error))
    {
      show_problem (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }

  response->customer_id = self->customer_id;
  response->score = gtk_spin_button_get_value_as_int (self->score_button);
  g_free (response->comment);
  response->comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comment_row))));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kassa_nps_response_dialog_save (KASSA_NPS_RESPONSE_DIALOG (widget));
}

static void
kassa_nps_response_dialog_dispose (GObject *object)
{
  KassaNpsResponseDialog *self = KASSA_NPS_RESPONSE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_NPS_RESPONSE_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_nps_response_dialog_parent_class)->dispose (object);
}

static void
kassa_nps_response_dialog_finalize (GObject *object)
{
  KassaNpsResponseDialog *self = KASSA_NPS_RESPONSE_DIALOG (object);

  g_free (self->problem);

  G_OBJECT_CLASS (kassa_nps_response_dialog_parent_class)->finalize (object);
}

static void
kassa_nps_response_dialog_class_init (KassaNpsResponseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_nps_response_dialog_dispose;
  object_class->finalize = kassa_nps_response_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-nps-response-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaNpsResponseDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KassaNpsResponseDialog, score_row);
  gtk_widget_class_bind_template_child (widget_class, KassaNpsResponseDialog, score_button);
  gtk_widget_class_bind_template_child (widget_class, KassaNpsResponseDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KassaNpsResponseDialog, comment_row);
  gtk_widget_class_bind_template_callback (widget_class, on_score_changed);

  gtk_widget_class_install_action (widget_class, "nps.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "nps.save", NULL);
}

static void
kassa_nps_response_dialog_init (KassaNpsResponseDialog *self)
{
  g_autofree char *today = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  today = kassa_day_format (kassa_clock_today (), kassa_locale_current ());
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  on_score_changed (self);
}

KassaNpsResponseDialog *
kassa_nps_response_dialog_new (GtkWindow  *parent,
                               KassaStore *store,
                               gint64      customer_id)
{
  KassaNpsResponseDialog *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (customer_id > 0, NULL);

  self = g_object_new (KASSA_TYPE_NPS_RESPONSE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->customer_id = customer_id;
  return self;
}

void
kassa_nps_response_dialog_save (KassaNpsResponseDialog *self)
{
  g_autoptr(KassaNpsResponse) response = kassa_nps_response_new ();
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KASSA_IS_NPS_RESPONSE_DIALOG (self));

  if (!read_response (self, response))
    return;

  if (!kassa_store_add_nps_response (self->store, response, kassa_clock_today (), &error))
    {
      show_problem (self, error->message);
      return;
    }

  show_problem (self, NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

GtkSpinButton *
kassa_nps_response_dialog_get_score_button (KassaNpsResponseDialog *self)
{
  g_return_val_if_fail (KASSA_IS_NPS_RESPONSE_DIALOG (self), NULL);
  return self->score_button;
}

GtkEditable *
kassa_nps_response_dialog_get_date_entry (KassaNpsResponseDialog *self)
{
  g_return_val_if_fail (KASSA_IS_NPS_RESPONSE_DIALOG (self), NULL);
  return GTK_EDITABLE (self->date_row);
}

GtkEditable *
kassa_nps_response_dialog_get_comment_entry (KassaNpsResponseDialog *self)
{
  g_return_val_if_fail (KASSA_IS_NPS_RESPONSE_DIALOG (self), NULL);
  return GTK_EDITABLE (self->comment_row);
}

const char *
kassa_nps_response_dialog_get_problem (KassaNpsResponseDialog *self)
{
  g_return_val_if_fail (KASSA_IS_NPS_RESPONSE_DIALOG (self), NULL);
  return self->problem;
}
