/* vv-export-util.c: helpers shared by the exporters
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>

#include "vv-block.h"
#include "vv-document.h"
#include "vv-export-private.h"
#include "vv-segment.h"
#include "vv-utils.h"

/**
 * _vv_export_target:
 * @segment: a #VvSegment
 * @options: export options
 *
 * Returns: the target to write: "" when there is none, or when only
 *   approved translations are exported and @segment is not approved
 */
const char *
_vv_export_target (VvSegment             *segment,
                   const VvExportOptions *options)
{
  if (options->only_approved && vv_segment_get_state (segment) != VV_SEGMENT_STATE_APPROVED)
    return "";
  return vv_segment_get_target (segment);
}

/**
 * _vv_export_document_key:
 * @document: a #VvDocument
 *
 * A short fingerprint of the project (its creation time, source and title),
 * written into bilingual files so that a file sent back for another project
 * is recognised.
 *
 * Returns: (transfer full): 16 hex digits
 */
char *
_vv_export_document_key (VvDocument *document)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *created = NULL;
  GDateTime *when = vv_document_get_created (document);
  const char *uri = vv_document_get_source_uri (document);

  if (when != NULL)
    created = vv_date_time_format_iso8601 (when);
  g_checksum_update (sum, (const guchar *)(created ? created : ""), -1);
  g_checksum_update (sum, (const guchar *)"\n", 1);
  g_checksum_update (sum, (const guchar *)(uri ? uri : ""), -1);
  g_checksum_update (sum, (const guchar *)"\n", 1);
  g_checksum_update (sum, (const guchar *)vv_document_get_title (document), -1);
  return g_strndup (g_checksum_get_string (sum), 16);
}

/* XML 1.0 Char production */
gboolean
_vv_xml_char_is_valid (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

static gboolean
check_text (const char  *text,
            VvSegment   *segment,
            const char  *format_name,
            GError     **error)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!_vv_xml_char_is_valid (c))
        {
          g_set_error (error, VV_EXPORT_ERROR, VV_EXPORT_ERROR_FAILED,
                       /* Translators: %s is a format name, %u a segment number, the last %04X a character code */
                       _("%s cannot hold the control character U+%04X found in segment %u; remove it and export again"),
                       format_name, (guint)c, vv_segment_get_id (segment));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * _vv_export_check_xml_text:
 * @document: a #VvDocument
 * @options: export options
 * @format_name: the format, for the message
 * @error: return location for an error
 *
 * XML 1.0 cannot carry most C0 control characters, even escaped. Formats
 * with no way to encode them refuse the export with a message naming the
 * segment, rather than writing a file no reader accepts.
 *
 * Returns: %TRUE if every text that would be written is valid in XML
 */
gboolean
_vv_export_check_xml_text (VvDocument             *document,
                           const VvExportOptions  *options,
                           const char             *format_name,
                           GError                **error)
{
  for (guint i = 0; i < vv_document_get_n_segments (document); i++)
    {
      VvSegment *segment = vv_document_get_segment (document, i);

      if (!vv_export_segment_included (segment, options))
        continue;
      if (!check_text (vv_segment_get_source (segment), segment, format_name, error) ||
          !check_text (_vv_export_target (segment, options), segment, format_name, error))
        return FALSE;
      if (options->include_comments)
        for (guint c = 0; c < vv_segment_get_n_comments (segment); c++)
          if (!check_text (vv_segment_get_comment (segment, c)->text, segment, format_name, error) ||
              !check_text (vv_segment_get_comment (segment, c)->author, segment, format_name, error))
            return FALSE;
    }
  return TRUE;
}

/**
 * _vv_export_comment_line:
 * @comment: a comment
 *
 * Returns: (transfer full): "Author (YYYY-MM-DD HH:MM): text", the form the
 *   bilingual documents use and the round trip reads back
 */
char *
_vv_export_comment_line (const VvComment *comment)
{
  g_autofree char *when = comment->time ? g_date_time_format (comment->time, "%Y-%m-%d %H:%M") : NULL;

  return g_strdup_printf ("%s (%s)%s: %s", comment->author ? comment->author : "",
                          when ? when : "", comment->resolved ? " ✓" : "", comment->text);
}

/**
 * _vv_export_language_tag:
 * @language: a language code such as "fr", "en_GB" or "pt-br"
 *
 * Returns: (transfer full): a BCP 47 tag ("fr", "en-GB", "pt-BR")
 */
char *
_vv_export_language_tag (const char *language)
{
  g_auto(GStrv) parts = g_strsplit_set (language && *language ? language : "und", "-_", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i == 0)
        {
          char *lower = g_ascii_strdown (parts[i], -1);
          g_free (parts[i]);
          parts[i] = lower;
        }
      else if (strlen (parts[i]) == 2)
        {
          char *upper = g_ascii_strup (parts[i], -1);
          g_free (parts[i]);
          parts[i] = upper;
        }
    }
  return g_strjoinv ("-", parts);
}

