/* vv-import-xliff.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "vv-block.h"
#include "vv-document.h"
#include "vv-importer.h"
#include "vv-roundtrip.h"
#include "vv-segment.h"
#include "vv-state-map.h"
#include "vv-utils.h"

/* XLIFF 1.2 and 2.0, ours and other tools'.
 *
 * Units: XLIFF 1.2 <trans-unit> (split into its <mrk mtype="seg"> segments
 * when it has a <seg-source>, as Okapi and OmegaT write them), XLIFF 2.0
 * <segment> inside <unit>. A unit's id is kept as the segment id when it is
 * a number; other ids (translate-toolkit uses the source text, OmegaT
 * "0_1") get fresh numbers. Blocks: our <group restype="x-KIND"> /
 * <group type="visavis:KIND"> become blocks of that kind; other tools'
 * trans-units (or segmented units) each become a paragraph. Inline codes
 * (<ph>, <bpt>, <ept>, <it>, <sc>, <ec>…) are left out of the text, the
 * text of <g>, <mrk> and <pc> is kept, and <cp hex="…"/> is its character.
 * States follow vv-state-map.c; notes become comments (their "from", or
 * the author and time of our Metadata-module groups). */

#define NS_XLIFF12 "urn:oasis:names:tc:xliff:document:1.2"
#define NS_XLIFF20 "urn:oasis:names:tc:xliff:document:2.0"
#define NS_MDA "urn:oasis:names:tc:xliff:metadata:2.0"

typedef struct
{
  VvRoundtripFile *file;
  const char   *ns;
  guint         block;
  VvBlockKind   kind;
  guint         level;
} Reader;

static gboolean
is_el (xmlNodePtr  node,
       const char *ns,
       const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_str_equal ((const char *)node->ns->href, ns) &&
         g_str_equal ((const char *)node->name, name);
}

static char *
prop (xmlNodePtr  node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *)value);

  xmlFree (value);
  return copy;
}

/* The plain text of a <source>/<target>/<mrk>, without inline codes */
static void
inline_text (xmlNodePtr  node,
             GString    *out)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      const char *name = (const char *)child->name;

      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *)child->content);
      else if (child->type != XML_ELEMENT_NODE)
        continue;
      else if (g_str_equal (name, "cp"))
        {
          g_autofree char *hex = prop (child, "hex");
          guint64 value;

          if (hex != NULL && g_ascii_string_to_unsigned (hex, 16, 1, 0x10FFFF, &value, NULL))
            g_string_append_unichar (out, (gunichar)value);
        }
      else if (g_str_equal (name, "ph") || g_str_equal (name, "bpt") || g_str_equal (name, "ept") ||
               g_str_equal (name, "it") || g_str_equal (name, "sub") || g_str_equal (name, "sc") ||
               g_str_equal (name, "ec") || g_str_equal (name, "sm") || g_str_equal (name, "em"))
        continue;
      else
        inline_text (child, out);
    }
}

static char *
text_of (xmlNodePtr node)
{
  GString *out = g_string_new (NULL);

  inline_text (node, out);
  return g_string_free (out, FALSE);
}

static VvRoundtripUnit *
new_unit (Reader     *reader,
          const char *file_id)
{
  VvRoundtripUnit *unit = g_new0 (VvRoundtripUnit, 1);
  guint64 id;

  unit->comments = g_ptr_array_new_with_free_func ((GDestroyNotify)vv_comment_free);
  unit->file_id = g_strdup (file_id ? file_id : "");
  if (file_id != NULL && g_ascii_string_to_unsigned (file_id, 10, 1, G_MAXUINT, &id, NULL))
    unit->id = id;
  unit->block = reader->block;
  unit->kind = reader->kind;
  unit->level = reader->level;
  g_ptr_array_add (reader->file->units, unit);
  return unit;
}

/* "x-heading-2", "visavis:paragraph" → kind and level; FALSE for others' groups */
static gboolean
parse_group_kind (const char  *type,
                  VvBlockKind *kind,
                  guint       *level)
{
  const char *name;

  if (type == NULL)
    return FALSE;
  if (g_str_has_prefix (type, "x-"))
    name = type + 2;
  else if (g_str_has_prefix (type, VV_XLIFF20_SUBSTATE_PREFIX ":"))
    name = type + strlen (VV_XLIFF20_SUBSTATE_PREFIX ":");
  else
    return FALSE;

  *level = 0;
  if (g_str_has_prefix (name, "heading-"))
    {
      *kind = VV_BLOCK_KIND_HEADING;
      *level = CLAMP (atoi (name + 8), 1, 6);
      return TRUE;
    }
  return vv_block_kind_from_string (name, kind);
}

