/* kassa-receivables-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two computations feed the page, each in a worker thread with its own
 * store connection (a large company takes about a second): the aging,
 * which depends on the chosen day and basis, and the indicators (the KPI
 * trend, early warnings and credit limits), which depend on today only.
 * Each runs at most once at a time; a request while it runs marks it
 * pending, and the stale result is dropped for a fresh run.
 */
#define G_LOG_DOMAIN "kassa-receivables-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-collection-settings-dialog.h"
#include "kassa-customer-view.h"
#include "kassa-dunning.h"
#include "kassa-format.h"
#include "kassa-receivables-page.h"
#include "kassa-worklist-view.h"

/* Screenshots and demonstrations: $KASSA_RECEIVABLES_SECTION opens a
 * section ("aging", "collections", "warnings") or the aging's drill-down
 * ("invoices:<customer id>:<bucket>", bucket -1 for all) when the page is
 * first shown. */
#define SECTION_ENV "KASSA_RECEIVABLES_SECTION"

/* Longer lists are cut: the largest come first and the rest is counted. */
#define MAX_LIST_ROWS 100

#define CUSTOMER_ID_KEY "kassa-customer-id"

#define RELEVANT_CHANGES (KASSA_STORE_CHANGE_COMPANY | KASSA_STORE_CHANGE_CUSTOMERS | \
                          KASSA_STORE_CHANGE_INVOICES | KASSA_STORE_CHANGE_PAYMENTS | \
                          KASSA_STORE_CHANGE_COLLECTIONS | KASSA_STORE_CHANGE_SETTINGS)

typedef struct
{
  GCancellable *cancellable;  /* non-NULL while running */
  gboolean      pending;      /* asked for again while running */
  gboolean      dirty;        /* asked for while the page was hidden */
  char         *error;        /* of the last run, shown in the banner */
} Job;

struct _KassaReceivablesPage
{
  AdwBin                parent_instance;

  AdwViewSwitcher      *section_switcher;
  GtkSpinner           *spinner;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwViewStack         *section_stack;
  AdwBin               *aging_bin;
  AdwBin               *collections_bin;
  AdwViewStackPage     *warnings_stack_page;
  GtkStack             *warnings_stack;
  GtkLabel             *warnings_description;
  GtkListBox           *warning_list;
  GtkListBox           *credit_list;

  KassaStore           *store;
  KassaAgingView       *aging_view;
  KassaKpiView         *kpi_view;
  Job                   aging_job;
  Job                   indicators_job;
  KassaDay              indicators_today;
  KassaAgingBasis       settings_basis;
  guint                 refresh_id;
  gulong                after_paint_id;   /* waiting for the first frame */
  GdkFrameClock        *frame_clock;
  gboolean              env_handled;
};

G_DEFINE_FINAL_TYPE (KassaReceivablesPage, kassa_receivables_page, ADW_TYPE_BIN)

typedef struct
{
  char            *store_path;
  KassaDay         today;
  KassaDay         as_of;
  KassaAgingBasis  basis;
} Query;

typedef struct
{
  GArray           *trend;     /* of KassaReceivablesKpis */
  GPtrArray        *warnings;  /* of KassaCustomerWarning */
  GPtrArray        *credit;    /* of KassaCreditUse */
  KassaWarningRule  rule;
} Indicators;

static void start_aging      (KassaReceivablesPage *self);
static void start_indicators (KassaReceivablesPage *self);

/* ---- the early warnings, named ---- */

void
kassa_customer_warning_free (KassaCustomerWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->customer_name);
  g_free (warning->text);
  g_free (warning);
}

static KassaCustomerWarning *
name_warning (KassaStore                  *store,
              const KassaPaymentBehaviour *behaviour)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_store_get_customer (store, behaviour->customer_id,
                                                                      NULL);
  KassaCustomerWarning *warning = g_new0 (KassaCustomerWarning, 1);

  warning->customer_id = behaviour->customer_id;
  warning->customer_name = g_strdup (customer != NULL ? customer->name : "");
  warning->text = g_strdup (behaviour->warning_text != NULL ? behaviour->warning_text : "");
  warning->recent_days_late = behaviour->recent_days_late;
  warning->baseline_days_late = behaviour->baseline_days_late;
  return warning;
}

