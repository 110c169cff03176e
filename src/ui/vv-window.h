/* vv-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vv-core.h"

G_BEGIN_DECLS

#define VV_TYPE_WINDOW (vv_window_get_type ())

G_DECLARE_FINAL_TYPE (VvWindow, vv_window, VV, WINDOW, AdwApplicationWindow)

VvWindow   *vv_window_new           (GtkApplication *application);
void        vv_window_open_file     (VvWindow       *self,
                                     GFile          *file);
VvDocument *vv_window_get_document  (VvWindow       *self);
void        vv_window_set_document  (VvWindow       *self,
                                     VvDocument     *document,
                                     GFile          *project_file);
GFile      *vv_window_get_file      (VvWindow       *self);
gboolean    vv_window_get_busy      (VvWindow       *self);
gboolean    vv_window_get_review_mode (VvWindow     *self);
void        vv_window_set_review_mode (VvWindow     *self,
                                       gboolean      review_mode);
gboolean    vv_window_save_to       (VvWindow       *self,
                                     GFile          *file,
                                     GError        **error);
void        vv_window_show_error    (VvWindow       *self,
                                     const GError   *error);
void        vv_window_show_message  (VvWindow       *self,
                                     const char     *message);
gboolean    vv_window_restore_session (VvWindow     *self);

G_END_DECLS
