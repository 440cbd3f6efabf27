/* kassa-csv-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are streamed from one prepared statement into a buffer that is
 * written out in large blocks, so a million invoices need no more memory
 * than one block.  The file appears under its name only when complete: it
 * is written beside it under a temporary name and renamed at the end.
 */
#define G_LOG_DOMAIN "kassa-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kassa-csv-export.h"
#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-store-sql.h"

#define FLUSH_SIZE  (64 * 1024)
/* How often the cancellable is looked at, in rows. */
#define CANCEL_CHECK_ROWS 1000

typedef struct
{
  const char *path;
  char       *temp_path;
  int         fd;
  GString    *buffer;
} CsvWriter;

typedef struct
{
  const char *const *headers;
  const char        *sql;
  void             (*append_row) (GString      *out,
                                  sqlite3_stmt *stmt);
} TableExport;

/* Field quoting */

static gboolean
looks_like_formula (const char *field)
{
  /* A spreadsheet evaluates = + - @ and, after a tab or CR, anything. */
  return field[0] != '\0' && strchr ("=+-@\t\r", field[0]) != NULL;
}

static gboolean
needs_quotes (const char *field)
{
  gsize len = strlen (field);

  if (len == 0)
    return FALSE;
  if (strpbrk (field, ",\"\r\n") != NULL)
    return TRUE;

  /* Many readers trim unquoted fields: quoting keeps the spaces. */
  return g_ascii_isspace (field[0]) || g_ascii_isspace (field[len - 1]);
}

