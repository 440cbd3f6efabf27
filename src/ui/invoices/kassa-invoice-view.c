/* kassa-invoice-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-invoices"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-collection-event-dialog.h"
#include "kassa-collection-log.h"
#include "kassa-date.h"
#include "kassa-document-preview.h"
#include "kassa-dunning.h"
#include "kassa-invoice-labels.h"
#include "kassa-invoice-view.h"
#include "kassa-totals-grid.h"
#include "kassa-invoice-window.h"
#include "kassa-money.h"
#include "kassa-payment-dialog.h"
#include "kassa-reference.h"
#include "kassa-store-relationship.h"
#include "kassa-vat.h"

struct _KassaInvoiceView
{
  AdwWindow           parent_instance;

  KassaStore         *store;
  gint64              invoice_id;
  KassaInvoiceRecord *record;
  gint64              total;
  gint64              paid;
  gint64              open;
  KassaLocale         locale;
  KassaDay            today;
  guint               loading;
  GCancellable       *collection_cancellable; /* the expected payment being estimated */

  AdwWindowTitle     *window_title;
  GtkButton          *record_payment_button;
  GtkButton          *credit_button;
  AdwToastOverlay    *toast_overlay;
  GtkLabel           *heading_label;
  GtkLabel           *status_label;
  GtkLabel           *status_detail_label;
  GtkLabel           *open_label;
  AdwActionRow       *customer_row;
  AdwActionRow       *credits_row;
  AdwActionRow       *issue_row;
  AdwActionRow       *due_row;
  AdwActionRow       *reference_row;
  AdwActionRow       *rf_reference_row;
  AdwActionRow       *delivery_row;
  GtkSwitch          *disputed_switch;
  AdwComboRow        *campaign_row;
  GArray             *campaign_ids;  /* gint64 per campaign_row position; 0 = none */
  AdwActionRow       *notes_row;
  GtkGrid            *lines_grid;
  GtkGrid            *vat_grid;
  GtkGrid            *totals_grid;
  GtkListBox         *payments_list;
  AdwPreferencesGroup *collection_group;
  AdwPreferencesGroup *collection_log_group;
  AdwActionRow       *level_row;
  AdwActionRow       *expected_row;
  GtkSpinner         *expected_spinner;
  AdwActionRow       *interest_row;
  GtkLabel           *interest_label;
  GtkWidget          *collection_log;

  GtkLabel           *net_total_label;
  GtkLabel           *vat_total_label;
  GtkLabel           *total_label;
  GtkLabel           *paid_label;
  GtkLabel           *totals_open_label;
};

G_DEFINE_FINAL_TYPE (KassaInvoiceView, kassa_invoice_view, ADW_TYPE_WINDOW)

static gboolean refresh (KassaInvoiceView *self,
                         GError          **error);

static char *
format_money (KassaInvoiceView *self,
              gint64            amount)
{
  return kassa_money_format (amount, self->record->currency, self->locale);
}

