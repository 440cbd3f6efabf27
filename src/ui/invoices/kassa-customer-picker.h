/* kassa-customer-picker.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A button showing the chosen customer; it opens a popover with a search
 * entry over the lazy KassaCustomerList (search runs in SQL, so ten
 * thousand customers are never loaded).  Type to narrow, Up/Down to move,
 * Enter to pick, Escape to close.
 */
#pragma once

#include <gtk/gtk.h>

#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_CUSTOMER_PICKER (kassa_customer_picker_get_type ())

G_DECLARE_FINAL_TYPE (KassaCustomerPicker, kassa_customer_picker, KASSA, CUSTOMER_PICKER, GtkWidget)

GtkWidget                 *kassa_customer_picker_new              (void);
void                       kassa_customer_picker_set_store        (KassaCustomerPicker *self,
                                                                   KassaStore          *store);
gint64                     kassa_customer_picker_get_customer_id  (KassaCustomerPicker *self);
/* Loads the customer from the store; 0 clears the choice. */
void                       kassa_customer_picker_set_customer_id  (KassaCustomerPicker *self,
                                                                   gint64               customer_id);
/* (nullable): the chosen customer as loaded when it was picked. */
const KassaCustomerRecord *kassa_customer_picker_get_customer     (KassaCustomerPicker *self);
void                       kassa_customer_picker_popup            (KassaCustomerPicker *self);
/* Marks the picker as invalid (error style). */
void                       kassa_customer_picker_set_error        (KassaCustomerPicker *self,
                                                                   gboolean             error);

/* For tests: the popover's search entry (typing narrows the list; its
 * "activate" picks the selected row) and the number of rows shown. */
GtkEditable               *kassa_customer_picker_get_search_entry (KassaCustomerPicker *self);
guint                      kassa_customer_picker_get_n_matches    (KassaCustomerPicker *self);

G_END_DECLS
