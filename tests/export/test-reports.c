/* test-reports.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every Excel report of a small hand-worked company, written in English,
 * Finnish (under the fi_FI locale, which would corrupt the numbers without
 * the C numeric locale around the write) and Chinese, then read back by
 * check-reports.py with openpyxl.  The expected figures are worked out in
 * check-reports.py; the company is:
 *
 *   period 2026-01-01 – 2026-03-31, today 2026-04-15, EUR
 *   #1000 Alfa Oy  2026-01-10 due 01-24: 2.500 × 40.00 − 10 % = 90.00 @ 25.5 %
 *                  (cost 20.00), 3.000 × 12.34 = 37.02 @ 14 %;
 *                  VAT 22.95 + 5.18; total 155.15; paid 155.15 on 01-20
 *   #1001 Alfa Oy  2026-02-01 due 02-15: 10 × 100.00 @ 25.5 % (cost 60.00);
 *                  total 1,255.00; paid 500.00 on 02-20 → 755.00 open,
 *                  44 days overdue on 03-31
 *   #1002 Beta Ab  2026-02-10: 4 × 25.00 @ 14 % = 114.00, credited by
 *   #1003          credit note 2026-03-05: −114.00
 *   #1004 =HYPERLINK("http://x") (customer no. "+1-2") 2026-01-05 due 01-19:
 *                  "+1-2" 1 × 200.00 @ 25.5 % = 251.00, unpaid, 71 days
 *                  overdue, e-invoice
 *   #1005 Beta Ab  2026-03-20 due 04-03: 2 × 50.00 @ 25.5 % = 125.50, e-invoice
 *
 * and for the customer-value workbook only: Alfa Oy is a key account with an
 * NPS response of 9 on 2026-03-01, Beta Ab gave marketing consent on
 * 2026-02-01; the email campaign "Spring mailing" (2026-01-01 – 03-31,
 * cost 100.00) reached Alfa and Beta, and #1001 is attributed to it.
 *
 * And for the cash-flow workbook only (no other report reads them): a
 * minimum cash buffer of 2,000.00; one bank account with 5,000.00 entered
 * on 2026-02-27 and 10,000.00 on 2026-04-15 (today); "Office rent", 1,200.00
 * out monthly from 2026-05-01 to 2026-12-31, and "Start-up grant", 3,000.00
 * in once on 2026-05-20.
 */
#define G_LOG_DOMAIN "kassa-test-reports"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "kassa-date.h"
#include "kassa-demo.h"
#include "kassa-report.h"
#include "kassa-store.h"
#include "kassa-store-cashflow.h"
#include "kassa-store-relationship.h"
#include "kassa-test-fixture.h"

#define FORMULA_NAME "=HYPERLINK(\"http://x\")"

typedef struct
{
  char       *dir;
  KassaStore *store;
  gint64      alfa;
} Company;

static Company company;

static KassaDay
ymd (int year,
     int month,
     int day)
{
  return kassa_day_from_ymd (year, month, day);
}

static gint64
add_customer (const char *number,
              const char *name)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  customer->number = g_strdup (number);
  customer->name = g_strdup (name);
  customer->business_id = g_strdup ("");
  customer->address = g_strdup ("Katu 1\n00100 Helsinki");
  g_assert_true (kassa_store_save_customer (company.store, customer, &error));
  g_assert_no_error (error);
  return customer->id;
}

typedef struct
{
  const char *description;
  gint64      quantity;    /* thousandths */
  gint64      unit_price;
  gint64      unit_cost;
  gint        vat_rate;
  gint        discount;
} Line;

static gint64
add_invoice (gint64         customer,
             KassaDay       issue,
             KassaDelivery  delivery,
             const Line    *lines,
             guint          n_lines)
{
  g_autoptr(KassaInvoiceRecord) invoice = kassa_invoice_record_new ();
  g_autoptr(GError) error = NULL;

  invoice->customer_id = customer;
  invoice->issue_date = issue;
  invoice->due_date = issue + 14;
  invoice->delivery = delivery;
  for (guint i = 0; i < n_lines; i++)
    {
      KassaInvoiceLine *line = kassa_invoice_line_new ();

      line->description = g_strdup (lines[i].description);
      line->quantity = lines[i].quantity;
      line->unit_price = lines[i].unit_price;
      line->unit_cost = lines[i].unit_cost;
      line->vat_rate = lines[i].vat_rate;
      line->discount = lines[i].discount;
      g_ptr_array_add (invoice->lines, line);
    }
  g_assert_true (kassa_store_save_invoice (company.store, invoice, &error));
  g_assert_no_error (error);
  g_assert_true (kassa_store_send_invoice (company.store, invoice->id, &error));
  g_assert_no_error (error);
  return invoice->id;
}

