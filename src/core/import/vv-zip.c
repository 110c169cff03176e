/* vv-zip.c
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>
#include <libxml/parser.h>

#include "vv-importer.h"
#include "vv-zip.h"

/* DOCX and ODT files are ZIP archives of XML. libgsf reads the archive;
 * this file adds what an importer of untrusted files needs around it:
 * clear messages for what is not a document (an old binary .doc, a
 * password-protected file, a truncated download), and limits on the
 * number of entries and on how large an entry may unpack. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)

struct _VvZip
{
  GBytes    *bytes;
  GsfInfile *infile;
  char      *display_name;
};

static const guint8 cfb_magic[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

static guint16
read_u16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
read_u32 (const guint8 *p)
{
  return (guint32)p[0] | ((guint32)p[1] << 8) | ((guint32)p[2] << 16) | ((guint32)p[3] << 24);
}

typedef struct
{
  gboolean found;        /* the central directory could be read */
  gboolean encrypted;    /* an entry has the "encrypted" flag */
  gboolean bad_offset;   /* an entry's local header is not where it says */
  gboolean bad_date;     /* an entry has an impossible date */
} Inspection;

static gboolean
dos_date_time_valid (guint16 date,
                     guint16 time)
{
  return g_date_valid_dmy (date & 0x1f, (date >> 5) & 0x0f, 1980 + (date >> 9)) &&
         (time >> 11) <= 23 && ((time >> 5) & 0x3f) <= 59 && (time & 0x1f) <= 29;
}

/* What libgsf does not check or say, read from the central directory:
 * encrypted entries (bit 0 of the flags), local headers that are not
 * where the directory says (libgsf only warns, entry by entry) and
 * impossible dates (libgsf then fails an assertion in GDateTime). When
 * there is no readable directory, libgsf reports the damage itself. */
static Inspection
inspect (const guint8 *data,
         gsize         size)
{
  Inspection result = { FALSE, FALSE, FALSE, FALSE };
  gsize eocd = G_MAXSIZE;
  gsize cd_offset, cd_size, pos;

  if (size < 22)
    return result;

  /* The end-of-central-directory record ends the file, after a comment
   * of at most 65535 bytes */
  for (gsize i = size - 22 + 1; i-- > 0 && size - i <= 22 + 65535;)
    if (read_u32 (data + i) == 0x06054b50)
      {
        eocd = i;
        break;
      }
  if (eocd == G_MAXSIZE)
    return result;

  cd_size = read_u32 (data + eocd + 12);
  cd_offset = read_u32 (data + eocd + 16);
  if (cd_offset > size || cd_size > size - cd_offset)
    return result;

  result.found = TRUE;
  for (pos = cd_offset; pos + 46 <= cd_offset + cd_size;)
    {
      const guint8 *entry = data + pos;
      gsize local = read_u32 (entry + 42);

      if (read_u32 (entry) != 0x02014b50)
        break;
      if (read_u16 (entry + 8) & 0x0001)
        result.encrypted = TRUE;
      if (!dos_date_time_valid (read_u16 (entry + 14), read_u16 (entry + 12)))
        result.bad_date = TRUE;
      if (size < 30 || local > size - 30 || read_u32 (data + local) != 0x04034b50)
        result.bad_offset = TRUE;
      pos += 46 + (gsize)read_u16 (entry + 28) + read_u16 (entry + 30) + read_u16 (entry + 32);
    }
  return result;
}

/* Finds or fixes impossible dates in every local and central header,
 * wherever libgsf might look: with @copy %NULL, says whether there is one;
 * otherwise sets them to 1980-01-01 00:00 in @copy */
static gboolean
fix_dates (const guint8 *data,
           guint8       *copy,
           gsize         size)
{
  gboolean found = FALSE;

  for (gsize pos = 0; pos + 30 <= size; pos++)
    {
      guint32 signature;
      gsize offset;

      if (data[pos] != 'P' || data[pos + 1] != 'K')
        continue;
      signature = read_u32 (data + pos);
      offset = signature == 0x02014b50 ? 12 : signature == 0x04034b50 ? 10 : 0;
      if (offset == 0 || dos_date_time_valid (read_u16 (data + pos + offset + 2), read_u16 (data + pos + offset)))
        continue;
      found = TRUE;
      if (copy == NULL)
        return TRUE;
      copy[pos + offset] = 0;
      copy[pos + offset + 1] = 0;
      copy[pos + offset + 2] = 0x21;
      copy[pos + offset + 3] = 0;
    }
  return found;
}

/* A copy of the archive with valid dates: they are not used, and libgsf
 * fails an assertion in GDateTime on impossible ones */
static GBytes *
with_valid_dates (const guint8 *data,
                  gsize         size)
{
  guint8 *copy = g_memdup2 (data, size);

  fix_dates (data, copy, size);
  return g_bytes_new_take (copy, size);
}

