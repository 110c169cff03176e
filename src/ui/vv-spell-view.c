/* vv-spell-view.c: spell checking underlines and suggestions in a GtkTextView
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vv_spell_view_attach() gives a target view a "vv-misspelt" tag
 * (underline=PANGO_UNDERLINE_ERROR). The buffer is checked
 * VV_SPELL_CHECK_DELAY_MS after the last change in any target, so typing never waits for
 * the dictionary; the window attaches the views of the rows the list shows,
 * so only visible rows are checked. A right click (or the Menu key) on an
 * underlined word fills the view's extra menu with suggestions, "Add to
 * Dictionary" and "Ignore" (actions "spell.replace", "spell.add",
 * "spell.ignore" on the view). Replacing is one user action: Ctrl+Z undoes it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vv-spell-view.h"
#include "vv-segment-row.h"

#define MAX_SUGGESTIONS 6

typedef struct
{
  GtkTextView *view;          /* owns this struct */
  char *language;
  VvSpellChecker *checker;    /* owned by the cache */
  gboolean pending;           /* to check when typing pauses */
  GMenu *menu;
  char *word;                 /* the word the menu is about */
  int word_start;             /* its offsets, in characters */
  int word_end;
} SpellView;

static GHashTable *checkers;  /* language → VvSpellChecker (NULL: none) */
static GHashTable *messages;  /* language → why there is none */
static GPtrArray *views;      /* every SpellView, to recheck after "Add" */
static guint check_source;    /* one timer for every view, see schedule_check() */

/**
 * vv_spell_view_get_checker:
 * @language: a target language
 * @error: return location for a #GError, set when there is no dictionary
 *
 * The checkers are opened once per language and kept for the session.
 *
 * Returns: (transfer none) (nullable): the checker of @language
 */
VvSpellChecker *
vv_spell_view_get_checker (const char  *language,
                           GError     **error)
{
  VvSpellChecker *checker;
  const char *message;

  if (language == NULL)
    language = "";
  if (checkers == NULL)
    {
      checkers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) vv_spell_checker_free);
      messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }
  if (!g_hash_table_lookup_extended (checkers, language, NULL, (gpointer *) &checker))
    {
      g_autoptr(GError) local_error = NULL;

      checker = vv_spell_checker_new (language, &local_error);
      g_hash_table_insert (checkers, g_strdup (language), checker);
      if (checker == NULL)
        g_hash_table_insert (messages, g_strdup (language), g_strdup (local_error->message));
    }
  message = g_hash_table_lookup (messages, language);
  if (checker == NULL && message != NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, message);
  return checker;
}

static void
remove_underlines (SpellView *sv)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (sv->view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, VV_SPELL_TAG_NAME, &start, &end);
}

static void
check_now (SpellView *sv)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (sv->view);
  g_autofree char *text = NULL;
  g_autoptr(GArray) bad = NULL;
  GtkTextIter start, end;
  GtkWidget *row;
  VvSegment *segment;

  sv->pending = FALSE;
  remove_underlines (sv);
  if (sv->checker == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  row = gtk_widget_get_ancestor (GTK_WIDGET (sv->view), VV_TYPE_SEGMENT_ROW);
  segment = row != NULL ? vv_segment_row_get_segment (VV_SEGMENT_ROW (row)) : NULL;
  /* names carried over from the source are not flagged */
  bad = vv_spell_checker_check_target (sv->checker, text,
                                       segment != NULL ? vv_segment_get_source (segment) : NULL);
  for (guint i = 0; i < bad->len; i++)
    {
      VvSpellRange r = g_array_index (bad, VvSpellRange, i);

      gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                          g_utf8_pointer_to_offset (text, text + r.start));
      gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                          g_utf8_pointer_to_offset (text, text + r.end));
      gtk_text_buffer_apply_tag_by_name (buffer, VV_SPELL_TAG_NAME, &start, &end);
    }
}

