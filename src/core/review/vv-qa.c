/* vv-qa.c: quality checks on translations, table-driven
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Speed (50,000 segments in well under 200 ms): each text is read once by
 * analyse_text(), which gathers everything the checks need (length,
 * characters, brackets and quotes, edges, end punctuation, and — only when
 * the text has a digit — its dates and numbers) into a Facts record. A
 * document's check keeps the facts of each distinct source in the table of
 * sources that the inconsistency check needs anyway (open addressing,
 * sized once), so a repeated source is read once. Dates and numbers go to
 * arrays reused from segment to segment; nothing is allocated per check
 * except the findings. The date regex starts at the first digit (or the
 * month name before it) and only runs where a digit touches a month name,
 * "h", ":" or am/pm.
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

/* more than this many dates in one text: the first ones are compared */
#define MAX_DATES 64

typedef struct _Check Check;

typedef struct
{
  gsize start, end;
} Span;

/* a date ("2024-03-03", 0000/00 for a missing year/day) or time ("14:30") */
typedef struct
{
  Span span;
  char value[12];
} DateValue;

typedef struct
{
  double value;
  gsize  start, end;
  guint  matched : 1;
} Number;

typedef struct
{
  int paren, bracket, brace, dquote, straight;
} Balance;

/* What the checks need to know about one text, read in one pass */
typedef struct
{
  gsize       len;               /* bytes */
  glong       n_chars;
  gsize       lead, trail;       /* leading, trailing white space (bytes) */
  const char *end_mark;          /* end_punct() */
  gsize       end_offset;        /* where the text ends before closers and spaces */
  Balance     balance;
  guint       n_straight;        /* '"' */
  guint       first_date, n_dates;       /* in the dates array given to analyse_text() */
  guint       first_number, n_numbers;   /* in the numbers array */
  guint       has_digit : 1;
  guint       has_double_space : 1;      /* "  " anywhere */
  guint       has_typography : 1;        /* : ; ! ? " « » “ ” */
} Facts;

/* one per distinct source in a document check */
typedef struct
{
  VvSegment  *first;             /* the first checked segment with that source */
  const char *source;
  guint       hash;
  Facts       facts;
} SourceEntry;

typedef struct
{
  VvSegment         *segment;
  const char        *source;
  const char        *target;
  const Facts       *sf, *tf;
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

/* ---------------------------------------------------------------- */
/* Dates and times                                                   */

#define MONTHS \
  "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|" \
  "janv\\.|f[ée]vr?\\.|avr\\.|juil\\.|sept\\.|oct\\.|nov\\.|d[ée]c\\.|" \
  "january|february|march|april|may|june|july|august|september|october|november|december|" \
  "jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct|nov|dec\\.?"

/* The regular expression and the numbers of its named groups, looked up
 * once: [k] is group "m1"… "m3" and so on, -1 where there is none */
typedef struct
{
  GRegex *regex;
  int     m[3], d[3], y[3], h[3], n[3], ap[3];
} DateRegex;

static const DateRegex *
get_date_regex (void)
{
  static DateRegex date_regex;
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
      date_regex.regex = r;
      for (int k = 0; k < 3; k++)
        {
          char name[4];

#define GROUP(field, letters) \
          g_snprintf (name, sizeof name, letters "%d", k + 1); \
          date_regex.field[k] = g_regex_get_string_number (r, name)
          GROUP (m, "m");
          GROUP (d, "d");
          GROUP (y, "y");
          GROUP (h, "h");
          GROUP (n, "n");
          GROUP (ap, "ap");
#undef GROUP
        }
      g_once_init_leave (&initialized, 1);
    }
  return &date_regex;
}

