/* kassa-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kassa-cashflow-page.h"
#include "kassa-company-dialog.h"
#include "kassa-customer-editor.h"
#include "kassa-customer-view.h"
#include "kassa-customers-page.h"
#include "kassa-export-dialog.h"
#include "kassa-invoice-window.h"
#include "kassa-invoices-page.h"
#include "kassa-overview-page.h"
#include "kassa-receivables-page.h"
#include "kassa-reports-page.h"
#include "kassa-welcome-page.h"
#include "kassa-window.h"

struct _KassaWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkWidget            *new_invoice_button;
  GtkStack             *content_stack;
  AdwBin               *welcome_bin;
  AdwViewStack         *view_stack;
  GMenu                *recent_section;

  GSettings            *settings;
  KassaStore           *store;
  /* Pages live in view_stack; NULL while not built. */
  GtkWidget            *overview_page;
  GtkWidget            *customers_page;
  GtkWidget            *invoices_page;
  GtkWidget            *receivables_page;
  GtkWidget            *cashflow_page;
  GtkWidget            *reports_page;
  /* Set while pages are added/removed so that does not count as the
   * user choosing a page. */
  gboolean              rebuilding;
};

G_DEFINE_FINAL_TYPE (KassaWindow, kassa_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const store_actions[] = {
  "win.new-invoice",
  "win.new-customer",
  "win.search",
  "win.show-page",
  "win.show-overdue-invoices",
  "win.show-receivables",
  "win.company-details",
  "win.export-report",
};

static gboolean
is_page_name (const char *name)
{
  return g_strcmp0 (name, "overview") == 0 ||
         g_strcmp0 (name, "customers") == 0 ||
         g_strcmp0 (name, "invoices") == 0 ||
         g_strcmp0 (name, "receivables") == 0 ||
         g_strcmp0 (name, "cashflow") == 0 ||
         g_strcmp0 (name, "reports") == 0;
}

static gboolean
showing_pages (KassaWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "main") == 0;
}

static void
update_switcher_bar (KassaWindow *self)
{
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);

  adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow && showing_pages (self));
}

static void
update_title (KassaWindow *self)
{
  g_autoptr(KassaCompany) company = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file_name = NULL;

  if (self->store != NULL)
    {
      company = kassa_store_get_company (self->store);
      file_name = g_path_get_basename (kassa_store_get_path (self->store));
    }

  if (company != NULL && company->name != NULL)
    /* Translators: the window title; %s is the company name. */
    title = g_strdup_printf (_("Kassa — %s"), company->name);
  else
    title = g_strdup ("Kassa");

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->switcher_title,
                                     company != NULL && company->name != NULL ? company->name : "Kassa");
  adw_view_switcher_title_set_subtitle (self->switcher_title, file_name != NULL ? file_name : "");
}

static void
update_actions (KassaWindow *self)
{
  gboolean with_pages = showing_pages (self);

  for (guint i = 0; i < G_N_ELEMENTS (store_actions); i++)
    {
      gboolean enabled = with_pages;

      if (g_str_equal (store_actions[i], "win.company-details"))
        enabled = (self->store != NULL && kassa_store_has_company (self->store));

      gtk_widget_action_set_enabled (GTK_WIDGET (self), store_actions[i], enabled);
    }

  gtk_widget_set_visible (self->new_invoice_button, with_pages);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, with_pages);
}

