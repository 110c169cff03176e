/* fuzz-journal.c: recovery from an edit journal
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *path;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = NULL;

  vv_fuzz_init ();
  if (path == NULL)
    path = g_strdup_printf ("%s/vv-fuzz-%d.journal", g_get_tmp_dir (), (int)getpid ());
  if (!g_file_set_contents (path, (const char *)data, size, NULL))
    return 0;
  file = g_file_new_for_path (path);
  document = vv_journal_recover (file, NULL, NULL, &error);
  vv_fuzz_check_document (document, error);
  return 0;
}