static void
show_toast (KassaInvoiceView *self,
            const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static gboolean
is_credit_note (KassaInvoiceView *self)
{
  return self->record->credited_invoice_id != 0;
}

static void
dim_children (GtkGrid *grid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_add_css_class (child, "dim-label");
}

static void
fill_lines (KassaInvoiceView *self)
{
  kassa_totals_grid_clear (self->lines_grid);
  kassa_totals_grid_attach (self->lines_grid, _("Description"), 0, 0, FALSE);
  kassa_totals_grid_attach (self->lines_grid, _("Quantity"), 1, 0, TRUE);
  kassa_totals_grid_attach (self->lines_grid, _("Unit Price"), 2, 0, TRUE);
  kassa_totals_grid_attach (self->lines_grid, _("VAT"), 3, 0, TRUE);
  kassa_totals_grid_attach (self->lines_grid, _("Net"), 4, 0, TRUE);
  dim_children (self->lines_grid);

  for (guint i = 0; i < self->record->lines->len; i++)
    {
      const KassaInvoiceLine *line = g_ptr_array_index (self->record->lines, i);
      g_autofree char *quantity = kassa_quantity_format (line->quantity, self->locale);
      g_autofree char *price = format_money (self, line->unit_price);
      g_autofree char *vat = kassa_percent_format (line->vat_rate, self->locale);
      g_autofree char *net = format_money (self, kassa_invoice_line_get_net (line));
      GtkLabel *description = kassa_totals_grid_attach (self->lines_grid, line->description, 0, i + 1, FALSE);

      gtk_widget_set_hexpand (GTK_WIDGET (description), TRUE);
      gtk_label_set_wrap (description, TRUE);
      gtk_label_set_selectable (description, TRUE);
      kassa_totals_grid_attach (self->lines_grid, quantity, 1, i + 1, TRUE);
      kassa_totals_grid_attach (self->lines_grid, price, 2, i + 1, TRUE);
      kassa_totals_grid_attach (self->lines_grid, vat, 3, i + 1, TRUE);
      kassa_totals_grid_attach (self->lines_grid, net, 4, i + 1, TRUE);

      if (line->discount != 0)
        {
          g_autofree char *discount = kassa_percent_format (line->discount, self->locale);
          /* Translators: shown under a line with a discount, e.g. "Discount 10 %" */
          g_autofree char *text = g_strdup_printf (_("Discount %s"), discount);

          gtk_widget_set_tooltip_text (GTK_WIDGET (description), text);
        }
    }
}

static void
fill_vat_breakdown (KassaInvoiceView *self)
{
  kassa_totals_grid_fill_vat (self->vat_grid, self->record, self->record->currency, self->locale);
}

static void
set_money_label (KassaInvoiceView *self,
                 GtkLabel         *label,
                 gint64            amount)
{
  g_autofree char *text = format_money (self, amount);

  gtk_label_set_text (label, text);
}

static void
fill_totals (KassaInvoiceView *self)
{
  gint64 net, vat, gross;

  kassa_invoice_record_get_totals (self->record, &net, &vat, &gross);
  set_money_label (self, self->net_total_label, net);
  set_money_label (self, self->vat_total_label, vat);
  /* The stored total is what payments are matched against. */
  set_money_label (self, self->total_label, self->total);
  set_money_label (self, self->paid_label, self->paid);
  /* The open amount follows the store's rule (a credit note also carries
   * what its credited invoice had left open), not just total − paid. */
  set_money_label (self, self->totals_open_label, self->open);
  set_money_label (self, self->open_label, self->open);

  /* Recording a payment is the next step only while something is open. */
  if (self->open != 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->record_payment_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->record_payment_button), "suggested-action");
  fill_vat_breakdown (self);
}

static void
fill_status (KassaInvoiceView *self)
{
  KassaInvoiceStatus status;
  g_autofree char *detail = NULL;
  int days;

  status = kassa_invoice_status_derive (self->record->state, is_credit_note (self),
                                        self->total, self->paid, self->record->due_date,
                                        self->today);
  kassa_invoice_status_label_set (self->status_label, status);

  days = self->record->due_date - self->today;
  if (status == KASSA_INVOICE_STATUS_OVERDUE)
    /* Translators: how late an overdue invoice is */
    detail = g_strdup_printf (g_dngettext (NULL, "%d day overdue", "%d days overdue", -days), -days);
  else if (status != KASSA_INVOICE_STATUS_OPEN && status != KASSA_INVOICE_STATUS_PARTIALLY_PAID)
    detail = NULL;
  else if (days == 0)
    detail = g_strdup (_("Due today"));
  else
    /* Translators: when an open invoice falls due */
    detail = g_strdup_printf (g_dngettext (NULL, "Due in %d day", "Due in %d days", days), days);

  gtk_label_set_text (self->status_detail_label, detail != NULL ? detail : "");
}

static void
fill_references (KassaInvoiceView *self)
{
  const char *reference = self->record->reference;
  g_autofree char *fi = NULL;
  g_autofree char *rf = NULL;
  g_autofree char *rf_formatted = NULL;

  if (reference == NULL || reference[0] == '\0')
    {
      adw_action_row_set_subtitle (self->reference_row, "—");
      gtk_widget_set_visible (GTK_WIDGET (self->rf_reference_row), FALSE);
      return;
    }

  fi = kassa_reference_fi_format (reference);
  rf = kassa_reference_rf_from_fi (reference);
  rf_formatted = rf != NULL ? kassa_reference_rf_format (rf) : NULL;
  adw_action_row_set_subtitle (self->reference_row, fi != NULL ? fi : reference);
  adw_action_row_set_subtitle (self->rf_reference_row, rf_formatted != NULL ? rf_formatted : "");
  gtk_widget_set_visible (GTK_WIDGET (self->rf_reference_row), rf_formatted != NULL);
}

