/* vv-mt-libretranslate.c: LibreTranslate (POST /translate with a JSON array)
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "vv-mt-private.h"
#include "vv-mt-providers.h"

struct _VvMtLibretranslate
{
  GObject        parent_instance;
  VvMtHttpConfig http;
};

static void vv_mt_libretranslate_provider_init (VvMtProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VvMtLibretranslate, vv_mt_libretranslate, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (VV_TYPE_MT_PROVIDER, vv_mt_libretranslate_provider_init))

static void
vv_mt_libretranslate_finalize (GObject *object)
{
  _vv_mt_http_config_clear (&VV_MT_LIBRETRANSLATE (object)->http);
  G_OBJECT_CLASS (vv_mt_libretranslate_parent_class)->finalize (object);
}

static void
vv_mt_libretranslate_class_init (VvMtLibretranslateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vv_mt_libretranslate_finalize;
}

static void
vv_mt_libretranslate_init (VvMtLibretranslate *self)
{
}

static const char *
lt_get_id (VvMtProvider *provider)
{
  return "libretranslate";
}

static const char *
lt_get_display_name (VvMtProvider *provider)
{
  return _("LibreTranslate");
}

static const char *
lt_get_server (VvMtProvider *provider)
{
  return VV_MT_LIBRETRANSLATE (provider)->http.url;
}

static void
lt_get_capabilities (VvMtProvider     *provider,
                     VvMtCapabilities *caps)
{
  /* PROTOCOLS.md §2: ≤ 25 texts and ≤ 2,000 characters; translation is
   * CPU-bound on the server, so one request in flight */
  caps->max_batch = 25;
  caps->max_chars = 2000;
  caps->max_concurrency = 1;
  caps->supports_context = FALSE;
}

/* "Slowdown: 20 per 1 minute" → the window, in milliseconds */
static gint64
slowdown_window (const char *message)
{
  const char *per = message ? strstr (message, " per ") : NULL;
  guint64 count;
  char *end = NULL;

  if (per == NULL)
    return -1;
  count = g_ascii_strtoull (per + 5, &end, 10);
  if (end == per + 5)
    count = 1;
  while (end && *end == ' ')
    end++;
  if (end == NULL)
    return -1;
  if (g_str_has_prefix (end, "second"))
    return count * 1000;
  if (g_str_has_prefix (end, "minute"))
    return count * 60 * 1000;
  if (g_str_has_prefix (end, "hour"))
    return count * 3600 * 1000;
  if (g_str_has_prefix (end, "day"))
    return count * 24 * 3600 * 1000;
  return -1;
}

static GError *
lt_error (VvMtProvider *provider,
          SoupMessage  *message,
          GBytes       *body)
{
  guint status = soup_message_get_status (message);
  g_autofree char *text = _vv_mt_json_error_message (body);
  GError *error;

  if (status == 400 && text && (strstr (text, "API key") || strstr (text, "api key")))
    return _vv_mt_error_new_for_status (provider, VV_MT_ERROR_AUTH, message, text);
  if (status == 400 && text && (strstr (text, "is not supported") || strstr (text, "is not available as a")) &&
      !strstr (text, "format"))
    return _vv_mt_error_new_for_status (provider, VV_MT_ERROR_UNSUPPORTED_PAIR, message, text);
  if (status == 400 && text && strstr (text, "exceeds"))
    {
      error = _vv_mt_error_new_for_status (provider, VV_MT_ERROR_BAD_RESPONSE, message, text);
      _vv_mt_error_set_split (error);
      return error;
    }
  if (status == 403 && text && strstr (text, "Too many request"))
    {
      /* Banned after repeated 429s: wait minutes, do not hammer */
      error = _vv_mt_error_new_for_status (provider, VV_MT_ERROR_RATE_LIMITED, message, text);
      _vv_mt_error_set_retry_after (error, 5 * 60 * 1000);
      return error;
    }
  if (status == 429)
    {
      error = _vv_mt_error_new_for_status (provider, VV_MT_ERROR_RATE_LIMITED, message, text);
      _vv_mt_error_set_retry_after (error, slowdown_window (text));
      return error;
    }
  return _vv_mt_error_from_status (provider, message, text);
}

