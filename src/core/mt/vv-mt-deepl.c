/* vv-mt-deepl.c: DeepL API v2 (free and pro hosts)
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "vv-mt-private.h"
#include "vv-mt-providers.h"

struct _VvMtDeepl
{
  GObject        parent_instance;
  VvMtHttpConfig http;
  char          *formality;
};

static void vv_mt_deepl_provider_init (VvMtProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VvMtDeepl, vv_mt_deepl, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (VV_TYPE_MT_PROVIDER, vv_mt_deepl_provider_init))

static void
vv_mt_deepl_finalize (GObject *object)
{
  VvMtDeepl *self = VV_MT_DEEPL (object);

  _vv_mt_http_config_clear (&self->http);
  g_free (self->formality);
  G_OBJECT_CLASS (vv_mt_deepl_parent_class)->finalize (object);
}

static void
vv_mt_deepl_class_init (VvMtDeeplClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vv_mt_deepl_finalize;
}

static void
vv_mt_deepl_init (VvMtDeepl *self)
{
}

static const char *
deepl_get_id (VvMtProvider *provider)
{
  return "deepl";
}

static const char *
deepl_get_display_name (VvMtProvider *provider)
{
  return _("DeepL");
}

static const char *
deepl_get_server (VvMtProvider *provider)
{
  return VV_MT_DEEPL (provider)->http.url;
}

static char *
deepl_get_cache_key (VvMtProvider *provider)
{
  VvMtDeepl *self = VV_MT_DEEPL (provider);
  return g_strdup_printf ("deepl|%s|%s", self->http.url, self->formality ? self->formality : "");
}

static void
deepl_get_capabilities (VvMtProvider     *provider,
                        VvMtCapabilities *caps)
{
  /* PROTOCOLS.md §3: ≤ 50 texts, body ≤ 128 KiB (we keep well under
   * 100 KiB of JSON); 2–4 requests in flight */
  caps->max_batch = 50;
  caps->max_chars = 30000;
  caps->max_concurrency = 4;
  caps->supports_context = TRUE;
}

/* Targets need a variant for English and Portuguese; sources none */
static char *
deepl_target_code (const char *lang)
{
  g_autofree char *upper = g_ascii_strup (lang, -1);

  g_strdelimit (upper, "_", '-');
  if (g_str_equal (upper, "EN"))
    return g_strdup ("EN-GB");
  if (g_str_equal (upper, "PT"))
    return g_strdup ("PT-PT");
  if (g_str_equal (upper, "ZH"))
    return g_strdup ("ZH-HANS");
  return g_steal_pointer (&upper);
}

static char *
deepl_source_code (const char *lang)
{
  g_autofree char *upper = g_ascii_strup (lang, -1);
  char *dash = strpbrk (upper, "-_");

  if (dash)
    *dash = '\0';
  return g_steal_pointer (&upper);
}

/* "EN-GB" → "en-GB", "FR" → "fr" */
static char *
code_from_deepl (const char *code)
{
  char *out = g_strdup (code);

  for (char *p = out; *p && *p != '-'; p++)
    *p = g_ascii_tolower (*p);
  return out;
}

static GError *
deepl_error (VvMtProvider *provider,
             SoupMessage  *message,
             GBytes       *body)
{
  guint status = soup_message_get_status (message);
  g_autofree char *text = _vv_mt_json_error_message (body);

  if (status == 400 && text && (strstr (text, "lang") || strstr (text, "language")))
    return _vv_mt_error_new_for_status (provider, VV_MT_ERROR_UNSUPPORTED_PAIR, message, text);
  if (status == 403 && text && strstr (text, "Wrong endpoint"))
    {
      /* Translators: the server's message, then advice; keep the URL */
      g_autofree char *detail = g_strdup_printf (_("%s — set this server URL for the key"), text);
      return _vv_mt_error_new_for_status (provider, VV_MT_ERROR_AUTH, message, detail);
    }
  return _vv_mt_error_from_status (provider, message, text);
}

typedef struct
{
  GPtrArray *pairs;
  GPtrArray *sources;
} LanguagesData;

static void
languages_data_free (LanguagesData *data)
{
  g_clear_pointer (&data->pairs, g_ptr_array_unref);
  g_clear_pointer (&data->sources, g_ptr_array_unref);
  g_free (data);
}

static SoupMessage *
deepl_message_new (VvMtDeepl   *self,
                   const char  *method,
                   const char  *path,
                   JsonBuilder *body)
{
  g_autofree char *url = _vv_mt_join_url (self->http.url, path);
  SoupMessage *message = _vv_mt_json_message_new (method, url, body);
  g_autofree char *auth = g_strdup_printf ("DeepL-Auth-Key %s", self->http.api_key ? self->http.api_key : "");

  _vv_mt_set_header (message, "Authorization", auth);
  return message;
}

static GPtrArray *
codes_of (JsonNode *root)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  if (root && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          const char *code = JSON_NODE_HOLDS_OBJECT (item)
            ? _vv_mt_json_get_string (json_node_get_object (item), "language") : NULL;
          if (code)
            g_ptr_array_add (codes, code_from_deepl (code));
        }
    }
  return codes;
}

