/* vv-roundtrip.c: reading back reviewed bilingual files
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "vv-block.h"
#include "vv-document.h"
#include "vv-export-private.h"
#include "vv-importer.h"
#include "vv-review.h"
#include "vv-roundtrip.h"
#include "vv-segment.h"
#include "vv-utils.h"
#include "vv-zip.h"

/* A reviewer gets a bilingual DOCX, ODT, CSV or XLIFF file, edits targets
 * and adds comments, and sends it back. The readers here turn such a file
 * into a list of units keyed by segment id; vv_roundtrip_apply() then applies
 * what changed to the project:
 *
 * - a changed target replaces the project's, recorded in the history under
 *   the reviewer's name (an empty target never erases one);
 * - new comments (Word comments, LibreOffice annotations, XLIFF notes, or
 *   new text in the comments column) are added;
 * - a state set to approved or needs-changes is applied when the workflow
 *   allows it (vv_review_can_transition(): a draft is not approved);
 * - a unit whose source no longer matches the project's, or whose id the
 *   project does not have, is reported and not applied;
 * - a file from another project (its project key differs, or none of its
 *   segments matches) is refused as a whole, with a message. */

G_DEFINE_QUARK (vv-roundtrip-error-quark, vv_roundtrip_error)

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC "http://purl.org/dc/elements/1.1/"

enum { COL_NONE = -1, COL_ID, COL_SOURCE, COL_TARGET, COL_STATE, COL_COMMENTS, N_COLS };

static void
unit_free (VvRoundtripUnit *unit)
{
  g_free (unit->file_id);
  g_free (unit->source);
  g_free (unit->target);
  g_free (unit->comment_text);
  g_clear_pointer (&unit->comments, g_ptr_array_unref);
  g_free (unit);
}

static VvRoundtripUnit *
unit_new (void)
{
  VvRoundtripUnit *unit = g_new0 (VvRoundtripUnit, 1);

  unit->comments = g_ptr_array_new_with_free_func ((GDestroyNotify)vv_comment_free);
  unit->kind = VV_BLOCK_KIND_PARAGRAPH;
  return unit;
}

VvRoundtripFile *
_vv_roundtrip_file_new (const char *display_name,
                 const char *format)
{
  VvRoundtripFile *file = g_new0 (VvRoundtripFile, 1);

  file->display_name = g_strdup (display_name);
  file->format = g_strdup (format);
  file->units = g_ptr_array_new_with_free_func ((GDestroyNotify)unit_free);
  return file;
}

void
vv_roundtrip_file_free (VvRoundtripFile *file)
{
  if (file == NULL)
    return;
  g_free (file->display_name);
  g_free (file->format);
  g_free (file->project_key);
  g_free (file->title);
  g_free (file->original);
  g_free (file->source_language);
  g_free (file->target_language);
  g_ptr_array_unref (file->units);
  g_free (file);
}

/* "12" → 12; anything else → 0 */
static guint
parse_id (const char *text)
{
  guint64 value;
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  if (!g_ascii_string_to_unsigned (copy, 10, 1, G_MAXUINT, &value, NULL))
    return 0;
  return value;
}

/* A state as written in a file: the stable id ("approved") or the label in
 * the current language ("Approved", "Approuvé") */
static gboolean
parse_state (const char     *text,
             VvSegmentState *state)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  if (*copy == '\0')
    return FALSE;
  if (vv_segment_state_from_string (copy, state))
    return TRUE;
  for (guint i = 0; i < VV_SEGMENT_N_STATES; i++)
    if (g_utf8_collate (copy, vv_segment_state_get_label (i)) == 0)
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

static VvRoundtripUnit *
add_unit (VvRoundtripFile *file,
          char        **cells)
{
  VvRoundtripUnit *unit = unit_new ();

  unit->file_id = g_strdup (cells[COL_ID]);
  unit->id = parse_id (cells[COL_ID]);
  unit->source = g_strdup (cells[COL_SOURCE]);
  unit->target = g_strdup (cells[COL_TARGET]);
  if (cells[COL_STATE] != NULL)
    unit->has_state = parse_state (cells[COL_STATE], &unit->state);
  unit->comment_text = g_strdup (cells[COL_COMMENTS]);
  g_ptr_array_add (file->units, unit);
  return unit;
}

/* ---- CSV / TSV (RFC 4180) ---- */

/* Splits the whole text into rows of fields. Returns NULL and sets @error
 * on an unterminated quoted field. */