GPtrArray *
kassa_customer_warnings_list (KassaStore              *store,
                              KassaDay                 today,
                              const KassaWarningRule  *rule,
                              GError                 **error)
{
  g_autoptr(GPtrArray) behaviours = NULL;
  GPtrArray *warnings;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (rule != NULL, NULL);

  behaviours = kassa_payment_warnings_list (store, today, rule, error);
  if (behaviours == NULL)
    return NULL;

  warnings = g_ptr_array_new_full (behaviours->len, (GDestroyNotify) kassa_customer_warning_free);
  for (guint i = 0; i < behaviours->len; i++)
    g_ptr_array_add (warnings, name_warning (store, g_ptr_array_index (behaviours, i)));

  return warnings;
}

/* ---- worker threads ---- */

static void
query_free (Query *query)
{
  g_free (query->store_path);
  g_free (query);
}

static void
indicators_free (Indicators *indicators)
{
  g_clear_pointer (&indicators->trend, g_array_unref);
  g_clear_pointer (&indicators->warnings, g_ptr_array_unref);
  g_clear_pointer (&indicators->credit, g_ptr_array_unref);
  g_free (indicators);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Indicators, indicators_free)

static void
compute_aging_in_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  Query *query = task_data;
  g_autoptr(KassaStore) store = NULL;
  KassaAging *aging = NULL;
  GError *error = NULL;

  store = kassa_store_open (query->store_path, &error);
  if (store != NULL)
    aging = kassa_aging_compute (store, query->as_of, query->basis, &error);

  if (aging == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, aging, (GDestroyNotify) kassa_aging_free);
}

static gboolean
compute_indicators (KassaStore  *store,
                    KassaDay     today,
                    Indicators  *indicators,
                    GError     **error)
{
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_load (store);

  indicators->rule = settings->warning;
  indicators->trend = kassa_receivables_kpi_trend (store, today, KASSA_KPI_TREND_MONTHS,
                                                   KASSA_KPI_WINDOW_DAYS, error);
  if (indicators->trend == NULL)
    return FALSE;

  indicators->warnings = kassa_customer_warnings_list (store, today, &settings->warning, error);
  if (indicators->warnings == NULL)
    return FALSE;

  indicators->credit = kassa_credit_limit_exceeded_list (store, today, error);
  return indicators->credit != NULL;
}

static void
compute_indicators_in_thread (GTask        *task,
                              gpointer      source_object,
                              gpointer      task_data,
                              GCancellable *cancellable)
{
  Query *query = task_data;
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(Indicators) indicators = g_new0 (Indicators, 1);
  GError *error = NULL;

  store = kassa_store_open (query->store_path, &error);
  if (store == NULL || !compute_indicators (store, query->today, indicators, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&indicators), (GDestroyNotify) indicators_free);
}

/* ---- jobs ---- */

static gboolean
job_running (const Job *job)
{
  return job->cancellable != NULL;
}

static void
job_cancel (Job *job)
{
  if (job->cancellable != NULL)
    g_cancellable_cancel (job->cancellable);
  g_clear_object (&job->cancellable);
  job->pending = FALSE;
}

