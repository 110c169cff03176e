/* fuzz-srx.c: SRX 2.0 rule files, then segmenting a text with them
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "vv-srx.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char text[] = "M. Dupont est arrivé. Il a dit : « Bonjour ! » Puis… il est reparti ? Oui. "
                             "Le 1er janv. 2026, 14,5 % des usagers (cf. p. 3) ont payé 3.50 €. www.exemple.fr a.b@c.fr";
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(VvSrx) srx = NULL;
  g_autoptr(GArray) breaks = NULL;
  gsize previous = 0;

  vv_fuzz_init ();
  srx = _vv_srx_new (bytes, "fuzz.srx", "fr", &error);
  if ((srx == NULL) == (error == NULL))
    vv_fuzz_fail ("rules and an error, or neither");
  if (srx == NULL)
    return 0;

  breaks = g_array_new (FALSE, FALSE, sizeof (gsize));
  _vv_srx_breaks (srx, text, sizeof text - 1, breaks);
  for (guint i = 0; i < breaks->len; i++)
    {
      gsize offset = g_array_index (breaks, gsize, i);

      if (offset < previous || offset > sizeof text - 1)
        vv_fuzz_fail ("break out of order or out of the text");
      previous = offset;
    }
  g_array_unref (_vv_srx_explain (srx, text, sizeof text - 1));
  return 0;
}