static void
fill_customer (KassaInvoiceView *self)
{
  g_autoptr(KassaCustomerRecord) customer = NULL;
  g_autofree char *text = NULL;

  customer = kassa_store_get_customer (self->store, self->record->customer_id, NULL);
  if (customer != NULL)
    /* Translators: customer name and number */
    text = g_strdup_printf (_("%s (%s)"), customer->name, customer->number);

  adw_action_row_set_subtitle (self->customer_row, text != NULL ? text : "—");
  adw_window_title_set_subtitle (self->window_title, customer != NULL ? customer->name : NULL);
}

static void
fill_credits_row (KassaInvoiceView *self)
{
  g_autoptr(KassaInvoiceRecord) original = NULL;
  g_autofree char *title = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->credits_row), is_credit_note (self));
  if (!is_credit_note (self))
    return;

  original = kassa_store_get_invoice (self->store, self->record->credited_invoice_id, NULL);
  title = original != NULL ? kassa_invoice_title_for_record (original) : g_strdup ("—");
  adw_action_row_set_subtitle (self->credits_row, title);
}

static void
set_day_subtitle (KassaInvoiceView *self,
                  AdwActionRow     *row,
                  KassaDay          day)
{
  g_autofree char *text = kassa_day_format (day, self->locale);

  adw_action_row_set_subtitle (row, text);
}

/* Whether the row already offers exactly these campaigns, so that a
 * refresh caused by choosing one does not swap the model under the open
 * popover. */
static gboolean
campaign_model_matches (KassaInvoiceView *self,
                        GPtrArray        *campaigns)
{
  GListModel *model = adw_combo_row_get_model (self->campaign_row);

  if (model == NULL || self->campaign_ids->len != campaigns->len + 1)
    return FALSE;

  for (guint i = 0; i < campaigns->len; i++)
    {
      const KassaCampaign *campaign = g_ptr_array_index (campaigns, i);

      if (g_array_index (self->campaign_ids, gint64, i + 1) != campaign->id
          || g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i + 1),
                        campaign->name) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
set_campaign_model (KassaInvoiceView *self,
                    GPtrArray        *campaigns)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (self->campaign_ids, 0);
  g_array_append_val (self->campaign_ids, none);
  gtk_string_list_append (names, C_("campaign", "None"));
  for (guint i = 0; i < campaigns->len; i++)
    {
      const KassaCampaign *campaign = g_ptr_array_index (campaigns, i);

      g_array_append_val (self->campaign_ids, campaign->id);
      gtk_string_list_append (names, campaign->name);
    }

  adw_combo_row_set_model (self->campaign_row, G_LIST_MODEL (names));
}

static guint
campaign_position (KassaInvoiceView *self,
                   gint64            campaign_id)
{
  for (guint i = 0; i < self->campaign_ids->len; i++)
    if (g_array_index (self->campaign_ids, gint64, i) == campaign_id)
      return i;

  return 0;
}

/* Only sales can come from a campaign: drafts are not sales yet and a
 * credit note is not one.  Without campaigns there is nothing to choose. */
static void
fill_campaign (KassaInvoiceView *self)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;
  gboolean sale = self->record->state == KASSA_INVOICE_STATE_SENT && !is_credit_note (self);

  if (sale)
    {
      campaigns = kassa_store_list_campaigns (self->store, &error);
      if (campaigns == NULL)
        g_warning ("Could not list the campaigns: %s", error->message);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->campaign_row), campaigns != NULL && campaigns->len > 0);
  if (campaigns == NULL || campaigns->len == 0)
    return;

  if (!campaign_model_matches (self, campaigns))
    set_campaign_model (self, campaigns);
  adw_combo_row_set_selected (self->campaign_row,
                              campaign_position (self, kassa_store_get_invoice_campaign (self->store,
                                                                                         self->invoice_id)));
}