static void
update_busy (KassaReceivablesPage *self)
{
  gboolean busy = job_running (&self->aging_job) || job_running (&self->indicators_job) ||
                  self->after_paint_id != 0;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
update_error (KassaReceivablesPage *self)
{
  const char *aging = self->aging_job.error;
  const char *indicators = self->indicators_job.error;
  g_autofree char *text = NULL;

  if (aging != NULL && indicators != NULL)
    text = g_strdup_printf ("%s\n%s", aging, indicators);
  else
    text = g_strdup (aging != NULL ? aging : indicators);

  gtk_label_set_text (self->error_label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->error_revealer, text != NULL);
}

static void
job_set_error (KassaReceivablesPage *self,
               Job                  *job,
               const GError         *error)
{
  g_clear_pointer (&job->error, g_free);
  if (error != NULL)
    {
      g_warning ("Cannot compute the receivables: %s", error->message);
      job->error = g_strdup (error->message);
    }
  update_error (self);
}

/* TRUE when the result of task is to be used: not cancelled, not stale. */
static gboolean
job_finish (KassaReceivablesPage *self,
            Job                  *job,
            GTask                *task,
            void                (*restart) (KassaReceivablesPage *))
{
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (g_cancellable_is_cancelled (cancellable) || cancellable != job->cancellable)
    return FALSE;

  g_clear_object (&job->cancellable);
  if (job->pending)
    {
      job->pending = FALSE;
      restart (self);
      return FALSE;
    }

  update_busy (self);
  return TRUE;
}

static void
job_request (KassaReceivablesPage *self,
             Job                  *job,
             void                (*start) (KassaReceivablesPage *))
{
  /* Hidden, or shown but not painted yet: the worker threads would only
   * compete with the first frame for the two cores. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->after_paint_id != 0)
    {
      job->dirty = TRUE;
      return;
    }

  job->dirty = FALSE;
  if (job_running (job))
    job->pending = TRUE;
  else
    start (self);
}

static GTask *
job_start (KassaReceivablesPage *self,
           Job                  *job,
           GAsyncReadyCallback   callback,
           Query                *query)
{
  GTask *task;

  job->cancellable = g_cancellable_new ();
  task = g_task_new (self, job->cancellable, callback, NULL);
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);
  update_busy (self);

  return task;
}

static Query *
query_new (KassaReceivablesPage *self)
{
  Query *query = g_new0 (Query, 1);

  query->store_path = g_strdup (kassa_store_get_path (self->store));
  query->today = kassa_clock_today ();
  query->as_of = kassa_aging_view_get_as_of (self->aging_view);
  query->basis = kassa_aging_view_get_basis (self->aging_view);
  return query;
}

static char *
company_currency (KassaReceivablesPage *self)
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (self->store);

  return g_strdup (company != NULL && company->currency[0] != '\0' ? company->currency : "EUR");
}

static void
on_aging_done (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  KassaReceivablesPage *self = KASSA_RECEIVABLES_PAGE (source_object);
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;
  KassaAging *aging = g_task_propagate_pointer (G_TASK (result), &error);

  if (!job_finish (self, &self->aging_job, G_TASK (result), start_aging))
    {
      g_clear_pointer (&aging, kassa_aging_free);
      return;
    }

  job_set_error (self, &self->aging_job, error);
  if (aging == NULL)
    return;

  currency = company_currency (self);
  kassa_aging_view_set_aging (self->aging_view, aging, currency);
}

static void
start_aging (KassaReceivablesPage *self)
{
  g_autoptr(GTask) task = job_start (self, &self->aging_job, on_aging_done, query_new (self));

  g_task_set_source_tag (task, start_aging);
  g_task_run_in_thread (task, compute_aging_in_thread);
}

/* ---- the Warnings section ---- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
create_customer_row (gint64      customer_id,
                     const char *title,
                     const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), CUSTOMER_ID_KEY,
                          g_memdup2 (&customer_id, sizeof customer_id), g_free);
  return row;
}

static GtkWidget *
create_suffix (const char *top,
               const char *bottom,
               const char *top_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *first = gtk_label_new (top);
  GtkWidget *second = gtk_label_new (bottom);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (first), 1);
  gtk_label_set_xalign (GTK_LABEL (second), 1);
  gtk_widget_add_css_class (first, "numeric");
  gtk_widget_add_css_class (first, "heading");
  if (top_class != NULL)
    gtk_widget_add_css_class (first, top_class);
  gtk_widget_add_css_class (second, "numeric");
  gtk_widget_add_css_class (second, "dim-label");
  gtk_widget_add_css_class (second, "caption");
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  return box;
}

static void
finish_row (GtkWidget *row,
            GtkWidget *suffix)
{
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
}

static GtkWidget *
create_warning_row (const KassaCustomerWarning *warning)
{
  GtkWidget *row = create_customer_row (warning->customer_id, warning->customer_name,
                                        warning->text);
  g_autofree char *recent = kassa_kpi_format_number (KASSA_KPI_AVERAGE_DAYS_LATE,
                                                     warning->recent_days_late);
  g_autofree char *usual = kassa_kpi_format_number (KASSA_KPI_AVERAGE_DAYS_LATE,
                                                    warning->baseline_days_late);
  g_autofree char *top = NULL;
  g_autofree char *bottom = NULL;

  /* Translators: average days late of a customer's latest invoices, e.g. "16.0 days late" */
  top = g_strdup_printf (C_("early warning", "%s days late"), recent);
  /* Translators: the customer's usual days late, under the recent ones, e.g. "usually 4.0 days late" */
  bottom = g_strdup_printf (C_("early warning", "usually %s days late"), usual);
  finish_row (row, create_suffix (top, bottom, "warning"));
  return row;
}

static GtkWidget *
create_credit_row (const KassaCreditUse *use,
                   const char           *currency)
{
  g_autofree char *open = kassa_format_money (use->open, currency);
  g_autofree char *limit = kassa_format_money (use->credit_limit, currency);
  g_autofree char *excess = kassa_format_money (use->open - use->credit_limit, currency);
  g_autofree char *subtitle = NULL;
  g_autofree char *top = NULL;
  GtkWidget *row;

  /* Translators: a customer over the credit limit: open amount and the limit */
  subtitle = g_strdup_printf (_("Open %s · limit %s"), open, limit);
  row = create_customer_row (use->customer_id, use->customer_name, subtitle);
  /* Translators: how much a customer is over the credit limit, e.g. "1 200,00 € over" */
  top = g_strdup_printf (C_("credit limit", "%s over"), excess);
  finish_row (row, create_suffix (top, "", "error"));
  return row;
}

static void
append_more_row (GtkListBox *list,
                 guint       n_more)
{
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (n_more == 0)
    return;

  /* Translators: the last row of a cut list */
  text = g_strdup_printf (ngettext ("… and %u more", "… and %u more", n_more), n_more);
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_append (list, label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (label)), FALSE);
}

