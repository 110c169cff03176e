/* test-mt-keyring.c: API keys through the app's libsecret code path
 * (vv-mt-keys.c) against a real gnome-keyring-daemon on a private session
 * bus; the key must not appear in GSettings or in a saved project. Skipped,
 * with the reason, when dbus-daemon or gnome-keyring-daemon is missing or
 * does not start.
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <signal.h>
#include <libsecret/secret.h>

#include "vv-core.h"
#include "vv-mt-keys.h"
#include "vv-test-utils.h"

#define SECRET_KEY "vv-test-6f1c2e9a:fx"

static GTestDBus   *bus;
static GSubprocess *daemon_process;
static char        *home;
static char        *skip_reason;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);

  while (*result == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("the keyring did not answer in 20 s");
  g_source_remove (id);
  return *result;
}

/* Whether org.freedesktop.secrets has an owner on the test bus */
static gboolean
secrets_on_bus (void)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean has = FALSE;

  if (connection == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, 2000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has);
  return has;
}

/* A private bus, then gnome-keyring-daemon unlocking a new login keyring
 * under a temporary $HOME; sets skip_reason when that cannot be done */
static void
start_keyring (void)
{
  g_autofree char *dbus_daemon = g_find_program_in_path ("dbus-daemon");
  g_autofree char *keyring = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *data = NULL;
  g_autofree char *runtime = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) password = g_bytes_new_static ("visavis-test\n", 13);
  gint64 deadline;

  if (dbus_daemon == NULL)
    {
      skip_reason = g_strdup ("dbus-daemon is not installed (Debian package dbus-daemon)");
      return;
    }
  if (keyring == NULL)
    {
      skip_reason = g_strdup ("gnome-keyring-daemon is not installed (Debian package gnome-keyring)");
      return;
    }
  home = vv_test_make_tmpdir ();
  data = g_build_filename (home, "data", NULL);
  runtime = g_build_filename (home, "runtime", NULL);
  g_mkdir_with_parents (data, 0700);
  g_mkdir_with_parents (runtime, 0700);

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);   /* sets DBUS_SESSION_BUS_ADDRESS */

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", g_test_dbus_get_bus_address (bus), TRUE);
  daemon_process = g_subprocess_launcher_spawn (launcher, &error, keyring, "--foreground", "--unlock",
                                                "--components=secrets", NULL);
  if (daemon_process == NULL)
    {
      skip_reason = g_strdup_printf ("gnome-keyring-daemon cannot start: %s", error->message);
      return;
    }
  /* the password of the new login keyring, on stdin, then EOF */
  g_output_stream_write_bytes (g_subprocess_get_stdin_pipe (daemon_process), password, NULL, NULL);
  g_output_stream_close (g_subprocess_get_stdin_pipe (daemon_process), NULL, NULL);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!secrets_on_bus () && g_get_monotonic_time () < deadline)
    g_usleep (100 * 1000);
  if (!secrets_on_bus ())
    skip_reason = g_strdup ("gnome-keyring-daemon started but did not take org.freedesktop.secrets within 10 s");
}

static void
stop_keyring (void)
{
  if (daemon_process != NULL)
    {
      g_subprocess_send_signal (daemon_process, SIGTERM);
      g_subprocess_wait (daemon_process, NULL, NULL);
      g_clear_object (&daemon_process);
    }
  /* libsecret keeps the bus connection of its service object; stop, not
   * down: down waits for the shared connection to be finalized */
  secret_service_disconnect ();
  if (bus != NULL)
    {
      g_test_dbus_stop (bus);
      /* not unreffed: its dispose would wait for the connection again */
      bus = NULL;
    }
  if (home != NULL)
    vv_test_rm_rf (home);
  g_clear_pointer (&home, g_free);
}

static char *
lookup (const char *provider)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  char *key;

  vv_mt_key_lookup_async (provider, NULL, store_result_cb, &result);
  key = vv_mt_key_lookup_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_object_unref (result);
  return key;
}

static void
store (const char *provider,
       const char *key)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  vv_mt_key_store_async (provider, key, NULL, store_result_cb, &result);
  g_assert_true (vv_mt_key_store_finish (wait_for (&result), &error));
  g_assert_no_error (error);
  g_object_unref (result);
}

/* Every key of the app's schema, printed */
static char *
all_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  GString *out = g_string_new (NULL);

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i]; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *printed = g_variant_print (value, FALSE);

      g_string_append_printf (out, "%s=%s\n", keys[i], printed);
    }
  return g_string_free (out, FALSE);
}

static void
test_store_and_read_back (void)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *found = NULL;
  g_autofree char *other = NULL;
  g_autofree char *cleared = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(VvMtProvider) provider = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_reason != NULL)
    {
      g_test_skip (skip_reason);
      return;
    }
  g_unsetenv ("VISAVIS_DEEPL_KEY");
  before = all_settings ();

  /* nothing stored yet: no key, not an error */
  found = lookup ("deepl");
  g_assert_null (found);

  store ("deepl", SECRET_KEY);
  found = lookup ("deepl");
  g_assert_cmpstr (found, ==, SECRET_KEY);
  /* one item per provider */
  other = lookup ("google");
  g_assert_null (other);

  /* the provider built the way the window builds it carries the key */
  provider = vv_mt_provider_new_from_settings ("deepl", found, &error);
  g_assert_no_error (error);
  if (provider == NULL)
    g_error ("no provider");

  /* never in GSettings */
  after = all_settings ();
  g_assert_cmpstr (after, ==, before);
  g_assert_null (strstr (after, SECRET_KEY));
  g_assert_null (strstr (after, "6f1c2e9a"));

  /* nor in a project saved afterwards */
  document = vv_test_document_from_text ("Le chat est noir.\n");
  dir = vv_test_make_tmpdir ();
  path = g_build_filename (dir, "p.visavis", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (vv_project_save (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "6f1c2e9a"));
  vv_test_rm_rf (dir);

  /* an empty key removes it */
  store ("deepl", "");
  cleared = lookup ("deepl");
  g_assert_null (cleared);
}

/* VISAVIS_<PROVIDER>_KEY wins over the keyring (scripts, CI) */
static void
test_environment_first (void)
{
  g_autofree char *found = NULL;

  if (skip_reason != NULL)
    {
      g_test_skip (skip_reason);
      return;
    }
  store ("google", "from-the-keyring");
  g_setenv ("VISAVIS_GOOGLE_KEY", "from-the-environment", TRUE);
  found = lookup ("google");
  g_assert_cmpstr (found, ==, "from-the-environment");
  g_unsetenv ("VISAVIS_GOOGLE_KEY");
  g_clear_pointer (&found, g_free);
  found = lookup ("google");
  g_assert_cmpstr (found, ==, "from-the-keyring");
  store ("google", NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  vv_test_init (&argc, &argv);
  start_keyring ();
  if (skip_reason != NULL)
    g_test_message ("%s", skip_reason);
  g_test_add_func ("/mt/keyring/store-and-read-back", test_store_and_read_back);
  g_test_add_func ("/mt/keyring/environment-first", test_environment_first);
  status = g_test_run ();
  stop_keyring ();
  return status;
}
