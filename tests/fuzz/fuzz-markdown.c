/* fuzz-markdown.c: the Markdown importer
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  VvSegmenter *segmenter = vv_fuzz_init ();
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = vv_import_markdown (bytes, "fuzz.md", segmenter, &error);

  vv_fuzz_check_document (document, error);
  return 0;
}
