/* vv-segmenter.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "vv-segmenter.h"
#include "vv-srx-resources.h"
#include "vv-srx.h"

/* A sentence segmenter: SRX 2.0 rules (built-in per language, or from a
 * user's file) compiled once by the engine in segment/vv-srx.c. */
struct _VvSegmenter
{
  GObject  parent_instance;

  char    *language;
  char    *source_name;
  VvSrx   *srx;
};

G_DEFINE_FINAL_TYPE (VvSegmenter, vv_segmenter, G_TYPE_OBJECT)

G_DEFINE_QUARK (vv-segmenter-error-quark, vv_segmenter_error)

#define BUILTIN_PREFIX "/io/github/visavis/Visavis/srx/"

static GMutex      builtin_lock;
static GHashTable *builtin_cache;   /* language → VvSrx */

static void
vv_segmenter_finalize (GObject *object)
{
  VvSegmenter *self = (VvSegmenter *)object;

  g_free (self->language);
  g_free (self->source_name);
  g_clear_pointer (&self->srx, _vv_srx_unref);

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
}

/**
 * vv_segmenter_get_builtin_srx:
 * @language: a language code ("fr", "en-GB", …)
 *
 * Returns: (transfer full): the built-in SRX file used for @language (the
 *   French one, whose default rules match any language, when there is no
 *   file for it)
 */
GBytes *
vv_segmenter_get_builtin_srx (const char *language)
{
  g_autofree char *primary = g_ascii_strdown (language ? language : "fr", -1);
  g_autofree char *path = NULL;
  GBytes *bytes;

  primary[strcspn (primary, "-_@.")] = '\0';
  path = g_strdup_printf (BUILTIN_PREFIX "visavis-%s.srx", primary);
  bytes = g_resource_lookup_data (vv_srx_get_resource (), path, 0, NULL);
  if (bytes == NULL)
    bytes = g_resource_lookup_data (vv_srx_get_resource (), BUILTIN_PREFIX "visavis-fr.srx", 0, NULL);
  return bytes;
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
  VvSrx *srx;

  self->language = g_strdup (language ? language : "fr");
  self->source_name = g_strdup (_("built-in rules"));

  g_mutex_lock (&builtin_lock);
  if (builtin_cache == NULL)
    builtin_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify)_vv_srx_unref);
  srx = g_hash_table_lookup (builtin_cache, self->language);
  if (srx == NULL)
    {
      g_autoptr(GBytes) bytes = vv_segmenter_get_builtin_srx (self->language);
      g_autoptr(GError) error = NULL;

      srx = _vv_srx_new (bytes, "visavis.srx", self->language, &error);
      /* the built-in files are tested; a failure here is a bug */
      if (srx == NULL)
        g_error ("built-in segmentation rules: %s", error->message);
      g_hash_table_insert (builtin_cache, g_strdup (self->language), srx);
    }
  self->srx = _vv_srx_ref (srx);
  g_mutex_unlock (&builtin_lock);

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
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  VvSegmenter *self;
  VvSrx *srx;

  g_return_val_if_fail (G_IS_FILE (srx_file), NULL);

  name = g_file_get_parse_name (srx_file);
  bytes = g_file_load_bytes (srx_file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot read the SRX file “%s”: %s"), name, local_error->message);
      return NULL;
    }
  srx = _vv_srx_new (bytes, name, language ? language : "fr", error);
  if (srx == NULL)
    return NULL;

  self = g_object_new (VV_TYPE_SEGMENTER, NULL);
  self->language = g_strdup (language ? language : "fr");
  self->source_name = g_steal_pointer (&name);
  self->srx = srx;
  return self;
}

const char *
vv_segmenter_get_language (VvSegmenter *self)
{
  g_return_val_if_fail (VV_IS_SEGMENTER (self), NULL);
  return self->language;
}

/**
 * vv_segmenter_get_source_name:
 *
 * Returns: where the rules come from: the SRX file's name or "built-in rules"
 */
const char *
vv_segmenter_get_source_name (VvSegmenter *self)
{
  g_return_val_if_fail (VV_IS_SEGMENTER (self), NULL);
  return self->source_name;
}

