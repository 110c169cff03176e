/* fuzz-office.c: the DOCX and ODT importers (ZIP container and XML)
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

  /* The same bytes through both importers: they share the ZIP reader */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VvDocument) document = vv_import_docx (bytes, "fuzz.docx", segmenter, &error);

    vv_fuzz_check_document (document, error);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VvDocument) document = vv_import_odt (bytes, "fuzz.odt", segmenter, &error);

    vv_fuzz_check_document (document, error);
  }
  return 0;
}
