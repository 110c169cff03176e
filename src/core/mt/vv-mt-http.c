/* vv-mt-http.c: HTTP plumbing shared by the machine-translation providers
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "vv-mt-private.h"
#include "vv-mt-providers.h"

static gboolean
is_loopback_url (const char *base_url)
{
  g_autoptr(GUri) uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri ? g_uri_get_host (uri) : NULL;

  return host != NULL && (g_ascii_strcasecmp (host, "localhost") == 0 ||
                          g_str_has_prefix (host, "127.") ||
                          g_str_equal (host, "::1") || g_str_equal (host, "[::1]"));
}

/* One session per provider, reused for every request (keep-alive). Local
 * servers never go through an http_proxy from the environment. */
SoupSession *
_vv_mt_session_new (const char *base_url,
                    guint       timeout_seconds)
{
  g_autofree char *agent = g_strdup_printf ("Visavis/%s", PACKAGE_VERSION);
  SoupSession *session = soup_session_new_with_options ("user-agent", agent,
                                                        "timeout", timeout_seconds,
                                                        "max-conns", 64,
                                                        "max-conns-per-host", 16,
                                                        NULL);

  if (is_loopback_url (base_url))
    soup_session_set_proxy_resolver (session, NULL);
  return session;
}

void
_vv_mt_http_config_init (GObject        *owner,
                         VvMtHttpConfig *config,
                         const char     *url,
                         const char     *default_url,
                         const char     *api_key,
                         guint           timeout)
{
  g_autofree char *base = g_strdup (url && *url ? url : default_url);
  gsize len = strlen (base);

  while (len > 0 && base[len - 1] == '/')
    base[--len] = '\0';
  config->url = g_steal_pointer (&base);
  config->api_key = api_key && *api_key ? g_strdup (api_key) : NULL;
  config->timeout = timeout;
  config->session = _vv_mt_session_new (config->url, timeout);
  g_object_set_data (owner, "vv-mt-http-config", config);
}

/**
 * vv_mt_provider_set_timeout:
 * @provider: a #VvMtProvider
 * @seconds: the longest a request may take, from sending to the last byte
 *
 * Pivot providers pass it on to both steps.
 */
void
vv_mt_provider_set_timeout (VvMtProvider *provider,
                            guint         seconds)
{
  VvMtHttpConfig *config = g_object_get_data (G_OBJECT (provider), "vv-mt-http-config");
  VvMtProvider *first = g_object_get_data (G_OBJECT (provider), "vv-mt-pivot-first");
  VvMtProvider *second = g_object_get_data (G_OBJECT (provider), "vv-mt-pivot-second");

  if (config != NULL)
    {
      config->timeout = seconds;
      g_object_set (config->session, "timeout", seconds, NULL);
    }
  if (first != NULL)
    vv_mt_provider_set_timeout (first, seconds);
  if (second != NULL && second != first)
    vv_mt_provider_set_timeout (second, seconds);
}

/**
 * vv_mt_provider_set_formality:
 * @formality: (nullable): "default", "more" or "less" (or DeepL's
 *   "prefer_more"/"prefer_less")
 *
 * Returns: whether @provider (or one step of a pivot) takes a formality
 */
gboolean
vv_mt_provider_set_formality (VvMtProvider *provider,
                              const char   *formality)
{
  VvMtProvider *first = g_object_get_data (G_OBJECT (provider), "vv-mt-pivot-first");
  VvMtProvider *second = g_object_get_data (G_OBJECT (provider), "vv-mt-pivot-second");
  gboolean any = FALSE;

  if (VV_IS_MT_DEEPL (provider))
    {
      vv_mt_deepl_set_formality (VV_MT_DEEPL (provider), formality);
      return TRUE;
    }
  if (VV_IS_MT_OPENAI (provider))
    {
      vv_mt_openai_set_formality (VV_MT_OPENAI (provider), formality);
      return TRUE;
    }
  if (first != NULL)
    any |= vv_mt_provider_set_formality (first, formality);
  if (second != NULL && second != first)
    any |= vv_mt_provider_set_formality (second, formality);
  return any;
}

void
_vv_mt_http_config_clear (VvMtHttpConfig *config)
{
  g_clear_pointer (&config->url, g_free);
  g_clear_pointer (&config->api_key, g_free);
  g_clear_object (&config->session);
}

