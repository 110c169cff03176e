/* vv-review-actions.c: the window's review desk — review mode, approve and
 * send back, filters, navigation, comments, QA, find and replace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of VvWindow (shares vv-window-private.h), kept apart so that
 * vv-window.c and vv-window-actions.c change as little as possible. The
 * list shows document → GtkFilterListModel (VvFilter in a GtkCustomFilter)
 * → GtkNoSelection; positions in the list differ from positions in the
 * document once a filter is on, see _vv_window_list_position().
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-comments-list.h"
#include "vv-filter-bar.h"
#include "vv-qa-panel.h"
#include "vv-review-panel.h"
#include "vv-settings.h"
#include "vv-window-private.h"

typedef struct
{
  guint  id;
  guint8 state;
  char  *target;
  char  *origin;
} TargetSnapshot;

static void
target_snapshot_free (gpointer data)
{
  TargetSnapshot *snapshot = data;

  g_free (snapshot->target);
  g_free (snapshot->origin);
  g_free (snapshot);
}

static void
snapshot (GPtrArray *targets,
          VvSegment *segment)
{
  TargetSnapshot *s = g_new0 (TargetSnapshot, 1);

  s->id = vv_segment_get_id (segment);
  s->state = vv_segment_get_state (segment);
  s->target = g_strdup (vv_segment_get_target (segment));
  s->origin = g_strdup (vv_segment_get_origin (segment));
  g_ptr_array_add (targets, s);
}

static VvEdit *
targets_edit_new (void)
{
  VvEdit *edit = g_new0 (VvEdit, 1);

  edit->kind = VV_EDIT_TARGETS;
  edit->targets = g_ptr_array_new_with_free_func (target_snapshot_free);
  return edit;
}

static void
push_edit (VvWindow *self,
           VvEdit   *edit)
{
  if (edit->targets->len == 0)
    {
      _vv_window_edit_free (edit);
      return;
    }
  g_ptr_array_add (self->undo_stack, edit);
  _vv_window_update_actions (self);
}

/**
 * _vv_window_undo_targets:
 *
 * Puts back the targets, origins and states saved before a replace-all, a
 * restore, a QA fix or a copy of the source. History entries made in
 * between stay: the history records what happened.
 */
void
_vv_window_undo_targets (VvWindow *self,
                         VvEdit   *edit)
{
  guint first = G_MAXUINT;

  vv_document_begin_batch (self->document);
  for (guint i = 0; i < edit->targets->len; i++)
    {
      TargetSnapshot *s = g_ptr_array_index (edit->targets, i);
      VvSegment *segment = vv_document_lookup_segment (self->document, s->id);

      if (segment == NULL)
        continue;
      vv_segment_set_target (segment, s->target);
      vv_segment_set_origin (segment, s->origin);
      vv_segment_set_state (segment, s->state);
      first = MIN (first, vv_segment_get_position (segment));
    }
  vv_document_end_batch (self->document);
  if (first != G_MAXUINT)
    _vv_window_focus_position (self, first);
}

static char *
author (void)
{
  return vv_settings_dup_effective_author (vv_settings_get_default ());
}

static VvSegment *
current_segment (VvWindow *self)
{
  guint position = _vv_window_get_current_position (self);

  if (self->document == NULL || position == G_MAXUINT)
    return NULL;
  return vv_document_get_segment (self->document, position);
}

/* Positions: the list shows the filtered model, in document order */

/**
 * _vv_window_list_position:
 * @position: a position in the document
 *
 * Returns: the segment's position in the (filtered) list, or G_MAXUINT
 *   when the filter hides it
 */
guint
_vv_window_list_position (VvWindow *self,
                          guint     position)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint lo = 0, hi = g_list_model_get_n_items (model);

  if (vv_filter_is_empty (self->filter))
    return position;

  /* the filtered items keep document order: binary search */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(VvSegment) segment = g_list_model_get_item (model, mid);
      guint p = vv_segment_get_position (segment);

      if (p == position)
        return mid;
      if (p < position)
        lo = mid + 1;
      else
        hi = mid;
    }
  return G_MAXUINT;
}

