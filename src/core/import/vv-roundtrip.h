/* vv-roundtrip.h: reading back reviewed bilingual files
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vv-core-types.h"

G_BEGIN_DECLS

#define VV_ROUNDTRIP_ERROR (vv_roundtrip_error_quark ())

/**
 * VvRoundtripError:
 * @VV_ROUNDTRIP_ERROR_FORMAT: the file is not a bilingual file Vis-à-vis can read
 * @VV_ROUNDTRIP_ERROR_OTHER_PROJECT: the file was exported from another project
 */
typedef enum
{
  VV_ROUNDTRIP_ERROR_FORMAT,
  VV_ROUNDTRIP_ERROR_OTHER_PROJECT,
} VvRoundtripError;

/**
 * VvRoundtripUnit:
 * @id: the segment id, 0 when the file's id is not a number
 * @file_id: the id as written in the file
 * @source: (nullable): the source text in the file
 * @target: (nullable): the target text, %NULL when the file has none
 * @has_state: whether the file gives a state
 * @state: that state
 * @comments: (element-type VvComment): comments found as separate items
 *   (XLIFF notes, Word comments, LibreOffice annotations)
 * @comment_text: (nullable): the text of a comments column (CSV, DOCX, ODT)
 * @block: units with the same block number form one block (XLIFF groups)
 * @kind: the kind of that block
 * @level: the heading level of that block
 *
 * One segment as read from a bilingual file.
 */
typedef struct
{
  guint           id;
  char           *file_id;
  char           *source;
  char           *target;
  gboolean        has_state;
  VvSegmentState  state;
  GPtrArray      *comments;
  char           *comment_text;
  guint           block;
  VvBlockKind     kind;
  guint           level;
} VvRoundtripUnit;

/**
 * VvRoundtripFile:
 * @display_name: the file name, for messages
 * @format: "csv", "tsv", "docx", "odt", "xliff12" or "xliff20"
 * @project_key: (nullable): the key of the project it was exported from
 * @title: (nullable): the document title, if the file has one
 * @original: (nullable): the original file or URL named by an XLIFF file
 * @source_language: (nullable): source language code
 * @target_language: (nullable): target language code
 * @units: (element-type VvRoundtripUnit): the segments, in file order
 */
typedef struct
{
  char      *display_name;
  char      *format;
  char      *project_key;
  char      *title;
  char      *original;
  char      *source_language;
  char      *target_language;
  GPtrArray *units;
} VvRoundtripFile;

/**
 * VvRoundtripReport:
 * @n_units: segments read from the file
 * @n_targets_changed: targets replaced by the reviewer's text
 * @n_comments_added: new comments
 * @n_states_changed: states changed (approved or sent back)
 * @mismatched: (element-type guint): ids whose source no longer matches (not applied)
 * @unknown: (element-type guint): ids the project does not have (not applied)
 * @locked: (element-type guint): locked segments whose target was changed (not applied)
 * @refused: (element-type guint): state changes the workflow does not allow
 *   (approving a draft, for instance; not applied)
 *
 * What vv_roundtrip_apply() did.
 */
typedef struct
{
  guint   n_units;
  guint   n_targets_changed;
  guint   n_comments_added;
  guint   n_states_changed;
  GArray *mismatched;
  GArray *unknown;
  GArray *locked;
  GArray *refused;
} VvRoundtripReport;

GQuark        vv_roundtrip_error_quark      (void);
VvRoundtripFile *vv_roundtrip_file_read        (GBytes          *bytes,
                                          const char      *display_name,
                                          GError         **error);
VvRoundtripFile *vv_roundtrip_file_load        (GFile           *file,
                                          GCancellable    *cancellable,
                                          GError         **error);
void          vv_roundtrip_file_free        (VvRoundtripFile    *file);
gboolean      vv_roundtrip_apply            (VvDocument      *document,
                                          VvRoundtripFile    *file,
                                          const char      *reviewer,
                                          VvRoundtripReport  *report,
                                          GError         **error);
void          vv_roundtrip_report_init      (VvRoundtripReport  *report);
void          vv_roundtrip_report_clear     (VvRoundtripReport  *report);
char         *vv_roundtrip_report_to_string (VvRoundtripReport  *report);

/* Readers of single formats, also used by the XLIFF importer */
VvRoundtripFile *_vv_roundtrip_file_new        (const char      *display_name,
                                          const char      *format);
VvRoundtripFile *_vv_roundtrip_read_xliff      (GBytes          *bytes,
                                          const char      *display_name,
                                          GError         **error);
VvRoundtripFile *_vv_roundtrip_read_csv        (GBytes          *bytes,
                                          const char      *display_name,
                                          GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VvRoundtripFile, vv_roundtrip_file_free)

G_END_DECLS
