/* vv-export-odt.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "vv-block.h"
#include "vv-document.h"
#include "vv-export-private.h"
#include "vv-exporter.h"
#include "vv-segment.h"

/* OpenDocument text (ODF 1.3), written part by part with libxml2's writer
 * into a libgsf ZIP whose first member is the stored "mimetype".
 *
 * Bilingual: a landscape page with the title and one table, one row per
 * segment: id | source | target [| state] [| comments]. Cell paragraphs use
 * the common styles VvId, VvSource, VvTarget, VvState, VvComment (in
 * styles.xml, with the languages of source and target), and the text sits
 * in spans whose automatic styles carry the language too. The project key
 * is a meta:user-defined field "visavis-project" in meta.xml.
 *
 * Article: the translated article with Title, Heading N (text:h with
 * outline levels), List paragraphs, Quotations and Caption. */

#define W(call) G_STMT_START { if ((call) < 0) goto out; } G_STMT_END
#define E(...) W (_vv_xml_empty (w, __VA_ARGS__, NULL))
#define S(...) W (_vv_xml_start (w, __VA_ARGS__, NULL))
#define END() W (xmlTextWriterEndElement (w))

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
#define MIMETYPE "application/vnd.oasis.opendocument.text"

static int
write_namespaces (xmlTextWriterPtr w)
{
  if (xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:office", BAD_CAST NS_OFFICE) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:style", BAD_CAST NS_STYLE) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:text", BAD_CAST NS_TEXT) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:table", BAD_CAST NS_TABLE) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:fo", BAD_CAST NS_FO) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:meta", BAD_CAST NS_META) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:dc", BAD_CAST NS_DC) < 0)
    return -1;
  return xmlTextWriterWriteAttribute (w, BAD_CAST "office:version", BAD_CAST "1.3");
}

/* "fr-FR" → language "fr", country "FR" (or none) */
static void
split_language (const char  *tag,
                char       **language,
                char       **country)
{
  g_auto(GStrv) parts = g_strsplit (tag, "-", 3);

  *language = g_strdup (parts[0]);
  *country = parts[0] && parts[1] && strlen (parts[1]) == 2 ? g_strdup (parts[1]) : NULL;
}

static gboolean
write_manifest (VvZipWriter *zip)
{
  xmlTextWriterPtr w = _vv_zip_writer_begin_xml (zip, "META-INF/manifest.xml");

  S ("manifest:manifest", "xmlns:manifest", NS_MANIFEST, "manifest:version", "1.3");
  E ("manifest:file-entry", "manifest:full-path", "/", "manifest:version", "1.3", "manifest:media-type", MIMETYPE);
  E ("manifest:file-entry", "manifest:full-path", "content.xml", "manifest:media-type", "text/xml");
  E ("manifest:file-entry", "manifest:full-path", "styles.xml", "manifest:media-type", "text/xml");
  E ("manifest:file-entry", "manifest:full-path", "meta.xml", "manifest:media-type", "text/xml");
  END ();
out:
  return _vv_zip_writer_end_xml (zip);
}

static gboolean
write_meta (VvZipWriter *zip,
            VvDocument  *document,
            const char  *language)
{
  xmlTextWriterPtr w = _vv_zip_writer_begin_xml (zip, "meta.xml");
  g_autofree char *key = _vv_export_document_key (document);
  g_autofree char *created = _vv_export_format_date (vv_document_get_created (document), "%Y-%m-%dT%H:%M:%SZ");

  S ("office:document-meta");
  W (write_namespaces (w));
  S ("office:meta");
  W (xmlTextWriterWriteElement (w, BAD_CAST "meta:generator", BAD_CAST "Vis-à-vis/" PACKAGE_VERSION));
  W (xmlTextWriterWriteElement (w, BAD_CAST "dc:title", BAD_CAST vv_document_get_title (document)));
  W (xmlTextWriterWriteElement (w, BAD_CAST "dc:language", BAD_CAST language));
  W (xmlTextWriterWriteElement (w, BAD_CAST "meta:creation-date", BAD_CAST created));
  S ("meta:user-defined", "meta:name", "visavis-project");
  W (xmlTextWriterWriteString (w, BAD_CAST key));
  END ();
  END ();
  END ();
out:
  return _vv_zip_writer_end_xml (zip);
}

