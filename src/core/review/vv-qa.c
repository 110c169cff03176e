/* vv-qa.c: quality checks on translations, table-driven
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Speed (50,000 segments in well under 200 ms): each text is read once by
 * _vv_qa_analyse_text() (vv-qa-text.c) into a VvQaFacts record, and the
 * checks compare the records of a source and its target. A document's
 * check keeps the facts of each distinct source in the table of sources
 * that the inconsistency check needs anyway (open addressing, sized once),
 * so a repeated source is read once. Dates and numbers go to arrays reused
 * from segment to segment; nothing is allocated per check except the
 * findings.
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "vv-document.h"
#include "vv-qa.h"
#include "vv-qa-private.h"
#include "vv-segment.h"
#include "vv-utils.h"

/* more than this many dates in one text: the first ones are compared */
#define MAX_DATES 64

typedef struct _Check Check;

/* one per distinct source in a document check */
typedef struct
{
  VvSegment  *first;             /* the first checked segment with that source */
  const char *source;
  guint       hash;
  VvQaFacts   facts;
} SourceEntry;

typedef struct
{
  VvSegment         *segment;
  const char        *source;
  const char        *target;
  const VvQaFacts   *sf, *tf;
  const VvQaOptions *options;
  const char        *source_lang;
  const char        *target_lang;
  gboolean           target_french;
  GPtrArray         *findings;
  guint              position;
  /* the distinct sources: an open-addressing table of 1 + an index in
   * entries, 0 for a free slot (NULL when checking one segment) */
  guint32           *slots;
  guint              mask;
  GArray            *entries;
  SourceEntry       *entry;      /* the current segment's */
  gboolean           entry_is_new;
  GArray            *sdates, *snumbers;   /* every distinct source's */
  GArray            *tdates, *tnumbers;   /* the current target's */
  /* scratch space reused from segment to segment */
  GArray            *snum_work;
  GString           *digits, *missing, *extra;
} Ctx;

struct _Check
{
  VvQaCheckInfo info;
  void        (*run) (Ctx *ctx, const Check *check);
};

static const Check *find_check (const char *id);

static void
add_finding (Ctx         *ctx,
             const Check *check,
             char        *fix,     /* transfer full, nullable */
             const char  *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
add_finding (Ctx         *ctx,
             const Check *check,
             char        *fix,
             const char  *format,
             ...)
{
  VvQaFinding *finding = g_new0 (VvQaFinding, 1);
  va_list args;

  va_start (args, format);
  /* most messages are a plain string: no printf for them */
  if (strcmp (format, "%s") == 0)
    finding->message = g_strdup (va_arg (args, const char *));
  else
    finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  finding->check = check->info.id;
  finding->severity = check->info.severity;
  finding->segment_id = vv_segment_get_id (ctx->segment);
  finding->position = ctx->position;
  finding->fix = fix;
  g_ptr_array_add (ctx->findings, finding);
}

void
vv_qa_finding_free (VvQaFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->message);
  g_free (finding->fix);
  g_free (finding);
}

/* ---------------------------------------------------------------- */
/* Numbers, dates and times                                          */