static void
pay (gint64      invoice,
     KassaDay    date,
     gint64      amount,
     const char *method)
{
  g_autoptr(KassaPayment) payment = kassa_payment_new ();
  g_autoptr(GError) error = NULL;

  payment->invoice_id = invoice;
  payment->date = date;
  payment->amount = amount;
  payment->method = g_strdup (method);
  payment->note = g_strdup ("");
  g_assert_true (kassa_store_add_payment (company.store, payment, FALSE, &error));
  g_assert_no_error (error);
}

static void
add_cash_account (void)
{
  g_autoptr(KassaCashAccount) account = kassa_cash_account_new ();
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&account->name, g_free);
  g_clear_pointer (&account->iban, g_free);
  account->name = g_strdup ("Operating account");
  account->kind = KASSA_CASH_ACCOUNT_BANK;
  account->iban = g_strdup ("FI21 1234 5600 0007 85");
  g_assert_true (kassa_store_save_cash_account (company.store, account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (account->id, >, 0);

  g_assert_true (kassa_store_set_cash_balance (company.store, account->id, ymd (2026, 2, 27),
                                               500000, &error));
  g_assert_no_error (error);
  g_assert_true (kassa_store_set_cash_balance (company.store, account->id, ymd (2026, 4, 15),
                                               1000000, &error));
  g_assert_no_error (error);
}

static void
add_scheduled_item (const char        *name,
                    KassaCashCategory  category,
                    gboolean           inflow,
                    gint64             amount,
                    KassaRecurrence    recurrence,
                    KassaDay           start,
                    KassaDay           end,
                    const char        *notes)
{
  g_autoptr(KassaScheduledItem) item = kassa_scheduled_item_new ();
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&item->name, g_free);
  g_clear_pointer (&item->notes, g_free);
  item->name = g_strdup (name);
  item->category = category;
  item->inflow = inflow;
  item->amount = amount;
  item->recurrence = recurrence;
  item->start_date = start;
  item->end_date = end;
  item->notes = g_strdup (notes);
  g_assert_true (kassa_store_save_scheduled_item (company.store, item, &error));
  g_assert_no_error (error);
}

static void
add_cash_flow_data (void)
{
  add_cash_account ();
  /* Notes that look like a formula must come back as text. */
  add_scheduled_item ("Office rent", KASSA_CATEGORY_RENT, FALSE, 120000, KASSA_SCHEDULE_MONTHLY,
                      ymd (2026, 5, 1), ymd (2026, 12, 31), "=due on the 1st");
  add_scheduled_item ("Start-up grant", KASSA_CATEGORY_OTHER_IN, TRUE, 300000, KASSA_SCHEDULE_ONCE,
                      ymd (2026, 5, 20), 0, "");
}

static void
save_relationship (gint64                 customer,
                   gboolean               key_account,
                   KassaMarketingConsent  consent,
                   KassaDay               consent_date)
{
  g_autoptr(KassaCustomerRelationship) relationship = kassa_customer_relationship_new ();
  g_autoptr(GError) error = NULL;

  relationship->customer_id = customer;
  relationship->key_account = key_account;
  relationship->consent = consent;
  relationship->consent_date = consent_date;
  g_assert_true (kassa_store_save_customer_relationship (company.store, relationship,
                                                         ymd (2026, 4, 15), &error));
  g_assert_no_error (error);
}