static GPtrArray *
parse_separated (const char  *text,
                 char         separator,
                 const char  *display_name,
                 GError     **error)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;
  guint line = 1;
  gboolean row_has_content = FALSE;

  while (TRUE)
    {
      if (*p == '"')
        {
          guint start_line = line;

          p++;
          while (TRUE)
            {
              if (*p == '\0')
                {
                  g_set_error (error, VV_ROUNDTRIP_ERROR, VV_ROUNDTRIP_ERROR_FORMAT,
                               _("“%s”, line %u: a quoted field is not closed"), display_name, start_line);
                  g_ptr_array_unref (rows);
                  g_ptr_array_unref (row);
                  g_string_free (field, TRUE);
                  return NULL;
                }
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                  continue;
                }
              if (*p == '"')
                {
                  p++;
                  break;
                }
              if (*p == '\n')
                line++;
              g_string_append_c (field, *p++);
            }
          row_has_content = TRUE;
          /* text after the closing quote belongs to the field (lenient) */
          while (*p != '\0' && *p != separator && *p != '\n' && *p != '\r')
            g_string_append_c (field, *p++);
        }
      else
        {
          while (*p != '\0' && *p != separator && *p != '\n' && *p != '\r')
            g_string_append_c (field, *p++);
          if (field->len > 0)
            row_has_content = TRUE;
        }

      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);

      if (*p == separator)
        {
          p++;
          row_has_content = TRUE;
          continue;
        }

      /* end of a record */
      if (row_has_content)
        g_ptr_array_add (rows, row);
      else
        g_ptr_array_unref (row);
      row = g_ptr_array_new_with_free_func (g_free);
      row_has_content = FALSE;

      if (*p == '\r')
        p++;
      if (*p == '\n')
        {
          p++;
          line++;
        }
      if (*p == '\0')
        break;
    }

  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

VvRoundtripFile *
_vv_roundtrip_read_csv (GBytes      *bytes,
                     const char  *display_name,
                     GError     **error)
{
  g_autoptr(VvRoundtripFile) file = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  GPtrArray *header;
  int columns[N_COLS] = { -1, -1, -1, -1, -1 };
  const char *names[N_COLS] = { "id", "source", "target", "state", "comments" };
  const char *body;
  gsize first_line;
  char separator;

  text = vv_import_decode_text (bytes, display_name, error);
  if (text == NULL)
    return NULL;
  body = g_str_has_prefix (text, "\xEF\xBB\xBF") ? text + 3 : text;

  first_line = strcspn (body, "\r\n");
  separator = memchr (body, '\t', first_line) != NULL ? '\t' : ',';
  if (separator == ',' && memchr (body, ',', first_line) == NULL && memchr (body, ';', first_line) != NULL)
    separator = ';';

  rows = parse_separated (body, separator, display_name, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, VV_ROUNDTRIP_ERROR, VV_ROUNDTRIP_ERROR_FORMAT,
                   _("“%s” is empty"), display_name);
      return NULL;
    }

  header = g_ptr_array_index (rows, 0);
  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_strstrip ((char *)g_ptr_array_index (header, i)), -1);

      for (guint c = 0; c < N_COLS; c++)
        if (g_str_equal (name, names[c]) && columns[c] < 0)
          columns[c] = i;
    }
  if (columns[COL_ID] < 0 || (columns[COL_TARGET] < 0 && columns[COL_COMMENTS] < 0))
    {
      g_set_error (error, VV_ROUNDTRIP_ERROR, VV_ROUNDTRIP_ERROR_FORMAT,
                   _("“%s” has no “id” and “target” columns: it is not a table exported by Vis-à-vis"),
                   display_name);
      return NULL;
    }

  file = _vv_roundtrip_file_new (display_name, separator == '\t' ? "tsv" : "csv");
  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);
      char *cells[N_COLS] = { NULL };

      for (guint c = 0; c < N_COLS; c++)
        if (columns[c] >= 0)
          cells[c] = (guint)columns[c] < row->len ? g_ptr_array_index (row, columns[c]) : "";
      add_unit (file, cells);
    }

  return g_steal_pointer (&file);
}

/* ---- ZIP containers (through vv-zip: limits, damaged and encrypted files) ---- */

static xmlDocPtr
zip_read_xml (VvZip       *zip,
              const char  *name,
              const char  *display_name,
              gboolean     required,
              GError     **error)
{
  if (!vv_zip_has_entry (zip, name))
    {
      if (required)
        g_set_error (error, VV_ROUNDTRIP_ERROR, VV_ROUNDTRIP_ERROR_FORMAT,
                     _("“%s” has no %s: it is not a document Vis-à-vis can read"), display_name, name);
      return NULL;
    }
  return vv_zip_read_xml (zip, name, error);
}

