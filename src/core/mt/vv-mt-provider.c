/* vv-mt-provider.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vv-mt-private.h"
#include "vv-mt-providers.h"

/* Extra facts carried by a VV_MT_ERROR: what the queue needs to decide on a retry */
typedef struct
{
  gint64   retry_after_ms;
  guint    http_status;
  gboolean retryable;
  gboolean split;
} VvMtErrorPrivate;

static void
vv_mt_error_private_init (VvMtErrorPrivate *priv)
{
  /* -Wnull-dereference at -O2 cannot see that GLib never passes NULL */
  g_assert (priv != NULL);
  priv->retry_after_ms = -1;
}

static void
vv_mt_error_private_copy (const VvMtErrorPrivate *src,
                          VvMtErrorPrivate       *dest)
{
  g_assert (src != NULL && dest != NULL);
  *dest = *src;
}

static void
vv_mt_error_private_clear (VvMtErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (VvMtError, vv_mt_error)

G_DEFINE_INTERFACE (VvMtProvider, vv_mt_provider, G_TYPE_OBJECT)

static const VvMtProviderInfo providers[] = {
  { "apertium", N_("Apertium"), "http://127.0.0.1:2737", FALSE },
  { "libretranslate", N_("LibreTranslate"), "http://127.0.0.1:5000", FALSE },
  { "deepl", N_("DeepL"), "https://api-free.deepl.com", TRUE },
  { "openai", N_("OpenAI-compatible (OpenAI, Ollama, llama.cpp, vLLM)"), "http://localhost:11434/v1", FALSE },
  { "google", N_("Google Cloud Translation"), "https://translation.googleapis.com/language/translate/v2", TRUE },
};

static void
vv_mt_provider_default_init (VvMtProviderInterface *iface)
{
}

/**
 * vv_mt_error_get_retry_after:
 * @error: a #GError
 *
 * Returns: how long the server asked us to wait (Retry-After), in
 *   milliseconds, or -1
 */
gint64
vv_mt_error_get_retry_after (const GError *error)
{
  VvMtErrorPrivate *priv = error ? vv_mt_error_get_private (error) : NULL;
  return priv ? priv->retry_after_ms : -1;
}

guint
vv_mt_error_get_http_status (const GError *error)
{
  VvMtErrorPrivate *priv = error ? vv_mt_error_get_private (error) : NULL;
  return priv ? priv->http_status : 0;
}

/**
 * vv_mt_error_is_retryable:
 * @error: a #GError
 *
 * Returns: whether trying the same request again later may succeed
 *   (rate limits, time-outs, network failures, 5xx). Auth, quota,
 *   unsupported pairs and 4xx replies are never retried.
 */
gboolean
vv_mt_error_is_retryable (const GError *error)
{
  VvMtErrorPrivate *priv;

  if (error == NULL || error->domain != VV_MT_ERROR)
    return FALSE;
  priv = vv_mt_error_get_private (error);
  switch ((VvMtError) error->code)
    {
    case VV_MT_ERROR_RATE_LIMITED:
    case VV_MT_ERROR_TIMEOUT:
      return TRUE;
    case VV_MT_ERROR_NETWORK:
      return priv == NULL || priv->retryable || priv->http_status == 0;
    case VV_MT_ERROR_AUTH:
    case VV_MT_ERROR_QUOTA:
    case VV_MT_ERROR_UNSUPPORTED_PAIR:
    case VV_MT_ERROR_BAD_RESPONSE:
    case VV_MT_ERROR_CANCELLED:
    default:
      return priv != NULL && priv->retryable;
    }
}

/**
 * vv_mt_error_wants_split:
 * @error: a #GError
 *
 * Returns: whether the request was too large for the server, so that the
 *   batch should be split in two and retried
 */
gboolean
vv_mt_error_wants_split (const GError *error)
{
  VvMtErrorPrivate *priv = error && error->domain == VV_MT_ERROR ? vv_mt_error_get_private (error) : NULL;
  return priv != NULL && priv->split;
}

void
_vv_mt_error_set_split (GError *error)
{
  VvMtErrorPrivate *priv = vv_mt_error_get_private (error);
  if (priv)
    priv->split = TRUE;
}

void
_vv_mt_error_set_retry_after (GError *error,
                              gint64  ms)
{
  VvMtErrorPrivate *priv = vv_mt_error_get_private (error);
  if (priv && ms > priv->retry_after_ms)
    priv->retry_after_ms = ms;
}

void
_vv_mt_error_set_retryable (GError   *error,
                            gboolean  retryable)
{
  VvMtErrorPrivate *priv = vv_mt_error_get_private (error);
  if (priv)
    priv->retryable = retryable;
}

/* Messages name the provider and the server and say what to do */
GError *
_vv_mt_error_new (VvMtProvider *provider,
                  VvMtError     code,
                  const char   *detail)
{
  const char *name = vv_mt_provider_get_display_name (provider);
  const char *server = vv_mt_provider_get_server (provider);
  g_autofree char *what = NULL;

  if (detail == NULL || *detail == '\0')
    detail = _("no details");

  switch (code)
    {
    case VV_MT_ERROR_AUTH:
      /* Translators: %1$s is a provider ("DeepL"), %2$s its server URL, %3$s the server's message */
      what = g_strdup_printf (_("%1$s (%2$s) refused the API key: %3$s. Check the key in Preferences → Machine translation."),
                              name, server, detail);
      break;
    case VV_MT_ERROR_QUOTA:
      what = g_strdup_printf (_("%1$s (%2$s): the quota of this API key is used up: %3$s. Wait until it renews, raise the limit or use another provider."),
                              name, server, detail);
      break;
    case VV_MT_ERROR_RATE_LIMITED:
      what = g_strdup_printf (_("%1$s (%2$s) is limiting the request rate: %3$s. Try again later or lower the number of parallel requests."),
                              name, server, detail);
      break;
    case VV_MT_ERROR_UNSUPPORTED_PAIR:
      what = g_strdup_printf (_("%1$s (%2$s) cannot translate this language pair: %3$s. Choose another target language or provider."),
                              name, server, detail);
      break;
    case VV_MT_ERROR_NETWORK:
      what = g_strdup_printf (_("Cannot get a translation from %1$s (%2$s): %3$s. Check that the server is running and that the URL is right."),
                              name, server, detail);
      break;
    case VV_MT_ERROR_TIMEOUT:
      what = g_strdup_printf (_("%1$s (%2$s) did not answer in time: %3$s. The server may be overloaded; try again later."),
                              name, server, detail);
      break;
    case VV_MT_ERROR_BAD_RESPONSE:
      what = g_strdup_printf (_("%1$s (%2$s) sent a reply that Vis-à-vis does not understand: %3$s. Check the URL and the server version."),
                              name, server, detail);
      break;
    case VV_MT_ERROR_CANCELLED:
    default:
      what = g_strdup_printf (_("Translation with %1$s (%2$s) was cancelled."), name, server);
      break;
    }

  return g_error_new_literal (VV_MT_ERROR, code, what);
}

gint64
_vv_mt_parse_retry_after (SoupMessageHeaders *headers)
{
  const char *value;

  if (headers == NULL)
    return -1;

  value = soup_message_headers_get_one (headers, "retry-after-ms");
  if (value != NULL)
    {
      char *end = NULL;
      double ms = g_ascii_strtod (value, &end);
      if (end != value && ms >= 0)
        return (gint64) ms;
    }

  value = soup_message_headers_get_one (headers, "Retry-After");
  if (value != NULL)
    {
      char *end = NULL;
      guint64 seconds;
      g_autoptr(GDateTime) date = NULL;

      while (g_ascii_isspace (*value))
        value++;
      seconds = g_ascii_strtoull (value, &end, 10);
      if (end != value && (*end == '\0' || g_ascii_isspace (*end)))
        return (gint64) MIN (seconds, 24 * 3600) * 1000;

      date = soup_date_time_new_from_http_string (value);
      if (date != NULL)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          GTimeSpan span = g_date_time_difference (date, now);
          return span > 0 ? span / 1000 : 0;
        }
    }
  return -1;
}

