/* test-ui-flow.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-test-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kassa-application.h"
#include "kassa-clock.h"
#include "kassa-customer.h"
#include "kassa-customer-editor.h"
#include "kassa-customers-page.h"
#include "kassa-date.h"
#include "kassa-export-dialog.h"
#include "kassa-form.h"
#include "kassa-csv-import.h"
#include "kassa-import-dialog.h"
#include "kassa-invoice.h"
#include "kassa-invoice-editor.h"
#include "kassa-invoice-view.h"
#include "kassa-invoice-window.h"
#include "kassa-money.h"
#include "kassa-overview-page.h"
#include "kassa-payment-dialog.h"
#include "kassa-reports-page.h"
#include "kassa-vat.h"
#include "kassa-welcome-page.h"
#include "kassa-window.h"
#include "kassa-ui-test-support.h"

/* Generous: the machine is shared, and a search waits 150 ms by design. */
#define TIMEOUT_MS 10000

#define COMPANY_NAME  "Testi Oy"
#define COMPANY_IBAN  "FI2112345600000785"
#define CUSTOMER_NAME "Virtanen Design Oy"
#define CUSTOMER_MAIL "laskut@virtanen.example"

/* What the user types and sees in one locale.  Every amount is worked out
 * by hand from the invoice of test_flow:
 *   line 1: 2.5 × 100.10 = 250.25 net, VAT 25.5 % → 63.81375 → 63.81
 *   line 2: 1 × 10.00 − 10 % = 9.00 net, VAT 13.5 % → 1.215 → 1.22
 *   net 259.25, VAT 65.03, total 324.28; paid 100.00, open 224.28.
 * The translations are the literal msgstr of po/<lang>.po. */
typedef struct
{
  const char *language;          /* $LANGUAGE of the meson test entry */
  /* typed */
  const char *quantity;          /* 2.5 */
  const char *unit_price;        /* 100.10 */
  const char *payment;           /* 100.00 */
  /* shown */
  const char *payment_default;   /* the open amount 324.28, unformatted */
  const char *net;
  const char *vat;
  const char *total;
  const char *paid;
  const char *open;
  const char *zero;
  const char *partially_paid;    /* C_("invoice status", "Partially Paid") */
  const char *no_overdue;        /* ngettext ("%d overdue invoice", …) for 0 */
  const char *no_matching;       /* "No Matching Invoices" */
  const char *customers_title;   /* "Customers" (view switcher) */
  const char *create_company;    /* "_Create Company" (welcome page) */
} LocaleCase;

static const LocaleCase locale_cases[] = {
  {
    "en_US",
    "2.5", "100.10", "100.00",
    "324.28", "€259.25", "€65.03", "€324.28", "€100.00", "€224.28", "€0.00",
    "Partially Paid", "0 overdue invoices", "No Matching Invoices", "Customers",
    "_Create Company",
  },
  {
    /* The translated strings are fi.po's; amounts use the decimal comma
     * and U+00A0 before the euro sign. */
    "fi",
    "2,5", "100,10", "100,00",
    "324,28", "259,25\u00a0€", "65,03\u00a0€", "324,28\u00a0€", "100,00\u00a0€",
    "224,28\u00a0€", "0,00\u00a0€",
    "Osittain maksettu", "0 erääntynyttä laskua", "Ei hakua vastaavia laskuja", "Asiakkaat",
    "_Luo yritys",
  },
  {
    "zh_CN",
    "2.5", "100.10", "100.00",
    "324.28", "€259.25", "€65.03", "€324.28", "€100.00", "€224.28", "€0.00",
    "部分付款", "0 张逾期发票", "没有匹配的发票", "客户",
    "创建公司(_C)",
  },
};

static const LocaleCase *
current_case (void)
{
  const char *language = g_getenv ("LANGUAGE");

  for (guint i = 0; i < G_N_ELEMENTS (locale_cases); i++)
    if (g_strcmp0 (language, locale_cases[i].language) == 0)
      return &locale_cases[i];

  g_error ("No expectations for LANGUAGE=%s", language != NULL ? language : "(unset)");
  return NULL;
}

/* Widget helpers */

static gboolean
match_entry_row_title (GtkWidget     *widget,
                       gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
match_status_page_title (GtkWidget     *widget,
                         gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), data) == 0;
}

