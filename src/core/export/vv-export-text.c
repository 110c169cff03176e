/* vv-export-text.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vv-block.h"
#include "vv-document.h"
#include "vv-exporter.h"
#include "vv-segment.h"

/* The translated article as plain text: one block per paragraph, blocks
 * separated by a blank line. A segment with no (approved, if asked)
 * translation keeps its source, so the text stays complete. */
gboolean
vv_export_text (VvDocument             *document,
                const VvExportOptions  *options,
                GOutputStream          *stream,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean first = TRUE;

  for (guint b = 0; b < vv_document_get_n_blocks (document); b++)
    {
      VvBlock *block = vv_document_get_block (document, b);
      gsize block_start;

      if (vv_block_get_n_segments (block) == 0 ||
          !vv_export_segment_included (vv_block_get_segment (block, 0), options))
        continue;

      if (!first)
        g_string_append_c (out, '\n');
      first = FALSE;

      block_start = out->len;
      for (guint s = 0; s < vv_block_get_n_segments (block); s++)
        {
          VvSegment *segment = vv_block_get_segment (block, s);
          const char *text = vv_segment_get_target (segment);

          if (*text == '\0' ||
              (options->only_approved && vv_segment_get_state (segment) != VV_SEGMENT_STATE_APPROVED))
            text = vv_segment_get_source (segment);

          if (out->len > block_start)
            g_string_append_c (out, ' ');
          g_string_append (out, text);
        }
      g_string_append_c (out, '\n');

      if (out->len > 64 * 1024)
        {
          if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}