static void
set_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_set_placeholder (list, label);
}

static void
update_warnings_description (KassaReceivablesPage   *self,
                             const KassaWarningRule *rule)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *text = NULL;

  /* Translators: explains the early warning; %d is how many of the latest paid invoices count */
  first = g_strdup_printf (ngettext ("Customers whose latest %d paid invoice was paid later than usual for them.",
                                     "Customers whose latest %d paid invoices were paid later than usual for them.",
                                     rule->recent_count), rule->recent_count);
  /* Translators: explains the early warning; %d is a number of days */
  second = g_strdup_printf (ngettext ("Later means on average at least %d day more than the customer’s median before.",
                                      "Later means on average at least %d days more than the customer’s median before.",
                                      rule->min_extra_days), rule->min_extra_days);
  text = g_strconcat (first, " ", second, NULL);
  gtk_label_set_text (self->warnings_description, text);
}

static void
show_warnings (KassaReceivablesPage *self,
               Indicators           *indicators)
{
  g_autofree char *currency = company_currency (self);
  guint n_warnings = indicators->warnings->len;
  guint n_credit = indicators->credit->len;
  AdwViewStackPage *page = self->warnings_stack_page;

  clear_list (self->warning_list);
  clear_list (self->credit_list);
  update_warnings_description (self, &indicators->rule);

  for (guint i = 0; i < MIN (n_warnings, MAX_LIST_ROWS); i++)
    gtk_list_box_append (self->warning_list,
                         create_warning_row (g_ptr_array_index (indicators->warnings, i)));
  append_more_row (self->warning_list, n_warnings - MIN (n_warnings, MAX_LIST_ROWS));

  for (guint i = 0; i < MIN (n_credit, MAX_LIST_ROWS); i++)
    gtk_list_box_append (self->credit_list,
                         create_credit_row (g_ptr_array_index (indicators->credit, i), currency));
  append_more_row (self->credit_list, n_credit - MIN (n_credit, MAX_LIST_ROWS));

  gtk_stack_set_visible_child_name (self->warnings_stack,
                                    n_warnings + n_credit > 0 ? "list" : "empty");
  adw_view_stack_page_set_badge_number (page, n_warnings + n_credit);
  adw_view_stack_page_set_needs_attention (page, n_warnings + n_credit > 0);
}