static int
write_paragraph_style (xmlTextWriterPtr  w,
                       const char       *name,
                       const char       *display_name,
                       const char       *parent,
                       const char       *size,
                       gboolean          bold,
                       gboolean          italic,
                       const char       *color,
                       const char       *language_tag,
                       int               outline)
{
  g_autofree char *language = NULL;
  g_autofree char *country = NULL;
  g_autofree char *level = g_strdup_printf ("%d", outline);

  S ("style:style", "style:name", name, "style:display-name", display_name, "style:family", "paragraph");
  if (parent != NULL)
    W (xmlTextWriterWriteAttribute (w, BAD_CAST "style:parent-style-name", BAD_CAST parent));
  if (outline > 0)
    W (xmlTextWriterWriteAttribute (w, BAD_CAST "style:default-outline-level", BAD_CAST level));
  E ("style:paragraph-properties", "fo:margin-top", outline >= 0 ? "0.3cm" : "0cm",
     "fo:margin-bottom", "0.15cm");
  S ("style:text-properties");
  if (size != NULL)
    W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:font-size", BAD_CAST size));
  if (bold)
    W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:font-weight", BAD_CAST "bold"));
  if (italic)
    W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:font-style", BAD_CAST "italic"));
  if (color != NULL)
    W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:color", BAD_CAST color));
  if (language_tag != NULL)
    {
      split_language (language_tag, &language, &country);
      W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:language", BAD_CAST language));
      if (country != NULL)
        W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:country", BAD_CAST country));
    }
  END ();
  END ();
  return 0;
out:
  return -1;
}

static gboolean
write_styles (VvZipWriter *zip,
              const char  *source_lang,
              const char  *target_lang,
              gboolean     landscape)
{
  xmlTextWriterPtr w = _vv_zip_writer_begin_xml (zip, "styles.xml");

  S ("office:document-styles");
  W (write_namespaces (w));
  S ("office:styles");
  S ("style:default-style", "style:family", "paragraph");
  E ("style:text-properties", "style:font-name", "Liberation Sans", "fo:font-family", "'Liberation Sans'",
     "fo:font-size", "10.5pt");
  END ();
  W (write_paragraph_style (w, "Standard", "Default Paragraph Style", NULL, NULL, FALSE, FALSE, NULL, NULL, -1));
  W (write_paragraph_style (w, "Title", "Title", "Standard", "20pt", TRUE, FALSE, NULL, NULL, 0));
  for (int level = 1; level <= 6; level++)
    {
      g_autofree char *name = g_strdup_printf ("Heading_20_%d", level);
      g_autofree char *display = g_strdup_printf ("Heading %d", level);
      g_autofree char *size = g_strdup_printf ("%dpt", 17 - level);
      W (write_paragraph_style (w, name, display, "Standard", size, TRUE, level >= 5, NULL, NULL, level));
    }
  W (write_paragraph_style (w, "List_20_Paragraph", "List Paragraph", "Standard", NULL, FALSE, FALSE, NULL, NULL, -1));
  W (write_paragraph_style (w, "Quotations", "Quotations", "Standard", NULL, FALSE, TRUE, "#404040", NULL, -1));
  W (write_paragraph_style (w, "Caption", "Caption", "Standard", "9pt", FALSE, TRUE, "#595959", NULL, -1));
  W (write_paragraph_style (w, "VvHeader", "Vis-à-vis Column Header", "Standard", "9pt", TRUE, FALSE, "#404040", NULL, -1));
  W (write_paragraph_style (w, "VvId", "Vis-à-vis Segment Id", "Standard", "8pt", FALSE, FALSE, "#808080", NULL, -1));
  W (write_paragraph_style (w, "VvSource", "Vis-à-vis Source", "Standard", NULL, FALSE, FALSE, NULL, source_lang, -1));
  W (write_paragraph_style (w, "VvTarget", "Vis-à-vis Target", "Standard", NULL, FALSE, FALSE, NULL, target_lang, -1));
  W (write_paragraph_style (w, "VvState", "Vis-à-vis State", "Standard", "8pt", FALSE, FALSE, "#595959", NULL, -1));
  W (write_paragraph_style (w, "VvComment", "Vis-à-vis Comment", "Standard", "8pt", FALSE, FALSE, "#7f3f00", NULL, -1));
  END (); /* styles */

  S ("office:automatic-styles");
  S ("style:page-layout", "style:name", "VvPage");
  if (landscape)
    E ("style:page-layout-properties", "fo:page-width", "29.7cm", "fo:page-height", "21cm",
       "style:print-orientation", "landscape", "fo:margin-top", "2cm", "fo:margin-bottom", "2cm",
       "fo:margin-left", "2cm", "fo:margin-right", "2cm");
  else
    E ("style:page-layout-properties", "fo:page-width", "21cm", "fo:page-height", "29.7cm",
       "style:print-orientation", "portrait", "fo:margin-top", "2cm", "fo:margin-bottom", "2cm",
       "fo:margin-left", "2cm", "fo:margin-right", "2cm");
  END ();
  END ();
  S ("office:master-styles");
  E ("style:master-page", "style:name", "Standard", "style:page-layout-name", "VvPage");
  END ();
  END ();
out:
  return _vv_zip_writer_end_xml (zip);
}

