/* vv-import-text.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vv-block.h"
#include "vv-boilerplate.h"
#include "vv-document.h"
#include "vv-import-private.h"
#include "vv-importer.h"
#include "vv-utils.h"

/* Plain text as people bring it: copied from a news site (one paragraph a
 * line, with the site's furniture around the article) or hard-wrapped like
 * an e-mail. The text is cut into units (a line, or the wrapped lines of a
 * paragraph), each unit is classified on its own by vv-boilerplate, then
 * the neighbours decide what the classifier cannot: the title, headings,
 * photo captions, interview questions and the site slogan or menu that
 * sits after the article's last paragraph. */

/* Headings and captions are short */
#define HEADING_MAX_CHARS 120
#define HEADING_MAX_WORDS 16
/* A title longer than this is a paragraph: the file has no title line */
#define TITLE_MAX_CHARS 250
/* Interview questions can be longer than headings */
#define QUESTION_MAX_CHARS 320
/* What a label ("À lire aussi") takes along on the next line */
#define LABEL_TARGET_MAX_CHARS 200

typedef struct
{
  char              *text;
  guint              group;      /* paragraphs separated by blank lines */
  VvBlockKind        kind;
  VvBoilerplateKind  boilerplate;
  VvBoilerplateHints hints;
  guint              list_item : 1;
  guint              quote : 1;
  guint              heading_like : 1;
  guint              trimmed : 1;    /* outside the article of a whole-page copy */
} Unit;

static void
unit_clear (Unit *unit)
{
  g_free (unit->text);
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F && c != 0xFEFF)
        return FALSE;
    }
  return TRUE;
}

/* Length of a list marker ("- ", "• ", "3. ", "2) ") at the start of @line */
static gsize
list_marker_length (const char *line)
{
  const char *p = line;
  gunichar c = g_utf8_get_char (p);

  if (c == '-' || c == '*' || c == '+' || c == 0x2022 || c == 0x25E6 || c == 0x25AA || c == 0x00B7)
    p = g_utf8_next_char (p);
  else if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p) && p - line < 3)
        p++;
      if (*p != '.' && *p != ')')
        return 0;
      p++;
    }
  else
    return 0;

  if (*p != ' ' && *p != '\t')
    return 0;
  while (*p == ' ' || *p == '\t')
    p++;
  return *p != '\0' ? (gsize)(p - line) : 0;
}

static gunichar
last_char (const char *text)
{
  gsize len = strlen (text);
  return len > 0 ? g_utf8_get_char (g_utf8_find_prev_char (text, text + len)) : 0;
}

static gboolean
ends_with_terminal (const char *text)
{
  gunichar c = last_char (text);
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';';
}

/* Short, no sentence-final punctuation, starts like a title */
static gboolean
looks_like_heading (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  gunichar last = last_char (text);

  guint n_words;

  if (_vv_import_strlen_upto (text, HEADING_MAX_CHARS) > HEADING_MAX_CHARS)
    return FALSE;
  n_words = vv_count_words (text);
  if (n_words == 0 || n_words > HEADING_MAX_WORDS)
    return FALSE;
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == 0x2026)
    return FALSE;
  return g_unichar_isupper (first) || g_unichar_isdigit (first) || first == 0x00AB ||
         first == '"' || first == 0x201C || first == '\'';
}

/* "International", "Entretien", "Faits divers": one or two words that do
 * not start like a phrase ("Un titre") */
static gboolean
looks_like_rubric (const char *text)
{
  static const char * const determiners[] = {
    "un ", "une ", "le ", "la ", "les ", "des ", "du ", "l'", "l\u2019", "ce ", "cette ", "mon ", "notre ", NULL
  };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  if (vv_count_words (text) > 2)
    return FALSE;
  for (guint i = 0; determiners[i] != NULL; i++)
    if (g_str_has_prefix (lower, determiners[i]))
      return FALSE;
  return TRUE;
}

