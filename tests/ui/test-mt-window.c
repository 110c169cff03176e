/* test-mt-window.c: "Translate all", cancel and Ctrl+n in the window,
 * against the LibreTranslate fake
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "vv-fake-mt-server.h"
#include "vv-mt-page.h"
#include "vv-suggestions-panel.h"
#include "vv-test-utils.h"
#include "vv-window-private.h"

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
wait_until (gboolean (*predicate) (gpointer),
            gpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (15000, timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static gboolean
not_running (gpointer data)
{
  return VV_WINDOW (data)->mt_cancellable == NULL;
}

static void
use_fake (VvFakeMtServer *server)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *providers[] = { "libretranslate", NULL };
  GVariantBuilder urls;

  g_variant_builder_init (&urls, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&urls, "{ss}", "libretranslate", vv_fake_mt_server_get_url (server));
  g_settings_set_strv (settings, "mt-providers", providers);
  g_settings_set_value (settings, "mt-provider-urls", g_variant_builder_end (&urls));
}

static VvWindow *
window_with (VvDocument *document)
{
  VvWindow *window = vv_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  vv_window_set_document (window, document, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
destroy_window (VvWindow *window)
{
  vv_document_set_dirty (vv_window_get_document (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_translate_all (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("libretranslate");
  g_autoptr(VvDocument) document = vv_test_document_from_text ("Le titre\n\nLe chat est noir. Le chien est blanc.\n");
  VvSegment *human = vv_document_get_segment (document, 1);
  VvWindow *window;

  use_fake (server);
  vv_document_set_target_language (document, "es");
  vv_segment_set_target (human, "El gato es negro (mío).");
  vv_segment_commit (human, VV_SEGMENT_STATE_TRANSLATED, "me");
  window = window_with (document);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.translate-all", NULL));
  g_assert_nonnull (window->mt_cancellable);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->progress_bar)));
  g_assert_true (wait_until (not_running, window));
  /* the bar is back to the document's progress (main 960512b) */
  g_assert_true (g_str_has_suffix (gtk_progress_bar_get_text (window->progress_bar), "segments translated (33 %)"));

  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (document, 0)), ==, "[es] Le titre");
  g_assert_cmpstr (vv_segment_get_origin (vv_document_get_segment (document, 0)), ==, "mt:libretranslate");
  g_assert_cmpstr (vv_segment_get_target (vv_document_get_segment (document, 2)), ==, "[es] Le chien est blanc.");
  /* the translator's work stays; the suggestion is there for Ctrl+1 */
  g_assert_cmpstr (vv_segment_get_target (human), ==, "El gato es negro (mío).");
  g_assert_cmpstr (vv_segment_lookup_suggestion (human, "libretranslate"), ==, "[es] Le chat est noir.");

  /* Ctrl+1 is the explicit action that takes it */
  _vv_window_focus_position (window, 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  while (g_main_context_iteration (NULL, FALSE));
  if (_vv_window_get_current_position (window) == 1)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-suggestion", "i", 1));
      g_assert_cmpstr (vv_segment_get_target (human), ==, "[es] Le chat est noir.");
      g_assert_cmpstr (vv_segment_get_origin (human), ==, "mt:libretranslate");
    }
  else
    g_test_message ("focus did not reach segment 1; Ctrl+1 not checked");

  destroy_window (window);
}

static gboolean
cancel_cb (gpointer data)
{
  gtk_widget_activate_action (GTK_WIDGET (data), "win.cancel-translation", NULL);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("libretranslate");
  g_autoptr(VvDocument) document = vv_test_document_from_text ("Le titre\n\nLe chat est noir.\n");
  VvWindow *window;

  use_fake (server);
  vv_fake_mt_server_set_fault (server, VV_FAKE_MT_NEVER_ANSWERS, 0);
  vv_document_set_target_language (document, "es");
  window = window_with (document);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.translate-all", NULL));
  g_timeout_add (300, cancel_cb, window);
  g_assert_true (wait_until (not_running, window));
  for (guint i = 0; i < vv_document_get_n_segments (document); i++)
    {
      const char *target = vv_segment_get_target (vv_document_get_segment (document, i));
      g_assert_cmpstr (target ? target : "", ==, "");
      g_assert_cmpint (vv_segment_get_state (vv_document_get_segment (document, i)), ==, VV_SEGMENT_STATE_UNTRANSLATED);
    }
  destroy_window (window);
}

