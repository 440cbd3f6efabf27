/* test-collection-log-ui.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collection log widgets, driven through the real windows: the
 * Collection section of the invoice view, KassaCollectionEventDialog
 * (entries stored, bad input refused), the timeline of an invoice and of a
 * customer, deleting after the confirmation, the Disputed switch and the
 * invoice editor's credit warning.  Runs in en, fi and zh_CN (see
 * meson.build); every string is compared through the same gettext call or
 * format helper the UI uses.  The letter PDF is tested elsewhere: it goes
 * through a file chooser.
 *
 * Today is 2026-11-24 ($KASSA_TODAY).  The hand-built company is Finnish
 * (EUR).  Its customer Virtanen Design Oy (business, credit limit 5 000.00)
 * paid five invoices, issued on the 1st of March … July 2026 with 14 days'
 * terms, on the 20th: always 5 days late.  It owes
 *   A: 4 200.00, issued 26.9., due 10.10.: 45 days overdue;
 *   B:   300.00, issued 20.11., due 4.12.: not yet due.
 * The expected payment dates, worked out by hand from the model in
 * kassa-payment-behaviour.c (the customer's and the company's median days
 * late are both 5):
 *   B: 4.12. + 5 = 9.12., from the customer's history;
 *   A: 10.10. + 5 = 15.10. is past, and no invoice was ever paid more than
 *      45 days late, so it is re-estimated as today + 7 = 1.12.
 * Late interest of A to today: the reference rate from 1.7.2026 is set to
 * 2.0 %, so a business pays 10.0 % a year, actual/365, for the 45 days
 * 11.10.–24.11.: 4 200.00 × 10 % × 45 / 365 = 51.7808 → 51.78.
 */
#define G_LOG_DOMAIN "kassa-test-collection-log"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kassa-clock.h"
#include "kassa-collection-event-dialog.h"
#include "kassa-collection-log.h"
#include "kassa-date.h"
#include "kassa-dunning.h"
#include "kassa-format.h"
#include "kassa-invoice-editor.h"
#include "kassa-invoice-view.h"
#include "kassa-money.h"
#include "kassa-ui-test-support.h"

/* Generous: the machine is shared and the estimate runs in a thread. */
#define TIMEOUT_MS 10000

#define CUSTOMER_NOTE   "Asked for the invoice copy again."
#define CALL_NOTE       "Spoke with the CFO: cash is tight until their customer pays."
#define NEW_CALL_NOTE   "Called again; they will pay after the board meeting."

/* The hand-built company. */
typedef struct
{
  KassaStore *store;
  gint64      customer;        /* Virtanen Design Oy, limit 5 000.00 */
  gint64      small_customer;  /* Laine Oy, limit 1 000.00 */
  gint64      overdue;         /* A: 4 200.00, 45 days overdue */
  gint64      not_due;         /* B: 300.00, due 4.12. */
  gint64      small_open;      /* Laine Oy: 300.00, due 4.12. */
} Company;

/* The seeded log, oldest first: a reminder, a call and a promise that was
 * broken on 20.11. about A, and a note about the customer. */
#define SEEDED_REMINDER_DATE   kassa_day_from_ymd (2026, 10, 17)
#define SEEDED_CALL_DATE       kassa_day_from_ymd (2026, 11, 5)
#define SEEDED_NOTE_DATE       kassa_day_from_ymd (2026, 11, 10)
#define SEEDED_REMINDER_FEE      500
#define SEEDED_REMINDER_INTEREST 1234

#define EXPECTED_A_DATE     kassa_day_from_ymd (2026, 12, 1)
#define EXPECTED_B_DATE     kassa_day_from_ymd (2026, 12, 9)
#define INTEREST_A          5178

/* Widgets */

static gboolean
is_toplevel (gpointer window)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean found = g_list_find (toplevels, window) != NULL;

  g_list_free (toplevels);
  return found;
}

/* Formatting, as the UI does it */

static char *
number_text (gint64 number)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, number);
}

/* The company */

static gint64
add_customer (KassaStore *store,
              const char *name,
              gint64      credit_limit)
{
  g_autoptr(KassaCustomerRecord) customer = test_customer_new (name);

  customer->credit_limit = credit_limit;
  return save_test_customer (store, customer);
}

/* A sent invoice of amount (one line, 0 % VAT) with 14 days' terms, paid
 * in full on paid_on unless that is 0. */
static gint64
add_invoice (KassaStore *store,
             gint64      customer_id,
             KassaDay    issue_date,
             gint64      amount,
             KassaDay    paid_on)
{
  gint64 id = add_test_invoice (store, customer_id, issue_date, amount);

  if (paid_on != 0)
    add_test_payment (store, id, amount, paid_on);
  return id;
}

static void
add_event (KassaStore          *store,
           gint64               customer_id,
           gint64               invoice_id,
           KassaCollectionKind  kind,
           KassaDay             date,
           KassaDay             due_by,
           const char          *note)
{
  g_autoptr(KassaCollectionEvent) event = test_event_new (customer_id, invoice_id, kind, date,
                                                          due_by);

  if (kind == KASSA_COLLECTION_REMINDER_1)
    {
      event->fee = SEEDED_REMINDER_FEE;
      event->interest = SEEDED_REMINDER_INTEREST;
    }
  g_free (event->author);
  event->author = g_strdup ("Maija Virtanen");
  g_free (event->note);
  event->note = g_strdup (note);
  save_test_event (store, event);
}

/* The seeded table ends with 1.1.2026: add the current half-year. */
static void
add_current_reference_rate (KassaStore *store)
{
  KassaReferenceRate rate = { "FI", 0, 200 };
  g_autoptr(GError) error = NULL;

  rate.start_date = kassa_day_from_ymd (2026, 7, 1);
  kassa_store_set_reference_rate (store, &rate, &error);
  g_assert_no_error (error);
}