/* UTF-16LE "EncryptedPackage": the stream name of an encrypted OOXML file */
static gboolean
is_encrypted_ooxml (const guint8 *data,
                    gsize         size)
{
  static const char name[] = "EncryptedPackage";
  guint8 pattern[2 * (sizeof name - 1)];

  for (gsize i = 0; i < sizeof name - 1; i++)
    {
      pattern[2 * i] = (guint8)name[i];
      pattern[2 * i + 1] = 0;
    }
  for (gsize i = 0; size >= sizeof pattern && i <= size - sizeof pattern; i++)
    if (data[i] == pattern[0] && memcmp (data + i, pattern, sizeof pattern) == 0)
      return TRUE;
  return FALSE;
}

/* Counts entries, stopping early past the limit */
static guint
count_entries (GsfInfile *dir,
               guint      depth)
{
  int n = gsf_infile_num_children (dir);
  guint total = 0;

  if (n < 0)
    return 0;
  for (int i = 0; i < n && total <= VV_ZIP_MAX_ENTRIES; i++)
    {
      g_autoptr(GsfInput) child = gsf_infile_child_by_index (dir, i);

      total++;
      if (child != NULL && GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) > 0 &&
          depth < 32)
        total += count_entries (GSF_INFILE (child), depth + 1);
    }
  return total;
}

/**
 * vv_zip_open:
 * @bytes: the file's contents
 * @display_name: the file name, for messages
 * @format_name: what the file should be ("Word document"), for messages
 * @error: return location for an error
 *
 * Opens the ZIP container of an office document.
 *
 * Returns: (transfer full) (nullable): the archive
 */
VvZip *
vv_zip_open (GBytes      *bytes,
             const char  *display_name,
             const char  *format_name,
             GError     **error)
{
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) fixed = NULL;
  Inspection inspection;
  GsfInfile *infile;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  VvZip *zip;

  if (size == 0)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty: there is no text to translate"), display_name);
      return NULL;
    }

  if (size >= sizeof cfb_magic && memcmp (data, cfb_magic, sizeof cfb_magic) == 0)
    {
      if (is_encrypted_ooxml (data, size))
        g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_ENCRYPTED,
                     /* Translators: %s is a file name */
                     _("“%s” is protected by a password: open it in your word processor, "
                       "remove the password and save it again"), display_name);
      else
        g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_UNSUPPORTED,
                     _("“%s” is an old binary office document (such as Word 97–2003 .doc): "
                       "save it as .docx or .odt and open that"), display_name);
      return NULL;
    }

  if (size < 4 || memcmp (data, "PK", 2) != 0)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_FORMAT,
                   /* Translators: “file.docx” is not a Word document: … */
                   _("“%s” is not a %s: it is not a ZIP archive"), display_name, format_name);
      return NULL;
    }

  inspection = inspect (data, size);
  if (inspection.encrypted)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_ENCRYPTED,
                   _("“%s” is an encrypted ZIP archive: it cannot be read without its password"),
                   display_name);
      return NULL;
    }
  if (inspection.bad_offset)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_FORMAT,
                   _("“%s” is damaged: its ZIP directory points outside the file's entries"),
                   display_name);
      return NULL;
    }
  if (inspection.bad_date || fix_dates (data, NULL, size))
    {
      fixed = with_valid_dates (data, size);
      data = g_bytes_get_data (fixed, &size);
    }

  input = gsf_input_memory_new (data, size, FALSE);
  infile = gsf_infile_zip_new (input, &local_error);
  if (infile == NULL)
    {
      /* libgsf's message may quote bytes of the file */
      g_autofree char *reason = local_error != NULL ? g_utf8_make_valid (local_error->message, -1) : NULL;

      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_FORMAT,
                   _("“%s” is damaged or truncated: %s"), display_name,
                   reason != NULL ? reason : _("it is not a complete ZIP archive"));
      return NULL;
    }

  zip = g_new0 (VvZip, 1);
  /* The memory input reads from these bytes: keep them alive */
  zip->bytes = fixed != NULL ? g_steal_pointer (&fixed) : g_bytes_ref (bytes);
  zip->infile = infile;
  zip->display_name = g_strdup (display_name);

  if (count_entries (infile, 0) > VV_ZIP_MAX_ENTRIES)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” has more than %u entries: it is not a %s"),
                   display_name, VV_ZIP_MAX_ENTRIES, format_name);
      vv_zip_free (zip);
      return NULL;
    }

  return zip;
}

void
vv_zip_free (VvZip *zip)
{
  if (zip == NULL)
    return;
  g_clear_object (&zip->infile);
  g_clear_pointer (&zip->bytes, g_bytes_unref);
  g_free (zip->display_name);
  g_free (zip);
}

