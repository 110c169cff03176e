/* vv-fake-mt-server.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "vv-fake-mt-server.h"

struct _VvFakeMtServer
{
  SoupServer    *server;
  char          *provider;
  char          *url;
  char          *key;
  VvFakeMtFault  fault;
  guint          fault_times;   /* 0: every request */
  guint          delay_ms;
  guint          n_requests;
  guint          in_flight;
  guint          max_in_flight;
  guint          max_texts;
  char          *last_body;
  SoupMessageHeaders *last_headers;
  GPtrArray     *timers;        /* Pending* */
};

typedef struct
{
  VvFakeMtServer    *self;
  SoupServerMessage *msg;
  guint              source_id;
  guint              status;
  char              *body;
  gsize              sent;
  gboolean           trickle;
  gboolean           counted;
} Pending;

char *
vv_fake_mt_translate_text (const char *text,
                           const char *target)
{
  g_autofree char *lower = g_ascii_strdown (target, -1);
  return g_strdup_printf ("[%s] %s", lower, text);
}

static void
pending_free (Pending *pending)
{
  g_clear_handle_id (&pending->source_id, g_source_remove);
  g_free (pending->body);
  g_object_unref (pending->msg);
  g_free (pending);
}

static void
on_finished_cb (SoupServerMessage *msg,
                Pending           *pending)
{
  VvFakeMtServer *self = pending->self;

  if (pending->counted)
    {
      self->in_flight--;
      pending->counted = FALSE;
    }
  g_signal_handlers_disconnect_by_data (msg, pending);
  g_ptr_array_remove (self->timers, pending);
}

static gboolean
trickle_cb (gpointer user_data)
{
  Pending *pending = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (pending->msg);
  gsize len = strlen (pending->body);

  if (pending->sent < len)
    {
      soup_message_body_append (body, SOUP_MEMORY_COPY, pending->body + pending->sent, 1);
      pending->sent++;
      soup_server_message_unpause (pending->msg);
      return G_SOURCE_CONTINUE;
    }
  soup_message_body_complete (body);
  soup_server_message_unpause (pending->msg);
  pending->source_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
delayed_cb (gpointer user_data)
{
  Pending *pending = user_data;

  pending->source_id = 0;
  soup_server_message_set_status (pending->msg, pending->status, NULL);
  soup_server_message_set_response (pending->msg, "application/json", SOUP_MEMORY_COPY,
                                    pending->body, strlen (pending->body));
  soup_server_message_unpause (pending->msg);
  return G_SOURCE_REMOVE;
}

/* Answers @msg with @status and @body now, after the delay, slowly or never */
static void
reply (VvFakeMtServer    *self,
       SoupServerMessage *msg,
       guint              status,
       const char        *content_type,
       const char        *body,
       VvFakeMtFault      fault)
{
  Pending *pending;

  if (fault != VV_FAKE_MT_NEVER_ANSWERS && fault != VV_FAKE_MT_TRICKLE && self->delay_ms == 0)
    {
      soup_server_message_set_status (msg, status, NULL);
      soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, strlen (body));
      return;
    }

  pending = g_new0 (Pending, 1);
  pending->self = self;
  pending->msg = g_object_ref (msg);
  pending->status = status;
  pending->body = g_strdup (body);
  pending->counted = TRUE;
  self->in_flight++;
  self->max_in_flight = MAX (self->max_in_flight, self->in_flight);
  g_ptr_array_add (self->timers, pending);
  g_signal_connect (msg, "finished", G_CALLBACK (on_finished_cb), pending);
  g_signal_connect (msg, "disconnected", G_CALLBACK (on_finished_cb), pending);
  soup_server_message_pause (msg);

  if (fault == VV_FAKE_MT_NEVER_ANSWERS)
    return;
  if (fault == VV_FAKE_MT_TRICKLE)
    {
      soup_server_message_set_status (msg, status, NULL);
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg), SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg), content_type, NULL);
      pending->source_id = g_timeout_add (5, trickle_cb, pending);
      return;
    }
  pending->source_id = g_timeout_add (self->delay_ms, delayed_cb, pending);
}

static JsonNode *
parse_body (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (data == NULL || !json_parser_load_from_data (parser, data, size, NULL))
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}

static GPtrArray *
strings_of (JsonNode *node)
{
  GPtrArray *out = g_ptr_array_new ();

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_ptr_array_add (out, (gpointer) json_node_get_string (node));
  else if (node && JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      {
        JsonNode *item = json_array_get_element (json_node_get_array (node), i);
        if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
          g_ptr_array_add (out, (gpointer) json_node_get_string (item));
      }
  return out;
}

static char *
json_string (const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);
  return json_to_string (node, FALSE);
}

