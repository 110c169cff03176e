/* vv-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Document loading, the segment list and closing live here; the keyboard
 * commands are in vv-window-actions.c.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-segmentation-page.h"
#include "vv-recent-list.h"
#include "vv-settings.h"
#include "vv-spell-view.h"
#include "vv-window-private.h"

G_DEFINE_FINAL_TYPE (VvWindow, vv_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_title (VvWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *doc_title = NULL;
  GFile *named = self->file ? self->file : self->source_file;

  if (self->document != NULL)
    doc_title = vv_document_get_title (self->document);
  if (doc_title == NULL || *doc_title == '\0')
    doc_title = self->document ? _("Untitled Article") : _("Vis-à-vis");

  if (self->document != NULL && vv_document_get_dirty (self->document))
    /* Translators: the window title of a document with unsaved changes */
    title = g_strdup_printf (_("• %s"), doc_title);
  else
    title = g_strdup (doc_title);

  if (named != NULL)
    subtitle = g_file_get_basename (named);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
_vv_window_update_progress (VvWindow *self)
{
  g_autofree char *text = NULL;
  double progress;
  guint done, total;

  if (self->document == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
      return;
    }

  progress = vv_document_get_progress (self->document);
  total = vv_document_get_n_counted (self->document);
  done = vv_document_get_state_count (self->document, VV_SEGMENT_STATE_TRANSLATED)
       + vv_document_get_state_count (self->document, VV_SEGMENT_STATE_APPROVED);
  /* Translators: progress bar text, e.g. "12 of 80 segments translated (15 %)" */
  text = g_strdup_printf (ngettext ("%u of %u segment translated (%.0f %%)",
                                    "%u of %u segments translated (%.0f %%)", total),
                          done, total, progress * 100.0);
  gtk_progress_bar_set_fraction (self->progress_bar, progress);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);

  {
    guint64 seconds = 0;
    guint timed = 0;
    g_autofree char *tip = NULL;

    for (guint i = 0; i < vv_document_get_n_segments (self->document); i++)
      {
        guint s = vv_segment_get_edit_seconds (vv_document_get_segment (self->document, i));

        seconds += s;
        timed += s > 0;
      }
    /* Translators: tooltip of the progress bar: minutes of focused editing */
    tip = g_strdup_printf (ngettext ("Time spent editing: %u min over %u segment",
                                     "Time spent editing: %u min over %u segments", timed),
                           (guint) ((seconds + 30) / 60), timed);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->progress_bar), tip);
  }
}

static void
update_font_scale (VvWindow *self)
{
  g_autofree char *css = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (number, sizeof number, "%.2f",
                   vv_settings_get_font_scale (vv_settings_get_default ()));
  css = g_strdup_printf ("segmentrow { font-size: %sem; }",
                         number);
  gtk_css_provider_load_from_data (self->font_provider, css, -1);
}

/* List item factory: rows are recycled, bind/unbind stay cheap. */

/* Time spent per segment: typing in the focused target */
static void
on_target_typed_cb (VvWindow      *self,
                    GtkTextBuffer *buffer)
{
  VvSegmentRow *row = g_object_get_data (G_OBJECT (buffer), "vv-segment-row");
  VvSegment *segment = row ? vv_segment_row_get_segment (row) : NULL;

  if (segment != NULL && gtk_widget_has_focus (GTK_WIDGET (vv_segment_row_get_target_view (row))))
    vv_edit_timer_activity (&self->edit_timer, segment, g_get_monotonic_time ());
}

static void
on_factory_setup_cb (VvWindow     *self,
                     GtkListItem  *item)
{
  GtkWidget *row = vv_segment_row_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (vv_segment_row_get_target_view (VV_SEGMENT_ROW (row)));

  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, FALSE);
  g_object_set_data (G_OBJECT (buffer), "vv-segment-row", row);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_target_typed_cb),
                           self, G_CONNECT_SWAPPED);
}

static gboolean
focus_pending_cb (gpointer data)
{
  VvWindow *self = data;
  guint position = self->pending_focus;
  GHashTableIter iter;
  gpointer key, value;

  self->pending_focus_source = 0;
  if (position == 0)
    return G_SOURCE_REMOVE;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (vv_segment_get_position (key) + 1 == position)
        {
          self->pending_focus = 0;
          vv_segment_row_focus_target (value);
          break;
        }
    }

  return G_SOURCE_REMOVE;
}