static gboolean
is_element (xmlNodePtr  node,
            const char *ns,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_str_equal ((const char *)node->ns->href, ns) &&
         g_str_equal ((const char *)node->name, name);
}

static char *
get_ns_prop (xmlNodePtr  node,
             const char *ns,
             const char *name)
{
  xmlChar *value = xmlGetNsProp (node, BAD_CAST name, BAD_CAST ns);
  char *copy = g_strdup ((const char *)value);

  xmlFree (value);
  return copy;
}

static xmlNodePtr
find_descendant (xmlNodePtr  node,
                 const char *ns,
                 const char *name)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      xmlNodePtr found;

      if (is_element (child, ns, name))
        return child;
      if ((found = find_descendant (child, ns, name)) != NULL)
        return found;
    }
  return NULL;
}

static char *
node_text (xmlNodePtr node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *)content);

  xmlFree (content);
  return text;
}

/* Joins the paragraph texts of a cell: with newlines (comments) or spaces
 * (a reviewer who pressed Enter inside a target still means one segment) */
static char *
join_paragraphs (GPtrArray  *paragraphs,
                 const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      const char *text = g_ptr_array_index (paragraphs, i);

      if (out->len > 0 && *text != '\0')
        g_string_append (out, separator);
      g_string_append (out, text);
    }
  return g_string_free (out, FALSE);
}

static int
column_for_style (const char *style)
{
  const char *styles[N_COLS] = { "VvId", "VvSource", "VvTarget", "VvState", "VvComment" };

  for (guint c = 0; style != NULL && c < N_COLS; c++)
    if (g_str_equal (style, styles[c]))
      return c;
  return COL_NONE;
}

/* A row of a DOCX/ODT table: skipped unless its first cell is a segment
 * id (the header row, tables that are not ours) */
static void
add_table_row (VvRoundtripFile  *file,
               char            **cells,
               GPtrArray        *row_comments)
{
  g_autofree char *joined = NULL;
  VvRoundtripUnit *unit;

  if (cells[COL_ID] == NULL || parse_id (cells[COL_ID]) == 0)
    return;

  /* a target split into paragraphs is still one segment */
  if (cells[COL_TARGET] != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (cells[COL_TARGET], "\n", -1);
      joined = g_strjoinv (" ", lines);
      cells[COL_TARGET] = joined;
    }
  unit = add_unit (file, cells);
  for (guint i = 0; i < row_comments->len; i++)
    g_ptr_array_add (unit->comments, vv_comment_copy (g_ptr_array_index (row_comments, i)));
}

/* ---- DOCX ---- */

typedef struct
{
  GHashTable *comments;   /* w:id → VvComment* */
  GPtrArray  *row_comments;
} DocxContext;

static void
docx_text (xmlNodePtr  node,
           GString    *out,
           DocxContext *ctx)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || child->ns == NULL ||
          !g_str_equal ((const char *)child->ns->href, NS_W))
        continue;

      if (g_str_equal ((const char *)child->name, "t"))
        {
          xmlChar *content = xmlNodeGetContent (child);
          g_string_append (out, (const char *)content);
          xmlFree (content);
        }
      else if (g_str_equal ((const char *)child->name, "tab"))
        g_string_append_c (out, '\t');
      else if (g_str_equal ((const char *)child->name, "br") || g_str_equal ((const char *)child->name, "cr"))
        g_string_append_c (out, '\n');
      else if (g_str_equal ((const char *)child->name, "commentReference") ||
               g_str_equal ((const char *)child->name, "commentRangeStart"))
        {
          g_autofree char *id = get_ns_prop (child, NS_W, "id");
          VvComment *comment = id && ctx->comments ? g_hash_table_lookup (ctx->comments, id) : NULL;

          if (comment != NULL && ctx->row_comments != NULL &&
              !g_ptr_array_find (ctx->row_comments, comment, NULL))
            g_ptr_array_add (ctx->row_comments, comment);
        }
      else if (g_str_equal ((const char *)child->name, "del") ||
               g_str_equal ((const char *)child->name, "moveFrom") ||
               g_str_equal ((const char *)child->name, "rPr") ||
               g_str_equal ((const char *)child->name, "pPr"))
        continue;   /* deleted text (tracked changes) and properties */
      else
        docx_text (child, out, ctx);
    }
}

