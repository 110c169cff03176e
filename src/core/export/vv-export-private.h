/* vv-export-private.h: helpers shared by the exporters and the round-trip readers
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/xmlwriter.h>

#include "vv-core-types.h"
#include "vv-exporter.h"
#include "vv-segment.h"

G_BEGIN_DECLS

/* Fixed time stamp for ZIP members, so that DOCX/ODT exports are byte-stable */
#define VV_EXPORT_ZIP_YEAR 2000

const char *_vv_export_target           (VvSegment              *segment,
                                         const VvExportOptions  *options);
char       *_vv_export_document_key     (VvDocument             *document);
gboolean    _vv_export_check_xml_text   (VvDocument             *document,
                                         const VvExportOptions  *options,
                                         const char             *format_name,
                                         GError                **error);
gboolean    _vv_xml_char_is_valid       (gunichar                c);
char       *_vv_export_comment_line     (const VvComment        *comment);
char       *_vv_export_language_tag     (const char             *language);
char       *_vv_export_format_date      (GDateTime              *time,
                                         const char             *format);
GDateTime  *_vv_export_segment_created  (VvSegment              *segment,
                                         VvDocument             *document);
GDateTime  *_vv_export_segment_changed  (VvSegment              *segment,
                                         VvDocument             *document);
const char *_vv_export_segment_author   (VvSegment              *segment);
char       *_vv_export_block_text       (VvBlock                *block,
                                         const VvExportOptions  *options);
gboolean    _vv_export_block_included   (VvBlock                *block,
                                         const VvExportOptions  *options);

/* ZIP containers (DOCX, ODT) through libgsf */
typedef struct _VvZipWriter VvZipWriter;

VvZipWriter      *_vv_zip_writer_new          (GError          **error);
gboolean          _vv_zip_writer_add_bytes    (VvZipWriter      *self,
                                               const char       *name,
                                               gboolean          compress,
                                               const char       *data,
                                               gsize             length);
xmlTextWriterPtr  _vv_zip_writer_begin_xml    (VvZipWriter      *self,
                                               const char       *name);
gboolean          _vv_zip_writer_end_xml      (VvZipWriter      *self);
gboolean          _vv_zip_writer_finish       (VvZipWriter      *self,
                                               gboolean          ok,
                                               const char       *format_name,
                                               GOutputStream    *stream,
                                               GCancellable     *cancellable,
                                               GError          **error);
void              _vv_zip_writer_free         (VvZipWriter      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VvZipWriter, _vv_zip_writer_free)

G_END_DECLS

G_BEGIN_DECLS
/* Writes an element with attributes given as name, value pairs ending in
 * NULL: _vv_xml_empty() writes <name a="v"/>, _vv_xml_start() leaves it open.
 * Return < 0 on error, like libxml2's writer. */
int _vv_xml_start (xmlTextWriterPtr  w,
                   const char       *name,
                   ...) G_GNUC_NULL_TERMINATED;
int _vv_xml_empty (xmlTextWriterPtr  w,
                   const char       *name,
                   ...) G_GNUC_NULL_TERMINATED;
G_END_DECLS
