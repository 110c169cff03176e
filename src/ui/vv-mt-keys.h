/* vv-mt-keys.h: API keys of the machine-translation providers, in the
 * keyring (libsecret); never in GSettings or the project file
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vv-core.h"

G_BEGIN_DECLS

void      vv_mt_key_lookup_async  (const char           *provider_id,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
char     *vv_mt_key_lookup_finish (GAsyncResult         *result,
                                   GError              **error);
void      vv_mt_key_store_async   (const char           *provider_id,
                                   const char           *key,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean  vv_mt_key_store_finish  (GAsyncResult         *result,
                                   GError              **error);

VvMtProvider *vv_mt_provider_new_from_settings (const char  *provider_id,
                                                const char  *key,
                                                GError     **error);

G_END_DECLS