/* A headline: four words or more, one sentence, no question */
static gboolean
looks_like_title (const char *text)
{
  gunichar last = last_char (text);

  if (!looks_like_heading (text) || vv_count_words (text) < 4 || last == '?' || last == '!')
    return FALSE;
  return strstr (text, ". ") == NULL && strstr (text, "! ") == NULL && strstr (text, "? ") == NULL;
}

static gboolean
ends_with_question (const char *text)
{
  gsize len = strlen (text);

  /* A closing quote may follow the question mark */
  while (len > 0)
    {
      const char *prev = g_utf8_find_prev_char (text, text + len);
      gunichar c = g_utf8_get_char (prev);

      if (c == '?')
        return TRUE;
      if (c != 0x00BB && c != '"' && c != 0x201D && c != ' ' && c != 0x00A0 && c != 0x202F)
        return FALSE;
      len = prev - text;
    }
  return FALSE;
}

/* Whether the document is hard-wrapped: most of its long lines stop
 * short of 100 characters and some paragraphs span three lines or more */
static gboolean
is_hard_wrapped (char  **lines,
                 guint   n_lines,
                 glong  *width)
{
  guint n_long = 0, n_short_enough = 0, run = 0;
  gboolean tall_paragraph = FALSE;

  *width = 0;
  for (guint i = 0; i < n_lines; i++)
    {
      glong len = _vv_import_strlen_upto (lines[i], 100);

      run = is_blank (lines[i]) ? 0 : run + 1;
      tall_paragraph |= run >= 3;
      if (len < 40)
        continue;
      n_long++;
      if (len <= 100)
        {
          n_short_enough++;
          *width = MAX (*width, len);
        }
    }

  return tall_paragraph && n_long >= 3 && n_short_enough * 10 >= n_long * 8;
}

static void
add_unit (GArray             *units,
          const char         *text,
          guint               group,
          gboolean            list_item,
          gboolean            quote,
          gboolean            classified,
          VvBoilerplateKind   boilerplate,
          VvBoilerplateHints  hints)
{
  Unit unit = { 0 };

  unit.text = _vv_import_strip (text);
  if (*unit.text == '\0')
    {
      g_free (unit.text);
      return;
    }
  unit.group = group;
  unit.kind = VV_BLOCK_KIND_PARAGRAPH;
  unit.list_item = list_item;
  unit.quote = quote;
  if (classified)
    {
      unit.boilerplate = boilerplate;
      unit.hints = hints;
    }
  else
    unit.boilerplate = vv_boilerplate_classify_line (unit.text, &unit.hints);
  unit.heading_like = !list_item && !quote && looks_like_heading (unit.text);
  g_array_append_val (units, unit);
}

/* Cuts the lines of one blank-line-separated group into units */
static void
split_group (GArray  *units,
             char   **lines,
             guint    first,
             guint    last,
             guint    group,
             gboolean wrapped,
             glong    width)
{
  GString *current = g_string_new (NULL);
  gboolean current_quote = FALSE;
  gboolean joined = FALSE;      /* current holds one classified line only when FALSE */

#define FLUSH() G_STMT_START { \
    if (current->len > 0) \
      add_unit (units, current->str, group, FALSE, current_quote, \
                !joined, VV_BOILERPLATE_NONE, VV_BOILERPLATE_HINT_NONE); \
    g_string_truncate (current, 0); \
    current_quote = FALSE; \
    joined = FALSE; \
  } G_STMT_END

  for (guint i = first; i < last; i++)
    {
      g_autofree char *line = _vv_import_strip (lines[i]);
      gsize marker = list_marker_length (line);
      gboolean quote = g_str_has_prefix (line, ">");
      const char *body = line;
      VvBoilerplateKind boilerplate;
      VvBoilerplateHints hints;
      gunichar first_char;

      if (quote)
        {
          body = line + 1;
          while (*body == ' ')
            body++;
        }

      /* List items and boilerplate lines always stand alone */
      if (marker > 0)
        {
          FLUSH ();
          add_unit (units, line + marker, group, TRUE, FALSE, FALSE, 0, 0);
          continue;
        }
      boilerplate = vv_boilerplate_classify_line (body, &hints);
      if (boilerplate != VV_BOILERPLATE_NONE)
        {
          FLUSH ();
          add_unit (units, body, group, FALSE, quote, TRUE, boilerplate, hints);
          continue;
        }

      /* In wrapped text, a short heading-like line opens no paragraph */
      if (wrapped && current->len == 0 && looks_like_heading (body) &&
          _vv_import_strlen_upto (body, width) < width * 6 / 10)
        {
          add_unit (units, body, group, FALSE, quote, TRUE, VV_BOILERPLATE_NONE, VV_BOILERPLATE_HINT_NONE);
          continue;
        }

      first_char = g_utf8_get_char (body);
      if (current->len > 0 && quote == current_quote &&
          (wrapped || g_unichar_islower (first_char)))
        {
          g_string_append_c (current, ' ');
          joined = TRUE;
        }
      else
        FLUSH ();
      g_string_append (current, body);
      current_quote = quote;

      /* In wrapped text, a short line that ends a sentence ends the paragraph */
      if (wrapped && ends_with_terminal (body) && _vv_import_strlen_upto (body, width) < width * 6 / 10)
        FLUSH ();
    }
  FLUSH ();
