/* vv-readability.h: main-article extraction from an HTML page
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

/**
 * VvArticleBlock:
 * @kind: what the block is; %VV_BLOCK_KIND_BOILERPLATE for non-article
 *   parts found inside or next to the article (share bars, "À lire aussi")
 * @level: the heading level (1–6), or 0
 * @text: the block's text, white space collapsed (UTF-8)
 */
typedef struct
{
  VvBlockKind  kind;
  guint        level;
  char        *text;
} VvArticleBlock;

/**
 * VvArticle:
 * @title: (nullable): the article's title
 * @byline: (nullable): the author line, when the page has one
 * @language: (nullable): the page's `lang`
 * @blocks: (element-type VvArticleBlock): the article, in order
 */
typedef struct
{
  char      *title;
  char      *byline;
  char      *language;
  GPtrArray *blocks;
} VvArticle;

VvArticle *vv_readability_extract (const char *html,
                                   gsize       length);
void       vv_article_free        (VvArticle  *article);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VvArticle, vv_article_free)

G_END_DECLS
