/* vv-document-private.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vv-block.h"
#include "vv-document.h"
#include "vv-segment.h"

G_BEGIN_DECLS

void     _vv_segment_set_block          (VvSegment         *self,
                                         VvBlock           *block);
void     _vv_segment_set_id             (VvSegment         *self,
                                         guint              id);
void     _vv_segment_set_position       (VvSegment         *self,
                                         guint              position);
void     _vv_segment_set_source         (VvSegment         *self,
                                         const char        *source);
char    *_vv_segment_ref_source         (VvSegment         *self);
char    *_vv_segment_ref_target         (VvSegment         *self);
char    *_vv_segment_ref_origin         (VvSegment         *self);
void     _vv_block_set_document         (VvBlock           *self,
                                         VvDocument        *document);
GPtrArray *_vv_block_get_segments       (VvBlock           *self);
void     _vv_document_segment_changed   (VvDocument        *self,
                                         VvSegment         *segment,
                                         VvSegmentChange    change,
                                         VvSegmentState     old_state);
void     _vv_document_block_changed     (VvDocument        *self,
                                         VvBlock           *block,
                                         gboolean           excluded_before);
guint    _vv_document_take_id           (VvDocument        *self);
void     _vv_document_note_id           (VvDocument        *self,
                                         guint              id);

G_END_DECLS
