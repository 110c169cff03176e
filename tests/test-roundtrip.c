/* test-roundtrip.c: export → edit → import-review, and XLIFF import
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gsf/gsf.h>

#include "vv-test-utils.h"

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
  VvSegment *segment;

  vv_document_set_target_language (document, "en");
  vv_document_set_source_uri (document, "https://exemple.fr/metro");
  vv_document_set_created (document, when);

  segment = vv_document_get_segment (document, 0);
  vv_segment_set_target (segment, "The Lyon « metro » 🚇");
  vv_segment_commit (segment, VV_SEGMENT_STATE_TRANSLATED, "Zoé");

  segment = vv_document_get_segment (document, 1);
  vv_segment_set_target (segment, "Mr Dupont said: “It's great!”");
  vv_segment_set_state (segment, VV_SEGMENT_STATE_DRAFT);
  vv_segment_add_comment (segment, vv_comment_new ("Zoé", when, "Ligne 1\nLigne 2 & <fin>", FALSE));

  segment = vv_document_get_segment (document, 3);
  vv_segment_set_target (segment, "Fares <b> & \"quotes\" and €14.5M.");
  vv_segment_commit (segment, VV_SEGMENT_STATE_TRANSLATED, "Zoé");

  vv_document_append_text_block (document, VV_BLOCK_KIND_HEADING, 2, "Un intertitre", NULL);
  return document;
}

static GBytes *
export_bytes (VvDocument *document,
              const char *format)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (vv_export_to_stream (document, format, NULL, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
replace (const char *text,
         const char *old,
         const char *new)
{
  const char *found = strstr (text, old);

  if (found == NULL)
    g_error ("“%s” not found in the exported file", old);
  return g_strdup_printf ("%.*s%s%s", (int)(found - text), text, new, found + strlen (old));
}

/* Project JSON of a document, to check that nothing else changed */
static char *
segment_summary (VvSegment *segment)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%u|%s|%s|%s|%u", vv_segment_get_id (segment), vv_segment_get_source (segment),
                          vv_segment_get_target (segment), vv_segment_state_to_string (vv_segment_get_state (segment)),
                          vv_segment_get_n_history (segment));
  for (guint c = 0; c < vv_segment_get_n_comments (segment); c++)
    g_string_append_printf (out, "|%s:%s", vv_segment_get_comment (segment, c)->author,
                            vv_segment_get_comment (segment, c)->text);
  return g_string_free (out, FALSE);
}

static void
assert_unchanged_except (VvDocument *before,
                         VvDocument *after,
                         guint       changed_id)
{
  g_assert_cmpuint (vv_document_get_n_segments (before), ==, vv_document_get_n_segments (after));
  for (guint i = 0; i < vv_document_get_n_segments (before); i++)
    {
      VvSegment *a = vv_document_get_segment (before, i);
      VvSegment *b = vv_document_get_segment (after, i);
      g_autofree char *sa = segment_summary (a);
      g_autofree char *sb = segment_summary (b);

      if (vv_segment_get_id (a) != changed_id)
        g_assert_cmpstr (sa, ==, sb);
    }
}

