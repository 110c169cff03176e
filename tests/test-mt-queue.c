/* test-mt-queue.c: batching, concurrency, retries, cache, cancel, and
 * "Translate all" on a document, against the fakes
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "vv-fake-mt-server.h"
#include "vv-test-utils.h"

static GStrv
make_texts (guint n)
{
  GStrv texts = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    texts[i] = g_strdup_printf ("Phrase numéro %u du texte.", i);
  return texts;
}

static VvMtQueue *
queue_for (const char     *id,
           VvFakeMtServer *server,
           VvMtCache      *cache)
{
  g_autoptr(VvMtProvider) provider = vv_mt_provider_new_for_id (id, vv_fake_mt_server_get_url (server), "k", NULL);
  VvMtQueue *queue;

  vv_fake_mt_server_set_key (server, "k");
  vv_mt_provider_set_timeout (provider, 5);
  queue = vv_mt_queue_new (provider, cache);
  /* Short back-off so that retries do not slow the tests down */
  vv_mt_queue_set_backoff (queue, 10, 40, 5);
  return queue;
}

static void
assert_all_translated (VvMtResults *results,
                       GStrv        texts,
                       const char  *tag)
{
  g_assert_cmpuint (results->n, ==, g_strv_length (texts));
  g_assert_cmpuint (results->n_failed, ==, 0);
  for (guint i = 0; i < results->n; i++)
    {
      g_autofree char *expected = vv_fake_mt_translate_text (texts[i], tag);
      g_assert_no_error (results->errors[i]);
      g_assert_cmpstr (results->translations[i], ==, expected);
    }
}

static void
test_batches (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("libretranslate");
  g_autoptr(VvMtQueue) queue = queue_for ("libretranslate", server, NULL);
  g_auto(GStrv) texts = make_texts (60);
  g_autoptr(VvMtResults) results = vv_test_mt_queue_run (queue, "fr", "en", (const char * const *) texts, NULL);

  assert_all_translated (results, texts, "en");
  /* LibreTranslate: ≤ 25 texts per request */
  g_assert_cmpuint (vv_fake_mt_server_get_max_texts (server), ==, 25);
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 3);
  g_assert_cmpuint (results->n_requests, ==, 3);
}

static void
test_char_limit (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("libretranslate");
  g_autoptr(VvMtQueue) queue = queue_for ("libretranslate", server, NULL);
  g_auto(GStrv) texts = g_new0 (char *, 5);
  g_autoptr(VvMtResults) results = NULL;

  /* 4 × 900 characters: 2,000 per request means 2 per request */
  for (guint i = 0; i < 4; i++)
    texts[i] = g_strnfill (900, 'a' + i);
  results = vv_test_mt_queue_run (queue, "fr", "en", (const char * const *) texts, NULL);
  assert_all_translated (results, texts, "en");
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 2);
}

static void
test_concurrency (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("deepl");
  g_autoptr(VvMtQueue) queue = queue_for ("deepl", server, NULL);
  g_auto(GStrv) texts = make_texts (400);
  g_autoptr(VvMtResults) r1 = NULL;
  g_autoptr(VvMtResults) r2 = NULL;

  vv_fake_mt_server_set_delay (server, 100);
  vv_mt_queue_set_concurrency (queue, 2);
  g_assert_cmpuint (vv_mt_queue_get_concurrency (queue), ==, 2);
  r1 = vv_test_mt_queue_run (queue, "fr", "en", (const char * const *) texts, NULL);
  assert_all_translated (r1, texts, "EN-GB");
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 8);
  g_assert_cmpuint (vv_fake_mt_server_get_max_in_flight (server), ==, 2);

  /* Asking for 8 gives DeepL's limit, 4 */
  vv_mt_queue_set_concurrency (queue, 8);
  g_assert_cmpuint (vv_mt_queue_get_concurrency (queue), ==, 4);
  r2 = vv_test_mt_queue_run (queue, "fr", "de", (const char * const *) texts, NULL);
  assert_all_translated (r2, texts, "DE");
  g_assert_cmpuint (vv_fake_mt_server_get_max_in_flight (server), ==, 4);
}

