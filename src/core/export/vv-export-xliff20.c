/* vv-export-xliff20.c
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
#include "vv-utils.h"
#include "vv-xml-writer.h"

/* XLIFF 2.0 core + Metadata module: one <file>, one <group> per block
 * (type visavis:KIND), one <unit> per segment whose id is the segment id,
 * holding one <segment> with state/subState (vv-state-map.c). Comments are
 * <note category="comment">; their author, time and resolved flag go in an
 * mda:metaGroup per note. Characters XML cannot hold are written as
 * <cp hex="…"/>, as the specification says. */

#define XLIFF_NS "urn:oasis:names:tc:xliff:document:2.0"
#define MDA_NS "urn:oasis:names:tc:xliff:metadata:2.0"

#define W(call) G_STMT_START { if ((call) < 0) return -1; } G_STMT_END

static int
write_text (xmlTextWriterPtr  w,
            const char       *text)
{
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (_vv_xml_char_is_valid (c))
        continue;
      if (p > run)
        {
          g_autofree char *chunk = g_strndup (run, p - run);
          W (xmlTextWriterWriteString (w, BAD_CAST chunk));
        }
      W (xmlTextWriterStartElement (w, BAD_CAST "cp"));
      W (xmlTextWriterWriteFormatAttribute (w, BAD_CAST "hex", "%04X", (guint)c));
      W (xmlTextWriterEndElement (w));
      run = g_utf8_next_char (p);
    }
  if (p > run)
    W (xmlTextWriterWriteString (w, BAD_CAST run));
  return 0;
}

/* Writes the text and ends the element. Text with <cp/> is mixed
 * content: indentation would add white space to it, so it is off there. */
static int
write_mixed (xmlTextWriterPtr  w,
             const char       *text)
{
  gboolean plain = TRUE;
  int ret;

  for (const char *p = text; *p != '\0' && plain; p = g_utf8_next_char (p))
    plain = _vv_xml_char_is_valid (g_utf8_get_char (p));
  if (plain)
    {
      W (xmlTextWriterWriteString (w, BAD_CAST text));
      return xmlTextWriterEndElement (w);
    }
  xmlTextWriterSetIndent (w, 0);
  ret = write_text (w, text) < 0 ? -1 : xmlTextWriterEndElement (w);
  xmlTextWriterSetIndent (w, 1);
  return ret;
}

static int
write_meta (xmlTextWriterPtr  w,
            const char       *type,
            const char       *value)
{
  W (xmlTextWriterStartElementNS (w, BAD_CAST "mda", BAD_CAST "meta", NULL));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "type", BAD_CAST type));
  return write_mixed (w, value);
}

static int
write_unit (xmlTextWriterPtr        w,
            VvSegment              *segment,
            const VvExportOptions  *options)
{
  const char *target = _vv_export_target (segment, options);
  VvSegmentState state = vv_segment_get_state (segment);
  guint n_comments = options->include_comments ? vv_segment_get_n_comments (segment) : 0;
  const char *xliff_state, *sub_state;

  if (*target == '\0')
    state = VV_SEGMENT_STATE_UNTRANSLATED;
  vv_state_to_xliff20 (state, &xliff_state, &sub_state);

  W (xmlTextWriterStartElement (w, BAD_CAST "unit"));
  W (xmlTextWriterWriteFormatAttribute (w, BAD_CAST "id", "%u", vv_segment_get_id (segment)));
  if (vv_segment_get_flags (segment) & VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE)
    W (xmlTextWriterWriteAttribute (w, BAD_CAST "translate", BAD_CAST "no"));

  if (n_comments > 0)
    {
      W (xmlTextWriterStartElementNS (w, BAD_CAST "mda", BAD_CAST "metadata", NULL));
      for (guint c = 0; c < n_comments; c++)
        {
          const VvComment *comment = vv_segment_get_comment (segment, c);
          g_autofree char *note_id = g_strdup_printf ("c%u", c + 1);

          W (xmlTextWriterStartElementNS (w, BAD_CAST "mda", BAD_CAST "metaGroup", NULL));
          W (xmlTextWriterWriteAttribute (w, BAD_CAST "category", BAD_CAST "comment"));
          W (write_meta (w, "note", note_id));
          if (comment->author != NULL)
            W (write_meta (w, "author", comment->author));
          if (comment->time != NULL)
            {
              g_autofree char *when = vv_date_time_format_iso8601 (comment->time);
              W (write_meta (w, "time", when));
            }
          W (write_meta (w, "resolved", comment->resolved ? "yes" : "no"));
          W (xmlTextWriterEndElement (w));
        }
      W (xmlTextWriterEndElement (w));

      W (xmlTextWriterStartElement (w, BAD_CAST "notes"));
      for (guint c = 0; c < n_comments; c++)
        {
          const VvComment *comment = vv_segment_get_comment (segment, c);

          W (xmlTextWriterStartElement (w, BAD_CAST "note"));
          W (xmlTextWriterWriteFormatAttribute (w, BAD_CAST "id", "c%u", c + 1));
          W (xmlTextWriterWriteAttribute (w, BAD_CAST "category", BAD_CAST "comment"));
          W (write_mixed (w, comment->text));
        }
      W (xmlTextWriterEndElement (w));
    }

  W (xmlTextWriterStartElement (w, BAD_CAST "segment"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "id", BAD_CAST "s1"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "state", BAD_CAST xliff_state));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "subState", BAD_CAST sub_state));
  W (xmlTextWriterStartElement (w, BAD_CAST "source"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "xml:space", BAD_CAST "preserve"));
  W (write_mixed (w, vv_segment_get_source (segment)));
  if (*target != '\0')
    {
      W (xmlTextWriterStartElement (w, BAD_CAST "target"));
      W (xmlTextWriterWriteAttribute (w, BAD_CAST "xml:space", BAD_CAST "preserve"));
      W (write_mixed (w, target));
    }
  W (xmlTextWriterEndElement (w)); /* segment */
  return xmlTextWriterEndElement (w); /* unit */
}

