/* kassa-customer-relationship-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The relationship data and the NPS responses are one customer's rows and
 * are read at once; the value figures need the whole company's report
 * (ABC and RFM rank the customer among all others), so they come from a
 * thread and the rows show a dash until then.
 */
#define G_LOG_DOMAIN "kassa-customer-relationship-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-customer-relationship-view.h"
#include "kassa-date.h"
#include "kassa-format.h"
#include "kassa-money.h"
#include "kassa-nps-response-dialog.h"
#include "kassa-relationship-editor.h"

/* Everything but the cash flow plans can move a customer's figures or rank. */
#define RELEVANT_CHANGES (KASSA_STORE_CHANGE_COMPANY | KASSA_STORE_CHANGE_CUSTOMERS | \
                          KASSA_STORE_CHANGE_INVOICES | KASSA_STORE_CHANGE_PAYMENTS | \
                          KASSA_STORE_CHANGE_COLLECTIONS | KASSA_STORE_CHANGE_SETTINGS)

typedef enum
{
  ROW_REVENUE,
  ROW_MARGIN,
  ROW_INVOICES,
  ROW_LAST_INVOICE,
  ROW_EINVOICE,
  ROW_ABC,
  ROW_RFM,
  ROW_LIFECYCLE,
  ROW_KEY_ACCOUNT,
  ROW_CONSENT,
  ROW_NPS,
  N_ROWS
} RowKind;

typedef struct
{
  const char *name;
  const char *title;  /* N_() */
} RowSpec;

static const RowSpec row_specs[N_ROWS] = {
  { "relationship-revenue", N_("Revenue") },
  { "relationship-margin", N_("Gross Margin") },
  { "relationship-invoices", N_("Invoices") },
  { "relationship-last-invoice", N_("Since Last Invoice") },
  { "relationship-einvoice", N_("Sent as E-invoices") },
  { "relationship-abc", N_("ABC Class") },
  { "relationship-rfm", N_("RFM Scores") },
  { "relationship-lifecycle", N_("Lifecycle Stage") },
  { "relationship-key-account", N_("Key Account") },
  { "relationship-consent", N_("Marketing Consent") },
  { "relationship-nps", N_("Latest NPS Score") },
};

struct _KassaCustomerRelationshipView
{
  AdwBin                     parent_instance;

  AdwPreferencesGroup       *value_group;
  GtkSpinner                *spinner;
  GtkListBox                *nps_list;

  AdwActionRow              *rows[N_ROWS];
  GtkLabel                  *labels[N_ROWS];

  KassaStore                *store;
  gint64                     customer_id;
  char                       currency[4];
  KassaCustomerRelationship *relationship;
  GPtrArray                 *responses;   /* of KassaNpsResponse, newest first */
  KassaValueReport          *report;
  const KassaCustomerValue  *value;       /* in report; NULL if the customer is not in it */
  GCancellable              *cancellable; /* the computation under way */
  guint                      refresh_id;
};

G_DEFINE_FINAL_TYPE (KassaCustomerRelationshipView, kassa_customer_relationship_view, ADW_TYPE_BIN)

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

/* Rows */

static void
add_rows (KassaCustomerRelationshipView *self)
{
  for (guint i = 0; i < N_ROWS; i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *label = gtk_label_new ("–");

      gtk_widget_set_name (GTK_WIDGET (row), row_specs[i].name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(row_specs[i].title));
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      /* One line: a wrapped figure ("18 / days") reads badly, and the
       * titles are short enough to give way. */
      gtk_label_set_wrap (GTK_LABEL (label), FALSE);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (row, label);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      adw_preferences_group_add (self->value_group, GTK_WIDGET (row));
      self->rows[i] = row;
      self->labels[i] = GTK_LABEL (label);
    }
}

static void
set_row (KassaCustomerRelationshipView *self,
         RowKind                        kind,
         const char                    *text,
         const char                    *subtitle)
{
  gtk_label_set_text (self->labels[kind], text != NULL ? text : "–");
  adw_action_row_set_subtitle (self->rows[kind], subtitle != NULL ? subtitle : "");
}