static GtkWidget *
find_descendant (GtkWidget   *root,
                 GType        type,
                 const char  *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (title == NULL || g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0))
        return child;
      if ((found = find_descendant (child, type, title)))
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = find_button (child, tooltip)))
        return found;
    }
  return NULL;
}

/* The provider rows of a VvMtPage, in the order on screen */
static char *
page_order (GtkWidget *page)
{
  GString *out = g_string_new (NULL);
  GtkWidget *first = find_descendant (page, ADW_TYPE_EXPANDER_ROW, NULL);

  for (GtkWidget *row = first; row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_EXPANDER_ROW (row))
      g_string_append_printf (out, "%s%s", out->len ? "," : "", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (out, FALSE);
}

static void
click (GtkWidget *button)
{
  if (button == NULL)
    g_error ("no such button");
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
subtitle_is_set (gpointer data)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (data));
  return subtitle != NULL && g_str_has_prefix (subtitle, "Connected");
}

/* Preferences → Machine translation: enable, URL, Test connection */
static void
test_preferences_page (void)
{
  g_autoptr(VvFakeMtServer) server = vv_fake_mt_server_new ("libretranslate");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page;
  GtkWidget *expander, *url_row, *test_row, *button;
  g_auto(GStrv) enabled = NULL;
  g_autoptr(GVariant) urls = NULL;
  const char *url = NULL;

  g_settings_reset (settings, "mt-providers");
  g_settings_reset (settings, "mt-provider-urls");
  page = vv_mt_page_new ();
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  expander = find_descendant (page, ADW_TYPE_EXPANDER_ROW, "LibreTranslate");
  g_assert_nonnull (expander);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (expander), TRUE);
  enabled = g_settings_get_strv (settings, "mt-providers");
  g_assert_cmpstr (enabled[0], ==, "apertium");
  g_assert_cmpstr (enabled[1], ==, "libretranslate");

  url_row = find_descendant (expander, ADW_TYPE_ENTRY_ROW, "Server URL");
  g_assert_nonnull (url_row);
  gtk_editable_set_text (GTK_EDITABLE (url_row), vv_fake_mt_server_get_url (server));
  urls = g_settings_get_value (settings, "mt-provider-urls");
  g_assert_true (g_variant_lookup (urls, "libretranslate", "&s", &url));
  g_assert_cmpstr (url, ==, vv_fake_mt_server_get_url (server));

  test_row = find_descendant (expander, ADW_TYPE_ACTION_ROW, "Connection");
  g_assert_nonnull (test_row);
  button = find_descendant (test_row, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (wait_until (subtitle_is_set, test_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (test_row)), ==, "Connected: 4 language pairs");

  /* order: enabled providers first, in mt-providers' order; the arrows
   * move an enabled one; disabled ones cannot move */
  {
    g_autofree char *order1 = page_order (page);
    g_autofree char *order2 = NULL;
    g_autofree char *order3 = NULL;
    g_auto(GStrv) moved = NULL;
    GtkWidget *apertium = find_descendant (page, ADW_TYPE_EXPANDER_ROW, "Apertium");
    GtkWidget *deepl = find_descendant (page, ADW_TYPE_EXPANDER_ROW, "DeepL");
    GtkWidget *page2;
    GtkWidget *window2 = gtk_window_new ();

    g_test_message ("order: %s", order1);
    g_assert_true (g_str_has_prefix (order1, "Apertium,LibreTranslate,"));
    g_assert_nonnull (apertium);
    g_assert_nonnull (deepl);
    g_assert_false (gtk_widget_get_sensitive (find_button (apertium, "Move Up")));
    g_assert_false (gtk_widget_get_sensitive (find_button (expander, "Move Down")));
    g_assert_false (gtk_widget_get_sensitive (find_button (deepl, "Move Up")));
    g_assert_false (gtk_widget_get_sensitive (find_button (deepl, "Move Down")));

    click (find_button (expander, "Move Up"));
    moved = g_settings_get_strv (settings, "mt-providers");
    g_assert_cmpuint (g_strv_length (moved), ==, 2);
    g_assert_cmpstr (moved[0], ==, "libretranslate");
    g_assert_cmpstr (moved[1], ==, "apertium");
    order2 = page_order (page);
    g_assert_true (g_str_has_prefix (order2, "LibreTranslate,Apertium,"));
    g_assert_false (gtk_widget_get_sensitive (find_button (expander, "Move Up")));
    g_assert_true (gtk_widget_get_sensitive (find_button (expander, "Move Down")));
    g_assert_true (gtk_widget_get_sensitive (find_button (apertium, "Move Up")));
    /* the row still works after it moved */
    g_assert_true (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (expander)));

    /* kept in the settings: a new page shows the same order */
    page2 = vv_mt_page_new ();
    gtk_window_set_child (GTK_WINDOW (window2), page2);
    order3 = page_order (page2);
    g_assert_cmpstr (order3, ==, order2);
    gtk_window_destroy (GTK_WINDOW (window2));
  }

  /* formality: the combo row writes mt-formality and follows it */
  {
    AdwComboRow *formality = ADW_COMBO_ROW (find_descendant (page, ADW_TYPE_COMBO_ROW, "Formality"));
    g_autofree char *value = NULL;

    g_assert_nonnull (formality);
    g_assert_cmpuint (adw_combo_row_get_selected (formality), ==, 0);
    adw_combo_row_set_selected (formality, 1);
    value = g_settings_get_string (settings, "mt-formality");
    g_assert_cmpstr (value, ==, "more");
    g_settings_set_string (settings, "mt-formality", "less");
    g_assert_cmpuint (adw_combo_row_get_selected (formality), ==, 2);
    g_settings_reset (settings, "mt-formality");
    g_assert_cmpuint (adw_combo_row_get_selected (formality), ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "mt-providers");
  g_settings_reset (settings, "mt-provider-urls");
}

