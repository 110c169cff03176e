/* vv-spell.h: spell checking of targets with enchant-2
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VvSpellRange:
 * @start: byte offset of the first byte of the word
 * @end: byte offset just past the word
 *
 * A word of a text, as byte offsets into that text.
 */
typedef struct
{
  gsize start;
  gsize end;
} VvSpellRange;

typedef struct _VvSpellChecker VvSpellChecker;

GArray         *vv_spell_tokenize                 (const char      *text);

VvSpellChecker *vv_spell_checker_new              (const char      *language,
                                                   GError         **error);
void            vv_spell_checker_free             (VvSpellChecker  *self);
const char     *vv_spell_checker_get_language     (VvSpellChecker  *self);
const char     *vv_spell_checker_get_dictionary   (VvSpellChecker  *self);
gboolean        vv_spell_checker_check_word       (VvSpellChecker  *self,
                                                   const char      *word,
                                                   gssize           length);
GArray         *vv_spell_checker_check_text       (VvSpellChecker  *self,
                                                   const char      *text);
GArray         *vv_spell_checker_check_target     (VvSpellChecker  *self,
                                                   const char      *text,
                                                   const char      *source);
char          **vv_spell_checker_suggest          (VvSpellChecker  *self,
                                                   const char      *word,
                                                   gssize           length);
void            vv_spell_checker_add_word         (VvSpellChecker  *self,
                                                   const char      *word,
                                                   gssize           length);
void            vv_spell_checker_ignore_word      (VvSpellChecker  *self,
                                                   const char      *word,
                                                   gssize           length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VvSpellChecker, vv_spell_checker_free)

G_END_DECLS
