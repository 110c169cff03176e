/* test-export-formats.c: every exporter, on a document full of hard cases
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "vv-test-utils.h"

/* Texts that break naive writers: markup characters, quotes, « », emoji
 * outside the BMP, right-to-left text, runs of spaces, tabs */
#define SRC_MARKUP "Les tarifs <b> & \"guillemets\" 'simples' et 14,5 M€."
#define TGT_MARKUP "Fares <b> & \"quotes\" 'single' and €14.5M 🚇."
#define TGT_RTL "مرحبا بالعالم — שלום"
#define COMMENT_MULTI "Ligne 1 « ok »\nLigne 2 & <fin>"

static VvDocument *
make_document (void)
{
  VvDocument *document = vv_test_document_from_text (
    "Le « métro » de Lyon 🚇\n"
    "\n"
    "M. Dupont a dit : « C'est génial ! » Puis il est parti.  Deux  espaces.\n"
    "\n"
    SRC_MARKUP "\n");
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 12, 8, 15, 0);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 3, 13, 9, 30, 5);
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  VvSegment *segment;
  VvBlock *block;

  vv_document_set_target_language (document, "en_GB");
  vv_document_set_source_uri (document, "https://exemple.fr/métro?a=1&b=2");
  vv_document_set_created (document, when);
  vv_document_set_changed (document, later);

  /* 0: title, approved, with history */
  segment = vv_document_get_segment (document, 0);
  vv_segment_set_target (segment, "The Lyon « metro » 🚇");
  vv_segment_add_history (segment, vv_history_entry_new (when, "Zoé Lefèvre", VV_SEGMENT_STATE_TRANSLATED,
                                                         "The Lyon metro", "human"));
  vv_segment_add_history (segment, vv_history_entry_new (later, "Relectrice", VV_SEGMENT_STATE_APPROVED,
                                                         "The Lyon « metro » 🚇", "human"));
  vv_segment_set_state (segment, VV_SEGMENT_STATE_APPROVED);

  /* 1: draft (MT) with a multi-line comment */
  segment = vv_document_get_segment (document, 1);
  vv_segment_set_target (segment, "Mr Dupont said: “It's great!”");
  vv_segment_set_origin (segment, "mt:apertium");
  vv_segment_set_state (segment, VV_SEGMENT_STATE_DRAFT);
  vv_segment_add_comment (segment, vv_comment_new ("Relectrice", when, COMMENT_MULTI, FALSE));

  /* 2: untranslated (empty target) */

  /* 3: translated, RTL text */
  segment = vv_document_get_segment (document, 3);
  vv_segment_set_target (segment, TGT_RTL);
  vv_segment_commit (segment, VV_SEGMENT_STATE_TRANSLATED, "Zoé Lefèvre");

  /* 4: needs changes, markup characters */
  segment = vv_document_get_segment (document, 4);
  vv_segment_set_target (segment, TGT_MARKUP);
  vv_segment_set_state (segment, VV_SEGMENT_STATE_NEEDS_CHANGES);
  vv_segment_add_comment (segment, vv_comment_new ("Relectrice", later, "Trop littéral.", TRUE));

  vv_document_append_text_block (document, VV_BLOCK_KIND_HEADING, 2, "Un intertitre", NULL);
  vv_document_append_text_block (document, VV_BLOCK_KIND_LIST_ITEM, 0, "Premier point", NULL);
  vv_document_append_text_block (document, VV_BLOCK_KIND_LIST_ITEM, 0, "Second point", NULL);
  block = vv_document_append_text_block (document, VV_BLOCK_KIND_BOILERPLATE, 0,
                                         "Suivez-nous sur Telegram.", segmenter);
  g_assert_true (vv_block_is_excluded (block));
  return document;
}