static void
add_customer_value_data (gint64 beta,
                         gint64 campaign_invoice)
{
  g_autoptr(KassaCampaign) campaign = kassa_campaign_new ();
  g_autoptr(KassaNpsResponse) response = kassa_nps_response_new ();
  g_autoptr(GError) error = NULL;
  const gint64 reached[] = { company.alfa, beta };

  save_relationship (company.alfa, TRUE, KASSA_CONSENT_NOT_ASKED, 0);
  save_relationship (beta, FALSE, KASSA_CONSENT_GIVEN, ymd (2026, 2, 1));

  response->customer_id = company.alfa;
  response->date = ymd (2026, 3, 1);
  response->score = 9;
  g_assert_true (kassa_store_add_nps_response (company.store, response, ymd (2026, 4, 15),
                                               &error));
  g_assert_no_error (error);

  g_free (campaign->name);
  campaign->name = g_strdup ("Spring mailing");
  campaign->channel = KASSA_CAMPAIGN_EMAIL;
  campaign->start_date = ymd (2026, 1, 1);
  campaign->end_date = ymd (2026, 3, 31);
  campaign->cost = 10000;
  g_assert_true (kassa_store_save_campaign (company.store, campaign, &error));
  g_assert_no_error (error);
  g_assert_true (kassa_store_add_campaign_customers (company.store, campaign->id, reached,
                                                     G_N_ELEMENTS (reached), ymd (2026, 1, 1),
                                                     &error));
  g_assert_no_error (error);
  g_assert_true (kassa_store_set_invoice_campaign (company.store, campaign_invoice, campaign->id,
                                                   &error));
  g_assert_no_error (error);
}

