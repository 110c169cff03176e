/* vv-spell.c: spell checking of targets with enchant-2
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tokeniser finds the words worth checking in a target: letters with
 * inner apostrophes and hyphens (aujourd'hui, peut-être, don't), French
 * elisions split off (l'armée checks "armée"), and nothing that holds a
 * digit (3e, COVID-19) or belongs to a URL, an e-mail address or a path.
 * The checker wraps one enchant dictionary chosen from the document's
 * target language ("fr" finds fr_FR, "en" en_US, "es-MX" es_MX).
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <enchant.h>

#include "vv-spell.h"

struct _VvSpellChecker
{
  EnchantBroker *broker;
  EnchantDict *dict;
  char *language;
  char *tag;
};

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_joiner (gunichar c)
{
  return is_apostrophe (c) || c == '-' || c == 0x2010 || c == 0x2011;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c) || g_unichar_isdigit (c);
}

/* A run of non-space characters that is a URL, an e-mail address or a path */
static gboolean
is_address (const char *start,
            const char *end)
{
  g_autofree char *run = g_strndup (start, end - start);
  g_autofree char *lower = g_utf8_strdown (run, -1);

  return strstr (lower, "://") != NULL
         || g_str_has_prefix (lower, "www.")
         || strchr (lower, '@') != NULL
         || g_str_has_prefix (lower, "mailto:")
         || (lower[0] == '/' && strchr (lower + 1, '/') != NULL)
         || (strchr (lower, '.') != NULL && strchr (lower, '/') != NULL);
}

/* Length in bytes of a French/Italian elision at the start of a word
 * (l' d' qu' jusqu'…), including the apostrophe; 0 when there is none. */
static gsize
elision_length (const char *word,
                gsize       length)
{
  static const char *const prefixes[] = {
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu",
    "puisqu", "quoiqu", "presqu", "quelqu",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize n = strlen (prefixes[i]);

      if (n >= length || g_ascii_strncasecmp (word, prefixes[i], n) != 0)
        continue;
      if (word[n] == '\'')
        return n + 1;
      if (n + 3 <= length && memcmp (word + n, "\xe2\x80\x99", 3) == 0)
        return n + 3;
    }
  return 0;
}

static void
tokenize_run (GArray     *words,
              const char *text,
              const char *start,
              const char *end)
{
  const char *p = start;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *word;
      gboolean has_digit = FALSE;

      if (!g_unichar_isalpha (c) && !g_unichar_isdigit (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      word = p;
      while (p < end)
        {
          c = g_utf8_get_char (p);
          if (is_word_char (c))
            {
              has_digit |= g_unichar_isdigit (c);
              p = g_utf8_next_char (p);
            }
          else if (is_joiner (c))
            {
              const char *next = g_utf8_next_char (p);

              if (next < end && is_word_char (g_utf8_get_char (next)))
                p = next;
              else
                break;
            }
          else
            break;
        }

      if (!has_digit)
        {
          VvSpellRange range = { word - text, p - text };
          gsize elision = elision_length (word, p - word);

          range.start += elision;
          if (range.start < range.end)
            g_array_append_val (words, range);
        }
    }
}

/**
 * vv_spell_tokenize:
 * @text: a target text
 *
 * Finds the words of @text worth spell checking.
 *
 * Returns: (transfer full): an array of #VvSpellRange, in text order
 */
GArray *
vv_spell_tokenize (const char *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (VvSpellRange));
  const char *p = text;

  if (text == NULL)
    return words;

  while (*p != '\0')
    {
      const char *run;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      run = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (run < p && !is_address (run, p))
        tokenize_run (words, text, run, p);
    }
  return words;
}