#undef FLUSH

  g_string_free (current, TRUE);
}

static gboolean
is_boilerplate (const Unit *unit)
{
  return unit->kind == VV_BLOCK_KIND_BOILERPLATE;
}

static void
mark_boilerplate (Unit              *unit,
                  VvBoilerplateKind  why)
{
  unit->kind = VV_BLOCK_KIND_BOILERPLATE;
  if (unit->boilerplate == VV_BOILERPLATE_NONE)
    unit->boilerplate = why;
}

/* A body unit: a real paragraph (or list item) of the article */
static gboolean
is_body (const Unit *unit)
{
  return (unit->kind == VV_BLOCK_KIND_PARAGRAPH && !unit->heading_like) ||
         unit->kind == VV_BLOCK_KIND_LIST_ITEM || unit->kind == VV_BLOCK_KIND_QUOTE;
}

/* The text of a caption line without its trailing credit ("Source: X") */
static char *
strip_credit (const char *text)
{
  static const char * const markers[] = {
    "source", "sources", "crédit", "crédits", "credit", "photo", "photos", "©", NULL
  };
  g_autofree char *folded = g_utf8_casefold (text, -1);
  const char *cut = NULL;

  /* casefold keeps the byte offsets of these ASCII and Latin-1 words
   * only when the text before them folds to the same length; compare in
   * the folded copy and cut the folded copy */
  for (guint i = 0; markers[i] != NULL; i++)
    {
      const char *p = folded;
      const char *found;

      while ((found = strstr (p, markers[i])) != NULL)
        {
          if ((found == folded || found[-1] == ' ' || found[-1] == '(') && (cut == NULL || found > cut))
            cut = found;
          p = found + 1;
        }
    }

  if (cut == NULL)
    return g_strdup (folded);

  while (cut > folded && (cut[-1] == ' ' || cut[-1] == '('))
    cut--;
  return g_strndup (folded, cut - folded);
}

/* Whether @text is the title again (an image's alternative text, a
 * repeated header): @title_norm is the title through vv_boilerplate_normalize() */
static gboolean
is_title_again (const char *text,
                const char *title_norm)
{
  gsize len = strlen (text), title_len;
  g_autofree char *norm = NULL;

  if (title_norm == NULL || *title_norm == '\0')
    return FALSE;
  title_len = strlen (title_norm);
  if (len * 10 < title_len * 7 || len * 10 > title_len * 15)
    return FALSE;
  norm = vv_boilerplate_normalize (text, TRUE);
  return norm != NULL && strcmp (norm, title_norm) == 0;
}

/* Whole-page copies (Ctrl+A in a browser) */
#define PAGE_MIN_UNITS 30
#define BODY_MIN_WORDS 15
#define BODY_MAX_GAP 3
#define TITLE_WINDOW 25

/* Words, counting each Chinese, Japanese or Korean character as one (those
 * scripts put no spaces between words) */
