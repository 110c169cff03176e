/* test-bad-input.c: the rows of README's “Bad input” table, end to end —
 * what visavis-cli prints and returns, and that nothing is overwritten.
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "vv-test-utils.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = vv_test_make_tmpdir ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  vv_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *data,
            gssize      length)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return path;
}

/* Runs visavis-cli, expects exit status 1, a message naming @name that
 * contains @part, and no project written */
static void
expect_failure (Fixture    *fixture,
                const char *name,
                const char *part,
                const char *first_arg,
                ...)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *output = g_build_filename (fixture->dir, "out.visavis", NULL);
  const char *args[8] = { NULL };
  const char *arg;
  guint n = 0;
  va_list ap;
  int status;

  va_start (ap, first_arg);
  for (arg = first_arg; arg != NULL && n < G_N_ELEMENTS (args) - 1; arg = va_arg (ap, const char *))
    args[n++] = arg;
  va_end (ap);

  status = vv_test_run_cli (NULL, &out, &err, args[0], args[1], args[2], args[3], args[4], args[5], args[6], NULL);
  g_test_message ("stderr: %s", err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, name));
  if (strstr (err, part) == NULL)
    g_test_fail_printf ("“%s” does not say “%s”", err, part);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_invalid_utf8 (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "latin1.txt", "Titre\n\nL'\xe9t\xe9 est chaud.\n", -1);
  g_autofree char *out = g_build_filename (fixture->dir, "out.visavis", NULL);

  expect_failure (fixture, "latin1.txt", "line 3, column 3", "import", path, "-o", out, NULL);
}

static void
test_binary (Fixture       *fixture,
             gconstpointer  data)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  g_autofree char *path = write_file (fixture, "photo.txt", png, sizeof png - 1);
  g_autofree char *out = g_build_filename (fixture->dir, "out.visavis", NULL);

  expect_failure (fixture, "photo.txt", "not a text file", "import", path, "-o", out, NULL);
}

static void
test_truncated_zip (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "import", "article.docx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "out.visavis", NULL);
  gsize length;

  /* a download cut in the middle */
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  path = write_file (fixture, "cut.docx", contents, (gssize)(length / 2));
  expect_failure (fixture, "cut.docx", "damaged or truncated", "import", path, "-o", out, NULL);
}

static void
test_zip_bomb (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "bomb.docx", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "out.visavis", NULL);

  expect_failure (fixture, "bomb.docx", "limit", "import", path, "-o", out, NULL);
}

static void
test_huge (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.txt", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "out.visavis", NULL);
  int fd = g_open (path, O_CREAT | O_WRONLY, 0644);

  /* 200 MB, sparse: refused before it is read */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t)200 * 1024 * 1024), ==, 0);
  close (fd);
  expect_failure (fixture, "huge.txt", "too large", "import", path, "-o", out, NULL);
}

static void
test_project_untouched (Fixture    *fixture,
                        const char *name,
                        const char *contents,
                        const char *part)
{
  g_autofree char *path = write_file (fixture, name, contents, -1);
  g_autofree char *out = g_build_filename (fixture->dir, "out.html", NULL);
  g_autofree char *after = NULL;

  expect_failure (fixture, name, part, "stats", path, NULL);
  expect_failure (fixture, name, part, "export", path, "--format", "html", "-o", out, NULL);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* never rewritten */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);
}

static void
test_newer_project (Fixture       *fixture,
                    gconstpointer  data)
{
  test_project_untouched (fixture, "future.visavis", "{\"format\": 7, \"blocks\": [], \"hologram\": true}",
                          "newer version");
}

static void
test_damaged_project (Fixture       *fixture,
                      gconstpointer  data)
{
  test_project_untouched (fixture, "cut.visavis",
                          "{\"format\": 1, \"blocks\": [{\"kind\": \"paragraph\", \"segm", "damaged");
  test_project_untouched (fixture, "wrong.visavis",
                          "{\"format\": 1, \"blocks\": [{\"kind\": \"paragraph\", \"segments\": "
                          "[{\"id\": \"one\", \"source\": \"a\", \"state\": \"draft\"}]}]}",
                          "not a valid project");
}

static void
test_unreachable_server (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "out.visavis", NULL);

  /* a port nobody listens on */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  bound = g_socket_get_local_address (socket, &error);
  url = g_strdup_printf ("http://127.0.0.1:%u/article.html",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  expect_failure (fixture, "127.0.0.1", "Could not connect", "import", url, "-o", out, NULL);
}

static void
test_torn_journal (Fixture       *fixture,
                   gconstpointer  data)
{
  /* the program was killed while writing: the last record is torn and
   * dropped, every complete one is recovered */
  g_autoptr(VvDocument) document = vv_test_document_from_text ("Titre\n\nUne phrase. Une autre.\n");
  g_autofree char *state = g_build_filename (fixture->dir, "state", NULL);
  g_autoptr(VvJournal) journal = NULL;
  g_autoptr(VvDocument) recovered = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  gsize length;

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  journal = vv_journal_new (document, NULL, FALSE, &error);
  g_assert_no_error (error);
  vv_journal_set_idle_delay (journal, 0);
  vv_segment_set_target (vv_document_get_segment (document, 1), "A sentence.");
  g_assert_true (vv_journal_flush (journal, &error));
  vv_segment_set_target (vv_document_get_segment (document, 2), "Another.");
  file = vv_journal_get_file (journal);
  vv_journal_close (journal, FALSE);

  path = g_file_get_path (file);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize)length - 5, NULL));

  recovered = vv_journal_recover (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (recovered, 1)), ==, "A sentence.");
  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (recovered, 2)), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/bad-input/invalid-utf8", test_invalid_utf8);
  ADD ("/cli/bad-input/binary-file", test_binary);
  ADD ("/cli/bad-input/truncated-zip", test_truncated_zip);
  ADD ("/cli/bad-input/zip-bomb", test_zip_bomb);
  ADD ("/cli/bad-input/200-mb-file", test_huge);
  ADD ("/cli/bad-input/newer-project", test_newer_project);
  ADD ("/cli/bad-input/damaged-project", test_damaged_project);
  ADD ("/cli/bad-input/unreachable-server", test_unreachable_server);
  ADD ("/cli/bad-input/torn-journal", test_torn_journal);
#undef ADD

  return g_test_run ();
}
