/* bench-export.c: export a 50,000-segment project to every format
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>
#include <sys/wait.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "vv-test-utils.h"

/* Builds a project of N segments (our own French sentences, targets in
 * mixed states, one comment every 10 segments), then for each format forks
 * a child that exports to a file; the parent prints the child's wall time,
 * and CPU time (user + system, which the other jobs on a shared machine do
 * not inflate), the output size, the child's peak RSS (VmHWM) and its growth over the
 * RSS the child had before exporting (the memory the export itself used).
 * Targets (issue 7): < 1 s for XLIFF/TMX/HTML/CSV, < 3 s for DOCX/ODT. */

static const char * const sources[] = {
  "La nouvelle ligne de tramway reliera la gare au campus en vingt-deux minutes.",
  "Les travaux, estimés à 14,5 M€, commenceront au printemps.",
  "M. Martin, adjoint aux transports, promet « un chantier exemplaire ».",
  "Selon la métropole, 1 200 arbres seront plantés le long du tracé.",
  "« Nous avons consulté les habitants pendant dix-huit mois », explique Mme Leroy.",
  "Le budget total atteint 312 millions d'euros, dont 40 % financés par l'État & la région.",
};
static const char * const targets[] = {
  "The new tram line will link the station to the campus in twenty-two minutes.",
  "The works, estimated at €14.5M, will begin in spring.",
  "Mr Martin, deputy for transport, promises “an exemplary project”.",
  "According to the metropolis, 1,200 trees will be planted along the route.",
  "“We consulted residents for eighteen months,” explains Ms Leroy.",
  "The total budget reaches 312 million euros, 40% of it funded by the State & the region.",
};

/* VmRSS (current) or VmHWM (peak) of this process, in KiB */
static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, field);
  return line ? strtol (line + strlen (field), NULL, 10) : 0;
}

static VvDocument *
make_document (guint n_segments)
{
  VvDocument *document = vv_document_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 12, 8, 15, 0);
  guint n = 0;

  vv_document_set_title (document, "Le tramway revient en ville");
  vv_document_set_created (document, when);
  vv_document_begin_batch (document);
  for (guint b = 0; n < n_segments; b++)
    {
      VvBlock *block = vv_block_new (b == 0 ? VV_BLOCK_KIND_TITLE :
                                     b % 12 == 0 ? VV_BLOCK_KIND_HEADING : VV_BLOCK_KIND_PARAGRAPH,
                                     b % 12 == 0 ? 2 : 0);

      for (guint s = 0; s < (b == 0 ? 1u : 4u) && n < n_segments; s++, n++)
        vv_block_append_segment (block, sources[n % G_N_ELEMENTS (sources)]);
      vv_document_append_block (document, block);
      g_object_unref (block);
    }
  for (guint i = 0; i < n_segments; i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);
      guint kind = i % 10;

      if (kind < 3)
        continue;   /* 30 % untranslated */
      vv_segment_set_target (segment, targets[i % G_N_ELEMENTS (targets)]);
      if (kind < 5)
        vv_segment_set_state (segment, VV_SEGMENT_STATE_DRAFT);
      else if (kind < 8)
        vv_segment_commit (segment, VV_SEGMENT_STATE_TRANSLATED, "Zoé Lefèvre");
      else
        vv_segment_commit (segment, VV_SEGMENT_STATE_APPROVED, "Relectrice");
      if (kind == 9)
        vv_segment_add_comment (segment, vv_comment_new ("Relectrice", when, "Vérifier le chiffre.\nD'accord ?", FALSE));
    }
  vv_document_end_batch (document);
  return document;
}

int
main (int    argc,
      char **argv)
{
  guint n_segments = argc > 1 ? (guint)atoi (argv[1]) : 50000;
  g_autoptr(VvDocument) document = NULL;
  g_autofree char *dir = NULL;
  const VvExportFormat *formats;
  guint n_formats;
  long base_rss;
  double t0;

  vv_locale_init ("C.UTF-8");
  t0 = g_get_monotonic_time ();
  document = make_document (n_segments);
  base_rss = status_kb ("VmRSS:");
  dir = vv_test_make_tmpdir ();

  g_print ("bench-export: %u segments in %u blocks (built in %.0f ms), document RSS %ld KiB\n",
           vv_document_get_n_segments (document), vv_document_get_n_blocks (document),
           (g_get_monotonic_time () - t0) / 1000.0, base_rss);
  g_print ("%-13s %10s %10s %12s %14s %14s\n", "format", "wall (ms)", "CPU (ms)", "size (KiB)",
           "peak RSS (KiB)", "export (KiB)");

  formats = vv_export_get_formats (&n_formats);
  for (guint i = 0; i < n_formats; i++)
    {
      g_autofree char *path = g_build_filename (dir, formats[i].id, NULL);
      int fds[2];
      double result[4] = { -1, 0, 0, 0 };
      int status;
      pid_t pid;
      GStatBuf st;

      g_assert_true (pipe (fds) == 0);
      pid = fork ();
      if (pid == 0)
        {
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GError) error = NULL;
          long start_rss = status_kb ("VmRSS:");
          struct rusage start_usage;
          double start_cpu;

          getrusage (RUSAGE_SELF, &start_usage);
          start_cpu = (start_usage.ru_utime.tv_sec + start_usage.ru_stime.tv_sec) * 1000.0 +
                      (start_usage.ru_utime.tv_usec + start_usage.ru_stime.tv_usec) / 1000.0;
          double start = g_get_monotonic_time ();
          double out[4];
          struct rusage usage;

          if (!vv_export_to_file (document, formats[i].id, NULL, file, NULL, &error))
            {
              g_printerr ("%s: %s\n", formats[i].id, error->message);
              _exit (1);
            }
          out[0] = (g_get_monotonic_time () - start) / 1000.0;
          out[1] = status_kb ("VmHWM:");
          out[2] = out[1] - start_rss;
          getrusage (RUSAGE_SELF, &usage);
          out[3] = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                   (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0 - start_cpu;
          if (write (fds[1], out, sizeof out) != sizeof out)
            _exit (1);
          _exit (0);
        }
      close (fds[1]);
      if (read (fds[0], result, sizeof result) != sizeof result)
        result[0] = -1;
      close (fds[0]);
      waitpid (pid, &status, 0);
      if (g_stat (path, &st) != 0)
        st.st_size = 0;
      g_print ("%-13s %10.0f %10.0f %12.0f %14.0f %14.0f\n", formats[i].id, result[0], result[3],
               st.st_size / 1024.0, result[1], result[2]);
    }

  vv_test_rm_rf (dir);
  return 0;
}
