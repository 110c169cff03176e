/* bench-mt.c: machine-translation throughput through a real Apertium APy
 * (started on a free loopback port with ../shared/mt/apertium-server.sh),
 * fr→es: one big request, one request per segment and batches of 20 at
 * concurrency 1, 2, 4, 8, the queue's default, and the cache.
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "vv-apertium-server.h"
#include "vv-fake-mt-server.h"
#include "vv-test-utils.h"

/* The machine is shared: the load average, and the CPU time of this
 * process (the client side; APy's own time is not counted) */
static void
print_load (const char *when)
{
  double load[3] = { 0, 0, 0 };
  struct rusage usage;

  if (getloadavg (load, 3) < 0)
    load[0] = load[1] = load[2] = -1;
  getrusage (RUSAGE_SELF, &usage);
  g_print ("[%s] load average %.2f %.2f %.2f; bench CPU user %.2f s, system %.2f s\n", when, load[0], load[1], load[2],
           usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6, usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6);
}

/* APy's own CPU time (the server and its pipeline processes, plus the
 * deformatters and reformatters it started and reaped): unlike wall time,
 * it does not depend on what else runs on the machine */
static int apy_pid;

static int
find_apy_pid (const char *url)
{
  const char *port = strrchr (url, ':');
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  const char *name;

  while (port && dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *cmdline = NULL;
      gsize length = 0;
      gboolean marker = FALSE;

      if (!g_ascii_isdigit (*name) || !g_file_get_contents (path, &cmdline, &length, NULL))
        continue;
      for (gsize i = 0; i < length; i += strlen (cmdline + i) + 1)
        {
          marker |= g_str_equal (cmdline + i, "visavis-apertium-apy");
          if (marker && g_str_equal (cmdline + i, "-p") && i + 3 < length && g_str_equal (cmdline + i + 3, port + 1))
            return atoi (name);
        }
    }
  return 0;
}

static double
apy_cpu_seconds (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  g_autoptr(GHashTable) parent = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) ticks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  const char *name;
  double total = 0;

  if (apy_pid == 0 || dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *stat = NULL;
      const char *after;
      int ppid = 0;
      unsigned long long ut = 0, st = 0;
      long long cut = 0, cst = 0;

      if (!g_ascii_isdigit (*name) || !g_file_get_contents (path, &stat, NULL, NULL) ||
          (after = strrchr (stat, ')')) == NULL)
        continue;
      /* after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime */
      if (sscanf (after + 2, "%*c %d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu %lld %lld",
                  &ppid, &ut, &st, &cut, &cst) != 5)
        continue;
      g_hash_table_insert (parent, GINT_TO_POINTER (atoi (name)), GINT_TO_POINTER (ppid));
      g_hash_table_insert (ticks, GINT_TO_POINTER (atoi (name)), g_memdup2 ((double[]) { (double) (ut + st + cut + cst) }, sizeof (double)));
    }
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, ticks);
    while (g_hash_table_iter_next (&iter, &key, &value))
      for (int pid = GPOINTER_TO_INT (key), depth = 0; pid > 1 && depth < 16; depth++)
        {
          if (pid == apy_pid)
            {
              total += *(double *) value;
              break;
            }
          pid = GPOINTER_TO_INT (g_hash_table_lookup (parent, GINT_TO_POINTER (pid)));
        }
  }
  return total / sysconf (_SC_CLK_TCK);
}

static GPtrArray *
load_sentences (guint max)
{
  g_autofree char *gold = vv_test_shared_path ("corpus", "segmentation", "pud.gold", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  if (gold == NULL || !g_file_get_contents (gold, &contents, NULL, NULL))
    g_error ("cannot read ../shared/corpus/segmentation/pud.gold");
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] && out->len < max; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i])
        g_ptr_array_add (out, g_strdup (lines[i]));
    }
  g_ptr_array_add (out, NULL);
  return out;
}

