/* vv-srx.c: SRX 2.0 rule engine
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading: libxml2 (no network, no entity substitution). The rules of every
 * language map that matches the language are concatenated in file order
 * (only the first map when the header says cascade="no").
 *
 * Regexes: PCRE2 with JIT, in UTF + UCP mode (\w, \d, \b and POSIX classes
 * are Unicode-aware, as in ICU). Java/ICU constructs that PCRE2 reads the
 * same way pass through; \p{IsX} and \p{Lower}-style classes are rewritten;
 * the rest (class intersection &&, \p{InBlock}, \p{javaX}) is refused with an
 * error naming the rule.
 *
 * Matching (the speed comes from here):
 *  - candidates: from the break rules' beforebreak patterns, the set of
 *    bytes a match can end with is computed once (a 256-bit table); one
 *    byte scan finds the positions after such a byte. A position where no
 *    break rule's beforebreak can end can never become a break.
 *  - decision: at a candidate, the rules are tried in SRX order (skipping,
 *    by two table look-ups, those whose afterbreak cannot start with the
 *    next byte or whose beforebreak cannot end with the previous one); the first
 *    whose beforebreak ends there and whose afterbreak starts there decides.
 *    Consecutive rules with the same break value and the same afterbreak are
 *    merged into one alternation, so a list of 200 abbreviations costs one
 *    match. Before any PCRE2 call, three byte tables rule a group out: the
 *    bytes its afterbreak can start with, the bytes its beforebreak can end
 *    with, and the bytes the character before that can end with (so
 *    "J.-C." is only tried after a "C."). A rule whose afterbreak is just
 *    \s, or whose beforebreak is one plain class such as [.?!], is decided
 *    by the tables alone. beforebreak is matched as (?:BEFORE)\z on the text cut at the
 *    candidate, starting no further back than the longest text the pattern
 *    can match (computed from the pattern; 256 characters when unbounded);
 *    afterbreak is matched anchored at the candidate.
 *  - one pcre2_match_data per call; no allocation per character or candidate.
 */

#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8

#include <string.h>
#include <pcre2.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "vv-segmenter.h"
#include "vv-srx.h"

#define UNBOUNDED_WINDOW_CHARS 256

typedef struct
{
  guint8 bits[32];
} ByteSet;

typedef struct
{
  pcre2_code *before;        /* (?:B1|B2…)\z, NULL when one Bi is empty */
  pcre2_code *after;         /* anchored AFTER, NULL when empty */
  gsize       window;        /* characters to look back for before */
  ByteSet     before_last;   /* bytes before can end with */
  ByteSet     before_pen;    /* bytes the character before that can end with */
  ByteSet     after_first;   /* bytes after can start with */
  ByteSet     after_second;  /* first bytes of its second character (0: none) */
  guint       first_rule;
  guint       n_rules;
  gboolean    is_break;
  char        after_exact;   /* 's' for \s, 'h' for \h: decided without PCRE2 on ASCII */
  gboolean    before_exact;  /* before is one simple class: before_last decides on ASCII */
} Group;


typedef struct
{
  pcre2_code *before;        /* per-rule, for explaining */
  pcre2_code *after;
  gsize       window;
} RuleCode;

struct _VvSrx
{
  gatomicrefcount  ref_count;
  GPtrArray       *rules;        /* VvSrxRule* */
  RuleCode        *codes;        /* n rules */
  Group           *groups;
  guint            n_groups;
  gboolean         jit;           /* every pattern was JIT-compiled */
  gboolean         no_shortcuts;  /* tests: every rule through PCRE2 */
  ByteSet          last_bytes;    /* bytes a break rule's beforebreak can end with */
};

static void
rule_free (gpointer data)
{
  VvSrxRule *rule = data;

  g_free (rule->language_rule);
  g_free (rule->before);
  g_free (rule->after);
  g_free (rule->comment);
  g_free (rule);
}

/* ---- regex dialect ------------------------------------------------------ */

static const struct
{
  const char *java;
  const char *posix;
} posix_classes[] = {
  { "Lower", "lower" }, { "Upper", "upper" }, { "Alpha", "alpha" }, { "Digit", "digit" },
  { "Alnum", "alnum" }, { "Punct", "punct" }, { "Space", "space" }, { "Blank", "blank" },
  { "Cntrl", "cntrl" }, { "XDigit", "xdigit" }, { "Print", "print" }, { "Graph", "graph" },
};

/**
 * _vv_srx_translate_regex:
 * @java: a regex in the Java/ICU dialect SRX files use
 * @out: where to append the PCRE2 pattern
 * @error: set to a message (without the rule's name) for unsupported syntax
 */
gboolean
_vv_srx_translate_regex (const char  *java,
                         GString     *out,
                         GError     **error)
{
  const char *p = java;
  int class_depth = 0;

  while (*p != '\0')
    {
      if (p[0] == '\\' && p[1] == 'Q')
        {
          const char *e = strstr (p + 2, "\\E");
          gsize n = e ? (gsize)(e + 2 - p) : strlen (p);

          g_string_append_len (out, p, n);
          p += n;
          continue;
        }
      if (p[0] == '\\' && (p[1] == 'p' || p[1] == 'P') && p[2] == '{')
        {
          const char *close = strchr (p + 3, '}');
          g_autofree char *name = NULL;
          gboolean negated = p[1] == 'P';

          if (close == NULL)
            {
              g_string_append_len (out, p, 3);
              p += 3;
              continue;
            }
          name = g_strndup (p + 3, close - (p + 3));
          if (g_str_has_prefix (name, "java") || g_str_has_prefix (name, "In"))
            {
              g_set_error (error, VV_SEGMENTER_ERROR, VV_SEGMENTER_ERROR_REGEX,
                           _("\\p{%s} is not supported (use a Unicode category or script such as \\p{Lu} or \\p{Latin})"),
                           name);
              return FALSE;
            }
          for (guint i = 0; i < G_N_ELEMENTS (posix_classes); i++)
            if (strcmp (name, posix_classes[i].java) == 0)
              {
                g_string_append_printf (out, "%s[:%s%s:]%s", class_depth ? "" : "[",
                                        negated ? "^" : "", posix_classes[i].posix,
                                        class_depth ? "" : "]");
                p = close + 1;
                goto next;
              }
          g_string_append_c (out, '\\');
          g_string_append_c (out, p[1]);
          g_string_append_c (out, '{');
          /* Java's \p{IsLatin}, \p{IsL}, \p{IsAlphabetic} */
          if (g_str_has_prefix (name, "Is") && name[2] != '\0')
            g_string_append (out, name + 2);
          else
            g_string_append (out, name);
          g_string_append_c (out, '}');
          p = close + 1;
          continue;
        }
      if (p[0] == '\\' && p[1] != '\0')
        {
          g_string_append_len (out, p, 2);
          p += 2;
          continue;
        }
      if (p[0] == '[')
        {
          if (class_depth > 0 && p[1] == ':')
            {
              const char *e = strstr (p, ":]");
              gsize n = e ? (gsize)(e + 2 - p) : 1;
              g_string_append_len (out, p, n);
              p += n;
              continue;
            }
          if (class_depth > 0)
            {
              g_set_error (error, VV_SEGMENTER_ERROR, VV_SEGMENTER_ERROR_REGEX,
                           _("nested character classes (Java union or intersection) are not supported"));
              return FALSE;
            }
          class_depth++;
          g_string_append_c (out, '[');
          p++;
          if (*p == '^')
            g_string_append_c (out, *p++);
          if (*p == ']')
            g_string_append_c (out, *p++);
          continue;
        }
      if (class_depth > 0 && p[0] == '&' && p[1] == '&')
        {
          g_set_error (error, VV_SEGMENTER_ERROR, VV_SEGMENTER_ERROR_REGEX,
                       _("character class intersection (&&) is not supported"));
          return FALSE;
        }
      if (p[0] == ']' && class_depth > 0)
        class_depth--;
      g_string_append_c (out, *p++);
    next:
      ;
    }
  return TRUE;
}

