/* vv-apertium-server.h: start and stop a real Apertium APy for tests and
 * benchmarks, through ../shared/mt/apertium-server.sh
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _VvApertiumServer VvApertiumServer;

VvApertiumServer *vv_apertium_server_start   (GError          **error);
const char       *vv_apertium_server_get_url (VvApertiumServer *server);
void              vv_apertium_server_stop    (VvApertiumServer *server);
gboolean          vv_apertium_required       (void);

G_END_DECLS
