/* test-fetch.c: fetching and importing URLs, against a local SoupServer
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "vv-test-server.h"
#include "vv-test-utils.h"

#define HUGE_SIZE (21 * 1024 * 1024)

static void
handler (SoupServer        *soup_server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  if (g_str_has_prefix (path, "/corpus/"))
    {
      g_autofree char *file = vv_test_shared_path ("corpus", "extraction", path + strlen ("/corpus/"),
                                                   "source.html", NULL);
      vv_test_server_serve_file (msg, file, "text/html; charset=utf-8");
    }
  else if (g_str_equal (path, "/article") || g_str_equal (path, "/article.html"))
    {
      g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", "html", "article-fr.html", NULL);
      vv_test_server_serve_file (msg, file, "text/html; charset=utf-8");
    }
  else if (g_str_equal (path, "/latin1"))
    {
      /* no <meta>: only the header says latin-1 */
      static const char page[] =
        "<html><head><title>D\xE9j\xE0 l'\xE9t\xE9 \xE0 Besan\xE7on</title></head><body><article>"
        "<p>\xC0 Besan\xE7on, les premi\xE8res chaleurs sont arriv\xE9" "es d\xE8s la fin du mois de mai, "
        "et les terrasses des caf\xE9s du centre-ville ne d\xE9semplissent plus depuis.</p>"
        "<p>Les m\xE9t\xE9orologues pr\xE9voient un \xE9t\xE9 plus chaud que la moyenne, "
        "avec des orages fr\xE9quents en fin de journ\xE9" "e sur le massif du Jura.</p>"
        "</article></body></html>";
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html; charset=ISO-8859-1", SOUP_MEMORY_STATIC,
                                        page, sizeof page - 1);
    }
  else if (g_str_equal (path, "/notes.txt"))
    {
      static const char text[] = "Un titre en texte brut\n\nUn paragraphe de texte brut, servi en text/plain.\n";
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/plain; charset=utf-8", SOUP_MEMORY_STATIC,
                                        text, sizeof text - 1);
    }
  else if (g_str_has_prefix (path, "/redirect/"))
    {
      guint n = atoi (path + strlen ("/redirect/"));
      g_autofree char *next = n > 1 ? g_strdup_printf ("/redirect/%u", n - 1) : g_strdup ("/article");
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, next);
    }
  else if (g_str_equal (path, "/redirect-ftp"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location",
                                    "ftp://example.org/article.html");
    }
  else if (g_str_equal (path, "/slow"))
    vv_test_server_answer_late (msg, 3000);
  else if (g_str_equal (path, "/huge"))
    {
      char *body = g_malloc (HUGE_SIZE);
      memset (body, 'a', HUGE_SIZE);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_TAKE, body, HUGE_SIZE);
    }
  else if (g_str_equal (path, "/huge-chunked"))
    {
      SoupMessageBody *body = soup_server_message_get_response_body (msg);
      SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (headers, "text/html", NULL);
      for (guint i = 0; i < HUGE_SIZE / (1024 * 1024); i++)
        {
          char *chunk = g_malloc (1024 * 1024);
          memset (chunk, 'b', 1024 * 1024);
          soup_message_body_append (body, SOUP_MEMORY_TAKE, chunk, 1024 * 1024);
        }
      soup_message_body_complete (body);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_equal (path, "/image.png"))
    {
      static const char png[] = "\x89PNG\r\n\x1A\n";
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, png, sizeof png - 1);
    }
  else if (g_str_equal (path, "/user-agent"))
    {
      const char *agent = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "User-Agent");
      g_autofree char *escaped = g_markup_escape_text (agent ? agent : "(none)", -1);
      char *page = g_strdup_printf ("<html><head><title>Agent</title></head><body><p>Agent: %s</p></body></html>", escaped);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_TAKE, page, strlen (page));
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static char *
url (const char *path)
{
  return vv_test_server_url (path);
}

/* ---- Tests ----------------------------------------------------------- */

static VvDocument *
import_path (const char     *path,
             VvFetchOptions *options,
             GError        **error)
{
  g_autofree char *uri = url (path);
  return vv_import_uri (uri, NULL, options, NULL, NULL, NULL, error);
}

