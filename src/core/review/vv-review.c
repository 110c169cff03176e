/* vv-review.c: workflow rules — state transitions, history, comments
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vv-document.h"
#include "vv-review.h"
#include "vv-segment.h"

G_DEFINE_QUARK (vv-review-error-quark, vv_review_error)

#define U VV_SEGMENT_STATE_UNTRANSLATED
#define D VV_SEGMENT_STATE_DRAFT
#define T VV_SEGMENT_STATE_TRANSLATED
#define N VV_SEGMENT_STATE_NEEDS_CHANGES
#define A VV_SEGMENT_STATE_APPROVED

/* allowed[from][to]. The translator moves a segment from untranslated or
 * draft to translated; only a confirmed (translated), sent-back or
 * approved segment can be approved or sent back by the reviewer. Any
 * segment can fall back to draft (edited) or untranslated (cleared). */
static const gboolean allowed[VV_SEGMENT_N_STATES][VV_SEGMENT_N_STATES] = {
  /*        U      D      T      N      A   */
  [U] = { FALSE, TRUE,  TRUE,  FALSE, FALSE },
  [D] = { TRUE,  TRUE,  TRUE,  FALSE, FALSE },
  [T] = { TRUE,  TRUE,  TRUE,  TRUE,  TRUE  },
  [N] = { TRUE,  TRUE,  TRUE,  TRUE,  TRUE  },
  [A] = { TRUE,  TRUE,  TRUE,  TRUE,  TRUE  },
};

/**
 * vv_review_can_transition:
 * @from: the current state
 * @to: the wanted state
 *
 * Returns: whether the workflow allows going from @from to @to
 */
gboolean
vv_review_can_transition (VvSegmentState from,
                          VvSegmentState to)
{
  g_return_val_if_fail (from < VV_SEGMENT_N_STATES, FALSE);
  g_return_val_if_fail (to < VV_SEGMENT_N_STATES, FALSE);
  return allowed[from][to];
}

static gboolean
target_is_empty (VvSegment *segment)
{
  const char *target = vv_segment_get_target (segment);

  return target == NULL || *target == '\0';
}

/**
 * vv_review_set_state:
 * @segment: a #VvSegment
 * @state: the new state
 * @author: (nullable): who makes the change
 * @error: return location for a #VV_REVIEW_ERROR
 *
 * Changes the state if the workflow allows it and records the change
 * (time, author, state, target) in the segment's history.
 *
 * Returns: %TRUE on success
 */
gboolean
vv_review_set_state (VvSegment       *segment,
                     VvSegmentState   state,
                     const char      *author,
                     GError         **error)
{
  VvSegmentState from;

  g_return_val_if_fail (VV_IS_SEGMENT (segment), FALSE);
  g_return_val_if_fail (state < VV_SEGMENT_N_STATES, FALSE);

  from = vv_segment_get_state (segment);
  if (vv_segment_is_locked (segment))
    {
      g_set_error (error, VV_REVIEW_ERROR, VV_REVIEW_ERROR_LOCKED,
                   _("Segment %u is locked"), vv_segment_get_id (segment));
      return FALSE;
    }
  if (!allowed[from][state])
    {
      g_set_error (error, VV_REVIEW_ERROR, VV_REVIEW_ERROR_TRANSITION,
                   _("Segment %u cannot go from “%s” to “%s”"),
                   vv_segment_get_id (segment),
                   vv_segment_state_get_label (from),
                   vv_segment_state_get_label (state));
      return FALSE;
    }
  if (state != VV_SEGMENT_STATE_UNTRANSLATED && target_is_empty (segment))
    {
      g_set_error (error, VV_REVIEW_ERROR, VV_REVIEW_ERROR_EMPTY_TARGET,
                   _("Segment %u has no translation to mark “%s”"),
                   vv_segment_get_id (segment), vv_segment_state_get_label (state));
      return FALSE;
    }

  vv_segment_commit (segment, state, author);
  return TRUE;
}

/**
 * vv_review_confirm:
 *
 * The translator confirms the segment: it becomes translated.
 */
gboolean
vv_review_confirm (VvSegment   *segment,
                   const char  *author,
                   GError     **error)
{
  return vv_review_set_state (segment, VV_SEGMENT_STATE_TRANSLATED, author, error);
}

/**
 * vv_review_approve:
 *
 * The reviewer approves the segment, as it is now (edits included).
 */
gboolean
vv_review_approve (VvSegment   *segment,
                   const char  *author,
                   GError     **error)
{
  return vv_review_set_state (segment, VV_SEGMENT_STATE_APPROVED, author, error);
}

/**
 * vv_review_send_back:
 * @comment: why; required
 *
 * The reviewer sends the segment back to the translator with a comment.
 * Nothing changes when it fails.
 */
