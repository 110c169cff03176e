/* vv-qa-private.h: what the QA checks read from a text (vv-qa-text.c)
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NBSP  "\xc2\xa0"      /* U+00A0 NO-BREAK SPACE, before ':' and inside « » */
#define NNBSP "\xe2\x80\xaf"  /* U+202F NARROW NO-BREAK SPACE, before ; ! ? */

typedef struct
{
  gsize start, end;
} VvQaSpan;

/* a date ("2024-03-03", 0000/00 for a missing year/day) or time ("14:30") */
typedef struct
{
  VvQaSpan span;
  char value[12];
} VvQaDate;

typedef struct
{
  double value;
  gsize  start, end;
  guint  matched : 1;
} VvQaNumber;

typedef struct
{
  int paren, bracket, brace, dquote, straight;
} VvQaBalance;

/* What the checks need to know about one text, read in one pass */
typedef struct
{
  gsize       len;               /* bytes */
  glong       n_chars;
  gsize       lead, trail;       /* leading, trailing white space (bytes) */
  const char *end_mark;          /* end_punct() */
  gsize       end_offset;        /* where the text ends before closers and spaces */
  VvQaBalance balance;
  guint       n_straight;        /* '"' */
  guint       first_date, n_dates;       /* in the dates array given to _vv_qa_analyse_text() */
  guint       first_number, n_numbers;   /* in the numbers array */
  guint       has_digit : 1;
  guint       has_double_space : 1;      /* "  " anywhere */
  guint       has_typography : 1;        /* : ; ! ? " « » “ ” */
} VvQaFacts;

gboolean _vv_qa_lang_is       (const char *lang,
                               const char *prefix);
void     _vv_qa_analyse_text (const char *text,
                              const char *lang,
                              VvQaFacts  *f,
                              GArray     *dates,
                              GArray     *numbers,
                              GString    *digits);

G_END_DECLS
