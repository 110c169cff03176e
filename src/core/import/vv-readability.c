/* vv-readability.c: main-article extraction from an HTML page
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A readability-style scorer over libxml2's HTML tree, following the
 * published algorithm of Mozilla's Readability (Apache-2.0): paragraphs
 * give points to their ancestors (more for long text with commas), class
 * and id names add or take away points, candidates are scaled down by
 * their link density, the best one is joined with related siblings and
 * cleaned of link lists, forms, share bars and the like. What the cleaning
 * takes out of the article becomes boilerplate blocks; what lies outside
 * the article is dropped.
 */

#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <json-glib/json-glib.h>

#include "vv-boilerplate.h"
#include "vv-readability.h"

#define N_TOP_CANDIDATES   5
#define CHAR_THRESHOLD     500
#define MIN_TOP_CANDIDATES 3
#define MAX_ELEMENTS       200000

enum {
  FLAG_STRIP_UNLIKELYS     = 1 << 0,
  FLAG_WEIGHT_CLASSES      = 1 << 1,
  FLAG_CLEAN_CONDITIONALLY = 1 << 2,
};

/* Per-element scoring state, hung on xmlNode._private */
typedef struct
{
  double   score;
  gboolean scored;
  gboolean data_table;
} NodeInfo;

typedef struct
{
  GRegex *unlikely;
  GRegex *maybe_candidate;
  GRegex *positive;
  GRegex *negative;
  GRegex *byline;
  GRegex *share;
  GRegex *videos;
  GRegex *ad_words;
  GRegex *loading_words;
  GRegex *sentence_end;
} Patterns;

typedef struct
{
  htmlDocPtr  doc;
  guint       flags;
  char       *title;           /* used to drop a heading repeating it */
  char       *byline;
  GPtrArray  *infos;           /* NodeInfo, owned */
  GPtrArray  *graveyard;       /* unlinked subtrees, freed at the end */
  GPtrArray  *boilerplate;     /* unlinked subtrees referenced by markers */
} Context;

static Patterns patterns;

static gpointer
compile_patterns (gpointer data)
{
  const GRegexCompileFlags f = G_REGEX_CASELESS | G_REGEX_OPTIMIZE;

  patterns.unlikely = g_regex_new ("-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote", f, 0, NULL);
  patterns.maybe_candidate = g_regex_new ("and|article|body|column|content|main|mathjax|shadow", f, 0, NULL);
  patterns.positive = g_regex_new ("article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", f, 0, NULL);
  patterns.negative = g_regex_new ("-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget", f, 0, NULL);
  patterns.byline = g_regex_new ("byline|author|dateline|writtenby|p-author", f, 0, NULL);
  patterns.share = g_regex_new ("(\\b|_)(share|sharedaddy)(\\b|_)", f, 0, NULL);
  patterns.videos = g_regex_new ("//(www\\.)?((dailymotion|youtube|youtube-nocookie|player\\.vimeo|v\\.qq)\\.com|(archive|upload\\.wikimedia)\\.org|player\\.twitch\\.tv)", f, 0, NULL);
  patterns.ad_words = g_regex_new ("^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$", f, 0, NULL);
  patterns.loading_words = g_regex_new ("^((loading|正在加载|Загрузка|chargement|cargando)(…|\\.\\.\\.)?)$", f, 0, NULL);
  patterns.sentence_end = g_regex_new ("\\.( |$)", G_REGEX_OPTIMIZE, 0, NULL);
  return NULL;
}

static void
ensure_patterns (void)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, compile_patterns, NULL);
}

/* ---- Node helpers ---------------------------------------------------- */

static inline gboolean
is_element (xmlNode *node)
{
  return node != NULL && node->type == XML_ELEMENT_NODE;
}

static inline gboolean
is_text (xmlNode *node)
{
  return node != NULL && (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE);
}

static inline gboolean
tag_is (xmlNode    *node,
        const char *tag)
{
  return is_element (node) && g_ascii_strcasecmp ((const char *)node->name, tag) == 0;
}

static gboolean
tag_in (xmlNode            *node,
        const char * const *tags)
{
  if (!is_element (node))
    return FALSE;
  for (guint i = 0; tags[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *)node->name, tags[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_heading (xmlNode *node)
{
  const char *name;

  if (!is_element (node))
    return FALSE;
  name = (const char *)node->name;
  return (name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' && name[2] == '\0';
}

/* Returns the attribute's value, "" for an attribute without value, or NULL */
static const char *
attr (xmlNode    *node,
      const char *name)
{
  if (!is_element (node))
    return NULL;
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (g_ascii_strcasecmp ((const char *)a->name, name) == 0)
      {
        if (a->children != NULL && a->children->content != NULL)
          return (const char *)a->children->content;
        return "";
      }
  return NULL;
}

static const char *
attr_or_empty (xmlNode    *node,
               const char *name)
{
  const char *value = attr (node, name);
  return value ? value : "";
}

static xmlNode *
first_element_child (xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_element (c))
      return c;
  return NULL;
}

static xmlNode *
next_element_sibling (xmlNode *node)
{
  for (xmlNode *c = node->next; c != NULL; c = c->next)
    if (is_element (c))
      return c;
  return NULL;
}

static guint
count_element_children (xmlNode *node)
{
  guint n = 0;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_element (c))
      n++;
  return n;
}

/* Depth-first order over elements, as Readability's _getNextNode */
static xmlNode *
next_node (xmlNode  *node,
           gboolean  skip_children)
{
  xmlNode *next;

  if (!skip_children && (next = first_element_child (node)) != NULL)
    return next;
  if ((next = next_element_sibling (node)) != NULL)
    return next;
  do
    {
      node = node->parent;
      if (node == NULL || !is_element (node))
        return NULL;
      next = next_element_sibling (node);
    }
  while (next == NULL);
  return next;
}

/* Every descendant element with one of @tags, in document order */
static GPtrArray *
get_elements (xmlNode            *root,
              const char * const *tags)
{
  GPtrArray *out = g_ptr_array_new ();
  xmlNode *node = root->children;

  while (node != NULL && node != root)
    {
      if (is_element (node))
        {
          if (tags == NULL || tag_in (node, tags))
            g_ptr_array_add (out, node);
          if (node->children != NULL)
            {
              node = node->children;
              continue;
            }
        }
      while (node != root && node->next == NULL)
        node = node->parent;
      if (node == root)
        break;
      node = node->next;
    }
  return out;
}

static guint
count_elements (xmlNode    *root,
                const char *tag)
{
  const char *tags[] = { tag, NULL };
  g_autoptr(GPtrArray) all = get_elements (root, tags);
  return all->len;
}

static gboolean
has_descendant (xmlNode    *root,
                const char *tag)
{
  return count_elements (root, tag) > 0;
}

/* ---- Text ------------------------------------------------------------ */

static inline gboolean
is_js_space (gunichar c)
{
  switch (c)
    {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case 0x00A0: case 0x1680: case 0x2028: case 0x2029: case 0x202F:
    case 0x205F: case 0x3000: case 0xFEFF:
      return TRUE;
    default:
      return c >= 0x2000 && c <= 0x200A;
    }
}

static gsize inner_text_length (xmlNode *node, gboolean normalize);

static void
append_text_content (xmlNode *node,
                     GString *out)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_text (c))
        {
          if (c->content != NULL)
            g_string_append (out, (const char *)c->content);
        }
      else if (is_element (c))
        append_text_content (c, out);
    }
}

static char *
text_content (xmlNode *node)
{
  GString *out = g_string_new (NULL);

  if (is_text (node))
    g_string_append (out, node->content ? (const char *)node->content : "");
  else
    append_text_content (node, out);
  return g_string_free (out, FALSE);
}

/* Readability's _getInnerText: textContent trimmed, and with
 * @normalize runs of two or more spaces replaced by one */
static char *
inner_text (xmlNode  *node,
            gboolean  normalize)
{
  g_autofree char *raw = text_content (node);
  GString *out = g_string_sized_new (strlen (raw));
  const char *p = raw;
  const char *run = NULL;
  guint run_chars = 0;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (is_js_space (c))
        {
          if (run == NULL)
            run = p;
          run_chars++;
        }
      else
        {
          if (run != NULL && out->len > 0)
            {
              if (normalize && run_chars >= 2)
                g_string_append_c (out, ' ');
              else
                g_string_append_len (out, run, p - run);
            }
          run = NULL;
          run_chars = 0;
          g_string_append_len (out, p, next - p);
        }
      p = next;
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  gsize    length;
  gsize    pending;
  gboolean started;
  gboolean normalize;
} TextLength;

/* Decodes one character at @p that may be white space (a fast path for
 * ASCII and for lead bytes that start no space character) */