static GPtrArray *
load_article (void)
{
  g_autofree char *path = g_build_filename (SOURCE_ROOT, "data", "samples", "sample-article.txt", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  g_autoptr(VvDocument) document = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    g_error ("cannot read %s", path);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  document = vv_import_text (bytes, "sample-article.txt", segmenter, NULL);
  for (guint i = 0; i < vv_document_get_n_segments (document); i++)
    g_ptr_array_add (out, g_strdup (vv_segment_get_source (vv_document_get_segment (document, i))));
  g_ptr_array_add (out, NULL);
  return out;
}

/* One raw POST /translate with @n segments joined by <p>; returns the
 * number of parts that came back */
static guint
big_request (const char *url,
             GPtrArray  *texts,
             guint       first,
             guint       n,
             double     *seconds)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GString) q = g_string_new (NULL);
  g_autofree char *endpoint = g_strconcat (url, "/translate", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", endpoint);
  g_autofree char *escaped = NULL;
  g_autofree char *form = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  const char *text;
  gint64 start;

  soup_session_set_proxy_resolver (session, NULL);
  for (guint i = 0; i < n; i++)
    {
      const char *t = g_ptr_array_index (texts, first + i);
      if (i)
        g_string_append (q, "<p>");
      for (const char *p = t; *p; p++)
        {
          if (*p == '&') g_string_append (q, "&amp;");
          else if (*p == '<') g_string_append (q, "&lt;");
          else if (*p == '>') g_string_append (q, "&gt;");
          else g_string_append_c (q, *p);
        }
    }
  escaped = g_uri_escape_string (q->str, NULL, FALSE);
  form = g_strconcat ("langpair=fr%7Ces&markUnknown=no&q=", escaped, NULL);
  body = g_bytes_new (form, strlen (form));
  soup_message_set_request_body_from_bytes (message, "application/x-www-form-urlencoded", body);
  start = g_get_monotonic_time ();
  reply = soup_session_send_and_read (session, message, NULL, &error);
  *seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), NULL));
  text = json_object_get_string_member (json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                                                     "responseData"), "translatedText");
  parts = g_strsplit (text, "<p>", -1);
  return g_strv_length (parts);
}

/* Drives the provider directly, @concurrency requests in flight, @batch
 * segments each: no clamping, to show what the limits are for */
typedef struct
{
  VvMtProvider *provider;
  GPtrArray    *texts;
  guint         n;
  guint         batch;
  guint         concurrency;
  guint         next;
  guint         running;
  guint         done;
  guint         failed;
  guint         empty;
} Drive;

static void drive_pump (Drive *drive);

static void
drive_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Drive *drive = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) out = vv_mt_provider_translate_finish (VV_MT_PROVIDER (object), result, &error);
  guint n = 0;

  drive->running--;
  n = out ? g_strv_length (out) : MIN (drive->batch, drive->n - drive->done);
  if (out == NULL)
    drive->failed += n;
  else
    for (guint i = 0; out[i]; i++)
      drive->empty += *out[i] == '\0';
  drive->done += n;
  drive_pump (drive);
}

static void
drive_pump (Drive *drive)
{
  while (drive->running < drive->concurrency && drive->next < drive->n)
    {
      guint n = MIN (drive->batch, drive->n - drive->next);
      g_autofree const char **texts = g_new0 (const char *, n + 1);

      for (guint i = 0; i < n; i++)
        texts[i] = g_ptr_array_index (drive->texts, drive->next + i);
      drive->next += n;
      drive->running++;
      vv_mt_provider_translate_async (drive->provider, "fr", "es", texts, NULL, NULL, drive_cb, drive);
    }
}

