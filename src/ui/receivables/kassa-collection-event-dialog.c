/* kassa-collection-event-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-receivables"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-collection-event-dialog.h"
#include "kassa-collection-log.h"
#include "kassa-date.h"
#include "kassa-dunning.h"
#include "kassa-form.h"
#include "kassa-interest.h"
#include "kassa-invoice-labels.h"
#include "kassa-money.h"
#include "kassa-store-sql.h"

/* Days to pay a dunning letter when the ladder has no step of that kind. */
#define DEFAULT_PAY_WITHIN_DAYS 14

typedef struct
{
  gint64   id;
  gint64   number;
  KassaDay due_date;
  char     currency[4];
  gint64   open;
} OpenInvoice;

struct _KassaCollectionEventDialog
{
  AdwWindow                parent_instance;

  KassaStore              *store;
  gint64                   customer_id;
  gint64                   invoice_id;      /* fixed invoice; 0 = chosen in invoice_row */
  char                     invoice_currency[4];
  char                     company_currency[4];
  char                     country[3];
  KassaCustomerKind        customer_kind;
  KassaCollectionSettings *settings;
  GArray                  *invoices;        /* of OpenInvoice: invoice_row items 1… */
  KassaLocale              locale;
  KassaDay                 today;
  KassaDay                 date;            /* parsed, 0 when invalid */
  KassaDay                 due_by;          /* parsed, 0 when empty or invalid */
  gint64                   fee;
  gint64                   interest;
  gint64                   interest_invoice_id; /* what interest was computed for */
  KassaDay                 interest_date;
  gboolean                 due_by_edited;   /* typed by the user: keep it */
  gboolean                 fee_edited;
  guint                    loading;
  char                    *problem;

  AdwWindowTitle          *window_title;
  GtkButton               *add_button;
  AdwComboRow             *kind_row;
  AdwComboRow             *invoice_row;
  AdwActionRow            *date_row;
  GtkEntry                *date_entry;
  AdwActionRow            *due_by_row;
  GtkEntry                *due_by_entry;
  AdwActionRow            *fee_row;
  GtkEntry                *fee_entry;
  AdwActionRow            *interest_row;
  GtkLabel                *interest_label;
  GtkTextView             *note_view;
  GtkLabel                *note_hint_label;
  GtkLabel                *error_label;
};

G_DEFINE_FINAL_TYPE (KassaCollectionEventDialog, kassa_collection_event_dialog, ADW_TYPE_WINDOW)

/* The kinds offered, in the order of the kind row. */
static const KassaCollectionKind offered_kinds[] = {
  KASSA_COLLECTION_NOTE,
  KASSA_COLLECTION_PHONE_CALL,
  KASSA_COLLECTION_EMAIL,
  KASSA_COLLECTION_PROMISE_TO_PAY,
  KASSA_COLLECTION_DISPUTE_OPENED,
  KASSA_COLLECTION_DISPUTE_RESOLVED,
  KASSA_COLLECTION_REMINDER_1,
  KASSA_COLLECTION_REMINDER_2,
  KASSA_COLLECTION_PAYMENT_DEMAND,
  KASSA_COLLECTION_LAWYER_LETTER,
  KASSA_COLLECTION_COLLECTION_AGENCY,
  KASSA_COLLECTION_LEGAL_ACTION,
};

static KassaCollectionKind
selected_kind (KassaCollectionEventDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return offered_kinds[MIN (selected, G_N_ELEMENTS (offered_kinds) - 1)];
}

static gboolean
needs_invoice (KassaCollectionKind kind)
{
  return KASSA_COLLECTION_IS_DUNNING_STEP (kind) || kind == KASSA_COLLECTION_DISPUTE_OPENED ||
         kind == KASSA_COLLECTION_DISPUTE_RESOLVED;
}

/* The letters the company itself sends: the statutory reminder fee cap
 * applies to them. */
