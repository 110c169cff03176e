/* vv-import-html.c: web pages (.html, .htm, URLs)
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "vv-charset.h"
#include "vv-document.h"
#include "vv-importer.h"
#include "vv-readability.h"

/* Binary files renamed .html: NUL bytes without a UTF-16 byte order mark */
static gboolean
looks_binary (const char *data,
              gsize       size)
{
  gsize limit = MIN (size, 8192);
  guint nuls = 0;

  if (size >= 2 && (((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE)
                    || ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF)))
    return FALSE;
  for (gsize i = 0; i < limit; i++)
    if (data[i] == '\0')
      nuls++;
  return nuls > 0 && nuls * 100 >= limit;   /* ≥ 1 % NUL bytes */
}

/**
 * vv_import_html_full:
 * @bytes: the page
 * @display_name: its file name or URL, for messages
 * @content_type: (nullable): the server's Content-Type header (for its charset)
 * @segmenter: (nullable): splits blocks into segments
 * @error: return location for an error
 *
 * Imports the article of a web page: the title, then its headings,
 * paragraphs, list items, quotes and captions; non-article parts found in
 * the article's container (share bars, "À lire aussi"…) become boilerplate
 * blocks and the rest of the page (menus, footers, banners) is dropped.
 *
 * Returns: (transfer full) (nullable): the document
 */
VvDocument *
vv_import_html_full (GBytes       *bytes,
                     const char   *display_name,
                     const char   *content_type,
                     VvSegmenter  *segmenter,
                     GError      **error)
{
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(VvArticle) article = NULL;
  g_autofree char *html = NULL;
  gsize size, length;
  const char *data = g_bytes_get_data (bytes, &size);
  guint n_text_blocks = 0;

  if (data == NULL || size == 0)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty: there is no text to translate"), display_name);
      return NULL;
    }
  if (looks_binary (data, size))
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_BINARY,
                   _("“%s” is not a web page (it contains binary data)"), display_name);
      return NULL;
    }

  html = vv_charset_decode_html (data, size, content_type, NULL, NULL, &length);
  article = vv_readability_extract (html, length);
  if (article == NULL)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_FORMAT,
                   _("“%s” could not be read as a web page"), display_name);
      return NULL;
    }

  document = vv_document_new ();
  vv_document_begin_batch (document);
  if (article->title != NULL)
    {
      vv_document_set_title (document, article->title);
      vv_document_append_text_block (document, VV_BLOCK_KIND_TITLE, 0, article->title, NULL);
    }
  for (guint i = 0; i < article->blocks->len; i++)
    {
      VvArticleBlock *block = article->blocks->pdata[i];

      if (vv_document_append_text_block (document, block->kind, block->level, block->text, segmenter) != NULL
          && block->kind != VV_BLOCK_KIND_BOILERPLATE)
        n_text_blocks++;
    }
  vv_document_end_batch (document);

  if (n_text_blocks == 0)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_EMPTY,
                   _("“%s” has no article text to translate"), display_name);
      return NULL;
    }

  vv_document_set_dirty (document, FALSE);
  return g_steal_pointer (&document);
}

/**
 * vv_import_html:
 * @bytes: the page
 * @display_name: its file name or URL, for messages
 * @segmenter: (nullable): splits blocks into segments
 * @error: return location for an error
 *
 * The registry's entry for web pages; see vv_import_html_full().
 *
 * Returns: (transfer full) (nullable): the document
 */
VvDocument *
vv_import_html (GBytes       *bytes,
                const char   *display_name,
                VvSegmenter  *segmenter,
                GError      **error)
{
  return vv_import_html_full (bytes, display_name, NULL, segmenter, error);
}