/* Rows are found by their translated title, as a user reads them. */
static GtkEditable *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  return GTK_EDITABLE (require_widget (root, match_entry_row_title, title));
}

static GtkButton *
find_button_for_action (GtkWidget  *root,
                        const char *action)
{
  return GTK_BUTTON (require_widget (root, is_button_for_action, action));
}

static const char *
label_text (GtkLabel *label)
{
  return gtk_label_get_text (label);
}

static void
type_text (gpointer    editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

/* Application helpers */

/* The application on a company file that has its company details. */
static KassaApplication *
start_with_company (KassaWindow **window)
{
  g_autoptr(KassaStore) store = create_company_file (DEFAULT_COMPANY_FILE);

  /* Closed before the application opens it. */
  g_clear_object (&store);
  return start_application (window);
}

/* Steps of the flow */

static gint64
create_customer (KassaWindow *window)
{
  GtkWidget *page = kassa_window_get_page (window, "customers");
  GListModel *customers = kassa_customers_page_get_model (KASSA_CUSTOMERS_PAGE (page));
  g_autoptr(KassaCustomer) customer = NULL;
  g_autoptr(KassaCustomerRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  KassaCustomerEditor *editor;

  g_assert_cmpuint (g_list_model_get_n_items (customers), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-customer", NULL);
  wait_for ((editor = visible_toplevel (KASSA_TYPE_CUSTOMER_EDITOR)) != NULL);

  type_text (find_entry_row (GTK_WIDGET (editor), _("Name")), CUSTOMER_NAME);
  type_text (find_entry_row (GTK_WIDGET (editor), _("Email")), CUSTOMER_MAIL);
  press (find_button_for_action (GTK_WIDGET (editor), "editor.save"));

  wait_for (visible_toplevel (KASSA_TYPE_CUSTOMER_EDITOR) == NULL);
  wait_for (g_list_model_get_n_items (customers) == 1);

  customer = g_list_model_get_item (customers, 0);
  g_assert_cmpstr (kassa_customer_get_name (customer), ==, CUSTOMER_NAME);

  record = kassa_store_get_customer (kassa_window_get_store (window),
                                     kassa_customer_get_id (customer), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->email, ==, CUSTOMER_MAIL);
  /* New customers follow the company's terms. */
  g_assert_cmpint (record->payment_terms_days, ==, 14);

  return record->id;
}

static void
pick_customer (KassaInvoiceEditor *editor,
               gint64              customer_id)
{
  KassaCustomerPicker *picker = kassa_invoice_editor_get_customer_picker (editor);
  GtkEditable *search = kassa_customer_picker_get_search_entry (picker);

  g_assert_cmpint (kassa_customer_picker_get_customer_id (picker), ==, 0);

  /* Nothing first, so that the match below is the search's doing. */
  type_text (search, "zzzz");
  wait_for (kassa_customer_picker_get_n_matches (picker) == 0);
  type_text (search, "virta");
  wait_for (kassa_customer_picker_get_n_matches (picker) == 1);

  g_signal_emit_by_name (search, "activate");
  g_assert_cmpint (kassa_customer_picker_get_customer_id (picker), ==, customer_id);
}

static void
fill_line (KassaInvoiceLineRow *row,
           const char          *description,
           const char          *quantity,
           const char          *unit_price,
           const char          *discount,
           gint                 vat_rate)
{
  type_text (kassa_invoice_line_row_get_field (row, KASSA_LINE_FIELD_DESCRIPTION), description);
  type_text (kassa_invoice_line_row_get_field (row, KASSA_LINE_FIELD_QUANTITY), quantity);
  type_text (kassa_invoice_line_row_get_field (row, KASSA_LINE_FIELD_UNIT_PRICE), unit_price);
  type_text (kassa_invoice_line_row_get_field (row, KASSA_LINE_FIELD_DISCOUNT), discount);
  kassa_invoice_line_row_set_vat_rate (row, vat_rate);

  g_assert_cmpstr (kassa_invoice_line_row_get_error (row), ==, NULL);
  g_assert_cmpint (kassa_invoice_line_row_get_vat_rate (row), ==, vat_rate);
}

static KassaInvoiceView *
create_invoice (KassaWindow     *window,
                gint64           customer_id,
                const LocaleCase *x)
{
  const gint *rates = kassa_vat_rates_for_country ("FI");
  g_autoptr(KassaInvoiceRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  KassaInvoiceEditor *editor;
  KassaInvoiceView *view;

  /* The rates the FI list offers, in the dropdown's order. */
  g_assert_cmpint (rates[0], ==, 2550);
  g_assert_cmpint (rates[1], ==, 1350);
  g_assert_cmpint (rates[2], ==, 1000);
  g_assert_cmpint (rates[3], ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-invoice", NULL);
  wait_for ((editor = visible_toplevel (KASSA_TYPE_INVOICE_EDITOR)) != NULL);
  g_assert_nonnull (kassa_invoice_editor_get_problem (editor));

  pick_customer (editor, customer_id);

  g_assert_cmpuint (kassa_invoice_editor_get_n_lines (editor), ==, 1);
  fill_line (kassa_invoice_editor_get_line (editor, 0),
             "Design work", x->quantity, x->unit_price, "", 2550);
  press (kassa_invoice_editor_get_add_line_button (editor));
  g_assert_cmpuint (kassa_invoice_editor_get_n_lines (editor), ==, 2);
  fill_line (kassa_invoice_editor_get_line (editor, 1), "Book", "1", "10", "10", 1350);

  g_assert_cmpstr (kassa_invoice_editor_get_problem (editor), ==, NULL);
  g_assert_cmpstr (label_text (kassa_invoice_editor_get_net_label (editor)), ==, x->net);
  g_assert_cmpstr (label_text (kassa_invoice_editor_get_vat_label (editor)), ==, x->vat);
  g_assert_cmpstr (label_text (kassa_invoice_editor_get_total_label (editor)), ==, x->total);

  press (kassa_invoice_editor_get_send_button (editor));

  /* Sending shows the numbered invoice where payments are recorded. */
  wait_for ((view = visible_toplevel (KASSA_TYPE_INVOICE_VIEW)) != NULL);
  wait_for (visible_toplevel (KASSA_TYPE_INVOICE_EDITOR) == NULL);

  record = kassa_store_get_invoice (kassa_window_get_store (window),
                                    kassa_invoice_view_get_invoice_id (view), &error);
  g_assert_no_error (error);
  g_assert_cmpint (record->number, ==, 1000);
  g_assert_cmpint (record->state, ==, KASSA_INVOICE_STATE_SENT);
  g_assert_cmpint (record->customer_id, ==, customer_id);
  g_assert_cmpuint (record->lines->len, ==, 2);
  g_assert_cmpstr (label_text (kassa_invoice_view_get_total_label (view)), ==, x->total);
  g_assert_cmpstr (label_text (kassa_invoice_view_get_open_label (view)), ==, x->total);

  return view;
}

static void
record_payment (KassaWindow      *window,
                KassaInvoiceView *view,
                const LocaleCase *x)
{
  KassaPaymentDialog *dialog;

  /* Opening the invoice again (as the invoice list does) shows the same
   * view rather than a second one. */
  kassa_invoice_window_present (GTK_WINDOW (window), kassa_window_get_store (window),
                                kassa_invoice_view_get_invoice_id (view), 0);
  g_assert_true (visible_toplevel (KASSA_TYPE_INVOICE_VIEW) == view);
  g_assert_cmpuint (n_visible_toplevels (KASSA_TYPE_INVOICE_VIEW), ==, 1);

  press (kassa_invoice_view_get_record_payment_button (view));
  wait_for ((dialog = visible_toplevel (KASSA_TYPE_PAYMENT_DIALOG)) != NULL);

  /* The whole open amount is offered; the customer paid part of it. */
  g_assert_cmpstr (gtk_editable_get_text (kassa_payment_dialog_get_amount_entry (dialog)), ==,
                   x->payment_default);
  type_text (kassa_payment_dialog_get_amount_entry (dialog), x->payment);
  g_assert_cmpstr (kassa_payment_dialog_get_problem (dialog), ==, NULL);
  press (kassa_payment_dialog_get_record_button (dialog));

  wait_for (visible_toplevel (KASSA_TYPE_PAYMENT_DIALOG) == NULL);
  wait_for (g_strcmp0 (label_text (kassa_invoice_view_get_open_label (view)), x->open) == 0);
  g_assert_cmpstr (label_text (kassa_invoice_view_get_status_label (view)), ==, x->partially_paid);
  g_assert_cmpstr (label_text (kassa_invoice_view_get_paid_label (view)), ==, x->paid);
  g_assert_cmpstr (label_text (kassa_invoice_view_get_total_label (view)), ==, x->total);
}

static void
check_overview (KassaWindow      *window,
                const LocaleCase *x)
{
  KassaOverviewPage *page = KASSA_OVERVIEW_PAGE (kassa_window_get_page (window, "overview"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview");
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (page)));

  /* The page recomputes on an idle after the payment. */
  wait_for (g_strcmp0 (label_text (kassa_overview_page_get_open_amount_label (page)),
                       x->open) == 0);
  g_assert_cmpstr (label_text (kassa_overview_page_get_overdue_amount_label (page)), ==, x->zero);
  g_assert_cmpstr (label_text (kassa_overview_page_get_overdue_count_label (page)), ==,
                   x->no_overdue);
  g_assert_cmpstr (label_text (kassa_overview_page_get_month_amount_label (page)), ==, x->total);
}

static guint
search_invoices (GtkWidget   *page,
                 GtkEditable *search,
                 GListModel  *invoices,
                 const char  *text,
                 guint        expected)
{
  g_test_message ("Searching invoices for “%s”", text);
  type_text (search, text);
  wait_for (g_list_model_get_n_items (invoices) == expected);
  /* A search that ran late could still change the list: let it. */
  settle (300);

  return g_list_model_get_n_items (invoices);
}

static void
check_invoice_search (KassaWindow      *window,
                      const LocaleCase *x)
{
  GtkWidget *page = kassa_window_get_page (window, "invoices");
  GtkEditable *search = GTK_EDITABLE (require_named (page, "invoice-search"));
  GtkColumnView *list = GTK_COLUMN_VIEW (require_named (page, "invoice-list"));
  GtkWidget *no_match = search_widget (page, match_status_page_title, x->no_matching);
  g_autoptr(KassaInvoice) invoice = NULL;
  GListModel *invoices;

  g_assert_nonnull (no_match);
  /* The page queries its list when it is first shown. */
  g_assert_null (gtk_column_view_get_model (list));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "invoices");
  wait_for (gtk_widget_get_mapped (page));
  invoices = G_LIST_MODEL (gtk_column_view_get_model (list));
  g_assert_cmpuint (g_list_model_get_n_items (invoices), ==, 1);

  g_assert_cmpuint (search_invoices (page, search, invoices, "qwxyzzy", 0), ==, 0);
  g_assert_true (gtk_widget_get_mapped (no_match));

  g_assert_cmpuint (search_invoices (page, search, invoices, "1000", 1), ==, 1);
  g_assert_false (gtk_widget_get_mapped (no_match));
  invoice = g_list_model_get_item (invoices, 0);
  g_assert_cmpint (kassa_invoice_get_summary (invoice)->number, ==, 1000);

  g_assert_cmpuint (search_invoices (page, search, invoices, "Virtanen", 1), ==, 1);
  g_assert_cmpuint (search_invoices (page, search, invoices, "Virtanen qwxyzzy", 0), ==, 0);
  g_assert_true (gtk_widget_get_mapped (no_match));
  g_assert_cmpuint (search_invoices (page, search, invoices, "", 1), ==, 1);
}

static void
check_switcher_title (KassaWindow      *window,
                      const LocaleCase *x)
{
  GtkWidget *page = kassa_window_get_page (window, "customers");
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (page, ADW_TYPE_VIEW_STACK));
  GtkWidget *switcher = require_widget (GTK_WIDGET (window), is_of_type,
                                       GSIZE_TO_POINTER (ADW_TYPE_VIEW_SWITCHER_TITLE));

  g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (stack, page)), ==,
                   x->customers_title);
  g_assert_nonnull (search_widget (switcher, is_label_with_text, x->customers_title));
}

/* Invoices made through the store, for the dialogs' own cases */

/* A sent invoice of 100.00 (one line, 0 % VAT) with paid already paid. */
static gint64
store_sent_invoice (KassaStore *store,
                    gint64      customer_id,
                    gint64      paid)
{
  KassaDay today = kassa_clock_today ();
  gint64 id = add_test_invoice (store, customer_id, today, 10000);

  if (paid != 0)
    add_test_payment (store, id, paid, today);
  return id;
}

static gint64
paid_amount (KassaStore *store,
             gint64      invoice_id)
{
  g_autoptr(GError) error = NULL;
  gint64 total, paid;

  kassa_store_get_invoice_amounts (store, invoice_id, &total, &paid, &error);
  g_assert_no_error (error);
  return paid;
}

/* Test cases */

static void
test_welcome (void)
{
  const LocaleCase *x = current_case ();
  KassaApplication *app;
  KassaWindow *window;
  g_autoptr(KassaCompany) company = NULL;
  GtkWidget *welcome;
  GtkButton *create;

  if (in_parent_process ())
    return;

  app = start_application (&window);

  /* An empty company file: the welcome form instead of the pages. */
  welcome = require_widget (GTK_WIDGET (window), is_of_type,
                            GSIZE_TO_POINTER (KASSA_TYPE_WELCOME_PAGE));
  wait_for (gtk_widget_get_mapped (welcome));
  g_assert_null (kassa_window_get_page (window, "overview"));
  create = find_button_for_action (welcome, "welcome.create");
  g_assert_cmpstr (gtk_button_get_label (create), ==, x->create_company);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (create)));

  type_text (find_entry_row (welcome, _("Company Name")), COMPANY_NAME);
  type_text (find_entry_row (welcome, _("IBAN")), COMPANY_IBAN);
  press (create);

  wait_for (kassa_window_get_page (window, "overview") != NULL);
  wait_for (gtk_widget_get_mapped (kassa_window_get_page (window, "overview")));
  company = kassa_store_get_company (kassa_window_get_store (window));
  g_assert_nonnull (company);
  g_assert_cmpstr (company->name, ==, COMPANY_NAME);
  g_assert_cmpstr (company->iban, ==, COMPANY_IBAN);
  check_switcher_title (window, x);

  stop_application (app);
}