static GBytes *
export_bytes (VvDocument            *document,
              const char            *format,
              const VvExportOptions *options)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (vv_export_to_stream (document, format, options, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
export_string (VvDocument *document,
               const char *format)
{
  g_autoptr(GBytes) bytes = export_bytes (document, format, NULL);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
write_tmp (const char *dir,
           const char *name,
           GBytes     *bytes)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

/* Runs ../shared/schemas/validate.sh on the file, when the shared folder is there */
static void
assert_validates (const char *path)
{
  g_autofree char *validator = vv_test_shared_path ("schemas", "validate.sh", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "bash", NULL, "--quiet", path, NULL };

  if (validator == NULL)
    {
      g_test_message ("../shared/schemas absent: schema validation skipped");
      return;
    }
  argv[1] = validator;
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("validate.sh rejects %s:\n%s%s", path, out, err);
  g_test_message ("%s", out);
}

static xmlDocPtr
parse_xml (const char *data,
           gsize       length)
{
  xmlDocPtr doc = xmlReadMemory (data, length, "export.xml", NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

static int
xpath_count (xmlDocPtr   doc,
             const char *expr,
             ...)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  const char *prefix;
  va_list args;
  int n;

  va_start (args, expr);
  while ((prefix = va_arg (args, const char *)) != NULL)
    xmlXPathRegisterNs (ctx, BAD_CAST prefix, BAD_CAST va_arg (args, const char *));
  va_end (args);

  result = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  g_assert_nonnull (result);
  n = result->nodesetval ? result->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (ctx);
  return n;
}

static char *
xpath_string (xmlDocPtr   doc,
              const char *expr,
              const char *prefix,
              const char *uri)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  xmlChar *str;
  char *value;

  if (prefix != NULL)
    xmlXPathRegisterNs (ctx, BAD_CAST prefix, BAD_CAST uri);
  result = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  g_assert_nonnull (result);
  str = xmlXPathCastToString (result);
  value = g_strdup (str != NULL ? (const char *)str : "");
  xmlFree (str);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (ctx);
  return value;
}

#define XLF12 "x", "urn:oasis:names:tc:xliff:document:1.2"
#define XLF20 "x", "urn:oasis:names:tc:xliff:document:2.0"

static void
test_xliff12 (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autoptr(GBytes) bytes = export_bytes (document, "xliff12", NULL);
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *path = write_tmp (dir, "out.xlf", bytes);
  xmlDocPtr doc = parse_xml (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *text = NULL;

  assert_validates (path);

  /* 8 included segments (boilerplate left out), one group per block */
  g_assert_cmpint (xpath_count (doc, "//x:trans-unit", XLF12, NULL), ==, 8);
  g_assert_cmpint (xpath_count (doc, "//x:group[@restype='x-heading-2']", XLF12, NULL), ==, 1);
  g_assert_cmpint (xpath_count (doc, "//x:group[@restype='x-boilerplate']", XLF12, NULL), ==, 0);
  /* only the approved unit says approved="yes" */
  g_assert_cmpint (xpath_count (doc, "//x:trans-unit[@approved='yes']", XLF12, NULL), ==, 1);
  g_assert_cmpint (xpath_count (doc, "//x:trans-unit[@approved='yes']/x:target[@state='signed-off']", XLF12, NULL), ==, 1);
  g_assert_cmpint (xpath_count (doc, "//x:target[@state='needs-review-translation']", XLF12, NULL), ==, 1);
  g_assert_cmpint (xpath_count (doc, "//x:target[@state='translated']", XLF12, NULL), ==, 1);
  g_assert_cmpint (xpath_count (doc, "//x:target[@state='needs-translation'][@state-qualifier='rejected-inaccurate']", XLF12, NULL), ==, 1);
  /* untranslated units have no target */
  g_assert_cmpint (xpath_count (doc, "//x:target", XLF12, NULL), ==, 4);
  g_assert_cmpint (xpath_count (doc, "//x:target[@xml:lang='en-GB']", XLF12, NULL), ==, 4);

  /* text survives exactly */
  text = xpath_string (doc, "string(//x:trans-unit[@id='5']/x:target)", XLF12);
  g_assert_cmpstr (text, ==, TGT_MARKUP);
  g_free (text);
  text = xpath_string (doc, "string(//x:trans-unit[@id='4']/x:target)", XLF12);
  g_assert_cmpstr (text, ==, TGT_RTL);
  g_free (text);
  text = xpath_string (doc, "string(//x:trans-unit[@id='2']/x:note[@from='Relectrice'])", XLF12);
  g_assert_cmpstr (text, ==, COMMENT_MULTI);

  xmlFreeDoc (doc);
  vv_test_rm_rf (dir);
}

static void
test_xliff20 (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  xmlDocPtr doc;

  /* a control character is written as <cp/> */
  vv_segment_set_target (vv_document_get_segment (document, 3), "bell\aring");
  bytes = export_bytes (document, "xliff20", NULL);
  path = write_tmp (dir, "out.xlf", bytes);
  doc = parse_xml (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  assert_validates (path);

  g_assert_cmpint (xpath_count (doc, "//x:unit", XLF20, NULL), ==, 8);
  g_assert_cmpint (xpath_count (doc, "//x:segment[@state='final'][@subState='visavis:approved']", XLF20, NULL), ==, 1);
  g_assert_cmpint (xpath_count (doc, "//x:segment[@state='initial'][@subState='visavis:draft']", XLF20, NULL), ==, 1);
  g_assert_cmpint (xpath_count (doc, "//x:segment[@state='translated']", XLF20, NULL), ==, 1);
  g_assert_cmpint (xpath_count (doc, "//x:segment[@subState='visavis:needs-changes']", XLF20, NULL), ==, 1);
  g_assert_cmpint (xpath_count (doc, "//x:segment[@subState='visavis:untranslated'][not(x:target)]", XLF20, NULL), ==, 4);
  g_assert_cmpint (xpath_count (doc, "//x:unit[@id='4']//x:target/x:cp[@hex='0007']", XLF20, NULL), ==, 1);
  g_assert_cmpint (xpath_count (doc, "//x:unit[@id='2']/x:notes/x:note[@category='comment']", XLF20, NULL), ==, 1);

  text = xpath_string (doc, "string(//x:unit[@id='5']//x:target)", XLF20);
  g_assert_cmpstr (text, ==, TGT_MARKUP);
  g_free (text);
  text = xpath_string (doc, "string(//x:unit[@id='2']/x:notes/x:note)", XLF20);
  g_assert_cmpstr (text, ==, COMMENT_MULTI);

  xmlFreeDoc (doc);
  vv_test_rm_rf (dir);
}

static void
test_tmx (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autoptr(GBytes) bytes = export_bytes (document, "tmx", NULL);
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *path = write_tmp (dir, "out.tmx", bytes);
  xmlDocPtr doc = parse_xml (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *text = NULL;
  VvExportOptions options;

  assert_validates (path);

  /* translated + approved only */
  g_assert_cmpint (xpath_count (doc, "//tu", NULL), ==, 2);
  g_assert_cmpint (xpath_count (doc, "//tu[@tuid='1'][@creationdate='20260312T081500Z']"
                                "[@changedate='20260313T093005Z'][@creationid='Zoé Lefèvre']"
                                "[@changeid='Relectrice']", NULL), ==, 1);
  g_assert_cmpint (xpath_count (doc, "//tu[@tuid='4'][@changeid='Zoé Lefèvre']", NULL), ==, 1);
  g_assert_cmpint (xpath_count (doc, "//tuv[@xml:lang='fr']", NULL), ==, 2);
  g_assert_cmpint (xpath_count (doc, "//tuv[@xml:lang='en-GB']", NULL), ==, 2);
  text = xpath_string (doc, "string(//tu[@tuid='4']/tuv[@xml:lang='en-GB']/seg)", NULL, NULL);
  g_assert_cmpstr (text, ==, TGT_RTL);
  xmlFreeDoc (doc);

  /* only approved: one unit */
  vv_export_options_init (&options);
  options.only_approved = TRUE;
  g_bytes_unref (bytes);
  bytes = export_bytes (document, "tmx", &options);
  doc = parse_xml (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpint (xpath_count (doc, "//tu", NULL), ==, 1);
  xmlFreeDoc (doc);

  vv_test_rm_rf (dir);
}

static void
test_control_characters_refused (void)
{
  const char *formats[] = { "xliff12", "tmx", "html", "docx", "odt", "html-article" };
  g_autoptr(VvDocument) document = make_document ();

  vv_segment_set_target (vv_document_get_segment (document, 3), "bell\aring");
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(GError) error = NULL;

      g_assert_false (vv_export_to_stream (document, formats[i], NULL, out, NULL, &error));
      g_assert_error (error, VV_EXPORT_ERROR, VV_EXPORT_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, "U+0007"));
      g_assert_nonnull (strstr (error->message, "segment 4"));
    }
}

static void
test_po (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autoptr(GBytes) bytes = export_bytes (document, "po", NULL);
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *path = write_tmp (dir, "out.po", bytes);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  guint fuzzy = 0;

  for (const char *p = text; (p = strstr (p, "#, fuzzy")) != NULL; p++)
    fuzzy++;
  g_assert_cmpuint (fuzzy, ==, 2);   /* the draft and the needs-changes segment */
  g_assert_nonnull (strstr (text, "msgctxt \"5\"\nmsgid \"Les tarifs <b> & \\\"guillemets\\\" 'simples' et 14,5 M€.\"\n"));
  g_assert_nonnull (strstr (text, "# Relectrice (2026-03-12 08:15): Ligne 1 « ok »\n# Ligne 2 & <fin>\n"));
  g_assert_nonnull (strstr (text, "msgctxt \"3\"\nmsgid \"Puis il est parti.\"\nmsgstr \"\"\n"));

  if (msgfmt != NULL)
    {
      g_autofree char *mo = g_build_filename (dir, "out.mo", NULL);
      const char *argv[] = { msgfmt, "--check", "-o", mo, path, NULL };
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, NULL, &err, &status, &error);
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("msgfmt --check rejects the PO export:\n%s", err);
    }
  else
    g_test_message ("msgfmt not installed: PO check skipped");
  assert_validates (path);
  vv_test_rm_rf (dir);
}

static void
test_csv (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autofree char *csv = export_string (document, "csv");
  g_autofree char *tsv = export_string (document, "tsv");

  g_assert_true (g_str_has_prefix (csv, "id,source,target,state,comments\r\n"
                                   "1,Le « métro » de Lyon 🚇,The Lyon « metro » 🚇,approved,\r\n"
                                   "2,M. Dupont a dit : « C'est génial ! »,Mr Dupont said: “It's great!”,draft,"
                                   "\"Relectrice (2026-03-12 08:15): Ligne 1 « ok »\nLigne 2 & <fin>\"\r\n"
                                   "3,Puis il est parti.,,untranslated,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n5,\"Les tarifs <b> & \"\"guillemets\"\" 'simples' et 14,5 M€.\","
                            "\"Fares <b> & \"\"quotes\"\" 'single' and €14.5M 🚇.\",needs-changes,"
                            "Relectrice (2026-03-13 09:30) ✓: Trop littéral.\r\n"));
  g_assert_true (g_str_has_prefix (tsv, "id\tsource\ttarget\tstate\tcomments\r\n"
                                   "1\tLe « métro » de Lyon 🚇\tThe Lyon « metro » 🚇\tapproved\t\r\n"));
  g_assert_true (g_str_has_suffix (csv, "\r\n8,Second point,,untranslated,\r\n"));
}

static void
test_markdown_and_html_article (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autofree char *md = export_string (document, "md");
  g_autofree char *html = export_string (document, "html-article");
  g_autoptr(GBytes) bytes = export_bytes (document, "html-article", NULL);
  xmlDocPtr doc;

  g_assert_cmpstr (md, ==,
                   "# The Lyon « metro » 🚇\n"
                   "\n"
                   "Mr Dupont said: “It's great!” Puis il est parti. " TGT_RTL "\n"
                   "\n"
                   "Fares \\<b> & \"quotes\" 'single' and €14.5M 🚇.\n"
                   "\n"
                   "## Un intertitre\n"
                   "\n"
                   "- Premier point\n"
                   "- Second point\n");

  /* polyglot HTML: parses as XML, headings stay headings */
  doc = parse_xml ((const char *)g_bytes_get_data (bytes, NULL) + 16, g_bytes_get_size (bytes) - 16);
  g_assert_cmpint (xpath_count (doc, "//h:h1", "h", "http://www.w3.org/1999/xhtml", NULL), ==, 1);
  g_assert_cmpint (xpath_count (doc, "//h:h3", "h", "http://www.w3.org/1999/xhtml", NULL), ==, 1);
  g_assert_cmpint (xpath_count (doc, "//h:ul/h:li", "h", "http://www.w3.org/1999/xhtml", NULL), ==, 2);
  g_assert_cmpint (xpath_count (doc, "//h:p", "h", "http://www.w3.org/1999/xhtml", NULL), ==, 2);
  g_assert_cmpint (xpath_count (doc, "/h:html[@lang='en-GB']", "h", "http://www.w3.org/1999/xhtml", NULL), ==, 1);
  g_assert_nonnull (strstr (html, "Fares &lt;b&gt; &amp; "));
  xmlFreeDoc (doc);
}

/* Reads a ZIP member with libgsf */
static char *
zip_member (GBytes     *zip_bytes,
            const char *name,
            gsize      *length)
{
  GsfInput *input = gsf_input_memory_new (g_bytes_get_data (zip_bytes, NULL),
                                          g_bytes_get_size (zip_bytes), FALSE);
  g_autoptr(GError) error = NULL;
  GsfInfile *zip = gsf_infile_zip_new (input, &error);
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);
  GsfInput *member;
  gsf_off_t size;
  char *data;

  g_assert_no_error (error);
  g_assert_nonnull (zip);
  member = gsf_infile_child_by_aname (zip, (const char **)parts);
  if (member == NULL)
    g_error ("ZIP member %s missing", name);
  size = gsf_input_size (member);
  data = g_malloc (size + 1);
  g_assert_nonnull (gsf_input_read (member, size, (guint8 *)data));
  data[size] = '\0';
  *length = size;
  g_object_unref (member);
  g_object_unref (zip);
  g_object_unref (input);
  return data;
}

static void
assert_contains_all_texts (VvDocument *document,
                           const char *text)
{
  for (guint i = 0; i < vv_document_get_n_segments (document); i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);

      if (vv_segment_is_excluded (segment))
        {
          g_assert_null (strstr (text, vv_segment_get_source (segment)));
          continue;
        }
      if (strstr (text, vv_segment_get_source (segment)) == NULL)
        g_error ("source of segment %u missing", vv_segment_get_id (segment));
      if (strstr (text, vv_segment_get_target (segment)) == NULL)
        g_error ("target of segment %u missing", vv_segment_get_id (segment));
    }
}

#define NS_W "w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

static void
test_docx (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autoptr(GBytes) bytes = export_bytes (document, "docx", NULL);
  const char *parts[] = { "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                          "docProps/core.xml", "word/styles.xml", "word/document.xml" };
  g_autofree char *body = NULL;
  xmlDocPtr doc = NULL;
  gsize length;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *data = zip_member (bytes, parts[i], &length);
      xmlDocPtr part = parse_xml (data, length);

      if (g_str_equal (parts[i], "[Content_Types].xml"))
        g_assert_cmpint (xpath_count (part, "//c:Override[@PartName='/word/document.xml']",
                                      "c", "http://schemas.openxmlformats.org/package/2006/content-types", NULL), ==, 1);
      if (g_str_equal (parts[i], "word/styles.xml"))
        {
          g_assert_cmpint (xpath_count (part, "//w:style[@w:styleId='VvSource']/w:rPr/w:lang[@w:val='fr']", NS_W, NULL), ==, 1);
          g_assert_cmpint (xpath_count (part, "//w:style[@w:styleId='VvTarget']/w:rPr/w:lang[@w:val='en-GB']", NS_W, NULL), ==, 1);
          g_assert_cmpint (xpath_count (part, "//w:style[@w:styleId='Heading2']", NS_W, NULL), ==, 1);
        }
      if (g_str_equal (parts[i], "word/document.xml"))
        doc = part;
      else
        xmlFreeDoc (part);
    }

  /* header + 8 rows of 5 cells; runs tagged with their language */
  g_assert_cmpint (xpath_count (doc, "//w:tbl/w:tr", NS_W, NULL), ==, 9);
  g_assert_cmpint (xpath_count (doc, "//w:tbl/w:tr[2]/w:tc", NS_W, NULL), ==, 5);
  g_assert_cmpint (xpath_count (doc, "//w:tc[w:p/w:pPr/w:pStyle/@w:val='VvSource']//w:r[w:rPr/w:lang/@w:val='fr']", NS_W, NULL), ==, 8);
  g_assert_cmpint (xpath_count (doc, "//w:tc[w:p/w:pPr/w:pStyle/@w:val='VvTarget']//w:r[w:rPr/w:lang/@w:val='en-GB']", NS_W, NULL), ==, 4);
  /* the comment's newline is a line break */
  g_assert_cmpint (xpath_count (doc, "//w:p[w:pPr/w:pStyle/@w:val='VvComment']//w:br", NS_W, NULL), ==, 1);
  body = xpath_string (doc, "string(//w:body)", NS_W);
  assert_contains_all_texts (document, body);
  xmlFreeDoc (doc);
}

#define NS_TEXT "text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"

static void
test_odt (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autoptr(GBytes) bytes = export_bytes (document, "odt", NULL);
  const char *parts[] = { "mimetype", "META-INF/manifest.xml", "meta.xml", "styles.xml", "content.xml" };
  const guint8 *raw = g_bytes_get_data (bytes, NULL);
  g_autofree char *text = NULL;
  xmlDocPtr doc = NULL;
  gsize length;

  /* ODF: "mimetype" first, stored, no extra field */
  g_assert_cmpmem (raw, 4, "PK\3\4", 4);
  g_assert_cmpint (raw[8] | raw[9] << 8, ==, 0);         /* stored */
  g_assert_cmpint (raw[26] | raw[27] << 8, ==, 8);       /* name length */
  g_assert_cmpint (raw[28] | raw[29] << 8, ==, 0);       /* extra length */
  g_assert_cmpmem (raw + 30, 8, "mimetype", 8);
  g_assert_cmpmem (raw + 38, 39, "application/vnd.oasis.opendocument.text", 39);

  for (guint i = 1; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *data = zip_member (bytes, parts[i], &length);
      xmlDocPtr part = parse_xml (data, length);

      if (g_str_equal (parts[i], "styles.xml"))
        {
          g_assert_cmpint (xpath_count (part, "//style:style[@style:name='VvTarget']/style:text-properties"
                                        "[@fo:language='en'][@fo:country='GB']",
                                        "style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
                                        "fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
                                        NULL), ==, 1);
        }
      if (g_str_equal (parts[i], "content.xml"))
        doc = part;
      else
        xmlFreeDoc (part);
    }

  g_assert_cmpint (xpath_count (doc, "//table:table/table:table-row", NS_TABLE, NULL), ==, 8);
  g_assert_cmpint (xpath_count (doc, "//table:table/table:table-header-rows/table:table-row", NS_TABLE, NULL), ==, 1);
  g_assert_cmpint (xpath_count (doc, "//text:p[@text:style-name='VvComment']/text:line-break", NS_TEXT, NULL), ==, 1);
  /* two spaces in a row: one kept as text, the second as text:s */
  g_assert_cmpint (xpath_count (doc, "//text:p[@text:style-name='VvSource']//text:s", NS_TEXT, NULL), ==, 1);
  text = xpath_string (doc, "string(//table:table)", NS_TABLE);
  /* ODF white space: compare without the spaces that text:s carries */
  {
    g_autoptr(GRegex) spaces = g_regex_new (" +", 0, 0, NULL);
    g_autofree char *squeezed = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
    g_autoptr(VvDocument) copy = make_document ();
    VvSegment *two = vv_document_get_segment (copy, 3);

    g_assert_cmpstr (vv_segment_get_source (two), ==, "Deux  espaces.");
    g_assert_nonnull (strstr (squeezed, "Deux espaces."));
    g_assert_nonnull (strstr (squeezed, TGT_MARKUP));
    g_assert_nonnull (strstr (squeezed, TGT_RTL));
  }
  xmlFreeDoc (doc);
}

/* Same project → same bytes, also after saving and loading the project */
static void
test_byte_stable (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autoptr(VvDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  const VvExportFormat *formats;
  gsize length;
  guint n;

  data = vv_project_to_data (document, &length);
  reloaded = vv_project_from_data (data, length, "p.visavis", &error);
  g_assert_no_error (error);

  formats = vv_export_get_formats (&n);
  g_assert_cmpuint (n, >=, 14);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GBytes) a = export_bytes (document, formats[i].id, NULL);
      g_autoptr(GBytes) b = export_bytes (document, formats[i].id, NULL);
      g_autoptr(GBytes) c = export_bytes (reloaded, formats[i].id, NULL);

      g_test_message ("%s: %" G_GSIZE_FORMAT " bytes", formats[i].id, g_bytes_get_size (a));
      g_assert_cmpuint (g_bytes_get_size (a), >, 0);
      if (!g_bytes_equal (a, b) || !g_bytes_equal (a, c))
        g_error ("export to %s is not byte-stable", formats[i].id);
    }
}

static void
test_options (void)
{
  g_autoptr(VvDocument) document = make_document ();
  VvExportOptions options;
  g_autofree char *csv = NULL;
  g_autoptr(GBytes) bytes = NULL;

  vv_export_options_init (&options);
  options.include_boilerplate = TRUE;
  options.include_comments = FALSE;
  options.include_states = FALSE;
  options.only_approved = TRUE;
  bytes = export_bytes (document, "csv", &options);
  csv = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (g_str_has_prefix (csv, "id,source,target\r\n1,Le « métro » de Lyon 🚇,The Lyon « metro » 🚇\r\n"
                                   "2,M. Dupont a dit : « C'est génial ! »,\r\n"));
  g_assert_true (g_str_has_suffix (csv, "9,Suivez-nous sur Telegram.,\r\n"));
}

int
main (int    argc,
      char **argv)
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/export/xliff12", test_xliff12);
  g_test_add_func ("/export/xliff20", test_xliff20);
  g_test_add_func ("/export/tmx", test_tmx);
  g_test_add_func ("/export/control-characters", test_control_characters_refused);
  g_test_add_func ("/export/po", test_po);
  g_test_add_func ("/export/csv", test_csv);
  g_test_add_func ("/export/markdown-html-article", test_markdown_and_html_article);
  g_test_add_func ("/export/docx", test_docx);
  g_test_add_func ("/export/odt", test_odt);
  g_test_add_func ("/export/byte-stable", test_byte_stable);
  g_test_add_func ("/export/options", test_options);

  return g_test_run ();
}
