/* vv-fetch.c: fetching articles from http(s) URLs
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One blocking fetch per call, with its own SoupSession, so that it can run
 * in a worker thread (vv_import_uri_async). Redirects are followed here, not
 * by libsoup, to cap them and to refuse non-http targets.
 */

#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "vv-document.h"
#include "vv-fetch.h"
#include "vv-importer.h"

#define READ_CHUNK (64 * 1024)

/**
 * vv_fetch_options_init:
 * @options: options to fill with the defaults
 *
 * 30 s timeout, 20 MB, 5 redirects.
 */
void
vv_fetch_options_init (VvFetchOptions *options)
{
  options->timeout = VV_FETCH_DEFAULT_TIMEOUT;
  options->max_size = VV_FETCH_DEFAULT_MAX_SIZE;
  options->max_redirects = VV_FETCH_DEFAULT_MAX_REDIRECTS;
}

/**
 * vv_fetch_is_url:
 * @text: a command-line argument or typed text
 *
 * Returns: whether @text is an http or https URL
 */
gboolean
vv_fetch_is_url (const char *text)
{
  g_autofree char *scheme = NULL;

  if (text == NULL)
    return FALSE;
  scheme = g_uri_parse_scheme (text);
  return scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0);
}

/**
 * vv_fetch_user_agent:
 *
 * Returns: (transfer full): the User-Agent sent with every request
 */
char *
vv_fetch_user_agent (void)
{
  return g_strdup_printf ("Visavis/%s (Vis-a-vis article translator; +https://github.com/visavis/visavis)",
                          PACKAGE_VERSION);
}

static char *
host_of (GUri *uri)
{
  const char *host = g_uri_get_host (uri);

  if (host != NULL && *host != '\0')
    return g_strdup (host);
  return g_uri_to_string (uri);
}

/* Whether a registered importer reads this MIME type (or it is text) */
static gboolean
acceptable_type (const char *mime,
                 const char *path)
{
  const VvImportFormat *formats;
  guint n_formats;

  if (g_str_has_prefix (mime, "text/"))
    return TRUE;
  formats = vv_import_get_formats (&n_formats);
  for (guint i = 0; i < n_formats; i++)
    for (guint j = 0; formats[i].mime_types != NULL && formats[i].mime_types[j] != NULL; j++)
      if (g_ascii_strcasecmp (formats[i].mime_types[j], mime) == 0)
        return TRUE;

  /* servers often send documents as octet-stream: trust a known extension */
  if (g_ascii_strcasecmp (mime, "application/octet-stream") == 0 && path != NULL)
    {
      const char *dot = strrchr (path, '.');
      const char *slash = strrchr (path, '/');

      if (dot != NULL && (slash == NULL || dot > slash))
        for (guint i = 0; i < n_formats; i++)
          for (guint j = 0; formats[i].extensions != NULL && formats[i].extensions[j] != NULL; j++)
            if (g_ascii_strcasecmp (formats[i].extensions[j], dot + 1) == 0)
              return TRUE;
    }
  return FALSE;
}

static void
set_network_error (GError     **error,
                   GError      *cause,
                   const char  *uri,
                   const char  *host,
                   guint        timeout)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Fetching “%s” was cancelled"), uri);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                 /* Translators: %s is a server name, %u seconds */
                 _("Cannot fetch “%s”: the server %s did not answer within %u seconds"),
                 uri, host, timeout);
  else
    g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_NETWORK,
                 _("Cannot fetch “%s” from %s: %s"), uri, host, cause->message);
}

/**
 * vv_fetch_uri:
 * @uri: an http or https URL
 * @options: (nullable): limits, or %NULL for the defaults
 * @content_type: (out) (optional): the Content-Type header
 * @final_uri: (out) (optional): the URL after redirects
 * @progress: (nullable) (scope call): called as the body arrives
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Downloads @uri, blocking. Refuses other schemes, more than
 * @options->max_redirects redirects, bodies larger than
 * @options->max_size, and content types no importer reads (images,
 * archives…). Errors name the URL and the server.
 *
 * Returns: (transfer full) (nullable): the body
 */