static char *
money (KassaCustomerRelationshipView *self,
       gint64                         minor)
{
  return kassa_format_money (minor, self->currency);
}

static char *
percent (gint basis_points)
{
  return kassa_percent_format (basis_points, kassa_locale_current ());
}

static const char *
nps_group (gint score)
{
  if (score >= 9)
    return _("Promoter");
  if (score >= 7)
    return C_("NPS", "Passive");
  return _("Detractor");
}

/* The value figures */

static void
show_sales (KassaCustomerRelationshipView *self,
            const KassaCustomerValue      *v)
{
  g_autofree char *revenue = money (self, v->revenue);
  g_autofree char *margin = money (self, v->margin);
  g_autofree char *margin_pct = percent (v->margin_bp);
  g_autofree char *cost = money (self, v->cost);
  g_autofree char *margin_text = NULL;
  g_autofree char *cost_text = NULL;
  g_autofree char *count = NULL;
  g_autofree char *average = money (self, v->average_invoice);
  g_autofree char *average_text = NULL;
  g_autofree char *einvoice = percent (v->einvoice_share_bp);

  /* Translators: a gross margin and its share of the revenue, "€1,200.00 (24.0 %)" */
  margin_text = g_strdup_printf (_("%s (%s)"), margin, margin_pct);
  /* Translators: %s is an amount of money */
  cost_text = g_strdup_printf (_("After costs of %s"), cost);
  count = g_strdup_printf ("%u", v->n_invoices);
  /* Translators: %s is an amount of money */
  average_text = g_strdup_printf (_("Average invoice %s"), average);

  set_row (self, ROW_REVENUE, revenue, _("Net of VAT, credit notes included"));
  set_row (self, ROW_MARGIN, margin_text, cost_text);
  if (v->margin < 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->labels[ROW_MARGIN]), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->labels[ROW_MARGIN]), "error");
  set_row (self, ROW_INVOICES, count, v->n_invoices > 0 ? average_text : NULL);
  set_row (self, ROW_EINVOICE, v->n_invoices > 0 ? einvoice : NULL, NULL);
}

static void
show_last_invoice (KassaCustomerRelationshipView *self,
                   const KassaCustomerValue      *v)
{
  g_autofree char *days = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;

  if (v->days_since_last < 0)
    {
      set_row (self, ROW_LAST_INVOICE, _("Never invoiced"), NULL);
      return;
    }

  days = g_strdup_printf (ngettext ("%d day", "%d days", v->days_since_last), v->days_since_last);
  date = kassa_format_day (v->last_invoice);
  /* Translators: %s is a date */
  subtitle = g_strdup_printf (_("Last invoice issued on %s"), date);
  set_row (self, ROW_LAST_INVOICE, days, subtitle);
}

static void
show_abc (KassaCustomerRelationshipView *self,
          const KassaCustomerValue      *v)
{
  const KassaValueOptions *options = kassa_value_report_get_options (self->report);
  g_autofree char *subtitle = NULL;

  if (v->abc_override != KASSA_ABC_NONE)
    /* Translators: %s is the ABC class worked out from the figures, "B" */
    subtitle = g_strdup_printf (_("Set by hand; computed class %s"),
                                kassa_abc_class_to_string (v->abc_computed));
  else
    subtitle = g_strdup (options->abc_basis == KASSA_ABC_BY_MARGIN
                         ? _("Computed from the share of the gross margin")
                         : _("Computed from the share of the revenue"));

  set_row (self, ROW_ABC, kassa_abc_class_to_string (v->abc), subtitle);
}

static void
show_rfm (KassaCustomerRelationshipView *self,
          const KassaCustomerValue      *v)
{
  g_autofree char *scores = NULL;
  g_autofree char *segment = NULL;

  if (v->recency == 0)
    {
      set_row (self, ROW_RFM, _("Not scored"), _("No invoices yet"));
      return;
    }

  /* Translators: recency, frequency and monetary scores 1–5; keep the letters short */
  scores = g_strdup_printf (_("R %u · F %u · M %u"), v->recency, v->frequency, v->monetary);
  /* Translators: an RFM segment and the advice for it, "Champions: Reward them." */
  segment = g_strdup_printf (_("%s: %s"), kassa_rfm_segment_to_string (v->segment),
                             kassa_rfm_segment_describe (v->segment));
  set_row (self, ROW_RFM, scores, segment);
}

