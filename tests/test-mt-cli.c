/* test-mt-cli.c: visavis-cli translate against the fakes
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "vv-fake-mt-server.h"
#include "vv-test-utils.h"

typedef struct
{
  gboolean done;
  char    *out;
  char    *err;
} CliRun;

static void
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  CliRun *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->done = TRUE;
}

/* Runs visavis-cli while the fake (in this process) keeps answering */
static int
run_cli (char       **err,
         const char  *env_key,
         const char  *env_value,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  CliRun run = { 0 };
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("VISAVIS_CLI"));
  va_start (args, env_value);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (env_key)
    g_subprocess_launcher_setenv (launcher, env_key, env_value, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_wait (process, NULL, NULL);
  g_free (run.out);
  if (err)
    *err = run.err;
  else
    g_free (run.err);
  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

static char *
make_project (const char *dir)
{
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  char *project = g_build_filename (dir, "article.visavis", NULL);
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (text, "Le titre\n\nLe chat est noir. Le chien est blanc.\n", -1, NULL));
  g_assert_cmpint (vv_test_run_cli (NULL, NULL, &err, "import", text, "-o", project, NULL), ==, 0);
  return project;
}

static void
test_translate_libretranslate (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("libretranslate");
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *project = make_project (dir);
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (project);
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("VISAVIS_MT_CACHE_DIR", cache, TRUE);
  g_assert_cmpint (run_cli (&err, NULL, NULL, "translate", project, "--provider", "libretranslate",
                            "--url", vv_fake_mt_server_get_url (server), "--to", "de", "--concurrency", "2", NULL), ==, 0);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "Translating: 3/3 segments"));
  g_assert_nonnull (strstr (err, "3 segments translated with LibreTranslate into de (3 new drafts"));
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 1);

  document = vv_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vv_document_get_target_language (document), ==, "de");
  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (document, 1)), ==, "[de] Le chat est noir.");
  g_assert_cmpint (vv_segment_get_state (vv_document_get_segment (document, 1)), ==, VV_SEGMENT_STATE_DRAFT);
  g_assert_cmpstr (vv_segment_get_origin (vv_document_get_segment (document, 1)), ==, "mt:libretranslate");

  /* Again: everything from the cache, nothing overwritten */
  g_assert_cmpint (run_cli (&err2, NULL, NULL, "translate", project, "--provider", "libretranslate",
                            "--url", vv_fake_mt_server_get_url (server), NULL), ==, 0);
  g_assert_nonnull (strstr (err2, "0 new drafts, 3 from the cache, 3 kept"));
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 1);
  g_unsetenv ("VISAVIS_MT_CACHE_DIR");
  vv_test_rm_rf (dir);
}

static void
test_translate_key_from_env (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("deepl");
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *project = make_project (dir);
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;

  vv_fake_mt_server_set_key (server, "secret:fx");
  g_assert_cmpint (run_cli (&err, "VISAVIS_DEEPL_KEY", "wrong", "translate", project, "--provider", "deepl",
                            "--url", vv_fake_mt_server_get_url (server), "--no-cache", NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "3 segments failed"));
  g_assert_nonnull (strstr (err, "DeepL"));
  g_assert_nonnull (strstr (err, vv_fake_mt_server_get_url (server)));
  g_assert_nonnull (strstr (err, "API key"));
  /* the fake rejects the key before it counts a translation request */
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (server), ==, 0);

  g_assert_cmpint (run_cli (&err2, "VISAVIS_DEEPL_KEY", "secret:fx", "translate", project, "--provider", "deepl",
                            "--url", vv_fake_mt_server_get_url (server), "--no-cache", "--formality", "less", NULL), ==, 0);
  g_assert_nonnull (strstr (err2, "3 new drafts"));
  /* --formality reaches DeepL as prefer_less */
  g_assert_nonnull (strstr (vv_fake_mt_server_get_last_body (server), "\"formality\":\"prefer_less\""));
  vv_test_rm_rf (dir);
}

static void
test_translate_usage (void)
{
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;
  g_autofree char *err4 = NULL;
  g_autofree char *refused = vv_fake_mt_refused_url ();
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *project = make_project (dir);

  g_assert_cmpint (vv_test_run_cli (NULL, NULL, &err, "translate", "x.visavis", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "missing --provider"));
  g_assert_cmpint (vv_test_run_cli (NULL, NULL, &err2, "translate", "x.visavis", "--provider", "babelfish", NULL), ==, 2);
  g_assert_nonnull (strstr (err2, "unknown provider"));
  g_assert_cmpint (vv_test_run_cli (NULL, NULL, &err4, "translate", "x.visavis", "--provider", "deepl", "--formality", "polite", NULL), ==, 2);
  g_assert_nonnull (strstr (err4, "--formality must be default, more or less"));
  g_assert_cmpint (run_cli (&err3, NULL, NULL, "translate", project, "--provider", "libretranslate",
                            "--url", refused, "--no-cache", NULL), ==, 1);
  g_assert_nonnull (strstr (err3, refused));
  vv_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/cli/translate/libretranslate", test_translate_libretranslate);
  g_test_add_func ("/cli/translate/key-from-env", test_translate_key_from_env);
  g_test_add_func ("/cli/translate/usage", test_translate_usage);

  return g_test_run ();
}
