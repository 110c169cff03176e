/* fuzz-segmenter.c: the built-in French, English and Spanish rules
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static VvSegmenter *segmenters[3];
  static const char *languages[] = { "fr", "en", "es" };
  g_autofree char *text = NULL;
  g_autoptr(GArray) spans = NULL;
  VvSegmenter *segmenter;
  gsize length, previous_end = 0;

  vv_fuzz_init ();
  if (size == 0)
    return 0;
  if (segmenters[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
      segmenters[i] = vv_segmenter_new (languages[i]);
  segmenter = segmenters[data[0] % G_N_ELEMENTS (languages)];

  text = g_utf8_make_valid ((const char *)data + 1, size - 1);
  length = strlen (text);
  spans = vv_segmenter_split (segmenter, text, length);
  if (spans == NULL)
    vv_fuzz_fail ("no spans");

  /* spans are in order, inside the text, on character boundaries */
  for (guint i = 0; i < spans->len; i++)
    {
      VvSpan *span = &g_array_index (spans, VvSpan, i);

      if (span->start < previous_end || span->end < span->start || span->end > length)
        vv_fuzz_fail ("span out of order or out of the text");
      if (!g_utf8_validate (text + span->start, span->end - span->start, NULL))
        vv_fuzz_fail ("span not on character boundaries");
      previous_end = span->end;
    }
  return 0;
}
