/* test-open-url.c: widget tests of "Open URL…" (progress, cancel, errors)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "vv-open-url-dialog.h"
#include "vv-test-server.h"
#include "vv-test-utils.h"
#include "vv-ui-test-utils.h"
#include "vv-window.h"

#define PARTIAL_SIZE 300000

static void
handler (SoupServer        *soup_server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  if (g_str_equal (path, "/article"))
    {
      g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", "html", "article-fr.html", NULL);
      vv_test_server_serve_file (msg, file, "text/html; charset=utf-8");
    }
  else if (g_str_equal (path, "/slow"))
    vv_test_server_answer_late (msg, 8000);
  else if (g_str_equal (path, "/partial"))
    {
      /* a third of the announced body, then nothing: progress stays at 33 % */
      SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
      char *chunk = g_malloc (PARTIAL_SIZE / 3);

      memset (chunk, ' ', PARTIAL_SIZE / 3);
      soup_message_headers_set_content_length (headers, PARTIAL_SIZE);
      soup_message_headers_set_content_type (headers, "text/html", NULL);
      soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_TAKE,
                                chunk, PARTIAL_SIZE / 3);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static VvOpenUrlDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (VV_IS_OPEN_URL_DIALOG (item))
        return VV_OPEN_URL_DIALOG (item);
    }
  return NULL;
}

static gboolean
no_dialog (gpointer data)
{
  return find_dialog () == NULL;
}

static gboolean
has_document (gpointer data)
{
  return vv_window_get_document (data) != NULL;
}

static gboolean
dialog_idle (gpointer data)
{
  return !vv_open_url_dialog_get_busy (data);
}

static gboolean
progress_shows (gpointer data)
{
  VvOpenUrlDialog *dialog = data;
  GtkProgressBar *bar = NULL;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (dialog)); w != NULL; )
    {
      if (GTK_IS_PROGRESS_BAR (w))
        {
          bar = GTK_PROGRESS_BAR (w);
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  return bar != NULL && gtk_widget_get_visible (GTK_WIDGET (bar))
         && gtk_progress_bar_get_fraction (bar) > 0.3;
}

static void
save_screenshot (const char *name)
{
  const char *dir = g_getenv ("VISAVIS_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  vv_ui_test_flush ();
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static void
test_open_url (void)
{
  VvWindow *window = vv_window_new (NULL);
  g_autofree char *uri = vv_test_server_url ("/article");
  VvOpenUrlDialog *dialog;
  VvDocument *document;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-url", NULL));
  vv_ui_test_flush ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  vv_open_url_dialog_set_uri (dialog, uri);
  vv_open_url_dialog_open (dialog);
  g_assert_true (vv_ui_test_wait_until (has_document, window));
  g_assert_true (vv_ui_test_wait_until (no_dialog, NULL));

  document = vv_window_get_document (window);
  g_assert_cmpstr (vv_document_get_title (document), ==, "Le tramway revient à Valmont après quarante ans d’absence");
  g_assert_cmpstr (vv_document_get_source_uri (document), ==, uri);
  g_assert_false (vv_document_get_dirty (document));
  save_screenshot ("open-url-done.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_file_with_url (void)
{
  VvWindow *window = vv_window_new (NULL);
  g_autofree char *uri = vv_test_server_url ("/article");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  /* `visavis https://…` and dropped links arrive as a GFile */
  gtk_window_present (GTK_WINDOW (window));
  vv_window_open_file (window, file);
  g_assert_true (vv_window_get_busy (window));
  g_assert_true (vv_ui_test_wait_until (has_document, window));
  g_assert_cmpstr (vv_document_get_source_uri (vv_window_get_document (window)), ==, uri);
  g_assert_false (vv_window_get_busy (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_progress_and_cancel (void)
{
  VvWindow *window = vv_window_new (NULL);
  g_autofree char *uri = vv_test_server_url ("/partial");
  VvOpenUrlDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  dialog = vv_open_url_dialog_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  vv_open_url_dialog_set_uri (dialog, uri);
  vv_open_url_dialog_open (dialog);
  g_assert_true (vv_open_url_dialog_get_busy (dialog));

  /* a third of the body arrived: the bar says so */
  g_assert_true (vv_ui_test_wait_until (progress_shows, dialog));
  save_screenshot ("open-url-progress.png");

  /* Cancel stops the download and keeps the dialog open */
  vv_open_url_dialog_cancel (dialog);
  g_assert_true (vv_ui_test_wait_until (dialog_idle, dialog));
  g_assert_cmpstr (vv_open_url_dialog_get_status (dialog), ==, "Cancelled.");
  g_assert_true (find_dialog () == dialog);
  g_assert_null (vv_window_get_document (window));

  /* pressed again, it closes */
  vv_open_url_dialog_cancel (dialog);
  g_assert_true (vv_ui_test_wait_until (no_dialog, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_errors_stay_in_dialog (void)
{
  VvWindow *window = vv_window_new (NULL);
  g_autofree char *missing = vv_test_server_url ("/missing");
  g_autofree char *slow = vv_test_server_url ("/slow");
  VvOpenUrlDialog *dialog;
  VvFetchOptions options;

  gtk_window_present (GTK_WINDOW (window));
  dialog = vv_open_url_dialog_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));

  vv_open_url_dialog_set_uri (dialog, missing);
  vv_open_url_dialog_open (dialog);
  g_assert_true (vv_ui_test_wait_until (dialog_idle, dialog));
  g_assert_nonnull (strstr (vv_open_url_dialog_get_status (dialog), "404"));
  g_assert_nonnull (strstr (vv_open_url_dialog_get_status (dialog), "/missing"));
  save_screenshot ("open-url-error.png");

  /* a slow server: the timeout ends it, with a message naming the server */
  vv_fetch_options_init (&options);
  options.timeout = 1;
  vv_open_url_dialog_set_fetch_options (dialog, &options);
  vv_open_url_dialog_set_uri (dialog, slow);
  vv_open_url_dialog_open (dialog);
  g_assert_true (vv_open_url_dialog_get_busy (dialog));
  g_assert_true (vv_ui_test_wait_until (dialog_idle, dialog));
  g_assert_nonnull (strstr (vv_open_url_dialog_get_status (dialog), "did not answer within 1 seconds"));

  /* no scheme: https:// is assumed; other schemes are refused */
  vv_open_url_dialog_set_uri (dialog, "ftp://example.org/a.html");
  vv_open_url_dialog_open (dialog);
  g_assert_false (vv_open_url_dialog_get_busy (dialog));
  g_assert_nonnull (strstr (vv_open_url_dialog_get_status (dialog), "not an http or https address"));

  g_assert_null (vv_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!vv_ui_test_init (&argc, &argv))
    return 0;

  vv_test_server_start (handler, NULL);

  g_test_add_func ("/ui/open-url/open", test_open_url);
  g_test_add_func ("/ui/open-url/open-file-with-url", test_open_file_with_url);
  g_test_add_func ("/ui/open-url/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/ui/open-url/errors", test_errors_stay_in_dialog);

  status = g_test_run ();

  vv_test_server_stop ();
  return status;
}