static void
test_default_concurrency (void)
{
  g_autoptr(VvMtProvider) apertium = vv_mt_apertium_new (NULL);
  g_autoptr(VvMtProvider) google = vv_mt_google_new (NULL, "k");
  g_autoptr(VvMtProvider) lt = vv_mt_libretranslate_new (NULL, NULL);
  g_autoptr(VvMtQueue) q1 = vv_mt_queue_new (apertium, NULL);
  g_autoptr(VvMtQueue) q2 = vv_mt_queue_new (google, NULL);
  g_autoptr(VvMtQueue) q3 = vv_mt_queue_new (lt, NULL);

  /* APy shrinks chunks beyond 2 requests per pair */
  g_assert_cmpuint (vv_mt_queue_get_concurrency (q1), ==, 2);
  g_assert_cmpuint (vv_mt_queue_get_concurrency (q2), ==, 4);
  g_assert_cmpuint (vv_mt_queue_get_concurrency (q3), ==, 1);
}

static void
test_retry_5xx (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("libretranslate");
  g_autoptr(VvMtQueue) queue = queue_for ("libretranslate", server, NULL);
  g_auto(GStrv) texts = make_texts (3);
  g_autoptr(VvMtResults) results = NULL;

  vv_fake_mt_server_set_fault (server, VV_FAKE_MT_500, 2);
  results = vv_test_mt_queue_run (queue, "fr", "en", (const char * const *) texts, NULL);
  assert_all_translated (results, texts, "en");
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 3);
}

static void
test_retry_gives_up (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("deepl");
  g_autoptr(VvMtQueue) queue = queue_for ("deepl", server, NULL);
  g_auto(GStrv) texts = make_texts (1);
  g_autoptr(VvMtResults) results = NULL;

  vv_fake_mt_server_set_fault (server, VV_FAKE_MT_503, 0);
  results = vv_test_mt_queue_run (queue, "fr", "en", (const char * const *) texts, NULL);
  g_assert_cmpuint (results->n_failed, ==, 1);
  g_assert_null (results->translations[0]);
  g_assert_error (results->errors[0], VV_MT_ERROR, VV_MT_ERROR_NETWORK);
  /* 5 attempts in all */
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 5);
}

static void
test_retry_after (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("deepl");
  g_autoptr(VvMtQueue) queue = queue_for ("deepl", server, NULL);
  g_auto(GStrv) texts = make_texts (3);
  g_autoptr(VvMtResults) results = NULL;
  gint64 start = g_get_monotonic_time ();

  vv_fake_mt_server_set_fault (server, VV_FAKE_MT_429_RETRY_AFTER, 1);
  results = vv_test_mt_queue_run (queue, "fr", "en", (const char * const *) texts, NULL);
  assert_all_translated (results, texts, "EN-GB");
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 2);
  /* Retry-After: 1 beats the 10 ms back-off */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);
}

static void
test_429_without_retry_after (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("google");
  g_autoptr(VvMtQueue) queue = queue_for ("google", server, NULL);
  g_auto(GStrv) texts = make_texts (3);
  g_autoptr(VvMtResults) results = NULL;
  gint64 start = g_get_monotonic_time ();

  vv_fake_mt_server_set_fault (server, VV_FAKE_MT_429, 2);
  results = vv_test_mt_queue_run (queue, "fr", "en", (const char * const *) texts, NULL);
  assert_all_translated (results, texts, "en");
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 3);
  /* exponential back-off: 10 ms then 20 ms, ±25 % */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 22 * 1000);
}

typedef struct
{
  const char    *provider;
  VvFakeMtFault  fault;
  VvMtError      code;
} FatalCase;

static const FatalCase fatal_cases[] = {
  { "deepl", VV_FAKE_MT_456, VV_MT_ERROR_QUOTA },
  { "deepl", VV_FAKE_MT_403, VV_MT_ERROR_AUTH },
  { "libretranslate", VV_FAKE_MT_403, VV_MT_ERROR_AUTH },
  { "libretranslate", VV_FAKE_MT_MISSING_KEY, VV_MT_ERROR_AUTH },
  { "openai", VV_FAKE_MT_401, VV_MT_ERROR_AUTH },
  { "openai", VV_FAKE_MT_INSUFFICIENT_QUOTA, VV_MT_ERROR_QUOTA },
  { "google", VV_FAKE_MT_DAILY_LIMIT, VV_MT_ERROR_QUOTA },
  { "google", VV_FAKE_MT_UNSUPPORTED, VV_MT_ERROR_UNSUPPORTED_PAIR },
};

