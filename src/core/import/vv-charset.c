/* vv-charset.c: character set detection and decoding of web pages
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Order of precedence, as browsers do: a byte order mark, the charset of
 * the HTTP Content-Type header, a <meta> declaration in the first
 * kilobytes, and without any label UTF-8 if the bytes are valid UTF-8,
 * Windows-1252 otherwise. Labels follow the WHATWG Encoding standard's
 * aliases for the common cases (ISO-8859-1 and ASCII mean Windows-1252).
 */

#include "config.h"

#include <string.h>

#include "vv-charset.h"

#define META_SNIFF_BYTES 4096

/* Windows-1252 0x80–0x9F; undefined bytes map to the C1 control, as WHATWG */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static char *
decode_cp1252 (const char *data,
               gsize       size,
               gsize      *length_out)
{
  GString *out = g_string_sized_new (size + size / 8);

  for (gsize i = 0; i < size; i++)
    {
      guchar c = data[i];

      if (c < 0x80)
        g_string_append_c (out, c);
      else if (c < 0xA0)
        g_string_append_unichar (out, cp1252_high[c - 0x80]);
      else
        g_string_append_unichar (out, c);
    }
  *length_out = out->len;
  return g_string_free (out, FALSE);
}

static char *
make_valid_utf8 (const char *data,
                 gsize       size,
                 gsize      *length_out)
{
  char *valid;

  if (g_utf8_validate_len (data, size, NULL))
    valid = g_strndup (data, size);
  else
    valid = g_utf8_make_valid (data, size);
  *length_out = strlen (valid);
  return valid;
}

/**
 * vv_charset_canonical:
 * @label: a charset label from a header or a page
 *
 * Returns: (nullable): the iconv name for @label, or %NULL when it is not a
 *   character set this machine can decode
 */