/* ---- XLIFF 1.2 ---- */

static void
read_trans_unit (Reader     *reader,
                 xmlNodePtr  tu,
                 gboolean    in_our_group)
{
  g_autofree char *id = prop (tu, "id");
  g_autofree char *approved_attr = prop (tu, "approved");
  gboolean approved = g_strcmp0 (approved_attr, "yes") == 0;
  xmlNodePtr source = NULL, seg_source = NULL, target = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify)vv_comment_free);
  g_autofree char *state = NULL;
  g_autofree char *qualifier = NULL;
  guint first_unit = reader->file->units->len;

  for (xmlNodePtr child = tu->children; child != NULL; child = child->next)
    {
      if (is_el (child, NS_XLIFF12, "source"))
        source = child;
      else if (is_el (child, NS_XLIFF12, "seg-source"))
        seg_source = child;
      else if (is_el (child, NS_XLIFF12, "target"))
        target = child;
      else if (is_el (child, NS_XLIFF12, "note"))
        {
          g_autofree char *from = prop (child, "from");
          g_autofree char *text = text_of (child);

          if (*g_strstrip (text) != '\0')
            g_ptr_array_add (notes, vv_comment_new (from ? from : "", NULL, text, FALSE));
        }
    }
  if (source == NULL)
    return;

  if (target != NULL)
    {
      state = prop (target, "state");
      qualifier = prop (target, "state-qualifier");
    }

  if (!in_our_group)
    {
      /* each unit of another tool is a paragraph */
      reader->block++;
      reader->kind = VV_BLOCK_KIND_PARAGRAPH;
      reader->level = 0;
    }

  if (seg_source != NULL)
    {
      /* segmented: one segment per <mrk mtype="seg">, targets matched by mid */
      for (xmlNodePtr mrk = seg_source->children; mrk != NULL; mrk = mrk->next)
        {
          g_autofree char *mtype = NULL;
          g_autofree char *mid = NULL;
          g_autofree char *unit_id = NULL;
          VvRoundtripUnit *unit;

          if (!is_el (mrk, NS_XLIFF12, "mrk"))
            continue;
          mtype = prop (mrk, "mtype");
          if (g_strcmp0 (mtype, "seg") != 0)
            continue;
          mid = prop (mrk, "mid");
          unit_id = g_strdup_printf ("%s_%s", id ? id : "", mid ? mid : "");
          unit = new_unit (reader, unit_id);
          unit->id = 0;
          unit->source = text_of (mrk);
          for (xmlNodePtr tm = target ? target->children : NULL; tm != NULL; tm = tm->next)
            {
              g_autofree char *tmid = NULL;

              if (!is_el (tm, NS_XLIFF12, "mrk"))
                continue;
              tmid = prop (tm, "mid");
              if (g_strcmp0 (tmid, mid) == 0)
                {
                  g_free (unit->target);  /* a repeated mid: the last wins */
                  unit->target = text_of (tm);
                }
            }
        }
    }

  if (reader->file->units->len == first_unit)
    {
      VvRoundtripUnit *unit = new_unit (reader, id);

      unit->source = text_of (source);
      if (target != NULL)
        unit->target = text_of (target);
    }

  for (guint i = first_unit; i < reader->file->units->len; i++)
    {
      VvRoundtripUnit *unit = g_ptr_array_index (reader->file->units, i);
      gboolean has_target = unit->target != NULL && *unit->target != '\0';

      unit->has_state = TRUE;
      unit->state = vv_state_from_xliff12 (state, qualifier, approved, has_target);
      if (i == first_unit)
        for (guint n = 0; n < notes->len; n++)
          g_ptr_array_add (unit->comments, vv_comment_copy (g_ptr_array_index (notes, n)));
    }
}

static void
read_xliff12_body (Reader     *reader,
                   xmlNodePtr  node,
                   gboolean    in_our_group)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (is_el (child, NS_XLIFF12, "trans-unit"))
        read_trans_unit (reader, child, in_our_group);
      else if (is_el (child, NS_XLIFF12, "group"))
        {
          g_autofree char *restype = prop (child, "restype");
          VvBlockKind kind;
          guint level;

          if (parse_group_kind (restype, &kind, &level))
            {
              reader->block++;
              reader->kind = kind;
              reader->level = level;
              read_xliff12_body (reader, child, TRUE);
            }
          else
            read_xliff12_body (reader, child, in_our_group);
        }
    }
}