static guint
text_weight (const char *text)
{
  guint n = vv_count_words (text);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x2E80)
        continue;
      switch ((int)g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_HAN:
        case G_UNICODE_SCRIPT_HIRAGANA:
        case G_UNICODE_SCRIPT_KATAKANA:
        case G_UNICODE_SCRIPT_HANGUL:
          n++;
          break;
        default:
          break;
        }
    }
  return n;
}

/* Teasers for other articles end with an ellipsis ("… Lire la suite",
 * "Mehr…"): they are not the article's paragraphs */
static gboolean
is_teaser (const char *text)
{
  gsize len = strlen (text);

  return last_char (text) == 0x2026 || (len >= 3 && strcmp (text + len - 3, "...") == 0) ||
         g_str_has_suffix (text, "Lire la suite") || g_str_has_suffix (text, "Read more");
}

static gboolean
is_body_candidate (const Unit *unit)
{
  return unit->kind == VV_BLOCK_KIND_PARAGRAPH && text_weight (unit->text) >= BODY_MIN_WORDS &&
         !is_teaser (unit->text);
}

/* A shorter paragraph that still reads like running text */
static gboolean
is_prose (const Unit *unit)
{
  gunichar last = last_char (unit->text);

  return unit->kind == VV_BLOCK_KIND_PARAGRAPH && text_weight (unit->text) >= 8 &&
         (ends_with_terminal (unit->text) || last == 0x3002 || last == 0xFF01 || last == 0xFF1F);
}

/* Content words (four letters or more), lower case */
static void
add_words (GHashTable *set,
           const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *start = NULL;

  for (const char *p = lower;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          if (start == NULL)
            start = p;
          continue;
        }
      if (start != NULL && g_utf8_strlen (start, p - start) >= 4)
        g_hash_table_add (set, g_strndup (start, p - start));
      start = NULL;
      if (c == 0)
        break;
    }
}

/* The share of a candidate title's content words that the article uses */
static double
title_score (const char *text,
             GHashTable *article_words)
{
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer word;
  guint found = 0;

  add_words (words, text);
  if (g_hash_table_size (words) == 0)
    return 0;
  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    found += g_hash_table_contains (article_words, word);
  return (double)found / g_hash_table_size (words);
}

typedef struct
{
  guint start, end;
  guint words;
} Cluster;

#define MERGE_MIN_WORDS 30
#define PAGE_MIN_SHARE 25   /* per cent of the page's prose in the article */
#define MERGE_MAX_GAP 12

/* Whether the units in [start, end) may sit inside an article */
static gboolean
gap_is_clean (const Unit *u,
              guint       start,
              guint       end)
{
  if (end - start > MERGE_MAX_GAP)
    return FALSE;
  for (guint i = start; i < end; i++)
    if (u[i].boilerplate != VV_BOILERPLATE_NONE)
      return FALSE;
  return TRUE;
}

/* A copy of a whole page is mostly menu lines around one run of long
 * paragraphs. Find that run (the one with the most words, allowing a few
 * short lines between paragraphs), take as title the headline before it
 * whose words the article uses most, and flag everything outside. */