static void
build_company (void)
{
  g_autoptr(KassaCompany) details = kassa_company_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const Line first[] = {
    { "Design work", 2500, 4000, 2000, 2550, 1000 },
    { "Printing", 3000, 1234, 0, 1400, 0 },
  };
  const Line consulting[] = { { "Consulting", 10000, 10000, 6000, 2550, 0 } };
  const Line books[] = { { "Books", 4000, 2500, 0, 1400, 0 } };
  const Line formula[] = { { "+1-2", 1000, 20000, 0, 2550, 0 } };
  const Line support[] = { { "Support", 2000, 5000, 0, 2550, 0 } };
  gint64 beta, formula_customer, invoice, campaign_invoice;

  company.dir = g_dir_make_tmp ("kassa-test-reports-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (company.dir, "company.kassa", NULL);
  company.store = kassa_store_open (path, &error);
  g_assert_no_error (error);

  details->name = g_strdup ("Testi Oy");
  details->business_id = g_strdup ("1234567-8");
  details->iban = g_strdup ("FI21 1234 5600 0007 85");
  details->minimum_cash_buffer = 200000;
  g_assert_true (kassa_store_save_company (company.store, details, &error));
  g_assert_no_error (error);

  company.alfa = add_customer ("C1", "Alfa Oy");
  beta = add_customer ("C2", "Beta Ab");
  formula_customer = add_customer ("+1-2", FORMULA_NAME);

  invoice = add_invoice (company.alfa, ymd (2026, 1, 10), KASSA_DELIVERY_EMAIL, first, 2);
  pay (invoice, ymd (2026, 1, 20), 15515, "bank");
  invoice = add_invoice (company.alfa, ymd (2026, 2, 1), KASSA_DELIVERY_EMAIL, consulting, 1);
  pay (invoice, ymd (2026, 2, 20), 50000, "bank");
  campaign_invoice = invoice;
  invoice = add_invoice (beta, ymd (2026, 2, 10), KASSA_DELIVERY_PAPER, books, 1);
  g_assert_cmpint (kassa_store_credit_invoice (company.store, invoice, ymd (2026, 3, 5), &error), >, 0);
  g_assert_no_error (error);
  add_invoice (formula_customer, ymd (2026, 1, 5), KASSA_DELIVERY_EINVOICE, formula, 1);
  add_invoice (beta, ymd (2026, 3, 20), KASSA_DELIVERY_EINVOICE, support, 1);
  add_cash_flow_data ();
  add_customer_value_data (beta, campaign_invoice);
}

static KassaReportSpec
spec_for (KassaReportKind kind,
          KassaLocale     language)
{
  KassaReportSpec spec = {
    .kind = kind,
    .from = ymd (2026, 1, 1),
    .to = ymd (2026, 3, 31),
    .language = language,
    .customer_id = company.alfa,
    .today = ymd (2026, 4, 15),
  };

  return spec;
}

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

static void
write_every_report (const char  *dir,
                    KassaLocale  language)
{
  for (guint kind = 0; kind < KASSA_N_REPORTS; kind++)
    {
      KassaReportSpec spec = spec_for (kind, language);
      g_autofree char *name = g_strconcat (kassa_report_kind_to_id (kind), ".xlsx", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      guint calls = 0;

      g_assert_true (kassa_report_write_xlsx (company.store, &spec, path, on_progress, &calls,
                                              NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      /* At least the final report of the finished work. */
      g_assert_cmpuint (calls, >=, 1);
    }

  /* The journal without details: Invoices and VAT sheets only. */
  {
    KassaReportSpec spec = spec_for (KASSA_REPORT_INVOICE_JOURNAL, language);
    g_autofree char *path = g_build_filename (dir, "journal-summary.xlsx", NULL);
    g_autoptr(GError) error = NULL;

    spec.without_details = TRUE;
    g_assert_true (kassa_report_write_xlsx (company.store, &spec, path, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
}

static gboolean
have_openpyxl (void)
{
  const char *argv[] = { "/usr/bin/python3", "-c", "import openpyxl", NULL };
  int status = -1;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

static void
check_with_openpyxl (const char *dir,
                     const char *language)
{
  const char *script = g_getenv ("KASSA_CHECK_REPORTS");
  const char *argv[] = { "/usr/bin/python3", script, dir, language, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (script);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (out != NULL && out[0] != '\0')
    g_test_message ("%s", out);
  if (err != NULL && err[0] != '\0')
    g_test_message ("%s", err);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

typedef struct
{
  KassaLocale  language;
  const char  *code;
  const char  *process_locale;
} LanguageCase;

static const LanguageCase language_cases[] = {
  { KASSA_LOCALE_EN, "en", "C.UTF-8" },
  { KASSA_LOCALE_FI, "fi", "fi_FI.UTF-8" },
  { KASSA_LOCALE_ZH_CN, "zh_CN", "zh_CN.UTF-8" },
};

static void
test_reports_read_back (gconstpointer data)
{
  const LanguageCase *c = data;
  g_autofree char *dir = g_build_filename (company.dir, c->code, NULL);

  if (!have_openpyxl ())
    {
      g_test_skip ("/usr/bin/python3 with openpyxl is needed to read the workbooks back");
      return;
    }
  if (setlocale (LC_ALL, c->process_locale) == NULL)
    {
      g_test_skip ("The locale is not installed");
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_every_report (dir, c->language);
  setlocale (LC_ALL, "C.UTF-8");
  check_with_openpyxl (dir, c->code);
}

static void
test_reports_ids (void)
{
  for (guint kind = 0; kind < KASSA_N_REPORTS; kind++)
    {
      KassaReportKind parsed = KASSA_N_REPORTS;

      g_assert_true (kassa_report_kind_from_id (kassa_report_kind_to_id (kind), &parsed));
      g_assert_cmpint (parsed, ==, kind);
      g_assert_nonnull (kassa_report_kind_get_name (kind));
    }
  g_assert_cmpstr (kassa_report_kind_to_id (KASSA_REPORT_INVOICE_JOURNAL), ==, "journal");
  g_assert_cmpstr (kassa_report_kind_to_id (KASSA_REPORT_KPI_SUMMARY), ==, "kpi");
  g_assert_cmpstr (kassa_report_kind_to_id (KASSA_REPORT_CASH_FLOW), ==, "cashflow");
  g_assert_cmpstr (kassa_report_kind_get_name (KASSA_REPORT_CASH_FLOW), ==, "Cash Flow Forecast");
  g_assert_cmpstr (kassa_report_kind_to_id (KASSA_REPORT_CUSTOMER_VALUE), ==, "customer-value");
  g_assert_cmpstr (kassa_report_kind_get_name (KASSA_REPORT_CUSTOMER_VALUE), ==, "Customer Value");
  g_assert_false (kassa_report_kind_from_id ("ledger", NULL));
}

static void
test_reports_filename (void)
{
  KassaReportSpec spec = spec_for (KASSA_REPORT_INVOICE_JOURNAL, KASSA_LOCALE_EN);
  g_autofree char *name = kassa_report_suggest_filename (&spec);
  g_autofree char *finnish = NULL;

  g_assert_cmpstr (name, ==, "Invoice journal 2026-01-01–2026-03-31.xlsx");

  /* In the report's language, from the build's catalog (po/fi.po). */
  if (g_getenv ("KASSA_LOCALEDIR") == NULL)
    return;
  spec.language = KASSA_LOCALE_FI;
  finnish = kassa_report_suggest_filename (&spec);
  g_assert_cmpstr (finnish, ==, "Laskupäiväkirja 2026-01-01–2026-03-31.xlsx");
}

static char **
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_strv_builder_add (names, name);
  return g_strv_builder_end (names);
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
} CancelState;

static void
cancel_on_progress (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  CancelState *state = user_data;

  state->calls++;
  g_cancellable_cancel (state->cancellable);
}

static KassaStore *
open_demo_store (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "demo.kassa", NULL);
  g_autoptr(GError) error = NULL;
  KassaStore *store = kassa_store_open (path, &error);
  KassaDemoSpec demo = {
    .n_customers = 20,
    .n_invoices = 1000,
    .years = 1,
    .seed = 7,
    .today = ymd (2026, 4, 15),
  };

  g_assert_no_error (error);
  g_assert_true (kassa_demo_generate (store, &demo, &error));
  g_assert_no_error (error);
  return store;
}

/* A cancelled export, before or while writing, leaves no file at all. */
static void
test_reports_cancel (void)
{
  g_autofree char *dir = g_build_filename (company.dir, "cancel", NULL);
  g_autofree char *path = g_build_filename (dir, "journal.xlsx", NULL);
  KassaReportSpec spec = spec_for (KASSA_REPORT_INVOICE_JOURNAL, KASSA_LOCALE_EN);
  CancelState state = { g_cancellable_new (), 0 };
  g_autoptr(KassaStore) demo = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) left = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_cancellable_cancel (state.cancellable);
  g_assert_false (kassa_report_write_xlsx (company.store, &spec, path, NULL, NULL,
                                           state.cancellable, &error));
  g_assert_error (error, KASSA_REPORT_ERROR, KASSA_REPORT_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Cancelled at the first progress report (after 1000 rows) of a journal
   * with a few thousand rows. */
  g_cancellable_reset (state.cancellable);
  demo = open_demo_store (dir);
  spec.from = ymd (2025, 1, 1);
  spec.to = ymd (2026, 4, 15);
  g_assert_false (kassa_report_write_xlsx (demo, &spec, path, cancel_on_progress, &state,
                                           state.cancellable, &error));
  g_assert_error (error, KASSA_REPORT_ERROR, KASSA_REPORT_ERROR_CANCELLED);
  g_assert_cmpuint (state.calls, ==, 1);
  g_clear_object (&demo);

  left = list_dir (dir);
  for (guint i = 0; left[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (left[i], "journal.xlsx"));
  g_object_unref (state.cancellable);
}

static void
test_reports_invalid (void)
{
  g_autofree char *path = g_build_filename (company.dir, "invalid.xlsx", NULL);
  KassaReportSpec spec = spec_for (KASSA_REPORT_SALES, KASSA_LOCALE_EN);
  g_autoptr(GError) error = NULL;

  spec.from = ymd (2026, 4, 1);
  g_assert_false (kassa_report_write_xlsx (company.store, &spec, path, NULL, NULL, NULL, &error));
  g_assert_error (error, KASSA_REPORT_ERROR, KASSA_REPORT_ERROR_INVALID);
  g_clear_error (&error);

  spec = spec_for (KASSA_REPORT_CUSTOMER_STATEMENT, KASSA_LOCALE_EN);
  spec.customer_id = 999;
  g_assert_false (kassa_report_write_xlsx (company.store, &spec, path, NULL, NULL, NULL, &error));
  g_assert_error (error, KASSA_REPORT_ERROR, KASSA_REPORT_ERROR_INVALID);
  g_clear_error (&error);

  /* A folder that does not exist: a write error, and nothing created. */
  g_free (path);
  path = g_build_filename (company.dir, "missing", "sales.xlsx", NULL);
  spec = spec_for (KASSA_REPORT_SALES, KASSA_LOCALE_EN);
  g_assert_false (kassa_report_write_xlsx (company.store, &spec, path, NULL, NULL, NULL, &error));
  g_assert_error (error, KASSA_REPORT_ERROR, KASSA_REPORT_ERROR_WRITE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  build_company ();

  g_test_add_func ("/reports/ids", test_reports_ids);
  g_test_add_func ("/reports/filename", test_reports_filename);
  g_test_add_func ("/reports/invalid", test_reports_invalid);
  g_test_add_func ("/reports/cancel", test_reports_cancel);
  for (guint i = 0; i < G_N_ELEMENTS (language_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/reports/read-back/%s", language_cases[i].code);

      g_test_add_data_func (test_path, &language_cases[i], test_reports_read_back);
    }

  result = g_test_run ();

  g_clear_object (&company.store);
  kassa_test_remove_tree (company.dir);
  g_free (company.dir);
  return result;
}
