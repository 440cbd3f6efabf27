/* kassa-document-preview.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-documents"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "kassa-document-export.h"
#include "kassa-document-preview.h"
#include "kassa-invoice-document.h"
#include "kassa-invoice-labels.h"

/* Scale in screen pixels per point: 100 % is a printed page's real size
 * on a 96 dpi screen. */
#define ZOOM_ACTUAL (96.0 / 72.0)
#define ZOOM_MIN    (0.25 * ZOOM_ACTUAL)
#define ZOOM_MAX    (4.0 * ZOOM_ACTUAL)
#define ZOOM_STEP   1.2
/* The page column's margin (pages_box in the .ui) plus room for the
 * shadow, so a page that fits the width shows its edges. */
#define FIT_MARGIN  (2 * 18 + 8)

struct _KassaDocumentPreview
{
  AdwWindow             parent_instance;

  KassaStore           *store;
  gint64                invoice_id;
  KassaInvoiceDocument *document;
  double                scale;
  gboolean              fit_width;
  int                   page;
  guint                 fit_idle_id;

  AdwWindowTitle       *window_title;
  GtkLabel             *page_label;
  GtkMenuButton        *zoom_button;
  AdwToastOverlay      *toast_overlay;
  GtkScrolledWindow    *scrolled;
  GtkBox               *pages_box;
};

G_DEFINE_FINAL_TYPE (KassaDocumentPreview, kassa_document_preview, ADW_TYPE_WINDOW)

static void
ensure_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider,
                                       "/io/github/kassa/Kassa/invoices/kassa-document-preview.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

static int
n_pages (KassaDocumentPreview *self)
{
  return self->document != NULL ? kassa_invoice_document_get_n_pages (self->document) : 0;
}

static GtkWidget *
page_widget (KassaDocumentPreview *self,
             int                   page)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));

  for (int i = 0; child != NULL && i < page; i++)
    child = gtk_widget_get_next_sibling (child);

  return child;
}

/* Paper is white in dark mode too: the page paints its own background. */
static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  KassaDocumentPreview *self = KASSA_DOCUMENT_PREVIEW (user_data);
  int page = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "page"));

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  if (self->document == NULL || page >= n_pages (self))
    return;

  cairo_scale (cr, width / KASSA_DOCUMENT_PAGE_WIDTH, height / KASSA_DOCUMENT_PAGE_HEIGHT);
  kassa_invoice_document_draw_page (self->document, cr, page);
}

static void
update_page_state (KassaDocumentPreview *self)
{
  g_autofree char *text = NULL;
  int n = n_pages (self);

  /* Translators: the page shown and the number of pages, e.g. "1 / 2" */
  text = g_strdup_printf (_("%d / %d"), n > 0 ? self->page + 1 : 0, n);
  gtk_label_set_text (self->page_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page", self->page + 1 < n);
}

static void
apply_scale (KassaDocumentPreview *self)
{
  int width = (int) round (KASSA_DOCUMENT_PAGE_WIDTH * self->scale);
  int height = (int) round (KASSA_DOCUMENT_PAGE_HEIGHT * self->scale);
  g_autofree char *zoom = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (child), width);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (child), height);
    }

  /* Translators: the zoom level of the preview, e.g. "91%"; Finnish and
   * Swedish put a space before the percent sign */
  zoom = g_strdup_printf (_("%d%%"), (int) round (self->scale / ZOOM_ACTUAL * 100));
  gtk_menu_button_set_label (self->zoom_button, zoom);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in", self->scale < ZOOM_MAX - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", self->scale > ZOOM_MIN + 0.001);
}

static void
set_scale (KassaDocumentPreview *self,
           double                scale)
{
  scale = CLAMP (scale, ZOOM_MIN, ZOOM_MAX);
  if (fabs (scale - self->scale) < 0.0005)
    return;

  self->scale = scale;
  apply_scale (self);
}

static gboolean
fit_width_idle (gpointer user_data)
{
  KassaDocumentPreview *self = KASSA_DOCUMENT_PREVIEW (user_data);
  int available = gtk_widget_get_width (GTK_WIDGET (self->scrolled)) - FIT_MARGIN;

  self->fit_idle_id = 0;
  if (self->fit_width && available > 0)
    set_scale (self, available / KASSA_DOCUMENT_PAGE_WIDTH);

  return G_SOURCE_REMOVE;
}

/* Not during the size allocation that reported the new width: resizing the
 * pages then would re-enter layout. */
static void
queue_fit_width (KassaDocumentPreview *self)
{
  if (self->fit_width && self->fit_idle_id == 0)
    self->fit_idle_id = g_idle_add (fit_width_idle, self);
}