static inline gboolean
is_space (const char *p)
{
  guchar c = (guchar)*p;

  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
    return TRUE;
  if (c < 0x80)
    return FALSE;
  return g_unichar_isspace (g_utf8_get_char (p)) || g_utf8_get_char (p) == 0x202F ||
         g_utf8_get_char (p) == 0x00A0;
}

static void
append_span (GArray     *spans,
             const char *text,
             gsize       start,
             gsize       end)
{
  VvSpan span;

  while (start < end && is_space (text + start))
    start = g_utf8_next_char (text + start) - text;
  while (end > start)
    {
      const char *last = g_utf8_find_prev_char (text + start, text + end);
      if (last == NULL || !is_space (last))
        break;
      end = last - text;
    }
  if (start == end)
    return;
  span.start = start;
  span.end = end;
  g_array_append_val (spans, span);
}

/**
 * vv_segmenter_split:
 * @self: a #VvSegmenter
 * @text: UTF-8 text of one block
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Splits @text into sentences. Invalid UTF-8 is not split: the text from the
 * first invalid byte on stays in the last segment.
 *
 * Returns: (transfer full) (element-type VvSpan): the segments' spans,
 *   trimmed of white space, in order
 */
GArray *
vv_segmenter_split (VvSegmenter *self,
                    const char  *text,
                    gssize       length)
{
  g_autoptr(GArray) breaks = NULL;
  GArray *spans;
  const char *valid_end = NULL;
  gsize start = 0;

  g_return_val_if_fail (VV_IS_SEGMENTER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  spans = g_array_new (FALSE, FALSE, sizeof (VvSpan));
  breaks = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 16);

  g_utf8_validate (text, length, &valid_end);
  _vv_srx_breaks (self->srx, text, valid_end - text, breaks);

  for (guint i = 0; i < breaks->len; i++)
    {
      gsize end = g_array_index (breaks, gsize, i);

      append_span (spans, text, start, end);
      start = end;
    }
  append_span (spans, text, start, length);
  return spans;
}

/**
 * vv_segmenter_explain:
 * @self: a #VvSegmenter
 * @text: UTF-8 text of one block
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * For the rule tester: every position where a rule decided, whether it
 * breaks there or forbids a break.
 *
 * Returns: (transfer full) (element-type VvBoundary): in text order
 */
GArray *
vv_segmenter_explain (VvSegmenter *self,
                      const char  *text,
                      gssize       length)
{
  const char *valid_end = NULL;

  g_return_val_if_fail (VV_IS_SEGMENTER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  G_STATIC_ASSERT (sizeof (VvBoundary) == sizeof (VvSrxDecision));
  G_STATIC_ASSERT (G_STRUCT_OFFSET (VvBoundary, rule) == G_STRUCT_OFFSET (VvSrxDecision, rule));
  G_STATIC_ASSERT (G_STRUCT_OFFSET (VvBoundary, is_break) == G_STRUCT_OFFSET (VvSrxDecision, is_break));

  if (length < 0)
    length = strlen (text);
  g_utf8_validate (text, length, &valid_end);
  return _vv_srx_explain (self->srx, text, valid_end - text);
}

guint
vv_segmenter_get_n_rules (VvSegmenter *self)
{
  g_return_val_if_fail (VV_IS_SEGMENTER (self), 0);
  return _vv_srx_get_n_rules (self->srx);
}

/**
 * vv_segmenter_get_rule:
 * @rule: (out caller-allocates): filled with pointers owned by @self
 *
 * Returns: %FALSE when @index is out of range
 */
gboolean
vv_segmenter_get_rule (VvSegmenter   *self,
                       guint          index,
                       VvSegmentRule *rule)
{
  const VvSrxRule *r;

  g_return_val_if_fail (VV_IS_SEGMENTER (self), FALSE);
  if (index >= _vv_srx_get_n_rules (self->srx))
    return FALSE;
  r = _vv_srx_get_rule (self->srx, index);
  rule->language_rule = r->language_rule;
  rule->number = r->number;
  rule->is_break = r->is_break;
  rule->before = r->before;
  rule->after = r->after;
  rule->comment = r->comment;
  return TRUE;
}