static VvRoundtripFile *
read_review (GBytes     *bytes,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  VvRoundtripFile *file = vv_roundtrip_file_read (bytes, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

static void
apply_ok (VvDocument     *document,
          VvRoundtripFile   *file,
          VvRoundtripReport *report)
{
  g_autoptr(GError) error = NULL;

  vv_roundtrip_report_init (report);
  g_assert_true (vv_roundtrip_apply (document, file, "Relectrice", report, &error));
  g_assert_no_error (error);
}

/* An unchanged export applies as a no-op, whatever the format */
static void
test_unchanged_is_noop (void)
{
  const char *formats[] = { "csv", "tsv", "docx", "odt", "xliff12", "xliff20" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(VvDocument) document = make_document ();
      g_autoptr(VvDocument) before = make_document ();
      g_autoptr(GBytes) bytes = export_bytes (document, formats[i]);
      g_autoptr(VvRoundtripFile) file = read_review (bytes, formats[i]);
      VvRoundtripReport report;

      g_test_message ("%s", formats[i]);
      g_assert_cmpstr (file->format, ==, formats[i]);
      g_assert_cmpuint (file->units->len, ==, 5);
      apply_ok (document, file, &report);
      g_assert_cmpuint (report.n_units, ==, 5);
      g_assert_cmpuint (report.n_targets_changed, ==, 0);
      g_assert_cmpuint (report.n_comments_added, ==, 0);
      g_assert_cmpuint (report.n_states_changed, ==, 0);
      g_assert_cmpuint (report.mismatched->len, ==, 0);
      vv_roundtrip_report_clear (&report);
      assert_unchanged_except (before, document, 0);
    }
}

/* CSV parses back identically: every field, including quotes and newlines */
static void
test_csv_parses_back (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autoptr(GBytes) bytes = export_bytes (document, "csv");
  g_autoptr(VvRoundtripFile) file = read_review (bytes, "out.csv");

  g_assert_cmpuint (file->units->len, ==, vv_document_get_n_segments (document));
  for (guint i = 0; i < file->units->len; i++)
    {
      VvRoundtripUnit *unit = g_ptr_array_index (file->units, i);
      VvSegment *segment = vv_document_get_segment (document, i);
      GString *comments = g_string_new (NULL);

      g_assert_cmpuint (unit->id, ==, vv_segment_get_id (segment));
      g_assert_cmpstr (unit->source, ==, vv_segment_get_source (segment));
      g_assert_cmpstr (unit->target, ==, vv_segment_get_target (segment));
      g_assert_true (unit->has_state);
      g_assert_cmpint (unit->state, ==, vv_segment_get_state (segment));
      for (guint c = 0; c < vv_segment_get_n_comments (segment); c++)
        {
          const VvComment *comment = vv_segment_get_comment (segment, c);
          g_autofree char *when = g_date_time_format (comment->time, "%Y-%m-%d %H:%M");
          g_string_append_printf (comments, "%s (%s): %s", comment->author, when, comment->text);
        }
      g_assert_cmpstr (unit->comment_text, ==, comments->str);
      g_string_free (comments, TRUE);
    }
}

static void
check_edit_applied (VvDocument     *document,
                    VvRoundtripReport *report,
                    guint           id,
                    const char     *new_target,
                    const char     *comment_author,
                    const char     *comment_text)
{
  VvSegment *segment = vv_document_lookup_segment (document, id);
  const VvHistoryEntry *last;
  const VvComment *comment;

  g_assert_cmpuint (report->n_targets_changed, ==, 1);
  g_assert_cmpuint (report->n_comments_added, ==, 1);
  g_assert_cmpstr (vv_segment_get_target (segment), ==, new_target);
  last = vv_segment_get_history (segment, vv_segment_get_n_history (segment) - 1);
  g_assert_cmpstr (last->author, ==, "Relectrice");
  g_assert_cmpstr (last->target, ==, new_target);
  comment = vv_segment_get_comment (segment, vv_segment_get_n_comments (segment) - 1);
  g_assert_cmpstr (comment->author, ==, comment_author);
  g_assert_cmpstr (comment->text, ==, comment_text);
}

static void
test_csv_edit (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autoptr(VvDocument) before = make_document ();
  g_autoptr(GBytes) bytes = export_bytes (document, "csv");
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *edited = NULL;
  g_autofree char *edited2 = NULL;
  g_autoptr(GBytes) edited_bytes = NULL;
  g_autoptr(VvRoundtripFile) file = NULL;
  VvRoundtripReport report;

  /* segment 2: new target, and a comment typed under the existing one */
  edited = replace (text, "Mr Dupont said: “It's great!”,draft",
                    "\"Mr Dupont said: \"\"Brilliant!\"\"\",draft");
  edited2 = replace (edited, "Ligne 2 & <fin>\"", "Ligne 2 & <fin>\nPlus naturel, non ?\"");
  edited_bytes = g_bytes_new (edited2, strlen (edited2));
  file = read_review (edited_bytes, "edited.csv");
  apply_ok (document, file, &report);
  check_edit_applied (document, &report, 2, "Mr Dupont said: \"Brilliant!\"", "Relectrice", "Plus naturel, non ?");
  g_assert_cmpint (vv_segment_get_state (vv_document_lookup_segment (document, 2)), ==, VV_SEGMENT_STATE_DRAFT);
  vv_roundtrip_report_clear (&report);
  assert_unchanged_except (before, document, 2);
}

static void
test_source_mismatch_and_unknown (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autoptr(VvDocument) before = make_document ();
  const char *csv =
    "id,source,target,state\r\n"
    "1,Le « métro » de Lyon 🚇,The Lyon « metro » 🚇,approved\r\n"           /* approve */
    "2,M. Dupont a dit : « C'est génial ! »,Mr Dupont said: “It's great!”,approved\r\n"  /* a draft: refused */
    "3,Puis il est reparti.,Then he left again.,translated\r\n"                /* source changed */
    "99,Inconnu,Unknown,translated\r\n";                                       /* not in project */
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, strlen (csv));
  g_autoptr(VvRoundtripFile) file = read_review (bytes, "mismatch.csv");
  g_autofree char *summary = NULL;
  VvRoundtripReport report;

  apply_ok (document, file, &report);
  g_assert_cmpuint (report.n_targets_changed, ==, 0);
  g_assert_cmpuint (report.n_states_changed, ==, 1);
  g_assert_cmpuint (report.mismatched->len, ==, 1);
  g_assert_cmpuint (g_array_index (report.mismatched, guint, 0), ==, 3);
  g_assert_cmpuint (report.unknown->len, ==, 1);
  g_assert_cmpuint (g_array_index (report.unknown, guint, 0), ==, 99);
  g_assert_cmpuint (report.refused->len, ==, 1);
  g_assert_cmpuint (g_array_index (report.refused, guint, 0), ==, 2);
  g_assert_cmpint (vv_segment_get_state (vv_document_lookup_segment (document, 2)), ==, VV_SEGMENT_STATE_DRAFT);
  g_assert_cmpstr (vv_segment_get_target (vv_document_lookup_segment (document, 3)), ==, "");
  g_assert_cmpint (vv_segment_get_state (vv_document_lookup_segment (document, 1)), ==, VV_SEGMENT_STATE_APPROVED);
  summary = vv_roundtrip_report_to_string (&report);
  g_assert_nonnull (strstr (summary, "Source no longer matches, not applied: 3\n"));
  g_assert_nonnull (strstr (summary, "Not in this project, not applied: 99\n"));
  g_assert_nonnull (strstr (summary, "State change not allowed by the workflow, not applied: 2\n"));
  vv_roundtrip_report_clear (&report);
  assert_unchanged_except (before, document, 1);
}

static void
test_other_project (void)
{
  const char *formats[] = { "csv", "docx", "odt", "xliff12", "xliff20" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(VvDocument) source = make_document ();
      g_autoptr(VvDocument) other = vv_test_document_from_text ("Un tout autre article.\n\nRien à voir.\n");
      g_autoptr(VvDocument) before = vv_test_document_from_text ("Un tout autre article.\n\nRien à voir.\n");
      g_autoptr(GBytes) bytes = export_bytes (source, formats[i]);
      g_autoptr(VvRoundtripFile) file = read_review (bytes, "autre");
      g_autoptr(GError) error = NULL;
      VvRoundtripReport report;

      vv_roundtrip_report_init (&report);
      g_assert_false (vv_roundtrip_apply (other, file, "R", &report, &error));
      g_assert_error (error, VV_ROUNDTRIP_ERROR, VV_ROUNDTRIP_ERROR_OTHER_PROJECT);
      g_assert_nonnull (strstr (error->message, "another project"));
      g_assert_nonnull (strstr (error->message, "nothing was changed"));
      vv_roundtrip_report_clear (&report);
      assert_unchanged_except (before, other, 0);
    }
}

/* Rewrites a ZIP, replacing one member */
static GBytes *
zip_replace (GBytes     *zip_bytes,
             const char *name,
             const char *data,
             const char *extra_name,
             const char *extra_data)
{
  GsfInput *input = gsf_input_memory_new (g_bytes_get_data (zip_bytes, NULL), g_bytes_get_size (zip_bytes), FALSE);
  GsfInfile *in = gsf_infile_zip_new (input, NULL);
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *out = gsf_outfile_zip_new (sink, NULL);
  GBytes *result;

  for (int i = 0; i < gsf_infile_num_children (in); i++)
    {
      GsfInput *child = gsf_infile_child_by_index (in, i);
      const char *child_name = gsf_infile_name_by_index (in, i);

      if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        {
          /* a folder: copy its files (two levels are enough for DOCX/ODT) */
          GsfOutfile *dir = GSF_OUTFILE (gsf_outfile_new_child (out, child_name, TRUE));
          for (int j = 0; j < gsf_infile_num_children (GSF_INFILE (child)); j++)
            {
              GsfInput *leaf = gsf_infile_child_by_index (GSF_INFILE (child), j);
              g_autofree char *path = g_strconcat (child_name, "/", gsf_infile_name_by_index (GSF_INFILE (child), j), NULL);
              GsfOutput *o = gsf_outfile_new_child (dir, gsf_infile_name_by_index (GSF_INFILE (child), j), FALSE);

              if (g_str_equal (path, name))
                gsf_output_write (o, strlen (data), (const guint8 *)data);
              else
                gsf_input_copy (leaf, o);
              gsf_output_close (o);
              g_object_unref (o);
              g_object_unref (leaf);
            }
          if (extra_name != NULL && g_str_has_prefix (extra_name, child_name) &&
              extra_name[strlen (child_name)] == '/')
            {
              GsfOutput *o = gsf_outfile_new_child (dir, extra_name + strlen (child_name) + 1, FALSE);
              gsf_output_write (o, strlen (extra_data), (const guint8 *)extra_data);
              gsf_output_close (o);
              g_object_unref (o);
            }
          gsf_output_close (GSF_OUTPUT (dir));
          g_object_unref (dir);
        }
      else
        {
          GsfOutput *o = gsf_outfile_new_child (out, child_name, FALSE);

          if (g_str_equal (child_name, name))
            gsf_output_write (o, strlen (data), (const guint8 *)data);
          else
            gsf_input_copy (child, o);
          gsf_output_close (o);
          g_object_unref (o);
        }
      g_object_unref (child);
    }
  gsf_output_close (GSF_OUTPUT (out));
  result = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), gsf_output_size (sink));
  g_object_unref (out);
  g_object_unref (sink);
  g_object_unref (in);
  g_object_unref (input);
  return result;
}

