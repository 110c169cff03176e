/* vv-segment.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-core-enums.h"
#include "vv-document-private.h"
#include "vv-utils.h"

/* A segment is the unit a translator works on. Documents hold tens of
 * thousands of them, so the rarely used parts (comments, history,
 * suggestions) are allocated only when first needed, and changes are
 * reported to the owning document by a direct call instead of a signal
 * connection per segment. */
struct _VvSegment
{
  GObject         parent_instance;

  VvBlock        *block;        /* weak: the block owns us */
  char           *source;       /* GRefString: a save's snapshot shares them */
  char           *target;       /* GRefString or NULL */
  char           *origin;       /* GRefString or NULL */
  GPtrArray      *comments;     /* VvComment, lazily */
  GPtrArray      *history;      /* VvHistoryEntry, lazily */
  GPtrArray      *suggestions;  /* VvSuggestion, lazily */
  guint           id;
  guint           position;
  guint           edit_seconds; /* focused editing time */
  guint8          state;
  guint8          flags;
};

G_DEFINE_FINAL_TYPE (VvSegment, vv_segment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SOURCE,
  PROP_TARGET,
  PROP_STATE,
  PROP_ORIGIN,
  PROP_FLAGS,
  PROP_N_COMMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_BOXED_TYPE (VvComment, vv_comment, vv_comment_copy, vv_comment_free)
G_DEFINE_BOXED_TYPE (VvHistoryEntry, vv_history_entry, vv_history_entry_copy, vv_history_entry_free)
G_DEFINE_BOXED_TYPE (VvSuggestion, vv_suggestion, vv_suggestion_copy, vv_suggestion_free)

VvComment *
vv_comment_new (const char *author,
                GDateTime  *time,
                const char *text,
                gboolean    resolved)
{
  VvComment *comment = g_new0 (VvComment, 1);

  comment->author = g_strdup (author ? author : "");
  comment->time = time ? g_date_time_ref (time) : g_date_time_new_now_utc ();
  comment->text = g_strdup (text ? text : "");
  comment->resolved = !!resolved;
  return comment;
}

VvComment *
vv_comment_copy (const VvComment *comment)
{
  return vv_comment_new (comment->author, comment->time, comment->text, comment->resolved);
}

void
vv_comment_free (VvComment *comment)
{
  if (comment == NULL)
    return;
  g_free (comment->author);
  g_clear_pointer (&comment->time, g_date_time_unref);
  g_free (comment->text);
  g_free (comment);
}

VvHistoryEntry *
vv_history_entry_new (GDateTime      *time,
                      const char     *author,
                      VvSegmentState  state,
                      const char     *target,
                      const char     *origin)
{
  VvHistoryEntry *entry = g_new0 (VvHistoryEntry, 1);

  entry->time = time ? g_date_time_ref (time) : g_date_time_new_now_utc ();
  entry->author = g_strdup (author ? author : "");
  entry->state = state;
  entry->target = g_strdup (target ? target : "");
  entry->origin = g_strdup (origin);
  return entry;
}

VvHistoryEntry *
vv_history_entry_copy (const VvHistoryEntry *entry)
{
  return vv_history_entry_new (entry->time, entry->author, entry->state,
                               entry->target, entry->origin);
}

void
vv_history_entry_free (VvHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_pointer (&entry->time, g_date_time_unref);
  g_free (entry->author);
  g_free (entry->target);
  g_free (entry->origin);
  g_free (entry);
}

VvSuggestion *
vv_suggestion_new (const char *provider,
                   const char *text)
{
  VvSuggestion *suggestion = g_new0 (VvSuggestion, 1);

  suggestion->provider = g_strdup (provider ? provider : "");
  suggestion->text = g_strdup (text ? text : "");
  return suggestion;
}

VvSuggestion *
vv_suggestion_copy (const VvSuggestion *suggestion)
{
  return vv_suggestion_new (suggestion->provider, suggestion->text);
}

void
vv_suggestion_free (VvSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->provider);
  g_free (suggestion->text);
  g_free (suggestion);
}

