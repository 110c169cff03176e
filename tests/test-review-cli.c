/* test-review-cli.c: visavis-cli qa and stats on a project with planted problems
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vv-test-utils.h"

typedef struct
{
  char *dir;
  char *project;
} Fixture;

/* Positions: 0 title, then one segment per sentence */
static const char article[] =
  "Le budget du tramway\n"
  "\n"
  "Les travaux ont coûté 14,5 M€. Ils ont commencé le 3 mars 2024. "
  "Le maire (PS) a parlé. La ligne ouvrira lundi. Les riverains sont ravis.\n"
  "\n"
  "Le maire (PS) a parlé. Une phrase sans traduction.\n";

static const char * const targets[] = {
  "The tramway budget",
  "The works cost €15.5M.",                  /* error: numbers */
  "They began on March 3, 2024.",            /* clean */
  "The mayor (PS spoke.",                    /* error: unbalanced */
  "The line will open  on Monday.",          /* info: double space, fixable */
  "Les riverains sont ravis.",               /* warning: same as source */
  "The mayor (PS) talked.",                  /* warning: inconsistent with position 3 */
  NULL,                                      /* warning: untranslated */
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (article);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = vv_test_make_tmpdir ();
  fixture->project = g_build_filename (fixture->dir, "planted.visavis", NULL);
  g_assert_cmpuint (vv_document_get_n_segments (document), ==, G_N_ELEMENTS (targets));
  vv_document_set_target_language (document, "en");
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);
      vv_segment_set_target (segment, targets[i]);
      if (targets[i])
        vv_segment_set_state (segment, VV_SEGMENT_STATE_TRANSLATED);
    }
  file = g_file_new_for_path (fixture->project);
  g_assert_true (vv_project_save (document, file, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vv_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->project);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

static char *
expect_line (const Fixture *fixture,
             guint          position,
             const char    *rest)
{
  /* segment ids equal positions + 1 in a freshly imported document */
  return g_strdup_printf ("%s:%u: %s", fixture->project, position + 1, rest);
}

static void
test_qa_planted (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  static const struct { guint position; const char *rest; } expected[] = {
    { 1, "error: [numbers] Number “14,5 M€” became “€15.5M”\n" },
    { 3, "error: [unbalanced] Parentheses do not balance as in the source\n" },
    { 4, "info: [double-space] Double space in the translation (fixable)\n" },
    { 5, "warning: [same-as-source] The translation is the same as the source\n" },
    { 6, "warning: [inconsistent] Same source as segment 4, translated differently\n" },
    { 7, "warning: [untranslated] Not translated\n" },
  };
  int status;

  status = vv_test_run_cli (NULL, &out, &err, "qa", fixture->project, NULL);
  g_test_message ("%s%s", out, err);
  g_assert_cmpint (status, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *line = expect_line (fixture, expected[i].position, expected[i].rest);
      g_assert_nonnull (strstr (out, line));
    }
  g_assert_cmpuint (count_lines (out), ==, G_N_ELEMENTS (expected));
  g_assert_nonnull (strstr (err, "2 errors, 3 warnings, 1 notes"));
}

static void
test_qa_fix (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->project);
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = vv_test_run_cli (NULL, &out, &err, "qa", "--fix", fixture->project, NULL);
  g_assert_cmpint (status, ==, 1);   /* the errors remain */
  g_assert_nonnull (strstr (err, "fixed 1 finding"));
  g_assert_null (strstr (out, "double-space"));

  document = vv_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (document, 4)), ==,
                   "The line will open on Monday.");
}

static void
test_qa_clean (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text ("Titre\n\nIl part à 14 h 30.\n");
  g_autoptr(GFile) file = g_file_new_for_path (fixture->project);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  vv_document_set_target_language (document, "en");
  vv_segment_set_target (vv_document_get_segment (document, 0), "Title");
  vv_segment_set_target (vv_document_get_segment (document, 1), "He leaves at 2:30 pm.");
  g_assert_true (vv_project_save (document, file, NULL, &error));

  g_assert_cmpint (vv_test_run_cli (NULL, &out, &err, "qa", fixture->project, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "0 errors, 0 warnings, 0 notes"));

  /* bad usage and unreadable files follow the CLI contract */
  g_assert_cmpint (vv_test_run_cli (NULL, NULL, NULL, "qa", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (vv_test_run_cli (NULL, NULL, &err, "qa", "/nonexistent/p.visavis", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "p.visavis"));
}

static void
test_stats_extended (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text ("Titre\n\nLe chat dort.\n");
  g_autoptr(GFile) file = g_file_new_for_path (fixture->project);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  VvSegment *segment = vv_document_get_segment (document, 1);

  vv_segment_set_suggestion (segment, "apertium", "The cat sleep.");
  vv_segment_set_origin (segment, "mt:apertium");
  vv_segment_set_target (segment, "The cat sleeps.");
  g_assert_true (vv_review_confirm (segment, "Ana", &error));
  g_assert_true (vv_project_save (document, file, NULL, &error));

  g_assert_cmpint (vv_test_run_cli (NULL, &out, NULL, "stats", fixture->project, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "translated: 1 segments, 3 words\n"));
  g_assert_nonnull (strstr (out, "characters: 18\n"));
  g_assert_nonnull (strstr (out, "translated-characters: 13\n"));
  g_assert_nonnull (strstr (out, "post-edited: 1 segments\n"));
  g_assert_nonnull (strstr (out, "post-editing distance: 25.0% average, 1 edits over 4 words\n"));
  g_assert_nonnull (strstr (out, "progress: 50.0%\n"));
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_test_add ("/cli/qa/planted", Fixture, NULL, fixture_set_up, test_qa_planted, fixture_tear_down);
  g_test_add ("/cli/qa/fix", Fixture, NULL, fixture_set_up, test_qa_fix, fixture_tear_down);
  g_test_add ("/cli/qa/clean", Fixture, NULL, fixture_set_up, test_qa_clean, fixture_tear_down);
  g_test_add ("/cli/stats/extended", Fixture, NULL, fixture_set_up, test_stats_extended, fixture_tear_down);

  return g_test_run ();
}
