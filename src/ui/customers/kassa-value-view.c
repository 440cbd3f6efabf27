/* kassa-value-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-value-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-customer-retention.h"
#include "kassa-customer-view.h"
#include "kassa-date.h"
#include "kassa-format.h"
#include "kassa-money.h"
#include "kassa-pareto-widget.h"
#include "kassa-value-table.h"
#include "kassa-value-view.h"
#include "kassa-vat.h"

#define RELEVANT_CHANGES (KASSA_STORE_CHANGE_COMPANY | KASSA_STORE_CHANGE_CUSTOMERS | \
                          KASSA_STORE_CHANGE_INVOICES | KASSA_STORE_CHANGE_PAYMENTS | \
                          KASSA_STORE_CHANGE_SETTINGS)

/* The unprofitable list shows the worst ones; the rest are counted. */
#define MAX_UNPROFITABLE_ROWS 50

typedef enum
{
  PERIOD_LAST_12_MONTHS,
  PERIOD_THIS_YEAR,
  PERIOD_LAST_YEAR,
  PERIOD_CUSTOM,
} PeriodChoice;

/* ---- the shared report and its list items ---- */

struct _KassaValueShared
{
  KassaValueReport *report;
};

static void
clear_shared (gpointer data)
{
  KassaValueShared *shared = data;

  g_clear_pointer (&shared->report, kassa_value_report_free);
}

KassaValueShared *
kassa_value_shared_new (KassaValueReport *report)
{
  KassaValueShared *shared = g_atomic_rc_box_new0 (KassaValueShared);

  shared->report = report;
  return shared;
}

KassaValueShared *
kassa_value_shared_ref (KassaValueShared *shared)
{
  return g_atomic_rc_box_acquire (shared);
}

void
kassa_value_shared_unref (KassaValueShared *shared)
{
  g_atomic_rc_box_release_full (shared, clear_shared);
}

KassaValueReport *
kassa_value_shared_get_report (KassaValueShared *shared)
{
  return shared->report;
}

struct _KassaValueItem
{
  GObject                   parent_instance;
  KassaValueShared         *shared;
  const KassaCustomerValue *value;
};

G_DEFINE_FINAL_TYPE (KassaValueItem, kassa_value_item, G_TYPE_OBJECT)

static void
kassa_value_item_finalize (GObject *object)
{
  KassaValueItem *self = KASSA_VALUE_ITEM (object);

  g_clear_pointer (&self->shared, kassa_value_shared_unref);
  G_OBJECT_CLASS (kassa_value_item_parent_class)->finalize (object);
}

static void
kassa_value_item_class_init (KassaValueItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kassa_value_item_finalize;
}

static void
kassa_value_item_init (KassaValueItem *self)
{
}

const KassaCustomerValue *
kassa_value_item_get_value (KassaValueItem *self)
{
  g_return_val_if_fail (KASSA_IS_VALUE_ITEM (self), NULL);

  return self->value;
}

static KassaValueItem *
value_item_new (KassaValueShared         *shared,
                const KassaCustomerValue *value)
{
  KassaValueItem *item = g_object_new (KASSA_TYPE_VALUE_ITEM, NULL);

  item->shared = kassa_value_shared_ref (shared);
  item->value = value;
  return item;
}

GListStore *
kassa_value_shared_list (KassaValueShared *shared,
                         GPtrArray        *values)
{
  GListStore *store = g_list_store_new (KASSA_TYPE_VALUE_ITEM);
  guint n = values != NULL ? values->len : kassa_value_report_get_n_customers (shared->report);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      const KassaCustomerValue *value = values != NULL
        ? g_ptr_array_index (values, i)
        : kassa_value_report_get_customer (shared->report, i);

      g_ptr_array_add (items, value_item_new (shared, value));
    }
  /* One splice: one items-changed for 10,000 customers. */
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return store;
}

