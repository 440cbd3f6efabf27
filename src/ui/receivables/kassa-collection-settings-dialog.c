/* kassa-collection-settings-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2's AdwPreferencesWindow has no place for Save and Cancel
 * in its header bar, and these settings are saved together (a ladder is
 * only valid as a whole): so this is an AdwWindow with the same view
 * switcher and preferences pages, and explicit Save / Cancel.
 */
#define G_LOG_DOMAIN "kassa-collection-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-collection-settings-dialog.h"
#include "kassa-date.h"
#include "kassa-dunning.h"
#include "kassa-form.h"
#include "kassa-interest.h"
#include "kassa-money.h"
#include "kassa-reference-rates-page.h"

#define RUNG_KEY "kassa-rung"

/* Ranges offered, the same as the validation's. */
#define STEP_DAYS_MAX       365
#define PAY_WITHIN_DAYS_MAX 90
#define DEFAULT_PAY_WITHIN  14
#define RATE_MAX_BP         10000

/* Where a validation error is shown: above the group it is about. */
typedef enum
{
  ERROR_AT_BUSINESS,
  ERROR_AT_CONSUMER,
  ERROR_AT_GENERAL,
  ERROR_AT_WARNING,
} ErrorLocation;

typedef struct _Rung Rung;

struct _KassaCollectionSettingsDialog
{
  AdwWindow             parent_instance;

  KassaStore           *store;
  char                  country[3];
  char                  currency[4];
  KassaLocale           locale;
  GPtrArray            *business_rungs;  /* Rung*, owned by their rows */
  GPtrArray            *consumer_rungs;
  GtkWidget            *business_empty_row;
  GtkWidget            *consumer_empty_row;
  char                 *error_text;
  gboolean              loading;
  gboolean              modified;
  gboolean              discard_confirmed;

  AdwViewStack         *view_stack;
  AdwPreferencesGroup  *business_error_group;
  GtkLabel             *business_error_label;
  AdwPreferencesGroup  *business_group;
  AdwPreferencesGroup  *consumer_error_group;
  GtkLabel             *consumer_error_label;
  AdwPreferencesGroup  *consumer_group;
  AdwPreferencesGroup  *general_error_group;
  GtkLabel             *general_error_label;
  AdwActionRow         *fee_agreed_row;
  GtkSwitch            *fee_agreed_switch;
  GtkSpinButton        *serious_spin;
  AdwComboRow          *basis_row;
  AdwPreferencesGroup  *warning_error_group;
  GtkLabel             *warning_error_label;
  GtkSpinButton        *recent_spin;
  GtkSpinButton        *extra_spin;
  GtkSpinButton        *history_spin;
  KassaReferenceRatesPage *rates_page;
};

G_DEFINE_FINAL_TYPE (KassaCollectionSettingsDialog, kassa_collection_settings_dialog,
                     ADW_TYPE_WINDOW)

/* One step of a ladder as edited: an expander row with the step's fields. */
struct _Rung
{
  KassaCollectionSettingsDialog *dialog;   /* unowned: the dialog outlives its rows */
  KassaCustomerKind              ladder;
  AdwExpanderRow                *row;
  AdwComboRow                   *kind_row;
  AdwActionRow                  *days_row;
  GtkSpinButton                 *days_spin;
  AdwEntryRow                   *fee_row;
  GtkSpinButton                 *pay_spin;
};

static void
mark_modified (KassaCollectionSettingsDialog *self)
{
  if (!self->loading)
    self->modified = TRUE;
}

static void
on_field_changed (KassaCollectionSettingsDialog *self)
{
  mark_modified (self);
}

/* Ladders */

static GPtrArray *
ladder_rungs (KassaCollectionSettingsDialog *self,
              KassaCustomerKind              ladder)
{
  return ladder == KASSA_CUSTOMER_CONSUMER ? self->consumer_rungs : self->business_rungs;
}

static AdwPreferencesGroup *
ladder_group (KassaCollectionSettingsDialog *self,
              KassaCustomerKind              ladder)
{
  return ladder == KASSA_CUSTOMER_CONSUMER ? self->consumer_group : self->business_group;
}

static KassaCollectionKind
rung_kind (Rung *rung)
{
  guint selected = adw_combo_row_get_selected (rung->kind_row);

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;
  return KASSA_COLLECTION_REMINDER_1 + (KassaCollectionKind) selected;
}