static gboolean
is_reminder_letter (KassaCollectionKind kind)
{
  return kind == KASSA_COLLECTION_REMINDER_1 || kind == KASSA_COLLECTION_REMINDER_2 ||
         kind == KASSA_COLLECTION_PAYMENT_DEMAND;
}

static const OpenInvoice *
selected_open_invoice (KassaCollectionEventDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->invoice_row);

  if (self->invoice_id != 0 || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->invoices->len)
    return NULL;

  return &g_array_index (self->invoices, OpenInvoice, selected - 1);
}

static gint64
selected_invoice_id (KassaCollectionEventDialog *self)
{
  const OpenInvoice *open = selected_open_invoice (self);

  if (self->invoice_id != 0)
    return self->invoice_id;
  return open != NULL ? open->id : 0;
}

static const char *
currency (KassaCollectionEventDialog *self)
{
  const OpenInvoice *open = selected_open_invoice (self);

  if (self->invoice_id != 0)
    return self->invoice_currency;
  return open != NULL ? open->currency : self->company_currency;
}

static const KassaDunningStep *
ladder_step (KassaCollectionEventDialog *self,
             KassaCollectionKind         kind)
{
  GArray *steps;

  if (self->settings == NULL)
    return NULL;

  steps = self->customer_kind == KASSA_CUSTOMER_CONSUMER ? self->settings->consumer_steps
                                                         : self->settings->business_steps;
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    if (g_array_index (steps, KassaDunningStep, i).kind == kind)
      return &g_array_index (steps, KassaDunningStep, i);

  return NULL;
}

static gint64
fee_cap (KassaCollectionEventDialog *self,
         KassaCollectionKind         kind)
{
  gboolean agreed = self->settings != NULL && self->settings->reminder_fee_agreed;

  if (!is_reminder_letter (kind))
    return -1;
  return kassa_reminder_fee_cap (self->country, self->customer_kind, agreed);
}

static char *
date_hint (KassaCollectionEventDialog *self)
{
  g_autofree char *example = kassa_day_format (self->today, self->locale);

  /* Translators: %s is today's date in the expected form, e.g. "24.11.2026" */
  return g_strdup_printf (_("Format: %s"), example);
}

static void
set_entry_text (KassaCollectionEventDialog *self,
                GtkEntry                   *entry,
                const char                 *text)
{
  /* Text put in by the dialog is not a user edit. */
  self->loading++;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  self->loading--;
}

static char *
check_date (KassaCollectionEventDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hint = date_hint (self);
  char *message = NULL;

  if (!kassa_day_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), self->locale,
                        self->today, &self->date, &error))
    message = g_strdup (error->message);
  else if (self->date > self->today)
    message = g_strdup (_("Enter today or an earlier day: the log records what has happened"));

  if (message != NULL)
    self->date = 0;
  kassa_form_set_row_message (self->date_row, GTK_WIDGET (self->date_entry), message, hint);
  return message;
}

static char *
check_due_by (KassaCollectionEventDialog *self,
              KassaCollectionKind         kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hint = date_hint (self);
  g_autofree char *text = kassa_form_get_text (GTK_EDITABLE (self->due_by_entry));
  char *message = NULL;

  self->due_by = 0;
  if (!gtk_widget_get_visible (GTK_WIDGET (self->due_by_row)))
    return NULL;

  if (text[0] == '\0')
    {
      if (kind == KASSA_COLLECTION_PROMISE_TO_PAY)
        message = g_strdup (_("Enter the date the customer promised to pay by"));
    }
  else if (!kassa_day_parse (text, self->locale, self->today, &self->due_by, &error))
    message = g_strdup (error->message);
  else if (self->date != 0 && self->due_by < self->date)
    message = g_strdup (_("Enter a date on or after the date of the entry"));

  if (message != NULL)
    self->due_by = 0;
  kassa_form_set_row_message (self->due_by_row, GTK_WIDGET (self->due_by_entry), message, hint);
  return message;
}