static void
create_company (Company *c)
{
  c->store = create_company_file ("collection-log.kassa");
  add_current_reference_rate (c->store);

  c->customer = add_customer (c->store, "Virtanen Design Oy", 500000);
  c->small_customer = add_customer (c->store, "Laine Oy", 100000);
  for (int month = 3; month <= 7; month++)
    add_invoice (c->store, c->customer, kassa_day_from_ymd (2026, month, 1), 50000,
                 kassa_day_from_ymd (2026, month, 20));
  c->overdue = add_invoice (c->store, c->customer, kassa_day_from_ymd (2026, 9, 26), 420000, 0);
  c->not_due = add_invoice (c->store, c->customer, kassa_day_from_ymd (2026, 11, 20), 30000, 0);
  c->small_open = add_invoice (c->store, c->small_customer, kassa_day_from_ymd (2026, 11, 20),
                               30000, 0);

  add_event (c->store, c->customer, c->overdue, KASSA_COLLECTION_REMINDER_1, SEEDED_REMINDER_DATE,
             kassa_day_from_ymd (2026, 10, 31), "");
  add_event (c->store, c->customer, c->overdue, KASSA_COLLECTION_PHONE_CALL, SEEDED_CALL_DATE, 0,
             CALL_NOTE);
  add_event (c->store, c->customer, c->overdue, KASSA_COLLECTION_PROMISE_TO_PAY, SEEDED_CALL_DATE,
             kassa_day_from_ymd (2026, 11, 20), "");
  add_event (c->store, c->customer, 0, KASSA_COLLECTION_NOTE, SEEDED_NOTE_DATE, 0, CUSTOMER_NOTE);
}

static void
company_clear (Company *c)
{
  g_clear_object (&c->store);
}

static GPtrArray *
stored_events (KassaStore *store,
               gint64      customer_id,
               gint64      invoice_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = kassa_store_list_collection_events (store, customer_id, invoice_id, &error);

  g_assert_no_error (error);
  return events;
}

static guint
n_stored_events (KassaStore *store,
                 gint64      customer_id,
                 gint64      invoice_id)
{
  g_autoptr(GPtrArray) events = stored_events (store, customer_id, invoice_id);

  return events->len;
}

static const KassaCollectionEvent *
newest_event (GPtrArray *events)
{
  g_assert_cmpuint (events->len, >, 0);
  return g_ptr_array_index (events, 0);
}

static gboolean
invoice_disputed (KassaStore *store,
                  gint64      invoice_id)
{
  g_autoptr(KassaInvoiceRecord) invoice = get_stored_invoice (store, invoice_id);

  return invoice->disputed;
}

/* The invoice view */

static KassaInvoiceView *
open_invoice_view (KassaStore *store,
                   gint64      invoice_id)
{
  g_autoptr(GError) error = NULL;
  KassaInvoiceView *view = kassa_invoice_view_new (store, invoice_id, &error);

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (view), 860, 1000);
  gtk_window_present (GTK_WINDOW (view));
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (view)));
  return view;
}

static AdwActionRow *
view_row (KassaInvoiceView *view,
          const char       *name)
{
  return ADW_ACTION_ROW (require_widget (GTK_WIDGET (view), has_name, name));
}

/* The expected payment date is estimated in a thread: wait until its
 * spinner is gone. */
static void
wait_for_estimate (KassaInvoiceView *view)
{
  GtkWidget *spinner = require_widget (GTK_WIDGET (view_row (view, "expected-payment")), is_of_type,
                                       GSIZE_TO_POINTER (GTK_TYPE_SPINNER));

  wait_for (!gtk_widget_get_visible (spinner));
}

static const char *
level_text (KassaInvoiceView *view)
{
  return adw_action_row_get_subtitle (view_row (view, "dunning-level"));
}

static const char *
expected_text (KassaInvoiceView *view)
{
  wait_for_estimate (view);
  return adw_action_row_get_subtitle (view_row (view, "expected-payment"));
}

static char *
sent_on_text (KassaCollectionKind kind,
              KassaDay            date)
{
  g_autofree char *day = day_text (date);

  return g_strdup_printf (_("%s sent on %s"), kassa_collection_kind_to_string (kind), day);
}

static char *
expected_overdue_text (KassaDay date)
{
  g_autofree char *day = day_text (date);

  return g_strdup_printf (_("Expected %s: later than predicted, so estimated again"), day);
}

static char *
expected_history_text (KassaDay date)
{
  g_autofree char *day = day_text (date);

  return g_strdup_printf (_("Expected %s from this customer’s history"), day);
}

static char *
promised_text (KassaDay date)
{
  g_autofree char *day = day_text (date);

  return g_strdup_printf (_("Promised by %s"), day);
}

static KassaCollectionLog *
view_log (KassaInvoiceView *view)
{
  GtkWidget *log = require_widget (GTK_WIDGET (view), is_of_type,
                                   GSIZE_TO_POINTER (KASSA_TYPE_COLLECTION_LOG));

  return KASSA_COLLECTION_LOG (log);
}

/* The timeline */

static gboolean
letter_offered (KassaCollectionLog *log)
{
  return gtk_widget_get_visible (GTK_WIDGET (kassa_collection_log_get_letter_button (log)));
}

static AdwActionRow *
log_row (KassaCollectionLog *log,
         guint               index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (kassa_collection_log_get_list (log), index);

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  return ADW_ACTION_ROW (row);
}

static guint
n_log_rows (KassaCollectionLog *log)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (kassa_collection_log_get_list (log), n) != NULL)
    n++;
  return n;
}

static const char *
row_title (KassaCollectionLog *log,
           guint               index)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (log_row (log, index)));
}

static const char *
row_subtitle (KassaCollectionLog *log,
              guint               index)
{
  return adw_action_row_get_subtitle (log_row (log, index));
}

