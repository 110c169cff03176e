/* vv-review-panel.c: the focused segment's changes, comments and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the chain MT → translator → reviewer as word diffs (GtkTextTags
 * for insertions and deletions), the comment thread with an entry to add
 * one, and the history with a Restore button per version (the window's
 * undoable "win.restore-version" action). Typing in the target refreshes
 * the diff once typing pauses (300 ms), so keystrokes stay cheap.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-review-panel.h"
#include "vv-settings.h"

#define REFRESH_DELAY_MS 300

struct _VvReviewPanel
{
  GtkWidget    parent_instance;

  GtkLabel    *title_label;
  GtkTextView *diff_view;
  GtkListBox  *comments_list;
  GtkEntry    *comment_entry;
  GtkListBox  *history_list;

  VvSegment   *segment;
  VvDocument  *document;
  gulong       changed_handler;
  guint        refresh_source;
};

G_DEFINE_FINAL_TYPE (VvReviewPanel, vv_review_panel, GTK_TYPE_WIDGET)

static void
ensure_tags (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  if (gtk_text_tag_table_lookup (table, "insert") != NULL)
    return;
  gtk_text_buffer_create_tag (buffer, "insert",
                              "underline", PANGO_UNDERLINE_SINGLE,
                              "foreground", "#26a269",
                              "background", "rgba(38,162,105,0.15)", NULL);
  gtk_text_buffer_create_tag (buffer, "delete",
                              "strikethrough", TRUE,
                              "foreground", "#c01c28",
                              "background", "rgba(192,28,40,0.12)", NULL);
  gtk_text_buffer_create_tag (buffer, "label",
                              "weight", PANGO_WEIGHT_BOLD,
                              "scale", 0.85, NULL);
}

/**
 * vv_review_panel_insert_diff:
 *
 * Appends the word diff from @old_text to @new_text to @buffer, deletions
 * struck through and insertions underlined (tags "delete" and "insert").
 */
void
vv_review_panel_insert_diff (GtkTextBuffer *buffer,
                             const char    *old_text,
                             const char    *new_text)
{
  g_autoptr(GPtrArray) chunks = vv_diff_words (old_text, new_text);
  GtkTextIter end;

  ensure_tags (buffer);
  for (guint i = 0; i < chunks->len; i++)
    {
      const VvDiffChunk *chunk = g_ptr_array_index (chunks, i);

      gtk_text_buffer_get_end_iter (buffer, &end);
      if (chunk->op == VV_DIFF_EQUAL)
        gtk_text_buffer_insert (buffer, &end, chunk->text, -1);
      else
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, chunk->text, -1,
                                                  chunk->op == VV_DIFF_INSERT ? "insert" : "delete",
                                                  NULL);
    }
}

static void
insert_label (GtkTextBuffer *buffer,
              const char    *label)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (!gtk_text_iter_is_start (&end))
    gtk_text_buffer_insert (buffer, &end, "\n\n", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, label, -1, "label", NULL);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n", -1);
}

static void
update_diff (VvReviewPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->diff_view);
  const char *target = vv_segment_get_target (self->segment);
  VvReviewVersions v;
  const char *before;

  ensure_tags (buffer);
  gtk_text_buffer_set_text (buffer, "", 0);
  vv_review_get_versions (self->segment, &v);

  if (v.mt != NULL && v.translator != NULL)
    {
      insert_label (buffer, _("Machine translation → translator"));
      vv_review_panel_insert_diff (buffer, v.mt, v.translator);
    }
  if (v.translator != NULL && v.reviewer != NULL)
    {
      insert_label (buffer, _("Translator → reviewer"));
      vv_review_panel_insert_diff (buffer, v.translator, v.reviewer);
    }

  /* what is being typed now, against the last recorded version */
  before = v.reviewer ? v.reviewer : v.translator ? v.translator : v.mt;
  if (before != NULL && g_strcmp0 (before, target ? target : "") != 0)
    {
      insert_label (buffer, v.reviewer || v.translator ? _("Recorded version → current text")
                                                       : _("Machine translation → current text"));
      vv_review_panel_insert_diff (buffer, before, target);
    }

  if (gtk_text_buffer_get_char_count (buffer) == 0)
    gtk_text_buffer_set_text (buffer, _("No changes recorded yet."), -1);
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = time ? g_date_time_to_local (time) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static void
on_resolved_toggled_cb (GtkCheckButton *check,
                        VvReviewPanel  *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "index"));

  if (self->segment != NULL && index < vv_segment_get_n_comments (self->segment))
    vv_segment_set_comment_resolved (self->segment, index,
                                     gtk_check_button_get_active (check));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
