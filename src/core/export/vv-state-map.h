/* vv-state-map.h: the one mapping between Vis-à-vis states and XLIFF states
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

/* XLIFF 2.0 subState values are "prefix:value"; ours use this prefix */
#define VV_XLIFF20_SUBSTATE_PREFIX "visavis"

void           vv_state_to_xliff12   (VvSegmentState   state,
                                      const char     **xliff_state,
                                      const char     **state_qualifier,
                                      gboolean        *approved);
VvSegmentState vv_state_from_xliff12 (const char      *xliff_state,
                                      const char      *state_qualifier,
                                      gboolean         approved,
                                      gboolean         has_target);
void           vv_state_to_xliff20   (VvSegmentState   state,
                                      const char     **xliff_state,
                                      const char     **sub_state);
VvSegmentState vv_state_from_xliff20 (const char      *xliff_state,
                                      const char      *sub_state,
                                      gboolean         has_target);

G_END_DECLS