/* The kinds of the rows, newest first, and as many entries as rows. */
static void
check_timeline (KassaCollectionLog        *log,
                const KassaCollectionKind *kinds,
                guint                      n_kinds)
{
  g_assert_cmpuint (kassa_collection_log_get_n_entries (log), ==, n_kinds);
  g_assert_cmpuint (n_log_rows (log), ==, n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    g_assert_cmpstr (row_title (log, i), ==, kassa_collection_kind_to_string (kinds[i]));
}

/* "date[ · Invoice n][ · promised by/pay by d] · author[\nnote]", as a
 * row of the log shows an entry. */
static char *
entry_subtitle (KassaDay             date,
                gint64               number,
                KassaCollectionKind  kind,
                KassaDay             due_by,
                const char          *author,
                const char          *note)
{
  g_autofree char *day = day_text (date);
  g_autoptr(GString) text = g_string_new (day);

  if (number != 0)
    {
      g_autofree char *number_str = number_text (number);

      g_string_append (text, " · ");
      g_string_append_printf (text, _("Invoice %s"), number_str);
    }
  if (due_by != 0)
    {
      g_autofree char *due_by_day = day_text (due_by);

      g_string_append (text, " · ");
      if (kind == KASSA_COLLECTION_PROMISE_TO_PAY)
        g_string_append_printf (text, _("promised by %s"), due_by_day);
      else
        g_string_append_printf (text, _("pay by %s"), due_by_day);
    }
  g_string_append_printf (text, " · %s", author);
  if (note != NULL && note[0] != '\0')
    g_string_append_printf (text, "\n%s", note);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The confirmation a delete asks for */

static char *
delete_body (KassaCollectionKind kind,
             KassaDay            date)
{
  g_autofree char *day = day_text (date);
  g_autofree char *body = NULL;

  body = g_strdup_printf (_("“%s” of %s will be removed from the collection log."),
                          kassa_collection_kind_to_string (kind), day);

  if (kind != KASSA_COLLECTION_DISPUTE_OPENED && kind != KASSA_COLLECTION_DISPUTE_RESOLVED)
    return g_steal_pointer (&body);

  return g_strconcat (body, " ",
                      _("Whether the invoice is disputed does not change: use the Disputed "
                        "switch for that."),
                      NULL);
}

/* Clicks the trash button of row index and waits for the question. */
static AdwMessageDialog *
click_delete (KassaCollectionLog *log,
              guint               index)
{
  AdwMessageDialog *question;

  press (require_widget (GTK_WIDGET (log_row (log, index)), is_button_with_tooltip,
                         _("Delete Entry")));
  wait_for ((question = visible_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  return question;
}

/* Answers the question with the button a user would click. */
static void
answer (AdwMessageDialog *question,
        const char       *button_label)
{
  press (require_widget (GTK_WIDGET (question), is_button_with_label, button_label));
  wait_for (visible_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

/* The event dialog */

static KassaCollectionEventDialog *
open_event_dialog (KassaCollectionLog *log)
{
  KassaCollectionEventDialog *dialog;

  g_assert_null (visible_toplevel (KASSA_TYPE_COLLECTION_EVENT_DIALOG));
  press (GTK_WIDGET (kassa_collection_log_get_add_button (log)));
  wait_for ((dialog = visible_toplevel (KASSA_TYPE_COLLECTION_EVENT_DIALOG)) != NULL);
  return dialog;
}

static void
set_note (KassaCollectionEventDialog *dialog,
          const char                 *note)
{
  GtkTextView *view = kassa_collection_event_dialog_get_note_view (dialog);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), note, -1);
}

static GtkWidget *
dialog_error_label (KassaCollectionEventDialog *dialog)
{
  return require_widget (GTK_WIDGET (dialog), has_name, "collection-entry-error");
}

static gboolean
can_add (KassaCollectionEventDialog *dialog)
{
  GtkButton *add = kassa_collection_event_dialog_get_add_button (dialog);

  return gtk_widget_is_sensitive (GTK_WIDGET (add));
}

/* The dialog hides at once and is destroyed when idle: wait for that, so
 * that it does not outlive the window it belongs to. */
static void
press_add (KassaCollectionEventDialog *dialog)
{
  g_assert_null (kassa_collection_event_dialog_get_problem (dialog));
  press (GTK_WIDGET (kassa_collection_event_dialog_get_add_button (dialog)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  wait_for (!is_toplevel (dialog));
}

/* Enter in a field saves too; with a problem the dialog refuses: the
 * problem is shown, nothing is stored, the dialog stays. */
static void
check_refused (KassaCollectionEventDialog *dialog,
               KassaStore                 *store,
               gint64                      invoice_id,
               const char                 *message)
{
  GtkWidget *due_by = GTK_WIDGET (kassa_collection_event_dialog_get_due_by_entry (dialog));
  GtkWidget *due_by_row = gtk_widget_get_ancestor (due_by, ADW_TYPE_ACTION_ROW);
  GtkWidget *error_label = dialog_error_label (dialog);
  guint before = n_stored_events (store, 0, invoice_id);

  g_assert_cmpstr (kassa_collection_event_dialog_get_problem (dialog), ==, message);
  g_assert_false (can_add (dialog));
  /* Beside the field at once … */
  g_assert_true (gtk_widget_has_css_class (due_by, "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (due_by_row)), ==, message);
  g_assert_false (gtk_widget_get_visible (error_label));

  /* … and under the form when the user tries to save anyway. */
  g_signal_emit_by_name (due_by, "activate");
  settle (50);
  g_assert_true (visible_toplevel (KASSA_TYPE_COLLECTION_EVENT_DIALOG) == dialog);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, message);
  g_assert_cmpuint (n_stored_events (store, 0, invoice_id), ==, before);
}

/* Test cases */

/* What the Collection section says about an overdue invoice with a
 * reminder and a broken promise, and about one not yet due. */
static void
test_collection_section (void)
{
  Company c = { 0 };
  KassaInvoiceView *view;
  g_autofree char *level = NULL;
  g_autofree char *expected_a = NULL;
  g_autofree char *expected_b = NULL;
  g_autofree char *interest = NULL;
  g_autofree char *zero = NULL;
  g_autofree char *today = NULL;
  g_autofree char *to_today = NULL;
  g_autoptr(GError) error = NULL;
  gint64 computed = -1;
  gboolean rate_missing = TRUE;

  if (in_parent_process ())
    return;

  create_company (&c);
  level = sent_on_text (KASSA_COLLECTION_REMINDER_1, SEEDED_REMINDER_DATE);
  expected_a = expected_overdue_text (EXPECTED_A_DATE);
  expected_b = expected_history_text (EXPECTED_B_DATE);
  interest = money_text (INTEREST_A);
  zero = money_text (0);
  today = day_text (kassa_clock_today ());
  to_today = g_strdup_printf (_("To %s"), today);

  /* The analytics agree with the figure worked out by hand. */
  kassa_dunning_invoice_interest (c.store, c.overdue, kassa_clock_today (), &computed,
                                  &rate_missing, &error);
  g_assert_no_error (error);
  g_assert_cmpint (computed, ==, INTEREST_A);
  g_assert_false (rate_missing);

  /* A: reminder 1, re-estimated date (the promise of 20.11. was broken),
   * interest to today; a letter can be made. */
  view = open_invoice_view (c.store, c.overdue);
  g_assert_cmpstr (level_text (view), ==, level);
  g_assert_cmpstr (expected_text (view), ==, expected_a);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_widget (GTK_WIDGET (view), has_name,
                                                                  "late-interest-amount"))),
                   ==, interest);
  g_assert_cmpstr (adw_action_row_get_subtitle (view_row (view, "late-interest")), ==, to_today);
  g_assert_true (letter_offered (view_log (view)));
  gtk_window_destroy (GTK_WINDOW (view));

  /* B: nothing sent, paid as this customer usually pays, no interest. */
  view = open_invoice_view (c.store, c.not_due);
  g_assert_cmpstr (level_text (view), ==, _("No reminders"));
  g_assert_cmpstr (expected_text (view), ==, expected_b);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_widget (GTK_WIDGET (view), has_name,
                                                                  "late-interest-amount"))),
                   ==, zero);
  g_assert_cmpstr (adw_action_row_get_subtitle (view_row (view, "late-interest")), ==,
                   _("None while the invoice is not overdue"));
  g_assert_cmpuint (kassa_collection_log_get_n_entries (view_log (view)), ==, 0);
  g_assert_false (letter_offered (view_log (view)));
  g_assert_true (gtk_widget_get_mapped (require_widget (GTK_WIDGET (view_log (view)),
                                                        is_label_with_text,
                                                        _("No collection steps yet"))));

  destroy_all_windows ();
  company_clear (&c);
}

/* Entries added through KassaCollectionEventDialog from the invoice
 * view's log */

static GtkEditable *
due_by_entry (KassaCollectionEventDialog *dialog)
{
  return kassa_collection_event_dialog_get_due_by_entry (dialog);
}

static GtkEditable *
fee_entry (KassaCollectionEventDialog *dialog)
{
  return kassa_collection_event_dialog_get_fee_entry (dialog);
}

static const char *
named_label_text (gpointer    root,
                  const char *name)
{
  return gtk_label_get_text (GTK_LABEL (require_widget (GTK_WIDGET (root), has_name, name)));
}

/* The newest entry of the invoice, after adding one of n. */
static const KassaCollectionEvent *
check_added (GPtrArray           *events,
             guint                n,
             KassaCollectionKind  kind)
{
  const KassaCollectionEvent *event = newest_event (events);
  g_autofree char *author = kassa_collection_author_name ();

  g_assert_cmpuint (events->len, ==, n);
  g_assert_cmpint (event->kind, ==, kind);
  g_assert_cmpint (event->date, ==, kassa_clock_today ());
  g_assert_cmpstr (event->author, ==, author);
  return event;
}

/* A phone call with a note: no date to pay by, no fee. */
static void
add_phone_call (Company            *c,
                KassaCollectionLog *log)
{
  KassaCollectionEventDialog *dialog = open_event_dialog (log);
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *author = kassa_collection_author_name ();
  g_autofree char *subtitle = entry_subtitle (kassa_clock_today (), 0, KASSA_COLLECTION_PHONE_CALL,
                                              0, author, NEW_CALL_NOTE);
  const KassaCollectionEvent *event;

  /* About the invoice of the view: no choice of invoice. */
  g_assert_null (kassa_collection_event_dialog_get_invoice_row (dialog));
  kassa_collection_event_dialog_set_kind (dialog, KASSA_COLLECTION_PHONE_CALL);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (due_by_entry (dialog))));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (fee_entry (dialog))));
  set_note (dialog, NEW_CALL_NOTE);
  press_add (dialog);

  events = stored_events (c->store, 0, c->overdue);
  event = check_added (events, 4, KASSA_COLLECTION_PHONE_CALL);
  g_assert_cmpint (event->customer_id, ==, c->customer);
  g_assert_cmpint (event->invoice_id, ==, c->overdue);
  g_assert_cmpint (event->due_by, ==, 0);
  g_assert_cmpint (event->fee, ==, 0);
  g_assert_cmpint (event->interest, ==, 0);
  g_assert_cmpstr (event->note, ==, NEW_CALL_NOTE);

  /* Newest first; the invoice's own log does not repeat its number. */
  g_assert_cmpuint (kassa_collection_log_get_n_entries (log), ==, 4);
  g_assert_cmpstr (row_title (log, 0), ==,
                   kassa_collection_kind_to_string (KASSA_COLLECTION_PHONE_CALL));
  g_assert_cmpstr (row_subtitle (log, 0), ==, subtitle);
}

