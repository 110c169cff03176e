/* vv-mt-apertium.c: Apertium APy (http://127.0.0.1:2737)
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "vv-mt-private.h"
#include "vv-mt-providers.h"

/* PROTOCOLS.md §1: APy silently drops text beyond 10 chunks per request and
 * shrinks chunks when more than 2 requests per pair run at once. Requests of
 * at most 4,000 characters survive at any concurrency; 2 in flight per pair.
 * APy cuts a request into chunks of PIPE_BUF (4,096) bytes while at most 2
 * requests share the pipeline, and every chunk costs two process starts
 * (deformatter, reformatter) on the server: under load that per-chunk cost,
 * not the HTTP round trip, dominates. So a batch fills one chunk: up to
 * 3,900 characters including the <p> separators (French ≈ 1.03 bytes per
 * character keeps it under 4,096 bytes), not a fixed 20 segments (~2,700
 * characters, 1.5× the chunks of one big request). */
#define APERTIUM_MAX_BATCH       100
#define APERTIUM_MAX_CHARS       3900
#define APERTIUM_MAX_CONCURRENCY 2
#define APERTIUM_SEPARATOR       "<p>"

struct _VvMtApertium
{
  GObject        parent_instance;
  VvMtHttpConfig http;
};

static void vv_mt_apertium_provider_init (VvMtProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VvMtApertium, vv_mt_apertium, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (VV_TYPE_MT_PROVIDER, vv_mt_apertium_provider_init))

static const struct { const char *iso3, *iso1; } codes[] = {
  { "fra", "fr" }, { "spa", "es" }, { "eng", "en" }, { "cat", "ca" }, { "deu", "de" },
  { "ita", "it" }, { "por", "pt" }, { "glg", "gl" }, { "eus", "eu" }, { "oci", "oc" },
  { "arg", "an" }, { "nld", "nl" }, { "ron", "ro" }, { "epo", "eo" }, { "nob", "nb" },
  { "nno", "nn" }, { "swe", "sv" }, { "dan", "da" }, { "isl", "is" }, { "srd", "sc" },
};

/* "fra" → "fr", "cat_valencia" → "ca_valencia"; unknown codes unchanged */
static char *
code_from_apertium (const char *code)
{
  const char *underscore = strchr (code, '_');
  gsize base_len = underscore ? (gsize) (underscore - code) : strlen (code);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (strlen (codes[i].iso3) == base_len && strncmp (code, codes[i].iso3, base_len) == 0)
      return g_strconcat (codes[i].iso1, underscore, NULL);
  return g_strdup (code);
}

static void
vv_mt_apertium_finalize (GObject *object)
{
  VvMtApertium *self = VV_MT_APERTIUM (object);

  _vv_mt_http_config_clear (&self->http);
  G_OBJECT_CLASS (vv_mt_apertium_parent_class)->finalize (object);
}

static void
vv_mt_apertium_class_init (VvMtApertiumClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vv_mt_apertium_finalize;
}

static void
vv_mt_apertium_init (VvMtApertium *self)
{
}

static const char *
apertium_get_id (VvMtProvider *provider)
{
  return "apertium";
}

static const char *
apertium_get_display_name (VvMtProvider *provider)
{
  return _("Apertium");
}

static const char *
apertium_get_server (VvMtProvider *provider)
{
  return VV_MT_APERTIUM (provider)->http.url;
}

static void
apertium_get_capabilities (VvMtProvider     *provider,
                           VvMtCapabilities *caps)
{
  caps->max_batch = APERTIUM_MAX_BATCH;
  caps->max_chars = APERTIUM_MAX_CHARS;
  caps->max_concurrency = APERTIUM_MAX_CONCURRENCY;
  caps->separator_chars = strlen (APERTIUM_SEPARATOR);
  caps->supports_context = FALSE;
}

