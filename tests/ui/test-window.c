/* test-window.c: widget tests of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "vv-test-utils.h"
#include "vv-spell-view.h"
#include "vv-window-private.h"

typedef gboolean (*Predicate) (gpointer data);

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @predicate holds or 10 s have passed. */
static gboolean
wait_until (Predicate predicate,
            gpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static gboolean
idle_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
flush_main_loop (void)
{
  gboolean done = FALSE;

  g_idle_add_full (G_PRIORITY_LOW, idle_done_cb, &done, NULL);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
has_document (gpointer data)
{
  VvWindow *window = data;

  return vv_window_get_document (window) != NULL && !vv_window_get_busy (window);
}

typedef struct
{
  VvWindow *window;
  guint     position;
} FocusCheck;

static gboolean
focus_in_target_of (gpointer data)
{
  FocusCheck *check = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (check->window));
  GtkWidget *row;

  if (focus == NULL || !GTK_IS_TEXT_VIEW (focus))
    return FALSE;
  row = gtk_widget_get_ancestor (focus, VV_TYPE_SEGMENT_ROW);
  return row != NULL
      && vv_segment_get_position (vv_segment_row_get_segment (VV_SEGMENT_ROW (row))) == check->position;
}

static VvWindow *
open_window (GFile *file)
{
  VvWindow *window = vv_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  if (file != NULL)
    {
      vv_window_open_file (window, file);
      g_assert_true (wait_until (has_document, window));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      flush_main_loop ();
    }
  return window;
}

static void
destroy_window (VvWindow *window)
{
  VvDocument *document = vv_window_get_document (window);

  if (document != NULL)
    vv_document_set_dirty (document, FALSE);   /* no Save? dialog in tests */
  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

/* Closing a window with unsaved changes asks first; Cancel keeps the window
 * and the edit, Discard closes it. */
static void
test_close_unsaved (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", "article.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VvWindow *window = open_window (file);
  VvDocument *document = vv_window_get_document (window);
  VvSegment *segment = vv_document_get_segment (document, 0);
  AdwMessageDialog *dialog;
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  vv_segment_set_target (segment, "Unsaved work");
  vv_document_set_dirty (document, TRUE);

  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (wait_until (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));

  /* The dialog closes itself after emitting its response */
  adw_message_dialog_response (dialog, "cancel");
  flush_main_loop ();
  g_assert_nonnull (weak);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (vv_window_get_document (window) == document);
  g_assert_cmpstr (vv_segment_get_target (segment), ==, "Unsaved work");
  g_assert_true (vv_document_get_dirty (document));

  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (wait_until (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "discard");
  flush_main_loop ();
  g_assert_null (weak);
}

static void
test_empty_state (void)
{
  VvWindow *window = open_window (NULL);

  g_assert_null (vv_window_get_document (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->stack)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->progress_bar)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (window)) == FALSE);
  destroy_window (window);
}

static void
test_open_error (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/missing.visavis");
  VvWindow *window = open_window (NULL);

  vv_window_open_file (window, file);
  flush_main_loop ();
  g_assert_null (vv_window_get_document (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  destroy_window (window);
}

static void
test_edit_confirm_save_reopen (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", "article.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *tmpdir = vv_test_make_tmpdir ();
  g_autofree char *project_path = g_build_filename (tmpdir, "article.visavis", NULL);
  g_autoptr(GFile) project = g_file_new_for_path (project_path);
  g_autoptr(GError) error = NULL;
  VvWindow *window = open_window (file);
  VvDocument *document = vv_window_get_document (window);
  FocusCheck check = { window, 1 };
  GtkTextBuffer *buffer;
  GtkWidget *focus;
  VvSegment *segment;
  const char *title;

  g_assert_nonnull (document);
  g_assert_cmpuint (vv_document_get_n_segments (document), >=, 4);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "document");
  g_assert_cmpuint (g_hash_table_size (window->bound_rows), >, 0);
  title = adw_window_title_get_title (window->window_title);
  g_assert_null (strstr (title, "•"));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "article.txt");
  /* the document's progress shows as soon as it is open */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->progress_bar)));

  /* Put the focus into the second segment's target and type. */
  _vv_window_focus_position (window, 1);
  g_assert_true (wait_until (focus_in_target_of, &check));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
  gtk_text_buffer_insert_at_cursor (buffer, "After two years of works,", -1);
  flush_main_loop ();

  segment = vv_document_get_segment (document, 1);
  g_assert_cmpstr (vv_segment_get_target (segment), ==, "After two years of works,");
  g_assert_true (vv_document_get_dirty (document));
  title = adw_window_title_get_title (window->window_title);
  g_assert_nonnull (strstr (title, "•"));

  /* Ctrl+Enter: confirm and go to the next segment's target. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.confirm-next", NULL));
  check.position = 2;
  g_assert_true (wait_until (focus_in_target_of, &check));
  g_assert_cmpint (vv_segment_get_state (segment), ==, VV_SEGMENT_STATE_TRANSLATED);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (window->progress_bar), >, 0.0);

  /* Save, then reopen in a new window. */
  g_assert_true (vv_window_save_to (window, project, &error));
  g_assert_no_error (error);
  g_assert_false (vv_document_get_dirty (document));
  g_assert_null (strstr (adw_window_title_get_title (window->window_title), "•"));
  destroy_window (window);

  window = open_window (project);
  document = vv_window_get_document (window);
  g_assert_nonnull (document);
  segment = vv_document_get_segment (document, 1);
  g_assert_cmpstr (vv_segment_get_target (segment), ==, "After two years of works,");
  g_assert_cmpint (vv_segment_get_state (segment), ==, VV_SEGMENT_STATE_TRANSLATED);
  g_assert_true (g_file_equal (vv_window_get_file (window), project));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "article.visavis");
  destroy_window (window);

  vv_test_rm_rf (tmpdir);
}

