/* vv-block.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vv-core-enums.h"
#include "vv-document-private.h"

struct _VvBlock
{
  GObject      parent_instance;

  VvDocument  *document;   /* weak: the document owns us */
  GPtrArray   *segments;   /* VvSegment, owned */
  VvBlockKind  kind;
  guint        level;
  gboolean     included;   /* boilerplate that the user chose to translate */
};

G_DEFINE_FINAL_TYPE (VvBlock, vv_block, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_LEVEL,
  PROP_INCLUDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vv_block_finalize (GObject *object)
{
  VvBlock *self = (VvBlock *)object;

  for (guint i = 0; i < self->segments->len; i++)
    _vv_segment_set_block (g_ptr_array_index (self->segments, i), NULL);
  g_clear_pointer (&self->segments, g_ptr_array_unref);

  G_OBJECT_CLASS (vv_block_parent_class)->finalize (object);
}

static void
vv_block_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  VvBlock *self = VV_BLOCK (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_LEVEL:
      g_value_set_uint (value, self->level);
      break;
    case PROP_INCLUDED:
      g_value_set_boolean (value, self->included);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vv_block_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  VvBlock *self = VV_BLOCK (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_LEVEL:
      self->level = g_value_get_uint (value);
      break;
    case PROP_INCLUDED:
      vv_block_set_included (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vv_block_class_init (VvBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vv_block_finalize;
  object_class->get_property = vv_block_get_property;
  object_class->set_property = vv_block_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, VV_TYPE_BLOCK_KIND, VV_BLOCK_KIND_PARAGRAPH,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_uint ("level", NULL, NULL, 0, 6, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCLUDED] =
    g_param_spec_boolean ("included", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vv_block_init (VvBlock *self)
{
  self->segments = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * vv_block_new:
 * @kind: what the block is
 * @level: the heading level (1–6) for headings, 0 otherwise
 *
 * Returns: (transfer full): a new, empty block
 */
VvBlock *
vv_block_new (VvBlockKind kind,
              guint       level)
{
  return g_object_new (VV_TYPE_BLOCK, "kind", kind, "level", MIN (level, 6), NULL);
}

VvDocument *
vv_block_get_document (VvBlock *self)
{
  g_return_val_if_fail (VV_IS_BLOCK (self), NULL);
  return self->document;
}

void
_vv_block_set_document (VvBlock    *self,
                        VvDocument *document)
{
  self->document = document;
}

GPtrArray *
_vv_block_get_segments (VvBlock *self)
{
  return self->segments;
}

VvBlockKind
vv_block_get_kind (VvBlock *self)
{
  g_return_val_if_fail (VV_IS_BLOCK (self), VV_BLOCK_KIND_PARAGRAPH);
  return self->kind;
}

guint
vv_block_get_level (VvBlock *self)
{
  g_return_val_if_fail (VV_IS_BLOCK (self), 0);
  return self->level;
}

gboolean
vv_block_get_included (VvBlock *self)
{
  g_return_val_if_fail (VV_IS_BLOCK (self), FALSE);
  return self->included;
}

/**
 * vv_block_set_included:
 * @self: a #VvBlock
 * @included: whether a boilerplate block is translated anyway
 *
 * Boilerplate blocks are left out of MT, statistics and export unless the
 * user includes them ("Translate this block too").
 */
void
vv_block_set_included (VvBlock  *self,
                       gboolean  included)
{
  gboolean was_excluded;

  g_return_if_fail (VV_IS_BLOCK (self));

  included = !!included;
  if (self->included == included)
    return;

  was_excluded = vv_block_is_excluded (self);
  self->included = included;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDED]);
  if (self->document != NULL)
    _vv_document_block_changed (self->document, self, was_excluded);
}

/**
 * vv_block_is_excluded:
 * @self: a #VvBlock
 *
 * Returns: %TRUE for a boilerplate block that is not included
 */
gboolean
vv_block_is_excluded (VvBlock *self)
{
  g_return_val_if_fail (VV_IS_BLOCK (self), FALSE);
  return self->kind == VV_BLOCK_KIND_BOILERPLATE && !self->included;
}

guint
vv_block_get_n_segments (VvBlock *self)
{
  g_return_val_if_fail (VV_IS_BLOCK (self), 0);
  return self->segments->len;
}

VvSegment *
vv_block_get_segment (VvBlock *self,
                      guint    index)
{
  g_return_val_if_fail (VV_IS_BLOCK (self), NULL);
  g_return_val_if_fail (index < self->segments->len, NULL);
  return g_ptr_array_index (self->segments, index);
}

/**
 * vv_block_add_segment:
 * @self: a #VvBlock that is not yet in a document
 * @segment: (transfer none): a segment with its id set
 *
 * Used by loaders that know the ids. Blocks already in a document get new
 * segments only through the document (split).
 */
void
vv_block_add_segment (VvBlock   *self,
                      VvSegment *segment)
{
  g_return_if_fail (VV_IS_BLOCK (self));
  g_return_if_fail (VV_IS_SEGMENT (segment));
  g_return_if_fail (vv_segment_get_block (segment) == NULL);
  g_return_if_fail (self->document == NULL);

  g_ptr_array_add (self->segments, g_object_ref (segment));
  _vv_segment_set_block (segment, self);
}

/**
 * vv_block_append_segment:
 * @self: a #VvBlock that is not yet in a document
 * @source: the source text
 *
 * Appends a new segment with id 0; the document gives it an id when the
 * block is appended to it.
 *
 * Returns: (transfer none): the new segment
 */
VvSegment *
vv_block_append_segment (VvBlock    *self,
                         const char *source)
{
  g_autoptr(VvSegment) segment = NULL;

  g_return_val_if_fail (VV_IS_BLOCK (self), NULL);

  segment = vv_segment_new (0, source);
  vv_block_add_segment (self, segment);
  return segment;
}

static char *
join_segments (VvBlock  *self,
               gboolean  target,
               gboolean  source_if_empty)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < self->segments->len; i++)
    {
      VvSegment *segment = g_ptr_array_index (self->segments, i);
      const char *text = target ? vv_segment_get_target (segment) : vv_segment_get_source (segment);

      if (target && *text == '\0' && source_if_empty)
        text = vv_segment_get_source (segment);
      if (*text == '\0')
        continue;
      if (str->len > 0)
        g_string_append_c (str, ' ');
      g_string_append (str, text);
    }

  return g_string_free (str, FALSE);
}

/**
 * vv_block_dup_source_text:
 * @self: a #VvBlock
 *
 * Returns: (transfer full): the block's source, segments joined by spaces
 */
char *
vv_block_dup_source_text (VvBlock *self)
{
  g_return_val_if_fail (VV_IS_BLOCK (self), NULL);
  return join_segments (self, FALSE, FALSE);
}

/**
 * vv_block_dup_target_text:
 * @self: a #VvBlock
 * @source_if_empty: use the source of segments that have no target
 *
 * Returns: (transfer full): the block's translation, segments joined by spaces
 */
char *
vv_block_dup_target_text (VvBlock  *self,
                          gboolean  source_if_empty)
{
  g_return_val_if_fail (VV_IS_BLOCK (self), NULL);
  return join_segments (self, TRUE, source_if_empty);
}

static const char * const kind_ids[VV_BLOCK_N_KINDS] = {
  "title", "heading", "paragraph", "list-item", "quote", "caption", "boilerplate", "code",
};

const char *
vv_block_kind_to_string (VvBlockKind kind)
{
  g_return_val_if_fail (kind < VV_BLOCK_N_KINDS, NULL);
  return kind_ids[kind];
}

gboolean
vv_block_kind_from_string (const char  *string,
                           VvBlockKind *kind)
{
  for (guint i = 0; i < VV_BLOCK_N_KINDS; i++)
    {
      if (g_strcmp0 (string, kind_ids[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}
