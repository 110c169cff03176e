/* test-a11y.c: accessible names, rows exposing source and target, and the
 * keyboard path through the workflow
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with GTK_A11Y=test (tests/ui/meson.build) so that the accessible
 * properties and relations the widgets set can be read back.
 */

#include "config.h"

#include <adwaita.h>

#include "vv-application.h"
#include "vv-preferences-window.h"
#include "vv-test-utils.h"
#include "vv-ui-test-utils.h"
#include "vv-window-private.h"

static const char article[] =
  "Le tramway entre en service\n"
  "\n"
  "La première rame a quitté le dépôt à 05h30. Elle a rejoint le campus en 27 minutes. "
  "Les habitants ont applaudi.\n";

static VvWindow *
open_window (VvDocument *document)
{
  VvWindow *window = vv_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  if (document != NULL)
    vv_window_set_document (window, document, NULL);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  vv_ui_test_flush ();
  return window;
}

static void
close_window (VvWindow *window)
{
  VvDocument *document = vv_window_get_document (window);

  if (document != NULL)
    vv_document_set_dirty (document, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  vv_ui_test_flush ();
}

static gboolean
has_label (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
      || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Whether a screen reader gets a name for @widget: an explicit label or
 * labelled-by, or text content (labels, buttons with a label). The inner
 * toggle button of a GtkMenuButton is named by its menu button. */
static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkWidget *menu_button;

  /* GTK 4.8 makes a button labelled-by its child, also when the child is
   * an icon: an icon button needs an explicit label (a tooltip is only a
   * description). */
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  if (has_label (widget))
    return TRUE;
  if (GTK_IS_LABEL (widget))
    return *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
  /* a text button (an icon button needs an explicit label: a tooltip is
   * only a description) */
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL
      && gtk_button_get_label (GTK_BUTTON (widget)) != NULL
      && *gtk_button_get_label (GTK_BUTTON (widget)) != '\0')
    return TRUE;
  /* the lists inside AdwComboRow and AdwExpanderRow belong to the row,
   * which is named by its title */
  if ((GTK_IS_LIST_BOX (widget) || GTK_IS_LIST_VIEW (widget))
      && gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW) != NULL)
    return *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW))) != '\0';
  menu_button = gtk_widget_get_ancestor (widget, GTK_TYPE_MENU_BUTTON);
  if (menu_button != NULL && menu_button != widget)
    return has_label (menu_button);
  return FALSE;
}

static char *
describe (GtkWidget *widget)
{
  const char *text = NULL;

  if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  if (text == NULL && gtk_widget_get_tooltip_text (widget) != NULL)
    text = gtk_widget_get_tooltip_text (widget);
  if (text == NULL && gtk_widget_get_parent (widget) != NULL)
    text = gtk_widget_get_tooltip_text (gtk_widget_get_parent (widget));
  return g_strdup_printf ("%s \"%s\"", G_OBJECT_TYPE_NAME (widget), text ? text : "");
}

static gboolean
is_control (GtkWidget *widget)
{
  switch ((int) gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_PROGRESS_BAR:
    case GTK_ACCESSIBLE_ROLE_LIST:
      return TRUE;
    case GTK_ACCESSIBLE_ROLE_IMG:
      /* Our images that carry meaning (the state dot); GtkImage icons are
       * decoration in buttons, rows and the status page. */
      return !GTK_IS_IMAGE (widget);
    default:
      return FALSE;
    }
}

/* Every control (by accessible role: buttons, text, spin buttons, lists,
 * images, progress bars...) has a name. */
static void
check_names (GtkWidget *widget,
             guint     *n_checked)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (is_control (widget))
    {
      g_autofree char *what = describe (widget);

      if (!has_accessible_name (widget))
        {
          g_autoptr(GString) path = g_string_new (what);

          for (GtkWidget *w = gtk_widget_get_parent (widget); w; w = gtk_widget_get_parent (w))
            g_string_append_printf (path, " in %s", G_OBJECT_TYPE_NAME (w));
          g_error ("%s has no accessible name", path->str);
        }
      (*n_checked)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    check_names (child, n_checked);
}

static void
test_controls_named (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (article);
  VvWindow *window;
  GtkWidget *preferences;
  guint n_checked = 0;

  window = open_window (NULL);
  check_names (GTK_WIDGET (window), &n_checked);
  close_window (window);

  window = open_window (document);
  check_names (GTK_WIDGET (window), &n_checked);

  preferences = vv_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  gtk_test_widget_wait_for_draw (preferences);
  /* every page of the preferences */
  {
    GtkWidget *first = vv_ui_test_find_descendant (preferences, ADW_TYPE_PREFERENCES_PAGE);
    g_autoptr(GPtrArray) pages = g_ptr_array_new ();

    g_assert_nonnull (first);
    for (GtkWidget *w = first; w; w = gtk_widget_get_next_sibling (w))
      if (ADW_IS_PREFERENCES_PAGE (w))
        g_ptr_array_add (pages, w);
    g_test_message ("%u preferences pages", pages->len);
    for (guint i = 0; i < pages->len; i++)
      {
        AdwPreferencesPage *page = pages->pdata[i];

        adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), page);
        gtk_test_widget_wait_for_draw (preferences);
        vv_ui_test_flush ();
        check_names (preferences, &n_checked);
      }
  }
  gtk_window_destroy (GTK_WINDOW (preferences));

  g_test_message ("%u controls checked", n_checked);
  g_assert_cmpuint (n_checked, >=, 15);
  close_window (window);
}