const char *
vv_charset_canonical (const char *label)
{
  static const struct { const char *label; const char *name; } aliases[] = {
    { "utf-8", "UTF-8" }, { "utf8", "UTF-8" }, { "unicode-1-1-utf-8", "UTF-8" },
    { "iso-8859-1", "WINDOWS-1252" }, { "iso8859-1", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" },
    { "l1", "WINDOWS-1252" }, { "us-ascii", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" },
    { "windows-1252", "WINDOWS-1252" }, { "cp1252", "WINDOWS-1252" }, { "x-cp1252", "WINDOWS-1252" },
    { "iso-8859-15", "ISO-8859-15" }, { "latin9", "ISO-8859-15" }, { "utf-16", "UTF-16LE" },
    { "utf-16le", "UTF-16LE" }, { "utf-16be", "UTF-16BE" },
  };
  g_autofree char *lower = NULL;
  GIConv probe;

  if (label == NULL)
    return NULL;
  lower = g_ascii_strdown (label, -1);
  g_strstrip (lower);
  if (*lower == '\0')
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_str_equal (lower, aliases[i].label))
      return aliases[i].name;

  probe = g_iconv_open ("UTF-8", lower);
  if (probe == (GIConv)-1)
    return NULL;
  g_iconv_close (probe);
  return g_intern_string (lower);
}

/* Finds charset=VALUE in @text; returns the value or NULL */
static char *
charset_parameter (const char *text,
                   gsize       size)
{
  for (gsize i = 0; i + 8 <= size; i++)
    {
      if (g_ascii_strncasecmp (text + i, "charset", 7) == 0)
        {
          gsize j = i + 7;
          gsize start;

          while (j < size && g_ascii_isspace (text[j]))
            j++;
          if (j >= size || text[j] != '=')
            continue;
          j++;
          while (j < size && (g_ascii_isspace (text[j]) || text[j] == '"' || text[j] == '\''))
            j++;
          start = j;
          while (j < size && (g_ascii_isalnum (text[j]) || text[j] == '-' || text[j] == '_'
                              || text[j] == ':' || text[j] == '.'))
            j++;
          if (j > start)
            return g_strndup (text + start, j - start);
        }
    }
  return NULL;
}

/**
 * vv_charset_from_content_type:
 * @content_type: (nullable): a Content-Type header value
 *
 * Returns: (transfer full) (nullable): its charset parameter
 */
char *
vv_charset_from_content_type (const char *content_type)
{
  const char *semicolon;

  if (content_type == NULL || (semicolon = strchr (content_type, ';')) == NULL)
    return NULL;
  return charset_parameter (semicolon, strlen (semicolon));
}

/**
 * vv_charset_sniff_meta:
 * @data: the start of a page
 * @size: its size
 *
 * Looks for `<meta charset=…>` or `<meta http-equiv="Content-Type"
 * content="…; charset=…">` in the first kilobytes.
 *
 * Returns: (transfer full) (nullable): the declared label
 */
char *
vv_charset_sniff_meta (const char *data,
                       gsize       size)
{
  gsize limit = MIN (size, META_SNIFF_BYTES);

  for (gsize i = 0; i + 5 < limit; i++)
    {
      if (data[i] == '<' && g_ascii_strncasecmp (data + i + 1, "meta", 4) == 0
          && (g_ascii_isspace (data[i + 5]) || data[i + 5] == '/'))
        {
          const char *end = memchr (data + i, '>', limit - i);
          char *label;

          if (end == NULL)
            break;
          label = charset_parameter (data + i, end - (data + i));
          if (label != NULL)
            return label;
          i = end - data;
        }
      else if (data[i] == '<' && i + 4 < limit && g_ascii_strncasecmp (data + i + 1, "!--", 3) == 0)
        {
          const char *end = g_strstr_len (data + i + 4, limit - i - 4, "-->");

          if (end == NULL)
            break;
          i = end - data;
        }
    }
  return NULL;
}

/**
 * vv_charset_decode_html:
 * @data: the page's bytes
 * @size: their number
 * @http_content_type: (nullable): the server's Content-Type header
 * @charset_out: (out) (optional): the character set used
 * @source_out: (out) (optional): where it came from
 * @length_out: (out) (optional): the length of the result in bytes
 *
 * Decodes a page to UTF-8. Never fails: bytes that are invalid in the
 * chosen character set become U+FFFD.
 *
 * Returns: (transfer full): the page as UTF-8
 */
char *
vv_charset_decode_html (const char       *data,
                        gsize             size,
                        const char       *http_content_type,
                        char            **charset_out,
                        VvCharsetSource  *source_out,
                        gsize            *length_out)
{
  VvCharsetSource source = VV_CHARSET_SOURCE_GUESS;
  const char *charset = NULL;
  gsize skip = 0;
  gsize length = 0;
  char *result = NULL;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    charset = "UTF-8", skip = 3, source = VV_CHARSET_SOURCE_BOM;
  else if (size >= 2 && (guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE)
    charset = "UTF-16LE", skip = 2, source = VV_CHARSET_SOURCE_BOM;
  else if (size >= 2 && (guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF)
    charset = "UTF-16BE", skip = 2, source = VV_CHARSET_SOURCE_BOM;

  if (charset == NULL)
    {
      g_autofree char *label = vv_charset_from_content_type (http_content_type);

      if ((charset = vv_charset_canonical (label)) != NULL)
        source = VV_CHARSET_SOURCE_HTTP;
    }
  if (charset == NULL)
    {
      g_autofree char *label = vv_charset_sniff_meta (data, size);

      charset = vv_charset_canonical (label);
      /* a page that is decoded already cannot declare UTF-16 */
      if (charset != NULL && g_str_has_prefix (charset, "UTF-16"))
        charset = "UTF-8";
      if (charset != NULL)
        source = VV_CHARSET_SOURCE_META;
    }
  if (charset == NULL)
    charset = g_utf8_validate_len (data, size, NULL) ? "UTF-8" : "WINDOWS-1252";

  data += skip;
  size -= skip;

  if (g_str_equal (charset, "UTF-8"))
    result = make_valid_utf8 (data, size, &length);
  else if (g_str_equal (charset, "WINDOWS-1252"))
    result = decode_cp1252 (data, size, &length);
  else
    {
      gsize written = 0;
      g_autofree char *converted = g_convert_with_fallback (data, size, "UTF-8", charset, "\xEF\xBF\xBD",
                                                            NULL, &written, NULL);

      if (converted != NULL)
        result = make_valid_utf8 (converted, written, &length);
      else
        {
          /* invalid input for the declared charset: fall back */
          charset = "WINDOWS-1252";
          result = decode_cp1252 (data, size, &length);
        }
    }

  /* libxml2 stops at NUL characters */
  for (gsize i = 0; i < length; i++)
    if (result[i] == '\0')
      result[i] = ' ';

  if (charset_out != NULL)
    *charset_out = g_strdup (charset);
  if (source_out != NULL)
    *source_out = source;
  if (length_out != NULL)
    *length_out = length;
  return result;
}
