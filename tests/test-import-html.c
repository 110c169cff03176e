/* test-import-html.c: web pages, charsets, article extraction
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "vv-charset.h"
#include "vv-readability.h"
#include "vv-test-utils.h"

/* The accuracy test fails below this average F1 on the DEV pages of
 * ../shared/corpus/extraction (measured: 1.000 on all 17; see
 * tests/bench/README.md), i.e. what we reach minus 0.01 */
#define MIN_AVERAGE_F1 0.99
#define MIN_FRENCH_F1  0.99

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "html", name, NULL);
}

static VvDocument *
import_string (const char  *html,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));
  return vv_import_bytes (bytes, "page.html", NULL, NULL, error);
}

static VvDocument *
import_data_file (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  VvDocument *document = vv_import_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* All block texts of @kind (or every kind with -1), joined by "\n" */
static char *
blocks_text (VvDocument *document,
             int         kind)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < vv_document_get_n_blocks (document); i++)
    {
      VvBlock *block = vv_document_get_block (document, i);
      g_autofree char *text = NULL;

      if (kind >= 0 && (int)vv_block_get_kind (block) != kind)
        continue;
      text = vv_block_dup_source_text (block);
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* The text that is translated: every block but boilerplate */
static char *
kept_text (VvDocument *document)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < vv_document_get_n_blocks (document); i++)
    {
      VvBlock *block = vv_document_get_block (document, i);
      g_autofree char *text = NULL;

      if (vv_block_get_kind (block) == VV_BLOCK_KIND_BOILERPLATE)
        continue;
      text = vv_block_dup_source_text (block);
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static VvBlock *
find_block (VvDocument *document,
            const char *prefix)
{
  for (guint i = 0; i < vv_document_get_n_blocks (document); i++)
    {
      VvBlock *block = vv_document_get_block (document, i);
      g_autofree char *text = vv_block_dup_source_text (block);

      if (g_str_has_prefix (text, prefix))
        return block;
    }
  return NULL;
}

/* ---- Charsets -------------------------------------------------------- */

static char *
decode (const char       *data,
        gsize             size,
        const char       *content_type,
        char            **charset,
        VvCharsetSource  *source)
{
  gsize length;
  char *out = vv_charset_decode_html (data, size, content_type, charset, source, &length);

  g_assert_true (g_utf8_validate (out, length, NULL));
  g_assert_cmpuint (strlen (out), ==, length);
  return out;
}

static void
test_charset_bom (void)
{
  static const char utf8[] = "\xEF\xBB\xBF<p>\xC3\xA9t\xC3\xA9</p>";
  /* "<p>été</p>" in UTF-16LE with a BOM; a meta saying latin-1 loses */
  static const char utf16[] = "\xFF\xFE<\0p\0>\0\xE9\0t\0\xE9\0<\0/\0p\0>\0";
  g_autofree char *a = NULL, *b = NULL, *charset_a = NULL, *charset_b = NULL;
  VvCharsetSource source;

  a = decode (utf8, sizeof utf8 - 1, "text/html; charset=iso-8859-1", &charset_a, &source);
  g_assert_cmpstr (a, ==, "<p>été</p>");
  g_assert_cmpstr (charset_a, ==, "UTF-8");
  g_assert_cmpint (source, ==, VV_CHARSET_SOURCE_BOM);

  b = decode (utf16, sizeof utf16 - 1, NULL, &charset_b, &source);
  g_assert_cmpstr (b, ==, "<p>été</p>");
  g_assert_cmpstr (charset_b, ==, "UTF-16LE");
  g_assert_cmpint (source, ==, VV_CHARSET_SOURCE_BOM);
}

static void
test_charset_http_header (void)
{
  /* latin-1 bytes, a header saying so, and a wrong meta: the header wins */
  static const char page[] = "<meta charset=\"utf-8\"><p>Fran\xE7ois \xE0 No\xEBl</p>";
  g_autofree char *out = NULL, *charset = NULL;
  VvCharsetSource source;

  out = decode (page, sizeof page - 1, "text/html; charset=ISO-8859-1", &charset, &source);
  g_assert_nonnull (strstr (out, "François à Noël"));
  g_assert_cmpint (source, ==, VV_CHARSET_SOURCE_HTTP);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&charset, g_free);
  out = decode (page, sizeof page - 1, "text/html;charset=\"windows-1252\"", &charset, &source);
  g_assert_nonnull (strstr (out, "François à Noël"));
  g_assert_cmpstr (charset, ==, "WINDOWS-1252");
}