static gboolean
panel_done (gpointer data)
{
  VvWindow *window = data;
  VvSegment *segment = vv_suggestions_panel_get_segment (window->suggestions_panel);

  return segment != NULL && vv_suggestions_panel_get_n_pending (window->suggestions_panel) == 0 &&
         vv_suggestions_panel_get_fetched (window->suggestions_panel);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
focused_on_1 (gpointer data)
{
  return _vv_window_get_current_position (VV_WINDOW (data)) == 1;
}

static gboolean
focused_on_0 (gpointer data)
{
  return _vv_window_get_current_position (VV_WINDOW (data)) == 0;
}

static guint
dropdown_index (VvWindow   *window,
                const char *code)
{
  for (guint i = 0; i < window->target_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (window->target_codes, i), code) == 0)
      return i;
  g_error ("no %s in the target-language chooser", code);
}

static gboolean
languages_done (gpointer data)
{
  return VV_WINDOW (data)->languages_pending == 0;
}

static char *
chooser_codes (VvWindow *window)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) codes = NULL;

  for (guint i = 0; i < window->target_codes->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (window->target_codes, i));
  codes = g_strv_builder_end (builder);
  return g_strjoinv (",", codes);
}

/* LibreTranslate and DeepL fakes, Google on a refused port, keys in the
 * environment */
static void
use_fakes (VvFakeMtServer *libre,
           VvFakeMtServer *deepl,
           const char     *refused)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GVariantBuilder urls;

  g_setenv ("VISAVIS_DEEPL_KEY", "fake-key", TRUE);
  g_setenv ("VISAVIS_GOOGLE_KEY", "fake-key", TRUE);
  vv_fake_mt_server_set_key (deepl, "fake-key");
  g_variant_builder_init (&urls, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&urls, "{ss}", "libretranslate", vv_fake_mt_server_get_url (libre));
  g_variant_builder_add (&urls, "{ss}", "deepl", vv_fake_mt_server_get_url (deepl));
  g_variant_builder_add (&urls, "{ss}", "google", refused);
  g_settings_set_value (settings, "mt-provider-urls", g_variant_builder_end (&urls));
}

