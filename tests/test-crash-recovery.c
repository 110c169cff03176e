/* test-crash-recovery.c: kill -9 in the middle of a series of edits, then
 * recover every edit made before the kill.
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test runs itself as a child (“--child DIR MODE”). The child opens a
 * document with a journal — an unsaved import, or a saved project — and
 * makes a long series of edits (typing with the idle delay, confirming,
 * comments, splits, merges), printing the number of each edit once the
 * journal reports it written. The parent kills the child with SIGKILL at a
 * random point, recovers from the journal, replays the same edits on a
 * fresh copy and checks that the recovered document holds every
 * acknowledged edit: it equals the copy after edit L (the last one
 * acknowledged) or after L+1 (written, but killed before it said so).
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "vv-test-utils.h"

#define N_EDITS 100000

static char *
make_article (void)
{
  GString *text = g_string_new ("Chronique de la ville\n\n");

  for (guint p = 0; p < 40; p++)
    g_string_append_printf (text,
                            "Le conseil municipal s'est réuni le %u mars. M. Durand a présenté le budget. "
                            "Les élus ont voté à %u voix contre %u.\n\n", p + 1, 20 + p, p);
  return g_string_free (text, FALSE);
}

/* Edit number @i, the same in the child and in the parent's replay */
static void
apply_edit (VvDocument *document,
            guint       i)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 6, 1, 12, 0, (double)(i % 60));
  guint n = vv_document_get_n_segments (document);
  VvSegment *segment = vv_document_get_segment (document, (i * 7) % n);
  g_autofree char *text = g_strdup_printf ("Edit %u — « ça marche »", i);

  if (vv_segment_is_locked (segment))
    return;

  switch (i % 10)
    {
    case 6:
      vv_segment_add_history (segment, vv_history_entry_new (when, "Zoé", VV_SEGMENT_STATE_TRANSLATED,
                                                             vv_segment_get_target (segment), "human"));
      vv_segment_set_state (segment, VV_SEGMENT_STATE_TRANSLATED);
      break;

    case 7:
      vv_segment_add_comment (segment, vv_comment_new ("Relecteur", when, text, i % 3 == 0));
      break;

    case 8:
      {
        const char *source = vv_segment_get_source (segment);
        const char *space = strchr (source + strlen (source) / 2, ' ');

        if (space != NULL && space[1] != '\0' &&
            vv_document_split_segment (document, segment, space + 1 - source, -1, 0, NULL) != NULL)
          break;
        vv_segment_set_target (segment, text);
      }
      break;

    case 9:
      if (!vv_document_merge_segment (document, segment, NULL))
        vv_segment_set_state (segment, VV_SEGMENT_STATE_DRAFT);
      break;

    default:
      vv_segment_set_target (segment, text);
      break;
    }
}

static int
run_child (const char *dir,
           const char *mode)
{
  g_autofree char *article = make_article ();
  g_autoptr(VvDocument) document = vv_test_document_from_text (article);
  g_autoptr(VvJournal) journal = NULL;
  g_autoptr(GFile) project = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (mode, "project") == 0)
    {
      g_autofree char *path = g_build_filename (dir, "article.visavis", NULL);

      project = g_file_new_for_path (path);
      if (!vv_project_save (document, project, NULL, &error))
        g_error ("%s", error->message);
    }

  journal = vv_journal_new (document, project, FALSE, &error);
  if (journal == NULL)
    g_error ("%s", error->message);
  vv_journal_set_idle_delay (journal, 2);
  printf ("ready\n");
  fflush (stdout);

  for (guint i = 1; i <= N_EDITS; i++)
    {
      apply_edit (document, i);
      /* the edit counts once the journal has written it */
      while (vv_journal_get_n_pending (journal) > 0 ||
             vv_journal_get_n_written (journal) < vv_journal_get_n_queued (journal))
        g_main_context_iteration (NULL, vv_journal_get_n_pending (journal) > 0);
      printf ("%u\n", i);
      fflush (stdout);
    }
  return 0;
}

static char *
normalised_data (VvDocument *document,
                 VvDocument *like)
{
  vv_document_set_created (document, vv_document_get_created (like));
  vv_document_set_changed (document, vv_document_get_changed (like));
  return vv_project_to_data (document, NULL);
}

