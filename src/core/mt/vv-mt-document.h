/* vv-mt-document.h: machine translation of a whole document
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vv-core-types.h"
#include "vv-mt-queue.h"

G_BEGIN_DECLS

/**
 * VvMtSummary:
 * @n_segments: segments sent for translation (boilerplate and
 *   do-not-translate segments are left out)
 * @n_filled: untranslated segments that received a draft
 * @n_suggestions: segments that received a suggestion
 * @n_kept: segments with a translation of their own, left as they were
 * @n_failed: segments without a translation because a request failed
 * @n_cached: segments answered from the cache
 * @first_error: (nullable): why the first failed segment failed
 */
typedef struct
{
  guint   n_segments;
  guint   n_filled;
  guint   n_suggestions;
  guint   n_kept;
  guint   n_failed;
  guint   n_cached;
  GError *first_error;
} VvMtSummary;

void      vv_mt_summary_clear              (VvMtSummary         *summary);

void      vv_mt_translate_document_async   (VvMtQueue           *queue,
                                            VvDocument          *document,
                                            gboolean             fill_drafts,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  vv_mt_translate_document_finish  (VvMtQueue           *queue,
                                            GAsyncResult        *result,
                                            VvMtSummary         *summary,
                                            GError             **error);
gboolean  vv_mt_apply_translation          (VvSegment           *segment,
                                            const char          *provider_id,
                                            const char          *translation,
                                            gboolean             fill_draft);

G_END_DECLS
