/* kassa-segments-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-segments-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-customer-view.h"
#include "kassa-format.h"
#include "kassa-money.h"
#include "kassa-segments-view.h"
#include "kassa-target-list-csv.h"
#include "kassa-value-view.h"
#include "kassa-vat.h"

#define RELEVANT_CHANGES (KASSA_STORE_CHANGE_COMPANY | KASSA_STORE_CHANGE_CUSTOMERS | \
                          KASSA_STORE_CHANGE_INVOICES | KASSA_STORE_CHANGE_PAYMENTS | \
                          KASSA_STORE_CHANGE_SETTINGS)

#define SEGMENT_KEY "kassa-segment-key"

typedef enum
{
  COL_NUMBER,
  COL_NAME,
  COL_REVENUE,
  COL_CLASS,
  COL_CONSENT,
  N_COLUMNS,
} ColumnKind;

typedef struct
{
  char              *path;
  KassaValueOptions  options;
  KassaDay           today;
} ComputeInput;

struct _KassaSegmentsView
{
  GtkWidget          parent_instance;

  GtkStack          *content_stack;
  GtkSpinner        *spinner;
  AdwStatusPage     *error_page;
  AdwComboRow       *target_combo;
  GtkSwitch         *consent_switch;
  AdwActionRow      *target_count_row;
  GtkButton         *export_button;
  GtkListBox        *rfm_list;
  GtkListBox        *abc_list;
  GtkListBox        *lifecycle_list;
  GtkLabel          *segment_title;
  GtkColumnView     *customer_view;

  KassaStore        *store;
  GCancellable      *cancellable;
  KassaValueShared  *shared;
  GListStore        *segment_customers;
  char              *segment_key;
  GPtrArray         *target;      /* const KassaCustomerValue* of shared's report */
  guint              n_excluded;
  char              *excluded_text;
  char               currency[4];
  gboolean           dirty;
  GtkNativeDialog   *chooser;
};

G_DEFINE_FINAL_TYPE (KassaSegmentsView, kassa_segments_view, GTK_TYPE_WIDGET)

static void
compute_input_free (gpointer data)
{
  ComputeInput *input = data;

  g_free (input->path);
  g_free (input);
}

/* The window's overlay: one place for every toast. */
static void
show_toast (GtkWidget *widget,
            AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeInput *input = task_data;
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  KassaValueReport *report = NULL;

  store = kassa_store_open (input->path, &error);
  if (store != NULL)
    report = kassa_value_report_compute (store, &input->options, input->today, cancellable, &error);
  if (store == NULL || report == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, report, (GDestroyNotify) kassa_value_report_free);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
group_row_new (KassaSegmentsView     *self,
               const char            *key,
               const char            *title,
               const char            *advice,
               const KassaValueGroup *group,
               gint64                 total_revenue)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *figures = gtk_label_new (NULL);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *revenue = kassa_format_money (group->revenue, self->currency);
  g_autofree char *share =
    kassa_percent_format_fixed (kassa_share_bp (group->revenue, total_revenue),
                                kassa_locale_current ());
  g_autofree char *text = NULL;

  /* Translators: a segment's figures: customers, their revenue and its
   * share of all revenue, "12 customers\n€4,000.00 · 21 %". */
  text = g_strdup_printf (ngettext ("%u customer\n%s · %s", "%u customers\n%s · %s",
                                    group->customers),
                          group->customers, revenue, share);
  gtk_label_set_text (GTK_LABEL (figures), text);
  gtk_label_set_xalign (GTK_LABEL (figures), 1.0);
  gtk_label_set_justify (GTK_LABEL (figures), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (figures, "numeric");
  gtk_widget_add_css_class (figures, "caption");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  if (advice != NULL)
    {
      g_autofree char *escaped_advice = g_markup_escape_text (advice, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_advice);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), figures);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), SEGMENT_KEY, g_strdup (key), g_free);
  return row;
}