/* The rule is worked out again here because the report keeps only the
 * stage; it is the same pure function the report uses. */
static char *
lifecycle_rule (const KassaCustomerValue *v)
{
  char *rule = NULL;

  if (kassa_lifecycle_suggest (v->first_invoice, v->last_invoice, v->key_account, v->abc,
                               kassa_clock_today (), &rule) != v->lifecycle_suggested)
    {
      g_clear_pointer (&rule, g_free);
      kassa_lifecycle_suggest (v->first_invoice, v->last_invoice, v->key_account,
                               v->abc_computed, kassa_clock_today (), &rule);
    }
  return rule;
}

static void
show_lifecycle (KassaCustomerRelationshipView *self,
                const KassaCustomerValue      *v)
{
  g_autofree char *rule = lifecycle_rule (v);
  g_autofree char *subtitle = NULL;

  if (v->lifecycle_override != KASSA_LIFECYCLE_NO_OVERRIDE)
    /* Translators: %s is the lifecycle stage suggested from the customer's activity */
    subtitle = g_strdup_printf (_("Set by hand; suggested: %s"),
                                kassa_lifecycle_stage_to_string (v->lifecycle_suggested));
  else
    /* Translators: %s is the rule that suggested the stage */
    subtitle = g_strdup_printf (_("Suggested: %s"), rule != NULL ? rule : "");

  set_row (self, ROW_LIFECYCLE, kassa_lifecycle_stage_to_string (v->lifecycle), subtitle);
}

static void
show_value (KassaCustomerRelationshipView *self)
{
  const KassaCustomerValue *v = self->value;
  const KassaValueOptions *options;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *period = NULL;

  if (self->report == NULL)
    return;

  options = kassa_value_report_get_options (self->report);
  from = kassa_format_day (options->from);
  to = kassa_format_day (options->to);
  /* Translators: the period of the figures, two dates */
  period = g_strdup_printf (_("Figures of %s – %s"), from, to);
  adw_preferences_group_set_description (self->value_group, period);

  if (v == NULL)
    {
      /* Archived customers without sales are not in the report. */
      for (guint i = ROW_REVENUE; i <= ROW_LIFECYCLE; i++)
        set_row (self, i, NULL, i == ROW_REVENUE ? _("No sales in the period") : NULL);
      return;
    }

  show_sales (self, v);
  show_last_invoice (self, v);
  show_abc (self, v);
  show_rfm (self, v);
  show_lifecycle (self, v);
}

/* The relationship rows */

static void
show_key_account (KassaCustomerRelationshipView *self)
{
  const KassaCustomerRelationship *r = self->relationship;
  g_autofree char *owner = NULL;

  if (r->account_owner != NULL && r->account_owner[0] != '\0')
    /* Translators: %s is the name of the person who looks after the customer */
    owner = g_strdup_printf (_("Account owner: %s"), r->account_owner);

  set_row (self, ROW_KEY_ACCOUNT, r->key_account ? _("Yes") : _("No"),
           owner != NULL ? owner : _("No account owner"));
}

static void
show_consent (KassaCustomerRelationshipView *self)
{
  const KassaCustomerRelationship *r = self->relationship;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  gboolean has_source = r->consent_source != NULL && r->consent_source[0] != '\0';

  if (r->consent_date > 0)
    date = kassa_format_day (r->consent_date);

  if (date != NULL && has_source)
    /* Translators: when and how marketing consent was given or refused, "On 3.11.2026 via web form" */
    subtitle = g_strdup_printf (_("On %s via %s"), date, r->consent_source);
  else if (date != NULL)
    /* Translators: %s is the date marketing consent was given or refused */
    subtitle = g_strdup_printf (_("On %s"), date);
  else if (has_source)
    /* Translators: %s is how marketing consent was asked, "web form" */
    subtitle = g_strdup_printf (_("Via %s"), r->consent_source);

  set_row (self, ROW_CONSENT, kassa_consent_to_string (r->consent), subtitle);
}