static guint
rung_index (Rung *rung)
{
  guint index = 0;

  g_ptr_array_find (ladder_rungs (rung->dialog, rung->ladder), rung, &index);
  return index;
}

static char *
rung_days_text (Rung *rung,
                gint  days)
{
  if (rung_index (rung) == 0)
    /* Translators: when the first reminder ladder step is taken */
    return g_strdup_printf (ngettext ("%d day after the due date", "%d days after the due date",
                                      days), days);

  /* Translators: when a later reminder ladder step is taken */
  return g_strdup_printf (ngettext ("%d day after the previous step",
                                    "%d days after the previous step", days), days);
}

static char *
rung_fee_text (Rung *rung)
{
  KassaCollectionSettingsDialog *self = rung->dialog;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (rung->fee_row));
  g_autofree char *money = NULL;
  gint64 fee = 0;

  if (!kassa_money_parse (text, self->currency, self->locale, &fee, NULL))
    return g_strdup (_("fee not valid"));
  if (fee == 0)
    return g_strdup (_("no fee"));

  money = kassa_money_format (fee, self->currency, self->locale);
  /* Translators: the fee of a reminder ladder step, e.g. "fee 5,00 €" */
  return g_strdup_printf (_("fee %s"), money);
}

static char *
rung_pay_text (gint pay_within)
{
  if (pay_within == 0)
    return g_strdup (_("no pay-by date"));

  /* Translators: the time a reminder letter gives to pay */
  return g_strdup_printf (ngettext ("pay within %d day", "pay within %d days", pay_within),
                          pay_within);
}

/* Title, subtitle and field names follow the step's place and values. */
static void
update_rung (Rung *rung)
{
  gint days = gtk_spin_button_get_value_as_int (rung->days_spin);
  gint pay_within = gtk_spin_button_get_value_as_int (rung->pay_spin);
  g_autofree char *title = NULL;
  g_autofree char *days_text = rung_days_text (rung, days);
  g_autofree char *fee_text = rung_fee_text (rung);
  g_autofree char *pay_text = rung_pay_text (pay_within);
  g_autofree char *subtitle = NULL;
  const char *days_title;

  /* Translators: a reminder ladder step: its number and name, e.g. "1. Reminder 1" */
  title = g_strdup_printf (_("%u. %s"), rung_index (rung) + 1,
                           kassa_collection_kind_to_string (rung_kind (rung)));
  subtitle = g_strjoin (" · ", days_text, fee_text, pay_text, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rung->row), title);
  adw_expander_row_set_subtitle (rung->row, subtitle);

  days_title = rung_index (rung) == 0 ? _("Days after the due date")
                                      : _("Days after the previous step");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rung->days_row), days_title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rung->days_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, days_title, -1);
}

static void
update_ladder (KassaCollectionSettingsDialog *self,
               KassaCustomerKind              ladder)
{
  GPtrArray *rungs = ladder_rungs (self, ladder);
  GtkWidget *empty_row = ladder == KASSA_CUSTOMER_CONSUMER ? self->consumer_empty_row
                                                           : self->business_empty_row;

  for (guint i = 0; i < rungs->len; i++)
    update_rung (g_ptr_array_index (rungs, i));
  gtk_widget_set_visible (empty_row, rungs->len == 0);
}

static void
on_rung_changed (Rung *rung)
{
  update_rung (rung);
  mark_modified (rung->dialog);
}

static void
on_rung_fee_changed (Rung *rung)
{
  KassaCollectionSettingsDialog *self = rung->dialog;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (rung->fee_row));
  g_autoptr(GError) error = NULL;
  gint64 fee;

  if (kassa_money_parse (text, self->currency, self->locale, &fee, &error) && fee < 0)
    g_set_error_literal (&error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_OUT_OF_RANGE,
                         _("The fee must be zero or a positive amount."));
  kassa_form_set_row_error (ADW_PREFERENCES_ROW (rung->fee_row),
                            error != NULL ? error->message : NULL);
  on_rung_changed (rung);
}