/* Text inside a paragraph: runs of spaces, tabs and newlines become
 * text:s, text:tab and text:line-break, since ODF collapses white space */
static int
write_text (xmlTextWriterPtr  w,
            const char       *text)
{
  gboolean after_space = TRUE;   /* a leading space must be kept too */
  GString *run = g_string_new (NULL);
  int ret = -1;

  for (const char *p = text; ; p++)
    {
      char c = *p;

      if (c == '\0' || c == '\t' || c == '\n' || (c == ' ' && after_space))
        {
          if (run->len > 0 && xmlTextWriterWriteString (w, BAD_CAST run->str) < 0)
            goto out;
          g_string_truncate (run, 0);
          if (c == '\0')
            break;
          if (c == '\t')
            E ("text:tab");
          else if (c == '\n')
            E ("text:line-break");
          else
            {
              guint n = 0;
              char count[16];

              while (p[n] == ' ')
                n++;
              g_snprintf (count, sizeof count, "%u", n);
              if (n == 1)
                E ("text:s");
              else
                E ("text:s", "text:c", count);
              p += n - 1;
            }
          after_space = c != '\n' ? FALSE : TRUE;
          if (c == '\t' || c == ' ')
            after_space = FALSE;
          continue;
        }
      g_string_append_c (run, c);
      after_space = c == ' ';
    }
  ret = 0;
out:
  g_string_free (run, TRUE);
  return ret;
}

static int
write_paragraph (xmlTextWriterPtr  w,
                 const char       *element,
                 const char       *style,
                 const char       *span_style,
                 const char       *text)
{
  S (element, "text:style-name", style);
  if (text != NULL && *text != '\0')
    {
      if (span_style != NULL)
        S ("text:span", "text:style-name", span_style);
      W (write_text (w, text));
      if (span_style != NULL)
        END ();
    }
  END ();
  return 0;
out:
  return -1;
}

static int
write_cell (xmlTextWriterPtr  w,
            const char       *cell_style,
            const char       *style,
            const char       *span_style,
            const char       *text)
{
  S ("table:table-cell", "table:style-name", cell_style, "office:value-type", "string");
  W (write_paragraph (w, "text:p", style, span_style, text));
  END ();
  return 0;
out:
  return -1;
}

static int
write_language_style (xmlTextWriterPtr  w,
                      const char       *name,
                      const char       *tag)
{
  g_autofree char *language = NULL;
  g_autofree char *country = NULL;

  split_language (tag, &language, &country);
  S ("style:style", "style:name", name, "style:family", "text");
  S ("style:text-properties", "fo:language", language);
  if (country != NULL)
    W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:country", BAD_CAST country));
  END ();
  END ();
  return 0;
out:
  return -1;
}

static int
write_column_style (xmlTextWriterPtr  w,
                    const char       *name,
                    double            cm)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *width = g_strconcat (g_ascii_formatd (number, sizeof number, "%.2f", cm), "cm", NULL);

  S ("style:style", "style:name", name, "style:family", "table-column");
  E ("style:table-column-properties", "style:column-width", width);
  END ();
  return 0;
out:
  return -1;
}

static int
write_cell_style (xmlTextWriterPtr  w,
                  const char       *name,
                  gboolean          top,
                  gboolean          right)
{
  const char *line = "0.5pt solid #bfbfbf";

  S ("style:style", "style:name", name, "style:family", "table-cell");
  E ("style:table-cell-properties", "fo:padding", "0.1cm",
     "fo:border-left", line, "fo:border-bottom", line,
     "fo:border-top", top ? line : "none", "fo:border-right", right ? line : "none");
  END ();
  return 0;
out:
  return -1;
}

