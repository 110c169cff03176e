/* test-layout.c: narrow layout of the rows, window state kept in the settings
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "vv-panes-layout.h"
#include "vv-preferences-window.h"
#include "vv-project.h"
#include "vv-settings.h"
#include "vv-test-utils.h"
#include "vv-ui-test-utils.h"
#include "vv-window-private.h"

static const char article[] =
  "Le tramway entre en service\n"
  "\n"
  "La première rame de la ligne C a quitté le dépôt des Tanneries à 05h30 ce "
  "mercredi, sous les applaudissements d'une cinquantaine d'agents réunis sur le quai.\n";

typedef struct
{
  VvWindow     *window;
  VvSegmentRow *row;
  GtkWidget    *source;
  GtkWidget    *target;   /* the box holding the target text and its button */
} RowWindow;

/* The main window, @width pixels wide, showing @document; picks the row of
 * the segment at position 1. */
static void
row_window_open (RowWindow  *rw,
                 VvDocument *document,
                 int         width)
{
  GtkWidget *panes;

  rw->window = vv_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (rw->window), width, 900);
  vv_window_set_document (rw->window, document, NULL);
  gtk_window_present (GTK_WINDOW (rw->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (rw->window));
  vv_ui_test_flush ();
  /* A few frames for the text views to validate their text. */
  for (int i = 0; i < 5; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (rw->window));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (rw->window));
      vv_ui_test_flush ();
    }

  rw->row = g_hash_table_lookup (rw->window->bound_rows,
                                 vv_document_get_segment (document, 1));
  g_assert_nonnull (rw->row);
  rw->target = gtk_widget_get_parent (GTK_WIDGET (vv_segment_row_get_target_view (rw->row)));
  panes = gtk_widget_get_parent (rw->target);
  g_assert_true (VV_IS_PANES_LAYOUT (gtk_widget_get_layout_manager (panes)));
  rw->source = gtk_widget_get_first_child (panes);
  g_assert_true (GTK_IS_LABEL (rw->source));
}

static void
row_window_close (RowWindow *rw)
{
  gtk_window_destroy (GTK_WINDOW (rw->window));
  vv_ui_test_flush ();
}

static graphene_rect_t
bounds_in_row (RowWindow *rw,
               GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (rw->row), &bounds));
  return bounds;
}

/* The source and target panes' bounds in the row, logged. */
static void
pane_bounds (RowWindow       *rw,
             const char      *what,
             graphene_rect_t *source,
             graphene_rect_t *target)
{
  *source = bounds_in_row (rw, rw->source);
  *target = bounds_in_row (rw, rw->target);
  g_test_message ("%s: source %.0f,%.0f %.0fx%.0f target %.0f,%.0f %.0fx%.0f", what,
                  source->origin.x, source->origin.y, source->size.width, source->size.height,
                  target->origin.x, target->origin.y, target->size.width, target->size.height);
}

/* Wide: source left of target, tops aligned, equal widths.
 * Narrow (a 700 px window): source above target, both full width. */
static void
test_panes_wide_and_narrow (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (article);
  RowWindow wide = { 0 }, narrow = { 0 };
  graphene_rect_t source, target;
  int wide_height, narrow_height;

  vv_segment_set_target (vv_document_get_segment (document, 1),
                         "The first line C tram left the Tanneries depot at 5.30 am on Wednesday, "
                         "to the applause of some fifty staff gathered on the platform.");
  row_window_open (&wide, document, 1400);
  pane_bounds (&wide, "wide", &source, &target);
  g_assert_cmpfloat (target.origin.x, >=, source.origin.x + source.size.width);
  g_assert_cmpfloat_with_epsilon (target.origin.y, source.origin.y, 1.0);
  g_assert_cmpfloat_with_epsilon (target.size.width, source.size.width, 2.0);
  g_assert_cmpfloat (source.size.width, >, 500);
  wide_height = gtk_widget_get_height (GTK_WIDGET (wide.row));

  row_window_open (&narrow, document, 700);
  pane_bounds (&narrow, "narrow", &source, &target);
  g_assert_cmpfloat (target.origin.y, >=, source.origin.y + source.size.height);
  g_assert_cmpfloat_with_epsilon (target.origin.x, source.origin.x, 1.0);
  g_assert_cmpfloat_with_epsilon (target.size.width, source.size.width, 1.0);
  g_assert_cmpfloat (source.size.width, >, 500);
  narrow_height = gtk_widget_get_height (GTK_WIDGET (narrow.row));
  g_assert_cmpfloat (target.size.height, >=, 10);
  /* ...and as tall as its text: the layout converged. */
  {
    int min, nat;

    gtk_widget_measure (narrow.target, GTK_ORIENTATION_VERTICAL, (int) target.size.width,
                        &min, &nat, NULL, NULL);
    g_assert_cmpint ((int) target.size.height, ==, nat);
  }
  narrow_height = gtk_widget_get_height (GTK_WIDGET (narrow.row));

  /* The stacked row asks for the height of both panes. */
  g_assert_cmpint (narrow_height, >, wide_height);
  g_assert_cmpint (narrow_height, >=, (int) (target.origin.y + target.size.height));

  row_window_close (&wide);
  row_window_close (&narrow);
}