static void
on_remove_rung_clicked (Rung *rung)
{
  KassaCollectionSettingsDialog *self = rung->dialog;
  KassaCustomerKind ladder = rung->ladder;

  g_ptr_array_remove (ladder_rungs (self, ladder), rung);
  /* Frees rung with the row. */
  adw_preferences_group_remove (ladder_group (self, ladder), GTK_WIDGET (rung->row));
  update_ladder (self, ladder);
  mark_modified (self);
}

static GtkWidget *
spin_row_new (const char     *title,
              const char     *subtitle,
              double          min,
              double          max,
              gint            value,
              GtkSpinButton **spin)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_spin_button_new_with_range (min, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (button), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (button), value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  *spin = GTK_SPIN_BUTTON (button);
  return row;
}

static GtkWidget *
kind_row_new (KassaCollectionKind kind)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (KassaCollectionKind k = KASSA_COLLECTION_REMINDER_1; k <= KASSA_COLLECTION_LEGAL_ACTION; k++)
    gtk_string_list_append (kinds, kassa_collection_kind_to_string (k));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), C_("collection", "Step"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (kinds));
  if (KASSA_COLLECTION_IS_DUNNING_STEP (kind))
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), kind - KASSA_COLLECTION_REMINDER_1);
  return row;
}

static GtkWidget *
fee_row_new (KassaCollectionSettingsDialog *self,
             gint64                         fee)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *text = kassa_money_format_plain (fee, self->currency, self->locale);

  /* Translators: a reminder fee field; %s is the currency symbol, e.g. "Fee (€)" */
  title = g_strdup_printf (_("Fee (%s)"), kassa_currency_symbol (self->currency));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  return row;
}

static GtkWidget *
remove_button_new (void)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove this step"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Step"), -1);
  return button;
}

static void
connect_rung (Rung      *rung,
              GtkWidget *remove_button)
{
  g_signal_connect_swapped (rung->kind_row, "notify::selected", G_CALLBACK (on_rung_changed), rung);
  g_signal_connect_swapped (rung->days_spin, "value-changed", G_CALLBACK (on_rung_changed), rung);
  g_signal_connect_swapped (rung->pay_spin, "value-changed", G_CALLBACK (on_rung_changed), rung);
  g_signal_connect_swapped (rung->fee_row, "changed", G_CALLBACK (on_rung_fee_changed), rung);
  g_signal_connect_swapped (remove_button, "clicked", G_CALLBACK (on_remove_rung_clicked), rung);
}

static Rung *
add_rung (KassaCollectionSettingsDialog *self,
          KassaCustomerKind              ladder,
          const KassaDunningStep        *step)
{
  Rung *rung = g_new0 (Rung, 1);
  GtkWidget *pay_row;
  GtkWidget *remove_button = remove_button_new ();

  rung->dialog = self;
  rung->ladder = ladder;
  rung->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  rung->kind_row = ADW_COMBO_ROW (kind_row_new (step->kind));
  rung->days_row = ADW_ACTION_ROW (spin_row_new (_("Days after the due date"), NULL, 1,
                                                 STEP_DAYS_MAX, step->days, &rung->days_spin));
  rung->fee_row = ADW_ENTRY_ROW (fee_row_new (self, step->fee));
  pay_row = spin_row_new (_("Days to pay"),
                          _("The letter asks for payment within this many days; "
                            "0 leaves the pay-by date out"),
                          0, PAY_WITHIN_DAYS_MAX, step->pay_within_days, &rung->pay_spin);

  adw_expander_row_add_row (rung->row, GTK_WIDGET (rung->kind_row));
  adw_expander_row_add_row (rung->row, GTK_WIDGET (rung->days_row));
  adw_expander_row_add_row (rung->row, GTK_WIDGET (rung->fee_row));
  adw_expander_row_add_row (rung->row, pay_row);
  adw_expander_row_add_action (rung->row, remove_button);
  g_object_set_data_full (G_OBJECT (rung->row), RUNG_KEY, rung, g_free);

  connect_rung (rung, remove_button);
  g_ptr_array_add (ladder_rungs (self, ladder), rung);
  adw_preferences_group_add (ladder_group (self, ladder), GTK_WIDGET (rung->row));
  return rung;
}

