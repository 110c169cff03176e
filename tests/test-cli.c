/* test-cli.c: visavis-cli as a child process, checked against DESIGN.md's contract
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "vv-test-utils.h"

static const char article[] =
  "Le tramway revient\n"
  "\n"
  "La ligne ouvrira lundi. Mme Durand l'a confirmé !\n"
  "\n"
  "Les travaux ont coûté 14,5 M€. Les riverains sont <ravis> & \"soulagés\".\n";

typedef struct
{
  char *dir;
  char *article;
  char *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = vv_test_make_tmpdir ();
  fixture->article = g_build_filename (fixture->dir, "article.txt", NULL);
  fixture->project = g_build_filename (fixture->dir, "article.visavis", NULL);
  g_file_set_contents (fixture->article, article, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vv_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->article);
  g_free (fixture->project);
}

static void
import_article (Fixture *fixture)
{
  g_autofree char *err = NULL;
  int status = vv_test_run_cli (NULL, NULL, &err, "import", fixture->article, "--to", "es",
                                "-o", fixture->project, NULL);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_test (fixture->project, G_FILE_TEST_IS_REGULAR));
}

static void
test_cli_segment_stdin (void)
{
  g_autofree char *out = NULL;
  int status;

  status = vv_test_run_cli ("Bonjour M. Martin. Comment allez-vous ?\nTrès bien.\n\n"
                            "Second paragraphe. Fin.\n",
                            &out, NULL, "segment", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==,
                   "Bonjour M. Martin.\n"
                   "Comment allez-vous ?\n"
                   "Très bien.\n"
                   "\n"
                   "Second paragraphe.\n"
                   "Fin.\n");

  /* "-" is standard input too */
  g_clear_pointer (&out, g_free);
  status = vv_test_run_cli ("Une. Deux.\n", &out, NULL, "segment", "-", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "Une.\nDeux.\n");
}

static void
test_cli_segment_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *out = NULL;
  int status = vv_test_run_cli (NULL, &out, NULL, "segment", fixture->article, NULL);

  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==,
                   "Le tramway revient\n"
                   "\n"
                   "La ligne ouvrira lundi.\n"
                   "Mme Durand l'a confirmé !\n"
                   "\n"
                   "Les travaux ont coûté 14,5 M€.\n"
                   "Les riverains sont <ravis> & \"soulagés\".\n");
}

static void
test_cli_import_stats (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *out = NULL;
  int status;

  import_article (fixture);
  status = vv_test_run_cli (NULL, &out, NULL, "stats", fixture->project, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "title: Le tramway revient\n"));
  g_assert_nonnull (strstr (out, "segments: 5\n"));
  g_assert_nonnull (strstr (out, "untranslated: 5 segments, 22 words\n"));
  g_assert_nonnull (strstr (out, "translated: 0 segments, 0 words\n"));
  g_assert_nonnull (strstr (out, "progress: 0.0%\n"));
}

static void
test_cli_export (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *html_path = g_build_filename (fixture->dir, "out.html", NULL);
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  int status;

  import_article (fixture);

  status = vv_test_run_cli (NULL, NULL, NULL, "export", fixture->project, "--format", "html",
                            "-o", html_path, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "<title>Le tramway revient</title>"));
  g_assert_nonnull (strstr (html, "&lt;ravis&gt; &amp; &quot;soulagés&quot;"));
  g_assert_nonnull (strstr (html, "lang=\"es\""));
  g_assert_null (strstr (html, "<ravis>"));

  /* monolingual text to standard output: untranslated segments keep the source */
  status = vv_test_run_cli (NULL, &text, NULL, "export", fixture->project, "--format", "text",
                            "-o", "-", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (text, ==,
                   "Le tramway revient\n"
                   "\n"
                   "La ligne ouvrira lundi. Mme Durand l'a confirmé !\n"
                   "\n"
                   "Les travaux ont coûté 14,5 M€. Les riverains sont <ravis> & \"soulagés\".\n");
}

static void
test_cli_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.visavis", NULL);
  g_autofree char *binary = g_build_filename (fixture->dir, "binary.txt", NULL);
  int status;

  /* usage errors: exit 2 */
  g_assert_cmpint (vv_test_run_cli (NULL, NULL, NULL, NULL, NULL), ==, 2);
  g_assert_cmpint (vv_test_run_cli (NULL, NULL, NULL, "frobnicate", NULL), ==, 2);
  g_assert_cmpint (vv_test_run_cli (NULL, NULL, NULL, "export", fixture->article, NULL), ==, 2);
  g_assert_cmpint (vv_test_run_cli (NULL, NULL, NULL, "export", fixture->article, "--format", "nope",
                                    "-o", "x", NULL), ==, 2);
  g_assert_cmpint (vv_test_run_cli (NULL, NULL, NULL, "import", fixture->article, NULL), ==, 2);
  g_assert_cmpint (vv_test_run_cli (NULL, NULL, NULL, "stats", "--bogus", NULL), ==, 2);

  /* user-level failures: exit 1, message names the file */
  status = vv_test_run_cli (NULL, NULL, &err, "stats", "/nonexistent/p.visavis", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "/nonexistent/p.visavis"));

  g_file_set_contents (bad, "{\"format\": 42, \"blocks\": []}", -1, NULL);
  g_clear_pointer (&err, g_free);
  status = vv_test_run_cli (NULL, NULL, &err, "stats", bad, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "bad.visavis"));
  g_assert_nonnull (strstr (err, "newer version"));

  g_file_set_contents (binary, "abc\0\x01\x02" "def", 9, NULL);
  g_clear_pointer (&err, g_free);
  status = vv_test_run_cli (NULL, NULL, &err, "import", binary, "-o", bad, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "binary.txt"));

  g_clear_pointer (&err, g_free);
  status = vv_test_run_cli ("caf\xC3\n", NULL, &err, "segment", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "UTF-8"));
}

static void
test_cli_help (void)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (vv_test_run_cli (NULL, &out, NULL, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "segment"));
  g_assert_nonnull (strstr (out, "export"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (vv_test_run_cli (NULL, &out, NULL, "--version", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "visavis-cli "));
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/cli/segment/stdin", test_cli_segment_stdin);
  g_test_add ("/cli/segment/file", Fixture, NULL, fixture_set_up, test_cli_segment_file, fixture_tear_down);
  g_test_add ("/cli/import-stats", Fixture, NULL, fixture_set_up, test_cli_import_stats, fixture_tear_down);
  g_test_add ("/cli/export", Fixture, NULL, fixture_set_up, test_cli_export, fixture_tear_down);
  g_test_add ("/cli/errors", Fixture, NULL, fixture_set_up, test_cli_errors, fixture_tear_down);
  g_test_add_func ("/cli/help", test_cli_help);

  return g_test_run ();
}
