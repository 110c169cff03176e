/* vv-review-panel.h: the focused segment's changes, comments and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vv-core.h"

G_BEGIN_DECLS

#define VV_TYPE_REVIEW_PANEL (vv_review_panel_get_type ())

G_DECLARE_FINAL_TYPE (VvReviewPanel, vv_review_panel, VV, REVIEW_PANEL, GtkWidget)

GtkWidget *vv_review_panel_new           (void);
void       vv_review_panel_set_segment   (VvReviewPanel *self,
                                          VvSegment     *segment);
VvSegment *vv_review_panel_get_segment   (VvReviewPanel *self);
void       vv_review_panel_focus_comment (VvReviewPanel *self);
char      *vv_review_panel_dup_diff_text (VvReviewPanel *self,
                                          gboolean       marked);
void       vv_review_panel_insert_diff   (GtkTextBuffer *buffer,
                                          const char    *old_text,
                                          const char    *new_text);

G_END_DECLS
