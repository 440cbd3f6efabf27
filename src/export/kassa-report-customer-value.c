/* kassa-report-customer-value.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each customer is worth over the report period: the figures of the
 * Customers "Value" view (kassa_value_report_compute with the company's ABC
 * settings, the period being the report's), the ABC classes and RFM
 * segments, retention per year with the lifetime value, and the campaigns
 * by channel.  Retention covers the five calendar years up to the period
 * end; the lifetime value and the payment behaviour are as of the report's
 * "today", like on the page.
 *
 * libxlsxwriter 1.1.4 has no combined charts and no secondary axis, so the
 * Segments sheet has no Pareto chart (bars with a cumulative line): the
 * cumulative share is in the Customers sheet's order and the app draws the
 * chart.
 */
#define G_LOG_DOMAIN "kassa-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kassa-customer-retention.h"
#include "kassa-customer-value.h"
#include "kassa-date.h"
#include "kassa-money.h"
#include "kassa-report-private.h"
#include "kassa-vat.h"

#define RETENTION_YEARS 5

enum
{
  CUST_NUMBER, CUST_NAME, CUST_REVENUE, CUST_COST, CUST_MARGIN, CUST_MARGIN_PERCENT,
  CUST_INVOICES, CUST_AVERAGE, CUST_DAYS_SINCE, CUST_ABC, CUST_R, CUST_F, CUST_M, CUST_SEGMENT,
  CUST_LIFECYCLE, CUST_KEY_ACCOUNT, CUST_CONSENT, CUST_EINVOICE, CUST_RISK, CUST_DAYS_LATE,
  CUST_NPS, N_CUST_COLUMNS
};

static const KassaReportColumn customer_columns[N_CUST_COLUMNS] = {
  { NC_("report", "Customer no."), 12, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Customer"), 32, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Revenue"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Cost"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Gross margin"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Margin %"), 10, KASSA_REPORT_CELL_PERCENT },
  { NC_("report", "Invoices"), 10, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Average invoice"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Days since last invoice"), 12, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "ABC class"), 8, KASSA_REPORT_CELL_TEXT },
  /* Translators: R, F and M are the recency, frequency and monetary scores of RFM. */
  { NC_("report", "R"), 6, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "F"), 6, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "M"), 6, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Segment"), 18, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Lifecycle"), 14, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Key account"), 10, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Marketing consent"), 14, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "E-invoice %"), 10, KASSA_REPORT_CELL_PERCENT },
  { NC_("report", "Risk class"), 8, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Average days late"), 10, KASSA_REPORT_CELL_DECIMAL },
  { NC_("report", "NPS"), 6, KASSA_REPORT_CELL_INTEGER },
};

/* Labels in the report's language (the *_to_string functions of the
 * analytics are in the UI language). */
static const char *const segment_labels[KASSA_N_RFM_SEGMENTS + 1] = {
  [KASSA_SEGMENT_CHAMPIONS] = NC_("report", "Champions"),
  [KASSA_SEGMENT_LOYAL] = NC_("report", "Loyal"),
  [KASSA_SEGMENT_PROMISING] = NC_("report", "Promising"),
  [KASSA_SEGMENT_NEEDS_ATTENTION] = NC_("report", "Needs attention"),
  [KASSA_SEGMENT_AT_RISK] = NC_("report", "At risk"),
  [KASSA_SEGMENT_HIBERNATING] = NC_("report", "Hibernating"),
  [KASSA_SEGMENT_LOST] = NC_("report", "Lost"),
  [KASSA_SEGMENT_NONE] = NC_("report", "No purchases"),
};

static const char *const lifecycle_labels[] = {
  [KASSA_LIFECYCLE_PROSPECT] = NC_("report", "Prospect"),
  [KASSA_LIFECYCLE_NEW] = NC_("report", "New"),
  [KASSA_LIFECYCLE_ACTIVE] = NC_("report", "Active"),
  [KASSA_LIFECYCLE_KEY_ACCOUNT] = NC_("report", "Key account"),
  [KASSA_LIFECYCLE_DORMANT] = NC_("report", "Dormant"),
  /* Translators: a customer's lifecycle stage (no invoice for over a year). */
  [KASSA_LIFECYCLE_LOST] = NC_("report", "Lost"),
};