/* Moves to the next (or previous) segment the list shows */
static void
focus_next_visible (VvWindow *self,
                    guint     position,
                    gboolean  forward)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (model);
  guint at = _vv_window_list_position (self, position);

  if (at == G_MAXUINT)
    {
      /* hidden now (e.g. approved under a "to do" filter): the first shown after it */
      for (at = 0; at < n; at++)
        {
          g_autoptr(VvSegment) segment = g_list_model_get_item (model, at);
          if (vv_segment_get_position (segment) > position)
            break;
        }
      if (!forward)
        at = at > 0 ? at - 1 : G_MAXUINT;
    }
  else if (forward)
    at++;
  else
    at = at > 0 ? at - 1 : G_MAXUINT;

  for (; at < n; forward ? at++ : at--)
    {
      g_autoptr(VvSegment) segment = g_list_model_get_item (model, at);
      if (!vv_segment_is_excluded (segment))
        {
          _vv_window_focus_position (self, vv_segment_get_position (segment));
          return;
        }
      if (!forward && at == 0)
        break;
    }
}

/* Filtering */

static void
update_count (VvWindow *self)
{
  vv_filter_bar_set_count (self->filter_bar,
                           g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)),
                           self->document ? vv_document_get_n_segments (self->document) : 0);
}

/* Applies the bar's criteria; the segment being edited stays in view */
void
_vv_window_refilter (VvWindow *self)
{
  VvSegment *current = current_segment (self);
  guint at;

  vv_filter_bar_apply (self->filter_bar, self->filter);
  vv_filter_set_qa_segments (self->filter,
                             vv_filter_bar_get_qa_only (self->filter_bar) ? self->qa_segments : NULL);
  gtk_filter_changed (GTK_FILTER (self->custom_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);

  if (current != NULL)
    {
      at = _vv_window_list_position (self, vv_segment_get_position (current));
      if (at != G_MAXUINT)
        gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", at);
    }
}

static void
on_filter_bar_closed_cb (VvWindow *self)
{
  vv_filter_bar_reset (self->filter_bar);
  gtk_revealer_set_reveal_child (self->filter_revealer, FALSE);
  _vv_window_focus_position (self, _vv_window_get_current_position (self));
}

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->filter_revealer, TRUE);
  vv_filter_bar_focus (self->filter_bar);
}

/* Replace all, in the targets the list shows, undoable */

static void
on_filter_bar_replace_all_cb (VvWindow *self)
{
  const char *text = vv_filter_bar_get_text (self->filter_bar);
  const char *replacement = vv_filter_bar_get_replacement (self->filter_bar);
  gboolean regex = vv_filter_bar_get_regex (self->filter_bar);
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  GListModel *model = G_LIST_MODEL (self->filter_model);
  VvEdit *edit;
  guint n, changed = 0;

  if (self->document == NULL || text == NULL || *text == '\0')
    return;

  escaped = regex ? g_strdup (text) : g_regex_escape_string (text, -1);
  re = g_regex_new (escaped,
                    vv_filter_bar_get_match_case (self->filter_bar) ? 0 : G_REGEX_CASELESS,
                    0, &error);
  if (re == NULL)
    {
      vv_window_show_error (self, error);
      return;
    }

  edit = targets_edit_new ();
  n = g_list_model_get_n_items (model);
  vv_document_begin_batch (self->document);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VvSegment) segment = g_list_model_get_item (model, i);
      const char *target = vv_segment_get_target (segment);
      g_autofree char *result = NULL;

      if (target == NULL || vv_segment_is_locked (segment) || vv_segment_is_excluded (segment))
        continue;
      /* a literal replacement: no back-references in the replacement either */
      if (regex)
        result = g_regex_replace (re, target, -1, 0, replacement, 0, &error);
      else
        result = g_regex_replace_literal (re, target, -1, 0, replacement, 0, &error);
      if (result == NULL)
        break;
      if (g_str_equal (result, target))
        continue;
      snapshot (edit->targets, segment);
      vv_review_edit_target (segment, result);
      changed++;
    }
  vv_document_end_batch (self->document);

  if (error != NULL)
    vv_window_show_error (self, error);
  push_edit (self, edit);
  message = g_strdup_printf (ngettext ("Replaced in %u segment (Ctrl+Alt+Z to undo)",
                                       "Replaced in %u segments (Ctrl+Alt+Z to undo)", changed),
                             changed);
  vv_window_show_message (self, message);
}

/* Review mode, approve, send back */

