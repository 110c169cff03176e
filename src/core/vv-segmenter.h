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

/**
 * VvSegmenterError:
 * @VV_SEGMENTER_ERROR_XML: the SRX file is not well-formed XML
 * @VV_SEGMENTER_ERROR_FORMAT: the XML is not SRX, or its maps are inconsistent
 * @VV_SEGMENTER_ERROR_LANGUAGE: no language map matches the language
 * @VV_SEGMENTER_ERROR_REGEX: a rule's regex is invalid or unsupported
 */
typedef enum
{
  VV_SEGMENTER_ERROR_XML,
  VV_SEGMENTER_ERROR_FORMAT,
  VV_SEGMENTER_ERROR_LANGUAGE,
  VV_SEGMENTER_ERROR_REGEX,
} VvSegmenterError;

#define VV_SEGMENTER_ERROR (vv_segmenter_error_quark ())
GQuark vv_segmenter_error_quark (void);

/**
 * VvBoundary:
 * @offset: byte offset in the text
 * @rule: index of the rule that decided (see vv_segmenter_get_rule())
 * @is_break: whether that rule breaks or forbids a break there
 */
typedef struct
{
  gsize    offset;
  guint    rule;
  gboolean is_break;
} VvBoundary;

/**
 * VvSegmentRule:
 * @language_rule: name of the SRX languagerule it comes from
 * @number: its 1-based position there
 * @is_break: break or no-break rule
 * @before: the beforebreak regex
 * @after: the afterbreak regex
 * @comment: (nullable): the XML comment written just before it
 */
typedef struct
{
  const char *language_rule;
  guint       number;
  gboolean    is_break;
  const char *before;
  const char *after;
  const char *comment;
} VvSegmentRule;

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
GArray      *vv_segmenter_explain        (VvSegmenter  *self,
                                          const char   *text,
                                          gssize        length);
guint        vv_segmenter_get_n_rules    (VvSegmenter  *self);
gboolean     vv_segmenter_get_rule       (VvSegmenter  *self,
                                          guint         index,
                                          VvSegmentRule *rule);
const char  *vv_segmenter_get_source_name (VvSegmenter *self);
GBytes      *vv_segmenter_get_builtin_srx (const char  *language);

G_END_DECLS
