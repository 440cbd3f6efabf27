/* kassa-document-catalog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the contexts ("document", "report") of a compiled GNU message catalog (.mo) so
 * that a document can be written in the customer's language while the UI
 * stays in the user's.  gettext itself would need the process locale to be
 * switched, which is neither thread-safe nor possible per document.
 *
 * The .mo layout (all integers 32-bit, in the byte order given by the
 * magic number): magic, revision, number of strings N, offset of the table
 * of original strings, offset of the table of translations, then the
 * tables: N pairs (length, offset).  A message with a context is stored as
 * "context\004msgid"; a plural entry holds "msgid\0msgid_plural".
 */
#define G_LOG_DOMAIN "kassa-documents"

#include "config.h"

#include <string.h>

#include "kassa-document-catalog.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U
#define MO_HEADER_SIZE   20
#define DOCUMENT_CONTEXT "document"

struct _KassaDocumentCatalog
{
  KassaLocale  locale;
  GBytes      *data;          /* the .mo file; the table points into it */
  GHashTable  *translations;  /* "context\004msgid" → translation */
};

typedef struct
{
  const guint8 *bytes;
  gsize         size;
  gboolean      swapped;
} MoFile;

static const char *
language_of_locale (KassaLocale locale)
{
  switch (locale)
    {
    case KASSA_LOCALE_FI:
      return "fi";
    case KASSA_LOCALE_SV:
      return "sv";
    case KASSA_LOCALE_ZH_CN:
      return "zh_CN";
    case KASSA_LOCALE_EN:
    default:
      return NULL;
    }
}

static gboolean
read_u32 (const MoFile *mo,
          gsize         offset,
          guint32      *value)
{
  guint32 raw;

  if (offset > mo->size || mo->size - offset < 4)
    return FALSE;

  memcpy (&raw, mo->bytes + offset, 4);
  *value = mo->swapped ? GUINT32_SWAP_LE_BE (raw) : raw;
  return TRUE;
}

/* The string of table entry index, checked to lie inside the file and to
 * end with a NUL there, so that it can be used as a C string. */
static const char *
read_string (const MoFile *mo,
             guint32       table,
             guint32       index)
{
  guint32 length, offset;
  gsize entry = (gsize) table + (gsize) index * 8;

  if (!read_u32 (mo, entry, &length) || !read_u32 (mo, entry + 4, &offset))
    return NULL;
  if ((gsize) offset + length >= mo->size || mo->bytes[offset + length] != '\0')
    return NULL;

  return (const char *) mo->bytes + offset;
}

static gboolean
parse_mo (const MoFile *mo,
          GHashTable   *translations)
{
  guint32 revision, n_strings, originals, targets;

  if (!read_u32 (mo, 4, &revision) || !read_u32 (mo, 8, &n_strings) ||
      !read_u32 (mo, 12, &originals) || !read_u32 (mo, 16, &targets))
    return FALSE;
  /* Revision 0 is the only layout; minor revisions (low 16 bits) only add
   * system-dependent strings after the tables, which we do not need. */
  if ((revision >> 16) != 0)
    return FALSE;

  for (guint32 i = 0; i < n_strings; i++)
    {
      const char *original = read_string (mo, originals, i);
      const char *translation = read_string (mo, targets, i);

      if (original == NULL || translation == NULL)
        return FALSE;
      /* A translation that is not UTF-8 is left out: the text functions
       * (pango, g_utf8_strup) would read past its end. */
      if (strchr (original, '\004') != NULL && translation[0] != '\0' &&
          g_utf8_validate (translation, -1, NULL))
        g_hash_table_insert (translations, (gpointer) original, (gpointer) translation);
    }

  return TRUE;
}

static gboolean
load_mo (KassaDocumentCatalog *self,
         const char           *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize size;
  guint32 magic;
  MoFile mo;

  if (!g_file_get_contents (path, &contents, &size, &error))
    {
      /* No translation installed: the document is written in English. */
      g_debug ("No document catalog %s: %s", path, error->message);
      return FALSE;
    }

  if (size < MO_HEADER_SIZE)
    return FALSE;
  memcpy (&magic, contents, 4);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    return FALSE;

  self->data = g_bytes_new_take (g_steal_pointer (&contents), size);
  mo.bytes = g_bytes_get_data (self->data, &mo.size);
  mo.swapped = magic == MO_MAGIC_SWAPPED;

  if (!parse_mo (&mo, self->translations))
    {
      g_warning ("The message catalog %s is damaged; documents are written in English", path);
      g_hash_table_remove_all (self->translations);
      return FALSE;
    }

  return TRUE;
}

