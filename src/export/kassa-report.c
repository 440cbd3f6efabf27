/* kassa-report.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Entry point of the Excel reports: checks the spec, writes the workbook
 * of one report family to a temporary file beside the target and renames
 * it into place, so that a cancelled or failed export leaves no file.
 *
 * libxlsxwriter 1.1.4 prints numbers with the thread's LC_NUMERIC: under
 * fi_FI a cell would read "1234,5" and the workbook would be corrupt.  The
 * whole write therefore runs with a C numeric locale set by uselocale(),
 * which affects only the writing thread.
 */
#define G_LOG_DOMAIN "kassa-export"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-report-private.h"

G_DEFINE_QUARK (kassa-report-error-quark, kassa_report_error)

typedef struct
{
  const char *id;
  const char *name;          /* UI name, N_() */
  const char *report_name;   /* report language, NC_("report", …) */
  gboolean  (*write)          (KassaReportWriter *writer);
} ReportInfo;

static const ReportInfo reports[KASSA_N_REPORTS] = {
  [KASSA_REPORT_INVOICE_JOURNAL] = { "journal", N_("Invoice Journal"),
                                     NC_("report", "Invoice journal"), kassa_report_write_journal },
  [KASSA_REPORT_SALES] = { "sales", N_("Sales"), NC_("report", "Sales"), kassa_report_write_sales },
  [KASSA_REPORT_VAT_SUMMARY] = { "vat", N_("VAT Summary"), NC_("report", "VAT summary"),
                                 kassa_report_write_vat_summary },
  [KASSA_REPORT_RECEIVABLES_AGING] = { "aging", N_("Receivables Aging"),
                                       NC_("report", "Receivables aging"), kassa_report_write_aging },
  [KASSA_REPORT_CUSTOMER_STATEMENT] = { "statement", N_("Customer Statement"),
                                        NC_("report", "Customer statement"),
                                        kassa_report_write_statement },
  [KASSA_REPORT_PAYMENTS] = { "payments", N_("Payments Received"),
                              NC_("report", "Payments received"), kassa_report_write_payments },
  [KASSA_REPORT_KPI_SUMMARY] = { "kpi", N_("Receivables Key Figures"),
                                 NC_("report", "Key figures"), kassa_report_write_kpi },
  [KASSA_REPORT_CASH_FLOW] = { "cashflow", N_("Cash Flow Forecast"),
                               NC_("report", "Cash flow forecast"), kassa_report_write_cashflow },
  [KASSA_REPORT_CUSTOMER_VALUE] = { "customer-value", N_("Customer Value"),
                                    NC_("report", "Customer value"),
                                    kassa_report_write_customer_value },
};

const char *
kassa_report_kind_to_id (KassaReportKind kind)
{
  g_return_val_if_fail (kind < KASSA_N_REPORTS, NULL);

  return reports[kind].id;
}

