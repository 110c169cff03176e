/* vv-importer.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

#define VV_IMPORT_ERROR (vv_import_error_quark ())

/**
 * VvImportError:
 * @VV_IMPORT_ERROR_EMPTY: the file has no text
 * @VV_IMPORT_ERROR_ENCODING: the text is not valid in its encoding
 * @VV_IMPORT_ERROR_BINARY: the file is not text
 * @VV_IMPORT_ERROR_FORMAT: the file is damaged or not in the format its name says
 * @VV_IMPORT_ERROR_TOO_LARGE: the file is larger than the import limit
 * @VV_IMPORT_ERROR_UNSUPPORTED: no importer knows this kind of file
 * @VV_IMPORT_ERROR_NETWORK: a URL could not be fetched
 * @VV_IMPORT_ERROR_ENCRYPTED: the document is protected by a password
 */
typedef enum
{
  VV_IMPORT_ERROR_EMPTY,
  VV_IMPORT_ERROR_ENCODING,
  VV_IMPORT_ERROR_BINARY,
  VV_IMPORT_ERROR_FORMAT,
  VV_IMPORT_ERROR_TOO_LARGE,
  VV_IMPORT_ERROR_UNSUPPORTED,
  VV_IMPORT_ERROR_NETWORK,
  VV_IMPORT_ERROR_ENCRYPTED,
} VvImportError;

/* Articles larger than this are refused with a clear message */
#define VV_IMPORT_MAX_SIZE (64 * 1024 * 1024)

/**
 * VvImportFunc:
 * @bytes: the file's contents
 * @display_name: the file name or URL, for messages
 * @segmenter: splits blocks into segments
 * @error: return location for an error
 *
 * One importer per format. Errors name @display_name and the position.
 *
 * Returns: (transfer full) (nullable): the document
 */
typedef VvDocument *(*VvImportFunc) (GBytes       *bytes,
                                     const char   *display_name,
                                     VvSegmenter  *segmenter,
                                     GError      **error);

/**
 * VvImportFormat:
 * @id: stable id ("text", "html", …)
 * @name: name for people (translatable, mark with N_())
 * @extensions: nul-terminated list of file name extensions, lower case, no dot
 * @mime_types: nul-terminated list of MIME types
 * @import: the import function
 */
typedef struct
{
  const char         *id;
  const char         *name;
  const char * const *extensions;
  const char * const *mime_types;
  VvImportFunc        import;
} VvImportFormat;

GQuark                vv_import_error_quark          (void);
const VvImportFormat *vv_import_get_formats          (guint        *n_formats);
const VvImportFormat *vv_import_lookup_format        (const char   *id);
const VvImportFormat *vv_import_guess_format         (const char   *name,
                                                      const char   *content_type,
                                                      GBytes       *bytes);
VvDocument           *vv_import_bytes                (GBytes       *bytes,
                                                      const char   *display_name,
                                                      const char   *format_id,
                                                      VvSegmenter  *segmenter,
                                                      GError      **error);
VvDocument           *vv_import_file                 (GFile        *file,
                                                      VvSegmenter  *segmenter,
                                                      GCancellable *cancellable,
                                                      GError      **error);
void                  vv_import_file_async           (GFile        *file,
                                                      VvSegmenter  *segmenter,
                                                      GCancellable *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer      user_data);
VvDocument           *vv_import_file_finish          (GFile        *file,
                                                      GAsyncResult *result,
                                                      GError      **error);

/* Helpers shared by the importers */
char                 *vv_import_decode_text          (GBytes       *bytes,
                                                      const char   *display_name,
                                                      GError      **error);

VvDocument           *vv_import_text                 (GBytes       *bytes,
                                                      const char   *display_name,
                                                      VvSegmenter  *segmenter,
                                                      GError      **error);
VvDocument           *vv_import_markdown             (GBytes       *bytes,
                                                      const char   *display_name,
                                                      VvSegmenter  *segmenter,
                                                      GError      **error);
VvDocument           *vv_import_docx                 (GBytes       *bytes,
                                                      const char   *display_name,
                                                      VvSegmenter  *segmenter,
                                                      GError      **error);
VvDocument           *vv_import_odt                  (GBytes       *bytes,
                                                      const char   *display_name,
                                                      VvSegmenter  *segmenter,
                                                      GError      **error);
VvDocument           *vv_import_html                 (GBytes       *bytes,
                                                      const char   *display_name,
                                                      VvSegmenter  *segmenter,
                                                      GError      **error);
VvDocument           *vv_import_html_full            (GBytes       *bytes,
                                                      const char   *display_name,
                                                      const char   *content_type,
                                                      VvSegmenter  *segmenter,
                                                      GError      **error);
VvDocument           *vv_import_xliff                (GBytes       *bytes,
                                                      const char   *display_name,
                                                      VvSegmenter  *segmenter,
                                                      GError      **error);

G_END_DECLS
