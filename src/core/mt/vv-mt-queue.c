/* vv-mt-queue.c: batches, concurrency, retries, cache and progress for
 * machine translation
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "vv-mt-private.h"
#include "vv-mt-queue.h"

/* How a run goes:
 * 1. identical texts are translated once; blank texts come back as they
 *    are and cached texts from the cache, without a request;
 * 2. the rest is cut into batches within the provider's limits (segments
 *    and characters per request), in document order;
 * 3. up to `concurrency` batches are in flight (never more than the
 *    provider's own limit: APy truncates beyond 2 per pair);
 * 4. a failed batch is retried when the failure is transient (429, 5xx,
 *    time-out, network), after 1 s, 2 s, 4 s… (±25 % jitter, at most
 *    60 s, at most 5 attempts) or after Retry-After when the server said
 *    so; a rate limit holds every batch, not only the one that hit it;
 * 5. a batch that is too large, that times out for good or whose reply
 *    does not map 1:1 is split in two, once;
 * 6. auth and quota errors stop the run: the remaining batches fail with
 *    the same error, without sending anything;
 * 7. a failed batch leaves its texts without translation; the others
 *    still complete. */

typedef struct _Job Job;

typedef struct
{
  char   *text;
  GArray *indices;     /* positions in the job's texts */
} Unit;

typedef struct
{
  Job    *job;
  GArray *units;       /* indices into job->units */
  guint   attempt;
  gboolean split;
  guint   timer_id;
} Batch;

struct _Job
{
  gint          ref_count;
  VvMtQueue    *queue;
  GTask        *task;
  GCancellable *cancellable;
  gulong        cancelled_id;
  char         *source_lang;
  char         *target_lang;
  char         *cache_key;
  GStrv         texts;
  GPtrArray    *units;
  VvMtResults  *results;
  guint         n_done;
  guint         n_running;
  GPtrArray    *waiting;    /* batches waiting out a back-off */
  GError       *fatal;
  gboolean      finished;
};

struct _VvMtQueue
{
  GObject       parent_instance;
  VvMtProvider *provider;
  VvMtCache    *cache;
  guint         concurrency;
  guint         max_batch;
  guint         first_delay_ms;
  guint         max_delay_ms;
  guint         max_attempts;
  gboolean      use_context;

  GQueue        pending;     /* Batch* */
  guint         running;
  gint64        hold_until;  /* monotonic µs: a rate limit holds everybody */
  guint         hold_id;
};

G_DEFINE_FINAL_TYPE (VvMtQueue, vv_mt_queue, G_TYPE_OBJECT)

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void dispatch (VvMtQueue *self);

void
vv_mt_results_free (VvMtResults *results)
{
  if (results == NULL)
    return;
  for (guint i = 0; i < results->n; i++)
    {
      g_free (results->translations[i]);
      g_clear_error (&results->errors[i]);
    }
  g_free (results->translations);
  g_free (results->errors);
  g_free (results);
}

/**
 * vv_mt_results_get_first_error:
 *
 * Returns: (nullable): the error of the first failed text, for a summary
 */
const GError *
vv_mt_results_get_first_error (VvMtResults *results)
{
  for (guint i = 0; results && i < results->n; i++)
    if (results->errors[i])
      return results->errors[i];
  return NULL;
}

static void
unit_free (Unit *unit)
{
  g_free (unit->text);
  g_array_unref (unit->indices);
  g_free (unit);
}

static Job *
job_ref (Job *job)
{
  g_atomic_int_inc (&job->ref_count);
  return job;
}

static void
job_unref (Job *job)
{
  if (!g_atomic_int_dec_and_test (&job->ref_count))
    return;
  if (job->cancellable && job->cancelled_id)
    g_cancellable_disconnect (job->cancellable, job->cancelled_id);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->task);
  g_free (job->source_lang);
  g_free (job->target_lang);
  g_free (job->cache_key);
  g_strfreev (job->texts);
  g_ptr_array_unref (job->units);
  g_ptr_array_unref (job->waiting);
  vv_mt_results_free (job->results);
  g_clear_error (&job->fatal);
  g_free (job);
}

static void
batch_free (Batch *batch)
{
  g_clear_handle_id (&batch->timer_id, g_source_remove);
  g_array_unref (batch->units);
  job_unref (batch->job);
  g_free (batch);
}

static Batch *
batch_new (Job *job)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->job = job_ref (job);
  batch->units = g_array_new (FALSE, FALSE, sizeof (guint));
  return batch;
}