/* Keys of a kind ("rfm:", "lifecycle:") in the order of their enum. */
static const char *
nth_key (const char *prefix,
         guint       n)
{
  const char * const *keys = kassa_segment_keys ();

  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_has_prefix (keys[i], prefix) && n-- == 0)
      return keys[i];
  return NULL;
}

static void
fill_groups (KassaSegmentsView *self)
{
  KassaValueReport *report = kassa_value_shared_get_report (self->shared);
  gint64 revenue, margin;

  kassa_value_report_get_totals (report, &revenue, &margin);
  clear_list (self->rfm_list);
  clear_list (self->abc_list);
  clear_list (self->lifecycle_list);

  for (KassaRfmSegment segment = 0; segment < KASSA_N_RFM_SEGMENTS; segment++)
    {
      KassaValueGroup group = kassa_value_report_get_segment (report, segment);
      const char *key = nth_key ("rfm:", segment);

      gtk_list_box_append (self->rfm_list,
                           group_row_new (self, key, kassa_rfm_segment_to_string (segment),
                                          kassa_rfm_segment_describe (segment), &group, revenue));
    }
  for (KassaAbcClass abc = KASSA_ABC_A; abc <= KASSA_ABC_C; abc++)
    {
      KassaValueGroup group = kassa_value_report_get_class (report, abc);
      const char *key = nth_key ("abc:", abc - KASSA_ABC_A);

      gtk_list_box_append (self->abc_list,
                           group_row_new (self, key, kassa_segment_key_to_label (key), NULL,
                                          &group, revenue));
    }
  for (guint stage = 0; stage < KASSA_N_LIFECYCLE_STAGES; stage++)
    {
      KassaValueGroup group = kassa_value_report_get_lifecycle (report, stage);
      const char *key = nth_key ("lifecycle:", stage);

      gtk_list_box_append (self->lifecycle_list,
                           group_row_new (self, key, kassa_lifecycle_stage_to_string (stage), NULL,
                                          &group, revenue));
    }
}

static void
update_target (KassaSegmentsView *self)
{
  const char * const *keys = kassa_segment_keys ();
  guint selected = adw_combo_row_get_selected (self->target_combo);
  gboolean only_consented = gtk_switch_get_active (self->consent_switch);
  g_autofree char *count = NULL;
  guint n;

  g_clear_pointer (&self->target, g_ptr_array_unref);
  g_clear_pointer (&self->excluded_text, g_free);
  self->n_excluded = 0;
  if (self->shared == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  self->target = kassa_value_report_target_list (kassa_value_shared_get_report (self->shared),
                                                 keys[selected], only_consented,
                                                 &self->n_excluded);
  n = self->target->len;
  /* Translators: how many customers the target list has. */
  count = g_strdup_printf (ngettext ("%u customer", "%u customers", n), n);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_count_row), count);
  self->excluded_text = self->n_excluded == 0
    ? g_strdup ("")
    /* Translators: under the target list's size. */
    : g_strdup_printf (ngettext ("%u customer left out: no marketing consent",
                                 "%u customers left out: no marketing consent",
                                 self->n_excluded), self->n_excluded);
  adw_action_row_set_subtitle (self->target_count_row, self->excluded_text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), n > 0);
}

static void
on_target_changed (KassaSegmentsView *self)
{
  update_target (self);
}

static void
show_segment (KassaSegmentsView *self)
{
  KassaValueReport *report = kassa_value_shared_get_report (self->shared);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GtkSingleSelection) selection = NULL;
  const char *label = kassa_segment_key_to_label (self->segment_key);
  guint n = kassa_value_report_get_n_customers (report);
  g_autofree char *title = NULL;

  for (guint i = 0; i < n; i++)
    {
      const KassaCustomerValue *value = kassa_value_report_get_customer (report, i);

      if (kassa_value_in_segment (value, self->segment_key))
        g_ptr_array_add (values, (gpointer) value);
    }
  g_clear_object (&self->segment_customers);
  self->segment_customers = kassa_value_shared_list (self->shared, values);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->segment_customers)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->customer_view, GTK_SELECTION_MODEL (selection));

  /* Translators: heading of the customer list: segment name and count. */
  title = g_strdup_printf (ngettext ("%s: %u customer", "%s: %u customers", values->len),
                           label != NULL ? label : "", values->len);
  gtk_label_set_text (self->segment_title, title);
}