static inline gboolean
space_at (const guchar *p,
          guint        *bytes)
{
  guchar c = *p;

  if (c < 0x80)
    {
      *bytes = 1;
      return c == ' ' || (c >= '\t' && c <= '\r');
    }
  if (c < 0xE0)
    {
      *bytes = 2;
      return c == 0xC2 && p[1] == 0xA0;
    }
  if (c < 0xF0)
    {
      *bytes = 3;
      if (c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF)
        return is_js_space (g_utf8_get_char ((const char *)p));
      return FALSE;
    }
  *bytes = 4;
  return FALSE;
}

static void
text_length_feed (TextLength *state,
                  const char *text)
{
  const guchar *p = (const guchar *)text;

  while (*p != '\0')
    {
      guint bytes;

      if (space_at (p, &bytes))
        {
          if (state->started)
            state->pending++;
          p += bytes;
          continue;
        }
      if (state->pending > 0)
        state->length += state->normalize ? (state->pending >= 2 ? 1 : state->pending) : state->pending;
      state->pending = 0;
      state->started = TRUE;
      state->length += bytes == 4 ? 2 : 1;   /* JavaScript counts UTF-16 units */
      p += bytes;
    }
}

/* Whether @node has any text that is not white space */
static gboolean
has_text (xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_text (c))
        {
          for (const guchar *p = c->content; p != NULL && *p != '\0'; )
            {
              guint bytes;

              if (!space_at (p, &bytes))
                return TRUE;
              p += bytes;
            }
        }
      else if (is_element (c) && has_text (c))
        return TRUE;
    }
  return FALSE;
}

static void
text_length_walk (xmlNode    *node,
                  TextLength *state)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_text (c))
        {
          if (c->content != NULL)
            text_length_feed (state, (const char *)c->content);
        }
      else if (is_element (c))
        text_length_walk (c, state);
    }
}

/* The length of inner_text (@node, @normalize), without building it */
static gsize
inner_text_length (xmlNode  *node,
                   gboolean  normalize)
{
  TextLength state = { 0, 0, FALSE, normalize };

  if (is_text (node))
    {
      if (node->content != NULL)
        text_length_feed (&state, (const char *)node->content);
    }
  else
    text_length_walk (node, &state);
  return state.length;
}

static gboolean
is_whitespace_text (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!is_js_space (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* ---- Tree surgery ---------------------------------------------------- */

static void
bury (Context *ctx,
      xmlNode *node)
{
  xmlUnlinkNode (node);
  g_ptr_array_add (ctx->graveyard, node);
}

/* Links @child as the last child of @parent, never merging text nodes */
static void
append_child (xmlNode *parent,
              xmlNode *child)
{
  xmlUnlinkNode (child);
  child->parent = parent;
  child->doc = parent->doc;
  child->prev = parent->last;
  child->next = NULL;
  if (parent->last != NULL)
    parent->last->next = child;
  else
    parent->children = child;
  parent->last = child;
}

/* Puts @node where @old is; @old is unlinked */
static void
replace_node (xmlNode *old,
              xmlNode *node)
{
  xmlUnlinkNode (node);
  node->parent = old->parent;
  node->prev = old->prev;
  node->next = old->next;
  if (old->prev != NULL)
    old->prev->next = node;
  else if (old->parent != NULL)
    old->parent->children = node;
  if (old->next != NULL)
    old->next->prev = node;
  else if (old->parent != NULL)
    old->parent->last = node;
  old->parent = old->prev = old->next = NULL;
}

static void
set_tag (xmlNode    *node,
         const char *tag)
{
  xmlNodeSetName (node, (const xmlChar *)tag);
}

/* ---- Scores ---------------------------------------------------------- */

static NodeInfo *
info_get (xmlNode *node)
{
  return node->_private;
}

static NodeInfo *
info_ensure (Context *ctx,
             xmlNode *node)
{
  if (node->_private == NULL)
    {
      NodeInfo *info = g_new0 (NodeInfo, 1);
      g_ptr_array_add (ctx->infos, info);
      node->_private = info;
    }
  return node->_private;
}

static gboolean
regex_match (GRegex     *regex,
             const char *text)
{
  return text != NULL && *text != '\0' && g_regex_match (regex, text, 0, NULL);
}

static int
class_weight (Context *ctx,
              xmlNode *node)
{
  const char *class_name = attr (node, "class");
  const char *id = attr (node, "id");
  int weight = 0;

  if (!(ctx->flags & FLAG_WEIGHT_CLASSES))
    return 0;

  if (class_name != NULL && *class_name != '\0')
    {
      if (regex_match (patterns.negative, class_name))
        weight -= 25;
      if (regex_match (patterns.positive, class_name))
        weight += 25;
    }
  if (id != NULL && *id != '\0')
    {
      if (regex_match (patterns.negative, id))
        weight -= 25;
      if (regex_match (patterns.positive, id))
        weight += 25;
    }
  return weight;
}

static void
initialize_node (Context *ctx,
                 xmlNode *node)
{
  static const char * const minus3[] = { "address", "ol", "ul", "dl", "dd", "dt", "li", "form", NULL };
  static const char * const plus3[] = { "pre", "td", "blockquote", NULL };
  NodeInfo *info = info_ensure (ctx, node);

  info->scored = TRUE;
  info->score = 0;
  if (tag_is (node, "div"))
    info->score += 5;
  else if (tag_in (node, plus3))
    info->score += 3;
  else if (tag_in (node, minus3))
    info->score -= 3;
  else if (is_heading (node) || tag_is (node, "th"))
    info->score -= 5;
  info->score += class_weight (ctx, node);
}

static gboolean
is_scored (xmlNode *node)
{
  NodeInfo *info = info_get (node);
  return info != NULL && info->scored;
}

typedef struct
{
  TextLength state;
  double     coefficient;
} LinkLength;

/* One walk for the text and the links' text; nested links count twice,
 * as they do in Readability */
static void
link_walk (xmlNode    *node,
           TextLength *total,
           GArray     *links,
           double     *link_length)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_text (c))
        {
          if (c->content == NULL)
            continue;
          text_length_feed (total, (const char *)c->content);
          for (guint i = 0; i < links->len; i++)
            text_length_feed (&g_array_index (links, LinkLength, i).state, (const char *)c->content);
        }
      else if (tag_is (c, "a"))
        {
          const char *href = attr (c, "href");
          LinkLength link = { { 0, 0, FALSE, TRUE }, 1 };

          /* in-page anchors weigh less */
          if (href != NULL && href[0] == '#' && href[1] != '\0')
            link.coefficient = 0.3;
          g_array_append_val (links, link);
          link_walk (c, total, links, link_length);
          link = g_array_index (links, LinkLength, links->len - 1);
          g_array_set_size (links, links->len - 1);
          *link_length += link.state.length * link.coefficient;
        }
      else if (is_element (c))
        link_walk (c, total, links, link_length);
    }
}

static double
link_density (xmlNode *node)
{
  TextLength total = { 0, 0, FALSE, TRUE };
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (LinkLength));
  double link_length = 0;

  link_walk (node, &total, links, &link_length);
  if (total.length == 0)
    return 0;
  return link_length / total.length;
}

static double
text_density (xmlNode            *node,
              const char * const *tags)
{
  gsize length = inner_text_length (node, TRUE);
  g_autoptr(GPtrArray) children = NULL;
  gsize children_length = 0;

  if (length == 0)
    return 0;
  children = get_elements (node, tags);
  for (guint i = 0; i < children->len; i++)
    children_length += inner_text_length (children->pdata[i], TRUE);
  return (double)children_length / length;
}

static guint
count_commas (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    switch (g_utf8_get_char (p))
      {
      case 0x002C: case 0x060C: case 0xFE50: case 0xFE10: case 0xFE11:
      case 0x2E41: case 0x2E34: case 0x2E32: case 0xFF0C:
        n++;
        break;
      default:
        break;
      }
  return n;
}

static gboolean
has_ancestor_tag (xmlNode    *node,
                  const char *tag,
                  int         max_depth,
                  gboolean    data_table_only)
{
  int depth = 0;

  while (node->parent != NULL && is_element (node->parent))
    {
      if (max_depth > 0 && depth > max_depth)
        return FALSE;
      if (tag_is (node->parent, tag))
        {
          NodeInfo *info = info_get (node->parent);

          if (!data_table_only || (info != NULL && info->data_table))
            return TRUE;
        }
      node = node->parent;
      depth++;
    }
  return FALSE;
}

/* ---- Metadata -------------------------------------------------------- */

static gboolean
word_char (gunichar c)
{
  return (c < 128 && (g_ascii_isalnum (c) || c == '_'));
}

/* Splits like JavaScript's s.toLowerCase().split(/\W+/) without empties */
static GPtrArray *
ascii_word_tokens (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *p = lower;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (tokens, g_strndup (start, p - start));
    }
  return tokens;
}

static gsize
joined_length (GPtrArray *tokens)
{
  gsize n = 0;

  for (guint i = 0; i < tokens->len; i++)
    n += strlen (tokens->pdata[i]) + (i > 0 ? 1 : 0);
  return n;
}