static void
schedule_pending_focus (VvWindow *self)
{
  if (self->pending_focus != 0 && self->pending_focus_source == 0)
    self->pending_focus_source = g_idle_add_full (G_PRIORITY_DEFAULT, focus_pending_cb,
                                                  self, NULL);
}

/* Work that waits until the next frame is drawn. When a document is
 * shown, GTK 4.8's list creates and binds ~200 rows at once; the first
 * frame does not wait for what the user cannot see yet: the rows' spell
 * views (controllers, actions, menu), the dictionary (tens of ms) and the
 * journal's first snapshot of the document (vv-window-safety.c). A tick
 * callback runs at the start of the next frame, and the idle it adds runs
 * once that frame is painted; a window that is never drawn (tests) gets
 * the work after a second. */
static gboolean
deferred_idle_cb (gpointer data)
{
  VvWindow *self = data;
  const char *language = self->document ? vv_document_get_target_language (self->document) : NULL;
  GHashTableIter iter;
  gpointer row;

  self->deferred_idle_id = 0;
  _vv_window_safety_start_deferred (self);
  if (self->spell_check_dictionary && self->document != NULL)
    {
      g_autoptr(GError) spell_error = NULL;

      if (vv_spell_view_get_checker (language, &spell_error) == NULL && spell_error != NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (spell_error->message));
    }
  self->spell_check_dictionary = FALSE;

  /* spell checking: only the rows the list shows are bound, so only they are checked */
  g_hash_table_iter_init (&iter, self->spell_pending);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    if (vv_segment_row_get_segment (row) != NULL)
      vv_spell_view_attach (vv_segment_row_get_target_view (row), language);
  g_hash_table_remove_all (self->spell_pending);
  return G_SOURCE_REMOVE;
}

static void
deferred_ready (VvWindow *self)
{
  if (self->deferred_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->deferred_tick_id);
  self->deferred_tick_id = 0;
  g_clear_handle_id (&self->deferred_timeout_id, g_source_remove);
  if (self->deferred_idle_id == 0)
    self->deferred_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, deferred_idle_cb,
                                              self, NULL);
}

static gboolean
deferred_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *clock G_GNUC_UNUSED,
                  gpointer       data G_GNUC_UNUSED)
{
  VvWindow *self = VV_WINDOW (widget);

  self->deferred_tick_id = 0;    /* removed by returning G_SOURCE_REMOVE */
  deferred_ready (self);
  return G_SOURCE_REMOVE;
}

static gboolean
deferred_timeout_cb (gpointer data)
{
  VvWindow *self = data;

  self->deferred_timeout_id = 0;
  deferred_ready (self);
  return G_SOURCE_REMOVE;
}

/**
 * _vv_window_defer:
 * @self: a #VvWindow
 *
 * Runs the deferred work (see above) once the next frame is drawn.
 */
void
_vv_window_defer (VvWindow *self)
{
  if (self->deferred_tick_id != 0 || self->deferred_idle_id != 0)
    return;
  self->deferred_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), deferred_tick_cb,
                                                         NULL, NULL);
  self->deferred_timeout_id = g_timeout_add (1000, deferred_timeout_cb, self);
}

/* A recycled row, whose view has its spell view already, is re-attached at
 * once; a new one waits for the deferred work. */
static void
attach_spell_view (VvWindow     *self,
                   VvSegmentRow *row)
{
  GtkTextView *view = vv_segment_row_get_target_view (row);

  if (vv_spell_view_is_attached (view))
    {
      vv_spell_view_attach (view, self->document ? vv_document_get_target_language (self->document) : NULL);
      return;
    }
  g_hash_table_add (self->spell_pending, g_object_ref (row));
  _vv_window_defer (self);
}

static void
on_factory_bind_cb (VvWindow    *self,
                    GtkListItem *item)
{
  VvSegmentRow *row = VV_SEGMENT_ROW (gtk_list_item_get_child (item));
  VvSegment *segment = gtk_list_item_get_item (item);

  vv_segment_row_bind (row, segment);
  attach_spell_view (self, row);
  g_hash_table_insert (self->bound_rows, segment, row);
  if (self->pending_focus != 0 && vv_segment_get_position (segment) + 1 == self->pending_focus)
    schedule_pending_focus (self);
}

static void
on_factory_unbind_cb (VvWindow    *self,
                      GtkListItem *item)
{
  VvSegmentRow *row = VV_SEGMENT_ROW (gtk_list_item_get_child (item));
  VvSegment *segment = vv_segment_row_get_segment (row);

  if (segment != NULL && g_hash_table_lookup (self->bound_rows, segment) == row)
    g_hash_table_remove (self->bound_rows, segment);
  vv_segment_row_unbind (row);
}

