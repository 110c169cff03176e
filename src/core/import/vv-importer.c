/* vv-importer.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vv-document.h"
#include "vv-importer.h"
#include "vv-utils.h"

G_DEFINE_QUARK (vv-import-error-quark, vv_import_error)

static const char * const text_extensions[] = { "txt", "text", NULL };
static const char * const text_mime_types[] = { "text/plain", NULL };
static const char * const html_extensions[] = { "html", "htm", "xhtml", NULL };
static const char * const html_mime_types[] = { "text/html", "application/xhtml+xml", NULL };
static const char * const xliff_extensions[] = { "xlf", "xliff", NULL };
static const char * const xliff_mime_types[] = { "application/x-xliff+xml", "application/xliff+xml", NULL };
static const char * const markdown_extensions[] = { "md", "markdown", "mdown", "mkd", "mkdn", NULL };
static const char * const markdown_mime_types[] = { "text/markdown", "text/x-markdown", NULL };
static const char * const docx_extensions[] = { "docx", "docm", "dotx", NULL };
static const char * const docx_mime_types[] = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document", NULL
};
static const char * const odt_extensions[] = { "odt", "ott", NULL };
static const char * const odt_mime_types[] = { "application/vnd.oasis.opendocument.text", NULL };

/* The registry of importers. Formats are tried by extension, then MIME
 * type; plain text is the fallback for anything that decodes as text. */
static const VvImportFormat formats[] = {
  { "text", N_("Plain text"), text_extensions, text_mime_types, vv_import_text },
  { "html", N_("Web page"), html_extensions, html_mime_types, vv_import_html },
  { "xliff", N_("XLIFF 1.2 or 2.0"), xliff_extensions, xliff_mime_types, vv_import_xliff },
  { "markdown", N_("Markdown"), markdown_extensions, markdown_mime_types, vv_import_markdown },
  { "docx", N_("Word document"), docx_extensions, docx_mime_types, vv_import_docx },
  { "odt", N_("OpenDocument text"), odt_extensions, odt_mime_types, vv_import_odt },
};

const VvImportFormat *
vv_import_get_formats (guint *n_formats)
{
  *n_formats = G_N_ELEMENTS (formats);
  return formats;
}

const VvImportFormat *
vv_import_lookup_format (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i].id, id) == 0)
      return &formats[i];
  return NULL;
}

static gboolean
strv_contains_ascii_case (const char * const *strv,
                          const char         *str)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (g_ascii_strcasecmp (strv[i], str) == 0)
      return TRUE;
  return FALSE;
}

/**
 * vv_import_guess_format:
 * @name: (nullable): a file name or URL
 * @content_type: (nullable): a MIME type, as sent by a server
 * @bytes: (nullable): the contents
 *
 * Returns: (nullable): the importer for this input
 */
const VvImportFormat *
vv_import_guess_format (const char *name,
                        const char *content_type,
                        GBytes     *bytes)
{
  if (name != NULL)
    {
      const char *dot = strrchr (name, '.');
      const char *slash = strrchr (name, '/');

      if (dot != NULL && (slash == NULL || dot > slash))
        for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
          if (strv_contains_ascii_case (formats[i].extensions, dot + 1))
            return &formats[i];
    }

  if (content_type != NULL)
    {
      g_autofree char *mime = g_strndup (content_type, strcspn (content_type, "; "));

      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        if (strv_contains_ascii_case (formats[i].mime_types, mime))
          return &formats[i];
    }

  if (bytes != NULL)
    {
      gsize size;
      const guchar *data = g_bytes_get_data (bytes, &size);
      g_autofree char *guessed = g_content_type_guess (name, data, MIN (size, 4096), NULL);
      g_autofree char *mime = g_content_type_get_mime_type (guessed);

      for (guint i = 0; mime != NULL && i < G_N_ELEMENTS (formats); i++)
        if (strv_contains_ascii_case (formats[i].mime_types, mime))
          return &formats[i];
    }

  return vv_import_lookup_format ("text");
}

/**
 * vv_import_bytes:
 * @bytes: the contents
 * @display_name: the file name or URL, for messages and format detection
 * @format_id: (nullable): the format, or %NULL to guess
 * @segmenter: splits blocks into segments
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the document
 */