static void
show_latest_nps (KassaCustomerRelationshipView *self)
{
  const KassaNpsResponse *latest;
  g_autofree char *score = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;

  if (self->responses->len == 0)
    {
      set_row (self, ROW_NPS, _("No responses"), NULL);
      return;
    }

  latest = g_ptr_array_index (self->responses, 0);
  score = g_strdup_printf ("%d", latest->score);
  date = kassa_format_day (latest->date);
  /* Translators: the group of an NPS score and the day it was given, "Promoter, 3.11.2026" */
  subtitle = g_strdup_printf (_("%s, %s"), nps_group (latest->score), date);
  set_row (self, ROW_NPS, score, subtitle);
}

static void on_delete_response_clicked (KassaCustomerRelationshipView *self,
                                        GtkButton                     *button);

static GtkWidget *
response_row_new (KassaCustomerRelationshipView *self,
                  const KassaNpsResponse        *response,
                  guint                          index)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *date = kassa_format_day (response->date);
  g_autofree char *title = NULL;

  /* Translators: an NPS score and its group, "9 – Promoter" */
  title = g_strdup_printf (_("%d – %s"), response->score, nps_group (response->score));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (response->comment != NULL && response->comment[0] != '\0')
    {
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", date, response->comment);
      adw_action_row_set_subtitle (row, subtitle);
    }
  else
    adw_action_row_set_subtitle (row, date);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete this response"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete this response"), -1);
  gtk_widget_set_sensitive (button, !kassa_customer_relationship_view_is_anonymised (self));
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_response_clicked), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (row, button);
  return GTK_WIDGET (row);
}

static void
show_responses (KassaCustomerRelationshipView *self)
{
  GtkListBoxRow *row;

  /* Rows only: the first child may be the placeholder, which must stay. */
  while ((row = gtk_list_box_get_row_at_index (self->nps_list, 0)) != NULL)
    gtk_list_box_remove (self->nps_list, GTK_WIDGET (row));

  for (guint i = 0; i < self->responses->len; i++)
    gtk_list_box_append (self->nps_list,
                         response_row_new (self, g_ptr_array_index (self->responses, i), i));
}

static void
update_actions (KassaCustomerRelationshipView *self)
{
  gboolean editable = self->relationship != NULL && self->relationship->anonymised_on == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "relationship.edit", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "relationship.add-response", editable);
}

/* Reads this customer's own rows; they are small and indexed. */
static void
reload_relationship (KassaCustomerRelationshipView *self)
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (self->store);
  g_autoptr(GError) error = NULL;
  KassaCustomerRelationship *relationship;
  GPtrArray *responses;

  if (company != NULL)
    g_strlcpy (self->currency, company->currency, sizeof self->currency);

  relationship = kassa_store_get_customer_relationship (self->store, self->customer_id, &error);
  if (relationship == NULL)
    {
      g_warning ("Cannot read the relationship of customer %" G_GINT64_FORMAT ": %s",
                 self->customer_id, error->message);
      return;
    }
  g_clear_pointer (&self->relationship, kassa_customer_relationship_free);
  self->relationship = relationship;

  responses = kassa_store_list_nps_responses (self->store, self->customer_id, 0, 0, &error);
  if (responses == NULL)
    {
      g_warning ("Cannot read the NPS responses of customer %" G_GINT64_FORMAT ": %s",
                 self->customer_id, error->message);
      responses = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_nps_response_free);
    }
  g_clear_pointer (&self->responses, g_ptr_array_unref);
  self->responses = responses;

  show_key_account (self);
  show_consent (self);
  show_latest_nps (self);
  show_responses (self);
  update_actions (self);
}

/* The computation */

static void
set_loading (KassaCustomerRelationshipView *self,
             gboolean                       loading)
{
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
}

static void
compute_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ComputeJob *job = task_data;
  g_autoptr(KassaStore) store = NULL;
  KassaValueOptions options;
  KassaValueReport *report;
  GError *error = NULL;

  store = kassa_store_open (job->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  kassa_value_options_load (&options, store, job->today);
  report = kassa_value_report_compute (store, &options, job->today, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) kassa_value_report_free);
}

