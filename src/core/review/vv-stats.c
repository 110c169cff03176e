/* vv-stats.c: statistics of a document
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vv-diff.h"
#include "vv-document.h"
#include "vv-review.h"
#include "vv-segment.h"
#include "vv-stats.h"
#include "vv-utils.h"

/**
 * vv_stats_segment_post_edit_rate:
 * @edits: (out) (optional): word edits between MT and the target
 * @words: (out) (optional): the larger word count of the two
 *
 * Returns: the post-editing distance rate of the segment (0 = MT kept as
 *   is, 1 = everything rewritten), or -1 when it has no machine
 *   translation or no target
 */
double
vv_stats_segment_post_edit_rate (VvSegment *segment,
                                 guint     *edits,
                                 guint     *words)
{
  const char *mt = vv_review_get_mt_text (segment);
  const char *target = vv_segment_get_target (segment);
  guint e, w;

  if (edits)
    *edits = 0;
  if (words)
    *words = 0;
  if (mt == NULL || target == NULL || *target == '\0')
    return -1;

  e = vv_diff_word_distance (mt, target, &w);
  if (edits)
    *edits = e;
  if (words)
    *words = w;
  return w > 0 ? MIN (1.0, (double)e / w) : 0.0;
}

/**
 * vv_stats_compute:
 * @stats: (out caller-allocates): the figures
 *
 * Counts segments, source words and source characters per state over the
 * segments that count (excluded boilerplate apart), and the post-editing
 * distance between machine translation and target.
 */
void
vv_stats_compute (VvDocument *document,
                  VvStats    *stats)
{
  guint n, done = 0;
  double rate_sum = 0;

  g_return_if_fail (VV_IS_DOCUMENT (document));
  g_return_if_fail (stats != NULL);

  memset (stats, 0, sizeof *stats);
  n = vv_document_get_n_segments (document);
  for (guint i = 0; i < n; i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);
      VvSegmentState state = vv_segment_get_state (segment);
      const char *source = vv_segment_get_source (segment);
      guint words = vv_count_words (source);
      guint chars = g_utf8_strlen (source, -1);
      guint edits, pe_words;
      double rate;

      if (vv_segment_is_excluded (segment))
        {
          stats->excluded_segments++;
          continue;
        }
      stats->segments[state]++;
      stats->words[state] += words;
      stats->chars[state] += chars;
      stats->total_segments++;
      stats->total_words += words;
      stats->total_chars += chars;
      if (state == VV_SEGMENT_STATE_TRANSLATED || state == VV_SEGMENT_STATE_APPROVED)
        done++;

      if (vv_segment_get_edit_seconds (segment) > 0)
        {
          stats->n_timed++;
          stats->edit_seconds += vv_segment_get_edit_seconds (segment);
        }

      rate = vv_stats_segment_post_edit_rate (segment, &edits, &pe_words);
      if (rate >= 0)
        {
          stats->n_post_edited++;
          stats->post_edit_edits += edits;
          stats->post_edit_words += pe_words;
          rate_sum += rate;
        }
    }
  stats->progress = stats->total_segments ? (double)done / stats->total_segments : 0;
  stats->post_edit_average = stats->n_post_edited ? rate_sum / stats->n_post_edited : 0;
}

static void
edit_timer_commit (VvEditTimer *timer)
{
  if (timer->segment != NULL && timer->pending_us >= G_USEC_PER_SEC)
    {
      vv_segment_add_edit_seconds (timer->segment, (guint) (timer->pending_us / G_USEC_PER_SEC));
      timer->pending_us %= G_USEC_PER_SEC;
    }
}

/**
 * vv_edit_timer_activity:
 * @timer: a timer
 * @segment: the segment whose target was just edited
 * @now_us: monotonic time of the edit, in microseconds
 *
 * Counts the time since the previous edit of the same segment, unless it
 * was longer ago than %VV_EDIT_IDLE_LIMIT_US (the editor was away).
 */
void
vv_edit_timer_activity (VvEditTimer *timer,
                        VvSegment   *segment,
                        gint64       now_us)
{
  g_return_if_fail (VV_IS_SEGMENT (segment));

  if (timer->segment == segment)
    {
      gint64 pause = now_us - timer->last_us;

      if (pause > 0 && pause <= VV_EDIT_IDLE_LIMIT_US)
        timer->pending_us += pause;
    }
  else
    {
      vv_edit_timer_flush (timer);
      timer->segment = g_object_ref (segment);
    }
  timer->last_us = now_us;
  edit_timer_commit (timer);
}

/**
 * vv_edit_timer_flush:
 * @timer: a timer
 *
 * Records the whole seconds still pending and forgets the segment.
 */
void
vv_edit_timer_flush (VvEditTimer *timer)
{
  edit_timer_commit (timer);
  g_clear_object (&timer->segment);
  timer->pending_us = 0;
  timer->last_us = 0;
}