static double
text_similarity (const char *a,
                 const char *b)
{
  g_autoptr(GPtrArray) ta = ascii_word_tokens (a);
  g_autoptr(GPtrArray) tb = ascii_word_tokens (b);
  g_autoptr(GPtrArray) unique = g_ptr_array_new ();
  gsize total;

  if (ta->len == 0 || tb->len == 0)
    return 0;
  for (guint i = 0; i < tb->len; i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < ta->len && !found; j++)
        found = g_str_equal (tb->pdata[i], ta->pdata[j]);
      if (!found)
        g_ptr_array_add (unique, tb->pdata[i]);
    }
  total = joined_length (tb);
  if (total == 0)
    return 0;
  return 1.0 - (double)joined_length (unique) / total;
}

static guint
word_count (const char *text)
{
  /* JavaScript's str.split(/\s+/).length */
  guint n = 1;
  gboolean in_space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = is_js_space (g_utf8_get_char (p));

      if (space && !in_space)
        n++;
      in_space = space;
    }
  return n;
}

static gboolean
is_title_separator (gunichar c)
{
  return c == '|' || c == '-' || c == 0x2013 || c == 0x2014 || c == '\\' || c == '/' || c == '>' || c == 0x00BB;
}

static gboolean
is_hierarchical_separator (gunichar c)
{
  return c == '\\' || c == '/' || c == '>' || c == 0x00BB;
}

/* Byte offset of the last (or first) " X " with X a separator, or -1 */
static gssize
find_separator (const char *text,
                gboolean    last,
                gboolean   *hierarchical)
{
  gssize found = -1;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *q, *r;

      if (!is_js_space (g_utf8_get_char (p)))
        continue;
      q = g_utf8_next_char (p);
      if (*q == '\0' || !is_title_separator (g_utf8_get_char (q)))
        continue;
      r = g_utf8_next_char (q);
      if (*r == '\0' || !is_js_space (g_utf8_get_char (r)))
        continue;
      if (hierarchical != NULL && is_hierarchical_separator (g_utf8_get_char (q)))
        *hierarchical = TRUE;
      found = p - text;
      if (!last)
        break;
    }
  return found;
}

static char *
collapse_spaces (const char *text)
{
  g_autofree char *trimmed = NULL;
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_js_space (c))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

static xmlNode *
find_element (xmlNode    *root,
              const char *tag)
{
  const char *tags[] = { tag, NULL };
  g_autoptr(GPtrArray) all = get_elements (root, tags);
  return all->len > 0 ? all->pdata[0] : NULL;
}

/* The page's own title, cleaned of the site name (Readability's rules) */
static char *
document_title (xmlNode *root)
{
  static const char * const h12[] = { "h1", "h2", NULL };
  static const char * const title_tags[] = { "title", NULL };
  g_autoptr(GPtrArray) titles = get_elements (root, title_tags);
  xmlNode *title_node = NULL;
  g_autofree char *orig = NULL;
  g_autofree char *cur = NULL;
  gboolean hierarchical = FALSE;
  gssize sep;
  char *result;

  /* the page's <title>, not an icon's <svg><title> */
  for (guint i = 0; i < titles->len && title_node == NULL; i++)
    if (!has_ancestor_tag (titles->pdata[i], "svg", -1, FALSE))
      title_node = titles->pdata[i];
  if (title_node == NULL)
    return g_strdup ("");
  orig = inner_text (title_node, FALSE);
  cur = g_strdup (orig);

  if ((sep = find_separator (orig, TRUE, &hierarchical)) >= 0)
    {
      g_free (cur);
      cur = g_strndup (orig, sep);
      if (word_count (cur) < 3)
        {
          const char *p = orig;

          /* drop everything up to the first separator character */
          while (*p != '\0' && !is_title_separator (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          if (*p != '\0')
            p = g_utf8_next_char (p);
          g_free (cur);
          cur = g_strdup (p);
        }
    }
  else if (strstr (orig, ": ") != NULL)
    {
      g_autoptr(GPtrArray) headings = get_elements (root, h12);
      g_autofree char *trimmed = g_strstrip (g_strdup (orig));
      gboolean match = FALSE;

      for (guint i = 0; i < headings->len && !match; i++)
        {
          g_autofree char *text = inner_text (headings->pdata[i], FALSE);
          match = g_str_equal (text, trimmed);
        }
      if (!match)
        {
          g_free (cur);
          cur = g_strdup (strrchr (orig, ':') + 1);
          if (word_count (cur) < 3)
            {
              g_free (cur);
              cur = g_strdup (strchr (orig, ':') + 1);
            }
          else
            {
              g_autofree char *before = g_strndup (orig, strchr (orig, ':') - orig);
              if (word_count (before) > 5)
                {
                  g_free (cur);
                  cur = g_strdup (orig);
                }
            }
        }
    }
  else if (g_utf8_strlen (cur, -1) > 150 || g_utf8_strlen (cur, -1) < 15)
    {
      static const char * const h1[] = { "h1", NULL };
      g_autoptr(GPtrArray) ones = get_elements (root, h1);

      if (ones->len == 1)
        {
          g_free (cur);
          cur = inner_text (ones->pdata[0], TRUE);
        }
    }

  result = collapse_spaces (cur);
  if (word_count (result) <= 4 && !hierarchical)
    {
      g_free (result);
      result = collapse_spaces (orig);
    }
  return result;
}

static gboolean
is_article_type (const char *type)
{
  static const char * const types[] = {
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle",
    "ReportageNewsArticle", "ReviewNewsArticle", "Report", "SatiricalArticle",
    "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting",
    "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting", "TechArticle",
    "APIReference", NULL
  };
  return type != NULL && g_strv_contains (types, type);
}

static gboolean
has_article_type (JsonObject *object)
{
  JsonNode *type = json_object_get_member (object, "@type");

  return type != NULL && JSON_NODE_HOLDS_VALUE (type)
         && json_node_get_value_type (type) == G_TYPE_STRING
         && is_article_type (json_node_get_string (type));
}

static gboolean
is_schema_org (const char *context)
{
  return context != NULL
         && (g_str_equal (context, "https://schema.org") || g_str_equal (context, "https://schema.org/")
             || g_str_equal (context, "http://schema.org") || g_str_equal (context, "http://schema.org/"));
}

/* The schema.org Article of a JSON-LD script: the first article of an
 * array, the object itself, or an article in its @graph; the @context must
 * be schema.org (Readability's rules) */
static JsonObject *
find_article_object (JsonNode *root)
{
  JsonObject *object = NULL;
  JsonNode *context;
  const char *vocabulary = NULL;

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array) && object == NULL; i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_OBJECT (item) && has_article_type (json_node_get_object (item)))
            object = json_node_get_object (item);
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);
  if (object == NULL)
    return NULL;

  context = json_object_get_member (object, "@context");
  if (context != NULL && JSON_NODE_HOLDS_VALUE (context) && json_node_get_value_type (context) == G_TYPE_STRING)
    vocabulary = json_node_get_string (context);
  else if (context != NULL && JSON_NODE_HOLDS_OBJECT (context))
    {
      JsonNode *vocab = json_object_get_member (json_node_get_object (context), "@vocab");
      if (vocab != NULL && JSON_NODE_HOLDS_VALUE (vocab) && json_node_get_value_type (vocab) == G_TYPE_STRING)
        vocabulary = json_node_get_string (vocab);
    }
  if (!is_schema_org (vocabulary))
    return NULL;

  if (!json_object_has_member (object, "@type"))
    {
      JsonNode *graph = json_object_get_member (object, "@graph");

      object = NULL;
      if (graph != NULL && JSON_NODE_HOLDS_ARRAY (graph))
        {
          JsonArray *array = json_node_get_array (graph);

          for (guint i = 0; i < json_array_get_length (array) && object == NULL; i++)
            {
              JsonNode *item = json_array_get_element (array, i);
              if (JSON_NODE_HOLDS_OBJECT (item) && has_article_type (json_node_get_object (item)))
                object = json_node_get_object (item);
            }
        }
    }
  return object != NULL && has_article_type (object) ? object : NULL;
}

static const char *
json_string_member (JsonObject *object,
                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static char *
json_ld_author (JsonObject *article)
{
  JsonNode *author = json_object_get_member (article, "author");

  if (author == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (author))
    {
      const char *name = json_string_member (json_node_get_object (author), "name");
      return name ? g_strstrip (g_strdup (name)) : NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (author))
    {
      JsonArray *array = json_node_get_array (author);
      GString *names = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          const char *name = JSON_NODE_HOLDS_OBJECT (item)
                             ? json_string_member (json_node_get_object (item), "name") : NULL;
          if (name != NULL)
            {
              if (names->len > 0)
                g_string_append (names, ", ");
              g_string_append (names, name);
            }
        }
      if (names->len == 0)
        {
          g_string_free (names, TRUE);
          return NULL;
        }
      return g_string_free (names, FALSE);
    }
  return NULL;
}

/* JSON-LD (schema.org Article), then OpenGraph/Twitter/Dublin Core meta
 * tags, then the <title> */
