/* kassa-bench.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds the large deterministic company and times what users wait for
 * (ARCHITECTURE.md §6).  Each figure is printed with its target and, where
 * a bare SQLite query does the same scan, the ratio to it, which stays
 * comparable between machines.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kassa-customer-list.h"
#include "kassa-customer-value.h"
#include "kassa-date.h"
#include "kassa-demo.h"
#include "kassa-dunning.h"
#include "kassa-forecast.h"
#include "kassa-payment-behaviour.h"
#include "kassa-receivables.h"
#include "kassa-invoice-list.h"
#include "kassa-report.h"
#include "kassa-store.h"

typedef struct
{
  guint     n_invoices;
  guint     n_customers;
  char     *path;
  gboolean  keep;
  gboolean  existing;
  KassaDay  today;
  guint     n_missed;
} Bench;

static gint64
now_us (void)
{
  return g_get_monotonic_time ();
}

static double
ms_since (gint64 start)
{
  return (now_us () - start) / 1000.0;
}

static void
report (Bench      *bench,
        const char *name,
        double      measured_ms,
        double      target_ms,
        double      bare_ms)
{
  g_autofree char *ratio = bare_ms > 0 ? g_strdup_printf ("%.2f", measured_ms / bare_ms)
                                       : g_strdup ("-");
  gboolean missed = target_ms > 0 && measured_ms > target_ms;

  if (missed)
    bench->n_missed++;
  g_print ("%-40s %10.1f ms (target %7.0f ms) ratio %s%s\n", name, measured_ms, target_ms,
           ratio, missed ? "  MISSED" : "");
}

/* Time of a bare SQL statement run to completion on the store's connection. */
static double
bare_query_ms (KassaStore *store,
               const char *sql,
               KassaDay    today)
{
  sqlite3_stmt *stmt = NULL;
  gint64 start = now_us ();

  if (sqlite3_prepare_v2 (kassa_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Cannot prepare %s: %s", sql, sqlite3_errmsg (kassa_store_get_db (store)));
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int (stmt, 1, today);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);

  return ms_since (start);
}

static void
get_items (GListModel *model,
           guint       first,
           guint       n)
{
  for (guint i = first; i < first + n; i++)
    {
      gpointer item = g_list_model_get_item (model, i);

      if (item == NULL)
        g_error ("No item at %u", i);
      g_object_unref (item);
    }
}

static gint64
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? g_ascii_strtoll (line + 6, NULL, 10) : -1;
}

static KassaStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  KassaStore *store = kassa_store_open (path, &error);

  if (store == NULL)
    g_error ("Cannot open %s: %s", path, error->message);
  return store;
}

static void
bench_generate (Bench *bench)
{
  g_autoptr(KassaStore) store = open_store (bench->path);
  g_autoptr(GError) error = NULL;
  KassaDemoSpec spec = {
    .n_customers = bench->n_customers,
    .n_invoices = bench->n_invoices,
    .years = 5,
    .seed = 20261124,
    .today = bench->today,
  };
  gint64 start = now_us ();

  if (!kassa_demo_generate (store, &spec, &error))
    g_error ("Cannot generate: %s", error->message);
  report (bench, "generate company", ms_since (start), 20000, 0);
}

/* A word of some customer's name, for the search step. */
static char *
customer_word (KassaStore *store)
{
  sqlite3_stmt *stmt = NULL;
  char *word = NULL;

  sqlite3_prepare_v2 (kassa_store_get_db (store),
                      "SELECT name FROM customers WHERE kind = 0 AND country = 'FI'"
                      " ORDER BY id LIMIT 1 OFFSET 10", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_auto(GStrv) words = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), " ", 2);

      word = g_strdup (words[0]);
    }
  sqlite3_finalize (stmt);

  return word ? word : g_strdup ("Oy");
}

static void
bench_search (Bench            *bench,
              KassaInvoiceList *list,
              const char       *name,
              const char       *search)
{
  GListModel *model = G_LIST_MODEL (list);
  g_autofree char *label = NULL;
  gint64 start = now_us ();
  guint n;

  kassa_invoice_list_set_search (list, search);
  n = g_list_model_get_n_items (model);
  get_items (model, 0, MIN (n, 50));
  label = g_strdup_printf ("%s \"%s\" (%u)", name, search, n);
  report (bench, label, ms_since (start), 100, 0);
}