/* Takes the fault for this request, counting it down */
static VvFakeMtFault
take_fault (VvFakeMtServer *self)
{
  VvFakeMtFault fault = self->fault;

  if (fault != VV_FAKE_MT_OK && self->fault_times > 0 && --self->fault_times == 0)
    self->fault = VV_FAKE_MT_OK;
  return fault;
}

static void
record (VvFakeMtServer    *self,
        SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_free (self->last_body);
  self->last_body = g_strndup (data ? data : "", size);
  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  self->last_headers = soup_message_headers_ref (soup_server_message_get_request_headers (msg));
  self->n_requests++;
}

/* Faults common to all providers; returns TRUE if it answered */
static gboolean
common_fault (VvFakeMtServer    *self,
              SoupServerMessage *msg,
              VvFakeMtFault      fault,
              const char        *error_429,
              const char        *error_500)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  switch (fault)
    {
    case VV_FAKE_MT_429:
      reply (self, msg, 429, "application/json", error_429, fault);
      return TRUE;
    case VV_FAKE_MT_429_RETRY_AFTER:
      soup_message_headers_replace (headers, "Retry-After", "1");
      reply (self, msg, 429, "application/json", error_429, fault);
      return TRUE;
    case VV_FAKE_MT_500:
      reply (self, msg, 500, "application/json", error_500, fault);
      return TRUE;
    case VV_FAKE_MT_503:
      reply (self, msg, 503, "application/json", error_500, fault);
      return TRUE;
    case VV_FAKE_MT_GARBAGE:
      reply (self, msg, 200, "text/html", "<html><body>Welcome to nginx!</body></html>", fault);
      return TRUE;
    case VV_FAKE_MT_OK:
    case VV_FAKE_MT_401:
    case VV_FAKE_MT_403:
    case VV_FAKE_MT_456:
    case VV_FAKE_MT_NEVER_ANSWERS:
    case VV_FAKE_MT_TRICKLE:
    case VV_FAKE_MT_WRONG_COUNT:
    case VV_FAKE_MT_UNSUPPORTED:
    case VV_FAKE_MT_TOO_LARGE:
    case VV_FAKE_MT_MISSING_KEY:
    case VV_FAKE_MT_HTML_429:
    case VV_FAKE_MT_529:
    case VV_FAKE_MT_WRONG_ENDPOINT:
    case VV_FAKE_MT_USER_RATE_LIMIT:
    case VV_FAKE_MT_DAILY_LIMIT:
    case VV_FAKE_MT_BAN:
    case VV_FAKE_MT_LENGTH:
    case VV_FAKE_MT_THINK:
    case VV_FAKE_MT_BAD_CONTENT:
    case VV_FAKE_MT_INSUFFICIENT_QUOTA:
    case VV_FAKE_MT_LOADING:
    case VV_FAKE_MT_CONTEXT_EXCEEDED:
    case VV_FAKE_MT_MODEL_NOT_FOUND:
    default:
      return FALSE;
    }
}

