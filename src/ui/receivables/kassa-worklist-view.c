/* kassa-worklist-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-worklist"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-document-export.h"
#include "kassa-format.h"
#include "kassa-invoice-window.h"
#include "kassa-reminder-letters.h"
#include "kassa-worklist-view.h"

/* How often the view looks whether the day has changed (a worklist left
 * open overnight must show the next day's steps). */
#define DAY_CHECK_SECONDS 60

/* What changes the worklist: its invoices, their payments and collection
 * steps, the ladders, and the customers' kind and names. */
#define WORKLIST_CHANGES (KASSA_STORE_CHANGE_INVOICES | KASSA_STORE_CHANGE_PAYMENTS |   \
                          KASSA_STORE_CHANGE_COLLECTIONS | KASSA_STORE_CHANGE_SETTINGS | \
                          KASSA_STORE_CHANGE_CUSTOMERS | KASSA_STORE_CHANGE_COMPANY)

/* A row of the list: owns one work item. */
#define KASSA_TYPE_WORKLIST_ROW (kassa_worklist_row_get_type ())
G_DECLARE_FINAL_TYPE (KassaWorklistRow, kassa_worklist_row, KASSA, WORKLIST_ROW, GObject)

struct _KassaWorklistRow
{
  GObject        parent_instance;
  KassaWorkItem *item;
};

G_DEFINE_FINAL_TYPE (KassaWorklistRow, kassa_worklist_row, G_TYPE_OBJECT)

struct _KassaWorklistView
{
  AdwBin             parent_instance;

  KassaStore        *store;
  GListStore        *rows;
  GtkMultiSelection *selection;
  GCancellable      *compute_cancellable;  /* non-NULL while computing */
  KassaReminderLetters *letters;
  GArray            *created_letters;      /* the letters of the steps created last */
  KassaDay           today;                /* of the list shown */
  gboolean           loaded;
  gboolean           stale;                /* changed while not shown */
  guint              refresh_id;
  guint              day_check_id;

  GtkLabel          *summary_label;
  GtkLabel          *total_label;
  GtkSpinner        *spinner;
  GtkSpinner        *loading_spinner;
  GtkButton         *create_button;
  GtkWidget         *error_banner;
  GtkLabel          *error_label;
  GtkStack          *stack;
  GtkColumnView     *column_view;
  AdwStatusPage     *error_page;
};

G_DEFINE_FINAL_TYPE (KassaWorklistView, kassa_worklist_view, ADW_TYPE_BIN)

/* Rows */

static void
kassa_worklist_row_finalize (GObject *object)
{
  KassaWorklistRow *self = KASSA_WORKLIST_ROW (object);

  g_clear_pointer (&self->item, kassa_work_item_free);

  G_OBJECT_CLASS (kassa_worklist_row_parent_class)->finalize (object);
}

static void
kassa_worklist_row_class_init (KassaWorklistRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kassa_worklist_row_finalize;
}

static void
kassa_worklist_row_init (KassaWorklistRow *self)
{
}

/* Takes ownership of item. */
static KassaWorklistRow *
kassa_worklist_row_new (KassaWorkItem *item)
{
  KassaWorklistRow *self = g_object_new (KASSA_TYPE_WORKLIST_ROW, NULL);

  self->item = item;
  return self;
}

/* Cells */

static const KassaWorkItem *
list_item_work_item (GtkListItem *list_item)
{
  return KASSA_WORKLIST_ROW (gtk_list_item_get_item (list_item))->item;
}

/* Cells are named after their column, so that tests read them as shown. */
static void
set_cell (GtkListItem *list_item,
          const char  *name,
          const char  *text,
          const char  *tooltip)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_widget_set_name (label, name);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, tooltip);
}

static void
setup_text_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 KassaWorklistView        *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
setup_numeric_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    KassaWorklistView        *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
setup_risk_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 KassaWorklistView        *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "kassa-risk-badge");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_number_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  KassaWorklistView        *self)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT,
                                           list_item_work_item (list_item)->number);

  set_cell (list_item, "worklist-number", text, NULL);
}

static void
bind_customer_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    KassaWorklistView        *self)
{
  const KassaWorkItem *item = list_item_work_item (list_item);
  const char *name = item->customer_name != NULL ? item->customer_name : "";

  /* The tooltip shows a name that the column cuts short. */
  set_cell (list_item, "worklist-customer", name, name);
}

