/* vv-segmentation-tester.h: live tester of the segmentation rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vv-core.h"

G_BEGIN_DECLS

#define VV_TYPE_SEGMENTATION_TESTER (vv_segmentation_tester_get_type ())

G_DECLARE_FINAL_TYPE (VvSegmentationTester, vv_segmentation_tester, VV, SEGMENTATION_TESTER, AdwWindow)

GtkWidget *vv_segmentation_tester_new           (GtkWindow            *parent,
                                                 VvSegmenter          *segmenter);
void       vv_segmentation_tester_set_segmenter (VvSegmentationTester *self,
                                                 VvSegmenter          *segmenter);
void       vv_segmentation_tester_set_text      (VvSegmentationTester *self,
                                                 const char           *text);
guint      vv_segmentation_tester_get_n_segments (VvSegmentationTester *self);
GtkListBox *vv_segmentation_tester_get_rule_list (VvSegmentationTester *self);

G_END_DECLS
