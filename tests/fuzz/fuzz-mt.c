/* fuzz-mt.c: what machine-translation servers send back — the shared
 * response handling of every provider (JSON parsing, the error message
 * taken from an error body, the excerpt quoted in messages, text clean-up)
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each provider's own reader of a translation reply (apertium, deepl, …)
 * has its harness: fuzz-mt-reply.c, built once per provider.
 */

#include "config.h"

#include "fuzz-common.h"
#include "vv-mt-private.h"
#include "vv-mt-providers.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static VvMtProvider *provider;
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *message = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *clean = NULL;

  vv_fuzz_init ();
  if (provider == NULL)
    provider = vv_mt_apertium_new ("http://127.0.0.1:1");

  root = _vv_mt_parse_json (provider, body, &error);
  if ((root == NULL) == (error == NULL))
    vv_fuzz_fail ("a JSON tree and an error, or neither");
  if (error != NULL && !g_utf8_validate (error->message, -1, NULL))
    vv_fuzz_fail ("error message is not UTF-8");

  excerpt = _vv_mt_body_excerpt (body);
  if (excerpt == NULL || !g_utf8_validate (excerpt, -1, NULL))
    vv_fuzz_fail ("excerpt is not UTF-8");
  message = _vv_mt_json_error_message (body);
  if (message != NULL && !g_utf8_validate (message, -1, NULL))
    vv_fuzz_fail ("server error message is not UTF-8");

  valid = g_utf8_make_valid ((const char *)data, size);
  clean = _vv_mt_clean_text (valid);
  if (clean != NULL && !g_utf8_validate (clean, -1, NULL))
    vv_fuzz_fail ("cleaned text is not UTF-8");
  return 0;
}