/* A row names its target after the segment and links it to the source
 * sentence; the state dot is an image named after the state. */
static void
test_row_exposes_source_and_target (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (article);
  VvWindow *window = open_window (document);
  VvSegment *segment = vv_document_get_segment (document, 2);
  VvSegmentRow *row = g_hash_table_lookup (window->bound_rows, segment);
  GtkWidget *target, *panes, *source, *dot;

  g_assert_nonnull (row);
  target = GTK_WIDGET (vv_segment_row_get_target_view (row));
  panes = gtk_widget_get_parent (gtk_widget_get_parent (target));
  source = gtk_widget_get_first_child (panes);
  dot = gtk_widget_get_first_child (GTK_WIDGET (row));

  g_assert_true (GTK_IS_LABEL (source));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (source)), ==, vv_segment_get_source (segment));
  gtk_test_accessible_assert_property (target, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Translation of segment 3");
  gtk_test_accessible_assert_relation (target, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, source, NULL);
  gtk_test_accessible_assert_role (dot, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (dot, GTK_ACCESSIBLE_PROPERTY_LABEL, "Untranslated");

  vv_segment_set_state (segment, VV_SEGMENT_STATE_DRAFT);
  gtk_test_accessible_assert_property (dot, GTK_ACCESSIBLE_PROPERTY_LABEL, "Draft");

  /* Splitting the segment before it moves it to position 4: renamed. */
  {
    g_autoptr(GError) error = NULL;
    VvSegment *before = vv_document_get_segment (document, 1);
    const char *source_text = vv_segment_get_source (before);
    const char *space = strchr (source_text, ' ');

    g_assert_nonnull (space);
    g_assert_nonnull (vv_document_split_segment (document, before, space - source_text + 1, -1, 0, &error));
    g_assert_no_error (error);
    vv_ui_test_flush ();
    g_assert_cmpuint (vv_segment_get_position (segment), ==, 3);
    g_assert_true (g_hash_table_lookup (window->bound_rows, segment) == row);
    gtk_test_accessible_assert_property (target, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Translation of segment 4");
  }

  close_window (window);
}

static gboolean
is_target_of (GtkWidget *focus,
              guint      position)
{
  GtkWidget *row;

  if (focus == NULL || !GTK_IS_TEXT_VIEW (focus))
    return FALSE;
  row = gtk_widget_get_ancestor (focus, VV_TYPE_SEGMENT_ROW);
  return row != NULL
      && vv_segment_get_position (vv_segment_row_get_segment (VV_SEGMENT_ROW (row))) == position;
}

typedef struct
{
  VvWindow *window;
  guint     position;
} FocusCheck;

static gboolean
focus_in_target_cb (gpointer data)
{
  FocusCheck *check = data;

  return is_target_of (gtk_root_get_focus (GTK_ROOT (check->window)), check->position);
}

/* Tab order, in the empty window and with a document: header bar from
 * left to right, then the content; from a target, Ctrl+Enter, Alt+Down and
 * Alt+Up walk the segments. */
static void
test_keyboard_focus_order (void)
{
  g_autoptr(VvDocument) document = vv_test_document_from_text (article);
  g_autoptr(GString) order = g_string_new (NULL);
  VvWindow *window;
  FocusCheck check;
  GtkWidget *focus;
  const char *expected_empty =
    "GtkButton \"_Open\"\n"
    "GtkToggleButton \"Main Menu\"\n"
    "GtkButton \"_Open an Article…\"\n";
  const char *expected_document =
    "GtkButton \"_Open\"\n"
    "GtkButton \"_Save\"\n"
    "GtkToggleButton \"Export\"\n"
    "GtkButton \"Find, filter and replace (Ctrl+F)\"\n"
    "GtkButton \"Changes, comments and QA (F9)\"\n"
    "GtkToggleButton \"_Review\"\n"
    "GtkToggleButton \"Main Menu\"\n";

  /* Empty window: the disabled Save and Export are skipped. */
  window = open_window (NULL);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *what = NULL;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      what = describe (gtk_root_get_focus (GTK_ROOT (window)));
      g_string_append_printf (order, "%s\n", what);
    }
  g_assert_cmpstr (order->str, ==, expected_empty);
  close_window (window);

  /* With a document: the header bar, then the first segment. */
  window = open_window (document);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  g_string_truncate (order, 0);
  for (int i = 0; i < 7; i++)
    {
      g_autofree char *what = NULL;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      what = describe (gtk_root_get_focus (GTK_ROOT (window)));
      g_string_append_printf (order, "%s\n", what);
    }
  g_assert_cmpstr (order->str, ==, expected_document);

  /* Into the list: the first row's source sentence (selectable, so a screen
   * reader can read it), then its translation. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_LABEL (focus));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (focus)), ==,
                   vv_segment_get_source (vv_document_get_segment (document, 0)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_true (is_target_of (gtk_root_get_focus (GTK_ROOT (window)), 0));

  /* Type, confirm with Ctrl+Enter: the next target has the focus. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (window)))),
                            "The tram opens", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.confirm-next", NULL));
  check = (FocusCheck) { window, 1 };
  g_assert_true (vv_ui_test_wait_until (focus_in_target_cb, &check));
  g_assert_cmpint (vv_segment_get_state (vv_document_get_segment (document, 0)), ==,
                   VV_SEGMENT_STATE_TRANSLATED);

  /* Alt+Down, Alt+Up. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-segment", NULL));
  check.position = 2;
  g_assert_true (vv_ui_test_wait_until (focus_in_target_cb, &check));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-segment", NULL));
  check.position = 1;
  g_assert_true (vv_ui_test_wait_until (focus_in_target_cb, &check));

  /* Shift+Tab from a target goes back to its source, not elsewhere. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_LABEL (focus));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (focus)), ==,
                   vv_segment_get_source (vv_document_get_segment (document, 1)));

  close_window (window);
}

static char *
key_name (guint           keyval,
          GdkModifierType mods)
{
  return gtk_accelerator_name (gdk_keyval_to_lower (keyval), mods & gtk_accelerator_get_default_mod_mask ());
}

/* Every key the window and the application react to is listed in the
 * Keyboard Shortcuts window (keypad Enter, an alias of Enter, aside). */
static void
test_shortcuts_listed (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/visavis/Visavis/gtk/help-overlay.ui");
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  g_autoptr(VvApplication) app = vv_application_new ();
  g_auto(GStrv) actions = NULL;
  g_autoptr(GListModel) controllers = NULL;
  VvWindow *window = open_window (NULL);
  guint n_keys = 0;

  for (GSList *l = objects; l; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) accels = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, NULL);
      accels = g_strsplit (accelerator ? accelerator : "", " ", -1);
      for (guint i = 0; accels[i]; i++)
        {
          g_auto(GStrv) range = NULL;
          guint keyval, last;
          GdkModifierType mods, last_mods;

          if (*accels[i] == '\0')
            continue;
          /* "<Control>1...<Control>9" is a range (GtkShortcutsShortcut syntax) */
          range = g_strsplit (accels[i], "...", 2);
          g_assert_true (gtk_accelerator_parse (range[0], &keyval, &mods));
          last = keyval;
          if (range[1] != NULL)
            {
              g_assert_true (gtk_accelerator_parse (range[1], &last, &last_mods));
              g_assert_cmpuint (last, >=, keyval);
            }
          for (guint k = keyval; k <= last; k++)
            g_hash_table_add (listed, key_name (k, mods));
        }
    }
  g_assert_cmpuint (g_hash_table_size (listed), >=, 10);

  /* the window's shortcut controllers: class bindings and capture-phase keys */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *name = NULL;
          guint keyval;

          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          const char *action_name;

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action))
            continue;
          /* ours (win.* and app.*), not GTK's own (inspector, F10, ...) */
          action_name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
          if (!g_str_has_prefix (action_name, "win.") && !g_str_has_prefix (action_name, "app."))
            continue;
          keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
          if (keyval == GDK_KEY_KP_Enter)
            continue;
          name = key_name (keyval, gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
          n_keys++;
          if (!g_hash_table_contains (listed, name))
            g_ptr_array_add (missing, g_steal_pointer (&name));
        }
    }

  /* the application's accelerators */
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i]; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j]; j++)
        {
          guint keyval;
          GdkModifierType mods;
          g_autofree char *name = NULL;

          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &mods));
          name = key_name (keyval, mods);
          n_keys++;
          if (!g_hash_table_contains (listed, name))
            g_ptr_array_add (missing, g_steal_pointer (&name));
        }
    }

  g_test_message ("%u keys checked against %u listed", n_keys, g_hash_table_size (listed));
  for (guint i = 0; i < missing->len; i++)
    g_test_message ("not in help-overlay.ui: %s", (char *) missing->pdata[i]);
  g_assert_cmpuint (n_keys, >=, 10);
  g_assert_cmpuint (missing->len, ==, 0);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!vv_ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/a11y/controls-named", test_controls_named);
  g_test_add_func ("/ui/a11y/row-exposes-source-and-target", test_row_exposes_source_and_target);
  g_test_add_func ("/ui/a11y/keyboard-focus-order", test_keyboard_focus_order);
  g_test_add_func ("/ui/a11y/shortcuts-listed", test_shortcuts_listed);

  return g_test_run ();
}
