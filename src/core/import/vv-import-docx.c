/* vv-import-docx.c
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

/* Word documents (Office Open XML): word/document.xml holds the body,
 * word/styles.xml says which styles are headings, lists, quotes and
 * captions, docProps/core.xml has the title. Paragraphs in table cells
 * become blocks of their own, in reading order; text boxes follow the
 * paragraph that anchors them; deleted revisions and field codes are not
 * text. */

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_STRICT_NS "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

typedef struct
{
  char     *name;        /* lower case */
  char     *based_on;
  int       outline;     /* 0–8, or -1 */
  gboolean  numbered;
} Style;

typedef struct
{
  GHashTable *styles;    /* id → Style */
  GArray     *blocks;
} Context;

static void
style_free (Style *style)
{
  g_free (style->name);
  g_free (style->based_on);
  g_free (style);
}

static gboolean
is_w (xmlNode    *node,
      const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         (xmlStrEqual (node->ns->href, BAD_CAST W_NS) || xmlStrEqual (node->ns->href, BAD_CAST W_STRICT_NS)) &&
         xmlStrEqual (node->name, BAD_CAST name);
}

static xmlNode *
w_child (xmlNode    *node,
         const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_w (child, name))
      return child;
  return NULL;
}

/* w:val, with or without its namespace prefix */
static char *
w_val (xmlNode *node)
{
  xmlChar *value;

  if (node == NULL)
    return NULL;
  value = xmlGetNsProp (node, BAD_CAST "val", BAD_CAST W_NS);
  if (value == NULL)
    value = xmlGetNsProp (node, BAD_CAST "val", BAD_CAST W_STRICT_NS);
  if (value == NULL)
    value = xmlGetProp (node, BAD_CAST "val");
  if (value == NULL)
    return NULL;
  {
    char *copy = g_strdup ((const char *)value);
    xmlFree (value);
    return copy;
  }
}

static int
outline_level (xmlNode *ppr)
{
  g_autofree char *value = w_val (ppr != NULL ? w_child (ppr, "outlineLvl") : NULL);
  gint64 level;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, 9, &level, NULL) || level > 8)
    return -1;
  return (int)level;
}

static void
load_styles (Context *ctx,
             xmlDoc  *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL)
    return;
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      xmlChar *id;
      Style *style;
      xmlNode *ppr;
      g_autofree char *name = NULL;

      if (!is_w (node, "style"))
        continue;
      id = xmlGetNsProp (node, BAD_CAST "styleId", node->ns->href);
      if (id == NULL)
        continue;

      style = g_new0 (Style, 1);
      name = w_val (w_child (node, "name"));
      style->name = name != NULL ? g_ascii_strdown (name, -1) : g_strdup ("");
      style->based_on = w_val (w_child (node, "basedOn"));
      ppr = w_child (node, "pPr");
      style->outline = outline_level (ppr);
      style->numbered = ppr != NULL && w_child (ppr, "numPr") != NULL;
      g_hash_table_replace (ctx->styles, g_strdup ((const char *)id), style);
      xmlFree (id);
    }
}

/* What a style name or id says ("heading 2", "Heading2", "Titre2") */
static gboolean
kind_from_name (const char  *name,
                VvBlockKind *kind,
                guint       *level)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autofree char *compact = NULL;
  GString *s = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    if (*p != ' ' && *p != '_' && *p != '-')
      g_string_append_c (s, *p);
  compact = g_string_free (s, FALSE);

  if (strcmp (compact, "title") == 0 || strcmp (compact, "titre") == 0)
    {
      *kind = VV_BLOCK_KIND_TITLE;
      return TRUE;
    }
  if ((g_str_has_prefix (compact, "heading") && g_ascii_isdigit (compact[7]) && compact[8] == '\0') ||
      (g_str_has_prefix (compact, "titre") && g_ascii_isdigit (compact[5]) && compact[6] == '\0'))
    {
      char digit = compact[strlen (compact) - 1];

      *kind = VV_BLOCK_KIND_HEADING;
      *level = CLAMP (digit - '0', 1, 6);
      return TRUE;
    }
  if (strcmp (compact, "quote") == 0 || strcmp (compact, "intensequote") == 0 ||
      strcmp (compact, "blocktext") == 0 || strcmp (compact, "citation") == 0 ||
      strcmp (compact, "citationintense") == 0)
    {
      *kind = VV_BLOCK_KIND_QUOTE;
      return TRUE;
    }
  if (strcmp (compact, "caption") == 0 || strcmp (compact, "légende") == 0)
    {
      *kind = VV_BLOCK_KIND_CAPTION;
      return TRUE;
    }
  if (g_str_has_prefix (compact, "list") || g_str_has_prefix (compact, "paragraphedeliste"))
    {
      *kind = VV_BLOCK_KIND_LIST_ITEM;
      return TRUE;
    }
  return FALSE;
}