static GtkWidget *
page_area_new (KassaDocumentPreview *self,
               int                   page,
               int                   n)
{
  GtkWidget *area = gtk_drawing_area_new ();
  g_autofree char *label = NULL;

  gtk_widget_add_css_class (area, "document-page");
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  gtk_widget_set_overflow (area, GTK_OVERFLOW_HIDDEN);
  g_object_set_data (G_OBJECT (area), "page", GINT_TO_POINTER (page));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page, self, NULL);

  /* Translators: accessible name of a page in the preview, e.g. "Page 1 of 2" */
  label = g_strdup_printf (_("Page %d of %d"), page + 1, n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return area;
}

static void
rebuild_pages (KassaDocumentPreview *self)
{
  GtkWidget *child;
  int n = n_pages (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);

  for (int i = 0; i < n; i++)
    gtk_box_append (self->pages_box, page_area_new (self, i, n));

  self->page = MIN (self->page, MAX (n - 1, 0));
  apply_scale (self);
  update_page_state (self);
}

static gboolean
load_document (KassaDocumentPreview  *self,
               GError               **error)
{
  g_autoptr(KassaInvoiceRecord) record = NULL;
  g_autofree char *title = NULL;
  KassaInvoiceDocument *document;

  document = kassa_invoice_document_new (self->store, self->invoice_id, error);
  if (document == NULL)
    return FALSE;

  g_clear_pointer (&self->document, kassa_invoice_document_free);
  self->document = document;

  record = kassa_store_get_invoice (self->store, self->invoice_id, NULL);
  title = record != NULL ? kassa_invoice_title_for_record (record) : NULL;
  adw_window_title_set_title (self->window_title, _("Preview"));
  adw_window_title_set_subtitle (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("Preview"));
  return TRUE;
}

/* The page whose lower part is in the upper part of the view. */
static void
on_scrolled (KassaDocumentPreview *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  GtkWidget *viewport = gtk_widget_get_parent (GTK_WIDGET (self->pages_box));
  double value = gtk_adjustment_get_value (adjustment);
  double view = gtk_adjustment_get_page_size (adjustment);
  int n = n_pages (self);
  int page = 0;

  if (n == 0 || viewport == NULL)
    return;

  if (value > 0 && value + view >= gtk_adjustment_get_upper (adjustment) - 1)
    page = n - 1;
  else
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
         child != NULL; child = gtk_widget_get_next_sibling (child), page++)
      {
        graphene_rect_t bounds;

        if (gtk_widget_compute_bounds (child, viewport, &bounds) &&
            bounds.origin.y + bounds.size.height > view * 0.4)
          break;
      }

  page = CLAMP (page, 0, n - 1);
  if (page != self->page)
    {
      self->page = page;
      update_page_state (self);
    }
}

static void
go_to_page (KassaDocumentPreview *self,
            int                   page)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  GtkWidget *viewport = gtk_widget_get_parent (GTK_WIDGET (self->pages_box));
  GtkWidget *child = page_widget (self, page);
  graphene_rect_t bounds;

  if (child == NULL || viewport == NULL || !gtk_widget_compute_bounds (child, viewport, &bounds))
    return;

  /* Bounds are relative to what is shown now; keep a little gap above. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y - 12);
  self->page = page;
  update_page_state (self);
}

static void
on_store_changed (KassaDocumentPreview *self,
                  guint                 what)
{
  g_autoptr(GError) error = NULL;
  int old_n = n_pages (self);

  if ((what & (KASSA_STORE_CHANGE_COMPANY | KASSA_STORE_CHANGE_CUSTOMERS |
               KASSA_STORE_CHANGE_INVOICES | KASSA_STORE_CHANGE_PAYMENTS)) == 0)
    return;

  if (!load_document (self, &error))
    {
      /* The invoice is gone: nothing left to show. */
      g_debug ("Closing preview: %s", error->message);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (n_pages (self) != old_n)
    rebuild_pages (self);
  else
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
         child != NULL; child = gtk_widget_get_next_sibling (child))
      gtk_widget_queue_draw (child);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KassaDocumentPreview *self = KASSA_DOCUMENT_PREVIEW (widget);

  go_to_page (self, MAX (self->page - 1, 0));
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KassaDocumentPreview *self = KASSA_DOCUMENT_PREVIEW (widget);

  go_to_page (self, MIN (self->page + 1, n_pages (self) - 1));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KassaDocumentPreview *self = KASSA_DOCUMENT_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.zoom-fit"))
    {
      self->fit_width = TRUE;
      queue_fit_width (self);
      return;
    }

  self->fit_width = FALSE;
  if (g_str_equal (action_name, "preview.zoom-in"))
    set_scale (self, self->scale * ZOOM_STEP);
  else if (g_str_equal (action_name, "preview.zoom-out"))
    set_scale (self, self->scale / ZOOM_STEP);
  else
    set_scale (self, ZOOM_ACTUAL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KassaDocumentPreview *self = KASSA_DOCUMENT_PREVIEW (widget);
  KassaDocumentAction action = g_str_equal (action_name, "preview.print")
                               ? KASSA_DOCUMENT_ACTION_PRINT : KASSA_DOCUMENT_ACTION_SAVE_PDF;

  kassa_document_export_run (GTK_WINDOW (self), self->toast_overlay, self->store,
                             self->invoice_id, action, FALSE);
}