static void
select_start_page (KassaWindow *self)
{
  const char *forced = g_getenv ("KASSA_START_PAGE");
  g_autofree char *last = g_settings_get_string (self->settings, "last-page");
  const char *name = is_page_name (forced) ? forced : last;

  if (!is_page_name (name))
    name = "overview";

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
add_page (KassaWindow *self,
          GtkWidget   *page,
          const char  *name,
          const char  *title,
          const char  *icon_name)
{
  AdwViewStackPage *stack_page;

  stack_page = adw_view_stack_add_titled (self->view_stack, page, name, title);
  adw_view_stack_page_set_icon_name (stack_page, icon_name);
}

/* Hidden hooks for screenshots and manual checks:
 * KASSA_OPEN_CUSTOMER=<id> opens that customer's view,
 * KASSA_OPEN_EDITOR=customer-new|customer:<id>|company|export-report opens an editor. */
static void
open_requested_windows (KassaWindow *self)
{
  const char *customer = g_getenv ("KASSA_OPEN_CUSTOMER");
  const char *editor = g_getenv ("KASSA_OPEN_EDITOR");
  gint64 id;

  if (customer != NULL && g_ascii_string_to_signed (customer, 10, 1, G_MAXINT64, &id, NULL))
    kassa_customer_view_present (GTK_WINDOW (self), self->store, id);

  if (g_strcmp0 (editor, "company") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.company-details", NULL);
  else if (g_strcmp0 (editor, "customer-new") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.new-customer", NULL);
  else if (g_strcmp0 (editor, "export-report") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.export-report", NULL);
  else if (editor != NULL && g_str_has_prefix (editor, "customer:") &&
           g_ascii_string_to_signed (editor + strlen ("customer:"), 10, 1, G_MAXINT64, &id, NULL))
    {
      KassaCustomerEditor *dialog = kassa_customer_editor_new (GTK_WINDOW (self), self->store, id);

      if (dialog != NULL)
        gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
build_pages (KassaWindow *self)
{
  if (self->overview_page != NULL)
    return;

  self->rebuilding = TRUE;
  self->overview_page = kassa_overview_page_new (self->store);
  self->customers_page = kassa_customers_page_new (self->store);
  self->invoices_page = kassa_invoices_page_new (self->store);
  self->receivables_page = kassa_receivables_page_new (self->store);
  self->cashflow_page = kassa_cashflow_page_new (self->store);
  self->reports_page = kassa_reports_page_new (self->store);
  add_page (self, self->overview_page, "overview", _("Overview"), "go-home-symbolic");
  add_page (self, self->customers_page, "customers", _("Customers"), "system-users-symbolic");
  add_page (self, self->invoices_page, "invoices", _("Invoices"), "x-office-document-symbolic");
  add_page (self, self->receivables_page, "receivables", _("Receivables"), "task-due-symbolic");
  add_page (self, self->cashflow_page, "cashflow", _("Cash Flow"),
            "network-transmit-receive-symbolic");
  add_page (self, self->reports_page, "reports", _("Reports"), "x-office-spreadsheet-symbolic");
  select_start_page (self);
  self->rebuilding = FALSE;
}

static void
drop_page (KassaWindow  *self,
           GtkWidget   **page)
{
  if (*page == NULL)
    return;

  adw_view_stack_remove (self->view_stack, *page);
  *page = NULL;
}

static void
drop_pages (KassaWindow *self)
{
  self->rebuilding = TRUE;
  drop_page (self, &self->overview_page);
  drop_page (self, &self->customers_page);
  drop_page (self, &self->invoices_page);
  drop_page (self, &self->receivables_page);
  drop_page (self, &self->cashflow_page);
  drop_page (self, &self->reports_page);
  self->rebuilding = FALSE;
  adw_bin_set_child (self->welcome_bin, NULL);
}

static void
update_content (KassaWindow *self)
{
  gboolean first_pages = FALSE;

  if (self->store == NULL)
    {
      drop_pages (self);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
  else if (!kassa_store_has_company (self->store))
    {
      if (adw_bin_get_child (self->welcome_bin) == NULL)
        adw_bin_set_child (self->welcome_bin, kassa_welcome_page_new (self->store));
      gtk_stack_set_visible_child_name (self->content_stack, "welcome");
    }
  else
    {
      first_pages = (self->overview_page == NULL);
      build_pages (self);
      /* The welcome page may be the caller (it saved the company): it is
       * dropped with the store in set_store, not from under its feet. */
      gtk_stack_set_visible_child_name (self->content_stack, "main");
    }

  update_title (self);
  update_actions (self);
  update_switcher_bar (self);

  if (first_pages)
    open_requested_windows (self);
}

static void
on_store_changed (KassaWindow *self,
                  guint        what)
{
  if (what & KASSA_STORE_CHANGE_COMPANY)
    update_content (self);
}

static void
on_view_stack_page_changed (KassaWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (!self->rebuilding && is_page_name (name))
    g_settings_set_string (self->settings, "last-page", name);
}

static void
update_recent_menu (KassaWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");

  g_menu_remove_all (self->recent_section);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *label = g_path_get_basename (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "app.open-recent",
                                               g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_section, item);
    }

  if (recent[0] == NULL)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Files"), "app.no-recent-files");

      g_menu_append_item (self->recent_section, item);
    }
}

/* Editors and views of the previous company must not outlive it. */
static void
close_company_windows (KassaWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkWindow *parent = gtk_window_get_transient_for (window);

      /* Dialogs of dialogs (an editor opened from a customer view) too. */
      while (parent != NULL && parent != GTK_WINDOW (self))
        parent = gtk_window_get_transient_for (parent);

      if (window != GTK_WINDOW (self) && parent == GTK_WINDOW (self))
        g_ptr_array_add (doomed, window);
    }

  for (guint i = 0; i < doomed->len; i++)
    gtk_window_destroy (g_ptr_array_index (doomed, i));
}

static void
new_invoice_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KassaWindow *self = KASSA_WINDOW (widget);

  kassa_invoice_window_present (GTK_WINDOW (self), self->store, 0, 0);
}

static void
new_customer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KassaWindow *self = KASSA_WINDOW (widget);
  KassaCustomerEditor *editor;

  editor = kassa_customer_editor_new (GTK_WINDOW (self), self->store, 0);
  if (editor != NULL)
    gtk_window_present (GTK_WINDOW (editor));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KassaWindow *self = KASSA_WINDOW (widget);
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);

  if (page == self->customers_page)
    {
      kassa_customers_page_focus_search (KASSA_CUSTOMERS_PAGE (page));
      return;
    }

  /* The Overview has no search of its own: searching means invoices. */
  kassa_window_show_page (self, "invoices");
  kassa_invoices_page_focus_search (KASSA_INVOICES_PAGE (self->invoices_page));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  kassa_window_show_page (KASSA_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_overdue_invoices_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  KassaWindow *self = KASSA_WINDOW (widget);

  kassa_window_show_page (self, "invoices");
  kassa_invoices_page_show_filter (KASSA_INVOICES_PAGE (self->invoices_page),
                                   KASSA_INVOICE_FILTER_OVERDUE);
}

/* "aging", "collections" or "warnings" of the Receivables page (the
 * Overview's links). */
static void
show_receivables_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KassaWindow *self = KASSA_WINDOW (widget);

  kassa_window_show_page (self, "receivables");
  kassa_receivables_page_show_section (KASSA_RECEIVABLES_PAGE (self->receivables_page),
                                       g_variant_get_string (parameter, NULL));
}

static void
company_details_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KassaWindow *self = KASSA_WINDOW (widget);
  KassaCompanyDialog *dialog;

  dialog = kassa_company_dialog_new (GTK_WINDOW (self), self->store);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KassaWindow *self = KASSA_WINDOW (widget);
  KassaExportDialog *dialog;

  dialog = kassa_export_dialog_new (GTK_WINDOW (self), self->store, KASSA_REPORT_INVOICE_JOURNAL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_window_state (KassaWindow *self)
{
  int width, height;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (maximized)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
}

static void
restore_window_state (KassaWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 294));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
kassa_window_close_request (GtkWindow *window)
{
  save_window_state (KASSA_WINDOW (window));

  return GTK_WINDOW_CLASS (kassa_window_parent_class)->close_request (window);
}

static void
kassa_window_dispose (GObject *object)
{
  KassaWindow *self = KASSA_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  self->overview_page = self->customers_page = self->invoices_page = NULL;
  self->receivables_page = self->cashflow_page = self->reports_page = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kassa_window_parent_class)->dispose (object);
}

