/* vv-import-private.h: helpers shared by the importers
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

glong       _vv_import_strlen_upto      (const char   *text,
                                         glong         limit);
char       *_vv_import_strip            (const char   *text);
VvBlock    *_vv_import_append_block     (VvDocument   *document,
                                         VvBlockKind   kind,
                                         guint         level,
                                         const char   *text,
                                         VvSegmenter  *segmenter);

/* Blocks found by a structured importer, before the document is built */
typedef struct
{
  VvBlockKind  kind;
  guint        level;
  char        *text;
} VvPendingBlock;

GArray     *_vv_import_blocks_new       (void);
void        _vv_import_blocks_add       (GArray       *blocks,
                                         VvBlockKind   kind,
                                         guint         level,
                                         const char   *text);
VvDocument *_vv_import_blocks_finish    (GArray       *blocks,
                                         const char   *meta_title,
                                         VvSegmenter  *segmenter,
                                         const char   *display_name,
                                         GError      **error);

G_END_DECLS
