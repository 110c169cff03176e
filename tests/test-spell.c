/* test-spell.c: spell checking of targets (tokeniser, enchant dictionaries)
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dictionary tests skip when the hunspell dictionary is not installed,
 * unless VISAVIS_REQUIRE_SPELL=1 (set by build-aux/run-tests.sh, which
 * installs hunspell-en-us, hunspell-fr and hunspell-es).
 */

#include "config.h"

#include "vv-test-utils.h"

static char *
join_words (const char *text,
            GArray     *words)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      VvSpellRange r = g_array_index (words, VvSpellRange, i);

      if (i > 0)
        g_string_append_c (s, '|');
      g_string_append_len (s, text + r.start, r.end - r.start);
    }
  return g_strdup (s->str);
}

static void
test_tokenize (void)
{
  static const struct { const char *text, *words; } cases[] = {
    { "", "" },
    { "Hello, world!", "Hello|world" },
    { "l'armée d’Afrique", "armée|Afrique" },
    { "qu'il jusqu'ici lorsqu’on", "il|ici|on" },
    { "aujourd'hui", "aujourd'hui" },
    { "don't stop", "don't|stop" },
    { "peut-être rock-'n'-roll", "peut-être|rock|n|roll" },
    { "14,5 M€ 3e COVID-19 A4 1er", "M" },
    { "see https://example.org/a-b?x=1 now", "see|now" },
    { "www.lemonde.fr et contact@lemonde.fr ou /usr/share/x", "et|ou" },
    { "« Bonjour ! »", "Bonjour" },
    { "“quote” (Paris)", "quote|Paris" },
    { "naïve café", "naïve|café" },
    { "end-", "end" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) words = vv_spell_tokenize (cases[i].text);
      g_autofree char *got = join_words (cases[i].text, words);

      g_test_message ("tokenize “%s”", cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].words);
    }
}

static VvSpellChecker *
open_or_skip (const char *language)
{
  g_autoptr(GError) error = NULL;
  VvSpellChecker *checker = vv_spell_checker_new (language, &error);

  if (checker == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      if (g_strcmp0 (g_getenv ("VISAVIS_REQUIRE_SPELL"), "1") == 0)
        g_error ("VISAVIS_REQUIRE_SPELL=1 but %s", error->message);
      g_test_skip (error->message);
    }
  return checker;
}

static void
check_misspelt (VvSpellChecker *checker,
                const char     *text,
                const char     *expected)
{
  g_autoptr(GArray) bad = vv_spell_checker_check_text (checker, text);
  g_autofree char *got = join_words (text, bad);

  g_test_message ("check “%s”", text);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_english (void)
{
  g_autoptr(VvSpellChecker) checker = open_or_skip ("en");

  if (checker == NULL)
    return;
  g_assert_cmpstr (vv_spell_checker_get_dictionary (checker), ==, "en_US");
  g_assert_cmpstr (vv_spell_checker_get_language (checker), ==, "en");
  check_misspelt (checker, "The army doesn’t retreat.", "");
  check_misspelt (checker, "The armmy doesnt retreat at 14:30.", "armmy|doesnt");
  check_misspelt (checker, "See https://exmaple.org/speling and 3rd wrld.", "wrld");

  /* names carried over from the source are not misspelt; other words are */
  {
    const char *target = "Valmont-sur-Loire: Lacombe opened the tramm.";
    g_autoptr(GArray) all = vv_spell_checker_check_text (checker, target);
    g_autoptr(GArray) bad = vv_spell_checker_check_target (checker, target,
        "Valmont-sur-Loire : M. Lacombe a inauguré le tramway.");
    g_autofree char *all_words = join_words (target, all);
    g_autofree char *got = join_words (target, bad);

    g_assert_nonnull (strstr (all_words, "Valmont-sur-Loire"));
    g_assert_cmpstr (got, ==, "tramm");
  }
}

static void
test_french (void)
{
  g_autoptr(VvSpellChecker) checker = open_or_skip ("fr");

  if (checker == NULL)
    return;
  g_assert_true (g_str_has_prefix (vv_spell_checker_get_dictionary (checker), "fr"));
  check_misspelt (checker, "L'armée française est aujourd’hui prête.", "");
  check_misspelt (checker, "Qu’il vienne jusqu'ici, peut-être.", "");
  check_misspelt (checker, "L'armmée fransaise est prête.", "armmée|fransaise");
}

static void
test_spanish_region (void)
{
  g_autoptr(VvSpellChecker) checker = open_or_skip ("es-MX");

  if (checker == NULL)
    return;
  g_assert_cmpstr (vv_spell_checker_get_dictionary (checker), ==, "es_MX");
  check_misspelt (checker, "El ejército está listo.", "");
  check_misspelt (checker, "El ejercitto está listo.", "ejercitto");
}

static void
test_suggest (void)
{
  g_autoptr(VvSpellChecker) checker = open_or_skip ("en_US");
  g_auto(GStrv) suggestions = NULL;

  if (checker == NULL)
    return;
  suggestions = vv_spell_checker_suggest (checker, "armmy", -1);
  if (suggestions == NULL)
    g_error ("no suggestion list");
  g_assert_true (g_strv_contains ((const char * const *) suggestions, "army"));
  g_strfreev (g_steal_pointer (&suggestions));
  suggestions = vv_spell_checker_suggest (checker, "", -1);
  g_assert_cmpuint (g_strv_length (suggestions), ==, 0);
}

static void
test_ignore_and_add (void)
{
  g_autoptr(VvSpellChecker) checker = open_or_skip ("en");
  g_autoptr(VvSpellChecker) other = NULL;

  if (checker == NULL)
    return;
  check_misspelt (checker, "Zorblax and Quuxify", "Zorblax|Quuxify");

  /* ignore: this checker only */
  vv_spell_checker_ignore_word (checker, "Zorblax", -1);
  check_misspelt (checker, "Zorblax and Quuxify", "Quuxify");
  other = open_or_skip ("en");
  check_misspelt (other, "Zorblax", "Zorblax");
  g_clear_pointer (&other, vv_spell_checker_free);

  /* add: the personal dictionary, seen by the next checker too */
  vv_spell_checker_add_word (checker, "Quuxify", -1);
  check_misspelt (checker, "Zorblax and Quuxify", "");
  other = open_or_skip ("en");
  check_misspelt (other, "Zorblax and Quuxify", "Zorblax");
}

static void
test_missing_dictionary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvSpellChecker) checker = vv_spell_checker_new ("xx-YY", &error);

  g_assert_null (checker);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "xx-YY"));
  g_clear_error (&error);

  checker = vv_spell_checker_new ("", &error);
  g_assert_null (checker);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("vv-spell-XXXXXX", NULL);
  int ret;

  /* enchant keeps the personal dictionary in the user's config folder */
  if (home == NULL)
    g_error ("no temporary folder");
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);

  vv_test_init (&argc, &argv);

  g_test_add_func ("/core/spell/tokenize", test_tokenize);
  g_test_add_func ("/core/spell/english", test_english);
  g_test_add_func ("/core/spell/french", test_french);
  g_test_add_func ("/core/spell/spanish-region", test_spanish_region);
  g_test_add_func ("/core/spell/suggest", test_suggest);
  g_test_add_func ("/core/spell/ignore-and-add", test_ignore_and_add);
  g_test_add_func ("/core/spell/missing-dictionary", test_missing_dictionary);

  ret = g_test_run ();
  vv_test_rm_rf (home);
  return ret;
}