static char *
zip_get (GBytes     *zip_bytes,
         const char *name)
{
  GsfInput *input = gsf_input_memory_new (g_bytes_get_data (zip_bytes, NULL), g_bytes_get_size (zip_bytes), FALSE);
  GsfInfile *in = gsf_infile_zip_new (input, NULL);
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);
  GsfInput *member = gsf_infile_child_by_aname (in, (const char **)parts);
  gsf_off_t size = gsf_input_size (member);
  char *data = g_malloc0 (size + 1);

  gsf_input_read (member, size, (guint8 *)data);
  g_object_unref (member);
  g_object_unref (in);
  g_object_unref (input);
  return data;
}

static void
test_docx_edit (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autoptr(VvDocument) before = make_document ();
  g_autoptr(GBytes) bytes = export_bytes (document, "docx");
  g_autofree char *xml = zip_get (bytes, "word/document.xml");
  g_autofree char *edited = NULL;
  g_autofree char *edited2 = NULL;
  g_autoptr(GBytes) edited_bytes = NULL;
  g_autoptr(VvRoundtripFile) file = NULL;
  const char *comments_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:comment w:id=\"7\" w:author=\"Marie Curie\" w:date=\"2026-03-20T10:00:00Z\" w:initials=\"MC\">"
    "<w:p><w:r><w:t>Pourquoi « fares » ?</w:t></w:r></w:p><w:p><w:r><w:t>Et &amp; ?</w:t></w:r></w:p>"
    "</w:comment></w:comments>";
  VvRoundtripReport report;

  /* segment 4: Word tracked change (old run deleted, new run inserted), a
   * Word comment anchored in the row */
  edited = replace (xml,
                    "<w:t xml:space=\"preserve\">Fares &lt;b&gt; &amp; &quot;quotes&quot; and €14.5M.</w:t></w:r>",
                    "<w:t xml:space=\"preserve\">Fares </w:t></w:r>"
                    "<w:del w:id=\"1\" w:author=\"R\"><w:r><w:delText>&lt;b&gt; &amp; \"quotes\"</w:delText></w:r></w:del>"
                    "<w:ins w:id=\"2\" w:author=\"R\"><w:r><w:t>&lt;b&gt; &amp; “quotes”</w:t></w:r></w:ins>"
                    "<w:commentRangeStart w:id=\"7\"/><w:r><w:t xml:space=\"preserve\"> and €14.5M.</w:t></w:r>"
                    "<w:commentRangeEnd w:id=\"7\"/><w:r><w:commentReference w:id=\"7\"/></w:r>");
  edited_bytes = zip_replace (bytes, "word/document.xml", edited, "word/comments.xml", comments_xml);
  file = read_review (edited_bytes, "edited.docx");
  g_assert_cmpstr (file->format, ==, "docx");
  apply_ok (document, file, &report);
  check_edit_applied (document, &report, 4, "Fares <b> & “quotes” and €14.5M.", "Marie Curie",
                      "Pourquoi « fares » ?\nEt & ?");
  vv_roundtrip_report_clear (&report);
  assert_unchanged_except (before, document, 4);
  (void)edited2;
}

