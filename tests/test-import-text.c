/* test-import-text.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "vv-test-utils.h"

static VvDocument *
import_path (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");

  return vv_import_file (file, segmenter, NULL, error);
}

static VvDocument *
import_string (const char  *text,
               const char  *name,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");

  return vv_import_text (bytes, name, segmenter, error);
}

static void
test_text_copied_article (void)
{
  g_autoptr(VvDocument) document = vv_test_import_data_file ("import", "copied-article.txt", NULL);
  g_autofree char *shape = vv_test_document_shape (document);

  /* breadcrumb, menu ×3 | title | dateline, byline, share ×2 | caption,
   * 2 paragraphs | "À lire aussi" + its link | heading, paragraph, list |
   * interview: heading, 3 × (question, answer) | newsletter, comments,
   * tags, slogan | cookie banner, 2 buttons, copyright */
  g_assert_cmpstr (shape, ==, "BBBB" "T" "BBBB" "CPP" "BB" "HPPLLL" "H" "HPHPHP" "BBBB" "BBBB");
  g_assert_cmpstr (vv_document_get_title (document), ==,
                   "Les abeilles sauvages reviennent dans les jardins de Montclair");
  g_assert_cmpstr (vv_test_block_text (document, 13), ==, "Pesticides : la mairie renonce au glyphosate dans les cimetières");
  g_assert_cmpstr (vv_test_block_text (document, 17), ==, "laisser un coin de pelouse sans tonte ;");
  g_assert_cmpuint (vv_block_get_level (vv_document_get_block (document, 14)), ==, 2);
  g_assert_cmpstr (vv_test_block_text (document, 21), ==, "Pourquoi les abeilles sauvages sont-elles si importantes ?");
}

static void
test_text_wrapped (void)
{
  g_autoptr(VvDocument) document = vv_test_import_data_file ("import", "wrapped-article.txt", NULL);
  g_autofree char *shape = vv_test_document_shape (document);

  g_assert_cmpstr (shape, ==, "TPPHP");
  g_assert_true (g_str_has_prefix (vv_test_block_text (document, 1),
                                   "La ligne 12 desservira le lycée Jean-Moulin dès la rentrée de septembre. "
                                   "Les élèves des hameaux du plateau, qui devaient jusqu'ici marcher près de "
                                   "deux kilomètres,"));
  g_assert_true (g_str_has_suffix (vv_test_block_text (document, 1), "à l'unanimité jeudi soir."));
  g_assert_cmpstr (vv_test_block_text (document, 3), ==, "Un nouvel arrêt");
}

static void
test_text_shapes (void)
{
  static const struct { const char *text; const char *shape; } cases[] = {
    /* One paragraph per line, as copied from a browser */
    { "Titre\n\nPremier paragraphe.\nDeuxième paragraphe.\n", "TPP" },
    /* A line that starts in lower case continues the previous one */
    { "Titre\n\nUne phrase coupée\nen deux lignes.\n", "TP" },
    /* A lone short line at the end is not a heading: nothing follows it */
    { "Titre\n\nUn paragraphe.\n\nLe site de la ville\n", "TPB" },
    /* A single question is a question, not an interview */
    { "Titre\n\nMais pourquoi donc, se demandent les habitants, la mairie a-t-elle attendu si longtemps pour agir dans ce dossier ?\n\nPersonne ne le sait.\n", "TPP" },
    /* Quotes and numbered lists */
    { "Titre\n\n> Une citation.\n\n1. un\n2) deux\n", "TQLL" },
    /* Boilerplate before the title is not the title */
    { "Accueil > Monde\nPublié le 3 mai 2025\n\nLe vrai titre\n\nLe texte.\n", "BBTP" },
    /* A rubric above the title is not the title */
    { "International\n\nLa Syrie reprend la ville de Soukhna\n\nLe texte.\n", "BTP" },
    /* A short title is still a title */
    { "Bilan\n\nLe texte.\n", "TP" },
    /* A label takes the next line along */
    { "Titre\n\nTexte de l'article.\n\nSur le même sujet\nUn autre article\n\nSuite du texte.\n", "TPBBP" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VvDocument) document = import_string (cases[i].text, "cas.txt", &error);
      g_autofree char *shape = NULL;

      g_assert_no_error (error);
      shape = vv_test_document_shape (document);
      if (g_strcmp0 (shape, cases[i].shape) != 0)
        g_test_fail_printf ("case %u: expected %s, got %s", i, cases[i].shape, shape);
    }
}

