/* test-qa.c: every QA check, with cases that must and must not fire
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vv-test-utils.h"

#define NBSP  "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

typedef struct
{
  const char *check;
  const char *source;
  const char *target;
  const char *lang;      /* target language */
  gboolean    fires;
  const char *fix;       /* expected fix when it fires; NULL = no fix offered */
} Case;

static const Case qa_cases[] = {
  /* untranslated */
  { "untranslated", "Une phrase.", NULL, "en", TRUE, NULL },
  { "untranslated", "Une phrase.", "A sentence.", "en", FALSE, NULL },

  /* target = source */
  { "same-as-source", "Le président parle.", "Le président parle.", "en", TRUE, NULL },
  { "same-as-source", "Le président parle.", " Le président parle. ", "en", TRUE, NULL },
  { "same-as-source", "Le président parle.", "The president speaks.", "en", FALSE, NULL },
  { "same-as-source", "Macron", "Macron", "en", FALSE, NULL },   /* a single name */

  /* numbers, compared by value in each language's notation */
  { "numbers", "Il a payé 1 200,5 euros.", "He paid 1,200.5 euros.", "en", FALSE, NULL },
  { "numbers", "Il a payé 1 200,5 euros.", "He paid 1,200 euros.", "en", TRUE, NULL },
  { "numbers", "Un budget de 14,5 M€.", "A budget of €14.5M.", "en", FALSE, NULL },
  { "numbers", "Un budget de 14,5 millions d’euros.", "A budget of €14.5 million.", "en", FALSE, NULL },
  { "numbers", "Un budget de 14,5 M€.", "A budget of €145M.", "en", TRUE, NULL },
  { "numbers", "Soit 2 milliards.", "That is 2bn.", "en", FALSE, NULL },
  { "numbers", "Il y a 3 200 salariés.", "There are 3,200 employees.", "en", FALSE, NULL },
  { "numbers", "Il y a 3 200 salariés.", "There are 3 200 employees.", "en", FALSE, NULL },
  { "numbers", "Le taux est de 3,5 %.", "The rate is 3,5%.", "en", TRUE, NULL },   /* English reads 3 and 5 */
  { "numbers", "Le taux est de 3,5 %.", "The rate is 3.5%.", "en", FALSE, NULL },
  { "numbers", "Le taux est de 3,5 %.", "Le taux est de 3,5 %.", "fr", FALSE, NULL },
  { "numbers", "Il a 12 ans.", "He is twelve.", "en", TRUE, NULL },
  { "numbers", "Il a douze ans.", "He is 12.", "en", TRUE, NULL },
  { "numbers", "En 2023, 150 personnes.", "In 2023, 150 people.", "en", FALSE, NULL },
  { "numbers", "L’Airbus A320 vole.", "The Airbus A320 flies.", "en", FALSE, NULL },

  /* dates and times */
  { "dates", "Le 3 mars 2024, il pleuvait.", "On March 3, 2024, it rained.", "en", FALSE, NULL },
  { "dates", "Le 3 mars 2024, il pleuvait.", "On 3 March 2024, it rained.", "en", FALSE, NULL },
  { "dates", "Le 3 mars 2024, il pleuvait.", "On March 4, 2024, it rained.", "en", TRUE, NULL },
  { "dates", "Le 1er avril, c’est férié.", "April 1st is a holiday.", "en", FALSE, NULL },
  { "dates", "Le 1er avril, c’est férié.", "May 1st is a holiday.", "en", TRUE, NULL },
  { "dates", "Rendez-vous à 14 h 30.", "Meet at 2:30 pm.", "en", FALSE, NULL },
  { "dates", "Rendez-vous à 14h30.", "Meet at 14:30.", "en", FALSE, NULL },
  { "dates", "Rendez-vous à 14 h 30.", "Meet at 3:30 pm.", "en", TRUE, NULL },
  { "dates", "Rendez-vous à 14 h.", "Meet at 2 p.m.", "en", FALSE, NULL },
  { "dates", "Il a travaillé 14 h.", "He worked 14 hours.", "en", FALSE, NULL },
  { "dates", "En mars 2024.", "In March 2024.", "en", FALSE, NULL },
  { "dates", "En mars 2024.", "In March 2025.", "en", TRUE, NULL },

  /* ending punctuation */
  { "end-punctuation", "Il part.", "He leaves.", "en", FALSE, NULL },
  { "end-punctuation", "Il part ?", "Is he leaving?", "en", FALSE, NULL },
  { "end-punctuation", "Il part !", "He leaves.", "en", TRUE, NULL },
  { "end-punctuation", "Il part.", "He leaves", "en", TRUE, "He leaves." },
  { "end-punctuation", "Il dit : « Non. »", "He says: “No.”", "en", FALSE, NULL },
  { "end-punctuation", "Il attend...", "He waits…", "en", FALSE, NULL },
  { "end-punctuation", "Vraiment ?", "Vraiment", "fr", TRUE, "Vraiment" NNBSP "?" },
  { "end-punctuation", "Titre", "Title.", "en", TRUE, NULL },

  /* unbalanced quotes and brackets, compared with the source */
  { "unbalanced", "Il (le maire) parle.", "He (the mayor speaks.", "en", TRUE, NULL },
  { "unbalanced", "Il (le maire) parle.", "He (the mayor) speaks.", "en", FALSE, NULL },
  { "unbalanced", "« Non, dit-il.", "“No, he said.", "en", FALSE, NULL },   /* the quote goes on */
  { "unbalanced", "« Non », dit-il.", "“No, he said.", "en", TRUE, NULL },
  { "unbalanced", "« Non », dit-il.", "\"No\", he said.", "en", FALSE, NULL },
  { "unbalanced", "Voir [1].", "See [1.", "en", TRUE, NULL },

  /* double spaces */
  { "double-space", "Il part.", "He  leaves.", "en", TRUE, "He leaves." },
  { "double-space", "Il part.", "He   leaves  now.", "en", TRUE, "He leaves now." },
  { "double-space", "Il part.", "He leaves.", "en", FALSE, NULL },
  { "double-space", "Il part.", "He leaves.  ", "en", FALSE, NULL },   /* trailing: edge-spaces */

  /* leading and trailing spaces */
  { "edge-spaces", "Il part.", " He leaves.", "en", TRUE, "He leaves." },
  { "edge-spaces", "Il part.", "He leaves. ", "en", TRUE, "He leaves." },
  { "edge-spaces", " Il part.", "He leaves.", "en", TRUE, " He leaves." },
  { "edge-spaces", " Il part.", " He leaves.", "en", FALSE, NULL },
  { "edge-spaces", "Il part.", "He leaves.", "en", FALSE, NULL },

  /* length ratio (default 0.4–2.5 for sources of 20 characters or more) */
  { "length-ratio", "Une phrase assez longue pour compter.", "Short.", "en", TRUE, NULL },
  { "length-ratio", "Une phrase assez longue pour compter.", "A sentence long enough to count.", "en", FALSE, NULL },
  { "length-ratio", "Une phrase assez longue pour compter.",
    "A sentence that goes on and on and on, far longer than anything the source ever said, and then some more.", "en", TRUE, NULL },
  { "length-ratio", "Oui.", "Yes, absolutely, without any doubt.", "en", FALSE, NULL },   /* too short to judge */

  /* French typography when the target is French */
  { "fr-typography", "Is it?", "Est-ce vrai?", "fr", TRUE, "Est-ce vrai" NNBSP "?" },
  { "fr-typography", "Is it?", "Est-ce vrai ?", "fr", TRUE, "Est-ce vrai" NNBSP "?" },
  { "fr-typography", "Is it?", "Est-ce vrai" NNBSP "?", "fr", FALSE, NULL },
  { "fr-typography", "Note:", "Remarque :", "fr", TRUE, "Remarque" NBSP ":" },
  { "fr-typography", "Note:", "Remarque" NBSP ":", "fr", FALSE, NULL },
  { "fr-typography", "He said \"no\".", "Il a dit \"non\".", "fr", TRUE, "Il a dit «" NBSP "non" NBSP "»." },
  { "fr-typography", "He said “no”.", "Il a dit “non”.", "fr", TRUE, "Il a dit «" NBSP "non" NBSP "»." },
  { "fr-typography", "He said “no”.", "Il a dit « non ».", "fr", TRUE, "Il a dit «" NBSP "non" NBSP "»." },
  { "fr-typography", "He said “no”.", "Il a dit «" NBSP "non" NBSP "».", "fr", FALSE, NULL },
  { "fr-typography", "At 14:30, see https://example.org", "À 14:30, voir https://example.org", "fr", FALSE, NULL },
  { "fr-typography", "Really?!", "Vraiment" NNBSP "?!", "fr", FALSE, NULL },
  { "fr-typography", "Is it?", "Is it?", "en", FALSE, NULL },   /* English target: not checked */
};