static void
test_odt_edit (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autoptr(VvDocument) before = make_document ();
  g_autoptr(GBytes) bytes = export_bytes (document, "odt");
  g_autofree char *xml = zip_get (bytes, "content.xml");
  g_autofree char *edited = NULL;
  g_autofree char *edited2 = NULL;
  g_autoptr(GBytes) edited_bytes = NULL;
  g_autoptr(VvRoundtripFile) file = NULL;
  VvRoundtripReport report;

  /* segment 3 (empty target): LibreOffice writes an automatic style P1
   * based on VvTarget, an annotation and two spaces as text:s */
  edited = replace (xml, "</office:automatic-styles>",
                    "<style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"VvTarget\"/>"
                    "</office:automatic-styles>");
  edited2 = replace (edited,
                     "<text:p text:style-name=\"VvTarget\"/></table:table-cell><table:table-cell table:style-name=\"VvCell\" office:value-type=\"string\"><text:p text:style-name=\"VvState\">Untranslated",
                     "<text:p text:style-name=\"P1\">Then he<text:s/> left.<office:annotation><dc:creator>Jean Dupuis</dc:creator>"
                     "<dc:date>2026-03-20T11:22:33</dc:date><text:p>Vérifié.</text:p></office:annotation></text:p>"
                     "</table:table-cell><table:table-cell table:style-name=\"VvCell\" office:value-type=\"string\"><text:p text:style-name=\"VvState\">Untranslated");
  edited_bytes = zip_replace (bytes, "content.xml", edited2, NULL, NULL);
  file = read_review (edited_bytes, "edited.odt");
  g_assert_cmpstr (file->format, ==, "odt");
  apply_ok (document, file, &report);
  check_edit_applied (document, &report, 3, "Then he  left.", "Jean Dupuis", "Vérifié.");
  /* an untranslated segment the reviewer filled in is a draft now, as when edited in the window */
  g_assert_cmpint (vv_segment_get_state (vv_document_lookup_segment (document, 3)), ==, VV_SEGMENT_STATE_DRAFT);
  vv_roundtrip_report_clear (&report);
  assert_unchanged_except (before, document, 3);
}