/* The target-language chooser lists what the enabled providers reach from
 * the document's source language, without blocking; offline, the fixed list */
static void
test_target_languages (void)
{
  g_autoptr(VvFakeMtServer) libre = vv_fake_mt_server_new ("libretranslate");
  g_autoptr(VvFakeMtServer) deepl = vv_fake_mt_server_new ("deepl");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(VvDocument) document = vv_test_document_from_text ("Le chat est noir.\n");
  g_autofree char *refused = vv_fake_mt_refused_url ();
  g_autofree char *online = NULL;
  g_autofree char *from_en = NULL;
  g_autofree char *offline = NULL;
  const char *both[] = { "libretranslate", "deepl", NULL };
  const char *google[] = { "google", NULL };
  VvWindow *window;
  gint64 start;

  use_fakes (libre, deepl, refused);
  vv_fake_mt_server_set_delay (libre, 300);
  vv_fake_mt_server_set_delay (deepl, 300);
  g_settings_set_strv (settings, "mt-providers", both);
  vv_document_set_source_language (document, "fr");
  vv_document_set_target_language (document, "es");

  /* the window opens at once, with the fixed list, while a provider is slow */
  start = g_get_monotonic_time ();
  window = vv_window_new (NULL);
  vv_window_set_document (window, document, NULL);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 300 * 1000);
  g_assert_cmpuint (window->target_codes->len, ==, 16);
  g_assert_cmpuint (window->languages_pending, ==, 2);
  gtk_window_present (GTK_WINDOW (window));

  /* LibreTranslate: fr→en, fr→es; DeepL: fr→EN-GB, fr→DE (and FR→FR left out) */
  g_assert_true (wait_until (languages_done, window));
  online = chooser_codes (window);
  g_test_message ("from the providers: %s", online);
  g_assert_cmpstr (online, ==, "en,es,de,en-GB");
  g_assert_cmpstr (g_ptr_array_index (window->target_codes, gtk_drop_down_get_selected (window->target_dropdown)), ==, "es");

  /* from English: LibreTranslate en→es, en→fr; DeepL en→de, en→fr (en→EN-GB left out) */
  vv_document_set_source_language (document, "en");
  from_en = chooser_codes (window);
  g_assert_cmpstr (from_en, ==, "es,de,fr");

  /* offline: the only provider is unreachable → the fixed list */
  g_settings_set_strv (settings, "mt-providers", google);
  g_assert_true (wait_until (languages_done, window));
  offline = chooser_codes (window);
  g_assert_cmpstr (offline, ==, "en,es,ca,de,it,pt,nl,pl,ro,oc,eo,ru,uk,ar,zh,ja");

  g_settings_reset (settings, "mt-providers");
  g_settings_reset (settings, "mt-provider-urls");
  g_unsetenv ("VISAVIS_DEEPL_KEY");
  g_unsetenv ("VISAVIS_GOOGLE_KEY");
  destroy_window (window);
}

/* Suggestions panel: focus a segment → one suggestion per enabled provider
 * (LibreTranslate and DeepL fakes, numbered 1 and 2), a failing provider
 * (Google on a refused port) shown inline; Ctrl+2 inserts the second; the
 * target-language chooser changes the pair requested */