static void
read_metadata (Context *ctx,
               xmlNode *root,
               char   **title_out,
               char   **byline_out)
{
  static const char * const script_meta[] = { "script", "meta", NULL };
  g_autoptr(GPtrArray) nodes = get_elements (root, script_meta);
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *ld_title = NULL;
  g_autofree char *ld_byline = NULL;
  g_autofree char *html_title = document_title (root);
  static const char * const title_keys[] = {
    "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title",
    "title", "twitter:title", "parsely-title", NULL
  };
  static const char * const byline_keys[] = {
    "dc:creator", "dcterm:creator", "author", "parsely-author", NULL
  };

  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNode *node = nodes->pdata[i];

      if (tag_is (node, "script"))
        {
          const char *type = attr (node, "type");
          g_autofree char *text = NULL;
          g_autoptr(JsonParser) parser = NULL;
          JsonObject *article;

          if (ld_title != NULL || type == NULL || g_ascii_strcasecmp (type, "application/ld+json") != 0)
            continue;
          text = text_content (node);
          parser = json_parser_new ();
          if (!json_parser_load_from_data (parser, text, -1, NULL) || json_parser_get_root (parser) == NULL)
            continue;
          article = find_article_object (json_parser_get_root (parser));
          if (article == NULL)
            continue;
          {
            const char *name = json_string_member (article, "name");
            const char *headline = json_string_member (article, "headline");

            if (name != NULL && headline != NULL && !g_str_equal (name, headline))
              {
                gboolean name_matches = text_similarity (name, html_title) > 0.75;
                gboolean headline_matches = text_similarity (headline, html_title) > 0.75;
                ld_title = g_strdup (headline_matches && !name_matches ? headline : name);
              }
            else if (name != NULL)
              ld_title = g_strdup (name);
            else if (headline != NULL)
              ld_title = g_strdup (headline);
          }
          ld_byline = json_ld_author (article);
        }
      else
        {
          const char *name = attr (node, "name");
          const char *property = attr (node, "property");
          const char *content = attr (node, "content");
          const char *keys[2] = { property, name };

          if (content == NULL || *content == '\0')
            continue;
          for (guint k = 0; k < 2; k++)
            {
              g_autofree char *key = NULL;
              char *w;

              if (keys[k] == NULL)
                continue;
              key = g_ascii_strdown (keys[k], -1);
              /* drop white space, "dc.title" → "dc:title" */
              for (char *r = w = key; *r != '\0'; r++)
                if (!g_ascii_isspace (*r))
                  *w++ = *r == '.' ? ':' : *r;
              *w = '\0';
              if (k == 0 && g_str_equal (key, "article:author") && !g_str_has_prefix (content, "http"))
                g_hash_table_replace (values, g_strdup ("author"), g_strstrip (g_strdup (content)));
              g_hash_table_replace (values, g_steal_pointer (&key), g_strstrip (g_strdup (content)));
            }
        }
    }

  *title_out = NULL;
  if (ld_title != NULL)
    *title_out = g_steal_pointer (&ld_title);
  for (guint i = 0; *title_out == NULL && title_keys[i] != NULL; i++)
    {
      const char *value = g_hash_table_lookup (values, title_keys[i]);
      if (value != NULL && *value != '\0')
        *title_out = g_strdup (value);
    }
  if (*title_out == NULL)
    *title_out = g_steal_pointer (&html_title);

  *byline_out = g_steal_pointer (&ld_byline);
  for (guint i = 0; *byline_out == NULL && byline_keys[i] != NULL; i++)
    {
      const char *value = g_hash_table_lookup (values, byline_keys[i]);
      if (value != NULL && *value != '\0')
        *byline_out = g_strdup (value);
    }
  (void)ctx;
}

/* ---- Preparing the page ---------------------------------------------- */

static void
remove_all (Context            *ctx,
            xmlNode            *root,
            const char * const *tags)
{
  g_autoptr(GPtrArray) nodes = get_elements (root, tags);

  for (guint i = nodes->len; i > 0; i--)
    bury (ctx, nodes->pdata[i - 1]);
}

/* Skips white space to the next element or other node (Readability's
 * _nextNode: a comment with text stops it too) */
static xmlNode *
next_significant (xmlNode *node)
{
  while (node != NULL && !is_element (node))
    {
      if ((is_text (node) || node->type == XML_COMMENT_NODE)
          && !is_whitespace_text ((const char *)node->content))
        break;
      node = node->next;
    }
  return node;
}

static gboolean is_phrasing_content (xmlNode *node);

/* libxml2's HTML parser knows HTML 4's rules only: <p>Texte<section>…
 * keeps the section (and, when the </p> is left out, the rest of the page)
 * inside the paragraph. Browsers close the paragraph first (HTML5 "close a
 * p element"); do the same, so that the tree is the one the page's
 * authors saw. Only direct children are moved. */
static void
close_paragraphs_like_html5 (xmlNode *root)
{
  static const char * const closes_p[] = {
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
    "dl", "dd", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "ul", NULL
  };
  static const char * const p_tags[] = { "p", NULL };
  g_autoptr(GPtrArray) paragraphs = get_elements (root, p_tags);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      xmlNode *p = paragraphs->pdata[i];
      xmlNode *child = p->children;
      xmlNode *after = p;

      while (child != NULL && !tag_in (child, closes_p))
        child = child->next;
      while (child != NULL)
        {
          xmlNode *next = child->next;

          xmlUnlinkNode (child);
          child->parent = after->parent;
          child->prev = after;
          child->next = after->next;
          if (after->next != NULL)
            after->next->prev = child;
          else if (after->parent != NULL)
            after->parent->last = child;
          after->next = child;
          after = child;
          child = next;
        }
    }
}

/* <br><br> chains become paragraphs */
static void
replace_brs (Context *ctx,
             xmlNode *body)
{
  static const char * const br_tags[] = { "br", NULL };
  g_autoptr(GPtrArray) brs = get_elements (body, br_tags);

  for (guint i = 0; i < brs->len; i++)
    {
      xmlNode *br = brs->pdata[i];
      xmlNode *next = br->next;
      gboolean replaced = FALSE;
      xmlNode *p;

      if (br->parent == NULL)
        continue;
      while ((next = next_significant (next)) != NULL && tag_is (next, "br"))
        {
          xmlNode *sibling = next->next;

          replaced = TRUE;
          bury (ctx, next);
          next = sibling;
        }
      if (!replaced)
        continue;

      p = xmlNewDocNode (ctx->doc, NULL, (const xmlChar *)"p", NULL);
      replace_node (br, p);
      g_ptr_array_add (ctx->graveyard, br);

      next = p->next;
      while (next != NULL)
        {
          xmlNode *sibling;

          if (tag_is (next, "br"))
            {
              xmlNode *after = next_significant (next->next);
              if (after != NULL && tag_is (after, "br"))
                break;
            }
          if (!is_phrasing_content (next))
            break;   /* only phrasing content goes into the paragraph */
          sibling = next->next;
          append_child (p, next);
          next = sibling;
        }
      while (p->last != NULL && ((is_text (p->last) && is_whitespace_text ((const char *)p->last->content))
                                 || tag_is (p->last, "br")))
        bury (ctx, p->last);
      if (tag_is (p->parent, "p"))
        set_tag (p->parent, "div");
    }
}

/* ---- Grabbing the article -------------------------------------------- */

static gboolean
is_probably_visible (xmlNode *node)
{
  const char *style = attr (node, "style");
  const char *aria_hidden = attr (node, "aria-hidden");
  const char *class_name = attr (node, "class");

  if (style != NULL)
    {
      g_autofree char *compact = g_ascii_strdown (style, -1);
      char *w = compact;

      for (char *r = compact; *r != '\0'; r++)
        if (!g_ascii_isspace (*r))
          *w++ = *r;
      *w = '\0';
      if (strstr (compact, "display:none") != NULL || strstr (compact, "visibility:hidden") != NULL)
        return FALSE;
    }
  if (attr (node, "hidden") != NULL)
    return FALSE;
  if (aria_hidden != NULL && g_str_equal (aria_hidden, "true")
      && (class_name == NULL || strstr (class_name, "fallback-image") == NULL))
    return FALSE;
  return TRUE;
}