gboolean
vv_review_send_back (VvSegment   *segment,
                     const char  *author,
                     const char  *comment,
                     GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (comment ? comment : ""));

  g_return_val_if_fail (VV_IS_SEGMENT (segment), FALSE);

  if (*text == '\0')
    {
      g_set_error (error, VV_REVIEW_ERROR, VV_REVIEW_ERROR_COMMENT_REQUIRED,
                   _("Segment %u: say why it goes back to the translator"),
                   vv_segment_get_id (segment));
      return FALSE;
    }
  if (!vv_review_set_state (segment, VV_SEGMENT_STATE_NEEDS_CHANGES, author, error))
    return FALSE;
  vv_review_add_comment (segment, author, text);
  return TRUE;
}

/**
 * vv_review_restore:
 * @history_index: the entry whose target comes back
 *
 * Puts an earlier version back as the target. The restored text needs
 * confirming again, so the segment becomes a draft (or untranslated when
 * the version was empty); the restoration is recorded in the history.
 */
gboolean
vv_review_restore (VvSegment   *segment,
                   guint        history_index,
                   const char  *author,
                   GError     **error)
{
  const VvHistoryEntry *entry;
  g_autofree char *target = NULL;
  g_autofree char *origin = NULL;
  VvSegmentState state;

  g_return_val_if_fail (VV_IS_SEGMENT (segment), FALSE);

  if (history_index >= vv_segment_get_n_history (segment))
    {
      g_set_error (error, VV_REVIEW_ERROR, VV_REVIEW_ERROR_NO_SUCH_VERSION,
                   _("Segment %u has no version %u"),
                   vv_segment_get_id (segment), history_index + 1);
      return FALSE;
    }
  if (vv_segment_is_locked (segment))
    {
      g_set_error (error, VV_REVIEW_ERROR, VV_REVIEW_ERROR_LOCKED,
                   _("Segment %u is locked"), vv_segment_get_id (segment));
      return FALSE;
    }

  entry = vv_segment_get_history (segment, history_index);
  target = g_strdup (entry->target);
  origin = g_strdup (entry->origin);
  state = (target == NULL || *target == '\0') ? VV_SEGMENT_STATE_UNTRANSLATED
                                              : VV_SEGMENT_STATE_DRAFT;
  vv_segment_set_target (segment, target);
  vv_segment_set_origin (segment, origin);
  vv_segment_commit (segment, state, author);
  return TRUE;
}

/**
 * vv_review_edit_target:
 *
 * Sets the target as typing does, keeping the state consistent: an empty
 * target is untranslated, a first text makes a draft. Confirmed states
 * stay until the next commit, which records the edit in the history.
 */
void
vv_review_edit_target (VvSegment  *segment,
                       const char *target)
{
  g_return_if_fail (VV_IS_SEGMENT (segment));

  vv_segment_set_target (segment, target);
  if (target_is_empty (segment))
    vv_segment_set_state (segment, VV_SEGMENT_STATE_UNTRANSLATED);
  else if (vv_segment_get_state (segment) == VV_SEGMENT_STATE_UNTRANSLATED)
    vv_segment_set_state (segment, VV_SEGMENT_STATE_DRAFT);
}

/**
 * vv_review_add_comment:
 *
 * Adds a comment, now, to the segment's thread.
 */
void
vv_review_add_comment (VvSegment  *segment,
                       const char *author,
                       const char *text)
{
  g_return_if_fail (VV_IS_SEGMENT (segment));
  g_return_if_fail (text != NULL);

  vv_segment_add_comment (segment, vv_comment_new (author, NULL, text, FALSE));
}

/**
 * vv_review_list_commented:
 * @unresolved_only: skip segments whose comments are all resolved
 *
 * Returns: (transfer container) (element-type VvSegment): the segments with
 *   comments, in document order, for the document's comments list
 */
GPtrArray *
vv_review_list_commented (VvDocument *document,
                          gboolean    unresolved_only)
{
  GPtrArray *result = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (VV_IS_DOCUMENT (document), result);

  n = vv_document_get_n_segments (document);
  for (guint i = 0; i < n; i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);
      guint count = unresolved_only ? vv_segment_get_n_unresolved_comments (segment)
                                    : vv_segment_get_n_comments (segment);
      if (count > 0)
        g_ptr_array_add (result, segment);
    }
  return result;
}

static gboolean
is_mt_origin (const char *origin)
{
  return origin != NULL && g_str_has_prefix (origin, "mt:");
}

/**
 * vv_review_get_mt_text:
 *
 * Returns: (nullable): the machine translation the segment started from:
 *   the suggestion of the provider named by the origin, else the first
 *   suggestion received, else the first history entry that came from MT
 *   (its target may already hold edits made before the commit, so it
 *   comes last), else a target fresh from MT
 */