char *
kassa_value_format_class (const KassaCustomerValue *value)
{
  if (value->abc_override == KASSA_ABC_NONE)
    return g_strdup (kassa_abc_class_to_string (value->abc_computed));

  /* Translators: the ABC class of a customer set by hand: computed class →
   * the class set, e.g. "B → A". */
  return g_strdup_printf (_("%s → %s"), kassa_abc_class_to_string (value->abc_computed),
                          kassa_abc_class_to_string (value->abc_override));
}

/* ---- the view ---- */

typedef struct
{
  char              *path;
  KassaValueOptions  options;
  KassaDay           today;
} ComputeInput;

typedef struct
{
  KassaValueReport   *report;
  KassaLifetimeValue  lifetime;
  gboolean            has_lifetime;
} ComputeResult;

struct _KassaValueView
{
  GtkWidget                  parent_instance;

  GtkDropDown               *period_dropdown;
  GtkEntry                  *from_entry;
  GtkEntry                  *to_entry;
  GtkLabel                  *period_label;
  GtkSpinner                *spinner;
  GtkMenuButton             *class_button;
  GtkPopover                *settings_popover;
  GtkDropDown               *basis_dropdown;
  GtkSpinButton             *threshold_a_spin;
  GtkSpinButton             *threshold_b_spin;
  GtkSpinButton             *unprofitable_spin;
  GtkStack                  *content_stack;
  AdwStatusPage             *error_page;
  GtkFlowBox                *cards_box;
  KassaParetoWidget         *pareto;
  GtkLabel                  *pareto_note;
  KassaValueTable           *table;
  GtkListBox                *unprofitable_list;
  GtkLabel                  *unprofitable_empty;

  KassaStore                *store;
  GCancellable              *cancellable;
  KassaValueShared          *shared;
  KassaDay                   custom_from;
  KassaDay                   custom_to;
  char                       currency[4];
  gboolean                   dirty;
};

G_DEFINE_FINAL_TYPE (KassaValueView, kassa_value_view, GTK_TYPE_WIDGET)

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
compute_input_free (gpointer data)
{
  ComputeInput *input = data;

  g_free (input->path);
  g_free (input);
}

static void
compute_result_free (gpointer data)
{
  ComputeResult *result = data;

  g_clear_pointer (&result->report, kassa_value_report_free);
  g_free (result);
}

