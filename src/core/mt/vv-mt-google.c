/* vv-mt-google.c: Google Cloud Translation v2 (Basic)
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "vv-mt-private.h"
#include "vv-mt-providers.h"

struct _VvMtGoogle
{
  GObject        parent_instance;
  VvMtHttpConfig http;
};

static void vv_mt_google_provider_init (VvMtProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VvMtGoogle, vv_mt_google, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (VV_TYPE_MT_PROVIDER, vv_mt_google_provider_init))

static void
vv_mt_google_finalize (GObject *object)
{
  _vv_mt_http_config_clear (&VV_MT_GOOGLE (object)->http);
  G_OBJECT_CLASS (vv_mt_google_parent_class)->finalize (object);
}

static void
vv_mt_google_class_init (VvMtGoogleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vv_mt_google_finalize;
}

static void
vv_mt_google_init (VvMtGoogle *self)
{
}

static const char *
google_get_id (VvMtProvider *provider)
{
  return "google";
}

static const char *
google_get_display_name (VvMtProvider *provider)
{
  return _("Google Cloud Translation");
}

static const char *
google_get_server (VvMtProvider *provider)
{
  return VV_MT_GOOGLE (provider)->http.url;
}

static void
google_get_capabilities (VvMtProvider     *provider,
                         VvMtCapabilities *caps)
{
  /* PROTOCOLS.md §4: ≤ 100 segments and ≤ 5,000 characters; 2–4 in flight */
  caps->max_batch = 100;
  caps->max_chars = 5000;
  caps->max_concurrency = 4;
  caps->supports_context = FALSE;
}

/* errors[0].reason or details[].reason of Google's envelope */
static gboolean
has_reason (GBytes     *body,
            const char *reason)
{
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;
  g_autofree char *text = data ? g_strndup (data, size) : NULL;
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", reason);

  /* The reason only ever appears as a JSON string value of "reason" */
  return text != NULL && strstr (text, quoted) != NULL;
}

static GError *
google_error (VvMtProvider *provider,
              SoupMessage  *message,
              GBytes       *body)
{
  guint status = soup_message_get_status (message);
  g_autofree char *text = _vv_mt_json_error_message (body);
  GError *error;

  if (status == 400 && (has_reason (body, "API_KEY_INVALID") || (text && strstr (text, "API key"))))
    return _vv_mt_error_new_for_status (provider, VV_MT_ERROR_AUTH, message, text);
  if (status == 400 && text && (strstr (text, "language") || strstr (text, "Invalid Value")))
    return _vv_mt_error_new_for_status (provider, VV_MT_ERROR_UNSUPPORTED_PAIR, message, text);
  if (status == 400 && text && (strstr (text, "too large") || strstr (text, "Too many") || strstr (text, "too many")))
    {
      error = _vv_mt_error_new_for_status (provider, VV_MT_ERROR_BAD_RESPONSE, message, text);
      _vv_mt_error_set_split (error);
      return error;
    }
  if (status == 403 && (has_reason (body, "userRateLimitExceeded") || has_reason (body, "rateLimitExceeded")))
    return _vv_mt_error_new_for_status (provider, VV_MT_ERROR_RATE_LIMITED, message, text);
  if (status == 403 && has_reason (body, "dailyLimitExceeded"))
    return _vv_mt_error_new_for_status (provider, VV_MT_ERROR_QUOTA, message, text);
  return _vv_mt_error_from_status (provider, message, text);
}

static SoupMessage *
google_message_new (VvMtGoogle  *self,
                    const char  *method,
                    const char  *path,
                    JsonBuilder *body)
{
  g_autofree char *url = _vv_mt_join_url (self->http.url, path);
  SoupMessage *message = _vv_mt_json_message_new (method, url, body);

  /* The header keeps the key out of URLs and logs */
  _vv_mt_set_header (message, "X-Goog-Api-Key", self->http.api_key);
  return message;
}

