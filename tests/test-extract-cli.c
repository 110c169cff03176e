/* test-extract-cli.c: visavis-cli extract on files of every registered format
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vv-test-utils.h"

static void
test_extract_html (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "html", "article-fr.html", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *share, *first;
  int status;

  status = vv_test_run_cli (NULL, &out, &err, "extract", path, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "Le tramway revient à Valmont après quarante ans d’absence\n\n"
                                        "La première rame du nouveau tramway"));
  g_assert_nonnull (strstr (out, "\n\nUne ligne attendue depuis longtemps\n\n"));
  g_assert_nonnull (strstr (out, "\n\nLe ticket à l’unité reste à 1,70 euro, valable une heure sur le tramway et les bus.\n\n"));
  g_assert_true (g_str_has_suffix (out, "après trois mois de marche à blanc.\n"));
  g_assert_null (strstr (out, "[boilerplate]"));
  g_assert_null (strstr (out, "Partager"));
  g_assert_null (strstr (out, "cookies pour"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* boilerplate at its place, prefixed */
  status = vv_test_run_cli (NULL, &out, &err, "extract", "--with-boilerplate", path, NULL);
  g_assert_cmpint (status, ==, 0);
  share = strstr (out, "\n\n[boilerplate] Partager sur Facebook Partager sur Twitter\n\n");
  first = strstr (out, "\n\nLa première rame du nouveau tramway");
  g_assert_nonnull (share);
  g_assert_nonnull (first);
  g_assert_true (share < first);
  g_assert_nonnull (strstr (out, "\n\n[boilerplate] À lire aussi\n\n"));
  g_assert_null (strstr (out, "cookies pour"));
}

static void
test_extract_text (void)
{
  g_autofree char *tmpdir = vv_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmpdir, "article.txt", NULL);
  g_autofree char *out = NULL;
  int status;

  /* plain text goes through the registry's text importer */
  g_assert_true (g_file_set_contents (path, "Un titre\n\nPremier paragraphe,\nsur deux lignes.\n\nSecond paragraphe.\n", -1, NULL));
  status = vv_test_run_cli (NULL, &out, NULL, "extract", path, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "Un titre\n\n"));
  g_assert_nonnull (strstr (out, "\n\nSecond paragraphe.\n"));
  g_assert_null (strstr (out, "[boilerplate]"));
  vv_test_rm_rf (tmpdir);
}

static void
test_extract_errors (void)
{
  g_autofree char *tmpdir = vv_test_make_tmpdir ();
  g_autofree char *binary = g_build_filename (tmpdir, "photo.html", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "absent.html", NULL);
  g_autofree char *err = NULL;
  static const char png[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  int status;

  g_assert_true (g_file_set_contents (binary, png, sizeof png - 1, NULL));
  status = vv_test_run_cli (NULL, NULL, &err, "extract", binary, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "photo.html"));
  g_assert_nonnull (strstr (err, "binary"));
  g_clear_pointer (&err, g_free);

  status = vv_test_run_cli (NULL, NULL, &err, "extract", missing, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "absent.html"));
  g_clear_pointer (&err, g_free);

  status = vv_test_run_cli (NULL, NULL, &err, "extract", NULL);
  g_assert_cmpint (status, ==, 2);
  vv_test_rm_rf (tmpdir);
}

int
main (int    argc,
      char **argv)
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/extract-cli/html", test_extract_html);
  g_test_add_func ("/extract-cli/text", test_extract_text);
  g_test_add_func ("/extract-cli/errors", test_extract_errors);

  return g_test_run ();
}