/* Like vv_set_str(), for the GRefString fields */
static gboolean
set_ref_str (char       **str_pointer,
             const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = new_str != NULL ? g_ref_string_new (new_str) : NULL;
  g_clear_pointer (str_pointer, g_ref_string_release);
  *str_pointer = copy;
  return TRUE;
}

static char *
ref_str (char *str)
{
  return str != NULL ? g_ref_string_acquire (str) : NULL;
}

/* For a save's snapshot (vv-project.c): the strings themselves, shared
 * (release them with g_ref_string_release()); target and origin are NULL
 * when empty. Main thread only, like the rest of the model. */
char *
_vv_segment_ref_source (VvSegment *self)
{
  return ref_str (self->source);
}

char *
_vv_segment_ref_target (VvSegment *self)
{
  return ref_str (self->target);
}

char *
_vv_segment_ref_origin (VvSegment *self)
{
  return ref_str (self->origin);
}

static void
vv_segment_changed (VvSegment       *self,
                    VvSegmentChange  change,
                    VvSegmentState   old_state)
{
  VvDocument *document = vv_segment_get_document (self);

  if (document != NULL)
    _vv_document_segment_changed (document, self, change, old_state);
}

static void
vv_segment_finalize (GObject *object)
{
  VvSegment *self = (VvSegment *)object;

  g_clear_pointer (&self->source, g_ref_string_release);
  g_clear_pointer (&self->target, g_ref_string_release);
  g_clear_pointer (&self->origin, g_ref_string_release);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);

  G_OBJECT_CLASS (vv_segment_parent_class)->finalize (object);
}

static void
vv_segment_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VvSegment *self = VV_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_uint (value, self->id);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_TARGET:
      g_value_set_string (value, vv_segment_get_target (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, vv_segment_get_origin (self));
      break;
    case PROP_FLAGS:
      g_value_set_flags (value, self->flags);
      break;
    case PROP_N_COMMENTS:
      g_value_set_uint (value, vv_segment_get_n_comments (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vv_segment_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VvSegment *self = VV_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_uint (value);
      break;
    case PROP_SOURCE:
      g_clear_pointer (&self->source, g_ref_string_release);
      self->source = g_ref_string_new (g_value_get_string (value) ? g_value_get_string (value) : "");
      break;
    case PROP_TARGET:
      vv_segment_set_target (self, g_value_get_string (value));
      break;
    case PROP_STATE:
      vv_segment_set_state (self, g_value_get_enum (value));
      break;
    case PROP_ORIGIN:
      vv_segment_set_origin (self, g_value_get_string (value));
      break;
    case PROP_FLAGS:
      vv_segment_set_flags (self, g_value_get_flags (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vv_segment_class_init (VvSegmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vv_segment_finalize;
  object_class->get_property = vv_segment_get_property;
  object_class->set_property = vv_segment_set_property;

  properties[PROP_ID] =
    g_param_spec_uint ("id", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, VV_TYPE_SEGMENT_STATE, VV_SEGMENT_STATE_UNTRANSLATED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIGIN] =
    g_param_spec_string ("origin", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLAGS] =
    g_param_spec_flags ("flags", NULL, NULL, VV_TYPE_SEGMENT_FLAGS, VV_SEGMENT_FLAGS_NONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_COMMENTS] =
    g_param_spec_uint ("n-comments", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vv_segment_init (VvSegment *self)
{
  self->state = VV_SEGMENT_STATE_UNTRANSLATED;
}

/**
 * vv_segment_new:
 * @id: the segment's stable id, unique in its document
 * @source: the French source text
 *
 * Returns: (transfer full): a new segment, not yet in a block
 */
VvSegment *
vv_segment_new (guint       id,
                const char *source)
{
  return g_object_new (VV_TYPE_SEGMENT, "id", id, "source", source, NULL);
}

guint
vv_segment_get_id (VvSegment *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), 0);
  return self->id;
}

VvBlock *
vv_segment_get_block (VvSegment *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), NULL);
  return self->block;
}

VvDocument *
vv_segment_get_document (VvSegment *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), NULL);
  return self->block ? vv_block_get_document (self->block) : NULL;
}

/**
 * vv_segment_get_position:
 * @self: a #VvSegment
 *
 * Returns: the segment's position in its document's list of segments
 */
guint
vv_segment_get_position (VvSegment *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), 0);
  return self->position;
}

