/* test-review.c: widget tests of the review desk — approve and send-back
 * flows, filter by state and text, undo after replace-all, QA fix, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "vv-comments-list.h"
#include "vv-filter-bar.h"
#include "vv-qa-panel.h"
#include "vv-review-panel.h"
#include "vv-settings.h"
#include "vv-test-utils.h"
#include "vv-ui-test-utils.h"
#include "vv-window-private.h"

/* 0 title, 1–6 sentences */
static const char article[] =
  "Le chat et le chien\n\n"
  "Le chat dort. Le chien aboie. Le chat mange.\n\n"
  "Le chien court. Le chat saute. Le chien  dort.\n";

static const char * const targets[] = {
  "The cat and the dog",
  "The cat sleeps.",
  "The dog barks.",
  "The cat eats.",
  NULL,
  "The cat jumps.",
  NULL,
};

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
open_window (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (article);
  VvWindow *window = vv_window_new (NULL);
  g_autoptr(GError) error = NULL;

  g_object_set (vv_settings_get_default (), "author-name", "Bea Reviewer", NULL);
  g_assert_cmpuint (vv_document_get_n_segments (document), ==, G_N_ELEMENTS (targets));
  vv_document_set_target_language (document, "en");
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);

      vv_segment_set_target (segment, targets[i]);
      if (targets[i] != NULL)
        g_assert_true (vv_review_confirm (segment, "Ana Translator", &error));
    }
  vv_document_set_dirty (document, FALSE);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  vv_window_set_document (window, document, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  vv_ui_test_flush ();
  return window;
}

