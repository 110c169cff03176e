/* test-export-libreoffice.c: LibreOffice opens the DOCX and ODT exports
 * (suite 'slow'; skipped when LibreOffice is not installed)
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vv-test-utils.h"

static char *soffice;
static char *profile_dir;

static VvDocument *
make_document (void)
{
  VvDocument *document = vv_test_document_from_text (
    "Le « métro » de Lyon 🚇\n"
    "\n"
    "M. Dupont a dit : « C'est génial ! » Puis il est parti.\n"
    "\n"
    "Les tarifs <b> & \"guillemets\" et 14,5 M€.\n");
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 12, 8, 15, 0);

  vv_document_set_target_language (document, "en");
  vv_segment_set_target (vv_document_get_segment (document, 0), "The Lyon « metro » 🚇");
  vv_segment_set_state (vv_document_get_segment (document, 0), VV_SEGMENT_STATE_APPROVED);
  vv_segment_set_target (vv_document_get_segment (document, 1), "Mr Dupont said: “It's great!”");
  vv_segment_set_target (vv_document_get_segment (document, 2), "مرحبا بالعالم");
  vv_segment_set_target (vv_document_get_segment (document, 3), "Fares <b> & \"quotes\" and €14.5M.");
  vv_segment_add_comment (vv_document_get_segment (document, 1),
                          vv_comment_new ("Relectrice", when, "Ligne 1\nLigne 2", FALSE));
  vv_document_append_text_block (document, VV_BLOCK_KIND_HEADING, 2, "Un intertitre", NULL);
  vv_segment_set_target (vv_document_get_segment (document, 4), "A subheading");
  return document;
}

/* Converts @path to UTF-8 text with LibreOffice and returns the text */
static char *
convert_to_text (const char *dir,
                 const char *path)
{
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", profile_dir, NULL);
  const char *argv[] = { soffice, profile, "--headless", "--norestore", "--convert-to",
                         "txt:Text (encoded):UTF8", "--outdir", dir, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *txt_name = NULL;
  g_autofree char *txt_path = NULL;
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status;

  *strrchr (base, '.') = '\0';
  txt_name = g_strconcat (base, ".txt", NULL);
  txt_path = g_build_filename (dir, txt_name, NULL);

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) || !g_file_get_contents (txt_path, &text, NULL, NULL))
    g_error ("LibreOffice could not convert %s:\n%s%s", path, out, err);
  return text;
}

static void
check_format (gconstpointer data)
{
  const char *format = data;
  gboolean bilingual = vv_export_lookup_format (format)->bilingual;
  g_autoptr(VvDocument) document = make_document ();
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *name = g_strdup_printf ("export.%s", vv_export_lookup_format (format)->extension);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed");
      return;
    }

  g_assert_true (vv_export_to_file (document, format, NULL, file, NULL, &error));
  g_assert_no_error (error);
  text = convert_to_text (dir, path);

  for (guint i = 0; i < vv_document_get_n_segments (document); i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);

      if (bilingual && strstr (text, vv_segment_get_source (segment)) == NULL)
        g_error ("%s: LibreOffice's text lacks the source of segment %u:\n%s", format,
                 vv_segment_get_id (segment), text);
      if (strstr (text, vv_segment_get_target (segment)) == NULL)
        g_error ("%s: LibreOffice's text lacks the target of segment %u:\n%s", format,
                 vv_segment_get_id (segment), text);
    }
  if (bilingual)
    g_assert_nonnull (strstr (text, "Ligne 2"));
  vv_test_rm_rf (dir);
}

/* A reviewer who opens the file in LibreOffice and saves it (as DOCX, ODT,
 * or DOCX → ODT) sends back a file that applies as a no-op: every segment
 * found by id, no source mismatch, nothing changed */
static void
check_resaved (gconstpointer data)
{
  const char * const *pair = data;   /* format, LibreOffice filter, extension */
  g_autoptr(VvDocument) document = make_document ();
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autofree char *name = g_strdup_printf ("review.%s", vv_export_lookup_format (pair[0])->extension);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *saved_name = g_strdup_printf ("review.%s", pair[2]);
  g_autofree char *saved = g_build_filename (out_dir, saved_name, NULL);
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", profile_dir, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) saved_file = NULL;
  g_autoptr(VvRoundtripFile) review = NULL;
  g_autoptr(GError) error = NULL;
  VvRoundtripReport report;
  int status;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed");
      return;
    }

  g_assert_true (vv_export_to_file (document, pair[0], NULL, file, NULL, &error));
  {
    const char *argv[] = { soffice, profile, "--headless", "--norestore", "--convert-to", pair[1],
                           "--outdir", out_dir, path, NULL };
    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
  }
  saved_file = g_file_new_for_path (saved);
  review = vv_roundtrip_file_load (saved_file, NULL, &error);
  g_assert_no_error (error);

  vv_roundtrip_report_init (&report);
  g_assert_true (vv_roundtrip_apply (document, review, "R", &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_units, ==, vv_document_get_n_segments (document));
  g_assert_cmpuint (report.n_targets_changed, ==, 0);
  g_assert_cmpuint (report.n_comments_added, ==, 0);
  g_assert_cmpuint (report.n_states_changed, ==, 0);
  g_assert_cmpuint (report.mismatched->len, ==, 0);
  g_assert_cmpuint (report.unknown->len, ==, 0);
  vv_roundtrip_report_clear (&report);
  vv_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  vv_test_init (&argc, &argv);
  soffice = g_find_program_in_path ("soffice");
  if (soffice == NULL)
    soffice = g_find_program_in_path ("libreoffice");
  profile_dir = vv_test_make_tmpdir ();

  g_test_add_data_func ("/export-libreoffice/docx", "docx", check_format);
  g_test_add_data_func ("/export-libreoffice/odt", "odt", check_format);
  g_test_add_data_func ("/export-libreoffice/docx-article", "docx-article", check_format);
  g_test_add_data_func ("/export-libreoffice/odt-article", "odt-article", check_format);

  {
    static const char * const docx_docx[] = { "docx", "docx:MS Word 2007 XML", "docx" };
    static const char * const odt_odt[] = { "odt", "odt", "odt" };
    static const char * const docx_odt[] = { "docx", "odt", "odt" };

    g_test_add_data_func ("/export-libreoffice/resaved/docx", docx_docx, check_resaved);
    g_test_add_data_func ("/export-libreoffice/resaved/odt", odt_odt, check_resaved);
    g_test_add_data_func ("/export-libreoffice/resaved/docx-as-odt", docx_odt, check_resaved);
  }

  status = g_test_run ();
  vv_test_rm_rf (profile_dir);
  g_free (profile_dir);
  g_free (soffice);
  return status;
}