static double
drive_run (VvMtProvider *provider,
           GPtrArray    *texts,
           guint         n,
           guint         batch,
           guint         concurrency,
           guint        *failed)
{
  Drive drive = { provider, texts, n, batch, concurrency, 0, 0, 0, 0, 0 };
  gint64 start = g_get_monotonic_time ();

  drive_pump (&drive);
  while (drive.done < n)
    g_main_context_iteration (NULL, TRUE);
  *failed = drive.failed + drive.empty;
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
queue_run (VvMtQueue    *queue,
           GPtrArray    *texts,
           VvMtResults **results_out)
{
  gint64 start = g_get_monotonic_time ();
  VvMtResults *results = vv_test_mt_queue_run (queue, "fr", "es", (const char * const *) texts->pdata, NULL);
  double seconds = (g_get_monotonic_time () - start) / 1e6;

  *results_out = results;
  return seconds;
}

#define ROUNDS 5

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static guint
count_missing (VvMtResults *results)
{
  guint missing = 0;

  for (guint i = 0; i < results->n; i++)
    missing += results->translations[i] == NULL || *results->translations[i] == '\0';
  return missing;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  VvApertiumServer *apy;
  g_autoptr(VvMtProvider) provider = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GPtrArray) article = NULL;
  guint n_big = 0, parts, failed;
  gsize chars = 0;
  double seconds, best_big = 1e9, big_rate;
  const guint concurrencies[] = { 1, 2, 4, 8 };

  vv_locale_init ("C.UTF-8");
  print_load ("start");
  apy = vv_apertium_server_start (&error);
  if (apy == NULL)
    g_error ("%s", error->message);
  provider = vv_mt_apertium_new (vv_apertium_server_get_url (apy));
  apy_pid = find_apy_pid (vv_apertium_server_get_url (apy));
  if (apy_pid == 0)
    g_print ("(APy's process not found: no server CPU times)\n");
  sentences = load_sentences (1000);
  article = load_article ();
  g_print ("APy %s, fr→es; %u corpus sentences (pud.gold), sample article %u segments\n",
           vv_apertium_server_get_url (apy), sentences->len - 1, article->len - 1);

  /* warm-up: start the pipeline */
  drive_run (provider, sentences, 20, 20, 1, &failed);

  /* 1. one big request: as many sentences as fit in 30,000 characters
   * (APy keeps at most 10 chunks of ≤ 4,096 bytes) */
  for (n_big = 0; n_big < sentences->len - 1; n_big++)
    {
      gsize len = strlen (g_ptr_array_index (sentences, n_big)) + 3;
      if (chars + len > 30000)
        break;
      chars += len;
    }
  for (guint r = 0; r < 3; r++)
    {
      parts = big_request (vv_apertium_server_get_url (apy), sentences, 0, n_big, &seconds);
      best_big = MIN (best_big, seconds);
      g_print ("big request: %u sentences, %zu bytes: %.3f s, %u parts back%s\n", n_big, chars, seconds, parts,
               parts == n_big ? "" : " (TRUNCATED)");
    }
  big_rate = n_big / best_big;
  g_print ("big request (best of 3): %.0f sentences/s\n\n", big_rate);

  /* 2. one request per segment, then batches of 20, at 1, 2, 4, 8 in flight */
  for (guint b = 0; b < 2; b++)
    {
      guint batch = b == 0 ? 1 : 20;
      guint n = b == 0 ? 300 : sentences->len - 1;

      for (guint c = 0; c < G_N_ELEMENTS (concurrencies); c++)
        {
          seconds = drive_run (provider, sentences, n, batch, concurrencies[c], &failed);
          g_print ("%-22s concurrency %u: %u segments in %.3f s = %4.0f segments/s (%u missing)\n",
                   batch == 1 ? "one per request," : "batches of 20,", concurrencies[c], n, seconds, n / seconds, failed);
        }
    }

  /* 3. the queue's default (no cache) against one big request, in five
   * rounds so that both see the same load; the old default (batches of 20
   * segments) alongside; the median of the rounds' ratios */
  {
    double best_queue = 1e9, best_old = 1e9, best_round_big = 1e9;
    double ratios[ROUNDS], old_ratios[ROUNDS];

    for (guint r = 0; r < ROUNDS; r++)
      {
        g_autoptr(VvMtQueue) queue = vv_mt_queue_new (provider, NULL);
        g_autoptr(VvMtQueue) old = vv_mt_queue_new (provider, NULL);
        g_autoptr(VvMtResults) results = NULL;
        g_autoptr(VvMtResults) old_results = NULL;
        double big_seconds, queue_seconds, old_seconds, rate, cpu0, cpu1, cpu2, cpu3;

        /* big requests over the same 1,000 sentences, one after another, so
         * that they cover as long a stretch of the (varying) load as the queue */
        big_seconds = 0;
        cpu0 = apy_cpu_seconds ();
        {
          guint done = 0, n_all = sentences->len - 1;

          while (done < n_all)
            {
              guint n = 0;
              gsize bytes = 0;
              double s1;

              while (done + n < n_all && bytes + strlen (g_ptr_array_index (sentences, done + n)) + 3 <= 30000)
                bytes += strlen (g_ptr_array_index (sentences, done + n++)) + 3;
              parts = big_request (vv_apertium_server_get_url (apy), sentences, done, n, &s1);
              if (parts != n)
                g_print ("big request TRUNCATED: %u of %u parts\n", parts, n);
              big_seconds += s1;
              done += n;
            }
        }
        cpu1 = apy_cpu_seconds ();
        queue_seconds = queue_run (queue, sentences, &results);
        cpu2 = apy_cpu_seconds ();
        vv_mt_queue_set_max_batch (old, 20);
        old_seconds = queue_run (old, sentences, &old_results);
        cpu3 = apy_cpu_seconds ();
        rate = results->n / queue_seconds;
        g_print ("\nround %u: big requests (≤ 30,000 bytes each, one after another) %.0f sentences/s;"
                 " queue default (concurrency %u, %u requests): %u segments in %.3f s"
                 " = %.0f segments/s = %.0f %% of this round's big requests; %u failed, %u missing\n",
                 r + 1, results->n / big_seconds, vv_mt_queue_get_concurrency (queue), results->n_requests, results->n,
                 queue_seconds, rate, 100 * rate * big_seconds / results->n, results->n_failed, count_missing (results));
        g_print ("round %u: old default, batches of 20 (%u requests): %.0f segments/s = %.0f %% of this round's big requests;"
                 " %u failed, %u missing\n",
                 r + 1, old_results->n_requests, old_results->n / old_seconds,
                 100 * (old_results->n / old_seconds) * big_seconds / results->n, old_results->n_failed,
                 count_missing (old_results));
        g_print ("round %u: APy CPU time for the 1,000 sentences: big requests %.2f s, queue default %.2f s,"
                 " old default %.2f s\n", r + 1, cpu1 - cpu0, cpu2 - cpu1, cpu3 - cpu2);
        ratios[r] = rate * big_seconds / results->n;
        old_ratios[r] = (old_results->n / old_seconds) * big_seconds / results->n;
        print_load ("round");
        best_queue = MIN (best_queue, queue_seconds / results->n);
        best_old = MIN (best_old, old_seconds / old_results->n);
        best_round_big = MIN (best_round_big, big_seconds / results->n);
      }
    qsort (ratios, ROUNDS, sizeof (double), compare_doubles);
    qsort (old_ratios, ROUNDS, sizeof (double), compare_doubles);
    g_print ("\nmedian of the %u rounds: queue default %.0f %% of the big requests (range %.0f–%.0f %%);"
             " old default %.0f %% (range %.0f–%.0f %%)\n",
             ROUNDS, 100 * ratios[ROUNDS / 2], 100 * ratios[0], 100 * ratios[ROUNDS - 1],
             100 * old_ratios[ROUNDS / 2], 100 * old_ratios[0], 100 * old_ratios[ROUNDS - 1]);
    best_round_big = MIN (best_round_big, 1 / big_rate);
    g_print ("\nbest of all: big request %.0f sentences/s; queue default %.0f segments/s = %.0f %%;"
             " old default (20 per batch) %.0f segments/s = %.0f %%\n",
             1 / best_round_big, 1 / best_queue, 100 * best_round_big / best_queue,
             1 / best_old, 100 * best_round_big / best_old);
  }
  {
    g_autoptr(VvMtQueue) queue = vv_mt_queue_new (provider, NULL);
    g_autoptr(VvMtResults) results = NULL;

    seconds = queue_run (queue, article, &results);
    g_print ("queue default, sample article: %u segments in %.3f s = %.0f segments/s; %u failed, %u missing\n",
             results->n, seconds, results->n / seconds, results->n_failed, count_missing (results));
  }

  /* 4. the cache: a second run, then a new cache read back from disk */
  {
    g_autofree char *dir = vv_test_make_tmpdir ();
    g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
    g_autoptr(VvMtCache) cache = vv_mt_cache_new (dir_file);
    g_autoptr(VvMtQueue) queue = vv_mt_queue_new (provider, cache);
    g_autoptr(VvMtResults) r1 = NULL;
    g_autoptr(VvMtResults) r2 = NULL;
    g_autoptr(VvMtResults) r3 = NULL;
    double t1, t2, t3;

    t1 = queue_run (queue, sentences, &r1);
    t2 = queue_run (queue, sentences, &r2);
    {
      g_autoptr(VvMtCache) cache2 = vv_mt_cache_new (dir_file);
      g_autoptr(VvMtQueue) queue2 = vv_mt_queue_new (provider, cache2);
      t3 = queue_run (queue2, sentences, &r3);
    }
    g_print ("\ncache: first run %.3f s (%u requests); second run %.4f s (%u cached, %u requests) = %.0f× faster;"
             " new process reading the cache %.4f s = %.0f× faster\n",
             t1, r1->n_requests, t2, r2->n_cached, r2->n_requests, t1 / t2, t3, t1 / t3);
    vv_test_rm_rf (dir);
  }

  print_load ("end");
  g_clear_object (&provider);
  vv_apertium_server_stop (apy);
  return 0;
}
