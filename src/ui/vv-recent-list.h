/* vv-recent-list.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VV_TYPE_RECENT_LIST (vv_recent_list_get_type ())

G_DECLARE_FINAL_TYPE (VvRecentList, vv_recent_list, VV, RECENT_LIST, GtkWidget)

GtkWidget *vv_recent_list_new (void);

G_END_DECLS