const char *
vv_review_get_mt_text (VvSegment *segment)
{
  const char *origin;
  guint n;

  g_return_val_if_fail (VV_IS_SEGMENT (segment), NULL);

  origin = vv_segment_get_origin (segment);
  if (is_mt_origin (origin))
    {
      const char *text = vv_segment_lookup_suggestion (segment, origin + 3);
      if (text != NULL)
        return text;
    }
  if (vv_segment_get_n_suggestions (segment) > 0)
    return vv_segment_get_suggestion (segment, 0)->text;

  n = vv_segment_get_n_history (segment);
  for (guint i = 0; i < n; i++)
    {
      const VvHistoryEntry *entry = vv_segment_get_history (segment, i);
      if (is_mt_origin (entry->origin) && entry->target && *entry->target)
        return entry->target;
    }
  if (is_mt_origin (origin) && !target_is_empty (segment))
    return vv_segment_get_target (segment);
  return NULL;
}

/**
 * vv_review_get_versions:
 * @versions: (out caller-allocates): filled with borrowed strings
 *
 * Finds the chain MT → translator → reviewer in the history. The
 * translator's version is the last entry marked translated; the
 * reviewer's is the last approved or sent-back entry after it.
 */
void
vv_review_get_versions (VvSegment        *segment,
                        VvReviewVersions *versions)
{
  guint n;
  int translator_at = -1;

  g_return_if_fail (VV_IS_SEGMENT (segment));
  g_return_if_fail (versions != NULL);

  versions->mt = vv_review_get_mt_text (segment);
  versions->translator = NULL;
  versions->reviewer = NULL;

  n = vv_segment_get_n_history (segment);
  for (guint i = 0; i < n; i++)
    {
      const VvHistoryEntry *entry = vv_segment_get_history (segment, i);
      if (entry->state == VV_SEGMENT_STATE_TRANSLATED)
        {
          versions->translator = entry->target;
          translator_at = i;
        }
    }
  for (guint i = translator_at + 1; i < n; i++)
    {
      const VvHistoryEntry *entry = vv_segment_get_history (segment, i);
      if (entry->state == VV_SEGMENT_STATE_APPROVED ||
          entry->state == VV_SEGMENT_STATE_NEEDS_CHANGES)
        versions->reviewer = entry->target;
    }
}

/**
 * vv_review_changed_since_mt:
 *
 * Returns: %TRUE if the segment has a machine translation and its target
 *   now differs from it
 */
gboolean
vv_review_changed_since_mt (VvSegment *segment)
{
  const char *mt = vv_review_get_mt_text (segment);

  return mt != NULL && g_strcmp0 (mt, vv_segment_get_target (segment)) != 0;
}

/**
 * vv_review_needs_translation:
 *
 * Returns: %TRUE for a segment the translator still has to do:
 *   untranslated, draft or sent back (excluded boilerplate never counts)
 */
gboolean
vv_review_needs_translation (VvSegment *segment)
{
  VvSegmentState state = vv_segment_get_state (segment);

  return !vv_segment_is_excluded (segment) &&
         (state == VV_SEGMENT_STATE_UNTRANSLATED ||
          state == VV_SEGMENT_STATE_DRAFT ||
          state == VV_SEGMENT_STATE_NEEDS_CHANGES);
}

/**
 * vv_review_needs_review:
 *
 * Returns: %TRUE for a translated segment waiting for the reviewer
 */
gboolean
vv_review_needs_review (VvSegment *segment)
{
  return !vv_segment_is_excluded (segment) &&
         vv_segment_get_state (segment) == VV_SEGMENT_STATE_TRANSLATED;
}

/**
 * vv_review_find:
 * @from: the current position; the search starts next to it
 * @forward: search towards the end (else towards the start)
 * @predicate: e.g. vv_review_needs_translation()
 *
 * Finds the nearest matching segment after (or before) @from, wrapping
 * around the document once. @from itself is checked last.
 *
 * Returns: (transfer none) (nullable): the segment, or %NULL
 */
VvSegment *
vv_review_find (VvDocument *document,
                guint       from,
                gboolean    forward,
                gboolean  (*predicate) (VvSegment *segment))
{
  guint n;

  g_return_val_if_fail (VV_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (predicate != NULL, NULL);

  n = vv_document_get_n_segments (document);
  if (n == 0)
    return NULL;
  if (from >= n)
    from = forward ? n - 1 : 0;
  for (guint step = 1; step <= n; step++)
    {
      guint i = forward ? (from + step) % n : (from + n - step % n) % n;
      VvSegment *segment = vv_document_get_segment (document, i);

      if (predicate (segment))
        return segment;
    }
  return NULL;
}
