/* kassa-scheduled-item-editor.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-cashflow"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-clock.h"
#include "kassa-date.h"
#include "kassa-form.h"
#include "kassa-money.h"
#include "kassa-scheduled-item-editor.h"

/* Direction combo positions. */
enum
{
  DIRECTION_OUT,
  DIRECTION_IN,
};

struct _KassaScheduledItemEditor
{
  AdwWindow           parent_instance;

  KassaStore         *store;
  KassaScheduledItem *item;      /* the values being edited */
  char                currency[4];
  KassaLocale         locale;
  KassaDay            today;
  char               *problem;

  AdwWindowTitle     *window_title;
  AdwEntryRow        *name_row;
  AdwComboRow        *category_row;
  AdwComboRow        *direction_row;
  AdwActionRow       *amount_row;
  GtkEntry           *amount_entry;
  AdwActionRow       *start_row;
  GtkEntry           *start_entry;
  AdwComboRow        *recurrence_row;
  AdwActionRow       *end_row;
  GtkEntry           *end_entry;
  AdwEntryRow        *notes_row;
  GtkLabel           *error_label;
};

G_DEFINE_FINAL_TYPE (KassaScheduledItemEditor, kassa_scheduled_item_editor, ADW_TYPE_WINDOW)

static char *
check_name (KassaScheduledItemEditor *self)
{
  g_autofree char *name = kassa_form_get_text (GTK_EDITABLE (self->name_row));
  char *message = name[0] == '\0' ? g_strdup (_("Enter a name, e.g. “Office rent”")) : NULL;

  kassa_form_set_row_error (ADW_PREFERENCES_ROW (self->name_row), message);
  return message;
}

static char *
check_amount (KassaScheduledItemEditor *self)
{
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  if (!kassa_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_entry)),
                          self->currency, self->locale, &self->item->amount, &error))
    message = g_strdup (error->message);
  else if (self->item->amount <= 0)
    message = g_strdup (_("Enter an amount above zero: the direction says whether it comes in "
                          "or goes out"));

  kassa_form_set_row_message (self->amount_row, GTK_WIDGET (self->amount_entry), message, NULL);
  return message;
}

/* An empty optional date is 0 ("no end"). */
static char *
check_day (KassaScheduledItemEditor *self,
           AdwActionRow             *row,
           GtkEntry                 *entry,
           gboolean                  optional,
           KassaDay                 *day)
{
  g_autofree char *text = kassa_form_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *example = kassa_day_format (self->today, self->locale);
  /* Translators: %s is today's date in the expected form */
  g_autofree char *hint = g_strdup_printf (_("Format: %s"), example);
  char *message = NULL;

  *day = 0;
  if (optional && text[0] == '\0')
    {
      kassa_form_set_row_message (row, GTK_WIDGET (entry), NULL, _("Empty: repeats with no end"));
      return NULL;
    }

  if (!kassa_day_parse (text, self->locale, self->today, day, &error))
    {
      *day = 0;
      message = g_strdup (error->message);
    }

  kassa_form_set_row_message (row, GTK_WIDGET (entry), message, hint);
  return message;
}

static char *
check_end (KassaScheduledItemEditor *self)
{
  char *message = check_day (self, self->end_row, self->end_entry, TRUE, &self->item->end_date);

  if (message == NULL && self->item->end_date != 0 && self->item->start_date != 0 &&
      self->item->end_date < self->item->start_date)
    {
      message = g_strdup (_("The last date is before the first date: change one of them"));
      kassa_form_set_row_message (self->end_row, GTK_WIDGET (self->end_entry), message, NULL);
    }
  return message;
}

static void
validate (KassaScheduledItemEditor *self)
{
  char *errors[4];

  errors[0] = check_name (self);
  errors[1] = check_amount (self);
  errors[2] = check_day (self, self->start_row, self->start_entry, FALSE, &self->item->start_date);
  errors[3] = check_end (self);

  g_clear_pointer (&self->problem, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      if (self->problem == NULL && errors[i] != NULL)
        self->problem = g_steal_pointer (&errors[i]);
      g_free (errors[i]);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.save", self->problem == NULL);
}

static void
show_error (KassaScheduledItemEditor *self,
            const char               *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_field_changed (KassaScheduledItemEditor *self)
{
  if (self->item == NULL)
    return;  /* still building the template */
  show_error (self, NULL);
  validate (self);
}

/* A category names the usual direction: suggest it, the user may differ. */
static void
on_category_changed (KassaScheduledItemEditor *self)
{
  guint category = adw_combo_row_get_selected (self->category_row);

  adw_combo_row_set_selected (self->direction_row,
                              category == KASSA_CATEGORY_OTHER_IN ? DIRECTION_IN : DIRECTION_OUT);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kassa_scheduled_item_editor_save (KASSA_SCHEDULED_ITEM_EDITOR (widget));
}

static GListModel *
category_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < KASSA_N_CATEGORIES; i++)
    gtk_string_list_append (list, kassa_cash_category_to_string (i));
  return G_LIST_MODEL (list);
}

static GListModel *
recurrence_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = KASSA_SCHEDULE_ONCE; i <= KASSA_SCHEDULE_YEARLY; i++)
    gtk_string_list_append (list, kassa_recurrence_to_string (i));
  return G_LIST_MODEL (list);
}

static void
kassa_scheduled_item_editor_dispose (GObject *object)
{
  KassaScheduledItemEditor *self = KASSA_SCHEDULED_ITEM_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KASSA_TYPE_SCHEDULED_ITEM_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_scheduled_item_editor_parent_class)->dispose (object);
}

