/* vv-mt-provider.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VV_MT_ERROR (vv_mt_error_quark ())

/**
 * VvMtError:
 * @VV_MT_ERROR_AUTH: the server refused the API key (missing, wrong, revoked)
 * @VV_MT_ERROR_QUOTA: the key's quota is used up; retrying will not help
 * @VV_MT_ERROR_RATE_LIMITED: too many requests; retry later
 * @VV_MT_ERROR_UNSUPPORTED_PAIR: the language pair (or model) is not available
 * @VV_MT_ERROR_NETWORK: the server could not be reached, or failed (5xx)
 * @VV_MT_ERROR_TIMEOUT: no complete answer within the time limit
 * @VV_MT_ERROR_BAD_RESPONSE: the reply was not what the protocol promises
 * @VV_MT_ERROR_CANCELLED: the user cancelled
 *
 * Machine-translation failures. Every message names the provider and the server.
 */
typedef enum
{
  VV_MT_ERROR_AUTH,
  VV_MT_ERROR_QUOTA,
  VV_MT_ERROR_RATE_LIMITED,
  VV_MT_ERROR_UNSUPPORTED_PAIR,
  VV_MT_ERROR_NETWORK,
  VV_MT_ERROR_TIMEOUT,
  VV_MT_ERROR_BAD_RESPONSE,
  VV_MT_ERROR_CANCELLED,
} VvMtError;

GQuark      vv_mt_error_quark            (void);
gint64      vv_mt_error_get_retry_after  (const GError *error);
guint       vv_mt_error_get_http_status  (const GError *error);
gboolean    vv_mt_error_is_retryable     (const GError *error);
gboolean    vv_mt_error_wants_split      (const GError *error);

/**
 * VvMtCapabilities:
 * @max_batch: most segments in one request
 * @max_chars: most characters (sum of the segments, plus the separators) in
 *   one request
 * @max_concurrency: most requests in flight that the server handles well
 * @supports_context: whether neighbouring text can be sent as context
 * @separator_chars: characters that each segment after the first adds to
 *   the request when segments are joined into one text (APy's `<p>`), 0
 *   when they travel as an array
 */
typedef struct
{
  guint    max_batch;
  guint    max_chars;
  guint    max_concurrency;
  gboolean supports_context;
  guint    separator_chars;
} VvMtCapabilities;

/**
 * VvMtLanguagePair:
 * @source: source language code (ISO 639-1 where one exists, "*" for any)
 * @target: target language code ("*" for any)
 * @via: (nullable): the pivot language when the pair is reached in two steps
 */
typedef struct
{
  char *source;
  char *target;
  char *via;
} VvMtLanguagePair;

VvMtLanguagePair *vv_mt_language_pair_new  (const char *source,
                                            const char *target,
                                            const char *via);
void              vv_mt_language_pair_free (VvMtLanguagePair *pair);

#define VV_TYPE_MT_PROVIDER (vv_mt_provider_get_type ())

G_DECLARE_INTERFACE (VvMtProvider, vv_mt_provider, VV, MT_PROVIDER, GObject)

struct _VvMtProviderInterface
{
  GTypeInterface parent_iface;

  const char *(*get_id)                (VvMtProvider         *self);
  const char *(*get_display_name)      (VvMtProvider         *self);
  const char *(*get_server)            (VvMtProvider         *self);
  char       *(*get_cache_key)         (VvMtProvider         *self);
  void        (*get_capabilities)      (VvMtProvider         *self,
                                        VvMtCapabilities     *caps);
  void        (*list_languages_async)  (VvMtProvider         *self,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
  GPtrArray  *(*list_languages_finish) (VvMtProvider         *self,
                                        GAsyncResult         *result,
                                        GError              **error);
  void        (*translate_async)       (VvMtProvider         *self,
                                        const char           *source_lang,
                                        const char           *target_lang,
                                        const char * const   *texts,
                                        const char           *context,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
  char      **(*translate_finish)      (VvMtProvider         *self,
                                        GAsyncResult         *result,
                                        GError              **error);
};

const char *vv_mt_provider_get_id                (VvMtProvider        *self);
const char *vv_mt_provider_get_display_name      (VvMtProvider        *self);
const char *vv_mt_provider_get_server            (VvMtProvider        *self);
char       *vv_mt_provider_get_cache_key         (VvMtProvider        *self);
void        vv_mt_provider_get_capabilities      (VvMtProvider        *self,
                                                  VvMtCapabilities    *caps);
void        vv_mt_provider_list_languages_async  (VvMtProvider        *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray  *vv_mt_provider_list_languages_finish (VvMtProvider        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
void        vv_mt_provider_translate_async       (VvMtProvider        *self,
                                                  const char          *source_lang,
                                                  const char          *target_lang,
                                                  const char * const  *texts,
                                                  const char          *context,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
char      **vv_mt_provider_translate_finish      (VvMtProvider        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/**
 * VvMtProviderInfo:
 * @id: stable id ("apertium", "deepl"…), used in origins "mt:ID" and in settings
 * @name: display name, marked with N_()
 * @default_url: the base URL used when none is given
 * @needs_key: whether the hosted service needs an API key
 */
typedef struct
{
  const char *id;
  const char *name;
  const char *default_url;
  gboolean    needs_key;
} VvMtProviderInfo;

const VvMtProviderInfo *vv_mt_provider_get_all      (guint       *n_providers);
const VvMtProviderInfo *vv_mt_provider_lookup_info  (const char  *id);
VvMtProvider           *vv_mt_provider_new_for_id   (const char  *id,
                                                     const char  *url,
                                                     const char  *api_key,
                                                     GError     **error);
char                   *vv_mt_provider_key_from_env (const char  *id);

G_END_DECLS
