/* vv-document.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vv-document-private.h"
#include "vv-segmenter.h"
#include "vv-utils.h"

/* The document owns its blocks, which own their segments. For the UI it is
 * also a GListModel of every segment in reading order, kept as one flat
 * array (`segments`) that is rebuilt only on structural changes. Changes made
 * between vv_document_begin_batch() and vv_document_end_batch() are reported
 * with a single items-changed and a single counts notification. */
struct _VvDocument
{
  GObject     parent_instance;

  char       *title;
  char       *source_uri;
  char       *source_language;
  char       *target_language;
  char       *generator;
  GDateTime  *created;
  GDateTime  *changed;

  GPtrArray  *blocks;       /* VvBlock, owned */
  GPtrArray  *segments;     /* VvSegment, borrowed from the blocks */
  GHashTable *by_id;        /* id → VvSegment, built on first lookup */

  guint       counts[VV_SEGMENT_N_STATES];
  guint       n_counted;
  guint       next_id;

  guint       batch_depth;
  guint       batch_old_n;      /* n-items when the batch started */
  guint       batch_structure : 1;
  guint       batch_counts : 1;
  guint       dirty : 1;
};

static void vv_document_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VvDocument, vv_document, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vv_document_list_model_init))

G_DEFINE_QUARK (vv-document-error-quark, vv_document_error)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SOURCE_URI,
  PROP_SOURCE_LANGUAGE,
  PROP_TARGET_LANGUAGE,
  PROP_GENERATOR,
  PROP_DIRTY,
  PROP_N_ITEMS,
  PROP_PROGRESS,
  N_PROPS
};

enum {
  SEGMENT_CHANGED,
  COUNTS_CHANGED,
  BLOCK_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GType
vv_document_get_item_type (GListModel *model)
{
  return VV_TYPE_SEGMENT;
}

static guint
vv_document_get_n_items (GListModel *model)
{
  return VV_DOCUMENT (model)->segments->len;
}

static gpointer
vv_document_get_item (GListModel *model,
                      guint       position)
{
  VvDocument *self = VV_DOCUMENT (model);

  if (position >= self->segments->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->segments, position));
}

static void
vv_document_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vv_document_get_item_type;
  iface->get_n_items = vv_document_get_n_items;
  iface->get_item = vv_document_get_item;
}

static void
recount (VvDocument *self)
{
  memset (self->counts, 0, sizeof self->counts);
  self->n_counted = 0;

  for (guint i = 0; i < self->segments->len; i++)
    {
      VvSegment *segment = g_ptr_array_index (self->segments, i);

      if (vv_segment_is_excluded (segment))
        continue;
      self->counts[vv_segment_get_state (segment)]++;
      self->n_counted++;
    }
}

static void
rebuild_segments (VvDocument *self)
{
  g_ptr_array_set_size (self->segments, 0);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      GPtrArray *block_segments = _vv_block_get_segments (g_ptr_array_index (self->blocks, b));

      for (guint s = 0; s < block_segments->len; s++)
        {
          VvSegment *segment = g_ptr_array_index (block_segments, s);

          _vv_segment_set_position (segment, self->segments->len);
          g_ptr_array_add (self->segments, segment);
        }
    }

  g_clear_pointer (&self->by_id, g_hash_table_unref);
}

