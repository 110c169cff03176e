/* test-project.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "vv-test-utils.h"

/* A document that uses every field the project file stores */
static VvDocument *
make_rich_document (void)
{
  VvDocument *document = vv_test_document_from_text (
    "Le « métro » de Lyon 🚇\n"
    "\n"
    "M. Dupont a dit : « C'est génial ! » Puis il est parti.\n"
    "\n"
    "Les tarifs <b>&amp</b> \"guillemets\" et 14,5 M€.\n");
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 12, 8, 15, 0);
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  VvSegment *segment;
  VvBlock *block;

  vv_document_set_target_language (document, "es");
  vv_document_set_source_uri (document, "https://exemple.fr/métro?a=1&b=2");
  vv_document_set_created (document, when);

  segment = vv_document_get_segment (document, 1);
  vv_segment_set_suggestion (segment, "apertium", "El señor Dupont dijo: «¡Es genial!»");
  vv_segment_set_suggestion (segment, "deepl", "Dupont dijo 🙂");
  vv_segment_set_target (segment, "El Sr. Dupont dijo: «¡Es genial!»");
  vv_segment_set_origin (segment, "mt:apertium");
  vv_segment_set_state (segment, VV_SEGMENT_STATE_DRAFT);
  vv_segment_add_history (segment, vv_history_entry_new (when, "MT", VV_SEGMENT_STATE_DRAFT,
                                                         "El señor Dupont dijo", "mt:apertium"));
  vv_segment_commit (segment, VV_SEGMENT_STATE_TRANSLATED, "Zoé Lefèvre");
  vv_segment_add_comment (segment, vv_comment_new ("Relectrice", when, "Ligne 1\nLigne 2 « ok » & <fin>", FALSE));
  vv_segment_add_comment (segment, vv_comment_new ("Zoé", NULL, "Corrigé.", TRUE));

  segment = vv_document_get_segment (document, 3);
  vv_segment_set_target (segment, "Las tarifas <b>&amp</b> \"comillas\" y 14,5 M€.");
  vv_segment_set_flags (segment, VV_SEGMENT_FLAGS_LOCKED | VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE);
  vv_segment_set_state (segment, VV_SEGMENT_STATE_APPROVED);

  vv_document_append_text_block (document, VV_BLOCK_KIND_HEADING, 2, "Un intertitre", NULL);
  block = vv_document_append_text_block (document, VV_BLOCK_KIND_BOILERPLATE, 0,
                                         "Suivez-nous sur Telegram. Partager.", segmenter);
  vv_block_set_included (block, TRUE);
  vv_document_append_text_block (document, VV_BLOCK_KIND_CODE, 0, "printf (\"%d\\n\", x);", NULL);

  return document;
}

static void
assert_documents_equal (VvDocument *a,
                        VvDocument *b)
{
  g_assert_cmpstr (vv_document_get_title (a), ==, vv_document_get_title (b));
  g_assert_cmpstr (vv_document_get_source_uri (a), ==, vv_document_get_source_uri (b));
  g_assert_cmpstr (vv_document_get_source_language (a), ==, vv_document_get_source_language (b));
  g_assert_cmpstr (vv_document_get_target_language (a), ==, vv_document_get_target_language (b));
  g_assert_true (g_date_time_equal (vv_document_get_created (a), vv_document_get_created (b)));
  g_assert_cmpuint (vv_document_get_n_blocks (a), ==, vv_document_get_n_blocks (b));

  for (guint i = 0; i < vv_document_get_n_blocks (a); i++)
    {
      VvBlock *ba = vv_document_get_block (a, i);
      VvBlock *bb = vv_document_get_block (b, i);

      g_assert_cmpint (vv_block_get_kind (ba), ==, vv_block_get_kind (bb));
      g_assert_cmpuint (vv_block_get_level (ba), ==, vv_block_get_level (bb));
      g_assert_cmpint (vv_block_get_included (ba), ==, vv_block_get_included (bb));
      g_assert_cmpuint (vv_block_get_n_segments (ba), ==, vv_block_get_n_segments (bb));

      for (guint s = 0; s < vv_block_get_n_segments (ba); s++)
        {
          VvSegment *sa = vv_block_get_segment (ba, s);
          VvSegment *sb = vv_block_get_segment (bb, s);

          g_assert_cmpuint (vv_segment_get_id (sa), ==, vv_segment_get_id (sb));
          g_assert_cmpstr (vv_segment_get_source (sa), ==, vv_segment_get_source (sb));
          g_assert_cmpstr (vv_segment_get_target (sa), ==, vv_segment_get_target (sb));
          g_assert_cmpstr (vv_segment_get_origin (sa), ==, vv_segment_get_origin (sb));
          g_assert_cmpint (vv_segment_get_state (sa), ==, vv_segment_get_state (sb));
          g_assert_cmpint (vv_segment_get_flags (sa), ==, vv_segment_get_flags (sb));
          g_assert_cmpuint (vv_segment_get_n_suggestions (sa), ==, vv_segment_get_n_suggestions (sb));
          for (guint k = 0; k < vv_segment_get_n_suggestions (sa); k++)
            {
              g_assert_cmpstr (vv_segment_get_suggestion (sa, k)->provider, ==,
                               vv_segment_get_suggestion (sb, k)->provider);
              g_assert_cmpstr (vv_segment_get_suggestion (sa, k)->text, ==,
                               vv_segment_get_suggestion (sb, k)->text);
            }
          g_assert_cmpuint (vv_segment_get_n_comments (sa), ==, vv_segment_get_n_comments (sb));
          for (guint k = 0; k < vv_segment_get_n_comments (sa); k++)
            {
              const VvComment *ca = vv_segment_get_comment (sa, k);
              const VvComment *cb = vv_segment_get_comment (sb, k);

              g_assert_cmpstr (ca->author, ==, cb->author);
              g_assert_cmpstr (ca->text, ==, cb->text);
              g_assert_cmpint (ca->resolved, ==, cb->resolved);
              g_assert_cmpint (g_date_time_to_unix (ca->time), ==, g_date_time_to_unix (cb->time));
            }
          g_assert_cmpuint (vv_segment_get_n_history (sa), ==, vv_segment_get_n_history (sb));
          for (guint k = 0; k < vv_segment_get_n_history (sa); k++)
            {
              const VvHistoryEntry *ha = vv_segment_get_history (sa, k);
              const VvHistoryEntry *hb = vv_segment_get_history (sb, k);

              g_assert_cmpstr (ha->author, ==, hb->author);
              g_assert_cmpstr (ha->target, ==, hb->target);
              g_assert_cmpstr (ha->origin, ==, hb->origin);
              g_assert_cmpint (ha->state, ==, hb->state);
              g_assert_cmpint (g_date_time_to_unix (ha->time), ==, g_date_time_to_unix (hb->time));
            }
        }
    }
}

