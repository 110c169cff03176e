/* test-edit-time.c: time spent per segment — the edit timer, the project
 * file (saved, reloaded, old files without it), statistics and
 * `visavis-cli stats`
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vv-test-utils.h"

#define S G_USEC_PER_SEC

static void
test_timer (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text ("Le chat dort. Le chien aboie.\n");
  VvSegment *a = vv_document_get_segment (document, 0);
  VvSegment *b = vv_document_get_segment (document, 1);
  VvEditTimer timer = { 0 };
  gint64 t = 1000 * S;

  vv_edit_timer_activity (&timer, a, t);                  /* first key: nothing yet */
  g_assert_cmpuint (vv_segment_get_edit_seconds (a), ==, 0);
  vv_edit_timer_activity (&timer, a, t + 2 * S);
  vv_edit_timer_activity (&timer, a, t + 5 * S);
  g_assert_cmpuint (vv_segment_get_edit_seconds (a), ==, 5);
  vv_edit_timer_activity (&timer, a, t + 5 * S + S / 2);  /* half a second pending */
  g_assert_cmpuint (vv_segment_get_edit_seconds (a), ==, 5);
  vv_edit_timer_activity (&timer, a, t + 6 * S);
  g_assert_cmpuint (vv_segment_get_edit_seconds (a), ==, 6);

  /* away for more than 30 s: the pause does not count */
  vv_edit_timer_activity (&timer, a, t + 6 * S + VV_EDIT_IDLE_LIMIT_US + 1);
  g_assert_cmpuint (vv_segment_get_edit_seconds (a), ==, 6);
  /* exactly 30 s still counts */
  vv_edit_timer_activity (&timer, a, t + 6 * S + 2 * VV_EDIT_IDLE_LIMIT_US + 1);
  g_assert_cmpuint (vv_segment_get_edit_seconds (a), ==, 36);

  /* another segment: starts from zero, a untouched */
  vv_edit_timer_activity (&timer, b, t + 100 * S);
  vv_edit_timer_activity (&timer, b, t + 103 * S);
  g_assert_cmpuint (vv_segment_get_edit_seconds (a), ==, 36);
  g_assert_cmpuint (vv_segment_get_edit_seconds (b), ==, 3);

  /* clock going backwards never subtracts */
  vv_edit_timer_activity (&timer, b, t + 50 * S);
  g_assert_cmpuint (vv_segment_get_edit_seconds (b), ==, 3);

  vv_edit_timer_flush (&timer);
  g_assert_null (timer.segment);
  vv_edit_timer_flush (&timer);                           /* twice is harmless */
}

static void
test_project_and_stats (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text ("Le chat dort. Le chien aboie. Une souris.\n");
  g_autoptr(VvDocument) loaded = NULL;
  g_autoptr(VvDocument) old = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *without = NULL;
  g_autoptr(GRegex) regex = NULL;
  VvStats stats;
  gsize length;

  vv_segment_add_edit_seconds (vv_document_get_segment (document, 0), 40);
  vv_segment_add_edit_seconds (vv_document_get_segment (document, 2), 20);

  vv_stats_compute (document, &stats);
  g_assert_cmpuint (stats.n_timed, ==, 2);
  g_assert_cmpuint (stats.edit_seconds, ==, 60);

  data = vv_project_to_data (document, &length);
  g_assert_nonnull (strstr (data, "\"edit-seconds\" : 40"));
  loaded = vv_project_from_data (data, length, "t.visavis", &error);
  g_assert_no_error (error);
  if (loaded == NULL)
    g_error ("not loaded");
  g_assert_cmpuint (vv_segment_get_edit_seconds (vv_document_get_segment (loaded, 0)), ==, 40);
  g_assert_cmpuint (vv_segment_get_edit_seconds (vv_document_get_segment (loaded, 1)), ==, 0);
  g_assert_cmpuint (vv_segment_get_edit_seconds (vv_document_get_segment (loaded, 2)), ==, 20);

  /* a file from before time tracking loads, with no time */
  regex = g_regex_new (",\\s*\"edit-seconds\" : \\d+", 0, 0, NULL);
  without = g_regex_replace_literal (regex, data, -1, 0, "", 0, NULL);
  g_assert_null (strstr (without, "edit-seconds"));
  old = vv_project_from_data (without, strlen (without), "old.visavis", &error);
  g_assert_no_error (error);
  if (old == NULL)
    g_error ("old file not loaded");
  vv_stats_compute (old, &stats);
  g_assert_cmpuint (stats.n_timed, ==, 0);
  g_assert_cmpuint (stats.edit_seconds, ==, 0);
}

static void
test_bad_value (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text ("Le chat dort.\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GString) bad = NULL;
  VvDocument *loaded;

  vv_segment_add_edit_seconds (vv_document_get_segment (document, 0), 7);
  data = vv_project_to_data (document, NULL);
  bad = g_string_new (data);
  g_assert_cmpuint (g_string_replace (bad, "\"edit-seconds\" : 7", "\"edit-seconds\" : -7", 1), ==, 1);
  loaded = vv_project_from_data (bad->str, bad->len, "bad.visavis", &error);
  g_assert_null (loaded);
  g_assert_error (error, VV_PROJECT_ERROR, VV_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "edit-seconds"));
  g_clear_error (&error);

  g_string_assign (bad, data);
  g_string_replace (bad, "\"edit-seconds\" : 7", "\"edit-seconds\" : \"7\"", 1);
  loaded = vv_project_from_data (bad->str, bad->len, "bad.visavis", &error);
  g_assert_null (loaded);
  g_assert_error (error, VV_PROJECT_ERROR, VV_PROJECT_ERROR_INVALID);
}

static void
test_cli_stats (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text ("Le chat dort. Le chien aboie.\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "t.visavis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *out = NULL;

  vv_segment_add_edit_seconds (vv_document_get_segment (document, 1), 125);
  g_assert_true (vv_project_save (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vv_test_run_cli (NULL, &out, NULL, "stats", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "time spent: 125 s over 1 segments, 125.0 s average\n"));
  vv_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/core/edit-time/timer", test_timer);
  g_test_add_func ("/core/edit-time/project-and-stats", test_project_and_stats);
  g_test_add_func ("/core/edit-time/bad-value", test_bad_value);
  g_test_add_func ("/cli/edit-time/stats", test_cli_stats);

  return g_test_run ();
}