static const VvQaFinding *
find (GPtrArray  *findings,
      const char *check)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const VvQaFinding *f = g_ptr_array_index (findings, i);
      if (g_str_equal (f->check, check))
        return f;
    }
  return NULL;
}

static void
test_checks (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (qa_cases); i++)
    {
      const Case *c = &qa_cases[i];
      g_autoptr(VvSegment) segment = vv_segment_new (i + 1, c->source);
      g_autoptr(GPtrArray) findings = NULL;
      const VvQaFinding *f;
      VvQaOptions options;

      vv_qa_options_init (&options);
      options.source_language = "fr";
      options.target_language = c->lang;
      if (c->target)
        vv_segment_set_target (segment, c->target);

      findings = vv_qa_check_segment (segment, &options);
      f = find (findings, c->check);
      g_test_message ("case %u: %s: “%s” → “%s”%s", i, c->check, c->source,
                      c->target ? c->target : "", f ? " fires" : "");
      if (!c->fires)
        {
          g_assert_null (f);
          continue;
        }
      g_assert_nonnull (f);
      g_assert_cmpuint (f->segment_id, ==, i + 1);
      g_assert_nonnull (f->message);
      g_assert_null (strchr (f->message, '\n'));
      g_assert_cmpstr (f->fix, ==, c->fix);
    }
}