void
_vv_segment_set_id (VvSegment *self,
                    guint      id)
{
  self->id = id;
}

void
_vv_segment_set_position (VvSegment *self,
                          guint      position)
{
  self->position = position;
}

void
_vv_segment_set_block (VvSegment *self,
                       VvBlock   *block)
{
  self->block = block;
}

void
_vv_segment_set_source (VvSegment  *self,
                        const char *source)
{
  if (set_ref_str (&self->source, source ? source : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

const char *
vv_segment_get_source (VvSegment *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), NULL);
  return self->source;
}

const char *
vv_segment_get_target (VvSegment *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), NULL);
  return self->target ? self->target : "";
}

/**
 * vv_segment_set_target:
 * @self: a #VvSegment
 * @target: (nullable): the new target text
 *
 * Sets the target text. This does not change the state or record history;
 * use vv_segment_commit() when the translator confirms.
 */
void
vv_segment_set_target (VvSegment  *self,
                       const char *target)
{
  g_return_if_fail (VV_IS_SEGMENT (self));

  if (target != NULL && *target == '\0')
    target = NULL;

  if (set_ref_str (&self->target, target))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
      vv_segment_changed (self, VV_SEGMENT_CHANGE_TARGET, self->state);
    }
}

VvSegmentState
vv_segment_get_state (VvSegment *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), VV_SEGMENT_STATE_UNTRANSLATED);
  return self->state;
}

void
vv_segment_set_state (VvSegment      *self,
                      VvSegmentState  state)
{
  VvSegmentState old_state;

  g_return_if_fail (VV_IS_SEGMENT (self));
  g_return_if_fail (state < VV_SEGMENT_N_STATES);

  if (self->state == state)
    return;

  old_state = self->state;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  vv_segment_changed (self, VV_SEGMENT_CHANGE_STATE, old_state);
}

const char *
vv_segment_get_origin (VvSegment *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), NULL);
  return self->origin ? self->origin : "";
}

void
vv_segment_set_origin (VvSegment  *self,
                       const char *origin)
{
  g_return_if_fail (VV_IS_SEGMENT (self));

  if (origin != NULL && *origin == '\0')
    origin = NULL;

  if (set_ref_str (&self->origin, origin))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN]);
      vv_segment_changed (self, VV_SEGMENT_CHANGE_ORIGIN, self->state);
    }
}

VvSegmentFlags
vv_segment_get_flags (VvSegment *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), 0);
  return self->flags;
}

void
vv_segment_set_flags (VvSegment      *self,
                      VvSegmentFlags  flags)
{
  g_return_if_fail (VV_IS_SEGMENT (self));

  if (self->flags == flags)
    return;

  self->flags = flags;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAGS]);
  vv_segment_changed (self, VV_SEGMENT_CHANGE_FLAGS, self->state);
}

gboolean
vv_segment_is_locked (VvSegment *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), FALSE);
  return (self->flags & VV_SEGMENT_FLAGS_LOCKED) != 0;
}

/**
 * vv_segment_is_excluded:
 * @self: a #VvSegment
 *
 * Returns: %TRUE if the segment belongs to a boilerplate block that was not
 *   included in the translation, so MT, statistics and export skip it
 */
gboolean
vv_segment_is_excluded (VvSegment *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), FALSE);
  return self->block != NULL && vv_block_is_excluded (self->block);
}

/**
 * vv_segment_commit:
 * @self: a #VvSegment
 * @state: the new state
 * @author: (nullable): who made the change
 *
 * Sets the state and records the current target in the history, as done
 * when a translator confirms a segment or a reviewer approves it.
 */