/* 400/401/403/456 are never retried, and stop the run for this provider */
static void
test_fatal (gconstpointer data)
{
  const FatalCase *c = data;
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new (c->provider);
  g_autoptr(VvMtQueue) queue = queue_for (c->provider, server, NULL);
  g_auto(GStrv) texts = make_texts (300);
  g_autoptr(VvMtResults) results = NULL;

  vv_mt_queue_set_concurrency (queue, 1);
  vv_fake_mt_server_set_fault (server, c->fault, 0);
  results = vv_test_mt_queue_run (queue, "fr", "en", (const char * const *) texts, NULL);
  g_assert_cmpuint (results->n_failed, ==, 300);
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 1);
  for (guint i = 0; i < results->n; i++)
    {
      g_assert_null (results->translations[i]);
      g_assert_error (results->errors[i], VV_MT_ERROR, (gint) c->code);
    }
}

static void
test_split_too_large (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("deepl");
  g_autoptr(VvMtQueue) queue = queue_for ("deepl", server, NULL);
  g_auto(GStrv) texts = make_texts (4);
  g_autoptr(VvMtResults) results = NULL;

  vv_fake_mt_server_set_fault (server, VV_FAKE_MT_TOO_LARGE, 1);
  results = vv_test_mt_queue_run (queue, "fr", "en", (const char * const *) texts, NULL);
  assert_all_translated (results, texts, "EN-GB");
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 3);
}

static void
test_wrong_count_split_once (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("libretranslate");
  g_autoptr(VvMtQueue) queue = queue_for ("libretranslate", server, NULL);
  g_auto(GStrv) texts = make_texts (4);
  g_autoptr(VvMtResults) results = NULL;

  vv_fake_mt_server_set_fault (server, VV_FAKE_MT_WRONG_COUNT, 0);
  results = vv_test_mt_queue_run (queue, "fr", "en", (const char * const *) texts, NULL);
  g_assert_cmpuint (results->n_failed, ==, 4);
  g_assert_error (results->errors[0], VV_MT_ERROR, VV_MT_ERROR_BAD_RESPONSE);
  /* the batch, then its two halves; no guessing */
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 3);
}

/* A failed batch leaves its texts untouched; the others still complete */
static void
test_partial_failure (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("libretranslate");
  g_autoptr(VvMtQueue) queue = queue_for ("libretranslate", server, NULL);
  g_auto(GStrv) texts = make_texts (3);
  g_autoptr(VvMtResults) results = NULL;

  vv_mt_queue_set_max_batch (queue, 1);
  vv_fake_mt_server_set_fault (server, VV_FAKE_MT_GARBAGE, 1);
  results = vv_test_mt_queue_run (queue, "fr", "en", (const char * const *) texts, NULL);
  g_assert_cmpuint (results->n_failed, ==, 1);
  g_assert_null (results->translations[0]);
  g_assert_error (results->errors[0], VV_MT_ERROR, VV_MT_ERROR_BAD_RESPONSE);
  g_assert_nonnull (results->translations[1]);
  g_assert_nonnull (results->translations[2]);
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 3);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("deepl");
  g_autoptr(VvMtQueue) queue = queue_for ("deepl", server, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(GStrv) texts = make_texts (500);
  g_autoptr(VvMtResults) results = NULL;
  gint64 start = g_get_monotonic_time ();

  vv_fake_mt_server_set_fault (server, VV_FAKE_MT_NEVER_ANSWERS, 0);
  g_timeout_add (200, cancel_cb, cancellable);
  results = vv_test_mt_queue_run (queue, "fr", "en", (const char * const *) texts, cancellable);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (results->n_failed, ==, 500);
  for (guint i = 0; i < results->n; i++)
    g_assert_error (results->errors[i], VV_MT_ERROR, VV_MT_ERROR_CANCELLED);
  /* 10 batches of 50, 4 in flight when cancelled */
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 4);
}

static void
test_cancel_during_backoff (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("deepl");
  g_autoptr(VvMtQueue) queue = queue_for ("deepl", server, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(GStrv) texts = make_texts (3);
  g_autoptr(VvMtResults) results = NULL;
  gint64 start = g_get_monotonic_time ();

  /* a long back-off, interrupted */
  vv_mt_queue_set_backoff (queue, 30000, 60000, 5);
  vv_fake_mt_server_set_fault (server, VV_FAKE_MT_500, 0);
  g_timeout_add (300, cancel_cb, cancellable);
  results = vv_test_mt_queue_run (queue, "fr", "en", (const char * const *) texts, cancellable);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  g_assert_cmpuint (results->n_failed, ==, 3);
  g_assert_error (results->errors[0], VV_MT_ERROR, VV_MT_ERROR_CANCELLED);
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 1);
}

static void
on_progress_cb (VvMtQueue *queue,
                guint      done,
                guint      total,
                guint     *last)
{
  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, last[0]);
  last[0] = done;
  last[1] = total;
  last[2]++;
}

