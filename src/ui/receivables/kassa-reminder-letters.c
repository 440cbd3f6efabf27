/* kassa-reminder-letters.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kassa-worklist"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kassa-clock.h"
#include "kassa-collection-document.h"
#include "kassa-document-batch.h"
#include "kassa-document-export.h"
#include "kassa-dunning.h"
#include "kassa-reminder-letters.h"

/* One reminder letter's worth: an invoice and whom it is sent to. */
typedef struct
{
  gint64 customer_id;
  gint64 invoice_id;
} LetterRef;

struct _KassaReminderLetters
{
  GObject          parent_instance;

  KassaStore      *store;
  GtkWidget       *owner;                /* weak */
  GCancellable    *cancellable;          /* non-NULL while saving letters */
  GArray          *pending_letters;      /* waiting for the folder chooser */
  GtkNativeDialog *folder_chooser;
  char            *error;
  guint            saved;
};

G_DEFINE_FINAL_TYPE (KassaReminderLetters, kassa_reminder_letters, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
emit_changed (KassaReminderLetters *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static GtkWindow *
parent_window (KassaReminderLetters *self)
{
  GtkRoot *root = self->owner != NULL ? gtk_widget_get_root (self->owner) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static AdwToast *
add_toast (KassaReminderLetters *self,
           const char           *text)
{
  GtkWidget *overlay = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (self->owner != NULL)
    overlay = gtk_widget_get_ancestor (self->owner, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return NULL;

  /* Toast titles are markup; folder names may contain "&". */
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return toast;
}

static gboolean
contains_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

/* Writing the letters */

typedef struct
{
  char     *store_path;
  GArray   *letters;   /* LetterRef */
  char     *folder;
  KassaDay  today;
  guint     n_saved;   /* written by the worker, read after it returned */
} LettersJob;

static void
letters_job_free (LettersJob *job)
{
  g_free (job->store_path);
  g_array_unref (job->letters);
  g_free (job->folder);
  g_free (job);
}

static gboolean
save_letter (KassaStore   *store,
             gint64        customer_id,
             GArray       *invoice_ids,
             const char   *folder,
             KassaDay      today,
             GError      **error)
{
  g_autoptr(KassaCollectionDocument) document = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  document = kassa_reminder_document_new (store, customer_id, (const gint64 *) invoice_ids->data,
                                          invoice_ids->len, today, error);
  if (document == NULL)
    return FALSE;

  /* Never overwrites: a taken name gets " (2)". */
  name = kassa_collection_document_suggest_filename (document);
  path = kassa_document_batch_reserve_path (folder, name, error);
  if (path == NULL)
    return FALSE;

  if (!kassa_collection_document_write_pdf (document, path, error))
    {
      /* Leave no empty placeholder behind. */
      g_unlink (path);
      return FALSE;
    }

  return TRUE;
}

/* The invoice ids of customer_id among letters, in their order. */
static GArray *
invoices_of_customer (GArray *letters,
                      gint64  customer_id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < letters->len; i++)
    {
      const LetterRef *ref = &g_array_index (letters, LetterRef, i);

      if (ref->customer_id == customer_id && !contains_id (ids, ref->invoice_id))
        g_array_append_val (ids, ref->invoice_id);
    }

  return ids;
}

static void
letters_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  LettersJob *job = task_data;
  g_autoptr(KassaStore) store = NULL;
  g_autoptr(GArray) done = g_array_new (FALSE, FALSE, sizeof (gint64));
  GError *error = NULL;

  store = kassa_store_open (job->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* One letter per customer, in the order the customers first appear. */
  for (guint i = 0; i < job->letters->len; i++)
    {
      gint64 customer_id = g_array_index (job->letters, LetterRef, i).customer_id;
      g_autoptr(GArray) ids = NULL;

      if (contains_id (done, customer_id))
        continue;
      g_array_append_val (done, customer_id);

      ids = invoices_of_customer (job->letters, customer_id);
      if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
          !save_letter (store, customer_id, ids, job->folder, job->today, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      job->n_saved++;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_open_folder_clicked (AdwToast             *toast,
                        KassaReminderLetters *self)
{
  kassa_document_export_open_uri (parent_window (self),
                                  g_object_get_data (G_OBJECT (toast), "uri"));
}

static void
report_letters (KassaReminderLetters *self,
                const GError         *error,
                const char           *folder)
{
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  AdwToast *toast;

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    kassa_document_export_show_error (parent_window (self), _("Could Not Save the Letters"), error);
  if (self->saved == 0)
    return;

  /* Translators: %u is how many reminder letters (PDF files) were saved */
  text = g_strdup_printf (ngettext ("Saved %u reminder letter", "Saved %u reminder letters",
                                    self->saved), self->saved);
  toast = add_toast (self, text);
  if (toast == NULL)
    return;

  adw_toast_set_button_label (toast, _("Open _Folder"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_folder_clicked), self, 0);
}

static void
on_letters_done (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KassaReminderLetters *self = KASSA_REMINDER_LETTERS (source_object);
  LettersJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);

  /* Stopped meanwhile: no one to tell. */
  if (self->cancellable == NULL)
    return;

  g_clear_object (&self->cancellable);
  self->saved = job->n_saved;
  g_clear_pointer (&self->error, g_free);
  if (error != NULL)
    self->error = g_strdup (error->message);

  report_letters (self, error, job->folder);
  emit_changed (self);
}

static void
start_letters (KassaReminderLetters *self,
               GArray               *letters,
               const char           *folder)
{
  g_autoptr(GTask) task = NULL;
  LettersJob *job;

  g_clear_pointer (&self->error, g_free);
  self->saved = 0;
  self->cancellable = g_cancellable_new ();

  job = g_new0 (LettersJob, 1);
  job->store_path = g_strdup (kassa_store_get_path (self->store));
  job->letters = g_array_ref (letters);
  job->folder = g_strdup (folder);
  job->today = kassa_clock_today ();

  task = g_task_new (self, self->cancellable, on_letters_done, NULL);
  g_task_set_source_tag (task, start_letters);
  g_task_set_task_data (task, job, (GDestroyNotify) letters_job_free);
  /* Cancelling stops between letters; the ones written stay. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, letters_in_thread);

  emit_changed (self);
}

/* The folder */

static void
on_folder_response (GtkNativeDialog      *chooser,
                    int                   response,
                    KassaReminderLetters *self)
{
  g_autoptr(GArray) letters = g_steal_pointer (&self->pending_letters);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  g_clear_object (&self->folder_chooser);
  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL)
    path = g_file_get_path (folder);

  if (folder != NULL && path == NULL)
    {
      g_autoptr(GError) error = NULL;

      error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("This location cannot be written to. "
                                     "Choose a folder on this computer."));
      kassa_document_export_show_error (parent_window (self), _("Could Not Save the Letters"),
                                        error);
    }
  else if (path != NULL && letters != NULL && self->cancellable == NULL)
    start_letters (self, letters, path);

  emit_changed (self);
}

static void
on_save_created_letters_clicked (AdwToast             *toast,
                                 KassaReminderLetters *self)
{
  kassa_reminder_letters_ask_folder (self, g_object_get_data (G_OBJECT (toast), "letters"));
}

/* GObject */

static void
kassa_reminder_letters_dispose (GObject *object)
{
  KassaReminderLetters *self = KASSA_REMINDER_LETTERS (object);

  kassa_reminder_letters_stop (self);
  g_clear_pointer (&self->pending_letters, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kassa_reminder_letters_parent_class)->dispose (object);
}

static void
kassa_reminder_letters_finalize (GObject *object)
{
  KassaReminderLetters *self = KASSA_REMINDER_LETTERS (object);

  g_free (self->error);

  G_OBJECT_CLASS (kassa_reminder_letters_parent_class)->finalize (object);
}

static void
kassa_reminder_letters_class_init (KassaReminderLettersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kassa_reminder_letters_dispose;
  object_class->finalize = kassa_reminder_letters_finalize;

  /**
   * KassaReminderLetters::changed:
   *
   * Saving started or ended, or the folder chooser opened or closed: what
   * the owner offers may change.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
kassa_reminder_letters_init (KassaReminderLetters *self)
{
}

/* Public API */

/**
 * kassa_reminder_letters_new:
 * Returns: (transfer full): the letters saved for owner.
 */
KassaReminderLetters *
kassa_reminder_letters_new (GtkWidget *owner)
{
  KassaReminderLetters *self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);

  self = g_object_new (KASSA_TYPE_REMINDER_LETTERS, NULL);
  self->owner = owner;
  g_object_add_weak_pointer (G_OBJECT (owner), (gpointer *) &self->owner);

  return self;
}

void
kassa_reminder_letters_set_store (KassaReminderLetters *self,
                                  KassaStore           *store)
{
  g_return_if_fail (KASSA_IS_REMINDER_LETTERS (self));
  g_return_if_fail (KASSA_IS_STORE (store));

  g_set_object (&self->store, store);
}

GArray *
kassa_reminder_letters_for_items (GPtrArray *items)
{
  GArray *letters;

  g_return_val_if_fail (items != NULL, NULL);

  letters = g_array_sized_new (FALSE, FALSE, sizeof (LetterRef), items->len);
  for (guint i = 0; i < items->len; i++)
    {
      const KassaWorkItem *item = g_ptr_array_index (items, i);
      LetterRef ref = { item->customer_id, item->invoice_id };

      g_array_append_val (letters, ref);
    }

  return letters;
}

void
kassa_reminder_letters_offer (KassaReminderLetters *self,
                              guint                 created,
                              GArray               *letters)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  g_return_if_fail (KASSA_IS_REMINDER_LETTERS (self));
  g_return_if_fail (letters != NULL);

  /* Translators: %u is how many collection steps (reminders …) were recorded */
  text = g_strdup_printf (ngettext ("%u collection step recorded", "%u collection steps recorded",
                                    created), created);
  toast = add_toast (self, text);
  if (toast == NULL)
    return;

  /* Each toast saves the letters of its own steps. */
  adw_toast_set_button_label (toast, _("Save _Letters…"));
  adw_toast_set_timeout (toast, 15);
  g_object_set_data_full (G_OBJECT (toast), "letters", g_array_ref (letters),
                          (GDestroyNotify) g_array_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_save_created_letters_clicked),
                           self, 0);
}

void
kassa_reminder_letters_ask_folder (KassaReminderLetters *self,
                                   GArray               *letters)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (KASSA_IS_REMINDER_LETTERS (self));
  g_return_if_fail (letters != NULL);

  if (self->cancellable != NULL || self->folder_chooser != NULL || letters->len == 0 ||
      self->owner == NULL)
    return;

  self->pending_letters = g_array_ref (letters);
  chooser = gtk_file_chooser_native_new (_("Choose a Folder for the Reminder Letters"),
                                         parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  self->folder_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_folder_response), self, 0);
  gtk_native_dialog_show (self->folder_chooser);
  emit_changed (self);
}