static void
on_indicators_done (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  KassaReceivablesPage *self = KASSA_RECEIVABLES_PAGE (source_object);
  g_autoptr(GError) error = NULL;
  g_autoptr(Indicators) indicators = g_task_propagate_pointer (G_TASK (result), &error);

  if (!job_finish (self, &self->indicators_job, G_TASK (result), start_indicators))
    return;

  /* On failure the last figures stay, under the banner that says why. */
  job_set_error (self, &self->indicators_job, error);
  if (indicators == NULL)
    return;

  kassa_kpi_view_set_trend (self->kpi_view, indicators->trend);
  show_warnings (self, indicators);
}

static void
start_indicators (KassaReceivablesPage *self)
{
  Query *query = query_new (self);
  g_autoptr(GTask) task = NULL;

  self->indicators_today = query->today;
  task = job_start (self, &self->indicators_job, on_indicators_done, query);
  g_task_set_source_tag (task, start_indicators);
  g_task_run_in_thread (task, compute_indicators_in_thread);
}

/* ---- callbacks ---- */

static GtkWindow *
parent_window (KassaReceivablesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_customer_row_activated (KassaReceivablesPage *self,
                           GtkListBoxRow        *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), CUSTOMER_ID_KEY);

  if (id != NULL)
    kassa_customer_view_present (parent_window (self), self->store, *id);
}

static void
on_section_changed (KassaReceivablesPage *self)
{
  /* Escape in the aging's drill-down must not leak into other sections. */
  if (self->aging_view != NULL &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->section_stack), "aging") != 0)
    kassa_aging_view_show_summary (self->aging_view);
}

static void
on_aging_query_changed (KassaReceivablesPage *self)
{
  job_request (self, &self->aging_job, start_aging);
}

/* A ladder or rule saved in the settings: the aging follows a new default
 * basis, but a basis chosen on the page stays until then. */
static void
follow_settings_basis (KassaReceivablesPage *self)
{
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_load (self->store);

  if (settings->aging_basis == self->settings_basis)
    return;

  self->settings_basis = settings->aging_basis;
  kassa_aging_view_set_basis (self->aging_view, settings->aging_basis);
}

static gboolean
refresh_idle (gpointer user_data)
{
  KassaReceivablesPage *self = KASSA_RECEIVABLES_PAGE (user_data);

  self->refresh_id = 0;
  kassa_receivables_page_refresh (self);

  return G_SOURCE_REMOVE;
}

/* Several writes often arrive together (an invoice and its payment):
 * recompute once, on the next idle. */
static void
on_store_changed (KassaReceivablesPage *self,
                  guint                 what)
{
  if ((what & RELEVANT_CHANGES) == 0)
    return;

  if (what & KASSA_STORE_CHANGE_SETTINGS)
    follow_settings_basis (self);

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

static void
collection_settings_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  KassaReceivablesPage *self = KASSA_RECEIVABLES_PAGE (widget);

  kassa_collection_settings_dialog_present (parent_window (self), self->store);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  kassa_receivables_page_show_section (KASSA_RECEIVABLES_PAGE (widget),
                                       g_variant_get_string (parameter, NULL));
}

static void
open_from_environment (KassaReceivablesPage *self)
{
  const char *value = g_getenv (SECTION_ENV);
  g_auto(GStrv) parts = NULL;

  self->env_handled = TRUE;
  if (value == NULL)
    return;

  if (!g_str_has_prefix (value, "invoices:"))
    {
      kassa_receivables_page_show_section (self, value);
      return;
    }

  parts = g_strsplit (value, ":", 3);
  if (g_strv_length (parts) == 3)
    {
      gint64 customer_id = g_ascii_strtoll (parts[1], NULL, 10);
      gint64 bucket = g_ascii_strtoll (parts[2], NULL, 10);

      bucket = CLAMP (bucket, KASSA_AGING_VIEW_ALL_BUCKETS, KASSA_AGING_OVER_90);
      kassa_aging_view_show_invoices (self->aging_view, customer_id, (int) bucket);
    }
}

