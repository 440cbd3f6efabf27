/* kassa-invoice-line-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-invoices"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-invoice-line-row.h"
#include "kassa-money.h"

/* The store refuses longer descriptions; say so while typing. */
#define DESCRIPTION_MAX_CHARS 1000

struct _KassaInvoiceLineRow
{
  GtkListBoxRow     parent_instance;

  char              currency[4];
  KassaLocale       locale;
  GArray           *rates;         /* gint basis points, parallel to vat_model */
  GtkStringList    *vat_model;
  KassaInvoiceLine *line;          /* NULL while invalid */
  char             *error;
  guint             loading;
  gboolean          show_errors;   /* FALSE until the user touched the row */

  GtkEntry         *description_entry;
  GtkEntry         *quantity_entry;
  GtkEntry         *unit_price_entry;
  GtkEntry         *unit_cost_entry;
  GtkEntry         *discount_entry;
  GtkDropDown      *vat_dropdown;
  GtkLabel         *net_label;
  GtkButton        *remove_button;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (KassaInvoiceLineRow, kassa_invoice_line_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static void
set_entry_error (KassaInvoiceLineRow *self,
                 GtkEntry            *entry,
                 gboolean             error)
{
  if (error && self->show_errors)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

/* Records the first problem of the row; later fields still get their
 * error style so that every wrong field is marked. */
static void
note_error (KassaInvoiceLineRow *self,
            GtkEntry            *entry,
            const char          *field_name,
            const char          *message)
{
  set_entry_error (self, entry, TRUE);
  if (self->error == NULL)
    /* Translators: a line field error: "Quantity: Enter a number such as 1,5" */
    self->error = g_strdup_printf (_("%s: %s"), field_name, message);
}

static void
parse_quantity (KassaInvoiceLineRow *self,
                KassaInvoiceLine    *line)
{
  g_autoptr(GError) error = NULL;

  if (!kassa_quantity_parse (entry_text (self->quantity_entry), self->locale,
                             &line->quantity, &error))
    note_error (self, self->quantity_entry, _("Quantity"), error->message);
  else if (line->quantity == 0)
    note_error (self, self->quantity_entry, _("Quantity"), _("The quantity cannot be zero"));
}

static void
parse_unit_price (KassaInvoiceLineRow *self,
                  KassaInvoiceLine    *line)
{
  g_autoptr(GError) error = NULL;

  if (!kassa_money_parse (entry_text (self->unit_price_entry), self->currency, self->locale,
                          &line->unit_price, &error))
    note_error (self, self->unit_price_entry, _("Unit Price"), error->message);
}

static void
parse_unit_cost (KassaInvoiceLineRow *self,
                 KassaInvoiceLine    *line)
{
  g_autoptr(GError) error = NULL;

  line->unit_cost = 0;
  if (is_blank (entry_text (self->unit_cost_entry)))
    return;

  if (!kassa_money_parse (entry_text (self->unit_cost_entry), self->currency, self->locale,
                          &line->unit_cost, &error))
    note_error (self, self->unit_cost_entry, _("Unit Cost"), error->message);
}

static void
parse_discount (KassaInvoiceLineRow *self,
                KassaInvoiceLine    *line)
{
  g_autoptr(GError) error = NULL;

  line->discount = 0;
  if (is_blank (entry_text (self->discount_entry)))
    return;

  if (!kassa_percent_parse (entry_text (self->discount_entry), self->locale,
                            &line->discount, &error))
    note_error (self, self->discount_entry, _("Discount"), error->message);
  else if (line->discount < 0 || line->discount > 10000)
    {
      g_autofree char *low = kassa_percent_format (0, self->locale);
      g_autofree char *high = kassa_percent_format (10000, self->locale);
      /* Translators: the limits are formatted percentages, e.g. "0 %" and "100 %" */
      g_autofree char *message = g_strdup_printf (_("Enter a discount between %s and %s"), low, high);

      note_error (self, self->discount_entry, _("Discount"), message);
    }
}

static void
check_description (KassaInvoiceLineRow *self,
                   KassaInvoiceLine    *line)
{
  const char *text = entry_text (self->description_entry);

  g_free (line->description);
  line->description = g_strstrip (g_strdup (text));
  if (g_utf8_strlen (line->description, -1) > DESCRIPTION_MAX_CHARS)
    note_error (self, self->description_entry, _("Description"),
                _("Shorten the description to at most 1000 characters"));
}

static void
update_net_label (KassaInvoiceLineRow *self)
{
  g_autofree char *text = NULL;

  if (self->line == NULL)
    {
      gtk_label_set_text (self->net_label, "—");
      return;
    }

  text = kassa_money_format (kassa_invoice_line_get_net (self->line), self->currency, self->locale);
  gtk_label_set_text (self->net_label, text);
}

static void
validate (KassaInvoiceLineRow *self)
{
  g_autoptr(KassaInvoiceLine) line = kassa_invoice_line_new ();
  GtkEntry *entries[] = {
    self->description_entry, self->quantity_entry, self->unit_price_entry,
    self->unit_cost_entry, self->discount_entry,
  };

  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->line, kassa_invoice_line_free);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    set_entry_error (self, entries[i], FALSE);

  check_description (self, line);
  parse_quantity (self, line);
  parse_unit_price (self, line);
  parse_unit_cost (self, line);
  parse_discount (self, line);
  line->vat_rate = kassa_invoice_line_row_get_vat_rate (self);

  if (self->error == NULL)
    self->line = g_steal_pointer (&line);

  /* A fresh empty line is not shouted at: its problems count for the
   * editor's validity but are shown once the user starts on it. */
  gtk_label_set_text (self->error_label, self->error != NULL ? self->error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error != NULL && self->show_errors);
  update_net_label (self);
}

static void
on_field_changed (KassaInvoiceLineRow *self)
{
  if (self->loading > 0)
    return;

  self->show_errors = TRUE;
  validate (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_remove_clicked (KassaInvoiceLineRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
add_rate (KassaInvoiceLineRow *self,
          gint                 rate)
{
  g_autofree char *text = kassa_percent_format (rate, self->locale);

  g_array_append_val (self->rates, rate);
  gtk_string_list_append (self->vat_model, text);
}

static void
kassa_invoice_line_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KASSA_TYPE_INVOICE_LINE_ROW);

  G_OBJECT_CLASS (kassa_invoice_line_row_parent_class)->dispose (object);
}

static void
kassa_invoice_line_row_finalize (GObject *object)
{
  KassaInvoiceLineRow *self = KASSA_INVOICE_LINE_ROW (object);

  g_clear_pointer (&self->rates, g_array_unref);
  g_clear_object (&self->vat_model);
  g_clear_pointer (&self->line, kassa_invoice_line_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (kassa_invoice_line_row_parent_class)->finalize (object);
}

static void
kassa_invoice_line_row_class_init (KassaInvoiceLineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_invoice_line_row_dispose;
  object_class->finalize = kassa_invoice_line_row_finalize;

  /* Emitted after any field changed and the row was validated again. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The user asked to remove the line (the remove button). */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kassa/Kassa/invoices/kassa-invoice-line-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceLineRow, description_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceLineRow, quantity_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceLineRow, unit_price_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceLineRow, unit_cost_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceLineRow, discount_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceLineRow, vat_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceLineRow, net_label);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceLineRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, KassaInvoiceLineRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
}

static void
kassa_invoice_line_row_init (KassaInvoiceLineRow *self)
{
  self->loading = 1;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->locale = kassa_locale_current ();
  self->rates = g_array_new (FALSE, FALSE, sizeof (gint));
  self->vat_model = gtk_string_list_new (NULL);
  g_signal_connect_object (self->remove_button, "clicked",
                           G_CALLBACK (on_remove_clicked), self, G_CONNECT_SWAPPED);
}

KassaInvoiceLineRow *
kassa_invoice_line_row_new (const char *currency,
                            const gint *rates)
{
  KassaInvoiceLineRow *self;
  g_autofree char *one = NULL;

  g_return_val_if_fail (currency != NULL, NULL);
  g_return_val_if_fail (rates != NULL, NULL);

  self = g_object_new (KASSA_TYPE_INVOICE_LINE_ROW, NULL);
  g_strlcpy (self->currency, currency, sizeof self->currency);

  for (const gint *rate = rates; *rate >= 0; rate++)
    add_rate (self, *rate);
  gtk_drop_down_set_model (self->vat_dropdown, G_LIST_MODEL (self->vat_model));
  gtk_drop_down_set_selected (self->vat_dropdown, 0);

  one = kassa_quantity_format (1000, self->locale);
  gtk_editable_set_text (GTK_EDITABLE (self->quantity_entry), one);

  self->loading = 0;
  validate (self);

  return self;
}

void
kassa_invoice_line_row_set_line (KassaInvoiceLineRow    *self,
                                 const KassaInvoiceLine *line)
{
  g_autofree char *quantity = NULL;
  g_autofree char *price = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *discount = NULL;

  g_return_if_fail (KASSA_IS_INVOICE_LINE_ROW (self));
  g_return_if_fail (line != NULL);

  quantity = kassa_quantity_format (line->quantity, self->locale);
  price = kassa_money_format_plain (line->unit_price, self->currency, self->locale);
  cost = line->unit_cost != 0
    ? kassa_money_format_plain (line->unit_cost, self->currency, self->locale) : g_strdup ("");
  discount = line->discount != 0 ? kassa_percent_format (line->discount, self->locale) : g_strdup ("");

  self->loading++;
  gtk_editable_set_text (GTK_EDITABLE (self->description_entry),
                         line->description != NULL ? line->description : "");
  gtk_editable_set_text (GTK_EDITABLE (self->quantity_entry), quantity);
  gtk_editable_set_text (GTK_EDITABLE (self->unit_price_entry), price);
  gtk_editable_set_text (GTK_EDITABLE (self->unit_cost_entry), cost);
  gtk_editable_set_text (GTK_EDITABLE (self->discount_entry), discount);
  kassa_invoice_line_row_set_vat_rate (self, line->vat_rate);
  self->loading--;

  self->show_errors = TRUE;
  validate (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

KassaInvoiceLine *
kassa_invoice_line_row_get_line (KassaInvoiceLineRow *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_LINE_ROW (self), NULL);

  return self->line != NULL ? kassa_invoice_line_copy (self->line) : NULL;
}

const char *
kassa_invoice_line_row_get_error (KassaInvoiceLineRow *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_LINE_ROW (self), NULL);

  return self->error;
}

void
kassa_invoice_line_row_focus (KassaInvoiceLineRow *self)
{
  g_return_if_fail (KASSA_IS_INVOICE_LINE_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->description_entry));
}

GtkWidget *
kassa_invoice_line_row_get_field (KassaInvoiceLineRow *self,
                                  KassaLineField       field)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_LINE_ROW (self), NULL);

