/* vv-zip.h: reading office documents' ZIP containers, with limits
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* A document has a few dozen entries; a ZIP with more is not one */
#define VV_ZIP_MAX_ENTRIES    10000
/* No entry we read may unpack to more than this (zip bombs) */
#define VV_ZIP_MAX_ENTRY_SIZE (128 * 1024 * 1024)

typedef struct _VvZip VvZip;

VvZip    *vv_zip_open        (GBytes      *bytes,
                              const char  *display_name,
                              const char  *format_name,
                              GError     **error);
void      vv_zip_free        (VvZip       *zip);
gboolean  vv_zip_has_entry   (VvZip       *zip,
                              const char  *path);
GBytes   *vv_zip_read        (VvZip       *zip,
                              const char  *path,
                              GError     **error);
xmlDoc   *vv_zip_read_xml    (VvZip       *zip,
                              const char  *path,
                              GError     **error);
char     *vv_zip_read_dc_title (VvZip     *zip,
                              const char  *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VvZip, vv_zip_free)

G_END_DECLS