static void
test_charset_meta (void)
{
  static const char meta[] = "<html><head><meta charset='windows-1252'></head><p>\x93" "Bient\xF4t\x94 \x80 \x9C</p>";
  static const char equiv[] = "<!-- <meta charset=\"koi8-r\"> in a comment does not count -->"
                              "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-15\">"
                              "<p>\xA4 \xBD</p>";
  g_autofree char *a = NULL, *b = NULL, *charset_a = NULL, *charset_b = NULL;
  VvCharsetSource source;

  a = decode (meta, sizeof meta - 1, "text/html", &charset_a, &source);
  g_assert_nonnull (strstr (a, "“Bientôt” € œ"));
  g_assert_cmpint (source, ==, VV_CHARSET_SOURCE_META);

  b = decode (equiv, sizeof equiv - 1, NULL, &charset_b, &source);
  g_assert_nonnull (strstr (b, "<p>€ œ</p>"));
  g_assert_cmpint (source, ==, VV_CHARSET_SOURCE_META);
  g_assert_cmpstr (charset_b, ==, "ISO-8859-15");
}

static void
test_charset_fallback (void)
{
  static const char utf8[] = "<p>d\xC3\xA9j\xC3\xA0 vu</p>";
  static const char cp1252[] = "<p>d\xE9j\xE0 vu \x85 \x81</p>";
  static const char bad_utf8[] = "<meta charset=utf-8><p>caf\xE9 cr\xC3\xA8me</p>";
  static const char unknown[] = "<meta charset=x-no-such-charset><p>caf\xE9</p>";
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  g_autofree char *charset_a = NULL, *charset_b = NULL;
  VvCharsetSource source;

  a = decode (utf8, sizeof utf8 - 1, NULL, &charset_a, &source);
  g_assert_cmpstr (a, ==, "<p>déjà vu</p>");
  g_assert_cmpstr (charset_a, ==, "UTF-8");
  g_assert_cmpint (source, ==, VV_CHARSET_SOURCE_GUESS);

  /* not UTF-8 and no label: Windows-1252, undefined bytes as C1 controls */
  b = decode (cp1252, sizeof cp1252 - 1, NULL, &charset_b, &source);
  g_assert_cmpstr (b, ==, "<p>déjà vu … \xC2\x81</p>");
  g_assert_cmpstr (charset_b, ==, "WINDOWS-1252");
  g_assert_cmpint (source, ==, VV_CHARSET_SOURCE_GUESS);

  /* declared UTF-8 but invalid: replacement character, not a failure */
  c = decode (bad_utf8, sizeof bad_utf8 - 1, NULL, NULL, NULL);
  g_assert_nonnull (strstr (c, "caf\xEF\xBF\xBD crème"));

  /* unknown label: as if there were none */
  d = decode (unknown, sizeof unknown - 1, NULL, NULL, &source);
  g_assert_nonnull (strstr (d, "café"));
  g_assert_cmpint (source, ==, VV_CHARSET_SOURCE_GUESS);
}

static void
test_charset_file (void)
{
  g_autoptr(VvDocument) document = import_data_file ("latin1-meta.html");
  g_autofree char *all = blocks_text (document, -1);

  g_assert_cmpstr (vv_document_get_title (document), ==,
                   "Les élèves de Saint-Étienne découvrent l'oeuvre de Maupassant");
  g_assert_nonnull (strstr (all, "À Saint-Étienne, les élèves de troisième"));
  g_assert_nonnull (strstr (all, "« Ça a été une révélation », raconte Inès"));
}

/* ---- Structure and boilerplate ---------------------------------------- */