/* Longest text, in characters, that a PCRE2 pattern can match (look-around
 * counts nothing), or -1 when unbounded or not understood. */
typedef struct
{
  const char *p;
  gboolean    unbounded;
} LenScan;

/* The opening of a group, p just after its '(' */
typedef enum
{
  GROUP_ERROR,   /* not understood */
  GROUP_EMPTY,   /* matches nothing: (*VERB), (?#…), (?i); *next after its ')' */
  GROUP_BODY,    /* *next at the start of the group's pattern */
} GroupKind;

static GroupKind
open_group (const char  *p,
            const char **next,
            gboolean    *zero)
{
  *zero = FALSE;
  if (*p == '*' || (p[0] == '?' && p[1] == '#'))
    {
      const char *e = strchr (p, ')');
      if (e == NULL)
        return GROUP_ERROR;
      *next = e + 1;
      return GROUP_EMPTY;
    }
  if (*p == '?')
    {
      p++;
      if (*p == '=' || *p == '!')
        *zero = TRUE, p++;
      else if (*p == '<' && (p[1] == '=' || p[1] == '!'))
        *zero = TRUE, p += 2;
      else if (*p == ':' || *p == '>' || *p == '|')
        p++;
      else if (*p == '<' || *p == '\'' || (*p == 'P' && p[1] == '<'))
        {
          char close = *p == '\'' ? '\'' : '>';
          const char *e = strchr (p + 1, close);
          if (e == NULL)
            return GROUP_ERROR;
          p = e + 1;
        }
      else
        {
          /* inline options: (?i) or (?i:…); extended mode is not understood */
          while (*p != '\0' && (g_ascii_isalpha (*p) || *p == '-' || *p == '^'))
            {
              if (*p == 'x')
                return GROUP_ERROR;
              p++;
            }
          if (*p == ')')
            {
              *next = p + 1;
              return GROUP_EMPTY;
            }
          if (*p != ':')
            return GROUP_ERROR;
          p++;
        }
    }
  *next = p;
  return GROUP_BODY;
}

static gssize scan_alternation (LenScan *s);

static gssize
mul_len (gssize a,
         gssize b)
{
  if (a < 0 || b < 0)
    return -1;
  return a * b;
}

static gssize
scan_atom (LenScan *s)
{
  const char *p = s->p;

  switch (*p)
    {
    case '\\':
      p++;
      if (*p == 'Q')
        {
          const char *e = strstr (p, "\\E");
          gssize n;

          p++;
          n = g_utf8_strlen (p, e ? e - p : -1);
          s->p = e ? e + 2 : p + strlen (p);
          return n;
        }
      if (strchr ("bBAzZGKE", *p) != NULL)
        {
          s->p = p + 1;
          return 0;
        }
      if (*p == 'R')
        {
          s->p = p + 1;
          return 2;
        }
      if (*p == 'X' || g_ascii_isdigit (*p) || *p == 'k' || *p == 'g')
        return -1;
      if ((*p == 'p' || *p == 'P' || *p == 'x' || *p == 'u' || *p == 'o' || *p == 'N') && p[1] == '{')
        {
          const char *e = strchr (p, '}');
          if (e == NULL)
            return -1;
          s->p = e + 1;
          return 1;
        }
      if (*p == 'x')
        {
          p++;
          for (int i = 0; i < 2 && g_ascii_isxdigit (*p); i++)
            p++;
          s->p = p;
          return 1;
        }
      if (*p == 'u')
        {
          p++;
          for (int i = 0; i < 4 && g_ascii_isxdigit (*p); i++)
            p++;
          s->p = p;
          return 1;
        }
      if (*p == 'c')
        {
          s->p = p + (p[1] ? 2 : 1);
          return 1;
        }
      if (*p == '\0')
        return -1;
      s->p = g_utf8_next_char (p);
      return 1;
    case '[':
      p++;
      if (*p == '^')
        p++;
      if (*p == ']')
        p++;
      while (*p != '\0' && *p != ']')
        {
          if (*p == '\\' && p[1] != '\0')
            p += 2;
          else if (*p == '[' && p[1] == ':')
            {
              const char *e = strstr (p, ":]");
              if (e == NULL)
                return -1;
              p = e + 2;
            }
          else
            p++;
        }
      if (*p != ']')
        return -1;
      s->p = p + 1;
      return 1;
    case '(':
      {
        gboolean zero = FALSE;
        gssize n;

        switch (open_group (p + 1, &p, &zero))
          {
          case GROUP_ERROR:
            return -1;
          case GROUP_EMPTY:
            s->p = p;
            return 0;
          case GROUP_BODY:
          default:
            break;
          }
        s->p = p;
        n = scan_alternation (s);
        if (n < 0 || *s->p != ')')
          return -1;
        s->p++;
        return zero ? 0 : n;
      }
    case '^':
    case '$':
      s->p = p + 1;
      return 0;
    case '\0':
    case ')':
    case '|':
      return -1;
    default:
      s->p = g_utf8_next_char (p);
      return 1;
    }
}