/* A promise needs the date it was promised by, a real one, not before
 * the entry. */
static void
add_promise (Company            *c,
             KassaCollectionLog *log,
             KassaDay            promised)
{
  KassaCollectionEventDialog *dialog = open_event_dialog (log);
  KassaDay today = kassa_clock_today ();
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *author = kassa_collection_author_name ();
  g_autofree char *promised_day = day_text (promised);
  g_autofree char *yesterday = day_text (today - 1);
  g_autofree char *subtitle = entry_subtitle (today, 0, KASSA_COLLECTION_PROMISE_TO_PAY, promised,
                                              author, "");
  const char *bad_date = "31.13.2026";
  KassaDay parsed = 0;

  kassa_collection_event_dialog_set_kind (dialog, KASSA_COLLECTION_PROMISE_TO_PAY);
  g_assert_cmpstr (gtk_editable_get_text (due_by_entry (dialog)), ==, "");
  check_refused (dialog, c->store, c->overdue, _("Enter the date the customer promised to pay by"));

  /* A day that does not exist: the parser's own message. */
  g_assert_false (kassa_day_parse (bad_date, kassa_locale_current (), today, &parsed,
                                   &parse_error));
  gtk_editable_set_text (due_by_entry (dialog), bad_date);
  check_refused (dialog, c->store, c->overdue, parse_error->message);

  gtk_editable_set_text (due_by_entry (dialog), yesterday);
  check_refused (dialog, c->store, c->overdue, _("Enter a date on or after the date of the entry"));

  gtk_editable_set_text (due_by_entry (dialog), promised_day);
  g_assert_false (gtk_widget_get_visible (dialog_error_label (dialog)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (due_by_entry (dialog)), "error"));
  press_add (dialog);

  events = stored_events (c->store, 0, c->overdue);
  g_assert_cmpint (check_added (events, 5, KASSA_COLLECTION_PROMISE_TO_PAY)->due_by, ==, promised);
  g_assert_cmpstr (newest_event (events)->note, ==, "");
  g_assert_cmpstr (row_subtitle (log, 0), ==, subtitle);
}