static gboolean
is_byline (Context    *ctx,
           xmlNode    *node,
           const char *match)
{
  const char *rel = attr (node, "rel");
  const char *itemprop = attr (node, "itemprop");
  g_autofree char *text = NULL;
  gsize length;

  if (ctx->byline != NULL)
    return FALSE;
  if (!(g_strcmp0 (rel, "author") == 0
        || (itemprop != NULL && strstr (itemprop, "author") != NULL)
        || regex_match (patterns.byline, match)))
    return FALSE;
  text = inner_text (node, FALSE);
  length = g_utf8_strlen (text, -1);
  if (length == 0 || length >= 100)
    return FALSE;
  ctx->byline = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
header_duplicates_title (Context *ctx,
                         xmlNode *node)
{
  g_autofree char *heading = NULL;

  if (!tag_is (node, "h1") && !tag_is (node, "h2"))
    return FALSE;
  heading = inner_text (node, FALSE);
  return text_similarity (ctx->title, heading) > 0.75;
}

static gboolean
is_element_without_content (xmlNode *node)
{
  guint children, brs_hrs;

  if (has_text (node))
    return FALSE;
  children = count_element_children (node);
  if (children == 0)
    return TRUE;
  brs_hrs = count_elements (node, "br") + count_elements (node, "hr");
  return children == brs_hrs;
}

static gboolean
is_phrasing_content (xmlNode *node)
{
  static const char * const phrasing[] = {
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist",
    "dfn", "em", "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter",
    "noscript", "object", "output", "progress", "q", "ruby", "samp", "script", "select",
    "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr", NULL
  };

  if (is_text (node))
    return TRUE;
  if (!is_element (node))
    return FALSE;
  if (tag_in (node, phrasing))
    return TRUE;
  if (tag_is (node, "a") || tag_is (node, "del") || tag_is (node, "ins"))
    {
      for (xmlNode *c = node->children; c != NULL; c = c->next)
        if ((is_text (c) || is_element (c)) && !is_phrasing_content (c))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_whitespace_node (xmlNode *node)
{
  return (is_text (node) && is_whitespace_text ((const char *)node->content)) || tag_is (node, "br");
}

static const char * const div_to_p_elements[] = {
  "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", NULL
};

static gboolean
has_child_block_element (xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_element (c) && (tag_in (c, div_to_p_elements) || has_child_block_element (c)))
      return TRUE;
  return FALSE;
}

static gboolean
has_single_tag_inside (xmlNode    *node,
                       const char *tag)
{
  xmlNode *child = first_element_child (node);

  if (child == NULL || next_element_sibling (child) != NULL || !tag_is (child, tag))
    return FALSE;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_text (c) && c->content != NULL && *c->content != '\0')
      {
        /* /\S$/: the text ends with a non-space character */
        const char *end = (const char *)c->content + strlen ((const char *)c->content);
        const char *last = g_utf8_find_prev_char ((const char *)c->content, end);
        if (last != NULL && !is_js_space (g_utf8_get_char (last)))
          return FALSE;
      }
  return TRUE;
}

static char *
match_string (xmlNode *node)
{
  return g_strconcat (attr_or_empty (node, "class"), " ", attr_or_empty (node, "id"), NULL);
}

static GPtrArray *
ancestors (xmlNode *node,
           guint    max_depth)
{
  GPtrArray *out = g_ptr_array_new ();

  while (node->parent != NULL)
    {
      g_ptr_array_add (out, node->parent);
      if (max_depth > 0 && out->len == max_depth)
        break;
      node = node->parent;
    }
  return out;
}

static void
prep_article (Context *ctx,
              xmlNode *article);
static void
remove_as_boilerplate (Context *ctx,
                       xmlNode *node);

static xmlNode *
find_body (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL)
    return NULL;
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (tag_is (c, "body"))
      return c;
  return root;
}

static xmlNode *
grab_article (Context *ctx,
              xmlNode *page)
{
  static const char * const to_score[] = { "section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre", NULL };
  static const char * const unlikely_roles[] = {
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", NULL
  };
  static const char * const alter_to_div_exceptions[] = { "div", "article", "section", "p", "ol", "ul", NULL };
  gboolean strip_unlikely = (ctx->flags & FLAG_STRIP_UNLIKELYS) != 0;
  gboolean remove_title_header = TRUE;
  g_autoptr(GPtrArray) to_score_list = g_ptr_array_new ();
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  xmlNode *top_candidates[N_TOP_CANDIDATES] = { NULL };
  xmlNode *top = NULL;
  xmlNode *parent, *article;
  xmlNode *node = page;
  double threshold;

  while (node != NULL)
    {
      g_autofree char *match = NULL;

      if (!is_probably_visible (node)
          || (g_strcmp0 (attr (node, "aria-modal"), "true") == 0 && g_strcmp0 (attr (node, "role"), "dialog") == 0))
        {
          xmlNode *next = next_node (node, TRUE);
          bury (ctx, node);
          node = next;
          continue;
        }

      match = match_string (node);
      if (is_byline (ctx, node, match))
        {
          /* "Par Claire Dumas": boilerplate if it is inside the article */
          xmlNode *next = next_node (node, TRUE);
          remove_as_boilerplate (ctx, node);
          node = next;
          continue;
        }
      if (remove_title_header && header_duplicates_title (ctx, node))
        {
          xmlNode *next = next_node (node, TRUE);

          remove_title_header = FALSE;
          bury (ctx, node);
          node = next;
          continue;
        }

      if (strip_unlikely && node != page)
        {
          const char *role = attr (node, "role");

          if ((regex_match (patterns.unlikely, match)
               && !regex_match (patterns.maybe_candidate, match)
               && !has_ancestor_tag (node, "table", 3, FALSE)
               && !has_ancestor_tag (node, "code", 3, FALSE)
               && !tag_is (node, "body") && !tag_is (node, "a"))
              || (role != NULL && g_strv_contains (unlikely_roles, role)))
            {
              xmlNode *next = next_node (node, TRUE);
              bury (ctx, node);
              node = next;
              continue;
            }
        }

      if ((tag_is (node, "div") || tag_is (node, "section") || tag_is (node, "header") || is_heading (node))
          && is_element_without_content (node))
        {
          xmlNode *next = next_node (node, TRUE);
          bury (ctx, node);
          node = next;
          continue;
        }

      if (tag_in (node, to_score))
        g_ptr_array_add (to_score_list, node);

      if (tag_is (node, "div"))
        {
          xmlNode *p = NULL;
          xmlNode *child = node->children;

          /* put runs of phrasing content into paragraphs */
          while (child != NULL)
            {
              xmlNode *sibling = child->next;

              if (is_phrasing_content (child))
                {
                  if (p != NULL)
                    append_child (p, child);
                  else if (!is_whitespace_node (child))
                    {
                      p = xmlNewDocNode (ctx->doc, NULL, (const xmlChar *)"p", NULL);
                      replace_node (child, p);
                      append_child (p, child);
                    }
                }
              else if (p != NULL)
                {
                  while (p->last != NULL && is_whitespace_node (p->last))
                    bury (ctx, p->last);
                  p = NULL;
                }
              child = sibling;
            }

          if (has_single_tag_inside (node, "p") && link_density (node) < 0.25)
            {
              xmlNode *only = first_element_child (node);

              replace_node (node, only);
              g_ptr_array_add (ctx->graveyard, node);
              node = only;
              g_ptr_array_add (to_score_list, node);
            }
          else if (!has_child_block_element (node))
            {
              set_tag (node, "p");
              g_ptr_array_add (to_score_list, node);
            }
        }
      node = next_node (node, FALSE);
    }

  /* Paragraphs give points to their ancestors */
  for (guint i = 0; i < to_score_list->len; i++)
    {
      xmlNode *element = to_score_list->pdata[i];
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) ups = NULL;
      gsize length;
      double score;

      if (element->parent == NULL || !is_element (element->parent))
        continue;
      text = inner_text (element, TRUE);
      length = inner_text_length (element, TRUE);
      if (length < 25)
        continue;
      ups = ancestors (element, 5);
      if (ups->len == 0)
        continue;

      score = 1 + (count_commas (text) + 1) + MIN (length / 100, 3);
      for (guint level = 0; level < ups->len; level++)
        {
          xmlNode *ancestor = ups->pdata[level];
          double divider;

          if (!is_element (ancestor) || ancestor->parent == NULL || !is_element (ancestor->parent))
            continue;
          if (!is_scored (ancestor))
            {
              initialize_node (ctx, ancestor);
              g_ptr_array_add (candidates, ancestor);
            }
          divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
          info_get (ancestor)->score += score / divider;
        }
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      xmlNode *candidate = candidates->pdata[i];
      NodeInfo *info = info_get (candidate);

      info->score *= 1 - link_density (candidate);
      for (guint t = 0; t < N_TOP_CANDIDATES; t++)
        {
          if (top_candidates[t] == NULL || info->score > info_get (top_candidates[t])->score)
            {
              memmove (&top_candidates[t + 1], &top_candidates[t],
                       (N_TOP_CANDIDATES - t - 1) * sizeof (xmlNode *));
              top_candidates[t] = candidate;
              break;
            }
        }
    }

  top = top_candidates[0];
  if (top == NULL || tag_is (top, "body"))
    {
      top = xmlNewDocNode (ctx->doc, NULL, (const xmlChar *)"div", NULL);
      while (page->children != NULL)
        append_child (top, page->children);
      append_child (page, top);
      initialize_node (ctx, top);
    }
  else
    {
      g_autoptr(GPtrArray) alternatives = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
      double last_score, score_threshold;

      for (guint i = 1; i < N_TOP_CANDIDATES && top_candidates[i] != NULL; i++)
        if (info_get (top_candidates[i])->score / info_get (top)->score >= 0.75)
          g_ptr_array_add (alternatives, ancestors (top_candidates[i], 0));

      if (alternatives->len >= MIN_TOP_CANDIDATES)
        {
          parent = top->parent;
          while (is_element (parent) && !tag_is (parent, "body"))
            {
              guint lists = 0;

              for (guint i = 0; i < alternatives->len && lists < MIN_TOP_CANDIDATES; i++)
                {
                  GPtrArray *list = alternatives->pdata[i];
                  if (g_ptr_array_find (list, parent, NULL))
                    lists++;
                }
              if (lists >= MIN_TOP_CANDIDATES)
                {
                  top = parent;
                  break;
                }
              parent = parent->parent;
            }
        }
      if (!is_scored (top))
        initialize_node (ctx, top);

      /* Walk up while the parents' scores grow */
      parent = top->parent;
      last_score = info_get (top)->score;
      score_threshold = last_score / 3;
      while (is_element (parent) && !tag_is (parent, "body"))
        {
          double parent_score;

          if (!is_scored (parent))
            {
              parent = parent->parent;
              continue;
            }
          parent_score = info_get (parent)->score;
          if (parent_score < score_threshold)
            break;
          if (parent_score > last_score)
            {
              top = parent;
              break;
            }
          last_score = parent_score;
          parent = parent->parent;
        }

      /* An only child gives way to its parent */
      parent = top->parent;
      while (is_element (parent) && !tag_is (parent, "body") && count_element_children (parent) == 1)
        {
          top = parent;
          parent = top->parent;
        }
      if (!is_scored (top))
        initialize_node (ctx, top);
    }

  /* Join the siblings that look related */
  article = xmlNewDocNode (ctx->doc, NULL, (const xmlChar *)"div", NULL);
  g_ptr_array_add (ctx->graveyard, article);
  threshold = MAX (10, info_get (top)->score * 0.2);
  parent = top->parent;
  if (parent == NULL)
    append_child (article, top);
  else
    {
      const char *top_class = attr_or_empty (top, "class");
      xmlNode *sibling = first_element_child (parent);

      while (sibling != NULL)
        {
          xmlNode *next = next_element_sibling (sibling);
          gboolean append = FALSE;

          if (sibling == top)
            append = TRUE;
          else
            {
              double bonus = 0;

              if (*top_class != '\0' && g_strcmp0 (attr_or_empty (sibling, "class"), top_class) == 0)
                bonus += info_get (top)->score * 0.2;

              if (is_scored (sibling) && info_get (sibling)->score + bonus >= threshold)
                append = TRUE;
              else if (tag_is (sibling, "p"))
                {
                  double density = link_density (sibling);
                  g_autofree char *content = inner_text (sibling, TRUE);
                  gsize length = inner_text_length (sibling, TRUE);

                  if (length > 80 && density < 0.25)
                    append = TRUE;
                  else if (length < 80 && length > 0 && density == 0
                           && g_regex_match (patterns.sentence_end, content, 0, NULL))
                    append = TRUE;
                }
            }

          if (append)
            {
              if (!tag_in (sibling, alter_to_div_exceptions))
                set_tag (sibling, "div");
              append_child (article, sibling);
            }
          sibling = next;
        }
    }

  prep_article (ctx, article);
  return article;
}