static gssize
scan_sequence (LenScan *s)
{
  gssize total = 0;

  while (*s->p != '\0' && *s->p != '|' && *s->p != ')')
    {
      gssize n = scan_atom (s);
      const char *p = s->p;

      if (n < 0)
        return -1;
      if (*p == '*' || *p == '+')
        return -1;
      if (*p == '?')
        p++;
      else if (*p == '{')
        {
          char *end = NULL;
          guint64 lo, hi;

          lo = g_ascii_strtoull (p + 1, &end, 10);
          hi = lo;
          if (end == p + 1)
            goto literal_brace;
          if (*end == ',')
            {
              const char *q = end + 1;
              if (*q == '}')
                return -1;
              hi = g_ascii_strtoull (q, &end, 10);
              if (end == q)
                goto literal_brace;
            }
          if (*end != '}' || hi > 10000)
            goto literal_brace;
          (void)lo;
          n = mul_len (n, hi);
          p = end + 1;
        }
    literal_brace:
      if (*p == '?' || *p == '+')
        p++;
      s->p = p;
      total += n;
    }
  return total;
}

static gssize
scan_alternation (LenScan *s)
{
  gssize best = scan_sequence (s);

  while (best >= 0 && *s->p == '|')
    {
      gssize n;

      s->p++;
      n = scan_sequence (s);
      if (n < 0)
        return -1;
      best = MAX (best, n);
    }
  return best;
}

gssize
_vv_srx_pattern_max_chars (const char *pattern)
{
  LenScan s = { pattern, FALSE };
  gssize n = scan_alternation (&s);

  if (n < 0 || *s.p != '\0')
    return -1;
  return n;
}

/* The set of bytes a match can end with (the last byte of its last
 * character), to find candidate positions with a plain byte scan. Sets are
 * supersets: anything not understood gives every byte. */
static inline void
set_add (ByteSet *set,
         guint    b)
{
  set->bits[b >> 3] |= 1u << (b & 7);
}

static inline gboolean
set_has (const ByteSet *set,
         guint          b)
{
  return (set->bits[b >> 3] >> (b & 7)) & 1;
}

static void
set_all (ByteSet *set)
{
  memset (set->bits, 0xff, sizeof set->bits);
}

static void
set_union (ByteSet       *set,
           const ByteSet *other)
{
  for (guint i = 0; i < sizeof set->bits; i++)
    set->bits[i] |= other->bits[i];
}

/* TRUE while the analysis below looks at the start of matches (first byte
 * of the first and second characters) rather than at their end; only set
 * while compiling, under jit_lock */
static gboolean scan_forward;

static void
set_add_char (ByteSet    *set,
              const char *p)
{
  const char *next = g_utf8_next_char (p);

  set_add (set, scan_forward ? (guchar)*p : (guchar)next[-1]);
  /* case-insensitive patterns: add the other case too */
  if (g_ascii_isalpha (*p))
    {
      set_add (set, g_ascii_tolower (*p));
      set_add (set, g_ascii_toupper (*p));
    }
}

static void
set_add_non_ascii (ByteSet *set)
{
  /* continuation bytes end a non-ASCII character, lead bytes start one */
  for (guint b = scan_forward ? 0xC2 : 0x80; b < (scan_forward ? 0xF5u : 0xC0u); b++)
    set_add (set, b);
}

/* the set for an escape such as \d, \p{Lu}, \. ; p points after the '\\' */
static const char *
escape_set (const char *p,
            ByteSet    *set)
{
  switch (*p)
    {
    case 'd':
      for (guint b = '0'; b <= '9'; b++)
        set_add (set, b);
      set_add_non_ascii (set);
      return p + 1;
    case 'w':
      for (guint b = 0; b < 128; b++)
        if (g_ascii_isalnum (b) || b == '_')
          set_add (set, b);
      set_add_non_ascii (set);
      return p + 1;
    case 's':
    case 'h':
    case 'v':
    case 'R':
      set_add (set, ' '), set_add (set, '\t'), set_add (set, '\n'), set_add (set, '\r');
      set_add (set, '\f'), set_add (set, '\v');
      set_add_non_ascii (set);
      return p + 1;
    case 'p':
    case 'P':
    case 'x':
    case 'u':
    case 'N':
    case 'o':
      if (p[1] == '{')
        {
          const char *e = strchr (p, '}');
          if (*p == 'p' && e != NULL)
            {
              for (guint b = 0; b < 128; b++)
                if (g_ascii_isalnum (b))
                  set_add (set, b);
              set_add_non_ascii (set);
              /* categories other than letters and numbers */
              if (!(p[2] == 'L' || p[2] == 'N'))
                set_all (set);
            }
          else
            set_all (set);
          return e ? e + 1 : p + strlen (p);
        }
      set_all (set);
      return p + 1;
    case '\0':
      set_all (set);
      return p;
    default:
      if (g_ascii_isalnum (*p))
        {
          /* \W \S \D \X, back-references and the like */
          set_all (set);
          return p + 1;
        }
      set_add_char (set, p);
      return g_utf8_next_char (p);
    }
}

typedef struct
{
  const char *p;
} LastScan;

/* What the end of a match of a (sub)pattern can look like: the last byte
 * of its last character, the last byte of the character before it, whether
 * it can be empty, whether it can be one character long. All are
 * over-approximations, so the filters built from them never reject a
 * position where the pattern matches. */
typedef struct
{
  ByteSet  last;
  ByteSet  pen;
  gboolean nullable;
  gboolean single;
} Ends;

static gboolean last_alternation (LastScan *s, Ends *ends);

static void
ends_zero_width (Ends *e)
{
  memset (e, 0, sizeof *e);
  e->nullable = TRUE;
}

