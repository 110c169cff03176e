/* vv-comments-list.h: the document's comment threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vv-core.h"

G_BEGIN_DECLS

#define VV_TYPE_COMMENTS_LIST (vv_comments_list_get_type ())

G_DECLARE_FINAL_TYPE (VvCommentsList, vv_comments_list, VV, COMMENTS_LIST, GtkWidget)

GtkWidget *vv_comments_list_new          (void);
void       vv_comments_list_set_document (VvCommentsList *self,
                                          VvDocument     *document);
void       vv_comments_list_refresh      (VvCommentsList *self);
guint      vv_comments_list_get_n_rows   (VvCommentsList *self);

G_END_DECLS