/* the month of a matched month name ("Mars", "févr.", "DÉC"), or 0 */
static int
month_number (const char *name,
              gsize       len)
{
  static const struct { const char *prefix; int month; } months[] = {
    { "jan", 1 }, { "fév", 2 }, { "fev", 2 }, { "feb", 2 }, { "mar", 3 },
    { "avr", 4 }, { "apr", 4 }, { "mai", 5 }, { "may", 5 }, { "juin", 6 },
    { "jun", 6 }, { "juil", 7 }, { "jul", 7 }, { "aoû", 8 }, { "aou", 8 },
    { "aug", 8 }, { "sep", 9 }, { "oct", 10 }, { "nov", 11 }, { "déc", 12 },
    { "dec", 12 },
  };
  g_autofree char *slow = NULL;
  char folded[16];
  const char *f = folded;
  gsize i = 0, n = MIN (len, sizeof folded - 1);

  /* the prefixes are at most 4 bytes: fold the first few bytes, ASCII and
   * Latin-1 capitals (É = C3 89 → é = C3 A9) by hand, anything else with
   * the full Unicode case folding */
  for (; i < n; i++)
    {
      guchar c = name[i];

      if (c < 0x80)
        folded[i] = g_ascii_tolower (c);
      else if (c == 0xC3 && i + 1 < n && (guchar)name[i + 1] >= 0x80 && (guchar)name[i + 1] <= 0x9E &&
               (guchar)name[i + 1] != 0x97)
        {
          folded[i] = c;
          folded[i + 1] = name[i + 1] + 0x20;
          i++;
        }
      else if (c == 0xC3 && i + 1 < n && (guchar)name[i + 1] >= 0xA0)
        {
          folded[i] = c;
          folded[i + 1] = name[i + 1];
          i++;
        }
      else
        break;
    }
  folded[i] = '\0';
  if (i < n)
    f = slow = g_utf8_casefold (name, len);

  for (i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_str_has_prefix (f, months[i].prefix))
      return months[i].month;
  return 0;
}

/* a group's span, FALSE when the group does not exist or matched nothing */
static gboolean
group_span (GMatchInfo *match,
            int         group,
            int        *start,
            int        *end)
{
  return group >= 0 && g_match_info_fetch_pos (match, group, start, end) &&
         *start >= 0 && *end > *start;
}

/* a group of digits as a number, -1 when unset */
static int
group_int (GMatchInfo *match,
           const char *text,
           int         group)
{
  int start, end, value = 0;

  if (!group_span (match, group, &start, &end))
    return -1;
  for (int i = start; i < end && g_ascii_isdigit (text[i]); i++)
    value = value * 10 + (text[i] - '0');
  return value;
}

static int group_space_len (const char *p);

