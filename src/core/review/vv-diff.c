/* vv-diff.c: word-level differences (Myers' O(ND) algorithm on tokens)
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vv-diff.h"

typedef struct
{
  const char *p;
  guint       len;
  guint       hash;
} Token;

/* French elided articles and conjunctions: "l'armée" is the two tokens
 * "l'" and "armée", so that a change of noun does not mark the article
 * as changed. Other apostrophes stay inside the word (aujourd'hui, don't). */
static const char * const elisions[] = {
  "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu",
  "quoiqu", "presqu", "quelqu",
};

static gboolean
is_elision (const char *start,
            gsize       len)
{
  char buf[8];

  if (len == 0 || len >= sizeof buf)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if ((guchar)start[i] >= 0x80)
        return FALSE;
      buf[i] = g_ascii_tolower (start[i]);
    }
  buf[len] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (elisions); i++)
    if (strcmp (buf, elisions[i]) == 0)
      return TRUE;
  return FALSE;
}

static inline gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static void
tokenize (const char *text,
          GArray     *tokens)
{
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      const char *start = p;
      gunichar c = g_utf8_get_char (p);
      Token token;

      if (g_unichar_isspace (c))
        {
          while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
        }
      else if (g_unichar_isalnum (c))
        {
          p = g_utf8_next_char (p);
          while (*p != '\0')
            {
              gunichar d = g_utf8_get_char (p);
              const char *next = g_utf8_next_char (p);
              gunichar after = g_utf8_get_char (next);

              if (g_unichar_isalnum (d) || g_unichar_ismark (d))
                p = next;
              else if (is_apostrophe (d) && g_unichar_isalpha (after))
                {
                  gsize prefix = p - start;

                  p = next;
                  if (is_elision (start, prefix))
                    break;
                }
              else if (d == '-' && g_unichar_isalnum (after))
                p = next;
              else if ((d == ',' || d == '.') && g_unichar_isdigit (after) &&
                       g_unichar_isdigit (g_utf8_get_char (g_utf8_prev_char (p))))
                p = next;
              else
                break;
            }
        }
      else
        p = g_utf8_next_char (p);

      token.p = start;
      token.len = p - start;
      token.hash = 5381;
      for (guint i = 0; i < token.len; i++)
        token.hash = token.hash * 33 + (guchar)start[i];
      g_array_append_val (tokens, token);
    }
}

static inline gboolean
token_equal (const Token *a,
             const Token *b)
{
  return a->hash == b->hash && a->len == b->len && memcmp (a->p, b->p, a->len) == 0;
}

static inline gboolean
token_is_space (const Token *t)
{
  return g_unichar_isspace (g_utf8_get_char (t->p));
}

/**
 * vv_diff_tokenize:
 * @text: (nullable): UTF-8 text
 *
 * Splits @text the way the diff sees it: words (with inner hyphens,
 * apostrophes and decimal separators), French elisions ("l'", "qu'") on
 * their own, runs of white space, and every other character alone.
 *
 * Returns: (transfer full) (element-type utf8): the tokens
 */
GPtrArray *
vv_diff_tokenize (const char *text)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  tokenize (text, tokens);
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);
      g_ptr_array_add (result, g_strndup (t->p, t->len));
    }
  return result;
}

void
vv_diff_chunk_free (VvDiffChunk *chunk)
{
  if (chunk == NULL)
    return;
  g_free (chunk->text);
  g_free (chunk);
}

static void
add_chunk (GPtrArray  *chunks,
           VvDiffOp    op,
           const char *text,
           gsize       len)
{
  VvDiffChunk *chunk;

  if (len == 0)
    return;
  if (chunks->len > 0)
    {
      VvDiffChunk *last = g_ptr_array_index (chunks, chunks->len - 1);
      if (last->op == op)
        {
          char *joined = g_strdup_printf ("%s%.*s", last->text, (int)len, text);
          g_free (last->text);
          last->text = joined;
          return;
        }
    }
  chunk = g_new (VvDiffChunk, 1);
  chunk->op = op;
  chunk->text = g_strndup (text, len);
  g_ptr_array_add (chunks, chunk);
}

/* Emits a pending change. White space that ends both sides is moved out
 * to the text that follows, so "[-a -]{+b +}c" reads "[-a-]{+b+} c". */