/* ---- Cleaning the article -------------------------------------------- */

/* Takes @node out of the article, leaving a marker so that its text can
 * come back as boilerplate at the same place */
static void
remove_as_boilerplate (Context *ctx,
                       xmlNode *node)
{
  g_autofree char *marker = NULL;
  xmlNode *comment;

  if (inner_text_length (node, TRUE) == 0)
    {
      bury (ctx, node);
      return;
    }
  marker = g_strdup_printf ("vv-boilerplate:%u", ctx->boilerplate->len);
  comment = xmlNewDocComment (ctx->doc, (const xmlChar *)marker);
  replace_node (node, comment);
  g_ptr_array_add (ctx->boilerplate, node);
}

static gboolean
is_video_embed (xmlNode *node)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (a->children != NULL && regex_match (patterns.videos, (const char *)a->children->content))
      return TRUE;
  return FALSE;
}

static void
clean (Context    *ctx,
       xmlNode    *root,
       const char *tag,
       gboolean    as_boilerplate)
{
  const char *tags[] = { tag, NULL };
  g_autoptr(GPtrArray) nodes = get_elements (root, tags);
  gboolean embed = g_str_equal (tag, "object") || g_str_equal (tag, "embed") || g_str_equal (tag, "iframe");

  for (guint i = nodes->len; i > 0; i--)
    {
      xmlNode *node = nodes->pdata[i - 1];

      if (embed && is_video_embed (node))
        continue;
      if (as_boilerplate)
        remove_as_boilerplate (ctx, node);
      else
        bury (ctx, node);
    }
}

static void
mark_data_tables (Context *ctx,
                  xmlNode *root)
{
  static const char * const table[] = { "table", NULL };
  g_autoptr(GPtrArray) tables = get_elements (root, table);

  for (guint i = 0; i < tables->len; i++)
    {
      xmlNode *node = tables->pdata[i];
      NodeInfo *info = info_ensure (ctx, node);
      const char *role = attr (node, "role");
      const char *summary = attr (node, "summary");
      xmlNode *caption;
      static const char * const tr[] = { "tr", NULL };
      g_autoptr(GPtrArray) rows_list = NULL;
      guint rows = 0, columns = 0;

      info->data_table = FALSE;
      if (g_strcmp0 (role, "presentation") == 0 || g_strcmp0 (attr (node, "datatable"), "0") == 0)
        continue;
      if (summary != NULL && *summary != '\0')
        {
          info->data_table = TRUE;
          continue;
        }
      caption = find_element (node, "caption");
      if (caption != NULL && caption->children != NULL)
        {
          info->data_table = TRUE;
          continue;
        }
      if (has_descendant (node, "col") || has_descendant (node, "colgroup") || has_descendant (node, "tfoot")
          || has_descendant (node, "thead") || has_descendant (node, "th"))
        {
          info->data_table = TRUE;
          continue;
        }
      if (has_descendant (node, "table"))
        continue;

      rows_list = get_elements (node, tr);
      for (guint r = 0; r < rows_list->len; r++)
        {
          xmlNode *row = rows_list->pdata[r];
          const char *rowspan = attr (row, "rowspan");
          static const char * const td[] = { "td", NULL };
          g_autoptr(GPtrArray) cells = get_elements (row, td);
          guint in_row = 0;
          int span = rowspan ? atoi (rowspan) : 0;

          rows += span > 0 ? span : 1;
          for (guint c = 0; c < cells->len; c++)
            {
              const char *colspan = attr (cells->pdata[c], "colspan");
              int n = colspan ? atoi (colspan) : 0;
              in_row += n > 0 ? n : 1;
            }
          columns = MAX (columns, in_row);
        }
      if (rows >= 10 || columns > 4)
        info->data_table = TRUE;
      else
        info->data_table = rows * columns > 10;
    }
}

static gboolean
contains_data_table (xmlNode *node)
{
  static const char * const table[] = { "table", NULL };
  g_autoptr(GPtrArray) tables = get_elements (node, table);

  for (guint i = 0; i < tables->len; i++)
    {
      NodeInfo *info = info_get (tables->pdata[i]);
      if (info != NULL && info->data_table)
        return TRUE;
    }
  return FALSE;
}

static gboolean
should_clean (Context    *ctx,
              xmlNode    *node,
              const char *tag)
{
  static const char * const lists[] = { "ul", "ol", NULL };
  static const char * const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };
  static const char * const textish[] = {
    "span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", NULL
  };
  static const char * const embeds_tags[] = { "object", "embed", "iframe", NULL };
  gboolean is_list = g_str_equal (tag, "ul") || g_str_equal (tag, "ol");
  NodeInfo *info = info_get (node);
  int weight;

  if (!is_list)
    {
      g_autoptr(GPtrArray) list_nodes = get_elements (node, lists);
      gsize list_length = 0, length = inner_text_length (node, TRUE);

      for (guint i = 0; i < list_nodes->len; i++)
        list_length += inner_text_length (list_nodes->pdata[i], TRUE);
      is_list = length > 0 && (double)list_length / length > 0.9;
    }

  if (g_str_equal (tag, "table") && info != NULL && info->data_table)
    return FALSE;
  if (has_ancestor_tag (node, "table", -1, TRUE))
    return FALSE;
  if (has_ancestor_tag (node, "code", 3, FALSE))
    return FALSE;
  if (contains_data_table (node))
    return FALSE;

  weight = class_weight (ctx, node);
  if (weight < 0)
    return TRUE;

  {
    g_autofree char *text = inner_text (node, TRUE);

    if (count_commas (text) < 10)
      {
        guint p = count_elements (node, "p");
        guint img = count_elements (node, "img");
        int li = (int)count_elements (node, "li") - 100;
        guint input = count_elements (node, "input");
        double heading_density = text_density (node, headings);
        g_autoptr(GPtrArray) embeds = get_elements (node, embeds_tags);
        guint embed_count = 0;
        gsize content_length;
        double density, textish_density;
        gboolean figure_child, remove;

        for (guint i = 0; i < embeds->len; i++)
          {
            if (is_video_embed (embeds->pdata[i]))
              return FALSE;
            embed_count++;
          }

        if (regex_match (patterns.ad_words, text) || regex_match (patterns.loading_words, text))
          return TRUE;

        content_length = inner_text_length (node, TRUE);
        density = link_density (node);
        textish_density = text_density (node, textish);
        figure_child = has_ancestor_tag (node, "figure", 3, FALSE);

        remove = (!figure_child && img > 1 && (double)p / img < 0.5)
                 || (!is_list && li > (int)p)
                 || (input > p / 3)
                 || (!is_list && !figure_child && heading_density < 0.9 && content_length < 25
                     && (img == 0 || img > 2) && density > 0)
                 || (!is_list && weight < 25 && density > 0.2)
                 || (weight >= 25 && density > 0.5)
                 || ((embed_count == 1 && content_length < 75) || embed_count > 1)
                 || (img == 0 && textish_density == 0);

        if (is_list && remove)
          {
            for (xmlNode *c = first_element_child (node); c != NULL; c = next_element_sibling (c))
              if (count_element_children (c) > 1)
                return remove;
            if (img == count_elements (node, "li"))
              return FALSE;
          }
        return remove;
      }
  }
  return FALSE;
}