void
kassa_reminder_letters_save_to (KassaReminderLetters *self,
                                GArray               *letters,
                                const char           *folder)
{
  g_return_if_fail (KASSA_IS_REMINDER_LETTERS (self));
  g_return_if_fail (letters != NULL);
  g_return_if_fail (folder != NULL);
  g_return_if_fail (self->cancellable == NULL);
  g_return_if_fail (self->store != NULL);

  start_letters (self, letters, folder);
}

void
kassa_reminder_letters_stop (KassaReminderLetters *self)
{
  g_return_if_fail (KASSA_IS_REMINDER_LETTERS (self));

  /* A running save stops after its current letter; its result is ignored. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->folder_chooser != NULL)
    gtk_native_dialog_destroy (self->folder_chooser);
  g_clear_object (&self->folder_chooser);

  if (self->owner != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->owner), (gpointer *) &self->owner);
  self->owner = NULL;
}

gboolean
kassa_reminder_letters_get_busy (KassaReminderLetters *self)
{
  g_return_val_if_fail (KASSA_IS_REMINDER_LETTERS (self), FALSE);

  return self->cancellable != NULL;
}

gboolean
kassa_reminder_letters_get_choosing_folder (KassaReminderLetters *self)
{
  g_return_val_if_fail (KASSA_IS_REMINDER_LETTERS (self), FALSE);

  return self->folder_chooser != NULL;
}

guint
kassa_reminder_letters_get_saved (KassaReminderLetters *self)
{
  g_return_val_if_fail (KASSA_IS_REMINDER_LETTERS (self), 0);

  return self->saved;
}

const char *
kassa_reminder_letters_get_error (KassaReminderLetters *self)
{
  g_return_val_if_fail (KASSA_IS_REMINDER_LETTERS (self), NULL);

  return self->error;
}
