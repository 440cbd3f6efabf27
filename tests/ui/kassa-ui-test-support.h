/* kassa-ui-test-support.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the UI tests share: the test program's setup, a child process per
 * test case, the application and its company file, running the main loop
 * until something happens, and finding and pressing widgets.
 */
#pragma once

#include <adwaita.h>

#include "kassa-application.h"
#include "kassa-records.h"
#include "kassa-store.h"
#include "kassa-store-collections.h"
#include "kassa-window.h"

G_BEGIN_DECLS

/* The company every UI test's file holds (see create_company_file ()). */
#define TEST_COMPANY_NAME        "Testi Oy"
#define TEST_COMPANY_IBAN        "FI2112345600000785"
#define TEST_COMPANY_TERMS_DAYS  14

/* First thing in main (): remembers the system data dirs before the
 * isolation hides them, isolates the test's dirs, and takes formats from
 * LC_ALL and translations from the build's catalogues ($KASSA_LOCALEDIR). */
void       init_ui_test         (int           *argc,
                                 char        ***argv);
/* Runs the current test case in a child process: in the parent returns
 * TRUE once the child has passed; in the child initialises GTK and
 * libadwaita and returns FALSE. */
gboolean   in_parent_process    (void);

/* (transfer full): a new company file at file_name under the user data
 * dir, holding the company TEST_COMPANY_NAME (FI, EUR, IBAN, BIC,
 * TEST_COMPANY_TERMS_DAYS days).  Asserts that today is 2026-11-24. */
KassaStore *create_company_file (const char    *file_name);

/* Records for the company file, built the same way in every test.
 * (transfer full): a Finnish business customer called name, documents in
 * English, the company's payment terms; not saved yet. */
KassaCustomerRecord *test_customer_new (const char *name);
/* Saves customer, asserting that it worked; returns its id. */
gint64     save_test_customer   (KassaStore          *store,
                                 KassaCustomerRecord *customer);
/* test_customer_new () and save_test_customer () in one. */
gint64     add_test_customer    (KassaStore          *store,
                                 const char          *name);
/* (transfer full): a draft for customer_id of one line of amount
 * (quantity 1, 0 % VAT), issued on issue_date and due
 * TEST_COMPANY_TERMS_DAYS later; not saved yet. */
KassaInvoiceRecord *test_invoice_new (gint64    customer_id,
                                      KassaDay  issue_date,
                                      gint64    amount);
/* Saves and sends invoice, asserting that it worked; returns its id. */
gint64     send_test_invoice    (KassaStore          *store,
                                 KassaInvoiceRecord  *invoice);
/* test_invoice_new () and send_test_invoice () in one. */
gint64     add_test_invoice     (KassaStore          *store,
                                 gint64               customer_id,
                                 KassaDay             issue_date,
                                 gint64               amount);
/* Records a payment of amount on date to invoice_id. */
void       add_test_payment     (KassaStore          *store,
                                 gint64               invoice_id,
                                 gint64               amount,
                                 KassaDay             date);
/* (transfer full): a collection event of kind on date, with due_by (0
 * for none); not saved yet. */
KassaCollectionEvent *test_event_new (gint64               customer_id,
                                      gint64               invoice_id,
                                      KassaCollectionKind  kind,
                                      KassaDay             date,
                                      KassaDay             due_by);
/* Saves event, asserting that it worked. */
void       save_test_event      (KassaStore           *store,
                                 KassaCollectionEvent *event);
/* test_event_new () and save_test_event () in one. */
void       add_test_event       (KassaStore           *store,
                                 gint64                customer_id,
                                 gint64                invoice_id,
                                 KassaCollectionKind   kind,
                                 KassaDay              date,
                                 KassaDay              due_by);

/* (transfer full): the invoice or customer stored as id, asserting that
 * it is there. */
KassaInvoiceRecord  *get_stored_invoice  (KassaStore *store,
                                          gint64      invoice_id);
KassaCustomerRecord *get_stored_customer (KassaStore *store,
                                          gint64      customer_id);
/* The number the stored invoice was given when it was sent. */
gint64     stored_invoice_number (KassaStore         *store,
                                  gint64              invoice_id);

/* Formatting, as the UI does it, in the current locale (transfer full):
 * a day, an amount in euros, and an amount as a user types it. */
char      *day_text             (KassaDay       day);
char      *money_text           (gint64         minor);
char      *money_input          (gint64         minor);

/* (transfer full): the company file the application opens by default. */
char      *default_company_path (void);
/* The file name of default_company_path () under the user data dir. */
#define DEFAULT_COMPANY_FILE     "kassa/company.kassa"

/* Registers and activates a new application; *window is its main window,
 * once mapped. */
KassaApplication *start_application (KassaWindow      **window);
/* Quits app, destroys the windows left (editors have no application)
 * and drops app. */
void       stop_application     (KassaApplication *app);
/* (nullable) (transfer none): app's main window. */
KassaWindow *main_window        (KassaApplication *app);
/* Destroys every toplevel, one at a time: destroying a window destroys
 * its dialogs too, and the list holds no references. */
void       destroy_all_windows  (void);

/* One iteration that returns within 10 ms even when nothing happens;
 * FALSE once the deadline (monotonic µs) has passed. */
gboolean   iterate_until        (gint64         deadline);
/* Runs the main loop for ms milliseconds. */
void       settle               (guint          ms);

/* Waits up to TIMEOUT_MS (defined by the test) for condition, then
 * asserts it. */
#define wait_for(condition)                                                     \
  G_STMT_START {                                                                \
    gint64 deadline_ = g_get_monotonic_time () + (gint64) TIMEOUT_MS * 1000;    \
    while (!(condition) && iterate_until (deadline_))                           \
      ;                                                                         \
    g_assert_true (condition);                                                  \
  } G_STMT_END

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

/* Depth first from root (included); NULL when nothing matches. */
GtkWidget *search_widget        (GtkWidget     *root,
                                 Match          match,
                                 gconstpointer  data);
/* search_widget () that asserts a match. */
GtkWidget *require_widget       (GtkWidget     *root,
                                 Match          match,
                                 gconstpointer  data);
/* The widget called name below root; aborts with its name if none is. */
GtkWidget *require_named        (GtkWidget     *root,
                                 const char    *name);
/* Matches: data is a GType (GSIZE_TO_POINTER), a widget name, a label's
 * text, an action name. */
gboolean   is_of_type           (GtkWidget     *widget,
                                 gconstpointer  data);
gboolean   has_name             (GtkWidget     *widget,
                                 gconstpointer  data);
gboolean   is_label_with_text   (GtkWidget     *widget,
                                 gconstpointer  data);
gboolean   is_button_for_action (GtkWidget     *widget,
                                 gconstpointer  data);
gboolean   is_button_with_label (GtkWidget     *widget,
                                 gconstpointer  data);
gboolean   is_button_with_tooltip (GtkWidget   *widget,
                                 gconstpointer  data);
/* Clicks button after asserting that a user could: visible and
 * sensitive. */
void       press                (gpointer       button);
/* The first visible toplevel window of type, or NULL. */
gpointer   visible_toplevel     (GType          type);
/* How many visible toplevel windows of type there are. */
guint      n_visible_toplevels  (GType          type);

G_END_DECLS