static void
paragraph_kind (Context     *ctx,
                xmlNode     *paragraph,
                VvBlockKind *kind,
                guint       *level)
{
  xmlNode *ppr = w_child (paragraph, "pPr");
  g_autofree char *style_id = w_val (ppr != NULL ? w_child (ppr, "pStyle") : NULL);
  int outline = outline_level (ppr);
  const char *id = style_id;

  *kind = VV_BLOCK_KIND_PARAGRAPH;
  *level = 0;

  /* Direct formatting wins over the style */
  if (outline >= 0)
    {
      *kind = VV_BLOCK_KIND_HEADING;
      *level = MIN (outline + 1, 6);
      return;
    }

  /* Follow basedOn a few steps: "My heading" based on "heading 2" */
  for (guint depth = 0; id != NULL && depth < 10; depth++)
    {
      Style *style = g_hash_table_lookup (ctx->styles, id);

      if (style == NULL)
        {
          /* No styles.xml: built-in style ids still say a lot */
          kind_from_name (id, kind, level);
          break;
        }
      if (kind_from_name (style->name, kind, level))
        break;
      if (style->outline >= 0)
        {
          *kind = VV_BLOCK_KIND_HEADING;
          *level = MIN (style->outline + 1, 6);
          break;
        }
      if (style->numbered)
        {
          *kind = VV_BLOCK_KIND_LIST_ITEM;
          break;
        }
      id = style->based_on;
    }

  if (*kind == VV_BLOCK_KIND_PARAGRAPH && ppr != NULL && w_child (ppr, "numPr") != NULL)
    *kind = VV_BLOCK_KIND_LIST_ITEM;
}

static gboolean
is_hidden_run (xmlNode *run)
{
  xmlNode *rpr = w_child (run, "rPr");
  xmlNode *vanish = rpr != NULL ? w_child (rpr, "vanish") : NULL;
  g_autofree char *value = w_val (vanish);

  return vanish != NULL && (value == NULL || (strcmp (value, "0") != 0 && strcmp (value, "false") != 0));
}

/* The visible text of a paragraph; text boxes are collected in @boxes */
static void
collect_text (xmlNode   *node,
              GString   *text,
              GPtrArray *boxes)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_w (child, "t"))
        {
          xmlChar *content = xmlNodeGetContent (child);
          g_string_append (text, (const char *)content);
          xmlFree (content);
        }
      else if (is_w (child, "tab") || is_w (child, "ptab") || is_w (child, "br") || is_w (child, "cr"))
        g_string_append_c (text, ' ');
      else if (is_w (child, "noBreakHyphen"))
        g_string_append (text, "\u2011");
      else if (is_w (child, "txbxContent"))
        g_ptr_array_add (boxes, child);
      else if (is_w (child, "r") && is_hidden_run (child))
        continue;
      else if (is_w (child, "del") || is_w (child, "moveFrom") || is_w (child, "delText") ||
               is_w (child, "instrText") || is_w (child, "pPr") || is_w (child, "rPr") ||
               is_w (child, "footnoteReference") || is_w (child, "endnoteReference") ||
               is_w (child, "commentReference"))
        continue;
      else if (child->ns != NULL && xmlStrEqual (child->ns->href, BAD_CAST MC_NS) &&
               xmlStrEqual (child->name, BAD_CAST "Fallback"))
        continue;   /* the same content as mc:Choice, for older readers */
      else
        collect_text (child, text, boxes);
    }
}

