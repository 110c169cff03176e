/* vv-mt-pivot.c: a provider made of two, through a pivot language
 * (Apertium fr→es then es→en)
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vv-mt-private.h"
#include "vv-mt-providers.h"

struct _VvMtPivot
{
  GObject       parent_instance;
  VvMtProvider *first;
  VvMtProvider *second;
  char         *pivot_lang;
  char         *display_name;
};

static void vv_mt_pivot_provider_init (VvMtProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VvMtPivot, vv_mt_pivot, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (VV_TYPE_MT_PROVIDER, vv_mt_pivot_provider_init))

static void
vv_mt_pivot_finalize (GObject *object)
{
  VvMtPivot *self = VV_MT_PIVOT (object);

  g_clear_object (&self->first);
  g_clear_object (&self->second);
  g_free (self->pivot_lang);
  g_free (self->display_name);
  G_OBJECT_CLASS (vv_mt_pivot_parent_class)->finalize (object);
}

static void
vv_mt_pivot_class_init (VvMtPivotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vv_mt_pivot_finalize;
}

static void
vv_mt_pivot_init (VvMtPivot *self)
{
}

/* The id of the engine: drafts say "mt:apertium" whether or not it pivoted */
static const char *
pivot_get_id (VvMtProvider *provider)
{
  return vv_mt_provider_get_id (VV_MT_PIVOT (provider)->first);
}

static const char *
pivot_get_display_name (VvMtProvider *provider)
{
  return VV_MT_PIVOT (provider)->display_name;
}

static const char *
pivot_get_server (VvMtProvider *provider)
{
  return vv_mt_provider_get_server (VV_MT_PIVOT (provider)->first);
}

static char *
pivot_get_cache_key (VvMtProvider *provider)
{
  VvMtPivot *self = VV_MT_PIVOT (provider);
  g_autofree char *first = vv_mt_provider_get_cache_key (self->first);
  g_autofree char *second = vv_mt_provider_get_cache_key (self->second);

  return g_strdup_printf ("pivot|%s|%s|%s", first, self->pivot_lang, second);
}

static void
pivot_get_capabilities (VvMtProvider     *provider,
                        VvMtCapabilities *caps)
{
  VvMtPivot *self = VV_MT_PIVOT (provider);
  VvMtCapabilities a, b;

  vv_mt_provider_get_capabilities (self->first, &a);
  vv_mt_provider_get_capabilities (self->second, &b);
  caps->max_batch = MIN (a.max_batch, b.max_batch);
  /* The intermediate text may be longer than the source: keep a margin */
  caps->max_chars = MIN (a.max_chars, b.max_chars) * 4 / 5;
  caps->max_concurrency = MIN (a.max_concurrency, b.max_concurrency);
  caps->supports_context = a.supports_context;
  caps->separator_chars = MAX (a.separator_chars, b.separator_chars);
}

static void
languages_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *pairs = vv_mt_provider_list_languages_finish (VV_MT_PROVIDER (object), result, &error);

  if (pairs == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pairs, (GDestroyNotify) g_ptr_array_unref);
}

static void
pivot_list_languages_async (VvMtProvider        *provider,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (provider, cancellable, callback, user_data);
  vv_mt_provider_list_languages_async (VV_MT_PIVOT (provider)->first, cancellable, languages_cb, task);
}

typedef struct
{
  char *target_lang;
  char *context;
} PivotData;

static void
pivot_data_free (PivotData *data)
{
  g_free (data->target_lang);
  g_free (data->context);
  g_free (data);
}

static void
second_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char **out = vv_mt_provider_translate_finish (VV_MT_PROVIDER (object), result, &error);

  if (out == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, out, (GDestroyNotify) g_strfreev);
}

static void
first_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VvMtPivot *self = g_task_get_source_object (task);
  PivotData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) middle = vv_mt_provider_translate_finish (VV_MT_PROVIDER (object), result, &error);
  GCancellable *cancellable;

  if (middle == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  cancellable = g_task_get_cancellable (task);
  vv_mt_provider_translate_async (self->second, self->pivot_lang, data->target_lang,
                                  (const char * const *) middle, NULL,
                                  cancellable, second_cb, g_steal_pointer (&task));
}

