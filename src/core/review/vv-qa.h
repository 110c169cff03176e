/* vv-qa.h: quality checks on translations
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

/**
 * VvQaSeverity:
 * @VV_QA_SEVERITY_INFO: cosmetic (spaces)
 * @VV_QA_SEVERITY_WARNING: probably wrong, worth a look
 * @VV_QA_SEVERITY_ERROR: wrong as it stands (a number or date changed, unbalanced brackets)
 */
typedef enum
{
  VV_QA_SEVERITY_INFO,
  VV_QA_SEVERITY_WARNING,
  VV_QA_SEVERITY_ERROR,
} VvQaSeverity;

/**
 * VvQaFinding:
 * @check: the check's stable id ("numbers", "fr-typography"…)
 * @severity: how bad it is
 * @segment_id: the segment's id
 * @position: the segment's position in the document
 * @message: one translated line, for people
 * @fix: (nullable): the corrected target when the fix is certain
 */
typedef struct
{
  const char   *check;
  VvQaSeverity  severity;
  guint         segment_id;
  guint         position;
  char         *message;
  char         *fix;
} VvQaFinding;

/**
 * VvQaOptions:
 * @min_ratio: smallest allowed target/source length ratio (in characters)
 * @max_ratio: largest allowed ratio
 * @min_ratio_chars: sources shorter than this are not length-checked
 * @source_language: (nullable): defaults to the document's
 * @target_language: (nullable): defaults to the document's
 */
typedef struct
{
  double      min_ratio;
  double      max_ratio;
  guint       min_ratio_chars;
  const char *source_language;
  const char *target_language;
} VvQaOptions;

typedef struct
{
  const char   *id;
  VvQaSeverity  severity;
  const char   *title;
} VvQaCheckInfo;

void                 vv_qa_options_init        (VvQaOptions       *options);
void                 vv_qa_finding_free        (VvQaFinding       *finding);
const VvQaCheckInfo *vv_qa_get_checks          (guint             *n_checks);
const char          *vv_qa_severity_to_string  (VvQaSeverity       severity);

GPtrArray           *vv_qa_check_document      (VvDocument        *document,
                                                const VvQaOptions *options);
GPtrArray           *vv_qa_check_segment       (VvSegment         *segment,
                                                const VvQaOptions *options);
gboolean             vv_qa_apply_fix           (VvDocument        *document,
                                                const VvQaFinding *finding);

/* exposed for tests */
GArray              *vv_qa_extract_numbers     (const char        *text,
                                                const char        *language);
GPtrArray           *vv_qa_extract_dates       (const char        *text,
                                                const char        *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VvQaFinding, vv_qa_finding_free)

G_END_DECLS
