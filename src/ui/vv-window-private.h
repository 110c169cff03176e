/* vv-window-private.h: state shared by vv-window*.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vv-segment-row.h"
#include "vv-window.h"

G_BEGIN_DECLS

typedef enum
{
  VV_EDIT_SPLIT,
  VV_EDIT_MERGE,
} VvEditKind;

typedef struct
{
  VvEditKind kind;
  guint      first_id;     /* the segment that stays */
  guint      second_id;    /* the segment split off / merged in */
  char      *second_source; /* MERGE: the merged-in source, to find the offset again */
  char      *second_target; /* MERGE: the merged-in target */
} VvEdit;

struct _VvWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkListView          *list_view;
  GtkSignalListItemFactory *factory;
  GtkProgressBar       *progress_bar;
  GtkDropTarget        *drop_target;

  VvDocument           *document;
  GFile                *file;          /* the .visavis file, or NULL */
  GFile                *source_file;   /* the imported file, for names */
  GtkNoSelection       *selection;
  GCancellable         *cancellable;
  GHashTable           *bound_rows;    /* VvSegment* → VvSegmentRow* (borrowed) */
  GPtrArray            *undo_stack;    /* VvEdit* */
  GtkCssProvider       *font_provider;

  guint                 pending_focus; /* position + 1 to focus when bound, 0 = none */
  guint                 pending_focus_source;
  /* vv-window-safety.c */
  VvJournal            *journal;
  GFileMonitor         *monitor;
  char                 *file_checksum; /* of self->file as last loaded or saved */
  guint                 saving;        /* saves running */

  guint                 busy : 1;
  guint                 close_confirmed : 1;
};

void     _vv_window_class_actions_init (GtkWidgetClass *widget_class);
void     _vv_window_update_actions     (VvWindow       *self);
void     _vv_window_focus_position     (VvWindow       *self,
                                        guint           position);
guint    _vv_window_get_current_position (VvWindow     *self);
void     _vv_window_edit_free          (gpointer        data);
void     _vv_window_save_as            (VvWindow       *self,
                                        gboolean        close_after);
void     _vv_window_save               (VvWindow       *self,
                                        gboolean        close_after);


/* vv-window-safety.c */
void     _vv_window_safety_set_document (VvWindow      *self);
void     _vv_window_safety_dispose      (VvWindow      *self);
void     _vv_window_safety_save         (VvWindow      *self,
                                         GFile         *file,
                                         gboolean       close_after);
void     _vv_window_safety_saved_sync   (VvWindow      *self,
                                         GFile         *file);
void     _vv_window_safety_open_project (VvWindow      *self,
                                         VvDocument    *document,
                                         GFile         *file);
void     _vv_window_safety_remember     (VvWindow      *self);

G_END_DECLS
