/* fuzz-project.c: the *.visavis project reader
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = NULL;

  vv_fuzz_init ();
  document = vv_project_from_data ((const char *)data, size, "fuzz.visavis", &error);
  vv_fuzz_check_document (document, error);
  return 0;
}