GError *
_vv_mt_error_new_for_status (VvMtProvider *provider,
                             VvMtError     code,
                             SoupMessage  *message,
                             const char   *detail)
{
  guint status = soup_message_get_status (message);
  g_autofree char *full = NULL;
  GError *error;
  VvMtErrorPrivate *priv;

  if (detail != NULL && *detail != '\0')
    full = g_strdup_printf ("HTTP %u, “%s”", status, detail);
  else
    full = g_strdup_printf ("HTTP %u %s", status, soup_status_get_phrase (status) ? soup_status_get_phrase (status) : "");
  g_strchomp (full);

  error = _vv_mt_error_new (provider, code, full);
  priv = vv_mt_error_get_private (error);
  g_assert (priv != NULL);
  priv->http_status = status;
  priv->retry_after_ms = _vv_mt_parse_retry_after (soup_message_get_response_headers (message));
  priv->retryable = code == VV_MT_ERROR_RATE_LIMITED || code == VV_MT_ERROR_TIMEOUT ||
                    status == 500 || status == 502 || status == 503 || status == 504;
  if (status == 413)
    priv->split = TRUE;
  return error;
}

/* The classification of PROTOCOLS.md's common table, for statuses a
 * provider has no special rule for */
GError *
_vv_mt_error_from_status (VvMtProvider *provider,
                          SoupMessage  *message,
                          const char   *detail)
{
  guint status = soup_message_get_status (message);
  VvMtError code;

  switch (status)
    {
    case 401:
    case 403:
      code = VV_MT_ERROR_AUTH;
      break;
    case 456:
      code = VV_MT_ERROR_QUOTA;
      break;
    case 429:
    case 529:
      code = VV_MT_ERROR_RATE_LIMITED;
      break;
    case 408:
    case 504:
      code = VV_MT_ERROR_TIMEOUT;
      break;
    case 500:
    case 502:
    case 503:
      code = VV_MT_ERROR_NETWORK;
      break;
    default:
      code = status >= 500 ? VV_MT_ERROR_NETWORK : VV_MT_ERROR_BAD_RESPONSE;
      break;
    }
  return _vv_mt_error_new_for_status (provider, code, message, detail);
}

