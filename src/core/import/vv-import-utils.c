/* vv-import-utils.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vv-block.h"
#include "vv-boilerplate.h"
#include "vv-document.h"
#include "vv-import-private.h"
#include "vv-importer.h"
#include "vv-segment.h"

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

static void
pending_block_clear (VvPendingBlock *block)
{
  g_free (block->text);
}

/**
 * _vv_import_blocks_new:
 *
 * Returns: (transfer full): an empty array of #VvPendingBlock
 */
GArray *
_vv_import_blocks_new (void)
{
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (VvPendingBlock));

  g_array_set_clear_func (blocks, (GDestroyNotify)pending_block_clear);
  return blocks;
}

/**
 * _vv_import_blocks_add:
 * @blocks: an array from _vv_import_blocks_new()
 * @kind: the block's kind
 * @level: the heading level, or 0
 * @text: the text; blank text adds nothing
 */
void
_vv_import_blocks_add (GArray      *blocks,
                       VvBlockKind  kind,
                       guint        level,
                       const char  *text)
{
  VvPendingBlock block = { kind, level, NULL };
  g_autofree char *stripped = _vv_import_strip (text);

  if (*stripped == '\0')
    return;
  if (kind == VV_BLOCK_KIND_CODE)
    {
      /* Code keeps its indentation and lines; only the final newlines go */
      gsize len = strlen (text);

      while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
        len--;
      block.text = g_strndup (text, len);
    }
  else
    block.text = g_steal_pointer (&stripped);
  g_array_append_val (blocks, block);
}

/**
 * _vv_import_blocks_finish:
 * @blocks: the blocks found
 * @meta_title: (nullable): the title from the document's metadata
 * @segmenter: (nullable): splits blocks into segments
 * @display_name: the file name, for messages
 * @error: return location for an error
 *
 * Builds the document. The first block marked as the title is the title
 * (later ones become level-1 headings); without one, a level-1 heading
 * that opens the document is the title. The metadata title names the
 * document when no block does.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with
 *   %VV_IMPORT_ERROR_EMPTY when there is no text
 */
VvDocument *
_vv_import_blocks_finish (GArray       *blocks,
                          const char   *meta_title,
                          VvSegmenter  *segmenter,
                          const char   *display_name,
                          GError      **error)
{
  g_autoptr(VvDocument) document = NULL;
  VvPendingBlock *b = (VvPendingBlock *)blocks->data;
  gboolean have_title = FALSE;

  if (blocks->len == 0)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty: there is no text to translate"), display_name);
      return NULL;
    }

  for (guint i = 0; i < blocks->len; i++)
    if (b[i].kind == VV_BLOCK_KIND_TITLE)
      {
        if (have_title)
          {
            b[i].kind = VV_BLOCK_KIND_HEADING;
            b[i].level = 1;
          }
        have_title = TRUE;
      }
  if (!have_title && b[0].kind == VV_BLOCK_KIND_HEADING && b[0].level == 1)
    {
      b[0].kind = VV_BLOCK_KIND_TITLE;
      have_title = TRUE;
    }

  document = vv_document_new ();
  vv_document_begin_batch (document);
  if (meta_title != NULL && *meta_title != '\0')
    {
      g_autofree char *title = _vv_import_strip (meta_title);
      vv_document_set_title (document, title);
    }
  for (guint i = 0; i < blocks->len; i++)
    {
      if (b[i].kind == VV_BLOCK_KIND_TITLE)
        vv_document_set_title (document, b[i].text);
      if (b[i].kind == VV_BLOCK_KIND_CODE)
        {
          VvBlock *block = vv_document_append_text_block (document, b[i].kind, 0, b[i].text, segmenter);

          /* Code is kept as it is: locked, and not for machine translation,
           * QA or translators (XLIFF says translate="no") */
          for (guint j = 0; block != NULL && j < vv_block_get_n_segments (block); j++)
            vv_segment_set_flags (vv_block_get_segment (block, j),
                                  VV_SEGMENT_FLAGS_LOCKED | VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE);
        }
      else
        _vv_import_append_block (document, b[i].kind, b[i].level, b[i].text, segmenter);
    }
  vv_document_end_batch (document);

  vv_document_set_dirty (document, FALSE);
  return g_steal_pointer (&document);
}