static void
on_review_mode_change_state_cb (GSimpleAction *action,
                                GVariant      *state,
                                VvWindow      *self)
{
  self->review_mode = g_variant_get_boolean (state);
  g_simple_action_set_state (action, state);
  if (self->review_mode)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "review-mode");
      gtk_stack_set_visible_child_name (self->side_stack, "segment");
      gtk_revealer_set_reveal_child (self->sidebar_revealer, TRUE);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "review-mode");
      gtk_revealer_set_reveal_child (self->sidebar_revealer, FALSE);
    }
}

gboolean
vv_window_get_review_mode (VvWindow *self)
{
  g_return_val_if_fail (VV_IS_WINDOW (self), FALSE);
  return self->review_mode;
}

void
vv_window_set_review_mode (VvWindow *self,
                           gboolean  review_mode)
{
  GAction *action;

  g_return_if_fail (VV_IS_WINDOW (self));
  action = g_action_map_lookup_action (G_ACTION_MAP (self->review_actions), "mode");
  g_action_change_state (action, g_variant_new_boolean (review_mode));
}

/**
 * _vv_window_approve_next:
 *
 * Ctrl+Enter in review mode: approve the current segment as it stands
 * (edits included) and move on.
 */
void
_vv_window_approve_next (VvWindow *self)
{
  VvSegment *segment = current_segment (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *who = author ();

  if (segment == NULL)
    return;
  if (!vv_review_approve (segment, who, &error))
    {
      vv_window_show_error (self, error);
      return;
    }
  focus_next_visible (self, vv_segment_get_position (segment), TRUE);
}

static void
approve_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _vv_window_approve_next (VV_WINDOW (widget));
}

static void
on_send_back_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  g_autoptr(VvWindow) self = user_data;
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "segment-id"));
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(GError) error = NULL;
  g_autofree char *who = author ();
  VvSegment *segment;

  if (!g_str_equal (response, "send-back") || self->document == NULL)
    return;
  segment = vv_document_lookup_segment (self->document, id);
  if (segment == NULL)
    return;
  if (!vv_review_send_back (segment, who, gtk_editable_get_text (entry), &error))
    {
      vv_window_show_error (self, error);
      return;
    }
  focus_next_visible (self, vv_segment_get_position (segment), TRUE);
}

static void
on_send_back_entry_changed_cb (GtkEditable      *entry,
                               AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "send-back", *text != '\0');
}

static void
send_back_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  VvSegment *segment = current_segment (self);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (segment == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Send Back?"),
                                                       _("Tell the translator what to change.")));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Comment"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "send-back", _("_Send Back"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "send-back", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "send-back", FALSE);
  adw_message_dialog_set_default_response (dialog, "send-back");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "segment-id", GUINT_TO_POINTER (vv_segment_get_id (segment)));
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_send_back_entry_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_send_back_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Navigation */

static void
find_and_focus (VvWindow  *self,
                gboolean   forward,
                gboolean (*predicate) (VvSegment *segment))
{
  guint position = _vv_window_get_current_position (self);
  VvSegment *segment;

  if (self->document == NULL)
    return;
  segment = vv_review_find (self->document,
                            position == G_MAXUINT ? (forward ? vv_document_get_n_segments (self->document) - 1 : 0)
                                                  : position,
                            forward, predicate);
  if (segment == NULL)
    {
      vv_window_show_message (self, predicate == vv_review_needs_review
                                    ? _("No segment waits for review")
                                    : _("Every segment is translated"));
      return;
    }
  if (_vv_window_list_position (self, vv_segment_get_position (segment)) == G_MAXUINT)
    vv_filter_bar_reset (self->filter_bar);
  _vv_window_focus_position (self, vv_segment_get_position (segment));
}

static void
next_untranslated_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  find_and_focus (VV_WINDOW (widget), TRUE, vv_review_needs_translation);
}

static void
previous_untranslated_action_cb (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  find_and_focus (VV_WINDOW (widget), FALSE, vv_review_needs_translation);
}

static void
next_review_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  find_and_focus (VV_WINDOW (widget), TRUE, vv_review_needs_review);
}

static void
focus_segment_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  VvSegment *segment;

  if (self->document == NULL)
    return;
  segment = vv_document_lookup_segment (self->document, g_variant_get_uint32 (parameter));
  if (segment == NULL)
    return;
  if (_vv_window_list_position (self, vv_segment_get_position (segment)) == G_MAXUINT)
    vv_filter_bar_reset (self->filter_bar);
  _vv_window_focus_position (self, vv_segment_get_position (segment));
}

