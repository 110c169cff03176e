/* vv-export-html.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-block.h"
#include "vv-document.h"
#include "vv-export-private.h"
#include "vv-exporter.h"
#include "vv-segment.h"
#include "vv-xml-writer.h"

/* Bilingual side-by-side HTML: a self-contained, print-friendly page with one
 * table row per segment (id, source, target, state, comments). Written as
 * polyglot HTML5 with libxml2's writer, which does all the escaping. */

static const char stylesheet[] =
  "body{font-family:Cantarell,'Noto Sans',sans-serif;margin:2em auto;max-width:70em;color:#222}"
  "h1{font-size:1.5em}"
  "table{border-collapse:collapse;width:100%}"
  "th,td{border-bottom:1px solid #ddd;padding:.4em .6em;vertical-align:top;text-align:left}"
  "th{background:#f3f3f3}"
  "td.id,td.state{color:#777;font-size:.85em;white-space:nowrap}"
  "tr.block-start td{border-top:2px solid #bbb}"
  "tr.kind-title td.text,tr.kind-heading td.text{font-weight:bold}"
  "tr.kind-boilerplate td.text{color:#888}"
  "tr.state-untranslated td.target{background:#fff4f4}"
  "tr.state-needs-changes td.state{color:#a00}"
  "tr.state-approved td.state{color:#070}"
  ".comment{font-size:.85em;margin:0 0 .4em}"
  ".comment .author{font-weight:bold}"
  ".comment.resolved{color:#888}"
  "@media print{body{margin:0;max-width:none}tr{page-break-inside:avoid}}";

#define W(call) G_STMT_START { if ((call) < 0) goto out; } G_STMT_END

static int
write_text_cell (xmlTextWriterPtr  w,
                 const char       *css_class,
                 const char       *lang,
                 const char       *text)
{
  if (xmlTextWriterStartElement (w, BAD_CAST "td") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "class", BAD_CAST css_class) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "lang", BAD_CAST lang) < 0 ||
      xmlTextWriterWriteString (w, BAD_CAST text) < 0)
    return -1;
  return xmlTextWriterEndElement (w);
}

static int
write_comments (xmlTextWriterPtr  w,
                VvSegment        *segment)
{
  if (xmlTextWriterStartElement (w, BAD_CAST "td") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "class", BAD_CAST "comments") < 0)
    return -1;

  for (guint i = 0; i < vv_segment_get_n_comments (segment); i++)
    {
      const VvComment *comment = vv_segment_get_comment (segment, i);
      g_autofree char *when = g_date_time_format (comment->time, "%Y-%m-%d %H:%M");
      g_auto(GStrv) lines = g_strsplit (comment->text, "\n", -1);

      if (xmlTextWriterStartElement (w, BAD_CAST "p") < 0 ||
          xmlTextWriterWriteAttribute (w, BAD_CAST "class",
                                       BAD_CAST (comment->resolved ? "comment resolved" : "comment")) < 0 ||
          xmlTextWriterWriteFormatElement (w, BAD_CAST "span", "%s", comment->author) < 0 ||
          xmlTextWriterWriteFormatString (w, " (%s): ", when) < 0)
        return -1;
      for (guint l = 0; lines[l] != NULL; l++)
        {
          if (l > 0 && (xmlTextWriterStartElement (w, BAD_CAST "br") < 0 ||
                        xmlTextWriterEndElement (w) < 0))
            return -1;
          if (xmlTextWriterWriteString (w, BAD_CAST lines[l]) < 0)
            return -1;
        }
      if (xmlTextWriterEndElement (w) < 0)
        return -1;
    }

  return xmlTextWriterFullEndElement (w);
}

