/* kassa-records.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain data records exchanged with KassaStore.  Strings are owned by the
 * record; an id of 0 means "not stored yet".
 */
#pragma once

#include <glib-object.h>

#include "kassa-types.h"

G_BEGIN_DECLS

/* How invoice documents print the payment reference. */
typedef enum
{
  KASSA_REFERENCE_STYLE_FINNISH,  /* national reference in groups of five */
  KASSA_REFERENCE_STYLE_RF,       /* ISO 11649 creditor reference */
} KassaReferenceStyle;

typedef struct
{
  char     *name;
  char     *business_id;
  char     *vat_id;
  char     *address;          /* multi-line street, postcode, city */
  char     *email;
  char     *phone;
  char     *iban;
  char     *bic;
  char      currency[4];      /* ISO 4217, e.g. "EUR" */
  char      country[3];       /* ISO 3166-1 alpha-2, e.g. "FI" */
  char     *document_language;/* "fi", "sv", "en", "zh_CN" */
  gint      payment_terms_days;
  gint64    next_invoice_number;
  gint64    minimum_cash_buffer;
  gint      late_interest_bp; /* printed on invoices, basis points */
  GBytes   *logo;             /* PNG data printed on documents, or NULL */
  gint      reference_style;  /* KassaReferenceStyle */
  char     *bankgiro;         /* Swedish Bankgiro "NNNN-NNNN", or "" */
  char     *plusgiro;         /* Swedish PlusGiro number, or "" */
} KassaCompany;

typedef struct
{
  gint64             id;
  char              *number;          /* customer number, unique */
  char              *name;
  KassaCustomerKind  kind;
  char              *business_id;
  char              *vat_id;
  char              *contact_person;
  char              *email;
  char              *phone;
  char              *address;
  char               country[3];
  char              *document_language;
  gint               payment_terms_days;
  gint64             credit_limit;    /* minor units, 0 = none */
  KassaDelivery      delivery;
  char              *einvoice_address;
  char              *notes;
  gboolean           archived;
} KassaCustomerRecord;

typedef struct
{
  gint64  id;
  gint    position;               /* 0-based order on the invoice */
  char   *description;
  gint64  quantity;               /* thousandths */
  gint64  unit_price;             /* minor units, VAT excluded */
  gint64  unit_cost;              /* minor units, for margin */
  gint    vat_rate;               /* basis points */
  gint    discount;               /* basis points of the line */
} KassaInvoiceLine;

typedef struct
{
  gint64    id;
  gint64    invoice_id;
  KassaDay  date;
  gint64    amount;               /* minor units; may be negative (refund) */
  char     *method;
  char     *note;
} KassaPayment;

typedef struct
{
  gint64             id;
  gint64             number;          /* 0 while a draft */
  gint64             customer_id;
  KassaDay           issue_date;
  KassaDay           due_date;
  char               currency[4];
  KassaInvoiceState  state;
  char              *reference;       /* Finnish reference (OCR number for a SE company), NULL for drafts */
  KassaDelivery      delivery;
  gboolean           disputed;
  gint64             credited_invoice_id; /* set on credit notes */
  char              *notes;
  GPtrArray         *lines;           /* of KassaInvoiceLine*, owned */
} KassaInvoiceRecord;

GType                kassa_company_get_type             (void) G_GNUC_CONST;
KassaCompany        *kassa_company_new                  (void);
KassaCompany        *kassa_company_copy                 (const KassaCompany        *company);
void                 kassa_company_free                 (KassaCompany              *company);

GType                kassa_customer_record_get_type     (void) G_GNUC_CONST;
KassaCustomerRecord *kassa_customer_record_new          (void);
KassaCustomerRecord *kassa_customer_record_copy         (const KassaCustomerRecord *record);
void                 kassa_customer_record_free         (KassaCustomerRecord       *record);

KassaInvoiceLine    *kassa_invoice_line_new             (void);
KassaInvoiceLine    *kassa_invoice_line_copy            (const KassaInvoiceLine    *line);
void                 kassa_invoice_line_free            (KassaInvoiceLine          *line);
gint64               kassa_invoice_line_get_net         (const KassaInvoiceLine    *line);
gint64               kassa_invoice_line_get_cost        (const KassaInvoiceLine    *line);

KassaPayment        *kassa_payment_new                  (void);
KassaPayment        *kassa_payment_copy                 (const KassaPayment        *payment);
void                 kassa_payment_free                 (KassaPayment              *payment);

GType                kassa_invoice_record_get_type      (void) G_GNUC_CONST;
KassaInvoiceRecord  *kassa_invoice_record_new           (void);
KassaInvoiceRecord  *kassa_invoice_record_copy          (const KassaInvoiceRecord  *record);
void                 kassa_invoice_record_free          (KassaInvoiceRecord        *record);
/* Net, VAT and gross of all lines with the rounding rule of kassa-vat.c. */
void                 kassa_invoice_record_get_totals    (const KassaInvoiceRecord  *record,
                                                         gint64                    *net,
                                                         gint64                    *vat,
                                                         gint64                    *gross);
/* Σ line costs (kassa_invoice_line_get_cost): the margin's cost side. */
gint64               kassa_invoice_record_get_cost      (const KassaInvoiceRecord  *record);

/* Derived status: credit notes are CREDIT_NOTE, credited invoices CREDITED;
 * otherwise from the open amount, payments and the due date against today. */
KassaInvoiceStatus   kassa_invoice_status_derive        (KassaInvoiceState          state,
                                                         gboolean                   is_credit_note,
                                                         gint64                     total,
                                                         gint64                     paid,
                                                         KassaDay                   due_date,
                                                         KassaDay                   today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaCompany, kassa_company_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaCustomerRecord, kassa_customer_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaInvoiceLine, kassa_invoice_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaPayment, kassa_payment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KassaInvoiceRecord, kassa_invoice_record_free)

G_END_DECLS
