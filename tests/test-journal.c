/* test-journal.c: the edit journal, compaction and recovery
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "vv-test-utils.h"

#define ARTICLE \
  "Le métro de Lyon\n" \
  "\n" \
  "M. Dupont a pris le métro. Il était en retard. La rame était pleine.\n" \
  "\n" \
  "Les tarifs augmentent de 14,5 %. Les usagers protestent. « C'est trop », dit Mme Martin.\n"

typedef struct
{
  char *dir;
  char *state_dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = vv_test_make_tmpdir ();
  fixture->state_dir = g_build_filename (fixture->dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", fixture->state_dir, TRUE);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  vv_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->state_dir);
}

static char *
document_data (VvDocument *document)
{
  return vv_project_to_data (document, NULL);
}

static void
assert_same_document (VvDocument *expected,
                      VvDocument *actual)
{
  g_autofree char *a = document_data (expected);
  g_autofree char *b = document_data (actual);

  g_assert_cmpstr (b, ==, a);
}

static char *
read_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* A series of edits of every kind the journal records */
static void
edit_everything (VvDocument *document)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 5, 1, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  VvSegment *segment, *second;

  segment = vv_document_get_segment (document, 0);
  vv_segment_set_target (segment, "The Lyon métro");
  vv_segment_commit (segment, VV_SEGMENT_STATE_TRANSLATED, "Zoé");

  segment = vv_document_get_segment (document, 1);
  vv_segment_set_suggestion (segment, "apertium", "Mr Dupont took the metro.");
  vv_segment_set_target (segment, "Mr Dupont took the métro.");
  vv_segment_set_origin (segment, "mt:apertium");
  vv_segment_set_state (segment, VV_SEGMENT_STATE_DRAFT);
  vv_segment_add_comment (segment, vv_comment_new ("Relectrice", when, "« métro » ou “subway” ?\nÀ voir.", FALSE));
  vv_segment_set_comment_resolved (segment, 0, TRUE);
  vv_segment_add_comment (segment, vv_comment_new ("Zoé", NULL, "OK", FALSE));

  /* merge two sentences, then split a third one */
  segment = vv_document_get_segment (document, 2);
  vv_segment_set_target (segment, "He was late.");
  g_assert_true (vv_document_merge_segment (document, segment, &error));
  g_assert_no_error (error);

  segment = vv_document_get_segment (document, 4);
  second = vv_document_split_segment (document, segment, strlen ("Les usagers"), -1, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  vv_segment_set_target (second, "protest.");
  vv_segment_set_flags (second, VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE);

  /* split and undo it by merging again */
  segment = vv_document_get_segment (document, 3);
  second = vv_document_split_segment (document, segment, strlen ("Les tarifs"), -1, 0, &error);
  g_assert_no_error (error);
  g_assert_true (vv_document_merge_segment (document, segment, &error));
  g_assert_no_error (error);
  vv_segment_set_target (segment, "Fares rise by 14.5%.");
  vv_segment_set_state (segment, VV_SEGMENT_STATE_APPROVED);
}

static void
test_journal_unsaved (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (ARTICLE);
  g_autoptr(VvDocument) recovered = NULL;
  g_autoptr(VvJournal) journal = NULL;
  g_autoptr(GPtrArray) unsaved = NULL;
  g_autoptr(GFile) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VvJournalInfo) info = NULL;
  guint applied = 0;

  journal = vv_journal_new (document, NULL, FALSE, &error);
  g_assert_no_error (error);
  vv_journal_set_idle_delay (journal, 0);
  file = vv_journal_get_file (journal);
  g_assert_true (g_str_has_prefix (g_file_peek_path (file), fixture->state_dir));

  edit_everything (document);
  g_assert_true (vv_journal_flush (journal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vv_journal_get_n_written (journal), ==, vv_journal_get_n_queued (journal));

  /* a journal in use is not offered for recovery */
  unsaved = vv_journal_list_unsaved ();
  g_assert_cmpuint (unsaved->len, ==, 0);
  g_clear_pointer (&unsaved, g_ptr_array_unref);

  recovered = vv_journal_recover (file, &project, &applied, &error);
  g_assert_no_error (error);
  g_assert_null (project);
  g_assert_cmpuint (applied, >, 10);
  assert_same_document (document, recovered);
  g_assert_true (vv_document_get_dirty (recovered));
  g_clear_object (&recovered);

  /* the session ends without saving: the journal stays and is offered */
  vv_journal_close (journal, FALSE);
  unsaved = vv_journal_list_unsaved ();
  g_assert_cmpuint (unsaved->len, ==, 1);
  g_assert_true (g_file_equal (g_ptr_array_index (unsaved, 0), file));

  info = vv_journal_read_info (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->title, ==, "Le métro de Lyon");
  g_assert_cmpuint (info->n_changes, ==, applied);
  g_assert_null (info->project);

  recovered = vv_journal_recover (file, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_document (document, recovered);

  g_assert_true (vv_journal_discard (file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&unsaved, g_ptr_array_unref);
  unsaved = vv_journal_list_unsaved ();
  g_assert_cmpuint (unsaved->len, ==, 0);
}

static void
test_journal_remove_on_close (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (ARTICLE);
  g_autoptr(VvJournal) journal = vv_journal_new (document, NULL, FALSE, NULL);
  g_autoptr(GFile) file = vv_journal_get_file (journal);

  vv_segment_set_target (vv_document_get_segment (document, 0), "x");
  g_assert_true (g_file_query_exists (file, NULL));
  vv_journal_close (journal, TRUE);
  g_assert_false (g_file_query_exists (file, NULL));
}

static void
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
}

static void
run_main_loop (guint msec)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add_once (msec, quit_cb, loop);
  g_main_loop_run (loop);
}