static void
test_cache_dedupe_blank_progress (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("libretranslate");
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(VvMtCache) cache = vv_mt_cache_new (dir_file);
  g_autoptr(VvMtQueue) queue = queue_for ("libretranslate", server, cache);
  const char *texts[] = { "Le chat.", "  ", "Le chien.", "Le chat.", "Tab\tet\nligne \\ fin", NULL };
  g_autoptr(VvMtResults) r1 = NULL;
  g_autoptr(VvMtResults) r2 = NULL;
  g_autoptr(VvMtResults) r3 = NULL;
  guint progress[3] = { 0, 0, 0 };

  g_signal_connect (queue, "progress", G_CALLBACK (on_progress_cb), progress);
  r1 = vv_test_mt_queue_run (queue, "fr", "en", texts, NULL);
  g_assert_cmpuint (r1->n_failed, ==, 0);
  g_assert_cmpstr (r1->translations[0], ==, "[en] Le chat.");
  g_assert_cmpstr (r1->translations[1], ==, "  ");
  g_assert_cmpstr (r1->translations[3], ==, "[en] Le chat.");
  g_assert_cmpstr (r1->translations[4], ==, "[en] Tab\tet\nligne \\ fin");
  g_assert_cmpuint (progress[0], ==, 5);
  g_assert_cmpuint (progress[1], ==, 5);
  g_assert_cmpuint (progress[2], >=, 2);
  /* duplicates and blanks are not sent */
  g_assert_nonnull (strstr (vv_fake_mt_server_get_last_body (server), "\"q\":[\"Le chat.\",\"Le chien.\",\"Tab\\tet\\nligne \\\\ fin\"]"));
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 1);

  /* Second run: from the cache, no request */
  r2 = vv_test_mt_queue_run (queue, "fr", "en", texts, NULL);
  g_assert_cmpuint (r2->n_cached, ==, 4);
  g_assert_cmpuint (r2->n_requests, ==, 0);
  g_assert_cmpstr (r2->translations[4], ==, "[en] Tab\tet\nligne \\ fin");
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 1);

  /* A new cache on the same folder reads what was saved */
  {
    g_autoptr(VvMtCache) cache2 = vv_mt_cache_new (dir_file);
    g_autoptr(VvMtProvider) provider = vv_mt_libretranslate_new (vv_fake_mt_server_get_url (server), "k");
    g_autoptr(VvMtQueue) queue2 = vv_mt_queue_new (provider, cache2);

    r3 = vv_test_mt_queue_run (queue2, "fr", "en", texts, NULL);
    g_assert_cmpuint (r3->n_cached, ==, 4);
    g_assert_cmpstr (r3->translations[4], ==, "[en] Tab\tet\nligne \\ fin");
    g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 1);
    /* another pair is another table */
    g_assert_null (vv_mt_cache_lookup (cache2, "libretranslate|x", "fr", "de", "Le chat."));
  }
  vv_test_rm_rf (dir);
}