char *
_vv_export_format_date (GDateTime  *time,
                        const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, format);
}

/* The first history entry dates the translation; the document's creation
 * time stands in when there is no history */
GDateTime *
_vv_export_segment_created (VvSegment  *segment,
                            VvDocument *document)
{
  if (vv_segment_get_n_history (segment) > 0 && vv_segment_get_history (segment, 0)->time != NULL)
    return vv_segment_get_history (segment, 0)->time;
  return vv_document_get_created (document);
}

GDateTime *
_vv_export_segment_changed (VvSegment  *segment,
                            VvDocument *document)
{
  guint n = vv_segment_get_n_history (segment);

  if (n > 0 && vv_segment_get_history (segment, n - 1)->time != NULL)
    return vv_segment_get_history (segment, n - 1)->time;
  return vv_document_get_changed (document);
}

const char *
_vv_export_segment_author (VvSegment *segment)
{
  guint n = vv_segment_get_n_history (segment);

  for (guint i = n; i > 0; i--)
    {
      const char *author = vv_segment_get_history (segment, i - 1)->author;
      if (author != NULL && *author != '\0')
        return author;
    }
  return NULL;
}

/* ZIP writer. The XML parts are streamed from libxml2's writer into the
 * deflating ZIP member; only the compressed container is held in memory,
 * then copied to the output stream. */
struct _VvZipWriter
{
  GsfOutput   *sink;
  GsfOutfile  *zip;
  GHashTable  *dirs;      /* path → GsfOutfile* */
  GDateTime   *modtime;
  GsfOutput   *member;
  xmlTextWriterPtr writer;
  gboolean     failed;
};

VvZipWriter *
_vv_zip_writer_new (GError **error)
{
  VvZipWriter *self = g_new0 (VvZipWriter, 1);

  self->sink = gsf_output_memory_new ();
  self->zip = gsf_outfile_zip_new (self->sink, error);
  if (self->zip == NULL)
    {
      _vv_zip_writer_free (self);
      return NULL;
    }
  self->dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->modtime = g_date_time_new_utc (VV_EXPORT_ZIP_YEAR, 1, 1, 0, 0, 0);
  return self;
}

static GsfOutfile *
get_dir (VvZipWriter *self,
         const char  *dir)
{
  GsfOutfile *outfile;
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;
  GsfOutfile *parent_dir;

  if (dir == NULL || *dir == '\0' || g_str_equal (dir, "."))
    return self->zip;

  outfile = g_hash_table_lookup (self->dirs, dir);
  if (outfile != NULL)
    return outfile;

  parent = g_path_get_dirname (dir);
  base = g_path_get_basename (dir);
  parent_dir = get_dir (self, parent);
  outfile = GSF_OUTFILE (gsf_outfile_new_child_full (parent_dir, base, TRUE,
                                                     "modtime", self->modtime, NULL));
  g_hash_table_insert (self->dirs, g_strdup (dir), outfile);
  return outfile;
}

static GsfOutput *
new_member (VvZipWriter *self,
            const char  *name,
            gboolean     compress)
{
  g_autofree char *dir = g_path_get_dirname (name);
  g_autofree char *base = g_path_get_basename (name);

  return gsf_outfile_new_child_full (get_dir (self, dir), base, FALSE,
                                     "compression-level", compress ? GSF_ZIP_DEFLATED : GSF_ZIP_STORED,
                                     "modtime", self->modtime,
                                     NULL);
}

gboolean
_vv_zip_writer_add_bytes (VvZipWriter *self,
                          const char  *name,
                          gboolean     compress,
                          const char  *data,
                          gsize        length)
{
  GsfOutput *member = new_member (self, name, compress);

  if (member == NULL ||
      !gsf_output_write (member, length, (const guint8 *)data) ||
      !gsf_output_close (member))
    self->failed = TRUE;
  g_clear_object (&member);
  return !self->failed;
}

static int
member_write_cb (void       *context,
                 const char *buffer,
                 int         len)
{
  VvZipWriter *self = context;

  if (self->failed || !gsf_output_write (self->member, len, (const guint8 *)buffer))
    {
      self->failed = TRUE;
      return -1;
    }
  return len;
}

static int
member_close_cb (void *context)
{
  return 0;
}

/* Returns a writer for a new XML member; end it with _vv_zip_writer_end_xml() */
xmlTextWriterPtr
_vv_zip_writer_begin_xml (VvZipWriter *self,
                          const char  *name)
{
  xmlOutputBufferPtr buffer;

  g_return_val_if_fail (self->member == NULL, NULL);

  self->member = new_member (self, name, TRUE);
  buffer = xmlOutputBufferCreateIO (member_write_cb, member_close_cb, self, NULL);
  self->writer = xmlNewTextWriter (buffer);
  xmlTextWriterSetIndent (self->writer, 0);
  if (xmlTextWriterStartDocument (self->writer, "1.0", "UTF-8", "yes") < 0)
    self->failed = TRUE;
  return self->writer;
}