static void
test_journal_idle (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (ARTICLE);
  g_autoptr(VvDocument) recovered = NULL;
  g_autoptr(VvJournal) journal = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  VvSegment *segment = vv_document_get_segment (document, 1);
  guint64 start;

  journal = vv_journal_new (document, NULL, FALSE, &error);
  g_assert_no_error (error);
  vv_journal_set_idle_delay (journal, 100);
  file = vv_journal_get_file (journal);
  start = vv_journal_get_n_queued (journal);

  /* typing: nothing is queued until the text rests for the idle delay */
  for (guint i = 1; i <= 20; i++)
    {
      g_autofree char *text = g_strndup ("Mr Dupont took the metro.", i);

      vv_segment_set_target (segment, text);
    }
  g_assert_cmpuint (vv_journal_get_n_queued (journal), ==, start);
  run_main_loop (250);
  g_assert_cmpuint (vv_journal_get_n_queued (journal), ==, start + 1);

  /* a state change writes at once, with the text typed just before */
  vv_segment_set_target (segment, "Mr Dupont took the metro!");
  vv_segment_set_state (segment, VV_SEGMENT_STATE_TRANSLATED);
  g_assert_cmpuint (vv_journal_get_n_queued (journal), ==, start + 2);
  run_main_loop (200);
  g_assert_cmpuint (vv_journal_get_n_queued (journal), ==, start + 2);

  /* text still resting when the window closes is written on close */
  vv_segment_set_target (vv_document_get_segment (document, 0), "The Lyon metro");
  vv_journal_close (journal, FALSE);

  recovered = vv_journal_recover (file, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_document (document, recovered);
  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (recovered, 1)), ==, "Mr Dupont took the metro!");
}

static void
test_journal_torn (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (ARTICLE);
  g_autoptr(VvJournal) journal = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before_last = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  gsize length;
  const char *garbage[] = {
    "",                                  /* truncated in the middle of the last line */
    "0badf00d {\"seq\": 99, \"op\": \"seg\"}\n",  /* wrong checksum */
    "\0\0\0\0\0\0\0\0\0\0\0\0",          /* zeroes left by a power cut */
    "deadbeef {\"seq\": 9",              /* no newline */
  };

  journal = vv_journal_new (document, NULL, FALSE, &error);
  g_assert_no_error (error);
  vv_journal_set_idle_delay (journal, 0);
  file = vv_journal_get_file (journal);
  path = g_file_get_path (file);

  edit_everything (document);
  before_last = document_data (document);
  vv_segment_set_target (vv_document_get_segment (document, 0), "Last edit");
  vv_journal_close (journal, FALSE);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (length > 20);

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_autoptr(GString) damaged = g_string_new_len (contents, length);
      g_autoptr(VvDocument) recovered = NULL;
      g_autofree char *recovered_data = NULL;

      if (i == 0)
        g_string_truncate (damaged, length - 7);
      else
        g_string_append_len (damaged, garbage[i], i == 2 ? 12 : (gssize)strlen (garbage[i]));
      g_assert_true (g_file_set_contents (path, damaged->str, damaged->len, NULL));

      recovered = vv_journal_recover (file, NULL, NULL, &error);
      g_assert_no_error (error);
      recovered_data = document_data (recovered);
      if (i == 0)
        g_assert_cmpstr (recovered_data, ==, before_last);
      else
        assert_same_document (document, recovered);
    }
}