static char *
docx_cell_text (xmlNodePtr   cell,
                const char  *separator,
                char       **style,
                DocxContext *ctx)
{
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);

  for (xmlNodePtr p = cell->children; p != NULL; p = p->next)
    {
      GString *text;

      if (!is_element (p, NS_W, "p"))
        continue;
      if (style != NULL && *style == NULL)
        {
          xmlNodePtr ppr = find_descendant (p, NS_W, "pStyle");
          if (ppr != NULL)
            *style = get_ns_prop (ppr, NS_W, "val");
        }
      text = g_string_new (NULL);
      docx_text (p, text, ctx);
      g_ptr_array_add (paragraphs, g_string_free (text, FALSE));
    }
  return join_paragraphs (paragraphs, separator);
}

static GHashTable *
docx_read_comments (xmlDocPtr doc)
{
  GHashTable *comments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify)vv_comment_free);
  xmlNodePtr root = xmlDocGetRootElement (doc);

  for (xmlNodePtr node = root ? root->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *author = NULL;
      g_autofree char *date = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GDateTime) time = NULL;

      if (!is_element (node, NS_W, "comment"))
        continue;
      id = get_ns_prop (node, NS_W, "id");
      author = get_ns_prop (node, NS_W, "author");
      date = get_ns_prop (node, NS_W, "date");
      text = docx_cell_text (node, "\n", NULL, &(DocxContext) { NULL, NULL });
      if (date != NULL)
        time = vv_date_time_parse_iso8601 (date);
      if (id != NULL)
        g_hash_table_replace (comments, g_steal_pointer (&id),
                              vv_comment_new (author, time, g_strstrip (text), FALSE));
    }
  return comments;
}

static void
docx_read_rows (xmlNodePtr    node,
                VvRoundtripFile *file,
                DocxContext  *ctx)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      char *cells[N_COLS] = { NULL };
      g_autoptr(GPtrArray) texts = NULL;
      g_autoptr(GPtrArray) row_comments = NULL;
      guint index = 0;

      if (!is_element (child, NS_W, "tr"))
        {
          if (child->type == XML_ELEMENT_NODE)
            docx_read_rows (child, file, ctx);
          continue;
        }

      texts = g_ptr_array_new_with_free_func (g_free);
      row_comments = g_ptr_array_new ();
      ctx->row_comments = row_comments;
      for (xmlNodePtr tc = child->children; tc != NULL; tc = tc->next)
        {
          g_autofree char *style = NULL;
          char *text;
          int column;

          if (!is_element (tc, NS_W, "tc"))
            continue;
          text = docx_cell_text (tc, "\n", &style, ctx);
          g_ptr_array_add (texts, text);
          column = column_for_style (style);
          if (column == COL_NONE && index < N_COLS)
            column = index;   /* columns in the order we write them */
          if (column != COL_NONE && cells[column] == NULL)
            cells[column] = text;
          index++;
        }
      ctx->row_comments = NULL;

      add_table_row (file, cells, row_comments);
    }
}

static VvRoundtripFile *
read_docx (VvZip       *zip,
           const char  *display_name,
           GError     **error)
{
  g_autoptr(VvRoundtripFile) file = _vv_roundtrip_file_new (display_name, "docx");
  g_autoptr(GHashTable) comments = NULL;
  xmlDocPtr doc;
  xmlDocPtr core;
  xmlDocPtr comments_doc;
  g_autoptr(GError) local_error = NULL;
  DocxContext ctx = { NULL, NULL };

  doc = zip_read_xml (zip, "word/document.xml", display_name, TRUE, error);
  if (doc == NULL)
    return NULL;

  comments_doc = zip_read_xml (zip, "word/comments.xml", display_name, FALSE, &local_error);
  if (comments_doc != NULL)
    {
      comments = docx_read_comments (comments_doc);
      xmlFreeDoc (comments_doc);
    }
  ctx.comments = comments;

  core = zip_read_xml (zip, "docProps/core.xml", display_name, FALSE, NULL);
  if (core != NULL)
    {
      xmlNodePtr root = xmlDocGetRootElement (core);
      xmlNodePtr id = root ? find_descendant (root, NS_DC, "identifier") : NULL;
      xmlNodePtr title = root ? find_descendant (root, NS_DC, "title") : NULL;

      if (id != NULL)
        file->project_key = g_strstrip (node_text (id));
      if (title != NULL)
        file->title = node_text (title);
      xmlFreeDoc (core);
    }

  docx_read_rows (xmlDocGetRootElement (doc), file, &ctx);
  xmlFreeDoc (doc);
  return g_steal_pointer (&file);
}