/* Interface wrappers */

/* GTask reports a cancelled cancellable as G_IO_ERROR_CANCELLED: callers
 * only ever see VV_MT_ERROR codes */
static GError *
normalize_error (VvMtProvider *self,
                 GError       *error)
{
  if (error == NULL)
    return _vv_mt_error_new (self, VV_MT_ERROR_BAD_RESPONSE, NULL);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_error_free (error);
      return _vv_mt_error_new (self, VV_MT_ERROR_CANCELLED, NULL);
    }
  return error;
}

const char *
vv_mt_provider_get_id (VvMtProvider *self)
{
  g_return_val_if_fail (VV_IS_MT_PROVIDER (self), NULL);
  return VV_MT_PROVIDER_GET_IFACE (self)->get_id (self);
}

const char *
vv_mt_provider_get_display_name (VvMtProvider *self)
{
  g_return_val_if_fail (VV_IS_MT_PROVIDER (self), NULL);
  return VV_MT_PROVIDER_GET_IFACE (self)->get_display_name (self);
}

const char *
vv_mt_provider_get_server (VvMtProvider *self)
{
  g_return_val_if_fail (VV_IS_MT_PROVIDER (self), NULL);
  return VV_MT_PROVIDER_GET_IFACE (self)->get_server (self);
}

/**
 * vv_mt_provider_get_cache_key:
 * @self: a #VvMtProvider
 *
 * Returns: (transfer full): a string that identifies the engine behind
 *   this provider (id, server, model), for the on-disk cache
 */
char *
vv_mt_provider_get_cache_key (VvMtProvider *self)
{
  VvMtProviderInterface *iface;

  g_return_val_if_fail (VV_IS_MT_PROVIDER (self), NULL);
  iface = VV_MT_PROVIDER_GET_IFACE (self);
  if (iface->get_cache_key)
    return iface->get_cache_key (self);
  return g_strdup_printf ("%s|%s", iface->get_id (self), iface->get_server (self));
}

void
vv_mt_provider_get_capabilities (VvMtProvider     *self,
                                 VvMtCapabilities *caps)
{
  g_return_if_fail (VV_IS_MT_PROVIDER (self));
  g_return_if_fail (caps != NULL);
  *caps = (VvMtCapabilities) { 1, 1000, 1, FALSE, 0 };
  VV_MT_PROVIDER_GET_IFACE (self)->get_capabilities (self, caps);
}

void
vv_mt_provider_list_languages_async (VvMtProvider        *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (VV_IS_MT_PROVIDER (self));
  VV_MT_PROVIDER_GET_IFACE (self)->list_languages_async (self, cancellable, callback, user_data);
}

/**
 * vv_mt_provider_list_languages_finish:
 *
 * Returns: (transfer container) (element-type VvMtLanguagePair): the
 *   pairs the server offers, pivots included (with @via set)
 */
GPtrArray *
vv_mt_provider_list_languages_finish (VvMtProvider  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  GPtrArray *pairs;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (VV_IS_MT_PROVIDER (self), NULL);
  pairs = VV_MT_PROVIDER_GET_IFACE (self)->list_languages_finish (self, result, &local_error);
  if (pairs == NULL)
    g_propagate_error (error, normalize_error (self, g_steal_pointer (&local_error)));
  return pairs;
}

