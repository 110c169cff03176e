/* vv-segmentation-tester.c: live tester of the segmentation rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is segmented again on every change: segments are shaded in
 * turn in the text itself, and the list below shows every position where a
 * rule decided (break or no break), with the rule and its comment.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-segmentation-tester.h"

struct _VvSegmentationTester
{
  AdwWindow       parent_instance;

  GtkTextView    *text_view;
  GtkLabel       *summary_label;
  GtkListBox     *rule_list;
  AdwWindowTitle *window_title;

  VvSegmenter    *segmenter;
  guint           update_id;
  guint           n_segments;
};

G_DEFINE_FINAL_TYPE (VvSegmentationTester, vv_segmentation_tester, ADW_TYPE_WINDOW)

#define CONTEXT_CHARS 28

static const char sample_text[] =
  "M. Dupont est arrivé à 8 h. Il a cité J.-P. Sartre, p. 25. Rome fut fondée en 753 av. J.-C. "
  "Les travaux, estimés à 14,5 M€, commenceront le 12/03/2024… Les riverains en doutent. "
  "« Qui paiera ? » demande Mme Leroy. Voir www.tcl.fr. Les horaires changent.";

/* up to @n characters before or after @offset, on one line */
static char *
context (const char *text,
         gsize       offset,
         gboolean    before)
{
  const char *p = text + offset;
  const char *q = p;
  char *out;

  for (guint i = 0; i < CONTEXT_CHARS; i++)
    {
      if (before)
        {
          if (q == text)
            break;
          q = g_utf8_prev_char (q);
        }
      else
        {
          if (*q == '\0')
            break;
          q = g_utf8_next_char (q);
        }
    }
  out = before ? g_strndup (q, p - q) : g_strndup (p, q - p);
  g_strdelimit (out, "\n\t", ' ');
  return out;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
decision_row (VvSegmentationTester *self,
              const char           *text,
              const VvBoundary     *boundary)
{
  g_autofree char *left = context (text, boundary->offset, TRUE);
  g_autofree char *right = context (text, boundary->offset, FALSE);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  VvSegmentRule rule = { 0 };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  vv_segmenter_get_rule (self->segmenter, boundary->rule, &rule);
  /* the break position shown as ¦ inside its context */
  title = g_strdup_printf ("…%s¦%s…", left, right);
  escaped = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);

  if (rule.comment != NULL)
    /* Translators: "Break — French, rule 3: titles: M., Mme…" */
    subtitle = g_strdup_printf (boundary->is_break ? _("Break — %s, rule %u: %s")
                                                   : _("No break — %s, rule %u: %s"),
                                rule.language_rule, rule.number, rule.comment);
  else
    subtitle = g_strdup_printf (boundary->is_break ? _("Break — %s, rule %u: before “%s”, after “%s”")
                                                   : _("No break — %s, rule %u: before “%s”, after “%s”"),
                                rule.language_rule, rule.number, rule.before, rule.after);
  g_free (escaped);
  escaped = g_markup_escape_text (subtitle, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_set_tooltip_text (row, rule.before);

  icon = gtk_image_new_from_icon_name (boundary->is_break ? "edit-cut-symbolic"
                                                          : "action-unavailable-symbolic");
  gtk_widget_add_css_class (icon, boundary->is_break ? "accent" : "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  boundary->is_break ? _("Break") : _("No break"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, boundary->is_break ? "segment-break" : "segment-no-break");
  return row;
}

static void
tag_range (GtkTextBuffer *buffer,
           const char    *text,
           const char    *tag,
           gsize          start,
           gsize          end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, g_utf8_pointer_to_offset (text, text + start));
  gtk_text_buffer_get_iter_at_offset (buffer, &b, g_utf8_pointer_to_offset (text, text + end));
  gtk_text_buffer_apply_tag_by_name (buffer, tag, &a, &b);
}

static void
update (VvSegmentationTester *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) boundaries = NULL;
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  GtkTextIter start, end;
  guint n_breaks = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gtk_text_buffer_remove_all_tags (buffer, &start, &end);
  clear_list (self->rule_list);
  self->n_segments = 0;
  if (self->segmenter == NULL)
    return;

  spans = vv_segmenter_split (self->segmenter, text, -1);
  boundaries = vv_segmenter_explain (self->segmenter, text, -1);
  self->n_segments = spans->len;

  for (guint i = 0; i < spans->len; i++)
    {
      const VvSpan *span = &g_array_index (spans, VvSpan, i);
      tag_range (buffer, text, i % 2 ? "segment-b" : "segment-a", span->start, span->end);
    }
  for (guint i = 0; i < boundaries->len; i++)
    {
      const VvBoundary *boundary = &g_array_index (boundaries, VvBoundary, i);
      const char *mark_start = g_utf8_prev_char (text + boundary->offset);

      tag_range (buffer, text, boundary->is_break ? "break" : "no-break",
                 mark_start - text, boundary->offset);
      gtk_list_box_append (self->rule_list, decision_row (self, text, boundary));
      n_breaks += boundary->is_break;
    }

  /* Translators: summary of the rule tester, e.g. "4 segments · 3 breaks, 2 kept together · built-in rules" */
  summary = g_strdup_printf (_("%u segments · %u breaks, %u kept together · %s"),
                             spans->len, n_breaks, boundaries->len - n_breaks,
                             vv_segmenter_get_source_name (self->segmenter));
  gtk_label_set_text (self->summary_label, summary);
}