static const char *const consent_labels[] = {
  [KASSA_CONSENT_NOT_ASKED] = NC_("report", "Not asked"),
  [KASSA_CONSENT_GIVEN] = NC_("report", "Given"),
  [KASSA_CONSENT_REFUSED] = NC_("report", "Refused"),
};

static const char *const channel_labels[KASSA_N_CAMPAIGN_CHANNELS] = {
  [KASSA_CAMPAIGN_EMAIL] = NC_("report", "Email"),
  [KASSA_CAMPAIGN_SOCIAL] = NC_("report", "Social media"),
  [KASSA_CAMPAIGN_SEARCH_ADS] = NC_("report", "Search ads"),
  [KASSA_CAMPAIGN_EVENTS] = NC_("report", "Events"),
  [KASSA_CAMPAIGN_PRINT] = NC_("report", "Print"),
  [KASSA_CAMPAIGN_OTHER] = NC_("report", "Other"),
};

static const char *
abc_text (KassaAbcClass abc)
{
  static const char *const letters[] = { "", "A", "B", "C" };

  return (guint) abc < G_N_ELEMENTS (letters) ? letters[abc] : "";
}

static const char *
risk_text (KassaRiskClass risk)
{
  static const char *const letters[] = { "A", "B", "C", "D" };

  return (guint) risk < G_N_ELEMENTS (letters) ? letters[risk] : "";
}

static const char *
label_of (KassaReportWriter  *writer,
          const char *const  *labels,
          guint               n_labels,
          guint               index)
{
  return index < n_labels && labels[index] != NULL ? kassa_report_label (writer, labels[index])
                                                   : "";
}

/* part ÷ total in basis points, half away from zero; FALSE when the total
 * is not positive (a share of nothing is left empty). */
static gboolean
share_bp (gint64  part,
          gint64  total,
          gint   *bp)
{
  if (total <= 0)
    return FALSE;
  *bp = (gint) kassa_round_div (part * 10000, total);
  return TRUE;
}

/* Customers */

static void
write_customer_scores (KassaReportSheet         *sheet,
                       const KassaCustomerValue *value)
{
  const guint8 scores[] = { value->recency, value->frequency, value->monetary };

  kassa_report_cell_text (sheet, CUST_ABC, abc_text (value->abc));
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    if (scores[i] > 0)
      kassa_report_cell_integer (sheet, CUST_R + i, scores[i]);
}

static void
write_customer_relationship (KassaReportSheet         *sheet,
                             const KassaCustomerValue *value)
{
  KassaReportWriter *writer = sheet->writer;

  kassa_report_cell_text (sheet, CUST_SEGMENT,
                          label_of (writer, segment_labels, G_N_ELEMENTS (segment_labels),
                                    value->segment));
  kassa_report_cell_text (sheet, CUST_LIFECYCLE,
                          label_of (writer, lifecycle_labels, G_N_ELEMENTS (lifecycle_labels),
                                    value->lifecycle));
  kassa_report_cell_label (sheet, CUST_KEY_ACCOUNT,
                           value->key_account ? NC_("report", "Yes") : NC_("report", "No"));
  kassa_report_cell_text (sheet, CUST_CONSENT,
                          label_of (writer, consent_labels, G_N_ELEMENTS (consent_labels),
                                    value->consent));
}

static void
write_customer_behaviour (KassaReportSheet         *sheet,
                          const KassaCustomerValue *value)
{
  if (value->n_invoices > 0)
    kassa_report_cell_percent (sheet, CUST_EINVOICE, value->einvoice_share_bp);
  kassa_report_cell_text (sheet, CUST_RISK, risk_text (value->risk));
  if (value->average_days_late >= 0)
    kassa_report_cell_decimal (sheet, CUST_DAYS_LATE, value->average_days_late);
  if (value->nps_score >= 0)
    kassa_report_cell_integer (sheet, CUST_NPS, value->nps_score);
}