static void
bind_due_cell (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               KassaWorklistView        *self)
{
  g_autofree char *text = kassa_format_day (list_item_work_item (list_item)->due_date);

  set_cell (list_item, "worklist-due", text, NULL);
}

static void
bind_days_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                KassaWorklistView        *self)
{
  g_autofree char *text = g_strdup_printf ("%d", list_item_work_item (list_item)->days_overdue);

  set_cell (list_item, "worklist-days", text, NULL);
}

static void
bind_open_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                KassaWorklistView        *self)
{
  const KassaWorkItem *item = list_item_work_item (list_item);
  g_autofree char *text = kassa_format_money (item->open, item->currency);

  set_cell (list_item, "worklist-open", text, NULL);
}

static void
bind_last_step_cell (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     KassaWorklistView        *self)
{
  const KassaWorkItem *item = list_item_work_item (list_item);
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (!KASSA_COLLECTION_IS_DUNNING_STEP (item->last_step))
    {
      set_cell (list_item, "worklist-last-step", "—", _("No collection step yet"));
      return;
    }

  date = kassa_format_day (item->last_step_date);
  /* Translators: the last collection step of an invoice and its date,
   * e.g. "Reminder 1, 10.11.2026" */
  text = g_strdup_printf (C_("last step", "%s, %s"),
                          kassa_collection_kind_to_string (item->last_step), date);
  set_cell (list_item, "worklist-last-step", text, text);
}

static void
bind_next_step_cell (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     KassaWorklistView        *self)
{
  const KassaWorkItem *item = list_item_work_item (list_item);
  g_autofree char *date = kassa_format_day (item->next_step_date);
  /* Translators: tooltip of the next step; %s is the day it became due */
  g_autofree char *tooltip = g_strdup_printf (_("Due since %s"), date);

  set_cell (list_item, "worklist-next-step", kassa_collection_kind_to_string (item->next_step),
            tooltip);
}

static void
bind_fee_cell (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               KassaWorklistView        *self)
{
  const KassaWorkItem *item = list_item_work_item (list_item);
  g_autofree char *text = kassa_format_money (item->fee + item->compensation, item->currency);
  g_autofree char *fee = NULL;
  g_autofree char *compensation = NULL;
  g_autofree char *tooltip = NULL;

  if (item->compensation > 0)
    {
      fee = kassa_format_money (item->fee, item->currency);
      compensation = kassa_format_money (item->compensation, item->currency);
      /* Translators: tooltip of the fee column; the first %s is the reminder
       * fee, the second the fixed compensation a business may claim once
       * per late invoice (EU late payment directive) */
      tooltip = g_strdup_printf (_("Reminder fee %s + compensation for recovery costs %s"),
                                 fee, compensation);
    }

  set_cell (list_item, "worklist-fee", text, tooltip);
}

static void
bind_interest_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    KassaWorklistView        *self)
{
  const KassaWorkItem *item = list_item_work_item (list_item);
  g_autofree char *text = kassa_format_money (item->interest, item->currency);

  set_cell (list_item, "worklist-interest", text, _("Late-payment interest up to today"));
}

static void
bind_risk_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                KassaWorklistView        *self)
{
  static const char * const classes[] = { "risk-a", "risk-b", "risk-c", "risk-d" };
  KassaRiskClass risk = list_item_work_item (list_item)->risk;
  GtkWidget *label = gtk_list_item_get_child (list_item);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);
  if ((guint) risk < G_N_ELEMENTS (classes))
    gtk_widget_add_css_class (label, classes[risk]);

  set_cell (list_item, "worklist-risk", kassa_risk_class_to_string (risk),
            kassa_risk_class_describe (risk));
}

/* Helpers */

static GtkWindow *
parent_window (KassaWorklistView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static guint
n_selected (KassaWorklistView *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  return (guint) MIN (gtk_bitset_get_size (selected), G_MAXUINT);
}

/* (transfer container): the selected rows' items, in list order. */
static GPtrArray *
selected_items (KassaWorklistView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  GPtrArray *items = g_ptr_array_new ();
  guint position;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(KassaWorklistRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

      if (row != NULL)
        g_ptr_array_add (items, row->item);
    }

  return items;
}

static void
update_actions (KassaWorklistView *self)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint n = n_selected (self);
  gboolean saving = kassa_reminder_letters_get_busy (self->letters) ||
                    kassa_reminder_letters_get_choosing_folder (self->letters);
  g_autofree char *label = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "worklist.select-all", n_rows > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "worklist.create-steps", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "worklist.save-letters", n > 0 && !saving);

  if (n == 0)
    label = g_strdup (_("Create _Reminders"));
  else
    /* Translators: the button that records the next collection step of
     * each selected invoice; %u is how many */
    label = g_strdup_printf (ngettext ("Create %u _Reminder", "Create %u _Reminders", n), n);
  gtk_button_set_label (self->create_button, label);
}