static void walk_container (Context *ctx, xmlNode *container);

static void
walk_paragraph (Context *ctx,
                xmlNode *paragraph)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();
  GString *text = g_string_new (NULL);
  VvBlockKind kind;
  guint level;

  paragraph_kind (ctx, paragraph, &kind, &level);
  collect_text (paragraph, text, boxes);
  _vv_import_blocks_add (ctx->blocks, kind, level, text->str);
  g_string_free (text, TRUE);

  for (guint i = 0; i < boxes->len; i++)
    walk_container (ctx, boxes->pdata[i]);
}

static void
walk_table (Context *ctx,
            xmlNode *table)
{
  for (xmlNode *row = table->children; row != NULL; row = row->next)
    {
      if (!is_w (row, "tr"))
        continue;
      for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
        if (is_w (cell, "tc"))
          walk_container (ctx, cell);
    }
}

/* The body, a table cell, a text box or a content control */
static void
walk_container (Context *ctx,
                xmlNode *container)
{
  for (xmlNode *node = container->children; node != NULL; node = node->next)
    {
      if (is_w (node, "p"))
        walk_paragraph (ctx, node);
      else if (is_w (node, "tbl"))
        walk_table (ctx, node);
      else if (is_w (node, "sdt"))
        {
          xmlNode *content = w_child (node, "sdtContent");
          if (content != NULL)
            walk_container (ctx, content);
        }
      else if (is_w (node, "customXml") || is_w (node, "ins") || is_w (node, "moveTo") ||
               is_w (node, "smartTag"))
        walk_container (ctx, node);
    }
}

/**
 * vv_import_docx:
 * @bytes: the file's contents
 * @display_name: the file name, for messages
 * @segmenter: splits paragraphs into segments
 * @error: return location for an error
 *
 * Imports a Word document (.docx): paragraphs, headings (by style or
 * outline level), list items, quotes, captions and table cells.
 *
 * Returns: (transfer full) (nullable): the document
 */
VvDocument *
vv_import_docx (GBytes       *bytes,
                const char   *display_name,
                VvSegmenter  *segmenter,
                GError      **error)
{
  g_autoptr(VvZip) zip = NULL;
  g_autoptr(GArray) blocks = NULL;
  g_autofree char *title = NULL;
  xmlDoc *doc;
  xmlNode *root, *body;
  Context ctx = { 0 };

  zip = vv_zip_open (bytes, display_name, _("Word document"), error);
  if (zip == NULL)
    return NULL;
  if (!vv_zip_has_entry (zip, "word/document.xml"))
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_FORMAT,
                   _("“%s” is a ZIP archive but not a Word document (it has no word/document.xml)"),
                   display_name);
      return NULL;
    }

  ctx.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)style_free);
  blocks = _vv_import_blocks_new ();
  ctx.blocks = blocks;

  if (vv_zip_has_entry (zip, "word/styles.xml"))
    {
      xmlDoc *styles = vv_zip_read_xml (zip, "word/styles.xml", error);

      if (styles == NULL)
        {
          g_hash_table_unref (ctx.styles);
          return NULL;
        }
      load_styles (&ctx, styles);
      xmlFreeDoc (styles);
    }

  doc = vv_zip_read_xml (zip, "word/document.xml", error);
  if (doc == NULL)
    {
      g_hash_table_unref (ctx.styles);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  body = root != NULL && is_w (root, "document") ? w_child (root, "body") : NULL;
  if (body == NULL)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_FORMAT,
                   _("“%s” is damaged: word/document.xml has no document body"), display_name);
      xmlFreeDoc (doc);
      g_hash_table_unref (ctx.styles);
      return NULL;
    }

  walk_container (&ctx, body);
  xmlFreeDoc (doc);
  g_hash_table_unref (ctx.styles);

  title = vv_zip_read_dc_title (zip, "docProps/core.xml");
  return _vv_import_blocks_finish (blocks, title, segmenter, display_name, error);
}