#undef W
#define W(call) G_STMT_START { if ((call) < 0) goto out; } G_STMT_END

gboolean
vv_export_xliff20 (VvDocument             *document,
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
  gboolean any_unit = FALSE;

  writer = vv_xml_writer_new (stream, cancellable);
  w = vv_xml_writer_get_writer (writer);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST " ");

  W (xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL));
  W (xmlTextWriterStartElement (w, BAD_CAST "xliff"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns", BAD_CAST XLIFF_NS));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:mda", BAD_CAST MDA_NS));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "version", BAD_CAST "2.0"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "srcLang", BAD_CAST source_lang));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "trgLang", BAD_CAST target_lang));
  W (xmlTextWriterStartElement (w, BAD_CAST "file"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "id", BAD_CAST "f1"));
  if (original != NULL && *original != '\0')
    W (xmlTextWriterWriteAttribute (w, BAD_CAST "original", BAD_CAST original));
  W (xmlTextWriterStartElementNS (w, BAD_CAST "mda", BAD_CAST "metadata", NULL));
  W (xmlTextWriterStartElementNS (w, BAD_CAST "mda", BAD_CAST "metaGroup", NULL));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "category", BAD_CAST "visavis"));
  W (write_meta (w, "project", key));
  W (write_meta (w, "title", vv_document_get_title (document)));
  W (write_meta (w, "tool", "Vis-à-vis " PACKAGE_VERSION));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterEndElement (w));

  for (guint b = 0; b < vv_document_get_n_blocks (document); b++)
    {
      VvBlock *block = vv_document_get_block (document, b);
      gboolean group_open = FALSE;

      for (guint s = 0; s < vv_block_get_n_segments (block); s++)
        {
          VvSegment *segment = vv_block_get_segment (block, s);

          if (!vv_export_segment_included (segment, options))
            continue;

          if (!group_open)
            {
              W (xmlTextWriterStartElement (w, BAD_CAST "group"));
              W (xmlTextWriterWriteFormatAttribute (w, BAD_CAST "id", "b%u", b + 1));
              if (vv_block_get_kind (block) == VV_BLOCK_KIND_HEADING)
                W (xmlTextWriterWriteFormatAttribute (w, BAD_CAST "type", "visavis:heading-%u",
                                                      vv_block_get_level (block)));
              else
                W (xmlTextWriterWriteFormatAttribute (w, BAD_CAST "type", "visavis:%s",
                                                      vv_block_kind_to_string (vv_block_get_kind (block))));
              if (vv_block_is_excluded (block))
                W (xmlTextWriterWriteAttribute (w, BAD_CAST "translate", BAD_CAST "no"));
              group_open = TRUE;
              any_unit = TRUE;
            }
          W (write_unit (w, segment, options));
        }

      if (group_open)
        W (xmlTextWriterEndElement (w)); /* group */
    }

  if (!any_unit)
    {
      /* a <file> needs at least one unit or group */
      W (xmlTextWriterStartElement (w, BAD_CAST "group"));
      W (xmlTextWriterWriteAttribute (w, BAD_CAST "id", BAD_CAST "empty"));
      W (xmlTextWriterEndElement (w));
    }
  W (xmlTextWriterEndElement (w)); /* file */
  W (xmlTextWriterEndElement (w)); /* xliff */
  W (xmlTextWriterEndDocument (w));
  ok = TRUE;

out:
  return vv_xml_writer_finish_export (writer, ok, "XLIFF 2.0", error);
}
