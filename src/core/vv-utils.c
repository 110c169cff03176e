/* vv-utils.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "vv-utils.h"

/**
 * vv_set_str:
 * @str_pointer: a pointer to an owned string
 * @new_str: (nullable): the new value
 *
 * Replaces the string at @str_pointer with a copy of @new_str, unless they are
 * equal (GLib 2.76's g_set_str(), which Debian 12 lacks).
 *
 * Returns: %TRUE if the value changed
 */
gboolean
vv_set_str (char       **str_pointer,
            const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

/**
 * vv_locale_init:
 * @locale: the locale to set, "" for the user's
 *
 * Sets up the C locale and gettext for the "visavis" domain.
 */
void
vv_locale_init (const char *locale)
{
  setlocale (LC_ALL, locale);
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * vv_count_words:
 * @text: (nullable): UTF-8 text
 *
 * Counts words the way translators bill them: runs of letters or digits,
 * where an apostrophe or hyphen inside a run does not split it ("l'armée"
 * and "peut-être" are one word each).
 *
 * Returns: the number of words
 */
guint
vv_count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (!in_word)
            n++;
          in_word = TRUE;
        }
      else if (in_word && (c == '\'' || c == 0x2019 || c == '-'))
        {
          /* stays in the word only if a letter follows */
          gunichar next = g_utf8_get_char (g_utf8_next_char (p));
          in_word = g_unichar_isalnum (next);
        }
      else if (in_word && (c == ',' || c == '.') && p > text &&
               g_unichar_isdigit (g_utf8_get_char (g_utf8_prev_char (p))))
        {
          /* 14,5 and 3.5 are one word */
          gunichar next = g_utf8_get_char (g_utf8_next_char (p));
          in_word = g_unichar_isdigit (next);
        }
      else
        in_word = FALSE;
    }

  return n;
}

/**
 * vv_file_get_display_name:
 * @file: a #GFile
 *
 * Returns: (transfer full): a name for @file to show in messages
 */
char *
vv_file_get_display_name (GFile *file)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path != NULL)
    return g_filename_display_name (path);

  return g_file_get_parse_name (file);
}

GDateTime *
vv_date_time_parse_iso8601 (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

char *
vv_date_time_format_iso8601 (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = NULL;

  if (dt == NULL)
    return NULL;

  utc = g_date_time_to_utc (dt);
  /* %Y is not zero-padded: year 963 would be written “963-…”, which
   * g_date_time_new_from_iso8601() does not read back */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

/* vv_use_system_malloc: call first thing in main().
 *
 * GLib 2.74 (Debian 12) still has its slice allocator: once typing stops,
 * its magazine trim made one main-loop iteration take 55–94 ms
 * (tests/bench/bench-review, 50,000 segments; 4 ms with system malloc).
 * GLib reads G_SLICE in its own constructor, before main(), so the only
 * way to switch it off is to set it and start again.  GLib 2.76 and later
 * always use malloc, and a G_SLICE set by the user is left alone. */
void
vv_use_system_malloc (char *argv[])
{
  g_autofree char *self = NULL;

  if (glib_check_version (2, 76, 0) == NULL || getenv ("G_SLICE") != NULL)
    return;
  /* The real path, so that the process keeps its name (not "exe"). */
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL || setenv ("G_SLICE", "always-malloc", 1) != 0)
    return;
  execv (self, argv);
  /* Could not start again: go on with the slice allocator. */
  unsetenv ("G_SLICE");
}
