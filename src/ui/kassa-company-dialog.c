/* kassa-company-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-company-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-company-dialog.h"
#include "kassa-company-editor.h"
#include "kassa-form.h"

struct _KassaCompanyDialog
{
  AdwWindow           parent_instance;

  KassaCompanyEditor *editor;
  GtkWidget          *save_button;
  GtkWidget          *error_label;

  KassaStore         *store;
  gboolean            discard_confirmed;
};

G_DEFINE_FINAL_TYPE (KassaCompanyDialog, kassa_company_dialog, ADW_TYPE_WINDOW)

static void
show_error (KassaCompanyDialog *self,
            const char         *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static void
on_editor_valid_changed (KassaCompanyDialog *self)
{
  /* A disabled action also makes the Save button insensitive. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save",
                                 kassa_company_editor_get_valid (self->editor));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KassaCompanyDialog *self = KASSA_COMPANY_DIALOG (widget);
  g_autoptr(KassaCompany) company = NULL;
  g_autoptr(GError) error = NULL;

  if (!kassa_company_editor_get_valid (self->editor))
    return;

  company = kassa_company_editor_get_company (self->editor);
  if (!kassa_store_save_company (self->store, company, &error))
    {
      show_error (self, error->message);
      return;
    }

  self->discard_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_discard (KassaCompanyDialog *self)
{
  self->discard_confirmed = TRUE;
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
kassa_company_dialog_close_request (GtkWindow *window)
{
  KassaCompanyDialog *self = KASSA_COMPANY_DIALOG (window);

  if (self->discard_confirmed || !kassa_company_editor_get_modified (self->editor))
    return GTK_WINDOW_CLASS (kassa_company_dialog_parent_class)->close_request (window);

  kassa_form_ask_discard (window, _("The changes to the company details have not been saved."),
                          G_CALLBACK (on_discard));
  return TRUE;
}

static void
kassa_company_dialog_dispose (GObject *object)
{
  KassaCompanyDialog *self = KASSA_COMPANY_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_company_dialog_parent_class)->dispose (object);
}

static void
kassa_company_dialog_class_init (KassaCompanyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kassa_company_dialog_dispose;
  window_class->close_request = kassa_company_dialog_close_request;

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static GtkWidget *
build_header (KassaCompanyDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "dialog.cancel");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->save_button, _("Save (Ctrl+Enter)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "dialog.save");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);

  return header;
}

static GtkWidget *
build_body (KassaCompanyDialog *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0.0);
  gtk_widget_add_css_class (self->error_label, "kassa-error-banner");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->error_label);

  self->editor = KASSA_COMPANY_EDITOR (kassa_company_editor_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->editor));

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);

  return scrolled;
}

static void
kassa_company_dialog_init (KassaCompanyDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (content), build_header (self));
  gtk_box_append (GTK_BOX (content), build_body (self));
  adw_window_set_content (ADW_WINDOW (self), content);

  gtk_window_set_title (GTK_WINDOW (self), _("Company Details"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);

  g_signal_connect_object (self->editor, "notify::valid",
                           G_CALLBACK (on_editor_valid_changed), self, G_CONNECT_SWAPPED);
  on_editor_valid_changed (self);
}

KassaCompanyDialog *
kassa_company_dialog_new (GtkWindow  *parent,
                          KassaStore *store)
{
  g_autoptr(KassaCompany) company = NULL;
  KassaCompanyDialog *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_COMPANY_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  company = kassa_store_get_company (store);
  if (company != NULL)
    kassa_company_editor_set_company (self->editor, company);

  if (parent != NULL && gtk_widget_has_css_class (GTK_WIDGET (parent), "devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  return self;
}