static void
flush_change (GPtrArray *chunks,
              GString   *del,
              GString   *ins)
{
  gsize common = 0;

  if (del->len > 0 && ins->len > 0)
    while (common < del->len && common < ins->len &&
           del->str[del->len - 1 - common] == ' ' &&
           ins->str[ins->len - 1 - common] == ' ')
      common++;
  if (common == del->len || common == ins->len)
    common = 0;
  add_chunk (chunks, VV_DIFF_DELETE, del->str, del->len - common);
  add_chunk (chunks, VV_DIFF_INSERT, ins->str, ins->len - common);
  add_chunk (chunks, VV_DIFF_EQUAL, del->str + del->len - common, common);
  g_string_truncate (del, 0);
  g_string_truncate (ins, 0);
}

/* Myers' greedy algorithm. Fills @ops (one per edit-script step, in
 * order) with VV_DIFF_* values; EQUAL consumes a token of both sides,
 * DELETE one of @a, INSERT one of @b. The snapshots of V keep only the
 * diagonals reachable at each d, so memory is O(D²), not O(D·(N+M)). */
static void
myers (const Token *a,
       int          n,
       const Token *b,
       int          m,
       GArray      *ops)
{
  int max = n + m;
  g_autofree int *v = g_new0 (int, 2 * max + 3);
  int off = max + 1;
  g_autoptr(GPtrArray) snaps = g_ptr_array_new_with_free_func (g_free);
  int d_end = -1;
  int x, y;

  v[off + 1] = 0;
  for (int d = 0; d <= max && d_end < 0; d++)
    {
      int *snap;

      for (int k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
            x = v[off + k + 1];
          else
            x = v[off + k - 1] + 1;
          y = x - k;
          while (x < n && y < m && token_equal (&a[x], &b[y]))
            x++, y++;
          v[off + k] = x;
          if (x >= n && y >= m)
            d_end = d;
        }
      snap = g_new (int, 2 * d + 1);
      memcpy (snap, &v[off - d], sizeof (int) * (2 * d + 1));
      g_ptr_array_add (snaps, snap);
    }

  /* Walk back from (n, m), collecting the steps in reverse */
  x = n;
  y = m;
  for (int d = d_end; d > 0; d--)
    {
      const int *prev = g_ptr_array_index (snaps, d - 1);
      int k = x - y;
      int prev_k, prev_x, prev_y;
      guint8 op;

#define PREV(kk) prev[(kk) + (d - 1)]
      if (k == -d || (k != d && PREV (k - 1) < PREV (k + 1)))
        prev_k = k + 1;
      else
        prev_k = k - 1;
      prev_x = PREV (prev_k);
#undef PREV
      prev_y = prev_x - prev_k;
      while (x > prev_x && y > prev_y)
        {
          op = VV_DIFF_EQUAL;
          g_array_append_val (ops, op);
          x--, y--;
        }
      op = x == prev_x ? VV_DIFF_INSERT : VV_DIFF_DELETE;
      g_array_append_val (ops, op);
      x = prev_x;
      y = prev_y;
    }
  while (x > 0 && y > 0)
    {
      guint8 op = VV_DIFF_EQUAL;
      g_array_append_val (ops, op);
      x--, y--;
    }

  /* reverse in place */
  for (guint i = 0, j = ops->len ? ops->len - 1 : 0; i < j; i++, j--)
    {
      guint8 tmp = g_array_index (ops, guint8, i);
      g_array_index (ops, guint8, i) = g_array_index (ops, guint8, j);
      g_array_index (ops, guint8, j) = tmp;
    }
}

/**
 * vv_diff_words:
 * @old_text: (nullable): the earlier version
 * @new_text: (nullable): the later version
 *
 * Computes a word-level difference. Chunks come in text order; within a
 * change, deletions come before insertions, and a lone space between two
 * changed words belongs to the change ("[-a b-]{+c d+}", not
 * "[-a-]{+c+} [-b-]{+d+}").
 *
 * Returns: (transfer full) (element-type VvDiffChunk): the chunks
 */
