/* kassa-scenario-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-cashflow"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kassa-form.h"
#include "kassa-money.h"
#include "kassa-scenario-dialog.h"
#include "kassa-store-cashflow.h"

#define SCENARIO_ID_KEY "kassa-scenario-id"

struct _KassaScenarioDialog
{
  AdwWindow      parent_instance;

  KassaStore    *store;
  GPtrArray     *scenarios;      /* of KassaScenario */
  KassaScenario *editing;        /* NULL while the list shows */
  KassaLocale    locale;
  char          *problem;

  GtkStack      *stack;
  GtkListBox    *scenario_list;
  AdwPreferencesGroup *form_group;
  AdwEntryRow   *name_row;
  AdwActionRow  *sales_row;
  GtkEntry      *sales_entry;
  AdwActionRow  *delay_row;
  GtkSpinButton *delay_spin;
  AdwActionRow  *cost_row;
  GtkEntry      *cost_entry;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (KassaScenarioDialog, kassa_scenario_dialog, ADW_TYPE_WINDOW)

/* Percentages */

/* Skips a leading sign: '-', '+' or U+2212 MINUS SIGN (what the app
 * itself prints); returns -1 or +1. */
static int
take_sign (const char **text)
{
  while (g_unichar_isspace (g_utf8_get_char (*text)))
    *text = g_utf8_next_char (*text);

  if (**text == '-' || g_str_has_prefix (*text, "\u2212"))
    {
      *text = g_utf8_next_char (*text);
      return -1;
    }
  if (**text == '+')
    *text += 1;
  return 1;
}

gboolean
kassa_scenario_parse_percent (const char  *text,
                              gint        *basis_points,
                              GError     **error)
{
  const char *rest = text;
  int sign = take_sign (&rest);
  gint value = 0;

  g_return_val_if_fail (text != NULL && basis_points != NULL, FALSE);

  if (!kassa_percent_parse (rest, kassa_locale_current (), &value, error))
    return FALSE;
  if (value > 10000)
    {
      g_set_error_literal (error, KASSA_PARSE_ERROR, KASSA_PARSE_ERROR_OUT_OF_RANGE,
                           _("Enter a change between −100 % and +100 %"));
      return FALSE;
    }
  *basis_points = sign * value;
  return TRUE;
}

static char *
percent_text (gint basis_points)
{
  g_autofree char *magnitude = kassa_percent_format (ABS (basis_points), kassa_locale_current ());

  if (basis_points < 0)
    return g_strconcat ("\u2212", magnitude, NULL);
  if (basis_points > 0)
    return g_strconcat ("+", magnitude, NULL);
  return g_steal_pointer (&magnitude);
}

/* The list */

static char *
scenario_summary (const KassaScenario *scenario)
{
  g_autofree char *sales = percent_text (scenario->sales_change_bp);
  g_autofree char *costs = percent_text (scenario->cost_change_bp);
  g_autofree char *delay = NULL;

  /* Translators: a payment delay in a scenario summary; %+d is e.g. "+10" */
  delay = g_strdup_printf (ngettext ("payments %+d day", "payments %+d days",
                                     ABS (scenario->payment_delay_days)),
                           scenario->payment_delay_days);
  /* Translators: scenario summary: "sales −15 %, payments +10 days, costs +5 %" */
  return g_strdup_printf (_("sales %s, %s, costs %s"), sales, delay, costs);
}

static void on_edit_clicked   (GtkWidget *button, KassaScenarioDialog *self);
static void on_delete_clicked (GtkWidget *button, KassaScenarioDialog *self);

static GtkWidget *
row_button (KassaScenarioDialog *self,
            gint64               id,
            const char          *name,
            const char          *icon_name,
            const char          *tooltip,
            GCallback            callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), SCENARIO_ID_KEY, g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
scenario_row (KassaScenarioDialog *self,
              const KassaScenario *scenario)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *summary = scenario_summary (scenario);

  gtk_widget_set_name (row, "scenario-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), scenario->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, scenario->id, "scenario-edit",
                                         "document-edit-symbolic", _("Edit scenario"),
                                         G_CALLBACK (on_edit_clicked)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, scenario->id, "scenario-delete",
                                         "user-trash-symbolic", _("Delete scenario"),
                                         G_CALLBACK (on_delete_clicked)));
  return row;
}