static gint
year_of (KassaDay day)
{
  int year, month, mday;

  kassa_day_to_ymd (day, &year, &month, &mday);
  return year;
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
  ComputeResult *result;

  store = kassa_store_open (input->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (ComputeResult, 1);
  result->report = kassa_value_report_compute (store, &input->options, input->today,
                                               cancellable, &error);
  if (result->report != NULL)
    result->has_lifetime = kassa_lifetime_value_compute (store, input->today,
                                                         &result->lifetime, &error);
  if (error != NULL)
    {
      compute_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, compute_result_free);
}

/* Basis points of part in whole, half away from zero; 0 when whole ≤ 0. */
static char *
format_percent (gint basis_points)
{
  return kassa_percent_format_fixed (basis_points, kassa_locale_current ());
}

static void
add_card (KassaValueView *self,
          const char     *title,
          const char     *value,
          const char     *detail,
          const char     *tooltip)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *detail_label = gtk_label_new (detail);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (title_label, 8);
  gtk_widget_set_margin_start (box, 0);
  gtk_widget_add_css_class (title_label, "caption-heading");
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_widget_add_css_class (value_label, "title-3");
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_widget_add_css_class (detail_label, "caption");
  gtk_label_set_wrap (GTK_LABEL (detail_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (detail_label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (detail_label), 28);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_margin_bottom (detail_label, 8);
  gtk_widget_set_margin_start (detail_label, 8);
  gtk_widget_set_margin_end (detail_label, 8);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (GTK_BOX (box), detail_label);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (box, tooltip);
  gtk_flow_box_append (self->cards_box, box);
}

static void
add_class_card (KassaValueView *self,
                KassaAbcClass   abc,
                gint64          basis_total)
{
  KassaValueReport *report = self->shared->report;
  KassaValueGroup group = kassa_value_report_get_class (report, abc);
  gboolean by_margin = kassa_value_report_get_options (report)->abc_basis == KASSA_ABC_BY_MARGIN;
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;
  g_autofree char *share =
    format_percent (kassa_share_bp (by_margin ? group.margin : group.revenue, basis_total));
  g_autofree char *detail = NULL;

  /* Translators: a summary card title, %s is the class letter. */
  title = g_strdup_printf (_("Class %s"), kassa_abc_class_to_string (abc));
  /* Translators: customers in an ABC class. */
  count = g_strdup_printf (ngettext ("%u customer", "%u customers", group.customers),
                           group.customers);
  detail = by_margin
    /* Translators: share of the total margin the class brings. */
    ? g_strdup_printf (_("%s of margin"), share)
    /* Translators: share of the total revenue the class brings. */
    : g_strdup_printf (_("%s of revenue"), share);
  add_card (self, title, count, detail, NULL);
}

static void
add_lifetime_card (KassaValueView      *self,
                   const ComputeResult *result)
{
  g_autofree char *value = NULL;
  g_autofree char *average = NULL;
  g_autofree char *churn = NULL;
  g_autofree char *detail = NULL;

  if (!result->has_lifetime || !result->lifetime.available)
    {
      add_card (self, _("Customer Lifetime Value"), "–",
                _("Needs sales from more than 12 months ago to estimate churn"), NULL);
      return;
    }

  value = kassa_format_money (result->lifetime.clv, self->currency);
  average = kassa_format_money (result->lifetime.average_yearly_margin, self->currency);
  churn = format_percent (result->lifetime.churn_bp);
  /* Translators: how the customer lifetime value is computed: average
   * yearly margin per customer × expected lifetime; the churn it comes from. */
  detail = g_strdup_printf (ngettext ("%s a year × %d month (churn %s)",
                                      "%s a year × %d months (churn %s)",
                                      result->lifetime.lifetime_months),
                            average, result->lifetime.lifetime_months, churn);
  add_card (self, _("Customer Lifetime Value"), value, detail,
            _("Average yearly margin per active customer over the last 12 months, "
              "times the expected lifetime (1 ÷ yearly churn, at most 10 years)"));
}

/* Churn of the last 12 months against the 12 before them, the same
 * figures the lifetime value uses (not a calendar year, which may hold
 * only a few weeks of data). */
static void
add_retention_card (KassaValueView      *self,
                    const ComputeResult *result)
{
  const KassaLifetimeValue *lifetime = &result->lifetime;
  g_autofree char *value = NULL;
  g_autofree char *churn = NULL;
  g_autofree char *detail = NULL;

  if (!result->has_lifetime)
    return;

  if (!lifetime->available)
    {
      add_card (self, _("Retention, last 12 months"), "–",
                _("No customers in the 12 months before"), NULL);
      return;
    }
  value = format_percent (lifetime->retention_bp);
  churn = format_percent (lifetime->churn_bp);
  /* Translators: on the retention card: the first %u is how many of the
   * customers of the 12 months before the last 12 months (the second %u)
   * bought again in the last 12 months; %s is the churn percentage. */
  detail = g_strdup_printf (ngettext ("%u of %u customer of the 12 months before bought again; "
                                      "churn %s",
                                      "%u of %u customers of the 12 months before bought again; "
                                      "churn %s",
                                      lifetime->customers_before),
                            lifetime->customers_kept, lifetime->customers_before, churn);
  add_card (self, _("Retention, last 12 months"), value, detail, NULL);
}

static void
fill_cards (KassaValueView      *self,
            const ComputeResult *result)
{
  KassaValueReport *report = self->shared->report;
  gboolean by_margin = kassa_value_report_get_options (report)->abc_basis == KASSA_ABC_BY_MARGIN;
  gint64 revenue, margin;
  g_autofree char *revenue_text = NULL;
  g_autofree char *margin_text = NULL;
  g_autofree char *margin_percent = NULL;
  g_autofree char *margin_detail = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_flow_box_remove (self->cards_box, child);

  kassa_value_report_get_totals (report, &revenue, &margin);
  revenue_text = kassa_format_money (revenue, self->currency);
  margin_text = kassa_format_money (margin, self->currency);
  margin_percent = format_percent (kassa_share_bp (margin, revenue));
  /* Translators: margin as a share of revenue, on the Margin card. */
  margin_detail = g_strdup_printf (_("%s of revenue"), margin_percent);
  add_card (self, _("Revenue"), revenue_text, _("Net of VAT, credit notes deducted"), NULL);
  add_card (self, _("Margin"), margin_text, margin_detail, NULL);
  for (KassaAbcClass abc = KASSA_ABC_A; abc <= KASSA_ABC_C; abc++)
    add_class_card (self, abc, by_margin ? margin : revenue);
  add_lifetime_card (self, result);
  add_retention_card (self, result);
}

static void
update_pareto_note (KassaValueView *self)
{
  guint bars_per_column = kassa_pareto_widget_get_bars_per_column (self->pareto);
  g_autofree char *note = NULL;

  if (bars_per_column <= 1)
    {
      gtk_label_set_text (self->pareto_note, kassa_pareto_widget_get_summary (self->pareto));
      return;
    }
  /* Translators: under the Pareto chart when customers do not fit one bar
   * each; the first %s is the chart's summary sentence. */
  note = g_strdup_printf (ngettext ("%s. Each bar sums %u customer.",
                                    "%s. Each bar sums %u customers.", bars_per_column),
                          kassa_pareto_widget_get_summary (self->pareto), bars_per_column);
  gtk_label_set_text (self->pareto_note, note);
}

static void
fill_pareto (KassaValueView *self)
{
  KassaValueReport *report = self->shared->report;
  const KassaValueOptions *options = kassa_value_report_get_options (report);
  gboolean by_margin = options->abc_basis == KASSA_ABC_BY_MARGIN;
  guint n = kassa_value_report_get_n_customers (report);
  g_autofree gint64 *values = g_new (gint64, MAX (n, 1));
  g_autofree guint8 *classes = g_new (guint8, MAX (n, 1));
  g_autofree const char **names = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      const KassaCustomerValue *value = kassa_value_report_get_customer (report, i);

      values[i] = by_margin ? value->margin : value->revenue;
      classes[i] = value->abc == KASSA_ABC_NONE ? 3 : (guint8) (value->abc - 1);
      names[i] = value->name;
    }
  kassa_pareto_widget_set_bars (self->pareto, values, classes, names, n, self->currency,
                                by_margin ? _("margin") : _("revenue"),
                                options->threshold_a_bp, options->threshold_b_bp);
  update_pareto_note (self);
}

static GtkWidget *
unprofitable_row_new (const KassaCustomerValue *value,
                      const char               *currency)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *description = kassa_value_describe_unprofitable (value, currency);
  g_autofree char *title = g_markup_escape_text (value->name, -1);
  g_autofree char *subtitle = g_markup_escape_text (description, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "kassa-customer-id",
                          g_memdup2 (&value->customer_id, sizeof value->customer_id), g_free);
  return row;
}

