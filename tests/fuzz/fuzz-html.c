/* fuzz-html.c: the HTML importer (charset detection, article extraction)
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
  g_autoptr(VvDocument) document = NULL;

  /* the first byte picks the Content-Type header a server might send */
  static const char *content_types[] = { NULL, "text/html; charset=utf-8", "text/html; charset=windows-1252",
                                         "text/html; charset=bogus", "application/xhtml+xml" };
  const char *content_type = size > 0 ? content_types[data[0] % G_N_ELEMENTS (content_types)] : NULL;

  document = vv_import_html_full (bytes, "fuzz.html", content_type, segmenter, &error);
  vv_fuzz_check_document (document, error);
  return 0;
}
