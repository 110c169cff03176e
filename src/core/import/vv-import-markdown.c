/* vv-import-markdown.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <cmark.h>

#include "vv-block.h"
#include "vv-document.h"
#include "vv-import-private.h"
#include "vv-importer.h"

/* Markdown through libcmark, the CommonMark reference parser. The tree is
 * walked with cmark's iterator rather than by recursion, so a file of ten
 * thousand nested quotes cannot exhaust the stack. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_node, cmark_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_iter, cmark_iter_free)

/* The text of an inline subtree: emphasis, links and code spans become
 * plain text, line breaks spaces; raw HTML tags are dropped. */
static char *
inline_text (cmark_node *node,
             gboolean   *only_image)
{
  g_autoptr(cmark_iter) iter = cmark_iter_new (node);
  GString *text = g_string_new (NULL);
  cmark_event_type event;
  gboolean saw_image = FALSE, saw_other = FALSE;
  guint in_image = 0;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (cur);

      switch (type)
        {
        case CMARK_NODE_IMAGE:
          if (event == CMARK_EVENT_ENTER)
            {
              in_image++;
              saw_image = TRUE;
            }
          else
            in_image--;
          break;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (text, cmark_node_get_literal (cur));
          if (in_image == 0)
            {
              const char *literal = cmark_node_get_literal (cur);

              for (const char *p = literal; *p != '\0'; p++)
                if (!g_ascii_isspace (*p))
                  saw_other = TRUE;
            }
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (text, ' ');
          break;
        case CMARK_NODE_NONE:
        case CMARK_NODE_DOCUMENT:
        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_LIST:
        case CMARK_NODE_ITEM:
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_CUSTOM_BLOCK:
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
        case CMARK_NODE_THEMATIC_BREAK:
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_CUSTOM_INLINE:
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
        case CMARK_NODE_LINK:
        default:
          break;
        }
    }

  if (only_image != NULL)
    *only_image = saw_image && !saw_other;
  return g_string_free (text, FALSE);
}

/* HTML blocks that are only comments (<!-- … -->) carry nothing to read */
static gboolean
is_html_comment (const char *html)
{
  g_autofree char *stripped = g_strstrip (g_strdup (html));

  return g_str_has_prefix (stripped, "<!--") && g_str_has_suffix (stripped, "-->");
}

/* YAML front matter ("---" … "---") is metadata: its title is the
 * document's, the rest is not article text. Returns where the Markdown
 * starts. */
static const char *
skip_front_matter (const char  *text,
                   char       **title)
{
  const char *end;
  g_auto(GStrv) lines = NULL;

  *title = NULL;
  if (!g_str_has_prefix (text, "---\n"))
    return text;
  end = strstr (text + 4, "\n---\n");
  if (end == NULL)
    end = strstr (text + 4, "\n...\n");
  if (end == NULL)
    return text;

  {
    g_autofree char *yaml = g_strndup (text + 4, end - (text + 4));

    lines = g_strsplit (yaml, "\n", -1);
  }
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "title:"))
        {
          char *value = g_strstrip (lines[i] + strlen ("title:"));
          gsize len = strlen (value);

          if (len >= 2 && (value[0] == '"' || value[0] == '\'') && value[len - 1] == value[0])
            {
              value[len - 1] = '\0';
              value++;
            }
          g_free (*title);
          *title = g_strdup (value);
        }
    }

  return end + 5;
}

/**
 * vv_import_markdown:
 * @bytes: the file's contents
 * @display_name: the file name, for messages
 * @segmenter: splits paragraphs into segments
 * @error: return location for an error
 *
 * Imports CommonMark: headings, paragraphs, list items and block quotes
 * become blocks; a first level-1 heading (or the front matter's title) is
 * the title; code blocks are kept as locked code blocks; a paragraph made
 * of an image is a caption (its alternative text). Inline markup is
 * flattened to text.
 *
 * Returns: (transfer full) (nullable): the document
 */
VvDocument *
vv_import_markdown (GBytes       *bytes,
                    const char   *display_name,
                    VvSegmenter  *segmenter,
                    GError      **error)
{
  g_autoptr(GArray) blocks = NULL;
  g_autoptr(cmark_node) root = NULL;
  g_autoptr(cmark_iter) iter = NULL;
  g_autofree char *text = NULL;
  g_autofree char *front_title = NULL;
  const char *markdown;
  cmark_event_type event;
  guint quote_depth = 0, item_depth = 0;

  text = vv_import_decode_text (bytes, display_name, error);
  if (text == NULL)
    return NULL;

  markdown = skip_front_matter (text, &front_title);
  root = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  if (root == NULL)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_FORMAT,
                   _("“%s” could not be read as Markdown"), display_name);
      return NULL;
    }

  blocks = _vv_import_blocks_new ();
  iter = cmark_iter_new (root);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);
      gboolean enter = event == CMARK_EVENT_ENTER;
      VvBlockKind kind = VV_BLOCK_KIND_PARAGRAPH;
      guint level = 0;
      g_autofree char *block_text = NULL;
      gboolean only_image = FALSE;

      switch (type)
        {
        case CMARK_NODE_BLOCK_QUOTE:
          quote_depth += enter ? 1 : -1;
          continue;
        case CMARK_NODE_ITEM:
          item_depth += enter ? 1 : -1;
          continue;
        case CMARK_NODE_HEADING:
          if (!enter)
            continue;
          level = CLAMP (cmark_node_get_heading_level (node), 1, 6);
          kind = VV_BLOCK_KIND_HEADING;
          block_text = inline_text (node, NULL);
          break;
        case CMARK_NODE_PARAGRAPH:
          if (!enter)
            continue;
          block_text = inline_text (node, &only_image);
          if (only_image)
            kind = VV_BLOCK_KIND_CAPTION;
          else if (item_depth > 0)
            kind = VV_BLOCK_KIND_LIST_ITEM;
          else if (quote_depth > 0)
            kind = VV_BLOCK_KIND_QUOTE;
          break;
        case CMARK_NODE_CODE_BLOCK:
          kind = VV_BLOCK_KIND_CODE;
          block_text = g_strdup (cmark_node_get_literal (node));
          break;
        case CMARK_NODE_HTML_BLOCK:
          if (is_html_comment (cmark_node_get_literal (node)))
            continue;
          kind = VV_BLOCK_KIND_CODE;
          block_text = g_strdup (cmark_node_get_literal (node));
          break;
        case CMARK_NODE_NONE:
        case CMARK_NODE_DOCUMENT:
        case CMARK_NODE_LIST:
        case CMARK_NODE_CUSTOM_BLOCK:
        case CMARK_NODE_THEMATIC_BREAK:
        case CMARK_NODE_TEXT:
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_CUSTOM_INLINE:
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
        default:
          continue;
        }

      /* Headings and paragraphs were read whole: go on after them */
      if (type == CMARK_NODE_HEADING || type == CMARK_NODE_PARAGRAPH)
        cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);

      _vv_import_blocks_add (blocks, kind, level, block_text);
    }

  return _vv_import_blocks_finish (blocks, front_title, segmenter, display_name, error);
}