/* Reminder 2 with the business ladder's 14 days to pay and 5.00 fee, and
 * the interest to today. */
static void
add_reminder (Company            *c,
              KassaCollectionLog *log)
{
  KassaCollectionEventDialog *dialog = open_event_dialog (log);
  KassaDay pay_by = kassa_clock_today () + 14;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *pay_by_day = day_text (pay_by);
  g_autofree char *fee = money_input (500);
  g_autofree char *interest = money_text (INTEREST_A);
  const KassaCollectionEvent *event;

  kassa_collection_event_dialog_set_kind (dialog, KASSA_COLLECTION_REMINDER_2);
  g_assert_cmpstr (gtk_editable_get_text (due_by_entry (dialog)), ==, pay_by_day);
  g_assert_cmpstr (gtk_editable_get_text (fee_entry (dialog)), ==, fee);
  g_assert_cmpstr (named_label_text (dialog, "collection-entry-interest"), ==, interest);
  press_add (dialog);

  events = stored_events (c->store, 0, c->overdue);
  event = check_added (events, 6, KASSA_COLLECTION_REMINDER_2);
  g_assert_cmpint (event->due_by, ==, pay_by);
  g_assert_cmpint (event->fee, ==, 500);
  g_assert_cmpint (event->interest, ==, INTEREST_A);
}

static void
test_event_dialog (void)
{
  Company c = { 0 };
  KassaInvoiceView *view;
  KassaCollectionLog *log;
  KassaDay promised = kassa_clock_today () + 10;
  g_autofree char *expected = promised_text (promised);
  g_autofree char *level = sent_on_text (KASSA_COLLECTION_REMINDER_2, kassa_clock_today ());
  const KassaCollectionKind seeded[] = {
    KASSA_COLLECTION_PROMISE_TO_PAY, KASSA_COLLECTION_PHONE_CALL, KASSA_COLLECTION_REMINDER_1,
  };
  const KassaCollectionKind after[] = {
    KASSA_COLLECTION_REMINDER_2, KASSA_COLLECTION_PROMISE_TO_PAY, KASSA_COLLECTION_PHONE_CALL,
    KASSA_COLLECTION_PROMISE_TO_PAY, KASSA_COLLECTION_PHONE_CALL, KASSA_COLLECTION_REMINDER_1,
  };

  if (in_parent_process ())
    return;

  create_company (&c);
  view = open_invoice_view (c.store, c.overdue);
  log = view_log (view);
  /* The invoice's entries only, not the note about the customer. */
  check_timeline (log, seeded, G_N_ELEMENTS (seeded));

  add_phone_call (&c, log);
  add_promise (&c, log, promised);
  /* The view now expects the promised date. */
  g_assert_cmpstr (expected_text (view), ==, expected);
  add_reminder (&c, log);
  check_timeline (log, after, G_N_ELEMENTS (after));
  g_assert_cmpstr (level_text (view), ==, level);

  destroy_all_windows ();
  company_clear (&c);
}

/* The customer's whole log */

static KassaCollectionLog *
show_customer_log (KassaStore *store,
                   gint64      customer_id)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *log = kassa_collection_log_new (store, customer_id, 0);

  gtk_window_set_child (GTK_WINDOW (window), log);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (gtk_widget_get_mapped (log));
  return KASSA_COLLECTION_LOG (log);
}

static char *
seeded_note_subtitle (void)
{
  return entry_subtitle (SEEDED_NOTE_DATE, 0, KASSA_COLLECTION_NOTE, 0, "Maija Virtanen",
                         CUSTOMER_NOTE);
}

/* Newest first (date, then the order entered): the note of 10.11., the
 * promise and the call of 5.11., the reminder of 17.10.; the entries about
 * an invoice name it. */