static void
destroy_window (VvWindow *window)
{
  vv_document_set_dirty (vv_window_get_document (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  vv_ui_test_flush ();
}

static void
focus (VvWindow *window,
       guint     position)
{
  FocusCheck check = { window, position };

  _vv_window_focus_position (window, position);
  g_assert_true (vv_ui_test_wait_until (focus_in_target_of, &check));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

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

static gboolean
diff_shows_edit (gpointer data)
{
  VvWindow *window = data;
  g_autofree char *text = vv_review_panel_dup_diff_text (window->review_panel, TRUE);

  return strstr (text, "[-sleeps-]{+is asleep+}") != NULL;
}

/* Saves a screenshot of the screen when VISAVIS_SCREENSHOT_DIR is set */
static void
maybe_screenshot (const char *name)
{
  const char *dir = g_getenv ("VISAVIS_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  /* let the revealers finish sliding and the window repaint */
  vv_ui_test_run_for (600);
  vv_ui_test_flush ();
  {
    const char *argv[] = { "import", "-window", "root", path, NULL };
    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, &error);
  }
  if (error)
    g_test_message ("screenshot: %s", error->message);
}

/* Review mode: Ctrl+Enter approves and moves on; the reviewer's edit shows
 * as a word diff; the history names the reviewer from Preferences */
static void
test_approve_flow (void)
{
  VvWindow *window = open_window ();
  VvDocument *document = vv_window_get_document (window);
  VvSegment *s1 = vv_document_get_segment (document, 1);
  VvSegment *s4 = vv_document_get_segment (document, 4);
  FocusCheck check = { window, 2 };
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const VvHistoryEntry *entry;

  g_assert_false (vv_window_get_review_mode (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.mode", NULL));
  g_assert_true (vv_window_get_review_mode (window));
  g_assert_true (gtk_revealer_get_reveal_child (window->sidebar_revealer));

  /* the reviewer edits segment 1, the diff panel shows the change */
  focus (window, 1);
  g_assert_true (vv_review_panel_get_segment (window->review_panel) == s1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (window))));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert_at_cursor (buffer, "The cat is asleep.", -1);
  g_assert_cmpstr (vv_segment_get_target (s1), ==, "The cat is asleep.");
  g_assert_true (vv_ui_test_wait_until (diff_shows_edit, window));
  maybe_screenshot ("review-mode.png");

  /* Ctrl+Enter in review mode: approve, go to the next segment */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.confirm-next", NULL));
  g_assert_true (vv_ui_test_wait_until (focus_in_target_of, &check));
  g_assert_cmpint (vv_segment_get_state (s1), ==, VV_SEGMENT_STATE_APPROVED);
  entry = vv_segment_get_history (s1, vv_segment_get_n_history (s1) - 1);
  g_assert_cmpstr (entry->author, ==, "Bea Reviewer");
  g_assert_cmpstr (entry->target, ==, "The cat is asleep.");
  g_assert_cmpint (entry->state, ==, VV_SEGMENT_STATE_APPROVED);

  /* an untranslated segment cannot be approved: nothing changes */
  focus (window, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.approve", NULL));
  vv_ui_test_flush ();
  g_assert_cmpint (vv_segment_get_state (s4), ==, VV_SEGMENT_STATE_UNTRANSLATED);
  g_assert_cmpuint (vv_segment_get_n_history (s4), ==, 0);

  /* restore the translator's version from the history, then undo */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-version", "(uu)",
                                             vv_segment_get_id (s1), 0));
  g_assert_cmpstr (vv_segment_get_target (s1), ==, "The cat sleeps.");
  g_assert_cmpint (vv_segment_get_state (s1), ==, VV_SEGMENT_STATE_DRAFT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-structure", NULL));
  vv_ui_test_flush ();
  g_assert_cmpstr (vv_segment_get_target (s1), ==, "The cat is asleep.");
  g_assert_cmpint (vv_segment_get_state (s1), ==, VV_SEGMENT_STATE_APPROVED);

  /* review mode off: Ctrl+Enter confirms again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.mode", NULL));
  g_assert_false (vv_window_get_review_mode (window));
  destroy_window (window);
}

static void
test_send_back_flow (void)
{
  VvWindow *window = open_window ();
  VvDocument *document = vv_window_get_document (window);
  VvSegment *s2 = vv_document_get_segment (document, 2);
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  const VvComment *comment;

  vv_window_set_review_mode (window, TRUE);
  focus (window, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-back", NULL));
  g_assert_true (vv_ui_test_wait_until (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_assert_nonnull (entry);

  /* no comment, no sending back */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "send-back"));
  gtk_editable_set_text (entry, "Barks? Say “growls”.");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "send-back"));
  adw_message_dialog_response (dialog, "send-back");
  gtk_window_destroy (GTK_WINDOW (dialog));
  vv_ui_test_flush ();

  g_assert_cmpint (vv_segment_get_state (s2), ==, VV_SEGMENT_STATE_NEEDS_CHANGES);
  g_assert_cmpuint (vv_segment_get_n_comments (s2), ==, 1);
  comment = vv_segment_get_comment (s2, 0);
  g_assert_cmpstr (comment->author, ==, "Bea Reviewer");
  g_assert_cmpstr (comment->text, ==, "Barks? Say “growls”.");
  g_assert_cmpstr (vv_segment_get_history (s2, vv_segment_get_n_history (s2) - 1)->author, ==,
                   "Bea Reviewer");

  /* the document's comments list shows it */
  vv_comments_list_refresh (window->comments_list);
  g_assert_cmpuint (vv_comments_list_get_n_rows (window->comments_list), ==, 1);

  /* Cancel changes nothing */
  focus (window, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-back", NULL));
  g_assert_true (vv_ui_test_wait_until (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  vv_ui_test_flush ();
  g_assert_cmpint (vv_segment_get_state (vv_document_get_segment (document, 3)), ==,
                   VV_SEGMENT_STATE_TRANSLATED);
  destroy_window (window);
}

static guint
n_shown (VvWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (window->filter_model));
}

typedef struct
{
  VvWindow *window;
  guint     n;
} Expected;

static gboolean
shows_n (gpointer data)
{
  Expected *expected = data;

  return n_shown (expected->window) == expected->n;
}

static void
test_filter_by_state (void)
{
  Expected expected;
  VvWindow *window = open_window ();
  VvDocument *document = vv_window_get_document (window);
  g_autoptr(GError) error = NULL;

  g_assert_true (vv_review_approve (vv_document_get_segment (document, 3), "Bea", &error));
  g_assert_cmpuint (n_shown (window), ==, 7);

  focus (window, 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  g_assert_true (gtk_revealer_get_reveal_child (window->filter_revealer));

  /* "Translated": segments 0, 1, 2, 5 */
  vv_filter_bar_set_state_choice (window->filter_bar, 1 + VV_SEGMENT_STATE_TRANSLATED);
  vv_ui_test_flush ();
  g_assert_cmpuint (n_shown (window), ==, 4);
  /* the segment being edited keeps its place in the filtered list */
  g_assert_cmpuint (_vv_window_list_position (window, 5), ==, 3);
  g_assert_cmpuint (_vv_window_list_position (window, 3), ==, G_MAXUINT);
  g_assert_true (vv_segment_row_get_segment (g_hash_table_lookup (window->bound_rows,
                                                                  vv_document_get_segment (document, 5))) != NULL);

  vv_filter_bar_set_state_choice (window->filter_bar, 1 + VV_SEGMENT_STATE_UNTRANSLATED);
  vv_ui_test_flush ();
  g_assert_cmpuint (n_shown (window), ==, 2);
  maybe_screenshot ("filter-untranslated.png");

  vv_filter_bar_set_state_choice (window->filter_bar, 1 + VV_SEGMENT_STATE_APPROVED);
  vv_ui_test_flush ();
  g_assert_cmpuint (n_shown (window), ==, 1);

  /* text, case-insensitive, in source or target */
  vv_filter_bar_set_state_choice (window->filter_bar, 0);
  vv_filter_bar_set_text (window->filter_bar, "CHIEN");
  expected.window = window;
  expected.n = 4;   /* the title, "Le chien aboie.", "Le chien court.", "Le chien  dort." */
  g_assert_true (vv_ui_test_wait_until (shows_n, &expected));   /* the search entry waits before it reports */
  vv_filter_bar_set_text (window->filter_bar, "jumps");
  expected.n = 1;
  g_assert_true (vv_ui_test_wait_until (shows_n, &expected));

  /* Escape-like close: everything back */
  vv_filter_bar_reset (window->filter_bar);
  vv_ui_test_flush ();
  g_assert_cmpuint (n_shown (window), ==, 7);

  /* next untranslated / next to review skip what is done */
  focus (window, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-untranslated", NULL));
  {
    FocusCheck check = { window, 4 };
    g_assert_true (vv_ui_test_wait_until (focus_in_target_of, &check));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-review", NULL));
  {
    FocusCheck check = { window, 5 };
    g_assert_true (vv_ui_test_wait_until (focus_in_target_of, &check));
  }
  destroy_window (window);
}

static void
test_replace_all_undo (void)
{
  VvWindow *window = open_window ();
  VvDocument *document = vv_window_get_document (window);
  char *before[G_N_ELEMENTS (targets)] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    before[i] = g_strdup (vv_segment_get_target (vv_document_get_segment (document, i)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  vv_filter_bar_set_text (window->filter_bar, "cat");
  vv_filter_bar_set_replacement (window->filter_bar, "kitten");
  vv_ui_test_flush ();
  g_signal_emit_by_name (window->filter_bar, "replace-all");
  vv_ui_test_flush ();

  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (document, 0)), ==, "The kitten and the dog");
  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (document, 1)), ==, "The kitten sleeps.");
  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (document, 2)), ==, "The dog barks.");
  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (document, 5)), ==, "The kitten jumps.");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-structure", NULL));
  vv_ui_test_flush ();
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (document, i)), ==, before[i]);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    g_free (before[i]);

  /* a regular expression with a back-reference */
  vv_filter_bar_set_text (window->filter_bar, "");
  vv_ui_test_flush ();
  vv_filter_bar_set_regex (window->filter_bar, TRUE);
  vv_filter_bar_set_text (window->filter_bar, "The (\\w+)");
  vv_filter_bar_set_replacement (window->filter_bar, "A \\1");
  vv_ui_test_flush ();
  g_signal_emit_by_name (window->filter_bar, "replace-all");
  vv_ui_test_flush ();
  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (document, 2)), ==, "A dog barks.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-structure", NULL));
  vv_ui_test_flush ();
  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (document, 2)), ==, "The dog barks.");
  destroy_window (window);
}

