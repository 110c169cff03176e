/* vv-settings.h: the application's settings as GObject properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* recent-projects keeps at most this many */
#define VV_SETTINGS_MAX_RECENT 10

#define VV_TYPE_SETTINGS (vv_settings_get_type ())

G_DECLARE_FINAL_TYPE (VvSettings, vv_settings, VV, SETTINGS, GObject)

VvSettings *vv_settings_get_default         (void);
GSettings  *vv_settings_get_gsettings       (VvSettings *self);
const char *vv_settings_get_author_name     (VvSettings *self);
char       *vv_settings_dup_effective_author (VvSettings *self);
const char *vv_settings_get_target_language (VvSettings *self);
double      vv_settings_get_font_scale      (VvSettings *self);
int         vv_settings_get_window_width    (VvSettings *self);
int         vv_settings_get_window_height   (VvSettings *self);
gboolean    vv_settings_get_window_maximized (VvSettings *self);
guint       vv_settings_get_autosave_interval (VvSettings *self);
const char *vv_settings_get_color_scheme    (VvSettings *self);
const char * const *vv_settings_get_mt_providers (VvSettings *self);
void        vv_settings_save_window_state   (VvSettings *self,
                                             GtkWindow  *window);
const char * const *vv_settings_get_recent_projects (VvSettings *self);
void        vv_settings_add_recent_project  (VvSettings *self,
                                             GFile      *file);

G_END_DECLS