static void
write_customer_row (KassaReportSheet         *sheet,
                    const KassaCustomerValue *value,
                    gint64                   *sums)
{
  kassa_report_cell_text (sheet, CUST_NUMBER, value->number);
  kassa_report_cell_text (sheet, CUST_NAME, value->name);
  kassa_report_cell_money (sheet, CUST_REVENUE, value->revenue);
  kassa_report_cell_money (sheet, CUST_COST, value->cost);
  kassa_report_cell_money (sheet, CUST_MARGIN, value->margin);
  /* A margin share of no sales means nothing: left empty. */
  if (value->revenue > 0)
    kassa_report_cell_percent (sheet, CUST_MARGIN_PERCENT, value->margin_bp);
  kassa_report_cell_integer (sheet, CUST_INVOICES, value->n_invoices);
  if (value->n_invoices > 0)
    kassa_report_cell_money (sheet, CUST_AVERAGE, value->average_invoice);
  if (value->days_since_last >= 0)
    kassa_report_cell_integer (sheet, CUST_DAYS_SINCE, value->days_since_last);
  write_customer_scores (sheet, value);
  write_customer_relationship (sheet, value);
  write_customer_behaviour (sheet, value);

  sums[CUST_REVENUE] += value->revenue;
  sums[CUST_COST] += value->cost;
  sums[CUST_MARGIN] += value->margin;
  sums[CUST_INVOICES] += value->n_invoices;
}

static void
write_customers (KassaReportWriter *writer,
                 KassaValueReport  *report)
{
  g_autoptr(KassaReportSheet) sheet = NULL;
  gint64 sums[N_CUST_COLUMNS] = { 0 };
  gboolean summed[N_CUST_COLUMNS] = { FALSE };
  guint n = kassa_value_report_get_n_customers (report);

  summed[CUST_REVENUE] = summed[CUST_COST] = summed[CUST_MARGIN] = summed[CUST_INVOICES] = TRUE;
  /* One row per customer: far under Excel's row limit, one sheet. */
  sheet = kassa_report_sheet_new (writer, NC_("report", "Customers"), customer_columns,
                                  N_CUST_COLUMNS, NULL);
  for (guint i = 0; i < n; i++)
    {
      write_customer_row (sheet, kassa_value_report_get_customer (report, i), sums);
      if (!kassa_report_sheet_end_row (sheet))
        return;
    }
  kassa_report_sheet_totals (sheet, sums, summed);
}

/* Segments */

enum
{
  SEG_GROUP, SEG_CUSTOMERS, SEG_REVENUE, SEG_MARGIN, SEG_CUSTOMER_SHARE, SEG_REVENUE_SHARE,
  SEG_MARGIN_SHARE, N_SEG_COLUMNS
};

static const KassaReportColumn segment_columns[N_SEG_COLUMNS] = {
  { NC_("report", "Group"), 22, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Customers"), 10, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Revenue"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Gross margin"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Share of customers"), 12, KASSA_REPORT_CELL_PERCENT },
  { NC_("report", "Share of revenue"), 12, KASSA_REPORT_CELL_PERCENT },
  { NC_("report", "Share of margin"), 12, KASSA_REPORT_CELL_PERCENT },
};

static const char *const class_labels[] = {
  [KASSA_ABC_A] = NC_("report", "Class A"),
  [KASSA_ABC_B] = NC_("report", "Class B"),
  [KASSA_ABC_C] = NC_("report", "Class C"),
};

typedef struct
{
  guint  customers;
  gint64 revenue;
  gint64 margin;
} Totals;