static void
collect_tag (const char * const  tag,
             const char * const  provider_name G_GNUC_UNUSED,
             const char * const  provider_desc G_GNUC_UNUSED,
             const char * const  provider_file G_GNUC_UNUSED,
             void               *user_data)
{
  g_ptr_array_add (user_data, g_strdup (tag));
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "fr" → fr_FR (or fr), "en" → en_US, "es-MX" → es_MX; NULL when none */
static char *
resolve_tag (EnchantBroker *broker,
             const char    *language)
{
  g_autofree char *tag = g_strdelimit (g_strdup (language), "-", '_');
  g_autofree char *lang = g_ascii_strdown (tag, strcspn (tag, "_.@"));
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *upper = g_ascii_strup (lang, -1);
  g_autofree char *preferred = g_strdup_printf ("%s_%s", lang,
                                                g_str_equal (lang, "en") ? "US" : upper);
  g_autofree char *prefix = g_strdup_printf ("%s_", lang);

  if (*lang == '\0')
    return NULL;
  if (enchant_broker_dict_exists (broker, tag))
    return g_steal_pointer (&tag);

  enchant_broker_list_dicts (broker, collect_tag, tags);
  for (guint i = 0; i < tags->len; i++)
    if (g_str_equal (tags->pdata[i], preferred))
      return g_steal_pointer (&preferred);
  for (guint i = 0; i < tags->len; i++)
    if (g_str_equal (tags->pdata[i], lang))
      return g_steal_pointer (&lang);
  g_ptr_array_sort (tags, compare_tags);
  for (guint i = 0; i < tags->len; i++)
    if (g_str_has_prefix (tags->pdata[i], prefix))
      return g_strdup (tags->pdata[i]);
  return NULL;
}

/**
 * vv_spell_checker_new:
 * @language: a language code, as in the document's target language
 * @error: return location for a #GError
 *
 * Opens the enchant dictionary of @language.
 *
 * Returns: (transfer full) (nullable): the checker, or %NULL with
 *   %G_IO_ERROR_NOT_FOUND when no dictionary is installed for @language
 */
VvSpellChecker *
vv_spell_checker_new (const char  *language,
                      GError     **error)
{
  g_autoptr(VvSpellChecker) self = g_new0 (VvSpellChecker, 1);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self->language = g_strdup (language != NULL ? language : "");
  self->broker = enchant_broker_init ();
  if (self->broker == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Spell checking is unavailable: enchant could not start"));
      return NULL;
    }

  self->tag = resolve_tag (self->broker, self->language);
  if (self->tag != NULL)
    self->dict = enchant_broker_request_dict (self->broker, self->tag);
  if (self->dict == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No spelling dictionary for the language “%s”: install a hunspell dictionary (for example hunspell-%s)"),
                   self->language, *self->language != '\0' ? self->language : "en-us");
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * vv_spell_checker_free:
 * @self: (nullable): a checker
 */
void
vv_spell_checker_free (VvSpellChecker *self)
{
  if (self == NULL)
    return;
  if (self->dict != NULL)
    enchant_broker_free_dict (self->broker, self->dict);
  if (self->broker != NULL)
    enchant_broker_free (self->broker);
  g_free (self->language);
  g_free (self->tag);
  g_free (self);
}

/**
 * vv_spell_checker_get_language:
 * @self: a checker
 *
 * Returns: the language the checker was asked for
 */
const char *
vv_spell_checker_get_language (VvSpellChecker *self)
{
  return self->language;
}

/**
 * vv_spell_checker_get_dictionary:
 * @self: a checker
 *
 * Returns: the tag of the dictionary in use (fr_FR, en_US…)
 */
const char *
vv_spell_checker_get_dictionary (VvSpellChecker *self)
{
  return self->tag;
}

/* Dictionaries spell the apostrophe ' (hunspell accepts both in most
 * dictionaries, but not all): check with the straight one */
static char *
normalize_word (const char *word,
                gssize      length)
{
  GString *s = g_string_new_len (word, length < 0 ? (gssize) strlen (word) : length);

  g_string_replace (s, "\xe2\x80\x99", "'", 0);
  return g_string_free (s, FALSE);
}

/**
 * vv_spell_checker_check_word:
 * @self: a checker
 * @word: a word, as found by vv_spell_tokenize()
 * @length: its length in bytes, or -1 when NUL-terminated
 *
 * Returns: %TRUE when @word is spelt right (or ignored, or added)
 */
gboolean
vv_spell_checker_check_word (VvSpellChecker *self,
                             const char     *word,
                             gssize          length)
{
  g_autofree char *w = normalize_word (word, length);

  if (*w == '\0')
    return TRUE;
  if (enchant_dict_check (self->dict, w, -1) == 0)
    return TRUE;
  /* Some dictionaries only know the typographic apostrophe */
  if (strchr (w, '\'') != NULL)
    {
      g_autoptr(GString) typo = g_string_new (w);

      g_string_replace (typo, "'", "\xe2\x80\x99", 0);
      return enchant_dict_check (self->dict, typo->str, typo->len) == 0;
    }
  return FALSE;
}

/**
 * vv_spell_checker_check_text:
 * @self: a checker
 * @text: a target text
 *
 * Returns: (transfer full): the misspelt words of @text as #VvSpellRange,
 *   in text order
 */
GArray *
vv_spell_checker_check_text (VvSpellChecker *self,
                             const char     *text)
{
  GArray *words = vv_spell_tokenize (text);
  guint kept = 0;

  for (guint i = 0; i < words->len; i++)
    {
      VvSpellRange r = g_array_index (words, VvSpellRange, i);

      if (!vv_spell_checker_check_word (self, text + r.start, r.end - r.start))
        g_array_index (words, VvSpellRange, kept++) = r;
    }
  g_array_set_size (words, kept);
  return words;
}

/**
 * vv_spell_checker_check_target:
 * @self: a checker
 * @text: a target text
 * @source: (nullable): the source segment it translates
 *
 * Like vv_spell_checker_check_text(), but a word that also appears, as
 * the same word, in @source is not reported: names, places and brands
 * are carried over from the French unchanged and no dictionary knows them.
 *
 * Returns: (transfer full): the misspelt words of @text as #VvSpellRange
 */
GArray *
vv_spell_checker_check_target (VvSpellChecker *self,
                               const char     *text,
                               const char     *source)
{
  GArray *bad = vv_spell_checker_check_text (self, text);
  g_autoptr(GArray) source_words = NULL;
  g_autoptr(GHashTable) known = NULL;
  guint kept = 0;

  if (source == NULL || bad->len == 0)
    return bad;

  source_words = vv_spell_tokenize (source);
  known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < source_words->len; i++)
    {
      VvSpellRange r = g_array_index (source_words, VvSpellRange, i);

      g_hash_table_add (known, g_strndup (source + r.start, r.end - r.start));
    }
  for (guint i = 0; i < bad->len; i++)
    {
      VvSpellRange r = g_array_index (bad, VvSpellRange, i);
      g_autofree char *word = g_strndup (text + r.start, r.end - r.start);

      if (!g_hash_table_contains (known, word))
        g_array_index (bad, VvSpellRange, kept++) = r;
    }
  g_array_set_size (bad, kept);
  return bad;
}

/**
 * vv_spell_checker_suggest:
 * @self: a checker
 * @word: a misspelt word
 * @length: its length in bytes, or -1 when NUL-terminated
 *
 * Returns: (transfer full): suggestions, best first (possibly none)
 */
char **
vv_spell_checker_suggest (VvSpellChecker *self,
                          const char     *word,
                          gssize          length)
{
  g_autofree char *w = normalize_word (word, length);
  GStrvBuilder *builder = g_strv_builder_new ();
  size_t n = 0;
  char **list = NULL;
  char **result;

  if (*w != '\0')
    list = enchant_dict_suggest (self->dict, w, -1, &n);
  for (size_t i = 0; i < n; i++)
    g_strv_builder_add (builder, list[i]);
  if (list != NULL)
    enchant_dict_free_string_list (self->dict, list);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

/**
 * vv_spell_checker_add_word:
 * @self: a checker
 * @word: a word
 * @length: its length in bytes, or -1 when NUL-terminated
 *
 * Adds @word to the user's personal dictionary of this language (kept by
 * enchant in the user's configuration folder).
 */
void
vv_spell_checker_add_word (VvSpellChecker *self,
                           const char     *word,
                           gssize          length)
{
  g_autofree char *w = normalize_word (word, length);

  if (*w != '\0')
    enchant_dict_add (self->dict, w, -1);
}

/**
 * vv_spell_checker_ignore_word:
 * @self: a checker
 * @word: a word
 * @length: its length in bytes, or -1 when NUL-terminated
 *
 * Accepts @word for as long as this checker lives.
 */
void
vv_spell_checker_ignore_word (VvSpellChecker *self,
                              const char     *word,
                              gssize          length)
{
  g_autofree char *w = normalize_word (word, length);

  if (*w != '\0')
    enchant_dict_add_to_session (self->dict, w, -1);
}
