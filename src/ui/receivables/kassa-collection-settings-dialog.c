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

#include <string.h>

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-collection-settings-dialog.h"
#include "kassa-date.h"
#include "kassa-dunning.h"
#include "kassa-form.h"
#include "kassa-interest.h"
#include "kassa-money.h"

#define RUNG_KEY "kassa-rung"
#define RATE_START_KEY "kassa-rate-start"

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
  KassaDay              today;
  GPtrArray            *business_rungs;  /* Rung*, owned by their rows */
  GPtrArray            *consumer_rungs;
  GtkWidget            *business_empty_row;
  GtkWidget            *consumer_empty_row;
  GPtrArray            *rate_rows;       /* rows of rates_group (the group owns them) */
  GArray               *rates;           /* KassaReferenceRate of the country */
  KassaDay              editing_rate;    /* start of the rate being changed, 0 = adding */
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
  AdwPreferencesGroup  *rates_group;
  AdwActionRow         *rate_missing_row;
  AdwPreferencesGroup  *rate_form_group;
  AdwEntryRow          *rate_date_row;
  AdwEntryRow          *rate_value_row;
  GtkButton            *rate_cancel_button;
  GtkButton            *rate_save_button;
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

/* Reference rates */

static const char *
country_name (const char *code)
{
  guint n;
  const KassaFormChoice *choices = kassa_form_country_choices (&n);

  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (choices[i].id, code) == 0)
      return _(choices[i].label);

  return code;
}

static gboolean
has_rate_table (KassaCollectionSettingsDialog *self)
{
  return kassa_late_interest_add_on_bp (self->country, KASSA_CUSTOMER_CONSUMER) >= 0 ||
         kassa_late_interest_add_on_bp (self->country, KASSA_CUSTOMER_BUSINESS) >= 0;
}

static char *
percent_text (gint basis_points)
{
  return kassa_percent_format (basis_points, kassa_locale_current ());
}

static void
describe_rates (KassaCollectionSettingsDialog *self)
{
  gint consumer = kassa_late_interest_add_on_bp (self->country, KASSA_CUSTOMER_CONSUMER);
  gint business = kassa_late_interest_add_on_bp (self->country, KASSA_CUSTOMER_BUSINESS);
  g_autofree char *title = NULL;
  g_autofree char *formula = NULL;
  g_autofree char *description = NULL;
  g_autofree char *consumer_text = percent_text (consumer);
  g_autofree char *business_text = percent_text (business);

  /* Translators: %s is a country, e.g. "Reference Rates for Finland" */
  title = g_strdup_printf (_("Reference Rates for %s"), country_name (self->country));
  adw_preferences_group_set_title (self->rates_group, title);

  if (!has_rate_table (self))
    {
      adw_preferences_group_set_description (self->rates_group,
                                             _("There is no statutory reference rate for this "
                                               "country here: late-payment interest uses the "
                                               "rate in the company details."));
      return;
    }

  if (consumer == business)
    /* Translators: how late interest is computed; %s is a percentage, e.g. "8 %" */
    formula = g_strdup_printf (_("Late-payment interest = reference rate + %s"), business_text);
  else
    /* Translators: how late interest is computed; %1$s and %2$s are percentages, e.g. "7 %" */
    formula = g_strdup_printf (_("Late-payment interest = reference rate + %1$s (consumers) / "
                                 "+ %2$s (businesses)"),
                               consumer_text, business_text);
  description = g_strjoin ("\n", formula, _("Changes to the rates are saved at once."), NULL);
  adw_preferences_group_set_description (self->rates_group, description);
}

/* The current half-year starts on 1 January or 1 July; a rate must have
 * started in it (on or before today). */
static gboolean
current_rate_missing (KassaCollectionSettingsDialog *self)
{
  int year, month, mday;
  KassaDay half_start;

  kassa_day_to_ymd (self->today, &year, &month, &mday);
  half_start = kassa_day_from_ymd (year, month <= 6 ? 1 : 7, 1);

  for (guint i = 0; i < self->rates->len; i++)
    {
      KassaDay start = g_array_index (self->rates, KassaReferenceRate, i).start_date;

      if (start >= half_start && start <= self->today)
        return FALSE;
    }

  return TRUE;
}