static void
test_flow (void)
{
  const LocaleCase *x = current_case ();
  KassaApplication *app;
  KassaWindow *window;
  KassaInvoiceView *view;
  gint64 customer_id;

  if (in_parent_process ())
    return;

  app = start_with_company (&window);
  g_assert_nonnull (kassa_window_get_page (window, "overview"));

  customer_id = create_customer (window);
  view = create_invoice (window, customer_id, x);
  record_payment (window, view, x);
  check_overview (window, x);
  check_invoice_search (window, x);
  check_switcher_title (window, x);

  stop_application (app);
}

/* The payment dialog asks before recording exactly what the store counts
 * as an overpayment, on an invoice of 100.00 with paid already paid (on
 * its credit note when credit): nothing else is asked, and nothing the
 * store would refuse is left without the question. */
typedef struct
{
  gint64      paid;
  gboolean    credit;
  const char *typed;
  gint64      amount;
  gboolean    asks;
} PaymentCase;

static const PaymentCase payment_cases[] = {
  { 10000, FALSE, "-50", -5000, FALSE },  /* reverses half of what was paid */
  { 2000, FALSE, "-50", -5000, TRUE },    /* reverses more than was paid */
  { 0, FALSE, "100", 10000, FALSE },      /* pays what is owed */
  { 0, FALSE, "150", 15000, TRUE },       /* pays 50.00 too much */
  { 10000, TRUE, "-100", -10000, FALSE }, /* refunds what is owed back */
  { 10000, TRUE, "-150", -15000, TRUE },  /* refunds too much */
  { 10000, TRUE, "10", 1000, TRUE },      /* a payment where a refund is owed */
};

