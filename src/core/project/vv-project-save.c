/* vv-project-save.c: atomic, off-main-loop saving of *.visavis projects
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A save is: take a snapshot of the document on the main thread (the model
 * is not thread-safe; the snapshot shares the segments' immutable strings,
 * so it costs a few milliseconds for a large article), then in a worker
 * thread build the JSON tree, generate the text, write it to a
 * temporary file in the same folder, fsync it, keep the previous version as
 * “NAME~” (hard link, or a copy where links are not possible), rename the
 * temporary file over NAME and fsync the folder. Whatever fails, NAME is
 * left as it was and the temporary file is removed.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "vv-document.h"
#include "vv-project.h"
#include "vv-project-private.h"
#include "vv-utils.h"

/* Turns an errno from one of the steps into a message that says what the
 * user can do about it. */
static void
set_save_error (GError     **error,
                int          saved_errno,
                const char  *path)
{
  g_autofree char *display_name = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display_dir = g_filename_display_name (dir);
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  switch (saved_errno)
    {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
    case EFBIG:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   /* Translators: %s is a file name */
                   _("Could not save “%s”: the disk is full. The previous version of the file is unchanged; "
                     "free some space or use Save As to save it elsewhere"), display_name);
      break;

    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, G_IO_ERROR, saved_errno == EROFS ? G_IO_ERROR_READ_ONLY : G_IO_ERROR_PERMISSION_DENIED,
                   /* Translators: the first %s is a file name, the second a folder */
                   _("Could not save “%s”: the folder “%s” is read-only. Use Save As to save it elsewhere"),
                   display_name, display_dir);
      break;

    case ENOENT:
    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: the first %s is a file name, the second a folder */
                   _("Could not save “%s”: the folder “%s” no longer exists. Use Save As to save it elsewhere"),
                   display_name, display_dir);
      break;

    default:
      g_set_error (error, G_IO_ERROR, code,
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("Could not save “%s”: %s. The previous version of the file is unchanged"),
                   display_name, g_strerror (saved_errno));
      break;
    }
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           int         *saved_errno)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize)G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }
      data += n;
      length -= (gsize)n;
    }
  return TRUE;
}

/* Keeps the current NAME as NAME~. A failure here is not a reason to
 * refuse the save: the new version is what matters. */
static void
keep_backup (const char *path)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *tmp = g_strconcat (path, "~.tmp", NULL);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;

  g_unlink (tmp);
  if (link (path, tmp) == 0)
    {
      if (g_rename (tmp, backup) == 0)
        return;
      g_unlink (tmp);
    }

  source = g_file_new_for_path (path);
  dest = g_file_new_for_path (backup);
  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                    NULL, NULL, NULL, NULL))
    g_debug ("could not keep a backup of %s", path);
}

/**
 * vv_project_write_atomic:
 * @file: the file to write
 * @data: the bytes
 * @length: their number
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes @data to @file atomically with a backup “NAME~” of the previous
 * version, fsyncing the file and its folder. Blocking: call it from a
 * worker thread. Errors for a full disk, a read-only folder and a deleted
 * folder say so and name the file; @file is then left unchanged.
 *
 * Returns: %TRUE on success
 */
gboolean
vv_project_write_atomic (GFile         *file,
                         const char    *data,
                         gsize          length,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  gboolean exists;
  struct stat st;
  int saved_errno = 0;
  int fd, dir_fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      /* Not a local file (e.g. a GVfs location): GIO's replace is atomic there */
      g_autoptr(GError) local_error = NULL;

      if (!g_file_replace_contents (file, data, length, NULL, TRUE, G_FILE_CREATE_NONE,
                                    NULL, cancellable, &local_error))
        {
          g_autofree char *display_name = vv_file_get_display_name (file);

          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not save “%s”: %s"), display_name, local_error->message);
          return FALSE;
        }
      return TRUE;
    }

  /* Save through a symbolic link, not over it */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      char *real = realpath (path, NULL);

      if (real != NULL)
        {
          g_free (path);
          path = g_strdup (real);
          free (real);
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  exists = g_stat (path, &st) == 0;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666 & ~0022);
  if (fd < 0)
    {
      set_save_error (error, errno, path);
      return FALSE;
    }
  if (exists)
    (void)fchmod (fd, st.st_mode & 07777);

  if (!write_all (fd, data, length, &saved_errno) ||
      (fsync (fd) != 0 && (saved_errno = errno) != 0))
    {
      close (fd);
      g_unlink (tmp);
      set_save_error (error, saved_errno, path);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      set_save_error (error, saved_errno, path);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (exists)
    keep_backup (path);

  if (g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      set_save_error (error, saved_errno, path);
      return FALSE;
    }

  /* Make the rename itself durable */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      (void)fsync (dir_fd);
      close (dir_fd);
    }

  return TRUE;
}

