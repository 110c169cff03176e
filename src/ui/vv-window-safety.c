/* vv-window-safety.c: never lose work — the edit journal, saving in a
 * worker thread, recovery after a crash, a project file replaced by another
 * program, and reopening the last project at the last segment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-settings.h"
#include "vv-window-private.h"

/* The journal */

static void
on_journal_failed_cb (VvJournal    *journal,
                      const GError *error,
                      VvWindow     *self)
{
  vv_window_show_error (self, error);
}

static void
close_journal (VvWindow *self,
               gboolean  remove)
{
  if (self->journal == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->journal, self);
  vv_journal_close (self->journal, remove);
  g_clear_object (&self->journal);
}

static void
start_journal (VvWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) recovered_journal = g_steal_pointer (&self->recovered_journal);
  guint interval = vv_settings_get_autosave_interval (vv_settings_get_default ());

  if (self->document == NULL || interval == 0)
    return;

  /* a document that differs from its file (recovered) starts with a copy;
   * the journal it was recovered from goes once that copy is on disk */
  self->journal = vv_journal_new_replacing (self->document, self->file,
                                            self->file == NULL || vv_document_get_dirty (self->document),
                                            recovered_journal, &error);
  if (self->journal == NULL)
    {
      vv_window_show_error (self, error);
      return;
    }
  vv_journal_set_idle_delay (self->journal, interval * 1000);
  g_signal_connect_object (self->journal, "failed", G_CALLBACK (on_journal_failed_cb), self, 0);
}

/* Replaced by another program */