static void
test_article_structure (void)
{
  g_autoptr(VvDocument) document = import_data_file ("article-fr.html");
  g_autofree char *all = blocks_text (document, -1);
  g_autofree char *boilerplate = blocks_text (document, VV_BLOCK_KIND_BOILERPLATE);
  VvBlock *block;

  /* JSON-LD headline, not the <title> with the site's name */
  g_assert_cmpstr (vv_document_get_title (document), ==,
                   "Le tramway revient à Valmont après quarante ans d’absence");
  block = vv_document_get_block (document, 0);
  g_assert_cmpint (vv_block_get_kind (block), ==, VV_BLOCK_KIND_TITLE);

  /* the <h1> repeating the title is not a second block */
  g_assert_null (strstr (all + strlen (vv_document_get_title (document)) + 1, "Le tramway revient"));

  block = find_block (document, "Une ligne attendue");
  g_assert_nonnull (block);
  g_assert_cmpint (vv_block_get_kind (block), ==, VV_BLOCK_KIND_HEADING);
  g_assert_cmpuint (vv_block_get_level (block), ==, 2);

  block = find_block (document, "Ce qui change");
  g_assert_nonnull (block);
  g_assert_cmpint (vv_block_get_kind (block), ==, VV_BLOCK_KIND_HEADING);
  g_assert_cmpuint (vv_block_get_level (block), ==, 3);

  block = find_block (document, "La première rame du nouveau tramway");
  g_assert_nonnull (block);
  g_assert_cmpint (vv_block_get_kind (block), ==, VV_BLOCK_KIND_PARAGRAPH);

  block = find_block (document, "Le tramway, c’est la ville");
  g_assert_nonnull (block);
  g_assert_cmpint (vv_block_get_kind (block), ==, VV_BLOCK_KIND_QUOTE);

  block = find_block (document, "La première rame, mardi");
  g_assert_nonnull (block);
  g_assert_cmpint (vv_block_get_kind (block), ==, VV_BLOCK_KIND_CAPTION);

  block = find_block (document, "Le ticket à l’unité reste à 1,70 euro");
  g_assert_nonnull (block);
  g_assert_cmpint (vv_block_get_kind (block), ==, VV_BLOCK_KIND_LIST_ITEM);

  /* a paragraph mentioning cookies is article text */
  block = find_block (document, "Les riverains ont toutefois");
  g_assert_nonnull (block);
  g_assert_cmpint (vv_block_get_kind (block), ==, VV_BLOCK_KIND_PARAGRAPH);
  g_assert_false (vv_block_is_excluded (block));

  g_assert_nonnull (find_block (document, "La mise en service commerciale"));

  /* inside the article's container: boilerplate, kept but excluded */
  g_assert_nonnull (strstr (boilerplate, "Partager sur Facebook"));
  g_assert_nonnull (strstr (boilerplate, "À lire aussi"));
  g_assert_nonnull (strstr (boilerplate, "Les bus de nuit menacés"));
  block = find_block (document, "À lire aussi");
  g_assert_true (vv_block_is_excluded (block));
  /* lines the page keeps inside the article, told by the boilerplate
   * classifier: a "Lire aussi" link paragraph, the dates line */
  block = find_block (document, "Lire aussi\xC2\xA0: Quatre ans de chantier");
  g_assert_nonnull (block);
  g_assert_cmpint (vv_block_get_kind (block), ==, VV_BLOCK_KIND_BOILERPLATE);
  block = find_block (document, "Publié le 12 mars 2026");
  g_assert_nonnull (block);
  g_assert_cmpint (vv_block_get_kind (block), ==, VV_BLOCK_KIND_BOILERPLATE);

  /* outside it: dropped */
  g_assert_null (strstr (all, "Nous utilisons des cookies"));
  g_assert_null (strstr (all, "J'accepte"));
  g_assert_null (strstr (all, "Politique"));
  g_assert_null (strstr (all, "S'abonner"));
  g_assert_null (strstr (all, "Les plus lus"));
  g_assert_null (strstr (all, "Tous droits réservés"));
  g_assert_null (strstr (all, "Telegram"));
  /* script, style */
  g_assert_null (strstr (all, "tracking"));
  g_assert_null (strstr (all, "color: red"));
  /* the byline is boilerplate, not text to translate */
  block = find_block (document, "Par Claire Dumas");
  g_assert_nonnull (block);
  g_assert_cmpint (vv_block_get_kind (block), ==, VV_BLOCK_KIND_BOILERPLATE);
}