static void
fill_unprofitable (KassaValueView *self)
{
  g_autoptr(GPtrArray) values = kassa_value_report_list_unprofitable (self->shared->report);
  guint shown = MIN (values->len, MAX_UNPROFITABLE_ROWS);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->unprofitable_list))) != NULL)
    gtk_list_box_remove (self->unprofitable_list, child);

  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->unprofitable_list,
                         unprofitable_row_new (g_ptr_array_index (values, i), self->currency));

  gtk_widget_set_visible (GTK_WIDGET (self->unprofitable_list), values->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->unprofitable_empty), values->len == 0 || shown < values->len);
  if (values->len == 0)
    gtk_label_set_text (self->unprofitable_empty, _("No unprofitable customers in this period."));
  else if (shown < values->len)
    {
      g_autofree char *more = NULL;

      /* Translators: under the list of unprofitable customers. */
      more = g_strdup_printf (ngettext ("And %u more customer with a lower margin.",
                                        "And %u more customers with a lower margin.",
                                        values->len - shown), values->len - shown);
      gtk_label_set_text (self->unprofitable_empty, more);
    }
}

/* "Set Class…" acts on the table's selected customer. */
static void
on_table_selection_changed (KassaValueView *self)
{
  gint64 customer_id = kassa_value_table_get_selected_customer (self->table);
  g_autoptr(GMenuModel) menu = NULL;

  if (customer_id != 0)
    menu = kassa_value_class_menu_new (customer_id);
  gtk_menu_button_set_menu_model (self->class_button, menu);
  gtk_widget_set_sensitive (GTK_WIDGET (self->class_button), customer_id != 0);
}

