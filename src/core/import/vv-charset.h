/* vv-charset.h: character set detection and decoding of web pages
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VvCharsetSource:
 * @VV_CHARSET_SOURCE_BOM: a byte order mark
 * @VV_CHARSET_SOURCE_HTTP: the HTTP Content-Type header
 * @VV_CHARSET_SOURCE_META: a `<meta charset>` or `http-equiv` in the page
 * @VV_CHARSET_SOURCE_GUESS: no label: valid UTF-8, else Windows-1252
 *
 * Where the character set of a page came from.
 */
typedef enum
{
  VV_CHARSET_SOURCE_BOM,
  VV_CHARSET_SOURCE_HTTP,
  VV_CHARSET_SOURCE_META,
  VV_CHARSET_SOURCE_GUESS,
} VvCharsetSource;

char       *vv_charset_from_content_type (const char       *content_type);
char       *vv_charset_sniff_meta        (const char       *data,
                                          gsize             size);
const char *vv_charset_canonical         (const char       *label);
char       *vv_charset_decode_html       (const char       *data,
                                          gsize             size,
                                          const char       *http_content_type,
                                          char            **charset_out,
                                          VvCharsetSource  *source_out,
                                          gsize            *length_out);

G_END_DECLS
