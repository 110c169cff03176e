/* vv-window-actions.c: the window's commands and their keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-export-dialog.h"
#include "vv-open-url-dialog.h"
#include "vv-settings.h"
#include "vv-window-private.h"

void
_vv_window_edit_free (gpointer data)
{
  VvEdit *edit = data;

  g_free (edit->second_source);
  g_free (edit->second_target);
  g_clear_pointer (&edit->targets, g_ptr_array_unref);
  g_free (edit);
}

void
_vv_window_update_actions (VvWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_doc = self->document != NULL && !self->busy;

  gtk_widget_action_set_enabled (widget, "win.open", !self->busy);
  gtk_widget_action_set_enabled (widget, "win.open-url", !self->busy);
  gtk_widget_action_set_enabled (widget, "win.save", has_doc);
  gtk_widget_action_set_enabled (widget, "win.save-as", has_doc);
  gtk_widget_action_set_enabled (widget, "win.export", has_doc);
  gtk_widget_action_set_enabled (widget, "win.import-review", has_doc);
  gtk_widget_action_set_enabled (widget, "win.confirm-next", has_doc);
  gtk_widget_action_set_enabled (widget, "win.next-segment", has_doc);
  gtk_widget_action_set_enabled (widget, "win.previous-segment", has_doc);
  gtk_widget_action_set_enabled (widget, "win.split-segment", has_doc);
  gtk_widget_action_set_enabled (widget, "win.merge-segment", has_doc);
  gtk_widget_action_set_enabled (widget, "win.undo-structure",
                                 has_doc && self->undo_stack->len > 0);
  _vv_window_review_update_actions (self);
  _vv_window_mt_update_actions (self);
}

/* Open */

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(VvWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      VvWindow *target = self;

      /* Keep this window's document: open a new window instead. */
      if (self->document != NULL)
        {
          target = vv_window_new (gtk_window_get_application (GTK_WINDOW (self)));
          gtk_window_present (GTK_WINDOW (target));
        }
      vv_window_open_file (target, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter;

  dialog = gtk_file_chooser_native_new (_("Open an Article or Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Articles and Projects"));
  gtk_file_filter_add_pattern (filter, "*.visavis");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_pattern (filter, "*.md");
  gtk_file_filter_add_pattern (filter, "*.html");
  gtk_file_filter_add_pattern (filter, "*.htm");
  gtk_file_filter_add_pattern (filter, "*.docx");
  gtk_file_filter_add_pattern (filter, "*.odt");
  gtk_file_filter_add_pattern (filter, "*.xlf");
  gtk_file_filter_add_pattern (filter, "*.xliff");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Open URL */

static void
on_open_url_dialog_opened_cb (VvOpenUrlDialog *dialog,
                              VvDocument      *document,
                              VvWindow        *self)
{
  VvWindow *target = self;

  /* Keep this window's document: open a new window instead. */
  if (self->document != NULL)
    {
      target = vv_window_new (gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_present (GTK_WINDOW (target));
    }
  vv_document_set_target_language (document,
                                   vv_settings_get_target_language (vv_settings_get_default ()));
  vv_document_set_dirty (document, FALSE);
  g_clear_object (&target->source_file);
  vv_window_set_document (target, document, NULL);
}

static void
open_url_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  VvOpenUrlDialog *dialog = vv_open_url_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "opened", G_CALLBACK (on_open_url_dialog_opened_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Save */

typedef struct
{
  VvWindow *self;
  gboolean  close_after;
} SaveData;

static void
finish_save (VvWindow *self,
             GFile    *file,
             gboolean  close_after)
{
  _vv_window_safety_save (self, file, close_after);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  SaveData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT && data->self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && !g_str_has_suffix (path, ".visavis"))
        {
          g_autofree char *fixed = g_strconcat (path, ".visavis", NULL);

          g_clear_object (&file);
          file = g_file_new_for_path (fixed);
        }
      finish_save (data->self, file, data->close_after);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (data->self);
  g_free (data);
}

static char *
suggest_name (VvWindow   *self,
              const char *extension)
{
  g_autofree char *base = NULL;
  char *dot;

  if (self->source_file != NULL)
    base = g_file_get_basename (self->source_file);
  else if (self->file != NULL)
    base = g_file_get_basename (self->file);
  else
    base = g_strdup (_("translation"));

  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_strconcat (base, ".", extension, NULL);
}

void
_vv_window_save_as (VvWindow *self,
                    gboolean  close_after)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  SaveData *data;

  if (self->document == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Save Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = suggest_name (self, "visavis");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->close_after = close_after;
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_vv_window_save (VvWindow *self,
                 gboolean  close_after)
{
  if (self->document == NULL)
    return;
  if (self->file == NULL)
    _vv_window_save_as (self, close_after);
  else
    finish_save (self, self->file, close_after);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _vv_window_save (VV_WINDOW (widget), FALSE);
}

static void
save_as_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _vv_window_save_as (VV_WINDOW (widget), FALSE);
}

/* Export */

static void
on_export_dialog_exported_cb (VvWindow       *self,
                              GFile          *file,
                              VvExportDialog *dialog)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  g_autofree char *message = g_strdup_printf (_("Exported to %s"), name);

  vv_window_show_message (self, message);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  VvExportDialog *dialog;

  if (self->document == NULL)
    return;

  dialog = vv_export_dialog_new (GTK_WINDOW (self), self->document);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_export_dialog_exported_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Import review: a reviewer's edited DOCX, ODT, CSV, TSV or XLIFF */

static void
import_review_response_cb (GtkNativeDialog *dialog,
                           int              response,
                           gpointer         user_data)
{
  g_autoptr(VvWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(VvRoundtripFile) review = NULL;
      g_autoptr(GError) error = NULL;
      VvRoundtripReport report;

      review = vv_roundtrip_file_load (file, self->cancellable, &error);
      vv_roundtrip_report_init (&report);
      if (review == NULL ||
          !vv_roundtrip_apply (self->document, review, g_get_real_name (), &report, &error))
        vv_window_show_error (self, error);
      else
        {
          g_autofree char *summary = vv_roundtrip_report_to_string (&report);

          vv_window_show_message (self, g_strstrip (summary));
        }
      vv_roundtrip_report_clear (&report);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
import_review_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter;

  if (self->document == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Import a Reviewed File"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Reviewed files (DOCX, ODT, CSV, TSV, XLIFF)"));
  gtk_file_filter_add_suffix (filter, "docx");
  gtk_file_filter_add_suffix (filter, "odt");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "xlf");
  gtk_file_filter_add_suffix (filter, "xliff");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (import_review_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Segment navigation */

static guint
current_or_first (VvWindow *self)
{
  guint position = _vv_window_get_current_position (self);

  return position == G_MAXUINT ? 0 : position;
}

static void
confirm_next_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  guint position = _vv_window_get_current_position (self);
  g_autofree char *author = NULL;
  VvSegment *segment;

  if (self->document == NULL || position == G_MAXUINT)
    return;
  if (self->review_mode)
    {
      _vv_window_approve_next (self);
      return;
    }

  segment = vv_document_get_segment (self->document, position);
  if (segment == NULL)
    return;

  author = vv_settings_dup_effective_author (vv_settings_get_default ());
  vv_segment_commit (segment, VV_SEGMENT_STATE_TRANSLATED, author);

  /* Skip excluded boilerplate on the way to the next segment. */
  for (guint next = position + 1; next < vv_document_get_n_segments (self->document); next++)
    {
      if (!vv_segment_is_excluded (vv_document_get_segment (self->document, next)))
        {
          _vv_window_focus_position (self, next);
          break;
        }
    }
}

static void
next_segment_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  guint position = _vv_window_get_current_position (self);

  _vv_window_focus_position (self, position == G_MAXUINT ? 0 : position + 1);
}

static void
previous_segment_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  guint position = current_or_first (self);

  if (position > 0)
    _vv_window_focus_position (self, position - 1);
}

/* Split and merge, with a small undo stack */

static gsize
guess_source_offset (const char *source,
                     double      fraction)
{
  gsize length = strlen (source);
  gsize offset = (gsize) (length * fraction);
  const char *p;

  /* Snap forward to the next space, so words are not cut in two. */
  p = strchr (source + MIN (offset, length), ' ');
  if (p == NULL)
    return length;
  while (*p == ' ')
    p++;
  return p - source;
}

static void
split_segment_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  guint position = _vv_window_get_current_position (self);
  g_autoptr(GError) error = NULL;
  GtkWidget *focus, *row;
  VvSegment *segment, *second;
  GtkTextBuffer *buffer;
  GtkTextIter cursor, end;
  gssize target_offset = -1;
  gsize source_offset;
  VvEdit *edit;

  if (self->document == NULL || position == G_MAXUINT)
    {
      vv_window_show_message (self, _("Put the cursor in a segment to split it"));
      return;
    }

  focus = gtk_root_get_focus (GTK_ROOT (self));
  row = gtk_widget_get_ancestor (focus, VV_TYPE_SEGMENT_ROW);
  segment = vv_document_get_segment (self->document, position);

  source_offset = vv_segment_row_get_cursor_offset (VV_SEGMENT_ROW (row));
  buffer = gtk_text_view_get_buffer (vv_segment_row_get_target_view (VV_SEGMENT_ROW (row)));
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_end_iter (buffer, &end);
  if (gtk_widget_is_ancestor (focus, GTK_WIDGET (vv_segment_row_get_target_view (VV_SEGMENT_ROW (row))))
      || focus == GTK_WIDGET (vv_segment_row_get_target_view (VV_SEGMENT_ROW (row))))
    {
      GtkTextIter start;
      g_autofree char *head = NULL;

      gtk_text_buffer_get_start_iter (buffer, &start);
      head = gtk_text_buffer_get_text (buffer, &start, &cursor, FALSE);
      target_offset = strlen (head);
      if (source_offset == (gsize) -1)
        {
          int total = gtk_text_iter_get_offset (&end);
          double fraction = total > 0 ? (double) gtk_text_iter_get_offset (&cursor) / total : 0.5;

          source_offset = guess_source_offset (vv_segment_get_source (segment), fraction);
        }
    }
  else if (source_offset == (gsize) -1)
    source_offset = guess_source_offset (vv_segment_get_source (segment), 0.5);

  second = vv_document_split_segment (self->document, segment, source_offset,
                                      target_offset, 0, &error);
  if (second == NULL)
    {
      vv_window_show_error (self, error);
      return;
    }

  edit = g_new0 (VvEdit, 1);
  edit->kind = VV_EDIT_SPLIT;
  edit->first_id = vv_segment_get_id (segment);
  edit->second_id = vv_segment_get_id (second);
  g_ptr_array_add (self->undo_stack, edit);
  _vv_window_update_actions (self);
  _vv_window_focus_position (self, position + 1);
}