/* Every check of the table has cases above, firing and not firing */
static void
test_table_covered (void)
{
  guint n;
  const VvQaCheckInfo *checks = vv_qa_get_checks (&n);

  g_assert_cmpuint (n, >=, 11);
  for (guint k = 0; k < n; k++)
    {
      gboolean pos = FALSE, neg = FALSE;

      if (g_str_equal (checks[k].id, "inconsistent"))
        continue;   /* document-level: test_inconsistent */
      for (guint i = 0; i < G_N_ELEMENTS (qa_cases); i++)
        if (g_str_equal (qa_cases[i].check, checks[k].id))
          {
            pos |= qa_cases[i].fires;
            neg |= !qa_cases[i].fires;
          }
      g_test_message ("%s", checks[k].id);
      g_assert_true (pos);
      g_assert_true (neg);
      g_assert_nonnull (checks[k].title);
    }
}

static void
test_numbers (void)
{
  static const struct { const char *text, *lang; double values[3]; guint n; } cases[] = {
    { "1 200,5", "fr", { 1200.5 }, 1 },
    { "1" NNBSP "200,5", "fr", { 1200.5 }, 1 },
    { "1,200.5", "en", { 1200.5 }, 1 },
    { "14,5 M€", "fr", { 14.5e6 }, 1 },
    { "€14.5M", "en", { 14.5e6 }, 1 },
    { "2,3 milliards et 40 millions", "fr", { 2.3e9, 40e6 }, 2 },
    { "3 km et 5 M", "fr", { 3, 5 }, 2 },
    { "le 3 mars 2024 à 14 h 30, 7 morts", "fr", { 7 }, 1 },
    { "pas de nombre", "fr", { 0 }, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) values = vv_qa_extract_numbers (cases[i].text, cases[i].lang);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpuint (values->len, ==, cases[i].n);
      for (guint k = 0; k < cases[i].n; k++)
        g_assert_cmpfloat_with_epsilon (g_array_index (values, double, k), cases[i].values[k], 1e-6);
    }
}

