/* fuzz-mt-reply.c: each machine-translation provider's own reader of a
 * translation reply (built once per provider, VV_FUZZ_MT = apertium,
 * libretranslate, deepl, google or openai), after the shared JSON parsing
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is the body of a 200 reply. A reply can be read for any number
 * of segments sent, so each input is read as the answer to 0 to 6 segments.
 * Oracles: a result or an error, never both or neither; a result has
 * exactly as many translations as segments sent, all UTF-8; error
 * messages are UTF-8.
 */

#include "config.h"

#include "fuzz-common.h"
#include "vv-mt-private.h"
#include "vv-mt-providers.h"

#ifndef VV_FUZZ_MT
#error "VV_FUZZ_MT names the provider"
#endif

#define MAX_SEGMENTS 6

static void
check_error (const GError *error)
{
  if (error->message == NULL || !g_utf8_validate (error->message, -1, NULL))
    vv_fuzz_fail ("error message is not UTF-8");
}

static void
check_translations (char       **translations,
                    GError      *error,
                    guint        n)
{
  if ((translations == NULL) == (error == NULL))
    vv_fuzz_fail ("translations and an error, or neither");
  if (error != NULL)
    {
      check_error (error);
      return;
    }
  if (g_strv_length (translations) != n)
    vv_fuzz_fail ("not one translation per segment");
  for (guint i = 0; i < n; i++)
    if (!g_utf8_validate (translations[i], -1, NULL))
      vv_fuzz_fail ("a translation is not UTF-8");
}

/* The segments sent: non-blank, except the second (blank segments may
 * come back empty) */
static const char * const sources[MAX_SEGMENTS + 1] = {
  "Le chat est noir.", " ", "Il s'agit de la dernière ville.", "« Oui »", "Zoé & <b>", "1 000 €", NULL
};

static void
fuzz_openai (VvMtProvider *provider,
             JsonNode     *root)
{
  g_autoptr(GError) error = NULL;
  const char *content = _vv_mt_openai_parse_content (provider, root, &error);

  if ((content == NULL) == (error == NULL))
    vv_fuzz_fail ("content and an error, or neither");
  if (content == NULL)
    {
      check_error (error);
      return;
    }

  for (guint i = 0; i < MAX_SEGMENTS; i++)
    {
      g_autofree char *single = _vv_mt_openai_parse_single (content, sources[i]);

      if (single != NULL && (!g_utf8_validate (single, -1, NULL) ||
                             (*single == '\0' && i != 1)))
        vv_fuzz_fail ("one-segment reply: not UTF-8, or empty for a non-blank segment");
    }
  for (guint n = 0; n <= MAX_SEGMENTS; n++)
    {
      g_auto(GStrv) batch = _vv_mt_openai_parse_batch (content, sources, n);

      if (batch == NULL)
        continue;
      if (g_strv_length (batch) != n)
        vv_fuzz_fail ("batch reply: not one translation per segment");
      for (guint i = 0; i < n; i++)
        if (!g_utf8_validate (batch[i], -1, NULL) || (*batch[i] == '\0' && i != 1))
          vv_fuzz_fail ("batch reply: not UTF-8, or empty for a non-blank segment");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static VvMtProvider *provider;
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  vv_fuzz_init ();
  if (provider == NULL)
    provider = vv_mt_provider_new_for_id (VV_FUZZ_MT, "http://127.0.0.1:1", "fuzz-key", NULL);
  if (provider == NULL)
    vv_fuzz_fail ("no such provider");

  if (g_str_equal (VV_FUZZ_MT, "apertium"))
    {
      g_autofree char *text = _vv_mt_apertium_parse_text (provider, body, &error);

      if ((text == NULL) == (error == NULL))
        vv_fuzz_fail ("a text and an error, or neither");
      if (text == NULL)
        {
          check_error (error);
          return 0;
        }
      for (guint n = 0; n <= MAX_SEGMENTS; n++)
        {
          g_auto(GStrv) parts = _vv_mt_apertium_split_batch (text, n);

          if (parts == NULL)
            continue;
          check_translations (parts, NULL, n);
        }
      return 0;
    }

  root = _vv_mt_parse_json (provider, body, &error);
  if ((root == NULL) == (error == NULL))
    vv_fuzz_fail ("a JSON tree and an error, or neither");
  if (root == NULL)
    {
      check_error (error);
      return 0;
    }

  if (g_str_equal (VV_FUZZ_MT, "openai"))
    {
      fuzz_openai (provider, root);
      return 0;
    }

  for (guint n = 0; n <= MAX_SEGMENTS; n++)
    {
      g_autoptr(GError) local_error = NULL;
      g_auto(GStrv) translations = NULL;

      if (g_str_equal (VV_FUZZ_MT, "deepl"))
        translations = _vv_mt_deepl_parse_translations (provider, root, n, &local_error);
      else if (g_str_equal (VV_FUZZ_MT, "google"))
        translations = _vv_mt_google_parse_translations (provider, root, n, &local_error);
      else if (g_str_equal (VV_FUZZ_MT, "libretranslate"))
        translations = _vv_mt_libretranslate_parse_translations (provider, root, n, &local_error);
      else
        vv_fuzz_fail ("no reader for this provider");
      check_translations (translations, local_error, n);
    }
  return 0;
}