static void
bench_lists (Bench      *bench,
             KassaStore *store)
{
  g_autoptr(KassaInvoiceList) list = NULL;
  g_autofree char *word = customer_word (store);
  GListModel *model;
  guint n, deep;
  double worst_page = 0, bare;
  gint64 start;

  bare = bare_query_ms (store, "SELECT COUNT(*) FROM invoices", 0)
         + bare_query_ms (store, "SELECT * FROM invoices ORDER BY number DESC LIMIT 50", 0);
  start = now_us ();
  list = kassa_invoice_list_new (store, bench->today);
  model = G_LIST_MODEL (list);
  n = g_list_model_get_n_items (model);
  get_items (model, 0, 50);
  report (bench, "invoice list: first page", ms_since (start), 50, bare);

  deep = n / 2;
  start = now_us ();
  get_items (model, deep, 50);
  report (bench, "invoice list: page deep in the list", ms_since (start), 16, 0);

  for (guint page = 1; page <= 10; page++)
    {
      gint64 page_start = now_us ();

      get_items (model, deep + page * 100, 1);
      get_items (model, deep + page * 100 + 50, 1);
      worst_page = MAX (worst_page, ms_since (page_start));
    }
  report (bench, "invoice list: scrolling, worst page", worst_page, 16, 0);

  bench_search (bench, list, "search customer", word);
  bench_search (bench, list, "search number", "12345");
  kassa_invoice_list_set_search (list, NULL);

  start = now_us ();
  kassa_invoice_list_set_filter (list, KASSA_INVOICE_FILTER_OVERDUE);
  n = g_list_model_get_n_items (model);
  get_items (model, 0, MIN (n, 50));
  {
    g_autofree char *label = g_strdup_printf ("overdue filter (%u)", n);

    report (bench, label, ms_since (start), 100, 0);
  }
}

static void
bench_overview (Bench      *bench,
                KassaStore *store)
{
  KassaOverviewFigures figures;
  double bare = bare_query_ms (store, "SELECT SUM(total - paid) FROM invoices WHERE state = 1", 0);
  gint64 start = now_us ();

  kassa_store_get_overview (store, bench->today, &figures);
  report (bench, "overview figures", ms_since (start), 200, bare);
}

/* Receivables (issue 3): the Overview's aging and KPIs against a bare scan
 * of the rows they must read (the open set, the last 90 days' invoices and
 * payments), then the heavier figures the Receivables page computes in a
 * thread. */
static double
bare_receivables_ms (KassaStore *store,
                     KassaDay    today)
{
  return bare_query_ms (store, "SELECT SUM(total - paid), COUNT(*) FROM invoices INDEXED BY invoices_open"
                               " WHERE state = 1 AND paid <> total AND ?1 > 0", today) +
         bare_query_ms (store, "SELECT SUM(total), COUNT(delivery) FROM invoices"
                               " WHERE issue_date > ?1 - 90", today) +
         bare_query_ms (store, "SELECT SUM(p.amount * (p.date - i.due_date)) FROM payments p"
                               " JOIN invoices i ON i.id = p.invoice_id WHERE p.date > ?1 - 90", today);
}

static void
bench_receivables (Bench      *bench,
                   KassaStore *store)
{
  g_autoptr(KassaAging) aging = NULL;
  g_autoptr(GArray) trend = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GPtrArray) worklist = NULL;
  g_autoptr(KassaCollectionSettings) settings = kassa_collection_settings_load (store);
  KassaReceivablesKpis kpis;
  KassaPaymentBacktest backtest = { 0 };
  double bare = bare_receivables_ms (store, bench->today);
  gint64 start = now_us ();

  aging = kassa_aging_compute (store, bench->today, KASSA_AGING_BY_DUE_DATE, NULL);
  kassa_receivables_kpis (store, bench->today, 90, &kpis, NULL);
  report (bench, "aging + receivables KPIs (today)", ms_since (start), 200, bare);

  start = now_us ();
  g_clear_pointer (&aging, kassa_aging_free);
  aging = kassa_aging_compute (store, kassa_day_add_months (bench->today, -12),
                               KASSA_AGING_BY_DUE_DATE, NULL);
  report (bench, "aging a year back", ms_since (start), 0, 0);

  start = now_us ();
  trend = kassa_receivables_kpi_trend (store, bench->today, 12, 90, NULL);
  report (bench, "KPI trend, 12 months", ms_since (start), 0, 0);

  start = now_us ();
  warnings = kassa_payment_warnings_list (store, bench->today, &settings->warning, NULL);
  report (bench, "early warnings (all customers)", ms_since (start), 0, 0);

  start = now_us ();
  expected = kassa_expected_payments_list (store, bench->today, NULL);
  report (bench, "expected payment dates (open set)", ms_since (start), 300, 0);

  start = now_us ();
  worklist = kassa_dunning_worklist (store, bench->today, settings, NULL);
  report (bench, "collection worklist", ms_since (start), 0, 0);

  start = now_us ();
  kassa_payment_backtest (store, &backtest, NULL);
  report (bench, "payment-date backtest", ms_since (start), 0, 0);
  g_print ("%-40s %u invoices, MAE %.2f days (due-date baseline %.2f, bias %+.2f)\n",
           "  backtest error", backtest.invoices, backtest.mean_absolute_error,
           backtest.naive_mean_absolute_error, backtest.mean_error);
  g_print ("%-40s DSO %.1f, open invoices %u, warnings %u, worklist %u\n", "  figures",
           kpis.dso, expected != NULL ? expected->len : 0, warnings != NULL ? warnings->len : 0,
           worklist != NULL ? worklist->len : 0);
}

