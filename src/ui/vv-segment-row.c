/* vv-segment-row.c: one row of the side-by-side segment list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row is recycled by the GtkListView factory: bind() connects to the
 * segment and its block, unbind() disconnects exactly what bind() connected.
 *
 * GTK 4.8's GtkListView creates and binds about 200 rows when a document
 * is shown, so a row is kept light: the comment indicator and the
 * "Translate this block too" button are only created for the rows that
 * need them, and bind() skips work whose result would not change.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-panes-layout.h"
#include "vv-segment-row.h"
#include "vv-spell-view.h"

struct _VvSegmentRow
{
  GtkWidget      parent_instance;

  GtkWidget     *state_dot;
  GtkLabel      *source_label;
  GtkTextView   *target_view;
  GtkWidget     *target_box;
  GtkButton     *include_button;  /* created on demand (boilerplate blocks) */
  GtkWidget     *comment_icon;    /* created on demand (segments with comments) */

  VvSegment     *segment;
  VvBlock       *block;
  gulong         target_handler;
  gulong         state_handler;
  gulong         included_handler;
  gulong         buffer_handler;
  gulong         comments_handler;
  int            shown_state;     /* the state the dot shows, -1: none yet */
  guint          updating : 1;
};

G_DEFINE_FINAL_TYPE (VvSegmentRow, vv_segment_row, GTK_TYPE_WIDGET)

static const char * const state_classes[] = {
  "untranslated", "draft", "translated", "needs-changes", "approved",
};

static void
update_state (VvSegmentRow *self)
{
  VvSegmentState state = vv_segment_get_state (self->segment);

  /* rows are rebound often while scrolling: most keep their state */
  if ((int) state == self->shown_state)
    return;
  self->shown_state = state;
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (self->state_dot, state_classes[i]);
  if ((guint) state < G_N_ELEMENTS (state_classes))
    gtk_widget_add_css_class (self->state_dot, state_classes[state]);
  gtk_widget_set_tooltip_text (self->state_dot, vv_segment_state_get_label (state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_dot),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, vv_segment_state_get_label (state),
                                  -1);
}

/* Screen readers announce the target as "Translation of segment N",
 * described by the source sentence (relation set in init). */
static void
update_accessible_labels (VvSegmentRow *self)
{
  g_autofree char *label = NULL;

  /* Translators: accessible name of the editable translation of a segment */
  label = g_strdup_printf (_("Translation of segment %u"), vv_segment_get_position (self->segment) + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* A speech-bubble-like icon when the segment has comments; the tooltip
 * says how many are still open (issue 6) */
static void
update_comments (VvSegmentRow *self)
{
  guint n = vv_segment_get_n_comments (self->segment);
  guint open = n ? vv_segment_get_n_unresolved_comments (self->segment) : 0;
  g_autofree char *tip = NULL;

  if (n == 0)
    {
      if (self->comment_icon != NULL)
        gtk_widget_set_visible (self->comment_icon, FALSE);
      return;
    }
  if (self->comment_icon == NULL)
    {
      self->comment_icon = gtk_image_new_from_icon_name ("mail-unread-symbolic");
      gtk_widget_set_valign (self->comment_icon, GTK_ALIGN_START);
      gtk_widget_set_margin_top (self->comment_icon, 4);
      gtk_widget_add_css_class (self->comment_icon, "comment-indicator");
      gtk_widget_insert_after (self->comment_icon, GTK_WIDGET (self), self->state_dot);
    }
  gtk_widget_set_visible (self->comment_icon, TRUE);
  tip = g_strdup_printf (ngettext ("%u comment, %u open", "%u comments, %u open", n), n, open);
  gtk_widget_set_tooltip_text (self->comment_icon, tip);
  gtk_widget_set_opacity (self->comment_icon, open > 0 ? 1.0 : 0.4);
}

static void
update_target (VvSegmentRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->target_view);
  const char *target = vv_segment_get_target (self->segment);
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, target ? target : "") == 0)
    return;

  self->updating = TRUE;
  gtk_text_buffer_set_text (buffer, target ? target : "", -1);
  self->updating = FALSE;
}