static void
fill_details (KassaInvoiceView *self)
{
  g_autofree char *title = kassa_invoice_title_for_record (self->record);
  gboolean creditable;

  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_text (self->heading_label, title);
  fill_customer (self);
  fill_credits_row (self);
  set_day_subtitle (self, self->issue_row, self->record->issue_date);
  set_day_subtitle (self, self->due_row, self->record->due_date);
  fill_references (self);
  adw_action_row_set_subtitle (self->delivery_row, kassa_delivery_to_string (self->record->delivery));
  gtk_switch_set_active (self->disputed_switch, self->record->disputed);
  fill_campaign (self);

  gtk_widget_set_visible (GTK_WIDGET (self->notes_row),
                          self->record->notes != NULL && self->record->notes[0] != '\0');
  adw_action_row_set_subtitle (self->notes_row, self->record->notes != NULL ? self->record->notes : "");

  creditable = self->record->state == KASSA_INVOICE_STATE_SENT && !is_credit_note (self);
  gtk_widget_set_visible (GTK_WIDGET (self->credit_button), creditable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.credit", creditable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.record-payment",
                                 self->record->state == KASSA_INVOICE_STATE_SENT);
}

static void
on_undo_remove_payment (AdwToast         *toast,
                        KassaInvoiceView *self)
{
  KassaPayment *payment = g_object_get_data (G_OBJECT (toast), "payment");
  g_autoptr(KassaPayment) copy = kassa_payment_copy (payment);
  g_autoptr(GError) error = NULL;

  /* Put back exactly what was removed, even if it overpays now. */
  copy->id = 0;
  if (!kassa_store_add_payment (self->store, copy, TRUE, &error))
    show_toast (self, error->message);
}

static void
on_remove_payment_clicked (GtkButton        *button,
                           KassaInvoiceView *self)
{
  KassaPayment *payment = g_object_get_data (G_OBJECT (button), "payment");
  g_autoptr(KassaPayment) removed = kassa_payment_copy (payment);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!kassa_store_delete_payment (self->store, removed->id, &error))
    {
      show_toast (self, error->message);
      return;
    }

  toast = adw_toast_new (_("Payment removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "payment", g_steal_pointer (&removed),
                          (GDestroyNotify) kassa_payment_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove_payment), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWidget *
payment_row_new (KassaInvoiceView   *self,
                 const KassaPayment *payment)
{
  g_autofree char *amount = format_money (self, payment->amount);
  g_autofree char *date = kassa_day_format (payment->date, self->locale);
  g_autoptr(GString) subtitle = g_string_new (date);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_string_append_printf (subtitle, " · %s", kassa_payment_method_to_string (payment->method));
  if (payment->note != NULL && payment->note[0] != '\0')
    g_string_append_printf (subtitle, " · %s", payment->note);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), amount);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_widget_add_css_class (row, "numeric");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Payment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Payment"), -1);
  gtk_widget_set_sensitive (remove, self->record->state == KASSA_INVOICE_STATE_SENT);
  g_object_set_data_full (G_OBJECT (remove), "payment", kassa_payment_copy (payment),
                          (GDestroyNotify) kassa_payment_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_payment_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static gboolean
fill_payments (KassaInvoiceView *self,
               GError          **error)
{
  g_autoptr(GPtrArray) payments = kassa_store_list_payments (self->store, self->invoice_id, error);
  GtkListBoxRow *row;

  if (payments == NULL)
    return FALSE;

  /* Rows only: the first child may be the placeholder, which must stay. */
  while ((row = gtk_list_box_get_row_at_index (self->payments_list, 0)) != NULL)
    gtk_list_box_remove (self->payments_list, GTK_WIDGET (row));

  for (guint i = 0; i < payments->len; i++)
    gtk_list_box_append (self->payments_list, payment_row_new (self, g_ptr_array_index (payments, i)));

  return TRUE;
}

/* Collection: the dunning level, the expected payment date and the late
 * interest.  The expected date reads the customer's and the company's
 * payment history, so it is estimated in a thread with a connection of its
 * own; a newer estimate or closing the view drops an older one. */

typedef struct
{
  char                 *store_path;
  gint64                invoice_id;
  KassaDay              today;
  gboolean              expected_ok;
  KassaExpectedPayment  expected;
  gboolean              interest_ok;
  gint64                interest;
  gboolean              rate_missing;
  char                 *interest_error;
} CollectionJob;

static void
collection_job_free (CollectionJob *job)
{
  g_free (job->store_path);
  g_free (job->interest_error);
  g_free (job);
}

static void
estimate_in_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  CollectionJob *job = task_data;
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = kassa_store_open (job->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Fails when the invoice is no longer open: then no date is shown. */
  job->expected_ok = kassa_expected_payment_get (store, job->invoice_id, job->today,
                                                 &job->expected, NULL);
  if (!g_cancellable_is_cancelled (cancellable))
    {
      job->interest_ok = kassa_dunning_invoice_interest (store, job->invoice_id, job->today,
                                                         &job->interest, &job->rate_missing, &error);
      if (!job->interest_ok)
        job->interest_error = g_strdup (error->message);
    }

  g_task_return_boolean (task, TRUE);
}

static void
show_interest (KassaInvoiceView    *self,
               const CollectionJob *job)
{
  g_autofree char *amount = NULL;
  g_autofree char *day = NULL;
  g_autofree char *subtitle = NULL;

  if (!job->interest_ok)
    {
      gtk_label_set_text (self->interest_label, "—");
      adw_action_row_set_subtitle (self->interest_row, job->interest_error);
      return;
    }

  amount = format_money (self, job->interest);
  day = kassa_day_format (job->today, self->locale);
  gtk_label_set_text (self->interest_label, amount);
  if (job->interest == 0 && self->record->due_date >= job->today)
    subtitle = g_strdup (_("None while the invoice is not overdue"));
  else if (job->rate_missing)
    /* Translators: %s is today's date */
    subtitle = g_strdup_printf (_("To %s. The reference rate table needs updating: "
                                  "the latest days are not counted."), day);
  else
    /* Translators: %s is today's date: late interest counted up to it */
    subtitle = g_strdup_printf (_("To %s"), day);
  adw_action_row_set_subtitle (self->interest_row, subtitle);
}

static void
on_estimate_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  KassaInvoiceView *self = KASSA_INVOICE_VIEW (source);
  CollectionJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* A newer estimate is under way, or the view is closing. */
  if (g_task_get_cancellable (G_TASK (result)) != self->collection_cancellable)
    return;
  g_clear_object (&self->collection_cancellable);
  gtk_spinner_stop (self->expected_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->expected_spinner), FALSE);

  if (!ok)
    {
      adw_action_row_set_subtitle (self->expected_row, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->interest_row), FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->expected_row), job->expected_ok);
  if (job->expected_ok)
    expected = kassa_collection_describe_expected (&job->expected);
  adw_action_row_set_subtitle (self->expected_row, expected != NULL ? expected : "");
  show_interest (self, job);
}