static gboolean
write_bilingual_content (VvZipWriter            *zip,
                         VvDocument             *document,
                         const VvExportOptions  *options,
                         const char             *source_lang,
                         const char             *target_lang,
                         GCancellable           *cancellable)
{
  xmlTextWriterPtr w = _vv_zip_writer_begin_xml (zip, "content.xml");
  g_autofree char *source_header = g_strdup_printf (_("Source (%s)"), source_lang);
  g_autofree char *target_header = g_strdup_printf (_("Translation (%s)"), target_lang);
  double text_width = 25.7 - 1.2 - (options->include_states ? 2.3 : 0) - (options->include_comments ? 5.6 : 0);
  guint last_column = options->include_comments ? 4 : options->include_states ? 3 : 2;
  char buf[32];

  S ("office:document-content");
  W (write_namespaces (w));
  S ("office:automatic-styles");
  S ("style:style", "style:name", "VvTable", "style:family", "table");
  E ("style:table-properties", "style:width", "25.7cm", "table:align", "margins");
  END ();
  W (write_column_style (w, "VvColId", 1.2));
  W (write_column_style (w, "VvColText", text_width / 2));
  W (write_column_style (w, "VvColState", 2.3));
  W (write_column_style (w, "VvColComments", 5.6));
  /* each cell draws its left and bottom border, the header row its top,
   * the last column its right: no doubled lines */
  W (write_cell_style (w, "VvCell", FALSE, FALSE));
  W (write_cell_style (w, "VvCellLast", FALSE, TRUE));
  W (write_cell_style (w, "VvHeadCell", TRUE, FALSE));
  W (write_cell_style (w, "VvHeadCellLast", TRUE, TRUE));
  W (write_language_style (w, "VvSourceLang", source_lang));
  W (write_language_style (w, "VvTargetLang", target_lang));
  END (); /* automatic-styles */

  S ("office:body");
  S ("office:text");
  W (write_paragraph (w, "text:p", "Title", "VvSourceLang", vv_document_get_title (document)));

  S ("table:table", "table:name", "Segments", "table:style-name", "VvTable");
  E ("table:table-column", "table:style-name", "VvColId");
  E ("table:table-column", "table:style-name", "VvColText", "table:number-columns-repeated", "2");
  if (options->include_states)
    E ("table:table-column", "table:style-name", "VvColState");
  if (options->include_comments)
    E ("table:table-column", "table:style-name", "VvColComments");

  S ("table:table-header-rows");
  S ("table:table-row");
  /* Translators: column header: segment number */
  W (write_cell (w, "VvHeadCell", "VvHeader", NULL, _("#")));
  W (write_cell (w, "VvHeadCell", "VvHeader", NULL, source_header));
  W (write_cell (w, last_column == 2 ? "VvHeadCellLast" : "VvHeadCell", "VvHeader", NULL, target_header));
  if (options->include_states)
    W (write_cell (w, last_column == 3 ? "VvHeadCellLast" : "VvHeadCell", "VvHeader", NULL, _("State")));
  if (options->include_comments)
    W (write_cell (w, "VvHeadCellLast", "VvHeader", NULL, _("Comments")));
  END ();
  END ();

  for (guint i = 0; i < vv_document_get_n_segments (document); i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);
      const char *target = _vv_export_target (segment, options);

      if (!vv_export_segment_included (segment, options))
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        goto out;

      g_snprintf (buf, sizeof buf, "%u", vv_segment_get_id (segment));
      S ("table:table-row");
      W (write_cell (w, "VvCell", "VvId", NULL, buf));
      W (write_cell (w, "VvCell", "VvSource", "VvSourceLang", vv_segment_get_source (segment)));
      W (write_cell (w, last_column == 2 ? "VvCellLast" : "VvCell", "VvTarget", "VvTargetLang", target));
      if (options->include_states)
        W (write_cell (w, last_column == 3 ? "VvCellLast" : "VvCell", "VvState", NULL,
                       vv_segment_state_get_label (*target ? vv_segment_get_state (segment)
                                                           : VV_SEGMENT_STATE_UNTRANSLATED)));
      if (options->include_comments)
        {
          S ("table:table-cell", "table:style-name", "VvCellLast", "office:value-type", "string");
          if (vv_segment_get_n_comments (segment) == 0)
            W (write_paragraph (w, "text:p", "VvComment", NULL, NULL));
          for (guint c = 0; c < vv_segment_get_n_comments (segment); c++)
            {
              g_autofree char *line = _vv_export_comment_line (vv_segment_get_comment (segment, c));
              W (write_paragraph (w, "text:p", "VvComment", NULL, line));
            }
          END ();
        }
      END (); /* row */
    }
  END (); /* table */
  END (); /* text */
  END (); /* body */
  END (); /* document-content */
out:
  return _vv_zip_writer_end_xml (zip);
}

