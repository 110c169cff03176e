/* test-import-markdown.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vv-test-utils.h"

static VvDocument *
import_markdown (const char  *text,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");

  return vv_import_bytes (bytes, "test.md", NULL, segmenter, error);
}

static void
test_markdown_article (void)
{
  g_autoptr(VvDocument) document = vv_test_import_data_file ("import", "article.md", NULL);
  g_autofree char *shape = vv_test_document_shape (document);
  VvBlock *code;

  /* title | paragraph, image caption | setext heading, paragraph, list
   * (nested items too) | quote and the list inside it | fenced code,
   * indented code, HTML block | newsletter prompt */
  g_assert_cmpstr (shape, ==, "T" "PC" "HPLLLL" "QL" "KKK" "B");
  g_assert_cmpstr (vv_document_get_title (document), ==, "Le vélo-cargo séduit les artisans de Lormont");
  g_assert_cmpstr (vv_test_block_text (document, 1), ==,
                   "Plombiers, fleuristes et livreurs adoptent le vélo-cargo pour leurs tournées en ville. "
                   "Selon l'agence locale, ils sont désormais 120 à l'utiliser. Le mouvement s'accélère.");
  g_assert_cmpstr (vv_test_block_text (document, 2), ==, "Un vélo-cargo devant la mairie");
  g_assert_cmpuint (vv_block_get_level (vv_document_get_block (document, 3)), ==, 2);
  g_assert_cmpstr (vv_test_block_text (document, 8), ==, "freins.");

  /* Paragraphs are segmented, code is one locked segment kept verbatim */
  g_assert_cmpuint (vv_block_get_n_segments (vv_document_get_block (document, 1)), ==, 3);
  code = vv_document_get_block (document, 11);
  g_assert_cmpuint (vv_block_get_n_segments (code), ==, 1);
  g_assert_cmpstr (vv_segment_get_source (vv_block_get_segment (code, 0)), ==,
                   "velo --itineraire \"Lormont > Bordeaux\"");
  g_assert_true (vv_segment_is_locked (vv_block_get_segment (code, 0)));
  g_assert_cmpint (vv_segment_get_flags (vv_block_get_segment (code, 0)), ==,
                   VV_SEGMENT_FLAGS_LOCKED | VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE);
  g_assert_false (vv_segment_is_locked (vv_block_get_segment (vv_document_get_block (document, 1), 0)));

  /* Boilerplate is excluded, not deleted */
  g_assert_true (vv_block_is_excluded (vv_document_get_block (document, 14)));
}

static void
test_markdown_shapes (void)
{
  static const struct { const char *text; const char *shape; const char *title; } cases[] = {
    /* A level-1 heading that does not open the document is a heading */
    { "Intro.\n\n# Plus loin\n\nSuite.\n", "PHP", "" },
    /* Front matter names the document, even without a title block */
    { "---\ntitle: Mon titre\n---\n\nUn paragraphe.\n", "P", "Mon titre" },
    /* ATX levels 1–6 */
    { "# T\n\n## A\n\n### B\n\n###### F\n", "THHH", "T" },
    /* A heading inside a quote stays a heading */
    { "> ## Dans la citation\n> Texte cité.\n", "HQ", "" },
    /* Deep nesting is walked without recursion */
    { ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> profond\n", "Q", "" },
    /* Only HTML comments: nothing to translate but the paragraph */
    { "<!-- a -->\n\nTexte.\n", "P", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VvDocument) document = import_markdown (cases[i].text, &error);
      g_autofree char *shape = NULL;

      g_assert_no_error (error);
      shape = vv_test_document_shape (document);
      if (g_strcmp0 (shape, cases[i].shape) != 0)
        g_test_fail_printf ("case %u: expected %s, got %s", i, cases[i].shape, shape);
      if (g_strcmp0 (vv_document_get_title (document), cases[i].title) != 0)
        g_test_fail_printf ("case %u: expected title “%s”, got “%s”", i, cases[i].title,
                            vv_document_get_title (document));
    }
}

static void
test_markdown_format_guess (void)
{
  const VvImportFormat *format = vv_import_guess_format ("Article.MD", NULL, NULL);

  g_assert_cmpstr (format->id, ==, "markdown");
  format = vv_import_guess_format ("https://example.org/x", "text/markdown; charset=utf-8", NULL);
  g_assert_cmpstr (format->id, ==, "markdown");
  g_assert_nonnull (vv_import_lookup_format ("markdown"));
}

static void
test_markdown_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = NULL;

  document = import_markdown ("", &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "test.md"));
  g_clear_error (&error);

  document = import_markdown ("---\n\n***\n\n<!-- rien -->\n", &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  document = import_markdown ("# Titre\n\n\xff\xfe\n", &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "“test.md”, line 3"));
  g_clear_error (&error);

  {
    static const char binary[] = "# T\0\x01\x02";
    g_autoptr(GBytes) bytes = g_bytes_new_static (binary, sizeof binary);

    document = vv_import_bytes (bytes, "image.md", NULL, NULL, &error);
    g_assert_null (document);
    g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_BINARY);
    g_assert_nonnull (strstr (error->message, "image.md"));
    g_clear_error (&error);
  }
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/core/import/markdown/article", test_markdown_article);
  g_test_add_func ("/core/import/markdown/shapes", test_markdown_shapes);
  g_test_add_func ("/core/import/markdown/format-guess", test_markdown_format_guess);
  g_test_add_func ("/core/import/markdown/bad-input", test_markdown_bad_input);

  return g_test_run ();
}