static gboolean
same_value (double a,
            double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

/* Marks equal values of @a and @b as matched, like a multiset intersection */
static void
match_numbers (VvQaNumber *a,
               guint       na,
               VvQaNumber *b,
               guint       nb)
{
  for (guint i = 0; i < na; i++)
    {
      VvQaNumber *x = &a[i];
      for (guint j = 0; j < nb && !x->matched; j++)
        {
          VvQaNumber *y = &b[j];
          if (!y->matched && same_value (x->value, y->value))
            x->matched = y->matched = TRUE;
        }
    }
}

/* "14 h" in the source may be a duration that the target writes "14 hours"
 * (a plain number): an unmatched whole hour matches an unmatched number. */
static void
match_hours_with_numbers (const VvQaDate *times,
                          guint           n_times,
                          gboolean       *times_matched,
                          VvQaNumber     *numbers,
                          guint           n_numbers)
{
  for (guint i = 0; i < n_times; i++)
    {
      const char *t = times[i].value;
      int hour;

      if (times_matched[i] || strlen (t) != 5 || strcmp (t + 2, ":00") != 0)
        continue;
      hour = atoi (t);
      for (guint j = 0; j < n_numbers; j++)
        {
          VvQaNumber *y = &numbers[j];
          if (!y->matched && (same_value (y->value, hour) ||
                              (hour > 12 && same_value (y->value, hour - 12))))
            {
              y->matched = TRUE;
              times_matched[i] = TRUE;
              break;
            }
        }
    }
}

static void
append_unmatched (GString          *s,
                  const char       *text,
                  const VvQaNumber *numbers,
                  guint             n)
{
  for (guint i = 0; i < n; i++)
    if (!numbers[i].matched)
      {
        if (s->len > 0)
          g_string_append (s, ", ");
        g_string_append_len (s, text + numbers[i].start, numbers[i].end - numbers[i].start);
      }
}

static void
append_unmatched_dates (GString        *s,
                        const char     *text,
                        const VvQaDate *dates,
                        guint           n,
                        gboolean       *matched)
{
  for (guint i = 0; i < n; i++)
    if (!matched[i])
      {
        const VvQaSpan *span = &dates[i].span;
        if (s->len)
          g_string_append (s, ", ");
        g_string_append_len (s, text + span->start, span->end - span->start);
      }
}

/* the formats are literals of the one caller, each with the right %s count */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
report_difference (Ctx         *ctx,
                   const Check *check,
                   GString     *missing,
                   GString     *extra,
                   const char  *became,
                   const char  *missing_format,
                   const char  *extra_format)
{
  if (missing->len && extra->len)
    add_finding (ctx, check, NULL, became, missing->str, extra->str);
  else if (missing->len)
    add_finding (ctx, check, NULL, missing_format, missing->str);
  else if (extra->len)
    add_finding (ctx, check, NULL, extra_format, extra->str);
}
#pragma GCC diagnostic pop

static void
check_numbers_and_dates (Ctx         *ctx,
                         const Check *check)
{
  const VvQaFacts *sf = ctx->sf, *tf = ctx->tf;
  gboolean smatched[MAX_DATES] = { FALSE }, tmatched[MAX_DATES] = { FALSE };
  gboolean any_unmatched = FALSE;
  const VvQaDate *sdates, *tdates;
  VvQaNumber *snum, *tnum;
  guint n_sdates, n_tdates;

  if (!sf->has_digit && !tf->has_digit)
    return;

  sdates = &g_array_index (ctx->sdates, VvQaDate, sf->first_date);
  tdates = &g_array_index (ctx->tdates, VvQaDate, tf->first_date);
  /* more than MAX_DATES dates in one sentence: compare the first ones */
  n_sdates = MIN (sf->n_dates, MAX_DATES);
  n_tdates = MIN (tf->n_dates, MAX_DATES);
  /* the source's numbers are shared by every segment with that source:
   * mark a copy */
  g_array_set_size (ctx->snum_work, 0);
  g_array_append_vals (ctx->snum_work, &g_array_index (ctx->snumbers, VvQaNumber, sf->first_number),
                       sf->n_numbers);
  snum = (VvQaNumber *)(void *)ctx->snum_work->data;
  tnum = &g_array_index (ctx->tnumbers, VvQaNumber, tf->first_number);

  for (guint i = 0; i < n_sdates; i++)
    for (guint j = 0; j < n_tdates; j++)
      if (!tmatched[j] && strcmp (sdates[i].value, tdates[j].value) == 0)
        {
          smatched[i] = tmatched[j] = TRUE;
          break;
        }

  match_numbers (snum, sf->n_numbers, tnum, tf->n_numbers);
  match_hours_with_numbers (sdates, n_sdates, smatched, tnum, tf->n_numbers);
  match_hours_with_numbers (tdates, n_tdates, tmatched, snum, sf->n_numbers);

  for (guint i = 0; i < n_sdates; i++)
    any_unmatched |= !smatched[i];
  for (guint i = 0; i < n_tdates; i++)
    any_unmatched |= !tmatched[i];
  for (guint i = 0; i < sf->n_numbers; i++)
    any_unmatched |= !snum[i].matched;
  for (guint i = 0; i < tf->n_numbers; i++)
    any_unmatched |= !tnum[i].matched;
  if (!any_unmatched)
    return;

  g_string_truncate (ctx->missing, 0);
  g_string_truncate (ctx->extra, 0);
  append_unmatched_dates (ctx->missing, ctx->source, sdates, n_sdates, smatched);
  append_unmatched_dates (ctx->extra, ctx->target, tdates, n_tdates, tmatched);
  report_difference (ctx, find_check ("dates"), ctx->missing, ctx->extra,
                     _("Date or time “%s” became “%s”"),
                     _("Date or time “%s” is missing from the translation"),
                     _("Date or time “%s” is not in the source"));

  g_string_truncate (ctx->missing, 0);
  g_string_truncate (ctx->extra, 0);
  append_unmatched (ctx->missing, ctx->source, snum, sf->n_numbers);
  append_unmatched (ctx->extra, ctx->target, tnum, tf->n_numbers);
  report_difference (ctx, check, ctx->missing, ctx->extra,
                     _("Number “%s” became “%s”"),
                     _("Number “%s” is missing from the translation"),
                     _("Number “%s” is not in the source"));
}

/* ---------------------------------------------------------------- */
/* The other checks                                                  */

static void
check_untranslated (Ctx         *ctx,
                    const Check *check)
{
  if (*ctx->target == '\0')
    add_finding (ctx, check, NULL, "%s", _("Not translated"));
}

static void
check_same_as_source (Ctx         *ctx,
                      const Check *check)
{
  const char *s = ctx->source, *t = ctx->target;
  gsize slen = ctx->sf->len, tlen = ctx->tf->len;

  while (g_ascii_isspace (*s))
    s++, slen--;
  while (g_ascii_isspace (*t))
    t++, tlen--;
  while (slen > 0 && g_ascii_isspace (s[slen - 1]))
    slen--;
  while (tlen > 0 && g_ascii_isspace (t[tlen - 1]))
    tlen--;
  if (slen == tlen && memcmp (s, t, slen) == 0 && vv_count_words (ctx->source) >= 2)
    add_finding (ctx, check, NULL, "%s", _("The translation is the same as the source"));
}

static void
check_end_punctuation (Ctx         *ctx,
                       const Check *check)
{
  const char *s = ctx->sf->end_mark;
  const char *t = ctx->tf->end_mark;
  const char *t_end = ctx->target + ctx->tf->end_offset;
  char *fix = NULL;

  if (s == t || g_str_equal (s, t))
    return;

  /* certain only when the target simply lacks the mark and ends with a word */
  if (*t == '\0' && t_end > ctx->target &&
      g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (t_end))) &&
      *t_end == '\0')
    {
      const char *space = "";
      if (ctx->target_french && strchr (";!?", *s) && *s)
        space = NNBSP;
      else if (ctx->target_french && *s == ':')
        space = NBSP;
      fix = g_strconcat (ctx->target, space, s, NULL);
    }

  if (*s == '\0')
    add_finding (ctx, check, fix, _("The translation ends with “%s”, the source with no punctuation"), t);
  else if (*t == '\0')
    add_finding (ctx, check, fix, _("The source ends with “%s”, the translation with no punctuation"), s);
  else
    add_finding (ctx, check, fix, _("The source ends with “%s”, the translation with “%s”"), s, t);
}