/* ---- GtkWidget ---- */

static void
stop_waiting_for_paint (KassaReceivablesPage *self)
{
  if (self->after_paint_id != 0)
    g_signal_handler_disconnect (self->frame_clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->frame_clock);
}

static void
run_dirty_jobs (KassaReceivablesPage *self)
{
  if (self->aging_job.dirty)
    job_request (self, &self->aging_job, start_aging);
  if (self->indicators_job.dirty)
    job_request (self, &self->indicators_job, start_indicators);
}

static void
on_after_paint (GdkFrameClock        *frame_clock,
                KassaReceivablesPage *self)
{
  stop_waiting_for_paint (self);
  run_dirty_jobs (self);
}

static void
kassa_receivables_page_map (GtkWidget *widget)
{
  KassaReceivablesPage *self = KASSA_RECEIVABLES_PAGE (widget);
  GdkFrameClock *frame_clock;

  GTK_WIDGET_CLASS (kassa_receivables_page_parent_class)->map (widget);

  if (!self->env_handled)
    open_from_environment (self);

  /* The day may have turned while the page was hidden. */
  if (self->indicators_today != kassa_clock_today ())
    self->indicators_job.dirty = TRUE;

  /* Show the page (spinner and all) first, compute after its frame. */
  frame_clock = gtk_widget_get_frame_clock (widget);
  if (frame_clock == NULL || self->after_paint_id != 0)
    {
      run_dirty_jobs (self);
      return;
    }

  self->frame_clock = g_object_ref (frame_clock);
  self->after_paint_id = g_signal_connect (frame_clock, "after-paint",
                                           G_CALLBACK (on_after_paint), self);
  gtk_widget_queue_draw (widget);
  update_busy (self);
}

static void
kassa_receivables_page_unmap (GtkWidget *widget)
{
  stop_waiting_for_paint (KASSA_RECEIVABLES_PAGE (widget));

  GTK_WIDGET_CLASS (kassa_receivables_page_parent_class)->unmap (widget);
}

static void
kassa_receivables_page_dispose (GObject *object)
{
  KassaReceivablesPage *self = KASSA_RECEIVABLES_PAGE (object);

  /* Results still on their way are dropped (job_finish sees the cancel). */
  job_cancel (&self->aging_job);
  job_cancel (&self->indicators_job);
  stop_waiting_for_paint (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  self->aging_view = NULL;
  self->kpi_view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_RECEIVABLES_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_receivables_page_parent_class)->dispose (object);
}

static void
kassa_receivables_page_finalize (GObject *object)
{
  KassaReceivablesPage *self = KASSA_RECEIVABLES_PAGE (object);

  g_free (self->aging_job.error);
  g_free (self->indicators_job.error);

  G_OBJECT_CLASS (kassa_receivables_page_parent_class)->finalize (object);
}

static void
kassa_receivables_page_class_init (KassaReceivablesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_receivables_page_dispose;
  object_class->finalize = kassa_receivables_page_finalize;
  widget_class->map = kassa_receivables_page_map;
  widget_class->unmap = kassa_receivables_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-receivables-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaReceivablesPage, section_switcher);
  gtk_widget_class_bind_template_child (widget_class, KassaReceivablesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, KassaReceivablesPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, KassaReceivablesPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, KassaReceivablesPage, section_stack);
  gtk_widget_class_bind_template_child (widget_class, KassaReceivablesPage, aging_bin);
  gtk_widget_class_bind_template_child (widget_class, KassaReceivablesPage, collections_bin);
  gtk_widget_class_bind_template_child (widget_class, KassaReceivablesPage, warnings_stack_page);
  gtk_widget_class_bind_template_child (widget_class, KassaReceivablesPage, warnings_stack);
  gtk_widget_class_bind_template_child (widget_class, KassaReceivablesPage, warnings_description);
  gtk_widget_class_bind_template_child (widget_class, KassaReceivablesPage, warning_list);
  gtk_widget_class_bind_template_child (widget_class, KassaReceivablesPage, credit_list);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_section_changed);

  gtk_widget_class_install_action (widget_class, "receivables.collection-settings", NULL,
                                   collection_settings_action);
  gtk_widget_class_install_action (widget_class, "receivables.show-section", "s",
                                   show_section_action);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