static void
pivot_translate_async (VvMtProvider        *provider,
                       const char          *source_lang,
                       const char          *target_lang,
                       const char * const  *texts,
                       const char          *context,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  VvMtPivot *self = VV_MT_PIVOT (provider);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  PivotData *data = g_new0 (PivotData, 1);

  data->target_lang = g_strdup (target_lang);
  g_task_set_task_data (task, data, (GDestroyNotify) pivot_data_free);
  vv_mt_provider_translate_async (self->first, source_lang, self->pivot_lang, texts, context,
                                  cancellable, first_cb, task);
}

static void
vv_mt_pivot_provider_init (VvMtProviderInterface *iface)
{
  iface->get_id = pivot_get_id;
  iface->get_display_name = pivot_get_display_name;
  iface->get_server = pivot_get_server;
  iface->get_cache_key = pivot_get_cache_key;
  iface->get_capabilities = pivot_get_capabilities;
  iface->list_languages_async = pivot_list_languages_async;
  iface->list_languages_finish = _vv_mt_list_languages_finish;
  iface->translate_async = pivot_translate_async;
  iface->translate_finish = _vv_mt_translate_finish;
}

/**
 * vv_mt_pivot_new:
 * @first: translates from the source into @pivot_lang
 * @second: translates from @pivot_lang into the target (may be @first)
 * @pivot_lang: the language in between ("es")
 *
 * Returns: (transfer full): a provider that chains the two on the client,
 *   so each step can ask for clean output (APy's server-side chain
 *   doubles unknown-word marks)
 */
VvMtProvider *
vv_mt_pivot_new (VvMtProvider *first,
                 VvMtProvider *second,
                 const char   *pivot_lang)
{
  VvMtPivot *self;

  g_return_val_if_fail (VV_IS_MT_PROVIDER (first), NULL);
  g_return_val_if_fail (VV_IS_MT_PROVIDER (second), NULL);
  g_return_val_if_fail (pivot_lang != NULL, NULL);

  self = g_object_new (VV_TYPE_MT_PIVOT, NULL);
  self->first = g_object_ref (first);
  self->second = g_object_ref (second);
  self->pivot_lang = g_strdup (pivot_lang);
  /* Translators: %1$s is a provider name, %2$s a language code ("Apertium via es") */
  self->display_name = g_strdup_printf (_("%1$s via %2$s"), vv_mt_provider_get_display_name (first), pivot_lang);
  g_object_set_data (G_OBJECT (self), "vv-mt-pivot-first", self->first);
  g_object_set_data (G_OBJECT (self), "vv-mt-pivot-second", self->second);
  return VV_MT_PROVIDER (self);
}

static gboolean
lang_equal (const char *a,
            const char *b)
{
  return g_strcmp0 (a, "*") == 0 || g_ascii_strcasecmp (a, b) == 0;
}

/**
 * vv_mt_pairs_have:
 * @pairs: (element-type VvMtLanguagePair): a language list
 *
 * Returns: whether @source → @target is offered directly (no pivot)
 */
gboolean
vv_mt_pairs_have (GPtrArray  *pairs,
                  const char *source,
                  const char *target)
{
  for (guint i = 0; pairs && i < pairs->len; i++)
    {
      VvMtLanguagePair *pair = g_ptr_array_index (pairs, i);
      if (pair->via == NULL && lang_equal (pair->source, source) && lang_equal (pair->target, target))
        return TRUE;
    }
  return FALSE;
}

/**
 * vv_mt_find_pivot:
 * @pairs: (element-type VvMtLanguagePair): a language list
 *
 * Returns: (transfer full) (nullable): a language that links @source to
 *   @target in two direct steps, or %NULL
 */
char *
vv_mt_find_pivot (GPtrArray  *pairs,
                  const char *source,
                  const char *target)
{
  for (guint i = 0; pairs && i < pairs->len; i++)
    {
      VvMtLanguagePair *first = g_ptr_array_index (pairs, i);

      if (first->via != NULL || !lang_equal (first->source, source) || g_str_equal (first->target, "*"))
        continue;
      if (vv_mt_pairs_have (pairs, first->target, target))
        return g_strdup (first->target);
    }
  return NULL;
}