static void
test_article_no_article_element (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = import_string (
    "<html><head><title>Une page sans balise article</title></head><body>"
    "<div id='menu'><a href='/'>Accueil</a> <a href='/a'>Actualités</a> <a href='/b'>Culture</a></div>"
    "<div class='col'><div class='txt'>"
    "<p>Premier paragraphe assez long pour compter, avec des virgules, des mots, et une phrase complète qui dépasse cent caractères.</p>"
    "<p>Deuxième paragraphe, lui aussi long, qui raconte la suite de l'histoire, avec des détails, des chiffres et des noms.</p>"
    "<div>Un texte directement dans une division, sans paragraphe, qui doit lui aussi être gardé comme un bloc de l'article.</div>"
    "</div></div>"
    "<div class='footer'><a href='/c'>Contact</a> <a href='/m'>Mentions légales</a></div>"
    "</body></html>", &error);
  g_autofree char *all = NULL;

  g_assert_no_error (error);
  all = blocks_text (document, -1);
  g_assert_nonnull (strstr (all, "Premier paragraphe assez long"));
  g_assert_nonnull (strstr (all, "Deuxième paragraphe, lui aussi long"));
  g_assert_nonnull (strstr (all, "Un texte directement dans une division"));
  g_assert_null (strstr (all, "Actualités"));
  g_assert_null (strstr (all, "Mentions légales"));
}

static void
test_article_nested_tables (void)
{
  g_autoptr(VvDocument) document = import_data_file ("nested-tables.html");
  g_autofree char *all = blocks_text (document, -1);
  g_autofree char *kept = kept_text (document);

  g_assert_nonnull (strstr (all, "Le conseil municipal a adopté lundi soir"));
  g_assert_nonnull (strstr (all, "Les dépenses de fonctionnement augmentent de 2,4 %"));
  g_assert_nonnull (strstr (all, "L'opposition a dénoncé une hausse"));
  /* the menu cell shares the article's table: boilerplate; the footer
   * table does not: dropped */
  g_assert_null (strstr (kept, "Agenda"));
  g_assert_null (strstr (all, "Plan du site"));
}

static void
test_article_brs_and_entities (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = import_string (
    "<html><head><title>Des paragraphes faits de sauts de ligne</title></head><body><div class='post'>"
    "Une première partie du texte, séparée de la suivante par deux sauts de ligne, à l&rsquo;ancienne."
    "<br><br>Une deuxième partie, avec une espace insécable avant le point-virgule&nbsp;; et une autre, longue, pour dépasser le seuil."
    "<br><br>Une troisième partie, enfin, qui termine l&#39;article par une phrase suffisamment longue pour être notée."
    "</div></body></html>", &error);
  VvBlock *block;

  g_assert_no_error (error);
  block = find_block (document, "Une deuxième partie");
  g_assert_nonnull (block);
  {
    g_autofree char *text = vv_block_dup_source_text (block);
    /* the no-break space before ';' survives */
    g_assert_nonnull (strstr (text, "insécable avant le point-virgule\xC2\xA0;"));
    g_assert_null (strstr (text, "Une troisième"));
  }
  g_assert_nonnull (find_block (document, "Une première partie du texte, séparée de la suivante par deux sauts de ligne, à l’ancienne."));
  g_assert_nonnull (find_block (document, "Une troisième partie, enfin, qui termine l'article"));
}

