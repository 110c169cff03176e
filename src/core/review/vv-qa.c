/* vv-qa.c: quality checks on translations, table-driven
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "vv-document.h"
#include "vv-qa.h"
#include "vv-segment.h"
#include "vv-utils.h"

#define NBSP  "\xc2\xa0"      /* U+00A0 NO-BREAK SPACE, before ':' and inside « » */
#define NNBSP "\xe2\x80\xaf"  /* U+202F NARROW NO-BREAK SPACE, before ; ! ? */

typedef struct _Check Check;

typedef struct
{
  VvSegment         *segment;
  const char        *source;
  const char        *target;
  const VvQaOptions *options;
  const char        *source_lang;
  const char        *target_lang;
  GPtrArray         *findings;
  guint              position;
  /* scratch space reused from segment to segment */
  GPtrArray         *sdates, *tdates;
  GArray            *sspans, *tspans, *snum, *tnum;
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

static gboolean
lang_is (const char *lang,
         const char *prefix)
{
  gsize n = strlen (prefix);

  return lang != NULL && g_ascii_strncasecmp (lang, prefix, n) == 0 &&
         (lang[n] == '\0' || lang[n] == '-' || lang[n] == '_');
}

/* English (and a few others) write 1,200.5; French and most of Europe 1 200,5 */
static char
decimal_mark (const char *lang)
{
  if (lang == NULL || lang_is (lang, "en") || lang_is (lang, "zh") ||
      lang_is (lang, "ja") || lang_is (lang, "ko") || lang_is (lang, "he"))
    return '.';
  return ',';
}

static gboolean
has_digit (const char *text)
{
  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------- */
/* Dates and times                                                   */

typedef struct
{
  gsize start, end;
} Span;

#define MONTHS \
  "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|" \
  "janv\\.|f[ée]vr?\\.|avr\\.|juil\\.|sept\\.|oct\\.|nov\\.|d[ée]c\\.|" \
  "january|february|march|april|may|june|july|august|september|october|november|december|" \
  "jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct|nov|dec\\.?"

static GRegex *
get_date_regex (void)
{
  static GRegex *regex;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GError) error = NULL;
      GRegex *r = g_regex_new (
        /* 3 mars 2024, 1er avril, 3 March 2024 */
        "\\b(?<d1>[0-3]?\\d)(?:er|st|nd|rd|th)?\\s+(?:of\\s+)?(?<m1>" MONTHS ")(?![\\w])(?:,?\\s+(?<y1>\\d{4})\\b)?"
        /* March 3, 2024 */
        "|\\b(?<m2>" MONTHS ")\\s+(?<d2>[0-3]?\\d)(?:st|nd|rd|th)?\\b(?:,?\\s+(?<y2>\\d{4})\\b)?"
        /* mars 2024 */
        "|\\b(?<m3>" MONTHS ")\\s+(?<y3>\\d{4})\\b"
        /* 14:30, 14 h 30, 14h30, 2:30 pm, 2 p.m., 14 h */
        "|\\b(?<h1>[0-2]?\\d)\\s?[:h]\\s?(?<n1>[0-5]\\d)\\b(?:\\s?(?<ap1>[ap])\\.?m\\b\\.?)?"
        "|\\b(?<h2>1[0-2]|0?\\d)\\s?(?<ap2>[ap])\\.?m\\b\\.?"
        "|\\b(?<h3>[0-2]?\\d)\\s?h(?:eures?)?\\b",
        G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);
      g_assert_no_error (error);
      regex = r;
      g_once_init_leave (&initialized, 1);
    }
  return regex;
}