/* Ctrl+A in a browser: menus, teasers and footer around the article */
static void
test_text_page_copy (void)
{
  g_autoptr(VvDocument) document = vv_test_import_data_file ("import", "page-copy.txt", NULL);
  g_autofree char *shape = vv_test_document_shape (document);
  g_autoptr(GString) kept = g_string_new (NULL);

  for (guint i = 0; i < vv_document_get_n_blocks (document); i++)
    if (!vv_block_is_excluded (vv_document_get_block (document, i)))
      g_string_append_c (kept, shape[i]);
  g_assert_cmpstr (kept->str, ==, "TPPPP");
  g_assert_cmpstr (vv_document_get_title (document), ==,
                   "Les lycées de la région vont être rénovés pour 40 millions d'euros");
  g_assert_cmpuint (vv_document_get_n_blocks (document), ==, 41);
  g_assert_true (g_str_has_prefix (vv_test_block_text (document, 27), "Le président de région"));
}

/* The sample article from ../shared: a real copy of a French news page */
static void
test_text_shared_article (void)
{
  g_autofree char *path = vv_test_shared_path ("corpus", "articles", "homs-soukhna.txt", NULL);
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shape = NULL;

  if (path == NULL)
    {
      g_test_skip ("../shared/corpus/articles is not here");
      return;
    }

  document = import_path (path, &error);
  g_assert_no_error (error);
  shape = vv_test_document_shape (document);
  /* title | image text + credit, caption, "follow us" | 5 paragraphs |
   * "read also", slogan, "follow us", consent banner ×5, OK, buttons */
  g_assert_cmpstr (shape, ==, "T" "BCB" "PPPPP" "BBB" "BBBBBB");
  g_assert_true (g_str_has_prefix (vv_test_block_text (document, 2), "Ruines dans la vieille ville"));
}

/* Boilerplate stays in the document and the project, out of the counts
 * and out of the export, until the user includes it */