static void
test_article_truncated (void)
{
  g_autofree char *path = data_path ("article-fr.html");
  g_autofree char *contents = NULL;
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *cut;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* cut in the middle of a tag, inside the list */
  cut = strstr (contents, "<li>Les vélos");
  g_assert_nonnull (cut);
  contents[cut - contents + 6] = '\0';

  document = import_string (contents, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_block (document, "La première rame du nouveau tramway"));
  g_assert_nonnull (find_block (document, "Le ticket à l’unité"));
}

static void
test_bad_input (void)
{
  static const char binary[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1F\xF3\xFF\x61";
  g_autoptr(GBytes) png = g_bytes_new_static (binary, sizeof binary - 1);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  VvDocument *document;

  document = vv_import_bytes (png, "photo.html", NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "photo.html"));
  g_clear_error (&error);

  document = vv_import_bytes (empty, "vide.html", NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "vide.html"));
  g_clear_error (&error);

  document = import_string ("<html><head><title></title></head><body>  <div> </div><script>x()</script></body></html>", &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  /* junk that is not HTML at all still gives its text, or a clear error */
  document = import_string ("<<<>>> &&& </p></div></table><<", &error);
  if (document == NULL)
    g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_EMPTY);
  g_clear_object (&document);
  g_clear_error (&error);

  /* deep nesting: the article is found at 200 levels; at 5,000 (beyond
   * libxml2's depth limit) a clear error or the text, never a crash */
  for (guint depth = 200; depth <= 5000; depth += 4800)
    {
      GString *deep = g_string_new ("<html><body>");
      for (guint i = 0; i < depth; i++)
        g_string_append (deep, "<div>");
      g_string_append (deep, "<p>Un paragraphe tout au fond des divisions, assez long pour être noté comme un vrai paragraphe.</p>");
      document = import_string (deep->str, &error);
      if (depth == 200)
        {
          g_assert_no_error (error);
          g_assert_nonnull (find_block (document, "Un paragraphe tout au fond"));
        }
      else if (document == NULL)
        g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_EMPTY);
      g_clear_object (&document);
      g_clear_error (&error);
      g_string_free (deep, TRUE);
    }
}

static void
test_article_code_and_pre (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = import_string (
    "<html><head><title>Compiler un programme en C, pas à pas</title></head><body><article>"
    "<p>Pour compiler ce programme, il suffit d'une ligne de commande, à taper dans un terminal, depuis le dossier du projet.</p>"
    "<pre><code>int\nmain (void)\n{\n  return 0;\n}\n</code></pre>"
    "<p>Le texte préformaté, lui, est découpé en paragraphes aux lignes vides, comme dans un courriel ancien.</p>"
    "<pre>Premier paragraphe du texte\npréformaté, sur deux lignes.\n\nSecond paragraphe.</pre>"
    "</article></body></html>", &error);
  VvBlock *block;

  g_assert_no_error (error);
  block = find_block (document, "int\nmain (void)");
  g_assert_nonnull (block);
  g_assert_cmpint (vv_block_get_kind (block), ==, VV_BLOCK_KIND_CODE);
  g_assert_cmpuint (vv_block_get_n_segments (block), ==, 1);
  g_assert_cmpstr (vv_segment_get_source (vv_block_get_segment (block, 0)), ==,
                   "int\nmain (void)\n{\n  return 0;\n}");
  g_assert_true (vv_segment_get_flags (vv_block_get_segment (block, 0)) & VV_SEGMENT_FLAGS_LOCKED);

  block = find_block (document, "Premier paragraphe du texte préformaté, sur deux lignes.");
  g_assert_nonnull (block);
  g_assert_cmpint (vv_block_get_kind (block), ==, VV_BLOCK_KIND_PARAGRAPH);
  block = find_block (document, "Second paragraphe.");
  g_assert_nonnull (block);
  g_assert_cmpint (vv_block_get_kind (block), ==, VV_BLOCK_KIND_PARAGRAPH);
}

static char *
title_of (const char *head)
{
  g_autofree char *html = g_strdup_printf ("<html><head>%s</head><body><article>"
    "<p>Un paragraphe d'article assez long pour être retenu, avec des virgules, des mots et une fin.</p>"
    "</article></body></html>", head);
  g_autoptr(VvArticle) article = vv_readability_extract (html, strlen (html));

  g_assert_nonnull (article);
  return g_strdup (article->title);
}