static void
job_maybe_finish (Job *job)
{
  VvMtQueue *self = job->queue;
  g_autoptr(GError) error = NULL;

  if (job->finished || job->n_done < job->results->n)
    return;
  job->finished = TRUE;
  if (self->cache && !vv_mt_cache_save (self->cache, &error))
    g_message ("%s", error->message);
  g_task_return_pointer (job->task, g_steal_pointer (&job->results), (GDestroyNotify) vv_mt_results_free);
}

static void
emit_progress (Job *job)
{
  g_signal_emit (job->queue, signals[PROGRESS], 0, job->n_done, job->results->n);
}

/* Every position of the unit gets @translation, or @error */
static void
unit_resolve (Job          *job,
              Unit         *unit,
              const char   *translation,
              const GError *error)
{
  for (guint k = 0; k < unit->indices->len; k++)
    {
      guint i = g_array_index (unit->indices, guint, k);

      if (job->results->translations[i] || job->results->errors[i])
        continue;
      if (translation)
        job->results->translations[i] = g_strdup (translation);
      else
        {
          job->results->errors[i] = g_error_copy (error);
          job->results->n_failed++;
        }
      job->n_done++;
    }
}

static void
batch_fail (Batch        *batch,
            const GError *error)
{
  for (guint k = 0; k < batch->units->len; k++)
    unit_resolve (batch->job, g_ptr_array_index (batch->job->units, g_array_index (batch->units, guint, k)),
                  NULL, error);
}

/* Fails every batch of @job that has not been sent yet */
static void
job_fail_remaining (Job          *job,
                    const GError *error)
{
  VvMtQueue *self = job->queue;

  for (GList *l = self->pending.head; l != NULL;)
    {
      GList *next = l->next;
      Batch *batch = l->data;

      if (batch->job == job)
        {
          g_queue_delete_link (&self->pending, l);
          batch_fail (batch, error);
          batch_free (batch);
        }
      l = next;
    }
  while (job->waiting->len > 0)
    {
      Batch *batch = g_ptr_array_steal_index (job->waiting, job->waiting->len - 1);
      batch_fail (batch, error);
      batch_free (batch);
    }
}

static void
on_cancelled_idle (gpointer user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = _vv_mt_error_new (job->queue->provider, VV_MT_ERROR_CANCELLED, NULL);

  if (!job->finished)
    {
      job_fail_remaining (job, error);
      emit_progress (job);
      job_maybe_finish (job);
    }
  job_unref (job);
}

static void
on_cancelled_cb (GCancellable *cancellable,
                 Job          *job)
{
  /* May run inside g_cancellable_cancel() anywhere: finish in an idle */
  g_idle_add_once (on_cancelled_idle, job_ref (job));
}

static char *
batch_context (Batch *batch)
{
  Job *job = batch->job;
  Unit *first = g_ptr_array_index (job->units, g_array_index (batch->units, guint, 0));
  guint start = g_array_index (first->indices, guint, 0);
  g_autoptr(GString) context = g_string_new (NULL);
  guint taken = 0;

  /* The (up to) two sentences before the batch */
  for (guint i = start; i > 0 && taken < 2; i--)
    {
      const char *text = job->texts[i - 1];
      if (_vv_mt_is_blank (text))
        continue;
      if (context->len > 0)
        g_string_prepend_c (context, ' ');
      g_string_prepend (context, text);
      taken++;
    }
  return context->len ? g_string_free (g_steal_pointer (&context), FALSE) : NULL;
}

static guint
compute_delay (VvMtQueue    *self,
               guint         attempt,
               const GError *error)
{
  double delay = self->first_delay_ms;
  gint64 retry_after = vv_mt_error_get_retry_after (error);

  for (guint i = 1; i < attempt; i++)
    delay *= 2;
  delay = MIN (delay, (double) self->max_delay_ms);
  delay *= g_random_double_range (0.75, 1.25);
  if (retry_after >= 0)
    delay = MAX (delay, (double) MIN (retry_after, 15 * 60 * 1000));
  return (guint) delay;
}

static void
on_backoff_done_cb (gpointer user_data)
{
  Batch *batch = user_data;
  Job *job = batch->job;

  batch->timer_id = 0;
  g_ptr_array_remove_fast (job->waiting, batch);
  g_queue_push_head (&job->queue->pending, batch);
  dispatch (job->queue);
}

static void
split_batch (VvMtQueue *self,
             Batch     *batch)
{
  Batch *left = batch_new (batch->job), *right = batch_new (batch->job);
  guint half = batch->units->len / 2;

  g_array_append_vals (left->units, batch->units->data, half);
  g_array_append_vals (right->units, &g_array_index (batch->units, guint, half), batch->units->len - half);
  left->split = right->split = TRUE;
  g_queue_push_head (&self->pending, right);
  g_queue_push_head (&self->pending, left);
  batch_free (batch);
}