static void
on_group_row_activated (KassaSegmentsView *self,
                        GtkListBoxRow     *row)
{
  const char *key = g_object_get_data (G_OBJECT (row), SEGMENT_KEY);

  if (key != NULL)
    kassa_segments_view_select_segment (self, key);
}

static void
on_customer_activated (KassaSegmentsView *self,
                       guint              position)
{
  g_autoptr(KassaValueItem) item = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (self->customer_view)),
                                position);
  if (item == NULL)
    return;
  kassa_customer_view_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                               kassa_value_item_get_value (item)->customer_id);
}

static void
on_compute_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  KassaValueReport *report = g_task_propagate_pointer (G_TASK (result), &error);
  KassaSegmentsView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = KASSA_SEGMENTS_VIEW (source);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  if (report == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }

  /* The target list and the shown customers point into the old report:
   * rebuild them before it goes. */
  g_clear_pointer (&self->target, g_ptr_array_unref);
  g_clear_pointer (&self->shared, kassa_value_shared_unref);
  self->shared = kassa_value_shared_new (report);
  fill_groups (self);
  show_segment (self);
  update_target (self);
  gtk_stack_set_visible_child_name (self->content_stack, "report");
}

void
kassa_segments_view_reload (KassaSegmentsView *self)
{
  g_autoptr(GTask) task = NULL;
  ComputeInput *input;

  g_return_if_fail (KASSA_IS_SEGMENTS_VIEW (self));

  self->dirty = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  input = g_new0 (ComputeInput, 1);
  input->path = g_strdup (kassa_store_get_path (self->store));
  input->today = kassa_clock_today ();
  kassa_value_options_load (&input->options, self->store, input->today);

  if (self->shared == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  gtk_spinner_start (self->spinner);

  task = g_task_new (self, self->cancellable, on_compute_done, NULL);
  g_task_set_source_tag (task, kassa_segments_view_reload);
  g_task_set_task_data (task, input, compute_input_free);
  g_task_run_in_thread (task, compute_thread);
}

static void
on_store_changed (KassaSegmentsView *self,
                  guint              what)
{
  if (what & KASSA_STORE_CHANGE_COMPANY)
    {
      g_autoptr(KassaCompany) company = kassa_store_get_company (self->store);

      if (company != NULL)
        g_strlcpy (self->currency, company->currency, sizeof self->currency);
    }
  if (!(what & RELEVANT_CHANGES))
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    kassa_segments_view_reload (self);
  else
    self->dirty = TRUE;
}

/* ---- export ---- */

static void
on_open_exported (AdwToast *toast,
                  gpointer  user_data)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "kassa-file");
  GtkWidget *widget = user_data;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
on_chooser_response (KassaSegmentsView *self,
                     int                response)
{
  g_autoptr(GtkNativeDialog) chooser = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    return;
  if (!kassa_segments_view_export_target_list (self, file, &error))
    {
      show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }

  basename = g_file_get_basename (file);
  /* Translators: toast after the target list was saved. */
  title = g_strdup_printf (_("Saved “%s”"), basename);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "kassa-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_exported), self, 0);
  show_toast (GTK_WIDGET (self), toast);
}

static char *
suggested_file_name (KassaSegmentsView *self)
{
  const char * const *keys = kassa_segment_keys ();
  guint selected = adw_combo_row_get_selected (self->target_combo);
  g_autofree char *key = g_strdup (selected != GTK_INVALID_LIST_POSITION ? keys[selected] : "all");

  g_strdelimit (key, ":", '-');
  /* Translators: file name suggested for a target list; %s is a stable
   * segment id such as "rfm-champions". Keep it a valid file name. */
  return g_strdup_printf (_("target-list-%s.csv"), key);
}