static void
test_title_sources (void)
{
  g_autofree char *graph = NULL, *other_context = NULL, *og = NULL, *site = NULL, *colon = NULL;

  /* JSON-LD: an Article inside @graph */
  graph = title_of ("<title>Titre HTML | Site</title><script type=\"application/ld+json\">"
                    "{\"@context\": \"https://schema.org\", \"@graph\": [{\"@type\": \"WebPage\", \"name\": \"Page\"},"
                    "{\"@type\": \"NewsArticle\", \"headline\": \"Le titre du JSON-LD\"}]}</script>");
  g_assert_cmpstr (graph, ==, "Le titre du JSON-LD");

  /* not schema.org: ignored, OpenGraph next */
  other_context = title_of ("<title>Titre HTML | Site</title><meta property=\"og:title\" content=\"Le titre OpenGraph\">"
                            "<script type=\"application/ld+json\">{\"@context\": \"https://example.org\", "
                            "\"@type\": \"NewsArticle\", \"headline\": \"Pas celui-ci\"}</script>");
  g_assert_cmpstr (other_context, ==, "Le titre OpenGraph");

  /* broken JSON: ignored */
  og = title_of ("<meta name=\"twitter:title\" content=\"Le titre Twitter\"><script type=\"application/ld+json\">{oups</script>");
  g_assert_cmpstr (og, ==, "Le titre Twitter");

  /* <title> without the site's name */
  site = title_of ("<title>La réforme des retraites adoptée au Sénat – Le Quotidien du Matin</title>");
  g_assert_cmpstr (site, ==, "La réforme des retraites adoptée au Sénat");
  colon = title_of ("<title>Le Quotidien : la réforme des retraites adoptée par le Sénat</title>");
  g_assert_cmpstr (colon, ==, "la réforme des retraites adoptée par le Sénat");
}

static void
test_huge_file (void)
{
  g_autofree char *tmpdir = vv_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmpdir, "énorme.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  VvDocument *document;
  FILE *out;

  /* a sparse 200 MB file: refused before it is read */
  out = fopen (path, "w");
  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, 200 * 1024 * 1024 - 1, SEEK_SET), ==, 0);
  fputc ('>', out);
  fclose (out);

  document = vv_import_file (file, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "énorme.html"));
  vv_test_rm_rf (tmpdir);
}

static void
test_segments (void)
{
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  g_autofree char *path = data_path ("article-fr.html");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = NULL;
  VvBlock *block;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  document = vv_import_bytes (bytes, "article-fr.html", NULL, segmenter, &error);
  g_assert_no_error (error);

  block = find_block (document, "Le chantier, lancé il y a quatre ans");
  g_assert_nonnull (block);
  g_assert_cmpuint (vv_block_get_n_segments (block), ==, 2);
  g_assert_cmpstr (vv_segment_get_source (vv_block_get_segment (block, 1)), ==,
                   "La ligne compte dix-huit stations, de la gare à l’hôpital.");
}

static void
test_registry (void)
{
  const VvImportFormat *format;

  format = vv_import_guess_format ("page.HTM", NULL, NULL);
  g_assert_cmpstr (format->id, ==, "html");
  format = vv_import_guess_format ("https://example.org/article", "text/html; charset=utf-8", NULL);
  g_assert_cmpstr (format->id, ==, "html");
  format = vv_import_guess_format ("notes.txt", NULL, NULL);
  g_assert_cmpstr (format->id, ==, "text");
  g_assert_nonnull (vv_import_lookup_format ("html"));
}

/* ---- Accuracy on the shared corpus ----------------------------------- */

