/* vv-test-server.h: a local SoupServer in its own thread, for URL tests
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

const char   *vv_test_server_start       (SoupServerCallback  handler,
                                          gpointer            user_data);
GMainContext *vv_test_server_get_context (void);
char         *vv_test_server_url         (const char         *path);
void          vv_test_server_stop        (void);
void          vv_test_server_serve_file  (SoupServerMessage  *msg,
                                          const char         *path,
                                          const char         *content_type);
void          vv_test_server_answer_late (SoupServerMessage  *msg,
                                          guint               delay_ms);

G_END_DECLS
