/* vv-apertium-server.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>

#include "vv-apertium-server.h"
#include "vv-test-utils.h"

struct _VvApertiumServer
{
  char  *script;
  char  *state_dir;
  char  *url;
  guint  port;
};

/* VISAVIS_REQUIRE_APERTIUM=1 (CI): a missing APy is a failure, not a skip */
gboolean
vv_apertium_required (void)
{
  return g_strcmp0 (g_getenv ("VISAVIS_REQUIRE_APERTIUM"), "1") == 0;
}

static guint
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  guint port;

  if (socket == NULL || !g_socket_bind (socket, address, TRUE, NULL))
    return 0;
  bound = g_socket_get_local_address (socket, NULL);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return port;
}

static gboolean
run_script (VvApertiumServer  *self,
            const char        *command,
            GError           **error)
{
  g_autofree char *port = g_strdup_printf ("%u", self->port);
  const char *argv[] = { "bash", self->script, command, port, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;

  envp = g_environ_setenv (envp, "APERTIUM_STATE_DIR", self->state_dir, TRUE);
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "apertium-server.sh %s %s failed: %s%s",
                   command, port, out ? out : "", err ? err : "");
      return FALSE;
    }
  return TRUE;
}

/**
 * vv_apertium_server_start:
 *
 * Returns: a running APy on a free loopback port, or %NULL with @error
 *   set (G_IO_ERROR_NOT_FOUND when APy or the script is not installed)
 */
VvApertiumServer *
vv_apertium_server_start (GError **error)
{
  g_autofree char *script = vv_test_shared_path ("mt", "apertium-server.sh", NULL);
  VvApertiumServer *self;

  if (script == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "../shared/mt/apertium-server.sh is not there");
      return NULL;
    }
  if (!g_file_test ("/usr/bin/apertium-apy", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "apertium-apy is not installed (run: %s install)", script);
      return NULL;
    }

  self = g_new0 (VvApertiumServer, 1);
  self->script = g_steal_pointer (&script);
  self->state_dir = vv_test_make_tmpdir ();
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      self->port = free_port ();
      if (run_script (self, "start", &local_error))
        {
          self->url = g_strdup_printf ("http://127.0.0.1:%u", self->port);
          return self;
        }
      if (attempt == 2)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          break;
        }
    }
  vv_test_rm_rf (self->state_dir);
  g_free (self->state_dir);
  g_free (self->script);
  g_free (self);
  return NULL;
}

const char *
vv_apertium_server_get_url (VvApertiumServer *self)
{
  return self->url;
}

void
vv_apertium_server_stop (VvApertiumServer *self)
{
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;
  if (!run_script (self, "stop", &error))
    g_printerr ("%s\n", error->message);
  vv_test_rm_rf (self->state_dir);
  g_free (self->state_dir);
  g_free (self->script);
  g_free (self->url);
  g_free (self);
}
