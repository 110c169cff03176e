/* test-document.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vv-test-utils.h"
#include "vv-utils.h"

static const char article[] =
  "Un titre\n"
  "\n"
  "Première phrase. Deuxième phrase ! Troisième ?\n"
  "\n"
  "Un autre paragraphe. Avec deux phrases.\n";

typedef struct
{
  guint n_emissions;
  guint position, removed, added;
} ItemsChanged;

static void
on_items_changed_cb (GListModel   *model,
                     guint         position,
                     guint         removed,
                     guint         added,
                     ItemsChanged *record)
{
  record->n_emissions++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
on_counts_changed_cb (VvDocument *document,
                      guint      *n)
{
  (*n)++;
}

static void
test_document_ids (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (article);
  g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
  guint n = vv_document_get_n_segments (document);

  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (document)), ==, 6);
  g_assert_cmpuint (vv_document_get_n_blocks (document), ==, 3);
  g_assert_cmpstr (vv_document_get_title (document), ==, "Un titre");
  g_assert_cmpint (vv_block_get_kind (vv_document_get_block (document, 0)), ==, VV_BLOCK_KIND_TITLE);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VvSegment) item = g_list_model_get_item (G_LIST_MODEL (document), i);
      VvSegment *segment = vv_document_get_segment (document, i);
      guint id = vv_segment_get_id (segment);

      g_assert_true (item == segment);
      g_assert_cmpuint (id, >, 0);
      g_assert_true (g_hash_table_add (ids, GUINT_TO_POINTER (id)));
      g_assert_cmpuint (vv_segment_get_position (segment), ==, i);
      g_assert_true (vv_document_lookup_segment (document, id) == segment);
      g_assert_true (vv_segment_get_document (segment) == document);
    }

  g_assert_cmpstr (vv_segment_get_source (vv_document_get_segment (document, 2)), ==, "Deuxième phrase !");
  g_assert_null (vv_document_lookup_segment (document, 999));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (document), n));
}

static void
test_document_counts (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (article);
  VvSegment *s1 = vv_document_get_segment (document, 1);
  VvSegment *s2 = vv_document_get_segment (document, 2);
  guint n_counts = 0;

  g_signal_connect (document, "counts-changed", G_CALLBACK (on_counts_changed_cb), &n_counts);

  g_assert_cmpuint (vv_document_get_state_count (document, VV_SEGMENT_STATE_UNTRANSLATED), ==, 6);
  g_assert_cmpfloat (vv_document_get_progress (document), ==, 0.0);

  vv_segment_set_target (s1, "First sentence.");
  vv_segment_set_state (s1, VV_SEGMENT_STATE_DRAFT);
  g_assert_cmpuint (n_counts, ==, 1);
  vv_segment_commit (s2, VV_SEGMENT_STATE_TRANSLATED, "Alice");
  g_assert_cmpuint (n_counts, ==, 2);
  vv_segment_set_state (s2, VV_SEGMENT_STATE_TRANSLATED);   /* no change, no signal */
  g_assert_cmpuint (n_counts, ==, 2);

  g_assert_cmpuint (vv_document_get_state_count (document, VV_SEGMENT_STATE_UNTRANSLATED), ==, 4);
  g_assert_cmpuint (vv_document_get_state_count (document, VV_SEGMENT_STATE_DRAFT), ==, 1);
  g_assert_cmpuint (vv_document_get_state_count (document, VV_SEGMENT_STATE_TRANSLATED), ==, 1);
  g_assert_cmpfloat_with_epsilon (vv_document_get_progress (document), 1.0 / 6.0, 1e-9);

  g_assert_cmpuint (vv_segment_get_n_history (s2), ==, 1);
  g_assert_cmpstr (vv_segment_get_history (s2, 0)->author, ==, "Alice");
  g_assert_cmpint (vv_segment_get_history (s2, 0)->state, ==, VV_SEGMENT_STATE_TRANSLATED);

  /* a batch of state changes gives one counts-changed */
  vv_document_begin_batch (document);
  for (guint i = 0; i < vv_document_get_n_segments (document); i++)
    vv_segment_set_state (vv_document_get_segment (document, i), VV_SEGMENT_STATE_APPROVED);
  g_assert_cmpuint (n_counts, ==, 2);
  vv_document_end_batch (document);
  g_assert_cmpuint (n_counts, ==, 3);
  g_assert_cmpuint (vv_document_get_state_count (document, VV_SEGMENT_STATE_APPROVED), ==, 6);
  g_assert_cmpfloat (vv_document_get_progress (document), ==, 1.0);
}