static void
kassa_scheduled_item_editor_finalize (GObject *object)
{
  KassaScheduledItemEditor *self = KASSA_SCHEDULED_ITEM_EDITOR (object);

  g_clear_pointer (&self->item, kassa_scheduled_item_free);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (kassa_scheduled_item_editor_parent_class)->finalize (object);
}

static void
kassa_scheduled_item_editor_class_init (KassaScheduledItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kassa_scheduled_item_editor_dispose;
  object_class->finalize = kassa_scheduled_item_editor_finalize;

  gtk_widget_class_install_action (widget_class, "item.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "item.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "item.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kassa/Kassa/ui/kassa-scheduled-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KassaScheduledItemEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KassaScheduledItemEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KassaScheduledItemEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, KassaScheduledItemEditor, direction_row);
  gtk_widget_class_bind_template_child (widget_class, KassaScheduledItemEditor, amount_row);
  gtk_widget_class_bind_template_child (widget_class, KassaScheduledItemEditor, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaScheduledItemEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, KassaScheduledItemEditor, start_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaScheduledItemEditor, recurrence_row);
  gtk_widget_class_bind_template_child (widget_class, KassaScheduledItemEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, KassaScheduledItemEditor, end_entry);
  gtk_widget_class_bind_template_child (widget_class, KassaScheduledItemEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, KassaScheduledItemEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_category_changed);
}

static void
kassa_scheduled_item_editor_init (KassaScheduledItemEditor *self)
{
  g_autoptr(GListModel) categories = category_model ();
  g_autoptr(GListModel) recurrences = recurrence_model ();
  g_autoptr(GtkStringList) directions = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->locale = kassa_locale_current ();
  self->today = kassa_clock_today ();
  gtk_string_list_append (directions, C_("cash direction", "Outflow (money out)"));
  gtk_string_list_append (directions, C_("cash direction", "Inflow (money in)"));
  adw_combo_row_set_model (self->direction_row, G_LIST_MODEL (directions));
  adw_combo_row_set_model (self->category_row, categories);
  adw_combo_row_set_model (self->recurrence_row, recurrences);
}

static void
fill_fields (KassaScheduledItemEditor *self)
{
  const KassaScheduledItem *item = self->item;
  g_autofree char *start = kassa_day_format (item->start_date, self->locale);
  g_autofree char *end = item->end_date != 0 ? kassa_day_format (item->end_date, self->locale)
                                             : g_strdup ("");
  g_autofree char *amount = item->amount > 0
                            ? kassa_money_format_plain (item->amount, self->currency, self->locale)
                            : g_strdup ("");
  gboolean inflow = item->inflow;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), item->name);
  adw_combo_row_set_selected (self->category_row, item->category);
  /* After the category, which suggests a direction of its own. */
  adw_combo_row_set_selected (self->direction_row, inflow ? DIRECTION_IN : DIRECTION_OUT);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), amount);
  gtk_editable_set_text (GTK_EDITABLE (self->start_entry), start);
  adw_combo_row_set_selected (self->recurrence_row, item->recurrence);
  gtk_editable_set_text (GTK_EDITABLE (self->end_entry), end);
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), item->notes);
}

/**
 * kassa_scheduled_item_editor_new:
 * Returns: (transfer none): the editor, owned by GTK's toplevel list.
 */
KassaScheduledItemEditor *
kassa_scheduled_item_editor_new (GtkWindow                *parent,
                                 KassaStore               *store,
                                 const KassaScheduledItem *item)
{
  g_autoptr(KassaCompany) company = NULL;
  KassaScheduledItemEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_SCHEDULED_ITEM_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  company = kassa_store_get_company (store);
  g_strlcpy (self->currency, company != NULL ? company->currency : "EUR", sizeof self->currency);

  if (item != NULL)
    {
      self->item = kassa_scheduled_item_copy (item);
      adw_window_title_set_title (self->window_title, _("Edit Scheduled Item"));
    }
  else
    {
      self->item = kassa_scheduled_item_new ();
      self->item->start_date = self->today;
      self->item->category = KASSA_CATEGORY_RENT;
      self->item->recurrence = KASSA_SCHEDULE_MONTHLY;
    }
  fill_fields (self);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

void
kassa_scheduled_item_editor_save (KassaScheduledItemEditor *self)
{
  KassaScheduledItem *item;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KASSA_IS_SCHEDULED_ITEM_EDITOR (self));

  validate (self);
  if (self->problem != NULL)
    {
      show_error (self, self->problem);
      return;
    }

  item = self->item;
  g_free (item->name);
  item->name = kassa_form_get_text (GTK_EDITABLE (self->name_row));
  item->category = MIN (adw_combo_row_get_selected (self->category_row), KASSA_N_CATEGORIES - 1);
  item->inflow = adw_combo_row_get_selected (self->direction_row) == DIRECTION_IN;
  item->recurrence = MIN (adw_combo_row_get_selected (self->recurrence_row), KASSA_SCHEDULE_YEARLY);
  g_free (item->notes);
  item->notes = kassa_form_get_text (GTK_EDITABLE (self->notes_row));

  if (!kassa_store_save_scheduled_item (self->store, item, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

const char *
kassa_scheduled_item_editor_get_problem (KassaScheduledItemEditor *self)
{
  g_return_val_if_fail (KASSA_IS_SCHEDULED_ITEM_EDITOR (self), NULL);

  return self->problem;
}
