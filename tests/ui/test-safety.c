/* test-safety.c: never losing work, in the window: the crash-recovery
 * dialog (Recover, Discard), the project file changed or deleted by another
 * program (Keep Editing, Reload), and the last project reopened at its last
 * segment
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "vv-settings.h"
#include "vv-test-utils.h"
#include "vv-ui-test-utils.h"
#include "vv-window-private.h"

#define ARTICLE \
  "Le métro de Lyon\n" \
  "\n" \
  "M. Dupont a pris le métro. Il était en retard. La rame était pleine.\n" \
  "\n" \
  "Les tarifs augmentent de 14,5 %. Les usagers protestent. « C'est trop », dit Mme Martin.\n"

#define EDIT "Mr Dupont took the metro (recovered)."

typedef struct
{
  char  *dir;
  char  *path;
  char  *journal_path;
  GFile *project;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (ARTICLE);
  g_autoptr(GError) error = NULL;
  GSettings *settings = vv_settings_get_gsettings (vv_settings_get_default ());

  fixture->dir = vv_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "metro.visavis", NULL);
  fixture->journal_path = g_build_filename (fixture->dir, ".metro.visavis.journal", NULL);
  fixture->project = g_file_new_for_path (fixture->path);
  g_assert_true (vv_project_save (document, fixture->project, NULL, &error));
  g_assert_no_error (error);

  g_settings_reset (settings, "last-project");
  g_settings_reset (settings, "last-segment");
  g_settings_reset (settings, "autosave-interval");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  vv_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->journal_path);
  g_object_unref (fixture->project);
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

/* A session that died with one unsaved edit to the project: its journal */
static void
leave_journal (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = vv_project_load (fixture->project, NULL, &error);
  g_autoptr(VvJournal) journal = NULL;

  g_assert_no_error (error);
  journal = vv_journal_new (document, fixture->project, FALSE, &error);
  g_assert_no_error (error);
  vv_journal_set_idle_delay (journal, 0);
  vv_segment_set_target (vv_document_get_segment (document, 1), EDIT);
  g_assert_true (vv_journal_flush (journal, &error));
  g_assert_no_error (error);
  vv_journal_close (journal, FALSE);
}

/* The message dialog shown over @window, if any */
static AdwMessageDialog *
find_dialog (VvWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static gboolean
has_dialog (gpointer window)
{
  return find_dialog (window) != NULL;
}

static AdwMessageDialog *
wait_for_dialog (VvWindow   *window,
                 const char *heading)
{
  AdwMessageDialog *dialog;

  g_assert_true (vv_ui_test_wait_until (has_dialog, window));
  dialog = find_dialog (window);
  if (dialog == NULL)
    g_error ("no dialog");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  return dialog;
}

/* Answers @dialog as a click on @response would */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  vv_ui_test_flush ();
}

static char *
journal_contents (Fixture  *fixture,
                  VvWindow *window)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  if (window->journal == NULL)
    g_error ("the window keeps no journal");
  g_assert_true (vv_journal_flush (window->journal, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (fixture->journal_path, &contents, NULL, NULL));
  return contents;
}

/* A session died with an unsaved edit; the project is opened again: the
 * recovery dialog, over the window returned in @window */
static AdwMessageDialog *
reopen_after_crash (Fixture   *fixture,
                    VvWindow **window)
{
  AdwMessageDialog *dialog;

  leave_journal (fixture);
  *window = open_window ();
  vv_window_open_file (*window, fixture->project);
  dialog = wait_for_dialog (*window, "Recover Unsaved Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 change made since the last save"));
  g_assert_null (vv_window_get_document (*window));
  return dialog;
}

