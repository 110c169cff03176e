/* vv-project-private.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

typedef struct _VvProjectSnapshot VvProjectSnapshot;

VvProjectSnapshot *_vv_project_snapshot_new     (VvDocument              *document);
void               _vv_project_snapshot_free    (VvProjectSnapshot       *snapshot);
JsonNode          *_vv_project_snapshot_to_node (const VvProjectSnapshot *snapshot);
char              *_vv_project_node_to_data     (JsonNode                *root,
                                                 gsize                   *length);

G_END_DECLS
