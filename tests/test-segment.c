/* test-segment.c: the SRX engine and the built-in rules
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vv-srx.h"
#include "vv-test-utils.h"

static char *
join_spans (const char *text,
            GArray     *spans)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const VvSpan *span = &g_array_index (spans, VvSpan, i);

      if (i > 0)
        g_string_append (out, " || ");
      g_string_append_len (out, text + span->start, span->end - span->start);
    }
  return g_string_free (out, FALSE);
}

static char *
segment (VvSegmenter *segmenter,
         const char  *text)
{
  g_autoptr(GArray) spans = vv_segmenter_split (segmenter, text, -1);

  return join_spans (text, spans);
}

/* Runs every case of a table file (see tests/data/segment/fr-cases.txt);
 * prints all the failures, then fails. */
static void
run_table (const char *file,
           const char *language,
           guint       min_cases)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "segment", file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new (language);
  g_auto(GStrv) lines = NULL;
  guint n_cases = 0, n_failed = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *sep = strstr (line, " || ");
      g_autofree char *input = NULL;
      g_autofree char *got = NULL;

      if (*line == '\0' || *line == '#')
        continue;
      g_assert_nonnull (sep);
      input = g_strndup (line, sep - line);
      got = segment (segmenter, input);
      n_cases++;
      if (strcmp (got, sep + 4) != 0)
        {
          n_failed++;
          g_test_message ("%s:%u: %s\n  expected: %s\n  got:      %s", file, i + 1, input, sep + 4, got);
          g_printerr ("%s:%u: %s\n  expected: %s\n  got:      %s\n", file, i + 1, input, sep + 4, got);
        }
    }
  g_test_message ("%u cases, %u failed", n_cases, n_failed);
  g_assert_cmpuint (n_cases, >=, min_cases);
  g_assert_cmpuint (n_failed, ==, 0);
}

static void
test_segment_french_table (void)
{
  run_table ("fr-cases.txt", "fr", 150);
}

static void
test_segment_english_spanish (void)
{
  run_table ("en-cases.txt", "en", 10);
  run_table ("es-cases.txt", "es", 10);
}

static void
test_segment_spans (void)
{
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  const char *text = "  Il pleut.\u00a0 Il vente.  ";
  g_autoptr(GArray) spans = vv_segmenter_split (segmenter, text, -1);
  g_autoptr(GArray) empty = vv_segmenter_split (segmenter, "   ", -1);
  g_autoptr(GArray) invalid = NULL;

  g_assert_cmpuint (spans->len, ==, 2);
  g_assert_cmpuint (g_array_index (spans, VvSpan, 0).start, ==, 2);
  g_assert_cmpuint (g_array_index (spans, VvSpan, 0).end, ==, 11);
  g_assert_cmpuint (g_array_index (spans, VvSpan, 1).start, ==, 14);
  g_assert_cmpuint (g_array_index (spans, VvSpan, 1).end, ==, 23);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpstr (vv_segmenter_get_language (segmenter), ==, "fr");

  /* invalid UTF-8: split up to it, never crash, keep every byte */
  invalid = vv_segmenter_split (segmenter, "Il pleut. Il \xff vente. Oui.", -1);
  g_assert_cmpuint (invalid->len, ==, 2);
  g_assert_cmpuint (g_array_index (invalid, VvSpan, 1).end, ==, strlen ("Il pleut. Il \xff vente. Oui."));
}

static VvSegmenter *
segmenter_from_string (const char  *xml,
                       const char  *language,
                       GError     **error)
{
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "rules.srx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VvSegmenter *segmenter;

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  segmenter = vv_segmenter_new_from_file (file, language, error);
  vv_test_rm_rf (dir);
  return segmenter;
}

#define SRX_HEAD "<?xml version=\"1.0\"?><srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">" \
                 "<header cascade=\"%s\" segmentsubflows=\"yes\"/><body><languagerules>"
#define SRX_TAIL "</maprules></body></srx>"

static void
test_segment_custom_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "segment", "custom.srx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new_from_file (file, "fr", &error);
  g_autoptr(VvSegmenter) other = NULL;
  g_autofree char *got = NULL;
  VvSegmentRule rule;

  g_assert_no_error (error);
  /* custom rules: break after ";" too, never after "Art." */
  got = segment (segmenter, "Il pleut ; il vente. Art. Nouveau. Fin.");
  g_assert_cmpstr (got, ==, "Il pleut ; || il vente. || Art. Nouveau. || Fin.");
  g_assert_cmpuint (vv_segmenter_get_n_rules (segmenter), ==, 3);
  g_assert_true (vv_segmenter_get_rule (segmenter, 0, &rule));
  g_assert_cmpstr (rule.language_rule, ==, "Mine");
  g_assert_false (rule.is_break);
  g_assert_cmpstr (rule.comment, ==, "never after Art.");
  g_assert_false (vv_segmenter_get_rule (segmenter, 3, &rule));
  g_assert_nonnull (strstr (vv_segmenter_get_source_name (segmenter), "custom.srx"));

  /* the language maps: "en" gets only the default rule (cascade="no") */
  other = vv_segmenter_new_from_file (file, "en-GB", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vv_segmenter_get_n_rules (other), ==, 1);
  g_clear_pointer (&got, g_free);
  got = segment (other, "Il pleut ; il vente. Art. Nouveau.");
  g_assert_cmpstr (got, ==, "Il pleut ; il vente. || Art. || Nouveau.");
}

