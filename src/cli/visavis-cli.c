/* visavis-cli.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <string.h>
#include <glib/gi18n.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>

#include "vv-core.h"

/* Exit statuses of the CLI contract in DESIGN.md */
enum {
  EXIT_OK = 0,
  EXIT_FAILURE_USER = 1,
  EXIT_USAGE = 2,
};

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  run;
} Command;

static int
fail (GError *error)
{
  g_printerr ("visavis-cli: %s\n", error->message);
  return EXIT_FAILURE_USER;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("visavis-cli: %s\n\n%s", message, help);
  return EXIT_USAGE;
}

/* Parses options; returns -1 on success or the exit status to return */
static int
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return usage_error (context, error->message);
  return -1;
}

static GOutputStream *
stdout_stream (void)
{
  return g_unix_output_stream_new (fileno (stdout), FALSE);
}

static GBytes *
read_input (const char  *path,
            GError     **error)
{
  if (g_strcmp0 (path, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (fileno (stdin), FALSE);
      g_autoptr(GOutputStream) mem = g_memory_output_stream_new_resizable ();

      if (g_output_stream_splice (mem, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
        return NULL;
      return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = vv_file_get_display_name (file);
      GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &local_error);

      if (bytes == NULL)
        g_set_error (error, local_error->domain, local_error->code,
                     _("Cannot read “%s”: %s"), name, local_error->message);
      return bytes;
    }
}

static VvSegmenter *
make_segmenter (const char  *srx_path,
                const char  *language,
                GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (srx_path == NULL)
    return vv_segmenter_new (language);

  file = g_file_new_for_commandline_arg (srx_path);
  return vv_segmenter_new_from_file (file, language, error);
}

static int
cmd_segment (int    argc,
             char **argv)
{
  g_autofree char *srx = NULL;
  g_autofree char *language = NULL;
  const GOptionEntry entries[] = {
    { "srx", 0, 0, G_OPTION_ARG_FILENAME, &srx, N_("Use the rules of this SRX file"), N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language, N_("Language of the text (default: fr)"), N_("LANG") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[FILE|-] — one segment per line"));
  g_autoptr(VvSegmenter) segmenter = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *text = NULL;
  const char *path;
  const char *p;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = parse_options (context, &argc, &argv)) >= 0)
    return status;
  if (argc > 2)
    return usage_error (context, _("too many arguments"));

  path = argc == 2 ? argv[1] : "-";
  segmenter = make_segmenter (srx, language ? language : "fr", &error);
  if (segmenter == NULL)
    return fail (error);

  bytes = read_input (path, &error);
  if (bytes == NULL)
    return fail (error);
  text = vv_import_decode_text (bytes, g_strcmp0 (path, "-") == 0 ? _("standard input") : path, &error);
  if (text == NULL)
    return fail (error);

  /* Paragraphs are separated by blank lines; each paragraph's lines are
   * running text. Segments go out one per line, paragraphs separated by
   * one blank line. */
  out = g_string_sized_new (strlen (text) + 1024);
  p = text;
  while (*p != '\0')
    {
      const char *end = p;
      g_autofree char *paragraph = NULL;
      g_autoptr(GArray) spans = NULL;

      /* find the blank line that ends this paragraph */
      while (*end != '\0')
        {
          const char *nl = strchr (end, '\n');
          const char *q;

          if (nl == NULL)
            {
              end += strlen (end);
              break;
            }
          q = nl + 1;
          while (*q == ' ' || *q == '\t' || *q == '\r')
            q++;
          if (*q == '\n' || *q == '\0')
            {
              end = nl;
              break;
            }
          end = nl + 1;
        }

      paragraph = g_strndup (p, end - p);
      g_strdelimit (paragraph, "\n", ' ');
      spans = vv_segmenter_split (segmenter, paragraph, -1);
      if (spans->len > 0)
        {
          if (out->len > 0)
            g_string_append_c (out, '\n');
          for (guint i = 0; i < spans->len; i++)
            {
              const VvSpan *span = &g_array_index (spans, VvSpan, i);
              g_string_append_len (out, paragraph + span->start, span->end - span->start);
              g_string_append_c (out, '\n');
            }
        }

      p = end;
      while (*p == '\n' || *p == ' ' || *p == '\t' || *p == '\r')
        p++;
    }

  fwrite (out->str, 1, out->len, stdout);
  return fflush (stdout) == 0 ? EXIT_OK : EXIT_FAILURE_USER;
}

/* Imports a file, or a URL fetched with libsoup */
static VvDocument *
vv_cli_import (const char   *path,
               VvSegmenter  *segmenter,
               GError      **error)
{
  g_autoptr(GFile) in = NULL;

  if (vv_fetch_is_url (path))
    return vv_import_uri (path, segmenter, NULL, NULL, NULL, NULL, error);

  in = g_file_new_for_commandline_arg (path);
  return vv_import_file (in, segmenter, NULL, error);
}

static int
cmd_import (int    argc,
            char **argv)
{
  g_autofree char *to = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Target language (default: en)"), N_("LANG") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Project file to write"), N_("P.visavis") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE|URL -o P.visavis — make a project from an article"));
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) out = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = parse_options (context, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (context, _("expected one input file"));
  if (output == NULL)
    return usage_error (context, _("missing -o P.visavis"));

  document = vv_cli_import (argv[1], segmenter, &error);
  if (document == NULL)
    return fail (error);
  if (to != NULL)
    vv_document_set_target_language (document, to);

  out = g_file_new_for_commandline_arg (output);
  if (!vv_project_save (document, out, NULL, &error))
    return fail (error);

  g_printerr (ngettext ("Imported %u segment into %s\n", "Imported %u segments into %s\n",
                        vv_document_get_n_segments (document)),
              vv_document_get_n_segments (document), output);
  return EXIT_OK;
}

static int
cmd_extract (int    argc,
             char **argv)
{
  gboolean boilerplate = FALSE;
  const GOptionEntry entries[] = {
    { "with-boilerplate", 0, 0, G_OPTION_ARG_NONE, &boilerplate,
      N_("Print boilerplate blocks too, prefixed by “[boilerplate] ”"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE|URL — print the article's title and blocks"));
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = parse_options (context, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (context, _("expected one file or URL"));

  /* Blocks are printed whole: no segmenter */
  document = vv_cli_import (argv[1], NULL, &error);
  if (document == NULL)
    return fail (error);

  g_string_append (out, vv_document_get_title (document));
  g_string_append_c (out, '\n');
  for (guint i = 0; i < vv_document_get_n_blocks (document); i++)
    {
      VvBlock *block = vv_document_get_block (document, i);
      VvBlockKind kind = vv_block_get_kind (block);
      g_autofree char *text = NULL;

      if (kind == VV_BLOCK_KIND_TITLE || (kind == VV_BLOCK_KIND_BOILERPLATE && !boilerplate))
        continue;
      text = vv_block_dup_source_text (block);
      g_string_append_c (out, '\n');
      if (kind == VV_BLOCK_KIND_BOILERPLATE)
        g_string_append (out, "[boilerplate] ");
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }

  fwrite (out->str, 1, out->len, stdout);
  return fflush (stdout) == 0 ? EXIT_OK : EXIT_FAILURE_USER;
}

static VvDocument *
load_project (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  return vv_project_load (file, NULL, error);
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  gboolean boilerplate = FALSE, no_comments = FALSE, no_states = FALSE, only_approved = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("File to write (- for standard output)"), N_("OUT") },
    { "with-boilerplate", 0, 0, G_OPTION_ARG_NONE, &boilerplate, N_("Include boilerplate blocks"), NULL },
    { "no-comments", 0, 0, G_OPTION_ARG_NONE, &no_comments, N_("Leave comments out"), NULL },
    { "no-states", 0, 0, G_OPTION_ARG_NONE, &no_states, N_("Leave segment states out"), NULL },
    { "only-approved", 0, 0, G_OPTION_ARG_NONE, &only_approved, N_("Export only approved translations"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("P.visavis --format FORMAT -o OUT — export a project"));
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) formats_help = g_string_new (_("Formats:"));
  VvExportOptions options;
  const VvExportFormat *all;
  guint n_formats;
  int status;

  all = vv_export_get_formats (&n_formats);
  for (guint i = 0; i < n_formats; i++)
    g_string_append_printf (formats_help, "\n  %-8s %s", all[i].id, _(all[i].name));
  g_option_context_set_description (context, formats_help->str);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = parse_options (context, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (context, _("expected one project file"));
  if (format == NULL)
    return usage_error (context, _("missing --format"));
  if (vv_export_lookup_format (format) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown format “%s”"), format);
      return usage_error (context, message);
    }
  if (output == NULL)
    return usage_error (context, _("missing -o OUT"));

  document = load_project (argv[1], &error);
  if (document == NULL)
    return fail (error);

  vv_export_options_init (&options);
  options.include_boilerplate = boilerplate;
  options.include_comments = !no_comments;
  options.include_states = !no_states;
  options.only_approved = only_approved;

  if (g_strcmp0 (output, "-") == 0)
    {
      g_autoptr(GOutputStream) out = stdout_stream ();

      if (!vv_export_to_stream (document, format, &options, out, NULL, &error))
        return fail (error);
    }
  else
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);

      if (!vv_export_to_file (document, format, &options, out, NULL, &error))
        return fail (error);
    }

  return EXIT_OK;
}

static int
cmd_import_review (int    argc,
                   char **argv)
{
  g_autofree char *author = NULL;
  g_autofree char *output = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "author", 'a', 0, G_OPTION_ARG_STRING, &author, N_("Reviewer name for history and comments (default: your name)"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Project file to write (default: update P.visavis)"), N_("OUT") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Report what would change, save nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("P.visavis REVIEWED — apply a reviewer's edited DOCX, ODT, CSV, TSV or XLIFF file"));
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(VvRoundtripFile) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) reviewed = NULL;
  g_autoptr(GFile) out = NULL;
  g_autofree char *summary = NULL;
  VvRoundtripReport report;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = parse_options (context, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return usage_error (context, _("expected a project file and a reviewed file"));

  document = load_project (argv[1], &error);
  if (document == NULL)
    return fail (error);
  reviewed = g_file_new_for_commandline_arg (argv[2]);
  review = vv_roundtrip_file_load (reviewed, NULL, &error);
  if (review == NULL)
    return fail (error);

  vv_roundtrip_report_init (&report);
  if (!vv_roundtrip_apply (document, review, author ? author : g_get_real_name (), &report, &error))
    {
      vv_roundtrip_report_clear (&report);
      return fail (error);
    }
  summary = vv_roundtrip_report_to_string (&report);
  g_print ("%s", summary);
  vv_roundtrip_report_clear (&report);

  if (dry_run)
    return EXIT_OK;
  out = g_file_new_for_commandline_arg (output ? output : argv[1]);
  if (!vv_project_save (document, out, NULL, &error))
    return fail (error);
  return EXIT_OK;
}

static int
cmd_stats (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("P.visavis — counts per state, words, progress"));
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  VvStats stats;
  int status;

  if ((status = parse_options (context, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (context, _("expected one project file"));

  document = load_project (argv[1], &error);
  if (document == NULL)
    return fail (error);
  vv_stats_compute (document, &stats);

  /* Machine-readable: one "key: value" line each; state ids are stable */
  g_print ("title: %s\n", vv_document_get_title (document));
  g_print ("segments: %u\n", stats.total_segments);
  for (guint state = 0; state < VV_SEGMENT_N_STATES; state++)
    g_print ("%s: %u segments, %u words\n", vv_segment_state_to_string (state),
             stats.segments[state], stats.words[state]);
  g_print ("words: %u\n", stats.total_words);
  g_print ("characters: %u\n", stats.total_chars);
  for (guint state = 0; state < VV_SEGMENT_N_STATES; state++)
    g_print ("%s-characters: %u\n", vv_segment_state_to_string (state), stats.chars[state]);
  g_print ("excluded: %u segments\n", stats.excluded_segments);
  g_print ("progress: %.1f%%\n", 100.0 * stats.progress);
  /* word edits between machine translation and final text */
  g_print ("post-edited: %u segments\n", stats.n_post_edited);
  g_print ("post-editing distance: %.1f%% average, %u edits over %u words\n",
           100.0 * stats.post_edit_average, stats.post_edit_edits, stats.post_edit_words);
  /* focused editing time recorded by the window */
  g_print ("time spent: %" G_GUINT64_FORMAT " s over %u segments, %.1f s average\n",
           stats.edit_seconds, stats.n_timed,
           stats.n_timed ? (double) stats.edit_seconds / stats.n_timed : 0.0);
  return EXIT_OK;
}

static int
cmd_qa (int    argc,
        char **argv)
{
  gboolean fix = FALSE;
  g_autofree char *target_lang = NULL;
  const GOptionEntry entries[] = {
    { "fix", 0, 0, G_OPTION_ARG_NONE, &fix, N_("Apply the certain fixes and save the project"), NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &target_lang, N_("Target language (default: the project’s)"), N_("LANG") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("P.visavis — check translations, one finding per line"));
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[3] = { 0, 0, 0 };
  VvQaOptions options;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = parse_options (context, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (context, _("expected one project file"));

  document = load_project (argv[1], &error);
  if (document == NULL)
    return fail (error);

  vv_qa_options_init (&options);
  options.target_language = target_lang;
  findings = vv_qa_check_document (document, &options);

  if (fix)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);
      guint fixed = 0;

      for (guint i = 0; i < findings->len; i++)
        if (vv_qa_apply_fix (document, g_ptr_array_index (findings, i)))
          fixed++;
      if (fixed > 0 && !vv_project_save (document, file, NULL, &error))
        return fail (error);
      g_printerr (ngettext ("%s: fixed %u finding\n", "%s: fixed %u findings\n", fixed),
                  argv[1], fixed);
      g_clear_pointer (&findings, g_ptr_array_unref);
      findings = vv_qa_check_document (document, &options);
    }

  /* FILE:SEGMENT-ID: SEVERITY: [CHECK] message, like a compiler */
  for (guint i = 0; i < findings->len; i++)
    {
      const VvQaFinding *f = g_ptr_array_index (findings, i);

      counts[f->severity]++;
      g_print ("%s:%u: %s: [%s] %s%s\n", argv[1], f->segment_id,
               vv_qa_severity_to_string (f->severity), f->check, f->message,
               f->fix ? _(" (fixable)") : "");
    }
  g_printerr (_("%s: %u errors, %u warnings, %u notes\n"), argv[1],
              counts[VV_QA_SEVERITY_ERROR], counts[VV_QA_SEVERITY_WARNING],
              counts[VV_QA_SEVERITY_INFO]);
  return counts[VV_QA_SEVERITY_ERROR] > 0 ? EXIT_FAILURE_USER : EXIT_OK;
}

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  gboolean      tty;
  guint         last_step;
} TranslateRun;

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TranslateRun *run = user_data;

  run->result = g_object_ref (result);
  g_main_loop_quit (run->loop);
}

static void
on_progress_cb (VvMtQueue    *queue,
                guint         done,
                guint         total,
                TranslateRun *run)
{
  guint step = total ? done * 10 / total : 10;

  /* On a terminal, one line rewritten in place; else a line per 10 % */
  if (run->tty)
    g_printerr (_("\rTranslating: %u/%u segments"), done, total);
  else if (step != run->last_step)
    g_printerr (_("Translating: %u/%u segments\n"), done, total);
  run->last_step = step;
}

/* APy has no fr→en: go through a pivot it reaches (fr→es→en) */
static VvMtProvider *
maybe_pivot (VvMtProvider  *provider,
             const char    *source,
             const char    *target,
             GError       **error)
{
  TranslateRun run = { 0 };
  g_autoptr(GPtrArray) pairs = NULL;
  g_autofree char *via = NULL;

  run.loop = g_main_loop_new (NULL, FALSE);
  vv_mt_provider_list_languages_async (provider, NULL, store_result_cb, &run);
  g_main_loop_run (run.loop);
  pairs = vv_mt_provider_list_languages_finish (provider, run.result, error);
  g_clear_object (&run.result);
  g_main_loop_unref (run.loop);
  if (pairs == NULL)
    return NULL;
  if (vv_mt_pairs_have (pairs, source, target))
    return g_object_ref (provider);
  via = vv_mt_find_pivot (pairs, source, target);
  if (via == NULL)
    {
      g_set_error (error, VV_MT_ERROR, VV_MT_ERROR_UNSUPPORTED_PAIR,
                   /* Translators: %1$s is a provider, %2$s its URL, %3$s and %4$s language codes */
                   _("%1$s (%2$s) cannot translate from “%3$s” to “%4$s”, even through another language"),
                   vv_mt_provider_get_display_name (provider), vv_mt_provider_get_server (provider), source, target);
      return NULL;
    }
  g_printerr (_("No direct %s→%s pair: translating through %s\n"), source, target, via);
  return vv_mt_pivot_new (provider, provider, via);
}

static int
cmd_translate (int    argc,
               char **argv)
{
  g_autofree char *provider_id = NULL;
  g_autofree char *url = NULL;
  g_autofree char *to = NULL;
  g_autofree char *model = NULL;
  g_autofree char *formality = NULL;
  gint concurrency = 0;
  gboolean no_cache = FALSE;
  const GOptionEntry entries[] = {
    { "provider", 'p', 0, G_OPTION_ARG_STRING, &provider_id, N_("Machine-translation provider: apertium, libretranslate, deepl, openai, google"), N_("ID") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("Server URL (default: the provider’s)"), N_("URL") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Target language (default: the project’s)"), N_("LANG") },
    { "concurrency", 'j', 0, G_OPTION_ARG_INT, &concurrency, N_("Requests in flight (default 4, never more than the provider allows)"), N_("N") },
    { "model", 0, 0, G_OPTION_ARG_STRING, &model, N_("Model name (openai)"), N_("MODEL") },
    { "formality", 0, 0, G_OPTION_ARG_STRING, &formality, N_("Form of address: default, more (formal: vous) or less (informal: tu); deepl and openai"), N_("LEVEL") },
    { "no-cache", 0, 0, G_OPTION_ARG_NONE, &no_cache, N_("Do not read or write the translation cache"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("P.visavis --provider ID — machine-translate the untranslated segments"));
  g_autoptr(VvDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VvMtProvider) provider = NULL;
  g_autoptr(VvMtProvider) engine = NULL;
  g_autoptr(VvMtCache) cache = NULL;
  g_autoptr(VvMtQueue) queue = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *key = NULL;
  const char *source, *target;
  TranslateRun run = { 0 };
  VvMtSummary summary = { 0 };
  int status;

  g_option_context_set_description (context, _("API keys come from the environment: VISAVIS_DEEPL_KEY, VISAVIS_GOOGLE_KEY, VISAVIS_OPENAI_KEY, VISAVIS_LIBRETRANSLATE_KEY."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = parse_options (context, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (context, _("expected one project file"));
  if (provider_id == NULL)
    return usage_error (context, _("missing --provider"));
  if (vv_mt_provider_lookup_info (provider_id) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown provider “%s”"), provider_id);
      return usage_error (context, message);
    }
  if (concurrency < 0)
    return usage_error (context, _("--concurrency must be positive"));
  if (formality != NULL && !g_str_equal (formality, "default") && !g_str_equal (formality, "more")
      && !g_str_equal (formality, "less"))
    return usage_error (context, _("--formality must be default, more or less"));

  file = g_file_new_for_commandline_arg (argv[1]);
  document = vv_project_load (file, NULL, &error);
  if (document == NULL)
    return fail (error);
  if (to != NULL)
    vv_document_set_target_language (document, to);
  source = vv_document_get_source_language (document);
  target = vv_document_get_target_language (document);
  if (source == NULL)
    source = "fr";

  key = vv_mt_provider_key_from_env (provider_id);
  provider = vv_mt_provider_new_for_id (provider_id, url, key, &error);
  if (provider == NULL)
    return fail (error);
  if (model != NULL && VV_IS_MT_OPENAI (provider))
    vv_mt_openai_set_model (VV_MT_OPENAI (provider), model);
  if (formality != NULL)
    vv_mt_provider_set_formality (provider, formality);

  if (g_str_equal (provider_id, "apertium"))
    {
      engine = maybe_pivot (provider, source, target, &error);
      if (engine == NULL)
        return fail (error);
    }
  else
    engine = g_object_ref (provider);

  cache = no_cache ? NULL : vv_mt_cache_new_default ();
  queue = vv_mt_queue_new (engine, cache);
  vv_mt_queue_set_concurrency (queue, concurrency);

  run.loop = g_main_loop_new (NULL, FALSE);
  run.tty = isatty (fileno (stderr));
  run.last_step = G_MAXUINT;
  g_signal_connect (queue, "progress", G_CALLBACK (on_progress_cb), &run);
  vv_mt_translate_document_async (queue, document, TRUE, NULL, store_result_cb, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  if (run.tty)
    g_printerr ("\n");
  if (!vv_mt_translate_document_finish (queue, run.result, &summary, &error))
    {
      g_clear_object (&run.result);
      return fail (error);
    }
  g_clear_object (&run.result);

  if (summary.n_filled > 0 || summary.n_suggestions > 0)
    {
      if (!vv_project_save (document, file, NULL, &error))
        {
          vv_mt_summary_clear (&summary);
          return fail (error);
        }
    }

  /* Translators: %1$u segments, %2$s a provider name, %3$s a language code */
  g_printerr (ngettext ("%1$u segment translated with %2$s into %3$s",
                        "%1$u segments translated with %2$s into %3$s", summary.n_suggestions),
              summary.n_suggestions, vv_mt_provider_get_display_name (engine), target);
  g_printerr (ngettext (" (%u new draft", " (%u new drafts", summary.n_filled), summary.n_filled);
  g_printerr (ngettext (", %u from the cache", ", %u from the cache", summary.n_cached), summary.n_cached);
  g_printerr (ngettext (", %u kept as it was)\n", ", %u kept as they were)\n", summary.n_kept), summary.n_kept);
  if (summary.n_failed > 0)
    {
      g_printerr (ngettext ("visavis-cli: %u segment failed: %s\n", "visavis-cli: %u segments failed: %s\n",
                            summary.n_failed),
                  summary.n_failed, summary.first_error ? summary.first_error->message : "");
      vv_mt_summary_clear (&summary);
      return EXIT_FAILURE_USER;
    }
  vv_mt_summary_clear (&summary);
  return EXIT_OK;
}

static const Command commands[] = {
  { "segment", "[--srx FILE] [FILE|-]", N_("Split running text into segments, one per line"), cmd_segment },
  { "import", "FILE|URL [--to LANG] -o P.visavis", N_("Make a project from an article"), cmd_import },
  { "extract", "FILE|URL [--with-boilerplate]", N_("Print the article's title and blocks"), cmd_extract },
  { "export", "P.visavis --format FORMAT -o OUT", N_("Export a project"), cmd_export },
  { "translate", "P.visavis --provider ID [--url URL] [--to LANG] [--concurrency N] [--formality more|less]", N_("Machine-translate the untranslated segments"), cmd_translate },
  { "stats", "P.visavis", N_("Print counts per state, words and progress"), cmd_stats },
  { "qa", "P.visavis [--fix]", N_("Check translations; exit 1 on errors"), cmd_qa },
  { "import-review", "P.visavis REVIEWED [-a NAME]", N_("Apply a reviewer's edited bilingual file"), cmd_import_review },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: visavis-cli COMMAND [OPTIONS…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-9s %-36s %s\n", commands[i].name, commands[i].args, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “visavis-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  vv_locale_init ("");

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("visavis-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("visavis-cli %s", commands[i].name);
          g_set_prgname (prgname);
          return commands[i].run (argc - 1, argv + 1);
        }
    }

  g_printerr (_("visavis-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}
