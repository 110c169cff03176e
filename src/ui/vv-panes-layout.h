/* vv-panes-layout.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Panes narrower than this stack: with the row's padding and state dot,
 * that is a window of about 800 pixels. */
#define VV_PANES_LAYOUT_DEFAULT_THRESHOLD 720

#define VV_TYPE_PANES_LAYOUT (vv_panes_layout_get_type ())

G_DECLARE_FINAL_TYPE (VvPanesLayout, vv_panes_layout, VV, PANES_LAYOUT, GtkLayoutManager)

GtkLayoutManager *vv_panes_layout_new           (void);
void              vv_panes_layout_set_spacing   (VvPanesLayout *self,
                                                 int            spacing);
void              vv_panes_layout_set_threshold (VvPanesLayout *self,
                                                 int            threshold);
gboolean          vv_panes_layout_is_stacked_at (VvPanesLayout *self,
                                                 int            width);

G_END_DECLS