/**
 * _vv_window_focus_position:
 * @self: a #VvWindow
 * @position: a segment position
 *
 * Scrolls to the segment and puts the focus in its target once its row
 * is bound (GTK 4.8 has no gtk_list_view_scroll_to()).
 */
void
_vv_window_focus_position (VvWindow *self,
                           guint     position)
{
  VvSegment *segment;
  VvSegmentRow *row;

  if (self->document == NULL || position >= vv_document_get_n_segments (self->document))
    return;

  segment = vv_document_get_segment (self->document, position);
  row = g_hash_table_lookup (self->bound_rows, segment);
  if (_vv_window_list_position (self, position) != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                _vv_window_list_position (self, position));
  if (row != NULL && vv_segment_row_focus_target (row))
    {
      self->pending_focus = 0;
      return;
    }

  self->pending_focus = position + 1;
  schedule_pending_focus (self);
}

/**
 * _vv_window_get_current_position:
 *
 * Returns: the position of the segment whose row has the focus, or
 *   G_MAXUINT
 */
guint
_vv_window_get_current_position (VvWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row;
  VvSegment *segment;

  if (focus == NULL)
    return G_MAXUINT;
  row = gtk_widget_get_ancestor (focus, VV_TYPE_SEGMENT_ROW);
  if (row == NULL)
    return G_MAXUINT;
  segment = vv_segment_row_get_segment (VV_SEGMENT_ROW (row));
  return segment ? vv_segment_get_position (segment) : G_MAXUINT;
}

static void
on_document_dirty_cb (VvWindow *self)
{
  update_title (self);
  _vv_window_update_actions (self);
}

