/* kassa-document-catalog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Documents are written in the customer's language whatever the UI
 * language is.  Their strings are marked NC_("document", "…") so they are
 * translated in po/ like any other; at render time a catalog reads the
 * compiled kassa.mo of the document language directly (thread-safe, no
 * locale switching).
 */
#pragma once

#include <glib.h>

#include "kassa-types.h"

G_BEGIN_DECLS

typedef struct _KassaDocumentCatalog KassaDocumentCatalog;

/* Loads $KASSA_LOCALEDIR (or LOCALEDIR)/<lang>/LC_MESSAGES/kassa.mo for the
 * language; English, or a missing catalog, gives the untranslated text. */
KassaDocumentCatalog *kassa_document_catalog_new   (KassaLocale            locale);
void                  kassa_document_catalog_free  (KassaDocumentCatalog  *catalog);
KassaLocale           kassa_document_catalog_get_locale (KassaDocumentCatalog *catalog);
/* The translation of msgid in context "document". */
const char           *kassa_document_catalog_get   (KassaDocumentCatalog  *catalog,
                                                    const char            *msgid);
/* The translation of msgid in the given context (NC_(context, …)), e.g.
 * "report" for the Excel reports. */
const char           *kassa_document_catalog_get_context (KassaDocumentCatalog *catalog,
                                                    const char            *context,
                                                    const char            *msgid);

/* The translation of msgid with its conversions filled in from the
 * following strings (NULL-terminated): "%s" and "%d" take the next
 * argument, "%2$s" a given one, "%%" is a percent sign.  Numbers are passed
 * already formatted, so a damaged translation can never read a wrong
 * type. */
char                 *kassa_document_catalog_format (KassaDocumentCatalog *catalog,
                                                    const char            *msgid,
                                                    ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaDocumentCatalog, kassa_document_catalog_free)

G_END_DECLS