static void
update_busy (KassaWorklistView *self)
{
  gboolean busy = kassa_worklist_view_get_busy (self);

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->loading_spinner, self->compute_cancellable != NULL);
}

static gint64
open_total (KassaWorklistView *self,
            const char       **currency)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  gint64 total = 0;

  *currency = NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KassaWorklistRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      total += row->item->open;
      /* The list store keeps the row, and so this string, alive. */
      if (*currency == NULL)
        *currency = row->item->currency;
    }

  return total;
}

static void
update_summary (KassaWorklistView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *summary = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *money = NULL;
  const char *currency;
  gint64 total = open_total (self, &currency);

  /* Translators: the worklist's headline; %u is how many invoices */
  summary = g_strdup_printf (ngettext ("%u invoice needs a collection step today",
                                       "%u invoices need a collection step today", n), n);
  gtk_label_set_text (self->summary_label, summary);
  /* An empty list says it in its status page, in more words. */
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), n > 0);

  if (n > 0)
    {
      money = kassa_format_money (total, currency);
      /* Translators: below the worklist's headline; %s is an amount */
      total_text = g_strdup_printf (_("%s open on these invoices, most urgent first"), money);
    }
  gtk_label_set_text (self->total_label, total_text != NULL ? total_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->total_label), total_text != NULL);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* Computing the worklist */

typedef struct
{
  char     *store_path;
  KassaDay  today;
} ComputeJob;

static void
compute_job_free (ComputeJob *job)
{
  g_free (job->store_path);
  g_free (job);
}

static void
compute_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ComputeJob *job = task_data;
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(KassaCollectionSettings) settings = NULL;
  GPtrArray *items;
  GError *error = NULL;

  store = kassa_store_open (job->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  settings = kassa_collection_settings_load (store);
  items = kassa_dunning_worklist (store, job->today, settings, &error);
  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static GArray *
selected_invoice_ids (KassaWorklistView *self)
{
  g_autoptr(GPtrArray) items = selected_items (self);
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), items->len);

  for (guint i = 0; i < items->len; i++)
    g_array_append_val (ids, ((KassaWorkItem *) g_ptr_array_index (items, i))->invoice_id);

  return ids;
}

static gboolean
contains_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

/* Takes the items; what was selected stays selected when it is still in
 * the list (a payment elsewhere must not lose the user's choice). */
static void
show_items (KassaWorklistView *self,
            GPtrArray         *items)
{
  g_autoptr(GArray) kept = selected_invoice_ids (self);
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  /* The rows take the items over. */
  g_ptr_array_set_free_func (items, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      KassaWorkItem *item = g_ptr_array_index (items, i);

      if (contains_id (kept, item->invoice_id))
        gtk_bitset_add (selected, i);
      g_ptr_array_add (rows, kassa_worklist_row_new (item));
    }

  g_list_store_splice (self->rows, 0, n_old, rows->pdata, rows->len);
  mask = gtk_bitset_new_range (0, rows->len);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
}

static void
show_compute_error (KassaWorklistView *self,
                    const GError      *error)
{
  if (!self->loaded)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (self->error_banner, TRUE);
}

static void
on_compute_done (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KassaWorklistView *self = KASSA_WORKLIST_VIEW (source_object);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = g_task_propagate_pointer (G_TASK (result), &error);

  /* Replaced by a newer computation, or the view is gone. */
  if (g_cancellable_is_cancelled (cancellable) || cancellable != self->compute_cancellable)
    return;

  g_clear_object (&self->compute_cancellable);
  if (items == NULL)
    show_compute_error (self, error);
  else
    {
      gtk_widget_set_visible (self->error_banner, FALSE);
      show_items (self, items);
      self->loaded = TRUE;
      update_summary (self);
    }

  update_busy (self);
  update_actions (self);
}