static void
test_recover (Fixture       *fixture,
              gconstpointer  data)
{
  VvWindow *window;
  VvDocument *document;
  AdwMessageDialog *dialog;
  g_autofree char *contents = NULL;

  dialog = reopen_after_crash (fixture, &window);
  respond (dialog, "recover");

  document = vv_window_get_document (window);
  if (document == NULL)
    g_error ("nothing open after Recover");
  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (document, 1)), ==, EDIT);
  g_assert_true (vv_document_get_dirty (document));

  /* the new journal holds the recovered edit (in its snapshot) */
  contents = journal_contents (fixture, window);
  g_assert_nonnull (strstr (contents, "\"op\":\"snapshot\""));
  g_assert_nonnull (strstr (contents, "took the metro (recovered)"));
  {
    g_autofree char *tmp = g_strconcat (fixture->journal_path, ".new", NULL);

    g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  }

  close_window (window);
}

static void
test_discard (Fixture       *fixture,
              gconstpointer  data)
{
  VvWindow *window;
  VvDocument *document;
  AdwMessageDialog *dialog;
  g_autofree char *contents = NULL;

  dialog = reopen_after_crash (fixture, &window);
  respond (dialog, "discard");

  document = vv_window_get_document (window);
  if (document == NULL)
    g_error ("the project is not open after Discard");
  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (document, 1)), ==, "");
  g_assert_false (vv_document_get_dirty (document));

  /* the old journal is gone: the window's new one has no trace of the edit */
  contents = journal_contents (fixture, window);
  g_assert_null (strstr (contents, "recovered"));

  close_window (window);

  /* and nothing is offered next time */
  {
    g_autoptr(GFile) journal = vv_journal_find_for_project (fixture->project);

    g_assert_null (journal);
  }
}

/* The project file another program writes: one article of @text */
static char *
other_program_data (const char *text)
{
  g_autoptr(VvDocument) other = vv_test_document_from_text (text);

  return vv_project_to_data (other, NULL);
}

/* Another program writes the file in place */
static void
overwrite_project (Fixture    *fixture,
                   const char *text)
{
  g_autofree char *data = other_program_data (text);
  FILE *f = fopen (fixture->path, "w");

  g_assert_nonnull (f);
  g_assert_cmpint (fputs (data, f), >=, 0);
  g_assert_cmpint (fclose (f), ==, 0);
}

