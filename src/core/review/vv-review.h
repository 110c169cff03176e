/* vv-review.h: workflow rules — state transitions, history, comments
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

#define VV_REVIEW_ERROR (vv_review_error_quark ())

/**
 * VvReviewError:
 * @VV_REVIEW_ERROR_TRANSITION: the state change is not allowed from the current state
 * @VV_REVIEW_ERROR_EMPTY_TARGET: the state needs a translation and the target is empty
 * @VV_REVIEW_ERROR_LOCKED: the segment is locked
 * @VV_REVIEW_ERROR_COMMENT_REQUIRED: sending back needs a comment
 * @VV_REVIEW_ERROR_NO_SUCH_VERSION: the history has no such entry
 */
typedef enum
{
  VV_REVIEW_ERROR_TRANSITION,
  VV_REVIEW_ERROR_EMPTY_TARGET,
  VV_REVIEW_ERROR_LOCKED,
  VV_REVIEW_ERROR_COMMENT_REQUIRED,
  VV_REVIEW_ERROR_NO_SUCH_VERSION,
} VvReviewError;

/**
 * VvReviewVersions:
 * @mt: (nullable): the machine translation the segment started from
 * @translator: (nullable): the target the translator last confirmed
 * @reviewer: (nullable): the target the reviewer approved or sent back,
 *   when it was recorded after the translator's
 *
 * The chain MT → translator → reviewer, as borrowed strings.
 */
typedef struct
{
  const char *mt;
  const char *translator;
  const char *reviewer;
} VvReviewVersions;

GQuark      vv_review_error_quark          (void);

gboolean    vv_review_can_transition       (VvSegmentState  from,
                                            VvSegmentState  to);
gboolean    vv_review_set_state            (VvSegment      *segment,
                                            VvSegmentState  state,
                                            const char     *author,
                                            GError        **error);
gboolean    vv_review_confirm              (VvSegment      *segment,
                                            const char     *author,
                                            GError        **error);
gboolean    vv_review_approve              (VvSegment      *segment,
                                            const char     *author,
                                            GError        **error);
gboolean    vv_review_send_back            (VvSegment      *segment,
                                            const char     *author,
                                            const char     *comment,
                                            GError        **error);
gboolean    vv_review_restore              (VvSegment      *segment,
                                            guint           history_index,
                                            const char     *author,
                                            GError        **error);
void        vv_review_edit_target          (VvSegment      *segment,
                                            const char     *target);

void        vv_review_add_comment          (VvSegment      *segment,
                                            const char     *author,
                                            const char     *text);
GPtrArray  *vv_review_list_commented       (VvDocument     *document,
                                            gboolean        unresolved_only);

void        vv_review_get_versions         (VvSegment      *segment,
                                            VvReviewVersions *versions);
const char *vv_review_get_mt_text          (VvSegment      *segment);
gboolean    vv_review_changed_since_mt     (VvSegment      *segment);

gboolean    vv_review_needs_translation    (VvSegment      *segment);
gboolean    vv_review_needs_review         (VvSegment      *segment);
VvSegment  *vv_review_find                 (VvDocument     *document,
                                            guint           from,
                                            gboolean        forward,
                                            gboolean      (*predicate) (VvSegment *segment));

G_END_DECLS
