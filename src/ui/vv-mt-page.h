/* vv-mt-page.h: Preferences → Machine translation
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VV_TYPE_MT_PAGE (vv_mt_page_get_type ())

G_DECLARE_FINAL_TYPE (VvMtPage, vv_mt_page, VV, MT_PAGE, AdwPreferencesPage)

GtkWidget *vv_mt_page_new (void);

G_END_DECLS