static GtkWidget *
base_row (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

  gtk_widget_set_name (row, "scenario-base");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), C_("scenario", "Base"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("The forecast as your data says it: sales follow their trend, "
                                 "customers pay as they have paid, costs as scheduled. It "
                                 "cannot be changed."));
  gtk_widget_set_tooltip_text (icon, _("The base scenario cannot be edited"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
refresh_list (KassaScenarioDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GPtrArray *scenarios;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->scenario_list))) != NULL)
    gtk_list_box_remove (self->scenario_list, child);

  scenarios = kassa_store_list_scenarios (self->store, &error);
  if (scenarios == NULL)
    {
      g_warning ("Could not list the scenarios: %s", error->message);
      scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) kassa_scenario_free);
    }
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  self->scenarios = scenarios;

  gtk_list_box_append (self->scenario_list, base_row ());
  for (guint i = 0; i < scenarios->len; i++)
    gtk_list_box_append (self->scenario_list, scenario_row (self, g_ptr_array_index (scenarios, i)));
}

static const KassaScenario *
find_scenario (KassaScenarioDialog *self,
               GtkWidget           *button)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), SCENARIO_ID_KEY);

  for (guint i = 0; i < self->scenarios->len; i++)
    {
      const KassaScenario *scenario = g_ptr_array_index (self->scenarios, i);

      if (scenario->id == id)
        return scenario;
    }
  return NULL;
}

/* The form */

static char *
check_name (KassaScenarioDialog *self)
{
  g_autofree char *name = kassa_form_get_text (GTK_EDITABLE (self->name_row));
  char *message = NULL;

  if (name[0] == '\0')
    message = g_strdup (_("Enter a name, e.g. “Pessimistic”"));
  for (guint i = 0; message == NULL && i < self->scenarios->len; i++)
    {
      const KassaScenario *other = g_ptr_array_index (self->scenarios, i);

      if (other->id != self->editing->id && g_utf8_collate (other->name, name) == 0)
        message = g_strdup (_("Another scenario has this name: choose a different one"));
    }

  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->name_row), message);
  return message;
}

static char *
check_percent (AdwActionRow *row,
               GtkEntry     *entry,
               gint         *basis_points)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  char *message = NULL;

  *basis_points = 0;
  /* The core's own message speaks of 0 … 100 %: here a change may be
   * negative, so say so. */
  if (!kassa_scenario_parse_percent (text, basis_points, &error))
    message = g_strdup (_("Enter a change between −100 and +100 percent, e.g. −15 (at most two "
                          "decimals)"));

  kassa_form_set_row_message (row, GTK_WIDGET (entry), message,
                              /* xgettext:no-c-format */
                              _("For example −15 for 15 % less, 10 for 10 % more"));
  return message;
}