static gboolean
write_article_content (VvZipWriter            *zip,
                       VvDocument             *document,
                       const VvExportOptions  *options,
                       const char             *target_lang,
                       GCancellable           *cancellable)
{
  xmlTextWriterPtr w = _vv_zip_writer_begin_xml (zip, "content.xml");
  gboolean in_list = FALSE;

  S ("office:document-content");
  W (write_namespaces (w));
  S ("office:automatic-styles");
  W (write_language_style (w, "VvTargetLang", target_lang));
  END ();
  S ("office:body");
  S ("office:text");

  for (guint b = 0; b < vv_document_get_n_blocks (document); b++)
    {
      VvBlock *block = vv_document_get_block (document, b);
      VvBlockKind kind = vv_block_get_kind (block);
      g_autofree char *text = NULL;

      if (!_vv_export_block_included (block, options))
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        goto out;
      text = _vv_export_block_text (block, options);

      if (in_list && kind != VV_BLOCK_KIND_LIST_ITEM)
        {
          END ();
          in_list = FALSE;
        }

      switch (kind)
        {
        case VV_BLOCK_KIND_TITLE:
          W (write_paragraph (w, "text:p", "Title", "VvTargetLang", text));
          break;
        case VV_BLOCK_KIND_HEADING:
          {
            guint level = CLAMP (vv_block_get_level (block), 1, 6);
            g_autofree char *style = g_strdup_printf ("Heading_20_%u", level);
            g_autofree char *outline = g_strdup_printf ("%u", level);

            S ("text:h", "text:style-name", style, "text:outline-level", outline);
            S ("text:span", "text:style-name", "VvTargetLang");
            W (write_text (w, text));
            END ();
            END ();
          }
          break;
        case VV_BLOCK_KIND_LIST_ITEM:
          if (!in_list)
            {
              S ("text:list");
              in_list = TRUE;
            }
          S ("text:list-item");
          W (write_paragraph (w, "text:p", "List_20_Paragraph", "VvTargetLang", text));
          END ();
          break;
        case VV_BLOCK_KIND_QUOTE:
          W (write_paragraph (w, "text:p", "Quotations", "VvTargetLang", text));
          break;
        case VV_BLOCK_KIND_CAPTION:
          W (write_paragraph (w, "text:p", "Caption", "VvTargetLang", text));
          break;
        case VV_BLOCK_KIND_PARAGRAPH:
        case VV_BLOCK_KIND_BOILERPLATE:
        case VV_BLOCK_KIND_CODE:
        default:
          W (write_paragraph (w, "text:p", "Standard", "VvTargetLang", text));
          break;
        }
    }
  if (in_list)
    END ();

  END (); /* text */
  END (); /* body */
  END (); /* document-content */
out:
  return _vv_zip_writer_end_xml (zip);
}

static gboolean
export_odt (VvDocument             *document,
            const VvExportOptions  *options,
            gboolean                bilingual,
            GOutputStream          *stream,
            GCancellable           *cancellable,
            GError                **error)
{
  g_autoptr(VvZipWriter) zip = NULL;
  g_autofree char *source_lang = _vv_export_language_tag (vv_document_get_source_language (document));
  g_autofree char *target_lang = _vv_export_language_tag (vv_document_get_target_language (document));
  gboolean ok;

  if (!_vv_export_check_xml_text (document, options, "ODT", error))
    return FALSE;

  zip = _vv_zip_writer_new (error);
  if (zip == NULL)
    return FALSE;

  ok = _vv_zip_writer_add_bytes (zip, "mimetype", FALSE, MIMETYPE, strlen (MIMETYPE)) &&
       write_manifest (zip) &&
       write_meta (zip, document, bilingual ? source_lang : target_lang) &&
       write_styles (zip, source_lang, target_lang, bilingual) &&
       (bilingual ? write_bilingual_content (zip, document, options, source_lang, target_lang, cancellable)
                  : write_article_content (zip, document, options, target_lang, cancellable));

  return _vv_zip_writer_finish (zip, ok, "ODT", stream, cancellable, error);
}

gboolean
vv_export_odt (VvDocument             *document,
               const VvExportOptions  *options,
               GOutputStream          *stream,
               GCancellable           *cancellable,
               GError                **error)
{
  return export_odt (document, options, TRUE, stream, cancellable, error);
}

gboolean
vv_export_odt_article (VvDocument             *document,
                       const VvExportOptions  *options,
                       GOutputStream          *stream,
                       GCancellable           *cancellable,
                       GError                **error)
{
  return export_odt (document, options, FALSE, stream, cancellable, error);
}