/* Comments, history, copy source */

static void
show_sidebar (VvWindow   *self,
              const char *page)
{
  gtk_stack_set_visible_child_name (self->side_stack, page);
  gtk_revealer_set_reveal_child (self->sidebar_revealer, TRUE);
}

static void
add_comment_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  VvSegment *segment = current_segment (self);

  if (segment == NULL)
    return;
  vv_review_panel_set_segment (self->review_panel, segment);
  show_sidebar (self, "segment");
  vv_review_panel_focus_comment (self->review_panel);
}

static void
toggle_sidebar_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->sidebar_revealer,
                                 !gtk_revealer_get_reveal_child (self->sidebar_revealer));
}

static void
restore_version_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *who = author ();
  VvSegment *segment;
  VvEdit *edit;
  guint id, index;

  g_variant_get (parameter, "(uu)", &id, &index);
  if (self->document == NULL || (segment = vv_document_lookup_segment (self->document, id)) == NULL)
    return;

  edit = targets_edit_new ();
  snapshot (edit->targets, segment);
  if (!vv_review_restore (segment, index, who, &error))
    {
      _vv_window_edit_free (edit);
      vv_window_show_error (self, error);
      return;
    }
  push_edit (self, edit);
}

static void
copy_source_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  VvSegment *segment = current_segment (self);
  VvEdit *edit;

  if (segment == NULL || vv_segment_is_locked (segment))
    return;
  edit = targets_edit_new ();
  snapshot (edit->targets, segment);
  vv_review_edit_target (segment, vv_segment_get_source (segment));
  push_edit (self, edit);
}

/* QA */

static void
run_qa_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  g_autoptr(GPtrArray) findings = NULL;

  if (self->document == NULL)
    return;
  findings = vv_qa_check_document (self->document, NULL);
  g_hash_table_remove_all (self->qa_segments);
  for (guint i = 0; i < findings->len; i++)
    {
      const VvQaFinding *f = g_ptr_array_index (findings, i);
      g_hash_table_add (self->qa_segments, GUINT_TO_POINTER (f->segment_id));
    }
  vv_qa_panel_set_findings (self->qa_panel, findings);
  show_sidebar (self, "qa");
  if (vv_filter_bar_get_qa_only (self->filter_bar))
    _vv_window_refilter (self);
}

static void
qa_fix_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VvWindow *self = VV_WINDOW (widget);
  g_autoptr(GPtrArray) findings = NULL;
  const char *check;
  VvSegment *segment;
  guint id;

  g_variant_get (parameter, "(u&s)", &id, &check);
  if (self->document == NULL || (segment = vv_document_lookup_segment (self->document, id)) == NULL)
    return;

  /* the finding as it is now: a stale one is not applied */
  findings = vv_qa_check_segment (segment, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      const VvQaFinding *f = g_ptr_array_index (findings, i);
      VvEdit *edit;

      if (!g_str_equal (f->check, check) || f->fix == NULL)
        continue;
      edit = targets_edit_new ();
      snapshot (edit->targets, segment);
      if (vv_qa_apply_fix (self->document, f))
        push_edit (self, edit);
      else
        _vv_window_edit_free (edit);
      break;
    }
  vv_qa_panel_remove_fixed (self->qa_panel, id, check);
}

/* The panel follows the segment being edited */

static void
on_focus_widget_changed_cb (VvWindow *self)
{
  VvSegment *segment = current_segment (self);

  if (segment != NULL)
    vv_review_panel_set_segment (self->review_panel, segment);
}

void
_vv_window_review_set_document (VvWindow   *self,
                                VvDocument *document)
{
  g_hash_table_remove_all (self->qa_segments);
  vv_qa_panel_set_findings (self->qa_panel, NULL);
  vv_review_panel_set_segment (self->review_panel, NULL);
  vv_comments_list_set_document (self->comments_list, document);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (document));
  vv_filter_bar_reset (self->filter_bar);
  update_count (self);
}

