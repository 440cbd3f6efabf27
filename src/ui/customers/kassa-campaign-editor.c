/* kassa-campaign-editor.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-campaign-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-campaign-editor.h"
#include "kassa-clock.h"
#include "kassa-customer-value.h"
#include "kassa-date.h"
#include "kassa-form.h"
#include "kassa-money.h"
#include "kassa-records.h"
#include "kassa-store-relationship.h"

/* A new campaign runs a month unless the user says otherwise. */
#define DEFAULT_CAMPAIGN_DAYS 30
/* The reached list grows with its rows up to this many, then scrolls: a
 * list view inside the scrolling page has no natural height of its own. */
#define REACHED_ROWS_SHOWN 7
#define REACHED_ROW_HEIGHT 44

struct _KassaCampaignEditor
{
  AdwWindow         parent_instance;

  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkWidget        *error_banner;
  GtkLabel         *error_label;
  AdwEntryRow      *name_row;
  AdwComboRow      *channel_row;
  AdwEntryRow      *start_row;
  AdwEntryRow      *end_row;
  AdwEntryRow      *cost_row;
  AdwComboRow      *segment_row;
  AdwEntryRow      *notes_row;
  GtkWidget        *reach_group;
  GtkWidget        *delete_group;
  GtkSwitch        *consent_switch;
  AdwActionRow     *targets_row;
  GtkSpinner       *targets_spinner;
  GtkWidget        *targets_button;
  GtkSpinButton    *window_spin;
  GtkLabel         *reached_label;
  GtkScrolledWindow *reached_scroller;
  GtkListView      *reached_list;

  KassaStore       *store;
  gint64            campaign_id;
  char              currency[4];
  KassaLocale       locale;
  KassaDay          today;
  GtkStringList    *reached;        /* customer ids as decimal strings */
  GCancellable     *cancellable;    /* the target list being computed */
  gboolean          loading;        /* fields are being filled, not edited */
  gboolean          dirty;
};

G_DEFINE_FINAL_TYPE (KassaCampaignEditor, kassa_campaign_editor, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char     *path;
  char     *segment_key;
  gboolean  only_consented;
  KassaDay  today;
} TargetsRequest;

typedef struct
{
  GArray *ids;          /* gint64 */
  guint   n_excluded;
} TargetsReply;

static void
targets_request_free (TargetsRequest *request)
{
  g_free (request->path);
  g_free (request->segment_key);
  g_free (request);
}

static void
targets_reply_free (TargetsReply *reply)
{
  g_clear_pointer (&reply->ids, g_array_unref);
  g_free (reply);
}

static void
show_toast (KassaCampaignEditor *self,
            const char          *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
show_banner (KassaCampaignEditor *self,
             const char          *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_banner, message != NULL);
}

static void
setup_channels (KassaCampaignEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (int channel = 0; channel < KASSA_N_CAMPAIGN_CHANNELS; channel++)
    gtk_string_list_append (names, kassa_campaign_channel_to_string (channel));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (names));
}

static void
setup_segments (KassaCampaignEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *keys = kassa_segment_keys ();

  for (guint i = 0; keys[i] != NULL; i++)
    gtk_string_list_append (labels, kassa_segment_key_to_label (keys[i]));
  adw_combo_row_set_model (self->segment_row, G_LIST_MODEL (labels));
}

/* The stored "" means every customer, which the list calls "all". */
static guint
segment_position (const char *key)
{
  const char * const *keys = kassa_segment_keys ();

  if (key == NULL || *key == '\0')
    key = "all";
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      return i;
  return 0;
}

static const char *
selected_segment (KassaCampaignEditor *self)
{
  const char * const *keys = kassa_segment_keys ();
  guint position = adw_combo_row_get_selected (self->segment_row);

  for (guint i = 0; keys[i] != NULL; i++)
    if (i == position)
      return keys[i];
  return "all";
}

