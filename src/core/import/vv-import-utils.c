/* vv-import-utils.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vv-block.h"
#include "vv-boilerplate.h"
#include "vv-document.h"
#include "vv-import-private.h"

/**
 * _vv_import_strlen_upto:
 * @text: UTF-8 text
 * @limit: where to stop counting
 *
 * Counts characters like g_utf8_strlen(), but stops past @limit: the
 * importers compare lengths with small thresholds, and paragraphs are long.
 *
 * Returns: the number of characters, or @limit + 1 if there are more
 */
glong
_vv_import_strlen_upto (const char *text,
                        glong       limit)
{
  glong n = 0;

  for (const char *p = text; *p != '\0' && n <= limit; p = g_utf8_next_char (p))
    n++;
  return n;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0xFEFF || c == 0x200B;
}

/**
 * _vv_import_strip:
 * @text: UTF-8 text
 *
 * Returns: (transfer full): @text without leading and trailing white
 *   space, including the no-break spaces that web pages and office
 *   documents keep
 */
char *
_vv_import_strip (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

/**
 * _vv_import_append_block:
 * @document: the document being built
 * @kind: the kind of block the format says it is
 * @level: the heading level, or 0
 * @text: the block's text; white space is collapsed
 * @segmenter: (nullable): splits it into segments
 *
 * Appends a block found in a structured document (Markdown, DOCX, ODT).
 * Paragraphs and list items that are site boilerplate (text copied from a
 * web page into a document often keeps its cookie banner and share bar)
 * become excluded boilerplate blocks.
 *
 * Returns: (transfer none) (nullable): the block, or %NULL if @text is blank
 */
VvBlock *
_vv_import_append_block (VvDocument  *document,
                         VvBlockKind  kind,
                         guint        level,
                         const char  *text,
                         VvSegmenter *segmenter)
{
  GString *collapsed = g_string_sized_new (strlen (text));
  g_autofree char *stripped = NULL;
  gboolean space = FALSE;

  /* Office and Markdown sources break lines inside paragraphs */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          space = TRUE;
          continue;
        }
      if (space && collapsed->len > 0)
        g_string_append_c (collapsed, ' ');
      space = FALSE;
      g_string_append_unichar (collapsed, c);
    }
  stripped = _vv_import_strip (collapsed->str);
  g_string_free (collapsed, TRUE);

  if (*stripped == '\0')
    return NULL;

  if ((kind == VV_BLOCK_KIND_PARAGRAPH || kind == VV_BLOCK_KIND_LIST_ITEM) &&
      vv_boilerplate_classify_line (stripped, NULL) != VV_BOILERPLATE_NONE)
    kind = VV_BLOCK_KIND_BOILERPLATE;

  return vv_document_append_text_block (document, kind, kind == VV_BLOCK_KIND_HEADING ? level : 0,
                                        stripped, segmenter);
}