void
vv_segment_commit (VvSegment      *self,
                   VvSegmentState  state,
                   const char     *author)
{
  g_return_if_fail (VV_IS_SEGMENT (self));

  vv_segment_add_history (self, vv_history_entry_new (NULL, author, state,
                                                      vv_segment_get_target (self),
                                                      self->origin));
  vv_segment_set_state (self, state);
}

guint
vv_segment_get_n_comments (VvSegment *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), 0);
  return self->comments ? self->comments->len : 0;
}

const VvComment *
vv_segment_get_comment (VvSegment *self,
                        guint      index)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), NULL);
  g_return_val_if_fail (index < vv_segment_get_n_comments (self), NULL);
  return g_ptr_array_index (self->comments, index);
}

/**
 * vv_segment_add_comment:
 * @self: a #VvSegment
 * @comment: (transfer full): the comment
 */
void
vv_segment_add_comment (VvSegment *self,
                        VvComment *comment)
{
  g_return_if_fail (VV_IS_SEGMENT (self));
  g_return_if_fail (comment != NULL);

  if (self->comments == NULL)
    self->comments = g_ptr_array_new_with_free_func ((GDestroyNotify)vv_comment_free);
  g_ptr_array_add (self->comments, comment);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_COMMENTS]);
  vv_segment_changed (self, VV_SEGMENT_CHANGE_COMMENTS, self->state);
}

void
vv_segment_set_comment_resolved (VvSegment *self,
                                 guint      index,
                                 gboolean   resolved)
{
  VvComment *comment;

  g_return_if_fail (VV_IS_SEGMENT (self));
  g_return_if_fail (index < vv_segment_get_n_comments (self));

  comment = g_ptr_array_index (self->comments, index);
  if (comment->resolved == !!resolved)
    return;
  comment->resolved = !!resolved;
  vv_segment_changed (self, VV_SEGMENT_CHANGE_COMMENTS, self->state);
}

guint
vv_segment_get_n_unresolved_comments (VvSegment *self)
{
  guint n = 0;

  g_return_val_if_fail (VV_IS_SEGMENT (self), 0);

  for (guint i = 0; self->comments && i < self->comments->len; i++)
    {
      const VvComment *comment = g_ptr_array_index (self->comments, i);
      if (!comment->resolved)
        n++;
    }
  return n;
}

guint
vv_segment_get_n_history (VvSegment *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), 0);
  return self->history ? self->history->len : 0;
}

const VvHistoryEntry *
vv_segment_get_history (VvSegment *self,
                        guint      index)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), NULL);
  g_return_val_if_fail (index < vv_segment_get_n_history (self), NULL);
  return g_ptr_array_index (self->history, index);
}

/**
 * vv_segment_add_history:
 * @self: a #VvSegment
 * @entry: (transfer full): the entry to append
 */
void
vv_segment_add_history (VvSegment      *self,
                        VvHistoryEntry *entry)
{
  g_return_if_fail (VV_IS_SEGMENT (self));
  g_return_if_fail (entry != NULL);

  if (self->history == NULL)
    self->history = g_ptr_array_new_with_free_func ((GDestroyNotify)vv_history_entry_free);
  g_ptr_array_add (self->history, entry);
  vv_segment_changed (self, VV_SEGMENT_CHANGE_HISTORY, self->state);
}

guint
vv_segment_get_n_suggestions (VvSegment *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), 0);
  return self->suggestions ? self->suggestions->len : 0;
}

const VvSuggestion *
vv_segment_get_suggestion (VvSegment *self,
                           guint      index)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), NULL);
  g_return_val_if_fail (index < vv_segment_get_n_suggestions (self), NULL);
  return g_ptr_array_index (self->suggestions, index);
}

