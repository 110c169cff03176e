/* vv-segmentation-page.h: Preferences → Segmentation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vv-core.h"

G_BEGIN_DECLS

#define VV_TYPE_SEGMENTATION_PAGE (vv_segmentation_page_get_type ())

G_DECLARE_FINAL_TYPE (VvSegmentationPage, vv_segmentation_page, VV, SEGMENTATION_PAGE, AdwPreferencesPage)

GtkWidget   *vv_segmentation_page_new        (void);
VvSegmenter *vv_segmentation_make_segmenter  (GSettings   *settings,
                                              const char  *language,
                                              GError     **error);

G_END_DECLS
