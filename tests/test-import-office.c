/* test-import-office.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>

#include "vv-test-utils.h"

/* The fixtures are written by tests/data/import/make-office-fixtures.py */

static void
check_article (VvDocument *document,
               const char *expected_shape)
{
  g_autofree char *shape = vv_test_document_shape (document);
  guint n = vv_document_get_n_blocks (document);

  g_assert_cmpstr (shape, ==, expected_shape);
  g_assert_cmpstr (vv_document_get_title (document), ==, "Le marché couvert de Sainte-Aude rouvre ses portes");
  /* A text box follows the paragraph that anchors it */
  g_assert_cmpstr (vv_test_block_text (document, n - 4), ==, "Le maire était présent.");
  g_assert_cmpstr (vv_test_block_text (document, n - 3), ==, "La halle en 1904.");
  g_assert_true (vv_block_is_excluded (vv_document_get_block (document, n - 1)));
}

static guint
find_block (VvDocument *document,
            const char *text)
{
  for (guint i = 0; i < vv_document_get_n_blocks (document); i++)
    if (g_strcmp0 (vv_test_block_text (document, i), text) == 0)
      return i;
  g_test_fail_printf ("no block “%s”", text);
  return 0;
}

static void
test_docx_article (void)
{
  g_autoptr(VvDocument) document = vv_test_import_data_file ("import", "article.docx", NULL);
  g_autofree char *all = NULL;
  GString *text = g_string_new (NULL);

  /* title | byline | paragraph | heading 1 (style "Titre1"), paragraph,
   * heading 2 (based on it), heading 3 (outline level) | quote | list item
   * by style and by numbering | table cells, nested table | paragraph,
   * text box caption | content control | share prompt */
  check_article (document, "TBPHPHHQLL" "PPPPPP" "PC" "P" "B");

  g_assert_cmpstr (vv_test_block_text (document, 2), ==,
                   "Après deux ans de lourds travaux, la halle a rouvert samedi. Les commerçants sont soulagés.");
  g_assert_cmpuint (vv_block_get_level (vv_document_get_block (document, 3)), ==, 1);
  g_assert_cmpuint (vv_block_get_level (vv_document_get_block (document, 5)), ==, 2);
  g_assert_cmpuint (vv_block_get_level (vv_document_get_block (document, 6)), ==, 3);
  g_assert_cmpstr (vv_test_block_text (document, 6), ==, "Horaires d'été");
  g_assert_cmpuint (find_block (document, "6 h 30"), ==, 15);
  g_assert_cmpuint (find_block (document, "La halle en 1904."), ==, 17);

  /* Deleted revisions, field codes and hidden text are not text */
  for (guint i = 0; i < vv_document_get_n_blocks (document); i++)
    {
      g_string_append (text, vv_test_block_text (document, i));
      g_string_append_c (text, '\n');
    }
  all = g_string_free (text, FALSE);
  g_assert_null (strstr (all, "longs"));
  g_assert_null (strstr (all, "PAGE"));
  g_assert_null (strstr (all, "MASQUÉ"));
  g_assert_nonnull (strstr (all, "La halle en 1904.\n"));
  g_assert_null (strstr (strstr (all, "La halle en 1904.\n") + 1, "La halle en 1904."));
}

static void
test_odt_article (void)
{
  g_autoptr(VvDocument) document = vv_test_import_data_file ("import", "article.odt", NULL);

  /* title | paragraph | heading 1, paragraph, heading 2 | quote (automatic
   * style whose parent is Quotations) | three list items, one nested |
   * table cells, nested table | paragraph, frame caption | section |
   * share prompt */
  check_article (document, "TPHPHQLLL" "PPPPPP" "PC" "P" "B");

  g_assert_cmpstr (vv_test_block_text (document, 1), ==,
                   "Après deux ans de travaux, la halle a rouvert samedi. Les commerçants sont soulagés.");
  g_assert_cmpuint (vv_block_get_level (vv_document_get_block (document, 4)), ==, 2);
  g_assert_cmpstr (vv_test_block_text (document, 7), ==, "affineurs ;");
  g_assert_cmpstr (vv_test_block_text (document, 3), ==, "La charpente d'origine a été conservée.");
  g_assert_cmpuint (find_block (document, "Une section garde son texte."), ==, 17);
}