/* Parses one atom (without its quantifier) */
static gboolean
last_atom (LastScan *s,
           Ends     *ends)
{
  const char *p = s->p;
  ByteSet *set = &ends->last;

  memset (ends, 0, sizeof *ends);
  ends->single = TRUE;
  switch (*p)
    {
    case '\\':
      p++;
      if (*p == 'Q')
        {
          const char *e = strstr (p, "\\E");
          const char *end = e ? e : p + strlen (p);
          const char *last = g_utf8_find_prev_char (p + 1, end);
          const char *pen = last ? g_utf8_find_prev_char (p + 1, last) : NULL;

          if (scan_forward)
            {
              /* "last" is the first character, "pen" the second */
              last = p + 1 < end ? p + 1 : NULL;
              pen = last && g_utf8_next_char (last) < end ? g_utf8_next_char (last) : NULL;
            }

          if (last == NULL)
            ends_zero_width (ends);
          else
            set_add_char (set, last);
          if (pen != NULL)
            {
              set_add_char (&ends->pen, pen);
              ends->single = FALSE;
            }
          s->p = e ? e + 2 : end;
          return TRUE;
        }
      if (strchr ("bBAzZGKE", *p) != NULL && *p != '\0')
        {
          ends_zero_width (ends);
          s->p = p + 1;
          return TRUE;
        }
      s->p = escape_set (p, set);
      return TRUE;
    case '[':
      p++;
      if (*p == '^')
        {
          set_all (set);
          p++;
        }
      if (*p == ']')
        set_add (set, ']'), p++;
      while (*p != '\0' && *p != ']')
        {
          if (*p == '\\' && p[1] != '\0')
            p = escape_set (p + 1, set);
          else if (*p == '[' && p[1] == ':')
            {
              const char *e = strstr (p, ":]");
              set_all (set);
              if (e == NULL)
                return FALSE;
              p = e + 2;
            }
          else if (p[1] == '-' && p[2] != ']' && p[2] != '\0')
            {
              guchar lo = (guchar)p[0], hi = (guchar)p[2];
              if (lo < 0x80 && hi < 0x80)
                for (guint b = lo; b <= hi; b++)
                  set_add_char (set, (const char[]){ (char)b, 0 });
              else
                set_add_non_ascii (set);
              p = g_utf8_next_char (p + 2);
            }
          else
            {
              set_add_char (set, p);
              p = g_utf8_next_char (p);
            }
        }
      if (*p != ']')
        return FALSE;
      s->p = p + 1;
      return TRUE;
    case '(':
      {
        gboolean zero = FALSE;

        switch (open_group (p + 1, &p, &zero))
          {
          case GROUP_ERROR:
            return FALSE;
          case GROUP_EMPTY:
            ends_zero_width (ends);
            s->p = p;
            return TRUE;
          case GROUP_BODY:
          default:
            break;
          }
        s->p = p;
        if (!last_alternation (s, ends) || *s->p != ')')
          return FALSE;
        s->p++;
        if (zero)
          ends_zero_width (ends);
        return TRUE;
      }
    case '^':
    case '$':
      ends_zero_width (ends);
      s->p = p + 1;
      return TRUE;
    case '.':
      set_all (set);
      s->p = p + 1;
      return TRUE;
    case '\0':
    case ')':
    case '|':
      return FALSE;
    default:
      set_add_char (set, p);
      s->p = g_utf8_next_char (p);
      return TRUE;
    }
}

static gboolean
last_sequence (LastScan *s,
               Ends     *seq)
{
  /* the sequence so far, starting empty */
  ends_zero_width (seq);

  while (*s->p != '\0' && *s->p != '|' && *s->p != ')')
    {
      Ends atom, x = *seq;
      guint64 min = 1, max = 1;
      const char *p;

      if (!last_atom (s, &atom))
        return FALSE;
      p = s->p;
      if (*p == '*')
        min = 0, max = G_MAXUINT64, p++;
      else if (*p == '+')
        max = G_MAXUINT64, p++;
      else if (*p == '?')
        min = 0, p++;
      else if (*p == '{' && g_ascii_isdigit (p[1]))
        {
          const char *e = strchr (p, '}');
          if (e != NULL)
            {
              char *end = NULL;

              min = g_ascii_strtoull (p + 1, &end, 10);
              max = min;
              if (*end == ',')
                max = end[1] == '}' ? G_MAXUINT64 : g_ascii_strtoull (end + 1, NULL, 10);
              p = e + 1;
            }
        }
      if (*p == '?' || *p == '+')
        p++;
      s->p = p;

      /* the quantified atom */
      if (max == 0)
        ends_zero_width (&atom);
      else
        {
          if (min == 0)
            atom.nullable = TRUE;
          if (max >= 2)
            set_union (&atom.pen, &atom.last);
        }

      /* the sequence x followed by the atom; looking at the start of
       * matches, the roles of x and the atom swap */
      {
        const Ends *near = scan_forward ? &x : &atom;
        const Ends *far = scan_forward ? &atom : &x;

        seq->last = near->last;
        if (near->nullable)
          set_union (&seq->last, &far->last);
        seq->pen = near->pen;
        if (near->single)
          set_union (&seq->pen, &far->last);
        if (near->nullable)
          set_union (&seq->pen, &far->pen);
      }
      seq->single = (atom.single && x.nullable) || (atom.nullable && x.single);
      seq->nullable = x.nullable && atom.nullable;
    }
  return TRUE;
}

static gboolean
last_alternation (LastScan *s,
                  Ends     *ends)
{
  if (!last_sequence (s, ends))
    return FALSE;
  while (*s->p == '|')
    {
      Ends other;

      s->p++;
      if (!last_sequence (s, &other))
        return FALSE;
      set_union (&ends->last, &other.last);
      set_union (&ends->pen, &other.pen);
      ends->nullable = ends->nullable || other.nullable;
      ends->single = ends->single || other.single;
    }
  return TRUE;
}

/* Adds to @last the bytes a match of @pattern can end with, and to @pen
 * the bytes the character before its last one can end with (any byte when
 * the match can be one character long: that character is outside it).
 * Byte 0 stands for "no character before". */
static void
add_end_bytes (const char *pattern,
               ByteSet    *last,
               ByteSet    *pen)
{
  LastScan s = { pattern };
  Ends ends;

  /* case-insensitive patterns: the other case of a non-ASCII letter ends
   * with another byte */
  if (strstr (pattern, "(?") != NULL && g_regex_match_simple ("\\(\\?[a-zA-Z-]*i", pattern, 0, 0))
    {
      set_all (last);
      set_all (pen);
      return;
    }
  if (!last_alternation (&s, &ends) || *s.p != '\0' || ends.nullable)
    {
      set_all (last);
      set_all (pen);
      return;
    }
  set_union (last, &ends.last);
  if (ends.single)
    set_all (pen);
  else
    set_union (pen, &ends.pen);
}