static void
test_text_boilerplate_kept (void)
{
  g_autoptr(VvDocument) document = vv_test_import_data_file ("import", "copied-article.txt", NULL);
  g_autoptr(VvDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autofree char *data = NULL;
  g_autofree char *exported = NULL;
  VvExportOptions options;
  guint n_excluded = 0, n_segments = 0, n_boilerplate_blocks = 0;
  gsize length;

  for (guint i = 0; i < vv_document_get_n_blocks (document); i++)
    {
      VvBlock *block = vv_document_get_block (document, i);

      n_segments += vv_block_get_n_segments (block);
      if (vv_block_get_kind (block) == VV_BLOCK_KIND_BOILERPLATE)
        {
          n_boilerplate_blocks++;
          g_assert_false (vv_block_get_included (block));
          g_assert_true (vv_block_is_excluded (block));
          n_excluded += vv_block_get_n_segments (block);
        }
    }
  g_assert_cmpuint (n_boilerplate_blocks, ==, 18);
  g_assert_cmpuint (vv_document_get_n_segments (document), ==, n_segments);
  g_assert_cmpuint (vv_document_get_n_counted (document), ==, n_segments - n_excluded);

  /* Export leaves it out by default */
  vv_export_options_init (&options);
  stream = g_memory_output_stream_new_resizable ();
  g_assert_true (vv_export_to_stream (document, "text", &options, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  exported = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                        g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
  g_assert_nonnull (strstr (exported, "Depuis trois printemps"));
  g_assert_null (strstr (exported, "cookies"));
  g_assert_null (strstr (exported, "Commentaires"));

  /* The project file keeps it, still excluded */
  data = vv_project_to_data (document, &length);
  reloaded = vv_project_from_data (data, length, "test.visavis", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vv_document_get_n_blocks (reloaded), ==, vv_document_get_n_blocks (document));
  g_assert_cmpint (vv_block_get_kind (vv_document_get_block (reloaded, 0)), ==, VV_BLOCK_KIND_BOILERPLATE);
  g_assert_false (vv_block_get_included (vv_document_get_block (reloaded, 0)));
  g_assert_cmpuint (vv_document_get_n_counted (reloaded), ==, n_segments - n_excluded);

  /* "Translate this block too" */
  vv_block_set_included (vv_document_get_block (document, 0), TRUE);
  g_assert_cmpuint (vv_document_get_n_counted (document), ==,
                    n_segments - n_excluded + vv_block_get_n_segments (vv_document_get_block (document, 0)));
}

static void
test_text_utf16 (void)
{
  /* "Titre\n\nÉté." in UTF-16LE with a byte order mark */
  static const guchar utf16[] = {
    0xFF, 0xFE, 'T', 0, 'i', 0, 't', 0, 'r', 0, 'e', 0, '\n', 0, '\n', 0,
    0xC9, 0, 't', 0, 0xE9, 0, '.', 0, '\n', 0,
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static (utf16, sizeof utf16);
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = vv_import_text (bytes, "utf16.txt", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (vv_document_get_title (document), ==, "Titre");
  g_assert_cmpstr (vv_test_block_text (document, 1), ==, "Été.");
}

static void
test_text_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = NULL;

  /* Latin-1 where UTF-8 is expected: the error names the file and position */
  document = import_string ("Titre\n\nL'\xe9t\xe9 est chaud.\n", "latin1.txt", &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "latin1.txt"));
  g_assert_nonnull (strstr (error->message, "line 3, column 3"));
  g_clear_error (&error);

  /* A binary file renamed .txt */
  {
    static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
    g_autoptr(GBytes) bytes = g_bytes_new_static (png, sizeof png);

    document = vv_import_text (bytes, "photo.txt", NULL, &error);
    g_assert_null (document);
    g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_BINARY);
    g_assert_nonnull (strstr (error->message, "photo.txt"));
    g_clear_error (&error);
  }

  /* Empty and blank files */
  document = import_string ("", "vide.txt", &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "vide.txt"));
  g_clear_error (&error);

  document = import_string (" \n\t\n\xc2\xa0\n\n", "blanc.txt", &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);
}

/* A 200 MB file is refused before it is read */
static void
test_text_huge_file (void)
{
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "enorme.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = NULL;
  gint64 start;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  /* Sparse: no disk space used */
  g_assert_cmpint (ftruncate (fd, (off_t)200 * 1024 * 1024), ==, 0);
  close (fd);

  start = g_get_monotonic_time ();
  document = import_path (path, &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "enorme.txt"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  vv_test_rm_rf (dir);
}

/* Long lines, many lines, odd characters: it finishes and keeps the text */
static void
test_text_stress (void)
{
  GString *text = g_string_new ("Titre\n\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append (text, "Partager\n\xe2\x80\xa8\xef\xbb\xbf>\n-\n1.\n\xc2\xa9\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "mot ");
  g_string_append (text, "\n");

  document = import_string (text->str, "stress.txt", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (vv_document_get_n_blocks (document), >, 2000);
  g_string_free (text, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/core/import/text/copied-article", test_text_copied_article);
  g_test_add_func ("/core/import/text/wrapped", test_text_wrapped);
  g_test_add_func ("/core/import/text/shapes", test_text_shapes);
  g_test_add_func ("/core/import/text/page-copy", test_text_page_copy);
  g_test_add_func ("/core/import/text/shared-article", test_text_shared_article);
  g_test_add_func ("/core/import/text/boilerplate-kept", test_text_boilerplate_kept);
  g_test_add_func ("/core/import/text/utf16", test_text_utf16);
  g_test_add_func ("/core/import/text/bad-input", test_text_bad_input);
  g_test_add_func ("/core/import/text/huge-file", test_text_huge_file);
  g_test_add_func ("/core/import/text/stress", test_text_stress);

  return g_test_run ();
}