static void
batch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Batch *batch = user_data;
  /* Our own reference: freeing the batch may drop the last one */
  Job *job = job_ref (batch->job);
  VvMtQueue *self = job->queue;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = vv_mt_provider_translate_finish (VV_MT_PROVIDER (object), result, &error);

  self->running--;
  job->n_running--;

  if (out != NULL)
    {
      for (guint k = 0; k < batch->units->len; k++)
        {
          Unit *unit = g_ptr_array_index (job->units, g_array_index (batch->units, guint, k));
          unit_resolve (job, unit, out[k], NULL);
          if (self->cache)
            vv_mt_cache_insert (self->cache, job->cache_key, job->source_lang, job->target_lang, unit->text, out[k]);
        }
      batch_free (batch);
    }
  else if (g_cancellable_is_cancelled (job->cancellable) || g_error_matches (error, VV_MT_ERROR, VV_MT_ERROR_CANCELLED))
    {
      batch_fail (batch, error);
      batch_free (batch);
    }
  else if (g_error_matches (error, VV_MT_ERROR, VV_MT_ERROR_AUTH) ||
           g_error_matches (error, VV_MT_ERROR, VV_MT_ERROR_QUOTA) ||
           g_error_matches (error, VV_MT_ERROR, VV_MT_ERROR_UNSUPPORTED_PAIR))
    {
      /* Nothing else will get through: stop this run */
      if (job->fatal == NULL)
        job->fatal = g_error_copy (error);
      batch_fail (batch, error);
      batch_free (batch);
      job_fail_remaining (job, error);
    }
  else if (vv_mt_error_wants_split (error) && batch->units->len > 1)
    split_batch (self, batch);
  else if (vv_mt_error_is_retryable (error) && batch->attempt + 1 < self->max_attempts)
    {
      guint delay = compute_delay (self, ++batch->attempt, error);

      g_debug ("%s: %s; retry %u in %u ms", vv_mt_provider_get_id (self->provider),
               error->message, batch->attempt, delay);
      if (g_error_matches (error, VV_MT_ERROR, VV_MT_ERROR_RATE_LIMITED))
        {
          /* Slow everybody down, not just this batch */
          self->hold_until = MAX (self->hold_until, g_get_monotonic_time () + (gint64) delay * 1000);
          g_queue_push_head (&self->pending, batch);
        }
      else
        {
          g_ptr_array_add (job->waiting, batch);
          batch->timer_id = g_timeout_add_once (delay, on_backoff_done_cb, batch);
        }
    }
  else if (batch->units->len > 1 && !batch->split &&
           (g_error_matches (error, VV_MT_ERROR, VV_MT_ERROR_TIMEOUT) ||
            g_error_matches (error, VV_MT_ERROR, VV_MT_ERROR_BAD_RESPONSE)))
    split_batch (self, batch);
  else
    {
      batch_fail (batch, error);
      batch_free (batch);
    }

  emit_progress (job);
  job_maybe_finish (job);
  job_unref (job);
  dispatch (self);
}

static void
batch_start (VvMtQueue *self,
             Batch     *batch)
{
  Job *job = batch->job;
  g_autofree const char **texts = g_new0 (const char *, batch->units->len + 1);
  g_autofree char *context = NULL;
  VvMtCapabilities caps;

  for (guint k = 0; k < batch->units->len; k++)
    texts[k] = ((Unit *) g_ptr_array_index (job->units, g_array_index (batch->units, guint, k)))->text;
  vv_mt_provider_get_capabilities (self->provider, &caps);
  if (caps.supports_context && self->use_context)
    context = batch_context (batch);

  self->running++;
  job->n_running++;
  job->results->n_requests++;
  vv_mt_provider_translate_async (self->provider, job->source_lang, job->target_lang, texts, context,
                                  job->cancellable, batch_done_cb, batch);
}

static void
on_hold_done_cb (gpointer user_data)
{
  VvMtQueue *self = user_data;

  self->hold_id = 0;
  dispatch (self);
}

static void
dispatch (VvMtQueue *self)
{
  guint limit = vv_mt_queue_get_concurrency (self);

  while (self->running < limit && !g_queue_is_empty (&self->pending))
    {
      gint64 now = g_get_monotonic_time ();
      Batch *batch;

      if (now < self->hold_until)
        {
          if (self->hold_id == 0)
            self->hold_id = g_timeout_add_once ((self->hold_until - now) / 1000 + 1, on_hold_done_cb, self);
          return;
        }
      batch = g_queue_pop_head (&self->pending);
      if (batch->job->fatal != NULL)
        {
          Job *job = job_ref (batch->job);
          batch_fail (batch, job->fatal);
          batch_free (batch);
          job_maybe_finish (job);
          job_unref (job);
          continue;
        }
      batch_start (self, batch);
    }
}

