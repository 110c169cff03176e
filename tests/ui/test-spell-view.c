/* test-spell-view.c: misspelt words underlined in a target view, suggestion
 * from the context menu replaces the word (undoably), Ignore, checks wait
 * until typing pauses in every view, and a window whose rows get the
 * underline
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vv-spell-view.h"
#include "vv-test-utils.h"
#include "vv-ui-test-utils.h"

static gboolean
require_dictionary (void)
{
  g_autoptr(GError) error = NULL;

  if (vv_spell_view_get_checker ("en", &error) != NULL)
    return TRUE;
  if (g_strcmp0 (g_getenv ("VISAVIS_REQUIRE_SPELL"), "1") == 0)
    g_error ("VISAVIS_REQUIRE_SPELL=1 but %s", error ? error->message : "no checker");
  g_test_skip (error ? error->message : "no English dictionary");
  return FALSE;
}

/* The text under the misspelling tag, words joined by | */
static char *
underlined (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                               VV_SPELL_TAG_NAME);
  g_autoptr(GString) s = g_string_new (NULL);
  GtkTextIter iter, end;

  if (tag == NULL)
    g_error ("no %s tag", VV_SPELL_TAG_NAME);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag) || gtk_text_iter_starts_tag (&iter, tag))
    {
      g_autofree char *word = NULL;

      if (!gtk_text_iter_starts_tag (&iter, tag))
        continue;
      end = iter;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      word = gtk_text_iter_get_text (&iter, &end);
      if (s->len > 0)
        g_string_append_c (s, '|');
      g_string_append (s, word);
      iter = end;
      if (gtk_text_iter_is_end (&iter))
        break;
    }
  return g_strdup (s->str);
}

static gboolean
has_underline_cb (gpointer data)
{
  g_autofree char *u = underlined (data);

  return *u != '\0';
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
menu_has_item (GMenuModel *menu,
               const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *l = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &l)
              && g_strcmp0 (l, label) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static void
maybe_screenshot (GtkWidget  *widget,
                  const char *name)
{
  const char *dir = g_getenv ("VISAVIS_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  if (dir == NULL || w <= 0 || h <= 0)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  if (node == NULL || renderer == NULL)
    return;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static void
test_underline_and_replace (void)
{
  GtkWidget *window;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  g_autofree char *u = NULL;
  g_autofree char *text = NULL;
  GtkTextIter iter;

  if (!require_dictionary ())
    return;

  window = gtk_window_new ();
  view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 80);
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_set_text (buffer, "The armmy doesn’t retreat from https://exmple.org.", -1);
  vv_spell_view_attach (view, "en");
  gtk_window_present (GTK_WINDOW (window));

  /* checked after the delay, from the main loop */
  u = underlined (view);
  g_assert_cmpstr (u, ==, "");
  g_assert_true (vv_ui_test_wait_until (has_underline_cb, view));
  g_clear_pointer (&u, g_free);
  u = underlined (view);
  g_assert_cmpstr (u, ==, "armmy");
  vv_ui_test_flush ();
  maybe_screenshot (window, "spell-underline.png");

  /* the context menu of a correct word has no spelling items */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 1);
  g_assert_false (vv_spell_view_update_menu (view, &iter));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_text_view_get_extra_menu (view)), ==, 0);

  /* inside "armmy": suggestions, add, ignore */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 6);
  g_assert_true (vv_spell_view_update_menu (view, &iter));
  g_assert_true (menu_has_item (gtk_text_view_get_extra_menu (view), "army"));
  g_assert_true (menu_has_item (gtk_text_view_get_extra_menu (view), "Add “armmy” to Dictionary"));
  g_assert_true (menu_has_item (gtk_text_view_get_extra_menu (view), "Ignore “armmy”"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "spell.replace", "s", "army"));
  text = buffer_text (view);
  g_assert_cmpstr (text, ==, "The army doesn’t retreat from https://exmple.org.");
  g_clear_pointer (&u, g_free);
  u = underlined (view);
  g_assert_cmpstr (u, ==, "");

  /* one user action: undo brings the word back */
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&text, g_free);
  text = buffer_text (view);
  g_assert_cmpstr (text, ==, "The armmy doesn’t retreat from https://exmple.org.");

  /* Ignore: the word is accepted for the session */
  vv_spell_view_check_now (view);
  g_clear_pointer (&u, g_free);
  u = underlined (view);
  g_assert_cmpstr (u, ==, "armmy");
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 9);   /* just after the word */
  g_assert_true (vv_spell_view_update_menu (view, &iter));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "spell.ignore", NULL));
  g_clear_pointer (&u, g_free);
  u = underlined (view);
  g_assert_cmpstr (u, ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
  vv_ui_test_flush ();
}