/**
 * vv_mt_provider_translate_async:
 * @self: a #VvMtProvider
 * @source_lang: source language code ("fr")
 * @target_lang: target language code ("en")
 * @texts: (array zero-terminated=1): the segments, at most the capabilities' batch
 * @context: (nullable): neighbouring text, used when the provider supports it
 *
 * Sends one request (or, for engines without an array form, as few as it
 * can) and checks that the reply has one translation per segment.
 */
void
vv_mt_provider_translate_async (VvMtProvider        *self,
                                const char          *source_lang,
                                const char          *target_lang,
                                const char * const  *texts,
                                const char          *context,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (VV_IS_MT_PROVIDER (self));
  g_return_if_fail (source_lang != NULL && target_lang != NULL && texts != NULL);
  VV_MT_PROVIDER_GET_IFACE (self)->translate_async (self, source_lang, target_lang, texts, context,
                                                    cancellable, callback, user_data);
}

/**
 * vv_mt_provider_translate_finish:
 *
 * Returns: (transfer full) (array zero-terminated=1): one translation per
 *   segment sent, in order, or %NULL with @error set (VV_MT_ERROR)
 */
char **
vv_mt_provider_translate_finish (VvMtProvider  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  char **out;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (VV_IS_MT_PROVIDER (self), NULL);
  out = VV_MT_PROVIDER_GET_IFACE (self)->translate_finish (self, result, &local_error);
  if (out == NULL)
    g_propagate_error (error, normalize_error (self, g_steal_pointer (&local_error)));
  return out;
}

VvMtLanguagePair *
vv_mt_language_pair_new (const char *source,
                         const char *target,
                         const char *via)
{
  VvMtLanguagePair *pair = g_new0 (VvMtLanguagePair, 1);

  /* The codes come from servers' replies, where json-glib passes an escape
   * such as "\351" through as a raw byte: keep them valid UTF-8 for the
   * language chooser and the settings. */
  pair->source = source ? g_utf8_make_valid (source, -1) : NULL;
  pair->target = target ? g_utf8_make_valid (target, -1) : NULL;
  pair->via = via ? g_utf8_make_valid (via, -1) : NULL;
  return pair;
}

void
vv_mt_language_pair_free (VvMtLanguagePair *pair)
{
  if (pair == NULL)
    return;
  g_free (pair->source);
  g_free (pair->target);
  g_free (pair->via);
  g_free (pair);
}

/* Registry */

const VvMtProviderInfo *
vv_mt_provider_get_all (guint *n_providers)
{
  if (n_providers)
    *n_providers = G_N_ELEMENTS (providers);
  return providers;
}

const VvMtProviderInfo *
vv_mt_provider_lookup_info (const char *id)
{
  for (guint i = 0; id && i < G_N_ELEMENTS (providers); i++)
    if (g_str_equal (providers[i].id, id))
      return &providers[i];
  return NULL;
}

/**
 * vv_mt_provider_new_for_id:
 * @id: a provider id from vv_mt_provider_get_all()
 * @url: (nullable): base URL; %NULL for the provider's default
 * @api_key: (nullable): the API key
 *
 * Returns: (transfer full): a new provider, or %NULL with @error set
 *   (G_IO_ERROR_NOT_FOUND for an unknown id)
 */
VvMtProvider *
vv_mt_provider_new_for_id (const char  *id,
                           const char  *url,
                           const char  *api_key,
                           GError     **error)
{
  if (g_strcmp0 (id, "apertium") == 0)
    return vv_mt_apertium_new (url);
  if (g_strcmp0 (id, "libretranslate") == 0)
    return vv_mt_libretranslate_new (url, api_key);
  if (g_strcmp0 (id, "deepl") == 0)
    return vv_mt_deepl_new (url, api_key);
  if (g_strcmp0 (id, "openai") == 0)
    return vv_mt_openai_new (url, api_key, NULL);
  if (g_strcmp0 (id, "google") == 0)
    return vv_mt_google_new (url, api_key);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("Unknown machine-translation provider “%s” (known: apertium, libretranslate, deepl, openai, google)"),
               id ? id : "");
  return NULL;
}

/**
 * vv_mt_provider_key_from_env:
 * @id: a provider id
 *
 * Returns: (transfer full) (nullable): the value of VISAVIS_<ID>_KEY
 */
char *
vv_mt_provider_key_from_env (const char *id)
{
  g_autofree char *upper = g_ascii_strup (id, -1);
  g_autofree char *name = g_strdup_printf ("VISAVIS_%s_KEY", upper);
  const char *value = g_getenv (name);

  return value && *value ? g_strdup (value) : NULL;
}