/* ---- XLIFF 2.0 ---- */

static void
read_unit20 (Reader     *reader,
             xmlNodePtr  unit_node,
             gboolean    in_our_group)
{
  g_autofree char *unit_id = prop (unit_node, "id");
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify)vv_comment_free);
  g_autoptr(GHashTable) meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify)g_hash_table_unref);
  guint n_segments = 0;
  guint first_unit = reader->file->units->len;

  /* our comment metadata: one metaGroup per note, keyed by the note id */
  for (xmlNodePtr child = unit_node->children; child != NULL; child = child->next)
    {
      if (!is_el (child, NS_MDA, "metadata"))
        continue;
      for (xmlNodePtr group = child->children; group != NULL; group = group->next)
        {
          GHashTable *values;
          g_autofree char *category = NULL;

          if (!is_el (group, NS_MDA, "metaGroup"))
            continue;
          category = prop (group, "category");
          if (g_strcmp0 (category, "comment") != 0)
            continue;
          values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          for (xmlNodePtr m = group->children; m != NULL; m = m->next)
            if (is_el (m, NS_MDA, "meta"))
              {
                char *type = prop (m, "type");
                if (type != NULL)
                  g_hash_table_replace (values, type, text_of (m));
              }
          if (g_hash_table_lookup (values, "note") != NULL)
            g_hash_table_replace (meta, g_strdup (g_hash_table_lookup (values, "note")), values);
          else
            g_hash_table_unref (values);
        }
    }

  for (xmlNodePtr child = unit_node->children; child != NULL; child = child->next)
    {
      if (!is_el (child, NS_XLIFF20, "notes"))
        continue;
      for (xmlNodePtr note = child->children; note != NULL; note = note->next)
        {
          g_autofree char *note_id = NULL;
          g_autofree char *text = NULL;
          g_autoptr(GDateTime) time = NULL;
          GHashTable *values;
          const char *author = "";

          if (!is_el (note, NS_XLIFF20, "note"))
            continue;
          note_id = prop (note, "id");
          text = text_of (note);
          values = note_id ? g_hash_table_lookup (meta, note_id) : NULL;
          if (values != NULL)
            {
              const char *when = g_hash_table_lookup (values, "time");
              if (g_hash_table_lookup (values, "author") != NULL)
                author = g_hash_table_lookup (values, "author");
              if (when != NULL)
                time = vv_date_time_parse_iso8601 (when);
            }
          if (*text != '\0')
            g_ptr_array_add (notes, vv_comment_new (author, time, text,
                                                    values && g_strcmp0 (g_hash_table_lookup (values, "resolved"), "yes") == 0));
        }
    }

  if (!in_our_group)
    {
      reader->block++;
      reader->kind = VV_BLOCK_KIND_PARAGRAPH;
      reader->level = 0;
    }

  for (xmlNodePtr child = unit_node->children; child != NULL; child = child->next)
    {
      g_autofree char *state = NULL;
      g_autofree char *sub_state = NULL;
      g_autofree char *id = NULL;
      VvRoundtripUnit *unit;

      if (!is_el (child, NS_XLIFF20, "segment"))
        continue;
      n_segments++;
      id = n_segments == 1 ? g_strdup (unit_id) : g_strdup_printf ("%s_%u", unit_id, n_segments);
      unit = new_unit (reader, id);
      if (n_segments > 1)
        unit->id = 0;
      state = prop (child, "state");
      sub_state = prop (child, "subState");
      for (xmlNodePtr st = child->children; st != NULL; st = st->next)
        {
          /* a damaged file may repeat <source> or <target>: the last wins */
          if (is_el (st, NS_XLIFF20, "source"))
            {
              g_free (unit->source);
              unit->source = text_of (st);
            }
          else if (is_el (st, NS_XLIFF20, "target"))
            {
              g_free (unit->target);
              unit->target = text_of (st);
            }
        }
      if (unit->source == NULL)
        unit->source = g_strdup ("");
      unit->has_state = TRUE;
      unit->state = vv_state_from_xliff20 (state, sub_state, unit->target != NULL && *unit->target != '\0');
    }

  /* a unit of several segments: the first keeps no number, so that the
   * importer numbers them in order */
  if (n_segments > 1)
    ((VvRoundtripUnit *)g_ptr_array_index (reader->file->units, first_unit))->id = 0;

  if (reader->file->units->len > first_unit)
    {
      VvRoundtripUnit *unit = g_ptr_array_index (reader->file->units, first_unit);
      for (guint n = 0; n < notes->len; n++)
        g_ptr_array_add (unit->comments, vv_comment_copy (g_ptr_array_index (notes, n)));
    }
}

