/* bench-model.c: import + segmentation + model build of a 1 MB article,
 * and the model's memory overhead per segment.
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <malloc.h>
#include <unistd.h>

#include "vv-test-utils.h"

/* Our own French paragraphs (written for Vis-à-vis), used when the sample
 * article is not found. */
static const char * const paragraphs[] = {
  "La nouvelle ligne de tramway reliera la gare au campus en vingt-deux minutes. "
  "Les travaux, estimés à 14,5 M€, commenceront au printemps. M. Martin, adjoint aux "
  "transports, promet « un chantier exemplaire ». Les commerçants restent prudents.",
  "Selon la métropole, 1 200 arbres seront plantés le long du tracé. Les premières rames "
  "circuleront à partir de 05h30 du lundi au samedi. Le dimanche, le service débutera à 07h00.",
  "« Nous avons consulté les habitants pendant dix-huit mois », explique Mme Leroy. "
  "Faut-il pour autant parler de concertation ? Les associations en doutent… "
  "Elles réclament une étude indépendante.",
  "Le budget total atteint 312 millions d'euros, dont 40 % financés par l'État. "
  "La région apporte 3,5 millions supplémentaires pour les pôles d'échanges. "
  "Le reste sera couvert par un emprunt sur vingt ans.",
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of this thread: the figure that does not depend on how busy
 * the machine is */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static GString *
make_article (gsize target_size)
{
  g_autofree char *sample = NULL;
  g_autofree char *sample_path = g_build_filename (g_getenv ("VISAVIS_SOURCE_ROOT") ? g_getenv ("VISAVIS_SOURCE_ROOT") : SOURCE_ROOT,
                                                   "data", "samples", "sample-article.txt", NULL);
  GString *text = g_string_new ("Le tramway revient en ville\n\n");

  if (g_file_get_contents (sample_path, &sample, NULL, NULL))
    {
      const char *body = strstr (sample, "\n\n");
      while (text->len < target_size)
        {
          g_string_append (text, body ? body + 2 : sample);
          g_string_append (text, "\n\n");
        }
      return text;
    }

  for (guint i = 0; text->len < target_size; i++)
    {
      g_string_append (text, paragraphs[i % G_N_ELEMENTS (paragraphs)]);
      g_string_append (text, "\n\n");
    }
  return text;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VvSegmenter) segmenter = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  double best = G_MAXDOUBLE, best_cpu = G_MAXDOUBLE;
  guint n_segments = 0;
  gsize text_bytes = 0;
  struct mallinfo2 before, after;
  VvDocument *document;

  /* GObjects must come from malloc for mallinfo2() to see them; GLib reads
   * G_SLICE when it starts, so set it and start again */
  if (g_strcmp0 (g_getenv ("G_SLICE"), "always-malloc") != 0)
    {
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      execv ("/proc/self/exe", argv);
    }
  vv_locale_init ("C.UTF-8");
  text = make_article (1024 * 1024);
  bytes = g_bytes_new (text->str, text->len);
  segmenter = vv_segmenter_new ("fr");

  for (guint run = 0; run < 5; run++)
    {
      double t0 = now_ms (), c0 = cpu_ms (), elapsed;

      document = vv_import_text (bytes, "bench.txt", segmenter, NULL);
      elapsed = now_ms () - t0;
      best = MIN (best, elapsed);
      best_cpu = MIN (best_cpu, cpu_ms () - c0);
      n_segments = vv_document_get_n_segments (document);
      g_object_unref (document);
    }

  /* memory: heap in use with the document minus the bytes of the texts */
  malloc_trim (0);
  before = mallinfo2 ();
  document = vv_import_text (bytes, "bench.txt", segmenter, NULL);
  after = mallinfo2 ();
  for (guint i = 0; i < vv_document_get_n_segments (document); i++)
    text_bytes += strlen (vv_segment_get_source (vv_document_get_segment (document, i))) + 1;

  g_print ("article: %.2f MB, %u segments, %u blocks\n", text->len / 1e6, n_segments,
           vv_document_get_n_blocks (document));
  g_print ("import + segment + model build: %.1f ms wall, %.1f ms CPU (best of 5; target < 150 ms)\n",
           best, best_cpu);
  g_print ("heap in use for the model: %.1f KiB; source text %.1f KiB\n",
           (after.uordblks - before.uordblks) / 1024.0, text_bytes / 1024.0);
  g_print ("overhead per segment beyond its text: %.0f bytes (target < 1024)\n",
           ((double)(after.uordblks - before.uordblks) - text_bytes) / n_segments);

  g_object_unref (document);
  return 0;
}