static void
trim_page (Unit  *u,
           guint  n)
{
  g_autoptr(GArray) clusters = NULL;
  g_autoptr(GHashTable) article_words = NULL;
  Cluster *c;
  guint n_short = 0, best = 0, first, last;
  gint best_start, best_end, title = -1;
  double best_score = 0;

  for (guint i = 0; i < n; i++)
    n_short += text_weight (u[i].text) <= 4;
  if (n < PAGE_MIN_UNITS || n_short * 2 < n)
    return;

  clusters = g_array_new (FALSE, FALSE, sizeof (Cluster));
  for (guint i = 0; i < n;)
    {
      Cluster cluster = { i, i, 0 };
      guint gap = 0;

      if (!is_body_candidate (&u[i]))
        {
          i++;
          continue;
        }
      for (guint j = i; j < n; j++)
        {
          if (is_body_candidate (&u[j]) || is_prose (&u[j]))
            {
              cluster.end = j;
              cluster.words += text_weight (u[j].text);
              gap = 0;
            }
          else if (u[j].kind != VV_BLOCK_KIND_LIST_ITEM && ++gap > BODY_MAX_GAP)
            break;
        }
      g_array_append_val (clusters, cluster);
      i = cluster.end + 1;
    }
  if (clusters->len == 0)
    return;

  c = (Cluster *)clusters->data;
  for (guint i = 1; i < clusters->len; i++)
    if (c[i].words > c[best].words)
      best = i;

  /* Sections of one article (Wikipedia, a weekly's many short pieces) are
   * separated by headings, lists and tables: take in neighbouring runs
   * across short gaps that hold no recognised boilerplate */
  first = last = best;
  for (gboolean grown = TRUE; grown;)
    {
      grown = FALSE;
      if (first > 0 && c[first - 1].words >= MERGE_MIN_WORDS &&
          gap_is_clean (u, c[first - 1].end + 1, c[first].start))
        {
          first--;
          grown = TRUE;
        }
      if (last + 1 < clusters->len && c[last + 1].words >= MERGE_MIN_WORDS &&
          gap_is_clean (u, c[last].end + 1, c[last + 1].start))
        {
          last++;
          grown = TRUE;
        }
    }
  best_start = c[first].start;
  best_end = c[last].end;

  /* A page of many articles (a front page, a weekly edition) has no one
   * article to keep: trim only when the run holds most of the prose */
  {
    guint run_words = 0, all_words = 0;

    for (guint i = 0; i < clusters->len; i++)
      {
        all_words += c[i].words;
        if (i >= first && i <= last)
          run_words += c[i].words;
      }
    if (run_words * 100 < all_words * PAGE_MIN_SHARE)
      return;
  }

  article_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (gint i = best_start; i <= best_end; i++)
    add_words (article_words, u[i].text);

  /* Nearest first: a tie goes to the closer headline */
  for (gint k = best_start - 1; k >= 0 && k >= best_start - TITLE_WINDOW; k--)
    {
      double score;

      if (is_boilerplate (&u[k]) || u[k].kind != VV_BLOCK_KIND_PARAGRAPH || !looks_like_title (u[k].text))
        continue;
      score = title_score (u[k].text, article_words);
      if (score > best_score + 0.001)
        {
          best_score = score;
          title = k;
        }
    }
  if (title < 0)
    title = best_start;

  for (gint k = 0; k < (gint)n; k++)
    {
      if (k == title || (k >= best_start && k <= best_end))
        continue;
      /* Between the headline and the article, only running text stays
       * (a standfirst); the rest is share bars, credits and teasers */
      if (k > title && k < best_start && is_prose (&u[k]))
        continue;
      mark_boilerplate (&u[k], VV_BOILERPLATE_BUTTON);
      u[k].trimmed = TRUE;
    }
}