void
vv_window_show_message (VvWindow   *self,
                        const char *message)
{
  g_return_if_fail (VV_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/**
 * vv_window_show_error:
 * @self: a #VvWindow
 * @error: an error from the core (already translated, names the file)
 */
void
vv_window_show_error (VvWindow     *self,
                      const GError *error)
{
  AdwToast *toast;

  g_return_if_fail (VV_IS_WINDOW (self));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_message ("%s", error->message);
  toast = adw_toast_new (error->message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * vv_window_set_document:
 * @self: a #VvWindow
 * @document: (nullable): the document to show
 * @project_file: (nullable): the project file it was loaded from
 */
void
vv_window_set_document (VvWindow   *self,
                        VvDocument *document,
                        GFile      *project_file)
{
  g_return_if_fail (VV_IS_WINDOW (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  g_hash_table_remove_all (self->bound_rows);
  g_ptr_array_set_size (self->undo_stack, 0);
  vv_edit_timer_flush (&self->edit_timer);
  self->pending_focus = 0;
  g_set_object (&self->document, document);
  g_set_object (&self->file, project_file);
  if (project_file != NULL)
    vv_settings_add_recent_project (vv_settings_get_default (), project_file);

  _vv_window_review_set_document (self, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::dirty",
                               G_CALLBACK (on_document_dirty_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::title",
                               G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "counts-changed",
                               G_CALLBACK (_vv_window_update_progress), self, G_CONNECT_SWAPPED);
      gtk_stack_set_visible_child_name (self->stack, "document");
      /* the dictionary is opened after the first frame (it takes tens of
       * milliseconds); a toast says so when there is none */
      self->spell_check_dictionary = TRUE;
      _vv_window_defer (self);
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");

  update_title (self);
  _vv_window_update_progress (self);
  _vv_window_update_actions (self);
  _vv_window_safety_set_document (self);
  _vv_window_mt_set_document (self);
}

static void
set_busy (VvWindow *self,
          gboolean  busy)
{
  self->busy = !!busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  if (busy)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->stack, self->document ? "document" : "empty");
  _vv_window_update_actions (self);
}

/* @source is the imported GFile; an http(s) address (vv_import_uri_async)
 * has no source object, the window keeps its GFile in source_file. */
static void
import_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(VvWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = NULL;

  if (source != NULL)
    document = vv_import_file_finish (G_FILE (source), result, &error);
  else
    document = vv_import_uri_finish (result, &error);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  set_busy (self, FALSE);
  if (document == NULL)
    {
      vv_window_show_error (self, error);
      return;
    }

  vv_document_set_target_language (document,
                                   vv_settings_get_target_language (vv_settings_get_default ()));
  vv_document_set_dirty (document, FALSE);
  if (source != NULL)
    g_set_object (&self->source_file, G_FILE (source));
  vv_window_set_document (self, document, NULL);
}

/**
 * vv_window_open_file:
 * @self: a #VvWindow
 * @file: a project (*.visavis) or an article to import
 *
 * Projects load synchronously (they are small JSON files); articles are
 * imported and segmented in a worker thread.
 */
void
vv_window_open_file (VvWindow *self,
                     GFile    *file)
{
  g_autofree char *basename = NULL;

  g_return_if_fail (VV_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  basename = g_file_get_basename (file);
  if (g_file_has_uri_scheme (file, "http") || g_file_has_uri_scheme (file, "https"))
    {
      /* `visavis https://…`: fetched with libsoup, not through GVfs */
      g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
      g_autofree char *uri = g_file_get_uri (file);

      set_busy (self, TRUE);
      g_set_object (&self->source_file, file);
      vv_import_uri_async (uri, segmenter, NULL, NULL, NULL, NULL, self->cancellable,
                           import_cb, g_object_ref (self));
    }
  else if (basename != NULL && g_str_has_suffix (basename, ".visavis"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VvDocument) document = vv_project_load (file, self->cancellable, &error);

      if (document == NULL)
        {
          vv_window_show_error (self, error);
          return;
        }
      g_clear_object (&self->source_file);
      _vv_window_safety_open_project (self, document, file);
    }
  else
    {
      g_autoptr(GError) rules_error = NULL;
      g_autoptr(VvSegmenter) segmenter =
        vv_segmentation_make_segmenter (vv_settings_get_gsettings (vv_settings_get_default ()),
                                        "fr", &rules_error);

      /* a custom SRX file that cannot be read: the built-in rules apply
       * (Preferences → Segmentation shows why) */
      if (segmenter == NULL)
        segmenter = vv_segmenter_new ("fr");

      set_busy (self, TRUE);
      vv_import_file_async (file, segmenter, self->cancellable, import_cb,
                            g_object_ref (self));
    }
}

/**
 * vv_window_save_to:
 * @self: a #VvWindow
 * @file: the project file to write
 * @error: return location for an error
 *
 * Saves the document as a project (atomically, keeping a backup) and
 * makes @file the window's file.
 */
gboolean
vv_window_save_to (VvWindow  *self,
                   GFile     *file,
                   GError   **error)
{
  g_return_val_if_fail (VV_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  if (!vv_project_save (self->document, file, self->cancellable, error))
    return FALSE;
  _vv_window_safety_saved_sync (self, file);

  g_set_object (&self->file, file);
  vv_document_set_dirty (self->document, FALSE);
  update_title (self);
  return TRUE;
}

VvDocument *
vv_window_get_document (VvWindow *self)
{
  g_return_val_if_fail (VV_IS_WINDOW (self), NULL);
  return self->document;
}

GFile *
vv_window_get_file (VvWindow *self)
{
  g_return_val_if_fail (VV_IS_WINDOW (self), NULL);
  return self->file;
}

gboolean
vv_window_get_busy (VvWindow *self)
{
  g_return_val_if_fail (VV_IS_WINDOW (self), FALSE);
  return self->busy;
}

static gboolean
on_drop_target_drop_cb (VvWindow     *self,
                        const GValue *value,
                        double        x,
                        double        y)
{
  if (!G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;
  vv_window_open_file (self, g_value_get_object (value));
  return TRUE;
}

static void
on_recent_list_open_cb (VvWindow *self,
                        GFile    *file)
{
  vv_window_open_file (self, file);
}

/* Closing with unsaved changes */

static gboolean
close_discarding_cb (gpointer user_data)
{
  VvWindow *self = user_data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static gboolean
save_and_close_cb (gpointer user_data)
{
  _vv_window_save (VV_WINDOW (user_data), TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_close_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             gpointer          user_data)
{
  g_autoptr(VvWindow) self = user_data;

  /* The window may only go away once the dialog, which is transient for
   * it, has finished its own response handling and been destroyed: GTK 4.8
   * otherwise touches the finalized parent when it disposes the dialog. */
  if (g_strcmp0 (response, "discard") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_discarding_cb,
                     g_object_ref (self), g_object_unref);
  else if (g_strcmp0 (response, "save") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, save_and_close_cb,
                     g_object_ref (self), g_object_unref);
}

static gboolean
vv_window_close_request (GtkWindow *window)
{
  VvWindow *self = VV_WINDOW (window);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (self->close_confirmed || self->document == NULL || !vv_document_get_dirty (self->document))
    {
      vv_settings_save_window_state (vv_settings_get_default (), window);
      _vv_window_safety_remember (self);
      return GTK_WINDOW_CLASS (vv_window_parent_class)->close_request (window);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"), NULL));
  /* Translators: %s is the document title */
  heading = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be lost."),
                             vv_document_get_title (self->document));
  adw_message_dialog_set_body (dialog, heading);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_dialog_response_cb),
                    g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
vv_window_dispose (GObject *object)
{
  VvWindow *self = VV_WINDOW (object);

  _vv_window_safety_dispose (self);
  _vv_window_mt_dispose (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pending_focus_source, g_source_remove);
  g_clear_handle_id (&self->deferred_idle_id, g_source_remove);
  g_clear_handle_id (&self->deferred_timeout_id, g_source_remove);
  if (self->deferred_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->deferred_tick_id);
  self->deferred_tick_id = 0;
  if (self->spell_pending != NULL)
    g_hash_table_remove_all (self->spell_pending);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->bound_rows != NULL)
    g_hash_table_remove_all (self->bound_rows);

  _vv_window_review_dispose (self);
  vv_edit_timer_flush (&self->edit_timer);
  gtk_widget_dispose_template (GTK_WIDGET (self), VV_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->source_file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (vv_window_parent_class)->dispose (object);
}

static void
vv_window_finalize (GObject *object)
{
  VvWindow *self = VV_WINDOW (object);

  if (self->font_provider != NULL)
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                   GTK_STYLE_PROVIDER (self->font_provider));
  g_clear_object (&self->font_provider);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_pointer (&self->spell_pending, g_hash_table_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);

  G_OBJECT_CLASS (vv_window_parent_class)->finalize (object);
}

static void
vv_window_class_init (VvWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vv_window_dispose;
  object_class->finalize = vv_window_finalize;
  window_class->close_request = vv_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visavis/Visavis/ui/vv-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VvWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VvWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, VvWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VvWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, VvWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, VvWindow, factory);
  gtk_widget_class_bind_template_child (widget_class, VvWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VvWindow, drop_target);
  gtk_widget_class_bind_template_callback (widget_class, on_drop_target_drop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_list_open_cb);

  _vv_window_class_actions_init (widget_class);
  _vv_window_review_class_init (widget_class);
  _vv_window_mt_class_init (widget_class);
}

/* The target GtkTextView would see Ctrl+Enter (newline) and Alt+arrows
 * before the window's bubble-phase bindings: catch them in the capture
 * phase instead. */
static void
add_capture_shortcuts (VvWindow *self)
{
  static const struct { const char *trigger; const char *action; } shortcuts[] = {
    { "<Control>Return", "win.confirm-next" },
    { "<Control>KP_Enter", "win.confirm-next" },
    { "<Alt>Down", "win.next-segment" },
    { "<Alt>Up", "win.previous-segment" },
    { "<Control><Shift>t", "win.split-segment" },
    { "<Control><Shift>m", "win.merge-segment" },
    { "<Control><Alt>z", "win.undo-structure" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
vv_window_init (VvWindow *self)
{
  VvSettings *settings = vv_settings_get_default ();

  g_type_ensure (VV_TYPE_SEGMENT_ROW);
  g_type_ensure (VV_TYPE_RECENT_LIST);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->spell_pending = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->undo_stack = g_ptr_array_new_with_free_func (_vv_window_edit_free);
  self->selection = gtk_no_selection_new (NULL);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  _vv_window_review_init (self);
  _vv_window_mt_init (self);

  g_signal_connect_object (self->factory, "setup", G_CALLBACK (on_factory_setup_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->factory, "bind", G_CALLBACK (on_factory_bind_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->factory, "unbind", G_CALLBACK (on_factory_unbind_cb),
                           self, G_CONNECT_SWAPPED);

  self->font_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->font_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  g_signal_connect_object (settings, "notify::font-scale", G_CALLBACK (update_font_scale),
                           self, G_CONNECT_SWAPPED);
  update_font_scale (self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (400, vv_settings_get_window_width (settings)),
                               MAX (300, vv_settings_get_window_height (settings)));
  if (vv_settings_get_window_maximized (settings))
    gtk_window_maximize (GTK_WINDOW (self));

  add_capture_shortcuts (self);
  update_title (self);
  _vv_window_update_actions (self);
}

VvWindow *
vv_window_new (GtkApplication *application)
{
  return g_object_new (VV_TYPE_WINDOW, "application", application, NULL);
}