/* Cash flow (issue 4): the whole forecast (13 weeks and 12 months come from
 * one daily computation) for the base and a pessimistic scenario. */
static void
bench_forecast (Bench      *bench,
                KassaStore *store)
{
  KassaScenario pessimistic = { .sales_change_bp = -1500, .payment_delay_days = 10,
                                .cost_change_bp = 500 };
  g_autoptr(KassaForecast) base = NULL;
  g_autoptr(KassaForecast) scenario = NULL;
  KassaSalesBacktest backtest = { 0 };
  gint64 months[12];
  gint64 start = now_us ();

  base = kassa_forecast_compute (store, bench->today, NULL, NULL);
  report (bench, "cash-flow forecast (13 weeks, 12 months)", ms_since (start), 300, 0);

  start = now_us ();
  scenario = kassa_forecast_compute (store, bench->today, &pessimistic, NULL);
  report (bench, "  the same, pessimistic scenario", ms_since (start), 300, 0);

  start = now_us ();
  kassa_sales_forecast (store, bench->today, 12, months, NULL);
  report (bench, "  of it: sales forecast, 12 months", ms_since (start), 0, 0);

  start = now_us ();
  kassa_sales_backtest (store, bench->today, &backtest, NULL);
  report (bench, "sales forecast backtest", ms_since (start), 0, 0);
  g_print ("%-40s %u months, MAPE %.2f %% (same month last year %.2f %%)\n", "  backtest error",
           backtest.months, backtest.mean_absolute_percentage_error,
           backtest.naive_mean_absolute_percentage_error);
}

/* Customer value (issue 5): the whole report (revenue, margin, ABC, RFM,
 * lifecycle, risk) against a bare scan of the rows it must read: the
 * year's invoices by issue date, each customer's first and last invoice,
 * and for the risk classes the year's payments and the open set. */
static double
bare_customer_value_ms (KassaStore *store,
                        KassaDay    today)
{
  return bare_query_ms (store, "SELECT customer_id, total_net, total_cost, delivery"
                               " FROM invoices INDEXED BY invoices_issue_date"
                               " WHERE issue_date BETWEEN ?1 - 364 AND ?1 AND state IN (1, 2)",
                        today) +
         bare_query_ms (store, "SELECT c.id, (SELECT MIN (issue_date) FROM invoices i"
                               "  WHERE i.customer_id = c.id AND i.issue_date <= ?1),"
                               " (SELECT MAX (issue_date) FROM invoices i"
                               "  WHERE i.customer_id = c.id AND i.issue_date <= ?1)"
                               " FROM customers c", today) +
         bare_query_ms (store, "SELECT i.customer_id, p.amount * (p.date - i.due_date) FROM payments p"
                               " JOIN invoices i ON i.id = p.invoice_id WHERE p.date > ?1 - 365",
                        today) +
         bare_query_ms (store, "SELECT customer_id, total - paid FROM invoices INDEXED BY invoices_open"
                               " WHERE state = 1 AND paid <> total AND due_date < ?1", today);
}

