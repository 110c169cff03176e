/* vv-mt-cache.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VV_TYPE_MT_CACHE (vv_mt_cache_get_type ())

G_DECLARE_FINAL_TYPE (VvMtCache, vv_mt_cache, VV, MT_CACHE, GObject)

VvMtCache  *vv_mt_cache_new          (GFile       *directory);
VvMtCache  *vv_mt_cache_new_default  (void);
GFile      *vv_mt_cache_get_directory (VvMtCache  *self);
const char *vv_mt_cache_lookup       (VvMtCache   *self,
                                      const char  *provider_key,
                                      const char  *source_lang,
                                      const char  *target_lang,
                                      const char  *text);
void        vv_mt_cache_insert       (VvMtCache   *self,
                                      const char  *provider_key,
                                      const char  *source_lang,
                                      const char  *target_lang,
                                      const char  *text,
                                      const char  *translation);
gboolean    vv_mt_cache_save         (VvMtCache   *self,
                                      GError     **error);

G_END_DECLS