  switch (field)
    {
    case KASSA_LINE_FIELD_DESCRIPTION: return GTK_WIDGET (self->description_entry);
    case KASSA_LINE_FIELD_QUANTITY: return GTK_WIDGET (self->quantity_entry);
    case KASSA_LINE_FIELD_UNIT_PRICE: return GTK_WIDGET (self->unit_price_entry);
    case KASSA_LINE_FIELD_UNIT_COST: return GTK_WIDGET (self->unit_cost_entry);
    case KASSA_LINE_FIELD_DISCOUNT: return GTK_WIDGET (self->discount_entry);
    case KASSA_LINE_FIELD_VAT: return GTK_WIDGET (self->vat_dropdown);
    case KASSA_LINE_FIELD_NET: return GTK_WIDGET (self->net_label);
    case KASSA_LINE_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
kassa_invoice_line_row_show_errors (KassaInvoiceLineRow *self)
{
  g_return_if_fail (KASSA_IS_INVOICE_LINE_ROW (self));

  self->show_errors = TRUE;
  validate (self);
}

GtkButton *
kassa_invoice_line_row_get_remove_button (KassaInvoiceLineRow *self)
{
  g_return_val_if_fail (KASSA_IS_INVOICE_LINE_ROW (self), NULL);

  return self->remove_button;
}

void
kassa_invoice_line_row_set_vat_rate (KassaInvoiceLineRow *self,
                                     gint                 rate)
{
  guint i;

  g_return_if_fail (KASSA_IS_INVOICE_LINE_ROW (self));

  for (i = 0; i < self->rates->len; i++)
    if (g_array_index (self->rates, gint, i) == rate)
      break;

  /* A stored line may use a rate no longer offered (a rate change): keep
   * it as an extra choice rather than silently changing the line. */
  if (i == self->rates->len)
    add_rate (self, rate);

  gtk_drop_down_set_selected (self->vat_dropdown, i);
}

gint
kassa_invoice_line_row_get_vat_rate (KassaInvoiceLineRow *self)
{
  guint selected;

  g_return_val_if_fail (KASSA_IS_INVOICE_LINE_ROW (self), 0);

  selected = gtk_drop_down_get_selected (self->vat_dropdown);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->rates->len)
    return 0;

  return g_array_index (self->rates, gint, selected);
}