static void
bench_customer_value (Bench      *bench,
                      KassaStore *store)
{
  g_autoptr(KassaValueReport) value_report = NULL;
  g_autoptr(GError) error = NULL;
  KassaValueOptions options;
  double bare = bare_customer_value_ms (store, bench->today);
  gint64 start = now_us ();

  kassa_value_options_init_default (&options, bench->today);
  value_report = kassa_value_report_compute (store, &options, bench->today, NULL, &error);
  report (bench, "customer value (ABC + RFM)", ms_since (start), 1000, bare);
  if (value_report == NULL)
    {
      g_printerr ("Cannot compute the customer value report: %s\n", error->message);
      return;
    }
  g_print ("%-40s %u customers: A %u, B %u, C %u; champions %u, at risk %u\n", "  figures",
           kassa_value_report_get_n_customers (value_report),
           kassa_value_report_get_class (value_report, KASSA_ABC_A).customers,
           kassa_value_report_get_class (value_report, KASSA_ABC_B).customers,
           kassa_value_report_get_class (value_report, KASSA_ABC_C).customers,
           kassa_value_report_get_segment (value_report, KASSA_SEGMENT_CHAMPIONS).customers,
           kassa_value_report_get_segment (value_report, KASSA_SEGMENT_AT_RISK).customers);
}

static void
bench_memory (Bench      *bench,
              KassaStore *store)
{
  g_autoptr(KassaInvoiceList) list = kassa_invoice_list_new (store, bench->today);
  GListModel *model = G_LIST_MODEL (list);
  guint n = g_list_model_get_n_items (model);
  gint64 start = now_us ();
  gint64 rss;

  /* One item of every page, end to end: every page is read (by keyset)
   * and the cache must stay bounded. */
  for (guint position = 0; position < n; position += 100)
    get_items (model, position, 1);
  report (bench, "scroll end to end (one item per page)", ms_since (start), 0, 0);

  rss = resident_kb ();
  g_print ("%-40s %10.1f MB (target %7d MB)%s\n", "resident memory after scrolling",
           rss / 1024.0, 250, rss / 1024 > 250 ? "  MISSED" : "");
  if (rss / 1024 > 250)
    bench->n_missed++;
}

static gint64
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line ? g_ascii_strtoll (line + strlen (field), NULL, 10) : -1;
}

/* Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+). */
static void
reset_peak_memory (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");

  if (file == NULL)
    return;
  fputs ("5", file);
  fclose (file);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static KassaDay
first_issue_date (KassaStore *store)
{
  sqlite3_stmt *stmt = NULL;
  KassaDay day = 0;

  sqlite3_prepare_v2 (kassa_store_get_db (store), "SELECT MIN (issue_date) FROM invoices",
                      -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    day = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return day;
}

static gboolean
write_journal (KassaStore *store,
               KassaDay    from,
               KassaDay    to,
               KassaDay    today,
               gboolean    without_details,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  KassaReportSpec spec = {
    .kind = KASSA_REPORT_INVOICE_JOURNAL,
    .from = from,
    .to = to,
    .language = KASSA_LOCALE_FI,
    .today = today,
    .without_details = without_details,
  };

  if (!kassa_report_write_xlsx (store, &spec, path, NULL, NULL, NULL, &error))
    {
      g_printerr ("Cannot write the journal: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* A real spreadsheet must accept the workbook: LibreOffice converts a
 * month of the journal to CSV when it is installed. */
static void
bench_soffice (Bench      *bench,
               KassaStore *store,
               const char *dir)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *path = g_build_filename (dir, "journal-month.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "journal-month.csv", NULL);
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", dir, "/lo-profile", NULL);
  int status = -1;
  gboolean ok;

  if (soffice == NULL)
    {
      g_print ("%-40s skipped (no soffice)\n", "LibreOffice reads the journal");
      return;
    }

  ok = write_journal (store, kassa_day_add_months (bench->today, -1), bench->today, bench->today,
                      FALSE, path);
  if (ok)
    {
      const char *argv[] = { soffice, profile, "--headless", "--convert-to", "csv", "--outdir",
                             dir, path, NULL };

      ok = g_spawn_sync (NULL, (char **) argv, NULL,
                         G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, NULL) &&
           g_spawn_check_wait_status (status, NULL) &&
           g_file_test (csv, G_FILE_TEST_IS_REGULAR);
    }
  if (!ok)
    bench->n_missed++;
  g_print ("%-40s %s\n", "LibreOffice reads the journal (to csv)", ok ? "OK" : "failed  MISSED");
  g_remove (path);
  g_remove (csv);
}

/* The whole journal in constant_memory mode: one row per invoice (the
 * target's million rows), then with the Lines and Payments sheets too
 * (4.6 million rows; no target).  clear_refs resets the peak RSS so
 * VmHWM − VmRSS before is the extra memory of the export alone. */
static void
bench_journal_variant (Bench      *bench,
                       KassaStore *store,
                       const char *dir,
                       gboolean    without_details)
{
  g_autofree char *path = g_build_filename (dir, "journal.xlsx", NULL);
  gint64 start, rss_before, peak_mb;
  GStatBuf info = { 0 };

  reset_peak_memory ();
  rss_before = status_kb ("VmRSS:");

  start = now_us ();
  if (!write_journal (store, first_issue_date (store), bench->today, bench->today,
                      without_details, path))
    bench->n_missed++;
  report (bench, without_details ? "invoice journal to xlsx" : "journal + lines and payments",
          ms_since (start), without_details ? 20000 : 0, 0);

  peak_mb = (status_kb ("VmHWM:") - rss_before) / 1024;
  g_stat (path, &info);
  g_print ("%-40s %10" G_GINT64_FORMAT " MB (target %7d MB)%s; file %.0f MB\n",
           "  peak extra memory", peak_mb, 100, peak_mb > 100 ? "  MISSED" : "",
           info.st_size / 1048576.0);
  if (peak_mb > 100)
    bench->n_missed++;
  g_remove (path);
}

static void
bench_journal_xlsx (Bench      *bench,
                    KassaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kassa-bench-xlsx-XXXXXX", &error);

  if (dir == NULL)
    g_error ("%s", error->message);

  bench_journal_variant (bench, store, dir, TRUE);
  bench_journal_variant (bench, store, dir, FALSE);
  bench_soffice (bench, store, dir);
  remove_tree (dir);
}

static void
run (Bench *bench)
{
  g_autoptr(KassaStore) store = NULL;
  gint64 start;

  if (!bench->existing)
    bench_generate (bench);

  start = now_us ();
  store = open_store (bench->path);
  report (bench, "open company file", ms_since (start), 500, 0);

  bench_lists (bench, store);
  bench_overview (bench, store);
  bench_receivables (bench, store);
  bench_forecast (bench, store);
  bench_customer_value (bench, store);
  bench_memory (bench, store);
  bench_journal_xlsx (bench, store);
}

static void
remove_company (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { .n_invoices = 1000000, .n_customers = 10000 };
  g_autofree char *tmp_dir = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int n_invoices = bench.n_invoices, n_customers = bench.n_customers;
  const GOptionEntry entries[] = {
    { "invoices", 0, 0, G_OPTION_ARG_INT, &n_invoices, "Number of invoices", "N" },
    { "customers", 0, 0, G_OPTION_ARG_INT, &n_customers, "Number of customers", "N" },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &bench.path, "Company file to create", "PATH" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &bench.keep, "Keep the company file", NULL },
    { "existing", 0, 0, G_OPTION_ARG_NONE, &bench.existing,
      "Time an existing company file (--file) instead of generating one", NULL },
    { NULL }
  };

  context = g_option_context_new ("- time the large Kassa company");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (n_invoices < 1000 || n_customers < 1)
    {
      g_printerr ("Use at least 1000 invoices and one customer.\n");
      return 2;
    }

  bench.n_invoices = n_invoices;
  bench.n_customers = n_customers;
  bench.today = kassa_day_from_ymd (2026, 11, 24);
  if (bench.path == NULL && bench.existing)
    {
      g_printerr ("--existing needs --file.\n");
      return 2;
    }
  if (bench.path == NULL)
    {
      tmp_dir = g_dir_make_tmp ("kassa-bench-XXXXXX", &error);
      if (tmp_dir == NULL)
        g_error ("%s", error->message);
      bench.path = g_build_filename (tmp_dir, "large.kassa", NULL);
    }
  else if (bench.existing)
    bench.keep = TRUE;
  else if (g_file_test (bench.path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s exists; give a new file.\n", bench.path);
      return 2;
    }

  g_print ("kassa-bench: %u invoices, %u customers, %s\n", bench.n_invoices,
           bench.n_customers, bench.path);
  run (&bench);
  g_print ("%u target(s) missed\n", bench.n_missed);

  if (!bench.keep)
    {
      remove_company (bench.path);
      if (tmp_dir != NULL)
        g_rmdir (tmp_dir);
    }
  g_free (bench.path);

  return 0;
}