/* Adds to @first the first bytes of the first character of a match of
 * @pattern and to @second those of its second character (any byte, and 0
 * for "none", when the match can be one character long) */
static void
add_start_bytes (const char *pattern,
                 ByteSet    *first,
                 ByteSet    *second)
{
  scan_forward = TRUE;
  add_end_bytes (pattern, first, second);
  scan_forward = FALSE;
}

static void
add_last_bytes (const char *pattern,
                ByteSet    *set)
{
  ByteSet pen = { { 0 } };

  add_end_bytes (pattern, set, &pen);
}

/* set when a pattern could not be JIT-compiled (compiling is done under
 * the caller's lock or on one thread; see _vv_srx_new) */
static G_LOCK_DEFINE (jit_lock);
static gboolean jit_failed;

static pcre2_code *
compile_pattern (const char  *pattern,
                 guint32      options,
                 char       **message,
                 gsize       *offset)
{
  pcre2_compile_context *ctx = pcre2_compile_context_create (NULL);
  pcre2_code *code;
  int errcode = 0;
  PCRE2_SIZE erroffset = 0;

  pcre2_set_compile_extra_options (ctx, PCRE2_EXTRA_ALT_BSUX);
  code = pcre2_compile ((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                        PCRE2_UTF | PCRE2_UCP | options, &errcode, &erroffset, ctx);
  pcre2_compile_context_free (ctx);
  if (code == NULL)
    {
      PCRE2_UCHAR buffer[256];

      pcre2_get_error_message (errcode, buffer, sizeof buffer);
      *message = g_strdup ((const char *)buffer);
      *offset = erroffset;
      return NULL;
    }
  if (pcre2_jit_compile (code, PCRE2_JIT_COMPLETE) != 0)
    jit_failed = TRUE;
  return code;
}

static gsize
window_for (const char *before_pcre)
{
  gssize chars = _vv_srx_pattern_max_chars (before_pcre);

  if (chars < 0 || chars > UNBOUNDED_WINDOW_CHARS)
    chars = UNBOUNDED_WINDOW_CHARS;
  return (gsize)chars;
}

/* ---- reading the file ---------------------------------------------------- */

typedef struct
{
  char      *name;
  GPtrArray *rules;   /* VvSrxRule*, owned by this entry until copied */
} LanguageRule;

static void
language_rule_free (gpointer data)
{
  LanguageRule *lr = data;

  g_free (lr->name);
  g_ptr_array_unref (lr->rules);
  g_free (lr);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, (const xmlChar *)name) == 0;
}

static xmlNode *
child_element (xmlNode    *parent,
               const char *name)
{
  for (xmlNode *n = parent->children; n != NULL; n = n->next)
    if (is_element (n, name))
      return n;
  return NULL;
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy = value ? g_strdup ((const char *)value) : NULL;

  xmlFree (value);
  return copy;
}

static char *
element_text (xmlNode *node)
{
  xmlChar *value;
  char *copy;

  if (node == NULL)
    return g_strdup ("");
  value = xmlNodeGetContent (node);
  copy = g_strdup (value ? (const char *)value : "");
  xmlFree (value);
  return copy;
}

static char *
comment_before (xmlNode *rule)
{
  for (xmlNode *n = rule->prev; n != NULL; n = n->prev)
    {
      if (n->type == XML_COMMENT_NODE)
        return g_strstrip (element_text (n));
      if (n->type == XML_ELEMENT_NODE)
        break;
    }
  return NULL;
}

static gboolean
language_matches (const char *pattern,
                  const char *language)
{
  g_autofree char *anchored = g_strdup_printf ("^(?:%s)$", pattern);

  return g_regex_match_simple (anchored, language, G_REGEX_CASELESS, 0);
}

/* Bytes a match of the afterbreak @java can start with, from PCRE2's own
 * analysis of the unanchored pattern (every byte when it has none). */
static void
first_bytes (const char *java,
             ByteSet    *set)
{
  g_autoptr(GString) pattern = g_string_new (NULL);
  g_autofree char *message = NULL;
  pcre2_code *code;
  const guint8 *bitmap = NULL;
  guint32 type = 0, unit = 0;
  gsize offset;

  set_all (set);
  if (!_vv_srx_translate_regex (java, pattern, NULL) || pattern->len == 0)
    return;
  code = compile_pattern (pattern->str, 0, &message, &offset);
  if (code == NULL)
    return;
  pcre2_pattern_info (code, PCRE2_INFO_FIRSTCODETYPE, &type);
  pcre2_pattern_info (code, PCRE2_INFO_FIRSTBITMAP, &bitmap);
  if (type == 1)
    {
      pcre2_pattern_info (code, PCRE2_INFO_FIRSTCODEUNIT, &unit);
      memset (set, 0, sizeof *set);
      set_add (set, unit & 0xff);
      if (g_ascii_isalpha (unit))
        set_add (set, g_ascii_tolower (unit)), set_add (set, g_ascii_toupper (unit));
    }
  else if (bitmap != NULL)
    memcpy (set->bits, bitmap, sizeof set->bits);
  pcre2_code_free (code);
}

/* Whether a pattern is one character class decided exactly, for an ASCII
 * character, without PCRE2: \s, \s+, \h (afterbreak: returns 's' or
 * 'h') or a bracket class of plain characters such as "[.?!…]"
 * (beforebreak: the byte table of its last bytes is exact for ASCII). */
static int
is_simple_class (const char *java,
                 gboolean    after)
{
  if (after)
    return strcmp (java, "\\h") == 0 ? 'h'
           : strcmp (java, "\\s") == 0 || strcmp (java, "\\s+") == 0 ? 's' : 0;
  return g_regex_match_simple ("^\\[[^\\\\\\[\\]^\\-]+\\]$", java, 0, 0);
}

