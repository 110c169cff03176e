/* bench-import.c: copied text, Markdown, DOCX and ODT intake speed
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints, for each importer, the CPU time to import about 1 MB of article
 * text (best of 5, with the French segmenter), and the cost of the
 * boilerplate line classifier alone. Inputs are built from the fixtures
 * in tests/data/import, repeated.
 *
 *   ./tests/bench/bench-import
 */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>

#include "vv-test-utils.h"

#define TARGET_SIZE (1000 * 1000)
#define RUNS 5

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3 +
         usage.ru_stime.tv_sec * 1e3 + usage.ru_stime.tv_usec / 1e3;
}

static char *
load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (SOURCE_ROOT, "tests", "data", "import", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  return contents;
}

/* The fixture's body (after its first paragraph) repeated to ~1 MB */
static GBytes *
repeat_text (const char *name)
{
  g_autofree char *text = load_fixture (name);
  const char *body = strstr (text, "\n\n");
  GString *out = g_string_new (text);

  body = body != NULL ? body + 2 : text;
  while (out->len < TARGET_SIZE)
    {
      g_string_append (out, "\n");
      g_string_append (out, body);
    }
  return g_string_free_to_bytes (out);
}

static void
zip_add (GsfOutfile *zip,
         const char *dir,
         const char *name,
         const char *data)
{
  GsfOutput *folder = dir != NULL ? gsf_outfile_new_child (zip, dir, TRUE) : NULL;
  GsfOutput *child = gsf_outfile_new_child (folder != NULL ? GSF_OUTFILE (folder) : zip, name, FALSE);

  gsf_output_write (child, strlen (data), (const guint8 *)data);
  gsf_output_close (child);
  g_object_unref (child);
  if (folder != NULL)
    {
      gsf_output_close (folder);
      g_object_unref (folder);
    }
}

/* A DOCX or ODT with ~1 MB of paragraphs, headings and list items */
static GBytes *
make_office (gboolean odt,
             gsize   *text_size)
{
  g_autofree char *text = load_fixture ("copied-article.txt");
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *xml = g_string_new (NULL);
  GsfOutput *memory = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (memory, NULL);
  GBytes *bytes;

  *text_size = 0;
  g_string_append (xml, odt
    ? "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
    : "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
  for (guint i = 0; *text_size < TARGET_SIZE; i++)
    {
      const char *line = lines[i % g_strv_length (lines)];
      g_autofree char *escaped = g_markup_escape_text (line, -1);

      if (*line == '\0')
        continue;
      *text_size += strlen (line);
      if (odt)
        g_string_append_printf (xml, i % 10 == 0 ? "<text:h text:outline-level=\"2\">%s</text:h>"
                                                 : "<text:p text:style-name=\"P1\"><text:span>%s</text:span></text:p>",
                                escaped);
      else
        g_string_append_printf (xml, i % 10 == 0
                                ? "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>"
                                : "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>",
                                escaped);
    }
  g_string_append (xml, odt ? "</office:text></office:body></office:document-content>" : "</w:body></w:document>");

  if (odt)
    {
      zip_add (zip, NULL, "mimetype", "application/vnd.oasis.opendocument.text");
      zip_add (zip, NULL, "content.xml", xml->str);
    }
  else
    zip_add (zip, "word", "document.xml", xml->str);
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (memory)), gsf_output_size (memory));
  g_object_unref (memory);
  g_string_free (xml, TRUE);
  return bytes;
}

static void
bench (const char *label,
       GBytes     *bytes,
       gsize       text_size,
       const char *format)
{
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  double best = G_MAXDOUBLE;
  guint n_blocks = 0, n_segments = 0, n_boilerplate = 0;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VvDocument) document = NULL;
      double start = cpu_ms ();

      document = vv_import_bytes (bytes, label, format, segmenter, &error);
      best = MIN (best, cpu_ms () - start);
      if (document == NULL)
        g_error ("%s: %s", label, error->message);
      n_blocks = vv_document_get_n_blocks (document);
      n_segments = vv_document_get_n_segments (document);
      n_boilerplate = 0;
      for (guint i = 0; i < n_blocks; i++)
        n_boilerplate += vv_block_get_kind (vv_document_get_block (document, i)) == VV_BLOCK_KIND_BOILERPLATE;
    }

  printf ("%-16s %6.2f MB file, %6.2f MB text: %7.1f ms CPU (%5.1f MB/s); %u blocks (%u boilerplate), %u segments\n",
          label, g_bytes_get_size (bytes) / 1e6, text_size / 1e6, best, text_size / 1e3 / best,
          n_blocks, n_boilerplate, n_segments);
}

static void
bench_classifier (GBytes *text_bytes)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (text_bytes, NULL), g_bytes_get_size (text_bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = 0;
  double best = G_MAXDOUBLE;

  for (guint i = 0; lines[i] != NULL; i++)
    n_lines += *lines[i] != '\0';
  for (guint run = 0; run < RUNS; run++)
    {
      double start = cpu_ms ();

      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0')
          vv_boilerplate_classify_line (lines[i], NULL);
      best = MIN (best, cpu_ms () - start);
    }
  printf ("classifier       %u non-empty lines: %.1f ms CPU, %.2f µs a line\n", n_lines, best, best * 1e3 / n_lines);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) markdown = NULL;
  g_autoptr(GBytes) docx = NULL;
  g_autoptr(GBytes) odt = NULL;
  gsize docx_text, odt_text;

  vv_locale_init ("C.UTF-8");

  text = repeat_text ("copied-article.txt");
  markdown = repeat_text ("article.md");
  docx = make_office (FALSE, &docx_text);
  odt = make_office (TRUE, &odt_text);

  bench ("copied text", text, g_bytes_get_size (text), "text");
  bench ("markdown", markdown, g_bytes_get_size (markdown), "markdown");
  bench ("docx", docx, docx_text, "docx");
  bench ("odt", odt, odt_text, "odt");
  bench_classifier (text);
  return 0;
}