static void
clear_ladder (KassaCollectionSettingsDialog *self,
              KassaCustomerKind              ladder)
{
  GPtrArray *rungs = ladder_rungs (self, ladder);

  while (rungs->len > 0)
    {
      Rung *rung = g_ptr_array_steal_index (rungs, rungs->len - 1);

      adw_preferences_group_remove (ladder_group (self, ladder), GTK_WIDGET (rung->row));
    }
}

static void
fill_ladder (KassaCollectionSettingsDialog *self,
             KassaCustomerKind              ladder,
             GArray                        *steps)
{
  clear_ladder (self, ladder);
  for (guint i = 0; i < steps->len; i++)
    add_rung (self, ladder, &g_array_index (steps, KassaDunningStep, i));
  update_ladder (self, ladder);
}

static void
add_step (KassaCollectionSettingsDialog *self,
          KassaCustomerKind              ladder)
{
  GPtrArray *rungs = ladder_rungs (self, ladder);
  KassaDunningStep step = { KASSA_COLLECTION_REMINDER_1, 14, 0, DEFAULT_PAY_WITHIN };
  Rung *rung;

  /* The next step up from the last one; a first consumer step waits the
   * legal minimum. */
  if (rungs->len > 0)
    step.kind = MIN (rung_kind (g_ptr_array_index (rungs, rungs->len - 1)) + 1,
                     KASSA_COLLECTION_LEGAL_ACTION);
  else if (ladder == KASSA_CUSTOMER_CONSUMER)
    step.days = kassa_consumer_first_reminder_min_days (self->country);
  else
    step.days = 7;

  rung = add_rung (self, ladder, &step);
  update_ladder (self, ladder);
  adw_expander_row_set_expanded (rung->row, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (rung->row));
  mark_modified (self);
}

static GtkWidget *
empty_ladder_row_new (AdwPreferencesGroup *group)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _("No steps: these customers get no reminders"));
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (group, row);
  return row;
}

/* Reading and checking what was entered */

static gboolean
read_ladder (KassaCollectionSettingsDialog  *self,
             KassaCustomerKind               ladder,
             GArray                         *steps,
             GError                        **error)
{
  GPtrArray *rungs = ladder_rungs (self, ladder);

  g_array_set_size (steps, 0);
  for (guint i = 0; i < rungs->len; i++)
    {
      Rung *rung = g_ptr_array_index (rungs, i);
      const char *fee_text = gtk_editable_get_text (GTK_EDITABLE (rung->fee_row));
      g_autoptr(GError) fee_error = NULL;
      KassaDunningStep step = { 0 };

      step.kind = rung_kind (rung);
      step.days = gtk_spin_button_get_value_as_int (rung->days_spin);
      step.pay_within_days = gtk_spin_button_get_value_as_int (rung->pay_spin);
      if (!kassa_money_parse (fee_text, self->currency, self->locale, &step.fee, &fee_error))
        {
          /* Translators: %u is a reminder ladder step's number, %s why its fee is not valid */
          g_set_error (error, KASSA_PARSE_ERROR, fee_error->code, _("Step %u, fee: %s"), i + 1,
                       fee_error->message);
          return FALSE;
        }
      g_array_append_val (steps, step);
    }

  return TRUE;
}

static void
read_general (KassaCollectionSettingsDialog *self,
              KassaCollectionSettings       *settings)
{
  settings->reminder_fee_agreed = gtk_switch_get_active (self->fee_agreed_switch);
  settings->serious_overdue_days = gtk_spin_button_get_value_as_int (self->serious_spin);
  settings->aging_basis = adw_combo_row_get_selected (self->basis_row) == 1
                          ? KASSA_AGING_BY_ISSUE_DATE : KASSA_AGING_BY_DUE_DATE;
  settings->warning.recent_count = gtk_spin_button_get_value_as_int (self->recent_spin);
  settings->warning.min_extra_days = gtk_spin_button_get_value_as_int (self->extra_spin);
  settings->warning.min_history = gtk_spin_button_get_value_as_int (self->history_spin);
}

/* (nullable): the settings as entered; NULL with the error's location when
 * a fee cannot be read. */
