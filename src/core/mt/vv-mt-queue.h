/* vv-mt-queue.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vv-mt-cache.h"
#include "vv-mt-provider.h"

G_BEGIN_DECLS

#define VV_MT_QUEUE_DEFAULT_CONCURRENCY 4

/**
 * VvMtResults:
 * @n: number of texts
 * @translations: (array length=n): the translation of each text, %NULL where it failed
 * @errors: (array length=n): why each failed text failed, %NULL where it succeeded
 * @n_failed: number of failed texts
 * @n_cached: texts answered from the cache
 * @n_requests: requests sent to the provider (retries included)
 *
 * What a queue run produced, one slot per text, in the order given.
 */
typedef struct
{
  guint    n;
  char   **translations;
  GError **errors;
  guint    n_failed;
  guint    n_cached;
  guint    n_requests;
} VvMtResults;

void         vv_mt_results_free              (VvMtResults *results);
const GError *vv_mt_results_get_first_error  (VvMtResults *results);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VvMtResults, vv_mt_results_free)

#define VV_TYPE_MT_QUEUE (vv_mt_queue_get_type ())

G_DECLARE_FINAL_TYPE (VvMtQueue, vv_mt_queue, VV, MT_QUEUE, GObject)

VvMtQueue    *vv_mt_queue_new               (VvMtProvider        *provider,
                                             VvMtCache           *cache);
VvMtProvider *vv_mt_queue_get_provider      (VvMtQueue           *self);
VvMtCache    *vv_mt_queue_get_cache         (VvMtQueue           *self);
void          vv_mt_queue_set_concurrency   (VvMtQueue           *self,
                                             guint                concurrency);
guint         vv_mt_queue_get_concurrency   (VvMtQueue           *self);
void          vv_mt_queue_set_max_batch     (VvMtQueue           *self,
                                             guint                max_batch);
void          vv_mt_queue_set_backoff       (VvMtQueue           *self,
                                             guint                first_delay_ms,
                                             guint                max_delay_ms,
                                             guint                max_attempts);
void          vv_mt_queue_set_use_context   (VvMtQueue           *self,
                                             gboolean             use_context);
void          vv_mt_queue_translate_async   (VvMtQueue           *self,
                                             const char          *source_lang,
                                             const char          *target_lang,
                                             const char * const  *texts,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
VvMtResults  *vv_mt_queue_translate_finish  (VvMtQueue           *self,
                                             GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
