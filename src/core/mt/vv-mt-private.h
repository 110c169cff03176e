/* vv-mt-private.h: helpers shared by the machine-translation providers
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "vv-mt-provider.h"

G_BEGIN_DECLS

GError      *_vv_mt_error_new            (VvMtProvider        *provider,
                                          VvMtError            code,
                                          const char          *detail);
GError      *_vv_mt_error_new_for_status (VvMtProvider        *provider,
                                          VvMtError            code,
                                          SoupMessage         *message,
                                          const char          *detail);
GError      *_vv_mt_error_from_status    (VvMtProvider        *provider,
                                          SoupMessage         *message,
                                          const char          *detail);
void         _vv_mt_error_set_split      (GError              *error);
void         _vv_mt_error_set_retry_after (GError             *error,
                                          gint64               ms);
void         _vv_mt_error_set_retryable  (GError              *error,
                                          gboolean             retryable);
gint64       _vv_mt_parse_retry_after    (SoupMessageHeaders  *headers);

SoupSession *_vv_mt_session_new          (const char          *base_url,
                                          guint                timeout_seconds);
char        *_vv_mt_join_url             (const char          *base,
                                          const char          *path);
SoupMessage *_vv_mt_json_message_new     (const char          *method,
                                          const char          *url,
                                          JsonBuilder         *body);
void         _vv_mt_send_async           (VvMtProvider        *provider,
                                          SoupSession         *session,
                                          SoupMessage         *message,
                                          guint                timeout_seconds,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GBytes      *_vv_mt_send_finish          (GAsyncResult        *result,
                                          SoupMessage        **message,
                                          GError             **error);
JsonNode    *_vv_mt_parse_json           (VvMtProvider        *provider,
                                          GBytes              *body,
                                          GError             **error);
char        *_vv_mt_body_excerpt         (GBytes              *body);
char        *_vv_mt_clean_text           (const char          *text);
gboolean     _vv_mt_is_blank             (const char          *text);
const char  *_vv_mt_json_get_string      (JsonObject          *object,
                                          const char          *member);
char        *_vv_mt_json_error_message   (GBytes              *body);

/* Base for providers: the common instance fields */
typedef struct
{
  char        *url;
  char        *api_key;
  SoupSession *session;
  guint        timeout;
} VvMtHttpConfig;

void         _vv_mt_http_config_init     (GObject             *owner,
                                          VvMtHttpConfig      *config,
                                          const char          *url,
                                          const char          *default_url,
                                          const char          *api_key,
                                          guint                timeout);
void         _vv_mt_http_config_clear    (VvMtHttpConfig      *config);

typedef GError *(*VvMtErrorFunc) (VvMtProvider *provider,
                                  SoupMessage  *message,
                                  GBytes       *body);

void         _vv_mt_json_request_async   (VvMtProvider        *provider,
                                          VvMtHttpConfig      *http,
                                          SoupMessage         *message,
                                          VvMtErrorFunc        classify,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
JsonNode    *_vv_mt_json_request_finish  (GAsyncResult        *result,
                                          GError             **error);
/* The request bodies and replies that DeepL, Google and LibreTranslate share */
guint        _vv_mt_json_add_texts       (JsonBuilder         *builder,
                                          const char          *member,
                                          const char * const  *texts);
void         _vv_mt_json_add_members     (JsonBuilder         *builder,
                                          const char          *first_member,
                                          ...) G_GNUC_NULL_TERMINATED;
typedef char **(*VvMtParseFunc) (VvMtProvider  *provider,
                                 JsonNode      *root,
                                 guint          n,
                                 GError       **error);
void         _vv_mt_json_translate_async (VvMtProvider        *provider,
                                          VvMtHttpConfig      *http,
                                          SoupMessage         *message,
                                          VvMtErrorFunc        classify,
                                          VvMtParseFunc        parse,
                                          guint                n,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
void         _vv_mt_set_header           (SoupMessage         *message,
                                          const char          *name,
                                          const char          *value);
char       **_vv_mt_strings_from_array   (JsonNode            *node,
                                          const char          *member,
                                          guint                n);
GError      *_vv_mt_error_wrong_count    (VvMtProvider        *provider,
                                          guint                n_sent);
GPtrArray   *_vv_mt_pairs_new            (void);
gpointer     _vv_mt_task_finish          (gpointer             source,
                                          GAsyncResult        *result,
                                          GError             **error);
GPtrArray   *_vv_mt_list_languages_finish (VvMtProvider       *provider,
                                          GAsyncResult        *result,
                                          GError             **error);
char       **_vv_mt_translate_finish     (VvMtProvider        *provider,
                                          GAsyncResult        *result,
                                          GError             **error);

/* Each provider's reader of a translation reply, past the shared JSON
 * parsing (fuzzed by tests/fuzz/fuzz-mt-reply.c). They return NULL with
 * @error set when the reply is not what the protocol says. */
char       **_vv_mt_deepl_parse_translations         (VvMtProvider  *provider,
                                                      JsonNode      *root,
                                                      guint          n,
                                                      GError       **error);
char       **_vv_mt_google_parse_translations        (VvMtProvider  *provider,
                                                      JsonNode      *root,
                                                      guint          n,
                                                      GError       **error);
char       **_vv_mt_libretranslate_parse_translations (VvMtProvider *provider,
                                                      JsonNode      *root,
                                                      guint          n,
                                                      GError       **error);
char        *_vv_mt_apertium_parse_text              (VvMtProvider  *provider,
                                                      GBytes        *body,
                                                      GError       **error);
char       **_vv_mt_apertium_split_batch             (const char    *text,
                                                      guint          n);
const char  *_vv_mt_openai_parse_content             (VvMtProvider  *provider,
                                                      JsonNode      *root,
                                                      GError       **error);
char       **_vv_mt_openai_parse_batch               (const char    *content,
                                                      const char * const *texts,
                                                      guint          n);
char        *_vv_mt_openai_parse_single              (const char    *content,
                                                      const char    *source);

G_END_DECLS