static GError *
apertium_error (VvMtProvider *provider,
                SoupMessage  *message,
                GBytes       *body)
{
  guint status = soup_message_get_status (message);
  g_autofree char *explanation = _vv_mt_json_error_message (body);

  if (status == 400 && explanation &&
      (strstr (explanation, "not installed") || strstr (explanation, "No path found")))
    return _vv_mt_error_new_for_status (provider, VV_MT_ERROR_UNSUPPORTED_PAIR, message, explanation);
  if (status == 503)
    return _vv_mt_error_new_for_status (provider, VV_MT_ERROR_TIMEOUT, message, explanation);
  if (status == 404)
    return _vv_mt_error_new_for_status (provider, VV_MT_ERROR_BAD_RESPONSE, message,
                                        _("not an Apertium APy server (wrong URL?)"));
  return _vv_mt_error_from_status (provider, message, explanation);
}

/* Languages: /listPairs, plus every pair reachable through one pivot */

static void
list_pairs_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VvMtProvider *provider = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  JsonNode *data;
  JsonArray *array;
  guint n_direct;

  body = _vv_mt_send_finish (result, &message, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_object_ref (message);
  if (soup_message_get_status (message) != 200)
    {
      g_task_return_error (task, apertium_error (provider, message, body));
      return;
    }
  root = _vv_mt_parse_json (provider, body, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !(data = json_object_get_member (json_node_get_object (root), "responseData")) ||
      !JSON_NODE_HOLDS_ARRAY (data))
    {
      g_task_return_error (task, _vv_mt_error_new (provider, VV_MT_ERROR_BAD_RESPONSE,
                                                   _("no “responseData” list in /listPairs")));
      return;
    }

  pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) vv_mt_language_pair_free);
  array = json_node_get_array (data);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *source, *target;
      g_autofree char *s = NULL, *t = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      source = _vv_mt_json_get_string (json_node_get_object (item), "sourceLanguage");
      target = _vv_mt_json_get_string (json_node_get_object (item), "targetLanguage");
      if (source == NULL || target == NULL)
        continue;
      s = code_from_apertium (source);
      t = code_from_apertium (target);
      if (!vv_mt_pairs_have (pairs, s, t))
        g_ptr_array_add (pairs, vv_mt_language_pair_new (s, t, NULL));
    }

  /* Pivots: a→b then b→c, when a→c is not installed */
  n_direct = pairs->len;
  for (guint i = 0; i < n_direct; i++)
    for (guint j = 0; j < n_direct; j++)
      {
        VvMtLanguagePair *first = g_ptr_array_index (pairs, i);
        VvMtLanguagePair *second = g_ptr_array_index (pairs, j);

        if (g_str_equal (first->target, second->source) &&
            !g_str_equal (first->source, second->target) &&
            !vv_mt_pairs_have (pairs, first->source, second->target))
          g_ptr_array_add (pairs, vv_mt_language_pair_new (first->source, second->target, first->target));
      }

  g_task_return_pointer (task, g_steal_pointer (&pairs), (GDestroyNotify) g_ptr_array_unref);
}

static void
apertium_list_languages_async (VvMtProvider        *provider,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  VvMtApertium *self = VV_MT_APERTIUM (provider);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *url = _vv_mt_join_url (self->http.url, "/listPairs");
  SoupMessage *message = soup_message_new ("GET", url);

  g_task_set_source_tag (task, apertium_list_languages_async);
  if (message == NULL)
    {
      g_task_return_error (task, _vv_mt_error_new (provider, VV_MT_ERROR_NETWORK, _("invalid URL")));
      return;
    }
  _vv_mt_send_async (provider, self->http.session, message, self->http.timeout, cancellable,
                     list_pairs_cb, g_steal_pointer (&task));
}

static GPtrArray *
apertium_list_languages_finish (VvMtProvider  *provider,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, provider), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Translation */

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