static void
on_export_clicked (KassaSegmentsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = suggested_file_name (self);
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Target List"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

/* ---- the customer table ---- */

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), kind == COL_NAME ? 12 : kind == COL_CONSENT ? 10 : 4);
  if (kind == COL_NAME)
    gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), 24);
  if (kind == COL_REVENUE)
    {
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), 12);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
    }
  if (kind == COL_REVENUE || kind == COL_NUMBER)
    gtk_widget_add_css_class (cell, "numeric");
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  KassaSegmentsView *self = g_object_get_data (G_OBJECT (factory), "kassa-view");
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  const KassaCustomerValue *value = kassa_value_item_get_value (gtk_list_item_get_item (list_item));
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));
  g_autofree char *text = NULL;

  switch (kind)
    {
    case COL_NUMBER:
      gtk_inscription_set_text (cell, value->number);
      break;

    case COL_NAME:
      gtk_inscription_set_text (cell, value->name);
      break;

    case COL_REVENUE:
      text = kassa_format_money (value->revenue, self->currency);
      gtk_inscription_set_text (cell, text);
      break;

    case COL_CLASS:
      text = kassa_value_format_class (value);
      gtk_inscription_set_text (cell, text);
      break;

    case COL_CONSENT:
      gtk_inscription_set_text (cell, kassa_consent_to_string (value->consent));
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
column_title (ColumnKind kind)
{
  switch (kind)
    {
    case COL_NUMBER: return _("Number");
    case COL_NAME: return _("Name");
    case COL_REVENUE: return _("Revenue");
    case COL_CLASS: return C_("abc", "Class");
    /* Translators: column header: marketing consent. */
    case COL_CONSENT: return _("Consent");
    case N_COLUMNS:
    default:
      return "";
    }
}

static void
add_columns (KassaSegmentsView *self)
{
  for (ColumnKind kind = COL_NUMBER; kind < N_COLUMNS; kind++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "kassa-view", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (kind));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (kind));
      column = gtk_column_view_column_new (column_title (kind), g_object_ref (factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, kind == COL_NAME);
      gtk_column_view_append_column (self->customer_view, column);
    }
}

static void
setup_target_combo (KassaSegmentsView *self)
{
  const char * const *keys = kassa_segment_keys ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    gtk_string_list_append (labels, kassa_segment_key_to_label (keys[i]));
  adw_combo_row_set_model (self->target_combo, G_LIST_MODEL (labels));
}

/* ---- lifecycle ---- */

static void
kassa_segments_view_map (GtkWidget *widget)
{
  KassaSegmentsView *self = KASSA_SEGMENTS_VIEW (widget);

  GTK_WIDGET_CLASS (kassa_segments_view_parent_class)->map (widget);
  if (self->dirty || (self->shared == NULL && self->cancellable == NULL))
    kassa_segments_view_reload (self);
}

