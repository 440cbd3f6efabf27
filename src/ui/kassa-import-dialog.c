/* kassa-import-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kassa-import-dialog.h"
#include "kassa-window.h"

/* More would make the list slow to build and no easier to read. */
#define MAX_PROBLEMS_SHOWN 200
#define PREVIEW_ROWS       10

struct _KassaImportDialog
{
  AdwWindow       parent_instance;

  KassaStore     *store;
  KassaCsvTable   table;
  /* import borrows file: freed first. */
  KassaCsvFile   *file;
  KassaCsvImport *import;
  /* Set while rows are filled in from the file, so that their
   * notify::selected handlers do not write back. */
  gboolean        updating;

  GtkWidget      *import_button;
  AdwActionRow   *file_row;
  GtkWidget      *format_group;
  AdwComboRow    *encoding_row;
  AdwComboRow    *delimiter_row;
  AdwComboRow    *date_row;
  AdwComboRow    *decimal_row;
  GtkWidget      *preview_group;
  GtkScrolledWindow *preview_window;
  AdwPreferencesGroup *mapping_group;
  GPtrArray      *mapping_rows;
  GtkWidget      *problems_group;
  GtkListBox     *problems_list;
  GtkLabel       *status_label;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (KassaImportDialog, kassa_import_dialog, ADW_TYPE_WINDOW)

static const char delimiters[] = { ',', ';', '\t', '|' };

static const char *const delimiter_names[] = {
  N_("Comma"),
  N_("Semicolon"),
  N_("Tab"),
  N_("Vertical bar"),
};

static const char *const decimal_names[] = {
  N_("Dot (1,234.50)"),
  N_("Comma (1 234,50)"),
};

static void refresh (KassaImportDialog *self);

static GtkWidget *
combo_row_new (const char *title)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static void
combo_row_set_items (AdwComboRow *row,
                     GtkStringList *items)
{
  adw_combo_row_set_model (row, G_LIST_MODEL (items));
  g_object_unref (items);
}

static guint
delimiter_index (char delimiter)
{
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    {
      if (delimiters[i] == delimiter)
        return i;
    }
  return 0;
}

static void
set_status (KassaImportDialog *self,
            const char        *text)
{
  gtk_label_set_text (self->status_label, text);
}

static char *
column_name (KassaImportDialog *self,
             guint              column)
{
  if (kassa_csv_file_get_first_data_row (self->file) > 0)
    {
      const char *header = kassa_csv_file_get_field (self->file, 0, column);

      if (header[0] != '\0')
        return g_strdup (header);
    }

  /* Translators: a CSV column without a header; %u is its 1-based number */
  return g_strdup_printf (_("Column %u"), column + 1);
}

static void
clear_problems (KassaImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
}

static void
add_problem_line (KassaImportDialog *self,
                  const char        *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_list_box_append (self->problems_list, label);
}

static void
show_problems (KassaImportDialog *self,
               GPtrArray         *errors)
{
  guint shown = MIN (errors->len, MAX_PROBLEMS_SHOWN);

  clear_problems (self);
  for (guint i = 0; i < shown; i++)
    {
      const KassaCsvRowError *row_error = g_ptr_array_index (errors, i);
      g_autofree char *text = NULL;

      if (row_error->column >= 0)
        {
          g_autofree char *column = column_name (self, (guint) row_error->column);

          /* Translators: a problem in a CSV file; %u is the row number,
           * the first %s the column's name, the second %s the reason */
          text = g_strdup_printf (_("Row %u · %s: %s"), row_error->row, column,
                                  row_error->reason);
        }
      else
        {
          /* Translators: a problem in a CSV file; %u is the row number, %s the reason */
          text = g_strdup_printf (_("Row %u: %s"), row_error->row, row_error->reason);
        }
      add_problem_line (self, text);
    }

  if (errors->len > shown)
    {
      guint more = errors->len - shown;
      /* Translators: after the first 200 problems of a CSV file; %u is how many are not listed */
      g_autofree char *text = g_strdup_printf (ngettext ("and %u more", "and %u more", more), more);

      add_problem_line (self, text);
    }
  gtk_widget_set_visible (self->problems_group, errors->len > 0);
}

static guint
ready_count (KassaImportDialog           *self,
             const KassaCsvImportSummary *summary)
{
  switch (self->table)
    {
    case KASSA_CSV_CUSTOMERS:
      return summary->customers;
    case KASSA_CSV_INVOICES:
      return summary->invoices;
    case KASSA_CSV_PAYMENTS:
    default:
      return summary->payments;
    }
}

static char *
ready_text (KassaImportDialog *self,
            guint              n)
{
  switch (self->table)
    {
    case KASSA_CSV_CUSTOMERS:
      /* Translators: %u is a number of rows checked and ready */
      return g_strdup_printf (ngettext ("%u customer ready to import",
                                        "%u customers ready to import", n), n);
    case KASSA_CSV_INVOICES:
      /* Translators: %u is a number of rows checked and ready */
      return g_strdup_printf (ngettext ("%u invoice ready to import",
                                        "%u invoices ready to import", n), n);
    case KASSA_CSV_PAYMENTS:
    default:
      /* Translators: %u is a number of rows checked and ready */
      return g_strdup_printf (ngettext ("%u payment ready to import",
                                        "%u payments ready to import", n), n);
    }
}

static void
validate (KassaImportDialog *self)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  KassaCsvImportSummary summary = { 0 };
  g_autofree char *text = NULL;
  guint n;

