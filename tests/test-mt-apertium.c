/* test-mt-apertium.c: the Apertium provider against a real APy
 * (../shared/mt/apertium-server.sh start PORT). Skipped when APy is not
 * installed, unless VISAVIS_REQUIRE_APERTIUM=1.
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "vv-apertium-server.h"
#include "vv-fake-mt-server.h"
#include "vv-test-utils.h"

static VvApertiumServer *apy;
static VvMtProvider *provider;

static gboolean
need_apy (void)
{
  if (apy != NULL)
    return TRUE;
  g_test_skip ("Apertium APy is not available");
  return FALSE;
}

static void
test_fr_es (void)
{
  const char *texts[] = { "Le chat est noir.", NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;

  if (!need_apy ())
    return;
  out = vv_test_mt_translate (provider, "fr", "es", texts, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out[0], ==, "El gato es negro.");
}

static void
test_fr_ca (void)
{
  const char *texts[] = { "Le chat est noir.", NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;

  if (!need_apy ())
    return;
  out = vv_test_mt_translate (provider, "fr", "ca", texts, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out[0], ==, "El gat és negre.");
}

/* <p>-joined batch, markup-like text escaped and restored, no unknown-word marks */
static void
test_batch_escaping (void)
{
  const char *texts[] = {
    "Le chat est noir.",
    "Il a répondu <non> & il est parti.",
    "Il s'agit de la dernière ville sur la route de Deir ez-Zor.",
    "Ruines dans la vieille ville de Homs",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;

  if (!need_apy ())
    return;
  out = vv_test_mt_translate (provider, "fr", "es", texts, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (out), ==, 4);
  g_assert_cmpstr (out[0], ==, "El gato es negro.");
  /* APy translates the text around escaped brackets; what matters is that
   * the escapes come back as the characters */
  g_assert_nonnull (strchr (out[1], '<'));
  g_assert_nonnull (strchr (out[1], '>'));
  g_assert_nonnull (strchr (out[1], '&'));
  g_assert_null (strstr (out[1], "&amp;"));
  g_assert_null (strstr (out[1], "&lt;"));
  g_assert_cmpstr (out[2], ==, "Se trata de la última ciudad sobre la carretera de Deir ez-Zor.");
  g_assert_true (g_str_has_prefix (out[3], "Ruinas"));
}

/* APy silently drops text beyond 10 chunks: a reply with too few parts
 * must be detected and the segments sent one by one */
static void
test_truncation_detected (void)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;
  gsize total = 0;

  if (!need_apy ())
    return;
  for (guint i = 0; total < 48000; i++)
    {
      char *text = g_strdup_printf ("Le chat numéro %u est noir et il dort dans la maison de ma grand-mère.", i);
      total += strlen (text) + 3;
      g_ptr_array_add (texts, text);
    }
  g_ptr_array_add (texts, NULL);
  out = vv_test_mt_translate (provider, "fr", "es", (const char * const *) texts->pdata, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (out), ==, texts->len - 1);
  for (guint i = 0; out[i]; i++)
    {
      g_autofree char *number = g_strdup_printf (" %u ", i);
      g_assert_nonnull (strstr (out[i], number));
      g_assert_true (g_str_has_prefix (out[i], "El gato"));
    }
}

static void
test_languages_and_pivot (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autofree char *via = NULL;
  g_autoptr(VvMtProvider) pivot = NULL;
  const char *texts[] = { "Le chat est noir.", "La ville est ancienne.", NULL };
  g_auto(GStrv) out = NULL;
  gboolean listed = FALSE;

  if (!need_apy ())
    return;
  pairs = vv_test_mt_languages (provider, &error);
  g_assert_no_error (error);
  g_assert_true (vv_mt_pairs_have (pairs, "fr", "es"));
  g_assert_true (vv_mt_pairs_have (pairs, "fr", "ca"));
  g_assert_true (vv_mt_pairs_have (pairs, "es", "en"));
  g_assert_false (vv_mt_pairs_have (pairs, "fr", "en"));
  /* The language list shows what a pivot reaches */
  for (guint i = 0; i < pairs->len; i++)
    {
      VvMtLanguagePair *pair = g_ptr_array_index (pairs, i);
      if (g_str_equal (pair->source, "fr") && g_str_equal (pair->target, "en") && g_strcmp0 (pair->via, "es") == 0)
        listed = TRUE;
    }
  g_assert_true (listed);

  via = vv_mt_find_pivot (pairs, "fr", "en");
  g_assert_cmpstr (via, ==, "es");
  pivot = vv_mt_pivot_new (provider, provider, via);
  g_assert_cmpstr (vv_mt_provider_get_id (pivot), ==, "apertium");
  out = vv_test_mt_translate (pivot, "fr", "en", texts, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out[0], ==, "The cat is black.");
  g_assert_nonnull (out[1]);
  g_assert_null (strchr (out[1], '*'));
}

