/* test-diff.c: word-level diff, tokeniser and post-editing distance
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vv-test-utils.h"

static char *
join_tokens (const char *text)
{
  g_autoptr(GPtrArray) tokens = vv_diff_tokenize (text);

  g_ptr_array_add (tokens, NULL);
  return g_strjoinv ("|", (char **)tokens->pdata);
}

static void
test_tokenize (void)
{
  static const struct { const char *text, *tokens; } cases[] = {
    { "", "" },
    { "l'armée", "l'|armée" },
    { "L’armée française", "L’|armée| |française" },
    { "qu'il jusqu'ici lorsqu'on", "qu'|il| |jusqu'|ici| |lorsqu'|on" },
    { "aujourd'hui", "aujourd'hui" },
    { "don't stop", "don't| |stop" },
    { "peut-être", "peut-être" },
    { "14,5 M€", "14,5| |M|€" },
    { "1,200.5 people.", "1,200.5| |people|." },
    { "« Bonjour ! »", "«| |Bonjour| |!| |»" },
    { "a  b", "a|  |b" },
    { "(Paris)", "(|Paris|)" },
    { "end,", "end|," },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = join_tokens (cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].tokens);
    }
}

static void
test_words (void)
{
  static const struct { const char *old, *new, *diff; } cases[] = {
    { "", "", "" },
    { "same text", "same text", "same text" },
    { "", "new", "{+new+}" },
    { "old", "", "[-old-]" },
    { "The cat sat.", "The dog sat.", "The [-cat-]{+dog+} sat." },
    { "The cat sat.", "The cat sat!", "The cat sat[-.-]{+!+}" },
    { "He left.", "He left quickly.", "He left{+ quickly+}." },
    { "a b c d", "a x y d", "a [-b c-]{+x y+} d" },
    /* elision: only the noun changes */
    { "l'armée avance", "l'Armée avance", "l'[-armée-]{+Armée+} avance" },
    { "l'armée avance", "la troupe avance", "[-l'armée-]{+la troupe+} avance" },
    { "qu'il vienne", "qu'elle vienne", "qu'[-il-]{+elle+} vienne" },
    /* punctuation is its own token */
    { "Yes, it is.", "Yes it is.", "Yes[-,-] it is." },
    { "a  b", "a b", "a[-  -]{+ +}b" },
    { "14,5 M€", "14,6 M€", "[-14,5-]{+14,6+} M€" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) chunks = vv_diff_words (cases[i].old, cases[i].new);
      g_autofree char *got = vv_diff_to_string (chunks);
      g_test_message ("%s → %s", cases[i].old, cases[i].new);
      g_assert_cmpstr (got, ==, cases[i].diff);
    }
}

/* The chunks rebuild both texts exactly */
static void
test_words_roundtrip (void)
{
  static const char * const texts[] = {
    "Le président a annoncé, mardi 3 mars, une réforme.",
    "The president announced a reform on Tuesday, March 3.",
    "Mardi, le président l'a annoncée : « réforme » !",
    "", "x", "a a a a b b b", "b a b a b a",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
      {
        g_autoptr(GPtrArray) chunks = vv_diff_words (texts[i], texts[j]);
        g_autoptr(GString) old = g_string_new (NULL);
        g_autoptr(GString) new = g_string_new (NULL);

        for (guint k = 0; k < chunks->len; k++)
          {
            const VvDiffChunk *c = g_ptr_array_index (chunks, k);
            g_assert_cmpuint (strlen (c->text), >, 0);
            if (c->op != VV_DIFF_INSERT)
              g_string_append (old, c->text);
            if (c->op != VV_DIFF_DELETE)
              g_string_append (new, c->text);
          }
        g_assert_cmpstr (old->str, ==, texts[i]);
        g_assert_cmpstr (new->str, ==, texts[j]);
      }
}

/* Myers finds a shortest script: inserted + deleted tokens is minimal */
static void
test_words_minimal (void)
{
  g_autoptr(GPtrArray) chunks = vv_diff_words ("a b c a b b a", "c b a b a c");
  guint changed = 0;

  for (guint k = 0; k < chunks->len; k++)
    {
      const VvDiffChunk *c = g_ptr_array_index (chunks, k);
      if (c->op != VV_DIFF_EQUAL)
        {
          g_autoptr(GPtrArray) t = vv_diff_tokenize (c->text);
          for (guint i = 0; i < t->len; i++)
            if (!g_str_equal (g_ptr_array_index (t, i), " "))
              changed++;
        }
    }
  /* LCS of the letters is 4 (e.g. "b a b a"), so 3 deletions + 2 insertions;
   * the spaces moved with them do not count */
  g_assert_cmpuint (changed, ==, 5);
}

static void
test_distance (void)
{
  static const struct { const char *a, *b; guint distance, words; } cases[] = {
    { "", "", 0, 0 },
    { "The cat sat.", "The cat sat.", 0, 4 },
    { "The cat sat.", "The dog sat.", 1, 4 },
    { "The cat sat.", "A dog sat down.", 3, 5 },
    { "one two three", "", 3, 3 },
    { "l'armée", "l'Armée", 1, 2 },
    /* white space does not count */
    { "a  b", "a b", 0, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint words = 99;
      guint d = vv_diff_word_distance (cases[i].a, cases[i].b, &words);
      g_assert_cmpuint (d, ==, cases[i].distance);
      g_assert_cmpuint (words, ==, cases[i].words);
    }
}

/* A long, much-edited text stays correct and quick */
static void
test_words_long (void)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(GPtrArray) chunks = NULL;
  g_autoptr(GString) rebuilt = g_string_new (NULL);

  for (guint i = 0; i < 2000; i++)
    {
      g_string_append_printf (a, "w%u ", i % 97);
      g_string_append_printf (b, "w%u ", (i * 7) % 101);
    }
  chunks = vv_diff_words (a->str, b->str);
  for (guint k = 0; k < chunks->len; k++)
    {
      const VvDiffChunk *c = g_ptr_array_index (chunks, k);
      if (c->op != VV_DIFF_DELETE)
        g_string_append (rebuilt, c->text);
    }
  g_assert_cmpstr (rebuilt->str, ==, b->str);
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/core/diff/tokenize", test_tokenize);
  g_test_add_func ("/core/diff/words", test_words);
  g_test_add_func ("/core/diff/roundtrip", test_words_roundtrip);
  g_test_add_func ("/core/diff/minimal", test_words_minimal);
  g_test_add_func ("/core/diff/distance", test_distance);
  g_test_add_func ("/core/diff/long", test_words_long);

  return g_test_run ();
}