static gboolean
merge_segment (VvWindow  *self,
               VvSegment *segment,
               VvEdit    *edit,
               GError   **error)
{
  guint position = vv_segment_get_position (segment);
  VvSegment *next;

  next = vv_document_get_segment (self->document, position + 1);
  if (next != NULL && edit != NULL)
    {
      edit->second_id = vv_segment_get_id (next);
      edit->second_source = g_strdup (vv_segment_get_source (next));
      edit->second_target = g_strdup (vv_segment_get_target (next));
    }

  return vv_document_merge_segment (self->document, segment, error);
}

static void
merge_segment_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  guint position = _vv_window_get_current_position (self);
  g_autoptr(GError) error = NULL;
  VvSegment *segment;
  VvEdit *edit;

  if (self->document == NULL || position == G_MAXUINT)
    {
      vv_window_show_message (self, _("Put the cursor in a segment to merge it with the next one"));
      return;
    }

  segment = vv_document_get_segment (self->document, position);
  edit = g_new0 (VvEdit, 1);
  edit->kind = VV_EDIT_MERGE;
  edit->first_id = vv_segment_get_id (segment);
  if (!merge_segment (self, segment, edit, &error))
    {
      _vv_window_edit_free (edit);
      vv_window_show_error (self, error);
      return;
    }

  g_ptr_array_add (self->undo_stack, edit);
  _vv_window_update_actions (self);
  _vv_window_focus_position (self, position);
}