static void
test_project_round_trip (void)
{
  g_autoptr(VvDocument) document = make_rich_document ();
  g_autoptr(VvDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "projet é.visavis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_true (vv_document_get_dirty (document));
  g_assert_true (vv_project_save (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vv_document_get_dirty (document));

  loaded = vv_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_false (vv_document_get_dirty (loaded));
  assert_documents_equal (document, loaded);
  g_assert_cmpuint (vv_document_get_state_count (loaded, VV_SEGMENT_STATE_APPROVED), ==, 1);
  g_assert_cmpuint (vv_document_get_n_counted (loaded), ==, vv_document_get_n_counted (document));

  /* serialising the loaded document gives the same bytes */
  first = vv_project_to_data (document, NULL);
  second = vv_project_to_data (loaded, NULL);
  g_assert_cmpstr (first, ==, second);

  /* new segments after a load get fresh ids */
  {
    guint max_id = 0;
    VvBlock *block;

    for (guint i = 0; i < vv_document_get_n_segments (loaded); i++)
      max_id = MAX (max_id, vv_segment_get_id (vv_document_get_segment (loaded, i)));
    block = vv_document_append_text_block (loaded, VV_BLOCK_KIND_PARAGRAPH, 0, "Nouveau.", NULL);
    g_assert_cmpuint (vv_segment_get_id (vv_block_get_segment (block, 0)), ==, max_id + 1);
  }

  vv_test_rm_rf (dir);
}

static void
test_project_backup (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text ("Titre\n\nUne phrase.\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.visavis", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *old_contents = NULL;
  g_autofree char *backup_contents = NULL;
  g_autofree char *new_contents = NULL;

  g_assert_true (vv_project_save (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &old_contents, NULL, NULL));

  vv_segment_set_target (vv_document_get_segment (document, 1), "One sentence.");
  g_assert_true (vv_project_save (document, file, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (backup, &backup_contents, NULL, NULL));
  g_assert_cmpstr (backup_contents, ==, old_contents);
  g_assert_true (g_file_get_contents (path, &new_contents, NULL, NULL));
  g_assert_nonnull (strstr (new_contents, "One sentence."));

  vv_test_rm_rf (dir);
}

static void
test_project_save_error (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text ("Titre\n\nUne phrase.\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "missing-folder", "p.visavis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  vv_segment_set_target (vv_document_get_segment (document, 1), "x");
  g_assert_false (vv_project_save (document, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "p.visavis"));
  /* the document still has unsaved changes */
  g_assert_true (vv_document_get_dirty (document));

  vv_test_rm_rf (dir);
}

typedef struct
{
  const char *name;
  const char *json;
  GQuark      domain;
  int         code;
  const char *message_part;
} BadProject;

static const BadProject bad_projects[] = {
  { "not-json", "{ this is not json", 0, VV_PROJECT_ERROR_PARSE, "damaged" },
  { "empty", "", 0, VV_PROJECT_ERROR_INVALID, "bad.visavis" },
  { "array", "[1, 2]", 0, VV_PROJECT_ERROR_INVALID, "not a JSON object" },
  { "no-format", "{\"blocks\": []}", 0, VV_PROJECT_ERROR_INVALID, "format" },
  { "newer", "{\"format\": 99, \"blocks\": []}", 0, VV_PROJECT_ERROR_NEWER_VERSION, "newer version" },
  { "format-string", "{\"format\": \"1\", \"blocks\": []}", 0, VV_PROJECT_ERROR_INVALID, "format" },
  { "no-blocks", "{\"format\": 1}", 0, VV_PROJECT_ERROR_INVALID, "blocks" },
  { "blocks-object", "{\"format\": 1, \"blocks\": {}}", 0, VV_PROJECT_ERROR_INVALID, "not a list" },
  { "block-not-object", "{\"format\": 1, \"blocks\": [3]}", 0, VV_PROJECT_ERROR_INVALID, "item 1" },
  { "segment-no-id", "{\"format\": 1, \"blocks\": [{\"kind\": \"paragraph\", \"segments\": "
                     "[{\"source\": \"a\", \"state\": \"draft\"}]}]}", 0, VV_PROJECT_ERROR_INVALID, "id" },
  { "bad-state", "{\"format\": 1, \"blocks\": [{\"kind\": \"paragraph\", \"segments\": "
                 "[{\"id\": 1, \"source\": \"a\", \"state\": \"done\"}]}]}", 0, VV_PROJECT_ERROR_INVALID, "done" },
  { "duplicate-id", "{\"format\": 1, \"blocks\": [{\"kind\": \"paragraph\", \"segments\": "
                    "[{\"id\": 1, \"source\": \"a\", \"state\": \"draft\"},"
                    " {\"id\": 1, \"source\": \"b\", \"state\": \"draft\"}]}]}", 0, VV_PROJECT_ERROR_INVALID, "twice" },
  { "negative-id", "{\"format\": 1, \"blocks\": [{\"kind\": \"paragraph\", \"segments\": "
                   "[{\"id\": -4, \"source\": \"a\", \"state\": \"draft\"}]}]}", 0, VV_PROJECT_ERROR_INVALID, "id" },
  { "bad-date", "{\"format\": 1, \"created\": \"yesterday\", \"blocks\": []}", 0, VV_PROJECT_ERROR_INVALID, "yesterday" },
  { "bad-level", "{\"format\": 1, \"blocks\": [{\"kind\": \"heading\", \"level\": 9, \"segments\": []}]}",
    0, VV_PROJECT_ERROR_INVALID, "level" },
  { "comment-no-text", "{\"format\": 1, \"blocks\": [{\"kind\": \"paragraph\", \"segments\": "
                       "[{\"id\": 1, \"source\": \"a\", \"state\": \"draft\", \"comments\": [{\"author\": \"x\"}]}]}]}",
    0, VV_PROJECT_ERROR_INVALID, "text" },
  { "invalid-utf8", "{\"format\": 1, \"title\": \"\xC3\x28\", \"blocks\": []}", 0, VV_PROJECT_ERROR_PARSE, "UTF-8" },
};

static void
test_project_bad (gconstpointer data)
{
  const BadProject *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = NULL;

  document = vv_project_from_data (bad->json, strlen (bad->json), "bad.visavis", &error);
  g_assert_null (document);
  g_assert_error (error, VV_PROJECT_ERROR, bad->code);
  g_assert_nonnull (strstr (error->message, "bad.visavis"));
  if (strstr (error->message, bad->message_part) == NULL)
    g_test_fail_printf ("message “%s” does not mention “%s”", error->message, bad->message_part);
}

static void
test_project_load_missing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/dir/x.visavis");
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = vv_project_load (file, NULL, &error);

  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/dir/x.visavis"));
}

static void
test_project_minimal (void)
{
  const char *json = "{\"format\": 1, \"blocks\": [{\"kind\": \"future-kind\", \"segments\": "
                     "[{\"id\": 5, \"source\": \"a\", \"state\": \"approved\", \"flags\": [\"later\"]}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = vv_project_from_data (json, strlen (json), "m.visavis", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (vv_document_get_n_segments (document), ==, 1);
  /* unknown kinds and flags of later versions are tolerated */
  g_assert_cmpint (vv_block_get_kind (vv_document_get_block (document, 0)), ==, VV_BLOCK_KIND_PARAGRAPH);
  g_assert_cmpint (vv_segment_get_flags (vv_document_get_segment (document, 0)), ==, 0);
  g_assert_cmpuint (vv_document_get_state_count (document, VV_SEGMENT_STATE_APPROVED), ==, 1);
  g_assert_cmpstr (vv_document_get_source_language (document), ==, "fr");
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/core/project/round-trip", test_project_round_trip);
  g_test_add_func ("/core/project/backup", test_project_backup);
  g_test_add_func ("/core/project/save-error", test_project_save_error);
  g_test_add_func ("/core/project/load-missing", test_project_load_missing);
  g_test_add_func ("/core/project/minimal", test_project_minimal);
  for (guint i = 0; i < G_N_ELEMENTS (bad_projects); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/project/bad/%s", bad_projects[i].name);
      g_test_add_data_func (path, &bad_projects[i], test_project_bad);
    }

  return g_test_run ();
}