static void
test_context (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("deepl");
  g_autoptr(VvMtQueue) queue = queue_for ("deepl", server, NULL);
  const char *texts[] = { "Un.", "Deux.", "Trois.", "Quatre.", NULL };
  g_autoptr(VvMtResults) results = NULL;

  vv_mt_queue_set_max_batch (queue, 2);
  vv_mt_queue_set_concurrency (queue, 1);
  results = vv_test_mt_queue_run (queue, "fr", "en", texts, NULL);
  g_assert_cmpuint (results->n_failed, ==, 0);
  /* the second batch gets the two sentences before it */
  g_assert_nonnull (strstr (vv_fake_mt_server_get_last_body (server), "\"context\":\"Un. Deux.\""));
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
run_document (VvMtQueue    *queue,
              VvDocument   *document,
              VvMtSummary  *summary,
              GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vv_mt_translate_document_async (queue, document, TRUE, NULL, store_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return vv_mt_translate_document_finish (queue, result, summary, error);
}

/* Human work is sacred: only untranslated segments get drafts */
static void
test_document (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("libretranslate");
  g_autoptr(VvMtQueue) queue = queue_for ("libretranslate", server, NULL);
  g_autoptr(VvDocument) document = vv_test_document_from_text ("Le titre\n\nLe chat est noir. Le chien est blanc. Il pleut.\n");
  g_autoptr(GError) error = NULL;
  VvMtSummary summary = { 0 };
  VvSegment *title, *human, *typed, *empty;

  g_assert_cmpuint (vv_document_get_n_segments (document), ==, 4);
  title = vv_document_get_segment (document, 0);
  human = vv_document_get_segment (document, 1);
  typed = vv_document_get_segment (document, 2);
  empty = vv_document_get_segment (document, 3);

  vv_document_set_target_language (document, "en");

  vv_segment_set_target (human, "The cat is black.");
  vv_segment_set_origin (human, "human");
  vv_segment_commit (human, VV_SEGMENT_STATE_TRANSLATED, "me");
  /* typed but not confirmed: still untranslated, but not empty */
  vv_segment_set_target (typed, "The dog");

  g_assert_true (run_document (queue, document, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_segments, ==, 4);
  g_assert_cmpuint (summary.n_filled, ==, 2);
  g_assert_cmpuint (summary.n_suggestions, ==, 4);
  g_assert_cmpuint (summary.n_kept, ==, 2);
  g_assert_cmpuint (summary.n_failed, ==, 0);
  vv_mt_summary_clear (&summary);

  g_assert_cmpstr (vv_segment_get_target (title), ==, "[en] Le titre");
  g_assert_cmpint (vv_segment_get_state (title), ==, VV_SEGMENT_STATE_DRAFT);
  g_assert_cmpstr (vv_segment_get_origin (title), ==, "mt:libretranslate");
  g_assert_cmpstr (vv_segment_get_target (human), ==, "The cat is black.");
  g_assert_cmpint (vv_segment_get_state (human), ==, VV_SEGMENT_STATE_TRANSLATED);
  g_assert_cmpstr (vv_segment_get_origin (human), ==, "human");
  g_assert_cmpstr (vv_segment_lookup_suggestion (human, "libretranslate"), ==, "[en] Le chat est noir.");
  g_assert_cmpstr (vv_segment_get_target (typed), ==, "The dog");
  g_assert_cmpstr (vv_segment_get_target (empty), ==, "[en] Il pleut.");

  /* A failing server leaves everything as it was */
  {
    g_autoptr(VvDocument) other = vv_test_document_from_text ("Une phrase. Une autre.\n");
    vv_document_set_target_language (other, "en");
    vv_fake_mt_server_set_fault (server, VV_FAKE_MT_403, 0);
    g_assert_true (run_document (queue, other, &summary, &error));
    g_assert_cmpuint (summary.n_failed, ==, vv_document_get_n_segments (other));
    g_assert_cmpuint (summary.n_failed, >=, 1);
    g_assert_cmpuint (summary.n_filled, ==, 0);
    g_assert_error (summary.first_error, VV_MT_ERROR, VV_MT_ERROR_AUTH);
    {
      const char *target = vv_segment_get_target (vv_document_get_segment (other, 0));
      g_assert_cmpstr (target ? target : "", ==, "");
    }
    g_assert_cmpint (vv_segment_get_state (vv_document_get_segment (other, 0)), ==, VV_SEGMENT_STATE_UNTRANSLATED);
    vv_mt_summary_clear (&summary);
  }
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/mt/queue/batches", test_batches);
  g_test_add_func ("/mt/queue/char-limit", test_char_limit);
  g_test_add_func ("/mt/queue/concurrency", test_concurrency);
  g_test_add_func ("/mt/queue/default-concurrency", test_default_concurrency);
  g_test_add_func ("/mt/queue/retry-5xx", test_retry_5xx);
  g_test_add_func ("/mt/queue/retry-gives-up", test_retry_gives_up);
  g_test_add_func ("/mt/queue/retry-after", test_retry_after);
  g_test_add_func ("/mt/queue/429-backoff", test_429_without_retry_after);
  for (guint i = 0; i < G_N_ELEMENTS (fatal_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/mt/queue/no-retry/%s/%u", fatal_cases[i].provider, i);
      g_test_add_data_func (path, &fatal_cases[i], test_fatal);
    }
  g_test_add_func ("/mt/queue/split-too-large", test_split_too_large);
  g_test_add_func ("/mt/queue/wrong-count", test_wrong_count_split_once);
  g_test_add_func ("/mt/queue/partial-failure", test_partial_failure);
  g_test_add_func ("/mt/queue/cancel", test_cancel);
  g_test_add_func ("/mt/queue/cancel-backoff", test_cancel_during_backoff);
  g_test_add_func ("/mt/queue/cache", test_cache_dedupe_blank_progress);
  g_test_add_func ("/mt/queue/context", test_context);
  g_test_add_func ("/mt/document/translate-all", test_document);

  return g_test_run ();
}
