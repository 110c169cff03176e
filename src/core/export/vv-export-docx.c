/* vv-export-docx.c
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

/* Office Open XML (Word) documents, written part by part with libxml2's
 * writer into a libgsf ZIP.
 *
 * Bilingual: a landscape page with the title and one table, one row per
 * segment: id | source | target [| state] [| comments]. Every cell
 * paragraph has its own style (VvId, VvSource, VvTarget, VvState,
 * VvComment) and every run its language (w:lang), so spelling checks use
 * the right dictionary and the round trip finds the columns by style. The
 * project key is the document's dc:identifier.
 *
 * Article: the translated article with Title / Heading N / List Paragraph /
 * Quote / Caption styles. */

#define W(call) G_STMT_START { if ((call) < 0) goto out; } G_STMT_END
#define E(...) W (_vv_xml_empty (w, __VA_ARGS__, NULL))
#define S(...) W (_vv_xml_start (w, __VA_ARGS__, NULL))
#define END() W (xmlTextWriterEndElement (w))

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"

static gboolean
write_content_types (VvZipWriter *zip)
{
  xmlTextWriterPtr w = _vv_zip_writer_begin_xml (zip, "[Content_Types].xml");

  S ("Types", "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  E ("Default", "Extension", "rels", "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
  E ("Default", "Extension", "xml", "ContentType", "application/xml");
  E ("Override", "PartName", "/word/document.xml",
     "ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  E ("Override", "PartName", "/word/styles.xml",
     "ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml");
  E ("Override", "PartName", "/docProps/core.xml",
     "ContentType", "application/vnd.openxmlformats-package.core-properties+xml");
  END ();
out:
  return _vv_zip_writer_end_xml (zip);
}

static gboolean
write_rels (VvZipWriter *zip)
{
  xmlTextWriterPtr w = _vv_zip_writer_begin_xml (zip, "_rels/.rels");

  S ("Relationships", "xmlns", NS_PKG_REL);
  E ("Relationship", "Id", "rId1", "Type", NS_R "/officeDocument", "Target", "word/document.xml");
  E ("Relationship", "Id", "rId2",
     "Type", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
     "Target", "docProps/core.xml");
  END ();
out:
  return _vv_zip_writer_end_xml (zip);
}

static gboolean
write_document_rels (VvZipWriter *zip)
{
  xmlTextWriterPtr w = _vv_zip_writer_begin_xml (zip, "word/_rels/document.xml.rels");

  S ("Relationships", "xmlns", NS_PKG_REL);
  E ("Relationship", "Id", "rId1", "Type", NS_R "/styles", "Target", "styles.xml");
  END ();
out:
  return _vv_zip_writer_end_xml (zip);
}

static gboolean
write_core (VvZipWriter *zip,
            VvDocument  *document,
            const char  *language)
{
  xmlTextWriterPtr w = _vv_zip_writer_begin_xml (zip, "docProps/core.xml");
  g_autofree char *key = _vv_export_document_key (document);
  g_autofree char *created = _vv_export_format_date (vv_document_get_created (document), "%Y-%m-%dT%H:%M:%SZ");

  S ("cp:coreProperties",
     "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
     "xmlns:dc", "http://purl.org/dc/elements/1.1/",
     "xmlns:dcterms", "http://purl.org/dc/terms/",
     "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  W (xmlTextWriterWriteElement (w, BAD_CAST "dc:title", BAD_CAST vv_document_get_title (document)));
  W (xmlTextWriterWriteElement (w, BAD_CAST "dc:identifier", BAD_CAST key));
  W (xmlTextWriterWriteElement (w, BAD_CAST "dc:language", BAD_CAST language));
  W (xmlTextWriterWriteElement (w, BAD_CAST "dc:creator", BAD_CAST "Vis-à-vis"));
  S ("dcterms:created", "xsi:type", "dcterms:W3CDTF");
  W (xmlTextWriterWriteString (w, BAD_CAST created));
  END ();
  END ();
out:
  return _vv_zip_writer_end_xml (zip);
}

/* One paragraph style: id, name, size in half-points (0: inherit), bold,
 * colour (NULL: inherit), outline level (-1: none), language (NULL) */
static int
write_style (xmlTextWriterPtr  w,
             const char       *id,
             const char       *name,
             int               half_points,
             gboolean          bold,
             gboolean          italic,
             const char       *color,
             int               outline,
             const char       *language,
             int               space_after)
{
  g_autofree char *size = g_strdup_printf ("%d", half_points);
  g_autofree char *level = g_strdup_printf ("%d", outline);
  g_autofree char *after = g_strdup_printf ("%d", space_after);

  S ("w:style", "w:type", "paragraph", "w:styleId", id);
  E ("w:name", "w:val", name);
  if (!g_str_equal (id, "Normal"))
    {
      E ("w:basedOn", "w:val", "Normal");
      E ("w:next", "w:val", g_str_has_prefix (id, "Vv") ? id : "Normal");
    }
  E ("w:qFormat");
  S ("w:pPr");
  if (outline >= 0)
    E ("w:keepNext");
  E ("w:spacing", "w:before", outline >= 0 ? "240" : "0", "w:after", after);
  if (outline >= 0)
    E ("w:outlineLvl", "w:val", level);
  END ();
  S ("w:rPr");
  if (bold)
    E ("w:b");
  if (italic)
    E ("w:i");
  if (color != NULL)
    E ("w:color", "w:val", color);
  if (half_points > 0)
    {
      E ("w:sz", "w:val", size);
      E ("w:szCs", "w:val", size);
    }
  if (language != NULL)
    E ("w:lang", "w:val", language);
  END ();
  END ();
  return 0;
out:
  return -1;
}

static gboolean
write_styles (VvZipWriter *zip,
              const char  *source_lang,
              const char  *target_lang)
{
  xmlTextWriterPtr w = _vv_zip_writer_begin_xml (zip, "word/styles.xml");

  S ("w:styles", "xmlns:w", NS_W);
  S ("w:docDefaults");
  S ("w:rPrDefault");
  S ("w:rPr");
  E ("w:rFonts", "w:ascii", "Calibri", "w:hAnsi", "Calibri", "w:eastAsia", "Calibri", "w:cs", "Calibri");
  E ("w:sz", "w:val", "21");
  E ("w:szCs", "w:val", "21");
  E ("w:lang", "w:val", target_lang, "w:bidi", "ar-SA");
  END ();
  END ();
  S ("w:pPrDefault");
  S ("w:pPr");
  E ("w:spacing", "w:after", "120", "w:line", "264", "w:lineRule", "auto");
  END ();
  END ();
  END (); /* docDefaults */

  W (write_style (w, "Normal", "Normal", 0, FALSE, FALSE, NULL, -1, NULL, 120));
  W (write_style (w, "Title", "Title", 40, TRUE, FALSE, NULL, 0, NULL, 240));
  for (int level = 1; level <= 6; level++)
    {
      g_autofree char *id = g_strdup_printf ("Heading%d", level);
      g_autofree char *name = g_strdup_printf ("heading %d", level);
      W (write_style (w, id, name, 34 - 3 * level, TRUE, level >= 5, NULL, level, NULL, 120));
    }
  W (write_style (w, "ListParagraph", "List Paragraph", 0, FALSE, FALSE, NULL, -1, NULL, 60));
  W (write_style (w, "Quote", "Quote", 0, FALSE, TRUE, "404040", -1, NULL, 120));
  W (write_style (w, "Caption", "caption", 18, FALSE, TRUE, "595959", -1, NULL, 120));
  W (write_style (w, "VvHeader", "Vis-à-vis Column Header", 18, TRUE, FALSE, "404040", -1, NULL, 0));
  W (write_style (w, "VvId", "Vis-à-vis Segment Id", 16, FALSE, FALSE, "808080", -1, NULL, 0));
  W (write_style (w, "VvSource", "Vis-à-vis Source", 0, FALSE, FALSE, NULL, -1, source_lang, 0));
  W (write_style (w, "VvTarget", "Vis-à-vis Target", 0, FALSE, FALSE, NULL, -1, target_lang, 0));
  W (write_style (w, "VvState", "Vis-à-vis State", 16, FALSE, FALSE, "595959", -1, NULL, 0));
  W (write_style (w, "VvComment", "Vis-à-vis Comment", 16, FALSE, FALSE, "7F3F00", -1, NULL, 60));

  /* the table style: thin grey grid */
  S ("w:style", "w:type", "table", "w:styleId", "VvTable");
  E ("w:name", "w:val", "Vis-à-vis Bilingual Table");
  S ("w:tblPr");
  S ("w:tblBorders");
  E ("w:top", "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", "BFBFBF");
  E ("w:left", "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", "BFBFBF");
  E ("w:bottom", "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", "BFBFBF");
  E ("w:right", "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", "BFBFBF");
  E ("w:insideH", "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", "BFBFBF");
  E ("w:insideV", "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", "BFBFBF");
  END ();
  S ("w:tblCellMar");
  E ("w:top", "w:w", "57", "w:type", "dxa");
  E ("w:left", "w:w", "85", "w:type", "dxa");
  E ("w:bottom", "w:w", "57", "w:type", "dxa");
  E ("w:right", "w:w", "85", "w:type", "dxa");
  END ();
  END ();
  END ();

  END (); /* styles */
out:
  return _vv_zip_writer_end_xml (zip);
}

/* A run: text with tabs and line breaks as Word elements */
static int
write_run (xmlTextWriterPtr  w,
           const char       *text,
           const char       *language)
{
  S ("w:r");
  if (language != NULL)
    {
      S ("w:rPr");
      E ("w:lang", "w:val", language);
      END ();
    }
  while (*text != '\0')
    {
      gsize len = strcspn (text, "\t\n");

      if (len > 0)
        {
          g_autofree char *chunk = g_strndup (text, len);
          S ("w:t", "xml:space", "preserve");
          W (xmlTextWriterWriteString (w, BAD_CAST chunk));
          END ();
        }
      text += len;
      if (*text == '\t')
        E ("w:tab");
      else if (*text == '\n')
        E ("w:br");
      if (*text != '\0')
        text++;
    }
  END ();
  return 0;
out:
  return -1;
}

static int
write_paragraph (xmlTextWriterPtr  w,
                 const char       *style,
                 const char       *text,
                 const char       *language)
{
  S ("w:p");
  S ("w:pPr");
  E ("w:pStyle", "w:val", style);
  END ();
  if (text != NULL && *text != '\0')
    W (write_run (w, text, language));
  END ();
  return 0;
out:
  return -1;
}

static int
write_cell (xmlTextWriterPtr  w,
            int               width,
            const char       *style,
            const char       *text,
            const char       *language)
{
  char width_str[16];

  S ("w:tc");
  if (width > 0)
    {
      /* only the header row gives widths; the others follow the grid */
      g_snprintf (width_str, sizeof width_str, "%d", width);
      S ("w:tcPr");
      E ("w:tcW", "w:w", width_str, "w:type", "dxa");
      END ();
    }
  W (write_paragraph (w, style, text, language));
  END ();
  return 0;
out:
  return -1;
}

static int
write_section (xmlTextWriterPtr w,
               gboolean         landscape)
{
  S ("w:sectPr");
  if (landscape)
    E ("w:pgSz", "w:w", "16838", "w:h", "11906", "w:orient", "landscape");
  else
    E ("w:pgSz", "w:w", "11906", "w:h", "16838");
  E ("w:pgMar", "w:top", "1134", "w:right", "1134", "w:bottom", "1134", "w:left", "1134",
     "w:header", "567", "w:footer", "567", "w:gutter", "0");
  END ();
  return 0;
out:
  return -1;
}

/* Column widths in twentieths of a point; the table fills 14570 */
enum { COL_ID, COL_SOURCE, COL_TARGET, COL_STATE, COL_COMMENTS, N_COLS };

static gboolean
write_bilingual_document (VvZipWriter            *zip,
                          VvDocument             *document,
                          const VvExportOptions  *options,
                          const char             *source_lang,
                          const char             *target_lang,
                          GCancellable           *cancellable)
{
  xmlTextWriterPtr w = _vv_zip_writer_begin_xml (zip, "word/document.xml");
  int width[N_COLS] = { 700, 0, 0, options->include_states ? 1300 : 0, options->include_comments ? 3200 : 0 };
  g_autofree char *source_header = g_strdup_printf (_("Source (%s)"), source_lang);
  g_autofree char *target_header = g_strdup_printf (_("Translation (%s)"), target_lang);
  char buf[32];

  width[COL_SOURCE] = (14570 - width[COL_ID] - width[COL_STATE] - width[COL_COMMENTS]) / 2;
  width[COL_TARGET] = 14570 - width[COL_ID] - width[COL_STATE] - width[COL_COMMENTS] - width[COL_SOURCE];

  S ("w:document", "xmlns:w", NS_W, "xmlns:r", NS_R);
  S ("w:body");
  W (write_paragraph (w, "Title", vv_document_get_title (document), source_lang));

  S ("w:tbl");
  S ("w:tblPr");
  E ("w:tblStyle", "w:val", "VvTable");
  E ("w:tblW", "w:w", "5000", "w:type", "pct");
  E ("w:tblLayout", "w:type", "fixed");
  E ("w:tblLook", "w:val", "04A0", "w:firstRow", "1", "w:lastRow", "0", "w:firstColumn", "0",
     "w:lastColumn", "0", "w:noHBand", "1", "w:noVBand", "1");
  END ();
  S ("w:tblGrid");
  for (guint c = 0; c < N_COLS; c++)
    {
      if (width[c] == 0)
        continue;
      g_snprintf (buf, sizeof buf, "%d", width[c]);
      E ("w:gridCol", "w:w", buf);
    }
  END ();

  /* header row, repeated on every page */
  S ("w:tr");
  S ("w:trPr");
  E ("w:tblHeader");
  END ();
  /* Translators: column header: segment number */
  W (write_cell (w, width[COL_ID], "VvHeader", _("#"), NULL));
  W (write_cell (w, width[COL_SOURCE], "VvHeader", source_header, NULL));
  W (write_cell (w, width[COL_TARGET], "VvHeader", target_header, NULL));
  if (options->include_states)
    W (write_cell (w, width[COL_STATE], "VvHeader", _("State"), NULL));
  if (options->include_comments)
    W (write_cell (w, width[COL_COMMENTS], "VvHeader", _("Comments"), NULL));
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
      S ("w:tr");
      S ("w:trPr");
      E ("w:cantSplit");
      END ();
      W (write_cell (w, 0, "VvId", buf, NULL));
      W (write_cell (w, 0, "VvSource", vv_segment_get_source (segment), source_lang));
      W (write_cell (w, 0, "VvTarget", target, target_lang));
      if (options->include_states)
        W (write_cell (w, 0, "VvState",
                       vv_segment_state_get_label (*target ? vv_segment_get_state (segment)
                                                           : VV_SEGMENT_STATE_UNTRANSLATED), NULL));
      if (options->include_comments)
        {
          S ("w:tc");
          if (vv_segment_get_n_comments (segment) == 0)
            W (write_paragraph (w, "VvComment", NULL, NULL));
          for (guint c = 0; c < vv_segment_get_n_comments (segment); c++)
            {
              g_autofree char *line = _vv_export_comment_line (vv_segment_get_comment (segment, c));
              W (write_paragraph (w, "VvComment", line, NULL));
            }
          END ();
        }
      END (); /* tr */
    }
  END (); /* tbl */

  /* Word needs a paragraph after a table */
  W (write_paragraph (w, "Normal", NULL, NULL));
  W (write_section (w, TRUE));
  END (); /* body */
  END (); /* document */
out:
  return _vv_zip_writer_end_xml (zip);
}

static gboolean
write_article_document (VvZipWriter            *zip,
                        VvDocument             *document,
                        const VvExportOptions  *options,
                        const char             *target_lang,
                        GCancellable           *cancellable)
{
  xmlTextWriterPtr w = _vv_zip_writer_begin_xml (zip, "word/document.xml");

  S ("w:document", "xmlns:w", NS_W, "xmlns:r", NS_R);
  S ("w:body");

  for (guint b = 0; b < vv_document_get_n_blocks (document); b++)
    {
      VvBlock *block = vv_document_get_block (document, b);
      g_autofree char *text = NULL;
      g_autofree char *heading = NULL;
      const char *style;

      if (!_vv_export_block_included (block, options))
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        goto out;

      text = _vv_export_block_text (block, options);
      switch (vv_block_get_kind (block))
        {
        case VV_BLOCK_KIND_TITLE:
          style = "Title";
          break;
        case VV_BLOCK_KIND_HEADING:
          heading = g_strdup_printf ("Heading%u", CLAMP (vv_block_get_level (block), 1, 6));
          style = heading;
          break;
        case VV_BLOCK_KIND_LIST_ITEM:
          style = "ListParagraph";
          break;
        case VV_BLOCK_KIND_QUOTE:
          style = "Quote";
          break;
        case VV_BLOCK_KIND_CAPTION:
          style = "Caption";
          break;
        case VV_BLOCK_KIND_PARAGRAPH:
        case VV_BLOCK_KIND_BOILERPLATE:
        case VV_BLOCK_KIND_CODE:
        default:
          style = "Normal";
          break;
        }
      if (vv_block_get_kind (block) == VV_BLOCK_KIND_LIST_ITEM)
        {
          g_autofree char *item = g_strconcat ("• ", text, NULL);
          W (write_paragraph (w, style, item, target_lang));
        }
      else
        W (write_paragraph (w, style, text, target_lang));
    }

  W (write_section (w, FALSE));
  END (); /* body */
  END (); /* document */
out:
  return _vv_zip_writer_end_xml (zip);
}

static gboolean
export_docx (VvDocument             *document,
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

  if (!_vv_export_check_xml_text (document, options, "DOCX", error))
    return FALSE;

  zip = _vv_zip_writer_new (error);
  if (zip == NULL)
    return FALSE;

  ok = write_content_types (zip) &&
       write_rels (zip) &&
       write_document_rels (zip) &&
       write_core (zip, document, bilingual ? source_lang : target_lang) &&
       write_styles (zip, source_lang, target_lang) &&
       (bilingual ? write_bilingual_document (zip, document, options, source_lang, target_lang, cancellable)
                  : write_article_document (zip, document, options, target_lang, cancellable));

  return _vv_zip_writer_finish (zip, ok, "DOCX", stream, cancellable, error);
}

gboolean
vv_export_docx (VvDocument             *document,
                const VvExportOptions  *options,
                GOutputStream          *stream,
                GCancellable           *cancellable,
                GError                **error)
{
  return export_docx (document, options, TRUE, stream, cancellable, error);
}

gboolean
vv_export_docx_article (VvDocument             *document,
                        const VvExportOptions  *options,
                        GOutputStream          *stream,
                        GCancellable           *cancellable,
                        GError                **error)
{
  return export_docx (document, options, FALSE, stream, cancellable, error);
}
