/* test-review-state.c: the state machine, history, restore, comments,
 * the MT → translator → reviewer chain and navigation
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vv-test-utils.h"

#define U VV_SEGMENT_STATE_UNTRANSLATED
#define D VV_SEGMENT_STATE_DRAFT
#define T VV_SEGMENT_STATE_TRANSLATED
#define N VV_SEGMENT_STATE_NEEDS_CHANGES
#define A VV_SEGMENT_STATE_APPROVED

static void
test_transitions (void)
{
  /* the full table, written out: [from][to] */
  static const gboolean expected[5][5] = {
    [U] = { FALSE, TRUE, TRUE, FALSE, FALSE },
    [D] = { TRUE,  TRUE, TRUE, FALSE, FALSE },
    [T] = { TRUE,  TRUE, TRUE, TRUE,  TRUE  },
    [N] = { TRUE,  TRUE, TRUE, TRUE,  TRUE  },
    [A] = { TRUE,  TRUE, TRUE, TRUE,  TRUE  },
  };

  for (guint from = 0; from < VV_SEGMENT_N_STATES; from++)
    for (guint to = 0; to < VV_SEGMENT_N_STATES; to++)
      {
        g_autoptr(VvSegment) segment = vv_segment_new (1, "Bonjour.");
        g_autoptr(GError) error = NULL;
        gboolean ok;

        vv_segment_set_target (segment, "Hello.");
        vv_segment_set_state (segment, from);
        g_assert_cmpint (vv_review_can_transition (from, to), ==, expected[from][to]);

        ok = vv_review_set_state (segment, to, "Ana", &error);
        g_assert_cmpint (ok, ==, expected[from][to]);
        if (ok)
          {
            const VvHistoryEntry *entry;

            g_assert_no_error (error);
            g_assert_cmpint (vv_segment_get_state (segment), ==, to);
            g_assert_cmpuint (vv_segment_get_n_history (segment), ==, 1);
            entry = vv_segment_get_history (segment, 0);
            g_assert_cmpstr (entry->author, ==, "Ana");
            g_assert_cmpint (entry->state, ==, to);
            g_assert_cmpstr (entry->target, ==, "Hello.");
            g_assert_nonnull (entry->time);
          }
        else
          {
            g_assert_error (error, VV_REVIEW_ERROR, VV_REVIEW_ERROR_TRANSITION);
            g_assert_cmpint (vv_segment_get_state (segment), ==, from);
            g_assert_cmpuint (vv_segment_get_n_history (segment), ==, 0);
          }
      }
}