static void
test_segment_cascade (void)
{
  const char *rules =
    "<languagerule languagerulename=\"A\"><rule break=\"no\"><beforebreak>X\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule>"
    "<languagerule languagerulename=\"B\"><rule><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule>"
    "</languagerules><maprules>"
    "<languagemap languagepattern=\"fr.*\" languagerulename=\"A\"/>"
    "<languagemap languagepattern=\".*\" languagerulename=\"B\"/>";
  g_autofree char *cascade = g_strdup_printf (SRX_HEAD "%s" SRX_TAIL, "yes", rules);
  g_autofree char *no_cascade = g_strdup_printf (SRX_HEAD "%s" SRX_TAIL, "no", rules);
  g_autoptr(GError) error = NULL;
  g_autoptr(VvSegmenter) a = segmenter_from_string (cascade, "fr", &error);
  g_autoptr(VvSegmenter) b = NULL;
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (vv_segmenter_get_n_rules (a), ==, 2);
  got = segment (a, "Le X. est là. Fin.");
  g_assert_cmpstr (got, ==, "Le X. est là. || Fin.");

  /* without cascade only the first matching map counts: no break rule */
  b = segmenter_from_string (no_cascade, "fr", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vv_segmenter_get_n_rules (b), ==, 1);
  g_clear_pointer (&got, g_free);
  got = segment (b, "Le X. est là. Fin.");
  g_assert_cmpstr (got, ==, "Le X. est là. Fin.");
}

static void
check_error (const char *xml,
             const char *language,
             int         code,
             const char *needle1,
             const char *needle2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VvSegmenter) segmenter = segmenter_from_string (xml, language, &error);

  g_assert_null (segmenter);
  g_assert_error (error, VV_SEGMENTER_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "rules.srx"));
  if (needle1)
    g_assert_nonnull (strstr (error->message, needle1));
  if (needle2)
    g_assert_nonnull (strstr (error->message, needle2));
}

/* An SRX file with one break rule for French */
static char *
one_rule (const char *before,
          const char *after)
{
  return g_strdup_printf (SRX_HEAD
    "<languagerule languagerulename=\"French\">"
    "<rule break=\"yes\"><beforebreak>%s</beforebreak><afterbreak>%s</afterbreak></rule>"
    "</languagerule></languagerules><maprules>"
    "<languagemap languagepattern=\"fr.*\" languagerulename=\"French\"/>" SRX_TAIL,
    "yes", before, after);
}

static void
test_segment_errors (void)
{
  const char *map = "</languagerules><maprules><languagemap languagepattern=\"fr.*\" languagerulename=\"French\"/>";
  g_autofree char *bad_regex = g_strdup_printf (SRX_HEAD
    "<languagerule languagerulename=\"French\">"
    "<rule break=\"no\"><beforebreak>M\\.</beforebreak><afterbreak>\\s</afterbreak></rule>"
    "<rule break=\"yes\"><beforebreak>[.?!</beforebreak><afterbreak>\\s</afterbreak></rule>"
    "</languagerule>%s" SRX_TAIL, "yes", map);
  g_autofree char *bad_after = one_rule ("\\.", "(\\s");
  g_autofree char *intersection = one_rule ("[a-z&amp;&amp;[^aeiou]]\\.", "\\s");
  g_autofree char *java_class = one_rule ("\\p{javaLowerCase}\\.", "\\s");
  g_autofree char *lookbehind = one_rule ("(?&lt;=a+)\\.", "\\s");
  g_autofree char *good = one_rule ("\\.", "\\s");
  g_autofree char *unknown_rule = g_strdup_printf (SRX_HEAD
    "<languagerule languagerulename=\"French\"/>"
    "</languagerules><maprules><languagemap languagepattern=\"fr.*\" languagerulename=\"Frnch\"/>"
    SRX_TAIL, "yes");

  check_error ("<srx><body>", "fr", VV_SEGMENTER_ERROR_XML, "well-formed", "line");
  check_error ("", "fr", VV_SEGMENTER_ERROR_XML, "well-formed", NULL);
  check_error ("<?xml version=\"1.0\"?><html><body/></html>", "fr", VV_SEGMENTER_ERROR_FORMAT, "SRX", NULL);
  check_error (good, "de", VV_SEGMENTER_ERROR_LANGUAGE, "“de”", NULL);
  check_error (unknown_rule, "fr", VV_SEGMENTER_ERROR_FORMAT, "Frnch", NULL);
  check_error (bad_regex, "fr", VV_SEGMENTER_ERROR_REGEX, "rule 2 of “French”", "[.?!");
  check_error (bad_after, "fr", VV_SEGMENTER_ERROR_REGEX, "rule 1 of “French”", "afterbreak");
  check_error (intersection, "fr", VV_SEGMENTER_ERROR_REGEX, "rule 1 of “French”", "&&");
  check_error (java_class, "fr", VV_SEGMENTER_ERROR_REGEX, "rule 1 of “French”", "javaLowerCase");
  check_error (lookbehind, "fr", VV_SEGMENTER_ERROR_REGEX, "rule 1 of “French”", "lookbehind");

  /* a missing file */
  {
    g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/rules.srx");
    g_autoptr(GError) error = NULL;
    g_autoptr(VvSegmenter) segmenter = vv_segmenter_new_from_file (file, "fr", &error);

    g_assert_null (segmenter);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "/nonexistent/rules.srx"));
  }
}