static void
check_customer_timeline (Company            *c,
                         KassaCollectionLog *log)
{
  gint64 number = stored_invoice_number (c->store, c->overdue);
  g_autofree char *number_str = number_text (number);
  g_autofree char *note = seeded_note_subtitle ();
  g_autofree char *promise = entry_subtitle (SEEDED_CALL_DATE, number,
                                             KASSA_COLLECTION_PROMISE_TO_PAY,
                                             kassa_day_from_ymd (2026, 11, 20), "Maija Virtanen",
                                             "");
  g_autofree char *call = entry_subtitle (SEEDED_CALL_DATE, number, KASSA_COLLECTION_PHONE_CALL, 0,
                                          "Maija Virtanen", CALL_NOTE);
  g_autofree char *reminder = entry_subtitle (SEEDED_REMINDER_DATE, number,
                                              KASSA_COLLECTION_REMINDER_1,
                                              kassa_day_from_ymd (2026, 10, 31), "Maija Virtanen",
                                              "");
  g_autofree char *fee_amount = money_text (SEEDED_REMINDER_FEE);
  g_autofree char *interest_amount = money_text (SEEDED_REMINDER_INTEREST);
  g_autofree char *fee = g_strdup_printf (_("Fee %s"), fee_amount);
  g_autofree char *interest = g_strdup_printf (_("Interest %s"), interest_amount);
  const KassaCollectionKind kinds[] = {
    KASSA_COLLECTION_NOTE, KASSA_COLLECTION_PROMISE_TO_PAY, KASSA_COLLECTION_PHONE_CALL,
    KASSA_COLLECTION_REMINDER_1,
  };

  check_timeline (log, kinds, G_N_ELEMENTS (kinds));
  g_assert_cmpstr (row_subtitle (log, 0), ==, note);
  g_assert_cmpstr (row_subtitle (log, 1), ==, promise);
  g_assert_cmpstr (row_subtitle (log, 2), ==, call);
  g_assert_cmpstr (row_subtitle (log, 3), ==, reminder);
  g_assert_true (strstr (row_subtitle (log, 3), number_str) != NULL);

  /* The reminder's fee and interest beside it, nothing beside the call. */
  g_assert_nonnull (search_widget (GTK_WIDGET (log_row (log, 3)), is_label_with_text, fee));
  g_assert_nonnull (search_widget (GTK_WIDGET (log_row (log, 3)), is_label_with_text, interest));
  g_assert_null (search_widget (GTK_WIDGET (log_row (log, 2)), is_label_with_text, fee));
  g_assert_true (letter_offered (log));
}

/* Opened for the customer, the dialog offers no invoice (the default) or
 * one of the two open ones, oldest due first. */
static void
check_invoice_choice (Company                    *c,
                      KassaCollectionEventDialog *dialog)
{
  AdwComboRow *invoice_row = kassa_collection_event_dialog_get_invoice_row (dialog);
  g_autofree char *number = number_text (stored_invoice_number (c->store, c->overdue));
  g_autofree char *due = day_text (kassa_day_from_ymd (2026, 10, 10));
  g_autofree char *open = money_text (420000);
  g_autofree char *choice = NULL;
  g_autoptr(GtkStringObject) item = NULL;

  choice = g_strdup_printf (_("Invoice %s · due %s · %s open"), number, due, open);

  g_assert_nonnull (invoice_row);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (invoice_row)), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (invoice_row), ==, 0);
  item = g_list_model_get_item (adw_combo_row_get_model (invoice_row), 1);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, choice);
}

/* A note about the customer, not about an invoice. */
static void
add_customer_note (Company            *c,
                   KassaCollectionLog *log)
{
  KassaCollectionEventDialog *dialog = open_event_dialog (log);
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *author = kassa_collection_author_name ();
  g_autofree char *subtitle = entry_subtitle (kassa_clock_today (), 0, KASSA_COLLECTION_NOTE, 0,
                                              author, "Sent a statement.");
  const KassaCollectionKind kinds[] = {
    KASSA_COLLECTION_NOTE, KASSA_COLLECTION_NOTE, KASSA_COLLECTION_PROMISE_TO_PAY,
    KASSA_COLLECTION_PHONE_CALL, KASSA_COLLECTION_REMINDER_1,
  };

  check_invoice_choice (c, dialog);
  /* A reminder must be about an invoice; a note needs its text. */
  kassa_collection_event_dialog_set_kind (dialog, KASSA_COLLECTION_REMINDER_1);
  g_assert_cmpstr (kassa_collection_event_dialog_get_problem (dialog), ==,
                   _("Choose the invoice this step is about"));
  kassa_collection_event_dialog_set_kind (dialog, KASSA_COLLECTION_NOTE);
  g_assert_cmpstr (kassa_collection_event_dialog_get_problem (dialog), ==, _("Write the note"));
  g_assert_false (can_add (dialog));
  set_note (dialog, "Sent a statement.");
  press_add (dialog);

  events = stored_events (c->store, c->customer, 0);
  check_added (events, 5, KASSA_COLLECTION_NOTE);
  g_assert_cmpint (newest_event (events)->invoice_id, ==, 0);
  g_assert_cmpstr (newest_event (events)->note, ==, "Sent a statement.");
  check_timeline (log, kinds, G_N_ELEMENTS (kinds));
  g_assert_cmpstr (row_subtitle (log, 0), ==, subtitle);
}

/* Delete asks first: Cancel keeps the entry, Delete removes it from the
 * store and the timeline.  The hook asks the same: deleting the reminder
 * leaves no dunning step, so no letter either. */