/* One pending view per call, so that a keystroke never waits behind the
 * checks of a whole screen of rows; a change in the meantime stops the
 * round (schedule_check() removes this source) and starts the wait again. */
static gboolean
check_pending_cb (gpointer data)
{
  for (guint i = 0; views != NULL && i < views->len; i++)
    {
      SpellView *sv = views->pdata[i];

      if (sv->pending)
        {
          check_now (sv);
          return G_SOURCE_CONTINUE;
        }
    }
  check_source = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
check_timeout_cb (gpointer data)
{
  check_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, check_pending_cb, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* Every change (a keystroke, a row bound while scrolling) restarts one
 * timer shared by all the views: a target that was left while typing goes
 * on in another is checked once typing pauses, never between two keys. */
static void
schedule_check (SpellView *sv)
{
  sv->pending = sv->checker != NULL;
  g_clear_handle_id (&check_source, g_source_remove);
  check_source = g_timeout_add (VV_SPELL_CHECK_DELAY_MS, check_timeout_cb, NULL);
}

static void
spell_view_free (gpointer data)
{
  SpellView *sv = data;

  if (views != NULL)
    g_ptr_array_remove_fast (views, sv);
  g_clear_object (&sv->menu);
  g_free (sv->language);
  g_free (sv->word);
  g_free (sv);
}

/* Fills the extra menu for the misspelt word around @iter; FALSE (and an
 * empty menu) when there is none */
static gboolean
update_menu (SpellView         *sv,
             const GtkTextIter *iter)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (sv->view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                               VV_SPELL_TAG_NAME);
  g_autoptr(GMenu) suggestions = g_menu_new ();
  g_autoptr(GMenu) commands = g_menu_new ();
  g_auto(GStrv) words = NULL;
  g_autofree char *add_label = NULL;
  g_autofree char *ignore_label = NULL;
  GtkTextIter start = *iter, end = *iter;

  g_menu_remove_all (sv->menu);
  g_clear_pointer (&sv->word, g_free);
  if (sv->checker == NULL || tag == NULL)
    return FALSE;
  if (!gtk_text_iter_has_tag (&start, tag))
    {
      /* just after the word's last letter */
      if (!gtk_text_iter_backward_char (&start) || !gtk_text_iter_has_tag (&start, tag))
        return FALSE;
      end = start;
    }
  if (!gtk_text_iter_starts_tag (&start, tag))
    gtk_text_iter_backward_to_tag_toggle (&start, tag);
  gtk_text_iter_forward_to_tag_toggle (&end, tag);

  sv->word = gtk_text_iter_get_text (&start, &end);
  sv->word_start = gtk_text_iter_get_offset (&start);
  sv->word_end = gtk_text_iter_get_offset (&end);

  words = vv_spell_checker_suggest (sv->checker, sv->word, -1);
  for (guint i = 0; words[i] != NULL && i < MAX_SUGGESTIONS; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (words[i], NULL);

      g_menu_item_set_action_and_target (item, "spell.replace", "s", words[i]);
      g_menu_append_item (suggestions, item);
    }
  if (words[0] == NULL)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Suggestions"), "spell.none");

      g_menu_append_item (suggestions, item);
    }
  add_label = g_strdup_printf (_("Add “%s” to Dictionary"), sv->word);
  ignore_label = g_strdup_printf (_("Ignore “%s”"), sv->word);
  g_menu_append (commands, add_label, "spell.add");
  g_menu_append (commands, ignore_label, "spell.ignore");
  g_menu_append_section (sv->menu, NULL, G_MENU_MODEL (suggestions));
  g_menu_append_section (sv->menu, NULL, G_MENU_MODEL (commands));
  return TRUE;
}

/**
 * vv_spell_view_update_menu:
 * @view: a view given to vv_spell_view_attach()
 * @iter: a position in its buffer
 *
 * Fills the view's extra menu for the misspelt word at @iter (what a right
 * click does).
 *
 * Returns: %TRUE when there is a misspelt word at @iter
 */