static void
check_payment_case (KassaWindow       *window,
                    gint64             customer_id,
                    const PaymentCase *c)
{
  KassaStore *store = kassa_window_get_store (window);
  gint64 id = store_sent_invoice (store, customer_id, c->paid);
  g_autoptr(GError) error = NULL;
  KassaPaymentDialog *dialog;
  gint64 paid_before;

  g_test_message ("Paid %" G_GINT64_FORMAT ", credit note %d, typed %s", c->paid, c->credit,
                  c->typed);
  if (c->credit)
    {
      id = kassa_store_credit_invoice (store, id, kassa_clock_today (), &error);
      g_assert_no_error (error);
    }
  paid_before = paid_amount (store, id);

  dialog = kassa_payment_dialog_new (GTK_WINDOW (window), store, id, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  type_text (kassa_payment_dialog_get_amount_entry (dialog), c->typed);
  g_assert_cmpstr (kassa_payment_dialog_get_problem (dialog), ==, NULL);
  press (kassa_payment_dialog_get_record_button (dialog));

  if (c->asks)
    {
      AdwMessageDialog *question;

      wait_for ((question = visible_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
      adw_message_dialog_response (question, "record");
      gtk_window_destroy (GTK_WINDOW (question));
    }

  wait_for (visible_toplevel (KASSA_TYPE_PAYMENT_DIALOG) == NULL);
  g_assert_null (visible_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (paid_amount (store, id), ==, paid_before + c->amount);
}

static void
test_payment_overpayment (void)
{
  KassaApplication *app;
  KassaWindow *window;
  gint64 customer_id;

  if (in_parent_process ())
    return;

  app = start_with_company (&window);
  customer_id = add_test_customer (kassa_window_get_store (window), CUSTOMER_NAME);

  for (guint i = 0; i < G_N_ELEMENTS (payment_cases); i++)
    check_payment_case (window, customer_id, &payment_cases[i]);

  stop_application (app);
}

/* Closing an editor with unsaved changes asks first: Keep Editing keeps
 * the editor, Discard closes it and saves nothing. */
static void
answer_discard_question (KassaInvoiceEditor *editor,
                         const char         *response)
{
  AdwMessageDialog *question;

  gtk_window_close (GTK_WINDOW (editor));
  wait_for ((question = visible_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (question)) == GTK_WINDOW (editor));
  /* As a click on the button: the response, then the question closes. */
  adw_message_dialog_response (question, response);
  gtk_window_destroy (GTK_WINDOW (question));
}

static void
test_invoice_editor_discard (void)
{
  KassaApplication *app;
  KassaWindow *window;
  KassaInvoiceEditor *editor;
  g_autoptr(GError) error = NULL;

  if (in_parent_process ())
    return;

  app = start_with_company (&window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-invoice", NULL);
  wait_for ((editor = visible_toplevel (KASSA_TYPE_INVOICE_EDITOR)) != NULL);
  g_assert_false (kassa_invoice_editor_get_modified (editor));
  press (kassa_invoice_editor_get_add_line_button (editor));
  g_assert_true (kassa_invoice_editor_get_modified (editor));

  answer_discard_question (editor, "cancel");
  settle (100);
  g_assert_true (visible_toplevel (KASSA_TYPE_INVOICE_EDITOR) == editor);

  answer_discard_question (editor, "discard");
  wait_for (visible_toplevel (KASSA_TYPE_INVOICE_EDITOR) == NULL);
  /* Nothing was saved: the company still has no invoice at all. */
  g_assert_null (kassa_store_get_invoice (kassa_window_get_store (window), 1, &error));
  g_assert_nonnull (error);

  stop_application (app);
}

/* The Reports page and the export dialog: the period presets follow
 * KASSA_TODAY (2026-11-24), a wrong period or a missing statement customer
 * keeps Export off, and an export writes the file in the worker thread
 * and closes the dialog; a failed one shows why and stays open. */
static void
assert_period_shown (KassaExportDialog *dialog,
                     KassaDay           from,
                     KassaDay           to)
{
  g_autofree char *from_text = kassa_day_format (from, kassa_locale_current ());
  g_autofree char *to_text = kassa_day_format (to, kassa_locale_current ());

  g_assert_cmpstr (gtk_editable_get_text (kassa_export_dialog_get_from_entry (dialog)), ==,
                   from_text);
  g_assert_cmpstr (gtk_editable_get_text (kassa_export_dialog_get_to_entry (dialog)), ==, to_text);
}

static char *
read_first_line (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return g_strndup (text, strcspn (text, "\r\n"));
}

static void
test_export_dialog (void)
{
  KassaApplication *app;
  KassaWindow *window;
  KassaStore *store;
  GtkWidget *page;
  KassaExportDialog *dialog;
  GtkLabel *error_label;
  KassaReportSpec spec = { 0 };
  g_autofree char *suggested = NULL;
  g_autofree char *xlsx_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *bad_path = NULL;
  g_autofree char *csv_name = NULL;
  g_autofree char *header = NULL;
  g_autofree char *zip_magic = NULL;
  g_autofree char *today_iso = NULL;
  g_autoptr(GError) error = NULL;

  if (in_parent_process ())
    return;

  app = start_with_company (&window);
  store = kassa_window_get_store (window);
  store_sent_invoice (store, add_test_customer (store, CUSTOMER_NAME), 4000);
  xlsx_path = g_build_filename (g_get_user_data_dir (), "journal.xlsx", NULL);
  csv_path = g_build_filename (g_get_user_data_dir (), "invoices.csv", NULL);
  bad_path = g_build_filename (g_get_user_data_dir (), "no-such-folder", "x.csv", NULL);

  page = kassa_window_get_page (window, "reports");
  g_assert_true (KASSA_IS_REPORTS_PAGE (page));
  require_named (page, "export-report-journal");
  require_named (page, "export-csv-payments");

  /* Ctrl+E's action: the journal, last month. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", NULL);
  wait_for ((dialog = visible_toplevel (KASSA_TYPE_EXPORT_DIALOG)) != NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (kassa_export_dialog_get_report_row (dialog)), ==,
                    KASSA_REPORT_INVOICE_JOURNAL);
  g_assert_cmpstr (kassa_form_combo_get_id (kassa_export_dialog_get_language_row (dialog)), ==,
                   "fi");
  assert_period_shown (dialog, kassa_day_from_ymd (2026, 10, 1), kassa_day_from_ymd (2026, 10, 31));

  adw_combo_row_set_selected (kassa_export_dialog_get_period_row (dialog), 2);  /* This Year */
  assert_period_shown (dialog, kassa_day_from_ymd (2026, 1, 1), kassa_day_from_ymd (2026, 12, 31));
  g_assert_null (kassa_export_dialog_get_problem (dialog));
  g_assert_true (gtk_widget_is_sensitive (kassa_export_dialog_get_export_button (dialog)));

  /* Typing a date makes it a custom period; one that ends before it
   * begins is refused. */
  type_text (kassa_export_dialog_get_from_entry (dialog), "2027-01-01");
  g_assert_cmpuint (adw_combo_row_get_selected (kassa_export_dialog_get_period_row (dialog)), ==,
                    4);  /* Custom */
  g_assert_nonnull (kassa_export_dialog_get_problem (dialog));
  g_assert_false (gtk_widget_is_sensitive (kassa_export_dialog_get_export_button (dialog)));
  type_text (kassa_export_dialog_get_from_entry (dialog), "2026-11-01");
  g_assert_null (kassa_export_dialog_get_problem (dialog));

  /* The statement needs its customer. */
  adw_combo_row_set_selected (kassa_export_dialog_get_report_row (dialog),
                              KASSA_REPORT_CUSTOMER_STATEMENT);
  g_assert_nonnull (kassa_export_dialog_get_problem (dialog));
  g_assert_false (gtk_widget_is_sensitive (kassa_export_dialog_get_export_button (dialog)));
  adw_combo_row_set_selected (kassa_export_dialog_get_report_row (dialog),
                              KASSA_REPORT_INVOICE_JOURNAL);

  /* The file name follows the choices. */
  spec.kind = KASSA_REPORT_INVOICE_JOURNAL;
  spec.from = kassa_day_from_ymd (2026, 11, 1);
  spec.to = kassa_day_from_ymd (2026, 12, 31);
  spec.language = KASSA_LOCALE_FI;
  spec.today = kassa_clock_today ();
  suggested = kassa_report_suggest_filename (&spec);
  g_assert_cmpstr (gtk_editable_get_text (kassa_export_dialog_get_file_name_entry (dialog)), ==,
                   suggested);

  kassa_export_dialog_export_to (dialog, xlsx_path);
  g_assert_true (kassa_export_dialog_get_running (dialog));
  wait_for (visible_toplevel (KASSA_TYPE_EXPORT_DIALOG) == NULL);
  g_file_get_contents (xlsx_path, &zip_magic, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (zip_magic, "PK"));

  /* CSV from the page's row: a failure stays in the dialog, then a good
   * path writes the header and the one invoice. */
  gtk_widget_activate_action (page, "reports.export-csv", "s", "invoices");
  wait_for ((dialog = visible_toplevel (KASSA_TYPE_EXPORT_DIALOG)) != NULL);
  today_iso = kassa_day_format_iso (kassa_clock_today ());
  csv_name = g_strdup_printf (_("Invoices %s.csv"), today_iso);
  g_assert_cmpstr (gtk_editable_get_text (kassa_export_dialog_get_file_name_entry (dialog)), ==,
                   csv_name);

  kassa_export_dialog_export_to (dialog, bad_path);
  wait_for (!kassa_export_dialog_get_running (dialog));
  g_assert_true (visible_toplevel (KASSA_TYPE_EXPORT_DIALOG) == dialog);
  error_label = GTK_LABEL (require_named (GTK_WIDGET (dialog), "export-error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (label_text (error_label), "x.csv"));

  kassa_export_dialog_export_to (dialog, csv_path);
  wait_for (visible_toplevel (KASSA_TYPE_EXPORT_DIALOG) == NULL);
  header = read_first_line (csv_path);
  g_assert_cmpstr (header, ==,
                   "number,type,state,customer_number,customer_name,issue_date,due_date,"
                   "currency,net,vat,total,paid,open,reference,delivery,disputed,"
                   "credited_invoice_number");

  stop_application (app);
}

static void
write_text_file (const char *path,
                 const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static GtkLabel *
problem_label (GtkListBox *list,
               int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return row != NULL ? GTK_LABEL (gtk_list_box_row_get_child (row)) : NULL;
}

static void
test_import_dialog (void)
{
  KassaApplication *app;
  KassaWindow *window;
  KassaImportDialog *dialog;
  GtkListBox *problems;
  GtkLabel *problem;
  GListModel *customers;
  g_autofree char *bad_path = NULL;
  g_autofree char *good_path = NULL;

  if (in_parent_process ())
    return;

  app = start_with_company (&window);
  customers = kassa_customers_page_get_model (KASSA_CUSTOMERS_PAGE (kassa_window_get_page (window, "customers")));
  g_assert_cmpuint (g_list_model_get_n_items (customers), ==, 0);

  bad_path = g_build_filename (g_get_user_data_dir (), "bad-customers.csv", NULL);
  good_path = g_build_filename (g_get_user_data_dir (), "customers.csv", NULL);
  /* Row 1 is the header: the row without a name is row 4. */
  write_text_file (bad_path,
                   "name,email\n"
                   "Aalto Oy,aalto@example.com\n"
                   "Berg Ab,berg@example.com\n"
                   ",nobody@example.com\n");
  write_text_file (good_path,
                   "name,email\n"
                   "Aalto Oy,aalto@example.com\n"
                   "Berg Ab,berg@example.com\n");

  press (require_named (kassa_window_get_page (window, "reports"), "import-csv-customers"));
  wait_for ((dialog = visible_toplevel (KASSA_TYPE_IMPORT_DIALOG)) != NULL);
  g_assert_nonnull (dialog);
  g_assert_false (gtk_widget_get_sensitive (kassa_import_dialog_get_import_button (dialog)));

  g_assert_true (kassa_import_dialog_load_file (dialog, bad_path));
  problems = kassa_import_dialog_get_problems_list (dialog);
  problem = problem_label (problems, 0);
  g_assert_nonnull (problem);
  g_assert_null (problem_label (problems, 1));
  g_test_message ("problem: %s", label_text (problem));
  /* "Row 4 · Name: …" in the UI language: the row number and the field. */
  g_assert_nonnull (strstr (label_text (problem), " 4"));
  g_assert_nonnull (strstr (label_text (problem), kassa_csv_field_get_label (KASSA_CSV_FIELD_NAME)));
  g_assert_false (gtk_widget_get_sensitive (kassa_import_dialog_get_import_button (dialog)));

  g_assert_true (kassa_import_dialog_load_file (dialog, good_path));
  g_assert_null (problem_label (problems, 0));
  g_assert_true (gtk_widget_get_sensitive (kassa_import_dialog_get_import_button (dialog)));
  press (kassa_import_dialog_get_import_button (dialog));
  wait_for (visible_toplevel (KASSA_TYPE_IMPORT_DIALOG) == NULL);
  g_assert_null (visible_toplevel (KASSA_TYPE_IMPORT_DIALOG));
  wait_for (g_list_model_get_n_items (customers) == 2);
  g_assert_cmpuint (g_list_model_get_n_items (customers), ==, 2);

  stop_application (app);
}

int
main (int   argc,
      char *argv[])
{
  init_ui_test (&argc, &argv);

  g_test_add_func ("/ui/welcome", test_welcome);
  g_test_add_func ("/ui/flow", test_flow);
  g_test_add_func ("/ui/payment-overpayment", test_payment_overpayment);
  g_test_add_func ("/ui/invoice-editor-discard", test_invoice_editor_discard);
  g_test_add_func ("/ui/export-dialog", test_export_dialog);
  g_test_add_func ("/ui/import-dialog", test_import_dialog);

  return g_test_run ();
}