static void
test_journal_bad (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "bad.journal", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = NULL;
  const char *newer = "{\"journal\":\"visavis\",\"version\":7}";
  g_autofree char *line = NULL;

  g_assert_true (g_file_set_contents (path, "not a journal\n", -1, NULL));
  document = vv_journal_recover (file, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, VV_JOURNAL_ERROR, VV_JOURNAL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.journal"));
  g_clear_error (&error);

  /* a correct checksum, but from a later version */
  {
    guint32 c = 0xFFFFFFFFu;

    for (const char *p = newer; *p; p++)
      {
        c ^= (guchar)*p;
        for (int k = 0; k < 8; k++)
          c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      }
    line = g_strdup_printf ("%08x %s\n", c ^ 0xFFFFFFFFu, newer);
  }
  g_assert_true (g_file_set_contents (path, line, -1, NULL));
  document = vv_journal_recover (file, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, VV_JOURNAL_ERROR, VV_JOURNAL_ERROR_NEWER_VERSION);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} SaveWait;

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveWait *wait = user_data;

  wait->ok = vv_project_save_finish (VV_DOCUMENT (object), result, NULL, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
wait_save (SaveWait *wait)
{
  g_main_loop_run (wait->loop);
  g_assert_no_error (wait->error);
  g_assert_true (wait->ok);
}

static void
test_journal_project (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (ARTICLE);
  g_autoptr(VvDocument) recovered = NULL;
  g_autoptr(VvJournal) journal = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) recovered_project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *path = g_build_filename (fixture->dir, "article.visavis", NULL);
  g_autofree char *journal_path = g_build_filename (fixture->dir, ".article.visavis.journal", NULL);
  g_autoptr(GFile) project = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  SaveWait wait = { loop, FALSE, NULL };
  guint64 mark;

  g_assert_true (vv_project_save (document, project, NULL, &error));
  g_assert_no_error (error);

  journal = vv_journal_new (document, project, FALSE, &error);
  g_assert_no_error (error);
  vv_journal_set_idle_delay (journal, 0);
  file = vv_journal_get_file (journal);
  g_assert_cmpstr (g_file_peek_path (file), ==, journal_path);

  /* while live, it is not offered */
  g_assert_null (vv_journal_find_for_project (project));

  vv_segment_set_target (vv_document_get_segment (document, 0), "Before the save");

  /* save; edit while the worker writes; compact */
  vv_project_save_async (document, project, NULL, save_cb, &wait);
  mark = vv_journal_mark_saving (journal);
  vv_segment_set_target (vv_document_get_segment (document, 1), "During the save");
  wait_save (&wait);
  g_assert_true (vv_document_get_dirty (document));
  vv_journal_saved (journal, project, mark);
  g_assert_true (vv_journal_flush (journal, &error));
  g_assert_no_error (error);

  contents = read_file (file);
  g_assert_null (strstr (contents, "Before the save"));
  g_assert_nonnull (strstr (contents, "During the save"));

  recovered = vv_journal_recover (file, &recovered_project, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (recovered_project, project));
  assert_same_document (document, recovered);
  g_clear_object (&recovered);

  /* the program dies between the rename of the project and the
   * compaction: the “saving” marker tells what the file already has */
  {
    g_autoptr(GError) e = NULL;
    VvSegment *segment = vv_document_get_segment (document, 2);
    g_autoptr(VvSegment) second = NULL;

    second = g_object_ref (vv_document_split_segment (document, segment, strlen ("Il était"), -1, 0, &e));
    g_assert_no_error (e);
    vv_project_save_async (document, project, NULL, save_cb, &wait);
    vv_journal_mark_saving (journal);
    wait_save (&wait);
    /* no vv_journal_saved(): the journal still has the split */
    vv_segment_set_target (second, "late.");
    g_assert_true (vv_journal_flush (journal, &e));
    g_assert_no_error (e);
  }
  vv_journal_close (journal, FALSE);
  {
    g_autoptr(GFile) found = vv_journal_find_for_project (project);

    g_assert_true (g_file_equal (found, file));
  }

  recovered = vv_journal_recover (file, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_document (document, recovered);
  g_clear_object (&recovered);

  /* another program replaces the project: the changes do not apply */
  {
    g_autoptr(VvDocument) other = vv_test_document_from_text ("Autre chose.\n");
    g_autoptr(GDateTime) old = g_date_time_new_utc (2020, 1, 1, 0, 0, 0);
    g_autofree char *other_data = NULL;

    vv_document_set_changed (other, old);
    other_data = vv_project_to_data (other, NULL);
    g_assert_true (g_file_set_contents (path, other_data, -1, NULL));
  }
  recovered = vv_journal_recover (file, NULL, NULL, &error);
  g_assert_null (recovered);
  g_assert_error (error, VV_JOURNAL_ERROR, VV_JOURNAL_ERROR_BASE_CHANGED);
  g_assert_nonnull (strstr (error->message, "article.visavis"));
}

static void
test_journal_readonly_folder (Fixture       *fixture,
                              gconstpointer  data)
{
  /* A project in a folder where no journal can be created (here: the
   * journal's name is taken by a folder): the journal goes to the state
   * folder instead */
  g_autoptr(VvDocument) document = vv_test_document_from_text (ARTICLE);
  g_autofree char *path = g_build_filename (fixture->dir, "p.visavis", NULL);
  g_autofree char *blocker = g_build_filename (fixture->dir, ".p.visavis.journal", NULL);
  g_autoptr(GFile) project = g_file_new_for_path (path);
  g_autoptr(VvJournal) journal = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (vv_project_save (document, project, NULL, &error));
  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);

  journal = vv_journal_new (document, project, FALSE, &error);
  g_assert_no_error (error);
  file = vv_journal_get_file (journal);
  g_assert_true (g_str_has_prefix (g_file_peek_path (file), fixture->state_dir));
  vv_segment_set_target (vv_document_get_segment (document, 0), "x");
  vv_journal_close (journal, FALSE);
  {
    g_autoptr(GFile) found = vv_journal_find_for_project (project);

    g_assert_true (g_file_equal (found, file));
  }
  g_rmdir (blocker);
}

static void
test_journal_known_segments (Fixture       *fixture,
                             gconstpointer  data)
{
  /* merge, then undo the merge by splitting with the old id: both are
   * recorded as what they are */
  g_autoptr(VvDocument) document = vv_test_document_from_text (ARTICLE);
  g_autoptr(VvDocument) recovered = NULL;
  g_autoptr(VvJournal) journal = vv_journal_new (document, NULL, FALSE, NULL);
  g_autoptr(GFile) file = vv_journal_get_file (journal);
  g_autoptr(GError) error = NULL;
  VvSegment *segment = vv_document_get_segment (document, 1);
  guint next_id = vv_segment_get_id (vv_document_get_segment (document, 2));
  const char *source = vv_segment_get_source (segment);
  gsize offset = strlen (source);

  vv_journal_set_idle_delay (journal, 0);
  g_assert_true (vv_document_merge_segment (document, segment, &error));
  g_assert_nonnull (vv_document_split_segment (document, segment, offset, -1, next_id, &error));
  g_assert_no_error (error);
  vv_segment_set_target (vv_document_lookup_segment (document, next_id), "He was late.");
  vv_journal_close (journal, FALSE);

  recovered = vv_journal_recover (file, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_document (document, recovered);
}

/* Including a boilerplate block and changing the title or languages are
 * journaled and recovered */
static void
test_journal_block_meta (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (ARTICLE);
  g_autoptr(VvDocument) recovered = NULL;
  g_autoptr(VvJournal) journal = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "article.visavis", NULL);
  g_autoptr(GFile) project = g_file_new_for_path (path);
  g_autoptr(VvBlock) banner = vv_block_new (VV_BLOCK_KIND_BOILERPLATE, 0);
  g_autoptr(VvBlock) cookies = vv_block_new (VV_BLOCK_KIND_BOILERPLATE, 0);
  guint n_blocks;

  vv_block_append_segment (banner, "Abonnez-vous à notre lettre.");
  vv_block_append_segment (cookies, "Nous utilisons des cookies.");
  vv_document_append_block (document, banner);
  vv_document_append_block (document, cookies);
  n_blocks = vv_document_get_n_blocks (document);
  vv_block_set_included (cookies, TRUE);
  g_assert_true (vv_project_save (document, project, NULL, &error));
  g_assert_no_error (error);

  journal = vv_journal_new (document, project, FALSE, &error);
  g_assert_no_error (error);
  file = vv_journal_get_file (journal);

  vv_block_set_included (banner, TRUE);
  vv_block_set_included (cookies, FALSE);
  vv_document_set_title (document, "Le métro de Lyon (relu)");
  vv_document_set_target_language (document, "es");
  vv_document_set_source_uri (document, "https://example.org/metro");
  g_assert_true (vv_journal_flush (journal, &error));
  g_assert_no_error (error);
  vv_journal_close (journal, FALSE);

  recovered = vv_journal_recover (file, NULL, NULL, &error);
  g_assert_no_error (error);
  if (recovered == NULL)
    g_error ("not recovered");
  g_assert_cmpuint (vv_document_get_n_blocks (recovered), ==, n_blocks);
  g_assert_true (vv_block_get_included (vv_document_get_block (recovered, n_blocks - 2)));
  g_assert_false (vv_block_get_included (vv_document_get_block (recovered, n_blocks - 1)));
  g_assert_cmpstr (vv_document_get_title (recovered), ==, "Le métro de Lyon (relu)");
  g_assert_cmpstr (vv_document_get_target_language (recovered), ==, "es");
  g_assert_cmpstr (vv_document_get_source_uri (recovered), ==, "https://example.org/metro");
  assert_same_document (document, recovered);
}

/* Restarting the journal after a recovery, killed right away (the child
 * process): the recovered changes are still in the journal, whenever the
 * kill lands */
static void
restart_and_die (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VV_TEST_JOURNAL"));
  g_autoptr(GFile) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = vv_journal_recover (file, &project, NULL, &error);
  VvJournal *journal;

  g_assert_no_error (error);
  journal = vv_journal_new_replacing (document, project, TRUE, file, &error);
  g_assert_no_error (error);
  if (g_getenv ("VV_TEST_DELAY") != NULL)
    g_usleep (atoi (g_getenv ("VV_TEST_DELAY")));
  raise (SIGKILL);
  g_assert_nonnull (journal);
}

static void
test_journal_restart_killed (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (ARTICLE);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "article.visavis", NULL);
  g_autoptr(GFile) project = g_file_new_for_path (path);
  g_autoptr(GFile) file = NULL;
  g_autofree char *expected = NULL;
  VvJournal *journal;

  if (g_test_subprocess ())
    {
      restart_and_die ();
      return;
    }

  g_assert_true (vv_project_save (document, project, NULL, &error));
  g_assert_no_error (error);
  journal = vv_journal_new (document, project, FALSE, &error);
  g_assert_no_error (error);
  vv_journal_set_idle_delay (journal, 0);
  file = vv_journal_get_file (journal);
  edit_everything (document);
  vv_document_set_title (document, "Le métro (brouillon)");
  g_assert_true (vv_journal_flush (journal, &error));
  g_assert_no_error (error);
  vv_journal_close (journal, FALSE);
  g_object_unref (journal);
  expected = document_data (document);

  /* kills at different points of the restart */
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(VvDocument) recovered = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *delay = g_strdup_printf ("%u", (i % 4) * 700);
      g_autofree char *got = NULL;

      g_setenv ("VV_TEST_JOURNAL", g_file_peek_path (file), TRUE);
      if (i % 4 == 0)
        g_unsetenv ("VV_TEST_DELAY");
      else
        g_setenv ("VV_TEST_DELAY", delay, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_failed ();

      recovered = vv_journal_recover (file, NULL, NULL, &local_error);
      g_assert_no_error (local_error);
      if (recovered == NULL)
        g_error ("journal lost after a kill during its restart (run %u)", i);
      got = document_data (recovered);
      g_assert_cmpstr (got, ==, expected);
    }
  g_unsetenv ("VV_TEST_JOURNAL");
  g_unsetenv ("VV_TEST_DELAY");
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_test_add ("/core/journal/unsaved", Fixture, NULL, fixture_setup, test_journal_unsaved, fixture_teardown);
  g_test_add ("/core/journal/remove-on-close", Fixture, NULL, fixture_setup, test_journal_remove_on_close, fixture_teardown);
  g_test_add ("/core/journal/idle", Fixture, NULL, fixture_setup, test_journal_idle, fixture_teardown);
  g_test_add ("/core/journal/torn", Fixture, NULL, fixture_setup, test_journal_torn, fixture_teardown);
  g_test_add ("/core/journal/bad", Fixture, NULL, fixture_setup, test_journal_bad, fixture_teardown);
  g_test_add ("/core/journal/project", Fixture, NULL, fixture_setup, test_journal_project, fixture_teardown);
  g_test_add ("/core/journal/folder-fallback", Fixture, NULL, fixture_setup, test_journal_readonly_folder, fixture_teardown);
  g_test_add ("/core/journal/merge-undo", Fixture, NULL, fixture_setup, test_journal_known_segments, fixture_teardown);
  g_test_add ("/core/journal/block-meta", Fixture, NULL, fixture_setup, test_journal_block_meta, fixture_teardown);
  g_test_add ("/core/journal/restart-killed", Fixture, NULL, fixture_setup, test_journal_restart_killed, fixture_teardown);

  return g_test_run ();
}