gboolean
vv_spell_view_update_menu (GtkTextView       *view,
                           const GtkTextIter *iter)
{
  SpellView *sv = g_object_get_data (G_OBJECT (view), "vv-spell-view");

  return sv != NULL && update_menu (sv, iter);
}

static void
on_right_click_cb (GtkGestureClick *gesture,
                   int              n_press G_GNUC_UNUSED,
                   double           x,
                   double           y,
                   SpellView       *sv)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (sv->view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (sv->view, &iter, bx, by))
    {
      g_menu_remove_all (sv->menu);
      return;
    }
  update_menu (sv, &iter);
  (void) gesture;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller G_GNUC_UNUSED,
                   guint                  keyval,
                   guint                  keycode G_GNUC_UNUSED,
                   GdkModifierType        state,
                   SpellView             *sv)
{
  if (keyval == GDK_KEY_Menu
      || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK) != 0))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (sv->view);
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      update_menu (sv, &iter);
    }
  return GDK_EVENT_PROPAGATE;
}

/* The word the menu was built for, if the text still holds it there */
static gboolean
get_word_bounds (SpellView   *sv,
                 GtkTextIter *start,
                 GtkTextIter *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (sv->view);
  g_autofree char *text = NULL;

  if (sv->word == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, start, sv->word_start);
  gtk_text_buffer_get_iter_at_offset (buffer, end, sv->word_end);
  text = gtk_text_iter_get_text (start, end);
  return g_strcmp0 (text, sv->word) == 0;
}

static void
recheck_language (const char *language)
{
  for (guint i = 0; views != NULL && i < views->len; i++)
    {
      SpellView *other = views->pdata[i];

      if (g_strcmp0 (other->language, language) == 0)
        schedule_check (other);
    }
}

static void
replace_action_cb (GSimpleAction *action G_GNUC_UNUSED,
                   GVariant      *parameter,
                   gpointer       view)
{
  SpellView *sv = g_object_get_data (G_OBJECT (view), "vv-spell-view");
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (sv == NULL || !get_word_bounds (sv, &start, &end))
    return;
  buffer = gtk_text_view_get_buffer (sv->view);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, g_variant_get_string (parameter, NULL), -1);
  gtk_text_buffer_end_user_action (buffer);
  g_clear_pointer (&sv->word, g_free);
  g_menu_remove_all (sv->menu);
  check_now (sv);
}

static void
add_or_ignore (GtkWidget *widget,
               gboolean   add)
{
  SpellView *sv = g_object_get_data (G_OBJECT (widget), "vv-spell-view");

  if (sv == NULL || sv->checker == NULL || sv->word == NULL)
    return;
  if (add)
    vv_spell_checker_add_word (sv->checker, sv->word, -1);
  else
    vv_spell_checker_ignore_word (sv->checker, sv->word, -1);
  g_clear_pointer (&sv->word, g_free);
  g_menu_remove_all (sv->menu);
  check_now (sv);
  recheck_language (sv->language);
}

static void
add_action_cb (GSimpleAction *action G_GNUC_UNUSED,
               GVariant      *parameter G_GNUC_UNUSED,
               gpointer       view)
{
  add_or_ignore (view, TRUE);
}

static void
ignore_action_cb (GSimpleAction *action G_GNUC_UNUSED,
                  GVariant      *parameter G_GNUC_UNUSED,
                  gpointer       view)
{
  add_or_ignore (view, FALSE);
}