static void
test_unsupported_pair (void)
{
  const char *texts[] = { "Le chat est noir.", NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;

  if (!need_apy ())
    return;
  out = vv_test_mt_translate (provider, "fr", "de", texts, NULL, NULL, &error);
  g_assert_null (out);
  g_assert_error (error, VV_MT_ERROR, VV_MT_ERROR_UNSUPPORTED_PAIR);
  g_assert_nonnull (strstr (error->message, "That pair is not installed"));
  g_assert_nonnull (strstr (error->message, vv_apertium_server_get_url (apy)));
}

static void
test_wrong_url (void)
{
  g_autofree char *url = NULL;
  g_autoptr(VvMtProvider) wrong = NULL;
  const char *texts[] = { "Le chat est noir.", NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = NULL;

  if (!need_apy ())
    return;
  url = g_strconcat (vv_apertium_server_get_url (apy), "/nothing", NULL);
  wrong = vv_mt_apertium_new (url);
  out = vv_test_mt_translate (wrong, "fr", "es", texts, NULL, NULL, &error);
  g_assert_null (out);
  g_assert_error (error, VV_MT_ERROR, VV_MT_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "not an Apertium APy server"));
}

/* A whole article through the queue: every segment accounted for */
static void
test_queue_article (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(VvMtQueue) queue = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;
  g_autoptr(VvMtResults) results = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "sample-article.txt", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!need_apy ())
    return;
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  bytes = g_bytes_new_take (contents, length);
  document = vv_import_text (bytes, "sample-article.txt", segmenter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < vv_document_get_n_segments (document); i++)
    g_strv_builder_add (builder, vv_segment_get_source (vv_document_get_segment (document, i)));
  texts = g_strv_builder_end (builder);

  queue = vv_mt_queue_new (provider, NULL);
  results = vv_test_mt_queue_run (queue, "fr", "es", (const char * const *) texts, NULL);
  g_assert_cmpuint (results->n, ==, g_strv_length (texts));
  g_assert_cmpuint (results->n_failed, ==, 0);
  for (guint i = 0; i < results->n; i++)
    {
      g_assert_nonnull (results->translations[i]);
      if (*texts[i])
        g_assert_cmpstr (results->translations[i], !=, "");
    }
}

/* The queue fills one APy chunk (≤ 3,900 characters, counting the "<p>"
 * joining the segments): 40 distinct segments of 97 characters are 3,880
 * characters of text but 3,997 with the separators, so 2 requests, not 1;
 * every one comes back translated */
static void
test_queue_batch_fills_chunk (void)
{
  g_autoptr(VvMtQueue) queue = NULL;
  g_autoptr(VvMtResults) results = NULL;
  g_auto(GStrv) texts = g_new0 (char *, 41);
  VvMtCapabilities caps;

  if (!need_apy ())
    return;
  vv_mt_provider_get_capabilities (provider, &caps);
  g_assert_cmpuint (caps.max_chars, ==, 3900);
  g_assert_cmpuint (caps.separator_chars, ==, 3);
  g_assert_cmpuint (caps.max_batch, >=, 40);
  for (guint i = 0; i < 40; i++)
    {
      texts[i] = g_strdup_printf ("La maison numéro %02u est grande et le jardin est vert, la rue est calme et le ciel est bleu clair.", i);
      g_assert_cmpuint (g_utf8_strlen (texts[i], -1), ==, 97);
    }
  queue = vv_mt_queue_new (provider, NULL);
  results = vv_test_mt_queue_run (queue, "fr", "es", (const char * const *) texts, NULL);
  g_assert_cmpuint (results->n_failed, ==, 0);
  g_assert_cmpuint (results->n_requests, ==, 2);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *number = g_strdup_printf ("%02u", i);
      if (results->translations[i] == NULL)
        g_error ("segment %u not translated", i);
      g_assert_nonnull (strstr (results->translations[i], "casa"));
      g_assert_nonnull (strstr (results->translations[i], number));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  vv_test_init (&argc, &argv);

  apy = vv_apertium_server_start (&error);
  if (apy == NULL)
    {
      if (vv_apertium_required ())
        g_error ("VISAVIS_REQUIRE_APERTIUM=1 but APy cannot be started: %s", error->message);
      g_printerr ("# %s\n", error->message);
    }
  else
    {
      provider = vv_mt_apertium_new (vv_apertium_server_get_url (apy));
    }

  g_test_add_func ("/mt/apertium/fr-es", test_fr_es);
  g_test_add_func ("/mt/apertium/fr-ca", test_fr_ca);
  g_test_add_func ("/mt/apertium/batch-escaping", test_batch_escaping);
  g_test_add_func ("/mt/apertium/truncation", test_truncation_detected);
  g_test_add_func ("/mt/apertium/languages-pivot", test_languages_and_pivot);
  g_test_add_func ("/mt/apertium/unsupported-pair", test_unsupported_pair);
  g_test_add_func ("/mt/apertium/wrong-url", test_wrong_url);
  g_test_add_func ("/mt/apertium/queue-article", test_queue_article);
  g_test_add_func ("/mt/apertium/queue-batch-fills-chunk", test_queue_batch_fills_chunk);

  status = g_test_run ();
  g_clear_object (&provider);
  vv_apertium_server_stop (apy);
  return status;
}
