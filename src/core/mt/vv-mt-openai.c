/* vv-mt-openai.c: OpenAI-compatible chat completions (OpenAI, Ollama,
 * llama.cpp server, vLLM) used as a translator
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "vv-mt-private.h"
#include "vv-mt-providers.h"

#define OPENAI_DEFAULT_MODEL "qwen2.5:7b"

struct _VvMtOpenai
{
  GObject        parent_instance;
  VvMtHttpConfig http;
  char          *model;
  char          *formality;            /* NULL/"default", "more", "less" */
  gboolean       local;
  gboolean       no_response_format;   /* the server rejected it once */
};

static void vv_mt_openai_provider_init (VvMtProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VvMtOpenai, vv_mt_openai, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (VV_TYPE_MT_PROVIDER, vv_mt_openai_provider_init))

static const struct { const char *code, *name; } language_names[] = {
  { "fr", "French" }, { "en", "English" }, { "en-GB", "British English" }, { "en-US", "American English" },
  { "es", "Spanish" }, { "ca", "Catalan" }, { "de", "German" }, { "it", "Italian" }, { "pt", "Portuguese" },
  { "nl", "Dutch" }, { "pl", "Polish" }, { "ru", "Russian" }, { "uk", "Ukrainian" }, { "ar", "Arabic" },
  { "zh", "Chinese" }, { "ja", "Japanese" }, { "ko", "Korean" }, { "tr", "Turkish" }, { "sv", "Swedish" },
  { "da", "Danish" }, { "fi", "Finnish" }, { "el", "Greek" }, { "cs", "Czech" }, { "ro", "Romanian" },
};

/* Prompts are in English for the model, whatever the UI language */
static const char *
language_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    if (g_ascii_strcasecmp (language_names[i].code, code) == 0)
      return language_names[i].name;
  return code;
}

static void
vv_mt_openai_finalize (GObject *object)
{
  VvMtOpenai *self = VV_MT_OPENAI (object);

  _vv_mt_http_config_clear (&self->http);
  g_free (self->model);
  g_free (self->formality);
  G_OBJECT_CLASS (vv_mt_openai_parent_class)->finalize (object);
}

static void
vv_mt_openai_class_init (VvMtOpenaiClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vv_mt_openai_finalize;
}

static void
vv_mt_openai_init (VvMtOpenai *self)
{
}

static const char *
openai_get_id (VvMtProvider *provider)
{
  return "openai";
}

static const char *
openai_get_display_name (VvMtProvider *provider)
{
  return _("OpenAI-compatible");
}

static const char *
openai_get_server (VvMtProvider *provider)
{
  return VV_MT_OPENAI (provider)->http.url;
}

static char *
openai_get_cache_key (VvMtProvider *provider)
{
  VvMtOpenai *self = VV_MT_OPENAI (provider);
  /* the register changes the drafts: formal and informal are cached apart */
  if (self->formality != NULL)
    return g_strdup_printf ("openai|%s|%s|%s", self->http.url, self->model, self->formality);
  return g_strdup_printf ("openai|%s|%s", self->http.url, self->model);
}

static void
openai_get_capabilities (VvMtProvider     *provider,
                         VvMtCapabilities *caps)
{
  /* PROTOCOLS.md §5: ≤ 20 segments or ≤ 2,000 source characters; a local
   * server has few slots (1 is safe), 4 for OpenAI */
  caps->max_batch = 20;
  caps->max_chars = 2000;
  caps->max_concurrency = VV_MT_OPENAI (provider)->local ? 1 : 4;
  caps->supports_context = TRUE;
}