static void
write_group_row (KassaReportSheet *sheet,
                 const char       *label_msgid,
                 KassaValueGroup   group,
                 const Totals     *totals)
{
  gint bp;

  kassa_report_cell_label (sheet, SEG_GROUP, label_msgid);
  kassa_report_cell_integer (sheet, SEG_CUSTOMERS, group.customers);
  kassa_report_cell_money (sheet, SEG_REVENUE, group.revenue);
  kassa_report_cell_money (sheet, SEG_MARGIN, group.margin);
  if (share_bp (group.customers, totals->customers, &bp))
    kassa_report_cell_percent (sheet, SEG_CUSTOMER_SHARE, bp);
  if (share_bp (group.revenue, totals->revenue, &bp))
    kassa_report_cell_percent (sheet, SEG_REVENUE_SHARE, bp);
  if (share_bp (group.margin, totals->margin, &bp))
    kassa_report_cell_percent (sheet, SEG_MARGIN_SHARE, bp);
  kassa_report_sheet_end_row (sheet);
}

/* ABC classes, then RFM segments: two groupings of the same customers, so
 * no totals row (it would count everyone twice). */
static void
write_segments (KassaReportWriter *writer,
                KassaValueReport  *report)
{
  g_autoptr(KassaReportSheet) sheet = NULL;
  Totals totals = { kassa_value_report_get_n_customers (report), 0, 0 };

  kassa_value_report_get_totals (report, &totals.revenue, &totals.margin);
  sheet = kassa_report_sheet_new (writer, NC_("report", "Segments"), segment_columns,
                                  N_SEG_COLUMNS, NULL);
  for (KassaAbcClass abc = KASSA_ABC_A; abc <= KASSA_ABC_C; abc++)
    write_group_row (sheet, class_labels[abc], kassa_value_report_get_class (report, abc),
                     &totals);
  for (guint segment = 0; segment <= KASSA_SEGMENT_NONE; segment++)
    write_group_row (sheet, segment_labels[segment],
                     kassa_value_report_get_segment (report, segment), &totals);
  kassa_report_sheet_finish (sheet);
}

/* Retention and lifetime value */

enum
{
  RET_YEAR, RET_START, RET_NEW, RET_END, RET_RETENTION, RET_CHURN, N_RET_COLUMNS
};

static const KassaReportColumn retention_columns[N_RET_COLUMNS] = {
  { NC_("report", "Year"), 8, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Customers at start"), 12, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "New customers"), 12, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Customers at end"), 12, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Retention %"), 10, KASSA_REPORT_CELL_PERCENT },
  { NC_("report", "Churn %"), 10, KASSA_REPORT_CELL_PERCENT },
};

/* The lifetime value (see kassa-customer-retention.h for the formula) on a
 * sheet of its own, as figures an accountant can compute with: its churn
 * comes from the last 12 months against the 12 before them, not from the
 * yearly table; without sales in the 12 months before there is no rate,
 * lifetime or value, and a line above the table says why. */
enum
{
  CLV_FIGURE, CLV_VALUE, N_CLV_COLUMNS
};

