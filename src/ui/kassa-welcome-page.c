/* kassa-welcome-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-company-editor.h"
#include "kassa-welcome-page.h"

struct _KassaWelcomePage
{
  AdwBin              parent_instance;

  GtkImage           *icon;
  GtkLabel           *error_label;
  KassaCompanyEditor *company_editor;

  KassaStore         *store;
};

G_DEFINE_FINAL_TYPE (KassaWelcomePage, kassa_welcome_page, ADW_TYPE_BIN)

static void
on_editor_valid_changed (KassaWelcomePage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.create",
                                 kassa_company_editor_get_valid (self->company_editor));
}

/* Saving the company makes the store emit "changed"; the window then
 * replaces this page with the real ones. */
static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KassaWelcomePage *self = KASSA_WELCOME_PAGE (widget);
  g_autoptr(KassaCompany) company = NULL;
  g_autoptr(GError) error = NULL;

  if (!kassa_company_editor_get_valid (self->company_editor))
    return;

  company = kassa_company_editor_get_company (self->company_editor);
  if (!kassa_store_save_company (self->store, company, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
kassa_welcome_page_dispose (GObject *object)
{
  KassaWelcomePage *self = KASSA_WELCOME_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_WELCOME_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_welcome_page_parent_class)->dispose (object);
}

static void
kassa_welcome_page_class_init (KassaWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_welcome_page_dispose;

  g_type_ensure (KASSA_TYPE_COMPANY_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaWelcomePage, icon);
  gtk_widget_class_bind_template_child (widget_class, KassaWelcomePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, KassaWelcomePage, company_editor);

  gtk_widget_class_install_action (widget_class, "welcome.create", NULL, create_action);
}

static void
kassa_welcome_page_init (KassaWelcomePage *self)
{
  GtkIconTheme *theme;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The application icon exists once installed; keep the generic one
   * when running from the build tree. */
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  if (gtk_icon_theme_has_icon (theme, APP_ID))
    {
      gtk_image_set_from_icon_name (self->icon, APP_ID);
      gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "dim-label");
    }

  g_signal_connect_object (self->company_editor, "notify::valid",
                           G_CALLBACK (on_editor_valid_changed), self, G_CONNECT_SWAPPED);
  on_editor_valid_changed (self);
}

GtkWidget *
kassa_welcome_page_new (KassaStore *store)
{
  KassaWelcomePage *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_WELCOME_PAGE, NULL);
  self->store = g_object_ref (store);

  return GTK_WIDGET (self);
}