static int
month_number (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  static const struct { const char *prefix; int month; } months[] = {
    { "jan", 1 }, { "fév", 2 }, { "fev", 2 }, { "feb", 2 }, { "mar", 3 },
    { "avr", 4 }, { "apr", 4 }, { "mai", 5 }, { "may", 5 }, { "juin", 6 },
    { "jun", 6 }, { "juil", 7 }, { "jul", 7 }, { "aoû", 8 }, { "aou", 8 },
    { "aug", 8 }, { "sep", 9 }, { "oct", 10 }, { "nov", 11 }, { "déc", 12 },
    { "dec", 12 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_str_has_prefix (folded, months[i].prefix))
      return months[i].month;
  return 0;
}

static int
group_int (GMatchInfo *match,
           const char *name)
{
  g_autofree char *s = g_match_info_fetch_named (match, name);

  return (s && *s) ? atoi (s) : -1;
}

static gboolean
group_set (GMatchInfo *match,
           const char *name)
{
  g_autofree char *s = g_match_info_fetch_named (match, name);

  return s != NULL && *s != '\0';
}

static int group_space_len (const char *p);

static gboolean
month_prefix (const char *word)
{
  static const char * const prefixes[] = {
    "jan", "fév", "fev", "feb", "mar", "avr", "apr", "mai", "may", "jui", "jun",
    "jul", "aoû", "aou", "aug", "sep", "oct", "nov", "déc", "dec",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_ascii_strncasecmp (word, prefixes[i], strlen (prefixes[i])) == 0)
      return TRUE;
  return FALSE;
}

/* A quick look before the regular expression: a date or a time needs a
 * number next to a month name, "h", ":", "am" or "pm". Most sentences
 * with numbers have none of these and skip the regex. */
static gboolean
may_have_date (const char *text)
{
  for (const char *p = text; *p; p++)
    {
      const char *q, *r, *w;
      char c;

      if (!g_ascii_isdigit (*p))
        continue;
      q = p;
      while (g_ascii_isdigit (*q))
        q++;

      r = q + group_space_len (q);
      c = g_ascii_tolower (*r);
      if (c == 'h' || c == ':' || month_prefix (r))
        return TRUE;
      /* am, pm, a.m., p.m. */
      if ((c == 'a' || c == 'p') &&
          (g_ascii_tolower (r[1]) == 'm' ? !g_ascii_isalpha (r[2])
                                         : (r[1] == '.' && g_ascii_tolower (r[2]) == 'm')))
        return TRUE;
      /* ordinals: 1er avril, 3rd of May */
      if (r == q && g_ascii_isalpha (r[0]) && g_ascii_isalpha (r[1]) && r[2] == ' ' &&
          (month_prefix (r + 3) || g_ascii_strncasecmp (r + 3, "of ", 3) == 0))
        return TRUE;

      /* the word before: "March 3", "mars 2024" */
      w = p;
      if (w > text && w[-1] == ' ')
        {
          w--;
          while (w > text && (g_ascii_isalpha (w[-1]) || (guchar)w[-1] >= 0x80 || w[-1] == '.'))
            w--;
          if (w < p - 1 && month_prefix (w))
            return TRUE;
        }
      p = q - 1;
    }
  return FALSE;
}

static void
extract_dates (const char *text,
               GPtrArray  *out,
               GArray     *spans)
{
  g_autoptr(GMatchInfo) match = NULL;

  if (!may_have_date (text))
    return;

  g_regex_match (get_date_regex (), text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      char *value = NULL;
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      for (int k = 1; k <= 3 && value == NULL; k++)
        {
          char m[4], d[4], y[4];
          g_autofree char *month = NULL;

          g_snprintf (m, sizeof m, "m%d", k);
          g_snprintf (d, sizeof d, "d%d", k);
          g_snprintf (y, sizeof y, "y%d", k);
          month = g_match_info_fetch_named (match, m);
          if (month && *month)
            {
              int day = k == 3 ? 0 : group_int (match, d);
              int year = group_int (match, y);
              int mon = month_number (month);

              if (day > 31 || mon == 0)
                break;
              value = g_strdup_printf ("%04d-%02d-%02d", MAX (year, 0), mon, MAX (day, 0));
            }
        }
      for (int k = 1; k <= 3 && value == NULL; k++)
        {
          char h[4], n[4], ap[4];
          int hour, minute;

          g_snprintf (h, sizeof h, "h%d", k);
          g_snprintf (n, sizeof n, "n%d", k);
          g_snprintf (ap, sizeof ap, "ap%d", k);
          if (!group_set (match, h))
            continue;
          hour = group_int (match, h);
          minute = k == 1 ? group_int (match, n) : 0;
          if (k != 3 && group_set (match, ap))
            {
              g_autofree char *a = g_match_info_fetch_named (match, ap);
              if (hour > 12)
                break;
              if (g_ascii_tolower (a[0]) == 'p' && hour < 12)
                hour += 12;
              else if (g_ascii_tolower (a[0]) == 'a' && hour == 12)
                hour = 0;
            }
          if (hour > 24)
            break;
          value = g_strdup_printf ("%02d:%02d", hour, minute);
        }

      if (value != NULL)
        {
          Span span = { start, end };

          g_ptr_array_add (out, value);
          if (spans)
            g_array_append_val (spans, span);
        }
    }
}

/**
 * vv_qa_extract_dates:
 * @language: unused for now: French and English month names are both known
 *
 * Returns: (transfer full) (element-type utf8): the dates ("2024-03-03",
 *   with 0000 or 00 for a missing year or day) and times ("14:30") found
 */
GPtrArray *
vv_qa_extract_dates (const char *text,
                     const char *language)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  extract_dates (text, out, NULL);
  return out;
}

