/* vv-export-po.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vv-block.h"
#include "vv-document.h"
#include "vv-export-private.h"
#include "vv-exporter.h"
#include "vv-segment.h"

/* Gettext PO: one entry per segment, msgctxt = segment id (so equal
 * sources stay separate), drafts and needs-changes marked fuzzy, the state
 * as an extracted comment, comments as translator comments. */

static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\%03o", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/* msgid/msgstr: a text with newlines is split after each one, as gettext does */
static void
append_field (GString    *out,
              const char *keyword,
              const char *text)
{
  g_string_append (out, keyword);
  g_string_append_c (out, ' ');

  if (strchr (text, '\n') == NULL || strchr (text, '\n')[1] == '\0')
    {
      append_quoted (out, text);
      g_string_append_c (out, '\n');
      return;
    }

  g_string_append (out, "\"\"\n");
  while (*text != '\0')
    {
      const char *nl = strchr (text, '\n');
      gsize len = nl ? (gsize)(nl - text + 1) : strlen (text);
      g_autofree char *line = g_strndup (text, len);

      append_quoted (out, line);
      g_string_append_c (out, '\n');
      text += len;
    }
}

static void
append_comment (GString    *out,
                const char *prefix,
                const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strdelimit (lines[i], "\r", ' ');
      g_string_append (out, prefix);
      if (*lines[i] != '\0')
        {
          g_string_append_c (out, ' ');
          g_string_append (out, lines[i]);
        }
      g_string_append_c (out, '\n');
    }
}

gboolean
vv_export_po (VvDocument             *document,
              const VvExportOptions  *options,
              GOutputStream          *stream,
              GCancellable           *cancellable,
              GError                **error)
{
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);
  g_autoptr(GString) header = g_string_new (NULL);
  g_autofree char *key = _vv_export_document_key (document);
  g_autofree char *created = _vv_export_format_date (vv_document_get_created (document), "%Y-%m-%d %H:%M+0000");
  g_autofree char *changed = _vv_export_format_date (vv_document_get_changed (document), "%Y-%m-%d %H:%M+0000");
  g_autofree char *title = g_strdup (vv_document_get_title (document));

  g_strdelimit (title, "\n\r", ' ');
  g_string_append_printf (header,
                          "Project-Id-Version: %s\n"
                          "Report-Msgid-Bugs-To: \n"
                          "POT-Creation-Date: %s\n"
                          "PO-Revision-Date: %s\n"
                          "Last-Translator: \n"
                          "Language-Team: \n"
                          "Language: %s\n"
                          "MIME-Version: 1.0\n"
                          "Content-Type: text/plain; charset=UTF-8\n"
                          "Content-Transfer-Encoding: 8bit\n"
                          "X-Generator: Vis-à-vis " PACKAGE_VERSION "\n"
                          "X-Visavis-Project: %s\n",
                          *title ? title : "article", created, changed,
                          vv_document_get_target_language (document), key);
  append_comment (out, "#", vv_document_get_title (document));
  g_string_append (out, "msgid \"\"\n");
  append_field (out, "msgstr", header->str);

  for (guint i = 0; i < vv_document_get_n_segments (document); i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);
      VvSegmentState state = vv_segment_get_state (segment);
      const char *target = _vv_export_target (segment, options);
      g_autofree char *id = NULL;

      if (!vv_export_segment_included (segment, options))
        continue;

      g_string_append_c (out, '\n');
      if (options->include_comments)
        for (guint c = 0; c < vv_segment_get_n_comments (segment); c++)
          {
            g_autofree char *line = _vv_export_comment_line (vv_segment_get_comment (segment, c));
            append_comment (out, "#", line);
          }
      if (options->include_states)
        {
          g_autofree char *state_line = g_strdup_printf ("state: %s", vv_segment_state_to_string (state));
          append_comment (out, "#.", state_line);
        }
      if (*target != '\0' &&
          (state == VV_SEGMENT_STATE_DRAFT || state == VV_SEGMENT_STATE_NEEDS_CHANGES ||
           state == VV_SEGMENT_STATE_UNTRANSLATED))
        g_string_append (out, "#, fuzzy\n");

      id = g_strdup_printf ("%u", vv_segment_get_id (segment));
      append_field (out, "msgctxt", id);
      append_field (out, "msgid", vv_segment_get_source (segment));
      append_field (out, "msgstr", target);

      if (out->len > 60 * 1024)
        {
          if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}
