/* test-mt-providers.c: the hosted MT providers against their fakes
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "vv-fake-mt-server.h"
#include "vv-test-utils.h"

static const char * const two_texts[] = { "Il s'agit de la dernière ville.", "Le chat est noir.", NULL };

static VvMtProvider *
provider_for (const char     *id,
              VvFakeMtServer *server,
              const char     *key)
{
  g_autoptr(GError) error = NULL;
  VvMtProvider *provider = vv_mt_provider_new_for_id (id, vv_fake_mt_server_get_url (server), key, &error);

  g_assert_no_error (error);
  vv_mt_provider_set_timeout (provider, 5);
  return provider;
}

static void
assert_translated (char       **out,
                   const char  *tag)
{
  g_autofree char *first = vv_fake_mt_translate_text (two_texts[0], tag);
  g_autofree char *second = vv_fake_mt_translate_text (two_texts[1], tag);

  g_assert_nonnull (out);
  g_assert_cmpuint (g_strv_length (out), ==, 2);
  g_assert_cmpstr (out[0], ==, first);
  g_assert_cmpstr (out[1], ==, second);
}

static void
test_libretranslate_ok (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("libretranslate");
  g_autoptr(VvMtProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  const char *body;

  vv_fake_mt_server_set_key (server, "secret-key");
  provider = provider_for ("libretranslate", server, "secret-key");
  out = vv_test_mt_translate (provider, "fr", "en", two_texts, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_translated (out, "en");

  /* JSON body: q array, format text, the key in the body */
  body = vv_fake_mt_server_get_last_body (server);
  g_assert_nonnull (strstr (body, "\"q\":[\"Il s'agit de la dernière ville.\",\"Le chat est noir.\"]"));
  g_assert_nonnull (strstr (body, "\"format\":\"text\""));
  g_assert_nonnull (strstr (body, "\"api_key\":\"secret-key\""));
  g_assert_cmpstr (vv_fake_mt_server_get_last_header (server, "Content-Type"), ==, "application/json");
  g_assert_true (g_str_has_prefix (vv_fake_mt_server_get_last_header (server, "User-Agent"), "Visavis/"));

  pairs = vv_test_mt_languages (provider, &error);
  g_assert_no_error (error);
  g_assert_true (vv_mt_pairs_have (pairs, "fr", "en"));
  g_assert_true (vv_mt_pairs_have (pairs, "en", "es"));
  g_assert_false (vv_mt_pairs_have (pairs, "fr", "de"));
}