static void
languages_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = _vv_mt_json_request_finish (result, &error);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) pairs = NULL;
  JsonNode *data, *languages = NULL;

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (root) && (data = json_object_get_member (json_node_get_object (root), "data")) &&
      JSON_NODE_HOLDS_OBJECT (data))
    languages = json_object_get_member (json_node_get_object (data), "languages");
  if (languages == NULL || !JSON_NODE_HOLDS_ARRAY (languages))
    {
      g_task_return_error (task, _vv_mt_error_new (g_task_get_source_object (task), VV_MT_ERROR_BAD_RESPONSE,
                                                   _("no “data.languages” list")));
      return;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (languages)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (languages), i);
      const char *code = JSON_NODE_HOLDS_OBJECT (item) ? _vv_mt_json_get_string (json_node_get_object (item), "language") : NULL;
      if (code)
        g_ptr_array_add (codes, (gpointer) code);
    }
  pairs = _vv_mt_pairs_new ();
  for (guint i = 0; i < codes->len; i++)
    for (guint j = 0; j < codes->len; j++)
      if (i != j)
        g_ptr_array_add (pairs, vv_mt_language_pair_new (g_ptr_array_index (codes, i), g_ptr_array_index (codes, j), NULL));
  g_task_return_pointer (task, g_steal_pointer (&pairs), (GDestroyNotify) g_ptr_array_unref);
}

static void
google_list_languages_async (VvMtProvider        *provider,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  VvMtGoogle *self = VV_MT_GOOGLE (provider);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  _vv_mt_json_request_async (provider, &self->http, google_message_new (self, "GET", "/languages", NULL),
                             google_error, cancellable, languages_cb, task);
}

/* The translations of a v2 reply: {"data": {"translations": [{"translatedText"}…]}} */
char **
_vv_mt_google_parse_translations (VvMtProvider  *provider,
                                  JsonNode      *root,
                                  guint          n,
                                  GError       **error)
{
  JsonNode *data = NULL;
  char **translations = NULL;

  if (JSON_NODE_HOLDS_OBJECT (root))
    data = json_object_get_member (json_node_get_object (root), "data");
  if (data && JSON_NODE_HOLDS_OBJECT (data))
    translations = _vv_mt_strings_from_array (json_object_get_member (json_node_get_object (data), "translations"),
                                              "translatedText", n);
  if (translations == NULL)
    g_propagate_error (error, _vv_mt_error_wrong_count (provider, n));
  return translations;
}

static void
google_translate_async (VvMtProvider        *provider,
                        const char          *source_lang,
                        const char          *target_lang,
                        const char * const  *texts,
                        const char          *context,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  VvMtGoogle *self = VV_MT_GOOGLE (provider);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n;

  json_builder_begin_object (builder);
  n = _vv_mt_json_add_texts (builder, "q", texts);
  /* The default format is html, which escapes the output (l&#39;armée) */
  _vv_mt_json_add_members (builder, "source", source_lang, "target", target_lang, "format", "text", NULL);
  json_builder_end_object (builder);

  _vv_mt_json_translate_async (provider, &self->http, google_message_new (self, "POST", "", builder),
                               google_error, _vv_mt_google_parse_translations, n, cancellable, callback, user_data);
}

static void
vv_mt_google_provider_init (VvMtProviderInterface *iface)
{
  iface->get_id = google_get_id;
  iface->get_display_name = google_get_display_name;
  iface->get_server = google_get_server;
  iface->get_capabilities = google_get_capabilities;
  iface->list_languages_async = google_list_languages_async;
  iface->list_languages_finish = _vv_mt_list_languages_finish;
  iface->translate_async = google_translate_async;
  iface->translate_finish = _vv_mt_translate_finish;
}

/**
 * vv_mt_google_new:
 * @url: (nullable): the v2 endpoint (default https://translation.googleapis.com/language/translate/v2)
 * @api_key: (nullable): the API key
 *
 * Returns: (transfer full): a Google Cloud Translation provider
 */
VvMtProvider *
vv_mt_google_new (const char *url,
                  const char *api_key)
{
  VvMtGoogle *self = g_object_new (VV_TYPE_MT_GOOGLE, NULL);

  _vv_mt_http_config_init (G_OBJECT (self), &self->http, url,
                           "https://translation.googleapis.com/language/translate/v2", api_key, 30);
  return VV_MT_PROVIDER (self);
}
