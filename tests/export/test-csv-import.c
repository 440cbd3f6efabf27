/* test-csv-import.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV import: the reader (encodings, delimiters, quoting, limits), format
 * detection, the value parsers, header synonyms, per-row errors with their
 * row numbers, duplicates, the all-or-nothing commit, an export → import
 * round trip of the demo company, and the fuzzer's regression inputs.
 */
#define G_LOG_DOMAIN "kassa-test-csv-import"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "kassa-csv-import.h"
#include "kassa-date.h"
#include "kassa-demo.h"
#include "kassa-money.h"
#include "kassa-store-sql.h"
#include "kassa-test-fixture.h"

typedef struct
{
  char       *dir;
  KassaStore *store;
} Fixture;

static KassaDay
ymd (int year,
     int month,
     int day)
{
  return kassa_day_from_ymd (year, month, day);
}

static KassaStore *
open_store (const char *dir,
            const char *name,
            gboolean    with_company)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KassaStore) store = kassa_store_open (path, &error);
  g_autoptr(KassaCompany) company = kassa_company_new ();

  g_assert_no_error (error);
  if (with_company)
    {
      company->name = g_strdup ("Testi Oy");
      kassa_store_save_company (store, company, &error);
      g_assert_no_error (error);
    }

  return g_steal_pointer (&store);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kassa-test-import-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = open_store (f->dir, "company.kassa", TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kassa_test_remove_tree (f->dir);
  g_free (f->dir);
}

static KassaCsvFile *
file_from_data (const char *data,
                gssize      length,
                GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);

  return kassa_csv_file_new_from_bytes (bytes, error);
}

static KassaCsvFile *
file_from_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  KassaCsvFile *file = file_from_data (text, -1, &error);

  g_assert_no_error (error);
  return file;
}