static char *
unescape (const char *text)
{
  static const struct { const char *entity, *text; } entities[] = {
    { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" }, { "&amp;", "&" },
  };
  char *result = g_strdup (text);

  /* In this order, &amp; last, so that "&amp;lt;" stays "&lt;" */
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_auto(GStrv) parts = NULL;

      if (strstr (result, entities[i].entity) == NULL)
        continue;
      parts = g_strsplit (result, entities[i].entity, -1);
      g_free (result);
      result = g_strjoinv (entities[i].text, parts);
    }
  return g_strstrip (result);
}

typedef struct
{
  char   *pair;
  GStrv   texts;
  GStrv   results;
  guint   next;          /* one-by-one fallback: the next segment */
} TranslateData;

static void
translate_data_free (TranslateData *data)
{
  g_free (data->pair);
  g_strfreev (data->texts);
  g_strfreev (data->results);
  g_free (data);
}

static SoupMessage *
translate_message_new (VvMtApertium *self,
                       const char   *pair,
                       const char   *q)
{
  g_autofree char *url = _vv_mt_join_url (self->http.url, "/translate");
  g_autofree char *form = NULL;
  g_autofree char *escaped_pair = g_uri_escape_string (pair, NULL, FALSE);
  g_autofree char *escaped_q = g_uri_escape_string (q, NULL, FALSE);
  g_autoptr(GBytes) body = NULL;
  SoupMessage *message = soup_message_new ("POST", url);

  if (message == NULL)
    return NULL;
  /* POST, form-encoded: APy reads no JSON, and long URLs get no reply at all */
  form = g_strconcat ("langpair=", escaped_pair, "&markUnknown=no&q=", escaped_q, NULL);
  body = g_bytes_new (form, strlen (form));
  soup_message_set_request_body_from_bytes (message, "application/x-www-form-urlencoded", body);
  return message;
}

/* Returns the translated text of a 200 reply, or NULL with error set */
static char *
translated_text (VvMtProvider  *provider,
                 SoupMessage   *message,
                 GBytes        *body,
                 GError       **error)
{
  if (soup_message_get_status (message) != 200)
    {
      g_propagate_error (error, apertium_error (provider, message, body));
      return NULL;
    }
  return _vv_mt_apertium_parse_text (provider, body, error);
}

/* The text of an APy reply: {"responseData": {"translatedText": "…"}} */
char *
_vv_mt_apertium_parse_text (VvMtProvider  *provider,
                            GBytes        *body,
                            GError       **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonNode *data;
  const char *text;

  root = _vv_mt_parse_json (provider, body, error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !(data = json_object_get_member (json_node_get_object (root), "responseData")) ||
      !JSON_NODE_HOLDS_OBJECT (data) ||
      !(text = _vv_mt_json_get_string (json_node_get_object (data), "translatedText")))
    {
      g_propagate_error (error, _vv_mt_error_new (provider, VV_MT_ERROR_BAD_RESPONSE,
                                                  _("no “translatedText” in the reply")));
      return NULL;
    }
  /* an octal escape ("\351") comes out of json-glib as a byte that is not UTF-8 */
  return g_utf8_make_valid (text, -1);
}

static void send_next_single (GTask *task);

static void
single_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VvMtProvider *provider = g_task_get_source_object (task);
  TranslateData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessage *message = NULL;
  char *text;

  body = _vv_mt_send_finish (result, &message, &error);
  text = body ? translated_text (provider, message, body, &error) : NULL;
  if (text == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->results[data->next++] = unescape (text);
  g_free (text);
  send_next_single (g_steal_pointer (&task));
}

/* Fallback when a joined batch came back with another number of parts:
 * one request per segment, one at a time */
static void
send_next_single (GTask *task)
{
  VvMtApertium *self = g_task_get_source_object (task);
  TranslateData *data = g_task_get_task_data (task);
  GString *q;
  SoupMessage *message;

  if (data->texts[data->next] == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&data->results), (GDestroyNotify) g_strfreev);
      g_object_unref (task);
      return;
    }
  q = g_string_new (NULL);
  append_escaped (q, data->texts[data->next]);
  message = translate_message_new (self, data->pair, q->str);
  g_string_free (q, TRUE);
  _vv_mt_send_async (VV_MT_PROVIDER (self), self->http.session, message, self->http.timeout,
                     g_task_get_cancellable (task), single_cb, task);
}

