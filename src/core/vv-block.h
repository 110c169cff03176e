/* vv-block.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

#define VV_TYPE_BLOCK (vv_block_get_type ())

G_DECLARE_FINAL_TYPE (VvBlock, vv_block, VV, BLOCK, GObject)

VvBlock      *vv_block_new              (VvBlockKind  kind,
                                         guint        level);
VvDocument   *vv_block_get_document     (VvBlock     *self);
VvBlockKind   vv_block_get_kind         (VvBlock     *self);
guint         vv_block_get_level        (VvBlock     *self);
gboolean      vv_block_get_included     (VvBlock     *self);
void          vv_block_set_included     (VvBlock     *self,
                                         gboolean     included);
gboolean      vv_block_is_excluded      (VvBlock     *self);
guint         vv_block_get_n_segments   (VvBlock     *self);
VvSegment    *vv_block_get_segment      (VvBlock     *self,
                                         guint        index);
VvSegment    *vv_block_append_segment   (VvBlock     *self,
                                         const char  *source);
void          vv_block_add_segment      (VvBlock     *self,
                                         VvSegment   *segment);
char         *vv_block_dup_source_text  (VvBlock     *self);
char         *vv_block_dup_target_text  (VvBlock     *self,
                                         gboolean     source_if_empty);

const char   *vv_block_kind_to_string   (VvBlockKind  kind);
gboolean      vv_block_kind_from_string (const char  *string,
                                         VvBlockKind *kind);

G_END_DECLS
