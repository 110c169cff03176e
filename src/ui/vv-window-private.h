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
  VV_EDIT_TARGETS,   /* replace-all, restore, QA fix, copy source (vv-review-actions.c) */
} VvEditKind;

typedef struct
{
  VvEditKind kind;
  guint      first_id;     /* the segment that stays */
  guint      second_id;    /* the segment split off / merged in */
  char      *second_source; /* MERGE: the merged-in source, to find the offset again */
  char      *second_target; /* MERGE: the merged-in target */
  GPtrArray *targets;      /* TARGETS: the segments' targets and states before */
} VvEdit;

typedef struct _VvFilterBar VvFilterBar;
typedef struct _VvReviewPanel VvReviewPanel;
typedef struct _VvCommentsList VvCommentsList;
typedef struct _VvQaPanel VvQaPanel;

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
  VvEditTimer           edit_timer;    /* time spent per segment */
  GtkCssProvider       *font_provider;

  /* review desk (vv-review-actions.c) */
  GtkRevealer          *filter_revealer;
  VvFilterBar          *filter_bar;
  GtkRevealer          *sidebar_revealer;
  GtkStack             *side_stack;
  VvReviewPanel        *review_panel;
  VvCommentsList       *comments_list;
  VvQaPanel            *qa_panel;
  GtkFilterListModel   *filter_model;
  GtkCustomFilter      *custom_filter;
  struct _VvFilter     *filter;
  GHashTable           *qa_segments;   /* ids of segments with QA findings */
  GSimpleActionGroup   *review_actions;
  gboolean              review_mode;

  guint                 pending_focus; /* position + 1 to focus when bound, 0 = none */
  guint                 pending_focus_source;
  /* work deferred until the next frame is drawn (_vv_window_defer) */
  guint                 deferred_tick_id;
  guint                 deferred_timeout_id;
  guint                 deferred_idle_id;
  GHashTable           *spell_pending; /* VvSegmentRow* (ref) whose spell view waits */
  gboolean              spell_check_dictionary; /* open it then, toast if missing */
  gboolean              journal_deferred; /* vv-window-safety.c: start the journal then */
  /* vv-window-safety.c */
  VvJournal            *journal;
  GFileMonitor         *monitor;
  char                 *file_checksum; /* of self->file as last loaded or saved */
  guint                 saving;        /* saves running */
  GFile                *recovered_journal; /* replaced by the next journal started */

  /* vv-window-mt.c */
  GCancellable         *mt_cancellable; /* while "Translate all" runs */
  VvMtQueue            *mt_queue;
  struct _VvSuggestionsPanel *suggestions_panel;
  GtkDropDown          *target_dropdown;  /* the document's target language */
  GPtrArray            *target_codes;     /* language code of each dropdown item */
  gboolean              syncing_target;
  GSettings            *mt_settings;
  GCancellable         *languages_cancellable; /* asking the providers for their languages */
  GPtrArray            *provider_pairs;   /* a GPtrArray of VvMtLanguagePair per provider that answered */
  gboolean              languages_any;    /* a provider translates into any language */
  guint                 languages_pending; /* providers still answering */

  guint                 busy : 1;
  guint                 close_confirmed : 1;
};

void     _vv_window_class_actions_init (GtkWidgetClass *widget_class);
void     _vv_window_update_actions     (VvWindow       *self);
void     _vv_window_update_progress    (VvWindow       *self);
void     _vv_window_focus_position     (VvWindow       *self,
                                        guint           position);
guint    _vv_window_get_current_position (VvWindow     *self);
void     _vv_window_edit_free          (gpointer        data);
void     _vv_window_save_as            (VvWindow       *self,
                                        gboolean        close_after);
void     _vv_window_save               (VvWindow       *self,
                                        gboolean        close_after);
void     _vv_window_defer              (VvWindow       *self);


/* vv-window-mt.c */
void     _vv_window_mt_class_init       (GtkWidgetClass *widget_class);
void     _vv_window_mt_update_actions   (VvWindow      *self);
void     _vv_window_mt_dispose          (VvWindow      *self);
void     _vv_window_mt_init             (VvWindow      *self);
void     _vv_window_mt_set_document     (VvWindow      *self);
void     _vv_window_mt_refresh_languages (VvWindow     *self);

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
void     _vv_window_safety_start_deferred (VvWindow    *self);

/* vv-review-actions.c */
void     _vv_window_review_class_init  (GtkWidgetClass *widget_class);
void     _vv_window_review_init        (VvWindow       *self);
void     _vv_window_review_dispose     (VvWindow       *self);
void     _vv_window_review_set_document (VvWindow      *self,
                                        VvDocument     *document);
void     _vv_window_review_update_actions (VvWindow    *self);
guint    _vv_window_list_position      (VvWindow       *self,
                                        guint           position);
void     _vv_window_refilter           (VvWindow       *self);
void     _vv_window_approve_next       (VvWindow       *self);
void     _vv_window_undo_targets       (VvWindow       *self,
                                        VvEdit         *edit);

G_END_DECLS