static void
on_include_button_clicked_cb (VvSegmentRow *self)
{
  if (self->block != NULL)
    vv_block_set_included (self->block, !vv_block_get_included (self->block));
}

static void
update_included (VvSegmentRow *self)
{
  gboolean boilerplate = vv_block_get_kind (self->block) == VV_BLOCK_KIND_BOILERPLATE;
  gboolean excluded = vv_segment_is_excluded (self->segment);

  if (excluded)
    gtk_widget_add_css_class (GTK_WIDGET (self), "boilerplate");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "boilerplate");

  if (boilerplate && self->include_button == NULL)
    {
      self->include_button = GTK_BUTTON (gtk_button_new ());
      gtk_widget_set_halign (GTK_WIDGET (self->include_button), GTK_ALIGN_START);
      gtk_widget_add_css_class (GTK_WIDGET (self->include_button), "flat");
      g_signal_connect_swapped (self->include_button, "clicked",
                                G_CALLBACK (on_include_button_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->target_box), GTK_WIDGET (self->include_button));
    }
  if (self->include_button != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->include_button), boilerplate);
      if (boilerplate)
        gtk_button_set_label (self->include_button,
                              excluded ? _("Translate this block too")
                                       : _("Leave this block out"));
    }
  /* An excluded block has nothing to type into: show only the button. */
  gtk_widget_set_visible (GTK_WIDGET (self->target_view), !excluded);
  gtk_text_view_set_editable (self->target_view,
                              !excluded && !vv_segment_is_locked (self->segment));
}

static void
on_segment_target_cb (VvSegmentRow *self)
{
  if (!self->updating)
    update_target (self);
}

static void
on_buffer_changed_cb (VvSegmentRow  *self,
                      GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || self->segment == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->updating = TRUE;
  vv_segment_set_target (self->segment, text);
  self->updating = FALSE;
}

static void
vv_segment_row_dispose (GObject *object)
{
  VvSegmentRow *self = VV_SEGMENT_ROW (object);
  GtkWidget *child;

  vv_segment_row_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VV_TYPE_SEGMENT_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (vv_segment_row_parent_class)->dispose (object);
}

