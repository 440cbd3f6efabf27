/* kassa-reference-rates-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unlike the rest of the collection settings, a rate is saved as soon as
 * it is added, changed or deleted: the page needs no Save of its own.
 */
#define G_LOG_DOMAIN "kassa-collection-settings"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-date.h"
#include "kassa-form.h"
#include "kassa-interest.h"
#include "kassa-money.h"
#include "kassa-reference-rates-page.h"

#define RATE_START_KEY "kassa-rate-start"

struct _KassaReferenceRatesPage
{
  AdwPreferencesPage   parent_instance;

  KassaStore          *store;
  char                 country[3];
  KassaLocale          locale;
  KassaDay             today;
  GPtrArray           *rate_rows;       /* rows of rates_group (the group owns them) */
  GArray              *rates;           /* KassaReferenceRate of the country */
  KassaDay             editing_rate;    /* start of the rate being changed, 0 = adding */

  AdwPreferencesGroup *rates_group;
  AdwActionRow        *rate_missing_row;
  AdwPreferencesGroup *rate_form_group;
  AdwEntryRow         *rate_date_row;
  AdwEntryRow         *rate_value_row;
  GtkButton           *rate_cancel_button;
  GtkButton           *rate_save_button;
};

G_DEFINE_FINAL_TYPE (KassaReferenceRatesPage, kassa_reference_rates_page, ADW_TYPE_PREFERENCES_PAGE)

static GtkWindow *
parent_window (KassaReferenceRatesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

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
has_rate_table (KassaReferenceRatesPage *self)
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
describe_rates (KassaReferenceRatesPage *self)
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
current_rate_missing (KassaReferenceRatesPage *self)
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

static void on_edit_rate_clicked   (GtkButton *button, KassaReferenceRatesPage *self);
static void on_delete_rate_clicked (GtkButton *button, KassaReferenceRatesPage *self);

static GtkWidget *
rate_button_new (KassaReferenceRatesPage *self,
                 const char              *icon_name,
                 const char              *label,
                 const char              *tooltip,
                 KassaDay                 start,
                 GCallback                callback)
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
rate_subtitle (KassaReferenceRatesPage *self,
               gint                     rate_bp)
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
rate_row_new (KassaReferenceRatesPage  *self,
              const KassaReferenceRate *rate)
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
clear_rate_rows (KassaReferenceRatesPage *self)
{
  for (guint i = 0; i < self->rate_rows->len; i++)
    adw_preferences_group_remove (self->rates_group, g_ptr_array_index (self->rate_rows, i));
  g_ptr_array_set_size (self->rate_rows, 0);
}

static void
add_rate_row (KassaReferenceRatesPage *self,
              GtkWidget               *row)
{
  adw_preferences_group_add (self->rates_group, row);
  g_ptr_array_add (self->rate_rows, row);
}

static void
load_rates (KassaReferenceRatesPage *self)
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
find_rate (KassaReferenceRatesPage *self,
           KassaDay                 start)
{
  for (guint i = 0; i < self->rates->len; i++)
    if (g_array_index (self->rates, KassaReferenceRate, i).start_date == start)
      return &g_array_index (self->rates, KassaReferenceRate, i);

  return NULL;
}

/* The rate form: adds a rate, or changes the one being edited. */

static gboolean
parse_rate_start (KassaReferenceRatesPage  *self,
                  KassaDay                 *start,
                  GError                  **error)
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
parse_rate_value (KassaReferenceRatesPage  *self,
                  gint                     *rate_bp,
                  GError                  **error)
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
check_rate_form (KassaReferenceRatesPage *self,
                 gboolean                 show_empty)
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rates.save-rate", date_ok && value_ok);
}

static void
on_rate_form_changed (KassaReferenceRatesPage *self)
{
  check_rate_form (self, FALSE);
}

static void
reset_rate_form (KassaReferenceRatesPage  *self,
                 const KassaReferenceRate *editing)
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
  KassaReferenceRatesPage *self = KASSA_REFERENCE_RATES_PAGE (widget);
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
  reset_rate_form (KASSA_REFERENCE_RATES_PAGE (widget), NULL);
}