/* LibreTranslate: POST /translate, GET /languages */
static void
libretranslate_handler (SoupServer        *server,
                        SoupServerMessage *msg,
                        const char        *path,
                        GHashTable        *query,
                        gpointer           user_data)
{
  VvFakeMtServer *self = user_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GString) out = NULL;
  JsonObject *object;
  const char *target, *key;
  gboolean array;
  VvFakeMtFault fault;

  if (g_str_equal (path, "/languages"))
    {
      reply (self, msg, 200, "application/json",
             "[{\"code\": \"en\", \"name\": \"English\", \"targets\": [\"es\", \"fr\"]},"
             " {\"code\": \"fr\", \"name\": \"French\", \"targets\": [\"en\", \"es\"]}]", VV_FAKE_MT_OK);
      return;
    }
  if (!g_str_equal (path, "/translate"))
    {
      reply (self, msg, 404, "text/html", "<html><title>404 Not Found</title></html>", VV_FAKE_MT_OK);
      return;
    }
  record (self, msg);
  fault = take_fault (self);
  if (common_fault (self, msg, fault, "{\"error\": \"Slowdown: 20 per 1 minute\"}",
                    "{\"error\": \"Cannot translate text: out of memory\"}"))
    return;

  root = parse_body (msg);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      reply (self, msg, 400, "application/json", "{\"error\": \"Invalid JSON format\"}", fault);
      return;
    }
  object = json_node_get_object (root);
  key = json_object_get_string_member_with_default (object, "api_key", NULL);
  if (fault == VV_FAKE_MT_MISSING_KEY || (self->key && key == NULL))
    {
      reply (self, msg, 400, "application/json",
             "{\"error\": \"Please contact the server operator to get an API key\"}", fault);
      return;
    }
  if (fault == VV_FAKE_MT_403 || (self->key && g_strcmp0 (key, self->key) != 0))
    {
      reply (self, msg, 403, "application/json", "{\"error\": \"Invalid API key\"}", fault);
      return;
    }
  if (fault == VV_FAKE_MT_BAN)
    {
      reply (self, msg, 403, "application/json", "{\"error\": \"Too many request limits violations\"}", fault);
      return;
    }
  if (fault == VV_FAKE_MT_UNSUPPORTED)
    {
      reply (self, msg, 400, "application/json", "{\"error\": \"xx is not supported\"}", fault);
      return;
    }
  if (fault == VV_FAKE_MT_TOO_LARGE)
    {
      reply (self, msg, 400, "application/json",
             "{\"error\": \"Invalid request: request (2500) exceeds text limit (2000)\"}", fault);
      return;
    }
  array = json_object_has_member (object, "q") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "q"));
  texts = strings_of (json_object_get_member (object, "q"));
  target = json_object_get_string_member_with_default (object, "target", "??");
  if (texts->len == 0)
    {
      reply (self, msg, 400, "application/json", "{\"error\": \"Invalid request: missing q parameter\"}", fault);
      return;
    }
  self->max_texts = MAX (self->max_texts, texts->len);

  out = g_string_new ("{\"translatedText\": ");
  if (array)
    g_string_append_c (out, '[');
  for (guint i = 0; i < texts->len - (fault == VV_FAKE_MT_WRONG_COUNT ? 1 : 0); i++)
    {
      g_autofree char *t = vv_fake_mt_translate_text (g_ptr_array_index (texts, i), target);
      g_autofree char *quoted = json_string (t);
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, quoted);
    }
  if (array)
    g_string_append_c (out, ']');
  g_string_append_c (out, '}');
  reply (self, msg, 200, "application/json", out->str, fault);
}

/* DeepL: POST /v2/translate, GET /v2/languages */
static void
deepl_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  VvFakeMtServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *auth = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *expected = g_strdup_printf ("DeepL-Auth-Key %s", self->key ? self->key : "");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GString) out = NULL;
  SoupMessageBody *body;
  JsonObject *object;
  const char *target;
  VvFakeMtFault fault;

  if (g_strcmp0 (auth, expected) != 0)
    {
      reply (self, msg, 403, "application/json", "{\"message\": \"Forbidden\"}", VV_FAKE_MT_OK);
      return;
    }
  if (g_str_equal (path, "/v2/languages"))
    {
      const char *type = query ? g_hash_table_lookup (query, "type") : NULL;
      if (g_strcmp0 (type, "target") == 0)
        reply (self, msg, 200, "application/json",
               "[{\"language\": \"EN-GB\", \"name\": \"English (British)\", \"supports_formality\": false},"
               " {\"language\": \"DE\", \"name\": \"German\", \"supports_formality\": true},"
               " {\"language\": \"FR\", \"name\": \"French\", \"supports_formality\": true}]", VV_FAKE_MT_OK);
      else
        reply (self, msg, 200, "application/json",
               "[{\"language\": \"EN\", \"name\": \"English\"}, {\"language\": \"FR\", \"name\": \"French\"}]",
               VV_FAKE_MT_OK);
      return;
    }
  if (!g_str_equal (path, "/v2/translate"))
    {
      reply (self, msg, 404, "application/json", "{\"message\": \"Not found\"}", VV_FAKE_MT_OK);
      return;
    }
  record (self, msg);
  fault = take_fault (self);
  if (common_fault (self, msg, fault, "{\"message\": \"Too many requests\"}",
                    "{\"message\": \"Internal server error\"}"))
    return;
  switch (fault)
    {
    case VV_FAKE_MT_403:
      reply (self, msg, 403, "application/json", "{\"message\": \"Authorization failed\"}", fault);
      return;
    case VV_FAKE_MT_WRONG_ENDPOINT:
      reply (self, msg, 403, "application/json", "{\"message\":\"Wrong endpoint. Use https://api-free.deepl.com\"}", fault);
      return;
    case VV_FAKE_MT_456:
      reply (self, msg, 456, "application/json", "{\"message\": \"Quota exceeded\"}", fault);
      return;
    case VV_FAKE_MT_HTML_429:
      reply (self, msg, 429, "text/html",
             "<html><head><title>429 Too Many Requests</title></head><body><center><h1>429 Too Many Requests</h1></center><hr><center>nginx</center></body></html>",
             fault);
      return;
    case VV_FAKE_MT_529:
      reply (self, msg, 529, "application/json", "{\"message\": \"Too many requests, high load\"}", fault);
      return;
    case VV_FAKE_MT_UNSUPPORTED:
      reply (self, msg, 400, "application/json", "{\"message\": \"Value for 'target_lang' not supported.\"}", fault);
      return;
    case VV_FAKE_MT_TOO_LARGE:
      reply (self, msg, 413, "application/json", "{\"message\": \"Request Entity Too Large\"}", fault);
      return;
    case VV_FAKE_MT_OK:
    case VV_FAKE_MT_401:
    case VV_FAKE_MT_429:
    case VV_FAKE_MT_429_RETRY_AFTER:
    case VV_FAKE_MT_500:
    case VV_FAKE_MT_503:
    case VV_FAKE_MT_NEVER_ANSWERS:
    case VV_FAKE_MT_TRICKLE:
    case VV_FAKE_MT_GARBAGE:
    case VV_FAKE_MT_WRONG_COUNT:
    case VV_FAKE_MT_MISSING_KEY:
    case VV_FAKE_MT_USER_RATE_LIMIT:
    case VV_FAKE_MT_DAILY_LIMIT:
    case VV_FAKE_MT_BAN:
    case VV_FAKE_MT_LENGTH:
    case VV_FAKE_MT_THINK:
    case VV_FAKE_MT_BAD_CONTENT:
    case VV_FAKE_MT_INSUFFICIENT_QUOTA:
    case VV_FAKE_MT_LOADING:
    case VV_FAKE_MT_CONTEXT_EXCEEDED:
    case VV_FAKE_MT_MODEL_NOT_FOUND:
    default:
      break;
    }

  body = soup_server_message_get_request_body (msg);
  if (body->length > 128 * 1024)
    {
      reply (self, msg, 413, "application/json", "{\"message\": \"Request Entity Too Large\"}", fault);
      return;
    }
  root = parse_body (msg);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      reply (self, msg, 400, "application/json", "{\"message\": \"Invalid request\"}", fault);
      return;
    }
  object = json_node_get_object (root);
  texts = strings_of (json_object_get_member (object, "text"));
  if (texts->len == 0 || texts->len > 50)
    {
      reply (self, msg, 400, "application/json", "{\"message\": \"Parameter 'text' must contain 1 to 50 texts.\"}", fault);
      return;
    }
  self->max_texts = MAX (self->max_texts, texts->len);
  target = json_object_get_string_member_with_default (object, "target_lang", "??");
  out = g_string_new ("{\"translations\": [");
  for (guint i = 0; i < texts->len - (fault == VV_FAKE_MT_WRONG_COUNT ? 1 : 0); i++)
    {
      g_autofree char *t = vv_fake_mt_translate_text (g_ptr_array_index (texts, i), target);
      g_autofree char *quoted = json_string (t);
      g_string_append_printf (out, "%s{\"detected_source_language\": \"FR\", \"text\": %s}", i ? ", " : "", quoted);
    }
  g_string_append (out, "]}");
  reply (self, msg, 200, "application/json", out->str, fault);
}