static void
crash_and_recover (const char *mode,
                   guint       kill_after)
{
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *state = g_build_filename (dir, "state", NULL);
  g_autofree char *self_path = g_test_build_filename (G_TEST_BUILT, "test-crash-recovery", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) recovered = NULL;
  g_autoptr(VvDocument) reference = NULL;
  g_autoptr(GFile) journal_file = NULL;
  g_autoptr(GFile) project = NULL;
  g_autofree char *recovered_data = NULL;
  g_autofree char *article = make_article ();
  guint last = 0, applied = 0;
  char *line;
  gboolean matched = FALSE;

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", state, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self_path, "--child", dir, mode, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

  line = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");
  g_free (line);

  while ((line = g_data_input_stream_read_line (lines, NULL, NULL, &error)) != NULL)
    {
      last = (guint)g_ascii_strtoull (line, NULL, 10);
      g_free (line);
      if (last == kill_after)
        {
          g_subprocess_send_signal (child, SIGKILL);
          break;
        }
    }
  g_assert_no_error (error);
  /* edits the child acknowledged before the signal arrived */
  while ((line = g_data_input_stream_read_line (lines, NULL, NULL, NULL)) != NULL)
    {
      last = (guint)g_ascii_strtoull (line, NULL, 10);
      g_free (line);
    }
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
  g_assert_cmpuint (last, >=, kill_after);

  if (g_strcmp0 (mode, "project") == 0)
    {
      g_autofree char *path = g_build_filename (dir, "article.visavis", NULL);

      project = g_file_new_for_path (path);
      journal_file = vv_journal_find_for_project (project);
      reference = vv_project_load (project, NULL, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_autoptr(GPtrArray) unsaved = vv_journal_list_unsaved ();

      g_assert_cmpuint (unsaved->len, ==, 1);
      journal_file = g_object_ref (g_ptr_array_index (unsaved, 0));
      reference = vv_test_document_from_text (article);
    }
  g_assert_nonnull (journal_file);

  recovered = vv_journal_recover (journal_file, NULL, &applied, &error);
  g_assert_no_error (error);
  g_assert_nonnull (recovered);
  recovered_data = vv_project_to_data (recovered, NULL);

  for (guint i = 1; i <= last; i++)
    apply_edit (reference, i);
  {
    g_autofree char *expected = normalised_data (reference, recovered);

    matched = g_strcmp0 (expected, recovered_data) == 0;
    if (!matched && g_getenv ("VV_CRASH_DEBUG") != NULL)
      {
        g_autofree char *jpath = g_file_get_path (journal_file);
        g_autofree char *jdata = NULL;

        g_file_set_contents ("/tmp/crash-expected-last.json", expected, -1, NULL);
        g_file_get_contents (jpath, &jdata, NULL, NULL);
        g_file_set_contents ("/tmp/crash-journal.txt", jdata, -1, NULL);
      }
  }
  if (!matched)
    {
      g_autofree char *expected = NULL;

      apply_edit (reference, last + 1);
      expected = normalised_data (reference, recovered);
      matched = g_strcmp0 (expected, recovered_data) == 0;
    }
  g_test_message ("%s: killed after edit %u, %u acknowledged, %u records applied",
                  mode, kill_after, last, applied);
  if (!matched && g_getenv ("VV_CRASH_DEBUG") != NULL)
    {
      g_autofree char *expected = normalised_data (reference, recovered);

      g_file_set_contents ("/tmp/crash-expected.json", expected, -1, NULL);
      g_file_set_contents ("/tmp/crash-recovered.json", recovered_data, -1, NULL);
    }
  if (!matched)
    g_test_fail_printf ("%s: the recovered document is not the document after edit %u (or %u)",
                        mode, last, last + 1);

  vv_test_rm_rf (dir);
}

static void
test_crash (gconstpointer data)
{
  const char *mode = data;

  /* three kills at random points of the series */
  for (guint round = 0; round < 3; round++)
    crash_and_recover (mode, (guint)g_test_rand_int_range (30, 600));
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_strcmp0 (argv[1], "--child") == 0)
    {
      vv_locale_init ("C.UTF-8");
      return run_child (argv[2], argv[3]);
    }

  vv_test_init (&argc, &argv);

  g_test_add_data_func ("/core/crash-recovery/unsaved-import", "unsaved", test_crash);
  g_test_add_data_func ("/core/crash-recovery/project", "project", test_crash);

  return g_test_run ();
}