static void
test_suggestions_panel (void)
{
  g_autoptr(VvFakeMtServer) libre = vv_fake_mt_server_new ("libretranslate");
  g_autoptr(VvFakeMtServer) deepl = vv_fake_mt_server_new ("deepl");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(VvDocument) document = vv_test_document_from_text ("Le titre\n\nLe chat est noir.\n");
  g_autofree char *refused = vv_fake_mt_refused_url ();
  const char *providers[] = { "libretranslate", "deepl", "google", NULL };
  VvSegment *segment = vv_document_get_segment (document, 1);
  g_autofree char *text = NULL;
  g_autofree char *text_ca = NULL;
  VvWindow *window;
  guint requests;

  use_fakes (libre, deepl, refused);
  g_settings_set_strv (settings, "mt-providers", providers);
  g_settings_set_string (settings, "mt-formality", "more");
  vv_document_set_target_language (document, "es");
  window = window_with (document);

  /* the chooser shows the document's language */
  g_assert_cmpstr (g_ptr_array_index (window->target_codes, gtk_drop_down_get_selected (window->target_dropdown)), ==, "es");

  gtk_stack_set_visible_child_name (window->side_stack, "suggestions");
  gtk_revealer_set_reveal_child (window->sidebar_revealer, TRUE);
  g_assert_true (wait_until (widget_mapped, window->suggestions_panel));
  _vv_window_focus_position (window, 1);
  g_assert_true (wait_until (focused_on_1, window));
  g_assert_true (vv_suggestions_panel_get_segment (window->suggestions_panel) == segment);
  g_assert_true (wait_until (panel_done, window));

  /* stored on the segment, numbered in the providers' order */
  g_assert_cmpstr (vv_segment_lookup_suggestion (segment, "libretranslate"), ==, "[es] Le chat est noir.");
  g_assert_cmpstr (vv_segment_lookup_suggestion (segment, "deepl"), ==, "[es] Le chat est noir.");
  g_assert_null (vv_segment_lookup_suggestion (segment, "google"));
  g_assert_cmpstr (vv_suggestions_get_nth (segment, 1)->provider, ==, "libretranslate");
  g_assert_cmpstr (vv_suggestions_get_nth (segment, 2)->provider, ==, "deepl");
  g_assert_null (vv_suggestions_get_nth (segment, 3));
  text = vv_suggestions_panel_dup_text (window->suggestions_panel);
  g_test_message ("panel:\n%s", text);
  g_assert_nonnull (strstr (text, "1\nLibreTranslate · Ctrl+1\n[es] Le chat est noir.\n"));
  g_assert_nonnull (strstr (text, "2\nDeepL · Ctrl+2\n[es] Le chat est noir.\n"));
  /* the failing provider inline, with its own message naming it */
  g_assert_nonnull (strstr (text, "!\nGoogle"));
  g_assert_nonnull (strstr (text, "127.0.0.1"));

  /* Ctrl+2 (the action the key is bound to) inserts DeepL's */
  g_assert_true (focused_on_1 (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-suggestion", "i", 2));
  g_assert_cmpstr (vv_segment_get_target (segment), ==, "[es] Le chat est noir.");
  g_assert_cmpstr (vv_segment_get_origin (segment), ==, "mt:deepl");
  /* the formality setting reached DeepL */
  g_assert_nonnull (strstr (vv_fake_mt_server_get_last_body (deepl), "\"formality\":\"prefer_more\""));

  /* "Use" on suggestion 1 (a click: the focus has left the segment) inserts
   * LibreTranslate's with the same action, and the focus goes back */
  {
    GtkWidget *use = find_button (GTK_WIDGET (window->suggestions_panel), "Put this suggestion into the segment");
    const char *target;

    if (use == NULL)
      g_error ("no Use button");
    gtk_widget_grab_focus (use);
    g_assert_cmpuint (_vv_window_get_current_position (window), ==, G_MAXUINT);
    vv_segment_set_target (segment, "");
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (use)), ==, "win.use-suggestion");
    click (use);
    target = vv_segment_get_target (segment);
    g_assert_cmpstr (target, ==, "[es] Le chat est noir.");
    g_assert_cmpstr (vv_segment_get_origin (segment), ==, "mt:libretranslate");
    g_assert_true (wait_until (focused_on_1, window));
  }

  /* reorder in Preferences → the panel follows: DeepL becomes 1 */
  {
    GtkWidget *prefs = gtk_window_new ();
    GtkWidget *page = vv_mt_page_new ();
    GtkWidget *deepl_row = find_descendant (page, ADW_TYPE_EXPANDER_ROW, "DeepL");
    g_autofree char *reordered = NULL;

    gtk_window_set_child (GTK_WINDOW (prefs), page);
    if (deepl_row == NULL)
      g_error ("no DeepL row");
    click (find_button (deepl_row, "Move Up"));
    g_assert_true (wait_until (panel_done, window));
    g_assert_cmpstr (vv_suggestions_get_nth (segment, 1)->provider, ==, "deepl");
    reordered = vv_suggestions_panel_dup_text (window->suggestions_panel);
    g_test_message ("panel after reorder:\n%s", reordered);
    g_assert_nonnull (strstr (reordered, "1\nDeepL · Ctrl+1\n"));
    g_assert_nonnull (strstr (reordered, "2\nLibreTranslate · Ctrl+2\n"));
    /* and Ctrl+1 now means DeepL's */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-suggestion", "i", 1));
    g_assert_cmpstr (vv_segment_get_origin (segment), ==, "mt:deepl");
    gtk_window_destroy (GTK_WINDOW (prefs));
    /* back to the order the rest of the test expects */
    g_settings_set_strv (settings, "mt-providers", providers);
    g_assert_true (wait_until (panel_done, window));
  }

  /* focusing again asks the cache, not the servers */
  requests = vv_fake_mt_server_get_n_requests (libre);
  vv_suggestions_panel_refresh (window->suggestions_panel);
  g_assert_true (wait_until (panel_done, window));
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (libre), ==, requests);

  /* another target language (one the providers offer): the pair requested
   * changes, old suggestions go */
  g_assert_true (wait_until (languages_done, window));
  gtk_drop_down_set_selected (window->target_dropdown, dropdown_index (window, "de"));
  g_assert_cmpstr (vv_document_get_target_language (document), ==, "de");
  g_assert_true (wait_until (panel_done, window));
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (libre), ==, requests + 1);
  g_assert_nonnull (strstr (vv_fake_mt_server_get_last_body (libre), "\"de\""));
  g_assert_cmpstr (vv_segment_lookup_suggestion (segment, "libretranslate"), ==, "[de] Le chat est noir.");
  g_assert_cmpstr (vv_segment_lookup_suggestion (segment, "deepl"), ==, "[de] Le chat est noir.");
  g_assert_null (vv_segment_lookup_suggestion (vv_document_get_segment (document, 0), "libretranslate"));
  text_ca = vv_suggestions_panel_dup_text (window->suggestions_panel);
  g_assert_nonnull (strstr (text_ca, "[de] Le chat est noir."));
  g_assert_null (strstr (text_ca, "[es]"));

  /* a do-not-translate segment is not sent */
  requests = vv_fake_mt_server_get_n_requests (libre);
  vv_segment_set_flags (vv_document_get_segment (document, 0), VV_SEGMENT_FLAGS_DO_NOT_TRANSLATE);
  _vv_window_focus_position (window, 0);
  g_assert_true (wait_until (focused_on_0, window));
  g_assert_true (wait_until (panel_done, window));
  g_assert_cmpuint (vv_fake_mt_server_get_n_requests (libre), ==, requests);
  g_assert_cmpuint (vv_segment_get_n_suggestions (vv_document_get_segment (document, 0)), ==, 0);

  /* the document notifies, the chooser follows, even to a language that
   * no provider listed */
  vv_document_set_target_language (document, "ca");
  g_assert_cmpstr (g_ptr_array_index (window->target_codes, gtk_drop_down_get_selected (window->target_dropdown)), ==, "ca");

  g_settings_reset (settings, "mt-providers");
  g_settings_reset (settings, "mt-provider-urls");
  g_settings_reset (settings, "mt-formality");
  g_unsetenv ("VISAVIS_DEEPL_KEY");
  g_unsetenv ("VISAVIS_GOOGLE_KEY");
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;

  if (!gtk_init_check ())
    {
      if (g_strcmp0 (g_getenv ("VISAVIS_REQUIRE_DISPLAY"), "1") == 0)
        {
          g_printerr ("no display, but VISAVIS_REQUIRE_DISPLAY=1\n");
          return 1;
        }
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  vv_test_init (&argc, &argv);
  cache = vv_test_make_tmpdir ();
  g_setenv ("VISAVIS_MT_CACHE_DIR", cache, TRUE);

  g_test_add_func ("/ui/mt/translate-all", test_translate_all);
  g_test_add_func ("/ui/mt/cancel", test_cancel);
  g_test_add_func ("/ui/mt/preferences-page", test_preferences_page);
  g_test_add_func ("/ui/mt/suggestions-panel", test_suggestions_panel);
  g_test_add_func ("/ui/mt/target-languages", test_target_languages);

  return g_test_run ();
}
