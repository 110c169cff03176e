/* vv-spell-view.h: spell checking underlines and suggestions in a GtkTextView
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vv-core.h"

G_BEGIN_DECLS

#define VV_SPELL_TAG_NAME "vv-misspelt"
#define VV_SPELL_CHECK_DELAY_MS 300

VvSpellChecker *vv_spell_view_get_checker  (const char        *language,
                                            GError           **error);
void            vv_spell_view_attach       (GtkTextView       *view,
                                            const char        *language);
void            vv_spell_view_check_now    (GtkTextView       *view);
gboolean        vv_spell_view_is_attached  (GtkTextView       *view);
GtkTextTagTable *vv_spell_view_get_tag_table (void);
gboolean        vv_spell_view_update_menu  (GtkTextView       *view,
                                            const GtkTextIter *iter);

G_END_DECLS