/* XLIFF written by us imports back without loss */
static void
test_xliff_reimport (void)
{
  const char *formats[] = { "xliff12", "xliff20" };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(VvDocument) document = make_document ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(VvDocument) copy = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");

      vv_segment_set_state (vv_document_get_segment (document, 3), VV_SEGMENT_STATE_NEEDS_CHANGES);
      vv_segment_set_state (vv_document_get_segment (document, 0), VV_SEGMENT_STATE_APPROVED);
      /* XLIFF 2.0 carries a control character as <cp/>; 1.2 cannot */
      vv_segment_set_target (vv_document_get_segment (document, 2), f == 1 ? "Ding\adong" : "Then he left.");
      vv_segment_set_state (vv_document_get_segment (document, 2), VV_SEGMENT_STATE_TRANSLATED);
      bytes = export_bytes (document, formats[f]);
      copy = vv_import_bytes (bytes, "round.xlf", NULL, segmenter, &error);
      g_assert_no_error (error);

      g_assert_cmpstr (vv_document_get_title (copy), ==, vv_document_get_title (document));
      g_assert_cmpstr (vv_document_get_target_language (copy), ==, "en");
      g_assert_cmpuint (vv_document_get_n_blocks (copy), ==, vv_document_get_n_blocks (document));
      for (guint b = 0; b < vv_document_get_n_blocks (document); b++)
        {
          VvBlock *x = vv_document_get_block (document, b);
          VvBlock *y = vv_document_get_block (copy, b);

          g_assert_cmpint (vv_block_get_kind (x), ==, vv_block_get_kind (y));
          g_assert_cmpuint (vv_block_get_level (x), ==, vv_block_get_level (y));
          g_assert_cmpuint (vv_block_get_n_segments (x), ==, vv_block_get_n_segments (y));
        }
      for (guint i = 0; i < vv_document_get_n_segments (document); i++)
        {
          VvSegment *a = vv_document_get_segment (document, i);
          VvSegment *b = vv_document_get_segment (copy, i);

          g_assert_cmpuint (vv_segment_get_id (a), ==, vv_segment_get_id (b));
          g_assert_cmpstr (vv_segment_get_source (a), ==, vv_segment_get_source (b));
          g_assert_cmpstr (vv_segment_get_target (a), ==, vv_segment_get_target (b));
          g_assert_cmpint (vv_segment_get_state (a), ==, vv_segment_get_state (b));
          g_assert_cmpuint (vv_segment_get_n_comments (a), ==, vv_segment_get_n_comments (b));
          for (guint c = 0; c < vv_segment_get_n_comments (a); c++)
            {
              g_assert_cmpstr (vv_segment_get_comment (a, c)->text, ==, vv_segment_get_comment (b, c)->text);
              g_assert_cmpstr (vv_segment_get_comment (a, c)->author, ==, vv_segment_get_comment (b, c)->author);
              if (f == 1)
                g_assert_true (g_date_time_equal (vv_segment_get_comment (a, c)->time,
                                                  vv_segment_get_comment (b, c)->time));
            }
        }
    }
}