static void
on_replaced_dialog_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                gpointer          user_data)
{
  g_autoptr(VvWindow) self = user_data;

  if (self->file == NULL || self->document == NULL)
    return;

  if (g_strcmp0 (response, "reload") == 0)
    {
      g_autoptr(GFile) file = g_object_ref (self->file);

      vv_document_set_dirty (self->document, FALSE);
      close_journal (self, TRUE);
      vv_window_open_file (self, file);
    }
  else if (g_strcmp0 (response, "save-as") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
}

static void
show_replaced_dialog (VvWindow *self,
                      gboolean  deleted)
{
  g_autofree char *name = vv_file_get_display_name (self->file);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (deleted)
    /* Translators: %s is a file name */
    body = g_strdup_printf (_("“%s” was deleted or moved by another program. Your work is still open here: "
                              "save it to write the file again, or use Save As."), name);
  else
    /* Translators: %s is a file name */
    body = g_strdup_printf (_("“%s” was changed by another program. Reload it to see that version (the changes "
                              "made here are then lost), or keep this version and save it under another name."),
                            name);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       deleted ? _("Project File Deleted")
                                                               : _("Project File Changed"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  if (!deleted)
    {
      adw_message_dialog_add_response (dialog, "reload", _("_Reload"));
      adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (on_replaced_dialog_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_monitor_changed_cb (GFileMonitor      *monitor,
                       GFile             *file,
                       GFile             *other_file,
                       GFileMonitorEvent  event,
                       VvWindow          *self)
{
  g_autofree char *checksum = NULL;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      break;
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      return;
    }

  /* our own save renames over the file: wait until it is done */
  if (self->saving > 0 || self->file == NULL)
    return;

  checksum = vv_project_file_checksum (self->file, NULL, NULL);
  if (g_strcmp0 (checksum, self->file_checksum) == 0)
    return;

  g_free (self->file_checksum);
  self->file_checksum = g_steal_pointer (&checksum);
  if (self->file_checksum == NULL && self->document != NULL)
    vv_document_set_dirty (self->document, TRUE);
  show_replaced_dialog (self, self->file_checksum == NULL);
}

static void
watch_file (VvWindow *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_pointer (&self->file_checksum, g_free);

  if (self->file == NULL)
    return;

  self->file_checksum = vv_project_file_checksum (self->file, NULL, NULL);
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_monitor_changed_cb), self, 0);
}

/**
 * _vv_window_safety_set_document:
 * @self: a #VvWindow whose document or file just changed
 *
 * Ends the previous document's journal (removing it: that document was
 * saved or deliberately left), starts one for the new document and
 * watches its project file.
 */
void
_vv_window_safety_set_document (VvWindow *self)
{
  close_journal (self, TRUE);
  watch_file (self);
  /* after the first frame: a new document's journal starts with a snapshot
   * of it, which takes the writer thread ~100 ms for 1 MB (it is taken
   * then, so it holds any edit made before) */
  self->journal_deferred = self->document != NULL;
  if (self->journal_deferred)
    _vv_window_defer (self);
  _vv_window_safety_remember (self);
}

/**
 * _vv_window_safety_start_deferred:
 * @self: a #VvWindow whose first frame with the document is drawn
 *
 * Starts the journal _vv_window_safety_set_document() put off.
 */
void
_vv_window_safety_start_deferred (VvWindow *self)
{
  if (!self->journal_deferred)
    return;
  self->journal_deferred = FALSE;
  if (self->journal == NULL)
    start_journal (self);
}

/**
 * _vv_window_safety_dispose:
 * @self: a #VvWindow going away
 *
 * Keeps the journal when the window goes away with unsaved changes that
 * the user did not choose to discard (so they are offered next time).
 */
void
_vv_window_safety_dispose (VvWindow *self)
{
  gboolean keep = self->document != NULL && vv_document_get_dirty (self->document) &&
                  !self->close_confirmed;

  close_journal (self, !keep);
  g_clear_object (&self->recovered_journal);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_pointer (&self->file_checksum, g_free);
}

/* Saving */

typedef struct
{
  VvWindow *self;
  GFile    *file;
  guint64   mark;
  gboolean  close_after;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
}

static void
saved (VvWindow   *self,
       GFile      *file,
       guint64     mark,
       const char *checksum)
{
  gboolean moved = self->file == NULL || !g_file_equal (self->file, file);

  g_set_object (&self->file, file);
  vv_settings_add_recent_project (vv_settings_get_default (), file);
  if (self->journal != NULL)
    vv_journal_saved (self->journal, file, mark);
  if (moved)
    watch_file (self);
  else
    {
      g_free (self->file_checksum);
      self->file_checksum = g_strdup (checksum);
    }
  _vv_window_safety_remember (self);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveData *data = user_data;
  VvWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *checksum = NULL;

  self->saving--;
  if (!vv_project_save_finish (VV_DOCUMENT (object), result, &checksum, &error))
    {
      if (!gtk_widget_in_destruction (GTK_WIDGET (self)) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* the previous file is intact: offer the way out */
          AdwToast *toast = adw_toast_new (error->message);

          adw_toast_set_timeout (toast, 0);
          adw_toast_set_button_label (toast, _("Save _As…"));
          adw_toast_set_action_name (toast, "win.save-as");
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      save_data_free (data);
      return;
    }

  if (VV_DOCUMENT (object) == self->document)
    saved (self, data->file, data->mark, checksum);
  /* the title shows the file name: refresh it */
  g_object_notify (G_OBJECT (self->document), "dirty");

  if (data->close_after && !vv_document_get_dirty (self->document))
    gtk_window_close (GTK_WINDOW (self));
  else if (!data->close_after)
    vv_window_show_message (self, _("Project saved"));
  save_data_free (data);
}

/**
 * _vv_window_safety_save:
 * @self: a #VvWindow
 * @file: where to save
 * @close_after: close the window once saved
 *
 * Saves without blocking: the document is serialised here, written,
 * fsynced and renamed in a worker thread. Typing goes on meanwhile; those
 * edits stay unsaved (and journaled).
 */
void
_vv_window_safety_save (VvWindow *self,
                        GFile    *file,
                        gboolean  close_after)
{
  SaveData *data;

  if (self->document == NULL)
    return;

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->close_after = close_after;

  self->saving++;
  vv_project_save_async (self->document, file, self->cancellable, save_cb, data);
  if (self->journal != NULL)
    data->mark = vv_journal_mark_saving (self->journal);
}

/**
 * _vv_window_safety_saved_sync:
 * @self: a #VvWindow
 * @file: the file vv_project_save() just wrote
 *
 * The journal and the file monitor after a synchronous save.
 */
void
_vv_window_safety_saved_sync (VvWindow *self,
                              GFile    *file)
{
  g_autofree char *checksum = vv_project_file_checksum (file, NULL, NULL);
  guint64 mark = self->journal != NULL ? vv_journal_mark_saving (self->journal) : 0;

  saved (self, file, mark, checksum);
}

/* Session */

/**
 * _vv_window_safety_remember:
 * @self: a #VvWindow
 *
 * Stores the project and the current segment, to reopen them next time.
 */
void
_vv_window_safety_remember (VvWindow *self)
{
  GSettings *settings = vv_settings_get_gsettings (vv_settings_get_default ());
  guint position;
  g_autofree char *uri = NULL;

  if (self->file == NULL || self->document == NULL)
    return;

  uri = g_file_get_uri (self->file);
  g_settings_set_string (settings, "last-project", uri);
  position = _vv_window_get_current_position (self);
  if (position != G_MAXUINT && position < vv_document_get_n_segments (self->document))
    g_settings_set_uint (settings, "last-segment",
                         vv_segment_get_id (vv_document_get_segment (self->document, position)));
}

static void
focus_segment_id (VvWindow *self,
                  guint     id)
{
  VvSegment *segment;

  if (self->document == NULL || id == 0)
    return;
  segment = vv_document_lookup_segment (self->document, id);
  if (segment != NULL)
    _vv_window_focus_position (self, vv_segment_get_position (segment));
}

/* Recovery */

typedef struct
{
  VvWindow   *self;
  GFile      *journal;
  GFile      *project;     /* the project the journal belongs to, or NULL */
  VvDocument *document;    /* the project as loaded, or NULL */
  guint       segment_id;
} RecoverData;

static void
recover_data_free (RecoverData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->journal);
  g_clear_object (&data->project);
  g_clear_object (&data->document);
  g_free (data);
}

static void
on_recover_dialog_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               gpointer          user_data)
{
  RecoverData *data = user_data;
  VvWindow *self = data->self;

  if (g_strcmp0 (response, "recover") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) project = NULL;
      g_autoptr(VvDocument) document = vv_journal_recover (data->journal, &project, NULL, &error);

      if (document == NULL)
        vv_window_show_error (self, error);
      else
        {
          g_set_object (&self->recovered_journal, data->journal);
          vv_window_set_document (self, document, project);
          vv_window_show_message (self, _("Unsaved changes recovered"));
          focus_segment_id (self, data->segment_id);
          recover_data_free (data);
          return;
        }
    }
  else if (g_strcmp0 (response, "discard") == 0)
    vv_journal_discard (data->journal, NULL);

  /* not recovered: open the project as saved, if there is one */
  if (data->document != NULL)
    {
      vv_window_set_document (self, data->document, data->project);
      focus_segment_id (self, data->segment_id);
    }
  recover_data_free (data);
}

