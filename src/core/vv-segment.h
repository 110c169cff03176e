/* vv-segment.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

/**
 * VvComment:
 * @author: who wrote it
 * @time: when (UTC)
 * @text: the comment, may contain newlines
 * @resolved: whether the thread was marked resolved
 */
typedef struct
{
  char      *author;
  GDateTime *time;
  char      *text;
  gboolean   resolved;
} VvComment;

/**
 * VvHistoryEntry:
 * @time: when the change was made (UTC)
 * @author: who made it
 * @state: the state after the change
 * @target: the target text after the change
 * @origin: (nullable): where the target came from ("mt:apertium", "human", …)
 */
typedef struct
{
  GDateTime      *time;
  char           *author;
  VvSegmentState  state;
  char           *target;
  char           *origin;
} VvHistoryEntry;

/**
 * VvSuggestion:
 * @provider: the id of the machine-translation provider or memory
 * @text: its proposed translation
 */
typedef struct
{
  char *provider;
  char *text;
} VvSuggestion;

#define VV_TYPE_COMMENT (vv_comment_get_type ())
#define VV_TYPE_HISTORY_ENTRY (vv_history_entry_get_type ())
#define VV_TYPE_SUGGESTION (vv_suggestion_get_type ())

GType           vv_comment_get_type        (void) G_GNUC_CONST;
VvComment      *vv_comment_new             (const char     *author,
                                            GDateTime      *time,
                                            const char     *text,
                                            gboolean        resolved);
VvComment      *vv_comment_copy            (const VvComment *comment);
void            vv_comment_free            (VvComment      *comment);

GType           vv_history_entry_get_type  (void) G_GNUC_CONST;
VvHistoryEntry *vv_history_entry_new       (GDateTime      *time,
                                            const char     *author,
                                            VvSegmentState  state,
                                            const char     *target,
                                            const char     *origin);
VvHistoryEntry *vv_history_entry_copy      (const VvHistoryEntry *entry);
void            vv_history_entry_free      (VvHistoryEntry *entry);

GType           vv_suggestion_get_type     (void) G_GNUC_CONST;
VvSuggestion   *vv_suggestion_new          (const char     *provider,
                                            const char     *text);
VvSuggestion   *vv_suggestion_copy         (const VvSuggestion *suggestion);
void            vv_suggestion_free         (VvSuggestion   *suggestion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VvComment, vv_comment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VvHistoryEntry, vv_history_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VvSuggestion, vv_suggestion_free)

#define VV_TYPE_SEGMENT (vv_segment_get_type ())

G_DECLARE_FINAL_TYPE (VvSegment, vv_segment, VV, SEGMENT, GObject)

VvSegment      *vv_segment_new                 (guint           id,
                                                const char     *source);
guint           vv_segment_get_id              (VvSegment      *self);
VvBlock        *vv_segment_get_block           (VvSegment      *self);
VvDocument     *vv_segment_get_document        (VvSegment      *self);
guint           vv_segment_get_position        (VvSegment      *self);
const char     *vv_segment_get_source          (VvSegment      *self);
const char     *vv_segment_get_target          (VvSegment      *self);
void            vv_segment_set_target          (VvSegment      *self,
                                                const char     *target);
VvSegmentState  vv_segment_get_state           (VvSegment      *self);
void            vv_segment_set_state           (VvSegment      *self,
                                                VvSegmentState  state);
const char     *vv_segment_get_origin          (VvSegment      *self);
void            vv_segment_set_origin          (VvSegment      *self,
                                                const char     *origin);
VvSegmentFlags  vv_segment_get_flags           (VvSegment      *self);
void            vv_segment_set_flags           (VvSegment      *self,
                                                VvSegmentFlags  flags);
gboolean        vv_segment_is_locked           (VvSegment      *self);
gboolean        vv_segment_is_excluded         (VvSegment      *self);
void            vv_segment_commit              (VvSegment      *self,
                                                VvSegmentState  state,
                                                const char     *author);

guint           vv_segment_get_n_comments      (VvSegment      *self);
const VvComment *vv_segment_get_comment        (VvSegment      *self,
                                                guint           index);
void            vv_segment_add_comment         (VvSegment      *self,
                                                VvComment      *comment);
void            vv_segment_set_comment_resolved (VvSegment     *self,
                                                guint           index,
                                                gboolean        resolved);
guint           vv_segment_get_n_unresolved_comments (VvSegment *self);

guint           vv_segment_get_n_history       (VvSegment      *self);
const VvHistoryEntry *vv_segment_get_history   (VvSegment      *self,
                                                guint           index);
void            vv_segment_add_history         (VvSegment      *self,
                                                VvHistoryEntry *entry);

guint           vv_segment_get_n_suggestions   (VvSegment      *self);
const VvSuggestion *vv_segment_get_suggestion  (VvSegment      *self,
                                                guint           index);
const char     *vv_segment_lookup_suggestion   (VvSegment      *self,
                                                const char     *provider);
void            vv_segment_set_suggestion      (VvSegment      *self,
                                                const char     *provider,
                                                const char     *text);

const char     *vv_segment_state_to_string     (VvSegmentState  state);
gboolean        vv_segment_state_from_string   (const char     *string,
                                                VvSegmentState *state);
const char     *vv_segment_state_get_label     (VvSegmentState  state);
guint           vv_segment_get_edit_seconds    (VvSegment      *self);
void            vv_segment_add_edit_seconds    (VvSegment      *self,
                                                guint           seconds);

G_END_DECLS