static void on_edit_rate_clicked   (GtkButton *button, KassaCollectionSettingsDialog *self);
static void on_delete_rate_clicked (GtkButton *button, KassaCollectionSettingsDialog *self);

static GtkWidget *
rate_button_new (KassaCollectionSettingsDialog *self,
                 const char                    *icon_name,
                 const char                    *label,
                 const char                    *tooltip,
                 KassaDay                       start,
                 GCallback                      callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (button), RATE_START_KEY, GINT_TO_POINTER (start));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static char *
rate_subtitle (KassaCollectionSettingsDialog *self,
               gint                           rate_bp)
{
  gint consumer = kassa_late_interest_add_on_bp (self->country, KASSA_CUSTOMER_CONSUMER);
  gint business = kassa_late_interest_add_on_bp (self->country, KASSA_CUSTOMER_BUSINESS);
  g_autofree char *consumer_text = percent_text (rate_bp + consumer);
  g_autofree char *business_text = percent_text (rate_bp + business);

  if (consumer == business)
    /* Translators: the late-payment interest rate that follows from a reference rate */
    return g_strdup_printf (_("Late-payment interest %s"), business_text);

  /* Translators: the late-payment interest rates that follow from a reference rate */
  return g_strdup_printf (_("Late-payment interest %1$s (consumers), %2$s (businesses)"),
                          consumer_text, business_text);
}

static GtkWidget *
rate_row_new (KassaCollectionSettingsDialog *self,
              const KassaReferenceRate      *rate)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = kassa_day_format (rate->start_date, self->locale);
  g_autofree char *title = NULL;
  g_autofree char *value = percent_text (rate->rate_bp);
  g_autofree char *subtitle = rate_subtitle (self, rate->rate_bp);
  GtkWidget *label = gtk_label_new (value);

  /* Translators: when a reference rate starts to apply, e.g. "From 1.7.2026" */
  title = g_strdup_printf (_("From %s"), date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             rate_button_new (self, "document-edit-symbolic", _("Change Rate"),
                                              _("Change this rate"), rate->start_date,
                                              G_CALLBACK (on_edit_rate_clicked)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             rate_button_new (self, "user-trash-symbolic", _("Delete Rate"),
                                              _("Delete this rate"), rate->start_date,
                                              G_CALLBACK (on_delete_rate_clicked)));
  return row;
}

static void
clear_rate_rows (KassaCollectionSettingsDialog *self)
{
  for (guint i = 0; i < self->rate_rows->len; i++)
    adw_preferences_group_remove (self->rates_group, g_ptr_array_index (self->rate_rows, i));
  g_ptr_array_set_size (self->rate_rows, 0);
}

static void
add_rate_row (KassaCollectionSettingsDialog *self,
              GtkWidget                     *row)
{
  adw_preferences_group_add (self->rates_group, row);
  g_ptr_array_add (self->rate_rows, row);
}

static void
load_rates (KassaCollectionSettingsDialog *self)
{
  g_autoptr(GError) error = NULL;
  GArray *rates;

  clear_rate_rows (self);
  g_clear_pointer (&self->rates, g_array_unref);
  rates = kassa_store_list_reference_rates (self->store, self->country, &error);
  self->rates = rates != NULL ? rates : g_array_new (FALSE, FALSE, sizeof (KassaReferenceRate));

  gtk_widget_set_visible (GTK_WIDGET (self->rate_form_group), has_rate_table (self));
  if (!has_rate_table (self))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->rate_missing_row), FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->rate_missing_row), current_rate_missing (self));
  if (error != NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      gtk_widget_add_css_class (row, "error");
      add_rate_row (self, row);
    }
  else if (self->rates->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No rates yet: add the rates of the half-years your "
                                       "invoices fall in"));
      gtk_widget_add_css_class (row, "dim-label");
      add_rate_row (self, row);
    }

  /* Newest first: that is the one to check and update. */
  for (guint i = self->rates->len; i > 0; i--)
    {
      const KassaReferenceRate *rate = &g_array_index (self->rates, KassaReferenceRate, i - 1);

      add_rate_row (self, rate_row_new (self, rate));
    }
}

static KassaReferenceRate *
find_rate (KassaCollectionSettingsDialog *self,
           KassaDay                       start)
{
  for (guint i = 0; i < self->rates->len; i++)
    if (g_array_index (self->rates, KassaReferenceRate, i).start_date == start)
      return &g_array_index (self->rates, KassaReferenceRate, i);

  return NULL;
}

