/* vv-export-dialog.h: choose a format and what to include, then export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vv-core.h"

G_BEGIN_DECLS

#define VV_TYPE_EXPORT_DIALOG (vv_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VvExportDialog, vv_export_dialog, VV, EXPORT_DIALOG, AdwWindow)

VvExportDialog       *vv_export_dialog_new            (GtkWindow        *parent,
                                                       VvDocument       *document);
const VvExportFormat *vv_export_dialog_get_format     (VvExportDialog   *self);
gboolean              vv_export_dialog_set_format     (VvExportDialog   *self,
                                                       const char       *format_id);
void                  vv_export_dialog_get_options    (VvExportDialog   *self,
                                                       VvExportOptions  *options);
void                  vv_export_dialog_set_options    (VvExportDialog   *self,
                                                       const VvExportOptions *options);
gboolean              vv_export_dialog_export_to_file (VvExportDialog   *self,
                                                       GFile            *file,
                                                       GError          **error);

G_END_DECLS