  gtk_widget_set_sensitive (self->import_button, FALSE);
  clear_problems (self);
  gtk_widget_set_visible (self->problems_group, FALSE);
  if (self->import == NULL)
    return;

  errors = kassa_csv_import_validate (self->import, NULL, &error);
  if (errors == NULL)
    {
      set_status (self, error->message);
      return;
    }

  show_problems (self, errors);
  kassa_csv_import_get_ready (self->import, &summary);
  n = ready_count (self, &summary);
  text = ready_text (self, n);
  set_status (self, text);
  gtk_widget_set_sensitive (self->import_button, errors->len == 0 && n > 0);
}

static void
on_mapping_selected (AdwComboRow       *row,
                     GParamSpec        *pspec,
                     KassaImportDialog *self)
{
  KassaCsvField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "field"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->import == NULL)
    return;

  kassa_csv_import_set_mapping (self->import, field,
                                selected == GTK_INVALID_LIST_POSITION || selected == 0
                                ? -1 : (int) selected - 1);
  validate (self);
}

static void
clear_mapping_rows (KassaImportDialog *self)
{
  for (guint i = 0; i < self->mapping_rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, g_ptr_array_index (self->mapping_rows, i));
  g_ptr_array_set_size (self->mapping_rows, 0);
}

static GtkWidget *
create_mapping_row (KassaImportDialog *self,
                    KassaCsvField      field)
{
  g_autofree char *title = NULL;
  GtkStringList *items = gtk_string_list_new (NULL);
  GtkWidget *row;
  int column = kassa_csv_import_get_mapping (self->import, field);

  if (kassa_csv_field_is_required (field))
    /* Translators: a field an import cannot do without; %s is its name, "Name" */
    title = g_strdup_printf (_("%s (required)"), kassa_csv_field_get_label (field));
  else
    title = g_strdup (kassa_csv_field_get_label (field));

  gtk_string_list_append (items, _("Not imported"));
  for (guint i = 0; i < kassa_csv_file_get_n_columns (self->file); i++)
    {
      g_autofree char *name = column_name (self, i);

      gtk_string_list_append (items, name);
    }

  row = combo_row_new (title);
  combo_row_set_items (ADW_COMBO_ROW (row), items);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), column < 0 ? 0 : (guint) column + 1);
  g_object_set_data (G_OBJECT (row), "field", GINT_TO_POINTER (field));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_mapping_selected), self);
  return row;
}