static void
start_compute (KassaWorklistView *self)
{
  g_autoptr(GTask) task = NULL;
  ComputeJob *job;

  if (self->compute_cancellable != NULL)
    g_cancellable_cancel (self->compute_cancellable);
  g_clear_object (&self->compute_cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->stale = FALSE;

  self->today = kassa_clock_today ();
  self->compute_cancellable = g_cancellable_new ();

  job = g_new0 (ComputeJob, 1);
  job->store_path = g_strdup (kassa_store_get_path (self->store));
  job->today = self->today;

  task = g_task_new (self, self->compute_cancellable, on_compute_done, NULL);
  g_task_set_source_tag (task, start_compute);
  g_task_set_task_data (task, job, (GDestroyNotify) compute_job_free);
  g_task_run_in_thread (task, compute_in_thread);

  if (!self->loaded)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  update_busy (self);
}

static gboolean
refresh_idle (gpointer user_data)
{
  KassaWorklistView *self = KASSA_WORKLIST_VIEW (user_data);

  self->refresh_id = 0;
  start_compute (self);
  return G_SOURCE_REMOVE;
}

/* Recomputes soon when shown (several writes often come together),
 * otherwise when it is shown next. */
static void
schedule_refresh (KassaWorklistView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

static void
on_store_changed (KassaWorklistView *self,
                  guint              what)
{
  if ((what & WORKLIST_CHANGES) != 0)
    schedule_refresh (self);
}

static gboolean
on_day_check (gpointer user_data)
{
  KassaWorklistView *self = KASSA_WORKLIST_VIEW (user_data);

  if (self->loaded && kassa_clock_today () != self->today)
    schedule_refresh (self);

  return G_SOURCE_CONTINUE;
}

/* Actions and callbacks */

static void
on_letters_changed (KassaWorklistView *self)
{
  update_busy (self);
  update_actions (self);
}

static void
create_steps_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KassaWorklistView *self = KASSA_WORKLIST_VIEW (widget);
  g_autoptr(KassaCollectionSettings) settings = NULL;
  g_autoptr(GPtrArray) items = selected_items (self);
  g_autoptr(GArray) letters = NULL;
  g_autoptr(GError) error = NULL;
  guint created = 0;

  if (items->len == 0)
    return;

  /* The items stay owned by the rows until the change refreshes the list,
   * after this call. */
  letters = kassa_reminder_letters_for_items (items);
  settings = kassa_collection_settings_load (self->store);
  if (!kassa_dunning_create_steps (self->store, kassa_clock_today (), settings, items,
                                   g_get_real_name (), &created, &error))
    {
      kassa_document_export_show_error (parent_window (self),
                                        _("Could Not Record the Collection Steps"), error);
      schedule_refresh (self);
      return;
    }

  g_clear_pointer (&self->created_letters, g_array_unref);
  self->created_letters = g_array_ref (letters);
  kassa_reminder_letters_offer (self->letters, created, letters);
}

static void
save_letters_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KassaWorklistView *self = KASSA_WORKLIST_VIEW (widget);
  g_autoptr(GPtrArray) items = selected_items (self);
  g_autoptr(GArray) letters = kassa_reminder_letters_for_items (items);

  kassa_reminder_letters_ask_folder (self->letters, letters);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KassaWorklistView *self = KASSA_WORKLIST_VIEW (widget);

  gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

static void
on_column_view_activate (KassaWorklistView *self,
                         guint              position)
{
  g_autoptr(KassaWorklistRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  if (row == NULL)
    return;

  kassa_invoice_window_present (parent_window (self), self->store, row->item->invoice_id, 0);
}

/* GObject */

static void
kassa_worklist_view_map (GtkWidget *widget)
{
  KassaWorklistView *self = KASSA_WORKLIST_VIEW (widget);

  GTK_WIDGET_CLASS (kassa_worklist_view_parent_class)->map (widget);

  /* Computed when first shown, so that opening a large company does not
   * wait for it; again when something changed while hidden. */
  if (self->compute_cancellable == NULL &&
      (!self->loaded || self->stale || kassa_clock_today () != self->today))
    start_compute (self);
}

static void
kassa_worklist_view_dispose (GObject *object)
{
  KassaWorklistView *self = KASSA_WORKLIST_VIEW (object);

  if (self->compute_cancellable != NULL)
    g_cancellable_cancel (self->compute_cancellable);
  g_clear_object (&self->compute_cancellable);
  if (self->letters != NULL)
    kassa_reminder_letters_stop (self->letters);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->day_check_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_WORKLIST_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->created_letters, g_array_unref);
  g_clear_object (&self->letters);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_worklist_view_parent_class)->dispose (object);
}