static void
on_rate_entry_activated (KassaReferenceRatesPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "rates.save-rate", NULL);
}

static void
on_edit_rate_clicked (GtkButton               *button,
                      KassaReferenceRatesPage *self)
{
  KassaDay start = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), RATE_START_KEY));
  const KassaReferenceRate *rate = find_rate (self, start);

  if (rate == NULL)
    return;

  reset_rate_form (self, rate);
  gtk_widget_grab_focus (GTK_WIDGET (self->rate_value_row));
}

static void
on_delete_rate_response (AdwMessageDialog        *dialog,
                         const char              *response,
                         KassaReferenceRatesPage *self)
{
  KassaDay start = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), RATE_START_KEY));
  g_autoptr(GError) error = NULL;

  if (!kassa_store_delete_reference_rate (self->store, self->country, start, &error))
    {
      GtkWidget *failure = adw_message_dialog_new (parent_window (self),
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
on_delete_rate_clicked (GtkButton               *button,
                        KassaReferenceRatesPage *self)
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
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Delete the Rate?"),
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

/* GObject */

static void
kassa_reference_rates_page_dispose (GObject *object)
{
  KassaReferenceRatesPage *self = KASSA_REFERENCE_RATES_PAGE (object);

  /* The group owns the rows: forget them before they go. */
  if (self->rate_rows != NULL)
    g_ptr_array_set_size (self->rate_rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_REFERENCE_RATES_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_reference_rates_page_parent_class)->dispose (object);
}

static void
kassa_reference_rates_page_finalize (GObject *object)
{
  KassaReferenceRatesPage *self = KASSA_REFERENCE_RATES_PAGE (object);

  g_ptr_array_unref (self->rate_rows);
  g_clear_pointer (&self->rates, g_array_unref);

  G_OBJECT_CLASS (kassa_reference_rates_page_parent_class)->finalize (object);
}

static void
kassa_reference_rates_page_class_init (KassaReferenceRatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_reference_rates_page_dispose;
  object_class->finalize = kassa_reference_rates_page_finalize;

  gtk_widget_class_install_action (widget_class, "rates.save-rate", NULL, save_rate_action);
  gtk_widget_class_install_action (widget_class, "rates.cancel-rate-edit", NULL,
                                   cancel_rate_edit_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kassa-reference-rates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaReferenceRatesPage, rates_group);
  gtk_widget_class_bind_template_child (widget_class, KassaReferenceRatesPage, rate_missing_row);
  gtk_widget_class_bind_template_child (widget_class, KassaReferenceRatesPage, rate_form_group);
  gtk_widget_class_bind_template_child (widget_class, KassaReferenceRatesPage, rate_date_row);
  gtk_widget_class_bind_template_child (widget_class, KassaReferenceRatesPage, rate_value_row);
  gtk_widget_class_bind_template_child (widget_class, KassaReferenceRatesPage, rate_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KassaReferenceRatesPage, rate_save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_rate_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_rate_entry_activated);
}

static void
kassa_reference_rates_page_init (KassaReferenceRatesPage *self)
{
  self->rate_rows = g_ptr_array_new ();
  self->rates = g_array_new (FALSE, FALSE, sizeof (KassaReferenceRate));
  self->locale = kassa_locale_current ();
  self->today = kassa_clock_today ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

void
kassa_reference_rates_page_load (KassaReferenceRatesPage *self,
                                 KassaStore              *store,
                                 const char              *country)
{
  g_return_if_fail (KASSA_IS_REFERENCE_RATES_PAGE (self));
  g_return_if_fail (KASSA_IS_STORE (store));
  g_return_if_fail (country != NULL);

  g_set_object (&self->store, store);
  g_strlcpy (self->country, country, sizeof self->country);

  describe_rates (self);
  load_rates (self);
  reset_rate_form (self, NULL);
}