static void
check_unbalanced (Ctx         *ctx,
                  const Check *check)
{
  const VvQaBalance *s = &ctx->sf->balance, *t = &ctx->tf->balance;

  /* segments may cut a quotation in two, so compare with the source
   * rather than insist on zero */
  if (s->paren != t->paren)
    add_finding (ctx, check, NULL, "%s", _("Parentheses do not balance as in the source"));
  if (s->bracket != t->bracket)
    add_finding (ctx, check, NULL, "%s", _("Square brackets do not balance as in the source"));
  if (s->brace != t->brace)
    add_finding (ctx, check, NULL, "%s", _("Braces do not balance as in the source"));
  if (s->dquote != t->dquote && !(ABS (s->dquote - t->dquote) == 1 && (s->straight || t->straight)))
    add_finding (ctx, check, NULL, "%s", _("Quotation marks do not balance as in the source"));
}

static void
check_double_spaces (Ctx         *ctx,
                     const Check *check)
{
  const char *t = ctx->target;
  const char *end = t + ctx->tf->len;
  const char *inner_start = t, *inner_end = end;
  GString *fix;

  if (!ctx->tf->has_double_space)
    return;
  /* leading and trailing runs are the edge-spaces check's business */
  while (*inner_start == ' ')
    inner_start++;
  while (inner_end > inner_start && inner_end[-1] == ' ')
    inner_end--;
  if (g_strstr_len (inner_start, inner_end - inner_start, "  ") == NULL)
    return;

  fix = g_string_new_len (t, inner_start - t);
  for (const char *p = inner_start; p < inner_end; p++)
    if (!(*p == ' ' && p[1] == ' '))
      g_string_append_c (fix, *p);
  g_string_append_len (fix, inner_end, end - inner_end);
  add_finding (ctx, check, g_string_free (fix, FALSE), "%s", _("Double space in the translation"));
}

