/* vv-mt-document.c: "Translate all" — suggestions for every segment,
 * drafts only where nobody has written anything
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vv-document.h"
#include "vv-mt-document.h"
#include "vv-segment.h"

void
vv_mt_summary_clear (VvMtSummary *summary)
{
  g_clear_error (&summary->first_error);
  *summary = (VvMtSummary) { 0 };
}

typedef struct
{
  VvDocument *document;
  GPtrArray  *segments;   /* VvSegment, in the order sent */
  GStrv       sources;    /* their source texts when sent */
  gboolean    fill_drafts;
  VvMtSummary summary;
} DocumentData;

static void
document_data_free (DocumentData *data)
{
  g_clear_object (&data->document);
  g_ptr_array_unref (data->segments);
  g_strfreev (data->sources);
  vv_mt_summary_clear (&data->summary);
  g_free (data);
}

/**
 * vv_mt_apply_translation:
 * @segment: a segment
 * @provider_id: the provider ("apertium")
 * @translation: its translation of the segment's source
 * @fill_draft: whether to write it as the target of an untranslated segment
 *
 * Stores @translation as the provider's suggestion and, with @fill_draft,
 * as a draft (origin "mt:PROVIDER") when the segment is untranslated, has
 * no target and is not locked. A target someone wrote is never replaced.
 *
 * Returns: %TRUE if the target was filled
 */
gboolean
vv_mt_apply_translation (VvSegment  *segment,
                         const char *provider_id,
                         const char *translation,
                         gboolean    fill_draft)
{
  const char *target;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (VV_IS_SEGMENT (segment), FALSE);
  g_return_val_if_fail (provider_id != NULL && translation != NULL, FALSE);

  vv_segment_set_suggestion (segment, provider_id, translation);
  if (!fill_draft || *translation == '\0')
    return FALSE;

  target = vv_segment_get_target (segment);
  if (vv_segment_get_state (segment) != VV_SEGMENT_STATE_UNTRANSLATED ||
      (target != NULL && *target != '\0') || vv_segment_is_locked (segment))
    return FALSE;

  origin = g_strconcat ("mt:", provider_id, NULL);
  vv_segment_set_target (segment, translation);
  vv_segment_set_origin (segment, origin);
  vv_segment_commit (segment, VV_SEGMENT_STATE_DRAFT, origin);
  return TRUE;
}

static void
translated_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VvMtQueue *queue = VV_MT_QUEUE (object);
  DocumentData *data = g_task_get_task_data (task);
  const char *provider_id = vv_mt_provider_get_id (vv_mt_queue_get_provider (queue));
  g_autoptr(GError) error = NULL;
  g_autoptr(VvMtResults) results = vv_mt_queue_translate_finish (queue, result, &error);

  if (results == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->summary.n_cached = results->n_cached;
  vv_document_begin_batch (data->document);
  for (guint i = 0; i < results->n; i++)
    {
      VvSegment *segment = g_ptr_array_index (data->segments, i);

      if (results->translations[i] == NULL)
        {
          data->summary.n_failed++;
          if (data->summary.first_error == NULL)
            data->summary.first_error = g_error_copy (results->errors[i]);
          continue;
        }
      /* Split, merged or removed while we waited: the translation no longer fits */
      if (vv_segment_get_document (segment) != data->document ||
          g_strcmp0 (vv_segment_get_source (segment), data->sources[i]) != 0)
        {
          data->summary.n_kept++;
          continue;
        }
      data->summary.n_suggestions++;
      if (vv_mt_apply_translation (segment, provider_id, results->translations[i], data->fill_drafts))
        data->summary.n_filled++;
      else
        data->summary.n_kept++;
    }
  vv_document_end_batch (data->document);

  g_task_return_boolean (task, TRUE);
}

/**
 * vv_mt_translate_document_async:
 * @queue: the queue of the provider to use
 * @document: the document; its source and target languages are used
 * @fill_drafts: whether untranslated segments get the translation as a draft
 *
 * Translates every segment that is not excluded (boilerplate) or marked
 * do-not-translate. Suggestions are stored on every segment.
 */
void
vv_mt_translate_document_async (VvMtQueue           *queue,
                                VvDocument          *document,
                                gboolean             fill_drafts,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (queue, cancellable, callback, user_data);
  DocumentData *data = g_new0 (DocumentData, 1);
  const char *source_lang = vv_document_get_source_language (document);
  const char *target_lang = vv_document_get_target_language (document);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = vv_document_get_n_segments (document);

  g_task_set_source_tag (task, vv_mt_translate_document_async);
  g_task_set_check_cancellable (task, FALSE);
  data->document = g_object_ref (document);
  data->segments = g_ptr_array_new_with_free_func (g_object_unref);
  data->fill_drafts = fill_drafts;
  g_task_set_task_data (task, data, (GDestroyNotify) document_data_free);

  if (target_lang == NULL || *target_lang == '\0')
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The document has no target language; choose one first"));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);

      if (vv_segment_is_excluded (segment) || (vv_segment_get_flags (segment) & VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE))
        continue;
      g_ptr_array_add (data->segments, g_object_ref (segment));
      g_strv_builder_add (builder, vv_segment_get_source (segment));
    }
  data->sources = g_strv_builder_end (builder);
  data->summary.n_segments = data->segments->len;

  vv_mt_queue_translate_async (queue, source_lang ? source_lang : "fr", target_lang,
                               (const char * const *) data->sources, cancellable,
                               translated_cb, g_steal_pointer (&task));
}

/**
 * vv_mt_translate_document_finish:
 * @summary: (out caller-allocates) (optional): counts and the first error;
 *   clear it with vv_mt_summary_clear()
 *
 * Returns: %FALSE only when the run could not start (no target language)
 */
gboolean
vv_mt_translate_document_finish (VvMtQueue     *queue,
                                 GAsyncResult  *result,
                                 VvMtSummary   *summary,
                                 GError       **error)
{
  DocumentData *data;

  g_return_val_if_fail (g_task_is_valid (result, queue), FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  if (summary)
    {
      *summary = data->summary;
      data->summary.first_error = NULL;
    }
  return TRUE;
}