static char *
google_envelope (guint       code,
                 const char *message,
                 const char *reason,
                 const char *domain,
                 const char *status,
                 const char *detail_reason)
{
  g_autofree char *details = detail_reason
    ? g_strdup_printf (", \"details\": [{\"@type\": \"type.googleapis.com/google.rpc.ErrorInfo\", \"reason\": \"%s\","
                       " \"domain\": \"googleapis.com\", \"metadata\": {\"service\": \"translate.googleapis.com\"}}]",
                       detail_reason)
    : g_strdup ("");
  return g_strdup_printf ("{\"error\": {\"code\": %u, \"message\": \"%s\", \"errors\": [{\"message\": \"%s\","
                          " \"domain\": \"%s\", \"reason\": \"%s\"}], \"status\": \"%s\"%s}}",
                          code, message, message, domain, reason, status, details);
}

/* Google v2: POST /language/translate/v2, GET /language/translate/v2/languages */
static void
google_handler (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  VvFakeMtServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *key = soup_message_headers_get_one (headers, "X-Goog-Api-Key");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *error_body = NULL;
  JsonObject *object;
  const char *target, *format;
  VvFakeMtFault fault;

  if (key == NULL && query)
    key = g_hash_table_lookup (query, "key");
  if (g_strcmp0 (key, self->key) != 0)
    {
      error_body = key == NULL
        ? google_envelope (403, "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
                           "forbidden", "global", "PERMISSION_DENIED", NULL)
        : google_envelope (400, "API key not valid. Please pass a valid API key.", "badRequest", "global",
                           "INVALID_ARGUMENT", "API_KEY_INVALID");
      reply (self, msg, key == NULL ? 403 : 400, "application/json", error_body, VV_FAKE_MT_OK);
      return;
    }
  if (g_str_equal (path, "/language/translate/v2/languages"))
    {
      reply (self, msg, 200, "application/json",
             "{\"data\": {\"languages\": [{\"language\": \"en\", \"name\": \"English\"},"
             " {\"language\": \"fr\", \"name\": \"French\"}, {\"language\": \"de\", \"name\": \"German\"}]}}",
             VV_FAKE_MT_OK);
      return;
    }
  if (!g_str_equal (path, "/language/translate/v2"))
    {
      error_body = google_envelope (404, "Not Found", "notFound", "global", "NOT_FOUND", NULL);
      reply (self, msg, 404, "application/json", error_body, VV_FAKE_MT_OK);
      return;
    }
  record (self, msg);
  fault = take_fault (self);
  error_body = google_envelope (429, "Quota exceeded for quota metric 'v2 and v3 general model characters'", "rateLimitExceeded",
                                "usageLimits", "RESOURCE_EXHAUSTED", NULL);
  {
    g_autofree char *backend = google_envelope (500, "Internal error encountered.", "backendError", "global", "INTERNAL", NULL);
    if (common_fault (self, msg, fault, error_body, backend))
      return;
  }
  g_clear_pointer (&error_body, g_free);
  switch (fault)
    {
    case VV_FAKE_MT_403:
      error_body = google_envelope (403, "Requests to this API translate.googleapis.com method google.cloud.translation.v2.TranslateService.TranslateText are blocked.",
                                    "forbidden", "global", "PERMISSION_DENIED", "API_KEY_SERVICE_BLOCKED");
      reply (self, msg, 403, "application/json", error_body, fault);
      return;
    case VV_FAKE_MT_USER_RATE_LIMIT:
      error_body = google_envelope (403, "User Rate Limit Exceeded", "userRateLimitExceeded", "usageLimits",
                                    "PERMISSION_DENIED", NULL);
      reply (self, msg, 403, "application/json", error_body, fault);
      return;
    case VV_FAKE_MT_DAILY_LIMIT:
      error_body = google_envelope (403, "Daily Limit Exceeded", "dailyLimitExceeded", "usageLimits",
                                    "PERMISSION_DENIED", NULL);
      reply (self, msg, 403, "application/json", error_body, fault);
      return;
    case VV_FAKE_MT_UNSUPPORTED:
      error_body = google_envelope (400, "Bad language pair: fr|xx", "invalid", "global", "INVALID_ARGUMENT", NULL);
      reply (self, msg, 400, "application/json", error_body, fault);
      return;
    case VV_FAKE_MT_TOO_LARGE:
      error_body = google_envelope (400, "Request payload size exceeds the limit: the request is too large.", "badRequest",
                                    "global", "INVALID_ARGUMENT", NULL);
      reply (self, msg, 400, "application/json", error_body, fault);
      return;
    case VV_FAKE_MT_OK:
    case VV_FAKE_MT_401:
    case VV_FAKE_MT_429:
    case VV_FAKE_MT_429_RETRY_AFTER:
    case VV_FAKE_MT_456:
    case VV_FAKE_MT_500:
    case VV_FAKE_MT_503:
    case VV_FAKE_MT_NEVER_ANSWERS:
    case VV_FAKE_MT_TRICKLE:
    case VV_FAKE_MT_GARBAGE:
    case VV_FAKE_MT_WRONG_COUNT:
    case VV_FAKE_MT_MISSING_KEY:
    case VV_FAKE_MT_HTML_429:
    case VV_FAKE_MT_529:
    case VV_FAKE_MT_WRONG_ENDPOINT:
    case VV_FAKE_MT_BAN:
    case VV_FAKE_MT_LENGTH:
    case VV_FAKE_MT_THINK:
    case VV_FAKE_MT_BAD_CONTENT:
    case VV_FAKE_MT_INSUFFICIENT_QUOTA:
    case VV_FAKE_MT_LOADING:
    case VV_FAKE_MT_CONTEXT_EXCEEDED:
    case VV_FAKE_MT_MODEL_NOT_FOUND:
    default:
      break;
    }

  root = parse_body (msg);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      error_body = google_envelope (400, "Invalid JSON payload received.", "badRequest", "global", "INVALID_ARGUMENT", NULL);
      reply (self, msg, 400, "application/json", error_body, fault);
      return;
    }
  object = json_node_get_object (root);
  texts = strings_of (json_object_get_member (object, "q"));
  target = json_object_get_string_member_with_default (object, "target", "??");
  format = json_object_get_string_member_with_default (object, "format", "html");
  if (texts->len > 128)
    {
      error_body = google_envelope (400, "Too many text segments", "badRequest", "global", "INVALID_ARGUMENT", NULL);
      reply (self, msg, 400, "application/json", error_body, fault);
      return;
    }
  self->max_texts = MAX (self->max_texts, texts->len);
  out = g_string_new ("{\"data\": {\"translations\": [");
  for (guint i = 0; i < texts->len - (fault == VV_FAKE_MT_WRONG_COUNT ? 1 : 0); i++)
    {
      g_autofree char *t = vv_fake_mt_translate_text (g_ptr_array_index (texts, i), target);
      g_autofree char *quoted = NULL;

      /* format=html (the default) escapes the output */
      if (g_strcmp0 (format, "text") != 0)
        {
          g_auto(GStrv) parts = g_strsplit (t, "'", -1);
          g_free (t);
          t = g_strjoinv ("&#39;", parts);
        }
      quoted = json_string (t);
      g_string_append_printf (out, "%s{\"translatedText\": %s}", i ? ", " : "", quoted);
    }
  g_string_append (out, "]}}");
  reply (self, msg, 200, "application/json", out->str, fault);
}