static void
test_docx_without_styles (void)
{
  g_autoptr(VvDocument) document = vv_test_import_data_file ("import", "no-styles.docx", NULL);
  g_autofree char *shape = vv_test_document_shape (document);

  /* "Heading1" is a built-in id: a heading even without styles.xml */
  g_assert_cmpstr (shape, ==, "TP");
  g_assert_cmpstr (vv_document_get_title (document), ==, "Titre sans feuille de styles");
}

/* Impossible ZIP dates make libgsf fail an assertion (found by fuzzing):
 * they are replaced before libgsf sees them */
static void
test_docx_bad_dates (void)
{
  g_autoptr(VvDocument) document = vv_test_import_data_file ("import", "bad-dates.docx", NULL);

  g_assert_cmpstr (vv_document_get_title (document), ==, "Le marché couvert de Sainte-Aude rouvre ses portes");
  g_assert_cmpuint (vv_document_get_n_blocks (document), ==, 20);
}

/* Entity references are not expanded: no file is read through them */
static void
test_docx_external_entity (void)
{
  g_autoptr(VvDocument) document = vv_test_import_data_file ("import", "xxe.docx", NULL);

  g_assert_cmpstr (vv_test_block_text (document, 0), ==, "Avant après.");
  g_assert_cmpstr (vv_document_get_title (document), ==, "Titre des propriétés");
}

typedef struct
{
  const char *file;
  int         code;
  const char *message;
} BadCase;

static const BadCase bad_cases[] = {
  { "truncated.docx", VV_IMPORT_ERROR_FORMAT, "damaged or truncated" },
  { "not-a-document.docx", VV_IMPORT_ERROR_FORMAT, "not a Word document (it has no word/document.xml)" },
  { "bad-xml.docx", VV_IMPORT_ERROR_FORMAT, "word/document.xml, line 1" },
  { "bad-offset.docx", VV_IMPORT_ERROR_FORMAT, "ZIP directory points outside" },
  { "bomb.docx", VV_IMPORT_ERROR_TOO_LARGE, "word/document.xml would unpack to 3840 MB" },
  { "encrypted-zip.docx", VV_IMPORT_ERROR_ENCRYPTED, "encrypted ZIP archive" },
  { "password.docx", VV_IMPORT_ERROR_ENCRYPTED, "protected by a password" },
  { "old-word.docx", VV_IMPORT_ERROR_UNSUPPORTED, "Word 97–2003" },
  { "empty.docx", VV_IMPORT_ERROR_EMPTY, "is empty" },
  { "spreadsheet.odt", VV_IMPORT_ERROR_UNSUPPORTED, "opendocument.spreadsheet" },
  { "encrypted.odt", VV_IMPORT_ERROR_ENCRYPTED, "protected by a password" },
  { "empty.odt", VV_IMPORT_ERROR_EMPTY, "is empty" },
  /* A text file renamed: the importer is picked by the name */
  { "copied-article.txt", -1, NULL },
};

static void
test_office_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", c->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = NULL;

  if (c->code < 0)
    {
      /* The same bytes under a .docx name */
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);

      document = vv_import_bytes (bytes, "renamed.docx", NULL, NULL, &error);
      g_assert_null (document);
      g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_FORMAT);
      g_assert_nonnull (strstr (error->message, "“renamed.docx” is not a Word document: it is not a ZIP archive"));
      return;
    }

  document = vv_import_file (file, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, c->code);
  g_assert_nonnull (strstr (error->message, c->file));
  if (strstr (error->message, c->message) == NULL)
    g_test_fail_printf ("“%s” does not say “%s”", error->message, c->message);
}

