/* bench-review.c: filtering and QA over a 50,000-segment document
 *
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures (not a pass/fail test). Targets (issue 6): filtering by
 * state or text < 50 ms; QA over the document < 200 ms. The filters run
 * both as a plain loop over vv_filter_match() and through the
 * GtkFilterListModel + GtkCustomFilter the window uses.
 */

#include "config.h"

#include <time.h>
#include <gtk/gtk.h>

#include <adwaita.h>

#include "vv-test-utils.h"
#include "vv-utils.h"
#include "vv-window-private.h"

#define N_SEGMENTS 50000
#define RUNS 5
#define N_KEYS 1000

/* what B and C type: English words, so the spell checker underlines
 * nothing (wavy underlines cost time in every frame that shows them) */
static const char typed_text[] =
  " and the mayor said that the new line would open in the spring of next year,"
  " after two years of works in the city centre";

static const char * const sources[] = {
  "Les travaux, estimés à 14,5 M€, commenceront au printemps.",
  "M. Martin, adjoint aux transports, promet « un chantier exemplaire ».",
  "Selon la métropole, 1 200 arbres seront plantés le long du tracé.",
  "Les premières rames circuleront à partir de 5 h 30 du lundi au samedi.",
  "Faut-il pour autant parler de concertation ?",
  "Le budget total atteint 312 millions d'euros, dont 40 % financés par l'État.",
  "La ligne ouvrira le 3 mars 2025.",
  "Les commerçants restent prudents.",
};

static const char * const targets[] = {
  "The works, estimated at €14.5M, will start in the spring.",
  "Mr Martin, deputy for transport, promises “an exemplary building site”.",
  "According to the metropolis, 1,200 trees will be planted along the route.",
  "The first trains will run from 5:30 am Monday to Saturday.",
  "Should we call that consultation?",
  "The total budget reaches 312 million euros, 40% of it paid by the State.",
  "The line will open on March 3, 2025.",
  "Shopkeepers remain  cautious",    /* two planted problems */
};

/* CPU time of this thread: the machine is shared, and wall time then
 * measures the neighbours too. Both are printed. */
static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* a word of letters only, different for each @i: makes every text of a
 * segment distinct without adding a number or punctuation */
static void
unique_word (GString *out,
             guint    i)
{
  g_string_append_c (out, 'Q');
  do
    {
      g_string_append_c (out, 'a' + i % 26);
      i /= 26;
    }
  while (i > 0);
  g_string_append_c (out, ' ');
}

/* @distinct: every source and target different (no repeated source for
 * the QA's per-source cache to reuse) */
static VvDocument *
make_document (gboolean distinct)
{
  VvDocument *document = vv_document_new ();
  g_autoptr(GString) source = g_string_new (NULL);
  g_autoptr(GString) target = g_string_new (NULL);
  g_autoptr(GString) mt = g_string_new (NULL);

  vv_document_set_target_language (document, "en");
  vv_document_begin_batch (document);
  /* blocks of 8 segments, without the segmenter's cost: one block per
   * sentence keeps the benchmark about review, not segmentation */
  for (guint i = 0; i < N_SEGMENTS; i++)
    {
      VvBlock *block;
      VvSegment *segment;
      guint kind = (i * 7919) % 10;

      g_string_truncate (source, 0);
      g_string_truncate (target, 0);
      g_string_truncate (mt, 0);
      if (distinct)
        {
          unique_word (source, i);
          unique_word (target, i);
          unique_word (mt, i);
        }
      g_string_append (source, sources[i % G_N_ELEMENTS (sources)]);
      g_string_append (mt, targets[(i + 1) % G_N_ELEMENTS (targets)]);
      g_string_append (target, kind < 5 ? targets[(i + 1) % G_N_ELEMENTS (targets)]
                                        : targets[i % G_N_ELEMENTS (targets)]);
      block = vv_document_append_text_block (document, VV_BLOCK_KIND_PARAGRAPH, 0, source->str, NULL);
      segment = vv_block_get_segment (block, 0);

      /* 30 % untranslated, 20 % draft from MT, 30 % translated, 10 % needs changes, 10 % approved */
      if (kind < 3)
        continue;
      vv_segment_set_suggestion (segment, "apertium", mt->str);
      vv_segment_set_origin (segment, "mt:apertium");
      vv_segment_set_target (segment, target->str);
      vv_segment_set_state (segment, kind < 5 ? VV_SEGMENT_STATE_DRAFT
                                   : kind < 8 ? VV_SEGMENT_STATE_TRANSLATED
                                   : kind < 9 ? VV_SEGMENT_STATE_NEEDS_CHANGES
                                              : VV_SEGMENT_STATE_APPROVED);
      if (kind == 8)
        vv_review_add_comment (segment, "Bea", "Check the figure.");
    }
  vv_document_end_batch (document);
  return document;
}