make_text_label (const char *heading,
                 const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *head = gtk_label_new (heading);
  GtkWidget *body = gtk_label_new (text && *text ? text : _("(empty)"));

  gtk_label_set_xalign (GTK_LABEL (head), 0);
  gtk_widget_add_css_class (head, "caption");
  gtk_widget_add_css_class (head, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), body);
  return box;
}

static void
update_comments (VvReviewPanel *self)
{
  guint n = vv_segment_get_n_comments (self->segment);

  clear_list (self->comments_list);
  for (guint i = 0; i < n; i++)
    {
      const VvComment *comment = vv_segment_get_comment (self->segment, i);
      g_autofree char *time = format_time (comment->time);
      g_autofree char *heading = g_strdup_printf ("%s · %s", comment->author, time);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *check = gtk_check_button_new_with_label (_("Resolved"));

      gtk_widget_set_margin_start (row, 8);
      gtk_widget_set_margin_end (row, 8);
      gtk_widget_set_margin_top (row, 6);
      gtk_widget_set_margin_bottom (row, 6);
      gtk_box_append (GTK_BOX (row), make_text_label (heading, comment->text));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), comment->resolved);
      gtk_widget_set_valign (check, GTK_ALIGN_START);
      g_object_set_data (G_OBJECT (check), "index", GUINT_TO_POINTER (i));
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_resolved_toggled_cb), self, 0);
      gtk_box_append (GTK_BOX (row), check);
      if (comment->resolved)
        gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->comments_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->comments_list), n > 0);
}

static void
update_history (VvReviewPanel *self)
{
  guint n = vv_segment_get_n_history (self->segment);

  clear_list (self->history_list);
  /* newest first */
  for (guint k = n; k > 0; k--)
    {
      const VvHistoryEntry *entry = vv_segment_get_history (self->segment, k - 1);
      g_autofree char *time = format_time (entry->time);
      g_autofree char *heading = g_strdup_printf ("%s · %s · %s",
                                                  vv_segment_state_get_label (entry->state),
                                                  entry->author && *entry->author ? entry->author : _("unknown"),
                                                  time);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *button = gtk_button_new_with_label (_("Restore"));

      gtk_widget_set_margin_start (row, 8);
      gtk_widget_set_margin_end (row, 8);
      gtk_widget_set_margin_top (row, 6);
      gtk_widget_set_margin_bottom (row, 6);
      gtk_box_append (GTK_BOX (row), make_text_label (heading, entry->target));
      gtk_widget_set_valign (button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (button, _("Put this version back as the target (undoable)"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.restore-version");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(uu)",
                                        vv_segment_get_id (self->segment), k - 1);
      gtk_box_append (GTK_BOX (row), button);
      gtk_list_box_append (self->history_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), n > 0);
}

static void
update_title (VvReviewPanel *self)
{
  g_autofree char *title = NULL;

  /* Translators: the review panel's heading, e.g. "Segment 12 · Translated" */
  title = g_strdup_printf (_("Segment %u · %s"), vv_segment_get_position (self->segment) + 1,
                           vv_segment_state_get_label (vv_segment_get_state (self->segment)));
  gtk_label_set_text (self->title_label, title);
}

static void
update_all (VvReviewPanel *self)
{
  if (self->segment == NULL)
    {
      gtk_label_set_text (self->title_label, _("No segment selected"));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->diff_view), "", 0);
      clear_list (self->comments_list);
      clear_list (self->history_list);
      gtk_widget_set_sensitive (GTK_WIDGET (self->comment_entry), FALSE);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->comment_entry), TRUE);
  update_title (self);
  update_diff (self);
  update_comments (self);
  update_history (self);
}

static gboolean
refresh_diff_cb (gpointer data)
{
  VvReviewPanel *self = data;

  self->refresh_source = 0;
  if (self->segment != NULL)
    update_diff (self);
  return G_SOURCE_REMOVE;
}