static void
test_segment_regex_dialect (void)
{
  static const struct { const char *java; const char *pcre; } cases[] = {
    { "\\p{Lu}\\.", "\\p{Lu}\\." },
    { "\\p{IsLatin}", "\\p{Latin}" },
    { "\\p{Lower}+", "[[:lower:]]+" },
    { "[\\p{Upper}0-9]", "[[:upper:]0-9]" },
    { "\\P{Alpha}", "[[:^alpha:]]" },
    { "\\Q[.]\\E", "\\Q[.]\\E" },
    { "\\u00A0", "\\u00A0" },
  };
  static const struct { const char *pattern; gssize max; } lengths[] = {
    { "\\bM\\.", 2 }, { "(?:M|Mme|Mlle)\\.", 5 }, { "[.?!…]{1,8}(?:\\h?[»”])", 10 },
    { "\\.+", -1 }, { "(?<![a-z])X\\.", 2 }, { "\\Qab\\E.", 3 }, { "a(?i)b", 2 }, { "\\1x", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (_vv_srx_translate_regex (cases[i].java, out, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (out->str, ==, cases[i].pcre);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    g_assert_cmpint (_vv_srx_pattern_max_chars (lengths[i].pattern), ==, lengths[i].max);
}

static void
test_segment_explain (void)
{
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  const char *text = "M. Dupont arrive. Il part.";
  g_autoptr(GArray) boundaries = vv_segmenter_explain (segmenter, text, -1);
  const VvBoundary *b;
  VvSegmentRule rule;

  /* after "M." a no-break rule (titles), after "arrive." the default break */
  g_assert_cmpuint (boundaries->len, ==, 2);
  b = &g_array_index (boundaries, VvBoundary, 0);
  g_assert_cmpuint (b->offset, ==, 2);
  g_assert_false (b->is_break);
  g_assert_true (vv_segmenter_get_rule (segmenter, b->rule, &rule));
  g_assert_false (rule.is_break);
  g_assert_cmpstr (rule.language_rule, ==, "French");
  g_assert_nonnull (strstr (rule.comment, "titles"));
  b = &g_array_index (boundaries, VvBoundary, 1);
  g_assert_cmpuint (b->offset, ==, strlen ("M. Dupont arrive."));
  g_assert_true (b->is_break);
  g_assert_true (vv_segmenter_get_rule (segmenter, b->rule, &rule));
  g_assert_cmpstr (rule.language_rule, ==, "Default");

  /* inside "J.-P." no rule applies (no white space after "J."); after it
   * the initials rule keeps the name together */
  {
    g_autoptr(GArray) inside = vv_segmenter_explain (segmenter, "Il cite J.-P. Sartre.", -1);

    g_assert_cmpuint (inside->len, ==, 1);
    b = &g_array_index (inside, VvBoundary, 0);
    g_assert_cmpuint (b->offset, ==, strlen ("Il cite J.-P."));
    g_assert_false (b->is_break);
  }
}

static void
test_segment_builtin_files (void)
{
  const char * const languages[] = { "fr", "fr-CA", "en", "es", "de", NULL };

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = vv_segmenter_get_builtin_srx (languages[i]);
      g_autoptr(VvSegmenter) segmenter = vv_segmenter_new (languages[i]);

      g_assert_nonnull (bytes);
      g_assert_cmpuint (vv_segmenter_get_n_rules (segmenter), >=, 1);
    }
}

/* The byte tables and shortcuts only skip work: with and without them the
 * breaks are the same, on every case of the tables and on the shared corpus */
static void
compare_shortcuts (VvSrx      *srx,
                   const char *text,
                   gsize       length)
{
  g_autoptr(GArray) fast = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) slow = g_array_new (FALSE, FALSE, sizeof (gsize));

  _vv_srx_set_no_shortcuts (srx, FALSE);
  _vv_srx_breaks (srx, text, length, fast);
  _vv_srx_set_no_shortcuts (srx, TRUE);
  _vv_srx_breaks (srx, text, length, slow);
  g_assert_cmpuint (fast->len, ==, slow->len);
  for (guint i = 0; i < fast->len; i++)
    g_assert_cmpuint (g_array_index (fast, gsize, i), ==, g_array_index (slow, gsize, i));
}

static void
test_segment_shortcuts (void)
{
  const char * const files[] = { "fr-cases.txt", "en-cases.txt", "es-cases.txt" };
  const char * const languages[] = { "fr", "en", "es" };
  g_autofree char *corpus = vv_test_shared_path ("corpus", "segmentation", "all.txt", NULL);

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "segment", files[f], NULL);
      g_autoptr(GBytes) xml = vv_segmenter_get_builtin_srx (languages[f]);
      g_autoptr(GError) error = NULL;
      g_autoptr(VvSrx) srx = _vv_srx_new (xml, "built-in", languages[f], &error);
      g_autofree char *contents = NULL;

      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      /* the whole file at once: every case, the separators and comments */
      compare_shortcuts (srx, contents, strlen (contents));
      if (f == 0 && corpus != NULL)
        {
          g_autofree char *text = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (corpus, &text, &length, NULL));
          compare_shortcuts (srx, text, length);
        }
    }
}