typedef struct
{
  const char *name;
  guint       states;
  const char *text;
  VvFilterScope scope;
  gboolean    comments;
  gboolean    changed;
} FilterCase;

static const FilterCase filter_cases[] = {
  { "state = translated", VV_FILTER_STATE_BIT (VV_SEGMENT_STATE_TRANSLATED), NULL, 0, FALSE, FALSE },
  { "state = untranslated or draft", VV_FILTER_STATE_BIT (VV_SEGMENT_STATE_UNTRANSLATED) |
                                     VV_FILTER_STATE_BIT (VV_SEGMENT_STATE_DRAFT), NULL, 0, FALSE, FALSE },
  { "text “budget” in source and target", VV_FILTER_ALL_STATES, "budget", VV_FILTER_SCOPE_BOTH, FALSE, FALSE },
  { "text “TRAVAUX” in source", VV_FILTER_ALL_STATES, "TRAVAUX", VV_FILTER_SCOPE_SOURCE, FALSE, FALSE },
  { "text “État” (non-ASCII) in both", VV_FILTER_ALL_STATES, "état", VV_FILTER_SCOPE_BOTH, FALSE, FALSE },
  { "has comments", VV_FILTER_ALL_STATES, NULL, 0, TRUE, FALSE },
  { "changed since MT", VV_FILTER_ALL_STATES, NULL, 0, FALSE, TRUE },
};

static void
configure (VvFilter         *filter,
           const FilterCase *c)
{
  vv_filter_set_states (filter, c->states);
  vv_filter_set_text (filter, c->text, c->scope);
  vv_filter_set_has_comments (filter, c->comments);
  vv_filter_set_changed_since_mt (filter, c->changed);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* mean, median, 99th percentile, max and count over 2 ms of @us (sorted here) */
static void
report_keys (const char *what,
             double     *us,
             guint       n)
{
  double total = 0;
  guint over = 0;

  for (guint i = 0; i < n; i++)
    {
      total += us[i];
      over += us[i] > 2000;
    }
  qsort (us, n, sizeof *us, compare_doubles);
  g_print ("  %s: mean %.0f µs, median %.0f µs, p99 %.0f µs, max %.0f µs, %u of %u over 2 ms\n",
           what, total / n, us[n / 2], us[(n * 99) / 100], us[n - 1], over, n);
}

typedef struct
{
  double in_frame;     /* thread CPU ms spent in frame clock phases */
  double frame_start;
  guint  frames;
} FrameTimes;

/* the phases of one frame run in one main-loop dispatch, from the first
 * requested one to "after-paint" */
static void
on_frame_phase (GdkFrameClock *clock,
                FrameTimes    *times)
{
  if (times->frame_start < 0)
    times->frame_start = now_ms ();
}

static void
on_after_paint (GdkFrameClock *clock,
                FrameTimes    *times)
{
  if (times->frame_start >= 0)
    times->in_frame += now_ms () - times->frame_start;
  times->frame_start = -1;
  times->frames++;
}

static gboolean
focus_target (VvWindow *window,
              guint     position)
{
  _vv_window_focus_position (window, position);
  for (int k = 0; k < 200; k++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

      if (GTK_IS_TEXT_VIEW (focus) && gtk_widget_is_ancestor (focus, GTK_WIDGET (window)) &&
          _vv_window_get_current_position (window) == position)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return GTK_IS_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (window)));
}

/* N_KEYS one-character inserts into targets, starting at segment 4 and
 * moving to the next segment every @per_target keystrokes (the move is not
 * timed): the characters of @text (ASCII) in turn, or "aaaaaa " repeated.
 * @frame_each: wait for the frame after each keystroke, as when someone
 * types (else back to back, iterating until idle). */