void
kassa_csv_append_field (GString    *out,
                        const char *field)
{
  g_autofree char *neutral = NULL;

  g_return_if_fail (out != NULL);

  if (field == NULL)
    return;

  if (looks_like_formula (field))
    field = neutral = g_strconcat ("'", field, NULL);

  if (!needs_quotes (field))
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_day (GString  *out,
            KassaDay  day)
{
  g_autofree char *iso = kassa_day_is_valid (day) ? kassa_day_format_iso (day) : NULL;

  if (iso != NULL)
    g_string_append (out, iso);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static void
append_text_column (GString      *out,
                    sqlite3_stmt *stmt,
                    int           column)
{
  kassa_csv_append_field (out, column_text (stmt, column));
}

static void
append_separator (GString *out)
{
  g_string_append_c (out, ',');
}

/* Lines end in CRLF as RFC 4180 has it. */
static void
end_row (GString *out)
{
  g_string_append (out, "\r\n");
}

static const char *
delivery_id (int delivery)
{
  switch (delivery)
    {
    case KASSA_DELIVERY_EINVOICE:
      return "e-invoice";
    case KASSA_DELIVERY_PAPER:
      return "paper";
    case KASSA_DELIVERY_EMAIL:
    default:
      return "email";
    }
}

static const char *
state_id (int state)
{
  switch (state)
    {
    case KASSA_INVOICE_STATE_SENT:
      return "sent";
    case KASSA_INVOICE_STATE_CREDITED:
      return "credited";
    case KASSA_INVOICE_STATE_DRAFT:
    default:
      return "draft";
    }
}

static const char *
boolean_id (int value)
{
  return value != 0 ? "true" : "false";
}

/* Tables */

static const char *const customer_headers[] = {
  "number", "name", "type", "business_id", "vat_id", "contact_person", "email", "phone",
  "address", "country", "language", "payment_terms_days", "credit_limit", "delivery",
  "einvoice_address", "archived", NULL,
};

static const char customer_sql[] =
  "SELECT c.number, c.name, c.kind, c.business_id, c.vat_id, c.contact_person, c.email,"
  " c.phone, c.address, c.country, c.document_language, c.payment_terms_days,"
  " c.credit_limit, c.delivery, c.einvoice_address, c.archived,"
  " (SELECT currency FROM company WHERE id = 1)"
  " FROM customers c ORDER BY c.id";

static void
append_customer_row (GString      *out,
                     sqlite3_stmt *stmt)
{
  const char *currency = column_text (stmt, 16);

  for (int column = 0; column <= 1; column++)
    {
      append_text_column (out, stmt, column);
      append_separator (out);
    }
  g_string_append (out, sqlite3_column_int (stmt, 2) == KASSA_CUSTOMER_CONSUMER
                        ? "consumer" : "business");
  for (int column = 3; column <= 10; column++)
    {
      append_separator (out);
      append_text_column (out, stmt, column);
    }
  append_separator (out);
  g_string_append_printf (out, "%d,", sqlite3_column_int (stmt, 11));
  kassa_money_append_decimal (out, sqlite3_column_int64 (stmt, 12), currency);
  append_separator (out);
  g_string_append (out, delivery_id (sqlite3_column_int (stmt, 13)));
  append_separator (out);
  append_text_column (out, stmt, 14);
  append_separator (out);
  g_string_append (out, boolean_id (sqlite3_column_int (stmt, 15)));
}

static const char *const invoice_headers[] = {
  "number", "type", "state", "customer_number", "customer_name", "issue_date", "due_date",
  "currency", "net", "vat", "total", "paid", "open", "reference", "delivery", "disputed",
  "credited_invoice_number", NULL,
};

/* In issue date order, which the issue date index gives without sorting. */
static const char invoice_sql[] =
  "SELECT i.number, i.credited_invoice_id IS NOT NULL, i.state, c.number, c.name,"
  " i.issue_date, i.due_date, i.currency, i.total_net, i.total_vat, i.total, i.paid,"
  " " KASSA_STORE_OPEN_AMOUNT_SQL ", i.reference, i.delivery, i.disputed,"
  " (SELECT o.number FROM invoices o WHERE o.id = i.credited_invoice_id)"
  " FROM invoices i JOIN customers c ON c.id = i.customer_id"
  " ORDER BY i.issue_date, i.id";

static void
append_invoice_row (GString      *out,
                    sqlite3_stmt *stmt)
{
  const char *currency = column_text (stmt, 7);

  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
  append_separator (out);
  g_string_append (out, sqlite3_column_int (stmt, 1) ? "credit_note" : "invoice");
  append_separator (out);
  g_string_append (out, state_id (sqlite3_column_int (stmt, 2)));
  append_separator (out);
  append_text_column (out, stmt, 3);
  append_separator (out);
  append_text_column (out, stmt, 4);
  append_separator (out);
  append_day (out, sqlite3_column_int (stmt, 5));
  append_separator (out);
  append_day (out, sqlite3_column_int (stmt, 6));
  append_separator (out);
  append_text_column (out, stmt, 7);
  for (int column = 8; column <= 12; column++)
    {
      append_separator (out);
      kassa_money_append_decimal (out, sqlite3_column_int64 (stmt, column), currency);
    }
  append_separator (out);
  append_text_column (out, stmt, 13);
  append_separator (out);
  g_string_append (out, delivery_id (sqlite3_column_int (stmt, 14)));
  append_separator (out);
  g_string_append (out, boolean_id (sqlite3_column_int (stmt, 15)));
  append_separator (out);
  if (sqlite3_column_type (stmt, 16) != SQLITE_NULL)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 16));
}

static const char *const payment_headers[] = {
  "date", "invoice_number", "customer_number", "amount", "currency", "method", "note", NULL,
};

static const char payment_sql[] =
  "SELECT p.date, i.number, c.number, p.amount, i.currency, p.method, p.note"
  " FROM payments p JOIN invoices i ON i.id = p.invoice_id"
  " JOIN customers c ON c.id = i.customer_id"
  " ORDER BY p.date, p.id";

static void
append_payment_row (GString      *out,
                    sqlite3_stmt *stmt)
{
  const char *currency = column_text (stmt, 4);

  append_day (out, sqlite3_column_int (stmt, 0));
  append_separator (out);
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 1));
  append_separator (out);
  append_text_column (out, stmt, 2);
  append_separator (out);
  kassa_money_append_decimal (out, sqlite3_column_int64 (stmt, 3), currency);
  append_separator (out);
  append_text_column (out, stmt, 4);
  append_separator (out);
  append_text_column (out, stmt, 5);
  append_separator (out);
  append_text_column (out, stmt, 6);
}

