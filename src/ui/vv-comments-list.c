/* vv-comments-list.c: the document's comment threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per segment with comments (its latest comment and how many more);
 * activating a row runs "win.focus-segment". Rebuilt shortly after a
 * comment is added or resolved, never on typing, and only while shown
 * (a hidden list is marked stale and rebuilt when mapped). At most
 * MAX_ROWS rows: the Comments filter of the find bar shows them all.
 */

#define MAX_ROWS 300

#include "config.h"

#include <glib/gi18n.h>

#include "vv-comments-list.h"

struct _VvCommentsList
{
  GtkWidget       parent_instance;

  GtkCheckButton *unresolved_check;
  GtkLabel       *empty_label;
  GtkListBox     *list;

  VvDocument     *document;
  gulong          changed_handler;
  guint           refresh_source;
  gboolean        stale;
};

G_DEFINE_FINAL_TYPE (VvCommentsList, vv_comments_list, GTK_TYPE_WIDGET)

static GtkWidget *
make_row (VvSegment *segment)
{
  guint n = vv_segment_get_n_comments (segment);
  const VvComment *last = vv_segment_get_comment (segment, n - 1);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *heading = NULL;
  GtkWidget *head, *body;

  if (n > 1)
    /* Translators: comments list row heading: segment number, author, number of comments */
    heading = g_strdup_printf (_("Segment %u · %s · %u comments"),
                               vv_segment_get_position (segment) + 1, last->author, n);
  else
    heading = g_strdup_printf (_("Segment %u · %s"), vv_segment_get_position (segment) + 1,
                               last->author);
  head = gtk_label_new (heading);
  body = gtk_label_new (last->text);
  gtk_label_set_xalign (GTK_LABEL (head), 0);
  gtk_widget_add_css_class (head, "caption");
  gtk_widget_add_css_class (head, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), body);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.focus-segment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "u", vv_segment_get_id (segment));
  return row;
}

void
vv_comments_list_refresh (VvCommentsList *self)
{
  g_autoptr(GPtrArray) segments = NULL;
  GtkWidget *child;

  g_return_if_fail (VV_IS_COMMENTS_LIST (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->stale = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->document != NULL)
    {
      segments = vv_review_list_commented (self->document,
                                           gtk_check_button_get_active (self->unresolved_check));
      for (guint i = 0; i < segments->len && i < MAX_ROWS; i++)
        gtk_list_box_append (self->list, make_row (g_ptr_array_index (segments, i)));
    }
  if (segments != NULL && segments->len > MAX_ROWS)
    {
      g_autofree char *text = g_strdup_printf (_("%u segments with comments; the first %u are listed, "
                                                 "the Comments filter (Ctrl+F) shows them all"),
                                               segments->len, MAX_ROWS);
      gtk_label_set_text (self->empty_label, text);
    }
  else
    gtk_label_set_text (self->empty_label, _("No comments"));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          segments == NULL || segments->len == 0 || segments->len > MAX_ROWS);
  gtk_widget_set_visible (GTK_WIDGET (self->list), segments != NULL && segments->len > 0);
}

/* Rebuilds now if shown, else when next shown */
static void
refresh_when_shown (VvCommentsList *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    vv_comments_list_refresh (self);
  else
    self->stale = TRUE;
}

static void
on_map_cb (VvCommentsList *self)
{
  if (self->stale)
    vv_comments_list_refresh (self);
}

static gboolean
refresh_cb (gpointer data)
{
  VvCommentsList *self = data;

  self->refresh_source = 0;
  refresh_when_shown (self);
  return G_SOURCE_REMOVE;
}

static void
on_segment_changed_cb (VvDocument     *document,
                       VvSegment      *segment,
                       guint           change,
                       VvCommentsList *self)
{
  if ((change & (VV_SEGMENT_CHANGE_COMMENTS | VV_SEGMENT_CHANGE_SOURCE)) && self->refresh_source == 0)
    self->refresh_source = g_timeout_add (100, refresh_cb, self);
}

static void
vv_comments_list_dispose (GObject *object)
{
  VvCommentsList *self = VV_COMMENTS_LIST (object);
  GtkWidget *child;

  vv_comments_list_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VV_TYPE_COMMENTS_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (vv_comments_list_parent_class)->dispose (object);
}

static void
vv_comments_list_class_init (VvCommentsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vv_comments_list_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visavis/Visavis/ui/vv-comments-list.ui");
  gtk_widget_class_bind_template_child (widget_class, VvCommentsList, unresolved_check);
  gtk_widget_class_bind_template_child (widget_class, VvCommentsList, empty_label);
  gtk_widget_class_bind_template_child (widget_class, VvCommentsList, list);
  gtk_widget_class_bind_template_callback (widget_class, vv_comments_list_refresh);
  gtk_widget_class_set_css_name (widget_class, "commentslist");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vv_comments_list_init (VvCommentsList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

GtkWidget *
vv_comments_list_new (void)
{
  return g_object_new (VV_TYPE_COMMENTS_LIST, NULL);
}

void
vv_comments_list_set_document (VvCommentsList *self,
                               VvDocument     *document)
{
  g_return_if_fail (VV_IS_COMMENTS_LIST (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->changed_handler = g_signal_connect (document, "segment-changed",
                                              G_CALLBACK (on_segment_changed_cb), self);
  refresh_when_shown (self);
}

guint
vv_comments_list_get_n_rows (VvCommentsList *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}
