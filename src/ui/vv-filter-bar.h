/* vv-filter-bar.h: find, filter and replace above the segment list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vv-core.h"

G_BEGIN_DECLS

#define VV_TYPE_FILTER_BAR (vv_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (VvFilterBar, vv_filter_bar, VV, FILTER_BAR, GtkWidget)

GtkWidget  *vv_filter_bar_new              (void);
void        vv_filter_bar_apply            (VvFilterBar *self,
                                            VvFilter    *filter);
const char *vv_filter_bar_get_text         (VvFilterBar *self);
const char *vv_filter_bar_get_replacement  (VvFilterBar *self);
gboolean    vv_filter_bar_get_regex        (VvFilterBar *self);
gboolean    vv_filter_bar_get_qa_only      (VvFilterBar *self);
void        vv_filter_bar_set_regex        (VvFilterBar *self,
                                            gboolean     regex);
gboolean    vv_filter_bar_get_match_case   (VvFilterBar *self);
void        vv_filter_bar_set_state_choice (VvFilterBar *self,
                                            guint        choice);
void        vv_filter_bar_set_text         (VvFilterBar *self,
                                            const char  *text);
void        vv_filter_bar_set_replacement  (VvFilterBar *self,
                                            const char  *text);
void        vv_filter_bar_set_count        (VvFilterBar *self,
                                            guint        shown,
                                            guint        total);
void        vv_filter_bar_focus            (VvFilterBar *self);
void        vv_filter_bar_reset            (VvFilterBar *self);

G_END_DECLS
