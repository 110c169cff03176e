/* vv-diff.h: word-level differences between two texts
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VvDiffOp:
 * @VV_DIFF_EQUAL: the text is in both versions
 * @VV_DIFF_DELETE: the text is only in the old version
 * @VV_DIFF_INSERT: the text is only in the new version
 */
typedef enum
{
  VV_DIFF_EQUAL,
  VV_DIFF_DELETE,
  VV_DIFF_INSERT,
} VvDiffOp;

/**
 * VvDiffChunk:
 * @op: what happened to @text
 * @text: a run of whole tokens (words, spaces, punctuation)
 */
typedef struct
{
  VvDiffOp  op;
  char     *text;
} VvDiffChunk;

void       vv_diff_chunk_free        (VvDiffChunk *chunk);

GPtrArray *vv_diff_tokenize          (const char  *text);
GPtrArray *vv_diff_words             (const char  *old_text,
                                      const char  *new_text);
guint      vv_diff_word_distance     (const char  *old_text,
                                      const char  *new_text,
                                      guint       *n_words);
char      *vv_diff_to_string         (GPtrArray   *chunks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VvDiffChunk, vv_diff_chunk_free)

G_END_DECLS