static GsfInput *
lookup (VvZip      *zip,
        const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);

  return gsf_infile_child_by_aname (zip->infile, (const char **)parts);
}

gboolean
vv_zip_has_entry (VvZip      *zip,
                  const char *path)
{
  g_autoptr(GsfInput) input = lookup (zip, path);

  return input != NULL;
}

/**
 * vv_zip_read:
 * @zip: an archive
 * @path: the entry, with '/' between folders
 * @error: return location for an error
 *
 * Unpacks one entry, refusing entries larger than %VV_ZIP_MAX_ENTRY_SIZE.
 *
 * Returns: (transfer full) (nullable): the entry's contents
 */
GBytes *
vv_zip_read (VvZip       *zip,
             const char  *path,
             GError     **error)
{
  g_autoptr(GsfInput) input = lookup (zip, path);
  gsf_off_t size;
  guint8 *buffer;

  /* Directories are infiles with children; files say -1 */
  if (input == NULL || (GSF_IS_INFILE (input) && gsf_infile_num_children (GSF_INFILE (input)) >= 0))
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_FORMAT,
                   _("“%s” has no %s: it is not a complete document"), zip->display_name, path);
      return NULL;
    }

  size = gsf_input_size (input);
  if (size < 0 || size > VV_ZIP_MAX_ENTRY_SIZE)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_TOO_LARGE,
                   /* Translators: “file.docx”: word/document.xml would unpack to 4000 MB, … */
                   _("“%s”: %s would unpack to %u MB, more than the %u MB limit"),
                   zip->display_name, path, (guint)MIN (size / (1024 * 1024), G_MAXUINT),
                   (guint)(VV_ZIP_MAX_ENTRY_SIZE / (1024 * 1024)));
      return NULL;
    }

  buffer = g_malloc (size + 1);
  if (size > 0 && gsf_input_read (input, size, buffer) == NULL)
    {
      g_free (buffer);
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_FORMAT,
                   _("“%s” is damaged: %s cannot be unpacked"), zip->display_name, path);
      return NULL;
    }
  buffer[size] = '\0';
  return g_bytes_new_take (buffer, size);
}

/**
 * vv_zip_read_xml:
 * @zip: an archive
 * @path: the entry
 * @error: return location for an error
 *
 * Unpacks and parses an XML entry, without network access or entity
 * substitution.
 *
 * Returns: (transfer full) (nullable): the XML document
 */
xmlDoc *
vv_zip_read_xml (VvZip       *zip,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = vv_zip_read (zip, path, error);
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  gsize size;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  if (size > G_MAXINT)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_TOO_LARGE,
                   _("“%s”: %s is too large"), zip->display_name, path);
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_FORMAT,
                   _("“%s”: out of memory reading %s"), zip->display_name, path);
      return NULL;
    }
  doc = xmlCtxtReadMemory (ctxt, data, (int)size, path, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *xml_error = xmlCtxtGetLastError (ctxt);
      /* libxml2 quotes the offending bytes, which need not be UTF-8 */
      g_autofree char *message = g_strstrip (g_utf8_make_valid (xml_error != NULL && xml_error->message != NULL
                                                                ? xml_error->message : "?", -1));

      g_set_error (error, VV_IMPORT_ERROR, VV_IMPORT_ERROR_FORMAT,
                   /* Translators: “file.docx”: word/document.xml, line 3: the XML error */
                   _("“%s” is damaged: %s, line %d: %s"), zip->display_name, path,
                   xml_error != NULL ? xml_error->line : 0, message);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  xmlFreeParserCtxt (ctxt);
  return doc;
}

static char *
find_dc_title (xmlNode *parent,
               guint    depth)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST "http://purl.org/dc/elements/1.1/") &&
          xmlStrEqual (node->name, BAD_CAST "title"))
        {
          xmlChar *content = xmlNodeGetContent (node);
          char *title = g_strdup ((const char *)content);

          xmlFree (content);
          return title;
        }
      if (depth > 0)
        {
          char *title = find_dc_title (node, depth - 1);

          if (title != NULL)
            return title;
        }
    }
  return NULL;
}

/**
 * vv_zip_read_dc_title:
 * @zip: an archive
 * @path: the metadata entry (docProps/core.xml, meta.xml)
 *
 * The Dublin Core title of an office document's metadata. The metadata is
 * optional: a missing or damaged entry gives %NULL, not an error.
 *
 * Returns: (transfer full) (nullable): the title
 */
char *
vv_zip_read_dc_title (VvZip      *zip,
                      const char *path)
{
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;
  xmlNode *root;
  char *title = NULL;

  if (!vv_zip_has_entry (zip, path))
    return NULL;
  doc = vv_zip_read_xml (zip, path, &error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (root != NULL)
    title = find_dc_title (root, 1);
  xmlFreeDoc (doc);
  return title;
}