static void
test_split_merge_undo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", "article.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VvWindow *window = open_window (file);
  VvDocument *document = vv_window_get_document (window);
  FocusCheck check = { window, 1 };
  g_autofree char *source = NULL;
  guint n;

  n = vv_document_get_n_segments (document);
  source = g_strdup (vv_segment_get_source (vv_document_get_segment (document, 1)));

  _vv_window_focus_position (window, 1);
  g_assert_true (wait_until (focus_in_target_of, &check));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.split-segment", NULL));
  flush_main_loop ();
  g_assert_cmpuint (vv_document_get_n_segments (document), ==, n + 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-structure", NULL));
  flush_main_loop ();
  g_assert_cmpuint (vv_document_get_n_segments (document), ==, n);
  g_assert_cmpstr (vv_segment_get_source (vv_document_get_segment (document, 1)), ==, source);

  /* Merge 1 with 2, then undo: the second segment comes back with its id. */
  {
    guint second_id = vv_segment_get_id (vv_document_get_segment (document, 2));

    _vv_window_focus_position (window, 1);
    g_assert_true (wait_until (focus_in_target_of, &check));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.merge-segment", NULL));
    flush_main_loop ();
    g_assert_cmpuint (vv_document_get_n_segments (document), ==, n - 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-structure", NULL));
    flush_main_loop ();
    g_assert_cmpuint (vv_document_get_n_segments (document), ==, n);
    g_assert_cmpstr (vv_segment_get_source (vv_document_get_segment (document, 1)), ==, source);
    g_assert_cmpuint (vv_segment_get_id (vv_document_get_segment (document, 2)), ==, second_id);
  }

  destroy_window (window);
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child))
        return child;
      if ((found = find_button (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_boilerplate_toggle (void)
{
  g_autoptr(VvDocument) document = vv_document_new ();
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  VvWindow *window = open_window (NULL);
  VvBlock *block;
  VvSegmentRow *row;
  GtkWidget *button;

  vv_document_append_text_block (document, VV_BLOCK_KIND_TITLE, 0, "Un titre", segmenter);
  block = vv_document_append_text_block (document, VV_BLOCK_KIND_BOILERPLATE, 0,
                                         "Suivez-nous sur les réseaux.", segmenter);
  vv_window_set_document (window, document, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  flush_main_loop ();

  g_assert_false (vv_block_get_included (block));
  row = g_hash_table_lookup (window->bound_rows, vv_block_get_segment (block, 0));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "boilerplate"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (vv_segment_row_get_target_view (row))));
  button = find_button (GTK_WIDGET (row));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));

  g_signal_emit_by_name (button, "clicked");
  flush_main_loop ();
  g_assert_true (vv_block_get_included (block));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "boilerplate"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (vv_segment_row_get_target_view (row))));

  /* And back. */
  g_signal_emit_by_name (button, "clicked");
  flush_main_loop ();
  g_assert_false (vv_block_get_included (block));

  destroy_window (window);
}