static GError *
openai_error (VvMtProvider *provider,
              SoupMessage  *message,
              GBytes       *body)
{
  VvMtOpenai *self = VV_MT_OPENAI (provider);
  guint status = soup_message_get_status (message);
  g_autofree char *text = _vv_mt_json_error_message (body);
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;
  g_autofree char *raw = data ? g_strndup (data, size) : g_strdup ("");
  GError *error;

  if (status == 400 && (strstr (raw, "context_length_exceeded") || strstr (raw, "exceed_context_size_error")))
    {
      error = _vv_mt_error_new_for_status (provider, VV_MT_ERROR_BAD_RESPONSE, message, text);
      _vv_mt_error_set_split (error);
      return error;
    }
  if (status == 404)
    {
      /* Translators: %s is a model name; "ollama pull" is a command */
      g_autofree char *detail = g_strdup_printf (_("model “%s” is not available (%s); with Ollama, run “ollama pull %s”"),
                                                 self->model, text ? text : "", self->model);
      return _vv_mt_error_new_for_status (provider, VV_MT_ERROR_UNSUPPORTED_PAIR, message, detail);
    }
  if (status == 429 && strstr (raw, "insufficient_quota"))
    return _vv_mt_error_new_for_status (provider, VV_MT_ERROR_QUOTA, message, text);
  if (status == 503)
    {
      /* llama.cpp while loading the model: try again in a few seconds */
      error = _vv_mt_error_new_for_status (provider, VV_MT_ERROR_NETWORK, message, text);
      _vv_mt_error_set_retry_after (error, 2000);
      return error;
    }
  return _vv_mt_error_from_status (provider, message, text);
}

static SoupMessage *
openai_message_new (VvMtOpenai  *self,
                    const char  *method,
                    const char  *path,
                    JsonBuilder *body)
{
  g_autofree char *url = _vv_mt_join_url (self->http.url, path);
  SoupMessage *message = _vv_mt_json_message_new (method, url, body);
  /* Ollama ignores the key but wants one */
  g_autofree char *auth = g_strdup_printf ("Bearer %s", self->http.api_key ? self->http.api_key : "ollama");

  _vv_mt_set_header (message, "Authorization", auth);
  return message;
}

static void
models_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = _vv_mt_json_request_finish (result, &error);
  g_autoptr(GPtrArray) pairs = NULL;
  JsonNode *data;

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root) || !(data = json_object_get_member (json_node_get_object (root), "data")) ||
      !JSON_NODE_HOLDS_ARRAY (data))
    {
      g_task_return_error (task, _vv_mt_error_new (g_task_get_source_object (task), VV_MT_ERROR_BAD_RESPONSE,
                                                   _("no “data” list in /models")));
      return;
    }
  /* A language model translates between any languages it knows */
  pairs = _vv_mt_pairs_new ();
  g_ptr_array_add (pairs, vv_mt_language_pair_new ("*", "*", NULL));
  g_task_return_pointer (task, g_steal_pointer (&pairs), (GDestroyNotify) g_ptr_array_unref);
}

static void
openai_list_languages_async (VvMtProvider        *provider,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  VvMtOpenai *self = VV_MT_OPENAI (provider);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  _vv_mt_json_request_async (provider, &self->http, openai_message_new (self, "GET", "/models", NULL),
                             openai_error, cancellable, models_cb, task);
}

/* Translation: a JSON batch protocol first; a reply that does not map
 * back 1:1 is retried once, then each segment goes alone as plain text */

typedef enum
{
  MODE_BATCH,
  MODE_BATCH_RETRY,
  MODE_SINGLE,
} Mode;

typedef struct
{
  char    *source_lang;
  char    *target_lang;
  GStrv    texts;
  char    *context;
  GStrv    results;
  guint    n;
  guint    next;
  Mode     mode;
  gboolean without_format_retry;
} TranslateData;

static void
translate_data_free (TranslateData *data)
{
  g_free (data->source_lang);
  g_free (data->target_lang);
  g_strfreev (data->texts);
  g_free (data->context);
  g_strfreev (data->results);
  g_free (data);
}

/* Formality has no API field here: one sentence of the prompt. PROTOCOLS.md
 * gives none; DeepL's "more"/"less" map to the formal/informal forms of
 * address of the target language (vous/tu, usted/tú, Sie/du). */
static const char *
formality_sentence (VvMtOpenai *self)
{
  if (g_strcmp0 (self->formality, "more") == 0)
    return "\nUse the formal register: address the reader with the formal form of \"you\" of the target language (such as vous, usted, Sie).";
  if (g_strcmp0 (self->formality, "less") == 0)
    return "\nUse the informal register: address the reader with the informal form of \"you\" of the target language (such as tu, tú, du).";
  return "";
}