static void
set_day_text (KassaCampaignEditor *self,
              AdwEntryRow         *row,
              KassaDay             day)
{
  g_autofree char *text = kassa_day_format (day, self->locale);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_money_text (KassaCampaignEditor *self,
                AdwEntryRow         *row,
                gint64               amount)
{
  g_autofree char *text = kassa_money_format_plain (amount, self->currency, self->locale);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
update_title (KassaCampaignEditor *self,
              const char          *name)
{
  if (self->campaign_id == 0)
    adw_window_title_set_title (self->window_title, _("New Campaign"));
  else
    adw_window_title_set_title (self->window_title, name);
  gtk_widget_set_visible (self->reach_group, self->campaign_id != 0);
  gtk_widget_set_visible (self->delete_group, self->campaign_id != 0);
}

static void
fill_fields (KassaCampaignEditor *self,
             const KassaCampaign *campaign)
{
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), campaign->name);
  adw_combo_row_set_selected (self->channel_row, campaign->channel);
  set_day_text (self, self->start_row, campaign->start_date);
  set_day_text (self, self->end_row, campaign->end_date);
  set_money_text (self, self->cost_row, campaign->cost);
  adw_combo_row_set_selected (self->segment_row, segment_position (campaign->target_segment));
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), campaign->notes);
  self->loading = FALSE;
  self->dirty = FALSE;
}

static void
reload_reached (KassaCampaignEditor *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  guint n_old;

  if (self->campaign_id == 0)
    return;
  ids = kassa_store_list_campaign_customers (self->store, self->campaign_id, &error);
  if (ids == NULL)
    {
      show_banner (self, error->message);
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (strings, g_strdup_printf ("%" G_GINT64_FORMAT,
                                               g_array_index (ids, gint64, i)));
  g_ptr_array_add (strings, NULL);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->reached));
  gtk_string_list_splice (self->reached, 0, n_old, (const char * const *) strings->pdata);
  gtk_widget_set_visible (GTK_WIDGET (self->reached_scroller), ids->len > 0);
  gtk_scrolled_window_set_min_content_height (self->reached_scroller,
                                              MIN (ids->len, REACHED_ROWS_SHOWN)
                                              * REACHED_ROW_HEIGHT);

  {
    g_autofree char *text = NULL;

    /* Translators: heading of the reached customers list. */
    text = g_strdup_printf (ngettext ("%u customer reached", "%u customers reached", ids->len),
                            ids->len);
    gtk_label_set_text (self->reached_label, text);
  }
}

/* Dates and cost are parsed here so that a typo is shown beside its field;
 * the rest is the store's validation. */
static gboolean
read_day (KassaCampaignEditor *self,
          AdwEntryRow         *row,
          KassaDay            *day)
{
  g_autofree char *text = kassa_form_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  if (!kassa_day_parse (text, self->locale, self->today, day, &error))
    {
      kassa_form_set_row_error (ADW_PREFERENCES_ROW (row), error->message);
      return FALSE;
    }
  kassa_form_set_row_error (ADW_PREFERENCES_ROW (row), NULL);
  return TRUE;
}

static gboolean
read_cost (KassaCampaignEditor *self,
           gint64              *cost)
{
  g_autofree char *text = kassa_form_get_text (GTK_EDITABLE (self->cost_row));
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    {
      *cost = 0;
    }
  else if (!kassa_money_parse (text, self->currency, self->locale, cost, &error))
    {
      kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->cost_row), error->message);
      return FALSE;
    }
  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->cost_row), NULL);
  return TRUE;
}

static KassaCampaign *
read_fields (KassaCampaignEditor *self)
{
  g_autoptr(KassaCampaign) campaign = kassa_campaign_new ();
  const char *segment = selected_segment (self);
  gboolean valid;

  campaign->id = self->campaign_id;
  g_free (campaign->name);
  campaign->name = kassa_form_get_text (GTK_EDITABLE (self->name_row));
  campaign->channel = MIN (adw_combo_row_get_selected (self->channel_row),
                           KASSA_N_CAMPAIGN_CHANNELS - 1);
  valid = read_day (self, self->start_row, &campaign->start_date);
  valid = read_day (self, self->end_row, &campaign->end_date) && valid;
  valid = read_cost (self, &campaign->cost) && valid;
  g_free (campaign->target_segment);
  campaign->target_segment = g_strdup (g_strcmp0 (segment, "all") == 0 ? "" : segment);
  g_free (campaign->notes);
  campaign->notes = kassa_form_get_text (GTK_EDITABLE (self->notes_row));
  return valid ? g_steal_pointer (&campaign) : NULL;
}

