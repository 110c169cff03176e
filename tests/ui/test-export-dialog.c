/* test-export-dialog.c: the export dialog and the window's export actions
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "vv-export-dialog.h"
#include "vv-test-utils.h"
#include "vv-ui-test-utils.h"
#include "vv-window-private.h"

static VvDocument *
make_document (void)
{
  VvDocument *document = vv_test_document_from_text ("Le tramway arrive\n\nIl part à 05h30. Il est à l'heure.\n");
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");

  vv_segment_set_target (vv_document_get_segment (document, 0), "The tram arrives");
  vv_segment_commit (vv_document_get_segment (document, 0), VV_SEGMENT_STATE_APPROVED, "R");
  vv_segment_set_target (vv_document_get_segment (document, 1), "It leaves at 5:30.");
  vv_document_append_text_block (document, VV_BLOCK_KIND_BOILERPLATE, 0, "Partager.", segmenter);
  return document;
}

static void
on_exported_cb (VvExportDialog *dialog,
                GFile          *file,
                gpointer        user_data)
{
  *(GFile **)user_data = g_object_ref (file);
}

/* With VISAVIS_SCREENSHOT_DIR set, saves a PNG of @widget there, to look at */
static void
maybe_screenshot (GtkWidget  *widget,
                  const char *name)
{
  const char *dir = g_getenv ("VISAVIS_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  gtk_test_widget_wait_for_draw (widget);
  vv_ui_test_flush ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
  g_test_message ("screenshot: %s", path);
}

static void
test_options_and_export (void)
{
  g_autoptr(VvDocument) document = make_document ();
  VvExportDialog *dialog = vv_export_dialog_new (NULL, document);
  g_autofree char *dir = vv_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  VvExportOptions options;

  gtk_window_present (GTK_WINDOW (dialog));
  vv_ui_test_flush ();
  maybe_screenshot (GTK_WIDGET (dialog), "export-dialog.png");

  /* defaults: boilerplate out, comments and states in */
  vv_export_dialog_get_options (dialog, &options);
  g_assert_false (options.include_boilerplate);
  g_assert_true (options.include_comments);
  g_assert_true (options.include_states);
  g_assert_false (options.only_approved);

  /* the formats are those of the registry; comments/states only for bilingual ones */
  g_assert_true (vv_export_dialog_set_format (dialog, "md"));
  maybe_screenshot (GTK_WIDGET (dialog), "export-dialog-md.png");
  g_assert_cmpstr (vv_export_dialog_get_format (dialog)->id, ==, "md");
  g_assert_false (vv_export_dialog_set_format (dialog, "nonsense"));
  g_assert_true (vv_export_dialog_set_format (dialog, "csv"));

  options.include_boilerplate = TRUE;
  options.include_states = FALSE;
  options.include_comments = FALSE;
  options.only_approved = TRUE;
  vv_export_dialog_set_options (dialog, &options);

  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported_cb), &exported);
  g_assert_true (vv_export_dialog_export_to_file (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_nonnull (exported);
  g_assert_true (g_file_equal (exported, file));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
                   "id,source,target\r\n"
                   "1,Le tramway arrive,The tram arrives\r\n"
                   "2,Il part à 05h30.,\r\n"
                   "3,Il est à l'heure.,\r\n"
                   "4,Partager.,\r\n");

  gtk_window_destroy (GTK_WINDOW (dialog));
  vv_ui_test_flush ();
  vv_test_rm_rf (dir);
}

static VvExportDialog *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (VV_IS_EXPORT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return VV_EXPORT_DIALOG (window);
    }
  return NULL;
}

/* The export action (Ctrl+E) opens the dialog, which remembers the last format */
static void
test_window_actions (void)
{
  g_autoptr(VvDocument) document = make_document ();
  VvWindow *window = vv_window_new (NULL);
  VvExportDialog *dialog;

  vv_window_set_document (window, document, NULL);
  gtk_window_present (GTK_WINDOW (window));
  vv_ui_test_flush ();

  g_assert_null (find_export_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  vv_ui_test_flush ();
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (vv_export_dialog_set_format (dialog, "xliff20"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  vv_ui_test_flush ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  vv_ui_test_flush ();
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (vv_export_dialog_get_format (dialog)->id, ==, "xliff20");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  vv_ui_test_flush ();
}

int
main (int    argc,
      char **argv)
{
  if (!vv_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/export-dialog/options-and-export", test_options_and_export);
  g_test_add_func ("/export-dialog/window-actions", test_window_actions);
  return g_test_run ();
}