static char *
system_prompt (VvMtOpenai    *self,
               TranslateData *data,
               gboolean       single)
{
  if (single)
    return g_strdup_printf ("You are a professional translator. Translate the user's text from %s (%s) into %s (%s). "
                            "Reply with the translation only.%s",
                            language_name (data->source_lang), data->source_lang,
                            language_name (data->target_lang), data->target_lang, formality_sentence (self));
  return g_strdup_printf (
    "You are a professional translator. Translate every segment from %s (%s) into\n"
    "%s (%s). The user message is JSON with \"segments\", a list of\n"
    "{\"id\", \"text\"}, and optional \"context\" (surrounding text; do not translate it).\n"
    "Reply with JSON only, exactly of the form\n"
    "{\"translations\":[{\"id\":\"<same id>\",\"text\":\"<translation>\"}]}\n"
    "with one entry per input segment, in the same order and with the same ids.\n"
    "Translate faithfully and completely; do not summarise, explain, or add notes.\n"
    "Keep numbers, dates, proper names, URLs, e-mail addresses and markup or\n"
    "placeholders such as <b>, </b>, {1}, %%s exactly as they are.\n"
    "If a segment needs no translation, copy it unchanged.%s",
    language_name (data->source_lang), data->source_lang,
    language_name (data->target_lang), data->target_lang, formality_sentence (self));
}

static char *
user_message (TranslateData *data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source_lang");
  json_builder_add_string_value (builder, data->source_lang);
  json_builder_set_member_name (builder, "target_lang");
  json_builder_add_string_value (builder, data->target_lang);
  if (data->context)
    {
      json_builder_set_member_name (builder, "context");
      json_builder_add_string_value (builder, data->context);
    }
  json_builder_set_member_name (builder, "segments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->n; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, data->texts[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static SoupMessage *
chat_message_new (VvMtOpenai    *self,
                  TranslateData *data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean single = data->mode == MODE_SINGLE;
  g_autofree char *system = system_prompt (self, data, single);
  g_autofree char *user = single ? g_strdup (data->texts[data->next]) : user_message (data);
  glong source_chars = g_utf8_strlen (user, -1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, self->model);
  json_builder_set_member_name (builder, "temperature");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "seed");
  json_builder_add_int_value (builder, 1);
  /* about 2 × the source tokens (≈ 3.5 characters each) + 100 */
  json_builder_set_member_name (builder, "max_tokens");
  json_builder_add_int_value (builder, 2 * (source_chars / 3 + 1) + 100);
  json_builder_set_member_name (builder, "stream");
  json_builder_add_boolean_value (builder, FALSE);
  if (!single && !self->no_response_format)
    {
      json_builder_set_member_name (builder, "response_format");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "json_object");
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, "system");
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, system);
  json_builder_end_object (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, "user");
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, user);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return openai_message_new (self, "POST", "/chat/completions", builder);
}

/* Drops a leading <think>…</think> block of reasoning models */
static const char *
skip_think (const char *content)
{
  const char *p = content;

  while (g_ascii_isspace (*p))
    p++;
  if (g_str_has_prefix (p, "<think>"))
    {
      const char *end = strstr (p, "</think>");
      if (end == NULL)
        return NULL;
      p = end + strlen ("</think>");
      while (g_ascii_isspace (*p))
        p++;
    }
  return p;
}

/* Content of a JSON batch reply → translations of the @n @texts, or NULL
 * if it does not map 1:1 */
GStrv
_vv_mt_openai_parse_batch (const char         *content,
                           const char * const *texts,
                           guint               n)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_auto(GStrv) out = NULL;
  JsonNode *root, *translations;
  JsonArray *array;
  const char *start;

  content = skip_think (content);
  if (content == NULL)
    return NULL;
  /* Tolerate a ```json fence around the object */
  start = strchr (content, '{');
  if (start == NULL)
    return NULL;
  {
    const char *end = strrchr (start, '}');
    if (end == NULL || !json_parser_load_from_data (parser, start, end - start + 1, NULL))
      return NULL;
  }
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !(translations = json_object_get_member (json_node_get_object (root), "translations")) ||
      !JSON_NODE_HOLDS_ARRAY (translations))
    return NULL;
  array = json_node_get_array (translations);
  if (json_array_get_length (array) != n)
    return NULL;
  out = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      const char *got_id, *text;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return NULL;
      got_id = _vv_mt_json_get_string (json_node_get_object (item), "id");
      text = _vv_mt_json_get_string (json_node_get_object (item), "text");
      if (got_id == NULL || !g_str_equal (got_id, id) || text == NULL)
        return NULL;
      if (*text == '\0' && !_vv_mt_is_blank (texts[i]))
        return NULL;
      /* json-glib reads an octal escape ("\351") as a byte that is not UTF-8 */
      out[i] = g_utf8_make_valid (text, -1);
    }
  return g_steal_pointer (&out);
}