/* split and merge keep ids and translations, on a block segmented by the rules */
static void
test_segment_split_merge_ids (void)
{
  g_autoptr(VvDocument) document =
    vv_test_document_from_text ("Le départ\n\nM. Dupont arrive à 8 h. Il part vers 52 av. J.-C. Rome l'attend.\n");
  g_autoptr(GError) error = NULL;
  VvSegment *first, *second, *third, *split;
  guint id1, id2, id3;

  g_assert_cmpuint (vv_document_get_n_segments (document), ==, 4);
  first = vv_document_get_segment (document, 1);
  second = vv_document_get_segment (document, 2);
  third = vv_document_get_segment (document, 3);
  g_assert_cmpstr (vv_segment_get_source (first), ==, "M. Dupont arrive à 8 h.");
  g_assert_cmpstr (vv_segment_get_source (second), ==, "Il part vers 52 av. J.-C.");
  id1 = vv_segment_get_id (first);
  id2 = vv_segment_get_id (second);
  id3 = vv_segment_get_id (third);
  vv_segment_set_target (first, "Mr Dupont arrives at 8.");

  g_assert_true (vv_document_merge_segment (document, first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vv_segment_get_id (first), ==, id1);
  g_assert_cmpstr (vv_segment_get_target (first), ==, "Mr Dupont arrives at 8.");
  g_assert_true (vv_document_lookup_segment (document, id3) == third);
  g_assert_null (vv_document_lookup_segment (document, id2));

  split = vv_document_split_segment (document, first, strlen ("M. Dupont arrive à 8 h."), -1, id2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vv_segment_get_id (split), ==, id2);
  g_assert_cmpstr (vv_segment_get_source (split), ==, "Il part vers 52 av. J.-C.");
  g_assert_cmpstr (vv_segment_get_target (first), ==, "Mr Dupont arrives at 8.");
  g_assert_cmpuint (vv_segment_get_id (vv_document_get_segment (document, 3)), ==, id3);
}

int
main (int    argc,
      char **argv)
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/segment/french-table", test_segment_french_table);
  g_test_add_func ("/segment/english-spanish", test_segment_english_spanish);
  g_test_add_func ("/segment/spans", test_segment_spans);
  g_test_add_func ("/segment/custom-file", test_segment_custom_file);
  g_test_add_func ("/segment/cascade", test_segment_cascade);
  g_test_add_func ("/segment/errors", test_segment_errors);
  g_test_add_func ("/segment/regex-dialect", test_segment_regex_dialect);
  g_test_add_func ("/segment/explain", test_segment_explain);
  g_test_add_func ("/segment/builtin-files", test_segment_builtin_files);
  g_test_add_func ("/segment/split-merge-ids", test_segment_split_merge_ids);
  g_test_add_func ("/segment/shortcuts", test_segment_shortcuts);

  return g_test_run ();
}