static void
on_computed (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  KassaCustomerRelationshipView *self = KASSA_CUSTOMER_RELATIONSHIP_VIEW (source_object);
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  KassaValueReport *report = g_task_propagate_pointer (task, &error);

  /* Cancelled: the view is gone or a newer computation replaced this one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (task) != self->cancellable)
    {
      g_clear_pointer (&report, kassa_value_report_free);
      return;
    }

  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);
  if (report == NULL)
    {
      g_warning ("Cannot work out the customer's value: %s", error->message);
      /* Translators: shown when the figures could not be worked out */
      adw_preferences_group_set_description (self->value_group,
                                             _("The figures could not be worked out. Close the window and open it again."));
      return;
    }

  g_clear_pointer (&self->report, kassa_value_report_free);
  self->report = report;
  self->value = kassa_value_report_find_customer (report, self->customer_id);
  show_value (self);
}

static void
start_computation (KassaCustomerRelationshipView *self)
{
  g_autoptr(GTask) task = NULL;
  ComputeJob *job = g_new0 (ComputeJob, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job->store_path = g_strdup (kassa_store_get_path (self->store));
  job->today = kassa_clock_today ();

  task = g_task_new (self, self->cancellable, on_computed, NULL);
  g_task_set_source_tag (task, start_computation);
  g_task_set_task_data (task, job, (GDestroyNotify) compute_job_free);
  g_task_run_in_thread (task, compute_in_thread);
  set_loading (self, TRUE);
}

static gboolean
refresh_idle (gpointer user_data)
{
  KassaCustomerRelationshipView *self = KASSA_CUSTOMER_RELATIONSHIP_VIEW (user_data);

  self->refresh_id = 0;
  reload_relationship (self);
  start_computation (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (KassaCustomerRelationshipView *self,
                  guint                          what)
{
  /* Writes often come in bursts: one computation for all of them. */
  if ((what & RELEVANT_CHANGES) != 0 && self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

/* Actions */

static GtkWindow *
parent_window (KassaCustomerRelationshipView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (KassaCustomerRelationshipView *self,
            AdwToast                      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KassaCustomerRelationshipView *self = KASSA_CUSTOMER_RELATIONSHIP_VIEW (widget);
  g_autoptr(GError) error = NULL;
  KassaRelationshipEditor *editor;

  editor = kassa_relationship_editor_new (parent_window (self), self->store, self->customer_id,
                                          &error);
  if (editor == NULL)
    {
      show_toast (self, adw_toast_new (error->message));
      return;
    }
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_response_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KassaCustomerRelationshipView *self = KASSA_CUSTOMER_RELATIONSHIP_VIEW (widget);

  gtk_window_present (GTK_WINDOW (kassa_nps_response_dialog_new (parent_window (self), self->store,
                                                                 self->customer_id)));
}

static void
on_undo_delete (KassaCustomerRelationshipView *self,
                AdwToast                      *toast)
{
  KassaNpsResponse *deleted = g_object_get_data (G_OBJECT (toast), "response");
  g_autoptr(KassaNpsResponse) response = kassa_nps_response_copy (deleted);
  g_autoptr(GError) error = NULL;

  /* Added again as a new response: the old id is gone. */
  response->id = 0;
  if (!kassa_store_add_nps_response (self->store, response, kassa_clock_today (), &error))
    show_toast (self, adw_toast_new (error->message));
}

static void
on_delete_response_clicked (KassaCustomerRelationshipView *self,
                            GtkButton                     *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  kassa_customer_relationship_view_delete_response (self, index);
}

/* Object */

static void
kassa_customer_relationship_view_dispose (GObject *object)
{
  KassaCustomerRelationshipView *self = KASSA_CUSTOMER_RELATIONSHIP_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_CUSTOMER_RELATIONSHIP_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_customer_relationship_view_parent_class)->dispose (object);
}

static void
kassa_customer_relationship_view_finalize (GObject *object)
{
  KassaCustomerRelationshipView *self = KASSA_CUSTOMER_RELATIONSHIP_VIEW (object);

  g_clear_pointer (&self->relationship, kassa_customer_relationship_free);
  g_clear_pointer (&self->responses, g_ptr_array_unref);
  g_clear_pointer (&self->report, kassa_value_report_free);

  G_OBJECT_CLASS (kassa_customer_relationship_view_parent_class)->finalize (object);
}

static void
kassa_customer_relationship_view_class_init (KassaCustomerRelationshipViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_customer_relationship_view_dispose;
  object_class->finalize = kassa_customer_relationship_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-customer-relationship-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerRelationshipView, value_group);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerRelationshipView, spinner);
  gtk_widget_class_bind_template_child (widget_class, KassaCustomerRelationshipView, nps_list);

  gtk_widget_class_install_action (widget_class, "relationship.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "relationship.add-response", NULL,
                                   add_response_action);
}

static void
kassa_customer_relationship_view_init (KassaCustomerRelationshipView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_strlcpy (self->currency, "EUR", sizeof self->currency);
  self->responses = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_nps_response_free);
  add_rows (self);
}

GtkWidget *
kassa_customer_relationship_view_new (KassaStore *store,
                                      gint64      customer_id)
{
  KassaCustomerRelationshipView *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (customer_id > 0, NULL);

  self = g_object_new (KASSA_TYPE_CUSTOMER_RELATIONSHIP_VIEW, NULL);
  self->store = g_object_ref (store);
  self->customer_id = customer_id;
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  reload_relationship (self);
  start_computation (self);
  return GTK_WIDGET (self);
}

gboolean
kassa_customer_relationship_view_is_anonymised (KassaCustomerRelationshipView *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMER_RELATIONSHIP_VIEW (self), FALSE);
  return self->relationship != NULL && self->relationship->anonymised_on != 0;
}

gboolean
kassa_customer_relationship_view_is_loading (KassaCustomerRelationshipView *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMER_RELATIONSHIP_VIEW (self), FALSE);
  return self->cancellable != NULL || self->refresh_id != 0;
}