GBytes *
vv_fetch_uri (const char            *uri,
              const VvFetchOptions  *options,
              char                 **content_type,
              char                 **final_uri,
              VvFetchProgressFunc    progress,
              gpointer               progress_data,
              GCancellable          *cancellable,
              GError               **error)
{
  VvFetchOptions defaults;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GUri) current = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) body = NULL;
  g_autofree char *agent = vv_fetch_user_agent ();
  g_autofree char *host = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *type_header;
  goffset total;
  gint64 deadline;
  guint status;

  if (options == NULL)
    {
      vv_fetch_options_init (&defaults);
      options = &defaults;
    }

  if (!vv_fetch_is_url (uri) || (current = g_uri_parse (uri, SOUP_HTTP_URI_FLAGS, NULL)) == NULL)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_UNSUPPORTED,
                   _("“%s” is not an http or https address"), uri);
      return NULL;
    }

  session = soup_session_new_with_options ("timeout", options->timeout,
                                           "idle-timeout", options->timeout,
                                           "user-agent", agent,
                                           NULL);

  for (guint redirects = 0; ; redirects++)
    {
      const char *location;
      GUri *next;

      g_clear_object (&stream);
      g_clear_object (&message);
      g_clear_pointer (&host, g_free);
      host = host_of (current);

      message = soup_message_new_from_uri (SOUP_METHOD_GET, current);
      soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
      soup_message_headers_replace (soup_message_get_request_headers (message), "Accept",
                                    "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5");
      soup_message_headers_replace (soup_message_get_request_headers (message), "Accept-Language",
                                    "fr,en;q=0.5");

      stream = soup_session_send (session, message, cancellable, &local_error);
      if (stream == NULL)
        {
          set_network_error (error, local_error, uri, host, options->timeout);
          return NULL;
        }

      status = soup_message_get_status (message);
      if (!SOUP_STATUS_IS_REDIRECTION (status))
        break;

      location = soup_message_headers_get_one (soup_message_get_response_headers (message), "Location");
      if (location == NULL)
        {
          g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_NETWORK,
                       _("Cannot fetch “%s”: %s answered a redirect (%u) without a new address"),
                       uri, host, status);
          return NULL;
        }
      if (redirects >= options->max_redirects)
        {
          g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_NETWORK,
                       ngettext ("Cannot fetch “%s”: more than %u redirect",
                                 "Cannot fetch “%s”: more than %u redirects", options->max_redirects),
                       uri, options->max_redirects);
          return NULL;
        }
      next = g_uri_parse_relative (current, location, SOUP_HTTP_URI_FLAGS, NULL);
      if (next == NULL || (g_ascii_strcasecmp (g_uri_get_scheme (next), "http") != 0
                           && g_ascii_strcasecmp (g_uri_get_scheme (next), "https") != 0))
        {
          g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_NETWORK,
                       _("Cannot fetch “%s”: %s redirects to “%s”, which is not an http or https address"),
                       uri, host, location);
          g_clear_pointer (&next, g_uri_unref);
          return NULL;
        }
      g_uri_unref (current);
      current = next;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_NETWORK,
                   /* Translators: “URL”: the server example.org answered 404 Not Found */
                   _("Cannot fetch “%s”: the server %s answered %u %s"),
                   uri, host, status, soup_message_get_reason_phrase (message)
                                      ? soup_message_get_reason_phrase (message) : "");
      return NULL;
    }

  type_header = soup_message_headers_get_one (soup_message_get_response_headers (message), "Content-Type");
  if (type_header != NULL)
    {
      g_autofree char *mime = g_strstrip (g_strndup (type_header, strcspn (type_header, ";")));

      if (*mime != '\0' && !acceptable_type (mime, g_uri_get_path (current)))
        {
          g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_UNSUPPORTED,
                       _("“%s” is not an article: the server %s sent “%s”"), uri, host, mime);
          return NULL;
        }
    }

  total = soup_message_headers_get_content_length (soup_message_get_response_headers (message));
  if (soup_message_headers_get_encoding (soup_message_get_response_headers (message)) != SOUP_ENCODING_CONTENT_LENGTH)
    total = -1;
  if (total > 0 && (gsize)total > options->max_size)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large: %s announces %" PRId64 " MB, articles may be up to %u MB"),
                   uri, host, (gint64)(total / (1024 * 1024)), (guint)(options->max_size / (1024 * 1024)));
      return NULL;
    }

  body = g_byte_array_sized_new (total > 0 ? (guint)total : READ_CHUNK);
  deadline = g_get_monotonic_time () + (gint64)options->timeout * 4 * G_USEC_PER_SEC;
  if (progress != NULL)
    progress (0, total, progress_data);

  for (;;)
    {
      guint8 chunk[READ_CHUNK];
      gssize n = g_input_stream_read (stream, chunk, sizeof chunk, cancellable, &local_error);

      if (n < 0)
        {
          set_network_error (error, local_error, uri, host, options->timeout);
          return NULL;
        }
      if (n == 0)
        break;
      if (body->len + (gsize)n > options->max_size)
        {
          g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_TOO_LARGE,
                       _("“%s” is too large: %s sent more than %u MB, articles may be up to %u MB"),
                       uri, host, (guint)(options->max_size / (1024 * 1024)),
                       (guint)(options->max_size / (1024 * 1024)));
          return NULL;
        }
      g_byte_array_append (body, chunk, n);
      if (progress != NULL)
        progress (body->len, total, progress_data);
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       _("Cannot fetch “%s”: the server %s is too slow (%u seconds)"),
                       uri, host, options->timeout * 4);
          return NULL;
        }
    }
  g_input_stream_close (stream, NULL, NULL);

  if (content_type != NULL)
    *content_type = g_strdup (type_header);
  if (final_uri != NULL)
    *final_uri = g_uri_to_string (current);
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

