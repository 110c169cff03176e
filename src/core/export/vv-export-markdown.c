/* vv-export-markdown.c
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

/* The translated article as CommonMark: the title as "# ", headings as
 * "#" × level, list items as "- ", quotes as "> ", captions in italics,
 * code fenced. Characters that would start markup are escaped with a
 * backslash, so the text reads back as the same text. */

static void
append_escaped (GString    *out,
                const char *text)
{
  gboolean line_start = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (line_start)
        {
          const char *q = p;

          while (*q == ' ')
            q++;
          if (*q == '#' || *q == '>' || *q == '-' || *q == '+' || *q == '=')
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              p = q;
              c = *p;
            }
          else if (g_ascii_isdigit (*q))
            {
              const char *d = q;
              while (g_ascii_isdigit (*d))
                d++;
              if (*d == '.' || *d == ')')
                {
                  g_string_append_len (out, p, d - p);
                  g_string_append_c (out, '\\');
                  p = d;
                  c = *p;
                }
            }
        }

      if (strchr ("\\`*_[]<", c) != NULL)
        g_string_append_c (out, '\\');
      if (c == '\n')
        {
          /* a hard line break keeps the line */
          g_string_append (out, "\\\n");
          line_start = TRUE;
          continue;
        }
      g_string_append_c (out, c);
      line_start = FALSE;
    }
}

gboolean
vv_export_markdown (VvDocument             *document,
                    const VvExportOptions  *options,
                    GOutputStream          *stream,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);
  VvBlockKind previous = VV_BLOCK_KIND_PARAGRAPH;
  gboolean first = TRUE;

  for (guint b = 0; b < vv_document_get_n_blocks (document); b++)
    {
      VvBlock *block = vv_document_get_block (document, b);
      VvBlockKind kind = vv_block_get_kind (block);
      g_autofree char *text = NULL;

      if (!_vv_export_block_included (block, options))
        continue;

      text = _vv_export_block_text (block, options);
      /* consecutive list items form one list */
      if (!first && !(kind == VV_BLOCK_KIND_LIST_ITEM && previous == VV_BLOCK_KIND_LIST_ITEM))
        g_string_append_c (out, '\n');
      first = FALSE;
      previous = kind;

      switch (kind)
        {
        case VV_BLOCK_KIND_TITLE:
          g_string_append (out, "# ");
          append_escaped (out, text);
          break;
        case VV_BLOCK_KIND_HEADING:
          for (guint l = 0; l < CLAMP (vv_block_get_level (block), 1, 6); l++)
            g_string_append_c (out, '#');
          g_string_append_c (out, ' ');
          append_escaped (out, text);
          break;
        case VV_BLOCK_KIND_LIST_ITEM:
          g_string_append (out, "- ");
          append_escaped (out, text);
          break;
        case VV_BLOCK_KIND_QUOTE:
          g_string_append (out, "> ");
          append_escaped (out, text);
          break;
        case VV_BLOCK_KIND_CAPTION:
          g_string_append_c (out, '*');
          append_escaped (out, text);
          g_string_append_c (out, '*');
          break;
        case VV_BLOCK_KIND_CODE:
          g_string_append (out, "````\n");
          g_string_append (out, text);
          g_string_append (out, "\n````");
          break;
        case VV_BLOCK_KIND_PARAGRAPH:
        case VV_BLOCK_KIND_BOILERPLATE:
        default:
          append_escaped (out, text);
          break;
        }
      g_string_append_c (out, '\n');

      if (out->len > 60 * 1024)
        {
          if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}