static void
update_period_label (KassaValueView *self)
{
  const KassaValueOptions *options = kassa_value_report_get_options (self->shared->report);
  g_autofree char *from = kassa_format_day (options->from);
  g_autofree char *to = kassa_format_day (options->to);
  g_autofree char *text = NULL;

  /* Translators: the period of the value report, "1.12.2025 – 24.11.2026". */
  text = g_strdup_printf (_("%s – %s"), from, to);
  gtk_label_set_text (self->period_label, text);
}

static void
show_result (KassaValueView *self,
             ComputeResult  *result)
{
  g_autoptr(KassaValueShared) old = self->shared;

  self->shared = kassa_value_shared_new (g_steal_pointer (&result->report));
  update_period_label (self);
  fill_cards (self, result);
  fill_pareto (self);
  kassa_value_table_set_report (self->table, self->shared, self->currency);
  on_table_selection_changed (self);
  fill_unprofitable (self);
  gtk_stack_set_visible_child_name (self->content_stack, "report");
}

static void
on_compute_done (GObject      *source,
                 GAsyncResult *async_result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  ComputeResult *result = g_task_propagate_pointer (G_TASK (async_result), &error);
  KassaValueView *self;

  /* The view may be gone, or a newer computation under way. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = KASSA_VALUE_VIEW (source);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);

  if (result == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }
  show_result (self, result);
  compute_result_free (result);
}

static KassaDay
first_of_year (KassaDay day,
               int      years_back)
{
  return kassa_day_from_ymd (year_of (day) - years_back, 1, 1);
}

static void
read_options (KassaValueView    *self,
              KassaValueOptions *options,
              KassaDay           today)
{
  kassa_value_options_load (options, self->store, today);

  switch ((PeriodChoice) gtk_drop_down_get_selected (self->period_dropdown))
    {
    case PERIOD_THIS_YEAR:
      options->from = first_of_year (today, 0);
      options->to = today;
      break;

    case PERIOD_LAST_YEAR:
      options->from = first_of_year (today, 1);
      options->to = first_of_year (today, 0) - 1;
      break;

    case PERIOD_CUSTOM:
      if (self->custom_from > 0 && self->custom_to >= self->custom_from)
        {
          options->from = self->custom_from;
          options->to = self->custom_to;
        }
      break;

    case PERIOD_LAST_12_MONTHS:
    default:
      break;
    }
}

void
kassa_value_view_reload (KassaValueView *self)
{
  g_autoptr(GTask) task = NULL;
  ComputeInput *input;

  g_return_if_fail (KASSA_IS_VALUE_VIEW (self));

  self->dirty = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  input = g_new0 (ComputeInput, 1);
  input->path = g_strdup (kassa_store_get_path (self->store));
  input->today = kassa_clock_today ();
  read_options (self, &input->options, input->today);

  if (self->shared == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  gtk_spinner_start (self->spinner);

  task = g_task_new (self, self->cancellable, on_compute_done, NULL);
  g_task_set_source_tag (task, kassa_value_view_reload);
  g_task_set_task_data (task, input, compute_input_free);
  g_task_run_in_thread (task, compute_thread);
}

/* Computing is deferred while the view is hidden: a big company pays for
 * it only when someone looks. */
static void
queue_reload (KassaValueView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    kassa_value_view_reload (self);
  else
    self->dirty = TRUE;
}

static void
on_store_changed (KassaValueView *self,
                  guint           what)
{
  if (what & KASSA_STORE_CHANGE_COMPANY)
    {
      g_autoptr(KassaCompany) company = kassa_store_get_company (self->store);

      if (company != NULL)
        g_strlcpy (self->currency, company->currency, sizeof self->currency);
    }
  if (what & RELEVANT_CHANGES)
    queue_reload (self);
}

static void
on_period_changed (KassaValueView *self)
{
  gboolean custom = gtk_drop_down_get_selected (self->period_dropdown) == PERIOD_CUSTOM;

  gtk_widget_set_visible (GTK_WIDGET (self->from_entry), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->to_entry), custom);
  if (custom)
    {
      if (self->shared != NULL && self->custom_from == 0)
        {
          const KassaValueOptions *options = kassa_value_report_get_options (self->shared->report);
          g_autofree char *from = kassa_format_day (options->from);
          g_autofree char *to = kassa_format_day (options->to);

          gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
          gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
        }
      gtk_widget_grab_focus (GTK_WIDGET (self->from_entry));
      return;
    }
  queue_reload (self);
}