static void
install_actions (GtkTextView *view)
{
  GSimpleActionGroup *group = g_simple_action_group_new ();
  static const struct { const char *name, *type; GCallback cb; } entries[] = {
    { "replace", "s", G_CALLBACK (replace_action_cb) },
    { "add", NULL, G_CALLBACK (add_action_cb) },
    { "ignore", NULL, G_CALLBACK (ignore_action_cb) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(GSimpleAction) action =
        g_simple_action_new (entries[i].name,
                             entries[i].type ? G_VARIANT_TYPE (entries[i].type) : NULL);

      /* the group lives as long as the view: no reference needed */
      g_signal_connect (action, "activate", entries[i].cb, view);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (view), "spell", G_ACTION_GROUP (group));
  g_object_unref (group);
}

static void
on_buffer_changed_cb (GtkTextView *view)
{
  SpellView *sv = g_object_get_data (G_OBJECT (view), "vv-spell-view");

  if (sv != NULL)
    schedule_check (sv);
}

/**
 * vv_spell_view_attach:
 * @view: a target view
 * @language: (nullable): the document's target language
 *
 * Checks the spelling of @view in @language from now on (again after a
 * change of language or of text). Without a dictionary for @language, or
 * with %NULL, nothing is underlined.
 */
void
vv_spell_view_attach (GtkTextView *view,
                      const char  *language)
{
  SpellView *sv = g_object_get_data (G_OBJECT (view), "vv-spell-view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  if (sv == NULL)
    {
      GtkGesture *click = gtk_gesture_click_new ();
      GtkEventController *keys = gtk_event_controller_key_new ();

      sv = g_new0 (SpellView, 1);
      sv->view = view;
      sv->menu = g_menu_new ();
      g_object_set_data_full (G_OBJECT (view), "vv-spell-view", sv, spell_view_free);
      if (views == NULL)
        views = g_ptr_array_new ();
      g_ptr_array_add (views, sv);

      if (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                     VV_SPELL_TAG_NAME) == NULL)
        gtk_text_buffer_create_tag (buffer, VV_SPELL_TAG_NAME,
                                    "underline", PANGO_UNDERLINE_ERROR, NULL);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed_cb),
                               view, G_CONNECT_SWAPPED);

      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
      gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
      g_signal_connect (click, "pressed", G_CALLBACK (on_right_click_cb), sv);
      gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (click));
      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), sv);
      gtk_widget_add_controller (GTK_WIDGET (view), keys);

      install_actions (view);
      gtk_text_view_set_extra_menu (view, G_MENU_MODEL (sv->menu));
    }

  if (g_strcmp0 (sv->language, language) != 0)
    {
      g_free (sv->language);
      sv->language = g_strdup (language);
      sv->checker = language != NULL ? vv_spell_view_get_checker (language, NULL) : NULL;
    }
  g_menu_remove_all (sv->menu);
  g_clear_pointer (&sv->word, g_free);
  if (sv->checker == NULL)
    remove_underlines (sv);
  schedule_check (sv);
}

/**
 * vv_spell_view_check_now:
 * @view: a view given to vv_spell_view_attach()
 *
 * Checks at once instead of after the delay (tests, benchmarks).
 */
void
vv_spell_view_check_now (GtkTextView *view)
{
  SpellView *sv = g_object_get_data (G_OBJECT (view), "vv-spell-view");

  if (sv != NULL)
    check_now (sv);
}

/**
 * vv_spell_view_get_tag_table:
 *
 * A tag table that already holds the "vv-misspelt" tag, to share between
 * the buffers of many target views: adding a tag to a buffer's table
 * makes its view lay its text out again, which for ~200 rows with text
 * just shown costs as much as their first layout.
 *
 * Returns: (transfer none): the shared table
 */
GtkTextTagTable *
vv_spell_view_get_tag_table (void)
{
  static GtkTextTagTable *table;

  if (table == NULL)
    {
      GtkTextTag *tag = gtk_text_tag_new (VV_SPELL_TAG_NAME);

      g_object_set (tag, "underline", PANGO_UNDERLINE_ERROR, NULL);
      table = gtk_text_tag_table_new ();
      gtk_text_tag_table_add (table, tag);
      g_object_unref (tag);
    }
  return table;
}

/**
 * vv_spell_view_is_attached:
 * @view: a #GtkTextView
 *
 * Returns: whether vv_spell_view_attach() was called on @view
 */
gboolean
vv_spell_view_is_attached (GtkTextView *view)
{
  return g_object_get_data (G_OBJECT (view), "vv-spell-view") != NULL;
}