char *
_vv_mt_join_url (const char *base,
                 const char *path)
{
  return g_strconcat (base, path, NULL);
}

SoupMessage *
_vv_mt_json_message_new (const char  *method,
                         const char  *url,
                         JsonBuilder *body)
{
  SoupMessage *message = soup_message_new (method, url);

  if (message == NULL)
    return NULL;
  if (body != NULL)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (body);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      gsize length = 0;
      char *data;
      g_autoptr(GBytes) bytes = NULL;

      json_generator_set_root (generator, root);
      data = json_generator_to_data (generator, &length);
      bytes = g_bytes_new_take (data, length);
      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  soup_message_headers_replace (soup_message_get_request_headers (message), "Accept", "application/json");
  return message;
}

typedef struct
{
  VvMtProvider *provider;
  SoupMessage  *message;
  GCancellable *request_cancellable;
  GCancellable *user_cancellable;
  gulong        cancelled_id;
  guint         timeout_id;
  guint         timeout;
  gboolean      timed_out;
} SendData;

static void
send_data_free (SendData *data)
{
  if (data->user_cancellable && data->cancelled_id)
    g_cancellable_disconnect (data->user_cancellable, data->cancelled_id);
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  g_clear_object (&data->user_cancellable);
  g_clear_object (&data->request_cancellable);
  g_clear_object (&data->message);
  g_clear_object (&data->provider);
  g_free (data);
}

static void
on_user_cancelled_cb (GCancellable *cancellable,
                      GCancellable *request_cancellable)
{
  g_cancellable_cancel (request_cancellable);
}

static gboolean
on_deadline_cb (gpointer user_data)
{
  SendData *data = user_data;

  data->timeout_id = 0;
  data->timed_out = TRUE;
  g_cancellable_cancel (data->request_cancellable);
  return G_SOURCE_REMOVE;
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  g_clear_handle_id (&data->timeout_id, g_source_remove);
  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (bytes == NULL)
    {
      g_autofree char *detail = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && data->timed_out)
        {
          /* Translators: %u is a number of seconds */
          detail = g_strdup_printf (ngettext ("no complete reply within %u second",
                                              "no complete reply within %u seconds", data->timeout),
                                    data->timeout);
          g_task_return_error (task, _vv_mt_error_new (data->provider, VV_MT_ERROR_TIMEOUT, detail));
        }
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, _vv_mt_error_new (data->provider, VV_MT_ERROR_CANCELLED, NULL));
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        g_task_return_error (task, _vv_mt_error_new (data->provider, VV_MT_ERROR_TIMEOUT, error->message));
      else
        g_task_return_error (task, _vv_mt_error_new (data->provider, VV_MT_ERROR_NETWORK, error->message));
      return;
    }
  g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

/* Sends @message (taking it), with a deadline of @timeout_seconds for the
 * whole exchange (a server that trickles bytes does not keep us forever).
 * Network failures, the deadline and cancellation become VV_MT_ERRORs; any
 * HTTP status is a success here: the caller classifies it. */
void
_vv_mt_send_async (VvMtProvider        *provider,
                   SoupSession         *session,
                   SoupMessage         *message,
                   guint                timeout_seconds,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (provider, NULL, callback, user_data);
  SendData *data = g_new0 (SendData, 1);

  g_task_set_source_tag (task, _vv_mt_send_async);
  data->provider = g_object_ref (provider);
  data->message = message;
  data->timeout = timeout_seconds;
  data->request_cancellable = g_cancellable_new ();
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);

  if (cancellable != NULL)
    {
      data->user_cancellable = g_object_ref (cancellable);
      data->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_user_cancelled_cb),
                                                  data->request_cancellable, NULL);
    }
  if (timeout_seconds > 0)
    data->timeout_id = g_timeout_add_seconds (timeout_seconds, on_deadline_cb, data);

  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, data->request_cancellable,
                                    send_cb, g_steal_pointer (&task));
}

GBytes *
_vv_mt_send_finish (GAsyncResult  *result,
                    SoupMessage  **message,
                    GError       **error)
{
  SendData *data = g_task_get_task_data (G_TASK (result));
  GBytes *bytes = g_task_propagate_pointer (G_TASK (result), error);

  if (message)
    *message = bytes ? data->message : NULL;
  return bytes;
}