static void
start_estimate (KassaInvoiceView *self)
{
  g_autoptr(GTask) task = NULL;
  CollectionJob *job = g_new0 (CollectionJob, 1);
  const char *subtitle = adw_action_row_get_subtitle (self->expected_row);

  g_cancellable_cancel (self->collection_cancellable);
  g_clear_object (&self->collection_cancellable);
  self->collection_cancellable = g_cancellable_new ();

  job->store_path = g_strdup (kassa_store_get_path (self->store));
  job->invoice_id = self->invoice_id;
  job->today = self->today;

  /* The previous figures stay until the new ones arrive. */
  if (subtitle == NULL || subtitle[0] == '\0')
    adw_action_row_set_subtitle (self->expected_row, _("Estimating…"));
  gtk_widget_set_visible (GTK_WIDGET (self->expected_spinner), TRUE);
  gtk_spinner_start (self->expected_spinner);

  task = g_task_new (self, self->collection_cancellable, on_estimate_done, NULL);
  g_task_set_source_tag (task, start_estimate);
  g_task_set_task_data (task, job, (GDestroyNotify) collection_job_free);
  g_task_run_in_thread (task, estimate_in_thread);
}

static void
fill_collection (KassaInvoiceView *self)
{
  gboolean shown = !is_credit_note (self) && self->record->state != KASSA_INVOICE_STATE_DRAFT;
  gboolean open = shown && self->record->state == KASSA_INVOICE_STATE_SENT && self->open > 0;
  g_autofree char *level = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->collection_group), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->collection_log_group), shown);
  if (!shown)
    return;

  if (self->collection_log == NULL)
    {
      self->collection_log = kassa_collection_log_new (self->store, self->record->customer_id,
                                                       self->invoice_id);
      adw_preferences_group_add (self->collection_log_group, self->collection_log);
    }

  level = kassa_collection_describe_level (self->store, self->invoice_id);
  adw_action_row_set_subtitle (self->level_row, level);
  gtk_widget_set_visible (GTK_WIDGET (self->expected_row), open);
  gtk_widget_set_visible (GTK_WIDGET (self->interest_row), open);
  if (open)
    start_estimate (self);
}

