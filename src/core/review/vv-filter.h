/* vv-filter.h: which segments to show — predicates for GtkCustomFilter
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

/**
 * VvFilterScope:
 * @VV_FILTER_SCOPE_SOURCE: search the source text
 * @VV_FILTER_SCOPE_TARGET: search the target text
 * @VV_FILTER_SCOPE_BOTH: search both
 */
typedef enum
{
  VV_FILTER_SCOPE_SOURCE = 1 << 0,
  VV_FILTER_SCOPE_TARGET = 1 << 1,
  VV_FILTER_SCOPE_BOTH   = VV_FILTER_SCOPE_SOURCE | VV_FILTER_SCOPE_TARGET,
} VvFilterScope;

typedef struct _VvFilter VvFilter;

VvFilter  *vv_filter_new                (void);
void       vv_filter_free               (VvFilter      *filter);
void       vv_filter_set_states         (VvFilter      *filter,
                                         guint          state_mask);
guint      vv_filter_get_states         (VvFilter      *filter);
void       vv_filter_set_has_comments   (VvFilter      *filter,
                                         gboolean       has_comments);
void       vv_filter_set_changed_since_mt (VvFilter    *filter,
                                         gboolean       changed);
void       vv_filter_set_qa_segments    (VvFilter      *filter,
                                         GHashTable    *segment_ids);
void       vv_filter_set_text           (VvFilter      *filter,
                                         const char    *text,
                                         VvFilterScope  scope);
gboolean   vv_filter_is_empty           (VvFilter      *filter);
gboolean   vv_filter_match              (VvFilter      *filter,
                                         VvSegment     *segment);
gboolean   vv_filter_match_item         (gpointer       item,
                                         gpointer       filter);

#define VV_FILTER_STATE_BIT(state) (1u << (state))
#define VV_FILTER_ALL_STATES ((1u << VV_SEGMENT_N_STATES) - 1)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VvFilter, vv_filter_free)

G_END_DECLS
