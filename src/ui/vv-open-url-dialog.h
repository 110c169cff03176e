/* vv-open-url-dialog.h: "Open URL…", with progress and cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vv-core.h"

G_BEGIN_DECLS

#define VV_TYPE_OPEN_URL_DIALOG (vv_open_url_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VvOpenUrlDialog, vv_open_url_dialog, VV, OPEN_URL_DIALOG, AdwWindow)

VvOpenUrlDialog *vv_open_url_dialog_new               (GtkWindow            *parent);
void             vv_open_url_dialog_set_uri           (VvOpenUrlDialog      *self,
                                                       const char           *uri);
const char      *vv_open_url_dialog_get_uri           (VvOpenUrlDialog      *self);
void             vv_open_url_dialog_set_fetch_options (VvOpenUrlDialog      *self,
                                                       const VvFetchOptions *options);
gboolean         vv_open_url_dialog_get_busy          (VvOpenUrlDialog      *self);
const char      *vv_open_url_dialog_get_status        (VvOpenUrlDialog      *self);
void             vv_open_url_dialog_open              (VvOpenUrlDialog      *self);
void             vv_open_url_dialog_cancel            (VvOpenUrlDialog      *self);

G_END_DECLS