static void
delete_entries (Company            *c,
                KassaCollectionLog *log)
{
  g_autofree char *note_body = delete_body (KASSA_COLLECTION_NOTE, kassa_clock_today ());
  g_autofree char *reminder_body = delete_body (KASSA_COLLECTION_REMINDER_1, SEEDED_REMINDER_DATE);
  g_autofree char *seeded_note = seeded_note_subtitle ();
  AdwMessageDialog *question;
  const KassaCollectionKind kinds[] = {
    KASSA_COLLECTION_NOTE, KASSA_COLLECTION_PROMISE_TO_PAY, KASSA_COLLECTION_PHONE_CALL,
    KASSA_COLLECTION_REMINDER_1,
  };

  question = click_delete (log, 0);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, _("Delete Entry?"));
  g_assert_cmpstr (adw_message_dialog_get_body (question), ==, note_body);
  answer (question, _("_Cancel"));
  g_assert_cmpuint (n_stored_events (c->store, c->customer, 0), ==, 5);
  g_assert_cmpuint (kassa_collection_log_get_n_entries (log), ==, 5);

  question = click_delete (log, 0);
  answer (question, _("_Delete"));
  g_assert_cmpuint (n_stored_events (c->store, c->customer, 0), ==, 4);
  check_timeline (log, kinds, G_N_ELEMENTS (kinds));
  g_assert_cmpstr (row_subtitle (log, 0), ==, seeded_note);

  kassa_collection_log_delete_entry (log, 3);
  wait_for ((question = visible_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_body (question), ==, reminder_body);
  answer (question, _("_Delete"));
  g_assert_cmpuint (n_stored_events (c->store, c->customer, 0), ==, 3);
  g_assert_cmpuint (kassa_collection_log_get_n_entries (log), ==, 3);
  g_assert_cmpint (kassa_dunning_level (c->store, c->overdue), ==, 0);
  g_assert_false (letter_offered (log));
}

static void
test_customer_log (void)
{
  Company c = { 0 };
  KassaCollectionLog *log;

  if (in_parent_process ())
    return;

  create_company (&c);
  log = show_customer_log (c.store, c.customer);
  check_customer_timeline (&c, log);
  add_customer_note (&c, log);
  delete_entries (&c, log);

  /* A customer without entries: the honest empty state. */
  log = show_customer_log (c.store, c.small_customer);
  g_assert_cmpuint (kassa_collection_log_get_n_entries (log), ==, 0);
  g_assert_cmpuint (n_log_rows (log), ==, 0);
  g_assert_true (gtk_widget_get_mapped (require_widget (GTK_WIDGET (log), is_label_with_text,
                                                        _("No collection steps yet"))));
  g_assert_false (letter_offered (log));

  destroy_all_windows ();
  company_clear (&c);
}

/* The Disputed switch records the dispute in the log and sets the flag;
 * deleting the entry leaves the flag alone. */
static void
test_disputed_switch (void)
{
  Company c = { 0 };
  KassaInvoiceView *view;
  KassaCollectionLog *log;
  GtkSwitch *disputed;
  AdwMessageDialog *question;
  g_autoptr(GPtrArray) events = NULL;
  KassaDay today = kassa_clock_today ();
  g_autofree char *author = kassa_collection_author_name ();
  g_autofree char *expected_a = expected_overdue_text (EXPECTED_A_DATE);
  g_autofree char *body = delete_body (KASSA_COLLECTION_DISPUTE_RESOLVED, today);
  const KassaCollectionEvent *event;

  if (in_parent_process ())
    return;

  create_company (&c);
  view = open_invoice_view (c.store, c.overdue);
  log = view_log (view);
  disputed = kassa_invoice_view_get_disputed_switch (view);
  g_assert_false (gtk_switch_get_active (disputed));
  g_assert_cmpstr (expected_text (view), ==, expected_a);
  g_assert_cmpuint (kassa_collection_log_get_n_entries (log), ==, 3);

  /* On: "Dispute opened" by the user today, the flag set, no date
   * expected any more. */
  gtk_switch_set_active (disputed, TRUE);
  events = stored_events (c.store, 0, c.overdue);
  g_assert_cmpuint (events->len, ==, 4);
  event = newest_event (events);
  g_assert_cmpint (event->kind, ==, KASSA_COLLECTION_DISPUTE_OPENED);
  g_assert_cmpint (event->date, ==, today);
  g_assert_cmpstr (event->author, ==, author);
  g_clear_pointer (&events, g_ptr_array_unref);
  g_assert_true (invoice_disputed (c.store, c.overdue));
  g_assert_true (gtk_switch_get_active (disputed));
  g_assert_cmpuint (kassa_collection_log_get_n_entries (log), ==, 4);
  g_assert_cmpstr (row_title (log, 0), ==,
                   kassa_collection_kind_to_string (KASSA_COLLECTION_DISPUTE_OPENED));
  g_assert_cmpstr (expected_text (view), ==, _("Disputed: no date expected"));
  g_assert_nonnull (search_widget (GTK_WIDGET (view), is_label_with_text,
                                   _("Dispute recorded in the collection log")));

  /* Off: "Dispute resolved", the flag cleared, the estimate back. */
  gtk_switch_set_active (disputed, FALSE);
  events = stored_events (c.store, 0, c.overdue);
  g_assert_cmpuint (events->len, ==, 5);
  g_assert_cmpint (newest_event (events)->kind, ==, KASSA_COLLECTION_DISPUTE_RESOLVED);
  g_clear_pointer (&events, g_ptr_array_unref);
  g_assert_false (invoice_disputed (c.store, c.overdue));
  g_assert_cmpstr (row_title (log, 0), ==,
                   kassa_collection_kind_to_string (KASSA_COLLECTION_DISPUTE_RESOLVED));
  g_assert_cmpstr (row_title (log, 1), ==,
                   kassa_collection_kind_to_string (KASSA_COLLECTION_DISPUTE_OPENED));
  g_assert_cmpstr (expected_text (view), ==, expected_a);

  /* Deleting a dispute entry says the flag stays, and it does. */
  question = click_delete (log, 0);
  g_assert_cmpstr (adw_message_dialog_get_body (question), ==, body);
  answer (question, _("_Delete"));
  g_assert_cmpuint (n_stored_events (c.store, 0, c.overdue), ==, 4);
  g_assert_cmpuint (kassa_collection_log_get_n_entries (log), ==, 4);
  g_assert_cmpstr (row_title (log, 0), ==,
                   kassa_collection_kind_to_string (KASSA_COLLECTION_DISPUTE_OPENED));
  g_assert_false (invoice_disputed (c.store, c.overdue));
  g_assert_false (gtk_switch_get_active (disputed));

  destroy_all_windows ();
  company_clear (&c);
}