const char *
vv_segment_lookup_suggestion (VvSegment  *self,
                              const char *provider)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), NULL);

  for (guint i = 0; self->suggestions && i < self->suggestions->len; i++)
    {
      const VvSuggestion *s = g_ptr_array_index (self->suggestions, i);
      if (g_strcmp0 (s->provider, provider) == 0)
        return s->text;
    }
  return NULL;
}

/**
 * vv_segment_set_suggestion:
 * @self: a #VvSegment
 * @provider: a provider id
 * @text: (nullable): its suggestion, or %NULL to remove it
 *
 * Stores a machine-translation (or memory) suggestion for the segment,
 * replacing an earlier one from the same provider. The target is untouched.
 */
void
vv_segment_set_suggestion (VvSegment  *self,
                           const char *provider,
                           const char *text)
{
  g_return_if_fail (VV_IS_SEGMENT (self));
  g_return_if_fail (provider != NULL);

  for (guint i = 0; self->suggestions && i < self->suggestions->len; i++)
    {
      VvSuggestion *s = g_ptr_array_index (self->suggestions, i);
      if (g_strcmp0 (s->provider, provider) == 0)
        {
          if (text == NULL)
            g_ptr_array_remove_index (self->suggestions, i);
          else if (!vv_set_str (&s->text, text))
            return;
          vv_segment_changed (self, VV_SEGMENT_CHANGE_SUGGESTIONS, self->state);
          return;
        }
    }

  if (text == NULL)
    return;

  if (self->suggestions == NULL)
    self->suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify)vv_suggestion_free);
  g_ptr_array_add (self->suggestions, vv_suggestion_new (provider, text));
  vv_segment_changed (self, VV_SEGMENT_CHANGE_SUGGESTIONS, self->state);
}

static const char * const state_ids[VV_SEGMENT_N_STATES] = {
  "untranslated", "draft", "translated", "needs-changes", "approved",
};

/**
 * vv_segment_state_to_string:
 * @state: a #VvSegmentState
 *
 * Returns: the state's stable, untranslated id, as used in files
 */
const char *
vv_segment_state_to_string (VvSegmentState state)
{
  g_return_val_if_fail (state < VV_SEGMENT_N_STATES, NULL);
  return state_ids[state];
}

gboolean
vv_segment_state_from_string (const char     *string,
                              VvSegmentState *state)
{
  for (guint i = 0; i < VV_SEGMENT_N_STATES; i++)
    {
      if (g_strcmp0 (string, state_ids[i]) == 0)
        {
          *state = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * vv_segment_state_get_label:
 * @state: a #VvSegmentState
 *
 * Returns: the state's name for people, translated
 */
const char *
vv_segment_state_get_label (VvSegmentState state)
{
  switch (state)
    {
    case VV_SEGMENT_STATE_UNTRANSLATED:
      return C_("segment state", "Untranslated");
    case VV_SEGMENT_STATE_DRAFT:
      return C_("segment state", "Draft");
    case VV_SEGMENT_STATE_TRANSLATED:
      return C_("segment state", "Translated");
    case VV_SEGMENT_STATE_NEEDS_CHANGES:
      return C_("segment state", "Needs changes");
    case VV_SEGMENT_STATE_APPROVED:
      return C_("segment state", "Approved");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * vv_segment_get_edit_seconds:
 * @self: a #VvSegment
 *
 * Returns: the seconds spent editing the target (focused typing, pauses
 *   of 30 s or more left out), as recorded by the window
 */
guint
vv_segment_get_edit_seconds (VvSegment *self)
{
  g_return_val_if_fail (VV_IS_SEGMENT (self), 0);
  return self->edit_seconds;
}

/**
 * vv_segment_add_edit_seconds:
 * @self: a #VvSegment
 * @seconds: seconds of editing to add
 */
void
vv_segment_add_edit_seconds (VvSegment *self,
                             guint      seconds)
{
  g_return_if_fail (VV_IS_SEGMENT (self));
  self->edit_seconds = (G_MAXUINT - self->edit_seconds < seconds) ? G_MAXUINT
                                                                  : self->edit_seconds + seconds;
}