/* A title for pages without one: the last part of the path, or the host */
static char *
title_from_uri (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  g_autofree char *path = NULL;
  char *slash;

  if (parsed == NULL)
    return g_strdup (uri);
  path = g_strdup (g_uri_get_path (parsed) ? g_uri_get_path (parsed) : "");
  while (g_str_has_suffix (path, "/"))
    path[strlen (path) - 1] = '\0';
  slash = strrchr (path, '/');
  if (slash != NULL && slash[1] != '\0')
    return g_uri_unescape_string (slash + 1, NULL);
  return host_of (parsed);
}

/**
 * vv_import_uri:
 * @uri: an http or https URL
 * @segmenter: (nullable): splits blocks into segments
 * @options: (nullable): fetch limits, or %NULL for the defaults
 * @progress: (nullable) (scope call): download progress
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Fetches @uri and imports it with the importer its extension or
 * Content-Type names; web pages get the header's charset.
 *
 * Returns: (transfer full) (nullable): the document
 */
VvDocument *
vv_import_uri (const char            *uri,
               VvSegmenter           *segmenter,
               const VvFetchOptions  *options,
               VvFetchProgressFunc    progress,
               gpointer               progress_data,
               GCancellable          *cancellable,
               GError               **error)
{
  g_autofree char *content_type = NULL;
  g_autofree char *final_uri = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GUri) parsed = NULL;
  const VvImportFormat *format;
  VvDocument *document;

  bytes = vv_fetch_uri (uri, options, &content_type, &final_uri, progress, progress_data, cancellable, error);
  if (bytes == NULL)
    return NULL;

  parsed = g_uri_parse (final_uri, SOUP_HTTP_URI_FLAGS, NULL);
  format = vv_import_guess_format (parsed ? g_uri_get_path (parsed) : NULL, content_type, bytes);
  if (g_strcmp0 (format->id, "html") == 0)
    document = vv_import_html_full (bytes, uri, content_type, segmenter, error);
  else
    document = format->import (bytes, uri, segmenter, error);
  if (document == NULL)
    return NULL;

  vv_document_set_source_uri (document, final_uri);
  if (*vv_document_get_title (document) == '\0')
    {
      g_autofree char *title = title_from_uri (final_uri);
      vv_document_set_title (document, title);
    }
  vv_document_set_dirty (document, FALSE);
  return document;
}

