/* vv-test-utils.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "vv-test-utils.h"

/**
 * vv_test_init:
 * @argc: argc of main
 * @argv: argv of main
 *
 * g_test_init() plus the C.UTF-8 locale and the "visavis" text domain.
 */
void
vv_test_init (int    *argc,
              char ***argv)
{
  g_test_init (argc, argv, NULL);
  vv_locale_init ("C.UTF-8");
}

/**
 * vv_test_shared_path:
 * @first_element: first path element below the shared folder
 * @...: more elements, %NULL-terminated
 *
 * The shared corpus (../shared beside the checkout) is optional: a user's
 * clone has none. Tests that read it skip when it is missing.
 *
 * Returns: (transfer full) (nullable): the path, or %NULL if it does not exist
 */
char *
vv_test_shared_path (const char *first_element,
                     ...)
{
  const char *base = g_getenv ("VISAVIS_SHARED_DIR");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *path = NULL;
  const char *element;
  va_list args;

  if (base == NULL || *base == '\0')
    return NULL;

  g_ptr_array_add (parts, (gpointer)base);
  va_start (args, first_element);
  for (element = first_element; element != NULL; element = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer)element);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **)parts->pdata);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  return g_steal_pointer (&path);
}

char *
vv_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("visavis-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
vv_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            vv_test_rm_rf (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

/**
 * vv_test_document_from_text:
 * @text: plain text as vv_import_text() reads it
 *
 * Returns: (transfer full): the document, segmented with the French rules
 */
VvDocument *
vv_test_document_from_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  g_autoptr(GError) error = NULL;
  VvDocument *document;

  document = vv_import_text (bytes, "test.txt", segmenter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/**
 * vv_test_run_cli:
 * @stdin_text: (nullable): text to feed on standard input
 * @out: (out) (optional): standard output
 * @err: (out) (optional): standard error
 * @first_arg: first argument after "visavis-cli"
 * @...: more arguments, %NULL-terminated
 *
 * Runs the built visavis-cli ($VISAVIS_CLI) and waits for it.
 *
 * Returns: its exit status
 */
int
vv_test_run_cli (const char  *stdin_text,
                 char       **out,
                 char       **err,
                 const char  *first_arg,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_buf = NULL;
  g_autofree char *stderr_buf = NULL;
  const char *cli = g_getenv ("VISAVIS_CLI");
  const char *arg;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer)cli);
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *)argv->pdata,
                            G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                            G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, stdin_text ? stdin_text : "", NULL,
                                 &stdout_buf, &stderr_buf, &error);
  g_assert_no_error (error);

  if (out != NULL)
    *out = g_steal_pointer (&stdout_buf);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_buf);

  g_assert_true (g_subprocess_get_if_exited (proc));
  return g_subprocess_get_exit_status (proc);
}

/**
 * vv_test_document_shape:
 * @document: a document
 *
 * The kinds of the document's blocks, one letter each: T title, H heading,
 * P paragraph, L list item, Q quote, C caption, B boilerplate, K code.
 * Importer tests compare it with the shape they expect.
 *
 * Returns: (transfer full): the shape, such as "TPPHPB"
 */
char *
vv_test_document_shape (VvDocument *document)
{
  static const char letters[VV_BLOCK_N_KINDS] = {
    [VV_BLOCK_KIND_TITLE] = 'T', [VV_BLOCK_KIND_HEADING] = 'H', [VV_BLOCK_KIND_PARAGRAPH] = 'P',
    [VV_BLOCK_KIND_LIST_ITEM] = 'L', [VV_BLOCK_KIND_QUOTE] = 'Q', [VV_BLOCK_KIND_CAPTION] = 'C',
    [VV_BLOCK_KIND_BOILERPLATE] = 'B', [VV_BLOCK_KIND_CODE] = 'K',
  };
  GString *shape = g_string_new (NULL);

  for (guint i = 0; i < vv_document_get_n_blocks (document); i++)
    g_string_append_c (shape, letters[vv_block_get_kind (vv_document_get_block (document, i))]);
  return g_string_free (shape, FALSE);
}

/**
 * vv_test_import_data_file:
 * @first_element: path below tests/data
 * @...: more elements, %NULL-terminated
 *
 * Imports a file from tests/data with the French segmenter, asserting that
 * it works.
 *
 * Returns: (transfer full): the document
 */
VvDocument *
vv_test_import_data_file (const char *first_element,
                          ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  VvDocument *document;
  const char *element;
  va_list args;

  g_ptr_array_add (parts, (gpointer)g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, (gpointer)"data");
  va_start (args, first_element);
  for (element = first_element; element != NULL; element = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer)element);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **)parts->pdata);
  file = g_file_new_for_path (path);
  document = vv_import_file (file, segmenter, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/**
 * vv_test_block_text:
 * @document: a document
 * @index: a block index
 *
 * Returns: (transfer none): the block's source text, valid until the next call
 */
const char *
vv_test_block_text (VvDocument *document,
                    guint       index)
{
  static char *text;

  g_assert_cmpuint (index, <, vv_document_get_n_blocks (document));
  g_clear_pointer (&text, g_free);
  text = vv_block_dup_source_text (vv_document_get_block (document, index));
  return text;
}
