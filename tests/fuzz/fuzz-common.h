/* fuzz-common.h: shared set-up for the libFuzzer harnesses
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each harness is one file defining LLVMFuzzerTestOneInput(). It is linked
 * either with libFuzzer (meson option “fuzzing”, clang) or with
 * fuzz-replay.c, which feeds it every file of its seed corpus (suite 'fuzz').
 * Criticals (failed g_return_if_fail) abort, so misuse inside the core is a
 * finding; an oracle that fails calls vv_fuzz_fail(), which aborts too.
 */

#pragma once

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vv-core.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

G_GNUC_UNUSED G_GNUC_NORETURN static void
vv_fuzz_fail (const char *what)
{
  fprintf (stderr, "fuzz oracle failed: %s\n", what);
  abort ();
}

/* A fatal log message raises SIGTRAP, which libFuzzer does not catch:
 * turn it into an abort so that the input is saved */
G_GNUC_UNUSED static void
vv_fuzz_on_trap (int signum)
{
  abort ();
}

G_GNUC_UNUSED static gpointer
vv_fuzz_init_once (gpointer data)
{
  vv_locale_init ("C.UTF-8");
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
  signal (SIGTRAP, vv_fuzz_on_trap);
  return vv_segmenter_new ("fr");
}

/* Returns the shared French segmenter */
G_GNUC_UNUSED static VvSegmenter *
vv_fuzz_init (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, vv_fuzz_init_once, NULL);
}

/* Whatever an importer returns must survive the project file: written,
 * read back, and written again to the same text. */
G_GNUC_UNUSED static void
vv_fuzz_check_document (VvDocument *document,
                        GError     *error)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(VvDocument) again = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  if ((document == NULL) == (error == NULL))
    vv_fuzz_fail ("a document and an error, or neither");
  if (document == NULL)
    {
      if (error->message == NULL || !g_utf8_validate (error->message, -1, NULL))
        vv_fuzz_fail ("error message is not UTF-8");
      return;
    }

  for (guint i = 0; i < vv_document_get_n_segments (document); i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);

      if (!g_utf8_validate (vv_segment_get_source (segment), -1, NULL) ||
          !g_utf8_validate (vv_segment_get_target (segment), -1, NULL))
        vv_fuzz_fail ("segment text is not UTF-8");
    }

  first = vv_project_to_data (document, &length);
  again = vv_project_from_data (first, length, "fuzz.visavis", &local_error);
  if (again == NULL)
    {
      fprintf (stderr, "%s\n", local_error->message);
      vv_fuzz_fail ("an imported document does not load back from its project file");
    }
  second = vv_project_to_data (again, NULL);
  if (strcmp (first, second) != 0)
    vv_fuzz_fail ("project file changes on a second round trip");
}