static void
test_deepl_ok (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("deepl");
  g_autoptr(VvMtProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  const char *body;

  vv_fake_mt_server_set_key (server, "279a2e9d:fx");
  provider = provider_for ("deepl", server, "279a2e9d:fx");
  vv_mt_deepl_set_formality (VV_MT_DEEPL (provider), "more");
  out = vv_test_mt_translate (provider, "fr", "en", two_texts, "Après de violents combats.", NULL, &error);
  g_assert_no_error (error);
  /* English targets need a variant */
  assert_translated (out, "EN-GB");

  g_assert_cmpstr (vv_fake_mt_server_get_last_header (server, "Authorization"), ==, "DeepL-Auth-Key 279a2e9d:fx");
  body = vv_fake_mt_server_get_last_body (server);
  g_assert_nonnull (strstr (body, "\"source_lang\":\"FR\""));
  g_assert_nonnull (strstr (body, "\"target_lang\":\"EN-GB\""));
  g_assert_nonnull (strstr (body, "\"context\":\"Après de violents combats.\""));
  g_assert_nonnull (strstr (body, "\"formality\":\"prefer_more\""));
  g_assert_null (strstr (body, "auth_key"));

  pairs = vv_test_mt_languages (provider, &error);
  g_assert_no_error (error);
  g_assert_true (vv_mt_pairs_have (pairs, "fr", "en-GB"));
  g_assert_true (vv_mt_pairs_have (pairs, "en", "de"));
  g_assert_false (vv_mt_pairs_have (pairs, "en", "en-GB"));

  g_assert_cmpstr (vv_mt_deepl_host_for_key ("abc:fx"), ==, "https://api-free.deepl.com");
  g_assert_cmpstr (vv_mt_deepl_host_for_key ("abc"), ==, "https://api.deepl.com");
}

static void
test_deepl_wrong_key (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("deepl");
  g_autoptr(VvMtProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;

  vv_fake_mt_server_set_key (server, "right");
  provider = provider_for ("deepl", server, "wrong");
  out = vv_test_mt_translate (provider, "fr", "en", two_texts, NULL, NULL, &error);
  g_assert_null (out);
  g_assert_error (error, VV_MT_ERROR, VV_MT_ERROR_AUTH);
  g_assert_false (vv_mt_error_is_retryable (error));
}

static void
test_google_ok (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("google");
  g_autoptr(VvMtProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;
  g_autoptr(GPtrArray) pairs = NULL;

  vv_fake_mt_server_set_key (server, "AIzaKey");
  provider = provider_for ("google", server, "AIzaKey");
  out = vv_test_mt_translate (provider, "fr", "en", two_texts, NULL, NULL, &error);
  g_assert_no_error (error);
  /* format=text: no &#39; in "s'agit" */
  assert_translated (out, "en");
  g_assert_cmpstr (vv_fake_mt_server_get_last_header (server, "X-Goog-Api-Key"), ==, "AIzaKey");
  g_assert_nonnull (strstr (vv_fake_mt_server_get_last_body (server), "\"format\":\"text\""));

  pairs = vv_test_mt_languages (provider, &error);
  g_assert_no_error (error);
  g_assert_true (vv_mt_pairs_have (pairs, "fr", "de"));
}

static void
test_google_bad_key (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("google");
  g_autoptr(VvMtProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;

  vv_fake_mt_server_set_key (server, "AIzaKey");
  provider = provider_for ("google", server, "AIzaWrong");
  out = vv_test_mt_translate (provider, "fr", "en", two_texts, NULL, NULL, &error);
  g_assert_null (out);
  g_assert_error (error, VV_MT_ERROR, VV_MT_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "API key not valid"));
}

static void
test_openai_ok (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("openai");
  g_autoptr(VvMtProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  const char *body;

  vv_fake_mt_server_set_key (server, "sk-test");
  provider = provider_for ("openai", server, "sk-test");
  out = vv_test_mt_translate (provider, "fr", "en", two_texts, "Après de violents combats.", NULL, &error);
  g_assert_no_error (error);
  assert_translated (out, "en");
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 1);
  g_assert_cmpstr (vv_fake_mt_server_get_last_header (server, "Authorization"), ==, "Bearer sk-test");
  body = vv_fake_mt_server_get_last_body (server);
  g_assert_nonnull (strstr (body, "\"model\":\"qwen2.5:7b\""));
  g_assert_nonnull (strstr (body, "\"temperature\":0"));
  g_assert_nonnull (strstr (body, "\"response_format\":{\"type\":\"json_object\"}"));
  g_assert_nonnull (strstr (body, "\\\"id\\\":\\\"s2\\\""));
  g_assert_nonnull (strstr (body, "Après de violents combats."));

  pairs = vv_test_mt_languages (provider, &error);
  g_assert_no_error (error);
  g_assert_true (vv_mt_pairs_have (pairs, "fr", "en"));
}

/* Formality through the generic setter: DeepL gets prefer_* (never a 400 on
 * targets without formality), the chat model a sentence of its system
 * prompt; "default" sends nothing; the cache keys differ */
static void
test_formality (void)
{
  g_autoptr(VvFakeMtServer) deepl = vv_fake_mt_server_new ("deepl");
  g_autoptr(VvFakeMtServer) openai = vv_fake_mt_server_new ("openai");
  g_autoptr(VvMtProvider) d = NULL;
  g_autoptr(VvMtProvider) o = NULL;
  g_autoptr(VvMtProvider) apertium = vv_mt_apertium_new ("http://127.0.0.1:9");
  g_autoptr(GError) error = NULL;
  g_autofree char *key_default = NULL;
  g_autofree char *key_formal = NULL;
  g_auto(GStrv) out1 = NULL;
  g_auto(GStrv) out2 = NULL;
  g_auto(GStrv) out3 = NULL;
  g_auto(GStrv) out4 = NULL;

  vv_fake_mt_server_set_key (deepl, "k:fx");
  vv_fake_mt_server_set_key (openai, "k");
  d = provider_for ("deepl", deepl, "k:fx");
  o = provider_for ("openai", openai, "k");

  g_assert_true (vv_mt_provider_set_formality (d, "less"));
  out1 = vv_test_mt_translate (d, "fr", "es", two_texts, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (vv_fake_mt_server_get_last_body (deepl), "\"formality\":\"prefer_less\""));
  g_assert_true (vv_mt_provider_set_formality (d, "default"));
  out2 = vv_test_mt_translate (d, "fr", "es", two_texts, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (vv_fake_mt_server_get_last_body (deepl), "formality"));

  key_default = vv_mt_provider_get_cache_key (o);
  g_assert_true (vv_mt_provider_set_formality (o, "more"));
  key_formal = vv_mt_provider_get_cache_key (o);
  g_assert_cmpstr (key_default, !=, key_formal);
  out3 = vv_test_mt_translate (o, "fr", "es", two_texts, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (vv_fake_mt_server_get_last_body (openai), "Use the formal register"));
  g_assert_true (vv_mt_provider_set_formality (o, "prefer_less"));
  out4 = vv_test_mt_translate (o, "fr", "es", two_texts, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (vv_fake_mt_server_get_last_body (openai), "Use the informal register"));
  g_assert_null (strstr (vv_fake_mt_server_get_last_body (openai), "Use the formal register"));

  /* APy has no register */
  g_assert_false (vv_mt_provider_set_formality (apertium, "more"));
}

static void
test_openai_think (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("openai");
  g_autoptr(VvMtProvider) provider = provider_for ("openai", server, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;

  vv_fake_mt_server_set_fault (server, VV_FAKE_MT_THINK, 0);
  out = vv_test_mt_translate (provider, "fr", "en", two_texts, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_translated (out, "en");
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 1);
}

/* A reply that does not map back 1:1 is retried once, then every
 * segment goes alone as plain text */
static void
test_openai_fallback (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("openai");
  g_autoptr(VvMtProvider) provider = provider_for ("openai", server, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;
  g_auto(GStrv) out2 = NULL;

  vv_fake_mt_server_set_fault (server, VV_FAKE_MT_BAD_CONTENT, 1);
  out = vv_test_mt_translate (provider, "fr", "en", two_texts, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_translated (out, "en");
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 2);

  vv_fake_mt_server_set_fault (server, VV_FAKE_MT_WRONG_COUNT, 0);
  out2 = vv_test_mt_translate (provider, "fr", "en", two_texts, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_translated (out2, "en");
  /* 2 + batch, retry, then one per segment */
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 2 + 2 + 2);
  g_assert_nonnull (strstr (vv_fake_mt_server_get_last_body (server), "Reply with the translation only."));
}

typedef struct
{
  const char    *provider;
  VvFakeMtFault  fault;
  VvMtError      code;
  gboolean       retryable;
  gboolean       split;
  gint64         retry_after;   /* -1: none expected; -2: do not check */
  const char    *in_message;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "libretranslate", VV_FAKE_MT_MISSING_KEY, VV_MT_ERROR_AUTH, FALSE, FALSE, -1, "server operator" },
  { "libretranslate", VV_FAKE_MT_403, VV_MT_ERROR_AUTH, FALSE, FALSE, -1, "Invalid API key" },
  { "libretranslate", VV_FAKE_MT_429, VV_MT_ERROR_RATE_LIMITED, TRUE, FALSE, 60000, "Slowdown" },
  { "libretranslate", VV_FAKE_MT_BAN, VV_MT_ERROR_RATE_LIMITED, TRUE, FALSE, 300000, "Too many request" },
  { "libretranslate", VV_FAKE_MT_UNSUPPORTED, VV_MT_ERROR_UNSUPPORTED_PAIR, FALSE, FALSE, -1, "is not supported" },
  { "libretranslate", VV_FAKE_MT_TOO_LARGE, VV_MT_ERROR_BAD_RESPONSE, FALSE, TRUE, -1, "exceeds text limit" },
  { "libretranslate", VV_FAKE_MT_500, VV_MT_ERROR_NETWORK, TRUE, FALSE, -1, "HTTP 500" },
  { "libretranslate", VV_FAKE_MT_GARBAGE, VV_MT_ERROR_BAD_RESPONSE, FALSE, FALSE, -1, "not JSON" },
  { "libretranslate", VV_FAKE_MT_WRONG_COUNT, VV_MT_ERROR_BAD_RESPONSE, FALSE, FALSE, -1, "exactly one translation" },
  { "deepl", VV_FAKE_MT_403, VV_MT_ERROR_AUTH, FALSE, FALSE, -1, "Authorization failed" },
  { "deepl", VV_FAKE_MT_WRONG_ENDPOINT, VV_MT_ERROR_AUTH, FALSE, FALSE, -1, "https://api-free.deepl.com" },
  { "deepl", VV_FAKE_MT_456, VV_MT_ERROR_QUOTA, FALSE, FALSE, -1, "HTTP 456" },
  { "deepl", VV_FAKE_MT_429, VV_MT_ERROR_RATE_LIMITED, TRUE, FALSE, -1, "HTTP 429" },
  { "deepl", VV_FAKE_MT_429_RETRY_AFTER, VV_MT_ERROR_RATE_LIMITED, TRUE, FALSE, 1000, "HTTP 429" },
  { "deepl", VV_FAKE_MT_HTML_429, VV_MT_ERROR_RATE_LIMITED, TRUE, FALSE, -1, "HTTP 429" },
  { "deepl", VV_FAKE_MT_529, VV_MT_ERROR_RATE_LIMITED, TRUE, FALSE, -1, "HTTP 529" },
  { "deepl", VV_FAKE_MT_UNSUPPORTED, VV_MT_ERROR_UNSUPPORTED_PAIR, FALSE, FALSE, -1, "target_lang" },
  { "deepl", VV_FAKE_MT_TOO_LARGE, VV_MT_ERROR_BAD_RESPONSE, FALSE, TRUE, -1, "HTTP 413" },
  { "deepl", VV_FAKE_MT_503, VV_MT_ERROR_NETWORK, TRUE, FALSE, -1, "HTTP 503" },
  { "deepl", VV_FAKE_MT_GARBAGE, VV_MT_ERROR_BAD_RESPONSE, FALSE, FALSE, -1, "nginx" },
  { "deepl", VV_FAKE_MT_WRONG_COUNT, VV_MT_ERROR_BAD_RESPONSE, FALSE, FALSE, -1, "exactly one translation" },
  { "google", VV_FAKE_MT_403, VV_MT_ERROR_AUTH, FALSE, FALSE, -1, "blocked" },
  { "google", VV_FAKE_MT_USER_RATE_LIMIT, VV_MT_ERROR_RATE_LIMITED, TRUE, FALSE, -1, "User Rate Limit" },
  { "google", VV_FAKE_MT_DAILY_LIMIT, VV_MT_ERROR_QUOTA, FALSE, FALSE, -1, "Daily Limit" },
  { "google", VV_FAKE_MT_429_RETRY_AFTER, VV_MT_ERROR_RATE_LIMITED, TRUE, FALSE, 1000, "Quota exceeded" },
  { "google", VV_FAKE_MT_UNSUPPORTED, VV_MT_ERROR_UNSUPPORTED_PAIR, FALSE, FALSE, -1, "Bad language pair" },
  { "google", VV_FAKE_MT_TOO_LARGE, VV_MT_ERROR_BAD_RESPONSE, FALSE, TRUE, -1, "too large" },
  { "google", VV_FAKE_MT_500, VV_MT_ERROR_NETWORK, TRUE, FALSE, -1, "Internal error" },
  { "google", VV_FAKE_MT_WRONG_COUNT, VV_MT_ERROR_BAD_RESPONSE, FALSE, FALSE, -1, "exactly one translation" },
  { "openai", VV_FAKE_MT_401, VV_MT_ERROR_AUTH, FALSE, FALSE, -1, "Invalid API Key" },
  { "openai", VV_FAKE_MT_429, VV_MT_ERROR_RATE_LIMITED, TRUE, FALSE, -1, "Rate limit reached" },
  { "openai", VV_FAKE_MT_429_RETRY_AFTER, VV_MT_ERROR_RATE_LIMITED, TRUE, FALSE, 1000, "Rate limit reached" },
  { "openai", VV_FAKE_MT_INSUFFICIENT_QUOTA, VV_MT_ERROR_QUOTA, FALSE, FALSE, -1, "exceeded your current quota" },
  { "openai", VV_FAKE_MT_LOADING, VV_MT_ERROR_NETWORK, TRUE, FALSE, 2000, "Loading model" },
  { "openai", VV_FAKE_MT_CONTEXT_EXCEEDED, VV_MT_ERROR_BAD_RESPONSE, FALSE, TRUE, -1, "context size" },
  { "openai", VV_FAKE_MT_MODEL_NOT_FOUND, VV_MT_ERROR_UNSUPPORTED_PAIR, FALSE, FALSE, -1, "ollama pull qwen2.5:7b" },
  { "openai", VV_FAKE_MT_LENGTH, VV_MT_ERROR_BAD_RESPONSE, FALSE, TRUE, -1, "length" },
  { "openai", VV_FAKE_MT_500, VV_MT_ERROR_NETWORK, TRUE, FALSE, -1, "HTTP 500" },
  { "openai", VV_FAKE_MT_GARBAGE, VV_MT_ERROR_BAD_RESPONSE, FALSE, FALSE, -1, "not JSON" },
};

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new (c->provider);
  g_autoptr(VvMtProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;

  vv_fake_mt_server_set_key (server, "k");
  provider = provider_for (c->provider, server, "k");
  vv_fake_mt_server_set_fault (server, c->fault, 0);
  out = vv_test_mt_translate (provider, "fr", "en", two_texts, NULL, NULL, &error);
  g_assert_null (out);
  g_assert_error (error, VV_MT_ERROR, (gint) c->code);
  g_test_message ("%s", error->message);
  /* Every message names the provider and the server */
  g_assert_nonnull (strstr (error->message, vv_mt_provider_get_display_name (provider)));
  g_assert_nonnull (strstr (error->message, vv_fake_mt_server_get_url (server)));
  g_assert_nonnull (strstr (error->message, c->in_message));
  g_assert_cmpint (vv_mt_error_is_retryable (error), ==, c->retryable);
  g_assert_cmpint (vv_mt_error_wants_split (error), ==, c->split);
  if (c->retry_after != -2)
    g_assert_cmpint (vv_mt_error_get_retry_after (error), ==, c->retry_after);
}

static void
test_connection_refused (void)
{
  g_autofree char *url = vv_fake_mt_refused_url ();
  g_autoptr(VvMtProvider) provider = vv_mt_libretranslate_new (url, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = vv_test_mt_translate (provider, "fr", "en", two_texts, NULL, NULL, &error);

  g_assert_null (out);
  g_assert_error (error, VV_MT_ERROR, VV_MT_ERROR_NETWORK);
  g_assert_true (vv_mt_error_is_retryable (error));
  g_assert_nonnull (strstr (error->message, url));
}

static void
test_never_answers (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("deepl");
  g_autoptr(VvMtProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;
  gint64 start;

  vv_fake_mt_server_set_key (server, "k");
  provider = provider_for ("deepl", server, "k");
  vv_mt_provider_set_timeout (provider, 1);
  vv_fake_mt_server_set_fault (server, VV_FAKE_MT_NEVER_ANSWERS, 0);
  start = g_get_monotonic_time ();
  out = vv_test_mt_translate (provider, "fr", "en", two_texts, NULL, NULL, &error);
  g_assert_null (out);
  g_assert_error (error, VV_MT_ERROR, VV_MT_ERROR_TIMEOUT);
  g_assert_true (vv_mt_error_is_retryable (error));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
}

/* A server that sends its reply byte by byte: fine when it finishes in
 * time, a time-out when it does not, even though bytes keep coming */
static void
test_trickle (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("libretranslate");
  g_autoptr(VvMtProvider) provider = provider_for ("libretranslate", server, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;
  g_auto(GStrv) out2 = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  const char *texts[2] = { NULL, NULL };

  vv_fake_mt_server_set_fault (server, VV_FAKE_MT_TRICKLE, 0);
  out = vv_test_mt_translate (provider, "fr", "en", two_texts, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_translated (out, "en");

  vv_mt_provider_set_timeout (provider, 1);
  for (guint i = 0; i < 30; i++)
    g_string_append (long_text, "Le chat est noir. ");
  texts[0] = long_text->str;
  out2 = vv_test_mt_translate (provider, "fr", "en", texts, NULL, NULL, &error);
  g_assert_null (out2);
  g_assert_error (error, VV_MT_ERROR, VV_MT_ERROR_TIMEOUT);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_mid_request (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("google");
  g_autoptr(VvMtProvider) provider = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;
  gint64 start;

  vv_fake_mt_server_set_key (server, "k");
  provider = provider_for ("google", server, "k");
  vv_fake_mt_server_set_fault (server, VV_FAKE_MT_NEVER_ANSWERS, 0);
  g_timeout_add (200, cancel_cb, cancellable);
  start = g_get_monotonic_time ();
  out = vv_test_mt_translate (provider, "fr", "en", two_texts, NULL, cancellable, &error);
  g_assert_null (out);
  g_assert_error (error, VV_MT_ERROR, VV_MT_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 1);
}

static void
test_registry (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvMtProvider) none = vv_mt_provider_new_for_id ("babelfish", NULL, NULL, &error);
  guint n = 0;
  const VvMtProviderInfo *all = vv_mt_provider_get_all (&n);

  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (n, ==, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VvMtProvider) provider = vv_mt_provider_new_for_id (all[i].id, NULL, "key", NULL);
      VvMtCapabilities caps;

      g_assert_nonnull (provider);
      g_assert_cmpstr (vv_mt_provider_get_id (provider), ==, all[i].id);
      vv_mt_provider_get_capabilities (provider, &caps);
      g_assert_cmpuint (caps.max_batch, >=, 1);
      g_assert_cmpuint (caps.max_chars, >=, 1000);
      g_assert_cmpuint (caps.max_concurrency, >=, 1);
    }

  g_setenv ("VISAVIS_DEEPL_KEY", "from-env:fx", TRUE);
  {
    g_autofree char *key = vv_mt_provider_key_from_env ("deepl");
    g_assert_cmpstr (key, ==, "from-env:fx");
  }
  g_unsetenv ("VISAVIS_DEEPL_KEY");
}

/* Language codes read from a server are kept valid UTF-8 (json-glib passes
 * "\351" through as a raw byte) */
static void
test_language_pair_utf8 (void)
{
  VvMtLanguagePair *pair = vv_mt_language_pair_new ("fr\351", "es", "c\xc3");

  g_assert_true (g_utf8_validate (pair->source, -1, NULL));
  g_assert_true (g_utf8_validate (pair->via, -1, NULL));
  g_assert_cmpstr (pair->source, ==, "fr\xef\xbf\xbd");   /* U+FFFD */
  g_assert_cmpstr (pair->target, ==, "es");
  g_assert_cmpstr (pair->via, ==, "c\xef\xbf\xbd");
  vv_mt_language_pair_free (pair);
  pair = vv_mt_language_pair_new ("fr", "en", NULL);
  g_assert_null (pair->via);
  vv_mt_language_pair_free (pair);
}

static void
test_find_pivot (void)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) vv_mt_language_pair_free);
  g_autofree char *via = NULL;
  g_autofree char *none = NULL;

  g_ptr_array_add (pairs, vv_mt_language_pair_new ("fr", "es", NULL));
  g_ptr_array_add (pairs, vv_mt_language_pair_new ("es", "en", NULL));
  g_ptr_array_add (pairs, vv_mt_language_pair_new ("fr", "ca", NULL));
  g_ptr_array_add (pairs, vv_mt_language_pair_new ("fr", "en", "es"));
  g_assert_false (vv_mt_pairs_have (pairs, "fr", "en"));
  via = vv_mt_find_pivot (pairs, "fr", "en");
  g_assert_cmpstr (via, ==, "es");
  none = vv_mt_find_pivot (pairs, "fr", "de");
  g_assert_null (none);
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/mt/providers/registry", test_registry);
  g_test_add_func ("/mt/providers/find-pivot", test_find_pivot);
  g_test_add_func ("/mt/providers/language-pair-utf8", test_language_pair_utf8);
  g_test_add_func ("/mt/libretranslate/ok", test_libretranslate_ok);
  g_test_add_func ("/mt/deepl/ok", test_deepl_ok);
  g_test_add_func ("/mt/deepl/wrong-key", test_deepl_wrong_key);
  g_test_add_func ("/mt/google/ok", test_google_ok);
  g_test_add_func ("/mt/google/bad-key", test_google_bad_key);
  g_test_add_func ("/mt/openai/ok", test_openai_ok);
  g_test_add_func ("/mt/formality", test_formality);
  g_test_add_func ("/mt/openai/think", test_openai_think);
  g_test_add_func ("/mt/openai/fallback", test_openai_fallback);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/mt/%s/error/%u", error_cases[i].provider, i);
      g_test_add_data_func (path, &error_cases[i], test_error_case);
    }
  g_test_add_func ("/mt/network/refused", test_connection_refused);
  g_test_add_func ("/mt/network/never-answers", test_never_answers);
  g_test_add_func ("/mt/network/trickle", test_trickle);
  g_test_add_func ("/mt/network/cancel", test_cancel_mid_request);

  return g_test_run ();
}