/* The rate form: adds a rate, or changes the one being edited. */

static gboolean
parse_rate_start (KassaCollectionSettingsDialog  *self,
                  KassaDay                       *start,
                  GError                        **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->rate_date_row));
  int year, month, mday;

  if (!kassa_day_parse (text, self->locale, self->today, start, error))
    return FALSE;

  /* The statutory rates are set per half-year. */
  kassa_day_to_ymd (*start, &year, &month, &mday);
  if (mday != 1 || (month != 1 && month != 7))
    {
      g_set_error_literal (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_INVALID,
                           _("A reference rate applies from the start of a half-year: "
                             "enter 1 January or 1 July."));
      return FALSE;
    }

  if (*start != self->editing_rate && find_rate (self, *start) != NULL)
    {
      g_set_error_literal (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_INVALID,
                           _("There is already a rate from this day: change that one instead."));
      return FALSE;
    }

  return TRUE;
}

/* Reference rates may be negative: "-0,5" or "−0,5 %". */
static gboolean
parse_rate_value (KassaCollectionSettingsDialog  *self,
                  gint                           *rate_bp,
                  GError                        **error)
{
  g_autofree char *text = kassa_form_get_text (GTK_EDITABLE (self->rate_value_row));
  const char *number = text;
  gboolean negative = FALSE;

  if (g_str_has_prefix (number, "-"))
    number += 1, negative = TRUE;
  else if (g_str_has_prefix (number, "−"))
    number += strlen ("−"), negative = TRUE;

  if (!kassa_percent_parse (number, self->locale, rate_bp, error))
    return FALSE;

  if (negative)
    *rate_bp = -*rate_bp;
  return TRUE;
}

static void
check_rate_form (KassaCollectionSettingsDialog *self,
                 gboolean                       show_empty)
{
  g_autoptr(GError) date_error = NULL;
  g_autoptr(GError) value_error = NULL;
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->rate_date_row));
  const char *value_text = gtk_editable_get_text (GTK_EDITABLE (self->rate_value_row));
  KassaDay start;
  gint rate_bp;
  gboolean date_ok = parse_rate_start (self, &start, &date_error);
  gboolean value_ok = parse_rate_value (self, &rate_bp, &value_error);

  /* An empty field is not an error until the user tries to use it. */
  gboolean show_date = !date_ok && (show_empty || date_text[0] != '\0');
  gboolean show_value = !value_ok && (show_empty || value_text[0] != '\0');

  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->rate_date_row),
                            show_date ? date_error->message : NULL);
  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->rate_value_row),
                            show_value ? value_error->message : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save-rate", date_ok && value_ok);
}

static void
on_rate_form_changed (KassaCollectionSettingsDialog *self)
{
  check_rate_form (self, FALSE);
}

static void
reset_rate_form (KassaCollectionSettingsDialog *self,
                 const KassaReferenceRate      *editing)
{
  g_autofree char *date = NULL;
  g_autofree char *value = NULL;
  g_autofree char *title = NULL;

  if (editing != NULL)
    {
      date = kassa_day_format (editing->start_date, self->locale);
      value = percent_text (editing->rate_bp);
    }

  self->editing_rate = editing != NULL ? editing->start_date : 0;
  if (editing != NULL)
    /* Translators: the rate form's title while changing a rate; %s is its start date */
    title = g_strdup_printf (_("Change the Rate from %s"), date);

  adw_preferences_group_set_title (self->rate_form_group, title != NULL ? title : _("Add a Rate"));
  gtk_button_set_label (self->rate_save_button, editing != NULL ? _("_Save Rate") : _("_Add Rate"));
  gtk_widget_set_visible (GTK_WIDGET (self->rate_cancel_button), editing != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->rate_date_row), date != NULL ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->rate_value_row), value != NULL ? value : "");
  check_rate_form (self, FALSE);
}

typedef struct
{
  KassaReferenceRate rate;
  KassaDay           replaces;  /* start of the rate it replaces, 0 = none */
} RateChange;

static gboolean
write_rate (KassaStore  *store,
            gpointer     user_data,
            GError     **error)
{
  RateChange *change = user_data;

  if (change->replaces != 0 && change->replaces != change->rate.start_date &&
      !kassa_store_delete_reference_rate (store, change->rate.country, change->replaces, error))
    return FALSE;

  return kassa_store_set_reference_rate (store, &change->rate, error);
}

