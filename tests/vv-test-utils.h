/* vv-test-utils.h
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vv-core.h"

G_BEGIN_DECLS

void        vv_test_init             (int          *argc,
                                      char       ***argv);
char       *vv_test_shared_path      (const char   *first_element,
                                      ...) G_GNUC_NULL_TERMINATED;
char       *vv_test_make_tmpdir      (void);
void        vv_test_rm_rf            (const char   *path);
VvDocument *vv_test_document_from_text (const char *text);
int         vv_test_run_cli          (const char  *stdin_text,
                                      char       **out,
                                      char       **err,
                                      const char  *first_arg,
                                      ...) G_GNUC_NULL_TERMINATED;
char       *vv_test_document_shape   (VvDocument   *document);
const char *vv_test_block_text       (VvDocument   *document,
                                      guint         index);
VvDocument *vv_test_import_data_file (const char   *first_element,
                                      ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