/* ---- ODT ---- */

typedef struct
{
  GHashTable *parents;    /* automatic style → its parent style */
  GPtrArray  *row_comments;
} OdtContext;

static void
odt_annotation (xmlNodePtr  node,
                OdtContext *ctx)
{
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *author = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) time = NULL;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, NS_DC, "creator"))
        author = node_text (child);
      else if (is_element (child, NS_DC, "date"))
        {
          g_autofree char *date = node_text (child);
          time = vv_date_time_parse_iso8601 (date);
          if (time == NULL)
            {
              /* LibreOffice writes local times without a zone */
              g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
              time = g_date_time_new_from_iso8601 (date, utc);
            }
        }
      else if (is_element (child, NS_TEXT, "p"))
        g_ptr_array_add (paragraphs, node_text (child));
    }
  text = join_paragraphs (paragraphs, "\n");
  if (ctx->row_comments != NULL && *g_strstrip (text) != '\0')
    g_ptr_array_add (ctx->row_comments, vv_comment_new (author, time, text, FALSE));
}

static void
odt_text (xmlNodePtr  node,
          GString    *out,
          OdtContext *ctx)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          g_string_append (out, (const char *)child->content);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (child, NS_TEXT, "s"))
        {
          g_autofree char *count = get_ns_prop (child, NS_TEXT, "c");
          guint n = count ? parse_id (count) : 1;

          for (guint i = 0; i < MAX (n, 1) && i < 1024; i++)
            g_string_append_c (out, ' ');
        }
      else if (is_element (child, NS_TEXT, "tab"))
        g_string_append_c (out, '\t');
      else if (is_element (child, NS_TEXT, "line-break"))
        g_string_append_c (out, '\n');
      else if (is_element (child, NS_OFFICE, "annotation"))
        odt_annotation (child, ctx);
      else if (is_element (child, NS_OFFICE, "annotation-end") ||
               is_element (child, NS_TEXT, "note") ||
               is_element (child, NS_TEXT, "tracked-changes"))
        continue;
      else
        odt_text (child, out, ctx);
    }
}

static const char *
odt_resolve_style (OdtContext *ctx,
                   const char *style)
{
  const char *parent = style ? g_hash_table_lookup (ctx->parents, style) : NULL;

  return parent ? parent : style;
}

static char *
odt_cell_text (xmlNodePtr   cell,
               char       **style,
               OdtContext  *ctx)
{
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);

  for (xmlNodePtr p = cell->children; p != NULL; p = p->next)
    {
      GString *text;

      if (!is_element (p, NS_TEXT, "p") && !is_element (p, NS_TEXT, "h"))
        continue;
      if (*style == NULL)
        {
          g_autofree char *name = get_ns_prop (p, NS_TEXT, "style-name");
          *style = g_strdup (odt_resolve_style (ctx, name));
        }
      text = g_string_new (NULL);
      odt_text (p, text, ctx);
      g_ptr_array_add (paragraphs, g_string_free (text, FALSE));
    }
  return join_paragraphs (paragraphs, "\n");
}

static void
odt_read_rows (xmlNodePtr    node,
               VvRoundtripFile *file,
               OdtContext   *ctx)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      char *cells[N_COLS] = { NULL };
      g_autoptr(GPtrArray) texts = NULL;
      g_autoptr(GPtrArray) row_comments = NULL;
      guint index = 0;

      if (is_element (child, NS_TABLE, "table-header-rows") ||
          is_element (child, NS_TEXT, "tracked-changes"))
        continue;
      if (!is_element (child, NS_TABLE, "table-row"))
        {
          if (child->type == XML_ELEMENT_NODE)
            odt_read_rows (child, file, ctx);
          continue;
        }

      texts = g_ptr_array_new_with_free_func (g_free);
      row_comments = g_ptr_array_new_with_free_func ((GDestroyNotify)vv_comment_free);
      ctx->row_comments = row_comments;
      for (xmlNodePtr tc = child->children; tc != NULL; tc = tc->next)
        {
          g_autofree char *style = NULL;
          g_autofree char *repeated = NULL;
          guint n = 1;
          char *text;
          int column;

          if (!is_element (tc, NS_TABLE, "table-cell") && !is_element (tc, NS_TABLE, "covered-table-cell"))
            continue;
          repeated = get_ns_prop (tc, NS_TABLE, "number-columns-repeated");
          if (repeated != NULL)
            n = CLAMP (parse_id (repeated), 1, N_COLS);
          text = odt_cell_text (tc, &style, ctx);
          g_ptr_array_add (texts, text);
          for (guint r = 0; r < n; r++, index++)
            {
              column = r == 0 ? column_for_style (style) : COL_NONE;
              if (column == COL_NONE && index < N_COLS)
                column = index;
              if (column != COL_NONE && cells[column] == NULL)
                cells[column] = text;
            }
        }
      ctx->row_comments = NULL;

      add_table_row (file, cells, row_comments);
    }
}

