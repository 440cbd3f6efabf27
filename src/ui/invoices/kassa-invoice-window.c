/* kassa-invoice-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-invoices"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kassa-invoice-editor.h"
#include "kassa-invoice-view.h"
#include "kassa-invoice-window.h"

/* One window per invoice: opening an invoice that is already open raises
 * its window instead of a second copy that could disagree with it. */
static GtkWindow *
find_open_window (KassaStore *store,
                  gint64      invoice_id,
                  GType       type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      /* A hidden one is closing (saved, sent or deleted). */
      if (!G_TYPE_CHECK_INSTANCE_TYPE (window, type) || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      if (type == KASSA_TYPE_INVOICE_VIEW &&
          kassa_invoice_view_get_store (KASSA_INVOICE_VIEW (window)) == store &&
          kassa_invoice_view_get_invoice_id (KASSA_INVOICE_VIEW (window)) == invoice_id)
        return GTK_WINDOW (window);
      if (type == KASSA_TYPE_INVOICE_EDITOR &&
          kassa_invoice_editor_get_store (KASSA_INVOICE_EDITOR (window)) == store &&
          kassa_invoice_editor_get_invoice_id (KASSA_INVOICE_EDITOR (window)) == invoice_id)
        return GTK_WINDOW (window);
    }

  return NULL;
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Cannot Open Invoice"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWindow *
create_window (KassaStore  *store,
               gint64       invoice_id,
               gint64       customer_id,
               GError     **error)
{
  g_autoptr(KassaInvoiceRecord) record = NULL;
  GtkWindow *existing;
  gboolean draft;

  if (invoice_id == 0)
    return GTK_WINDOW (kassa_invoice_editor_new (store, 0, customer_id, error));

  record = kassa_store_get_invoice (store, invoice_id, error);
  if (record == NULL)
    return NULL;

  draft = record->state == KASSA_INVOICE_STATE_DRAFT;
  existing = find_open_window (store, invoice_id,
                               draft ? KASSA_TYPE_INVOICE_EDITOR : KASSA_TYPE_INVOICE_VIEW);
  if (existing != NULL)
    return existing;

  if (draft)
    return GTK_WINDOW (kassa_invoice_editor_new (store, invoice_id, 0, error));

  return GTK_WINDOW (kassa_invoice_view_new (store, invoice_id, error));
}

void
kassa_invoice_window_present (GtkWindow  *parent,
                              KassaStore *store,
                              gint64      invoice_id,
                              gint64      customer_id)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (KASSA_IS_STORE (store));

  window = create_window (store, invoice_id, customer_id, &error);
  if (window == NULL)
    {
      show_error (parent, error);
      return;
    }

  if (parent != NULL && gtk_window_get_transient_for (window) == NULL)
    {
      gtk_window_set_transient_for (window, parent);
      gtk_window_set_application (window, gtk_window_get_application (parent));
    }

  gtk_window_present (window);
}