/* The store's message is shown beside the field it is about, so the user
 * sees where to correct it; anything else goes to the banner. */
static void
show_store_error (KassaCampaignEditor *self,
                  const KassaCampaign *campaign,
                  const GError        *error)
{
  AdwEntryRow *row = NULL;

  if (*campaign->name == '\0' || g_utf8_strlen (campaign->name, -1) > 200)
    row = self->name_row;
  else if (campaign->end_date < campaign->start_date)
    row = self->end_row;
  else if (campaign->cost < 0 || campaign->cost > G_GINT64_CONSTANT (1000000000000))
    row = self->cost_row;

  if (row != NULL)
    {
      kassa_form_set_row_error (ADW_PREFERENCES_ROW (row), error->message);
      gtk_widget_grab_focus (GTK_WIDGET (row));
      show_banner (self, NULL);
    }
  else
    {
      show_banner (self, error->message);
    }
}

static void
save_campaign (KassaCampaignEditor *self)
{
  g_autoptr(KassaCampaign) campaign = read_fields (self);
  g_autoptr(GError) error = NULL;
  gboolean was_new = self->campaign_id == 0;

  if (campaign == NULL)
    return;
  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->name_row), NULL);
  if (!kassa_store_save_campaign (self->store, campaign, &error))
    {
      show_store_error (self, campaign, error);
      return;
    }
  show_banner (self, NULL);
  self->campaign_id = campaign->id;
  self->dirty = FALSE;
  update_title (self, campaign->name);
  reload_reached (self);
  show_toast (self, was_new ? _("Campaign saved: now add the customers it reached")
                            : _("Campaign saved"));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_field_changed (KassaCampaignEditor *self)
{
  if (!self->loading)
    self->dirty = TRUE;
}

static void
on_save_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  save_campaign (KASSA_CAMPAIGN_EDITOR (widget));
}

static void
discard_and_close (GtkWindow *owner)
{
  gtk_window_destroy (owner);
}

static gboolean
on_close_request (KassaCampaignEditor *self)
{
  if (!self->dirty)
    return FALSE;
  kassa_form_ask_discard (GTK_WINDOW (self),
                          _("The changes to this campaign have not been saved."),
                          G_CALLBACK (discard_and_close));
  return TRUE;
}