static void
test_xliff_review (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autoptr(VvDocument) before = make_document ();
  g_autoptr(GBytes) bytes = export_bytes (document, "xliff20");
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *edited = replace (text, "<target xml:space=\"preserve\">The Lyon « metro » 🚇</target>",
                                     "<target xml:space=\"preserve\">The Lyon underground 🚇</target>");
  g_autoptr(GBytes) edited_bytes = g_bytes_new (edited, strlen (edited));
  g_autoptr(VvRoundtripFile) file = read_review (edited_bytes, "edited.xlf");
  VvRoundtripReport report;

  apply_ok (document, file, &report);
  g_assert_cmpuint (report.n_targets_changed, ==, 1);
  g_assert_cmpuint (report.n_comments_added, ==, 0);
  g_assert_cmpstr (vv_segment_get_target (vv_document_lookup_segment (document, 1)), ==, "The Lyon underground 🚇");
  vv_roundtrip_report_clear (&report);
  assert_unchanged_except (before, document, 1);
}

static VvDocument *
import_data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "xliff", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  g_autoptr(GError) error = NULL;
  VvDocument *document = vv_import_file (file, segmenter, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

#define SEG(d, i) vv_document_get_segment ((d), (i))

static void
test_omegat_style (void)
{
  g_autoptr(VvDocument) document = import_data_file ("omegat-style.xlf");

  g_assert_cmpstr (vv_document_get_source_language (document), ==, "fr-FR");
  g_assert_cmpstr (vv_document_get_target_language (document), ==, "en-US");
  g_assert_cmpuint (vv_document_get_n_blocks (document), ==, 4);
  g_assert_cmpuint (vv_document_get_n_segments (document), ==, 5);
  g_assert_cmpuint (vv_block_get_n_segments (vv_document_get_block (document, 1)), ==, 2);

  /* inline <g> text kept, <x/> dropped; ids "tu1"… renumbered */
  g_assert_cmpuint (vv_segment_get_id (SEG (document, 0)), ==, 1);
  g_assert_cmpstr (vv_segment_get_source (SEG (document, 0)), ==, "Le tramway arrive à Valmont !");
  g_assert_cmpstr (vv_segment_get_target (SEG (document, 0)), ==, "The tram reaches Valmont!");
  g_assert_cmpint (vv_segment_get_state (SEG (document, 0)), ==, VV_SEGMENT_STATE_TRANSLATED);

  g_assert_cmpstr (vv_segment_get_source (SEG (document, 1)), ==, "M. Dupont a dit « bravo ».");
  g_assert_cmpstr (vv_segment_get_target (SEG (document, 1)), ==, "Mr Dupont said “well done”.");
  g_assert_cmpint (vv_segment_get_state (SEG (document, 1)), ==, VV_SEGMENT_STATE_DRAFT);
  g_assert_cmpuint (vv_segment_get_n_comments (SEG (document, 1)), ==, 1);
  g_assert_cmpstr (vv_segment_get_comment (SEG (document, 1), 0)->text, ==, "Vérifier le nom.");
  g_assert_cmpstr (vv_segment_get_source (SEG (document, 2)), ==, "Puis il est parti.");

  g_assert_cmpstr (vv_segment_get_source (SEG (document, 3)), ==, "Coût : 312,5 M€ & 1 200 arbres <plantés>.");
  g_assert_cmpint (vv_segment_get_state (SEG (document, 3)), ==, VV_SEGMENT_STATE_APPROVED);
  g_assert_cmpint (vv_segment_get_state (SEG (document, 4)), ==, VV_SEGMENT_STATE_UNTRANSLATED);
  g_assert_cmpstr (vv_document_get_title (document), ==, "omegat-style.xlf");
}

static void
test_translate_toolkit_style (void)
{
  g_autoptr(VvDocument) document = import_data_file ("translate-toolkit-style.xlf");
  const VvComment *comment;

  g_assert_cmpstr (vv_document_get_target_language (document), ==, "es");
  g_assert_cmpuint (vv_document_get_n_segments (document), ==, 4);
  /* ids made of odd characters are renumbered */
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (vv_segment_get_id (SEG (document, i)), ==, i + 1);

  g_assert_cmpstr (vv_segment_get_source (SEG (document, 0)), ==, "Le « métro » & <Lyon> 🚇");
  g_assert_cmpstr (vv_segment_get_target (SEG (document, 0)), ==, "El «metro» & <Lyon> 🚇");
  g_assert_cmpint (vv_segment_get_state (SEG (document, 0)), ==, VV_SEGMENT_STATE_APPROVED);

  /* not approved = fuzzy = draft; both notes kept, newline included */
  g_assert_cmpint (vv_segment_get_state (SEG (document, 1)), ==, VV_SEGMENT_STATE_DRAFT);
  g_assert_cmpuint (vv_segment_get_n_comments (SEG (document, 1)), ==, 2);
  comment = vv_segment_get_comment (SEG (document, 1), 0);
  g_assert_cmpstr (comment->author, ==, "translator");
  g_assert_cmpstr (comment->text, ==, "Relire\ndeux lignes");

  g_assert_cmpint (vv_segment_get_state (SEG (document, 2)), ==, VV_SEGMENT_STATE_UNTRANSLATED);
  g_assert_cmpstr (vv_segment_get_target (SEG (document, 2)), ==, "");

  g_assert_cmpstr (vv_segment_get_source (SEG (document, 3)), ==, "Texte  à deux espaces");
  g_assert_cmpstr (vv_segment_get_target (SEG (document, 3)), ==, "مرحبا بالعالم");
  g_assert_cmpint (vv_segment_get_state (SEG (document, 3)), ==, VV_SEGMENT_STATE_TRANSLATED);
}

static void
test_bad_files (void)
{
  struct { const char *data; const char *name; const char *message; } cases[] = {
    { "<html><body/></html>", "page.xlf", "not XLIFF" },
    { "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file>", "cut.xlf", "line" },
    { "PK\3\4garbage", "broken.docx", "damaged" },
    { "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 an OLE file, as Word 97 or a password-protected DOCX",
      "old.docx", "binary office document" },
    { "a,b,c\r\n1,2,3\r\n", "other.csv", "“id”" },
    { "id,target\r\n1,\"unterminated\r\n", "quote.csv", "line 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].data, strlen (cases[i].data));
      g_autoptr(GError) error = NULL;
      g_autoptr(VvRoundtripFile) file = vv_roundtrip_file_read (bytes, cases[i].name, &error);

      g_assert_null (file);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].name));
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

/* visavis-cli import-review, end to end */
static void
test_cli (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *project = g_build_filename (dir, "p.visavis", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "review.csv", NULL);
  g_autofree char *docx_path = g_build_filename (dir, "review.docx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GFile) project_file = g_file_new_for_path (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) reloaded = NULL;
  int status;

  g_assert_true (vv_project_save (document, project_file, NULL, &error));
  g_assert_no_error (error);

  status = vv_test_run_cli (NULL, NULL, &err, "export", project, "--format", "csv", "-o", csv_path, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  edited = replace (csv, "Fares <b> & \"\"quotes\"\" and €14.5M.", "Fares <b> & \"\"quotes\"\" and 14.5 million euros.");
  g_assert_true (g_file_set_contents (csv_path, edited, -1, NULL));

  g_clear_pointer (&err, g_free);
  status = vv_test_run_cli (NULL, &out, &err, "import-review", project, csv_path, "--author", "Ana", NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "5 segments read: 1 targets changed, 0 comments added, 0 states changed"));

  reloaded = vv_project_load (project_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vv_segment_get_target (vv_document_lookup_segment (reloaded, 4)), ==,
                   "Fares <b> & \"quotes\" and 14.5 million euros.");

  /* a DOCX of another project: exit 1, project untouched */
  {
    g_autoptr(VvDocument) other = vv_test_document_from_text ("Autre chose.\n");
    g_autoptr(GFile) docx = g_file_new_for_path (docx_path);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    g_assert_true (vv_export_to_file (other, "docx", NULL, docx, NULL, &error));
    g_assert_true (g_file_get_contents (project, &before, NULL, NULL));
    g_clear_pointer (&err, g_free);
    status = vv_test_run_cli (NULL, NULL, &err, "import-review", project, docx_path, NULL);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "review.docx"));
    g_assert_nonnull (strstr (err, "another project"));
    g_assert_true (g_file_get_contents (project, &after, NULL, NULL));
    g_assert_cmpstr (before, ==, after);
  }

  /* bad usage */
  status = vv_test_run_cli (NULL, NULL, NULL, "import-review", project, NULL);
  g_assert_cmpint (status, ==, 2);
  vv_test_rm_rf (dir);
}