static VvRoundtripFile *
read_odt (VvZip       *zip,
          const char  *display_name,
          GError     **error)
{
  g_autoptr(VvRoundtripFile) file = _vv_roundtrip_file_new (display_name, "odt");
  g_autoptr(GHashTable) parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  OdtContext ctx = { parents, NULL };
  xmlNodePtr root, styles;
  xmlDocPtr doc;
  xmlDocPtr meta;

  doc = zip_read_xml (zip, "content.xml", display_name, TRUE, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);

  /* LibreOffice gives edited paragraphs automatic styles (P1…) whose
   * parent is our style */
  styles = root ? find_descendant (root, NS_OFFICE, "automatic-styles") : NULL;
  for (xmlNodePtr s = styles ? styles->children : NULL; s != NULL; s = s->next)
    {
      char *name, *parent;

      if (!is_element (s, NS_STYLE, "style"))
        continue;
      name = get_ns_prop (s, NS_STYLE, "name");
      parent = get_ns_prop (s, NS_STYLE, "parent-style-name");
      if (name != NULL && parent != NULL)
        g_hash_table_replace (parents, name, parent);
      else
        {
          g_free (name);
          g_free (parent);
        }
    }

  meta = zip_read_xml (zip, "meta.xml", display_name, FALSE, NULL);
  if (meta != NULL)
    {
      xmlNodePtr meta_root = xmlDocGetRootElement (meta);
      xmlNodePtr office_meta = meta_root ? find_descendant (meta_root, NS_OFFICE, "meta") : NULL;

      for (xmlNodePtr m = office_meta ? office_meta->children : NULL; m != NULL; m = m->next)
        {
          if (is_element (m, NS_META, "user-defined"))
            {
              g_autofree char *name = get_ns_prop (m, NS_META, "name");
              if (g_strcmp0 (name, "visavis-project") == 0)
                file->project_key = g_strstrip (node_text (m));
            }
          else if (is_element (m, NS_DC, "title"))
            file->title = node_text (m);
        }
      xmlFreeDoc (meta);
    }

  if (root != NULL)
    odt_read_rows (root, file, &ctx);
  xmlFreeDoc (doc);
  return g_steal_pointer (&file);
}

static VvRoundtripFile *
read_zip (GBytes      *bytes,
          const char  *display_name,
          GError     **error)
{
  g_autoptr(VvZip) zip = vv_zip_open (bytes, display_name, _("Word or OpenDocument document"), error);

  if (zip == NULL)
    return NULL;
  if (vv_zip_has_entry (zip, "word/document.xml"))
    return read_docx (zip, display_name, error);
  if (vv_zip_has_entry (zip, "content.xml"))
    return read_odt (zip, display_name, error);

  g_set_error (error, VV_ROUNDTRIP_ERROR, VV_ROUNDTRIP_ERROR_FORMAT,
               _("“%s” is a ZIP file but neither a Word (DOCX) nor an OpenDocument (ODT) document"),
               display_name);
  return NULL;
}

/**
 * vv_roundtrip_file_read:
 * @bytes: the file's contents
 * @display_name: the file name, for messages
 * @error: return location for an error
 *
 * Reads a bilingual file sent back by a reviewer: DOCX or ODT (by their
 * ZIP contents), XLIFF 1.2/2.0 (XML) or CSV/TSV (anything else).
 *
 * Returns: (transfer full) (nullable): what the file holds
 */
VvRoundtripFile *
vv_roundtrip_file_read (GBytes      *bytes,
                     const char  *display_name,
                     GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *p = data;

  if (size == 0)
    {
      g_set_error (error, VV_ROUNDTRIP_ERROR, VV_ROUNDTRIP_ERROR_FORMAT,
                   _("“%s” is empty"), display_name);
      return NULL;
    }
  /* ZIP containers, and the OLE files Word writes for password-protected
   * documents, which vv-zip recognises */
  if ((size >= 4 && memcmp (data, "PK\3\4", 4) == 0) ||
      (size >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0))
    return read_zip (bytes, display_name, error);

  if (size >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < data + size && g_ascii_isspace (*p))
    p++;
  if (p < data + size && *p == '<')
    return _vv_roundtrip_read_xliff (bytes, display_name, error);

  return _vv_roundtrip_read_csv (bytes, display_name, error);
}