/* ---------------------------------------------------------------- */
/* Numbers                                                           */

typedef struct
{
  double value;
  gsize  start, end;
  guint  matched : 1;
} Number;

static gboolean
in_spans (GArray *spans,
          gsize   pos)
{
  for (guint i = 0; spans && i < spans->len; i++)
    {
      const Span *s = &g_array_index (spans, Span, i);
      if (pos >= s->start && pos < s->end)
        return TRUE;
    }
  return FALSE;
}

/* the length of a grouping space at @p (space, no-break, narrow or thin), or 0 */
static int
group_space_len (const char *p)
{
  if (*p == ' ')
    return 1;
  /* strncmp, not memcmp: @p may be the last byte before the NUL */
  if (strncmp (p, NBSP, 2) == 0)
    return 2;
  if (strncmp (p, NNBSP, 3) == 0 || strncmp (p, "\xe2\x80\x89", 3) == 0)
    return 3;
  return 0;
}

static gboolean
three_digits_then_end (const char *p)
{
  return g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
         !g_ascii_isdigit (p[3]);
}

/* A scale word or symbol right after a number: "14,5 M€", "€14.5M",
 * "2 milliards", "3bn". Returns the factor and moves *p past it. */
static double
scale_after (const char **p)
{
  static const struct { const char *word; double factor; } scales[] = {
    { "milliards", 1e9 }, { "milliard", 1e9 }, { "billions", 1e9 }, { "billion", 1e9 },
    { "millions", 1e6 }, { "million", 1e6 }, { "thousand", 1e3 }, { "mille", 1e3 },
    { "Mds", 1e9 }, { "Mrd", 1e9 }, { "Md", 1e9 }, { "bn", 1e9 }, { "M", 1e6 }, { "k", 1e3 },
  };
  const char *q = *p;
  int sp = group_space_len (q);

  q += sp;
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      gsize n = strlen (scales[i].word);
      const char *after = q + n;

      if (strncmp (q, scales[i].word, n) == 0 &&
          !g_unichar_isalpha (g_utf8_get_char (after)))
        {
          /* "5 M" alone could be anything; a single letter needs to be glued
           * to the number or followed by a currency sign */
          if (n == 1 && sp > 0 && !(g_str_has_prefix (after, "€") || *after == '$' ||
                                    g_str_has_prefix (after, "£")))
            return 1;
          *p = after;
          return scales[i].factor;
        }
    }
  return 1;
}

static gboolean
is_currency (gunichar c)
{
  return c == 0x20AC || c == '$' || c == 0x00A3;
}

