/* kassa-segments-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Customers page's Segments section: the RFM segments with advice, the
 * ABC classes and lifecycle stages with their customers, and campaign
 * target lists (only customers who may be contacted) exported as CSV.
 */
#pragma once

#include <adwaita.h>

#include "kassa-customer-value.h"
#include "kassa-store.h"

G_BEGIN_DECLS

#define KASSA_TYPE_SEGMENTS_VIEW (kassa_segments_view_get_type ())
G_DECLARE_FINAL_TYPE (KassaSegmentsView, kassa_segments_view, KASSA, SEGMENTS_VIEW, GtkWidget)

GtkWidget        *kassa_segments_view_new                (KassaStore        *store);
/* Recomputes in a worker thread (cancelling a computation under way). */
void              kassa_segments_view_reload             (KassaSegmentsView *self);
gboolean          kassa_segments_view_is_busy            (KassaSegmentsView *self);
/* (transfer none) (nullable) */
KassaValueReport *kassa_segments_view_get_report         (KassaSegmentsView *self);
/* Shows the customers of a segment key (kassa_segment_keys ()). */
void              kassa_segments_view_select_segment     (KassaSegmentsView *self,
                                                          const char        *key);
/* (transfer none) the list of KassaValueItem shown for the selected segment. */
GListModel       *kassa_segments_view_get_segment_customers (KassaSegmentsView *self);
/* The target list's segment key and consent switch. */
void              kassa_segments_view_set_target         (KassaSegmentsView *self,
                                                          const char        *key,
                                                          gboolean           only_consented);
/* Customers in the target list; n_excluded (optional) those left out for consent. */
guint             kassa_segments_view_get_target_count   (KassaSegmentsView *self,
                                                          guint             *n_excluded);
/* (transfer none) what the view says about customers left out, "" when none. */
const char       *kassa_segments_view_get_excluded_text  (KassaSegmentsView *self);
/* What "Export CSV…" does with the file the user chose. */
gboolean          kassa_segments_view_export_target_list (KassaSegmentsView *self,
                                                          GFile             *file,
                                                          GError           **error);

G_END_DECLS