static void
test_document_boilerplate (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (article);
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  VvBlock *block;

  block = vv_document_append_text_block (document, VV_BLOCK_KIND_BOILERPLATE, 0,
                                         "Suivez-nous sur Telegram. Partager.", segmenter);
  g_assert_nonnull (block);
  g_assert_cmpuint (vv_block_get_n_segments (block), ==, 2);
  g_assert_true (vv_block_is_excluded (block));
  g_assert_true (vv_segment_is_excluded (vv_block_get_segment (block, 0)));
  g_assert_cmpuint (vv_document_get_n_segments (document), ==, 8);
  g_assert_cmpuint (vv_document_get_n_counted (document), ==, 6);
  g_assert_cmpuint (vv_document_get_state_count (document, VV_SEGMENT_STATE_UNTRANSLATED), ==, 6);

  vv_block_set_included (block, TRUE);
  g_assert_false (vv_block_is_excluded (block));
  g_assert_cmpuint (vv_document_get_n_counted (document), ==, 8);
  g_assert_cmpuint (vv_document_get_state_count (document, VV_SEGMENT_STATE_UNTRANSLATED), ==, 8);

  vv_block_set_included (block, FALSE);
  g_assert_cmpuint (vv_document_get_n_counted (document), ==, 6);
}

static void
test_document_batching (void)
{
  g_autoptr(VvDocument) document = vv_document_new ();
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  ItemsChanged record = { 0 };
  guint n_counts = 0;

  g_signal_connect (document, "items-changed", G_CALLBACK (on_items_changed_cb), &record);
  g_signal_connect (document, "counts-changed", G_CALLBACK (on_counts_changed_cb), &n_counts);

  /* outside a batch: one emission per append, at the right position */
  vv_document_append_text_block (document, VV_BLOCK_KIND_TITLE, 0, "Titre", NULL);
  g_assert_cmpuint (record.n_emissions, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  vv_document_append_text_block (document, VV_BLOCK_KIND_PARAGRAPH, 0, "Un. Deux.", segmenter);
  g_assert_cmpuint (record.n_emissions, ==, 2);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 2);

  /* inside a batch: one emission at the end, covering everything */
  record = (ItemsChanged) { 0 };
  n_counts = 0;
  vv_document_begin_batch (document);
  for (guint i = 0; i < 100; i++)
    vv_document_append_text_block (document, VV_BLOCK_KIND_PARAGRAPH, 0, "Encore. Et encore.", segmenter);
  vv_document_begin_batch (document);   /* nested */
  vv_document_append_text_block (document, VV_BLOCK_KIND_PARAGRAPH, 0, "Fin.", segmenter);
  vv_document_end_batch (document);
  g_assert_cmpuint (record.n_emissions, ==, 0);
  g_assert_cmpuint (n_counts, ==, 0);
  vv_document_end_batch (document);

  g_assert_cmpuint (record.n_emissions, ==, 1);
  g_assert_cmpuint (n_counts, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 3);
  g_assert_cmpuint (record.added, ==, 204);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (document)), ==, 204);
  g_assert_cmpuint (vv_document_get_state_count (document, VV_SEGMENT_STATE_UNTRANSLATED), ==, 204);
  g_assert_cmpuint (vv_segment_get_position (vv_document_get_segment (document, 203)), ==, 203);
}

