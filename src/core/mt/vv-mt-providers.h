/* vv-mt-providers.h: the machine-translation providers
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vv-mt-provider.h"

G_BEGIN_DECLS

#define VV_TYPE_MT_APERTIUM (vv_mt_apertium_get_type ())
G_DECLARE_FINAL_TYPE (VvMtApertium, vv_mt_apertium, VV, MT_APERTIUM, GObject)
VvMtProvider *vv_mt_apertium_new       (const char *url);

#define VV_TYPE_MT_LIBRETRANSLATE (vv_mt_libretranslate_get_type ())
G_DECLARE_FINAL_TYPE (VvMtLibretranslate, vv_mt_libretranslate, VV, MT_LIBRETRANSLATE, GObject)
VvMtProvider *vv_mt_libretranslate_new (const char *url,
                                        const char *api_key);

#define VV_TYPE_MT_DEEPL (vv_mt_deepl_get_type ())
G_DECLARE_FINAL_TYPE (VvMtDeepl, vv_mt_deepl, VV, MT_DEEPL, GObject)
VvMtProvider *vv_mt_deepl_new          (const char *url,
                                        const char *api_key);
void          vv_mt_deepl_set_formality (VvMtDeepl  *self,
                                        const char *formality);
const char   *vv_mt_deepl_host_for_key (const char *api_key);

#define VV_TYPE_MT_GOOGLE (vv_mt_google_get_type ())
G_DECLARE_FINAL_TYPE (VvMtGoogle, vv_mt_google, VV, MT_GOOGLE, GObject)
VvMtProvider *vv_mt_google_new         (const char *url,
                                        const char *api_key);

#define VV_TYPE_MT_OPENAI (vv_mt_openai_get_type ())
G_DECLARE_FINAL_TYPE (VvMtOpenai, vv_mt_openai, VV, MT_OPENAI, GObject)
VvMtProvider *vv_mt_openai_new         (const char *url,
                                        const char *api_key,
                                        const char *model);
void          vv_mt_openai_set_model   (VvMtOpenai *self,
                                        const char *model);
void          vv_mt_openai_set_formality (VvMtOpenai *self,
                                          const char *formality);
void          vv_mt_openai_set_timeout (VvMtOpenai *self,
                                        guint       seconds);

#define VV_TYPE_MT_PIVOT (vv_mt_pivot_get_type ())
G_DECLARE_FINAL_TYPE (VvMtPivot, vv_mt_pivot, VV, MT_PIVOT, GObject)
VvMtProvider *vv_mt_pivot_new          (VvMtProvider *first,
                                        VvMtProvider *second,
                                        const char   *pivot_lang);
char         *vv_mt_find_pivot         (GPtrArray    *pairs,
                                        const char   *source,
                                        const char   *target);
gboolean      vv_mt_pairs_have         (GPtrArray    *pairs,
                                        const char   *source,
                                        const char   *target);

/* Formal or informal register where the provider supports one (DeepL,
 * OpenAI-compatible; pivots pass it to both steps); FALSE when it has none */
gboolean      vv_mt_provider_set_formality (VvMtProvider *provider,
                                            const char   *formality);

/* Per-request time limit in seconds, for all HTTP providers (tests shorten it) */
void          vv_mt_provider_set_timeout (VvMtProvider *provider,
                                          guint         seconds);

G_END_DECLS
