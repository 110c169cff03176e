/* test-segmentation.c: Preferences → Segmentation and the rule tester
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "vv-segmentation-page.h"
#include "vv-segmentation-tester.h"
#include "vv-settings.h"
#include "vv-test-utils.h"
#include "vv-ui-test-utils.h"

static guint
count_rows (GtkListBox *list,
            const char *css_class)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (css_class == NULL || gtk_widget_has_css_class (child, css_class))
      n++;
  return n;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_n_segments (gpointer data)
{
  return vv_segmentation_tester_get_n_segments (data) == 3;
}

static void
test_tester_live (void)
{
  g_autoptr(VvSegmenter) segmenter = vv_segmenter_new ("fr");
  GtkWidget *tester = vv_segmentation_tester_new (NULL, segmenter);
  VvSegmentationTester *self = VV_SEGMENTATION_TESTER (tester);
  GtkListBox *list = vv_segmentation_tester_get_rule_list (self);
  GtkWidget *row;
  const char *subtitle;

  gtk_window_present (GTK_WINDOW (tester));
  vv_ui_test_flush ();

  /* "M." kept together by the titles rule, one break after "h." */
  vv_segmentation_tester_set_text (self, "M. Dupont arrive à 8 h. Il part.");
  g_assert_cmpuint (vv_segmentation_tester_get_n_segments (self), ==, 2);
  g_assert_cmpuint (count_rows (list, NULL), ==, 2);
  g_assert_cmpuint (count_rows (list, "segment-break"), ==, 1);
  g_assert_cmpuint (count_rows (list, "segment-no-break"), ==, 1);
  row = gtk_widget_get_first_child (GTK_WIDGET (list));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_nonnull (strstr (subtitle, "French"));
  g_assert_nonnull (strstr (subtitle, "titles"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "M.¦ Dupont"));

  /* typing re-segments on idle */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (tester, GTK_TYPE_TEXT_VIEW))),
                            "Un. Deux. Trois.", -1);
  g_assert_true (vv_ui_test_wait_until (has_n_segments, self));
  g_assert_cmpuint (vv_segmentation_tester_get_n_segments (self), ==, 3);
  g_assert_cmpuint (count_rows (list, "segment-break"), ==, 2);

  gtk_window_destroy (GTK_WINDOW (tester));
}

static void
test_page_custom_file (void)
{
  GSettings *settings = vv_settings_get_gsettings (vv_settings_get_default ());
  g_autofree char *srx = g_test_build_filename (G_TEST_DIST, "data", "segment", "custom.srx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VvSegmenter) segmenter = NULL;
  g_autoptr(VvSegmenter) builtin = vv_segmenter_new ("fr");
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = vv_segmentation_page_new ();

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
  vv_ui_test_flush ();

  g_settings_set_string (settings, "srx-file", srx);
  segmenter = vv_segmentation_make_segmenter (settings, "fr", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vv_segmenter_get_n_rules (segmenter), ==, 3);
  vv_ui_test_flush ();

  /* a broken file: no segmenter, an error naming the file */
  g_settings_set_string (settings, "srx-file", "/nonexistent/rules.srx");
  g_clear_object (&segmenter);
  segmenter = vv_segmentation_make_segmenter (settings, "fr", &error);
  g_assert_null (segmenter);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "rules.srx"));
  g_clear_error (&error);
  vv_ui_test_flush ();

  g_settings_reset (settings, "srx-file");
  segmenter = vv_segmentation_make_segmenter (settings, "fr", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vv_segmenter_get_source_name (segmenter), ==, vv_segmenter_get_source_name (builtin));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!vv_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/segmentation/tester-live", test_tester_live);
  g_test_add_func ("/ui/segmentation/page-custom-file", test_page_custom_file);

  return g_test_run ();
}
