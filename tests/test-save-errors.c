/* test-save-errors.c: atomic saving when the disk is full, the folder is
 * read-only or gone; the previous file always stays intact.
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "vv-test-utils.h"

static VvDocument *
make_document (void)
{
  return vv_test_document_from_text ("Titre\n\nUne phrase. Une autre phrase.\n");
}

static char *
read_all (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Only NAME and NAME~ may be left in @dir: no temporary files */
static void
assert_no_leftovers (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_strcmp0 (name, "p.visavis") != 0 && g_strcmp0 (name, "p.visavis~") != 0)
      g_test_fail_printf ("leftover file “%s” in %s", name, dir);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  char      *checksum;
} SaveWait;

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveWait *wait = user_data;

  wait->ok = vv_project_save_finish (VV_DOCUMENT (object), result, &wait->checksum, &wait->error);
  g_main_loop_quit (wait->loop);
}

static gboolean
save_async_and_wait (VvDocument  *document,
                     GFile       *file,
                     char       **checksum,
                     GError     **error)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  SaveWait wait = { loop, FALSE, NULL, NULL };

  vv_project_save_async (document, file, NULL, save_cb, &wait);
  g_main_loop_run (loop);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  if (checksum != NULL)
    *checksum = wait.checksum;
  else
    g_free (wait.checksum);
  return wait.ok;
}