static void
type_keys (VvWindow   *window,
           const char *what,
           guint       per_target,
           gboolean    frame_each,
           const char *text)
{
  static double total_us[N_KEYS], handler_us[N_KEYS], frame_us[N_KEYS], wall_us[N_KEYS];
  static guint position = 4;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  static const char * const phases[] = { "before-paint", "update", "layout", "paint" };
  FrameTimes times = { 0, -1, 0 };
  gulong handlers[G_N_ELEMENTS (phases) + 1];
  GtkTextBuffer *buffer = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (phases); k++)
    handlers[k] = g_signal_connect (clock, phases[k], G_CALLBACK (on_frame_phase), &times);
  handlers[G_N_ELEMENTS (phases)] = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &times);
  for (guint i = 0; i < N_KEYS; i++)
    {
      gint64 w0;
      double cpu0, in_frame0;
      guint frames0;

      if (i % per_target == 0)
        {
          if (!focus_target (window, position++))
            {
              g_print ("typing: could not focus a target\n");
              exit (1);
            }
          buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (window))));
        }
      w0 = g_get_monotonic_time ();
      cpu0 = now_ms ();
      in_frame0 = times.in_frame;
      frames0 = times.frames;
      if (text != NULL)
        gtk_text_buffer_insert_at_cursor (buffer, text + i % strlen (text), 1);
      else
        gtk_text_buffer_insert_at_cursor (buffer, i % 7 == 6 ? " " : "a", -1);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (frame_each)
        {
          while (times.frames == frames0)
            g_main_context_iteration (NULL, TRUE);
          while (g_main_context_iteration (NULL, FALSE))
            ;
        }
      wall_us[i] = g_get_monotonic_time () - w0;
      total_us[i] = (now_ms () - cpu0) * 1000.0;
      frame_us[i] = (times.in_frame - in_frame0) * 1000.0;
      handler_us[i] = total_us[i] - frame_us[i];
    }
  for (guint k = 0; k < G_N_ELEMENTS (handlers); k++)
    g_signal_handler_disconnect (clock, handlers[k]);

  g_print (" %s:\n", what);
  {
    guint first = 0, over = 0, first_over = 0;
    double first_max = 0, other_max = 0;

    /* is it the first keystroke in a target (the segment's state changes
     * there) or any keystroke? */
    for (guint i = 0; i < N_KEYS; i++)
      {
        gboolean is_first = i % per_target == 0;

        first += is_first;
        over += handler_us[i] > 2000;
        first_over += is_first && handler_us[i] > 2000;
        if (is_first)
          first_max = MAX (first_max, handler_us[i]);
        else
          other_max = MAX (other_max, handler_us[i]);
      }
    g_print ("  handler over 2 ms: %u, of which %u first keystrokes in a target (%u such); "
             "max %.0f µs at a first keystroke, %.0f µs at the others\n",
             over, first_over, first, first_max, other_max);
  }
  report_keys ("handler         ", handler_us, N_KEYS);
  report_keys ("frame           ", frame_us, N_KEYS);
  report_keys ("handler + frame ", total_us, N_KEYS);
  if (!frame_each)
    report_keys ("wall time       ", wall_us, N_KEYS);
}