static const KassaReportColumn lifetime_columns[N_CLV_COLUMNS] = {
  { NC_("report", "Figure"), 48, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Value"), 18, KASSA_REPORT_CELL_DECIMAL },
};

static void
write_lifetime_money (KassaReportSheet *sheet,
                      const char       *label_msgid,
                      gboolean          known,
                      gint64            amount)
{
  kassa_report_cell_label (sheet, CLV_FIGURE, label_msgid);
  if (known)
    kassa_report_cell_money (sheet, CLV_VALUE, amount);
  kassa_report_sheet_end_row (sheet);
}

static void
write_lifetime_count (KassaReportSheet *sheet,
                      const char       *label_msgid,
                      gboolean          known,
                      gint64            count)
{
  kassa_report_cell_label (sheet, CLV_FIGURE, label_msgid);
  if (known)
    kassa_report_cell_integer (sheet, CLV_VALUE, count);
  kassa_report_sheet_end_row (sheet);
}

static void
write_lifetime (KassaReportWriter        *writer,
                const KassaLifetimeValue *clv)
{
  g_autoptr(KassaReportSheet) sheet = NULL;
  const char *lines[3] = { NULL, NULL, NULL };

  if (!clv->available)
    {
      lines[0] = kassa_report_label (writer, NC_("report", "Customer lifetime value"));
      lines[1] = kassa_report_label (writer,
                                     NC_("report", "Not available: no sales in the 12 months "
                                                   "before the last 12 months"));
    }
  sheet = kassa_report_sheet_new (writer, NC_("report", "Lifetime value"), lifetime_columns,
                                  N_CLV_COLUMNS, clv->available ? NULL : lines);

  write_lifetime_money (sheet, NC_("report", "Average yearly margin per customer"), TRUE,
                        clv->average_yearly_margin);
  write_lifetime_count (sheet, NC_("report", "Customers with invoices in the last 12 months"),
                        TRUE, clv->active_customers);
  write_lifetime_count (sheet, NC_("report", "Customers with invoices in the 12 months before"),
                        TRUE, clv->customers_before);
  write_lifetime_count (sheet, NC_("report", "Of them, bought again in the last 12 months"),
                        TRUE, clv->customers_kept);
  kassa_report_cell_label (sheet, CLV_FIGURE, NC_("report", "Retention, last 12 months"));
  if (clv->available)
    kassa_report_cell_percent (sheet, CLV_VALUE, clv->retention_bp);
  kassa_report_sheet_end_row (sheet);
  write_lifetime_count (sheet, NC_("report", "Expected customer lifetime (months)"),
                        clv->available, clv->lifetime_months);
  write_lifetime_money (sheet, NC_("report", "Customer lifetime value"), clv->available,
                        clv->clv);
  kassa_report_sheet_finish (sheet);
}

static void
write_retention_rows (KassaReportSheet *sheet,
                      const GArray     *years)
{
  for (guint i = 0; i < years->len; i++)
    {
      const KassaRetentionYear *year = &g_array_index (years, KassaRetentionYear, i);

      kassa_report_cell_integer (sheet, RET_YEAR, year->year);
      kassa_report_cell_integer (sheet, RET_START, year->customers_start);
      kassa_report_cell_integer (sheet, RET_NEW, year->customers_new);
      kassa_report_cell_integer (sheet, RET_END, year->customers_end);
      if (year->has_rate)
        {
          kassa_report_cell_percent (sheet, RET_RETENTION, year->retention_bp);
          kassa_report_cell_percent (sheet, RET_CHURN, year->churn_bp);
        }
      if (!kassa_report_sheet_end_row (sheet))
        return;
    }
}

static void
write_retention (KassaReportWriter *writer)
{
  g_autoptr(KassaReportSheet) sheet = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) error = NULL;
  KassaLifetimeValue clv = { 0 };
  int last_year;

  kassa_day_to_ymd (writer->spec->to, &last_year, NULL, NULL);
  years = kassa_retention_compute (writer->store, last_year - RETENTION_YEARS + 1, last_year,
                                   &error);
  if (years == NULL ||
      !kassa_lifetime_value_compute (writer->store, writer->spec->today, &clv, &error))
    {
      kassa_report_record_error (writer, error);
      return;
    }

  sheet = kassa_report_sheet_new (writer, NC_("report", "Retention"), retention_columns,
                                  N_RET_COLUMNS, NULL);
  write_retention_rows (sheet, years);
  kassa_report_sheet_finish (sheet);
  g_clear_pointer (&sheet, kassa_report_sheet_free);

  write_lifetime (writer, &clv);
}

/* Campaigns */

enum
{
  CAMP_CHANNEL, CAMP_CAMPAIGNS, CAMP_COST, CAMP_REACHED, CAMP_CONVERTED, CAMP_CONVERSION,
  CAMP_INVOICES, CAMP_REVENUE, CAMP_MARGIN, CAMP_ROI, N_CAMP_COLUMNS
};

static const KassaReportColumn campaign_columns[N_CAMP_COLUMNS] = {
  { NC_("report", "Channel"), 16, KASSA_REPORT_CELL_TEXT },
  { NC_("report", "Campaigns"), 10, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Cost"), 14, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Reached"), 10, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Converted"), 10, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Conversion %"), 10, KASSA_REPORT_CELL_PERCENT },
  { NC_("report", "Invoices"), 10, KASSA_REPORT_CELL_INTEGER },
  { NC_("report", "Revenue"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "Gross margin"), 16, KASSA_REPORT_CELL_MONEY },
  { NC_("report", "ROI %"), 10, KASSA_REPORT_CELL_PERCENT },
};

