/* vv-document.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

#define VV_DOCUMENT_ERROR (vv_document_error_quark ())

/**
 * VvDocumentError:
 * @VV_DOCUMENT_ERROR_INVALID: the operation does not apply (bad offset, no next segment…)
 * @VV_DOCUMENT_ERROR_LOCKED: the segment is locked
 */
typedef enum
{
  VV_DOCUMENT_ERROR_INVALID,
  VV_DOCUMENT_ERROR_LOCKED,
} VvDocumentError;

#define VV_TYPE_DOCUMENT (vv_document_get_type ())

G_DECLARE_FINAL_TYPE (VvDocument, vv_document, VV, DOCUMENT, GObject)

GQuark        vv_document_error_quark          (void);
VvDocument   *vv_document_new                  (void);

const char   *vv_document_get_title            (VvDocument     *self);
void          vv_document_set_title            (VvDocument     *self,
                                                const char     *title);
const char   *vv_document_get_source_uri       (VvDocument     *self);
void          vv_document_set_source_uri       (VvDocument     *self,
                                                const char     *uri);
const char   *vv_document_get_source_language  (VvDocument     *self);
void          vv_document_set_source_language  (VvDocument     *self,
                                                const char     *language);
const char   *vv_document_get_target_language  (VvDocument     *self);
void          vv_document_set_target_language  (VvDocument     *self,
                                                const char     *language);
GDateTime    *vv_document_get_created          (VvDocument     *self);
void          vv_document_set_created          (VvDocument     *self,
                                                GDateTime      *created);
GDateTime    *vv_document_get_changed          (VvDocument     *self);
void          vv_document_set_changed          (VvDocument     *self,
                                                GDateTime      *changed);
const char   *vv_document_get_generator        (VvDocument     *self);
void          vv_document_set_generator        (VvDocument     *self,
                                                const char     *generator);
gboolean      vv_document_get_dirty            (VvDocument     *self);
void          vv_document_set_dirty            (VvDocument     *self,
                                                gboolean        dirty);

guint         vv_document_get_n_blocks         (VvDocument     *self);
VvBlock      *vv_document_get_block            (VvDocument     *self,
                                                guint           index);
void          vv_document_append_block         (VvDocument     *self,
                                                VvBlock        *block);
VvBlock      *vv_document_append_text_block    (VvDocument     *self,
                                                VvBlockKind     kind,
                                                guint           level,
                                                const char     *text,
                                                VvSegmenter    *segmenter);

guint         vv_document_get_n_segments       (VvDocument     *self);
VvSegment    *vv_document_get_segment          (VvDocument     *self,
                                                guint           position);
VvSegment    *vv_document_lookup_segment       (VvDocument     *self,
                                                guint           id);
guint         vv_document_get_state_count      (VvDocument     *self,
                                                VvSegmentState  state);
guint         vv_document_get_n_counted        (VvDocument     *self);
double        vv_document_get_progress         (VvDocument     *self);

void          vv_document_begin_batch          (VvDocument     *self);
void          vv_document_end_batch            (VvDocument     *self);

VvSegment    *vv_document_split_segment        (VvDocument     *self,
                                                VvSegment      *segment,
                                                gsize           source_offset,
                                                gssize          target_offset,
                                                guint           new_id,
                                                GError        **error);
gboolean      vv_document_merge_segment        (VvDocument     *self,
                                                VvSegment      *segment,
                                                GError        **error);

G_END_DECLS
