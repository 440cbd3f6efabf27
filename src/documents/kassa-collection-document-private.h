/* kassa-collection-document-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What kassa-collection-document.c (loading, PDF) and
 * kassa-collection-document-pages.c (texts and layout) share.  Not for
 * other files.
 */
#pragma once

#include <pango/pango.h>

#include "kassa-collection-document.h"
#include "kassa-document-catalog.h"
#include "kassa-document-layout.h"
#include "kassa-document-slip.h"

G_BEGIN_DECLS

/* A document string in the document language (self is the document). */
#define T(msgid) kassa_document_catalog_get (self->catalog, (msgid))

typedef enum
{
  KASSA_COLLECTION_DOCUMENT_REMINDER,
  KASSA_COLLECTION_DOCUMENT_STATEMENT,
} KassaCollectionDocumentKind;

/* One invoice or credit note of the table. */
typedef struct
{
  gint64   number;
  KassaDay issue_date;
  KassaDay due_date;
  char    *reference;      /* as stored */
  gint64   total;          /* statement: the gross amount */
  gint64   open;
  gint64   interest;       /* reminder: claimed with the latest step */
  gint64   fees;           /* reminder: all its events */
  gboolean credit_note;
  char     currency[4];
} KassaCollectionRow;

/* The balance of a statement in one currency. */
typedef struct
{
  char   currency[4];
  gint64 open;
  gint64 overdue;
} KassaCollectionBalance;

typedef struct
{
  guint  first_row;
  guint  n_rows;
  double trailer_y;        /* < 0: not the last page */
} KassaCollectionPage;

struct _KassaCollectionDocument
{
  KassaCollectionDocumentKind kind;
  KassaCompany          *company;
  KassaCustomerRecord   *customer;
  KassaLocale            locale;
  KassaDocumentCatalog  *catalog;
  PangoContext          *context;
  cairo_surface_t       *logo;
  KassaDay               date;          /* the letter's day, or the as-of day */
  GArray                *rows;          /* of KassaCollectionRow */
  /* Reminder */
  KassaCollectionKind    level;         /* highest dunning step, 0 for none */
  KassaDay               pay_by;
  gint64                 open_total;
  gint64                 interest_total;
  gint64                 fee_total;
  char                   currency[4];
  const char            *reference_label; /* owned by the catalog */
  char                  *slip_reference;  /* printed; one invoice only */
  char                  *virtual_barcode;
  char                  *epc_payload;
  /* Statement */
  GArray                *balances;      /* of KassaCollectionBalance, never empty */
  gboolean               mixed_currencies;
  /* Layout */
  GArray                *pages;         /* of KassaCollectionPage */
  KassaPaymentSlipAreas  slip_areas;
};

static inline char *
kassa_collection_format_number (gint64 number)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, number);
}

/* Days past the due date on day; 0 for credit notes and nothing owed. */
static inline gint
kassa_collection_row_days_overdue (const KassaCollectionRow *row,
                                   KassaDay                  day)
{
  if (row->credit_note || row->open <= 0 || day <= row->due_date)
    return 0;

  return day - row->due_date;
}

/* A reminder's total: open amounts, interest and fees. */
static inline gint64
kassa_collection_document_to_pay (KassaCollectionDocument *self)
{
  return self->open_total + self->interest_total + self->fee_total;
}

/* Layout (kassa-collection-document-pages.c) */

/* "Payment reminder" … or "Statement of account" in the document language. */
const char *kassa_collection_document_get_title          (KassaCollectionDocument *self);
/* The title with the date, for later pages and the PDF metadata. */
char       *kassa_collection_document_get_running_title  (KassaCollectionDocument *self);
/* Splits the rows over pages; fills self->pages. */
void        kassa_collection_document_paginate           (KassaCollectionDocument *self);
void        kassa_collection_document_render_page        (KassaCollectionDocument *self,
                                                          cairo_t                 *cr,
                                                          int                      index);
/* Lays the payment slip out where the last page has it. */
void        kassa_collection_document_locate_slip        (KassaCollectionDocument *self);

G_END_DECLS
