/* vv-export-csv.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vv-block.h"
#include "vv-document.h"
#include "vv-export-private.h"
#include "vv-exporter.h"
#include "vv-segment.h"

/* CSV (RFC 4180) and TSV: UTF-8 without BOM, CRLF line ends, a header row
 * "id, source, target[, state][, comments]". A field is quoted when it
 * holds the separator, a quote, CR or LF; quotes are doubled. TSV uses the
 * same quoting with a tab as separator. States are the stable ids
 * (untranslated, draft, translated, needs-changes, approved); comments are
 * one "Author (date): text" per line. The round trip reads the columns by
 * their header names. */

static void
append_field (GString    *out,
              const char *text,
              char        separator)
{
  gboolean quote = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == separator || *p == '"' || *p == '\n' || *p == '\r')
      {
        quote = TRUE;
        break;
      }

  if (!quote)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static gboolean
export_separated (VvDocument             *document,
                  const VvExportOptions  *options,
                  char                    separator,
                  GOutputStream          *stream,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);

  g_string_append_printf (out, "id%csource%ctarget", separator, separator);
  if (options->include_states)
    g_string_append_printf (out, "%cstate", separator);
  if (options->include_comments)
    g_string_append_printf (out, "%ccomments", separator);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < vv_document_get_n_segments (document); i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);
      const char *target = _vv_export_target (segment, options);

      if (!vv_export_segment_included (segment, options))
        continue;

      g_string_append_printf (out, "%u%c", vv_segment_get_id (segment), separator);
      append_field (out, vv_segment_get_source (segment), separator);
      g_string_append_c (out, separator);
      append_field (out, target, separator);
      if (options->include_states)
        {
          g_string_append_c (out, separator);
          g_string_append (out, vv_segment_state_to_string (*target ? vv_segment_get_state (segment)
                                                                    : VV_SEGMENT_STATE_UNTRANSLATED));
        }
      if (options->include_comments)
        {
          g_autoptr(GString) comments = g_string_new (NULL);

          for (guint c = 0; c < vv_segment_get_n_comments (segment); c++)
            {
              g_autofree char *line = _vv_export_comment_line (vv_segment_get_comment (segment, c));
              if (c > 0)
                g_string_append_c (comments, '\n');
              g_string_append (comments, line);
            }
          g_string_append_c (out, separator);
          append_field (out, comments->str, separator);
        }
      g_string_append (out, "\r\n");

      if (out->len > 60 * 1024)
        {
          if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}

gboolean
vv_export_csv (VvDocument             *document,
               const VvExportOptions  *options,
               GOutputStream          *stream,
               GCancellable           *cancellable,
               GError                **error)
{
  return export_separated (document, options, ',', stream, cancellable, error);
}

gboolean
vv_export_tsv (VvDocument             *document,
               const VvExportOptions  *options,
               GOutputStream          *stream,
               GCancellable           *cancellable,
               GError                **error)
{
  return export_separated (document, options, '\t', stream, cancellable, error);
}