static gboolean
month_prefix (const char *word)
{
  /* by first letter: "jan", "fév", "fev", "feb", "mar", "avr", "apr",
   * "mai", "may", "jui", "jun", "jul", "aoû", "aou", "aug", "sep", "oct",
   * "nov", "déc", "dec" (what follows the first letter, case-insensitive) */
  static const char * const rest[26][6] = {
    ['a' - 'a'] = { "vr", "pr", "o\xc3\xbb", "ou", "ug", NULL },
    ['d' - 'a'] = { "\xc3\xa9" "c", "ec", NULL },
    ['f' - 'a'] = { "\xc3\xa9v", "ev", "eb", NULL },
    ['j' - 'a'] = { "an", "ui", "un", "ul", NULL },
    ['m' - 'a'] = { "ar", "ai", "ay", NULL },
    ['n' - 'a'] = { "ov", NULL },
    ['o' - 'a'] = { "ct", NULL },
    ['s' - 'a'] = { "ep", NULL },
  };
  char c = g_ascii_tolower (word[0]);

  if (c < 'a' || c > 'z')
    return FALSE;
  for (guint i = 0; rest[c - 'a'][i] != NULL; i++)
    {
      const char *r = rest[c - 'a'][i];

      if (g_ascii_strncasecmp (word + 1, r, strlen (r)) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A quick look before the regular expression: a date or a time needs a
 * number next to a month name, "h", ":", "am" or "pm". Most sentences
 * with numbers have none of these and skip the regex. */
static gboolean
may_have_date (const char *text,
               gsize       from)
{
  for (const char *p = text + from; *p; p++)
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

/* "%0*d" for small non-negative numbers, without printf */
static char *
put_int (char *out,
         int   value,
         int   width)
{
  char digits[12];
  int n = 0;

  do
    {
      digits[n++] = '0' + value % 10;
      value /= 10;
    }
  while (value > 0 && n < (int)sizeof digits);
  while (width-- > n)
    *out++ = '0';
  while (n > 0)
    *out++ = digits[--n];
  return out;
}

/* Appends the dates and times of @text to @out (DateValue); there is no
 * ASCII digit before @from and no match of the regular expression starts
 * before @regex_from */
static void
extract_dates (const char *text,
               gsize       from,
               gsize       regex_from,
               GArray     *out)
{
  const DateRegex *dr;
  g_autoptr(GMatchInfo) match = NULL;

  if (!may_have_date (text, from))
    return;

  dr = get_date_regex ();
  /* \b and the like still see the text before regex_from */
  g_regex_match_full (dr->regex, text, -1, regex_from, 0, &match, NULL);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      DateValue date;
      gboolean found = FALSE;
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      for (int k = 0; k < 3 && !found; k++)
        {
          int ms, me;

          if (group_span (match, dr->m[k], &ms, &me))
            {
              int day = k == 2 ? 0 : group_int (match, text, dr->d[k]);
              int year = group_int (match, text, dr->y[k]);
              int mon = month_number (text + ms, me - ms);
              char *o = date.value;

              if (day > 31 || mon == 0)
                break;
              /* "%04d-%02d-%02d" */
              o = put_int (o, MAX (year, 0), 4);
              *o++ = '-';
              o = put_int (o, mon, 2);
              *o++ = '-';
              o = put_int (o, MAX (day, 0), 2);
              *o = '\0';
              found = TRUE;
            }
        }
      for (int k = 0; k < 3 && !found; k++)
        {
          int hour, minute, as, ae;
          char *o = date.value;

          if (!group_span (match, dr->h[k], &as, &ae))
            continue;
          hour = group_int (match, text, dr->h[k]);
          minute = k == 0 ? group_int (match, text, dr->n[k]) : 0;
          if (k != 2 && group_span (match, dr->ap[k], &as, &ae))
            {
              char a = g_ascii_tolower (text[as]);

              if (hour > 12)
                break;
              if (a == 'p' && hour < 12)
                hour += 12;
              else if (a == 'a' && hour == 12)
                hour = 0;
            }
          if (hour > 24)
            break;
          /* "%02d:%02d"; minute is set whenever n1 matched, which h1 needs */
          o = put_int (o, hour, 2);
          *o++ = ':';
          o = put_int (o, minute, 2);
          *o = '\0';
          found = TRUE;
        }

      if (found)
        {
          date.span.start = start;
          date.span.end = end;
          g_array_append_val (out, date);
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
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (DateValue));

  extract_dates (text, 0, 0, dates);
  for (guint i = 0; i < dates->len; i++)
    g_ptr_array_add (out, g_strdup (g_array_index (dates, DateValue, i).value));
  return out;
}

/* ---------------------------------------------------------------- */
/* Numbers                                                           */

static gboolean
in_spans (const DateValue *dates,
          guint            n_dates,
          gsize            pos)
{
  for (guint i = 0; i < n_dates; i++)
    if (pos >= dates[i].span.start && pos < dates[i].span.end)
      return TRUE;
  return FALSE;
}

/* the length of a grouping space at @p (space, no-break, narrow or thin), or 0 */
static int
group_space_len (const char *p)
{
  if (*p == ' ')
    return 1;
  if ((guchar)*p < 0xC2)
    return 0;
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
  static const struct { const char *word; guint len; double factor; } scales[] = {
    { "milliards", 9, 1e9 }, { "milliard", 8, 1e9 }, { "billions", 8, 1e9 }, { "billion", 7, 1e9 },
    { "millions", 8, 1e6 }, { "million", 7, 1e6 }, { "thousand", 8, 1e3 }, { "mille", 5, 1e3 },
    { "Mds", 3, 1e9 }, { "Mrd", 3, 1e9 }, { "Md", 2, 1e9 }, { "bn", 2, 1e9 }, { "M", 1, 1e6 }, { "k", 1, 1e3 },
  };
  const char *q = *p;
  int sp = group_space_len (q);

  q += sp;
  /* every word starts with one of these */
  if (*q != 'm' && *q != 'b' && *q != 't' && *q != 'M' && *q != 'k')
    return 1;
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      gsize n = scales[i].len;
      const char *after = q + n;

      if (q[0] == scales[i].word[0] && strncmp (q, scales[i].word, n) == 0 &&
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

/* Appends the numbers of @text to @out (Number), leaving out those inside
 * the @n_dates dates; there is no digit before @from; @digits is scratch
 * space */
static void
extract_numbers (const char      *text,
                 gsize            from,
                 const char      *lang,
                 const DateValue *dates,
                 guint            n_dates,
                 GArray          *out,
                 GString         *digits)
{
  char dec = decimal_mark (lang);
  char grp = dec == '.' ? ',' : '.';
  const char *p = text + from;

  while (*p)
    {
      const char *start, *q;
      Number number;
      gsize first_group = 0;

      if (!g_ascii_isdigit (*p))
        {
          p++;
          continue;
        }
      /* a digit glued to letters (A320, B12) is a name, not a number */
      if (p > text && ((guchar)p[-1] >= 0x80 ? g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (p)))
                                             : g_ascii_isalpha (p[-1])))
        {
          while (g_ascii_isalnum (*p))
            p++;
          continue;
        }
      if (in_spans (dates, n_dates, p - text))
        {
          p++;
          continue;
        }

      start = p;
      g_string_truncate (digits, 0);
      while (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p++);
      first_group = digits->len;

      for (;;)
        {
          int sp = group_space_len (p);

          if (sp > 0 && first_group <= 3 && three_digits_then_end (p + sp) &&
              !in_spans (dates, n_dates, p + sp - text))
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
      /* whole numbers of up to 15 digits are exact in a double: no strtod */
      if (digits->len <= 15 && strchr (digits->str, '.') == NULL)
        {
          guint64 whole = 0;

          for (gsize i = 0; i < digits->len; i++)
            whole = whole * 10 + (digits->str[i] - '0');
          number.value = (double)whole;
        }
      else
        number.value = g_ascii_strtod (digits->str, NULL);
      number.value *= scale_after (&q);
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
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (DateValue));
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (Number));
  g_autoptr(GString) digits = g_string_new (NULL);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));

  extract_dates (text, 0, 0, dates);
  extract_numbers (text, 0, language, (const DateValue *)(void *)dates->data, dates->len, numbers, digits);
  for (guint i = 0; i < numbers->len; i++)
    g_array_append_val (values, g_array_index (numbers, Number, i).value);
  return values;
}

/* ---------------------------------------------------------------- */
/* Reading a text once                                               */

static const struct { const char *s; guint len; } closers[] = {
  { "»", 2 }, { "”", 3 }, { "\"", 1 }, { "'", 1 }, { "’", 3 }, { ")", 1 }, { "]", 1 }, { "“", 3 }, { "«", 2 },
};

/* The final punctuation mark, past closing quotes and brackets; "..." is "…" */
static const char *
end_punct (const char *text,
           gsize       len,
           const char **end_of_text)
{
  const char *end = text + len;
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
      for (guint i = 0; i < G_N_ELEMENTS (closers); i++)
        {
          gsize n = closers[i].len;
          if ((gsize)(end - text) >= n && memcmp (end - n, closers[i].s, n) == 0)
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
  if (end - text >= 3 && memcmp (end - 3, "...", 3) == 0)
    return "…";
  if (end - text >= 3 && memcmp (end - 3, "…", 3) == 0)
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

/* Where the date regex may start looking: every date and time has a
 * digit, and before its first digit there can only be a month name and
 * spaces (letters, '.', white space; any non-ASCII byte, to be safe) */
static gsize
regex_start (const char *text,
             gsize       first_digit)
{
  gsize from = first_digit;

  while (from > 0 && (g_ascii_isalpha (text[from - 1]) || g_ascii_isspace (text[from - 1]) ||
                      text[from - 1] == '.' || (guchar)text[from - 1] >= 0x80))
    from--;
  return from;
}

/* Everything the checks read from @text, in one pass over its bytes; the
 * dates and numbers (only when there is a digit) are appended to @dates
 * and @numbers, and @f records where */
static void
analyse_text (const char *text,
              const char *lang,
              Facts      *f,
              GArray     *dates,
              GArray     *numbers,
              GString    *digits)
{
  /* the bytes the loop below looks at; the others (letters, most
   * punctuation, spaces) are skipped four at a time */
  static const guint8 interesting[256] = {
    [0] = 1, ['0' ... '9'] = 1, [':'] = 1, [';'] = 1, ['!'] = 1, ['?'] = 1,
    ['('] = 1, [')'] = 1, ['['] = 1, [']'] = 1, ['{'] = 1, ['}'] = 1, ['"'] = 1,
    [0x80 ... 0xFF] = 1,
  };
  const guchar *p = (const guchar *)text;
  Balance *b = &f->balance;
  const char *end;
  glong continuation = 0;
  gsize first_digit = G_MAXSIZE, first_other_digit = G_MAXSIZE;

  memset (f, 0, sizeof *f);
  /* bytes, not characters: « » are C2 AB / C2 BB, “ ” „ are E2 80 9C/9D/9E */
  for (;; p++)
    {
      while (!interesting[p[0]])
        {
          if (interesting[p[1]])
            {
              p += 1;
              break;
            }
          if (interesting[p[2]])
            {
              p += 2;
              break;
            }
          if (interesting[p[3]])
            {
              p += 3;
              break;
            }
          p += 4;
        }
      switch (*p)
        {
        case '\0':
          goto done;
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          if (first_digit == G_MAXSIZE)
            first_digit = (const char *)p - text;
          break;
        case ':': case ';': case '!': case '?':
          f->has_typography = TRUE;
          break;
        case '(': b->paren++; break;
        case ')': b->paren--; break;
        case '[': b->bracket++; break;
        case ']': b->bracket--; break;
        case '{': b->brace++; break;
        case '}': b->brace--; break;
        case '"':
          b->straight ^= 1;
          f->n_straight++;
          f->has_typography = TRUE;
          break;
        case 0xC2:
          if (p[1] == 0xAB)
            b->dquote++, f->has_typography = TRUE;
          else if (p[1] == 0xBB)
            b->dquote--, f->has_typography = TRUE;
          break;
        case 0xE2:
          if (p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x9E))
            {
              b->dquote++;
              f->has_typography |= p[2] == 0x9C;
            }
          else if (p[1] == 0x80 && p[2] == 0x9D)
            b->dquote--, f->has_typography = TRUE;
          break;
        default:
          /* characters of valid UTF-8: bytes that do not continue a sequence */
          continuation += (*p & 0xC0) == 0x80;
          /* \d of the date regex also matches other scripts' digits */
          if (*p >= 0xC3 && first_other_digit == G_MAXSIZE &&
              g_unichar_isdigit (g_utf8_get_char_validated ((const char *)p, -1)))
            first_other_digit = (const char *)p - text;
          break;
        }
    }
done:
  f->has_digit = first_digit != G_MAXSIZE;
  f->has_double_space = strstr (text, "  ") != NULL;
  /* a straight quote stands for either kind of double quote */
  b->dquote += b->straight;
  f->len = (const char *)p - text;
  f->n_chars = f->len - continuation;

  f->lead = leading_space (text);
  f->trail = f->lead == f->len ? 0 : trailing_space (text, f->len);
  f->end_mark = end_punct (text, f->len, &end);
  f->end_offset = end - text;

  f->first_date = dates->len;
  f->first_number = numbers->len;
  if (f->has_digit)
    {
      extract_dates (text, first_digit, regex_start (text, MIN (first_digit, first_other_digit)), dates);
      f->n_dates = dates->len - f->first_date;
      extract_numbers (text, first_digit, lang, &g_array_index (dates, DateValue, f->first_date),
                       f->n_dates, numbers, digits);
      f->n_numbers = numbers->len - f->first_number;
    }
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
match_numbers (Number *a,
               guint   na,
               Number *b,
               guint   nb)
{
  for (guint i = 0; i < na; i++)
    {
      Number *x = &a[i];
      for (guint j = 0; j < nb && !x->matched; j++)
        {
          Number *y = &b[j];
          if (!y->matched && same_value (x->value, y->value))
            x->matched = y->matched = TRUE;
        }
    }
}

/* "14 h" in the source may be a duration that the target writes "14 hours"
 * (a plain number): an unmatched whole hour matches an unmatched number. */
static void
match_hours_with_numbers (const DateValue *times,
                          guint            n_times,
                          gboolean        *times_matched,
                          Number          *numbers,
                          guint            n_numbers)
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
          Number *y = &numbers[j];
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
append_unmatched (GString      *s,
                  const char   *text,
                  const Number *numbers,
                  guint         n)
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
append_unmatched_dates (GString         *s,
                        const char      *text,
                        const DateValue *dates,
                        guint            n,
                        gboolean        *matched)
{
  for (guint i = 0; i < n; i++)
    if (!matched[i])
      {
        const Span *span = &dates[i].span;
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
  const Facts *sf = ctx->sf, *tf = ctx->tf;
  gboolean smatched[MAX_DATES] = { FALSE }, tmatched[MAX_DATES] = { FALSE };
  gboolean any_unmatched = FALSE;
  const DateValue *sdates, *tdates;
  Number *snum, *tnum;
  guint n_sdates, n_tdates;

  if (!sf->has_digit && !tf->has_digit)
    return;

  sdates = &g_array_index (ctx->sdates, DateValue, sf->first_date);
  tdates = &g_array_index (ctx->tdates, DateValue, tf->first_date);
  /* more than MAX_DATES dates in one sentence: compare the first ones */
  n_sdates = MIN (sf->n_dates, MAX_DATES);
  n_tdates = MIN (tf->n_dates, MAX_DATES);
  /* the source's numbers are shared by every segment with that source:
   * mark a copy */
  g_array_set_size (ctx->snum_work, 0);
  g_array_append_vals (ctx->snum_work, &g_array_index (ctx->snumbers, Number, sf->first_number),
                       sf->n_numbers);
  snum = (Number *)(void *)ctx->snum_work->data;
  tnum = &g_array_index (ctx->tnumbers, Number, tf->first_number);

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
  const Balance *s = &ctx->sf->balance, *t = &ctx->tf->balance;

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
      analyse_text (ctx->source, ctx->source_lang, &entry.facts, ctx->sdates, ctx->snumbers, ctx->digits);
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
  Facts tf;

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
  analyse_text (ctx->target, ctx->target_lang, &tf, ctx->tdates, ctx->tnumbers, ctx->digits);
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
  ctx->sdates = g_array_new (FALSE, FALSE, sizeof (DateValue));
  ctx->tdates = g_array_new (FALSE, FALSE, sizeof (DateValue));
  ctx->snumbers = g_array_new (FALSE, FALSE, sizeof (Number));
  ctx->tnumbers = g_array_new (FALSE, FALSE, sizeof (Number));
  ctx->snum_work = g_array_new (FALSE, FALSE, sizeof (Number));
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
  ctx->target_french = lang_is (ctx->target_lang, "fr");
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
