/* vv-fake-mt-server.h: SoupServer fakes of the hosted MT engines, on
 * 127.0.0.1, following ../shared/mt/PROTOCOLS.md, with fault modes
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  VV_FAKE_MT_OK,
  VV_FAKE_MT_401,              /* bad key (OpenAI/llama.cpp style body) */
  VV_FAKE_MT_403,              /* forbidden / invalid key (provider's own body) */
  VV_FAKE_MT_429,              /* rate limited, no Retry-After */
  VV_FAKE_MT_429_RETRY_AFTER,  /* rate limited, Retry-After: 1 */
  VV_FAKE_MT_456,              /* DeepL quota exceeded */
  VV_FAKE_MT_500,
  VV_FAKE_MT_503,
  VV_FAKE_MT_NEVER_ANSWERS,    /* accepts the request, never replies */
  VV_FAKE_MT_TRICKLE,          /* a correct reply, one byte every 5 ms */
  VV_FAKE_MT_GARBAGE,          /* 200 with a non-JSON body */
  VV_FAKE_MT_WRONG_COUNT,      /* 200 with one translation too few */
  VV_FAKE_MT_UNSUPPORTED,      /* the provider's "language not supported" */
  VV_FAKE_MT_TOO_LARGE,        /* the provider's "request too large" */
  VV_FAKE_MT_MISSING_KEY,      /* LibreTranslate: 400 asking for a key */
  VV_FAKE_MT_HTML_429,         /* DeepL: 429 from the front proxy, HTML body */
  VV_FAKE_MT_529,              /* DeepL: too many requests (high load) */
  VV_FAKE_MT_WRONG_ENDPOINT,   /* DeepL: 403 "Wrong endpoint…" */
  VV_FAKE_MT_USER_RATE_LIMIT,  /* Google: 403 userRateLimitExceeded */
  VV_FAKE_MT_DAILY_LIMIT,      /* Google: 403 dailyLimitExceeded */
  VV_FAKE_MT_BAN,              /* LibreTranslate: 403 "Too many request limits violations" */
  VV_FAKE_MT_LENGTH,           /* OpenAI: finish_reason "length" */
  VV_FAKE_MT_THINK,            /* OpenAI: <think>…</think> before the JSON */
  VV_FAKE_MT_BAD_CONTENT,      /* OpenAI: content that is not the JSON asked for */
  VV_FAKE_MT_INSUFFICIENT_QUOTA, /* OpenAI: 429 insufficient_quota */
  VV_FAKE_MT_LOADING,          /* llama.cpp: 503 "Loading model" */
  VV_FAKE_MT_CONTEXT_EXCEEDED, /* llama.cpp: 400 exceed_context_size_error */
  VV_FAKE_MT_MODEL_NOT_FOUND,  /* Ollama: 404 model not found */
} VvFakeMtFault;

typedef struct _VvFakeMtServer VvFakeMtServer;

VvFakeMtServer *vv_fake_mt_server_new            (const char     *provider);
void            vv_fake_mt_server_free           (VvFakeMtServer *server);
const char     *vv_fake_mt_server_get_url        (VvFakeMtServer *server);
void            vv_fake_mt_server_set_fault      (VvFakeMtServer *server,
                                                  VvFakeMtFault   fault,
                                                  guint           times);
void            vv_fake_mt_server_set_key        (VvFakeMtServer *server,
                                                  const char     *key);
void            vv_fake_mt_server_set_delay      (VvFakeMtServer *server,
                                                  guint           delay_ms);
guint           vv_fake_mt_server_get_n_requests (VvFakeMtServer *server);
guint           vv_fake_mt_server_get_max_in_flight (VvFakeMtServer *server);
guint           vv_fake_mt_server_get_max_texts  (VvFakeMtServer *server);
const char     *vv_fake_mt_server_get_last_body  (VvFakeMtServer *server);
const char     *vv_fake_mt_server_get_last_header (VvFakeMtServer *server,
                                                  const char     *name);
char           *vv_fake_mt_translate_text        (const char     *text,
                                                  const char     *target);
char           *vv_fake_mt_refused_url           (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VvFakeMtServer, vv_fake_mt_server_free)

G_END_DECLS

/* Sync-over-async helpers for the MT tests (they iterate the default main context) */
#include "vv-core.h"

G_BEGIN_DECLS

char        **vv_test_mt_translate (VvMtProvider        *provider,
                                    const char          *source_lang,
                                    const char          *target_lang,
                                    const char * const  *texts,
                                    const char          *context,
                                    GCancellable        *cancellable,
                                    GError             **error);
GPtrArray    *vv_test_mt_languages (VvMtProvider        *provider,
                                    GError             **error);
VvMtResults  *vv_test_mt_queue_run (VvMtQueue           *queue,
                                    const char          *source_lang,
                                    const char          *target_lang,
                                    const char * const  *texts,
                                    GCancellable        *cancellable);

G_END_DECLS
