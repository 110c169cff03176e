/* vv-fetch.h: fetching articles from http(s) URLs
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

#define VV_FETCH_DEFAULT_TIMEOUT       30                 /* seconds without progress */
#define VV_FETCH_DEFAULT_MAX_SIZE      (20 * 1024 * 1024) /* bytes */
#define VV_FETCH_DEFAULT_MAX_REDIRECTS 5

/**
 * VvFetchOptions:
 * @timeout: seconds to wait for the server at any step (connect, headers,
 *   each read); the whole transfer may take four times as long
 * @max_size: largest body accepted, in bytes
 * @max_redirects: redirects followed before giving up
 *
 * Limits of a fetch; initialise with vv_fetch_options_init().
 */
typedef struct
{
  guint timeout;
  gsize max_size;
  guint max_redirects;
} VvFetchOptions;

/**
 * VvFetchProgressFunc:
 * @received: bytes of the body received so far
 * @total: the announced size, or -1 when the server did not say
 * @user_data: data given with the function
 *
 * Reports the progress of a download.
 */
typedef void (*VvFetchProgressFunc) (goffset  received,
                                     goffset  total,
                                     gpointer user_data);

void        vv_fetch_options_init (VvFetchOptions         *options);
gboolean    vv_fetch_is_url       (const char             *text);
char       *vv_fetch_user_agent   (void);
GBytes     *vv_fetch_uri          (const char             *uri,
                                   const VvFetchOptions   *options,
                                   char                  **content_type,
                                   char                  **final_uri,
                                   VvFetchProgressFunc     progress,
                                   gpointer                progress_data,
                                   GCancellable           *cancellable,
                                   GError                **error);
VvDocument *vv_import_uri         (const char             *uri,
                                   VvSegmenter            *segmenter,
                                   const VvFetchOptions   *options,
                                   VvFetchProgressFunc     progress,
                                   gpointer                progress_data,
                                   GCancellable           *cancellable,
                                   GError                **error);
void        vv_import_uri_async   (const char             *uri,
                                   VvSegmenter            *segmenter,
                                   const VvFetchOptions   *options,
                                   VvFetchProgressFunc     progress,
                                   gpointer                progress_data,
                                   GDestroyNotify          progress_data_free,
                                   GCancellable           *cancellable,
                                   GAsyncReadyCallback     callback,
                                   gpointer                user_data);
VvDocument *vv_import_uri_finish  (GAsyncResult           *result,
                                   GError                **error);

G_END_DECLS