static void
vv_segment_row_class_init (VvSegmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vv_segment_row_dispose;

  g_type_ensure (VV_TYPE_PANES_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visavis/Visavis/ui/vv-segment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VvSegmentRow, state_dot);
  gtk_widget_class_bind_template_child (widget_class, VvSegmentRow, source_label);
  gtk_widget_class_bind_template_child (widget_class, VvSegmentRow, target_view);
  gtk_widget_class_bind_template_child (widget_class, VvSegmentRow, target_box);

  gtk_widget_class_set_css_name (widget_class, "segmentrow");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
vv_segment_row_init (VvSegmentRow *self)
{
  GtkLayoutManager *layout;
  g_autoptr(GtkTextBuffer) buffer = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown_state = -1;

  /* the spell checker's tag is in the table from the start (see
   * vv_spell_view_get_tag_table()) */
  buffer = gtk_text_buffer_new (vv_spell_view_get_tag_table ());
  gtk_text_view_set_buffer (self->target_view, buffer);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->target_view),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->source_label, NULL,
                                  -1);

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), FALSE);

  self->buffer_handler =
    g_signal_connect_object (gtk_text_view_get_buffer (self->target_view), "changed",
                             G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
vv_segment_row_new (void)
{
  return g_object_new (VV_TYPE_SEGMENT_ROW, NULL);
}

/**
 * vv_segment_row_bind:
 * @self: a #VvSegmentRow
 * @segment: the segment to show
 *
 * Shows @segment in the row and follows its changes until
 * vv_segment_row_unbind().
 */
void
vv_segment_row_bind (VvSegmentRow *self,
                     VvSegment    *segment)
{
  GtkWidget *widget = GTK_WIDGET (self);
  VvBlockKind kind;

  g_return_if_fail (VV_IS_SEGMENT_ROW (self));
  g_return_if_fail (VV_IS_SEGMENT (segment));

  if (self->segment == segment)
    return;
  vv_segment_row_unbind (self);

  self->segment = g_object_ref (segment);
  self->block = vv_segment_get_block (segment);
  if (self->block != NULL)
    g_object_ref (self->block);

  gtk_label_set_text (self->source_label, vv_segment_get_source (segment));
  update_accessible_labels (self);

  kind = self->block ? vv_block_get_kind (self->block) : VV_BLOCK_KIND_PARAGRAPH;
  if (kind == VV_BLOCK_KIND_TITLE)
    gtk_widget_add_css_class (widget, "title");
  else if (kind == VV_BLOCK_KIND_HEADING)
    gtk_widget_add_css_class (widget, "heading");

  update_state (self);
  update_target (self);
  update_comments (self);
  self->comments_handler =
    g_signal_connect_swapped (segment, "notify::n-comments",
                              G_CALLBACK (update_comments), self);

  self->target_handler =
    g_signal_connect_swapped (segment, "notify::target",
                              G_CALLBACK (on_segment_target_cb), self);
  self->state_handler =
    g_signal_connect_swapped (segment, "notify::state",
                              G_CALLBACK (update_state), self);
  if (self->block != NULL)
    {
      self->included_handler =
        g_signal_connect_swapped (self->block, "notify::included",
                                  G_CALLBACK (update_included), self);
      update_included (self);
    }
  else if (self->include_button != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->include_button), FALSE);
}

/**
 * vv_segment_row_unbind:
 * @self: a #VvSegmentRow
 *
 * Disconnects from the segment shown, if any.
 */
void
vv_segment_row_unbind (VvSegmentRow *self)
{
  g_return_if_fail (VV_IS_SEGMENT_ROW (self));

  if (self->segment == NULL)
    return;

  g_clear_signal_handler (&self->target_handler, self->segment);
  g_clear_signal_handler (&self->state_handler, self->segment);
  g_clear_signal_handler (&self->comments_handler, self->segment);
  if (self->block != NULL)
    g_clear_signal_handler (&self->included_handler, self->block);

  gtk_widget_remove_css_class (GTK_WIDGET (self), "title");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "heading");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "boilerplate");
  gtk_widget_set_visible (GTK_WIDGET (self->target_view), TRUE);

  g_clear_object (&self->segment);
  g_clear_object (&self->block);
}

VvSegment *
vv_segment_row_get_segment (VvSegmentRow *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT_ROW (self), NULL);
  return self->segment;
}

GtkTextView *
vv_segment_row_get_target_view (VvSegmentRow *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT_ROW (self), NULL);
  return self->target_view;
}

/**
 * vv_segment_row_focus_target:
 * @self: a #VvSegmentRow
 *
 * Moves keyboard focus into the target text, cursor at its end.
 *
 * Returns: whether the focus moved
 */
gboolean
vv_segment_row_focus_target (VvSegmentRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_val_if_fail (VV_IS_SEGMENT_ROW (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->target_view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  return gtk_widget_grab_focus (GTK_WIDGET (self->target_view));
}

/**
 * vv_segment_row_get_cursor_offset:
 * @self: a #VvSegmentRow
 *
 * Returns: the byte offset of the cursor in the source label's selection
 *   if the source has one, else (gsize) -1
 */
gsize
vv_segment_row_get_cursor_offset (VvSegmentRow *self)
{
  int start, end;
  const char *text;

  g_return_val_if_fail (VV_IS_SEGMENT_ROW (self), (gsize) -1);

  if (!gtk_label_get_selection_bounds (self->source_label, &start, &end))
    return (gsize) -1;

  text = gtk_label_get_text (self->source_label);
  return g_utf8_offset_to_pointer (text, start) - text;
}