static gboolean
refresh (KassaInvoiceView *self,
         GError          **error)
{
  g_autoptr(KassaInvoiceRecord) record = NULL;

  record = kassa_store_get_invoice (self->store, self->invoice_id, error);
  if (record == NULL)
    return FALSE;
  if (!kassa_store_get_invoice_amounts (self->store, self->invoice_id, &self->total, &self->paid, error))
    return FALSE;
  if (!kassa_store_get_invoice_open_amount (self->store, self->invoice_id, &self->open, error))
    return FALSE;

  g_clear_pointer (&self->record, kassa_invoice_record_free);
  self->record = g_steal_pointer (&record);
  self->today = kassa_clock_today ();

  self->loading++;
  fill_details (self);
  fill_lines (self);
  fill_totals (self);
  fill_status (self);
  fill_collection (self);
  self->loading--;

  return fill_payments (self, error);
}

static void
on_store_changed (KassaInvoiceView *self,
                  guint             what)
{
  guint relevant = KASSA_STORE_CHANGE_INVOICES | KASSA_STORE_CHANGE_PAYMENTS |
                   KASSA_STORE_CHANGE_CUSTOMERS | KASSA_STORE_CHANGE_COLLECTIONS |
                   KASSA_STORE_CHANGE_SETTINGS;
  g_autoptr(GError) error = NULL;

  if ((what & relevant) == 0)
    return;

  if (!refresh (self, &error))
    {
      /* The invoice is gone (another window, another program): nothing
       * left to show. */
      g_debug ("Closing invoice view: %s", error->message);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
on_add_dispute_note (AdwToast         *toast,
                     KassaInvoiceView *self)
{
  g_autoptr(GError) error = NULL;
  KassaCollectionEventDialog *dialog;

  dialog = kassa_collection_event_dialog_new (GTK_WINDOW (self), self->store, 0, self->invoice_id, &error);
  if (dialog == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  kassa_collection_event_dialog_set_kind (dialog, KASSA_COLLECTION_NOTE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Disputes go through the collection log, so that who marked the invoice
 * and when stays on record; the store sets the flag in the same
 * transaction. */
static gboolean
record_dispute (KassaInvoiceView  *self,
                gboolean           disputed,
                GError           **error)
{
  g_autoptr(KassaCollectionEvent) event = kassa_collection_event_new ();

  event->customer_id = self->record->customer_id;
  event->invoice_id = self->invoice_id;
  event->date = kassa_clock_today ();
  event->kind = disputed ? KASSA_COLLECTION_DISPUTE_OPENED : KASSA_COLLECTION_DISPUTE_RESOLVED;
  g_free (event->author);
  event->author = kassa_collection_author_name ();
  return kassa_store_add_collection_event (self->store, event, error);
}

static void
on_disputed_changed (KassaInvoiceView *self)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (self->disputed_switch);
  AdwToast *toast;

  if (self->loading > 0 || self->record == NULL || active == self->record->disputed)
    return;

  if (!record_dispute (self, active, &error))
    {
      show_toast (self, error->message);
      self->loading++;
      gtk_switch_set_active (self->disputed_switch, self->record->disputed);
      self->loading--;
      return;
    }

  toast = adw_toast_new (active ? _("Dispute recorded in the collection log")
                                : _("Dispute resolved in the collection log"));
  adw_toast_set_button_label (toast, _("Add _Note…"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_add_dispute_note), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_campaign_selected (KassaInvoiceView *self)
{
  g_autoptr(GError) error = NULL;
  guint position = adw_combo_row_get_selected (self->campaign_row);
  gint64 campaign_id;

  if (self->loading > 0 || self->record == NULL || position >= self->campaign_ids->len)
    return;

  campaign_id = g_array_index (self->campaign_ids, gint64, position);
  if (campaign_id == kassa_store_get_invoice_campaign (self->store, self->invoice_id))
    return;

  /* Success refreshes the view through KassaStore::changed. */
  if (!kassa_store_set_invoice_campaign (self->store, self->invoice_id, campaign_id, &error))
    {
      show_toast (self, error->message);
      self->loading++;
      fill_campaign (self);
      self->loading--;
    }
}

static void
record_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KassaInvoiceView *self = KASSA_INVOICE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  KassaPaymentDialog *dialog;

  dialog = kassa_payment_dialog_new (GTK_WINDOW (self), self->store, self->invoice_id, &error);
  if (dialog == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_credit_response (AdwMessageDialog *dialog,
                    const char       *response,
                    KassaInvoiceView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 credit_note_id;

  if (!g_str_equal (response, "credit"))
    return;

  credit_note_id = kassa_store_credit_invoice (self->store, self->invoice_id,
                                               kassa_clock_today (), &error);
  if (credit_note_id <= 0)
    {
      show_toast (self, error != NULL ? error->message : _("The invoice could not be credited."));
      return;
    }

  kassa_invoice_window_present (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                self->store, credit_note_id, 0);
}

static void
credit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KassaInvoiceView *self = KASSA_INVOICE_VIEW (widget);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, self->record->number);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Credit Invoice?"), NULL));
  /* Translators: %s is the invoice number */
  adw_message_dialog_format_body (dialog,
                                  _("Create a credit note for invoice %s? "
                                    "The invoice will be cancelled in full."),
                                  number);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "credit", _("C_reate Credit Note"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "credit", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_credit_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
document_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KassaInvoiceView *self = KASSA_INVOICE_VIEW (widget);

  if (g_str_equal (action_name, "view.preview"))
    kassa_invoice_view_run_document_action (self, KASSA_DOCUMENT_ACTION_PREVIEW, FALSE);
  else if (g_str_equal (action_name, "view.print"))
    kassa_invoice_view_run_document_action (self, KASSA_DOCUMENT_ACTION_PRINT, FALSE);
  else
    kassa_invoice_view_run_document_action (self, KASSA_DOCUMENT_ACTION_SAVE_PDF, FALSE);
}

static void
build_totals_grid (KassaInvoiceView *self)
{
  GtkLabel *total_title;

  kassa_totals_grid_attach (self->totals_grid, _("Net total"), 0, 0, FALSE);
  self->net_total_label = kassa_totals_grid_attach (self->totals_grid, NULL, 1, 0, TRUE);
  kassa_totals_grid_attach (self->totals_grid, _("VAT total"), 0, 1, FALSE);
  self->vat_total_label = kassa_totals_grid_attach (self->totals_grid, NULL, 1, 1, TRUE);
  total_title = kassa_totals_grid_attach (self->totals_grid, _("Total"), 0, 2, FALSE);
  self->total_label = kassa_totals_grid_attach (self->totals_grid, NULL, 1, 2, TRUE);
  kassa_totals_grid_attach (self->totals_grid, C_("amount", "Paid"), 0, 3, FALSE);
  self->paid_label = kassa_totals_grid_attach (self->totals_grid, NULL, 1, 3, TRUE);
  kassa_totals_grid_attach (self->totals_grid, C_("amount", "Open"), 0, 4, FALSE);
  self->totals_open_label = kassa_totals_grid_attach (self->totals_grid, NULL, 1, 4, TRUE);

  gtk_widget_add_css_class (GTK_WIDGET (total_title), "grand-total");
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "grand-total");
  gtk_widget_set_name (GTK_WIDGET (self->total_label), "total-gross");
  gtk_widget_set_name (GTK_WIDGET (self->paid_label), "total-paid");
  gtk_widget_set_name (GTK_WIDGET (self->totals_open_label), "total-open");
}

static void
kassa_invoice_view_dispose (GObject *object)
{
  KassaInvoiceView *self = KASSA_INVOICE_VIEW (object);

  g_cancellable_cancel (self->collection_cancellable);
  g_clear_object (&self->collection_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_INVOICE_VIEW);
  self->collection_log = NULL;
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_invoice_view_parent_class)->dispose (object);
}

static void
kassa_invoice_view_finalize (GObject *object)
{
  KassaInvoiceView *self = KASSA_INVOICE_VIEW (object);

  g_clear_pointer (&self->record, kassa_invoice_record_free);
  g_clear_pointer (&self->campaign_ids, g_array_unref);

  G_OBJECT_CLASS (kassa_invoice_view_parent_class)->finalize (object);
}

static void
kassa_invoice_view_class_init (KassaInvoiceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_invoice_view_dispose;
  object_class->finalize = kassa_invoice_view_finalize;

  gtk_widget_class_install_action (widget_class, "view.record-payment", NULL, record_payment_action);
  gtk_widget_class_install_action (widget_class, "view.credit", NULL, credit_action);
  gtk_widget_class_install_action (widget_class, "view.preview", NULL, document_action);
  gtk_widget_class_install_action (widget_class, "view.save-pdf", NULL, document_action);
  gtk_widget_class_install_action (widget_class, "view.print", NULL, document_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "view.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "view.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "view.record-payment", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kassa/Kassa/invoices/kassa-invoice-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, window_title);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, record_payment_button);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, credit_button);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, status_label);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, status_detail_label);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, open_label);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, customer_row);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, credits_row);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, issue_row);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, due_row);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, reference_row);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, rf_reference_row);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, delivery_row);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, disputed_switch);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, notes_row);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, lines_grid);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, vat_grid);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, totals_grid);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, payments_list);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, collection_group);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, collection_log_group);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, level_row);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, expected_row);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, expected_spinner);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, interest_row);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceView, interest_label);
  gtk_widget_class_bind_template_callback (widget_class, on_disputed_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_campaign_selected);
}