static void
kassa_worklist_view_class_init (KassaWorklistViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_worklist_view_dispose;
  widget_class->map = kassa_worklist_view_map;

  gtk_widget_class_install_action (widget_class, "worklist.create-steps", NULL,
                                   create_steps_action);
  gtk_widget_class_install_action (widget_class, "worklist.save-letters", NULL,
                                   save_letters_action);
  gtk_widget_class_install_action (widget_class, "worklist.select-all", NULL, select_all_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-worklist-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaWorklistView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KassaWorklistView, total_label);
  gtk_widget_class_bind_template_child (widget_class, KassaWorklistView, spinner);
  gtk_widget_class_bind_template_child (widget_class, KassaWorklistView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, KassaWorklistView, create_button);
  gtk_widget_class_bind_template_child (widget_class, KassaWorklistView, error_banner);
  gtk_widget_class_bind_template_child (widget_class, KassaWorklistView, error_label);
  gtk_widget_class_bind_template_child (widget_class, KassaWorklistView, stack);
  gtk_widget_class_bind_template_child (widget_class, KassaWorklistView, column_view);
  gtk_widget_class_bind_template_child (widget_class, KassaWorklistView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, setup_text_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_numeric_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_risk_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_number_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_customer_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_due_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_days_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_open_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_last_step_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_next_step_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_fee_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_interest_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_risk_cell);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);
}

static void
kassa_worklist_view_init (KassaWorklistView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (KASSA_TYPE_WORKLIST_ROW);
  /* Nothing selected at first: creating steps is a deliberate choice.
   * Ctrl+A in the list selects all (GtkColumnView's own binding). */
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  self->letters = kassa_reminder_letters_new (GTK_WIDGET (self));
  g_signal_connect_object (self->letters, "changed", G_CALLBACK (on_letters_changed), self,
                           G_CONNECT_SWAPPED);

  self->day_check_id = g_timeout_add_seconds (DAY_CHECK_SECONDS, on_day_check, self);
  update_summary (self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  update_busy (self);
  update_actions (self);
}

/* Public API */

/**
 * kassa_worklist_view_new:
 * Returns: (transfer floating): the worklist of store's company.
 */
GtkWidget *
kassa_worklist_view_new (KassaStore *store)
{
  KassaWorklistView *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_WORKLIST_VIEW, NULL);
  self->store = g_object_ref (store);
  kassa_reminder_letters_set_store (self->letters, store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

void
kassa_worklist_view_refresh (KassaWorklistView *self)
{
  g_return_if_fail (KASSA_IS_WORKLIST_VIEW (self));

  start_compute (self);
}

gboolean
kassa_worklist_view_get_busy (KassaWorklistView *self)
{
  g_return_val_if_fail (KASSA_IS_WORKLIST_VIEW (self), FALSE);

  return self->compute_cancellable != NULL || kassa_reminder_letters_get_busy (self->letters) ||
         self->refresh_id != 0;
}

GtkSelectionModel *
kassa_worklist_view_get_selection (KassaWorklistView *self)
{
  g_return_val_if_fail (KASSA_IS_WORKLIST_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

const KassaWorkItem *
kassa_worklist_view_get_item (KassaWorklistView *self,
                              guint              position)
{
  g_autoptr(KassaWorklistRow) row = NULL;

  g_return_val_if_fail (KASSA_IS_WORKLIST_VIEW (self), NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  /* The list store keeps the row alive after this reference goes. */
  return row != NULL ? row->item : NULL;
}

GtkLabel *
kassa_worklist_view_get_summary_label (KassaWorklistView *self)
{
  g_return_val_if_fail (KASSA_IS_WORKLIST_VIEW (self), NULL);

  return self->summary_label;
}

void
kassa_worklist_view_save_created_letters_to (KassaWorklistView *self,
                                             const char        *folder)
{
  g_return_if_fail (KASSA_IS_WORKLIST_VIEW (self));
  g_return_if_fail (folder != NULL);
  g_return_if_fail (self->created_letters != NULL);

  kassa_reminder_letters_save_to (self->letters, self->created_letters, folder);
}

guint
kassa_worklist_view_get_letters_saved (KassaWorklistView *self)
{
  g_return_val_if_fail (KASSA_IS_WORKLIST_VIEW (self), 0);

  return kassa_reminder_letters_get_saved (self->letters);
}

const char *
kassa_worklist_view_get_letters_error (KassaWorklistView *self)
{
  g_return_val_if_fail (KASSA_IS_WORKLIST_VIEW (self), NULL);

  return kassa_reminder_letters_get_error (self->letters);
}