gboolean
_vv_zip_writer_end_xml (VvZipWriter *self)
{
  if (xmlTextWriterEndDocument (self->writer) < 0)
    self->failed = TRUE;
  xmlTextWriterFlush (self->writer);
  xmlFreeTextWriter (self->writer);
  self->writer = NULL;
  if (!gsf_output_close (self->member))
    self->failed = TRUE;
  g_clear_object (&self->member);
  return !self->failed;
}

static int
compare_dirs (const void *a,
              const void *b)
{
  return -strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The end of a ZIP exporter: @ok says whether writing the parts
 * succeeded; reports cancellation, or a failure naming @format_name, or
 * copies the container to @stream */
gboolean
_vv_zip_writer_finish (VvZipWriter   *self,
                       gboolean       ok,
                       const char    *format_name,
                       GOutputStream *stream,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree gpointer *dirs = NULL;
  guint n_dirs;
  const guint8 *data;
  gsf_off_t size;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!ok)
    {
      g_set_error (error, VV_EXPORT_ERROR, VV_EXPORT_ERROR_FAILED, _("Could not write the %s export"), format_name);
      return FALSE;
    }

  /* Directories close, deepest first and in a fixed order, before the
   * archive writes its central directory */
  dirs = g_hash_table_get_keys_as_array (self->dirs, &n_dirs);
  qsort (dirs, n_dirs, sizeof (gpointer), compare_dirs);
  for (guint i = 0; i < n_dirs; i++)
    {
      GsfOutput *dir = g_hash_table_lookup (self->dirs, dirs[i]);
      if (!gsf_output_is_closed (dir))
        gsf_output_close (dir);
    }

  if (self->failed || !gsf_output_close (GSF_OUTPUT (self->zip)))
    {
      const GError *gsf_error = gsf_output_error (GSF_OUTPUT (self->zip));

      g_set_error (error, VV_EXPORT_ERROR, VV_EXPORT_ERROR_FAILED,
                   _("Could not write the ZIP container: %s"),
                   gsf_error ? gsf_error->message : _("write error"));
      return FALSE;
    }

  data = gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (self->sink));
  size = gsf_output_size (self->sink);
  return g_output_stream_write_all (stream, data, size, NULL, cancellable, error);
}

void
_vv_zip_writer_free (VvZipWriter *self)
{
  if (self == NULL)
    return;
  if (self->writer != NULL)
    xmlFreeTextWriter (self->writer);
  g_clear_object (&self->member);
  g_clear_pointer (&self->dirs, g_hash_table_unref);
  if (self->zip != NULL && !gsf_output_is_closed (GSF_OUTPUT (self->zip)))
    gsf_output_close (GSF_OUTPUT (self->zip));
  g_clear_object (&self->zip);
  g_clear_object (&self->sink);
  g_clear_pointer (&self->modtime, g_date_time_unref);
  g_free (self);
}

/**
 * _vv_export_block_included:
 * @block: a #VvBlock
 * @options: export options
 *
 * Returns: whether a monolingual export writes @block
 */
gboolean
_vv_export_block_included (VvBlock               *block,
                           const VvExportOptions *options)
{
  return vv_block_get_n_segments (block) > 0 &&
         vv_export_segment_included (vv_block_get_segment (block, 0), options);
}

/**
 * _vv_export_block_text:
 * @block: a #VvBlock
 * @options: export options
 *
 * The translated text of a block for the monolingual formats: its segments'
 * targets joined by spaces; a segment without a (approved, if asked)
 * target keeps its source, so the article stays complete.
 *
 * Returns: (transfer full): the text
 */
char *
_vv_export_block_text (VvBlock               *block,
                       const VvExportOptions *options)
{
  GString *text = g_string_new (NULL);

  for (guint s = 0; s < vv_block_get_n_segments (block); s++)
    {
      VvSegment *segment = vv_block_get_segment (block, s);
      const char *target = _vv_export_target (segment, options);

      if (*target == '\0')
        target = vv_segment_get_source (segment);
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, target);
    }
  return g_string_free (text, FALSE);
}

static int
start_va (xmlTextWriterPtr  w,
          const char       *name,
          va_list           args)
{
  const char *attr;

  if (xmlTextWriterStartElement (w, BAD_CAST name) < 0)
    return -1;
  while ((attr = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      if (xmlTextWriterWriteAttribute (w, BAD_CAST attr, BAD_CAST value) < 0)
        return -1;
    }
  return 0;
}

int
_vv_xml_start (xmlTextWriterPtr  w,
               const char       *name,
               ...)
{
  va_list args;
  int ret;

  va_start (args, name);
  ret = start_va (w, name, args);
  va_end (args);
  return ret;
}

int
_vv_xml_empty (xmlTextWriterPtr  w,
               const char       *name,
               ...)
{
  va_list args;
  int ret;

  va_start (args, name);
  ret = start_va (w, name, args);
  va_end (args);
  if (ret < 0)
    return ret;
  return xmlTextWriterEndElement (w);
}
