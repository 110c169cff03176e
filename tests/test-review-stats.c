/* test-review-stats.c: statistics per state, post-editing distance, filters
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vv-test-utils.h"

/* 0 "Titre" (1 word), 1 "Le chat dort." (3), 2 "Le chien aboie fort." (4),
 * 3 "Une souris passe." (3), then boilerplate "Suivez-nous" excluded */
static VvDocument *
make_document (void)
{
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  VvDocument *document = vv_test_document_from_text (
    "Titre\n\nLe chat dort. Le chien aboie fort. Une souris passe.\n");
  VvBlock *boilerplate;

  boilerplate = vv_document_append_text_block (document, VV_BLOCK_KIND_BOILERPLATE, 0,
                                               "Suivez-nous sur les réseaux.", segmenter);
  vv_block_set_included (boilerplate, FALSE);
  vv_document_set_target_language (document, "en");
  return document;
}

static void
test_stats (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autoptr(GError) error = NULL;
  VvSegment *s1 = vv_document_get_segment (document, 1);
  VvSegment *s2 = vv_document_get_segment (document, 2);
  VvStats stats;

  g_assert_cmpuint (vv_document_get_n_segments (document), ==, 5);

  vv_segment_set_suggestion (s1, "apertium", "The cat sleep.");
  vv_segment_set_target (s1, "The cat sleep.");
  vv_segment_set_origin (s1, "mt:apertium");
  vv_segment_set_state (s1, VV_SEGMENT_STATE_DRAFT);
  vv_segment_set_target (s1, "The cat sleeps.");       /* 1 edit of 4 tokens */
  g_assert_true (vv_review_confirm (s1, "Ana", &error));

  vv_segment_set_suggestion (s2, "apertium", "The dog barks strong.");
  vv_segment_set_origin (s2, "mt:apertium");
  vv_segment_set_target (s2, "The dog barks strong.");  /* untouched: 0 edits of 5 */
  g_assert_true (vv_review_confirm (s2, "Ana", &error));
  g_assert_true (vv_review_approve (s2, "Bea", &error));

  vv_stats_compute (document, &stats);
  g_assert_cmpuint (stats.total_segments, ==, 4);
  g_assert_cmpuint (stats.excluded_segments, ==, 1);
  g_assert_cmpuint (stats.segments[VV_SEGMENT_STATE_UNTRANSLATED], ==, 2);
  g_assert_cmpuint (stats.segments[VV_SEGMENT_STATE_TRANSLATED], ==, 1);
  g_assert_cmpuint (stats.segments[VV_SEGMENT_STATE_APPROVED], ==, 1);
  g_assert_cmpuint (stats.words[VV_SEGMENT_STATE_UNTRANSLATED], ==, 4);
  g_assert_cmpuint (stats.words[VV_SEGMENT_STATE_TRANSLATED], ==, 3);
  g_assert_cmpuint (stats.words[VV_SEGMENT_STATE_APPROVED], ==, 4);
  g_assert_cmpuint (stats.total_words, ==, 11);
  g_assert_cmpuint (stats.chars[VV_SEGMENT_STATE_TRANSLATED], ==, 13);
  g_assert_cmpuint (stats.total_chars, ==, 5 + 13 + 20 + 17);
  g_assert_cmpfloat_with_epsilon (stats.progress, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats.progress, vv_document_get_progress (document), 1e-9);

  g_assert_cmpuint (stats.n_post_edited, ==, 2);
  g_assert_cmpuint (stats.post_edit_edits, ==, 1);
  g_assert_cmpuint (stats.post_edit_words, ==, 9);
  g_assert_cmpfloat_with_epsilon (stats.post_edit_average, (0.25 + 0.0) / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (vv_stats_segment_post_edit_rate (s1, NULL, NULL), 0.25, 1e-9);
  g_assert_cmpfloat (vv_stats_segment_post_edit_rate (vv_document_get_segment (document, 3), NULL, NULL), <, 0);
}

static guint
count_matches (VvDocument *document,
               VvFilter   *filter)
{
  guint n = 0;

  for (guint i = 0; i < vv_document_get_n_segments (document); i++)
    if (vv_filter_match_item (vv_document_get_segment (document, i), filter))
      n++;
  return n;
}

static void
test_filter (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autoptr(VvFilter) filter = vv_filter_new ();
  g_autoptr(GHashTable) qa = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  VvSegment *s1 = vv_document_get_segment (document, 1);
  VvSegment *s2 = vv_document_get_segment (document, 2);

  vv_segment_set_target (s1, "The CAT sleeps.");
  g_assert_true (vv_review_confirm (s1, NULL, &error));
  vv_segment_set_suggestion (s2, "deepl", "The dog barks.");
  vv_segment_set_target (s2, "The dog barks loudly.");
  vv_segment_set_state (s2, VV_SEGMENT_STATE_DRAFT);
  vv_review_add_comment (s2, "Bea", "Loudly?");

  g_assert_true (vv_filter_is_empty (filter));
  g_assert_cmpuint (count_matches (document, filter), ==, 5);

  vv_filter_set_states (filter, VV_FILTER_STATE_BIT (VV_SEGMENT_STATE_TRANSLATED));
  g_assert_false (vv_filter_is_empty (filter));
  g_assert_cmpuint (count_matches (document, filter), ==, 1);
  vv_filter_set_states (filter, VV_FILTER_STATE_BIT (VV_SEGMENT_STATE_TRANSLATED) |
                                VV_FILTER_STATE_BIT (VV_SEGMENT_STATE_UNTRANSLATED));
  g_assert_cmpuint (count_matches (document, filter), ==, 4);
  vv_filter_set_states (filter, VV_FILTER_ALL_STATES);

  /* text, case-insensitive, in source, target or both */
  vv_filter_set_text (filter, "cat", VV_FILTER_SCOPE_TARGET);
  g_assert_cmpuint (count_matches (document, filter), ==, 1);
  vv_filter_set_text (filter, "cat", VV_FILTER_SCOPE_SOURCE);
  g_assert_cmpuint (count_matches (document, filter), ==, 0);
  vv_filter_set_text (filter, "CHAT", VV_FILTER_SCOPE_SOURCE);
  g_assert_cmpuint (count_matches (document, filter), ==, 1);
  vv_filter_set_text (filter, "RÉSEAUX", VV_FILTER_SCOPE_BOTH);   /* non-ASCII folds too */
  g_assert_cmpuint (count_matches (document, filter), ==, 1);
  vv_filter_set_text (filter, "le ch", VV_FILTER_SCOPE_BOTH);
  g_assert_cmpuint (count_matches (document, filter), ==, 2);
  vv_filter_set_text (filter, NULL, VV_FILTER_SCOPE_BOTH);

  vv_filter_set_has_comments (filter, TRUE);
  g_assert_cmpuint (count_matches (document, filter), ==, 1);
  vv_filter_set_has_comments (filter, FALSE);

  vv_filter_set_changed_since_mt (filter, TRUE);
  g_assert_cmpuint (count_matches (document, filter), ==, 1);
  g_assert_true (vv_filter_match (filter, s2));
  vv_filter_set_changed_since_mt (filter, FALSE);

  g_hash_table_add (qa, GUINT_TO_POINTER (vv_segment_get_id (s1)));
  vv_filter_set_qa_segments (filter, qa);
  g_assert_cmpuint (count_matches (document, filter), ==, 1);
  g_assert_true (vv_filter_match (filter, s1));

  /* criteria combine */
  vv_filter_set_states (filter, VV_FILTER_STATE_BIT (VV_SEGMENT_STATE_DRAFT));
  g_assert_cmpuint (count_matches (document, filter), ==, 0);
  vv_filter_set_qa_segments (filter, NULL);
  vv_filter_set_states (filter, VV_FILTER_ALL_STATES);
  g_assert_true (vv_filter_is_empty (filter));
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/core/review/stats", test_stats);
  g_test_add_func ("/core/review/filter", test_filter);

  return g_test_run ();
}