static KassaCollectionSettings *
read_settings (KassaCollectionSettingsDialog  *self,
               ErrorLocation                  *location,
               GError                        **error)
{
  g_autoptr(KassaCollectionSettings) settings = NULL;

  settings = kassa_collection_settings_new_default (self->country);
  *location = ERROR_AT_BUSINESS;
  if (!read_ladder (self, KASSA_CUSTOMER_BUSINESS, settings->business_steps, error))
    return NULL;
  *location = ERROR_AT_CONSUMER;
  if (!read_ladder (self, KASSA_CUSTOMER_CONSUMER, settings->consumer_steps, error))
    return NULL;

  read_general (self, settings);
  return g_steal_pointer (&settings);
}

static gboolean
is_valid_with (KassaCollectionSettings *settings,
               const char              *country)
{
  return kassa_collection_settings_validate (settings, country, NULL);
}

/* The validation error names the rule, not the group: find the part of
 * the settings that breaks it by checking each part alone, with the
 * country's (valid) defaults for the rest. */
static ErrorLocation
locate_error (KassaCollectionSettingsDialog *self,
              KassaCollectionSettings       *settings)
{
  g_autoptr(KassaCollectionSettings) probe = kassa_collection_settings_new_default (self->country);
  GArray *default_steps;
  gboolean valid;

  probe->reminder_fee_agreed = settings->reminder_fee_agreed;

  default_steps = probe->business_steps;
  probe->business_steps = settings->business_steps;
  valid = is_valid_with (probe, self->country);
  probe->business_steps = default_steps;
  if (!valid)
    return ERROR_AT_BUSINESS;

  default_steps = probe->consumer_steps;
  probe->consumer_steps = settings->consumer_steps;
  valid = is_valid_with (probe, self->country);
  probe->consumer_steps = default_steps;
  if (!valid)
    return ERROR_AT_CONSUMER;

  probe->warning = settings->warning;
  return is_valid_with (probe, self->country) ? ERROR_AT_GENERAL : ERROR_AT_WARNING;
}

static void
clear_error (KassaCollectionSettingsDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->business_error_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->consumer_error_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_error_group), FALSE);
  g_clear_pointer (&self->error_text, g_free);
}