static void
kassa_segments_view_dispose (GObject *object)
{
  GtkWidget *child;
  KassaSegmentsView *self = KASSA_SEGMENTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_SEGMENTS_VIEW);
  /* The template's root is not bound, so not unparented above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->target, g_ptr_array_unref);
  g_clear_object (&self->segment_customers);
  g_clear_pointer (&self->shared, kassa_value_shared_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_segments_view_parent_class)->dispose (object);
}

static void
kassa_segments_view_finalize (GObject *object)
{
  KassaSegmentsView *self = KASSA_SEGMENTS_VIEW (object);

  g_free (self->segment_key);
  g_free (self->excluded_text);

  G_OBJECT_CLASS (kassa_segments_view_parent_class)->finalize (object);
}

static void
kassa_segments_view_class_init (KassaSegmentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_segments_view_dispose;
  object_class->finalize = kassa_segments_view_finalize;
  widget_class->map = kassa_segments_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-segments-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaSegmentsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KassaSegmentsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, KassaSegmentsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, KassaSegmentsView, target_combo);
  gtk_widget_class_bind_template_child (widget_class, KassaSegmentsView, consent_switch);
  gtk_widget_class_bind_template_child (widget_class, KassaSegmentsView, target_count_row);
  gtk_widget_class_bind_template_child (widget_class, KassaSegmentsView, export_button);
  gtk_widget_class_bind_template_child (widget_class, KassaSegmentsView, rfm_list);
  gtk_widget_class_bind_template_child (widget_class, KassaSegmentsView, abc_list);
  gtk_widget_class_bind_template_child (widget_class, KassaSegmentsView, lifecycle_list);
  gtk_widget_class_bind_template_child (widget_class, KassaSegmentsView, segment_title);
  gtk_widget_class_bind_template_child (widget_class, KassaSegmentsView, customer_view);
  gtk_widget_class_bind_template_callback (widget_class, on_target_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_group_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
}

static void
kassa_segments_view_init (KassaSegmentsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_strlcpy (self->currency, "EUR", sizeof self->currency);
  self->segment_key = g_strdup ("rfm:champions");
  add_columns (self);
  setup_target_combo (self);
}

GtkWidget *
kassa_segments_view_new (KassaStore *store)
{
  KassaSegmentsView *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_SEGMENTS_VIEW, NULL);
  self->store = g_object_ref (store);
  on_store_changed (self, KASSA_STORE_CHANGE_COMPANY);
  self->dirty = FALSE;
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

gboolean
kassa_segments_view_is_busy (KassaSegmentsView *self)
{
  g_return_val_if_fail (KASSA_IS_SEGMENTS_VIEW (self), FALSE);

  return self->cancellable != NULL;
}

KassaValueReport *
kassa_segments_view_get_report (KassaSegmentsView *self)
{
  g_return_val_if_fail (KASSA_IS_SEGMENTS_VIEW (self), NULL);

  return self->shared != NULL ? kassa_value_shared_get_report (self->shared) : NULL;
}

void
kassa_segments_view_select_segment (KassaSegmentsView *self,
                                    const char        *key)
{
  g_return_if_fail (KASSA_IS_SEGMENTS_VIEW (self));
  g_return_if_fail (kassa_segment_key_to_label (key) != NULL);

  g_free (self->segment_key);
  self->segment_key = g_strdup (key);
  if (self->shared != NULL)
    show_segment (self);
}

GListModel *
kassa_segments_view_get_segment_customers (KassaSegmentsView *self)
{
  g_return_val_if_fail (KASSA_IS_SEGMENTS_VIEW (self), NULL);

  return G_LIST_MODEL (self->segment_customers);
}

void
kassa_segments_view_set_target (KassaSegmentsView *self,
                                const char        *key,
                                gboolean           only_consented)
{
  const char * const *keys = kassa_segment_keys ();

  g_return_if_fail (KASSA_IS_SEGMENTS_VIEW (self));

  for (guint i = 0; keys[i] != NULL; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      adw_combo_row_set_selected (self->target_combo, i);
  gtk_switch_set_active (self->consent_switch, only_consented);
  update_target (self);
}

guint
kassa_segments_view_get_target_count (KassaSegmentsView *self,
                                      guint             *n_excluded)
{
  g_return_val_if_fail (KASSA_IS_SEGMENTS_VIEW (self), 0);

  if (n_excluded != NULL)
    *n_excluded = self->n_excluded;
  return self->target != NULL ? self->target->len : 0;
}

const char *
kassa_segments_view_get_excluded_text (KassaSegmentsView *self)
{
  g_return_val_if_fail (KASSA_IS_SEGMENTS_VIEW (self), NULL);

  return self->excluded_text != NULL ? self->excluded_text : "";
}

gboolean
kassa_segments_view_export_target_list (KassaSegmentsView *self,
                                        GFile             *file,
                                        GError           **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (KASSA_IS_SEGMENTS_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL || self->target == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The target list can only be saved to a local folder; choose another place"));
      return FALSE;
    }
  return kassa_target_list_write_csv (self->target, self->store, path, error);
}