static char *
fee_hint (KassaCollectionEventDialog *self,
          gint64                      cap)
{
  g_autofree char *amount = NULL;

  if (cap < 0)
    return g_strdup (_("Charged with this step; leave empty for none"));
  if (cap == 0)
    return g_strdup (_("The law allows no reminder fee for this customer"));

  amount = kassa_money_format (cap, currency (self), self->locale);
  /* Translators: %s is the statutory maximum reminder fee, e.g. "5,00 €" */
  return g_strdup_printf (_("At most %s by law"), amount);
}

static char *
check_fee (KassaCollectionEventDialog *self,
           KassaCollectionKind         kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = kassa_form_get_text (GTK_EDITABLE (self->fee_entry));
  g_autofree char *hint = NULL;
  gint64 cap = fee_cap (self, kind);
  char *message = NULL;

  self->fee = 0;
  if (!gtk_widget_get_visible (GTK_WIDGET (self->fee_row)))
    return NULL;

  hint = fee_hint (self, cap);
  if (text[0] != '\0' && !kassa_money_parse (text, currency (self), self->locale, &self->fee, &error))
    message = g_strdup (error->message);
  else if (self->fee < 0)
    message = g_strdup (_("Enter zero or a positive fee"));
  else if (cap >= 0 && self->fee > cap)
    message = g_strdup (hint);

  if (message != NULL)
    self->fee = 0;
  kassa_form_set_row_message (self->fee_row, GTK_WIDGET (self->fee_entry), message, hint);
  return message;
}

static char *
check_invoice (KassaCollectionEventDialog *self,
               KassaCollectionKind         kind)
{
  char *message = NULL;

  if (self->invoice_id != 0)
    return NULL;

  if (needs_invoice (kind) && selected_invoice_id (self) == 0)
    message = g_strdup (self->invoices->len == 0
                        ? _("This customer has no open invoices: choose another kind of entry")
                        : _("Choose the invoice this step is about"));

  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->invoice_row), message);
  return message;
}

static char *
check_note (KassaCollectionEventDialog *self,
            KassaCollectionKind         kind)
{
  g_autofree char *note = kassa_form_text_view_get (self->note_view);
  gboolean required = kind == KASSA_COLLECTION_NOTE;
  char *message = NULL;

  if (required && note[0] == '\0')
    message = g_strdup (_("Write the note"));

  gtk_label_set_text (self->note_hint_label,
                      message != NULL ? message
                      : required ? _("What happened, for whoever reads the log next")
                      : _("Optional: what was said or agreed"));
  if (message != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->note_hint_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->note_hint_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->note_hint_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->note_hint_label), "dim-label");
    }
  return message;
}

/* A dunning step claims the late interest to its date, like the steps the
 * worklist creates. */
static void
update_interest (KassaCollectionEventDialog *self,
                 KassaCollectionKind         kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *day = NULL;
  g_autofree char *subtitle = NULL;
  gint64 invoice_id = selected_invoice_id (self);
  gboolean rate_missing = FALSE;
  gboolean shown = KASSA_COLLECTION_IS_DUNNING_STEP (kind) && invoice_id != 0 && self->date != 0;

  gtk_widget_set_visible (GTK_WIDGET (self->interest_row), shown);
  if (!shown)
    {
      self->interest = 0;
      self->interest_invoice_id = 0;
      return;
    }

  /* Validation runs on every keystroke in the note: compute once. */
  if (invoice_id == self->interest_invoice_id && self->date == self->interest_date)
    return;
  self->interest_invoice_id = invoice_id;
  self->interest_date = self->date;
  self->interest = 0;

  if (!kassa_dunning_invoice_interest (self->store, invoice_id, self->date, &self->interest,
                                       &rate_missing, &error))
    {
      self->interest = 0;
      gtk_label_set_text (self->interest_label, "—");
      adw_action_row_set_subtitle (self->interest_row, error->message);
      return;
    }

  amount = kassa_money_format (self->interest, currency (self), self->locale);
  day = kassa_day_format (self->date, self->locale);
  gtk_label_set_text (self->interest_label, amount);
  if (rate_missing)
    /* Translators: %s is a date; the interest could not be counted in full */
    subtitle = g_strdup_printf (_("Claimed with this step, to %s. The reference rate table needs "
                                  "updating: the latest days are not counted."), day);
  else
    /* Translators: %s is the date up to which late interest is counted */
    subtitle = g_strdup_printf (_("Claimed with this step, to %s"), day);
  adw_action_row_set_subtitle (self->interest_row, subtitle);
}

