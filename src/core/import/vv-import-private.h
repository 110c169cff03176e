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

G_END_DECLS