static void
fill_mapping (KassaImportDialog *self)
{
  const KassaCsvField *fields;
  guint n_fields;

  clear_mapping_rows (self);
  fields = kassa_csv_table_get_fields (self->table, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *row = create_mapping_row (self, fields[i]);

      g_ptr_array_add (self->mapping_rows, row);
      adw_preferences_group_add (self->mapping_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), TRUE);
}

static void
fill_preview (KassaImportDialog *self)
{
  GtkWidget *grid = gtk_grid_new ();
  guint n_rows = MIN (kassa_csv_file_get_n_rows (self->file), PREVIEW_ROWS);
  gboolean has_header = kassa_csv_file_get_first_data_row (self->file) > 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);

  for (guint row = 0; row < n_rows; row++)
    {
      for (guint column = 0; column < kassa_csv_file_get_n_columns (self->file); column++)
        {
          GtkWidget *label = gtk_label_new (kassa_csv_file_get_field (self->file, row, column));

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
          if (row == 0 && has_header)
            gtk_widget_add_css_class (label, "heading");
          gtk_grid_attach (GTK_GRID (grid), label, (int) column, (int) row, 1, 1);
        }
    }

  gtk_scrolled_window_set_child (self->preview_window, grid);
  gtk_widget_set_visible (self->preview_group, TRUE);
}

static void
fill_format (KassaImportDialog *self)
{
  KassaCsvFormat format;

  kassa_csv_file_get_format (self->file, &format);
  adw_combo_row_set_selected (self->encoding_row, format.encoding);
  adw_combo_row_set_selected (self->delimiter_row, delimiter_index (format.delimiter));
  adw_combo_row_set_selected (self->date_row, format.date_format);
  adw_combo_row_set_selected (self->decimal_row, format.decimal);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->date_row),
                               format.date_ambiguous
                               ? _("The dates read both ways: check the format")
                               : "");
  gtk_widget_set_visible (self->format_group, TRUE);
}

/* Everything shown depends on the file and its format: fill it all again. */
static void
refresh (KassaImportDialog *self)
{
  self->updating = TRUE;
  fill_format (self);
  fill_preview (self);
  fill_mapping (self);
  self->updating = FALSE;
  validate (self);
}

static void
on_format_selected (AdwComboRow       *row,
                    GParamSpec        *pspec,
                    KassaImportDialog *self)
{
  KassaCsvFormat format;
  g_autoptr(GError) error = NULL;
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);

  if (self->updating || self->file == NULL)
    return;

  kassa_csv_file_get_format (self->file, &format);
  format.encoding = (KassaCsvEncoding) adw_combo_row_get_selected (self->encoding_row);
  if (delimiter < G_N_ELEMENTS (delimiters))
    format.delimiter = delimiters[delimiter];
  format.date_format = (KassaCsvDateFormat) adw_combo_row_get_selected (self->date_row);
  format.decimal = (KassaCsvDecimal) adw_combo_row_get_selected (self->decimal_row);

  if (!kassa_csv_file_set_format (self->file, &format, &error))
    {
      clear_problems (self);
      gtk_widget_set_sensitive (self->import_button, FALSE);
      set_status (self, error->message);
      return;
    }

  /* The columns may have changed with the delimiter. */
  kassa_csv_import_guess_mapping (self->import);
  refresh (self);
}