static gboolean
parse_entry (GtkEntry *entry,
             KassaDay *day)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (kassa_day_parse (text, kassa_locale_current (), kassa_clock_today (), day, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
      return TRUE;
    }
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
  return FALSE;
}

static void
on_custom_activate (KassaValueView *self)
{
  KassaDay from = 0, to = 0;
  gboolean from_ok = parse_entry (self->from_entry, &from);
  gboolean to_ok = parse_entry (self->to_entry, &to);

  if (!from_ok || !to_ok)
    return;
  if (to < from)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->to_entry),
                                   _("The period must end on or after its first day"));
      return;
    }
  self->custom_from = from;
  self->custom_to = to;
  queue_reload (self);
}

static void
on_settings_shown (KassaValueView *self)
{
  KassaValueOptions options;

  kassa_value_options_load (&options, self->store, kassa_clock_today ());
  gtk_drop_down_set_selected (self->basis_dropdown, options.abc_basis == KASSA_ABC_BY_MARGIN);
  gtk_spin_button_set_value (self->threshold_a_spin, options.threshold_a_bp / 100.0);
  gtk_spin_button_set_value (self->threshold_b_spin, options.threshold_b_bp / 100.0);
  gtk_spin_button_set_value (self->unprofitable_spin, options.unprofitable_margin_bp / 100.0);
}

/* Spin buttons hold percent with one decimal; the settings basis points. */
static gint
spin_bp (GtkSpinButton *spin)
{
  double percent = gtk_spin_button_get_value (spin);

  return (gint) (percent * 100.0 + (percent >= 0 ? 0.5 : -0.5));
}

static void
toast (KassaValueView *self,
       const char     *text)
{
  show_toast (GTK_WIDGET (self), adw_toast_new (text));
}

static void
on_settings_save (KassaValueView *self)
{
  KassaValueOptions options;
  g_autoptr(GError) error = NULL;

  kassa_value_options_load (&options, self->store, kassa_clock_today ());
  options.abc_basis = gtk_drop_down_get_selected (self->basis_dropdown) == 1
    ? KASSA_ABC_BY_MARGIN : KASSA_ABC_BY_REVENUE;
  options.threshold_a_bp = spin_bp (self->threshold_a_spin);
  options.threshold_b_bp = spin_bp (self->threshold_b_spin);
  options.unprofitable_margin_bp = spin_bp (self->unprofitable_spin);

  if (!kassa_value_options_save (&options, self->store, &error))
    {
      toast (self, error->message);
      return;
    }
  gtk_popover_popdown (self->settings_popover);
  /* Settings changes are signalled too, but do not rely on it. */
  queue_reload (self);
}