static void
targets_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LanguagesData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = _vv_mt_json_request_finish (result, &error);
  g_autoptr(GPtrArray) targets = NULL;

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  targets = codes_of (root);
  data->pairs = _vv_mt_pairs_new ();
  for (guint i = 0; i < data->sources->len; i++)
    for (guint j = 0; j < targets->len; j++)
      {
        const char *s = g_ptr_array_index (data->sources, i);
        const char *t = g_ptr_array_index (targets, j);
        if (!g_str_has_prefix (t, s) || (t[strlen (s)] != '\0' && t[strlen (s)] != '-'))
          g_ptr_array_add (data->pairs, vv_mt_language_pair_new (s, t, NULL));
      }
  g_task_return_pointer (task, g_steal_pointer (&data->pairs), (GDestroyNotify) g_ptr_array_unref);
}

static void
sources_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VvMtDeepl *self = g_task_get_source_object (task);
  LanguagesData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = _vv_mt_json_request_finish (result, &error);
  GCancellable *cancellable;

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->sources = codes_of (root);
  cancellable = g_task_get_cancellable (task);
  _vv_mt_json_request_async (VV_MT_PROVIDER (self), &self->http,
                             deepl_message_new (self, "GET", "/v2/languages?type=target", NULL),
                             deepl_error, cancellable, targets_cb, g_steal_pointer (&task));
}

static void
deepl_list_languages_async (VvMtProvider        *provider,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  VvMtDeepl *self = VV_MT_DEEPL (provider);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_task_data (task, g_new0 (LanguagesData, 1), (GDestroyNotify) languages_data_free);
  _vv_mt_json_request_async (provider, &self->http,
                             deepl_message_new (self, "GET", "/v2/languages?type=source", NULL),
                             deepl_error, cancellable, sources_cb, task);
}

/* The translations of a reply to /v2/translate: {"translations": [{"text"}…]} */
char **
_vv_mt_deepl_parse_translations (VvMtProvider  *provider,
                                 JsonNode      *root,
                                 guint          n,
                                 GError       **error)
{
  char **translations = JSON_NODE_HOLDS_OBJECT (root)
    ? _vv_mt_strings_from_array (json_object_get_member (json_node_get_object (root), "translations"), "text", n)
    : NULL;

  if (translations == NULL)
    g_propagate_error (error, _vv_mt_error_wrong_count (provider, n));
  return translations;
}

static void
deepl_translate_async (VvMtProvider        *provider,
                       const char          *source_lang,
                       const char          *target_lang,
                       const char * const  *texts,
                       const char          *context,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  VvMtDeepl *self = VV_MT_DEEPL (provider);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *source = deepl_source_code (source_lang);
  g_autofree char *target = deepl_target_code (target_lang);
  g_autofree char *formality = NULL;
  guint n;

  /* prefer_* never fails on targets without formality */
  if (self->formality && *self->formality && !g_str_equal (self->formality, "default"))
    formality = g_str_has_prefix (self->formality, "prefer_")
      ? g_strdup (self->formality) : g_strconcat ("prefer_", self->formality, NULL);

  json_builder_begin_object (builder);
  n = _vv_mt_json_add_texts (builder, "text", texts);
  /* Each text is exactly one segment */
  _vv_mt_json_add_members (builder, "source_lang", source, "target_lang", target, "split_sentences", "0", NULL);
  json_builder_set_member_name (builder, "preserve_formatting");
  json_builder_add_boolean_value (builder, TRUE);
  _vv_mt_json_add_members (builder, "context", context, "formality", formality, NULL);
  json_builder_end_object (builder);

  _vv_mt_json_translate_async (provider, &self->http, deepl_message_new (self, "POST", "/v2/translate", builder),
                               deepl_error, _vv_mt_deepl_parse_translations, n, cancellable, callback, user_data);
}

static void
vv_mt_deepl_provider_init (VvMtProviderInterface *iface)
{
  iface->get_id = deepl_get_id;
  iface->get_display_name = deepl_get_display_name;
  iface->get_server = deepl_get_server;
  iface->get_cache_key = deepl_get_cache_key;
  iface->get_capabilities = deepl_get_capabilities;
  iface->list_languages_async = deepl_list_languages_async;
  iface->list_languages_finish = _vv_mt_list_languages_finish;
  iface->translate_async = deepl_translate_async;
  iface->translate_finish = _vv_mt_translate_finish;
}

/**
 * vv_mt_deepl_host_for_key:
 * @api_key: (nullable): a DeepL key
 *
 * Returns: the API host for the key: Free keys end in ":fx"
 */
const char *
vv_mt_deepl_host_for_key (const char *api_key)
{
  return api_key && g_str_has_suffix (api_key, ":fx") ? "https://api-free.deepl.com" : "https://api.deepl.com";
}

/**
 * vv_mt_deepl_set_formality:
 * @formality: (nullable): "default", "more", "less", "prefer_more" or "prefer_less"
 */
void
vv_mt_deepl_set_formality (VvMtDeepl  *self,
                           const char *formality)
{
  g_return_if_fail (VV_IS_MT_DEEPL (self));
  g_free (self->formality);
  self->formality = g_strdup (formality);
}

/**
 * vv_mt_deepl_new:
 * @url: (nullable): base URL; %NULL picks the Free or Pro host from the key
 * @api_key: (nullable): the authentication key
 *
 * Returns: (transfer full): a DeepL provider
 */
VvMtProvider *
vv_mt_deepl_new (const char *url,
                 const char *api_key)
{
  VvMtDeepl *self = g_object_new (VV_TYPE_MT_DEEPL, NULL);

  _vv_mt_http_config_init (G_OBJECT (self), &self->http, url, vv_mt_deepl_host_for_key (api_key), api_key, 30);
  return VV_MT_PROVIDER (self);
}
