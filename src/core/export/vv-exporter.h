/* vv-exporter.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

#define VV_EXPORT_ERROR (vv_export_error_quark ())

/**
 * VvExportError:
 * @VV_EXPORT_ERROR_UNKNOWN_FORMAT: no exporter has this id
 * @VV_EXPORT_ERROR_FAILED: writing failed
 */
typedef enum
{
  VV_EXPORT_ERROR_UNKNOWN_FORMAT,
  VV_EXPORT_ERROR_FAILED,
} VvExportError;

/**
 * VvExportOptions:
 * @include_boilerplate: also export excluded boilerplate blocks
 * @include_comments: write segment comments (bilingual formats)
 * @include_states: write segment states (bilingual formats)
 * @only_approved: export only approved segments (others are left empty)
 *
 * What an export includes.
 */
typedef struct
{
  gboolean include_boilerplate;
  gboolean include_comments;
  gboolean include_states;
  gboolean only_approved;
} VvExportOptions;

/**
 * VvExportFunc:
 * @document: the document
 * @options: what to include
 * @stream: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * One exporter per format; it streams to @stream.
 *
 * Returns: %TRUE on success
 */
typedef gboolean (*VvExportFunc) (VvDocument             *document,
                                  const VvExportOptions  *options,
                                  GOutputStream          *stream,
                                  GCancellable           *cancellable,
                                  GError                **error);

/**
 * VvExportFormat:
 * @id: stable id used by the CLI ("html", "text", …)
 * @name: name for people (mark with N_())
 * @extension: file name extension, without the dot
 * @mime_type: the MIME type
 * @bilingual: whether the output has source and target
 * @export: the export function
 */
typedef struct
{
  const char   *id;
  const char   *name;
  const char   *extension;
  const char   *mime_type;
  gboolean      bilingual;
  VvExportFunc  export;
} VvExportFormat;

GQuark                vv_export_error_quark      (void);
void                  vv_export_options_init     (VvExportOptions        *options);
const VvExportFormat *vv_export_get_formats      (guint                  *n_formats);
const VvExportFormat *vv_export_lookup_format    (const char             *id);
gboolean              vv_export_segment_included (VvSegment              *segment,
                                                  const VvExportOptions  *options);
gboolean              vv_export_to_stream        (VvDocument             *document,
                                                  const char             *format_id,
                                                  const VvExportOptions  *options,
                                                  GOutputStream          *stream,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
gboolean              vv_export_to_file          (VvDocument             *document,
                                                  const char             *format_id,
                                                  const VvExportOptions  *options,
                                                  GFile                  *file,
                                                  GCancellable           *cancellable,
                                                  GError                **error);

gboolean              vv_export_html             (VvDocument             *document,
                                                  const VvExportOptions  *options,
                                                  GOutputStream          *stream,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
gboolean              vv_export_text             (VvDocument             *document,
                                                  const VvExportOptions  *options,
                                                  GOutputStream          *stream,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
gboolean              vv_export_docx             (VvDocument             *document,
                                                  const VvExportOptions  *options,
                                                  GOutputStream          *stream,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
gboolean              vv_export_odt              (VvDocument             *document,
                                                  const VvExportOptions  *options,
                                                  GOutputStream          *stream,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
gboolean              vv_export_xliff12          (VvDocument             *document,
                                                  const VvExportOptions  *options,
                                                  GOutputStream          *stream,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
gboolean              vv_export_xliff20          (VvDocument             *document,
                                                  const VvExportOptions  *options,
                                                  GOutputStream          *stream,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
gboolean              vv_export_tmx              (VvDocument             *document,
                                                  const VvExportOptions  *options,
                                                  GOutputStream          *stream,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
gboolean              vv_export_po               (VvDocument             *document,
                                                  const VvExportOptions  *options,
                                                  GOutputStream          *stream,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
gboolean              vv_export_csv              (VvDocument             *document,
                                                  const VvExportOptions  *options,
                                                  GOutputStream          *stream,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
gboolean              vv_export_tsv              (VvDocument             *document,
                                                  const VvExportOptions  *options,
                                                  GOutputStream          *stream,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
gboolean              vv_export_markdown         (VvDocument             *document,
                                                  const VvExportOptions  *options,
                                                  GOutputStream          *stream,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
gboolean              vv_export_html_article     (VvDocument             *document,
                                                  const VvExportOptions  *options,
                                                  GOutputStream          *stream,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
gboolean              vv_export_docx_article     (VvDocument             *document,
                                                  const VvExportOptions  *options,
                                                  GOutputStream          *stream,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
gboolean              vv_export_odt_article      (VvDocument             *document,
                                                  const VvExportOptions  *options,
                                                  GOutputStream          *stream,
                                                  GCancellable           *cancellable,
                                                  GError                **error);

G_END_DECLS