static void
validate (KassaCollectionEventDialog *self)
{
  KassaCollectionKind kind = selected_kind (self);
  g_autofree char *invoice_error = check_invoice (self, kind);
  g_autofree char *date_error = check_date (self);
  g_autofree char *due_by_error = check_due_by (self, kind);
  g_autofree char *fee_error = check_fee (self, kind);
  g_autofree char *note_error = check_note (self, kind);
  const char *first;

  update_interest (self, kind);

  first = invoice_error != NULL ? invoice_error
        : date_error != NULL ? date_error
        : due_by_error != NULL ? due_by_error
        : fee_error != NULL ? fee_error
        : note_error;

  g_clear_pointer (&self->problem, g_free);
  self->problem = g_strdup (first);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.save", self->problem == NULL);
}

static void
show_error (KassaCollectionEventDialog *self,
            const char                 *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_due_by_default (KassaCollectionEventDialog *self,
                    KassaCollectionKind         kind)
{
  const KassaDunningStep *step = ladder_step (self, kind);
  KassaDay from = self->date != 0 ? self->date : self->today;
  g_autofree char *text = NULL;

  if (self->due_by_edited)
    return;

  if (KASSA_COLLECTION_IS_DUNNING_STEP (kind))
    text = kassa_day_format (from + (step != NULL ? step->pay_within_days : DEFAULT_PAY_WITHIN_DAYS),
                             self->locale);
  set_entry_text (self, self->due_by_entry, text != NULL ? text : "");
}

static void
set_fee_default (KassaCollectionEventDialog *self,
                 KassaCollectionKind         kind)
{
  const KassaDunningStep *step = ladder_step (self, kind);
  gint64 cap = fee_cap (self, kind);
  gint64 fee = step != NULL ? step->fee : 0;
  g_autofree char *text = NULL;

  if (self->fee_edited)
    return;

  if (cap >= 0)
    fee = MIN (fee, cap);
  if (KASSA_COLLECTION_IS_DUNNING_STEP (kind) && fee > 0)
    text = kassa_money_format_plain (fee, currency (self), self->locale);
  set_entry_text (self, self->fee_entry, text != NULL ? text : "");
}

/* Shows the fields the kind uses and fills in the ladder's pay-by date and
 * fee for a dunning step. */
static void
apply_kind (KassaCollectionEventDialog *self)
{
  KassaCollectionKind kind = selected_kind (self);
  gboolean dunning = KASSA_COLLECTION_IS_DUNNING_STEP (kind);

  gtk_widget_set_visible (GTK_WIDGET (self->due_by_row),
                          dunning || kind == KASSA_COLLECTION_PROMISE_TO_PAY);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due_by_row),
                                 dunning ? _("Pay By") : _("Promised By"));
  gtk_widget_set_visible (GTK_WIDGET (self->fee_row), dunning);

  set_due_by_default (self, kind);
  set_fee_default (self, kind);
  validate (self);
}

