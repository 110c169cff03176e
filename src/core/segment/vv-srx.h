/* vv-srx.h: SRX 2.0 rule engine (private to the core; VvSegmenter wraps it)
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _VvSrx VvSrx;

/* One rule of the compiled list, in the order SRX applies them */
typedef struct
{
  char     *language_rule;   /* languagerulename */
  guint     number;          /* 1-based position in its languagerule */
  gboolean  is_break;
  char     *before;          /* beforebreak as written in the file */
  char     *after;           /* afterbreak as written in the file */
  char     *comment;         /* the XML comment just before the rule, or NULL */
} VvSrxRule;

/* A position where a rule decided: the first rule (in SRX order) whose
 * beforebreak ends and whose afterbreak starts at @offset. */
typedef struct
{
  gsize    offset;
  guint    rule;             /* index into the compiled rule list */
  gboolean is_break;
} VvSrxDecision;

VvSrx           *_vv_srx_new          (GBytes      *xml,
                                       const char  *source_name,
                                       const char  *language,
                                       GError     **error);
VvSrx           *_vv_srx_ref          (VvSrx       *self);
void             _vv_srx_unref        (VvSrx       *self);
guint            _vv_srx_get_n_rules  (VvSrx       *self);
const VvSrxRule *_vv_srx_get_rule     (VvSrx       *self,
                                       guint        index);
void             _vv_srx_breaks       (VvSrx       *self,
                                       const char  *text,
                                       gsize        length,
                                       GArray      *breaks);
GArray          *_vv_srx_explain      (VvSrx       *self,
                                       const char  *text,
                                       gsize        length);
void             _vv_srx_set_no_shortcuts  (VvSrx       *self,
                                            gboolean     no_shortcuts);
gssize           _vv_srx_pattern_max_chars (const char *pattern);
gboolean         _vv_srx_translate_regex   (const char  *java,
                                            GString     *out,
                                            GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VvSrx, _vv_srx_unref)

G_END_DECLS
