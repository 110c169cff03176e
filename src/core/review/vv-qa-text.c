/* vv-qa-text.c: what the QA checks read from a text, in one pass
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * _vv_qa_analyse_text() reads a text once into a VvQaFacts record (length,
 * characters, brackets and quotes, edge spaces, end punctuation and, only
 * when there is a digit, its dates and numbers); vv-qa.c compares the
 * records of a source and its target. Dates and times come from one
 * regular expression, run only where a digit touches a month name, "h",
 * ":" or am/pm, and from the first digit (or the month name before it);
 * numbers are compared by value in each language's notation.
 */

#include "config.h"

#include <string.h>

#include "vv-qa.h"
#include "vv-qa-private.h"

gboolean
_vv_qa_lang_is (const char *lang,
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
  if (lang == NULL || _vv_qa_lang_is (lang, "en") || _vv_qa_lang_is (lang, "zh") ||
      _vv_qa_lang_is (lang, "ja") || _vv_qa_lang_is (lang, "ko") || _vv_qa_lang_is (lang, "he"))
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

/* Appends the dates and times of @text to @out (VvQaDate); there is no
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
      VvQaDate date;
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
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (VvQaDate));

  extract_dates (text, 0, 0, dates);
  for (guint i = 0; i < dates->len; i++)
    g_ptr_array_add (out, g_strdup (g_array_index (dates, VvQaDate, i).value));
  return out;
}

/* ---------------------------------------------------------------- */
/* Numbers                                                           */

static gboolean
in_spans (const VvQaDate *dates,
          guint           n_dates,
          gsize           pos)
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

/* Appends the numbers of @text to @out (VvQaNumber), leaving out those inside
 * the @n_dates dates; there is no digit before @from; @digits is scratch
 * space */
static void
extract_numbers (const char     *text,
                 gsize           from,
                 const char     *lang,
                 const VvQaDate *dates,
                 guint           n_dates,
                 GArray         *out,
                 GString        *digits)
{
  char dec = decimal_mark (lang);
  char grp = dec == '.' ? ',' : '.';
  const char *p = text + from;

  while (*p)
    {
      const char *start, *q;
      VvQaNumber number;
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
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (VvQaDate));
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (VvQaNumber));
  g_autoptr(GString) digits = g_string_new (NULL);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));

  extract_dates (text, 0, 0, dates);
  extract_numbers (text, 0, language, (const VvQaDate *)(void *)dates->data, dates->len, numbers, digits);
  for (guint i = 0; i < numbers->len; i++)
    g_array_append_val (values, g_array_index (numbers, VvQaNumber, i).value);
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
void
_vv_qa_analyse_text (const char *text,
                     const char *lang,
                     VvQaFacts  *f,
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
  VvQaBalance *b = &f->balance;
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
      extract_numbers (text, first_digit, lang, &g_array_index (dates, VvQaDate, f->first_date),
                       f->n_dates, numbers, digits);
      f->n_numbers = numbers->len - f->first_number;
    }
}