static void
classify_units (GArray *units)
{
  Unit *u = (Unit *)units->data;
  guint n = units->len;
  gint title = -1;
  gint last_body = -1;
  guint n_questions = 0;
  g_autofree char *title_norm = NULL;

  /* What the line classifier said */
  for (guint i = 0; i < n; i++)
    {
      if (u[i].boilerplate != VV_BOILERPLATE_NONE)
        u[i].kind = VV_BLOCK_KIND_BOILERPLATE;
      else if (u[i].list_item)
        u[i].kind = VV_BLOCK_KIND_LIST_ITEM;
      else if (u[i].quote)
        u[i].kind = VV_BLOCK_KIND_QUOTE;
    }

  /* A bare label ("À lire aussi", "Mots-clés") takes the next short line */
  for (guint i = 0; i + 1 < n; i++)
    if ((u[i].hints & VV_BOILERPLATE_HINT_LABEL) && !is_boilerplate (&u[i + 1]) &&
        _vv_import_strlen_upto (u[i + 1].text, LABEL_TARGET_MAX_CHARS) <= LABEL_TARGET_MAX_CHARS)
      mark_boilerplate (&u[i + 1], u[i].boilerplate);

  trim_page (u, n);

  /* Menus: three or more very short lines in a row before the article
   * starts or after it ends */
  for (guint i = 0; i < n;)
    {
      guint j = i;

      while (j < n && !is_boilerplate (&u[j]) && u[j].heading_like && vv_count_words (u[j].text) <= 3)
        j++;
      if (j - i >= 3)
        {
          gboolean at_start = TRUE, at_end = TRUE;

          for (guint k = 0; k < i; k++)
            at_start &= is_boilerplate (&u[k]);
          for (guint k = j; k < n; k++)
            at_end &= is_boilerplate (&u[k]) || u[k].heading_like;
          if (at_start || at_end)
            for (guint k = i; k < j; k++)
              mark_boilerplate (&u[k], VV_BOILERPLATE_BUTTON);
        }
      i = MAX (j, i + 1);
    }

  /* A rubric or genre label above the title ("International",
   * "Entretien") is furniture when a longer title-like line follows */
  for (guint i = 0; i < n; i++)
    {
      if (is_boilerplate (&u[i]))
        continue;
      if (u[i].kind == VV_BLOCK_KIND_PARAGRAPH && u[i].heading_like && looks_like_rubric (u[i].text))
        for (guint j = i + 1; j < n && j <= i + 3; j++)
          if (!is_boilerplate (&u[j]))
            {
              if (u[j].kind == VV_BLOCK_KIND_PARAGRAPH && looks_like_title (u[j].text))
                mark_boilerplate (&u[i], VV_BOILERPLATE_BUTTON);
              break;
            }
      break;
    }

  /* The title: the first line that is not boilerplate, if it is short */
  for (guint i = 0; i < n && title < 0; i++)
    if (!is_boilerplate (&u[i]) && u[i].kind == VV_BLOCK_KIND_PARAGRAPH)
      title = _vv_import_strlen_upto (u[i].text, TITLE_MAX_CHARS) <= TITLE_MAX_CHARS ? (gint)i : G_MAXINT;
  if (title == G_MAXINT)
    title = -1;
  if (title >= 0)
    {
      u[title].kind = VV_BLOCK_KIND_TITLE;
      title_norm = vv_boilerplate_normalize (u[title].text, TRUE);
    }

  /* Photo captions: the title repeated as an image's text is boilerplate;
   * a credit line with more text before the credit is a caption, and so
   * is a short line beside a credit */
  for (guint i = 0; i < n; i++)
    {
      if ((gint)i == title || u[i].trimmed)
        continue;
      if (is_title_again (u[i].text, title_norm))
        {
          mark_boilerplate (&u[i], VV_BOILERPLATE_CREDIT);
          continue;
        }
      if (u[i].boilerplate == VV_BOILERPLATE_CREDIT)
        {
          g_autofree char *rest = strip_credit (u[i].text);

          if (is_title_again (rest, title_norm))
            continue;
          if (vv_count_words (rest) >= 3)
            {
              u[i].kind = VV_BLOCK_KIND_CAPTION;
              u[i].boilerplate = VV_BOILERPLATE_NONE;
            }
          continue;
        }
      if (u[i].kind == VV_BLOCK_KIND_PARAGRAPH && u[i].heading_like)
        {
          /* Groups are contiguous: look at the neighbours in the same group */
          for (guint j = i; j-- > 0 && u[j].group == u[i].group;)
            if (u[j].boilerplate == VV_BOILERPLATE_CREDIT)
              u[i].kind = VV_BLOCK_KIND_CAPTION;
          for (guint j = i + 1; j < n && u[j].group == u[i].group; j++)
            if (u[j].boilerplate == VV_BOILERPLATE_CREDIT)
              u[i].kind = VV_BLOCK_KIND_CAPTION;
        }
    }

  /* Short lines after the last paragraph are the site's slogan or menu */
  for (guint i = 0; i < n; i++)
    if ((gint)i != title && is_body (&u[i]))
      last_body = i;
  for (guint i = MAX (last_body + 1, title + 1); i < n; i++)
    if (u[i].kind == VV_BLOCK_KIND_PARAGRAPH && u[i].heading_like)
      mark_boilerplate (&u[i], VV_BOILERPLATE_BUTTON);

  /* A short line between two pieces of boilerplate belongs with them */
  for (guint i = 1; i + 1 < n; i++)
    if (u[i].kind == VV_BLOCK_KIND_PARAGRAPH && u[i].heading_like &&
        is_boilerplate (&u[i - 1]) && is_boilerplate (&u[i + 1]))
      mark_boilerplate (&u[i], VV_BOILERPLATE_BUTTON);

  /* Headings */
  for (guint i = 0; i < n; i++)
    if (u[i].kind == VV_BLOCK_KIND_PARAGRAPH && u[i].heading_like)
      u[i].kind = VV_BLOCK_KIND_HEADING;

  /* Interview questions: paragraphs that end with a question mark and are
   * answered by the next paragraph, when the article has several */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        gint next = -1;

        if (u[i].kind != VV_BLOCK_KIND_PARAGRAPH || !ends_with_question (u[i].text) ||
            _vv_import_strlen_upto (u[i].text, QUESTION_MAX_CHARS) > QUESTION_MAX_CHARS)
          continue;
        for (guint j = i + 1; j < n && next < 0; j++)
          if (!is_boilerplate (&u[j]))
            next = j;
        if (next < 0 || u[next].kind != VV_BLOCK_KIND_PARAGRAPH || ends_with_question (u[next].text))
          continue;
        if (pass == 0)
          n_questions++;
        else if (n_questions >= 2)
          u[i].kind = VV_BLOCK_KIND_HEADING;
      }
}

