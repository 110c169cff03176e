/* vv-import-odt.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libxml/tree.h>

#include "vv-block.h"
#include "vv-import-private.h"
#include "vv-importer.h"
#include "vv-zip.h"

/* OpenDocument text (.odt): content.xml holds the body and the automatic
 * styles, styles.xml the named ones; meta.xml has the title. text:h
 * elements are headings with their outline level, text:list items list
 * items, and paragraph styles (followed through their parents) say what
 * is a title, a quotation or a caption. Frames (text boxes, captioned
 * images) follow the paragraph that anchors them; notes, annotations and
 * the record of deleted changes are not text. */

#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define TABLE_NS "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define STYLE_NS "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define DRAW_NS "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define MANIFEST_NS "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

#define ODT_MIME_TYPE "application/vnd.oasis.opendocument.text"

typedef struct
{
  GHashTable *parents;   /* style name → parent style name */
  GArray     *blocks;
} Context;

static gboolean
is_el (xmlNode    *node,
       const char *ns,
       const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST ns) && xmlStrEqual (node->name, BAD_CAST name);
}

static char *
get_attr (xmlNode    *node,
          const char *ns,
          const char *name)
{
  xmlChar *value = xmlGetNsProp (node, BAD_CAST name, BAD_CAST ns);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *)value);
  xmlFree (value);
  return copy;
}

/* Records style:style parents from an office:styles or
 * office:automatic-styles element */
static void
load_styles (Context *ctx,
             xmlNode *styles)
{
  for (xmlNode *node = styles->children; node != NULL; node = node->next)
    {
      g_autofree char *name = NULL;
      g_autofree char *parent = NULL;

      if (!is_el (node, STYLE_NS, "style"))
        continue;
      name = get_attr (node, STYLE_NS, "name");
      parent = get_attr (node, STYLE_NS, "parent-style-name");
      if (name != NULL)
        g_hash_table_replace (ctx->parents, g_steal_pointer (&name),
                              parent != NULL ? g_steal_pointer (&parent) : g_strdup (""));
    }
}

static void
load_styles_from (Context *ctx,
                  xmlDoc  *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *node = root != NULL ? root->children : NULL; node != NULL; node = node->next)
    if (is_el (node, OFFICE_NS, "styles") || is_el (node, OFFICE_NS, "automatic-styles"))
      load_styles (ctx, node);
}

/* What a paragraph style says, following parents: "P3" → "Quotations" */
static VvBlockKind
style_kind (Context    *ctx,
            const char *style)
{
  for (guint depth = 0; style != NULL && *style != '\0' && depth < 10; depth++)
    {
      g_autofree char *lower = g_ascii_strdown (style, -1);

      /* Names are encoded: "Text_20_body"; LibreOffice's built-in names
       * are English whatever the interface language */
      if (strcmp (lower, "title") == 0)
        return VV_BLOCK_KIND_TITLE;
      if (strcmp (lower, "quotations") == 0 || strcmp (lower, "quote") == 0)
        return VV_BLOCK_KIND_QUOTE;
      if (strcmp (lower, "caption") == 0 || strcmp (lower, "illustration") == 0 ||
          strcmp (lower, "figure") == 0 || strcmp (lower, "table") == 0 ||
          strcmp (lower, "drawing") == 0)
        return VV_BLOCK_KIND_CAPTION;
      if (g_str_has_prefix (lower, "list_20_") || g_str_has_prefix (lower, "numbering_20_"))
        return VV_BLOCK_KIND_LIST_ITEM;
      style = g_hash_table_lookup (ctx->parents, style);
    }
  return VV_BLOCK_KIND_PARAGRAPH;
}

