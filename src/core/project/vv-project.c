/* vv-project.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vv-block.h"
#include "vv-document.h"
#include "vv-document-private.h"
#include "vv-project.h"
#include "vv-project-private.h"
#include "vv-segment.h"
#include "vv-utils.h"

/* A *.visavis project is one JSON object:
 *
 *   { "format": 1, "generator": …, "title": …, "source-uri": …,
 *     "source-language": "fr", "target-language": "en",
 *     "created": ISO 8601, "changed": ISO 8601,
 *     "blocks": [ { "kind": "paragraph", "level": 0, "included": false,
 *                   "segments": [ { "id": 1, "source": …, "target": …,
 *                                   "state": "draft", "origin": "mt:apertium",
 *                                   "flags": ["locked"], "suggestions": [{provider, text}],
 *                                   "comments": [{author, time, text, resolved}],
 *                                   "history": [{time, author, state, target, origin}] } ] } ] }
 *
 * Optional members are left out when empty, so a project stays small. */

G_DEFINE_QUARK (vv-project-error-quark, vv_project_error)

static void
add_time (JsonBuilder *builder,
          const char  *name,
          GDateTime   *time)
{
  g_autofree char *text = vv_date_time_format_iso8601 (time);

  if (text == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* A save's snapshot: the document copied into plain immutable structs on
 * the main thread (the model is not thread-safe), so that the JSON tree
 * and its text can be built in a worker thread (vv-project-save.c). The
 * texts are the segments' own GRefStrings, shared: taking the snapshot of
 * a 23,000-segment article is one pass of reference counts, not a copy. */

typedef struct
{
  char           *source;       /* GRefString */
  char           *target;       /* GRefString or NULL */
  char           *origin;       /* GRefString or NULL */
  GPtrArray      *suggestions;  /* VvSuggestion copies, or NULL */
  GPtrArray      *comments;     /* VvComment copies, or NULL */
  GPtrArray      *history;      /* VvHistoryEntry copies, or NULL */
  guint           id;
  guint           edit_seconds;
  VvSegmentState  state;
  VvSegmentFlags  flags;
} SegmentSnapshot;

typedef struct
{
  VvBlockKind kind;
  guint       level;
  gboolean    included;
  guint       first;      /* index in VvProjectSnapshot.segments */
  guint       n_segments;
} BlockSnapshot;

struct _VvProjectSnapshot
{
  char   *title;
  char   *source_uri;
  char   *source_language;
  char   *target_language;
  char   *created;
  char   *changed;
  GArray *blocks;    /* BlockSnapshot */
  GArray *segments;  /* SegmentSnapshot */
};

static void
segment_snapshot_clear (gpointer data)
{
  SegmentSnapshot *s = data;

  g_clear_pointer (&s->source, g_ref_string_release);
  g_clear_pointer (&s->target, g_ref_string_release);
  g_clear_pointer (&s->origin, g_ref_string_release);
  g_clear_pointer (&s->suggestions, g_ptr_array_unref);
  g_clear_pointer (&s->comments, g_ptr_array_unref);
  g_clear_pointer (&s->history, g_ptr_array_unref);
}

/**
 * _vv_project_snapshot_new:
 * @document: a #VvDocument
 *
 * Copies what the project file holds of @document, to be written from any
 * thread. Cheap: the texts are shared, not copied.
 *
 * Returns: (transfer full): the snapshot, for _vv_project_snapshot_to_node()
 */
VvProjectSnapshot *
_vv_project_snapshot_new (VvDocument *document)
{
  VvProjectSnapshot *snapshot = g_new0 (VvProjectSnapshot, 1);
  guint n_blocks = vv_document_get_n_blocks (document);

  snapshot->title = g_strdup (vv_document_get_title (document));
  snapshot->source_uri = g_strdup (vv_document_get_source_uri (document));
  snapshot->source_language = g_strdup (vv_document_get_source_language (document));
  snapshot->target_language = g_strdup (vv_document_get_target_language (document));
  snapshot->created = vv_date_time_format_iso8601 (vv_document_get_created (document));
  snapshot->changed = vv_date_time_format_iso8601 (vv_document_get_changed (document));
  snapshot->blocks = g_array_sized_new (FALSE, FALSE, sizeof (BlockSnapshot), n_blocks);
  snapshot->segments = g_array_sized_new (FALSE, TRUE, sizeof (SegmentSnapshot),
                                          vv_document_get_n_segments (document));
  g_array_set_clear_func (snapshot->segments, segment_snapshot_clear);

  for (guint b = 0; b < n_blocks; b++)
    {
      VvBlock *block = vv_document_get_block (document, b);
      BlockSnapshot bs = {
        .kind = vv_block_get_kind (block),
        .level = vv_block_get_level (block),
        .included = vv_block_get_included (block),
        .first = snapshot->segments->len,
        .n_segments = vv_block_get_n_segments (block),
      };

      g_array_set_size (snapshot->segments, bs.first + bs.n_segments);
      for (guint i = 0; i < bs.n_segments; i++)
        {
          VvSegment *segment = vv_block_get_segment (block, i);
          SegmentSnapshot *ss = &g_array_index (snapshot->segments, SegmentSnapshot, bs.first + i);
          guint n;

          ss->source = _vv_segment_ref_source (segment);
          ss->target = _vv_segment_ref_target (segment);
          ss->origin = _vv_segment_ref_origin (segment);
          ss->id = vv_segment_get_id (segment);
          ss->edit_seconds = vv_segment_get_edit_seconds (segment);
          ss->state = vv_segment_get_state (segment);
          ss->flags = vv_segment_get_flags (segment);

          if ((n = vv_segment_get_n_suggestions (segment)) > 0)
            {
              ss->suggestions = g_ptr_array_new_full (n, (GDestroyNotify)vv_suggestion_free);
              for (guint k = 0; k < n; k++)
                g_ptr_array_add (ss->suggestions, vv_suggestion_copy (vv_segment_get_suggestion (segment, k)));
            }
          if ((n = vv_segment_get_n_comments (segment)) > 0)
            {
              ss->comments = g_ptr_array_new_full (n, (GDestroyNotify)vv_comment_free);
              for (guint k = 0; k < n; k++)
                g_ptr_array_add (ss->comments, vv_comment_copy (vv_segment_get_comment (segment, k)));
            }
          if ((n = vv_segment_get_n_history (segment)) > 0)
            {
              ss->history = g_ptr_array_new_full (n, (GDestroyNotify)vv_history_entry_free);
              for (guint k = 0; k < n; k++)
                g_ptr_array_add (ss->history, vv_history_entry_copy (vv_segment_get_history (segment, k)));
            }
        }
      g_array_append_val (snapshot->blocks, bs);
    }

  return snapshot;
}

void
_vv_project_snapshot_free (VvProjectSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->title);
  g_free (snapshot->source_uri);
  g_free (snapshot->source_language);
  g_free (snapshot->target_language);
  g_free (snapshot->created);
  g_free (snapshot->changed);
  g_array_unref (snapshot->blocks);
  g_array_unref (snapshot->segments);
  g_free (snapshot);
}

static void
build_segment (JsonBuilder           *builder,
               const SegmentSnapshot *segment)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, segment->id);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, segment->source);
  add_string (builder, "target", segment->target);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, vv_segment_state_to_string (segment->state));
  add_string (builder, "origin", segment->origin);
  if (segment->edit_seconds > 0)
    {
      json_builder_set_member_name (builder, "edit-seconds");
      json_builder_add_int_value (builder, segment->edit_seconds);
    }

  if (segment->flags != VV_SEGMENT_FLAGS_NONE)
    {
      json_builder_set_member_name (builder, "flags");
      json_builder_begin_array (builder);
      if (segment->flags & VV_SEGMENT_FLAGS_LOCKED)
        json_builder_add_string_value (builder, "locked");
      if (segment->flags & VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE)
        json_builder_add_string_value (builder, "do-not-translate");
      json_builder_end_array (builder);
    }

  if (segment->suggestions != NULL)
    {
      json_builder_set_member_name (builder, "suggestions");
      json_builder_begin_array (builder);
      for (guint i = 0; i < segment->suggestions->len; i++)
        {
          const VvSuggestion *s = g_ptr_array_index (segment->suggestions, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "provider");
          json_builder_add_string_value (builder, s->provider);
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, s->text);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  if (segment->comments != NULL)
    {
      json_builder_set_member_name (builder, "comments");
      json_builder_begin_array (builder);
      for (guint i = 0; i < segment->comments->len; i++)
        {
          const VvComment *c = g_ptr_array_index (segment->comments, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "author");
          json_builder_add_string_value (builder, c->author);
          add_time (builder, "time", c->time);
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, c->text);
          json_builder_set_member_name (builder, "resolved");
          json_builder_add_boolean_value (builder, c->resolved);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  if (segment->history != NULL)
    {
      json_builder_set_member_name (builder, "history");
      json_builder_begin_array (builder);
      for (guint i = 0; i < segment->history->len; i++)
        {
          const VvHistoryEntry *h = g_ptr_array_index (segment->history, i);

          json_builder_begin_object (builder);
          add_time (builder, "time", h->time);
          json_builder_set_member_name (builder, "author");
          json_builder_add_string_value (builder, h->author);
          json_builder_set_member_name (builder, "state");
          json_builder_add_string_value (builder, vv_segment_state_to_string (h->state));
          json_builder_set_member_name (builder, "target");
          json_builder_add_string_value (builder, h->target);
          add_string (builder, "origin", h->origin);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

/**
 * vv_project_to_data:
 * @document: a #VvDocument
 * @length: (out) (optional): the length of the result
 *
 * Serialises @document in the *.visavis format.
 *
 * Returns: (transfer full): the JSON text
 */
char *
vv_project_to_data (VvDocument *document,
                    gsize      *length)
{
  g_autoptr(JsonNode) root = NULL;
  VvProjectSnapshot *snapshot;

  g_return_val_if_fail (VV_IS_DOCUMENT (document), NULL);

  snapshot = _vv_project_snapshot_new (document);
  root = _vv_project_snapshot_to_node (snapshot);
  _vv_project_snapshot_free (snapshot);
  return _vv_project_node_to_data (root, length);
}

/* The JSON tree of a snapshot; any thread. */
JsonNode *
_vv_project_snapshot_to_node (const VvProjectSnapshot *snapshot)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, VV_PROJECT_FORMAT);
  add_string (builder, "generator", "Vis-à-vis " PACKAGE_VERSION);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, snapshot->title);
  add_string (builder, "source-uri", snapshot->source_uri);
  add_string (builder, "source-language", snapshot->source_language);
  add_string (builder, "target-language", snapshot->target_language);
  add_string (builder, "created", snapshot->created);
  add_string (builder, "changed", snapshot->changed);

  json_builder_set_member_name (builder, "blocks");
  json_builder_begin_array (builder);
  for (guint b = 0; b < snapshot->blocks->len; b++)
    {
      const BlockSnapshot *block = &g_array_index (snapshot->blocks, BlockSnapshot, b);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, vv_block_kind_to_string (block->kind));
      if (block->level > 0)
        {
          json_builder_set_member_name (builder, "level");
          json_builder_add_int_value (builder, block->level);
        }
      if (block->included)
        {
          json_builder_set_member_name (builder, "included");
          json_builder_add_boolean_value (builder, TRUE);
        }
      json_builder_set_member_name (builder, "segments");
      json_builder_begin_array (builder);
      for (guint s = 0; s < block->n_segments; s++)
        build_segment (builder, &g_array_index (snapshot->segments, SegmentSnapshot, block->first + s));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
_vv_project_node_to_data (JsonNode *root,
                          gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  return json_generator_to_data (generator, length);
}

/* Reading: every access checks the node type, and errors say where. */

typedef struct
{
  const char *display_name;
  GError    **error;
} Reader;

G_GNUC_PRINTF (2, 3)
static gboolean
fail (Reader     *reader,
      const char *format,
      ...)
{
  g_autofree char *raw = NULL;
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  raw = g_strdup_vprintf (format, args);
  va_end (args);
  /* the detail quotes values and member names from the file, where
   * json-glib passes an escape such as "\202" through as a raw byte */
  detail = g_utf8_make_valid (raw, -1);

  g_set_error (reader->error, VV_PROJECT_ERROR, VV_PROJECT_ERROR_INVALID,
               /* Translators: “file.visavis” is not a valid project: <detail> */
               _("“%s” is not a valid project: %s"), reader->display_name, detail);
  return FALSE;
}

static gboolean
get_string (Reader      *reader,
            JsonObject  *object,
            const char  *member,
            gboolean     required,
            const char  *where,
            const char **value)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (reader, _("%s has no “%s”"), where, member);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (reader, _("“%s” of %s is not a string"), member, where);

  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_int (Reader     *reader,
         JsonObject *object,
         const char *member,
         gboolean    required,
         const char *where,
         gint64     *value)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = 0;
  if (node == NULL)
    {
      if (required)
        return fail (reader, _("%s has no “%s”"), where, member);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (reader, _("“%s” of %s is not a whole number"), member, where);

  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_bool (Reader     *reader,
          JsonObject *object,
          const char *member,
          const char *where,
          gboolean   *value)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (reader, _("“%s” of %s is not true or false"), member, where);

  *value = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_array (Reader      *reader,
           JsonObject  *object,
           const char  *member,
           gboolean     required,
           const char  *where,
           JsonArray  **value)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL)
    {
      if (required)
        return fail (reader, _("%s has no “%s”"), where, member);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, _("“%s” of %s is not a list"), member, where);

  *value = json_node_get_array (node);
  return TRUE;
}

static gboolean
get_time (Reader      *reader,
          JsonObject  *object,
          const char  *member,
          const char  *where,
          GDateTime  **value)
{
  const char *text;

  *value = NULL;
  if (!get_string (reader, object, member, FALSE, where, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  *value = vv_date_time_parse_iso8601 (text);
  if (*value == NULL)
    return fail (reader, _("“%s” of %s is not a date (“%s”)"), member, where, text);
  return TRUE;
}

static JsonObject *
get_object_element (Reader     *reader,
                    JsonArray  *array,
                    guint       index,
                    const char *where)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (reader, _("item %u of %s is not an object"), index + 1, where);
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
read_segment (Reader      *reader,
              JsonObject  *object,
              VvBlock     *block,
              GHashTable  *seen_ids,
              const char  *where)
{
  g_autoptr(VvSegment) segment = NULL;
  const char *source, *target, *state_id, *origin;
  JsonArray *array;
  VvSegmentState state;
  gint64 id, seconds;

  if (!get_int (reader, object, "id", TRUE, where, &id))
    return FALSE;
  if (id <= 0 || id > G_MAXUINT)
    return fail (reader, _("%s has an invalid id %" PRId64), where, id);
  if (!g_hash_table_add (seen_ids, GUINT_TO_POINTER ((guint)id)))
    return fail (reader, _("segment id %" PRId64 " is used twice"), id);

  if (!get_string (reader, object, "source", TRUE, where, &source) ||
      !get_string (reader, object, "target", FALSE, where, &target) ||
      !get_string (reader, object, "state", TRUE, where, &state_id) ||
      !get_string (reader, object, "origin", FALSE, where, &origin))
    return FALSE;

  if (!vv_segment_state_from_string (state_id, &state))
    return fail (reader, _("%s has an unknown state “%s”"), where, state_id);

  segment = vv_segment_new ((guint)id, source);
  vv_segment_set_target (segment, target);
  vv_segment_set_state (segment, state);
  vv_segment_set_origin (segment, origin);

  /* optional: files from before time tracking have none */
  seconds = 0;
  if (!get_int (reader, object, "edit-seconds", FALSE, where, &seconds))
    return FALSE;
  if (seconds < 0 || seconds > G_MAXUINT)
    return fail (reader, _("%s has an invalid edit-seconds %" PRId64), where, seconds);
  vv_segment_add_edit_seconds (segment, (guint) seconds);

  if (!get_array (reader, object, "flags", FALSE, where, &array))
    return FALSE;
  if (array != NULL)
    {
      VvSegmentFlags flags = VV_SEGMENT_FLAGS_NONE;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          const char *flag;

          /* json_array_get_string_element() is critical on an array or object */
          if (json_node_get_value_type (node) != G_TYPE_STRING)
            return fail (reader, _("%s has a flag that is not a string"), where);
          flag = json_node_get_string (node);
          if (g_strcmp0 (flag, "locked") == 0)
            flags |= VV_SEGMENT_FLAGS_LOCKED;
          else if (g_strcmp0 (flag, "do-not-translate") == 0)
            flags |= VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE;
          /* unknown flags from later versions are ignored */
        }
      vv_segment_set_flags (segment, flags);
    }

  if (!get_array (reader, object, "suggestions", FALSE, where, &array))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *item = get_object_element (reader, array, i, where);
      const char *provider, *text;

      if (item == NULL ||
          !get_string (reader, item, "provider", TRUE, where, &provider) ||
          !get_string (reader, item, "text", TRUE, where, &text))
        return FALSE;
      vv_segment_set_suggestion (segment, provider, text);
    }

  if (!get_array (reader, object, "comments", FALSE, where, &array))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *item = get_object_element (reader, array, i, where);
      g_autoptr(GDateTime) time = NULL;
      const char *author, *text;
      gboolean resolved;

      if (item == NULL ||
          !get_string (reader, item, "author", FALSE, where, &author) ||
          !get_string (reader, item, "text", TRUE, where, &text) ||
          !get_time (reader, item, "time", where, &time) ||
          !get_bool (reader, item, "resolved", where, &resolved))
        return FALSE;
      vv_segment_add_comment (segment, vv_comment_new (author, time, text, resolved));
    }

  if (!get_array (reader, object, "history", FALSE, where, &array))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *item = get_object_element (reader, array, i, where);
      g_autoptr(GDateTime) time = NULL;
      const char *author, *h_state_id, *h_target, *h_origin;
      VvSegmentState h_state;

      if (item == NULL ||
          !get_string (reader, item, "author", FALSE, where, &author) ||
          !get_string (reader, item, "state", TRUE, where, &h_state_id) ||
          !get_string (reader, item, "target", FALSE, where, &h_target) ||
          !get_string (reader, item, "origin", FALSE, where, &h_origin) ||
          !get_time (reader, item, "time", where, &time))
        return FALSE;
      if (!vv_segment_state_from_string (h_state_id, &h_state))
        return fail (reader, _("%s has an unknown state “%s”"), where, h_state_id);
      vv_segment_add_history (segment, vv_history_entry_new (time, author, h_state, h_target, h_origin));
    }

  vv_block_add_segment (block, segment);
  return TRUE;
}