static GtkWidget *
find_image (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_IMAGE (child))
        return child;
      if ((found = find_image (child)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_underlined (gpointer data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (data);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "vv-misspelt");
  GtkTextIter iter;

  if (tag == NULL)
    return FALSE;
  gtk_text_buffer_get_start_iter (buffer, &iter);
  return gtk_text_iter_forward_to_tag_toggle (&iter, tag);
}

static gboolean
has_journal (gpointer data)
{
  return ((VvWindow *) data)->journal != NULL;
}

/* Issue 2's open time: what the first frame does not need (spell views,
 * the dictionary, the journal's snapshot) waits until it is drawn, and
 * then happens; rows get the comment indicator only when needed. */
static void
test_deferred_after_first_frame (void)
{
  g_autoptr(VvDocument) document = vv_document_new ();
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  g_autoptr(GError) error = NULL;
  VvWindow *window = open_window (NULL);
  VvBlock *block;
  VvSegment *segment;
  VvSegmentRow *row;
  GtkTextView *view;
  GtkWidget *image;

  vv_document_append_text_block (document, VV_BLOCK_KIND_TITLE, 0, "Un titre", segmenter);
  block = vv_document_append_text_block (document, VV_BLOCK_KIND_PARAGRAPH, 0,
                                         "L’armée ne recule pas.", segmenter);
  segment = vv_block_get_segment (block, 0);
  vv_segment_set_target (segment, "The armmy does not retreat.");
  vv_document_set_target_language (document, "en");

  vv_window_set_document (window, document, NULL);
  /* bound, but nothing deferred has run: no main loop iteration yet */
  row = g_hash_table_lookup (window->bound_rows, segment);
  if (row == NULL)
    g_error ("the paragraph's row is not bound");
  view = vv_segment_row_get_target_view (row);
  g_assert_false (vv_spell_view_is_attached (view));
  g_assert_null (window->journal);
  g_assert_null (find_image (GTK_WIDGET (row)));   /* no comments, no indicator */

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (wait_until (has_journal, window));
  if (vv_spell_view_get_checker ("en", &error) != NULL)
    {
      g_assert_true (wait_until (is_underlined, view));
      g_assert_true (vv_spell_view_is_attached (view));
    }
  else
    g_test_message ("no English dictionary (%s): underline not checked", error->message);

  /* a comment: the indicator is created */
  vv_segment_add_comment (segment, vv_comment_new ("Bea", NULL, "Check the spelling.", FALSE));
  flush_main_loop ();
  image = find_image (GTK_WIDGET (row));
  if (image == NULL)
    g_error ("no comment indicator after a comment");
  g_assert_true (gtk_widget_get_visible (image));

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      if (g_strcmp0 (g_getenv ("VISAVIS_REQUIRE_DISPLAY"), "1") == 0)
        {
          g_printerr ("no display, but VISAVIS_REQUIRE_DISPLAY=1\n");
          return 1;
        }
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  vv_test_init (&argc, &argv);

  g_test_add_func ("/ui/window/empty-state", test_empty_state);
  g_test_add_func ("/ui/window/open-error", test_open_error);
  g_test_add_func ("/ui/window/edit-confirm-save-reopen", test_edit_confirm_save_reopen);
  g_test_add_func ("/ui/window/split-merge-undo", test_split_merge_undo);
  g_test_add_func ("/ui/window/boilerplate-toggle", test_boilerplate_toggle);
  g_test_add_func ("/ui/window/close-unsaved", test_close_unsaved);
  g_test_add_func ("/ui/window/deferred-after-first-frame", test_deferred_after_first_frame);

  return g_test_run ();
}
