/* vv-utils.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean    vv_set_str              (char       **str_pointer,
                                     const char  *new_str);
void        vv_locale_init          (const char  *locale);
guint       vv_count_words          (const char  *text);
char       *vv_file_get_display_name (GFile      *file);
GDateTime  *vv_date_time_parse_iso8601 (const char *text);
char       *vv_date_time_format_iso8601 (GDateTime *dt);
void        vv_use_system_malloc    (char        *argv[]);

G_END_DECLS
