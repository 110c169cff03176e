/* vv-segmenter.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

/**
 * VvSpan:
 * @start: byte offset of the first byte of a segment
 * @end: byte offset just past its last byte
 *
 * A segment of a text, as byte offsets. Spans never include the white space
 * around a segment.
 */
typedef struct
{
  gsize start;
  gsize end;
} VvSpan;

#define VV_TYPE_SEGMENTER (vv_segmenter_get_type ())

G_DECLARE_FINAL_TYPE (VvSegmenter, vv_segmenter, VV, SEGMENTER, GObject)

VvSegmenter *vv_segmenter_new            (const char   *language);
VvSegmenter *vv_segmenter_new_from_file  (GFile        *srx_file,
                                          const char   *language,
                                          GError      **error);
const char  *vv_segmenter_get_language   (VvSegmenter  *self);
GArray      *vv_segmenter_split          (VvSegmenter  *self,
                                          const char   *text,
                                          gssize        length);

G_END_DECLS
