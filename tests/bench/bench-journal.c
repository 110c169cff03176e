/* bench-journal.c: what the edit journal and saving cost the main loop
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A 1 MB article (about 8,000 segments) with a journal attached:
 *  - a keystroke (set_target with the journal listening), mean and worst;
 *  - the record written after the idle delay (formatting on the main loop);
 *  - a confirmation (state change, written at once);
 *  - vv_project_save_async(): the main-thread part (snapshot and journal
 *    mark: wall time and the main thread's CPU time) and the whole save
 *    until the callback, 5 saves;
 *  - recovery of a journal of 10,000 changes.
 */

#include "config.h"

#include <stdio.h>
#include <time.h>
#include <glib/gstdio.h>

#include "vv-test-utils.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time (user + system) of the calling thread */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static char *
make_article (gsize target_bytes)
{
  GString *text = g_string_new ("Le métro de Lyon\n\n");
  guint p = 0;

  while (text->len < target_bytes)
    g_string_append_printf (text,
                            "Le conseil municipal s'est réuni le %u mars. M. Durand a présenté le budget de la ville. "
                            "Les élus ont voté à %u voix contre %u. « C'est un bon budget », a dit Mme Martin.\n\n",
                            p % 28 + 1, 20 + p % 13, p % 7), p++;
  return g_string_free (text, FALSE);
}

typedef struct
{
  GMainLoop *loop;
  double     done;
} SaveWait;

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveWait *wait = user_data;
  g_autoptr(GError) error = NULL;

  if (!vv_project_save_finish (VV_DOCUMENT (object), result, NULL, &error))
    g_error ("%s", error->message);
  wait->done = now_ms ();
  g_main_loop_quit (wait->loop);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *state = NULL;
  g_autofree char *article = make_article (1024 * 1024);
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(VvJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) project = NULL;
  g_autofree char *project_path = NULL;
  guint n, keystrokes = 20000;
  double t, worst = 0, total = 0;

  vv_locale_init ("C.UTF-8");
  dir = g_dir_make_tmp ("bench-journal-XXXXXX", NULL);
  state = g_build_filename (dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  document = vv_test_document_from_text (article);
  n = vv_document_get_n_segments (document);
  printf ("article: %zu bytes, %u segments\n", strlen (article), n);

  project_path = g_build_filename (dir, "article.visavis", NULL);
  project = g_file_new_for_path (project_path);
  if (!vv_project_save (document, project, NULL, &error))
    g_error ("%s", error->message);

  t = now_ms ();
  journal = vv_journal_new (document, project, FALSE, &error);
  if (journal == NULL)
    g_error ("%s", error->message);
  printf ("journal start (index of %u segment ids): %.2f ms\n", n, now_ms () - t);
  file = vv_journal_get_file (journal);

  /* keystrokes: the journal only notes the segment (idle delay 1 s) */
  for (guint i = 0; i < keystrokes; i++)
    {
      VvSegment *segment = vv_document_get_segment (document, (i / 20) % n);
      g_autofree char *text = g_strdup_printf ("Typed text %u", i);
      double k = now_ms ();

      vv_segment_set_target (segment, text);
      k = now_ms () - k;
      total += k;
      worst = MAX (worst, k);
    }
  printf ("keystroke with the journal: mean %.4f ms, worst %.3f ms (%u keystrokes)\n",
          total / keystrokes, worst, keystrokes);

  /* the pending texts (one per edited segment) written after the delay */
  {
    guint pending = vv_journal_get_n_pending (journal);

    t = now_ms ();
    vv_journal_write_pending (journal);
    t = now_ms () - t;
    printf ("idle write of %u pending targets: %.3f ms (%.4f ms each)\n", pending, t, t / MAX (pending, 1));
  }

  /* confirmations: state change and history entry, written at once */
  total = worst = 0;
  for (guint i = 0; i < 2000; i++)
    {
      VvSegment *segment = vv_document_get_segment (document, (i * 3) % n);
      double k = now_ms ();

      vv_segment_commit (segment, VV_SEGMENT_STATE_TRANSLATED, "Zoé");
      k = now_ms () - k;
      total += k;
      worst = MAX (worst, k);
    }
  printf ("confirmation (state + history records): mean %.4f ms, worst %.3f ms\n", total / 2000, worst);

  t = now_ms ();
  if (!vv_journal_flush (journal, &error))
    g_error ("%s", error->message);
  printf ("flush (worker writes and fdatasyncs the backlog): %.2f ms\n", now_ms () - t);

  /* async save: the main thread only takes the snapshot (5 saves, each
   * after an edit) */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
      SaveWait wait = { loop, 0 };
      double start, returned, cpu, snapshot_cpu;
      guint64 mark;

      vv_segment_set_target (vv_document_get_segment (document, i), "Saved again");
      cpu = thread_cpu_ms ();
      start = now_ms ();
      vv_project_save_async (document, project, NULL, save_cb, &wait);
      snapshot_cpu = thread_cpu_ms () - cpu;
      mark = vv_journal_mark_saving (journal);
      returned = now_ms ();
      cpu = thread_cpu_ms () - cpu;
      g_main_loop_run (loop);
      vv_journal_saved (journal, project, mark);
      printf ("save %u: main thread %.1f ms wall, %.1f ms CPU (snapshot %.1f + journal mark); whole save %.1f ms\n",
              i + 1, returned - start, cpu, snapshot_cpu, wait.done - start);
    }

  /* recovery of 10,000 changes on top of the project */
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *text = g_strdup_printf ("After the save %u", i);

      vv_segment_set_target (vv_document_get_segment (document, (i * 7) % n), text);
      vv_journal_write_pending (journal);
    }
  if (!vv_journal_flush (journal, &error))
    g_error ("%s", error->message);
  vv_journal_close (journal, FALSE);
  {
    g_autoptr(VvDocument) recovered = NULL;
    guint applied = 0;
    struct stat st;

    g_stat (g_file_peek_path (file), &st);
    t = now_ms ();
    recovered = vv_journal_recover (file, NULL, &applied, &error);
    if (recovered == NULL)
      g_error ("%s", error->message);
    printf ("recovery: project + %u changes (journal %.1f KB) in %.0f ms\n",
            applied, st.st_size / 1024.0, now_ms () - t);
  }

  vv_test_rm_rf (dir);
  return 0;
}