static gboolean
compile_rules (VvSrx       *self,
               const char  *source_name,
               GError     **error)
{
  guint n = self->rules->len;
  GArray *groups = g_array_new (FALSE, TRUE, sizeof (Group));

  self->codes = g_new0 (RuleCode, n);

  for (guint i = 0; i < n; i++)
    {
      VvSrxRule *rule = g_ptr_array_index (self->rules, i);
      g_autoptr(GString) before = g_string_new (NULL);
      g_autoptr(GString) after = g_string_new (NULL);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *message = NULL;
      g_autofree char *pattern = NULL;
      const char *which = "beforebreak";
      const char *text = rule->before;
      gsize offset = 0;

      if (!_vv_srx_translate_regex (rule->before, before, &local_error))
        goto regex_error;
      which = "afterbreak";
      text = rule->after;
      if (!_vv_srx_translate_regex (rule->after, after, &local_error))
        goto regex_error;

      /* per-rule codes: (?:B)\z on the text cut at the candidate, A anchored */
      which = "beforebreak";
      text = rule->before;
      if (before->len > 0)
        {
          /* the rule alone first, so that messages point into it */
          pcre2_code *alone = compile_pattern (before->str, 0, &message, &offset);

          if (alone == NULL)
            goto regex_error;
          pcre2_code_free (alone);
          pattern = g_strdup_printf ("(?:%s)\\z", before->str);
          self->codes[i].before = compile_pattern (pattern, 0, &message, &offset);
          if (self->codes[i].before == NULL)
            {
              /* the offset is in our wrapped pattern; point into the rule's */
              offset = offset > 3 ? offset - 3 : 0;
              goto regex_error;
            }
          self->codes[i].window = window_for (before->str);
          g_clear_pointer (&pattern, g_free);
        }
      which = "afterbreak";
      text = rule->after;
      if (after->len > 0)
        {
          self->codes[i].after = compile_pattern (after->str, PCRE2_ANCHORED, &message, &offset);
          if (self->codes[i].after == NULL)
            goto regex_error;
        }

      if (rule->is_break)
        add_last_bytes (before->str, &self->last_bytes);
      continue;

    regex_error:
      if (local_error != NULL)
        g_set_error (error, VV_SEGMENTER_ERROR, VV_SEGMENTER_ERROR_REGEX,
                     _("“%s”: rule %u of “%s”, %s “%s”: %s"),
                     source_name, rule->number, rule->language_rule, which, text,
                     local_error->message);
      else
        g_set_error (error, VV_SEGMENTER_ERROR, VV_SEGMENTER_ERROR_REGEX,
                     _("“%s”: rule %u of “%s”, %s “%s”: invalid regular expression: %s (at character %u)"),
                     source_name, rule->number, rule->language_rule, which, text,
                     message, (guint)offset);
      g_array_unref (groups);
      return FALSE;
    }

  /* merge runs of rules with the same break value and afterbreak; a rule
   * with a back-reference keeps its own group (its numbers would shift) */
  for (guint i = 0; i < n;)
    {
      VvSrxRule *first = g_ptr_array_index (self->rules, i);
      g_autoptr(GString) alternation = g_string_new (NULL);
      gboolean empty_before = FALSE;
      Group group = { 0 };
      guint j = i;

      group.first_rule = i;
      group.is_break = first->is_break;
      first_bytes (first->after, &group.after_first);
      {
        g_autoptr(GString) after = g_string_new (NULL);
        ByteSet unused = { { 0 } };

        if (_vv_srx_translate_regex (first->after, after, NULL) && after->len > 0)
          add_start_bytes (after->str, &unused, &group.after_second);
        else
          set_all (&group.after_second);
      }
      while (j < n)
        {
          VvSrxRule *rule = g_ptr_array_index (self->rules, j);
          g_autoptr(GString) before = g_string_new (NULL);
          gboolean backref = strstr (rule->before, "\\k") != NULL ||
                             g_regex_match_simple ("\\\\[1-9]", rule->before, 0, 0);

          /* a rule decided by the byte tables alone stays alone */
          if (j > i && (rule->is_break != first->is_break || strcmp (rule->after, first->after) != 0 ||
                        backref || is_simple_class (rule->before, FALSE) ||
                        is_simple_class (first->before, FALSE)))
            break;
          _vv_srx_translate_regex (rule->before, before, NULL);
          if (before->len == 0)
            empty_before = TRUE;
          add_end_bytes (before->str, &group.before_last, &group.before_pen);
          if (alternation->len > 0)
            g_string_append_c (alternation, '|');
          g_string_append_printf (alternation, "(?:%s)", before->str);
          group.window = MAX (group.window, self->codes[j].window);
          j++;
          if (backref)
            break;
        }
      group.n_rules = j - i;
      if (group.n_rules == 1)
        {
          group.before = self->codes[i].before ? pcre2_code_copy_with_tables (self->codes[i].before) : NULL;
          if (group.before && pcre2_jit_compile (group.before, PCRE2_JIT_COMPLETE) != 0)
            jit_failed = TRUE;
        }
      else if (!empty_before)
        {
          g_autofree char *pattern = g_strdup_printf ("(?:%s)\\z", alternation->str);
          g_autofree char *message = NULL;
          gsize offset;

          group.before = compile_pattern (pattern, 0, &message, &offset);
          if (group.before == NULL)
            {
              /* cannot happen for rules that compiled one by one; keep them apart */
              group.n_rules = 1;
              j = i + 1;
              group.before = self->codes[i].before ? pcre2_code_copy_with_tables (self->codes[i].before) : NULL;
              if (group.before && pcre2_jit_compile (group.before, PCRE2_JIT_COMPLETE) != 0)
                jit_failed = TRUE;
              group.window = self->codes[i].window;
            }
        }
      if (self->codes[i].after != NULL)
        {
          group.after = pcre2_code_copy_with_tables (self->codes[i].after);
          if (pcre2_jit_compile (group.after, PCRE2_JIT_COMPLETE) != 0)
            jit_failed = TRUE;
        }
      group.after_exact = is_simple_class (first->after, TRUE);
      group.before_exact = group.n_rules == 1 && is_simple_class (first->before, FALSE);
      g_array_append_val (groups, group);
      i = j;
    }

  self->n_groups = groups->len;
  self->groups = (Group *)g_array_free (groups, FALSE);
  return TRUE;
}