/**
 * vv_import_text:
 * @bytes: the file's contents
 * @display_name: the file name, for messages
 * @segmenter: splits paragraphs into segments
 * @error: return location for an error
 *
 * Imports plain text. Blocks are separated by blank lines; in text copied
 * from a web page each line is a block, in hard-wrapped text the lines of
 * a paragraph are joined. The first line is the title; short lines without
 * final punctuation are headings, interview questions are headings too;
 * lines that look like "- item" or "1. item" are list items, "> " lines
 * quotes; site boilerplate (see vv_boilerplate_classify_line()) is kept
 * as excluded boilerplate blocks.
 *
 * Returns: (transfer full) (nullable): the document
 */
VvDocument *
vv_import_text (GBytes       *bytes,
                const char   *display_name,
                VvSegmenter  *segmenter,
                GError      **error)
{
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GArray) units = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lines, start, group = 0;
  gboolean wrapped;
  glong width;

  text = vv_import_decode_text (bytes, display_name, error);
  if (text == NULL)
    return NULL;

  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);
  wrapped = is_hard_wrapped (lines, n_lines, &width);

  units = g_array_new (FALSE, TRUE, sizeof (Unit));
  g_array_set_clear_func (units, (GDestroyNotify)unit_clear);

  start = 0;
  while (start < n_lines)
    {
      guint end;

      while (start < n_lines && is_blank (lines[start]))
        start++;
      if (start >= n_lines)
        break;
      end = start;
      while (end < n_lines && !is_blank (lines[end]))
        end++;
      split_group (units, lines, start, end, group++, wrapped, width);
      start = end;
    }

  if (units->len == 0)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty: there is no text to translate"), display_name);
      return NULL;
    }

  classify_units (units);

  document = vv_document_new ();
  vv_document_begin_batch (document);
  for (guint i = 0; i < units->len; i++)
    {
      const Unit *unit = &g_array_index (units, Unit, i);
      guint level = unit->kind == VV_BLOCK_KIND_HEADING ? 2 : 0;

      if (unit->kind == VV_BLOCK_KIND_TITLE)
        vv_document_set_title (document, unit->text);
      vv_document_append_text_block (document, unit->kind, level, unit->text, segmenter);
    }
  vv_document_end_batch (document);

  vv_document_set_dirty (document, FALSE);
  return g_steal_pointer (&document);
}
