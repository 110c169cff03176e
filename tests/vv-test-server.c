/* vv-test-server.c: a local SoupServer in its own thread, for URL tests
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server listens on 127.0.0.1 (a free port) and runs its own main
 * context in a thread, so that blocking fetches in the test's thread (or
 * a child visavis-cli) can reach it. Handlers run in the server's thread:
 * attach their sources to vv_test_server_get_context().
 */

#include "config.h"

#include <string.h>

#include "vv-test-server.h"

typedef struct
{
  GThread            *thread;
  GMainContext       *context;
  GMainLoop          *loop;
  SoupServer         *server;
  SoupServerCallback  handler;
  gpointer            user_data;
  char               *base;
  GMutex              mutex;
  GCond               cond;
  gboolean            ready;
} Server;

static Server server;

static gpointer
server_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (server.context);
  server.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server.server, NULL, server.handler, server.user_data, NULL);
  soup_server_listen_local (server.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server.server);
  g_assert_nonnull (uris);
  {
    g_autofree char *uri = g_uri_to_string (uris->data);
    server.base = g_strndup (uri, strlen (uri) - (g_str_has_suffix (uri, "/") ? 1 : 0));
  }
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_mutex_lock (&server.mutex);
  server.ready = TRUE;
  g_cond_signal (&server.cond);
  g_mutex_unlock (&server.mutex);

  g_main_loop_run (server.loop);

  soup_server_disconnect (server.server);
  g_clear_object (&server.server);
  /* let the closed connections finish */
  while (g_main_context_iteration (server.context, FALSE))
    ;
  g_main_context_pop_thread_default (server.context);
  return NULL;
}

/**
 * vv_test_server_start:
 * @handler: serves every path
 * @user_data: data for @handler
 *
 * Also clears proxy settings so that 127.0.0.1 is reached directly.
 *
 * Returns: the base URL, "http://127.0.0.1:PORT"
 */
const char *
vv_test_server_start (SoupServerCallback handler,
                      gpointer           user_data)
{
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("HTTPS_PROXY");
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  server.handler = handler;
  server.user_data = user_data;
  server.context = g_main_context_new ();
  server.loop = g_main_loop_new (server.context, FALSE);
  g_mutex_init (&server.mutex);
  g_cond_init (&server.cond);
  server.thread = g_thread_new ("test-server", server_thread, NULL);
  g_mutex_lock (&server.mutex);
  while (!server.ready)
    g_cond_wait (&server.cond, &server.mutex);
  g_mutex_unlock (&server.mutex);
  return server.base;
}

GMainContext *
vv_test_server_get_context (void)
{
  return server.context;
}

char *
vv_test_server_url (const char *path)
{
  return g_strconcat (server.base, path, NULL);
}

/**
 * vv_test_server_serve_file:
 * @msg: the request
 * @path: (nullable): the file to send
 * @content_type: its Content-Type
 *
 * Answers with the file, or 404 when it cannot be read.
 */
void
vv_test_server_serve_file (SoupServerMessage *msg,
                           const char        *path,
                           const char        *content_type)
{
  char *contents = NULL;
  gsize length;

  if (path == NULL || !g_file_get_contents (path, &contents, &length, NULL))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_TAKE, contents, length);
}

static gboolean
answer_late_cb (gpointer data)
{
  SoupServerMessage *msg = data;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<p>trop tard</p>", 16);
  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

/**
 * vv_test_server_answer_late:
 * @msg: the request
 * @delay_ms: how long the server stays silent
 *
 * A slow server: nothing at all (not even headers) for @delay_ms.
 */
void
vv_test_server_answer_late (SoupServerMessage *msg,
                            guint              delay_ms)
{
  GSource *source = g_timeout_source_new (delay_ms);

  soup_server_message_pause (msg);
  g_source_set_callback (source, answer_late_cb, g_object_ref (msg), g_object_unref);
  g_source_attach (source, server.context);
  g_source_unref (source);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (server.loop);
  return G_SOURCE_REMOVE;
}

void
vv_test_server_stop (void)
{
  g_main_context_invoke (server.context, quit_cb, NULL);
  g_thread_join (server.thread);
  g_main_loop_unref (server.loop);
  g_main_context_unref (server.context);
  g_clear_pointer (&server.base, g_free);
  server.ready = FALSE;
}