static void
present_customer (KassaValueView *self,
                  gint64          customer_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  kassa_customer_view_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               self->store, customer_id);
}

static void
on_table_customer_activated (KassaValueView *self,
                             gint64          customer_id)
{
  present_customer (self, customer_id);
}

static void
on_table_class_set (KassaValueView *self)
{
  kassa_value_view_reload (self);
}

static void
on_unprofitable_activated (KassaValueView *self,
                           GtkListBoxRow  *row)
{
  gint64 *customer_id = g_object_get_data (G_OBJECT (row), "kassa-customer-id");

  if (customer_id != NULL)
    present_customer (self, *customer_id);
}

/* ---- ABC override ---- */

/* The menus of the button and of the table's rows use these actions. */
static void
set_class_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KassaValueView *self = KASSA_VALUE_VIEW (widget);
  gint64 customer_id;
  gint32 abc;

  g_variant_get (parameter, "(xi)", &customer_id, &abc);
  kassa_value_table_set_class (self->table, customer_id, abc);
}

static void
undo_class_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  kassa_value_table_undo_class (KASSA_VALUE_VIEW (widget)->table);
}

/* ---- lifecycle ---- */

static void
kassa_value_view_map (GtkWidget *widget)
{
  KassaValueView *self = KASSA_VALUE_VIEW (widget);

  GTK_WIDGET_CLASS (kassa_value_view_parent_class)->map (widget);
  if (self->dirty || (self->shared == NULL && self->cancellable == NULL))
    kassa_value_view_reload (self);
}

static void
kassa_value_view_dispose (GObject *object)
{
  GtkWidget *child;
  KassaValueView *self = KASSA_VALUE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_VALUE_VIEW);
  /* The template's root is not bound, so not unparented above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->shared, kassa_value_shared_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_value_view_parent_class)->dispose (object);
}

static void
kassa_value_view_class_init (KassaValueViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_value_view_dispose;
  widget_class->map = kassa_value_view_map;

  g_type_ensure (KASSA_TYPE_PARETO_WIDGET);
  g_type_ensure (KASSA_TYPE_VALUE_TABLE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-value-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, period_label);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, spinner);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, class_button);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, settings_popover);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, basis_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, threshold_a_spin);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, threshold_b_spin);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, unprofitable_spin);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, error_page);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, cards_box);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, pareto);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, pareto_note);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, table);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, unprofitable_list);
  gtk_widget_class_bind_template_child (widget_class, KassaValueView, unprofitable_empty);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_settings_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_settings_save);
  gtk_widget_class_bind_template_callback (widget_class, on_table_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_table_class_set);
  gtk_widget_class_bind_template_callback (widget_class, on_table_customer_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_unprofitable_activated);

  gtk_widget_class_install_action (widget_class, "value.set-class", "(xi)", set_class_action);
  gtk_widget_class_install_action (widget_class, "value.undo-class", NULL, undo_class_action);
}

static void
kassa_value_view_init (KassaValueView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_strlcpy (self->currency, "EUR", sizeof self->currency);
  g_signal_connect_object (self->pareto, "notify::bars-per-column",
                           G_CALLBACK (update_pareto_note), self, G_CONNECT_SWAPPED);
}

GtkWidget *
kassa_value_view_new (KassaStore *store)
{
  KassaValueView *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_VALUE_VIEW, NULL);
  self->store = g_object_ref (store);
  kassa_value_table_set_store (self->table, store);
  on_store_changed (self, KASSA_STORE_CHANGE_COMPANY);
  self->dirty = FALSE;
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

gboolean
kassa_value_view_is_busy (KassaValueView *self)
{
  g_return_val_if_fail (KASSA_IS_VALUE_VIEW (self), FALSE);

  return self->cancellable != NULL;
}

KassaValueReport *
kassa_value_view_get_report (KassaValueView *self)
{
  g_return_val_if_fail (KASSA_IS_VALUE_VIEW (self), NULL);

  return self->shared != NULL ? self->shared->report : NULL;
}