static char *
document_text (VvDocument *document)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < vv_document_get_n_blocks (document); i++)
    {
      g_autofree char *text = vv_block_dup_source_text (vv_document_get_block (document, i));
      g_string_append_printf (out, "%s\n", text);
    }
  return g_string_free (out, FALSE);
}

static void
test_fetch_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = import_path ("/article", NULL, &error);
  g_autofree char *text = NULL;
  g_autofree char *expected_uri = url ("/article");

  g_assert_no_error (error);
  g_assert_cmpstr (vv_document_get_title (document), ==, "Le tramway revient à Valmont après quarante ans d’absence");
  g_assert_cmpstr (vv_document_get_source_uri (document), ==, expected_uri);
  text = document_text (document);
  g_assert_nonnull (strstr (text, "La première rame du nouveau tramway de Valmont"));
  g_assert_null (strstr (text, "Nous utilisons des cookies"));
}

static void
test_fetch_corpus (void)
{
  g_autofree char *dir = vv_test_shared_path ("corpus", "extraction", "lemonde-1", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = NULL;
  g_autofree char *text = NULL;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/corpus/extraction is absent");
      return;
    }
  document = import_path ("/corpus/lemonde-1", NULL, &error);
  g_assert_no_error (error);
  text = document_text (document);
  g_assert_nonnull (strstr (text, "projet de loi sur le renseignement"));
  g_assert_cmpuint (vv_document_get_n_blocks (document), >, 10);
}

static void
test_fetch_charset_header (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = import_path ("/latin1", NULL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = document_text (document);
  g_assert_cmpstr (vv_document_get_title (document), ==, "Déjà l'été à Besançon");
  g_assert_nonnull (strstr (text, "À Besançon, les premières chaleurs sont arrivées"));
}

static void
test_fetch_other_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = import_path ("/notes.txt", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (vv_document_get_title (document), ==, "Un titre en texte brut");
}

static void
test_fetch_redirects (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = import_path ("/redirect/5", NULL, &error);
  g_autofree char *final = url ("/article");

  /* five redirects are followed; the document keeps the final address */
  g_assert_no_error (error);
  g_assert_cmpstr (vv_document_get_source_uri (document), ==, final);
  g_clear_object (&document);

  document = import_path ("/redirect/6", NULL, &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "/redirect/6"));
  g_assert_nonnull (strstr (error->message, "5 redirects"));
  g_clear_error (&error);

  document = import_path ("/redirect-ftp", NULL, &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "ftp://example.org"));
}

static void
test_fetch_not_found (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = import_path ("/missing", NULL, &error);

  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "/missing"));
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_nonnull (strstr (error->message, "404"));
}

static void
test_fetch_timeout (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = NULL;
  VvFetchOptions options;
  gint64 start = g_get_monotonic_time ();

  vv_fetch_options_init (&options);
  options.timeout = 1;
  document = import_path ("/slow", &options, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_nonnull (strstr (error->message, "1 seconds"));
  /* gave up after the timeout, before the server's 3 s delay */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2900 * 1000);
}

static gpointer
cancel_later (gpointer data)
{
  g_usleep (200 * 1000);
  g_cancellable_cancel (data);
  return NULL;
}

static void
test_fetch_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = url ("/slow");
  GThread *thread;
  gint64 start = g_get_monotonic_time ();
  VvDocument *document;

  thread = g_thread_new ("cancel", cancel_later, cancellable);
  document = vv_import_uri (uri, NULL, NULL, NULL, NULL, cancellable, &error);
  g_thread_join (thread);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static void
test_fetch_huge (void)
{
  g_autoptr(GError) error = NULL;
  VvDocument *document;

  /* announced by Content-Length: refused before the body is read */
  document = import_path ("/huge", NULL, &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "20 MB"));
  g_clear_error (&error);

  /* chunked, no length: cut at the cap */
  document = import_path ("/huge-chunked", NULL, &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "/huge-chunked"));
}

static void
test_fetch_wrong_type (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = import_path ("/image.png", NULL, &error);

  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "image/png"));
  g_clear_error (&error);

  g_assert_null (vv_import_uri ("ftp://example.org/a.html", NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_UNSUPPORTED);
  g_assert_false (vv_fetch_is_url ("/home/moi/article.html"));
  g_assert_false (vv_fetch_is_url ("file:///home/moi/article.html"));
  g_assert_true (vv_fetch_is_url ("HTTPS://example.org/"));
}