static void
on_close_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
destroy_when_idle (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
on_delete_response (KassaCampaignEditor *self,
                    const char          *response)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!kassa_store_delete_campaign (self->store, self->campaign_id, &error))
    {
      show_banner (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  /* Not from inside the response: the message dialog, transient for this
   * window, is still emitting it and closes itself right after. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_when_idle, g_object_ref (self),
                   g_object_unref);
}

static void
on_delete_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KassaCampaignEditor *self = KASSA_CAMPAIGN_EDITOR (widget);
  AdwMessageDialog *dialog;

  if (self->campaign_id == 0)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Delete Campaign?"), NULL));
  adw_message_dialog_set_body (dialog,
                               _("The record of the customers it reached is removed and its "
                                 "invoices are no longer attributed to it. The invoices "
                                 "themselves are kept."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
compute_targets_in_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  TargetsRequest *request = task_data;
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(KassaValueReport) report = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  KassaValueOptions options;
  TargetsReply *reply;
  GError *error = NULL;

  store = kassa_store_open (request->path, &error);
  if (store != NULL)
    {
      kassa_value_options_load (&options, store, request->today);
      report = kassa_value_report_compute (store, &options, request->today, cancellable, &error);
    }
  if (report == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  reply = g_new0 (TargetsReply, 1);
  targets = kassa_value_report_target_list (report, request->segment_key,
                                            request->only_consented, &reply->n_excluded);
  reply->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), targets->len);
  for (guint i = 0; i < targets->len; i++)
    {
      const KassaCustomerValue *value = g_ptr_array_index (targets, i);

      g_array_append_val (reply->ids, value->customer_id);
    }
  g_task_return_pointer (task, reply, (GDestroyNotify) targets_reply_free);
}

static void
set_busy (KassaCampaignEditor *self,
          gboolean             busy)
{
  gtk_spinner_set_spinning (self->targets_spinner, busy);
  gtk_widget_set_sensitive (self->targets_button, !busy);
}

static void
show_targets_added (KassaCampaignEditor *self,
                    guint                added,
                    guint                excluded)
{
  g_autofree char *added_text = NULL;
  g_autofree char *excluded_text = NULL;
  g_autofree char *text = NULL;

  /* Translators: first half of "12 customers added as reached; 1 left out
   * for marketing consent". */
  added_text = g_strdup_printf (ngettext ("%u customer added as reached",
                                          "%u customers added as reached", added), added);
  /* Translators: second half, how many of the segment were left out
   * because they refused marketing (or, with the switch, were not asked). */
  excluded_text = g_strdup_printf (ngettext ("%u left out for marketing consent",
                                             "%u left out for marketing consent", excluded),
                                   excluded);
  /* Translators: the two halves above joined. */
  text = g_strdup_printf (_("%s; %s"), added_text, excluded_text);
  adw_action_row_set_subtitle (self->targets_row, text);
  show_toast (self, text);
}

static void
on_targets_computed (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  KassaCampaignEditor *self;
  TargetsReply *reply;
  g_autoptr(GError) error = NULL;

  reply = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = KASSA_CAMPAIGN_EDITOR (source);
  set_busy (self, FALSE);
  if (reply == NULL
      || !kassa_store_add_campaign_customers (self->store, self->campaign_id,
                                              (const gint64 *) reply->ids->data,
                                              reply->ids->len, self->today, &error))
    {
      show_banner (self, error->message);
    }
  else
    {
      show_banner (self, NULL);
      show_targets_added (self, reply->ids->len, reply->n_excluded);
      reload_reached (self);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
    }
  g_clear_pointer (&reply, targets_reply_free);
}

static void
on_targets_clicked (KassaCampaignEditor *self)
{
  g_autoptr(GTask) task = NULL;
  TargetsRequest *request;

  if (self->campaign_id == 0)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  request = g_new0 (TargetsRequest, 1);
  request->path = g_strdup (kassa_store_get_path (self->store));
  request->segment_key = g_strdup (selected_segment (self));
  request->only_consented = gtk_switch_get_active (self->consent_switch);
  request->today = self->today;

  task = g_task_new (self, self->cancellable, on_targets_computed, NULL);
  g_task_set_source_tag (task, on_targets_clicked);
  g_task_set_task_data (task, request, (GDestroyNotify) targets_request_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, compute_targets_in_thread);
}

static void
on_attribute_clicked (KassaCampaignEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_attributed = 0;
  gint window_days = gtk_spin_button_get_value_as_int (self->window_spin);

  if (!kassa_store_attribute_campaign_invoices (self->store, self->campaign_id, window_days,
                                                &n_attributed, &error))
    {
      show_banner (self, error->message);
      return;
    }
  show_banner (self, NULL);
  /* Translators: toast after attributing invoices to a campaign. */
  text = g_strdup_printf (ngettext ("%u invoice attributed", "%u invoices attributed",
                                    n_attributed), n_attributed);
  show_toast (self, text);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_remove_clicked (KassaCampaignEditor *self,
                   GtkButton           *button)
{
  const char *id_text = g_object_get_data (G_OBJECT (button), "customer-id");
  g_autoptr(GError) error = NULL;
  gint64 customer_id;

  if (id_text == NULL)
    return;
  customer_id = g_ascii_strtoll (id_text, NULL, 10);
  if (!kassa_store_remove_campaign_customer (self->store, self->campaign_id, customer_id, &error))
    {
      show_banner (self, error->message);
      return;
    }
  reload_reached (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
setup_reached_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   KassaCampaignEditor      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove from the reached customers"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove from the reached customers"), -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (item, box);
}

static void
bind_reached_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  KassaCampaignEditor      *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *button = gtk_widget_get_last_child (box);
  const char *id_text = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autoptr(KassaCustomerRecord) customer = NULL;
  g_autofree char *text = NULL;

  customer = kassa_store_get_customer (self->store, g_ascii_strtoll (id_text, NULL, 10), NULL);
  /* Translators: a reached customer: number and name. */
  text = customer != NULL ? g_strdup_printf (_("%s %s"), customer->number, customer->name)
                          : g_strdup (id_text);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_name (button, "campaign-remove-customer");
  g_object_set_data_full (G_OBJECT (button), "customer-id", g_strdup (id_text), g_free);
}

static void
setup_reached_list (KassaCampaignEditor *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_reached_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_reached_row), self, 0);
  self->reached = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->reached)));
  gtk_list_view_set_model (self->reached_list, GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_factory (self->reached_list, factory);
}