/* The editor's credit warning for a new invoice of one line (0 % VAT) at
 * unit_price: whether it is over the limit, by hand. */
typedef struct
{
  gint64   unit_price;
  gboolean over_limit;
} CreditCase;

static void
type_in_line (KassaInvoiceEditor *editor,
              KassaLineField      field,
              const char         *text)
{
  KassaInvoiceLineRow *row = kassa_invoice_editor_get_line (editor, 0);

  gtk_editable_set_text (GTK_EDITABLE (kassa_invoice_line_row_get_field (row, field)), text);
}

static KassaInvoiceEditor *
open_editor (KassaStore *store,
             gint64      customer_id)
{
  g_autoptr(GError) error = NULL;
  KassaInvoiceEditor *editor = kassa_invoice_editor_new (store, 0, customer_id, &error);

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (editor), 1100, 800);
  gtk_window_present (GTK_WINDOW (editor));
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (editor)));

  type_in_line (editor, KASSA_LINE_FIELD_DESCRIPTION, "Consulting");
  type_in_line (editor, KASSA_LINE_FIELD_QUANTITY, "1");
  kassa_invoice_line_row_set_vat_rate (kassa_invoice_editor_get_line (editor, 0), 0);
  return editor;
}

static void
type_unit_price (KassaInvoiceEditor *editor,
                 gint64              unit_price)
{
  g_autofree char *text = money_input (unit_price);

  type_in_line (editor, KASSA_LINE_FIELD_UNIT_PRICE, text);
  g_assert_null (kassa_invoice_line_row_get_error (kassa_invoice_editor_get_line (editor, 0)));
}

static char *
over_limit_text (gint64 open,
                 gint64 total,
                 gint64 limit)
{
  g_autofree char *open_text = money_text (open);
  g_autofree char *total_text = money_text (total);
  g_autofree char *limit_text = money_text (limit);

  return g_strdup_printf (_("Over the credit limit: open %s + this invoice %s > limit %s"),
                          open_text, total_text, limit_text);
}

static void
check_credit_warning (KassaInvoiceEditor *editor,
                      const char         *expected)
{
  GtkLabel *label = kassa_invoice_editor_get_credit_warning_label (editor);

  g_assert_cmpstr (gtk_label_get_text (label), ==, expected != NULL ? expected : "");
  /* Shown exactly when there is something to say. */
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (label)) == (expected != NULL));
}

static void
test_credit_warning (void)
{
  Company c = { 0 };
  KassaInvoiceEditor *editor;
  /* Laine Oy: open 300.00, limit 1 000.00; exactly at the limit is not
   * over it. */
  const CreditCase small_cases[] = {
    { 80000, TRUE },
    { 70000, FALSE },
    { 70001, TRUE },
    { 10000, FALSE },
  };
  /* Virtanen Design Oy: open 4 500.00, limit 5 000.00, and A is 45 days
   * overdue, more than the 30 days the default setting allows. */
  const CreditCase overdue_cases[] = {
    { 50000, FALSE },
    { 60000, TRUE },
    { 20000, FALSE },
  };
  g_autofree char *overdue = NULL;

  if (in_parent_process ())
    return;

  create_company (&c);

  editor = open_editor (c.store, c.small_customer);
  check_credit_warning (editor, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (small_cases); i++)
    {
      g_autofree char *expected = NULL;

      g_test_message ("Laine Oy, unit price %" G_GINT64_FORMAT, small_cases[i].unit_price);
      if (small_cases[i].over_limit)
        expected = over_limit_text (30000, small_cases[i].unit_price, 100000);
      type_unit_price (editor, small_cases[i].unit_price);
      check_credit_warning (editor, expected);
    }
  gtk_window_destroy (GTK_WINDOW (editor));

  overdue = g_strdup_printf (g_dngettext (NULL,
                                          "This customer has invoices more than %d days overdue "
                                          "(oldest %d day).",
                                          "This customer has invoices more than %d days overdue "
                                          "(oldest %d days).",
                                          45),
                             30, 45);
  editor = open_editor (c.store, c.customer);
  for (guint i = 0; i < G_N_ELEMENTS (overdue_cases); i++)
    {
      g_autofree char *over = NULL;
      g_autofree char *expected = NULL;

      g_test_message ("Virtanen Design Oy, unit price %" G_GINT64_FORMAT,
                      overdue_cases[i].unit_price);
      if (overdue_cases[i].over_limit)
        {
          over = over_limit_text (450000, overdue_cases[i].unit_price, 500000);
          expected = g_strconcat (over, "\n", overdue, NULL);
        }
      else
        expected = g_strdup (overdue);
      type_unit_price (editor, overdue_cases[i].unit_price);
      check_credit_warning (editor, expected);
    }

  destroy_all_windows ();
  company_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  init_ui_test (&argc, &argv);

  g_test_add_func ("/collection-log/collection-section", test_collection_section);
  g_test_add_func ("/collection-log/event-dialog", test_event_dialog);
  g_test_add_func ("/collection-log/customer-log", test_customer_log);
  g_test_add_func ("/collection-log/disputed-switch", test_disputed_switch);
  g_test_add_func ("/collection-log/credit-warning", test_credit_warning);

  return g_test_run ();
}