void
_vv_window_review_update_actions (VvWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_doc = self->document != NULL && !self->busy;
  static const char * const actions[] = {
    "win.approve", "win.send-back", "win.next-untranslated", "win.previous-untranslated",
    "win.next-review", "win.add-comment", "win.find", "win.run-qa", "win.copy-source",
    "win.focus-segment", "win.restore-version", "win.qa-fix", "win.toggle-sidebar",
  };
  GAction *mode;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (widget, actions[i], has_doc);
  /* called from the template's init, before the action group exists */
  if (self->review_actions == NULL)
    return;
  mode = g_action_map_lookup_action (G_ACTION_MAP (self->review_actions), "mode");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (mode), has_doc);
}

void
_vv_window_review_init (VvWindow *self)
{
  static const struct { const char *trigger; const char *action; } shortcuts[] = {
    { "<Control>r", "review.mode" },
    { "<Control><Shift>b", "win.send-back" },
    { "<Alt>Page_Down", "win.next-untranslated" },
    { "<Alt>Page_Up", "win.previous-untranslated" },
    { "<Control><Alt>Page_Down", "win.next-review" },
    { "<Control><Alt>c", "win.add-comment" },
    { "<Control>f", "win.find" },
    { "<Control>h", "win.find" },
    { "F7", "win.run-qa" },
    { "F9", "win.toggle-sidebar" },
    { "<Control><Shift>c", "win.copy-source" },
  };
  g_autoptr(GSimpleAction) mode = NULL;
  GtkEventController *controller;

  self->filter = vv_filter_new ();
  self->qa_segments = g_hash_table_new (NULL, NULL);
  self->custom_filter = gtk_custom_filter_new (vv_filter_match_item, self->filter, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->custom_filter)));
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->filter_model));

  self->review_actions = g_simple_action_group_new ();
  mode = g_simple_action_new_stateful ("mode", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (mode, "change-state", G_CALLBACK (on_review_mode_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self->review_actions), G_ACTION (mode));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "review", G_ACTION_GROUP (self->review_actions));
  _vv_window_review_update_actions (self);

  g_signal_connect_object (self->filter_bar, "changed", G_CALLBACK (_vv_window_refilter),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_bar, "replace-all", G_CALLBACK (on_filter_bar_replace_all_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_bar, "closed", G_CALLBACK (on_filter_bar_closed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::focus-widget", G_CALLBACK (on_focus_widget_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* capture phase: the target GtkTextView must not see these first */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
_vv_window_review_dispose (VvWindow *self)
{
  if (self->selection != NULL)
    gtk_no_selection_set_model (self->selection, NULL);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->custom_filter);
  g_clear_object (&self->review_actions);
  g_clear_pointer (&self->filter, vv_filter_free);
  g_clear_pointer (&self->qa_segments, g_hash_table_unref);
}

void
_vv_window_review_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (VV_TYPE_FILTER_BAR);
  g_type_ensure (VV_TYPE_REVIEW_PANEL);
  g_type_ensure (VV_TYPE_COMMENTS_LIST);
  g_type_ensure (VV_TYPE_QA_PANEL);

  gtk_widget_class_bind_template_child (widget_class, VvWindow, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, VvWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, VvWindow, sidebar_revealer);
  gtk_widget_class_bind_template_child (widget_class, VvWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, VvWindow, review_panel);
  gtk_widget_class_bind_template_child (widget_class, VvWindow, comments_list);
  gtk_widget_class_bind_template_child (widget_class, VvWindow, qa_panel);

  gtk_widget_class_install_action (widget_class, "win.approve", NULL, approve_action_cb);
  gtk_widget_class_install_action (widget_class, "win.send-back", NULL, send_back_action_cb);
  gtk_widget_class_install_action (widget_class, "win.next-untranslated", NULL, next_untranslated_action_cb);
  gtk_widget_class_install_action (widget_class, "win.previous-untranslated", NULL,
                                   previous_untranslated_action_cb);
  gtk_widget_class_install_action (widget_class, "win.next-review", NULL, next_review_action_cb);
  gtk_widget_class_install_action (widget_class, "win.add-comment", NULL, add_comment_action_cb);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "win.run-qa", NULL, run_qa_action_cb);
  gtk_widget_class_install_action (widget_class, "win.qa-fix", "(us)", qa_fix_action_cb);
  gtk_widget_class_install_action (widget_class, "win.focus-segment", "u", focus_segment_action_cb);
  gtk_widget_class_install_action (widget_class, "win.restore-version", "(uu)", restore_version_action_cb);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action_cb);
  gtk_widget_class_install_action (widget_class, "win.copy-source", NULL, copy_source_action_cb);
}
