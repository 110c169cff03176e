/* vv-journal.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

#define VV_JOURNAL_ERROR (vv_journal_error_quark ())

/**
 * VvJournalError:
 * @VV_JOURNAL_ERROR_INVALID: the file is not a Vis-à-vis journal
 * @VV_JOURNAL_ERROR_NEWER_VERSION: the journal was written by a newer version
 * @VV_JOURNAL_ERROR_BASE_CHANGED: the project file was replaced since the
 *   journal began, so its changes cannot be applied to it
 */
typedef enum
{
  VV_JOURNAL_ERROR_INVALID,
  VV_JOURNAL_ERROR_NEWER_VERSION,
  VV_JOURNAL_ERROR_BASE_CHANGED,
} VvJournalError;

/**
 * VvJournalInfo:
 * @file: the journal file
 * @project: (nullable): the project it belongs to; %NULL for an article
 *   that was never saved
 * @title: (nullable): the document's title when known
 * @n_changes: the number of changes it holds
 * @modified: (nullable): when it was last written
 *
 * What a recovery offer shows about a journal.
 */
typedef struct
{
  GFile     *file;
  GFile     *project;
  char      *title;
  guint      n_changes;
  GDateTime *modified;
} VvJournalInfo;

void           vv_journal_info_free        (VvJournalInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VvJournalInfo, vv_journal_info_free)

#define VV_TYPE_JOURNAL (vv_journal_get_type ())
G_DECLARE_FINAL_TYPE (VvJournal, vv_journal, VV, JOURNAL, GObject)

GQuark         vv_journal_error_quark      (void);
char          *vv_journal_get_state_dir    (void);
GFile         *vv_journal_find_for_project (GFile          *project);
GPtrArray     *vv_journal_list_unsaved     (void);
VvJournalInfo *vv_journal_read_info        (GFile          *journal_file,
                                            GError        **error);
VvDocument    *vv_journal_recover          (GFile          *journal_file,
                                            GFile         **project,
                                            guint          *n_applied,
                                            GError        **error);
gboolean       vv_journal_discard          (GFile          *journal_file,
                                            GError        **error);

VvJournal     *vv_journal_new              (VvDocument     *document,
                                            GFile          *project,
                                            gboolean        snapshot,
                                            GError        **error);
VvJournal     *vv_journal_new_replacing    (VvDocument     *document,
                                            GFile          *project,
                                            gboolean        snapshot,
                                            GFile          *replaces,
                                            GError        **error);
GFile         *vv_journal_get_file         (VvJournal      *self);
VvDocument    *vv_journal_get_document     (VvJournal      *self);
guint          vv_journal_get_idle_delay   (VvJournal      *self);
void           vv_journal_set_idle_delay   (VvJournal      *self,
                                            guint           msec);
guint64        vv_journal_get_n_queued     (VvJournal      *self);
guint64        vv_journal_get_n_written    (VvJournal      *self);
guint          vv_journal_get_n_pending    (VvJournal      *self);
void           vv_journal_write_pending    (VvJournal      *self);
gboolean       vv_journal_flush            (VvJournal      *self,
                                            GError        **error);
guint64        vv_journal_mark_saving      (VvJournal      *self);
void           vv_journal_saved            (VvJournal      *self,
                                            GFile          *project,
                                            guint64         mark);
void           vv_journal_close            (VvJournal      *self,
                                            gboolean        remove);

G_END_DECLS