static void
kassa_campaign_editor_dispose (GObject *object)
{
  KassaCampaignEditor *self = KASSA_CAMPAIGN_EDITOR (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_CAMPAIGN_EDITOR);
  g_clear_object (&self->reached);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_campaign_editor_parent_class)->dispose (object);
}

static void
kassa_campaign_editor_class_init (KassaCampaignEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_campaign_editor_dispose;

  /* Emitted after every write (save, reached customers, attribution,
   * delete), so that lists showing campaigns refresh. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/kassa/Kassa/ui/kassa-campaign-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, error_banner);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, cost_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, segment_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, reach_group);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, delete_group);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, consent_switch);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, targets_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, targets_spinner);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, targets_button);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, window_spin);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, reached_label);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, reached_scroller);
  gtk_widget_class_bind_template_child (widget_class, KassaCampaignEditor, reached_list);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_targets_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_attribute_clicked);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, on_save_activated);
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, on_close_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, on_delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.close", NULL);
}

static void
kassa_campaign_editor_init (KassaCampaignEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->locale = kassa_locale_current ();
  self->today = kassa_clock_today ();
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  setup_channels (self);
  setup_segments (self);
  self->loading = FALSE;
  setup_reached_list (self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
}

static void
load_campaign (KassaCampaignEditor *self,
               gint64               campaign_id)
{
  g_autoptr(KassaCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;

  if (campaign_id != 0)
    {
      campaign = kassa_store_get_campaign (self->store, campaign_id, &error);
      if (campaign == NULL)
        show_banner (self, error->message);
    }
  if (campaign == NULL)
    {
      campaign = kassa_campaign_new ();
      campaign->start_date = self->today;
      campaign->end_date = self->today + DEFAULT_CAMPAIGN_DAYS;
    }
  self->campaign_id = campaign->id;
  fill_fields (self, campaign);
  update_title (self, campaign->name);
  reload_reached (self);
}

KassaCampaignEditor *
kassa_campaign_editor_present (GtkWindow  *parent,
                               KassaStore *store,
                               gint64      campaign_id)
{
  KassaCampaignEditor *self;
  g_autoptr(KassaCompany) company = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_CAMPAIGN_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  company = kassa_store_get_company (store);
  g_strlcpy (self->currency, company != NULL ? company->currency : "EUR", sizeof self->currency);
  load_campaign (self, campaign_id);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

gint64
kassa_campaign_editor_get_campaign_id (KassaCampaignEditor *self)
{
  g_return_val_if_fail (KASSA_IS_CAMPAIGN_EDITOR (self), 0);

  return self->campaign_id;
}

gboolean
kassa_campaign_editor_is_busy (KassaCampaignEditor *self)
{
  g_return_val_if_fail (KASSA_IS_CAMPAIGN_EDITOR (self), FALSE);

  return gtk_spinner_get_spinning (self->targets_spinner);
}
