/* vv-export-html-article.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vv-block.h"
#include "vv-document.h"
#include "vv-export-private.h"
#include "vv-exporter.h"
#include "vv-segment.h"
#include "vv-xml-writer.h"

/* The translated article as HTML in its original block structure: the
 * title as <h1>, headings as <h2>…<h6> (level + 1, capped), paragraphs,
 * consecutive list items in one <ul>, quotes in <blockquote>, captions as
 * <p class="caption">, code in <pre>. Polyglot HTML5 written with
 * libxml2's writer. */

#define W(call) G_STMT_START { if ((call) < 0) goto out; } G_STMT_END

gboolean
vv_export_html_article (VvDocument             *document,
                        const VvExportOptions  *options,
                        GOutputStream          *stream,
                        GCancellable           *cancellable,
                        GError                **error)
{
  g_autoptr(VvXmlWriter) writer = NULL;
  g_autofree char *target_lang = _vv_export_language_tag (vv_document_get_target_language (document));
  g_autofree char *title = NULL;
  gboolean in_list = FALSE;
  xmlTextWriterPtr w;
  gboolean ok = FALSE;

  if (!_vv_export_check_xml_text (document, options, "HTML", error))
    return FALSE;

  /* the page title is the translated title block, if any */
  for (guint b = 0; b < vv_document_get_n_blocks (document) && title == NULL; b++)
    if (vv_block_get_kind (vv_document_get_block (document, b)) == VV_BLOCK_KIND_TITLE)
      title = _vv_export_block_text (vv_document_get_block (document, b), options);
  if (title == NULL)
    title = g_strdup (vv_document_get_title (document));

  if (!g_output_stream_write_all (stream, "<!DOCTYPE html>\n", 16, NULL, cancellable, error))
    return FALSE;

  writer = vv_xml_writer_new (stream, cancellable);
  w = vv_xml_writer_get_writer (writer);
  xmlTextWriterSetIndent (w, 0);

  W (xmlTextWriterStartElement (w, BAD_CAST "html"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns", BAD_CAST "http://www.w3.org/1999/xhtml"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "lang", BAD_CAST target_lang));
  W (xmlTextWriterStartElement (w, BAD_CAST "head"));
  W (xmlTextWriterStartElement (w, BAD_CAST "meta"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "charset", BAD_CAST "utf-8"));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterStartElement (w, BAD_CAST "meta"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "name", BAD_CAST "generator"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "content", BAD_CAST "Vis-à-vis"));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterWriteElement (w, BAD_CAST "title", BAD_CAST title));
  W (xmlTextWriterEndElement (w)); /* head */
  W (xmlTextWriterWriteString (w, BAD_CAST "\n"));
  W (xmlTextWriterStartElement (w, BAD_CAST "body"));
  W (xmlTextWriterStartElement (w, BAD_CAST "article"));
  W (xmlTextWriterWriteString (w, BAD_CAST "\n"));

  for (guint b = 0; b < vv_document_get_n_blocks (document); b++)
    {
      VvBlock *block = vv_document_get_block (document, b);
      VvBlockKind kind = vv_block_get_kind (block);
      g_autofree char *text = NULL;
      g_autofree char *heading = NULL;

      if (!_vv_export_block_included (block, options))
        continue;
      text = _vv_export_block_text (block, options);

      if (in_list && kind != VV_BLOCK_KIND_LIST_ITEM)
        {
          W (xmlTextWriterEndElement (w));
          W (xmlTextWriterWriteString (w, BAD_CAST "\n"));
          in_list = FALSE;
        }

      switch (kind)
        {
        case VV_BLOCK_KIND_TITLE:
          W (xmlTextWriterWriteElement (w, BAD_CAST "h1", BAD_CAST text));
          break;
        case VV_BLOCK_KIND_HEADING:
          heading = g_strdup_printf ("h%u", CLAMP (vv_block_get_level (block) + 1, 2, 6));
          W (xmlTextWriterWriteElement (w, BAD_CAST heading, BAD_CAST text));
          break;
        case VV_BLOCK_KIND_LIST_ITEM:
          if (!in_list)
            {
              W (xmlTextWriterStartElement (w, BAD_CAST "ul"));
              W (xmlTextWriterWriteString (w, BAD_CAST "\n"));
              in_list = TRUE;
            }
          W (xmlTextWriterWriteElement (w, BAD_CAST "li", BAD_CAST text));
          break;
        case VV_BLOCK_KIND_QUOTE:
          W (xmlTextWriterStartElement (w, BAD_CAST "blockquote"));
          W (xmlTextWriterWriteElement (w, BAD_CAST "p", BAD_CAST text));
          W (xmlTextWriterEndElement (w));
          break;
        case VV_BLOCK_KIND_CAPTION:
          W (xmlTextWriterStartElement (w, BAD_CAST "p"));
          W (xmlTextWriterWriteAttribute (w, BAD_CAST "class", BAD_CAST "caption"));
          W (xmlTextWriterWriteString (w, BAD_CAST text));
          W (xmlTextWriterEndElement (w));
          break;
        case VV_BLOCK_KIND_CODE:
          W (xmlTextWriterWriteElement (w, BAD_CAST "pre", BAD_CAST text));
          break;
        case VV_BLOCK_KIND_PARAGRAPH:
        case VV_BLOCK_KIND_BOILERPLATE:
        default:
          W (xmlTextWriterWriteElement (w, BAD_CAST "p", BAD_CAST text));
          break;
        }
      W (xmlTextWriterWriteString (w, BAD_CAST "\n"));
    }

  if (in_list)
    W (xmlTextWriterEndElement (w));
  W (xmlTextWriterEndElement (w)); /* article */
  W (xmlTextWriterEndElement (w)); /* body */
  W (xmlTextWriterEndElement (w)); /* html */
  W (xmlTextWriterEndDocument (w));
  ok = TRUE;

out:
  return vv_xml_writer_finish_export (writer, ok, "HTML", error);
}