/* The window fits a 700-pixel-wide screen: its minimum width, header bar
 * and (hidden) find bar included, is at most 700 px with a document open. */
static void
test_window_minimum_width (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (article);
  VvWindow *window = vv_window_new (NULL);
  GtkWidget *header = vv_ui_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  int min, nat, header_min;

  vv_window_set_document (window, document, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 900);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  vv_ui_test_flush ();

  gtk_widget_measure (header, GTK_ORIENTATION_HORIZONTAL, -1, &header_min, &nat, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_test_message ("minimum width: window %d, header bar %d; allocated %d", min, header_min,
                  gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (min, <=, 700);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 700);

  vv_document_set_dirty (document, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  vv_ui_test_flush ();
}

/* Right at the threshold the layout flips, not before. */
static void
test_panes_threshold (void)
{
  g_autoptr(GtkLayoutManager) layout = vv_panes_layout_new ();

  g_assert_true (vv_panes_layout_is_stacked_at (VV_PANES_LAYOUT (layout),
                                                VV_PANES_LAYOUT_DEFAULT_THRESHOLD - 1));
  g_assert_false (vv_panes_layout_is_stacked_at (VV_PANES_LAYOUT (layout),
                                                 VV_PANES_LAYOUT_DEFAULT_THRESHOLD));
  vv_panes_layout_set_threshold (VV_PANES_LAYOUT (layout), 300);
  g_assert_false (vv_panes_layout_is_stacked_at (VV_PANES_LAYOUT (layout), 400));
}

/* Closing a window writes its size to GSettings; the next window opens
 * at that size. */
static void
test_window_state_saved (void)
{
  VvSettings *settings = vv_settings_get_default ();
  GSettings *gsettings = vv_settings_get_gsettings (settings);
  VvWindow *window;
  int width = 0, height = 0;

  g_settings_set_int (gsettings, "window-width", 1000);
  g_settings_set_int (gsettings, "window-height", 700);
  g_settings_set_boolean (gsettings, "window-maximized", FALSE);

  window = vv_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  gtk_window_set_default_size (GTK_WINDOW (window), 913, 651);
  vv_ui_test_flush ();
  gtk_window_close (GTK_WINDOW (window));
  vv_ui_test_flush ();

  g_assert_cmpint (g_settings_get_int (gsettings, "window-width"), ==, 913);
  g_assert_cmpint (g_settings_get_int (gsettings, "window-height"), ==, 651);
  g_assert_false (g_settings_get_boolean (gsettings, "window-maximized"));

  window = vv_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 913);
  g_assert_cmpint (height, ==, 651);
  gtk_window_destroy (GTK_WINDOW (window));
  vv_ui_test_flush ();
}

/* The settings object follows GSettings for the keys issue 9 lists. */
static void
test_settings_keys (void)
{
  VvSettings *settings = vv_settings_get_default ();
  GSettings *gsettings = vv_settings_get_gsettings (settings);
  const char *providers[] = { "deepl", "apertium", NULL };

  g_settings_set_uint (gsettings, "autosave-interval", 30);
  g_assert_cmpuint (vv_settings_get_autosave_interval (settings), ==, 30);
  g_settings_set_strv (gsettings, "mt-providers", providers);
  g_assert_cmpstrv (vv_settings_get_mt_providers (settings), providers);
  g_settings_set_enum (gsettings, "color-scheme", 2);
  g_assert_cmpstr (vv_settings_get_color_scheme (settings), ==, "dark");

  g_object_set (settings, "color-scheme", "light", "autosave-interval", 5, NULL);
  g_assert_cmpstr (g_settings_get_string (gsettings, "color-scheme"), ==, "light");
  g_assert_cmpuint (g_settings_get_uint (gsettings, "autosave-interval"), ==, 5);

  g_settings_reset (gsettings, "color-scheme");
  g_settings_reset (gsettings, "autosave-interval");
  g_settings_reset (gsettings, "mt-providers");
  g_assert_cmpstr (vv_settings_get_color_scheme (settings), ==, "default");
}

/* Preferences: the Style row and the color-scheme key follow each other. */
static void
test_preferences_style (void)
{
  VvSettings *settings = vv_settings_get_default ();
  GSettings *gsettings = vv_settings_get_gsettings (settings);
  GtkWidget *preferences = vv_preferences_window_new (NULL);
  AdwComboRow *style_row;

  gtk_window_present (GTK_WINDOW (preferences));
  gtk_test_widget_wait_for_draw (preferences);
  style_row = ADW_COMBO_ROW (vv_ui_test_find_descendant (preferences, ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (style_row);
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 0);

  adw_combo_row_set_selected (style_row, 2);
  g_assert_cmpstr (g_settings_get_string (gsettings, "color-scheme"), ==, "dark");
  g_settings_set_string (gsettings, "color-scheme", "light");
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 1);

  gtk_window_destroy (GTK_WINDOW (preferences));
  vv_ui_test_flush ();
  g_settings_reset (gsettings, "color-scheme");
}

/* Every target shown is as tall as its text.  The sample project at the
 * default window width has targets of two lines beside sources of three:
 * the target box is then already as tall as the row, and GTK 4.8 skipped
 * allocating the text view again once it had validated its text, leaving
 * it one line high with its second line cut off. */
static void
test_targets_as_tall_as_their_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "sample-article.visavis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VvDocument) document = vv_project_load (file, NULL, &error);
  RowWindow rw = { 0 };
  GHashTableIter iter;
  gpointer value;
  guint checked = 0, wrapped = 0;

  g_assert_no_error (error);
  if (document == NULL)
    g_error ("no sample project");
  for (int width = 1200; width >= 1000; width -= 200)
    {
      row_window_open (&rw, document, width);
      g_hash_table_iter_init (&iter, rw.window->bound_rows);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          GtkWidget *view = GTK_WIDGET (vv_segment_row_get_target_view (value));
          GtkAllocation allocation;
          int min, nat, height;

          /* the allocation holds CSS margin, border and padding, as the
           * measured size does; gtk_widget_get_height() would not */
          gtk_widget_get_allocation (view, &allocation);
          height = allocation.height;

          if (!gtk_widget_get_mapped (view) || gtk_widget_get_width (view) == 0)
            continue;
          gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view),
                              &min, &nat, NULL, NULL);
          if (height < nat)
            g_test_message ("width %d: target of segment %u is %d px high, its text %d px (box %d px, row %d px)",
                            width, vv_segment_get_id (vv_segment_row_get_segment (value)), height, nat,
                            gtk_widget_get_height (gtk_widget_get_parent (view)),
                            gtk_widget_get_height (GTK_WIDGET (value)));
          g_assert_cmpint (height, >=, nat);
          checked++;
          if (nat > 36)
            wrapped++;
        }
      row_window_close (&rw);
    }
  g_test_message ("%u targets checked, %u of them wrapped", checked, wrapped);
  g_assert_cmpuint (checked, >, 20);
  g_assert_cmpuint (wrapped, >, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  if (!vv_ui_test_init (&argc, &argv))
    return 0;

  /* The application's style sheet, as AdwApplication loads it from the
   * resource base path: the target's minimum height comes from it. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/visavis/Visavis/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/ui/layout/panes-wide-and-narrow", test_panes_wide_and_narrow);
  g_test_add_func ("/ui/layout/panes-threshold", test_panes_threshold);
  g_test_add_func ("/ui/layout/targets-as-tall-as-their-text", test_targets_as_tall_as_their_text);
  g_test_add_func ("/ui/layout/window-minimum-width", test_window_minimum_width);
  g_test_add_func ("/ui/layout/window-state-saved", test_window_state_saved);
  g_test_add_func ("/ui/layout/settings-keys", test_settings_keys);
  g_test_add_func ("/ui/layout/preferences-style", test_preferences_style);

  return g_test_run ();
}