VvRoundtripFile *
vv_roundtrip_file_load (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *name = vv_file_get_display_name (file);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);

  if (bytes == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  return vv_roundtrip_file_read (bytes, name, error);
}

/* ---- applying ---- */

void
vv_roundtrip_report_init (VvRoundtripReport *report)
{
  memset (report, 0, sizeof *report);
  report->mismatched = g_array_new (FALSE, FALSE, sizeof (guint));
  report->unknown = g_array_new (FALSE, FALSE, sizeof (guint));
  report->locked = g_array_new (FALSE, FALSE, sizeof (guint));
  report->refused = g_array_new (FALSE, FALSE, sizeof (guint));
}

void
vv_roundtrip_report_clear (VvRoundtripReport *report)
{
  g_clear_pointer (&report->mismatched, g_array_unref);
  g_clear_pointer (&report->unknown, g_array_unref);
  g_clear_pointer (&report->locked, g_array_unref);
  g_clear_pointer (&report->refused, g_array_unref);
}

/* Compares texts as a reader sees them: white space runs are one space */
static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0 || c == 0x202F)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *na = normalize (a);
  g_autofree char *nb = normalize (b);

  return g_str_equal (na, nb);
}

static gboolean
segment_has_comment (VvSegment  *segment,
                     const char *text)
{
  for (guint c = 0; c < vv_segment_get_n_comments (segment); c++)
    if (same_text (vv_segment_get_comment (segment, c)->text, text))
      return TRUE;
  return FALSE;
}

/* The comments column minus the comments we exported: what is left is new */
static char *
new_comment_text (VvSegment  *segment,
                  const char *cell)
{
  g_autofree char *rest = g_strdup (cell);

  for (guint c = 0; c < vv_segment_get_n_comments (segment); c++)
    {
      g_autofree char *line = _vv_export_comment_line (vv_segment_get_comment (segment, c));
      char *found = strstr (rest, line);

      if (found != NULL)
        memmove (found, found + strlen (line), strlen (found + strlen (line)) + 1);
    }
  return g_strstrip (g_steal_pointer (&rest));
}

static void
append_ids (GString    *out,
            const char *label,
            GArray     *ids)
{
  if (ids->len == 0)
    return;
  g_string_append_printf (out, "%s", label);
  for (guint i = 0; i < ids->len && i < 20; i++)
    g_string_append_printf (out, "%s%u", i ? ", " : " ", g_array_index (ids, guint, i));
  if (ids->len > 20)
    g_string_append (out, ", …");
  g_string_append_c (out, '\n');
}

/**
 * vv_roundtrip_report_to_string:
 * @report: a report
 *
 * Returns: (transfer full): the report for people, one fact per line
 */
char *
vv_roundtrip_report_to_string (VvRoundtripReport *report)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, _("%u segments read: %u targets changed, %u comments added, %u states changed\n"),
                          report->n_units, report->n_targets_changed, report->n_comments_added,
                          report->n_states_changed);
  append_ids (out, _("Source no longer matches, not applied:"), report->mismatched);
  append_ids (out, _("Not in this project, not applied:"), report->unknown);
  append_ids (out, _("Locked, target not applied:"), report->locked);
  append_ids (out, _("State change not allowed by the workflow, not applied:"), report->refused);
  return g_string_free (out, FALSE);
}

/**
 * vv_roundtrip_apply:
 * @document: the project
 * @file: a reviewed file read by vv_roundtrip_file_read()
 * @reviewer: (nullable): the reviewer's name, for history and comments
 * @report: (out caller-allocates): an initialised report to fill
 * @error: return location for an error
 *
 * Applies the reviewer's edits (see the top of this file). A file from
 * another project is refused whole and the document is left untouched.
 *
 * Returns: %TRUE if the file belongs to this project
 */
