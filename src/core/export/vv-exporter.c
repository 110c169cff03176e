/* vv-exporter.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-block.h"
#include "vv-document.h"
#include "vv-exporter.h"
#include "vv-segment.h"
#include "vv-utils.h"

G_DEFINE_QUARK (vv-export-error-quark, vv_export_error)

/* The registry of exporters, in the order the export dialog lists them */
static const VvExportFormat formats[] = {
  { "html", N_("Bilingual HTML (side by side)"), "html", "text/html", TRUE, vv_export_html },
  { "docx", N_("Bilingual Word document (DOCX)"), "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", TRUE, vv_export_docx },
  { "odt", N_("Bilingual OpenDocument text (ODT)"), "odt",
    "application/vnd.oasis.opendocument.text", TRUE, vv_export_odt },
  { "xliff12", N_("XLIFF 1.2"), "xlf", "application/x-xliff+xml", TRUE, vv_export_xliff12 },
  { "xliff20", N_("XLIFF 2.0"), "xlf", "application/xliff+xml", TRUE, vv_export_xliff20 },
  { "tmx", N_("Translation memory (TMX 1.4b)"), "tmx", "application/x-tmx+xml", TRUE, vv_export_tmx },
  { "po", N_("Gettext PO"), "po", "text/x-gettext-translation", TRUE, vv_export_po },
  { "csv", N_("Comma-separated values (CSV)"), "csv", "text/csv", TRUE, vv_export_csv },
  { "tsv", N_("Tab-separated values (TSV)"), "tsv", "text/tab-separated-values", TRUE, vv_export_tsv },
  { "text", N_("Translated text"), "txt", "text/plain", FALSE, vv_export_text },
  { "md", N_("Translated article (Markdown)"), "md", "text/markdown", FALSE, vv_export_markdown },
  { "html-article", N_("Translated article (HTML)"), "html", "text/html", FALSE, vv_export_html_article },
  { "docx-article", N_("Translated article (DOCX)"), "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FALSE, vv_export_docx_article },
  { "odt-article", N_("Translated article (ODT)"), "odt",
    "application/vnd.oasis.opendocument.text", FALSE, vv_export_odt_article },
};

/**
 * vv_export_options_init:
 * @options: options to fill with the defaults
 *
 * Defaults: boilerplate left out, comments and states included.
 */
void
vv_export_options_init (VvExportOptions *options)
{
  options->include_boilerplate = FALSE;
  options->include_comments = TRUE;
  options->include_states = TRUE;
  options->only_approved = FALSE;
}

const VvExportFormat *
vv_export_get_formats (guint *n_formats)
{
  *n_formats = G_N_ELEMENTS (formats);
  return formats;
}

const VvExportFormat *
vv_export_lookup_format (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i].id, id) == 0)
      return &formats[i];
  return NULL;
}

/**
 * vv_export_segment_included:
 * @segment: a #VvSegment
 * @options: (nullable): export options
 *
 * Returns: whether @segment is written at all (boilerplate is left out
 *   unless included)
 */
gboolean
vv_export_segment_included (VvSegment             *segment,
                            const VvExportOptions *options)
{
  if (options != NULL && options->include_boilerplate)
    return TRUE;
  return !vv_segment_is_excluded (segment);
}

gboolean
vv_export_to_stream (VvDocument             *document,
                     const char             *format_id,
                     const VvExportOptions  *options,
                     GOutputStream          *stream,
                     GCancellable           *cancellable,
                     GError                **error)
{
  const VvExportFormat *format;
  VvExportOptions defaults;

  g_return_val_if_fail (VV_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  format = vv_export_lookup_format (format_id);
  if (format == NULL)
    {
      g_set_error (error, VV_EXPORT_ERROR, VV_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Unknown export format “%s”"), format_id);
      return FALSE;
    }

  if (options == NULL)
    {
      vv_export_options_init (&defaults);
      options = &defaults;
    }

  return format->export (document, options, stream, cancellable, error);
}

/**
 * vv_export_to_file:
 * @document: a #VvDocument
 * @format_id: an export format id
 * @options: (nullable): what to include, or %NULL for the defaults
 * @file: the output file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Exports atomically: @file is replaced only when the export succeeded.
 *
 * Returns: %TRUE on success
 */
gboolean
vv_export_to_file (VvDocument             *document,
                   const char             *format_id,
                   const VvExportOptions  *options,
                   GFile                  *file,
                   GCancellable           *cancellable,
                   GError                **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GCancellable) abort_write = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (VV_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (vv_export_lookup_format (format_id) == NULL)
    {
      g_set_error (error, VV_EXPORT_ERROR, VV_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Unknown export format “%s”"), format_id);
      return FALSE;
    }

  display_name = vv_file_get_display_name (file);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not export to “%s”: %s"), display_name, local_error->message);
      return FALSE;
    }

  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 64 * 1024);

  if (!vv_export_to_stream (document, format_id, options, buffered, cancellable, &local_error) ||
      !g_output_stream_close (buffered, cancellable, &local_error))
    {
      /* Closing a replace stream after a cancelled write keeps the old file */
      abort_write = g_cancellable_new ();
      g_cancellable_cancel (abort_write);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort_write, NULL);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not export to “%s”: %s"), display_name, local_error->message);
      return FALSE;
    }

  return TRUE;
}