static void
read_xliff20_body (Reader     *reader,
                   xmlNodePtr  node,
                   gboolean    in_our_group)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (is_el (child, NS_XLIFF20, "unit"))
        read_unit20 (reader, child, in_our_group);
      else if (is_el (child, NS_XLIFF20, "group"))
        {
          g_autofree char *type = prop (child, "type");
          VvBlockKind kind;
          guint level;

          if (parse_group_kind (type, &kind, &level))
            {
              reader->block++;
              reader->kind = kind;
              reader->level = level;
              read_xliff20_body (reader, child, TRUE);
            }
          else
            read_xliff20_body (reader, child, in_our_group);
        }
      else if (is_el (child, NS_MDA, "metadata"))
        {
          /* our project key and title */
          for (xmlNodePtr group = child->children; group != NULL; group = group->next)
            for (xmlNodePtr m = group->children; m != NULL; m = m->next)
              if (is_el (m, NS_MDA, "meta"))
                {
                  g_autofree char *type = prop (m, "type");
                  if (g_strcmp0 (type, "project") == 0 && reader->file->project_key == NULL)
                    reader->file->project_key = g_strstrip (text_of (m));
                  else if (g_strcmp0 (type, "title") == 0 && reader->file->title == NULL)
                    reader->file->title = text_of (m);
                }
        }
    }
}

/**
 * _vv_roundtrip_read_xliff:
 * @bytes: the file's contents
 * @display_name: the file name, for messages
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the units of an XLIFF 1.2 or 2.0 file
 */
VvRoundtripFile *
_vv_roundtrip_read_xliff (GBytes      *bytes,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(VvRoundtripFile) file = NULL;
  Reader reader = { NULL, NULL, 0, VV_BLOCK_KIND_PARAGRAPH, 0 };
  xmlDocPtr doc;
  xmlNodePtr root;

  if (g_bytes_get_size (bytes) > VV_IMPORT_MAX_SIZE)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MB"), display_name, VV_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), display_name, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      const xmlError *xml_error = xmlGetLastError ();
      /* libxml2 quotes the offending bytes, which need not be UTF-8 */
      g_autofree char *message = g_strstrip (g_utf8_make_valid (xml_error && xml_error->message ? xml_error->message : "", -1));

      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_FORMAT,
                   _("“%s”, line %d: not well-formed XML: %s"), display_name,
                   xml_error ? xml_error->line : 0, message);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !(is_el (root, NS_XLIFF12, "xliff") || is_el (root, NS_XLIFF20, "xliff")))
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_FORMAT,
                   _("“%s” is XML but not XLIFF 1.2 or 2.0 (its root element is <%s>)"), display_name,
                   root ? (const char *)root->name : "");
      xmlFreeDoc (doc);
      return NULL;
    }

  reader.ns = (const char *)root->ns->href;
  file = _vv_roundtrip_file_new (display_name,
                              g_str_equal (reader.ns, NS_XLIFF12) ? "xliff12" : "xliff20");
  reader.file = file;

  if (g_str_equal (reader.ns, NS_XLIFF20))
    {
      file->source_language = prop (root, "srcLang");
      file->target_language = prop (root, "trgLang");
    }

  for (xmlNodePtr f = root->children; f != NULL; f = f->next)
    {
      if (is_el (f, NS_XLIFF12, "file"))
        {
          if (file->source_language == NULL)
            file->source_language = prop (f, "source-language");
          if (file->target_language == NULL)
            file->target_language = prop (f, "target-language");
          if (file->original == NULL)
            file->original = prop (f, "original");
          for (xmlNodePtr part = f->children; part != NULL; part = part->next)
            {
              if (is_el (part, NS_XLIFF12, "header"))
                {
                  for (xmlNodePtr note = part->children; note != NULL; note = note->next)
                    if (is_el (note, NS_XLIFF12, "note"))
                      {
                        g_autofree char *from = prop (note, "from");
                        /* the first one counts (a second leaked: fuzz finding) */
                        if (g_strcmp0 (from, "visavis-project") == 0 && file->project_key == NULL)
                          file->project_key = g_strstrip (text_of (note));
                      }
                }
              else if (is_el (part, NS_XLIFF12, "body"))
                read_xliff12_body (&reader, part, FALSE);
            }
        }
      else if (is_el (f, NS_XLIFF20, "file"))
        {
          if (file->original == NULL)
            file->original = prop (f, "original");
          read_xliff20_body (&reader, f, FALSE);
        }
    }

  xmlFreeDoc (doc);
  return g_steal_pointer (&file);
}