gboolean
vv_roundtrip_apply (VvDocument      *document,
                 VvRoundtripFile    *file,
                 const char      *reviewer,
                 VvRoundtripReport  *report,
                 GError         **error)
{
  g_autofree char *key = _vv_export_document_key (document);
  guint matching = 0;

  if (reviewer == NULL || *reviewer == '\0')
    reviewer = _("Reviewer");

  if (file->project_key != NULL && *file->project_key != '\0' && !g_str_equal (file->project_key, key))
    {
      g_set_error (error, VV_ROUNDTRIP_ERROR, VV_ROUNDTRIP_ERROR_OTHER_PROJECT,
                   _("“%s” was exported from another project (“%s”), not from “%s”; nothing was changed"),
                   file->display_name, file->title ? file->title : file->project_key,
                   vv_document_get_title (document));
      return FALSE;
    }

  for (guint i = 0; i < file->units->len; i++)
    {
      VvRoundtripUnit *unit = g_ptr_array_index (file->units, i);
      VvSegment *segment = unit->id ? vv_document_lookup_segment (document, unit->id) : NULL;

      if (segment != NULL && (unit->source == NULL || same_text (unit->source, vv_segment_get_source (segment))))
        matching++;
    }
  if (file->units->len > 0 && matching == 0)
    {
      g_set_error (error, VV_ROUNDTRIP_ERROR, VV_ROUNDTRIP_ERROR_OTHER_PROJECT,
                   _("None of the %u segments of “%s” matches the project “%s”: it comes from another project; nothing was changed"),
                   file->units->len, file->display_name, vv_document_get_title (document));
      return FALSE;
    }

  vv_document_begin_batch (document);
  for (guint i = 0; i < file->units->len; i++)
    {
      VvRoundtripUnit *unit = g_ptr_array_index (file->units, i);
      VvSegment *segment = unit->id ? vv_document_lookup_segment (document, unit->id) : NULL;
      VvSegmentState state;
      g_autofree char *target = NULL;
      gboolean target_changed = FALSE;
      gboolean state_changed = FALSE;

      report->n_units++;
      if (segment == NULL)
        {
          g_array_append_val (report->unknown, unit->id);
          continue;
        }
      if (unit->source != NULL && !same_text (unit->source, vv_segment_get_source (segment)))
        {
          g_array_append_val (report->mismatched, unit->id);
          continue;
        }

      state = vv_segment_get_state (segment);
      target = unit->target ? g_strstrip (g_strdup (unit->target)) : NULL;
      if (target != NULL && *target != '\0' && !same_text (target, vv_segment_get_target (segment)))
        {
          if (vv_segment_is_locked (segment))
            g_array_append_val (report->locked, unit->id);
          else
            {
              /* as vv_review_edit_target(): a filled-in segment is a draft */
              target_changed = TRUE;
              if (state == VV_SEGMENT_STATE_UNTRANSLATED)
                state = VV_SEGMENT_STATE_DRAFT;
            }
        }

      /* the reviewer's decisions: approve, or send back, where the
       * workflow allows it (a draft must be confirmed first) */
      if (unit->has_state && unit->state != vv_segment_get_state (segment) &&
          (unit->state == VV_SEGMENT_STATE_APPROVED || unit->state == VV_SEGMENT_STATE_NEEDS_CHANGES) &&
          (target_changed || *vv_segment_get_target (segment) != '\0') &&
          !vv_segment_is_locked (segment))
        {
          if (vv_review_can_transition (state, unit->state))
            {
              state = unit->state;
              state_changed = TRUE;
            }
          else
            g_array_append_val (report->refused, unit->id);
        }

      if (target_changed)
        {
          vv_segment_set_target (segment, target);
          vv_segment_set_origin (segment, "human");
          report->n_targets_changed++;
        }
      if (target_changed || state_changed)
        vv_segment_commit (segment, state, reviewer);
      if (state_changed)
        report->n_states_changed++;

      for (guint c = 0; c < unit->comments->len; c++)
        {
          const VvComment *comment = g_ptr_array_index (unit->comments, c);

          if (*comment->text == '\0' || segment_has_comment (segment, comment->text))
            continue;
          vv_segment_add_comment (segment, vv_comment_new (*comment->author ? comment->author : reviewer,
                                                           comment->time, comment->text, comment->resolved));
          report->n_comments_added++;
        }
      if (unit->comment_text != NULL)
        {
          g_autofree char *text = new_comment_text (segment, unit->comment_text);

          if (*text != '\0' && !segment_has_comment (segment, text))
            {
              vv_segment_add_comment (segment, vv_comment_new (reviewer, NULL, text, FALSE));
              report->n_comments_added++;
            }
        }
    }
  vv_document_end_batch (document);
  return TRUE;
}