VvSrx *
_vv_srx_new (GBytes      *xml,
             const char  *source_name,
             const char  *language,
             GError     **error)
{
  g_autoptr(GString) xml_error = g_string_new (NULL);
  g_autoptr(GPtrArray) language_rules = g_ptr_array_new_with_free_func (language_rule_free);
  g_autoptr(VvSrx) self = NULL;
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  xmlNode *root, *header, *body, *node;
  gboolean cascade = FALSE;
  gboolean matched = FALSE;
  gsize size;
  const char *data = g_bytes_get_data (xml, &size);

  ctxt = xmlNewParserCtxt ();
  doc = xmlCtxtReadMemory (ctxt, data ? data : "", (int)MIN (size, G_MAXINT), source_name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (doc == NULL)
    {
      xmlErrorPtr xerror = xmlCtxtGetLastError (ctxt);

      if (xerror != NULL && xerror->message != NULL)
        {
          /* libxml2 quotes the offending bytes, which need not be UTF-8 */
          g_autofree char *valid = g_utf8_make_valid (xerror->message, -1);

          g_string_printf (xml_error, _("line %d: %s"), xerror->line, valid);
        }
      g_strstrip (xml_error->str);
      xml_error->len = strlen (xml_error->str);
    }
  xmlFreeParserCtxt (ctxt);
  if (doc == NULL)
    {
      g_set_error (error, VV_SEGMENTER_ERROR, VV_SEGMENTER_ERROR_XML,
                   _("“%s” is not well-formed XML (%s)"), source_name,
                   xml_error->len ? xml_error->str : _("empty document"));
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  body = root && is_element (root, "srx") ? child_element (root, "body") : NULL;
  if (body == NULL)
    {
      g_set_error (error, VV_SEGMENTER_ERROR, VV_SEGMENTER_ERROR_FORMAT,
                   _("“%s” is not an SRX file (no <srx> root with a <body>)"), source_name);
      xmlFreeDoc (doc);
      return NULL;
    }
  header = child_element (root, "header");
  if (header != NULL)
    {
      g_autofree char *value = prop (header, "cascade");
      cascade = g_strcmp0 (value, "yes") == 0;
    }

  node = child_element (body, "languagerules");
  for (xmlNode *lr_node = node ? node->children : NULL; lr_node != NULL; lr_node = lr_node->next)
    {
      LanguageRule *lr;
      guint number = 0;

      if (!is_element (lr_node, "languagerule"))
        continue;
      lr = g_new0 (LanguageRule, 1);
      lr->name = prop (lr_node, "languagerulename");
      if (lr->name == NULL)
        lr->name = g_strdup ("");
      lr->rules = g_ptr_array_new_with_free_func (rule_free);
      g_ptr_array_add (language_rules, lr);

      for (xmlNode *r = lr_node->children; r != NULL; r = r->next)
        {
          VvSrxRule *rule;
          g_autofree char *brk = NULL;

          if (!is_element (r, "rule"))
            continue;
          brk = prop (r, "break");
          rule = g_new0 (VvSrxRule, 1);
          rule->language_rule = g_strdup (lr->name);
          rule->number = ++number;
          rule->is_break = brk == NULL || strcmp (brk, "no") != 0;
          rule->before = element_text (child_element (r, "beforebreak"));
          rule->after = element_text (child_element (r, "afterbreak"));
          rule->comment = comment_before (r);
          g_ptr_array_add (lr->rules, rule);
        }
    }

  self = g_new0 (VvSrx, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->rules = g_ptr_array_new_with_free_func (rule_free);

  node = child_element (body, "maprules");
  for (xmlNode *map = node ? node->children : NULL; map != NULL; map = map->next)
    {
      g_autofree char *pattern = NULL;
      g_autofree char *name = NULL;
      LanguageRule *lr = NULL;

      if (!is_element (map, "languagemap"))
        continue;
      pattern = prop (map, "languagepattern");
      name = prop (map, "languagerulename");
      for (guint i = 0; i < language_rules->len; i++)
        {
          LanguageRule *candidate = g_ptr_array_index (language_rules, i);
          if (g_strcmp0 (candidate->name, name) == 0)
            lr = candidate;
        }
      if (lr == NULL)
        {
          g_set_error (error, VV_SEGMENTER_ERROR, VV_SEGMENTER_ERROR_FORMAT,
                       _("“%s”: the language map for “%s” names a language rule “%s” that does not exist"),
                       source_name, pattern ? pattern : "", name ? name : "");
          xmlFreeDoc (doc);
          return NULL;
        }
      if (pattern == NULL || !language_matches (pattern, language))
        continue;
      matched = TRUE;
      for (guint i = 0; i < lr->rules->len; i++)
        {
          VvSrxRule *src = g_ptr_array_index (lr->rules, i);
          VvSrxRule *copy = g_new0 (VvSrxRule, 1);

          *copy = *src;
          copy->language_rule = g_strdup (src->language_rule);
          copy->before = g_strdup (src->before);
          copy->after = g_strdup (src->after);
          copy->comment = g_strdup (src->comment);
          g_ptr_array_add (self->rules, copy);
        }
      if (!cascade)
        break;
    }
  xmlFreeDoc (doc);

  if (!matched)
    {
      g_set_error (error, VV_SEGMENTER_ERROR, VV_SEGMENTER_ERROR_LANGUAGE,
                   _("“%s” has no rules for the language “%s”"), source_name, language);
      return NULL;
    }

  G_LOCK (jit_lock);
  jit_failed = FALSE;
  if (!compile_rules (self, source_name, error))
    {
      G_UNLOCK (jit_lock);
      return NULL;
    }
  self->jit = !jit_failed;
  G_UNLOCK (jit_lock);

  return g_steal_pointer (&self);
}

VvSrx *
_vv_srx_ref (VvSrx *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
_vv_srx_unref (VvSrx *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  if (self->codes != NULL)
    for (guint i = 0; i < self->rules->len; i++)
      {
        pcre2_code_free (self->codes[i].before);
        pcre2_code_free (self->codes[i].after);
      }
  for (guint i = 0; i < self->n_groups; i++)
    {
      pcre2_code_free (self->groups[i].before);
      pcre2_code_free (self->groups[i].after);
    }

  g_free (self->codes);
  g_free (self->groups);
  g_ptr_array_unref (self->rules);
  g_free (self);
}

/* For tests: with @no_shortcuts every position between two characters is a
 * candidate and every rule is matched by PCRE2, without the byte tables */
void
_vv_srx_set_no_shortcuts (VvSrx    *self,
                          gboolean  no_shortcuts)
{
  self->no_shortcuts = no_shortcuts;
}

guint
_vv_srx_get_n_rules (VvSrx *self)
{
  return self->rules->len;
}

const VvSrxRule *
_vv_srx_get_rule (VvSrx *self,
                  guint  index)
{
  g_return_val_if_fail (index < self->rules->len, NULL);
  return g_ptr_array_index (self->rules, index);
}

/* ---- matching ------------------------------------------------------------ */

static inline gboolean
match_at (const VvSrx      *self,
          const pcre2_code *code,
          const char       *text,
          gsize             length,
          gsize             start,
          pcre2_match_data *md)
{
  if (G_LIKELY (self->jit))
    return pcre2_jit_match (code, (PCRE2_SPTR)text, length, start, 0, md, NULL) >= 0;
  return pcre2_match (code, (PCRE2_SPTR)text, length, start, PCRE2_NO_UTF_CHECK, md, NULL) >= 0;
}

static inline gboolean
before_matches (const VvSrx      *self,
                const pcre2_code *code,
                gsize             window,
                const char       *text,
                gsize             pos,
                pcre2_match_data *md)
{
  gsize start;

  if (code == NULL)
    return TRUE;
  /* step back @window characters */
  start = pos;
  for (gsize n = 0; n < window && start > 0; n++)
    {
      start--;
      while (start > 0 && ((guchar)text[start] & 0xC0) == 0x80)
        start--;
    }
  return match_at (self, code, text, pos, start, md);
}

static inline gboolean
after_matches (const VvSrx      *self,
               const pcre2_code *code,
               const char       *text,
               gsize             length,
               gsize             pos,
               pcre2_match_data *md)
{
  if (code == NULL)
    return TRUE;
  return match_at (self, code, text, length, pos, md);
}

/* Index of the first group that matches at pos, or -1 */
static int
decide (VvSrx            *self,
        const char       *text,
        gsize             length,
        gsize             pos,
        pcre2_match_data *md)
{
  guchar next = (guchar)text[pos];
  guchar prev = (guchar)text[pos - 1];
  guchar pen;
  gsize q = pos - 1;

  guchar second;

  /* last byte of the character before the previous one (0: none) */
  while (q > 0 && ((guchar)text[q] & 0xC0) == 0x80)
    q--;
  pen = q > 0 ? (guchar)text[q - 1] : 0;
  /* first byte of the character after the next one (0: none) */
  q = g_utf8_next_char (text + pos) - text;
  second = q < length ? (guchar)text[q] : 0;

  for (guint g = 0; g < self->n_groups; g++)
    {
      const Group *group = &self->groups[g];

      if (G_UNLIKELY (self->no_shortcuts))
        {
          if (after_matches (self, group->after, text, length, pos, md) &&
              before_matches (self, group->before, group->window, text, pos, md))
            return (int)g;
          continue;
        }
      if (!set_has (&group->after_first, next) || !set_has (&group->before_last, prev) ||
          !set_has (&group->before_pen, pen) || !set_has (&group->after_second, second))
        continue;
      if (group->after_exact && next < 0x80)
        {
          /* \s: ASCII white space; \h: space or tab */
          if (group->after_exact == 'h' ? !(next == ' ' || next == '\t') : !g_ascii_isspace (next))
            continue;
        }
      else if (!after_matches (self, group->after, text, length, pos, md))
        continue;
      if (!(group->before_exact && prev < 0x80) &&
          !before_matches (self, group->before, group->window, text, pos, md))
        continue;
      return (int)g;
    }
  return -1;
}

typedef void (*CandidateFunc) (VvSrx            *self,
                               const char       *text,
                               gsize             length,
                               gsize             pos,
                               pcre2_match_data *md,
                               gpointer          user_data);

/* Calls func at every position where a break rule's beforebreak can end
 * (a byte scan over a 256-bit table), except the start and the end. */
static void
foreach_candidate (VvSrx         *self,
                   const char    *text,
                   gsize          length,
                   CandidateFunc  func,
                   gpointer       user_data)
{
  pcre2_match_data *md = pcre2_match_data_create (1, NULL);
  const guchar *t = (const guchar *)text;
  const ByteSet *set = &self->last_bytes;

  for (gsize i = 0; i + 1 < length; i++)
    {
      if (G_LIKELY (!set_has (set, t[i])) && !self->no_shortcuts)
        continue;
      /* only between characters */
      if ((t[i + 1] & 0xC0) == 0x80)
        continue;
      func (self, text, length, i + 1, md, user_data);
    }
  pcre2_match_data_free (md);
}

static void
add_break (VvSrx            *self,
           const char       *text,
           gsize             length,
           gsize             pos,
           pcre2_match_data *md,
           gpointer          user_data)
{
  int g = decide (self, text, length, pos, md);

  if (g >= 0 && self->groups[g].is_break)
    g_array_append_val ((GArray *)user_data, pos);
}

/**
 * _vv_srx_breaks:
 * @text: valid UTF-8
 * @breaks: (element-type gsize): where to append the break offsets, in order
 */
void
_vv_srx_breaks (VvSrx      *self,
                const char *text,
                gsize       length,
                GArray     *breaks)
{
  foreach_candidate (self, text, length, add_break, breaks);
}

static void
add_decision (VvSrx            *self,
              const char       *text,
              gsize             length,
              gsize             pos,
              pcre2_match_data *md,
              gpointer          user_data)
{
  int g = decide (self, text, length, pos, md);
  VvSrxDecision decision;

  if (g < 0)
    return;
  decision.offset = pos;
  decision.is_break = self->groups[g].is_break;
  decision.rule = self->groups[g].first_rule;
  /* which rule of the merged group it was */
  for (guint r = self->groups[g].first_rule;
       r < self->groups[g].first_rule + self->groups[g].n_rules; r++)
    if (before_matches (self, self->codes[r].before, self->codes[r].window, text, pos, md))
      {
        decision.rule = r;
        break;
      }
  g_array_append_val ((GArray *)user_data, decision);
}

/**
 * _vv_srx_explain:
 *
 * Returns: (element-type VvSrxDecision): every candidate position where a
 *   rule decided, with the rule and its verdict
 */
GArray *
_vv_srx_explain (VvSrx      *self,
                 const char *text,
                 gsize       length)
{
  GArray *decisions = g_array_new (FALSE, FALSE, sizeof (VvSrxDecision));

  foreach_candidate (self, text, length, add_decision, decisions);
  return decisions;
}