static void
check_edge_spaces (Ctx         *ctx,
                   const Check *check)
{
  gsize slen = ctx->sf->len, tlen = ctx->tf->len;
  gsize sl = ctx->sf->lead, tl = ctx->tf->lead;
  gsize st = ctx->sf->trail, tt = ctx->tf->trail;
  gboolean lead = sl != tl || strncmp (ctx->source, ctx->target, sl) != 0;
  gboolean trail = st != tt || strncmp (ctx->source + slen - st, ctx->target + tlen - tt, st) != 0;
  g_autofree char *core = NULL;
  char *fix;

  if ((!lead && !trail) || tl == tlen)
    return;

  core = g_strndup (ctx->target + tl, tlen - tl - tt);
  fix = g_strdup_printf ("%.*s%s%.*s", (int)sl, ctx->source, core, (int)st, ctx->source + slen - st);
  if (lead && trail)
    add_finding (ctx, check, fix, "%s", _("Leading and trailing spaces differ from the source"));
  else if (lead)
    add_finding (ctx, check, fix, "%s", _("Leading spaces differ from the source"));
  else
    add_finding (ctx, check, fix, "%s", _("Trailing spaces differ from the source"));
}

static void
check_length_ratio (Ctx         *ctx,
                    const Check *check)
{
  glong s = ctx->sf->n_chars, t = ctx->tf->n_chars;
  double ratio;

  if (s < (glong)ctx->options->min_ratio_chars)
    return;
  ratio = (double)t / s;
  if (ratio < ctx->options->min_ratio || ratio > ctx->options->max_ratio)
    add_finding (ctx, check, NULL, _("The translation is %.0f%% of the source’s length"),
                 100.0 * ratio);
}

/* French typography: no-break space before : ; ! ? and inside « »;
 * straight and English quotes become « ». One finding per segment whose
 * fix corrects everything at once. */
static void
check_french_typography (Ctx         *ctx,
                         const Check *check)
{
  g_autoptr(GString) fix = NULL;
  const char *problem = NULL;
  gboolean open_straight = TRUE;
  int n_straight = ctx->tf->n_straight;

  /* without any of : ; ! ? " « » “ ” there is nothing to correct */
  if (!ctx->target_french || !ctx->tf->has_typography)
    return;

  fix = g_string_sized_new (ctx->tf->len + 16);

  for (const char *p = ctx->target, *next; *p; p = next)
    {
      gunichar c = g_utf8_get_char (p);
      gunichar after;

      next = g_utf8_next_char (p);
      after = g_utf8_get_char (next);
      if (c == ':' || c == ';' || c == '!' || c == '?')
        {
          const char *space = c == ':' ? NBSP : NNBSP;
          gboolean at_end = after == 0 || g_unichar_isspace (after) || after == 0x00BB ||
                            after == ')' || after == '"' || after == '!' || after == '?' ||
                            after == 0x201D;
          gunichar before = 0;

          if (fix->len > 0)
            before = g_utf8_get_char (g_utf8_prev_char (fix->str + fix->len));
          if (at_end && before != 0 && before != '!' && before != '?' && before != 0x00A0 &&
              before != 0x202F && before != 0x2009)
            {
              if (before == ' ')
                g_string_truncate (fix, fix->len - 1);
              g_string_append (fix, space);
              if (problem == NULL)
                problem = c == ':' ? _("no-break space missing before “:”")
                        : c == ';' ? _("no-break space missing before “;”")
                        : c == '!' ? _("no-break space missing before “!”")
                                   : _("no-break space missing before “?”");
            }
          g_string_append_len (fix, p, next - p);
        }
      else if (c == 0x00AB || c == 0x201C || (c == '"' && n_straight % 2 == 0 && open_straight))
        {
          /* an opening quote: « then a no-break space */
          if (c != 0x00AB && problem == NULL)
            problem = _("use French quotation marks « »");
          g_string_append (fix, "«");
          if (c == '"')
            open_straight = FALSE;
          if (after == ' ')
            next++;
          if (after != 0x00A0 && after != 0x202F)
            {
              if (c == 0x00AB && problem == NULL)
                problem = _("no-break space missing after “«”");
              g_string_append (fix, NBSP);
            }
        }
      else if (c == 0x00BB || c == 0x201D || (c == '"' && n_straight % 2 == 0 && !open_straight))
        {
          gunichar before = fix->len ? g_utf8_get_char (g_utf8_prev_char (fix->str + fix->len)) : 0;

          if (c != 0x00BB && problem == NULL)
            problem = _("use French quotation marks « »");
          if (c == '"')
            open_straight = TRUE;
          if (before != 0x00A0 && before != 0x202F)
            {
              if (before == ' ')
                g_string_truncate (fix, fix->len - 1);
              if (c == 0x00BB && problem == NULL)
                problem = _("no-break space missing before “»”");
              g_string_append (fix, NBSP);
            }
          g_string_append (fix, "»");
        }
      else
        g_string_append_len (fix, p, next - p);
    }

  if (problem != NULL && !g_str_equal (fix->str, ctx->target))
    add_finding (ctx, check, g_strdup (fix->str), _("French typography: %s"), problem);
}