static gboolean
quit_loop_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* runs the main loop for @ms milliseconds */
static void
spin (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_loop_cb, loop);
  g_main_loop_run (loop);
}

/* A target left while typing goes on in another is checked once typing
 * pauses everywhere, not between two keystrokes; then every pending view is
 * checked. */
static void
test_checks_wait_for_a_pause (void)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkTextView *left, *typed;
  GtkTextBuffer *buffer;
  g_autofree char *u = NULL;

  if (!require_dictionary ())
    return;

  window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  left = GTK_TEXT_VIEW (gtk_text_view_new ());
  typed = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (left));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (typed));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 120);
  vv_spell_view_attach (left, "en");
  vv_spell_view_attach (typed, "en");
  gtk_window_present (GTK_WINDOW (window));
  vv_spell_view_check_now (left);
  vv_spell_view_check_now (typed);

  /* not "armmy": the first test ignores it for the session */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (left), "The soldr", -1);
  /* a key every 40 ms in the other view, for more than twice the delay
   * (40 ms leaves room for a loaded machine) */
  buffer = gtk_text_view_get_buffer (typed);
  for (const char *key = "Our kitchn is big"; *key; key++)
    {
      gtk_text_buffer_insert_at_cursor (buffer, key, 1);
      spin (40);
      g_clear_pointer (&u, g_free);
      u = underlined (left);
      g_assert_cmpstr (u, ==, "");
    }
  /* the pause: both are checked */
  g_assert_true (vv_ui_test_wait_until (has_underline_cb, left));
  g_assert_true (vv_ui_test_wait_until (has_underline_cb, typed));
  g_clear_pointer (&u, g_free);
  u = underlined (left);
  g_assert_cmpstr (u, ==, "soldr");
  g_clear_pointer (&u, g_free);
  u = underlined (typed);
  g_assert_cmpstr (u, ==, "kitchn");

  gtk_window_destroy (GTK_WINDOW (window));
  vv_ui_test_flush ();
}

static void
test_no_dictionary (void)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkTextView *view = GTK_TEXT_VIEW (gtk_text_view_new ());
  GtkTextIter iter;
  g_autofree char *u = NULL;

  g_assert_null (vv_spell_view_get_checker ("xx", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“xx”"));

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Zzqx wrld", -1);
  vv_spell_view_attach (view, "xx");
  vv_spell_view_check_now (view);
  u = underlined (view);
  g_assert_cmpstr (u, ==, "");
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (view), &iter);
  g_assert_false (vv_spell_view_update_menu (view, &iter));
  gtk_window_destroy (GTK_WINDOW (window));
  vv_ui_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("vv-spell-ui-XXXXXX", NULL);
  int ret;

  if (home == NULL)
    g_error ("no temporary folder");
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);   /* enchant's personal dictionaries */

  if (!vv_ui_test_init (&argc, &argv))
    {
      vv_test_rm_rf (home);
      return 0;
    }

  g_test_add_func ("/ui/spell/underline-and-replace", test_underline_and_replace);
  g_test_add_func ("/ui/spell/checks-wait-for-a-pause", test_checks_wait_for_a_pause);
  g_test_add_func ("/ui/spell/no-dictionary", test_no_dictionary);

  ret = g_test_run ();
  vv_test_rm_rf (home);
  return ret;
}