static void
validate (KassaScenarioDialog *self)
{
  char *errors[3];

  if (self->editing == NULL)
    return;

  errors[0] = check_name (self);
  errors[1] = check_percent (self->sales_row, self->sales_entry, &self->editing->sales_change_bp);
  errors[2] = check_percent (self->cost_row, self->cost_entry, &self->editing->cost_change_bp);

  g_clear_pointer (&self->problem, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      if (self->problem == NULL && errors[i] != NULL)
        self->problem = g_steal_pointer (&errors[i]);
      g_free (errors[i]);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenario.save", self->problem == NULL);
}

static void
show_error (KassaScenarioDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_field_changed (KassaScenarioDialog *self)
{
  show_error (self, NULL);
  validate (self);
}

static void
show_form (KassaScenarioDialog *self,
           const KassaScenario *scenario)
{
  g_autofree char *sales = NULL;
  g_autofree char *costs = NULL;

  g_clear_pointer (&self->editing, kassa_scenario_free);
  self->editing = scenario != NULL ? kassa_scenario_copy (scenario) : kassa_scenario_new ();
  sales = percent_text (self->editing->sales_change_bp);
  costs = percent_text (self->editing->cost_change_bp);

  adw_preferences_group_set_title (self->form_group,
                                   scenario != NULL ? _("Edit Scenario") : _("New Scenario"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->editing->name);
  gtk_editable_set_text (GTK_EDITABLE (self->sales_entry), sales);
  gtk_spin_button_set_value (self->delay_spin, self->editing->payment_delay_days);
  gtk_editable_set_text (GTK_EDITABLE (self->cost_entry), costs);
  show_error (self, NULL);
  validate (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
show_list (KassaScenarioDialog *self)
{
  g_clear_pointer (&self->editing, kassa_scenario_free);
  g_clear_pointer (&self->problem, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenario.save", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/* Callbacks */

static void
on_edit_clicked (GtkWidget           *button,
                 KassaScenarioDialog *self)
{
  const KassaScenario *scenario = find_scenario (self, button);

  if (scenario != NULL)
    show_form (self, scenario);
}

static void
on_delete_response (AdwMessageDialog    *dialog,
                    const char          *response,
                    KassaScenarioDialog *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), SCENARIO_ID_KEY);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (!kassa_store_delete_scenario (self->store, id, &error))
    g_warning ("Could not delete scenario %" G_GINT64_FORMAT ": %s", id, error->message);
  refresh_list (self);
}

static void
on_delete_clicked (GtkWidget           *button,
                   KassaScenarioDialog *self)
{
  const KassaScenario *scenario = find_scenario (self, button);
  GtkWidget *dialog;

  if (scenario == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete Scenario?"), NULL);
  /* Translators: %s is the name of a forecast scenario */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” is removed from the forecast."), scenario->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), SCENARIO_ID_KEY,
                          g_memdup2 (&scenario->id, sizeof scenario->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kassa_scenario_dialog_save (KASSA_SCENARIO_DIALOG (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  show_list (KASSA_SCENARIO_DIALOG (widget));
}

/* Escape leaves the form first, then the dialog. */
static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KassaScenarioDialog *self = KASSA_SCENARIO_DIALOG (widget);

  if (self->editing != NULL)
    show_list (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
kassa_scenario_dialog_dispose (GObject *object)
{
  KassaScenarioDialog *self = KASSA_SCENARIO_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_SCENARIO_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_scenario_dialog_parent_class)->dispose (object);
}

static void
kassa_scenario_dialog_finalize (GObject *object)
{
  KassaScenarioDialog *self = KASSA_SCENARIO_DIALOG (object);

  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  g_clear_pointer (&self->editing, kassa_scenario_free);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (kassa_scenario_dialog_parent_class)->finalize (object);
}

static void
kassa_scenario_dialog_class_init (KassaScenarioDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_scenario_dialog_dispose;
  object_class->finalize = kassa_scenario_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "scenario.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "scenario.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "scenario.escape", NULL, escape_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "scenario.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "scenario.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "scenario.escape", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kassa/Kassa/ui/kassa-scenario-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaScenarioDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KassaScenarioDialog, scenario_list);
  gtk_widget_class_bind_template_child (widget_class, KassaScenarioDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, KassaScenarioDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, KassaScenarioDialog, sales_row);
  gtk_widget_class_bind_template_child (widget_class, KassaScenarioDialog, sales_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaScenarioDialog, delay_row);
  gtk_widget_class_bind_template_child (widget_class, KassaScenarioDialog, delay_spin);
  gtk_widget_class_bind_template_child (widget_class, KassaScenarioDialog, cost_row);
  gtk_widget_class_bind_template_child (widget_class, KassaScenarioDialog, cost_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaScenarioDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, kassa_scenario_dialog_add);
  gtk_widget_class_bind_template_callback (widget_class, kassa_scenario_dialog_save);
}

static void
kassa_scenario_dialog_init (KassaScenarioDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->locale = kassa_locale_current ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenario.save", FALSE);
}

KassaScenarioDialog *
kassa_scenario_dialog_new (GtkWindow  *parent,
                           KassaStore *store)
{
  KassaScenarioDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_SCENARIO_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  refresh_list (self);
  return self;
}

void
kassa_scenario_dialog_present (GtkWindow  *parent,
                               KassaStore *store)
{
  gtk_window_present (GTK_WINDOW (kassa_scenario_dialog_new (parent, store)));
}

void
kassa_scenario_dialog_add (KassaScenarioDialog *self)
{
  g_return_if_fail (KASSA_IS_SCENARIO_DIALOG (self));

  show_form (self, NULL);
}

void
kassa_scenario_dialog_save (KassaScenarioDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KASSA_IS_SCENARIO_DIALOG (self));

  if (self->editing == NULL)
    return;
  validate (self);
  if (self->problem != NULL)
    {
      show_error (self, self->problem);
      return;
    }

  g_free (self->editing->name);
  self->editing->name = kassa_form_get_text (GTK_EDITABLE (self->name_row));
  self->editing->payment_delay_days = gtk_spin_button_get_value_as_int (self->delay_spin);
  if (!kassa_store_save_scenario (self->store, self->editing, &error))
    {
      show_error (self, error->message);
      return;
    }
  refresh_list (self);
  show_list (self);
}

const char *
kassa_scenario_dialog_get_problem (KassaScenarioDialog *self)
{
  g_return_val_if_fail (KASSA_IS_SCENARIO_DIALOG (self), NULL);

  return self->problem;
}