const KassaCustomerValue *
kassa_customer_relationship_view_get_value (KassaCustomerRelationshipView *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMER_RELATIONSHIP_VIEW (self), NULL);
  return self->value;
}

static gint
row_index (const char *row_name)
{
  for (guint i = 0; i < N_ROWS; i++)
    if (g_strcmp0 (row_specs[i].name, row_name) == 0)
      return i;
  return -1;
}

const char *
kassa_customer_relationship_view_get_text (KassaCustomerRelationshipView *self,
                                           const char                    *row_name)
{
  gint i = row_index (row_name);

  g_return_val_if_fail (KASSA_IS_CUSTOMER_RELATIONSHIP_VIEW (self), NULL);
  g_return_val_if_fail (i >= 0, NULL);
  return gtk_label_get_text (self->labels[i]);
}

const char *
kassa_customer_relationship_view_get_subtitle (KassaCustomerRelationshipView *self,
                                               const char                    *row_name)
{
  gint i = row_index (row_name);

  g_return_val_if_fail (KASSA_IS_CUSTOMER_RELATIONSHIP_VIEW (self), NULL);
  g_return_val_if_fail (i >= 0, NULL);
  return adw_action_row_get_subtitle (self->rows[i]);
}

guint
kassa_customer_relationship_view_get_n_responses (KassaCustomerRelationshipView *self)
{
  g_return_val_if_fail (KASSA_IS_CUSTOMER_RELATIONSHIP_VIEW (self), 0);
  return self->responses->len;
}

void
kassa_customer_relationship_view_delete_response (KassaCustomerRelationshipView *self,
                                                  guint                          index)
{
  g_autoptr(KassaNpsResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  g_return_if_fail (KASSA_IS_CUSTOMER_RELATIONSHIP_VIEW (self));
  g_return_if_fail (index < self->responses->len);

  response = kassa_nps_response_copy (g_ptr_array_index (self->responses, index));
  if (!kassa_store_delete_nps_response (self->store, response->id, &error))
    {
      show_toast (self, adw_toast_new (error->message));
      return;
    }

  toast = adw_toast_new (_("NPS response deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "response", g_steal_pointer (&response),
                          (GDestroyNotify) kassa_nps_response_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete), self,
                           G_CONNECT_SWAPPED);
  show_toast (self, toast);
}