static void
test_save_backup (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.visavis", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL, *checksum = NULL, *on_disk = NULL;
  g_autofree char *backup_contents = NULL;

  g_assert_true (save_async_and_wait (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vv_document_get_dirty (document));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  first = read_all (path);

  vv_segment_set_target (vv_document_get_segment (document, 1), "One sentence.");
  g_assert_true (vv_document_get_dirty (document));
  g_assert_true (save_async_and_wait (document, file, &checksum, &error));
  g_assert_no_error (error);
  second = read_all (path);
  g_assert_nonnull (strstr (second, "One sentence."));
  backup_contents = read_all (backup);
  g_assert_cmpstr (backup_contents, ==, first);

  /* the checksum recognises the file; another program's version differs */
  on_disk = vv_project_file_checksum (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (on_disk, ==, checksum);
  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  g_free (on_disk);
  on_disk = vv_project_file_checksum (file, NULL, &error);
  g_assert_cmpstr (on_disk, !=, checksum);

  /* each save has its own “changed” time, even within one second */
  {
    g_autofree char *t1 = NULL, *t2 = NULL;

    g_assert_true (vv_project_save (document, file, NULL, &error));
    t1 = vv_date_time_format_iso8601 (vv_document_get_changed (document));
    g_assert_true (vv_project_save (document, file, NULL, &error));
    t2 = vv_date_time_format_iso8601 (vv_document_get_changed (document));
    g_assert_cmpstr (t1, !=, t2);
  }

  assert_no_leftovers (dir);
  vv_test_rm_rf (dir);
}

static void
test_save_symlink (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *real = g_build_filename (dir, "real.visavis", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.visavis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink (real, link_path), ==, 0);
  g_assert_true (vv_project_save (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  contents = read_all (real);
  g_assert_nonnull (strstr (contents, "\"format\""));
  vv_test_rm_rf (dir);
}

/* The document is big enough to pass the file size limit */
static void
make_big (VvDocument *document)
{
  g_autoptr(GString) big = g_string_new (NULL);

  for (guint i = 0; i < 20000; i++)
    g_string_append (big, "Une très longue traduction. ");
  vv_segment_set_target (vv_document_get_segment (document, 1), big->str);
}

static void
disk_full_child (const char *dir,
                 gboolean    async)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autofree char *path = g_build_filename (dir, "p.visavis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  struct rlimit limit = { 64 * 1024, 64 * 1024 };
  gboolean ok;

  g_assert_true (vv_project_save (document, file, NULL, &error));
  before = read_all (path);

  /* writes beyond 64 KiB fail with EFBIG, as on a full disk */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  make_big (document);
  if (async)
    ok = save_async_and_wait (document, file, NULL, &error);
  else
    ok = vv_project_save (document, file, NULL, &error);
  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "p.visavis"));
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_true (vv_document_get_dirty (document));

  after = read_all (path);
  g_assert_cmpstr (after, ==, before);
  assert_no_leftovers (dir);
}

static void
test_save_disk_full (gconstpointer data)
{
  gboolean async = GPOINTER_TO_INT (data);

  if (g_test_subprocess ())
    {
      disk_full_child (g_getenv ("VV_SAVE_DIR"), async);
      return;
    }
  {
    g_autofree char *dir = vv_test_make_tmpdir ();

    g_setenv ("VV_SAVE_DIR", dir, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();
    vv_test_rm_rf (dir);
  }
}

static void
read_only_child (const char *dir)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autofree char *path = g_build_filename (dir, "p.visavis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  /* root ignores permissions: become nobody */
  if (geteuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }

  vv_segment_set_target (vv_document_get_segment (document, 1), "Changed.");
  g_assert_false (save_async_and_wait (document, file, NULL, &error));
  g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
                 g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY));
  g_assert_nonnull (strstr (error->message, "p.visavis"));
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_assert_nonnull (strstr (error->message, "Save As"));
  g_assert_true (vv_document_get_dirty (document));
}

static void
test_save_read_only (void)
{
  if (g_test_subprocess ())
    {
      read_only_child (g_getenv ("VV_SAVE_DIR"));
      return;
    }
  {
    g_autoptr(VvDocument) document = make_document ();
    g_autofree char *top = vv_test_make_tmpdir ();
    g_autofree char *dir = g_build_filename (top, "ro", NULL);
    g_autofree char *path = g_build_filename (dir, "p.visavis", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *before = NULL, *after = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
    g_assert_true (vv_project_save (document, file, NULL, &error));
    before = read_all (path);
    g_assert_cmpint (g_chmod (top, 0755), ==, 0);
    g_assert_cmpint (g_chmod (path, 0644), ==, 0);
    g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

    g_setenv ("VV_SAVE_DIR", dir, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();

    after = read_all (path);
    g_assert_cmpstr (after, ==, before);
    assert_no_leftovers (dir);
    g_chmod (dir, 0755);
    vv_test_rm_rf (top);
  }
}

static void
test_save_deleted_folder (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autofree char *top = vv_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (top, "gone", NULL);
  g_autofree char *path = g_build_filename (dir, "p.visavis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (vv_project_save (document, file, NULL, &error));
  vv_test_rm_rf (dir);

  vv_segment_set_target (vv_document_get_segment (document, 1), "Changed.");
  g_assert_false (save_async_and_wait (document, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "p.visavis"));
  g_assert_nonnull (strstr (error->message, "no longer exists"));
  g_assert_true (vv_document_get_dirty (document));
  g_clear_error (&error);

  /* the way out: Save As somewhere else */
  {
    g_autofree char *other = g_build_filename (top, "p.visavis", NULL);
    g_autoptr(GFile) other_file = g_file_new_for_path (other);

    g_assert_true (save_async_and_wait (document, other_file, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (vv_document_get_dirty (document));
  }
  vv_test_rm_rf (top);
}

static void
test_save_edit_during_save (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.visavis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  SaveWait wait = { loop, FALSE, NULL, NULL };
  g_autofree char *contents = NULL;

  vv_segment_set_target (vv_document_get_segment (document, 1), "Saved text.");
  vv_project_save_async (document, file, NULL, save_cb, &wait);
  /* typed after the snapshot: not in this save, and still unsaved */
  vv_segment_set_target (vv_document_get_segment (document, 1), "Later text.");
  g_main_loop_run (loop);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
  g_assert_true (vv_document_get_dirty (document));
  contents = read_all (path);
  g_assert_nonnull (strstr (contents, "Saved text."));
  g_assert_null (strstr (contents, "Later text."));
  g_free (wait.checksum);
  vv_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/core/save-errors/backup", test_save_backup);
  g_test_add_func ("/core/save-errors/symlink", test_save_symlink);
  g_test_add_data_func ("/core/save-errors/disk-full/sync", GINT_TO_POINTER (FALSE), test_save_disk_full);
  g_test_add_data_func ("/core/save-errors/disk-full/async", GINT_TO_POINTER (TRUE), test_save_disk_full);
  g_test_add_func ("/core/save-errors/read-only-folder", test_save_read_only);
  g_test_add_func ("/core/save-errors/deleted-folder", test_save_deleted_folder);
  g_test_add_func ("/core/save-errors/edit-during-save", test_save_edit_during_save);

  return g_test_run ();
}