/* QA over @document: best of RUNS, thread CPU time and wall time */
static void
qa_figures (VvDocument *document,
            const char *what)
{
  g_autoptr(GPtrArray) findings = NULL;
  guint counts[3] = { 0 };
  double best = G_MAXDOUBLE, best_wall = G_MAXDOUBLE;

  for (int r = 0; r < RUNS; r++)
    {
      double w0 = wall_ms ();
      double t0;

      g_clear_pointer (&findings, g_ptr_array_unref);
      t0 = now_ms ();
      findings = vv_qa_check_document (document, NULL);
      best = MIN (best, now_ms () - t0);
      best_wall = MIN (best_wall, wall_ms () - w0);
    }
  for (guint i = 0; i < findings->len; i++)
    counts[((VvQaFinding *)g_ptr_array_index (findings, i))->severity]++;
  g_print ("\nQA, %s: %.1f ms CPU, %.1f ms wall (best of %d; target < 200 ms), %u findings "
           "(%u errors, %u warnings, %u notes)\n",
           what, best, best_wall, RUNS, findings->len, counts[2], counts[1], counts[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GtkFilterListModel) model = NULL;
  GtkCustomFilter *custom;
  VvFilter *filter = vv_filter_new ();
  double t0, t1, best, worst_loop = 0, worst_model = 0;
  guint n_matches = 0;

  vv_use_system_malloc (argv);   /* as the application does */
  vv_locale_init ("C.UTF-8");
  t0 = now_ms ();
  document = make_document (FALSE);
  t1 = now_ms ();
  g_print ("document: %u segments built in %.0f ms\n", vv_document_get_n_segments (document), t1 - t0);

  g_print ("\nfilter, plain loop over vv_filter_match (CPU ms, best of %d):\n", RUNS);
  for (guint k = 0; k < G_N_ELEMENTS (filter_cases); k++)
    {
      configure (filter, &filter_cases[k]);
      best = G_MAXDOUBLE;
      for (int r = 0; r < RUNS; r++)
        {
          guint n = vv_document_get_n_segments (document);
          t0 = now_ms ();
          n_matches = 0;
          for (guint i = 0; i < n; i++)
            n_matches += vv_filter_match (filter, vv_document_get_segment (document, i));
          best = MIN (best, now_ms () - t0);
        }
      worst_loop = MAX (worst_loop, best);
      g_print ("  %-36s %6u matches  %6.2f ms\n", filter_cases[k].name, n_matches, best);
    }

  /* The UI path: GtkFilterListModel (not incremental) + GtkCustomFilter */
  custom = gtk_custom_filter_new (vv_filter_match_item, filter, NULL);
  model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (document)), GTK_FILTER (custom));
  g_print ("\nfilter, GtkFilterListModel + gtk_filter_changed (CPU ms, best of %d; target < 50 ms):\n", RUNS);
  for (guint k = 0; k < G_N_ELEMENTS (filter_cases); k++)
    {
      best = G_MAXDOUBLE;
      for (int r = 0; r < RUNS; r++)
        {
          /* go back to everything, then filter: the full cost each time */
          vv_filter_free (filter);
          filter = vv_filter_new ();
          gtk_custom_filter_set_filter_func (custom, vv_filter_match_item, filter, NULL);
          configure (filter, &filter_cases[k]);
          t0 = now_ms ();
          gtk_filter_changed (GTK_FILTER (custom), GTK_FILTER_CHANGE_DIFFERENT);
          n_matches = g_list_model_get_n_items (G_LIST_MODEL (model));
          best = MIN (best, now_ms () - t0);
        }
      worst_model = MAX (worst_model, best);
      g_print ("  %-36s %6u items    %6.2f ms\n", filter_cases[k].name, n_matches, best);
    }
  g_print ("worst filter: %.2f ms (loop), %.2f ms (GtkFilterListModel) — target < 50 ms\n",
           worst_loop, worst_model);

  qa_figures (document, "50,000 segments, 8 distinct sources repeated");
  {
    g_autoptr(VvDocument) distinct = make_document (TRUE);

    qa_figures (distinct, "50,000 segments, every source and target distinct");
  }

  {
    VvStats stats;

    t0 = now_ms ();
    vv_stats_compute (document, &stats);
    g_print ("statistics (incl. post-editing distance of %u segments): %.1f ms\n",
             stats.n_post_edited, now_ms () - t0);
  }

  g_clear_object (&model);
  vv_filter_free (filter);

  /* Typing in the 50,000-segment window: main-loop work per keystroke */
  if (gtk_init_check ())
    {
      VvWindow *window;

      adw_init ();
      window = vv_window_new (NULL);
      gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
      vv_window_set_document (window, document, NULL);
      gtk_window_present (GTK_WINDOW (window));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      vv_window_set_review_mode (window, TRUE);
      g_print ("\ntyping in the 50,000-segment window, %u keystrokes per run (target < 2000 µs each).\n"
               "“handler”: the insert and everything the main loop runs until idle, except the\n"
               "frame clock's work (relayout + paint), which is “frame”; thread CPU time\n", N_KEYS);
      /* as the previous session measured: one target grows to 1,000+
       * characters, keystrokes back to back (a frame is painted about once
       * every dozen keystrokes) */
      type_keys (window, "review mode + side panel, one target growing by 1,000 characters, back to back",
                 N_KEYS, FALSE, NULL);
      /* as a translator types: sentence-length targets (60 characters of
       * English typed into each, then the next segment), and every
       * keystroke waits for its own frame */
      type_keys (window, "review mode + side panel, 60 characters per target, one frame per keystroke",
                 60, TRUE, typed_text);
      /* what a keystroke left for later (diff, spell check, stats after a
       * pause): run it and time it too, so it is not hidden */
      {
        double cpu0 = now_ms (), longest = 0;

        for (int k = 0; k < 50; k++)
          {
            double d0;
            gboolean more;

            g_usleep (10000);
            do
              {
                d0 = now_ms ();
                more = g_main_context_iteration (NULL, FALSE);
                longest = MAX (longest, now_ms () - d0);
              }
            while (more);
          }
        g_print ("  after the last keystroke, 0.5 s of idle/timeouts (diff panel, spell check, "
                 "cursor blinks): %.1f ms CPU, longest main-loop iteration %.1f ms\n",
                 now_ms () - cpu0, longest);
      }
      vv_window_set_review_mode (window, FALSE);
      gtk_revealer_set_reveal_child (window->sidebar_revealer, FALSE);
      type_keys (window, "review mode off, side panel closed, 60 characters per target, one frame per keystroke",
                 60, TRUE, typed_text);
      vv_document_set_dirty (document, FALSE);
      gtk_window_destroy (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  else
    g_print ("\ntyping: no display, skipped (run under xvfb-run)\n");
  return 0;
}