static gboolean
destroy_idle (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static KassaCollectionEvent *
build_event (KassaCollectionEventDialog *self)
{
  KassaCollectionEvent *event = kassa_collection_event_new ();
  KassaCollectionKind kind = selected_kind (self);

  event->customer_id = self->customer_id;
  event->invoice_id = selected_invoice_id (self);
  event->date = self->date;
  event->kind = kind;
  event->due_by = self->due_by;
  event->fee = KASSA_COLLECTION_IS_DUNNING_STEP (kind) ? self->fee : 0;
  event->interest = KASSA_COLLECTION_IS_DUNNING_STEP (kind) ? self->interest : 0;
  g_free (event->author);
  event->author = kassa_collection_author_name ();
  g_free (event->note);
  event->note = kassa_form_text_view_get (self->note_view);
  return event;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kassa_collection_event_dialog_save (KASSA_COLLECTION_EVENT_DIALOG (widget));
}

static void
on_field_changed (KassaCollectionEventDialog *self)
{
  if (self->loading > 0)
    return;

  show_error (self, NULL);
  validate (self);
}

static void
on_kind_changed (KassaCollectionEventDialog *self)
{
  if (self->loading > 0)
    return;

  show_error (self, NULL);
  apply_kind (self);
}

static void
on_invoice_changed (KassaCollectionEventDialog *self)
{
  if (self->loading > 0)
    return;

  /* The fee default may be in another currency now. */
  show_error (self, NULL);
  apply_kind (self);
}

static void
on_date_changed (KassaCollectionEventDialog *self)
{
  if (self->loading > 0)
    return;

  show_error (self, NULL);
  validate (self);
  /* A pay-by date the user did not type follows the date of the step. */
  if (self->date != 0)
    set_due_by_default (self, selected_kind (self));
  validate (self);
}

static void
on_due_by_changed (KassaCollectionEventDialog *self)
{
  if (self->loading > 0)
    return;

  self->due_by_edited = TRUE;
  on_field_changed (self);
}

static void
on_fee_changed (KassaCollectionEventDialog *self)
{
  if (self->loading > 0)
    return;

  self->fee_edited = TRUE;
  on_field_changed (self);
}

static void
on_entry_activate (KassaCollectionEventDialog *self)
{
  kassa_collection_event_dialog_save (self);
}

static void
kassa_collection_event_dialog_dispose (GObject *object)
{
  KassaCollectionEventDialog *self = KASSA_COLLECTION_EVENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_COLLECTION_EVENT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_collection_event_dialog_parent_class)->dispose (object);
}

static void
kassa_collection_event_dialog_finalize (GObject *object)
{
  KassaCollectionEventDialog *self = KASSA_COLLECTION_EVENT_DIALOG (object);

  g_clear_pointer (&self->settings, kassa_collection_settings_free);
  g_clear_pointer (&self->invoices, g_array_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (kassa_collection_event_dialog_parent_class)->finalize (object);
}

/* In the capture phase, so that the note does not take Ctrl+Enter as a
 * line break. */
static void
install_shortcuts (KassaCollectionEventDialog *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut;

  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                               gtk_named_action_new ("entry.save"));
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
kassa_collection_event_dialog_class_init (KassaCollectionEventDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_collection_event_dialog_dispose;
  object_class->finalize = kassa_collection_event_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "entry.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kassa/Kassa/ui/kassa-collection-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionEventDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionEventDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionEventDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionEventDialog, invoice_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionEventDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionEventDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionEventDialog, due_by_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionEventDialog, due_by_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionEventDialog, fee_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionEventDialog, fee_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionEventDialog, interest_row);
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionEventDialog, interest_label);
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionEventDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionEventDialog, note_hint_label);
  gtk_widget_class_bind_template_child (widget_class, KassaCollectionEventDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_invoice_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_due_by_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_fee_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
}