static void
vv_mt_queue_dispose (GObject *object)
{
  VvMtQueue *self = VV_MT_QUEUE (object);
  Batch *batch;

  /* Running batches hold a reference on us through their jobs' tasks */
  while ((batch = g_queue_pop_head (&self->pending)))
    batch_free (batch);
  g_clear_handle_id (&self->hold_id, g_source_remove);
  G_OBJECT_CLASS (vv_mt_queue_parent_class)->dispose (object);
}

static void
vv_mt_queue_finalize (GObject *object)
{
  VvMtQueue *self = VV_MT_QUEUE (object);

  g_clear_object (&self->provider);
  g_clear_object (&self->cache);
  G_OBJECT_CLASS (vv_mt_queue_parent_class)->finalize (object);
}

static void
vv_mt_queue_class_init (VvMtQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vv_mt_queue_dispose;
  object_class->finalize = vv_mt_queue_finalize;

  /**
   * VvMtQueue::progress:
   * @done: texts finished (translated or failed)
   * @total: texts in the run
   */
  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
vv_mt_queue_init (VvMtQueue *self)
{
  g_queue_init (&self->pending);
  self->first_delay_ms = 1000;
  self->max_delay_ms = 60000;
  self->max_attempts = 5;
  self->use_context = TRUE;
}

/**
 * vv_mt_queue_new:
 * @provider: the engine
 * @cache: (nullable): where translations are remembered
 *
 * Returns: (transfer full): a new queue
 */
VvMtQueue *
vv_mt_queue_new (VvMtProvider *provider,
                 VvMtCache    *cache)
{
  VvMtQueue *self;

  g_return_val_if_fail (VV_IS_MT_PROVIDER (provider), NULL);
  self = g_object_new (VV_TYPE_MT_QUEUE, NULL);
  self->provider = g_object_ref (provider);
  self->cache = cache ? g_object_ref (cache) : NULL;
  return self;
}

VvMtProvider *
vv_mt_queue_get_provider (VvMtQueue *self)
{
  g_return_val_if_fail (VV_IS_MT_QUEUE (self), NULL);
  return self->provider;
}

VvMtCache *
vv_mt_queue_get_cache (VvMtQueue *self)
{
  g_return_val_if_fail (VV_IS_MT_QUEUE (self), NULL);
  return self->cache;
}

/**
 * vv_mt_queue_set_concurrency:
 * @concurrency: requests in flight; 0 for the default (4)
 *
 * The queue never goes beyond what the provider handles well (its
 * capabilities' max_concurrency: 2 for APy, 1 for LibreTranslate and
 * local LLM servers).
 */
void
vv_mt_queue_set_concurrency (VvMtQueue *self,
                             guint      concurrency)
{
  g_return_if_fail (VV_IS_MT_QUEUE (self));
  self->concurrency = concurrency;
  dispatch (self);
}

/**
 * vv_mt_queue_get_concurrency:
 *
 * Returns: the number of requests that may be in flight at once
 */
guint
vv_mt_queue_get_concurrency (VvMtQueue *self)
{
  VvMtCapabilities caps;
  guint wanted;

  g_return_val_if_fail (VV_IS_MT_QUEUE (self), 1);
  vv_mt_provider_get_capabilities (self->provider, &caps);
  wanted = self->concurrency ? self->concurrency : VV_MT_QUEUE_DEFAULT_CONCURRENCY;
  return MAX (1, MIN (wanted, caps.max_concurrency));
}

/**
 * vv_mt_queue_set_max_batch:
 * @max_batch: segments per request, below the provider's own limit; 0
 *   for the provider's limit
 */
void
vv_mt_queue_set_max_batch (VvMtQueue *self,
                           guint      max_batch)
{
  g_return_if_fail (VV_IS_MT_QUEUE (self));
  self->max_batch = max_batch;
}

/**
 * vv_mt_queue_set_backoff:
 * @first_delay_ms: the wait before the first retry (default 1000)
 * @max_delay_ms: the longest wait between two attempts (default 60000)
 * @max_attempts: attempts per batch, the first included (default 5)
 */
void
vv_mt_queue_set_backoff (VvMtQueue *self,
                         guint      first_delay_ms,
                         guint      max_delay_ms,
                         guint      max_attempts)
{
  g_return_if_fail (VV_IS_MT_QUEUE (self));
  self->first_delay_ms = first_delay_ms;
  self->max_delay_ms = MAX (max_delay_ms, first_delay_ms);
  self->max_attempts = MAX (max_attempts, 1);
}

void
vv_mt_queue_set_use_context (VvMtQueue *self,
                             gboolean   use_context)
{
  g_return_if_fail (VV_IS_MT_QUEUE (self));
  self->use_context = use_context;
}

/**
 * vv_mt_queue_translate_async:
 * @texts: (array zero-terminated=1): the segments, in document order
 *
 * Translates every text. The result has one slot per text; the run as a
 * whole fails only on a programming error, never because texts failed.
 */
void
vv_mt_queue_translate_async (VvMtQueue           *self,
                             const char          *source_lang,
                             const char          *target_lang,
                             const char * const  *texts,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GHashTable) seen = NULL;
  VvMtCapabilities caps;
  Batch *batch = NULL;
  guint chars = 0, max_batch;
  GList *insert_before = NULL;
  Job *job;
  guint n;

  g_return_if_fail (VV_IS_MT_QUEUE (self));
  g_return_if_fail (source_lang != NULL && target_lang != NULL && texts != NULL);

  n = g_strv_length ((GStrv) texts);
  job = g_new0 (Job, 1);
  job->ref_count = 1;
  job->queue = self;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, vv_mt_queue_translate_async);
  /* A cancelled run still returns its results (the finished texts) */
  g_task_set_check_cancellable (job->task, FALSE);
  job->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  job->source_lang = g_strdup (source_lang);
  job->target_lang = g_strdup (target_lang);
  job->cache_key = vv_mt_provider_get_cache_key (self->provider);
  job->texts = g_new0 (char *, n + 1);
  job->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  job->waiting = g_ptr_array_new ();
  job->results = g_new0 (VvMtResults, 1);
  job->results->n = n;
  job->results->translations = g_new0 (char *, n + 1);
  job->results->errors = g_new0 (GError *, n + 1);

  /* 1. blanks, duplicates, cache */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      Unit *unit;
      gpointer found;
      const char *cached;

      job->texts[i] = _vv_mt_clean_text (texts[i]);
      if (_vv_mt_is_blank (job->texts[i]))
        {
          job->results->translations[i] = g_strdup (job->texts[i]);
          job->n_done++;
          continue;
        }
      if (g_hash_table_lookup_extended (seen, job->texts[i], NULL, &found))
        {
          unit = g_ptr_array_index (job->units, GPOINTER_TO_UINT (found));
          g_array_append_val (unit->indices, i);
          continue;
        }
      cached = self->cache ? vv_mt_cache_lookup (self->cache, job->cache_key, source_lang, target_lang, job->texts[i]) : NULL;
      if (cached != NULL)
        {
          job->results->translations[i] = g_strdup (cached);
          job->results->n_cached++;
          job->n_done++;
          continue;
        }
      unit = g_new0 (Unit, 1);
      unit->text = g_strdup (job->texts[i]);
      unit->indices = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (unit->indices, i);
      g_hash_table_insert (seen, unit->text, GUINT_TO_POINTER (job->units->len));
      g_ptr_array_add (job->units, unit);
    }
  /* 2. batches within the provider's limits */
  vv_mt_provider_get_capabilities (self->provider, &caps);
  max_batch = self->max_batch ? MIN (self->max_batch, caps.max_batch) : caps.max_batch;
  max_batch = MAX (max_batch, 1);
  /* New runs go after the batches already queued */
  insert_before = NULL;
  for (guint u = 0; u < job->units->len; u++)
    {
      Unit *unit = g_ptr_array_index (job->units, u);
      guint len = g_utf8_strlen (unit->text, -1);

      /* a segment joined to others brings its separator along */
      if (batch != NULL && (batch->units->len >= max_batch || chars + caps.separator_chars + len > caps.max_chars))
        {
          g_queue_insert_before (&self->pending, insert_before, batch);
          batch = NULL;
        }
      if (batch == NULL)
        {
          batch = batch_new (job);
          chars = 0;
        }
      else
        chars += caps.separator_chars;
      g_array_append_val (batch->units, u);
      chars += len;
    }
  if (batch != NULL)
    g_queue_insert_before (&self->pending, insert_before, batch);

  if (cancellable != NULL)
    job->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled_cb), job, NULL);

  emit_progress (job);
  job_maybe_finish (job);
  dispatch (self);
  job_unref (job);
}

/**
 * vv_mt_queue_translate_finish:
 *
 * Returns: (transfer full): the results, one slot per text
 */
VvMtResults *
vv_mt_queue_translate_finish (VvMtQueue     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
