/* test-document-catalog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document catalog reads the "document" context of a .mo file that
 * msgfmt compiles here from a small .po, in both byte orders.
 */
#define G_LOG_DOMAIN "kassa-test-document-catalog"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "kassa-document-catalog.h"
#include "kassa-test-fixture.h"

static const char test_po[] =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"
  "\n"
  "msgctxt \"document\"\n"
  "msgid \"Invoice\"\n"
  "msgstr \"Lasku\"\n"
  "\n"
  "msgctxt \"document\"\n"
  "msgid \"Page %d / %d\"\n"
  "msgstr \"Sivu %d / %d\"\n"
  "\n"
  "msgctxt \"document\"\n"
  "msgid \"Due date\"\n"
  "msgstr \"Eräpäivä\"\n"
  "\n"
  /* Same msgid without the context: the UI's word, not the document's. */
  "msgid \"Reference\"\n"
  "msgstr \"Viite (käyttöliittymä)\"\n"
  "\n"
  "msgctxt \"other\"\n"
  "msgid \"Total\"\n"
  "msgstr \"Väärä konteksti\"\n"
  "\n"
  "msgctxt \"document\"\n"
  "msgid \"Untranslated\"\n"
  "msgstr \"\"\n"
  "\n"
  "msgctxt \"document\"\n"
  "msgid \"%d line\"\n"
  "msgid_plural \"%d lines\"\n"
  "msgstr[0] \"%d rivi\"\n"
  "msgstr[1] \"%d riviä\"\n";

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kassa-test-catalog-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("KASSA_LOCALEDIR", f->dir, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kassa_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Compiles test_po into <dir>/<language>/LC_MESSAGES/kassa.mo; FALSE (and
 * the test skipped) when msgfmt is not installed. */
static gboolean
compile_catalog (Fixture    *f,
                 const char *language,
                 const char *endianness)
{
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autofree char *po = g_build_filename (f->dir, "test.po", NULL);
  g_autofree char *folder = g_build_filename (f->dir, language, "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (folder, "kassa.mo", NULL);
  g_autofree char *endian_arg = g_strconcat ("--endianness=", endianness, NULL);
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (msgfmt == NULL)
    {
      g_test_skip ("msgfmt is not installed");
      return FALSE;
    }

  g_assert_true (g_file_set_contents (po, test_po, -1, &error));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  {
    const char *argv[] = { msgfmt, endian_arg, "-o", mo, po, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, NULL, &errors, &status, &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("msgfmt failed: %s", errors);

  return TRUE;
}

typedef struct
{
  const char *msgid;
  const char *expected;
} Lookup;

static const Lookup finnish_lookups[] = {
  { "Invoice", "Lasku" },
  { "Page %d / %d", "Sivu %d / %d" },
  { "Due date", "Eräpäivä" },
  { "Reference", "Reference" },        /* only translated without context */
  { "Total", "Total" },                /* only in another context */
  { "Untranslated", "Untranslated" },  /* empty msgstr */
  { "%d line", "%d rivi" },            /* plural entry: the singular form */
  { "Missing entirely", "Missing entirely" },
  { "", "" },
};

static void
assert_lookups (KassaDocumentCatalog *catalog)
{
  for (guint i = 0; i < G_N_ELEMENTS (finnish_lookups); i++)
    {
      g_test_message ("lookup “%s”", finnish_lookups[i].msgid);
      g_assert_cmpstr (kassa_document_catalog_get (catalog, finnish_lookups[i].msgid),
                       ==, finnish_lookups[i].expected);
    }
}

static void
test_byte_order (Fixture       *f,
                 gconstpointer  data)
{
  const char *endianness = data;
  g_autoptr(KassaDocumentCatalog) catalog = NULL;
  const char *msgid = "Missing entirely";

  if (!compile_catalog (f, "fi", endianness))
    return;

  catalog = kassa_document_catalog_new (KASSA_LOCALE_FI);
  g_assert_cmpint (kassa_document_catalog_get_locale (catalog), ==, KASSA_LOCALE_FI);
  assert_lookups (catalog);
  /* The fallback is the very string passed in. */
  g_assert_true (kassa_document_catalog_get (catalog, msgid) == msgid);
}

/* Each language reads its own folder; English never reads one. */
static void
test_languages (Fixture       *f,
                gconstpointer  data)
{
  static const struct { KassaLocale locale; const char *folder; } languages[] = {
    { KASSA_LOCALE_SV, "sv" },
    { KASSA_LOCALE_ZH_CN, "zh_CN" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(KassaDocumentCatalog) before = kassa_document_catalog_new (languages[i].locale);
      g_autoptr(KassaDocumentCatalog) after = NULL;

      g_assert_cmpstr (kassa_document_catalog_get (before, "Invoice"), ==, "Invoice");
      if (!compile_catalog (f, languages[i].folder, "little"))
        return;
      after = kassa_document_catalog_new (languages[i].locale);
      g_assert_cmpstr (kassa_document_catalog_get (after, "Invoice"), ==, "Lasku");
    }

  /* An "en" folder is ignored: English is the source language. */
  if (compile_catalog (f, "en", "little"))
    {
      g_autoptr(KassaDocumentCatalog) english = kassa_document_catalog_new (KASSA_LOCALE_EN);

      g_assert_cmpstr (kassa_document_catalog_get (english, "Invoice"), ==, "Invoice");
    }
}

/* Damaged files give English text, never a crash or garbage. */
static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "fi", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (folder, "kassa.mo", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  if (!compile_catalog (f, "fi", "little"))
    return;
  g_assert_true (g_file_get_contents (mo, &contents, &length, NULL));

  /* Cut in the middle of the strings, wrong magic, too short for a header. */
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(KassaDocumentCatalog) catalog = NULL;
      g_autofree char *damaged = g_memdup2 (contents, length);
      gsize damaged_length = length;

      if (round == 0)
        damaged_length = length - 20;
      else if (round == 1)
        damaged[0] ^= 0x55;
      else
        damaged_length = 12;

      g_assert_true (g_file_set_contents (mo, damaged, damaged_length, NULL));
      if (round == 0)
        g_test_expect_message ("kassa-documents", G_LOG_LEVEL_WARNING, "*damaged*");
      catalog = kassa_document_catalog_new (KASSA_LOCALE_FI);
      g_test_assert_expected_messages ();
      g_assert_cmpstr (kassa_document_catalog_get (catalog, "Invoice"), ==, "Invoice");
    }
}

/* A translation that is not valid UTF-8 ("Lask\xff" written over
 * "Lasku") is left out: the English text is printed instead of bytes that
 * text functions would read past. */
static void
test_invalid_utf8 (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *mo = g_build_filename (f->dir, "fi", "LC_MESSAGES", "kassa.mo", NULL);
  g_autoptr(KassaDocumentCatalog) catalog = NULL;
  g_autofree char *contents = NULL;
  char *lasku;
  gsize length;

  if (!compile_catalog (f, "fi", "little"))
    return;
  g_assert_true (g_file_get_contents (mo, &contents, &length, NULL));
  lasku = memmem (contents, length, "Lasku", 5);
  g_assert_nonnull (lasku);
  lasku[4] = (char) 0xff;
  g_assert_true (g_file_set_contents (mo, contents, length, NULL));

  catalog = kassa_document_catalog_new (KASSA_LOCALE_FI);
  g_assert_cmpstr (kassa_document_catalog_get (catalog, "Invoice"), ==, "Invoice");
  /* The rest of the catalog is still read. */
  g_assert_cmpstr (kassa_document_catalog_get (catalog, "Due date"), ==, "Eräpäivä");
}

/* Templates filled in with strings: in order, by position, and with
 * whatever a damaged translation might hold. */
static void
test_format (Fixture       *f,
             gconstpointer  data)
{
  static const struct { const char *template; const char *expected; } cases[] = {
    { "Page %d / %d", "Page 1 / 2" },
    { "Invoice %s", "Invoice 1" },
    { "%2$s of %1$s", "2 of 1" },
    { "100 %% sure: %s", "100 % sure: 1" },
    { "%d, %d, %d", "1, 2, " },           /* a missing argument is empty */
    { "%x and %5d", "%x and %5d" },       /* other conversions stay as written */
    { "%9$s|%0$s", "|%0$s" },
    { "trailing %", "trailing %" },
    { "", "" },
  };
  g_autoptr(KassaDocumentCatalog) english = kassa_document_catalog_new (KASSA_LOCALE_EN);
  g_autoptr(KassaDocumentCatalog) finnish = NULL;
  g_autofree char *page = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = kassa_document_catalog_format (english, cases[i].template, "1", "2", NULL);

      g_test_message ("format “%s”", cases[i].template);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }

  if (!compile_catalog (f, "fi", "little"))
    return;
  finnish = kassa_document_catalog_new (KASSA_LOCALE_FI);
  page = kassa_document_catalog_format (finnish, "Page %d / %d", "3", "4", NULL);
  g_assert_cmpstr (page, ==, "Sivu 3 / 4");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/documents/catalog/little-endian", Fixture, "little",
              fixture_set_up, test_byte_order, fixture_tear_down);
  g_test_add ("/documents/catalog/big-endian", Fixture, "big",
              fixture_set_up, test_byte_order, fixture_tear_down);
  g_test_add ("/documents/catalog/languages", Fixture, NULL,
              fixture_set_up, test_languages, fixture_tear_down);
  g_test_add ("/documents/catalog/damaged", Fixture, NULL,
              fixture_set_up, test_damaged, fixture_tear_down);
  g_test_add ("/documents/catalog/invalid-utf8", Fixture, NULL,
              fixture_set_up, test_invalid_utf8, fixture_tear_down);
  g_test_add ("/documents/catalog/format", Fixture, NULL,
              fixture_set_up, test_format, fixture_tear_down);

  return g_test_run ();
}