/**
 * _vv_project_touch_changed:
 * @document: a #VvDocument about to be saved
 *
 * Sets the “changed” time to now, as written in the file (whole seconds),
 * but always later than the previous one: each save of a document then
 * has its own time, which the journal uses to tell which save a project
 * file comes from.
 */
void
_vv_project_touch_changed (VvDocument *document)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) seconds = g_date_time_new_utc (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now),
                                                      g_date_time_get_hour (now),
                                                      g_date_time_get_minute (now),
                                                      g_date_time_get_second (now));
  GDateTime *previous = vv_document_get_changed (document);

  if (previous != NULL && g_date_time_compare (seconds, previous) <= 0)
    {
      g_autoptr(GDateTime) later = g_date_time_add_seconds (previous, 1);
      g_autofree char *text = vv_date_time_format_iso8601 (later);
      g_autoptr(GDateTime) rounded = vv_date_time_parse_iso8601 (text);

      vv_document_set_changed (document, rounded != NULL ? rounded : later);
      return;
    }
  vv_document_set_changed (document, seconds);
}

/* Async saving */

typedef struct
{
  GFile             *file;
  VvProjectSnapshot *snapshot;  /* turned into JSON text in the worker */
  char              *checksum;
} SaveData;

static void
save_data_free (SaveData *save)
{
  g_clear_object (&save->file);
  g_clear_pointer (&save->snapshot, _vv_project_snapshot_free);
  g_free (save->checksum);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;
  gsize length;
  g_autoptr(JsonNode) root = _vv_project_snapshot_to_node (save->snapshot);
  g_autofree char *data = _vv_project_node_to_data (root, &length);

  if (!vv_project_write_atomic (save->file, data, length, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  save->checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)data, length);
  g_task_return_boolean (task, TRUE);
}

/**
 * vv_project_save_async:
 * @document: a #VvDocument
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: for @callback
 *
 * Saves @document like vv_project_save(), but only the snapshot (plain
 * structs sharing the segments' strings) is taken on the calling thread;
 * building the JSON tree, generating the text, writing, fsync and rename run in a worker thread. The document is marked clean at once;
 * edits made while the save runs make it dirty again, and a failed save
 * marks it dirty.
 */
void
vv_project_save_async (VvDocument          *document,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  g_return_if_fail (VV_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  _vv_project_touch_changed (document);

  save = g_new0 (SaveData, 1);
  save->file = g_object_ref (file);
  save->snapshot = _vv_project_snapshot_new (document);

  vv_document_set_dirty (document, FALSE);

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, vv_project_save_async);
  g_task_set_task_data (task, save, (GDestroyNotify)save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * vv_project_save_finish:
 * @document: a #VvDocument
 * @result: the result given to the callback
 * @checksum: (out) (optional) (transfer full): the SHA-256 of what was
 *   written, to recognise the file later (see vv_project_file_checksum())
 * @error: return location for an error
 *
 * Returns: %TRUE if the file was saved
 */
gboolean
vv_project_save_finish (VvDocument    *document,
                        GAsyncResult  *result,
                        char         **checksum,
                        GError       **error)
{
  SaveData *save;

  g_return_val_if_fail (VV_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, document), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      vv_document_set_dirty (document, TRUE);
      return FALSE;
    }

  save = g_task_get_task_data (G_TASK (result));
  if (checksum != NULL)
    *checksum = g_strdup (save->checksum);
  return TRUE;
}

/**
 * vv_project_file_checksum:
 * @file: a file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * The SHA-256 of @file's contents, to tell whether another program replaced
 * a project since it was loaded or saved.
 *
 * Returns: (transfer full) (nullable): the checksum in hexadecimal
 */
char *
vv_project_file_checksum (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)data, length);
}