/* ---------------------------------------------------------------- */
/* The table                                                         */

static const Check checks[] = {
  { { "untranslated", VV_QA_SEVERITY_WARNING, N_("Untranslated segment") }, check_untranslated },
  { { "same-as-source", VV_QA_SEVERITY_WARNING, N_("Translation identical to the source") }, check_same_as_source },
  { { "numbers", VV_QA_SEVERITY_ERROR, N_("Numbers not carried over") }, check_numbers_and_dates },
  /* reported by check_numbers_and_dates(), which reads both in one pass */
  { { "dates", VV_QA_SEVERITY_ERROR, N_("Dates and times not carried over") }, NULL },
  { { "end-punctuation", VV_QA_SEVERITY_WARNING, N_("Ending punctuation mismatch") }, check_end_punctuation },
  { { "unbalanced", VV_QA_SEVERITY_ERROR, N_("Unbalanced quotes or brackets") }, check_unbalanced },
  { { "double-space", VV_QA_SEVERITY_INFO, N_("Double spaces") }, check_double_spaces },
  { { "edge-spaces", VV_QA_SEVERITY_INFO, N_("Leading or trailing spaces") }, check_edge_spaces },
  { { "length-ratio", VV_QA_SEVERITY_WARNING, N_("Length ratio out of range") }, check_length_ratio },
  { { "fr-typography", VV_QA_SEVERITY_WARNING, N_("French typography") }, check_french_typography },
  /* document-level: run by vv_qa_check_document() */
  { { "inconsistent", VV_QA_SEVERITY_WARNING, N_("Inconsistent translation of a repeated source") }, NULL },
};

/**
 * vv_qa_get_checks:
 * @n_checks: (out): how many
 *
 * Returns: (array length=n_checks): the checks, for the UI and the docs.
 *   The title is untranslated (N_()); pass it to _().
 */
const VvQaCheckInfo *
vv_qa_get_checks (guint *n_checks)
{
  static VvQaCheckInfo infos[G_N_ELEMENTS (checks)];

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    infos[i] = checks[i].info;
  *n_checks = G_N_ELEMENTS (checks);
  return infos;
}

const char *
vv_qa_severity_to_string (VvQaSeverity severity)
{
  switch (severity)
    {
    case VV_QA_SEVERITY_INFO: return "info";
    case VV_QA_SEVERITY_WARNING: return "warning";
    case VV_QA_SEVERITY_ERROR: return "error";
    default: g_return_val_if_reached ("error");
    }
}

void
vv_qa_options_init (VvQaOptions *options)
{
  memset (options, 0, sizeof *options);
  options->min_ratio = 0.4;
  options->max_ratio = 2.5;
  options->min_ratio_chars = 20;
}

/* g_str_hash() reads a byte at a time; sources are whole sentences */
static guint
source_hash (gconstpointer key)
{
  const char *s = key;
  gsize n = strlen (s);
  guint64 h = n * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  for (; n >= 8; s += 8, n -= 8)
    {
      guint64 w;

      memcpy (&w, s, 8);
      h = (h ^ w) * G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
      h ^= h >> 32;
    }
  for (; n > 0; s++, n--)
    h = (h ^ (guchar)*s) * G_GUINT64_CONSTANT (0x100000001B3);
  h ^= h >> 29;
  return (guint)(h ^ (h >> 32));
}