/* Where @tail starts at the end of @merged, or -1 */
static gssize
tail_offset (const char *merged,
             const char *tail)
{
  gsize merged_len, tail_len;

  if (merged == NULL || tail == NULL || *tail == '\0')
    return -1;
  merged_len = strlen (merged);
  tail_len = strlen (tail);
  if (tail_len > merged_len || strcmp (merged + merged_len - tail_len, tail) != 0)
    return -1;
  return merged_len - tail_len;
}

static void
undo_structure_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  VvSegment *first;
  VvEdit *edit;

  if (self->document == NULL || self->undo_stack->len == 0)
    return;

  edit = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  if (edit->kind == VV_EDIT_TARGETS)
    {
      _vv_window_undo_targets (self, edit);
      _vv_window_edit_free (edit);
      _vv_window_update_actions (self);
      return;
    }
  first = vv_document_lookup_segment (self->document, edit->first_id);
  if (first == NULL)
    {
      g_set_error (&error, VV_DOCUMENT_ERROR, VV_DOCUMENT_ERROR_INVALID,
                   _("The segment to restore no longer exists"));
    }
  else if (edit->kind == VV_EDIT_SPLIT)
    merge_segment (self, first, NULL, &error);
  else
    {
      gssize source_offset = tail_offset (vv_segment_get_source (first), edit->second_source);
      gssize target_offset = tail_offset (vv_segment_get_target (first), edit->second_target);

      if (source_offset < 0)
        g_set_error (&error, VV_DOCUMENT_ERROR, VV_DOCUMENT_ERROR_INVALID,
                     _("The merged segment was changed and cannot be split again"));
      else
        vv_document_split_segment (self->document, first, source_offset, target_offset,
                                   edit->second_id, &error);
    }

  if (error != NULL)
    vv_window_show_error (self, error);
  else if (first != NULL)
    _vv_window_focus_position (self, vv_segment_get_position (first));

  _vv_window_edit_free (edit);
  _vv_window_update_actions (self);
}

static void
close_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

void
_vv_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-url", NULL, open_url_action_cb);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "win.import-review", NULL, import_review_action_cb);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action_cb);
  gtk_widget_class_install_action (widget_class, "win.confirm-next", NULL, confirm_next_action_cb);
  gtk_widget_class_install_action (widget_class, "win.next-segment", NULL, next_segment_action_cb);
  gtk_widget_class_install_action (widget_class, "win.previous-segment", NULL,
                                   previous_segment_action_cb);
  gtk_widget_class_install_action (widget_class, "win.split-segment", NULL,
                                   split_segment_action_cb);
  gtk_widget_class_install_action (widget_class, "win.merge-segment", NULL,
                                   merge_segment_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo-structure", NULL,
                                   undo_structure_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.open-url", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "win.confirm-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "win.confirm-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "win.next-segment", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "win.previous-segment", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.split-segment", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.merge-segment", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.undo-structure", NULL);
}