static void
show_error (KassaCollectionSettingsDialog *self,
            ErrorLocation                  location,
            const char                    *message)
{
  static const struct { gsize group; gsize label; const char *page; } places[] = {
    [ERROR_AT_BUSINESS] = { G_STRUCT_OFFSET (KassaCollectionSettingsDialog, business_error_group),
                            G_STRUCT_OFFSET (KassaCollectionSettingsDialog, business_error_label),
                            "reminders" },
    [ERROR_AT_CONSUMER] = { G_STRUCT_OFFSET (KassaCollectionSettingsDialog, consumer_error_group),
                            G_STRUCT_OFFSET (KassaCollectionSettingsDialog, consumer_error_label),
                            "reminders" },
    [ERROR_AT_GENERAL]  = { G_STRUCT_OFFSET (KassaCollectionSettingsDialog, general_error_group),
                            G_STRUCT_OFFSET (KassaCollectionSettingsDialog, general_error_label),
                            "reminders" },
    [ERROR_AT_WARNING]  = { G_STRUCT_OFFSET (KassaCollectionSettingsDialog, warning_error_group),
                            G_STRUCT_OFFSET (KassaCollectionSettingsDialog, warning_error_label),
                            "warning" },
  };
  GtkWidget *group = G_STRUCT_MEMBER (GtkWidget *, self, places[location].group);
  GtkLabel *label = G_STRUCT_MEMBER (GtkLabel *, self, places[location].label);

  clear_error (self);
  self->error_text = g_strdup (message);
  gtk_label_set_text (label, message);
  gtk_widget_set_visible (group, TRUE);
  adw_view_stack_set_visible_child_name (self->view_stack, places[location].page);
  /* Focus brings the message into view, and screen readers read it. */
  gtk_widget_grab_focus (GTK_WIDGET (label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
}

/* Loading */

static void
load_settings (KassaCollectionSettingsDialog *self)
{
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_load (self->store);

  self->loading = TRUE;
  fill_ladder (self, KASSA_CUSTOMER_BUSINESS, settings->business_steps);
  fill_ladder (self, KASSA_CUSTOMER_CONSUMER, settings->consumer_steps);
  gtk_switch_set_active (self->fee_agreed_switch, settings->reminder_fee_agreed);
  /* The agreement matters only where the law asks for it (Sweden). */
  gtk_widget_set_visible (GTK_WIDGET (self->fee_agreed_row),
                          g_ascii_strcasecmp (self->country, "SE") == 0 ||
                          settings->reminder_fee_agreed);
  gtk_spin_button_set_value (self->serious_spin, settings->serious_overdue_days);
  adw_combo_row_set_selected (self->basis_row,
                              settings->aging_basis == KASSA_AGING_BY_ISSUE_DATE ? 1 : 0);
  gtk_spin_button_set_value (self->recent_spin, settings->warning.recent_count);
  gtk_spin_button_set_value (self->extra_spin, settings->warning.min_extra_days);
  gtk_spin_button_set_value (self->history_spin, settings->warning.min_history);
  self->loading = FALSE;
  self->modified = FALSE;
}

static void
describe_consumer_minimums (KassaCollectionSettingsDialog *self)
{
  gint first = kassa_consumer_first_reminder_min_days (self->country);
  gint interval = kassa_consumer_reminder_interval_min_days (self->country);
  g_autofree char *first_text = NULL;
  g_autofree char *interval_text = NULL;
  g_autofree char *description = NULL;

  /* Translators: the legal minimum of the consumer reminder ladder */
  first_text = g_strdup_printf (ngettext ("By law, a consumer’s first reminder comes no earlier "
                                          "than %d day after the due date.",
                                          "By law, a consumer’s first reminder comes no earlier "
                                          "than %d days after the due date.",
                                          first), first);
  /* Translators: the legal minimum of the consumer reminder ladder */
  interval_text = g_strdup_printf (ngettext ("Reminders to a consumer are at least %d day apart.",
                                             "Reminders to a consumer are at least %d days apart.",
                                             interval), interval);
  description = g_strjoin (" ", first_text, interval_text, NULL);
  adw_preferences_group_set_description (self->consumer_group, description);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KassaCollectionSettingsDialog *self = KASSA_COLLECTION_SETTINGS_DIALOG (widget);
  g_autoptr(KassaCollectionSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  ErrorLocation location;

  settings = read_settings (self, &location, &error);
  if (settings == NULL)
    {
      show_error (self, location, error->message);
      return;
    }

  /* Nothing is saved while a rule is broken; the window stays open. */
  if (!kassa_collection_settings_validate (settings, self->country, &error))
    {
      show_error (self, locate_error (self, settings), error->message);
      return;
    }

  if (!kassa_collection_settings_save (self->store, settings, &error))
    {
      show_error (self, ERROR_AT_GENERAL, error->message);
      return;
    }

  clear_error (self);
  self->discard_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
add_business_step_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  add_step (KASSA_COLLECTION_SETTINGS_DIALOG (widget), KASSA_CUSTOMER_BUSINESS);
}

static void
add_consumer_step_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  add_step (KASSA_COLLECTION_SETTINGS_DIALOG (widget), KASSA_CUSTOMER_CONSUMER);
}

static gboolean
close_idle (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_discard (KassaCollectionSettingsDialog *self)
{
  self->discard_confirmed = TRUE;
  /* Not from inside the question's response: the question is transient
   * for this window and must finish its signal before this one goes. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
}

static gboolean
kassa_collection_settings_dialog_close_request (GtkWindow *window)
{
  KassaCollectionSettingsDialog *self = KASSA_COLLECTION_SETTINGS_DIALOG (window);

  if (self->discard_confirmed || !self->modified)
    return GTK_WINDOW_CLASS (kassa_collection_settings_dialog_parent_class)->close_request (window);

  kassa_form_ask_discard (window, _("The changes to the collection settings have not been saved."),
                          G_CALLBACK (on_discard));
  return TRUE;
}

/* GObject */

static void
kassa_collection_settings_dialog_dispose (GObject *object)
{
  KassaCollectionSettingsDialog *self = KASSA_COLLECTION_SETTINGS_DIALOG (object);

  /* The rows own the rungs: forget them before the rows go. */
  if (self->business_rungs != NULL)
    g_ptr_array_set_size (self->business_rungs, 0);
  if (self->consumer_rungs != NULL)
    g_ptr_array_set_size (self->consumer_rungs, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_COLLECTION_SETTINGS_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_collection_settings_dialog_parent_class)->dispose (object);
}

static void
kassa_collection_settings_dialog_finalize (GObject *object)
{
  KassaCollectionSettingsDialog *self = KASSA_COLLECTION_SETTINGS_DIALOG (object);

  g_ptr_array_unref (self->business_rungs);
  g_ptr_array_unref (self->consumer_rungs);
  g_free (self->error_text);

  G_OBJECT_CLASS (kassa_collection_settings_dialog_parent_class)->finalize (object);
}

static void
kassa_collection_settings_dialog_class_init (KassaCollectionSettingsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kassa_collection_settings_dialog_dispose;
  object_class->finalize = kassa_collection_settings_dialog_finalize;
  window_class->close_request = kassa_collection_settings_dialog_close_request;

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "dialog.add-business-step", NULL,
                                   add_business_step_action);
  gtk_widget_class_install_action (widget_class, "dialog.add-consumer-step", NULL,
                                   add_consumer_step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);

  g_type_ensure (KASSA_TYPE_REFERENCE_RATES_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-collection-settings-dialog.ui");
#define BIND_CHILD(name) \
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionSettingsDialog, name)
  BIND_CHILD (view_stack);
  BIND_CHILD (business_error_group);
  BIND_CHILD (business_error_label);
  BIND_CHILD (business_group);
  BIND_CHILD (consumer_error_group);
  BIND_CHILD (consumer_error_label);
  BIND_CHILD (consumer_group);
  BIND_CHILD (general_error_group);
  BIND_CHILD (general_error_label);
  BIND_CHILD (fee_agreed_row);
  BIND_CHILD (fee_agreed_switch);
  BIND_CHILD (serious_spin);
  BIND_CHILD (basis_row);
  BIND_CHILD (warning_error_group);
  BIND_CHILD (warning_error_label);
  BIND_CHILD (recent_spin);
  BIND_CHILD (extra_spin);
  BIND_CHILD (history_spin);
  BIND_CHILD (rates_page);
#undef BIND_CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
}

static void
kassa_collection_settings_dialog_init (KassaCollectionSettingsDialog *self)
{
  self->business_rungs = g_ptr_array_new ();
  self->consumer_rungs = g_ptr_array_new ();
  self->locale = kassa_locale_current ();
  /* Template callbacks run while the template is built: nothing counts
   * as a change until the settings are loaded. */
  self->loading = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->business_empty_row = empty_ladder_row_new (self->business_group);
  self->consumer_empty_row = empty_ladder_row_new (self->consumer_group);
}

/* Public API */

/**
 * kassa_collection_settings_dialog_new:
 * Returns: (transfer none): the dialog, owned by GTK's list of windows.
 */
KassaCollectionSettingsDialog *
kassa_collection_settings_dialog_new (GtkWindow  *parent,
                                      KassaStore *store)
{
  KassaCollectionSettingsDialog *self;
  g_autoptr(KassaCompany) company = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_COLLECTION_SETTINGS_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  company = kassa_store_get_company (store);
  g_strlcpy (self->country, company != NULL ? company->country : "", sizeof self->country);
  g_strlcpy (self->currency, company != NULL && company->currency[0] != '\0'
                             ? company->currency : "EUR", sizeof self->currency);

  describe_consumer_minimums (self);
  load_settings (self);
  kassa_reference_rates_page_load (self->rates_page, store, self->country);
  return self;
}

void
kassa_collection_settings_dialog_present (GtkWindow  *parent,
                                          KassaStore *store)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (KASSA_IS_STORE (store));

  gtk_window_present (GTK_WINDOW (kassa_collection_settings_dialog_new (parent, store)));
}

GtkSpinButton *
kassa_collection_settings_dialog_get_days_spin (KassaCollectionSettingsDialog *self,
                                                KassaCustomerKind              kind,
                                                guint                          step)
{
  GPtrArray *rungs;

  g_return_val_if_fail (KASSA_IS_COLLECTION_SETTINGS_DIALOG (self), NULL);

  rungs = ladder_rungs (self, kind);
  g_return_val_if_fail (step < rungs->len, NULL);

  return ((Rung *) g_ptr_array_index (rungs, step))->days_spin;
}

const char *
kassa_collection_settings_dialog_get_error (KassaCollectionSettingsDialog *self)
{
  g_return_val_if_fail (KASSA_IS_COLLECTION_SETTINGS_DIALOG (self), NULL);

  return self->error_text;
}
