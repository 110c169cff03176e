/* bench-segment.c: sentence segmentation throughput, ours (SRX rules,
 * PCRE2 JIT) beside ICU's sentence BreakIterator, on the same paragraphs in
 * the same process.
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-segment [FILE] [MEGABYTES] [SRX-FILE]
 * FILE defaults to ../shared/corpus/segmentation/all.txt (VISAVIS_SHARED_DIR
 * or the checkout's sibling), else data/samples/sample-article.txt; its
 * paragraphs are repeated until MEGABYTES (default 32) of text. Times are
 * the thread's CPU time (the 2-core machine is shared).
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "vv-test-utils.h"

/* CPU time of this thread: the machine is shared, so wall time would
 * count other processes' time slices */
static double
now_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *
default_input (void)
{
  const char *shared = g_getenv ("VISAVIS_SHARED_DIR");
  char *path;

  path = g_build_filename (shared ? shared : SOURCE_ROOT "/../shared",
                           "corpus", "segmentation", "all.txt", NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  g_free (path);
  return g_build_filename (SOURCE_ROOT, "data", "samples", "sample-article.txt", NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = argc > 1 && *argv[1] ? g_strdup (argv[1]) : default_input ();
  double megabytes = argc > 2 ? g_ascii_strtod (argv[2], NULL) : 32;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VvSegmenter) segmenter = NULL;
  g_auto(GStrv) parts = NULL;
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *bi;
  gsize total = 0, ours_segments = 0, icu_segments = 0;
  double t0, ours = 0, icu = 0;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      g_printerr ("bench-segment: %s\n", error->message);
      return 1;
    }
  parts = g_strsplit (contents, "\n\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strdelimit (parts[i], "\n", ' ');
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_ptr_array_add (paragraphs, parts[i]);
    }
  if (paragraphs->len == 0)
    return 1;

  /* compile once, outside the timing (as the app does) */
  t0 = now_s ();
  if (argc > 3)
    {
      g_autoptr(GFile) srx = g_file_new_for_commandline_arg (argv[3]);

      segmenter = vv_segmenter_new_from_file (srx, "fr", &error);
      if (segmenter == NULL)
        {
          g_printerr ("bench-segment: %s\n", error->message);
          return 1;
        }
    }
  else
    segmenter = vv_segmenter_new ("fr");
  g_print ("input: %s, %u paragraphs, repeated to %.0f MB\n", path, paragraphs->len, megabytes);
  g_print ("rules compiled in %.2f ms (%u rules)\n", (now_s () - t0) * 1000,
           vv_segmenter_get_n_rules (segmenter));

  bi = ubrk_open (UBRK_SENTENCE, "fr", NULL, 0, &status);
  if (U_FAILURE (status))
    {
      g_printerr ("bench-segment: ICU: %s\n", u_errorName (status));
      return 1;
    }

  /* interleave rounds so that both see the same machine load */
  for (guint round = 0; total < megabytes * 1e6; round++)
    {
      for (guint i = 0; i < paragraphs->len; i++)
        {
          const char *text = g_ptr_array_index (paragraphs, i);
          gsize len = strlen (text);
          GArray *spans;
          UText *ut = NULL;

          t0 = now_s ();
          spans = vv_segmenter_split (segmenter, text, len);
          ours += now_s () - t0;
          ours_segments += spans->len;
          g_array_unref (spans);

          t0 = now_s ();
          ut = utext_openUTF8 (NULL, text, len, &status);
          ubrk_setUText (bi, ut, &status);
          for (int32_t b = ubrk_first (bi); b != UBRK_DONE; b = ubrk_next (bi))
            icu_segments++;
          utext_close (ut);
          icu += now_s () - t0;

          total += len;
        }
    }
  ubrk_close (bi);

  g_print ("text: %.1f MB\n", total / 1e6);
  g_print ("visavis (SRX, PCRE2 JIT): %7.1f MB/s  (%zu segments)\n", total / 1e6 / ours, ours_segments);
  g_print ("ICU BreakIterator fr:     %7.1f MB/s  (%zu boundaries)\n", total / 1e6 / icu, icu_segments);
  return 0;
}