/* A short, printable excerpt of a body for error messages */
char *
_vv_mt_body_excerpt (GBytes *body)
{
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;
  g_autofree char *valid = NULL;
  GString *out;

  if (data == NULL || size == 0)
    return g_strdup (_("empty reply"));
  valid = g_utf8_make_valid (data, MIN (size, 200));
  out = g_string_new (NULL);
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, g_unichar_iscntrl (c) ? ' ' : c);
    }
  g_strstrip (out->str);
  if (size > 200)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

JsonNode *
_vv_mt_parse_json (VvMtProvider  *provider,
                   GBytes        *body,
                   GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (body, &size);

  /* a blank body parses without error but has no root */
  if (data == NULL || size == 0 || !json_parser_load_from_data (parser, data, size, &local_error) ||
      json_parser_get_root (parser) == NULL)
    {
      g_autofree char *excerpt = _vv_mt_body_excerpt (body);
      /* Translators: %s is the beginning of what the server sent */
      g_autofree char *detail = g_strdup_printf (_("not JSON: “%s”"), excerpt);
      g_propagate_error (error, _vv_mt_error_new (provider, VV_MT_ERROR_BAD_RESPONSE, detail));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

const char *
_vv_mt_json_get_string (JsonObject *object,
                        const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The human-readable message of the usual JSON error envelopes:
 * {"error": "…"}, {"message": "…"}, {"explanation": "…"},
 * {"error": {"message": "…"}}; else an excerpt of the body */
char *
_vv_mt_json_error_message (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;
  JsonNode *root;

  if (data && size && json_parser_load_from_data (parser, data, size, NULL) &&
      (root = json_parser_get_root (parser)) && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *inner = json_object_get_member (object, "error");
      const char *text;

      if (inner && JSON_NODE_HOLDS_OBJECT (inner) &&
          (text = _vv_mt_json_get_string (json_node_get_object (inner), "message")))
        return g_strdup (text);
      if ((text = _vv_mt_json_get_string (object, "explanation")) ||
          (text = _vv_mt_json_get_string (object, "error")) ||
          (text = _vv_mt_json_get_string (object, "message")))
        return g_strdup (text);
    }
  if (data == NULL || size == 0)
    return NULL;
  if (size >= 5 && (g_ascii_strncasecmp (data, "<html", 5) == 0 || g_ascii_strncasecmp (data, "<!DOC", 5) == 0))
    return NULL;
  return _vv_mt_body_excerpt (body);
}

/* Valid UTF-8 without NUL characters */
char *
_vv_mt_clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  return valid ? g_steal_pointer (&valid) : g_strdup ("");
}

gboolean
_vv_mt_is_blank (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

typedef struct
{
  VvMtErrorFunc classify;
} JsonRequestData;

static void
json_request_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VvMtProvider *provider = g_task_get_source_object (task);
  VvMtErrorFunc classify = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessage *message = NULL;
  JsonNode *root;
  guint status;

  body = _vv_mt_send_finish (result, &message, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  status = soup_message_get_status (message);
  if (status < 200 || status >= 300)
    {
      g_task_return_error (task, classify (provider, message, body));
      return;
    }
  root = _vv_mt_parse_json (provider, body, &error);
  if (root == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, root, (GDestroyNotify) json_node_unref);
}

/* Sends @message and parses a 2xx reply as JSON; other statuses go
 * through @classify */
void
_vv_mt_json_request_async (VvMtProvider        *provider,
                           VvMtHttpConfig      *http,
                           SoupMessage         *message,
                           VvMtErrorFunc        classify,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (provider, cancellable, callback, user_data);

  g_task_set_source_tag (task, _vv_mt_json_request_async);
  g_task_set_task_data (task, classify, NULL);
  if (message == NULL)
    {
      g_task_return_error (task, _vv_mt_error_new (provider, VV_MT_ERROR_NETWORK, _("invalid URL")));
      return;
    }
  _vv_mt_send_async (provider, http->session, message, http->timeout, cancellable,
                     json_request_cb, g_steal_pointer (&task));
}

JsonNode *
_vv_mt_json_request_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* "member": [the texts, cleaned]; returns how many */
guint
_vv_mt_json_add_texts (JsonBuilder        *builder,
                       const char         *member,
                       const char * const *texts)
{
  guint n = 0;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (; texts[n]; n++)
    {
      g_autofree char *clean = _vv_mt_clean_text (texts[n]);
      json_builder_add_string_value (builder, clean);
    }
  json_builder_end_array (builder);
  return n;
}

/* String members: name, value, name, value…, NULL; a NULL or empty value
 * leaves its member out */
void
_vv_mt_json_add_members (JsonBuilder *builder,
                         const char  *first_member,
                         ...)
{
  va_list args;

  va_start (args, first_member);
  for (const char *name = first_member; name != NULL; name = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (value == NULL || *value == '\0')
        continue;
      json_builder_set_member_name (builder, name);
      json_builder_add_string_value (builder, value);
    }
  va_end (args);
}

typedef struct
{
  VvMtParseFunc parse;
  guint         n;
} TranslateCall;

static void
json_translate_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TranslateCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = _vv_mt_json_request_finish (result, &error);
  char **translations = NULL;

  if (root != NULL)
    translations = call->parse (VV_MT_PROVIDER (object), root, call->n, &error);
  if (translations == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, translations, (GDestroyNotify) g_strfreev);
}

/* Sends @message (a JSON request with @n texts), checks the HTTP status
 * with @classify and reads the translations with @parse; finish with
 * _vv_mt_translate_finish() */
void
_vv_mt_json_translate_async (VvMtProvider        *provider,
                             VvMtHttpConfig      *http,
                             SoupMessage         *message,
                             VvMtErrorFunc        classify,
                             VvMtParseFunc        parse,
                             guint                n,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (provider, cancellable, callback, user_data);
  TranslateCall *call = g_new0 (TranslateCall, 1);

  call->parse = parse;
  call->n = n;
  g_task_set_task_data (task, call, g_free);
  _vv_mt_json_request_async (provider, http, message, classify, cancellable, json_translate_cb, task);
}

/* Bearer-style header helpers */
void
_vv_mt_set_header (SoupMessage *message,
                   const char  *name,
                   const char  *value)
{
  if (message != NULL && value != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), name, value);
}

/* The translations of a JSON array of strings or of objects with a
 * string member @member; NULL unless it has exactly @n of them */
char **
_vv_mt_strings_from_array (JsonNode   *node,
                           const char *member,
                           guint       n)
{
  JsonArray *array;
  g_auto(GStrv) out = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  if (json_array_get_length (array) != n)
    return NULL;
  out = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *text = NULL;

      if (member == NULL && JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
        text = json_node_get_string (item);
      else if (member != NULL && JSON_NODE_HOLDS_OBJECT (item))
        text = _vv_mt_json_get_string (json_node_get_object (item), member);
      if (text == NULL)
        return NULL;
      /* json-glib reads an octal escape such as "\351" as that byte, which
       * is not UTF-8 (fuzz finding): never let it into a segment */
      out[i] = g_utf8_make_valid (text, -1);
    }
  return g_steal_pointer (&out);
}

/* The usual bad-count error */
GError *
_vv_mt_error_wrong_count (VvMtProvider *provider,
                          guint         n_sent)
{
  /* Translators: %u is a number of segments */
  g_autofree char *detail = g_strdup_printf (ngettext ("the reply does not have exactly one translation for the %u segment sent",
                                                       "the reply does not have exactly one translation for each of the %u segments sent",
                                                       n_sent), n_sent);
  return _vv_mt_error_new (provider, VV_MT_ERROR_BAD_RESPONSE, detail);
}

GPtrArray *
_vv_mt_pairs_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) vv_mt_language_pair_free);
}

/* Common finish for providers whose async functions return a pointer */
gpointer
_vv_mt_task_finish (gpointer       source,
                    GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The list_languages_finish and translate_finish of every provider that
 * runs its work in a GTask */
GPtrArray *
_vv_mt_list_languages_finish (VvMtProvider  *provider,
                              GAsyncResult  *result,
                              GError       **error)
{
  return _vv_mt_task_finish (provider, result, error);
}

char **
_vv_mt_translate_finish (VvMtProvider  *provider,
                         GAsyncResult  *result,
                         GError       **error)
{
  return _vv_mt_task_finish (provider, result, error);
}