static void
batch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VvMtProvider *provider = g_task_get_source_object (task);
  TranslateData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  SoupMessage *message = NULL;
  guint n = g_strv_length (data->texts);

  body = _vv_mt_send_finish (result, &message, &error);
  text = body ? translated_text (provider, message, body, &error) : NULL;
  if (text == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  parts = _vv_mt_apertium_split_batch (text, n);
  if (parts == NULL)
    {
      /* Truncated or re-segmented: never guess an alignment */
      g_debug ("APy did not return %u parts; translating one by one", n);
      data->next = 0;
      send_next_single (g_steal_pointer (&task));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&parts), (GDestroyNotify) g_strfreev);
}

/* The translated text of a joined batch cut back into its @n parts,
 * unescaped; NULL when it does not have exactly @n parts */
char **
_vv_mt_apertium_split_batch (const char *text,
                             guint       n)
{
  g_auto(GStrv) parts = g_strsplit (text, APERTIUM_SEPARATOR, -1);
  char **out;

  if (g_strv_length (parts) != n)
    return NULL;
  out = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    out[i] = unescape (parts[i]);
  return out;
}

static void
apertium_translate_async (VvMtProvider        *provider,
                          const char          *source_lang,
                          const char          *target_lang,
                          const char * const  *texts,
                          const char          *context,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  VvMtApertium *self = VV_MT_APERTIUM (provider);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  TranslateData *data = g_new0 (TranslateData, 1);
  g_autoptr(GString) q = g_string_new (NULL);
  guint n = g_strv_length ((GStrv) texts);
  SoupMessage *message;

  g_task_set_source_tag (task, apertium_translate_async);
  data->pair = g_strdup_printf ("%s|%s", source_lang, target_lang);
  data->texts = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    data->texts[i] = _vv_mt_clean_text (texts[i]);
  data->results = g_new0 (char *, n + 1);
  g_task_set_task_data (task, data, (GDestroyNotify) translate_data_free);

  if (n == 0)
    {
      g_task_return_pointer (task, g_steal_pointer (&data->results), (GDestroyNotify) g_strfreev);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (q, APERTIUM_SEPARATOR);
      append_escaped (q, data->texts[i]);
    }
  message = translate_message_new (self, data->pair, q->str);
  if (message == NULL)
    {
      g_task_return_error (task, _vv_mt_error_new (provider, VV_MT_ERROR_NETWORK, _("invalid URL")));
      return;
    }
  _vv_mt_send_async (provider, self->http.session, message, self->http.timeout, cancellable,
                     batch_cb, g_steal_pointer (&task));
}

static char **
apertium_translate_finish (VvMtProvider  *provider,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, provider), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
vv_mt_apertium_provider_init (VvMtProviderInterface *iface)
{
  iface->get_id = apertium_get_id;
  iface->get_display_name = apertium_get_display_name;
  iface->get_server = apertium_get_server;
  iface->get_capabilities = apertium_get_capabilities;
  iface->list_languages_async = apertium_list_languages_async;
  iface->list_languages_finish = apertium_list_languages_finish;
  iface->translate_async = apertium_translate_async;
  iface->translate_finish = apertium_translate_finish;
}

/**
 * vv_mt_apertium_new:
 * @url: (nullable): base URL of the APy server (default http://127.0.0.1:2737)
 *
 * Returns: (transfer full): a provider for Apertium APy
 */
VvMtProvider *
vv_mt_apertium_new (const char *url)
{
  VvMtApertium *self = g_object_new (VV_TYPE_MT_APERTIUM, NULL);

  _vv_mt_http_config_init (G_OBJECT (self), &self->http, url, "http://127.0.0.1:2737", NULL, 30);
  return VV_MT_PROVIDER (self);
}
