/* vv-stats.h: statistics of a document — segments, words, characters
 * per state, post-editing distance
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

/**
 * VvStats:
 * @segments: segments per #VvSegmentState
 * @words: source words per state
 * @chars: source characters per state
 * @total_segments: segments that count (boilerplate left out)
 * @total_words: their source words
 * @total_chars: their source characters
 * @excluded_segments: boilerplate segments left out
 * @progress: share of segments translated or approved (0–1), as vv_document_get_progress()
 * @n_post_edited: segments with a machine translation and a target
 * @post_edit_edits: word edits between MT and target over those segments
 * @post_edit_words: words over those segments (the larger side each time)
 * @post_edit_average: mean per-segment distance rate (edits/words), or 0
 */
typedef struct
{
  guint  segments[VV_SEGMENT_N_STATES];
  guint  words[VV_SEGMENT_N_STATES];
  guint  chars[VV_SEGMENT_N_STATES];
  guint  total_segments;
  guint  total_words;
  guint  total_chars;
  guint  excluded_segments;
  double progress;
  guint  n_post_edited;
  guint  post_edit_edits;
  guint  post_edit_words;
  double post_edit_average;
  guint  n_timed;               /* segments with editing time */
  guint64 edit_seconds;         /* focused editing time, all segments */
} VvStats;

void     vv_stats_compute                (VvDocument *document,
                                          VvStats    *stats);
/* Focused editing time: a pause longer than this does not count */
#define VV_EDIT_IDLE_LIMIT_US (30 * G_USEC_PER_SEC)

/**
 * VvEditTimer:
 *
 * Accumulates the time spent typing in one target after another into
 * vv_segment_add_edit_seconds(). Zero-initialise it.
 */
typedef struct
{
  VvSegment *segment;
  gint64     last_us;
  gint64     pending_us;
} VvEditTimer;

void     vv_edit_timer_activity          (VvEditTimer *timer,
                                          VvSegment   *segment,
                                          gint64       now_us);
void     vv_edit_timer_flush             (VvEditTimer *timer);

double   vv_stats_segment_post_edit_rate (VvSegment  *segment,
                                          guint      *edits,
                                          guint      *words);

G_END_DECLS