static void
kassa_window_class_init (KassaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kassa_window_dispose;
  window_class->close_request = kassa_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/kassa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KassaWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KassaWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, KassaWindow, new_invoice_button);
  gtk_widget_class_bind_template_child (widget_class, KassaWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KassaWindow, welcome_bin);
  gtk_widget_class_bind_template_child (widget_class, KassaWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KassaWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, update_switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_view_stack_page_changed);

  gtk_widget_class_install_action (widget_class, "win.new-invoice", NULL, new_invoice_action);
  gtk_widget_class_install_action (widget_class, "win.new-customer", NULL, new_customer_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-overdue-invoices", NULL,
                                   show_overdue_invoices_action);
  gtk_widget_class_install_action (widget_class, "win.show-receivables", "s",
                                   show_receivables_action);
  /* The other pages' Alt+number accelerators are the application's. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-page", "s", "receivables");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK,
                                       "win.show-page", "s", "cashflow");
  gtk_widget_class_install_action (widget_class, "win.company-details", NULL,
                                   company_details_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
}

static void
kassa_window_init (KassaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "development") == 0)
    {
      /* "devel" is what libadwaita's stylesheet decorates. */
      gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
      gtk_widget_add_css_class (GTK_WIDGET (self), "development");
    }

  self->settings = g_settings_new ("io.github.kassa.Kassa");
  g_signal_connect_object (self->settings, "changed::recent-files",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
  restore_window_state (self);
  update_content (self);
}

KassaWindow *
kassa_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (KASSA_TYPE_WINDOW, "application", application, NULL);
}

void
kassa_window_set_store (KassaWindow *self,
                        KassaStore  *store)
{
  g_return_if_fail (KASSA_IS_WINDOW (self));
  g_return_if_fail (store == NULL || KASSA_IS_STORE (store));

  if (store == self->store)
    return;

  close_company_windows (self);
  drop_pages (self);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_set_object (&self->store, store);

  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                             G_CONNECT_SWAPPED);

  update_content (self);
}

KassaStore *
kassa_window_get_store (KassaWindow *self)
{
  g_return_val_if_fail (KASSA_IS_WINDOW (self), NULL);

  return self->store;
}

void
kassa_window_add_toast (KassaWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (KASSA_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
kassa_window_show_page (KassaWindow *self,
                        const char  *name)
{
  g_return_if_fail (KASSA_IS_WINDOW (self));

  if (!is_page_name (name) || !showing_pages (self))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

GtkWidget *
kassa_window_get_page (KassaWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (KASSA_IS_WINDOW (self), NULL);

  if (g_strcmp0 (name, "overview") == 0)
    return self->overview_page;
  if (g_strcmp0 (name, "customers") == 0)
    return self->customers_page;
  if (g_strcmp0 (name, "invoices") == 0)
    return self->invoices_page;
  if (g_strcmp0 (name, "receivables") == 0)
    return self->receivables_page;
  if (g_strcmp0 (name, "cashflow") == 0)
    return self->cashflow_page;
  if (g_strcmp0 (name, "reports") == 0)
    return self->reports_page;

  return NULL;
}
