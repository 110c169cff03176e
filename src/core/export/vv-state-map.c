/* vv-state-map.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vv-segment.h"
#include "vv-state-map.h"

/* The mapping of DESIGN.md's states to XLIFF, defined once. Every exporter
 * and the XLIFF importer go through these four functions.
 *
 * | Vis-à-vis     | XLIFF 1.2 state (qualifier), approved       | XLIFF 2.0 state / subState    |
 * |---------------|---------------------------------------------|-------------------------------|
 * | untranslated  | needs-translation, no target                | initial / visavis:untranslated|
 * | draft         | needs-review-translation                    | initial / visavis:draft       |
 * | translated    | translated                                  | translated / visavis:translated|
 * | needs-changes | needs-translation (rejected-inaccurate)     | initial / visavis:needs-changes|
 * | approved      | signed-off, approved="yes"                  | final / visavis:approved      |
 *
 * translate-toolkit reads an XLIFF 1.2 target without approved="yes" as
 * fuzzy, so only approved units carry it. Reading other tools' files:
 * approved="yes", final and signed-off mean approved; translated means
 * translated; any rejected-* qualifier means needs-changes; any other state
 * with a target is a draft; no target is untranslated. In XLIFF 2.0 our
 * subState wins when present; otherwise initial → draft (or untranslated),
 * translated → translated, reviewed and final → approved.
 */

void
vv_state_to_xliff12 (VvSegmentState   state,
                     const char     **xliff_state,
                     const char     **state_qualifier,
                     gboolean        *approved)
{
  *state_qualifier = NULL;
  *approved = FALSE;

  switch (state)
    {
    case VV_SEGMENT_STATE_UNTRANSLATED:
      *xliff_state = "needs-translation";
      break;
    case VV_SEGMENT_STATE_DRAFT:
      *xliff_state = "needs-review-translation";
      break;
    case VV_SEGMENT_STATE_TRANSLATED:
      *xliff_state = "translated";
      break;
    case VV_SEGMENT_STATE_NEEDS_CHANGES:
      *xliff_state = "needs-translation";
      *state_qualifier = "rejected-inaccurate";
      break;
    case VV_SEGMENT_STATE_APPROVED:
      *xliff_state = "signed-off";
      *approved = TRUE;
      break;
    default:
      g_assert_not_reached ();
    }
}

VvSegmentState
vv_state_from_xliff12 (const char *xliff_state,
                       const char *state_qualifier,
                       gboolean    approved,
                       gboolean    has_target)
{
  if (!has_target)
    return VV_SEGMENT_STATE_UNTRANSLATED;
  if (approved ||
      g_strcmp0 (xliff_state, "final") == 0 ||
      g_strcmp0 (xliff_state, "signed-off") == 0)
    return VV_SEGMENT_STATE_APPROVED;
  if (state_qualifier != NULL && g_str_has_prefix (state_qualifier, "rejected-"))
    return VV_SEGMENT_STATE_NEEDS_CHANGES;
  if (g_strcmp0 (xliff_state, "translated") == 0)
    return VV_SEGMENT_STATE_TRANSLATED;
  return VV_SEGMENT_STATE_DRAFT;
}

void
vv_state_to_xliff20 (VvSegmentState   state,
                     const char     **xliff_state,
                     const char     **sub_state)
{
  switch (state)
    {
    case VV_SEGMENT_STATE_UNTRANSLATED:
      *xliff_state = "initial";
      *sub_state = VV_XLIFF20_SUBSTATE_PREFIX ":untranslated";
      break;
    case VV_SEGMENT_STATE_DRAFT:
      *xliff_state = "initial";
      *sub_state = VV_XLIFF20_SUBSTATE_PREFIX ":draft";
      break;
    case VV_SEGMENT_STATE_TRANSLATED:
      *xliff_state = "translated";
      *sub_state = VV_XLIFF20_SUBSTATE_PREFIX ":translated";
      break;
    case VV_SEGMENT_STATE_NEEDS_CHANGES:
      *xliff_state = "initial";
      *sub_state = VV_XLIFF20_SUBSTATE_PREFIX ":needs-changes";
      break;
    case VV_SEGMENT_STATE_APPROVED:
      *xliff_state = "final";
      *sub_state = VV_XLIFF20_SUBSTATE_PREFIX ":approved";
      break;
    default:
      g_assert_not_reached ();
    }
}

VvSegmentState
vv_state_from_xliff20 (const char *xliff_state,
                       const char *sub_state,
                       gboolean    has_target)
{
  const char *prefix = VV_XLIFF20_SUBSTATE_PREFIX ":";
  VvSegmentState state;

  if (!has_target)
    return VV_SEGMENT_STATE_UNTRANSLATED;
  if (sub_state != NULL && g_str_has_prefix (sub_state, prefix) &&
      vv_segment_state_from_string (sub_state + strlen (prefix), &state) &&
      state != VV_SEGMENT_STATE_UNTRANSLATED)
    return state;
  if (g_strcmp0 (xliff_state, "final") == 0 || g_strcmp0 (xliff_state, "reviewed") == 0)
    return VV_SEGMENT_STATE_APPROVED;
  if (g_strcmp0 (xliff_state, "translated") == 0)
    return VV_SEGMENT_STATE_TRANSLATED;
  return VV_SEGMENT_STATE_DRAFT;
}