gboolean
kassa_report_kind_from_id (const char      *id,
                           KassaReportKind *kind)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < KASSA_N_REPORTS; i++)
    if (g_str_equal (id, reports[i].id))
      {
        if (kind != NULL)
          *kind = (KassaReportKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
kassa_report_kind_get_name (KassaReportKind kind)
{
  g_return_val_if_fail (kind < KASSA_N_REPORTS, NULL);

  return _(reports[kind].name);
}

/**
 * kassa_report_suggest_filename:
 * @spec: the report
 *
 * Returns: (transfer full): "Invoice journal 2026-01-01–2026-12-31.xlsx" in
 * the report's language (ISO dates: a file name must sort and never hold a
 * slash).
 */
char *
kassa_report_suggest_filename (const KassaReportSpec *spec)
{
  g_autoptr(KassaDocumentCatalog) catalog = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (spec->kind < KASSA_N_REPORTS, NULL);
  g_return_val_if_fail (kassa_day_is_valid (spec->from) && kassa_day_is_valid (spec->to), NULL);

  catalog = kassa_document_catalog_new (spec->language);
  from = kassa_day_format_iso (spec->from);
  to = kassa_day_format_iso (spec->to);
  return g_strdup_printf ("%s %s–%s.xlsx",
                          kassa_document_catalog_get_context (catalog, REPORT_CONTEXT,
                                                              reports[spec->kind].report_name),
                          from, to);
}

static gboolean
set_invalid (GError    **error,
             const char *message)
{
  g_set_error_literal (error, KASSA_REPORT_ERROR, KASSA_REPORT_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_spec (KassaStore            *store,
            const KassaReportSpec *spec,
            GError               **error)
{
  if (!kassa_day_is_valid (spec->from) || !kassa_day_is_valid (spec->to) ||
      !kassa_day_is_valid (spec->today))
    return set_invalid (error, _("The report period is not a valid date range. Choose the dates again."));
  if (spec->from > spec->to)
    return set_invalid (error, _("The report period ends before it starts. Choose an end date after the start date."));
  if (!kassa_store_has_company (store))
    return set_invalid (error, _("There is no company in this file yet. Enter the company details first."));

  if (spec->kind == KASSA_REPORT_CUSTOMER_STATEMENT)
    {
      g_autoptr(KassaCustomerRecord) customer = kassa_store_get_customer (store, spec->customer_id,
                                                                          NULL);

      if (customer == NULL)
        return set_invalid (error, _("The customer of the statement was not found. Choose a customer."));
    }
  return TRUE;
}

static void
set_write_error (GError    **error,
                 const char *path,
                 const char *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: the first %s is a file name, the second the reason */
  g_set_error (error, KASSA_REPORT_ERROR, KASSA_REPORT_ERROR_WRITE,
               _("Cannot write the report %s: %s. Check that the folder exists, is writable and has free space."),
               display, reason);
}

/* A name beside the target, so that the final rename stays on one file
 * system and cannot fail halfway. */
static char *
reserve_temporary_path (const char *path,
                        GError    **error)
{
  g_autofree char *template = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp (template);

  if (fd < 0)
    {
      set_write_error (error, path, g_strerror (errno));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&template);
}

static void
init_writer (KassaReportWriter     *writer,
             KassaStore            *store,
             const KassaReportSpec *spec)
{
  writer->store = store;
  writer->db = kassa_store_get_db (store);
  writer->spec = spec;
  writer->report_name = reports[spec->kind].report_name;
  writer->catalog = kassa_document_catalog_new (spec->language);
  writer->company = kassa_store_get_company (store);
  g_strlcpy (writer->currency, writer->company->currency, sizeof writer->currency);
  writer->money_scale = pow (10, kassa_currency_exponent (writer->currency));
}

static void
clear_writer (KassaReportWriter *writer)
{
  g_clear_pointer (&writer->catalog, kassa_document_catalog_free);
  g_clear_pointer (&writer->company, kassa_company_free);
  g_clear_error (&writer->sql_error);
}

static gboolean
writer_result (KassaReportWriter *writer,
               const char        *path,
               lxw_error          close_error,
               GError           **error)
{
  if (writer->cancelled)
    {
      g_set_error_literal (error, KASSA_REPORT_ERROR, KASSA_REPORT_ERROR_CANCELLED,
                           _("The export was cancelled."));
      return FALSE;
    }
  if (writer->sql_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&writer->sql_error));
      return FALSE;
    }
  kassa_report_record_lxw_error (writer, close_error);
  if (writer->lxw_error != LXW_NO_ERROR)
    {
      set_write_error (error, path, lxw_strerror (writer->lxw_error));
      return FALSE;
    }
  return TRUE;
}

/* Runs the family's writer with the C numeric locale (see the top). */
static lxw_error
write_workbook (KassaReportWriter *writer,
                const char        *tmp_path)
{
  lxw_workbook_options options = { 0 };
  locale_t base = duplocale (uselocale ((locale_t) 0));
  locale_t c_numeric = base != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base) : (locale_t) 0;
  locale_t previous;
  lxw_error close_error = LXW_ERROR_MEMORY_MALLOC_FAILED;

  /* Without the C numeric locale the workbook could be corrupt: fail. */
  if (c_numeric == (locale_t) 0)
    {
      if (base != (locale_t) 0)
        freelocale (base);
      return close_error;
    }

  previous = uselocale (c_numeric);

  /* Any report of a large company can have a million rows (the journal
   * always has a row per invoice, line and payment): constant_memory keeps
   * them out of memory.  Every sheet is written row by row for it. */
  options.constant_memory = TRUE;
  writer->workbook = workbook_new_opt (tmp_path, &options);
  if (writer->workbook != NULL)
    {
      kassa_report_writer_init_formats (writer);
      reports[writer->spec->kind].write (writer);
      close_error = workbook_close (writer->workbook);
      writer->workbook = NULL;
    }

  uselocale (previous);
  freelocale (c_numeric);
  return close_error;
}

static gboolean
write_into_place (KassaReportWriter *writer,
                  const char        *path,
                  GError           **error)
{
  g_autofree char *tmp_path = reserve_temporary_path (path, error);
  lxw_error close_error;

  if (tmp_path == NULL)
    return FALSE;

  close_error = write_workbook (writer, tmp_path);
  if (!writer_result (writer, path, close_error, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }
  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      set_write_error (error, path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * kassa_report_write_xlsx:
 * @store: the company, opened in the calling thread
 * @spec: what to write
 * @path: the .xlsx file, replaced atomically
 * @progress: (nullable): called every KASSA_REPORT_TICK_ROWS rows
 * @user_data: for @progress
 * @cancellable: (nullable): checked with the progress
 * @error: KASSA_REPORT_ERROR or KASSA_STORE_ERROR
 *
 * Returns: whether the workbook was written; on failure no file is left.
 */
gboolean
kassa_report_write_xlsx (KassaStore            *store,
                         const KassaReportSpec *spec,
                         const char            *path,
                         KassaReportProgress    progress,
                         gpointer               user_data,
                         GCancellable          *cancellable,
                         GError               **error)
{
  KassaReportWriter writer = { 0 };
  gboolean ok;

  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (spec->kind < KASSA_N_REPORTS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_spec (store, spec, error))
    return FALSE;
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, KASSA_REPORT_ERROR, KASSA_REPORT_ERROR_CANCELLED,
                           _("The export was cancelled."));
      return FALSE;
    }

  init_writer (&writer, store, spec);
  writer.progress = progress;
  writer.progress_data = user_data;
  writer.cancellable = cancellable;

  ok = write_into_place (&writer, path, error);
  if (ok && progress != NULL)
    progress (writer.total, writer.total, user_data);

  clear_writer (&writer);
  return ok;
}