static char *
chat_reply (const char *content,
            const char *finish_reason)
{
  g_autofree char *quoted = content ? json_string (content) : g_strdup ("null");
  return g_strdup_printf ("{\"id\": \"chatcmpl-123\", \"object\": \"chat.completion\", \"created\": 1732440000,"
                          " \"model\": \"qwen2.5:7b\", \"choices\": [{\"index\": 0, \"finish_reason\": \"%s\","
                          " \"message\": {\"role\": \"assistant\", \"content\": %s}}],"
                          " \"usage\": {\"prompt_tokens\": 212, \"completion_tokens\": 41, \"total_tokens\": 253}}",
                          finish_reason, quoted);
}

/* OpenAI-compatible: POST /v1/chat/completions, GET /v1/models */
static void
openai_handler (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  VvFakeMtServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *auth = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *expected = g_strdup_printf ("Bearer %s", self->key ? self->key : "");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) user = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) content = NULL;
  g_autofree char *body = NULL;
  JsonArray *messages, *segments;
  JsonObject *request, *user_object;
  const char *system, *user_text, *target;
  VvFakeMtFault fault;

  if (self->key && g_strcmp0 (auth, expected) != 0)
    {
      reply (self, msg, 401, "application/json",
             "{\"error\": {\"message\": \"Incorrect API key provided: sk-wrong. You can find your API key at https://platform.openai.com/account/api-keys.\", \"type\": \"invalid_request_error\", \"param\": null, \"code\": \"invalid_api_key\"}}",
             VV_FAKE_MT_OK);
      return;
    }
  if (g_str_equal (path, "/v1/models"))
    {
      reply (self, msg, 200, "application/json",
             "{\"object\": \"list\", \"data\": [{\"id\": \"qwen2.5:7b\", \"object\": \"model\", \"created\": 1700000000, \"owned_by\": \"library\"}]}",
             VV_FAKE_MT_OK);
      return;
    }
  if (!g_str_equal (path, "/v1/chat/completions"))
    {
      reply (self, msg, 404, "text/plain", "404 page not found", VV_FAKE_MT_OK);
      return;
    }
  record (self, msg);
  fault = take_fault (self);
  if (common_fault (self, msg, fault,
                    "{\"error\": {\"message\": \"Rate limit reached for gpt-4o-mini in organization org-x on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.\", \"type\": \"requests\", \"param\": null, \"code\": \"rate_limit_exceeded\"}}",
                    "{\"error\": {\"message\": \"The server had an error while processing your request.\", \"type\": \"server_error\", \"param\": null, \"code\": null}}"))
    return;
  switch (fault)
    {
    case VV_FAKE_MT_401:
      reply (self, msg, 401, "application/json",
             "{\"error\": {\"code\": 401, \"message\": \"Invalid API Key\", \"type\": \"authentication_error\"}}", fault);
      return;
    case VV_FAKE_MT_INSUFFICIENT_QUOTA:
      reply (self, msg, 429, "application/json",
             "{\"error\": {\"message\": \"You exceeded your current quota, please check your plan and billing details.\", \"type\": \"insufficient_quota\", \"param\": null, \"code\": \"insufficient_quota\"}}",
             fault);
      return;
    case VV_FAKE_MT_LOADING:
      reply (self, msg, 503, "application/json",
             "{\"error\": {\"code\": 503, \"message\": \"Loading model\", \"type\": \"unavailable_error\"}}", fault);
      return;
    case VV_FAKE_MT_CONTEXT_EXCEEDED:
      reply (self, msg, 400, "application/json",
             "{\"error\": {\"code\": 400, \"message\": \"request (9412 tokens) exceeds the available context size (8192 tokens), try increasing it\", \"type\": \"exceed_context_size_error\", \"n_prompt_tokens\": 9412, \"n_ctx\": 8192}}",
             fault);
      return;
    case VV_FAKE_MT_MODEL_NOT_FOUND:
      reply (self, msg, 404, "application/json",
             "{\"error\": {\"message\": \"model \\\"qwen2.5:7b\\\" not found, try pulling it first\", \"type\": \"api_error\", \"param\": null, \"code\": null}}",
             fault);
      return;
    case VV_FAKE_MT_OK:
    case VV_FAKE_MT_403:
    case VV_FAKE_MT_429:
    case VV_FAKE_MT_429_RETRY_AFTER:
    case VV_FAKE_MT_456:
    case VV_FAKE_MT_500:
    case VV_FAKE_MT_503:
    case VV_FAKE_MT_NEVER_ANSWERS:
    case VV_FAKE_MT_TRICKLE:
    case VV_FAKE_MT_GARBAGE:
    case VV_FAKE_MT_WRONG_COUNT:
    case VV_FAKE_MT_UNSUPPORTED:
    case VV_FAKE_MT_TOO_LARGE:
    case VV_FAKE_MT_MISSING_KEY:
    case VV_FAKE_MT_HTML_429:
    case VV_FAKE_MT_529:
    case VV_FAKE_MT_WRONG_ENDPOINT:
    case VV_FAKE_MT_USER_RATE_LIMIT:
    case VV_FAKE_MT_DAILY_LIMIT:
    case VV_FAKE_MT_BAN:
    case VV_FAKE_MT_LENGTH:
    case VV_FAKE_MT_THINK:
    case VV_FAKE_MT_BAD_CONTENT:
    default:
      break;
    }

  root = parse_body (msg);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member ((request = json_node_get_object (root)), "messages"))
    {
      reply (self, msg, 400, "application/json",
             "{\"error\": {\"message\": \"'messages' is a required property\", \"type\": \"invalid_request_error\", \"param\": null, \"code\": null}}",
             fault);
      return;
    }
  messages = json_object_get_array_member (request, "messages");
  system = json_object_get_string_member (json_array_get_object_element (messages, 0), "content");
  user_text = json_object_get_string_member (json_array_get_object_element (messages, 1), "content");
  /* The target language code is the last "(xx)" in the system prompt's first sentence */
  {
    const char *into = strstr (system, " into");
    const char *open = into ? strchr (into, '(') : NULL;
    const char *close = open ? strchr (open, ')') : NULL;
    g_autofree char *code = open && close ? g_strndup (open + 1, close - open - 1) : g_strdup ("??");
    target = g_intern_string (code);
  }

  if (fault == VV_FAKE_MT_LENGTH)
    {
      body = chat_reply ("{\"translations\":[{\"id\":\"s1\",\"text\":\"cut", "length");
      reply (self, msg, 200, "application/json", body, fault);
      return;
    }
  if (fault == VV_FAKE_MT_BAD_CONTENT)
    {
      body = chat_reply ("Sure! Here is the translation you asked for.", "stop");
      reply (self, msg, 200, "application/json", body, fault);
      return;
    }

  /* A single plain-text request ("Reply with the translation only.") */
  if (strstr (system, "Reply with the translation only."))
    {
      g_autofree char *t = vv_fake_mt_translate_text (user_text, target);
      self->max_texts = MAX (self->max_texts, 1);
      body = chat_reply (t, "stop");
      reply (self, msg, 200, "application/json", body, fault);
      return;
    }

  if (!json_parser_load_from_data (parser, user_text, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      body = chat_reply ("I cannot read that.", "stop");
      reply (self, msg, 200, "application/json", body, fault);
      return;
    }
  user = json_node_ref (json_parser_get_root (parser));
  user_object = json_node_get_object (user);
  segments = json_object_get_array_member (user_object, "segments");
  self->max_texts = MAX (self->max_texts, json_array_get_length (segments));
  content = g_string_new (fault == VV_FAKE_MT_THINK ? "<think>The user wants a translation.</think>\n" : "");
  g_string_append (content, "{\"translations\":[");
  for (guint i = 0; i < json_array_get_length (segments) - (fault == VV_FAKE_MT_WRONG_COUNT ? 1 : 0); i++)
    {
      JsonObject *segment = json_array_get_object_element (segments, i);
      g_autofree char *t = vv_fake_mt_translate_text (json_object_get_string_member (segment, "text"), target);
      g_autofree char *qt = json_string (t);
      g_autofree char *qid = json_string (json_object_get_string_member (segment, "id"));
      g_string_append_printf (content, "%s{\"id\":%s,\"text\":%s}", i ? "," : "", qid, qt);
    }
  g_string_append (content, "]}");
  body = chat_reply (content->str, "stop");
  reply (self, msg, 200, "application/json", body, fault);
}