create_kpi_header (KassaReceivablesPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (_("Key Figures"));
  GtkWidget *caption = gtk_label_new (_("Today, and the last 12 months"));

  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_valign (heading, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (title, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (caption, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (heading), title);
  gtk_box_append (GTK_BOX (heading), caption);

  self->kpi_view = KASSA_KPI_VIEW (kassa_kpi_view_new ());
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->kpi_view));
  return box;
}

static void
kassa_receivables_page_init (KassaReceivablesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_placeholder (self->warning_list, _("No customer is paying later than usual."));
  set_placeholder (self->credit_list, _("No customer is over the credit limit."));
  self->aging_job.dirty = TRUE;
  self->indicators_job.dirty = TRUE;
}

GtkWidget *
kassa_receivables_page_new (KassaStore *store)
{
  KassaReceivablesPage *self;
  g_autoptr(KassaCollectionSettings) settings = NULL;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_RECEIVABLES_PAGE, NULL);
  self->store = g_object_ref (store);

  self->aging_view = KASSA_AGING_VIEW (kassa_aging_view_new (store));
  kassa_aging_view_set_header (self->aging_view, create_kpi_header (self));
  adw_bin_set_child (self->aging_bin, GTK_WIDGET (self->aging_view));
  adw_bin_set_child (self->collections_bin, kassa_worklist_view_new (store));

  settings = kassa_collection_settings_load (store);
  self->settings_basis = settings->aging_basis;
  kassa_aging_view_set_basis (self->aging_view, settings->aging_basis);
  g_signal_connect_object (self->aging_view, "query-changed", G_CALLBACK (on_aging_query_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

void
kassa_receivables_page_show_section (KassaReceivablesPage *self,
                                     const char           *name)
{
  g_return_if_fail (KASSA_IS_RECEIVABLES_PAGE (self));

  if (g_strcmp0 (name, "aging") != 0 && g_strcmp0 (name, "collections") != 0 &&
      g_strcmp0 (name, "warnings") != 0)
    {
      g_warning ("No receivables section “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->section_stack, name);
}

const char *
kassa_receivables_page_get_section (KassaReceivablesPage *self)
{
  g_return_val_if_fail (KASSA_IS_RECEIVABLES_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->section_stack);
}

void
kassa_receivables_page_refresh (KassaReceivablesPage *self)
{
  g_return_if_fail (KASSA_IS_RECEIVABLES_PAGE (self));

  job_request (self, &self->aging_job, start_aging);
  job_request (self, &self->indicators_job, start_indicators);
}

gboolean
kassa_receivables_page_get_busy (KassaReceivablesPage *self)
{
  g_return_val_if_fail (KASSA_IS_RECEIVABLES_PAGE (self), FALSE);

  return self->refresh_id != 0 ||
         job_running (&self->aging_job) || self->aging_job.pending || self->aging_job.dirty ||
         job_running (&self->indicators_job) || self->indicators_job.pending ||
         self->indicators_job.dirty ||
         kassa_aging_view_get_busy (self->aging_view);
}

KassaAgingView *
kassa_receivables_page_get_aging_view (KassaReceivablesPage *self)
{
  g_return_val_if_fail (KASSA_IS_RECEIVABLES_PAGE (self), NULL);

  return self->aging_view;
}

KassaKpiView *
kassa_receivables_page_get_kpi_view (KassaReceivablesPage *self)
{
  g_return_val_if_fail (KASSA_IS_RECEIVABLES_PAGE (self), NULL);

  return self->kpi_view;
}

GtkListBox *
kassa_receivables_page_get_warning_list (KassaReceivablesPage *self)
{
  g_return_val_if_fail (KASSA_IS_RECEIVABLES_PAGE (self), NULL);

  return self->warning_list;
}

GtkListBox *
kassa_receivables_page_get_credit_list (KassaReceivablesPage *self)
{
  g_return_val_if_fail (KASSA_IS_RECEIVABLES_PAGE (self), NULL);

  return self->credit_list;
}