static void
test_dates (void)
{
  static const struct { const char *text, *found; } cases[] = {
    { "le 3 mars 2024", "2024-03-03" },
    { "March 3, 2024", "2024-03-03" },
    { "le 1er août", "0000-08-01" },
    { "en décembre 2023", "2023-12-00" },
    { "à 14 h 30 puis 9h05", "14:30 09:05" },
    { "at 2:30 p.m. and 12 am", "14:30 00:00" },
    { "14 heures", "14:00" },
    { "3 marsupiaux", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) dates = vv_qa_extract_dates (cases[i].text, NULL);
      g_autofree char *joined = NULL;

      g_ptr_array_add (dates, NULL);
      joined = g_strjoinv (" ", (char **)dates->pdata);
      g_assert_cmpstr (joined, ==, cases[i].found);
    }
}

static VvDocument *
make_document (void)
{
  VvDocument *document = vv_test_document_from_text (
    "Titre\n\n"
    "Le maire parle. Il a 40 ans.\n\n"
    "Le maire parle. Rien de plus.\n\n"
    "Le maire parle. Fin.\n");
  vv_document_set_target_language (document, "en");
  return document;
}

static void
test_inconsistent (void)
{
  g_autoptr(VvDocument) document = make_document ();
  g_autoptr(GPtrArray) findings = NULL;
  const VvQaFinding *f;

  /* "Le maire parle." is at positions 1, 3 and 5 */
  g_assert_cmpstr (vv_segment_get_source (vv_document_get_segment (document, 3)), ==, "Le maire parle.");
  vv_segment_set_target (vv_document_get_segment (document, 0), "Title");
  vv_segment_set_target (vv_document_get_segment (document, 1), "The mayor speaks.");
  vv_segment_set_target (vv_document_get_segment (document, 2), "He is 40.");
  vv_segment_set_target (vv_document_get_segment (document, 3), "The mayor speaks.");
  vv_segment_set_target (vv_document_get_segment (document, 4), "Nothing more.");
  vv_segment_set_target (vv_document_get_segment (document, 5), "The mayor talks.");
  vv_segment_set_target (vv_document_get_segment (document, 6), "The end.");

  findings = vv_qa_check_document (document, NULL);
  f = find (findings, "inconsistent");
  if (f == NULL)
    g_error ("no 'inconsistent' finding");   /* noreturn: keeps -Wnull-dereference quiet at -O2 */
  g_assert_cmpuint (f->position, ==, 5);
  g_assert_cmpuint (f->severity, ==, VV_QA_SEVERITY_WARNING);
  /* exactly one finding: position 3 agrees with position 1 */
  for (guint i = 0; i < findings->len; i++)
    {
      const VvQaFinding *g = g_ptr_array_index (findings, i);
      g_assert_false (g != f && g_str_equal (g->check, "inconsistent"));
    }

  g_clear_pointer (&findings, g_ptr_array_unref);
  vv_segment_set_target (vv_document_get_segment (document, 5), "The mayor speaks.");
  findings = vv_qa_check_document (document, NULL);
  g_assert_null (find (findings, "inconsistent"));
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_apply_fix (void)
{
  g_autoptr(VvDocument) document = make_document ();
  VvSegment *segment = vv_document_get_segment (document, 2);
  g_autoptr(GPtrArray) findings = NULL;
  const VvQaFinding *f;

  vv_segment_set_target (segment, "He is  40.");
  findings = vv_qa_check_segment (segment, NULL);
  f = find (findings, "double-space");
  g_assert_nonnull (f);
  g_assert_true (vv_qa_apply_fix (document, f));
  g_assert_cmpstr (vv_segment_get_target (segment), ==, "He is 40.");
  /* applying again changes nothing: the problem is gone */
  g_assert_false (vv_qa_apply_fix (document, f));

  /* a stale finding (the target changed since) changes nothing */
  vv_segment_set_target (segment, "He is  forty  years old.");
  g_assert_false (vv_qa_apply_fix (document, f));
  g_assert_cmpstr (vv_segment_get_target (segment), ==, "He is  forty  years old.");
}

/* A document check reads each distinct source once and shares what it
 * found between the segments with that source: the findings must be those
 * of checking each segment alone, whatever the order. */
static void
test_repeated_sources (void)
{
  static const char * const targets[] = {
    "He paid 1,200 euros on March 3, 2024.",
    "He paid 1,300 euros on March 3, 2024.",   /* number changed */
    "He paid 1,200 euros on March 3, 2024.",   /* as the first again */
    "He paid 1,200 euros on March 4, 2024.",   /* date changed */
    "He paid 1,200 euros (on March 3, 2024.",  /* bracket */
    NULL,                                       /* untranslated */
    "He paid euros on March 3, 2024",          /* number and full stop gone */
  };
  g_autoptr(VvDocument) document = vv_document_new ();
  g_autoptr(GPtrArray) findings = NULL;
  guint k = 0;

  vv_document_set_target_language (document, "en");
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      VvBlock *block = vv_document_append_text_block (document, VV_BLOCK_KIND_PARAGRAPH, 0,
                                                      "Il a payé 1 200 euros le 3 mars 2024.", NULL);
      VvSegment *segment = vv_block_get_segment (block, 0);

      if (targets[i] != NULL)
        vv_segment_set_target (segment, targets[i]);
    }

  findings = vv_qa_check_document (document, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GPtrArray) alone = vv_qa_check_segment (vv_document_get_segment (document, i), NULL);

      for (guint j = 0; j < alone->len; j++, k++)
        {
          const VvQaFinding *a = g_ptr_array_index (alone, j);
          const VvQaFinding *d;

          if (k >= findings->len)
            g_error ("segment %u: finding %s missing from the document check", i, a->check);
          d = g_ptr_array_index (findings, k);
          g_assert_cmpstr (d->check, ==, a->check);
          g_assert_cmpuint (d->position, ==, i);
          g_assert_cmpstr (d->message, ==, a->message);
          g_assert_cmpstr (d->fix, ==, a->fix);
        }
      /* then the document-level finding, for targets unlike the first */
      if (targets[i] != NULL && i > 0 && g_strcmp0 (targets[i], targets[0]) != 0)
        {
          const VvQaFinding *d = k < findings->len ? g_ptr_array_index (findings, k) : NULL;

          if (d == NULL)
            g_error ("segment %u: no 'inconsistent' finding", i);
          g_assert_cmpstr (d->check, ==, "inconsistent");
          g_assert_cmpuint (d->position, ==, i);
          k++;
        }
    }
  g_assert_cmpuint (k, ==, findings->len);

  /* and what the segments alone report */
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = vv_qa_check_segment (vv_document_get_segment (document, 2), NULL);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = vv_qa_check_segment (vv_document_get_segment (document, 1), NULL);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (((VvQaFinding *)g_ptr_array_index (findings, 0))->message, ==,
                   "Number “1 200” became “1,300”");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = vv_qa_check_segment (vv_document_get_segment (document, 3), NULL);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (((VvQaFinding *)g_ptr_array_index (findings, 0))->message, ==,
                   "Date or time “3 mars 2024” became “March 4, 2024”");
}

static void
test_skips (void)
{
  g_autoptr(VvDocument) document = make_document ();
  VvSegment *segment = vv_document_get_segment (document, 1);
  g_autoptr(GPtrArray) findings = NULL;

  vv_segment_set_flags (segment, VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE);
  findings = vv_qa_check_segment (segment, NULL);
  g_assert_cmpuint (findings->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  vv_test_init (&argc, &argv);

  g_test_add_func ("/core/qa/checks", test_checks);
  g_test_add_func ("/core/qa/table-covered", test_table_covered);
  g_test_add_func ("/core/qa/numbers", test_numbers);
  g_test_add_func ("/core/qa/dates", test_dates);
  g_test_add_func ("/core/qa/inconsistent", test_inconsistent);
  g_test_add_func ("/core/qa/apply-fix", test_apply_fix);
  g_test_add_func ("/core/qa/repeated-sources", test_repeated_sources);
  g_test_add_func ("/core/qa/skips", test_skips);

  return g_test_run ();
}
