/* test-segment-accuracy.c: boundary F1 of the built-in French rules on the
 * shared DEV corpus (../shared/corpus/segmentation), scored by its score.py.
 * Fails when F1 drops more than 0.3 below what the rules reached when they
 * were written; skips when the corpus or python3 is absent.
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "vv-test-utils.h"

/* Reached by the built-in rules on all.txt (see README, "Segmentation") */
#define REACHED_F1        98.67
#define REACHED_F1_PUNCT  99.63
#define TOLERANCE         0.3

/* Segments running text as `visavis-cli segment` does: paragraphs split
 * by blank lines, one segment per line, a blank line between paragraphs. */
static GString *
segment_corpus (const char *text)
{
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autoptr(GArray) spans = NULL;
      char *p = g_strstrip (g_strdelimit (paragraphs[i], "\n", ' '));

      if (*p == '\0')
        continue;
      spans = vv_segmenter_split (segmenter, p, -1);
      for (guint k = 0; k < spans->len; k++)
        {
          const VvSpan *span = &g_array_index (spans, VvSpan, k);
          g_string_append_len (out, p + span->start, span->end - span->start);
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }
  return out;
}

static void
test_segment_accuracy_dev (void)
{
  g_autofree char *dir = vv_test_shared_path ("corpus", "segmentation", NULL);
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *txt = NULL, *gold = NULL, *score = NULL, *contents = NULL;
  g_autofree char *tmpdir = NULL, *output = NULL, *stdout_text = NULL, *stderr_text = NULL;
  g_autoptr(GString) segments = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *result, *punct;
  double f1, f1_punct;
  int status = -1;

  if (dir == NULL || python == NULL)
    {
      g_test_skip ("the shared segmentation corpus (or python3) is not available");
      return;
    }
  txt = g_build_filename (dir, "all.txt", NULL);
  gold = g_build_filename (dir, "all.gold", NULL);
  score = g_build_filename (dir, "score.py", NULL);
  if (!g_file_get_contents (txt, &contents, NULL, NULL) || !g_file_test (score, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the shared segmentation corpus is incomplete");
      return;
    }

  segments = segment_corpus (contents);
  tmpdir = vv_test_make_tmpdir ();
  output = g_build_filename (tmpdir, "all.out", NULL);
  g_assert_true (g_file_set_contents (output, segments->str, segments->len, NULL));

  {
    const char *argv[] = { python, score, gold, output, "--json", NULL };
    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                  &stdout_text, &stderr_text, &status, &error);
  }
  vv_test_rm_rf (tmpdir);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("score.py failed: %s", stderr_text);

  json_parser_load_from_data (parser, stdout_text, -1, &error);
  g_assert_no_error (error);
  result = json_node_get_object (json_parser_get_root (parser));
  punct = json_object_get_object_member (result, "punct");
  f1 = json_object_get_double_member (result, "f1");
  f1_punct = json_object_get_double_member (punct, "f1");
  g_test_message ("DEV all.txt: F1 %.2f (precision %.2f, recall %.2f), after .!?… F1 %.2f",
                  f1, json_object_get_double_member (result, "precision"),
                  json_object_get_double_member (result, "recall"), f1_punct);
  g_printerr ("DEV all.txt: F1 %.2f, after .!?… %.2f\n", f1, f1_punct);

  g_assert_cmpfloat (f1, >=, REACHED_F1 - TOLERANCE);
  g_assert_cmpfloat (f1_punct, >=, REACHED_F1_PUNCT - TOLERANCE);
}

int
main (int    argc,
      char **argv)
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/segment/accuracy-dev", test_segment_accuracy_dev);

  return g_test_run ();
}