/**
 * vv_import_xliff:
 * @bytes: the file's contents
 * @display_name: the file name, for messages
 * @segmenter: unused: XLIFF units are segments already
 * @error: return location for an error
 *
 * Makes a project from an XLIFF 1.2 or 2.0 file.
 *
 * Returns: (transfer full) (nullable): the document
 */
VvDocument *
vv_import_xliff (GBytes       *bytes,
                 const char   *display_name,
                 VvSegmenter  *segmenter,
                 GError      **error)
{
  g_autoptr(VvRoundtripFile) file = _vv_roundtrip_read_xliff (bytes, display_name, error);
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GHashTable) used = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  gboolean keep_ids = TRUE;
  VvBlock *block = NULL;
  guint current_block = G_MAXUINT;

  if (file == NULL)
    return NULL;
  if (file->units->len == 0)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_EMPTY,
                   _("“%s” has no translation units"), display_name);
      return NULL;
    }

  /* keep the file's ids when they are all distinct numbers */
  used = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < file->units->len && keep_ids; i++)
    {
      VvRoundtripUnit *unit = g_ptr_array_index (file->units, i);

      if (unit->id == 0 || g_hash_table_contains (used, GUINT_TO_POINTER (unit->id)))
        keep_ids = FALSE;
      g_hash_table_add (used, GUINT_TO_POINTER (unit->id));
    }

  document = vv_document_new ();
  if (file->source_language != NULL && *file->source_language != '\0')
    vv_document_set_source_language (document, file->source_language);
  if (file->target_language != NULL && *file->target_language != '\0')
    vv_document_set_target_language (document, file->target_language);
  if (file->original != NULL && strstr (file->original, "://") != NULL)
    vv_document_set_source_uri (document, file->original);

  vv_document_begin_batch (document);
  segments = g_ptr_array_new ();
  for (guint i = 0; i < file->units->len; i++)
    {
      VvRoundtripUnit *unit = g_ptr_array_index (file->units, i);
      g_autoptr(VvSegment) segment = NULL;

      if (block == NULL || unit->block != current_block)
        {
          if (block != NULL)
            {
              vv_document_append_block (document, block);
              g_object_unref (block);
            }
          block = vv_block_new (unit->kind, unit->level);
          current_block = unit->block;
        }
      segment = vv_segment_new (keep_ids ? unit->id : 0, unit->source ? unit->source : "");
      vv_block_add_segment (block, segment);
      g_ptr_array_add (segments, segment);
    }
  if (block != NULL)
    {
      vv_document_append_block (document, block);
      g_object_unref (block);
    }

  for (guint i = 0; i < file->units->len; i++)
    {
      VvRoundtripUnit *unit = g_ptr_array_index (file->units, i);
      VvSegment *segment = g_ptr_array_index (segments, i);

      if (unit->target != NULL && *unit->target != '\0')
        {
          vv_segment_set_target (segment, unit->target);
          vv_segment_set_origin (segment, "human");
        }
      if (unit->has_state)
        vv_segment_set_state (segment, unit->state);
      for (guint c = 0; c < unit->comments->len; c++)
        vv_segment_add_comment (segment, vv_comment_copy (g_ptr_array_index (unit->comments, c)));
    }
  vv_document_end_batch (document);

  /* the title: our metadata, else the first title block, else the file name */
  if (file->title != NULL)
    vv_document_set_title (document, file->title);
  else
    {
      g_autofree char *base = g_path_get_basename (display_name);
      VvBlock *first = vv_document_get_n_blocks (document) > 0 ? vv_document_get_block (document, 0) : NULL;

      if (first != NULL && vv_block_get_kind (first) == VV_BLOCK_KIND_TITLE)
        {
          g_autofree char *title = vv_block_dup_source_text (first);
          vv_document_set_title (document, title);
        }
      else
        vv_document_set_title (document, base);
    }
  vv_document_set_dirty (document, FALSE);
  return g_steal_pointer (&document);
}
