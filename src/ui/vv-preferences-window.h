/* vv-preferences-window.h: the preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VV_TYPE_PREFERENCES_WINDOW (vv_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (VvPreferencesWindow, vv_preferences_window, VV, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *vv_preferences_window_new (GtkWindow *parent);

G_END_DECLS