/* The facts of the current source: from the document's table when the
 * source was seen before, else read now (and added to the table) */
static void
find_source (Ctx *ctx)
{
  SourceEntry entry;
  guint32 *slot = NULL;
  guint index = 0, hash = 0;

  if (ctx->slots != NULL)
    {
      hash = source_hash (ctx->source);
      for (guint i = hash & ctx->mask;; i = (i + 1) & ctx->mask)
        {
          const SourceEntry *e;

          if (ctx->slots[i] == 0)
            {
              slot = &ctx->slots[i];
              break;
            }
          e = &g_array_index (ctx->entries, SourceEntry, ctx->slots[i] - 1);
          if (e->hash == hash && strcmp (e->source, ctx->source) == 0)
            {
              index = ctx->slots[i];
              break;
            }
        }
    }
  ctx->entry_is_new = index == 0;
  if (index == 0)
    {
      entry.first = ctx->segment;
      entry.source = ctx->source;
      entry.hash = hash;
      _vv_qa_analyse_text (ctx->source, ctx->source_lang, &entry.facts, ctx->sdates, ctx->snumbers, ctx->digits);
      g_array_append_val (ctx->entries, entry);
      index = ctx->entries->len;
      if (slot != NULL)
        *slot = index;
    }
  ctx->entry = &g_array_index (ctx->entries, SourceEntry, index - 1);
  ctx->sf = &ctx->entry->facts;
}

static void
run_checks (Ctx *ctx)
{
  VvSegment *segment = ctx->segment;
  const char *target = vv_segment_get_target (segment);
  VvQaFacts tf;

  if (vv_segment_is_excluded (segment) ||
      (vv_segment_get_flags (segment) & VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE))
    return;

  ctx->source = vv_segment_get_source (segment);
  ctx->target = target ? target : "";
  if (*ctx->target == '\0')
    {
      check_untranslated (ctx, &checks[0]);
      return;
    }

  find_source (ctx);
  g_array_set_size (ctx->tdates, 0);
  g_array_set_size (ctx->tnumbers, 0);
  _vv_qa_analyse_text (ctx->target, ctx->target_lang, &tf, ctx->tdates, ctx->tnumbers, ctx->digits);
  ctx->tf = &tf;
  for (guint i = 1; i < G_N_ELEMENTS (checks); i++)
    if (checks[i].run != NULL)
      checks[i].run (ctx, &checks[i]);
  ctx->tf = NULL;
}

static void
ctx_init (Ctx               *ctx,
          VvDocument        *document,
          const VvQaOptions *options,
          VvQaOptions       *defaults,
          GPtrArray         *findings)
{
  if (options == NULL)
    {
      vv_qa_options_init (defaults);
      options = defaults;
    }
  memset (ctx, 0, sizeof *ctx);
  ctx->options = options;
  ctx->findings = findings;
  ctx->entries = g_array_new (FALSE, FALSE, sizeof (SourceEntry));
  ctx->sdates = g_array_new (FALSE, FALSE, sizeof (VvQaDate));
  ctx->tdates = g_array_new (FALSE, FALSE, sizeof (VvQaDate));
  ctx->snumbers = g_array_new (FALSE, FALSE, sizeof (VvQaNumber));
  ctx->tnumbers = g_array_new (FALSE, FALSE, sizeof (VvQaNumber));
  ctx->snum_work = g_array_new (FALSE, FALSE, sizeof (VvQaNumber));
  ctx->digits = g_string_new (NULL);
  ctx->missing = g_string_new (NULL);
  ctx->extra = g_string_new (NULL);
  ctx->source_lang = options->source_language;
  ctx->target_lang = options->target_language;
  if (document != NULL)
    {
      if (ctx->source_lang == NULL)
        ctx->source_lang = vv_document_get_source_language (document);
      if (ctx->target_lang == NULL)
        ctx->target_lang = vv_document_get_target_language (document);
    }
  if (ctx->source_lang == NULL)
    ctx->source_lang = "fr";
  ctx->target_french = _vv_qa_lang_is (ctx->target_lang, "fr");
}