GPtrArray *
vv_diff_words (const char *old_text,
               const char *new_text)
{
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GArray) ops = g_array_new (FALSE, FALSE, sizeof (guint8));
  g_autoptr(GString) del = g_string_new (NULL);
  g_autoptr(GString) ins = g_string_new (NULL);
  GPtrArray *chunks = g_ptr_array_new_with_free_func ((GDestroyNotify)vv_diff_chunk_free);
  const Token *ta, *tb;
  guint ia = 0, ib = 0;

  tokenize (old_text, a);
  tokenize (new_text, b);
  ta = (const Token *)a->data;
  tb = (const Token *)b->data;
  myers (ta, a->len, tb, b->len, ops);

  for (guint i = 0; i < ops->len;)
    {
      guint8 op = g_array_index (ops, guint8, i);

      if (op == VV_DIFF_DELETE)
        {
          g_string_append_len (del, ta[ia].p, ta[ia].len);
          ia++, i++;
        }
      else if (op == VV_DIFF_INSERT)
        {
          g_string_append_len (ins, tb[ib].p, tb[ib].len);
          ib++, i++;
        }
      else
        {
          guint j = i;
          gboolean all_space = TRUE;
          const char *start = tb[ib].p;
          gsize len = 0;

          while (j < ops->len && g_array_index (ops, guint8, j) == VV_DIFF_EQUAL)
            {
              all_space = all_space && token_is_space (&tb[ib + (j - i)]);
              len += tb[ib + (j - i)].len;
              j++;
            }

          if (all_space && (del->len > 0 || ins->len > 0) && j < ops->len)
            {
              /* white space between two changes joins them */
              g_string_append_len (del, start, len);
              g_string_append_len (ins, start, len);
            }
          else
            {
              flush_change (chunks, del, ins);
              add_chunk (chunks, VV_DIFF_EQUAL, start, len);
            }
          ia += j - i;
          ib += j - i;
          i = j;
        }
    }
  flush_change (chunks, del, ins);
  return chunks;
}

static void
word_tokens (const char *text,
             GArray     *words)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Token));

  tokenize (text, all);
  for (guint i = 0; i < all->len; i++)
    {
      const Token *t = &g_array_index (all, Token, i);
      if (!token_is_space (t))
        g_array_append_val (words, *t);
    }
}

/**
 * vv_diff_word_distance:
 * @old_text: (nullable): e.g. the machine translation
 * @new_text: (nullable): e.g. the final translation
 * @n_words: (out) (optional): the larger of the two token counts
 *
 * The post-editing distance: the Levenshtein distance over words and
 * punctuation marks (white space ignored) — how many tokens were inserted,
 * deleted or replaced. Divide by @n_words for a rate.
 *
 * Returns: the number of token edits
 */
guint
vv_diff_word_distance (const char *old_text,
                       const char *new_text,
                       guint      *n_words)
{
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autofree guint *row = NULL;
  guint n, m, result;

  word_tokens (old_text, a);
  word_tokens (new_text, b);
  n = a->len;
  m = b->len;
  if (n_words)
    *n_words = MAX (n, m);

  row = g_new (guint, m + 1);
  for (guint j = 0; j <= m; j++)
    row[j] = j;
  for (guint i = 1; i <= n; i++)
    {
      guint diag = row[0];
      const Token *ta = &g_array_index (a, Token, i - 1);

      row[0] = i;
      for (guint j = 1; j <= m; j++)
        {
          guint up = row[j];
          guint cost = token_equal (ta, &g_array_index (b, Token, j - 1)) ? 0 : 1;
          guint best = MIN (MIN (up + 1, row[j - 1] + 1), diag + cost);

          diag = up;
          row[j] = best;
        }
    }
  result = row[m];
  return result;
}

/**
 * vv_diff_to_string:
 * @chunks: (element-type VvDiffChunk): the result of vv_diff_words()
 *
 * Returns: (transfer full): the difference in wdiff notation,
 *   "[-deleted-]{+inserted+}", for the terminal and for tests
 */
char *
vv_diff_to_string (GPtrArray *chunks)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < chunks->len; i++)
    {
      const VvDiffChunk *c = g_ptr_array_index (chunks, i);

      if (c->op == VV_DIFF_DELETE)
        g_string_append_printf (s, "[-%s-]", c->text);
      else if (c->op == VV_DIFF_INSERT)
        g_string_append_printf (s, "{+%s+}", c->text);
      else
        g_string_append (s, c->text);
    }
  return g_string_free (s, FALSE);
}
