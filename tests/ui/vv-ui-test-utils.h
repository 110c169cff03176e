/* vv-ui-test-utils.h: helpers shared by the widget tests
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef gboolean (*VvUiTestPredicate) (gpointer data);

gboolean vv_ui_test_init       (int                 *argc,
                                char              ***argv);
void     vv_ui_test_flush      (void);
void     vv_ui_test_run_for    (guint                ms);
gboolean vv_ui_test_wait_until (VvUiTestPredicate    predicate,
                                gpointer             data);
GtkWidget *vv_ui_test_find_descendant (GtkWidget    *widget,
                                       GType         type);

G_END_DECLS