static void
test_refusals (void)
{
  g_autoptr(VvSegment) segment = vv_segment_new (7, "Bonjour.");
  g_autoptr(GError) error = NULL;

  /* nothing to confirm */
  g_assert_false (vv_review_confirm (segment, "Ana", &error));
  g_assert_error (error, VV_REVIEW_ERROR, VV_REVIEW_ERROR_EMPTY_TARGET);
  g_assert_nonnull (strstr (error->message, "7"));
  g_clear_error (&error);

  /* approving needs a confirmed translation first */
  vv_review_edit_target (segment, "Hello.");
  g_assert_cmpint (vv_segment_get_state (segment), ==, D);
  g_assert_false (vv_review_approve (segment, "Bea", &error));
  g_assert_error (error, VV_REVIEW_ERROR, VV_REVIEW_ERROR_TRANSITION);
  g_clear_error (&error);

  /* sending back needs a comment, and nothing changes without one */
  g_assert_true (vv_review_confirm (segment, "Ana", &error));
  g_assert_no_error (error);
  g_assert_false (vv_review_send_back (segment, "Bea", "   ", &error));
  g_assert_error (error, VV_REVIEW_ERROR, VV_REVIEW_ERROR_COMMENT_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpint (vv_segment_get_state (segment), ==, T);
  g_assert_cmpuint (vv_segment_get_n_comments (segment), ==, 0);

  /* locked segments do not move */
  vv_segment_set_flags (segment, VV_SEGMENT_FLAGS_LOCKED);
  g_assert_false (vv_review_approve (segment, "Bea", &error));
  g_assert_error (error, VV_REVIEW_ERROR, VV_REVIEW_ERROR_LOCKED);
  g_assert_cmpint (vv_segment_get_state (segment), ==, T);
}

static void
test_edit_target (void)
{
  g_autoptr(VvSegment) segment = vv_segment_new (1, "Bonjour.");

  vv_review_edit_target (segment, "H");
  g_assert_cmpint (vv_segment_get_state (segment), ==, D);
  vv_review_edit_target (segment, "");
  g_assert_cmpint (vv_segment_get_state (segment), ==, U);
  vv_review_edit_target (segment, "Hello.");
  vv_segment_set_state (segment, A);
  vv_review_edit_target (segment, "Hello!");
  g_assert_cmpint (vv_segment_get_state (segment), ==, A);
  g_assert_cmpuint (vv_segment_get_n_history (segment), ==, 0);
}

/* The whole flow: MT draft, translator edits and confirms, reviewer sends
 * back, translator fixes, reviewer edits and approves */
static void
test_flow_and_versions (void)
{
  g_autoptr(VvSegment) segment = vv_segment_new (3, "Le chat dort.");
  g_autoptr(GError) error = NULL;
  VvReviewVersions v;
  const VvComment *comment;

  vv_segment_set_suggestion (segment, "apertium", "The cat sleep.");
  vv_segment_set_target (segment, "The cat sleep.");
  vv_segment_set_origin (segment, "mt:apertium");
  vv_segment_set_state (segment, D);
  vv_review_get_versions (segment, &v);
  g_assert_cmpstr (v.mt, ==, "The cat sleep.");
  g_assert_null (v.translator);
  g_assert_false (vv_review_changed_since_mt (segment));

  vv_segment_set_target (segment, "The cat sleeps.");
  vv_segment_set_origin (segment, "human");
  g_assert_true (vv_review_changed_since_mt (segment));
  g_assert_true (vv_review_confirm (segment, "Ana", &error));

  g_assert_true (vv_review_send_back (segment, "Bea", "Say “is asleep”.", &error));
  g_assert_no_error (error);
  g_assert_cmpint (vv_segment_get_state (segment), ==, N);
  g_assert_cmpuint (vv_segment_get_n_comments (segment), ==, 1);
  comment = vv_segment_get_comment (segment, 0);
  g_assert_cmpstr (comment->author, ==, "Bea");
  g_assert_cmpstr (comment->text, ==, "Say “is asleep”.");
  g_assert_false (comment->resolved);
  g_assert_cmpuint (vv_segment_get_n_unresolved_comments (segment), ==, 1);

  vv_segment_set_target (segment, "The cat is sleeping.");
  g_assert_true (vv_review_confirm (segment, "Ana", &error));
  vv_review_add_comment (segment, "Ana", "Done.");
  vv_segment_set_comment_resolved (segment, 0, TRUE);
  g_assert_cmpuint (vv_segment_get_n_comments (segment), ==, 2);
  g_assert_cmpuint (vv_segment_get_n_unresolved_comments (segment), ==, 1);

  vv_segment_set_target (segment, "The cat is asleep.");
  g_assert_true (vv_review_approve (segment, "Bea", &error));
  g_assert_no_error (error);

  /* history: translated, needs-changes, translated, approved */
  g_assert_cmpuint (vv_segment_get_n_history (segment), ==, 4);
  g_assert_cmpint (vv_segment_get_history (segment, 0)->state, ==, T);
  g_assert_cmpint (vv_segment_get_history (segment, 1)->state, ==, N);
  g_assert_cmpint (vv_segment_get_history (segment, 2)->state, ==, T);
  g_assert_cmpint (vv_segment_get_history (segment, 3)->state, ==, A);
  g_assert_cmpstr (vv_segment_get_history (segment, 3)->author, ==, "Bea");

  vv_review_get_versions (segment, &v);
  g_assert_cmpstr (v.mt, ==, "The cat sleep.");
  g_assert_cmpstr (v.translator, ==, "The cat is sleeping.");
  g_assert_cmpstr (v.reviewer, ==, "The cat is asleep.");
}

static void
test_restore (void)
{
  g_autoptr(VvSegment) segment = vv_segment_new (1, "Bonjour.");
  g_autoptr(GError) error = NULL;

  vv_segment_set_target (segment, "Hello.");
  g_assert_true (vv_review_confirm (segment, "Ana", &error));
  vv_segment_set_target (segment, "Hi.");
  g_assert_true (vv_review_approve (segment, "Bea", &error));

  g_assert_true (vv_review_restore (segment, 0, "Bea", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vv_segment_get_target (segment), ==, "Hello.");
  g_assert_cmpint (vv_segment_get_state (segment), ==, D);
  g_assert_cmpuint (vv_segment_get_n_history (segment), ==, 3);
  g_assert_cmpstr (vv_segment_get_history (segment, 2)->target, ==, "Hello.");

  g_assert_false (vv_review_restore (segment, 3, "Bea", &error));
  g_assert_error (error, VV_REVIEW_ERROR, VV_REVIEW_ERROR_NO_SUCH_VERSION);
}

static void
test_navigation (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (
    "Titre\n\nUn. Deux. Trois. Quatre.\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) commented = NULL;
  VvSegment *s;

  /* 0 Titre, 1 Un., 2 Deux., 3 Trois., 4 Quatre. */
  for (guint i = 0; i < 5; i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);
      vv_segment_set_target (segment, "x");
      if (i != 2)
        g_assert_true (vv_review_confirm (segment, NULL, &error));
    }
  vv_segment_set_target (vv_document_get_segment (document, 4), NULL);
  vv_segment_set_state (vv_document_get_segment (document, 4), U);
  g_assert_true (vv_review_approve (vv_document_get_segment (document, 0), NULL, &error));

  s = vv_review_find (document, 0, TRUE, vv_review_needs_translation);
  g_assert_cmpuint (vv_segment_get_position (s), ==, 2);
  s = vv_review_find (document, 2, TRUE, vv_review_needs_translation);
  g_assert_cmpuint (vv_segment_get_position (s), ==, 4);
  /* wraps around */
  s = vv_review_find (document, 4, TRUE, vv_review_needs_translation);
  g_assert_cmpuint (vv_segment_get_position (s), ==, 2);
  s = vv_review_find (document, 4, FALSE, vv_review_needs_translation);
  g_assert_cmpuint (vv_segment_get_position (s), ==, 2);
  s = vv_review_find (document, 2, FALSE, vv_review_needs_translation);
  g_assert_cmpuint (vv_segment_get_position (s), ==, 4);

  s = vv_review_find (document, 0, TRUE, vv_review_needs_review);
  g_assert_cmpuint (vv_segment_get_position (s), ==, 1);
  s = vv_review_find (document, 1, TRUE, vv_review_needs_review);
  g_assert_cmpuint (vv_segment_get_position (s), ==, 3);

  vv_review_add_comment (vv_document_get_segment (document, 3), "Bea", "?");
  vv_review_add_comment (vv_document_get_segment (document, 1), "Bea", "!");
  vv_segment_set_comment_resolved (vv_document_get_segment (document, 1), 0, TRUE);
  commented = vv_review_list_commented (document, FALSE);
  g_assert_cmpuint (commented->len, ==, 2);
  g_assert_cmpuint (vv_segment_get_position (g_ptr_array_index (commented, 0)), ==, 1);
  g_clear_pointer (&commented, g_ptr_array_unref);
  commented = vv_review_list_commented (document, TRUE);
  g_assert_cmpuint (commented->len, ==, 1);
  g_assert_cmpuint (vv_segment_get_position (g_ptr_array_index (commented, 0)), ==, 3);
}

/* History and comments survive a save and reload of the project */
static void
test_project_roundtrip (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text ("Titre\n\nUn chat.\n");
  g_autoptr(VvDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.visavis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VvSegment *segment = vv_document_get_segment (document, 1);

  vv_segment_set_target (segment, "A cat.");
  g_assert_true (vv_review_confirm (segment, "Ana", &error));
  g_assert_true (vv_review_send_back (segment, "Bea", "Which cat?", &error));
  g_assert_true (vv_project_save (document, file, NULL, &error));
  g_assert_no_error (error);
  loaded = vv_project_load (file, NULL, &error);
  g_assert_no_error (error);
  segment = vv_document_get_segment (loaded, 1);
  g_assert_cmpint (vv_segment_get_state (segment), ==, N);
  g_assert_cmpuint (vv_segment_get_n_history (segment), ==, 2);
  g_assert_cmpstr (vv_segment_get_history (segment, 1)->author, ==, "Bea");
  g_assert_cmpuint (vv_segment_get_n_comments (segment), ==, 1);
  g_assert_cmpstr (vv_segment_get_comment (segment, 0)->text, ==, "Which cat?");
  vv_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/core/review/transitions", test_transitions);
  g_test_add_func ("/core/review/refusals", test_refusals);
  g_test_add_func ("/core/review/edit-target", test_edit_target);
  g_test_add_func ("/core/review/flow-and-versions", test_flow_and_versions);
  g_test_add_func ("/core/review/restore", test_restore);
  g_test_add_func ("/core/review/navigation", test_navigation);
  g_test_add_func ("/core/review/project-roundtrip", test_project_roundtrip);

  return g_test_run ();
}