static void
test_document_split_merge (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (article);
  g_autoptr(GError) error = NULL;
  VvSegment *first = vv_document_get_segment (document, 1);   /* "Première phrase." */
  VvSegment *last = vv_document_get_segment (document, 5);
  VvSegment *second;
  guint first_id = vv_segment_get_id (first);
  guint last_id = vv_segment_get_id (last);
  ItemsChanged record = { 0 };
  guint new_id;

  g_signal_connect (document, "items-changed", G_CALLBACK (on_items_changed_cb), &record);

  vv_segment_set_target (first, "First sentence.");
  vv_segment_commit (first, VV_SEGMENT_STATE_TRANSLATED, "Alice");
  vv_segment_add_comment (first, vv_comment_new ("Bob", NULL, "Relire", FALSE));

  /* merge "Première phrase." with "Deuxième phrase !" */
  g_assert_true (vv_document_merge_segment (document, first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.n_emissions, ==, 1);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.removed, ==, 2);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (vv_document_get_n_segments (document), ==, 5);
  g_assert_cmpstr (vv_segment_get_source (first), ==, "Première phrase. Deuxième phrase !");
  g_assert_cmpstr (vv_segment_get_target (first), ==, "First sentence.");
  g_assert_cmpuint (vv_segment_get_id (first), ==, first_id);
  g_assert_cmpuint (vv_segment_get_n_comments (first), ==, 1);
  /* the untranslated half makes the merged segment untranslated */
  g_assert_cmpint (vv_segment_get_state (first), ==, VV_SEGMENT_STATE_UNTRANSLATED);
  g_assert_cmpuint (vv_document_get_state_count (document, VV_SEGMENT_STATE_TRANSLATED), ==, 0);
  /* other ids did not move */
  g_assert_true (vv_document_lookup_segment (document, last_id) == last);
  g_assert_cmpuint (vv_segment_get_position (last), ==, 4);

  /* split it again at the space after the first sentence */
  second = vv_document_split_segment (document, first, strlen ("Première phrase."), -1, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  new_id = vv_segment_get_id (second);
  g_assert_cmpuint (new_id, >, last_id);
  g_assert_cmpstr (vv_segment_get_source (first), ==, "Première phrase.");
  g_assert_cmpstr (vv_segment_get_source (second), ==, "Deuxième phrase !");
  g_assert_cmpstr (vv_segment_get_target (first), ==, "First sentence.");
  g_assert_cmpstr (vv_segment_get_target (second), ==, "");
  g_assert_cmpuint (vv_segment_get_position (second), ==, 2);
  g_assert_cmpuint (vv_document_get_n_segments (document), ==, 6);
  g_assert_true (vv_document_lookup_segment (document, new_id) == second);
  g_assert_true (vv_segment_get_block (second) == vv_segment_get_block (first));

  /* undo a merge: split with an explicit id */
  g_assert_true (vv_document_merge_segment (document, first, &error));
  second = vv_document_split_segment (document, first, strlen ("Première phrase."), -1, 77, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vv_segment_get_id (second), ==, 77);

  /* errors */
  g_assert_null (vv_document_split_segment (document, first, 0, -1, 0, &error));
  g_assert_error (error, VV_DOCUMENT_ERROR, VV_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (vv_document_split_segment (document, first, 6, -1, 0, &error));  /* inside "è" */
  g_assert_error (error, VV_DOCUMENT_ERROR, VV_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (vv_document_split_segment (document, first, 5, -1, last_id, &error));
  g_assert_error (error, VV_DOCUMENT_ERROR, VV_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vv_document_merge_segment (document, last, &error));   /* last of its block */
  g_assert_error (error, VV_DOCUMENT_ERROR, VV_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  vv_segment_set_flags (last, VV_SEGMENT_FLAGS_LOCKED);
  g_assert_null (vv_document_split_segment (document, last, 3, -1, 0, &error));
  g_assert_error (error, VV_DOCUMENT_ERROR, VV_DOCUMENT_ERROR_LOCKED);
}

static void
test_document_split_target (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text ("T\n\nA b. C d.\n");
  g_autoptr(GError) error = NULL;
  VvSegment *segment, *second;

  g_assert_true (vv_document_merge_segment (document, vv_document_get_segment (document, 1), &error));
  segment = vv_document_get_segment (document, 1);
  vv_segment_set_target (segment, "A b. C d.");
  vv_segment_set_state (segment, VV_SEGMENT_STATE_DRAFT);
  second = vv_document_split_segment (document, segment, 5, 5, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vv_segment_get_target (segment), ==, "A b.");
  g_assert_cmpstr (vv_segment_get_target (second), ==, "C d.");
  g_assert_cmpint (vv_segment_get_state (second), ==, VV_SEGMENT_STATE_DRAFT);
}

static void
on_segment_changed_cb (VvDocument *document,
                       VvSegment  *segment,
                       guint       change,
                       guint      *changes)
{
  *changes |= change;
}

static void
test_document_dirty (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (article);
  VvSegment *segment = vv_document_get_segment (document, 1);
  guint changes = 0;

  g_signal_connect (document, "segment-changed", G_CALLBACK (on_segment_changed_cb), &changes);

  g_assert_false (vv_document_get_dirty (document));
  /* a suggestion is not an edit */
  vv_segment_set_suggestion (segment, "apertium", "First sentence.");
  g_assert_false (vv_document_get_dirty (document));
  g_assert_cmpuint (changes, ==, VV_SEGMENT_CHANGE_SUGGESTIONS);
  g_assert_cmpstr (vv_segment_lookup_suggestion (segment, "apertium"), ==, "First sentence.");
  g_assert_null (vv_segment_lookup_suggestion (segment, "deepl"));

  vv_segment_set_target (segment, "First sentence.");
  g_assert_true (vv_document_get_dirty (document));
  g_assert_cmpuint (changes & VV_SEGMENT_CHANGE_TARGET, !=, 0);
  vv_document_set_dirty (document, FALSE);

  /* empty target is the same as no target */
  vv_segment_set_target (segment, "");
  g_assert_cmpstr (vv_segment_get_target (segment), ==, "");
  vv_segment_set_target (segment, NULL);
  g_assert_cmpstr (vv_segment_get_target (segment), ==, "");
}

static void
test_document_block_text (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (article);
  VvBlock *block = vv_document_get_block (document, 1);
  g_autofree char *source = vv_block_dup_source_text (block);
  g_autofree char *target = NULL;

  g_assert_cmpstr (source, ==, "Première phrase. Deuxième phrase ! Troisième ?");
  vv_segment_set_target (vv_block_get_segment (block, 1), "Second sentence!");
  target = vv_block_dup_target_text (block, TRUE);
  g_assert_cmpstr (target, ==, "Première phrase. Second sentence! Troisième ?");
  g_clear_pointer (&target, g_free);
  target = vv_block_dup_target_text (block, FALSE);
  g_assert_cmpstr (target, ==, "Second sentence!");
}

static void
test_document_finalize (void)
{
  VvDocument *document = vv_test_document_from_text (article);
  VvSegment *segment = g_object_ref (vv_document_get_segment (document, 1));

  g_assert_finalize_object (document);
  /* a segment that outlives its document is detached, not dangling */
  g_assert_null (vv_segment_get_block (segment));
  g_assert_null (vv_segment_get_document (segment));
  vv_segment_set_target (segment, "still fine");
  g_assert_finalize_object (segment);
}

static void
test_document_state_strings (void)
{
  for (guint s = 0; s < VV_SEGMENT_N_STATES; s++)
    {
      VvSegmentState back;

      g_assert_true (vv_segment_state_from_string (vv_segment_state_to_string (s), &back));
      g_assert_cmpint (back, ==, s);
      g_assert_cmpstr (vv_segment_state_get_label (s), !=, "");
    }
  for (guint k = 0; k < VV_BLOCK_N_KINDS; k++)
    {
      VvBlockKind back;

      g_assert_true (vv_block_kind_from_string (vv_block_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
    }
}

static void
test_count_words (void)
{
  g_assert_cmpuint (vv_count_words (NULL), ==, 0);
  g_assert_cmpuint (vv_count_words (""), ==, 0);
  g_assert_cmpuint (vv_count_words ("L'armée est peut-être là."), ==, 4);
  g_assert_cmpuint (vv_count_words ("Le 3 mai, 14,5 M€ !"), ==, 5);
  g_assert_cmpuint (vv_count_words ("  « Bonjour »  "), ==, 1);
}

static char **original_argv;

/* On GLib 2.74 the process starts again, same arguments, with the slice
 * allocator off; a G_SLICE set by the user is left alone. */
static void
test_use_system_malloc (void)
{
  if (g_test_subprocess ())
    {
      vv_use_system_malloc (original_argv);
      g_print ("G_SLICE=%s\n", g_getenv ("G_SLICE"));
      return;
    }
  if (g_getenv ("G_SLICE") != NULL)
    {
      g_test_skip ("G_SLICE is set in the environment");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  if (glib_check_version (2, 76, 0) != NULL)
    g_test_trap_assert_stdout ("G_SLICE=always-malloc\n");
  else
    g_test_trap_assert_stdout ("G_SLICE=(null)\n");
}

int
main (int   argc,
      char *argv[])
{
  original_argv = g_strdupv (argv);   /* before g_test_init() takes its options out */
  vv_test_init (&argc, &argv);

  g_test_add_func ("/core/document/ids", test_document_ids);
  g_test_add_func ("/core/document/counts", test_document_counts);
  g_test_add_func ("/core/document/boilerplate", test_document_boilerplate);
  g_test_add_func ("/core/document/batching", test_document_batching);
  g_test_add_func ("/core/document/split-merge", test_document_split_merge);
  g_test_add_func ("/core/document/split-target", test_document_split_target);
  g_test_add_func ("/core/document/dirty", test_document_dirty);
  g_test_add_func ("/core/document/block-text", test_document_block_text);
  g_test_add_func ("/core/document/finalize", test_document_finalize);
  g_test_add_func ("/core/document/state-strings", test_document_state_strings);
  g_test_add_func ("/core/utils/count-words", test_count_words);
  g_test_add_func ("/core/utils/use-system-malloc", test_use_system_malloc);

  {
    int status = g_test_run ();

    g_strfreev (original_argv);
    return status;
  }
}