static void
kassa_collection_event_dialog_init (KassaCollectionEventDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  self->loading = 1;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->locale = kassa_locale_current ();
  self->today = kassa_clock_today ();
  self->invoices = g_array_new (FALSE, TRUE, sizeof (OpenInvoice));

  for (guint i = 0; i < G_N_ELEMENTS (offered_kinds); i++)
    gtk_string_list_append (kinds, kassa_collection_kind_to_string (offered_kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  install_shortcuts (self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
}

/* The customer's sent invoices that are still open, oldest due first.
 * One customer's rows through invoices_customer: cheap on any company. */
static gboolean
load_open_invoices (KassaCollectionEventDialog  *self,
                    GError                     **error)
{
  g_autoptr(KassaStoreStatement) stmt = NULL;
  int rc;

  stmt = kassa_store_prepare (self->store,
                              "SELECT i.id, i.number, i.due_date, i.currency, i.total - i.paid"
                              " FROM invoices i WHERE i.customer_id = ?1 AND i.state = 1"
                              " AND i.paid <> i.total AND i.credited_invoice_id IS NULL"
                              " ORDER BY i.due_date, i.number",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OpenInvoice open = { 0, };

      open.id = sqlite3_column_int64 (stmt, 0);
      open.number = sqlite3_column_int64 (stmt, 1);
      open.due_date = sqlite3_column_int (stmt, 2);
      g_strlcpy (open.currency, (const char *) sqlite3_column_text (stmt, 3), sizeof open.currency);
      open.open = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (self->invoices, open);
    }

  if (rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (self->store, rc, error);
  return TRUE;
}

static void
fill_invoice_row (KassaCollectionEventDialog *self)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);

  gtk_string_list_append (items, _("None: about the customer"));
  for (guint i = 0; i < self->invoices->len; i++)
    {
      const OpenInvoice *open = &g_array_index (self->invoices, OpenInvoice, i);
      g_autofree char *due = kassa_day_format (open->due_date, self->locale);
      g_autofree char *amount = kassa_money_format (open->open, open->currency, self->locale);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, open->number);
      g_autofree char *text = NULL;

      /* Translators: an open invoice to choose: its number, due date and
       * open amount, e.g. "Invoice 1023 · due 12.11.2026 · 450,00 € open" */
      text = g_strdup_printf (_("Invoice %s · due %s · %s open"), number, due, amount);
      gtk_string_list_append (items, text);
    }

  adw_combo_row_set_model (self->invoice_row, G_LIST_MODEL (items));
  gtk_widget_set_visible (GTK_WIDGET (self->invoice_row), TRUE);
}

/* Loads whom the entry is about; the invoice (when fixed) decides the
 * customer. */
static gboolean
load_subject (KassaCollectionEventDialog  *self,
              GError                     **error)
{
  g_autoptr(KassaInvoiceRecord) invoice = NULL;
  g_autoptr(KassaCustomerRecord) customer = NULL;
  g_autoptr(KassaCompany) company = kassa_store_get_company (self->store);
  g_autofree char *subtitle = NULL;

  g_strlcpy (self->company_currency, company != NULL ? company->currency : "EUR",
             sizeof self->company_currency);
  g_strlcpy (self->country, company != NULL ? company->country : "FI", sizeof self->country);

  if (self->invoice_id != 0)
    {
      invoice = kassa_store_get_invoice (self->store, self->invoice_id, error);
      if (invoice == NULL)
        return FALSE;
      self->customer_id = invoice->customer_id;
      g_strlcpy (self->invoice_currency, invoice->currency, sizeof self->invoice_currency);
    }

  customer = kassa_store_get_customer (self->store, self->customer_id, error);
  if (customer == NULL)
    return FALSE;
  self->customer_kind = customer->kind;

  if (invoice != NULL)
    {
      g_autofree char *title = kassa_invoice_title_for_record (invoice);

      /* Translators: dialog subtitle: the invoice and its customer */
      subtitle = g_strdup_printf (_("%s · %s"), title, customer->name);
    }
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : customer->name);

  if (self->invoice_id == 0)
    {
      if (!load_open_invoices (self, error))
        return FALSE;
      fill_invoice_row (self);
    }

  return TRUE;
}

