/* vv-qa-panel.h: QA findings with one-click fixes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vv-core.h"

G_BEGIN_DECLS

#define VV_TYPE_QA_PANEL (vv_qa_panel_get_type ())

G_DECLARE_FINAL_TYPE (VvQaPanel, vv_qa_panel, VV, QA_PANEL, GtkWidget)

GtkWidget *vv_qa_panel_new          (void);
void       vv_qa_panel_set_findings (VvQaPanel *self,
                                     GPtrArray *findings);
guint      vv_qa_panel_get_n_rows   (VvQaPanel *self);
void       vv_qa_panel_remove_fixed (VvQaPanel  *self,
                                     guint       segment_id,
                                     const char *check);

G_END_DECLS
