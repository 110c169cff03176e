/* vv-segment-row.h: one row of the side-by-side segment list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vv-core.h"

G_BEGIN_DECLS

#define VV_TYPE_SEGMENT_ROW (vv_segment_row_get_type ())

G_DECLARE_FINAL_TYPE (VvSegmentRow, vv_segment_row, VV, SEGMENT_ROW, GtkWidget)

GtkWidget     *vv_segment_row_new             (void);
void           vv_segment_row_bind            (VvSegmentRow *self,
                                               VvSegment    *segment);
void           vv_segment_row_unbind          (VvSegmentRow *self);
VvSegment     *vv_segment_row_get_segment     (VvSegmentRow *self);
GtkTextView   *vv_segment_row_get_target_view (VvSegmentRow *self);
gboolean       vv_segment_row_focus_target    (VvSegmentRow *self);
gsize          vv_segment_row_get_cursor_offset (VvSegmentRow *self);

G_END_DECLS