static void
test_qa_fix (void)
{
  VvWindow *window = open_window ();
  VvDocument *document = vv_window_get_document (window);
  VvSegment *s5 = vv_document_get_segment (document, 5);

  vv_segment_set_target (s5, "The  cat jumps.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.run-qa", NULL));
  vv_ui_test_flush ();
  g_assert_cmpuint (vv_qa_panel_get_n_rows (window->qa_panel), >=, 3);   /* 2 untranslated + double space */
  maybe_screenshot ("qa-panel.png");
  g_assert_true (g_hash_table_contains (window->qa_segments, GUINT_TO_POINTER (vv_segment_get_id (s5))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.qa-fix", "(us)",
                                             vv_segment_get_id (s5), "double-space"));
  vv_ui_test_flush ();
  g_assert_cmpstr (vv_segment_get_target (s5), ==, "The cat jumps.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-structure", NULL));
  vv_ui_test_flush ();
  g_assert_cmpstr (vv_segment_get_target (s5), ==, "The  cat jumps.");
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!vv_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/review/approve", test_approve_flow);
  g_test_add_func ("/ui/review/send-back", test_send_back_flow);
  g_test_add_func ("/ui/review/filter-by-state", test_filter_by_state);
  g_test_add_func ("/ui/review/replace-all-undo", test_replace_all_undo);
  g_test_add_func ("/ui/review/qa-fix", test_qa_fix);

  return g_test_run ();
}