/* visavis-cli export writes every format, byte for byte what the core writes */
static void
test_cli_export_all (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *project = g_build_filename (dir, "p.visavis", NULL);
  g_autoptr(GFile) project_file = g_file_new_for_path (project);
  g_autoptr(VvDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  const VvExportFormat *formats;
  guint n;

  g_assert_true (vv_project_save (document, project_file, NULL, &error));
  reloaded = vv_project_load (project_file, NULL, &error);
  g_assert_no_error (error);

  formats = vv_export_get_formats (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *out = g_build_filename (dir, formats[i].id, NULL);
      g_autofree char *err = NULL;
      g_autofree char *written = NULL;
      gsize length;
      g_autoptr(GBytes) expected = export_bytes (reloaded, formats[i].id);
      int status = vv_test_run_cli (NULL, NULL, &err, "export", project, "--format", formats[i].id,
                                    "-o", out, NULL);

      g_assert_cmpstr (err, ==, "");
      g_assert_cmpint (status, ==, 0);
      g_assert_true (g_file_get_contents (out, &written, &length, NULL));
      g_assert_cmpmem (written, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
    }
  g_assert_cmpint (vv_test_run_cli (NULL, NULL, NULL, "export", project, "--format", "nonsense", "-o", "x", NULL), ==, 2);
  vv_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/roundtrip/unchanged-is-noop", test_unchanged_is_noop);
  g_test_add_func ("/roundtrip/csv-parses-back", test_csv_parses_back);
  g_test_add_func ("/roundtrip/csv-edit", test_csv_edit);
  g_test_add_func ("/roundtrip/source-mismatch", test_source_mismatch_and_unknown);
  g_test_add_func ("/roundtrip/other-project", test_other_project);
  g_test_add_func ("/roundtrip/docx-edit", test_docx_edit);
  g_test_add_func ("/roundtrip/odt-edit", test_odt_edit);
  g_test_add_func ("/roundtrip/xliff-reimport", test_xliff_reimport);
  g_test_add_func ("/roundtrip/xliff-review", test_xliff_review);
  g_test_add_func ("/roundtrip/omegat-style", test_omegat_style);
  g_test_add_func ("/roundtrip/translate-toolkit-style", test_translate_toolkit_style);
  g_test_add_func ("/roundtrip/bad-files", test_bad_files);
  g_test_add_func ("/roundtrip/cli", test_cli);
  g_test_add_func ("/roundtrip/cli-export-all", test_cli_export_all);

  return g_test_run ();
}