static void
ctx_clear (Ctx *ctx)
{
  g_clear_pointer (&ctx->slots, g_free);
  g_clear_pointer (&ctx->entries, g_array_unref);
  g_clear_pointer (&ctx->sdates, g_array_unref);
  g_clear_pointer (&ctx->tdates, g_array_unref);
  g_clear_pointer (&ctx->snumbers, g_array_unref);
  g_clear_pointer (&ctx->tnumbers, g_array_unref);
  g_clear_pointer (&ctx->snum_work, g_array_unref);
  if (ctx->digits)
    g_string_free (g_steal_pointer (&ctx->digits), TRUE);
  if (ctx->missing)
    g_string_free (g_steal_pointer (&ctx->missing), TRUE);
  if (ctx->extra)
    g_string_free (g_steal_pointer (&ctx->extra), TRUE);
}

/**
 * vv_qa_check_segment:
 * @options: (nullable): %NULL for the defaults
 *
 * Runs the per-segment checks (all but "inconsistent").
 *
 * Returns: (transfer full) (element-type VvQaFinding): the findings
 */
GPtrArray *
vv_qa_check_segment (VvSegment         *segment,
                     const VvQaOptions *options)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify)vv_qa_finding_free);
  VvQaOptions defaults;
  Ctx ctx;

  g_return_val_if_fail (VV_IS_SEGMENT (segment), findings);

  ctx_init (&ctx, vv_segment_get_document (segment), options, &defaults, findings);
  ctx.segment = segment;
  ctx.position = vv_segment_get_position (segment);
  run_checks (&ctx);
  ctx_clear (&ctx);
  return findings;
}

static const Check *
find_check (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (g_str_equal (checks[i].info.id, id))
      return &checks[i];
  g_return_val_if_reached (NULL);
}

/**
 * vv_qa_check_document:
 * @options: (nullable): %NULL for the defaults
 *
 * Runs every check on every segment that counts (not excluded, not
 * do-not-translate), in document order.
 *
 * Returns: (transfer full) (element-type VvQaFinding): the findings
 */
GPtrArray *
vv_qa_check_document (VvDocument        *document,
                      const VvQaOptions *options)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify)vv_qa_finding_free);
  const Check *inconsistent = find_check ("inconsistent");
  VvQaOptions defaults;
  Ctx ctx;
  guint n;

  g_return_val_if_fail (VV_IS_DOCUMENT (document), findings);

  ctx_init (&ctx, document, options, &defaults, findings);
  n = vv_document_get_n_segments (document);
  /* at most one entry per segment, at most half the slots used */
  g_array_set_size (ctx.entries, n);
  g_array_set_size (ctx.entries, 0);
  ctx.mask = 15;
  while (ctx.mask < 2 * (gsize)n)
    ctx.mask = ctx.mask * 2 + 1;
  ctx.slots = g_new0 (guint32, (gsize)ctx.mask + 1);
  for (guint i = 0; i < n; i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);
      VvSegment *first;

      ctx.segment = segment;
      ctx.position = i;
      ctx.source = NULL;
      ctx.entry = NULL;
      run_checks (&ctx);

      /* run_checks finds the source's entry only for segments it checks
       * that have a target; the first of them stands for the source */
      if (ctx.entry == NULL || ctx.entry_is_new)
        continue;
      first = ctx.entry->first;
      if (g_strcmp0 (vv_segment_get_target (first), ctx.target) != 0)
        add_finding (&ctx, inconsistent, NULL,
                     _("Same source as segment %u, translated differently"),
                     vv_segment_get_id (first));
    }
  ctx_clear (&ctx);
  return findings;
}

/**
 * vv_qa_apply_fix:
 * @finding: a finding with a fix
 *
 * Applies the fix if the segment still shows the same problem (the check
 * is run again on the current target, so a stale finding changes nothing).
 *
 * Returns: %TRUE if the target changed
 */
gboolean
vv_qa_apply_fix (VvDocument        *document,
                 const VvQaFinding *finding)
{
  g_autoptr(GPtrArray) now = NULL;
  VvSegment *segment;

  g_return_val_if_fail (VV_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  segment = vv_document_lookup_segment (document, finding->segment_id);
  if (segment == NULL || finding->fix == NULL || vv_segment_is_locked (segment))
    return FALSE;

  now = vv_qa_check_segment (segment, NULL);
  for (guint i = 0; i < now->len; i++)
    {
      const VvQaFinding *f = g_ptr_array_index (now, i);
      if (g_str_equal (f->check, finding->check) && g_strcmp0 (f->fix, finding->fix) == 0)
        {
          vv_segment_set_target (segment, f->fix);
          return TRUE;
        }
    }
  return FALSE;
}
