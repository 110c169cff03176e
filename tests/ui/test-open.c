/* test-open.c: the ways an article reaches the window: an http(s) address,
 * a file dropped on the window, `visavis FILE` on the command line
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>

#include "vv-application.h"
#include "vv-recent-list.h"
#include "vv-settings.h"
#include "vv-test-server.h"
#include "vv-test-utils.h"
#include "vv-ui-test-utils.h"
#include "vv-window-private.h"

static const char page[] =
  "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
  "<title>Le tramway entre en service</title></head><body>"
  "<article><h1>Le tramway entre en service</h1>"
  "<p>La première rame a quitté le dépôt à 05h30. Elle a rejoint le campus en 27 minutes.</p>"
  "</article></body></html>";

/* Served by vv-test-server (its own thread). */
static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  if (g_strcmp0 (path, "/article.html") == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        page, strlen (page));
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static gboolean
done_loading (gpointer data)
{
  return !vv_window_get_busy (data);
}

static VvWindow *
open_window (void)
{
  VvWindow *window = vv_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
close_window (VvWindow *window)
{
  if (vv_window_get_document (window) != NULL)
    vv_document_set_dirty (vv_window_get_document (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  vv_ui_test_flush ();
}

static void
test_open_url (void)
{
  g_autofree char *url = vv_test_server_url ("/article.html");
  g_autoptr(GFile) file = g_file_new_for_uri (url);
  VvWindow *window = open_window ();
  VvDocument *document;

  vv_window_open_file (window, file);
  g_assert_true (vv_window_get_busy (window));
  g_assert_true (vv_ui_test_wait_until (done_loading, window));

  document = vv_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_cmpstr (vv_document_get_title (document), ==, "Le tramway entre en service");
  g_assert_cmpuint (vv_document_get_n_segments (document), >=, 3);
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "article.html");
  close_window (window);
}

/* A 404 leaves the window empty, not busy, with the error shown. */
static void
test_open_url_not_found (void)
{
  g_autofree char *url = vv_test_server_url ("/missing.html");
  g_autoptr(GFile) file = g_file_new_for_uri (url);
  VvWindow *window = open_window ();

  vv_window_open_file (window, file);
  g_assert_true (vv_ui_test_wait_until (done_loading, window));
  g_assert_null (vv_window_get_document (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  close_window (window);
}

static gboolean
has_document (gpointer data)
{
  return vv_window_get_document (data) != NULL && !vv_window_get_busy (data);
}

/* Dropping a file on the window opens it. */
static void
test_drop_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", "article.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VvWindow *window = open_window ();
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (window->drop_target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);

  g_assert_true (vv_ui_test_wait_until (has_document, window));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "article.txt");
  close_window (window);
}

typedef struct
{
  GApplication *app;
  gboolean      opened;
  guint         ticks;
} RunCheck;

static gboolean
check_opened_cb (gpointer data)
{
  RunCheck *check = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (check->app));

  if (window != NULL && has_document (window))
    {
      check->opened = TRUE;
      vv_document_set_dirty (vv_window_get_document (VV_WINDOW (window)), FALSE);
      g_application_quit (check->app);
      return G_SOURCE_REMOVE;
    }
  if (++check->ticks > 200)   /* 10 s */
    {
      g_application_quit (check->app);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* `visavis FILE`: the application opens the file in a window. */
static void
test_command_line_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", "article.txt", NULL);
  g_autoptr(VvApplication) app = vv_application_new ();
  char *argv[] = { (char *) "visavis", path, NULL };
  RunCheck check = { G_APPLICATION (app), FALSE, 0 };
  int status;

  /* no D-Bus in tests: run as a non-unique instance */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (50, check_opened_cb, &check);
  status = g_application_run (G_APPLICATION (app), 2, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (check.opened);
}

/* Opening or saving a project puts it first in the recent projects; the
 * empty window lists them and opens one when its row is activated. */
static void
test_recent_projects (void)
{
  g_autofree char *tmpdir = vv_test_make_tmpdir ();
  g_autofree char *path_a = g_build_filename (tmpdir, "alpha.visavis", NULL);
  g_autofree char *path_b = g_build_filename (tmpdir, "beta.visavis", NULL);
  g_autoptr(GFile) file_a = g_file_new_for_path (path_a);
  g_autoptr(GFile) file_b = g_file_new_for_path (path_b);
  g_autoptr(VvDocument) document = vv_test_document_from_text ("Le titre\n\nUne phrase. Une autre.\n");
  g_autoptr(GError) error = NULL;
  VvSettings *settings = vv_settings_get_default ();
  const char * const *recent;
  VvWindow *window;
  GtkWidget *list, *list_box, *row;

  g_settings_reset (vv_settings_get_gsettings (settings), "recent-projects");
  g_assert_true (vv_project_save (document, file_a, NULL, &error));
  g_assert_no_error (error);

  /* an empty list hides the section */
  window = open_window ();
  list = vv_ui_test_find_descendant (GTK_WIDGET (window), VV_TYPE_RECENT_LIST);
  g_assert_nonnull (list);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_first_child (list)));

  /* open alpha, save it as beta: beta first, then alpha */
  vv_window_open_file (window, file_a);
  g_assert_true (vv_ui_test_wait_until (has_document, window));
  g_assert_true (vv_window_save_to (window, file_b, &error));
  g_assert_no_error (error);
  recent = vv_settings_get_recent_projects (settings);
  g_assert_cmpstr (recent[0], ==, path_b);
  g_assert_cmpstr (recent[1], ==, path_a);
  g_assert_null (recent[2]);
  close_window (window);

  /* a new empty window lists both; activating the first opens beta */
  window = open_window ();
  list = vv_ui_test_find_descendant (GTK_WIDGET (window), VV_TYPE_RECENT_LIST);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_first_child (list)));
  list_box = vv_ui_test_find_descendant (list, GTK_TYPE_LIST_BOX);
  row = gtk_widget_get_first_child (list_box);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "beta.visavis");
  g_assert_nonnull (gtk_widget_get_next_sibling (row));
  g_signal_emit_by_name (list_box, "row-activated", row);
  g_assert_true (vv_ui_test_wait_until (has_document, window));
  g_assert_true (g_file_equal (vv_window_get_file (window), file_b));
  close_window (window);

  /* at most VV_SETTINGS_MAX_RECENT, no duplicates */
  for (guint i = 0; i < VV_SETTINGS_MAX_RECENT + 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%u.visavis", i);
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      vv_settings_add_recent_project (settings, file);
      vv_settings_add_recent_project (settings, file);
    }
  g_assert_cmpuint (g_strv_length ((char **) vv_settings_get_recent_projects (settings)), ==,
                    VV_SETTINGS_MAX_RECENT);

  g_settings_reset (vv_settings_get_gsettings (settings), "recent-projects");
  vv_test_rm_rf (tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!vv_ui_test_init (&argc, &argv))
    return 0;

  vv_test_server_start (handler, NULL);

  g_test_add_func ("/ui/open/url", test_open_url);
  g_test_add_func ("/ui/open/url-not-found", test_open_url_not_found);
  g_test_add_func ("/ui/open/drop-file", test_drop_file);
  g_test_add_func ("/ui/open/command-line-file", test_command_line_file);
  g_test_add_func ("/ui/open/recent-projects", test_recent_projects);

  status = g_test_run ();

  vv_test_server_stop ();
  return status;
}