gboolean
vv_export_html (VvDocument             *document,
                const VvExportOptions  *options,
                GOutputStream          *stream,
                GCancellable           *cancellable,
                GError                 **error)
{
  g_autoptr(VvXmlWriter) writer = NULL;
  const char *source_lang = vv_document_get_source_language (document);
  const char *target_lang = vv_document_get_target_language (document);
  g_autofree char *source_header = NULL;
  g_autofree char *target_header = NULL;
  xmlTextWriterPtr w;
  gboolean ok = FALSE;

  if (!_vv_export_check_xml_text (document, options, "HTML", error))
    return FALSE;
  if (!g_output_stream_write_all (stream, "<!DOCTYPE html>\n", 16, NULL, cancellable, error))
    return FALSE;

  writer = vv_xml_writer_new (stream, cancellable);
  w = vv_xml_writer_get_writer (writer);
  xmlTextWriterSetIndent (w, 0);

  /* Translators: column header of the bilingual export; %s is a language code */
  source_header = g_strdup_printf (_("Source (%s)"), source_lang);
  /* Translators: column header of the bilingual export; %s is a language code */
  target_header = g_strdup_printf (_("Translation (%s)"), target_lang);

  W (xmlTextWriterStartElement (w, BAD_CAST "html"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns", BAD_CAST "http://www.w3.org/1999/xhtml"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "lang", BAD_CAST source_lang));
  W (xmlTextWriterStartElement (w, BAD_CAST "head"));
  W (xmlTextWriterStartElement (w, BAD_CAST "meta"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "charset", BAD_CAST "utf-8"));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterStartElement (w, BAD_CAST "meta"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "name", BAD_CAST "generator"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "content", BAD_CAST "Vis-à-vis"));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterWriteElement (w, BAD_CAST "title", BAD_CAST vv_document_get_title (document)));
  W (xmlTextWriterWriteElement (w, BAD_CAST "style", BAD_CAST stylesheet));
  W (xmlTextWriterEndElement (w)); /* head */
  W (xmlTextWriterWriteString (w, BAD_CAST "\n"));

  W (xmlTextWriterStartElement (w, BAD_CAST "body"));
  W (xmlTextWriterStartElement (w, BAD_CAST "h1"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "lang", BAD_CAST source_lang));
  W (xmlTextWriterWriteString (w, BAD_CAST vv_document_get_title (document)));
  W (xmlTextWriterEndElement (w));

  W (xmlTextWriterStartElement (w, BAD_CAST "table"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "class", BAD_CAST "bilingual"));
  W (xmlTextWriterStartElement (w, BAD_CAST "thead"));
  W (xmlTextWriterStartElement (w, BAD_CAST "tr"));
  /* Translators: column header: segment number */
  W (xmlTextWriterWriteElement (w, BAD_CAST "th", BAD_CAST _("#")));
  W (xmlTextWriterWriteElement (w, BAD_CAST "th", BAD_CAST source_header));
  W (xmlTextWriterWriteElement (w, BAD_CAST "th", BAD_CAST target_header));
  if (options->include_states)
    W (xmlTextWriterWriteElement (w, BAD_CAST "th", BAD_CAST _("State")));
  if (options->include_comments)
    W (xmlTextWriterWriteElement (w, BAD_CAST "th", BAD_CAST _("Comments")));
  W (xmlTextWriterEndElement (w)); /* tr */
  W (xmlTextWriterEndElement (w)); /* thead */
  W (xmlTextWriterStartElement (w, BAD_CAST "tbody"));
  W (xmlTextWriterWriteString (w, BAD_CAST "\n"));

  for (guint b = 0; b < vv_document_get_n_blocks (document); b++)
    {
      VvBlock *block = vv_document_get_block (document, b);
      const char *kind = vv_block_kind_to_string (vv_block_get_kind (block));

      for (guint s = 0; s < vv_block_get_n_segments (block); s++)
        {
          VvSegment *segment = vv_block_get_segment (block, s);
          VvSegmentState state = vv_segment_get_state (segment);
          const char *target = vv_segment_get_target (segment);
          g_autofree char *row_class = NULL;
          g_autofree char *row_id = NULL;

          if (!vv_export_segment_included (segment, options))
            continue;
          if (options->only_approved && state != VV_SEGMENT_STATE_APPROVED)
            target = "";

          row_class = g_strdup_printf ("%skind-%s state-%s", s == 0 ? "block-start " : "",
                                       kind, vv_segment_state_to_string (state));
          row_id = g_strdup_printf ("s%u", vv_segment_get_id (segment));

          W (xmlTextWriterStartElement (w, BAD_CAST "tr"));
          W (xmlTextWriterWriteAttribute (w, BAD_CAST "id", BAD_CAST row_id));
          W (xmlTextWriterWriteAttribute (w, BAD_CAST "class", BAD_CAST row_class));
          W (xmlTextWriterStartElement (w, BAD_CAST "td"));
          W (xmlTextWriterWriteAttribute (w, BAD_CAST "class", BAD_CAST "id"));
          W (xmlTextWriterWriteFormatString (w, "%u", vv_segment_get_id (segment)));
          W (xmlTextWriterEndElement (w));
          W (write_text_cell (w, "text source", source_lang, vv_segment_get_source (segment)));
          W (write_text_cell (w, "text target", target_lang, target));
          if (options->include_states)
            {
              W (xmlTextWriterStartElement (w, BAD_CAST "td"));
              W (xmlTextWriterWriteAttribute (w, BAD_CAST "class", BAD_CAST "state"));
              W (xmlTextWriterWriteString (w, BAD_CAST vv_segment_state_get_label (state)));
              W (xmlTextWriterEndElement (w));
            }
          if (options->include_comments)
            W (write_comments (w, segment));
          W (xmlTextWriterEndElement (w)); /* tr */
          W (xmlTextWriterWriteString (w, BAD_CAST "\n"));
        }
    }

  W (xmlTextWriterEndElement (w)); /* tbody */
  W (xmlTextWriterEndElement (w)); /* table */
  W (xmlTextWriterEndElement (w)); /* body */
  W (xmlTextWriterEndElement (w)); /* html */
  W (xmlTextWriterEndDocument (w));
  ok = TRUE;

out:
  return vv_xml_writer_finish_export (writer, ok, "HTML", error);
}
