/* vv-export-tmx.c
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

/* TMX 1.4b: a translation memory of the segments a person confirmed
 * (translated and approved; approved only with "only approved"). Each
 * <tu> has the segment id as tuid, creation/change dates from the
 * segment's history (the project's dates when it has none), the last
 * author as changeid, the state as a prop and comments as notes. */

#define W(call) G_STMT_START { if ((call) < 0) goto out; } G_STMT_END

static int
write_tuv (xmlTextWriterPtr  w,
           const char       *lang,
           const char       *text)
{
  if (xmlTextWriterStartElement (w, BAD_CAST "tuv") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "xml:lang", BAD_CAST lang) < 0 ||
      xmlTextWriterWriteElement (w, BAD_CAST "seg", BAD_CAST text) < 0)
    return -1;
  return xmlTextWriterEndElement (w);
}

gboolean
vv_export_tmx (VvDocument             *document,
               const VvExportOptions  *options,
               GOutputStream          *stream,
               GCancellable           *cancellable,
               GError                **error)
{
  g_autoptr(VvXmlWriter) writer = NULL;
  g_autofree char *source_lang = _vv_export_language_tag (vv_document_get_source_language (document));
  g_autofree char *target_lang = _vv_export_language_tag (vv_document_get_target_language (document));
  g_autofree char *created = _vv_export_format_date (vv_document_get_created (document), "%Y%m%dT%H%M%SZ");
  xmlTextWriterPtr w;
  gboolean ok = FALSE;

  if (!_vv_export_check_xml_text (document, options, "TMX", error))
    return FALSE;

  writer = vv_xml_writer_new (stream, cancellable);
  w = vv_xml_writer_get_writer (writer);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST " ");

  W (xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL));
  W (xmlTextWriterWriteDTD (w, BAD_CAST "tmx", NULL, BAD_CAST "tmx14.dtd", NULL));
  W (xmlTextWriterStartElement (w, BAD_CAST "tmx"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "version", BAD_CAST "1.4"));
  W (xmlTextWriterStartElement (w, BAD_CAST "header"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "creationtool", BAD_CAST "Vis-à-vis"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "creationtoolversion", BAD_CAST PACKAGE_VERSION));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "segtype", BAD_CAST "sentence"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "o-tmf", BAD_CAST "visavis"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "adminlang", BAD_CAST "en"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "srclang", BAD_CAST source_lang));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "datatype", BAD_CAST "plaintext"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "creationdate", BAD_CAST created));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterStartElement (w, BAD_CAST "body"));

  for (guint i = 0; i < vv_document_get_n_segments (document); i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);
      VvSegmentState state = vv_segment_get_state (segment);
      const char *target = _vv_export_target (segment, options);
      const char *author = _vv_export_segment_author (segment);
      g_autofree char *creation = NULL;
      g_autofree char *change = NULL;

      if (!vv_export_segment_included (segment, options) || *target == '\0' ||
          (state != VV_SEGMENT_STATE_TRANSLATED && state != VV_SEGMENT_STATE_APPROVED))
        continue;

      creation = _vv_export_format_date (_vv_export_segment_created (segment, document), "%Y%m%dT%H%M%SZ");
      change = _vv_export_format_date (_vv_export_segment_changed (segment, document), "%Y%m%dT%H%M%SZ");

      W (xmlTextWriterStartElement (w, BAD_CAST "tu"));
      W (xmlTextWriterWriteFormatAttribute (w, BAD_CAST "tuid", "%u", vv_segment_get_id (segment)));
      W (xmlTextWriterWriteAttribute (w, BAD_CAST "creationdate", BAD_CAST creation));
      if (author != NULL)
        {
          const char *first = vv_segment_get_history (segment, 0)->author;
          W (xmlTextWriterWriteAttribute (w, BAD_CAST "creationid",
                                          BAD_CAST (first != NULL && *first != '\0' ? first : author)));
        }
      W (xmlTextWriterWriteAttribute (w, BAD_CAST "changedate", BAD_CAST change));
      if (author != NULL)
        W (xmlTextWriterWriteAttribute (w, BAD_CAST "changeid", BAD_CAST author));
      if (options->include_comments)
        for (guint c = 0; c < vv_segment_get_n_comments (segment); c++)
          W (xmlTextWriterWriteElement (w, BAD_CAST "note",
                                        BAD_CAST vv_segment_get_comment (segment, c)->text));
      if (options->include_states)
        {
          W (xmlTextWriterStartElement (w, BAD_CAST "prop"));
          W (xmlTextWriterWriteAttribute (w, BAD_CAST "type", BAD_CAST "x-visavis-state"));
          W (xmlTextWriterWriteString (w, BAD_CAST vv_segment_state_to_string (state)));
          W (xmlTextWriterEndElement (w));
        }
      W (write_tuv (w, source_lang, vv_segment_get_source (segment)));
      W (write_tuv (w, target_lang, target));
      W (xmlTextWriterEndElement (w)); /* tu */
    }

  W (xmlTextWriterEndElement (w)); /* body */
  W (xmlTextWriterEndElement (w)); /* tmx */
  W (xmlTextWriterEndDocument (w));
  ok = TRUE;

out:
  return vv_xml_writer_finish_export (writer, ok, "TMX", error);
}
