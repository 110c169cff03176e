/* vv-mt-cache.c: on-disk cache of machine translations, keyed by
 * provider (id, server, model), language pair and source text
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "vv-mt-cache.h"

/* One file per provider and pair, named by a hash of both: lines of
 * "source TAB translation", with \\, \t, \n and \r escaped. Loaded on
 * first use, rewritten atomically (g_file_set_contents) when saved. */

typedef struct
{
  char       *path;
  GHashTable *entries;   /* source → translation */
  gboolean    dirty;
} Table;

struct _VvMtCache
{
  GObject     parent_instance;
  GFile      *directory;   /* NULL: memory only */
  GHashTable *tables;      /* file name → Table */
};

G_DEFINE_FINAL_TYPE (VvMtCache, vv_mt_cache, G_TYPE_OBJECT)

static void
table_free (Table *table)
{
  g_free (table->path);
  g_hash_table_unref (table->entries);
  g_free (table);
}

static void
vv_mt_cache_finalize (GObject *object)
{
  VvMtCache *self = VV_MT_CACHE (object);

  g_clear_object (&self->directory);
  g_hash_table_unref (self->tables);
  G_OBJECT_CLASS (vv_mt_cache_parent_class)->finalize (object);
}

static void
vv_mt_cache_class_init (VvMtCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vv_mt_cache_finalize;
}

static void
vv_mt_cache_init (VvMtCache *self)
{
  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) table_free);
}

/**
 * vv_mt_cache_new:
 * @directory: (nullable): where the cache files live; %NULL keeps the
 *   cache in memory only
 *
 * Returns: (transfer full): a new cache
 */
VvMtCache *
vv_mt_cache_new (GFile *directory)
{
  VvMtCache *self = g_object_new (VV_TYPE_MT_CACHE, NULL);

  self->directory = directory ? g_object_ref (directory) : NULL;
  return self;
}

/**
 * vv_mt_cache_new_default:
 *
 * Returns: (transfer full): the user's cache, in $VISAVIS_MT_CACHE_DIR or
 *   $XDG_CACHE_HOME/visavis/mt
 */
VvMtCache *
vv_mt_cache_new_default (void)
{
  const char *env = g_getenv ("VISAVIS_MT_CACHE_DIR");
  g_autofree char *path = env && *env ? g_strdup (env)
                                      : g_build_filename (g_get_user_cache_dir (), "visavis", "mt", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);

  return vv_mt_cache_new (dir);
}

GFile *
vv_mt_cache_get_directory (VvMtCache *self)
{
  g_return_val_if_fail (VV_IS_MT_CACHE (self), NULL);
  return self->directory;
}

static char *
unescape_field (const char *start,
                const char *end)
{
  GString *out = g_string_sized_new (end - start);

  for (const char *p = start; p < end; p++)
    {
      if (*p == '\\' && p + 1 < end)
        {
          p++;
          switch (*p)
            {
            case 't': g_string_append_c (out, '\t'); break;
            case 'n': g_string_append_c (out, '\n'); break;
            case 'r': g_string_append_c (out, '\r'); break;
            default: g_string_append_c (out, *p); break;
            }
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

static void
table_load (Table *table)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *p, *end;

  if (table->path == NULL || !g_file_get_contents (table->path, &contents, &length, NULL))
    return;
  if (!g_utf8_validate (contents, length, NULL))
    {
      g_debug ("MT cache %s is not UTF-8; ignoring it", table->path);
      return;
    }
  p = contents;
  end = contents + length;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;
      const char *tab = memchr (p, '\t', line_end - p);

      if (tab != NULL)
        g_hash_table_replace (table->entries, unescape_field (p, tab), unescape_field (tab + 1, line_end));
      p = line_end + 1;
    }
}

static Table *
get_table (VvMtCache  *self,
           const char *provider_key,
           const char *source_lang,
           const char *target_lang,
           gboolean    create)
{
  g_autofree char *id = g_strdup_printf ("%s\n%s\n%s", provider_key, source_lang, target_lang);
  g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, id, -1);
  Table *table = g_hash_table_lookup (self->tables, name);

  if (table != NULL || !create)
    return table;

  table = g_new0 (Table, 1);
  table->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (self->directory != NULL)
    {
      g_autofree char *dir = g_file_get_path (self->directory);
      g_autofree char *file = g_strconcat (name, ".tsv", NULL);
      table->path = g_build_filename (dir, file, NULL);
      table_load (table);
    }
  g_hash_table_insert (self->tables, g_steal_pointer (&name), table);
  return table;
}

/**
 * vv_mt_cache_lookup:
 *
 * Returns: (nullable): the cached translation of @text, or %NULL
 */
const char *
vv_mt_cache_lookup (VvMtCache  *self,
                    const char *provider_key,
                    const char *source_lang,
                    const char *target_lang,
                    const char *text)
{
  Table *table;

  g_return_val_if_fail (VV_IS_MT_CACHE (self), NULL);
  table = get_table (self, provider_key, source_lang, target_lang, TRUE);
  return g_hash_table_lookup (table->entries, text);
}

void
vv_mt_cache_insert (VvMtCache  *self,
                    const char *provider_key,
                    const char *source_lang,
                    const char *target_lang,
                    const char *text,
                    const char *translation)
{
  Table *table;
  const char *old;

  g_return_if_fail (VV_IS_MT_CACHE (self));
  g_return_if_fail (text != NULL && translation != NULL);
  table = get_table (self, provider_key, source_lang, target_lang, TRUE);
  old = g_hash_table_lookup (table->entries, text);
  if (g_strcmp0 (old, translation) == 0)
    return;
  g_hash_table_replace (table->entries, g_strdup (text), g_strdup (translation));
  table->dirty = TRUE;
}

/**
 * vv_mt_cache_save:
 *
 * Writes the tables that changed, each atomically.
 *
 * Returns: %TRUE on success
 */
gboolean
vv_mt_cache_save (VvMtCache  *self,
                  GError    **error)
{
  GHashTableIter iter;
  Table *table;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (VV_IS_MT_CACHE (self), FALSE);
  if (self->directory == NULL)
    return TRUE;

  dir = g_file_get_path (self->directory);
  g_hash_table_iter_init (&iter, self->tables);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &table))
    {
      g_autoptr(GString) out = NULL;
      GHashTableIter entries;
      const char *source, *translation;
      g_autoptr(GError) local_error = NULL;

      if (!table->dirty)
        continue;
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Cannot create the translation cache folder “%s”: %s"), dir, g_strerror (saved));
          return FALSE;
        }
      out = g_string_sized_new (4096);
      g_hash_table_iter_init (&entries, table->entries);
      while (g_hash_table_iter_next (&entries, (gpointer *) &source, (gpointer *) &translation))
        {
          append_escaped (out, source);
          g_string_append_c (out, '\t');
          append_escaped (out, translation);
          g_string_append_c (out, '\n');
        }
      if (!g_file_set_contents_full (table->path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Cannot save the translation cache “%s”: %s"), table->path, local_error->message);
          return FALSE;
        }
      table->dirty = FALSE;
    }
  return TRUE;
}