static void
kassa_invoice_view_init (KassaInvoiceView *self)
{
  self->campaign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  kassa_invoice_labels_ensure_style ();

  self->locale = kassa_locale_current ();
  self->today = kassa_clock_today ();
  build_totals_grid (self);
}

KassaInvoiceView *
kassa_invoice_view_new (KassaStore  *store,
                        gint64       invoice_id,
                        GError     **error)
{
  KassaInvoiceView *self;
  g_autoptr(KassaInvoiceRecord) record = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Check before creating a window that would have to be destroyed. */
  record = kassa_store_get_invoice (store, invoice_id, error);
  if (record == NULL)
    return NULL;

  self = g_object_new (KASSA_TYPE_INVOICE_VIEW, NULL);
  self->store = g_object_ref (store);
  self->invoice_id = invoice_id;

  if (!refresh (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  return self;
}

gint64
kassa_invoice_view_get_invoice_id (KassaInvoiceView *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_VIEW (self), 0);

  return self->invoice_id;
}

KassaStore *
kassa_invoice_view_get_store (KassaInvoiceView *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_VIEW (self), NULL);

  return self->store;
}

void
kassa_invoice_view_run_document_action (KassaInvoiceView    *self,
                                        KassaDocumentAction  action,
                                        gboolean             just_sent)
{
  g_return_if_fail (KASSA_IS_INVOICE_VIEW (self));

  if (action == KASSA_DOCUMENT_ACTION_PREVIEW)
    kassa_document_preview_present (GTK_WINDOW (self), self->store, self->invoice_id);
  else
    kassa_document_export_run (GTK_WINDOW (self), self->toast_overlay, self->store,
                               self->invoice_id, action, just_sent);
}

GtkButton *
kassa_invoice_view_get_record_payment_button (KassaInvoiceView *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_VIEW (self), NULL);

  return self->record_payment_button;
}

GtkButton *
kassa_invoice_view_get_credit_button (KassaInvoiceView *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_VIEW (self), NULL);

  return self->credit_button;
}

GtkSwitch *
kassa_invoice_view_get_disputed_switch (KassaInvoiceView *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_VIEW (self), NULL);

  return self->disputed_switch;
}

GtkLabel *
kassa_invoice_view_get_status_label (KassaInvoiceView *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_VIEW (self), NULL);

  return self->status_label;
}

GtkLabel *
kassa_invoice_view_get_total_label (KassaInvoiceView *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_VIEW (self), NULL);

  return self->total_label;
}

GtkLabel *
kassa_invoice_view_get_paid_label (KassaInvoiceView *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_VIEW (self), NULL);

  return self->paid_label;
}

GtkLabel *
kassa_invoice_view_get_open_label (KassaInvoiceView *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_VIEW (self), NULL);

  return self->open_label;
}

GtkListBox *
kassa_invoice_view_get_payments_list (KassaInvoiceView *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_VIEW (self), NULL);

  return self->payments_list;
}
