/* fuzz-replay.c: runs a harness over its seed corpus (suite 'fuzz')
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: fuzz-replay-NAME DIR…  Every regular file below each DIR is fed to
 * LLVMFuzzerTestOneInput(), plus the empty input. Prints TAP; a crash or an
 * oracle failure aborts the program, which fails the test.
 */

#include "config.h"

#include "fuzz-common.h"

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        collect (child, files);
      else
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  g_ptr_array_sort (files, (GCompareFunc)g_strcmp0);

  printf ("1..%u\n", files->len + 1);
  LLVMFuzzerTestOneInput ((const uint8_t *)"", 0);
  printf ("ok 1 empty input\n");
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *data = NULL;
      gsize length;

      if (!g_file_get_contents (path, &data, &length, NULL))
        {
          printf ("not ok %u %s (cannot read)\n", i + 2, path);
          continue;
        }
      fflush (stdout);
      LLVMFuzzerTestOneInput ((const uint8_t *)data, length);
      printf ("ok %u %s\n", i + 2, path);
    }
  return files->len > 0 ? 0 : 1;
}