/* Content of a reply for one segment → its translation, or NULL if empty
 * while @source is not */
char *
_vv_mt_openai_parse_single (const char *content,
                            const char *source)
{
  const char *text = skip_think (content);

  if (text == NULL || (*text == '\0' && !_vv_mt_is_blank (source)))
    return NULL;
  /* the content may hold bytes that are not UTF-8 (an octal escape read by json-glib) */
  return g_strstrip (g_utf8_make_valid (text, -1));
}

/* The message content of a chat completion reply (owned by @root), or
 * NULL with an error: no choices, cut off (to be split), no text */
const char *
_vv_mt_openai_parse_content (VvMtProvider  *provider,
                             JsonNode      *root,
                             GError       **error)
{
  JsonNode *choices, *message_node;
  JsonObject *choice;
  const char *finish_reason, *content;

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !(choices = json_object_get_member (json_node_get_object (root), "choices")) ||
      !JSON_NODE_HOLDS_ARRAY (choices) || json_array_get_length (json_node_get_array (choices)) < 1 ||
      !JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (choices), 0)))
    {
      g_propagate_error (error, _vv_mt_error_new (provider, VV_MT_ERROR_BAD_RESPONSE, _("no “choices” in the reply")));
      return NULL;
    }
  choice = json_node_get_object (json_array_get_element (json_node_get_array (choices), 0));
  finish_reason = _vv_mt_json_get_string (choice, "finish_reason");
  if (g_strcmp0 (finish_reason, "length") == 0)
    {
      /* Cut at max_tokens: the queue splits the batch */
      GError *cut = _vv_mt_error_new (provider, VV_MT_ERROR_BAD_RESPONSE,
                                      _("the answer was cut off (finish_reason “length”)"));
      _vv_mt_error_set_split (cut);
      g_propagate_error (error, cut);
      return NULL;
    }
  message_node = json_object_get_member (choice, "message");
  content = message_node && JSON_NODE_HOLDS_OBJECT (message_node)
    ? _vv_mt_json_get_string (json_node_get_object (message_node), "content") : NULL;
  if (content == NULL)
    g_propagate_error (error, _vv_mt_error_new (provider, VV_MT_ERROR_BAD_RESPONSE,
                                                _("the model gave no text (refusal?)")));
  return content;
}

static void send_chat (GTask *task);

