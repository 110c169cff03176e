/* vv-core-types.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _VvDocument  VvDocument;
typedef struct _VvBlock     VvBlock;
typedef struct _VvSegment   VvSegment;
typedef struct _VvSegmenter VvSegmenter;

/**
 * VvSegmentState:
 * @VV_SEGMENT_STATE_UNTRANSLATED: no target yet
 * @VV_SEGMENT_STATE_DRAFT: a target exists (machine translation or unconfirmed edit)
 * @VV_SEGMENT_STATE_TRANSLATED: confirmed by the translator
 * @VV_SEGMENT_STATE_NEEDS_CHANGES: sent back by the reviewer, with a comment
 * @VV_SEGMENT_STATE_APPROVED: approved by the reviewer
 *
 * The workflow state of a segment.
 */
typedef enum
{
  VV_SEGMENT_STATE_UNTRANSLATED,
  VV_SEGMENT_STATE_DRAFT,
  VV_SEGMENT_STATE_TRANSLATED,
  VV_SEGMENT_STATE_NEEDS_CHANGES,
  VV_SEGMENT_STATE_APPROVED,
} VvSegmentState;

#define VV_SEGMENT_N_STATES 5

/**
 * VvBlockKind:
 * @VV_BLOCK_KIND_TITLE: the article's title
 * @VV_BLOCK_KIND_HEADING: a heading (see the block's level, 1–6)
 * @VV_BLOCK_KIND_PARAGRAPH: a paragraph
 * @VV_BLOCK_KIND_LIST_ITEM: an item of a list
 * @VV_BLOCK_KIND_QUOTE: a block quotation
 * @VV_BLOCK_KIND_CAPTION: a figure or photo caption
 * @VV_BLOCK_KIND_BOILERPLATE: site boilerplate (menus, cookie banners…), excluded by default
 * @VV_BLOCK_KIND_CODE: preformatted code, kept but locked
 *
 * What a block of the article is.
 */
typedef enum
{
  VV_BLOCK_KIND_TITLE,
  VV_BLOCK_KIND_HEADING,
  VV_BLOCK_KIND_PARAGRAPH,
  VV_BLOCK_KIND_LIST_ITEM,
  VV_BLOCK_KIND_QUOTE,
  VV_BLOCK_KIND_CAPTION,
  VV_BLOCK_KIND_BOILERPLATE,
  VV_BLOCK_KIND_CODE,
} VvBlockKind;

#define VV_BLOCK_N_KINDS 8

/**
 * VvSegmentFlags:
 * @VV_SEGMENT_FLAGS_NONE: no flag
 * @VV_SEGMENT_FLAGS_LOCKED: the target may not be edited (code, locked by the editor)
 * @VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE: the segment is kept as is in the translation
 */
typedef enum /*< flags >*/
{
  VV_SEGMENT_FLAGS_NONE             = 0,
  VV_SEGMENT_FLAGS_LOCKED           = 1 << 0,
  VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE = 1 << 1,
} VvSegmentFlags;

/**
 * VvSegmentChange:
 * @VV_SEGMENT_CHANGE_TARGET: the target text changed
 * @VV_SEGMENT_CHANGE_STATE: the state changed
 * @VV_SEGMENT_CHANGE_ORIGIN: the origin of the target changed
 * @VV_SEGMENT_CHANGE_FLAGS: the flags changed
 * @VV_SEGMENT_CHANGE_COMMENTS: a comment was added or resolved
 * @VV_SEGMENT_CHANGE_HISTORY: a history entry was added
 * @VV_SEGMENT_CHANGE_SUGGESTIONS: a suggestion was stored
 * @VV_SEGMENT_CHANGE_SOURCE: the source text changed (split or merge)
 *
 * What changed in a segment, as reported by #VvDocument::segment-changed.
 */
typedef enum /*< flags >*/
{
  VV_SEGMENT_CHANGE_TARGET      = 1 << 0,
  VV_SEGMENT_CHANGE_STATE       = 1 << 1,
  VV_SEGMENT_CHANGE_ORIGIN      = 1 << 2,
  VV_SEGMENT_CHANGE_FLAGS       = 1 << 3,
  VV_SEGMENT_CHANGE_COMMENTS    = 1 << 4,
  VV_SEGMENT_CHANGE_HISTORY     = 1 << 5,
  VV_SEGMENT_CHANGE_SUGGESTIONS = 1 << 6,
  VV_SEGMENT_CHANGE_SOURCE      = 1 << 7,
} VvSegmentChange;

G_END_DECLS
