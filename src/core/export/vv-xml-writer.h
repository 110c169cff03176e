/* vv-xml-writer.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/xmlwriter.h>

G_BEGIN_DECLS

/* A libxml2 text writer that streams into a GOutputStream. Write errors are
 * kept and reported by vv_xml_writer_finish(). */
typedef struct _VvXmlWriter VvXmlWriter;

VvXmlWriter      *vv_xml_writer_new        (GOutputStream  *stream,
                                            GCancellable   *cancellable);
xmlTextWriterPtr  vv_xml_writer_get_writer (VvXmlWriter    *self);
gboolean          vv_xml_writer_finish     (VvXmlWriter    *self,
                                            GError        **error);
gboolean          vv_xml_writer_finish_export (VvXmlWriter *self,
                                               gboolean     ok,
                                               const char  *format_name,
                                               GError     **error);
void              vv_xml_writer_free       (VvXmlWriter    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VvXmlWriter, vv_xml_writer_free)

G_END_DECLS