static char *
catalog_path (const char *language)
{
  const char *localedir = g_getenv ("KASSA_LOCALEDIR");

  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  return g_build_filename (localedir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
}

/**
 * kassa_document_catalog_new:
 * @locale: the document language
 *
 * Returns: (transfer full): a catalog; when the language has no installed
 * translation it returns every msgid unchanged.
 */
KassaDocumentCatalog *
kassa_document_catalog_new (KassaLocale locale)
{
  KassaDocumentCatalog *self = g_new0 (KassaDocumentCatalog, 1);
  const char *language = language_of_locale (locale);

  self->locale = locale;
  self->translations = g_hash_table_new (g_str_hash, g_str_equal);

  if (language != NULL)
    {
      g_autofree char *path = catalog_path (language);

      load_mo (self, path);
    }

  return self;
}

void
kassa_document_catalog_free (KassaDocumentCatalog *catalog)
{
  if (catalog == NULL)
    return;

  g_clear_pointer (&catalog->translations, g_hash_table_unref);
  g_clear_pointer (&catalog->data, g_bytes_unref);
  g_free (catalog);
}

KassaLocale
kassa_document_catalog_get_locale (KassaDocumentCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, KASSA_LOCALE_EN);

  return catalog->locale;
}

/**
 * kassa_document_catalog_get:
 * @catalog: a catalog
 * @msgid: an English string marked NC_("document", …)
 *
 * Returns: (transfer none): the translation, or @msgid itself when there
 * is none.  Valid as long as the catalog (or msgid).
 */
const char *
kassa_document_catalog_get (KassaDocumentCatalog *catalog,
                            const char           *msgid)
{
  return kassa_document_catalog_get_context (catalog, DOCUMENT_CONTEXT, msgid);
}

/**
 * kassa_document_catalog_get_context:
 * @catalog: a catalog
 * @context: the message context, e.g. "report"
 * @msgid: an English string marked NC_(context, …)
 *
 * Returns: (transfer none): the translation, or @msgid itself when there
 * is none.  Valid as long as the catalog (or msgid).
 */
const char *
kassa_document_catalog_get_context (KassaDocumentCatalog *catalog,
                                    const char           *context,
                                    const char           *msgid)
{
  g_autofree char *key = NULL;
  const char *translation;

  g_return_val_if_fail (catalog != NULL, msgid);
  g_return_val_if_fail (context != NULL, msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (g_hash_table_size (catalog->translations) == 0)
    return msgid;

  key = g_strconcat (context, "\004", msgid, NULL);
  translation = g_hash_table_lookup (catalog->translations, key);
  return translation != NULL ? translation : msgid;
}

/* Reads "N$" after a '%' (the position of a reordered argument); 0 when
 * the conversion takes the next argument. */
static guint
read_position (const char **p)
{
  const char *q = *p;
  guint position = 0;

  while (g_ascii_isdigit (*q) && position < 100)
    position = position * 10 + (guint) (*q++ - '0');
  if (position == 0 || *q != '$')
    return 0;

  *p = q + 1;
  return position;
}

static void
expand_template (GString     *out,
                 const char  *template,
                 GPtrArray   *args)
{
  guint next = 0;

  for (const char *p = template; *p != '\0'; p++)
    {
      guint position;

      if (*p != '%')
        {
          g_string_append_c (out, *p);
          continue;
        }

      p++;
      if (*p == '%')
        {
          g_string_append_c (out, '%');
          continue;
        }

      position = read_position (&p);
      if (*p == 's' || *p == 'd')
        {
          guint index = position > 0 ? position - 1 : next++;

          if (index < args->len)
            g_string_append (out, g_ptr_array_index (args, index));
          continue;
        }

      /* Not a conversion we fill in: keep it as written. */
      g_string_append_c (out, '%');
      if (*p == '\0')
        break;
      g_string_append_c (out, *p);
    }
}

/**
 * kassa_document_catalog_format:
 * @catalog: a catalog
 * @msgid: an English template marked NC_("document", …)
 * @...: strings for its conversions, then NULL
 *
 * Returns: (transfer full): the translated text with the arguments in it.
 */
char *
kassa_document_catalog_format (KassaDocumentCatalog *catalog,
                               const char           *msgid,
                               ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  GString *out = g_string_new (NULL);
  const char *arg;
  va_list ap;

  g_return_val_if_fail (catalog != NULL, NULL);
  g_return_val_if_fail (msgid != NULL, NULL);

  va_start (ap, msgid);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);

  expand_template (out, kassa_document_catalog_get (catalog, msgid), args);
  return g_string_free (out, FALSE);
}