typedef struct
{
  gatomicrefcount      ref_count;
  char                *uri;
  VvSegmenter         *segmenter;
  VvFetchOptions       options;
  VvFetchProgressFunc  progress;
  gpointer             progress_data;
  GDestroyNotify       progress_data_free;
  GMainContext        *context;
  GCancellable        *cancellable;
  GMutex               mutex;         /* protects the three fields below */
  goffset              received;
  goffset              total;
  gboolean             report_pending;
} AsyncData;

static AsyncData *
async_data_ref (AsyncData *data)
{
  g_atomic_ref_count_inc (&data->ref_count);
  return data;
}

static void
async_data_unref (AsyncData *data)
{
  if (!g_atomic_ref_count_dec (&data->ref_count))
    return;
  g_free (data->uri);
  g_clear_object (&data->segmenter);
  g_clear_object (&data->cancellable);
  if (data->progress_data_free != NULL)
    data->progress_data_free (data->progress_data);
  g_main_context_unref (data->context);
  g_mutex_clear (&data->mutex);
  g_free (data);
}

static gboolean
progress_in_caller_cb (gpointer user_data)
{
  AsyncData *data = user_data;
  goffset received, total;

  g_mutex_lock (&data->mutex);
  received = data->received;
  total = data->total;
  data->report_pending = FALSE;
  g_mutex_unlock (&data->mutex);

  if (!g_cancellable_is_cancelled (data->cancellable))
    data->progress (received, total, data->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker thread: keep the latest figures and have the caller's
 * context report them; reports coalesce while one is pending */
static void
progress_in_worker (goffset  received,
                    goffset  total,
                    gpointer user_data)
{
  AsyncData *data = user_data;
  gboolean schedule;

  g_mutex_lock (&data->mutex);
  data->received = received;
  data->total = total;
  schedule = !data->report_pending;
  data->report_pending = TRUE;
  g_mutex_unlock (&data->mutex);

  if (schedule)
    g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, progress_in_caller_cb,
                                async_data_ref (data), (GDestroyNotify)async_data_unref);
}

static void
import_uri_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  AsyncData *data = task_data;
  GError *error = NULL;
  VvDocument *document;

  document = vv_import_uri (data->uri, data->segmenter, &data->options,
                            data->progress ? progress_in_worker : NULL, data,
                            cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/**
 * vv_import_uri_async:
 * @uri: an http or https URL
 * @segmenter: (nullable): splits blocks into segments
 * @options: (nullable): fetch limits, or %NULL for the defaults
 * @progress: (nullable): download progress, called in the thread-default
 *   main context of the caller, never after @cancellable is cancelled
 * @progress_data: data for @progress
 * @progress_data_free: (nullable): frees @progress_data when done
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Fetches and imports @uri in a worker thread.
 */
void
vv_import_uri_async (const char            *uri,
                     VvSegmenter           *segmenter,
                     const VvFetchOptions  *options,
                     VvFetchProgressFunc    progress,
                     gpointer               progress_data,
                     GDestroyNotify         progress_data_free,
                     GCancellable          *cancellable,
                     GAsyncReadyCallback    callback,
                     gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *data;

  g_return_if_fail (uri != NULL);

  data = g_new0 (AsyncData, 1);
  g_atomic_ref_count_init (&data->ref_count);
  g_mutex_init (&data->mutex);
  data->uri = g_strdup (uri);
  data->segmenter = segmenter ? g_object_ref (segmenter) : NULL;
  if (options != NULL)
    data->options = *options;
  else
    vv_fetch_options_init (&data->options);
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_data_free = progress_data_free;
  data->context = g_main_context_ref_thread_default ();
  data->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();

  task = g_task_new (NULL, data->cancellable, callback, user_data);
  g_task_set_source_tag (task, vv_import_uri_async);
  g_task_set_task_data (task, data, (GDestroyNotify)async_data_unref);
  g_task_run_in_thread (task, import_uri_thread);
}

/**
 * vv_import_uri_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the document
 */
VvDocument *
vv_import_uri_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
