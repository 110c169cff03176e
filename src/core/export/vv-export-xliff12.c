/* vv-export-xliff12.c
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
#include "vv-state-map.h"
#include "vv-xml-writer.h"

/* XLIFF 1.2 (strict schema): one <file>, one <group> per block (restype
 * x-KIND, x-heading-N for headings), one <trans-unit> per segment whose id
 * is the segment id. States follow vv-state-map.c; approved units carry
 * approved="yes". Comments are <note from="author">. The project key is a
 * header note from "visavis-project", read back by the round trip. */

#define W(call) G_STMT_START { if ((call) < 0) goto out; } G_STMT_END

static char *
block_restype (VvBlock *block)
{
  const char *kind = vv_block_kind_to_string (vv_block_get_kind (block));

  if (vv_block_get_kind (block) == VV_BLOCK_KIND_HEADING)
    return g_strdup_printf ("x-heading-%u", vv_block_get_level (block));
  return g_strconcat ("x-", kind, NULL);
}

gboolean
vv_export_xliff12 (VvDocument             *document,
                   const VvExportOptions  *options,
                   GOutputStream          *stream,
                   GCancellable           *cancellable,
                   GError                **error)
{
  g_autoptr(VvXmlWriter) writer = NULL;
  g_autofree char *source_lang = _vv_export_language_tag (vv_document_get_source_language (document));
  g_autofree char *target_lang = _vv_export_language_tag (vv_document_get_target_language (document));
  g_autofree char *key = _vv_export_document_key (document);
  const char *original = vv_document_get_source_uri (document);
  xmlTextWriterPtr w;
  gboolean ok = FALSE;

  if (!_vv_export_check_xml_text (document, options, "XLIFF 1.2", error))
    return FALSE;

  if (original == NULL || *original == '\0')
    original = vv_document_get_title (document);
  if (*original == '\0')
    original = "article";

  writer = vv_xml_writer_new (stream, cancellable);
  w = vv_xml_writer_get_writer (writer);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST " ");

  W (xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL));
  W (xmlTextWriterStartElement (w, BAD_CAST "xliff"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "version", BAD_CAST "1.2"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns", BAD_CAST "urn:oasis:names:tc:xliff:document:1.2"));
  W (xmlTextWriterStartElement (w, BAD_CAST "file"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "original", BAD_CAST original));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "source-language", BAD_CAST source_lang));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "target-language", BAD_CAST target_lang));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "datatype", BAD_CAST "plaintext"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "tool-id", BAD_CAST "visavis"));
  W (xmlTextWriterStartElement (w, BAD_CAST "header"));
  W (xmlTextWriterStartElement (w, BAD_CAST "tool"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "tool-id", BAD_CAST "visavis"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "tool-name", BAD_CAST "Vis-à-vis"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "tool-version", BAD_CAST PACKAGE_VERSION));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterStartElement (w, BAD_CAST "note"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "from", BAD_CAST "visavis-project"));
  W (xmlTextWriterWriteString (w, BAD_CAST key));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterEndElement (w)); /* header */
  W (xmlTextWriterStartElement (w, BAD_CAST "body"));

  for (guint b = 0; b < vv_document_get_n_blocks (document); b++)
    {
      VvBlock *block = vv_document_get_block (document, b);
      g_autofree char *group_id = g_strdup_printf ("b%u", b + 1);
      g_autofree char *restype = block_restype (block);
      gboolean group_open = FALSE;

      for (guint s = 0; s < vv_block_get_n_segments (block); s++)
        {
          VvSegment *segment = vv_block_get_segment (block, s);
          const char *target = _vv_export_target (segment, options);
          VvSegmentState state = vv_segment_get_state (segment);
          const char *xliff_state, *qualifier;
          gboolean approved;

          if (!vv_export_segment_included (segment, options))
            continue;
          if (*target == '\0')
            state = VV_SEGMENT_STATE_UNTRANSLATED;

          if (!group_open)
            {
              W (xmlTextWriterStartElement (w, BAD_CAST "group"));
              W (xmlTextWriterWriteAttribute (w, BAD_CAST "id", BAD_CAST group_id));
              W (xmlTextWriterWriteAttribute (w, BAD_CAST "restype", BAD_CAST restype));
              if (vv_block_is_excluded (block))
                W (xmlTextWriterWriteAttribute (w, BAD_CAST "translate", BAD_CAST "no"));
              group_open = TRUE;
            }

          vv_state_to_xliff12 (state, &xliff_state, &qualifier, &approved);

          W (xmlTextWriterStartElement (w, BAD_CAST "trans-unit"));
          W (xmlTextWriterWriteFormatAttribute (w, BAD_CAST "id", "%u", vv_segment_get_id (segment)));
          if (approved)
            W (xmlTextWriterWriteAttribute (w, BAD_CAST "approved", BAD_CAST "yes"));
          if (vv_segment_get_flags (segment) & VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE)
            W (xmlTextWriterWriteAttribute (w, BAD_CAST "translate", BAD_CAST "no"));
          W (xmlTextWriterWriteAttribute (w, BAD_CAST "xml:space", BAD_CAST "preserve"));

          W (xmlTextWriterStartElement (w, BAD_CAST "source"));
          W (xmlTextWriterWriteAttribute (w, BAD_CAST "xml:lang", BAD_CAST source_lang));
          W (xmlTextWriterWriteString (w, BAD_CAST vv_segment_get_source (segment)));
          W (xmlTextWriterEndElement (w));

          if (*target != '\0')
            {
              W (xmlTextWriterStartElement (w, BAD_CAST "target"));
              W (xmlTextWriterWriteAttribute (w, BAD_CAST "xml:lang", BAD_CAST target_lang));
              W (xmlTextWriterWriteAttribute (w, BAD_CAST "state", BAD_CAST xliff_state));
              if (qualifier != NULL)
                W (xmlTextWriterWriteAttribute (w, BAD_CAST "state-qualifier", BAD_CAST qualifier));
              W (xmlTextWriterWriteString (w, BAD_CAST target));
              W (xmlTextWriterEndElement (w));
            }

          if (options->include_comments)
            for (guint c = 0; c < vv_segment_get_n_comments (segment); c++)
              {
                const VvComment *comment = vv_segment_get_comment (segment, c);

                W (xmlTextWriterStartElement (w, BAD_CAST "note"));
                if (comment->author != NULL && *comment->author != '\0')
                  W (xmlTextWriterWriteAttribute (w, BAD_CAST "from", BAD_CAST comment->author));
                W (xmlTextWriterWriteString (w, BAD_CAST comment->text));
                W (xmlTextWriterEndElement (w));
              }

          W (xmlTextWriterEndElement (w)); /* trans-unit */
        }

      if (group_open)
        W (xmlTextWriterEndElement (w)); /* group */
    }

  W (xmlTextWriterEndElement (w)); /* body */
  W (xmlTextWriterEndElement (w)); /* file */
  W (xmlTextWriterEndElement (w)); /* xliff */
  W (xmlTextWriterEndDocument (w));
  ok = TRUE;

out:
  return vv_xml_writer_finish_export (writer, ok, "XLIFF 1.2", error);
}