static void
save_rate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KassaCollectionSettingsDialog *self = KASSA_COLLECTION_SETTINGS_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  RateChange change = { { { 0 }, 0, 0 }, self->editing_rate };

  if (!parse_rate_start (self, &change.rate.start_date, NULL) ||
      !parse_rate_value (self, &change.rate.rate_bp, NULL))
    {
      check_rate_form (self, TRUE);
      return;
    }

  g_strlcpy (change.rate.country, self->country, sizeof change.rate.country);
  if (!kassa_store_run_in_transaction (self->store, write_rate, &change, &error))
    {
      kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->rate_value_row), error->message);
      return;
    }

  load_rates (self);
  reset_rate_form (self, NULL);
}

static void
cancel_rate_edit_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  reset_rate_form (KASSA_COLLECTION_SETTINGS_DIALOG (widget), NULL);
}

static void
on_rate_entry_activated (KassaCollectionSettingsDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save-rate", NULL);
}

static void
on_edit_rate_clicked (GtkButton                     *button,
                      KassaCollectionSettingsDialog *self)
{
  KassaDay start = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), RATE_START_KEY));
  const KassaReferenceRate *rate = find_rate (self, start);

  if (rate == NULL)
    return;

  reset_rate_form (self, rate);
  gtk_widget_grab_focus (GTK_WIDGET (self->rate_value_row));
}

static void
on_delete_rate_response (AdwMessageDialog              *dialog,
                         const char                    *response,
                         KassaCollectionSettingsDialog *self)
{
  KassaDay start = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), RATE_START_KEY));
  g_autoptr(GError) error = NULL;

  if (!kassa_store_delete_reference_rate (self->store, self->country, start, &error))
    {
      GtkWidget *failure = adw_message_dialog_new (GTK_WINDOW (self),
                                                   _("Could Not Delete the Rate"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failure), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failure));
      return;
    }

  if (self->editing_rate == start)
    reset_rate_form (self, NULL);
  load_rates (self);
}

static void
on_delete_rate_clicked (GtkButton                     *button,
                        KassaCollectionSettingsDialog *self)
{
  KassaDay start = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), RATE_START_KEY));
  const KassaReferenceRate *rate = find_rate (self, start);
  g_autofree char *date = NULL;
  g_autofree char *value = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (rate == NULL)
    return;

  date = kassa_day_format (start, self->locale);
  value = percent_text (rate->rate_bp);
  /* Translators: asked before deleting a reference rate; %1$s is the rate,
   * %2$s the day it applies from */
  body = g_strdup_printf (_("The reference rate %1$s from %2$s is removed. Interest for those "
                            "days is then computed with the rate before it."),
                          value, date);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete the Rate?"),
                                                       body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), RATE_START_KEY, GINT_TO_POINTER (start));
  g_signal_connect_object (dialog, "response::delete", G_CALLBACK (on_delete_rate_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
  if (self->rate_rows != NULL)
    g_ptr_array_set_size (self->rate_rows, 0);
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
  g_ptr_array_unref (self->rate_rows);
  g_clear_pointer (&self->rates, g_array_unref);
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
  gtk_widget_class_install_action (widget_class, "dialog.save-rate", NULL, save_rate_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel-rate-edit", NULL,
                                   cancel_rate_edit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);

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
  BIND_CHILD (rates_group);
  BIND_CHILD (rate_missing_row);
  BIND_CHILD (rate_form_group);
  BIND_CHILD (rate_date_row);
  BIND_CHILD (rate_value_row);
  BIND_CHILD (rate_cancel_button);
  BIND_CHILD (rate_save_button);
#undef BIND_CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_rate_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_rate_entry_activated);
}

static void
kassa_collection_settings_dialog_init (KassaCollectionSettingsDialog *self)
{
  self->business_rungs = g_ptr_array_new ();
  self->consumer_rungs = g_ptr_array_new ();
  self->rate_rows = g_ptr_array_new ();
  self->locale = kassa_locale_current ();
  self->today = kassa_clock_today ();
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
  describe_rates (self);
  load_settings (self);
  load_rates (self);
  reset_rate_form (self, NULL);
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