gboolean
kassa_import_dialog_load_file (KassaImportDialog *self,
                               const char        *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  KassaCsvFile *file;

  g_return_val_if_fail (KASSA_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = kassa_csv_file_load (path, &error);
  if (file == NULL)
    {
      gtk_widget_set_sensitive (self->import_button, FALSE);
      set_status (self, error->message);
      return FALSE;
    }

  g_clear_pointer (&self->import, kassa_csv_import_free);
  g_clear_pointer (&self->file, kassa_csv_file_free);
  self->file = file;
  self->import = kassa_csv_import_new (self->store, self->table, self->file);
  kassa_csv_import_guess_mapping (self->import);

  name = g_filename_display_basename (path);
  adw_action_row_set_subtitle (self->file_row, name);
  refresh (self);
  return TRUE;
}

static void
on_chooser_response (GtkNativeDialog   *chooser,
                     int                response,
                     KassaImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        kassa_import_dialog_load_file (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
on_choose_clicked (KassaImportDialog *self)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static char *
imported_text (KassaImportDialog           *self,
               const KassaCsvImportSummary *summary)
{
  guint n = ready_count (self, summary);

  switch (self->table)
    {
    case KASSA_CSV_CUSTOMERS:
      /* Translators: toast after a CSV import; %u is how many were written */
      return g_strdup_printf (ngettext ("Imported %u customer", "Imported %u customers", n), n);
    case KASSA_CSV_INVOICES:
      /* Translators: toast after a CSV import; %u is how many were written */
      return g_strdup_printf (ngettext ("Imported %u invoice", "Imported %u invoices", n), n);
    case KASSA_CSV_PAYMENTS:
    default:
      /* Translators: toast after a CSV import; %u is how many were written */
      return g_strdup_printf (ngettext ("Imported %u payment", "Imported %u payments", n), n);
    }
}

static void
on_import_clicked (KassaImportDialog *self)
{
  KassaCsvImportSummary summary = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWindow *parent;

  if (self->import == NULL)
    return;

  if (!kassa_csv_import_commit (self->import, NULL, &summary, &error))
    {
      gtk_widget_set_sensitive (self->import_button, FALSE);
      set_status (self, error->message);
      return;
    }

  text = imported_text (self, &summary);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (KASSA_IS_WINDOW (parent))
    kassa_window_add_toast (KASSA_WINDOW (parent), adw_toast_new (text));
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
create_format_group (KassaImportDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkStringList *items;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Detected Format"));

  self->encoding_row = ADW_COMBO_ROW (combo_row_new (_("Encoding")));
  items = gtk_string_list_new (NULL);
  for (guint i = KASSA_CSV_ENCODING_UTF8; i <= KASSA_CSV_ENCODING_WINDOWS_1252; i++)
    gtk_string_list_append (items, kassa_csv_encoding_to_string ((KassaCsvEncoding) i));
  combo_row_set_items (self->encoding_row, items);

  self->delimiter_row = ADW_COMBO_ROW (combo_row_new (_("Delimiter")));
  items = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (delimiter_names); i++)
    gtk_string_list_append (items, _(delimiter_names[i]));
  combo_row_set_items (self->delimiter_row, items);

  self->date_row = ADW_COMBO_ROW (combo_row_new (_("Date Format")));
  items = gtk_string_list_new (NULL);
  for (guint i = KASSA_CSV_DATE_ISO; i <= KASSA_CSV_DATE_YMD_SLASH; i++)
    gtk_string_list_append (items, kassa_csv_date_format_to_string ((KassaCsvDateFormat) i));
  combo_row_set_items (self->date_row, items);

  self->decimal_row = ADW_COMBO_ROW (combo_row_new (_("Decimal Separator")));
  items = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (decimal_names); i++)
    gtk_string_list_append (items, _(decimal_names[i]));
  combo_row_set_items (self->decimal_row, items);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->encoding_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->delimiter_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->date_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->decimal_row));
  g_signal_connect (self->encoding_row, "notify::selected", G_CALLBACK (on_format_selected), self);
  g_signal_connect (self->delimiter_row, "notify::selected", G_CALLBACK (on_format_selected), self);
  g_signal_connect (self->date_row, "notify::selected", G_CALLBACK (on_format_selected), self);
  g_signal_connect (self->decimal_row, "notify::selected", G_CALLBACK (on_format_selected), self);
  gtk_widget_set_visible (group, FALSE);
  return group;
}

static GtkWidget *
create_file_group (KassaImportDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Choose File…"));

  self->file_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), _("File"));
  adw_action_row_set_subtitle (self->file_row, _("No file chosen"));
  gtk_widget_set_name (button, "import-choose-file");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_choose_clicked), self);
  adw_action_row_add_suffix (self->file_row, button);
  adw_action_row_set_activatable_widget (self->file_row, button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->file_row));
  return group;
}