static void
on_segment_changed_cb (VvDocument    *document,
                       VvSegment     *segment,
                       guint          change,
                       VvReviewPanel *self)
{
  if (segment != self->segment)
    return;

  if (change & VV_SEGMENT_CHANGE_STATE)
    update_title (self);
  if (change & VV_SEGMENT_CHANGE_COMMENTS)
    update_comments (self);
  if (change & (VV_SEGMENT_CHANGE_HISTORY | VV_SEGMENT_CHANGE_SUGGESTIONS))
    {
      update_history (self);
      update_diff (self);
    }
  else if (change & VV_SEGMENT_CHANGE_TARGET)
    {
      /* once typing pauses: nothing is redrawn in the panel while keys come */
      g_clear_handle_id (&self->refresh_source, g_source_remove);
      self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_diff_cb, self);
    }
}

static void
on_comment_entry_activate_cb (VvReviewPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->comment_entry));
  g_autofree char *author = NULL;
  g_autofree char *stripped = NULL;

  if (self->segment == NULL)
    return;
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return;
  author = vv_settings_dup_effective_author (vv_settings_get_default ());
  vv_review_add_comment (self->segment, author, stripped);
  gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), "");
}

static void
disconnect (VvReviewPanel *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);
  g_clear_object (&self->segment);
}

static void
vv_review_panel_dispose (GObject *object)
{
  VvReviewPanel *self = VV_REVIEW_PANEL (object);
  GtkWidget *child;

  disconnect (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VV_TYPE_REVIEW_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (vv_review_panel_parent_class)->dispose (object);
}

static void
vv_review_panel_class_init (VvReviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vv_review_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visavis/Visavis/ui/vv-review-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, VvReviewPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, VvReviewPanel, diff_view);
  gtk_widget_class_bind_template_child (widget_class, VvReviewPanel, comments_list);
  gtk_widget_class_bind_template_child (widget_class, VvReviewPanel, comment_entry);
  gtk_widget_class_bind_template_child (widget_class, VvReviewPanel, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_comment_entry_activate_cb);

  gtk_widget_class_set_css_name (widget_class, "reviewpanel");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vv_review_panel_init (VvReviewPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_all (self);
}

GtkWidget *
vv_review_panel_new (void)
{
  return g_object_new (VV_TYPE_REVIEW_PANEL, NULL);
}

/**
 * vv_review_panel_set_segment:
 * @segment: (nullable): the segment to show
 */
void
vv_review_panel_set_segment (VvReviewPanel *self,
                             VvSegment     *segment)
{
  g_return_if_fail (VV_IS_REVIEW_PANEL (self));

  if (segment == self->segment)
    return;
  disconnect (self);
  if (segment != NULL)
    {
      self->segment = g_object_ref (segment);
      self->document = vv_segment_get_document (segment);
      if (self->document != NULL)
        {
          g_object_ref (self->document);
          self->changed_handler = g_signal_connect (self->document, "segment-changed",
                                                    G_CALLBACK (on_segment_changed_cb), self);
        }
    }
  update_all (self);
}

VvSegment *
vv_review_panel_get_segment (VvReviewPanel *self)
{
  g_return_val_if_fail (VV_IS_REVIEW_PANEL (self), NULL);
  return self->segment;
}

void
vv_review_panel_focus_comment (VvReviewPanel *self)
{
  g_return_if_fail (VV_IS_REVIEW_PANEL (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->comment_entry));
}

/**
 * vv_review_panel_dup_diff_text:
 * @marked: mark tagged text as [-deleted-] and {+inserted+}
 *
 * Returns: (transfer full): the diff view's text, for tests
 */
char *
vv_review_panel_dup_diff_text (VvReviewPanel *self,
                               gboolean       marked)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->diff_view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *ins = gtk_text_tag_table_lookup (table, "insert");
  GtkTextTag *del = gtk_text_tag_table_lookup (table, "delete");
  GString *out = g_string_new (NULL);
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (!gtk_text_iter_is_end (&iter))
    {
      gunichar c = gtk_text_iter_get_char (&iter);
      gboolean in_ins = ins && gtk_text_iter_has_tag (&iter, ins);
      gboolean in_del = del && gtk_text_iter_has_tag (&iter, del);

      if (marked && in_ins && gtk_text_iter_starts_tag (&iter, ins))
        g_string_append (out, "{+");
      if (marked && in_del && gtk_text_iter_starts_tag (&iter, del))
        g_string_append (out, "[-");
      g_string_append_unichar (out, c);
      gtk_text_iter_forward_char (&iter);
      if (marked && in_ins && gtk_text_iter_ends_tag (&iter, ins))
        g_string_append (out, "+}");
      if (marked && in_del && gtk_text_iter_ends_tag (&iter, del))
        g_string_append (out, "-]");
    }
  return g_string_free (out, FALSE);
}