static void
test_fetch_user_agent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = import_path ("/user-agent", NULL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = document_text (document);
  g_assert_nonnull (strstr (text, "Agent: Visavis/" PACKAGE_VERSION " (Vis-a-vis"));
}

typedef struct
{
  GMainLoop  *loop;
  VvDocument *document;
  GError     *error;
  guint       n_progress;
  goffset     last_received;
  gboolean    wrong_thread;
} AsyncResult;

static void
on_progress (goffset  received,
             goffset  total,
             gpointer user_data)
{
  AsyncResult *result = user_data;

  if (!g_main_context_is_owner (g_main_context_default ()))
    result->wrong_thread = TRUE;
  result->n_progress++;
  result->last_received = received;
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  AsyncResult *result = user_data;

  result->document = vv_import_uri_finish (res, &result->error);
  g_main_loop_quit (result->loop);
}

static void
test_fetch_async (void)
{
  g_autofree char *uri = url ("/article");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "html", "article-fr.html", NULL);
  AsyncResult result = { g_main_loop_new (NULL, FALSE), NULL, NULL, 0, 0, FALSE };
  GStatBuf st;

  vv_import_uri_async (uri, NULL, NULL, on_progress, &result, NULL, NULL, import_done_cb, &result);
  g_main_loop_run (result.loop);
  /* let queued progress reports run */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_no_error (result.error);
  g_assert_nonnull (result.document);
  g_assert_cmpuint (result.n_progress, >=, 1);
  g_assert_false (result.wrong_thread);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (result.last_received, ==, st.st_size);
  g_object_unref (result.document);
  g_main_loop_unref (result.loop);
}

static void
test_cli_url (void)
{
  g_autofree char *uri = url ("/article");
  g_autofree char *missing = url ("/missing");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *tmpdir = vv_test_make_tmpdir ();
  g_autofree char *project = g_build_filename (tmpdir, "p.visavis", NULL);
  int status;

  status = vv_test_run_cli (NULL, &out, &err, "extract", uri, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "Le tramway revient à Valmont après quarante ans d’absence\n\n"));
  g_assert_nonnull (strstr (out, "\n\nUne ligne attendue depuis longtemps\n\n"));
  g_assert_null (strstr (out, "[boilerplate]"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = vv_test_run_cli (NULL, &out, &err, "extract", "--with-boilerplate", uri, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "\n\n[boilerplate] À lire aussi"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = vv_test_run_cli (NULL, &out, &err, "extract", missing, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "404"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = vv_test_run_cli (NULL, &out, &err, "import", uri, "-o", project, NULL);
  g_assert_cmpint (status, ==, 0);
  {
    g_autoptr(GFile) file = g_file_new_for_path (project);
    g_autoptr(GError) error = NULL;
    g_autoptr(VvDocument) document = vv_project_load (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (vv_document_get_source_uri (document), ==, uri);
    g_assert_cmpuint (vv_document_get_n_segments (document), >, 15);
  }
  vv_test_rm_rf (tmpdir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  vv_test_init (&argc, &argv);
  vv_test_server_start (handler, NULL);

  g_test_add_func ("/fetch/article", test_fetch_article);
  g_test_add_func ("/fetch/corpus", test_fetch_corpus);
  g_test_add_func ("/fetch/charset-header", test_fetch_charset_header);
  g_test_add_func ("/fetch/other-format", test_fetch_other_format);
  g_test_add_func ("/fetch/redirects", test_fetch_redirects);
  g_test_add_func ("/fetch/not-found", test_fetch_not_found);
  g_test_add_func ("/fetch/timeout", test_fetch_timeout);
  g_test_add_func ("/fetch/cancel", test_fetch_cancel);
  g_test_add_func ("/fetch/huge", test_fetch_huge);
  g_test_add_func ("/fetch/wrong-type", test_fetch_wrong_type);
  g_test_add_func ("/fetch/user-agent", test_fetch_user_agent);
  g_test_add_func ("/fetch/async", test_fetch_async);
  g_test_add_func ("/fetch/cli", test_cli_url);

  status = g_test_run ();
  vv_test_server_stop ();
  return status;
}
