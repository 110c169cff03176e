/* bench-extract.c: article extraction over ../shared/corpus/extraction:
 * time for the whole set and F1 per page (with the corpus's score.py)
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-extract [CORPUS_DIR]   (default: $VISAVIS_SHARED_DIR or
 * ../shared next to the source tree, then corpus/extraction)
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include "vv-charset.h"
#include "vv-readability.h"
#include "vv-test-utils.h"

#define RUNS 7

typedef struct
{
  char   *name;
  char   *source;
  gsize   length;
  double  f1;
  double  lcs;
} Page;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static char *
extract_text (const char *html,
              gsize       length)
{
  g_autoptr(VvArticle) article = vv_readability_extract (html, length);
  GString *text = g_string_new (NULL);

  if (article == NULL)
    return g_string_free (text, FALSE);
  g_string_append (text, article->title ? article->title : "");
  g_string_append_c (text, '\n');
  for (guint i = 0; i < article->blocks->len; i++)
    {
      VvArticleBlock *block = article->blocks->pdata[i];
      if (block->kind != VV_BLOCK_KIND_BOILERPLATE)
        g_string_append_printf (text, "\n%s\n", block->text);
    }
  return g_string_free (text, FALSE);
}

static gboolean
score (const char *dir,
       Page       *page,
       const char *tmpdir)
{
  g_autofree char *scorer = g_build_filename (dir, "score.py", NULL);
  g_autofree char *expected = g_build_filename (dir, page->name, "expected.html", NULL);
  g_autofree char *output = g_build_filename (tmpdir, "out.txt", NULL);
  g_autofree char *text = extract_text (page->source, page->length);
  g_autofree char *out = NULL;
  g_auto(GStrv) fields = NULL;
  const char *argv[] = { "python3", scorer, "--no-title", "--tsv", expected, output, NULL };
  int status;

  if (!g_file_set_contents (output, text, -1, NULL))
    return FALSE;
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return FALSE;
  fields = g_strsplit (out, "\t", -1);
  if (g_strv_length (fields) < 4)
    return FALSE;
  page->f1 = g_ascii_strtod (fields[2], NULL);
  page->lcs = g_ascii_strtod (fields[3], NULL);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmpdir = NULL;
  g_autoptr(GDir) entries = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) pages = g_array_new (FALSE, TRUE, sizeof (Page));
  double times[RUNS], decode_times[RUNS], cpu_times[RUNS];
  double sum_f1 = 0, sum_fr = 0, worst = 1;
  gsize total_bytes = 0;
  guint n_fr = 0;
  gboolean scored = TRUE;

  vv_locale_init ("");
  if (argc > 1)
    dir = g_strdup (argv[1]);
  else
    dir = vv_test_shared_path ("corpus", "extraction", NULL);
  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_printerr ("bench-extract: corpus not found (pass its folder as argument)\n");
      return 1;
    }

  entries = g_dir_open (dir, 0, NULL);
  for (const char *name; (name = g_dir_read_name (entries)) != NULL; )
    {
      g_autofree char *source = g_build_filename (dir, name, "source.html", NULL);
      if (g_file_test (source, G_FILE_TEST_EXISTS))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      g_autofree char *path = g_build_filename (dir, name, "source.html", NULL);
      Page page = { g_strdup (name), NULL, 0, -1, -1 };

      if (!g_file_get_contents (path, &page.source, &page.length, NULL))
        return 1;
      total_bytes += page.length;
      g_array_append_val (pages, page);
    }

  /* Timing: charset decoding + parsing + extraction of every page, in
   * memory, RUNS times; the median counts */
  for (guint run = 0; run < RUNS; run++)
    {
      double start = now_ms ();
      double cpu_start = cpu_ms ();
      double decode = 0;

      for (guint i = 0; i < pages->len; i++)
        {
          Page *page = &g_array_index (pages, Page, i);
          double t0 = now_ms ();
          gsize length;
          g_autofree char *html = vv_charset_decode_html (page->source, page->length, NULL, NULL, NULL, &length);
          g_autoptr(VvArticle) article = NULL;

          decode += now_ms () - t0;
          article = vv_readability_extract (html, length);
          g_assert (article != NULL);
        }
      times[run] = now_ms () - start;
      cpu_times[run] = cpu_ms () - cpu_start;
      decode_times[run] = decode;
    }
  qsort (times, RUNS, sizeof (double), compare_double);
  qsort (decode_times, RUNS, sizeof (double), compare_double);
  qsort (cpu_times, RUNS, sizeof (double), compare_double);

  tmpdir = vv_test_make_tmpdir ();
  g_print ("%-14s %9s %8s %7s %7s\n", "page", "bytes", "ms", "F1", "LCS");
  for (guint i = 0; i < pages->len; i++)
    {
      Page *page = &g_array_index (pages, Page, i);
      double t0 = now_ms (), elapsed;
      g_autofree char *text = extract_text (page->source, page->length);

      elapsed = now_ms () - t0;
      if (!score (dir, page, tmpdir))
        scored = FALSE;
      g_print ("%-14s %9" G_GSIZE_FORMAT " %8.1f %7.4f %7.4f\n", page->name, page->length, elapsed, page->f1, page->lcs);
      sum_f1 += page->f1;
      worst = MIN (worst, page->f1);
      if (g_str_has_prefix (page->name, "lemonde") || g_str_has_prefix (page->name, "liberation"))
        {
          sum_fr += page->f1;
          n_fr++;
        }
    }
  vv_test_rm_rf (tmpdir);

  g_print ("\npages: %u, %.1f MB of HTML\n", pages->len, total_bytes / 1e6);
  g_print ("whole set (decode + parse + extract): median %.1f ms, best %.1f ms over %d runs (target <= 500 ms)\n",
           times[RUNS / 2], times[0], RUNS);
  g_print ("  CPU time of the process: median %.1f ms, best %.1f ms\n", cpu_times[RUNS / 2], cpu_times[0]);
  g_print ("  of which charset decoding: median %.1f ms\n", decode_times[RUNS / 2]);
  if (scored)
    {
      g_print ("F1 average over all pages: %.4f (target >= 0.95)\n", sum_f1 / pages->len);
      if (n_fr > 0)
        g_print ("F1 average over French pages (%u): %.4f (target >= 0.99 each)\n", n_fr, sum_fr / n_fr);
      g_print ("F1 worst page: %.4f\n", worst);
    }
  else
    g_print ("F1: not scored (python3 or score.py missing)\n");

  for (guint i = 0; i < pages->len; i++)
    {
      g_free (g_array_index (pages, Page, i).name);
      g_free (g_array_index (pages, Page, i).source);
    }
  return 0;
}