static void
test_file_changed (Fixture       *fixture,
                   gconstpointer  data)
{
  VvWindow *window = open_window ();
  VvDocument *document, *reloaded;
  AdwMessageDialog *dialog;

  vv_window_open_file (window, fixture->project);
  document = vv_window_get_document (window);
  if (document == NULL)
    g_error ("the project is not open");
  g_assert_null (find_dialog (window));
  vv_segment_set_target (vv_document_get_segment (document, 0), "The Lyon metro");

  /* Keep Editing: this version stays, with its edit */
  overwrite_project (fixture, "Un autre programme a écrit ceci.\n");
  dialog = wait_for_dialog (window, "Project File Changed");
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  respond (dialog, "keep");
  g_assert_true (vv_window_get_document (window) == document);
  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (document, 0)), ==, "The Lyon metro");
  g_assert_true (vv_document_get_dirty (document));

  /* Reload: the other program's version replaces it */
  overwrite_project (fixture, "Une deuxième version, écrite ailleurs.\n");
  dialog = wait_for_dialog (window, "Project File Changed");
  respond (dialog, "reload");
  reloaded = vv_window_get_document (window);
  if (reloaded == NULL)
    g_error ("nothing open after Reload");
  g_assert_true (reloaded != document);
  g_assert_cmpuint (vv_document_get_n_segments (reloaded), ==, 1);
  g_assert_cmpstr (vv_segment_get_source (vv_document_get_segment (reloaded, 0)), ==,
                   "Une deuxième version, écrite ailleurs.");
  g_assert_false (vv_document_get_dirty (reloaded));

  /* Deleted: no Reload; the open version is marked unsaved */
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  dialog = wait_for_dialog (window, "Project File Deleted");
  g_assert_false (adw_message_dialog_has_response (dialog, "reload"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  respond (dialog, "keep");
  g_assert_true (vv_window_get_document (window) == reloaded);
  g_assert_true (vv_document_get_dirty (reloaded));

  close_window (window);
}

/* Another program replaces the file the way editors and atomic savers do:
 * it writes a new file beside it and renames it over the project. */
static void
replace_project (Fixture    *fixture,
                 const char *text)
{
  g_autofree char *data = other_program_data (text);
  g_autofree char *tmp = g_strconcat (fixture->path, ".other-program", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (tmp, data, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_rename (tmp, fixture->path), ==, 0);
}

static gboolean
saved_here (gpointer data)
{
  VvWindow *window = data;

  return window->saving == 0 && !vv_document_get_dirty (vv_window_get_document (window));
}

static void
test_file_replaced (Fixture       *fixture,
                    gconstpointer  data)
{
  VvWindow *window = open_window ();
  VvDocument *document, *reloaded;
  AdwMessageDialog *dialog;

  vv_window_open_file (window, fixture->project);
  document = vv_window_get_document (window);
  if (document == NULL)
    g_error ("the project is not open");
  vv_segment_set_target (vv_document_get_segment (document, 0), "The Lyon metro");

  /* our own save also renames over the file: that is no reason to ask */
  _vv_window_save (window, FALSE);
  if (!vv_ui_test_wait_until (saved_here, window))
    g_error ("the window's own save did not finish");
  vv_ui_test_run_for (500);
  g_assert_null (find_dialog (window));

  /* Keep Editing keeps this version and its new edit */
  vv_segment_set_target (vv_document_get_segment (document, 0), "The Lyon metro line");
  replace_project (fixture, "Remplacé par un autre programme.\n");
  dialog = wait_for_dialog (window, "Project File Changed");
  respond (dialog, "keep");
  g_assert_true (vv_window_get_document (window) == document);
  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (document, 0)), ==,
                   "The Lyon metro line");
  g_assert_true (vv_document_get_dirty (document));

  /* the monitor still watches the new file: a second replacement is seen,
   * and Reload reads it */
  replace_project (fixture, "Remplacé une deuxième fois.\n");
  dialog = wait_for_dialog (window, "Project File Changed");
  respond (dialog, "reload");
  reloaded = vv_window_get_document (window);
  if (reloaded == NULL)
    g_error ("nothing open after Reload");
  g_assert_true (reloaded != document);
  g_assert_cmpstr (vv_segment_get_source (vv_document_get_segment (reloaded, 0)), ==,
                   "Remplacé une deuxième fois.");
  g_assert_false (vv_document_get_dirty (reloaded));

  close_window (window);
}

static gboolean
has_file_chooser (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        {
          *(GtkWindow **)data = toplevel;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
saved_elsewhere (gpointer data)
{
  VvWindow *window = data;
  GFile *file = vv_window_get_file (window);

  return file != NULL && g_str_has_suffix (g_file_peek_path (file), "elsewhere.visavis") &&
         window->saving == 0 && !vv_document_get_dirty (vv_window_get_document (window));
}

/* Save As… from the dialog: the open version goes to another file */
static void
test_file_changed_save_as (Fixture       *fixture,
                           gconstpointer  data)
{
  VvWindow *window = open_window ();
  VvDocument *document;
  AdwMessageDialog *dialog;
  GtkWindow *chooser = NULL;
  g_autofree char *elsewhere = g_build_filename (fixture->dir, "elsewhere.visavis", NULL);
  g_autoptr(GFile) elsewhere_file = g_file_new_for_path (elsewhere);
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) saved = NULL;

  vv_window_open_file (window, fixture->project);
  document = vv_window_get_document (window);
  if (document == NULL)
    g_error ("the project is not open");
  vv_segment_set_target (vv_document_get_segment (document, 0), "The Lyon metro");

  overwrite_project (fixture, "Un autre programme a écrit ceci.\n");
  dialog = wait_for_dialog (window, "Project File Changed");
  respond (dialog, "save-as");

  g_assert_true (vv_ui_test_wait_until (has_file_chooser, &chooser));
  {
    g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);

    g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
    g_assert_no_error (error);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "elsewhere.visavis");
    vv_ui_test_flush ();
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  if (!vv_ui_test_wait_until (saved_elsewhere, window))
    g_error ("not saved as elsewhere.visavis: the window's file is %s, %u saves running, dirty %d",
             vv_window_get_file (window) ? g_file_peek_path (vv_window_get_file (window)) : "(none)",
             window->saving, vv_document_get_dirty (vv_window_get_document (window)));

  /* the version kept is in the new file; the other program's is untouched */
  saved = vv_project_load (elsewhere_file, NULL, &error);
  g_assert_no_error (error);
  if (saved == NULL)
    g_error ("nothing saved");
  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (saved, 0)), ==, "The Lyon metro");
  {
    g_autoptr(VvDocument) other = vv_project_load (fixture->project, NULL, &error);

    g_assert_no_error (error);
    if (other == NULL)
      g_error ("the other program's file is gone");
    g_assert_cmpstr (vv_segment_get_source (vv_document_get_segment (other, 0)), ==,
                     "Un autre programme a écrit ceci.");
  }

  close_window (window);
}