/* The visible text of a paragraph or heading; frames go to @frames */
static void
collect_text (xmlNode   *node,
              GString   *text,
              GPtrArray *frames)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          g_string_append (text, (const char *)child->content);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_el (child, TEXT_NS, "s"))
        {
          g_autofree char *count = get_attr (child, TEXT_NS, "c");
          gint64 n = 1;

          if (count != NULL && !g_ascii_string_to_signed (count, 10, 1, 1000, &n, NULL))
            n = 1;
          for (gint64 i = 0; i < n; i++)
            g_string_append_c (text, ' ');
        }
      else if (is_el (child, TEXT_NS, "tab") || is_el (child, TEXT_NS, "line-break"))
        g_string_append_c (text, ' ');
      else if (is_el (child, DRAW_NS, "frame"))
        g_ptr_array_add (frames, child);
      else if (is_el (child, TEXT_NS, "note") || is_el (child, OFFICE_NS, "annotation") ||
               is_el (child, OFFICE_NS, "annotation-end") || is_el (child, TEXT_NS, "tracked-changes") ||
               is_el (child, DRAW_NS, "custom-shape") || is_el (child, DRAW_NS, "g"))
        continue;
      else
        collect_text (child, text, frames);
    }
}

static void walk_container (Context *ctx, xmlNode *container, gboolean in_list);

/* Frames hold text boxes (with their own paragraphs) and captioned images */
static void
walk_frame (Context *ctx,
            xmlNode *frame)
{
  for (xmlNode *node = frame->children; node != NULL; node = node->next)
    if (is_el (node, DRAW_NS, "text-box"))
      walk_container (ctx, node, FALSE);
}

static void
walk_paragraph (Context  *ctx,
                xmlNode  *paragraph,
                gboolean  heading,
                gboolean  in_list)
{
  g_autoptr(GPtrArray) frames = g_ptr_array_new ();
  g_autofree char *style = get_attr (paragraph, TEXT_NS, "style-name");
  GString *text = g_string_new (NULL);
  VvBlockKind kind = style_kind (ctx, style);
  guint level = 0;

  if (heading)
    {
      g_autofree char *outline = get_attr (paragraph, TEXT_NS, "outline-level");
      gint64 value = 1;

      if (outline != NULL && !g_ascii_string_to_signed (outline, 10, 1, 10, &value, NULL))
        value = 1;
      if (kind != VV_BLOCK_KIND_TITLE)
        {
          kind = VV_BLOCK_KIND_HEADING;
          level = MIN (value, 6);
        }
    }
  else if (in_list && kind == VV_BLOCK_KIND_PARAGRAPH)
    kind = VV_BLOCK_KIND_LIST_ITEM;

  collect_text (paragraph, text, frames);
  _vv_import_blocks_add (ctx->blocks, kind, level, text->str);
  g_string_free (text, TRUE);

  for (guint i = 0; i < frames->len; i++)
    walk_frame (ctx, frames->pdata[i]);
}

static void
walk_table (Context *ctx,
            xmlNode *table)
{
  for (xmlNode *node = table->children; node != NULL; node = node->next)
    {
      if (is_el (node, TABLE_NS, "table-row"))
        {
          for (xmlNode *cell = node->children; cell != NULL; cell = cell->next)
            if (is_el (cell, TABLE_NS, "table-cell"))
              walk_container (ctx, cell, FALSE);
        }
      else if (is_el (node, TABLE_NS, "table-header-rows") || is_el (node, TABLE_NS, "table-rows") ||
               is_el (node, TABLE_NS, "table-row-group"))
        walk_table (ctx, node);
    }
}

/* office:text, a section, a list item, a table cell or a text box */
static void
walk_container (Context  *ctx,
                xmlNode  *container,
                gboolean  in_list)
{
  for (xmlNode *node = container->children; node != NULL; node = node->next)
    {
      if (is_el (node, TEXT_NS, "p"))
        walk_paragraph (ctx, node, FALSE, in_list);
      else if (is_el (node, TEXT_NS, "h"))
        walk_paragraph (ctx, node, TRUE, in_list);
      else if (is_el (node, TEXT_NS, "list"))
        walk_container (ctx, node, TRUE);
      else if (is_el (node, TEXT_NS, "list-item") || is_el (node, TEXT_NS, "list-header"))
        walk_container (ctx, node, TRUE);
      else if (is_el (node, TABLE_NS, "table"))
        walk_table (ctx, node);
      else if (is_el (node, TEXT_NS, "section"))
        walk_container (ctx, node, in_list);
    }
}