/* Writes a ZIP with @n_entries entries, with libgsf */
static GBytes *
make_zip (guint       n_entries,
          const char *document_xml)
{
  GsfOutput *memory = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (memory, NULL);
  GBytes *bytes;

  g_assert_nonnull (zip);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *name = g_strdup_printf ("e%u", i);
      GsfOutput *child = gsf_outfile_new_child (zip, name, FALSE);

      gsf_output_close (child);
      g_object_unref (child);
    }
  if (document_xml != NULL)
    {
      GsfOutput *word = gsf_outfile_new_child (zip, "word", TRUE);
      GsfOutput *doc = gsf_outfile_new_child (GSF_OUTFILE (word), "document.xml", FALSE);

      gsf_output_write (doc, strlen (document_xml), (const guint8 *)document_xml);
      gsf_output_close (doc);
      gsf_output_close (word);
      g_object_unref (doc);
      g_object_unref (word);
    }
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);

  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (memory)),
                       gsf_output_size (memory));
  g_object_unref (memory);
  return bytes;
}

static void
test_office_too_many_entries (void)
{
  static const char document_xml[] =
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body><w:p><w:r><w:t>Un paragraphe.</w:t></w:r></w:p></w:body></w:document>";
  g_autoptr(GBytes) small = make_zip (10, document_xml);
  g_autoptr(GBytes) many = make_zip (10001, document_xml);
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = NULL;

  /* The writer works: a few entries import fine */
  document = vv_import_bytes (small, "petit.docx", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vv_test_block_text (document, 0), ==, "Un paragraphe.");
  g_clear_object (&document);

  document = vv_import_bytes (many, "nombreux.docx", NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“nombreux.docx” has more than 10000 entries"));
}

/* Boilerplate in office documents: flagged, excluded, kept in the project */
static void
test_office_boilerplate_kept (void)
{
  g_autoptr(VvDocument) document = vv_test_import_data_file ("import", "article.docx", NULL);
  g_autoptr(VvDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  guint last = vv_document_get_n_blocks (document) - 1;
  guint n_counted = vv_document_get_n_counted (document);
  gsize length;

  g_assert_cmpint (vv_block_get_kind (vv_document_get_block (document, last)), ==, VV_BLOCK_KIND_BOILERPLATE);
  g_assert_cmpuint (n_counted, ==, vv_document_get_n_segments (document) - 2);

  data = vv_project_to_data (document, &length);
  reloaded = vv_project_from_data (data, length, "t.visavis", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vv_test_block_text (reloaded, last), ==, "Partager sur Facebook");
  g_assert_true (vv_block_is_excluded (vv_document_get_block (reloaded, last)));
  g_assert_cmpuint (vv_document_get_n_counted (reloaded), ==, n_counted);
}

static void
test_office_format_guess (void)
{
  g_assert_cmpstr (vv_import_guess_format ("a/b/Rapport.DOCX", NULL, NULL)->id, ==, "docx");
  g_assert_cmpstr (vv_import_guess_format ("rapport.odt", NULL, NULL)->id, ==, "odt");
  g_assert_cmpstr (vv_import_guess_format (NULL, "application/vnd.oasis.opendocument.text", NULL)->id, ==, "odt");
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/core/import/office/docx/article", test_docx_article);
  g_test_add_func ("/core/import/office/docx/without-styles", test_docx_without_styles);
  g_test_add_func ("/core/import/office/docx/external-entity", test_docx_external_entity);
  g_test_add_func ("/core/import/office/docx/bad-dates", test_docx_bad_dates);
  g_test_add_func ("/core/import/office/odt/article", test_odt_article);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/import/office/bad/%s", bad_cases[i].file);
      g_test_add_data_func (path, &bad_cases[i], test_office_bad);
    }
  g_test_add_func ("/core/import/office/too-many-entries", test_office_too_many_entries);
  g_test_add_func ("/core/import/office/boilerplate-kept", test_office_boilerplate_kept);
  g_test_add_func ("/core/import/office/format-guess", test_office_format_guess);

  return g_test_run ();
}
