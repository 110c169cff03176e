/* vv-import-text.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vv-document.h"
#include "vv-importer.h"

/* Joins the lines of one block with single spaces, trimming each line */
static char *
join_lines (char **lines,
            guint  first,
            guint  last)
{
  GString *str = g_string_new (NULL);

  for (guint i = first; i < last; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (*line == '\0')
        continue;
      if (str->len > 0)
        g_string_append_c (str, ' ');
      g_string_append (str, line);
    }

  return g_string_free (str, FALSE);
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F && c != 0xFEFF)
        return FALSE;
    }
  return TRUE;
}

/**
 * vv_import_text:
 * @bytes: the file's contents
 * @display_name: the file name, for messages
 * @segmenter: splits paragraphs into segments
 * @error: return location for an error
 *
 * Imports plain text: the first non-empty line is the title, blocks are
 * separated by blank lines, and the lines of a block are joined.
 *
 * Returns: (transfer full) (nullable): the document
 */
VvDocument *
vv_import_text (GBytes       *bytes,
                const char   *display_name,
                VvSegmenter  *segmenter,
                GError      **error)
{
  g_autoptr(VvDocument) document = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean have_title = FALSE;
  guint n_lines, start;

  text = vv_import_decode_text (bytes, display_name, error);
  if (text == NULL)
    return NULL;

  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);

  document = vv_document_new ();
  vv_document_begin_batch (document);

  start = 0;
  while (start < n_lines)
    {
      guint end;

      while (start < n_lines && is_blank (lines[start]))
        start++;
      if (start >= n_lines)
        break;

      if (!have_title)
        {
          g_autofree char *title = g_strstrip (g_strdup (lines[start]));

          vv_document_set_title (document, title);
          vv_document_append_text_block (document, VV_BLOCK_KIND_TITLE, 0, title, NULL);
          have_title = TRUE;
          start++;
          continue;
        }

      end = start;
      while (end < n_lines && !is_blank (lines[end]))
        end++;

      {
        g_autofree char *paragraph = join_lines (lines, start, end);
        vv_document_append_text_block (document, VV_BLOCK_KIND_PARAGRAPH, 0, paragraph, segmenter);
      }
      start = end;
    }

  vv_document_end_batch (document);

  if (!have_title)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty: there is no text to translate"), display_name);
      return NULL;
    }

  vv_document_set_dirty (document, FALSE);
  return g_steal_pointer (&document);
}