static void
extract_numbers (const char *text,
                 const char *lang,
                 GArray     *spans,
                 GArray     *out)
{
  char dec = decimal_mark (lang);
  char grp = dec == '.' ? ',' : '.';
  const char *p = text;

  while (*p)
    {
      const char *start, *q;
      GString *digits;
      Number number;
      gsize first_group = 0;

      if (!g_ascii_isdigit (*p))
        {
          p++;
          continue;
        }
      /* a digit glued to letters (A320, B12) is a name, not a number */
      if (p > text && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (p))))
        {
          while (g_ascii_isalnum (*p))
            p++;
          continue;
        }
      if (in_spans (spans, p - text))
        {
          p++;
          continue;
        }

      start = p;
      digits = g_string_new (NULL);
      while (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p++);
      first_group = digits->len;

      for (;;)
        {
          int sp = group_space_len (p);

          if (sp > 0 && first_group <= 3 && three_digits_then_end (p + sp) && !in_spans (spans, p + sp - text))
            {
              g_string_append_len (digits, p + sp, 3);
              p += sp + 3;
            }
          else if (*p == grp && first_group <= 3 && three_digits_then_end (p + 1))
            {
              g_string_append_len (digits, p + 1, 3);
              p += 4;
            }
          else
            break;
        }
      if (*p == dec && g_ascii_isdigit (p[1]))
        {
          g_string_append_c (digits, '.');
          p++;
          while (g_ascii_isdigit (*p))
            g_string_append_c (digits, *p++);
        }

      q = p;
      number.value = g_ascii_strtod (digits->str, NULL) * scale_after (&q);
      p = q;
      /* a glued currency sign belongs to the number, for messages: "€14.5M", "14,5 M€" */
      if (is_currency (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (start > text && is_currency (g_utf8_get_char (g_utf8_prev_char (start))))
        start = g_utf8_prev_char (start);
      number.start = start - text;
      number.end = p - text;
      number.matched = FALSE;
      g_array_append_val (out, number);
      g_string_free (digits, TRUE);
    }
}

/**
 * vv_qa_extract_numbers:
 * @language: the text's language, which decides the decimal mark
 *
 * Returns: (transfer full) (element-type double): the values of the
 *   numbers in @text (dates and times left out), scaled by "M", "millions",
 *   "milliards"…
 */
GArray *
vv_qa_extract_numbers (const char *text,
                       const char *language)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (Number));
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));

  extract_dates (text, dates, spans);
  extract_numbers (text, language, spans, numbers);
  for (guint i = 0; i < numbers->len; i++)
    g_array_append_val (values, g_array_index (numbers, Number, i).value);
  return values;
}