/**
 * vv_fake_mt_server_new:
 * @provider: "libretranslate", "deepl", "google" or "openai"
 *
 * Returns: a fake listening on 127.0.0.1 on a free port, served by the
 *   thread-default main context (run it while waiting for the client)
 */
VvFakeMtServer *
vv_fake_mt_server_new (const char *provider)
{
  VvFakeMtServer *self = g_new0 (VvFakeMtServer, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  GSList *uris;
  SoupServerCallback handler;
  const char *prefix = "";

  self->provider = g_strdup (provider);
  self->timers = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  self->server = soup_server_new ("server-header", "fake-mt ", NULL);

  if (g_str_equal (provider, "libretranslate"))
    handler = libretranslate_handler;
  else if (g_str_equal (provider, "deepl"))
    handler = deepl_handler;
  else if (g_str_equal (provider, "google"))
    {
      handler = google_handler;
      prefix = "/language/translate/v2";
    }
  else if (g_str_equal (provider, "openai"))
    {
      handler = openai_handler;
      prefix = "/v1";
    }
  else
    g_error ("no fake for provider %s", provider);

  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  if (!soup_server_listen (self->server, address, 0, &error))
    g_error ("fake MT server: %s", error->message);
  uris = soup_server_get_uris (self->server);
  {
    GUri *uri = uris->data;
    self->url = g_strdup_printf ("http://127.0.0.1:%d%s", g_uri_get_port (uri), prefix);
  }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return self;
}

void
vv_fake_mt_server_free (VvFakeMtServer *self)
{
  if (self == NULL)
    return;
  soup_server_disconnect (self->server);
  while (self->timers->len > 0)
    {
      Pending *pending = g_ptr_array_index (self->timers, self->timers->len - 1);
      g_signal_handlers_disconnect_by_data (pending->msg, pending);
      g_ptr_array_remove_index (self->timers, self->timers->len - 1);
    }
  g_ptr_array_unref (self->timers);
  g_object_unref (self->server);
  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  g_free (self->last_body);
  g_free (self->provider);
  g_free (self->url);
  g_free (self->key);
  g_free (self);
}

const char *
vv_fake_mt_server_get_url (VvFakeMtServer *self)
{
  return self->url;
}

/* @times: how many translate requests get the fault before the server
 * heals; 0 for all of them */
void
vv_fake_mt_server_set_fault (VvFakeMtServer *self,
                             VvFakeMtFault   fault,
                             guint           times)
{
  self->fault = fault;
  self->fault_times = times;
}

void
vv_fake_mt_server_set_key (VvFakeMtServer *self,
                           const char     *key)
{
  g_free (self->key);
  self->key = g_strdup (key);
}

void
vv_fake_mt_server_set_delay (VvFakeMtServer *self,
                             guint           delay_ms)
{
  self->delay_ms = delay_ms;
}

guint
vv_fake_mt_server_get_n_requests (VvFakeMtServer *self)
{
  return self->n_requests;
}

guint
vv_fake_mt_server_get_max_in_flight (VvFakeMtServer *self)
{
  return self->max_in_flight;
}

guint
vv_fake_mt_server_get_max_texts (VvFakeMtServer *self)
{
  return self->max_texts;
}

const char *
vv_fake_mt_server_get_last_body (VvFakeMtServer *self)
{
  return self->last_body;
}

const char *
vv_fake_mt_server_get_last_header (VvFakeMtServer *self,
                                   const char     *name)
{
  return self->last_headers ? soup_message_headers_get_one (self->last_headers, name) : NULL;
}

/* A loopback URL where nothing listens */
char *
vv_fake_mt_refused_url (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  guint16 port;

  g_assert_true (g_socket_bind (socket, address, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return g_strdup_printf ("http://127.0.0.1:%u", port);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

char **
vv_test_mt_translate (VvMtProvider        *provider,
                      const char          *source_lang,
                      const char          *target_lang,
                      const char * const  *texts,
                      const char          *context,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vv_mt_provider_translate_async (provider, source_lang, target_lang, texts, context, cancellable,
                                  store_result_cb, &result);
  return vv_mt_provider_translate_finish (provider, wait_for (&result), error);
}

GPtrArray *
vv_test_mt_languages (VvMtProvider  *provider,
                      GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vv_mt_provider_list_languages_async (provider, NULL, store_result_cb, &result);
  return vv_mt_provider_list_languages_finish (provider, wait_for (&result), error);
}

VvMtResults *
vv_test_mt_queue_run (VvMtQueue           *queue,
                      const char          *source_lang,
                      const char          *target_lang,
                      const char * const  *texts,
                      GCancellable        *cancellable)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  VvMtResults *results;

  vv_mt_queue_translate_async (queue, source_lang, target_lang, texts, cancellable, store_result_cb, &result);
  results = vv_mt_queue_translate_finish (queue, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}