VvDocument *
vv_import_bytes (GBytes       *bytes,
                 const char   *display_name,
                 const char   *format_id,
                 VvSegmenter  *segmenter,
                 GError      **error)
{
  const VvImportFormat *format;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (g_bytes_get_size (bytes) > VV_IMPORT_MAX_SIZE)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_TOO_LARGE,
                   /* Translators: %s is a file name, %u a size in megabytes */
                   _("“%s” is too large to import: articles may be up to %u MB"),
                   display_name, (guint)(VV_IMPORT_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  format = format_id ? vv_import_lookup_format (format_id)
                     : vv_import_guess_format (display_name, NULL, bytes);
  if (format == NULL)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_UNSUPPORTED,
                   _("“%s”: unknown import format “%s”"), display_name, format_id);
      return NULL;
    }

  return format->import (bytes, display_name, segmenter, error);
}

/**
 * vv_import_file:
 * @file: the file to import
 * @segmenter: splits blocks into segments
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Reads and imports @file. Blocking: call from a worker thread or use
 * vv_import_file_async().
 *
 * Returns: (transfer full) (nullable): the document
 */
VvDocument *
vv_import_file (GFile         *file,
                VvSegmenter   *segmenter,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  VvDocument *document;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = vv_file_get_display_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot open “%s”: %s"), display_name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_UNSUPPORTED,
                   _("Cannot open “%s”: it is a folder"), display_name);
      return NULL;
    }
  if (g_file_info_get_size (info) > VV_IMPORT_MAX_SIZE)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large to import: articles may be up to %u MB"),
                   display_name, (guint)(VV_IMPORT_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot read “%s”: %s"), display_name, local_error->message);
      return NULL;
    }

  document = vv_import_bytes (bytes, display_name, NULL, segmenter, error);
  if (document == NULL)
    return NULL;

  uri = g_file_get_uri (file);
  vv_document_set_source_uri (document, uri);
  if (*vv_document_get_title (document) == '\0')
    {
      g_autofree char *basename = g_file_get_basename (file);
      vv_document_set_title (document, basename);
    }
  vv_document_set_dirty (document, FALSE);
  return document;
}

typedef struct
{
  VvSegmenter *segmenter;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->segmenter);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  GError *error = NULL;
  VvDocument *document;

  document = vv_import_file (G_FILE (source_object), data->segmenter, cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/**
 * vv_import_file_async:
 * @file: the file to import
 * @segmenter: splits blocks into segments
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Imports @file in a worker thread.
 */
void
vv_import_file_async (GFile               *file,
                      VvSegmenter         *segmenter,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ImportData, 1);
  data->segmenter = segmenter ? g_object_ref (segmenter) : NULL;

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, vv_import_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify)import_data_free);
  g_task_run_in_thread (task, import_thread);
}

VvDocument *
vv_import_file_finish (GFile         *file,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Finds line and column (1-based, in characters) of a byte offset */
static void
offset_to_position (const char *data,
                    gsize       offset,
                    guint      *line,
                    guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar)data[i] & 0xC0) != 0x80)
        (*column)++;
    }
}

/**
 * vv_import_decode_text:
 * @bytes: file contents
 * @display_name: the file's name, for messages
 * @error: return location for an error
 *
 * Decodes text files: drops a UTF-8 BOM, converts UTF-16 with a BOM,
 * normalises line ends to \n and checks that the result is valid UTF-8
 * without NUL bytes.
 *
 * Returns: (transfer full) (nullable): the text
 */
char *
vv_import_decode_text (GBytes      *bytes,
                       const char  *display_name,
                       GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *converted = NULL;
  const char *invalid;
  GString *out;

  if (data == NULL)
    data = "";

  if (size >= 2 && ((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE))
    {
      converted = g_convert (data + 2, size - 2, "UTF-8", "UTF-16LE", NULL, &size, NULL);
      data = converted;
    }
  else if (size >= 2 && ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF))
    {
      converted = g_convert (data + 2, size - 2, "UTF-8", "UTF-16BE", NULL, &size, NULL);
      data = converted;
    }
  else if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (data == NULL)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_ENCODING,
                   _("“%s” starts with a UTF-16 byte order mark but is not valid UTF-16"),
                   display_name);
      return NULL;
    }

  if (memchr (data, '\0', size) != NULL)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_BINARY,
                   _("“%s” is not a text file (it contains binary data)"), display_name);
      return NULL;
    }

  if (!g_utf8_validate (data, size, &invalid))
    {
      guint line, column;

      offset_to_position (data, invalid - data, &line, &column);
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_ENCODING,
                   /* Translators: “file”, line 3, column 7: … */
                   _("“%s”, line %u, column %u: the text is not valid UTF-8 (byte 0x%02X)"),
                   display_name, line, column, (guchar)*invalid);
      return NULL;
    }

  out = g_string_sized_new (size);
  for (gsize i = 0; i < size; i++)
    {
      if (data[i] == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < size && data[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, data[i]);
    }

  return g_string_free (out, FALSE);
}