static void
write_channel_row (KassaReportSheet          *sheet,
                   const KassaCampaignResult *result,
                   gint64                    *sums)
{
  const gint64 counted[N_CAMP_COLUMNS] = {
    [CAMP_CAMPAIGNS] = result->campaigns,
    [CAMP_COST] = result->cost,
    [CAMP_REACHED] = result->reached,
    [CAMP_CONVERTED] = result->converted,
    [CAMP_INVOICES] = result->invoices,
    [CAMP_REVENUE] = result->revenue,
    [CAMP_MARGIN] = result->margin,
  };

  kassa_report_cell_text (sheet, CAMP_CHANNEL,
                          label_of (sheet->writer, channel_labels, G_N_ELEMENTS (channel_labels),
                                    result->channel));
  for (guint column = CAMP_CAMPAIGNS; column < N_CAMP_COLUMNS; column++)
    {
      if (column == CAMP_CONVERSION || column == CAMP_ROI)
        continue;
      if (sheet->columns[column].kind == KASSA_REPORT_CELL_MONEY)
        kassa_report_cell_money (sheet, column, counted[column]);
      else
        kassa_report_cell_integer (sheet, column, counted[column]);
      sums[column] += counted[column];
    }
  if (result->reached > 0)
    kassa_report_cell_percent (sheet, CAMP_CONVERSION, result->conversion_bp);
  if (result->has_roi)
    kassa_report_cell_percent (sheet, CAMP_ROI, result->roi_bp);
}

static void
write_campaigns (KassaReportWriter *writer)
{
  g_autoptr(KassaReportSheet) sheet = NULL;
  g_autoptr(GArray) channels = NULL;
  g_autoptr(GError) error = NULL;
  gint64 sums[N_CAMP_COLUMNS] = { 0 };
  gboolean summed[N_CAMP_COLUMNS] = { FALSE };

  channels = kassa_campaign_results_by_channel (writer->store, &error);
  if (channels == NULL)
    {
      kassa_report_record_error (writer, error);
      return;
    }

  for (guint column = CAMP_CAMPAIGNS; column < N_CAMP_COLUMNS; column++)
    summed[column] = column != CAMP_CONVERSION && column != CAMP_ROI;
  sheet = kassa_report_sheet_new (writer, NC_("report", "Campaigns"), campaign_columns,
                                  N_CAMP_COLUMNS, NULL);
  for (guint i = 0; i < channels->len; i++)
    {
      write_channel_row (sheet, &g_array_index (channels, KassaCampaignResult, i), sums);
      if (!kassa_report_sheet_end_row (sheet))
        return;
    }
  kassa_report_sheet_totals (sheet, sums, summed);
}

gboolean
kassa_report_write_customer_value (KassaReportWriter *writer)
{
  g_autoptr(KassaValueReport) report = NULL;
  g_autoptr(GError) error = NULL;
  KassaValueOptions options;

  /* The company's ABC settings over the report's period. */
  kassa_value_options_load (&options, writer->store, writer->spec->today);
  options.from = writer->spec->from;
  options.to = writer->spec->to;
  report = kassa_value_report_compute (writer->store, &options, writer->spec->today,
                                       writer->cancellable, &error);
  if (report == NULL)
    {
      /* Cancelled while computing: the export says so, not an error. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        writer->cancelled = TRUE;
      else
        kassa_report_record_error (writer, error);
      return FALSE;
    }

  write_customers (writer, report);
  if (!kassa_report_should_stop (writer))
    write_segments (writer, report);
  if (!kassa_report_should_stop (writer))
    write_retention (writer);
  if (!kassa_report_should_stop (writer))
    write_campaigns (writer);
  return !kassa_report_should_stop (writer);
}