typedef struct
{
  VvWindow *window;
  guint     position;
} FocusWait;

static gboolean
focused_at (gpointer data)
{
  FocusWait *wait = data;

  return _vv_window_get_current_position (wait->window) == wait->position;
}

static void
test_session_restore (Fixture       *fixture,
                      gconstpointer  data)
{
  GSettings *settings = vv_settings_get_gsettings (vv_settings_get_default ());
  VvWindow *window = open_window ();
  FocusWait wait = { window, 3 };
  g_autofree char *uri = g_file_get_uri (fixture->project);
  g_autofree char *last_project = NULL;
  g_autoptr(VvDocument) saved = vv_project_load (fixture->project, NULL, NULL);
  VvDocument *document;

  /* nothing to restore yet */
  g_assert_false (vv_window_restore_session (window));

  /* work on the project; closing the window remembers where */
  vv_window_open_file (window, fixture->project);
  document = vv_window_get_document (window);
  if (document == NULL)
    g_error ("the project is not open");
  _vv_window_focus_position (window, 3);
  g_assert_true (vv_ui_test_wait_until (focused_at, &wait));
  gtk_window_close (GTK_WINDOW (window));
  vv_ui_test_flush ();
  last_project = g_settings_get_string (settings, "last-project");
  g_assert_cmpstr (last_project, ==, uri);
  if (saved == NULL)
    g_error ("cannot load the project");
  g_assert_cmpuint (g_settings_get_uint (settings, "last-segment"), ==,
                    vv_segment_get_id (vv_document_get_segment (saved, 3)));

  /* the next start reopens it at that segment */
  window = open_window ();
  wait.window = window;
  g_assert_true (vv_window_restore_session (window));
  document = vv_window_get_document (window);
  if (document == NULL)
    g_error ("the last project was not reopened");
  g_assert_true (g_file_equal (vv_window_get_file (window), fixture->project));
  g_assert_true (vv_ui_test_wait_until (focused_at, &wait));
  g_assert_cmpuint (_vv_window_get_current_position (window), ==, 3);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = vv_test_make_tmpdir ();
  int status;

  /* our own journals folder: nothing left by other tests is offered */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  if (!vv_ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/safety/recover", Fixture, NULL, fixture_setup, test_recover, fixture_teardown);
  g_test_add ("/ui/safety/discard", Fixture, NULL, fixture_setup, test_discard, fixture_teardown);
  g_test_add ("/ui/safety/file-changed", Fixture, NULL, fixture_setup, test_file_changed, fixture_teardown);
  g_test_add ("/ui/safety/file-replaced", Fixture, NULL, fixture_setup, test_file_replaced, fixture_teardown);
  g_test_add ("/ui/safety/file-changed/save-as", Fixture, NULL, fixture_setup, test_file_changed_save_as, fixture_teardown);
  g_test_add ("/ui/safety/session-restore", Fixture, NULL, fixture_setup, test_session_restore, fixture_teardown);

  status = g_test_run ();
  vv_test_rm_rf (state);
  return status;
}
