/* fuzz-roundtrip.c: reading reviewed files back (DOCX, ODT, CSV, TSV,
 * XLIFF) and applying them to a project
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *names[] = { "fuzz.docx", "fuzz.odt", "fuzz.csv", "fuzz.tsv", "fuzz.xlf", "fuzz.xliff" };
  VvSegmenter *segmenter = vv_fuzz_init ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GBytes) text = NULL;
  VvRoundtripFile *file;
  const char *name;

  if (size == 0)
    return 0;
  /* the first byte picks the file name, hence the format */
  name = names[data[0] % G_N_ELEMENTS (names)];
  bytes = g_bytes_new (data + 1, size - 1);

  file = vv_roundtrip_file_read (bytes, name, &error);
  if ((file == NULL) == (error == NULL))
    vv_fuzz_fail ("a file and an error, or neither");
  if (file == NULL)
    return 0;

  /* apply it to a small project: ids that do not exist are reported */
  {
    static const char article[] = "Titre\n\nUne phrase. Une autre phrase.\n\nFin.\n";
    VvRoundtripReport report;
    g_autoptr(GError) apply_error = NULL;

    text = g_bytes_new_static (article, sizeof article - 1);
    document = vv_import_text (text, "a.txt", segmenter, NULL);
    vv_roundtrip_report_init (&report);
    vv_roundtrip_apply (document, file, "fuzz", &report, &apply_error);
    g_free (vv_roundtrip_report_to_string (&report));
    vv_roundtrip_report_clear (&report);
    vv_fuzz_check_document (document, NULL);
  }
  vv_roundtrip_file_free (file);
  return 0;
}