static GtkWidget *
create_preview_group (KassaImportDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Preview"));
  self->preview_window = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->preview_window, GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->preview_window));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  gtk_widget_set_visible (group, FALSE);
  self->preview_group = group;
  return group;
}

static GtkWidget *
create_problems_group (KassaImportDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Problems"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Correct these rows in the file, or the column choices above, then check again."));
  self->problems_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->problems_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problems_list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->problems_list));
  gtk_widget_set_visible (group, FALSE);
  self->problems_group = group;
  return group;
}

static GtkWidget *
create_header_bar (KassaImportDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_set_name (self->import_button, "import-button");
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  gtk_widget_set_sensitive (self->import_button, FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (on_import_clicked), self);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  return header;
}

static void
kassa_import_dialog_dispose (GObject *object)
{
  KassaImportDialog *self = KASSA_IMPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->import, kassa_csv_import_free);
  g_clear_pointer (&self->file, kassa_csv_file_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_import_dialog_parent_class)->dispose (object);
}

static void
kassa_import_dialog_finalize (GObject *object)
{
  KassaImportDialog *self = KASSA_IMPORT_DIALOG (object);

  g_ptr_array_unref (self->mapping_rows);

  G_OBJECT_CLASS (kassa_import_dialog_parent_class)->finalize (object);
}

static void
kassa_import_dialog_class_init (KassaImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kassa_import_dialog_dispose;
  object_class->finalize = kassa_import_dialog_finalize;
}

static void
kassa_import_dialog_init (KassaImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *status_group = adw_preferences_group_new ();

  self->mapping_rows = g_ptr_array_new ();

  self->mapping_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->mapping_group, _("Columns"));
  adw_preferences_group_set_description (self->mapping_group,
                                         _("Choose which column of the file holds each field."));
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), FALSE);

  self->status_label = GTK_LABEL (gtk_label_new (_("Choose a CSV file to import.")));
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_xalign (self->status_label, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (status_group), GTK_WIDGET (self->status_label));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (create_file_group (self)));
  self->format_group = create_format_group (self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->format_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (create_preview_group (self)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->mapping_group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (create_problems_group (self)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (status_group));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), create_header_bar (self));
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
}

static const char *
table_title (KassaCsvTable table)
{
  switch (table)
    {
    case KASSA_CSV_CUSTOMERS:
      return _("Import Customers");
    case KASSA_CSV_INVOICES:
      return _("Import Invoices");
    case KASSA_CSV_PAYMENTS:
    default:
      return _("Import Payments");
    }
}

/**
 * kassa_import_dialog_new:
 * @parent: the main window (the toast goes there)
 * @store: the open company
 * @table: what the file holds
 */
KassaImportDialog *
kassa_import_dialog_new (GtkWindow     *parent,
                         KassaStore    *store,
                         KassaCsvTable  table)
{
  KassaImportDialog *self;

  g_return_val_if_fail (KASSA_IS_STORE (store), NULL);

  self = g_object_new (KASSA_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "title", table_title (table),
                       NULL);
  self->store = g_object_ref (store);
  self->table = table;
  return self;
}

GtkWidget *
kassa_import_dialog_get_import_button (KassaImportDialog *self)
{
  g_return_val_if_fail (KASSA_IS_IMPORT_DIALOG (self), NULL);
  return self->import_button;
}

GtkListBox *
kassa_import_dialog_get_problems_list (KassaImportDialog *self)
{
  g_return_val_if_fail (KASSA_IS_IMPORT_DIALOG (self), NULL);
  return self->problems_list;
}

GtkLabel *
kassa_import_dialog_get_status_label (KassaImportDialog *self)
{
  g_return_val_if_fail (KASSA_IS_IMPORT_DIALOG (self), NULL);
  return self->status_label;
}