static gboolean
same_value (double a,
            double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

/* Marks equal values of @a and @b as matched, like a multiset intersection */
static void
match_numbers (GArray *a,
               GArray *b)
{
  for (guint i = 0; i < a->len; i++)
    {
      Number *x = &g_array_index (a, Number, i);
      for (guint j = 0; j < b->len && !x->matched; j++)
        {
          Number *y = &g_array_index (b, Number, j);
          if (!y->matched && same_value (x->value, y->value))
            x->matched = y->matched = TRUE;
        }
    }
}

/* "14 h" in the source may be a duration that the target writes "14 hours"
 * (a plain number): an unmatched whole hour matches an unmatched number. */
static void
match_hours_with_numbers (GPtrArray *times,
                          gboolean  *times_matched,
                          GArray    *numbers)
{
  for (guint i = 0; i < times->len; i++)
    {
      const char *t = g_ptr_array_index (times, i);
      int hour;

      if (times_matched[i] || strlen (t) != 5 || strcmp (t + 2, ":00") != 0)
        continue;
      hour = atoi (t);
      for (guint j = 0; j < numbers->len; j++)
        {
          Number *y = &g_array_index (numbers, Number, j);
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
append_unmatched (GString    *s,
                  const char *text,
                  GArray     *numbers)
{
  for (guint i = 0; i < numbers->len; i++)
    {
      const Number *n = &g_array_index (numbers, Number, i);
      if (!n->matched)
        {
          if (s->len > 0)
            g_string_append (s, ", ");
          g_string_append_len (s, text + n->start, n->end - n->start);
        }
    }
}

static void
append_unmatched_spans (GString    *s,
                        const char *text,
                        GArray     *spans,
                        gboolean   *matched)
{
  for (guint i = 0; i < spans->len; i++)
    if (!matched[i])
      {
        const Span *span = &g_array_index (spans, Span, i);
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
  gboolean smatched[64] = { FALSE }, tmatched[64] = { FALSE };
  gboolean any_unmatched = FALSE;

  if (!has_digit (ctx->source) && !has_digit (ctx->target))
    return;

  g_ptr_array_set_size (ctx->sdates, 0);
  g_ptr_array_set_size (ctx->tdates, 0);
  g_array_set_size (ctx->sspans, 0);
  g_array_set_size (ctx->tspans, 0);
  g_array_set_size (ctx->snum, 0);
  g_array_set_size (ctx->tnum, 0);

  extract_dates (ctx->source, ctx->sdates, ctx->sspans);
  extract_dates (ctx->target, ctx->tdates, ctx->tspans);
  extract_numbers (ctx->source, ctx->source_lang, ctx->sspans, ctx->snum);
  extract_numbers (ctx->target, ctx->target_lang, ctx->tspans, ctx->tnum);

  /* more than 64 dates in one sentence: compare the first 64 */
  if (ctx->sdates->len > 64)
    g_ptr_array_set_size (ctx->sdates, 64), g_array_set_size (ctx->sspans, 64);
  if (ctx->tdates->len > 64)
    g_ptr_array_set_size (ctx->tdates, 64), g_array_set_size (ctx->tspans, 64);

  for (guint i = 0; i < ctx->sdates->len; i++)
    for (guint j = 0; j < ctx->tdates->len; j++)
      if (!tmatched[j] && g_str_equal (g_ptr_array_index (ctx->sdates, i),
                                       g_ptr_array_index (ctx->tdates, j)))
        {
          smatched[i] = tmatched[j] = TRUE;
          break;
        }

  match_numbers (ctx->snum, ctx->tnum);
  match_hours_with_numbers (ctx->sdates, smatched, ctx->tnum);
  match_hours_with_numbers (ctx->tdates, tmatched, ctx->snum);

  for (guint i = 0; i < ctx->sdates->len; i++)
    any_unmatched |= !smatched[i];
  for (guint i = 0; i < ctx->tdates->len; i++)
    any_unmatched |= !tmatched[i];
  for (guint i = 0; i < ctx->snum->len; i++)
    any_unmatched |= !g_array_index (ctx->snum, Number, i).matched;
  for (guint i = 0; i < ctx->tnum->len; i++)
    any_unmatched |= !g_array_index (ctx->tnum, Number, i).matched;
  if (!any_unmatched)
    return;

  {
    g_autoptr(GString) missing = g_string_new (NULL);
    g_autoptr(GString) extra = g_string_new (NULL);

    append_unmatched_spans (missing, ctx->source, ctx->sspans, smatched);
    append_unmatched_spans (extra, ctx->target, ctx->tspans, tmatched);
    report_difference (ctx, find_check ("dates"), missing, extra,
                       _("Date or time “%s” became “%s”"),
                       _("Date or time “%s” is missing from the translation"),
                       _("Date or time “%s” is not in the source"));

    g_string_truncate (missing, 0);
    g_string_truncate (extra, 0);
    append_unmatched (missing, ctx->source, ctx->snum);
    append_unmatched (extra, ctx->target, ctx->tnum);
    report_difference (ctx, check, missing, extra,
                       _("Number “%s” became “%s”"),
                       _("Number “%s” is missing from the translation"),
                       _("Number “%s” is not in the source"));
  }
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
  gsize slen, tlen;

  while (g_ascii_isspace (*s))
    s++;
  while (g_ascii_isspace (*t))
    t++;
  slen = strlen (s);
  tlen = strlen (t);
  while (slen > 0 && g_ascii_isspace (s[slen - 1]))
    slen--;
  while (tlen > 0 && g_ascii_isspace (t[tlen - 1]))
    tlen--;
  if (slen == tlen && memcmp (s, t, slen) == 0 && vv_count_words (ctx->source) >= 2)
    add_finding (ctx, check, NULL, "%s", _("The translation is the same as the source"));
}

static const char *closers[] = { "»", "”", "\"", "'", "’", ")", "]", "“", "«", NULL };

/* The final punctuation mark, past closing quotes and brackets; "..." is "…" */
static const char *
end_punct (const char *text,
           const char **end_of_text)
{
  const char *end = text + strlen (text);
  gboolean again = TRUE;

  while (again && end > text)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      again = FALSE;
      if (g_unichar_isspace (c))
        {
          end = prev;
          again = TRUE;
          continue;
        }
      for (guint i = 0; closers[i]; i++)
        {
          gsize n = strlen (closers[i]);
          if ((gsize)(end - text) >= n && strncmp (end - n, closers[i], n) == 0)
            {
              end -= n;
              again = TRUE;
              break;
            }
        }
    }
  if (end_of_text)
    *end_of_text = end;
  if (end == text)
    return "";
  if (end - text >= 3 && strncmp (end - 3, "...", 3) == 0)
    return "…";
  if (end - text >= 3 && strncmp (end - 3, "…", 3) == 0)
    return "…";
  switch (end[-1])
    {
    case '.': return ".";
    case '!': return "!";
    case '?': return "?";
    case ':': return ":";
    case ';': return ";";
    default: return "";
    }
}

static gboolean
target_is_french (Ctx *ctx)
{
  return lang_is (ctx->target_lang, "fr");
}

static void
check_end_punctuation (Ctx         *ctx,
                       const Check *check)
{
  const char *s_end, *t_end;
  const char *s = end_punct (ctx->source, &s_end);
  const char *t = end_punct (ctx->target, &t_end);
  char *fix = NULL;

  if (g_str_equal (s, t))
    return;

  /* certain only when the target simply lacks the mark and ends with a word */
  if (*t == '\0' && t_end > ctx->target &&
      g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (t_end))) &&
      *t_end == '\0')
    {
      const char *space = "";
      if (target_is_french (ctx) && strchr (";!?", *s) && *s)
        space = NNBSP;
      else if (target_is_french (ctx) && *s == ':')
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

typedef struct
{
  int paren, bracket, brace, dquote, straight;
} Balance;

static void
count_balance (const char *text,
               Balance    *b)
{
  const guchar *p = (const guchar *)text;

  memset (b, 0, sizeof *b);
  /* bytes, not characters: « » are C2 AB / C2 BB, “ ” „ are E2 80 9C/9D/9E */
  for (; *p; p++)
    {
      switch (*p)
        {
        case '(': b->paren++; break;
        case ')': b->paren--; break;
        case '[': b->bracket++; break;
        case ']': b->bracket--; break;
        case '{': b->brace++; break;
        case '}': b->brace--; break;
        case '"': b->straight ^= 1; break;
        case 0xC2:
          if (p[1] == 0xAB)
            b->dquote++;
          else if (p[1] == 0xBB)
            b->dquote--;
          break;
        case 0xE2:
          if (p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x9E))
            b->dquote++;
          else if (p[1] == 0x80 && p[2] == 0x9D)
            b->dquote--;
          break;
        default:
          break;
        }
    }
  /* a straight quote stands for either kind of double quote */
  b->dquote += b->straight;
}

static void
check_unbalanced (Ctx         *ctx,
                  const Check *check)
{
  Balance s, t;

  count_balance (ctx->source, &s);
  count_balance (ctx->target, &t);

  /* segments may cut a quotation in two, so compare with the source
   * rather than insist on zero */
  if (s.paren != t.paren)
    add_finding (ctx, check, NULL, "%s", _("Parentheses do not balance as in the source"));
  if (s.bracket != t.bracket)
    add_finding (ctx, check, NULL, "%s", _("Square brackets do not balance as in the source"));
  if (s.brace != t.brace)
    add_finding (ctx, check, NULL, "%s", _("Braces do not balance as in the source"));
  if (s.dquote != t.dquote && !(ABS (s.dquote - t.dquote) == 1 && (s.straight || t.straight)))
    add_finding (ctx, check, NULL, "%s", _("Quotation marks do not balance as in the source"));
}

static void
check_double_spaces (Ctx         *ctx,
                     const Check *check)
{
  const char *t = ctx->target;
  const char *end = t + strlen (t);
  const char *inner_start = t, *inner_end = end;
  GString *fix;

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

static gsize
leading_space (const char *text)
{
  const char *p = text;

  while (*p && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p - text;
}

static gsize
trailing_space (const char *text,
                gsize       len)
{
  const char *end = text + len;

  while (end > text && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  return text + len - end;
}

static void
check_edge_spaces (Ctx         *ctx,
                   const Check *check)
{
  gsize slen = strlen (ctx->source), tlen = strlen (ctx->target);
  gsize sl = leading_space (ctx->source), tl = leading_space (ctx->target);
  gsize st = sl == slen ? 0 : trailing_space (ctx->source, slen);
  gsize tt = tl == tlen ? 0 : trailing_space (ctx->target, tlen);
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

/* characters of valid UTF-8: bytes that do not continue a sequence */
static glong
utf8_length (const char *text)
{
  glong n = 0;

  for (const guchar *p = (const guchar *)text; *p; p++)
    n += (*p & 0xC0) != 0x80;
  return n;
}

static void
check_length_ratio (Ctx         *ctx,
                    const Check *check)
{
  glong s, t;
  double ratio;

  /* fewer bytes than the minimum means fewer characters too */
  if (strlen (ctx->source) < ctx->options->min_ratio_chars)
    return;
  s = utf8_length (ctx->source);
  if (s < (glong)ctx->options->min_ratio_chars)
    return;
  t = utf8_length (ctx->target);
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
  g_autoptr(GString) fix = g_string_new (NULL);
  const char *problem = NULL;
  gboolean open_straight = TRUE;
  int n_straight = 0;

  if (!target_is_french (ctx))
    return;

  for (const char *p = ctx->target; *p; p++)
    if (*p == '"')
      n_straight++;

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

static void
run_checks (Ctx *ctx)
{
  VvSegment *segment = ctx->segment;
  const char *target = vv_segment_get_target (segment);

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
  for (guint i = 1; i < G_N_ELEMENTS (checks); i++)
    if (checks[i].run != NULL)
      checks[i].run (ctx, &checks[i]);
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
  ctx->sdates = g_ptr_array_new_with_free_func (g_free);
  ctx->tdates = g_ptr_array_new_with_free_func (g_free);
  ctx->sspans = g_array_new (FALSE, FALSE, sizeof (Span));
  ctx->tspans = g_array_new (FALSE, FALSE, sizeof (Span));
  ctx->snum = g_array_new (FALSE, FALSE, sizeof (Number));
  ctx->tnum = g_array_new (FALSE, FALSE, sizeof (Number));
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
}

static void
ctx_clear (Ctx *ctx)
{
  g_clear_pointer (&ctx->sdates, g_ptr_array_unref);
  g_clear_pointer (&ctx->tdates, g_ptr_array_unref);
  g_clear_pointer (&ctx->sspans, g_array_unref);
  g_clear_pointer (&ctx->tspans, g_array_unref);
  g_clear_pointer (&ctx->snum, g_array_unref);
  g_clear_pointer (&ctx->tnum, g_array_unref);
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
  g_autoptr(GHashTable) by_source = g_hash_table_new (g_str_hash, g_str_equal);
  const Check *inconsistent = find_check ("inconsistent");
  VvQaOptions defaults;
  Ctx ctx;
  guint n;

  g_return_val_if_fail (VV_IS_DOCUMENT (document), findings);

  ctx_init (&ctx, document, options, &defaults, findings);
  n = vv_document_get_n_segments (document);
  for (guint i = 0; i < n; i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);
      VvSegment *first;

      ctx.segment = segment;
      ctx.position = i;
      ctx.source = NULL;
      run_checks (&ctx);

      /* run_checks sets ctx.source only for segments it checks */
      if (ctx.source == NULL || *ctx.target == '\0')
        continue;
      first = g_hash_table_lookup (by_source, ctx.source);
      if (first == NULL)
        g_hash_table_insert (by_source, (gpointer)ctx.source, segment);
      else if (g_strcmp0 (vv_segment_get_target (first), ctx.target) != 0)
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