static void
kassa_document_preview_dispose (GObject *object)
{
  KassaDocumentPreview *self = KASSA_DOCUMENT_PREVIEW (object);

  g_clear_handle_id (&self->fit_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_DOCUMENT_PREVIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_document_preview_parent_class)->dispose (object);
}

static void
kassa_document_preview_finalize (GObject *object)
{
  KassaDocumentPreview *self = KASSA_DOCUMENT_PREVIEW (object);

  g_clear_pointer (&self->document, kassa_invoice_document_free);

  G_OBJECT_CLASS (kassa_document_preview_parent_class)->finalize (object);
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             GdkModifierType  modifiers,
             const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, action, NULL);
}

static void
install_shortcuts (GtkWidgetClass *widget_class)
{
  add_binding (widget_class, GDK_KEY_Escape, 0, "window.close");
  add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in");
  add_binding (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in");
  add_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out");
  add_binding (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "preview.zoom-out");
  add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-fit");
  add_binding (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "preview.zoom-fit");
  add_binding (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print");
  add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "preview.save-pdf");
}

static void
kassa_document_preview_class_init (KassaDocumentPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_document_preview_dispose;
  object_class->finalize = kassa_document_preview_finalize;

  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-actual", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.save-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, export_action);
  install_shortcuts (widget_class);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kassa/Kassa/invoices/kassa-document-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaDocumentPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, KassaDocumentPreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, KassaDocumentPreview, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, KassaDocumentPreview, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KassaDocumentPreview, scrolled);
  gtk_widget_class_bind_template_child (widget_class, KassaDocumentPreview, pages_box);
}

static void
kassa_document_preview_init (KassaDocumentPreview *self)
{
  GtkAdjustment *hadjustment, *vadjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style ();

  self->scale = ZOOM_ACTUAL;
  self->fit_width = TRUE;

  hadjustment = gtk_scrolled_window_get_hadjustment (self->scrolled);
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  g_signal_connect_object (hadjustment, "notify::page-size", G_CALLBACK (queue_fit_width), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (on_scrolled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "notify::upper", G_CALLBACK (on_scrolled), self,
                           G_CONNECT_SWAPPED);
}

KassaDocumentPreview *
kassa_document_preview_new (KassaStore  *store,
                            gint64       invoice_id,
                            GError     **error)
{
  KassaDocumentPreview *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (KASSA_TYPE_DOCUMENT_PREVIEW, NULL);
  self->store = g_object_ref (store);
  self->invoice_id = invoice_id;

  if (!load_document (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  rebuild_pages (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  return self;
}

gint64
kassa_document_preview_get_invoice_id (KassaDocumentPreview *self)
{
  g_return_val_if_fail (KASSA_IS_DOCUMENT_PREVIEW (self), 0);

  return self->invoice_id;
}

int
kassa_document_preview_get_n_pages (KassaDocumentPreview *self)
{
  g_return_val_if_fail (KASSA_IS_DOCUMENT_PREVIEW (self), 0);

  return n_pages (self);
}

int
kassa_document_preview_get_page (KassaDocumentPreview *self)
{
  g_return_val_if_fail (KASSA_IS_DOCUMENT_PREVIEW (self), 0);

  return self->page;
}

double
kassa_document_preview_get_scale (KassaDocumentPreview *self)
{
  g_return_val_if_fail (KASSA_IS_DOCUMENT_PREVIEW (self), 0);

  return self->scale;
}

static KassaDocumentPreview *
find_open_preview (KassaStore *store,
                   gint64      invoice_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KASSA_IS_DOCUMENT_PREVIEW (window) &&
          KASSA_DOCUMENT_PREVIEW (window)->store == store &&
          KASSA_DOCUMENT_PREVIEW (window)->invoice_id == invoice_id)
        return KASSA_DOCUMENT_PREVIEW (window);
    }

  return NULL;
}

void
kassa_document_preview_present (GtkWindow  *parent,
                                KassaStore *store,
                                gint64      invoice_id)
{
  g_autoptr(GError) error = NULL;
  KassaDocumentPreview *preview;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (KASSA_IS_STORE (store));

  preview = find_open_preview (store, invoice_id);
  if (preview == NULL)
    preview = kassa_document_preview_new (store, invoice_id, &error);
  if (preview == NULL)
    {
      kassa_document_export_show_error (parent, _("Cannot Show Preview"), error);
      return;
    }

  if (parent != NULL && gtk_window_get_transient_for (GTK_WINDOW (preview)) == NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (preview), parent);
      gtk_window_set_application (GTK_WINDOW (preview), gtk_window_get_application (parent));
    }

  gtk_window_present (GTK_WINDOW (preview));
}
