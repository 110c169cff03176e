/* vv-project.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

#define VV_PROJECT_ERROR (vv_project_error_quark ())

/* The version of the *.visavis format this build writes and reads */
#define VV_PROJECT_FORMAT 1

/**
 * VvProjectError:
 * @VV_PROJECT_ERROR_PARSE: the file is not valid JSON
 * @VV_PROJECT_ERROR_INVALID: the JSON is not a Vis-à-vis project or a field is wrong
 * @VV_PROJECT_ERROR_NEWER_VERSION: the project was written by a newer version
 */
typedef enum
{
  VV_PROJECT_ERROR_PARSE,
  VV_PROJECT_ERROR_INVALID,
  VV_PROJECT_ERROR_NEWER_VERSION,
} VvProjectError;

GQuark      vv_project_error_quark   (void);
char       *vv_project_to_data       (VvDocument    *document,
                                      gsize         *length);
VvDocument *vv_project_from_data     (const char    *data,
                                      gsize          length,
                                      const char    *display_name,
                                      GError       **error);
gboolean    vv_project_save          (VvDocument    *document,
                                      GFile         *file,
                                      GCancellable  *cancellable,
                                      GError       **error);
VvDocument *vv_project_load          (GFile         *file,
                                      GCancellable  *cancellable,
                                      GError       **error);

/* vv-project-save.c */
gboolean    vv_project_write_atomic  (GFile               *file,
                                      const char          *data,
                                      gsize                length,
                                      GCancellable        *cancellable,
                                      GError             **error);
void        vv_project_save_async    (VvDocument          *document,
                                      GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean    vv_project_save_finish   (VvDocument          *document,
                                      GAsyncResult        *result,
                                      char               **checksum,
                                      GError             **error);
char       *vv_project_file_checksum (GFile               *file,
                                      GCancellable        *cancellable,
                                      GError             **error);
void        _vv_project_touch_changed (VvDocument         *document);

G_END_DECLS