KassaCollectionEventDialog *
kassa_collection_event_dialog_new (GtkWindow   *parent,
                                   KassaStore  *store,
                                   gint64       customer_id,
                                   gint64       invoice_id,
                                   GError     **error)
{
  KassaCollectionEventDialog *self;
  g_autofree char *today = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);
  g_return_val_if_fail (customer_id != 0 || invoice_id != 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Like every GtkWindow, the dialog is owned by GTK's toplevel list. */
  self = g_object_new (KASSA_TYPE_COLLECTION_EVENT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->customer_id = customer_id;
  self->invoice_id = invoice_id;

  if (!load_subject (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->settings = kassa_collection_settings_load (store);

  today = kassa_day_format (self->today, self->locale);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  self->loading = 0;
  apply_kind (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));

  return self;
}

void
kassa_collection_event_dialog_set_kind (KassaCollectionEventDialog *self,
                                        KassaCollectionKind         kind)
{
  g_return_if_fail (KASSA_IS_COLLECTION_EVENT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (offered_kinds); i++)
    if (offered_kinds[i] == kind)
      adw_combo_row_set_selected (self->kind_row, i);
}

void
kassa_collection_event_dialog_save (KassaCollectionEventDialog *self)
{
  g_autoptr(KassaCollectionEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KASSA_IS_COLLECTION_EVENT_DIALOG (self));

  validate (self);
  if (self->problem != NULL)
    {
      show_error (self, self->problem);
      return;
    }

  /* On failure everything typed stays in the form. */
  event = build_event (self);
  if (!kassa_store_add_collection_event (self->store, event, &error))
    {
      show_error (self, error->message);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle, g_object_ref (self), g_object_unref);
}

AdwComboRow *
kassa_collection_event_dialog_get_kind_row (KassaCollectionEventDialog *self)
{
  g_return_val_if_fail (KASSA_IS_COLLECTION_EVENT_DIALOG (self), NULL);

  return self->kind_row;
}

AdwComboRow *
kassa_collection_event_dialog_get_invoice_row (KassaCollectionEventDialog *self)
{
  g_return_val_if_fail (KASSA_IS_COLLECTION_EVENT_DIALOG (self), NULL);

  return self->invoice_id == 0 ? self->invoice_row : NULL;
}

GtkEditable *
kassa_collection_event_dialog_get_date_entry (KassaCollectionEventDialog *self)
{
  g_return_val_if_fail (KASSA_IS_COLLECTION_EVENT_DIALOG (self), NULL);

  return GTK_EDITABLE (self->date_entry);
}

GtkEditable *
kassa_collection_event_dialog_get_due_by_entry (KassaCollectionEventDialog *self)
{
  g_return_val_if_fail (KASSA_IS_COLLECTION_EVENT_DIALOG (self), NULL);

  return GTK_EDITABLE (self->due_by_entry);
}

GtkEditable *
kassa_collection_event_dialog_get_fee_entry (KassaCollectionEventDialog *self)
{
  g_return_val_if_fail (KASSA_IS_COLLECTION_EVENT_DIALOG (self), NULL);

  return GTK_EDITABLE (self->fee_entry);
}

GtkTextView *
kassa_collection_event_dialog_get_note_view (KassaCollectionEventDialog *self)
{
  g_return_val_if_fail (KASSA_IS_COLLECTION_EVENT_DIALOG (self), NULL);

  return self->note_view;
}

GtkButton *
kassa_collection_event_dialog_get_add_button (KassaCollectionEventDialog *self)
{
  g_return_val_if_fail (KASSA_IS_COLLECTION_EVENT_DIALOG (self), NULL);

  return self->add_button;
}

const char *
kassa_collection_event_dialog_get_problem (KassaCollectionEventDialog *self)
{
  g_return_val_if_fail (KASSA_IS_COLLECTION_EVENT_DIALOG (self), NULL);

  return self->problem;
}