static void
clean_conditionally (Context    *ctx,
                     xmlNode    *root,
                     const char *tag)
{
  const char *tags[] = { tag, NULL };
  g_autoptr(GPtrArray) nodes = NULL;

  if (!(ctx->flags & FLAG_CLEAN_CONDITIONALLY))
    return;

  nodes = get_elements (root, tags);
  for (guint i = nodes->len; i > 0; i--)
    {
      xmlNode *node = nodes->pdata[i - 1];

      if (node->parent == NULL)
        continue;
      if (should_clean (ctx, node, tag))
        remove_as_boilerplate (ctx, node);
    }
}

static void
clean_share_elements (Context *ctx,
                      xmlNode *root)
{
  for (xmlNode *child = first_element_child (root); child != NULL; child = next_element_sibling (child))
    {
      xmlNode *end = next_node (child, TRUE);
      xmlNode *node = next_node (child, FALSE);

      while (node != NULL && node != end)
        {
          g_autofree char *match = match_string (node);

          if (regex_match (patterns.share, match) && inner_text_length (node, FALSE) < CHAR_THRESHOLD)
            {
              xmlNode *next = next_node (node, TRUE);
              remove_as_boilerplate (ctx, node);
              node = next;
            }
          else
            node = next_node (node, FALSE);
        }
    }
}

static void
prep_article (Context *ctx,
              xmlNode *article)
{
  static const char * const h12[] = { "h1", "h2", NULL };
  static const char * const h1[] = { "h1", NULL };
  static const char * const p_tags[] = { "p", NULL };
  static const char * const content_tags[] = { "img", "embed", "object", "iframe", NULL };
  g_autoptr(GPtrArray) headers = NULL;
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autoptr(GPtrArray) ones = NULL;

  mark_data_tables (ctx, article);
  clean_conditionally (ctx, article, "form");
  clean_conditionally (ctx, article, "fieldset");
  clean (ctx, article, "object", FALSE);
  clean (ctx, article, "embed", FALSE);
  clean (ctx, article, "footer", TRUE);
  clean (ctx, article, "link", FALSE);
  clean (ctx, article, "aside", TRUE);
  clean_share_elements (ctx, article);
  clean (ctx, article, "iframe", FALSE);
  clean (ctx, article, "input", FALSE);
  clean (ctx, article, "textarea", FALSE);
  clean (ctx, article, "select", FALSE);
  clean (ctx, article, "button", FALSE);

  headers = get_elements (article, h12);
  for (guint i = headers->len; i > 0; i--)
    if (class_weight (ctx, headers->pdata[i - 1]) < 0)
      remove_as_boilerplate (ctx, headers->pdata[i - 1]);

  clean_conditionally (ctx, article, "table");
  clean_conditionally (ctx, article, "ul");
  clean_conditionally (ctx, article, "div");

  ones = get_elements (article, h1);
  for (guint i = 0; i < ones->len; i++)
    set_tag (ones->pdata[i], "h2");

  paragraphs = get_elements (article, p_tags);
  for (guint i = paragraphs->len; i > 0; i--)
    {
      xmlNode *p = paragraphs->pdata[i - 1];
      g_autoptr(GPtrArray) content = get_elements (p, content_tags);

      if (content->len == 0 && inner_text_length (p, FALSE) == 0)
        bury (ctx, p);
    }
}

/* ---- Blocks out ------------------------------------------------------ */

typedef struct
{
  Context    *ctx;
  GPtrArray  *blocks;
  GString    *pending;
  VvBlockKind kind;
  guint       level;
  gboolean    boilerplate;
  gboolean    source_code;   /* inside <pre><code>: kept verbatim */
  gboolean    after_label;   /* the last block was "À lire aussi"-like */
} Emitter;

static void
article_block_free (VvArticleBlock *block)
{
  g_free (block->text);
  g_free (block);
}

static void
emit_text (Emitter     *em,
           const char  *text,
           VvBlockKind  kind,
           guint        level)
{
  g_autofree char *collapsed = NULL;
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  VvArticleBlock *block;

  /* collapse ASCII white space; keep no-break spaces (French typography) */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  if (out->len == 0 || is_whitespace_text (out->str))
    {
      g_string_free (out, TRUE);
      return;
    }

  block = g_new0 (VvArticleBlock, 1);
  block->kind = em->boilerplate ? VV_BLOCK_KIND_BOILERPLATE : kind;
  block->level = em->boilerplate ? 0 : level;
  block->text = g_string_free (out, FALSE);
  g_ptr_array_add (em->blocks, block);

  /* Lines the page kept inside the article that are still site
   * boilerplate ("Lire aussi : …", "Suivez-nous sur Telegram", "Publié le
   * … Mis à jour le …"): the same classifier as for copied text */
  if (block->kind == VV_BLOCK_KIND_PARAGRAPH || block->kind == VV_BLOCK_KIND_LIST_ITEM
      || block->kind == VV_BLOCK_KIND_HEADING || block->kind == VV_BLOCK_KIND_CAPTION)
    {
      VvBoilerplateHints hints = VV_BOILERPLATE_HINT_NONE;
      gboolean label_follower = em->after_label && g_utf8_strlen (block->text, -1) <= 120;

      VvBoilerplateKind found = vv_boilerplate_classify_line (block->text, &hints);

      /* a caption that ends with "(Reuters)" is a caption: credits are short */
      if (found == VV_BOILERPLATE_CREDIT && word_count (block->text) > 8)
        found = VV_BOILERPLATE_NONE;
      if (found != VV_BOILERPLATE_NONE || label_follower)
        {
          block->kind = VV_BLOCK_KIND_BOILERPLATE;
          block->level = 0;
        }
      em->after_label = (hints & VV_BOILERPLATE_HINT_LABEL) != 0;
    }
  else
    em->after_label = FALSE;
}

static void
flush (Emitter *em)
{
  if (em->pending->len == 0)
    return;

  if (em->kind == VV_BLOCK_KIND_CODE && em->source_code && !em->boilerplate)
    {
      /* program code: one locked block, lines and indentation kept */
      g_autofree char *code = g_strdup (em->pending->str);
      char *start = code;
      gsize length;

      while (*start == '\n' || *start == '\r')
        start++;
      g_strchomp (start);
      length = strlen (start);
      if (length > 0 && !is_whitespace_text (start))
        {
          VvArticleBlock *block = g_new0 (VvArticleBlock, 1);

          block->kind = VV_BLOCK_KIND_CODE;
          block->text = g_strndup (start, length);
          g_ptr_array_add (em->blocks, block);
        }
    }
  else if (em->kind == VV_BLOCK_KIND_CODE && !em->boilerplate)
    {
      /* preformatted text: blank lines separate paragraphs */
      g_auto(GStrv) parts = NULL;
      g_autoptr(GRegex) blank = g_regex_new ("\\n[ \\t\\r]*\\n", 0, 0, NULL);

      parts = g_regex_split (blank, em->pending->str, 0);
      for (guint i = 0; parts[i] != NULL; i++)
        emit_text (em, parts[i], VV_BLOCK_KIND_PARAGRAPH, 0);
    }
  else
    emit_text (em, em->pending->str, em->kind, em->level);
  g_string_truncate (em->pending, 0);
}

static gboolean
is_block_element (xmlNode *node)
{
  static const char * const blocks[] = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul", "noscript", "legend", "option", NULL
  };
  return tag_in (node, blocks);
}