static void
emit_counts_changed (VvDocument *self)
{
  g_signal_emit (self, signals[COUNTS_CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* Reports a structural change: position/removed/added as for items-changed.
 * Inside a batch, only remember that something changed. */
static void
structure_changed (VvDocument *self,
                   guint       position,
                   guint       removed,
                   guint       added)
{
  if (self->batch_depth > 0)
    {
      self->batch_structure = TRUE;
      self->batch_counts = TRUE;
      return;
    }

  recount (self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  emit_counts_changed (self);
}

static void
vv_document_finalize (GObject *object)
{
  VvDocument *self = (VvDocument *)object;

  for (guint i = 0; i < self->blocks->len; i++)
    _vv_block_set_document (g_ptr_array_index (self->blocks, i), NULL);
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_free (self->title);
  g_free (self->source_uri);
  g_free (self->source_language);
  g_free (self->target_language);
  g_free (self->generator);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->changed, g_date_time_unref);

  G_OBJECT_CLASS (vv_document_parent_class)->finalize (object);
}

static void
vv_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VvDocument *self = VV_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, vv_document_get_title (self));
      break;
    case PROP_SOURCE_URI:
      g_value_set_string (value, self->source_uri);
      break;
    case PROP_SOURCE_LANGUAGE:
      g_value_set_string (value, self->source_language);
      break;
    case PROP_TARGET_LANGUAGE:
      g_value_set_string (value, self->target_language);
      break;
    case PROP_GENERATOR:
      g_value_set_string (value, self->generator);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->segments->len);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, vv_document_get_progress (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vv_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VvDocument *self = VV_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      vv_document_set_title (self, g_value_get_string (value));
      break;
    case PROP_SOURCE_URI:
      vv_document_set_source_uri (self, g_value_get_string (value));
      break;
    case PROP_SOURCE_LANGUAGE:
      vv_document_set_source_language (self, g_value_get_string (value));
      break;
    case PROP_TARGET_LANGUAGE:
      vv_document_set_target_language (self, g_value_get_string (value));
      break;
    case PROP_GENERATOR:
      vv_document_set_generator (self, g_value_get_string (value));
      break;
    case PROP_DIRTY:
      vv_document_set_dirty (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vv_document_class_init (VvDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vv_document_finalize;
  object_class->get_property = vv_document_get_property;
  object_class->set_property = vv_document_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_URI] =
    g_param_spec_string ("source-uri", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_LANGUAGE] =
    g_param_spec_string ("source-language", NULL, NULL, "fr",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_LANGUAGE] =
    g_param_spec_string ("target-language", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GENERATOR] =
    g_param_spec_string ("generator", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VvDocument::segment-changed:
   * @self: the document
   * @segment: the segment that changed
   * @change: a #VvSegmentChange telling what changed
   *
   * Emitted for every change to a segment of the document, for autosave,
   * journals and views that show more than one segment's state.
   */
  signals[SEGMENT_CHANGED] =
    g_signal_new ("segment-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, VV_TYPE_SEGMENT, G_TYPE_UINT);

  /**
   * VvDocument::counts-changed:
   * @self: the document
   *
   * Emitted once when the number of segments in some state changed (once
   * per batch).
   */
  signals[COUNTS_CHANGED] =
    g_signal_new ("counts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * VvDocument::block-changed:
   * @self: the document
   * @block: the block whose inclusion changed
   *
   * Emitted when a block of the document is included or excluded
   * (boilerplate translated anyway, or not), for journals.
   */
  signals[BLOCK_CHANGED] =
    g_signal_new ("block-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, VV_TYPE_BLOCK);
}

static void
vv_document_init (VvDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func (g_object_unref);
  self->segments = g_ptr_array_new ();
  self->source_language = g_strdup ("fr");
  self->target_language = g_strdup ("en");
  self->generator = g_strdup ("Vis-à-vis " PACKAGE_VERSION);
  self->created = g_date_time_new_now_utc ();
  self->changed = g_date_time_ref (self->created);
  self->next_id = 1;
}

/**
 * vv_document_new:
 *
 * Returns: (transfer full): a new empty document, French to English
 */
VvDocument *
vv_document_new (void)
{
  return g_object_new (VV_TYPE_DOCUMENT, NULL);
}

#define DEFINE_STRING_PROPERTY(name, field, PROP, default_value)          \
const char *                                                             \
vv_document_get_##name (VvDocument *self)                                \
{                                                                        \
  g_return_val_if_fail (VV_IS_DOCUMENT (self), NULL);                    \
  return self->field ? self->field : default_value;                      \
}                                                                        \
void                                                                     \
vv_document_set_##name (VvDocument *self,                                \
                        const char *value)                               \
{                                                                        \
  g_return_if_fail (VV_IS_DOCUMENT (self));                              \
  if (vv_set_str (&self->field, value))                                  \
    {                                                                    \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);      \
      vv_document_set_dirty (self, TRUE);                                \
    }                                                                    \
}

DEFINE_STRING_PROPERTY (title, title, PROP_TITLE, "")
DEFINE_STRING_PROPERTY (source_uri, source_uri, PROP_SOURCE_URI, NULL)
DEFINE_STRING_PROPERTY (source_language, source_language, PROP_SOURCE_LANGUAGE, "fr")
DEFINE_STRING_PROPERTY (target_language, target_language, PROP_TARGET_LANGUAGE, "en")
DEFINE_STRING_PROPERTY (generator, generator, PROP_GENERATOR, NULL)

#undef DEFINE_STRING_PROPERTY

GDateTime *
vv_document_get_created (VvDocument *self)
{
  g_return_val_if_fail (VV_IS_DOCUMENT (self), NULL);
  return self->created;
}

void
vv_document_set_created (VvDocument *self,
                         GDateTime  *created)
{
  g_return_if_fail (VV_IS_DOCUMENT (self));
  g_return_if_fail (created != NULL);

  g_date_time_ref (created);
  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = created;
}

GDateTime *
vv_document_get_changed (VvDocument *self)
{
  g_return_val_if_fail (VV_IS_DOCUMENT (self), NULL);
  return self->changed;
}

void
vv_document_set_changed (VvDocument *self,
                         GDateTime  *changed)
{
  g_return_if_fail (VV_IS_DOCUMENT (self));
  g_return_if_fail (changed != NULL);

  g_date_time_ref (changed);
  g_clear_pointer (&self->changed, g_date_time_unref);
  self->changed = changed;
}

/**
 * vv_document_get_dirty:
 * @self: a #VvDocument
 *
 * Returns: %TRUE if the document has changes that are not saved
 */
gboolean
vv_document_get_dirty (VvDocument *self)
{
  g_return_val_if_fail (VV_IS_DOCUMENT (self), FALSE);
  return self->dirty;
}

void
vv_document_set_dirty (VvDocument *self,
                       gboolean    dirty)
{
  g_return_if_fail (VV_IS_DOCUMENT (self));

  dirty = !!dirty;
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

guint
vv_document_get_n_blocks (VvDocument *self)
{
  g_return_val_if_fail (VV_IS_DOCUMENT (self), 0);
  return self->blocks->len;
}

VvBlock *
vv_document_get_block (VvDocument *self,
                       guint       index)
{
  g_return_val_if_fail (VV_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

guint
_vv_document_take_id (VvDocument *self)
{
  return self->next_id++;
}

void
_vv_document_note_id (VvDocument *self,
                      guint       id)
{
  if (id >= self->next_id)
    self->next_id = id + 1;
}

/**
 * vv_document_append_block:
 * @self: a #VvDocument
 * @block: (transfer none): a block that is not in a document
 *
 * Appends @block and its segments. Segments with id 0 get a new id.
 */
void
vv_document_append_block (VvDocument *self,
                          VvBlock    *block)
{
  GPtrArray *block_segments;
  guint position;

  g_return_if_fail (VV_IS_DOCUMENT (self));
  g_return_if_fail (VV_IS_BLOCK (block));
  g_return_if_fail (vv_block_get_document (block) == NULL);

  block_segments = _vv_block_get_segments (block);
  g_ptr_array_add (self->blocks, g_object_ref (block));
  _vv_block_set_document (block, self);

  position = self->segments->len;
  for (guint i = 0; i < block_segments->len; i++)
    {
      VvSegment *segment = g_ptr_array_index (block_segments, i);
      guint id = vv_segment_get_id (segment);

      if (id == 0)
        _vv_segment_set_id (segment, _vv_document_take_id (self));
      else
        _vv_document_note_id (self, id);

      _vv_segment_set_position (segment, self->segments->len);
      g_ptr_array_add (self->segments, segment);
      if (self->by_id != NULL)
        g_hash_table_insert (self->by_id, GUINT_TO_POINTER (vv_segment_get_id (segment)), segment);
    }

  vv_document_set_dirty (self, TRUE);
  if (block_segments->len > 0)
    structure_changed (self, position, 0, block_segments->len);
}

/**
 * vv_document_append_text_block:
 * @self: a #VvDocument
 * @kind: the kind of block
 * @level: the heading level, or 0
 * @text: the block's source text
 * @segmenter: (nullable): splits @text into segments; %NULL keeps it whole
 *
 * Appends a block made of @text. Text with nothing but white space gives no
 * block.
 *
 * Returns: (transfer none) (nullable): the new block
 */
VvBlock *
vv_document_append_text_block (VvDocument  *self,
                               VvBlockKind  kind,
                               guint        level,
                               const char  *text,
                               VvSegmenter *segmenter)
{
  g_autoptr(VvBlock) block = NULL;

  g_return_val_if_fail (VV_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  block = vv_block_new (kind, level);

  if (segmenter != NULL && kind != VV_BLOCK_KIND_CODE)
    {
      g_autoptr(GArray) spans = vv_segmenter_split (segmenter, text, -1);

      for (guint i = 0; i < spans->len; i++)
        {
          const VvSpan *span = &g_array_index (spans, VvSpan, i);
          g_autofree char *source = g_strndup (text + span->start, span->end - span->start);

          vv_block_append_segment (block, source);
        }
    }
  else
    {
      g_autofree char *source = g_strstrip (g_strdup (text));

      if (*source != '\0')
        {
          VvSegment *segment = vv_block_append_segment (block, source);

          if (kind == VV_BLOCK_KIND_CODE)
            vv_segment_set_flags (segment, VV_SEGMENT_FLAGS_LOCKED);
        }
    }

  if (vv_block_get_n_segments (block) == 0)
    return NULL;

  vv_document_append_block (self, block);
  return block;
}

guint
vv_document_get_n_segments (VvDocument *self)
{
  g_return_val_if_fail (VV_IS_DOCUMENT (self), 0);
  return self->segments->len;
}

/**
 * vv_document_get_segment:
 * @self: a #VvDocument
 * @position: a position in the list of segments
 *
 * Returns: (transfer none): the segment at @position
 */
VvSegment *
vv_document_get_segment (VvDocument *self,
                         guint       position)
{
  g_return_val_if_fail (VV_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (position < self->segments->len, NULL);
  return g_ptr_array_index (self->segments, position);
}

/**
 * vv_document_lookup_segment:
 * @self: a #VvDocument
 * @id: a segment id
 *
 * Returns: (transfer none) (nullable): the segment with @id
 */
VvSegment *
vv_document_lookup_segment (VvDocument *self,
                            guint       id)
{
  g_return_val_if_fail (VV_IS_DOCUMENT (self), NULL);

  if (self->by_id == NULL)
    {
      self->by_id = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < self->segments->len; i++)
        {
          VvSegment *segment = g_ptr_array_index (self->segments, i);
          g_hash_table_insert (self->by_id, GUINT_TO_POINTER (vv_segment_get_id (segment)), segment);
        }
    }

  return g_hash_table_lookup (self->by_id, GUINT_TO_POINTER (id));
}

/**
 * vv_document_get_state_count:
 * @self: a #VvDocument
 * @state: a state
 *
 * Returns: how many segments are in @state, not counting excluded boilerplate
 */
guint
vv_document_get_state_count (VvDocument     *self,
                             VvSegmentState  state)
{
  g_return_val_if_fail (VV_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (state < VV_SEGMENT_N_STATES, 0);
  return self->counts[state];
}

/**
 * vv_document_get_n_counted:
 * @self: a #VvDocument
 *
 * Returns: the number of segments that count (all but excluded boilerplate)
 */
guint
vv_document_get_n_counted (VvDocument *self)
{
  g_return_val_if_fail (VV_IS_DOCUMENT (self), 0);
  return self->n_counted;
}

/**
 * vv_document_get_progress:
 * @self: a #VvDocument
 *
 * Returns: the share of counted segments that are translated or approved
 */
double
vv_document_get_progress (VvDocument *self)
{
  g_return_val_if_fail (VV_IS_DOCUMENT (self), 0.0);

  if (self->n_counted == 0)
    return 0.0;
  return (double)(self->counts[VV_SEGMENT_STATE_TRANSLATED] +
                  self->counts[VV_SEGMENT_STATE_APPROVED]) / self->n_counted;
}

/**
 * vv_document_begin_batch:
 * @self: a #VvDocument
 *
 * Starts a batch of changes: until the matching vv_document_end_batch(),
 * #GListModel::items-changed and #VvDocument::counts-changed are held back
 * and then emitted once. Batches nest.
 */
void
vv_document_begin_batch (VvDocument *self)
{
  g_return_if_fail (VV_IS_DOCUMENT (self));

  if (self->batch_depth++ == 0)
    {
      self->batch_old_n = self->segments->len;
      self->batch_structure = FALSE;
      self->batch_counts = FALSE;
    }
}

void
vv_document_end_batch (VvDocument *self)
{
  g_return_if_fail (VV_IS_DOCUMENT (self));
  g_return_if_fail (self->batch_depth > 0);

  if (--self->batch_depth > 0)
    return;

  if (self->batch_structure)
    {
      guint old_n = self->batch_old_n;

      rebuild_segments (self);
      recount (self);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->segments->len);
      if (old_n != self->segments->len)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }

  else if (self->batch_counts)
    recount (self);

  if (self->batch_counts || self->batch_structure)
    emit_counts_changed (self);

  self->batch_structure = FALSE;
  self->batch_counts = FALSE;
}

void
_vv_document_segment_changed (VvDocument      *self,
                              VvSegment       *segment,
                              VvSegmentChange  change,
                              VvSegmentState   old_state)
{
  if ((change & VV_SEGMENT_CHANGE_STATE) != 0 && !vv_segment_is_excluded (segment))
    {
      if (self->batch_depth > 0)
        self->batch_counts = TRUE;
      else
        {
          self->counts[old_state]--;
          self->counts[vv_segment_get_state (segment)]++;
          emit_counts_changed (self);
        }
    }

  if ((change & VV_SEGMENT_CHANGE_SUGGESTIONS) == 0)
    vv_document_set_dirty (self, TRUE);

  g_signal_emit (self, signals[SEGMENT_CHANGED], 0, segment, (guint)change);
}

void
_vv_document_block_changed (VvDocument *self,
                            VvBlock    *block,
                            gboolean    excluded_before)
{
  vv_document_set_dirty (self, TRUE);
  g_signal_emit (self, signals[BLOCK_CHANGED], 0, block);

  if (self->batch_depth > 0)
    {
      self->batch_counts = TRUE;
      return;
    }

  recount (self);
  emit_counts_changed (self);

  /* Rows show boilerplate dimmed: tell views to rebind the block's rows */
  if (vv_block_get_n_segments (block) > 0)
    {
      guint first = vv_segment_get_position (vv_block_get_segment (block, 0));
      guint n = vv_block_get_n_segments (block);

      g_list_model_items_changed (G_LIST_MODEL (self), first, n, n);
    }
}

static gboolean
check_segment (VvDocument  *self,
               VvSegment   *segment,
               GError     **error)
{
  VvBlock *block = vv_segment_get_block (segment);

  if (block == NULL || vv_block_get_document (block) != self)
    {
      g_set_error (error, VV_DOCUMENT_ERROR, VV_DOCUMENT_ERROR_INVALID,
                   _("Segment %u is not part of this document"), vv_segment_get_id (segment));
      return FALSE;
    }
  if (vv_segment_is_locked (segment))
    {
      g_set_error (error, VV_DOCUMENT_ERROR, VV_DOCUMENT_ERROR_LOCKED,
                   _("Segment %u is locked"), vv_segment_get_id (segment));
      return FALSE;
    }
  return TRUE;
}

static gboolean
valid_split_offset (const char *text,
                    gsize       offset)
{
  gsize len = strlen (text);

  return offset > 0 && offset < len &&
         g_utf8_next_char (g_utf8_prev_char (text + offset)) == text + offset;
}

/**
 * vv_document_split_segment:
 * @self: a #VvDocument
 * @segment: a segment of @self
 * @source_offset: byte offset in the source where the new segment starts
 * @target_offset: byte offset in the target where the new segment's target
 *   starts, or -1 to keep the whole target in @segment
 * @new_id: the id for the new segment (to undo a merge), or 0 for a fresh one
 * @error: return location for an error
 *
 * Splits @segment in two inside its block. @segment keeps its id, state,
 * comments and history; the new segment follows it, with the rest of the
 * source and of the target.
 *
 * Returns: (transfer none) (nullable): the new segment
 */
VvSegment *
vv_document_split_segment (VvDocument  *self,
                           VvSegment   *segment,
                           gsize        source_offset,
                           gssize       target_offset,
                           guint        new_id,
                           GError     **error)
{
  const char *source, *target;
  g_autofree char *head = NULL, *tail = NULL;
  g_autofree char *target_head = NULL, *target_tail = NULL;
  g_autoptr(VvSegment) second = NULL;
  GPtrArray *block_segments;
  VvBlock *block;
  guint index;

  g_return_val_if_fail (VV_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (VV_IS_SEGMENT (segment), NULL);

  if (!check_segment (self, segment, error))
    return NULL;

  source = vv_segment_get_source (segment);
  target = vv_segment_get_target (segment);

  if (!valid_split_offset (source, source_offset))
    {
      g_set_error (error, VV_DOCUMENT_ERROR, VV_DOCUMENT_ERROR_INVALID,
                   _("Cannot split segment %u at offset %zu"),
                   vv_segment_get_id (segment), source_offset);
      return NULL;
    }
  if (target_offset >= 0 && (gsize)target_offset > strlen (target))
    target_offset = -1;
  if (new_id != 0 && vv_document_lookup_segment (self, new_id) != NULL)
    {
      g_set_error (error, VV_DOCUMENT_ERROR, VV_DOCUMENT_ERROR_INVALID,
                   _("Segment id %u is already in use"), new_id);
      return NULL;
    }

  head = g_strstrip (g_strndup (source, source_offset));
  tail = g_strstrip (g_strdup (source + source_offset));
  if (*head == '\0' || *tail == '\0')
    {
      g_set_error (error, VV_DOCUMENT_ERROR, VV_DOCUMENT_ERROR_INVALID,
                   _("Cannot split segment %u at offset %zu"),
                   vv_segment_get_id (segment), source_offset);
      return NULL;
    }

  if (target_offset >= 0)
    {
      target_head = g_strstrip (g_strndup (target, target_offset));
      target_tail = g_strstrip (g_strdup (target + target_offset));
    }
  else
    target_head = g_strdup (target);

  if (new_id == 0)
    new_id = _vv_document_take_id (self);
  else
    _vv_document_note_id (self, new_id);

  second = vv_segment_new (new_id, tail);
  vv_segment_set_target (second, target_tail);
  vv_segment_set_state (second, vv_segment_get_state (segment));
  vv_segment_set_origin (second, vv_segment_get_origin (segment));
  vv_segment_set_flags (second, vv_segment_get_flags (segment));

  block = vv_segment_get_block (segment);
  block_segments = _vv_block_get_segments (block);
  if (!g_ptr_array_find (block_segments, segment, &index))
    g_assert_not_reached ();
  g_ptr_array_insert (block_segments, index + 1, g_object_ref (second));
  _vv_segment_set_block (second, block);

  _vv_segment_set_source (segment, head);
  vv_segment_set_target (segment, target_head);

  rebuild_segments (self);
  vv_document_set_dirty (self, TRUE);
  g_signal_emit (self, signals[SEGMENT_CHANGED], 0, segment, (guint)VV_SEGMENT_CHANGE_SOURCE);
  structure_changed (self, vv_segment_get_position (segment), 1, 2);

  return second;
}

/**
 * vv_document_merge_segment:
 * @self: a #VvDocument
 * @segment: a segment of @self that has a next segment in its block
 * @error: return location for an error
 *
 * Merges the next segment of the same block into @segment: sources and
 * targets are joined with a space, comments and history are kept. @segment
 * keeps its id; the next segment's id goes away (split with that id to undo).
 *
 * Returns: %TRUE on success
 */
gboolean
vv_document_merge_segment (VvDocument  *self,
                           VvSegment   *segment,
                           GError     **error)
{
  GPtrArray *block_segments;
  VvSegment *next;
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  const char *t1, *t2;
  guint index;

  g_return_val_if_fail (VV_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (VV_IS_SEGMENT (segment), FALSE);

  if (!check_segment (self, segment, error))
    return FALSE;

  block_segments = _vv_block_get_segments (vv_segment_get_block (segment));
  if (!g_ptr_array_find (block_segments, segment, &index))
    g_assert_not_reached ();

  if (index + 1 >= block_segments->len)
    {
      g_set_error (error, VV_DOCUMENT_ERROR, VV_DOCUMENT_ERROR_INVALID,
                   _("Segment %u is the last of its paragraph and cannot be merged with the next"),
                   vv_segment_get_id (segment));
      return FALSE;
    }

  next = g_ptr_array_index (block_segments, index + 1);
  if (!check_segment (self, next, error))
    return FALSE;

  source = g_strconcat (vv_segment_get_source (segment), " ", vv_segment_get_source (next), NULL);
  t1 = vv_segment_get_target (segment);
  t2 = vv_segment_get_target (next);
  target = g_strconcat (t1, (*t1 && *t2) ? " " : "", t2, NULL);

  for (guint i = 0; i < vv_segment_get_n_comments (next); i++)
    vv_segment_add_comment (segment, vv_comment_copy (vv_segment_get_comment (next, i)));

  /* The merged segment is only as far along as the least advanced half */
  if (vv_segment_get_state (next) < vv_segment_get_state (segment) ||
      vv_segment_get_state (next) == VV_SEGMENT_STATE_NEEDS_CHANGES)
    vv_segment_set_state (segment, vv_segment_get_state (next));

  _vv_segment_set_source (segment, source);
  vv_segment_set_target (segment, target);

  _vv_segment_set_block (next, NULL);
  g_ptr_array_remove_index (block_segments, index + 1);

  rebuild_segments (self);
  vv_document_set_dirty (self, TRUE);
  g_signal_emit (self, signals[SEGMENT_CHANGED], 0, segment, (guint)VV_SEGMENT_CHANGE_SOURCE);
  structure_changed (self, vv_segment_get_position (segment), 2, 1);

  return TRUE;
}