static gboolean
update_idle_cb (gpointer data)
{
  VvSegmentationTester *self = data;

  self->update_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed_cb (VvSegmentationTester *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add (update_idle_cb, self);
}

static void
vv_segmentation_tester_dispose (GObject *object)
{
  VvSegmentationTester *self = (VvSegmentationTester *)object;

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_object (&self->segmenter);
  gtk_widget_dispose_template (GTK_WIDGET (self), VV_TYPE_SEGMENTATION_TESTER);
  G_OBJECT_CLASS (vv_segmentation_tester_parent_class)->dispose (object);
}

static void
vv_segmentation_tester_class_init (VvSegmentationTesterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vv_segmentation_tester_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visavis/Visavis/ui/vv-segmentation-tester.ui");
  gtk_widget_class_bind_template_child (widget_class, VvSegmentationTester, text_view);
  gtk_widget_class_bind_template_child (widget_class, VvSegmentationTester, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VvSegmentationTester, rule_list);
  gtk_widget_class_bind_template_child (widget_class, VvSegmentationTester, window_title);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vv_segmentation_tester_init (VvSegmentationTester *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  /* translucent colours stay readable in light and dark mode */
  gtk_text_buffer_create_tag (buffer, "segment-a", "background-rgba",
                              &(GdkRGBA){ 0.21, 0.52, 0.89, 0.16 }, NULL);
  gtk_text_buffer_create_tag (buffer, "segment-b", "background-rgba",
                              &(GdkRGBA){ 0.18, 0.76, 0.49, 0.16 }, NULL);
  gtk_text_buffer_create_tag (buffer, "break", "weight", PANGO_WEIGHT_BOLD,
                              "foreground-rgba", &(GdkRGBA){ 0.11, 0.44, 0.85, 1.0 }, NULL);
  gtk_text_buffer_create_tag (buffer, "no-break", "underline", PANGO_UNDERLINE_DOUBLE, NULL);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_text_buffer_set_text (buffer, sample_text, -1);
}

/**
 * vv_segmentation_tester_new:
 * @segmenter: the rules to test
 */
GtkWidget *
vv_segmentation_tester_new (GtkWindow   *parent,
                            VvSegmenter *segmenter)
{
  VvSegmentationTester *self = g_object_new (VV_TYPE_SEGMENTATION_TESTER,
                                             "transient-for", parent, NULL);

  vv_segmentation_tester_set_segmenter (self, segmenter);
  return GTK_WIDGET (self);
}

void
vv_segmentation_tester_set_segmenter (VvSegmentationTester *self,
                                      VvSegmenter          *segmenter)
{
  g_return_if_fail (VV_IS_SEGMENTATION_TESTER (self));

  g_set_object (&self->segmenter, segmenter);
  if (segmenter != NULL)
    adw_window_title_set_subtitle (self->window_title, vv_segmenter_get_source_name (segmenter));
  g_clear_handle_id (&self->update_id, g_source_remove);
  update (self);
}

void
vv_segmentation_tester_set_text (VvSegmentationTester *self,
                                 const char           *text)
{
  g_return_if_fail (VV_IS_SEGMENTATION_TESTER (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  g_clear_handle_id (&self->update_id, g_source_remove);
  update (self);
}

guint
vv_segmentation_tester_get_n_segments (VvSegmentationTester *self)
{
  g_return_val_if_fail (VV_IS_SEGMENTATION_TESTER (self), 0);
  return self->n_segments;
}

/**
 * vv_segmentation_tester_get_rule_list:
 *
 * Returns: (transfer none): the list of decisions, one row each (for tests)
 */
GtkListBox *
vv_segmentation_tester_get_rule_list (VvSegmentationTester *self)
{
  g_return_val_if_fail (VV_IS_SEGMENTATION_TESTER (self), NULL);
  return self->rule_list;
}