static gboolean
score_page (const char *dir,
            const char *name,
            const char *tmpdir,
            double     *f1)
{
  g_autofree char *source = g_build_filename (dir, name, "source.html", NULL);
  g_autofree char *expected = g_build_filename (dir, name, "expected.html", NULL);
  g_autofree char *scorer = g_build_filename (dir, "score.py", NULL);
  g_autofree char *output = g_build_filename (tmpdir, "out.txt", NULL);
  g_autofree char *html = NULL;
  g_autofree char *stdout_text = NULL;
  g_autoptr(VvArticle) article = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;
  gsize length;
  int status;
  const char *argv[] = { "python3", scorer, "--no-title", "--tsv", expected, output, NULL };

  if (!g_file_get_contents (source, &html, &length, NULL))
    return FALSE;
  article = vv_readability_extract (html, length);
  g_assert_nonnull (article);

  /* what `visavis-cli extract` prints */
  g_string_append (text, article->title ? article->title : "");
  g_string_append_c (text, '\n');
  for (guint i = 0; i < article->blocks->len; i++)
    {
      VvArticleBlock *block = article->blocks->pdata[i];
      if (block->kind != VV_BLOCK_KIND_BOILERPLATE)
        g_string_append_printf (text, "\n%s\n", block->text);
    }
  g_assert_true (g_file_set_contents (output, text->str, text->len, NULL));

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &stdout_text, NULL, &status, &error))
    return FALSE;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  fields = g_strsplit (stdout_text, "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), >=, 3);
  *f1 = g_ascii_strtod (fields[2], NULL);
  return TRUE;
}

static void
test_accuracy (void)
{
  g_autofree char *dir = vv_test_shared_path ("corpus", "extraction", NULL);
  g_autofree char *scorer = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr(GDir) entries = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  double sum = 0;
  guint n = 0;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/corpus/extraction is absent");
      return;
    }
  scorer = g_build_filename (dir, "score.py", NULL);
  if (python == NULL || !g_file_test (scorer, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("python3 or score.py is absent");
      return;
    }

  entries = g_dir_open (dir, 0, NULL);
  for (const char *name; (name = g_dir_read_name (entries)) != NULL; )
    {
      g_autofree char *source = g_build_filename (dir, name, "source.html", NULL);
      if (g_file_test (source, G_FILE_TEST_EXISTS))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_assert_cmpuint (names->len, >, 0);

  tmpdir = vv_test_make_tmpdir ();
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      double f1 = 0;

      g_assert_true (score_page (dir, name, tmpdir, &f1));
      g_test_message ("%s: F1 %.4f", name, f1);
      /* the French pages of the set */
      if (g_str_has_prefix (name, "lemonde") || g_str_has_prefix (name, "liberation"))
        g_assert_cmpfloat (f1, >=, MIN_FRENCH_F1);
      sum += f1;
      n++;
    }
  vv_test_rm_rf (tmpdir);

  g_test_message ("average F1 over %u pages: %.4f", n, sum / n);
  g_assert_cmpfloat (sum / n, >=, MIN_AVERAGE_F1);
}

int
main (int    argc,
      char **argv)
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/import-html/charset/bom", test_charset_bom);
  g_test_add_func ("/import-html/charset/http-header", test_charset_http_header);
  g_test_add_func ("/import-html/charset/meta", test_charset_meta);
  g_test_add_func ("/import-html/charset/fallback", test_charset_fallback);
  g_test_add_func ("/import-html/charset/file", test_charset_file);
  g_test_add_func ("/import-html/article/structure", test_article_structure);
  g_test_add_func ("/import-html/article/no-article-element", test_article_no_article_element);
  g_test_add_func ("/import-html/article/nested-tables", test_article_nested_tables);
  g_test_add_func ("/import-html/article/brs-and-entities", test_article_brs_and_entities);
  g_test_add_func ("/import-html/article/truncated", test_article_truncated);
  g_test_add_func ("/import-html/article/code-and-pre", test_article_code_and_pre);
  g_test_add_func ("/import-html/article/title-sources", test_title_sources);
  g_test_add_func ("/import-html/bad-input", test_bad_input);
  g_test_add_func ("/import-html/huge-file", test_huge_file);
  g_test_add_func ("/import-html/segments", test_segments);
  g_test_add_func ("/import-html/registry", test_registry);
  g_test_add_func ("/import-html/accuracy", test_accuracy);

  return g_test_run ();
}
