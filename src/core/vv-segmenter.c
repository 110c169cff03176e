/* vv-segmenter.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vv-segmenter.h"

/* First French sentence splitter: breaks after . ! ? … (and closing quotes
 * or brackets) when white space and an upper-case letter, digit or opening
 * quote follow, except after a known abbreviation or a single initial.
 * The SRX engine of the "French segmentation" issue replaces these
 * internals; the API stays. */
struct _VvSegmenter
{
  GObject     parent_instance;

  char       *language;
  GHashTable *abbreviations;   /* lower-case abbreviation without the dot */
};

G_DEFINE_FINAL_TYPE (VvSegmenter, vv_segmenter, G_TYPE_OBJECT)

static const char * const french_abbreviations[] = {
  "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "st", "ste", "p", "pp",
  "vol", "éd", "env", "cf", "av", "apr", "j.-c", "n°", "art", "chap", "fig", "tél",
  "etc", "ex", "hab", "min", "max", "gén", "col", "cap", "lt", "sgt", "mgr", "vs",
  "no", "nos", "bd", "boul", "ch", "dép", "coll", "trad", "t", "ibid", "op", "cit",
  "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "éds", "dir", "réf",
  NULL
};

static void
vv_segmenter_finalize (GObject *object)
{
  VvSegmenter *self = (VvSegmenter *)object;

  g_free (self->language);
  g_clear_pointer (&self->abbreviations, g_hash_table_unref);

  G_OBJECT_CLASS (vv_segmenter_parent_class)->finalize (object);
}

static void
vv_segmenter_class_init (VvSegmenterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vv_segmenter_finalize;
}

static void
vv_segmenter_init (VvSegmenter *self)
{
  self->abbreviations = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; french_abbreviations[i] != NULL; i++)
    g_hash_table_add (self->abbreviations, (gpointer)french_abbreviations[i]);
}

/**
 * vv_segmenter_new:
 * @language: a language code ("fr", "en", "es")
 *
 * Returns: (transfer full): a segmenter with the built-in rules for @language
 */
VvSegmenter *
vv_segmenter_new (const char *language)
{
  VvSegmenter *self = g_object_new (VV_TYPE_SEGMENTER, NULL);

  self->language = g_strdup (language ? language : "fr");
  return self;
}

/**
 * vv_segmenter_new_from_file:
 * @srx_file: an SRX 2.0 rule file
 * @language: the language whose rules to use
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a segmenter, or %NULL on error
 */
VvSegmenter *
vv_segmenter_new_from_file (GFile       *srx_file,
                            const char  *language,
                            GError     **error)
{
  g_return_val_if_fail (G_IS_FILE (srx_file), NULL);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("SRX rule files are not supported yet"));
  return NULL;
}

const char *
vv_segmenter_get_language (VvSegmenter *self)
{
  g_return_val_if_fail (VV_IS_SEGMENTER (self), NULL);
  return self->language;
}

static gboolean
is_closing (gunichar c)
{
  return c == '"' || c == 0x00BB || c == 0x201D || c == 0x2019 || c == ')' || c == ']' || c == '\'';
}

static gboolean
is_opening (gunichar c)
{
  return c == '"' || c == 0x00AB || c == 0x201C || c == '(' || c == '[' || c == 0x2014 || c == '-';
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F;
}

static gboolean
is_abbreviation (VvSegmenter *self,
                 const char  *text,
                 const char  *dot)
{
  const char *word = dot;
  g_autofree char *lower = NULL;
  glong n_chars;

  while (word > text)
    {
      const char *prev = g_utf8_prev_char (word);
      gunichar c = g_utf8_get_char (prev);

      if (is_space (c) || c == '(' || c == 0x00AB || c == '"')
        break;
      word = prev;
    }

  if (word == dot)
    return FALSE;

  n_chars = g_utf8_strlen (word, dot - word);
  /* a single capital is an initial (J. Verne) */
  if (n_chars == 1 && g_unichar_isupper (g_utf8_get_char (word)))
    return TRUE;
  /* compound initials: J.-P. */
  if (n_chars <= 4 && g_unichar_isupper (g_utf8_get_char (word)) && strchr (word, '.') != NULL &&
      strchr (word, '.') < dot)
    return TRUE;

  lower = g_utf8_strdown (word, dot - word);
  return g_hash_table_contains (self->abbreviations, lower);
}

/**
 * vv_segmenter_split:
 * @self: a #VvSegmenter
 * @text: UTF-8 text of one block
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Splits @text into sentences.
 *
 * Returns: (transfer full) (element-type VvSpan): the segments' spans,
 *   trimmed of white space, in order
 */
GArray *
vv_segmenter_split (VvSegmenter *self,
                    const char  *text,
                    gssize       length)
{
  GArray *spans;
  const char *end, *p, *start;

  g_return_val_if_fail (VV_IS_SEGMENTER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  end = text + length;
  spans = g_array_new (FALSE, FALSE, sizeof (VvSpan));
  start = text;
  p = text;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *after = g_utf8_next_char (p);

      if (c == '.' || c == '!' || c == '?' || c == 0x2026)
        {
          const char *q = after;
          const char *next;
          gunichar n;

          while (q < end && (g_utf8_get_char (q) == '.' || g_utf8_get_char (q) == '!' ||
                             g_utf8_get_char (q) == '?' || g_utf8_get_char (q) == 0x2026))
            q = g_utf8_next_char (q);
          while (q < end && (is_closing (g_utf8_get_char (q)) ||
                             (is_space (g_utf8_get_char (q)) && q + 1 < end &&
                              g_utf8_get_char (g_utf8_next_char (q)) == 0x00BB)))
            q = g_utf8_next_char (q);

          if (q >= end || !is_space (g_utf8_get_char (q)))
            {
              p = q > after ? q : after;
              continue;
            }

          next = q;
          while (next < end && is_space (g_utf8_get_char (next)))
            next = g_utf8_next_char (next);
          if (next >= end)
            break;

          n = g_utf8_get_char (next);
          if ((g_unichar_isupper (n) || g_unichar_isdigit (n) || is_opening (n)) &&
              !(c == '.' && q == after && is_abbreviation (self, text, p)))
            {
              VvSpan span = { start - text, q - text };
              g_array_append_val (spans, span);
              start = next;
            }
          p = next;
          continue;
        }

      p = after;
    }

  if (start < end)
    {
      VvSpan span = { start - text, end - text };
      g_array_append_val (spans, span);
    }

  /* trim white space around every span and drop empty ones */
  for (guint i = 0; i < spans->len;)
    {
      VvSpan *span = &g_array_index (spans, VvSpan, i);

      while (span->start < span->end && is_space (g_utf8_get_char (text + span->start)))
        span->start = g_utf8_next_char (text + span->start) - text;
      while (span->end > span->start)
        {
          const char *last = g_utf8_prev_char (text + span->end);
          if (!is_space (g_utf8_get_char (last)))
            break;
          span->end = last - text;
        }
      if (span->start == span->end)
        g_array_remove_index (spans, i);
      else
        i++;
    }

  return spans;
}