static void
offer_recovery (VvWindow   *self,
                GFile      *journal,
                VvDocument *document,
                GFile      *project,
                guint       segment_id)
{
  g_autoptr(VvJournalInfo) info = vv_journal_read_info (journal, NULL);
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;
  RecoverData *data;

  if (info == NULL || info->n_changes == 0)
    {
      /* nothing to offer: a journal with no change, or unreadable */
      vv_journal_discard (journal, NULL);
      if (document != NULL)
        {
          vv_window_set_document (self, document, project);
          focus_segment_id (self, segment_id);
        }
      return;
    }

  if (info->project != NULL)
    name = vv_file_get_display_name (info->project);
  else
    name = g_strdup (info->title != NULL && *info->title ? info->title : _("an unsaved article"));
  body = g_strdup_printf (ngettext ("Vis-à-vis stopped before “%s” was saved. %u change made since the last save "
                                    "can be recovered.",
                                    "Vis-à-vis stopped before “%s” was saved. %u changes made since the last save "
                                    "can be recovered.", info->n_changes),
                          name, info->n_changes);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Recover Unsaved Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  adw_message_dialog_set_close_response (dialog, "later");

  data = g_new0 (RecoverData, 1);
  data->self = g_object_ref (self);
  data->journal = g_object_ref (journal);
  data->project = project ? g_object_ref (project) : NULL;
  data->document = document ? g_object_ref (document) : NULL;
  data->segment_id = segment_id;
  g_signal_connect (dialog, "response", G_CALLBACK (on_recover_dialog_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _vv_window_safety_open_project:
 * @self: a #VvWindow
 * @document: the project as loaded from @file
 * @file: the project file
 *
 * Shows @document, unless a session that did not end normally left
 * unsaved changes to it: then offers to recover them first.
 */
void
_vv_window_safety_open_project (VvWindow   *self,
                                VvDocument *document,
                                GFile      *file)
{
  g_autoptr(GFile) journal = vv_journal_find_for_project (file);

  if (journal != NULL)
    offer_recovery (self, journal, document, file, 0);
  else
    vv_window_set_document (self, document, file);
}

/**
 * vv_window_restore_session:
 * @self: an empty #VvWindow
 *
 * At start: offers to recover articles that were never saved, and reopens
 * the last project at the last segment (offering its unsaved changes).
 *
 * Returns: %TRUE if something was opened or offered
 */
gboolean
vv_window_restore_session (VvWindow *self)
{
  GSettings *settings = vv_settings_get_gsettings (vv_settings_get_default ());
  g_autoptr(GPtrArray) unsaved = vv_journal_list_unsaved ();
  g_autofree char *uri = g_settings_get_string (settings, "last-project");
  guint segment_id = g_settings_get_uint (settings, "last-segment");
  g_autoptr(GFile) project = NULL;
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GFile) journal = NULL;

  g_return_val_if_fail (VV_IS_WINDOW (self), FALSE);

  if (self->document != NULL)
    return FALSE;

  /* an article never saved: the newest one is offered */
  if (unsaved->len > 0)
    {
      offer_recovery (self, g_ptr_array_index (unsaved, 0), NULL, NULL, 0);
      return TRUE;
    }

  if (uri == NULL || *uri == '\0')
    return FALSE;
  project = g_file_new_for_uri (uri);
  if (g_file_query_file_type (project, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return FALSE;

  document = vv_project_load (project, NULL, NULL);
  journal = vv_journal_find_for_project (project);
  if (journal != NULL)
    {
      offer_recovery (self, journal, document, project, segment_id);
      return TRUE;
    }
  if (document == NULL)
    return FALSE;
  vv_window_set_document (self, document, project);
  focus_segment_id (self, segment_id);
  return TRUE;
}