static void
languages_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = _vv_mt_json_request_finish (result, &error);
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  JsonArray *array;

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_task_return_error (task, _vv_mt_error_new (g_task_get_source_object (task), VV_MT_ERROR_BAD_RESPONSE,
                                                   _("/languages is not a list")));
      return;
    }
  pairs = _vv_mt_pairs_new ();
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *code = JSON_NODE_HOLDS_OBJECT (item) ? _vv_mt_json_get_string (json_node_get_object (item), "code") : NULL;
      if (code)
        g_ptr_array_add (codes, (gpointer) code);
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *entry;
      const char *code;
      JsonNode *targets;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      entry = json_node_get_object (item);
      code = _vv_mt_json_get_string (entry, "code");
      if (code == NULL)
        continue;
      targets = json_object_get_member (entry, "targets");
      if (targets && JSON_NODE_HOLDS_ARRAY (targets))
        {
          JsonArray *t = json_node_get_array (targets);
          for (guint j = 0; j < json_array_get_length (t); j++)
            {
              JsonNode *target = json_array_get_element (t, j);
              if (JSON_NODE_HOLDS_VALUE (target) && json_node_get_value_type (target) == G_TYPE_STRING &&
                  !g_str_equal (code, json_node_get_string (target)))
                g_ptr_array_add (pairs, vv_mt_language_pair_new (code, json_node_get_string (target), NULL));
            }
        }
      else
        {
          /* Old servers: every language is a target */
          for (guint j = 0; j < codes->len; j++)
            if (!g_str_equal (code, g_ptr_array_index (codes, j)))
              g_ptr_array_add (pairs, vv_mt_language_pair_new (code, g_ptr_array_index (codes, j), NULL));
        }
    }
  g_task_return_pointer (task, g_steal_pointer (&pairs), (GDestroyNotify) g_ptr_array_unref);
}

static void
lt_list_languages_async (VvMtProvider        *provider,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  VvMtLibretranslate *self = VV_MT_LIBRETRANSLATE (provider);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *url = _vv_mt_join_url (self->http.url, "/languages");

  _vv_mt_json_request_async (provider, &self->http, _vv_mt_json_message_new ("GET", url, NULL),
                             lt_error, cancellable, languages_cb, task);
}

/* The translations of a reply to /translate with a list of q:
 * {"translatedText": ["…", …]} */
char **
_vv_mt_libretranslate_parse_translations (VvMtProvider  *provider,
                                          JsonNode      *root,
                                          guint          n,
                                          GError       **error)
{
  char **translations = JSON_NODE_HOLDS_OBJECT (root)
    ? _vv_mt_strings_from_array (json_object_get_member (json_node_get_object (root), "translatedText"), NULL, n)
    : NULL;

  if (translations == NULL)
    g_propagate_error (error, _vv_mt_error_wrong_count (provider, n));
  return translations;
}

static void
lt_translate_async (VvMtProvider        *provider,
                    const char          *source_lang,
                    const char          *target_lang,
                    const char * const  *texts,
                    const char          *context,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  VvMtLibretranslate *self = VV_MT_LIBRETRANSLATE (provider);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *url = _vv_mt_join_url (self->http.url, "/translate");
  guint n;

  json_builder_begin_object (builder);
  n = _vv_mt_json_add_texts (builder, "q", texts);
  /* LibreTranslate reads the key from the body only */
  _vv_mt_json_add_members (builder, "source", source_lang, "target", target_lang, "format", "text",
                           "api_key", self->http.api_key, NULL);
  json_builder_end_object (builder);

  _vv_mt_json_translate_async (provider, &self->http, _vv_mt_json_message_new ("POST", url, builder),
                               lt_error, _vv_mt_libretranslate_parse_translations, n, cancellable, callback, user_data);
}

static void
vv_mt_libretranslate_provider_init (VvMtProviderInterface *iface)
{
  iface->get_id = lt_get_id;
  iface->get_display_name = lt_get_display_name;
  iface->get_server = lt_get_server;
  iface->get_capabilities = lt_get_capabilities;
  iface->list_languages_async = lt_list_languages_async;
  iface->list_languages_finish = _vv_mt_list_languages_finish;
  iface->translate_async = lt_translate_async;
  iface->translate_finish = _vv_mt_translate_finish;
}

/**
 * vv_mt_libretranslate_new:
 * @url: (nullable): base URL, with the operator's prefix if any
 * @api_key: (nullable): the key, when the server requires one
 *
 * Returns: (transfer full): a LibreTranslate provider
 */
VvMtProvider *
vv_mt_libretranslate_new (const char *url,
                          const char *api_key)
{
  VvMtLibretranslate *self = g_object_new (VV_TYPE_MT_LIBRETRANSLATE, NULL);

  _vv_mt_http_config_init (G_OBJECT (self), &self->http, url, "http://127.0.0.1:5000", api_key, 30);
  return VV_MT_PROVIDER (self);
}