static void
chat_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VvMtOpenai *self = g_task_get_source_object (task);
  VvMtProvider *provider = VV_MT_PROVIDER (self);
  TranslateData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = _vv_mt_json_request_finish (result, &error);
  const char *content;

  if (root == NULL)
    {
      /* A server that rejects response_format: retry once without it */
      if (vv_mt_error_get_http_status (error) == 400 && strstr (error->message, "response_format") &&
          !self->no_response_format)
        {
          self->no_response_format = TRUE;
          send_chat (g_steal_pointer (&task));
          return;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  content = _vv_mt_openai_parse_content (provider, root, &error);
  if (content == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->mode == MODE_SINGLE)
    {
      char *text = _vv_mt_openai_parse_single (content, data->texts[data->next]);
      if (text == NULL)
        {
          g_task_return_error (task, _vv_mt_error_new (provider, VV_MT_ERROR_BAD_RESPONSE,
                                                       _("the model gave an empty translation")));
          return;
        }
      data->results[data->next++] = text;
    }
  else
    {
      GStrv parsed = _vv_mt_openai_parse_batch (content, (const char * const *)data->texts, data->n);
      if (parsed != NULL)
        {
          g_strfreev (data->results);
          data->results = parsed;
          data->next = data->n;
        }
      else
        {
          data->mode = data->mode == MODE_BATCH ? MODE_BATCH_RETRY : MODE_SINGLE;
          data->next = 0;
          g_debug ("%s: reply does not map to the %u segments; %s", self->http.url, data->n,
                   data->mode == MODE_SINGLE ? "one by one" : "retrying once");
        }
    }
  send_chat (g_steal_pointer (&task));
}

static void
send_chat (GTask *task)
{
  VvMtOpenai *self = g_task_get_source_object (task);
  TranslateData *data = g_task_get_task_data (task);

  if (data->next >= data->n)
    {
      g_task_return_pointer (task, g_steal_pointer (&data->results), (GDestroyNotify) g_strfreev);
      g_object_unref (task);
      return;
    }
  _vv_mt_json_request_async (VV_MT_PROVIDER (self), &self->http, chat_message_new (self, data),
                             openai_error, g_task_get_cancellable (task), chat_cb, task);
}

static void
openai_translate_async (VvMtProvider        *provider,
                        const char          *source_lang,
                        const char          *target_lang,
                        const char * const  *texts,
                        const char          *context,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (provider, cancellable, callback, user_data);
  TranslateData *data = g_new0 (TranslateData, 1);

  data->source_lang = g_strdup (source_lang);
  data->target_lang = g_strdup (target_lang);
  data->n = g_strv_length ((GStrv) texts);
  data->texts = g_new0 (char *, data->n + 1);
  for (guint i = 0; i < data->n; i++)
    data->texts[i] = _vv_mt_clean_text (texts[i]);
  data->context = context && *context ? g_strdup (context) : NULL;
  data->results = g_new0 (char *, data->n + 1);
  data->mode = data->n == 1 ? MODE_BATCH_RETRY : MODE_BATCH;
  g_task_set_task_data (task, data, (GDestroyNotify) translate_data_free);
  send_chat (task);
}

static void
vv_mt_openai_provider_init (VvMtProviderInterface *iface)
{
  iface->get_id = openai_get_id;
  iface->get_display_name = openai_get_display_name;
  iface->get_server = openai_get_server;
  iface->get_cache_key = openai_get_cache_key;
  iface->get_capabilities = openai_get_capabilities;
  iface->list_languages_async = openai_list_languages_async;
  iface->list_languages_finish = _vv_mt_list_languages_finish;
  iface->translate_async = openai_translate_async;
  iface->translate_finish = _vv_mt_translate_finish;
}

/**
 * vv_mt_openai_set_model:
 * @model: (nullable): the model name; %NULL for the default
 */
void
vv_mt_openai_set_model (VvMtOpenai *self,
                        const char *model)
{
  g_return_if_fail (VV_IS_MT_OPENAI (self));
  g_free (self->model);
  self->model = g_strdup (model && *model ? model : OPENAI_DEFAULT_MODEL);
}

/**
 * vv_mt_openai_set_formality:
 * @formality: (nullable): "default", "more" or "less" ("prefer_more" and
 *   "prefer_less" count as "more" and "less")
 *
 * Asks the model for the formal or informal register in the system prompt.
 */
void
vv_mt_openai_set_formality (VvMtOpenai *self,
                            const char *formality)
{
  g_return_if_fail (VV_IS_MT_OPENAI (self));
  g_clear_pointer (&self->formality, g_free);
  if (formality != NULL && g_str_has_prefix (formality, "prefer_"))
    formality += strlen ("prefer_");
  if (g_strcmp0 (formality, "more") == 0 || g_strcmp0 (formality, "less") == 0)
    self->formality = g_strdup (formality);
}

void
vv_mt_openai_set_timeout (VvMtOpenai *self,
                          guint       seconds)
{
  g_return_if_fail (VV_IS_MT_OPENAI (self));
  vv_mt_provider_set_timeout (VV_MT_PROVIDER (self), seconds);
}

/**
 * vv_mt_openai_new:
 * @url: (nullable): base URL ending in /v1 (default Ollama's http://localhost:11434/v1)
 * @api_key: (nullable): the key (Ollama ignores it)
 * @model: (nullable): the model name
 *
 * Returns: (transfer full): a provider for OpenAI-compatible servers
 */
VvMtProvider *
vv_mt_openai_new (const char *url,
                  const char *api_key,
                  const char *model)
{
  VvMtOpenai *self = g_object_new (VV_TYPE_MT_OPENAI, NULL);
  g_autoptr(GUri) uri = NULL;
  const char *host;

  /* Local models may need a long time to load: 120 s */
  _vv_mt_http_config_init (G_OBJECT (self), &self->http, url, "http://localhost:11434/v1", api_key, 120);
  self->model = g_strdup (model && *model ? model : OPENAI_DEFAULT_MODEL);
  uri = g_uri_parse (self->http.url, G_URI_FLAGS_NONE, NULL);
  host = uri ? g_uri_get_host (uri) : NULL;
  self->local = host && (g_str_equal (host, "localhost") || g_str_has_prefix (host, "127.") || g_str_equal (host, "::1"));
  return VV_MT_PROVIDER (self);
}