static gint64
count_rows (KassaStore *store,
            const char *sql)
{
  g_autoptr(KassaStoreStatement) stmt = kassa_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static KassaCustomerRecord *
get_customer (KassaStore *store,
              const char *number)
{
  gint64 id = kassa_store_find_customer_by_number (store, number);
  g_autoptr(GError) error = NULL;
  KassaCustomerRecord *customer;

  g_assert_cmpint (id, >, 0);
  customer = kassa_store_get_customer (store, id, &error);
  g_assert_no_error (error);
  return customer;
}

static void
add_customer (KassaStore *store,
              const char *number,
              const char *business_id)
{
  g_autoptr(KassaCustomerRecord) customer = kassa_customer_record_new ();
  g_autoptr(GError) error = NULL;

  customer->number = g_strdup (number);
  customer->name = g_strdup_printf ("Customer %s", number);
  customer->business_id = g_strdup (business_id);
  customer->payment_terms_days = 14;
  kassa_store_save_customer (store, customer, &error);
  g_assert_no_error (error);
}

/* Validates text as table and returns the row errors. */
static GPtrArray *
validate_text (KassaStore    *store,
               KassaCsvTable  table,
               const char    *text)
{
  g_autoptr(KassaCsvFile) file = file_from_text (text);
  g_autoptr(KassaCsvImport) import = kassa_csv_import_new (store, table, file);
  g_autoptr(GError) error = NULL;
  GPtrArray *errors = kassa_csv_import_validate (import, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (errors);
  return errors;
}

static gboolean
import_text (KassaStore            *store,
             KassaCsvTable          table,
             const char            *text,
             KassaCsvImportSummary *summary,
             GError               **error)
{
  g_autoptr(KassaCsvFile) file = file_from_text (text);
  g_autoptr(KassaCsvImport) import = kassa_csv_import_new (store, table, file);

  return kassa_csv_import_commit (import, NULL, summary, error);
}

typedef struct
{
  guint       row;
  int         column;
  const char *reason;
} ExpectedError;

static void
assert_errors (GPtrArray           *errors,
               const ExpectedError *expected,
               guint                n_expected)
{
  for (guint i = 0; i < errors->len; i++)
    {
      const KassaCsvRowError *row_error = g_ptr_array_index (errors, i);

      g_test_message ("row %u column %d: %s", row_error->row, row_error->column, row_error->reason);
    }

  g_assert_cmpuint (errors->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const KassaCsvRowError *row_error = g_ptr_array_index (errors, i);

      g_assert_cmpuint (row_error->row, ==, expected[i].row);
      g_assert_cmpint (row_error->column, ==, expected[i].column);
      g_assert_cmpstr (row_error->reason, ==, expected[i].reason);
    }
}

/* Reader */

static void
test_encodings (void)
{
  static const struct
  {
    const char       *data;
    KassaCsvEncoding  encoding;
    char              delimiter;
    const char       *header;
  } cases[] = {
    { "name;city\nMäki;Turku\n", KASSA_CSV_ENCODING_UTF8, ';', "name" },
    { "\xEF\xBB\xBFname,city\r\nMäki,Turku\r\n", KASSA_CSV_ENCODING_UTF8_BOM, ',', "name" },
    { "name\tcity\nM\xE4ki\tTurku\n", KASSA_CSV_ENCODING_WINDOWS_1252, '\t', "name" },
    { "name|city\r\nMäki|Turku", KASSA_CSV_ENCODING_UTF8, '|', "name" },
    /* The euro sign is 0x80 in Windows-1252. */
    { "name;price\nM\xE4ki;\x80 12\n", KASSA_CSV_ENCODING_WINDOWS_1252, ';', "name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KassaCsvFile) file = file_from_text (cases[i].data);
      KassaCsvFormat format;

      kassa_csv_file_get_format (file, &format);
      g_assert_cmpint (format.encoding, ==, cases[i].encoding);
      g_assert_cmpint (format.delimiter, ==, cases[i].delimiter);
      g_assert_true (format.has_header);
      g_assert_cmpuint (kassa_csv_file_get_n_rows (file), ==, 2);
      g_assert_cmpuint (kassa_csv_file_get_n_columns (file), ==, 2);
      g_assert_cmpstr (kassa_csv_file_get_field (file, 0, 0), ==, cases[i].header);
      g_assert_cmpstr (kassa_csv_file_get_field (file, 1, 0), ==, "Mäki");
    }

  {
    g_autoptr(KassaCsvFile) file = file_from_text ("name;price\nM\xE4ki;\x80 12\n");

    g_assert_cmpstr (kassa_csv_file_get_field (file, 1, 1), ==, "€ 12");
  }
}

static void
test_quoting (void)
{
  g_autoptr(KassaCsvFile) file =
    file_from_text ("a,b,c\r\n"
                    "\"x, y\",\"line 1\r\nline 2\",\"say \"\"hi\"\"\"\r\n"
                    "\r\n"
                    "plain,\"\",last\n"
                    "short\n");

  g_assert_cmpuint (kassa_csv_file_get_n_rows (file), ==, 4);
  g_assert_cmpstr (kassa_csv_file_get_field (file, 1, 0), ==, "x, y");
  g_assert_cmpstr (kassa_csv_file_get_field (file, 1, 1), ==, "line 1\r\nline 2");
  g_assert_cmpstr (kassa_csv_file_get_field (file, 1, 2), ==, "say \"hi\"");
  /* Row numbers count records, the blank line too. */
  g_assert_cmpuint (kassa_csv_file_get_row_number (file, 1), ==, 2);
  g_assert_cmpuint (kassa_csv_file_get_row_number (file, 2), ==, 4);
  g_assert_cmpstr (kassa_csv_file_get_field (file, 2, 1), ==, "");
  g_assert_cmpstr (kassa_csv_file_get_field (file, 2, 2), ==, "last");
  g_assert_cmpuint (kassa_csv_file_get_n_fields (file, 3), ==, 1);
  g_assert_cmpstr (kassa_csv_file_get_field (file, 3, 2), ==, "");
}

static char *
make_wide_row (guint columns)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < columns; i++)
    g_string_append_printf (text, "%sc%u", i > 0 ? "," : "", i);
  g_string_append (text, "\n");
  return g_string_free (text, FALSE);
}

static void
test_malformed (void)
{
  g_autofree char *big = g_strnfill (70 * 1024, 'x');
  g_autofree char *big_file = g_strdup_printf ("name,notes\nA,%s\n", big);
  g_autofree char *wide = make_wide_row (201);
  g_autofree char *widest_allowed = make_wide_row (200);
  g_autofree char *long_field = g_strnfill (60000, 'y');
  g_autoptr(GString) long_row = g_string_new (NULL);
  g_autoptr(GString) many_rows = g_string_new (NULL);

  for (guint i = 0; i < 18; i++)
    g_string_append_printf (long_row, "%s,", long_field);
  for (guint i = 0; i <= 1000000; i++)
    g_string_append (many_rows, "a\n");

  const struct
  {
    const char *data;
    gssize      length;
    int         code;
    const char *message;
  } cases[] = {
    { long_row->str, -1, KASSA_CSV_ERROR_TOO_LARGE,
      "Row 1 is longer than 1 MiB. Check that this is the right file and that its quotes "
      "are paired." },
    { many_rows->str, -1, KASSA_CSV_ERROR_TOO_LARGE,
      "The file has more than 1,000,000 rows. Split it into smaller files and import them "
      "one by one." },
    { "a,b\n1,\"open\n2,3\n", -1, KASSA_CSV_ERROR_QUOTE,
      "The quote opened on line 2 is never closed. Check the quotes in the file." },
    { big_file, -1, KASSA_CSV_ERROR_TOO_LARGE,
      "Row 2: a field is longer than 64 KiB. Check that this is the right file and that its "
      "quotes are paired." },
    { wide, -1, KASSA_CSV_ERROR_TOO_LARGE,
      "Row 1 has more than 200 columns. Check that this is the right file and that its "
      "quotes are paired." },
    { "name\nA\n\x81\n", -1, KASSA_CSV_ERROR_ENCODING,
      "Line 3 contains bytes that are not text in the Windows-1252 encoding. "
      "Save the file as UTF-8 and import it again." },
    { "name\n\x8D", -1, KASSA_CSV_ERROR_ENCODING, NULL },
    { "name\n\x8F", -1, KASSA_CSV_ERROR_ENCODING, NULL },
    { "name\n\x90", -1, KASSA_CSV_ERROR_ENCODING, NULL },
    { "name\n\x9D", -1, KASSA_CSV_ERROR_ENCODING, NULL },
    { "name\nA\0B\n", 8, KASSA_CSV_ERROR_ENCODING,
      "Line 2 contains bytes that are not text in the Windows-1252 encoding. "
      "Save the file as UTF-8 and import it again." },
    { "", 0, KASSA_CSV_ERROR_EMPTY, "The file has no rows to import." },
    { "\r\n\n,,\n", -1, KASSA_CSV_ERROR_EMPTY, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KassaCsvFile) file = file_from_data (cases[i].data, cases[i].length, &error);

      g_test_message ("case %u", i);
      g_assert_null (file);
      g_assert_error (error, KASSA_CSV_ERROR, cases[i].code);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  {
    g_autoptr(KassaCsvFile) file = file_from_text (widest_allowed);

    g_assert_cmpuint (kassa_csv_file_get_n_columns (file), ==, 200);
  }
}

static void
test_set_format (void)
{
  g_autoptr(KassaCsvFile) file = file_from_text ("name;city\nM\xE4ki;Turku\n");
  g_autoptr(GError) error = NULL;
  KassaCsvFormat format;

  kassa_csv_file_get_format (file, &format);
  format.delimiter = ',';
  g_assert_true (kassa_csv_file_set_format (file, &format, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kassa_csv_file_get_n_columns (file), ==, 1);
  g_assert_cmpstr (kassa_csv_file_get_field (file, 1, 0), ==, "Mäki;Turku");

  /* Forcing UTF-8 on a Windows-1252 file fails and keeps what was there. */
  format.encoding = KASSA_CSV_ENCODING_UTF8;
  g_assert_false (kassa_csv_file_set_format (file, &format, &error));
  g_assert_error (error, KASSA_CSV_ERROR, KASSA_CSV_ERROR_ENCODING);
  kassa_csv_file_get_format (file, &format);
  g_assert_cmpint (format.encoding, ==, KASSA_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpstr (kassa_csv_file_get_field (file, 1, 0), ==, "Mäki;Turku");
}

static void
test_detect_format (void)
{
  static const struct
  {
    const char         *data;
    char                delimiter;
    gboolean            has_header;
    KassaCsvDateFormat  date_format;
    gboolean            ambiguous;
    KassaCsvDecimal     decimal;
  } cases[] = {
    { "Nimi;Päivä;Summa\nA;31.12.2026;1 234,50\nB;1.2.2026;12,00\n",
      ';', TRUE, KASSA_CSV_DATE_DMY_DOT, FALSE, KASSA_CSV_DECIMAL_COMMA },
    { "Name,Date,Amount\nA,12/31/2026,\"1,234.50\"\nB,1/2/2026,12.00\n",
      ',', TRUE, KASSA_CSV_DATE_MDY_SLASH, FALSE, KASSA_CSV_DECIMAL_DOT },
    { "Name,Date\nA,31/12/2026\nB,1/2/2026\n",
      ',', TRUE, KASSA_CSV_DATE_DMY_SLASH, FALSE, KASSA_CSV_DECIMAL_DOT },
    { "Name,Date\nA,1/2/2026\nB,3/4/2026\n",
      ',', TRUE, KASSA_CSV_DATE_MDY_SLASH, TRUE, KASSA_CSV_DECIMAL_DOT },
    { "name,date,amount\nA,2026-12-31,1234.5\n",
      ',', TRUE, KASSA_CSV_DATE_ISO, FALSE, KASSA_CSV_DECIMAL_DOT },
    { "名称|日期|金额\nA|2026/12/31|1,234.56\n",
      '|', TRUE, KASSA_CSV_DATE_YMD_SLASH, FALSE, KASSA_CSV_DECIMAL_DOT },
    { "A;31.12.2026;12,50\nB;1.1.2026;3,00\n",
      ';', FALSE, KASSA_CSV_DATE_DMY_DOT, FALSE, KASSA_CSV_DECIMAL_COMMA },
    { "Namn\tBelopp\nA\t1.234,50\nB\t2.000.000\n",
      '\t', TRUE, KASSA_CSV_DATE_ISO, FALSE, KASSA_CSV_DECIMAL_COMMA },
    /* Spreadsheets add empty columns at the end. */
    { "name,email,,\nA,a@b.example,,\n",
      ',', TRUE, KASSA_CSV_DATE_ISO, FALSE, KASSA_CSV_DECIMAL_DOT },
    { "name,name\nA,B\n",
      ',', FALSE, KASSA_CSV_DATE_ISO, FALSE, KASSA_CSV_DECIMAL_DOT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KassaCsvFile) file = file_from_text (cases[i].data);
      KassaCsvFormat format;

      g_test_message ("case %u", i);
      kassa_csv_file_get_format (file, &format);
      g_assert_cmpint (format.delimiter, ==, cases[i].delimiter);
      g_assert_cmpint (format.has_header, ==, cases[i].has_header);
      g_assert_cmpint (format.date_format, ==, cases[i].date_format);
      g_assert_cmpint (format.date_ambiguous, ==, cases[i].ambiguous);
      g_assert_cmpint (format.decimal, ==, cases[i].decimal);
      g_assert_cmpuint (kassa_csv_file_get_first_data_row (file), ==, cases[i].has_header ? 1 : 0);
    }
}

static void
test_parse_values (void)
{
  static const struct
  {
    const char      *text;
    KassaCsvDecimal  decimal;
    gboolean         ok;
    gint64           minor;
  } amounts[] = {
    { "1 234,50", KASSA_CSV_DECIMAL_COMMA, TRUE, 123450 },
    { "1.234,50", KASSA_CSV_DECIMAL_COMMA, TRUE, 123450 },
    { "12,5", KASSA_CSV_DECIMAL_COMMA, TRUE, 1250 },
    { "1,234.50", KASSA_CSV_DECIMAL_DOT, TRUE, 123450 },
    { "-0.05", KASSA_CSV_DECIMAL_DOT, TRUE, -5 },
    { "€ 7", KASSA_CSV_DECIMAL_DOT, TRUE, 700 },
    { "1,234.50", KASSA_CSV_DECIMAL_COMMA, FALSE, 0 },
    { "12.345", KASSA_CSV_DECIMAL_DOT, FALSE, 0 },
    { "abc", KASSA_CSV_DECIMAL_DOT, FALSE, 0 },
    { "10000000000000.01", KASSA_CSV_DECIMAL_DOT, FALSE, 0 },
  };
  static const struct
  {
    const char         *text;
    KassaCsvDateFormat  format;
    int                 year, month, day;  /* 0: refused */
  } dates[] = {
    { "31.12.2026", KASSA_CSV_DATE_DMY_DOT, 2026, 12, 31 },
    { " 1.2.2026 ", KASSA_CSV_DATE_DMY_DOT, 2026, 2, 1 },
    { "12/31/2026", KASSA_CSV_DATE_MDY_SLASH, 2026, 12, 31 },
    { "31/12/2026", KASSA_CSV_DATE_DMY_SLASH, 2026, 12, 31 },
    { "2026/12/31", KASSA_CSV_DATE_YMD_SLASH, 2026, 12, 31 },
    { "2026-12-31", KASSA_CSV_DATE_DMY_DOT, 2026, 12, 31 },
    { "2028-02-29", KASSA_CSV_DATE_ISO, 2028, 2, 29 },
    { "2027-02-29", KASSA_CSV_DATE_ISO, 0, 0, 0 },
    { "31.02.2026", KASSA_CSV_DATE_DMY_DOT, 0, 0, 0 },
    { "12/31/2026", KASSA_CSV_DATE_DMY_SLASH, 0, 0, 0 },
    { "31.12.26", KASSA_CSV_DATE_DMY_DOT, 0, 0, 0 },
    { "31.12.2026", KASSA_CSV_DATE_MDY_SLASH, 0, 0, 0 },
    { "0.1.2026", KASSA_CSV_DATE_DMY_DOT, 0, 0, 0 },
    { "1.1.0999", KASSA_CSV_DATE_DMY_DOT, 0, 0, 0 },
    { "tomorrow", KASSA_CSV_DATE_ISO, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      gint64 minor = 0;
      gboolean ok = kassa_csv_parse_amount (amounts[i].text, amounts[i].decimal, "EUR", &minor, NULL);

      g_test_message ("amount %s", amounts[i].text);
      g_assert_cmpint (ok, ==, amounts[i].ok);
      if (ok)
        g_assert_cmpint (minor, ==, amounts[i].minor);
    }

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GError) error = NULL;
      KassaDay day = 0;
      gboolean ok = kassa_csv_parse_date (dates[i].text, dates[i].format, &day, &error);

      g_test_message ("date %s", dates[i].text);
      g_assert_cmpint (ok, ==, dates[i].year != 0);
      if (ok)
        g_assert_cmpint (day, ==, ymd (dates[i].year, dates[i].month, dates[i].day));
      else
        g_assert_error (error, KASSA_PARSE_ERROR, error->code);
    }

  {
    g_autoptr(GError) error = NULL;
    KassaDay day;

    g_assert_false (kassa_csv_parse_date ("31.02.2026", KASSA_CSV_DATE_DMY_DOT, &day, &error));
    g_assert_cmpstr (error->message, ==, "The date “31.02.2026” does not exist.");
  }
}

/* Mapping */

static void
test_header_synonyms (Fixture       *f,
                      gconstpointer  data)
{
  static const struct
  {
    KassaCsvTable  table;
    const char    *header;
    KassaCsvField  field;
    int            column;
  } cases[] = {
    { KASSA_CSV_CUSTOMERS, "Asiakasnumero;Nimi;Y-tunnus;Sähköposti;Maa\n", KASSA_CSV_FIELD_NAME, 1 },
    { KASSA_CSV_CUSTOMERS, "Asiakasnumero;Nimi;Y-tunnus;Sähköposti;Maa\n", KASSA_CSV_FIELD_BUSINESS_ID, 2 },
    { KASSA_CSV_CUSTOMERS, "Asiakasnumero;Nimi;Y-tunnus;Sähköposti;Maa\n", KASSA_CSV_FIELD_CUSTOMER_NUMBER, 0 },
    { KASSA_CSV_CUSTOMERS, "Asiakasnumero;Nimi;Y-tunnus;Sähköposti;Maa\n", KASSA_CSV_FIELD_COUNTRY, 4 },
    { KASSA_CSV_CUSTOMERS, "Kundnummer,Namn,Organisationsnummer,E-post\n", KASSA_CSV_FIELD_NAME, 1 },
    { KASSA_CSV_CUSTOMERS, "Kundnummer,Namn,Organisationsnummer,E-post\n", KASSA_CSV_FIELD_EMAIL, 3 },
    { KASSA_CSV_CUSTOMERS, "Kundnummer,Namn,Organisationsnummer,E-post\n", KASSA_CSV_FIELD_BUSINESS_ID, 2 },
    { KASSA_CSV_CUSTOMERS, "客户编号,名称,电话,地址\n", KASSA_CSV_FIELD_NAME, 1 },
    { KASSA_CSV_CUSTOMERS, "客户编号,名称,电话,地址\n", KASSA_CSV_FIELD_PHONE, 2 },
    { KASSA_CSV_CUSTOMERS, "客户编号,名称,电话,地址\n", KASSA_CSV_FIELD_CUSTOMER_NUMBER, 0 },
    { KASSA_CSV_CUSTOMERS, "NOTES,NAME\n", KASSA_CSV_FIELD_NAME, 1 },
    { KASSA_CSV_CUSTOMERS, "NOTES,NAME\n", KASSA_CSV_FIELD_EMAIL, -1 },
    { KASSA_CSV_INVOICES, "Laskunumero;Asiakasnumero;Laskupäivä;Eräpäivä;Kuvaus;Määrä;À-hinta;ALV %\n",
      KASSA_CSV_FIELD_VAT_RATE, 7 },
    { KASSA_CSV_INVOICES, "Laskunumero;Asiakasnumero;Laskupäivä;Eräpäivä;Kuvaus;Määrä;À-hinta;ALV %\n",
      KASSA_CSV_FIELD_UNIT_PRICE, 6 },
    { KASSA_CSV_INVOICES, "Fakturanummer,Kundnummer,Fakturadatum,Förfallodatum,Belopp\n",
      KASSA_CSV_FIELD_DUE_DATE, 3 },
    { KASSA_CSV_INVOICES, "Fakturanummer,Kundnummer,Fakturadatum,Förfallodatum,Belopp\n",
      KASSA_CSV_FIELD_TOTAL, 4 },
    { KASSA_CSV_INVOICES, "发票号,客户编号,开票日期,金额\n", KASSA_CSV_FIELD_ISSUE_DATE, 2 },
    { KASSA_CSV_INVOICES, "发票号,客户编号,开票日期,金额\n", KASSA_CSV_FIELD_INVOICE_NUMBER, 0 },
    { KASSA_CSV_PAYMENTS, "Maksupäivä;Laskunumero;Summa\n", KASSA_CSV_FIELD_AMOUNT, 2 },
    { KASSA_CSV_PAYMENTS, "付款日期,发票号,金额\n", KASSA_CSV_FIELD_PAYMENT_INVOICE, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat (cases[i].header, "x\n", NULL);
      g_autoptr(KassaCsvFile) file = file_from_text (text);
      g_autoptr(KassaCsvImport) import = kassa_csv_import_new (f->store, cases[i].table, file);

      g_test_message ("case %u", i);
      g_assert_cmpint (kassa_csv_import_get_mapping (import, cases[i].field), ==, cases[i].column);
    }
}

/* Kassa's own export headers map back one to one. */
static void
test_export_headers (Fixture       *f,
                     gconstpointer  data)
{
  static const struct
  {
    KassaCsvTable  table;
    KassaCsvField  field;
    int            column;
  } cases[] = {
    { KASSA_CSV_CUSTOMERS, KASSA_CSV_FIELD_CUSTOMER_NUMBER, 0 },
    { KASSA_CSV_CUSTOMERS, KASSA_CSV_FIELD_NAME, 1 },
    { KASSA_CSV_CUSTOMERS, KASSA_CSV_FIELD_CUSTOMER_TYPE, 2 },
    { KASSA_CSV_CUSTOMERS, KASSA_CSV_FIELD_BUSINESS_ID, 3 },
    { KASSA_CSV_CUSTOMERS, KASSA_CSV_FIELD_VAT_ID, 4 },
    { KASSA_CSV_CUSTOMERS, KASSA_CSV_FIELD_CONTACT_PERSON, 5 },
    { KASSA_CSV_CUSTOMERS, KASSA_CSV_FIELD_EMAIL, 6 },
    { KASSA_CSV_CUSTOMERS, KASSA_CSV_FIELD_PHONE, 7 },
    { KASSA_CSV_CUSTOMERS, KASSA_CSV_FIELD_ADDRESS, 8 },
    { KASSA_CSV_CUSTOMERS, KASSA_CSV_FIELD_COUNTRY, 9 },
    { KASSA_CSV_CUSTOMERS, KASSA_CSV_FIELD_LANGUAGE, 10 },
    { KASSA_CSV_CUSTOMERS, KASSA_CSV_FIELD_PAYMENT_TERMS, 11 },
    { KASSA_CSV_CUSTOMERS, KASSA_CSV_FIELD_CREDIT_LIMIT, 12 },
    { KASSA_CSV_CUSTOMERS, KASSA_CSV_FIELD_DELIVERY, 13 },
    { KASSA_CSV_CUSTOMERS, KASSA_CSV_FIELD_EINVOICE_ADDRESS, 14 },
    { KASSA_CSV_CUSTOMERS, KASSA_CSV_FIELD_ARCHIVED, 15 },
    { KASSA_CSV_INVOICES, KASSA_CSV_FIELD_INVOICE_NUMBER, 0 },
    { KASSA_CSV_INVOICES, KASSA_CSV_FIELD_INVOICE_TYPE, 1 },
    { KASSA_CSV_INVOICES, KASSA_CSV_FIELD_INVOICE_STATE, 2 },
    { KASSA_CSV_INVOICES, KASSA_CSV_FIELD_INVOICE_CUSTOMER, 3 },
    { KASSA_CSV_INVOICES, KASSA_CSV_FIELD_ISSUE_DATE, 5 },
    { KASSA_CSV_INVOICES, KASSA_CSV_FIELD_DUE_DATE, 6 },
    { KASSA_CSV_INVOICES, KASSA_CSV_FIELD_NET, 8 },
    { KASSA_CSV_INVOICES, KASSA_CSV_FIELD_VAT, 9 },
    { KASSA_CSV_INVOICES, KASSA_CSV_FIELD_TOTAL, 10 },
    { KASSA_CSV_INVOICES, KASSA_CSV_FIELD_REFERENCE, 13 },
    { KASSA_CSV_INVOICES, KASSA_CSV_FIELD_DESCRIPTION, -1 },
    { KASSA_CSV_PAYMENTS, KASSA_CSV_FIELD_PAYMENT_DATE, 0 },
    { KASSA_CSV_PAYMENTS, KASSA_CSV_FIELD_PAYMENT_INVOICE, 1 },
    { KASSA_CSV_PAYMENTS, KASSA_CSV_FIELD_AMOUNT, 3 },
    { KASSA_CSV_PAYMENTS, KASSA_CSV_FIELD_METHOD, 5 },
    { KASSA_CSV_PAYMENTS, KASSA_CSV_FIELD_PAYMENT_NOTE, 6 },
  };
  const char *paths[3];
  g_autofree char *customers = g_build_filename (f->dir, "customers.csv", NULL);
  g_autofree char *invoices = g_build_filename (f->dir, "invoices.csv", NULL);
  g_autofree char *payments = g_build_filename (f->dir, "payments.csv", NULL);

  paths[KASSA_CSV_CUSTOMERS] = customers;
  paths[KASSA_CSV_INVOICES] = invoices;
  paths[KASSA_CSV_PAYMENTS] = payments;

  /* An empty company exports just the header rows. */
  for (guint table = 0; table < 3; table++)
    {
      g_autoptr(GError) error = NULL;

      kassa_csv_export (f->store, table, paths[table], NULL, &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KassaCsvFile) file = kassa_csv_file_load (paths[cases[i].table], &error);
      g_autoptr(KassaCsvImport) import = NULL;

      g_assert_no_error (error);
      import = kassa_csv_import_new (f->store, cases[i].table, file);
      g_test_message ("case %u", i);
      g_assert_cmpint (kassa_csv_import_get_mapping (import, cases[i].field), ==, cases[i].column);
    }
}

/* Customers */

static void
test_import_customers (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KassaCustomerRecord) maki = NULL;
  g_autoptr(KassaCustomerRecord) berg = NULL;
  g_autoptr(KassaCustomerRecord) wang = NULL;
  g_autoptr(GError) error = NULL;
  KassaCsvImportSummary summary = { 0 };

  /* Finnish spreadsheet, Windows-1252, with a quoted two-line address. */
  import_text (f->store, KASSA_CSV_CUSTOMERS,
               "Asiakasnumero;Nimi;Tyyppi;Y-tunnus;S\xE4hk\xF6posti;Osoite;Maa;Kieli;Maksuehto;"
               "Luottoraja;Laskutustapa\r\n"
               "2001;M\xE4ki Oy;yritys;1234567-8;laskut@maki.example;\"Satamakatu 1\r\n"
               "70100 Kuopio\";fi;suomi;21;1 234,50;verkkolasku\r\n"
               "2002;Berg Anna;kuluttaja;;anna@berg.example;;se;svenska;;;paperi\r\n"
               "2003;'=Wang Ltd;;;;;;zh_CN;0;0;\r\n",
               &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.customers, ==, 3);
  g_assert_cmpint (count_rows (f->store, "SELECT COUNT(*) FROM customers"), ==, 3);

  maki = get_customer (f->store, "2001");
  g_assert_cmpstr (maki->name, ==, "Mäki Oy");
  g_assert_cmpint (maki->kind, ==, KASSA_CUSTOMER_BUSINESS);
  g_assert_cmpstr (maki->business_id, ==, "1234567-8");
  g_assert_cmpstr (maki->address, ==, "Satamakatu 1\r\n70100 Kuopio");
  g_assert_cmpstr (maki->country, ==, "FI");
  g_assert_cmpstr (maki->document_language, ==, "fi");
  g_assert_cmpint (maki->payment_terms_days, ==, 21);
  g_assert_cmpint (maki->credit_limit, ==, 123450);
  g_assert_cmpint (maki->delivery, ==, KASSA_DELIVERY_EINVOICE);

  berg = get_customer (f->store, "2002");
  g_assert_cmpint (berg->kind, ==, KASSA_CUSTOMER_CONSUMER);
  g_assert_cmpstr (berg->country, ==, "SE");
  g_assert_cmpstr (berg->document_language, ==, "sv");
  g_assert_cmpint (berg->payment_terms_days, ==, 14);  /* the company's default */
  g_assert_cmpint (berg->delivery, ==, KASSA_DELIVERY_PAPER);

  /* The apostrophe the export puts before formula-looking text goes. */
  wang = get_customer (f->store, "2003");
  g_assert_cmpstr (wang->name, ==, "=Wang Ltd");
  g_assert_cmpstr (wang->document_language, ==, "zh_CN");
  g_assert_cmpint (wang->payment_terms_days, ==, 0);
}

static void
test_customer_row_errors (Fixture       *f,
                          gconstpointer  data)
{
  static const ExpectedError expected[] = {
    { 3, 1, "Name is missing." },
    { 4, 0, "Customer number “2001” is already on row 2." },
    { 5, 0, "Customer number 1001 is already used by an existing customer." },
    { 6, 2, "Business ID 7654321-0 belongs to an existing customer." },
    { 7, 2, "Business ID “1234567-8” is already on row 2." },
    { 8, 3, "The email address “nobody” is not valid." },
    { 9, 5, "Credit limit cannot be negative." },
    { 10, 4, "Payment terms “400” are not a number of days from 0 to 365." },
    { 11, 6, "Country “Finland” is not a two-letter code such as FI." },
    { 12, 7, "Type: “robot” is not one of the known values." },
    { 13, 5, "Credit limit: Enter an amount such as €1,234.56" },
  };
  g_autoptr(GPtrArray) errors = NULL;

  add_customer (f->store, "1001", "7654321-0");
  errors = validate_text (f->store, KASSA_CSV_CUSTOMERS,
                          "number,name,business_id,email,payment_terms_days,credit_limit,country,type\n"
                          "2001,Good,1234567-8,a@b.example,14,100.00,FI,business\n"
                          "2002,,,,,,,\n"
                          "2001,Twice,,,,,,\n"
                          "1001,Taken,,,,,,\n"
                          "2004,Same company,7654321-0,,,,,\n"
                          "2005,Same row,1234567-8,,,,,\n"
                          "2006,Mail,,nobody,,,,\n"
                          "2007,Negative,,,,-5,,\n"
                          "2008,Terms,,,400,,,\n"
                          "2009,Land,,,,,Finland,\n"
                          "2010,Kind,,,,,,robot\n"
                          "2011,Limit,,,,lots,,\n");
  assert_errors (errors, expected, G_N_ELEMENTS (expected));
}

/* One bad row among a hundred: nothing is imported, and the error names
 * the row. */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("number,name\n");
  g_autoptr(GError) error = NULL;
  KassaCsvImportSummary summary = { 0 };

  add_customer (f->store, "1001", "");
  for (guint i = 1; i <= 100; i++)
    g_string_append_printf (text, "%u,%s\n", 5000 + i, i == 57 ? "" : "Someone");

  g_assert_false (import_text (f->store, KASSA_CSV_CUSTOMERS, text->str, &summary, &error));
  g_assert_error (error, KASSA_CSV_IMPORT_ERROR, KASSA_CSV_IMPORT_ERROR_ROWS);
  g_assert_cmpstr (error->message, ==, "Nothing was imported: 1 row has an error. Row 58: Name is missing.");
  g_assert_cmpuint (summary.customers, ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT COUNT(*) FROM customers"), ==, 1);
}

/* Invoices */

static void
add_invoice_customers (KassaStore *store)
{
  add_customer (store, "1001", "1111111-1");
  add_customer (store, "1002", "2222222-2");
}

static void
test_import_invoice_lines (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KassaCompany) company = NULL;
  KassaCsvImportSummary summary = { 0 };
  gint64 id, total, paid;

  add_invoice_customers (f->store);
  import_text (f->store, KASSA_CSV_INVOICES,
               "Laskunumero;Asiakasnumero;Laskupäivä;Eräpäivä;Kuvaus;Määrä;À-hinta;ALV %\n"
               "5001;1001;1.3.2026;31.3.2026;Työ;2;100,00;25,5\n"
               "5001;1001;1.3.2026;31.3.2026;Kirja;1;50,00;14\n"
               "5002;1002;2.3.2026;;Kahvi;1,5;10,00;25,5\n",
               &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.invoices, ==, 2);
  g_assert_cmpuint (summary.invoice_lines, ==, 3);

  /* 5001: 2 × 100.00 at 25.5 % and 50.00 at 14 %: VAT 51.00 + 7.00. */
  id = count_rows (f->store, "SELECT id FROM invoices WHERE number = 5001");
  kassa_store_get_invoice_amounts (f->store, id, &total, &paid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 30800);
  g_assert_cmpint (count_rows (f->store, "SELECT due_date FROM invoices WHERE number = 5001"), ==,
                   ymd (2026, 3, 31));
  g_assert_cmpint (count_rows (f->store, "SELECT state FROM invoices WHERE number = 5001"), ==,
                   KASSA_INVOICE_STATE_SENT);

  /* 5002: 1.5 × 10.00 = 15.00, VAT 25.5 % of it 3.825 → 3.83; due by
   * the customer's 14 days. */
  id = count_rows (f->store, "SELECT id FROM invoices WHERE number = 5002");
  kassa_store_get_invoice_amounts (f->store, id, &total, &paid, &error);
  g_assert_cmpint (total, ==, 1883);
  g_assert_cmpint (count_rows (f->store, "SELECT due_date FROM invoices WHERE number = 5002"), ==,
                   ymd (2026, 3, 16));
  g_assert_cmpint (count_rows (f->store, "SELECT COUNT(*) FROM invoices WHERE number = 5002"
                                         " AND reference <> ''"), ==, 1);

  /* Numbering goes on after the highest imported number. */
  company = kassa_store_get_company (f->store);
  g_assert_cmpint (company->next_invoice_number, ==, 5003);
}

static void
test_import_invoice_totals (Fixture       *f,
                            gconstpointer  data)
{
  static const struct
  {
    const char *net;
    const char *vat;
    gint64      total;
  } cases[] = {
    { "100.00", "25.50", 12550 },
    { "0.99", "0.25", 124 },
    { "4238.25", "1080.75", 531900 },   /* needs two rates: no single one gives 1080.75 */
    { "12345.67", "1987.12", 1433279 },
    { "10.00", "0.00", 1000 },
  };
  g_autoptr(GString) text = g_string_new ("number,customer_number,issue_date,net,vat,total\n");
  g_autoptr(GError) error = NULL;

  add_invoice_customers (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (text, "%u,1001,2026-01-05,%s,%s,\n", 7000 + i, cases[i].net, cases[i].vat);
  /* A gross total with a VAT rate: 124.00 at 24 % is 100.00 + 24.00. */
  g_string_append (text, "7100,1002,2026-01-05,,,124.00\n");

  {
    g_autoptr(KassaCsvFile) file = file_from_text (text->str);
    g_autoptr(KassaCsvImport) import = kassa_csv_import_new (f->store, KASSA_CSV_INVOICES, file);
    g_autoptr(KassaCsvFile) file2 = NULL;
    g_autoptr(KassaCsvImport) import2 = NULL;

    /* The last row has no net and VAT: import it apart with a rate. */
    kassa_csv_import_set_mapping (import, KASSA_CSV_FIELD_TOTAL, -1);
    g_assert_false (kassa_csv_import_commit (import, NULL, NULL, &error));
    g_assert_error (error, KASSA_CSV_IMPORT_ERROR, KASSA_CSV_IMPORT_ERROR_ROWS);
    g_assert_nonnull (strstr (error->message, "Row 7: Net amount is missing."));
    g_clear_error (&error);

    g_string_truncate (text, strstr (text->str, "7100") - text->str);
    file2 = file_from_text (text->str);
    import2 = kassa_csv_import_new (f->store, KASSA_CSV_INVOICES, file2);
    kassa_csv_import_commit (import2, NULL, NULL, &error);
    g_assert_no_error (error);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT total FROM invoices WHERE number = %u", 7000 + i);
      g_autofree char *net_sql = g_strdup_printf ("SELECT total_net FROM invoices WHERE number = %u",
                                                  7000 + i);
      gint64 net = 0;

      kassa_csv_parse_amount (cases[i].net, KASSA_CSV_DECIMAL_DOT, "EUR", &net, NULL);
      g_assert_cmpint (count_rows (f->store, sql), ==, cases[i].total);
      g_assert_cmpint (count_rows (f->store, net_sql), ==, net);
    }

  import_text (f->store, KASSA_CSV_INVOICES,
               "Laskunumero;Asiakas;Päivämäärä;ALV %;Summa\n7100;1002;5.1.2026;24;124,00\n",
               NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "SELECT total_vat FROM invoices WHERE number = 7100"), ==, 2400);
  g_assert_cmpint (count_rows (f->store, "SELECT total FROM invoices WHERE number = 7100"), ==, 12400);
}

static void
test_invoice_row_errors (Fixture       *f,
                         gconstpointer  data)
{
  static const ExpectedError expected[] = {
    { 3, 1, "No customer has the number 9999. Import the customers first." },
    { 4, 2, "Invoice date: The date “31.02.2026” does not exist." },
    { 5, 0, "Invoice number 4000 is already used in this company." },
    { 6, 4, "Total cannot be negative." },
    { 8, 0, "Invoice number “8001” is already on row 2." },
    { 9, 3, "The due date cannot be before the invoice date." },
    { 10, 2, "Invoice date is missing." },
    { 11, 0, "Invoice number “abc” is not a positive whole number." },
    { 12, 4, "Total: Enter an amount no larger than 10\u202F000\u202F000\u202F000\u202F000,00\u00A0€" },
  };
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;

  add_invoice_customers (f->store);
  import_text (f->store, KASSA_CSV_INVOICES, "number;customer;date;total\n4000;1001;2026-01-01;10,00\n",
               NULL, &error);
  g_assert_no_error (error);

  errors = validate_text (f->store, KASSA_CSV_INVOICES,
                          "Laskunumero;Asiakas;Laskupäivä;Eräpäivä;Summa\n"
                          "8001;1001;1.3.2026;;100,00\n"
                          "8002;9999;1.3.2026;;100,00\n"
                          "8003;1001;31.02.2026;;100,00\n"
                          "4000;1001;1.3.2026;;100,00\n"
                          "8005;1001;1.3.2026;;-5,00\n"
                          "8006;1001;1.3.2026;;1,00\n"
                          "8001;1001;1.3.2026;;100,00\n"
                          "8007;1001;2.3.2026;1.3.2026;100,00\n"
                          "8008;1001;;;100,00\n"
                          "abc;1001;1.3.2026;;100,00\n"
                          "8010;1001;1.3.2026;;20000000000000,00\n");
  assert_errors (errors, expected, G_N_ELEMENTS (expected));
}

/* More than 1000 lines are refused by the store at commit time: the
 * invoices written before it in the same file are rolled back. */
static void
test_commit_rolls_back (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("number,customer_number,issue_date,description,unit_price\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(KassaCompany) company = NULL;

  add_invoice_customers (f->store);
  g_string_append (text, "6001,1001,2026-01-01,ok,10.00\n");
  for (guint i = 0; i < 1001; i++)
    g_string_append (text, "6002,1002,2026-01-02,line,1.00\n");

  g_assert_false (import_text (f->store, KASSA_CSV_INVOICES, text->str, NULL, &error));
  g_assert_error (error, KASSA_STORE_ERROR, KASSA_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Nothing was imported. Row 3: An invoice can have at most 1000 lines.");
  g_assert_cmpint (count_rows (f->store, "SELECT COUNT(*) FROM invoices"), ==, 0);
  company = kassa_store_get_company (f->store);
  g_assert_cmpint (company->next_invoice_number, ==, 1000);
}

/* Payments */

static void
test_import_payments (Fixture       *f,
                      gconstpointer  data)
{
  static const ExpectedError expected[] = {
    { 3, 2, "The payment is larger than the open amount €208.00 of invoice 5001." },
    { 4, 1, "No invoice has the number 9999. Import the invoices first." },
    { 5, 2, "Amount cannot be negative." },
    { 6, 2, "The amount of a payment cannot be zero." },
    { 7, 0, "Payment date: The date “2026-13-01” does not exist." },
  };
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  KassaCsvImportSummary summary = { 0 };
  gint64 total, paid;

  add_invoice_customers (f->store);
  import_text (f->store, KASSA_CSV_INVOICES,
               "number,customer,date,description,quantity,unit_price,vat_rate\n"
               "5001,1001,2026-03-01,Work,2,100.00,25.5\n"
               "5001,1001,2026-03-01,Book,1,50.00,14\n",
               NULL, &error);
  g_assert_no_error (error);

  errors = validate_text (f->store, KASSA_CSV_PAYMENTS,
                          "date,invoice_number,amount\n"
                          "2026-03-10,5001,100.00\n"
                          "2026-03-11,5001,250.00\n"
                          "2026-03-11,9999,1.00\n"
                          "2026-03-12,5001,-1.00\n"
                          "2026-03-12,5001,0\n"
                          "2026-13-01,5001,1.00\n");
  assert_errors (errors, expected, G_N_ELEMENTS (expected));

  import_text (f->store, KASSA_CSV_PAYMENTS,
               "Maksupäivä;Laskunumero;Summa;Maksutapa\n"
               "10.3.2026;5001;100,00;tilisiirto\n"
               "11.3.2026;5001;208,00;tilisiirto\n",
               &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.payments, ==, 2);
  kassa_store_get_invoice_amounts (f->store,
                                   count_rows (f->store, "SELECT id FROM invoices WHERE number = 5001"),
                                   &total, &paid, &error);
  g_assert_cmpint (total, ==, 30800);
  g_assert_cmpint (paid, ==, 30800);
}

/* A payments file imported twice: rows already recorded (same invoice,
 * date and amount, counted) are refused; two equal instalments on one day
 * are not duplicates of each other. */
static void
test_import_payments_twice (Fixture       *f,
                            gconstpointer  data)
{
  static const char payments[] =
    "date,invoice_number,amount\n"
    "2026-03-10,5001,50.00\n"
    "2026-03-10,5001,50.00\n"
    "2026-03-11,5001,20.00\n";
  static const ExpectedError expected[] = {
    { 2, 2, "This payment to invoice 5001 is already recorded with the same date and amount. "
            "Remove the row if the file was imported before." },
    { 3, 2, "This payment to invoice 5001 is already recorded with the same date and amount. "
            "Remove the row if the file was imported before." },
    { 4, 2, "This payment to invoice 5001 is already recorded with the same date and amount. "
            "Remove the row if the file was imported before." },
  };
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  KassaCsvImportSummary summary = { 0 };

  add_invoice_customers (f->store);
  import_text (f->store, KASSA_CSV_INVOICES,
               "number,customer,date,description,quantity,unit_price,vat_rate\n"
               "5001,1001,2026-03-01,Work,2,100.00,0\n",
               NULL, &error);
  g_assert_no_error (error);

  import_text (f->store, KASSA_CSV_PAYMENTS, payments, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.payments, ==, 3);

  errors = validate_text (f->store, KASSA_CSV_PAYMENTS, payments);
  assert_errors (errors, expected, G_N_ELEMENTS (expected));
  g_clear_pointer (&errors, g_ptr_array_unref);

  /* A third equal instalment on the same day is new: the company holds two. */
  errors = validate_text (f->store, KASSA_CSV_PAYMENTS,
                          "date,invoice_number,amount\n"
                          "2026-03-10,5001,50.00\n"
                          "2026-03-10,5001,50.00\n"
                          "2026-03-10,5001,50.00\n");
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_cmpint (count_rows (f->store, "SELECT COUNT(*) FROM payments"), ==, 3);
}

/* Round trip: the demo company exported and imported into an empty one. */

typedef struct
{
  gint64 customers;
  gint64 invoices;
  gint64 credit_notes;
  gint64 drafts;
  gint64 net;
  gint64 vat;
  gint64 total;
  gint64 paid;
  gint64 open;
  gint64 next_number;
  gint64 credit_links;
} CompanyFigures;

static void
get_figures (KassaStore     *store,
             CompanyFigures *figures)
{
  g_autoptr(KassaCompany) company = kassa_store_get_company (store);

  figures->customers = count_rows (store, "SELECT COUNT(*) FROM customers");
  figures->invoices = count_rows (store, "SELECT COUNT(*) FROM invoices");
  figures->credit_notes = count_rows (store, "SELECT COUNT(*) FROM invoices"
                                             " WHERE credited_invoice_id IS NOT NULL");
  figures->drafts = count_rows (store, "SELECT COUNT(*) FROM invoices WHERE state = 0");
  figures->net = count_rows (store, "SELECT SUM(total_net) FROM invoices");
  figures->vat = count_rows (store, "SELECT SUM(total_vat) FROM invoices");
  figures->total = count_rows (store, "SELECT SUM(total) FROM invoices");
  figures->paid = count_rows (store, "SELECT SUM(paid) FROM invoices");
  figures->open = count_rows (store, "SELECT SUM(" KASSA_STORE_OPEN_AMOUNT_SQL ") FROM invoices i");
  figures->next_number = company->next_invoice_number;
  /* Which invoice each credit note credits, by number. */
  figures->credit_links = count_rows (store, "SELECT SUM(i.number * 1000003 + o.number) FROM invoices i"
                                             " JOIN invoices o ON o.id = i.credited_invoice_id");
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  static const KassaCsvTable tables[] = { KASSA_CSV_CUSTOMERS, KASSA_CSV_INVOICES, KASSA_CSV_PAYMENTS };
  g_autoptr(KassaStore) demo = open_store (f->dir, "demo.kassa", FALSE);
  g_autoptr(KassaStore) copy = open_store (f->dir, "copy.kassa", FALSE);
  g_autoptr(KassaCompany) company = NULL;
  g_autoptr(GError) error = NULL;
  CompanyFigures before, after;
  KassaDemoSpec spec;

  kassa_demo_spec_init_demo (&spec, ymd (2026, 11, 24));
  kassa_demo_generate (demo, &spec, &error);
  g_assert_no_error (error);

  company = kassa_store_get_company (demo);
  company->next_invoice_number = 1000;
  kassa_store_save_company (copy, company, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/table-%u.csv", f->dir, i);
      g_autoptr(KassaCsvFile) file = NULL;
      g_autoptr(KassaCsvImport) import = NULL;
      KassaCsvImportSummary summary = { 0 };

      kassa_csv_export (demo, tables[i], path, NULL, &error);
      g_assert_no_error (error);
      file = kassa_csv_file_load (path, &error);
      g_assert_no_error (error);
      import = kassa_csv_import_new (copy, tables[i], file);
      kassa_csv_import_commit (import, NULL, &summary, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (summary.customers + summary.invoices + summary.payments, ==,
                        kassa_csv_file_get_n_rows (file) - 1);
    }

  get_figures (demo, &before);
  get_figures (copy, &after);
  g_assert_cmpint (before.customers, >, 100);
  g_assert_cmpint (before.invoices, >, 1000);
  g_assert_cmpint (before.credit_notes, >, 0);
  g_assert_cmpint (after.customers, ==, before.customers);
  g_assert_cmpint (after.invoices, ==, before.invoices);
  g_assert_cmpint (after.credit_notes, ==, before.credit_notes);
  g_assert_cmpint (after.drafts, ==, before.drafts);
  g_assert_cmpint (after.net, ==, before.net);
  g_assert_cmpint (after.vat, ==, before.vat);
  g_assert_cmpint (after.total, ==, before.total);
  g_assert_cmpint (after.paid, ==, before.paid);
  g_assert_cmpint (after.open, ==, before.open);
  g_assert_cmpint (after.next_number, ==, before.next_number);
  g_assert_cmpint (after.credit_links, ==, before.credit_links);

  /* Importing the same customers again finds every one a duplicate. */
  {
    g_autofree char *path = g_strdup_printf ("%s/table-0.csv", f->dir);
    g_autoptr(KassaCsvFile) file = kassa_csv_file_load (path, &error);
    g_autoptr(KassaCsvImport) import = kassa_csv_import_new (copy, KASSA_CSV_CUSTOMERS, file);

    g_assert_false (kassa_csv_import_commit (import, NULL, NULL, &error));
    g_assert_error (error, KASSA_CSV_IMPORT_ERROR, KASSA_CSV_IMPORT_ERROR_ROWS);
    g_assert_cmpint (count_rows (copy, "SELECT COUNT(*) FROM customers"), ==, before.customers);
  }
}

static void
test_mapping_errors (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KassaCsvFile) file = file_from_text ("number,customer,date\n1,1001,2026-01-01\n");
  g_autoptr(KassaCsvImport) import = kassa_csv_import_new (f->store, KASSA_CSV_INVOICES, file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = kassa_csv_import_validate (import, NULL, &error);

  g_assert_null (errors);
  g_assert_error (error, KASSA_CSV_IMPORT_ERROR, KASSA_CSV_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);

  kassa_csv_import_set_mapping (import, KASSA_CSV_FIELD_ISSUE_DATE, -1);
  errors = kassa_csv_import_validate (import, NULL, &error);
  g_assert_null (errors);
  g_assert_error (error, KASSA_CSV_IMPORT_ERROR, KASSA_CSV_IMPORT_ERROR_MAPPING);
  g_assert_cmpstr (error->message, ==, "Choose the column that holds “Invoice date”.");
}

/* Fuzzer inputs: the crashes it found (regressions/) and the seeds
 * (corpus/) read without crashing, and either as rows or with a reader
 * error. */
static void
replay_folder (const char *name)
{
  g_autofree char *path = g_build_filename (KASSA_FUZZ_DIR, name, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file_path = g_build_filename (path, entry, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(KassaCsvFile) file = NULL;
      gsize length;

      if (g_str_has_prefix (entry, "."))
        continue;
      g_file_get_contents (file_path, &contents, &length, &error);
      g_assert_no_error (error);
      g_test_message ("%s", entry);

      file = file_from_data (contents, length, &error);
      if (file == NULL)
        {
          g_assert_true (error->domain == KASSA_CSV_ERROR);
          n++;
          continue;
        }

      g_assert_cmpuint (kassa_csv_file_get_n_rows (file), >, 0);
      for (guint row = 0; row < kassa_csv_file_get_n_rows (file); row++)
        for (guint column = 0; column < kassa_csv_file_get_n_fields (file, row); column++)
          {
            const char *field = kassa_csv_file_get_field (file, row, column);
            KassaDay day;
            gint64 minor;

            g_assert_true (g_utf8_validate (field, -1, NULL));
            kassa_csv_parse_date (field, KASSA_CSV_DATE_DMY_DOT, &day, NULL);
            kassa_csv_parse_amount (field, KASSA_CSV_DECIMAL_COMMA, "EUR", &minor, NULL);
          }
      n++;
    }

  g_assert_cmpuint (n, >, 0);
}

static void
test_fuzz_regressions (void)
{
  replay_folder ("regressions");
  replay_folder ("corpus");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-import/encodings", test_encodings);
  g_test_add_func ("/csv-import/quoting", test_quoting);
  g_test_add_func ("/csv-import/malformed", test_malformed);
  g_test_add_func ("/csv-import/set-format", test_set_format);
  g_test_add_func ("/csv-import/detect-format", test_detect_format);
  g_test_add_func ("/csv-import/parse-values", test_parse_values);
  g_test_add ("/csv-import/header-synonyms", Fixture, NULL, fixture_set_up,
              test_header_synonyms, fixture_tear_down);
  g_test_add ("/csv-import/export-headers", Fixture, NULL, fixture_set_up,
              test_export_headers, fixture_tear_down);
  g_test_add ("/csv-import/customers", Fixture, NULL, fixture_set_up,
              test_import_customers, fixture_tear_down);
  g_test_add ("/csv-import/customer-row-errors", Fixture, NULL, fixture_set_up,
              test_customer_row_errors, fixture_tear_down);
  g_test_add ("/csv-import/all-or-nothing", Fixture, NULL, fixture_set_up,
              test_all_or_nothing, fixture_tear_down);
  g_test_add ("/csv-import/invoice-lines", Fixture, NULL, fixture_set_up,
              test_import_invoice_lines, fixture_tear_down);
  g_test_add ("/csv-import/invoice-totals", Fixture, NULL, fixture_set_up,
              test_import_invoice_totals, fixture_tear_down);
  g_test_add ("/csv-import/invoice-row-errors", Fixture, NULL, fixture_set_up,
              test_invoice_row_errors, fixture_tear_down);
  g_test_add ("/csv-import/commit-rolls-back", Fixture, NULL, fixture_set_up,
              test_commit_rolls_back, fixture_tear_down);
  g_test_add ("/csv-import/payments", Fixture, NULL, fixture_set_up,
              test_import_payments, fixture_tear_down);
  g_test_add ("/csv-import/payments-twice", Fixture, NULL, fixture_set_up,
              test_import_payments_twice, fixture_tear_down);
  g_test_add ("/csv-import/mapping-errors", Fixture, NULL, fixture_set_up,
              test_mapping_errors, fixture_tear_down);
  g_test_add ("/csv-import/round-trip", Fixture, NULL, fixture_set_up,
              test_round_trip, fixture_tear_down);
  g_test_add_func ("/csv-import/fuzz-regressions", test_fuzz_regressions);

  return g_test_run ();
}
