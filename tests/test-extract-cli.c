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

/* A good sample file for @format among the importers' test data:
 * "article.EXT" first, else any file whose name does not say it is broken */
static char *
find_sample (const VvImportFormat *format)
{
  static const char * const dirs[] = { "html", "import", "xliff", NULL };
  static const char * const broken[] = {
    "bad", "empty", "encrypted", "bomb", "password", "truncated", "not-a", "spreadsheet",
    "old-", "xxe", "binary", "invalid", NULL
  };
  char *fallback = NULL;

  for (guint d = 0; dirs[d] != NULL; d++)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", dirs[d], NULL);
      g_autoptr(GDir) entries = g_dir_open (dir, 0, NULL);
      const char *name;

      while (entries != NULL && (name = g_dir_read_name (entries)) != NULL)
        {
          const char *dot = strrchr (name, '.');
          gboolean bad = FALSE;

          if (dot == NULL || vv_import_guess_format (name, NULL, NULL) != format)
            continue;
          for (guint b = 0; broken[b] != NULL; b++)
            bad = bad || strstr (name, broken[b]) != NULL;
          if (bad)
            continue;
          if (g_str_has_prefix (name, "article."))
            {
              g_free (fallback);
              return g_build_filename (dir, name, NULL);
            }
          if (fallback == NULL)
            fallback = g_build_filename (dir, name, NULL);
        }
    }
  return fallback;
}

static void
test_extract_every_format (void)
{
  const VvImportFormat *formats;
  guint n_formats, n_checked = 0;

  formats = vv_import_get_formats (&n_formats);
  for (guint i = 0; i < n_formats; i++)
    {
      g_autofree char *sample = find_sample (&formats[i]);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *blocks;
      int status;

      if (sample == NULL)
        {
          g_test_message ("no sample file for format “%s”", formats[i].id);
          continue;
        }
      status = vv_test_run_cli (NULL, &out, &err, "extract", sample, NULL);
      g_test_message ("%s: %s → %d", formats[i].id, sample, status);
      g_assert_cmpint (status, ==, 0);
      /* a title line, a blank line, then at least one block */
      blocks = strstr (out, "\n\n");
      g_assert_nonnull (blocks);
      g_assert_true (blocks > out);
      g_assert_cmpuint (strlen (blocks + 2), >, 1);
      n_checked++;
    }
  /* text and html at least have samples here */
  g_assert_cmpuint (n_checked, >=, 2);
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
  g_test_add_func ("/extract-cli/every-format", test_extract_every_format);
  g_test_add_func ("/extract-cli/errors", test_extract_errors);

  return g_test_run ();
}