static const TableExport *
get_table_export (KassaCsvTable table)
{
  static const TableExport tables[] = {
    [KASSA_CSV_CUSTOMERS] = { customer_headers, customer_sql, append_customer_row },
    [KASSA_CSV_INVOICES] = { invoice_headers, invoice_sql, append_invoice_row },
    [KASSA_CSV_PAYMENTS] = { payment_headers, payment_sql, append_payment_row },
  };

  return &tables[table];
}

/* Writing */

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: the first %s is a file path, the second why it failed */
               _("Cannot write “%s”: %s. Choose another folder or free some disk space."),
               name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
csv_writer_open (CsvWriter   *writer,
                 const char  *path,
                 GError     **error)
{
  writer->path = path;
  writer->temp_path = g_strconcat (path, ".XXXXXX", NULL);
  /* 0600 like the company file: the rows are personal data. */
  writer->fd = g_mkstemp_full (writer->temp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (writer->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&writer->temp_path, g_free);
      return set_write_error (error, path, saved_errno);
    }

  writer->buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  return TRUE;
}

static gboolean
csv_writer_flush (CsvWriter  *writer,
                  GError    **error)
{
  gsize written = 0;

  while (written < writer->buffer->len)
    {
      gssize n = write (writer->fd, writer->buffer->str + written,
                        writer->buffer->len - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_write_error (error, writer->path, errno);
      written += n;
    }

  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

static gboolean
csv_writer_commit (CsvWriter  *writer,
                   GError    **error)
{
  int fd = writer->fd;

  if (!csv_writer_flush (writer, error))
    return FALSE;

  writer->fd = -1;
  if (fsync (fd) != 0 || !g_close (fd, NULL))
    return set_write_error (error, writer->path, errno);

  if (g_rename (writer->temp_path, writer->path) != 0)
    return set_write_error (error, writer->path, errno);

  g_clear_pointer (&writer->temp_path, g_free);
  return TRUE;
}

/* Removes what is left of an unfinished file. */
static void
csv_writer_clear (CsvWriter *writer)
{
  if (writer->fd >= 0)
    g_close (writer->fd, NULL);
  writer->fd = -1;

  if (writer->temp_path != NULL)
    g_unlink (writer->temp_path);

  g_clear_pointer (&writer->temp_path, g_free);
  if (writer->buffer != NULL)
    g_string_free (writer->buffer, TRUE);
  writer->buffer = NULL;
}

static void
append_header (GString           *out,
               const char *const *headers)
{
  for (guint i = 0; headers[i] != NULL; i++)
    {
      if (i > 0)
        append_separator (out);
      g_string_append (out, headers[i]);
    }
  end_row (out);
}

static gboolean
write_rows (KassaStore        *store,
            const TableExport *table,
            CsvWriter         *writer,
            GCancellable      *cancellable,
            GError           **error)
{
  g_autoptr(KassaStoreStatement) stmt = kassa_store_prepare (store, table->sql, error);
  guint64 n_rows = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  append_header (writer->buffer, table->headers);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      table->append_row (writer->buffer, stmt);
      end_row (writer->buffer);

      if (writer->buffer->len >= FLUSH_SIZE && !csv_writer_flush (writer, error))
        return FALSE;
      if (++n_rows % CANCEL_CHECK_ROWS == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    return kassa_store_set_error_from_sqlite (store, rc, error);

  g_debug ("Exported %" G_GUINT64_FORMAT " rows", n_rows);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/**
 * kassa_csv_export:
 * @store: the company
 * @table: which rows
 * @path: the file to write (replaced when it exists)
 * @cancellable: (nullable): stops the export; the file is then not written
 * @error: a G_IO_ERROR or KASSA_STORE_ERROR with a translated message
 *
 * Writes every row of @table with a header row.  Call it from the thread
 * that opened @store.
 */
gboolean
kassa_csv_export (KassaStore    *store,
                  KassaCsvTable  table,
                  const char    *path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  CsvWriter writer = { .fd = -1 };
  gboolean ok;

  g_return_val_if_fail (KASSA_IS_STORE (store), FALSE);
  g_return_val_if_fail (table <= KASSA_CSV_PAYMENTS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !csv_writer_open (&writer, path, error))
    return FALSE;

  ok = write_rows (store, get_table_export (table), &writer, cancellable, error) &&
       csv_writer_commit (&writer, error);

  csv_writer_clear (&writer);
  return ok;
}