/**
 * vv_project_from_data:
 * @data: the JSON text
 * @length: its length, or -1
 * @display_name: the file name, for messages
 * @error: return location for an error
 *
 * Reads a project. Every field is checked; on any problem the error names
 * @display_name and what is wrong, and nothing is returned.
 *
 * Returns: (transfer full) (nullable): the document
 */
VvDocument *
vv_project_from_data (const char  *data,
                      gsize        length,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GHashTable) seen_ids = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) changed = NULL;
  Reader reader = { display_name, error };
  const char *title, *uri, *source_language, *target_language, *generator;
  JsonObject *root;
  JsonArray *blocks;
  JsonNode *node;
  gint64 format;

  g_return_val_if_fail (data != NULL, NULL);

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, VV_PROJECT_ERROR, VV_PROJECT_ERROR_PARSE,
                   _("“%s” is not a valid project: it is not UTF-8 text"), display_name);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes the offending token cut at a byte count, which can
       * split a UTF-8 sequence (found by fuzzing) */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, VV_PROJECT_ERROR, VV_PROJECT_ERROR_PARSE,
                   _("“%s” is damaged: %s"), display_name, reason);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (&reader, _("the file is not a JSON object"));
      return NULL;
    }
  root = json_node_get_object (node);

  if (!json_object_has_member (root, "format"))
    {
      fail (&reader, _("it has no “format” version"));
      return NULL;
    }
  if (!get_int (&reader, root, "format", TRUE, _("the project"), &format))
    return NULL;
  if (format > VV_PROJECT_FORMAT)
    {
      g_set_error (error, VV_PROJECT_ERROR, VV_PROJECT_ERROR_NEWER_VERSION,
                   _("“%s” was saved by a newer version of Vis-à-vis (project format %" PRId64
                     ", this version reads up to %d); update Vis-à-vis to open it"),
                   display_name, format, VV_PROJECT_FORMAT);
      return NULL;
    }
  if (format < 1)
    {
      fail (&reader, _("unknown format version %" PRId64), format);
      return NULL;
    }

  if (!get_string (&reader, root, "title", FALSE, _("the project"), &title) ||
      !get_string (&reader, root, "source-uri", FALSE, _("the project"), &uri) ||
      !get_string (&reader, root, "source-language", FALSE, _("the project"), &source_language) ||
      !get_string (&reader, root, "target-language", FALSE, _("the project"), &target_language) ||
      !get_string (&reader, root, "generator", FALSE, _("the project"), &generator) ||
      !get_time (&reader, root, "created", _("the project"), &created) ||
      !get_time (&reader, root, "changed", _("the project"), &changed) ||
      !get_array (&reader, root, "blocks", TRUE, _("the project"), &blocks))
    return NULL;

  document = vv_document_new ();
  vv_document_begin_batch (document);
  vv_document_set_title (document, title);
  vv_document_set_source_uri (document, uri);
  if (source_language != NULL)
    vv_document_set_source_language (document, source_language);
  if (target_language != NULL)
    vv_document_set_target_language (document, target_language);
  if (generator != NULL)
    vv_document_set_generator (document, generator);
  if (created != NULL)
    vv_document_set_created (document, created);
  if (changed != NULL)
    vv_document_set_changed (document, changed);

  seen_ids = g_hash_table_new (NULL, NULL);

  for (guint b = 0; b < json_array_get_length (blocks); b++)
    {
      g_autofree char *where = g_strdup_printf (_("block %u"), b + 1);
      g_autoptr(VvBlock) block = NULL;
      JsonObject *object = get_object_element (&reader, blocks, b, _("“blocks”"));
      JsonArray *segments;
      const char *kind_id;
      VvBlockKind kind;
      gint64 level;
      gboolean included;

      if (object == NULL ||
          !get_string (&reader, object, "kind", TRUE, where, &kind_id) ||
          !get_int (&reader, object, "level", FALSE, where, &level) ||
          !get_bool (&reader, object, "included", where, &included) ||
          !get_array (&reader, object, "segments", TRUE, where, &segments))
        {
          vv_document_end_batch (document);
          return NULL;
        }

      if (!vv_block_kind_from_string (kind_id, &kind))
        kind = VV_BLOCK_KIND_PARAGRAPH;  /* a kind from a later version */
      if (level < 0 || level > 6)
        {
          fail (&reader, _("%s has an invalid heading level %" PRId64), where, level);
          vv_document_end_batch (document);
          return NULL;
        }

      block = vv_block_new (kind, (guint)level);
      vv_block_set_included (block, included);

      for (guint s = 0; s < json_array_get_length (segments); s++)
        {
          g_autofree char *segment_where = g_strdup_printf (_("segment %u of block %u"), s + 1, b + 1);
          JsonObject *segment = get_object_element (&reader, segments, s, where);

          if (segment == NULL || !read_segment (&reader, segment, block, seen_ids, segment_where))
            {
              vv_document_end_batch (document);
              return NULL;
            }
        }

      vv_document_append_block (document, block);
    }

  vv_document_end_batch (document);
  vv_document_set_dirty (document, FALSE);
  return g_steal_pointer (&document);
}

/**
 * vv_project_save:
 * @document: a #VvDocument
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Saves atomically: the data goes to a temporary file that replaces @file
 * only once fully written, and the previous version is kept as a backup
 * (“file.visavis~”). On failure @file is untouched.
 *
 * Returns: %TRUE on success
 */
gboolean
vv_project_save (VvDocument    *document,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (VV_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  _vv_project_touch_changed (document);
  data = vv_project_to_data (document, &length);

  if (!vv_project_write_atomic (file, data, length, cancellable, error))
    return FALSE;

  vv_document_set_dirty (document, FALSE);
  return TRUE;
}

/**
 * vv_project_load:
 * @file: a *.visavis file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the document
 */
VvDocument *
vv_project_load (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = vv_file_get_display_name (file);
  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot open “%s”: %s"), display_name, local_error->message);
      return NULL;
    }

  return vv_project_from_data (data, length, display_name, error);
}