/* Checks the mimetype entry and the manifest before reading the body */
static gboolean
check_package (VvZip       *zip,
               const char  *display_name,
               GError     **error)
{
  if (vv_zip_has_entry (zip, "mimetype"))
    {
      g_autoptr(GBytes) bytes = vv_zip_read (zip, "mimetype", error);
      g_autofree char *mime = NULL;

      if (bytes == NULL)
        return FALSE;
      mime = g_strstrip (g_utf8_make_valid (g_bytes_get_data (bytes, NULL), MIN (g_bytes_get_size (bytes), 200)));
      if (g_str_has_prefix (mime, "application/vnd.oasis.opendocument.") &&
          !g_str_has_prefix (mime, ODT_MIME_TYPE))
        {
          g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_UNSUPPORTED,
                       /* Translators: %s is a file name, then a MIME type */
                       _("“%s” is an OpenDocument file of another kind (%s), not a text document"),
                       display_name, mime);
          return FALSE;
        }
    }

  if (!vv_zip_has_entry (zip, "content.xml"))
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_FORMAT,
                   _("“%s” is a ZIP archive but not an OpenDocument text (it has no content.xml)"),
                   display_name);
      return FALSE;
    }

  /* Password-protected documents list their encryption in the manifest */
  if (vv_zip_has_entry (zip, "META-INF/manifest.xml"))
    {
      g_autoptr(GBytes) manifest = vv_zip_read (zip, "META-INF/manifest.xml", error);

      if (manifest == NULL)
        return FALSE;
      if (g_strstr_len (g_bytes_get_data (manifest, NULL), g_bytes_get_size (manifest),
                        "encryption-data") != NULL)
        {
          g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_ENCRYPTED,
                       _("“%s” is protected by a password: open it in your word processor, "
                         "remove the password and save it again"), display_name);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * vv_import_odt:
 * @bytes: the file's contents
 * @display_name: the file name, for messages
 * @segmenter: splits paragraphs into segments
 * @error: return location for an error
 *
 * Imports an OpenDocument text (.odt): paragraphs, headings with their
 * outline level, list items, quotations, captions, table cells and text
 * boxes.
 *
 * Returns: (transfer full) (nullable): the document
 */
VvDocument *
vv_import_odt (GBytes       *bytes,
               const char   *display_name,
               VvSegmenter  *segmenter,
               GError      **error)
{
  g_autoptr(VvZip) zip = NULL;
  g_autoptr(GArray) blocks = NULL;
  g_autoptr(GHashTable) parents = NULL;
  g_autofree char *title = NULL;
  xmlDoc *doc;
  xmlNode *root, *body = NULL, *text = NULL;
  Context ctx = { 0 };

  zip = vv_zip_open (bytes, display_name, _("OpenDocument text"), error);
  if (zip == NULL)
    return NULL;
  if (!check_package (zip, display_name, error))
    return NULL;

  parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  blocks = _vv_import_blocks_new ();
  ctx.parents = parents;
  ctx.blocks = blocks;

  if (vv_zip_has_entry (zip, "styles.xml"))
    {
      xmlDoc *styles = vv_zip_read_xml (zip, "styles.xml", error);

      if (styles == NULL)
        return NULL;
      load_styles_from (&ctx, styles);
      xmlFreeDoc (styles);
    }

  doc = vv_zip_read_xml (zip, "content.xml", error);
  if (doc == NULL)
    return NULL;
  load_styles_from (&ctx, doc);

  root = xmlDocGetRootElement (doc);
  for (xmlNode *node = root != NULL ? root->children : NULL; node != NULL; node = node->next)
    if (is_el (node, OFFICE_NS, "body"))
      body = node;
  for (xmlNode *node = body != NULL ? body->children : NULL; node != NULL; node = node->next)
    if (is_el (node, OFFICE_NS, "text"))
      text = node;
  if (text == NULL)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_FORMAT,
                   _("“%s” is not an OpenDocument text: content.xml has no text body"), display_name);
      xmlFreeDoc (doc);
      return NULL;
    }

  walk_container (&ctx, text, FALSE);
  xmlFreeDoc (doc);

  title = vv_zip_read_dc_title (zip, "meta.xml");
  return _vv_import_blocks_finish (blocks, title, segmenter, display_name, error);
}
