/* vv-suggestions-panel.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vv-core.h"

G_BEGIN_DECLS

#define VV_TYPE_SUGGESTIONS_PANEL (vv_suggestions_panel_get_type ())

G_DECLARE_FINAL_TYPE (VvSuggestionsPanel, vv_suggestions_panel, VV, SUGGESTIONS_PANEL, GtkWidget)

GtkWidget          *vv_suggestions_panel_new          (void);
void                vv_suggestions_panel_set_segment  (VvSuggestionsPanel *self,
                                                       VvSegment          *segment);
VvSegment          *vv_suggestions_panel_get_segment  (VvSuggestionsPanel *self);
void                vv_suggestions_panel_refresh      (VvSuggestionsPanel *self);
gboolean            vv_suggestions_panel_get_fetched  (VvSuggestionsPanel *self);
guint               vv_suggestions_panel_get_n_pending (VvSuggestionsPanel *self);
char               *vv_suggestions_panel_dup_text     (VvSuggestionsPanel *self);
const VvSuggestion *vv_suggestions_get_nth            (VvSegment          *segment,
                                                       guint               n);

G_END_DECLS