/* <pre><code>, or a <pre> whose class names a programming language */
static gboolean
is_source_code (xmlNode *pre)
{
  static GRegex *code_class = NULL;
  const char *class_name = attr (pre, "class");

  if (g_once_init_enter (&code_class))
    g_once_init_leave (&code_class, g_regex_new ("code|highlight|source|brush|(^|\\s)(lang|language)-",
                                                 G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  if (has_descendant (pre, "code"))
    return TRUE;
  return regex_match (code_class, class_name);
}

static void emit_node (Emitter *em, xmlNode *node);

static void
emit_children (Emitter *em,
               xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    emit_node (em, c);
}

static void
emit_boilerplate (Emitter *em,
                  xmlNode *node)
{
  gboolean was = em->boilerplate;

  flush (em);
  em->boilerplate = TRUE;
  emit_node (em, node);
  flush (em);
  em->boilerplate = was;
}

static void
emit_node (Emitter *em,
           xmlNode *node)
{
  VvBlockKind kind = em->kind;
  guint level = em->level;

  if (is_text (node))
    {
      if (node->content != NULL)
        g_string_append (em->pending, (const char *)node->content);
      return;
    }
  if (node->type == XML_COMMENT_NODE)
    {
      const char *content = (const char *)node->content;
      guint index;

      if (content != NULL && g_str_has_prefix (content, "vv-boilerplate:"))
        {
          index = (guint)g_ascii_strtoull (content + strlen ("vv-boilerplate:"), NULL, 10);
          if (index < em->ctx->boilerplate->len)
            emit_boilerplate (em, em->ctx->boilerplate->pdata[index]);
        }
      return;
    }
  if (!is_element (node))
    return;
  if (tag_is (node, "script") || tag_is (node, "style") || tag_is (node, "template"))
    return;

  if (tag_is (node, "br"))
    {
      if (em->kind == VV_BLOCK_KIND_CODE)
        g_string_append_c (em->pending, '\n');
      else
        g_string_append_c (em->pending, ' ');
      return;
    }

  if (!is_block_element (node))
    {
      emit_children (em, node);
      return;
    }

  flush (em);
  if (is_heading (node))
    {
      kind = VV_BLOCK_KIND_HEADING;
      level = node->name[1] - '0';
    }
  else if (tag_is (node, "li") || tag_is (node, "dt") || tag_is (node, "dd"))
    kind = VV_BLOCK_KIND_LIST_ITEM, level = 0;
  else if (tag_is (node, "blockquote"))
    kind = VV_BLOCK_KIND_QUOTE, level = 0;
  else if (tag_is (node, "figcaption") || tag_is (node, "caption"))
    kind = VV_BLOCK_KIND_CAPTION, level = 0;
  else if (tag_is (node, "pre"))
    kind = VV_BLOCK_KIND_CODE, level = 0;
  else if (em->kind != VV_BLOCK_KIND_QUOTE && em->kind != VV_BLOCK_KIND_LIST_ITEM
           && em->kind != VV_BLOCK_KIND_CAPTION && em->kind != VV_BLOCK_KIND_CODE)
    kind = VV_BLOCK_KIND_PARAGRAPH, level = 0;

  {
    VvBlockKind saved_kind = em->kind;
    guint saved_level = em->level;
    gboolean saved_code = em->source_code;

    em->kind = kind;
    em->level = level;
    if (tag_is (node, "pre"))
      em->source_code = is_source_code (node);
    emit_children (em, node);
    flush (em);
    em->kind = saved_kind;
    em->level = saved_level;
    em->source_code = saved_code;
  }
}

/* ---- Entry point ----------------------------------------------------- */

static void
context_clear (Context *ctx)
{
  for (guint i = 0; i < ctx->graveyard->len; i++)
    xmlFreeNode (ctx->graveyard->pdata[i]);
  for (guint i = 0; i < ctx->boilerplate->len; i++)
    xmlFreeNode (ctx->boilerplate->pdata[i]);
  g_ptr_array_set_size (ctx->graveyard, 0);
  g_ptr_array_set_size (ctx->boilerplate, 0);
  g_ptr_array_set_size (ctx->infos, 0);
  g_clear_pointer (&ctx->byline, g_free);
  if (ctx->doc != NULL)
    xmlFreeDoc (ctx->doc);
  ctx->doc = NULL;
}

static htmlDocPtr
parse_html (const char *html,
            gsize       length)
{
  /* the text is UTF-8 already (see vv-charset.c): a <meta charset> in it
   * must not switch the decoder */
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR
                      | HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC;

  if (length > G_MAXINT)
    return NULL;
  return htmlReadMemory (html, (int)length, NULL, "UTF-8", options);
}

static guint
count_all_elements (xmlNode *root)
{
  g_autoptr(GPtrArray) all = get_elements (root, NULL);
  return all->len;
}

/**
 * vv_readability_extract:
 * @html: the page, UTF-8
 * @length: its length in bytes
 *
 * Finds the article in a web page and returns its blocks: headings,
 * paragraphs, list items, quotes, captions, and as boilerplate the
 * non-article parts found inside the article's container.
 *
 * Returns: (transfer full) (nullable): the article, or %NULL when the page
 *   cannot be parsed at all
 */
VvArticle *
vv_readability_extract (const char *html,
                        gsize       length)
{
  static const char * const scripts[] = { "script", "noscript", "style", "template", NULL };
  static const char * const fonts[] = { "font", NULL };
  Context ctx = { 0 };
  VvArticle *result;
  g_autofree char *title = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *language = NULL;
  GPtrArray *best_blocks = NULL;
  gsize best_length = 0;
  char *best_byline = NULL;
  const guint flag_order[] = { FLAG_STRIP_UNLIKELYS, FLAG_WEIGHT_CLASSES, FLAG_CLEAN_CONDITIONALLY };

  ensure_patterns ();

  ctx.doc = parse_html (html, length);
  if (ctx.doc == NULL || xmlDocGetRootElement (ctx.doc) == NULL)
    {
      if (ctx.doc != NULL)
        xmlFreeDoc (ctx.doc);
      return NULL;
    }
  ctx.infos = g_ptr_array_new_with_free_func (g_free);
  ctx.graveyard = g_ptr_array_new ();
  ctx.boilerplate = g_ptr_array_new ();
  ctx.flags = FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY;

  {
    xmlNode *root = xmlDocGetRootElement (ctx.doc);
    const char *lang = attr (root, "lang");

    language = lang && *lang ? g_strdup (lang) : NULL;
    read_metadata (&ctx, root, &title, &byline);
  }
  ctx.title = title;

  for (guint attempt = 0; ; attempt++)
    {
      xmlNode *root = xmlDocGetRootElement (ctx.doc);
      xmlNode *body;
      xmlNode *article;
      Emitter em = { 0 };
      gsize text_length;

      if (count_all_elements (root) > MAX_ELEMENTS)
        ctx.flags &= ~FLAG_CLEAN_CONDITIONALLY;   /* keep huge pages linear */

      close_paragraphs_like_html5 (root);
      remove_all (&ctx, root, scripts);
      {
        g_autoptr(GPtrArray) font_nodes = get_elements (root, fonts);
        for (guint i = 0; i < font_nodes->len; i++)
          set_tag (font_nodes->pdata[i], "span");
      }
      body = find_body (ctx.doc);
      replace_brs (&ctx, body);

      article = grab_article (&ctx, body);
      text_length = inner_text_length (article, TRUE);

      em.ctx = &ctx;
      em.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)article_block_free);
      em.pending = g_string_new (NULL);
      em.kind = VV_BLOCK_KIND_PARAGRAPH;
      emit_children (&em, article);
      flush (&em);
      g_string_free (em.pending, TRUE);

      if (best_blocks == NULL || text_length > best_length)
        {
          if (best_blocks != NULL)
            g_ptr_array_unref (best_blocks);
          g_free (best_byline);
          best_blocks = em.blocks;
          best_length = text_length;
          best_byline = g_steal_pointer (&ctx.byline);
        }
      else
        g_ptr_array_unref (em.blocks);

      context_clear (&ctx);
      if (text_length >= CHAR_THRESHOLD || attempt >= G_N_ELEMENTS (flag_order))
        break;

      /* Not enough text: try again, less strictly */
      ctx.flags &= ~flag_order[attempt];
      ctx.doc = parse_html (html, length);
      if (ctx.doc == NULL || xmlDocGetRootElement (ctx.doc) == NULL)
        break;
    }

  g_ptr_array_unref (ctx.infos);
  g_ptr_array_unref (ctx.graveyard);
  g_ptr_array_unref (ctx.boilerplate);

  result = g_new0 (VvArticle, 1);
  result->title = title && *title ? collapse_spaces (title) : NULL;
  result->byline = byline ? g_steal_pointer (&byline) : best_byline;
  if (result->byline != best_byline)
    g_free (best_byline);
  result->language = g_steal_pointer (&language);
  result->blocks = best_blocks;
  return result;
}

void
vv_article_free (VvArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->title);
  g_free (article->byline);
  g_free (article->language);
  g_clear_pointer (&article->blocks, g_ptr_array_unref);
  g_free (article);
}
