/* vv-xml-writer.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-exporter.h"
#include "vv-xml-writer.h"

struct _VvXmlWriter
{
  GOutputStream    *stream;
  GCancellable     *cancellable;
  GError           *error;
  xmlTextWriterPtr  writer;
};

static int
write_cb (void       *context,
          const char *buffer,
          int         len)
{
  VvXmlWriter *self = context;

  if (self->error != NULL)
    return -1;
  if (!g_output_stream_write_all (self->stream, buffer, len, NULL, self->cancellable, &self->error))
    return -1;
  return len;
}

static int
close_cb (void *context)
{
  return 0;
}

VvXmlWriter *
vv_xml_writer_new (GOutputStream *stream,
                   GCancellable  *cancellable)
{
  VvXmlWriter *self = g_new0 (VvXmlWriter, 1);
  xmlOutputBufferPtr buffer;

  self->stream = g_object_ref (stream);
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  buffer = xmlOutputBufferCreateIO (write_cb, close_cb, self, NULL);
  self->writer = xmlNewTextWriter (buffer);
  return self;
}

xmlTextWriterPtr
vv_xml_writer_get_writer (VvXmlWriter *self)
{
  return self->writer;
}

/**
 * vv_xml_writer_finish:
 * @self: a #VvXmlWriter
 * @error: return location for an error
 *
 * Flushes the writer and reports the first error met while writing.
 *
 * Returns: %TRUE if everything was written
 */
gboolean
vv_xml_writer_finish (VvXmlWriter  *self,
                      GError      **error)
{
  if (self->writer != NULL)
    {
      xmlTextWriterFlush (self->writer);
      xmlFreeTextWriter (self->writer);
      self->writer = NULL;
    }

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  return TRUE;
}

/**
 * vv_xml_writer_finish_export:
 * @self: a #VvXmlWriter
 * @ok: whether every call of the writer succeeded
 * @format_name: the format, for the message
 * @error: return location for an error
 *
 * The end of an exporter: flushes, and reports the stream's error, or a
 * writer failure naming the format.
 *
 * Returns: %TRUE if the export was written
 */
gboolean
vv_xml_writer_finish_export (VvXmlWriter  *self,
                             gboolean      ok,
                             const char   *format_name,
                             GError      **error)
{
  if (!vv_xml_writer_finish (self, error))
    return FALSE;
  if (!ok)
    {
      /* Translators: %s is a format name such as "XLIFF 2.0" */
      g_set_error (error, VV_EXPORT_ERROR, VV_EXPORT_ERROR_FAILED, _("Could not write the %s export"), format_name);
      return FALSE;
    }
  return TRUE;
}

void
vv_xml_writer_free (VvXmlWriter *self)
{
  if (self == NULL)
    return;
  if (self->writer != NULL)
    xmlFreeTextWriter (self->writer);
  g_clear_error (&self->error);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_free (self);
}
